"""The edges of an article: the page furniture above and below the body.

Web pages, apps and news databases put lines around an article that are not its words: a
timestamp ("08.12.2026 | 14:05", "Updated: Dec. 9, 2026"), a view count ("1 245 просмотров"),
a reading time ("3 min read"), a database's fields ("Length: 612 words", "Load-Date: December
9, 2026", "End of Document"), a tags line ("Tags: Armenia, CSTO"), the notice Russian law
requires of "foreign agents", and the appeals for readers' support under the article.
:func:`edge_lines` finds them in the first and the last lines of a text, where pages put
them; each pattern takes a whole line, so a sentence of the body that mentions a date, a
tag or support is never one of them.

Two more readers look past the datelines and photo words of :mod:`framing.clean.head`:
:func:`head_block` takes the bylines and credits of a page's head that no dateline follows,
and :func:`factiva_markers` the "LP" and "TD" lines inside a Factiva record (the captions
anywhere that end in a credit are :mod:`framing.clean.captions`'). What they take is
checked against hand-labelled pages by ``python -m bench.layouts.score``.
"""

from __future__ import annotations

import re

from .datelines import DATE_PATTERN, MONTH_PATTERN, WEEKDAY_PATTERN
from .head import is_byline, is_head_caption, is_open_short

__all__ = [
    "EDGE_LINES",
    "TAIL_LINES",
    "edge_lines",
    "factiva_markers",
    "head_block",
    "head_edges",
    "is_metadata_line",
    "tail_edges",
]

