"""Descriptions that stand for a person, and headlines and pledges that report less than they
seem to: forms of a twelfth development set (English papers and the region's English copy,
written by writers who did not see framing's output)."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.voices import add_voice, find_quotes, voice_spans
from framing.voices.descriptions import anaphor_detail, anaphor_head


def _table(text: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["en"]})


def _speaker(text: str) -> str:
    """The speaker of the one quote in ``text``."""
    return find_quotes(_table(text))["speaker"].item()


def _reports(text: str) -> list[tuple[str, str]]:
    spans = voice_spans(_table(text))
    return [(text[r.start : r.end], r.speaker) for r in spans.itertuples() if r.voice == "reported"]


# (passage, the quote, the speaker the quote is given to)
DESCRIPTIONS = [
    (  # TASS English: the minister, then "the top Russian diplomat"
        "Moscow sees no threat to the CSTO, Russian Foreign Minister Sergey Lavrov said on "
        'Monday. According to the top Russian diplomat, the West "wants instability in the '
        'region". "The door is open," the top Russian diplomat added.',
        "The door is open,",
        "Sergey Lavrov",
    ),
    (  # Armenpress: "the Head of the Armenian diplomacy", translated from Armenian
        "The Foreign Minister of the Republic of Armenia Ararat Mirzoyan received the "
        'ambassador. "Armenia has not closed the door to anyone," the Head of the Armenian '
        "diplomacy said.",
        "Armenia has not closed the door to anyone,",
        "Ararat Mirzoyan",
    ),
    (  # two foreign ministers: the nationality chooses
        "Russian Foreign Minister Sergey Lavrov met Armenian Foreign Minister Ararat Mirzoyan. "
        "Armenian Foreign Minister Ararat Mirzoyan said ties were strained. Sergey Lavrov said "
        'the door was open. "We have frozen it," the head of Armenian diplomacy said.',
        "We have frozen it,",
        "Ararat Mirzoyan",
    ),
]


@pytest.mark.parametrize("case", DESCRIPTIONS, ids=lambda case: case[2] + case[1][:20])
def test_a_description_is_the_person_named_with_a_fitting_title(case):
    text, quote, speaker = case
    found = find_quotes(_table(text))
    assert found.loc[found["text"] == quote, "speaker"].item().endswith(speaker)


def test_the_head_of_a_diplomacy_needs_a_foreign_minister_of_that_country():
    text = (
        "Russian Foreign Minister Sergey Lavrov said the door was open. "
        '"We have frozen it," the head of Armenian diplomacy said.'
    )
    found = find_quotes(_table(text))
    # the only foreign minister named is Russian: the Armenian one stays as written
    assert found["speaker"].item() == "the head of Armenian diplomacy"
    assert anaphor_head("the head of Armenian diplomacy", "en") == "fm"
    assert anaphor_detail("the head of Armenian diplomacy", "fm") == ("arme",)
    assert anaphor_head("the head of the delegation", "en") is None


def test_the_writer_is_no_antecedent_of_a_pronoun():
    text = (
        "When I asked a senior European Commission official last month whether the sanctions "
        'had failed, she laughed. "They have not collapsed," she said.'
    )
    found = find_quotes(_table(text))
    assert found["speaker"].item() != "I"


@pytest.mark.parametrize(
    "headline",
    [
        "Tbilisi accused of 'caving in' to Kremlin as EU weighs sanctions",
        "Moscow warns Yerevan over US war games",
        "Baku warns Armenian Government over border incidents",
    ],
)
def test_a_passive_accusation_or_a_warning_over_something_reports_nothing(headline):
    assert _reports(headline) == []


def test_what_is_reported_after_a_warning_is_still_reported():
    text = "Moscow warned Yerevan that the drills were a threat."
    assert _reports(text) == [("the drills were a threat.", "Moscow")]
    assert _reports("Russia accused Armenia of sabotaging the bloc.") == [
        ("Armenia of sabotaging the bloc.", "Russia")
    ]


def test_a_pledge_ends_where_another_speaker_begins():
    text = (
        "Armenia has promised to close the loopholes that let Western electronics reach "
        "Russia's war machine, after US officials warned the country's banks could be hit by "
        "secondary sanctions."
    )
    assert _reports(text) == [
        (
            "to close the loopholes that let Western electronics reach Russia's war machine",
            "Armenia",
        ),
        ("the country's banks could be hit by secondary sanctions.", "US officials"),
    ]


def test_a_name_given_after_its_description_holds_that_title():
    """The wires' delayed identification: the office first, the name in a later paragraph."""
    text = (
        "YEREVAN, Armenia (AP) — Armenia's foreign minister said Tuesday that his government "
        'would skip the summit.\n\n"An alliance that did nothing cannot expect us to sit at '
        'its table," Ararat Mirzoyan told reporters.\n\nThe minister denied that Yerevan was '
        'preparing to leave the bloc, saying its membership remained "frozen, not ended".'
    )
    found = find_quotes(_table(text))
    assert found.loc[found["text"] == "frozen, not ended", "speaker"].item() == "Ararat Mirzoyan"
    # a name with a title of its own keeps it: "the spokesman" is the spokesman
    text = (
        "Kremlin spokesman Dmitry Peskov said the talks were useful. Nikol Pashinyan said they "
        'had failed. "We will see," the spokesman said.'
    )
    assert _speaker(text) == "Kremlin spokesman Dmitry Peskov"


