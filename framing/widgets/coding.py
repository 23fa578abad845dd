"""Coding passages in JupyterLab: one passage at a time, keyboard shortcuts, saved as given.

:func:`code_kwic` draws a stratified sample of hits (as :func:`framing.sample_kwic` does) and
shows it one passage at a time, large enough to read: the hit marked in its context, its
entry and frame, the article (id, date, outlet, title) and who speaks when the hits know it.
The coder answers with buttons or keys (:data:`KEYS`); every answer is written to the sheet
at once. The state is a :class:`framing.validation.CodingSession`: a restart resumes the sheet
where it stopped, and a sheet holding another coder's answers is refused.

The keys are read with the ``ipyevents`` package while the mouse is over the passage's card
(the note field sits outside the card, so that typing a note codes nothing). Without
ipyevents the buttons still work, and the widget says how to get the keys.
"""

from __future__ import annotations

import html
import re
import threading

import pandas as pd

from .._errors import FramingError, MissingDependencyError, require
from ..validation.scores import precision
from ..validation.session import CodingSession
from ..validation.sheets import CODES, read_coding
from .controls import tagged, widgets
from .voice import voice_meta

__all__ = ["code_kwic", "CodingWidget", "KEYS", "ACTIONS", "passage_html", "meta_html"]

#: key (as the browser names it, ``KeyboardEvent.key``) -> action
KEYS = {
    "1": "relevant", "y": "relevant", "r": "relevant",
    "0": "not_relevant", "n": "not_relevant",
    "u": "unsure", "?": "unsure",
    "b": "back", "ArrowLeft": "back",
    "s": "skip", "ArrowRight": "skip",
}  # fmt: skip
#: action -> (button label, CSS class name, tooltip)
ACTIONS = {
    "relevant": ("Relevant (y)", "code-relevant", "relevant (keys 1, y)"),
    "not_relevant": ("Not relevant (n)", "code-not-relevant", "not relevant (keys 0, n)"),
    "unsure": ("Unsure (u)", "code-unsure", "unsure (keys u, ?)"),
    "back": ("Back (b)", "code-back", "the previous passage (keys b, ←)"),
    "skip": ("Skip (s)", "code-skip", "the next passage, this one left as it is (keys s, →)"),
}
_ICONS = {"back": "arrow-left", "skip": "arrow-right"}
KEY_HELP = (
    "Keys, with the mouse over the passage: 1 or y relevant · 0 or n not relevant · u unsure "
    "· b or ← back · s or → skip. Type a note below first: it is saved with the answer."
)
NO_KEYS = (
    "The keyboard shortcuts need the package 'ipyevents' (pip install ipyevents); the "
    "buttons work without it."
)
_SPACES = re.compile(r"\s+")


def code_kwic(hits, articles, *, path, coder: str, n: int = 20, by="entry", seed=0,
              window: int = 8) -> CodingWidget:  # fmt: skip
    """Code a stratified sample of KWIC passages in JupyterLab, saving each answer as given.

    Shows one passage at a time with buttons and keyboard shortcuts (:data:`KEYS`): relevant
    (``1``/``y``), not relevant (``0``/``n``), unsure (``u``), back (``b``/``←``) and skip
    (``s``/``→``), a note field, and the progress ("12 / 96"). Each answer is written to
    ``path`` at once; calling ``code_kwic`` again with the same ``path`` and ``coder`` (after a
    restart) resumes at the first passage without an answer. Read the sheet back with
    :func:`framing.read_coding`.

    Parameters
    ----------
    hits, articles : DataFrame
        As for :func:`framing.sample_kwic` (used only when the sheet is new: a sheet that
        exists is resumed as it is).
    path : str or Path
        The coding sheet (CSV, the format of :func:`framing.sample_kwic` with a ``coder``
        column, so that it can also be finished in a spreadsheet program).
    coder : str
        Who codes. A sheet holding another coder's answers is never written to.
    n, by, seed, window
        The sample: ``n`` hits per stratum of ``by`` (``"entry"``, ``"frame"``, ...), drawn
        with ``seed``, with ``window`` words of context on each side.

    Returns
    -------
    CodingWidget
        The widget (display it, or leave it last in a cell); its ``session`` is the
        :class:`framing.validation.CodingSession` behind it.

    Raises
    ------
    FramingError
        When ``path`` holds another coder's answers, or is not a coding sheet, or the sample's
        arguments are wrong.

    Examples
    --------
    Two hits of "crisis" in one article, coded with the keys ``y`` and ``0``:

    >>> import tempfile, pathlib
    >>> arts = pd.DataFrame({"article_id": ["k1"], "text": ["Crisis talks; the crisis deepens."]})
    >>> hits = pd.DataFrame({"article_id": "k1", "frame": "crisis", "entry": "crisis",
    ...     "match": ["Crisis", "crisis"], "start": [0, 18], "end": [6, 24]})
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "threat-ann.csv"
    >>> coding = code_kwic(hits, arts, path=path, coder="ann")
    >>> coding.progress_text
    '0 / 2'
    >>> coding.press("y").press("0").session.sheet["code"].tolist()
    ['relevant', 'not_relevant']
    >>> coding.done
    True
    >>> code_kwic(hits, arts, path=path, coder="bob")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: ...threat-ann.csv: holds the answers of 'ann', which coder 'bob' must not overwrite. ...
    """
    session = CodingSession(hits, articles, path=path, coder=coder, n=n, by=by, seed=seed,
                            window=window)  # fmt: skip
    return CodingWidget(session, hits=hits)


