"""The rulings_ages component: ages with their subject, statutory brackets, and dates.

Stated ages ("de toen 15-jarige aangeefster", "een meisje van 14 jaar", "[slachtoffer] was toen
zestien jaar oud") become AgeMention(kind="stated") with the person the sentence gives them to. The
statutory phrase "de leeftijd van twaalf jaren maar nog niet die van zestien jaren" is a legal
bracket (value 12, upper 16), not the victim's real age, and an age someone claimed or believed
("zij zei dat zij 18 was", "zich voordeed als 18-jarige") is kind "claimed". Birth dates and the
dates of the act are kept on the Doc; rulings.extract sets the one against the other for the
whole ruling, since the charge and the birth date often stand in different sections.
"""

from __future__ import annotations

import re
from typing import Any, Final

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from rulings.models import AgeMention, Subject
from rulings.nlp.dates import birth_dates, event_dates, month_number, offence_dates
from rulings.nlp.extensions import evidence, make_ruler
from rulings.nlp.numbers import parse_number

_ADJECTIVE = re.compile(r"^(.+?)-?jarig(?:e|en)?$|^(.+)-$")
_SLASH = re.compile(r"^(\d{2})/(\d{2})-jarig")
_SUBJECTS = {
    "victim": Subject.VICTIM,
    "victim-pronoun": Subject.VICTIM,
    "suspect": Subject.SUSPECT,
    "suspect-pronoun": Subject.SUSPECT,
    "other": Subject.OTHER,
    "speaker": Subject.UNKNOWN,  # "ik" whose statement has no speaker the rules know
}
_NEEDS_ADJACENT = {"van-jaar", "paren"}
_OWN_SUBJECT = {"speaker", "pronoun", "inverted"}  # the span holds the person whose age it states
_PARTICIPLE = re.compile(r"^(ge|be|ver|ont|her|mee|aan|op|uit)\w+(d|t|en)$")
_NO_AGE = {"alternative"}  # "een zestien- of zeventienjarige": a class of persons
_PLURAL = {"meisjes", "jongens", "minderjarigen", "slachtoffers", "pupillen", "leerlingen"}
_GENERAL_BEFORE = {
    "op", "met", "voor", "tegen", "van", "bij", "aan", "over", "tot", "onder", "als", "uit", "door",
    "naar", "om", "in", "tussen",
}  # fmt: skip
_RELATIVE_FILLERS = {"zelf", "zelfs", "ook", "toen", "destijds", "nog", "pas"}
_AFTER_BARE = {"via", "uit", "afkomstig", "woonachtig"}  # "een meisje van veertien via ..."
_RANGE = {"tot", "à", "a", "-", "–"}  # "meisjes van 11 tot 16 jaar": a range, no one's age
_ARTICLES = {"de", "het", "een", "die", "deze"}
_THEN = {"toen", "toenmalige", "destijds", "nog", "pas", "op", "dat", "moment"}
_APPOSITION = {",", "geboren", "op", "in", "d.d.", "[", "]", "geboortedatum", "datum"}
_CLAIM_AFTER_WINDOW = 4
_CLAIM_WINDOW = 10
_SHORT_QUOTE = 6  # tokens after an age within which a short quotation closes
_QUOTES = {'"', "“", "”", "„"}  # "een gevangenisstraf van 2 jaar" is no age
_NEEDS_PERSON = {"was"}  # "de proeftijd was 2 jaar" is no age either
_MAX_AGE = 99
_TURNED_WINDOW = 3  # "nadat [slachtoffer] 18 werd"
_PARENT_LOOKBACK = 3  # sentences back a parent may be named before "haar dochter"
_NOW_WINDOW = 3  # "de thans 19-jarige", "is inmiddels 21 jaar oud"
_STATEMENT_LOOKBACK = 8  # sentences a quoted statement may run before its "ik" states an age
_AFTER_NOMINAL = {
    "die",
    "dat",
    "met",
    "en",
    "of",
    "uit",
    "van",
    "te",
    "in",
    "op",
    "aan",
    "via",
    "samen",
}


