"""The coding widget in a real browser: keys pressed in JupyterLab code passages on disk,
and a restarted kernel resumes the sheet.

What this proves beyond tests/test_coding_widget.py: the widget renders in JupyterLab 4,
keys pressed in the page with the mouse over the passage reach the kernel (through
ipyevents) and each answer is in the sheet on disk at once; typing a note codes nothing;
and after a kernel restart the same notebook shows the first passage without an answer.

A notebook that builds the widget on the teaching corpus is written into the root of a
JupyterLab server (the ``jupyterlab`` fixture of conftest.py; chromium and Playwright as
there: skips without them unless REQUIRE_BROWSER=1). Screenshots go to
$BROWSER_TEST_ARTIFACTS. The oracle for the sample is :func:`framing.sample_kwic` run here.
"""

from __future__ import annotations

import re
import time

import pandas as pd

SETUP = """\
import framing as fr
from framing.widgets.coding import code_kwic
articles = fr.clean_articles(fr.load_example())
hits = fr.find_hits(articles, fr.load_lexicon("security"))
coding = code_kwic(hits, articles, n=2, by="frame", seed=7, path="coding/threat-ann.csv",
                   coder="ann")
coding
"""
SHEET = "coding/threat-ann.csv"
CARD = ".fr-coding .fr-coding-card"
PROGRESS = ".fr-coding .fr-coding-progress"
STDERR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


def write_notebook(folder) -> str:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell(SETUP)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}  # fmt: skip
    nbformat.write(nb, folder / "coding.ipynb")
    return "coding.ipynb"


def expected_sample() -> pd.DataFrame:
    """The passages the notebook's widget shows, drawn here the same way."""
    import framing as fr

    articles = fr.clean_articles(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    return fr.sample_kwic(hits, articles, n=2, by="frame", seed=7)


def read_sheet(path) -> pd.DataFrame | None:
    if not path.exists():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def wait_codes(page, path, codes: list, timeout_s: float = 60) -> pd.DataFrame:
    """Wait until the sheet on disk starts with ``codes`` (then the rest uncoded)."""
    deadline, sheet = time.monotonic() + timeout_s, None
    while time.monotonic() < deadline:
        check_no_errors(page)
        sheet = read_sheet(path)
        if sheet is not None:
            want = codes + [""] * (len(sheet) - len(codes))
            if sheet["code"].tolist() == want:
                return sheet
        time.sleep(0.2)
    seen = None if sheet is None else sheet["code"].tolist()
    raise AssertionError(f"the sheet never held {codes} (last seen {seen})")


def check_no_errors(page) -> None:
    for text in page.locator(STDERR).all_inner_texts():
        if "Traceback" in text or "Error" in text:
            raise AssertionError("notebook error:\n" + text)
    errors = page.locator(".fr-coding .fr-coding-error")
    if errors.count():
        raise AssertionError("coding widget error: " + errors.first.inner_text())
    assert "Error displaying widget" not in page.content()


def press_over_card(page, key: str) -> None:
    """Press a key with the mouse over the passage's card (where the widget listens)."""
    page.locator(CARD).hover()
    page.keyboard.press(key)


def test_keys_pressed_in_jupyterlab_code_the_sheet_and_a_restart_resumes(
    jupyterlab, page, artifacts
):
    from playwright.sync_api import expect

    name = write_notebook(jupyterlab.root)
    path = jupyterlab.root / SHEET
    sample = expected_sample()
    total = len(sample)
    assert total >= 6

    jupyterlab.open_and_run_all(page, name)
    expect(page.locator(CARD)).to_be_visible()
    expect(page.locator(PROGRESS)).to_contain_text(f"0 / {total} coded · passage 1")
    expect(page.locator(".fr-coding .fr-coding-passage mark")).to_have_text(sample["match"][0])
    expect(page.locator(".fr-coding .fr-coding-meta")).to_contain_text(sample["entry"][0])
    on_disk = read_sheet(path)
    assert on_disk[["article_id", "start", "end"]].to_numpy().tolist() == (
        sample[["article_id", "start", "end"]].astype(str).to_numpy().tolist()
    )
    page.locator(CARD).scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "coding-before.png", full_page=True)

    press_over_card(page, "y")
    wait_codes(page, path, ["relevant"])
    expect(page.locator(PROGRESS)).to_contain_text(f"1 / {total} coded · passage 2")

    # typing a note (the mouse over the note field, off the card) codes nothing ...
    note = page.locator(".fr-coding .fr-coding-note input")
    note.click()
    page.keyboard.type("a drill, not a threat: y n 1 0")
    time.sleep(1.0)
    assert read_sheet(path)["code"].tolist()[:2] == ["relevant", ""]
    # ... and is saved with the next answer
    press_over_card(page, "n")
    sheet = wait_codes(page, path, ["relevant", "not_relevant"])
    assert sheet["note"][1] == "a drill, not a threat: y n 1 0"

    press_over_card(page, "u")
    wait_codes(page, path, ["relevant", "not_relevant", "unsure"])
    press_over_card(page, "ArrowLeft")  # back to the third passage: change its answer
    expect(page.locator(PROGRESS)).to_contain_text(f"3 / {total} coded · passage 3")
    press_over_card(page, "1")
    wait_codes(page, path, ["relevant", "not_relevant", "relevant"])
    expect(page.locator(PROGRESS)).to_contain_text(f"3 / {total} coded · passage 4")
    page.screenshot(path=artifacts / "coding-keys.png", full_page=True)

    # the kernel restarts: the same notebook resumes at the fourth passage
    jupyterlab.open_and_run_all(page, name)
    expect(page.locator(PROGRESS)).to_contain_text(f"3 / {total} coded · passage 4")
    expect(page.locator(".fr-coding .fr-coding-passage mark")).to_have_text(sample["match"][3])
    press_over_card(page, "0")
    sheet = wait_codes(page, path, ["relevant", "not_relevant", "relevant", "not_relevant"])
    assert sheet["note"][1] == "a drill, not a threat: y n 1 0" and set(sheet["coder"]) == {"ann"}
    expect(page.locator(PROGRESS)).to_contain_text(f"4 / {total} coded")
    check_no_errors(page)
    page.locator(CARD).scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "coding-resumed.png", full_page=True)
    assert re.search(
        r"Keys, with the mouse over the passage", page.locator(".fr-coding").inner_text()
    )