def test_the_byline_the_addressee_and_a_common_noun_are_nobody_a_pronoun_means():
    byline = (
        "By Elena Varga, a senior fellow at the Atlantic Policy Forum.\n\nA senior "
        'official laughed when asked about the sanctions. "They have not collapsed," she said.'
    )
    assert _speaker(byline) != "Elena Varga"
    addressee = (
        "Speaking to The Telegraph, a senior Armenian diplomat, who asked not to be named, "
        'said Moscow was "looking for enemies where there are none".'
    )
    assert _speaker(addressee) == "a senior Armenian diplomat"
    noun = (
        "Speaking to journalists on Monday, Kobakhidze claimed that opposition calls were part "
        'of the plan. "Georgia will not become a second Ukraine," he said.'
    )
    assert _speaker(noun) == "Kobakhidze"
    # a sentence that opens with "By" is no byline
    text = 'By contrast, Maria Zakharova was blunt. "It is over," she said.'
    assert _speaker(text) == "Maria Zakharova"


def test_a_verb_with_an_object_keeps_its_subject_before_it():
    text = (
        "In Moscow, Dmitry Solonin, an analyst close to the Russian foreign ministry, rejected "
        'the idea that Russia had abandoned its ally. "Our peacekeepers could not fight," he said.'
    )
    assert _reports(text) == [("the idea that Russia had abandoned its ally.", "Dmitry Solonin")]
    assert _speaker(text) == "Dmitry Solonin"
    text = "But since 2023, many in Yerevan no longer believe Russia can guarantee their security."
    assert _reports(text) == [("Russia can guarantee their security.", "many in Yerevan")]


def test_a_headline_in_title_case_and_a_diplomatic_rank_name_nobody():
    text = (
        "The Sanctions Are Working—Just Not the Way Brussels Says\n\nA senior official "
        'laughed when asked. "They have not collapsed," she said.'
    )
    assert _speaker(text) == "she"
    text = (
        "Ararat Mirzoyan received the Ambassador Extraordinary and Plenipotentiary of the "
        "Russian Federation to Armenia Mikhail Sorokin.\n\nThe Ambassador, for his part, "
        'said Moscow was "not seeking any escalation".'
    )
    assert _speaker(text) != "Extraordinary"


def test_whom_a_speaker_tells_and_the_setting_after_an_accusation_are_not_the_content():
    text = (
        "Asked about those remarks, a State Department spokesperson told VOA the partnership "
        "was no threat to any country."
    )
    assert _reports(text) == [
        ("the partnership was no threat to any country.", "a State Department spokesperson")
    ]
    text = "Lavrov told Reuters on Monday the bloc would survive."
    assert _reports(text) == [("the bloc would survive.", "Lavrov")]
    text = (
        "YEREVAN -- Russian border guards will leave the airport on August 1, Armenian "
        "officials told RFE/RL's Armenian Service on Monday, ending an arrangement of 30 years."
    )
    assert _reports(text) == [
        ("Russian border guards will leave the airport on August 1", "Armenian officials")
    ]
    text = (
        "Moscow has accused Armenia of sabotaging the alliance in the Caucasus after Yerevan "
        "again refused to attend a meeting."
    )
    assert _reports(text) == [("Armenia of sabotaging the alliance in the Caucasus", "Moscow")]


