"""Whose age an age span states: the person rules of patterns/ages.jsonl and how an age is tied
to one of them (part of rulings_ages).

The person next to an age decides ("de toen 15-jarige aangeefster", "een meisje van 14 jaar"),
unless the sentence says otherwise: an apposition to a pseudonym ("[naam 1], de 23-jarige man"),
a relative clause about the head of "X van Y" ("een vriendin van [slachtoffer] die toen vijftien
was"), a pronoun after a sentence that names only someone else, the speaker of a quoted statement
("Ik was toen 15"), or a parent speaking of her child ("haar dochter was toen 15"); the last two
are found in rulings.nlp.age_speakers.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any, Final

from spacy.tokens import Doc, Span, Token

from rulings.models import Subject
from rulings.nlp.dates import month_number
from rulings.nlp.numbers import parse_number

_UNNAMED: Final = object()  # a head noun the rules do not know
FAMILY: Final = "ages"  # patterns/ages.jsonl, and the Doc.spans key its rules write to
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
PLURAL = {"meisjes", "jongens", "minderjarigen", "slachtoffers", "pupillen", "leerlingen"}
_GENERAL_BEFORE = {
    "op", "met", "voor", "tegen", "van", "bij", "aan", "over", "tot", "onder", "als", "uit", "door",
    "naar", "om", "in", "tussen",
}  # fmt: skip
_RELATIVE_FILLERS = {"zelf", "zelfs", "ook", "toen", "destijds", "nog", "pas"}
ARTICLES = {"de", "het", "een", "die", "deze"}
_APPOSITION_DETERMINERS = ARTICLES | {"twee", "drie", "vier", "beide"}
_THEN = {"toen", "toenmalige", "destijds", "nog", "pas", "op", "dat", "moment"}
_APPOSITION = {",", "geboren", "op", "in", "d.d.", "[", "]", "geboortedatum", "datum"}
_ACTOR_VERBS = {"heeft", "had", "is", "was", "werd", "zou"}  # "Een 17-jarige jongen heeft ..."
_COPULAS = {"was", "is", "werd", "bleek"}
_FRIENDS = {"vriendin", "vriendinnetje", "vriendinnen"}
_NEEDS_PERSON = {"was"}  # "de proeftijd was 2 jaar" is no age either
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


def subject_of_age(doc: Doc, span: Span, subjects: list[Span], form: str) -> Subject | None:
    """Whose age: the person word next to it; None when the form needs one and has none."""
    sent = span.sent
    if form in _OWN_SUBJECT:
        own = [s for s in subjects if span.start <= s.start and s.end <= span.end]
        if (
            own
            and person_kind(own[0]) == "victim-pronoun"
            and _about_someone_else(doc, own[0], subjects)
        ):
            return Subject.OTHER
        return _SUBJECTS[person_kind(own[0])] if own else Subject.UNKNOWN
    if form in _NEEDS_ADJACENT:
        return _adjacent_subject(doc, span, subjects)
    if form == "adjective":
        right = [s for s in subjects if s.start == span.end and s[0].text == "["]
        if right:  # "De vader van [slachtoffer], de 44-jarige [naam 2]": [naam 2]'s age
            return _SUBJECTS[person_kind(right[0])]
        named = _apposed_to(doc, span, subjects)
        if named is not None:
            return _SUBJECTS[person_kind(named)]
        if _acts_on_a_victim(doc, span, subjects):
            return Subject.SUSPECT
        after = [s for s in subjects if span.end <= s.start <= span.end + 2 and s.end <= sent.end]
        after = [
            s
            for s in after
            if not any(
                t.is_punct or t.lower_ in ARTICLES or t.lower_ in _GENERAL_BEFORE
                for t in doc[span.end : s.start]
            )
        ]  # fmt: skip  "de toen 52-jarige trainer de meisjes": not the girls' age
        if after:
            if _her_friend(doc, span, after[0]):
                return Subject.OTHER
            return _SUBJECTS[person_kind(_named_apposition(doc, after[0], subjects))]
        if _nominal(doc, span):
            return _nominal_subject(doc, span, subjects)
        named_after = _named_after_noun(doc, span, subjects)
        if named_after is not None:
            return _SUBJECTS[person_kind(named_after)]
        if doc[span.end].lower_ != "leeftijd":
            predicate = _predicate_of(doc, span, subjects)
            if predicate is not None:
                return _SUBJECTS[person_kind(predicate)]
            if _object_of_suspect(doc, span, subjects):
                return Subject.VICTIM
            return Subject.UNKNOWN  # "een negenjarig buurmeisje": a person the rules do not know
    left = [s for s in subjects if sent.start <= s.start and s.end <= span.start]
    nearest = _antecedent(doc, span, left) if left else None
    if nearest is None:
        return None if form in _NEEDS_PERSON else Subject.UNKNOWN
    if nearest is _UNNAMED:
        return Subject.UNKNOWN
    return _SUBJECTS[person_kind(_pseudonym_of(doc, nearest, subjects))]


def _run_start(doc: Doc, start: int, words: set[str]) -> int:
    """Where a run of `words` right before token `start` begins, within its sentence ("de toen
    15-jarige": the age span starts at "15-jarige", the run at "toen")."""
    floor = doc[start].sent.start
    while start > floor and doc[start - 1].lower_ in words:
        start -= 1
    return start


def _apposition_comma(doc: Doc, noun: int, articles: Collection[str]) -> int | None:
    """The comma of ", een NOUN" / ", de NOUN" before token `noun`, or None."""
    if noun < 2 or doc[noun - 1].lower_ not in articles or doc[noun - 2].text != ",":
        return None
    return noun - 2


def _pseudonyms_ending(persons: list[Span], end: int) -> list[Span]:
    """The pseudonyms ("[naam 1]") among `persons` that end at token `end`."""
    return [p for p in persons if p.end == end and p[0].text == "["]


def _antecedent(doc: Doc, span: Span, left: list[Span]) -> Any:
    """The person before the age; in a relative clause after "X van Y" ('een vriendin van
    [slachtoffer] die toen vijftien was') the clause is about X."""
    nearest = max(left, key=lambda p: (p.end, -p.start))  # "[slachtoffer]", not its inner word
    first = _run_start(doc, _run_start(doc, span.start, _THEN), _RELATIVE_FILLERS)
    relative = doc[span.start].lower_ == "die" or (
        first > 0 and doc[first - 1].lower_ in ("die", ",")
    )  # "X van Y die toen N was", "X, de moeder van Y, toen N jaar oud"
    van = nearest.start - 1
    if van > 0 and doc[van].lower_ in ("het", "de"):
        van -= 1  # "de moeder van het slachtoffer, die destijds 34 jaar oud was"
    if relative and van > 0 and doc[van].lower_ == "van" and not _no_person_at(doc, van - 1):
        head = [p for p in left if p.end <= van and van - p.end <= 1]
        if head:
            return head[-1]
        # "[getuige 3], een klasgenote van [slachtoffer] die ...": a noun the rules do not know
        comma = _apposition_comma(doc, van - 1, ("een", "de"))
        named = _pseudonyms_ending(left, comma) if comma is not None else []
        if named:
            return named[-1]
        return _UNNAMED  # "De buurvrouw van [slachtoffer], die zelf 80 jaar is": not Y's age
    if "pronoun" in nearest.id_:
        owner = _relative_owner(doc, span, left)
        if owner is not None:
            return owner
    if not relative and doc[span.start].lower_ == "leeftijd" and _in_phrase(doc, nearest):
        subjects = [p for p in left if not _in_phrase(doc, p) and p.end <= nearest.start]
        if subjects:  # "[slachtoffer] had ten tijde van de ontmoeting met verdachte de leeftijd"
            return subjects[-1]
    return nearest


def _in_phrase(doc: Doc, person: Span) -> bool:
    """'met verdachte', 'bij [slachtoffer]': a person after a preposition is no subject."""
    return person.start > 0 and doc[person.start - 1].lower_ in _GENERAL_BEFORE


def _no_person_at(doc: Doc, token: int) -> bool:
    """'de verklaringen van [slachtoffer]': the head of "van" is a document, not a person."""
    return any(s.start == token and s.label_ == "NOT_PERSON" for s in doc.spans[FAMILY])


def _relative_owner(doc: Doc, span: Span, left: list[Span]) -> Span | None:
    """'[naam 3], die net als zij in de eerste klas zat en toen veertien jaar oud was': an age
    further on in a relative clause about a pseudonym is that person's, whatever pronoun stands
    between."""
    at = span.start - 1
    while at > span.sent.start and doc[at].text not in (",", ";", ":"):
        if doc[at].lower_ == "die" and doc[at - 1].text == ",":
            named = _pseudonyms_ending(left, at - 1)
            return named[-1] if named else None
        at -= 1
    return None


def _pseudonym_of(doc: Doc, person: Span, subjects: list[Span]) -> Span:
    """'[naam 1], een vriendin ...': a person word in apposition to a pseudonym stands for it."""
    comma = _apposition_comma(doc, person.start, ("een", "de", "haar", "zijn"))
    if person[0].text == "[" or comma is None:
        return person
    named = _pseudonyms_ending(subjects, comma)
    if named:
        return named[-1]
    before = [s for s in subjects if s.end == comma]
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
        if first <= s.start and s.end <= pronoun.start and "pronoun" not in person_kind(s)
        and s.label_ in ("SUBJECT", "NAMED") and not s.id_.endswith("/ik")
    ]  # fmt: skip
    named = [_named_apposition(doc, _pseudonym_of(doc, s, subjects), subjects) for s in before]
    kinds = {person_kind(s) for s in named}
    return "other" in kinds and "victim" not in kinds


