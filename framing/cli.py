"""The ``framing`` command: count a lexicon in a corpus, or run the demo.

Errors print one line (``framing: error: ...``) and exit with status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import warnings
from pathlib import Path

from . import __version__, corpus
from ._errors import FramingError, FramingWarning
from .aggregate import count_by_period
from .clean import clean_articles
from .copies import find_copies
from .datasets import LEXICONS, load_example, load_lexicon
from .export import save_figure, save_table
from .ingest import read_articles
from .lexicon import read_lexicon
from .match import find_hits
from .plot import plot_trends

__all__ = ["DEFAULT_OUT", "check_outputs", "main", "run_count", "summary_table"]

#: where ``framing count`` writes unless --out says otherwise: a folder of its own in the
#: current folder, never the corpus folder (whose next read would take the outputs for articles)
DEFAULT_OUT = "framing-results"
#: the files ``framing count`` writes into its output folder
_COUNT_OUTPUTS = ("counts.csv", "counts.provenance.json", "trends.png", "trends.pdf")

_MEASURES = ("per_1k_tokens", "n_hits", "share_of_articles")
# stream (framing.count_corpus) when the input files add up to more than this
_STREAM_MB = 500
_STREAM_SUFFIXES = (".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".parquet", ".pq")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Count framing terms in news over time, by outlet, with honest rates.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_count(sub)
    _add_stream_options(sub.choices["count"])
    _add_demo(sub)
    return parser


def _add_count(sub) -> None:
    """The ``count`` command: what to read, what to count, where to write."""
    count = sub.add_parser(
        "count",
        help="count a lexicon in a corpus; write the counts table and a trend figure",
        description="Read ARTICLES (CSV/TSV, JSON/JSONL, Parquet, HTML or a folder of .txt files), "
        "clean them, count the lexicon's frames by period (and group), and write "
        "DIR/counts.csv, DIR/trends.png and DIR/trends.pdf. DIR is ./framing-results unless "
        "--out says otherwise; an output that would overwrite an input, or land in an input "
        "folder, is refused before anything is read.",
    )
    count.add_argument("articles", nargs="+", metavar="ARTICLES", help="files, folders or globs")
    count.add_argument(
        "--lexicon",
        "-l",
        default="security",
        help="a lexicon file (.yml, .dic) or a bundled name (default: security)",
    )
    count.add_argument(
        "--by",
        action="append",
        default=None,
        metavar="COLUMN",
        help="group by an article column, e.g. outlet (repeatable)",
    )
    count.add_argument("--freq", default="M", help="period: D, W, M, Q or Y (default: M)")
    count.add_argument(
        "--out",
        default=DEFAULT_OUT,
        metavar="DIR",
        help=f"output folder (default: ./{DEFAULT_OUT} in the current folder; not an input folder)",
    )
    count.add_argument(
        "--measure",
        default="per_1k_tokens",
        choices=_MEASURES,
        help="what the figure shows (default: per_1k_tokens)",
    )
    count.add_argument(
        "--match",
        default="exact",
        choices=("exact", "stem"),
        help="compare words exactly or by Snowball stem (default: exact)",
    )
    count.add_argument("--no-clean", action="store_true", help="count the raw text, uncleaned")
    count.add_argument(
        "--copies",
        default="keep",
        choices=("keep", "drop", "origin"),
        help="wire copies and near-duplicates: count every copy (default), each story once at "
        "its original (drop), or for the original's outlet (origin)",
    )
    count.add_argument(
        "--columns",
        action="append",
        default=[],
        metavar="FROM=TO",
        help="rename an input column, e.g. body=text (repeatable)",
    )


def _add_stream_options(count) -> None:
    """The ``count`` options for corpora larger than memory (framing.count_corpus)."""
    stream = count.add_argument_group(
        "corpora larger than memory",
        "Stream CSV/TSV, JSONL and Parquet files in chunks on all cores (framing.count_corpus); "
        "the counts are identical to reading everything at once. Used automatically when the "
        f"input files add up to more than {_STREAM_MB} MB; any of these options turns it on.",
    )
    stream.add_argument("--stream", action="store_true", help="stream the files in chunks")
    stream.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per 150 MB of files, up to all cores; 1 counts in "
        "one process)",
    )
    stream.add_argument(
        "--chunk-size",
        type=int,
        default=None,
        metavar="N",
        help="articles per chunk (default: 20000)",
    )
    stream.add_argument(
        "--hits-out",
        default=None,
        metavar="FILE",
        help="also write the hits table to this Parquet file (not an input file)",
    )


def _add_demo(sub) -> None:
    """The ``demo`` command: the main job on the bundled teaching corpus."""
    demo = sub.add_parser(
        "demo",
        help="run the main job on the bundled teaching corpus",
        description="Count the bundled security lexicon in the teaching corpus by month and outlet; "
        "print a summary and write figures/demo-trends.png/.pdf and "
        "data/processed/demo-counts.csv under DIR.",
    )
    demo.add_argument("--out", default=".", metavar="DIR", help="project folder (default: .)")


def _inputs(sources: list[str]) -> tuple[set[Path], set[Path]]:
    """The input files and folders named on the command line (globs expanded), resolved."""
    files, folders = set(), set()
    for source in sources:
        matches = [source] if Path(source).exists() else glob.glob(source, recursive=True)
        for match in map(Path, matches):
            (folders if match.is_dir() else files).add(match.resolve())
    return files, folders


def check_outputs(args) -> None:
    """Refuse, before any work, an output of ``count`` that would overwrite or join the input.

    An output that is an input file would destroy the corpus; one written into an input
    folder would be read as an article the next time that folder is counted.

    Examples
    --------
    >>> import argparse, pathlib, tempfile
    >>> corpus = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (corpus / "news.parquet").write_bytes(b"")
    >>> args = argparse.Namespace(articles=[str(corpus / "news.parquet")], out="results",
    ...     hits_out=str(corpus / "news.parquet"))
    >>> check_outputs(args)
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: --hits-out: .../news.parquet is an input file; writing it would overwrite the corpus. Choose another file, e.g. --hits-out hits.parquet
    """
    files, folders = _inputs(args.articles)
    out = Path(args.out)
    outputs = [(out / name, "--out") for name in _COUNT_OUTPUTS]
    if args.hits_out:
        outputs.append((Path(args.hits_out), "--hits-out"))
    for path, option in outputs:
        resolved = path.resolve()
        other = f"--out {DEFAULT_OUT}" if option == "--out" else "--hits-out hits.parquet"
        if resolved in files:
            raise FramingError(
                f"{path} is an input file; writing it would overwrite the corpus",
                where=option,
                fix=f"Choose another {'folder' if option == '--out' else 'file'}, e.g. {other}",
            )
        if resolved.parent in folders:
            raise FramingError(
                f"{path.parent} is an input folder; {path.name} written there would be read as "
                "articles the next time the folder is counted",
                where=option,
                fix=f"Write outside the corpus, e.g. {other}",
            )


def _columns(pairs: list[str]) -> dict[str, str] | None:
    mapping = {}
    for pair in pairs:
        if "=" not in pair:
            raise FramingError(
                f"{pair!r} is not FROM=TO", where="--columns", fix="Use e.g. body=text."
            )
        src, dst = pair.split("=", 1)
        mapping[src.strip()] = dst.strip()
    return mapping or None


def _lexicon(spec: str):
    if spec in LEXICONS and not Path(spec).exists():
        return load_lexicon(spec)
    if not Path(spec).exists():
        raise FramingError(
            "no such lexicon file",
            where=spec,
            fix=f"Give a path to a .yml or .dic file, or a bundled name: {', '.join(LEXICONS)}.",
        )
    return read_lexicon(spec)


def summary_table(counts):
    """Hits per 1,000 words over the whole period: one row per group, one column per frame.

    Examples
    --------
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"outlet": ["A", "A"], "frame": ["threat", "crisis"],
    ...     "n_hits": [2, 1], "n_tokens": [1000, 1000]})
    >>> summary_table(counts)
    frame   threat  crisis
    outlet
    A          2.0     1.0
    """
    frames = list(dict.fromkeys(counts["frame"]))
    groups = [c for c in ("outlet", "lang") if c in counts.columns]
    keys = groups or [counts["frame"].map(lambda _: "all").rename("corpus")]
    tot = counts.groupby([*keys, "frame"], sort=False)[["n_hits", "n_tokens"]].sum()
    rate = (tot["n_hits"] / tot["n_tokens"].where(tot["n_tokens"] > 0) * 1000).round(2)
    table = rate.unstack("frame")[frames]
    return table.sort_index()


def run_count(articles, lexicon, *, freq="M", by=None, clean=True, match="exact", copies="keep"):
    """The main job: clean, find hits, count by period; returns (articles, hits, counts).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "date": pd.to_datetime(["2024-02-23"]),
    ...     "outlet": ["X"], "text": ["Armenia froze its participation."]})
    >>> _, hits, counts = run_count(arts, {"suspension": ["froze", "freez*"]}, by="outlet")
    >>> int(counts["n_hits"].sum())
    1
    """
    if clean:
        articles = clean_articles(articles)
    if copies != "keep":
        articles = find_copies(articles)
    hits = find_hits(articles, lexicon, match=match, sentences=False)
    counts = count_by_period(hits, articles, freq=freq, by=by, copies=copies)
    return articles, hits, counts


def _count(args) -> int:
    check_outputs(args)
    lexicon = _lexicon(args.lexicon)
    sources = args.articles if len(args.articles) > 1 else args.articles[0]
    if _streaming(args):
        counts = corpus.count_corpus(
            sources,
            lexicon,
            freq=args.freq,
            by=args.by,
            chunk_size=20_000 if args.chunk_size is None else args.chunk_size,
            workers=args.workers,
            hits_path=args.hits_out,
            clean=not args.no_clean,
            match=args.match,
            progress=sys.stderr.isatty(),
            columns=_columns(args.columns),
            copies=args.copies,
        )
    else:
        articles = read_articles(sources, columns=_columns(args.columns))
        _, _, counts = run_count(
            articles,
            lexicon,
            freq=args.freq,
            by=args.by,
            clean=not args.no_clean,
            match=args.match,
            copies=args.copies,
        )
    out = Path(args.out)
    table = save_table(counts, "counts", directory=out)
    ax = plot_trends(counts, measure=args.measure)
    figures = save_figure(ax, "trends", directory=out)
    print(summary_table(counts).to_string())
    copies = counts.attrs.get("provenance", {}).get("copies")
    if copies:
        print("\n" + copies_line(copies))
    print(f"\nwrote {table}, {figures['png']}, {figures['pdf']}")
    return 0


def copies_line(summary: dict) -> str:
    """One line on what counting copies once changed (``--copies drop`` or ``origin``).

    Examples
    --------
    >>> copies_line({"copies": "drop", "n_copies": 7, "n_stories_with_copies": 7,
    ...     "n_hits_in_copies": 69, "share_of_hits_in_copies": 0.046})
    'copies: 7 copies of 7 stories found; their 69 hits (4.6% of all) left out (--copies drop)'
    """
    what = {"drop": "left out", "origin": "credited to the original's outlet"}
    return (
        f"copies: {summary['n_copies']:,} copies of {summary['n_stories_with_copies']:,} "
        f"stories found; their {summary['n_hits_in_copies']:,} hits "
        f"({summary['share_of_hits_in_copies']:.1%} of all) {what[summary['copies']]} "
        f"(--copies {summary['copies']})"
    )


def _streaming(args) -> bool:
    """Stream when asked, or when every input is a large streamable file."""
    if args.stream or args.workers is not None or args.chunk_size is not None or args.hits_out:
        return True
    paths = [Path(a) for a in args.articles]
    if not all(p.is_file() and p.suffix.lower() in _STREAM_SUFFIXES for p in paths):
        return False
    return sum(p.stat().st_size for p in paths) > _STREAM_MB * 1e6


def _demo(args) -> int:
    root = Path(args.out)
    articles = load_example()
    lexicon = load_lexicon("security")
    cleaned, hits, counts = run_count(articles, lexicon, freq="M", by="outlet")
    table = save_table(counts, "demo-counts", directory=root / "data" / "processed")
    pooled = count_by_period(hits, cleaned, freq="M")
    axes = plot_trends(
        pooled,
        measure="per_1k_tokens",
        smooth=3,
        title="Security frames, all outlets",
    )
    figures = save_figure(axes, "demo-trends", directory=root / "figures")
    n_out = cleaned["outlet"].nunique()
    print(
        f"framing demo: {len(cleaned)} articles from {n_out} outlets, "
        f"{cleaned['date'].min():%Y-%m} to {cleaned['date'].max():%Y-%m}; "
        f"{len(hits)} hits of {len(lexicon)} entries in {len(lexicon.frame_names)} frames.\n"
    )
    print("Hits per 1,000 words, whole period:")
    print(summary_table(counts).to_string())
    print(f"\nwrote {table}\nwrote {figures['png']}\nwrote {figures['pdf']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the ``framing`` command; returns the exit status.

    Examples
    --------
    >>> main(["count", "no-such-file.csv"])
    2
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", FramingWarning)
            warnings.showwarning = _show_warning
            return _count(args) if args.command == "count" else _demo(args)
    except FramingError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"framing: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("framing: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in framing: one line, and the traceback on request
        if os.environ.get("FRAMING_DEBUG"):
            raise
        print(
            f"framing: internal error: {type(exc).__name__}: {exc} "
            "(please report it; set FRAMING_DEBUG=1 to see the traceback)",
            file=sys.stderr,
        )
        return 1


def _show_warning(message, category, filename, lineno, file=None, line=None):
    print(f"framing: warning: {message}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
