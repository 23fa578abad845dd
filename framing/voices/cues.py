"""The attribution cues of English and Russian: the words, their kinds, one regex per language.

A cue is a word or phrase that attributes speech or a term to someone. Three kinds:

* :data:`SPEECH`: said, told, added, warned, denied, rejected, ruled out …; заявил, сказал,
  отметил, подчеркнул, считает, уверен, отверг, опроверг, исключил …;
* :data:`TERM`: described … as, called, dubbed, labelled, so-called; назвал, охарактеризовал,
  так называемый;
* :data:`ACCORDING`: according to; по словам, по мнению, по данным, по информации, по
  версии, согласно заявлению.

:data:`CUE_RE` finds them (case-sensitively: "According to" and "По словам" are listed in
their sentence-initial form too) and :data:`CUE_KINDS` gives each one's kind. Which
occurrences are attributions, and whose, is :mod:`framing.voices.speakers`' business.
"""

from __future__ import annotations

import re

from .roles import ROLE_THEN_NAME_RE

__all__ = [
    "SPEECH", "TERM", "ACCORDING", "CUE_KINDS", "CUE_RE",
    "ROLES", "RU_ROLES", "FEMALE_WORDS", "MALE_WORDS", "ORG_HEADS",
    "EN_STOP", "EN_SKIP", "RU_STOP", "RU_SKIP", "RU_DATIVES", "NAME_TITLES",
    "PRONOUNS", "OFFICES", "RU_DOCUMENTS", "RU_FRONTED_DOCUMENT", "ABOUT_REACH", "ABOUT_THIS_RE", "EN_PLURAL", "RU_CHIEFS", "RETROSPECTIVE", "NP_LINKS", "RELATIVE_RE", "TIME_RE", "TIME_WORDS", "NOUN_BEFORE_RE", "SETTING_RE", "TITLE_LINKS", "ORG_ANAPHORS", "gender_of", "tells_again", "verb_gender", "FIRST_PERSON", "RU_NOT_SPEAKERS", "RU_INSTITUTIONS", "AUXILIARIES", "TITLES", "NAME_STOP",
]  # fmt: skip

SPEECH, TERM, ACCORDING = "speech", "term", "according"

