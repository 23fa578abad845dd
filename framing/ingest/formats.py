"""Tabular files into raw frames: CSV and TSV (Arrow's parser, pandas' as the reference),
JSON, JSONL and Parquet."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from pathlib import Path

import pandas as pd

from .encodings import BOMS, Undecodable, check_text, decode
from .files import File, FileFailure, Options, raw_frame, read_bytes, row_labels, str_series
from .report import Problem, warn_repaired


def _blank(text) -> bool:
    """Whether ``text`` (str or bytes) is empty or only whitespace, without copying it."""
    return not text or text.isspace()


def _sniff_separator(text: str) -> str:
    end = text.find("\n")
    header = text if end < 0 else text[:end]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    if counts[","] == 0 and max(counts.values()) > 0:
        return max(counts, key=counts.get)
    return ","


def csv_options(fmt: str, text_start: str) -> dict:
    """pandas' ``read_csv`` options for a CSV/TSV file that starts with ``text_start``: the
    separator (sniffed from the header for CSV), every value a string, nothing read as NA."""
    sep = "\t" if fmt == "tsv" else _sniff_separator(text_start)
    return {"sep": sep, "dtype": str, "keep_default_na": False, "na_filter": False}


def _arrow_csv_names(head: bytes, sep: str) -> list[str] | None:
    """The column names of a CSV whose first bytes are ``head`` (BOM removed), when Arrow
    reads its header as pandas does: no quotes, no repeated or empty names; else ``None``."""
    header = re.split(rb"\r\n|\r|\n", head[: 1 << 16], maxsplit=1)
    if len(header) < 2 or b'"' in header[0]:
        return None
    try:
        names = header[0].decode("utf-8").split(sep)
    except UnicodeDecodeError:
        return None
    if len(set(names)) != len(names) or not all(names):
        return None
    return names


def _arrow_csv_options(
    names: list[str], sep: str, block_size: int, *, use_threads: bool = True
) -> dict:
    import pyarrow as pa
    import pyarrow.csv as pcsv

    return {
        "read_options": pcsv.ReadOptions(block_size=block_size, use_threads=use_threads),
        "parse_options": pcsv.ParseOptions(delimiter=sep, newlines_in_values=True),
        "convert_options": pcsv.ConvertOptions(
            column_types={name: pa.large_string() for name in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    }


def _arrow_frame(table) -> pd.DataFrame:
    """An Arrow table of strings as a DataFrame of pandas ``str`` columns (no copy)."""
    return pd.DataFrame({name: str_series(table.column(name)) for name in table.column_names})


def _arrow_csv(data: bytes, sep: str) -> pd.DataFrame | None:
    """UTF-8 CSV bytes read by Arrow's parser, or ``None`` where it might read them differently
    from pandas' (the reference): a header with quotes or repeated or empty names, or anything
    Arrow's stricter parser refuses (rows with too few or too many fields, whitespace-only
    lines, a quote left open). pandas then reads the file and gives its own answer or error.
    Arrow parses 4-5 times as fast and hands over Arrow strings without Python objects."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    data = data.removeprefix(codecs.BOM_UTF8)
    names = _arrow_csv_names(data, sep)
    if names is None or _ARROW_CR in data:
        return None
    # Blocks of _READ_BLOCK bytes are parsed in parallel; a value longer than a block (an
    # article of many MB) makes Arrow refuse them, and then the file is read as one block.
    threads = len(data) > PARALLEL_BYTES
    try:
        table = pcsv.read_csv(
            pa.py_buffer(data), **_arrow_csv_options(names, sep, _READ_BLOCK, use_threads=threads)
        )
    except (pa.ArrowException, ValueError) as exc:
        if "straddl" not in str(exc) or len(data) >= _MAX_BLOCK:
            return None
        try:
            table = pcsv.read_csv(
                pa.py_buffer(data),
                **_arrow_csv_options(names, sep, len(data) + 1, use_threads=threads),
            )
        except (pa.ArrowException, ValueError):
            return None
    if table.column_names != names or table.num_rows == 0:
        return None
    return _arrow_frame(table)