#: How many non-empty lines at each end of a text are read for page furniture.
EDGE_LINES = 14
#: How many lines at the end are read at most (a database's record of fields is long).
TAIL_LINES = 40

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?"
_ZONE = (
    r"\(?(?:utc|gmt|msk|мск|amt|azt|get|trt|cet|cest|eet|eest|bst|ist|[ecmp][sd]?t)"
    r"(?:\s?[+−-]\s?\d{1,2}(?::?\d{2})?)?\)?|[+−-]\d{4}"
)
_AGO = (
    r"(?:\d+|an?|one)\s(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?)\sago"
    r"|\d+\s(?:секунд|минут|час|дн|недел)\w*\sназад|(?:just now|только что)"
)
_DAY = r"(?:today|yesterday|сегодня|вчера)"
_ATOM = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\.?,?(?=\s)"  # "Tue, 08 Dec 2026", "Wed December 9"
    rf"|\d{{1,2}}\.\d{{2}}(?=\s?{_ZONE})"  # "18.22 GMT"
    rf"|{DATE_PATTERN}|{_TIME}|{_ZONE}|{_AGO}|{_DAY}|(?:19|20)\d\d(?:\s?(?:г\.|года?))?)"
)
_SEP = r"(?:\s*[,|·•/–—-]\s*|\s+(?:(?:at|в)\s+)?)"
_LABEL = (
    r"(?:(?:last\s)?updated|published|posted|created|modified|first published|issued|date"
    r"|обновлено|опубликовано|изменено|создано|дата(?:\sпубликации|\sвыпуска)?|дата и время)"
    r"(?:\s(?:on|at))?\s*:?\s*"
)
# dates and times, a label before them: "December 8, 2026", "08.12.2026 | 14:05", "Updated: Dec. 9"
_STAMP = rf"(?P<label>{_LABEL})?{_ATOM}(?:{_SEP}{_ATOM})*"
_STAMP_RE = re.compile(_STAMP, re.IGNORECASE)
# a byline and its timestamp on one line: "By Global Times Published: Dec 08, 2025 09:43 PM",
# "by Dana Whitcomb - 12/08/25 1:02 PM ET", "By Jane Doe | Updated 14:05 GMT"
_BY_STAMP_RE = re.compile(
    rf"by (?!{WEEKDAY_PATTERN}|{MONTH_PATTERN})"  # "By Friday, …", "By March 2026": no names
    r"(?-i:[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|&|de|van|von|al)){0,6})"
    rf"(?:[^\S\n]*[-–—|·,][^\S\n]*|[^\S\n]+){_STAMP}",
    re.IGNORECASE,
)
# what makes a line of dates a timestamp, not a table's heading ("April 7") or a number: a
# year, a time, "ago" or a label
_STAMPED_RE = re.compile(r"(?:19|20)\d\d|\d:\d\d|ago\b|назад|just now|только что", re.IGNORECASE)
_COUNT = r"\d[\d .,]*\s?[kк]?"
_METADATA_RE = re.compile(
    # view counts and reading times: "Views: 1 245", "872 просмотра", "3 min read"
    rf"(?:(?:views?|reads|просмотр\w*|прочтени\w*)\s*:?\s*{_COUNT}"
    rf"|{_COUNT}\s*(?:views?|reads|просмотр\w*|прочтени\w*)"
    r"|\d+\s*(?:min(?:ute)?s?|мин(?:ут\w*)?)\.?\s*(?:read|reading|чтения)"
    r"|(?:reading time|время чтения|время прочтения)\s*:?\s*\d+\s*(?:min(?:ute)?s?|мин\w*)\.?"
    r"|(?:comments?|комментари\w*)\s*:?\s*\(?\d*\)?"
    # word counts and record numbers of a database ("612 words", "WC 543 words", "Document …")
    r"|(?:wc\s+)?\d[\d,]*\s*words|document\s\w{10,40}"
    r")",
    re.IGNORECASE,
)
# The fields of a news database's record (LexisNexis, ProQuest, Integrum, East View), one a
# line, and the lines between them: "Length: 612 words", "Publication info: …", "Body"; and
# the notices of such a record ("Copyright …", "Please do not cut and paste …")
_FIELD_RE = re.compile(
    r"(?:(?P<byline>byline|authors?|автор|авторы)"
    r"|section|length|load-date|language|publication-type|subject|geographic|classification"
    r"|dateline|graphic|highlight|document-type|journal-code|publication info|document url"
    r"|proquest document id|word count|location|publication title|pages?|publication year"
    r"|publication date|publisher|place of publication|country of publication|issn|edition"
    r"|publication subject|source type|language of publication|document type|last updated"
    r"|database|abstract|company|organization|person|industry|ticker|version|url"
    r"|источник|дата выпуска|номер|страница|рубрика|выпуск|ключевые слова|заголовок|объем|объём)"
    r"\s*:\s*[^\n]{0,400}"
    r"|classification|body|graphic|full text:?|end of document|(?:page|страница|документ|document)"
    r"\s\d+\s(?:of|из)\s\d+|https?://\S+"
    r"|(?P<notice>(?:copyright|\(c\)|©)\b.{0,250}"
    r"|please do not (?:cut and paste|copy|redistribute)\b.{0,200}"
    r"|все права на (?:материалы|статьи)\b.{0,300}|использование материалов (?:допускается|разрешается)\b.{0,200}"
    r"|(?:supplied|distributed) by\b.{0,100})",
    re.IGNORECASE,
)
_NAVIGATION_FIRST = frozenset(
    ["skip", "home", "глав", "shar", "пере", "face", "twit", "tele", "vk", "x", "what", "vibe",
     "flip", "link", "redd", "emai", "e-ma", "copy", "prin", "post", "поде", "дзен", "вкон", "одно",
     "мы в", "обсу", "оцен", "верс"]
)  # fmt: skip
# buttons of a page, one or a few to a line: "Facebook", "Telegram", "VK", "Copy link"
_BUTTON = (
    r"(?:facebook|x|twitter|telegram|vk|vkontakte|whatsapp|viber|flipboard|linkedin|reddit"
    r"|e-?mail|copy link|print|post|share|поделиться|дзен|телеграм|вконтакте|одноклассники)"
)
# How the field lines without a label's colon start
_FIELD_OPENERS = frozenset(
    ["clas", "body", "grap", "full", "end ", "page", "стра", "доку", "docu", "http", "copy", "(c) ", "plea",
     "supp", "dist", "все ", "испо"] + ["©" + c for c in " 0123456789"]
)  # fmt: skip
# A page's navigation and buttons, at its head or its end: "Skip to content", "Home > News",
# "Главная / В мире", "Share: Facebook X Telegram Email"
_NAVIGATION_RE = re.compile(
    r"(?:skip to (?:main )?content|skip navigation|перейти к (?:основному )?содержанию"
    r"|(?:home|главная)(?:\s*[>›»/|]\s*[^>›»/|\n]{1,40}){0,5}"
    r"|share(?: this)?\W{0,3}(?:\s*(?:on\s)?(?:facebook|x|twitter|telegram|email|e-mail|whatsapp"
    r"|linkedin|vk|reddit|copy link|print)\W*){1,8})"
    rf"|{_BUTTON}(?:\s*[|,•·]?\s*{_BUTTON}){{0,7}}"
    r"|мы в соцсетях|обсудить (?:новость|материал) в соцсетях|оцените (?:материал|статью)"
    r"|версия для печати",
    re.IGNORECASE,
)
# Factiva's field codes, taken only in a text that has its record ("\nSN Reuters News")
_FACTIVA_RE = re.compile(
    r"(?P<byline>BY)\s.{1,150}|(?:HD|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CO|IN|NS|RE|IPC|IPD|PUB"
    r"|AN|SE|CR|ART)(?:\s.{0,300})?"
)
_MARKER_RE = re.compile(r"^(?:LP|TD)[^\S\n]*$", re.MULTILINE)
# "Tags: Armenia, CSTO", "Теги: …", "Read more about: Georgia , Tourism": short items only
_TAGS_RE = re.compile(
    r"(?:tags?|topics?|keywords|related topics|read more about|more about|filed under"
    r"|теги|метки|ключевые слова|темы?|рубрики)\s*:\s*[^.!?:\n]{1,200}",
    re.IGNORECASE,
)
# The notice Russian law requires of a "foreign agent", as it stands at the top or the end
_NOTICE_RE = re.compile(
    r"(?:данное сообщение \(материал\)|настоящий материал \(информация\)|этот материал)"
    r"\s.{0,250}(?:иностранн\w+ агент|функции иностранного агента).{0,600}"
    r"|18\+",
    re.IGNORECASE,
)
# Appeals for readers' support and the buttons around them, under the article. Each opens
# its line: a sentence of the body that mentions support or donations is not one of them.
_APPEAL_RE = re.compile(
    r"(?:(?:please\s)?(?:consider\s)?support(?:ing)?\s(?:us|our\s(?:work|journalism|reporting)"
    r"|independent\s(?:journalism|media|reporting)|(?-i:[A-Z])[\w.-]*(?:\s(?-i:[A-Z])[\w.-]*){0,3}"
    r"(?:[.!]|$))"
    r"|if you (?:found|like|liked|value|valued|enjoyed|appreciate)\b.{0,200}\b(?:support|donat)"
    r"|(?:become|join us as) a (?:member|patron|supporter|subscriber)\b"
    r"|(?:we|we've|we have) (?:are|been|remain)\s.{0,120}\b(?:independent|reader-supported)\b"
    r".{0,200}\b(?:readers?|members?|support|donat\w*|journalism|outlet|newsroom)\b"
    r"|your support\b|a message from\b[^.!?]{0,60}$|dear readers?\W*$|donate(?: now| today)?\W*$"
    r"|(?:once|monthly|annually|yearly|continue|support us|subscribe now|donate)\W*$"
    r"|read (?:this|it|the article)? ?in (?:russian|armenian|english|georgian|azerbaijani"
    r"|ukrainian)\W*$"
    r"|(?:this|the) (?:article|story|post) (?:was |is )?(?:originally |first )?"
    r"(?:published|appeared)\b.{0,150}$|the post\b.{0,200}\bappeared first on\b.{0,120}$"
    r"|(?:continue reading|продолжение следует)\W*$"
    r"|(?:поддержите|поддержать|помогите)\s(?:нас|«|\")"
    r"|[«\"]?[А-ЯЁA-Z][\w»\"]*\s(?:работает|существует) (?:только )?благодаря (?:читател|вам|ваш|пожертв)"
    r"|нам нужна ваша помощь|мы (?:остаемся|остаёмся) независимыми"
    r"|читать на (?:армянском|английском|русском|грузинском|азербайджанском)\W*$"
    r"|(?:читайте|подписывайтесь на) .{0,60}\b(?:telegram|телеграм|дзен|vk|вконтакте)\w*\W*$"
    r"|follow us\b.{0,60}\b(?:telegram|twitter|facebook|instagram|youtube|x)\W*$"
    r"|материал (?:подготовлен|опубликован) (?:при поддержке|в рамках)\b.{0,200}$"
    r"|мнение (?:редакции|автора) может не совпадать\b.{0,200}$"
    r"|materials? may be (?:reproduced|republished|used)\b.{0,200}$|all rights reserved\b.{0,200}$"
    r"|get\b.{0,100}\b(?:delivered to|in|into) your inbox\b.{0,100}$"
    r"|stay up to date\b.{0,200}$|.{0,200}[.!?] (?:subscribe|sign up|donate)(?: now| today)?\W*$"
    r"|(?:print|email|share|leave a comment|comments?)(?:\W{1,3}(?:print|email|share))*\W*$"
    r"|.{0,150}\bcontributed (?:reporting|(?:to )?(?:this|the) (?:report|story|article))\b.{0,80}$"
    r"|with (?:additional )?(?:assistance|reporting) (?:from|by)\b.{0,150}$|edited by\s?:?.{0,80}$"
    r"|follow\b.{0,80}\bcoverage\b.{0,150}$|(?:reuse this content|learn more|advertising)\W*$"
    r"|(?:this|the) (?:article|story) (?:has been|was) (?:updated|amended|corrected)\b.{0,300}$"
    r")",
    re.IGNORECASE,
)
# "… is an independent news organization. Please consider supporting our work. Donate"
_PLEASE_RE = re.compile(
    r"[.!?] please (?:consider )?(?:support(?:ing)? (?:us|our work|our journalism)|donat\w*)\b"
    r".{0,100}$",
    re.IGNORECASE,
)
# What the lines each family takes hold: a line without it is spared the family's pattern
_STAMP_HINT_RE = re.compile(
    r"\d|body|end of|document|today|yesterday|just now|сегодня|вчера|только что|section"
    r"|language|graphic|publication|источник|рубрика",
    re.IGNORECASE,
)
# How the lines of timestamps, counts and fields start, when not with a digit: the first
# three letters of months, weekdays, labels and fields
_STAMP_OPENERS = frozenset(
    """jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun upd pub
    pos cre mod fir las dat tod yes jus vie rea com len loa lan sec gra jou doc bod end iss
    янв фев мар апр мая май июн июл авг сен окт ноя дек пон вто сре чет пят суб вос обн опу
    изм соз дат сег вче тол про ком вре ист ном стр руб вып""".split()
) | {"wc "}
# Timestamps, counts and a database's fields are short lines; the notice is a long one
_STAMP_LENGTH = 60
_NOTICE_MIN = 120
_NOTICE_HINT_RE = re.compile(r"иностранн|18\+", re.IGNORECASE)
# the lines that tell a news database's record (LexisNexis, Nexis Uni): its outlet and edition
# lines above the fields are furniture too ("The Guardian (London)", "London Edition 1")
_RECORD_RE = re.compile(r"body|length\s*:\s*[\d,]+\s+words", re.IGNORECASE)
# who asked the questions of an interview, on a line of its own
_INTERVIEWER_RE = re.compile(
    r"(?:беседовал[аи]?|интервью (?:взял[аи]?|записал[аи]?|подготовил[аи]?)|interview(?:ed)? by"
    r"|text by:?)\s+(?-i:[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){0,2})\.?",
    re.IGNORECASE,
)
_INTERVIEWER_FIRST = frozenset(["бесе", "инте", "inte", "text"])
# The writer's note under an article: "Ulviyya Gasimova is a journalist based in Baku."
_AUTHOR_NOTE_RE = re.compile(
    r"(?-i:[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}) is (?:an?|the) (?:[\w-]+ ){0,3}"
    r"(?:journalist|reporter|correspondent|analyst|editor|writer|researcher|fellow|contributor"
    r"|columnist|photographer|freelancer)\b[^.!?]{0,120}\b(?:based in|covering|who covers"
    r"|who writes|writes about|reports? (?:on|from)|for|at)\b.{0,300}$",
    re.IGNORECASE,
)
# Every line the patterns take is short, but the notice of a "foreign agent"
_SHORT = 400
_NOTICE_LENGTH = 900


