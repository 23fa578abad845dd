"""Benchmarks of framing: throughput, peak memory and agreement with NLTK and scikit-learn.

Run from the repository root::

    python -m bench.run --quick        # synthetic 100 MB + the real corpora; NLTK/sklearn on 20 MB
    python -m bench.run                # the same, NLTK/sklearn on the whole synthetic corpus
    python -m bench.run --big          # adds the synthetic 1 GB corpus (streaming and in memory)

Every measurement runs in a fresh Python process (``python -m bench.run --child SPEC``) so that
its peak memory is its own: the parent samples the resident memory of the child and of every
process the child starts (``/proc/<pid>/status`` VmRSS, summed over the process tree, every
20 ms), and the child reports its own high-water mark (VmHWM) and that of its finished worker
processes (``getrusage(RUSAGE_CHILDREN)``); the larger figure is printed. Wall time is taken
inside the child, from before reading the corpus to the finished result (interpreter start and
imports excluded). MB are 10^6 bytes of UTF-8 article text (not file sizes), the same number for
every tool on a corpus, so MB/s compare directly. Each row is measured ``--repeat`` times (3)
and the run with the median wall time is shown, with the MB/s range of all runs.

What is measured on each corpus:

* ``framing``: ``read_articles`` -> ``find_hits(sentences=False)`` -> ``token_counts``, in
  memory, with the default engine, and with ``engine="reference"`` when ``find_hits`` has that
  parameter; on the real corpora also with ``sentences=True`` (what ``kwic`` reads), and
  with ``match="stem"`` on the default engine and on ``engine="python"`` (their hits must
  agree); and on the real corpora, the same count followed by ``add_voice`` (voice, speaker
  and negation for every hit, issue 15), its ``add_voice`` time a ratio to the counting alone
  (``find_hits`` + ``token_counts``) of the default-engine row of the same run;
* ``clean_articles`` alone, with its defaults, on the table ``read_articles`` gave (the read
  left out of the time);
* ``count_corpus``: the streaming path (when ``framing.count_corpus`` exists), with 1 and 2
  workers (``--workers``), ``clean=False`` so it does the same work as the in-memory path;
  with 2 workers a second time in the same process (the workers kept from the first call); and
  with 1 worker and ``clean=True``, its default (:data:`framing.default_cleaner` first), on
  the corpora under 200 MB;
* the comparison, on one corpus layout where the three tools count the same thing (every entry
  of ``bench/lexicon100.yml`` in a frame of its own, so framing's within-frame overlap rule
  never applies): framing, a plain NLTK pipeline (``WordPunctTokenizer`` per article,
  punctuation dropped, lower-cased; words looked up, globs by prefix over the vocabulary,
  phrases as n-grams) and scikit-learn's ``CountVectorizer`` (``token_pattern=r"(?u)\\b\\w+\\b"``,
  ``ngram_range=(1, 3)``, a fixed vocabulary of the words, the phrases and the globs expanded
  against a first vocabulary pass). Their per-entry counts must agree exactly. Beside them, a
  floor: the text column read by Arrow on one thread and scanned once by hyperscan with the
  lexicon's patterns, nothing checked or counted; and the README's default path
  (``read_articles`` -> ``clean_articles`` -> ``find_hits`` with its defaults ->
  ``count_by_period(freq="M", by="outlet")``). The targets are ratios to the floor: counting
  at least a third of its speed, the default path at least a tenth on the real news; and
  counting alone (reads left out on both sides) 50x NLTK and 20x CountVectorizer;
* the widget path (when ``framing.explore`` exists): building the explorer on 100,000 synthetic
  articles, then the time from setting a control's ``.value`` to a redrawn figure.

Results are printed and written to ``bench/results/`` (JSON and Markdown).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import inspect
import io
import json
import os
import platform
import re
import subprocess
import sys
import threading
import time
import warnings
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LEXICON = HERE / "lexicon100.yml"
RESULTS = HERE / "results"
NEWS = ROOT.parent / "shared" / "data" / "news"
REAL_CORPORA = {
    "reuters21578": "reuters21578_1987.csv",
    "press releases": "press_releases_kremlin_president_ua_2021-10_2022-06.csv",
}
_RESULT_TAG = "BENCH-RESULT "
#: issue 13's targets; speed targets are ratios measured in the same run (absolute times on
#: these shared machines move by 10-40% from hour to hour)
TARGETS = {
    "counting_vs_floor": 1 / 3,  # read -> hits -> token totals, against the floor row
    "default_path_vs_floor": 1 / 10,  # the README's path, on the real news corpora
    "vs_nltk": 50.0,  # counting alone (reads left out on both sides)
    "vs_sklearn": 20.0,  # likewise
    "widget_redraw_s": 0.3,  # the explorer, 100,000 articles, after a control changes
    "peak_1gb_memory_mb": 2000.0,  # a 1 GB corpus in memory
    "peak_1gb_stream_mb": 1500.0,  # ... and streamed by count_corpus
    "two_cores": 2.0,
    "voices_vs_counting": 1.0,  # issue 15: voice, speaker, negation cost at most counting again
}


# ======================================================================================
# the child side: one measurement per process
# ======================================================================================


def _status_kb(field: str, pid: str = "self") -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _cpu() -> float:
    """CPU seconds used so far by this process, its finished child processes and the ones
    still running (count_corpus keeps its worker processes after a call)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime + _live_children_cpu()


