"""A labelled set of copy pairs built from real press releases by realistic edits.

Each kind of pair is one function of ``(rng, source, others)`` returning the copy's text:
``source`` is the original's text, ``others`` texts of other releases to take local
paragraphs from. The edits are those of real reprints: a new title (the title is not part of
the text, so the text stays), a local paragraph before the wire text, a cut ending, other
quotation marks, changed white space, a few words changed, the wire text inside a longer
local article, and all of these at once. Near-misses (:func:`near_misses`) are pairs that
must stay apart: two releases of one day, and two reports of one event that quote it.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["EDITS", "PARTIAL", "sentences", "labelled_pairs", "near_misses", "RUSSIAN"]

_SENTENCE = re.compile(r"(?<=[.!?…»”\"])\s+(?=[A-ZА-ЯЁ«“\"])")
_WORDS = ("government", "officials", "region", "agreement", "meeting", "week", "report",
          "country", "talks", "support", "плане", "встрече", "неделе")  # fmt: skip


def sentences(text: str) -> list[str]:
    """Split a text into sentences (good enough for making edits)."""
    return [s for s in _SENTENCE.split(text.strip()) if s]


def _local(rng, others: list[str], n_words: int) -> str:
    text = others[int(rng.integers(len(others)))]
    words = text.split()
    start = int(rng.integers(max(1, len(words) - n_words)))
    return " ".join(words[start : start + n_words])


def _own_words(rng, others: list[str], n_sentences: int = 6) -> str:
    """A paragraph of one sentence from each of several articles: a copy of none of them."""
    picked = rng.choice(len(others), size=n_sentences, replace=False)
    parts = [sentences(others[int(k)]) for k in picked]
    return " ".join(p[int(rng.integers(len(p)))] for p in parts if p)


def _quotes(text: str, rng) -> str:
    style = ["«{}»", "“{}”", "„{}“", "‘{}’"][int(rng.integers(4))]
    return re.sub(r"\"([^\"]*)\"", lambda m: style.format(m.group(1)), text)


def _change_words(text: str, rng, every: int = 60) -> str:
    words = text.split(" ")
    n = max(1, len(words) // every)
    for k in rng.choice(len(words), size=min(n, len(words)), replace=False):
        words[k] = _WORDS[int(rng.integers(len(_WORDS)))]
    return " ".join(words)


def _cut(text: str, rng) -> str:
    parts = sentences(text)
    keep = max(1, int(len(parts) * rng.uniform(0.6, 0.85)))
    return " ".join(parts[:keep])


def same(rng, text, others):
    return text  # a new title only


def lead(rng, text, others):
    return _local(rng, others, int(rng.integers(30, 70))) + "\n\n" + text


def cut(rng, text, others):
    return _cut(text, rng)


def quotes(rng, text, others):
    return _quotes(text, rng)


def spaces(rng, text, others):
    return re.sub(r" ", lambda m: "  " if rng.random() < 0.1 else " ", text).replace(". ", ".\n")


def words(rng, text, others):
    return _change_words(text, rng)


def reprint(rng, text, others):
    """Everything a reprint does at once: new lead, cut ending, quotes, changed words."""
    return lead(rng, _change_words(_quotes(_cut(text, rng), rng), rng), others)


def inside(rng, text, others):
    """The wire text (cut a little) inside a local article, the wire half of it or more."""
    wire = _change_words(_cut(text, rng), rng, every=80)
    n = len(wire.split())
    before = _local(rng, others, int(n * rng.uniform(0.2, 0.5)))
    after = _local(rng, others, int(n * rng.uniform(0.1, 0.4)))
    return before + "\n\n" + wire + "\n\n" + after


EDITS = {f.__name__: f for f in (same, lead, cut, quotes, spaces, words, reprint, inside)}
PARTIAL = ("inside",)


def labelled_pairs(articles: pd.DataFrame, *, n: int, seed: int = 0, min_words: int = 120,
                   per_original: int = 1):  # fmt: skip
    """``n`` copies of real articles (round-robin over the edits) as a new articles table.

    Returns the table (originals and copies, ``truth`` = the original's id for copies, ""
    otherwise, ``edit`` the kind) built from the articles with at least ``min_words`` words;
    each original gets ``per_original`` copies (different edits).
    """
    rng = np.random.default_rng(seed)
    pool = articles[articles["text"].str.split().str.len() >= min_words]
    n_originals = min(-(-n // per_original), len(pool))
    picked = pool.sample(n=n_originals, random_state=seed)
    others = pool.drop(picked.index)["text"].tolist() or pool["text"].tolist()
    rows, kinds, k = [], list(EDITS), 0
    for _, art in picked.iterrows():
        rows.append({**art.to_dict(), "truth": "", "edit": ""})
        for _ in range(per_original):
            kind = kinds[k % len(kinds)]
            k += 1
            copy = EDITS[kind](rng, art["text"], others)
            rows.append({**art.to_dict(), "article_id": f"{art['article_id']}-{kind}",
                         "outlet": "Reprint Daily", "title": "New: " + str(art["title"]),
                         "date": art["date"] + pd.Timedelta(days=1), "text": copy,
                         "truth": art["article_id"], "edit": kind})  # fmt: skip
    return pd.DataFrame(rows)


def near_misses(articles: pd.DataFrame, *, n: int, seed: int = 0, min_words: int = 300,
                others: list[str] | None = None):  # fmt: skip
    """Pairs that must stay apart: two reports of one release, each quoting other parts of it.

    Both reports are written around the same release (same day, same topic): each takes a
    different third of its sentences as quotes, with one sentence in common, and adds its
    own paragraphs (one sentence from each of several ``others``, by default the articles
    not picked). ``pair`` names the pair; no row is a copy.
    """
    rng = np.random.default_rng(seed + 1)
    pool = articles[articles["text"].str.split().str.len() >= min_words]
    picked = pool.sample(n=min(n, len(pool)), random_state=seed + 1)
    others = [t for t in (others or articles["text"]) if t not in set(picked["text"])]
    rows = []
    for _, art in picked.iterrows():
        parts = sentences(art["text"])
        third = max(1, len(parts) // 3)
        shared = parts[0]
        for side, chosen in (("a", parts[1 : 1 + third]), ("b", parts[-third:])):
            own = _own_words(rng, others)
            quoted = " ".join(f'"{s}"' for s in [shared, *chosen[: max(1, third // 2)]])
            rows.append({**art.to_dict(), "article_id": f"{art['article_id']}-{side}",
                         "outlet": f"Outlet {side.upper()}", "text": own + "\n\n" + quoted,
                         "truth": "", "edit": "", "pair": art["article_id"]})  # fmt: skip
    return pd.DataFrame(rows)


#: short Russian wire items (written for these tests) and edited copies of each
RUSSIAN = [
    (
        "МОСКВА, 12 июня. Премьер-министр Армении Никол Пашинян заявил в парламенте, что "
        "республика выйдет из Организации Договора о коллективной безопасности, но не назвал "
        "сроков. По его словам, Ереван сам решит, когда покинуть блок. Он вновь обвинил "
        "организацию в том, что она не выполнила своих обязательств перед Арменией после "
        "нападений в 2021 и 2022 годах. В феврале Армения фактически заморозила своё участие "
        "в ОДКБ и с тех пор не участвует в её заседаниях. В Москве заявили, что официального "
        "уведомления о выходе не поступало. По уставу организации государство должно "
        "письменно уведомить о выходе за шесть месяцев.",
        "ЕРЕВАН. Новости региона. Премьер-министр Армении Никол Пашинян заявил в парламенте, "
        "что республика выйдет из Организации Договора о коллективной безопасности, но не "
        "назвал сроков. По его словам, Ереван сам решит, когда покинуть альянс. Он вновь "
        "обвинил организацию в том, что она не выполнила своих обязательств перед Арменией "
        "после нападений в 2021 и 2022 годах. В феврале Армения фактически заморозила своё "
        "участие в ОДКБ и с тех пор не участвует в её заседаниях.",
    ),
    (
        "МОСКВА, 3 марта. Министр иностранных дел России Сергей Лавров провёл переговоры с "
        "турецким коллегой Мевлютом Чавушоглу в Анталье. Стороны обсудили ситуацию на Украине, "
        "гуманитарные коридоры и возможность новой встречи делегаций. «Мы готовы продолжать "
        "контакты в любом формате», — сказал Лавров журналистам после встречи. Чавушоглу "
        "отметил, что Турция готова предоставить площадку для дальнейших переговоров. "
        "Следующий раунд консультаций может пройти уже на следующей неделе, сообщили в МИД.",
        "Глава МИД России Сергей Лавров провёл переговоры с турецким коллегой Мевлютом "
        "Чавушоглу в Анталье. Стороны обсудили ситуацию на Украине, гуманитарные коридоры и "
        'возможность новой встречи делегаций. "Мы готовы продолжать контакты в любом формате",'
        " - сказал Лавров журналистам после встречи. Чавушоглу отметил, что Турция готова "
        "предоставить площадку для дальнейших переговоров.",
    ),
]
#: a Russian near-miss: another outlet's own report of the same talks, quoting the same line
RUSSIAN_NEAR = (
    "Переговоры в Анталье продолжались около полутора часов. Корреспондент нашего издания "
    "наблюдал, как делегации покидали отель под охраной полиции. «Мы готовы продолжать "
    "контакты в любом формате», — сказал Лавров журналистам после встречи. Эксперты, "
    "опрошенные редакцией, сомневаются, что встреча приблизит прекращение огня: по их "
    "мнению, стороны пока лишь обозначили позиции и проверили готовность друг друга к "
    "уступкам, а главные вопросы оставили на потом."
)


def clean_pool(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles without a near-duplicate in the corpus (Jaccard ≥ 0.2 or containment ≥ 0.5
    with another), so that the only copies of an original are the ones made here."""
    from framing.copies import copy_pairs

    pairs = copy_pairs(articles["text"].tolist(), 1.0, 1.0)
    close = pairs[(pairs["jaccard"] >= 0.2) | (pairs["containment"] >= 0.5)]
    taken = np.unique(close[["i", "j"]].to_numpy())
    return articles.drop(articles.index[taken])


