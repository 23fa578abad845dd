"""The coding widget (``framing.widgets.coding.code_kwic``) driven without a browser.

Its buttons are clicked (``Button.click()`` runs the same handlers a click in the page runs)
and key events are sent as ipyevents sends them; after each answer the sheet is read back
from disk with plain pandas (the oracle: what a restart would find), and a new widget on the
same file stands for a kernel restart.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

import framing as fr
from framing import FramingError
from framing.match import find_hits
from framing.validation import read_coding
from framing.widgets import coding
from framing.widgets.coding import code_kwic

TEXTS = [
    "Moscow said NATO expansion was a direct threat to Russia's security, officials added.",
    "Officials described the drill as a threat to regional security and stability.",
    "The security guarantees we asked for were ignored, he said on Tuesday.",
    "The threat of sanctions loomed; European security talks stalled in Geneva.",
]
LEXICON = {"threat": ["threat*", "security"]}


@pytest.fixture
def corpus():
    articles = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(len(TEXTS))],
        "date": pd.to_datetime("2022-01-10") + pd.to_timedelta(range(len(TEXTS)), "D"),
        "outlet": ["Kremlin", "TASS", "Kremlin", "Reuters"],
        "title": ["One", "Two", "Three", "Four"],
        "text": TEXTS,
    })  # fmt: skip
    return articles, find_hits(articles, LEXICON)


def on_disk(path) -> pd.DataFrame:
    """The sheet as a restart finds it (plain pandas, every cell a string)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def key(name: str, **modifiers) -> dict:
    """A key event as ipyevents sends it to the kernel."""
    return {"event": "keydown", "type": "keydown", "key": name, **modifiers}


def shown_text(widget) -> str:
    """The passage as the page shows it (tags out, entities back)."""
    return html.unescape(re.sub(r"<[^>]+>", "", widget.passage.value))


def test_each_answer_is_on_disk_as_soon_as_it_is_given(corpus, tmp_path):
    articles, hits = corpus
    path = tmp_path / "coding" / "threat-ann.csv"
    widget = code_kwic(hits, articles, path=path, coder="ann", n=3, seed=2)
    total = len(widget.session.sheet)
    assert total == 6 and len(on_disk(path)) == total  # 3 per entry, 2 entries
    assert widget.progress_text == f"0 / {total}" and f"0 / {total}" in widget.progress.value

    widget.buttons["relevant"].click()
    assert on_disk(path)["code"].tolist()[:2] == ["relevant", ""]
    widget.handle_key(key("0"))
    assert on_disk(path)["code"].tolist()[:3] == ["relevant", "not_relevant", ""]
    widget.note.value = "a drill, not a threat"
    widget.handle_key(key("u"))
    sheet = on_disk(path)
    assert sheet["code"].tolist()[:4] == ["relevant", "not_relevant", "unsure", ""]
    assert sheet["note"].tolist()[2] == "a drill, not a threat"
    assert set(sheet["coder"]) == {"ann"}
    assert widget.progress_text == f"3 / {total}" and widget.session.position == 3
    assert widget.note.value == ""  # the next passage has no note yet

    # back (b, then ←): the answer given is shown and can be changed
    widget.handle_key(key("b")).handle_key(key("ArrowLeft"))
    assert widget.session.position == 1
    assert widget.buttons["not_relevant"].button_style == "info"
    widget.handle_key(key("y"))
    assert on_disk(path)["code"].tolist()[:3] == ["relevant", "relevant", "unsure"]
    assert widget.session.position == 3  # on to the first passage without an answer
    assert read_coding(path, hits=hits, articles=articles)["code"].tolist() == [
        "relevant", "relevant", "unsure"
    ]  # fmt: skip


def test_keys_with_modifiers_and_other_keys_code_nothing(corpus, tmp_path):
    articles, hits = corpus
    path = tmp_path / "ann.csv"
    widget = code_kwic(hits, articles, path=path, coder="ann")
    before = path.read_bytes()
    ignored = [key("y", ctrlKey=True), key("1", metaKey=True), key("n", altKey=True),
               key("x"), key("Enter"), {}]  # fmt: skip
    for event in ignored:
        widget.handle_key(event)
    assert path.read_bytes() == before and widget.session.position == 0
    widget.press("Y")  # Caps Lock on
    assert on_disk(path)["code"].tolist()[:2] == ["relevant", ""]
    for _ in range(5):  # "n" held down: one answer
        widget.handle_key(key("n", repeat=True))
    assert on_disk(path)["code"].tolist()[:2] == ["relevant", ""]