def test_an_attribution_after_a_quote_and_the_setting_of_an_interview_report_nothing():
    text = (
        '"Every week we wait is a week Russia uses to prepare the next attack," the EU\'s '
        "foreign policy chief, Kaja Kallas, said after the meeting."
    )
    assert _reports(text) == []
    text = (
        "EU ministers failed to agree on sanctions after Hungary maintained its objections, "
        "diplomats told Euronews."
    )
    assert _reports(text) == [
        ("EU ministers failed to agree on sanctions after Hungary maintained its objections",
         "diplomats"),
    ]  # fmt: skip
    text = (
        "Nikol Pashinyan has said that the quarrel with Moscow is about who we are, in an "
        "interview marking five years since the war. He did say, however, that the bloc had "
        "become a source of insecurity."
    )
    assert _reports(text) == [
        ("the quarrel with Moscow is about who we are", "Nikol Pashinyan"),
        ("the bloc had become a source of insecurity.", "Nikol Pashinyan"),
    ]


def test_the_sentence_before_a_paragraph_that_names_its_speaker_is_reported():
    """Ukrinform and the presidential sites: the statement, then "This was stated by …"."""
    text = (
        "KYIV, June 10. Ukraine expects the European Union to adopt the 18th package of "
        "sanctions against Russia before the end of the month.\n\nThis was stated by Minister "
        "of Foreign Affairs of Ukraine Andrii Sybiha at a joint press conference."
    )
    speaker = "Minister of Foreign Affairs of Ukraine Andrii Sybiha"
    assert _reports(text) == [
        ("Ukraine expects the European Union to adopt the 18th package of sanctions against "
         "Russia before the end of the month.", speaker),
    ]  # fmt: skip
    # the hit's voice is the same when only the sentences around the hit are read
    hits = pd.DataFrame({"article_id": ["a"], "frame": ["f"], "entry": ["sanctions"],
                         "match": ["sanctions"], "start": [text.index("sanctions")],
                         "end": [text.index("sanctions") + 9], "token": [0]})  # fmt: skip
    out = add_voice(hits, _table(text))
    assert (out["voice"].item(), out["speaker"].item()) == ("reported", speaker)


def test_a_readout_s_head_of_state_is_the_president_named_without_a_title():
    """kremlin.ru's readouts: the guest is named with a title, the host without one."""
    text = (
        "Vladimir Putin had a telephone conversation with Prime Minister of the Republic of "
        "Armenia Nikol Pashinyan.\n\nNikol Pashinyan informed that the parties were close to "
        "agreeing on the text of the peace treaty. The President of Russia stressed the "
        "importance of unblocking transport links. The Head of State noted that Russia was "
        "ready to contribute to security in the region."
    )
    assert _reports(text) == [
        ("the parties were close to agreeing on the text of the peace treaty.", "Nikol Pashinyan"),
        ("the importance of unblocking transport links.", "Vladimir Putin"),
        ("Russia was ready to contribute to security in the region.", "Vladimir Putin"),
    ]
    assert _reports("The ministry informed the embassy of its decision.") == []


def test_a_noun_before_a_clause_without_that_is_not_the_speaker():
    text = "Britain triggered the mechanism on Thursday, a move Tehran has called ‘legally void’."
    assert _speaker(text) == "Tehran"
    text = "A senior Russian diplomat called the plan ‘a provocation’."
    assert _speaker(text) == "A senior Russian diplomat"


