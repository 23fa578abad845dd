"""Words that look like attribution cues and are not: nouns, adjectives and actions.

A cue word is only a cue when it reports what someone said or thinks. :func:`look_alike`
tells the other uses apart by the words around it:

* **a noun**: "the warnings", "rejected claims of …", "territorial claims", "amid fears",
  "fear of a collapse", "should respect pledges" (after a verb), "a 10-year note",
  "post-traumatic stress disorder";
* **an adjective or a participle**: "the group's first claimed attack", "its stated goal",
  "a programme promised by the Reagan administration";
* **an action**: "added a dozen companies to its list", "adds to tensions", "tell a story",
  "asked for help", "announced sanctions on 30 tankers",
  "claimed responsibility", "expressed in dollars" (not hope or concern), "threatened to
  veto", "asked the bloc to intervene", "asked not to be named", "expected the CSTO to come", "observed a residential
  building", "responded to the collapse by laying off", "рассчитывает на сохранение", "не
  исключил угрозы" (a possibility left open), "called off", "put it on the table" (but "as
  X put it" and "put it bluntly: “…”" attribute), "the incident signalled a crisis";
* **speech denied**: "ни одна из сторон о кризисе не говорит" (nobody says it), "Moscow has
  not commented on the attack", "He did not say whether …".
"""

from __future__ import annotations

import re

from .cues import EN_PLURAL, NOUN_BEFORE_RE

__all__ = ["NOT_BEFORE_RE", "look_alike"]