class AgeReader:
    """Finds ages, brackets, birth dates and dates of the act with the age rules."""

    def __init__(self, nlp: Language) -> None:
        self.ruler = make_ruler(nlp, "ages")

    def __call__(self, doc: Doc) -> Doc:
        self.ruler(doc)
        spans = list(doc.spans["ages"])
        doc.user_data[_NOT_PERSON_KEY] = {s.start for s in spans if s.label_ == "NOT_PERSON"}
        persons = [s for s in spans if s.label_ in ("SUBJECT", "NAMED")]
        persons = _children_of_parents(spans, persons)
        persons += _speakers(doc, spans, persons)
        subjects = sorted(persons, key=lambda s: s.start)
        found = filter_spans([s for s in spans if s.label_ in ("AGE", "BRACKET")])
        claims = _Claims(spans)
        doc._.ages = [age for span in found for age in _read_ages(doc, span, subjects, claims)]
        dates = filter_spans([s for s in spans if s.label_ == "DATE"])
        acts = offence_dates(doc, spans, dates)
        events = event_dates(doc, spans, dates)
        doc._.birth_dates = birth_dates(doc, spans, dates, subjects, _subject_of, acts + events)
        doc._.offence_dates = [period for period, _ in acts]
        doc._.event_dates = [period for period, _ in events]
        return doc


@Language.factory(
    "rulings_ages",
    assigns=["doc._.ages", "doc._.birth_dates", "doc._.offence_dates", "doc._.event_dates"],
)
def make_age_reader(nlp: Language, name: str) -> AgeReader:
    """The rulings_ages component (patterns/ages.jsonl)."""
    return AgeReader(nlp)


# --- ages -----------------------------------------------------------------------------------------


def _read_ages(doc: Doc, span: Span, subjects: list[Span], claims: _Claims) -> list[AgeMention]:
    """The ages one rule span states ("pupillen van 13 en 15 jaar" states two)."""
    if span.label_ == "BRACKET":
        bracket = _bracket(doc, span)
        return [bracket] if bracket is not None else []
    form = span.id_.split("/", 1)[0]
    if span.id_ == "list/van-en":
        form = "van-jaar"
    if form in _NO_AGE or (span.id_ == "van-jaar/bare" and not _bare_end(doc, span)):
        return []
    values = [v for v in _stated_values(span, form) if 0 < v <= _MAX_AGE]
    subject = _subject(doc, span, subjects, form) if values else None
    if subject is None or _denied(doc, span) or claims.difference(span) or claims.present(span):
        return []
    if claims.turned(doc, span):
        return []
    kind = "claimed" if claims.covers(doc, span) else "stated"
    if form == "claim-only" and kind != "claimed":
        return []  # a bare "N jaar" outside a claim is a duration
    found = evidence(doc, span.start, span.end)
    return [AgeMention(value=v, subject=subject, kind=kind, evidence=found) for v in values]


def _stated_values(span: Span, form: str) -> list[int]:
    if form == "adjective":
        matches = [m for t in span if (m := _ADJECTIVE.match(t.lower_))]
        numbers = [parse_number(m.group(1) or m.group(2)) for m in matches]
    else:
        numbers = [parse_number(t.text) for t in span if t.like_num or t.lower_.isalpha()]
    if span.id_ == "jaar-oud/en-maanden":
        numbers = [n for n in numbers if n is not None][:1]  # "17 jaar en 11 maanden oud"
    return [int(n) for n in numbers if n is not None and n == int(n)]


def _bare_end(doc: Doc, span: Span) -> bool:
    """'een meisje van zestien, dat ...' is an age; 'een moeder van twee kinderen' is not."""
    if span.end >= len(doc):
        return True
    following = doc[span.end]
    if following.lower_ in _RANGE:
        return False
    return (
        following.is_punct
        or following.is_space
        or following.is_stop
        or following.lower_ in _AFTER_BARE
    )


def _denied(doc: Doc, span: Span) -> bool:
    """'er bestond geen zestienjarig meisje': no one of that age."""
    return span.start > 0 and doc[span.start - 1].lower_ in ("geen", "nooit")


