"""count_corpus and count_dask with ``voice=`` and ``negated=``: the counts of the in-memory path.

The oracle is the in-memory path on the same files::

    articles = clean_articles(read_articles(path))
    hits = add_voice(find_hits(articles, lexicon), articles)
    count_by_period(hits, articles, voice=..., negated=..., by=...)

A researcher with a corpus too large for memory asks the same questions as one with a small
one: how often the outlets frame in their own words, over their own words; with negated hits
dropped or counted apart.
"""

from __future__ import annotations

import pandas as pd
import pytest

import framing as fr
from framing import FramingError
from framing.aggregate import count_by_period
from framing.clean import clean_articles
from framing.copies import find_copies
from framing.corpus import count_corpus, count_dask
from framing.ingest import read_articles
from framing.match import HITS_COLUMNS, find_hits
from framing.voices import add_voice

PRESS = "press_releases_kremlin_president_ua_2021-10_2022-06.csv"


def write(articles: pd.DataFrame, folder, fmt: str = "parquet"):
    folder.mkdir(parents=True, exist_ok=True)
    df = articles.reset_index(drop=True)
    df.attrs = {}
    path = folder / f"articles.{fmt}"
    if fmt == "parquet":
        df.to_parquet(path, row_group_size=16)
    else:
        df = df.assign(date=df["date"].dt.strftime("%Y-%m-%dT%H:%M:%S"))
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    return path


def in_memory(source, lexicon, *, copies=None, **options):
    """The oracle: read, clean, find hits, their voices, count."""
    articles = clean_articles(read_articles(source))
    if copies is not None:
        articles = find_copies(articles)
        options["copies"] = copies
    hits = add_voice(find_hits(articles, lexicon), articles)
    return count_by_period(hits, articles, **options)


def stream(source, lexicon, **options):
    options.setdefault("workers", 1)
    return count_corpus(source, lexicon, progress=False, **options)


def assert_same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected)
    assert got.to_csv(index=False) == expected.to_csv(index=False)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
@pytest.mark.parametrize("chunk_size", [1, 7, 1000])
def test_the_outlets_own_voice_counts_as_in_memory(tmp_path, example, lexicon, fmt, chunk_size):
    articles = {1: example.iloc[::8]}.get(chunk_size, example)
    path = write(articles, tmp_path, fmt)
    expected = in_memory(path, lexicon, by="outlet", voice="narrative")
    got = stream(path, lexicon, by="outlet", voice="narrative", chunk_size=chunk_size)
    assert_same(got, expected)
    # the narrative is a part of the whole: fewer hits, and fewer tokens, than all voices
    everything = stream(path, lexicon, by="outlet", chunk_size=chunk_size)
    assert 0 < got["n_hits"].sum() < everything["n_hits"].sum()
    assert 0 < got["n_tokens"].sum() < everything["n_tokens"].sum()


@pytest.mark.parametrize(
    "options",
    [
        {"by": ["outlet", "voice"], "negated": "apart"},
        {"voice": ["quote", "scare_quote"], "freq": "Q", "level": "entry"},
        {"negated": "drop", "by": "lang"},  # no voice: the hits' negation alone
        {"by": "voice", "freq": "Y", "negated": "drop"},
    ],
    ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()),
)
def test_every_voice_and_negation_option_counts_as_in_memory(tmp_path, example, lexicon, options):
    path = write(example.iloc[::2], tmp_path)
    expected = in_memory(path, lexicon, **options)
    assert_same(stream(path, lexicon, chunk_size=9, **options), expected)
    by = options.get("by", [])
    if "voice" in by:  # the voices' tokens add up to the articles'
        cells = expected.drop_duplicates(["period", *([by] if isinstance(by, str) else by)])
        articles = clean_articles(read_articles(path))
        assert cells["n_tokens"].sum() == fr.token_counts(articles)["n_tokens"].sum()


def test_negated_hits_dropped_are_the_ones_add_voice_marks(tmp_path, example, lexicon):
    path = write(example, tmp_path)
    articles = clean_articles(read_articles(path))
    hits = add_voice(find_hits(articles, lexicon), articles)
    kept = stream(path, lexicon, freq="Y")
    dropped = stream(path, lexicon, freq="Y", negated="drop")
    assert hits["negated"].sum() > 0
    assert kept["n_hits"].sum() - dropped["n_hits"].sum() == hits["negated"].sum()


def test_hits_path_has_the_voice_columns(tmp_path, example, lexicon):
    path = write(example.iloc[:40], tmp_path)
    hits_path = tmp_path / "hits.parquet"
    stream(path, lexicon, chunk_size=6, voice="narrative", hits_path=hits_path)
    articles = clean_articles(read_articles(path))
    expected = add_voice(find_hits(articles, lexicon, sentences=False), articles)
    written = pd.read_parquet(hits_path)
    assert list(written.columns) == [*HITS_COLUMNS, "voice", "speaker", "negated"]
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    assert set(written["voice"]) >= {"narrative", "quote"}