def _her_friend(doc: Doc, span: Span, person: Span) -> bool:
    """'[slachtoffer] kwam met haar 18-jarige vriendin': her friend is someone else, where 'zijn
    15-jarige vriendin' is the suspect's girlfriend."""
    first = _run_start(doc, span.start, _THEN)
    return person.text.lower() in _FRIENDS and first > 0 and doc[first - 1].lower_ == "haar"


def _predicate_of(doc: Doc, span: Span, subjects: list[Span]) -> Span | None:
    """'dat het slachtoffer een 87-jarige weduwe was', '[slachtoffer] was een 15-jarige
    scholiere': an age in what the sentence says a person is belongs to that person."""
    det = _run_start(doc, span.start, _THEN) - 1
    if det < 1 or doc[det].lower_ != "een":
        return None
    end = det - 1 if doc[det - 1].lower_ in _COPULAS else det
    named = [s for s in subjects if s.end == end and "pronoun" not in s.id_]
    return named[-1] if named else None


def _object_of_suspect(doc: Doc, span: Span, subjects: list[Span]) -> bool:
    """'Verdachte, die toen 26 was, heeft de 45-jarige portier geschopt': a person of a noun the
    rules do not know, whom the suspect acts on as the subject of the sentence, is the victim."""
    sent = span.sent
    first = _run_start(doc, span.start, _THEN)
    if first < 1 or doc[first - 1].lower_ not in ("de", "het", "een"):
        return False
    before = [s for s in subjects if sent.start <= s.start and s.end <= first - 1]
    if not before or person_kind(before[0]) != "suspect" or before[0].start - sent.start > 3:
        return False
    between = doc[before[0].end : first - 1]
    later = [s for s in before[1:] if s.start >= before[0].end]
    return not later and any(t.lower_ in _ACTOR_VERBS for t in between)


