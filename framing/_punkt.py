"""NLTK's Punkt sentence splitter, made faster with the same results.

``PunktSentenceTokenizer.span_tokenize`` decides every potential sentence end (".", "?",
"!") from a short context such as ``"ended. Armenia"``, with general token objects and
every regular expression behind NLTK's time-out wrapper: about 80 µs a context, 1 MB/s of
news. :func:`punkt_spans` re-states ``span_tokenize`` with the tokenizer's own compiled
patterns and parameters:

* contexts of a plain word, a full stop (or "?" or "!"), white space and a plain word,
  about four in five in news, reduce to one or two set lookups (derived below);
* every other context goes through :func:`_sentbreak_function`'s re-statement of
  ``text_contains_sentbreak`` (Punkt's first and second pass) on plain strings;
* anything that is not NLTK's own Punkt tokenizer in the NLTK versions this was checked on
  is left to NLTK.

The spans of the last :data:`REMEMBERED_TEXTS` texts are remembered (by a 128-bit BLAKE2
digest of the text), so that finding hits again with another lexicon, the loop of lexicon
work, does not split the same articles again.

``tests/test_punkt.py`` checks the spans and every decision against NLTK on the press
releases, Reuters stories and the inaugural addresses, and on generated text full of
abbreviations, initials, numbers, quotes and odd white space, for the English model, the
untrained tokenizer and a made-up model that reaches the rules English never does.
"""

from __future__ import annotations

import hashlib
import threading
from array import array
from functools import lru_cache

from . import _cache

#: NLTK versions whose Punkt code this module re-states (others: NLTK's own code); checked
#: against NLTK 3.9.2 and 3.10.4 on 21,699 real texts (tests/test_punkt.py runs the installed one).
CHECKED_NLTK = ("3.9.", "3.10.")

_ASCII_SPACE = " \t\n\r\x0b\x0c"  # string.whitespace: what Punkt looks back for
_DECIDED_MAX = 200_000  # contexts remembered per tokenizer

#: Texts whose sentence spans are remembered, per tokenizer (70 MB at 30 sentences a text): finding
#: hits again with another lexicon does not split the same articles again.
REMEMBERED_TEXTS = 100_000
_LOCK = threading.Lock()


def clear() -> None:
    """Forget the sentence spans remembered and the tokenizers' compiled decisions."""
    _fast.cache_clear()


def punkt_spans(tokenizer, text: str) -> list[tuple[int, int]]:
    """``list(tokenizer.span_tokenize(text))``, faster for NLTK's own Punkt tokenizers.

    Examples
    --------
    >>> from nltk.tokenize.punkt import PunktSentenceTokenizer
    >>> punkt_spans(PunktSentenceTokenizer(), "The summit ended. Armenia did not sign.")
    [(0, 17), (18, 39)]
    """
    fast = _fast(tokenizer)
    if fast is None:
        return list(tokenizer.span_tokenize(text))
    contexts, decide, realignment, remembered = fast
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    flat = remembered.get(key)
    if flat is not None:
        return list(zip(flat[::2], flat[1::2], strict=True))
    spans = _spans(text, contexts, decide, realignment)
    with _LOCK:
        if len(remembered) >= REMEMBERED_TEXTS:
            del remembered[next(iter(remembered))]  # the oldest
        remembered[key] = array("q", [x for span in spans for x in span])
    return spans


