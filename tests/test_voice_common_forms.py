"""The attribution, quotation and negation forms news uses most, in English and Russian.

Batteries written from the user's side: the common ways wires, papers and agencies attribute
a statement ("X said", "…, X said", "according to X", "Speaking to reporters, X said";
"заявил X", "по словам X", "Как пишет «Ъ»", "В интервью ТАСС X заявил", "В заявлении МИД
говорится"), report it ("The crisis, Lavrov said, was manufactured"), quote it (interrupted
quotes, pronouns, scare quotes) and negate a term ("no threat", "угрозы нет", "о разрыве речь
не идет"), with the look-alikes that do none of these ("declined to comment on", "not only",
"не исключил", "not clear whether"). Each case names the hit's voice and speaker, a quote's
kind and speaker, or a hit's ``negated``. The expected speaker is the end of the speaker as
written ("Глава МИД России Сергей Лавров" ends with "Сергей Лавров"). A quote or scare quote
follows the guide's mechanical rule: a scare quote is at most four words, after a term cue
too.

Probes of these forms found the gaps the voices rules of 2026-12-07 closed. Left out, still
open: "Вчера на брифинге Захарова заявила" (read as "at Zakharov's briefing"), "according to
a senior official familiar with the talks" (the speaker keeps "familiar") and "цитирует
Лаврова ТАСС" (the speaker keeps "ТАСС"). By the labelling guide a one-word subject before
"по словам X," is left out of the report ("Кишинев, по его словам, готов …"), so that form
is not here either.
"""

from __future__ import annotations

