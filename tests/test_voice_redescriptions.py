"""A description that re-describes the person just named, and the words between a speaker
and the cue: forms of a fifteenth development set (wires, the region's English copy), written
by writers who did not see framing's output."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.voices import find_quotes, voice_spans
from framing.voices.descriptions import anaphor_head, redescribed


def _table(text: str, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a"], "text": [text], "lang": [lang]})


def _speakers(text: str) -> dict[str, str]:
    """Each quote's text and its speaker."""
    quotes = find_quotes(_table(text))
    return dict(zip(quotes["text"], quotes["speaker"], strict=True))


def _reports(text: str, lang: str = "en") -> list[tuple[str, str]]:
    spans = voice_spans(_table(text, lang))
    return [(text[r.start : r.end], r.speaker) for r in spans.itertuples() if r.voice == "reported"]


# (passage, the quote, its speaker): a description with words no title has, after a name
REDESCRIBED = [
    (  # a feature: the head of a mission, then what he is by training
        "The mission's chief, Markus Ritter, said the patrols would go on through the winter. "
        '"We are not a threat to anybody," the German police officer said.',
        "We are not a threat to anybody,",
        "Markus Ritter",
    ),
    (  # a wire: a special envoy, then "the veteran diplomat"
        "Turkey's special envoy for normalization with Armenia, Serdar Kılıç, said on Friday "
        'that talks were going well. "There is no threat to the process," the veteran diplomat '
        "told reporters.",
        "There is no threat to the process,",
        "Serdar Kılıç",
    ),
    (  # a party statement: an MP, then "The MP"
        '"The authorities are lying about the threat," opposition MP Levon Mkrtchyan wrote on '
        'Facebook. "There will be war," the MP added.',
        "There will be war,",
        "Levon Mkrtchyan",
    ),
    (  # Armenpress: "the Head of Government", translated copy's prime minister
        "Armenia will not become a platform for confrontation, Prime Minister Nikol Pashinyan "
        'said in an interview. "The crisis is behind us," the Head of Government noted.',
        "The crisis is behind us,",
        "Nikol Pashinyan",
    ),
]


@pytest.mark.parametrize("case", REDESCRIBED, ids=lambda case: case[2] + case[1][:20])
def test_a_description_no_title_fits_re_describes_the_person_just_named(case):
    text, quote, speaker = case
    assert _speakers(text)[quote].endswith(speaker)


def test_a_description_that_names_another_country_or_office_stays_as_written():
    text = (
        "Armenian Foreign Minister Ararat Mirzoyan said the treaty was frozen. "
        '"Nobody threatens Yerevan," the Russian diplomat said.'
    )
    assert _speakers(text)["Nobody threatens Yerevan,"] == "the Russian diplomat"
    text = (
        "Rustem Umerov, Ukraine's former defence minister, said Kyiv wanted a ceasefire. "
        '"We do not fear a long war," the former culture minister said.'
    )
    assert _speakers(text)["We do not fear a long war,"] == "the former culture minister"
    # a portfolio names an office: not the security council's secretary named last
    text = (
        "Vladimir Medinsky, Russia's chief negotiator, spoke first. Rustem Umerov, the secretary "
        "of Ukraine's National Security and Defense Council, said Kyiv wanted a meeting. The "
        'former culture minister said it could happen only "at the very end".'
    )
    assert _speakers(text)["at the very end"] != "Rustem Umerov"
    # the guide's rule: a bare role that no title fits is somebody else, as written
    text = 'Maria Zakharova said it was over. "We will see," the minister said.'
    assert _speakers(text)["We will see,"] == "the minister"


def test_a_person_s_noun_stands_for_the_name_that_opens_the_story():
    text = (
        "Ruben Harutyunyan made his first fortune in Moscow in the 1990s. The tycoon insists he "
        "has never sought political office.\n\nPrime Minister Nikol Pashinyan sees him "
        'differently. In a post, the prime minister described him as part of an "oligarchic '
        "network\" working against Armenia's security."
    )
    reports = dict(_reports(text))
    assert reports["he has never sought political office."] == "Ruben Harutyunyan"
    # the prime minister is the titled one, not "The tycoon" (a description is no name)
    assert _speakers(text)["oligarchic network"] == "Nikol Pashinyan"