def _acts_on_a_victim(doc: Doc, span: Span, subjects: list[Span]) -> bool:
    """'Een zeventienjarige jongen heeft via Snapchat een meisje van dertien benaderd', 'Een toen
    66-jarige buurman heeft een meisje ... gegeven': the person an age opens the sentence with
    does something to a victim named after the verb, so is the one who stands trial."""
    sent = span.sent
    first = _run_start(doc, span.start, _THEN)
    if first - sent.start != 1 or doc[sent.start].lower_ not in ("een", "de"):
        return False
    noun = span.end
    if noun + 1 >= sent.end or doc[noun + 1].lower_ not in _ACTOR_VERBS:
        return False
    later = [s for s in subjects if noun + 1 < s.start < sent.end]
    return any(person_kind(s) == "victim" for s in later)


def _apposed_to(doc: Doc, span: Span, subjects: list[Span]) -> Span | None:
    """'[getuige 1], een 15-jarige scholier', '[naam 1], de 23-jarige man bij wie ...': an age
    in an apposition to a pseudonym is that person's, whatever noun follows it."""
    comma = _apposition_comma(doc, _run_start(doc, span.start, _THEN), ARTICLES)
    if comma is None:  # "[medeverdachte 1] leerden zij kennen, de toen 22-jarige neef"
        return None
    named = [
        s
        for s in subjects
        if comma - 1 <= s.end <= comma
        and s[0].text == "["
        and not any(t.is_punct for t in doc[s.end : comma])
    ]
    if named:
        return named[-1]
    word = [
        s
        for s in subjects
        if s.end == comma
        and "pronoun" not in s.id_
        and not doc[s.start - 1].lower_.endswith(("jarig", "jarige"))
    ]  # "de verdachte, een toen 28-jarige man, het 15-jarige meisje": that comma ends one
    return word[-1] if word else None  # "Een getuige, een 67-jarige man": the getuige


