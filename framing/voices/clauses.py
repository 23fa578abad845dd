"""Where the content of a report ends, and what in a sentence is not content.

The boundaries :mod:`framing.voices.reported` cuts reported speech at: an aside set off
by commas ("The crisis, Lavrov said, was …"), the writer's words after a report ("…, the
clearest sign yet of …", "…, raising fears of …"), a conjunction that opens another
speaker's clause ("…, а источник заверил, что …"), a relative clause a report is made in
("The talks, which Lavrov said were useful, came as …": the main clause is the writer's)
and an adverbial clause that opens a sentence before its speaker ("As the danger grew,
Lukashenko told reporters …").
"""

from __future__ import annotations

import re

from .cues import AUXILIARIES, EN_PAST

__all__ = [
    "AND_RE",
    "ASIDE_AFTER_RE",
    "CLAUSE_JOINT_RE",
    "JOINT_RE",
    "OPENER_RE",
    "RELATIVE_BEFORE_RE",
    "TWO_WORDS_RE",
    "WHAT_BEFORE_RE",
    "WORDS_RE",
    "WRITER_ADVERBIAL_RE",
    "WRITER_TAIL_RE",
    "content_before",
    "opener_end",
    "opens_clause",
    "relative_end",
]

TWO_WORDS_RE = re.compile(r"\w\W+\w")
WORDS_RE = re.compile(r"\w+")
# a comma and the sentence's verb after a cue: an aside inside its sentence ("X, Lavrov said,
# was …", "Кризис, заявил Лавров, спровоцирован …"); not "…, in the latest sign", ", deepening"
ASIDE_AFTER_RE = re.compile(
    r"[ \t]*,[ \t]*(?=(?:(?:not[ \t]+)?(?:" + "|".join(sorted(AUXILIARIES)) + r")|[a-z]{3,}ed)\b"
    r"|(?:не[ \t]+)?(?:будет|будут|был[аио]?|является|являются|может|могут|стал[аио]?|"
    r"оста[её]тся|[а-яё]+(?:ется|ится|ются|ятся|ован[аоы]?|ен[аоы]?|ён|нут[аоы]?)\b))"
)
# one word before an aside that is no content: "However, Lavrov said, …", "Однако, по словам …"
_CONNECTIVES = frozenset(
    "однако но а и также впрочем поэтому итак however but and also so yet meanwhile moreover "
    "still then thus therefore instead indeed".split()
)
_CONNECTIVE_PHRASES = frozenset(
    ["при этом", "кроме того", "в то же время", "тем не менее", "вместе с тем", "at the same time",
     "in addition", "even so"]
)  # fmt: skip
# the writer's apposition after a report: "…, the clearest sign yet of …"
_WRITERS_APPOSITION = r"the\s+(?:latest|clearest|strongest|sharpest|first|second|third|biggest)"
# the writer's words after what someone said: "…, the clearest sign yet of …", "…, raising
# fears of …" (a sentence's last comma, then an apposition or a participle of the news)
WRITER_TAIL_RE = re.compile(
    rf",\s+(?:{_WRITERS_APPOSITION}\s|"
    r"(?:raising|leaving|deepening|marking|prompting|sparking|fuelling|fueling|underscoring|"
    r"highlighting|signalling|signaling|heightening|escalating|amid|while|whereas|even\s+as|"
    r"but\s+(?:did|does|declined|refused|stopped|gave\s+no|offered\s+no))\s|"
    # "…, a step that would land just as …": the writer's apposition of the news
    r"an?\s+(?:\w+\s+){0,2}(?:step|move|decision|sign|signal|blow|setback|shift|development)"
    r"\s+(?:that|which)\b|"
    # "…, in a sharp escalation of tensions": the writer's reading of the news
    r"in\s+an?\s+(?:\w+\s+)?(?:escalation|move|sign|blow|setback|shift|rebuke|step|bid|"
    r"reversal|departure)\b|"
    # "…, a day after the United States imposed sanctions …": the news it follows
    r"(?:a|one|two|three|four|five|several|just)\s+(?:day|days|week|weeks|month|months|hours?)"
    r"\s+(?:after|before)\b|"
    # "…, in an interview marking five years since …": where it was said, not what
    r"in\s+(?:an?|his|her|their|its)\s+(?:\w+\s+)?(?:interview|statement|speech|address|op-ed|"
    r"article|post|remarks|briefing)\b|at\s+an?\s+(?:\w+\s+)?(?:news|press)\s+conference\b|"
    # "…, as tensions between the two countries reached a new high": the news around it
    r"as\s+(?!(?:well|soon|long|much|many|far|if|though|part|a\s+result|expected|planned|"
    r"usual|such|of|to|for|he|she|they|it|we|I|you|this|that)\b))[^;:!?\"“”«»]*[.!?]?\s*$"
)
# "…, однако, по мнению экономистов, …": the clause the source is set off in starts after
CLAUSE_JOINT_RE = re.compile(r",\s*(?:однако|но|а|и|but|however|while|whereas|yet)\b,?\s*")
# a cue inside a relative clause set off by commas: "The talks, which Lavrov said were
# useful, came …", "Пашинян, который заявлял, что …, пропустил …"
_RELATIVE_OPEN_RE = re.compile(
    r",\s*(?:(?:in|on|at|of|during|with|to|from|for|about|в|во|на|о|об|с|со|по|из|для|при|у)"
    r"\s+)?(?:which|who|whom|whose|котор[а-яё]+)\b[^,.;:!?\"“”«»\n]*$",
    re.IGNORECASE,
)
# where that clause ends: a comma, then the main clause's verb ("…, came as", "…, has not",
# "…, пропустил", "…, выступила")
# a main clause's finite verb: an auxiliary, a past tense, a common present ("remains")
_FINITE = "|".join(
    sorted(AUXILIARIES | EN_PAST)
    + "remains says comes faces meets heads leads takes holds plans wants seeks hopes".split()
)
_MAIN_VERB_RE = re.compile(
    r",\s+(?:(?:also|then|later|now|again|still|only|quickly|soon|has\s+also|"
    r"не|также|уже|тоже|ранее|затем|потом|сейчас)\s+)?"
    rf"(?:(?:{_FINITE})\b|[a-z]{{3,}}ed\b|[а-яё]{{3,}}(?:л|ла|ло|ли|лся|лась|лось|лись)\b)"
)
# what follows a participle set off inside the content: "held in Minsk,", "backed by Moscow"
_INSERTED_RE = re.compile(r"\s+by\b|[^.,;:!?\n]{0,40},")
# a conjunction before another cue of the same subject: "X назвал Y «…» и пояснил"
AND_RE = re.compile(r"(?:,\s*|\s+)(?:и|а|но|and|but)\s+$")
# a comma and a conjunction that open another speaker's clause: ", а источник … заверил",
# ", and its head, Alexei Likhachev, told" (a name set off after the description), ", after
# US officials warned …", ", когда министр заявил …"
JOINT_RE = re.compile(
    r",\s*(?:а|но|однако|и|тогда\s+как|когда|хотя|поскольку|после\s+того\s+как|and|but|while"
    r"|whereas|after|before|when|as|since|because|although|though|until)\s+[^,.;:!?\n]*"
    r"(?:,[ \t]*)?$"
)
# an adverbial or participle the writer adds after "…, according to X,": not the content
WRITER_ADVERBIAL_RE = re.compile(
    rf"\s*(?:despite|amid|after|as|while|following|since|even\s+as|{_WRITERS_APPOSITION}|"
    r"an?\s+(?:\w+\s+){0,2}(?:step|move|decision|sign|signal|blow|setback|shift|development)"
    r"\s+(?:that|which)|"  # "…, according to X, a step that would …": the writer's
    r"(?!(?:no|some|any|every)thing)[a-z]+ing)(?!\w)"
)
# an adverbial clause that opens a sentence before its speaker: "As the danger grew,
# Lukashenko told reporters …" (with no comma of its own, it is no content)
OPENER_RE = re.compile(
    r"\s*(?:As|When|While|After|Before|Since|Once|Until|Whenever|Although|Though|Because|"
    r"Когда|Пока|После того как|Хотя|Как только|Поскольку)\s"
)
# a relative pronoun set off before "по версии X," / "according to X,": its clause reports
RELATIVE_BEFORE_RE = re.compile(r",\s*(котор\w+|which|who)\s*,$")
# the subject words that open a clause of their own after a cue ("they saw no danger that")
_SUBJECTS = frozenset("there they he she it we i you".split())
# the comma that ends an opening subordinate clause, and the main clause's subject and verb
# after it: "Although the Kremlin insists that …, ties have cooled"
_MAIN_CLAUSE_RE = re.compile(
    r",[ \t]+(?:(?:the|a|an|its|his|her|their)[ \t]+)?[\w'’-]+(?:[ \t]+[\w'’-]+)?[ \t]+"
    rf"(?:(?:{_FINITE})\b|[a-z]{{3,}}ed\b)"
)
_IF_RE = re.compile(r"\s*(?:If|Если)[\s,]")  # a condition opens a sentence as OPENER_RE
# in Russian the first comma that opens no clause of the content ("Хотя в Кремле уверяют, что
# Армения остается союзником, напряженность не спадает")
_RU_MAIN_CLAUSE_RE = re.compile(
    r",[ \t]+(?!(?:что|чтобы|и|а|но|котор\w*|по|как|если|когда|где|хотя|поскольку|будто)\b)"
    r"(?=[а-яё]+[ \t])"
)
# "what he called", "which Moscow calls", "то, что эксперты называют": a term named in a
# relative clause, whose namer speaks
WHAT_BEFORE_RE = re.compile(r"(?<!\w)(?:what|which|что)\s+$", re.IGNORECASE)