_EN_SPEECH = (
    "said says say told tells added adds noted notes warned warns stressed stresses insisted "
    "insists argued argues wrote writes tweeted tweets explained explains asked replied declared "
    "announced claimed claims stated continued recalled suggested admitted acknowledged "
    "emphasized emphasised underlined underscored commented remarked concluded urged vowed "
    "predicted cautioned complained posted reiterated accused accuses believes reported confirmed "
    "denied threatened promised joked conceded observed countered shouted wondered "
    "estimated responded answered rejected rejects dismissed dismisses assured assures "
    "reaffirmed pledged pledges speculated signaled signalled informs highlighted highlights "
    "thinks voiced maintained conceded informed asks reckons reckoned counters retorted reads"
).split()
#: plural present forms ("analysts warn that", "officials fear a collapse"); each may be a
#: noun after a determiner ("the fear"), which CueList checks as it does "claims"
EN_PLURAL = (
    "warn argue insist believe fear fears feared worry worries expect expects expected deny "
    "denies claim contend contends maintain maintains acknowledge admit stress note suggest "
    "predict concede tell"
).split()
# denials and rulings out report their object ("denied the charge", "отверг обвинения")
_EN_PHRASES = [
    "pointed out", "points out", "shot back", "fired back", "put it", "puts it", "quoted", "cited", "ruled out", "rules out", "summed up", "expressed",
    "speaks of", "spoke of", "speaks about", "spoke about", "speak of", "speak about",
    "talk up", "talks up", "talked up",
] + [
    f"{verb} {view}"  # a stated view, as "считает", "уверен": "is convinced that …"
    for verb in ("is", "was", "are", "were", "remains", "remained")
    for view in ("convinced", "confident")
]  # fmt: skip
# cues that look back at the quotes before them ("…” ¶ X made the remarks on Friday.)
RETROSPECTIVE = [
    f"{verb} {det} {noun}"
    for verb in ("made", "makes")
    for det in ("the", "his", "her", "their", "these", "those")
    for noun in ("remarks", "comments", "statement")
]
_EN_PARTICIPLES = (
    "adding saying warning noting stressing insisting arguing telling citing writing claiming "
    "urging accusing recalling explaining suggesting acknowledging promising vowing declaring "
    "asserting emphasizing emphasising underlining reiterating"
).split()
_EN_TERM = "describe described describes describing dubbed labelled labeled termed branded".split()
_RU_PAST_STEMS = (
    "заяви сказа отмети подчеркну добави сообщи поясни указа призна замети написа напомни "
    "констатирова предупреди уточни подтверди ответи рассказа объясни обвини пообеща "
    "повтори завери исключи отрица допусти говори высказа изложи настоя предположи доложи "
    "отреза заявля сообща отмеча подчеркива утвержда настаива предупрежда указыва объясня "
    "напомина признава возрази повторя призва потребова пригрози объяви информирова "
    "раскритикова спрогнозирова прогнозирова спроси воскликну переспроси"
).split()
_RU_IRREGULAR = (
    "отверг отвергла отвергли отвергло опроверг опровергла опровергли опровергло "
    "ограничился ограничилась ограничились"  # "ограничился тем, что …": all he said
    " признался призналась признались признается признаётся"
    " предостерег предостерегла предостерегли предостерегло предостерегает предостерегают"
    " выразился выразилась выразились высказался высказалась высказались"
    " писал писала писали"  # "Ранее Financial Times писала, что …"
).split() + [  # "продолжает настаивать, что …"
    f"{verb} {infinitive}"
    for verb in ("продолжает", "продолжают", "продолжал", "продолжала", "продолжали")
    for infinitive in ("настаивать", "утверждать", "заявлять", "говорить", "считать", "уверять")
]
# not "передает": "передает ТАСС", "как передает корреспондент" name the outlet that relays
_RU_PRESENT = (
    "заявляет заявляют говорит говорят отмечает отмечают подчеркивает подчёркивает считает "
    "считают пишет сообщает сообщают полагает уверен уверена цитирует "
    "объясняет замечает добавляет указывает поясняет уточняет признает признаёт напоминает "
    "констатирует предупреждает рассказывает отвечает уверяет утверждает утверждают полагают "
    "уверены убежден убеждена убеждены отрицает отрицают отвергает отвергают опровергает "
    "признают предупреждают подчеркивают подчёркивают напоминают поясняют уточняют исключает "
    "допускает настаивает настаивают отмечают указывают отрицают предполагает предполагают "
    "вспоминает рассказывает информирует информируют прогнозирует прогнозируют спрашивает "
    "исключают "
    "переспрашивает отвечают уверяют"
).split()
# stated views and complaints ("опасаются, что", "выразил надежду, что", "не исключил, что")
_RU_VIEWS = (
    (
        "опасается опасаются опасался опасалась опасались жалуются жалуется пожаловался "
        "пожаловалась пожаловались сетует сетуют посетовал посетовала посетовали надеется "
        "надеются рассчитывает рассчитывают рассчитывал рассчитывала рассчитывали "
        "думает думают думал думала думали ожидает ожидают ожидал ожидала ожидали"
    ).split()
    + [
        f"не {verb}"
        for verb in (
            "сомневается",
            "сомневаются",
            "сомневался",
            "сомневалась",
            "сомневались",
            "скрывает",
            "скрывают",
            "скрывал",
            "скрывала",
            "скрывали",
        )
    ]  # fmt: skip
    + [f"{verb} к выводу" for verb in ("пришел", "пришёл", "пришла", "пришли", "приходят")]
    + [f"{verb} внимание на то" for verb in ("обратил", "обратила", "обратили", "обращает")]
    + [
        f"{verb} {noun}"
        for verb in ("выразил", "выразила", "выразили", "выразило", "выражает", "выражают")
        for noun in (
            "надежду",
            "уверенность",
            "опасение",
            "опасения",
            "сомнение",
            "сожаление",
            "протест",
            "решительный протест",
            "обеспокоенность",
            "недовольство",
        )
    ]
    + ["сходятся во мнении", "сошлись во мнении"]
)
#: the cues of a view held, not of words said ("опасается", "надеется"): a view inside
#: what a later speech cue reports does not take the report over
VIEWS = frozenset(_RU_VIEWS)
#: "…, говорится в сообщении ведомства": the document's author speaks (the words after it)
RU_DOCUMENTS = [
    f"говорится в {noun}"
    for noun in ("сообщении", "заявлении", "комментарии", "документе", "опросе", "исследовании",
                 "обзоре", "пресс-релизе", "коммюнике", "письме",
                 "докладе", "отчете", "отчёте", "тексте", "обращении", "релизе", "публикации")
]  # fmt: skip
#: "В заявлении МИД говорится, что …": the document before the cue speaks
RU_FRONTED_DOCUMENT = "говорится"
_RU_TERM = (
    "назвал назвала назвали назвало называет называют называл называла называли "
    "охарактеризовал охарактеризовала "
    "охарактеризовали охарактеризовало "
    # "оценил риск как умеренный", "расценили заявление как эскалацию": a judgement named
    "оценил оценила оценили оценило оценивает оценивают "
    "расценил расценила расценили расценило расценивает расценивают "
    "описывают описывает описал описала описали"
).split()

