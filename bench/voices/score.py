"""How well framing tells voices apart: the hand-labelled passages against framing's voices stage.

Run from the repository root (``make bench`` runs it after the speed benchmarks)::

    python -m bench.voices.score               # score framing.voices on every passage
    python -m bench.voices.score --self-check  # score the labels themselves, then a degraded copy

The passages and their labels are in ``bench/voices/*.jsonl`` (schema and labelling guidelines
in ``bench/voices/README.md``). The written passages carry their text; the real ones only a
reference into ``../shared/data/news`` (the texts are not copied into the project): they are
read at run time and skipped, with a message, when the corpus is not there.

Each passage is one article. framing's contract (``framing/voices``) is called as a user would:
``find_quotes(articles)``, ``voice_spans(articles, quotes=quotes)`` and ``add_voice(hits,
articles, spans=spans)`` on a hits table holding the labelled hits. The measures, each against
issue 15's goal, overall and by language (en/ru) and by source (real/written):

* direct-quote span F1: a predicted quote matches a labelled one (one to one, best first) when
  their texts are equal once quotation marks, spaces and edge punctuation are stripped, or when
  their character overlap is at least 80% of the longer of the two. Predicted quotes inside a
  labelled quote (a quotation nested in a quotation) are not counted. ``f1@ggt`` beside it: the
  Gender Gap Tracker's looser rule (overlap more than 30% of the labelled quote);
* speaker accuracy, on the matched quotes: the labelled speaker's head word (its last word) is
  one of the predicted speaker's words, or every word of the prediction is in the label; words
  compare case-insensitively and equal when one is the other plus at most two letters of
  ending (Лавров/Лаврова, Pashinyan/Pashinyan's); an empty label needs an empty prediction;
* reported speech: a labelled span is found when predicted ``reported`` spans cover at least
  half of it (its quoted parts left out, as a quote inside reported speech is the quote's);
  a predicted span is right when at least half of it lies in labelled reported speech;
* scare quote against quote: the share of matched quotes whose ``kind`` is right;
* voice of each labelled hit; speaker of the hits outside the narrative (when the voice is right);
* negation: precision and recall of ``negated``, as NegEx was measured (PPV and sensitivity).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
RESULTS = ROOT / "bench" / "results" / "voices.json"
LABELS = (
    "written.jsonl",
    "real.jsonl",
    "dev2.jsonl",
    "dev3.jsonl",
    "dev4.jsonl",
    "dev5.jsonl",
    "test2.jsonl",
    "test3.jsonl",
    "dev7.jsonl",
    "dev8.jsonl",
    "dev9.jsonl",
    "dev10.jsonl",
    "dev11.jsonl",
    "dev12.jsonl",
    "dev13.jsonl",
    "dev14.jsonl",
    "dev15.jsonl",
    "dev16.jsonl",
    "dev17.jsonl",
    "dev18.jsonl",
    "dev19.jsonl",
    "dev20.jsonl",
)

#: issue 15's goals; every measure is "at least".
GOALS = {
    "quote_f1": 0.92,
    "speaker_acc": 0.90,
    "reported_p": 0.85,
    "reported_r": 0.75,
    "scare_acc": 0.90,
    "voice_acc": 0.95,
    "negation_p": 0.90,
    "negation_r": 0.85,
}
#: the other columns of the table (no goal in the issue)
EXTRA = ("quote_p", "quote_r", "quote_f1_ggt", "hit_speaker_acc")
GROUPS = ("all", "en", "ru", "real", "written")

_MARKS = "\"'“”‘’«»„‚‹›"
_EDGE = re.compile(rf"^[\s{_MARKS}.,;:!?—–-]+|[\s{_MARKS}.,;:!?—–-]+$")
_WORD = re.compile(r"\w+")
_STOP = {"the", "a", "an", "of", "in", "at", "for", "and", "to", "в", "из", "по", "и", "на"}


# -- the passages -------------------------------------------------------------------------------


def load_passages(folder: Path = HERE, news: Path = NEWS) -> tuple[list[dict], list[str]]:
    """The labelled passages with their text, and notes on what was skipped.

    A real passage's text is read from ``news``; when its file is absent the passage is skipped
    (one note per file). A passage whose labels no longer match its text stops the run.
    """
    passages, notes, texts = [], [], {}
    for name in LABELS:
        path = folder / name
        if not path.exists():
            notes.append(f"{path.name} is missing: its passages are not scored")
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if "ref" in record:
                ref = record["ref"]
                table = texts.get(ref["file"])
                if table is None:
                    table = texts[ref["file"]] = _read_corpus(news / ref["file"], notes)
                if not table:
                    continue
                record["text"] = table[ref["row_id"]][ref["start"] : ref["end"]]
            _check_labels(record)
            passages.append(record)
    return passages, notes


def _read_corpus(path: Path, notes: list[str]) -> dict[str, str]:
    if not path.exists():
        notes.append(f"{path} is not there: its real passages are skipped")
        return {}
    import pandas as pd

    table = pd.read_csv(path, dtype=str, keep_default_na=False, usecols=["id", "text"])
    return dict(zip(table["id"], table["text"], strict=True))


def digest(text: str) -> str:
    """What a real passage's label stores instead of its text (the text stays in the corpus).

    >>> digest("No threat,")
    '765d6afc93'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _check_labels(record: dict) -> None:
    """Fill in the text of labels stored as a digest, and check every label against its text."""
    text = record["text"]
    for item in record["quotes"] + record["reported"] + record["hits"]:
        found = text[item["start"] : item["end"]]
        item.setdefault("text", found)
        if found != item["text"] or item.get("digest", digest(found)) != digest(found):
            raise SystemExit(
                f"voices: passage {record['id']}: the label {item['text']!r} is not at "
                f"{item['start']}:{item['end']} of its text; the corpus or the labels changed."
            )


