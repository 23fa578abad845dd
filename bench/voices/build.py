"""Build the voices evaluation set (JSONL) from its hand-marked source files.

The passages are labelled by hand in a light inline markup (see ``README.md``)::

    ### w-en-ap-001 en written:ap-style
    "[[q:Sergei Lavrov|There is no [[n|threat]] to Armenia]]," Lavrov said.

``python -m bench.voices.build`` turns ``written_en.txt`` and ``written_ru.txt`` into
``written.jsonl``, ``dev2_en.txt`` and ``dev2_ru.txt`` (the second development set, written
after the rules were tuned on the first) into ``dev2.jsonl``, ``dev4_ru.txt`` (the fourth,
Russian) into ``dev4.jsonl``, ``dev5_en.txt`` (the fifth, English) into ``dev5.jsonl`` and
``test2_en.txt`` and ``test2_ru.txt`` (a second held-out set) into ``test2.jsonl``,
``test3_*.txt`` (a third, written by four more writers) into ``test3.jsonl`` and
``dev7_*.txt`` … ``dev11_*.txt`` (the seventh to eleventh) into ``dev7.jsonl`` …
``dev11.jsonl``, ``dev12_en_*.txt`` (the twelfth, English) into ``dev12.jsonl``,
``dev13_*.txt`` (the thirteenth, several speakers a passage) into ``dev13.jsonl``,
``dev14_*.txt`` (the fourteenth) into ``dev14.jsonl``; ``dev15_*.txt`` … ``dev20_*.txt``
into ``dev15.jsonl`` … ``dev20.jsonl``;
``--real FILE [FILE ...]`` turns the marked copies of real passages (kept outside the
project: the texts stay in ``../shared/data``) into ``real.jsonl`` (or ``--out``, e.g.
``dev3.jsonl``), which stores a reference (file, row id, character start and end) instead of
the text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from .score import digest

HERE = Path(__file__).resolve().parent
NEWS = HERE.parents[2] / "shared" / "data" / "news"

#: Every occurrence of these terms in a passage is a labelled hit (English, then Russian).
TERMS = re.compile(
    r"\b(?:threat\w*|collaps\w*|suspen(?:d|ds|ded|ding|sion|sions)\b|cris[ie]s|escalat\w*"
    r"|aggress\w*|security|insecurity|wars?|warfare|conflicts?|danger\w*|invasion\w*"
    r"|attack\w*|sanction\w*|tensions?|instability"
    r"|угроз\w*|угрож\w*|распад\w*|развал\w*|кризис\w*|эскалац\w*|агресс\w*|безопасност\w*"
    r"|войн[аыеуо]\w*|войн\b|конфликт\w*|опасн\w*|приостанов\w*|заморо[зж]\w*|замора[жз]\w*|раскол\w*|разрыв\w*|вторжени\w*"
    r"|напряж[её]нност\w*|санкци\w*|нестабильност\w*)\b",
    re.IGNORECASE,
)
_OPEN = re.compile(r"\[\[(?:([qsr]):([^|\[\]]*)|(n))\|")
_KIND = {"q": "quote", "s": "scare_quote", "r": "reported"}
#: A labelled quote starts right after an opening mark and ends right before a closing one.
OPENING = "\"'“‘«„‚"
CLOSING = "\"'”’»“‘"
_DASH_BEFORE = re.compile(r"[—–]\s*\Z")
_DASH_AFTER = re.compile(r"\s*[—–]")


def parse_markup(marked: str) -> tuple[str, list[dict], list[tuple[int, int]]]:
    """The plain text, the labelled spans and the negated stretches of one marked passage.

    >>> text, spans, negated = parse_markup("«[[q:Лавров|Нет [[n|угрозы]]]]», — сказал он.")
    >>> text, spans[0]["kind"], spans[0]["speaker"], text[spans[0]["start"] : spans[0]["end"]]
    ('«Нет угрозы», — сказал он.', 'quote', 'Лавров', 'Нет угрозы')
    >>> [text[a:b] for a, b in negated]
    ['угрозы']
    """
    out: list[str] = []
    pos = n_out = 0
    stack: list[dict] = []
    spans: list[dict] = []
    negated: list[tuple[int, int]] = []
    while pos < len(marked):
        opening = _OPEN.match(marked, pos)
        if opening:
            kind, speaker, neg = opening.groups()
            stack.append({"kind": _KIND[kind] if kind else "n", "speaker": speaker or "",
                          "start": n_out})  # fmt: skip
            pos = opening.end()
        elif marked.startswith("]]", pos) and stack:
            item = stack.pop()
            if item["kind"] == "n":
                negated.append((item["start"], n_out))
            else:
                spans.append({**item, "end": n_out})
            pos += 2
        else:
            out.append(marked[pos])
            n_out += 1
            pos += 1
    if stack:
        raise ValueError(f"unclosed [[ in: {marked[:80]!r}")
    return "".join(out), spans, negated


def occurrence(text: str, sub: str, start: int) -> int:
    """How many times ``sub`` occurs in ``text`` before ``start`` (overlaps counted)."""
    n, i = 0, text.find(sub)
    while i != -1 and i < start:
        n, i = n + 1, text.find(sub, i + 1)
    if i != start:
        raise ValueError(f"{sub!r} is not at {start}")
    return n


def label_hits(text: str, spans: list[dict], negated: list[tuple[int, int]], where: str):
    """Every term occurrence, with the voice and speaker of the span that holds it."""
    hits = []
    used = set()
    for m in TERMS.finditer(text):
        voice, speaker = "narrative", ""
        quotes = [
            s for s in spans if s["kind"] != "reported" and s["start"] <= m.start() < s["end"]
        ]
        reported = [
            s for s in spans if s["kind"] == "reported" and s["start"] <= m.start() < s["end"]
        ]
        if quotes:  # a quote inside a quote belongs to the outer speaker's words
            outer = min(quotes, key=lambda s: s["start"])
            voice, speaker = outer["kind"], outer["speaker"]
        elif reported:
            inner = max(reported, key=lambda s: s["start"])
            voice, speaker = "reported", inner["speaker"]
        neg = [k for k, (a, b) in enumerate(negated) if (a, b) == m.span()]
        used.update(neg)
        hits.append({"text": m.group(), "occurrence": occurrence(text, m.group(), m.start()),
                     "start": m.start(), "end": m.end(), "voice": voice, "speaker": speaker,
                     "negated": bool(neg)})  # fmt: skip
    for k, (a, b) in enumerate(negated):
        if k not in used:
            raise ValueError(f"{where}: [[n|{text[a:b]}]] is not a term")
    return hits


def passage_record(header: list[str], marked: str) -> dict:
    """One JSONL record from a header (id, lang, source[, row id, start, end]) and its text."""
    pid, lang, source = header[:3]
    text, spans, negated = parse_markup(marked)
    record = {"id": pid, "lang": lang, "source": source}
    if source.startswith("real:"):
        file, row_id, start, end = source[5:], header[3], int(header[4]), int(header[5])
        record["ref"] = {"file": file, "row_id": row_id, "start": start, "end": end}
    else:
        record["text"] = text
    quotes = [s for s in spans if s["kind"] != "reported"]
    for s in quotes:  # a Russian quote interrupted by "— сказал он. —" has a dash for a mark
        opened = text[s["start"] - 1 : s["start"]] in tuple(OPENING) or _DASH_BEFORE.search(
            text, 0, s["start"]
        )
        if not opened or not (
            text[s["end"] :][:1] in tuple(CLOSING) or _DASH_AFTER.match(text, s["end"])
        ):
            raise ValueError(
                f"{pid}: the quote {text[s['start'] : s['end']]!r} is not between marks"
            )
    record["quotes"] = [{"text": text[s["start"]:s["end"]], "start": s["start"], "end": s["end"],
                         "kind": s["kind"], "speaker": s["speaker"]}
                        for s in sorted(quotes, key=lambda s: s["start"])]  # fmt: skip
    record["reported"] = [{"text": text[s["start"]:s["end"]], "start": s["start"], "end": s["end"],
                           "speaker": s["speaker"]}
                          for s in sorted(spans, key=lambda s: s["start"])
                          if s["kind"] == "reported"]  # fmt: skip
    record["hits"] = label_hits(text, spans, negated, pid)
    return record, text


def read_marked(path: Path):
    """(header fields, marked text) for each passage of a marked file."""
    header, lines = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            if header:
                yield header, "\n".join(lines).strip("\n")
            header, lines = line[4:].split(), []
        elif line.startswith("#"):
            continue
        elif header:
            lines.append(line)
    if header:
        yield header, "\n".join(lines).strip("\n")


def build(paths: list[Path], out: Path, *, news: Path = NEWS) -> list[dict]:
    """Write the records of the marked ``paths`` to ``out``; real passages are checked."""
    import pandas as pd

    records, tables = [], {}
    for path in paths:
        for header, marked in read_marked(path):
            record, text = passage_record(header, marked)
            if "ref" in record:
                ref = record["ref"]
                if ref["file"] not in tables:
                    table = pd.read_csv(news / ref["file"], dtype=str, keep_default_na=False)
                    tables[ref["file"]] = dict(zip(table["id"], table["text"], strict=True))
                source = tables[ref["file"]][ref["row_id"]][ref["start"] : ref["end"]]
                if source != text:
                    raise ValueError(f"{record['id']}: the marked text differs from the corpus")
                for item in record["quotes"] + record["reported"]:  # only a word of it stays
                    item["digest"] = digest(item.pop("text"))
            records.append(record)
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate passage ids")
    with out.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, nargs="+", help="marked copies of real passages")
    parser.add_argument("--out", type=Path, default=HERE / "real.jsonl",
                        help="where --real writes (bench/voices/real.jsonl; dev3.jsonl for d3-…)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.real:
        records = build(args.real, args.out)
    else:
        records = build([HERE / "written_en.txt", HERE / "written_ru.txt"], HERE / "written.jsonl")
        records += build([HERE / "dev2_en.txt", HERE / "dev2_ru.txt"], HERE / "dev2.jsonl")
        records += build([HERE / "dev4_ru.txt"], HERE / "dev4.jsonl")
        records += build([HERE / "dev5_en.txt"], HERE / "dev5.jsonl")
        records += build([HERE / "test2_en.txt", HERE / "test2_ru.txt"], HERE / "test2.jsonl")
        test3 = ["test3_en_c.txt", "test3_en_d.txt", "test3_ru_a.txt", "test3_ru_b.txt"]
        records += build([HERE / name for name in test3], HERE / "test3.jsonl")
        records += build([HERE / "dev7_en.txt", HERE / "dev7_ru.txt"], HERE / "dev7.jsonl")
        records += build([HERE / "dev8_en.txt", HERE / "dev8_ru.txt"], HERE / "dev8.jsonl")
        records += build([HERE / "dev9_en.txt", HERE / "dev9_ru.txt"], HERE / "dev9.jsonl")
        records += build([HERE / "dev10_en.txt", HERE / "dev10_ru.txt"], HERE / "dev10.jsonl")
        records += build([HERE / "dev11_en.txt", HERE / "dev11_ru.txt"], HERE / "dev11.jsonl")
        records += build([HERE / "dev12_en_e.txt", HERE / "dev12_en_f.txt"], HERE / "dev12.jsonl")
        records += build([HERE / "dev13_en_g.txt", HERE / "dev13_ru_h.txt"], HERE / "dev13.jsonl")
        dev14 = ["dev14_en_i.txt", "dev14_en_j.txt", "dev14_ru_k.txt"]
        records += build([HERE / name for name in dev14], HERE / "dev14.jsonl")
        dev15 = ["dev15_en_l.txt", "dev15_en_m.txt", "dev15_ru_n.txt"]
        records += build([HERE / name for name in dev15], HERE / "dev15.jsonl")
        dev16 = ["dev16_en_o.txt", "dev16_en_p.txt", "dev16_ru_q.txt"]
        records += build([HERE / name for name in dev16], HERE / "dev16.jsonl")
        dev17 = ["dev17_en_r.txt", "dev17_en_s.txt", "dev17_ru_t.txt"]
        records += build([HERE / name for name in dev17], HERE / "dev17.jsonl")
        dev18 = ["dev18_en_u.txt", "dev18_en_v.txt", "dev18_ru_w.txt"]
        records += build([HERE / name for name in dev18], HERE / "dev18.jsonl")
        dev19 = ["dev19_en_a.txt", "dev19_en_b.txt", "dev19_ru_c.txt"]
        records += build([HERE / name for name in dev19], HERE / "dev19.jsonl")
        dev20 = ["dev20_en_d.txt", "dev20_en_e.txt", "dev20_ru_f.txt"]
        records += build([HERE / name for name in dev20], HERE / "dev20.jsonl")
    hits = [h for r in records for h in r["hits"]]
    print(f"{len(records)} passages, {sum(len(r['quotes']) for r in records)} quotes, "
          f"{sum(len(r['reported']) for r in records)} reported, {len(hits)} hits, "
          f"{sum(h['negated'] for h in hits)} negated")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