_READ_BLOCK = 1 << 22  # bytes Arrow parses at a time (in parallel) reading a whole CSV
#: Files up to this size are read by Arrow on one thread: on smaller ones its thread pool
#: costs more CPU time than it saves wall time (and a shared machine has no core to spare).
PARALLEL_BYTES = 1 << 26
_MAX_BLOCK = (1 << 31) - 1  # the largest block Arrow takes
_STREAM_BLOCK = 1 << 22  # and streaming one
# Files with a carriage return anywhere are read by pandas: Arrow 26 drops the "\n" of a
# "\r\n" inside a quoted value when a block boundary falls there (2 of 20,000 values with
# 64 kB blocks in a test), which would change texts silently.
_ARROW_CR = b"\r"


def _has_cr(path: Path) -> bool:
    """Whether the file holds a carriage return (read 16 MB at a time)."""
    with open(path, "rb") as handle:
        while block := handle.read(1 << 24):
            if _ARROW_CR in block:
                return True
    return False


class ArrowCsvStream:
    """The rows of a UTF-8 CSV file streamed by Arrow's parser, ``chunk_size`` at a time, as
    pandas frames; it stops early, with ``complete`` False, wherever Arrow might read the file
    differently from pandas (see :func:`_arrow_csv`): the caller reads on with pandas from
    row ``rows`` (the rows before parse alike in both)."""

    def __init__(self, file: File, head: bytes, sep: str, chunk_size: int):
        self.file, self.head, self.sep, self.chunk_size = file, head, sep, chunk_size
        self.rows = 0
        self.complete = False

    def __iter__(self):
        import pyarrow as pa
        import pyarrow.csv as pcsv

        head = self.head.removeprefix(codecs.BOM_UTF8)
        names = _arrow_csv_names(head, self.sep)
        if names is None or _has_cr(self.file.path):
            return
        pending, n_pending = [], 0
        try:
            reader = pcsv.open_csv(
                str(self.file.path), **_arrow_csv_options(names, self.sep, _STREAM_BLOCK)
            )
            if reader.schema.names != names:
                return
            for batch in reader:
                pending.append(batch)
                n_pending += batch.num_rows
                while n_pending >= self.chunk_size:
                    table = pa.Table.from_batches(pending)
                    yield from self._emit(table.slice(0, self.chunk_size))
                    rest = table.slice(self.chunk_size)
                    pending, n_pending = rest.to_batches(), rest.num_rows
        except (pa.ArrowException, ValueError, OSError):
            return
        if n_pending:
            yield from self._emit(pa.Table.from_batches(pending))
        self.complete = self.rows > 0

    def _emit(self, table):
        frame = _arrow_frame(table)
        self.rows += len(frame)
        yield frame


def _utf8_csv(data: bytes, file: File, opts: Options) -> pd.DataFrame | None:
    """The raw frame of a UTF-8 CSV/TSV file read by :func:`_arrow_csv` straight from its
    bytes (Arrow checks that they are UTF-8), or ``None``: then the file is decoded and read
    by pandas, which gives every error its message."""
    if opts.encoding not in (None, "utf-8", "utf-8-sig") or data.startswith(BOMS[1:]):
        return None
    if b"\x00" in data:
        return None
    try:
        head = codecs.getincrementaldecoder("utf-8")().decode(data[: 1 << 19], final=False)
        check_text(head[:100_000].lstrip("\ufeff"), "utf-8")
    except (UnicodeDecodeError, Undecodable):
        return None
    frame = _arrow_csv(data, csv_options(file.fmt, head.lstrip("\ufeff"))["sep"])
    if frame is None:
        return None
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    labels = row_labels(file, 2, len(frame))
    return raw_frame(frame, file, labels, labels, range(len(frame)), encoding)


