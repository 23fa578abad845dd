"""The explorer's query box: the curve of any word, glob or phrase typed in, and adding it to a frame.

As in the Ngram Viewer, a term typed in the box (``threat*``, ``security guarantee*``) and
drawn with Enter becomes a series of the chart, ``"threat*"`` in the frames chooser: its
hits are found with framing's own matcher (:func:`framing.find_hits` with a lexicon of one
entry, the same ``match=`` as the explorer's), so it is counted like every other series
(same periods, outlets, measure, bands, smoothing, voice and copies; its passages below the
chart). Several queries can be shown at once, and removed. "Add to frame" appends the
chosen query to a frame of the explorer's lexicon, making a new :class:`framing.Lexicon`
(``explorer.lexicon``; save it with :meth:`framing.Lexicon.to_yaml`), and recounts that frame.
"""

from __future__ import annotations

import html

import pandas as pd

from .._errors import FramingError
from ..lexicon import Entry, Lexicon
from ..match import find_hits
from ..voices import add_voice
from .controls import LABEL_STYLE, tagged, widgets

__all__ = [
    "QueryBox", "query_entry", "query_label", "query_hits", "lexicon_with", "frame_hits",
    "NO_QUERY_NOTE", "add_query", "remove_query", "add_query_to_frame",
]  # fmt: skip

#: why the query box is disabled
NO_QUERY_NOTE = (
    "Queries need the articles' text: pass explore(articles, lexicon) or "
    "explore(articles, hits=hits), not a counts table."
)


def query_entry(text: str) -> Entry:
    """The entry a query typed in the box stands for, checked as a lexicon entry is.

    Raises
    ------
    FramingError
        Naming the query and what to type instead.

    Examples
    --------
    >>> query_entry("  security guarantee* ").tokens
    ('security', 'guarantee*')
    >>> query_entry("threat|danger")
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: query box: 'threat|danger' is not a word, glob or phrase: it holds '|' (a regular expression?). Type one word (threat), glob (threat*, defen?e) or phrase (security guarantee*) at a time.
    """
    try:
        return Entry.from_pattern("query", text)
    except FramingError as exc:
        what = exc.what.replace("entry ", "", 1).replace(" in frame 'query'", "")
        if "looks like a regular expression" in what:
            held = what.split("(it holds ", 1)[1].rstrip(")")
            what = f"{text.strip()!r} is not a word, glob or phrase: it holds {held} (a regular expression?)"
        raise FramingError(
            what,
            where="query box",
            fix="Type one word (threat), glob (threat*, defen?e) or phrase (security "
            "guarantee*) at a time.",
        ) from None


def query_label(entry: Entry) -> str:
    """The series label of a query: the term in quotes.

    Examples
    --------
    >>> query_label(query_entry("threat*"))
    '"threat*"'
    """
    return f'"{entry.pattern}"'


def query_hits(source, entry: Entry, label: str) -> pd.DataFrame:
    """The hits of a query in the source's articles, their ``frame`` the query's label.

    Found by :func:`framing.find_hits` with a lexicon of this one entry and the explorer's
    ``match=``; with their voice when the explorer's hits have one.
    """
    lexicon = Lexicon.from_dict({label: [entry.pattern]}, name="query")
    hits = find_hits(source.articles, lexicon, match=source.match, sentences=False)
    return add_voice(hits, source.articles) if source.voices_known else hits


def lexicon_with(lexicon: Lexicon, frame: str, entry: Entry) -> Lexicon:
    """A new lexicon: ``lexicon`` with ``entry`` appended to ``frame`` (the old one unchanged).

    Examples
    --------
    >>> lex = Lexicon.from_dict({"threat": ["danger"], "calm": ["calm"]}, name="mini")
    >>> lexicon_with(lex, "threat", query_entry("threat*")).to_dict()
    {'threat': ['danger', 'threat*'], 'calm': ['calm']}
    >>> lex.to_dict()["threat"]
    ['danger']
    """
    if frame not in lexicon.frames:
        raise FramingError(
            f"no frame {frame!r} in lexicon {lexicon.name!r}",
            where="Add to frame",
            fix=f"Choose one of: {', '.join(map(repr, lexicon.frames))}.",
        )
    new = Entry.from_pattern(frame, entry.pattern)
    same = [e.pattern for e in lexicon.frames[frame] if e.tokens == new.tokens]
    if same:
        raise FramingError(
            f"frame {frame!r} already has the entry {same[0]!r}",
            where="Add to frame",
            fix="Choose another frame or another query.",
        )
    frames = {f: (*es, new) if f == frame else es for f, es in lexicon.frames.items()}
    return Lexicon(lexicon.name, frames, lexicon.meta, exclusions=lexicon.exclusions)


def frame_hits(source, lexicon: Lexicon, frame: str) -> pd.DataFrame:
    """The source's hits with ``frame``'s found again with ``lexicon`` (the others kept);
    their provenance names the new lexicon."""
    found = find_hits(source.articles, lexicon.select(frame), match=source.match, sentences=False)
    if source.voices_known:
        found = add_voice(found, source.articles)
    old = source.hits
    hits = pd.concat([old[old["frame"].astype(str) != frame], found], ignore_index=True)
    hits.attrs = {**old.attrs, "frames": list(lexicon.frame_names), "lexicon_hash": lexicon.hash,
                  "lexicon_name": lexicon.name}  # fmt: skip
    return hits


