"""The explorer in a real browser: JupyterLab runs notebook 05, chromium changes every control;
and every tutorial opens in JupyterLab, with a screenshot of each.

What this proves beyond the headless tests: the explorer renders in JupyterLab 4 and a change
made in the page (a real ``<select>`` change, a slider moved with the keyboard, a term typed
in the query box, a button clicked) reaches the kernel, which redraws the chart (``<img>``),
the passages (HTML) and the status line the page then shows; and a real click on a point of
the chart (through ipyevents) shows that point's passages. Every control of the explorer is
driven, each with its visible effect checked and a screenshot of the explorer saved after it
(``explorer-<control>.png``): frames, granularity, measure, the passages' pager and period
chooser, a click on the chart, copies, voice, smoothing, interval bands, date range, the
query box (a term, a bad term, Add to frame, Remove), outlets, what the colours compare and
the export button.

* the ``jupyterlab`` fixture (conftest.py) starts JupyterLab on 127.0.0.1 (free port, random
  token) in a temporary folder, here holding a copy of
  ``notebooks/05-comparing-outlets.ipynb`` cut after the cell that shows the explorer (the
  later cells, bootstrap comparisons, are run by test_notebooks.py and would only keep the
  kernel busy here), with the hits' voices added before it (for the voice chooser); without
  that notebook, a minimal explorer notebook is written instead;
* Playwright for Python drives Debian's chromium (found on PATH, or $CHROMIUM; never
  ``playwright install``);
* screenshots and the server log go to $BROWSER_TEST_ARTIFACTS (default ./browser-artifacts).

Skips when chromium, Playwright or JupyterLab is missing, unless REQUIRE_BROWSER=1 (CI), in
which case it fails (the browser fixtures of conftest.py). Follows
/work/shared/recipes/browser_test_example.py.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from functools import partial
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "05-comparing-outlets.ipynb"
try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover (the fixtures skip first)
    expect = None
try:
    import nbformat
except ImportError:  # pragma: no cover (the fixtures skip first)
    nbformat = None


# --------------------------------------------------------------------------- the notebook
FALLBACK = """\
import framing as fr
from framing.widgets import explore
clean = fr.clean_articles(fr.load_example())
explorer = explore(clean, fr.load_lexicon("security"), freq="quarter", compare="outlets",
                   frames=["threat", "suspension"])
explorer
"""


def write_notebook(folder: Path) -> str:
    """Copy notebook 05 up to the cell that shows the explorer (or write a minimal one)."""
    from nbformat.v4 import new_code_cell, new_notebook

    if NOTEBOOK.exists():
        nb = nbformat.read(NOTEBOOK, as_version=4)
        shown = [
            i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "explore(" in c.source
        ]
        if shown:
            nb.cells = nb.cells[: shown[0] + 1]
            # the voice chooser needs the hits' voices (the tutorial's hits have none)
            nb.cells.insert(shown[0], new_code_cell("hits = fr.add_voice(hits, clean)"))
            for cell in nb.cells:  # run from a clean slate
                if cell.cell_type == "code":
                    cell.outputs, cell.execution_count = [], None
            nbformat.write(nb, folder / NOTEBOOK.name)
            return NOTEBOOK.name
    nb = new_notebook(cells=[new_code_cell(FALLBACK)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}  # fmt: skip
    nbformat.write(nb, folder / "explorer.ipynb")
    return "explorer.ipynb"


# --------------------------------------------------------------------------- fixtures
# (artifacts, browser, page and jupyterlab: conftest.py)
@pytest.fixture(scope="module")
def lab(jupyterlab):
    """The server's address, its token, and the notebook written into its root."""
    return jupyterlab.base, jupyterlab.token, write_notebook(jupyterlab.root)


@pytest.fixture(scope="module")
def workdir(jupyterlab):
    return jupyterlab.root


# --------------------------------------------------------------------------- helpers
# A fingerprint of the chart's PNG (the <img> src is a new blob URL at every update, so the
# bytes are compared, not the URL); null while there is no image.
CHART = """async () => {
    const img = document.querySelector('.fr-explorer img.fr-chart');
    if (!img || !img.src || !img.complete || !img.naturalWidth) return null;
    const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
    let h = 0;
    for (const b of bytes) h = (Math.imul(h, 31) + b) | 0;
    return bytes.length + ':' + h; }"""
