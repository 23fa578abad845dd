"""How fast terms are discovered on a large corpus: ``python -m bench.discovery``.

Issue 18 asks for ``collocates`` and open-vocabulary ``keyness`` on the 16 MB Reuters-21578
corpus "in a few seconds". This times, on ``../shared/data/news/reuters21578_1987.csv``
(read and cleaned once, not timed):

* ``fr.collocates(articles, "oil*", window=5)`` (a frequent glob: about 2,000 articles);
* ``fr.collocates(articles, lexicon, frame=...)`` for a whole frame of a two-frame lexicon;
* ``fr.keyness(hits, articles, between="half", target="first", vocabulary="all")``: every
  word of the first half of the year against the second.

Wall and CPU seconds of this process, the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import framing as fr

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"
REUTERS = NEWS / "reuters21578_1987.csv"
LEXICON = {"energy": ["oil*", "crude", "opec", "barrel*"], "money": ["dollar*", "yen", "rate*"]}


def timed(step, repeat: int) -> tuple[float, float, object]:
    """Best wall and CPU seconds of ``repeat`` runs of ``step()``, and its last result."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = step()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    if not REUTERS.exists():
        raise SystemExit(f"needs {REUTERS} (the shared corpora beside the project)")
    articles = fr.clean_articles(fr.read_articles(REUTERS))
    middle = articles["date"].sort_values().iloc[len(articles) // 2]
    articles = articles.assign(
        half=(articles["date"] >= middle).map({False: "first", True: "second"})
    )
    megabytes = articles["text"].str.len().sum() / 1e6
    hits = fr.find_hits(articles, LEXICON)
    steps = {
        'collocates("oil*")': lambda: fr.collocates(articles, "oil*", window=5),
        "collocates(frame='energy')": lambda: fr.collocates(
            articles, LEXICON, frame="energy", window=5
        ),
        'keyness(vocabulary="all")': lambda: fr.keyness(
            hits, articles, between="half", target="first", vocabulary="all"
        ),
    }
    print(f"Reuters-21578: {len(articles):,} articles, {megabytes:.1f} MB of text")
    for name, step in steps.items():
        wall, cpu, table = timed(step, args.repeat)
        print(f"{name:28} {wall:6.2f} s wall {cpu:6.2f} s CPU  {len(table):,} rows")


if __name__ == "__main__":
    main()