def _adjacent_subject(doc: Doc, span: Span, subjects: list[Span]) -> Subject | None:
    """'een meisje van 14 jaar', '[slachtoffer] (14)', '[slachtoffer 2], geboren in 2000 (17
    jaar)': the person right before the age, past a birth-date apposition. None without one, and
    for a bare plural ('Dat artikel ziet op minderjarigen van zestien en zeventien jaar'), which
    speaks of a class of persons, not of someone's age."""
    before = [s for s in subjects if s.end <= span.start and _apposed(doc, s.end, span.start)]
    if not before:
        # "[slachtoffer 2], een klasgenote van veertien": a noun the rules do not know
        noun = span.start - 1
        alpha = noun >= 2 and doc[noun].is_alpha
        comma = _apposition_comma(doc, noun, _APPOSITION_DETERMINERS) if alpha else None
        named = _pseudonyms_ending(subjects, comma) if comma is not None else []
        if comma is not None and not named:  # "de slachtoffers, twee zusjes van 13 en 15 jaar"
            named = [s for s in subjects if s.end == comma and "pronoun" not in s.id_]
        return _SUBJECTS[person_kind(named[-1])] if named else None
    person = before[-1]
    if _bare_plural(doc, person):
        return None
    return _SUBJECTS[person_kind(_pseudonym_of(doc, person, subjects))]


def _bare_plural(doc: Doc, person: Span) -> bool:
    """'ontucht met meisjes van 15 jaar', 'ziet op minderjarigen van zestien en zeventien jaar':
    a plural after a preposition or at the start of the sentence, adjectives aside."""
    if person[-1].lower_ not in PLURAL:
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
    first = _run_start(doc, span.start, _THEN)
    close = [s for s in subjects if span.start - 5 <= s.start and s.end <= span.start]
    if first > 0 and doc[first - 1].lower_ in ARTICLES:
        close = [s for s in close if _touches_comma(doc, s.end, first - 1)]
    return _SUBJECTS[person_kind(close[-1])] if close else Subject.VICTIM


def _touches_comma(doc: Doc, end: int, start: int) -> bool:
    between = [t for t in doc[end:start] if not t.is_space]
    return len(between) == 1 and between[0].text == ","


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
        return doc[span.start - 1].lower_ in ARTICLES  # "heeft een 16-jarige betaald"
    return span[0].lower_.endswith("e") and (
        following.is_stop or following.lower_ in _AFTER_NOMINAL
    )


def person_kind(span: Span) -> str:
    """What a person span names: victim, suspect, other, speaker and their pronoun forms."""
    return span.id_.split("/", 1)[0]


def subject_of(person: Span) -> Subject:
    return _SUBJECTS[person_kind(person)]