def _spans(text: str, contexts, decide, realignment) -> list[tuple[int, int]]:
    """PunktSentenceTokenizer.span_tokenize, with ``decide`` for text_contains_sentbreak."""
    # _match_potential_end_contexts: each potential end with the word before it, dropping
    # a match whose word overlaps the next one's
    breaks = []
    before_start = before_stop = 0
    previous = None
    for match in contexts(text):
        start = match.start()
        gap = text[before_stop:start]
        space = gap.rfind(" ")
        if not gap[space + 1 :].isprintable():  # a tab or line break after the last space
            space = max(map(gap.rfind, _ASCII_SPACE))
        word_start = space + before_stop + 1 if space > 0 else before_start
        if previous is not None and before_stop <= word_start:
            if decide(text[before_start:before_stop] + previous.group() + previous["after_tok"]):
                breaks.append(previous)
        previous, before_start, before_stop = match, word_start, start
    if previous is not None:
        if decide(text[before_start:before_stop] + previous.group() + previous["after_tok"]):
            breaks.append(previous)
    # _slices_from_text
    slices, last = [], 0
    for match in breaks:
        slices.append((last, match.end()))
        last = match.start("next_tok") if match["next_tok"] else match.end()
    slices.append((last, len(text.rstrip())))
    # _realign_boundaries: closing quotes and brackets after a break join the sentence
    spans, realign, size = [], 0, len(text)
    for k, (start, stop) in enumerate(slices):
        start += realign
        if k + 1 < len(slices):
            following = slices[k + 1]
            m = realignment(text[following[0] : following[1]])
            if m:
                spans.append((start, following[0] + len(m.group(0).rstrip())))
                realign = m.end()
                continue
            realign = 0
        if start < stop and start < size:  # text[start:stop] is not empty
            spans.append((start, stop))
    return spans


@lru_cache(maxsize=32)
def _fast(tokenizer):
    """``(finditer of potential ends, decide(context) -> bool, realignment match, spans
    remembered)`` for a stock NLTK Punkt tokenizer, or None. ``decide`` equals
    ``text_contains_sentbreak``."""
    import nltk
    from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer, PunktToken

    lang_vars = getattr(tokenizer, "_lang_vars", None)
    if not (
        nltk.__version__.startswith(CHECKED_NLTK)
        and isinstance(tokenizer, PunktSentenceTokenizer)
        and type(lang_vars) is PunktLanguageVars
        and lang_vars.sent_end_chars == (".", "?", "!")
        and tokenizer._Token is PunktToken
        and all(
            getattr(type(tokenizer), name) is getattr(PunktSentenceTokenizer, name)
            for name in (
                "span_tokenize",
                "text_contains_sentbreak",
                "_annotate_tokens",
                "_first_pass_annotation",
                "_second_pass_annotation",
                "_ortho_heuristic",
                "_tokenize_words",
            )
        )
    ):
        return None
    # the compiled patterns, without NLTK 3.10's time-out wrapper (they are linear); ours are
    # compiled by the same engine (``regex`` in 3.10, ``re`` before: same \s, \d, letters)
    contexts = _compiled(lang_vars.period_context_re())
    realignment = _compiled(lang_vars.re_boundary_realignment)
    engine = _engine(contexts)
    sentbreak = lru_cache(maxsize=_DECIDED_MAX)(
        _sentbreak_function(tokenizer, _compiled(lang_vars._word_tokenizer_re()).findall)
    )

    # "word." + white space + a next token that begins with a plain word ending where
    # Punkt's word tokenizer ends it, or with a character that is a token by itself;
    # "word." + a character that ends a word (no next token); "word?" or "word!" + more.
    # "word." is then a break after the first pass (not an abbreviation, an initial, a
    # number or an ellipsis), and the second pass changes that only for a known
    # collocation with the next token (4.1.2); a token follows it, so the context holds a
    # break. "?" and "!" are breaks that nothing changes.
    non_word = lang_vars._re_non_word_chars
    alone = rf"(?!{lang_vars._re_word_start})[^\s.\-]"  # cannot start a word: one token
    period = engine.compile(
        rf"(?P<w>[^\W\d_]{{2,}})\.(?:\s+(?:(?P<n>[^\W\d_]+)(?:,?|(?={non_word})\S*)"
        rf"|(?P<p>{alone})\S*)|(?P<c>{non_word}))"
    ).fullmatch
    question = engine.compile(rf"[^\W\d_]+[?!](?:\s+\S+|{non_word})").fullmatch
    abbreviations = tokenizer._params.abbrev_types
    collocations = tokenizer._params.collocations

    def decide(context: str) -> bool:
        m = period(context)
        if m is not None:
            before = m["w"].lower()
            if before not in abbreviations:
                if (before, m["c"] or m["p"] or m["n"].lower()) not in collocations:
                    return True
        elif question(context) is not None:
            return True
        return sentbreak(context)

    return contexts.finditer, decide, realignment.match, {}


