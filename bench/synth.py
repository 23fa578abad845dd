"""A synthetic news corpus for benchmarks: dated articles from a few outlets, written to Parquet.

What the text looks like, and why:

* words are drawn with their real English frequencies (``wordfreq.top_n_list("en", 50_000)``
  weighted by ``wordfreq.word_frequency``), so the vocabulary, the token lengths and the share
  of rare words are those of real text; tokens holding digits or symbols are left out and a
  few numbers and years are added;
* article lengths are lognormal around 450 words (the median of news articles), scaled by
  outlet; sentences of about 20 words end in ``.``, ``?`` or a paragraph break and start with
  a capital; commas, semicolons, colons, dashes, hyphens (``fellow-citizens``), paired curly
  quotes and curly apostrophes (``Armenia’s``, ``don’t``) appear at news-like rates;
* a few Cyrillic, Armenian and accented Latin names (Пашинян, Երևան, Erdoğan) are mixed in,
  so the non-ASCII paths of a tokenizer are exercised;
* the entries of ``bench/lexicon100.yml`` are inserted at 1-5 per 1,000 words (by outlet),
  three times as often in the "crisis" months, each glob as a real completion from the word
  list (``collaps*`` as collapse, collapsed, collapsing ...), each phrase as its words;
* dates run from 2019 to 2024, with more articles in the crisis months; 4-8 outlets.

Everything is drawn from one seeded :class:`numpy.random.Generator`, so the same seed and size
give the same file, byte for byte. The text is assembled as UTF-8 bytes with NumPy (no Python
string per word) and handed to Arrow as buffers, in blocks of a few thousand articles written as
Parquet row groups of 20,000 articles (zstd): generating 1 GB never holds more than one row
group in memory.

Run ``python -m bench.synth --size 100MB`` (or ``1GB``, ``--articles 100000``); files go to
``bench/data/`` (which ignores its own contents in git). Sizes count the UTF-8 bytes of the
``text`` column (1 MB = 10^6 bytes), not the compressed file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data"
LEXICON = HERE / "lexicon100.yml"
VERSION = "1"  # change when the generator's output changes
ROW_GROUP = 20_000
_BLOCK = 4_000  # articles generated at once (ROW_GROUP is a multiple of it)
_META_KEY = b"bench.synth"

OUTLETS = [
    "Caucasus Ledger",
    "The Daily Meridian",
    "Eurasia Wire",
    "Northern Courier",
    "The Evening Standard Post",
    "Capital Report",
    "Frontier Times",
    "Global Dispatch",
]
# months with more articles and three times the framing vocabulary
CRISIS_MONTHS = ("2020-03", "2020-04", "2022-02", "2022-03", "2022-09", "2023-09", "2024-04")
NAMES = [
    "Пашинян", "Ереван", "Москва", "Путин", "Лавров", "ОДКБ", "Кремль", "Алиев",
    "Երևան", "Հայաստան", "Փաշինյան", "Արցախ",
    "Erdoğan", "Aliyev", "Pashinyan", "Zelensky", "Tokayev", "Lukashenko", "Kyiv", "Tbilisi",
    "Gyumri", "Şuşa", "Ağdam", "Bakı", "Jermuk", "Syunik", "Stepanakert", "Macron", "Scholz",
]  # fmt: skip
NUMBERS = ["2019", "2020", "2021", "2022", "2023", "2024", "1", "2", "3", "5", "10", "12", "15",
           "20", "25", "30", "40", "50", "100", "200", "500", "1,000", "3.5", "2.1"]  # fmt: skip

# separators between words: (text, share of word gaps); the sentence ends are drawn apart
_SEPS = {
    "space": " ",
    "comma": ", ",
    "semicolon": "; ",
    "colon": ": ",
    "hyphen": "-",
    "dash": " — ",
    "period": ". ",
    "question": "? ",
    "paragraph": ".\n\n",
    "open_quote": " “",
    "close_quote": "” ",
    "final": ".",
    "none": "",
}
_GAP_SHARES = [("comma", 0.055), ("semicolon", 0.003), ("colon", 0.003), ("hyphen", 0.012),
               ("dash", 0.003)]  # fmt: skip
_SENTENCE_END = 1 / 21  # share of gaps that end a sentence
_END_SHARES = [("period", 0.78), ("question", 0.04), ("paragraph", 0.18)]
_QUOTE_RATE = 0.004  # share of gaps that open a quotation
_CURLY_APOSTROPHE = 0.4  # share of apostrophes written ’
_NAME_SHARE = 0.002  # share of word tokens that are names from NAMES
_NUMBER_SHARE = 0.008


@dataclass(frozen=True)
class Params:
    """What a generated corpus depends on (stored in the Parquet file's metadata)."""

    seed: int = 0
    size_bytes: int | None = 100_000_000
    articles: int | None = None
    mean_words: float = 450.0
    lexicon: str = "lexicon100.yml"
    version: str = VERSION
    wordfreq: str = field(default="")


def parse_size(text: str | int) -> int:
    """Bytes in a size such as ``"100MB"``, ``"1GB"``, ``"250kB"`` or ``"5e6"`` (decimal units).

    Examples
    --------
    >>> parse_size("100MB"), parse_size("1GB"), parse_size("1.5 MB"), parse_size(2000)
    (100000000, 1000000000, 1500000, 2000)
    """
    if isinstance(text, int):
        return text
    m = re.fullmatch(r"\s*([0-9.eE+]+)\s*([kKmMgG]?)[bB]?\s*", str(text))
    if not m:
        raise SystemExit(f"--size: cannot read {text!r}; write e.g. 100MB or 1GB")
    unit = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2).lower()]
    return int(float(m.group(1)) * unit)


