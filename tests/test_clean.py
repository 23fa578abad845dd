"""Tests for framing.clean, from the user's side: realistic articles, tables of cases, oracles."""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
import re
import unicodedata
import warnings
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import FramingError, FramingWarning
from framing.clean import (
    DEFAULT_BOILERPLATE,
    DEFAULT_CAPTIONS,
    REASONS,
    clean_articles,
    default_cleaner,
    is_byline,
    is_credit_line,
    make_cleaner,
    normalize_dashes,
    normalize_quotes,
    normalize_unicode,
    normalize_whitespace,
    remove_boilerplate,
    remove_captions,
    removed_pieces,
    restore_removed,
    split_dateline,
)
from framing.clean.removed import dropped_lines, restore_text
from framing.clean.text import fold_characters as fold
from framing.tokens import word_tokens

EXAMPLE_DIR = Path(__file__).resolve().parents[1] / "framing" / "example" / "articles"

# --------------------------------------------------------------------------------------
# Four realistic articles, written out in full, and what the default cleaner must make
# of them (written by hand, not produced by the code under test).
# --------------------------------------------------------------------------------------

EN_WIRE = (
    "YEREVAN, Sept. 14, 2022 (TCW) \u2013 A ceasefire between Armenia and Azerbaijan took "
    "effect on Wednesday evening, Armenia\u2019s Security Council secretary said, after two "
    "days of fighting that killed more than 100 soldiers.\n"
    "\n"
    "Photo: Smoke rises over hills near Jermuk, September 13, 2022. (TCW/Arman Galoyan)\n"
    "\n"
    "Get the TCW morning briefing in your inbox: sign up at tcw.example/newsletter\n"
    "\n"
    "\u201cThe treaty was written for exactly this situation,\u201d said Gevorg Tadevosyan, an "
    "analyst at the Caucasus\u00a0Policy Lab. \u201cIf the allies answer with a statement "
    "\u2014 and nothing more \u2014 people will draw their own conclusions.\u201d\n"
    "\n"
    "Read more: What Article 4 promises Armenia, and why it has not delivered\n"
    "\n"
    "The fighting was the worst since the 2020 war. Russian peace\u00adkeepers were deployed "
    "for 2020\u20132025 under the trilateral statement -- a deal Moscow brokered.\n"
    "Read more carefully, the treaty says little about borders, Tadevosyan added.\n"
    "Readers who want to read more about the treaty can find it on the CSTO\u200b website.\n"
    "\n"
    "\n"
    "\n"
    "Share this article with your community.\n"
    "Follow TCW on Telegram for live updates\n"
    "(Reporting by Anna Melkonyan in Yerevan; Editing by Claire Barrow)\n"
)
EN_WIRE_CLEAN = (
    "YEREVAN, Sept. 14, 2022 (TCW) \u2014 A ceasefire between Armenia and Azerbaijan took "
    "effect on Wednesday evening, Armenia's Security Council secretary said, after two "
    "days of fighting that killed more than 100 soldiers.\n"
    "\n"
    '"The treaty was written for exactly this situation," said Gevorg Tadevosyan, an '
    'analyst at the Caucasus Policy Lab. "If the allies answer with a statement '
    '\u2014 and nothing more \u2014 people will draw their own conclusions."\n'
    "\n"
    "The fighting was the worst since the 2020 war. Russian peacekeepers were deployed "
    "for 2020-2025 under the trilateral statement \u2014 a deal Moscow brokered.\n"
    "Read more carefully, the treaty says little about borders, Tadevosyan added.\n"
    "Readers who want to read more about the treaty can find it on the CSTO website."
)

RU_ARTICLE = (
    "ЕРЕВАН, 14 сентября (Северный курьер) — Армения официально запросила помощи у "
    "Организации Договора о коллективной безопасности после ночных ударов по Джермуку.\n"
    "\n"
    "«Речь идет не о Карабахе, а о признанной территории государства-члена», – считает "
    "Павел Ермолин, эксперт центра «Меридиан». По его словам, в 1991–1994 годах "
    "„гарантии“ союзников выглядели иначе.\n"
    "\n"
    "Фото: Жители Джермука грузят вещи в машины, 13 сентября. (Северный курьер/Арам Саакян)\n"
    "\n"
    "В секретариате ОДКБ вечером ожидают внеочередного заседания Постоянного совета.\n"
    "\n"
    "Читайте также: Что предусматривает статья 4 Договора о коллективной безопасности\n"
    "\n"
    "Подписывайтесь на «Северный курьер» в Telegram\n"
)
RU_ARTICLE_CLEAN = (
    "ЕРЕВАН, 14 сентября (Северный курьер) — Армения официально запросила помощи у "
    "Организации Договора о коллективной безопасности после ночных ударов по Джермуку.\n"
    "\n"
    '"Речь идет не о Карабахе, а о признанной территории государства-члена", — считает '
    'Павел Ермолин, эксперт центра "Меридиан". По его словам, в 1991-1994 годах '
    '"гарантии" союзников выглядели иначе.\n'
    "\n"
    "В секретариате ОДКБ вечером ожидают внеочередного заседания Постоянного совета."
)

NO_DATELINE = (
    "NATO and the CSTO — two blocs that once watched each other across Europe — now meet "
    "in the South Caucasus, where Armenia belongs to one and courts the other.\n"
    "\n"
    "Armenia joined the Collective Security Treaty in 1992. Three decades later its prime "
    "minister calls the alliance 'a threat to our security'.\n"
)

DM_FEATURE = (
    "BOSTON (Diaspora Mirror) - A month after the shelling, the phones at the Watertown\t"
    "Hye Relief Circle have not stopped ringing.\r\n"
    "\r\n"
    "[Photo: Volunteers load donated blankets in Watertown]\r\n"
    "Volunteers  say the drive has raised $40,000 since September 14.   \r\n"
    "Photos from the vigil (Diaspora Mirror/Arpi Tashjian)\r\n"
    "\r\n"
    "\r\n"
    "    Donations remain open through October 15 at the parish office.\r\n"
    "Subscribe to the Mirror's weekly edition\r\n"
    "We use cookies to improve your experience on this site.\r\n"
    "© 2023 Diaspora Mirror. All rights reserved.\r\n"
)
DM_FEATURE_CLEAN = (
    "BOSTON (Diaspora Mirror) - A month after the shelling, the phones at the Watertown "
    "Hye Relief Circle have not stopped ringing.\n"
    "\n"
    "Volunteers say the drive has raised $40,000 since September 14.\n"
    "\n"
    "Donations remain open through October 15 at the parish office."
)

ARTICLES = {
    "en-wire": (EN_WIRE, EN_WIRE_CLEAN),
    "ru-article": (RU_ARTICLE, RU_ARTICLE_CLEAN),
    "no-dateline": (
        NO_DATELINE,
        NO_DATELINE.strip(),
    ),
    "dm-feature": (DM_FEATURE, DM_FEATURE_CLEAN),
}


@pytest.mark.parametrize("name", ARTICLES)
def test_default_cleaner_on_realistic_articles(name):
    raw, expected = ARTICLES[name]
    assert default_cleaner(raw) == expected


@pytest.mark.parametrize(
    ("name", "place", "source", "starts"),
    [
        ("en-wire", "YEREVAN", "TCW", "A ceasefire between"),
        ("ru-article", "ЕРЕВАН", "Северный курьер", "Армения официально"),
        ("no-dateline", "", "", "NATO and the CSTO — two blocs"),
        ("dm-feature", "BOSTON", "Diaspora Mirror", "A month after"),
    ],
)
def test_clean_articles_on_realistic_articles(name, place, source, starts):
    articles = pd.DataFrame({"article_id": [name], "text": [ARTICLES[name][0]]})
    out = clean_articles(articles)
    row = out.iloc[0]
    assert (row["dateline_place"], row["dateline_source"]) == (place, source)
    assert row["text"].startswith(starts)
    # the dateline is gone from the text, and nothing else of the cleaned text is
    assert ARTICLES[name][1].endswith(row["text"])


def test_each_cleaner_on_the_english_wire_story():
    # each step on its own, on the same real-looking text
    assert "\u00a0" not in normalize_unicode(EN_WIRE)
    assert "peacekeepers" in normalize_unicode(EN_WIRE)
    assert "CSTO website" in normalize_unicode(EN_WIRE)
    quoted = normalize_quotes(EN_WIRE)
    assert "Armenia's" in quoted and '"The treaty' in quoted and "\u201c" not in quoted
    dashed = normalize_dashes(EN_WIRE)
    assert "(TCW) \u2014 A ceasefire" in dashed
    assert "2020-2025" in dashed and "statement \u2014 a deal" in dashed
    kept = remove_boilerplate(EN_WIRE).splitlines()
    assert not any(
        line.startswith(("Get the", "Read more:", "Share", "Follow", "(Rep")) for line in kept
    )
    assert any(line.startswith("Read more carefully") for line in kept)
    assert any(line.startswith("Photo:") for line in kept)  # captions are another cleaner
    assert not any(line.startswith("Photo:") for line in remove_captions(EN_WIRE).splitlines())


# --------------------------------------------------------------------------------------
# Tables of cases, one per cleaner
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CSTO", "CSTO"),
        ("ﬁnal ＣＳＴＯ", "final CSTO"),  # ligature, full-width (NFKC)
        ("a\u00a0b\u202fc\u2007d", "a b c d"),  # no-break spaces
        ("peace\u00adkeepers", "peacekeepers"),  # soft hyphen
        ("CSTO\u200b\u200c\u200d\u2060\ufeff", "CSTO"),  # zero-width characters
        ("e\u0301", "\u00e9"),  # composed (NFC part of NFKC)
        ("e\u200b\u0301", "\u00e9"),  # removed first, then composed: idempotent
        ("Ереван\u00a0— ОДКБ", "Ереван — ОДКБ"),
        ("x\u00b2", "x2"),
    ],
)
def test_normalize_unicode(raw, expected):
    assert normalize_unicode(raw) == expected
    assert normalize_unicode(expected) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u201cCSTO\u201d", '"CSTO"'),
        ("\u201eгарантии\u201c", '"гарантии"'),
        ("\u00abМеридиан\u00bb", '"Меридиан"'),  # Russian «» become " too (intended)
        ("\u201fx\u201d", '"x"'),
        ("Armenia\u2019s", "Armenia's"),
        ("\u2018for now\u2019", "'for now'"),
        ("\u201ax\u2018", "'x'"),
        ("\u2039x\u203a", "'x'"),
        ("\u201bx\u2019", "'x'"),
        ("already \"straight\" and 'single'", "already \"straight\" and 'single'"),
        ("\u00ab\u201eнет\u201c\u00bb", '""нет""'),
    ],
)
def test_normalize_quotes(raw, expected):
    assert normalize_quotes(raw) == expected


