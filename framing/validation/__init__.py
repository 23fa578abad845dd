"""Validating a lexicon: coded passages → precision per entry, agreement between coders.

* :mod:`.sheets`: :func:`read_coding` reads coded KWIC sheets (from
  :func:`framing.sample_kwic`) into one coding table.
* :mod:`.scores`: :func:`precision` per entry or frame with Wilson intervals, and
  :func:`sample_size`, the passages an interval of a given width needs.
* :mod:`.reliability`: :func:`agreement` between coders (Krippendorff's alpha, Cohen's kappa).
* :mod:`.sensitivity`: :func:`drop_one_entry`, each frame's trend without each of its entries.
* :mod:`.datasheet`: :func:`lexicon_report`, the lexicon's datasheet (hits, precision,
  agreement, entries to review), written as Markdown and CSV.
* :mod:`.session`: :class:`CodingSession`, one coder's sheet saved answer by answer and
  resumed where it stopped (the state behind the coding widget).
* :mod:`.correction`: :func:`corrected_counts`, counts corrected by precision, with bands
  that carry the counting and the coding uncertainty.
"""

from .correction import corrected_counts
from .datasheet import lexicon_report
from .reliability import agreement, cohen_kappa
from .scores import precision, sample_size
from .sensitivity import drop_one_entry
from .session import CodingSession
from .sheets import CODES, read_coding

__all__ = [
    "read_coding", "precision", "sample_size", "agreement", "cohen_kappa", "corrected_counts",
    "lexicon_report", "CodingSession", "drop_one_entry", "CODES",
]  # fmt: skip
