"""save_figure and save_table: formats, provenance in metadata, byte-identical reruns."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from PIL import Image

import framing as fr
from framing import FramingError
from framing.export import restore_formulas, save_figure, save_table


def make_counts():
    arts = pd.DataFrame({
        "article_id": ["a", "b", "c"],
        "date": pd.to_datetime(["2024-01-05", "2024-02-10", "2024-03-15"]),
        "outlet": ["X", "X", "X"],
        "text": ["A threat.", "A crisis and a threat.", "Calm."],
    })  # fmt: skip
    lex = fr.Lexicon.from_dict({"threat": ["threat"], "crisis": ["crisis"]}, name="toy")
    hits = fr.find_hits(arts, lex)
    return fr.count_by_period(hits, arts, freq="M", by="outlet"), lex


def test_png_pdf_with_provenance_and_plotted_data(tmp_path):
    counts, lex = make_counts()
    ax = fr.plot_trends(counts)
    paths = fr.save_figure(ax, "trends", directory=tmp_path, provenance={"note": "test"})
    assert sorted(paths) == ["csv", "pdf", "png"]
    png = Image.open(paths["png"])
    assert png.info["dpi"][0] == pytest.approx(300, abs=1)
    prov = json.loads(png.text["Description"])
    assert prov["lexicon_hash"] == lex.hash and prov["note"] == "test"
    assert prov["freq"] == "M" and prov["framing_version"] == fr.__version__
    pdf = paths["pdf"].read_bytes()
    assert lex.hash.encode() in pdf and b"/CreationDate" not in pdf
    table = pd.read_csv(paths["csv"])
    assert table["n_hits"].sum() == counts["n_hits"].sum()


def test_outputs_are_byte_identical_on_rerun(tmp_path):
    def run(folder):
        counts, _ = make_counts()
        ax = fr.plot_trends(counts)
        paths = fr.save_figure(ax, "t", directory=folder, formats=["png", "pdf", "svg"])
        paths["table"] = fr.save_table(counts, "c", directory=folder)
        plt.close("all")
        return {k: p.read_bytes() for k, p in paths.items()}

    assert run(tmp_path / "one") == run(tmp_path / "two")


def test_save_table_writes_provenance(tmp_path):
    counts, lex = make_counts()
    path = fr.save_table(counts, "counts", directory=tmp_path)
    prov = json.loads((tmp_path / "counts.provenance.json").read_text())
    assert prov["lexicon_hash"] == lex.hash
    pd.testing.assert_frame_equal(
        pd.read_csv(path, parse_dates=["period"]), counts, check_dtype=False, check_exact=False
    )


@pytest.mark.parametrize("name", ["../escape", "a/b", "", "bad name"])
def test_bad_names(tmp_path, name):
    fig = plt.figure()
    with pytest.raises(fr.FramingError, match="not a plain file name"):
        fr.save_figure(fig, name, directory=tmp_path)


def test_bad_format_and_object(tmp_path):
    fig = plt.figure()
    with pytest.raises(fr.FramingError, match="formats.*'jpg' is not a valid choice"):
        fr.save_figure(fig, "x", directory=tmp_path, formats=["jpg"])
    with pytest.raises(fr.FramingError, match="expected a matplotlib Figure"):
        fr.save_figure("figure", "x", directory=tmp_path)


# --- issue 14.7 / 14.9 / 14.12: atomic writes, no formulas, plain names ------------------------


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_the_previous_table_whole(tmp_path, monkeypatch):
    old = pd.DataFrame({"a": [1, 2]})
    path = save_table(old, "counts", directory=tmp_path)
    before = path.read_bytes()

    def half_then_full(self, target, *args, **kwargs):
        Path(target).write_text("a\n1\n")  # cut off mid-table, then the disk is full
        _disk_full()

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_full)
    with pytest.raises(FramingError, match=r"counts.csv: cannot write the file \(No space left"):
        save_table(pd.DataFrame({"a": [3, 4, 5]}), "counts", directory=tmp_path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["counts.csv"]  # no partial file


def test_a_writer_that_fails_oddly_on_a_full_disk_is_named(tmp_path, monkeypatch):
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    first = save_figure(fig, "fig", directory=tmp_path, formats=["pdf"])["pdf"]
    before = first.read_bytes()

    def pdf_writer_error(*args, **kwargs):
        try:
            _disk_full()
        except OSError:
            raise AttributeError("'NoneType' object has no attribute 'write'")  # noqa: B904

    monkeypatch.setattr(fig, "savefig", pdf_writer_error)
    with pytest.raises(FramingError, match="fig.pdf: cannot write the file"):
        save_figure(fig, "fig", directory=tmp_path, formats=["pdf"])
    assert first.read_bytes() == before


def test_a_symlink_at_the_output_path_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "elsewhere.csv"
    victim.write_text("precious\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "counts.csv").symlink_to(victim)
    save_table(pd.DataFrame({"a": [1]}), "counts", directory=out)
    assert victim.read_text() == "precious\n"
    assert not (out / "counts.csv").is_symlink()
    assert (out / "counts.csv").read_text() == "a\n1\n"


def test_text_cells_cannot_run_as_spreadsheet_formulas(tmp_path):
    table = pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x","click")', "+7 495 123", "-2.5", "@Lavrov", "plain"],
            "rate": [-2.5, 1.0, 0.5, -0.25, 3.0],
        }
    )
    path = save_table(table, "coded", directory=tmp_path)
    back = pd.read_csv(path)
    assert back["text"].tolist() == [
        '\'=HYPERLINK("http://x","click")',
        "'+7 495 123",
        "-2.5",
        "'@Lavrov",
        "plain",
    ]
    assert back["rate"].tolist() == table["rate"].tolist()  # numbers stay numbers
    assert (
        restore_formulas(back.astype({"text": object}))["text"].tolist() == table["text"].tolist()
    )


@pytest.mark.parametrize("name", ["fig\n", "fig\r", "../fig", "a/b", ""])
def test_an_output_name_must_be_a_plain_file_name(tmp_path, name):
    fig, _ = plt.subplots()
    with pytest.raises(FramingError, match="is not a plain file name"):
        save_figure(fig, name, directory=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_saved_figures_and_tables_record_the_whole_provenance(tmp_path):
    """The corpus (content hash, files), the lexicon (name, version, hash), the code version,
    the cleaning, the band, the smoothing window and, for comparisons, the seed."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    pd.DataFrame({
        "id": ["a", "b"], "date": ["2024-01-05", "2024-04-10"], "outlet": ["X", "Y"],
        "text": ["YEREVAN (TCW) — A threat. Another threat.", "A crisis and a threat."],
    }).to_csv(folder / "one.csv", index=False)  # fmt: skip
    pd.DataFrame({"id": ["c"], "date": ["2024-07-15"], "outlet": ["X"], "text": ["Calm."]}).to_csv(
        folder / "two.csv", index=False
    )
    lexicon = fr.Lexicon.from_dict({"name": "toy", "version": "2.1", "frames": {
        "threat": ["threat"], "crisis": ["crisis"]}})  # fmt: skip
    articles = fr.clean_articles(fr.read_articles(folder))
    hits = fr.find_hits(articles, lexicon)
    counts = fr.rolling_counts(fr.count_by_period(hits, articles, freq="Q"), 3)
    paths = fr.save_figure(fr.plot_trends(counts), "trends", directory=tmp_path / "out")
    saved = fr.save_table(counts, "counts", directory=tmp_path / "out")
    from_png = json.loads(Image.open(paths["png"]).text["Description"])
    from_json = json.loads(saved.with_name("counts.provenance.json").read_text())
    for prov in (from_png, from_json):
        corpus = prov["corpus"]
        assert corpus["n_articles"] == 3 and len(corpus["hash"]) == 16
        assert [Path(p).name for p in corpus["inputs"]] == ["one.csv", "two.csv"]
        assert corpus["cleaning"][0]["cleaner"].startswith("make_cleaner(normalize_unicode")
        assert (prov["lexicon_name"], prov["lexicon_version"]) == ("toy", "2.1")
        assert prov["lexicon_hash"] == lexicon.hash
        assert prov["interval"] == "quasipoisson" and prov["smooth"] == "3 quarters"
        assert prov["framing_version"] == fr.__version__
    # the same texts give the same hash, another text another
    again = fr.clean_articles(fr.read_articles(folder))
    count = fr.count_by_period(fr.find_hits(again, lexicon), again)
    assert count.attrs["provenance"]["corpus"]["hash"] == from_json["corpus"]["hash"]
    other = again.assign(text=again["text"].str.replace("Calm", "Quiet"))
    count = fr.count_by_period(fr.find_hits(other, lexicon), other)
    assert count.attrs["provenance"]["corpus"]["hash"] != from_json["corpus"]["hash"]
    comparison = fr.compare(hits, articles, between="outlet", n_boot=20, seed=7)
    assert comparison.attrs["provenance"]["compare"]["seed"] == 7
    assert comparison.attrs["provenance"]["corpus"]["hash"] == from_json["corpus"]["hash"]


def test_the_corpus_hash_is_pandas_row_hash_summed_as_recorded_before():
    # a provenance hash recorded by an earlier version must name the same corpus: the hash
    # is pandas' row hash (its default, categorized path as the oracle) summed mod 2**64
    import numpy as np
    import pandas as pd

    from framing.provenance import corpus_hash

    articles = fr.load_example()
    odd = pd.DataFrame({"article_id": ["x", "y", "z"], "text": ["Same.", "Same.", None]})
    for table in (articles, articles.astype({"text": object, "article_id": object}), odd):
        rows = pd.util.hash_pandas_object(table[["article_id", "text"]], index=False)
        assert corpus_hash(table) == int(rows.to_numpy(dtype=np.uint64).sum(dtype=np.uint64))
