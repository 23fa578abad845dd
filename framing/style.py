"""The framing house style for matplotlib: journal sizes, Okabe–Ito colours, embedded fonts.

The style lives in ``framing/style/framing.mplstyle`` (a plain matplotlib style file, usable
without framing: ``plt.style.use(framing.style.STYLE_PATH)``):

* the Okabe–Ito colour-blind-safe colour cycle (:data:`framing.plot.PALETTE`) and the
  "cividis" colour map;
* DejaVu Sans at the sizes of framing's own figures (7.5 pt text, 6.5 pt ticks), top and
  right spines off, thin lines;
* ``savefig.dpi: 300``, ``pdf.fonttype: 42`` (TrueType fonts embedded in PDF, as journals
  require) and ``svg.fonttype: none`` (text stays text in SVG).

:func:`figsize` gives figure sizes for a single (3.5 in) or double (7.2 in) journal column.
"""

from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path

from ._errors import FramingError, choices_error

__all__ = ["use_style", "style_context", "figsize", "style_path", "COLUMN_WIDTHS", "GOLDEN"]

#: figure widths in inches: a journal's single and double column
COLUMN_WIDTHS = {"single": 3.5, "double": 7.2}
#: the default aspect ratio (width / height)
GOLDEN = (1 + 5**0.5) / 2


def style_path() -> Path:
    """The path of the house style file ``framing.mplstyle``.

    Examples
    --------
    >>> style_path().name
    'framing.mplstyle'
    """
    return Path(str(resources.files("framing") / "style" / "framing.mplstyle"))


def _check_path() -> str:
    path = style_path()
    if not path.is_file():
        raise FramingError(
            "the house style file is missing from the installed package",
            where=str(path),
            fix="Reinstall framing (pip install -e .); the .mplstyle file is package data.",
        )
    return str(path)


def use_style() -> None:
    """Apply the framing house style to every following matplotlib figure.

    It stays in force for the session (use :func:`style_context` to apply it to one block,
    or ``matplotlib.rcdefaults()`` to undo it).

    Examples
    --------
    >>> import matplotlib as mpl
    >>> with mpl.rc_context():   # only to keep this example from changing your session
    ...     use_style()
    ...     mpl.rcParams["pdf.fonttype"], mpl.rcParams["axes.spines.top"]
    (42, False)
    """
    import matplotlib.style

    matplotlib.style.use(_check_path())


@contextlib.contextmanager
def style_context():
    """The framing house style inside a ``with`` block only.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> with style_context():
    ...     mpl.rcParams["savefig.dpi"]
    300.0
    """
    import matplotlib.style

    with matplotlib.style.context(_check_path()):
        yield


def figsize(width: str = "single", *, aspect: float = GOLDEN) -> tuple[float, float]:
    """A figure size in inches for a journal column: ``(width, width / aspect)``.

    Parameters
    ----------
    width : {"single", "double"}
        A single column (3.5 in) or the full page width (7.2 in).
    aspect : float
        Width divided by height (the golden ratio, 1.618, by default; 1 for a square).

    Examples
    --------
    >>> figsize("double", aspect=2)
    (7.2, 3.6)
    >>> figsize()
    (3.5, 2.163)
    """
    if width not in COLUMN_WIDTHS:
        raise choices_error("figsize(width=...)", width, list(COLUMN_WIDTHS))
    if isinstance(aspect, bool) or not isinstance(aspect, int | float) or not aspect > 0:
        raise FramingError(
            f"{aspect!r} is not an aspect ratio",
            where="figsize(aspect=...)",
            fix="Pass width / height as a positive number, e.g. aspect=1.6 (wide) or 1 (square).",
        )
    w = COLUMN_WIDTHS[width]
    return w, round(w / aspect, 3)
