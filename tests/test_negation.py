"""Negation cues and scopes (framing/voices/negation.py), on hand-labelled news sentences.

Each case marks its hits with [brackets] and says, hit by hit, whether a negation governs it.
"""

from __future__ import annotations

import re
import sys
import time

import numpy as np
import pytest

from framing.tokens import DOTTED_CAPITAL_I, aligned_lower
from framing.voices.negation import (
    NEGATION_LANGUAGES,
    WINDOW,
    negated,
    negation_cues,
    script_language,
)

_MARK = re.compile(r"\[([^\]]*)\]")


def _marked(sentence: str) -> tuple[str, list[int], list[int]]:
    """The text without the brackets, and the offsets of the bracketed hits in it."""
    text, starts, ends, last, shift = [], [], [], 0, 0
    for m in _MARK.finditer(sentence):
        text.append(sentence[last : m.start()])
        starts.append(m.start() - shift)
        ends.append(m.start() - shift + len(m.group(1)))
        text.append(m.group(1))
        last, shift = m.end(), shift + 2
    text.append(sentence[last:])
    return "".join(text), starts, ends


# (sentence with [hits], expected negation of each hit)
ENGLISH = [
    # a denial's object that reports something stays in scope to its end; "and said" ends it
    ("He rejected suggestions that the city's defences were close to [collapse].", [True]),
    (
        "The Ministry of Defense has already rejected the claims of the Azerbaijani side "
        "regarding an Armenian [attack].",
        [True],
    ),
    (
        "Zakharova rejected claims of ethnic profiling and said it was Baku that was "
        "[escalating] the dispute.",
        [False],
    ),
    # the plain cues
    ("Moscow said there is no [threat] to Armenia.", [True]),
    ("The deployment does not pose a [threat] to the region.", [True]),
    ("The deployment doesn't pose a [threat] to the region.", [True]),
    ("The deployment doesn’t pose a [threat] to the region.", [True]),
    ("There is no longer any [threat] of war in the Caucasus.", [True]),
    # a denial denied affirms: "did not deny", "no one can deny"
    ("The Defence Ministry did not deny the [attack] on the airfield.", [False]),
    ("No one can deny that the [tensions] in the region have grown.", [False]),
    # a yes/no question asks; "why" presumes what it asks
    ("Did the CSTO not respond to the [attack] on Armenia?", [False]),
    ("Why did the CSTO not respond to the [attack] on Armenia?", [True]),
    # a post cue that ends its clause reaches back over the noun phrase
    (
        "The [threat] of a renewed war does not exist, Azerbaijani President Ilham Aliyev said.",
        [True],
    ),
    ("The exercise poses no [threat] to neighbouring states.", [True]),
    ("Yerevan has never been a [threat] to anyone.", [True]),
    ("The vote passed without any [threat] of a veto.", [True]),
    ("The alliance faced neither [collapse] nor [crisis] last year.", [True, True]),
    ("None of the members saw a [threat] in the drills.", [True]),
    ("Nobody in Yerevan expects a [collapse] of the bloc.", [True]),
    ("Nothing suggests a [crisis] in relations with Moscow.", [True]),
    ("No one in the government spoke of a [crisis].", [True]),
    ("Officials pointed to the lack of [security] guarantees.", [True]),
    ("Analysts noted the absence of any [threat] from the north.", [True]),
    ("The border zone is free of [military] activity.", [True]),
    ("Armenia has not yet faced a [crisis] of this size.", [True]),
    ("The talks cannot end the [crisis] on their own.", [True]),
    ("The summit did not produce a [crisis], officials said.", [True]),
    # denial verbs
    ("The Kremlin denied any [threat] to the alliance.", [True]),
    ("Pashinyan denies that the bloc faces [collapse].", [True]),
    ("Lavrov rejected claims of a [collapse] of the CSTO.", [True]),
    ("The ministry refuted reports of an imminent [crisis].", [True]),
    ("Peskov dismissed talk of a [collapse] as speculation.", [True]),
    ("Officials ruled out any military [threat] this year.", [True]),
    ("The president dismissed the defence minister amid a [crisis].", [False]),
    # scope ends at clause boundaries
    ("There is no [threat] to Armenia, but a [collapse] of trust.", [True, False]),
    ("It is not a [threat]; it is a [crisis].", [True, False]),
    ("There was no [threat]. The [crisis] deepened.", [True, False]),
    ("No [threat] was made: the [crisis] was a misunderstanding.", [True, False]),
    ("Yerevan saw no [threat], however the [crisis] deepened.", [True, False]),
    ("There is no [threat] although a [crisis] may come.", [True, False]),
    ("There was no [threat], yet the [crisis] grew.", [True, False]),
    ("Armenia saw no [threat] whereas Baku warned of [collapse].", [True, False]),
    ("Armenia did not sign, and the [crisis] deepened.", [False]),
    ("Moscow did not respond, because the [crisis] had eased.", [False]),
    ("It is no secret that the [crisis] is deep.", [False]),
    ("No talks were held despite the [crisis].", [False]),
    ("There is no deal, which deepens the [crisis].", [False]),
    ("Not a [threat] but a [challenge], the minister said.", [True, False]),
    # the scope is a few tokens long
    ("Armenia has no intention of leaving the bloc because of the border [crisis].", [False]),
    ("The bloc did not give the member states any clear [security] guarantee.", [True]),
    # lists stay in scope
    ("There was no [threat], [pressure] or [ultimatum] from Moscow.", [True, True, True]),
    ("The talks went ahead without [threats], [pressure] or [ultimatums].", [True, True, True]),
    # post-position cues
    ("The [threat] that never materialised dominated the campaign.", [True]),
    ("A [collapse] of the bloc was ruled out by Moscow.", [True]),
    ("Fears of a [collapse] proved unfounded.", [True]),
    ("The [threat] does not exist, the ministry said.", [True]),
    ("The [crisis] no longer exists.", [True]),
    ("The [threat] is real and was discussed at length.", [False]),
    # pseudo-negations and double negation
    ("The bloc is not only a [security] alliance but a political club.", [False]),
    ("There is no doubt that the [crisis] is deepening.", [False]),
    ("Without doubt the [crisis] is the worst in years.", [False]),
    ("The talks lasted no longer than an hour amid the [crisis].", [False]),
    ("Not least among the worries is the [threat] of war.", [False]),
    ("The plan is not without [risk] for Yerevan.", [False]),
    ("Officials cannot rule out a [collapse] of the bloc.", [False]),
    ("A [collapse] has not been ruled out.", [False]),
    ("The decision was nothing short of a [collapse].", [False]),
    ("It is unclear whether or not the [crisis] will end.", [False]),
    ("Pilots enforced a no-fly [zone] over the city.", [False]),
    ("No, the [threat] is real, the minister said.", [False]),
    ("It is not just a [threat] to Armenia.", [False]),
    ("It is not clear whether the [threat] is real.", [False]),  # a doubt, not a denial
    # "without" governs its noun phrase, not the clause after its comma
    ("Without sanctions [relief], the [crisis] will deepen.", [True, False]),
    # no cue at all
    ("Moscow warned of a [threat] to the alliance.", [False]),
    ("The CSTO is a [security] bloc led by Moscow.", [False]),
    ("Another [crisis] is notable for its nothingness.", [False]),
    # a scope does not cross into or out of a quote; a whole quote inside it is no barrier
    ("The bloc “cannot be held responsible” for the [security] of the border.", [False]),
    ("Lavrov said “there is [no] doubt”, but he saw no [threat] anywhere.", [False, True]),
    ("He said there was no “[crisis] of trust” at all.", [False]),
    ('There should be no "suspended" [sanctions] packages.', [True]),
    # "without" governs its own noun phrase only
    ("Leaving without [security] guarantees could lead to an [escalation].", [True, False]),
    ("They signed it without any [threat] of [war].", [True, True]),
    # news negates verbs with long objects: the scope reaches eight tokens
    ("Armenia will not pay its share of the Russian-led [security] alliance's budget.", [True]),
    ("His government had no plans to rejoin the Russian-led [security] bloc.", [True]),
    ("Moscow had no intention whatsoever of dragging Kazakhstan into its [conflict].", [True]),
    # a second content clause, a participle of speech, a "when" clause: a new scope
    ("The law was not directed against anyone and that Armenia's [security] ties stand.", [False]),
    (
        "Washington did not seek an [escalation], adding that [attacks] would be answered.",
        [True, False],
    ),
    ("The bloc did nothing when our territory came under [attack].", [False]),
]