def _compiled(pattern):
    """The compiled pattern inside NLTK 3.10's time-out wrapper, or the pattern itself."""
    return getattr(pattern, "_rx", pattern)


def _engine(pattern):
    """The module that compiled ``pattern``: ``re`` or ``regex``."""
    import re

    if isinstance(pattern, re.Pattern):
        return re
    import regex

    return regex


def _sentbreak_function(tokenizer, word_tokens):
    """``text_contains_sentbreak`` of ``tokenizer`` on plain strings: its
    ``_tokenize_words``, ``_first_pass_annotation``, ``_second_pass_annotation`` and
    ``_ortho_heuristic`` (NLTK 3.9 and 3.10), statement by statement."""
    from nltk.tokenize import punkt

    params = tokenizer._params
    abbreviations, collocations = params.abbrev_types, params.collocations
    sent_starters, ortho_context = params.sent_starters, params.ortho_context
    end_chars = tokenizer._lang_vars.sent_end_chars
    punctuation = tokenizer.PUNCTUATION
    numeric = _compiled(punkt.PunktToken._RE_NUMERIC).sub
    ellipsis = _compiled(punkt.PunktToken._RE_ELLIPSIS).match
    initial = _compiled(punkt.PunktToken._RE_INITIAL).match
    lc, uc, mid_uc, beg_lc = (
        punkt._ORTHO_LC,
        punkt._ORTHO_UC,
        punkt._ORTHO_MID_UC,
        punkt._ORTHO_BEG_LC,
    )

    @lru_cache(maxsize=65536)
    def token(tok: str) -> tuple:
        """(type, type without its final period, period-final, initial, first upper, first
        lower, first-pass sentbreak, abbr, ellipsis) of a token."""
        type_ = numeric("##number##", tok.lower())
        no_period = type_[:-1] if len(type_) > 1 and type_[-1] == "." else type_
        period_final = tok.endswith(".")
        sentbreak = abbr = is_ellipsis = None
        if tok in end_chars:
            sentbreak = True
        elif ellipsis(tok):
            is_ellipsis = True
        elif period_final and not tok.endswith(".."):
            if (
                tok[:-1].lower() in abbreviations
                or tok[:-1].lower().split("-")[-1] in abbreviations
            ):
                abbr = True
            else:
                sentbreak = True
        return (type_, no_period, period_final, bool(initial(tok)), tok[0].isupper(),
                tok[0].islower(), sentbreak, abbr, is_ellipsis)  # fmt: skip

    def ortho(tok: str, next_type: str, first_upper: bool, first_lower: bool):
        if tok in punctuation:
            return False
        context = ortho_context.get(next_type, 0)
        if first_upper and (context & lc) and not (context & mid_uc):
            return True
        if first_lower and ((context & uc) or not (context & beg_lc)):
            return False
        return "unknown"

    def sentbreak(text: str) -> bool:
        toks = [t for line in text.split("\n") if line.strip() for t in word_tokens(line)]
        for i in range(len(toks) - 1):
            type1, no_period1, final1, initial1, _, _, break1, abbr1, ellipsis1 = token(toks[i])
            if final1:
                t2 = toks[i + 1]
                type2, no_period2, _, _, upper2, lower2, break2, _, _ = token(t2)
                next_type = no_period2 if break2 else type2
                if (no_period1, next_type) in collocations:
                    continue  # not a break
                if (abbr1 or ellipsis1) and not initial1:
                    starter = ortho(t2, next_type, upper2, lower2)
                    if starter is True or (upper2 and next_type in sent_starters):
                        return True
                if initial1 or no_period1 == "##number##":
                    starter = ortho(t2, next_type, upper2, lower2)
                    if starter is False or (
                        starter == "unknown" and initial1 and upper2
                        and not (ortho_context.get(next_type, 0) & lc)
                    ):  # fmt: skip
                        continue  # not a break
            if break1:
                return True  # a break, and a token follows it
        return False

    return sentbreak


_cache.register_cache(
    "sentence spans",
    clear,
    f"the sentence spans of the last {REMEMBERED_TEXTS:,} texts split, per Punkt tokenizer "
    "(32 tokenizers)",
)
