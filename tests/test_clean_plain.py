"""The quick way of default_cleaner for plain texts (framing.clean.plain) gives what the
general way gives: the same normalized text and the same lines to drop, on made-up texts
whose lines start with every word the patterns look for, in every case, and on real news."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from framing.clean import default_cleaner, layout, normalize_whitespace
from framing.clean import plain as plain_module
from framing.clean.layout import LINE_OPENERS, LINE_WORDS, default_line_drops, without_lines
from framing.clean.pipeline import normalize_characters_and_space, normalized_with_drops
from framing.clean.plain import plain_drops
from framing.clean.text import ASCII_LINE_BREAKS, ASCII_SPACES

SAMPLES = ("reuters21578_sample_500.csv", "press_releases_sample_100.csv")
_SETTINGS = settings(
    max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

needs_hyperscan = pytest.mark.skipif(
    plain_module._scan() is None, reason="hyperscan cannot be imported here"
)


def general_way(text: str) -> tuple[str, dict[int, str]]:
    """The normalized text and its lines to drop, found with re.IGNORECASE on every text."""
    base = normalize_characters_and_space(text)
    return base, default_line_drops(base)


def _cases(word: str) -> list[str]:
    return [word, word.upper(), word.capitalize(), word[:1] + word[1:].upper()]


# the words and openers in several cases, the lines the patterns drop, and what sends a
# text off the quickest way: dashes, runs of white space, notices, other line breaks
_STARTS = sorted({c for w in LINE_WORDS + LINE_OPENERS for c in _cases(w)})
_LINES = [
    "Reuter", "REUTER", "reuters", "Read more: CSTO leaders meet", "READ MORE >>",
    "Photo: Jermuk", "PHOTO BY Ani Sargsyan", "(Reporting by Jane Doe; Editing by Joe Roe)",
    "[Photo: AP]", "Getty Images", "Subscribe to our newsletter", "We use cookies on this site",
    "By Jane Doe", "by the way, it said", "Copyright 2024 Reuters", "(c) All rights reserved.",
    "ALL RIGHTS RESERVED", "reserved seats", "Also read | x", "See also: y", "this year",
    "Share this article", "Follow us on Twitter", "The summit ended.", "the bloc said",
    "2022--2024", "a -- b", "--", "-- x", "x --", "------", "Shr 31 cts vs 20 cts",
]  # fmt: skip
_BITS = ["", " ", "  ", "\t", "\x1f", " -- ", "--", "—", "«x»", "\u00a0", "\r", "\x0b", "ſ"]


@st.composite
def texts(draw) -> str:
    """Lines of news, with spaces around them and now and then something unusual."""
    n = draw(st.integers(0, 8))
    lines = []
    for _ in range(n):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            line = draw(st.sampled_from(_STARTS)) + draw(st.sampled_from(["", " x", ": y", "x"]))
        elif kind == 1:
            line = draw(st.sampled_from(_LINES))
        elif kind == 2:
            line = draw(st.text(alphabet="aAbB -\t.:()[]", max_size=12))
        else:
            line = draw(st.sampled_from(_LINES)) + draw(st.sampled_from(_BITS))
        lines.append(draw(st.sampled_from(["", " ", "    "])) + line + draw(st.sampled_from(_BITS)))
    return "\n".join(lines)


@needs_hyperscan
@_SETTINGS
@given(texts())
@example("MOSCOW, Sept. 14, 2023 (TCW) -- ")  # "--" at the end of what is scanned
@example("The bloc said\n  Reuter")
@example("x\n\n\n\nReuter\n\n\nBy Jane Doe\n")
@example("Photo: A\nALL RIGHTS RESERVED")
def test_the_quick_way_gives_what_the_general_way_gives(text):
    assert plain_drops(text) in (None, general_way(text))
    if text.isascii() and "\r" not in text and "\x0b" not in text:
        assert plain_drops(text) is not None


@needs_hyperscan
@_SETTINGS
@given(texts())
def test_the_scan_finds_the_lines_the_lower_case_search_finds(text):
    """The lines found in the lower case of the text (whose search is checked against the
    patterns in test_clean) are among those the scan finds."""
    base = normalize_characters_and_space(text)
    if base.isascii():
        meanings, starts = plain_module._scan()(base)
        if not meanings:
            assert set(layout._lower_line_starts(base, base.lower())) <= set(starts)


@pytest.mark.parametrize("word", _STARTS)
def test_every_line_word_is_found_in_every_place(word):
    """A line the patterns drop, first, last and alone, after spaces and blank lines."""
    line = f"{word}: x" if word not in ("(", "[") else f"{word}Photo: x)"
    for text in (line, f"{line}\nBody.", f"Body.\n{line}", f"Body.\n\n  {line}  \nMore."):
        assert normalized_with_drops(text) == general_way(text), text


@needs_hyperscan
def test_the_end_of_the_text_is_scanned():
    """A match that ends at the last byte of what hyperscan scans can be missed by its
    double-shufti search (VectorCamp/vectorscan#358); the scan pads the text against it."""
    assert default_cleaner("MOSCOW, Sept. 14, 2023 (TCW) -- ") == "MOSCOW, Sept. 14, 2023 (TCW) —"
    rng = random.Random(13)
    body = "Showers continued throughout the week in the Bahia cocoa zone"
    for end in ["--", "  x", "\n\n\nx", "\nReserved", "\nReuter", "\nBy", "\n(", "\nPhoto"]:
        for _ in range(40):
            text = body[: rng.randint(0, len(body))] + end
            assert plain_drops(text) == general_way(text), text


@pytest.mark.parametrize("char", [c for c, _ in ASCII_LINE_BREAKS + ASCII_SPACES])
def test_every_other_ascii_white_space_character(char):
    """The other line breaks send a text the general way; tabs and the like are collapsed."""
    for text in (f"a{char}b", f" {char}Reuter{char}\nx", f"x\n{char}By Jane Doe{char}"):
        if (char, "\n") in ASCII_LINE_BREAKS:
            assert plain_drops(text) is None
        assert normalized_with_drops(text) == general_way(text), repr(text)


def test_without_hyperscan_the_general_way_is_taken(monkeypatch):
    text = "  The summit ended.  \n\n\nREUTER"
    monkeypatch.setattr(plain_module, "_scan", lambda: None)
    assert plain_drops(text) is None
    assert default_cleaner(text) == "The summit ended."


@_SETTINGS
@given(st.lists(st.sampled_from(["", "A", "b c", "Reuter", "By X"]), max_size=10), st.data())
def test_without_lines_collapses_what_dropping_leaves(lines, data):
    text = normalize_whitespace("\n".join(lines))
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    drops = {s: "caption" for s in data.draw(st.lists(st.sampled_from(starts), unique=True))}
    drops = dict(sorted(drops.items()))
    kept, done = [], 0
    for start in drops:
        kept.append(text[done:start])
        done = text.find("\n", start) + 1 or len(text)
    kept.append(text[done:])
    expected = "".join(kept)
    while "\n\n\n" in expected:
        expected = expected.replace("\n\n\n", "\n\n")
    assert without_lines(text, drops) == expected.strip("\n")


@pytest.mark.shared_data
@pytest.mark.parametrize("name", SAMPLES)
def test_the_quick_way_on_news(news_dir, name):
    texts = pd.read_csv(news_dir / name, dtype=str, keep_default_na=False)["text"].tolist()
    quick = 0
    for text in texts:
        got = plain_drops(text)
        if got is not None:
            assert got == general_way(text), text[:80]
            quick += 1
    if plain_module._scan() is not None and name.startswith("reuters"):
        assert quick == len(texts)


@needs_hyperscan
@pytest.mark.shared_data
def test_threads_scan_with_their_own_scratch(news_dir):
    texts = pd.read_csv(news_dir / SAMPLES[0], dtype=str, keep_default_na=False)["text"]
    texts = texts.tolist() * 4
    alone = [default_cleaner(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(default_cleaner, texts, chunksize=8)) == alone