import pandas as pd
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
    ("Песков лишь отметил, что угрозы для союза нет.", "Песков", "reported"),
    ("Российский министр заявил, что угрозы для союза нет.", "Российский министр", "reported"),
    ("Кремль заявил, что угрозы для союза нет.", "Кремль", "reported"),
    (
        "Генсек ОДКБ Имангали Тасмагамбетов заявил, что угрозы для союза нет.",
        "Имангали Тасмагамбетов",
        "reported",
    ),
    ("Пашинян: угрозы для союза нет\n\nТекст.", "Пашинян", "reported"),
    (
        "Пресс-служба МИД сообщила, что угроза для всего союза растет.",
        "Пресс-служба МИД",
        "reported",
    ),
    ("Угроза для всего союза растет, говорится в заявлении МИД России.", "МИД России", "reported"),
    ("Угроза для всего союза растет, пишет издание.", "издание", "reported"),
    ("Угроза для всего союза растет, уточнили в ведомстве.", "ведомстве", "reported"),
    (
        "Угроза для всего союза растет, сообщает агентство со ссылкой на источник.",
        "агентство",
        "reported",
    ),
    ("Угроза для всего союза растет, заявили «Известиям» в МИД России.", "МИД России", "reported"),
    (
        "Официальный представитель МИД Мария Захарова сообщила, что угроза для всего союза растет.",
        "Мария Захарова",
        "reported",
    ),
    (
        "Захарова, официальный представитель МИД, сообщила, что угроза для всего союза растет.",
        "Захарова",
        "reported",
    ),
    (
        "Министр иностранных дел России Сергей Лавров в интервью РИА Новости заявил, что угроза для всего союза растет.",
        "Сергей Лавров",
        "reported",
    ),
    ("Лавров в четверг заявил, что угроза для всего союза растет.", "Лавров", "reported"),
    (
        "Постпред России при ООН Василий Небензя заявил, что угроза для всего союза растет.",
        "Василий Небензя",
        "reported",
    ),
    (
        "Угроза для всего союза растет, — написал Медведев в своем телеграм-канале.",
        "Медведев",
        "reported",
    ),
    (
        "Вице-премьер Алексей Оверчук заявил журналистам, что угроза для всего союза растет.",
        "Алексей Оверчук",
        "reported",
    ),
    ("Как отметили в Минобороны, угроза для всего союза растет.", "Минобороны", "reported"),
    ("Как следует из заявления МИД, угроза для всего союза растет.", "МИД", "reported"),
    ("В заявлении МИД говорится, что угроза для всего союза растет.", "МИД", "reported"),
    ("По оценке экспертов, угроза для всего союза растет.", "экспертов", "reported"),
    ("Эксперты сходятся во мнении, что угроза для всего союза растет.", "Эксперты", "reported"),
    (
        "Лидер оппозиции Роберт Кочарян убежден, что угроза для всего союза растет.",
        "Роберт Кочарян",
        "reported",
    ),
    (
        "Армянский премьер подчеркнул, что угроза для всего союза растет.",
        "Армянский премьер",
        "reported",
    ),
    (
        "Пашинян на заседании правительства заявил, что угроза для всего союза растет.",
        "Пашинян",
        "reported",
    ),
    (
        "Глава государства заявил, что угроза для всего союза растет.",
        "Глава государства",
        "reported",
    ),
    (
        "Пашинян, выступая в парламенте, заявил, что угроза для всего союза растет.",
        "Пашинян",
        "reported",
    ),
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
    ("The ministry said in a statement that the threat was growing.", "The ministry", "reported"),
    ("Lavrov told a news conference in Moscow that the threat was growing.", "Lavrov", "reported"),
    ("Zakharova wrote in a Telegram post that the threat was growing.", "Zakharova", "reported"),
    ("Lavrov said in an interview with CNN that the threat was growing.", "Lavrov", "reported"),
    (
        "The ministry's spokeswoman, Maria Zakharova, said the threat was growing.",
        "Maria Zakharova",
        "reported",
    ),
    (
        "Zakharova, the ministry's spokeswoman, said the threat was growing.",
        "Zakharova",
        "reported",
    ),
    (
        "Russia's foreign ministry said the threat was growing.",
        "Russia's foreign ministry",
        "reported",
    ),
    ("Moscow has said the threat is growing.", "Moscow", "reported"),
    ("The White House said the threat was growing.", "The White House", "reported"),
    ("U.S. officials said the threat was growing.", "U.S. officials", "reported"),
    (
        "Secretary of State Antony Blinken said the threat was growing.",
        "Antony Blinken",
        "reported",
    ),
    (
        "NATO Secretary General Mark Rutte told reporters the threat was growing.",
        "Mark Rutte",
        "reported",
    ),
    (
        "The threat to the whole alliance is growing, Rutte told reporters after the meeting.",
        "Rutte",
        "reported",
    ),
    (
        "The threat to the whole alliance is growing, said Rutte, who spoke after the meeting.",
        "Rutte",
        "reported",
    ),
    (
        "The threat to the whole alliance is growing, the Kremlin's spokesman Dmitry Peskov said.",
        "Dmitry Peskov",
        "reported",
    ),
    (
        "The threat to the whole alliance is growing, according to the Institute for the Study of War.",
        "the Institute for the Study of War",
        "reported",
    ),
    (
        "The threat to the whole alliance is growing, a senior EU diplomat said on condition of anonymity.",
        "a senior EU diplomat",
        "reported",
    ),
    (
        "In a statement, Armenia's foreign ministry said the threat was growing.",
        "Armenia's foreign ministry",
        "reported",
    ),
    ("Pashinyan posted on Facebook that the threat was growing.", "Pashinyan", "reported"),
    ("Pashinyan's office said the threat was growing.", "Pashinyan's office", "reported"),
    (
        "Speaking at the Munich Security Conference, Pashinyan said the threat was growing.",
        "Pashinyan",
        "reported",
    ),
    (
        "Armenia's prime minister said on Thursday the threat was growing.",
        "Armenia's prime minister",
        "reported",
    ),
    ("Pashinyan, 48, said the threat was growing.", "Pashinyan", "reported"),
    ("Lavrov later told state television the threat was growing.", "Lavrov", "reported"),
    ("A Kremlin spokesman said the threat was growing.", "A Kremlin spokesman", "reported"),
]


