"""Where a report starts and ends: relative clauses, opening adverbials, addressees, views.

Each case is a sentence of the kind wire services and newspapers print, in English and
Russian, written after probes of common forms (ten rounds of rules had missed them). A
report made inside a relative clause set off by commas ("The talks, which Lavrov said were
useful, came as …") ends where that clause ends: the main clause is the writer's. A
sentence that opens with an adverbial clause before its speaker ("As the danger grew,
Lukashenko told reporters he …") reports what follows the cue, not the opener. The
counterparts check that the reports these rules must keep are kept.
"""

from __future__ import annotations

import pytest

# (text, a word of the hit, language): the writer's words next to a report
NARRATIVE = [
    (
        "The talks, which Lavrov said were useful, came as the crisis in relations between "
        "Moscow and Yerevan deepened.",
        "crisis",
        "en",
    ),
    (
        "Pashinyan, who has said repeatedly that Armenia is not leaving the CSTO, skipped the "
        "bloc's summit in Minsk amid the crisis.",
        "crisis",
        "en",
    ),
    (
        "Zakharova, who has repeatedly warned Yerevan against closer ties with NATO, spoke as "
        "the dispute over the border post escalated.",
        "escalated",
        "en",
    ),
    (
        "Mirzoyan's interview with Al Jazeera, in which he said Armenia was diversifying its "
        "partners, aired as the danger of a new flare-up on the border receded.",
        "danger",
        "en",
    ),
    (
        "The Kremlin, which says it remains committed to the alliance, has not responded to "
        "Armenia's decision, a move that deepened the crisis.",
        "crisis",
        "en",
    ),
    (
        "The incident, which a local official told Azatutyun about on Monday, has heightened "
        "tensions in the border village.",
        "tensions",
        "en",
    ),
    (
        "Пашинян, который ранее не раз заявлял, что Армения не выходит из ОДКБ, пропустил "
        "саммит в Минске на фоне кризиса в отношениях с Москвой.",
        "кризиса",
        "ru",
    ),
    (
        "Захарова, которая накануне обвинила Ереван в неблагодарности, выступила на фоне "
        "эскалации на границе.",
        "эскалации",
        "ru",
    ),
    (
        "As the danger of a wider war grew, Lukashenko told reporters he was ready to mediate.",
        "danger",
        "en",
    ),
    (
        "When the sanctions took effect in March, the central bank said the ruble would hold.",
        "sanctions",
        "en",
    ),
    (
        "The Kremlin's readout of the call made no reference to the tensions over Zvartnots.",
        "tensions",
        "en",
    ),
    (
        "Armenpress reported on the talks, which took place amid growing tensions in the region.",
        "tensions",
        "en",
    ),
    (
        "According to the schedule, the sanctions package will be approved by EU ambassadors "
        "on Wednesday.",
        "sanctions",
        "en",
    ),
    # the writer's clause after a report: ", while …", ", in a sharp escalation of …"
    (
        "Pashinyan has said Russia's guarantees proved ineffective, while tens of thousands "
        "have fled the region since Azerbaijan's lightning attack last week.",
        "attack",
        "en",
    ),
    (
        "Azerbaijan on Monday accused Russian police of a deadly raid on ethnic Azerbaijanis "
        "and suspended all cultural events with Moscow, in a sharp escalation of tensions.",
        "suspended",
        "en",
    ),
    (
        "Azerbaijan on Monday accused Russian police of a deadly raid on ethnic Azerbaijanis "
        "and suspended all cultural events with Moscow, in a sharp escalation of tensions.",
        "escalation",
        "en",
    ),
    # "added to market tension" is an action; a transcript's speakers are narrative
    (
        "OPEC's system faces its most serious threat, oil analysts said, as the Gulf tanker "
        "attacks added to market tension.",
        "tension",
        "en",
    ),
    (
        "Vladimir Putin: Colleagues, the situation on the borders remains difficult. The threat "
        "of infiltration has not gone away.\n\nCSTO Secretary General Imangali Tasmagambetov: "
        "Thank you, Mr President.",
        "threat",
        "en",
    ),
    # a phone call is no naming; a country declares independence; a speech is no headline
    (
        "Andriy Yermak held a phone call with Jake Sullivan, national security advisor to the "
        "U.S. President.",
        "security",
        "en",
    ),
    ("Kosovo declared independence in 2008, nearly a decade after the 1998-99 war.", "war", "en"),
    (
        "Vladimir Putin: Colleagues, the West's policy of containing Russia is not new. This is "
        "a direct threat to our country.",
        "threat",
        "en",
    ),
    # a report inside an opening subordinate clause ends with it
    (
        "Although the Kremlin insists that relations with Yerevan remain strong, ties have cooled "
        "markedly since the 2020 war.",
        "war",
        "en",
    ),
    (
        "Since Georgian Dream said in November that it would freeze EU accession talks, the "
        "country has been gripped by a political crisis.",
        "crisis",
        "en",
    ),
    (
        "According to the timetable agreed in Brussels, the commissions were to meet again to "
        "discuss security arrangements.",
        "security",
        "en",
    ),
    (
        "После того как Никол Пашинян объявил о решении не участвовать в работе ОДКБ, "
        "напряженность в отношениях Москвы и Еревана выросла.",
        "напряженность",
        "ru",
    ),
    (
        "Хотя в Кремле уверяют, что Армения остается союзником России, напряженность между "
        "столицами не спадает.",
        "напряженность",
        "ru",
    ),
    # a naming ends where ", и" opens the writer's clause
    (
        "Москва расценила учения как недружественный шаг, и напряженность между союзниками резко "
        "выросла.",
        "напряженность",
        "ru",
    ),
    # "признал целостность": an act, not words
    (
        "Армяно-азербайджанский конфликт вступил в новую фазу после того, как Ереван признал "
        "территориальную целостность Азербайджана.",
        "конфликт",
        "ru",
    ),
    # "высказался о X" names a topic
    (
        "Замглавы МИД Михаил Галузин высказался о событиях в Грузии неожиданно мягко, без угроз.",
        "угроз",
        "ru",
    ),
    # "Об этом заявил X" reports the sentence before; opening a text, it reports nothing here
    (
        "Об этом Копыркин заявил в Гюмри на фоне нарастающей напряженности вокруг базы.",
        "напряженности",
        "ru",
    ),
]