def size_label(n_bytes: int) -> str:
    """``100000000`` -> ``"100MB"``, ``1000000000`` -> ``"1GB"``.

    Examples
    --------
    >>> size_label(100_000_000), size_label(10**9), size_label(20_500_000)
    ('100MB', '1GB', '20.5MB')
    """
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n_bytes >= scale:
            return f"{n_bytes / scale:g}{unit}"
    return f"{n_bytes}B"


# --------------------------------------------------------------------------------------
# the pieces text is assembled from
# --------------------------------------------------------------------------------------


class _Pieces:
    """Every piece of text as UTF-8 bytes in one buffer, addressed by piece id.

    Ids: ``4 * V`` word forms (``variant * V + word``; variants: plain, Capitalized, curly
    apostrophe, both), then ``2 * T`` framing terms (``term * 2 + capitalized``), then the
    separators.
    """

    def __init__(self, lexicon_path: Path):
        import wordfreq

        words = [
            w
            for w in wordfreq.top_n_list("en", 50_000)
            if re.fullmatch(r"[^\W\d_]+(?:'[^\W\d_]+)?", w)
        ]
        freq = np.array([wordfreq.word_frequency(w, "en") for w in words], dtype=np.float64)
        plain = [_fix_i(w) for w in words]
        names = NAMES + NUMBERS
        name_freq = np.concatenate(
            [
                np.full(len(NAMES), _NAME_SHARE / len(NAMES)),
                np.full(len(NUMBERS), _NUMBER_SHARE / len(NUMBERS)),
            ]
        )
        freq = freq / freq.sum() * (1 - _NAME_SHARE - _NUMBER_SHARE)
        plain += names
        self.n_words = v = len(plain)
        self.word_cdf = np.cumsum(np.concatenate([freq, name_freq]))
        self.word_cdf /= self.word_cdf[-1]
        self.has_apostrophe = np.array(["'" in w for w in plain])
        # title words: skip the 150 most frequent (function) words
        title_p = np.concatenate([freq, name_freq]).copy()
        title_p[:150] = 0
        self.title_cdf = np.cumsum(title_p) / title_p.sum()

        capital = [w[:1].upper() + w[1:] for w in plain]
        forms = plain + capital + [w.replace("'", "’") for w in plain]
        forms += [w.replace("'", "’") for w in capital]

        self.terms, term_weights = _term_forms(lexicon_path, words, freq)
        self.term_cdf = np.cumsum(term_weights) / np.sum(term_weights)
        self.term_base = 4 * v
        for t in self.terms:
            forms += [t, t[:1].upper() + t[1:]]
        self.sep_base = len(forms)
        self.sep = {name: self.sep_base + i for i, name in enumerate(_SEPS)}
        forms += list(_SEPS.values())

        encoded = [f.encode("utf-8") for f in forms]
        self.length = np.array([len(b) for b in encoded], dtype=np.int64)
        self.offset = np.concatenate([[0], np.cumsum(self.length)[:-1]]).astype(np.int64)
        self.blob = np.frombuffer(b"".join(encoded), dtype=np.uint8)

    def render(self, seq: np.ndarray, pieces_per_row: np.ndarray):
        """Concatenate the pieces ``seq`` into rows of ``pieces_per_row`` pieces: an Arrow array."""
        import pyarrow as pa

        lengths = self.length[seq]
        ends = np.cumsum(lengths)
        total = int(ends[-1]) if len(ends) else 0
        index_type = np.int32 if total < 2**31 - 1 else np.int64
        src = np.repeat((self.offset[seq] - (ends - lengths)).astype(index_type), lengths)
        src += np.arange(total, dtype=index_type)
        data = self.blob[src]
        del src
        row_ends = np.cumsum(pieces_per_row)
        offsets = np.zeros(len(pieces_per_row) + 1, dtype=np.int64)
        nonempty = row_ends > 0
        offsets[1:][nonempty] = ends[row_ends[nonempty] - 1]
        if total < 2**31 - 1:
            return pa.StringArray.from_buffers(
                len(pieces_per_row), pa.py_buffer(offsets.astype(np.int32)), pa.py_buffer(data)
            )
        return pa.LargeStringArray.from_buffers(
            len(pieces_per_row), pa.py_buffer(offsets), pa.py_buffer(data)
        )


