"""A role written before a person's name, at the end of a speaker's phrase.

"Bank of Japan governor Satoshi Sumita", "Council of Economic Advisers Chairman Beryl
Sprinkel": the phrase names a person, though an institution opens it ("Bank of Japan").
:func:`framing.voices.cues.gender_of` reads such a phrase as a person, not as the
institution before its first "of".

Examples
--------
>>> bool(ROLE_THEN_NAME_RE.search("Bank of Japan governor Satoshi Sumita"))
True
>>> bool(ROLE_THEN_NAME_RE.search("Pavel Sokolin of the Eurasia Strategic Forum"))
False
"""

from __future__ import annotations

import re

__all__ = ["ROLE_THEN_NAME_RE"]

#: a role (a lowercase word other than an article or a preposition, or a capitalized title)
#: and a capitalized name of one to three words at the end of a phrase
ROLE_THEN_NAME_RE = re.compile(
    r"(?<![\w'’])(?:(?!(?:the|a|an|of|for|at|and|in|on|to|with|from|by)\s)[a-z][a-z-]+|"
    r"Chairman|Chairwoman|Governor|Minister|President|Secretary|Director|Spokesman|"
    r"Spokeswoman|Ambassador|Commissioner|Undersecretary|Adviser|Advisor|Envoy)"
    r"\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+$"
)
