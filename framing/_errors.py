"""One voice for errors: what was wrong, where, and how to fix it.

Every error raised for bad user input is a :class:`FramingError` (a ``ValueError``) whose
message reads ``<where>: <what>. <how to fix>``, so a researcher sees one clear line
instead of a traceback from deep inside pandas. In Jupyter and IPython that line is all that
is shown (IPython's ``_render_traceback_`` hook); ``FRAMING_DEBUG=1`` shows the traceback.
"""

from __future__ import annotations

import os
from collections.abc import Iterable


class FramingError(ValueError):
    """Bad input: the message names what was wrong, where, and how to fix it.

    Parameters
    ----------
    what : str
        What is wrong, in one sentence.
    where : str, optional
        The file, row, line, column or argument at fault.
    fix : str, optional
        How to fix it.

    Examples
    --------
    >>> str(FramingError("no column 'text'", where="news.csv", fix="Pass columns={'body': 'text'}."))
    "news.csv: no column 'text'. Pass columns={'body': 'text'}."
    """

    def __init__(self, what: str, *, where: str | None = None, fix: str | None = None):
        self.what, self.where, self.fix = what, where, fix
        message = f"{where}: {what}" if where else what
        if fix:
            message = message.rstrip(".") + ". " + fix
        super().__init__(message)

    @property
    def _render_traceback_(self):
        """IPython's hook: a notebook shows the error as one line, not framing's insides.

        IPython calls the hook when the error has it (``hasattr``); with ``FRAMING_DEBUG``
        set it is absent, so the full traceback shows, as it does for the ``framing`` command.

        Examples
        --------
        >>> FramingError("no column 'text'", where="news.csv")._render_traceback_()
        ["FramingError: news.csv: no column 'text'"]
        """
        if os.environ.get("FRAMING_DEBUG"):
            raise AttributeError("_render_traceback_")
        return self._one_line

    def _one_line(self) -> list[str]:
        """The error as IPython shows it: ``["<class name>: <message>"]``."""
        return [f"{type(self).__name__}: {self}"]


class MissingDependencyError(FramingError, ImportError):
    """An optional dependency is not installed; the message gives the install command."""


class MissingDataError(FramingError, LookupError):
    """Data that framing reads but does not ship (an NLTK corpus) is not installed.

    The message names the data and the command that installs it. A ``LookupError`` too, as
    NLTK's own error for missing data is.
    """


def missing_nltk_data(resource: str, *, where: str | None = None) -> MissingDataError:
    """Build the error for NLTK data that is not installed, with the command that installs it.

    Parameters
    ----------
    resource : str
        The path NLTK looked up, e.g. ``"corpora/inaugural"`` or ``"tokenizers/punkt_tab"``.
    where : str, optional
        The function or argument that needed it.

    Examples
    --------
    >>> print(missing_nltk_data("corpora/state_union", where="read_nltk_corpus"))
    read_nltk_corpus: the NLTK corpus 'state_union' is not installed. Install it with: python -m nltk.downloader state_union (or set NLTK_DATA to a folder that holds corpora/state_union before starting Python)
    """
    kind, _, package = resource.rstrip("/").rpartition("/")
    what = {"corpora": "corpus", "tokenizers": "tokenizer", "taggers": "tagger"}.get(kind, "data")
    return MissingDataError(
        f"the NLTK {what} {package!r} is not installed",
        where=where,
        fix=f"Install it with: python -m nltk.downloader {package} (or set NLTK_DATA to a "
        f"folder that holds {resource} before starting Python)",
    )


class FramingWarning(UserWarning):
    """Something was set aside or changed; the message says what and where."""


def choices_error(argument: str, value: object, choices: Iterable[object]) -> FramingError:
    """Build the error for an argument whose value is not one of the valid choices.

    Examples
    --------
    >>> str(choices_error("freq", "fortnight", ["D", "W", "M"]))
    "freq: 'fortnight' is not a valid choice. Use one of: 'D', 'W', 'M'."
    """
    listed = ", ".join(repr(c) for c in choices)
    return FramingError(
        f"{value!r} is not a valid choice", where=argument, fix=f"Use one of: {listed}."
    )


def require(module: str, *, package: str | None = None, purpose: str = "this feature"):
    """Import an optional dependency, or fail with the command that installs it.

    Examples
    --------
    >>> require("json").__name__
    'json'
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        pkg = package or module
        raise MissingDependencyError(
            f"{purpose} needs the package {pkg!r}, which is not installed",
            fix=f"Install it with: pip install {pkg}",
        ) from exc