EM = "\u2014"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("bloc \u2013 and", f"bloc {EM} and"),  # spaced en dash
        ("bloc \u2014 and", f"bloc {EM} and"),  # em dash stays
        ("bloc \u2015 and", f"bloc {EM} and"),  # horizontal bar
        ("bloc \u2212 and", f"bloc {EM} and"),  # spaced minus sign
        ("bloc \u2012 and", f"bloc {EM} and"),  # spaced figure dash
        ("bloc -- and", f"bloc {EM} and"),  # spaced double hyphen
        ("(TCW) -- Armenia", f"(TCW) {EM} Armenia"),
        ("\u2013 Мы уходим, \u2013 сказал он.", f"{EM} Мы уходим, {EM} сказал он."),  # line start
        ("he said \u2013\nthen", f"he said {EM}\nthen"),  # line end
        ("2022\u20132024", "2022-2024"),  # en dash between digits
        ("pp. 3\u20125", "pp. 3-5"),  # figure dash between digits
        ("1941\u20141945", "1941-1945"),  # Russian style em dash range
        ("5\u22123", "5-3"),
        ("1\u20132\u20133", "1-2-3"),
        ("fellow-citizens", "fellow-citizens"),  # hyphen in a word stays
        ("Armenia\u2013Azerbaijan border", "Armenia\u2013Azerbaijan border"),  # unspaced: kept
        ("bloc\u2014and", "bloc\u2014and"),
        ("a - b", "a - b"),  # single spaced hyphen-minus: left alone
        ("\u22125 degrees", "\u22125 degrees"),  # minus before a number
        ("a---b and a --- b", "a---b and a --- b"),
        ("word--word", "word--word"),
        ("no dashes here", "no dashes here"),
    ],
)
def test_normalize_dashes(raw, expected):
    assert normalize_dashes(raw) == expected
    assert word_tokens(normalize_dashes(raw)) == word_tokens(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a  b\t\tc", "a b c"),
        ("  a  \n  b  ", "a\nb"),
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("a\n \t \n\t\nb", "a\n\nb"),
        ("\n\n\na\n\n", "a"),
        ("a\u00a0\u3000b", "a b"),
        ("", ""),
        (" \n\t\n", ""),
    ],
)
def test_normalize_whitespace(raw, expected):
    assert normalize_whitespace(raw) == expected


BOILERPLATE_LINES = [
    "Get the Ledger's morning briefing in your inbox: sign up at yerevanledger.example",
    "Get our newsletter delivered to your inbox every morning",
    "Sign up for the TCW Caucasus newsletter",
    "Subscribe to the Mirror's weekly edition",
    "SUBSCRIBE NOW",
    "Read more: Armenia says no to hosting CSTO drills this year",
    "READ MORE >> Armenia and the CSTO",
    "Read also",
    "Read also: Explainer: What Article 4 promises Armenia",
    "Share this article with your community.",
    "Share on Facebook",
    "Follow Eurasian Herald on Telegram for live updates",
    "Follow us on X",
    "Подписывайтесь на «Северный курьер» в Telegram",
    "Читайте также: Армения отказалась принимать учения ОДКБ в этом году",
    "(Reporting by Anna Melkonyan in Yerevan; Editing by Claire Barrow)",
    "(Compiled by TCW staff; Editing by Hugh Lawton)",
    "Reporting by David Brenner; Editing by Claire Barrow",
    "© 2023 Yerevan Ledger. All rights reserved.",
    "Copyright 2024 Transcontinental Wire",
    "All rights reserved.",
    "Yerevan Ledger, all rights reserved",
    "© Северный курьер, 2024. Все права защищены.",
    "We use cookies to give you the best experience on our website.",
    "By continuing to use this site you agree to our use of cookies.",
    "Мы используем файлы cookie, чтобы сайт работал лучше.",
    "   Read   more:   indented and spaced   ",
    " Reuter",
    "REUTER",
    "Related",
    "Related:",
    "Related: Armenia freezes its CSTO role",
    "Related coverage",
    "See also: Timeline of Armenia-CSTO relations",
    "ALSO READ | Armenia and Azerbaijan agree on border commission",
    "По теме",
    "По теме: Пашинян допустил выход из ОДКБ",
    "Join our WhatsApp channel for the latest news",
    "Join us on Telegram",
    "Присоединяйтесь к нам в Telegram",
    "Больше новостей в нашем Telegram-канале.",
    "Advertisement",
    "Реклама",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "При полном или частичном использовании материалов ссылка на РИА Новости обязательна.",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_remove_boilerplate_drops(line):
    text = f"Armenia did not sign.\n{line}\nThe summit ended."
    assert remove_boilerplate(text) == "Armenia did not sign.\nThe summit ended."


@pytest.mark.parametrize(
    "line",
    [
        "Analysts who read more than the communique saw a change of tone.",
        "Read more carefully, the treaty says little about borders.",
        "Read more about it in the report, the minister told reporters on Monday.",
        "read more.",  # a hard-wrapped continuation ("... the more they\nread more.")
        "subscribe to ordinary shares.",  # Reuters-21578, hard-wrapped
        "Armenia's government said it would subscribe to the monitoring mission's mandate.",
        "Sign up for military service has fallen, officials said.",
        "The company said all rights reserved under the contract remained in force, and "
        "that lawyers for both sides had been told so in writing last week by the board.",
        "The company said all rights reserved.",
        "Photo: this is a caption, not boilerplate",
        "Following the summit on Telegram channels, many Armenians voiced anger.",
        "Читайте договор внимательно, советует эксперт.",
        "Related talks will be held in May.",
        "See also the annex, which lists the drills.",
        "По теме переговоров высказался министр.",
        "Join the talks, the minister urged Baku.",
        "Больше новостей о переговорах ждут в мае.",
        "Advertisement spending rose 5 pct in March.",
        "Реклама на телевидении подорожала.",
        "Our standards of living fell, the minister said.",
        "При использовании информации спутниковой разведки армия наносит удары.",
    ],
)
def test_remove_boilerplate_keeps(line):
    text = f"Armenia did not sign.\n{line}\nThe summit ended."
    assert remove_boilerplate(text) == text


def test_remove_boilerplate_custom_patterns():
    text = "Advertisement\nArmenia did not sign.\nRead more: x"
    patterns = DEFAULT_BOILERPLATE + (r"^Advertisement$",)
    assert remove_boilerplate(text, patterns=patterns) == "Armenia did not sign.\n"
    assert remove_boilerplate(text, patterns=(r"^Advertisement$",)) == (
        "Armenia did not sign.\nRead more: x"
    )
    assert remove_boilerplate(text, patterns="^advertisement$") == (
        "Armenia did not sign.\nRead more: x"
    )
    assert remove_boilerplate(text, patterns=()) == text
    # "(?s)" may only start a whole pattern, so it cannot be combined: still works
    assert remove_boilerplate(text, patterns=(r"(?s)advert.*", "read more")) == (
        "Armenia did not sign.\n"
    )


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        ((r"Read (more",), r"pattern 0 'Read \(more' is not a valid regular expression"),
        (("ok", 3), "pattern 1 is int"),
        (42, "expected a tuple of regular expressions"),
    ],
)
def test_bad_patterns_name_the_pattern(patterns, message):
    with pytest.raises(FramingError, match=message):
        remove_boilerplate("text", patterns=patterns)


CAPTION_LINES = [
    "Photo: Smoke rises over hills near Jermuk, September 13, 2022. (TCW/Arman Galoyan)",
    "PHOTO: Protesters outside the summit venue",
    "Фото: Участники шествия у площади Свободы, 21 сентября. (Северный курьер/Арам Саакян)",
    "Image: Armenian and Russian flags",
    "Caption: The empty chair at the Minsk summit",
    "[Photo: Volunteers sort letters in Pasadena]",
    "[Photo by Ani Sargsyan]",
    "Photos from the vigil (Reuters/Ani Sargsyan)",
    "Photo by Hayk Petrosyan",
    "Photo credit: Diaspora Mirror",
    "Credit: Getty Images",
    "Фото ТАСС",
    "Фото ТАСС/Сергей Бобылев",
    "Фото: РИА Новости",
    "Photo AFP",
    "Getty Images",
    "Getty Images/iStockphoto",
    "Иллюстрация: РИА Новости",
    "Коллаж: «Газета.Ru»",
    "Скриншот: Telegram",
]


@pytest.mark.parametrize("line", CAPTION_LINES)
def test_remove_captions_drops(line):
    text = f"The march began.\n\n{line}\n\nIt ended at the consulate."
    assert remove_captions(text) == "The march began.\n\n\nIt ended at the consulate."


@pytest.mark.parametrize(
    "line",
    [
        "Photographers were kept away from the summit venue (TCW reported).",
        "Photos of the empty chair spread quickly on social media, officials said, and "
        "the ministry declined to comment on them when asked by reporters on Thursday.",
        "The image of Armenia as a loyal ally has faded.",
        "Фотографии пустого кресла быстро разошлись по соцсетям.",
        "photo: a hard-wrapped continuation line",
        "Photo Moto recorded a net loss for the first quarter 1986",
        "Getty Images declined to comment.",
        "Credits to the farmers rose 5 pct in March.",
    ],
)
def test_remove_captions_keeps(line):
    text = f"The march began.\n{line}\nIt ended."
    assert remove_captions(text) == text