class _Claims:
    """Where an age is what someone claimed or believed ("zij zei dat zij 18 was", "zich voordeed
    als 18-jarige", a fake advertisement's quoted "zestienjarig meisje"), not the real age."""

    def __init__(self, spans: list[Span]) -> None:
        self.cues = [s for s in spans if s.label_ == "AGE_CLAIM"]
        self.after = [s for s in spans if s.label_ == "AGE_CLAIM_AFTER"]
        self.offers = [s for s in spans if s.label_ == "AGE_OFFER"]
        self.real = [s for s in spans if s.label_ == "AGE_REAL"]
        self.differences = [s for s in spans if s.label_ == "AGE_NOT"]
        self.now = [s for s in spans if s.label_ == "AGE_NOW"]
        self.turned_after = [s for s in spans if s.id_ == "turned/after"]
        self.turned_before = [s for s in spans if s.id_ == "turned/before"]

    def turned(self, doc: Doc, span: Span) -> bool:
        """'nadat zij achttien jaar was geworden', 'voordat zij 16 werd': an age reached at some
        moment, which says nothing of the age at the time of the facts."""
        sent = span.sent
        after = self.turned_after
        if any(span.end <= c.start <= span.end + 2 and c.end <= sent.end for c in after):
            return True
        return any(
            sent.start <= cue.start
            and cue.end <= span.start <= cue.end + _TURNED_WINDOW
            and not any(t.is_punct or t.lower_ in _ARTICLES for t in doc[cue.end : span.start])
            for cue in self.turned_before
        )

    def difference(self, span: Span) -> bool:
        """'het leeftijdsverschil ... was maar drie jaar': no one's age."""
        return any(span.sent.start <= d.start < span.start for d in self.differences)

    def present(self, span: Span) -> bool:
        """'de thans 19-jarige aangeefster': her age now, not at the time of the facts."""
        sent = span.sent
        return any(
            sent.start <= cue.start
            and 0 <= span.start - cue.end <= _NOW_WINDOW
            and not any(t.is_punct for t in sent.doc[cue.end : span.start])
            for cue in self.now
        )

    def covers(self, doc: Doc, span: Span) -> bool:
        sent = span.sent
        if _quoted(doc, span):
            return True
        first, last = _clause(doc, span)
        if any(span.end <= c.start < min(last, span.end + _CLAIM_AFTER_WINDOW) for c in self.after):
            return True  # "een leeftijd van 19 jaar vermeld"
        for cue in self.cues:
            if not sent.start <= cue.start < span.start:
                continue
            if cue.id_ == "claim/als":
                offered = any(first <= o.start < last for o in self.offers)
                if offered and cue.end >= span.start - 3:
                    return True
            elif cue.id_ == "claim/advert" and _about_a_person(doc, cue, span):
                continue
            elif span.start - cue.end <= _CLAIM_WINDOW and not any(
                cue.end <= r.start < span.start for r in self.real
            ):
                return True
        return False


def _about_a_person(doc: Doc, cue: Span, span: Span) -> bool:
    """'De advertentie was geplaatst door [betrokkene 1], die toen 19 jaar oud was', 'het nummer
    in de advertentie was van de 22-jarige [naam 1]': a pseudonym between the advertisement and
    the age, or right after the age, makes it that person's real age."""
    between = doc[cue.end : span.start]
    return any(t.text == "[" for t in between) or (
        span.end < len(doc) and doc[span.end].text == "["
    )


def _quoted(doc: Doc, span: Span) -> bool:
    """Whether the span stands in a short quotation within its sentence: an advertisement's or
    a profile's words ('een advertentie van een "zestienjarig meisje"'). A quoted passage, a
    statement or a lower court's reasons quoted from the start of the sentence, states ages as
    they were."""
    sent = span.sent
    marks = [t.i for t in doc[sent.start : span.start] if t.text in _QUOTES]
    if len(marks) % 2 == 0 or marks[-1] == sent.start:
        return False
    if marks[-1] > 0 and doc[marks[-1] - 1].text == ":":
        return False  # 'De moeder verklaarde: "Mijn dochter was toen vijftien."': a statement
    after = doc[span.end : min(sent.end, span.end + _SHORT_QUOTE)]
    return any(t.text in _QUOTES for t in after) or span.end + _SHORT_QUOTE > sent.end