def _live_children_cpu() -> float:
    """CPU seconds of the running descendants of this process (from /proc)."""
    total = 0
    for p in _process_tree(os.getpid()):
        if p == os.getpid():
            continue
        try:
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ValueError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def _process_tree(pid: int):
    """``pid`` and all its running descendants (from /proc)."""
    stack, seen = [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        yield p
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            pass


def _read_texts(corpus: dict) -> list[str]:
    """The article texts of a corpus, as a plain pipeline would read them."""
    if corpus["format"] == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(corpus["path"], columns=["text"]).column("text").to_pylist()
    import pandas as pd

    frame = pd.read_csv(corpus["path"], dtype=str, keep_default_na=False, usecols=["text"])
    return frame["text"].tolist()


def _lexicon(layout: str):
    """The benchmark lexicon: as written (10 frames), or one frame per entry."""
    from framing.lexicon import Lexicon, read_lexicon

    lexicon = read_lexicon(LEXICON)
    if layout == "entries":
        return Lexicon.from_dict(
            {f"e{i:03d}": [e.pattern] for i, e in enumerate(lexicon.entries)}, name="bench100-1"
        )
    return lexicon


def _entry_counts(hits) -> dict[str, int]:
    counts = hits.groupby("entry").size() if len(hits) else {}
    return {str(k): int(v) for k, v in dict(counts).items()}


def task_framing(spec: dict) -> dict:
    """framing in memory: read_articles -> find_hits(sentences=False) -> token_counts."""
    from framing.ingest import read_articles
    from framing.match import find_hits, token_counts

    lexicon = _lexicon(spec["layout"])
    kwargs = {"sentences": bool(spec.get("sentences", False))}
    if kwargs["sentences"]:  # framing imports NLTK (about 2 s) on first use of sentences
        importlib.import_module("nltk.tokenize.punkt")
    if spec.get("match"):  # ... and of stems
        importlib.import_module("nltk.stem.snowball")
        kwargs["match"] = spec["match"]
    if spec.get("engine"):
        kwargs["engine"] = spec["engine"]
    t0, c0 = time.perf_counter(), _cpu()
    articles = read_articles(spec["corpus"]["path"])
    t1, c1 = time.perf_counter(), _cpu()
    hits = find_hits(articles, lexicon, **kwargs)
    t2 = time.perf_counter()
    if spec.get("engine") and "engine" in inspect.signature(token_counts).parameters:
        totals = token_counts(articles, engine=spec["engine"])
    else:
        totals = token_counts(articles)
    t3 = time.perf_counter()
    parts = {"read": t1 - t0, "find_hits": t2 - t1, "token_counts": t3 - t2}
    voiced = {}
    if spec.get("voice"):  # issue 15: voice, speaker and negation of every hit
        c3 = _cpu()
        hits = _add_voice()(hits, articles)
        parts["add_voice"] = time.perf_counter() - t3
        # CPU seconds of the counting and of add_voice in this one process: their ratio
        # is steadier than wall times on a shared machine
        voiced = {"voice_hits": {str(k): int(v) for k, v in hits["voice"].value_counts().items()},
                  "negated_hits": int(hits["negated"].sum()),
                  "cpu_parts": {"counting": c3 - c1, "add_voice": _cpu() - c3}}  # fmt: skip
    return {
        "wall_s": time.perf_counter() - t0,
        "cpu_s": _cpu() - c0,
        "parts": parts,
        **voiced,
        "n_articles": len(articles),
        "n_hits": len(hits),
        "n_tokens": int(totals["n_tokens"].sum()),
        "hits_parameters": {k: str(v) for k, v in hits.attrs.get("parameters", {}).items()},
        "frame_hits": {str(k): int(v) for k, v in hits["frame"].value_counts().items()},
        "entry_hits": _entry_counts(hits),
    }


def _add_voice():
    """framing's add_voice (issue 15), wherever it is defined, or None."""
    return _framing_function("add_voice", "framing.voices")


def task_default_path(spec: dict) -> dict:
    """The README's path, as a user calls it: read_articles -> clean_articles -> find_hits
    with its defaults -> count_by_period(freq="M", by="outlet")."""
    import framing as fr

    lexicon = _lexicon(spec["layout"])
    t0, c0 = time.perf_counter(), _cpu()
    articles = fr.read_articles(spec["corpus"]["path"])
    t1, c1 = time.perf_counter(), _cpu()
    articles = fr.clean_articles(articles)
    t2, c2 = time.perf_counter(), _cpu()
    hits = fr.find_hits(articles, lexicon)
    t3, c3 = time.perf_counter(), _cpu()
    by = "outlet" if "outlet" in articles.columns and articles["outlet"].nunique() > 1 else None
    counts = fr.count_by_period(hits, articles, freq="M", by=by)
    t4, c4 = time.perf_counter(), _cpu()
    one_frame = counts[counts["frame"] == counts["frame"].iloc[0]]
    return {
        "wall_s": t4 - t0,
        "cpu_s": c4 - c0,
        "parts": {
            "read": t1 - t0,
            "clean": t2 - t1,
            "find_hits": t3 - t2,
            "count_by_period": t4 - t3,
        },  # fmt: skip
        "parts_cpu": {
            "read": c1 - c0,
            "clean": c2 - c1,
            "find_hits": c3 - c2,
            "count_by_period": c4 - c3,
        },  # fmt: skip
        "n_articles": len(articles),
        "n_hits": len(hits),
        "n_tokens": int(one_frame["n_tokens"].sum()),
        "frame_hits": {str(k): int(v) for k, v in hits["frame"].value_counts().items()},
    }


def task_clean(spec: dict) -> dict:
    """``clean_articles`` alone, with its defaults, on a table read before the clock starts;
    with a digest of the table it gives (text, datelines, removed), for the agreement check."""
    import hashlib

    import framing as fr

    articles = fr.read_articles(spec["corpus"]["path"])
    t0, c0 = time.perf_counter(), _cpu()
    cleaned = fr.clean_articles(articles)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    h = hashlib.sha256()
    for name in ("text", "dateline_place", "dateline_source", "removed"):
        h.update("\x00".join(cleaned[name].tolist()).encode())
    return {"wall_s": wall, "cpu_s": cpu, "n_articles": len(cleaned), "digest": h.hexdigest()}


def _framing_function(name: str, module: str):
    """``framing.<name>``, else ``<module>.<name>``, else None (not written yet)."""
    import framing

    try:
        return getattr(framing, name)
    except AttributeError:
        pass
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _count_corpus():
    """framing.count_corpus, wherever it is defined, or None."""
    return _framing_function("count_corpus", "framing.corpus")


def task_count_corpus(spec: dict) -> dict:
    """framing.count_corpus streaming the corpus file with ``workers`` processes."""
    import resource

    count_corpus = _count_corpus()
    params = inspect.signature(count_corpus).parameters
    kwargs = {"workers": spec["workers"]}
    if spec.get("chunk_size") and "chunk_size" in params:
        kwargs["chunk_size"] = spec["chunk_size"]
    for name, value in (("progress", False), ("clean", bool(spec.get("clean", False)))):
        if name in params:
            kwargs[name] = value
    lexicon = _lexicon(spec["layout"])
    if spec.get("warm"):  # the same count once before: the timed call finds warm workers
        count_corpus(spec["corpus"]["path"], lexicon, **kwargs)
    t0, c0 = time.perf_counter(), _cpu()
    counts = count_corpus(spec["corpus"]["path"], lexicon, **kwargs)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    frame_hits = counts.groupby("frame")["n_hits"].sum()
    one_frame = counts[counts["frame"] == counts["frame"].iloc[0]]
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "n_articles": int(one_frame["n_articles"].sum()),
        "n_hits": int(frame_hits.sum()),
        "n_tokens": int(one_frame["n_tokens"].sum()),
        "frame_hits": {str(k): int(v) for k, v in frame_hits.items() if v},
        "workers_hwm_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "kwargs": {k: v for k, v in kwargs.items()},
    }


