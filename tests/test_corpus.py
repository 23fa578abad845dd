"""count_corpus and count_dask: streamed, parallel and Dask counts equal the in-memory counts.

The oracle is always the in-memory path on the same files::

    articles = clean_articles(read_articles(path))
    count_by_period(find_hits(articles, lexicon), articles, ...)

compared with ``assert_frame_equal`` and as CSV bytes, whatever the chunk size, the number of
workers, the file format or the order of the files.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings
from collections import deque
from concurrent.futures import Future
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

import framing as fr
from framing import FramingError, FramingWarning
from framing.aggregate import (
    CountPartials,
    combine_partials,
    count_by_period,
    count_partials,
    counts_from_partials,
)
from framing.clean import clean_articles
from framing.corpus import count_corpus, count_dask
from framing.ingest import iter_article_chunks, read_articles
from framing.match import HITS_COLUMNS, find_hits

PRESS = "press_releases_sample_100.csv"  # real press releases, 50 per outlet


# --------------------------------------------------------------------------------------
# helpers


def write(articles: pd.DataFrame, folder, fmt: str, *, n_files: int = 1, seed: int = 0):
    """Write ``articles`` to ``n_files`` files of one format, rows shuffled among the files."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = articles.sample(frac=1, random_state=seed) if n_files > 1 else articles
    paths = []
    for i, part in enumerate(np.array_split(np.arange(len(rows)), n_files)):
        df = rows.iloc[part].reset_index(drop=True)
        df.attrs = {}
        path = folder / f"part-{i}.{fmt}"
        if fmt == "parquet":
            df.to_parquet(path, row_group_size=16)
        elif fmt == "jsonl":
            df = df.assign(date=df["date"].dt.strftime("%Y-%m-%dT%H:%M:%S"))
            df.to_json(path, orient="records", lines=True, force_ascii=False)
        else:
            df.to_csv(path, index=False)
        paths.append(path)
    return paths


def in_memory(source, lexicon, *, freq="M", by=None, level="frame", match="exact", clean=True):
    """The oracle: read everything, clean, find hits, count."""
    articles = read_articles(source)
    if callable(clean):
        articles = clean_articles(articles, cleaner=clean)
    elif clean:
        articles = clean_articles(articles)
    hits = find_hits(articles, lexicon, match=match)
    return count_by_period(hits, articles, freq=freq, by=by, level=level)


def assert_same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected)
    assert got.to_csv(index=False) == expected.to_csv(index=False)
    # the same provenance, the corpus hash included, but for the files (split differently)
    assert _but_files(got.attrs["provenance"]) == _but_files(expected.attrs["provenance"])


def _but_files(provenance: dict) -> dict:
    corpus = {k: v for k, v in provenance["corpus"].items() if k != "inputs"}
    return {**provenance, "corpus": corpus}


def stream(source, lexicon, **kw):
    kw.setdefault("workers", 1)
    kw.setdefault("progress", False)
    return count_corpus(source, lexicon, **kw)


# --------------------------------------------------------------------------------------
# identical to the in-memory path


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv"])
@pytest.mark.parametrize("chunk_size", [1, 7, 1000])
def test_same_counts_as_in_memory_for_every_format_and_chunk_size(
    tmp_path, example, lexicon, fmt, chunk_size
):
    # a few chunks suffice: 11 articles one by one, 42 by 7, all 168 at once
    articles = {1: example.iloc[::16], 7: example.iloc[::4]}.get(chunk_size, example)
    (path,) = write(articles, tmp_path, fmt)
    expected = in_memory(path, lexicon, by="outlet")
    got = stream(path, lexicon, by="outlet", chunk_size=chunk_size)
    assert_same(got, expected)
    assert fr.ingest_report(got).n_kept == len(articles)
    assert expected["n_hits"].sum() > 0


@pytest.mark.parametrize(
    "options",
    [
        {"freq": "W", "by": ["outlet", "lang"]},
        {"freq": "Q", "level": "entry"},
        {"freq": "Y", "match": "stem", "by": "lang"},
        {"freq": "M", "clean": False, "by": "outlet"},
        {"freq": "D", "by": "dateline_place"},  # a column made by cleaning
    ],
    ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()),
)
def test_same_counts_for_every_option(tmp_path, example, lexicon, options):
    (path,) = write(example.iloc[::4], tmp_path, "parquet")
    assert_same(
        stream(path, lexicon, chunk_size=15, **options), in_memory(path, lexicon, **options)
    )


def test_file_order_and_splitting_do_not_matter(tmp_path, example, lexicon):
    articles = example.iloc[::4]
    (whole,) = write(articles, tmp_path / "whole", "jsonl")
    parts = write(articles, tmp_path / "parts", "jsonl", n_files=3, seed=7)
    expected = in_memory(whole, lexicon, by="outlet")
    shuffled = [parts[2], parts[0], parts[1]]
    for source in (shuffled, str(tmp_path / "parts" / "*.jsonl"), tmp_path / "parts"):
        assert_same(stream(source, lexicon, by="outlet", chunk_size=9), expected)
    assert_same(in_memory(shuffled, lexicon, by="outlet"), expected)


@pytest.mark.slow
def test_two_workers_give_the_same_counts_and_hits(tmp_path, example, lexicon):
    articles = example.iloc[::2]
    (whole,) = write(articles, tmp_path / "whole", "csv")
    parts = write(articles, tmp_path / "parts", "parquet", n_files=3, seed=3)
    hits_path = tmp_path / "hits.parquet"
    got = count_corpus(
        parts[::-1], lexicon, by="outlet", chunk_size=10, workers=2, hits_path=hits_path,
        progress=False,
    )  # fmt: skip
    assert_same(got, in_memory(parts, lexicon, by="outlet"))
    assert_same(got, in_memory(whole, lexicon, by="outlet"))  # one file or three, any order
    hits = find_hits(clean_articles(read_articles(parts)), lexicon, sentences=False)
    written = pd.read_parquet(hits_path)
    pd.testing.assert_frame_equal(written, hits, check_dtype=False)
    assert written["sentence"].eq(-1).all()