def test_remove_captions_custom_patterns():
    text = "Pictured above: the summit\nThe summit ended."
    assert remove_captions(text) == text
    assert remove_captions(text, patterns=DEFAULT_CAPTIONS + (r"pictured\b",)) == (
        "The summit ended."
    )


# --------------------------------------------------------------------------------------
# Datelines
# --------------------------------------------------------------------------------------

REST = "U.S. Oil Co said on Tuesday."


@pytest.mark.parametrize(
    ("dateline", "place", "source"),
    [
        ("YEREVAN (Azatutyun) \u2014 ", "YEREVAN", "Azatutyun"),
        ("MOSCOW, Sept 14 (TCW) \u2014 ", "MOSCOW", "TCW"),
        ("MOSCOW, Sept. 14, 2023 (TCW) -- ", "MOSCOW", "TCW"),
        ("ЕРЕВАН, 14 сентября (Северный курьер) \u2014 ", "ЕРЕВАН", "Северный курьер"),
        ("BOSTON (Diaspora Mirror) - ", "BOSTON", "Diaspora Mirror"),
        ("YEREVAN \u2014 ", "YEREVAN", ""),
        ("WASHINGTON, March 3 (Reuters) - ", "WASHINGTON", "Reuters"),
        ("NEW YORK (AP) \u2014 ", "NEW YORK", "AP"),
        ("ST. PETERSBURG, July 5 (Reuters) - ", "ST. PETERSBURG", "Reuters"),
        ("САНКТ-ПЕТЕРБУРГ, 5 июля (ТАСС) \u2014 ", "САНКТ-ПЕТЕРБУРГ", "ТАСС"),
        ("GORIS, Armenia, Dec 14 (TCW) \u2014 ", "GORIS", "TCW"),
        ("KUT, Gegharkunik (Yerevan Ledger) \u2014 ", "KUT", "Yerevan Ledger"),
        ("WASHINGTON, D.C. (AP) \u2014 ", "WASHINGTON", "AP"),
        ("LONDON/MOSCOW (Reuters) - ", "LONDON/MOSCOW", "Reuters"),
        ("PARIS, June 10 \u2014 ", "PARIS", ""),
        ("МОСКВА, 14.09.2023 (ТАСС) \u2014 ", "МОСКВА", "ТАСС"),
        ("МИНСК, 23 ноября 2023 года (Северный курьер) \u2013 ", "МИНСК", "Северный курьер"),
        ("BRUSSELS, 2023-02-20 (TCW) \u2014 ", "BRUSSELS", "TCW"),
        ("YEREVAN\u2014", "YEREVAN", ""),  # unspaced em dash
        ("YEREVAN (TCW)\u00a0\u2014\u00a0", "YEREVAN", "TCW"),  # no-break spaces
        ("  \nSOTK (Yerevan Ledger) \u2014 ", "SOTK", "Yerevan Ledger"),  # leading white space
        ("CÔTE D'IVOIRE (AFP) \u2014 ", "CÔTE D'IVOIRE", "AFP"),
        ("LONDON, Monday (Reuters) - ", "LONDON", "Reuters"),
        ("CSTO \u2014 ", "CSTO", ""),  # ambiguous but short: taken for a dateline
        ("BERLIN (dpa) \u2014 ", "BERLIN", "dpa"),
        # wire forms with the source after the date or the dash, or without a place
        ("MOSCOW, April 1. /TASS/. ", "MOSCOW", "TASS"),
        ("МОСКВА, 1 апреля. /ТАСС/. ", "МОСКВА", "ТАСС"),
        ("МОСКВА, 1 апр \u2014 РИА Новости. ", "МОСКВА", "РИА Новости"),
        ("ЕРЕВАН, 1 апреля \u2014 Sputnik. ", "ЕРЕВАН", "Sputnik"),
        ("ЕРЕВАН, 1 апреля \u2014 Sputnik Армения. ", "ЕРЕВАН", "Sputnik Армения"),
        ("(AP) \u2014 ", "", "AP"),
        ("(Reuters) - ", "", "Reuters"),
        ("Москва. 1 апреля. INTERFAX.RU - ", "Москва", "INTERFAX.RU"),
        ("MOSCOW. April 1 (Interfax) - ", "MOSCOW", "Interfax"),
        ("LONDON, April 1 (AFP) - ", "LONDON", "AFP"),
        ("NEW YORK, March 31 - ", "NEW YORK", ""),  # "U.S. Oil Co" is no source
        # AFP's title-case place, a Georgian agency, AP copy run without "(AP)", Armenpress
        ("Moscow (AFP) - ", "Moscow", "AFP"),
        ("Тбилиси, 5 марта (Новости-Грузия) \u2014 ", "Тбилиси", "Новости-Грузия"),
        ("ASTANA, Kazakhstan \u2014 ", "ASTANA", ""),
        ("ЕРЕВАН, 7 НОЯБРЯ, АРМЕНПРЕСС. ", "ЕРЕВАН", "АРМЕНПРЕСС"),
        ("YEREVAN, NOVEMBER 7, ARMENPRESS. ", "YEREVAN", "ARMENPRESS"),
    ],
)
def test_split_dateline_finds(dateline, place, source):
    assert split_dateline(dateline + REST) == (place, source, REST)


@pytest.mark.parametrize(
    "text",
    [
        "NATO and the CSTO \u2014 two blocs that once watched each other.",
        "The CSTO \u2014 a bloc of six \u2014 did not answer.",
        "Yerevan \u2014 the capital \u2014 was quiet.",
        "US \u2014 Armenian exercises began on Monday.",  # fewer than three letters
        "YEREVAN, Armenia \u2014 a region needs a date or a source after it.",
        "YEREVAN said on Tuesday that it would not sign.",
        "FIVE BIG NEW TOWN HALLS \u2014 more than four words.",
        "CSTO (which Armenia joined in 1992) \u2014 the bloc.",
        "COVID-19 \u2014 the pandemic hit trade.",
        "CORRECTION - In the YEREVAN story, please read ...",
        "MONEY RATES - Bank of England rates were unchanged.",  # bare place with a hyphen
        "Armenia said. YEREVAN (TCW) \u2014 not at the start.",
        "Headline\nYEREVAN (TCW) \u2014 on the second line.",
        "ЕРЕВАН и МОСКВА \u2014 два союзника.",
        "YEREVAN-based analysts said the bloc was finished.",
        "(Updated) \u2014 the kicker is no source.",
        "(which Armenia joined) \u2014 a parenthesis of content.",
        "Moscow. The capital was quiet.",
        "NATO, CSTO. The two blocs met.",  # capitals after a comma need a date before them
        "Yerevan (Armenia) \u2014 the capital was quiet.",  # a title-case place, no sentence
        "Moscow (and Minsk) \u2014 Both were quiet.",  # no source in the parentheses
        "",
    ],
)
def test_split_dateline_leaves_text_alone(text):
    assert split_dateline(text) == ("", "", text)


def test_split_dateline_rejects_non_text():
    with pytest.raises(FramingError, match="split_dateline: expected a text"):
        split_dateline(None)


# --------------------------------------------------------------------------------------
# make_cleaner and default_cleaner
# --------------------------------------------------------------------------------------


def _add_x(text):
    return text + "x"


def _double(text):
    return text + text


def test_make_cleaner_applies_left_to_right():
    assert make_cleaner(_add_x, _double)("a") == "axax"
    assert make_cleaner(_double, _add_x)("a") == "aax"
    assert make_cleaner()("unchanged") == "unchanged"


def test_make_cleaner_names_its_steps():
    clean = make_cleaner(normalize_quotes, partial(remove_boilerplate, patterns=()), _add_x)
    expected = "make_cleaner(normalize_quotes, remove_boilerplate(patterns=…), _add_x)"
    assert repr(clean) == clean.__name__ == expected
    assert repr(default_cleaner) == (
        "make_cleaner(normalize_unicode, normalize_quotes, normalize_dashes, "
        "remove_boilerplate, remove_captions, normalize_whitespace)"
    )


def test_make_cleaner_flattens_and_pickles():
    clean = make_cleaner(default_cleaner, _add_x)
    assert clean.steps == (*default_cleaner.steps, _add_x)
    again = pickle.loads(pickle.dumps(default_cleaner))
    assert again == default_cleaner
    assert again(EN_WIRE) == EN_WIRE_CLEAN


def test_make_cleaner_rejects_non_functions():
    with pytest.raises(FramingError, match="make_cleaner: step 1 is str 'oops'"):
        make_cleaner(normalize_quotes, "oops")


def test_cleaner_step_must_return_str():
    clean = make_cleaner(normalize_quotes, len)
    with pytest.raises(FramingError, match="the step len returned int, not str"):
        clean("text")


@pytest.mark.parametrize(
    "func",
    [
        normalize_unicode,
        normalize_quotes,
        normalize_dashes,
        normalize_whitespace,
        remove_boilerplate,
        remove_captions,
        default_cleaner,
    ],
)
def test_cleaners_reject_non_text(func):
    with pytest.raises(FramingError, match="expected a text"):
        func(b"bytes")


# --------------------------------------------------------------------------------------
# clean_articles
# --------------------------------------------------------------------------------------


def _articles():
    df = pd.DataFrame(
        {
            "article_id": ["en-wire", "ru-article", "no-dateline", "dm-feature"],
            "date": pd.to_datetime(["2022-09-14", "2022-09-13", "2023-01-10", "2022-10-14"]),
            "outlet": ["TCW", "Северный курьер", "Yerevan Ledger", "Diaspora Mirror"],
            "text": [EN_WIRE, RU_ARTICLE, NO_DATELINE, DM_FEATURE],
            "lang": ["en", "ru", "en", "en"],
        },
        index=[10, 11, 12, 13],
    )
    df.attrs["ingest_report"] = {"read": 4, "dropped": []}
    return df


