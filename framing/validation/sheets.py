"""Reading coded KWIC sheets back: the coding table.

A coding sheet is the CSV :func:`framing.sample_kwic` writes with ``path=`` (UTF-8 with a
byte-order mark, formula-like cells neutralized with a leading ``'``), coded by hand in a
spreadsheet program: a code in the ``code`` column of each passage, a ``note`` where wanted.
Spreadsheet programs save it back in their own ways, all of which read the same here:

* with or without the byte-order mark, with ``,``, ``;`` or a tab between cells (Excel in
  locales with a decimal comma saves ``;``); a sheet saved in a legacy code page (Excel's
  plain "CSV" on Windows) is refused with the fix ("CSV UTF-8");
* with the neutralized cells as written (``'=...``, restored by
  :func:`framing.export.restore_formulas`);
* with codes spelled ``1``/``0``, ``y``/``n``, ``yes``/``no``, ``relevant``/``not relevant``
  or ``unsure``, in any case and with stray spaces (:data:`CODE_SPELLINGS`).

Rows without a code are passages not yet coded: they are left out (their number per sheet is
in ``attrs["coding"]["uncoded"]``). The coder of a sheet is its ``coder`` column where filled,
else the ``coder=`` argument, else the sheet's file name without the extension.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import FramingError
from ..export import restore_formulas

__all__ = ["read_coding", "CODES", "CODE_SPELLINGS", "normalize_codes", "passage_keys"]

#: the normalized codes of a coding table
CODES = ("relevant", "not_relevant", "unsure")
#: every spelling :func:`read_coding` accepts (compared lower-cased, spaces collapsed)
CODE_SPELLINGS = {
    "1": "relevant", "1.0": "relevant", "y": "relevant", "yes": "relevant",
    "relevant": "relevant", "r": "relevant",
    "0": "not_relevant", "0.0": "not_relevant", "n": "not_relevant", "no": "not_relevant",
    "not relevant": "not_relevant", "not_relevant": "not_relevant",
    "not-relevant": "not_relevant", "irrelevant": "not_relevant",
    "unsure": "unsure", "?": "unsure", "u": "unsure",
}  # fmt: skip
#: the columns a sheet must have
SHEET_COLUMNS = ("article_id", "start", "end", "code")
_SEPARATORS = (",", ";", "\t")
_SPACES = re.compile(r"\s+")


def passage_keys(coded: pd.DataFrame) -> list[str]:
    """The columns that name one passage: the hit's article, offsets and frame (when known).

    Examples
    --------
    >>> passage_keys(pd.DataFrame(columns=["article_id", "frame", "start", "end", "code"]))
    ['article_id', 'start', 'end', 'frame']
    """
    keys = ["article_id", "start", "end"]
    return keys + (["frame"] if "frame" in coded.columns else [])


def normalize_codes(codes, *, where: str = "codes", rows=None) -> np.ndarray:
    """Map hand-typed codes to ``relevant``, ``not_relevant``, ``unsure`` ("" stays "").

    ``rows`` are the row numbers named in the error (default: 1, 2, ...).

    Examples
    --------
    >>> normalize_codes([" Yes", "0", "Not  relevant", "UNSURE", ""]).tolist()
    ['relevant', 'not_relevant', 'not_relevant', 'unsure', '']
    >>> normalize_codes(["1", "maybe"], where="ann.csv")
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: ann.csv: 1 code is not one of the accepted spellings: 'maybe' (row 2). Use 1/0, y/n, yes/no, relevant/not relevant or unsure.
    """
    texts = ["" if c is None or c != c else _SPACES.sub(" ", str(c)).strip() for c in codes]
    out = [CODE_SPELLINGS.get(t.lower(), None) if t else "" for t in texts]
    bad = [i for i, o in enumerate(out) if o is None]
    if bad:
        rows = list(range(1, len(texts) + 1)) if rows is None else list(rows)
        shown = ", ".join(f"{texts[i]!r} (row {rows[i]})" for i in bad[:8])
        more = f" and {len(bad) - 8} more" if len(bad) > 8 else ""
        noun = "code is" if len(bad) == 1 else "codes are"
        raise FramingError(
            f"{len(bad)} {noun} not one of the accepted spellings: {shown}{more}",
            where=where,
            fix="Use 1/0, y/n, yes/no, relevant/not relevant or unsure.",
        )
    return np.array(out, dtype=object)


def _separator(path: Path) -> str:
    """The cell separator of a sheet: the one that splits its header into the sheet's columns."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = f.readline()
    for sep in _SEPARATORS:
        names = {c.strip().strip('"') for c in header.split(sep)}
        if {"article_id", "code"} <= names:
            return sep
    return ","