@pytest.mark.shared_data
def test_real_press_releases_stream_like_in_memory(news_dir, lexicon):
    path = news_dir / PRESS
    expected = in_memory(path, lexicon, freq="W", by="outlet")
    assert_same(stream(path, lexicon, freq="W", by="outlet", chunk_size=13), expected)
    assert expected["n_hits"].sum() > 100


# --------------------------------------------------------------------------------------
# hits written as they are found


@pytest.mark.parametrize("chunk_size", [1, 5, 1000])
def test_hits_path_equals_find_hits(tmp_path, example, lexicon, chunk_size):
    (path,) = write(example.iloc[:12], tmp_path, "jsonl")
    hits_path = tmp_path / "out" / "hits.parquet"
    hits_path.parent.mkdir()
    stream(path, lexicon, chunk_size=chunk_size, hits_path=hits_path)
    articles = clean_articles(read_articles(path))
    expected = find_hits(articles, lexicon)  # with sentences: the file has -1 there
    written = pd.read_parquet(hits_path)
    assert list(written.columns) == HITS_COLUMNS and len(written) > 10
    pd.testing.assert_frame_equal(
        written.drop(columns="sentence"), expected.drop(columns="sentence"), check_dtype=False
    )
    # one row group per chunk that has hits, in file order
    position = pd.Index(articles["article_id"]).get_indexer(expected["article_id"])
    assert pq.ParquetFile(hits_path).num_row_groups == len(set(position // chunk_size))
    meta = json.loads(pq.read_schema(hits_path).metadata[b"framing"])
    assert meta["lexicon_hash"] == lexicon.hash and meta["frames"] == list(lexicon.frame_names)
    assert os.listdir(hits_path.parent) == ["hits.parquet"]


def test_hits_path_without_hits_is_an_empty_table(tmp_path, example):
    (path,) = write(example.iloc[:5], tmp_path, "csv")
    hits_path = tmp_path / "hits.parquet"
    stream(path, {"none": ["zzzqqq"]}, hits_path=hits_path)
    written = pd.read_parquet(hits_path)
    assert list(written.columns) == HITS_COLUMNS and len(written) == 0


# --------------------------------------------------------------------------------------
# bounded memory, shown structurally


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv"])
@pytest.mark.parametrize("chunk_size", [1, 7, 64])
def test_chunks_never_exceed_chunk_size(tmp_path, example, fmt, chunk_size):
    articles = example.iloc[::8].head(20)  # two files of 10, whatever the corpus's size
    parts = write(articles, tmp_path, fmt, n_files=2)
    sizes = [len(c) for c in iter_article_chunks(parts, chunk_size=chunk_size)]
    assert max(sizes) == min(chunk_size, 10) and sum(sizes) == len(articles) == 20


def test_workers_receive_at_most_chunk_size_articles(tmp_path, example, lexicon, monkeypatch):
    from framing.corpus import job

    (path,) = write(example.iloc[:40], tmp_path, "csv")
    seen = []
    real = job.count_chunk

    def spy(chunk, job):
        seen.append((len(chunk), set(chunk.columns)))
        return real(chunk, job)

    monkeypatch.setattr(job, "count_chunk", spy)
    stream(path, lexicon, chunk_size=10, by="outlet")
    assert [n for n, _ in seen] == [10, 10, 10, 10]
    # only the columns the counting needs travel to the workers, never titles or urls
    assert seen[0][1] == {"article_id", "date", "text", "lang", "outlet"}


def test_parquet_chunks_are_kept_to_the_byte_budget(tmp_path, example, lexicon, monkeypatch):
    from framing.corpus import job, reader

    articles = example.iloc[:40].reset_index(drop=True)
    articles.attrs = {}
    path = tmp_path / "news.parquet"
    articles.to_parquet(path, row_group_size=40)
    meta = pq.ParquetFile(path).metadata.row_group(0)
    row_bytes = meta.total_byte_size / meta.num_rows
    monkeypatch.setattr(reader, "CHUNK_BYTES", int(row_bytes * 10))  # about 10 rows a chunk
    seen = []
    real = job.count_chunk

    def spy(chunk, job):
        seen.append(len(chunk))
        return real(chunk, job)

    monkeypatch.setattr(job, "count_chunk", spy)
    got = stream(path, lexicon, chunk_size=1000, by="outlet")
    assert sum(seen) == 40 and 8 <= max(seen) <= 10
    assert_same(got, in_memory(path, lexicon, by="outlet"))


def test_a_corpus_of_one_chunk_starts_no_worker_process(tmp_path, example, lexicon, monkeypatch):
    import concurrent.futures

    def no_pool(*args, **kwargs):
        raise AssertionError("no process pool should start for one chunk")

    (path,) = write(example.iloc[:12], tmp_path, "csv")
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    got = count_corpus(path, lexicon, chunk_size=12, workers=4, progress=False)
    assert_same(got, in_memory(path, lexicon))
    with pytest.raises(AssertionError, match="no process pool"):
        count_corpus(path, lexicon, chunk_size=6, workers=4, progress=False)


class _LazyPool:
    """A stand-in for ProcessPoolExecutor that counts the chunks in flight."""

    in_flight = 0
    most = 0

    def __init__(self, max_workers, mp_context=None, initializer=None):
        self.max_workers = max_workers

    def submit(self, fn, *args):
        future = Future()
        _LazyPool.in_flight += 1
        _LazyPool.most = max(_LazyPool.most, _LazyPool.in_flight)
        real_result = future.result

        def result(timeout=None):
            if not future.done():
                _LazyPool.in_flight -= 1
                future.set_result(fn(*args))
            return real_result(timeout)

        future.result = result
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


def test_chunks_in_flight_are_bounded_by_twice_the_workers(tmp_path, example, lexicon, monkeypatch):
    import concurrent.futures

    (path,) = write(example.iloc[:60], tmp_path, "csv")  # read here, sent chunk by chunk
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _LazyPool)
    _LazyPool.most = _LazyPool.in_flight = 0
    got = count_corpus(path, lexicon, chunk_size=3, workers=3, progress=False)
    assert _LazyPool.most == 6 and _LazyPool.in_flight == 0
    assert_same(got, in_memory(path, lexicon))


# --------------------------------------------------------------------------------------
# what is set aside is reported as read_articles reports it


def test_set_aside_articles_are_reported_like_read_articles(tmp_path, lexicon):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        '{"id": "a1", "date": "2024-01-05", "text": "A threat."}\n'
        '{"id": "a2", "date": "", "text": "No date, a threat."}\n'
        '{"id": "a3", "date": "2024-02-01", "text": "Threats grow."}\n'
        '{"id": "a4", "date": "2024-02-03", "text": "Broken line\n',
        encoding="utf-8",
    )
    (folder / "b.jsonl").write_text(
        '{"id": "a1", "date": "2024-03-01", "text": "Duplicate threat."}\n'
        '{"id": "b1", "date": "2024-03-02", "text": "   "}\n'
        '{"id": "b2", "date": "2024-03-05", "text": "A new threat."}\n',
        encoding="utf-8",
    )
    (folder / "c.jsonl").write_text("", encoding="utf-8")
    with pytest.warns(FramingWarning, match="set aside 5 of 8"):
        expected = in_memory(folder, {"threat": ["threat*"]})
    with pytest.warns(FramingWarning, match=r"count_corpus: set aside 5 of 8 articles") as rec:
        got = stream(folder, {"threat": ["threat*"]}, chunk_size=2)
    assert len(rec) == 1  # one warning for the corpus, not one per chunk
    assert_same(got, expected)
    report, oracle = fr.ingest_report(got), fr.ingest_report(read_articles_quietly(folder))
    assert (report.n_read, report.n_kept) == (oracle.n_read, oracle.n_kept) == (8, 3)
    pd.testing.assert_frame_equal(report.set_aside, oracle.set_aside)
    assert report.counts() == {
        "missing date": 1, "malformed line": 1, "duplicate id": 1, "empty text": 1,
        "empty file": 1,
    }  # fmt: skip
    assert set(report.set_aside["source"]) == {"a.jsonl:2", "a.jsonl:4", "b.jsonl:1",
                                               "b.jsonl:2", "c.jsonl"}  # fmt: skip
    # the counts, saved to Parquet and read back, keep the report
    got.to_parquet(tmp_path / "counts.parquet")
    saved = fr.ingest_report(pd.read_parquet(tmp_path / "counts.parquet"))
    pd.testing.assert_frame_equal(saved.set_aside, report.set_aside)
    assert (saved.n_read, saved.n_kept) == (8, 3)