def _quote_speakers(text: str) -> list[str]:
    from framing.voices import find_quotes

    return find_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))["speaker"].tolist()


def _word(text: str) -> str:
    low = text.lower()
    return next(w for w in ("угрозы", "угроз", "threat") if w in low)


# the negation forms news uses most, and their look-alikes that negate nothing
NEGATIONS = [
    ("There is no threat to Armenia.", "threat", True),
    ("Russia does not pose a threat to Armenia.", "threat", True),
    ("Moscow denied any threat to Armenia.", "threat", True),
    ("Moscow is not a threat to Armenia.", "threat", True),
    ("The bloc was never a threat to anyone.", "threat", True),
    ("Russia is no longer a threat to Armenia.", "threat", True),
    ("Moscow ruled out a threat to Armenia.", "threat", True),
    ("There is no sign of a crisis in the alliance.", "crisis", True),
    ("There is neither a crisis nor a threat.", "threat", True),
    ("There is neither a crisis nor a threat.", "crisis", True),
    ("No threat, pressure or ultimatum was made.", "ultimatum", True),
    ("There is no threat, but the crisis is real.", "crisis", False),
    ("There is no doubt that the threat is real.", "threat", False),
    ("There is no question that the crisis is deepening.", "crisis", False),
    ("It is not only a threat but also an insult.", "insult", False),
    ("The threat does not exist.", "threat", True),
    ("The crisis is not over.", "crisis", False),
    ("Nobody talks about a collapse.", "collapse", True),
    ("He did not rule out a collapse.", "collapse", False),
    ("Нет никакой угрозы для Армении.", "угрозы", True),
    ("Россия не угрожает Армении.", "угрожает", True),
    ("Москва не видит угрозы для Еревана.", "угрозы", True),
    ("Лавров отверг угрозу распада ОДКБ.", "угрозу", True),
    ("Угрозы для Армении нет.", "Угрозы", True),
    ("Россия не является угрозой для Армении.", "угрозой", True),
    ("Россия не представляет угрозы для Армении.", "угрозы", True),
    ("Нет ни угрозы, ни кризиса.", "кризиса", True),
    ("Это не только угроза, но и оскорбление.", "оскорбление", False),
    ("Нет сомнений, что угроза растет.", "угроза", False),
    ("Угрозы нет, однако кризис налицо.", "кризис", False),
    ("Никто не говорит о распаде союза.", "распаде", True),
    ("Он не исключил распада союза.", "распада", False),
    ("Кризис не преодолен.", "Кризис", False),
    ("Москва не намерена допускать эскалации.", "эскалации", True),
    ("Кремль не считает ситуацию кризисной.", "кризисной", True),
    ("Ереван пока не заявлял о выходе из ОДКБ.", "выходе", True),
    ("Угроза вторжения сохраняется.", "вторжения", False),
    ("Речь не идет о разрыве отношений.", "разрыве", True),
    ("О разрыве отношений речь не идет.", "разрыве", True),
    ("Армения не рассматривает выход из ОДКБ.", "выход", True),
    ("Никакой эскалации на границе не наблюдается.", "эскалации", True),
    ("Ситуация на границе остается напряженной, но без эскалации.", "эскалации", True),
    ("Россия не только угрожает, но и давит.", "давит", False),
    ("Лавров не исключил эскалации.", "эскалации", False),
    ("Пашинян отверг обвинения в разрыве с Россией.", "разрыве", True),
    ("Эксперты не видят признаков кризиса.", "кризиса", True),
    ("Кризис не закончился.", "Кризис", False),
    ("Санкции не отменены.", "Санкции", False),
    ("Конфликт так и не был урегулирован.", "Конфликт", False),
    ("The Kremlin does not consider the situation a crisis.", "crisis", True),
    ("Yerevan has not announced a withdrawal from the CSTO.", "withdrawal", True),
    ("There was no escalation at the border, officials said.", "escalation", True),
    ("Officials saw no signs of a crisis.", "crisis", True),
    ("The sanctions were not lifted.", "sanctions", False),
    ("The conflict has not been resolved.", "conflict", False),
    ("Without sanctions relief, the crisis will deepen.", "crisis", False),
    ("Without sanctions relief, the crisis will deepen.", "sanctions", True),
    ("Moscow has never threatened Armenia.", "threatened", True),
    ("It is not clear whether the threat is real.", "threat", False),
]


