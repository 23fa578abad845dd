"""Voices in English newspaper and broadcast layouts: the rules found on the fifth development
set (bench/voices dev5, English passages in the styles of American, British and European
papers, wires and the region's English-language outlets; issue 15).

The passages here are written for these tests, in the same layouts: a sentence that opens with
its speaker and an apposition before the cue ("Marta Kos, the EU's enlargement commissioner,
told POLITICO"), descriptions that refer back ("the 69-year-old", "the prime minister", "the
former culture minister"), attributions at a sentence's end ("…, according to people familiar
with the matter"), stated views in the plural ("analysts warn"), and denials of a fear. Expected
values follow the labelling guide of bench/voices/README.md and were checked by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.voices import find_quotes


def quotes_of(text: str) -> list[list[str]]:
    articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
    return find_quotes(articles)[["text", "kind", "speaker"]].values.tolist()


# ---- who speaks --------------------------------------------------------------------------------
SPEAKERS = [
    (  # the sentence opens with the speaker; "told" is followed by the addressee
        "Marta Kos, the EU’s enlargement commissioner, told POLITICO that the bloc would not let "
        "Russia “hold a veto over Armenia’s European choice”.",
        "hold a veto over Armenia’s European choice", "Marta Kos",
    ),
    (  # an age refers back to the person named
        "Bidzina Ivanishvili, the founder of the ruling party, rarely speaks in public. When he "
        "does, he says the West wants a war. “We refused to open a second front,” the "
        "69-year-old told supporters.",
        "We refused to open a second front,", "Bidzina Ivanishvili",
    ),
    (  # "the prime minister" is the head of government the story is about
        "Keir Starmer told the meeting that Vladimir Putin was playing for time. ‘We cannot let "
        "aggression pay,’ the prime minister said.",
        "We cannot let aggression pay,", "Keir Starmer",
    ),
    (  # the title with its own words: "former culture minister", not "defence minister"
        "Rustem Umerov, the defence minister, said Kyiv would study the memorandum. Vladimir "
        "Medinsky, the Kremlin aide and former culture minister, said Moscow was ready. “We do "
        "not fear a long war,” the former culture minister said.",
        "We do not fear a long war,", "Vladimir Medinsky",
    ),
    (  # a British quote, then a description and the name set off by commas
        "‘We cannot wait for the next escalation,’ the EU’s foreign policy chief, Kaja Kallas, "
        "told reporters in Brussels.",
        "We cannot wait for the next escalation,", "Kaja Kallas",
    ),
    (  # a speech quoted at length after the paragraph that names its speaker
        "In a speech to students in September, Russian Foreign Minister Sergei Lavrov laid out "
        "Moscow's view of its neighbours.\n\n“We have never threatened anyone in the South "
        "Caucasus. Nobody should expect us to stay silent.”",
        "We have never threatened anyone in the South Caucasus. Nobody should expect us to stay "
        "silent.",
        "Sergei Lavrov",
    ),
    (  # "the chancellor" is the head of government the story is about
        "Friedrich Merz met Volodymyr Zelensky in Berlin. “Sanctions will stay until the war "
        "ends,” the chancellor said.",
        "Sanctions will stay until the war ends,", "Friedrich Merz",
    ),
    (  # the name set off after the title that follows the cue
        '"Nobody threatens anyone by talking to Brussels," said Armenia\'s deputy foreign '
        "minister, Mnatsakan Safaryan.",
        "Nobody threatens anyone by talking to Brussels,", "Mnatsakan Safaryan",
    ),
    (  # a description opens the sentence, the name closes its apposition
        "Armenia's envoy, parliament deputy speaker Ruben Rubinyan, told Reuters that the border "
        "could open “within months, not years”.",
        "within months, not years", "Ruben Rubinyan",
    ),
    (  # a wish before the cue: "likes to say"
        "Uzbekistan’s president, Shavkat Mirziyoyev, likes to say that his country has “no "
        "enemies, only partners”.",
        "no enemies, only partners", "Shavkat Mirziyoyev",
    ),
]  # fmt: skip


def test_a_description_with_other_words_fits_no_other_title():
    text = (
        "Rustem Umerov, Ukraine’s former defence minister, said Kyiv wanted a ceasefire. “We do "
        "not fear a long war,” the former culture minister said."
    )
    assert quotes_of(text)[0][2] != "Rustem Umerov"


# ---- what is reported ----------------------------------------------------------------------------
REPORTED = [
    (  # an apposition before the cue, an auxiliary after it: the content follows
        "Rosselkhoznadzor, Russia’s agricultural watchdog, said the suspension would stay in "
        "place until Armenian producers corrected the violations.",
        "suspension", "Rosselkhoznadzor",
    ),
    (  # "according to …" at the sentence's end
        "Kazakhstan is tightening checks on re-exports to Russia to shield its banks from "
        "secondary sanctions, according to people familiar with the matter.",
        "sanctions", "people familiar",
    ),
    (  # a trailing cue with its addressee and a time
        "The authorities are deliberately stoking tensions with Russia, Armenia’s second "
        "President Robert Kocharyan told reporters on Tuesday.",
        "tensions", "Robert Kocharyan",
    ),
    (  # stated views in the plural
        "Many analysts in Yerevan fear that the country would be left with no security at all.",
        "security", "Many analysts in Yerevan",
    ),
    (
        "Some Republicans worry that the bill could escalate a trade war with China.",
        "war", "Some Republicans",
    ),
    (  # "in his view" is "according to him"
        "Ruben Vardanyan spoke from his cell. In his view, the war in Ukraine only sped up the "
        "shift.",
        "war", "Ruben Vardanyan",
    ),
    (  # "but described": the subject of the cue before
        "Ukraine’s Defence Minister Rustem Umerov said Kyiv would study the document but "
        "described its demands as the same old threats.",
        "threats", "Rustem Umerov",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("voice", "text", "words", "speaker"),
    [("quote", *case) for case in SPEAKERS] + [("reported", *case) for case in REPORTED],
)
def test_who_speaks(quote_speaker, hit, voice, text, words, speaker):
    """``words``: a quote's words (the quotes' table), or a term in reported speech (a hit)."""
    if voice == "quote":
        found = quote_speaker(text, words)
    else:
        assert hit(text, words)["voice"] == "reported"
        found = hit(text, words)["speaker"]
    assert found.endswith(speaker)


def test_a_fear_after_a_determiner_is_a_noun_not_a_cue(hit):
    text = "The fear of a collapse in cross-border trade is growing in the north."
    assert hit(text, "collapse")["voice"] == "narrative"


# ---- negation ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("President Ilham Aliyev dismissed fears of a new war with Armenia.", "war", True),
        ("Peskov dismissed talk of a crisis in relations with Yerevan.", "crisis", True),
        ("Japarov said there would be no more war on this border.", "war", True),
        ("Anyone who has watched the drones cannot fail to see the threat.", "threat", False),
        ("The army reported no more than two attacks overnight.", "attacks", False),
        ("The minister dismissed the ambassador after the attack.", "attack", False),
    ],
)
def test_denials_of_a_fear_and_double_negatives(hit, text, word, negated):
    assert hit(text, word)["negated"] is negated


# ---- a trailing attribution with the writer's words after it (bench/voices dev9) ----------------
TRAILING = [
    (  # the wire's day without "on", then an apposition of the writer's
        "Georgia will not renew the gas deal with Gazprom this winter, Economy Minister Levan "
        "Davitashvili said Tuesday, the clearest sign yet of a crisis between the neighbours.",
        {"gas deal": ("reported", "Levan Davitashvili"), "crisis": ("narrative", "")},
    ),
    (  # an outlet told, then a participle of the writer's
        "Moscow has frozen two arms contracts with Yerevan, four officials told Reuters, "
        "deepening a rift between the allies.",
        {"frozen": ("reported", "four officials"), "rift": ("narrative", "")},
    ),
    (  # "…, according to X, despite …": the content is before the speaker
        "Shelling killed three people near the border on Sunday, according to the regional "
        "governor, despite a truce that was meant to end the conflict.",
        {"Shelling": ("reported", "the regional governor"), "conflict": ("narrative", "")},
    ),
    (  # an abbreviated title and a bare weekday
        "A drone attack on the port of Odesa damaged two grain ships, regional Gov. Oleh Kiper "
        "said Saturday.",
        {"attack": ("reported", "Oleh Kiper")},
    ),
    (  # Armenpress's readouts: "As the ministry informs, …" and "…, the ministry informs."
        "As the Ministry of Foreign Affairs of Armenia informs, the ministers discussed border "
        "security. The sides agreed to meet again, the Ministry of Defense informs.",
        {"security": ("reported", "the Ministry of Foreign Affairs of Armenia"),
         "agreed": ("reported", "the Ministry of Defense")},
    ),
    (  # two speakers in one sentence: the first one's content ends at ", but"
        "Lavrov said the alliance faced no threat, but Pashinyan said the crisis was deepening.",
        {"threat": ("reported", "Lavrov"), "crisis": ("reported", "Pashinyan")},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words"), TRAILING)
def test_a_trailing_attribution_before_the_writers_own_words(hit, text, words):
    for word, (voice, speaker) in words.items():
        found = hit(text, word)
        assert found["voice"] == voice, word
        assert found["speaker"].endswith(speaker), word


@pytest.mark.parametrize(
    ("text", "speaker"),
    [  # an apposition that describes the subject may hold another person's name
        ("Kobakhidze, a close ally of the party's founder Bidzina Ivanishvili, said the "
         "protests were a threat to the state.", "Kobakhidze"),
        ("Peskov, a spokesman for President Vladimir Putin, said the threat was growing.",
         "Peskov"),
        # a description before the apposition: the name inside it speaks
        ("Armenia's envoy, deputy speaker Ruben Rubinyan, said the threat was gone.",
         "Ruben Rubinyan"),
    ],
)  # fmt: skip
def test_the_subject_before_an_apposition_with_a_name(hit, text, speaker):
    found = hit(text, "threat")
    assert (found["voice"], found["speaker"]) == ("reported", speaker)


# ---- the tenth development set's rules (bench/voices dev10) -------------------------------------
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [  # a network named X ends its sentence: no initial
        ("“This is an attack on every ceasefire,” Foreign Minister Andrii Sybiha wrote on X. "
         "He said Kyiv needed air defence “now, not next winter”.",
         "now, not next winter", "Andrii Sybiha"),
        # the addressee of "told" is no speaker, nor is a capital that speaks for a government
        ('Kremlin spokesman Dmitry Peskov told reporters Moscow had ruled out sanctions. "But we '
         'will draw our own conclusions," he added.',
         "But we will draw our own conclusions,", "Dmitry Peskov"),
        # a party's man, described by the party's initials
        ("Berlin (dpa) - Chancellor Friedrich Merz warned of the threat from Russia. „I call it "
         "a war of conquest,“ the CDU leader said.", "I call it a war of conquest,",
         "Friedrich Merz"),
        # a titled subject of the sentence before the quote
        ("Kazakh President Kassym-Jomart Tokayev told the gathering that the bloc would endure. "
         'Kremlin spokesman Dmitry Peskov was blunter. "Its chair is waiting," he told reporters.',
         "Its chair is waiting,", "Dmitry Peskov"),
    ],
)  # fmt: skip
def test_a_pronoun_after_a_network_an_addressee_or_a_party_title(
    quote_speaker, text, quote, speaker
):
    assert quote_speaker(text, quote).endswith(speaker)


@pytest.mark.parametrize(
    ("text", "word", "voice"),
    [  # the writer's apposition or participle after what someone said
        ("Pashinyan has said Armenia will stop paying into the bloc, the clearest sign yet of "
         "growing tensions with Moscow.", "tensions", "narrative"),
        ("The Houthis said on Wednesday they had sunk a cargo ship, the second such attack in a "
         "week, raising fears of a new campaign.", "attack", "narrative"),
        ("The Houthis said on Wednesday they had sunk a cargo ship, the second such attack in a "
         "week, raising fears of a new campaign.", "sunk", "reported"),
    ],
)  # fmt: skip
def test_the_writers_words_after_a_report(hit, text, word, voice):
    assert hit(text, word)["voice"] == voice


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [  # a denial whose object is a clause governs the whole clause
        ("He denied that the Russian troops stationed in the region posed a threat to Moldova.",
         "threat", True),
        ("He denied that the troops were there, but admitted a threat.", "threat", False),
        ("Kobakhidze dismissed the threat.", "threat", True),  # the term itself is dismissed
        ("The minister dismissed the ambassador after the attack.", "attack", False),
    ],
)  # fmt: skip
def test_denials_of_a_clause_and_of_the_term_itself(hit, text, word, negated):
    assert hit(text, word)["negated"] is negated


def test_a_trailing_speaker_set_off_by_commas_after_a_description(hit):
    text = (
        "VIENNA, June 27 - OPEC members will stick to the ceilings and there is no danger of a "
        "new price war, the group's president, Nigerian Oil Minister Rilwanu Lukman, said."
    )
    found = hit(text, "war")
    assert (found["voice"], found["speaker"]) == (
        "reported",
        "Nigerian Oil Minister Rilwanu Lukman",
    )


@pytest.mark.parametrize(
    ("text", "word", "voice", "speaker"),
    [  # a first-person report of what was said: reported speech, its speaker as written
        ("I spoke to the leaders of the African Union. I stressed that this crisis is "
         "artificial.", "crisis", "reported", "I"),
        ("We reiterated our strong condemnation of the conflicts in the region.",
         "conflicts", "reported", "We"),
        ("Last year we said that strong preventive sanctions were needed.",
         "sanctions", "reported", "we"),
        ("Я подчеркнул, что этот кризис искусственный.", "кризис", "reported", "Я"),
        # views, labels and what is said now are the writer's own words
        ("If it is a war, then I call it a war and nothing else.", "war", "narrative", ""),
        ("I believe the crisis is artificial.", "crisis", "narrative", ""),
        ("I say again: the war will end.", "war", "narrative", ""),
        ("Я считаю, что угроза реальна.", "угроза", "narrative", ""),
    ],
)  # fmt: skip
def test_a_first_person_report_of_speech(hit, text, word, voice, speaker):
    assert (hit(text, word)["voice"], hit(text, word)["speaker"]) == (voice, speaker)


def test_a_participle_clause_across_a_wires_wrapped_lines(hit):
    # Reuters 1987: lines wrapped at 65 characters, a decimal figure inside the clause
    text = (
        "    The CPB, forecasting a rise in the budget deficit to 7.2\n"
        "pct of Net National Income in 1987 from 6.3 pct last year,\n"
        "urged the government to cut expenditure further to bring down\n"
        "the deficit and reduce tax and social security costs.\n"
    )
    assert (hit(text, "security")["voice"], hit(text, "security")["speaker"]) == (
        "reported",
        "The CPB",
    )


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [  # a colon ends a sentence with no cue: its capitalized subject speaks
        ("“We hope the ceasefire will hold,” she said. The Deputy Prime Minister also "
         "addressed those who leave outside the corridors: “Please listen to the information "
         "we provide, it is dangerous.”",
         "Please listen to the information we provide, it is dangerous.",
         "The Deputy Prime Minister"),
        ("Лавров обратился к журналистам: «Никакой угрозы для Армении нет и быть не может, мы "
         "это говорили много раз».",
         "Никакой угрозы для Армении нет и быть не может, мы это говорили много раз", "Лавров"),
        # a sentence that opens with another word, or a possessive, names no speaker
        ("In Yerevan the mood was grim: “Nobody believes in the alliance any more, nobody.”",
         "Nobody believes in the alliance any more, nobody.", ""),
        ("Armenia’s message is simple: “We will not leave the bloc today, but we will not "
         "pay.”", "We will not leave the bloc today, but we will not pay.", ""),
        # a headline's "Name: quote"; a layout's label is nobody
        ("Lavrov: 'No threat to the CSTO'\n\nMOSCOW - The minister spoke on Friday.",
         "No threat to the CSTO", "Lavrov"),
        ("Note: 'the figures are preliminary and may change'",
         "the figures are preliminary and may change", ""),
        ("Фото: «Армения сегодня и завтра, без ОДКБ»", "Армения сегодня и завтра, без ОДКБ", ""),
    ],
)  # fmt: skip
def test_a_quote_after_a_colon_in_a_sentence_without_a_cue(text, quote, speaker):
    rows = {row[0]: row[2] for row in quotes_of(text)}
    assert rows[quote] == speaker
