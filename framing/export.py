"""Writing figures and tables, with provenance (package version, lexicon hash, parameters).

Outputs are deterministic: the same inputs give byte-identical PNG, PDF, SVG and CSV files
(no time stamps are written).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path

from . import __version__
from ._errors import FramingError, choices_error
from .style import save_rc

__all__ = ["save_figure", "save_table", "attach", "detach", "provenance_of", "FIGURE_FORMATS"]

FIGURE_FORMATS = ("png", "pdf", "svg")
_NAME_RE = re.compile(r"[\w.-]+")  # used with fullmatch: "fig\n" is no name
# figure -> {"provenance": dict, "data": DataFrame}; weak, so closed figures are freed
_ATTACHED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def detach(fig) -> None:
    """Forget what :func:`attach` remembered of a figure (before drawing it again anew).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure()
    >>> attach(fig, provenance={"lexicon_hash": "abc"})
    >>> detach(fig)
    >>> "lexicon_hash" in provenance_of(fig)
    False
    >>> plt.close(fig)
    """
    _ATTACHED.pop(_figure(fig, function="attach"), None)


def attach(fig, *, provenance=None, data=None, ax=None, label: str | None = None) -> None:
    """Remember the provenance and the plotted table of a figure, for :func:`save_figure`.

    Plot functions call this; users rarely need to. The record belongs to the *root* figure
    (also when drawing into a subfigure), so :func:`save_figure` finds it from any of its
    Axes. A table is kept per Axes (``ax``): drawing again into the same Axes replaces its
    table, while plots in other Axes of the same figure add theirs, and all of them are
    written to the figure's CSV (with a ``panel`` column naming each plot).

    Parameters
    ----------
    fig : Figure, SubFigure or Axes
        The figure drawn.
    provenance : dict, optional
        Merged into what the figure already carries.
    data : DataFrame, optional
        The table plotted.
    ax : Axes or array of Axes, optional
        Where ``data`` was drawn (its first Axes identifies the plot).
    label : str, optional
        The plot's name in the ``panel`` column, e.g. ``"plot_bars"``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure()
    >>> attach(fig, provenance={"lexicon_hash": "abc"})
    >>> provenance_of(fig)["lexicon_hash"]
    'abc'
    >>> plt.close(fig)
    """
    root = _figure(fig, function="attach")
    slot = _ATTACHED.setdefault(root, {})
    if provenance:
        slot.setdefault("provenance", {}).update(provenance)
    if data is not None:
        key = None
        if ax is not None:
            import numpy as np

            key = id(np.asarray(ax, dtype=object).ravel()[0])
        # ids, not Axes: a value that referenced the figure would keep it alive forever
        slot.setdefault("data", {})[key] = (label or "figure", data)


def _plotted_table(figure):
    """The table(s) recorded for a figure: one, or several stacked with a ``panel`` column."""
    import pandas as pd

    tables = list(_ATTACHED.get(figure, {}).get("data", {}).values())
    if not tables:
        return None
    if len(tables) == 1:
        return tables[0][1]
    labels = [name for name, _ in tables]
    names = [
        f"{name} {labels[:i].count(name) + 1}" if labels.count(name) > 1 else name
        for i, name in enumerate(labels)
    ]
    return pd.concat(
        [t.assign(panel=n)[["panel", *t.columns]] for n, (_, t) in zip(names, tables, strict=True)],
        ignore_index=True,
    )


def provenance_of(fig) -> dict:
    """The provenance recorded for a figure, with the framing and matplotlib versions.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure()
    >>> sorted(provenance_of(fig))
    ['framing_version', 'matplotlib_version']
    >>> plt.close(fig)
    """
    import matplotlib

    prov = dict(_ATTACHED.get(fig, {}).get("provenance", {}))
    prov.update(framing_version=__version__, matplotlib_version=matplotlib.__version__)
    return prov


def _figure(fig, function: str = "save_figure"):
    """The root Figure of a Figure, a SubFigure, an Axes or an array of Axes."""
    import numpy as np
    from matplotlib.figure import Figure

    if isinstance(fig, Figure):
        return fig
    if isinstance(fig, list | tuple | np.ndarray) and len(fig):
        fig = np.asarray(fig, dtype=object).ravel()[0]
    if hasattr(fig, "get_figure") and fig.get_figure() is not None:
        return fig.get_figure(root=True)
    raise FramingError(
        f"expected a matplotlib Figure or Axes, got {type(fig).__name__}", where=function
    )


def _check_name(name: str, function: str) -> str:
    name = str(name)
    if not _NAME_RE.fullmatch(name) or name in (".", ".."):
        raise FramingError(
            f"{name!r} is not a plain file name",
            where=f"{function}(name=...)",
            fix="Use letters, digits, '-', '_' and '.', without folders; pass directory= for the folder.",
        )
    return name


def save_figure(
    fig,
    name: str,
    *,
    directory="figures",
    formats=("png", "pdf"),
    dpi: int | None = None,
    provenance: dict | None = None,
    data=None,
) -> dict[str, Path]:
    """Save a figure as PNG (300 dpi), PDF and/or SVG, with provenance in the file metadata.

    Parameters
    ----------
    fig : Figure or Axes or array of Axes
        What to save.
    name : str
        File name without extension, e.g. ``"demo-trends"``.
    directory : path
        Output folder, created if needed (default ``figures/``).
    formats : sequence of {"png", "pdf", "svg"}
        Files to write.
    dpi : int, optional
        Resolution of the PNG; by default the house style's ``savefig.dpi`` (300).
    provenance : dict, optional
        Added to what the plot function recorded (lexicon hash, parameters) and the versions.
    data : DataFrame, optional
        The table behind the figure; written as ``<name>.csv`` beside it. By default the table
        the plot functions recorded: every figure drawn by framing's plot functions gets its
        CSV (several plots in one figure are stacked, with a ``panel`` column).

    Notes
    -----
    Files are written under the house style's output settings (:func:`framing.style.save_rc`),
    whatever style the session uses: fonts are embedded in PDF as TrueType (Type 42,
    ``pdf.fonttype: 42``), never as Type 3 bitmaps, so journals accept the files and the text
    stays selectable; SVG keeps text as text (``svg.fonttype: none``).

    Returns
    -------
    dict
        Format (and ``"csv"``) to the path written.

    Examples
    --------
    >>> import tempfile, matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([1, 2], [3, 4])
    >>> paths = save_figure(fig, "example", directory=tempfile.mkdtemp(), formats=["png"])
    >>> paths["png"].suffix
    '.png'
    >>> plt.close(fig)
    """
    figure = _figure(fig)
    name = _check_name(name, "save_figure")
    formats = [formats] if isinstance(formats, str) else list(formats)
    for fmt in formats:
        if fmt not in FIGURE_FORMATS:
            raise choices_error("save_figure(formats=...)", fmt, FIGURE_FORMATS)
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FramingError(f"cannot create the folder ({exc.strerror})", where=str(out)) from exc
    prov = provenance_of(figure)
    prov.update(provenance or {})
    text = json.dumps(prov, sort_keys=True, default=str)
    software = f"framing {prov['framing_version']} (matplotlib {prov['matplotlib_version']})"
    metadata = {
        "png": {"Software": software, "Description": text},
        "pdf": {"Creator": software, "Subject": text, "Keywords": prov.get("lexicon_hash", ""),
                "CreationDate": None, "ModDate": None},
        "svg": {"Creator": software, "Description": text, "Date": None},
    }  # fmt: skip
    written: dict[str, Path] = {}
    import matplotlib

    with matplotlib.rc_context(save_rc()):
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            atomic_write(
                path,
                lambda tmp, fmt=fmt: figure.savefig(
                    tmp, format=fmt, dpi=dpi, metadata=metadata[fmt]
                ),
            )
            written[fmt] = path
    table = data if data is not None else _plotted_table(figure)
    if table is not None:
        written["csv"] = save_table(table, name, directory=out, provenance=False)
    return written


def save_table(df, name: str, *, directory="data/processed", provenance: bool = True) -> Path:
    """Write a table as CSV (UTF-8, ``\\n`` line ends, deterministic), with a provenance JSON.

    The provenance in ``df.attrs`` (if any) goes to ``<name>.provenance.json`` beside it.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> path = save_table(pd.DataFrame({"a": [1.5]}), "t", directory=tempfile.mkdtemp())
    >>> path.read_text()
    'a\\n1.5\\n'
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise FramingError(f"expected a DataFrame, got {type(df).__name__}", where="save_table")
    name = _check_name(name, "save_table")
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FramingError(f"cannot create the folder ({exc.strerror})", where=str(out)) from exc
    path = out / f"{name}.csv"
    write_csv(df, path)
    if provenance and df.attrs.get("provenance"):
        prov = {**df.attrs["provenance"], "framing_version": __version__}
        text = json.dumps(prov, sort_keys=True, indent=2, default=str) + "\n"
        atomic_write(
            out / f"{name}.provenance.json", lambda tmp: Path(tmp).write_text(text, "utf-8")
        )
    return path