def test_redescribed_takes_only_the_last_person_and_checks_the_country():
    titles = {"Markus Ritter": "the mission's chief markus ritter"}
    named = [("Nikol Pashinyan", "m"), ("Markus Ritter", "m"), ("Moscow", "org")]
    assert redescribed(named, titles, "the German police officer") == "Markus Ritter"
    assert redescribed(named, titles, "the police officer", "f") is None  # she is not him
    titles = {"Markus Ritter": "armenian envoy markus ritter"}
    assert redescribed(named, titles, "the Russian envoy") is None
    # a plural or an organisation is nobody a description re-describes
    assert redescribed([("EU diplomats", ""), ("Critics", "")], {}, "the diplomat") is None


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("The tycoon", "tycoon"),
        ("the businessman-turned-politician", "politician"),
        ("the German police officer", "officer"),
        ("The MP", "lawmaker"),
        ("the Head of Government", "premier"),
        ("the Foreign Ministry", None),
        ("the people", None),
    ],
)
def test_the_head_of_a_description(phrase, head):
    assert anaphor_head(phrase, "en") == head


def test_an_adverb_before_the_cue_is_not_the_speaker():
    text = (
        "The Ministry of Foreign Affairs of Armenia has strongly rejected the claims that "
        "Armenian units had attacked Azerbaijani positions."
    )
    assert _reports(text) == [
        (
            "the claims that Armenian units had attacked Azerbaijani positions.",
            "The Ministry of Foreign Affairs of Armenia",
        )
    ]
    # a passive with an adverb has no speaker at all
    text = 'In Moscow, Armenia\'s "pivot to the West" is routinely described as a betrayal.'
    assert all(speaker == "" for _, speaker in _reports(text))
    # nouns in -ly stay in the speaker's phrase
    text = 'The National Assembly said the threat was "exaggerated".'
    assert _speakers(text)["exaggerated"] == "The National Assembly"


def test_a_pronoun_after_an_outlet_is_the_speaker_not_the_outlet():
    text = (
        "German Defense Minister Boris Pistorius told DW he did not believe Russia was preparing "
        'an attack. "But hybrid warfare is already happening," he added.'
    )
    assert _speakers(text)["But hybrid warfare is already happening,"].endswith("Boris Pistorius")


def test_a_long_apposition_after_a_full_name_keeps_the_name_as_the_speaker():
    text = (
        "Dmitry Medvedev, the former Russian president who is now deputy chairman of the "
        'country\'s Security Council, wrote on Telegram that Yerevan was "playing with fire".'
    )
    assert _speakers(text)["playing with fire"] == "Dmitry Medvedev"
    # a dateline and a long lead are no apposition: the subject inside speaks
    text = (
        "MOSCOW, April 1 - British Prime Minister Margaret Thatcher ended a five-day visit to "
        "the Soviet Union on Wednesday, telling reporters that her talks with Kremlin leader "
        'Mikhail Gorbachev had been "frank and lively."\n\n"We did not agree on everything," '
        "she said."
    )
    assert _speakers(text)["We did not agree on everything,"].endswith("Margaret Thatcher")


# (passage, the quote, its speaker): a quote with no cue after a sentence whose subject is
# "he" or "she" (an action beat, as features write them)
BEATS = [
    (
        "Yekaterina Orlova arrived in Yerevan in March 2022 with a laptop and a cat. The "
        "former correspondent edits a newsletter from a cafe. When I asked whether she felt "
        'safe, she laughed. "Safe is relative. Nobody needs an invasion to find you."',
        "Safe is relative. Nobody needs an invasion to find you.",
        "Yekaterina Orlova",
    ),
    (  # the beat opens a paragraph: the person is named in the one before
        "The ambassador receives visitors beneath a portrait of Pushkin. Pavel Dronov, a "
        "career diplomat, seemed amused when I pointed this out.\n\nHe grew serious when I "
        'asked about the base. "Nobody is presenting Yerevan with a threat."',
        "Nobody is presenting Yerevan with a threat.",
        "Pavel Dronov",
    ),
    (  # an adverbial before the pronoun, and a colon
        "Ruben Harutyunyan made his first fortune in Moscow.\n\nThe tycoon insists he has "
        "never sought office. Over grilled sturgeon at a restaurant, he is more expansive: "
        '"Sanctions, war, geopolitics: none of this is my business."',
        "Sanctions, war, geopolitics: none of this is my business.",
        "Ruben Harutyunyan",
    ),
    (  # the pronoun's gender chooses between the two people named
        "Sergei Lavrov met Maria Zakharova before the briefing. She smiled at the question. "
        '"There is no crisis."',
        "There is no crisis.",
        "Maria Zakharova",
    ),
]


