"""count_corpus and count_dask with ``copies=``: the same counts as find_copies in memory.

The oracle is the in-memory path on the same files::

    articles = find_copies(clean_articles(read_articles(path)))
    count_by_period(find_hits(articles, lexicon), articles, copies=...)

on the teaching corpus (which has republished wire stories) and on real press releases
with planted edited copies and near-misses (bench/copies/labelled.py).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from bench.copies.labelled import labelled_corpus
from framing import FramingError, FramingWarning
from framing.aggregate import count_by_period
from framing.clean import clean_articles
from framing.copies import find_copies
from framing.copies.index import candidate_pairs
from framing.copies.shingles import shingle_hashes
from framing.copies.stories import pair_measures
from framing.corpus import copy_index, count_corpus, count_dask
from framing.corpus.arguments import check_job
from framing.corpus.copy_index import CopyIndex, sketch_chunk
from framing.ingest import read_articles
from framing.match import find_hits

RELEASES = "press_releases_kremlin_president_ua_2021-10_2022-06.csv"


def write(articles: pd.DataFrame, folder, *, n_files: int = 1, seed: int = 0):
    """The articles in ``n_files`` Parquet files, rows shuffled among them."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = articles.sample(frac=1, random_state=seed) if n_files > 1 else articles
    for i, part in enumerate(np.array_split(np.arange(len(rows)), n_files)):
        df = rows.iloc[part].reset_index(drop=True)
        df.attrs = {}
        df.to_parquet(folder / f"part-{i}.parquet", row_group_size=16)
    return folder


def in_memory(source, lexicon, copies, **kw):
    """The oracle, and the articles marked by find_copies."""
    articles = find_copies(clean_articles(read_articles(source)))
    return count_by_period(find_hits(articles, lexicon), articles, copies=copies, **kw), articles


def stream(source, lexicon, **kw):
    kw.setdefault("workers", 1)
    kw.setdefault("progress", False)
    return count_corpus(source, lexicon, **kw)


def assert_same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Equal counts; the copies summary says what the in-memory one says (and more)."""
    pd.testing.assert_frame_equal(got, expected)
    assert got.to_csv(index=False) == expected.to_csv(index=False)
    mine, theirs = got.attrs["provenance"]["copies"], expected.attrs["provenance"]["copies"]
    assert {k: mine[k] for k in theirs} == theirs
    if theirs["copies"] == "drop":
        assert mine["tokens_dropped"] > 0


@pytest.mark.parametrize("copies", ["drop", "origin"])
@pytest.mark.parametrize("chunk_size", [7, 1000])
def test_teaching_corpus_equals_find_copies_in_memory(tmp_path, example, lexicon, copies,
                                                      chunk_size):  # fmt: skip
    source = write(example, tmp_path, n_files=3)
    expected, articles = in_memory(source, lexicon, copies, by="outlet")
    assert (articles["copy_of"] != "").sum() >= 5  # the teaching corpus has wire copies
    got = stream(source, lexicon, by="outlet", copies=copies, chunk_size=chunk_size)
    assert_same(got, expected)
    # the copies changed the counts: a story counts once, or for the wire's outlet
    kept = count_by_period(find_hits(articles, lexicon), articles, by="outlet")
    assert not kept["n_hits"].equals(got["n_hits"]) or len(kept) != len(got)


def test_keep_is_todays_count_without_an_index(tmp_path, example, lexicon):
    source = write(example, tmp_path)
    got = stream(source, lexicon, copies="keep")
    assert "copies" not in got.attrs["provenance"]
    pd.testing.assert_frame_equal(got, stream(source, lexicon))


def test_drop_counts_each_story_once_by_hand(tmp_path, lexicon):
    """A wire story and two edited reprints: drop counts the wire's hits once, origin counts
    all three for the wire's outlet. Checked against a hand count."""
    wire = (
        "The security threat on the border grew, the ministry said on Monday, and troops "
        "were moved to the north after a week of shelling near the river crossing. "
    ) * 3
    arts = pd.DataFrame({
        "article_id": ["w", "r1", "r2", "x"],
        "date": pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]),
        "outlet": ["Wire", "Daily", "Post", "Post"],
        "text": [wire, "LOCAL — " + wire, wire.replace("Monday", "Tuesday"),
                 "A calm week in the capital: markets rose and the weather held, officials said."],
    })  # fmt: skip
    write(arts, tmp_path)
    threats = wire.lower().count("threat")
    drop = stream(tmp_path, {"threat": ["threat*"]}, by="outlet", copies="drop", clean=False)
    assert dict(zip(drop["outlet"], drop["n_hits"], strict=True)) == {"Post": 0, "Wire": threats}
    assert drop["n_articles"].sum() == 2
    origin = stream(tmp_path, {"threat": ["threat*"]}, by="outlet", copies="origin", clean=False)
    assert dict(zip(origin["outlet"], origin["n_hits"], strict=True)) == {
        "Post": 0,
        "Wire": 3 * threats,
    }
    summary = origin.attrs["provenance"]["copies"]
    assert (summary["n_copies"], summary["articles_moved"], summary["hits_moved"]) == (
        2,
        2,
        2 * threats,
    )