def read_articles_quietly(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        return read_articles(source)


def test_broken_last_jsonl_line_is_reported_with_its_line(tmp_path, example, lexicon):
    (path,) = write(example.iloc[:12], tmp_path, "jsonl")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('{"article_id": "cut", "date": "2024-01-01", "text": "The summit')
    with pytest.warns(FramingWarning, match=r"1 malformed line"):
        expected = in_memory(path, lexicon)
    with pytest.warns(FramingWarning, match=r"count_corpus: set aside 1 of 13 .*malformed line"):
        got = stream(path, lexicon, chunk_size=5)
    assert_same(got, expected)
    assert fr.ingest_report(got).set_aside["source"].tolist() == ["part-0.jsonl:13"]


# --------------------------------------------------------------------------------------
# broken files, huge articles, dying workers: an error or a warning, never a short result


def test_truncated_parquet_file_is_an_error(tmp_path, example, lexicon):
    (path,) = write(example, tmp_path / "one", "parquet")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FramingError, match=r"part-0\.parquet.*not a readable Parquet file"):
        stream(path, lexicon)
    # among good files too: a broken file is an error, not a file set aside
    good = write(example.iloc[:10], tmp_path / "two", "parquet")[0]
    good.rename(tmp_path / "two" / "good.parquet")
    (tmp_path / "two" / "bad.parquet").write_bytes(data[: len(data) // 2])
    with pytest.raises(FramingError, match=r"^bad\.parquet: unreadable file: not a readable"):
        stream(tmp_path / "two", lexicon)


@pytest.mark.parametrize("in_folder", [False, True])
def test_csv_with_a_bad_row_mid_way_is_an_error_naming_the_row(
    tmp_path, example, lexicon, in_folder
):
    few = example.iloc[:30]
    (path,) = write(few.iloc[:20], tmp_path, "csv")
    with open(path, "a", encoding="utf-8", newline="") as fh:  # a row with two fields too many
        fh.write(",".join(["bad"] * (few.shape[1] + 2)) + "\n")
        few.iloc[20:].to_csv(fh, index=False, header=False)
    hits_path = tmp_path / "hits.parquet"
    with pytest.raises(FramingError) as info:
        stream(tmp_path if in_folder else path, lexicon, chunk_size=8, hits_path=hits_path)
    message = str(info.value)
    assert message.startswith("part-0.csv: unreadable file: malformed CSV")
    assert "Expected" in message and "line" in message  # the parser names the line
    assert "after part-0.csv:17 was read" in message  # two chunks of 8 were read before
    assert not hits_path.exists() and not list(tmp_path.glob("*.partial"))


def test_a_very_long_article_is_counted_with_a_warning(tmp_path, lexicon):
    long_text = "The threat of a collapse grew. " + "Calm words about the weather. " * 400_000
    assert len(long_text) > 10_000_000
    articles = pd.DataFrame(
        {
            "id": ["short", "long"],
            "date": ["2024-01-01", "2024-02-01"],
            "text": ["A threat.", long_text],
        }
    )
    path = tmp_path / "news.jsonl"
    articles.to_json(path, orient="records", lines=True)
    with pytest.warns(
        FramingWarning, match=r"news\.jsonl:2 \(article 'long', 12\.0 million characters\)"
    ):
        got = stream(path, lexicon, clean=False, freq="Y")
    # counted in full: 2 + 6 + 5 x 400,000 tokens (by hand). The in-memory oracle must skip
    # sentence splitting here: NLTK's Punkt gives up on a text this long (regex time limit).
    assert got["n_tokens"].iloc[0] == 2 + 6 + 5 * 400_000
    articles = read_articles(path)
    expected = count_by_period(find_hits(articles, lexicon, sentences=False), articles, freq="Y")
    assert_same(got, expected)


KILLER = '''
import os, signal


def clean(text):
    """A cleaner that kills its worker process on a marked article."""
    if "KILL-THE-WORKER" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    return text
'''


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_worker_that_dies_is_an_error_naming_its_rows(tmp_path, example, lexicon, monkeypatch):
    (tmp_path / "framing_test_killer.py").write_text(KILLER)
    monkeypatch.syspath_prepend(str(tmp_path))
    import framing_test_killer

    few = example.iloc[:20].copy()
    few.loc[few.index[13], "text"] += " KILL-THE-WORKER"
    (path,) = write(few, tmp_path / "data", "csv")
    hits_path = tmp_path / "hits.parquet"
    with pytest.raises(FramingError, match=r"a worker process died") as info:
        count_corpus(
            path, lexicon, chunk_size=5, workers=2, clean=framing_test_killer.clean,
            hits_path=hits_path, progress=False,
        )  # fmt: skip
    assert "part-0.csv:12 to part-0.csv:16" in str(info.value)  # the 14th article's chunk
    assert not hits_path.exists() and not list(tmp_path.glob("*.partial"))


# --------------------------------------------------------------------------------------
# bad arguments


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"workers": 0}, r"workers=\.\.\.\): expected a positive whole number"),
        ({"workers": "2"}, r"expected a positive whole number of worker processes, got '2'"),
        ({"chunk_size": 0}, r"chunk_size: expected a positive whole number"),
        ({"freq": "fortnight"}, r"freq=\.\.\.\): 'fortnight' is not a valid choice"),
        ({"match": "fuzzy"}, r"match=\.\.\.\): 'fuzzy' is not a valid choice"),
        ({"level": "word"}, r"level=\.\.\.\): 'word' is not a valid choice"),
        ({"by": "nope"}, r"no column 'nope' to group by \(columns found: 'article_id'"),
        ({"by": 3}, r"by=\.\.\.\): expected column names"),
        ({"clean": "yes"}, r"clean=\.\.\.\): expected True, False or a cleaner"),
        ({"progress": "no"}, r"progress=\.\.\.\): expected True or False"),
        ({"hits_path": "no/such/dir/h.parquet"}, r"hits_path=\.\.\.\): no such folder"),
        ({"hits_path": 5}, r"hits_path=\.\.\.\): expected a file path"),
    ],
)
def test_bad_arguments_are_clear_errors(tmp_path, example, lexicon, options, message):
    (path,) = write(example.iloc[:3], tmp_path, "csv")
    with pytest.raises(FramingError, match=message):
        stream(path, lexicon, **options)


