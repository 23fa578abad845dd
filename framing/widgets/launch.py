"""How the explorer is started: :func:`explore`, the one function a notebook calls.

It takes the tables (articles and a lexicon, or hits, or a counts table) and the initial
choices, and returns an :class:`~framing.widgets.explorer.Explorer`.
"""

from __future__ import annotations

from .explorer import Explorer

__all__ = ["explore"]


def explore(
    articles=None, lexicon=None, *, hits=None, counts=None, freq: str = "month",
    measure: str = "per_1k_tokens", smooth: int = 0, intervals: bool = True,
    compare: str = "frames", frames=None, outlets=None, directory="figures",
    name: str = "explorer", window: int = 8, page_size: int = 10, match: str = "exact",
    dpi: int = 100, voice: str = "all", token_totals=None, copies: str = "keep",
) -> Explorer:  # fmt: skip
    """Explore frames over time in a notebook: a trend chart with controls and its passages.

    Shows a trend chart (drawn by :func:`framing.plot.plot_trends`) with controls for the
    frames and single lexicon entries, the outlets, the granularity, the measure, smoothing,
    the date range, interval bands, what the colours compare, whose words are counted
    (the outlet's own, quotes, reported speech: on hits with a ``voice`` column) and how
    wire copies count (every copy, each story once, or for the original's outlet); a query
    box that draws the curve of any word, glob or phrase typed in and can add it to a frame
    of the lexicon; a status line that says why nothing (or little) is drawn; the
    keyword-in-context passages behind the current choice (:func:`framing.contexts.kwic`,
    paged, the hit marked); and a button that writes the figure and its table through
    :func:`framing.save_figure`.

    The hits and the token totals are computed once; each change re-counts the chosen hits
    with :func:`framing.count_by_period`, so the chart's numbers are exactly that function's.

    Parameters
    ----------
    articles : DataFrame, optional
        The articles table (``article_id``, ``date``, ``outlet``, ``text``; ``title`` is shown
        with the passages), cleaned as you want it counted (:func:`framing.clean_articles`).
    lexicon : Lexicon, dict, str or path, optional
        The lexicon to find hits with: a :class:`framing.Lexicon`, a ``{frame: [entries]}``
        dict, a bundled lexicon's name (``"security"``) or a lexicon file.
    hits : DataFrame, optional
        Hits already found in ``articles`` (:func:`framing.find_hits`); then no lexicon is
        needed (if one is given, it orders the frames and lists entries without hits).
    counts : DataFrame, optional
        Instead of articles: a counts table (:func:`framing.count_by_period`), shown without
        re-counting; the granularity is fixed and there are no passages.
    freq : {"week", "month", "quarter", "year"}
        Initial granularity (``"W"``, ``"M"``, ``"Q"``, ``"Y"`` work too).
    measure : {"per_1k_tokens", "n_hits", "share_of_articles"}
        Initial measure.
    smooth : int
        Initial centred moving window, in periods (0 = off).
    intervals : bool
        Draw 95% interval bands.
    compare : {"frames", "outlets", "pooled"}
        What the colours compare: frames (one panel per outlet), outlets (one panel per
        frame), or frames with the chosen outlets pooled in one panel.
    frames : list of str, optional
        Initially chosen series: frame names, or ``"frame: entry"`` for single entries.
        Default: all frames.
    outlets : list of str, optional
        Initially chosen outlets. Default: all.
    directory : path
        Where the export button writes (default ``figures/``).
    name : str
        Initial file name of the export.
    window : int
        Words of context on each side of a passage.
    page_size : int
        Passages per page.
    match : {"exact", "stem"}
        Passed to :func:`framing.find_hits` when the explorer finds the hits.
    dpi : int
        Resolution of the chart on screen (the export uses 300 dpi).
    voice : {"all", "narrative", "quotes", "reported"}
        Initial voice: count every hit, or only the outlet's own words, the quotes (and scare
        quotes) or the reported speech, each over its own tokens. Needs hits with a ``voice``
        column (:func:`framing.voices.add_voice`); without one the chooser is disabled.
    copies : {"keep", "drop", "origin"}
        Initial choice of the copies chooser: count every wire copy, each story once, or
        copies for their original's outlet (:func:`framing.count_by_period`'s ``copies=``).
        The copies are the articles' ``copy_of`` column (:func:`framing.find_copies`), or
        found with ``find_copies``' defaults when first needed.
    token_totals : DataFrame, optional
        The token totals (:func:`framing.token_counts`), or the tokens of each article in
        each voice (:func:`framing.voices.voice_token_totals`); by default counted, the
        per-voice ones when a voice is first chosen. That first count reads every text (on
        100,000 articles, a minute or more); the status line says so while it runs, as it
        does while the copies are first found. Pass ``voice_token_totals(articles)`` to pay
        it once for several explorers.

    Returns
    -------
    Explorer
        An ``ipywidgets.VBox``; display it (last line of a cell). Its controls are attributes
        (``.series``, ``.freq``, ...), settable from code.

    Raises
    ------
    FramingError
        When a table is not what it should be (wrong table, no dates, hits of other articles)
        or an initial choice does not exist. Choices made in the widget never raise: they
        give a message in the status line.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...     "date": pd.to_datetime(["2024-01-05", "2024-02-10", "2024-03-15"]),
    ...     "outlet": ["Ledger", "Herald", "Ledger"], "title": ["One", "Two", "Three"],
    ...     "text": ["A grave threat.", "A calm day.", "Threats, more threats."]})
    >>> ex = explore(arts, {"threat": ["threat*"], "calm": ["calm"]}, compare="pooled")
    >>> ex.counts.groupby("frame")["n_hits"].sum().to_dict()
    {'calm': 1, 'threat': 3}
    >>> ex.freq.value = "quarter"
    >>> ex.counts["period"].dt.strftime("%Y-%m").unique().tolist()
    ['2024-01']
    >>> "<mark>Threats</mark>" in ex.kwic_html.value
    True
    >>> ex.series.value = ()
    >>> ex.status.value
    '<div class="fr-status-warn" ...>Choose at least one frame or entry ...</div>'
    """
    return Explorer.from_tables(
        articles, lexicon, hits=hits, counts=counts, match=match, token_totals=token_totals,
        freq=freq, measure=measure, smooth=smooth, intervals=intervals, compare=compare,
        frames=frames, outlets=outlets, directory=directory, name=name, window=window,
        page_size=page_size, dpi=dpi, voice=voice, copies=copies,
    )  # fmt: skip