# a passage of one quote, and its speaker
FEATURE_SPEAKERS = [
    (  # "She puts it plainly:": the person the paragraph is about, of that gender
        "In Kyiv, Olena Marchenko does not go to the shelter. The deputy minister goes to her "
        'desk. She puts it plainly: "Every attack on the grid is an attack on a hospital."',
        "Olena Marchenko",
    ),
    # "put it" is a cue: a pronoun nobody named fits stays as written, as after "said"
    ('Sergei Lavrov met the press. She put it plainly: "It is over."', "She"),
    (  # a description before a colon is not "The"
        "Vardanyan insists the risk is manageable. The former IMF official is blunter about "
        'Moscow: "If Russia hits a real crisis, we catch the cold first."',
        "",
    ),
    (  # a statement stands for the office that issued it
        "Azerbaijan's Ministry of Foreign Affairs rejected the accusations on Friday. "
        '"Azerbaijan has never posed a threat to anyone," the statement said.',
        "Azerbaijan's Ministry of Foreign Affairs",
    ),
    (  # the answer to the writer's question is not the writer's but the one who laughed
        "Yekaterina Orlova edits a newsletter. When I asked whether she felt safe, she "
        'laughed. "Safe is relative."',
        "Yekaterina Orlova",
    ),
    (  # a colon after the subject, with a modifier and a role before the name
        "Peskov said Moscow saw no reason for a crisis.\n\nBaku-based analyst Zaur Hasanov was "
        'blunter: "This is about whether Moscow can threaten its neighbours."',
        "Zaur Hasanov",
    ),
    (  # an opening adverbial before the subject: not "Over"
        "The tycoon insists he has never sought office. Over grilled sturgeon at a restaurant "
        'overlooking Lake Sevan, he is more expansive: "I am called Moscow\'s man."',
        "",
    ),
    (  # present-tense cues of features: "points out", "asks"
        "Hayk Tonoyan, an analyst at the Caucasus Policy Institute, is less sure. He points out "
        "that the EU has no troops in the region. “If there is another crisis on the border, "
        "who exactly will come?” he asks.",
        "Hayk Tonoyan",
    ),
    (  # the subject after "In Yerevan," before its apposition
        "In Yerevan, Narek Sahakyan, a political scientist at Yerevan State University, "
        "countered that the constitution was “a pretext”.",
        "Narek Sahakyan",
    ),
    (  # "contained claims": a noun, no cue whose subject "he" could mean
        "Elnur Mammadli told Foreign Policy no treaty could be signed while Armenia's "
        "constitution contained claims on Azerbaijani territory. “The danger will not "
        "disappear by itself,” he warned.",
        "Elnur Mammadli",
    ),
    (
        "The European Union’s special representative for the South Caucasus, Toivo Klaar, "
        "wrapped up a visit to Baku on Friday. “There is a real window of opportunity now,” "
        "the envoy told reporters.",
        "Toivo Klaar",
    ),
    (
        "RT editor-in-chief Margarita Simonyan echoed the message, describing Yerevan’s course "
        "as “a betrayal.”",
        "Margarita Simonyan",
    ),
    (
        "Hanna Lindqvist of the Committee to Protect Journalists said Baku was waging “a "
        "shameless campaign” against independent media.",
        "Hanna Lindqvist of the Committee to Protect Journalists",
    ),
    (
        "The head of the Russian delegation, presidential aide Igor Valuyev, told Russian "
        'reporters Moscow had come to address "the root causes of the conflict".',
        "Igor Valuyev",
    ),
    (
        "His Turkish counterpart, Murat Öztürk, was more cautious, telling reporters: "
        '"Every step we take will be coordinated with Baku."',
        "Murat Öztürk",
    ),
    (
        "When Armenia's parliament voted, Lilit Mkrtchyan watched from the public gallery. The "
        "former diplomat, who spent six years in Moscow, says the vote was about a “divorce”.",
        "Lilit Mkrtchyan",
    ),
    (
        "Shelling killed three people near the border, according to the regional governor, "
        'who called it "a provocation".',
        "the regional governor",
    ),
]


@pytest.mark.parametrize("text, speaker", FEATURE_SPEAKERS, ids=lambda x: x[:30])
def test_a_feature_names_its_speakers(text, speaker):
    """An envoy, an editor, a committee's name, a titled name in an apposition, a possessive
    description, a re-description of the person just named; a description with nobody named
    in full before it stays as written."""
    assert _speaker(text) == speaker


def _ru_quotes(text: str) -> list[tuple[str, str, str]]:
    found = find_quotes(pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["ru"]}))
    return [(r.text, r.kind, r.speaker) for r in found.itertuples()]


