"""The parts of a sanction and where they go (part of rulings_sanctions).

In: the ``Context`` of one section Doc being read by sanction_reader.py. Out: ``Draft`` sanctions
with their suspended part ("waarvan 2 maanden voorwaardelijk", "een gedeelte, groot twee maanden,
niet ten uitvoer", "beveelt dat de gevangenisstraf niet ten uitvoer zal worden gelegd") and their
probation. A part stands after its sanction in the same clause, or in a dictum item of its own
that refers back to "de gevangenisstraf" or "deze straf": then it belongs to the last sanction of
that kind (or of any suspendable kind) the same voice stated (legal-domain.md §4.3).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from rulings.models import Role
from rulings.nlp.clauses import Clause
from rulings.nlp.sanction_voice import DROP, Meaning, VoiceTracker
from rulings.nlp.units import Amount, KindInfo, read_number

SUSPENDABLE = ("days", "hours", "euros")
# Words that may stand between a kind and a definite article or an amount before it.
BETWEEN = frozenset(
    {
        "opgelegde", "voorwaardelijke", "onvoorwaardelijke", "voorwaardelijk", "gevorderde",
        "geëiste", "voornoemde", "voormelde", "bovengenoemde", "genoemde", "gehele", "geheel",
        "thans", "hiervoor", "hierboven", "te", "op", "leggen", "(", ")",
    }
)  # fmt: skip
_WHOLE = frozenset({",", "geheel", "gehele", "in", "zijn", "het", "totaal"})
_CUE_WINDOW = {"SUBSTITUTE": 14, "PROBATION": 10, "PART": 8}


@dataclass
class Draft:
    """A sanction being assembled; its token span grows with the parts found in its clause."""

    kind: KindInfo
    meaning: Meaning
    start: int
    end: int
    clause: int
    amount: Amount | None = None
    suspended: float | None = None  # in the measure of the amount, not rounded
    whole_suspended: bool = False
    probation: float | None = None  # days, not rounded

    @property
    def measure(self) -> str:
        return self.amount.measure if self.amount else self.kind.measure


@dataclass
class Context:
    """What one Doc's clauses share while they are read."""

    doc: Doc
    spans: dict[str, list[Span]]
    amounts: list[Amount]
    role: Role
    summary: bool
    owned: set[int] = field(default_factory=set)  # indices into amounts
    shared: set[int] = field(default_factory=set)  # owned by a measure, open to the next one
    drafts: list[Draft] = field(default_factory=list)
    in_conditions: bool = False  # inside a list of special conditions (art. 14c Sr)

    def in_clause(self, label: str, clause: Clause) -> list[Span]:
        """The spans of a label that start in the clause (spans are sorted by start)."""
        spans = self.spans.get(label, [])
        starts = [s.start for s in spans]
        return spans[bisect_left(starts, clause.start) : bisect_left(starts, clause.end)]


def free(ctx: Context, start: int, stop: int, measures: tuple[str, ...]) -> list[int]:
    """Indices of unowned amounts starting in [start, stop) with one of the measures."""
    return [
        i
        for i, a in enumerate(ctx.amounts)
        if i not in ctx.owned and start <= a.start < stop and a.measure in measures
    ]


def take_after(
    ctx: Context, cue: Span, label: str, clause: Clause, measures: tuple[str, ...]
) -> Amount | None:
    """Give the first free amount after a cue to the cue (replacement, probation, part)."""
    stop = min(clause.end, cue.end + _CUE_WINDOW[label])
    found = free(ctx, cue.start, stop, measures)
    if not found:
        return None
    ctx.owned.add(found[0])
    return ctx.amounts[found[0]]


def suspend(
    ctx: Context,
    clause: Clause,
    tracker: VoiceTracker,
    refs: list[KindInfo],
    new: list[Draft],
    cue: Span,
) -> None:
    """'beveelt dat de gevangenisstraf niet ten uitvoer zal worden gelegd' suspends it wholly;
    'bepaalt dat 6 (zes) maanden van deze gevangenisstraf niet ten uitvoer worden gelegd' a part."""
    target = owner(new, cue.start, SUSPENDABLE)
    if target is None and any(d.start < cue.start for d in new):
        return  # "legt op de maatregel van plaatsing in een inrichting voor jeugdigen en bepaalt
        # dat deze niet ten uitvoer wordt gelegd": the measure of this clause, which has no days
    target = target or target_before(ctx, tracker, refs, cue.start, SUSPENDABLE)
    if target is None or target.amount is None or target.suspended is not None:
        return
    stated = free(ctx, clause.start, cue.start, (target.measure,))
    in_clause = any(target is d for d in new)
    stated = [i for i in stated if not in_clause or ctx.amounts[i].start >= target.end]
    if stated:
        ctx.owned.add(stated[0])
        target.suspended = min(ctx.amounts[stated[0]].size, target.amount.size)
    else:
        target.whole_suspended = True
    grow(target, cue, new)


def wholly_conditional(ctx: Context, clause: Clause, kind: Span, amount: Amount) -> bool:
    """'een voorwaardelijke gevangenisstraf van 3 maanden', '3 maanden voorwaardelijk'."""
    doc = ctx.doc
    for cond in ctx.in_clause("CONDITIONAL", clause):
        if cond.end <= kind.start and all(
            t.lower_ in _WHOLE | BETWEEN for t in doc[cond.end : kind.start]
        ):
            partly = ctx.in_clause("PARTLY", clause)
            if not any(p.end == cond.start for p in partly):
                return True
        last = max(amount.end, kind.end)  # "2 maanden gevangenisstraf voorwaardelijk"
        if last <= cond.start <= last + 2 and all(
            t.lower_ in _WHOLE for t in doc[last : cond.start]
        ):
            return True
    return False


