"""Who a description, a nationality or an apposition names: the speaker a reader would give.

News names a person once, often set off by commas ("Ukraine's energy minister, Svitlana
Grynchuk, said"), and then refers to them by what they are ("the minister", "the Russian
leader", "the expert", "the Armenian FM") or by a pronoun. These cases, in the forms of
AP, AFP, Reuters, the Guardian, the BBC and Armenpress, check that the quote or the hit is
given to the person the text means, and the look-alikes that must not be: an institution
for a minister ("the Ministry of Defense" is not "the Minister"), an Armenian for "the
Russian leader", an army for "he".
"""

from __future__ import annotations

import pytest

# (text, a word of the hit, the speaker it is given: the end of the speaker as written)
HITS = [
    (  # a name set off after a description, after the cue; and another apposition after it
        "“Normalisation is not a threat to anyone,” said his Turkish counterpart, Serdar "
        "Kilic, a former ambassador to Washington.",
        "threat",
        "Serdar Kilic",
    ),
    (  # particles inside names
        "The European Commission President, Ursula von der Leyen, said Europe was offering "
        '"partnership without strings or threats".',
        "threats",
        "Ursula von der Leyen",
    ),
    (
        "Qatar’s Prime Minister and Minister of Foreign Affairs, Sheikh Mohammed bin "
        "Abdulrahman Al Thani, says mediators are close to ending the war in Gaza.",
        "war",
        "Mohammed bin Abdulrahman Al Thani",
    ),
    (  # "the Minister" is a minister, not the ministry that informed last
        "Minister of Defense of Armenia Suren Papikyan received the delegation.\n\n"
        "The sides discussed regional security, the Ministry of Defense of Armenia informs.\n\n"
        "“The reforms are aimed at deterring aggression,” the Minister noted.",
        "aggression",
        "Suren Papikyan",
    ),
    (  # "the expert" is the analyst
        "Political analyst Armen Baghdasaryan told JAMnews that Moscow had run out of levers. "
        "“The Russians can threaten, but they cannot start a war,” the expert said.",
        "war",
        "Armen Baghdasaryan",
    ),
    (  # a nationality picks the one of two leaders, named as the object of "with"
        "Armenian Prime Minister Nikol Pashinyan held talks with Russian President Vladimir "
        "Putin on Monday.\n\n“Armenia does not see Russia as a threat,” Pashinyan said.\n\n"
        "Putin was more guarded. Relations are going through “a difficult period, but not a "
        "crisis”, the Russian leader told reporters.",
        "crisis",
        "Vladimir Putin",
    ),
    (  # the wires' "FM", and the nationality again
        "YEREVAN, MAY 6, ARMENPRESS. Foreign Minister of Armenia Ararat Mirzoyan held a phone "
        "conversation with Foreign Minister of Iran Abbas Araghchi. The sides discussed "
        "regional security, Spokesperson of the Armenian Foreign Ministry Ani Badalyan "
        "informed.\n\n“Armenia has no interest in new tensions in the region,” the Armenian "
        "FM stated.",
        "tensions",
        "Ararat Mirzoyan",
    ),
    (  # an apposition after a name gives the title an anaphor's words must fit
        "“We see no reason to finance the bloc,” the deputy minister told RFE/RL.\n\n"
        "The bloc’s spokesman, Vladimir Zainetdinov, told Interfax that the secretariat had "
        "received no notification.\n\nLusine Hakobyan, a former deputy defense minister, was "
        "blunter. “The CSTO is dead for us and nobody can explain which threat it deters,” "
        "the former deputy minister said.",
        "threat",
        "Lusine Hakobyan",
    ),
    (  # a second speaker's clause after ", and its head, X," ends the first one's report
        "Russia's state nuclear corporation, Rosatom, said drones had attacked the area, and "
        "its head, Alexei Likhachev, told reporters there was no danger of a leak.",
        "danger",
        "Alexei Likhachev",
    ),
    (
        "Russia's state nuclear corporation, Rosatom, said drones had attacked the area, and "
        "its head, Alexei Likhachev, told reporters there was no danger of a leak.",
        "attacked",
        "Rosatom",
    ),
    (  # "he" is the person set off as the sentence's subject, never an army
        "The Israeli military said in a statement that its strikes had targeted fighters.\n\n"
        "Hezbollah’s secretary-general, Naim Qassem, struck a defiant tone in a televised "
        "speech. “We have no interest in a new war,” he said.",
        "war",
        "Naim Qassem",
    ),
    (  # a participle whose sentence opens with its subject
        "Georgia's Prime Minister Irakli Kobakhidze has defended his government's decision to "
        'suspend talks, saying Brussels wanted to drag the country into "a second front in '
        "somebody else's war\".",
        "war",
        "Irakli Kobakhidze",
    ),
    (  # the same, with an accented name and an apposition
        "Viktor Orbán, the Hungarian prime minister, went further in his weekly radio "
        "interview, saying Europe was “sleepwalking into a war with Russia”.",
        "war",
        "Viktor Orbán",
    ),
    (  # a description set off before the name is its title: "the minister" fits it
        "Ukraine’s energy minister, Svitlana Grynchuk, said Russian forces had damaged the "
        "line. Rosatom said drones had attacked the area.\n\nThe minister dismissed Rosatom’s "
        "account of a drone attack as “cynical lies”.",
        "drone attack",
        "Svitlana Grynchuk",
    ),
    (  # a description with a word of its own re-describes the person just named untitled
        "One of its leaders, Artsvik Minasyan, said the government was leaving a vacuum. "
        "“This is a gamble with the country’s security,” the opposition lawmaker said.",
        "security",
        "Artsvik Minasyan",
    ),
    (  # a quantifier opens an inverted speaker
        "“It’s not a crisis. It’s theater,” said one of the diplomats, who was granted anonymity.",
        "crisis",
        "one of the diplomats",
    ),
    (  # "she" is never a man named by his first name
        "When Salome Zourabichvili addressed protesters, she did not mention Bidzina "
        "Ivanishvili by name.\n\n“Our European future is a threat to his power,” she said.",
        "threat",
        "Salome Zourabichvili",
    ),
    (  # a subject after "When" opens its sentence; the name after it is an object
        "When Tinatin Bokuchava, the party’s chair, addressed reporters, she did not mention "
        "Giga Bokeria by name.\n\n“Our future is under threat,” she said.",
        "threat",
        "Tinatin Bokuchava",
    ),
    (  # a dotted name inside an apposition; a two-word cue is never inverted
        "Tatiana Stanovaya, the founder of the consultancy R.Politik, is convinced the Kremlin "
        "sees the drift as a threat.",
        "threat",
        "Tatiana Stanovaya",
    ),
    (  # a cue before the participle in its sentence still speaks for it
        "Lavrov told reporters that Yerevan had made a mistake, saying the bloc faced no threat.",
        "threat",
        "Lavrov",
    ),
    (  # a surname alone opens a sentence with an irregular verb: "she" is that woman
        "Zakharova held her weekly briefing on Thursday. She also said the West was using "
        "Armenia to open a second front amid the conflict in Ukraine.",
        "conflict",
        "Zakharova",
    ),
]