RUSSIAN = [
    ("Для Армении нет [угрозы] со стороны ОДКБ.", [True]),
    ("Учения не [угрожают] соседям.", [True]),
    ("Размещение войск не представляет [угрозы] для региона.", [True]),
    ("Москва не видит никакой [угрозы] в этих учениях.", [True]),
    ("Никакой [угрозы] для Еревана нет.", [True]),
    ("Соглашение было подписано без [угроз] и давления.", [True]),
    ("Эксперты отметили отсутствие [угрозы] с севера.", [True]),
    ("Это вовсе не [кризис] доверия.", [True]),
    ("Лавров опроверг сообщения о [распаде] ОДКБ.", [True]),
    ("Песков отверг обвинения в [давлении] на Ереван.", [True]),
    ("Пашинян отрицает [кризис] в отношениях с Москвой.", [True]),
    ("Кремль отрицал, что блоку грозит [распад].", [True]),
    ("Ни [угроз], ни [давления] на Армению не было.", [True, True]),
    ("О [разрыве] отношений речь не идет.", [True]),  # "речь не идет" after the term
    ("Речь не идет о [разрыве] отношений.", [True]),
    ("Никто не говорит о [распаде] блока.", [True]),
    ("В Ереване никогда не говорили о [кризисе].", [True]),
    ("Москва не видит [угрозы], но признаёт [кризис] доверия.", [True, False]),
    ("[Угрозы] нет.", [True]),
    ("Нет, [угроза] реальна, сказал он.", [False]),
    ("Он ответил: «Нет, [угроза] реальна».", [False]),
    ("[Угрозы] распада союза нет, заявил Лавров.", [True]),
    ("[Угроз] со стороны Баку не было.", [True]),
    ("Не было [угроз] со стороны Баку.", [True]),
    ("[Кризиса] в отношениях нет, но [напряжённость] есть.", [True, False]),
    # the existential "нет" closes its noun phrase, asides included, up to seven words away
    ("[Угрозы] для Армении сегодня, по его словам, определённо нет.", [True]),
    ("[Угрозы] для Армении и для всех ее соседей в регионе сегодня определённо нет.", [False]),
    ("Угрозы нет, однако [кризис] доверия очевиден.", [False]),
    ("Нет [угрозы]; есть [кризис] доверия.", [True, False]),
    ("Это не [угроза], а [вызов] для союза.", [True, False]),
    ("Не было [угроз], зато был [кризис].", [True, False]),
    ("Нет [угрозы], [давления] или [ультиматумов].", [True, True, True]),
    ("Не было [угрозы]. [Кризис] углублялся.", [True, False]),
    ("Союз не распался, хотя [кризис] продолжается.", [False]),
    ("Это не только [угроза] для Армении.", [False]),
    ("Нельзя не заметить [кризис] в отношениях.", [False]),
    ("Не исключено, что [кризис] углубится.", [False]),
    ("План не без [риска] для Еревана.", [False]),
    ("Без сомнения, [кризис] углубляется.", [False]),
    ("Не раз звучали [угрозы] в адрес Баку.", [False]),
    ("Ожидаемая [угроза] так и не подтвердилась.", [True]),
    ("Москва предупредила об [угрозе] распада.", [False]),
    ("Тем не менее [кризис] продолжается.", [False]),
    ("Ереван не подписал документ, и [кризис] углубился.", [False]),
    ("Москва не ответила, поскольку [кризис] миновал.", [False]),
    ("Не секрет, что [кризис] глубок.", [False]),
    # "без" governs its own noun phrase; "нет" before a comma or a dash closed its clause
    ("Выход без новых гарантий [безопасности] может привести к [эскалации].", [True, False]),
    ("Никакой [угрозы] со стороны России нет, есть [угроза] со стороны Баку.", [True, False]),
    ("[Угрозы] войны нет — есть [угроза] провокаций.", [True, False]),
    # "исключил" rules out; double negation and questions do not negate
    ("Рубинян исключил [угрозу] выхода из ЕАЭС.", [True]),
    ("Министр не исключил [эскалации] на границе.", [False]),
    ("Мы не можем не видеть [угрозы] на границах.", [False]),
    ("Не является ли выход из ОДКБ [угрозой] для республики?", [False]),
    # the quote barrier in Russian: «…» with a nested „…“ inside is one quote
    ("Он заявил, что «никакой „[угрозы]“ нет».", [True]),
    ("«Угрозы нет», — сказал он о [кризисе] доверия.", [False]),
    # "либо … либо": two clauses
    (
        "Кто говорит о коридоре, тот либо не читал документ, либо разжигает [напряженность].",
        [False],
    ),
    # a denial denied affirms; "исключено" after the term; a second verb of the subject
    ("В Кремле не отрицают [кризиса] в отношениях с Ереваном.", [False]),
    ("Возобновление [войны] исключено, заявил Алиев.", [True]),
    ("Пашинян не поехал в Минск и провел переговоры по [безопасности] в Париже.", [False]),
    ("Азербайджан не подписал договор и продолжает обвинять Армению в [агрессии].", [False]),
    ("Клиент отрицает причастность к финансированию [войны].", [True]),
    ("Он намерен оспорить решение и отрицает причастность к финансированию [войны].", [True]),
    (
        "МИД Армении опроверг сообщения ряда российских СМИ о якобы принятом решении о "
        "[приостановке] договора.",
        [True],
    ),
    # a yes/no question asks; a question with a question word presumes the denial
    ("Разве поставки ракет Киеву — не [эскалация]?", [False]),
    ("Почему Москва не вводит [санкции]?", [True]),
]