def test_reads_of_exact_comparison_give_the_same_counts(tmp_path, example, lexicon, monkeypatch):
    """A shingle budget smaller than what the comparison must keep: more reads, same counts."""
    source = write(example, tmp_path)
    whole = stream(source, lexicon, copies="drop", chunk_size=20)
    reads = []
    original = copy_index._StreamedRead.__init__

    def counted(self, *args):
        original(self, *args)
        reads.append(len(args[1]))

    monkeypatch.setattr(copy_index, "ROUND_SHINGLES", 1)
    monkeypatch.setattr(copy_index._StreamedRead, "__init__", counted)
    pd.testing.assert_frame_equal(stream(source, lexicon, copies="drop", chunk_size=20), whole)
    assert len(reads) >= 2 and reads[1] < reads[0]  # the deferred pairs, read again


def test_streamed_measures_equal_pair_measures_in_memory():
    """Pairs near and far apart in file order, kept or deferred: the same exact measures."""
    rng = np.random.default_rng(3)
    words = [f"w{k}" for k in range(40)]
    texts = [" ".join(rng.choice(words, size=int(rng.integers(3, 30)))) for _ in range(120)]
    pairs = np.array(sorted({tuple(sorted(rng.choice(120, 2, replace=False))) for _ in range(300)}))
    hashes, counts = shingle_hashes(texts)
    expected = pair_measures(hashes, counts, pairs)

    def read(rows, take):  # stretches of 7 articles in file order, as the chunks of a file
        for lo in range(0, 120, 7):
            part = rows[(rows >= lo) & (rows < lo + 7)]
            take(part, *shingle_hashes([texts[r] for r in part]))

    for budget in (10**9, 60, 1):
        got = copy_index.measure_streamed(pairs, read, budget=budget)
        for g, e in zip(got, expected, strict=True):
            np.testing.assert_array_equal(g, e)


def test_sharded_candidates_equal_the_whole_index(example):
    job = check_job({"x": ["x"]}, freq="M", by=None, level="frame", clean=True, match="exact",
                    want_hits=False, function="count_corpus")  # fmt: skip
    index = CopyIndex()
    for start in range(0, len(example), 40):
        index.add(sketch_chunk(example.iloc[start : start + 40], job))
    index.freeze()
    article = np.repeat(np.arange(index.n, dtype=np.int32), index.sizes)
    whole, _ = candidate_pairs(index.fingerprints, article)
    assert len(whole) >= 5
    np.testing.assert_array_equal(index.candidates(), whole)
    # the index keeps no text: a few hundred bytes an article at most
    assert index.nbytes() / index.n < 500


def test_two_workers_give_the_same_counts(tmp_path, example, lexicon):
    source = write(example, tmp_path, n_files=2)
    expected, _ = in_memory(source, lexicon, "drop", by="lang")
    assert_same(stream(source, lexicon, by="lang", copies="drop", chunk_size=30, workers=2),
                expected)  # fmt: skip


def test_a_bad_copies_argument_is_a_clear_error(tmp_path, example, lexicon):
    source = write(example.iloc[:5], tmp_path)
    with pytest.raises(FramingError, match=r"count_corpus\(copies=...\).*'keep', 'drop'"):
        stream(source, lexicon, copies="once")