# key -> what it does, as the help line and the issue say (the oracle, not KEYS itself)
EXPECTED_KEYS = {
    "1": "relevant", "y": "relevant", "0": "not_relevant", "n": "not_relevant",
    "u": "unsure", "b": "back", "ArrowLeft": "back", "s": "skip", "ArrowRight": "skip",
}  # fmt: skip
IN_HELP = ["1 or y relevant", "0 or n not relevant", "u unsure", "b or ← back", "s or → skip"]


@pytest.mark.parametrize("name", list(EXPECTED_KEYS))
def test_every_key_does_what_the_help_says(corpus, tmp_path, name):
    articles, hits = corpus
    path = tmp_path / "ann.csv"
    widget = code_kwic(hits, articles, path=path, coder="ann")
    widget.press("s")  # on the second passage, so that back has somewhere to go
    widget.press(name)
    codes, action = on_disk(path)["code"].tolist(), EXPECTED_KEYS[name]
    if action in ("relevant", "not_relevant", "unsure"):
        assert codes[1] == action and codes.count("") == len(codes) - 1
        assert widget.session.position == 2
    else:
        assert set(codes) == {""}
        assert widget.session.position == {"back": 0, "skip": 2}[action]
    assert all(part in coding.KEY_HELP for part in IN_HELP)


def test_a_restart_resumes_where_it_stopped(corpus, tmp_path):
    articles, hits = corpus
    path = tmp_path / "threat-ann.csv"
    widget = code_kwic(hits, articles, path=path, coder="ann", n=2, seed=5)
    for name in ("1", "0", "u"):
        widget.press(name)
    first_rows = widget.session.sheet
    del widget  # the kernel restarts: only the file remains

    # other hits, order and seed: the sheet on disk wins, nothing is drawn again
    again = code_kwic(hits.iloc[::-1], articles, path=path, coder="ann", n=9, seed=99)
    assert again.session.position == 3 and again.progress_text == "3 / 4"
    assert (again.session.sheet["article_id"] == first_rows["article_id"]).all()
    row = first_rows.iloc[3]
    assert row["match"] in shown_text(again)
    assert "passage 4" in again.progress.value
    again.press("n")
    assert again.done and on_disk(path)["code"].tolist() == [
        "relevant", "not_relevant", "unsure", "not_relevant"
    ]  # fmt: skip
    assert "Done: all 4 passages are coded" in again.passage.value
    assert str(path) in again.passage.value
    assert all(again.buttons[a].disabled for a in ("relevant", "not_relevant", "unsure"))


def test_another_coders_sheet_is_never_written(corpus, tmp_path):
    articles, hits = corpus
    path = tmp_path / "shared.csv"
    code_kwic(hits, articles, path=path, coder="ann").press("y")
    before = path.read_bytes()
    with pytest.raises(FramingError, match="'ann', which coder 'bob' must not overwrite") as err:
        code_kwic(hits, articles, path=path, coder="bob")
    assert str(path) in str(err.value) and "threat-bob.csv" in str(err.value)
    assert path.read_bytes() == before


def test_a_skipped_passage_is_offered_again_and_a_note_is_kept(corpus, tmp_path):
    articles, hits = corpus
    path = tmp_path / "ann.csv"
    widget = code_kwic(hits, articles, path=path, coder="ann", n=2, seed=1)
    widget.note.value = "come back to this one"
    widget.press("ArrowRight")  # skipped: no code, but the note is saved
    assert on_disk(path).loc[0, ["code", "note"]].tolist() == ["", "come back to this one"]
    for _ in range(3):
        widget.press("1")
    assert not widget.done and widget.session.current is None
    assert "1 of 4 passages have no answer yet" in widget.passage.value
    widget.press("s")
    assert widget.session.position == 0 and widget.note.value == "come back to this one"
    widget.press("0")
    assert widget.done and on_disk(path)["code"].tolist() == ["not_relevant"] + ["relevant"] * 3
    assert on_disk(path).loc[0, "note"] == "come back to this one"


def test_the_passage_shows_the_hit_in_its_context_and_who_speaks(tmp_path):
    articles = fr.clean_articles(fr.load_example())
    hits = fr.add_voice(fr.find_hits(articles, fr.load_lexicon("security")), articles)
    widget = code_kwic(hits, articles, path=tmp_path / "ann.csv", coder="ann", n=1, seed=3)
    sheet = widget.session.sheet
    texts = articles.set_index("article_id")["text"]
    for i in range(len(sheet)):
        row = sheet.iloc[i]
        text = texts[row["article_id"]]
        start, end = int(row["start"]), int(row["end"])
        assert text[start:end] == row["match"]  # the oracle: the article's own text
        assert f">{row['match']}</mark>" in widget.passage.value
        shown = shown_text(widget)
        # the context as in the article, whitespace runs shown as one space
        squash = lambda s: re.sub(r"\s+", " ", s)  # noqa: E731
        assert squash(text[start - len(row["left"]) : end + len(row["right"])]) in shown
        meta = widget.meta.value
        for value in (row["entry"], row["frame"], row["article_id"], row["outlet"]):
            assert str(value) in meta
        assert f"{pd.Timestamp(row['date']):%Y-%m-%d}" in meta
        assert f"<i>{html.escape(squash(row['title']))}</i>" in meta
        if row["voice"] == "quote" and row["speaker"]:
            assert f"quote: {row['speaker']}" in meta
        widget.press("u")
    assert widget.done
    quoted = sheet[(sheet["voice"] == "quote") & (sheet["speaker"] != "")]
    assert len(quoted), "the sample should hold a quoted speaker to check"