def test_a_quote_after_a_sentence_with_no_person_as_subject_has_no_speaker():
    text = 'Sergei Lavrov arrived in Yerevan on Monday. The talks ended late. "It is over."'
    assert _speakers(text)["It is over."] == ""
    # a pronoun of the other gender fits nobody named
    text = 'Sergei Lavrov arrived in Yerevan on Monday. She shook her head. "It is over."'
    assert _speakers(text)["It is over."] == ""


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        (  # a modal after the writer's "I" keeps the view the writer's
            "I would argue that the real danger for Armenia is not Russian retaliation.",
            [],
        ),
        (  # "has since concluded that": the adverb, then the cue
            "Pashinyan's government has since concluded that the CSTO offers no security.",
            [("the CSTO offers no security.", "Pashinyan's government")],
        ),
        (  # the present plural of "tell", with the writer as addressee
            "EU diplomats tell me that a suspension of visa-free travel is on the table.",
            [("a suspension of visa-free travel is on the table.", "EU diplomats")],
        ),
        ("Trade data tell a more complicated story: exports to Russia have tripled.", []),
        ("The dispute adds to tensions at an awkward moment for Mr Pashinyan.", []),
        (  # a request of a thing is no report of words
            "Armenia asked for help after Azerbaijani attacks on its territory in 2022.",
            [],
        ),
        (  # an outlet whose name has an en dash is whom he told, after the content
            "The decision has left Armenia without security guarantees, opposition MP Levon "
            "Harutyunyan told Armenian News–NEWS.am.",
            [
                (
                    "The decision has left Armenia without security guarantees",
                    "opposition MP Levon Harutyunyan",
                )
            ],
        ),
        (  # the writer's apposition of the news after the source
            "The administration is preparing new sanctions on the tankers, according to three "
            "U.S. officials, a step that would land just as talks on ending the war have stalled.",
            [
                (
                    "The administration is preparing new sanctions on the tankers",
                    "three U.S. officials",
                )
            ],
        ),
        (  # a cue in a relative clause, then a conjunction: no words after it
            "There is no sign of the escalation that some in Moscow predicted, nor of the "
            "collapse of Russian influence.",
            [],
        ),
        (  # "even as": the writer's news around the report
            'The Kremlin has dismissed warnings of a wider war as "hysteria", even as Moscow '
            "prepares exercises.",
            [("warnings of a wider war as", "The Kremlin")],
        ),
        (  # an audience after "told", then the writer's "amid"
            "British troops will not be deployed to Ukraine while the war continues, the defence "
            "secretary has told allies, amid growing doubts in Whitehall.",
            [
                (
                    "British troops will not be deployed to Ukraine while the war continues",
                    "the defence secretary",
                )
            ],
        ),
        (  # "but did not comment": the speaker's silence is no content
            "Ukraine's General Staff said its forces had hit an oil depot, but did not comment "
            "on the scale of the attack.",
            [("its forces had hit an oil depot", "Ukraine's General Staff")],
        ),
        ("Russia wants Kyiv to withdraw from four regions it claims and an end to sanctions.", []),
        (  # "nonetheless" between the speaker and the cue
            "Yerevan, which relies on Russia for its gas, has nonetheless said that it will no "
            "longer rely on Moscow for its security.",
            [("it will no longer rely on Moscow for its security.", "Yerevan")],
        ),
        (  # "It said" after a body of several words that no first name makes a person
            "Lloyd's Shipping Intelligence said 23 ships had been hit since January. It said the "
            "figure was the highest of the war.",
            [
                ("23 ships had been hit since January.", "Lloyd's Shipping Intelligence"),
                ("the figure was the highest of the war.", "Lloyd's Shipping Intelligence"),
            ],
        ),
        (  # "claims by X that": a noun, and "verify" is nobody
            "The Kyiv Independent could not verify claims by the Russian Defence Ministry that "
            "Ukrainian forces had lost 300 soldiers in the attack.",
            [],
        ),
        (  # a body that opens the sentence speaks through its participle
            "The Kremlin on Thursday played down Armenia's decision, saying the move did not "
            "amount to a crisis.",
            [("the move did not amount to a crisis.", "The Kremlin")],
        ),
        (  # "adding to its tensions" adds nothing said; "when describing" describes a thing
            "France has delivered radars to Yerevan, angering Baku and adding to its tensions "
            "with Moscow.",
            [],
        ),
        (  # a warning of a noun with a relative clause: the noun is what is warned of
            "Critics at home warn of a security vacuum that Baku would be quick to fill.",
            [("of a security vacuum that Baku would be quick to fill.", "Critics at home")],
        ),
    ],
    ids=lambda x: str(x)[:30],
)
def test_what_lies_between_a_speaker_and_the_words_reported(text, reports):
    assert _reports(text) == reports