KWIC = "() => document.querySelector('.fr-explorer .fr-kwic')?.innerText ?? null"
HEADING = ".fr-explorer .fr-kwic-heading"
# Where the explorer's chart draws a point with hits (well apart from the others), as fractions
# of the image, from its counts table through the panel's data transform, and what the
# passages of that point should be.
A_POINT = """\
import json as _json
import numpy as _np
from matplotlib.dates import date2num as _date2num
_fig, _counts = explorer.figure, explorer.counts
_axes = {ax.get_title(loc="left") or None: ax for ax in _fig.axes}
_hue, _col = ("outlet", "frame") if explorer.compare.value == "outlets" else ("frame", "outlet")
_rows = []
for _row in _counts.to_dict("records"):
    _value = _row[explorer.measure.value]
    if _np.isfinite(_value):
        _ax = _axes[_row[_col]] if len(_axes) > 1 else next(iter(_axes.values()))
        _x, _y = _ax.transData.transform((_date2num(_row["period"]), _value))
        _rows.append((_x / _fig.bbox.width, 1 - _y / _fig.bbox.height, _row))
_size = _np.array([_fig.bbox.width, _fig.bbox.height])
def _apart(r):
    return all(_np.hypot(*((_np.array(r[:2]) - _np.array(o[:2])) * _size)) > 20
               for o in _rows if o is not r)
_x, _y, _row = max((r for r in _rows if _apart(r) and r[2]["n_hits"] > 0),
                   key=lambda r: r[2]["n_hits"])
_periods = {v: k for k, v in explorer.kwic_period.options}
print(_json.dumps({"fx": _x, "fy": _y, "frame": str(_row["frame"]),
                   "outlet": str(_row.get("outlet", "")), "n_hits": int(_row["n_hits"]),
                   "period": _periods[f"{_row['period']:%Y-%m-%d}"]}))
"""
# Tracebacks (and anything on stderr) of the notebook's cells.
STDERR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


def check_no_errors(page) -> None:
    for text in page.locator(STDERR).all_inner_texts():
        if "Traceback" in text or "Error" in text:
            raise AssertionError("notebook error:\n" + text)
    status_errors = page.locator(".fr-explorer .fr-status-error")
    if status_errors.count():
        raise AssertionError("explorer error: " + status_errors.first.inner_text())
    assert "Error displaying widget" not in page.content()


def wait_changed(page, read_js: str, old, settle_s: float = 0.6, timeout_s: float = 60):
    """Wait until ``read_js`` gives a value that differs from ``old`` and stopped changing."""
    deadline, last, since = time.monotonic() + timeout_s, None, time.monotonic()
    while time.monotonic() < deadline:
        check_no_errors(page)
        cur = page.evaluate(read_js)
        if cur != last:
            last, since = cur, time.monotonic()
        elif cur and cur != old and time.monotonic() - since >= settle_s:
            return cur
        time.sleep(0.15)
    raise AssertionError(f"never changed from {old!r} (last seen {last!r})")


def choose(page, hook: str, label: str) -> None:
    """Choose the option whose text starts with ``label`` in the <select> of a control."""
    select = page.locator(f".fr-explorer .{hook} select")
    texts = select.locator("option").all_inner_texts()
    plain = [t.replace("\xa0", " ") for t in texts]  # ipywidgets shows spaces as &nbsp;
    picked = [
        t for t, p in zip(texts, plain, strict=True) if p == label or p.startswith(label + " (")
    ]
    assert picked, f"no option {label!r} in .{hook}: {texts}"
    select.select_option(label=picked)


# --------------------------------------------------------------------------- the controls
def status_text(page) -> str:
    return page.locator(".fr-explorer .fr-status").inner_text()


def expect_status(page, text, kernel) -> None:
    """Wait for the status line to show ``text``; when it does not, say what the kernel holds."""
    try:
        expect(page.locator(".fr-explorer .fr-status")).to_contain_text(text)
    except AssertionError:
        held = kernel("print(explorer.messages, explorer.copies.value)")
        raise AssertionError(
            f"status line {status_text(page)!r} has no {text!r}; the kernel's messages: {held}"
        ) from None