def test_bad_sources_and_lexicons_are_clear_errors(tmp_path, example, lexicon):
    (path,) = write(example.iloc[:3], tmp_path, "csv")
    with pytest.raises(FramingError, match=r"lexicon=\.\.\.\): expected a Lexicon or a dict"):
        stream(path, ["threat"])
    with pytest.raises(FramingError, match="you passed a pandas DataFrame"):
        stream(example, lexicon)
    (tmp_path / "a.json").write_text("[]")
    with pytest.raises(FramingError, match=r"cannot stream 'a\.json'"):
        stream(tmp_path / "a.json", lexicon)
    with pytest.raises(FramingError, match="no such file or folder"):
        stream(tmp_path / "missing.csv", lexicon)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "only.csv").write_text("id,date,text\nx,,\n")
    hits_path = tmp_path / "hits.parquet"
    with pytest.raises(FramingError, match=r"found no article to count .*all 1 records"):
        stream(tmp_path / "empty" / "only.csv", lexicon, hits_path=hits_path)
    assert not hits_path.exists() and not list(tmp_path.glob("*.partial"))


def test_a_bad_cleaner_is_an_error_naming_the_chunk(tmp_path, example, lexicon):
    (path,) = write(example.iloc[:6], tmp_path, "csv")
    with pytest.raises(
        FramingError, match=r"^chunk 1 \(part-0\.csv:2 to part-0\.csv:4\): .*returned int, not str"
    ):
        stream(path, lexicon, chunk_size=3, clean=len)


def test_progress_bar_shows_articles_and_megabytes(tmp_path, example, lexicon, capsys):
    (path,) = write(example.iloc[:20], tmp_path, "parquet")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        count_corpus(path, lexicon, chunk_size=10, workers=1, progress=True)
    err = capsys.readouterr().err
    assert re.search(r"count_corpus: 20(\.0)? articles \[.*MB of text, [\d.]+ MB/s\]", err)


def test_progress_false_prints_nothing(tmp_path, example, lexicon, capsys):
    (path,) = write(example.iloc[:5], tmp_path, "parquet")
    stream(path, lexicon, progress=False)
    assert capsys.readouterr() == ("", "")


# --------------------------------------------------------------------------------------
# the partial counts behind it (framing.aggregate)


@pytest.mark.parametrize("n_parts", [1, 2, 5])
@pytest.mark.parametrize("level", ["frame", "entry"])
def test_partials_of_any_split_add_up_to_count_by_period(example, lexicon, n_parts, level):
    articles = clean_articles(example)
    hits = find_hits(articles, lexicon, sentences=False)
    rng = np.random.default_rng(n_parts)
    label = rng.integers(0, n_parts, len(articles))
    parts = []
    for k in range(n_parts):
        sub = articles[label == k]
        parts.append(
            count_partials(hits[hits["article_id"].isin(sub["article_id"])], sub,
                           by="outlet", level=level)
        )  # fmt: skip
    total = combine_partials(parts[::-1])
    expected = count_by_period(hits, articles, by="outlet", level=level)
    assert_same(counts_from_partials(total), expected)
    assert int(total.denominators["n_articles"].sum()) == len(articles)
    assert int(total.numerators["n_hits"].sum()) == len(hits)