#: what a spreadsheet reads as a formula at the start of a cell (OWASP's CSV injection list)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"[+-]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?")


def neutralize_formulas(df):
    """A copy of ``df`` whose text cells cannot run as spreadsheet formulas.

    A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading ``'`` (which Excel and LibreOffice show as plain text), unless the whole cell is a
    number such as ``-2.5``; numeric columns are left alone. :func:`restore_formulas` undoes it.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["=SUM(A1:A9)", "-2.5", "@Lavrov said", "plain"]})
    >>> neutralize_formulas(df)["text"].tolist()
    ["'=SUM(A1:A9)", '-2.5', "'@Lavrov said", 'plain']
    """
    return _map_text_cells(df, lambda v: "'" + v if _is_formula(v) else v)


def restore_formulas(df):
    """Undo :func:`neutralize_formulas` on a table read back from a CSV framing wrote.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["=1+2", "-2.5", "it's"], "n": [1, -2, 3]})
    >>> restore_formulas(neutralize_formulas(df)).equals(df)
    True
    """
    return _map_text_cells(df, lambda v: v[1:] if v.startswith("'") and _is_formula(v[1:]) else v)


def _map_text_cells(df, change):
    """A copy of ``df`` with ``change`` applied to the str cells of its text columns (the
    columns keep their dtype; numeric columns are not touched)."""
    import pandas as pd

    out = df.copy()
    for column in out.columns:
        values = out[column]
        if not (values.dtype == object or isinstance(values.dtype, pd.StringDtype)):
            continue
        new = [change(v) if isinstance(v, str) else v for v in values.tolist()]
        out[column] = pd.Series(new, index=values.index, dtype=values.dtype)
    return out