def test_clean_articles_returns_a_new_table_and_leaves_the_input_alone():
    articles = _articles()
    before = articles.copy(deep=True)
    attrs_before = copy.deepcopy(articles.attrs)
    out = clean_articles(articles)
    pd.testing.assert_frame_equal(articles, before)
    assert articles.attrs == attrs_before
    assert out is not articles
    assert len(out) == len(articles)
    assert list(out.index) == list(articles.index)
    assert list(out.columns) == [*articles.columns, "dateline_place", "dateline_source", "removed"]
    # the other columns are carried over unchanged
    pd.testing.assert_frame_equal(
        out[list(before.columns.drop("text"))], before.drop(columns="text")
    )
    # the input's attrs, and what cleaning did (for provenance)
    assert {k: v for k, v in out.attrs.items() if k != "cleaning"} == attrs_before
    assert out.attrs["cleaning"][0]["datelines"] is True
    out.attrs["ingest_report"]["read"] = 99  # a copy, not a view
    assert articles.attrs["ingest_report"]["read"] == 4


def test_clean_articles_columns():
    out = clean_articles(_articles())
    assert out["dateline_place"].tolist() == ["YEREVAN", "ЕРЕВАН", "", "BOSTON"]
    assert out["dateline_source"].tolist() == ["TCW", "Северный курьер", "", "Diaspora Mirror"]
    expected = [split_dateline(clean)[2] for _, clean in ARTICLES.values()]
    assert out["text"].tolist() == expected


def test_clean_articles_without_datelines_adds_no_column():
    articles = _articles()
    out = clean_articles(articles, datelines=False)
    assert list(out.columns) == [*articles.columns, "removed"]
    assert out["text"].tolist() == [clean for _, clean in ARTICLES.values()]


def test_clean_articles_with_a_custom_cleaner_and_column():
    articles = pd.DataFrame({"article_id": ["a"], "body": ["YEREVAN (TCW) \u2013 «Нет»"]})
    out = clean_articles(articles, cleaner=make_cleaner(normalize_quotes), column="body")
    # the dateline is found although the cleaner did not normalize the dash
    assert out.loc[0, ["body", "dateline_place", "dateline_source"]].tolist() == [
        '"Нет"',
        "YEREVAN",
        "TCW",
    ]


def test_clean_articles_twice_keeps_the_datelines():
    once = clean_articles(_articles())
    twice = clean_articles(once)
    pd.testing.assert_frame_equal(once, twice)


def test_clean_articles_warns_about_emptied_texts_and_keeps_them():
    articles = pd.DataFrame(
        {
            "article_id": ["ok", "promo", "already-empty", "missing", "only-dateline"],
            "text": [
                "Armenia did not sign.",
                "Read more: CSTO summit\nSubscribe to our newsletter",
                "",
                None,
                "YEREVAN (TCW) \u2014 ",
            ],
        }
    )
    with pytest.warns(FramingWarning, match=r"2 article\(s\) became empty") as record:
        out = clean_articles(articles)
    message = str(record[0].message)
    assert record[0].filename == __file__  # the warning points at the caller
    assert "'promo'" in message and "'only-dateline'" in message
    assert "'already-empty'" not in message and "'missing'" not in message
    assert len(out) == 5
    assert out["text"].tolist() == ["Armenia did not sign.", "", "", "", ""]


def test_clean_articles_warning_names_index_without_article_id():
    articles = pd.DataFrame({"text": ["Read more: x", "kept"]}, index=["r1", "r2"])
    with pytest.warns(FramingWarning, match=r"1 article\(s\).*'r1'"):
        clean_articles(articles)


@pytest.mark.parametrize(
    ("kwargs", "articles", "message"),
    [
        (
            {},
            pd.DataFrame({"body": ["x"]}),
            "clean_articles: the articles table has no column 'text'",
        ),
        ({"column": "body"}, pd.DataFrame({"text": ["x"]}), "no column 'body'"),
        ({}, pd.Series(["x"]), "expected the articles table as a pandas DataFrame, got Series"),
        ({"cleaner": "default"}, pd.DataFrame({"text": ["x"]}), "cleaner must be a function"),
        ({"cleaner": len}, pd.DataFrame({"text": ["x"]}), "the cleaner returned int"),
        (
            {},
            pd.DataFrame({"article_id": ["a1"], "text": pd.Series([3.5], dtype=object)}),
            "the text of article 'a1' is float",
        ),
    ],
)
def test_clean_articles_errors(kwargs, articles, message):
    with pytest.raises(FramingError, match=re.escape(message)):
        clean_articles(articles, **kwargs)


# --------------------------------------------------------------------------------------
# Properties (hypothesis): idempotent, never raises
# --------------------------------------------------------------------------------------

_SPECIAL = list(
    " \t\n\r\x0b\x0c\x1c\x85\u00a0\u2007\u202f\u3000\u2028\u2029\u200b\u200c\u200d\u2060\ufeff"
    "\u00ad\u0301\u2012\u2013\u2014\u2015\u2212-\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018"
    "\u2019\u201a\u201b\u2039\u203a()[]/:;.,!?©ﬁＣ0123456789aZяЯé"
)
_FRAGMENTS = [
    "Read more: ",
    "Read more",
    "Photo: ",
    "Фото: ",
    "(TCW/Name)",
    "YEREVAN (TCW) \u2014 ",
    "MOSCOW, Sept. 14, 2023 (TCW) -- ",
    "ЕРЕВАН, 14 сентября (Северный курьер) \u2014 ",
    " -- ",
    "--",
    "2022\u20132024",
    "Subscribe to our newsletter",
    "Подписывайтесь на ",
    "All rights reserved.",
    "\n\n\n",
    "  ",
    "e\u200b\u0301",  # removing the zero-width space must not let NFKC compose later
    "\u00ad\u0327",
]
_TEXT = st.lists(
    st.one_of(st.text(max_size=6), st.sampled_from(_SPECIAL), st.sampled_from(_FRAGMENTS)),
    max_size=25,
).map("".join)
_PROPERTY = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
CLEANERS = [
    normalize_unicode,
    normalize_quotes,
    normalize_dashes,
    normalize_whitespace,
    remove_boilerplate,
    remove_captions,
    default_cleaner,
]


@pytest.mark.parametrize("func", CLEANERS, ids=lambda f: f.__name__[:40])
@_PROPERTY
@given(text=_TEXT)
def test_cleaners_are_idempotent_and_never_raise(func, text):
    once = func(text)
    assert isinstance(once, str)
    assert func(once) == once


@pytest.mark.parametrize("func", [normalize_quotes, normalize_dashes, normalize_whitespace])
@_PROPERTY
@given(text=_TEXT)
def test_punctuation_cleaners_keep_every_word_token(func, text):
    assert word_tokens(func(text)) == word_tokens(text)


@_PROPERTY
@given(text=_TEXT)
def test_split_dateline_never_raises_and_only_cuts_the_start(text):
    place, source, rest = split_dateline(text)
    assert text.endswith(rest)
    if not place:
        assert (source, rest) == ("", text)
    else:
        assert place in text[: len(text) - len(rest)]
        assert not any(c.islower() for c in place)


# --------------------------------------------------------------------------------------
# Real text: the bundled example corpus and the shared news corpora
# --------------------------------------------------------------------------------------


def _example_texts():
    texts = {}
    for path in sorted(EXAMPLE_DIR.glob("*.txt")):
        _, _front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        texts[path.stem] = body
    return texts


def test_example_corpus_captions_boilerplate_and_datelines():
    texts = _example_texts()
    assert len(texts) > 50
    n_datelines = 0
    for name, raw in texts.items():
        cleaned = default_cleaner(raw)
        for line in cleaned.splitlines():
            assert not line.startswith(("Photo:", "Фото:", "Read more:", "Читайте также:")), name
            assert not line.startswith(("Подписывайтесь", "Share this", "(Reporting by")), name
        # oracle by plain string handling: "PLACE[, …] [(SOURCE)] — " on the first line
        first = raw.lstrip().split("\n", 1)[0]
        head, dash, _ = first.partition(" \u2014 ")
        for wire_dash in (" -- ", " - "):  # also the wires' "MOSCOW, April 1 (TCW) - "
            if not dash:
                head, dash, _ = first.partition(wire_dash)
        place = head.split(",")[0].split(" (")[0] if dash else ""
        if not (place and place.upper() == place and len(head.split()) <= 8):
            place = ""
        source = head[head.find("(") + 1 : head.rfind(")")] if place and "(" in head else ""
        # the agency form "ЕРЕВАН, 21 марта. /Северный курьер/. …"
        if not place and first.count("/") >= 2 and "/. " in first:
            head = first[: first.index("/. ") + 1]
            place, source = head.split(",")[0], head[head.index("/") + 1 : -1]
        got = split_dateline(cleaned)
        assert got[:2] == (place, source), name
        n_datelines += bool(place)
    assert n_datelines > 40


@pytest.mark.shared_data
def test_reuters_sample_keeps_every_token_but_the_signoff(news_dir):
    from nltk.tokenize import WordPunctTokenizer

    tokenize = WordPunctTokenizer().tokenize
    news = pd.read_csv(news_dir / "reuters21578_sample_500.csv", dtype=str, keep_default_na=False)
    n_signoffs = 0
    for raw in news["text"]:
        cleaned = default_cleaner(raw)
        lines = raw.splitlines()
        body = [ln for ln in lines if ln.strip().lower() not in {"reuter", "reuters"}]
        n_signoffs += len(lines) - len(body)
        expected = [t for t in tokenize("\n".join(body)) if re.fullmatch(r"\w+", t)]
        assert [t for t in tokenize(cleaned) if re.fullmatch(r"\w+", t)] == expected
        assert default_cleaner(cleaned) == cleaned
    assert n_signoffs > 400


@pytest.mark.shared_data
def test_press_releases_lose_no_word(news_dir):
    news = pd.read_csv(news_dir / "press_releases_sample_100.csv", dtype=str, keep_default_na=False)
    articles = news.rename(columns={"id": "article_id"})
    out = clean_articles(articles)
    assert len(out) == len(articles)
    for raw, cleaned in zip(articles["text"], out["text"], strict=True):
        assert word_tokens(cleaned) == word_tokens(unicodedata.normalize("NFKC", raw))