def snap(page, artifacts, name: str) -> None:
    """A screenshot of the explorer after one control (a CI artifact)."""
    page.locator(".fr-explorer").screenshot(path=artifacts / f"explorer-{name}.png")


def set_slider(page, hook: str, key: str, readout) -> None:
    """Move a slider's (lower) handle with the keyboard; wait for its readout to show it."""
    page.locator(f".fr-explorer .{hook} .noUi-handle-lower, "
                 f".fr-explorer .{hook} .noUi-handle").first.press(key)  # fmt: skip
    expect(page.locator(f".fr-explorer .{hook} .widget-readout")).to_have_text(readout)


def options_of(page, hook: str) -> list[str]:
    texts = page.locator(f".fr-explorer .{hook} select option").all_inner_texts()
    return [t.replace("\xa0", " ") for t in texts]


def drive_the_choosers(page, artifacts, chart, kwic) -> str:
    """Frames, granularity, measure: each redraws the chart (and the passages)."""
    choose(page, "fr-series", "alliance")  # only 'alliance'
    chart_frames = wait_changed(page, CHART, chart)
    kwic_frames = wait_changed(page, KWIC, kwic)
    assert "alliance" in kwic_frames and kwic_frames != kwic
    assert page.locator(".fr-explorer .fr-kwic mark").count() > 0
    snap(page, artifacts, "frames")

    current = page.locator(".fr-explorer .fr-freq select").input_value()
    choose(page, "fr-freq", "month" if current != "month" else "quarter")
    chart_freq = wait_changed(page, CHART, chart_frames)
    expect(page.locator(".fr-explorer .fr-kwic-period select option").nth(1)).to_have_text(
        "2022-09" if current != "month" else "2022Q3"
    )
    snap(page, artifacts, "granularity")

    choose(page, "fr-measure", "hits")
    chart_measure = wait_changed(page, CHART, chart_freq)
    assert len({chart, chart_frames, chart_freq, chart_measure}) == 4
    snap(page, artifacts, "measure")
    check_no_errors(page)
    return chart_measure


def drive_the_passages(page, artifacts) -> None:
    """The pager and the period chooser of the passages."""
    label = page.locator(".fr-explorer .fr-kwic-page")
    expect(label).to_have_text(re.compile(r"^1–10 of \d+$"))
    total = int(label.inner_text().rsplit(" ", 1)[1])
    assert total > 20
    first = page.evaluate(KWIC)
    page.locator(".fr-explorer .fr-kwic-next").click()
    expect(label).to_have_text(f"11–20 of {total}")
    assert wait_changed(page, KWIC, first) != first
    page.locator(".fr-explorer .fr-kwic-prev").click()
    expect(label).to_have_text(f"1–10 of {total}")
    snap(page, artifacts, "pages")
    period = options_of(page, "fr-kwic-period")[1]
    choose(page, "fr-kwic-period", period)
    expect(page.locator(HEADING)).to_have_text(f"Passages of {period}")
    expect(label).not_to_have_text(f"1–10 of {total}")
    choose(page, "fr-kwic-period", "all periods")
    expect(label).to_have_text(f"1–10 of {total}")


def click_a_point(page, artifacts, kernel) -> None:
    """A click on a point of the chart shows that point's passages; away from it, a note."""
    point = json.loads(kernel(A_POINT))
    image = page.locator(".fr-explorer img.fr-chart")
    image.scroll_into_view_if_needed()
    box = image.bounding_box()
    before = page.evaluate(KWIC)
    clicked = time.monotonic()
    image.click(position={"x": point["fx"] * box["width"], "y": point["fy"] * box["height"]})
    expect(page.locator(HEADING)).to_have_text(
        f"Passages of {point['frame']}, {point['outlet']}, {point['period']}"
    )
    kwic_point = wait_changed(page, KWIC, before)
    print(f"browser test: the passages of the point clicked in {time.monotonic() - clicked:.1f} s")
    expect(page.locator(".fr-explorer .fr-kwic-page")).to_have_text(
        re.compile(rf"of {point['n_hits']}$")
    )
    assert point["outlet"] in kwic_point and point["frame"] in kwic_point
    dates = re.findall(r"\b\d{4}-\d{2}-\d{2}\b", kwic_point)
    if re.fullmatch(r"\d{4}-\d{2}", point["period"]):  # months: the dates are in that month
        assert dates and all(d.startswith(point["period"]) for d in dates), (point, dates)
    check_no_errors(page)
    page.locator(HEADING).scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "explorer-click.png", full_page=True)
    # a click away from every point says so
    image.click(position={"x": 3, "y": 3})
    expect_status(page, "No point of the chart there", kernel)
    for hook in ("fr-kwic-period", "fr-kwic-outlet", "fr-kwic-frame"):  # all the passages again
        choose(page, hook, "all periods" if hook == "fr-kwic-period" else "all chosen")