def _fix_i(word: str) -> str:
    """English writes the pronoun I (and I'm, I've ...) with a capital."""
    return "I" + word[1:] if word == "i" or word.startswith("i'") else word


def _term_forms(lexicon_path: Path, words: list[str], freq: np.ndarray):
    """Surface forms of the lexicon's entries and their weights (globs as real completions)."""
    from framing.lexicon import glob_to_regex, read_lexicon

    lexicon = read_lexicon(lexicon_path)
    rank = {w: i for i, w in enumerate(words)}
    forms: list[str] = []
    weights: list[float] = []
    for k, entry in enumerate(lexicon.entries):
        entry_weight = 1.0 / (1 + k % 10) ** 0.7  # earlier entries of a frame are commoner
        choices: list[tuple[str, ...]] = [()]
        probs = [1.0]
        for tok in entry.tokens:
            if "*" in tok or "?" in tok:
                rx = re.compile(glob_to_regex(tok))
                found = [(w, freq[rank[w]]) for w in words if "'" not in w and rx.fullmatch(w)]
                found = sorted(found, key=lambda x: -x[1])[:8] or [(tok.replace("*", ""), 1.0)]
                total = sum(f for _, f in found)
                options = [(w, f / total) for w, f in found]
            else:
                options = [(tok, 1.0)]
            choices = [c + (w,) for c in choices for w, _ in options]
            probs = [p * q for p in probs for _, q in options]
        for c, p in zip(choices, probs, strict=True):
            forms.append(" ".join(c))
            weights.append(entry_weight * p)
    return forms, np.array(weights)


# --------------------------------------------------------------------------------------
# articles
# --------------------------------------------------------------------------------------


