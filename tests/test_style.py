"""The house style: what use_style and style_context set, figure sizes, the packaged file."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import framing as fr
from framing.plot import PALETTE
from framing.style import figsize, house_rc, palette, save_rc, style_context, style_path, use_style

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def restore_rc():
    with mpl.rc_context():
        yield


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("pdf.fonttype", 42),
        ("ps.fonttype", 42),
        ("svg.fonttype", "none"),
        ("savefig.dpi", 300),
        ("axes.spines.top", False),
        ("axes.spines.right", False),
        ("image.cmap", "cividis"),
    ],
)
def test_use_style_sets(restore_rc, key, value):
    use_style()
    assert mpl.rcParams[key] == value


def test_style_matches_framing_figures(restore_rc):
    use_style()
    colours = [c.lower() for c in mpl.rcParams["axes.prop_cycle"].by_key()["color"]]
    assert colours == [c.lower() for c in PALETTE]  # Okabe-Ito, in framing's order
    assert mpl.rcParams["font.sans-serif"][0] == "DejaVu Sans"
    for key, value in house_rc().items():
        assert mpl.rcParams[key] == value, key


def test_plots_draw_in_the_house_style_whatever_the_session_uses():
    counts = pd.DataFrame({"period": pd.to_datetime(["2024-01-01", "2024-02-01"]),
                           "frame": "threat", "n_hits": [3, 5]})  # fmt: skip
    with mpl.rc_context({"xtick.labelsize": 20, "axes.spines.top": True, "grid.alpha": 1.0}):
        ax = fr.plot_trends(counts, measure="n_hits", intervals=False, title="T")
    rc = house_rc()
    assert ax.xaxis.get_major_ticks()[0].label1.get_fontsize() == rc["xtick.labelsize"]
    assert ax.yaxis.label.get_fontsize() == rc["axes.labelsize"]
    assert ax.figure.get_suptitle() == "T"
    assert ax.figure._suptitle.get_fontsize() == rc["figure.titlesize"]
    assert not ax.spines["top"].get_visible()
    assert ax.yaxis.get_gridlines()[0].get_alpha() == rc["grid.alpha"]


def test_the_style_file_is_the_one_source():
    rc = mpl.rc_params_from_file(str(style_path()), use_default_template=False)
    assert house_rc() == dict(rc)
    assert PALETTE == palette() == tuple(rc["axes.prop_cycle"].by_key()["color"])
    assert fr.plot.WIDTHS == {"single": figsize("single")[0], "double": figsize("double")[0]}
    assert save_rc() == {
        k: v for k, v in rc.items() if k.split(".")[0] in ("savefig", "pdf", "ps", "svg")
    }
    house_rc()["pdf.fonttype"] = 3  # a copy: the style is not changed by its readers
    assert house_rc()["pdf.fonttype"] == 42


def test_style_context_restores_the_previous_style():
    before = mpl.rcParams["savefig.dpi"], mpl.rcParams["axes.spines.top"]
    with style_context():
        assert mpl.rcParams["savefig.dpi"] == 300
        assert mpl.rcParams["axes.spines.top"] is False
    assert (mpl.rcParams["savefig.dpi"], mpl.rcParams["axes.spines.top"]) == before


def test_plain_matplotlib_pdf_embeds_truetype_under_the_style(tmp_path):
    with style_context():
        fig, ax = plt.subplots(figsize=figsize("single"))
        ax.plot([1, 2], [3, 4], label="угроза / threat")
        ax.set_title("Armenia’s “collapse” frame")
        ax.legend()
        fig.savefig(tmp_path / "plain.pdf")  # not save_figure: the style alone is enough
    pdf = (tmp_path / "plain.pdf").read_bytes()
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf


@pytest.mark.parametrize(
    ("width", "aspect", "expected"),
    [
        ("single", None, (3.5, round(3.5 / 1.6180339887, 3))),
        ("double", None, (7.2, round(7.2 / 1.6180339887, 3))),
        ("double", 2, (7.2, 3.6)),
        ("single", 1, (3.5, 3.5)),
        ("single", 0.5, (3.5, 7.0)),
    ],
)
def test_figsize(width, aspect, expected):
    got = figsize(width) if aspect is None else figsize(width, aspect=aspect)
    assert got == pytest.approx(expected)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("poster",), {}, r"width.*'poster' is not a valid choice"),
        (("single",), {"aspect": 0}, "0 is not an aspect ratio"),
        (("single",), {"aspect": "wide"}, "'wide' is not an aspect ratio"),
    ],
)
def test_figsize_errors(args, kwargs, message):
    with pytest.raises(fr.FramingError, match=message):
        figsize(*args, **kwargs)


def test_style_file_is_package_data():
    path = style_path()
    assert path.is_file() and path.parent.name == "style" and path.parent.parent.name == "framing"
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["framing"]
    assert any(fnmatch.fnmatch("style/framing.mplstyle", p) for p in patterns)
    # and it is a valid style matplotlib reads without complaint
    assert mpl.rc_params_from_file(str(path), use_default_template=False)["pdf.fonttype"] == 42