def content_before(words: str) -> bool:
    """Whether the words before an attribution set off inside its sentence ("The crisis,
    Lavrov said, was …") are content: two words or more, or one that is no connective
    ("However, Lavrov said, …", "Однако, заявил он, …")."""
    word = words.strip(" \t,\"'«»“”").lower()
    if word in _CONNECTIVE_PHRASES:
        return False  # "При этом, отметил он, …"
    if TWO_WORDS_RE.search(words):
        return True
    return word.isalpha() and word not in _CONNECTIVES


def relative_end(text: str, cue_start: int, sentence_start: int, start: int, end: int) -> int:
    """Where the content ``text[start:end]`` of the cue at ``cue_start`` ends when the cue is
    inside a relative clause set off by commas: at the comma before the main clause's verb;
    ``end`` when the cue is in no such clause or the clause runs on to ``end``.

    Examples
    --------
    >>> text = "The talks, which Lavrov said were useful, came as the crisis deepened."
    >>> text[29 : relative_end(text, 24, 0, 29, len(text))]
    'were useful'
    >>> text = "Lavrov, who said the talks, held in Minsk, had failed, left."
    >>> text[17 : relative_end(text, 12, 0, 17, len(text))]
    'the talks, held in Minsk, had failed'
    >>> text = "He met Lavrov, who said the crisis was over."
    >>> text[24 : relative_end(text, 19, 0, 24, len(text))]
    'the crisis was over.'
    """
    # (up to the cue: a relative pronoun's speaker is the head before the comma)
    if not _RELATIVE_OPEN_RE.search(text, sentence_start, cue_start):
        return end
    inserted = -1  # the comma that closes a participle set off inside the content
    for close in _MAIN_VERB_RE.finditer(text, start, end):
        verb = close.group().rsplit(None, 1)[-1].lower()
        if close.start() == inserted:
            continue  # "…, held in Minsk, had failed": the content's own verb
        phrase = _INSERTED_RE.match(text, close.end(), end)
        if verb not in AUXILIARIES and phrase:
            inserted = phrase.end() - 1  # "who said the talks, held in Minsk, had failed"
            continue
        return close.start()
    return end


def opens_clause(words: str) -> bool:
    """Whether the words between a cue and a "that" are a clause of their own ("there was a
    danger", "the bloc is in a state"): then the content starts right after the cue."""
    lows = [w.lower() for w in WORDS_RE.findall(words)]
    # "there was …", "they saw no danger that …": a subject of its own
    return bool(lows) and (lows[0] in _SUBJECTS or any(w in AUXILIARIES for w in lows))


def opener_end(text: str, sentence_start: int, start: int, end: int) -> int:
    """Where a report made inside a sentence's opening subordinate clause ends: at the
    comma before the main clause ("Although the Kremlin insists that relations remain
    strong, ties have cooled": "relations remain strong"); ``end`` otherwise.

    >>> text = "Although the Kremlin insists that ties remain strong, ties have cooled."
    >>> text[34 : opener_end(text, 0, 34, len(text))]
    'ties remain strong'
    """
    if not OPENER_RE.match(text, sentence_start) and not _IF_RE.match(text, sentence_start):
        return end
    close = _MAIN_CLAUSE_RE.search(text, start, end) or _RU_MAIN_CLAUSE_RE.search(text, start, end)
    return close.start() if close else end