def _plain_entries(layout_lexicon) -> list[tuple[str, str, tuple[str, ...]]]:
    """(entry, kind, tokens) with kind word / prefix / phrase; refuses what is not comparable."""
    out = []
    for e in layout_lexicon.entries:
        toks = e.tokens
        if len(toks) == 1 and toks[0].endswith("*") and not re.search(r"[*?]", toks[0][:-1]):
            out.append((e.pattern, "prefix", (toks[0][:-1],)))
        elif not any("*" in t or "?" in t for t in toks):
            out.append((e.pattern, "word" if len(toks) == 1 else "phrase", toks))
        else:
            raise SystemExit(f"bench lexicon entry {e.pattern!r}: only prefix globs are comparable")
    return out


def task_nltk(spec: dict) -> dict:
    """A plain NLTK pipeline counting the lexicon's entries (corpus totals per entry)."""
    from collections import Counter

    from nltk.tokenize import WordPunctTokenizer
    from nltk.util import ngrams

    entries = _plain_entries(_lexicon("entries"))
    phrases: dict[int, set[tuple[str, ...]]] = {}
    for _, kind, toks in entries:
        if kind == "phrase":
            phrases.setdefault(len(toks), set()).add(toks)
    word = re.compile(r"\w")
    tokenizer = WordPunctTokenizer()
    t0, c0 = time.perf_counter(), _cpu()
    texts = _read_texts(spec["corpus"])
    t1 = time.perf_counter()
    unigrams: Counter = Counter()
    grams: Counter = Counter()
    n_tokens = 0
    for text in texts:
        tokens = [t.lower() for t in tokenizer.tokenize(text) if word.search(t)]
        n_tokens += len(tokens)
        unigrams.update(tokens)
        for n, wanted in phrases.items():
            grams.update(g for g in ngrams(tokens, n) if g in wanted)
    counts = {}
    for pattern, kind, toks in entries:
        if kind == "word":
            counts[pattern] = unigrams[toks[0]]
        elif kind == "prefix":
            counts[pattern] = sum(c for t, c in unigrams.items() if t.startswith(toks[0]))
        else:
            counts[pattern] = grams[toks]
    t2 = time.perf_counter()
    return {"wall_s": t2 - t0, "cpu_s": _cpu() - c0, "parts": {"read": t1 - t0, "count": t2 - t1},
            "n_articles": len(texts), "n_tokens": n_tokens, "n_hits": sum(counts.values()),
            "entry_hits": counts}  # fmt: skip


def task_floor(spec: dict) -> dict:
    """A lower bound for any tool that reads this file and scans it for the lexicon: the text
    column read by Arrow on one thread, then one hyperscan scan of all of it with the
    lexicon's patterns (framing's own), counting the reports. Nothing is checked, tokenized
    or tabulated, so this is not a count; it is the floor under framing's row."""
    import hyperscan
    import pyarrow as pa

    try:
        from framing.match._hyperscan import database, entry_pattern
    except ImportError:  # framing before 0.2 (bench runs compare versions)
        from framing._hyperscan import _database as database
        from framing._hyperscan import entry_pattern

    entries = _lexicon("entries").entries
    patterns = tuple(sorted({entry_pattern(e.tokens, case_sensitive=False) for e in entries}))
    db = database(patterns)  # compiled (or loaded) outside the timing, as framing's is cached
    reports = [0]

    def on_report(*_):
        reports[0] += 1

    t0, c0 = time.perf_counter(), _cpu()
    if spec["corpus"]["format"] == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(spec["corpus"]["path"], columns=["text"], use_threads=False)
    else:
        import pyarrow.csv as pcsv

        table = pcsv.read_csv(
            spec["corpus"]["path"],
            read_options=pcsv.ReadOptions(use_threads=False),
            parse_options=pcsv.ParseOptions(newlines_in_values=True),
            convert_options=pcsv.ConvertOptions(include_columns=["text"]),
        )
    t1 = time.perf_counter()
    text = table.column("text").cast(pa.large_string()).combine_chunks()
    offsets = text.buffers()[1]
    end = int(memoryview(offsets).cast("q")[len(text)])
    data = memoryview(text.buffers()[2])[:end].tobytes()
    db.scan(data, match_event_handler=on_report, scratch=hyperscan.Scratch(db))
    t2 = time.perf_counter()
    return {"wall_s": t2 - t0, "cpu_s": _cpu() - c0, "parts": {"read": t1 - t0, "scan": t2 - t1},
            "n_articles": len(text), "n_reports": reports[0], "hyperscan": hyperscan.__version__}  # fmt: skip


