"""Speakers, kinds, reported speech and negation after the second development set (issue 15).

Each case is a realistic passage in the layout of a wire or an outlet (Reuters, AP, TASS, RIA,
Kommersant, Azatutyun …) for one rule of framing.voices; the expected values were checked by
hand against the labelling guide of bench/voices/README.md.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.voices import add_voice, find_quotes, voice_spans


def quotes_of(text: str) -> list[list[str]]:
    table = find_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    return table[["text", "kind", "speaker", "cue"]].values.tolist()


def reported_of(text: str) -> list[tuple[str, str, str]]:
    spans = voice_spans(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    spans = spans[spans["voice"] == "reported"]
    return [
        (text[a:b], speaker, cue)
        for a, b, speaker, cue in zip(
            spans["start"], spans["end"], spans["speaker"], spans["cue"], strict=True
        )
    ]


# ---- nominal anaphors: the title written before a named speaker counts -----------------------
ANAPHORS = [
    (  # "the diplomat" fits a spokeswoman of a foreign ministry
        "Russian Foreign Ministry Spokeswoman Maria Zakharova told reporters the talks had "
        'stalled. "The sanctions have hit Europe harder than us," the diplomat said.',
        "Russian Foreign Ministry Spokeswoman Maria Zakharova",
    ),
    (  # the title inside the speaker's phrase: "to" between capitals goes on
        "U.S. Ambassador to Armenia Kristina Kvien said Washington supported Armenia’s "
        "sovereignty. “We are not asking Armenia to choose sides,” the ambassador added.",
        "U.S. Ambassador to Armenia Kristina Kvien",
    ),
    (  # a capitalized title: "the Prime Minister"
        "Prime Minister Nikol Pashinyan has said that the CSTO failed Armenia. “The organization "
        "did not respond to the aggression,” the Prime Minister said in parliament.",
        "Prime Minister Nikol Pashinyan",
    ),
    (  # a nationality before the role
        "Armenian Prime Minister Nikol Pashinyan met Putin in Moscow. “The talks were "
        "difficult,” the Armenian prime minister told reporters afterwards.",
        "Nikol Pashinyan",
    ),
    (  # no cue names him: the titled name in the narrative; the Head of State is a president
        "President Volodymyr Zelenskyy visited Kharkiv on Friday. “We will rebuild every "
        "house,” the Head of State said.",
        "Volodymyr Zelenskyy",
    ),
    (  # "Baku’s claims" is a noun, not a cue with the speaker "dismissed Baku’s"
        "Foreign Minister Ararat Mirzoyan on Tuesday dismissed Baku’s claims that Armenia is "
        "preparing for war. “These accusations are groundless,” the minister told journalists.",
        "Foreign Minister Ararat Mirzoyan",
    ),
    (
        "Президент Владимир Путин провел совещание в Кремле. «Угрозы для страны нет», — сказал "
        "глава государства.",
        "Владимир Путин",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "speaker"), ANAPHORS, ids=lambda x: str(x)[:40])
def test_nominal_anaphors_resolve_to_the_titled_speaker(text, speaker):
    assert [q[2] for q in quotes_of(text)] == [speaker]


# ---- the speaker's phrase: appositions, abbreviations, offices, settings ---------------------
SPEAKERS = [
    (  # the name in the apposition, not the addressee after the cue
        "‘It’s the country’s biggest security challenge in a generation,’ the home secretary, "
        "Yvette Cooper, told MPs.",
        "Yvette Cooper",
    ),
    (  # "U.S." does not end the phrase before an apposition
        'A senior U.S. official, speaking on condition of anonymity, said Washington was "deeply '
        'concerned about the risk of escalation" along the border.',
        "A senior U.S. official",
    ),
    (  # the name after an office's complement ("по обороне")
        "«Угроза со стороны НАТО растет», — заявил член комитета Госдумы по обороне Андрей "
        "Колесник.",
        "член комитета Госдумы по обороне Андрей Колесник",
    ),
    (
        "«Москва не видит конфликта интересов», — сказал посол России в Армении Сергей Копыркин.",
        "посол России в Армении Сергей Копыркин",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "speaker"), SPEAKERS, ids=lambda x: str(x)[:40])
def test_the_speakers_phrase(text, speaker):
    assert [q[2] for q in quotes_of(text)] == [speaker]


REPORTED = [
    (  # a role in an office: "Собеседник «Ъ» в МИД РФ"
        "Собеседник «Ъ» в МИД РФ признал, что отношения с Ереваном переживают кризис.",
        ("отношения с Ереваном переживают кризис.", "Собеседник «Ъ» в МИД РФ", "признал"),
    ),
    (
        "Источник РБК в Минэкономразвития сообщил, что правительство обсуждает ответные меры.",
        ("правительство обсуждает ответные меры.", "Источник РБК в Минэкономразвития", "сообщил"),
    ),
    (  # a setting between the speaker and the cue is skipped
        "Бывший омбудсмен Армении Арман Татоян в беседе с NEWS.am заявил, что обстрелы "
        "продолжаются.",
        ("обстрелы продолжаются.", "Бывший омбудсмен Армении Арман Татоян", "заявил"),
    ),
    (
        "Посол России в Армении Сергей Копыркин в интервью РИА Новости отметил, что Москва не "
        "видит конфликта интересов.",
        ("Москва не видит конфликта интересов.", "Посол России в Армении Сергей Копыркин",
         "отметил"),
    ),
    (
        "Lithuania’s former president Dalia Grybauskaite, in an interview with the BBC, said "
        "Europe had ignored the threat.",
        ("Europe had ignored the threat.", "Lithuania’s former president Dalia Grybauskaite",
         "said"),
    ),
    (  # the apposition's name, not the outlet told
        "Pashinian’s spokeswoman, Nazeli Baghdasarian, told RFE/RL that the prime minister had "
        "no plans to travel.",
        ("the prime minister had no plans to travel.", "Nazeli Baghdasarian", "told"),
    ),
    (
        "The Kremlin spokesman, Dmitry Peskov, said the talks had been constructive.",
        ("the talks had been constructive.", "Dmitry Peskov", "said"),
    ),
    (  # "по ее словам": an Armenian surname is a woman's too
        "«Мы не знаем, сколько это продлится», — говорит жительница Тегута Татевик Айрапетян. "
        "По ее словам, многие семьи уехали.",
        ("многие семьи уехали.", "жительница Тегута Татевик Айрапетян", "По ее словам"),
    ),
    (  # a title and a name in the narrative: the name is its last two words
        "Депутат Госдумы Константин Затулин побывал в Ереване. По его словам, Армения "
        "рискует получить войну.",
        ("Армения рискует получить войну.", "Константин Затулин", "По его словам"),
    ),
    (  # "не раз" is no part of the speaker; "говорил" is a cue
        "Лавров не раз говорил, что расширение НАТО создает угрозу для России.",
        ("расширение НАТО создает угрозу для России.", "Лавров", "говорил"),
    ),
    (  # an outlet in quotation marks after the cue, then the content
        "Представитель МИД Армении Ани Бадалян заявила «Азатутюн», что Ереван не получал "
        "никаких угроз.",
        ("Ереван не получал никаких угроз.", "Представитель МИД Армении Ани Бадалян",
         "заявила"),
    ),
    (
        "Armenian officials describe it as an act of aggression.",
        ("it as an act of aggression.", "Armenian officials", "describe"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), REPORTED, ids=lambda x: str(x)[:40])
def test_reported_speech_and_its_speaker(text, expected):
    assert reported_of(text) == [expected]


def test_nobody_says_is_no_report():
    assert reported_of("В поселке никто не говорит об угрозе вслух.") == []


# ---- scare quote against quote ---------------------------------------------------------------
KINDS = [
    (  # a title after "titled"
        "The report, titled “Fragile Peace: Security in the South Caucasus”, was published on "
        "Monday.",
        ["Fragile Peace: Security in the South Caucasus", "scare_quote", "", ""],
    ),
    (  # the outlet's own information is a name, nobody's words
        "По данным «Ъ», Минобороны рассматривает приостановку поставок.",
        ["Ъ", "scare_quote", "", ""],
    ),
    (  # the title of a decree
        'Zelenskyy signed the decree "On the Strategy for the De-occupation of Crimea" in March.',
        ["On the Strategy for the De-occupation of Crimea", "scare_quote", "", ""],
    ),
    (  # a slogan after "the principle of", even with a comma inside the marks
        'Biden voiced support for the principle of "nothing about Ukraine without Ukraine," the '
        "statement said.",
        ["nothing about Ukraine without Ukraine,", "scare_quote", "", ""],
    ),
    (  # a term cue's object is no title ("the operation")
        "Azerbaijani officials have called the operation “anti-terror measures”, while Yerevan "
        "disagrees.",
        ["anti-terror measures", "scare_quote", "Azerbaijani officials", "called"],
    ),
    (  # a short clause is a quote
        "The CSTO said the alliance “cannot be held responsible” for the border.",
        ["cannot be held responsible", "quote", "The CSTO", "said"],
    ),
    (  # five words after a term cue are a quote
        'Iran\'s foreign ministry spokesman Esmaeil Baqaei called the strikes "a clear act of '
        'aggression".',
        ["a clear act of aggression", "quote", "Iran's foreign ministry spokesman Esmaeil Baqaei",
         "called"],
    ),
    (  # one capitalized word after the cue: the outlet addressed
        "Представитель МИД Армении Ани Бадалян заявила «Азатутюн», что Ереван не получал "
        "никаких угроз.",
        ["Азатутюн", "scare_quote", "", ""],
    ),
    (  # one word said, attributed after it
        "«Есть», — ответила Захарова.",
        ["Есть", "quote", "Захарова", "ответила"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), KINDS, ids=lambda x: str(x)[:40])
def test_scare_quote_against_quote(text, expected):
    assert quotes_of(text) == [expected]


# ---- a hit's voice, speaker and negation, end to end -----------------------------------------
def test_hits_in_a_wire_passage_by_hand():
    text = (
        "MOSCOW, March 15. /TASS/. The West’s attempts to isolate Russia have failed, Russian "
        'Foreign Ministry Spokeswoman Maria Zakharova told reporters. "The sanctions have hit '
        'Europe harder than us," the diplomat said. The bloc “cannot be held responsible” for '
        "the security of Armenia, she added."
    )
    articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
    terms = ["sanctions", "security"]
    starts = [text.index(t) for t in terms]
    ends = [s + len(t) for s, t in zip(starts, terms, strict=True)]
    hits = pd.DataFrame({"article_id": "a", "frame": "f", "entry": terms, "match": terms,
                         "start": starts, "end": ends, "token": [0, 0]})  # fmt: skip
    out = add_voice(hits, articles)
    assert out[["voice", "speaker", "negated"]].values.tolist() == [
        ["quote", "Russian Foreign Ministry Spokeswoman Maria Zakharova", False],
        # "cannot" is inside the quote, "security" outside it: no negation across the marks
        ["reported", "Russian Foreign Ministry Spokeswoman Maria Zakharova", False],
    ]


# ---- find_quotes and voice_spans agree, however far after the last quote its cue is ----------
_FILLER = (
    "The talks in Brussels went on late into the night and ended without a joint statement. " * 4
)
FAR_CUES = [
    (  # a cue that looks back, more than 300 characters after the quote
        "“We will not leave the alliance,” came the answer from Yerevan.\n\n"
        + _FILLER
        + "Pashinyan made the remarks on Friday.",
        ["We will not leave the alliance,", "quote", "Pashinyan", "made the remarks"],
    ),
    (  # the cue at the end of a long sentence
        "Armenia’s “zone of responsibility” "
        + "was discussed again and again by the delegations of the member states " * 5
        + "as Moscow calls it.",
        ["zone of responsibility", "scare_quote", "Moscow", "calls"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FAR_CUES, ids=["remarks", "sentence"])
def test_find_quotes_and_voice_spans_agree_on_far_cues(text, expected):
    assert quotes_of(text) == [expected]
    spans = voice_spans(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    quoted = spans[spans["voice"].isin(["quote", "scare_quote"])]
    assert quoted[["voice", "speaker", "cue"]].values.tolist() == [expected[1:]]


# ---- press releases and wire copy: heads of state, offices, participles, continued quotes -----
RELEASES = [
    (  # "the President" with no written title: the person the text names (a head of state)
        "According to Volodymyr Zelenskyy, volunteering made Ukraine invincible. \"Millions of "
        'Ukrainians. Worthy. Free," said the President.',
        [["Millions of Ukrainians. Worthy. Free,", "Volodymyr Zelenskyy", "said"]],
    ),
    (  # an office's head named in the narrative with the whole title before the name
        "Head of the Office of the President of Ukraine Andriy Yermak met the ambassadors. "
        '"There is no time," said the Head of the President\'s Office.',
        [["There is no time,", "Andriy Yermak", "said"]],
    ),
    (  # a long title after the cue is kept whole
        '"Today we are creating a new history of bilateral relations," said the Deputy Head of '
        "the Office of the President of Ukraine.",
        [["Today we are creating a new history of bilateral relations,",
          "the Deputy Head of the Office of the President of Ukraine", "said"]],
    ),
    (  # a participle clause between the speaker and the cue
        "Balladur, asked at a news conference if coordinated market intervention by central "
        "banks was sufficient to halt the dollar's recent slide, said \"each country has to "
        'fulfill commitments" outlined in the G-7 accords.',
        [["each country has to fulfill commitments", "Balladur", "said"]],
    ),
    (
        "Песков, отвечая на вопрос журналистов о сроках переговоров с Киевом, сказал: «Это "
        "преждевременно».",
        [["Это преждевременно", "Песков", "сказал"]],
    ),
    (  # a quote that opens a sentence after "He said …" goes on with his words
        'Balladur said, "I am convinced that Europe has to define this position."\n    He said '
        "Italy would have to abandon its higher margin within the European Monetary System. "
        '"I hope that the improvement will permit Italy to do it soon."',
        [["I am convinced that Europe has to define this position.", "Balladur", "said"],
         ["I hope that the improvement will permit Italy to do it soon.", "Balladur", "said"]],
    ),
    (  # "the minister" is not guessed: nobody named has that title written
        'Maria Zakharova said it was over. Sergei Lavrov said so too. She said no. "We will '
        'see," the minister said.',
        [["We will see,", "the minister", "said"]],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), RELEASES, ids=lambda x: str(x)[:40])
def test_speakers_in_releases_and_wire_copy(text, expected):
    assert [[q[0], q[2], q[3]] for q in quotes_of(text)] == expected


def test_an_ellipsis_at_a_line_end_does_not_end_a_wrapped_quote():
    text = (
        '"It takes two to make peace, but only one to make a deal ...\n'
        "and if it's a strike, the union will be ready for it. A strike against\n"
        'the insecurity of layoff," the union chief said.'
    )
    quotes = quotes_of(text)
    assert [q[0].replace("\n", " ") for q in quotes] == [
        "It takes two to make peace, but only one to make a deal ... and if it's a strike, the "
        "union will be ready for it. A strike against the insecurity of layoff,"
    ]
    assert quotes[0][2] == "the union chief"


LOOKING_BACK = [
    (  # a stated view: "is convinced that"
        "Andriy Yermak is convinced that effective sanctions will force Russia to negotiate.",
        [("effective sanctions will force Russia to negotiate.", "Andriy Yermak",
          "is convinced")],
    ),
    (  # "He said this while …": the sentence before is his, nothing after the cue is
        "Ukraine will win this war if the weapons arrive in time. He said this while "
        "participating in a meeting of the Irish Parliament.",
        [("Ukraine will win this war if the weapons arrive in time.", "He", "said")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LOOKING_BACK, ids=lambda x: str(x)[:40])
def test_stated_views_and_cues_that_look_back(text, expected):
    assert reported_of(text) == expected


def test_an_office_anaphor_finds_the_title_written_earlier_in_the_text():
    text = (
        "Head of the Office of the President of Ukraine Andriy Yermak met the ambassadors of "
        "the G7 on Monday to discuss the reconstruction of the cities of the north. "
        + "The meeting lasted for several hours and covered a long list of questions. "
        * 8
        + "According to Andriy Yermak, mediation would be welcome. The Head of the President's "
        "Office stressed that food security was urgent."
    )
    assert reported_of(text)[-1] == (
        "food security was urgent.",
        "Andriy Yermak",
        "stressed",
    )


def test_a_capital_after_an_abbreviation_starts_no_sentence():
    text = (
        'Armacost said the U.S. Hopes Japan will take steps to lift its economy. "We do not '
        'wish those problems to divert attention," he said.'
    )
    assert [q[2] for q in quotes_of(text)] == ["Armacost"]


# ---- a document that reads out its words: the Kremlin's greetings, a sign ------------------
READS = [
    (  # kremlin.ru's greetings open with the message; the sender is named only in the summary
        "The message reads, in part:\"Founded in 1946, the school has become an important part "
        "of the large Gnessin House.\"",
        [["Founded in 1946, the school has become an important part of the large Gnessin "
          "House.", "quote", "The message", "reads"]],
    ),
    (
        "“Vladimir Zhirinovsky was an accomplished politician and a bright man,” the message "
        "reads.",
        [["Vladimir Zhirinovsky was an accomplished politician and a bright man,", "quote",
          "the message", "reads"]],
    ),
    (
        "The President's message of greetings reads, in part: \"You have brilliantly opened "
        "our team's gold-medal tally.\"",
        [["You have brilliantly opened our team's gold-medal tally.", "quote",
          "The President's message of greetings", "reads"]],
    ),
    (  # an article's words are its authors': "reads" is no cue there, the authors speak on
        "Oleg Ustenko and Simon Johnson wrote in the Los Angeles Times that aid should follow "
        "refugees. “One approach is to let refugees bring their cash benefits home,” the "
        "article reads.",
        [["One approach is to let refugees bring their cash benefits home,", "quote",
          "Oleg Ustenko and Simon Johnson", "wrote"]],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), READS, ids=lambda x: str(x)[:40])
def test_a_message_that_reads_out_its_words(text, expected):
    assert quotes_of(text) == expected


# ---- wire copy: a description after "said", a day between the subject and the verb ----------
WIRE_FORMS = [
    (  # Reuters, 1987: the speaker after the verb has a "for" of its own
        '"We wouldn\'t be able to do business," said a spokesman for leading Japanese '
        "electronics firm Matsushita Electric Industrial Co Ltd.",
        [["We wouldn't be able to do business,", "quote", "a spokesman", "said"]],
    ),
    (
        '"The obvious lack of coordination does not instill confidence," said one economist '
        "for a London broker, who asked not to be identified.",
        [["The obvious lack of coordination does not instill confidence,", "quote",
          "one economist", "said"]],
    ),
    (  # the day between the subject and the verb
        'But Yates today said, "a big U.K. company has in fact said they would go on '
        'supplying."',
        [["a big U.K. company has in fact said they would go on supplying.", "quote",
          "Yates", "said"]],
    ),
    (
        "Bieber yesterday described the UAW's situation in 1987 as \"crucial\" in view of the "
        "growing penetration of the U.S. market by imported cars.",
        [["crucial", "scare_quote", "Bieber", "described"]],
    ),
    (  # Reuters indents its paragraphs: the name opens its sentence all the same, and a long
        # role with its place ("deputy manager of …") describes it
        "the life insurance\ncompany fund manager said.\n    Yuji Miyaji, deputy manager of the "
        "Sumitomo Trust and\nBanking Co Ltd's securities investment department, said, \"We are"
        " slowly starting to buy U.S. Bonds.\"",
        [["We are slowly starting to buy U.S. Bonds.", "quote", "Yuji Miyaji", "said"]],
    ),
    (  # a quoted word inside the apposition
        '    The SOMC, a group of basically "monetarist" private economists, said that "economic '
        'growth will accelerate in 1987."',
        [["monetarist", "scare_quote", "", ""],
         ["economic growth will accelerate in 1987.", "quote", "The SOMC", "said"]],
    ),
    (  # after an apposition's comma, the words after "said" are its content, not its subject
        "Kenneth Blaylock, president of the union, said a poultry industry recommendation to "
        'move away from bird-by-bird inspection could prove "disastrous."',
        [["disastrous.", "scare_quote", "Kenneth Blaylock", "said"]],
    ),
    (  # the Ukrainian releases' "This was stated by <a long title> <name> <participle> …"
        "Ukraine is ready for talks. This was stated by Head of the Office of the President of "
        'Ukraine Andriy Yermak commenting on the talks in Istanbul. "We all liaise around the '
        'clock," he said.',
        [["We all liaise around the clock,", "quote", "Andriy Yermak", "said"]],
    ),
    (  # the speaker's phrase after "said" ends before a participle
        '"Brazil has to do business through the banks at this point,"\nsaid another official '
        "following an assessment of that country's latest debt crisis.",
        [["Brazil has to do business through the banks at this point,", "quote",
          "another official", "said"]],
    ),
    (  # a trailing "informed": the Head of State is the president named before
        "In order to strengthen the defense of the capital, President Volodymyr Zelenskyy "
        'signed a decree. "Defense of the capital is above all," the Head of State informed.',
        [["Defense of the capital is above all,", "quote", "Volodymyr Zelenskyy", "informed"]],
    ),
    (  # "emphasizing" carries on its sentence's subject
        'The President of Ukraine thanked the partners, emphasizing that "today we are '
        'working together for peace."',
        [["today we are working together for peace.", "quote", "The President", "emphasizing"]],
    ),
    (  # "Bank of Japan governor Satoshi Sumita" is a person, whom "he" takes up
        "Bank of Japan governor Satoshi Sumita said there is little room left to ease credit. "
        '"The government should seek ways to use its fiscal policy," he told a press conference.',
        [["The government should seek ways to use its fiscal policy,", "quote",
          "Bank of Japan governor Satoshi Sumita", "told"]],
    ),
    (  # a group without an article after the verb
        '"Based on last week\'s events, there is little to inspire the market," said economists '
        "at Salomon Brothers Inc.",
        [["Based on last week's events, there is little to inspire the market,", "quote",
          "economists at Salomon Brothers Inc", "said"]],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), WIRE_FORMS, ids=lambda x: str(x)[:40])
def test_wire_forms_of_the_speaker(text, expected):
    assert quotes_of(text) == expected


def test_a_clause_after_said_is_no_speaker():
    # "…, said Mr. Trump wanted to hold …": the officials said it, Mr. Trump is in the content
    text = ("But two White House officials, speaking on the condition of anonymity to describe "
            "private conversations, said Mr. Trump wanted to hold new sanctions in reserve.")  # fmt: skip
    assert [(s, who) for s, who, _ in reported_of(text)] == [
        ("Mr. Trump wanted to hold new sanctions in reserve.", "two White House officials")
    ]


def test_an_adjective_after_a_preposition_is_no_cue():
    # "confident of continued stability": "continued" describes the stability; the pronoun
    # of the next quote goes back to the minister
    text = ("Indonesian Energy minister Subroto said he was very confident of continued "
            'stability in the oil market.\n\n"We are very confident that things will continue '
            'this way," he said at a signing ceremony.')  # fmt: skip
    assert [q[2] for q in quotes_of(text)] == ["Indonesian Energy minister Subroto"]


def test_already_between_the_speaker_and_the_cue():
    text = 'Lavrov has already said that "the bloc is finished" and will not meet again.'
    assert [(who, cue) for _, who, cue in reported_of(text)] == [("Lavrov", "said")]


def test_say_for_example_is_no_cue():
    from framing.voices.speakers import find_cues

    text = "As envisioned by Heller, a basket of, say, 30 major commodities would be priced."
    assert [c.cue for c in find_cues(text, "en")] == []
    text = "As envisioned by Heller, a basket of say, 30 major commodities would be priced."
    assert [c.cue for c in find_cues(text, "en")] == []


# ---- who is quoted "by" whom; settings and firms around the subject (tenth session) -------------
# Each form was found in Reuters-21578 (1987) or the presidential releases, where the speaker was
# a fragment ("by PAP", "night", "of Miller Tabak Hirsch and Co", "Although Lawson"); the second
# case of each pair is the same form as today's outlets write it.
QUOTED_BY = [
    (  # "was quoted by <an agency> as saying": the subject speaks, not the agency
        "Polish National Bank head Wladyslaw Baka met the IMF last week. He was quoted by PAP as "
        'saying Poland would meet its obligations, "but not in a short time."',
        [["but not in a short time.", "quote", "Wladyslaw Baka",
          "quoted … as saying"]],
    ),
    (
        "Kremlin spokesman Dmitry Peskov was quoted by the state news agency TASS as saying "
        'that the CSTO was "not in a state of collapse."',
        [["not in a state of collapse.", "quote", "Kremlin spokesman Dmitry Peskov",
          "quoted … as saying"]],
    ),
    (  # "was quoted in <a paper> as saying", the paper's name over a line break
        "Robert Vanasek, the House speaker designate, was quoted in\nthe Minneapolis Star and "
        'Tribune as saying, "We are taking their concerns very seriously."',
        [["We are taking their concerns very seriously.", "quote", "Robert Vanasek",
          "quoted … as saying"]],
    ),
    (  # after the quote
        '"Japan wants to resolve the issue through consultations," Prime Minister Yasuhiro '
        "Nakasone was quoted by Kyodo News Service as saying.",
        [["Japan wants to resolve the issue through consultations,", "quote",
          "Prime Minister Yasuhiro Nakasone", "quoted … as saying"]],
    ),
    (  # "quoted X as having told": X speaks
        'Analysts quoted Chrysler officials as having told them that the deal includes a "fee" '
        "of 25 mln dlrs.",
        [["fee", "scare_quote", "Chrysler officials", "quoted … as saying"]],
    ),
]  # fmt: skip

AROUND_THE_SUBJECT = [
    (  # a time adverbial of two or three words between subject and verb
        'Prime Minister Margaret Thatcher late last year said the decision depended on "the '
        'strength of the economy."',
        [["the strength of the economy.", "quote", "Prime Minister Margaret Thatcher", "said"]],
    ),
    (
        "Foreign Ministry spokeswoman Maria Zakharova late on Thursday said Yerevan's decision "
        'was "a serious mistake."',
        [["a serious mistake.", "scare_quote", "Foreign Ministry spokeswoman Maria Zakharova",
          "said"]],
    ),
    (
        'A statement last night said the government had "no choice but to act."',
        [["no choice but to act.", "quote", "A statement", "said"]],
    ),
    (  # a gerund's setting between subject and verb
        "Du Plessis in disclosing the new agreement last night said the rise was an example that "
        '"some foreign investors are again taking a more realistic view."',
        [["some foreign investors are again taking a more realistic view.", "quote",
          "Du Plessis", "said"]],
    ),
    (
        "Armenian officials after meeting their Russian counterparts in Moscow said the talks "
        'were "difficult but useful."',
        [["difficult but useful.", "scare_quote", "Armenian officials", "said"]],
    ),
    (  # but a fronted setting with a subject of its own is no part of the subject
        "Speaking briefly with reporters before entering a meeting of the Fund he said, "
        '"We are watching the dollar."',
        [["We are watching the dollar.", "quote", "he", "said"]],
    ),
    (  # a setting fronted without a comma: its last capitalized words speak
        'In a statement Kemp called the tax "a disaster for the markets."',
        [["a disaster for the markets.", "quote", "Kemp", "called"]],
    ),
    (
        "At a news conference on Tuesday Foreign Minister Ararat Mirzoyan described the "
        'decision as "final."',
        [["final.", "scare_quote", "Foreign Minister Ararat Mirzoyan", "described"]],
    ),
    (  # "<name>, of <firm> said": the person, not the firm
        '"I think there will be a substantial swap out of futures," Jeffrey Miller, of Miller '
        "Tabak\nHirsch and Co said.",
        [["I think there will be a substantial swap out of futures,", "quote", "Jeffrey Miller",
          "said"]],
    ),
    (
        '"The alliance has failed us," Hovhannes Igityan, of the opposition Armenia Alliance, '
        "said on Tuesday.",
        [["The alliance has failed us,", "quote", "Hovhannes Igityan", "said"]],
    ),
    (  # "(Democrat) of New Jersey": the senator
        "Senator Bill Bradley (Democrat) of New Jersey said the administration would \"remain "
        'under a cloud."',
        [["remain under a cloud.", "scare_quote", "Senator Bill Bradley", "said"]],
    ),
    (  # a subordinator before a name is no part of it: "he" is Lawson
        'Although Lawson denounced what he said was "the current wave of election fever" in '
        'Britain, he added: "It is more likely that there will be an election this year."',
        [["the current wave of election fever", "quote", "Lawson", "said"],
         ["It is more likely that there will be an election this year.", "quote", "Lawson",
          "added"]],
    ),
]  # fmt: skip

LOOK_ALIKE_CUES = [
    (  # "should respect pledges": a noun after a verb, so "he" is the minister
        "French Finance Minister Edouard Balladur said the Group of Seven (G-7) industrial "
        "countries should respect pledges on monetary policy made in the Louvre accord. "
        '"We have to strengthen the cooperation," he told journalists.',
        [["We have to strengthen the cooperation,", "quote",
          "French Finance Minister Edouard Balladur", "told"]],
    ),
    (  # "legislation calling for …": a participle after a noun, no cue
        "U.S. Agriculture Secretary Richard Lyng said he believes proposed legislation calling "
        "for mandatory acreage reductions has little support in Congress. \"The administration "
        'would be very much opposed to that legislation," he told a farm bureau lunch.',
        [["The administration would be very much opposed to that legislation,", "quote",
          "U.S. Agriculture Secretary Richard Lyng", "told"]],
    ),
    (  # "post-traumatic stress disorder": no one stresses
        "The First Lady noted that Israel has extensive experience in combating post-traumatic "
        'stress disorder. "Millions of Ukrainians need help," she said.',
        [["Millions of Ukrainians need help,", "quote", "The First Lady", "said"]],
    ),
    (  # "Inc's earlier reported … bid": a participle between a possessive and a noun
        "Northair Mines Ltd said it would oppose Nor-Quest Resources Inc's earlier reported "
        'takeover bid "with every means at its disposal."',
        [["with every means at its disposal.", "quote", "Northair Mines Ltd", "said"]],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    QUOTED_BY + AROUND_THE_SUBJECT + LOOK_ALIKE_CUES,
    ids=lambda x: str(x)[:40],
)
def test_the_subject_around_settings_firms_and_look_alikes(text, expected):
    assert quotes_of(text) == expected


# ---- adverbs and discourse words between a subject and its cue (tenth session) -------------------
BETWEEN = [
    (  # "even", "didn't": adverbs, not the speaker (the releases gave "they didn't even")
        'They are even ashamed of the word "war". They didn\'t even call it a "war". They call '
        'it a "special operation".',
        [["war", "scare_quote", "", ""], ["war", "scare_quote", "They", "call"],
         ["special operation", "scare_quote", "They", "call"]],
    ),
    (
        'One official even called the market\'s actions "irrational."',
        [["irrational.", "scare_quote", "One official", "called"]],
    ),
    (  # "so far", "for their part", "in this regard": discourse, not the speaker
        'The government has so far rejected what it called "a foreign diktat."',
        [["a foreign diktat.", "scare_quote", "The government", "called"]],
    ),
    (
        'The banks for their part insist that they are willing to discuss Mulford\'s "menu".',
        [["menu", "scare_quote", "The banks", "insist"]],
    ),
    (
        "The ministers reiterated their commitment to energy security and in this regard "
        'described the pipeline as "a security challenge."',
        [["a security challenge.", "scare_quote", "The ministers", "described"]],
    ),
    (  # a verb of perception before the one who speaks
        'We did not hear anyone say anything like "we did not have enough time."',
        [["we did not have enough time.", "quote", "anyone", "say"]],
    ),
    (  # "about which": the relative pronoun is no subject; everyone in the world speaks
        'To that terrible time, about which everyone in the world has always said: "Never '
        'again."',
        [["Never again.", "quote", "everyone in the world", "said"]],
    ),
    (  # "quoted X, whom he would not identify, as saying": X
        "He quoted an oil analyst, whom he would not identify, as saying the company \"is not "
        'going to raise its offer."',
        [["is not going to raise its offer.", "quote", "an oil analyst", "quoted … as saying"]],
    ),
    (  # "so" opens a clause: "so Munich has confirmed"
        'That approach was developed in Washington, so Munich has simply confirmed that "we '
        'need to negotiate with Washington."',
        [["we need to negotiate with Washington.", "quote", "Munich", "confirmed"]],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BETWEEN, ids=lambda x: str(x)[:40])
def test_adverbs_and_discourse_words_before_the_cue(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "So let me tell you this: we remain committed to a four-percent inflation target.",
        "I would even say that the talks have reached a dead end.",
        "We must all insist that the package includes an oil embargo.",
    ],
)
def test_the_writer_own_hedges_are_no_reported_speech(text):
    # the first person of a speech or an address speaks in the text's own voice
    assert reported_of(text) == []
