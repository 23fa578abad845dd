"""Probes of common forms: single-hit and single-quote cases against framing's voices stage.

Run from the repository root::

    python -m bench.voices.probes           # accuracy per probe set
    python -m bench.voices.probes --show    # and every case framing gets wrong

The probe sets in ``probes_data/`` were written by writers who did not see framing's output,
to the labelling guide of ``README.md``, each case a short passage with one labelled item:

* ``*_reports.jsonl``, ``*_passages.jsonl``: ``text``, ``hit`` (a word that occurs once in
  it), its ``voice`` and a word of its ``speaker`` ("" in the narrative);
* ``*_quotes.jsonl``: ``text``, ``quote`` (the words of one quoted span), its ``kind`` and a
  word of its ``speaker``;
* ``*_negation.jsonl``: ``text``, ``hit`` and whether a negation cue governs it
  (``negated``).

A hit is right when ``add_voice`` gives its voice and, for a voice other than the
narrative, a speaker that holds the first five letters of the labelled word; a quote when
``find_quotes`` finds a span that overlaps it with the labelled kind and such a speaker (""
for "": nobody). Unlike the passages of ``score.py``, a probe labels one item, so the
probes measure how often a form is read right, not span boundaries.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent / "probes_data"


def load(path: Path) -> list[dict]:
    """The cases of one probe set."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _articles(cases: list[dict], lang: str):
    import pandas as pd

    return pd.DataFrame(
        {
            "article_id": [f"p{i:04d}" for i in range(len(cases))],
            "text": [c["text"] for c in cases],
            "lang": lang,
        }
    )


def _fits(want: str, got: str) -> bool:
    """Whether a predicted speaker fits the labelled word ("" fits only "")."""
    return (got == "") if not want else want.lower()[:5] in got.lower()


def _annotated(cases: list[dict], lang: str):
    """``add_voice`` on each case's hit, in the order of the cases."""
    import pandas as pd

    from framing.voices import add_voice

    rows = []
    for i, c in enumerate(cases):
        m = re.search(r"(?<!\w)" + re.escape(c["hit"]) + r"(?!\w)", c["text"], re.IGNORECASE)
        if m is None:
            raise ValueError(f"probe {i}: {c['hit']!r} is not a word of its text")
        rows.append((f"p{i:04d}", m.start(), m.end()))
    hits = pd.DataFrame(rows, columns=["article_id", "start", "end"])
    return add_voice(hits, _articles(cases, lang))


def negation_errors(cases: list[dict], lang: str) -> list[str]:
    """What ``add_voice`` gets wrong in a negation probe set, one line per case."""
    out = _annotated(cases, lang)
    return [
        f"[{i}] {c['hit']!r}: want negated={c['negated']}\n    {c['text']}"
        for i, c in enumerate(cases)
        if bool(out["negated"].iloc[i]) != c["negated"]
    ]


def hit_errors(cases: list[dict], lang: str) -> list[str]:
    """What ``add_voice`` gets wrong in a hit probe set, one line per case."""
    out = _annotated(cases, lang)
    wrong = []
    for i, c in enumerate(cases):
        voice, speaker = out["voice"].iloc[i], out["speaker"].iloc[i]
        if voice != c["voice"] or (voice != "narrative" and not _fits(c["speaker"], speaker)):
            wrong.append(f"[{i}] {c['hit']!r}: want {c['voice']} / {c['speaker']!r}, got "
                         f"{voice} / {speaker!r}\n    {c['text']}")  # fmt: skip
    return wrong


def quote_errors(cases: list[dict], lang: str) -> list[str]:
    """What ``find_quotes`` gets wrong in a quote probe set, one line per case."""
    from framing.voices import find_quotes

    quotes = find_quotes(_articles(cases, lang))
    by_article = {k: g for k, g in quotes.groupby("article_id")}
    wrong = []
    for i, c in enumerate(cases):
        start = c["text"].index(c["quote"])
        end = start + len(c["quote"])
        found = by_article.get(f"p{i:04d}")
        if found is not None:
            found = found[(found["start"] < end) & (found["end"] > start)]
        if found is None or found.empty:
            wrong.append(f"[{i}] {c['quote'][:50]!r}: not found\n    {c['text']}")
            continue
        kind, speaker = found["kind"].iloc[0], found["speaker"].iloc[0]
        if kind != c["kind"] or not _fits(c["speaker"], speaker):
            wrong.append(f"[{i}] {c['quote'][:50]!r}: want {c['kind']} / {c['speaker']!r}, "
                         f"got {kind} / {speaker!r}\n    {c['text']}")  # fmt: skip
    return wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.voices.probes",
                                     description=__doc__.split("\n")[0])  # fmt: skip
    parser.add_argument("--show", action="store_true", help="print every case got wrong")
    args = parser.parse_args(argv)
    for path in sorted(HERE.glob("*.jsonl")):
        cases = load(path)
        lang = path.name[:2]
        score = quote_errors if "_quotes" in path.name else hit_errors
        score = negation_errors if "_negation" in path.name else score
        errors = score(cases, lang)
        right = len(cases) - len(errors)
        print(f"{path.name:22} {len(cases):4d} cases, {right:4d} right: {right / len(cases):.3f}")
        if args.show:
            for line in errors:
                print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