def test_an_article_after_a_naming_verb_is_no_speaker():
    text = (
        'A planned route through southern Armenia, branded the "Trump Route for International '
        'Peace and Prosperity," has long been a source of tension between the neighbours.'
    )
    assert _reports(text) == []
    assert _speakers(text)["Trump Route for International Peace and Prosperity,"] == ""


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        (  # a month between the speaker and the cue, as a weekday
            "Вице-премьер Алексей Оверчук в апреле заявлял, что никакой угрозы нет.",
            [("никакой угрозы нет.", "Вице-премьер Алексей Оверчук")],
        ),
        (  # "Об этом … рассказали X": the sentence before is X's, whoever X is
            "Армянские банки ужесточили проверку платежей. Об этом изданию рассказали "
            "сотрудники двух крупных банков.",
            [("Армянские банки ужесточили проверку платежей.", "сотрудники двух крупных банков")],
        ),
        (  # an outlet that wrote
            "Ранее Financial Times писала, что Вашингтон готовит новые санкции.",
            [("Вашингтон готовит новые санкции.", "Financial Times")],
        ),
        (  # a gerund of accusation takes the sentence's speaker
            "Пашинян выступил в парламенте, обвинив союзников в бездействии во время агрессии.",
            [("союзников в бездействии во время агрессии.", "Пашинян")],
        ),
        (  # "с тех пор, как X объявил": a time, and an act announced, not words
            "Москва и Ереван проведут консультации — первые с тех пор, как Армения объявила о "
            "заморозке своего участия в ОДКБ.",
            [],
        ),
        (  # but "объявил о том, что" reports
            "Премьер объявил о том, что кризис позади.",
            [("кризис позади.", "Премьер")],
        ),
    ],
    ids=lambda x: str(x)[:30],
)
def test_russian_words_between_a_speaker_and_the_report(text, reports):
    assert _reports(text, "ru") == reports


def test_a_term_in_an_act_announced_is_the_announcer_s():
    text = (
        "Министерство обороны Азербайджана объявило о начале «локальных антитеррористических "
        "мероприятий» в Карабахе."
    )
    quotes = find_quotes(_table(text, "ru"))
    assert quotes["speaker"].item() == "Министерство обороны Азербайджана"
    assert _reports(text, "ru") == []