def _is_formula(value) -> bool:
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _NUMBER_RE.fullmatch(value.strip())
    )


def write_csv(df, path: Path, *, encoding: str = "utf-8") -> Path:
    """Write ``df`` as framing writes every CSV: no index, ``\\n`` line ends, ``%.10g``
    floats, formulas neutralized (:func:`neutralize_formulas`), atomically
    (:func:`atomic_write`). ``encoding="utf-8-sig"`` adds the byte-order mark spreadsheet
    programs need to read UTF-8 right."""
    table = neutralize_formulas(df)
    return atomic_write(
        path,
        lambda tmp: table.to_csv(
            tmp, index=False, lineterminator="\n", encoding=encoding, float_format="%.10g"
        ),
    )


def atomic_write(path, write: Callable[[str], object]) -> Path:
    """Write a file through a temporary file in the same folder, renamed into place.

    On any failure (a full disk, a killed process) the previous file at ``path`` is left as it
    was and no partial file remains; an ``OSError`` becomes a :class:`FramingError` naming
    the path. A symbolic link planted at ``path`` is replaced, never followed.

    Parameters
    ----------
    path : path
        The file to write.
    write : callable
        Called with the temporary file's path; writes the whole content there.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> atomic_write(target, lambda tmp: pathlib.Path(tmp).write_text("done")).read_text()
    'done'
    """
    path = Path(path)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(handle)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; an output is not
        os.replace(tmp, path)
    except Exception as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        cause = _os_error(exc)
        if cause is None:
            raise
        raise FramingError(
            f"cannot write the file ({cause.strerror or cause})",
            where=str(path),
            fix="Check that the disk has room and the folder is writable; the previous file, "
            "if there was one, is unchanged.",
        ) from exc
    return path


def _os_error(exc: BaseException) -> OSError | None:
    """The OSError behind ``exc`` (writers such as matplotlib's PDF backend raise another
    error while handling a full disk)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError):
            return exc
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return None
