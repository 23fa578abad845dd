"""What framing gets wrong on a development split, passage by passage (never the test half).

Run from the repository root::

    python -m bench.voices.errors --split dev2   # or dev

Each passage with a wrong quote speaker or kind, hit voice, hit speaker or negation, with its
text: for studying the rules on the passages they may be tuned on. The held-out sets (the
test half, ``test2`` and ``test3``) are refused: only their aggregate scores (``python -m
bench.voices.score --split test``, ``--split test2``, ``--split test3``) are read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .score import NEWS, by_article, load_passages, match_quotes, predict, same_speaker, split_of

#: the splits whose passages may be read
SPLITS = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
    "dev16",
    "dev17",
    "dev18",
    "dev19",
    "dev20",
)


def errors(passages: list[dict], pred: dict) -> list[str]:
    """What framing got wrong, passage by passage: quote speakers and kinds, hit voices,
    speakers and negation (``pred``: framing's three tables, as :func:`predict` gives them)."""
    pred = {name: by_article(pred[name]) for name in ("quotes", "spans", "hits")}
    lines = []
    for p in passages:
        matched, _ = match_quotes(p["quotes"], pred["quotes"].get(p["id"], []))
        found = []
        for lab, q in matched:
            if not same_speaker(lab["speaker"], q.get("speaker", "")):
                found.append(f"  quote speaker {q.get('speaker')!r}, label {lab['speaker']!r}: "
                             f"{lab['text'][:50]!r}")  # fmt: skip
            if lab["kind"] != q.get("kind"):
                found.append(f"  kind {q.get('kind')}, label {lab['kind']}: {lab['text'][:50]!r}")
        hits = {(h["start"], h["end"]): h for h in pred["hits"].get(p["id"], [])}
        for h in p["hits"]:
            got = hits.get((h["start"], h["end"]), {})
            if got.get("voice") != h["voice"]:
                found.append(f"  hit {h['text']!r} voice {got.get('voice')}, label {h['voice']}")
            elif h["voice"] != "narrative" and not same_speaker(
                h["speaker"], got.get("speaker", "")
            ):
                found.append(f"  hit {h['text']!r} speaker {got.get('speaker')!r}, "
                             f"label {h['speaker']!r}")  # fmt: skip
            if bool(got.get("negated", False)) != h["negated"]:
                found.append(
                    f"  hit {h['text']!r} negated {got.get('negated')}, label {h['negated']}"
                )
        if found:
            lines += [f"{p['id']}: {p['text'][:300]!r}", *found]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.voices.errors", description=__doc__)
    parser.add_argument("--split", choices=SPLITS, required=True,
                        help="the development split to read (the test half stays unseen)")  # fmt: skip
    parser.add_argument("--news", type=Path, default=NEWS, help="the shared news corpora")
    args = parser.parse_args(argv)
    passages, notes = load_passages(news=args.news)
    passages = [p for p in passages if split_of(p["id"]) == args.split]
    for note in notes:
        print(f"voices: {note}")
    print("\n".join(errors(passages, predict(passages))) or "no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