def is_metadata_line(line: str) -> bool:
    """Whether a stripped line is a timestamp, a count or a database's field.

    Examples
    --------
    >>> is_metadata_line("08.12.2026 | 14:05"), is_metadata_line("Updated: Dec. 9, 2026")
    (True, True)
    >>> is_metadata_line("872 просмотра"), is_metadata_line("Load-Date: December 9, 2026")
    (True, True)
    >>> is_metadata_line("On December 8, 2026, Armenia froze its membership.")
    False
    """
    if len(line) > 120 or line[0].islower():
        return False
    stamp = _STAMP_RE.fullmatch(line)
    if stamp is not None:
        return stamp["label"] is not None or _STAMPED_RE.search(line) is not None
    if _METADATA_RE.fullmatch(line) is not None:
        return True
    field = _FIELD_RE.fullmatch(line)
    return field is not None and not (field["byline"] or field["notice"])


def _reason(line: str, tail: bool, factiva: bool = False) -> str | None:
    """The reason to remove a stripped line at an edge of a text, or None to keep it.

    ``factiva`` says that the text holds a Factiva record, whose field codes are taken.
    """
    if factiva and (m := _FACTIVA_RE.fullmatch(line)) is not None:
        return "byline" if m["byline"] else "metadata"
    if line.startswith(("http://", "https://")) and " " not in line:
        return "metadata"  # a link on its own line
    if (
        len(line) <= 160
        and line[:3] in ("By ", "by ", "BY ")
        and _BY_STAMP_RE.fullmatch(line) is not None
        and _STAMPED_RE.search(line) is not None
    ):
        return "byline"
    if line[0].islower():  # a hard-wrapped paragraph goes on
        return None
    if (
        len(line) <= 120
        and line[:4].lower() in _NAVIGATION_FIRST
        and _NAVIGATION_RE.fullmatch(line)
    ):
        return "boilerplate"
    if (
        len(line) <= 500
        and (":" in line[:40] or line[:4].lower() in _FIELD_OPENERS)
        and (m := _FIELD_RE.fullmatch(line)) is not None
    ):
        return "byline" if m["byline"] else "boilerplate" if m["notice"] else "metadata"
    size = len(line)
    if _NOTICE_MIN <= size <= _NOTICE_LENGTH and _NOTICE_HINT_RE.search(line) is not None:
        if _NOTICE_RE.fullmatch(line) is not None:
            return "boilerplate"
    if size <= 80 and line[:4].lower() in _INTERVIEWER_FIRST and _INTERVIEWER_RE.fullmatch(line):
        return "byline"  # "Беседовал Армен Галстян", "Interview by Jane Doe"
    if size > _SHORT:
        return None
    if (
        size <= _STAMP_LENGTH
        and (line[0].isdigit() or line[:3].lower() in _STAMP_OPENERS)
        and _STAMP_HINT_RE.search(line) is not None
        and is_metadata_line(line)
    ):
        return "metadata"
    if ":" in line[:30] and _TAGS_RE.fullmatch(line) is not None:
        return "metadata"
    if not tail:
        return None
    line = line.lstrip("-–—•* ") or line  # "--With assistance from …", "• This article was …"
    if _APPEAL_RE.match(line) is not None:
        return "boilerplate"
    if "lease" in line and _PLEASE_RE.search(line) is not None:
        return "boilerplate"
    if " is " in line and _AUTHOR_NOTE_RE.match(line) is not None:
        return "byline"
    return None