def test_a_man_who_expects_to_be_misquoted_is_no_speaker():
    text = (
        "Ararat Mirzoyan is not given to flourishes. The 45-year-old speaks slowly, like a man "
        'who expects to be misquoted. "We have frozen our participation," he said.'
    )
    assert _speakers(text)["We have frozen our participation,"] == "Ararat Mirzoyan"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    BEATS
    + [
        (  # a capitalized term after "a" is the reporter's term, not a name near a cue
            "Maria Zakharova said on Thursday that Western curators were trying to organize a "
            '"Maidan" in Tbilisi.',
            "Maidan",
            "Maria Zakharova",
        ),
        (
            'Russian officials speak of "ingratitude," while pro-Kremlin bloggers warn of a '
            'coming "Maidan in Yerevan".',
            "Maidan in Yerevan",
            "pro-Kremlin bloggers",
        ),
        (  # "speak of" is a cue of its own: the term before the next speaker's
            'Russian officials speak of "ingratitude," while pro-Kremlin bloggers warn of a '
            'coming "Maidan in Yerevan".',
            "ingratitude,",
            "Russian officials",
        ),
        (  # whoever uses a term says it
            'The Kremlin has repeatedly used the term "color revolution" to describe protests.',
            "color revolution",
            "The Kremlin",
        ),
        ('Nobody used the term "collapse" at the summit.', "collapse", ""),
        (  # a name in quotes near a cue stays nobody's term
            'The statement was published by "Kommersant" on Monday, the ministry said.',
            "Kommersant",
            "",
        ),
        (  # a name that opens the sentence before, with no cue: that person's words
            "Several capitals feared being drawn into a war.\n\nHélène Morvan, a researcher at "
            "the French Institute of International Relations, sees in this a familiar pattern. "
            "“For three years, Europeans have said Ukraine's security is their own.”",
            "For three years, Europeans have said Ukraine's security is their own.",
            "Hélène Morvan",
        ),
        (  # a person introduced in the sentence before, not as its subject
            "Kremlin officials insist there is no crisis.\n\nOthers in Moscow are less "
            "sanguine, among them Yelena Sorokina, who studies the former Soviet republics. "
            "“For thirty years we assumed that a small country would always need Russia.”",
            "For thirty years we assumed that a small country would always need Russia.",
            "Yelena Sorokina",
        ),
        (  # a name set off after "Another former official," is the "he" that follows
            "“It is not the same as ending a war,” said Richard Hale. Hale said the danger was "
            "complacency.\n\nAnother former official, Mark Brennan, who served in the White "
            "House, was more upbeat. “Moscow held the keys. It doesn't anymore,” he said.",
            "Moscow held the keys. It doesn't anymore,",
            "Mark Brennan",
        ),
        (  # an inner quote's closing mark before the outer one still ends with its comma
            "“Nobody in Moscow has yet said the simple words ‘we are sorry,’” said Rufat "
            "Mammadov, who heads a research center in Baku.",
            "Nobody in Moscow has yet said the simple words ‘we are sorry,’",
            "Rufat Mammadov",
        ),
        (  # "rejected Western claims": a noun, not a cue with the speaker "rejected Western"
            "Kremlin spokesman Dmitry Peskov on Monday rejected Western claims that Russia was "
            'preparing an attack, calling them "absurd fantasies".',
            "absurd fantasies",
            "Kremlin spokesman Dmitry Peskov",
        ),
        (  # "which Moscow continues to call": the relative clause has its own subject
            "Leaders will discuss security in Central Asia, the border and the conflict in "
            'Ukraine, which Moscow continues to call a "special military operation".',
            "special military operation",
            "Moscow",
        ),
    ],
    ids=lambda x: str(x)[:30],
)
def test_whose_a_quote_is_from_the_sentences_around_it(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_to_speak_of_a_crisis_is_no_report_inside_the_report():
    text = (
        "The prime minister said that relations were going through a difficult period, but that "
        "it would be wrong to speak of a crisis."
    )
    assert _reports(text) == [
        (
            "relations were going through a difficult period, but that it would be wrong to "
            "speak of a crisis.",
            "The prime minister",
        )
    ]
    text = 'The Kremlin has repeatedly used the term "color revolution" to describe protests.'
    assert _reports(text) == []


@pytest.mark.parametrize(
    ("text", "lang", "quote", "speaker"),
    [
        (  # a headline's accusation
            "Georgia accuses EU of 'blackmail' over visa threat\n\nBy Rayhan Demytrie, BBC News",
            "en",
            "blackmail",
            "Georgia",
        ),
        (  # a headline's "Surname: …" gives its terms to the one named
            "Zakharova: West pushing Armenia towards 'Ukrainian scenario'\n\nMOSCOW — The "
            "spokeswoman spoke on Thursday.",
            "en",
            "Ukrainian scenario",
            "Zakharova",
        ),
        (  # a noun of speech with its speaker and "that"
            'Pashinyan\'s claim that the bloc was "finished" drew a sharp reply.',
            "en",
            "finished",
            "Pashinyan",
        ),
        (
            "Заявление Никола Пашиняна о том, что Армения «может покинуть ОДКБ в любой момент», "
            "в Москве встретили спокойно.",
            "ru",
            "может покинуть ОДКБ в любой момент",
            "Никола Пашиняна",
        ),
        (  # a setting with an adjective between the speaker and the cue
            "Зеленский в вечернем обращении заявил, что Россия «ни одного дня не соблюдала "
            "перемирие».",
            "ru",
            "ни одного дня не соблюдала перемирие",
            "Зеленский",
        ),
        (  # "Собеседник «Ъ»" introduces a source; "он" is that source
            "Армянский Совет безопасности ограничился общими словами.\n\nСобеседник «Ъ», "
            "знакомый с ходом переговоров, говорит, что Шойгу приехал с претензиями. «Разговор "
            "был тяжелым, но до угроз не дошло», — уточнил он.",
            "ru",
            "Разговор был тяжелым, но до угроз не дошло",
            "Собеседник «Ъ»",
        ),
        (  # a day, a setting and a place between a trailing cue and its speaker
            "Армения должна выйти из ОДКБ, а не держать участие в «замороженном» состоянии, "
            "заявил в четверг на брифинге в парламенте депутат от правящей фракции Ваге Мкртчян.",
            "ru",
            "замороженном",
            "депутат от правящей фракции Ваге Мкртчян",
        ),
        (  # a thing described with a participle is no "he"
            "Speaking at a news conference, Mirzoyan said the freeze announced last year "
            'remained in force.\n\n"The CSTO did not exist for us," he said.',
            "en",
            "The CSTO did not exist for us,",
            "Mirzoyan",
        ),
        (  # an acronym spelled out before stands for its name
            "The State Security Service of Georgia (SSG) said on May 3 that it had uncovered a "
            'plot. The SSG did not name the suspects, but said there was "no immediate threat".',
            "en",
            "no immediate threat",
            "The State Security Service of Georgia",
        ),
        (  # a participle after a thing is no cue ("the freeze announced last year")
            "Mirzoyan said the freeze announced last year remained in force and that Yerevan had "
            '"received no answers, only new questions" from its allies.',
            "en",
            "received no answers, only new questions",
            "Mirzoyan",
        ),
        (  # "quoted X as telling": X's words, not the agency's
            '"Comrade Yeltsin put his ambitions above the party," Tass quoted Gorbachev as telling '
            "a meeting of the Moscow party committee.",
            "en",
            "Comrade Yeltsin put his ambitions above the party,",
            "Gorbachev",
        ),
        (  # a contrast in quotes is a term, not a name near the cue
            'Energy Minister Nurlan Baimukhanov said the oil was "Kazakh, not Russian" and '
            "therefore outside the scope of sanctions.",
            "en",
            "Kazakh, not Russian",
            "Energy Minister Nurlan Baimukhanov",
        ),
        (  # Ukrainska Pravda's layout: the source line names the quote's speaker
            "Russia preparing new strikes in Black Sea\n\nSource: Andrii Yusov, representative "
            'of Defence Intelligence, on national TV\n\nQuote: "The enemy has not given up on '
            'striking our ports."',
            "en",
            "The enemy has not given up on striking our ports.",
            "Andrii Yusov",
        ),
        (  # "на условиях анонимности" between the subject and the cue
            "Представитель одного из них на условиях анонимности рассказал «Ведомостям», что "
            "компания не получала предупреждений. «Мы работали по всем правилам», — утверждает "
            "представитель компании.",
            "ru",
            "Мы работали по всем правилам",
            "Представитель одного из них",
        ),
        (  # a digest's bullet before the subject of a colon
            "▪️ Военкор Глеб Сухов в своем канале бьет тревогу: «Если Армения выйдет из ОДКБ, "
            "база в Гюмри окажется в кольце».",
            "ru",
            "Если Армения выйдет из ОДКБ, база в Гюмри окажется в кольце",
            "Военкор Глеб Сухов",
        ),
        (  # "X, которое …, отмечает экономист Y.": Y is the speaker, not X
            "Главный риск — медленное технологическое отставание, которое почти не бросается в "
            "глаза, отмечает экономист Центра макроэкономики Дарья Луговая. По ее мнению, «тихая "
            "деградация опаснее громкого обвала».",
            "ru",
            "тихая деградация опаснее громкого обвала",
            "экономист Центра макроэкономики Дарья Луговая",
        ),
    ],
    ids=lambda x: str(x)[:30],
)
def test_headlines_nouns_of_speech_and_trailing_russian_speakers(text, lang, quote, speaker):
    quotes = find_quotes(_table(text, lang))
    assert quotes.loc[quotes["text"] == quote, "speaker"].item() == speaker
