"""Lexicons: frames of entries (words, globs, phrases), their file formats and validation.

A :class:`Lexicon` maps frame names (``"collapse"``, ``"threat"``) to :class:`Entry` objects.
The package's parts:

* :mod:`~framing.lexicon.entries`: an entry (word, glob, phrase), its tokens
  (:func:`entry_tokens`, :func:`glob_to_regex`) and the validation every reader shares;
* :mod:`~framing.lexicon.model`: the :class:`Lexicon` and :meth:`Lexicon.from_dict`;
* :mod:`~framing.lexicon.read`: :func:`read_lexicon`, which reads the three file formats:
  framing's own YAML (documented in ``data/lexicons/README.md``) and quanteda YAML
  dictionaries (:mod:`~framing.lexicon.formats`, which also writes the own format) and LIWC
  ``.dic`` files (:mod:`~framing.lexicon.liwc`). Every problem in a file is reported with
  the file, the line and the entry at fault.
"""

from .entries import ENTRY_TOKEN_PATTERN, KINDS, Entry, entry_tokens, glob_to_regex
from .model import Lexicon
from .read import FORMATS, read_lexicon

__all__ = [
    "ENTRY_TOKEN_PATTERN",
    "FORMATS",
    "KINDS",
    "Entry",
    "Lexicon",
    "entry_tokens",
    "glob_to_regex",
    "read_lexicon",
]
