"""Page furniture above and below the body: what clean_articles takes, and what it leaves."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.clean import (
    clean_articles,
    normalize_quotes,
    removed_pieces,
    restore_removed,
    split_dateline,
)


def _clean(text: str) -> tuple[str, list[tuple[str, str]], pd.DataFrame]:
    out = clean_articles(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    pieces = removed_pieces(out)
    return out.loc[0, "text"], list(zip(pieces["reason"], pieces["text"], strict=True)), out


BODY = (
    "Armenia and Azerbaijan agreed on Monday to reopen the border crossing, officials said.\n\n"
    "The deal still needs the approval of both parliaments."
)


def test_a_scraped_head_loses_its_byline_timestamp_and_credit_but_keeps_its_headline():
    text = (
        "Syunik transit route could open in 2029, economist says\n"
        "Anahit Sargsyan\n"
        "December 8, 2026 | 14:05\n"
        "The road near Meghri. Photo: CivilNet\n\n" + BODY
    )
    cleaned, pieces, out = _clean(text)
    assert cleaned == "Syunik transit route could open in 2029, economist says\n\n" + BODY
    assert pieces == [
        ("byline", "Anahit Sargsyan"),
        ("metadata", "December 8, 2026 | 14:05"),
        ("caption", "The road near Meghri. Photo: CivilNet"),
    ]
    back = restore_removed(out, reasons="metadata").loc[0, "text"]
    assert "December 8, 2026 | 14:05" in back and "Anahit Sargsyan" not in back


@pytest.mark.parametrize(
    ("head", "removed"),
    [
        ("Ольга Демидова\n08 декабря 2026 г., 12:40\nМаксим Стулов / Ведомости", 3),
        ("By Yelena Sokolova\nUpdated: Dec. 9, 2026\n3 min read", 3),
        ("Автор,Лиана Мкртчян\nДолжность,Русская служба Би-би-си\n8 декабря 2026", 3),
        ("ASBAREZ STAFF\nDecember 8, 2026", 2),
        ("Written by Tigran Hovsepyan\n1 245 views", 2),
    ],
)
def test_heads_of_many_outlets(head, removed):
    cleaned, pieces, _ = _clean("A headline of the day\n" + head + "\n\n" + BODY)
    assert cleaned == "A headline of the day\n\n" + BODY
    assert len(pieces) == removed


def test_a_dateline_under_a_head_of_bylines_and_dates():
    text = "Rally in Los Angeles\nASBAREZ STAFF\nDecember 8, 2026\n\nLOS ANGELES—Hundreds rallied."
    cleaned, pieces, out = _clean(text)
    assert cleaned == "Rally in Los Angeles\n\nHundreds rallied."
    assert out.loc[0, "dateline_place"] == "LOS ANGELES"


@pytest.mark.parametrize(
    "tail",
    [
        "Tags: Armenia, CSTO, Pashinyan",
        "Теги: Армения, ОДКБ",
        "Views: 2316",
        "872 просмотра",
        "Support independent journalism in Armenia. Become a CivilNet member today.",
        "If you found this article useful, please consider supporting our journalism. Donate",
        "Eurasianet is an independent news organization. Please consider supporting our work.",
        "«Медуза» работает благодаря читателям. Поддержите нас, чтобы мы могли продолжать.",
        "Поддержать «Медузу»",
        "Ulviyya Gasimova is a journalist based in Baku.",
        "This article was originally published by Azatutyun.am.",
        "All rights reserved. Materials may be reproduced only with a hyperlink to NEWS.am",
        "Get EVN Report's weekly digest delivered to your inbox.",
        "Load-Date: December 9, 2026",
        "End of Document",
        "ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ "
        "МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА",
    ],
)
def test_tails_of_many_outlets_go(tail):
    cleaned, pieces, _ = _clean(BODY + "\n\n" + tail + "\n\nTags: Armenia")
    assert cleaned == BODY
    assert [reason for reason, _ in pieces][-1] == "metadata"
    assert pieces[0][1] == normalize_quotes(tail)


def test_the_titles_under_a_related_line_go_with_it():
    text = BODY + "\n\nAlso Read\nArmenia's 2027 Budget: Where the Money Goes\nFarmers Count Losses"
    cleaned, pieces, _ = _clean(text)
    assert cleaned == BODY
    assert [p[1] for p in pieces] == [
        "Also Read",
        "Armenia's 2027 Budget: Where the Money Goes",
        "Farmers Count Losses",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the last line of a hard-wrapped paragraph (Reuters-21578) is the body
        "Shr 22.50 dlrs vs 21.74 dlrs\nNOTE: latest assets after a payment of 28 cts a share in\n1986",
        "Avg shrs 30,157,000\nNOTE: Earnings adjusted for three-for-two stock split paid\nJune 20, 1986",
        "The report said prices would be reviewed\nannually.",
        # a table's heading and its rows are data, not timestamps
        "April 7\n    N.Z. Dlr....0.5698/05\n    Aust Dlr....0.7076/81",
        " May   17,090\n Mar      632\n May       40",
        "1010",
        # last paragraphs of the body that mention support, independence, donations
        BODY + "\n\nSupport for the bloc fell to 12 percent.",
        BODY + "\n\nWe are independent of Moscow, Pashinyan said.",
        BODY + "\n\nЗавод работает благодаря российскому газу.",
        BODY + "\n\nA message from Putin was read out at the ceremony.",
        BODY + "\n\nPashinyan said Armenia would become a member of the EU.",
        # a short head with nothing that shows it to be a page's head
        "Armenia freezes\nAnahit Sargsyan\n\n" + BODY,
        # a sentence of the body under another, or a caption with no credit under it
        BODY + "\n\nThe talks ended on December 8, 2026.\nNikol Pashinyan, Ilham Aliyev",
        BODY + "\n\nThe deal was signed on Friday\nin Washington, officials said.",
        "Pashinyan in Yerevan on 7 December 2026\n\n" + BODY,
        # sentences about a photo or a video, or that start like a button or an interviewer
        BODY + "\n\nФото сделано в Ереване.",
        BODY + "\n\nВидео: как это было. Смотрите все выпуски",
        BODY + "\n\nVideo: it shows a strike.",
        BODY + "\n\nБеседовали о главном: о границе и о воде.",
        BODY + "\n\nTelegram blocked the channel on Monday.",
    ],
)
def test_body_that_looks_like_furniture_stays(text):
    cleaned, pieces, _ = _clean(text)
    assert pieces == []


@pytest.mark.parametrize(
    ("line", "place", "source", "rest"),
    [
        ("ЕРЕВАН, 8 ДЕКАБРЯ. АРМЕНПРЕСС. Премьер сказал.", "ЕРЕВАН", "АРМЕНПРЕСС", "Премьер сказал."),
        ("ТБИЛИСИ, 8 декабря 2026. EADaily. Дорога закрыта.", "ТБИЛИСИ", "EADaily", "Дорога закрыта."),
        ("Yerevan /Mediamax/. Minister Papikyan said.", "Yerevan", "Mediamax", "Minister Papikyan said."),
        ("MOSCOW, Dec 8. Russia said it would act.", "", "", "MOSCOW, Dec 8. Russia said it would act."),
        ("Yerevan / Moscow relations are strained.", "", "", "Yerevan / Moscow relations are strained."),
    ],
)  # fmt: skip
def test_more_wire_datelines(line, place, source, rest):
    assert split_dateline(line) == (place, source, rest)


def test_a_caption_with_a_quoted_name_over_its_credit():
    text = (
        "Россиян стали чаще не пускать в Грузию\n"
        "19:02, 3 декабря 2026\n"
        'Пункт пропуска "Верхний Ларс", Северная Осетия\n'
        "Erik Romanenko / TASS / Scanpix / LETA\n\n"
        "За последний месяц не менее двадцати граждан России не пустили в страну."
    )
    cleaned, pieces, _ = _clean(text)
    assert cleaned.split("\n\n") == [
        "Россиян стали чаще не пускать в Грузию",
        "За последний месяц не менее двадцати граждан России не пустили в страну.",
    ]
    assert [reason for reason, _ in pieces] == ["metadata", "caption", "caption"]


def test_a_lower_case_byline_and_a_date_under_a_notice_and_headline():
    text = (
        "Zelensky, Erdogan discuss new prisoner exchange in Ankara\n"
        "by Kateryna Hrytsenko\n"
        "December 9, 2026 6:40 PM\n"
        "3 min read\n\n" + BODY
    )
    cleaned, pieces, _ = _clean(text)
    assert cleaned == "Zelensky, Erdogan discuss new prisoner exchange in Ankara\n\n" + BODY
    notice = (
        "ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ "
        "МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА"
    )
    text = (
        notice + "\nВ Грузии суд приговорил еще троих оппозиционных политиков\nДекабрь 08, 2026\n\n"
    )
    cleaned, pieces, _ = _clean(text + BODY)
    assert cleaned == "В Грузии суд приговорил еще троих оппозиционных политиков\n\n" + BODY


def test_a_related_header_with_a_colon_and_its_titles_at_the_end():
    text = BODY + '\n\nПодписывайтесь на "Газету.Ru" в Telegram.\nНовости и материалы по теме:\n'
    cleaned, pieces, _ = _clean(text + "Аракчи посетит Ереван и Баку до конца года")
    assert cleaned == BODY
    assert len(pieces) == 3


LEXISNEXIS = (
    "Armenia halts payments to the CSTO\n"
    "December 8, 2026 Tuesday 6:12 PM GMT\n\n"
    "Copyright 2026 Guardian News & Media Limited All Rights Reserved\n\n"
    "Section: WORLD NEWS; Version:2\n"
    "Length: 263 words\n"
    "Byline: Pjotr Sauer\n"
    "Body\n\n" + BODY + "\n\n"
    "Classification\n\n"
    "Language: ENGLISH\n\n"
    "Subject: INTERNATIONAL RELATIONS (92%); BUDGETS (88%)\n\n"
    "Load-Date: December 9, 2026\n\n"
    "End of Document"
)
FACTIVA = (
    "HD Georgia's ruling party proposes donor reports\n"
    "BY Lucy Papachristou\n"
    "WC 318 words\n"
    "PD 8 December 2026\n"
    "SN Reuters News\n"
    "LA English\n"
    "LP\n" + BODY.replace("\n\n", "\nTD\n") + "\n"
    "NS gpol : Domestic Politics\n"
    "PUB Thomson Reuters (Markets) LLC\n"
    "AN Document LBA0000020261208emc8006m5"
)
INTEGRUM = (
    "Документ 3 из 27\n"
    "Источник: Коммерсантъ\n"
    "Дата выпуска: 08.12.2026\n"
    "Номер: 225\n"
    "Рубрика: Мировая политика\n"
    "Ереван переписывает миграционные правила\n"
    "Автор: Кирилл Кривошеев\n\n" + BODY
)
RSS = (
    "Захарова: Москва не получала уведомления\n"
    "https://tass.ru/politika/22716543\n"
    "Tue, 08 Dec 2026 13:27:41 +0300\n\n" + BODY
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (LEXISNEXIS, "Armenia halts payments to the CSTO\n\n" + BODY),
        (FACTIVA, BODY.replace("\n\n", "\n")),  # the headline is a field too (HD)
        (INTEGRUM, "Ереван переписывает миграционные правила\n\n" + BODY),
        (RSS, "Захарова: Москва не получала уведомления\n\n" + BODY),
    ],
    ids=["lexisnexis", "factiva", "integrum", "rss"],
)
def test_records_of_news_databases_keep_only_the_headline_and_the_body(text, kept):
    cleaned, pieces, _ = _clean(text)
    assert cleaned == kept
    assert {reason for reason, _ in pieces} <= {"metadata", "byline", "boilerplate"}


def test_factiva_codes_are_body_in_a_text_without_a_factiva_record():
    text = "Armenia said no.\nLP\nTD\nNS gpol : Domestic Politics"
    assert _clean(text)[1] == []


@pytest.mark.parametrize(
    "tail",
    [
        "--With assistance from Alexander Sazonov.",
        "CNN's Anna Chernova and Kevin Liptak contributed reporting.",
        "Natalia Abbakumova in Riga, Latvia, contributed to this report.",
        "Follow AP's coverage of Russia at https://apnews.com/hub/russia",
        "• This article was amended on 16 December 2026. An earlier version said otherwise.",
        "im/dc/rlp",
        "mk/wd (AFP, Reuters)",
    ],
)
def test_wire_sign_offs_and_notes_at_the_end(tail):
    cleaned, pieces, _ = _clean(BODY + "\n\n" + tail)
    assert cleaned == BODY
    assert [reason for reason, _ in pieces] == ["boilerplate"]


def test_the_editors_initials_of_a_hard_wrapped_line_are_the_body():
    text = "Prices of crude oil rose to 18 dlrs a barrel, up from 17.50\ndlrs/bbl"
    assert _clean(text)[1] == []


def test_a_list_of_links_in_the_middle_of_the_text():
    text = (
        "(Bloomberg) -- Russia's budget deficit widened in November.\n\n"
        "Most Read from Bloomberg\n"
        "Europe's Gas Traders Brace for Cold Snap\n"
        "Turkey Weighs Eurobond Sale as Lira Steadies\n\n"
        "The government has forecast a deficit of 2.6%."
    )
    cleaned, pieces, _ = _clean(text)
    assert "Most Read" not in cleaned and "Cold Snap" not in cleaned
    assert cleaned.endswith("The government has forecast a deficit of 2.6%.")


def test_a_headline_with_a_quoted_term_then_a_byline_and_the_ap_dateline():
    text = (
        "Russia bans Armenian news site as 'undesirable'\n"
        "By The Associated Press\n\n"
        "(AP) — Russia's Prosecutor General's Office declared the site undesirable."
    )
    cleaned, pieces, out = _clean(text)
    assert out.loc[0, "dateline_source"] == "AP"
    # the heading over a dateline goes as a caption, as it does without the quoted term
    assert cleaned == "Russia's Prosecutor General's Office declared the site undesirable."


def test_a_guardian_head_with_its_time_in_the_british_way():
    text = (
        "European leaders pledge air defence for Ukraine\n"
        "Zelenskyy thanks allies but says Russia is 'counting on Europe getting tired'\n"
        "Kate Connolly in Berlin and Luke Harding in Kyiv\n"
        "Tue 15 Dec 2026 18.22 GMT\n\n" + BODY
    )
    cleaned, pieces, _ = _clean(text)
    assert [reason for reason, _ in pieces] == ["byline", "metadata"]


@pytest.mark.parametrize(
    "caption",
    [
        "Riot police block a street in Tbilisi on December 10, 2026 (AFP)",
        "A truck near Meghri on Nov. 28. (Anush Babajanyan for The Washington Post)",
        "A courtroom in Moscow (file photo)",
        "Erdogan and Aliyev at a meeting in Ankara, Oct. 3, 2026. (Presidential Press Office)",
        "A gas station in Moscow. Sergei Kiselev / Moskva News Agency",
        "Iranian Foreign Ministry/WANA/Handout via REUTERS",
        # a credit after a stop, or a copyright sign
        "Supporters of the channel outside Tbilisi City Court on 8 December. Photo: OC Media.",
        "Armenian Prime Minister Nikol Pashinyan in Yerevan on December 7, 2026. © Karen "
        "Minasyan, AFP",
        "Договор о границе подписан, но вопрос воды остался открытым. Фото Reuters",
        # lines that only give the source of an image or a video
        "Фото 24.kg. Иллюстративное",
        "Фото из открытых источников",
        "Image source: parliament.ge",
        "Видео: Первый канал",
        "Video: Reuters",
    ],
)
def test_captions_between_paragraphs_that_end_in_a_credit(caption):
    cleaned, pieces, _ = _clean(BODY + "\n\n" + caption + "\n\nThe talks resume on Friday.")
    assert cleaned == BODY + "\n\nThe talks resume on Friday."
    assert pieces == [("caption", caption)]


@pytest.mark.parametrize(
    "line",
    [
        "(See ECRA for Spotlight Index)",
        "The protest went on, witnesses told reporters (AFP).",
        "The ministry published the figures (in Russian)",
        "Talks between Yerevan / Moscow and Baku stalled",
    ],
)
def test_lines_that_end_like_credits_but_are_the_body(line):
    assert _clean(BODY + "\n\n" + line)[1] == []


def test_a_dated_caption_in_a_head_with_a_timestamp():
    text = (
        "Georgian court jails three opposition leaders\n"
        "Декабрь 08, 2026\n"
        "Акция протеста в Тбилиси, 5 декабря 2026 года\n\n" + BODY
    )
    cleaned, pieces, _ = _clean(text)
    assert cleaned == "Georgian court jails three opposition leaders\n\n" + BODY
    assert [reason for reason, _ in pieces] == ["metadata", "caption"]


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("Skip to content\nHome > News > Politics", "Share: Facebook X Telegram Email"),
        ("Главная / В мире", "Share on Facebook Share on X"),
    ],
)
def test_a_scraped_pages_navigation_and_share_buttons(head, tail):
    cleaned, pieces, _ = _clean(head + "\n\n" + BODY + "\n\n" + tail)
    assert cleaned == BODY


@pytest.mark.parametrize("line", ["Story continues below advertisement", "Advertising"])
def test_advertising_lines_in_the_middle(line):
    text = "Armenia said no on Monday.\n\n" + line + "\n\n" + BODY
    assert _clean(text)[0] == "Armenia said no on Monday.\n\n" + BODY


@pytest.mark.parametrize(
    "line",
    ["Home is where the talks failed, Pashinyan said", "Share prices fell on Monday"],
)
def test_lines_that_start_like_navigation_are_the_body(line):
    assert _clean(line + "\n\n" + BODY)[1] == []


@pytest.mark.parametrize(
    "line",
    [
        "By Global Times Published: Dec 08, 2025 09:43 PM",
        "by Dana Whitcomb - 12/08/25 1:02 PM ET",
        "By Jane Doe | Updated 14:05 GMT",
    ],
)
def test_a_byline_and_its_timestamp_on_one_line(line):
    cleaned, pieces, _ = _clean("Armenia extends the waiver\n" + line + "\n\n" + BODY)
    assert cleaned == "Armenia extends the waiver\n\n" + BODY
    assert pieces == [("byline", line)]


@pytest.mark.parametrize(
    "line", ["By Friday, December 8, 2025", "By March 2026", "By Dec. 8, 2025"]
)
def test_by_a_date_is_no_byline(line):
    assert _clean("Armenia extends the waiver\n" + line + "\n\n" + BODY)[1] == []


def test_us_time_zones_in_timestamps():
    cleaned, pieces, _ = _clean("Armenia extends the waiver\n12/08/25 1:02 PM ET\n\n" + BODY)
    assert pieces == [("metadata", "12/08/25 1:02 PM ET")]


@pytest.mark.parametrize(
    ("caption", "credit"),
    [  # CNN, CBS and ABC put the credit on a line of its own under a caption that ends in a date
        (
            "Ukraine's President Volodymyr Zelensky speaks during a news conference in Kyiv on "
            "December 8, 2026.",
            "Genya Savilov/AFP/Getty Images",
        ),
        (
            "Ukrainian prisoners of war react after being released in a swap near the border "
            "with Belarus, Dec. 8, 2025.",
            "Ukrainian Presidential Press Office/Anadolu via Getty Images",
        ),
        ("Pashinyan and Aliyev at the White House on Friday", "Andrew Harnik/AP"),
        ("Pashinyan in Yerevan on 7 December 2026", "Karen Minasyan, AFP"),
    ],
)
def test_a_caption_over_its_credit_line(caption, credit):
    head = "Zelensky says Ukraine will not give up Donbas\nUpdated 8:02 AM EST, December 9, 2026\n"
    cleaned, pieces, _ = _clean(head + caption + "\n" + credit + "\n\n" + BODY)
    assert cleaned == "Zelensky says Ukraine will not give up Donbas\n\n" + BODY
    assert pieces[-2:] == [("caption", caption + "\n" + credit)] or pieces[-2:] == [
        ("caption", caption),
        ("caption", credit),
    ]


RU_BODY = (
    "— Как вы оцениваете переговоры?\n\n"
    "— Позитивно, в той мере, в какой стороны сами договариваются и сами несут ответственность."
)


@pytest.mark.parametrize(
    ("tail", "pieces"),
    [  # an interview's last lines: who asked, and the agency's rights notice
        (
            "Беседовала Ксения Лаврентьева\n\nВсе права на материалы, опубликованные на сайте "
            '"Интерфакс", принадлежат АО "Интерфакс". Использование материалов допускается '
            "только с письменного разрешения правообладателя.",
            ["byline", "boilerplate"],
        ),
        ("Интервью взяла Анна Петросян", ["byline"]),
        # a row of buttons, one to a line
        ("Поделиться\nVK\nTelegram\nДзен", ["boilerplate"] * 4),
        ("Мы в соцсетях\nОцените материал", ["boilerplate"] * 2),
    ],
)
def test_the_tail_of_a_russian_interview(tail, pieces):
    cleaned, found, _ = _clean(RU_BODY + "\n\n" + tail)
    assert cleaned == RU_BODY
    assert [reason for reason, _ in found] == pieces


def test_english_buttons_and_interviewers_at_the_end():
    cleaned, found, _ = _clean(BODY + "\n\nInterview by Jane Doe\n\nFacebook\nX\nCopy link")
    assert cleaned == BODY
    assert [reason for reason, _ in found] == [
        "byline",
        "boilerplate",
        "boilerplate",
        "boilerplate",
    ]


def test_a_lexisnexis_record_keeps_its_title_and_loses_its_outlet_and_edition_lines():
    head = (
        "Armenia's brandy makers brace for life without 'konyak'\n"
        "Financial Times (London, England)\n"
        "December 8, 2026 Tuesday\n"
        "London Edition 1\n\n"
        "Copyright 2026 The Financial Times Ltd All Rights Reserved\n\n"
        "Section: WORLD NEWS; Pg. 4\n"
        "Length: 318 words\n"
        "Byline: Polina Ivanova in Yerevan\n"
        "Body\n\n"
    )
    cleaned, pieces, _ = _clean(head + BODY)
    assert cleaned == "Armenia's brandy makers brace for life without 'konyak'\n\n" + BODY
    assert ("metadata", "Financial Times (London, England)") in pieces
    assert ("metadata", "London Edition 1") in pieces


def test_a_web_page_head_without_a_record_keeps_its_headline_and_standfirst():
    # timestamps are fields too, but no "Length:" or "Body" line: not a database's record
    text = (
        "Armenia to hold a referendum in 2027\n"
        "The vote is a condition of the peace treaty with Azerbaijan\n"
        "December 8, 2026 | 14:05\n"
        "Updated December 8, 2026 | 16:20\n\n" + BODY
    )
    cleaned, _, _ = _clean(text)
    assert cleaned.startswith(
        "Armenia to hold a referendum in 2027\n"
        "The vote is a condition of the peace treaty with Azerbaijan\n"
    )