# --------------------------------------------------------------------------------------
# The fast cleaners against the rules as first written (the oracle): str.translate with a
# table, the two dash regular expressions, and the line-by-line loops
# --------------------------------------------------------------------------------------

_PLAIN_INVISIBLE = str.maketrans(
    {"\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
     "\u00ad": None, "\u00a0": " ", "\u202f": " ", "\u2007": " "}
)  # fmt: skip
_PLAIN_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
     "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'"}
)  # fmt: skip
_DASHES = "\u2012\u2013\u2014\u2015\u2212"


def plain_normalize_unicode(text):
    return unicodedata.normalize("NFKC", text.translate(_PLAIN_INVISIBLE))


def plain_normalize_quotes(text):
    return text.translate(_PLAIN_QUOTES)


def plain_normalize_dashes(text):
    text = re.sub(rf"(?<=\d)[{_DASHES}](?=\d)", "-", text)
    return re.sub(rf"(?<!\S)(?:[{_DASHES}]|--)(?!\S)", "\u2014", text)


def plain_normalize_whitespace(text):
    out = []
    blank = True
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            out.append(line)
            blank = False
        elif not blank:
            out.append("")
            blank = True
    if out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def _plain_drop_lines(text, patterns):
    kept = []
    for line in text.splitlines(keepends=True):
        key = line.strip()
        if "  " in key or "\t" in key or not key.isascii():
            key = " ".join(key.split())
        if key and any(re.match(p, key, re.IGNORECASE) for p in patterns):
            continue
        kept.append(line)
    return "".join(kept)


def plain_remove_boilerplate(text):
    return _plain_drop_lines(text, DEFAULT_BOILERPLATE)


def plain_remove_captions(text):
    return _plain_drop_lines(text, DEFAULT_CAPTIONS)


def plain_default_cleaner(text):
    for func in (
        plain_normalize_unicode,
        plain_normalize_quotes,
        plain_normalize_dashes,
        plain_remove_boilerplate,
        plain_remove_captions,
        plain_normalize_whitespace,
    ):
        text = func(text)
    return text  # fmt: skip