#: Russian gerunds of speech: no subject of their own ("…, — добавила она, отметив, что …")
RU_GERUNDS = frozenset(
    "отметив подчеркнув заявив добавив напомнив указав признав предупредив уточнив пояснив "
    "сообщив констатировав выразив призвав пообещав назвав обвинив".split()
)
_RU_SO = ["так называем" + e for e in "ый ая ое ые ого ой ых ому ым ую ыми".split()]


# "по словам X", "согласно заявлению МИД": the speaker follows
_RU_ACCORDING = (
    (
        "по словам|по мнению|по данным|по информации|по оценке|по оценкам|по сведениям|"
        "по утверждению|по версии|с точки зрения"
    ).split("|")
    + [f"согласно {w}" for w in ("заявлению", "данным", "информации", "сообщению", "оценке")]
    + [f"следует из {w}" for w in ("заявления", "сообщения", "документа", "доклада", "отчета")]
)


def _cue_kinds(lang: str) -> dict[str, str]:
    """Every cue word or phrase of a language and its kind (SPEECH, TERM, ACCORDING)."""
    if lang == "ru":
        # "о": an institution speaks in the neuter ("сообщило правительство", "заявило МИД")
        ends = ("", "а", "и", "о")
        kinds = dict.fromkeys((s + "л" + e for s in _RU_PAST_STEMS for e in ends), SPEECH)
        kinds.update(dict.fromkeys([*_RU_VIEWS, *RU_DOCUMENTS, RU_FRONTED_DOCUMENT], SPEECH))
        kinds.update(dict.fromkeys(_RU_PRESENT + _RU_IRREGULAR, SPEECH))
        kinds.update(dict.fromkeys(RU_GERUNDS, SPEECH))
        kinds.update(dict.fromkeys(_RU_TERM + _RU_SO + ["назвав"], TERM))
        kinds.update(dict.fromkeys(_RU_ACCORDING, ACCORDING))
        kinds.update(
            dict.fromkeys(
                (
                    f"по {p} {w}"
                    for p in ("его", "её", "ее", "их")
                    for w in ("словам", "мнению", "оценке")
                ),
                ACCORDING,
            )
        )
    else:
        kinds = dict.fromkeys(
            _EN_SPEECH + EN_PLURAL + _EN_PARTICIPLES + _EN_PHRASES + RETROSPECTIVE, SPEECH
        )
        kinds.update(
            dict.fromkeys(
                _EN_TERM
                + ["called", "calls", "calling", "call", "so-called", "referred to"]
                + [
                    f"{v} the term" for v in ("used", "uses", "use", "using")
                ],  # "used the term “…”"
                TERM,
            )
        )
        kinds["according to"] = ACCORDING
        views = [f"in the {w} of" for w in ("view", "opinion", "words")]  # "In his words, …"
        views += [f"in {p} {w}" for p in ("his", "her", "their") for w in ("view", "words")]
        kinds.update(dict.fromkeys(views, ACCORDING))
    # the cues that start sentences also in their capitalized form
    for phrase in [
        k
        for k in kinds
        if k.startswith(("according", "so-", "по ", "так ", "in ", "согласно ", "с "))
    ]:
        if phrase in kinds:
            kinds[phrase[0].upper() + phrase[1:]] = kinds[phrase]
    return kinds


