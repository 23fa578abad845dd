"""Wire copies and near-duplicates: the same story counted once.

:func:`find_copies` marks the copies in an articles table (``story_id``, ``copy_of``,
``similarity``); :func:`framing.count_by_period`, :func:`framing.compare` and
:func:`framing.keyness` then count every copy (``copies="keep"``), each story once at its
original (``"drop"``) or the copies' hits for the original's outlet (``"origin"``), see
:func:`choose_copies`. :func:`framing.count_corpus` and :func:`framing.count_dask` do the
same with ``copies=`` for corpora larger than memory (:mod:`framing.corpus.copy_index`).

How copies are found. Each text becomes its set of word 3-grams (framing's tokens, NFKC,
lower-cased: quotation marks, punctuation and white space do not count). A small sketch of
each article (at most 32 fingerprints, 256 bytes, :mod:`.index`) yields candidate pairs;
each candidate is compared exactly: a pair is a copy when its Jaccard similarity reaches
``threshold`` (0.4), or when the shorter text is at least half as long as the longer and at
least ``containment`` (0.7) of its 3-grams are in the longer. Copies form stories
(connected pairs); the original is the credited wire, else the earliest.

Why these defaults: on the edited copies, reprints (new lead, cut ending, changed words)
have a Jaccard similarity of 0.28-0.77 (5th percentile 0.39, containment 0.56 and up) and
wire texts inside local articles 0.25-0.72 (containment 0.52 and up), while two reports of
one release stay under 0.2 (containment under 0.35). At 0.4 and 0.7 recall is 0.98; at 0.5
and 0.8 it falls to 0.88 (0.40 for the wire inside a local article); at 0.8 alone most
reprints are missed.

What it catches and misses, measured on 320 edited copies of real press releases (40 of
each edit), 100 pairs of reports of one release, and Russian articles with two edited copies
each (``python -m bench.copies``): a new title (the title is not compared), other quotation
marks, white space, case, a changed word in sixty, a local paragraph before the text and a
cut of the last 15-40% are all found; a reprint doing all of these at once, and a wire text
(itself cut) inside a local article with the wire half of it or more, in 92% of cases (pair
precision 1.00, recall 0.98 in English; 1.00 and 1.00 in Russian). Missed: a reprint that
cuts most of the story, rewrites or translates it (too few 3-grams in common; hand-labelled
newspaper reprints with OCR noise share only about 30% of their 3-grams, Silcock et al.
2022, and a threshold that low would merge templated releases); a wire text under half of a
long local article is not counted as a copy (containment needs the shorter text to be half
the longer, so a digest that repeats the first lines of many stories is not merged with
them). Two outlets' own reports of one
event that quote the same sentences stay apart. Texts built on one template (two decrees
that differ only in a name, lists of the same attendees) are near-duplicates by their text
and are found as copies: no text measure can tell them from a reprint.
"""

from .apply import COPIES, add_copy_summary, choose_copies
from .detect import COPY_COLUMNS, copy_pairs, find_copies

__all__ = [
    "find_copies",
    "copy_pairs",
    "choose_copies",
    "add_copy_summary",
    "COPY_COLUMNS",
    "COPIES",
]
