"""The rulings_sanctions component: sentences, measures and acquittals of one section Doc.

Stage: extract. In: a section Doc with ``doc._.role`` and ``doc._.section_index``. Out:
``doc._.sanctions`` (``Sanction`` values with the actor: imposed by this court, demanded by the
prosecutor, or an earlier instance's, each with its Evidence) and ``doc._.acquittals``
(``Evidence`` of each explicit acquittal of a charge). The rules in patterns/sanctions.jsonl find
the pieces (kept in ``doc.spans["sanctions"]`` for inspection); sanction_reader.py assembles them;
patterns/sanction_kinds.toml names the kinds.

Not sanctions of their own (legal-domain.md §4.3): replacement detention ("subsidiair 90 dagen
hechtenis", "vervangende hechtenis", gijzeling), time credited (voorarrest in mindering), the
execution of an earlier suspended sentence, the defence's proposal, the reclassering's advice, and
the civil award to the benadeelde partij ("wijst de vordering ... toe"); the
schadevergoedingsmaatregel is one.

``ruling_sanctions`` turns the Docs of one ruling into the ruling's own list: a sentence stated in
the strafmotivering and again in the beslissing counts once.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from rulings.models import Actor, Evidence, Role, Sanction
from rulings.nlp.acquittal import read_acquittals
from rulings.nlp.extensions import GatedSpanRuler
from rulings.nlp.sanction_reader import SUSPENDABLE, Draft, read_drafts
from rulings.nlp.sanction_voice import SILENT_ROLES
from rulings.nlp.units import SanctionTables, sanction_tables
from rulings.patterns import load_rules

SPANS_KEY = "sanctions"
SUMMARY_INDEX = -1  # the inhoudsindicatie


@Language.factory(
    "rulings_sanctions",
    requires=["doc.sents"],
    assigns=["doc._.sanctions", "doc._.acquittals", "doc.spans"],
)
def make_sanction_reader(nlp: Language, name: str) -> SanctionReader:
    """Build the component with the rules of patterns/sanctions.jsonl."""
    ruler = GatedSpanRuler(
        nlp, name=f"{name}_rules", spans_key=SPANS_KEY, validate=True, overwrite=True
    )
    ruler.add_patterns(load_rules("sanctions"))
    return SanctionReader(ruler, sanction_tables())


class SanctionReader:
    """Finds the pieces with its rules and reads them into Sanctions and acquittals."""

    def __init__(self, ruler: SpanRuler, tables: SanctionTables) -> None:
        self.ruler = ruler
        self.tables = tables

    def __call__(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        spans = list(doc.spans[SPANS_KEY])
        role = _role(doc)
        index = int(doc._.section_index)
        summary = index == SUMMARY_INDEX
        doc._.acquittals = read_acquittals(doc, spans, role, index)
        silent = self.tables.silent(doc._.heading or "")
        if (role in SILENT_ROLES or silent) and not summary:
            doc._.sanctions = []
            return doc
        drafts = read_drafts(doc, spans, self.tables, role, summary)
        doc._.sanctions = [
            to_sanction(doc, d, role, index) for d in drafts if isinstance(d.meaning, Actor)
        ]
        return doc


def _role(doc: Doc) -> Role:
    try:
        return Role(doc._.role)
    except ValueError:
        return Role.OTHER


def _evidence(doc: Doc, draft: Draft, role: Role, index: int) -> Evidence:
    span: Span = doc[draft.start : draft.end]
    return Evidence(
        section_index=index,
        role=role,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        sentence=doc[draft.start].sent.text.strip(),
    )


def to_sanction(doc: Doc, draft: Draft, role: Role, index: int) -> Sanction:
    """A Draft as the frozen model: sizes rounded, suspended part capped at the total."""
    amount = draft.amount
    measure = amount.measure if amount else None
    digits = 2 if measure == "euros" else None  # euros keep their cents, days and hours are whole
    size = round(amount.size, digits) if amount and measure in SUSPENDABLE else None
    suspended: float = 0
    if size is not None and draft.whole_suspended:
        suspended = size
    elif size is not None and draft.suspended:
        suspended = min(size, round(draft.suspended, digits))
    return Sanction(
        kind=draft.kind.name,
        actor=Actor(draft.meaning),
        amount=amount.amount if amount else "",
        unit=amount.unit if amount else "",
        days=size if measure == "days" else None,
        hours=size if measure == "hours" else None,
        euros=round(amount.size, 2) if amount and measure == "euros" else None,
        suspended_days=suspended if measure == "days" else 0,
        suspended_hours=suspended if measure == "hours" else 0,
        suspended_euros=suspended if measure == "euros" else 0.0,
        probation_days=round(draft.probation) if draft.probation is not None else None,
        evidence=_evidence(doc, draft, role, index),
    )


def _key(s: Sanction) -> tuple[object, ...]:
    return (
        s.kind, s.actor, s.days, s.hours, s.euros,
        s.suspended_days, s.suspended_hours, s.suspended_euros,
    )  # fmt: skip


def _unique(per_doc: list[list[Sanction]]) -> list[Sanction]:
    """Sanctions of several Docs, each stated once: a sentence repeated in another section is
    the same sentence, while two equal measures in one section (for two victims) are two."""
    out: list[Sanction] = []
    for sanctions in per_doc:
        pending = Counter(_key(s) for s in out)
        for s in sanctions:
            if pending[_key(s)]:
                pending[_key(s)] -= 1
            else:
                out.append(s)
    return out


def _is_cassation(docs: Sequence[Doc]) -> bool:
    """A Hoge Raad judgment or an AG's conclusion: it quotes sentences, it imposes none."""
    return _has(docs, "CASSATION")