class CodingWidget(widgets.VBox):
    """The coding widget: a :class:`~framing.validation.CodingSession` with buttons and keys.

    Parameters
    ----------
    session : framing.validation.CodingSession
        The sheet being coded; every answer goes through it (and so to its file).
    hits : DataFrame, optional
        The hits sampled; when given, the done message says how many more passages each
        entry needs for a precision interval of ±0.10 (:func:`framing.precision`).

    Attributes
    ----------
    session : framing.validation.CodingSession
        The state: the sheet, the position, the answers so far.
    card : ipywidgets.VBox
        The passage and its buttons (CSS class ``fr-coding-card``); keys pressed while the
        mouse is over it code the passage.
    buttons : dict
        Action (a key of :data:`ACTIONS`) -> its ``ipywidgets.Button``.
    note : ipywidgets.Text
        The note saved with the next answer (or when moving to another passage).
    progress, meta, passage, status : ipywidgets.HTML
        What the widget shows: "12 / 96", the passage's article and entry, the passage, and
        the last message (the done message, or what went wrong).
    key_events : ipyevents.Event or None
        The keyboard listener; None without ipyevents.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> arts = pd.DataFrame({"article_id": ["x", "y"], "text": ["No threat.", "Threats!"]})
    >>> hits = pd.DataFrame({"article_id": ["x", "y"], "frame": "threat", "entry": "threat*",
    ...     "match": ["threat", "Threats"], "start": [3, 0], "end": [9, 7]})
    >>> session = CodingSession(hits, arts, path=pathlib.Path(tempfile.mkdtemp()) / "a.csv",
    ...                         coder="ann")
    >>> coding = CodingWidget(session)
    >>> coding.buttons["relevant"].click()
    >>> coding.session.position, coding.progress_text
    (1, '1 / 2')
    >>> coding.handle_key({"event": "keydown", "key": "ArrowLeft"}).session.position
    0
    """

    def __init__(self, session: CodingSession, *, hits=None):
        self.session, self.hits = session, hits
        # JupyterLab may deliver a button's click and a key on two threads at once; answers
        # are taken one at a time so that none is lost or given twice.
        self._lock = threading.Lock()
        self.progress = tagged(widgets.HTML(), "coding-progress")
        self.meta = tagged(widgets.HTML(), "coding-meta")
        self.passage = tagged(widgets.HTML(layout=widgets.Layout(width="100%")), "coding-passage")
        self.buttons = {action: _button(action) for action in ACTIONS}
        for action, button in self.buttons.items():
            button.on_click(lambda _, action=action: self.act(action))
        self.card = tagged(
            widgets.VBox(
                [self.progress, self.meta, self.passage, widgets.HBox(list(self.buttons.values()))],
                layout=widgets.Layout(border="1px solid #bbb", padding="10px 14px", width="100%"),
            ),
            "coding-card",
        )
        self.note = tagged(
            widgets.Text(description="Note", placeholder="optional: why, saved with the answer",
                         layout=widgets.Layout(width="100%")),
            "coding-note",
        )  # fmt: skip
        self.help = tagged(widgets.HTML(), "coding-help")
        self.status = tagged(widgets.HTML(), "coding-status")
        self.key_events = self._listen()
        super().__init__([self.card, self.note, self.help, self.status],
                         layout=widgets.Layout(max_width="60em"))  # fmt: skip
        self.add_class("fr-coding")
        self.help.value = f'<div style="color:#555;font-size:90%">{html.escape(self._help())}</div>'
        self.show()

    def _listen(self):
        """Listen to the keys pressed over the card (None without ipyevents)."""
        try:
            events = require("ipyevents", purpose="the coding widget's keyboard shortcuts")
        except MissingDependencyError:  # optional: the buttons work without it
            return None
        listener = events.Event(
            source=self.card, watched_events=["keydown"], ignore_modifier_key_events=True
        )
        listener.on_dom_event(self.handle_key)
        return listener

    def _help(self) -> str:
        return KEY_HELP if self.key_events is not None else NO_KEYS

    # -- what it shows -------------------------------------------------------------------------

    @property
    def progress_text(self) -> str:
        """The passages with an answer out of all of them, e.g. ``"12 / 96"``."""
        return f"{self.session.n_done} / {len(self.session.sheet)}"

    @property
    def done(self) -> bool:
        """Whether every passage has an answer."""
        return self.session.done

    def show(self) -> None:
        """Show the session's current passage (or the done message past the last one)."""
        session = self.session
        row = session.current
        total = len(session.sheet)
        where = f" · passage {session.position + 1}" if row is not None else ""
        self.progress.value = (
            f'<div style="font-size:110%"><b>{self.progress_text}</b> coded{where}</div>'
        )
        for action in CODES:
            self.buttons[action].disabled = row is None
        self.buttons["back"].disabled = session.position == 0
        self.buttons["skip"].disabled = session.done and row is None
        if row is None:
            self._show_end(total)
            return
        given = row["code"]
        for action in CODES:
            self.buttons[action].button_style = "info" if action == given else ""
        self.meta.value = meta_html(row)
        self.passage.value = passage_html(row)
        self.note.value = str(row.get("note", "") or "")

    def _plan(self) -> str:
        """What the sample still needs: the entries whose interval is wider than ±0.10."""
        if self.hits is None:
            return ""
        try:
            table = precision(read_coding(self.session.sheet), hits=self.hits)
        except FramingError as exc:  # a plan is a hint: say why there is none, do not fail
            return f"<br>No sample plan: {html.escape(str(exc))}"
        short = table[table["n_needed"] > 0]
        if short.empty:
            return "<br>Every planned entry's precision interval is ±0.10 or narrower."
        named = ", ".join(
            f"{html.escape(str(e))} ({int(k)} more)"
            for e, k in zip(short["entry"], short["n_needed"], strict=True)
        )
        return (
            f"<br>For a precision interval of ±0.10, {len(short)} "
            f"{'entry needs' if len(short) == 1 else 'entries need'} more passages: {named}. "
            "Code a further sample to a new sheet (another seed)."
        )

    def _show_end(self, total: int) -> None:
        """Past the last passage: the done message, or how many passages still lack one."""
        session = self.session
        self.meta.value = ""
        self.note.value = ""
        path = html.escape(str(session.path))
        if session.done:
            self.passage.value = (
                f'<div class="fr-coding-done" style="font-size:130%;padding:0.5em 0">Done: all '
                f"{total} passages are coded and saved in <code>{path}</code>. Read them with "
                f"<code>fr.read_coding({html.escape(repr(str(session.path)))})</code>."
                f"{self._plan()}</div>"
            )
        else:
            left = total - session.n_done
            self.passage.value = (
                f'<div style="font-size:130%;padding:0.5em 0">{left} of {total} passages have no '
                "answer yet (skipped): Skip (s or →) goes to the first of them. The answers "
                f"so far are saved in <code>{path}</code>.</div>"
            )

    # -- what it does --------------------------------------------------------------------------

    def act(self, action: str) -> CodingWidget:
        """Do one of :data:`ACTIONS` (what a button or key does), save, and show the result.

        A :class:`~framing.FramingError` (e.g. the sheet cannot be written) is shown in the
        status line, not raised: the widget stays usable.
        """
        if action not in ACTIONS:
            raise FramingError(
                f"{action!r} is not an action of the coding widget",
                where="CodingWidget.act",
                fix=f"Use one of: {', '.join(ACTIONS)}.",
            )
        with self._lock:
            try:
                self._do(action)
            except FramingError as exc:
                self.status.value = (
                    f'<span class="fr-coding-error" style="color:#b00">'
                    f"{html.escape(str(exc))}</span>"
                )
                return self
            self.status.value = ""
            self.show()
        return self

    def _do(self, action: str) -> None:
        session = self.session
        if action in CODES:
            session.answer(action, note=self.note.value)
            return
        if session.current is not None and self.note.value != str(session.current["note"]):
            session.note(self.note.value)  # a note typed before moving on is kept
        if action == "back":
            session.back()
        else:
            session.forward()

    def press(self, key: str) -> CodingWidget:
        """Act as the key ``key`` does (:data:`KEYS`; other keys do nothing)."""
        return self.handle_key({"event": "keydown", "key": key})

    def handle_key(self, event: dict) -> CodingWidget:
        """Take a key event (the dict ``ipyevents`` sends) and do what its key does.

        Keys pressed with Ctrl, Alt or the Meta key are left alone (they are the notebook's),
        and so are the repeats of a key held down (one press, one answer).
        """
        if event.get("repeat") or any(event.get(m) for m in ("ctrlKey", "altKey", "metaKey")):
            return self
        action = KEYS.get(event.get("key", ""))
        if action is None:
            action = KEYS.get(str(event.get("key", "")).lower())
        return self if action is None else self.act(action)