def _lines_from_start(text: str, skip: dict[int, str], limit: int):
    """``(start, stripped line)`` of the first ``limit`` non-empty lines not in ``skip``."""
    seen, start, size = 0, 0, len(text)
    while seen < limit and start <= size:
        end = text.find("\n", start)
        end = size if end == -1 else end
        line = text[start:end].strip()
        if line and start not in skip:
            seen += 1
            yield start, line, end
        start = end + 1


def edge_lines(text: str, skip: dict[int, str], *, lines: int = EDGE_LINES) -> dict[int, str]:
    """The lines of page furniture at the head and the tail of ``text``: ``{start: reason}``.

    The head is read from the first line down, for timestamps, counts, a database's fields,
    tags and notices (reason ``"metadata"``, or ``"boilerplate"`` for a notice), up to
    ``lines`` non-empty lines and never into the body (a paragraph after one that ended a
    sentence, or a line that goes on in lower case on the next). The tail is read from the
    last line up, for these and for appeals for support and their buttons, and ends at the
    first line that is none of them. Lines in ``skip`` (already removed) are passed over.

    Examples
    --------
    >>> text = ("Anahit Sargsyan\\nDecember 8, 2026\\n\\nArmenia said no.\\n\\n"
    ...         "Tags: Armenia, CSTO\\nSupport independent journalism. Donate")
    >>> sorted(edge_lines(text, {}).items())
    [(16, 'metadata'), (52, 'metadata'), (72, 'boilerplate')]
    """
    found = head_edges(text, skip, lines=lines)
    found.update(tail_edges(text, {**skip, **found}))
    return found