@pytest.mark.parametrize(("sentence", "expected"), ENGLISH, ids=lambda x: str(x)[:40])
def test_english_negation(sentence, expected):
    text, starts, ends = _marked(sentence)
    assert negated(text, starts, ends, "en").tolist() == expected


@pytest.mark.parametrize(("sentence", "expected"), RUSSIAN, ids=lambda x: str(x)[:40])
def test_russian_negation(sentence, expected):
    text, starts, ends = _marked(sentence)
    assert negated(text, starts, ends, "ru").tolist() == expected


def test_enough_labelled_cases():
    hits = sum(len(e) for _, e in ENGLISH + RUSSIAN)
    assert len(ENGLISH) + len(RUSSIAN) >= 60 and hits >= 100
    assert 0.3 < sum(sum(e) for _, e in ENGLISH + RUSSIAN) / hits < 0.8


def test_marked_sentence_helper():
    text, starts, ends = _marked("no [threat], [crisis]")
    assert text == "no threat, crisis"
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == ["threat", "crisis"]


def test_hits_in_any_order_and_far_apart():
    text = "There is no threat. " + "The region is calm. " * 200 + "There is no crisis."
    starts = [len(text) - 7, 12]
    assert negated(text, starts, [len(text) - 1, 18], "en").tolist() == [True, True]
    calm = text.index("calm")
    assert negated(text, [calm], [calm + 4], "english").tolist() == [False]