def drive_the_settings(page, artifacts, chart, kernel) -> str:
    """Copies, voice, smoothing, interval bands, date range: each redraws the chart."""
    choose(page, "fr-copies", "each story once")
    chart_copies = wait_changed(page, CHART, chart)
    expect_status(
        page,
        re.compile(
            r"Copies \(found by fr.find_copies with its defaults\): \d+ copies of \d+ "
            r"stories .* left out, with their [\d,]+ tokens"
        ),
        kernel,
    )
    snap(page, artifacts, "copies")

    choose(page, "fr-voice", "the outlet's own (narrative)")
    chart_voice = wait_changed(page, CHART, chart_copies)
    kwic = wait_changed(page, KWIC, None)
    assert "outlet's own words" in kwic and "quote:" not in kwic
    snap(page, artifacts, "voice")

    set_slider(page, "fr-smooth", "PageUp", "5")  # +5 periods in one key press
    chart_smooth = wait_changed(page, CHART, chart_voice)
    snap(page, artifacts, "smoothing")

    page.locator(".fr-explorer .fr-intervals input[type=checkbox]").click()
    expect(page.locator(".fr-explorer .fr-intervals input[type=checkbox]")).not_to_be_checked()
    chart_bands = wait_changed(page, CHART, chart_smooth)
    snap(page, artifacts, "intervals")

    set_slider(page, "fr-dates", "PageUp", re.compile(r"^Feb 2023\s*[–-]\s*Jun 2024$"))
    chart_dates = wait_changed(page, CHART, chart_bands)
    dates = re.findall(r"\b\d{4}-\d{2}-\d{2}\b", wait_changed(page, KWIC, None))
    assert dates and min(dates) >= "2023-02-01", dates
    snap(page, artifacts, "dates")
    assert len({chart, chart_copies, chart_voice, chart_smooth, chart_bands, chart_dates}) == 6
    check_no_errors(page)
    return chart_dates


def drive_the_query_box(page, artifacts, chart, kernel) -> str:
    """A term typed in draws its curve; a bad one says why; Add to frame; Remove."""
    box = page.locator(".fr-explorer .fr-query input")
    box.fill("security guarantee*")
    box.press("Enter")
    expect_status(
        page, re.compile(r'Query "security guarantee\*": [\d,]+ hits in the corpus'), kernel
    )
    assert any(o.startswith('"security guarantee*" (') for o in options_of(page, "fr-series"))
    chart_query = wait_changed(page, CHART, chart)
    expect(box).to_have_value("")
    snap(page, artifacts, "query")

    box.fill("threat|danger")  # not a word, glob or phrase: one line, no traceback
    box.press("Enter")
    expect(page.locator(".fr-explorer .fr-status-error")).to_have_text(
        re.compile(r"^query box: 'threat\|danger' is not a word, glob or phrase")
    )
    assert not any("Traceback" in t for t in page.locator(STDERR).all_inner_texts())
    snap(page, artifacts, "query-error")

    choose(page, "fr-query-frame", "threat")
    page.locator(".fr-explorer .fr-query-add").click()
    expect_status(
        page,
        re.compile(
            r"Added 'security guarantee\*' to frame 'threat': [\d,]+ hits before, "
            r"[\d,]+ now"
        ),
        kernel,
    )
    assert any(o.startswith("threat: security guarantee* (") for o in options_of(page, "fr-series"))
    snap(page, artifacts, "add-to-frame")

    page.locator(".fr-explorer .fr-query-remove").click()
    expect(page.locator(".fr-explorer .fr-queries select option")).to_have_count(0)
    chart_removed = wait_changed(page, CHART, chart_query)
    assert not any(o.startswith('"security guarantee*"') for o in options_of(page, "fr-series"))
    check_no_errors(page)
    return chart_removed