def test_partials_refuse_to_mix(example):
    articles = clean_articles(example.iloc[:10])
    hits = find_hits(articles, {"t": ["threat*"]})
    monthly = count_partials(hits, articles)
    with pytest.raises(FramingError, match="cannot add partial counts made with freq='Q'"):
        combine_partials([monthly, count_partials(hits, articles, freq="Q")])
    with pytest.raises(FramingError, match="expected a non-empty list of CountPartials"):
        combine_partials([])
    with pytest.raises(FramingError, match="counts_from_partials: expected CountPartials"):
        counts_from_partials(hits)
    assert isinstance(monthly + monthly, CountPartials)
    assert "10 articles" in repr(monthly)


# --------------------------------------------------------------------------------------
# the command line


@pytest.mark.slow
def test_cli_streams_with_the_same_counts(tmp_path, example, monkeypatch, capsys):
    from framing.cli import main

    (path,) = write(example.iloc[:30], tmp_path / "data", "jsonl")
    monkeypatch.chdir(tmp_path)
    assert main(["count", str(path), "--by", "outlet", "--out", "plain"]) == 0
    flags = ["--stream", "--workers", "1", "--chunk-size", "7", "--hits-out", "h.parquet"]
    assert main(["count", str(path), "--by", "outlet", "--out", "streamed", *flags]) == 0
    capsys.readouterr()
    assert (tmp_path / "plain" / "counts.csv").read_bytes() == (
        tmp_path / "streamed" / "counts.csv"
    ).read_bytes()
    assert len(pd.read_parquet(tmp_path / "h.parquet")) > 0


