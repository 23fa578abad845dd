"""Who a pronoun or a nominal anaphor stands for: the speakers of the cues, resolved.

**Pronouns** (he, she, they, it, him, her; он, она, они, его, её, их) and **nominal
anaphors** ("the minister", "the official", "the President"; "министр") resolve, in
:func:`resolve_speakers`, to the last named speaker before them that fits: *he*/*он* to one
not known to be a woman, *she*/*она* to one not known to be a man, *it* to an
organisation, "the minister" to the last speaker whose phrase has "minister" ("the
official" to the last whose phrase has a role noun: official, representative, spokesman,
minister …). *He* and *she* may also resolve to a person's name written in the narrative
since the last named speaker, preferring the subject of a sentence (a name at its start:
"Tigran Melkumov, a political scientist, put it bluntly. “…,” he said"; a title and a name,
"Prime Minister Nikol Pashinyan …"; a Russian surname before its verb, "Песков отказался …
— сказал он"); after a named speaker only such a subject counts, and an institution
("the European Community", "Caucasus Policy Lab") never does, nor an addressee ("told Le
Figaro"); a surname that opens a sentence before its verb is a subject ("Naidoo criticised
…"). "The company", "the bank", "the firm" … stand for the last organisation that spoke,
like *it*; a long office anaphor that no written title fits ("the Deputy Head of the Office
of the President") for the last person named without a title. "The latter" and "the
former" are the last and the one before of the persons named or described just before; *it*
with no organisation named is the body or document that opens its sentence. A phrase's head is before
"of"/"for" ("Pavel Sokolin of the … Forum" is a person) and, in Russian, its first word
("Источник РБК" is a person). A resolved speaker becomes the most recent one.
Russian news names a person once and then varies the description ("Политолог Гайк
Мартиросян … По мнению эксперта", "Министр подчеркнул" at a sentence's start, "секретарь
Совбеза", "венгерский министр", "глава правительства"): a Russian description that no
written title fits is the last person named before it (a named speaker, else a name before
its verb in the narrative), of the verb's gender; one that introduces a source ("Источник
РБК", "Собеседник «Ъ»") or names another office ("глава МИД" after the defence minister)
stays as written, and "ведомства", "министерства", "посольства" stand for the last
institution that spoke.
What the text says of a person is their title (:func:`framing.voices.names.written_title`):
the title before the name, a description set off before it ("Ukraine's energy minister,
Svitlana Grynchuk") and an apposition after it ("Lusine Hakobyan, a former deputy defense
minister,"). An anaphor's other words must be in it ("the former culture minister"; "former"
need not be, as a title of its time does not say it), and so must its nationality ("the
Russian leader", "the Armenian FM", "глава турецкого МИД"; a counterpart, "his Armenian
counterpart" / "с турецким коллегой", fits any role of that country). An institution is no
person ("the Ministry of Defense" is not "the Minister", "дипломатии" no diplomat); a three-word
description that fits no title ("the opposition lawmaker") is the person just named if that
person has no title; "собеседник агентства" is the source introduced before.
Gender is taken only where it is written: Mr/Ms, spokesman/spokeswoman, common first names
of this news (Nikol, Salome, Константин …), surname endings (Zakharova, Lavrov; Захарова,
Лавров in the nominative) and the Russian verb (заявила is a woman, and so is the anaphor
of "добавила дипломат"). A cue without a subject of its own (", adding that", "and said",
"saying") takes the person or the pronoun that opens its sentence when no cue before it in
the sentence speaks ("Irakli Kobakhidze has defended the decision, saying …", "Он звонит …
и говорит, что"), else the speaker of the cue before it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from .asides import colon_subject
from .cues import (
    ACCORDING,
    FIRST_PERSON,
    NAME_TITLES,
    PRONOUNS,
    gender_of,
)
from .descriptions import (
    DESCRIPTIVE,
    LATTER_FORMER,
    PERSON_NOUNS,
    anaphor_detail,
    anaphor_head,
    body_subject,
    delayed_title,
    described,
    fits,
    fitting,
    not_one_person,
    one_of_two,
    org_anaphor,
    redescribed,
)
from .names import (
    NAME_RE,
    ROLES_ALL,
    Named,
    apposition_name,
    first_name_before,
    last_name,
    name_after_title,
    name_at,
    role_title,
    spelled_out,
    title_of,
    written_title,
)
from .russian import RU_SOURCES
from .speakers import Cue
from .writings import Writings

__all__ = ["resolve_speakers"]

# a personal pronoun that opens a sentence: its subject ("Он звонит … и говорит")
_PRONOUN_START_RE = re.compile(r"\s*(He|She|They|Он|Она|Они)\b")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»]?\s+(?=[\"“«„A-ZА-ЯЁ])|\n")
_NAME_REACH = 600
# a body that opens a sentence whose participle speaks: "The Kremlin", "The US Treasury"
_THE_BODY_RE = re.compile(r"The(?:[ \t]+[A-Z][\w.-]*){1,4}")
_ADVERBIAL_BEFORE_RE = re.compile(
    r"(?:when|while|by|without|after|before)\s+$"
)  # how far back a pronoun looks for a person's name in the text
# cues that name where information comes from, not a person who speaks
_DATA_CUES = frozenset(("по данным", "по информации", "по сведениям"))

_HEADS = frozenset(("president", "leader", "premier", "chancellor", "президент", "лидер"))
# who speaks for an office, and the genders they may have
# offices whose description names a portfolio ("the former culture minister")
_OFFICE_HEADS = frozenset("minister secretary president premier chancellor ambassador".split())
_SPOKES = {"spokeswoman": ("f",), "spokesman": ("m",), "spokesperson": ("m", "f", "")}


def _antecedent(
    named: list, want: str, head: str | None, titles: dict, detail: tuple = ()
) -> str | None:
    """The last named speaker that fits a pronoun's gender or an anaphor's head noun
    (``titles``: a named speaker's phrase with the title written before it, lower-cased);
    for an anaphor with words of its own (``detail``), one whose title has them too ("the
    former culture minister" is the one whose title says "former culture")."""
    if head == "person":  # "the 69-year-old": any person, as "they" would be
        head = None
    # a "former defence minister" is not "the former culture minister"
    return _last_fitting(named, want, head, titles, detail if head is not None else ())


def _last_fitting(named: list, want: str, head: str | None, titles: dict, detail: tuple):
    """The loop of :func:`_antecedent` over the named speakers, most recent first."""
    for phrase, gender in reversed(named):
        title = titles.get(phrase, phrase.lower())
        if head is not None:
            # "— добавила дипломат": the verb's gender too (``want`` of an anaphor)
            if fitting(head, title, detail) and (want in ("", "org") or gender in ("", want)):
                return phrase
            continue
        if want == "org":  # "It said": an organisation, or a name of two words or more that
            # no first name makes a person's ("Lloyd's Shipping Intelligence said … It said")
            words = phrase.lower().split()
            if gender == "org" or (
                gender == ""
                and len(words) > 1
                and phrase[:1].isupper()
                and not any(w in ROLES_ALL or w in NAME_TITLES for w in words)  # no minister
            ):
                return phrase
        elif gender != "org" and (not want or gender in ("", want)):
            if want in ("m", "f") and not_one_person(phrase):
                continue  # "opposition calls …", "officials said": no "he" or "she"
            return phrase
    return None


def _untitled(named: list, titles: dict) -> str | None:
    """The last named person whose title is not written ("Volodymyr Zelenskyy said …
    “…,” the President said"): an anaphor that fits no written title refers to them."""
    for phrase, gender in reversed(named):
        title = titles.get(phrase, phrase.lower())
        if (
            gender != "org"
            and phrase[:1].isupper()
            and not described(phrase)  # "The tycoon insists …": a description, no name
            and not any(r in title for r in ROLES_ALL)
        ):
            return phrase
    return None


class Speakers:
    """The resolved speaker of each cue of a text, each found when it is first asked for.

    ``speakers[k]`` is ``resolve_speakers(cues, lang, text, skip)[k]``. A named speaker is
    its phrase and a cue without one takes the speaker of the cue before it (when it
    inherits), so those cost one cue each; a pronoun or an anaphor depends on every named
    speaker before it, so asking for one resolves the cues in order up to it (once: the
    state is kept for the next question). ``said(k)`` tells whether ``speakers[k]`` is not
    empty without resolving anything. ``cues`` is a list of :class:`Cue` or a
    :class:`framing.voices.speakers.CueList`, whose cues are then worked out as they are read.

    Examples
    --------
    >>> from framing.voices.speakers import CueList
    >>> text = "Maria Zakharova said so. Lavrov told reporters no. She added that it was over."
    >>> speakers = Speakers(CueList(text, "en"), "en", text)
    >>> speakers[1], speakers.said(2), speakers[2]
    ('Lavrov', True, 'Maria Zakharova')
    """

    def __init__(self, cues, lang: str, text: str = "", skip=()):
        self.cues, self.lang, self.text, self.skip = cues, lang, text, skip
        self.rules = "ru" if lang == "ru" else "en"  # the name patterns' language
        self.named = Named()  # (phrase, gender) of the speakers named so far
        self.titles: dict[str, str] = {}  # a named phrase with the title written before it
        self.out: list[str] = []  # the speakers of the cues resolved in order so far
        self.last = 0  # where the last named speaker ends
        self.ends = getattr(cues, "ends", None)
        self._subjects: dict[int, tuple[str, str] | None] = {}
        self.writings = Writings(text)  # where each named phrase is written, with its title

    def __len__(self) -> int:
        return len(self.cues)

    def _opening_subject(self, k: int):
        """What opens the sentence of cue ``k``, a cue without a subject of its own ("saying",
        "and said") that no cue before it in its sentence speaks for: a (name, gender) ("Irakli
        Kobakhidze has defended the decision, saying …"), the (start, end) of a pronoun ("Он
        звонит раз в неделю и говорит, что …"), else None."""
        if k in self._subjects:
            return self._subjects[k]
        cue, found = self.cues[k], None
        if cue.inherits and self.text:
            lo = max(0, cue.start - _NAME_REACH)
            ends = list(_SENTENCE_END_RE.finditer(self.text, lo, cue.start))
            lo = ends[-1].end() if ends else lo
            j = k - 1  # the cue before, but not a "so-called", which has no subject
            while j >= 0 and self.cues[j].cue.lower().startswith(("so-", "так ")):
                j -= 1
            before = (self.ends[j] if self.ends is not None else self.cues[j].end) if j >= 0 else -1
            if before <= lo:
                found = last_name(self.text, lo, cue.start, self.rules, self.skip, Named(), True)
                pronoun = _PRONOUN_START_RE.match(self.text, lo, cue.start)
                if found is None and pronoun is not None:
                    found = pronoun.span(1)
                opener = colon_subject(self.text, lo, cue.start) if self.rules == "en" else ""
                if (
                    found is None
                    and _THE_BODY_RE.fullmatch(opener)
                    and not _ADVERBIAL_BEFORE_RE.search(self.text, max(0, cue.start - 8), cue.start)
                ):  # "The Kremlin on Thursday played down …, saying …"; not "when describing"
                    opener = spelled_out(self.text, opener, cue.start)  # "The SSG": its name
                    found = (opener, gender_of(opener, "", nominative=True))
        self._subjects[k] = found
        return found

    def _inherited(self, k: int) -> bool:
        """Whether cue ``k``, which has no speaker of its own, takes the one of the cue before."""
        cue = self.cues[k]
        if not (k and cue.inherits):
            return False
        # the end of the cue before, without working out its speaker when it is a CueList
        end = self.ends[k - 1] if self.ends is not None else self.cues[k - 1].end
        return cue.start - end < 200

    def said(self, k: int) -> bool:
        """Whether the speaker of cue ``k`` is not empty (nothing is resolved to tell)."""
        while k >= 0 and k >= len(self.out) and not self.cues[k].speaker:
            if self._opening_subject(k) is not None:
                return True
            if not self._inherited(k):
                return False
            k -= 1
        return bool(self.out[k]) if 0 <= k < len(self.out) else k >= 0

    def __getitem__(self, k: int) -> str:
        if k < 0:
            k += len(self.cues)
        if k < len(self.out):
            return self.out[k]
        phrase = self.cues[k].speaker
        if not phrase and self._opening_subject(k) is not None:
            return self.resolved(k)[k]
        if not phrase:
            return self[k - 1] if self._inherited(k) else ""
        low = phrase.lower()
        if low in PRONOUNS or low in LATTER_FORMER or org_anaphor(low):
            return self.resolved(k)[k]
        if anaphor_head(phrase, self.lang) is not None:
            return self.resolved(k)[k]
        return self._as_written(self.cues[k], phrase)

    def resolved(self, k: int) -> list[str]:
        """The speakers of the cues up to ``k``, resolved in order (the list kept)."""
        while len(self.out) <= k:
            self.out.append(self._resolve(len(self.out)))
        return self.out

    def _resolve(self, k: int) -> str:
        """The speaker of cue ``k``, all the cues before it resolved (``out``)."""
        cue, named = self.cues[k], self.named
        subject = self._opening_subject(k) if not cue.speaker else None
        if subject is not None and isinstance(subject[0], int):  # "Он … и говорит, что"
            s, e = subject
            cue = cue._replace(speaker=self.text[s:e], speaker_start=s, speaker_end=e)
        elif subject is not None:  # "X has defended the decision, saying …"
            named.append(subject)
            return subject[0]
        phrase = cue.speaker
        low = phrase.lower()
        if not phrase:
            return self.out[-1] if self._inherited(k) else ""
        if low in FIRST_PERSON:  # "When I asked …, she said": the writer is no antecedent
            return phrase
        if low in LATTER_FORMER:  # "Zakharova was answered by Hikmet Hajiyev. The latter …"
            role = functools.partial(self._role_of, cue)
            found = one_of_two(
                self.text, cue.speaker_start, self.rules, self.skip, named, low, role
            )
            if found is not None:
                named.append((found, gender_of(found, "", nominative=True)))
                return found
        organisation = org_anaphor(low)  # "the company": the last organisation that spoke
        head = None if low in PRONOUNS or organisation else anaphor_head(phrase, self.lang)
        if low not in PRONOUNS and head is None and not organisation:
            return self._named(cue, phrase)
        want = "org" if organisation else PRONOUNS.get(low, "")
        found = self._named_before(cue, want, max(self.last, cue.speaker_start - _NAME_REACH))
        if found is None and organisation:  # "the ministry": the last ministry that spoke
            noun = low.split()[-1][:8]
            found = next((p for p, g in reversed(named) if g == "org" and noun in p.lower()), None)
        if found is None:
            gendered = want or (cue.gender if head is not None else "")
            detail = anaphor_detail(phrase, head)
            found = _antecedent(named, gendered, head, self.titles, detail)
            if found is None and head in _HEADS and self.text:  # "Prime Minister Nikol
                # Pashinyan sees him differently. … the prime minister described …": a title
                # written after the last speaker comes before a speaker without one
                found = self._titled_name(cue, head, detail, lo=self.last, narrative=True)
            if found is None and head in _HEADS and not detail:
                found = _untitled(named, self.titles)
        if found is None:  # no speaker fits: a name of that gender before the last cue
            found = self._named_before(cue, want, cue.speaker_start - _NAME_REACH, exact=True)
        if found is None and head is not None:
            found = self._described(cue, phrase, head)
        if found is None and head in _HEADS:  # "the Russian leader" that no title fits
            found = _untitled(named, self.titles)
        if found is None and head in _SPOKES:  # "Maria Zakharova said … the spokeswoman said"
            found = _untitled([n for n in named if n[1] in _SPOKES[head]], self.titles)
        if found is None and head is not None and " " not in head and self.lang == "ru":
            found = self._last_person(cue)  # not "глава МИД" for the defence minister
        long_one = (
            head is not None
            and self.lang != "ru"
            and (
                len(phrase.split()) >= 3 or head in PERSON_NOUNS  # "The tycoon insists"
            )
        )
        if found is None and (head in _HEADS or head == "person" or long_one) and self.text:
            # "Friedrich Merz met … the chancellor said", "X addressed … the 49-year-old said"
            found = self._untitled_subject(cue, head)
        if found is None and head is not None and self.lang != "ru" and low.startswith("the "):
            found = self._redescribed(phrase, head)
        if found is None and low == "it" and (found := body_subject(self.text, cue.start)):
            named.append((found, "org"))  # "The ministry summoned … what it called “…”"
        if found is not None:  # the one just referred to is the most recent mention
            at = next(i for i in range(len(named) - 1, -1, -1) if named[i][0] == found)
            named.append(named.pop(at))
        elif organisation:  # nobody to stand for: "the company" is a speaker as written
            named.append((phrase, "org"))
        elif self.lang == "ru":  # "Генеральный секретарь ОДКБ заявил … — сказал он"
            named.append((phrase, gender_of(phrase, cue.gender)))
        elif head in _SPOKES:  # "The spokesman said …. He said …": the wires' unnamed
            named.append((phrase, _SPOKES[head][0]))  # spokesman is the one "he" means next
        elif head is not None and head not in ROLES_ALL:  # "the tycoon", a person as written
            named.append((phrase, gender_of(phrase, "")))
        return found if found is not None else phrase

    def _named(self, cue, phrase: str) -> str:
        """A speaker written as a name (or a phrase that refers to nobody before): kept in
        ``named`` with its gender and its title."""
        if self.rules == "en":  # "The SSG" after "The State Security Service … (SSG)"
            phrase = self._as_written(cue, spelled_out(self.text, phrase, cue.speaker_start))
        gender = gender_of(phrase, cue.gender, nominative=cue.kind != ACCORDING)
        if cue.cue.lower() in _DATA_CUES:  # "По данным Брюсселя": a source of data, no person
            gender = "org"
        self.named.append((phrase, gender))
        if self.text:  # and the apposition after it: "Vladimir Medinsky, the Kremlin aide …,"
            title = title_of(self.text, phrase, cue.speaker_start, cue.speaker_end)
            if phrase not in self.titles or any(r in title.split() for r in ROLES_ALL):
                self.titles[phrase] = title  # not "according to X" over "President … X"
            self.titles[phrase] = delayed_title(self.named, self.titles)
        self.last = max(self.last, cue.speaker_end, cue.end)
        return phrase

    def _role_of(self, cue, head: str) -> str | None:
        """Who a description before ``cue`` ("accused the minister of …") stands for: a named
        speaker whose title fits, else a person named with a fitting title in the text."""
        return _antecedent(self.named, "", head, self.titles) or self._titled_name(cue, head)

    def _as_written(self, cue, phrase: str) -> str:
        """An English speaker's name where the phrase gives more or less: after a long title,
        a feature's first name before a description ("Dmitry, a …"), the name a description
        was given before ("the defendant, Sergeant Denis Rybakov, …")."""
        if self.rules != "en":
            return phrase
        phrase = first_name_before(self.text, cue.speaker_start, name_after_title(phrase))
        return apposition_name(self.text, cue.speaker_start, phrase)

    def _described(self, cue, phrase: str, head: str) -> str | None:
        """A description that no named speaker's title fits: a person written before with a
        title that fits it, or, for a long one, the person just named without a title."""
        named, found = self.named, None
        if self.text:
            detail = anaphor_detail(phrase, head)
            found = self._named_with_title(cue, head, detail) or self._titled_name(
                cue, head, detail
            )
            # a title of its time need not say "former" ("Armenia's second President
            # Robert Kocharyan … the former president"); its other words must still fit
            relaxed = tuple(d for d in detail if d not in ("former", "ex"))
            if found is None and relaxed != detail:
                found = self._named_with_title(cue, head, relaxed)
        if found is None and len(phrase.split()) >= 4:
            # "the Deputy Head of the Office of the President" that no written title
            # fits: the person just named without a title holds that office
            found = _untitled(named, self.titles)
        if found is None and len(phrase.split()) == 3 and self.lang != "ru":
            # "Artsvik Minasyan said … “…,” the opposition lawmaker said": a description
            # with a word of its own re-describes the person just named, if untitled
            found = _untitled(named[-1:], self.titles)
        return found

    def _redescribed(self, phrase: str, head: str) -> str | None:
        """The person an English description with words of its own, or a person's noun,
        re-describes ("the veteran diplomat", "The tycoon"; "the minister" alone, which no
        title fits, stays as written); its details that name an office must not clash with
        the title of the person it stands for."""
        detail = anaphor_detail(phrase, head)
        if head not in PERSON_NOUNS and not detail:
            return None
        office = tuple(d for d in detail if d not in DESCRIPTIVE)

        def clash(title: str) -> bool:  # "the former culture minister" names a portfolio:
            # only a title of that office fits (not Ukraine's security council secretary)
            return (fits(head, title) or head in _OFFICE_HEADS) and not all(
                d in title for d in office
            )

        sex = gender_of(phrase, "")  # "the spokeswoman", "the businessman"
        return redescribed(self.named, self.titles, phrase, sex if sex in "mf" else "", clash)

    def _named_before(self, cue, want: str, lo: int, exact: bool = False) -> str | None:
        """The name of gender ``want`` ("m", "f") that a pronoun refers to, written from ``lo``
        to the cue (:func:`last_name`, the speakers named so far known by their surnames);
        with ``exact``, the last sentence subject known to have that gender, speakers or not
        ("Mikheil Kavelashvili signed …. Salome Zourabichvili … called …. “…,” he said")."""
        if not self.text or want not in ("m", "f"):
            return None
        named = Named() if exact else self.named
        lo = max(0, lo)
        name = last_name(
            self.text, lo, cue.speaker_start, self.rules, self.skip, named, exact, want
        )
        if name is None or name[1] not in ((want,) if exact else ("", want)):
            return None
        self.named.append(name)
        return name[0]

    def _untitled_subject(self, cue, head: str) -> str | None:
        """The person named without a title as a sentence's subject in the narrative before a
        head of government or state (or a description, ``head`` its noun) that nobody fits
        ("Friedrich Merz met Volodymyr Zelensky in Berlin. “…,” the chancellor said")."""
        found = self._untitled_in(max(self.last, cue.speaker_start - _NAME_REACH), cue)
        if found is not None and head not in _HEADS and head != "person" and " " not in found[0]:
            found = None  # "the former diplomat": a person named in full ("Shelling killed …")
        if found is None and head == "president":
            # a readout: "Vladimir Putin had a telephone conversation with Prime Minister …
            # Nikol Pashinyan. … Nikol Pashinyan informed … The Head of State noted …"
            found = self._untitled_in(max(0, cue.speaker_start - _NAME_REACH), cue, every=True)
        if found is not None:
            self.named.append(found)
        return None if found is None else found[0]

    def _untitled_in(self, lo: int, cue, every: bool = False) -> tuple[str, str] | None:
        """The last sentence subject from ``lo`` to the cue that is named without a title
        here or earlier (with ``every``, passing over titled ones; else None if it is titled)."""
        hi = cue.speaker_start
        while hi > lo:
            name = last_name(self.text, lo, hi, self.rules, self.skip, Named(), subject_only=True)
            if name is None:
                return None
            written = self.text.rfind(name[0], lo, hi)
            if role_title(self.text, name[0], written) is None:
                return name
            if not every:
                return None  # a titled name: that office, not necessarily this one
            hi = written
        return None

    def subject_in(self, lo: int, hi: int) -> str | None:
        """The name that is a sentence's subject from ``lo`` to ``hi`` (the last), or None:
        "Hélène Morvan, a researcher at IFRI, sees in this a familiar pattern." """
        found = last_name(self.text, lo, hi, self.rules, self.skip, Named(), subject_only=True)
        return found[0] if found and found[1] != "org" else None

    def name_in(self, lo: int, hi: int, gender: str = "") -> str | None:
        """The person a stretch of narrative is about: its last sentence subject that is a
        name, else its last name ("In a speech …, Sergei Lavrov laid out …"), of the
        ``gender`` when given ("m", "f"); None."""
        found = last_name(self.text, lo, hi, self.rules, self.skip, Named(), gender=gender)
        return found[0] if found else None

    def mentioned(self, lo: int, hi: int, gender: str = "") -> str | None:
        """The last speaker named before ``hi`` (of ``gender`` when given) whose name or
        surname ``text[lo:hi]`` holds, in any role: "When I put this to Datashvili"."""
        k = bisect_left(self.cues.starts, hi) - 1
        if k >= 0:
            self.resolved(k)
        people = {}
        for phrase, sex in self.named:
            if phrase[:1].isupper() and sex != "org" and (not gender or sex in ("", gender)):
                people[phrase] = people[phrase.split()[-1]] = phrase
        found = None
        for m in NAME_RE[self.rules].finditer(self.text, lo, hi):
            found = people.get(m.group(), people.get(m.group().split()[-1], found))
        return found

    def _last_person(self, cue) -> str | None:
        """The last person named before a Russian description that no written title fits
        ("Политолог Гайк Мартиросян … По мнению эксперта"): a named speaker, else a name in
        the narrative (whose case, and so gender, the ending does not tell); a named speaker
        of the cue's gender when the verb tells it (заявила)."""
        for phrase, gender in reversed(self.named):
            words = phrase.split()
            person = any(w[:1].isupper() for w in words[1:]) or (
                len(words) == 1 and phrase[:1].isupper()
            )
            if (
                person
                and gender != "org"
                and (not cue.gender or gender in ("", cue.gender))
                and not phrase.lower().startswith(RU_SOURCES)
                and anaphor_head(phrase, "ru") is None
            ):
                return phrase
        if not self.text:
            return None
        lo = max(0, cue.speaker_start - _NAME_REACH)
        name = last_name(self.text, lo, cue.speaker_start, "ru", self.skip, self.named)
        if name is None:  # its gender is not checked: "Владимира Жарихина" is no woman
            return None
        self.named.append(name)
        return name[0]

    def _named_with_title(self, cue, head: str, detail: tuple = ()) -> str | None:
        """A named speaker written elsewhere before with a title that fits an anaphor's head
        ("Head of the Office … Andriy Yermak is convinced … According to Andriy Yermak, … The
        Head of the President's Office stressed")."""
        people = (p for p, gender in reversed(self.named) if gender != "org" and p[:1].isupper())
        for phrase in dict.fromkeys(people):  # a phrase named twice has the same titles
            for _, title in self.writings.titles(phrase, cue.speaker_start):
                if fitting(head, title, detail):
                    return phrase
        return None

    def _titled_name(self, cue, head: str, detail: tuple = (), lo: int = 0,
                     narrative: bool = False) -> str | None:  # fmt: skip
        """A person named with a title that fits an anaphor's head, in the narrative before
        it from ``lo`` ("Prime Minister Nikol Pashinyan visited …. “…,” the prime minister
        said"; "Lusine Hakobyan, a former deputy defense minister, … the former deputy
        minister said"); with ``narrative``, the quotes in between do not count in the reach."""
        reach = _reach(cue.speaker_start, self.skip if narrative else ())
        lo = max(lo, reach)
        found = None
        for m in NAME_RE[self.rules].finditer(self.text, lo, cue.speaker_start):
            if any(a <= m.start() < b for a, b in self.skip):
                continue
            name = name_at(self.text, m, self.rules, objects=True)
            if name is None:
                continue
            title = written_title(self.text, m.start(), m.end())
            if narrative and len(title.split()) > len(name.split()) + 8:
                continue  # far back, only a title right before the name ("works by …, X")
            if fitting(head, title, detail):
                found = name
        if found is not None:
            self.named.append((found, gender_of(found, "", nominative=True)))
        return found


def _reach(end: int, skip) -> int:
    """Where :data:`_NAME_REACH` characters of narrative before ``end`` begin: the quotes
    (``skip``) do not count ("President X met … “<a long speech>,” the President said")."""
    lo = end - _NAME_REACH
    for a, b in sorted(skip, reverse=True):
        if a < end and b > lo:
            lo -= min(b, end) - max(a, lo)
    return max(0, lo)


def resolve_speakers(cues: list[Cue], lang: str, text: str = "", skip=()) -> list[str]:
    """The speaker of each cue with pronouns and anaphors resolved (see the module's notes).

    With the ``text``, *he*/*she*/*он*/*она* may also resolve to a person's name written
    (two or three capitalized words) after the last named speaker and before the pronoun,
    outside the ``skip`` spans (the quotes): "Tigran Melkumov, a political scientist, put
    it bluntly. “…,” he said".

    Examples
    --------
    >>> text = "Maria Zakharova said it was over. Sergei Lavrov said so too. She said no. The minister said yes."
    >>> from framing.voices.speakers import find_cues
    >>> resolve_speakers(find_cues(text, "en"), "en")
    ['Maria Zakharova', 'Sergei Lavrov', 'Maria Zakharova', 'The minister']
    """
    return Speakers(cues, lang, text, skip).resolved(len(cues) - 1)
