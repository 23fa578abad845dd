"""The attribution forms news uses most, in English and Russian: each hit's voice and speaker.

A battery of the common ways wires, papers and agencies attribute a statement ("X said",
"…, X said", "according to X", "Speaking to reporters, X said"; "заявил X", "по словам X",
"Как пишет «Ъ»", "В интервью ТАСС X заявил", "Об этом сообщает ТАСС", "Песков: …"), each
with one framing term in the content. The expected speaker is the end of the speaker as
written (a description keeps its words: "Глава МИД России Сергей Лавров" ends with "Сергей
Лавров"). These passages were written for this test; a probe of the same forms found the
gaps the voices rules of 2026-12-07 closed. Two forms stay open and are left out: "Вчера на
брифинге Захарова заявила" (read as "at Zakharov's briefing") and "according to a senior
official familiar with the talks" (the speaker keeps "familiar").
"""

from __future__ import annotations

import pytest

RUSSIAN = [
    ("Лавров заявил, что угрозы для союза нет.", "Лавров", "reported"),
    ("Как заявил Лавров, угрозы для союза нет.", "Лавров", "reported"),
    ("По словам Лаврова, угрозы для союза нет.", "Лаврова", "reported"),
    ("«Угрозы для союза нет», — заявил Лавров.", "Лавров", "quote"),
    ("Угрозы для союза нет, заявил Лавров журналистам.", "Лавров", "reported"),
    ("Угрозы для союза нет. Об этом заявил Лавров.", "Лавров", "reported"),
    (
        "Глава МИД России Сергей Лавров заявил, что угрозы для союза нет.",
        "Сергей Лавров",
        "reported",
    ),
    ("Захарова в четверг заявила, что угрозы для союза нет.", "Захарова", "reported"),
    ("В МИД России заявили, что угрозы для союза нет.", "МИД России", "reported"),
    (
        "Пресс-секретарь президента Дмитрий Песков сообщил журналистам, что угрозы для союза нет.",
        "Дмитрий Песков",
        "reported",
    ),
    ("В беседе с журналистами Захарова заявила, что угрозы для союза нет.", "Захарова", "reported"),
    ("«Угрозы для союза нет», — написал Медведев в своем Telegram-канале.", "Медведев", "quote"),
    ("Медведев написал в Telegram, что угрозы для союза нет.", "Медведев", "reported"),
    ("Как отметил Пашинян в ходе брифинга, угрозы для союза нет.", "Пашинян", "reported"),
    ("Пашинян подчеркнул: «Угрозы для союза нет и не будет».", "Пашинян", "quote"),
    (
        "Премьер-министр Армении Никол Пашинян заявил, что угрозы для союза нет.",
        "Никол Пашинян",
        "reported",
    ),
    ("Песков: Кремль не видит угрозы для союза\n\nТекст новости.", "Песков", "reported"),
    (
        "Источник в правительстве сообщил РБК, что угрозы для союза нет.",
        "Источник в правительстве",
        "reported",
    ),
    (
        "Как сообщили в пресс-службе Минобороны, угрозы для союза нет.",
        "пресс-службе Минобороны",
        "reported",
    ),
    (
        "По мнению политолога Андрея Суздальцева, угрозы для союза нет.",
        "Андрея Суздальцева",
        "reported",
    ),
    (
        "Министр иностранных дел Армении Арарат Мирзоян в интервью Euronews заявил, что угрозы для союза нет.",
        "Арарат Мирзоян",
        "reported",
    ),
    ("Сегодня Лавров снова заявил, что угрозы для союза нет.", "Лавров", "reported"),
    ("Однако Лавров заявил, что угрозы для союза нет.", "Лавров", "reported"),
    (
        "В ходе пресс-конференции в Москве Лавров заявил, что угрозы для союза нет.",
        "Лавров",
        "reported",
    ),
    (
        "В ходе пресс-конференции в Москве министр заявил, что угрозы для союза нет.",
        "министр",
        "reported",
    ),
    (
        "На брифинге в четверг официальный представитель МИД Мария Захарова заявила, что угрозы для союза нет.",
        "Мария Захарова",
        "reported",
    ),
    (
        "В разговоре с «Известиями» Захарова заявила, что угрозы для союза нет.",
        "Захарова",
        "reported",
    ),
    ("Во время визита в Ереван Шойгу заявил, что угрозы для союза нет.", "Шойгу", "reported"),
    ("Угрозы для союза нет. Об этом сообщает ТАСС.", "ТАСС", "reported"),
    ("Угрозы для союза нет. Об этом говорится в заявлении МИД России.", "МИД России", "reported"),
    ("По информации источника РБК, угрозы для союза нет.", "источника РБК", "reported"),
    ("Согласно заявлению МИД, угрозы для союза нет.", "МИД", "reported"),
    ("Как пишет «Коммерсантъ», угрозы для союза нет.", "Коммерсантъ", "reported"),
    ("«Коммерсантъ» пишет, что угрозы для союза нет.", "Коммерсантъ»", "reported"),
    ("По мнению Лаврова, угрозы для союза нет.", "Лаврова", "reported"),
    ("Лавров считает, что угрозы для союза нет.", "Лавров", "reported"),
    ("Лавров уверен, что угрозы для союза нет.", "Лавров", "reported"),
    ("Лавров выразил уверенность, что угрозы для союза нет.", "Лавров", "reported"),
    ("Лавров напомнил, что угрозы для союза нет.", "Лавров", "reported"),
    (
        "Сергей Лавров выступил в Москве. Он также отметил, что угрозы для союза нет.",
        "Сергей Лавров",
        "reported",
    ),
    (
        "Мария Захарова выступила на брифинге. Она подчеркнула, что угрозы для союза нет.",
        "Мария Захарова",
        "reported",
    ),
    (
        "Замглавы МИД России Михаил Галузин в интервью «Известиям» заявил, что угрозы для союза нет.",
        "Михаил Галузин",
        "reported",
    ),
    ("Как заявил РИА Новости источник в Минобороны, угрозы для союза нет.", "источник", "reported"),
    (
        "Источник, знакомый с ситуацией, рассказал «Ведомостям», что угрозы для союза нет.",
        "Источник",
        "reported",
    ),
    ("Пресс-служба Кремля сообщила, что угрозы для союза нет.", "Пресс-служба Кремля", "reported"),
    ("В Минобороны России сообщили, что угрозы для союза нет.", "Минобороны России", "reported"),
    (
        "Министерство иностранных дел Армении заявило, что угрозы для союза нет.",
        "Министерство иностранных дел Армении",
        "reported",
    ),
    ("Ереван заявил, что угрозы для союза нет.", "Ереван", "reported"),
    ("Пашинян в своем Facebook написал, что угрозы для союза нет.", "Пашинян", "reported"),
    (
        "Захарова прокомментировала заявление Пашиняна: «Угрозы для союза нет и не будет».",
        "Захарова",
        "quote",
    ),
    (
        "Лавров ответил на вопрос журналистов: по его словам, угрозы для союза нет.",
        "Лавров",
        "reported",
    ),
    (
        "Отвечая на вопрос журналистов, Лавров заявил, что угрозы для союза нет.",
        "Лавров",
        "reported",
    ),
    (
        "Говоря о ситуации в регионе, Пашинян подчеркнул, что угрозы для союза нет.",
        "Пашинян",
        "reported",
    ),
    ("Лавров, в свою очередь, заявил, что угрозы для союза нет.", "Лавров", "reported"),
    (
        "Глава МИД России Сергей Лавров, выступая в Госдуме, заявил, что угрозы для союза нет.",
        "Сергей Лавров",
        "reported",
    ),
    ("Лавров заявил журналистам, что угрозы для союза нет.", "Лавров", "reported"),
    (
        "Лавров сообщил, что угрозы для союза нет, а Пашинян ответил, что кризис налицо.",
        "Лавров",
        "reported",
    ),
    ("Премьер Армении заявил, что угрозы для союза нет.", "Премьер Армении", "reported"),
    ("Как отмечают эксперты, угрозы для союза нет.", "эксперты", "reported"),
    ("Эксперты полагают, что угрозы для союза нет.", "Эксперты", "reported"),
    ("Армянская сторона настаивает, что угрозы для союза нет.", "Армянская сторона", "reported"),
    ("По данным Reuters, угрозы для союза нет.", "Reuters", "reported"),
    ("Ранее Лавров заявлял, что угрозы для союза нет.", "Лавров", "reported"),
    ("Лавров неоднократно заявлял, что угрозы для союза нет.", "Лавров", "reported"),
    ("Сам Лавров заявил, что угрозы для союза нет.", "Лавров", "reported"),
    ("Российский министр заявил, что угрозы для союза нет.", "Российский министр", "reported"),
    ("Кремль заявил, что угрозы для союза нет.", "Кремль", "reported"),
    (
        "Генсек ОДКБ Имангали Тасмагамбетов заявил, что угрозы для союза нет.",
        "Имангали Тасмагамбетов",
        "reported",
    ),
    ("Пашинян: угрозы для союза нет\n\nТекст.", "Пашинян", "reported"),
]