class _Corpus:
    """The corpus-level draws (outlets, months) and the block generator."""

    def __init__(self, params: Params, pieces: _Pieces):
        self.p = params
        self.pieces = pieces
        self.rng = np.random.default_rng(params.seed)
        rng = self.rng
        n_outlets = int(rng.integers(4, 9))
        self.outlets = [OUTLETS[i] for i in sorted(rng.choice(len(OUTLETS), n_outlets, False))]
        self.outlet_share = rng.dirichlet(np.full(n_outlets, 2.0))
        self.outlet_length = rng.uniform(0.75, 1.35, n_outlets)
        self.outlet_rate = rng.uniform(1.0, 5.0, n_outlets)  # framing terms per 1,000 words
        months = np.arange(np.datetime64("2019-01"), np.datetime64("2025-01"))
        self.months = months
        self.crisis = np.isin(months.astype(str), CRISIS_MONTHS)
        weights = np.where(self.crisis, 1.6, 1.0) * rng.uniform(0.85, 1.15, len(months))
        self.month_cdf = np.cumsum(weights) / weights.sum()
        self.done = 0

    def block(self, n: int):
        """The next ``n`` articles as a pyarrow Table (sorted by date within the block)."""
        import pyarrow as pa

        rng = self.rng
        # dates, outlets, lengths
        month = np.searchsorted(self.month_cdf, rng.random(n))
        start = self.months[month].astype("datetime64[s]")
        days = (self.months[month] + 1).astype("datetime64[D]") - self.months[month].astype(
            "datetime64[D]"
        )
        seconds = (rng.random(n) * days.astype(np.int64) * 86_400).astype(np.int64)
        date = np.sort(start + seconds.astype("timedelta64[s]"))
        month = np.searchsorted(self.months.astype("datetime64[s]"), date, side="right") - 1
        outlet = np.searchsorted(np.cumsum(self.outlet_share), rng.random(n) * 0.999999)
        n_words = rng.lognormal(np.log(self.p.mean_words), 0.55, n) * self.outlet_length[outlet]
        n_words = np.clip(n_words, 25, 12_000).astype(np.int64)

        text = self._text(n_words, outlet, month)
        title = self._title(n)
        ids = [f"synth{self.p.seed}-{i:08d}" for i in range(self.done, self.done + n)]
        self.done += n
        return pa.table(
            {
                "article_id": pa.array(ids, pa.string()),
                "date": pa.array(date, pa.timestamp("s")),
                "outlet": pa.array([self.outlets[i] for i in outlet], pa.string()),
                "title": title,
                "text": text,
            }
        )

    def _text(self, n_words, outlet, month):
        rng, pc = self.rng, self.pieces
        v, sep = pc.n_words, pc.sep
        total = int(n_words.sum())
        first = np.concatenate([[0], np.cumsum(n_words)[:-1]])
        last = first + n_words - 1
        article = np.repeat(np.arange(len(n_words)), n_words)
        words = np.searchsorted(pc.word_cdf, rng.random(total)).astype(np.int64)
        words = np.minimum(words, v - 1)

        # the gap after each word
        u = rng.random(total)
        gaps = np.full(total, sep["space"], dtype=np.int64)
        ends = u < _SENTENCE_END
        cut = _SENTENCE_END
        for name, share in _GAP_SHARES:
            gaps[(u >= cut) & (u < cut + share)] = sep[name]
            cut += share
        end_kind = np.searchsorted(np.cumsum([s for _, s in _END_SHARES]), rng.random(total))
        end_ids = np.array([sep[name] for name, _ in _END_SHARES])[np.minimum(end_kind, 2)]
        gaps[ends] = end_ids[ends]
        # paired curly quotes: an opening gap, then a closing one 2-8 words on
        opens = np.flatnonzero((rng.random(total) < _QUOTE_RATE) & (gaps == sep["space"]))
        closes = opens + rng.integers(2, 9, len(opens))
        ok = closes < total
        ok[ok] &= (article[closes[ok]] == article[opens[ok]]) & (gaps[closes[ok]] == sep["space"])
        gaps[opens[ok]] = sep["open_quote"]
        gaps[closes[ok]] = sep["close_quote"]
        gaps[last] = sep["final"]

        # capitals after a sentence end and at the start; curly apostrophes
        capital = np.zeros(total, dtype=bool)
        capital[first] = True
        after_end = np.flatnonzero(np.isin(gaps, end_ids)) + 1
        capital[after_end[after_end < total]] = True
        variant = capital.astype(np.int64)
        curly = pc.has_apostrophe[words] & (rng.random(total) < _CURLY_APOSTROPHE)
        variant += 2 * curly
        pieces = variant * v + words

        # framing terms: Poisson per article, at 1-5 per 1,000 words, x3 in crisis months
        rate = self.outlet_rate[outlet] * np.where(self.crisis[month], 3.0, 1.0)
        rate = rate * rng.gamma(2.0, 0.5, len(n_words))
        k = rng.poisson(rate * n_words / 1000)
        where = np.repeat(first, k) + (rng.random(int(k.sum())) * np.repeat(n_words, k)).astype(
            np.int64
        )
        term = np.searchsorted(pc.term_cdf, rng.random(len(where)))
        term = np.minimum(term, len(pc.terms) - 1)
        pieces[where] = pc.term_base + 2 * term + capital[where]

        seq = np.empty(2 * total, dtype=np.int64)
        seq[0::2] = pieces
        seq[1::2] = gaps
        return pc.render(seq, 2 * n_words)

    def _title(self, n):
        rng, pc = self.rng, self.pieces
        n_words = rng.integers(4, 12, n)
        total = int(n_words.sum())
        words = np.minimum(np.searchsorted(pc.title_cdf, rng.random(total)), pc.n_words - 1)
        pieces = pc.n_words + words  # Capitalized variant
        seq = np.empty(2 * total, dtype=np.int64)
        seq[0::2] = pieces
        seq[1::2] = pc.sep["space"]
        seq[2 * np.cumsum(n_words) - 1] = pc.sep["none"]
        return pc.render(seq, 2 * n_words)


