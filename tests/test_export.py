"""save_figure and save_table: formats, provenance in metadata, byte-identical reruns."""

from __future__ import annotations

import json

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from PIL import Image

import framing as fr


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