def labelled_corpus(articles: pd.DataFrame, *, n: int, n_near: int, seed: int = 0, **options):
    """The corpus with ``n`` edited copies and ``n_near`` near-miss pairs added.

    ``truth`` is the original's id for a copy ("" otherwise), ``edit`` the kind of copy
    and ``labelled`` marks the articles whose pairs are scored (originals, copies, near
    misses).
    """
    pool = clean_pool(articles)
    min_words = options.get("min_words", 120)
    copies = labelled_pairs(pool, n=n, seed=seed, min_words=min_words,
                            per_original=options.get("per_original", 1))  # fmt: skip
    rest = pool.drop(pool.index[pool["article_id"].isin(copies["article_id"])])
    near = near_misses(rest, n=n_near, seed=seed, min_words=options.get("near_words", 300),
                       others=pool["text"].tolist())  # fmt: skip
    rest = articles[~articles["article_id"].isin(copies["article_id"])]
    rest = rest.assign(truth="", edit="", labelled=False)
    labelled = pd.concat([copies, near], ignore_index=True).assign(labelled=True)
    return pd.concat([rest, labelled], ignore_index=True)


def _story_pairs(found: pd.DataFrame) -> set:
    pairs = set()
    for _, ids in found.groupby("story_id")["article_id"]:
        ids = sorted(ids)
        pairs.update((a, b) for k, a in enumerate(ids) for b in ids[k + 1 :])
    return pairs