# (text, a word of the hit, a word of its speaker, language): what must stay reported
REPORTED = [
    # a relative clause's report itself, and one that runs to the sentence's end
    ("The talks, which Lavrov said had averted a crisis, ended late.", "crisis", "Lavrov", "en"),
    (
        "He met Lavrov, who said the crisis was over.",
        "crisis",
        "Lavrov",
        "en",
    ),
    (
        "Пашинян, который заявил, что угрозы войны нет, прибыл в Москву.",
        "войны",
        "Пашинян",
        "ru",
    ),
    # an opener with a comma of its own inside the content: the condition is reported
    ("If Armenia leaves, the bloc will collapse, Lavrov said.", "collapse", "Lavrov", "en"),
    ("As the danger grew, Lukashenko told reporters the war could spread.", "war", "Lukashenko",
     "en"),
    # an addressee after a trailing "told" in lower case
    (
        "The sanctions have failed to achieve their goal, Putin told the economic forum in St "
        "Petersburg.",
        "sanctions",
        "Putin",
        "en",
    ),
    (
        "The bloc faces no threat of collapse, Lavrov told a news conference in Minsk.",
        "collapse",
        "Lavrov",
        "en",
    ),
    # stated views and forecasts
    ("Aliyev thinks the conflict with Armenia is over.", "conflict", "Aliyev", "en"),
    (
        "В армянской оппозиции думают, что войны 2020 года можно было избежать.",
        "войны",
        "оппозиции",
        "ru",
    ),
    (
        "Глава МИД Азербайджана Джейхун Байрамов не сомневается, что договор положит конец "
        "конфликту.",
        "конфликту",
        "Байрамов",
        "ru",
    ),
    (
        "Экономист Сурен Парсян спрогнозировал, что вторичные санкции ударят по банкам.",
        "санкции",
        "Парсян",
        "ru",
    ),
    # a judgement: "оценил X как Y", "расценили X как Y" (as "described X as Y")
    (
        "Глава Центробанка Армении Мартин Галстян оценил риск попадания под вторичные санкции "
        "как умеренный.",
        "санкции",
        "Галстян",
        "ru",
    ),
    (
        "Министр Байрамов расценил заявление министра обороны Франции как эскалацию.",
        "эскалацию",
        "Байрамов",
        "ru",
    ),
    # a trailing cue whose speaker ends the sentence: a group, an outlet in quotation marks
    (
        "Стороны пока далеки от компромисса, и в ближайшие месяцы напряженность на границе "
        "сохранится, отмечают наблюдатели.",
        "напряженность",
        "наблюдатели",
        "ru",
    ),
    (
        "Армянские власти рассматривают возможность приостановить ратификацию соглашения о "
        "ПВО, пишет «Коммерсант».",
        "приостановить",
        "Коммерсант",
        "ru",
    ),
    # a day and a setting between "Как заявил" and its speaker
    (
        "Как заявил в понедельник на брифинге официальный представитель МИД Мария Захарова, "
        "Ереван берет курс на разрыв связей с Россией.",
        "разрыв",
        "Захарова",
        "ru",
    ),
    # a title before a trailing speaker; predicates of one subject; a naming's object
    (
        "The EU mission is a tool of the West's hybrid war against Moscow, Russian Ambassador "
        "to Armenia Sergei Kopyrkin said in an interview with the RIA news agency.",
        "war",
        "Kopyrkin",
        "en",
    ),
    (
        "Президент Аслан Бжания назвал происходящее попыткой переворота, заявил, что не намерен "
        "уходить в отставку, и добавил, что кризис должен быть урегулирован.",
        "кризис",
        "Бжания",
        "ru",
    ),
    (
        "Кроме того, Песков назвал «неприемлемыми» попытки третьих стран втянуть Армению в "
        "антироссийские санкции.",
        "санкции",
        "Песков",
        "ru",
    ),
    # views of an office, a group, an outlet after the cue; another speaker after "тогда как"
    ("В Кремле не скрывают, что рассматривают курс Еревана как угрозу южному флангу.", "угрозу",
     "Кремле", "ru"),
    ("В Москве же уверяют, что задержки связаны с загруженностью заводов в условиях санкций.",
     "санкций", "Москве", "ru"),
    ("В правительстве Армении не ожидают, что Россия пойдет на экономические санкции.",
     "санкции", "правительстве", "ru"),
    ("Евросоюз готовит пакет помощи в сфере безопасности, пишет Politico со ссылкой на трех "
     "дипломатов.", "безопасности", "Politico", "ru"),
    ("Пашинян заявил, что угроза снижается, тогда как лидер оппозиции Роберт Кочарян считает, "
     "что уступки приближают новую войну.", "войну", "Кочарян", "ru"),
    ("Спецпосланник Стив Уиткофф сказал Fox News, что стороны близки к миру, и он не ожидает "
     "новой эскалации.", "эскалации", "Уиткофф", "ru"),
    # "the President of Russia" is not the President of France named before
    ("Vladimir Putin had a telephone conversation with President of France Emmanuel Macron.\n\n"
     "The President of Russia stressed that the attacks on civilian infrastructure were "
     "unacceptable.", "attacks", "Putin", "en"),
    # an office after "сообщили в"; a connective before an aside
    ("Поставки газа идут в штатном режиме, угрозы перебоев нет. Об этом сообщили в компании "
     "«Газпром Армения».", "угрозы", "компании", "ru"),
    ("Силы ПВО перехватили 47 беспилотников, которые представляли опасность для объектов, "
     "сообщили в Минобороны РФ.", "опасность", "Минобороны", "ru"),
    ("Азербайджан укрепляет позиции, заявил министр Сурен Папикян. При этом, отметил он, "
     "признаков подготовки к эскалации нет.", "эскалации", "Папикян", "ru"),
    # the report inside the opening clause; nouns of speech; views; a subject of its own
    ("Although the Kremlin insists that sanctions have failed, ties have cooled.", "sanctions",
     "Kremlin", "en"),
    ("Peskov's assurance that Russia had no plans to attack any NATO country did little to calm "
     "nerves.", "attack", "Peskov", "en"),
    ("There was no confirmation of the ministry's claim that drones had attacked a power "
     "station.", "attacked", "ministry", "en"),
    ("UN Secretary-General Antonio Guterres voiced concern that the attacks on the grid could "
     "trigger a disaster.", "attacks", "Guterres", "en"),
    ("European diplomats privately concede that the sanctions have not changed Putin's "
     "calculus.", "sanctions", "diplomats", "en"),
    ("Moscow has long maintained that NATO expansion is a threat to its security.", "threat",
     "Moscow", "en"),
    ("Soviet officials said they saw no danger that the Gulf fighting would spread.", "danger",
     "officials", "en"),
    ("According to data from Russia's customs service, oil exports to India rose despite the "
     "sanctions.", "sanctions", "service", "en"),
    # a sentence-initial noun of speech; doubt; notice "на то, что"; a setting "по итогам"
    ("Слова Пескова о том, что Москва не видит угрозы в контактах Еревана с Брюсселем, в МИДе "
     "восприняли с оптимизмом.", "угрозы", "Пескова", "ru"),
    ("Политолог Александр Искандарян выразил сомнение, что новые санкции серьезно отразятся на "
     "экономике.", "санкции", "Искандарян", "ru"),
    ("Лавров обратил внимание на то, что западные страны добиваются раскола между Москвой и ее "
     "союзниками.", "раскола", "Лавров", "ru"),
    ("Пашинян провел переговоры с Макроном. Глава армянского правительства по итогам встречи "
     "заявил, что Франция поможет укрепить систему безопасности.", "безопасности", "Пашинян",
     "ru"),
    # "в очередной раз" between the subject and its verb
    ("Владимир Зеленский в очередной раз призвал западных партнеров усилить санкционное "
     "давление на Россию.", "санкционное", "Зеленский", "ru"),
    # "с точки зрения X," as "по мнению X,"
    (
        "С точки зрения Москвы, присутствие наблюдателей ЕС создает угрозу для стабильности.",
        "угрозу",
        "Москвы",
        "ru",
    ),
    # a trailing cue after a naming: the sentence is the trailing speaker's
    (
        "Москва расценивает решение Кишинева как шаг к эскалации, заявила официальный "
        "представитель МИД России Мария Захарова.",
        "эскалации",
        "Захарова",
        "ru",
    ),
    # "reported" with its content, "according to" a source that speaks
    ("Armenpress reported on Monday that the talks took place amid tensions.", "tensions", "Armenpress",
     "en"),
    ("According to the ministry, the sanctions will be approved on Wednesday.", "sanctions",
     "ministry", "en"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "lang"), NARRATIVE, ids=lambda x: str(x)[:40])
def test_the_writers_words_next_to_a_report(hit, text, word, lang):
    assert hit(text, word, lang=lang)["voice"] == "narrative"


@pytest.mark.parametrize("case", REPORTED, ids=lambda case: str(case[0])[:40])
def test_the_report_is_kept(hit, case):
    text, word, speaker, lang = case
    found = hit(text, word, lang=lang)
    assert (found["voice"], speaker in found["speaker"]) == ("reported", True), found