ENGLISH = [
    ("Lavrov said there was no threat to the alliance.", "Lavrov", "reported"),
    ("There was no threat to the alliance, Lavrov said.", "Lavrov", "reported"),
    ("There was no threat to the alliance, said Lavrov.", "Lavrov", "reported"),
    ("According to Lavrov, there was no threat to the alliance.", "Lavrov", "reported"),
    (
        "Speaking to reporters, Lavrov said there was no threat to the alliance.",
        "Lavrov",
        "reported",
    ),
    (
        "In an interview with TASS, Lavrov said there was no threat to the alliance.",
        "Lavrov",
        "reported",
    ),
    (
        "Russian Foreign Minister Sergei Lavrov told reporters on Tuesday that there was no threat to the alliance.",
        "Sergei Lavrov",
        "reported",
    ),
    (
        "There is no threat to the alliance, the Kremlin said in a statement.",
        "the Kremlin",
        "reported",
    ),
    (
        "The Kremlin said in a statement that there was no threat to the alliance.",
        "The Kremlin",
        "reported",
    ),
    (
        "Kremlin spokesman Dmitry Peskov told reporters there was no threat to the alliance.",
        "Dmitry Peskov",
        "reported",
    ),
    ("There is no threat to the alliance, Peskov told reporters.", "Peskov", "reported"),
    (
        "Zakharova wrote on Telegram that there was no threat to the alliance.",
        "Zakharova",
        "reported",
    ),
    (
        "In a statement, the ministry said there was no threat to the alliance.",
        "the ministry",
        "reported",
    ),
    ("Officials said there was no threat to the alliance.", "Officials", "reported"),
    ("There is no threat to the alliance, officials said.", "officials", "reported"),
    ("Pashinyan has repeatedly said there is no threat to the alliance.", "Pashinyan", "reported"),
    (
        "Lavrov, who spoke in Moscow, said there was no threat to the alliance.",
        "Lavrov",
        "reported",
    ),
    (
        "At a news conference in Moscow, Lavrov said there was no threat to the alliance.",
        "Lavrov",
        "reported",
    ),
    ("“There is no threat to the alliance,” Lavrov told reporters in Moscow.", "Lavrov", "quote"),
    ("Lavrov told reporters: “There is no threat to the alliance.”", "Lavrov", "quote"),
    ("Asked about the alliance, Lavrov said there was no threat.", "Lavrov", "reported"),
    (
        "Armenian Prime Minister Nikol Pashinyan said on Thursday that the threat was real.",
        "Nikol Pashinyan",
        "reported",
    ),
    ("The threat is real, Pashinyan wrote on Facebook.", "Pashinyan", "reported"),
    (
        "A senior U.S. official, speaking on condition of anonymity, said the threat was real.",
        "A senior U.S. official",
        "reported",
    ),
    ("Peskov declined to comment on the threat.", "", "narrative"),
    ("Lavrov, in an interview with RIA, said the threat was real.", "Lavrov", "reported"),
    ("On Tuesday, Lavrov warned of a threat to the alliance.", "Lavrov", "reported"),
    ("Later on Tuesday, Peskov told reporters that the threat was real.", "Peskov", "reported"),
]


def _word(text: str) -> str:
    low = text.lower()
    return next(w for w in ("угрозы", "угроз", "threat") if w in low)


@pytest.mark.parametrize(("text", "speaker", "voice"), RUSSIAN + ENGLISH)
def test_a_common_attribution_form(hit, text, speaker, voice):
    word = _word(text)
    start = text.lower().index(word)
    found = hit(text, text[start : start + len(word)])
    assert found["voice"] == voice
    assert found["speaker"].endswith(speaker) if speaker else found["speaker"] == ""