def task_sklearn(spec: dict) -> dict:
    """scikit-learn's CountVectorizer with a fixed vocabulary (globs expanded by a first pass)."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    entries = _plain_entries(_lexicon("entries"))
    pattern = r"(?u)\b\w+\b"
    t0, c0 = time.perf_counter(), _cpu()
    texts = _read_texts(spec["corpus"])
    t1 = time.perf_counter()
    vocabulary = CountVectorizer(token_pattern=pattern, lowercase=True).fit(texts).vocabulary_
    t2 = time.perf_counter()
    columns: dict[str, list[str]] = {}
    for pattern_, kind, toks in entries:
        if kind == "prefix":
            columns[pattern_] = sorted(t for t in vocabulary if t.startswith(toks[0]))
        else:
            columns[pattern_] = [" ".join(toks)]
    terms = sorted({t for cols in columns.values() for t in cols})
    vectorizer = CountVectorizer(
        token_pattern=pattern, lowercase=True, ngram_range=(1, 3), vocabulary=terms
    )
    matrix = vectorizer.transform(texts)
    totals = np.asarray(matrix.sum(axis=0)).ravel()
    index = vectorizer.vocabulary_
    counts = {p: int(sum(totals[index[t]] for t in cols)) for p, cols in columns.items()}
    t3 = time.perf_counter()
    return {"wall_s": t3 - t0, "cpu_s": _cpu() - c0, "parts": {"read": t1 - t0, "vocabulary": t2 - t1,
            "transform": t3 - t2}, "n_articles": len(texts), "n_hits": sum(counts.values()),
            "entry_hits": counts}  # fmt: skip


def _explore():
    import framing

    try:
        return framing.explore
    except AttributeError:
        pass
    try:
        return importlib.import_module("framing.widgets").explore
    except (ImportError, AttributeError):
        return None


def _controls(widget, seen=None):
    """Every value control under a widget (depth first), skipping repeats."""
    seen = set() if seen is None else seen
    if id(widget) in seen:
        return []
    seen.add(id(widget))
    found = []
    kind = type(widget).__name__
    if (hasattr(widget, "options") and len(widget.options or ()) > 1) or kind in (
        "Checkbox",
        "IntSlider",
        "ToggleButton",
    ):
        found.append(widget)
    for child in getattr(widget, "children", ()) or ():
        found.extend(_controls(child, seen))
    return found


def _label(control) -> str:
    classes = [c for c in getattr(control, "_dom_classes", ()) if c.startswith("fr-")]
    name = getattr(control, "description", "") or ""
    return f"{type(control).__name__} {classes[0] if classes else repr(name)}"


def _another_value(control):
    """A valid value for the control other than its current one, or None."""
    kind = type(control).__name__
    value = control.value
    if kind in ("Checkbox", "ToggleButton"):
        return not value
    if kind == "IntSlider":
        new = value + 2 if value + 2 <= control.max else control.min
        return new if new != value else None
    values = [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in control.options]
    if "Range" in kind:  # (first, last): narrow the range to its last three quarters
        new = (values[len(values) // 4], values[-1])
        return new if tuple(new) != tuple(value) else (values[0], values[-1])
    if isinstance(value, tuple):  # a multiple selection: add one option, or drop one
        others = [v for v in values if v not in value]
        return value + (others[0],) if others else value[:-1] or None
    others = [v for v in values if v != value]
    return others[0] if others else None


def task_widgets(spec: dict) -> dict:
    """Build framing.explore on a corpus; time setting each control to a redrawn figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.ingest import read_articles

    explore = _explore()
    lexicon = _lexicon("frames")
    articles = read_articles(spec["corpus"]["path"])
    sink = io.StringIO()

    def redraw():
        # explore draws its chart to a PNG inside the callback; figures left on pyplot
        # (if a version draws there instead) are rendered too, so the time is to pixels
        for number in plt.get_fignums():
            plt.figure(number).canvas.draw()

    with contextlib.redirect_stdout(sink):
        t0, c0 = time.perf_counter(), _cpu()
        widget = explore(articles, lexicon)
        redraw()
        build = time.perf_counter() - t0
        build_cpu = _cpu() - c0
        changes = []
        for control in _controls(widget):
            start = control.value
            new = _another_value(control)
            if new is None:
                continue
            times, cpus, own = [], [], []
            for value in (new, start) * 2:
                t, c = time.perf_counter(), _cpu()
                control.value = value
                redraw()
                times.append(time.perf_counter() - t)
                cpus.append(_cpu() - c)
                own.append(dict(getattr(widget, "timings", {})))
            times.sort()
            cpus.sort()
            changes.append({"control": _label(control), "to": repr(new)[:40],
                            "median_s": times[len(times) // 2], "max_s": times[-1],
                            "median_cpu_s": cpus[len(cpus) // 2], "widget_timings": own})  # fmt: skip
    status = getattr(getattr(widget, "status", None), "value", "")
    return {"wall_s": build, "cpu_s": build_cpu, "n_articles": len(articles),
            "changes": changes, "status": re.sub(r"<[^>]+>", " ", status)[:300]}  # fmt: skip


TASKS = {
    "framing": task_framing,
    "count_corpus": task_count_corpus,
    "nltk": task_nltk,
    "sklearn": task_sklearn,
    "floor": task_floor,
    "default_path": task_default_path,
    "clean": task_clean,
    "widgets": task_widgets,
}


def _import_lazy_modules() -> None:
    """Import what framing imports on first use, so that no row times an import (framing
    keeps ``import framing`` light and loads pyarrow, hyperscan, scipy when they are needed;
    the other tools' imports are outside their timings too). Worker processes of
    count_corpus still import for themselves: that is part of their start-up, and counted."""
    import importlib

    for name in ("pandas", "pyarrow", "pyarrow.parquet", "pyarrow.csv", "pyarrow.compute",
                 "scipy.special",
                 "hyperscan", "framing.ingest", "framing.match", "framing.aggregate",
                 "framing.corpus", "framing.clean", "framing.match._hyperscan", "framing.voices",
                 "framing._hyperscan"):  # fmt: skip
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def child(spec_json: str) -> int:
    """Run one measurement and print its result as one JSON line."""
    import resource

    spec = json.loads(spec_json)
    warnings.simplefilter("ignore")  # set-aside notes on real corpora are expected here
    _import_lazy_modules()
    result = TASKS[spec["task"]](spec)
    result["self_hwm_mb"] = _status_kb("VmHWM") / 1024
    result["children_hwm_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(_RESULT_TAG + json.dumps(result), flush=True)
    return 0


# ======================================================================================
# the parent side
# ======================================================================================


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB."""
    return sum(_status_kb("VmRSS", str(p)) for p in _process_tree(pid))


def measure(spec: dict) -> dict:
    """Run a measurement in a fresh process, sampling its process tree's memory."""
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    nltk_data = ROOT.parent / "shared" / "data" / "nltk_data"
    if nltk_data.exists():
        env.setdefault("NLTK_DATA", str(nltk_data))
    cmd = [sys.executable, "-m", "bench.run", "--child", json.dumps(spec)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    lines = [ln for ln in out.splitlines() if ln.startswith(_RESULT_TAG)]
    if proc.returncode != 0 or not lines:
        tail = "\n".join(err.strip().splitlines()[-15:])
        return {"error": f"exit {proc.returncode}: {tail}"}
    result = json.loads(lines[-1][len(_RESULT_TAG) :])
    result["tree_peak_mb"] = peak[0] / 1024
    result["peak_mb"] = max(result["tree_peak_mb"], result["self_hwm_mb"])
    return result


def machine() -> dict:
    """What the numbers were measured on."""
    import numpy
    import pandas
    import pyarrow

    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = {"python": platform.python_version(), "numpy": numpy.__version__,
                "pandas": pandas.__version__, "pyarrow": pyarrow.__version__}  # fmt: skip
    for name in ("nltk", "sklearn", "framing"):
        with contextlib.suppress(ImportError):
            versions[name] = importlib.import_module(name).__version__
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(_status_kb_meminfo() / 1024**2, 1),
        "versions": versions,
        "git": _git_version(),
        "load_avg": os.getloadavg(),
    }


def _status_kb_meminfo() -> int:
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1])
    return 0


def _git_version() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()  # fmt: skip
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    if not dirty.strip():
        return head
    changed = sorted({line[3:].strip() for line in dirty.splitlines() if line.strip()})
    return f"{head} with uncommitted changes ({', '.join(changed)})"


def describe(name: str, path: Path) -> dict:
    """A corpus: its file, format, number of articles and MB of text."""
    import numpy as np

    fmt = "parquet" if path.suffix in (".parquet", ".pq") else "csv"
    if fmt == "parquet":
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        n_bytes = 0
        for i in range(pf.num_row_groups):
            column = pf.read_row_group(i, columns=["text"]).column("text")
            n_bytes += int(np.asarray(pc.sum(pc.binary_length(column)).as_py() or 0))
        n_rows = pf.metadata.num_rows
    else:
        import pandas as pd

        texts = pd.read_csv(path, dtype=str, keep_default_na=False, usecols=["text"])["text"]
        n_bytes = sum(len(t.encode("utf-8")) for t in texts)
        n_rows = len(texts)
    return {"name": name, "path": str(path), "format": fmt, "articles": n_rows,
            "mb": n_bytes / 1e6}  # fmt: skip


def engines(wanted: list[str]) -> tuple[list[str], str]:
    """The engines of ``wanted`` that find_hits offers, and a note on the others."""
    from framing import match

    if "engine" not in inspect.signature(match.find_hits).parameters:
        return [], "find_hits has no engine= parameter: only the default engine is measured"
    offered = getattr(match, "ENGINES", ())
    missing = [e for e in wanted if offered and e not in offered]
    note = f"find_hits offers no engine {', '.join(map(repr, missing))}" if missing else ""
    return [e for e in wanted if not offered or e in offered], note


class Runner:
    """Runs the measurements, prints each row as it comes, and keeps the results."""

    def __init__(self, args):
        self.args = args
        self.rows: list[dict] = []
        self.notes: list[str] = []
        self.checks: list[str] = []
        self.widget_rows: list[dict] = []

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    def run(self, tool: str, corpus: dict, spec: dict) -> dict:
        """Measure ``repeat`` times (each in a fresh process); the row is the run with the
        median wall time (of an even number, the slower middle one), with every run's wall
        time and the highest peak RSS of them all."""
        spec = dict(spec, corpus=corpus)
        runs = []
        for _ in range(max(1, self.args.repeat)):
            runs.append(measure(spec))
            if "error" in runs[-1]:
                break
        if "error" in runs[-1]:
            result = runs[-1]
        else:
            result = dict(sorted(runs, key=lambda r: r["wall_s"])[len(runs) // 2])
            result["wall_runs"] = [r["wall_s"] for r in runs]
            result["cpu_runs"] = [r["cpu_s"] for r in runs]
            result["peak_mb"] = max(r["peak_mb"] for r in runs)
        row = {"corpus": corpus["name"], "mb": corpus["mb"], "articles": corpus["articles"],
               "tool": tool, **result}  # fmt: skip
        if "error" in result:
            self.note(f"{tool} on {corpus['name']} failed: {result['error']}")
        else:
            row["mb_s"] = corpus["mb"] / result["wall_s"]
            row["articles_s"] = corpus["articles"] / result["wall_s"]
            row["mb_cpu_s"] = corpus["mb"] / max(result["cpu_s"], 1e-9)
            print(_format_row(row), flush=True)
        self.rows.append(row)
        return row


_HEADER = (
    f"{'corpus':<24} {'MB':>6} {'articles':>8}  {'what':<34} {'wall s':>7} {'MB/s':>6} "
    f"{'articles/s':>10} {'peak RSS MB':>11} {'CPU s':>7} {'MB/CPU-s':>8}  MB/s range"
)


def _format_row(row: dict) -> str:
    head = f"{row['corpus']:<24} {row['mb']:>6.1f} {row['articles']:>8,}  {row['tool']:<34}"
    if "error" in row:
        return head + " failed"
    return (
        f"{head} {row['wall_s']:>7.2f} {row['mb_s']:>6.2f} {row['articles_s']:>10,.0f} "
        f"{row['peak_mb']:>11,.0f} {row['cpu_s']:>7.2f} {row['mb_cpu_s']:>8.2f}  {_spread(row)}"
    )


def _spread(row: dict) -> str:
    """The MB/s of the fastest and slowest of the repeated runs."""
    walls = row.get("wall_runs", [])
    if len(walls) < 2:
        return ""
    return f"{row['mb'] / max(walls):.1f}-{row['mb'] / min(walls):.1f}"


def _markdown_table(rows: list[dict]) -> str:
    lines = [
        "| corpus | MB | articles | what | wall s | MB/s | articles/s | peak RSS MB | CPU s "
        "| MB/CPU-s | MB/s range |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        head = f"| {r['corpus']} | {r['mb']:.1f} | {r['articles']:,} | {r['tool']} |"
        if "error" in r:
            lines.append(head + " failed | | | | | | |")
            continue
        lines.append(
            f"{head} {r['wall_s']:.2f} | {r['mb_s']:.2f} | {r['articles_s']:,.0f} | "
            f"{r['peak_mb']:,.0f} | {r['cpu_s']:.2f} | {r['mb_cpu_s']:.2f} | {_spread(r)} |"
        )
    return "\n".join(lines)


def _same_counts(a: dict, b: dict) -> bool:
    """Same hits per frame (frames without hits ignored) and the same token total."""
    hits_a = {k: v for k, v in a["frame_hits"].items() if v}
    hits_b = {k: v for k, v in b["frame_hits"].items() if v}
    return hits_a == hits_b and a["n_tokens"] == b["n_tokens"]


def compare_entries(runner: Runner, corpus: str, results: dict[str, dict]) -> None:
    """Check that framing, NLTK and CountVectorizer give the same count for every entry."""
    ok = {k: r for k, r in results.items() if r and "entry_hits" in r}
    if "framing" not in ok or len(ok) < 2:
        return
    entries = [e.pattern for e in _lexicon("entries").entries]
    base = ok["framing"]["entry_hits"]
    for tool, result in ok.items():
        if tool == "framing":
            continue
        diff = [
            (e, base.get(e, 0), result["entry_hits"].get(e, 0))
            for e in entries
            if base.get(e, 0) != result["entry_hits"].get(e, 0)
        ]
        total = sum(base.get(e, 0) for e in entries)
        if diff:
            shown = ", ".join(f"{e!r}: framing {a} vs {b}" for e, a, b in diff[:5])
            runner.checks.append(f"DISAGREE {corpus}: framing vs {tool} on {len(diff)} of "
                                 f"{len(entries)} entries ({shown})")  # fmt: skip
        else:
            runner.checks.append(f"agree {corpus}: framing = {tool} on all {len(entries)} "
                                 f"entries ({total:,} hits)")  # fmt: skip
        print(f"  check: {runner.checks[-1]}", flush=True)


def _mb(mb: float) -> str:
    """A corpus size for a label: 1,000 / 100 / 20 / 0.5."""
    return f"{mb:,.0f}" if mb >= 10 else f"{mb:.2g}"


def _count_s(row: dict) -> float:
    """A row's time less its read of the file (the counting alone)."""
    return row["wall_s"] - ((row.get("parts") or {}).get("read") or 0.0)


def _ratio_record(name: str, results: dict) -> dict:
    f, n, k = results["framing"], results["nltk"], results["sklearn"]
    floor, path = results.get("floor") or {}, results.get("default_path") or {}
    return {
        "corpus": name,
        "framing_vs_nltk": f["mb_s"] / n["mb_s"],
        "framing_vs_sklearn": f["mb_s"] / k["mb_s"],
        "counting_vs_nltk": _count_s(n) / _count_s(f),
        "counting_vs_sklearn": _count_s(k) / _count_s(f),
        "framing_read_s": (f.get("parts") or {}).get("read"),
        "nltk_read_s": (n.get("parts") or {}).get("read"),
        "floor_s": floor.get("wall_s"),
        "counting_vs_floor": floor["wall_s"] / f["wall_s"] if floor else None,
        "default_path_s": path.get("wall_s"),
        "default_path_vs_floor": floor["wall_s"] / path["wall_s"] if floor and path else None,
        "default_path_parts": path.get("parts"),
    }


def _verdict(value: float | None, target: float, *, below: bool = False) -> str:
    if value is None:
        return "not measured"
    met = value <= target if below else value >= target
    return "met" if met else "MISSED"


def _voice_lines(runner) -> list[str]:
    """Issue 15's speed target: add_voice against the counting of the same corpus and run."""
    rows = {(r["corpus"], r["tool"]): r for r in runner.rows if "wall_s" in r}
    lines = []
    for (corpus, tool), row in rows.items():
        count = rows.get((corpus, "framing (default engine)"))
        if tool != "framing + add_voice" or not count:
            continue
        value = row["parts"]["add_voice"] / _count_s(count)
        lines.append(f"  {corpus}: add_voice / counting (find_hits + token_counts, issue 15) = "
                     f"{value:.2f} (target <= {TARGETS['voices_vs_counting']:.1f}): "
                     f"{_verdict(value, TARGETS['voices_vs_counting'], below=True)}")  # fmt: skip
        cpu = row.get("cpu_parts")
        if cpu and cpu["counting"] > 0:
            value = cpu["add_voice"] / cpu["counting"]
            lines.append(f"  {corpus}: add_voice / counting in CPU seconds, one process "
                         f"({cpu['add_voice']:.2f} s / {cpu['counting']:.2f} s) = {value:.2f} "
                         f"(target <= {TARGETS['voices_vs_counting']:.1f}): "
                         f"{_verdict(value, TARGETS['voices_vs_counting'], below=True)}")  # fmt: skip
    return lines


def _target_lines(ratios: list, runner) -> list[str]:
    """One line per issue-13 target, with the measured value and met / MISSED."""
    lines = []
    for name, res in ratios:
        rec = _ratio_record(name, res)
        real = not name.startswith("synthetic")
        for key, label in (("counting_vs_floor", "counting / floor"),
                           ("default_path_vs_floor", "default path / floor")):  # fmt: skip
            value, target = rec[key], TARGETS[key]
            if key == "default_path_vs_floor" and not real:
                label += " (synthetic: for reference; the target is on the real news)"
            shown = "n/a" if value is None else f"{value:.3f}"
            lines.append(f"  {name}: {label} = {shown} (target >= {target:.3f}): "
                         f"{_verdict(value, target)}")  # fmt: skip
        for key, tool in (("counting_vs_nltk", "NLTK"), ("counting_vs_sklearn", "CountVectorizer")):
            target = TARGETS["vs_nltk" if tool == "NLTK" else "vs_sklearn"]
            lines.append(f"  {name}: counting alone, framing / {tool} = {rec[key]:.1f}x "
                         f"(target {target:.0f}x): {_verdict(rec[key], target)}")  # fmt: skip
        parts = rec["default_path_parts"]
        if parts:
            lines.append(f"  {name}: default path parts: "
                         + ", ".join(f"{k} {v:.3f} s" for k, v in parts.items()))  # fmt: skip
    lines += _voice_lines(runner)
    for widget in runner.widget_rows:
        worst = max((c["median_s"] for c in widget["changes"]), default=None)
        lines.append(f"  explorer, 100,000 articles: slowest median redraw {worst:.3f} s "
                     f"(target < {TARGETS['widget_redraw_s']} s): "
                     f"{_verdict(worst, TARGETS['widget_redraw_s'], below=True)}")  # fmt: skip
    for row in runner.rows:
        if row.get("mb", 0) < 900 or "peak_mb" not in row:
            continue
        if row["tool"] == "framing (default engine)":
            key = "peak_1gb_memory_mb"
        elif row["tool"].startswith("count_corpus"):
            key = "peak_1gb_stream_mb"
        else:
            continue
        lines.append(f"  {row['corpus']}: {row['tool']} peak {row['peak_mb']:,.0f} MB "
                     f"(target < {TARGETS[key]:,.0f} MB): "
                     f"{_verdict(row['peak_mb'], TARGETS[key], below=True)}")  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="NLTK and CountVectorizer on a 20 MB subset of the synthetic corpus")  # fmt: skip
    parser.add_argument("--big", action="store_true", help="add the synthetic 1 GB corpus")
    parser.add_argument("--workers", default="1,2", help="worker counts for count_corpus")
    parser.add_argument("--chunk-size", type=int, default=None,
                        help="count_corpus chunk_size (default: count_corpus's own, 20,000)")  # fmt: skip
    parser.add_argument("--size", default="100MB", help="the synthetic corpus (default 100MB)")
    parser.add_argument("--subset", default="20MB", help="the --quick subset (default 20MB)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--engines",
        default="python",
        help="find_hits engines to run besides the default (when offered)",
    )
    parser.add_argument(
        "--slow-engines",
        default="reference",
        help="find_hits engines to run on a small subset only (when offered)",
    )
    parser.add_argument("--slow-size", default="0.5MB", help="that subset (default 0.5MB)")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per row, each in a fresh process; the median is reported "
                             "(default 3)")  # fmt: skip
    parser.add_argument("--no-widgets", action="store_true", help="skip the widget timing")
    parser.add_argument("--no-real", action="store_true", help="skip the real corpora")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child)

    from bench import synth

    workers = [int(w) for w in args.workers.split(",") if w.strip()]
    started = datetime.now()
    info = machine()
    print(f"framing benchmarks, {started:%Y-%m-%d %H:%M}")
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM; load average "
          f"{', '.join(f'{x:.2f}' for x in info['load_avg'])}")  # fmt: skip
    print("versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()))
    print(f"code: {info['git']}")
    print(f"command: python -m bench.run {' '.join(argv if argv is not None else sys.argv[1:])}")
    runner = Runner(args)
    extra_engines, engine_note = engines([e for e in args.engines.split(",") if e.strip()])
    slow_engines, slow_note = engines([e for e in args.slow_engines.split(",") if e.strip()])
    has_stream = _count_corpus() is not None
    has_voices = _add_voice() is not None
    has_widgets = _explore() is not None
    has_hyperscan = importlib.util.find_spec("hyperscan") is not None

    corpora = []
    synth_path = synth.generate(size=args.size, seed=args.seed)
    corpora.append(("synthetic", synth_path))
    if args.big:
        corpora.append(("synthetic", synth.generate(size="1GB", seed=args.seed)))
    real = []
    if not args.no_real:
        for name, file in REAL_CORPORA.items():
            if (NEWS / file).exists():
                real.append((name, NEWS / file))
            else:
                runner.note(f"{NEWS / file} is absent: {name} skipped")
    print()
    print(_HEADER)
    print("-" * len(_HEADER))
    for text in dict.fromkeys([engine_note, slow_note]):
        if text:
            runner.note(text)
    if not has_stream:
        runner.note("framing.count_corpus does not exist yet: the streaming runs are skipped")
    if not has_voices:
        runner.note("framing.add_voice does not exist yet: the voices row is skipped")
    described = []
    for name, path in corpora + real:
        corpus = describe(name, path)
        corpus["name"] = f"{name} {_mb(corpus['mb'])} MB" if name == "synthetic" else name
        described.append(corpus)
        runner.run("framing (default engine)", corpus, {"task": "framing", "layout": "frames"})
        runner.run("clean_articles (read left out)", corpus, {"task": "clean"})
        if name != "synthetic":  # real sentences, as kwic and sample_kwic read them
            runner.run("framing, sentences=True", corpus,
                       {"task": "framing", "layout": "frames", "sentences": True})  # fmt: skip
            runner.run("framing, match='stem'", corpus,
                       {"task": "framing", "layout": "frames", "match": "stem"})  # fmt: skip
            runner.run("framing, stems, engine='python'", corpus,
                       {"task": "framing", "layout": "frames", "match": "stem",
                        "engine": "python"})  # fmt: skip
            if has_voices:
                runner.run("framing + add_voice", corpus,
                           {"task": "framing", "layout": "frames", "voice": True})  # fmt: skip
        for engine in extra_engines:
            if corpus["mb"] > 200:
                runner.note(f"engine={engine!r} skipped on {corpus['name']} (slow; see 100 MB)")
                continue
            runner.run(f"framing engine={engine!r}", corpus,
                       {"task": "framing", "layout": "frames", "engine": engine})  # fmt: skip
        if has_stream:
            for w in workers:
                runner.run(f"count_corpus, {w} worker{'s' if w > 1 else ''}", corpus,
                           {"task": "count_corpus", "layout": "frames", "workers": w,
                            "chunk_size": args.chunk_size})  # fmt: skip
            for w in [w for w in workers if w > 1]:
                runner.run(f"count_corpus, {w} workers, again", corpus,
                           {"task": "count_corpus", "layout": "frames", "workers": w,
                            "chunk_size": args.chunk_size, "warm": True})  # fmt: skip
            # as a user calls it: clean=True (default_cleaner before counting)
            if corpus["mb"] > 200:
                runner.note(
                    f"count_corpus with clean=True skipped on {corpus['name']} (see 100 MB)"
                )
            else:
                runner.run("count_corpus, 1 worker, clean=True", corpus,
                           {"task": "count_corpus", "layout": "frames", "workers": 1,
                            "chunk_size": args.chunk_size, "clean": True})  # fmt: skip

    # the slow engines, on a small subset, against the default engine
    if slow_engines:
        sub = describe("synthetic", synth.head_subset(synth_path, args.slow_size))
        sub["name"] = f"synthetic {_mb(sub['mb'])} MB subset"
        print()
        print(f"slow engines, on the first {sub['mb']:.1f} MB of the synthetic corpus:")
        print(_HEADER)
        print("-" * len(_HEADER))
        described.append(sub)
        runner.run("framing (default engine)", sub, {"task": "framing", "layout": "frames"})
        for engine in slow_engines:
            runner.run(f"framing engine={engine!r}", sub,
                       {"task": "framing", "layout": "frames", "engine": engine})  # fmt: skip
        extra_engines += [e for e in slow_engines if e not in extra_engines]

    # the comparison: the same corpus and lexicon layout for the three tools
    print()
    print("comparison (one frame per entry, so the same thing is counted by all three):")
    print(_HEADER)
    print("-" * len(_HEADER))
    compare_on = []
    first = described[0]
    if args.quick:
        sub = synth.head_subset(synth_path, args.subset)
        corpus = describe("synthetic", sub)
        corpus["name"] = f"synthetic {_mb(corpus['mb'])} MB subset"
        compare_on.append(corpus)
    else:
        compare_on.append(first)
    compare_on += [c for c in described if not c["name"].startswith("synthetic")]
    ratios = []
    for corpus in compare_on:
        results = {}
        results["framing"] = runner.run("framing, 1 frame per entry", corpus,
                                        {"task": "framing", "layout": "entries"})  # fmt: skip
        results["nltk"] = runner.run("NLTK WordPunct pipeline", corpus, {"task": "nltk"})
        results["sklearn"] = runner.run("sklearn CountVectorizer", corpus, {"task": "sklearn"})
        results["default_path"] = runner.run("framing, the README's default path", corpus,
                                             {"task": "default_path", "layout": "frames"})  # fmt: skip
        if has_hyperscan:
            results["floor"] = runner.run(
                "floor: Arrow read + bare scan", corpus, {"task": "floor"}
            )
        compare_entries(runner, corpus["name"], results)
        if all("mb_s" in results[tool] for tool in ("framing", "nltk", "sklearn")):
            ratios.append((corpus["name"], results))

    # the widget path
    if args.no_widgets:
        pass
    elif not has_widgets:
        runner.note(
            "framing.explore (framing/widgets.py) does not exist yet: widget timing skipped"
        )
    else:
        path = synth.generate(articles=100_000, seed=args.seed)
        corpus = describe("synthetic", path)
        corpus["name"] = "synthetic 100k articles"
        print()
        print(
            "widget path: framing.explore on 100,000 articles; setting a control -> redrawn figure"
        )
        result = measure({"task": "widgets", "corpus": corpus})
        if "error" in result:
            runner.note(f"widget timing failed: {result['error']}")
        else:
            print(f"  build (find_hits + first figure): {result['wall_s']:.1f} s, "
                  f"peak RSS {result['peak_mb']:,.0f} MB")  # fmt: skip
            for change in result["changes"]:
                print(f"  {change['control']:<36} -> {change['to']:<24} median "
                      f"{change['median_s']:.3f} s (CPU {change['median_cpu_s']:.3f} s), "
                      f"max {change['max_s']:.3f} s")  # fmt: skip
            if result.get("status", "").strip():
                print(f"  status line at the end: {result['status'].strip()[:200]}")
            runner.widget_rows.append(result)

    # summary: ratios and targets
    print()
    print("ratios from this run (same corpus, same lexicon layout; wall MB/s, then MB per CPU-s):")
    for name, res in ratios:
        f, n, k = res["framing"], res["nltk"], res["sklearn"]
        print(
            f"  {name}: framing / NLTK = {f['mb_s'] / n['mb_s']:.1f}x "
            f"({f['mb_cpu_s'] / n['mb_cpu_s']:.1f}x by CPU), "
            f"framing / CountVectorizer = {f['mb_s'] / k['mb_s']:.1f}x "
            f"({f['mb_cpu_s'] / k['mb_cpu_s']:.1f}x by CPU), end to end, reads included"
        )
    by_key = {(r["corpus"], r["tool"]): r for r in runner.rows if "mb_s" in r}
    for corpus in described:
        name = corpus["name"]
        mem = by_key.get((name, "framing (default engine)"))
        one = by_key.get((name, "count_corpus, 1 worker"))
        two = by_key.get((name, "count_corpus, 2 workers"))
        if one and two:
            print(f"  {name}: count_corpus 2 workers / 1 worker = "
                  f"{two['mb_s'] / one['mb_s']:.2f}x (target ~{TARGETS['two_cores']:.0f}x)")  # fmt: skip
        for engine in extra_engines:
            other = by_key.get((name, f"framing engine={engine!r}"))
            if not (mem and other):
                continue
            same = _same_counts(mem, other)
            print(f"  {name}: default / {engine!r} engine = {mem['mb_s'] / other['mb_s']:.1f}x "
                  f"({mem['mb_cpu_s'] / other['mb_cpu_s']:.1f}x by CPU)")  # fmt: skip
            runner.checks.append(f"{'agree' if same else 'DISAGREE'} {name}: default vs "
                                 f"{engine!r} engine, hits per frame and token totals")  # fmt: skip
        split = by_key.get((name, "framing, sentences=True"))
        if mem and split:
            same = _same_counts(mem, split)
            print(f"  {name}: find_hits sentences=False / sentences=True = "
                  f"{mem['mb_s'] / split['mb_s']:.1f}x")  # fmt: skip
            runner.checks.append(f"{'agree' if same else 'DISAGREE'} {name}: sentences=True vs "
                                 "sentences=False, hits per frame and token totals")  # fmt: skip
        stems = by_key.get((name, "framing, match='stem'"))
        portable = by_key.get((name, "framing, stems, engine='python'"))
        if stems and portable:
            same = stems["entry_hits"] == portable["entry_hits"] and _same_counts(stems, portable)
            print(f"  {name}: match='stem', default / 'python' engine = "
                  f"{stems['mb_s'] / portable['mb_s']:.1f}x; exact / stem = "
                  f"{mem['mb_s'] / stems['mb_s'] if mem else float('nan'):.1f}x")  # fmt: skip
            runner.checks.append(f"{'agree' if same else 'DISAGREE'} {name}: match='stem' on "
                                 "the default and 'python' engines, hits per entry")  # fmt: skip
        per_entry = by_key.get((name, "framing, 1 frame per entry"))
        if mem and per_entry and per_entry["n_hits"]:
            removed = per_entry["n_hits"] - mem["n_hits"]
            print(f"  {name}: the within-frame overlap rule (10 frames) counts {mem['n_hits']:,} "
                  f"hits where one frame per entry counts {per_entry['n_hits']:,} "
                  f"({removed / per_entry['n_hits']:.1%} fewer)")  # fmt: skip
        for stream in (one, two):
            if mem and stream:
                same = _same_counts(mem, stream)
                runner.checks.append(f"{'agree' if same else 'DISAGREE'} {name}: {stream['tool']} "
                                     "vs in memory, hits per frame and token totals")  # fmt: skip
    print("targets (issue 13):")
    for line in _target_lines(ratios, runner):
        print(line)
    if runner.checks:
        print("checks:")
        for check in runner.checks:
            print(f"  {check}")
    finished = datetime.now()
    print(f"done in {(finished - started).total_seconds() / 60:.1f} min; load average now "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}")  # fmt: skip

    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"bench-{started:%Y%m%d-%H%M%S}"
    record = {"started": started.isoformat(timespec="seconds"),
              "finished": finished.isoformat(timespec="seconds"), "machine": info,
              "argv": argv if argv is not None else sys.argv[1:], "rows": runner.rows,
              "ratios": [_ratio_record(n, r) for n, r in ratios], "checks": runner.checks, "notes": runner.notes,
              "widgets": runner.widget_rows, "end_load_avg": os.getloadavg()}  # fmt: skip
    stem.with_suffix(".json").write_text(json.dumps(record, indent=1, default=str))
    stem.with_suffix(".md").write_text(_markdown_table(runner.rows) + "\n")
    print(f"results: {stem.with_suffix('.json').relative_to(ROOT)}, .md")
    return 1 if any(c.startswith("DISAGREE") for c in runner.checks) else 0


if __name__ == "__main__":
    raise SystemExit(main())
