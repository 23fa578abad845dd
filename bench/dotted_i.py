"""Counting texts that hold an "İ" (Azerbaijani and Turkish names: "İlham Əliyev", "İstanbul").

Run from the repository root::

    python -m bench.dotted_i

"İ" is the one character whose lower case is two characters ("i" and a combining dot), so a
token's key is then no longer the character-wise lower case of its bytes. Until 2026-12-07 a
text with one went whole to the portable engine; now the buffer holds its lower case where
the case is ignored. On Reuters-21578 with "İlham Aliyev. " put before a share of the
articles (a seeded random choice), ``find_hits`` with the bench's frames lexicon, best of
three in CPU seconds, and the speed in MB of text per CPU-second.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import numpy as np

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"


def main() -> int:
    from bench.run import _lexicon
    from framing.ingest import read_articles
    from framing.match import find_hits

    path = NEWS / "reuters21578_1987.csv"
    if not path.exists():
        print(f"{path} is absent")
        return 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the empty texts set aside
        articles = read_articles(path)
    lexicon = _lexicon("frames")
    rng = np.random.default_rng(0)
    for share in (0.0, 0.1, 0.3, 1.0):
        some = articles.copy()
        pick = rng.random(len(some)) < share
        some.loc[pick, "text"] = "İlham Aliyev. " + some.loc[pick, "text"]
        find_hits(some.head(100), lexicon)  # the engine's first call
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            find_hits(some, lexicon)
            best = min(best, time.process_time() - start)
        mb = some["text"].str.len().sum() / 1e6
        print(f"{share:4.0%} of the articles with an 'İ': find_hits {best:.3f} CPU-s, "
              f"{mb / best:.0f} MB per CPU-second", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