@pytest.mark.parametrize(("text", "word", "speaker"), HITS, ids=lambda x: str(x)[:40])
def test_the_person_a_reader_would_name(hit, text, word, speaker):
    found = hit(text, word)
    assert found["voice"] != "narrative"
    assert found["speaker"].endswith(speaker), found


# what must not happen: the look-alikes of the forms above
def test_a_nationality_that_no_title_has_is_not_anybody_else(quote_speaker):
    text = (
        "Armenian Prime Minister Nikol Pashinyan spoke first.\n\n“There is no crisis,” the "
        "Russian leader said."
    )
    assert "Pashinyan" not in quote_speaker(text, "There is no crisis,")


def test_a_ministry_does_not_stand_for_the_minister(quote_speaker):
    text = (
        "The sides discussed regional security, the Ministry of Defense of Armenia informs.\n\n"
        "“There is no threat,” the Minister noted."
    )
    assert quote_speaker(text, "There is no threat,") == "the Minister"


def test_an_army_is_never_he(quote_speaker):
    text = (
        "The Israeli military said in a statement that its strikes had hit fighters.\n\n"
        "“We have no interest in a new war,” he said."
    )
    assert quote_speaker(text, "We have no interest in a new war,") != "The Israeli military"


def test_a_participle_with_no_person_before_it_has_no_speaker(hit):
    text = "The talks broke down on Friday, leaving the threat of sanctions in place."
    assert hit(text, "threat")["voice"] == "narrative"