def drive_outlets_compare_and_export(page, artifacts, workdir, chart, kernel) -> None:
    """One outlet, then outlets pooled; the export writes the chart on screen."""
    choose(page, "fr-outlets", "Yerevan Ledger")
    chart_outlet = wait_changed(page, CHART, chart)
    kwic = wait_changed(page, KWIC, None)
    for other in ("Eurasian Herald", "Diaspora Mirror", "Severny Kurier", "Transcontinental"):
        assert other not in kwic
    assert "Yerevan Ledger" in kwic
    snap(page, artifacts, "outlets")

    choose(page, "fr-compare", "frames, outlets pooled")
    chart_compare = wait_changed(page, CHART, chart_outlet)
    snap(page, artifacts, "compare")
    assert len({chart, chart_outlet, chart_compare}) == 3

    name = page.locator(".fr-explorer .fr-export-name input")
    name.fill("browser-export")
    name.press("Enter")
    page.locator(".fr-explorer .fr-export").click()
    expect_status(
        page,
        "Saved browser-export.png, browser-export.pdf, browser-export.csv in figures/.",
        kernel,
    )
    for ext in ("png", "pdf", "csv"):
        assert (workdir / "figures" / f"browser-export.{ext}").stat().st_size > 0
    snap(page, artifacts, "export")
    check_no_errors(page)


# --------------------------------------------------------------------------- the test
def test_every_control_of_the_explorer_in_jupyterlab(lab, jupyterlab, workdir, page, artifacts):
    """Each control of the explorer, changed in the page, has its visible effect."""
    _, _, name = lab
    started = time.monotonic()
    jupyterlab.open_and_run_all(page, name)
    kernel = partial(jupyterlab.in_kernel, page)
    explorer = page.locator(".fr-explorer")
    expect(explorer).to_be_visible()
    chart = wait_changed(page, CHART, None)
    kwic = wait_changed(page, KWIC, None)
    assert "…" in kwic or "No passages" in kwic
    explorer.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "explorer-before.png", full_page=True)

    chart = drive_the_choosers(page, artifacts, chart, kwic)
    drive_the_passages(page, artifacts)
    click_a_point(page, artifacts, kernel)
    chart = drive_the_settings(page, artifacts, chart, kernel)
    chart = drive_the_query_box(page, artifacts, chart, kernel)
    drive_outlets_compare_and_export(page, artifacts, workdir, chart, kernel)
    explorer.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "explorer-after.png", full_page=True)
    print(f"browser test: {time.monotonic() - started:.1f} s after JupyterLab was up")


def test_every_tutorial_opens_in_jupyterlab(lab, jupyterlab, workdir, page, artifacts):
    """Each tutorial (and its solutions) opens in JupyterLab and renders all its cells; a
    screenshot of each is saved as a CI artifact (they are run by test_notebooks.py)."""
    base, token, _ = lab
    folder = workdir / "tutorials"
    folder.mkdir(exist_ok=True)
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    paths += sorted((ROOT / "notebooks" / "solutions").glob("*.ipynb"))
    assert len(paths) >= 18
    for path in paths:
        shutil.copy(path, folder / path.name)
        n_cells = len(nbformat.read(path, as_version=4).cells)
        page.goto(f"{base}/lab/tree/tutorials/{path.name}?token={token}&reset")
        page.wait_for_function(
            """(n) => { const w = window.jupyterapp?.shell.currentWidget;
                       return w?.content?.widgets?.length === n
                           && document.querySelectorAll('.jp-Notebook .jp-Cell').length >= n; }""",
            arg=n_cells,
            polling=250,
        )
        first = page.locator(".jp-Notebook .jp-Cell").first
        expect(first).to_contain_text(nbformat.read(path, as_version=4).cells[0].source[:20])
        page.screenshot(path=artifacts / f"tutorial-{path.stem}.png")
        jupyterlab.shut_down_kernels()
