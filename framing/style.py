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

This module is the one owner of the style: the file is read once (:func:`house_rc`), and
framing's plots (:func:`style_context`), their colours (:func:`palette`) and
:func:`framing.save_figure` (:func:`save_rc`: dpi and font embedding) take their values
from it; no other module keeps a copy.
"""

from __future__ import annotations

import contextlib
import functools
from importlib import resources
from pathlib import Path

from ._errors import FramingError, choices_error

__all__ = [
    "use_style", "style_context", "figsize", "style_path", "house_rc", "palette", "save_rc",
    "COLUMN_WIDTHS", "GOLDEN",
]  # fmt: skip

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


@functools.cache
def _read() -> dict:
    import matplotlib

    return dict(matplotlib.rc_params_from_file(_check_path(), use_default_template=False))


def house_rc() -> dict:
    """The rc settings of the house style, as matplotlib reads them from the style file.

    The file is read once per session; each call returns a new dict.

    Examples
    --------
    >>> house_rc()["pdf.fonttype"], house_rc()["xtick.labelsize"]
    (42, 6.5)
    """
    return dict(_read())


def palette() -> tuple[str, ...]:
    """The colours of the house style's colour cycle (Okabe–Ito, black last), as ``#RRGGBB``.

    Examples
    --------
    >>> palette()[:2]
    ('#0072B2', '#E69F00')
    """
    return tuple(_read()["axes.prop_cycle"].by_key()["color"])


def save_rc() -> dict:
    """The house style's settings for writing files: dpi, fonts embedded in PDF/PS, SVG text.

    :func:`framing.save_figure` writes under these, whatever style the session uses.

    Examples
    --------
    >>> save_rc()["savefig.dpi"], save_rc()["pdf.fonttype"]
    (300.0, 42)
    """
    prefixes = ("savefig.", "pdf.", "ps.", "svg.")
    return {key: value for key, value in _read().items() if key.startswith(prefixes)}


@contextlib.contextmanager
def style_context():
    """The framing house style inside a ``with`` block only.

    framing's plot functions draw inside it. The backend is resolved before the style is
    applied: resolved inside (the first figure of a Jupyter session picks the inline backend),
    it would be undone on leaving the block, and no later figure would show inline.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> with style_context():
    ...     mpl.rcParams["savefig.dpi"]
    300.0
    """
    import matplotlib

    matplotlib.get_backend()
    with matplotlib.rc_context(_read()):
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