_PAIRS = [
    (normalize_unicode, plain_normalize_unicode),
    (normalize_quotes, plain_normalize_quotes),
    (normalize_dashes, plain_normalize_dashes),
    (normalize_whitespace, plain_normalize_whitespace),
    (remove_boilerplate, plain_remove_boilerplate),
    (remove_captions, plain_remove_captions),
    (default_cleaner, plain_default_cleaner),
]
# runs of dashes, digits and white space of every kind, where the rules' cases meet
_EDGES = st.lists(
    st.sampled_from(
        [*_DASHES, "-", "--", "0", "7", "\u0663", "\u00b2", "a", "я", " ", "  ", "\t", "\n",
         "\r", "\r\n", "\x0b", "\x1c", "\x1f", "\x85", "\u00a0", "\u2028", "\u3000", "\u200b"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@pytest.mark.parametrize("fast, plain", _PAIRS, ids=lambda f: f.__name__[:30])
@_PROPERTY
@given(text=st.one_of(_TEXT, _EDGES, st.text(max_size=60)))
def test_each_cleaner_gives_what_the_plain_rule_gives(fast, plain, text):
    assert fast(text) == plain(text)


@pytest.mark.parametrize(
    "text",
    [
        "", "--", " -- ", "a -- b", "a --b", "a---b", " --- ", "-- --", "\u2013", " \u2013 ",
        "2022\u20132024", "\u0663\u2013\u0664", "\u00b2\u2013\u00b3", "1\u2013 2", "1 \u2013 2",
        "\u2014\u2014", " \u2014\u2014 ", "x\u2212y", "\u22125", "a\u3000\u2013\u3000b",
        "a\x1f\u2014\x1fb", "\n--\n", "1\u2013\u20132", "1--2",
    ],
)  # fmt: skip
def test_normalize_dashes_edge_cases_match_the_regular_expressions(text):
    assert normalize_dashes(text) == plain_normalize_dashes(text)


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "\n", "a\n", "\na", "a  b", "a \n b", "a\r\nb", "a\r\rb", "a\n\rb", "a\n\n\n\nb",
        " \n \n a \n \n ", "a\x0bb\x0cc", "a\x1cb", "a\x1fb", "a\u2028\u2029b", "a\x85b",
        "a\t\tb", "a \u00a0 b", "a\u3000b\u205fc", "\r\n\r\n\r\nx\r\n\r\n", "     x    ",
        "a\n \nb", "a\n \n \nb",
    ],
)  # fmt: skip
def test_normalize_whitespace_edge_cases_match_the_line_loop(text):
    assert normalize_whitespace(text) == plain_normalize_whitespace(text)


def test_what_the_fast_cleaners_assume_of_python_holds_for_every_character():
    """normalize_dashes decides \\d and \\s with str.isdecimal and str.isspace, and
    normalize_whitespace knows every line break of str.splitlines and every other white
    space character of str.split: checked over all of Unicode, for this Python."""
    from framing.clean import text as clean

    digit, space = re.compile(r"\d"), re.compile(r"\s")
    breaks = {c for c, _ in clean.LINE_BREAKS} | {"\n"}
    spaces = {c for c, _ in clean.SPACES} | {" "}
    for code in range(0x110000):
        c = chr(code)
        assert bool(digit.fullmatch(c)) == c.isdecimal(), hex(code)
        assert bool(space.fullmatch(c)) == c.isspace(), hex(code)
        assert (len(f"a{c}b".splitlines()) == 2) == (c in breaks), hex(code)
        assert (c.isspace() and c not in breaks) == (c in spaces), hex(code)


@pytest.mark.shared_data
@pytest.mark.parametrize(
    "name",
    ["press_releases_kremlin_president_ua_2021-10_2022-06.csv", "reuters21578_sample_500.csv"],
)
def test_default_cleaner_gives_what_the_plain_rules_give_on_real_news(news_dir, name):
    news = pd.read_csv(news_dir / name, dtype=str, keep_default_na=False)
    texts = news["text"].tolist()
    assert len(texts) > 400
    assert [default_cleaner(t) for t in texts] == [plain_default_cleaner(t) for t in texts]


def test_a_pattern_of_its_own_keeps_its_meaning_beside_the_defaults():
    """The defaults share their capital-letter test; a user's pattern with the same prefix
    and an alternation ("(?-i:(?![a-zа-яё]))advert|promo": the prefix applies to "advert"
    only) still means what it says."""
    mine = "(?-i:(?![a-zа-яё]))advert|promo"
    patterns = (*DEFAULT_BOILERPLATE, mine)
    text = "promo code inside\nadvert here\nAdvert here\nThe summit ended."
    assert remove_boilerplate(text, patterns=patterns) == "advert here\nThe summit ended."


# --------------------------------------------------------------------------------------
# The fast paths: output unchanged, and what they assume of Unicode and of the patterns
# --------------------------------------------------------------------------------------

# sha256 of "\0".join(default_cleaner(text)) over each sample's texts, as the cleaner gave
# before it was made faster (commit 3fc8ac7)
_SAMPLE_DIGESTS = {
    "press_releases_sample_100.csv": (
        "969e685e762690140a93c09eee0219fd67db1b5554a2ebeb35fef28b470dcba0"
    ),
    "reuters21578_sample_500.csv": (
        "5970e22f64ee333661d5e2ea49dc814d55b1cd8fda0e48e0d423f8e4c5a4b53f"
    ),
}


@pytest.mark.shared_data
@pytest.mark.parametrize("name", sorted(_SAMPLE_DIGESTS))
def test_default_cleaner_output_on_the_samples_is_unchanged(news_dir, name):
    texts = pd.read_csv(news_dir / name, dtype=str, keep_default_na=False)["text"]
    cleaned = "\0".join(default_cleaner(t) for t in texts)
    assert hashlib.sha256(cleaned.encode()).hexdigest() == _SAMPLE_DIGESTS[name]


@_PROPERTY
@given(text=st.one_of(_TEXT, _EDGES))
def test_default_cleaner_gives_what_its_steps_give_one_by_one(text):
    """default_cleaner runs its steps as one function; a Cleaner of the same steps with one
    more that changes nothing runs them one by one."""
    one_by_one = make_cleaner(*default_cleaner.steps, str)
    assert default_cleaner(text) == one_by_one(text)


def test_nfkc_never_acts_across_an_ascii_character():
    """What normalize_unicode's pieces rely on, over all of Unicode: no canonical
    decomposition holds an ASCII character after its first, and NFKC of a character, a
    space and the character again is NFKC of the two halves cut before the space."""
    for code in range(0x80, 0x110000):
        c = chr(code)
        decomposition = unicodedata.decomposition(c).split()
        if decomposition and not decomposition[0].startswith("<"):
            assert all(int(part, 16) >= 0x80 for part in decomposition[1:]), hex(code)
        whole = unicodedata.normalize("NFKC", f"{c} {c}")
        assert whole == unicodedata.normalize("NFKC", c) + unicodedata.normalize("NFKC", f" {c}")


@_PROPERTY
@given(
    text=st.lists(
        st.sampled_from([*_SPECIAL, "…", "№", "½", "\u1100\u1161", " "]), max_size=40
    ).map("".join),
    size=st.integers(1, 6),
)
def test_normalizing_in_pieces_is_nfkc(text, size):
    from framing.clean import text as clean_text

    assert clean_text._normalize_in_pieces(text, size) == unicodedata.normalize("NFKC", text)


def test_the_notice_letters_match_only_their_own_cases():
    """may_hold_notice looks for "reserved" among ASCII letters (and "ſ") and for "щ":
    in re.IGNORECASE no other character matches these letters."""
    every_character = "".join(map(chr, range(0x110000)))
    for letter in set("reservedзащищены"):
        matches = set(re.findall(letter, every_character, re.IGNORECASE))
        assert matches == {letter, letter.upper(), *("ſ" if letter == "s" else "")}, letter


@pytest.mark.parametrize(
    "patterns, lines",
    [(DEFAULT_BOILERPLATE, BOILERPLATE_LINES), (DEFAULT_CAPTIONS, CAPTION_LINES)],
    ids=["boilerplate", "captions"],
)
def test_line_starts_find_every_line_the_default_patterns_drop(patterns, lines):
    from framing.clean import layout

    starts = layout._DEFAULT_STARTS[patterns]
    for line in lines:
        for variant in (line, line.upper(), line.title(), f" \t\x1f{line}", "\u017f" + line[1:]):
            if _plain_drop_lines(variant, patterns) == "":
                found = starts.first(variant) or (
                    starts.notice and layout._may_hold_notice(variant)
                )
                assert found, variant


@pytest.mark.parametrize(
    "lines", [BOILERPLATE_LINES, CAPTION_LINES], ids=["boilerplate", "captions"]
)
def test_the_plain_scan_drops_what_the_default_patterns_drop(lines):
    """framing.clean.plain finds its lines with hyperscan: the same lines go, wherever they
    stand (the ASCII ones; other texts take the general way)."""
    from framing.clean.layout import default_line_drops
    from framing.clean.pipeline import normalize_characters_and_space
    from framing.clean.plain import plain_drops

    for line in lines:
        for variant in (line, line.upper(), line.title()):
            for text in (variant, f"Body.\n{variant}\nMore.", f"Body.\n\n  {variant}  "):
                got = plain_drops(text)
                if got is not None:
                    base = normalize_characters_and_space(text)
                    assert got == (base, default_line_drops(base)), text


# --------------------------------------------------------------------------------------
# Real layouts: captions without a cue, bylines, datelines under them, link and social
# lines; and what clean_articles records of each piece it removes. Each passage is
# written in the outlet's layout; what must go and what must stay is written by hand.
# --------------------------------------------------------------------------------------

AZATUTYUN_2024 = (  # the layout of issue 15: a caption with no "Photo:" cue, then the dateline
    "Armenian Prime Minister Nikol Pashinyan at a cabinet meeting in Yerevan (Photo: "
    "Government of Armenia, April 18, 2024)\n"
    "\n"
    "YEREVAN (Azatutyun) \u2014 Armenia has effectively frozen its participation in the "
    "Russian-led Collective Security Treaty Organization, Prime Minister Nikol Pashinyan "
    "said on Thursday.\n"
    "\n"
    "\u201cThe CSTO has not fulfilled its obligations,\u201d he told parliament.\n"
    "\n"
    "Read also\n"
    "Pashinyan Says Armenia Could Quit CSTO\n"
    "\n"
    "Moscow says the bloc\u2019s \u201czone of responsibility\u201d includes Armenia.\n"
)

LAYOUTS = {
    # name: (raw text, place, source, [(reason, piece stripped)], first words kept)
    "azatutyun-2024": (
        AZATUTYUN_2024,
        "YEREVAN",
        "Azatutyun",
        [
            ("caption", "Armenian Prime Minister Nikol Pashinyan at a cabinet meeting in "
             "Yerevan (Photo: Government of Armenia, April 18, 2024)"),
            ("dateline", "YEREVAN (Azatutyun) \u2014"),
            ("boilerplate", "Read also"),
            ("boilerplate", "Pashinyan Says Armenia Could Quit CSTO"),
        ],
        "Armenia has effectively frozen",
    ),
    "reuters": (
        "Lavrov in Moscow (Reuters / 12.04.2024)\n"
        "By Jane Doe and John Roe, Reuters\n"
        "MOSCOW, April 12 (Reuters) - Russia said on Friday that Armenia's freeze of its "
        "CSTO membership was a mistake.\n"
        '"This is a path to collapse," Foreign Minister Sergei Lavrov told reporters.\n'
        "(Reporting by Jane Doe; Editing by Alex Richardson)\n",
        "MOSCOW",
        "Reuters",
        [
            ("caption", "Lavrov in Moscow (Reuters / 12.04.2024)"),
            ("byline", "By Jane Doe and John Roe, Reuters"),
            ("dateline", "MOSCOW, April 12 (Reuters) -"),
            ("boilerplate", "(Reporting by Jane Doe; Editing by Alex Richardson)"),
        ],
        "Russia said on Friday",
    ),
    "ap": (
        "By JANE DOE | Associated Press\n"
        "\n"
        "WASHINGTON (AP) \u2014 The United States is watching Armenia's turn away from "
        "Moscow, officials said Thursday.\n"
        "\n"
        "Armenian Prime Minister Nikol Pashinyan speaks during a news conference in "
        "Yerevan, Armenia, Thursday, April 18, 2024. (AP Photo/Hayk Baghdasaryan)\n"
        "\n"
        "The State Department declined to comment.\n"
        "\n"
        "Follow us on X\n",
        "WASHINGTON",
        "AP",
        [
            ("byline", "By JANE DOE | Associated Press"),
            ("dateline", "WASHINGTON (AP) \u2014"),
            ("caption", "Armenian Prime Minister Nikol Pashinyan speaks during a news "
             "conference in Yerevan, Armenia, Thursday, April 18, 2024. (AP Photo/Hayk "
             "Baghdasaryan)"),
            ("boilerplate", "Follow us on X"),
        ],
        "The United States is watching",
    ),
    "ap-bare": (
        "(AP) \u2014 Armenia's parliament voted on Tuesday to leave the bloc.\n",
        "",
        "AP",
        [("dateline", "(AP) \u2014")],
        "Armenia's parliament voted",
    ),
    "afp": (
        "Sergei Lavrov/AFP via Getty Images\n"
        "LONDON, April 1 (AFP) - Britain urged Armenia and Azerbaijan to sign a peace "
        "treaty.\n"
        "ALSO READ | Armenia and Azerbaijan agree on border commission\n"
        "Join our WhatsApp channel for the latest news\n",
        "LONDON",
        "AFP",
        [
            ("caption", "Sergei Lavrov/AFP via Getty Images"),
            ("dateline", "LONDON, April 1 (AFP) -"),
            ("boilerplate", "ALSO READ | Armenia and Azerbaijan agree on border commission"),
            ("boilerplate", "Join our WhatsApp channel for the latest news"),
        ],
        "Britain urged Armenia",
    ),
    "tass-en": (
        "MOSCOW, April 1. /TASS/. Russia remains committed to its obligations within the "
        "CSTO, Kremlin Spokesman Dmitry Peskov said.\n"
        "Related:\n"
        "Peskov says CSTO remains relevant\n"
        "See also: Timeline of Armenia-CSTO relations\n",
        "MOSCOW",
        "TASS",
        [
            ("dateline", "MOSCOW, April 1. /TASS/."),
            ("boilerplate", "Related:"),
            ("boilerplate", "Peskov says CSTO remains relevant"),
            ("boilerplate", "See also: Timeline of Armenia-CSTO relations"),
        ],
        "Russia remains committed",
    ),
    "tass-ru": (
        "Фото ТАСС/Сергей Бобылев\n"
        "\n"
        "МОСКВА, 1 апреля. /ТАСС/. Россия продолжает выполнять свои обязательства в "
        "рамках ОДКБ, заявил пресс-секретарь президента Дмитрий Песков.\n"
        "\n"
        "По теме\n"
        "Песков: ОДКБ сохраняет актуальность\n",
        "МОСКВА",
        "ТАСС",
        [
            ("caption", "Фото ТАСС/Сергей Бобылев"),
            ("dateline", "МОСКВА, 1 апреля. /ТАСС/."),
            ("boilerplate", "По теме"),
            ("boilerplate", "Песков: ОДКБ сохраняет актуальность"),
        ],
        "Россия продолжает выполнять",
    ),
    "ria": (
        "© РИА Новости / Алексей Витвицкий\n"
        "\n"
        "МОСКВА, 1 апр — РИА Новости. Министр иностранных дел России Сергей Лавров "
        "заявил, что Армения «движется к развалу» отношений с ОДКБ.\n"
        "\n"
        "Подписывайтесь на наш канал в Telegram\n",
        "МОСКВА",
        "РИА Новости",
        [
            ("boilerplate", "© РИА Новости / Алексей Витвицкий"),
            ("dateline", "МОСКВА, 1 апр — РИА Новости."),
            ("boilerplate", "Подписывайтесь на наш канал в Telegram"),
        ],
        "Министр иностранных дел",
    ),
    "sputnik": (
        "ЕРЕВАН, 1 апреля — Sputnik. Премьер-министр Армении Никол Пашинян заявил, что "
        "Армения заморозила участие в ОДКБ.\n",
        "ЕРЕВАН",
        "Sputnik",
        [("dateline", "ЕРЕВАН, 1 апреля — Sputnik.")],
        "Премьер-министр Армении",
    ),
    "interfax": (
        "Москва. 1 апреля. INTERFAX.RU - Армения не участвует в мероприятиях ОДКБ, "
        "сообщил источник.\n"
        "Читайте также\n"
        "Пашинян допустил выход Армении из ОДКБ\n",
        "Москва",
        "INTERFAX.RU",
        [
            ("dateline", "Москва. 1 апреля. INTERFAX.RU -"),
            ("boilerplate", "Читайте также"),
            ("boilerplate", "Пашинян допустил выход Армении из ОДКБ"),
        ],
        "Армения не участвует",
    ),
    "meduza": (
        "Михаил Метцель / ТАСС / Scanpix / LETA\n"
        "\n"
        "Автор: Иван Петров\n"
        "\n"
        "Власти Армении объявили о заморозке участия страны в ОДКБ. В Кремле назвали это "
        "решение ошибкой.\n",
        "",
        "",
        [
            ("caption", "Михаил Метцель / ТАСС / Scanpix / LETA"),
            ("byline", "Автор: Иван Петров"),
        ],
        "Власти Армении объявили",
    ),
    "guardian": (
        "Armenia's prime minister, Nikol Pashinyan, in Yerevan. Photograph: Karen "
        "Minasyan/AFP/Getty Images\n"
        "\n"
        "Armenia has frozen its participation in a Russia-led security alliance, its prime "
        "minister has said.\n",
        "",
        "",
        [
            ("caption", "Armenia's prime minister, Nikol Pashinyan, in Yerevan. Photograph: "
             "Karen Minasyan/AFP/Getty Images"),
        ],
        "Armenia has frozen its participation",
    ),
    "heading-then-dateline": (  # a short heading, then the dateline: the heading goes
        "Armenia freezes its CSTO role\n"
        "\n"
        "YEREVAN, April 18 (TCW) \u2014 Armenia froze its participation on Thursday.\n",
        "YEREVAN",
        "TCW",
        [
            ("caption", "Armenia freezes its CSTO role"),
            ("dateline", "YEREVAN, April 18 (TCW) \u2014"),
        ],
        "Armenia froze its participation",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", LAYOUTS)
def test_clean_articles_reads_real_layouts(name):
    raw, place, source, removed, starts = LAYOUTS[name]
    out = clean_articles(pd.DataFrame({"article_id": [name], "text": [raw]}))
    assert out.loc[0, ["dateline_place", "dateline_source"]].tolist() == [place, source]
    assert out.loc[0, "text"].startswith(starts)
    pieces = removed_pieces(out)
    got = list(zip(pieces["reason"], pieces["text"], strict=True))
    assert got == [(reason, normalize_quotes(text)) for reason, text in removed]
    # nothing else went: putting every piece back gives the text with only its
    # characters and white space normalized
    assert restore_removed(out).loc[0, "text"] == normalize_whitespace(
        normalize_dashes(normalize_quotes(normalize_unicode(raw)))
    )


# Texts whose head must stay as it is: (text, the text's first line after cleaning)
KEPT_HEADS = {
    "short first paragraph with a full stop": (
        "Armenia is leaving.\n\nYEREVAN (TCW) \u2014 The prime minister said so on Thursday.",
        "Armenia is leaving.",
    ),
    "title that is the only first sentence": (
        "Armenia freezes its CSTO role\n\nThe prime minister said so on Thursday.",
        "Armenia freezes its CSTO role",
    ),
    "one-line quote before a dateline": (
        '"We are not leaving the CSTO," Pashinyan said\n\n'
        "YEREVAN (TCW) \u2014 The prime minister spoke in parliament.",
        '"We are not leaving the CSTO," Pashinyan said',
    ),
    "paragraph ending in a parenthesis of content": (
        "Armenia froze its participation in the bloc (in effect since February)\n\n"
        "The prime minister said so on Thursday.",
        "Armenia froze its participation in the bloc (in effect since February)",
    ),
    "content sentence with a dated parenthesis": (
        "Pashinyan spoke in parliament (April 3, 2024).\n\nHe said the bloc had failed.",
        "Pashinyan spoke in parliament (April 3, 2024).",
    ),
    "by as a preposition": (
        "By the end of the day, Armenia had not signed.\nThe summit ended.",
        "By the end of the day, Armenia had not signed.",
    ),
    "hard-wrapped continuation in capitals (Reuters-21578)": (
        "MAY DEPARTMENT STORES CO, 75,000 AT 49-1/4, DOWN 1/8, CROSSED\nBY FIRST BOSTON",
        "MAY DEPARTMENT STORES CO, 75,000 AT 49-1/4, DOWN 1/8, CROSSED",
    ),
    "company name with a slash (Reuters-21578)": (
        "Craftmatic/Contour Industries Inc\nsaid it would report substantial profits.",
        "Craftmatic/Contour Industries Inc",
    ),
    "units in parentheses (Reuters-21578)": (
        "U.S. POSTED PRICES REPORT (DLRS/BBL)\nEffective April 7 the company raised prices.",
        "U.S. POSTED PRICES REPORT (DLRS/BBL)",
    ),
    "a company called Photo (Reuters-21578)": (
        "Photo Moto recorded a net loss for the first quarter 1986\nof 1.2 mln dlrs.",
        "Photo Moto recorded a net loss for the first quarter 1986",
    ),
    "related as a word": (
        "Related talks will be held in May.\nSee also the annex, which lists the drills.",
        "Related talks will be held in May.",
    ),
    "an unrelated photo in the body": (
        "The ministry published a photo of the meeting (in Armenian)\nIt showed the table.",
        "The ministry published a photo of the meeting (in Armenian)",
    ),
}


@pytest.mark.parametrize("name", KEPT_HEADS)
def test_clean_articles_keeps_heads_that_are_content(name):
    raw, first = KEPT_HEADS[name]
    out = clean_articles(pd.DataFrame({"article_id": [name], "text": [raw]}))
    assert out.loc[0, "text"].split("\n")[0] == first
    assert out.loc[0, "removed"] == "[]"
    assert out.loc[0, "dateline_place"] == ""


@pytest.mark.parametrize(
    "text",
    [
        # a dateline-like phrase deep in the text, or inside a paragraph, is no dateline
        "Armenia did not sign.\n\nThe bloc met.\n\nYEREVAN (TCW) \u2014 a later report said.",
        "Armenia said on Monday. YEREVAN (TCW) \u2014 not at the start of a line.",
        "The talks went on.\n" * 7 + "MOSCOW, April 1 (Reuters) - a seventh line.",
    ],
)
def test_a_capitalized_phrase_in_the_body_is_no_dateline(text):
    out = clean_articles(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert out.loc[0, ["dateline_place", "dateline_source", "removed"]].tolist() == ["", "", "[]"]
    assert out.loc[0, "text"] == default_cleaner(text)


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Doe", True),
        ("By Jane Doe and John Roe, Reuters", True),
        ("By JANE DOE | Associated Press", True),
        ("By Ani Mejlumyan for Eurasianet", True),
        ("Author: Anna Melkonyan", True),
        ("Автор: Иван Петров", True),
        ("Текст: Анна Мелконян", True),
        ("By the end of the day", False),
        ("By Monday, Armenia had not signed", False),
        ("Byzantine churches dot the region", False),
        ("Author of the report, Anna Melkonyan, said.", False),
    ],
)
def test_bylines(line, byline):
    assert is_byline(line) is byline


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Pashinyan in Yerevan (AP Photo/Hayk Baghdasaryan)", True),
        ("Pashinyan in Yerevan (Photo: Government of Armenia, April 18, 2024)", True),
        ("Pashinyan in Yerevan (Photo by Sean Gallup/Getty Images)", True),
        ("Pashinyan in Yerevan. Photograph: Karen Minasyan/AFP/Getty Images", True),
        ("Sean Gallup/Getty Images", True),
        ("Пашинян в Ереване (Фото: пресс-служба правительства)", True),
        ("The photo was taken in Yerevan (see below).", False),
        ("Getty Images declined to comment on the photo.", False),
        ("He showed the photographs (in colour)", False),
        ("Nikol Pashinyan in Yerevan Photograph: Karen Minasyan/Reuters", True),
        ("Пашинян в Ереване. Фото: пресс-служба правительства", True),
        ("He described the photograph: a man in a field", False),
        ("The caption read (photo above)", False),
    ],
)
def test_photo_credit_lines(line, credit):
    assert is_credit_line(line) is credit