def _clause(doc: Doc, span: Span) -> tuple[int, int]:
    sent = span.sent
    first = span.start
    while first > sent.start and doc[first - 1].text != ",":
        first -= 1
    last = span.end
    while last < sent.end and doc[last].text != ",":
        last += 1
    return first, last


def _bracket(doc: Doc, span: Span) -> AgeMention | None:
    """Statutory brackets: lower bound in value (0 when the phrase names only an upper bound,
    no upper bound when it names the day an age was reached)."""
    slash = _SLASH.match(span[0].lower_)
    if slash:
        low, high = int(slash.group(1)), int(slash.group(2)) + 1
    else:
        numbers = [int(n) for t in span if (n := _age_number(t.text)) is not None]
        if not numbers:
            return None
        if span.id_ == "bracket/bereikt":
            low, high = numbers[0], None  # turned N: at least N from that day on
        elif span.id_ in ("bracket/maar-nog-niet", "bracket/van-tot", "bracket/tussen"):
            low, high = numbers[0], numbers[-1]
        else:
            low, high = 0, numbers[-1]
    return AgeMention(
        value=low,
        subject=Subject.VICTIM,
        kind="bracket",
        upper=high,
        evidence=evidence(doc, span.start, span.end),
    )


def _age_number(text: str) -> float | None:
    if text.lower() in ("van", "de", "die", "nog", "geen"):
        return None
    value = parse_number(text)
    return value if value is not None and 0 < value <= _MAX_AGE else None


def _subject(doc: Doc, span: Span, subjects: list[Span], form: str) -> Subject | None:
    """Whose age: the person word next to it; None when the form needs one and has none."""
    sent = span.sent
    if form in _OWN_SUBJECT:
        own = [s for s in subjects if span.start <= s.start and s.end <= span.end]
        if own and _kind(own[0]) == "victim-pronoun" and _about_someone_else(doc, own[0], subjects):
            return Subject.OTHER
        return _SUBJECTS[_kind(own[0])] if own else Subject.UNKNOWN
    if form in _NEEDS_ADJACENT:
        return _adjacent_subject(doc, span, subjects)
    if form == "adjective":
        right = [s for s in subjects if s.start == span.end and s[0].text == "["]
        if right:  # "De vader van [slachtoffer], de 44-jarige [naam 2]": [naam 2]'s age
            return _SUBJECTS[_kind(right[0])]
        named = _apposed_to(doc, span, subjects)
        if named is not None:
            return _SUBJECTS[_kind(named)]
        after = [s for s in subjects if span.end <= s.start <= span.end + 2 and s.end <= sent.end]
        after = [
            s
            for s in after
            if not any(t.is_punct or t.lower_ in _ARTICLES for t in doc[span.end : s.start])
        ]  # fmt: skip  "de toen 52-jarige trainer de meisjes": not the girls' age
        if after:
            return _SUBJECTS[_kind(_named_apposition(doc, after[0], subjects))]
        if _nominal(doc, span):
            return _nominal_subject(doc, span, subjects)
        named_after = _named_after_noun(doc, span, subjects)
        if named_after is not None:
            return _SUBJECTS[_kind(named_after)]
        if doc[span.end].lower_ != "leeftijd":
            return Subject.UNKNOWN  # "een negenjarig buurmeisje": a person the rules do not know
    left = [s for s in subjects if sent.start <= s.start and s.end <= span.start]
    nearest = _antecedent(doc, span, left) if left else None
    if nearest is None:
        return None if form in _NEEDS_PERSON else Subject.UNKNOWN
    if nearest is _UNNAMED:
        return Subject.UNKNOWN
    return _SUBJECTS[_kind(_pseudonym_of(doc, nearest, subjects))]