def test_a_plural_noun_that_opens_a_sentence_is_nobody(hit):
    text = "Tensions rose on Thursday. She also said the West was using Armenia amid the conflict."
    assert hit(text, "conflict")["speaker"] == "She"


def test_a_name_after_a_comma_that_ends_no_description_is_not_the_speaker(quote_speaker):
    text = "“The door is open,” said Lavrov, Sergei Shoigu and Maria Zakharova agreed."
    assert quote_speaker(text, "The door is open,") == "Lavrov"


# Russian news: a description in any case, a nationality, a counterpart (the stem of the
# name, as the speaker is written in the case the text gives it: "Олегом Озеровым")
RUSSIAN = [
    (  # an adjective of nationality in the genitive after "по словам"
        "ЕРЕВАН, 18 марта. /ТАСС/. Министр иностранных дел России Сергей Лавров провел "
        "переговоры с главой МИД Армении Араратом Мирзояном. Москва не усматривает угрозы, "
        "заявил российский министр.\n\nМирзоян ответил, что Ереван не собирается выходить из "
        "организации. По словам армянского министра, участие республики в блоке остается "
        "замороженным.",
        "замороженным",
        "Мирзоян",
    ),
    (  # "посол России в Молдавии Олегом Озеровым": "в" inside a title
        "ТИРАСПОЛЬ, 7 ноября. /ТАСС/. «Приднестровье никому не угрожает», — заявил лидер "
        "непризнанной республики Вадим Красносельский на встрече с послом России в Молдавии "
        "Олегом Озеровым.\n\nРоссийский дипломат, в свою очередь, подчеркнул, что Москва за "
        "мирное урегулирование. «Любые попытки решить вопрос силой обернутся новым "
        "конфликтом», — сказал посол.",
        "конфликтом",
        "Озеров",
    ),
    (  # "дипломатии" is no diplomat; "которая" refers to Каллас, not to "слова"
        "МОСКВА, 15 ноя — РИА Новости. «Эффект от санкций минимальный», — заявила официальный "
        "представитель МИД России Мария Захарова.\n\nОна прокомментировала и слова главы "
        "европейской дипломатии Каи Каллас, которая накануне пообещала «давить на Москву».\n\n"
        "«Конфликт начался не в 2022 году», — сказала дипломат.",
        "Конфликт",
        "Захарова",
    ),
    (  # a counterpart of a foreign minister, with a nationality, is the other foreign minister
        "АНКАРА, 24 января. /ТАСС/. Министр иностранных дел России Сергей Лавров провел в Анкаре "
        "переговоры с турецким коллегой Хаканом Фиданом.\n\n«Турция готова предоставить "
        "площадку для контактов, которые приблизят конец войны», — сказал глава турецкого МИД.",
        "войны",
        "Фидан",
    ),
    (  # a source set off inside a sentence whose own speaker comes first
        "Как сообщила пресс-служба армянского правительства, стороны обсудили транзит. "
        "Григорян, по данным ведомства, заверил российского коллегу, что Ереван не "
        "присоединится к санкциям Евросоюза.",
        "санкциям",
        "Григорян",
    ),
    (
        "В четверг стороны обсудили транзит. По данным ведомства, Ереван не присоединится к "
        "санкциям Евросоюза.",
        "санкциям",
        "ведомства",
    ),
    (  # the outlet's interlocutor is the source it introduced
        "Источник в российских дипломатических кругах рассказал РИА Новости, что уведомления "
        "не было. «Бумаг нет, а значит, и разрыва нет», — сказал собеседник агентства.",
        "разрыва",
        "Источник",
    ),
    (  # a deputy of an office: "замглавы МИД" is "заместитель министра иностранных дел"
        "Об этом сообщил заместитель министра иностранных дел РК Роман Василенко. «Мы не видим "
        "угрозы масштабных санкций», — сказал замглавы МИД.",
        "угрозы",
        "Роман Василенко",
    ),
    (  # a rank is a title: "генерал-майор Андрей Ковальчук … заявил генерал"
        "Начальник управления генерал-майор Андрей Ковальчук обратил внимание журналистов на "
        "обстановку. «Это прямая угроза», — заявил генерал.",
        "угроза",
        "Андрей Ковальчук",
    ),
    (  # a subject before a present-tense verb; "Еврокомиссии" is no woman
        "В Еврокомиссии заявили, что решение окончательное.\n\nБывший посол Грузии в ЕС Нино "
        "Чхеидзе смотрит на ситуацию иначе. «Это не санкции в полном смысле слова», — сказала "
        "она JAMnews.",
        "санкции",
        "Нино Чхеидзе",
    ),
    (  # an embassy that protests speaks; "дипмиссии" is that embassy
        "Посольство России в Молдавии выразило решительный протест в связи с высылкой "
        "дипломата. «Кишинев ведет дело к полному разрыву отношений», — говорится в заявлении "
        "дипмиссии.",
        "разрыву",
        "Посольство России",
    ),
    (  # a place in the content is no antecedent for "он": "в Центральную Азию"
        "Секретарь Совбеза Сергей Шойгу заявил, что угроза проникновения боевиков в "
        "Центральную Азию остается высокой.\n\n«Они воспользуются любой нестабильностью», — "
        "сказал он.",
        "нестабильностью",
        "Сергей Шойгу",
    ),
    (  # a ministry that criticizes speaks; "внешнеполитического ведомства" is that ministry
        "МИД Азербайджана резко раскритиковал резолюцию Европарламента. «Подобные документы не "
        "способствуют безопасности», — говорится в сообщении внешнеполитического ведомства.",
        "безопасности",
        "МИД Азербайджана",
    ),
    (  # an office in lower case inside a title: "министром иностранных дел Армении"
        "Кая Каллас в ходе встречи с министром иностранных дел Армении Араратом Мирзояном "
        "подтвердила продление миссии. Глава МИД Армении, в свою очередь, подчеркнул, что "
        "миссия способствовала снижению напряженности.",
        "напряженности",
        "Мирзоян",
    ),
    (  # "главой МИД" in the instrumental fits "Министр"
        "Магдалена Гроно провела встречу с главой МИД Армении Араратом Мирзояном. По словам "
        "Гроно, ЕС готов продлить миссию.\n\nМинистр, в свою очередь, подчеркнул, что "
        "наблюдатели снизили напряженность на границе.",
        "напряженность",
        "Мирзоян",
    ),
    (  # "с трибуны" between the subject and the cue
        "Оппозиционный депутат Ишхан Сагателян с трибуны заявил: «Вы заводите страну в "
        "тупик, к кризису».",
        "кризису",
        "Ишхан Сагателян",
    ),
    (  # a party's name in quotation marks inside an apposition
        "Его оппонент, депутат оппозиционной фракции «Армения» Арташес Мкртчян, опасается, "
        "что проект втянет Армению в конфликт.",
        "конфликт",
        "Арташес Мкртчян",
    ),
    (  # a quote after a colon: the role, its office and the name are the subject
        "Спикер парламента Шалва Папуашвили в разговоре с «Ъ» был категоричен: «Разрыва "
        "отношений не будет».",
        "Разрыва",
        "Шалва Папуашвили",
    ),
    (  # "в ответ" between the subject and the cue; "ее" is Захарова
        "«Армения не выходит из организации», — сказал Мирзоян журналистам.\n\nЗахарова в "
        "ответ заявила, что Москва «никогда не давала поводов». По ее словам, разговоры о "
        "членстве вредят безопасности региона.",
        "безопасности",
        "Захарова",
    ),
    (  # a subject after its verb at the end of a sentence: "… Константин Затулин."
        "«Кризис есть», — говорит дипломат.\n\nИначе смотрит на происходящее директор "
        "Института стран СНГ Константин Затулин. По его мнению, Армения уже вышла из системы "
        "коллективной безопасности.",
        "безопасности",
        "Затулин",
    ),
    (  # "ответил на критику X" names who answered, not what X said
        "Секретарь фракции Артур Ованнисян ответил на критику лидера оппозиции Роберта "
        "Кочаряна, который назвал политику правительства «опасной игрой».\n\n«Мы никому не "
        "угрожаем», — сказал депутат журналистам.",
        "угрожаем",
        "Ованнисян",
    ),
    (  # the verb's gender: "добавила дипломат" is Захарова, not Лавров
        "Об этом заявила официальный представитель МИД России Мария Захарова. Накануне глава МИД "
        "Сергей Лавров назвал политику молдавских властей «русофобской». «Подобные шаги "
        "угрожают стабильности», — добавила дипломат.",
        "угрожают",
        "Мария Захарова",
    ),
]