def test_clean_articles_layout_false_finds_only_a_dateline_at_the_start():
    raw = LAYOUTS["reuters"][0]
    out = clean_articles(pd.DataFrame({"article_id": ["r"], "text": [raw]}), layout=False)
    assert out.loc[0, "dateline_place"] == ""
    assert out.loc[0, "text"] == default_cleaner(raw)
    assert [r for r, _ in zip(*removed_pieces(out)[["reason", "text"]].T.values, strict=True)] == [
        "boilerplate"
    ]


def test_clean_articles_without_datelines_keeps_the_dateline_but_drops_the_caption():
    out = clean_articles(pd.DataFrame({"article_id": ["a"], "text": [AZATUTYUN_2024]}),
                         datelines=False)  # fmt: skip
    assert "dateline_place" not in out.columns
    assert out.loc[0, "text"].startswith("YEREVAN (Azatutyun) \u2014 Armenia has")
    assert removed_pieces(out)["reason"].tolist() == ["caption", "boilerplate", "boilerplate"]


# --------------------------------------------------------------------------------------
# The record of what was removed: its format, reading it, restoring from it
# --------------------------------------------------------------------------------------


def _layout_table():
    return pd.DataFrame(
        {"article_id": list(LAYOUTS), "text": [raw for raw, *_ in LAYOUTS.values()]}
    )


def test_removed_column_is_the_json_of_the_pieces():
    out = clean_articles(_layout_table())
    for value in out["removed"]:
        records = json.loads(value)
        assert value == json.dumps(records, ensure_ascii=False)  # deterministic, plain JSON
        assert all(list(r) == ["reason", "at", "text"] for r in records)
        assert all(r["reason"] in REASONS for r in records)
        assert [r["at"] for r in records] == sorted(r["at"] for r in records)