def factiva_markers(text: str) -> dict[int, str]:
    """The lines "LP" and "TD" of a Factiva record (lead paragraph, text), wherever they are."""
    if not _has_factiva(text):
        return {}
    return {m.start(): "metadata" for m in _MARKER_RE.finditer(text)}


def head_edges(text: str, skip: dict[int, str], *, lines: int = EDGE_LINES) -> dict[int, str]:
    """The head's part of :func:`edge_lines`."""
    found: dict[int, str] = {}
    closed = False  # whether a sentence has ended: the body may have begun
    factiva = None
    plain = 0  # lines in a row that are none of the furniture
    unclosed: list[int] = []  # the short lines without a stop that are none of it
    record = False  # whether the head is a database's record ("Length: 318 words", "Body")
    for start, line, end in _lines_from_start(text, skip, lines):
        if closed and text[start - 2 : start] == "\n\n":
            break  # a paragraph after one that ended a sentence: the body
        if factiva is None and _may_be_code(line):
            factiva = _has_factiva(text)
        reason = _reason(line, tail=False, factiva=bool(factiva))
        if reason is not None and not _goes_on(text, start, line, {**skip, **found}):
            found[start] = reason
            plain = 0
            record = record or _RECORD_RE.fullmatch(line) is not None
        elif text[end + 1 : end + 2].islower() and not text.startswith(_LOWER_HEADS, end + 1):
            break  # a hard-wrapped paragraph: the body has begun
        else:
            closed = closed or line[-1] in ".!?…"
            plain += 1
            if len(line) <= 100 and line[-1] not in ".!?…:":
                unclosed.append(start)
            if plain > _PLAIN_RUN:
                break  # headline, standfirst, caption and more: the body, or a table
    if record and found:  # the record's own lines above its fields, all but its title
        last = max(found)
        found.update((start, "metadata") for start in unclosed[1:] if start < last)
    return found