# --------------------------------------------------------------------------------------
# files
# --------------------------------------------------------------------------------------


def _wordfreq_version() -> str:
    from importlib.metadata import version

    return version("wordfreq")


def default_path(params: Params, directory: Path = DATA_DIR) -> Path:
    """Where a corpus with these parameters is kept."""
    what = size_label(params.size_bytes) if params.articles is None else f"{params.articles}art"
    extra = "" if params.mean_words == 450 else f"-w{params.mean_words:g}"
    return Path(directory) / f"synth-{what}{extra}-seed{params.seed}.parquet"


def stored_params(path: Path) -> dict | None:
    """The generator parameters stored in a corpus file, or None."""
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, ValueError):
        return None
    raw = meta.get(_META_KEY)
    return json.loads(raw) if raw else None


def _ignore_folder(directory: Path) -> None:
    """Make a generated-data folder ignore its own contents in git."""
    directory.mkdir(parents=True, exist_ok=True)
    marker = directory / ".gitignore"
    if not marker.exists():
        marker.write_text("# generated by bench/synth.py; never committed\n*\n")


def generate(
    path: str | os.PathLike | None = None,
    *,
    size: str | int | None = "100MB",
    articles: int | None = None,
    seed: int = 0,
    mean_words: float = 450.0,
    lexicon: str | os.PathLike = LEXICON,
    force: bool = False,
    verbose: bool = True,
) -> Path:
    """Write a synthetic corpus to Parquet (or reuse the file if it was made the same way).

    Parameters
    ----------
    path : path, optional
        The Parquet file; by default ``bench/data/synth-<size>-seed<seed>.parquet``.
    size : str or int
        Stop after the article that brings the ``text`` column to this many UTF-8 bytes
        (``"100MB"``, ``"1GB"``). Ignored when ``articles`` is given.
    articles : int, optional
        Write exactly this many articles instead.
    seed : int
        The seed of the one random generator everything is drawn from.
    mean_words : float
        The median article length in words (the lognormal's median), before outlet scaling.
    lexicon : path
        The lexicon whose entries are inserted as framing terms.
    force : bool
        Regenerate even when a file with the same parameters exists.

    Returns
    -------
    Path
        The file: columns ``article_id``, ``date``, ``outlet``, ``title``, ``text``; row
        groups of 20,000 articles, zstd.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    size_bytes = None if articles is not None else parse_size(size)
    params = Params(
        seed=seed,
        size_bytes=size_bytes,
        articles=articles,
        mean_words=float(mean_words),
        lexicon=Path(lexicon).name,
        wordfreq=_wordfreq_version(),
    )
    path = Path(path) if path is not None else default_path(params)
    if path.parent.resolve() == DATA_DIR.resolve():
        _ignore_folder(DATA_DIR)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not force and path.exists() and stored_params(path) == asdict(params):
        return path

    t0 = time.perf_counter()
    pieces = _Pieces(Path(lexicon))
    corpus = _Corpus(params, pieces)
    tmp = path.with_suffix(".parquet.part")
    writer = None
    pending: list = []
    n_pending = done_bytes = done_articles = 0
    try:
        while True:
            n = _BLOCK if articles is None else min(_BLOCK, articles - done_articles)
            if n <= 0:
                break
            table = corpus.block(n)
            text_bytes = np.asarray(pa.compute.binary_length(table.column("text")))
            if size_bytes is not None:
                reach = np.searchsorted(np.cumsum(text_bytes) + done_bytes, size_bytes)
                if reach < n:
                    table = table.slice(0, int(reach) + 1)
            done_bytes += int(text_bytes[: table.num_rows].sum())
            done_articles += table.num_rows
            pending.append(table)
            n_pending += table.num_rows
            finished = (size_bytes is not None and done_bytes >= size_bytes) or (
                articles is not None and done_articles >= articles
            )
            if n_pending >= ROW_GROUP or finished:
                block = pa.concat_tables(pending).combine_chunks()
                if writer is None:
                    meta = {_META_KEY: json.dumps(asdict(params)).encode()}
                    writer = pq.ParquetWriter(
                        tmp, block.schema.with_metadata(meta), compression="zstd"
                    )
                writer.write_table(block.replace_schema_metadata(writer.schema.metadata),
                                   row_group_size=ROW_GROUP)  # fmt: skip
                pending, n_pending = [], 0
                if verbose:
                    print(
                        f"\r{path.name}: {done_articles:,} articles, {done_bytes / 1e6:,.0f} MB",
                        end="",
                        file=sys.stderr,
                        flush=True,
                    )
            if finished:
                break
    finally:
        if writer is not None:
            writer.close()
    os.replace(tmp, path)
    if verbose:
        print(f" ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return path


def head_subset(path: str | os.PathLike, size: str | int, *, out: Path | None = None) -> Path:
    """The first articles of a corpus file whose texts add up to ``size`` bytes, as Parquet.

    Cached next to the source (``<name>-head<size>.parquet``) and reused while the source's
    parameters are unchanged.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    size_bytes = parse_size(size)
    out = out or path.with_name(f"{path.stem}-head{size_label(size_bytes)}.parquet")
    source_meta = (pq.read_schema(path).metadata or {}).get(_META_KEY, b"")
    if out.exists() and (pq.read_schema(out).metadata or {}).get(_META_KEY) == source_meta:
        return out
    parts, done = [], 0
    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=2_000):
        lengths = np.asarray(
            pa.compute.binary_length(batch.column(batch.schema.get_field_index("text")))
        )
        reach = int(np.searchsorted(np.cumsum(lengths) + done, size_bytes))
        if reach < batch.num_rows:
            parts.append(batch.slice(0, reach + 1))
            break
        parts.append(batch)
        done += int(lengths.sum())
    table = pa.Table.from_batches(parts).replace_schema_metadata(pf.schema_arrow.metadata)
    tmp = out.with_suffix(".parquet.part")
    pq.write_table(table, tmp, compression="zstd", row_group_size=ROW_GROUP)
    os.replace(tmp, out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.synth", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--size", default="100MB", help="text bytes to write: 100MB, 1GB ...")
    parser.add_argument("--articles", type=int, help="write exactly this many articles instead")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mean-words", type=float, default=450.0)
    parser.add_argument("--out", type=Path, help="the Parquet file (default: under bench/data/)")
    parser.add_argument("--force", action="store_true", help="regenerate an existing file")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N articles")
    args = parser.parse_args(argv)
    path = generate(
        args.out,
        size=args.size,
        articles=args.articles,
        seed=args.seed,
        mean_words=args.mean_words,
        force=args.force,
    )
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    print(
        f"{path}: {pf.metadata.num_rows:,} articles, {pf.metadata.num_row_groups} row groups, "
        f"{path.stat().st_size / 1e6:,.1f} MB on disk"
    )
    if args.show:
        table = pf.read_row_group(0).slice(0, args.show).to_pylist()
        for row in table:
            print(f"\n[{row['article_id']}] {row['date']} {row['outlet']}: {row['title']}")
            print(row["text"][:1500])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