def test_removed_survives_csv_and_parquet(tmp_path):
    out = clean_articles(_layout_table())
    out.to_csv(tmp_path / "a.csv", index=False)
    back = pd.read_csv(tmp_path / "a.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(removed_pieces(back), removed_pieces(out))
    pd.testing.assert_frame_equal(restore_removed(back)[["text"]], restore_removed(out)[["text"]])
    out.to_parquet(tmp_path / "a.parquet")
    back = pd.read_parquet(tmp_path / "a.parquet")
    pd.testing.assert_frame_equal(removed_pieces(back), removed_pieces(out))


def test_removed_pieces_table():
    out = clean_articles(_layout_table())
    pieces = removed_pieces(out)
    assert list(pieces.columns) == ["article_id", "reason", "text", "at", "removed"]
    assert pieces["at"].dtype == "int64"
    assert (pieces["text"] == pieces["removed"].str.strip()).all()
    expected = [(name, r, normalize_quotes(t)) for name, (_, _, _, rs, _) in LAYOUTS.items()
                for r, t in rs]  # fmt: skip
    assert pieces[["article_id", "reason", "text"]].values.tolist() == [list(e) for e in expected]
    empty = removed_pieces(clean_articles(pd.DataFrame({"article_id": ["a"], "text": ["x."]})))
    assert len(empty) == 0 and list(empty.columns) == list(pieces.columns)


@pytest.mark.parametrize("reasons", [None, "caption", ("byline", "dateline"), ["boilerplate"]])
def test_restore_removed_puts_back_the_pieces_of_some_reasons(reasons):
    out = clean_articles(_layout_table())
    back = restore_removed(out, reasons=reasons)
    chosen = set(REASONS if reasons is None else [reasons] if isinstance(reasons, str) else reasons)
    before, after = removed_pieces(out), removed_pieces(back)
    # what was not restored is still recorded; what was is in the text again
    assert after[["article_id", "reason", "text"]].values.tolist() == (
        before[~before["reason"].isin(chosen)][["article_id", "reason", "text"]].values.tolist()
    )
    for row in before[before["reason"].isin(chosen)].itertuples():
        assert row.text in back.loc[back["article_id"] == row.article_id, "text"].iloc[0]
    if "dateline" in chosen:
        assert (back["dateline_place"] == "").all()
    else:
        assert back["dateline_place"].tolist() == out["dateline_place"].tolist()
    # the rest of the pieces can still be restored: all of them give the whole text back
    full = restore_removed(back)
    assert full["text"].tolist() == restore_removed(out)["text"].tolist()


def test_restore_removed_errors():
    out = clean_articles(_layout_table())
    with pytest.raises(FramingError, match="unknown reason.*'photo'"):
        restore_removed(out, reasons="photo")
    with pytest.raises(FramingError, match="removed"):
        restore_removed(out.drop(columns="removed"))
    with pytest.raises(FramingError, match="not what clean_articles wrote"):
        removed_pieces(out.assign(removed="oops"))


def test_cleaning_twice_keeps_what_the_first_cleaning_removed():
    once = clean_articles(_layout_table())
    twice = clean_articles(once)
    pd.testing.assert_frame_equal(once, twice)


def test_a_second_cleaning_that_removes_more_keeps_both_records():
    raw = "Sponsored content\nArmenia did not sign.\n\nThe summit ended.\nReuters"
    once = clean_articles(pd.DataFrame({"article_id": ["a"], "text": [raw]}))
    assert once.loc[0, "text"] == "Sponsored content\nArmenia did not sign.\n\nThe summit ended."
    # a cleaner of its own is a black box: the whole lines it dropped are recorded
    ads = make_cleaner(partial(remove_boilerplate, patterns=(r"Sponsored content$",)))
    twice = clean_articles(once, cleaner=ads)
    assert twice.loc[0, "text"] == "Armenia did not sign.\n\nThe summit ended."
    pieces = removed_pieces(twice)
    assert pieces[["reason", "text"]].values.tolist() == [
        ["cleaner", "Sponsored content"],
        ["boilerplate", "Reuters"],
    ]
    assert restore_removed(twice).loc[0, "text"] == raw
    assert restore_removed(twice, reasons="cleaner").loc[0, "text"] == once.loc[0, "text"]


@_PROPERTY
@given(
    lines=st.lists(st.sampled_from(["a", "B b.", "", "  ", " c ", "Read"]), max_size=12),
    chosen=st.sets(st.integers(0, 11)),
    dateline=st.one_of(st.none(), st.tuples(st.integers(0, 11), st.integers(0, 3))),
)
def test_cut_lines_then_restore_text_gives_the_text_back(lines, chosen, dateline):
    from framing.clean.removed import cut_lines

    text = "\n".join(lines)
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    drops = {starts[i]: "caption" for i in chosen if i < len(lines) and lines[i].strip()}
    if dateline is not None:
        i, end = dateline
        if i >= len(lines) or starts[i] in drops or not lines[i].strip():
            dateline = None
        else:
            dateline = (starts[i], min(end, len(lines[i])))
    new, pieces = cut_lines(text, drops, dateline)
    assert restore_text(new, pieces) == text
    assert [at for _, at, _ in pieces] == sorted(at for _, at, _ in pieces)
    kept = [x.strip() for i, x in enumerate(lines) if x.strip() and starts[i] not in drops]
    if dateline is None:
        assert [x.strip() for x in new.split("\n") if x.strip()] == kept


@pytest.mark.parametrize(
    ("before", "after", "pieces"),
    [
        ("a\nb\nc", "a\nc", [("cleaner", 2, "b\n")]),
        ("a\nb\nc", "a\nb", [("cleaner", 3, "\nc")]),
        ("a\nb\nc", "A\nb\nc", []),  # changed inside a line: not a dropped line
        ("\u201ca\u201d  x\nb", '"a" x\nb', []),  # only normalized
        ("a\n\n\nb", "a\nb", []),  # blank lines are white space
    ],
)
def test_dropped_lines_of_a_cleaner_of_its_own(before, after, pieces):
    assert dropped_lines(before, after) == pieces
    if pieces:
        assert restore_text(after, pieces) == before


def test_a_dateline_under_a_read_more_line_is_the_body_not_a_linked_title():
    # found by the property below: the line after "Read more:" was dropped as a link's title
    # and cut as a dateline too, so putting the pieces back wrote it twice
    for body in ("0", "Talks stalled"):
        text = f"Read more:\nYEREVAN (TCW) — {body}"
        full = clean_articles(pd.DataFrame({"text": [text]}))
        assert full.loc[0, "text"] == body and full.loc[0, "dateline_place"] == "YEREVAN"
        assert restore_removed(full).loc[0, "text"] == text


@_PROPERTY
@given(text=st.one_of(_TEXT, _EDGES))
def test_clean_articles_without_layout_gives_the_default_cleaners_text(text):
    """The recorded cleaning gives the text default_cleaner gives, and putting every piece
    back gives the text with only characters and white space normalized."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)  # texts made empty
        out = clean_articles(pd.DataFrame({"text": [text]}), layout=False, datelines=False)
        full = clean_articles(pd.DataFrame({"text": [text]}))
    assert out.loc[0, "text"] == default_cleaner(text)
    normalized = normalize_whitespace(normalize_dashes(normalize_quotes(normalize_unicode(text))))
    assert restore_removed(out).loc[0, "text"] == normalized
    assert restore_removed(full).loc[0, "text"] == normalized


@pytest.mark.shared_data
@pytest.mark.parametrize(
    "name",
    ["press_releases_kremlin_president_ua_2021-10_2022-06.csv", "reuters21578_sample_500.csv"],
)
def test_clean_articles_on_real_news_records_and_restores_everything(news_dir, name):
    news = pd.read_csv(news_dir / name, dtype=str, keep_default_na=False)
    articles = news.rename(columns={"id": "article_id"})[["article_id", "text"]]
    out = clean_articles(articles, layout=False, datelines=False)
    assert out["text"].tolist() == [default_cleaner(t) for t in articles["text"]]
    full = clean_articles(articles)
    expected = [normalize_whitespace(fold(t)) for t in articles["text"]]
    assert restore_removed(full)["text"].tolist() == expected


def test_clean_articles_on_a_megabyte_without_punctuation():
    text = "armenia csto collapse " * 50_000 + "\n" + "YEREVAN " * 1000
    out = clean_articles(pd.DataFrame({"text": [text, "(" * 100_000, "By " * 100_000]}))
    assert out.loc[0, "text"] == default_cleaner(text)
    assert len(out) == 3


def test_photo_credits_in_a_long_text_are_found_and_long_paragraphs_kept():
    paragraph = "Armenia and the bloc drifted apart over the summer, officials said. " * 6
    credit = "Pashinyan in Yerevan, April 18, 2024. (AP Photo/Hayk Baghdasaryan)"
    long_one = paragraph + "(AP Photo/Hayk Baghdasaryan)"  # over 300 characters: content
    raw = "\n\n".join([paragraph, paragraph, credit, long_one, paragraph])
    out = clean_articles(pd.DataFrame({"article_id": ["a"], "text": [raw]}))
    assert removed_pieces(out)[["reason", "text"]].values.tolist() == [["caption", credit]]
    assert long_one.strip() in out.loc[0, "text"]


def test_clean_articles_in_batches_gives_what_one_batch_gives(monkeypatch):
    """Cleaned a few rows at a time (as on a large corpus), the table is the one cleaned
    at once, row by row against clean_text, with missing texts, texts made empty, a
    non-default index, and a table cleaned a second time."""
    import framing.clean.articles as articles_module
    from framing.clean import clean_text

    texts = [
        "By Jane Doe, Reuters\nMOSCOW, April 12 (Reuters) - Russia said no.\nReuters",
        None,
        "Read more: CSTO leaders meet in Yerevan",
        "YEREVAN (Azatutyun) – Armenia’s “ally” did not come.",
        "",
        "Lavrov in Moscow (Reuters / 12.04.2024)\n\nMOSCOW - A collapse.\n\nRead also: X",
        "Plain text with  two spaces.",
    ]
    table = pd.DataFrame(
        {"article_id": [f"b{i}" for i in range(len(texts))], "text": texts},
        index=pd.Index([10 * i for i in range(len(texts))]),
    )
    with warnings.catch_warnings(record=True) as whole_warnings:
        warnings.simplefilter("always", FramingWarning)
        whole = clean_articles(table)
        again_whole = clean_articles(whole, layout=False)
    monkeypatch.setattr(articles_module, "BATCH_ROWS", 2)
    with warnings.catch_warnings(record=True) as batch_warnings:
        warnings.simplefilter("always", FramingWarning)
        batched = clean_articles(table)
        again_batched = clean_articles(batched, layout=False)
    pd.testing.assert_frame_equal(batched, whole)
    pd.testing.assert_frame_equal(again_batched, again_whole)
    assert [str(w.message) for w in batch_warnings] == [str(w.message) for w in whole_warnings]
    assert any("'b2'" in str(w.message) for w in batch_warnings)
    for pos, text in enumerate(texts):  # the oracle: one text at a time
        new, place, source, _ = clean_text(text or "", default_cleaner)
        assert batched["text"].iloc[pos] == new
        assert batched[["dateline_place", "dateline_source"]].iloc[pos].tolist() == [place, source]
    assert batched.loc[[10, 60], "removed"].tolist() == whole.loc[[10, 60], "removed"].tolist()
    assert clean_articles(table.iloc[:0]).shape[0] == 0