def test_cli_streams_large_inputs_by_itself(tmp_path, example, monkeypatch, capsys):
    import framing.cli as cli
    import framing.corpus as corpus

    (path,) = write(example.iloc[:10], tmp_path, "parquet")
    called = []
    real = corpus.count_corpus
    monkeypatch.setattr(corpus, "count_corpus", lambda *a, **k: called.append(k) or real(*a, **k))
    monkeypatch.setattr(cli, "_STREAM_MB", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert cli.main(["count", str(path), "--out", str(tmp_path / "out")]) == 0
    assert called and called[0]["workers"] is None and called[0]["chunk_size"] == 20_000
    capsys.readouterr()


def test_cli_reports_a_broken_file_in_one_line(tmp_path, example, capsys):
    from framing.cli import main

    (path,) = write(example.iloc[:10], tmp_path, "parquet")
    path.write_bytes(path.read_bytes()[:300])
    assert main(["count", str(path), "--stream", "--workers", "1", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: part-0.parquet: unreadable file") and "\n" == err[-1]
    assert "Traceback" not in err


# --------------------------------------------------------------------------------------
# Dask


def test_import_framing_does_not_import_dask():
    code = (
        "import sys, framing, framing.corpus; framing.corpus.count_corpus; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def dask_client():
    """A real local cluster: two worker processes of one thread."""
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",  # a free port: None still binds 8787
    )
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.mark.slow
def test_dask_teaching_corpus_equals_pandas(dask_client, example, lexicon):
    import dask.dataframe as dd

    expected_articles = clean_articles(example)
    expected = count_by_period(
        find_hits(expected_articles, lexicon), expected_articles, by=["outlet", "lang"]
    )
    ddf = dd.from_pandas(example, npartitions=4)
    got = count_dask(ddf, lexicon, by=["outlet", "lang"], client=dask_client)
    assert_same(got, expected)
    # count_corpus hands a Dask DataFrame to count_dask, on the current client
    assert_same(count_corpus(ddf, lexicon, by=["outlet", "lang"]), expected)


@pytest.mark.slow
@pytest.mark.shared_data
def test_dask_real_press_releases_equal_pandas(dask_client, news_dir, lexicon):
    import dask.dataframe as dd

    articles = read_articles(news_dir / PRESS)
    ddf = dd.from_pandas(articles, npartitions=3)
    expected = in_memory(news_dir / PRESS, lexicon, freq="W", by="outlet", level="entry")
    got = count_dask(ddf, lexicon, freq="W", by="outlet", level="entry", client=dask_client)
    assert_same(got, expected)


@pytest.mark.slow
def test_dask_from_parquet_files(dask_client, tmp_path, example, lexicon):
    import dask.dataframe as dd

    parts = write(example, tmp_path, "parquet", n_files=3, seed=1)
    ddf = dd.read_parquet([str(p) for p in parts])
    assert_same(
        count_dask(ddf, lexicon, freq="Q", client=dask_client),
        in_memory(parts, lexicon, freq="Q"),
    )


@pytest.mark.slow
def test_dask_bad_input_is_a_clear_error(dask_client, example, lexicon, monkeypatch):
    import dask.dataframe as dd
    import distributed

    twice = pd.concat([example, example.iloc[:3]], ignore_index=True)
    with pytest.raises(FramingError, match=r"3 article_id values occur more than once"):
        count_dask(dd.from_pandas(twice, npartitions=3), lexicon, client=dask_client)
    undated = example.assign(date=example["date"].where(example.index != 5))
    with pytest.raises(FramingError, match=r"count_dask: 1 articles have no date"):
        count_dask(dd.from_pandas(undated, npartitions=3), lexicon, client=dask_client)
    with pytest.raises(FramingError, match=r"no column 'text'"):
        count_dask(dd.from_pandas(example.drop(columns="text"), npartitions=2), lexicon)
    with pytest.raises(FramingError, match=r"expected a Dask DataFrame"):
        count_dask(example, lexicon)
    with pytest.raises(FramingError, match=r"hits_path= is not available"):
        count_corpus(dd.from_pandas(example, npartitions=2), lexicon, hits_path="h.parquet")

    def no_client():
        raise ValueError("No global client found and no address provided")

    monkeypatch.setattr(distributed, "get_client", no_client)
    with pytest.raises(FramingError, match=r"no dask.distributed client .*Client\('tcp://"):
        count_dask(dd.from_pandas(example, npartitions=2), lexicon)


# --------------------------------------------------------------------------------------
# Parquet row groups read by the workers themselves


def _parquet_with_problems(folder):
    """Two Parquet files, row groups of 2 rows, with duplicates within and across files and
    pieces, and articles to set aside (no date, empty text)."""
    folder.mkdir()
    day = pd.Timestamp("2024-01-05")
    a = pd.DataFrame({
        "id": ["a1", "a2", "a3", "a4", "a5", "a1", "a6", "a7"],
        "date": [day, pd.NaT, day, day, day, day, day, day + pd.Timedelta(days=40)],
        "text": ["A threat.", "No date: a threat.", "Threats.", "   ", "Calm.",
                 "Duplicate threat.", "A threat again.", "Threats in February."],
        "outlet": ["L", "L", "H", "H", "L", "L", "H", "L"],
    })  # fmt: skip
    b = pd.DataFrame({
        "id": ["a2", "a3", "b1", "b2", "a7", "b3"],
        "date": [day, day, day, pd.NaT, day, day + pd.Timedelta(days=70)],
        "text": ["Now dated: a threat.", "Second copy of a3, threat.", "Threat b1.",
                 "No date.", "Copy of a7.", "March threat."],
        "outlet": ["H", "H", "L", "L", "H", "H"],
    })  # fmt: skip
    a.to_parquet(folder / "a.parquet", row_group_size=2)
    b.to_parquet(folder / "b.parquet", row_group_size=2)
    return folder


@pytest.mark.slow
def test_workers_reading_row_groups_set_aside_what_read_articles_sets_aside(tmp_path):
    folder = _parquet_with_problems(tmp_path / "news")
    lexicon = {"threat": ["threat*"]}
    assert pq.ParquetFile(folder / "a.parquet").num_row_groups == 4  # 7 pieces, 2 workers
    hits_path = tmp_path / "hits.parquet"
    with pytest.warns(FramingWarning, match=r"count_corpus: set aside 6 of 14 articles"):
        got = count_corpus(folder, lexicon, by="outlet", chunk_size=1, workers=2,
                           hits_path=hits_path, progress=False)  # fmt: skip
    with pytest.warns(FramingWarning, match="set aside 6 of 14"):
        expected = in_memory(folder, lexicon, by="outlet")
    assert_same(got, expected)
    report, oracle = fr.ingest_report(got), fr.ingest_report(read_articles_quietly(folder))
    pd.testing.assert_frame_equal(report.set_aside, oracle.set_aside)
    assert report.counts() == {"missing date": 2, "empty text": 1, "duplicate id": 3}
    # the first copy with a date is kept: a2 from b.parquet, a1/a3/a7 from a.parquet
    hits = pd.read_parquet(hits_path)
    assert "a2" in set(hits["article_id"]) and "Copy of a7" not in " ".join(hits["match"])
    articles = clean_articles(read_articles_quietly(folder))
    pd.testing.assert_frame_equal(
        hits, find_hits(articles, lexicon, sentences=False), check_dtype=False
    )


def test_row_groups_in_flight_are_bounded_by_twice_the_workers(tmp_path, example, lexicon,
                                                                monkeypatch):  # fmt: skip
    import concurrent.futures

    from framing.corpus import pieces

    (path,) = write(example.iloc[:80], tmp_path, "parquet")  # 5 row groups of 16
    read = []
    real = pieces.count_piece

    def spy(piece, job, seen=None):
        read.append(piece.row_groups)
        return real(piece, job, seen)

    monkeypatch.setattr(pieces, "count_piece", spy)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _LazyPool)
    _LazyPool.most = _LazyPool.in_flight = 0
    got = count_corpus(path, lexicon, chunk_size=5, workers=2, progress=False)
    assert read == [(0,), (1,), (2,), (3,), (4,)]  # each row group read once, by a worker
    assert _LazyPool.most == 4 and _LazyPool.in_flight == 0
    assert_same(got, in_memory(path, lexicon))


@pytest.mark.slow
def test_a_worker_that_dies_reading_row_groups_names_them(tmp_path, example, lexicon,
                                                          monkeypatch):  # fmt: skip
    (tmp_path / "framing_test_killer.py").write_text(KILLER)
    monkeypatch.syspath_prepend(str(tmp_path))
    import framing_test_killer

    many = example.iloc[:80].copy()
    many.loc[many.index[13], "text"] += " KILL-THE-WORKER"
    (path,) = write(many, tmp_path / "data", "parquet")  # 5 row groups of 16
    with pytest.raises(FramingError, match=r"a worker process died") as info:
        count_corpus(path, lexicon, chunk_size=5, workers=2, clean=framing_test_killer.clean,
                     progress=False)  # fmt: skip
    assert "part-0.parquet:1 to part-0.parquet:16" in str(info.value)  # the 14th's row group


def test_workers_none_counts_a_small_corpus_here_and_a_large_one_on_every_core(
    tmp_path, example, lexicon, monkeypatch
):
    import concurrent.futures

    from framing.corpus import count as corpus

    (path,) = write(example.iloc[:80], tmp_path, "parquet")  # 5 row groups
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    for per_worker in (corpus.AUTO_BYTES_PER_WORKER, corpus.AUTO_CLEAN_BYTES_PER_WORKER):
        assert corpus.auto_workers(path, None, per_worker) == 1  # a few kB: none pays off

    def no_pool(*args, **kwargs):
        raise AssertionError("no process pool should start for a small corpus")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert_same(count_corpus(path, lexicon, chunk_size=5, progress=False), in_memory(path, lexicon))
    # count_corpus cleans by default: the cleaning threshold applies
    monkeypatch.setattr(corpus, "AUTO_CLEAN_BYTES_PER_WORKER", path.stat().st_size // 2)
    assert corpus.auto_workers(path, None, corpus.AUTO_CLEAN_BYTES_PER_WORKER) == 3
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _LazyPool)
    _LazyPool.most = _LazyPool.in_flight = 0
    assert_same(count_corpus(path, lexicon, chunk_size=5, progress=False), in_memory(path, lexicon))
    assert _LazyPool.most == 5  # 3 workers, at most 2 row groups each: all 5 at once
    # without cleaning, counting alone: the same corpus is counted here
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert_same(
        count_corpus(path, lexicon, chunk_size=5, progress=False, clean=False),
        in_memory(path, lexicon, clean=False),
    )
    monkeypatch.setattr(corpus, "AUTO_BYTES_PER_WORKER", path.stat().st_size // 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _LazyPool)
    _LazyPool.most = _LazyPool.in_flight = 0
    assert_same(
        count_corpus(path, lexicon, chunk_size=5, progress=False, clean=False),
        in_memory(path, lexicon, clean=False),
    )
    assert _LazyPool.most == 5


# --------------------------------------------------------------------------------------
# worker processes are kept warm between calls

PID_SPY = '''
import os
from pathlib import Path

FOLDER = Path({folder!r})


def clean(text):
    """A cleaner that notes which process cleaned a text."""
    (FOLDER / str(os.getpid())).touch()
    return text
'''


@pytest.fixture
def pid_spy(tmp_path, monkeypatch):
    """A clean= function that notes the worker processes that ran; the folder of their pids."""
    folder = tmp_path / "pids"
    folder.mkdir()
    (tmp_path / "framing_test_pids.py").write_text(PID_SPY.format(folder=str(folder)))
    monkeypatch.syspath_prepend(str(tmp_path))
    import framing_test_pids

    def pids():
        found = {int(p.name) for p in folder.iterdir()}
        for p in folder.iterdir():
            p.unlink()
        return found

    yield framing_test_pids.clean, pids
    sys.modules.pop("framing_test_pids", None)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="process ids checked with os.kill")
def test_a_second_count_reuses_the_worker_processes_until_shut_down(tmp_path, example, lexicon,
                                                                    pid_spy):  # fmt: skip
    from framing.corpus import shutdown_workers

    clean, pids = pid_spy
    (path,) = write(example.iloc[:80], tmp_path / "data", "parquet")  # 5 row groups
    expected = in_memory(path, lexicon, clean=clean)
    pids()  # forget this process, which cleaned for the oracle
    first = count_corpus(path, lexicon, chunk_size=5, workers=2, clean=clean, progress=False)
    started = pids()
    again = count_corpus(path, lexicon, chunk_size=5, workers=2, clean=clean, progress=False)
    reused = pids()
    assert_same(first, expected)
    assert_same(again, expected)
    assert os.getpid() not in started and 1 <= len(started) <= 2
    assert reused <= started  # the same processes counted again: none was started
    assert all(_alive(p) for p in started)
    shutdown_workers()
    assert not any(_alive(p) for p in started)
    count_corpus(path, lexicon, chunk_size=5, workers=2, clean=clean, progress=False)
    assert not pids() & started  # new processes after a shutdown


@pytest.mark.slow
def test_workers_none_uses_the_workers_kept_from_an_earlier_call(tmp_path, example, lexicon,
                                                                  pid_spy, monkeypatch):  # fmt: skip
    """A small corpus is counted in this process (new workers take a second to start), but
    with idle workers kept from an earlier call, workers=None uses them."""
    from framing.corpus import shutdown_workers

    clean, pids = pid_spy
    (path,) = write(example.iloc[:80], tmp_path / "data", "parquet")  # 5 row groups
    expected = in_memory(path, lexicon, clean=clean)
    shutdown_workers()
    pids()
    assert_same(count_corpus(path, lexicon, chunk_size=5, clean=clean, progress=False), expected)
    assert pids() == {os.getpid()}  # no pool: counted here
    count_corpus(path, lexicon, chunk_size=5, workers=2, clean=clean, progress=False)
    started = pids()
    assert started and os.getpid() not in started
    assert_same(count_corpus(path, lexicon, chunk_size=5, clean=clean, progress=False), expected)
    reused = pids()
    assert reused and reused <= started  # the kept workers counted
    monkeypatch.setenv("FRAMING_TEST_SETTING", "changed")  # they would not see this
    assert_same(count_corpus(path, lexicon, chunk_size=5, clean=clean, progress=False), expected)
    assert pids() == {os.getpid()}
    shutdown_workers()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="process ids checked with os.kill")
def test_workers_are_not_reused_after_the_environment_changes_or_a_worker_dies(
    tmp_path, example, lexicon, pid_spy, monkeypatch
):
    clean, pids = pid_spy
    (path,) = write(example.iloc[:80], tmp_path / "data", "parquet")
    count_corpus(path, lexicon, chunk_size=5, workers=2, clean=clean, progress=False)
    before = pids()
    monkeypatch.setenv("FRAMING_TEST_SETTING", "changed")  # a spawned worker would see it
    count_corpus(path, lexicon, chunk_size=5, workers=2, clean=clean, progress=False)
    after = pids()
    assert before and after and not before & after
    for pid in after:
        os.kill(pid, 9)
    # The next count either meets the dead workers and says so, or starts a new pool when the
    # kept one already knows it is broken: which one depends on when the executor's own
    # thread notices the kill (a full suite run saw both). Never a count from dead workers.
    try:
        got = count_corpus(path, lexicon, chunk_size=5, workers=2, clean=clean, progress=False)
    except FramingError as exc:
        assert "a worker process died" in str(exc)
        got = count_corpus(path, lexicon, chunk_size=5, workers=2, clean=clean, progress=False)
    assert_same(got, in_memory(path, lexicon, clean=clean))
    assert not pids() & after


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="process ids checked with os.kill")
def test_idle_workers_stop_by_themselves(tmp_path, example, lexicon, pid_spy, monkeypatch):
    import time

    from framing.corpus.pool import WARM_POOL

    clean, pids = pid_spy
    monkeypatch.setattr(WARM_POOL, "idle_seconds", 0.5)
    (path,) = write(example.iloc[:80], tmp_path / "data", "parquet")
    count_corpus(path, lexicon, chunk_size=5, workers=2, clean=clean, progress=False)
    started = pids()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in started) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in started)


