"""Acquittals (vrijspraak) in a section Doc (part of rulings_sanctions).

In: the ACQUITTAL and STOCK_ACQUITTAL spans of patterns/sanctions.jsonl. Out: one ``Evidence``
per decisional acquittal of a charge: "spreekt verdachte vrij van het onder 1 ten laste gelegde",
"verklaart niet bewezen dat verdachte het onder 2 ten laste gelegde heeft begaan en spreekt
verdachte daarvan vrij". The stock clause that acquits of "hetgeen meer of anders is ten laste
gelegd dan hierboven is bewezen verklaard" closes nearly every conviction and acquits of no
charge. Only the present tense of the dictum counts: "vrijspraak bepleit" (the defence) or "is
vrijgesproken" (a co-suspect, an earlier case) decide nothing here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from rulings.models import Evidence, Role
from rulings.nlp.clauses import Clause, split_clauses

_BACK_REFERENCE = frozenset({"daarvan", "hiervan", "dáárvan", "daarvoor"})
_STOCK_LEAD = frozenset({"hetgeen", "wat", "het", "al", "alles"})
_CHARGE_WORDS = frozenset({"gelegde", "tenlastegelegde", "feit", "feiten", "gelegd"})
# The verb that opens "verklaart niet bewezen ... en spreekt verdachte daarvan vrij".
_DECLARING = frozenset({"verklaart", "acht", "oordeelt"})


def _clause_of(clauses: list[Clause], span: Span) -> Clause:
    for clause in clauses:
        if clause.start <= span.start < clause.end:
            return clause
    return Clause(0, len(span.doc), continues=False, opens_list=False)


def _object_region(doc: Doc, clause: Clause, span: Span) -> tuple[int, int]:
    """The words saying what the acquittal is of: after 'vrij van', or before 'daarvan vrij'."""
    backwards = any(t.lower_ in _BACK_REFERENCE for t in span) or not (
        span.end < clause.end and doc[span.end].lower_ == "van"
    )
    if not backwards:
        return span.end, clause.end
    start = clause.start
    for token in doc[clause.start : span.start]:
        if token.lower_ in _DECLARING:
            start = token.i
    return start, span.start


def _is_stock(doc: Doc, region: tuple[int, int], stocks: list[Span]) -> bool:
    """True when the acquittal covers only 'what is charged more or otherwise'."""
    inside = [s for s in stocks if region[0] <= s.start < region[1]]
    if not inside:
        return False
    lead = inside[0].start
    while lead > region[0] and doc[lead].lower_ not in _STOCK_LEAD:
        lead -= 1
    named = [t for t in doc[region[0] : lead] if t.lower_ in _CHARGE_WORDS]
    return not named


def read_acquittals(doc: Doc, spans: list[Span], role: Role, section_index: int) -> list[Evidence]:
    """Every explicit acquittal of a charge in the Doc, with the clause that states it."""
    acquittals = [s for s in spans if s.label_ == "ACQUITTAL"]
    stocks = [s for s in spans if s.label_ == "STOCK_ACQUITTAL"]
    if not acquittals:
        return []
    clauses = split_clauses(doc)
    found = []
    for span in acquittals:
        clause = _clause_of(clauses, span)
        region = _object_region(doc, clause, span)
        if _is_stock(doc, region, stocks):
            continue
        words = doc[min(region[0], span.start) : max(region[1], span.end)]
        words = _trim(words)
        found.append(
            Evidence(
                section_index=section_index,
                role=role,
                start=words.start_char,
                end=words.end_char,
                text=words.text,
                sentence=span.sent.text.strip(),
            )
        )
    return found


def _trim(span: Span) -> Span:
    """The span without the spaces and the closing punctuation around it."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and (span.doc[end - 1].is_space or span.doc[end - 1].text in {";", ".", ","}):
        end -= 1
    return span.doc[start:end]
