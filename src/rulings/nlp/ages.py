"""The rulings_ages component: ages with their subject, statutory brackets, and dates.

Stated ages ("de toen 15-jarige aangeefster", "een meisje van 14 jaar", "[slachtoffer] was toen
zestien jaar oud") become AgeMention(kind="stated") with the person the sentence gives them to. The
statutory phrase "de leeftijd van twaalf jaren maar nog niet die van zestien jaren" is a legal
bracket (value 12, upper 16), not the victim's real age, and an age someone claimed or believed
("zij zei dat zij 18 was", "zich voordeed als 18-jarige") is kind "claimed". Birth dates and the
dates of the act are kept on the Doc; rulings.extract sets the one against the other for the
whole ruling, since the charge and the birth date often stand in different sections. Whose age
a span states is decided in rulings.nlp.age_persons and rulings.nlp.age_speakers.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from rulings.models import AgeMention, Subject
from rulings.nlp.age_persons import ARTICLES, FAMILY, PLURAL, subject_of, subject_of_age
from rulings.nlp.age_speakers import children_of_parents, in_drug_trade, speakers
from rulings.nlp.dates import birth_dates, event_dates, month_number, offence_dates
from rulings.nlp.extensions import evidence, make_ruler
from rulings.nlp.numbers import parse_number

_ADJECTIVE = re.compile(r"^(.+?)-?jarig(?:e|en)?$|^(.+)-$")
_SLASH = re.compile(r"^(\d{2})/(\d{2})-jarig")
_NO_AGE = {"alternative"}  # "een zestien- of zeventienjarige": a class of persons
_AFTER_BARE = {"via", "uit", "afkomstig", "woonachtig"}  # "een meisje van veertien via ..."
_RANGE = {"tot", "à", "a", "-", "–"}  # "meisjes van 11 tot 16 jaar": a range, no one's age
_CLAIM_AFTER_WINDOW = 4
_CLAIM_WINDOW = 10
_SHORT_QUOTE = 6  # tokens after an age within which a short quotation closes
_QUOTES = {'"', "“", "”", "„"}  # "een gevangenisstraf van 2 jaar" is no age
_MAX_AGE = 99
_JUST = {"net", "pas", "juist"}
_CLAUSE_WORDS = {"en", "maar", "want", "omdat", "toen", "terwijl", "dus", "hij", "zij", "ze", "ik"}
_DEFINITE = {"de", "deze", "die", "haar", "zijn", "hun", "beide", "twee", "drie", "andere"}
_AFTER_PERSON = {  # bare numbers that are ages only right after a person
    "was/bare-final",
    "was/named-bare",
    "was/toen-bare",
    "was/real-bare",
    "was/apposition-jaar",
    "was/apposition-bare",
}
_ONE = {"een", "één"}  # "had pas een jaar zijn rijbewijs": a duration, not an age of one
_BARE_VERB_MIN = 10  # "een vader van drie" is a father of three children
_COUNTED = {"euro", "uur", "jaar", "kilo", "gram", "cm", "meter", "keer", "maal", "procent"}
_TURNED_WINDOW = 3  # "nadat [slachtoffer] 18 werd"
_NOW_WINDOW = 3  # "de thans 19-jarige", "is inmiddels 21 jaar oud"


class AgeReader:
    """Finds ages, brackets, birth dates and dates of the act with the age rules."""

    def __init__(self, nlp: Language) -> None:
        self.ruler = make_ruler(nlp, FAMILY)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler(doc)
        spans = list(doc.spans[FAMILY])
        persons = [s for s in spans if s.label_ in ("SUBJECT", "NAMED")]
        persons = children_of_parents(spans, in_drug_trade(spans, persons))
        persons += speakers(doc, spans, persons)
        subjects = sorted(persons, key=lambda s: s.start)
        found = filter_spans([s for s in spans if s.label_ in ("AGE", "BRACKET")])
        claims = _Claims(spans)
        read = [(span, _read_ages(doc, span, subjects, claims)) for span in found]
        co_victims = [s for s in spans if s.label_ == "CO_VICTIM"]
        doc._.ages = [age for span, ages in _co_victims(doc, read, co_victims) for age in ages]
        dates = filter_spans([s for s in spans if s.label_ == "DATE"])
        acts = offence_dates(doc, spans, dates)
        events = event_dates(doc, spans, dates)
        doc._.birth_dates = birth_dates(doc, spans, dates, subjects, subject_of, acts + events)
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
    if span.id_ == "list/on-date" and not _after_stated_age(doc, span):
        return []
    if span.id_ in _AFTER_PERSON and not _right_after_person(doc, span, subjects):
        return []
    if span.id_.startswith("inverted/elliptic") and not _age_earlier_in_sentence(doc, span):
        return []
    values = [v for v in _stated_values(span, form) if 0 < v <= _MAX_AGE]
    subject = subject_of_age(doc, span, subjects, form) if values else None
    if subject is None or _denied(doc, span) or claims.difference(span) or claims.present(span):
        return []
    if claims.turned(doc, span) or claims.general(span):
        return []
    kind = "claimed" if claims.covers(doc, span) else "stated"
    if form == "claim-only" and kind != "claimed":
        return []  # a bare "N jaar" outside a claim is a duration
    found = evidence(doc, span.start, span.end)
    return [AgeMention(value=v, subject=subject, kind=kind, evidence=found) for v in values]


def _co_victims(
    doc: Doc, read: list[tuple[Span, list[AgeMention]]], nouns: list[Span]
) -> list[tuple[Span, list[AgeMention]]]:
    """'een 86-jarige vrouw en haar 91-jarige echtgenoot': a spouse or neighbour joined by 'en'
    to a victim of stated age is a victim too (patterns/ages.jsonl CO_VICTIM)."""
    starts = {s.start for s in nouns}
    out: list[tuple[Span, list[AgeMention]]] = []
    for span, ages in read:
        if out and span.end in starts and _joined(doc, out[-1][0], span):
            first = out[-1][1]
            if first and all(a.subject is Subject.VICTIM and a.kind == "stated" for a in first):
                ages = [dataclasses.replace(a, subject=Subject.VICTIM) for a in ages]
        out.append((span, ages))
    return out


def _joined(doc: Doc, first: Span, second: Span) -> bool:
    """'<first>-jarige NOUN en haar <second>': one noun, 'en' and a possessive between."""
    between = [t.lower_ for t in doc[first.end : second.start]]
    return len(between) == 3 and between[1] == "en" and between[2] in ("haar", "zijn", "hun")


def _stated_values(span: Span, form: str) -> list[int]:
    if form == "adjective":
        matches = [m for t in span if (m := _ADJECTIVE.match(t.lower_))]
        numbers = [parse_number(m.group(1) or m.group(2)) for m in matches]
    else:
        words = [
            t
            for t in _outside_brackets(span)
            if (t.like_num or t.lower_.isalpha()) and t.lower_ not in _ONE
        ]
        numbers = [parse_number(t.text) for t in words]
    if span.id_ == "jaar-oud/en-maanden":
        numbers = [n for n in numbers if n is not None][:1]  # "17 jaar en 11 maanden oud"
    if span.id_ == "list/on-date":
        numbers = [n for n in numbers if n is not None][-1:]  # "... op 17 mei 2016 zestien jaar."
    return [int(n) for n in numbers if n is not None and n == int(n)]


def _outside_brackets(span: Span) -> list[Token]:
    """The tokens of a span outside pseudonyms: '[slachtoffer 2] zestien' states 16, not 2."""
    tokens, depth = [], 0
    for t in span:
        depth += (t.text == "[") - (t.text == "]")
        if depth == 0 and t.text != "]":
            tokens.append(t)
    return tokens


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
        or _before_a_verb(span, following)
    )


def _before_a_verb(span: Span, following: Token) -> bool:
    """'Haar broer van 19 zag ons': a teenager's or adult's age before the verb of the sentence,
    where 'van twee kinderen', 'van 15 minuten' and 'van 19 euro' count things."""
    value = parse_number(span[-1].text)
    return (
        value is not None
        and value >= _BARE_VERB_MIN
        and following.is_lower
        and following.is_alpha
        and following.lower_ not in _COUNTED
        and following.lower_ not in ("minderjarig", "meerderjarig")  # "is een meisje van 16 ..."
        and month_number(following.text) is None  # "het verhoor van 12 juli"
        and not following.lower_.endswith(("en", "s"))
    )


def _right_after_person(doc: Doc, span: Span, subjects: list[Span]) -> bool:
    """'[slachtoffer], toen 15,', 'een meisje dat pas 16 was', '[slachtoffer] zelf was 17': a bare
    number is an age only right after the person, past one comma, 'die'/'dat' or 'zelf'."""
    if span[0].lower_ in ("die", "dat") and span.start >= 1 and doc[span.start - 1].text == ",":
        return True  # "met het meisje heeft afgesproken, dat 17 was,": the relative's antecedent
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in ("zelf", "die", "dat"):
        i -= 1
    if i >= 0 and doc[i].text in (",", "("):
        i -= 1
    return i >= 0 and any(
        s.end == i + 1 and s.label_ in ("SUBJECT", "NAMED") and s[0].lower_ != "ik"
        for s in subjects
    )  # "dat ik 19 was" is read by the speaker rules


def _age_earlier_in_sentence(doc: Doc, span: Span) -> bool:
    """'Ik was 44 toen, zij 16': a second age without its verb follows a first age."""
    start = span.sent.start
    if span.start == 0 or doc[span.start - 1].lower_ not in (",", "en"):
        return False
    return any(
        s.label_ == "AGE" and start <= s.start and s.end <= span.start for s in doc.spans[FAMILY]
    )


def _after_stated_age(doc: Doc, span: Span) -> bool:
    """'... vijftien jaar oud was en op 17 mei 2016 zestien jaar.': a second age after a first."""
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in ("was", "waren"):
        i -= 1
    return i >= 0 and doc[i].lower_ in ("oud", "jaar", "jaren")


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
        self.generals = [s for s in spans if s.label_ == "AGE_GENERAL"]
        self.now = [s for s in spans if s.label_ == "AGE_NOW"]
        self.turned_after = [s for s in spans if s.id_ == "turned/after"]
        self.turned_before = [s for s in spans if s.id_ == "turned/before"]

    def turned(self, doc: Doc, span: Span) -> bool:
        """'nadat zij achttien jaar was geworden', 'voordat zij 16 werd': an age reached at some
        moment, which says nothing of the age at the time of the facts."""
        sent = span.sent
        after = self.turned_after
        just = span.start > 0 and doc[span.start - 1].lower_ in _JUST  # "net zestien geworden"
        adjective = span.id_.startswith("adjective")  # "de 17-jarige verdachte wordt veroordeeld"
        if (
            not just
            and not adjective
            and any(span.end <= c.start <= span.end + 2 and c.end <= sent.end for c in after)
        ):
            return True
        if span[-1].lower_ == "werd" and "toen" in [
            t.lower_ for t in doc[span.start - 3 : span.start]
        ]:
            return True  # "toen zij achttien werd"
        return any(
            sent.start <= cue.start
            and cue.end <= span.start <= cue.end + _TURNED_WINDOW
            and not any(t.is_punct or t.lower_ in ARTICLES for t in doc[cue.end : span.start])
            for cue in self.turned_before
        )

    def general(self, span: Span) -> bool:
        """'Ook een zestienjarige mag ...', 'Een meisje van zestien kan in het algemeen ...':
        anyone of that age, no one's age."""
        if any(g.end == span.start for g in self.generals if g.id_ == "not-age/ook-een"):
            return True
        sent = span.sent
        return _indefinite(span) and any(
            sent.start <= g.start < sent.end for g in self.generals if g.id_ != "not-age/ook-een"
        )

    def difference(self, span: Span) -> bool:
        """'het leeftijdsverschil ... was maar drie jaar', '[slachtoffer] is een jaar jonger dan
        ik': no one's age."""
        doc = span.doc
        if span.id_.startswith("adjective") or "oud" in [t.lower_ for t in span]:
            return False  # "het leeftijdsverschil tussen de 61-jarige verdachte en ..."
        return any(
            (
                span.sent.start <= d.start < span.start
                and not any(t.text in (":", ";") for t in doc[d.end : span.start])
            )  # "Het leeftijdsverschil was groot: zij was 15, hij 48."
            or (d.id_ == "not-age/jonger-ouder" and span.start <= d.start <= span.end)
            for d in self.differences
        )

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
        if any(
            span.end <= c.start < min(last, span.end + _CLAIM_AFTER_WINDOW)
            and not any(
                t.is_punct or t.lower_ in _CLAUSE_WORDS for t in doc[span.end - 1 : c.start]
            )
            for c in self.after
        ):
            return True  # "een leeftijd van 19 jaar vermeld", not "Ik was 17 en hij gaf me"
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


def _indefinite(span: Span) -> bool:
    """'een meisje van zestien', 'meisjes van 15 en 16 jaar', 'een zeventienjarige': a person
    of that age, not one the text knows."""
    doc = span.doc
    if span[0].lower_ == "van" and span.start >= 1:  # "een meisje van zestien"
        head = doc[span.start - 1]
        at = head.i - 1
    else:  # "een zeventienjarige (jongen)"
        head = doc[span.end] if span.end < len(doc) else span[-1]
        at = span.start - 1
    det = doc[at].lower_ if at >= 0 else ""
    apposition = det == "een" and at >= 1 and doc[at - 1].text == ","  # "[naam 2], een man van 26"
    return not apposition and (det == "een" or (head.lower_ in PLURAL and det not in _DEFINITE))


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