def check_fields(frame: pd.DataFrame, fmt: str) -> None:
    """Refuse a table pandas read with its first column as the index: it does that when every
    row has one field more than the header names, which would shift every column by one."""
    if not isinstance(frame.index, pd.RangeIndex):
        n = len(frame.columns)
        raise FileFailure(
            "unreadable file",
            f"malformed {fmt.upper()}: the header names {n} columns but the rows have "
            f"{n + 1} fields; add the missing column name to the header",
        )


def _read_csv_text(text: str, file: File, encoding: str, opts: Options) -> pd.DataFrame:
    if _blank(text):
        raise FileFailure("empty file", "the file is empty")
    try:
        frame = pd.read_csv(io.StringIO(text), **csv_options(file.fmt, text))
    except pd.errors.EmptyDataError as exc:
        raise FileFailure("empty file", "the file is empty") from exc
    except (pd.errors.ParserError, ValueError, csv.Error) as exc:
        raise FileFailure("unreadable file", f"malformed {file.fmt.upper()}: {exc}") from exc
    check_fields(frame, file.fmt)
    if len(frame) == 0:
        raise FileFailure("empty file", "the file has a header but no rows")
    labels = row_labels(file, 2, len(frame))
    return raw_frame(frame, file, labels, labels, range(len(frame)), encoding)


def _json_line_problem(file, lineno, line, detail, reason="malformed line") -> Problem:
    return Problem(f"{file.label}:{lineno}", "", reason, detail, file.index, lineno)


def jsonl_records(lines, file: File, start_row: int = 0):
    """Parse JSONL lines: yields ``(lineno, record_or_problem)``."""
    for lineno, line in enumerate(lines, start_row + 1):
        stripped = line.strip()
        if not stripped:
            continue
        try:
            value = json.loads(stripped)
        except ValueError as exc:
            yield lineno, _json_line_problem(file, lineno, line, f"not valid JSON: {exc}")
            continue
        except RecursionError:
            detail = "nested too deeply to read (thousands of [ or { inside each other)"
            yield lineno, _json_line_problem(file, lineno, line, detail)
            continue
        if "\\u" in stripped and _lone_surrogate(value):
            detail = ("a lone surrogate escape (\\ud800-\\udfff): a character cut in half, as "
                      "JavaScript does when it truncates text; repair or drop the line")  # fmt: skip
            yield lineno, _json_line_problem(file, lineno, line, detail)
            continue
        if not isinstance(value, dict):
            kind = type(value).__name__
            yield lineno, _json_line_problem(file, lineno, line, f"a JSON {kind}, not an object")
            continue
        yield lineno, value