# reports and their look-alikes: a hit's voice and speaker
REPORTS = [
    (
        "Lavrov said the bloc would survive, but Pashinyan said the crisis was deep.",
        "crisis",
        "reported",
        "Pashinyan",
    ),
    ("The ministry warned of a collapse of the talks.", "collapse", "reported", "The ministry"),
    ("Lavrov accused Yerevan of provoking a crisis.", "crisis", "reported", "Lavrov"),
    (
        "Pashinyan described the pact as an effective suspension.",
        "suspension",
        "reported",
        "Pashinyan",
    ),
    ("Peskov declined to comment on the crisis.", "crisis", "narrative", ""),
    ("The crisis, Lavrov said, was manufactured in the West.", "crisis", "reported", "Lavrov"),
    (
        "Lavrov said that he saw no crisis and that the alliance was strong.",
        "crisis",
        "reported",
        "Lavrov",
    ),
    ("The crisis deepened after Lavrov spoke on Friday.", "crisis", "narrative", ""),
    (
        "Lavrov, who has warned of a crisis before, arrived in Yerevan on Friday.",
        "crisis",
        "reported",
        "Lavrov",
    ),
    ("Analysts say the crisis is far from over.", "crisis", "reported", "Analysts"),
    ("The crisis is far from over, analysts say.", "crisis", "reported", "analysts"),
    (
        "Many in Yerevan believe the crisis is far from over.",
        "crisis",
        "reported",
        "Many in Yerevan",
    ),
    ("Лавров обвинил Ереван в провоцировании кризиса.", "кризиса", "reported", "Лавров"),
    ("Кризис углубился после выступления Лаврова.", "Кризис", "narrative", ""),
    ("Песков отказался комментировать кризис.", "кризис", "narrative", ""),
    ("Аналитики считают, что кризис далек от завершения.", "кризис", "reported", "Аналитики"),
    ("Лавров предупредил о возможном распаде союза.", "распаде", "reported", "Лавров"),
    ("Пашинян назвал ситуацию кризисом доверия.", "кризисом", "reported", "Пашинян"),
    # a person attached to a group: "a source close to the Kremlin", not "the Kremlin"
    (
        "A source close to the Kremlin told Reuters the sanctions talk was premature.",
        "sanctions",
        "reported",
        "A source close to the Kremlin",
    ),
    # after a trailing attribution, the writer's adverbial is no aside: "…, officials said, as …"
    (
        "The bloc is finished, officials said, as tensions rose over the crisis.",
        "crisis",
        "narrative",
        "",
    ),
    (
        "We will not leave, he said, his voice rising over the crisis.",
        "crisis",
        "narrative",
        "",
    ),
    (
        "According to a document seen by Reuters, the sanctions will be lifted.",
        "sanctions",
        "reported",
        "a document seen by Reuters",
    ),
    (
        "An official briefed on the talks said the crisis was over.",
        "crisis",
        "reported",
        "An official briefed on the talks",
    ),
]

