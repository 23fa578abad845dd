"""Who a quote is given to, and what kind of quote it is: forms probes of news found.

Each case is a passage of the kind wire services and newspapers print, written by a writer
who did not see framing's output: a question quote with its verb after a dash («…?» —
спросил он), one of several sources («один из источников»), a document's author in
quotation marks or after "a statement from", a pronoun whose last named subject is of the
other gender, a role noun with a gender ("the spokeswoman") for a speaker named without a
title, a surname alone that opens a sentence, a long name in title case, and short Russian
quotes whose verb makes them a clause. The expected speaker is a word of the speaker as
written or resolved.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.voices import find_quotes

# (text, the quote's words, a word of its speaker, language)
SPEAKERS = [
    (
        "Выступая на митинге в Гюмри, Пашинян обратился к теме союзнических обязательств. "
        "«Где были наши союзники, когда войска вошли на нашу территорию?» — спросил он.",
        "Где были наши союзники, когда войска вошли на нашу территорию?",
        "Пашинян",
        "ru",
    ),
    (
        "Нефтекомпании перенаправляют экспорт в порты Балтики, сообщают «Ведомости». «Отгрузки "
        "заметно сократились после атак», — сказал изданию один из источников.",
        "Отгрузки заметно сократились после атак",
        "источников",
        "ru",
    ),
    (
        "Холдинг прекратил поставки в субботу.\n\n«Поставки приостановлены в соответствии с "
        "условиями контракта», — говорится в сообщении «Газпрома».",
        "Поставки приостановлены в соответствии с условиями контракта",
        "Газпрома",
        "ru",
    ),
    (
        "The CSTO secretariat on Monday expressed regret over Yerevan's decision. According to "
        "a statement from the secretariat, “the door remains open for Armenia to return.”",
        "the door remains open for Armenia to return.",
        "secretariat",
        "en",
    ),
    (
        "Kaja Kallas, the EU's foreign policy chief, said she was confident the bloc would agree "
        "a new package. Hungary's foreign minister, Peter Szijjarto, said his country would not "
        "support it.\n\n“We will find a solution, as we always have,” she said.",
        "We will find a solution, as we always have,",
        "Kallas",
        "en",
    ),
    (
        "Georgian President Mikheil Kavelashvili signed the bill into law on Friday. His "
        "predecessor, Salome Zourabichvili, called the move “a betrayal of the Georgian "
        "people”.\n\n“The law protects Georgia's sovereignty, nothing more,” he said.",
        "The law protects Georgia's sovereignty, nothing more,",
        "Kavelashvili",
        "en",
    ),
    (
        "Президент Грузии Михаил Кавелашвили подписал закон в пятницу. Его предшественница "
        "Саломе Зурабишвили назвала этот шаг «предательством».\n\n«Закон защищает суверенитет "
        "Грузии», — заявил он на пресс-конференции.",
        "Закон защищает суверенитет Грузии",
        "Кавелашвили",
        "ru",
    ),
    (
        "Maria Zakharova said on Wednesday that Moscow had taken note of the statement.\n\n"
        "“Brussels cannot offer Yerevan anything comparable,” the spokeswoman said.",
        "Brussels cannot offer Yerevan anything comparable,",
        "Zakharova",
        "en",
    ),
]

SPEAKERS += [
    (
        "CHICAGO, April 8 - CONTINENTAL ILLINOIS CORP <CIH> said it\nwould sell its "
        "London-based merchant banking unit, ending a\nfive-year effort to rebuild its "
        'international business.\n    "We are not in crisis. This is a strategic decision," '
        "said\nspokesman John Baker.\n    Analysts said the sale reflected the bank's "
        "continuing\ndifficulties since it nearly collapsed in 1984.\n Reuter",
        "We are not in crisis. This is a strategic decision,",
        "Baker",
        "en",
    ),
    (
        "Soviet leader Mikhail Gorbachev told a peace forum that Moscow was ready to cut its "
        'arsenal if Washington abandoned its Strategic Defence Initiative, which he called "star '
        'wars."',
        "star wars.",
        "Gorbachev",
        "en",
    ),
]
# a participle after a "so-called"; an office's anaphor; "what X called"; a description
# before a trailing name; Russian addressees, "высказался", a deputy "от" a faction
SPEAKERS += [
    (
        "Georgian President Salome Zourabichvili vetoed the so-called “foreign agents” bill, "
        "calling it “a Russian law that contradicts our constitution.”",
        "a Russian law that contradicts our constitution.",
        "Zourabichvili",
        "en",
    ),
    (
        "Armenia and Azerbaijan have agreed on the text, the Armenian Foreign Ministry announced "
        "on Thursday, while Baku insisted on changes.\n\n“The negotiations have been "
        "concluded,” the ministry said in a statement.",
        "The negotiations have been concluded,",
        "Armenian",
        "en",
    ),
    (
        "Azerbaijan summoned Russia's ambassador after two brothers died during police raids, "
        "in what Baku called “targeted, extrajudicial killings.”",
        "targeted, extrajudicial killings.",
        "Baku",
        "en",
    ),
    (
        "“The enemy is trying to hit our fuel infrastructure, and it will not work,” wrote "
        "pro-Kremlin military blogger Yulia Romanova.",
        "The enemy is trying to hit our fuel infrastructure, and it will not work,",
        "Romanova",
        "en",
    ),
    (
        "«Мы никогда не думали, что дойдет до такого», — сказал нашему корреспонденту "
        "собеседник в правительстве.",
        "Мы никогда не думали, что дойдет до такого",
        "собеседник",
        "ru",
    ),
    (
        "Глава комитета Госдумы по делам СНГ Леонид Калашников высказался жестче: «Ереван сам "
        "выбирает, с кем ему быть».",
        "Ереван сам выбирает, с кем ему быть",
        "Калашников",
        "ru",
    ),
    (
        "По словам депутата от правящей фракции Ануш Мкртчян, «Кочарян пытается переписать "
        "историю».",
        "Кочарян пытается переписать историю",
        "Мкртчян",
        "ru",
    ),
]
# the fifth wave: an untitled surname before "met"; "российского" against "РФ"; a
# term described "как «…»"
SPEAKERS += [
    (
        "Pashinyan met with Russian Deputy Prime Minister Alexei Overchuk on Friday. “Armenia "
        "does not want any escalation,” the Armenian leader said.",
        "Armenia does not want any escalation,",
        "Pashinyan",
        "en",
    ),
    (
        "Министр иностранных дел РФ Сергей Лавров призвал Баку и Ереван к сдержанности. «Мы не "
        "хотим, чтобы в регионе снова началась война», — сказал глава российского МИД.",
        "Мы не хотим, чтобы в регионе снова началась война",
        "Лавров",
        "ru",
    ),
    (
        "Ситуацию в Приднестровье эксперты традиционно описывают как «замороженный конфликт».",
        "замороженный конфликт",
        "эксперты",
        "ru",
    ),
]
SPEAKERS.append(
    (
        "WASHINGTON, Dec 8 - President Reagan and Soviet leader Mikhail Gorbachev signed a "
        'treaty on Tuesday.\n\n"You repeat that at every meeting," the Soviet leader replied.',
        "You repeat that at every meeting,",
        "Gorbachev",
        "en",
    )
)
SPEAKERS.append(
    (
        "European Commission President Ursula von der Leyen hosted Nikol Pashinyan in Brussels "
        "on Friday.\n\n“This is a new chapter in our relations,” she said.",
        "This is a new chapter in our relations,",
        "Leyen",
        "en",
    )
)
SPEAKERS.append(
    (
        "«Мы готовы продолжить переговоры на любом уровне», — сказал помощник президента "
        "России, глава российской делегации Владимир Мединский.",
        "Мы готовы продолжить переговоры на любом уровне",
        "Мединский",
        "ru",
    )
)
SPEAKERS.append(
    (
        "Vladimir Putin noted that trade had grown by 60 percent. “We are ready to help,” the "
        "President of Russia stressed.",
        "We are ready to help,",
        "Putin",
        "en",
    )
)

# (text, the quote's words, its kind, language)
KINDS = [
    (  # American style: a title's comma and full stop inside the marks
        'Graham told CBS\'s "Face the Nation." He backs the "Sanctioning Russia Act of 2025," '
        'which has 84 co-sponsors. "We Will Not Wait," he said, "and neither will Kyiv."',
        "Sanctioning Russia Act of 2025,",
        "scare_quote",
        "en",
    ),
    (
        'Graham told CBS\'s "Face the Nation." He backs the bill.',
        "Face the Nation.",
        "scare_quote",
        "en",
    ),
    (  # a sentence in quotes, even a short one, is a quote
        'Graham backs the bill. "We will not wait," he said.',
        "We will not wait,",
        "quote",
        "en",
    ),
    (
        "The United States will receive rights to a corridor to be known as the “Trump Route "
        "for International Peace and Prosperity”.",
        "Trump Route for International Peace and Prosperity",
        "scare_quote",
        "en",
    ),
    (
        "Пашинян в интервью France 24 заявил, что ОДКБ «стала угрозой» для Армении.",
        "стала угрозой",
        "quote",
        "ru",
    ),
    (
        "Маргарита Симоньян написала, что Армения «совершает историческую ошибку».",
        "совершает историческую ошибку",
        "quote",
        "ru",
    ),
    (
        "Замминистра Александр Дарахвелидзе заявил, что задержанные «оказывали сопротивление "
        "сотрудникам полиции».",
        "оказывали сопротивление сотрудникам полиции",
        "quote",
        "ru",
    ),
    (
        "Участники акции держали плакаты «Нет войне!» и флаги Украины.",
        "Нет войне!",
        "scare_quote",
        "ru",
    ),
    (
        "Материал, вышедший под заголовком «Война, которую никто не ждал», вызвал бурную реакцию.",
        "Война, которую никто не ждал",
        "scare_quote",
        "ru",
    ),
    (
        "The ministry said the resolution “serves only to fuel tensions in the region” and "
        "ignores the rights of Azerbaijanis.",
        "serves only to fuel tensions in the region",
        "quote",
        "en",
    ),
    (
        'Kyiv welcomed the support for the principle of "nothing about Ukraine without Ukraine," '
        "the office said.",
        "nothing about Ukraine without Ukraine,",
        "scare_quote",
        "en",
    ),
    # the counterparts: a term stays a scare quote, lower-case words between names do not
    # make a title
    ("Пашинян назвал это «заморозкой» участия.", "заморозкой", "scare_quote", "ru"),
    (
        "“Armenia is not leaving the bloc and it will not,” Pashinyan said.",
        "Armenia is not leaving the bloc and it will not,",
        "quote",
        "en",
    ),
]


def _quotes(text: str, lang: str) -> pd.DataFrame:
    return find_quotes(pd.DataFrame({"article_id": ["a"], "text": [text], "lang": [lang]}))


@pytest.mark.parametrize("case", SPEAKERS, ids=lambda case: case[0][:40])
def test_the_quote_is_given_to_its_speaker(case):
    text, quote, speaker, lang = case
    found = _quotes(text, lang)
    row = found.loc[found["text"] == quote]
    assert len(row) == 1, found[["text", "speaker"]]
    assert speaker in row["speaker"].item(), row[["speaker", "cue"]].to_dict("records")


@pytest.mark.parametrize("case", KINDS, ids=lambda case: case[0][:40])
def test_the_kind_of_quote(case):
    text, quote, kind, lang = case
    found = _quotes(text, lang)
    assert found.loc[found["text"] == quote, "kind"].item() == kind


def test_a_plural_noun_that_opens_a_sentence_is_no_spokeswoman():
    text = "Tensions rose on Wednesday.\n\n“Brussels cannot offer anything,” the spokeswoman said."
    found = _quotes(text, "en")
    assert found["speaker"].item() == "the spokeswoman"


def test_asking_for_anonymity_reports_nothing_and_the_colon_gives_the_subject():
    from framing.voices import voice_spans

    text = (
        "One EU diplomat, who asked not to be named, was more cautious: “The mission can "
        "observe, it cannot prevent anything.”"
    )
    found = _quotes(text, "en")
    assert "diplomat" in found["speaker"].item()
    text = (
        "An OPEC official, who asked not to be named, said Iraq had again refused to accept a "
        "quota because of its war with Iran."
    )
    spans = voice_spans(pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["en"]}))
    assert [text[r.start : r.end] for r in spans.itertuples()] == [
        "Iraq had again refused to accept a quota because of its war with Iran."
    ]