def is_real(record: dict) -> bool:
    """Whether a passage is a real one (a reference into the shared corpora)."""
    return record["source"].startswith("real:")


_NUMBERED_RE = re.compile(r"d(\d+)-")


def split_of(passage_id: str) -> str:
    """The part of the set a passage belongs to: "dev" (tune on it), "test" (held out),
    "dev2" (the second development set, ids ``d2-…``), "dev3" (the third, real passages,
    ids ``d3-…``), "dev4" (the fourth, Russian, ids ``d4-…``), "dev5" (the fifth, English,
    ids ``d5-…``), "test2" and "test3" (the second and third held-out sets, both languages,
    ids ``t2-…``, ``t3-…``), "dev7",
    "dev8" … "dev11" (the seventh to eleventh, both languages, ids ``d7-…`` … ``d11-…``),
    "dev12" (the twelfth, English, ids ``d12-…``), "dev13" to "dev20" (ids ``d13-…`` … ``d20-…``).

    A passage of the first set is in "dev" when the SHA-1 of its id, read as a number, is even;
    the split is fixed by the ids alone, so it does not move when passages are added.

    >>> split_of("w-ru-001"), split_of("w-ru-002"), split_of("d2-ru-002"), split_of("d3-en-reu-001")
    ('dev', 'test', 'dev2', 'dev3')
    >>> split_of("d4-ru-a-001"), split_of("t2-en-c-001"), split_of("d10-en-c-001")
    ('dev4', 'test2', 'dev10')
    >>> split_of("t3-ru-b-001")
    'test3'
    """
    numbered = _NUMBERED_RE.match(passage_id)
    if numbered:  # d2-…, d10-…: the development set of that number
        return "dev" + numbered.group(1)
    if passage_id.startswith(("t2-", "t3-")):
        return "test" + passage_id[1]
    return (
        "dev" if int(hashlib.sha1(passage_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"
    )


def group_of(record: dict) -> tuple[str, ...]:
    """The groups a passage is scored in."""
    return ("all", record["lang"], "real" if is_real(record) else "written")


def articles_table(passages: list[dict]):
    """One article per passage, in framing's articles layout."""
    import pandas as pd

    return pd.DataFrame(
        {
            "article_id": [p["id"] for p in passages],
            "date": pd.to_datetime(["2024-04-01"] * len(passages)),
            "outlet": [p["source"] for p in passages],
            "title": [""] * len(passages),
            "text": [p["text"] for p in passages],
            "lang": [p["lang"] for p in passages],
        }
    )


def hits_table(passages: list[dict]):
    """The labelled hits as a hits table (what ``find_hits`` would give for these terms)."""
    import pandas as pd

    rows = [
        {"article_id": p["id"], "frame": "eval", "entry": h["text"].lower(), "match": h["text"],
         "start": h["start"], "end": h["end"], "token": len(_WORD.findall(p["text"][: h["start"]]))}
        for p in passages
        for h in p["hits"]
    ]  # fmt: skip
    table = pd.DataFrame(rows, columns=["article_id", "frame", "entry", "match", "start", "end",
                                        "token"])  # fmt: skip
    return table.astype({"start": "int64", "end": "int64", "token": "int64"})


# -- framing's predictions ----------------------------------------------------------------------


def predict(passages: list[dict]) -> dict:
    """framing's quotes, voice spans and annotated hits for the passages."""
    import importlib

    import framing

    voices = importlib.import_module("framing.voices")
    find_quotes = getattr(framing, "find_quotes", voices.find_quotes)
    add_voice = getattr(framing, "add_voice", voices.add_voice)
    articles = articles_table(passages)
    quotes = find_quotes(articles)
    spans = voices.voice_spans(articles, quotes=quotes)
    hits = add_voice(hits_table(passages), articles, spans=spans)
    return {"quotes": quotes, "spans": spans, "hits": hits}


def predictions_from_labels(passages: list[dict]) -> dict:
    """The labels in the shape of framing's tables: a perfect prediction (``--self-check``)."""
    import pandas as pd

    quotes, spans, hits = [], [], []
    for p in passages:
        for q in p["quotes"]:
            quotes.append({"article_id": p["id"], "start": q["start"], "end": q["end"],
                           "text": q["text"], "kind": q["kind"], "speaker": q["speaker"]})  # fmt: skip
            spans.append({"article_id": p["id"], "start": q["start"], "end": q["end"],
                          "voice": q["kind"], "speaker": q["speaker"]})  # fmt: skip
        for r in p["reported"]:  # the quote wins: reported speech is split around its quotes
            for a, b in _minus(
                (r["start"], r["end"]), [(q["start"], q["end"]) for q in p["quotes"]]
            ):
                spans.append({"article_id": p["id"], "start": a, "end": b, "voice": "reported",
                              "speaker": r["speaker"]})  # fmt: skip
        for h in p["hits"]:
            hits.append({"article_id": p["id"], "start": h["start"], "end": h["end"],
                         "voice": h["voice"], "speaker": h["speaker"], "negated": h["negated"]})  # fmt: skip
    return {
        "quotes": pd.DataFrame(quotes),
        "spans": pd.DataFrame(spans),
        "hits": pd.DataFrame(hits),
    }


def _minus(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``span`` outside ``holes``."""
    parts, at = [], span[0]
    for a, b in sorted(holes):
        if b <= at or a >= span[1]:
            continue
        if a > at:
            parts.append((at, a))
        at = max(at, b)
    if at < span[1]:
        parts.append((at, span[1]))
    return parts


# -- matching -----------------------------------------------------------------------------------


def normalized(text: str) -> str:
    """A quote's text without quotation marks, spaces and edge punctuation, for comparison."""
    return re.sub(r"[\s" + _MARKS + "]+", "", _EDGE.sub("", text)).casefold()


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def quote_score(label: dict, pred: dict) -> float:
    """1.0 when the texts agree, else the overlap as a share of the longer span.

    >>> label = {"text": "No threat,", "start": 1, "end": 11}
    >>> quote_score(label, {"text": "No threat", "start": 1, "end": 10})
    1.0
    >>> quote_score(label, {"text": "No threat, he said", "start": 1, "end": 21})
    0.5
    """
    if normalized(label["text"]) == normalized(str(pred["text"])):
        return 1.0
    longer = max(label["end"] - label["start"], pred["end"] - pred["start"], 1)
    return overlap((label["start"], label["end"]), (pred["start"], pred["end"])) / longer


def ggt_score(label: dict, pred: dict) -> float:
    """The Gender Gap Tracker's rule: the overlap as a share of the labelled quote."""
    size = max(label["end"] - label["start"], 1)
    return overlap((label["start"], label["end"]), (pred["start"], pred["end"])) / size


def match_quotes(labels, preds, score=quote_score, threshold=0.8, *, strict=False):
    """One-to-one matches (best score first): the pairs, and the unmatched predictions.

    A pair needs a score of at least ``threshold`` (more than it when ``strict``)."""
    pairs = sorted(
        (
            (score(label, pred), i, j)
            for i, label in enumerate(labels)
            for j, pred in enumerate(preds)
        ),
        reverse=True,
    )
    used_l, used_p, matched = set(), set(), []
    for value, i, j in pairs:
        if value < threshold or (strict and value == threshold):
            break
        if i in used_l or j in used_p:
            continue
        used_l.add(i)
        used_p.add(j)
        matched.append((labels[i], preds[j]))
    spare = [
        pred
        for j, pred in enumerate(preds)
        if j not in used_p and not any(_inside(pred, label) for label in labels)
    ]
    return matched, spare


def _inside(pred: dict, label: dict) -> bool:
    return label["start"] <= pred["start"] and pred["end"] <= label["end"]


def _words(text: str) -> list[str]:
    words = [w.casefold() for w in _WORD.findall(re.sub(r"['’]s\b", "", str(text)))]
    return [w for w in words if w not in _STOP]


def same_word(a: str, b: str) -> bool:
    """Equal, or one is the other with at most two letters of ending (Russian cases, 's)."""
    if a == b:
        return True
    common = len(_common_prefix(a, b))
    return common >= 4 and common >= max(len(a), len(b)) - 2


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def same_speaker(label: str, pred) -> bool:
    """The speaker rule: head word of the label in the prediction, or the prediction in the label.

    >>> same_speaker("Russian Foreign Minister Sergei Lavrov", "Lavrov")
    True
    >>> same_speaker("Лаврова", "Сергей Лавров"), same_speaker("Мария Захарова", "Захаровой")
    (True, True)
    >>> same_speaker("the Russian RBK news agency", "RBK"), same_speaker("Lavrov", "he")
    (True, False)
    >>> same_speaker("", ""), same_speaker("", "Lavrov")
    (True, False)
    """
    label_words, pred_words = _words(label), _words(pred if isinstance(pred, str) else "")
    if not label_words:
        return not pred_words
    if not pred_words:
        return False
    if any(same_word(label_words[-1], w) for w in pred_words):
        return True
    return all(any(same_word(w, v) for v in label_words) for w in pred_words)


# -- the measures -------------------------------------------------------------------------------


def by_article(table) -> dict[str, list[dict]]:
    """The rows of a predicted table, as dicts, grouped by article."""
    grouped: dict[str, list[dict]] = {}
    if table is not None:
        for row in table.to_dict("records"):
            grouped.setdefault(row["article_id"], []).append(row)
    return grouped


def count_passage(passage: dict, pred: dict) -> dict[str, float]:
    """The tallies of one passage (summed over a group, then turned into rates).

    ``pred`` holds framing's three tables grouped by article (:func:`by_article`)."""
    pid = passage["id"]
    spans = pred["spans"].get(pid, [])
    c = _quote_counts(passage["quotes"], pred["quotes"].get(pid, []))
    c.update(_reported_counts(passage, [s for s in spans if s["voice"] == "reported"]))
    c.update(_hit_counts(passage, pred["hits"].get(pid, [])))
    return c


def _quote_counts(labels: list[dict], preds: list[dict]) -> dict[str, float]:
    matched, spare = match_quotes(labels, preds)
    ggt, ggt_spare = match_quotes(labels, preds, score=ggt_score, threshold=0.3, strict=True)
    return {
        "q_tp": len(matched), "q_fp": len(spare), "q_fn": len(labels) - len(matched),
        "g_tp": len(ggt), "g_fp": len(ggt_spare), "g_fn": len(labels) - len(ggt),
        "spk_ok": sum(same_speaker(lab["speaker"], p.get("speaker", "")) for lab, p in matched),
        "kind_ok": sum(lab["kind"] == p.get("kind") for lab, p in matched),
    }  # fmt: skip


def _reported_counts(passage: dict, preds: list[dict]) -> dict[str, float]:
    labels = [(r["start"], r["end"]) for r in passage["reported"]]
    quoted = [(q["start"], q["end"]) for q in passage["quotes"]]
    found = considered = 0
    for span in labels:
        rest = [part for part in _minus(span, quoted) if passage["text"][part[0] : part[1]].strip()]
        size = sum(b - a for a, b in rest)
        if size < 3:  # all of it is quoted: the quote's, not reported speech's
            continue
        considered += 1
        covered = sum(overlap(part, (p["start"], p["end"])) for part in rest for p in preds)
        found += covered >= 0.5 * size
    right = sum(
        sum(overlap((p["start"], p["end"]), span) for span in labels)
        >= 0.5 * (p["end"] - p["start"])
        for p in preds
    )
    return {"r_found": found, "r_labels": considered, "r_right": right, "r_preds": len(preds)}


def _hit_counts(passage: dict, preds: list[dict]) -> dict[str, float]:
    by_start = {(p["start"], p["end"]): p for p in preds}
    c = dict.fromkeys(("v_ok", "v_n", "hs_ok", "hs_n", "n_tp", "n_fp", "n_fn"), 0)
    for h in passage["hits"]:
        p = by_start.get((h["start"], h["end"]), {})
        c["v_n"] += 1
        c["v_ok"] += p.get("voice") == h["voice"]
        if h["voice"] != "narrative" and p.get("voice") == h["voice"]:
            c["hs_n"] += 1
            c["hs_ok"] += same_speaker(h["speaker"], p.get("speaker", ""))
        negated = bool(p.get("negated", False))
        c["n_tp"] += negated and h["negated"]
        c["n_fp"] += negated and not h["negated"]
        c["n_fn"] += h["negated"] and not negated
    return c


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _f1(tp: float, fp: float, fn: float) -> float | None:
    return _ratio(2 * tp, 2 * tp + fp + fn)


def measures(c: dict[str, float]) -> dict[str, float | None]:
    """The rates of a group from its summed tallies."""
    return {
        "quote_p": _ratio(c["q_tp"], c["q_tp"] + c["q_fp"]),
        "quote_r": _ratio(c["q_tp"], c["q_tp"] + c["q_fn"]),
        "quote_f1": _f1(c["q_tp"], c["q_fp"], c["q_fn"]),
        "quote_f1_ggt": _f1(c["g_tp"], c["g_fp"], c["g_fn"]),
        "speaker_acc": _ratio(c["spk_ok"], c["q_tp"]),
        "reported_p": _ratio(c["r_right"], c["r_preds"]),
        "reported_r": _ratio(c["r_found"], c["r_labels"]),
        "scare_acc": _ratio(c["kind_ok"], c["q_tp"]),
        "voice_acc": _ratio(c["v_ok"], c["v_n"]),
        "hit_speaker_acc": _ratio(c["hs_ok"], c["hs_n"]),
        "negation_p": _ratio(c["n_tp"], c["n_tp"] + c["n_fp"]),
        "negation_r": _ratio(c["n_tp"], c["n_tp"] + c["n_fn"]),
    }  # fmt: skip


def score(passages: list[dict], pred: dict) -> dict[str, dict]:
    """The measures of every group (all, en, ru, real, written)."""
    sums: dict[str, dict[str, float]] = {}
    pred = {name: by_article(pred[name]) for name in ("quotes", "spans", "hits")}
    for passage in passages:
        tally = count_passage(passage, pred)
        for group in group_of(passage):
            into = sums.setdefault(group, {})
            for key, value in tally.items():
                into[key] = into.get(key, 0) + value
    return {group: measures(sums[group]) for group in GROUPS if group in sums}


def counts(passages: list[dict]) -> dict[str, int]:
    """What the evaluation set holds."""
    hits = [h for p in passages for h in p["hits"]]
    return {
        "passages": len(passages),
        "en": sum(p["lang"] == "en" for p in passages),
        "ru": sum(p["lang"] == "ru" for p in passages),
        "real": sum(is_real(p) for p in passages),
        "written": sum(not is_real(p) for p in passages),
        "quotes": sum(len(p["quotes"]) for p in passages),
        "scare_quotes": sum(q["kind"] == "scare_quote" for p in passages for q in p["quotes"]),
        "reported": sum(len(p["reported"]) for p in passages),
        "hits": len(hits),
        "negated_hits": sum(h["negated"] for h in hits),
    }


# -- output -------------------------------------------------------------------------------------


def table(result: dict[str, dict]) -> str:
    """The measures as a text table: one row per measure, one column per group, then the goal."""
    names = list(GOALS) + list(EXTRA)
    head = f"{'measure':<16}" + "".join(f"{g:>9}" for g in GROUPS) + f"{'goal':>8}  verdict"
    lines = [head, "-" * len(head)]
    for name in names:
        cells = "".join(f"{_cell(result.get(g, {}).get(name)):>9}" for g in GROUPS)
        goal = GOALS.get(name)
        value = result.get("all", {}).get(name)
        verdict = (
            ""
            if goal is None
            else "n/a"
            if value is None
            else ("met" if value >= goal else "NOT MET")
        )
        lines.append(f"{name:<16}{cells}{_cell(goal):>8}  {verdict}")
    return "\n".join(lines)


def _cell(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def degraded(pred: dict) -> dict:
    """A worse copy of a prediction: a quarter of quotes lost, kinds, speakers and voices wrong,
    negations flipped, reported spans cut short, speech made up. Every score must drop."""
    import pandas as pd

    quotes = pred["quotes"].iloc[[i for i in range(len(pred["quotes"])) if i % 4]].copy()
    flip = quotes.index[::5]
    quotes.loc[flip, "kind"] = quotes.loc[flip, "kind"].map(
        {"quote": "scare_quote", "scare_quote": "quote"}
    )
    quotes.loc[quotes.index[::3], "speaker"] = ""
    spans = pred["spans"].copy()
    rep = spans.index[spans["voice"] == "reported"][::2]
    spans.loc[rep, "end"] = (
        spans.loc[rep, "start"] + (spans.loc[rep, "end"] - spans.loc[rep, "start"]) // 4
    )
    spans = spans.loc[~spans.index.isin(spans.index[spans["voice"] == "reported"][1::4])]
    some = sorted(set(spans["article_id"]))[::3]  # made-up speech at the start of some texts
    made_up = pd.DataFrame({"article_id": some, "start": 0, "end": 12, "text": "made up",
                            "kind": "quote", "speaker": "", "voice": "reported"})  # fmt: skip
    quotes = pd.concat([quotes, made_up.drop(columns="voice")], ignore_index=True)
    spans = pd.concat([spans, made_up.drop(columns=["text", "kind"])], ignore_index=True)
    hits = pred["hits"].copy()
    hits.loc[hits.index[1::5], "speaker"] = ""
    hits.loc[hits.index[::6], "voice"] = "narrative"
    hits.loc[hits.index[::4], "negated"] = ~hits.loc[hits.index[::4], "negated"].astype(bool)
    return {"quotes": quotes, "spans": spans, "hits": hits}


def self_check(passages: list[dict]) -> int:
    """Score the labels (every measure must be 1) and a degraded copy (every measure must drop)."""
    perfect = predictions_from_labels(passages)
    best, worse = score(passages, perfect), score(passages, degraded(perfect))
    print("the labels scored as a prediction:\n" + table(best) + "\n")
    print("a degraded copy of the labels:\n" + table(worse) + "\n")
    problems = [
        f"{group} {name}: the labels score {value}"
        for group, values in best.items()
        for name, value in values.items()
        if value is not None and abs(value - 1.0) > 1e-9
    ]
    problems += [
        f"{name}: the degraded copy scores {worse['all'][name]}, no lower than the labels"
        for name in list(GOALS) + list(EXTRA)
        if worse["all"][name] is None or worse["all"][name] >= 1.0
    ]
    print("self-check: " + ("failed\n  " + "\n  ".join(problems) if problems else "passed"))
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--self-check", action="store_true",
                        help="score the labels and a degraded copy of them, not framing")  # fmt: skip
    parser.add_argument("--news", type=Path, default=NEWS, help="the shared news corpora")
    parser.add_argument("--out", type=Path, default=None,
                        help="where the JSON goes (bench/results/voices[-SPLIT].json)")  # fmt: skip
    parser.add_argument("--split", choices=("all", "dev", "test", "dev2", "dev3", "dev4", "dev5", "test2", "test3", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20"), default="all",
                        help="score every passage, or one part: dev, test, dev2 … dev5, test2, test3, dev7 … dev20")  # fmt: skip
    args = parser.parse_args(argv)
    passages, notes = load_passages(news=args.news)
    if args.split != "all":
        passages = [p for p in passages if split_of(p["id"]) == args.split]
    if args.out is None:  # a half's scores never overwrite those of the whole set
        args.out = RESULTS if args.split == "all" else RESULTS.with_stem(f"voices-{args.split}")
    for note in notes:
        print(f"voices: {note}")
    held = counts(passages)
    print("voices evaluation set: " + ", ".join(f"{k} {v}" for k, v in held.items()))
    if args.self_check:
        return self_check(passages)
    try:
        pred = predict(passages)
    except NotImplementedError:
        print(
            "voices: framing.voices is still the skeleton (NotImplementedError): nothing to score"
        )
        return 1
    result = score(passages, pred)
    print(table(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    record = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "split": args.split, "set": held,
              "notes": notes, "goals": GOALS, "measures": result}  # fmt: skip
    args.out.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
