"""Dates in rulings: birth dates and the dates of the act, read from the spans the age rules find.

rulings.extract sets the one against the other for the whole ruling ("[slachtoffer], geboren op
12 maart 2003" in the charge, "op of omstreeks 14 juli 2019" in the proven facts), since they
often stand in different sections. Dates are periods: "[datum] 2016" is all of 2016.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from rulings.models import Evidence, Role, Subject
from rulings.nlp.extensions import doc_role, evidence

_MONTHS = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "maart": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_CHARGE_ROLES = {Role.TENLASTELEGGING, Role.BEWEZENVERKLARING}
_BORN_VERBS = {"is", "was", "werd"}

Period = tuple[date, date]
BirthDate = tuple[date, date, Subject, Evidence, tuple[Period, ...], tuple[Period, ...]]


def parse_date(span: Span) -> Period | None:
    """'12 maart 2001' -> (that day, that day); '[datum] 2016' -> (1 Jan, 31 Dec 2016)."""
    numeric = re.fullmatch(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})", span.text)
    if numeric:
        day, month, year = (int(g) for g in numeric.groups())
        return _day(year, month, day)
    years = [int(t.text) for t in span if re.fullmatch(r"(19|20)\d{2}", t.text)]
    if not years:
        return None
    year = years[-1]
    months = [m for t in span if t.is_alpha and (m := month_number(t.text)) is not None]
    month = months[0] if months else None
    if span.id_ == "date/day-month-year" and month is not None:
        return _day(year, month, int(span[0].text))
    if span.id_ == "date/month-year" and month is not None:
        following = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
    return date(year, 1, 1), date(year, 12, 31)


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return _MONTHS.get(word) or _MONTHS.get(word[:3])


def _day(year: int, month: int, day: int) -> Period | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found, found


def birth_dates(
    doc: Doc,
    spans: list[Span],
    dates: list[Span],
    subjects: list[Span],
    subject_of: Callable[[Span], Subject],
    acts: list[tuple[Period, int]],
) -> list[BirthDate]:
    """Dates right after "geboren (op)" or "geb.", or right before "(is) geboren", with the
    person named before them, the dates of the act in the same sentence (a charge of two
    victims gives each her own dates: "op 3 maart 2017 met [slachtoffer 1], geboren op ...")
    and the other dates of that sentence."""
    births = filter_spans([s for s in spans if s.label_ == "BIRTH"])
    found = []
    for birth in births:
        after = [d for d in dates if _right_after(birth, d)]
        after = after or [d for d in dates if _born_after(doc, d, birth)]
        period = parse_date(after[0]) if after else None
        if period is None:
            continue
        first = min(birth.start, after[0].start)
        left = [s for s in subjects if first - 8 <= s.start and s.end <= first]
        subject = subject_of(left[-1]) if left else Subject.UNKNOWN
        found_at = evidence(doc, first, max(birth.end, after[0].end))
        own = tuple(act for act, sentence in acts if sentence == doc[first].sent.start)
        found.append((*period, subject, found_at, own, _near(doc, spans, dates, after[0])))
    return found


def _near(doc: Doc, spans: list[Span], dates: list[Span], born: Span) -> tuple[Period, ...]:
    """The other dates of the birth date's sentence that are no procedural dates: "dat
    [slachtoffer], geboren op 9 februari 2002, op 14 december 2018 minderjarig was"."""
    sent = born.sent
    if any(sent.start <= s.start < sent.end for s in _procedural(spans)):
        return ()  # "Op 9 maart 2020 heeft [slachtoffer], geboren op ..., aangifte gedaan"
    births = [s for s in spans if s.label_ == "BIRTH"]
    near = [
        parse_date(d)
        for d in dates
        if sent.start <= d.start < sent.end and not _is_birth_date(doc, d, births)
    ]  # no birth date, neither this one nor another person's
    return tuple(p for p in near if p is not None)


def _procedural(spans: list[Span]) -> list[Span]:
    """The procedural words (aangifte, verhoor, vonnis ...) outside the words for being born."""
    born = {t for s in spans if s.label_ == "BIRTH" for t in range(s.start, s.end)}
    return [s for s in spans if s.label_ == "NOT_OFFENCE" and s.start not in born]


def _is_birth_date(doc: Doc, date_span: Span, births: list[Span]) -> bool:
    return any(_right_after(b, date_span) or _born_after(doc, date_span, b) for b in births)


def _right_after(birth: Span, date_span: Span) -> bool:
    """'geboren op 12 maart 2001', '(geb. 12 maart 2001)': the date follows the word."""
    return birth.end <= date_span.start <= birth.end + 1


def _born_after(doc: Doc, date_span: Span, birth: Span) -> bool:
    """'[slachtoffer], die op 12 maart 2003 is geboren': the date stands before the word."""
    between = doc[date_span.end : birth.start]
    return date_span.end <= birth.start and all(t.lower_ in _BORN_VERBS for t in between)


def offence_dates(doc: Doc, spans: list[Span], dates: list[Span]) -> list[tuple[Period, int]]:
    """Dates of the act, each with the start of its sentence: in the charge and proven facts
    every date that is no procedural date or birth date; elsewhere only dates after "op of
    omstreeks", "in de periode van" and the like."""
    in_charge = doc_role(doc) in _CHARGE_ROLES
    cues = [s for s in spans if s.label_ == "OFFENCE_CUE"]
    blocked = [s for s in spans if s.label_ in ("NOT_OFFENCE", "BIRTH")]
    found: list[tuple[Period, int]] = []
    last_sentence = -1
    births = [s for s in spans if s.label_ == "BIRTH"]
    for span in dates:
        if _ends_before(blocked, span) or any(_born_after(doc, span, b) for b in births):
            continue
        cue_ids = {c.id_ for c in _ends_before(cues, span)}
        continues = "offence/tot-en-met" in cue_ids and last_sentence == span.sent.start
        if in_charge or continues or cue_ids - {"offence/tot-en-met"}:
            period = parse_date(span)
            if period is not None:
                found.append((period, span.sent.start))
                last_sentence = span.sent.start
    return found


def event_dates(doc: Doc, spans: list[Span], dates: list[Span]) -> list[tuple[Period, int]]:
    """In the evidence: dates in sentences about the suspect that hold no procedural word (the
    aangifte, a hearing, a report) and are no birth date: "Op 12 januari 2018 heeft verdachte via
    Sexmarkt gereageerd". Weaker than the dates of the act, so only a fallback."""
    if doc_role(doc) is not Role.BEWIJS:
        return []
    births = [s for s in spans if s.label_ == "BIRTH"]
    procedural = _procedural(spans)
    suspects = [s for s in spans if s.label_ == "SUBJECT" and s.id_.startswith("suspect")]
    found = []
    for span in dates:
        sent = span.sent
        if any(sent.start <= s.start < sent.end for s in procedural):
            continue
        if _is_birth_date(doc, span, births):
            continue
        if not any(sent.start <= s.start < sent.end for s in suspects):
            continue
        period = parse_date(span)
        if period is not None:
            found.append((period, sent.start))
    return found


def _ends_before(spans: list[Span], span: Span, window: int = 4) -> list[Span]:
    """Spans that end at most `window` tokens before `span`, within its sentence."""
    first = max(span.sent.start, span.start - window)
    return [s for s in spans if first <= s.end <= span.start]