_UNNAMED: Final = object()  # a head noun the rules do not know
_NOT_PERSON_KEY: Final = "rulings_ages_not_person"  # Doc.user_data: token starts of NOT_PERSON


def _antecedent(doc: Doc, span: Span, left: list[Span]) -> Any:
    """The person before the age; in a relative clause after "X van Y" ('een vriendin van
    [slachtoffer] die toen vijftien was') the clause is about X."""
    nearest = max(left, key=lambda p: (p.end, -p.start))  # "[slachtoffer]", not its inner word
    first = span.start
    while first > span.sent.start and doc[first - 1].lower_ in _THEN:
        first -= 1
    while first > span.sent.start and doc[first - 1].lower_ in _RELATIVE_FILLERS:
        first -= 1
    relative = doc[span.start].lower_ == "die" or (
        first > 0 and doc[first - 1].lower_ in ("die", ",")
    )  # "X van Y die toen N was", "X, de moeder van Y, toen N jaar oud"
    van = nearest.start - 1
    documents = doc.user_data.get(_NOT_PERSON_KEY, set())
    if relative and van > 0 and doc[van].lower_ == "van" and van - 1 not in documents:
        head = [p for p in left if p.end <= van and van - p.end <= 1]
        if head:
            return head[-1]
        # "[getuige 3], een klasgenote van [slachtoffer] die ...": a noun the rules do not know
        if van >= 4 and doc[van - 2].lower_ in ("een", "de") and doc[van - 3].text == ",":
            named = [p for p in left if p.end == van - 3 and p[0].text == "["]
            if named:
                return named[-1]
        return _UNNAMED  # "De buurvrouw van [slachtoffer], die zelf 80 jaar is": not Y's age
    return nearest


def _pseudonym_of(doc: Doc, person: Span, subjects: list[Span]) -> Span:
    """'[naam 1], een vriendin ...': a person word in apposition to a pseudonym stands for it."""
    at = person.start
    if person[0].text == "[" or at < 2 or doc[at - 1].lower_ not in ("een", "de", "haar", "zijn"):
        return person
    if doc[at - 2].text != ",":
        return person
    named = [s for s in subjects if s.end == at - 2 and s[0].text == "["]
    if named:
        return named[-1]
    before = [s for s in subjects if s.end == at - 2]
    if before and before[-1].start > 1 and doc[before[-1].start - 1].lower_ == "van":
        van = before[-1].start - 1  # "de zus van verdachte, een meisje van 17": the zus
        head = [s for s in subjects if s.end == van and s[0].text != "["]
        return head[-1] if head else person
    return person


def _named_after_noun(doc: Doc, span: Span, subjects: list[Span]) -> Span | None:
    """'Een 63-jarige buurtbewoner, [getuige 1], heeft gezien ...': a noun the rules do not
    know, named by the pseudonym after it."""
    comma = span.end + 1
    if comma >= len(doc) or doc[comma].text != "," or not doc[span.end].is_alpha:
        return None
    named = [s for s in subjects if s.start == comma + 1 and s[0].text == "["]
    return named[0] if named else None


def _about_someone_else(doc: Doc, pronoun: Span, subjects: list[Span]) -> bool:
    """'... via mijn vriendin [naam 1]. Zij was zestien': "zij" is the other person when that
    sentence, or the one before, names someone else and no victim."""
    sent = pronoun.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    before = [
        s for s in subjects
        if first <= s.start and s.end <= pronoun.start and "pronoun" not in _kind(s)
        and s.label_ in ("SUBJECT", "NAMED") and not s.id_.endswith("/ik")
    ]  # fmt: skip
    named = [_named_apposition(doc, _pseudonym_of(doc, s, subjects), subjects) for s in before]
    kinds = {_kind(s) for s in named}
    return "other" in kinds and "victim" not in kinds