def _read_sheet(path: Path) -> pd.DataFrame:
    """One sheet as strings, formulas restored; FramingError naming the file when unreadable."""
    where = str(path)
    if not path.is_file():
        raise FramingError("no such file", where=where, fix="Check the path of the coding sheet.")
    try:
        sheet = pd.read_csv(
            path,
            sep=_separator(path),
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
        )
    except UnicodeDecodeError as exc:
        raise FramingError(
            "is not UTF-8 text (a spreadsheet program saved it in a legacy code page)",
            where=where,
            fix="Save it again as 'CSV UTF-8' (Excel) or with the character set 'Unicode "
            "(UTF-8)' (LibreOffice).",
        ) from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise FramingError(
            f"cannot be read as a CSV table ({exc})", where=where, fix="Pass a coding sheet."
        ) from exc
    return restore_formulas(sheet)


def _as_table(source, i: int) -> tuple[pd.DataFrame, str, str]:
    """(table of strings, name for errors, default coder) of one sheet or DataFrame."""
    if isinstance(source, pd.DataFrame):
        return source.copy(), f"read_coding(coded[{i}])", f"coder{i + 1}"
    if isinstance(source, str | Path):
        path = Path(source)
        return _read_sheet(path), str(path), path.stem
    raise FramingError(
        f"expected a path or a DataFrame, got {type(source).__name__}",
        where="read_coding",
        fix="Pass the path of a coding sheet written by sample_kwic, or a list of paths.",
    )


def _offsets(sheet: pd.DataFrame, where: str, rows: np.ndarray) -> pd.DataFrame:
    """``start``/``end`` as int64, or an error naming the rows that are not offsets."""
    for col in ("start", "end"):
        values = pd.to_numeric(sheet[col], errors="coerce")
        bad = values.isna() | (values != values.round()) | (values < 0)
        if bad.any():
            shown = ", ".join(
                f"{v!r} (row {r})"
                for v, r in zip(sheet.loc[bad, col][:5], rows[bad][:5], strict=True)
            )
            raise FramingError(
                f"the {col!r} column holds values that are not character offsets: {shown}",
                where=where,
                fix="Leave the columns sample_kwic wrote as they are; code only 'code' and 'note'.",
            )
        sheet[col] = values.to_numpy(dtype="int64")
    return sheet


def _one_sheet(source, i: int, coder) -> tuple[pd.DataFrame, str, int]:
    """The coded rows of one sheet with normalized codes; (table, name, uncoded rows)."""
    sheet, where, default_coder = _as_table(source, i)
    missing = [c for c in SHEET_COLUMNS if c not in sheet.columns]
    if missing:
        raise FramingError(
            f"has no column {', '.join(map(repr, missing))}; it has "
            + ", ".join(map(repr, sheet.columns[:12])),
            where=where,
            fix="Pass a sheet written by framing.sample_kwic(..., path=...), coded in its "
            "'code' column.",
        )
    # the row a spreadsheet program shows: the header is row 1
    rows = (
        np.arange(2, len(sheet) + 2)
        if not isinstance(source, pd.DataFrame)
        else np.arange(len(sheet))
    )
    codes = normalize_codes(sheet["code"].tolist(), where=where, rows=rows)
    keep = codes != ""
    sheet = sheet.assign(code_as_written=sheet["code"], code=codes)
    sheet = _offsets(sheet[keep].copy(), where, rows[keep])
    sheet["row"] = rows[keep]
    sheet["sheet"] = where
    written = sheet["coder"].astype(str).str.strip() if "coder" in sheet.columns else None
    fallback = coder if coder is not None else default_coder
    sheet["coder"] = fallback if written is None else written.where(written != "", fallback)
    if "note" not in sheet.columns:
        sheet["note"] = ""
    sheet["note"] = sheet["note"].fillna("").astype(str)
    return _typed(sheet), where, int((~keep).sum())


def _typed(sheet: pd.DataFrame) -> pd.DataFrame:
    """The KWIC columns a sheet holds as text back in their types: ``sentence`` (int),
    ``negated`` (bool, as a spreadsheet writes it too: TRUE/FALSE) and ISO ``date``s."""
    if "sentence" in sheet.columns:
        sentence = pd.to_numeric(sheet["sentence"], errors="coerce")
        if sentence.notna().all():
            sheet["sentence"] = sentence.astype("int64")
    if "negated" in sheet.columns:
        flags = sheet["negated"].astype(str).str.strip().str.lower()
        if flags.isin(["true", "false"]).all():
            sheet["negated"] = flags == "true"
    if "date" in sheet.columns and sheet["date"].dtype != "datetime64[ns]":
        dates = pd.to_datetime(sheet["date"], format="ISO8601", errors="coerce")
        if dates.notna().all():
            sheet["date"] = dates
    return sheet