class QueryBox:
    """The query box's widgets: the term, the queries shown, and "Add to frame".

    Parameters
    ----------
    frames : list of str
        The frames of the explorer's lexicon (empty: "Add to frame" is disabled).
    enabled : bool
        False when the explorer has no texts to search (a counts table).

    Attributes
    ----------
    text : ipywidgets.Text
        The term; Enter (or the Draw button) draws its curve.
    draw, remove, add_to_frame : ipywidgets.Button
    shown : ipywidgets.Dropdown
        The queries on the chart (their labels); Remove and Add to frame act on the chosen one.
    frame : ipywidgets.Dropdown
        The frame "Add to frame" appends the query to.
    """

    def __init__(self, frames: list, *, enabled: bool):
        self.text = tagged(
            widgets.Text(
                placeholder="word, glob* or phrase; Enter draws it", description="Query",
                continuous_update=False, disabled=not enabled, style=LABEL_STYLE,
                layout=widgets.Layout(width="330px"),
            ),
            "query",
        )  # fmt: skip
        self.draw = _button("Draw", "Draw the curve of the term typed in", "query-draw")
        self.shown = tagged(
            widgets.Dropdown(
                options=[],
                description="Queries",
                style=LABEL_STYLE,
                layout=widgets.Layout(width="240px"),
            ),  # fmt: skip
            "queries",
        )
        self.remove = _button("Remove", "Remove the chosen query from the chart", "query-remove")
        self.frame = tagged(
            widgets.Dropdown(
                options=list(frames),
                description="to frame",
                style=LABEL_STYLE,
                layout=widgets.Layout(width="220px"),
            ),  # fmt: skip
            "query-frame",
        )
        self.add_to_frame = _button(
            "Add to frame", "Append the chosen query to the frame (a new lexicon)", "query-add"
        )
        self.draw.disabled = not enabled
        #: the entry of each query on the chart, by label
        self.entries: dict[str, Entry] = {}
        self.note = widgets.HTML(
            "" if enabled else f'<span style="font-size:85%;color:#555">'
            f"{html.escape(NO_QUERY_NOTE)}</span>"
        )  # fmt: skip
        self.refresh([], can_add=bool(frames))

    def row(self):
        """The widgets in one row (wrapping)."""
        return widgets.HBox(
            [self.text, self.draw, self.shown, self.remove, self.frame, self.add_to_frame,
             self.note],
            layout=widgets.Layout(flex_flow="row wrap"),
        )  # fmt: skip

    def refresh(self, labels: list, *, can_add: bool, chosen: str | None = None) -> None:
        """Show ``labels`` as the queries (``chosen`` chosen, else the last)."""
        if list(self.shown.options) != labels:
            self.shown.options = labels
        if labels:
            self.shown.value = chosen if chosen in labels else labels[-1]
        self.remove.disabled = not labels
        self.add_to_frame.disabled = self.frame.disabled = not (labels and can_add)


def add_query(source, box: QueryBox, text: str) -> str:
    """Find the hits of the term ``text`` and add it to ``source`` as a series; its label.

    Raises a :class:`FramingError` (shown in the status line) for a term that is not a
    word, glob or phrase, or that is on the chart already.
    """
    entry = query_entry(text)
    label = query_label(entry)
    if label in source.index:
        raise FramingError(
            f"{label} is on the chart already",
            where="query box",
            fix="Choose it in the frames chooser, or type another term.",
        )
    source.queries[label] = query_hits(source, entry, label)
    box.entries[label] = entry
    source.set_hits(source.hits, source.lexicon)
    return label


def remove_query(source, box: QueryBox, label: str) -> None:
    """Take the query ``label`` off the chart (and out of the source)."""
    source.queries.pop(label, None)
    box.entries.pop(label, None)
    source.set_hits(source.hits, source.lexicon)


def add_query_to_frame(source, box: QueryBox, label: str, frame: str) -> tuple[str, int, int]:
    """Append the query ``label`` to ``frame`` of the source's lexicon (a new Lexicon) and
    recount that frame; the term, and the frame's hits before and after."""
    if source.lexicon is None:
        raise FramingError(
            "the explorer has no lexicon to add the query to",
            where="Add to frame",
            fix="Pass the lexicon: explore(articles, lexicon) or explore(articles, lexicon, "
            "hits=hits).",
        )
    entry = box.entries[label]
    lexicon = lexicon_with(source.lexicon, frame, entry)
    before = len(source.index.get(frame, ()))
    source.set_hits(frame_hits(source, lexicon, frame), lexicon)
    return entry.pattern, before, len(source.index[frame])


def _button(description: str, tooltip: str, name: str):
    return tagged(
        widgets.Button(
            description=description, tooltip=tooltip, layout=widgets.Layout(width="auto")
        ),  # fmt: skip
        name,
    )