_EN_PLURAL = frozenset(EN_PLURAL)
_NOUNS = frozenset("fear fears worry worries claim claims stress note doubt".split())
_OF_RE = re.compile(r"\s+(?:of|for|about|over|in)\b")  # "fear of a collapse", "a claim for"
# a verb after a modal or "to", right before a cue word in -s: the word is its object, a noun
_VERB_BEFORE_RE = re.compile(
    r"(?<!\w)(?:should|would|will|can|could|must|might|shall|cannot|to)\s+(?:not\s+)?[a-z]{2,}\s+$"
)
_A_NOTE_RE = re.compile(r"(?<!\w)(?:[Aa]|[Aa]n)\s+(?:[\w-]+\s+){0,2}$")
_STRESS_NOUN_RE = re.compile(
    r"\s+(?:disorders?|tests?|testing|levels?|factors?|relief|management)\b"
)
_CALLED_OFF_RE = re.compile(r"\s+(?:off|up)\b")
# "the policy actions called for were …", "the steps called for in the plan": a participle
_CALLED_FOR_PARTICIPLE_RE = re.compile(r"\s+for\s+(?:was|were|is|are|in|by|under)\b")
#: a Russian "не" right before a word
NOT_BEFORE_RE = re.compile(r"(?<!\w)не\s+$")
_THAT_RE = re.compile(r"\s*,\s*(?:что|чтобы)\b")
_COLON_AFTER_RE = re.compile(r"[^.,;!?\n]{0,40}:")  # "признал: «…»"
# a past participle used as an adjective: "the group's first claimed attack", "its stated aim"
_ADJECTIVE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:the|a|an|its|his|her|their|\w+['’]s)\s+"
    r"(?:(?:first|last|only|most|single|earlier|previously|widely|newly|recently)\s+)?$",
    re.IGNORECASE,
)
# things that speak no words, before a participle that looks like a cue
_THING_BEFORE_RE = re.compile(
    r"(?<!\w)the(?:\s+[a-z-]+)?\s+(?:freeze|decision|move|measures|sanctions|deal|plan|step|"
    r"changes|restrictions|ban|cuts|package|tariffs|proposal|ceasefire|truce|offensive|attack|"
    r"strike|exercises|drills|talks|visit|summit|route|corridor|base|mission|incident|raid|"
    r"row|vote|crash|arrests?|detentions?|clashes|shelling|blockade)\s+$"
)
_BY_AFTER_RE = re.compile(r"\s+by\s")
# "of say, 30", "of, say, 30": "say" for "for example" after a preposition
_SAY_BEFORE_RE = re.compile(r"(?<!\w)(?:of|for|to|with|at|about|by|in|on|from|than)\s*,?\s*$")
_PREPOSITION_BEFORE_RE = re.compile(r"(?<!\w)(?:of|for|with|amid|despite|through)\s+$")
_AS_BEFORE_RE = re.compile(r"(?<!\w)[Aa]s\s+[^,.;:!?\n]{1,60}$")
_COLON_SOON_RE = re.compile(r"[^.;!?\n\"“«]{0,50}?:")
_CALL_NOUN_RE = re.compile(r"(?:phone|telephone|video|conference|a|an)\s+$", re.IGNORECASE)
_TO_BEFORE_RE = re.compile(r"(?<!\w)to\s+$")
_PASSIVE_BEFORE_RE = re.compile(r"(?<!\w)(?:was|were|been|is|are|be|being)\s+$")
# an object added ("added a dozen companies", "adds to tensions"); an infinitive of a plan
_ADDED_RE = re.compile(r"\s+(?:a|an|some|more|new|its|their|his|her|to|\d[\d,.]*)\s")
_TO_RE = re.compile(r"\s+to\s")
# what an action's object looks like after these verbs
_EN_OBJECTS = {
    "added": _ADDED_RE,
    "announced": re.compile(r"(?!\s+(?:that|on|in|at|last|this|late|early|today|yesterday)\b)"
                            r"\s+(?:a|an|new|its|their|his|her|plans?|sanctions|measures|\d)"),
    "claimed": re.compile(r"\s+(?:responsibility|credit|victory|any|the\s+lives|lives)\b"),
    "threatened": _TO_RE,
    "adding": re.compile(r"\s+to\s+(?:its|their|the|a|an|his|her)\s"),  # "adding to its tensions"
    "adds": _ADDED_RE,
    "tell": re.compile(r"\s+(?:a|an|the)\s"),  # "Trade data tell a more complicated story"
    "asked": re.compile(r"\s+(?:the|a|an|its|their|his|her|[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,4}"
                        r"\s+to\s+[a-z]"  # and "who asked not to be named": anonymity
                        r"|\s+not\s+to\s+be\s+(?:named|identified|quoted)"
                        r"|\s+for\s"),  # "asked for help": a request of a thing
    "expected": re.compile(r"\s+(?:the|a|an|its|their|it|them|[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,5}?"
                           r"\s+to\s+[a-z]|\s+to\s"),  # "expects to be misquoted": a plan
    "expects": _TO_RE,
    "expect": _TO_RE,
    "observed": re.compile(r"\s+(?:a|an|the|\d)"),
    "responded": re.compile(r"\s+to\b"),
    "declared": re.compile(r"\s+(?:its\s+)?(?:independence|war|martial\s+law|victory|bankruptcy|"
                           r"a\s+state\s+of|an?\s+emergency|a\s+ceasefire|a\s+truce)\b"),
    "reacted": re.compile(r"\s+to\b"),
    "accused": re.compile(r"\s+of\s"),  # "Tbilisi accused of …": a passive, the accused
    # "informed that …", "informed the President that …", "“…,” the Head of State informed.";
    # not "informed sources", "informed the ministry of its decision"
    "informed": re.compile(
        r"(?!\s+(?:that|(?!sources?\b)[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+that)\b|\s*[.:;!?])"
    ),
    # "the two countries argued over gas", "argued with his partners": a quarrel
    **dict.fromkeys(("argued", "argue", "argues"), re.compile(r"\s+(?:over|with)\b")),
    "maintained": re.compile(r"\s+(?:its|their|his|her|the|a|an|close|good|strong|contacts|ties|"
                             r"relations|links|control|pressure|objections?)\b"),
}  # fmt: skip
# speech denied: what a text says someone did not say is no report (a view denied, "does
# not believe that …", still states a view)
_DENIABLE = frozenset(
    "say said says comment commented comments tell told confirm confirmed reply replied "
    "respond responded answer answered elaborate specify disclose".split()
)
_DENIED_RE = re.compile(r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+)?$", re.IGNORECASE)
_CONTINUED_RE = re.compile(r"\s*[.;]|\s+(?:to|for|until|through|into|with|after|on|in|at)\b")
_QUOTE_NEAR_RE = re.compile(r"[\"”’»]")
_EXPRESSED_RE = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:hopes?|concerns?|confidence|commitment|support|regret|"
    r"readiness|disappointment|gratitude|solidarity|doubts?)\b"
)


