"""Voices in 1987 wire copy and presidential releases: the rules found on the third
development set (bench/voices dev3, real passages; issue 15).

Each passage is written in the layout of Reuters-21578 (hard-wrapped lines, tickers in angle
brackets, "the company said") or of the English releases of president.gov.ua; the expected
values follow the labelling guide of bench/voices/README.md and were checked by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.voices import find_quotes, voice_spans


def _articles(text: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a"], "text": [text]})


def quotes_of(text: str) -> list[list[str]]:
    return find_quotes(_articles(text))[["text", "kind", "speaker"]].values.tolist()


def reported_of(text: str) -> list[tuple[str, str]]:
    spans = voice_spans(_articles(text))
    spans = spans[spans["voice"] == "reported"]
    rows = zip(spans["start"], spans["end"], spans["speaker"], strict=True)
    return [(text[a:b], who) for a, b, who in rows]


# ---- negation does not stop at the line breaks of a hard-wrapped paragraph ----------------
WRAPPED = (
    "The outlook for the Mexican economy remains optimistic despite\n"
    "the worst-ever fall of the stock market on Monday, the president\n"
    "of the exchange said in an interview with a local newspaper.\n"
    "    He said the drop reflected a nervous reaction to the fall in\n"
    "New York and was not a reflection of a new economic\n"
    "crisis for Mexico or for its banks, which had no debt problems.\n"
)


def test_negation_reads_a_hard_wrapped_paragraph_as_one(hit):
    assert hit(WRAPPED, "crisis")["negated"] is True
    # the same words on one line: the same answer
    assert hit(WRAPPED.replace("economic\ncrisis", "economic crisis"), "crisis")["negated"]


# ---- speakers of wire copy ------------------------------------------------------------------
def test_a_ticker_after_the_name_and_the_company_later(hit):
    text = (
        "Slough Estates Plc <SLOU.L> said it expects higher profits\n"
        "this year despite the threat of excess office supply in London.\n"
        "    The company said the threat of a collapse in rents had receded\n"
        "and that it would not sell its American properties.\n"
    )
    assert hit(text, "threat")["speaker"] == "Slough Estates Plc"
    assert hit(text, "collapse") == {
        "voice": "reported",
        "speaker": "Slough Estates Plc",
        "negated": False,
    }


def test_an_abbreviation_in_brackets_and_a_name_with_and(hit):
    text = (
        "The Federal Deposit Insurance Corp\n"
        "(FDIC) said two troubled banks in Texas were merged with healthy\n"
        "institutions after state regulators found they were in danger of\n"
        "failing.\n"
        "    Security Federal Savings and\n"
        "Loan Association said the initial public offering of its holding\n"
        "company was completed without any security problems for its\n"
        "depositors, who were told of the sale last month.\n"
    )
    assert reported_of(text)[0][1] == "The Federal Deposit Insurance Corp"
    assert hit(text, "security")["speaker"] == "Security Federal Savings and Loan Association"


def test_the_company_stays_as_written_when_no_company_spoke():
    text = "The company said the strike was a threat to its exports. It said talks would resume."
    assert [who for _, who in reported_of(text)] == ["The company", "The company"]


def test_a_surname_opening_a_sentence_is_what_he_stands_for(hit):
    text = (
        "Naidoo criticised the state-run transport company for refusing to recognise the\n"
        "South African Railway and Harbours Workers Union, which represents most strikers.\n"
        "    He also accused the company of threatening to dismiss the strikers.\n"
    )
    assert hit(text, "threatening") == {"voice": "reported", "speaker": "Naidoo", "negated": False}


def test_an_addressee_after_told_is_not_what_he_stands_for(hit):
    text = (
        '"Having a market at our disposal as open as Europe is a piece of luck," he\n'
        "told Le Figaro in an interview.\n"
        "    He said there was a danger that the barriers would rise again.\n"
    )
    assert hit(text, "danger")["speaker"] == "He"


def test_a_titled_name_after_the_is_still_what_he_stands_for():
    text = (
        "Earlier, the Russian Foreign Minister Sergei Lavrov met the Armenian delegation in "
        'Moscow. "The bloc will survive," he said.'
    )
    assert quotes_of(text)[0][2].endswith("Sergei Lavrov")


def test_which_he_said_the_pronoun_speaks(hit):
    text = (
        'Chairman Rong Yiren attacked the "profit before everything" mentality which he\n'
        "said led to corruption and a crisis of confidence.\n"
    )
    assert quotes_of(text) == [["profit before everything", "scare_quote", "Rong Yiren"]]
    assert hit(text, "crisis")["speaker"] == "Rong Yiren"


def test_an_office_anaphor_is_the_person_just_named_without_a_title():
    text = (
        "Ihor Zhovkva informed the participants about the security situation. He stressed "
        'the need for heavy weapons. "I expect the parliaments to help us," said the Deputy '
        "Head of the Office of the President."
    )
    assert quotes_of(text)[0][2] == "Ihor Zhovkva"
    # a short anaphor with no title that fits stays as written (the guide's rule)
    text = 'Maria Zakharova said it was over. "We will see," the minister said.'
    assert quotes_of(text)[0][2] == "the minister"


# ---- where reported speech starts and who reports it -----------------------------------------
def test_said_without_that_starts_at_once():
    text = "But he said there was still a danger that the dollar's fall could overshoot."
    assert reported_of(text) == [
        ("there was still a danger that the dollar's fall could overshoot.", "he")
    ]
    # "told reporters on Monday that": the content starts after "that"
    text = "Baker told reporters on Monday that the danger of a trade war had passed."
    assert reported_of(text) == [("the danger of a trade war had passed.", "Baker")]


def test_an_object_after_an_inverted_cue_is_no_speaker():
    text = "The deficit will grow this year, urged the government to cut security spending."
    assert all(who != "the government" for _, who in reported_of(text))


def test_speculated_reports():
    text = "Arbitragers speculated a bidding war may erupt for the company."
    assert reported_of(text) == [("a bidding war may erupt for the company.", "Arbitragers")]


def test_a_titled_speaker_who_emphasized_this_reports_the_sentence_before(hit):
    text = (
        "Ukraine wants a treaty on security guarantees that protects it from any new "
        "aggression. Adviser to the Head of the President's Office and member of the "
        "negotiating team Mykhailo Podolyak emphasized this during an online briefing."
    )
    for word in ("security", "aggression"):
        assert hit(text, word)["voice"] == "reported"
        assert hit(text, word)["speaker"].endswith("Mykhailo Podolyak")


# ---- scare quotes: names before a naming noun, fragments beside a cue -------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a name: the "…" group, whoever's sentence it is in
            'Andriy Yermak notes that sanctions, which the "sanctions" group of experts is '
            "working on, are important.",
            [["sanctions", "scare_quote", ""]],
        ),
        (  # a term attributed by "as … calls": its speaker stays
            'The "Crossroads of Peace" project, as Yerevan calls its plan, would reopen roads.',
            [["Crossroads of Peace", "scare_quote", "Yerevan"]],
        ),
        (  # a short lower-case fragment beside its cue is a term of the speaker
            'Australia was "now back in," Frawley said.',
            [["now back in,", "scare_quote", "Frawley"]],
        ),
        (  # a sentence of two words stays a quote
            '"Pauses end," a senior Russian diplomat told Reuters.',
            [["Pauses end,", "quote", "a senior Russian diplomat"]],
        ),
        (  # a colon gives the words as said
            "He said: “no threat”.",
            [["no threat", "quote", "He"]],
        ),
    ],
    ids=["group", "calls", "fragment", "sentence", "colon"],
)
def test_scare_quote_or_quote_in_wire_copy(text, expected):
    assert quotes_of(text) == expected


# ---- a short wire item of short paragraphs is hard-wrapped too ------------------------------
SHORT_ITEM = (
    "Dealers said life insurance firms were not major sellers of\n"
    "dollars in recent trading sessions because they had already\n"
    "sold them to hedge risks.\n"
    "    Dealers said securities houses and trust banks on the other\n"
    "hand have aggressively sold the dollar.\n"
    " REUTER"
)


def test_a_short_wrapped_item_reports_across_its_line_breaks():
    first = SHORT_ITEM[SHORT_ITEM.index("life") : SHORT_ITEM.index("risks.") + 6]
    second = SHORT_ITEM[SHORT_ITEM.index("securities") : SHORT_ITEM.index("dollar.") + 7]
    assert reported_of(SHORT_ITEM) == [(first, "Dealers"), (second, "Dealers")]


@pytest.mark.parametrize(
    "text",
    [  # a line per paragraph: the lines stay sentences of their own
        "Armenia froze its membership\nin a statement on Friday the ministry said\nno more "
        "talks\nwould follow. " + "The bloc said nothing more about it at all. " * 3,
        "ARMENIA AND THE CSTO\nTimeline of a crisis\nMay 2022: the summit in Moscow\n"
        "November 2022: Pashinyan refuses to sign\n",
    ],
)
def test_lines_of_their_own_are_not_joined(text):
    from framing.voices.sentences import unwrap_lines

    assert unwrap_lines(text) == text


# ---- a quote inside a report is the reporter's, past a cue with no speaker -------------------
@pytest.mark.parametrize(
    ("text", "speaker"),
    [  # "called for" before "were" is a participle; "urged by the seven" names no speaker
        ('One official said that while the policy actions called for\nwere similar to those '
         'urged by the seven, the study shows "it\'s\ngoing to take several years to resolve '
         '(the trade\nimbalances)."', "One official"),
        ('A diplomat said the steps called for in the plan would mean "a collapse of the whole '
         'arrangement within a year".', "A diplomat"),
    ],
)  # fmt: skip
def test_a_quote_in_a_report_past_a_cue_without_a_speaker(text, speaker):
    rows = quotes_of(text)
    assert len(rows) == 1 and rows[0][2] == speaker


def test_called_for_with_an_object_is_still_a_cue():
    text = "The minister called for an end to the war."
    assert reported_of(text)[0][1] == "The minister"
