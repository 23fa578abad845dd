"""clean_articles gives, column for column, the tables it gave before it was made faster.

The digests below are of the cleaned tables (every column: name, dtype and values, with
``removed``, the datelines and ``attrs["cleaning"]``) that ``clean_articles`` gave at
ac13eb7, before the speed-ups of its head reading and its ``removed`` column, on the bundled
teaching corpus and the samples in ``../shared/data/news``. The inputs are read with plain
pandas and Python (not ``read_articles``), so a change of the ingest stage does not change
them; their own digests are checked first, so a changed input says so instead of blaming
the cleaning. After a change of the cleaning rules that is meant to change the output,
regenerate them with::

    PYTHONPATH=. python tests/test_clean_output.py

and paste what it prints over ``EXPECTED``.

Beside the digests, ``clean_text`` (one text at a time) is the reference that the table
path of ``clean_articles`` is compared with row by row, and the searches made in the lower
case of an ASCII text (``low``) are compared with the same functions called without it,
which search with ``re.IGNORECASE`` and lower-case each text themselves.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from framing.clean import (
    DEFAULT_BOILERPLATE,
    clean_articles,
    clean_text,
    default_cleaner,
    make_cleaner,
    normalize_whitespace,
    remove_boilerplate,
)
from framing.clean.head import credit_lines, is_credit_line, opens_with_body, read_head
from framing.clean.layout import default_line_drops
from framing.clean.pipeline import normalize_characters_and_space
from framing.clean.removed import encode_pieces

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = ROOT / "framing" / "example" / "articles"
NEWS = ROOT.parent / "shared" / "data" / "news"
SAMPLES = ("reuters21578_sample_500.csv", "press_releases_sample_100.csv")


def teaching_corpus() -> pd.DataFrame:
    """The bundled example articles, read by hand: id, outlet line and body as written."""
    rows = []
    for path in sorted(EXAMPLE_DIR.glob("*.txt")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        rows.append({"article_id": path.stem, "front": front, "text": body})
    return pd.DataFrame(rows)


def news_sample(folder: Path, name: str) -> pd.DataFrame:
    """A sample of ../shared/data/news, every column as text, as pandas reads it."""
    return pd.read_csv(folder / name, dtype=str, keep_default_na=False)


def digest(table: pd.DataFrame) -> str:
    """A digest of every column of ``table`` (name, dtype, values) and its cleaning steps."""
    h = hashlib.sha256()
    for name in table.columns:
        values = [None if v is None or v != v else str(v) for v in table[name].tolist()]
        h.update(json.dumps([str(name), str(table[name].dtype), values]).encode())
    h.update(json.dumps(table.attrs.get("cleaning", []), sort_keys=True).encode())
    return h.hexdigest()[:24]


_CUSTOM = make_cleaner(
    partial(remove_boilerplate, patterns=DEFAULT_BOILERPLATE), normalize_whitespace
)

#: how each input is cleaned: by default, without the head rules, twice, with another cleaner
VARIANTS = {
    "default": clean_articles,
    "layout=False": partial(clean_articles, layout=False),
    "datelines=False": partial(clean_articles, datelines=False),
    "twice": lambda articles: clean_articles(clean_articles(articles)),
    "own cleaner": partial(clean_articles, cleaner=_CUSTOM),
}


def cleaned_digests(articles: pd.DataFrame) -> dict[str, str]:
    """The input's digest and that of each variant of its cleaning."""
    out = {"input": digest(articles)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # emptied texts are warned about; not the point here
        for name, clean in VARIANTS.items():
            out[name] = digest(clean(articles))
    return out


#: recorded at ac13eb7 (see the module docstring for the command)
EXPECTED = {
    "teaching corpus": {
        "input": "41ee2ee912138e53f02c425a",
        "default": "3dfae264b7a2bb3517724fbe",
        "layout=False": "683578d02f5312189fd16837",
        "datelines=False": "e47568ecc4367478d6e53d28",
        "twice": "f1517b41f00e38ad0bb82710",
        # 2026-12-08: with a cleaner of its own (no caption patterns), two "Photo: …
        # (Pool photo)" lines now go as captions that end in a credit (credit_ends)
        "own cleaner": "08698348dbf02df5f6adca87",
    },
    "reuters21578_sample_500.csv": {
        "input": "013d86d9a61066ed444f85ec",
        "default": "be29dab4664ca6c139b66fdc",
        "layout=False": "edf417187038ef912846f202",
        "datelines=False": "3709acc0966655cd366a6afd",
        "twice": "8626a967630cac5de02f8aa3",
        "own cleaner": "58a0d77236b0f26f05a2af74",
    },
    "press_releases_sample_100.csv": {
        "input": "366603fb85ca3f8a86634956",
        "default": "9f36d6f6c807a761d910dc62",
        "layout=False": "2c4b209a92a98e7909d81f2a",
        "datelines=False": "237c9c1a5b77c33cae99e029",
        "twice": "803132b78081cab3a4c2ff5e",
        "own cleaner": "4e3f1e316ad21dc276fd9ff7",
    },
}


def _check(name: str, articles: pd.DataFrame) -> None:
    got = cleaned_digests(articles)
    expected = EXPECTED[name]
    assert got["input"] == expected["input"], f"the input {name} changed: regenerate EXPECTED"
    assert got == expected


def test_teaching_corpus_is_cleaned_as_before():
    _check("teaching corpus", teaching_corpus())


@pytest.mark.shared_data
@pytest.mark.parametrize("name", SAMPLES)
def test_news_samples_are_cleaned_as_before(news_dir, name):
    _check(name, news_sample(news_dir, name))


def _row_by_row(articles: pd.DataFrame, **kwargs) -> pd.DataFrame:
    """What clean_articles should give, from clean_text one text at a time."""
    results = [clean_text(t, default_cleaner, **kwargs) for t in articles["text"]]
    return pd.DataFrame(
        {
            "text": [r[0] for r in results],
            "dateline_place": [r[1] for r in results],
            "dateline_source": [r[2] for r in results],
            "removed": [encode_pieces(r[3]) for r in results],
        },
        index=articles.index,
    )


@pytest.mark.parametrize("layout", [True, False])
def test_the_table_path_gives_what_clean_text_gives(layout):
    articles = teaching_corpus()
    out = clean_articles(articles, layout=layout)
    expected = _row_by_row(articles, layout=layout)
    for column in expected.columns:
        assert out[column].tolist() == expected[column].tolist(), column


@pytest.mark.shared_data
@pytest.mark.parametrize("name", SAMPLES)
def test_the_table_path_gives_what_clean_text_gives_on_news(news_dir, name):
    articles = news_sample(news_dir, name)
    out = clean_articles(articles)
    expected = _row_by_row(articles)
    for column in expected.columns:
        assert out[column].tolist() == expected[column].tolist(), column


if __name__ == "__main__":
    inputs = {"teaching corpus": teaching_corpus()}
    for sample in SAMPLES:
        inputs[sample] = news_sample(NEWS, sample)
    digests = {key: cleaned_digests(table) for key, table in inputs.items()}
    print("EXPECTED = " + json.dumps(digests, indent=4))


# The searches in an ASCII text's lower case against the reference searches (re.IGNORECASE
# and a lower-casing of each text), called without the lower case

_WORDS = ["Reuter", "reuter", "reuters said", "Read more: x", "read on", "(Reporting by A)", "[Photo", "By Jo",
          "by then", "Share this", "shares rose", "Photo: A", "photo credit", "Getty Images",
          "We use cookies", "we use", "This site", "All rights reserved.", "Copyright 2024",
          "Follow us on X", "Also read", "See also: y", "Related", "Sign up for news", "x",
          "(AP Photo/Jo Do)", "Subscribe", "Credit: A", "ILLUSTRATION: B", "", "Image: C"]  # fmt: skip


_PARAGRAPH = "The summit in Yerevan ended without a statement on the photo agency's work. " * 5
_PHOTO_WORDS = ("photo", "getty", "illustration", "фото", "снимок", "иллюстрация")


def plain_credit_lines(text: str, skip: dict[int, str]) -> dict[int, str]:
    """The rule: each line not skipped that holds a photo word and ends in a photo credit."""
    found, start = {}, 0
    for line in text.split("\n"):
        low = line.lower()
        if start not in skip and any(w in low for w in _PHOTO_WORDS):
            if is_credit_line(line.strip()):
                found[start] = "caption"
        start += len(line) + 1
    return found


@given(st.lists(st.sampled_from([*_WORDS, _PARAGRAPH, _PARAGRAPH + "(AP Photo/Jo)"]), max_size=12))
@example([_PARAGRAPH] * 4 + ["(AP Photo/Jo Do)", _PARAGRAPH])  # long paragraphs, a credit
@example(["Reuter"] + [_PARAGRAPH] * 4 + ["Getty Images"])  # the same after a short line
def test_lower_case_searches_find_what_the_reference_finds(lines):
    text = "\n".join(lines)
    low = text.lower()
    drops = default_line_drops(text)
    assert default_line_drops(text, low) == drops
    expected = plain_credit_lines(text, drops)
    assert credit_lines(text, drops, low) == expected
    assert credit_lines(text, drops) == expected


def _normalized_ascii_texts(texts) -> list[str]:
    bases = [normalize_characters_and_space(t) for t in texts]
    return [b for b in bases if b.isascii()]


def _check_searches(texts) -> int:
    n = 0
    for base in _normalized_ascii_texts(texts):
        low = base.lower()
        drops = default_line_drops(base)
        assert default_line_drops(base, low) == drops, base[:80]
        assert credit_lines(base, drops, low) == credit_lines(base, drops), base[:80]
        n += 1
    return n


def test_lower_case_searches_on_the_teaching_corpus():
    assert _check_searches(teaching_corpus()["text"]) > 10


@pytest.mark.shared_data
@pytest.mark.parametrize("name", SAMPLES)
def test_lower_case_searches_on_news(news_dir, name):
    assert _check_searches(news_sample(news_dir, name)["text"]) > 20


# opens_with_body, the quick look at the first two lines, against read_head itself

_HEADS = ["Showers continued in", "the Bahia cocoa zone", "By Jane Doe", "BY JANE DOE", "Shr 31 cts",
          "Author: Ann Lee", "YEREVAN (Azatutyun) — Armenia", "MOSCOW, April 1 (Reuters) - x",
          "Lavrov (Reuters / 12.04.2024)", "Photo: A", "REUTERS/Irakli Gedenidze", "Reuter", "",
          "Mikhail Metzel / TASS", "(AP) — The", "Pashinyan (Photo: Government)", "a - b", "x/y",
          "ЕРЕВАН, 1 апреля — Sputnik. Армения", "Read also", "and so on.", "Net 2,000 vs 1,000",
          "Texas Commerce Bank-Houston said", "YEREVAN--Armenia", "PARIS -- The", "ROME-\u2014x"]  # fmt: skip


def _check_opens_with_body(texts) -> int:
    """opens_with_body says True only where read_head takes nothing and finds no dateline."""
    n = 0
    for text in texts:
        base = normalize_characters_and_space(text)
        drops = default_line_drops(base)
        found = credit_lines(base, drops)
        if opens_with_body(base, drops, found):
            assert read_head(base, drops, dict(found)) == (found, None), base[:80]
            n += 1
    return n


@given(st.lists(st.sampled_from(_HEADS), max_size=6))
def test_opens_with_body_agrees_with_read_head(lines):
    _check_opens_with_body(["\n".join(lines)])


def test_opens_with_body_on_the_teaching_corpus():
    _check_opens_with_body(teaching_corpus()["text"])


@pytest.mark.shared_data
@pytest.mark.parametrize("name", SAMPLES)
def test_opens_with_body_on_news(news_dir, name):
    # most of Reuters-21578's hard-wrapped texts open so; a press release is one paragraph
    n = _check_opens_with_body(news_sample(news_dir, name)["text"])
    assert n > 100 if name.startswith("reuters") else n == 0