def _apposed_to(doc: Doc, span: Span, subjects: list[Span]) -> Span | None:
    """'[getuige 1], een 15-jarige scholier', '[naam 1], de 23-jarige man bij wie ...': an age
    in an apposition to a pseudonym is that person's, whatever noun follows it."""
    first = span.start
    while first > span.sent.start and doc[first - 1].lower_ in _THEN:
        first -= 1
    if first < 2 or doc[first - 1].lower_ not in _ARTICLES or doc[first - 2].text != ",":
        return None
    comma = first - 2  # "[medeverdachte 1] leerden zij kennen, de toen 22-jarige neef"
    named = [
        s
        for s in subjects
        if comma - 1 <= s.end <= comma
        and s[0].text == "["
        and not any(t.is_punct for t in doc[s.end : comma])
    ]
    return named[-1] if named else None


def _adjacent_subject(doc: Doc, span: Span, subjects: list[Span]) -> Subject | None:
    """'een meisje van 14 jaar', '[slachtoffer] (14)', '[slachtoffer 2], geboren in 2000 (17
    jaar)': the person right before the age, past a birth-date apposition. None without one, and
    for a bare plural ('Dat artikel ziet op minderjarigen van zestien en zeventien jaar'), which
    speaks of a class of persons, not of someone's age."""
    before = [s for s in subjects if s.end <= span.start and _apposed(doc, s.end, span.start)]
    if not before:
        at = span.start  # "[slachtoffer 2], een klasgenote van veertien": a noun the rules lack
        if at >= 3 and doc[at - 1].is_alpha and doc[at - 2].lower_ in _ARTICLES:
            named = [s for s in subjects if s.end == at - 3 and s[0].text == "["]
            if named and doc[at - 3].text == ",":
                return _SUBJECTS[_kind(named[-1])]
        return None
    person = before[-1]
    if _bare_plural(doc, person):
        return None
    return _SUBJECTS[_kind(_pseudonym_of(doc, person, subjects))]


def _bare_plural(doc: Doc, person: Span) -> bool:
    """'ontucht met meisjes van 15 jaar', 'ziet op minderjarigen van zestien en zeventien jaar':
    a plural after a preposition or at the start of the sentence, adjectives aside."""
    if person[-1].lower_ not in _PLURAL:
        return False
    first = person.start
    while first > person.sent.start and _adjective(doc[first - 1]):
        first -= 1  # "aan zijn zorg toevertrouwde minderjarige pupillen"
    return first == person.sent.start or doc[first - 1].lower_ in _GENERAL_BEFORE


def _adjective(token: Token) -> bool:
    return token.lower_.endswith("e") and parse_number(token.text) is None


def _apposed(doc: Doc, end: int, start: int) -> bool:
    """Whether only spaces, or a birth date in apposition, stand between a person and an age."""
    between = doc[end:start]
    if all(t.is_space or t.text == "," for t in between) and len(between) <= 2:
        return True  # "twee minderjarige meisjes, van 15 en 16 jaar oud"
    apposition = all(
        t.is_space or t.lower_ in _APPOSITION or t.like_num or month_number(t.text) is not None
        for t in between
    )
    return apposition and between[0].text == "," and any(t.lower_ == "geboren" for t in between)


def _named_apposition(doc: Doc, person: Span, subjects: list[Span]) -> Span:
    """'haar 17-jarige vriendin [naam 2]': the pseudonym right after the person word decides."""
    named = [s for s in subjects if s.start == person.end and s[0].text == "["]
    return named[0] if named and len(person) == 1 else person


def _nominal_subject(doc: Doc, span: Span, subjects: list[Span]) -> Subject:
    """The person a nominal adjective stands for: the person just before it ("verdachte heeft
    als zestienjarige ..."), unless an article makes it a person of its own ("verdachte heeft de
    toenmalige veertienjarige meegenomen"), who in these rulings is the victim; a comma before
    the article makes it an apposition ("[slachtoffer], de toen 15-jarige, ...")."""
    first = span.start
    while first > span.sent.start and doc[first - 1].lower_ in _THEN:
        first -= 1
    close = [s for s in subjects if span.start - 5 <= s.start and s.end <= span.start]
    if first > 0 and doc[first - 1].lower_ in _ARTICLES:
        close = [s for s in close if _touches_comma(doc, s.end, first - 1)]
    return _SUBJECTS[_kind(close[-1])] if close else Subject.VICTIM