def score(found: pd.DataFrame) -> dict:
    """Pair precision and recall of :func:`framing.find_copies` on a labelled corpus.

    A found pair is two articles of one story; a true pair is two articles made from one
    original (the original and a copy, or two copies). Only
    pairs with a labelled article are scored (the real corpus has copies of its own).
    ``partial`` scores the pairs of the wire-inside-a-local-article copies apart.
    """
    labelled = set(found.loc[found["labelled"], "article_id"])
    edit = dict(zip(found["article_id"], found["edit"], strict=True))
    true_story = found["truth"].where(found["truth"] != "", found["article_id"])
    truth = _story_pairs(found.assign(story_id=true_story))
    got = {p for p in _story_pairs(found) if p[0] in labelled or p[1] in labelled}

    def kind(pair):
        return edit.get(pair[0]) or edit.get(pair[1]) or ""

    out = {"n_true": len(truth), "n_found": len(got)}
    out["precision"] = len(got & truth) / len(got) if got else 1.0
    out["recall"] = len(got & truth) / len(truth) if truth else 1.0
    part_true = {p for p in truth if kind(p) in PARTIAL}
    part_got = {p for p in got if kind(p) in PARTIAL}
    out["partial_recall"] = len(part_got & part_true) / max(1, len(part_true))
    out["partial_precision"] = len(part_got & part_true) / len(part_got) if part_got else 1.0
    out["recall_by_edit"] = {
        e: round(len({p for p in truth & got if kind(p) == e}) / max(1, sum(kind(p) == e for p in truth)), 3)
        for e in EDITS
    }  # fmt: skip
    out["false_pairs"] = sorted(got - truth)[:10]
    return out