def _coders(coder, n: int) -> list:
    if coder is None or isinstance(coder, str):
        return [coder] * n
    coder = list(coder)
    if len(coder) != n:
        raise FramingError(
            f"{len(coder)} coders for {n} sheets",
            where="read_coding(coder=...)",
            fix="Pass one coder name per sheet, or one name for all.",
        )
    return coder


def read_coding(path_or_paths, *, coder=None, hits=None, articles=None) -> pd.DataFrame:
    """Read coded KWIC sheets (one or several coders) into one coding table.

    Parameters
    ----------
    path_or_paths : str, Path, DataFrame or list of them
        Coding sheets written by :func:`framing.sample_kwic` with ``path=`` and coded by hand
        (see the module's notes on what spreadsheet programs change), or such tables in
        memory.
    coder : str or list of str, optional
        The coder of each sheet whose ``coder`` column is empty or absent (default: the file
        name without extension, e.g. ``"threat-ann"``; ``"coder1"``, ... for DataFrames).
    hits : DataFrame, optional
        The hits table the sample was drawn from: every coded passage must be one of its hits
        with the same ``frame`` and ``entry``. A sheet drawn from another lexicon version is
        refused with the entries and rows that do not match.
    articles : DataFrame, optional
        The articles table: every passage's ``match``, ``left`` and ``right`` must still read
        so in its text (whitespace aside). Edited or differently cleaned texts are refused
        with the rows named.

    Returns
    -------
    DataFrame
        One row per coded passage and coder: the sheet's columns (``article_id``, ``frame``,
        ``entry``, ``match``, ``start``, ``end``, ``left``, ``right``, ...), ``code``
        (``relevant``, ``not_relevant``, ``unsure``), ``code_as_written``, ``coder``,
        ``note``, ``sheet`` (the file) and ``row`` (its row in the spreadsheet, header = 1;
        its position for a DataFrame).
        A passage coded twice the same way by one coder is kept once; two different codes of
        one coder for one passage are an error. ``attrs["coding"]`` holds the sheets, the
        coders and the uncoded rows per sheet.

    Raises
    ------
    FramingError
        Naming the file and row of a code outside the accepted spellings, a missing column,
        an unreadable file, or passages that do not match ``hits``/``articles``.

    Examples
    --------
    >>> sheet = pd.DataFrame({"article_id": ["a", "a", "b"], "frame": ["threat"] * 3,
    ...     "entry": ["threat*"] * 3, "match": ["threat", "threats", "Threat"],
    ...     "start": [0, 20, 5], "end": [6, 27, 11], "code": ["Yes", "0", ""],
    ...     "note": ["", "a drill", ""]})
    >>> coded = read_coding(sheet, coder="ann")
    >>> coded[["article_id", "code", "coder"]].values.tolist()
    [['a', 'relevant', 'ann'], ['a', 'not_relevant', 'ann']]
    >>> coded.attrs["coding"]["uncoded"]
    {'read_coding(coded[0])': 1}
    """
    sources = list(path_or_paths) if isinstance(path_or_paths, list | tuple) else [path_or_paths]
    if not sources:
        raise FramingError("no sheets given", where="read_coding", fix="Pass at least one path.")
    tables, uncoded = [], {}
    for i, (source, name) in enumerate(zip(sources, _coders(coder, len(sources)), strict=True)):
        table, where, n_uncoded = _one_sheet(source, i, name)
        tables.append(table)
        uncoded[where] = n_uncoded
    coded = _drop_repeats(pd.concat(tables, ignore_index=True))
    if hits is not None:
        check_against_hits(coded, hits)
    if articles is not None:
        check_against_texts(coded, articles)
    coded.attrs["coding"] = {
        "sheets": list(uncoded),
        "coders": sorted(coded["coder"].unique().tolist()),
        "uncoded": uncoded,
    }
    return coded


def _drop_repeats(coded: pd.DataFrame) -> pd.DataFrame:
    """One row per coder and passage: identical repeats dropped, conflicting ones refused."""
    keys = [*passage_keys(coded), "coder"]
    codes = coded.groupby(keys, sort=False, dropna=False)["code"].transform("nunique")
    if (codes > 1).any():
        clash = coded[codes.to_numpy() > 1]
        shown = "; ".join(
            f"{r.sheet} row {r.row} ({r.article_id!r} {r.start}-{r.end}: {r.code})"
            for r in clash.head(6).itertuples()
        )
        raise FramingError(
            f"{len(clash)} rows give one passage different codes by the same coder: {shown}",
            where="read_coding",
            fix="Keep one code per passage per coder (or name the coders apart with coder=).",
        )
    return coded.drop_duplicates(keys, ignore_index=True)


