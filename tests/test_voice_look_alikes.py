"""Cue words that report nothing, and the writer's words around a report.

A cue word is not always a cue: "told security analysts" names whom, "responded to the
collapse … by laying off" is an action, "threatened to veto", "added a dozen companies to
its list", "announced sanctions on 30 tankers", "claimed any attacks", "asked the bloc to
intervene", "expected the CSTO to come", "observed a building", "a programme promised by
the Reagan administration", "the group's first claimed attack"; "ответила на слова …",
"о кризисе не говорит". Nor is everything after a cue what was said: "…, as tensions
reached a new high" and "…, amid speculation" are the writer's; an outlet's "по данным «Ъ»"
in its own story is its narrative; an interview's answers ("Anna Ohanyan: …" after a
question line) are narrative. The forms come from Reuters-21578, AP, AFP, Axios, Foreign
Policy, RBC, Kommersant and TASS copy; each has a counterpart that is a report.
"""

from __future__ import annotations

import pytest

# (text, a word of the hit): the writer's own
NARRATIVE = [
    ("For the first quarter the deal will have a negative impact, chief financial officer "
     "Thayer Bigelow told security analysts.", "security"),
    ("Mobil responded to the collapse of oil prices last year by laying off 5,500 people.",
     "collapse"),
    ("The money is part of a programme promised by the Reagan administration when it tried to "
     "block sanctions approved by Congress.", "sanctions"),
    ("The Head of State also observed a residential building damaged by a missile attack.",
     "attack"),
    ("Hungary has threatened to veto the renewal of EU sanctions against Russia.", "sanctions"),
    ("When Washington added a dozen Kyrgyz companies to its sanctions list, officials in "
     "Bishkek reacted with studied calm.", "sanctions"),
    ("Few in Dushanbe expected the Collective Security Treaty Organisation to come to their "
     "aid.", "Security"),
    ("Neither Dushanbe nor Bishkek asked the bloc to intervene when their border war flared.",
     "war"),
    ("Hezbollah hasn’t claimed any attacks since the truce took effect.", "attacks"),
    ("The foreign secretary, David Lammy, has announced sanctions on 30 more tankers.",
     "sanctions"),
    ("Russia has asked Armenia to explain its plans, two diplomatic sources told Reuters, as "
     "ties sink to their lowest point since the 1991 collapse of the Soviet Union.", "collapse"),
    ("Foreign Policy: Is the CSTO dead?\n\nAnna Ohanyan: Not dead, but hollow. An alliance "
     "that stayed silent during an attack is no guarantee.", "attack"),
    ("Захарова ответила на слова Пашиняна о заморозке участия республики в ОДКБ.", "заморозке"),
    ("Официально ни одна из сторон о кризисе не говорит.", "кризисе"),
    ("Посольство выразило протест в связи с угрозой задержаний.", "угрозой"),
    ("Prices expressed in dollars fell after the war began.", "war"),
    ("Moscow has not commented on the attack.", "attack"),
    ("He did not say whether the crisis would end.", "crisis"),
    ("The organization has never answered the question Yerevan put to it: is it a security "
     "guarantee?", "security"),
    ("По данным «Ъ», переговоры о кризисе заморожены. Источник «Ъ» в МИД это подтвердил.",
     "кризисе"),
    ("Власти в Баку назвали действия силовиков «жестокостью» и приостановили все мероприятия.",
     "приостановили"),
    ("Евросоюз утвердил пакет санкций, однако, по мнению опрошенных экономистов, серьезного "
     "влияния на экономику он не окажет.", "санкций"),
]  # fmt: skip

# (text, a word of the hit, the end of its speaker): the counterparts that are reports
REPORTED = [
    ("Minister Mirzoyan highlighted the role of the EU mission in reducing the risk of "
     "escalation.", "escalation", "Mirzoyan"),
    ("The leaders also expressed their commitment to strengthen Ukraine's energy security.",
     "security", "The leaders"),
    ("The threat of a new war will not disappear as long as Armenia’s constitution contains "
     "claims against Azerbaijan, President Ilham Aliyev said.", "threat", "Ilham Aliyev"),
    ("Lavrov first warned of a collapse of the bloc.", "collapse", "Lavrov"),
    ("The First Lady expressed her sincere hopes that Ukraine would win the war.", "war",
     "The First Lady"),
    ("Grigoryan does not believe the West is ready to be Armenia’s security guarantor.",
     "security", "Grigoryan"),
    ("But two White House officials, speaking on the condition of anonymity, said Mr. Trump "
     "wanted to hold new sanctions in reserve.", "sanctions", "two White House officials"),
    ('Speaking after a meeting of the so-called "coalition of the willing", French President '
     "Emmanuel Macron said 26 countries had committed to security guarantees.", "security",
     "Emmanuel Macron"),
    ("Many analysts in Yerevan fear the opposite danger: that the country would be left "
     "alone.", "danger", "Many analysts in Yerevan"),
    ("Москва опасается эскалации, заявил журналистам Дмитрий Песков.", "эскалации",
     "Дмитрий Песков"),
    ("He added that the collapse of the bloc was near.", "collapse", "He"),
    ("Two diplomatic sources told Reuters that Russia feared a collapse of ties, as talks "
     "stalled.", "collapse", "Two diplomatic sources"),
    ("Lavrov: the bloc will survive any crisis\n\nMoscow, March 3.", "crisis", "Lavrov"),
    ("По данным Reuters, угрозы для союза нет.", "угрозы", "Reuters"),
    ("Евросоюз утвердил пакет санкций, однако, по мнению опрошенных экономистов, серьезного "
     "влияния на экономику он не окажет.", "влияния", "экономистов"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word"), NARRATIVE, ids=lambda x: str(x)[:40])
def test_a_look_alike_is_the_writers(hit, text, word):
    assert hit(text, word)["voice"] == "narrative"


@pytest.mark.parametrize("case", REPORTED, ids=lambda case: case[0][:40])
def test_its_counterpart_is_reported(hit, case):
    text, word, speaker = case
    found = hit(text, word)
    assert found["voice"] == "reported", found
    assert found["speaker"].endswith(speaker), found