def test_copies_and_voices_together(tmp_path, example, lexicon):
    path = write(example, tmp_path)
    options = {"by": "outlet", "voice": "narrative", "negated": "drop"}
    expected = in_memory(path, lexicon, copies="drop", **options)
    got = stream(path, lexicon, chunk_size=20, copies="drop", **options)
    pd.testing.assert_frame_equal(got, expected)


@pytest.mark.slow
def test_two_workers_count_voices_as_in_memory(tmp_path, example, lexicon):
    path = write(example, tmp_path)
    options = {"by": ["outlet", "voice"], "negated": "apart"}
    got = count_corpus(path, lexicon, chunk_size=10, workers=2, progress=False, **options)
    assert_same(got, in_memory(path, lexicon, **options))


@pytest.mark.shared_data
def test_real_press_releases_by_voice_as_in_memory(news_dir, lexicon):
    path = news_dir / PRESS
    options = {"freq": "M", "by": ["outlet", "voice"], "negated": "apart"}
    expected = in_memory(path, lexicon, **options)
    assert_same(stream(path, lexicon, chunk_size=250, **options), expected)
    quoted = expected.loc[expected["voice"].eq("quote"), "n_hits"].sum()
    assert quoted > 0 and expected["n_hits"].sum() > 2 * quoted


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"voice": "journalist"}, r"count_corpus\(voice=\.\.\.\): 'journalist' is not a valid"),
        ({"voice": []}, r"count_corpus\(voice=\.\.\.\): no voice chosen"),
        ({"negated": "maybe"}, r"count_corpus\(negated=\.\.\.\): 'maybe' is not a valid"),
    ],
)
def test_bad_voice_arguments_are_clear_errors(tmp_path, example, lexicon, options, message):
    path = write(example.iloc[:3], tmp_path)
    with pytest.raises(FramingError, match=message):
        stream(path, lexicon, **options)


@pytest.mark.slow
def test_dask_counts_voices_as_in_memory(example, lexicon):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")

    articles = clean_articles(example)
    hits = add_voice(find_hits(articles, lexicon), articles)
    expected = count_by_period(hits, articles, by="voice", negated="drop")
    ddf = dd.from_pandas(example, npartitions=3)
    with distributed.Client(processes=False, n_workers=1, dashboard_address=":0") as client:
        got = count_dask(ddf, lexicon, by="voice", negated="drop", client=client)
    assert_same(got, expected)
    cells = got.drop_duplicates(["period", "voice"])
    assert cells["n_tokens"].sum() == fr.token_counts(articles)["n_tokens"].sum()


# --------------------------------------------------------------------------------------
# voices_in_workers: who speaks in a large table in memory, on every core
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_voices_in_workers_equal_the_stage_functions(news_dir, lexicon, workers):
    from framing.corpus import voices_in_workers
    from framing.voices import voice_spans, voice_token_totals

    articles = read_articles(news_dir / PRESS)
    hits = find_hits(articles, lexicon)
    hits = hits.iloc[::-1]  # any order of the hits: each keeps its own row and index
    seen = []
    voiced, totals, spans = voices_in_workers(
        hits, articles, workers=workers, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1] == (len(articles), len(articles)) and len(seen) == 4 * workers
    assert [d for d, _ in seen] == sorted({d for d, _ in seen})  # piece by piece, in order
    pd.testing.assert_frame_equal(voiced, add_voice(hits, articles))
    assert voiced.attrs == hits.attrs
    expected_spans = voice_spans(articles)
    pd.testing.assert_frame_equal(spans, expected_spans)
    pd.testing.assert_frame_equal(totals, voice_token_totals(articles, spans=expected_spans))
    assert set(voiced["voice"]) == {"narrative", "quote", "scare_quote", "reported"}


def test_voices_in_workers_with_no_hits_and_bad_arguments(example):
    from framing.corpus import voices_in_workers

    none = find_hits(example, {"x": ["zzzzqqq"]})
    voiced, totals, _ = voices_in_workers(none, example, workers=2)
    assert voiced.empty
    pd.testing.assert_frame_equal(voiced, add_voice(none, example))
    assert len(totals) == 4 * len(example)
    with pytest.raises(FramingError, match=r"voices_in_workers\(workers=\.\.\.\).*positive"):
        voices_in_workers(none, example, workers=0)
    stray = pd.DataFrame({"article_id": ["no such article"], "start": [0], "end": [3]})
    with pytest.raises(FramingError, match="voices_in_workers.*no such article"):
        voices_in_workers(stray, example, workers=2)