def test_cue_too_far_back_does_not_negate():
    text = "There is no " + "very " * (WINDOW + 1) + "serious threat."
    at = text.index("threat")
    assert not negated(text, [at], [at + 6], "en")[0]
    text = "There is no " + "very " * (WINDOW - 2) + "serious threat."
    at = text.index("threat")
    assert negated(text, [at], [at + 6], "en")[0]


@pytest.mark.parametrize("lang", ["de", "fr", None])
def test_languages_without_cues(lang):
    if lang is None:  # no language means English, as everywhere in framing
        assert negated("no threat", [3], [9], lang).tolist() == [True]
    else:
        assert negated("kein Bedrohung", [5], [14], lang).tolist() == [False]
        assert negation_cues(lang) is None
    assert set(NEGATION_LANGUAGES) == {"english", "russian"}


@pytest.mark.parametrize("text", [None, float("nan"), "", 5])
def test_no_text_gives_all_false(text):
    assert negated(text, [0, 1], [1, 2], "en").tolist() == [False, False]


def test_no_hits_gives_empty_array():
    out = negated("no threat", [], [], "en")
    assert out.dtype == np.bool_ and out.shape == (0,)


def test_hit_inside_a_cue_is_not_negated_by_it():
    # the lexicon may hold a cue word; it is not negated by itself
    assert negated("Armenia rejected it.", [8], [16], "en").tolist() == [False]


@pytest.mark.parametrize(
    "text",
    [
        "no " * 300_000 + "threat",  # a megabyte of cues and no punctuation
        "a" * 1_000_000,  # one megabyte-long word
        "not " + "x" * 1_000_000,
        "dismissed " + "y " * 500_000,
    ],
    ids=["many-cues", "one-word", "long-word-after-cue", "dismiss-without-as"],
)
def test_megabyte_texts_without_punctuation_are_fast(text):
    starts = np.arange(0, len(text) - 10, 50_000)
    begun = time.perf_counter()
    out = negated(text, starts, starts + 5, "en")
    assert out.shape == starts.shape
    assert time.perf_counter() - begun < 5


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Угроза распада ОДКБ", "russian"),
        ("Threat of a CSTO collapse", "english"),
        ("ОДКБ: the CSTO's crisis in Armenia", "english"),
        (None, "english"),
    ],
)
def test_script_language(text, lang):
    assert script_language(text) == lang


