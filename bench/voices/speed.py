"""What voice, speaker and negation cost against counting, on the real news (issue 15).

Run from the repository root::

    python -m bench.voices.speed                 # both corpora, best of 3
    python -m bench.voices.speed --reference     # and the whole-text path beside it
    python -m bench.voices.speed --long          # one long text: time against its length

On each real corpus in ``../shared/data/news`` (the full press releases and Reuters-21578),
in one process: ``read_articles``, then the counting (``find_hits`` with the bench's frames
lexicon, and ``token_counts``), then ``add_voice(hits, articles)``, each timed in CPU
seconds of this process (``time.process_time``), which move less than wall times on a
shared machine. The ratio add_voice / counting is issue 15's speed target (at most 1). With
``--reference``, also ``add_voice(hits, articles, spans=voice_spans(articles))``: every span
of every text, the path add_voice took before it read only what the hits need; its results
must be the same, and are checked. The same ratio, in wall time against the counting row of
the same run, is the ``framing + add_voice`` row of ``python -m bench.run``.

With ``--long``, the press releases joined into one text (a transcript, a book, a whole
archive read as one article): ``find_quotes`` and ``add_voice`` on the first 160, 640 and
1,796 releases, 0.45 to 6.7 MB. The seconds per MB should stay about flat: a rule that reads
back to the start of the text at every quote shows as seconds per MB that grow with the text.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = HERE.parents[1].parent / "shared" / "data" / "news"
CORPORA = {
    "press releases": "press_releases_kremlin_president_ua_2021-10_2022-06.csv",
    "reuters21578": "reuters21578_1987.csv",
}
_COLUMNS = ["voice", "speaker", "negated"]


def measure(path: Path, repeat: int, reference: bool) -> dict:
    """The best CPU seconds of counting and of add_voice (and of the reference) on a corpus."""
    import warnings

    from bench.run import _lexicon
    from framing.ingest import read_articles
    from framing.match import find_hits, token_counts
    from framing.voices import add_voice, voice_spans

    lexicon = _lexicon("frames")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the empty Reuters texts set aside
        articles = read_articles(path)
    best: dict[str, float] = {}
    for _ in range(repeat):
        c0 = time.process_time()
        hits = find_hits(articles, lexicon)
        token_counts(articles)
        c1 = time.process_time()
        fast = add_voice(hits, articles)
        c2 = time.process_time()
        times = {"counting": c1 - c0, "add_voice": c2 - c1}
        if reference:
            whole = add_voice(hits, articles, spans=voice_spans(articles))
            times["reference"] = time.process_time() - c2
            if not whole[_COLUMNS].equals(fast[_COLUMNS]):
                raise AssertionError(f"{path.name}: add_voice differs from the reference path")
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    with_hits = hits["article_id"].nunique()
    return {"articles": len(articles), "with_hits": with_hits, "hits": len(hits), **best}


def measure_long(path: Path, sizes=(160, 640, 1796)) -> list[dict]:
    """CPU seconds of find_quotes and add_voice on the first ``sizes`` releases joined."""
    import pandas as pd

    from bench.run import _lexicon
    from framing.ingest import read_articles
    from framing.match import find_hits
    from framing.voices import add_voice, find_quotes

    articles = read_articles(path)
    out = []
    for n in sizes:
        part = articles.iloc[:n]
        text = "\n\n".join(part["text"])
        one = pd.DataFrame({"article_id": ["joined"], "date": [part["date"].iloc[0]],
                            "text": [text]})  # fmt: skip
        c0 = time.process_time()
        quotes = find_quotes(one)
        c1 = time.process_time()
        hits = find_hits(one, _lexicon("frames"))
        c2 = time.process_time()
        add_voice(hits, one)
        c3 = time.process_time()
        mb = len(text.encode()) / 1e6
        out.append({"releases": n, "mb": mb, "quotes": len(quotes), "hits": len(hits),
                    "find_quotes": c1 - c0, "add_voice": c3 - c2})  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.voices.speed", description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is shown (3)")
    parser.add_argument("--reference", action="store_true",
                        help="also time (and check against) the whole-text path")  # fmt: skip
    parser.add_argument("--long", action="store_true",
                        help="time one long text (the press releases joined) instead")  # fmt: skip
    args = parser.parse_args(argv)
    if args.long:
        path = NEWS / CORPORA["press releases"]
        if not path.exists():
            print(f"{path} is absent")
            return 1
        for r in measure_long(path):
            print(f"{r['releases']:,} releases joined, {r['mb']:.2f} MB, {r['quotes']:,} quotes, "
                  f"{r['hits']:,} hits; CPU s: find_quotes {r['find_quotes']:.2f} "
                  f"({r['find_quotes'] / r['mb']:.2f} s/MB), add_voice {r['add_voice']:.2f} "
                  f"({r['add_voice'] / r['mb']:.2f} s/MB)", flush=True)  # fmt: skip
        return 0
    for name, file in CORPORA.items():
        if not (NEWS / file).exists():
            print(f"{name}: {NEWS / file} is absent, skipped")
            continue
        r = measure(NEWS / file, args.repeat, args.reference)
        line = (f"{name}: {r['articles']:,} articles, {r['with_hits']:,} with hits, "
                f"{r['hits']:,} hits; CPU s, best of {args.repeat}: counting "
                f"{r['counting']:.3f}, add_voice {r['add_voice']:.3f}; add_voice / counting = "
                f"{r['add_voice'] / r['counting']:.2f} (target <= 1)")  # fmt: skip
        if "reference" in r:
            line += (f"; whole-text path {r['reference']:.3f} "
                     f"({r['reference'] / r['counting']:.2f}x counting), same results")  # fmt: skip
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