def _lone_surrogate(value) -> bool:
    """Whether a parsed JSON value holds a string with a lone surrogate (not valid Unicode)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def records_frame(records: list[dict], file: File, numbers_, encoding: str, sep=":"):
    """The raw frame of JSON objects, labelled by their line or item numbers ``numbers_``."""
    # index: one row per record even when every record is {} (no columns to count rows by)
    frame = pd.DataFrame.from_records(records, index=range(len(records)))
    frame.columns = [str(c) for c in frame.columns]
    labels = [f"{file.label}{sep}{n}" for n in numbers_]
    return raw_frame(frame, file, labels, labels, numbers_, encoding)


def jsonl_chunks(lines, file: File, encoding: str, chunk_size: int | None = None):
    """``(raw frame or None, problems)`` per ``chunk_size`` JSONL lines (one chunk if None).

    A file without one record or malformed line raises :class:`FileFailure` ("empty file").
    """
    records, numbers_, problems = [], [], []
    met = 0
    for lineno, item in jsonl_records(lines, file):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            records.append(item)
            numbers_.append(lineno)
        met += 1
        if chunk_size and len(records) + len(problems) >= chunk_size:
            yield (records_frame(records, file, numbers_, encoding) if records else None), problems
            records, numbers_, problems = [], [], []
    if records or problems:
        yield (records_frame(records, file, numbers_, encoding) if records else None), problems
    if met == 0:
        raise FileFailure("empty file", "the file is empty")


def _read_jsonl_text(text: str, file: File, encoding: str, problems: list):
    if _blank(text):
        raise FileFailure("empty file", "the file is empty")
    ((frame, found),) = jsonl_chunks(text.split("\n"), file, encoding)  # one chunk
    problems.extend(found)
    return frame


def _read_json_text(text: str, file: File, encoding: str, problems: list):
    if _blank(text):
        raise FileFailure("empty file", "the file is empty")
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise FileFailure("unreadable file", f"not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise FileFailure("unreadable file", "JSON nested too deeply to read") from exc
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    if not isinstance(value, list):
        found = (
            "an object with keys " + ", ".join(map(repr, list(value)[:10]))
            if isinstance(value, dict)
            else f"a JSON {type(value).__name__}"
        )
        raise FileFailure(
            "unreadable file",
            f"expected a list of article objects or {{'articles': [...]}}, found {found}",
        )
    if not value:
        raise FileFailure("empty file", "the file holds no articles")
    records, numbers_ = [], []
    check_surrogates = "\\u" in text
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict):
            detail = f"item {number} is a JSON {type(item).__name__}, not an object"
        elif check_surrogates and _lone_surrogate(item):
            detail = f"item {number} holds a lone surrogate escape (a character cut in half)"
        else:
            records.append(item)
            numbers_.append(number)
            continue
        label = f"{file.label}:{number}"
        problems.append(Problem(label, "", "malformed record", detail, file.index, number))
    if not records:
        return None
    return records_frame(records, file, numbers_, encoding)


def _read_parquet(file: File):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        threads = file.path.stat().st_size > PARALLEL_BYTES
        with pq.ParquetFile(file.path) as parquet:  # one file: no dataset machinery
            frame = _parquet_table(parquet, threads).to_pandas()
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise FileFailure("unreadable file", f"not a readable Parquet file: {exc}") from exc
    if len(frame) == 0:
        raise FileFailure("empty file", "the file has no rows")
    labels = row_labels(file, 1, len(frame))
    return raw_frame(frame, file, labels, labels, range(len(frame)), "")


def _parquet_table(parquet, use_threads: bool):
    """The table of a Parquet file, read a row group at a time, its string columns as
    ``large_string`` (what pandas' ``str`` columns hold: no copy when they are made).

    Read whole, a file with 1 GB of text took 2.4 GB more memory at its peak and three times
    the CPU time; a row group at a time, 1.3 GB.
    """
    import pyarrow as pa

    if parquet.num_row_groups == 0:
        return parquet.read(use_threads=use_threads)
    schema = pa.schema(
        [
            f.with_type(pa.large_string()) if f.type == pa.string() else f
            for f in parquet.schema_arrow
        ],
        metadata=parquet.schema_arrow.metadata,
    )
    return pa.concat_tables(
        [
            parquet.read_row_group(i, use_threads=use_threads).cast(schema)
            for i in range(parquet.num_row_groups)
        ]
    )


def read_table_file(file: File, opts: Options, problems: list, notes: list | None = None):
    """Read one tabular file into a raw frame (or None when it holds no good record); a
    remark on how it was decoded goes to ``notes``."""
    if file.fmt == "parquet":
        return _read_parquet(file)
    data = read_bytes(file)
    if _blank(data):
        raise FileFailure("empty file", "the file is empty")
    if file.fmt in ("csv", "tsv"):
        frame = _utf8_csv(data, file, opts)
        if frame is not None:
            return frame
    try:
        text, encoding, note = decode(data, opts.encoding, strict=opts.strict)
    except Undecodable as exc:
        raise FileFailure("undecodable bytes", exc.detail) from exc
    if note:
        warn_repaired(file.label, note, notes)
    if file.fmt in ("csv", "tsv"):
        return _read_csv_text(text, file, encoding, opts)
    if file.fmt == "jsonl":
        return _read_jsonl_text(text, file, encoding, problems)
    return _read_json_text(text, file, encoding, problems)