# every cue form, alone, as the quick trigger patterns must find them
CUE_FORMS = {
    "en": [
        "no", "not", "n't", "n’t", "never", "nor", "neither", "without", "none", "nobody",
        "no one", "nothing", "nowhere", "no longer", "not yet", "lack of", "lacks",
        "absence of", "free of", "cannot", "deny", "denies", "denied", "denying", "reject",
        "rejects", "rejected", "refute", "refuted", "rules out", "ruled out", "dismissed",
    ],
    "ru": [
        "не", "ни", "никакой", "никакого", "никаких", "ничего", "никто", "никогда",
        "нигде", "без", "безо", "отсутствие", "отсутствуют", "отверг", "отвергла", "опроверг",
        "опровергли", "отрицает", "отрицал", "отклонил",
    ],
}  # fmt: skip
POST_FORMS = {
    "en": ["never materialised", "didn't materialize", "was ruled out", "were denied",
           "proved unfounded", "is groundless", "never came true", "does not exist",
           "doesn't exist", "no longer exists"],
    "ru": ["не подтвердилась", "не сбылись", "были опровергнуты", "отвергнуты"],
}  # fmt: skip
BOTH_FORMS = {
    "en": [],
    "ru": ["нет", "не было", "не будет", "не существует", "речь не идет", "речь не идёт"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_cue_is_found_by_its_trigger(lang):
    cues = negation_cues(lang)
    for form in CUE_FORMS[lang]:
        text = f"x {form} y"
        kinds = [m.lastgroup for m in cues.pattern.finditer(text)]
        assert kinds in (["cue"], ["infix"]), form
        assert cues.forward.search(text.lower()) is not None, form
    for form in POST_FORMS[lang]:
        text = f"x {form} y"
        assert [m.lastgroup for m in cues.pattern.finditer(text)] == ["post"], form
        assert cues.post.search(text.lower()) is not None, form
    for form in BOTH_FORMS[lang]:
        text = f"x {form} y"
        assert [m.lastgroup for m in cues.pattern.finditer(text)] == ["both"], form
        assert cues.post.search(text.lower()) and cues.forward.search(text.lower()), form


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("MOSCOW SAID THERE IS NO [THREAT] TO ARMENIA.", "en", [True]),
        ("МОСКВА НЕ ВИДИТ [УГРОЗЫ].", "ru", [True]),
        # "İ" lower-cases to two characters: the offsets must not move
        ("İİİ İstanbul: there is no [threat]; a [crisis] looms.", "en", [True, False]),
        ("A\u00a0threat? No\u00a0[threat] at all.", "en", [True]),
    ],
)
def test_case_and_odd_characters(sentence, lang, expected):
    text, starts, ends = _marked(sentence)
    assert negated(text, starts, ends, lang).tolist() == expected


def test_every_character_that_lower_cases_longer_is_known():
    # negation reads a lower-cased copy at the text's own offsets: a character whose lower
    # case is longer than one must be the one aligned_lower knows, or the offsets would move
    longer = {code for code in range(sys.maxunicode + 1) if len(chr(code).lower()) != 1}
    assert longer == {ord(DOTTED_CAPITAL_I)}
    first = aligned_lower(DOTTED_CAPITAL_I)
    assert first == DOTTED_CAPITAL_I.lower()[0] and first.lower() == first


def test_a_hit_is_judged_alone():
    # the answer for a hit does not depend on the other hits passed with it
    text = " ".join(s for s, _ in ENGLISH).replace("[", "").replace("]", "")
    starts = np.array([m.start() for m in re.finditer(r"\w+", text)])
    ends = np.array([m.end() for m in re.finditer(r"\w+", text)])
    together = negated(text, starts, ends, "en")
    alone = [negated(text, [s], [e], "en")[0] for s, e in zip(starts, ends, strict=True)]
    assert together.tolist() == alone
    assert 0.05 < together.mean() < 0.5
    order = np.random.default_rng(0).permutation(len(starts))
    assert negated(text, starts[order], ends[order], "en").tolist() == together[order].tolist()
