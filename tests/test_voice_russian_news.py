"""Voices in Russian news layouts: the rules found on the fourth development set (bench/voices
dev4, Russian passages in the styles of wires, newspapers, official sites and Armenian outlets;
issue 15).

The passages here are written for these tests (not copied from the set), in the same layouts:
descriptions that refer back to a person named once ("По мнению эксперта", "Министр
подчеркнул", "секретарь Совбеза"), the subject after its cue ("Об этом на брифинге заявила
…"), outlets and settings between a cue and its speaker, documents that speak ("говорится в
сообщении ведомства"), stated views and institutions in the neuter. Expected values follow
the labelling guide of bench/voices/README.md and were checked by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.voices import find_quotes, voice_spans


def _articles(text: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["ru"]})


def quotes_of(text: str) -> list[list[str]]:
    return find_quotes(_articles(text))[["text", "kind", "speaker"]].values.tolist()


# ---- a description refers back to the person named before it -----------------------------
# descriptions that refer back, and scare quotes in what someone is reported to have said
DESCRIPTIONS = [
    (  # "эксперта" fits no written title ("Политолог"): the person named before
        "Политолог Ашот Гаспарян в беседе с корреспондентом отметил, что блок утратил смысл. "
        "По мнению эксперта, выход Армении — «вопрос месяцев».",
        "вопрос месяцев", "Гаспарян",
    ),
    (  # a description at a sentence's start is capitalized
        "Глава МИД Казахстана Ержан Кошанов провел переговоры в Баку. Министр подчеркнул: "
        "«Мы не видим угрозы для транзита».",
        "Мы не видим угрозы для транзита", "Кошанов",
    ),
    (  # an adjective before the role; the verb's gender passes over the woman who spoke
        "Еврокомиссар Марта Кос заявила, что санкции сохранятся. Глава МИД Венгрии Петер Сийярто "
        "возразил ей. «Санкционная политика провалилась», — написал венгерский министр.",
        "Санкционная политика провалилась", "Петер Сийярто",
    ),
    (  # in the sentence before "Об этом заявил X"
        "Ереван не выйдет из блока «по первому требованию». Об этом на заседании комиссии "
        "заявил вице-спикер парламента Рубен Рубинян.",
        "по первому требованию", "Рубен Рубинян",
    ),
    (  # in the content of a second cue that shares the first one's subject
        "Спикер парламента Шалва Папуашвили заявил, что Грузия не ответит зеркально, однако не "
        "исключил, что отношения с ЕС ждет «долгая заморозка».",
        "долгая заморозка", "Шалва Папуашвили",
    ),
    (  # a name only in the narrative, in the accusative: its ending tells no gender
        "Прокомментировать происходящее мы попросили заместителя директора Института стран СНГ "
        "Владимира Жарихина. «Никакого разрыва с Москвой не будет», — отметил эксперт.",
        "Никакого разрыва с Москвой не будет", "Владимира Жарихина",
    ),
    (  # a short form of a long title
        "Секретарь Совета безопасности Грузии Давид Мачавариани выступил на форуме. «Мы не ищем "
        "конфликта», — подчеркнул секретарь Совбеза.",
        "Мы не ищем конфликта", "Давид Мачавариани",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "quote", "speaker"), DESCRIPTIONS)
def test_a_description_or_a_term_has_the_speaker_named_before(quote_speaker, text, quote, speaker):
    assert speaker in quote_speaker(text, quote, lang="ru")


def test_a_source_introduced_by_a_description_stays_as_written():
    text = (
        "Пресс-секретарь Кремля Дмитрий Песков отказался от комментариев. Источник РБК в "
        "правительстве сообщил, что «никакой паузы в переговорах не будет до осени»."
    )
    assert quotes_of(text)[0][2] == "Источник РБК в правительстве"


def test_a_description_of_another_office_is_not_the_person_named():
    text = (
        "Министр обороны Армении Сурен Папикян провел встречу. «Мы не проводим такой политики», "
        "— подчеркнул глава МИД."
    )
    assert quotes_of(text)[0][2] == "глава МИД"


# ---- the subject after its cue ---------------------------------------------------------------
SENTENCES_BEFORE = [
    (  # "Об этом" with a setting before the cue: the subject follows it
        "Кишинев сознательно ведет дело к разрыву с Россией и к эскалации в Приднестровье. Об "
        "этом на брифинге в Москве заявила официальный представитель МИД РФ Мария Захарова.",
        {"разрыву": False, "эскалации": False}, "Мария Захарова",
    ),
    (  # an object put first: "Такое мнение высказал X"
        "Если Ереван выйдет из ЕАЭС, республику ждет экономический кризис. Такое мнение "
        "высказал в интервью «Известиям» депутат Госдумы Константин Затулин.",
        {"кризис": False}, "Константин Затулин",
    ),
    (  # a participle inside the content is no relative clause of the speaker
        "Риски, связанные с ужесточением санкций, остаются управляемыми, а угрозы для курса "
        "нет, заявил председатель Центробанка Армении Мартин Галстян.",
        {"санкций": False, "угрозы": True}, "Мартин Галстян",  # "угрозы … нет"
    ),
    (  # "по его оценке" is "по его мнению"
        "Глава Минэкономики Армении Геворг Папоян выступил в парламенте. По его оценке, "
        "санкционное давление будет расти.",
        {"санкционное": False}, "Геворг Папоян",
    ),
    (  # an outlet in guillemets after "пишет" is the speaker
        "Как пишет «Financial Times», Брюссель ужесточит контроль за соблюдением санкций.",
        {"санкций": False}, "Financial Times",
    ),
    (  # an addressee between an office and its plural cue
        "В постпредстве России при ЕС агентству сообщили, что ответ на новые санкции готовится.",
        {"санкции": False}, "постпредстве России при ЕС",
    ),
    (  # a setting with an outlet in straight quotes
        'Замминистра Михаил Галузин в разговоре с "Интерфаксом" исключил угрозу для базы.',
        {"угрозу": True}, "Михаил Галузин",
    ),
    (  # a setting with an outlet in guillemets before "не исключил, что"
        "Глава МИД Приднестровья Виталий Игнатьев в разговоре с «МК» не исключил, что "
        "энергетический кризис к зиме усилится.",
        {"кризис": False}, "Виталий Игнатьев",
    ),
    (  # "не исключил угрозы" reports nothing itself; the trailing cue does
        "Кремль не исключил угрозы срыва саммита, сообщил Дмитрий Песков.",
        {"угрозы": False}, "Дмитрий Песков",
    ),
    # more of Russian news's cues
    (  # an imperfective past and a speaker after it
        "Опросы — часть информационной войны против Москвы, заявляла ранее официальный "
        "представитель МИД РФ Мария Захарова.",
        {"войны": False}, "Мария Захарова",
    ),
    ("Вице-премьер Олег Серебрян настаивает, что кризис спровоцировала Москва.", {"кризис": False},
     "Олег Серебрян"),
    (  # "при этом" between an office and its plural cue
        "В МИД России при этом подчеркнули, что Москва не стремится к разрыву с Ереваном.",
        {"разрыву": True}, "МИД России",
    ),
    (  # an outlet in capitals, then the speaker's name
        "Мы видим, как у наших границ растет напряженность, сообщил БЕЛТА Андрей Ковальчук.",
        {"напряженность": False}, "Андрей Ковальчук",
    ),
    (  # a long title with "и … при …" before the name
        "Санкции бьют по транзиту, считает главный научный сотрудник Института мировой "
        "экономики и политики при Фонде Первого Президента Нурлан Сейтимов.",
        {"Санкции": False}, "Нурлан Сейтимов",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "speaker"), SENTENCES_BEFORE)
def test_reported_speech_of_russian_news(hit, text, words, speaker):
    for word, negated in words.items():
        found = hit(text, word, lang="ru")
        assert (found["voice"], found["negated"]) == ("reported", negated)
        assert found["speaker"].endswith(speaker)


def test_an_outlet_and_a_party_name_between_the_cue_and_the_speaker(hit):
    text = (
        "«Никто не выгоняет базу, это вброс ради напряженности», — сказал NEWS.am секретарь "
        "фракции «Гражданский договор» Артур Айвазян."
    )
    assert "Айвазян" in hit(text, "напряженности", lang="ru")["speaker"]


def test_a_post_in_a_social_network_before_the_speaker(hit):
    text = (
        "«Страна осталась без гарантий безопасности», — написал на своей странице в Facebook "
        "лидер партии «Родина» Арам Саргсян."
    )
    found = hit(text, "безопасности", lang="ru")
    assert (found["voice"], found["negated"]) == ("quote", True)
    assert found["speaker"].endswith("Арам Саргсян")


def test_an_object_after_the_cue_is_no_speaker():
    text = "Министр Петер Сийярто при этом исключил разрыв с Брюсселем."
    assert "разрыв" not in set(voice_spans(_articles(text))["speaker"])


# ---- documents and institutions speak --------------------------------------------------------
def test_a_document_of_the_ministry_named_before_speaks(hit):
    text = (
        "Минобороны Армении опровергло сообщения об обстрелах. «Обстановка стабильная, "
        "эскалации нет», — говорится в сообщении ведомства. Никакой приостановки учений не "
        "планируется, говорится в заявлении Минобороны."
    )
    assert hit(text, "эскалации", lang="ru") == {"voice": "quote", "speaker": "Минобороны Армении",
                                      "negated": True}  # fmt: skip
    assert hit(text, "приостановки", lang="ru")["voice"] == "reported"
    assert "Минобороны" in hit(text, "приостановки", lang="ru")["speaker"]


def test_an_outlet_that_relays_is_no_speaker(hit):
    text = (
        "Глава МИД РФ Сергей Лавров прибыл в Ереван, передает ТАСС. По его словам, кризиса в "
        "отношениях нет."
    )
    assert hit(text, "кризиса", lang="ru")["speaker"].endswith("Сергей Лавров")


def test_an_institution_speaks_in_the_neuter(hit):
    text = "Как сообщило правительство Узбекистана, республика соблюдает все санкции."
    assert hit(text, "санкции", lang="ru") == {"voice": "reported", "speaker": "правительство Узбекистана",
                                    "negated": False}  # fmt: skip


# ---- stated views ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "cue",
    ["не исключил, что", "опасается, что", "выразил надежду, что", "пожаловался, что"],
)
def test_stated_views_report_their_content(cue, hit):
    text = f"Вице-премьер Алексей Оверчук {cue} торговля обернется кризисом."
    assert hit(text, "кризисом", lang="ru") == {"voice": "reported", "speaker": "Вице-премьер Алексей Оверчук",
                                     "negated": False}  # fmt: skip


# ---- a quote interrupted by a long attribution -------------------------------------------------
def test_a_long_attribution_between_dashes_splits_the_quote(hit):
    text = (
        "«Мы не ищем конфликта, — сказал «Росбалту» востоковед Руслан Сафаров на конференции по "
        "итогам года в Душанбе. — Но без переводов Таджикистан ждет кризис»."
    )
    quotes = quotes_of(text)
    assert [q[0] for q in quotes] == [
        "Мы не ищем конфликта,",
        "Но без переводов Таджикистан ждет кризис",
    ]
    assert all("Сафаров" in q[2] for q in quotes)
    assert hit(text, "кризис", lang="ru")["speaker"].endswith("Руслан Сафаров")


# ---- the existential "нет" closes a long noun phrase --------------------------------------------
@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("Угрозы дефицита на внутреннем рынке при этом нет.", "Угрозы", True),
        (
            "Опасности веерных отключений на правом берегу Днестра нет, заявили в Кишиневе.",
            "Опасности",
            True,
        ),  # fmt: skip
        ("Делать вид, что кризиса в отношениях с блоком нет, Ереван не будет.", "кризиса", True),
        ("Серьезного кризиса в отношениях, по мнению посла, пока нет.", "кризиса", True),
        ("Угроза сохраняется, а выбора у Еревана нет.", "Угроза", False),  # "а" ends the scope
        ("Угроза эскалации сохраняется уже второй год подряд, сомнений нет.", "Угроза", False),
    ],
)
def test_an_existential_no_after_the_noun_phrase(hit, text, word, negated):
    assert hit(text, word, lang="ru")["negated"] is negated


# ---- the whole speaker phrase ----------------------------------------------------------------------
SPEAKER_PHRASES = [
    (  # a party's name in straight quotes after "от … фракции"
        '"Этот договор не снимает угрозы новой войны", — заявил депутат от оппозиционной '
        'фракции "Армения" Тигран Абрамян.',
        "Тигран Абрамян",
    ),
    (  # the name after an office, then a setting
        "«Пауза без гарантий безопасности — передышка для агрессора», — сказала посол Украины в "
        "США Ольга Стефанишина в интервью CNN.",
        "Ольга Стефанишина",
    ),
    (  # "Экс-президент" refers back to the person named
        "Второй президент Армении Роберт Кочарян выступил в среду. «Кризис в отношениях с "
        "Россией создан властью», — подчеркнул экс-президент.",
        "Роберт Кочарян",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "speaker"), SPEAKER_PHRASES)
def test_the_whole_speaker_phrase_after_the_cue(text, speaker):
    assert quotes_of(text)[0][2].endswith(speaker)


# ---- direct speech set off by dashes -------------------------------------------------------------
def test_direct_speech_after_a_dash_is_a_quote(quote_speaker):
    text = (
        "Бывший замминистра обороны Армении Давид Тоноян ответил на вопросы «Комсомолки».\n"
        "— Заморозить конфликт — значит отложить следующую войну, — сказал Давид Тоноян. — Мы "
        "это уже проходили.\n"
        "— А если Москва ответит санкциями?"
    )
    assert quote_speaker(text, "Заморозить конфликт — значит отложить следующую войну,", "ru") == (
        "Давид Тоноян"
    )
    assert quote_speaker(text, "Мы это уже проходили.", "ru") == "Давид Тоноян"
    # the interviewer's question has no cue: it is no quote
    quotes = find_quotes(_articles(text))["text"].tolist()
    assert "А если Москва ответит санкциями?" not in quotes


# ---- the ninth development set's rules (bench/voices dev9) --------------------------------------
AFTER_DEV9 = [
    (  # an outlet told after "Об этом": the subject follows the cue
        "Банк закрыл счета российских компаний из-за угрозы санкций. Об этом РБК рассказал "
        "источник, знакомый с ситуацией.",
        "санкций", "источник",
    ),
    (
        "Отгрузка нефти приостановлена. Об этом «Ъ» сообщили в пресс-службе терминала.",
        "приостановлена", "пресс-службе терминала",
    ),
    (  # a long speaker between "Об этом" and its cue
        "Вопросы к союзнику в сфере безопасности остаются. Об этом секретарь Совета безопасности "
        "Армении Армен Григорян заявил в интервью агентству.",
        "безопасности", "Армен Григорян",
    ),
    (  # a pronoun after a setting put first
        "Медведев опубликовал пост об Армении. В нем он предупредил, что сближение с НАТО "
        "грозит республике распадом.",
        "распадом", "Медведев",
    ),
    (  # "в тот же день" between the subject and the cue
        "Премьер Никол Пашинян в тот же день отверг обвинения в подготовке войны.",
        "войны", "Никол Пашинян",
    ),
    (  # a participle clause set off by commas: the subject before it
        "Пресс-секретарь Кремля Дмитрий Песков, комментируя слова премьера, опроверг сообщения "
        "о заморозке поставок.",
        "заморозке", "Дмитрий Песков",
    ),
    (
        "Днем ранее глава правительства, выступая на брифинге, заявил, что причин для "
        "конфликта нет.",
        "конфликта", "глава правительства",
    ),
    (  # a participle phrase and "не раз" before an imperfective cue
        "Глава ГКНБ Камчыбек Ташиев, подписавший соглашение, не раз повторял, что конфликт "
        "исчерпан.",
        "конфликт", "Камчыбек Ташиев",
    ),
    (  # "в ответ на запрос" is a setting
        "Центробанк Армении в ответ на запрос агентства сообщил, что не видит угрозы.",
        "угрозы", "Центробанк Армении",
    ),
    (  # "по словам X, …:" before a quote: the words before the colon
        "По его словам, говорить о разрыве с ЕАЭС рано: «Мы остаемся, пока это выгодно».",
        "разрыве", "его",
    ),
]  # fmt: skip


def test_names_in_quotes_inside_an_attribution_have_no_speaker():
    text = (
        "Секретарь «Гражданского договора» Артур Айвазян назвал решение «шантажом», а источник "
        "«Ъ» в правительстве заверил, что Ереван «не собирается втягиваться в конфликт»."
    )
    assert quotes_of(text) == [
        ["Гражданского договора", "scare_quote", ""],
        ["шантажом", "scare_quote", "Секретарь «Гражданского договора» Артур Айвазян"],
        ["Ъ", "scare_quote", ""],
        ["не собирается втягиваться в конфликт", "quote", "источник «Ъ» в правительстве"],
    ]


def test_a_person_is_described_after_a_source_of_data(quote_speaker):
    text = (
        "Дмитрий Медведев написал: «Европа сама загоняет себя в кризис». По данным Брюсселя, "
        "платежи идут в обход санкций. По словам политика, ответ Москвы «не заставит себя ждать»."
    )
    assert quote_speaker(text, "не заставит себя ждать", lang="ru") == "Дмитрий Медведев"


@pytest.mark.parametrize(
    ("quote", "kind"),
    [("не представляет прямой угрозы", "quote"), ("давно превратились в ритуал", "quote"),
     ("угрозой безопасности", "scare_quote")],
)  # fmt: skip
def test_a_short_russian_quote_with_a_verb_is_a_clause(quote, kind):
    text = f"По мнению министра, ситуация на границе «{quote}»."
    assert quotes_of(text)[0][:2] == [quote, kind]


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("Абхазия не будет участвовать в форматах, где ее безопасность обсуждают без нее.",
         "безопасность", False),
        ("Это не означает, что мы забыли о войне.", "войне", False),
        ("Москва отрицала, что блоку грозит распад.", "распад", True),  # a denial's object
        ("У этой войны нет военного решения.", "войны", False),  # "у X нет": X has not
        ("Угрозы эскалации нет.", "Угрозы", True),
    ],
)  # fmt: skip
def test_negation_ends_at_a_new_clause_and_spares_a_possessor(hit, text, word, negated):
    assert hit(text, word, lang="ru")["negated"] is negated


# ---- the tenth development set's rules (bench/voices dev10) -------------------------------------
AFTER_DEV10 = [
    (  # a source introduced after its cue is no description of someone named before
        "Власти не планируют вводить визы для граждан стран Центральной Азии, рассказал РБК "
        "источник в правительстве. Визовый режим, по его словам, создал бы угрозу для миграции.",
        "угрозу", "источник",
    ),
    (  # a role after an adjective holds the office after "при"; a setting before the cue
        "Постоянный представитель РФ при ООН Василий Небензя на заседании Совета Безопасности "
        "назвал план отправки миротворцев угрозой.",
        "угрозой", "Василий Небензя",
    ),
    (  # an office speaks with a present plural verb
        "В Кремле надеются, что кризис в отношениях с Баку удастся преодолеть.",
        "кризис", "Кремле",
    ),
    (  # a setting and its place between a trailing cue and the speaker
        "Ереван не намерен замораживать отношения с Москвой, заявил на брифинге в Национальном "
        "собрании вице-спикер парламента Рубен Рубинян.",
        "замораживать", "Рубен Рубинян",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "speaker"), AFTER_DEV9 + AFTER_DEV10)
def test_who_reports_in_russian_wires_and_papers(hit, text, word, speaker):
    found = hit(text, word, lang="ru")
    assert found["voice"] == "reported"
    assert found["speaker"].endswith(speaker)


def test_an_adverb_and_a_capital_are_no_name_a_pronoun_refers_to(quote_speaker):
    text = (
        "Премьер-министр Грузии Ираклий Кобахидзе исключил разрыв с Евросоюзом. Накануне Брюссель "
        "приостановил безвизовый режим.\n\n«Решения Брюсселя продиктованы шантажом», — сказал он."
    )
    speaker = quote_speaker(text, "Решения Брюсселя продиктованы шантажом", lang="ru")
    assert speaker.endswith("Ираклий Кобахидзе")


def test_an_outlet_told_before_что_is_a_name():
    text = "Адвокат Ара Гаспарян рассказал «Новой газете Европа», что задержаний не было."
    assert quotes_of(text) == [["Новой газете Европа", "scare_quote", ""]]


def test_a_denial_in_the_present_plural_negates_its_что_clause(hit):
    text = "В Минобороны России отрицают, что маневры в Гюмри связаны с угрозой."
    assert hit(text, "угрозой", lang="ru") == {
        "voice": "reported", "speaker": "Минобороны России", "negated": True,
    }  # fmt: skip


# ---- the eleventh development set's rules (bench/voices dev11) ----------------------------------
AFTER_DEV11 = [
    (  # a trailing cue whose speaker is followed by an outlet's name
        "Кишинев не рассматривает вопрос о приостановке работы посольства, добавил собеседник "
        "«Медузы».",
        "приостановке", "собеседник",
    ),
    (
        "Никакого разрыва контрактов не планируется, сообщили в пресс-службе ЗАО «Газпром Армения».",
        "разрыва", "пресс-службе ЗАО",
    ),
    (  # a name after a role with a prepositional phrase: "полковник в отставке"
        "Военный эксперт, полковник в отставке Виктор Литовкин считает, что поставки ракет не "
        "изменят хода конфликта.",
        "конфликта", "Виктор Литовкин",
    ),
    (  # "со ссылкой на …" between the subject and its cue
        "Financial Times со ссылкой на три источника написала, что стороны обсуждают заморозку "
        "войны.",
        "заморозку", "Financial Times",
    ),
    ("Каллас потребовала, чтобы страны-кандидаты присоединились к санкциям.", "санкциям", "Каллас"),
    ("Посольство США объявило о том, что приостанавливает стратегический диалог.",
     "приостанавливает", "Посольство США"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "speaker"), AFTER_DEV11)
def test_trailing_cues_settings_and_more_russian_cues(hit, text, word, speaker):
    found = hit(text, word, lang="ru")
    assert (found["voice"], found["speaker"]) == ("reported", speaker)


@pytest.mark.parametrize(
    ("text", "quote", "kind", "speaker"),
    [  # a few words in lower case, no verb: a term, even next to the cue
        ("Речь не идет о разрыве, а лишь о «технической паузе», уверяет собеседник «Ъ».",
         "технической паузе", "scare_quote", "собеседник"),
        # a party names nothing in lower case: the words are the speaker's
        ("По ее словам, правящая партия «сознательно ведет страну к разрыву с Европой».",
         "сознательно ведет страну к разрыву с Европой", "quote", "ее"),
        # a dash set off inside the speech: the attribution is the dash before the cue
        ("Эксперт Игорь Ветров уверен в этом.\n\n— Заморозить конфликт, не решив вопросов "
         "безопасности, — значит отложить войну, — сказал он «Комсомолке».",
         "Заморозить конфликт, не решив вопросов безопасности, — значит отложить войну,",
         "quote", "Игорь Ветров"),
    ],
)  # fmt: skip
def test_kinds_of_short_and_dash_set_quotes(text, quote, kind, speaker):
    rows = {row[0]: row[1:] for row in quotes_of(text)}
    assert rows[quote][0] == kind
    assert rows[quote][1].endswith(speaker)


@pytest.mark.parametrize(
    ("text", "word", "speaker"),
    [  # a setting opens the sentence, then the speaker: a surname alone, or a role
        ("В интервью ТАСС Лавров заявил, что угрозы для союза нет.", "угрозы", "Лавров"),
        ("В беседе с журналистами Лавров отметил, что кризис преодолен.", "кризис", "Лавров"),
        ("Переговоры идут. В Ереване Лавров отметил, что кризис преодолен.", "кризис", "Лавров"),
        ("На встрече с Пашиняном Путин заявил, что угрозы нет.", "угрозы", "Путин"),
        ("В беседе с журналистами Захарова заявила, что угрозы нет.", "угрозы", "Захарова"),
        ("Во время визита в Ереван Шойгу заявил, что угрозы нет.", "угрозы", "Шойгу"),
        ("В Нагорном Карабахе Лавров заявил, что угрозы нет.", "угрозы", "Лавров"),
        ("В интервью Лаврову Захарова заявила, что угрозы нет.", "угрозы", "Захарова"),
        ("В беседе с «Газетой.Ru» эксперт отметил, что Ереван не готов к разрыву.", "разрыву",
         "эксперт"),
        # "Так считает X.": the sentence before is what X thinks
        ("Решение Армении стало логичным итогом кризиса. Так считает доцент МГИМО Кирилл "
         "Лаптев.", "кризиса", "доцент МГИМО Кирилл Лаптев"),
    ],
)  # fmt: skip
def test_a_setting_before_the_subject_and_так_считает(hit, text, word, speaker):
    found = hit(text, word)
    assert (found["voice"], found["speaker"]) == ("reported", speaker)


@pytest.mark.parametrize(
    ("text", "word", "speaker"),
    [  # "согласно заявлению X", "по версии X": the speaker follows
        ("Согласно заявлению МИД, угрозы для союза нет.", "угрозы", "МИД"),
        # a relative clause set off before "по версии X," is what X says, not the sentence
        ("Минфин США ввел санкции против трех компаний, которые, по версии ведомства, "
         "помогали обходить ограничения и создавали угрозу.", "угрозу", "ведомства"),
        # an outlet of two words before the role: "РИА Новости источник"
        ("Как заявил РИА Новости источник в Минобороны, угрозы для союза нет.", "угрозы",
         "источник"),
        # an apposition's comma before the cue: the outlet after it is told, not the speaker
        ("Источник, знакомый с ситуацией, рассказал «Ведомостям», что угрозы для союза нет.",
         "угрозы", "Источник"),
        # a headline's Armenian surname, a man's or a woman's
        ("Пашинян: угрозы для союза нет\n\nЕРЕВАН, 3 июня — Sputnik.", "угрозы", "Пашинян"),
    ],
)  # fmt: skip
def test_according_forms_outlets_told_and_headline_surnames(hit, text, word, speaker):
    found = hit(text, word)
    assert (found["voice"], found["speaker"]) == ("reported", speaker)


def test_the_main_clause_before_a_relative_по_версии_stays_narrative(hit):
    text = (
        "Минфин США ввел санкции против трех компаний, которые, по версии ведомства, "
        "помогали обходить ограничения."
    )
    assert hit(text, "санкции")["voice"] == "narrative"
