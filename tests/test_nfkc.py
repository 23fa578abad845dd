"""NFKC with offsets (framing/nfkc.py): the segments, the map back, the character tables."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import nfkc, tokens

ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
TRICKY = st.text(
    alphabet=st.sampled_from(
        list("№ﬁ①½™ＣＳＴＯﾞｶ각éйάabc .-")
        + ["\u0301", "\u0306", "\u0308", "\u0323", "\u0345", "\u3099", "\u0b3e", "\u0b47"]
        + ["\u1100", "\u1161", "\u11a8", "\uac00", "\u0415", "\u03b1", "\u0344", "\u0f73"]
    ),
    max_size=60,
)


@given(st.one_of(ANY_TEXT, TRICKY))
def test_count_equals_number_of_tokens_and_spans(text):
    spans = tokens.word_spans(text)
    found = tokens.word_tokens(text, lower=False)
    assert tokens.count_tokens(text) == len(spans) == len(found)
    for (s, e), token in zip(spans, found, strict=True):
        assert token in unicodedata.normalize("NFKC", text[s:e])


@given(st.one_of(ANY_TEXT, TRICKY))
def test_segments_normalize_like_the_whole_text(text):
    """NFKC segment by segment is NFKC of the text, without the coarser fallbacks."""
    expected = unicodedata.normalize("NFKC", text)
    places = nfkc._special_segments(text)  # the fast path
    assert nfkc.normalize_segments(text, places)[0] == expected
    if text:  # the path for characters the fast path does not know
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        places = nfkc._changed_segments(codes, coarse=False)
        assert nfkc.normalize_segments(text, places)[0] == expected
    normalized, to_original = nfkc.nfkc_with_offsets(text)
    assert normalized == expected
    assert to_original.dtype == np.int64 and len(to_original) == len(normalized) + 1
    assert to_original[0] == 0 and to_original[-1] == len(text)
    for m in re.finditer(r"\w+", normalized):
        s, e = to_original[m.start()], to_original[m.end()]
        assert 0 <= s < e <= len(text)
        # the original span is whole segments: NFKC of it holds the token
        assert m.group() in unicodedata.normalize("NFKC", text[s:e])


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Decree № 5", ["Decree", "№", "5"]),
        ("Her re\u0301sume\u0301.", ["Her", "re\u0301sume\u0301"]),
        ("ﬁnal ＣＳＴＯ ①", ["ﬁnal", "ＣＳＴＯ", "①"]),
        ("½", ["½", "½"]),
        ("x\u0301\u0323y z", ["x\u0301\u0323", "y", "z"]),  # marks split
        ("\u1100\u1161\u11a8!", ["\u1100\u1161\u11a8"]),
    ],
)
def test_offsets_map_back_to_the_surface_form(text, surface):
    assert [text[s:e] for s, e in tokens.word_spans(text)] == surface
    normalized, to_original = nfkc.nfkc_with_offsets(text)
    found = [m.span() for m in re.finditer(r"\w+", normalized)]
    starts, ends = nfkc.spans_to_original(to_original, *zip(*found, strict=True))
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == surface


def test_texts_that_need_no_normalization_map_to_themselves():
    for text in ["", "CSTO summit", "Саммит ОДКБ «Угроза»", "Հայաստան"]:
        assert not nfkc.needs_nfkc(text)
        normalized, to_original = nfkc.nfkc_with_offsets(text)
        assert normalized == text and to_original.tolist() == list(range(len(text) + 1))
    starts, ends = nfkc.spans_to_original(None, [0, 4], [3, 6])
    assert starts.tolist() == [0, 4] and ends.tolist() == [3, 6]


def test_nfd_counts_like_nfc():
    nfc = "Le résumé du président: Ёлка, йогурт, άνθρωπος."
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc and nfkc.needs_nfkc(nfd)
    assert tokens.word_tokens(nfd) == tokens.word_tokens(nfc)
    assert tokens.count_tokens(nfd) == tokens.count_tokens(nfc) == 7


def test_tables_built_from_some_blocks_hold_every_character_they_need(tmp_path, monkeypatch):
    """The scans of a few blocks find every starter that composes with what precedes it and
    every character NFKC may change or join; the special characters come back from the
    on-disk cache as built."""
    found = set()
    special = []
    for cp in range(0x110000):
        char = chr(cp)
        parts = unicodedata.decomposition(char).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            first, second = (chr(int(p, 16)) for p in parts)
            if unicodedata.combining(second) == 0 and (
                unicodedata.normalize("NFC", first + second) == char
            ):
                found.add(second)
        if not 0xD800 <= cp < 0xE000 and not (
            nfkc._starts_or_ascii(char) and nfkc._is_stable(char)
        ):
            special.append(cp)
    assert found <= nfkc._backward_starters()
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    for _ in range(2):  # built and stored, then read back
        codes, starting = nfkc._special_characters()
        assert codes.tolist() == special
        assert starting.tolist() == [nfkc._starts_or_ascii(chr(cp)) for cp in special]
    assert [p.name.split("-")[:2] for p in tmp_path.iterdir()] == [["nfkc", "special"]]


def test_clear_caches_forgets_the_nfkc_tables(tmp_path, monkeypatch):
    import framing

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    assert nfkc.nfkc_with_offsets("№ 5")[0] == "No 5"
    assert nfkc._special_tables.cache_info().currsize == 1
    framing.clear_caches()
    assert nfkc._special_tables.cache_info().currsize == 0
    assert list(tmp_path.iterdir()) == []
    assert nfkc.nfkc_with_offsets("№ 5")[0] == "No 5"  # built again


HARMLESS_MIX = st.text(
    alphabet=st.sampled_from(list("ab é.…\u00a0\u2033\u2024\u0301\u0308\u0338=№ﬁ½①ｑ가\u1161")),
    max_size=40,
)


@settings(deadline=None)  # the first example builds the character tables
@given(st.one_of(ANY_TEXT, TRICKY, HARMLESS_MIX))
def test_texts_said_to_keep_their_tokens_keep_them(text):
    # changes_tokens skips the segments when NFKC changes only non-word characters into
    # non-word forms: when it says the tokens do not change, the text and its NFKC form have
    # the same word tokens (their offsets may shift: hits are given in the text as written);
    # when they differ, it says so
    normalized = unicodedata.normalize("NFKC", text)
    same = re.findall(r"\w+", text) == re.findall(r"\w+", normalized)
    if not nfkc.changes_tokens(text):
        assert same
    if not same:
        assert nfkc.changes_tokens(text) and nfkc.changes_tokens_by_segments(text)


LIGATURES = st.text(alphabet=st.sampled_from(list("ab é.…ﬁﬂ①ｑＣ²µևº \u00a0")), max_size=40)


@settings(deadline=None)  # the first example builds the character tables
@given(st.one_of(ANY_TEXT, TRICKY, HARMLESS_MIX, LIGATURES))
def test_texts_without_token_changing_characters_keep_their_tokens(text):
    # the engine skips, with NumPy, the texts that hold none of the characters of
    # token_changing_table: NFKC gives them the same tokens; and it does not normalize
    # those that hold only the substituted characters left out of changed_by_nfkc_table:
    # their tokens keyed one by one are the tokens of their NFKC form
    from framing.match._unicode import changed_by_nfkc_table

    normalized = unicodedata.normalize("NFKC", text)
    if not any(nfkc.token_changing_table()[ord(c)] for c in text):
        assert not nfkc.changes_tokens(text)
        assert re.findall(r"\w+", text) == re.findall(r"\w+", normalized)
    if not any(changed_by_nfkc_table()[ord(c)] for c in text):
        keys = [tokens.token_key(t) for t in re.findall(r"\w+", text)]
        assert keys == [t.lower() for t in re.findall(r"\w+", normalized)]


def test_the_harmless_characters_are_deleted_and_nothing_else():
    # the quick check of changes_tokens deletes the harmless characters with one pattern:
    # on every code point, exactly those go
    everything = "".join(map(chr, range(0x110000)))
    kept = nfkc._harmless_re().sub("", everything)
    harmless = set(nfkc._harmless_characters().tolist())
    assert len(harmless) > 100
    assert kept == "".join(c for c in everything if ord(c) not in harmless)