def look_alike(text: str, start: int, end: int, cue: str, lang: str) -> bool:
    """Whether the cue word ``cue`` at ``text[start:end]`` is a noun, an adjective or an
    action here, not an attribution (the rules of the module's notes).

    Examples
    --------
    >>> text = "Washington added a dozen companies to its sanctions list."
    >>> look_alike(text, 11, 16, "added", "en")
    True
    >>> look_alike("He added that the list would grow.", 3, 8, "added", "en")
    False
    >>> look_alike("Hungary threatened to veto the sanctions.", 8, 18, "threatened", "en")
    True
    """
    if lang == "ru":
        return _russian(text, start, end, cue)
    if cue.startswith("speak ") and _TO_BEFORE_RE.search(text, max(0, start - 4), start):
        return True  # "it would be wrong to speak of a crisis": no one speaks
    if cue == "call" and _CALL_NOUN_RE.search(text, max(0, start - 12), start):
        return True  # "held a phone call with …"
    if (
        cue == "say"
        and text.startswith(",", end)
        and _SAY_BEFORE_RE.search(text, max(0, start - 8), start)
    ):
        return True  # "a basket of, say, 30 commodities": for example
    if (cue.endswith("s") or cue in _EN_PLURAL or cue == "call") and (
        NOUN_BEFORE_RE.search(text, max(0, start - 30), start)
        or (cue in _NOUNS and (_OF_RE.match(text, end) or _BY_AFTER_RE.match(text, end)))
    ):
        return True  # "rejected claims of …", "the warnings", "fear of", "the call": a noun
    if cue in ("note", "notes") and _A_NOTE_RE.search(text, max(0, start - 40), start):
        return True  # "a 10-year note at eight pct", "a diplomatic note": a paper
    if cue == "stress" and _STRESS_NOUN_RE.match(text, end):
        return True  # "post-traumatic stress disorder", "stress tests"
    if (
        cue[-1] == "s"
        and " " not in cue
        and _VERB_BEFORE_RE.search(text, max(0, start - 40), start)
    ):
        return True  # "countries should respect pledges on …", "to dismiss claims": an object
    if cue.startswith("call") and (
        _CALLED_OFF_RE.match(text, end)
        or (cue == "called" and _CALLED_FOR_PARTICIPLE_RE.match(text, end))
    ):
        return True  # called off, called up; "the steps called for were …"
    if cue.endswith("ed") and " " not in cue and not cue.startswith("so-"):
        if _ADJECTIVE_BEFORE_RE.search(text, max(0, start - 30), start):
            return True  # "its first claimed attack", "the announced sanctions"
        if _THING_BEFORE_RE.search(text, max(0, start - 40), start):
            return True  # "the freeze announced last year": a participle after a thing
        if _PREPOSITION_BEFORE_RE.search(text, max(0, start - 10), start):
            return True  # "confident of continued stability", "amid continued fighting"
        if _BY_AFTER_RE.match(text, end) and not _PASSIVE_BEFORE_RE.search(
            text, max(0, start - 12), start
        ):
            return True  # "a programme promised by the Reagan administration"
    if cue in _DENIABLE and _DENIED_RE.search(text, max(0, start - 16), start):
        return True  # "Moscow has not commented on …", "did not say whether …": nothing said
    if cue == "continued" and _CONTINUED_RE.match(text, end):
        # "The discussion … continued.", "talks continued for hours": an action; but
        # "“…,” he continued." and "he continued: “…”" speak
        return not _QUOTE_NEAR_RE.search(text, max(0, start - 40), start)
    if cue in ("put it", "puts it"):  # "As one diplomat put it", "put it bluntly: “…”"
        return not (
            _AS_BEFORE_RE.search(text, max(0, start - 70), start) or _COLON_SOON_RE.match(text, end)
        )  # not "put it on the table"
    if cue in ("expressed", "voiced"):  # "expressed her hopes that …", not "expressed in dollars"
        return _EXPRESSED_RE.match(text, end) is None
    obj = _EN_OBJECTS.get(cue)
    return obj is not None and obj.match(text, end) is not None


def _russian(text: str, start: int, end: int, cue: str) -> bool:
    """The Russian look-alikes: "рассчитывает на", "не исключил угрозы", a speech verb
    denied ("не говорит о кризисе")."""
    that = _THAT_RE.match(text, end) is not None
    inverted = any(c in text[max(0, start - 4) : start] for c in "—–,»")  # "— признал он"
    if cue.startswith(("рассчитыва", "признал")) and not (that or inverted):
        if not _COLON_AFTER_RE.match(text, end):
            return True  # "рассчитывает на сохранение", "признал целостность": no words
    denied = NOT_BEFORE_RE.search(text, max(0, start - 4), start) is not None
    if cue.startswith("исключ"):
        return denied and not that  # "не исключил угрозы"; "не исключил, что" is a view
    return denied and not that and cue.startswith("говор")  # "о кризисе не говорит"
