"""The copy index at scale: ``python -m bench.copies --scale 1000000``.

Builds the copy index of :func:`framing.count_corpus` (``copies="drop"``,
:mod:`framing.corpus.copy_index`) for N synthetic articles streamed in blocks (never held in
memory together) and reports:

* the index's bytes per article: :meth:`~framing.corpus.copy_index.CopyIndex.nbytes` (its
  arrays, the interned outlet and source strings with their dicts and lists) and what
  tracemalloc sees allocated by a deep copy of it (a check of ``nbytes``);
* the peak of memory traced while finding the candidate pairs, above the index, per article
  (the postings of the shared fingerprints and the pair keys of one part), and the index
  plus that peak: what the whole search needs;
* the speed of the index pass and the candidate search, in MB of UTF-8 text per second of
  CPU time of this process (one core), cleaning excluded (``clean=False``: the cleaner's
  cost is measured in ``bench/README.md``), generation excluded. The CPU time is taken
  with tracemalloc off (tracing every allocation slowed the index pass by 25-45%); the
  search is run a second time, traced, for its peak;
* with ``--exact``, the whole decision (the exact comparison reads the blocks again, in
  order, as many times as it needs: they are generated again from the same seed, that CPU
  time left out), the speed of the whole search (index, candidates and decision) and the
  recall of the planted copies.

The text: words drawn from a Zipf law over 50,000 made-up words, articles of 150-750 words;
a share of the articles (``--copies``, 0.3) are copies of a recent article with the edits
of the labelled set: a new lead paragraph, a cut ending, a changed word in sixty.
"""

from __future__ import annotations

import copy
import gc
import time
import tracemalloc

import numpy as np
import pandas as pd

from framing.corpus.arguments import check_job
from framing.corpus.copy_index import CopyIndex, shingle_rows, sketch_chunk
from framing.corpus.copy_passes import decide_stories

BLOCK = 5_000
_VOCAB = 50_000
_OUTLETS = np.array(["Wire", "Daily", "Post", "Courier", "Ledger", "Times"], dtype=object)


def _vocabulary(rng: np.random.Generator) -> np.ndarray:
    """Made-up words of 2-10 letters, with Zipf weights (most frequent first)."""
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    lengths = rng.integers(2, 11, _VOCAB)
    chars = rng.choice(letters, lengths.sum())
    cuts = np.cumsum(lengths)[:-1]
    return np.array(["".join(w) for w in np.split(chars, cuts)], dtype=object)


def _zipf_ids(rng, n: int) -> np.ndarray:
    ranks = rng.zipf(1.1, n)
    return np.where(ranks <= _VOCAB, ranks - 1, rng.integers(0, _VOCAB, n))


def _edited(rng, ids: np.ndarray) -> np.ndarray:
    """A copy: new lead, cut ending, a changed word in sixty (the labelled set's reprint)."""
    out = ids[: int(len(ids) * rng.uniform(0.7, 0.95))].copy()
    changed = np.arange(rng.integers(0, 60), len(out), 60)
    out[changed] = _zipf_ids(rng, len(changed))
    return np.concatenate([_zipf_ids(rng, int(rng.integers(20, 50))), out])


def blocks(n: int, *, seed: int = 0, copy_share: float = 0.3):
    """The articles in blocks of :data:`BLOCK`: DataFrames with ``article_id``, ``date``,
    ``outlet``, ``text`` and ``copy_of`` (the planted truth); the same every time."""
    rng = np.random.default_rng(seed)
    vocab = _vocabulary(rng)
    recent: list[tuple[int, np.ndarray]] = []  # originals of the last blocks, to copy
    for start in range(0, n, BLOCK):
        size = min(BLOCK, n - start)
        texts, truth = [], np.full(size, -1)
        copies = rng.random(size) < copy_share
        for k in range(size):
            if copies[k] and recent:
                number, ids = recent[int(rng.integers(len(recent)))]
                ids, truth[k] = _edited(rng, ids), number
            else:
                ids = _zipf_ids(rng, int(rng.integers(150, 750)))
                recent.append((start + k, ids))
            texts.append(" ".join(vocab[ids]))
        recent = recent[-2 * BLOCK :]
        numbers = np.arange(start, start + size)
        yield pd.DataFrame({
            "article_id": [f"a{i}" for i in numbers],
            "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(numbers // 2000, unit="D"),
            "outlet": _OUTLETS[numbers % len(_OUTLETS)],
            "text": texts,
            "copy_of": truth,
        })  # fmt: skip


def _index(n: int, seed: int, job) -> tuple[CopyIndex, float, int, int]:
    """The index of the n articles, the CPU seconds spent in the index, bytes of text and
    the planted copies' ``(copy, original)`` numbers."""
    index, cpu, n_bytes, planted = CopyIndex(), 0.0, 0, []
    for block in blocks(n, seed=seed):
        n_bytes += int(block["text"].str.len().sum())  # the words are ASCII
        first = sum(index.chunk_sizes)
        truth = block["copy_of"].to_numpy()
        copies = np.flatnonzero(truth >= 0)
        planted.append(np.stack([copies + first, truth[copies]], axis=1))
        work = block.drop(columns="copy_of")
        start = time.process_time()
        index.add(sketch_chunk(work, job))
        cpu += time.process_time() - start
        del block, work
    start = time.process_time()
    index.freeze()
    cpu += time.process_time() - start
    return index, cpu, n_bytes, np.concatenate(planted) if planted else np.zeros((0, 2), int)