def _trie(words) -> str:
    """A regular expression matching any of ``words``, as a trie (a letter tested once)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        alternatives = [re.escape(c) + build(node[c]) for c in sorted(node) if c]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)


#: Every cue of each language ("en", "ru") and its kind.
CUE_KINDS = {lang: _cue_kinds(lang) for lang in ("en", "ru")}
# Case-sensitive and one trie behind one \b: Python's re scans a text several times faster
# so than with IGNORECASE or a flat alternation (what a cue costs on a large corpus).
#: One regular expression per language that finds its cues.
CUE_RE = {lang: re.compile(r"\b" + _trie(kinds) + r"\b") for lang, kinds in CUE_KINDS.items()}

# the role nouns a generic anaphor ("the official") may stand for
ROLES = (
    "official representative spokesman spokeswoman spokesperson minister diplomat officer envoy "
    "ambassador aide secretary president premier chief head source leader diplomat analyst expert "
    "chancellor lawmaker legislator senator negotiator economist politician activist lawyer "
    "commander governor mayor professor researcher editor"
).split()
RU_ROLES = (
    "министр", "глав", "президент", "премьер", "представител", "пресс-секретар", "посол", "посл",
    "дипломат", "спикер", "депутат", "эксперт", "политолог", "собеседник", "источник", "чиновник",
    "генсек", "руководител", "председател", "лидер",
)  # fmt: skip

FEMALE_WORDS = frozenset(
    "ms ms. mrs mrs. madam spokeswoman chairwoman woman maria anna olga elena yelena irina "
    "tatiana tatyana natalia natalya svetlana marina ekaterina yekaterina valentina lyudmila "
    "victoria ursula angela kaja kamala hillary nancy mary sarah theresa annalena liz "
    "мария анна ольга елена ирина татьяна наталья светлана марина екатерина валентина людмила "
    "жительница журналистка активистка правозащитница пенсионерка студентка учительница "
    "депутатка женщина госпожа salome maia maya nino tamar tamara ani anahit lilit gayane zara "
    "lusine mariam kristina yulia iryna olena oksana hanna ketevan khatia саломе майя майя нино "
    "тамар тамара ани анаит лилит гаяне зара лусине мариам кристина юлия карине сирануш "
    "нигина marta catherine kristalina mette giorgia roberta ylva hadja".split()
)
# men's first names common in this news (a pronoun's gender is checked against them)
MALE_WORDS = frozenset(
    "mr mr. spokesman chairman man nikol ararat armen tigran levon serzh vahagn ruben arman "
    "hayk gagik davit giorgi irakli bidzina mikheil zurab kakha levan ilham hikmet jeyhun "
    "kassym kasym shavkat sadyr emomali vladimir sergei sergey dmitry dmitri mikhail alexei "
    "alexey alexander andrei andriy volodymyr dmytro petro oleksandr viktor recep hakan "
    "emmanuel olaf friedrich donald antony jens josep keir boris igor yuri nikolai rustem "
    "никол арарат армен тигран левон серж ваагн рубен арман айк гагик давид георгий ираклий "
    "бидзина михаил зураб ильхам хикмет джейхун касым шавкат садыр эмомали владимир сергей "
    "дмитрий алексей александр андрей петр виктор реджеп хакан эммануэль олаф фридрих дональд "
    "вадим игорь юрий николай рустем мгер арцвик ишхан константин павел иван олег евгений "
    "денис антон роман максим артем артём артур ашот леонид григорий борис валерий геннадий "
    "анатолий виталий станислав василий кирилл федор фёдор илья петр пётр тигран гурген "
    "konstantin pavel ivan oleg yevgeny evgeny denis anton roman maxim artur ashot leonid "
    "grigory valery gennady anatoly vitaly kirill fyodor ilya peter péter robert richard john "
    "james michael mark thomas charles jean pierre antonio pedro mario marco rishi joe".split()
)
ORG_HEADS = frozenset(
    "agency ministry office service newspaper paper website outlet channel government committee "
    "statement kremlin tass interfax reuters ap afp azatutyun rbk ria council bloc organization "
    "organisation csto nato eu un department report media agency's "
    "агентство министерство ведомство издание пресс-служба мид кремль тасс интерфакс риа рбк "
    "правительство газета телеканал сайт "
    # the heads of the names of institutions (European Community, Caucasus Policy Lab)
    "community union party bank university institute center centre forum lab laboratory "
    "foundation fund commission association group company corporation corp inc ltd plc llc co "
    "ag nv holdings industries bancorp parliament military forces navy cabinet secretariat "
    "assembly court embassy army police times post news press journal herald "
    "союз партия банк университет институт центр фонд комиссия компания посольство суд "
    "парламент ассамблея совет "
    # capitals and states that speak for their governments ("Moscow had ruled out"): no "he"
    "moscow yerevan kyiv kiev baku tbilisi washington brussels beijing london paris berlin "
    "ankara tehran minsk astana bishkek tashkent dushanbe chisinau russia armenia azerbaijan "
    "ukraine iran turkey china москва москвы ереван еревана киев киева баку тбилиси вашингтон "
    "вашингтона брюссель брюсселя пекин пекина анкара анкары тегеран тегерана минск минска "
    "астана астаны бишкек бишкека ташкент ташкента душанбе кишинев кишинева россия россии "
    "армения армении азербайджан азербайджана украина украины".split()
)

# the words that end a speaker's phrase, and the adverbs between a speaker and the cue
EN_STOP = frozenset(
    "that which who whom whose and but or nor when while as in on at for with by from to after "
    "although though unless whereas until so yet "
    "before during since because if this these those is was were are be been being has have had "
    "not also reportedly yesterday today tonight where than said says told adding saying "
    "later earlier then there however meanwhile speaking referring citing via what how why following "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december last next week month year".split()
)

EN_SKIP = frozenset(
    "also has had have reportedly later earlier then previously once recently further "
    "even all repeatedly publicly separately again had earlier just only long now first initially "
    "always privately openly still does did do not since would could should might must will can "
    "rightly nonetheless nevertheless instead therefore thus subsequently already".split()
) | {w.replace("'", q) for w in "don't doesn't didn't won't can't cannot".split() for q in "'’"}

RU_STOP = frozenset(
    "что и а но однако хотя зато поэтому как так в во на по при также уже ранее еще ещё это этом этого который которая которые когда если "
    "вчера сегодня накануне же не тогда затем позже об о с со к за для из от до после ходе "
    "журналистам репортерам корреспонденту корреспондентам агентству изданию телеканалу газете "
    "понедельник вторник среду четверг пятницу субботу воскресенье сейчас даже теперь ныне "
    "время".split()
)

RU_SKIP = frozenset(
    "также ранее уже вчера сегодня накануне неоднократно публично тогда затем позже вновь снова "
    "тоже открыто прямо многократно по-прежнему лишь только всего-навсего позднее потом же "
    "высоко положительно негативно резко жестко жёстко теперь сейчас".split()
)

RU_DATIVES = frozenset(
    "журналистам репортерам корреспонденту корреспондентам агентству изданию телеканалу газете "
    "радиостанции порталу нашему нашей нашим".split()
)

# the title words that may lead a name ("President Reagan", "Foreign Minister Sergei Lavrov")
NAME_TITLES = frozenset(
    "mr ms mrs dr president prime minister foreign deputy defence defense secretary general gen "
    "chancellor ambassador senator spokesman spokeswoman chairman chief first lady premier "
    "vice speaker governor mayor king queen prince princess extraordinary plenipotentiary".split()
)

# pronouns and their gender; offices and their chiefs, for anaphors ("глава МИД")
# the Russian offices known by their acronyms, as a speaker's phrase may spell them out
OFFICES = {
    "мид": ("мид", "иностранных дел"),
    "мвд": ("мвд", "внутренних дел"),
    "минобороны": ("минобороны", "обороны"),
    "минфин": ("минфин", "финансов"),
    "минэкономразвития": ("минэкономразвития", "экономического развития"),
    # the blocs whose chiefs the news names by post: "генсек ОДКБ", "глава МИД"
    "одкб": ("одкб", "коллективной безопасности"),
    "нато": ("нато", "североатлантическ"),
    "обсе": ("обсе",),
    "снг": ("снг",),
    "еаэс": ("еаэс", "евразийского экономического"),
}

RU_CHIEFS = ("глав", "министр", "руководител", "начальник", "директор", "председател")

#: the small words inside a title written before a name ("U.S. Ambassador to Armenia", "Head
#: of the Office of the President", "глава МИД по …")
TITLE_LINKS = frozenset("to of for at in the из по при".split())
#: nominal anaphors of an organisation: they stand for the last organisation that spoke
#: ("Slough Estates Plc said … The company said …"), like "it"
ORG_ANAPHORS = frozenset(
    ["the " + noun
     for noun in "company bank firm group corporation concern utility airline carrier agency "
     "board fund ministry embassy government office council alliance bloc organisation "
     "organization service commission party statement communique communiqué".split()]
    # the Russian words for "the ministry", "the embassy" in the cases a speaker takes
    + [stem + end for stem in ("ведомств", "министерств", "посольств", "дипмисси", "компани")
       for end in ("о", "а", "е", "и", "я")]
)  # fmt: skip
PRONOUNS = {
    "he": "m", "she": "f", "they": "", "it": "org", "him": "m", "her": "f", "them": "",
    "his": "m", "their": "",
    "он": "m", "она": "f", "они": "", "его": "m", "её": "f", "ее": "f", "их": "",
}  # fmt: skip

# words that are no speaker, auxiliaries, abbreviated titles, words before a name
RU_NOT_SPEAKERS = frozenset(
    "себя его её ее их это этого этом этим так то им ему ей нам вам мне".split()
)
AUXILIARIES = frozenset(
    "had has have was were is are would will could should might may must did does do can".split()
)
#: English past tenses without "-ed": a verb, so a clause ("…, came as the crisis deepened")
EN_PAST = frozenset(
    "said came went spoke met left took held made gave saw became began ran fell rose grew sent "
    "brought found kept put set won lost got struck stood sat told led flew drew broke chose "
    "wrote knew thought sought built spent paid laid shut hit cut let".split()
)
TITLES = frozenset("mr ms mrs dr rev gen col lt sgt sen gov prof maj capt st rep amb adm".split())
NAME_STOP = frozenset("the a an he she it they we".split())

# prepositions that stay inside a speaker's phrase between two words of it
NP_LINKS = frozenset("of in from at with for из от".split())

_RU_PREPOSITIONS = "с|со|в|во|на|о|об|к|ко|по|у|для|от|из|за|при|между|перед|без"
_RU_PARTICIPLE = (
    r"[а-яё]+(?:вш|ющ|ущ|ащ|ящ|енн|ённ|анн|янн)(?:ий|ая|ое|ие|его|ей|их|ые|ый|ой|ую|ими|ым)"
)
# [0]: the cue ends a clause set off by commas ("X, who …, said"; "X, с которыми …, называют");
# [1]: the cue ends a restrictive clause or opens one ("X who … said", "X, who said")
RELATIVE_RE = {
    "en": (
        re.compile(r",\s*(?:who|which)\s[^.;!?\n]{1,160}?,\s*$"),
        re.compile(r"(?:(?<=\w)\s+|,\s*)(?:who|which)\s(?:[^.;:!?,\"“”«»\n]{0,100}\s)?$"),
    ),
    "ru": (
        re.compile(
            rf",\s*(?:(?:(?:{_RU_PREPOSITIONS})\s+)?котор[а-яё]+|{_RU_PARTICIPLE})\s"
            # not across a clause of its own: "Риски, связанные с …, остаются …, а угрозы
            # нет, заявил X" attributes the sentence, whose subject has the participle
            r"(?:(?!,\s*(?:а|но|однако|и)\s)[^.;!?\n]){1,160}?,\s*(?:[—–-]\s*)?$"
        ),
        re.compile(r",\s*(?:котор(?:ый|ая|ое|ые))\s+$"),
    ),
}

# where a speaker said it, between the speaker and the cue: "в интервью РИА Новости", "в
# беседе с NEWS.am", "на брифинге", "in an interview with the BBC" (up to the cue)
SETTING_RE = re.compile(
    r"(?<=\w)\s+(?:(?:в|во|на)\s+(?:[а-яё]+(?:ом|ем|ой|ей)\s+){0,2}(?:интервью|беседе|разговоре|эфире|комментарии|ходе|"
    r"сво[её]м|соцсетях|телеграм\S*|Telegram\S*|брифинге|пресс-конференции|заявлении|"
    r"обращении|выступлении|совещании|заседании|встрече|форуме|саммите|конференции|церемонии|"
    r"переговорах|ответ\s+на|запрос|условиях\s+анонимности|(?:[а-яё]+\s+){0,3}?(?:докладе|отч[её]те|статье|колонке|"
    r"исследовании|обзоре|публикации|письме))|со\s+ссылкой\s+на|с\s+трибуны|"
    r"по\s+итогам\s+[а-яё]+|после\s+(?:переговоров|встречи|заседания|саммита|беседы|слушаний|"
    r"совещания|брифинга|визита|консультаций)|(?:in|during)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?"
    r"(?:interview|conversation|statement|briefing|speech|address|post|comments?))\b"
    r"(?:[^,;:!?«»\"“”\n.]|\.(?=\S)|«[^«»\n]{1,40}»|\"[^\"\n]{1,40}\")*$"  # "в беседе с «МК»"
)

_DAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среду|четверг|"
    "пятницу|субботу|воскресенье"
)
_RU_MONTHS = "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре"
#: the last words of the time adverbials of :data:`TIME_RE`
TIME_WORDS = frozenset(
    _DAYS.split("|")
    + _RU_MONTHS.split("|")
    + "week weekend month year morning afternoon evening night день вечер днях неделе".split()
)
TIME_RE = re.compile(  # "late last year", "earlier this week", "last night", "on Tuesday evening"
    rf"\s(?:(?:(?:late|early|earlier|later)\s+)?(?:on|last|this|late|early|earlier|later)\s+"
    rf"(?:{_DAYS}|week|weekend|month|year|morning|afternoon|evening|night)(?:\s+(?:morning|"
    rf"afternoon|evening|night))?|(?:в|во)\s+(?:{_DAYS}|{_RU_MONTHS})|(?:в|на)\s+(?:тот|этот|тот\s+же|"
    rf"этот\s+же|следующий)\s+(?:день|вечер)|на\s+днях|на\s+(?:этой|прошлой)\s+неделе)[ \t]*$",
    re.IGNORECASE,
)


# the first words of Russian institutions' names
RU_INSTITUTIONS = (
    "минобороны", "минэнерго", "минфин", "минюст", "минэконом", "минтранс", "минздрав",
    "минпромторг", "минсельхоз", "минкульт", "минобрнауки", "минцифры", "мид", "мвд",
    "посольств", "пресс-служб", "министерств", "ведомств", "правительств", "администраци",
    "генштаб", "совбез", "кремл", "дипмисси", "госдум", "минэкономразвития", "еврокомисси",
    "компани", "оперштаб", "штаб", "мэри", "прокуратур", "центробанк", "банк", "комитет",
    "комисси",  # not "парламент", "сенат": "парламентарий", "сенатор" are persons
)  # fmt: skip


def gender_of(phrase: str, gender: str, *, nominative: bool = False) -> str:
    """ "m", "f", "org" or "" for a named speaker's phrase, as far as it is written.

    ``gender`` is what the cue says (the Russian verb: заявила is "f"); ``nominative`` lets
    surname endings count (Захарова, Лавров; not Лаврова after "по словам").

    Examples
    --------
    >>> gender_of("Pavel Sokolin of the Eurasia Strategic Forum", ""), gender_of("Источник РБК", "")
    ('m', '')
    >>> gender_of("the foreign ministry", ""), gender_of("Мария Захарова", "", nominative=True)
    ('org', 'f')
    >>> gender_of("Bank of Japan governor Satoshi Sumita", ""), gender_of("Bank of Japan", "")
    ('', 'org')
    """
    written = phrase.replace("’", "'").split()
    # the head is before "of", "for", "at" …: "Pavel Sokolin of the Eurasia Forum" is a person
    cut = next((i for i, w in enumerate(written) if i and w.lower() in NP_LINKS), len(written))
    if not ROLE_THEN_NAME_RE.search(phrase) or written[-1].lower() in ORG_HEADS:
        written = written[:cut]  # not "Bank of Japan governor Satoshi Sumita" (a person)
    words = [w.lower() for w in written]
    if not words:
        return ""
    head = words[-1].removesuffix("'s")
    # a Russian phrase's head comes first: "Источник РБК", "глава МИД" are persons
    if head in ORG_HEADS and (words[0].isascii() or not words[0].startswith(RU_ROLES)):
        return "org"
    if words[0].startswith(RU_INSTITUTIONS):  # "Минобороны Армении", "Посольство России"
        return "org"
    if gender:
        return gender
    if any(w in FEMALE_WORDS for w in words):
        return "f"
    if any(w in MALE_WORDS for w in words):
        return "m"
    if nominative and not head.isascii() and written[-1][:1].isupper():
        if head.endswith(("ова", "ева", "ина", "ая", "ская")):
            return "f"
        if head.endswith(("ов", "ев", "ин", "ский")):
            return "m"  # not -ян: Armenian surnames are a man's and a woman's
    if head.isascii() and head.isalpha() and written[-1][:1].isupper():
        if head.endswith(("ova", "eva", "ina", "aya", "yova")):
            return "f"
        if head.endswith(("ov", "ev", "in", "sky", "skiy", "ovich", "yev")):
            return "m"
    return ""


# a cue word after these is a noun: "rejected claims", "the warnings", "Baku’s claims"
# (and an object's verb or adjective: "contains claims", "territorial claims", "amid fears")
NOUN_BEFORE_RE = re.compile(
    r"(?<!\w)(?i:the|his|her|its|their|these|those|such|any|no|rejected|denied|dismissed|"
    r"rejects|denies|dismisses|repeated|new|described|contain(?:s|ed)?|includes?|makes?|made|has|"
    r"have|had|renewed|territorial|false|unfounded|baseless|similar|fresh|competing|amid|"
    r"raised|raising|growing|stoked|stoking|fuell?ed|fuell?ing|sparked|sparking|eased|easing|"
    r"allayed|\w+['’]s)\s+"
    r"(?:(?:Western|Russian|American|Armenian|Azerbaijani|Georgian|Ukrainian|European|[a-z]+"
    r"(?:al|ian|ern|ese|ic))\s+)?$",  # "rejected Western claims", "the official warnings"
)


#: "Об этом заявил X." / "This was stated by X." / "Такое мнение высказал X": the text from
#: a sentence's start to its cue when the sentence before is what X said
#: characters between "Об этом" and its cue: "Об этом секретарь Совбеза Армении Армен Григорян заявил"
ABOUT_REACH = 110
ABOUT_THIS_RE = re.compile(
    r"(?:(?:Об этом|Такое мнение|Такую оценку|Такой прогноз)(?:\s+[\w.«»\"-]+){0,7}"
    r"|Так|(?:This was|That was|It was)(?:\s+\w+){0,2})\s+$"  # "Так считает X."
)


FIRST_PERSON = frozenset("i we me us я мы".split()) | {"let me", "let us", "let's", "let’s"}
# what a first person thinks or fears is a view of the writer's own, not speech reported
_VIEWS_PAST = frozenset("believed feared expected worried suspected".split())


def tells_again(cue_text: str, kind: str) -> bool:
    """Whether a first person with this cue reports what was said before ("I stressed that
    …", "We reiterated …", "Мы заявили"): a speech verb in the past. What one says now, calls
    something or thinks ("I say again", "I call it a war", "I believe") is the writer's own.

    Examples
    --------
    >>> tells_again("stressed", SPEECH), tells_again("сказала", SPEECH)
    (True, True)
    >>> tells_again("say", SPEECH), tells_again("believed", SPEECH), tells_again("call", TERM)
    (False, False, False)
    >>> tells_again("asked", SPEECH)
    False
    """
    word = cue_text.split()[0].lower()
    if kind != SPEECH or word in _VIEWS_PAST or word in ("asked", "спросил", "спросила"):
        return False  # "When I asked whether …, she laughed. “…”": the answer is not mine
    return word in ("said", "told", "wrote") or word.endswith(("ed", "л", "ла", "ли", "ло"))


def verb_gender(cue_text: str, lang: str) -> str:
    """The speaker's gender as a Russian verb tells it (заявила: "f"), else ""."""
    if lang != "ru":
        return ""
    word = cue_text.lower()
    return (
        "f" if word.endswith(("ла", "уверена")) else "m" if word.endswith(("л", "уверен")) else ""
    )