def tail_edges(text: str, skip: dict[int, str], *, lines: int = TAIL_LINES) -> dict[int, str]:
    """The tail's part of :func:`edge_lines`: lines in ``skip`` are passed over, and the
    reading stops at one of them that is the head's (a short text)."""
    found: dict[int, str] = {}
    factiva = None
    seen, end = 0, len(text)
    while seen < lines and end >= 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if not line:
            continue
        seen += 1
        if start in skip:
            if skip[start] in ("metadata",) and start < len(text) // 2:
                break
            continue
        if "/" in line and _INITIALS_RE.fullmatch(line) and _after_sentence(text, start):
            found[start] = "boilerplate"  # the editors' initials: "im/dc/rlp", "mk/wd (AFP)"
            continue
        if factiva is None and _may_be_code(line):
            factiva = _has_factiva(text)
        reason = _reason(line, tail=True, factiva=bool(factiva))
        if reason is None or _goes_on(text, start, line):
            break
        found[start] = reason
    return found


_INITIALS_RE = re.compile(r"[a-z]{2,4}(?:/[a-z]{2,4}){1,4}(?: \([A-Z][^()]{1,40}\))?")
# Lines of a head that start in lower case: "by Kateryna Hrytsenko", a link
_LOWER_HEADS = ("by ", "http://", "https://")
# A timestamp with a time or a label is one even right under a line of text
_TIMED_RE = re.compile(
    rf"\d[:.]\d\d|{_LABEL}|\||\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\b", re.IGNORECASE
)