ORPHAN_SCRIPT = """
import sys, time
import pandas as pd
import framing
from framing.corpus.pool import WARM_POOL

if __name__ == "__main__":
    path = sys.argv[1]
    framing.count_corpus(path, {"threat": ["threat*"]}, workers=2, chunk_size=5, progress=False)
    print(" ".join(map(str, WARM_POOL.worker_pids())), flush=True)
    time.sleep(120)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kept_workers_exit_when_their_parent_is_killed(tmp_path, example):
    """A killed Jupyter kernel must not leave its idle worker processes behind."""
    import signal
    import time

    (path,) = write(example.iloc[:80], tmp_path / "data", "parquet")
    script = tmp_path / "parent.py"
    script.write_text(ORPHAN_SCRIPT)
    parent = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE,
                              text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))  # fmt: skip
    try:
        workers = [int(p) for p in parent.stdout.readline().split()]
        assert workers and all(_alive(p) for p in workers)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        parent.stdout.close()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)


INTERRUPTED_SCRIPT = """
import signal, sys, time
import framing
from framing.corpus.pool import WARM_POOL

# Python's own Ctrl-C handler, as in a terminal or a Jupyter kernel: a process inherits an
# ignored SIGINT from its parent (a CI runner may start the tests with SIGINT ignored)
signal.signal(signal.SIGINT, signal.default_int_handler)

