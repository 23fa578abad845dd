"""Long texts: a transcript, a book or a whole archive read as one article (issue 15).

The rules that read back through a text (the titles a name was written with, the name an
acronym stands for, the interview layout of a text) used to read from the start of the text
at every quote, so that a text of a few MB took minutes. They now read each text once, or a
bounded stretch before the quote. These tests check that the faster ways find what the
whole-text scans found: against the scans themselves, written out here as the oracle. How
the time grows with the length is measured by ``python -m bench.voices.speed --long``.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing as fr
from framing.voices.names import TITLE_REACH, Named, spelled_out, written_title
from framing.voices.verbless import Headlines, headline_spans
from framing.voices.writings import Writings


def _scanned_titles(text: str, phrase: str, end: int) -> list[tuple[int, str]]:
    """The oracle: every writing of ``phrase`` in ``text[:end]`` from a word's start, as the
    anaphora rules found them by a regex scan of the text before the cue."""
    written = r"\s+".join(map(re.escape, phrase.split()))
    return [
        (m.end(), written_title(text, m.start(), m.end()))
        for m in re.finditer(written, text[:end])
        if m.start() >= end - TITLE_REACH and (m.start() == 0 or not text[m.start() - 1].isalnum())
    ]


_TEXT = (
    "Head of the Office of the President Andriy Yermak met the envoys. Later Andriy\n"
    "Yermak said the talks went well. Министр иностранных дел Арарат Мирзоян встретился с "
    "Араратом Мирзояном? Нет: с Сергеем Лавровым. Глава МИД Армении Мирзоян заявил, что "
    "Мирзояну нечего добавить. A. Smith, the analyst, and A. Smithson disagreed; A. Smith won."
)


@pytest.mark.parametrize(
    "phrase",
    ["Andriy Yermak", "Мирзоян", "Арарат Мирзоян", "Сергей Лавров", "A. Smith", "Lavrov", "Head"],
)
def test_writings_find_what_a_scan_of_the_text_finds(phrase):
    writings = Writings(_TEXT)
    for end in range(0, len(_TEXT) + 1, 7):
        assert writings.titles(phrase, end) == _scanned_titles(_TEXT, phrase, end), end


def test_an_inflected_surname_is_a_writing_of_it():
    # "Мирзоян" is written "Мирзояном", "Мирзояну": the index keys words by their first
    # letters, not whole, or the Russian cases would be missed
    ends = [end for end, _ in Writings(_TEXT).titles("Мирзоян", len(_TEXT))]
    words = [_TEXT[end - 7 : end] + re.match(r"\w*", _TEXT[end:]).group() for end in ends]
    assert words == ["Мирзоян", "Мирзояном", "Мирзоян", "Мирзояну"]


def test_writings_far_back_are_not_read():
    # a title written more than TITLE_REACH characters before is another part of the text
    text = "President Ilham Aliyev arrived. " + "x " * TITLE_REACH + "Ilham Aliyev said"
    titles = Writings(text).titles("Ilham Aliyev", len(text))
    assert [title for _, title in titles] == ["ilham aliyev"]


def test_writings_on_the_real_releases(news_dir):
    articles = fr.read_articles(
        news_dir / "press_releases_kremlin_president_ua_2021-10_2022-06.csv"
    )
    text = "\n\n".join(articles["text"].iloc[:60])
    writings = Writings(text)
    for phrase in [
        "Vladimir Putin",
        "Volodymyr Zelenskyy",
        "Andriy Yermak",
        "Путин",
        "Dmitry Peskov",
    ]:
        for end in (len(text) // 3, len(text)):
            assert writings.titles(phrase, end) == _scanned_titles(text, phrase, end)


_PEOPLE = [("Nikol Pashinyan", "m"), ("Pashinyan", "m"), ("Anna Pashinyan", "f"), ("the ministry", "org"),
           ("Sergei Lavrov", "m"), ("Lavrov", ""), ("CSTO", "org"), ("Мирзоян", "m")]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PEOPLE), st.integers(-1, 12)), max_size=40))
def test_named_knows_the_last_of_each_surname(steps):
    # a pronoun reads the last speaker named with each surname: kept as the list changes
    # (appended, or moved to the end as the one just referred to), it must be what a reading
    # of the whole list gives
    named = Named()
    for entry, move in steps:
        if 0 <= move < len(named):
            named.append(named.pop(move))
        else:
            named.append(entry)
        whole = {p.split()[-1]: (p, g) for p, g in named if p[:1].isupper()}
        assert named.surnames == whole


def _spelled_out_scan(text: str, phrase: str, end: int) -> str:
    """The oracle: one regex search of the whole text before ``end``, as it was."""
    acronym = re.fullmatch(r"(?:[Tt]he\s+)?([A-Z]{2,6})", phrase)
    if not text or acronym is None:
        return phrase
    found = re.search(
        rf"((?:[A-Z][\w'’-]*[ \t]+(?:(?:of|for|and|on|the)[ \t]+)*)+)\({acronym.group(1)}\)",
        text[:end],
    )
    return found.group(1).strip() if found else phrase


_PIECES = ["State", "Security", "Service", "of", "the", "Georgia", "(SSG)", "(SS)", "SSG", "\n",
           ". ", "said", "The", "for", "(", ")", " ", "\t"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from(["The SSG", "SSG", "the SS"]),
       st.integers(0, 400))  # fmt: skip
def test_spelled_out_finds_what_a_scan_found(pieces, phrase, end):
    text = " ".join(pieces)
    assert spelled_out(text, phrase, end) == _spelled_out_scan(text, phrase, end)


def test_headlines_read_a_stretch_as_the_whole_text_does():
    text = (
        "Пашинян: Армения не планирует выходить из ОДКБ\n"
        "Lavrov: the bloc will survive the crisis\n"
        "Ереван ждёт ответа — сказал он.\n"
    )
    headlines = Headlines(text)
    for lo in range(0, len(text), 5):
        reach = [(lo, min(len(text), lo + 12))]
        assert headlines.spans(reach) == headline_spans(text, reach)
    # a transcript's speaker labels anywhere make every colon a label, however far away
    labelled = text + "\n" * 3 + "x " * 5000 + "\nAO: Good evening.\nVladimir Putin: Thank you.\n"
    assert Headlines(labelled).spans([(0, 40)]) == []


def test_a_long_text_gets_its_quotes_and_voices(news_dir):
    # 300 releases as one article (about 1 MB): every hit gets a voice, and the quotes found
    # are those found in the releases one by one, shifted by where each release begins
    articles = fr.read_articles(
        news_dir / "press_releases_kremlin_president_ua_2021-10_2022-06.csv"
    )
    part = articles.iloc[:300]
    text = "\n\n".join(part["text"])
    one = pd.DataFrame({"article_id": ["all"], "date": [part["date"].iloc[0]], "text": [text]})
    hits = fr.find_hits(one, {"threat": ["threat*", "угроз*"], "war": ["war", "войн*"]})
    voiced = fr.add_voice(hits, one)
    assert len(voiced) == len(hits) > 100
    assert voiced["voice"].isin(["narrative", "quote", "scare_quote", "reported"]).all()
    starts = [0]
    for body in part["text"].iloc[:-1]:
        starts.append(starts[-1] + len(body) + 2)
    alone = fr.find_quotes(part)
    shift = alone["article_id"].map(dict(zip(part["article_id"], starts, strict=True)))
    alone = alone.assign(start=alone["start"] + shift, end=alone["end"] + shift)
    joined = fr.find_quotes(one)
    # the same spans and kinds; the speakers may differ where a pronoun at the top of a
    # release finds a name in the one before it
    columns = ["start", "end", "kind", "unclosed"]
    assert len(alone) > 300
    assert joined[columns].reset_index(drop=True).equals(alone[columns].reset_index(drop=True))