def _has(docs: Sequence[Doc], label: str) -> bool:
    return any(span.label_ == label for doc in docs for span in doc.spans.get(SPANS_KEY, []))


def _for_actor(
    body: Sequence[Doc], summary: Sequence[Doc], actor: Actor, home: Role
) -> list[Sanction]:
    """One actor's sanctions: from its home section when that states any, else from the body,
    else from the inhoudsindicatie. A beslissing that confirms the judgment under appeal
    ("bevestigt het vonnis waarvan beroep") imposes nothing, whatever the reasons say."""
    home_docs = [d for d in body if _role(d) == home]
    if actor == Actor.IMPOSED and _has(home_docs, "CONFIRMS"):
        return _unique(_by_doc(home_docs, actor))
    for docs in (home_docs, body, summary):
        found = _unique(_by_doc(docs, actor))
        if found:
            return found
    return []


def ruling_sanctions(docs: Sequence[Doc]) -> tuple[list[Sanction], list[Evidence]]:
    """The ruling's sanctions and acquittals from all its section Docs (inhoudsindicatie: -1).

    Imposed sentences come from the beslissing when the ruling has one (a beslissing that only
    "bevestigt het vonnis waarvan beroep" states none), otherwise from the other sections, and
    from the inhoudsindicatie only when the body has none; demanded ones likewise from the
    vordering section first. Earlier instances' sentences are all kept, once each. In a cassation
    document every imposed sentence is a quoted one, so it becomes earlier. Acquittals count from
    the beslissing, or, without one, from any decisional sentence of the body.
    """
    body = [d for d in docs if int(d._.section_index) != SUMMARY_INDEX]
    summary = [d for d in docs if int(d._.section_index) == SUMMARY_INDEX]
    imposed = _for_actor(body, summary, Actor.IMPOSED, Role.BESLISSING)
    demanded = _for_actor(body, summary, Actor.DEMANDED, Role.VORDERING)
    demanded += _own_section_demands(body, demanded)
    earlier = _unique(_by_doc(docs, Actor.EARLIER))
    if _is_cassation(docs):
        quoted = [[_as_earlier(s) for s in group] for group in _by_doc(docs, Actor.IMPOSED)]
        earlier = _unique([earlier, *quoted])
        imposed = []
    return imposed + demanded + earlier, _ruling_acquittals(body, summary, _is_cassation(docs))


def _own_section_demands(body: Sequence[Doc], demanded: list[Sanction]) -> list[Sanction]:
    """Measures demanded in a section of their own ("De officier van justitie heeft gevorderd
    de vordering toe te wijzen en daarbij de schadevergoedingsmaatregel op te leggen" under the
    benadeelde partij) when the demand taken so far names none of that kind."""
    have = {s.kind for s in demanded}
    own = _own_section_kinds()
    found = [
        [s for s in group if s.kind in own and s.kind not in have]
        for group in _by_doc(body, Actor.DEMANDED)
    ]
    return _unique(found)


@functools.cache
def _own_section_kinds() -> frozenset[str]:
    return frozenset(k.name for k in sanction_tables().kinds.values() if k.own_section)


def _by_doc(docs: Sequence[Doc], actor: Actor) -> list[list[Sanction]]:
    return [[s for s in (d._.sanctions or []) if s.actor == actor] for d in docs]


def _as_earlier(sanction: Sanction) -> Sanction:
    fields = {f: getattr(sanction, f) for f in sanction.__dataclass_fields__}
    fields["actor"] = Actor.EARLIER
    return Sanction(**fields)


def _ruling_acquittals(body: list[Doc], summary: list[Doc], cassation: bool) -> list[Evidence]:
    decision = [d for d in body if _role(d) == Role.BESLISSING]
    if decision:
        return [e for d in decision for e in (d._.acquittals or [])]
    if cassation:
        return []
    for docs in (body, summary):
        found = [e for d in docs for e in (d._.acquittals or [])]
        if found:
            return found
    return []