@pytest.mark.parametrize(("text", "word", "speaker"), RUSSIAN, ids=lambda x: str(x)[:40])
def test_the_person_a_russian_description_means(hit, text, word, speaker):
    found = hit(text, word, lang="ru")
    assert found["voice"] != "narrative"
    assert speaker in found["speaker"], found


def test_a_russian_nationality_that_no_title_has_is_not_anybody_else(quote_speaker):
    text = (
        "Министр иностранных дел России Сергей Лавров прибыл в Анкару.\n\n"
        "«Площадка готова», — сказал глава турецкого МИД."
    )
    assert "Лавров" not in quote_speaker(text, "Площадка готова", lang="ru")


# a scare quote inside what someone says or writes is theirs; a name or a writer's
# "so-called" is nobody's (text, the quoted words, the end of the speaker or "")
SCARE_QUOTES = [
    ("Maria Zakharova, the ministry’s spokeswoman, denied it. Last month she wrote on Telegram "
     "that the real threat came from the government’s “Western curators”.", "Western curators",
     "Maria Zakharova"),
    ("Oman’s foreign ministry later said in a statement that a date for the next round would be "
     "announced “in due course”.", "in due course", "Oman’s foreign ministry"),
    ('Foreign ministry spokeswoman Maria Zakharova went further, writing on Telegram that Baku\'s '
     '"anti-Russian hysteria" threatened three decades of partnership.', "anti-Russian hysteria",
     "Maria Zakharova"),
    ("Its secretary-general, Imangali Tasmagambetov, still speaks of “indivisible security”.",
     "indivisible security", "Imangali Tasmagambetov"),
    ("The Kremlin has rejected claims of interference as “Russophobic hysteria”.",
     "Russophobic hysteria", "The Kremlin"),
    ("In Moscow, pro-Kremlin commentators warn of a “second Georgia” on Russia’s border.",
     "second Georgia", "pro-Kremlin commentators"),
    ('He said he will put a so-called "hold" on the bill.', "hold", ""),
    ("Officials said the “Georgian Dream” party had won.", "Georgian Dream", ""),
]  # fmt: skip


@pytest.mark.parametrize("case", SCARE_QUOTES, ids=lambda case: case[1])
def test_whose_scare_quote(quote_speaker, case):
    text, quote, speaker = case
    found = quote_speaker(text, quote)
    assert found.endswith(speaker) if speaker else found == "", found