def test_without_ipyevents_the_buttons_still_work(corpus, tmp_path, monkeypatch):
    def missing(module, **kwargs):
        raise fr.MissingDependencyError("no " + module)

    monkeypatch.setattr(coding, "require", missing)
    articles, hits = corpus
    path = tmp_path / "ann.csv"
    widget = code_kwic(hits, articles, path=path, coder="ann")
    assert widget.key_events is None and "pip install ipyevents" in widget.help.value
    widget.buttons["not_relevant"].click()
    assert on_disk(path)["code"].tolist()[0] == "not_relevant"


def test_with_ipyevents_the_card_listens_to_keys(corpus, tmp_path):
    pytest.importorskip("ipyevents")
    articles, hits = corpus
    widget = code_kwic(hits, articles, path=tmp_path / "ann.csv", coder="ann")
    assert widget.key_events.source is widget.card
    assert widget.key_events.watched_events == ["keydown"]
    assert "1 or y relevant" in widget.help.value


def test_a_sheet_that_cannot_be_written_is_said_in_the_status_line(corpus, tmp_path, monkeypatch):
    articles, hits = corpus
    widget = code_kwic(hits, articles, path=tmp_path / "ann.csv", coder="ann")

    def disk_full(*args, **kwargs):
        raise FramingError("cannot be written (disk full)", where="ann.csv")

    monkeypatch.setattr("framing.validation.session.write_csv", disk_full)
    widget.note.value = "kept?"
    widget.press("y")
    assert "disk full" in widget.status.value and "fr-coding-error" in widget.status.value
    # not saved, so not given: the sheet in memory is the one on disk
    assert widget.session.sheet.loc[0, ["code", "note"]].tolist() == ["", ""]
    assert widget.session.position == 0 and widget.progress_text.startswith("0 / ")
    assert widget.note.value == "kept?"  # the note typed is still in its field
    monkeypatch.undo()
    widget.press("y")
    assert widget.status.value == "" and on_disk(tmp_path / "ann.csv")["code"][0] == "relevant"


def test_an_unknown_action_is_refused(corpus, tmp_path):
    articles, hits = corpus
    widget = code_kwic(hits, articles, path=tmp_path / "ann.csv", coder="ann")
    with pytest.raises(FramingError, match="'maybe' is not an action"):
        widget.act("maybe")


def test_keys_pressed_on_two_threads_at_once_each_answer_once(tmp_path):
    """JupyterLab may deliver two events on two threads; every press is one answer."""
    import threading

    articles = fr.load_example()
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    widget = fr.code_kwic(hits, articles, n=2, by="entry", seed=0, path=tmp_path / "a.csv",
                          coder="ann")  # fmt: skip
    presses = 12
    threads = [threading.Thread(target=widget.press, args=("y",)) for _ in range(presses)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert widget.session.n_done == presses
    assert fr.read_coding(tmp_path / "a.csv")["code"].eq("relevant").sum() == presses


def test_the_done_message_says_how_many_more_passages_each_entry_needs(tmp_path):
    """After the last answer, the widget gives framing.precision's sample plan."""
    articles = fr.load_example()
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    threat = hits[hits["frame"] == "threat"]
    widget = fr.code_kwic(threat, articles, n=2, by="entry", seed=0, path=tmp_path / "a.csv",
                          coder="ann")  # fmt: skip
    for i in range(len(widget.session.sheet)):
        widget.press("y" if i % 3 else "n")
    assert widget.done
    plan = fr.precision(fr.read_coding(tmp_path / "a.csv"), hits=threat)
    short = plan[plan["n_needed"] > 0]
    assert len(short) > 0  # two passages per entry are never enough for ±0.10
    message = html.unescape(widget.passage.value)
    assert f"{len(short)} entries need more passages" in message
    for entry, needed in zip(short["entry"], short["n_needed"], strict=True):
        assert f"{entry} ({needed} more)" in message