def run(n: int, *, seed: int = 0, exact: bool = False) -> dict:
    """Build (and with ``exact`` decide) the index of n synthetic articles; the figures."""
    job = check_job({"x": ["x"]}, freq="M", by=None, level="frame", clean=False,
                    match="exact", want_hits=False, function="count_corpus")  # fmt: skip
    index, cpu, n_bytes, planted = _index(n, seed, job)
    start = time.process_time()
    pairs = index.candidates()
    cpu_pairs = time.process_time() - start
    traced, peak = _traced(index)
    out = {
        "articles": n, "MB": n_bytes / 1e6, "index_bytes_per_article": index.nbytes() / n,
        "traced_bytes_per_article": traced / n, "candidates_peak_bytes_per_article": peak / n,
        "candidate_pairs": len(pairs), "index_cpu_s": cpu, "candidates_cpu_s": cpu_pairs,
        "MB_per_cpu_s": n_bytes / 1e6 / (cpu + cpu_pairs),
    }  # fmt: skip
    if exact:
        out.update(_decide(index, n, seed, job, planted))
    return out


def _traced(index: CopyIndex) -> tuple[int, int]:
    """Bytes tracemalloc sees in a deep copy of the index, and at the peak of the candidate
    search above what was held before it."""
    gc.collect()
    tracemalloc.start()
    twin = copy.deepcopy(index)
    traced = tracemalloc.get_traced_memory()[0]
    del twin
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    index.candidates()
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return traced, peak


def _decide(index: CopyIndex, n: int, seed: int, job, planted: np.ndarray) -> dict:
    """The stories decided as count_corpus decides them (the CPU time of generating the
    blocks again left out); recall of the planted copies."""
    starts = index.first_numbers()
    generation, reads = [0.0], [0]

    def generated():
        source = blocks(n, seed=seed)
        while True:
            start = time.process_time()
            block = next(source, None)
            generation[0] += time.process_time() - start
            if block is None:
                return
            yield block

    def read_shingles(rows, take):
        for k, block in enumerate(generated()):
            lo, hi = np.searchsorted(rows, starts[k : k + 2])
            if lo < hi:
                hashes, counts, _ = shingle_rows(block, job, rows[lo:hi] - starts[k])
                take(rows[lo:hi], hashes, counts)
            reads[0] += k == 0

    start = time.process_time()
    plan = decide_stories(index, read_shingles, "drop", "bench")
    cpu = time.process_time() - start - generation[0]
    is_copy = plan.heads != np.arange(n)
    # a planted copy is found when it is in its original's story (either may be the
    # story's original: the longer one of a day is)
    found = plan.heads[planted[:, 0]] == plan.heads[planted[:, 1]]
    return {"decide_cpu_s": cpu, "copies_found": int(is_copy.sum()), "reads": reads[0],
            "copies_planted": len(planted),
            "planted_recall": float(found.mean()) if len(planted) else 1.0}  # fmt: skip


def report(n: int, *, exact: bool = False) -> None:
    """Print the figures of :func:`run`."""
    wall = time.perf_counter()
    f = run(n, exact=exact)
    whole = f["index_bytes_per_article"] + f["candidates_peak_bytes_per_article"]
    print(
        f"copy index of {f['articles']:,d} synthetic articles ({f['MB']:,.0f} MB of text): "
        f"{f['index_bytes_per_article']:.0f} bytes an article (nbytes with the interned "
        f"strings), {f['traced_bytes_per_article']:.0f} traced in a copy; "
        f"finding the {f['candidate_pairs']:,d} candidate pairs peaked at "
        f"{f['candidates_peak_bytes_per_article']:.0f} bytes an article more "
        f"(index and search: {whole:.0f}); "
        f"{f['MB_per_cpu_s']:.1f} MB/s per core (index {f['index_cpu_s']:.1f} s + "
        f"candidates {f['candidates_cpu_s']:.1f} s of CPU, cleaning and generation excluded; "
        f"wall {time.perf_counter() - wall:.0f} s with generation)"
    )
    if exact:
        whole = f["index_cpu_s"] + f["candidates_cpu_s"] + f["decide_cpu_s"]
        print(
            f"  decided: {f['copies_found']:,d} copies found of {f['copies_planted']:,d} "
            f"planted (recall {f['planted_recall']:.3f}) in {f['decide_cpu_s']:.1f} s of CPU "
            f"(generation excluded, {f['reads']} read(s) of the corpus): "
            f"{f['MB'] / whole:.1f} MB/s per core for the whole search"
        )