def test_russian_words_said_after_a_treaty_and_a_company_s_spokesman():
    text = (
        "Глава МИД Азербайджана Джейхун Байрамов заявил, что без изменения конституции мирный "
        "договор «останется документом на бумаге»."
    )
    assert _ru_quotes(text) == [
        ("останется документом на бумаге", "quote", "Глава МИД Азербайджана Джейхун Байрамов")
    ]
    text = (
        "Министр Армении Давид Худатян подчеркнул, что речь не идет о разрыве концессионного "
        "договора: «Мы хотим, чтобы дорога работала в полную силу».\n\nПредставитель РЖД "
        "сообщил изданию, что компания «открыта к диалогу с армянскими партнерами»."
    )
    assert _ru_quotes(text) == [
        ("Мы хотим, чтобы дорога работала в полную силу", "quote", "Министр Армении Давид Худатян"),
        ("открыта к диалогу с армянскими партнерами", "quote", "Представитель РЖД"),
    ]
    # a book's title keeps its verb: «Война, которой не было»
    text = "В Ереване вышла книга «Война, которой не было» — о событиях осени 2020 года."
    assert _ru_quotes(text) == [("Война, которой не было", "scare_quote", "")]


def test_the_day_after_a_cue_and_the_news_after_the_content_are_the_writer_s():
    text = (
        "BISHKEK, Jan 15 (Reuters) - Kyrgyzstan's central bank said on Wednesday the country's "
        "banking system was stable, a day after the United States imposed sanctions on two "
        "Kyrgyz lenders."
    )
    assert _reports(text) == [
        ("the country's banking system was stable", "Kyrgyzstan's central bank")
    ]


def test_a_russian_trailing_cue_with_its_addressee_before_a_role():
    text = (
        "Учения пройдут в запланированном формате, а сценарий менять не будут, сказал агентству "
        "представитель объединенного штаба организации."
    )
    spans = voice_spans(pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["ru"]}))
    assert [(text[r.start : r.end], r.speaker) for r in spans.itertuples()] == [
        ("Учения пройдут в запланированном формате, а сценарий менять не будут",
         "представитель объединенного штаба организации"),
    ]  # fmt: skip
    text = (
        "Премьер-министр Никол Пашинян теперь открыто говорит, что Россия «не выполнила свои "
        "обязательства»."
    )
    assert _ru_quotes(text) == [
        ("не выполнила свои обязательства", "quote", "Премьер-министр Никол Пашинян")
    ]


def test_a_discussion_that_continued_says_nothing():
    text = (
        "The discussion of developments around Ukraine continued. The President of Russia noted "
        "that the security forces had shelled residential areas."
    )
    assert _reports(text) == [
        ("the security forces had shelled residential areas.", "The President of Russia")
    ]
    assert _speaker("“It is over,” he continued.") == "he"


def test_a_wire_s_unnamed_spokesman_is_the_he_that_follows():
    text = (
        "The spokesman said FECSA was sending telexes to its creditors.\n    He said banks had "
        "insisted on a declaration that FECSA was suspending repayments."
    )
    assert [speaker for _, speaker in _reports(text)][:2] == ["The spokesman", "The spokesman"]
    # a description stays as written for another description ("The President" is not "the
    # Head of State" unless a name says so)
    text = '"We are grateful to them," the Head of State said. The President stressed that "no one will die for us".'
    assert find_quotes(_table(text))["speaker"].tolist() == ["the Head of State", "The President"]


def test_in_his_words_and_a_wire_s_said_here():
    text = (
        "Shoigu said Moscow had no plans to leave Gyumri. In his words, the West is waging a "
        "war of attrition."
    )
    assert _reports(text)[1] == ("the West is waging a war of attrition.", "Shoigu")
    text = (
        "BEIJING, March 26 (Xinhua) -- China has never provided lethal weapons to any party to "
        "the conflict, Chinese Foreign Ministry spokesperson Lin Jian said here on Wednesday."
    )
    assert _reports(text) == [
        ("China has never provided lethal weapons to any party to the conflict",
         "Chinese Foreign Ministry spokesperson Lin Jian"),
    ]  # fmt: skip