def _touches_comma(doc: Doc, end: int, start: int) -> bool:
    between = [t for t in doc[end:start] if not t.is_space]
    return len(between) == 1 and between[0].text == ","


def _children_of_parents(spans: list[Span], persons: list[Span]) -> list[Span]:
    """'De moeder van [slachtoffer] verklaarde dat haar dochter toen 15 jaar was': the child a
    parent speaks of is the victim, or the suspect when the parent is the suspect's ("de vader
    van verdachte ... zijn/hun zoon"); other daughters and sons stay other persons."""
    parents = [s for s in spans if s.label_ == "PARENT"]
    found = list(persons)
    for child in (s for s in spans if s.label_ == "CHILD"):
        parent = _parent_before(child, parents)
        if parent is None:
            continue
        kind = "suspect" if _parent_of_suspect(parent, persons) else "victim"
        doc = child.doc
        word = Span(doc, child.end - 1, child.end, label="SUBJECT", span_id=f"{kind}/child")
        found = [p for p in found if not p.start <= word.start < p.end] + [word]
    return found


def _parent_before(child: Span, parents: list[Span]) -> Span | None:
    doc, sent = child.doc, child.sent
    first = sent.start
    for _ in range(_PARENT_LOOKBACK):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    before = [p for p in parents if first <= p.start and p.end <= child.start]
    return before[-1] if before else None


def _parent_of_suspect(parent: Span, persons: list[Span]) -> bool:
    doc = parent.doc
    if parent.end >= len(doc) or doc[parent.end].lower_ != "van":
        return False
    return any(_kind(p) == "suspect" and parent.end < p.start <= parent.end + 2 for p in persons)


def _speakers(doc: Doc, spans: list[Span], persons: list[Span]) -> list[Span]:
    """Each "ik" as the person whose statement it stands in: "[slachtoffer] heeft bij de politie
    verklaard: (...) Ik was toen 15." The speaker is the person named before the statement word
    (after it in "De verklaring van [slachtoffer]:"), in the nearest sentence back that has one."""
    statements = [s for s in spans if s.label_ == "STATEMENT"]
    found = []
    for ik in (s for s in spans if s.label_ == "SPEAKER"):
        speaker = _speaker(doc, ik, statements, persons)
        kind = _kind(speaker) if speaker is not None else "speaker"
        found.append(Span(doc, ik.start, ik.end, label="SUBJECT", span_id=f"{kind}/ik"))
    return found


def _speaker(doc: Doc, ik: Span, statements: list[Span], persons: list[Span]) -> Span | None:
    sent = ik.sent
    for _ in range(_STATEMENT_LOOKBACK):
        cues = [c for c in statements if sent.start <= c.start and c.end <= min(sent.end, ik.start)]
        if cues:
            cue = cues[-1]
            named = [p for p in persons if sent.start <= p.start and p.end <= sent.end]
            before = [p for p in named if p.end <= cue.start]
            after = [p for p in named if p.start >= cue.end and p.end <= ik.start]
            return before[-1] if before else (after[0] if after else None)
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
    return None


def _nominal(doc: Doc, span: Span) -> bool:
    """'met een 15-jarige, aan wie ...': the adjective stands for a person; in these rulings that
    person is the victim unless a person word stands just before it ("verdachte heeft als
    zestienjarige ...")."""
    if span.end >= len(doc):
        return True
    following = doc[span.end]
    if following.is_space or following.is_punct:
        return True
    if _PARTICIPLE.match(following.lower_) and span.start > 0:
        return doc[span.start - 1].lower_ in _ARTICLES  # "heeft een 16-jarige betaald"
    return span[0].lower_.endswith("e") and (
        following.is_stop or following.lower_ in _AFTER_NOMINAL
    )


def _kind(span: Span) -> str:
    return span.id_.split("/", 1)[0]


def _subject_of(person: Span) -> Subject:
    return _SUBJECTS[_kind(person)]