def test_many_identical_pages_warn_rather_than_form_a_giant_story(tmp_path, lexicon):
    page = "This page could not be found. Please check the address or return to the home page."
    arts = pd.DataFrame({
        "article_id": [f"p{i}" for i in range(110)],
        "date": pd.Timestamp("2024-03-01"), "outlet": "Site", "text": page,
    })  # fmt: skip
    write(arts, tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = stream(tmp_path, lexicon, copies="drop", clean=False)
    found = [str(w.message) for w in caught if issubclass(w.category, FramingWarning)]
    assert any("count_corpus: 1 group(s) of more than 100" in m for m in found), found
    assert got["n_articles"].max() == 110
    assert got.attrs["provenance"]["copies"]["n_copies"] == 0


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize("copies", ["drop", "origin"])
def test_press_releases_with_planted_copies_equal_in_memory(tmp_path, news_dir, lexicon, copies):
    releases = pd.read_csv(news_dir / RELEASES, parse_dates=["date"])
    releases = releases.rename(columns={"id": "article_id"}).iloc[:1500]
    corpus = labelled_corpus(releases, n=80, n_near=20, seed=3)
    corpus = corpus.drop(columns=["truth", "edit", "labelled"])
    source = write(corpus, tmp_path, n_files=3, seed=1)
    expected, articles = in_memory(source, lexicon, copies, freq="W", by="outlet")
    assert (articles["copy_of"] != "").sum() >= 70
    assert_same(stream(source, lexicon, freq="W", by="outlet", copies=copies, chunk_size=200),
                expected)  # fmt: skip


@pytest.fixture(scope="module")
def dask_client():
    """An in-process cluster of one thread: the partitions run one after the other."""
    pytest.importorskip("distributed", reason="count_dask needs dask[distributed]")
    from distributed import Client

    with Client(processes=False, n_workers=1, threads_per_worker=1,
                dashboard_address=":0") as client:  # fmt: skip
        yield client


@pytest.mark.parametrize("copies", ["drop", "origin"])
def test_dask_equals_find_copies_in_memory(tmp_path, dask_client, example, lexicon, copies):
    import dask.dataframe as dd

    articles = find_copies(clean_articles(example))
    expected = count_by_period(find_hits(articles, lexicon), articles, by="outlet", copies=copies)
    ddf = dd.from_pandas(example, npartitions=4)
    got = count_dask(ddf, lexicon, by="outlet", copies=copies, client=dask_client)
    pd.testing.assert_frame_equal(got, expected)
    mine, theirs = got.attrs["provenance"]["copies"], expected.attrs["provenance"]["copies"]
    assert {k: mine[k] for k in theirs} == theirs


def test_dask_bad_copies_arguments_are_clear_errors(dask_client, example, lexicon):
    import dask.dataframe as dd

    ddf = dd.from_pandas(example.drop(columns="outlet"), npartitions=2)
    with pytest.raises(FramingError, match=r"count_dask\(copies=...\).*'keep', 'drop'"):
        count_dask(ddf, lexicon, copies="once", client=dask_client)
    with pytest.raises(FramingError, match=r"copies='origin'.*no 'outlet' column"):
        count_dask(ddf, lexicon, copies="origin", client=dask_client)


def test_hits_path_holds_the_hits_of_every_article_copies_too(tmp_path, example, lexicon):
    source = write(example, tmp_path / "in")
    counts = stream(source, lexicon, copies="drop", hits_path=tmp_path / "hits.parquet")
    written = pd.read_parquet(tmp_path / "hits.parquet")
    expected = find_hits(clean_articles(read_articles(source)), lexicon)
    assert len(written) == len(expected)
    assert (
        counts["n_hits"].sum()
        == len(written) - counts.attrs["provenance"]["copies"]["hits_dropped"]
    )


def test_a_corpus_that_changes_between_passes_is_an_error(tmp_path, example, lexicon,
                                                          monkeypatch):  # fmt: skip
    from framing.corpus import count as count_module

    source = write(example, tmp_path)
    reads = []
    real = count_module.iter_article_chunks

    def changing(*args, **kw):
        reads.append(1)
        for chunk in real(*args, **kw):
            yield chunk.iloc[1:] if len(reads) > 1 else chunk

    monkeypatch.setattr(count_module, "iter_article_chunks", changing)
    with pytest.raises(FramingError, match="corpus changed between two passes"):
        stream(source, lexicon, copies="drop", chunk_size=50)