def _after_sentence(text: str, start: int) -> bool:
    """Whether the line at ``start`` follows a blank line or a line that ends a sentence."""
    if start < 2 or text[start - 2] == "\n":
        return True
    return text[: start - 1].rstrip()[-1:] in (".", "!", "?", '"', ")", "…")


#: How many lines in a row of a head may be none of the furniture before the reading stops
_PLAIN_RUN = 4


def _may_be_code(line: str) -> bool:
    """Whether a line starts like one of Factiva's field codes ("SN …", "LP")."""
    return line[:2].isupper() and (len(line) <= 3 or line[2] == " " or line[3:4] == " ")


def _has_factiva(text: str) -> bool:
    """Whether ``text`` holds the field codes of a Factiva record ("SN", and "PD" or "LA")."""
    return "\nSN " in text and ("\nPD " in text or "\nLA " in text or "\nAN Document" in text)


def _goes_on(text: str, start: int, line: str, removed: dict[int, str] | None = None) -> bool:
    """Whether the date ``line`` at ``start`` ends a hard-wrapped paragraph: the line right
    above it is long, stops without a full stop, and is not a paragraph of one line (a
    headline) ("… paid\nJune 20, 1986")."""
    if start < 2 or text[start - 2] == "\n" or _TIMED_RE.search(line) is not None:
        return False
    if _STAMP_RE.fullmatch(line) is None:
        return False  # a count or a field, not a date a sentence may end with
    above_start = text.rfind("\n", 0, start - 1) + 1
    if above_start < 2 or text[above_start - 2] == "\n":
        return False  # the line above is a paragraph of its own: a headline
    if removed and text.rfind("\n", 0, above_start - 1) + 1 in removed:
        return False  # the line above stands under a removed one: a headline
    above = text[above_start : start - 1].rstrip()
    return len(above) >= 40 and (above[-1].isalnum() or above[-1] in ",;")


