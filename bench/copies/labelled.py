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


def labelled_pairs(articles: pd.DataFrame, *, n: int, seed: int = 0, min_words: int = 120):
    """``n`` copies of real articles (round-robin over the edits) as a new articles table.

    Returns the table (originals and copies, ``truth`` = the original's id for copies, ""
    otherwise, ``edit`` the kind) built from the articles with at least ``min_words`` words.
    """
    rng = np.random.default_rng(seed)
    pool = articles[articles["text"].str.split().str.len() >= min_words]
    picked = pool.sample(n=min(n, len(pool)), random_state=seed)
    others = pool.drop(picked.index)["text"].tolist()
    rows, kinds = [], list(EDITS)
    for k, (_, art) in enumerate(picked.iterrows()):
        kind = kinds[k % len(kinds)]
        rows.append({**art.to_dict(), "truth": "", "edit": ""})
        copy = EDITS[kind](rng, art["text"], others)
        rows.append({**art.to_dict(), "article_id": f"{art['article_id']}-{kind}",
                     "outlet": "Reprint Daily", "title": "New: " + str(art["title"]),
                     "date": art["date"] + pd.Timedelta(days=1), "text": copy,
                     "truth": art["article_id"], "edit": kind})  # fmt: skip
    return pd.DataFrame(rows)


def near_misses(articles: pd.DataFrame, *, n: int, seed: int = 0) -> pd.DataFrame:
    """Pairs that must stay apart: two reports of one release, each quoting other parts of it.

    Both reports are written around the same release (same day, same topic): each takes a
    different third of its sentences as quotes, with one sentence in common, and adds its
    own paragraphs. ``pair`` names the pair; no row is a copy.
    """
    rng = np.random.default_rng(seed + 1)
    pool = articles[articles["text"].str.split().str.len() >= 300]
    picked = pool.sample(n=min(n, len(pool)), random_state=seed + 1)
    others = pool.drop(picked.index)["text"].tolist()
    rows = []
    for _, art in picked.iterrows():
        parts = sentences(art["text"])
        third = max(1, len(parts) // 3)
        shared = parts[0]
        for side, chosen in (("a", parts[1 : 1 + third]), ("b", parts[-third:])):
            own = _local(rng, others, 120)
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
