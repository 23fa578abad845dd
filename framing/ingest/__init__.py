"""Reading corpora into the articles table, with a report of everything set aside.

The ingest stage is the only place where framing reads article files. It turns CSV, TSV,
JSON, JSONL, Parquet, folders of ``.txt``/``.md`` files and saved HTML pages into the
**articles table** (one row per article):

============== ==========================================================================
column         meaning
============== ==========================================================================
``article_id`` unique ``str``
``date``       ``datetime64[ns]``, time-zone naive (see ``tz`` below)
``outlet``     ``str``, ``""`` when unknown
``title``      ``str``, ``""`` when unknown
``text``       ``str``, never empty
``lang``       optional, ``str``
``url``        optional, ``str``
...            every other input column, kept as it is
``source``     where the row came from: ``news.csv:12``, ``news.jsonl:7``, ``a.txt``
``encoding``   only for a folder, glob or list: the encoding each file was decoded with
============== ==========================================================================

**Source labels.** ``source`` is the file's path relative to the folder (or, for a glob or
a list, to the folder the files share), then for tables a colon and a row number:
CSV/TSV rows are numbered as a spreadsheet shows them, the header being row 1 (so the first
article is ``news.csv:2``); JSONL rows by their line number; JSON and Parquet rows from 1.
A ``.txt``/``.md``/``.html`` file is one article and its label is the file's path.
An input column named ``source`` that is not taken as the outlet is renamed
``original_source``.

**Ids.** Without an ``article_id`` column, each article's id is its source label
(``news.csv:12``), which is unique by construction; a file of a folder of documents gets the
path of the file without its extension (``2024-03-05-summit``). An empty id cell also gets
the source label.

**Column aliases.** Unless ``text_column_fallbacks=False``, a missing canonical column is
taken from the first of these input columns that exists (names compared case-insensitively;
a column named ``Text`` is taken as ``text``). ``columns=`` maps any other names.

============== ==========================================================================
canonical      aliases, in order
============== ==========================================================================
``article_id`` ``id``, ``doc_id``, ``docid``, ``document_id``
``date``       ``published``, ``pubdate``, ``pub_date``, ``published_at``,
               ``publication_date``, ``date_published``, ``datetime``, ``timestamp``
``text``       ``body``, ``content``, ``full_text``, ``article_text``, ``maintext``
``title``      ``headline``, ``heading``
``outlet``     ``source``, ``site``, ``publisher``, ``sitename``, ``source_name``,
               ``publication``, ``newspaper``, ``media``
``lang``       ``language``
``url``        ``link``, ``permalink``
============== ==========================================================================

**Dates.** ISO 8601 (with or without time and offset), ``5 March 2024``, ``March 5, 2024``,
``5 марта 2024``, dotted ``05.03.2024`` (day first), slashed ``03/05/2024`` (month first, as
in the US: pass ``date_format="%d/%m/%Y"`` for day first), RFC 2822
(``Tue, 05 Mar 2024 10:00:00 +0300``), unix seconds (numbers, or strings of 9 to 11 digits),
and ``datetime`` values from YAML, JSON or Parquet. A date without a day is the 1st of its
month. Timestamps that carry a time zone are converted to ``tz`` (UTC by default) and the
zone is then dropped; timestamps without a zone are kept as written. ``tz=None`` keeps each
timestamp's own local time. Dates must lie between 1677 and 2262 (the range of
``datetime64[ns]``).

**Set aside, never lost.** An article with no date, an unparseable date, an empty text or an
id already seen (the first copy is kept, among the articles that pass the other checks),
a malformed JSONL line or JSON record, and a file of a folder, glob or list that is empty
or cannot be decoded or read (a single file given alone raises an error instead) is set aside
and listed in the report (:func:`ingest_report`), and one :class:`FramingWarning` says how
many. ``n_read == n_kept + len(set_aside)`` always holds, so nothing disappears unseen.
``strict=True`` raises a :class:`FramingError` at the first such problem instead.
A missing ``text`` or ``date`` column is always an error, as it concerns every row.

**Encodings.** Each file is decoded on its own: UTF-8 (with or without BOM), UTF-16/UTF-32
with BOM, then Windows-1251 when the text reads as Cyrillic words, otherwise Windows-1252 or
Latin-1; ``encoding=`` forces one. Files that look binary (NUL or control bytes) are
undecodable. ``.txt``/``.md`` line ends become ``\\n``.

**Modules.** :mod:`~framing.ingest.read` (:func:`read_articles` and the checks every
article passes), :mod:`~framing.ingest.files` (options, formats, the files a source names),
:mod:`~framing.ingest.encodings`, :mod:`~framing.ingest.formats` (CSV, TSV, JSON, JSONL,
Parquet), :mod:`~framing.ingest.documents` (``.txt``, HTML, front matter, sidecars),
:mod:`~framing.ingest.columns` (canonical columns and aliases), :mod:`~framing.ingest.dates`,
:mod:`~framing.ingest.report` (:class:`IngestReport`) and :mod:`~framing.ingest.stream`
(:func:`iter_article_chunks`, Parquet pieces for worker processes). NLTK corpora are read by
:func:`framing.read_nltk_corpus` (in :mod:`framing.datasets`).
"""

from __future__ import annotations

from .columns import ALIASES
from .files import FORMATS
from .read import read_articles
from .report import IngestReport, ingest_report
from .stream import iter_article_chunks

__all__ = [
    "IngestReport",
    "read_articles",
    "ingest_report",
    "iter_article_chunks",
    "ALIASES",
    "FORMATS",
]
