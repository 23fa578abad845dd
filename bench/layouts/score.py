"""What ``clean_articles`` removes from real layouts, scored against hand labels.

Run from the repository root::

    python -m bench.layouts.score                  # every labelled article
    python -m bench.layouts.score --split dev      # the half the rules may be tuned on
    python -m bench.layouts.score --split test     # the held-out half: aggregates only
    python -m bench.layouts.score --split dev --errors   # what cleaning got wrong, article by article
    python -m bench.layouts.score --self-check     # the labels scored against themselves

The articles are in ``bench/layouts/*.txt``, written and labelled to the guide in
``bench/layouts/README.md``. Each article's text (the tags taken out) goes through
``framing.clean_articles`` with its defaults; its word tokens are then aligned with those of
the cleaned text (``difflib``, on lower-cased NFKC tokens), so every token of the article is
either kept or removed, whatever cleaning normalized on the way (where a word stands both in
a kept and in a removed piece side by side, the alignment may take either). Against the
labels:

* **body kept**: the share of the body's tokens that cleaning kept (goal: all of them), and
  the articles that lost any;
* **layout removed**: the share of the tokens of each kind of labelled piece (caption,
  byline, dateline, boilerplate, other) that cleaning removed;
* **removal precision**: of the tokens cleaning removed, the share that were labelled as
  layout (a headline counts as either).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE.parent / "results"
#: The labels of layout pieces; "headline" is neither body nor layout (either is right).
LAYOUT = ("caption", "byline", "dateline", "boilerplate", "other")
LABELS = (*LAYOUT, "headline")
_HEADER_RE = re.compile(r"^### (?P<id>[\w.-]+) \| (?P<source>\S+) \| (?P<lang>en|ru)\s*$")
_TAG_RE = re.compile(r"\[\[(/?)(\w+)\]\]")
_TOKEN_RE = re.compile(r"\w+")


class LabelError(ValueError):
    """A labelled file that does not follow the guide."""


def parse(path: Path) -> list[dict]:
    """The articles of one labelled file: id, source, lang, text and gold spans.

    Each span is ``(label, start, end)`` in the text with the tags taken out.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = p.write_text("### x-1 | written:a-style | en\\n[[byline]]By A[[/byline]]\\nBody.\\n")
    >>> parse(p)[0]["text"], parse(p)[0]["spans"]
    ('By A\\nBody.', [('byline', 0, 4)])
    """
    articles: list[dict] = []
    current: dict | None = None
    lines: list[str] = []

    def finish(end_line: int) -> None:
        if current is not None:
            current.update(_untag("\n".join(lines).strip("\n"), path, current["line"]))
            articles.append(current)

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("### "):
            finish(number)
            m = _HEADER_RE.match(line)
            if m is None:
                raise LabelError(
                    f"{path}:{number}: a header is '### <id> | <source> | <lang>' "
                    f"with lang en or ru; got {line!r}"
                )
            current, lines = {**m.groupdict(), "line": number, "file": path.name}, []
        elif current is None:
            if line.strip():
                raise LabelError(f"{path}:{number}: text before the first '### ' header")
        else:
            lines.append(line)
    finish(0)
    seen = Counter(a["id"] for a in articles)
    doubled = sorted(i for i, n in seen.items() if n > 1)
    if doubled:
        raise LabelError(f"{path}: ids used twice: {', '.join(doubled)}")
    return articles


def _untag(tagged: str, path: Path, line: int) -> dict:
    """The text of a tagged article and its spans; errors name the file and header line."""
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    pos = length = 0
    open_label: str | None = None
    open_at = 0
    for m in _TAG_RE.finditer(tagged):
        piece = tagged[pos : m.start()]
        out.append(piece)
        length += len(piece)
        closing, label = m.group(1) == "/", m.group(2)
        where = f"{path}: the article at line {line}"
        if label not in LABELS:
            raise LabelError(f"{where}: unknown tag [[{label}]] (one of {', '.join(LABELS)})")
        if closing:
            if open_label != label:
                raise LabelError(f"{where}: [[/{label}]] closes {open_label or 'nothing'}")
            spans.append((label, open_at, length))
            open_label = None
        else:
            if open_label is not None:
                raise LabelError(f"{where}: [[{label}]] inside [[{open_label}]]")
            open_label, open_at = label, length
        pos = m.end()
    if open_label is not None:
        raise LabelError(f"{path}: the article at line {line}: [[{open_label}]] never closed")
    out.append(tagged[pos:])
    return {"text": "".join(out), "spans": spans}


def load(directory: Path = HERE) -> list[dict]:
    """Every labelled article of ``directory/*.txt``, in file and id order."""
    articles = [a for path in sorted(directory.glob("*.txt")) for a in parse(path)]
    for a in articles:
        a["split"] = split_of(a["id"])
    return articles


def split_of(article_id: str) -> str:
    """ "dev" when the SHA-1 of the id is even, else "test": fixed by the id alone.

    >>> split_of("en-a-001"), split_of("en-a-003")
    ('test', 'dev')
    """
    digest = int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16)
    return "dev" if digest % 2 == 0 else "test"


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with their offsets, folded as cleaning may fold them (NFKC, lower case)."""
    return [
        (unicodedata.normalize("NFKC", m.group()).lower(), m.start(), m.end())
        for m in _TOKEN_RE.finditer(text)
    ]


def token_labels(text: str, spans: list[tuple[str, int, int]]) -> list[str]:
    """The label of each word token: the span it starts in, or "body"."""
    labels = []
    for _, start, _end in _tokens(text):
        label = "body"
        for name, s, e in spans:
            if s <= start < e:
                label = name
                break
        labels.append(label)
    return labels


def kept_tokens(original: str, cleaned: str) -> list[bool]:
    """For each word token of ``original``, whether it survives in ``cleaned``.

    >>> kept_tokens("By Jane Doe\\nRussia said no.", "Russia said no.")
    [False, False, False, True, True, True]
    """
    before = [t for t, _, _ in _tokens(original)]
    after = [t for t, _, _ in _tokens(cleaned)]
    kept = [False] * len(before)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            kept[block.a + k] = True
    return kept


def clean_with_framing(articles: list[dict]) -> dict[str, str]:
    """The cleaned text of each article, by ``framing.clean_articles`` with its defaults."""
    import warnings

    import pandas as pd

    import framing as fr

    table = pd.DataFrame(
        {"article_id": [a["id"] for a in articles], "text": [a["text"] for a in articles]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a text emptied by cleaning is scored, not warned
        cleaned = fr.clean_articles(table)
    return dict(zip(cleaned["article_id"], cleaned["text"], strict=True))


def gold_cleaned(article: dict) -> str:
    """The text with every labelled layout piece taken out: a perfect cleaning."""
    text, out, pos = article["text"], [], 0
    for label, start, end in sorted(article["spans"], key=lambda s: s[1]):
        if label in LAYOUT:
            out.append(text[pos:start])
            pos = end
    out.append(text[pos:])
    return "".join(out)


def score(articles: list[dict], cleaned: dict[str, str]) -> dict:
    """Aggregates and per-article details of a cleaning against the labels."""
    totals: Counter = Counter()
    removed: Counter = Counter()
    details = []
    for a in articles:
        labels = token_labels(a["text"], a["spans"])
        kept = kept_tokens(a["text"], cleaned[a["id"]])
        tokens = _tokens(a["text"])
        lost, left = [], []
        for (_word, start, end), label, k in zip(tokens, labels, kept, strict=True):
            totals[label] += 1
            if not k:
                removed[label] += 1
            if label == "body" and not k:
                lost.append((start, end))
            elif label in LAYOUT and k:
                left.append((label, start, end))
        details.append({"id": a["id"], "lost": lost, "left": left})
    all_removed = sum(removed.values())
    wrongly = removed["body"]
    layout_total = sum(totals[label] for label in LAYOUT)
    layout_removed = sum(removed[label] for label in LAYOUT)
    return {
        "articles": len(articles),
        "body_tokens": totals["body"],
        "body_kept": 1 - wrongly / totals["body"] if totals["body"] else 1.0,
        "articles_losing_body": sum(1 for d in details if d["lost"]),
        "layout_tokens": layout_total,
        "layout_removed": layout_removed / layout_total if layout_total else 1.0,
        "removed_by_label": {
            label: [removed[label], totals[label]] for label in ("body", *LABELS) if totals[label]
        },
        "removal_precision": 1 - wrongly / all_removed if all_removed else 1.0,
        "details": details,
    }


def _ranges(text: str, ranges: list[tuple[int, int]]) -> list[str]:
    """The runs of text that ``ranges`` cover, neighbouring tokens joined."""
    runs: list[list[int]] = []
    for start, end in ranges:
        if runs and not text[runs[-1][1] : start].strip(" \t,.;:-—–|/()«»\"'“”"):
            runs[-1][1] = end
        else:
            runs.append([start, end])
    return [text[s:e] for s, e in runs]


def print_errors(articles: list[dict], result: dict) -> None:
    """Each article's lost body and left layout, as text."""
    by_id = {a["id"]: a for a in articles}
    for d in result["details"]:
        if not (d["lost"] or d["left"]):
            continue
        a = by_id[d["id"]]
        print(f"\n{a['id']} ({a['source']}, {a['file']} line {a['line']})")
        for run in _ranges(a["text"], d["lost"]):
            print(f"  body removed:  {run!r}")
        for label in LAYOUT:
            spans = [(s, e) for lab, s, e in d["left"] if lab == label]
            for run in _ranges(a["text"], spans):
                print(f"  {label} kept: {run!r}")


def summary(result: dict, split: str) -> str:
    """The aggregates as lines of text."""
    lines = [
        f"layouts ({split}): {result['articles']} articles, {result['body_tokens']} body tokens, "
        f"{result['layout_tokens']} layout tokens",
        f"  body kept          {result['body_kept']:.4f}  "
        f"({result['articles_losing_body']} articles lost some body)",
        f"  layout removed     {result['layout_removed']:.4f}",
        f"  removal precision  {result['removal_precision']:.4f}",
    ]
    for label, (n, total) in result["removed_by_label"].items():
        name = "body (lost)" if label == "body" else label
        lines.append(f"    {name:<12} {n:>5} of {total:>5} tokens removed ({n / total:.3f})")
    return "\n".join(lines)


def self_check(articles: list[dict]) -> int:
    """The labels against themselves (perfect), then with every caption kept (worse)."""
    perfect = score(articles, {a["id"]: gold_cleaned(a) for a in articles})
    problems = []
    # a word that stands in a removed piece and again in a kept one beside it may be aligned
    # with either (see kept_tokens): the labels score 1 up to a few such words
    if perfect["body_kept"] != 1 or perfect["layout_removed"] < 0.995:
        problems.append(f"the labels do not score 1 against themselves: {summary(perfect, 'self')}")
    degraded = score(
        articles,
        {
            a["id"]: gold_cleaned({**a, "spans": [s for s in a["spans"] if s[0] != "caption"]})
            for a in articles
        },
    )
    removed, total = degraded["removed_by_label"].get("caption", [0, 0])
    # a token that stands in a kept caption and again in a removed piece next to it ("ТАСС"
    # in "Фото: …/ТАСС" and "/ТАСС/.") may be aligned with either: a few are read wrong
    if total and removed > 0.02 * total:
        problems.append(f"keeping every caption still counts {removed} of {total} as removed")
    print("self-check: " + ("failed\n  " + "\n  ".join(problems) if problems else "passed"))
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.layouts.score", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--split", choices=["all", "dev", "test"], default="all")
    parser.add_argument("--errors", action="store_true",
                        help="list what cleaning got wrong, article by article (not on test)")  # fmt: skip
    parser.add_argument("--self-check", action="store_true")
    args = parser.parse_args(argv)
    try:
        articles = load()
    except LabelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.self_check:
        return self_check(articles)
    if args.errors and args.split != "dev":
        parser.error("--errors lists the development half only: add --split dev")
    if args.split != "all":
        articles = [a for a in articles if a["split"] == args.split]
    result = score(articles, clean_with_framing(articles))
    print(summary(result, args.split))
    if args.errors:
        print_errors(articles, result)
    RESULTS.mkdir(exist_ok=True)
    name = "layouts.json" if args.split == "all" else f"layouts-{args.split}.json"
    aggregates = {k: v for k, v in result.items() if k != "details"}
    (RESULTS / name).write_text(json.dumps(aggregates, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