if __name__ == "__main__":
    path = sys.argv[1]
    framing.count_corpus(path, {"threat": ["threat*"]}, workers=2, chunk_size=5, progress=False)
    try:  # before the pids are printed: the test interrupts as soon as it reads them
        print(" ".join(map(str, WARM_POOL.worker_pids())), flush=True)
        time.sleep(120)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT")
def test_an_interrupt_leaves_no_worker_tracebacks_and_no_workers(tmp_path, example):
    """Ctrl-C, or a Jupyter kernel's interrupt or stop, sends SIGINT to the whole process
    group: the kept workers must neither print KeyboardInterrupt tracebacks nor stay."""
    import signal
    import time

    (path,) = write(example.iloc[:80], tmp_path / "data", "parquet")
    script = tmp_path / "parent.py"
    script.write_text(INTERRUPTED_SCRIPT)
    parent = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, start_new_session=True,
                              env=dict(os.environ, PYTHONWARNINGS="ignore"))  # fmt: skip
    try:
        workers = [int(p) for p in parent.stdout.readline().split()]
        assert workers and all(_alive(p) for p in workers)
        os.killpg(parent.pid, signal.SIGINT)  # the group: the parent and its workers
        out, err = parent.communicate(timeout=180)  # a busy machine is slow to start Python
    finally:
        if parent.poll() is None:
            os.killpg(parent.pid, signal.SIGKILL)
            parent.communicate()
    assert out.strip() == "interrupted", f"exit {parent.returncode}; stderr:\n{err[-3000:]}"
    assert "KeyboardInterrupt" not in err and "Traceback" not in err, err
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)


UNGUARDED_SCRIPT = """
import sys
import framing

framing.count_corpus(sys.argv[1], {"threat": ["threat*"]}, workers=2, chunk_size=5, progress=False)
print("counted")
"""


UNGUARDED_VOICES_SCRIPT = """
import sys
import framing

articles = framing.read_articles(sys.argv[1])
framing.voices_in_workers(framing.find_hits(articles, {"threat": ["threat*"]}), articles, workers=2)
print("counted")
"""


@pytest.mark.slow
@pytest.mark.parametrize("call", ["count_corpus", "voices_in_workers"])
def test_a_script_without_the_main_guard_is_told_what_the_guard_is(tmp_path, example, call):
    """Spawned workers import the main script again: without the guard, they call
    count_corpus themselves, and used to be reported as killed or out of memory."""
    (path,) = write(example.iloc[:80], tmp_path / "data", "parquet")
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED_SCRIPT if call == "count_corpus" else UNGUARDED_VOICES_SCRIPT)
    done = subprocess.run([sys.executable, str(script), str(path)], capture_output=True,
                          text=True, timeout=120, env=dict(os.environ, PYTHONWARNINGS="ignore"))  # fmt: skip
    last = done.stderr.strip().splitlines()[-1]
    assert done.returncode == 1 and "counted" not in done.stdout
    assert last.startswith(f"framing._errors.FramingError: {call}: the worker processes")
    assert str(script) in last and 'under if __name__ == "__main__":' in last
    assert "out of memory" not in done.stderr and "freeze_support" not in done.stderr


def test_a_broad_glob_warns_once_per_count_not_once_per_chunk(tmp_path):
    # issue 14.12: the broad-glob warning repeated once per chunk
    text = "the alliance of armenia and all allies met again"  # 6 of 9 words match a*
    # each chunk of 1,000 rows a different share ("matched 67%", "70%", "73%")
    rows = "".join(
        f"a{i},2024-01-{i % 28 + 1:02d},{text}{' and' * (i // 1000)}\n" for i in range(3000)
    )
    path = tmp_path / "news.csv"
    path.write_text("id,date,text\n" + rows)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        counts = fr.count_corpus(path, {"f": ["a*"]}, workers=1, chunk_size=1000, progress=False)
    broad = [w for w in caught if "the glob 'a*' matched" in str(w.message)]
    assert len(broad) == 1
    assert counts["n_hits"].sum() == 3000 * 6 + 1000 * (1 + 2)


def test_a_pool_broken_while_jobs_are_handed_out_is_a_framing_error():
    # issue 14.12: a raw BrokenProcessPool escaped when a worker died during submission
    from concurrent.futures.process import BrokenProcessPool

    from framing.corpus.pool import in_order

    class Broken:
        def submit(self, *args):
            raise BrokenProcessPool("A child process terminated abruptly")

    with pytest.raises(FramingError, match="worker process died"):
        in_order(Broken(), [("k", print, ())], deque(), lambda: None, 2)