# quote or scare quote, by the guide's mechanical rule (a scare quote is at most four words,
# also after a term cue), and whose
KINDS = [
    (
        'Russia launched its so-called "special military operation" in 2022.',
        "special military operation",
        "scare_quote",
        "",
    ),
    (
        "Russia's “special military operation” in Ukraine entered its third year.",
        "special military operation",
        "scare_quote",
        "",
    ),
    (
        "The war, which Moscow calls a “special military operation”, goes on.",
        "special military operation",
        "scare_quote",
        "Moscow",
    ),
    (
        'Lavrov said the bloc was "in a state of collapse".',
        "in a state of collapse",
        "quote",
        "Lavrov",
    ),
    (
        "Moscow has warned the West about crossing its “red lines”.",
        "red lines",
        "scare_quote",
        "Moscow",
    ),
    ("The newspaper “Kommersant” reported the talks had stalled.", "Kommersant", "scare_quote", ""),
    (
        "Pashinyan described the pact as “an effective suspension”.",
        "an effective suspension",
        "scare_quote",
        "Pashinyan",
    ),
    (
        "“We will never accept this,” Pashinyan said.",
        "We will never accept this,",
        "quote",
        "Pashinyan",
    ),
    (
        "Россия начала так называемую «специальную военную операцию».",
        "специальную военную операцию",
        "scare_quote",
        "",
    ),
    (
        "Захарова назвала заявление Пашиняна «провокацией».",
        "провокацией",
        "scare_quote",
        "Захарова",
    ),
    ("Лавров заявил, что ОДКБ «не развалится».", "не развалится", "quote", "Лавров"),
    ("Кремль предупредил Запад о «красных линиях».", "красных линиях", "scare_quote", "Кремль"),
    ("Газета «Коммерсант» сообщила о срыве переговоров.", "Коммерсант", "scare_quote", ""),
    (
        "«Мы никогда этого не примем», — сказал Пашинян.",
        "Мы никогда этого не примем",
        "quote",
        "Пашинян",
    ),
    (
        "Песков назвал ситуацию «очень напряженной, но не критической».",
        "очень напряженной, но не критической",
        "quote",
        "Песков",
    ),
    (
        "The minister called the decision “a betrayal of everything we stood for”.",
        "a betrayal of everything we stood for",
        "quote",
        "The minister",
    ),
    (
        "Officials described the talks as “constructive”, but no deal was reached.",
        "constructive",
        "scare_quote",
        "Officials",
    ),
    (
        "The “zone of responsibility” of the CSTO does not include the border.",
        "zone of responsibility",
        "scare_quote",
        "",
    ),
]