def _button(action: str):
    label, name, tooltip = ACTIONS[action]
    return tagged(
        widgets.Button(description=label, tooltip=tooltip, icon=_ICONS.get(action, ""),
                       layout=widgets.Layout(width="auto", min_width="8em", height="36px")),
        name,
    )  # fmt: skip


def _text(value) -> str:
    """A cell of the sheet as text ("" for missing); whitespace runs as one space."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return _SPACES.sub(" ", str(value))


def passage_html(row) -> str:
    """A passage as large, readable HTML: the left context, the hit marked, the right context.

    Examples
    --------
    >>> shown = passage_html({"left": "a  real ", "match": "threat", "right": " <now>"})
    >>> re.findall(r"<mark[^>]*>(.*)</mark>", shown), re.sub("<[^>]+>", "", shown)
    (['threat'], '…a real threat &lt;now&gt;…')
    """
    left, match, right = (html.escape(_text(row.get(k, ""))) for k in ("left", "match", "right"))
    return (
        '<div class="fr-coding-passage-text" style="font-size:150%;line-height:1.6;'
        f'padding:0.4em 0;white-space:normal">…{left}'
        f'<mark style="font-weight:bold;background:#ffe066;padding:0 2px">{match}</mark>'
        f"{right}…</div>"
    )


def meta_html(row) -> str:
    """What a passage is: its entry and frame, then its article (id, date, outlet) and who
    speaks (voice, speaker, negation) when the sheet has them, then the article's title.

    Examples
    --------
    >>> row = {"entry": "threat*", "frame": "threat", "article_id": "a1",
    ...        "date": "2022-09-13", "outlet": "Ledger", "voice": "quote",
    ...        "speaker": "Lavrov", "negated": "False"}
    >>> print(meta_html(row))
    <div style="font-size:110%"><b>threat*</b> (frame threat)</div><div style="color:#555">a1 · 2022-09-13 · Ledger · quote: Lavrov</div>
    """
    entry, frame = html.escape(_text(row.get("entry"))), html.escape(_text(row.get("frame")))
    head = f"<b>{entry}</b> (frame {frame})" if entry else f"<b>{frame}</b>"
    article = [_text(row.get("article_id"))]
    date = _text(row.get("date"))
    if date:
        article.append(date[:10])
    if _text(row.get("outlet")):
        article.append(_text(row.get("outlet")))
    who = {
        "voice": _text(row.get("voice")) or None,
        "speaker": _text(row.get("speaker")),
        "negated": _text(row.get("negated")).lower() in ("true", "1"),
    }
    parts = [html.escape(a) for a in article] + voice_meta(who)
    title = html.escape(_text(row.get("title")))
    lines = [f'<div style="font-size:110%">{head}</div>',
             f'<div style="color:#555">{" · ".join(parts)}</div>']  # fmt: skip
    if title:
        lines.append(f'<div style="color:#555"><i>{title}</i></div>')
    return "".join(lines)