def owner(drafts: list[Draft], position: int, measures: tuple[str, ...]) -> Draft | None:
    """The last new sanction of this clause before a part."""
    before = [d for d in drafts if d.start < position and d.measure in measures]
    return before[-1] if before else None


def target_before(
    ctx: Context,
    tracker: VoiceTracker,
    refs: list[KindInfo],
    position: int,
    measures: tuple[str, ...],
) -> Draft | None:
    """The earlier sanction of the Doc a part in a clause of its own belongs to."""
    meaning = tracker.at(position)
    if meaning == DROP:
        return None
    names = {r.name for r in refs}
    for draft in reversed(ctx.drafts):
        if draft.measure not in measures or (names and draft.kind.name not in names):
            continue
        if meaning is None or draft.meaning == meaning:
            return draft
    return None


def probation_target(ctx: Context, tracker: VoiceTracker, position: int) -> Draft | None:
    """The last suspended sentence of the same voice still without a probation."""
    meaning = tracker.at(position)
    if meaning == DROP:
        return None
    for draft in reversed(ctx.drafts):
        same_voice = meaning is None or draft.meaning == meaning
        if same_voice and draft.probation is None and (draft.suspended or draft.whole_suspended):
            return draft
    return None


def attach_part(
    ctx: Context,
    new: list[Draft],
    tracker: VoiceTracker,
    refs: list[KindInfo],
    position: int,
    amount: Amount,
    unconditional: bool,
) -> None:
    """Give a 'waarvan' or 'gedeelte' amount to its sanction as the suspended part."""
    measures = (amount.measure,)
    target = owner(new, position, measures) or target_before(ctx, tracker, refs, position, measures)
    if target is None or target.amount is None or amount.measure not in SUSPENDABLE:
        return
    size = target.amount.size - amount.size if unconditional else amount.size
    target.suspended = max(0.0, min(size, target.amount.size))
    grow(target, ctx.doc[amount.start : amount.end], new)


def attach_bare_part(
    ctx: Context, new: list[Draft], tracker: VoiceTracker, refs: list[KindInfo], span: Span
) -> None:
    """'6 maanden gevangenisstraf, waarvan 3 voorwaardelijk': the part in the total's unit."""
    value = read_number(span[1].text)
    target = owner(new, span.start, SUSPENDABLE) or target_before(
        ctx, tracker, refs, span.start, SUSPENDABLE
    )
    if value is None or target is None or target.amount is None:
        return
    size = value * target.amount.factor
    if span[-1].lower_.startswith("onvoorwaardelijk"):
        size = target.amount.size - size
    target.suspended = max(0.0, min(size, target.amount.size))
    grow(target, span, new)


def orphan_conditionals(
    ctx: Context, clause: Clause, tracker: VoiceTracker, refs: list[KindInfo], new: list[Draft]
) -> None:
    """'De rechtbank zal daarvan 3 maanden voorwaardelijk opleggen', '..., zodat 152 dagen
    voorwaardelijk worden opgelegd': a part without 'waarvan'."""
    for cond in ctx.in_clause("CONDITIONAL", clause):
        found = [
            i
            for i in free(ctx, max(clause.start, cond.start - 4), cond.start, SUSPENDABLE)
            if ctx.amounts[i].end >= cond.start - 1
        ]
        if not found:
            continue
        ctx.owned.add(found[-1])
        amount = ctx.amounts[found[-1]]
        measures = (amount.measure,)
        target = owner(new, cond.start, measures) or target_before(
            ctx, tracker, refs, cond.start, measures
        )
        if target is not None and target.amount is not None and target.suspended is None:
            target.suspended = min(amount.size, target.amount.size)
            grow(target, cond, new)


def grow(draft: Draft, span: Span, new: list[Draft]) -> None:
    """Widen the evidence of a sanction of this clause to the part just attached."""
    if any(draft is d for d in new):
        draft.end = max(draft.end, span.end)


def drop_repeats(drafts: list[Draft], stated_once: bool) -> list[Draft]:
    """A measure named again without its amount ("voldaan aan de verplichting tot betaling aan
    de Staat") is the same measure, not a second one. Reasoning restates the sentence it chose
    ("zal ... een gevangenisstraf van één dag opleggen" ... "acht ... een gevangenisstraf voor de
    duur van 1 (één) dag passend"): with ``stated_once`` equal sanctions of a voice count once,
    while a dictum's two equal measures (for two victims) stay two."""
    kept: list[Draft] = []
    for draft in drafts:
        same = [k for k in kept if k.kind.name == draft.kind.name and k.meaning == draft.meaning]
        if draft.amount is None and same:
            continue
        if any(k.amount is draft.amount for k in same):
            # "als schadevergoedingsmaatregel ... de verplichting tot betaling aan de Staat"
            continue
        equal = [k for k in same if stated_once and _size(k) == _size(draft)]
        if equal:
            equal[0].probation = equal[0].probation or draft.probation
            continue
        if draft.amount is not None:
            kept = [k for k in kept if not (k.amount is None and any(k is x for x in same))]
        kept.append(draft)
    return kept


def _size(draft: Draft) -> tuple[float | None, float | None, bool]:
    size = draft.amount.size if draft.amount else None
    return size, draft.suspended, draft.whole_suspended