_NAME_WORD = r"(?-i:[A-ZА-ЯЁ][a-zа-яё'’]+(?:-[A-ZА-ЯЁ]?[a-zа-яё'’]+)?)"
# A byline in a page's head: a bare name ("Anahit Sargsyan"), "Written by …", "by …", a
# staff line ("ASBAREZ STAFF", "Staff writer"), the BBC's "Автор,…" and "Должность,…"
_HEAD_BYLINE_RE = re.compile(
    rf"{_NAME_WORD}(?: (?:[A-ZА-ЯЁ]\. )?{_NAME_WORD}){{1,2}}"
    r"|(?:written |words |text )?by [A-ZА-ЯЁ][\w.'’-]+(?: [A-ZА-ЯЁ][\w.'’-]+){1,3}"
    r"(?:(?:,| and| и) [A-ZА-ЯЁ][\w.'’-]+(?: [A-ZА-ЯЁ][\w.'’-]+){1,3}){0,3}"
    r"|(?:[A-ZА-ЯЁ][\w.-]+ )?(?:staff|staff (?:writer|reporter)|редакция|newsroom)"
    r"|(?-i:[A-ZА-ЯЁ][A-ZА-ЯЁ.-]+(?: [A-ZА-ЯЁ][A-ZА-ЯЁ.-]+)?) (?-i:STAFF|NEWSROOM)"
    r"|(?:корреспондент|обозреватель|редактор|correspondent|reporter|editor)\b[^.!?]{0,80}"
    r"|[\w ,-]{0,60}\b(?:correspondent|reporter|editor)(?: in [A-Z][\w-]+)?"
    # "Polina Ivanova in Yerevan", "Kate Connolly in Berlin and Luke Harding in Kyiv"
    rf"|{_NAME_WORD} {_NAME_WORD} in [A-Z][\w-]+(?: and {_NAME_WORD} {_NAME_WORD} in [A-Z][\w-]+)?"
    r"|(?:автор|должность|author|role)\s?,\s?[^\W\d_][^.!?]{0,80}",
    re.IGNORECASE,
)
# The BBC's scraped captions: "Автор фото,Getty Images", "Image caption, …"
_HEAD_CAPTION_RE = re.compile(
    r"(?:автор фото|подпись к фото|image source|image caption|фото|photo)\s?,\s?[^\n]{1,200}",
    re.IGNORECASE,
)
_BLOCK_LINES = 8
# A line that ends with a date and its year: "… in Yerevan on December 7, 2026"
_DATED_END_RE = re.compile(rf"\b(?:{DATE_PATTERN})[^\S\n]*$", re.IGNORECASE)
_YEAR_END_RE = re.compile(r"(?:19|20)\d\d(?:\s?(?:г\.|года?))?$")


def head_block(text: str, drops: dict[int, str]) -> dict[int, str]:
    """The bylines and credits of a page's head that no dateline follows: ``{start: reason}``.

    The head is the first block of lines (up to the first blank line, at most eight). It is
    read only when it shows itself to be a head: one of its lines is already removed as
    metadata, a byline or a caption, or is a credit line. Then its bylines (a bare name, "by
    …", a staff line) and credits are taken; the headline and any other line stay.

    Examples
    --------
    >>> text = "Armenia freezes its CSTO role\\nAnahit Sargsyan\\nDecember 8, 2026\\n\\nBody."
    >>> head_block(text, {46: "metadata"})
    {30: 'byline'}
    >>> head_block("Armenia freezes\\nAnahit Sargsyan\\n\\nBody.", {})  # no sign of a head
    {}
    """
    lines, start, size = [], 0, len(text)
    while start < size and len(lines) <= _BLOCK_LINES:
        end = text.find("\n", start)
        end = size if end == -1 else end
        line = text[start:end].strip()
        if not line:
            if lines:
                break
        elif lines and line[0].islower() and not line.startswith(_LOWER_HEADS):
            return {}  # a hard-wrapped paragraph, not a head
        else:
            lines.append((start, line))
        start = end + 1
    if not 2 <= len(lines) <= _BLOCK_LINES or start >= size:
        return {}  # no block, or no body after it
    evidence = any(drops.get(s) in ("metadata", "byline", "caption") for s, _ in lines)
    found = {}
    for s, line in lines:
        if s in drops or len(line) > 200:
            continue
        if _HEAD_CAPTION_RE.fullmatch(line) or (
            (line[-1] == ")" or "/" in line) and is_head_caption(line)
        ):
            found[s] = "caption"
            evidence = True
        elif is_byline(line) or _HEAD_BYLINE_RE.fullmatch(line):
            found[s] = "byline"
        elif (
            s != lines[0][0]
            and is_open_short(line)
            and _YEAR_END_RE.search(line)
            and _DATED_END_RE.search(line)
        ):
            found[s] = "caption"  # "Protest in Tbilisi, 5 December 2026": a photo's caption
    # what a credit describes stands right above it: "Border post «Upper Lars»" over
    # "Erik Romanenko / TASS"; never the block's first line (the headline)
    for (s, line), (below, _) in zip(lines[1:], lines[2:], strict=False):
        credit = found.get(below) == "caption" or drops.get(below) in ("caption", "boilerplate")
        if credit and s not in drops and s not in found and is_open_short(line):
            found[s] = "caption"
    return found if evidence else {}