def _named_rows(coded: pd.DataFrame, bad: np.ndarray, what: str) -> str:
    """The entries and sheet rows of the ``bad`` passages, shortly."""
    rows = coded[bad]
    entries = rows["entry"] if "entry" in rows.columns else pd.Series("", index=rows.index)
    parts = []
    for entry, group in list(rows.groupby(entries, sort=False))[:6]:
        pairs = list(zip(group["sheet"], group["row"], strict=True))
        named = ", ".join(f"{s} row {r}" for s, r in pairs[:4])
        more = f" and {len(group) - 4} more" if len(group) > 4 else ""
        label = f"entry {entry!r}: " if "entry" in rows.columns else ""
        parts.append(f"{label}{named}{more}")
    return f"{int(bad.sum())} coded passages {what}: " + "; ".join(parts)


def check_against_hits(coded: pd.DataFrame, hits: pd.DataFrame) -> None:
    """Refuse coded passages that are not hits of ``hits`` (same offsets, frame and entry).

    Examples
    --------
    >>> coded = pd.DataFrame({"article_id": ["a"], "frame": ["t"], "entry": ["threat"],
    ...     "start": [0], "end": [6], "sheet": ["s.csv"], "row": [2]})
    >>> hits = coded.assign(entry="threat*")[["article_id", "frame", "entry", "start", "end"]]
    >>> check_against_hits(coded, hits)
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: read_coding(hits=...): 1 coded passages are not among the hits (another lexicon version, or other texts?): entry 'threat': s.csv row 2. Code a new sample from these hits with sample_kwic, or pass the hits the sheet was drawn from.
    """
    keys = [k for k in (*passage_keys(coded), "entry") if k in hits.columns and k in coded]
    have = pd.MultiIndex.from_frame(_key_frame(hits, keys))
    found = pd.MultiIndex.from_frame(_key_frame(coded, keys)).isin(have)
    if not found.all():
        raise FramingError(
            _named_rows(
                coded, ~found, "are not among the hits (another lexicon version, or other texts?)"
            ),
            where="read_coding(hits=...)",
            fix="Code a new sample from these hits with sample_kwic, or pass the hits the "
            "sheet was drawn from.",
        )


def _key_frame(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    out = pd.DataFrame({k: table[k].to_numpy() for k in keys})
    for k in keys:
        if k in ("start", "end"):
            out[k] = pd.to_numeric(out[k], errors="coerce").astype("float64")
        else:
            out[k] = out[k].astype(str)
    return out


def _squash(text: str) -> str:
    return " ".join(text.split())


def check_against_texts(coded: pd.DataFrame, articles: pd.DataFrame) -> None:
    """Refuse coded passages whose match (and context) no longer read so in the articles.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["A new threat emerged."]})
    >>> coded = pd.DataFrame({"article_id": ["a"], "entry": ["threat"], "match": ["threat"],
    ...     "start": [6], "end": [12], "left": ["A new "], "right": [" emerged"],
    ...     "sheet": ["s.csv"], "row": [2]})
    >>> check_against_texts(coded, arts)
    >>> check_against_texts(coded.assign(start=5, end=11), arts)
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: read_coding(articles=...): 1 coded passages no longer read so in the articles' texts (edited or differently cleaned texts?): entry 'threat': s.csv row 2. Pass the articles the sample was drawn from, or code a new sample.
    """
    texts = dict(zip(articles["article_id"].astype(str), articles["text"], strict=True))
    bad = np.zeros(len(coded), dtype=bool)
    cols = {c: coded[c].tolist() if c in coded.columns else [None] * len(coded)
            for c in ("match", "left", "right")}  # fmt: skip
    ids = coded["article_id"].astype(str).tolist()
    starts, ends = coded["start"].tolist(), coded["end"].tolist()
    for i, (aid, s, e) in enumerate(zip(ids, starts, ends, strict=True)):
        text = texts.get(aid)
        bad[i] = not isinstance(text, str) or not _reads_so(
            text, int(s), int(e), cols["match"][i], cols["left"][i], cols["right"][i]
        )
    if bad.any():
        raise FramingError(
            _named_rows(
                coded,
                bad,
                "no longer read so in the articles' texts (edited or differently cleaned texts?)",
            ),
            where="read_coding(articles=...)",
            fix="Pass the articles the sample was drawn from, or code a new sample.",
        )


def _reads_so(text: str, start: int, end: int, match, left, right) -> bool:
    """Whether the text has ``match`` at start:end, ``left`` before and ``right`` after it."""
    if end > len(text) or (isinstance(match, str) and text[start:end] != match):
        return False
    if isinstance(left, str) and left.strip():
        before = _squash(text[max(0, start - 4 * len(left) - 40) : start])
        if not before.endswith(_squash(left)):
            return False
    if isinstance(right, str) and right.strip():
        after = _squash(text[end : end + 4 * len(right) + 40])
        if not after.startswith(_squash(right)):
            return False
    return True