# quotes: each quoted span's speaker, in order (an interrupted quote is two)
QUOTES = [
    (
        "“We will not leave,” said Pashinyan, who spoke in Yerevan. “The CSTO failed us.”",
        ["Pashinyan", "Pashinyan"],
    ),
    (
        '"We are not in a crisis," the official, who declined to be named, told Reuters.',
        ["the official"],
    ),
    ("“It’s over,” one diplomat said of the bloc.", ["one diplomat"]),
    ("Mr Pashinyan said: ‘The bloc has failed us and will fail again.’", ["Mr Pashinyan"]),
    (
        "“The door is open,” Lavrov said, adding: “But we will not wait forever.”",
        ["Lavrov", "Lavrov"],
    ),
    (
        "Pashinyan told parliament: “The CSTO did not fulfil its obligations.\n\n“We cannot pretend otherwise.”",
        ["Pashinyan"],
    ),
    ("“There is no crisis,” insisted Dmitry Peskov, the Kremlin spokesman.", ["Dmitry Peskov"]),
    ("“The alliance,” Lavrov said, “is not in danger.”", ["Lavrov", "Lavrov"]),
    ("A spokesperson for the EU, Peter Stano, said the bloc “stands by Armenia”.", ["Peter Stano"]),
    ("«Мы не уйдем», — сказал Пашинян. — «ОДКБ нас подвела».", ["Пашинян", "Пашинян"]),
    ("«Союз не в опасности, — сказал Лавров. — Дверь открыта».", ["Лавров", "Лавров"]),
    ("По словам Захаровой, «никакого кризиса нет и не было».", ["Захаровой"]),
    (
        "Лавров встретился с Мирзояном. «Мы остаемся союзниками», — подчеркнул российский министр.",
        ["Лавров"],
    ),
    (
        "Sergei Lavrov met Nikol Pashinyan in Moscow. Pashinyan spoke first. “The door is open,” he said.",
        ["Nikol Pashinyan"],
    ),
    (
        "Maria Zakharova and Sergei Lavrov arrived. Zakharova spoke on Friday. “The door is open,” she said.",
        ["Maria Zakharova"],
    ),
    # pronouns, descriptions and ages that refer back
    (
        "Armenian Foreign Minister Ararat Mirzoyan met Lavrov on Friday. “The crisis is deep,” the Armenian minister said.",
        ["Ararat Mirzoyan"],
    ),
    (
        "Kremlin spokesman Dmitry Peskov spoke to reporters. “There is no crisis,” the spokesman said.",
        ["Dmitry Peskov"],
    ),
    (
        "Nikol Pashinyan, 49, addressed parliament. “We will not pay,” the 49-year-old said.",
        ["Nikol Pashinyan"],
    ),
    (
        "Maria Zakharova spoke after Sergei Lavrov. “The door is open,” she said.",
        ["Maria Zakharova"],
    ),
    ("Sergei Lavrov spoke after Maria Zakharova. “The door is open,” he said.", ["Sergei Lavrov"]),
    (
        "Prime Minister Nikol Pashinyan told parliament on Tuesday that the bloc had failed. “We cannot pretend,” the prime minister added.",
        ["Nikol Pashinyan"],
    ),
    (
        "The Armenian leader, Nikol Pashinyan, was blunt. “The CSTO is dead,” he told reporters.",
        ["Nikol Pashinyan"],
    ),
    (
        "Russian President Vladimir Putin and Pashinyan met in Moscow. “Armenia is our ally,” Putin said. “We will help.”",
        ["Putin", "Putin"],
    ),
    (
        "Глава МИД Армении Арарат Мирзоян встретился с Лавровым. «Кризис глубокий», — сказал армянский министр.",
        ["Арарат Мирзоян"],
    ),
    (
        "Пресс-секретарь Кремля Дмитрий Песков ответил на вопросы. «Никакого кризиса нет», — сказал он.",
        ["Дмитрий Песков"],
    ),
    ("Мария Захарова выступила после Лаврова. «Дверь открыта», — сказала она.", ["Мария Захарова"]),
    (
        "Сергей Лавров выступил после Марии Захаровой. «Дверь открыта», — сказал он.",
        ["Сергей Лавров"],
    ),
    (
        "Премьер-министр Армении Никол Пашинян выступил в парламенте. «Мы не будем платить», — заявил премьер.",
        ["Никол Пашинян"],
    ),
]


@pytest.mark.parametrize(("text", "speaker", "voice"), RUSSIAN + ENGLISH)
def test_a_common_attribution_form(hit, text, speaker, voice):
    word = _word(text)
    start = text.lower().index(word)
    found = hit(text, text[start : start + len(word)])
    assert found["voice"] == voice
    assert found["speaker"].endswith(speaker) if speaker else found["speaker"] == ""


@pytest.mark.parametrize(("text", "word", "negated"), NEGATIONS)
def test_a_common_negation_form(hit, text, word, negated):
    assert hit(text, word)["negated"] is negated


@pytest.mark.parametrize(("text", "speakers"), QUOTES)
def test_the_speakers_of_common_quote_layouts(text, speakers):
    found = _quote_speakers(text)
    assert len(found) == len(speakers)
    assert all(got.endswith(want) for got, want in zip(found, speakers, strict=True)), found


@pytest.mark.parametrize(("text", "word", "voice", "speaker"), REPORTS)
def test_reports_asides_and_look_alikes(hit, text, word, voice, speaker):
    found = hit(text, word)
    assert found["voice"] == voice
    assert found["speaker"].endswith(speaker) if speaker else found["speaker"] == ""


@pytest.mark.parametrize(("text", "quote", "kind", "speaker"), KINDS)
def test_quote_or_scare_quote(text, quote, kind, speaker):
    from framing.voices import find_quotes

    found = find_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    row = found[found["text"] == quote].iloc[0]
    assert row["kind"] == kind
    assert row["speaker"].endswith(speaker) if speaker else row["speaker"] == ""
