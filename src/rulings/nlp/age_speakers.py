"""The persons a statement or a parent names, and the youngsters of the drug trade (part of
rulings_ages): the person spans that rulings.nlp.age_persons ties ages to, recast before the ages
are read.

"Ik" in a quoted statement is the person who made it ("[slachtoffer] heeft verklaard: (...) Ik
was toen 15"); "haar dochter" in what a parent says is the victim; a "jongen" in a sentence about
the drug trade is a courier or a customer, not a victim.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from rulings.nlp.age_persons import person_kind

_PARENT_LOOKBACK = 3  # sentences back a parent may be named before "haar dochter"
_STATEMENT_LOOKBACK = 8  # sentences a quoted statement may run before its "ik" states an age
_TRAILING_SOURCE = 80  # tokens after an "ik" within which a bracketed "(verklaring van X)" names it


def in_drug_trade(spans: list[Span], persons: list[Span]) -> list[Span]:
    """'verdachte zette een 17-jarige jongen in als drugsrunner': a victim word in a sentence
    about the drug trade names a courier or a customer, someone other than a victim."""
    sentences = {s.sent.start for s in spans if s.label_ == "NOT_VICTIM_CONTEXT"}
    if not sentences:
        return persons
    return [
        Span(p.doc, p.start, p.end, label="SUBJECT", span_id="other/context")
        if p.id_ == "victim/words" and p.sent.start in sentences
        else p
        for p in persons
    ]


def children_of_parents(spans: list[Span], persons: list[Span]) -> list[Span]:
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
    return any(
        person_kind(p) == "suspect" and parent.end < p.start <= parent.end + 2 for p in persons
    )


def speakers(doc: Doc, spans: list[Span], persons: list[Span]) -> list[Span]:
    """Each "ik" as the person whose statement it stands in: "[slachtoffer] heeft bij de politie
    verklaard: (...) Ik was toen 15." The speaker is the person named before the statement word
    (after it in "De verklaring van [slachtoffer]:"), in the nearest sentence back that has one."""
    statements = [s for s in spans if s.label_ == "STATEMENT"]
    found = []
    for ik in (s for s in spans if s.label_ == "SPEAKER"):
        speaker = _speaker(doc, ik, statements, persons)
        kind = person_kind(speaker) if speaker is not None else "speaker"
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
            # the subject of the statement verb: "Getuige [naam 1], een vriendin van
            # aangeefster, heeft verklaard:", "De moeder van [slachtoffer] heeft verklaard:"
            return before[0] if before else (after[0] if after else None)
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return _trailing_source(doc, ik, statements, persons)


def _trailing_source(
    doc: Doc, ik: Span, statements: list[Span], persons: list[Span]
) -> Span | None:
    """'"Ik was 16, dat wist hij." (verklaring van [slachtoffer] bij de rechter-commissaris)': a
    quotation whose source is named after it, in brackets."""
    for cue in statements:
        if not ik.end <= cue.start <= ik.end + _TRAILING_SOURCE or doc[cue.start - 1].text != "(":
            continue
        named = [p for p in persons if cue.end <= p.start <= cue.end + 2]
        return named[0] if named else None
    return None
