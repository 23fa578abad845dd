"""The one definition of a token and a sentence, used everywhere in framing.

Rules (DESIGN.md §3):

* A **word token** is a maximal run of Unicode word characters (``\\w+``). Hyphens,
  apostrophes and all other punctuation split tokens and are not tokens themselves:
  ``"fellow-citizens"`` is ``fellow`` + ``citizens`` and ``"Armenia’s"`` is ``armenia`` + ``s``.
  This is NLTK's ``WordPunctTokenizer`` with its punctuation tokens dropped, so counts can be
  checked against NLTK.
* The **whole text is NFKC-normalized before it is tokenized**: compatibility characters
  become their plain forms ("№ 5" is ``no`` + ``5``, "ﬁnal" is ``final``, "①" is ``1``,
  full-width "ＣＳＴＯ" is ``csto``) and decomposed letters are composed, so a text in NFD
  ("re" + U+0301 + "sume" + U+0301) has the tokens and the token total of its NFC form
  ("résumé", one token). Tokens are then compared lower-cased (``str.lower``), unless
  matching is asked to be case-sensitive.
* Character offsets (``start``, ``end`` of a hit, :func:`word_spans`) always refer to the
  text **as given**: :func:`nfkc_with_offsets` (:mod:`framing.nfkc`) maps the offsets of the
  normalized text back, so ``text[start:end]`` is the surface form that produced a token
  ("№" for ``no``).
* **Sentences** come from NLTK's pre-trained Punkt models when ``punkt_tab`` is installed,
  and from an untrained Punkt tokenizer otherwise, so no NLTK data is ever required. The
  spans are exactly Punkt's, computed about five times faster (``framing/_punkt.py``).
* **Stems** are NLTK Snowball stems (English, Russian and the other Snowball languages).

Note that NLTK's ``word_tokenize`` (Treebank rules) keeps hyphenated words whole and splits
"don't" into "do" + "n't"; its counts differ from these rules by a few per cent on news text.
That is a difference of definition, not an error.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from bisect import bisect_right
from functools import lru_cache

import numpy as np

from ._errors import FramingError, FramingWarning, choices_error
from ._punkt import punkt_spans
from .nfkc import needs_nfkc, nfkc_with_offsets, spans_to_original

__all__ = [
    "TOKEN_PATTERN",
    "normalize",
    "needs_nfkc",
    "nfkc_with_offsets",
    "spans_to_original",
    "token_key",
    "DOTTED_CAPITAL_I",
    "aligned_lower",
    "word_spans",
    "word_tokens",
    "count_tokens",
    "sentence_spans",
    "sentence_index",
    "stem",
    "stemmer",
    "language_name",
]

#: The regular expression of a word token (Unicode ``\w+``).
TOKEN_PATTERN = r"\w+"
_TOKEN_RE = re.compile(TOKEN_PATTERN)

# ISO 639-1 codes to the language names NLTK's Punkt and Snowball use.
_LANGUAGES = {
    "ar": "arabic", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "et": "estonian", "fi": "finnish", "fr": "french",
    "hu": "hungarian", "it": "italian", "nl": "dutch", "no": "norwegian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sl": "slovene", "sv": "swedish",
    "tr": "turkish",
}  # fmt: skip


def language_name(lang: str | None) -> str:
    """Map an ISO code or NLTK language name to the NLTK name (``"en"`` → ``"english"``).

    Missing values mean English.

    Examples
    --------
    >>> language_name("ru"), language_name("English"), language_name(None)
    ('russian', 'english', 'english')
    """
    if lang is None or lang != lang or str(lang).strip() == "":  # None or NaN
        return "english"
    key = str(lang).strip().lower()
    key = key.split("-")[0].split("_")[0] if len(key) > 3 else key
    return _LANGUAGES.get(key, key)


def normalize(text: str) -> str:
    """NFKC-normalize a text (compatibility characters to their plain forms).

    Examples
    --------
    >>> normalize("ﬁnal ＣＳＴＯ")
    'final CSTO'
    """
    return unicodedata.normalize("NFKC", text)


def token_key(token: str, *, case_sensitive: bool = False) -> str:
    """The form under which a token is compared: NFKC, lower-cased unless case-sensitive.

    Examples
    --------
    >>> token_key("ОДКБ"), token_key("CSTO", case_sensitive=True)
    ('одкб', 'CSTO')
    """
    if not token.isascii():
        token = unicodedata.normalize("NFKC", token)
    return token if case_sensitive else token.lower()


#: LATIN CAPITAL LETTER I WITH DOT ABOVE, the one character whose lower case is longer than
#: one character: "i" and a combining dot ("İlham" has the key "i̇lham"; tests/test_engines.py
#: checks every code point)
DOTTED_CAPITAL_I = "\u0130"


def aligned_lower(text: str) -> str:
    """``text`` lower-cased one character for one, so that its offsets stay those of ``text``:
    "İ" becomes "i" (negation and the copy shingles read such a copy at the text's offsets).

    Examples
    --------
    >>> aligned_lower("İstanbul and ANKARA")
    'istanbul and ankara'
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return text.replace(DOTTED_CAPITAL_I, "i").lower()


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` in ``text`` as given of its word tokens.

    The tokens are those of the NFKC form (:func:`word_tokens`), mapped back by
    :func:`nfkc_with_offsets`: ``text[start:end]`` is the surface form that produced a token.
    One character can give two tokens ("½" gives ``1`` and ``2``), both with its span.

    Examples
    --------
    >>> word_spans("Armenia’s ally")
    [(0, 7), (8, 9), (10, 14)]
    >>> text = "№ 5"
    >>> [text[s:e] for s, e in word_spans(text)]
    ['№', '5']
    """
    if not needs_nfkc(text):
        return [m.span() for m in _TOKEN_RE.finditer(text)]
    normalized, to_original = nfkc_with_offsets(text)
    found = np.array([m.span() for m in _TOKEN_RE.finditer(normalized)], dtype=np.int64)
    found = found.reshape(-1, 2)
    starts, ends = spans_to_original(to_original, found[:, 0], found[:, 1])
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def word_tokens(text: str, *, lower: bool = True) -> list[str]:
    """The word tokens of ``text``: the ``\\w+`` runs of its NFKC form, lower-cased by default.

    This is the reference definition of a token (see the module's rules).

    Examples
    --------
    >>> word_tokens("Fellow-Citizens of the CSTO: a “collapse”?")
    ['fellow', 'citizens', 'of', 'the', 'csto', 'a', 'collapse']
    >>> word_tokens("№ 5"), word_tokens("re\u0301sume\u0301") == word_tokens("résumé")
    (['no', '5'], True)
    """
    found = _TOKEN_RE.findall(normalize(text))
    if lower:
        return [token_key(t) for t in found]
    return found


def count_tokens(text: str) -> int:
    """The number of word tokens in ``text`` (the normalization denominator).

    Examples
    --------
    >>> count_tokens("Zone, of responsibility -- 2024!"), count_tokens("Decree № 5")
    (4, 3)
    """
    if not isinstance(text, str):
        return 0
    return len(_TOKEN_RE.findall(normalize(text)))


@lru_cache(maxsize=32)
def _punkt(language: str):
    """A Punkt sentence tokenizer: the pre-trained model if installed, else an untrained one."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTokenizer

    try:
        return PunktTokenizer(language)
    except (LookupError, OSError, ValueError):
        return PunktSentenceTokenizer()


def sentence_spans(text: str, *, language: str = "english") -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``.

    Uses NLTK's pre-trained Punkt model for ``language`` when the ``punkt_tab`` data is
    installed (set ``NLTK_DATA`` or see https://www.nltk.org/data.html), and an untrained
    Punkt tokenizer (no data needed) otherwise.

    Examples
    --------
    >>> text = "The summit ended. Armenia did not sign."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['The summit ended.', 'Armenia did not sign.']
    """
    if not text:
        return []
    try:
        return punkt_spans(_punkt(language_name(language)), text)
    except TimeoutError:  # NLTK's regex time limit (its own code path), on texts of many MB
        warnings.warn(
            f"NLTK Punkt gave up on a text of {len(text):,} characters; its sentences are split "
            "at '.', '!' and '?' followed by white space instead",
            FramingWarning,
            stacklevel=2,
        )
        return _simple_sentences(text)


_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'»”’)]*\s+")


def _simple_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans split after sentence-final punctuation followed by white space."""
    spans, start = [], 0
    for m in _SENTENCE_END_RE.finditer(text):
        spans.append((start, m.end() - len(m.group()) + len(m.group().rstrip())))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_index(text: str, offsets, *, language: str = "english") -> list[int]:
    """The index of the sentence that holds each character offset in ``offsets``.

    Examples
    --------
    >>> sentence_index("One. Two threats. Three.", [0, 9, 18])
    [0, 1, 2]
    """
    starts = [s for s, _ in sentence_spans(text, language=language)]
    if not starts:
        return [0 for _ in offsets]
    return [max(bisect_right(starts, o) - 1, 0) for o in offsets]


_SNOWBALL = (
    "arabic", "danish", "dutch", "english", "finnish", "french", "german", "hungarian",
    "italian", "norwegian", "portuguese", "romanian", "russian", "spanish", "swedish",
)  # fmt: skip


@lru_cache(maxsize=32)
def stemmer(language: str = "english"):
    """The NLTK Snowball stemmer for ``language`` (an ISO code or NLTK name).

    Examples
    --------
    >>> stemmer("ru").stem("угрозы")
    'угроз'
    """
    from nltk.stem.snowball import SnowballStemmer

    name = language_name(language)
    if name not in _SNOWBALL:
        raise choices_error("language", language, _SNOWBALL)
    return SnowballStemmer(name)


def stem(token: str, language: str = "english") -> str:
    """The Snowball stem of one token (lower-cased first).

    Examples
    --------
    >>> stem("Threats"), stem("угрозой", "ru")
    ('threat', 'угроз')
    """
    if not isinstance(token, str):
        raise FramingError(f"expected a string, got {type(token).__name__}", where="stem")
    return stemmer(language).stem(token_key(token))
