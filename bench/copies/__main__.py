"""How fast and how well find_copies works: ``python -m bench.copies [--repeat 3]``.

``python -m bench.copies --scale 1000000 [--exact]`` measures instead the copy index of
count_corpus on that many synthetic articles (:mod:`bench.copies.scale`).

* speed: :func:`framing.find_copies` on the press releases and on Reuters-21578, in MB of
  UTF-8 text per second of wall time and per second of CPU time of this process (one core:
  NumPy runs single-threaded here), the median of ``--repeat`` runs; the index in bytes per
  article (fingerprints and article numbers, the part that must fit in memory for a large
  corpus) and the copies found;
* quality: pair precision and recall on labelled sets (:mod:`bench.copies.labelled`):
  320 edited copies of press releases (40 of each edit) with 100 near-miss pairs, and
  Russian: the teaching corpus's Russian articles, two edited copies each, with near-misses.

Goals (issue 17): precision >= 0.95, recall >= 0.90; partial copies recall >= 0.85 at
precision >= 0.90; <= 500 bytes of index per article; >= 20 MB/s per core.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pandas as pd

import framing as fr
from bench.copies.labelled import labelled_corpus, score
from bench.copies.scale import report
from framing.copies import find_copies
from framing.copies.detect import copy_index

NEWS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "news"
CORPORA = {
    "press releases": "press_releases_kremlin_president_ua_2021-10_2022-06.csv",
    "Reuters-21578": "reuters21578_1987.csv",
}


def _read(name: str) -> pd.DataFrame:
    df = pd.read_csv(NEWS / name, parse_dates=["date"], low_memory=False)
    df = df.rename(columns={"id": "article_id"})
    df["article_id"] = df["article_id"].astype(str)
    df["text"] = df["text"].fillna("")
    return df


def speed(repeat: int) -> None:
    print("corpus            articles    MB  wall MB/s  CPU MB/s (range)  index B/article  copies")
    for label, name in CORPORA.items():
        df = _read(name)
        mb = df["text"].str.encode("utf-8").str.len().sum() / 1e6
        walls, cpus = [], []
        for _ in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            found = find_copies(df)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        fp, art, _ = copy_index(df["text"].tolist(), 8)
        per_article = (fp.nbytes + art.nbytes) / len(df)
        cpu_rates = sorted(mb / c for c in cpus)
        print(
            f"{label:16s} {len(df):9,d} {mb:5.1f} {mb / statistics.median(walls):10.1f} "
            f"{mb / statistics.median(cpus):9.1f} ({cpu_rates[0]:.1f}-{cpu_rates[-1]:.1f}) "
            f"{per_article:16.0f} {found.attrs['copies']['n_copies']:7,d}"
        )


def quality() -> None:
    english = labelled_corpus(_read(CORPORA["press releases"]), n=320, n_near=100, seed=3)
    articles = fr.load_example()
    russian = articles[articles["lang"] == "ru"].reset_index(drop=True)
    russian = labelled_corpus(russian, n=40, n_near=8, seed=5, per_original=2, near_words=150)
    for label, corpus in (("English (press releases)", english), ("Russian (teaching)", russian)):
        result = score(find_copies(corpus))
        print(
            f"{label}: {result['n_true']} true pairs; precision {result['precision']:.3f}, "
            f"recall {result['recall']:.3f}; partial copies recall "
            f"{result['partial_recall']:.3f} at precision {result['partial_precision']:.3f}\n"
            f"  recall by edit: {result['recall_by_edit']}"
        )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=0, help="articles for the index bench")
    parser.add_argument("--exact", action="store_true", help="with --scale: decide the stories")
    args = parser.parse_args(argv)
    if args.scale:
        report(args.scale, exact=args.exact)
        return
    speed(args.repeat)
    quality()


if __name__ == "__main__":
    main()
