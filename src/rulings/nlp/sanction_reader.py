"""Assembles sanctions from the pieces the rules found, clause by clause (rulings_sanctions).

In: one section Doc with the spans of patterns/sanctions.jsonl, its role, and the tables of
patterns/sanction_kinds.toml. Out: ``Draft`` sanctions, each with its voice (imposed, demanded,
earlier, or dropped) and its parts.

A sanction is a KIND with its AMOUNT. Other amounts in the clause belong to something else:
"subsidiair 90 dagen hechtenis" and "vervangende hechtenis" to the replacement detention,
"proeftijd van 2 jaren" to the probation, "waarvan 2 maanden voorwaardelijk" and "een gedeelte,
groot 2 maanden" to the suspended part. A clause without a new sanction ("bepaalt dat een
gedeelte van de gevangenisstraf, groot twee maanden, niet ten uitvoer zal worden gelegd") adds its
parts to the last matching sanction of the Doc: the dictum spreads one sentence over several items
(legal-domain.md §4.3). "de gevangenisstraf" (definite) refers back; "een gevangenisstraf" is new.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from rulings.models import Role
from rulings.nlp.clauses import Clause, split_clauses
from rulings.nlp.compensation import complete_measures
from rulings.nlp.sanction_parts import (
    BETWEEN,
    SUSPENDABLE,
    Context,
    Draft,
    attach_bare_part,
    attach_part,
    drop_repeats,
    free,
    grow,
    orphan_conditionals,
    owner,
    probation_target,
    suspend,
    take_after,
    wholly_conditional,
)
from rulings.nlp.sanction_voice import DROP, VOICE_LABELS, Meaning, VoiceTracker
from rulings.nlp.units import Amount, KindInfo, SanctionTables, read_amount

_DEFINITE = frozenset(
    {"de", "deze", "die", "dit", "het", "dat", "welke", "voornoemde", "voormelde"}
)
_COMPOUND_WINDOW = 15  # tokens between a kind and its amount at most


def _resolve_spans(spans: list[Span]) -> dict[str, list[Span]]:
    """Per label the longest spans; voices compete with each other, so 'rechtbank heeft ...
    veroordeeld' (EARLIER) wins over the 'rechtbank' (COURT) inside it."""
    by_label: dict[str, list[Span]] = {}
    for span in spans:
        key = "VOICE" if span.label_ in VOICE_LABELS else span.label_
        by_label.setdefault(key, []).append(span)
    resolved = {}
    for group in by_label.values():
        for span in filter_spans(group):
            resolved.setdefault(span.label_, []).append(span)
    blockers = resolved.get("SUBSTITUTE", []) + resolved.get("NOT_SANCTION", [])
    resolved["KIND"] = [
        k for k in resolved.get("KIND", []) if not any(_overlaps(k, b) for b in blockers)
    ]
    suspensions = resolved.get("SUSPEND_CLAUSE", [])
    resolved["NEGATION"] = [
        n for n in resolved.get("NEGATION", []) if not any(_overlaps(n, s) for s in suspensions)
    ]
    return {label: sorted(group, key=lambda s: s.start) for label, group in resolved.items()}


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def read_drafts(
    doc: Doc, spans: list[Span], tables: SanctionTables, role: Role, summary: bool
) -> list[Draft]:
    """Every sanction spoken of in the Doc, with its voice; callers keep those with an Actor."""
    resolved = _resolve_spans(spans)
    amounts = [a for s in resolved.get("AMOUNT", []) if (a := read_amount(s, tables)) is not None]
    ctx = Context(doc, resolved, amounts, role, summary)
    voices = [(s.label_, s.start, s.end) for label in VOICE_LABELS for s in resolved.get(label, [])]
    commas = [t.i for t in doc if t.text == ","]
    tracker = VoiceTracker(voices, role, summary, commas)
    for index, clause in enumerate(split_clauses(doc)):
        tracker.enter(clause)
        _read_clause(ctx, clause, index, tracker, tables)
        tracker.leave()
    complete_measures(ctx)
    return drop_repeats(ctx.drafts, stated_once=role != Role.BESLISSING)


def _read_clause(
    ctx: Context, clause: Clause, index: int, tracker: VoiceTracker, tables: SanctionTables
) -> None:
    _track_conditions(ctx, clause)
    suppressed = _take_substitutes(ctx, clause)
    probations = [
        (c, a)
        for c in ctx.in_clause("PROBATION", clause)
        if (a := take_after(ctx, c, "PROBATION", clause, ("days",)))
    ]
    bare = ctx.in_clause("PART_BARE", clause)
    parts = [
        (c, a)
        for c in ctx.in_clause("PART", clause)
        if not any(b.start == c.start for b in bare)
        and (a := take_after(ctx, c, "PART", clause, ("days", "hours", "euros")))
    ]
    new, refs = _read_kinds(ctx, clause, index, tracker, suppressed, tables)
    ctx.drafts.extend(new)
    for cue, amount in parts:
        # "waarvan 6 maanden onvoorwaardelijk", "waarvan het onvoorwaardelijke deel ... 88 dagen"
        unconditional = any(
            cue.start - 3 <= u.start < amount.start or amount.end <= u.start <= amount.end + 2
            for u in ctx.in_clause("UNCONDITIONAL", clause)
        )
        attach_part(ctx, new, tracker, refs, cue.start, amount, unconditional)
    for span in bare:
        attach_bare_part(ctx, new, tracker, refs, span)
    orphan_conditionals(ctx, clause, tracker, refs, new)
    if not parts and not ctx.in_clause("PART", clause):
        for cue in ctx.in_clause("SUSPEND_CLAUSE", clause):
            suspend(ctx, clause, tracker, refs, new, cue)
    for cue, amount in probations:
        target = owner(new, cue.start, (*SUSPENDABLE, "euros")) or probation_target(
            ctx, tracker, cue.start
        )
        if target is not None and target.probation is None:
            target.probation = amount.size
            grow(target, ctx.doc[amount.start : amount.end], new)


def _track_conditions(ctx: Context, clause: Clause) -> None:
    """Follow the list of special conditions (art. 14c Sr): it starts at 'stelt als bijzondere
    voorwaarden' and ends with the list, at a 38v measure, or at the next decision item."""
    if ctx.in_clause("CONDITION", clause):
        ctx.in_conditions = not ctx.in_clause("MEASURE_38V", clause)
    elif (
        not clause.continues
        or ctx.in_clause("MEASURE_38V", clause)
        or ctx.in_clause("DECISION", clause)
    ):
        ctx.in_conditions = False


def _take_substitutes(ctx: Context, clause: Clause) -> set[int]:
    """Own the replacement detention's amounts; return the KIND starts they make no sanction."""
    suppressed: set[int] = set()
    for cue in ctx.in_clause("SUBSTITUTE", clause):
        amount = take_after(ctx, cue, "SUBSTITUTE", clause, ("days",))
        stop = amount.end + 3 if amount else cue.end + 4
        for kind in ctx.in_clause("KIND", clause):
            if cue.start <= kind.start < stop and kind.text.lower() in (
                "hechtenis",
                "jeugddetentie",
            ):
                suppressed.add(kind.start)
    return suppressed


def _is_reference(doc: Doc, kind: Span) -> bool:
    """'de gevangenisstraf', 'deze opgelegde gevangenisstraf', 'de door de rechtbank opgelegde
    taakstraf': a sentence named before, not a new one."""
    i = kind.start - 1
    while i >= 0 and doc[i].lower_ in BETWEEN:
        if doc[i].lower_ == "opgelegde":
            return True
        i -= 1
    return i >= 0 and doc[i].lower_ in _DEFINITE


def _is_component(doc: Doc, kind: Span, info: KindInfo, new: list[Draft]) -> bool:
    """'een taakstraf van 60 uren, bestaande uit 40 uren werkstraf en 20 uren leerstraf': the
    parts of a sanction already read in this clause are not sanctions of their own."""
    window = doc[max(0, kind.start - 8) : kind.start].text.lower()
    return "bestaande uit" in window and any(d.kind.name == info.name for d in new)


def _read_kinds(
    ctx: Context,
    clause: Clause,
    index: int,
    tracker: VoiceTracker,
    suppressed: set[int],
    tables: SanctionTables,
) -> tuple[list[Draft], list[KindInfo]]:
    kinds = [k for k in ctx.in_clause("KIND", clause) if k.start not in suppressed]
    new: list[Draft] = []
    refs: list[KindInfo] = []
    for n, span in enumerate(kinds):
        info = tables.kind_of(span.text)
        if info is None:
            continue
        if info.needs_amount and _is_reference(ctx.doc, span):
            refs.append(info)
            continue
        if _is_component(ctx.doc, span, info, new):
            continue
        next_start = kinds[n + 1].start if n + 1 < len(kinds) else clause.end
        amount = _kind_amount(ctx, clause, span, info, next_start)
        if amount is None and info.needs_amount:
            continue
        draft = Draft(
            info,
            _kind_meaning(ctx, clause, tracker, span, info, (amount, next_start)),
            span.start,
            span.end,
            index,
            amount,
        )
        if amount is not None:
            draft.start, draft.end = min(draft.start, amount.start), max(draft.end, amount.end)
            draft.whole_suspended = wholly_conditional(ctx, clause, span, amount)
        new.append(draft)
    return new, refs


def _kind_amount(
    ctx: Context, clause: Clause, kind: Span, info: KindInfo, next_start: int
) -> Amount | None:
    if info.measure == "none":
        return None
    if info.amount_near:
        return _near_amount(ctx, clause, kind, info, next_start)
    measures = (info.measure,)
    after = free(ctx, kind.end, min(next_start, kind.end + _COMPOUND_WINDOW), measures)
    before = [
        i
        for i in free(ctx, max(clause.start, kind.start - 4), kind.start, measures)
        if all(t.lower_ in BETWEEN for t in ctx.doc[ctx.amounts[i].end : kind.start])
    ]
    chosen = (after or before[-1:])[:1]
    if not chosen:
        return None
    ctx.owned.add(chosen[0])
    return _compound(ctx, chosen[0])


def _near_amount(
    ctx: Context, clause: Clause, kind: Span, info: KindInfo, next_start: int
) -> Amount | None:
    """Measures often state one duration for several bans ("een contactverbod en een
    locatieverbod, beide voor de duur van 5 jaren"), before or after the words that name them."""
    usable = [
        i
        for i, a in enumerate(ctx.amounts)
        if clause.start <= a.start < clause.end
        and a.measure == info.measure
        and (i not in ctx.owned or i in ctx.shared)
    ]
    stop = min(next_start, kind.end + _COMPOUND_WINDOW)
    after = [i for i in usable if kind.start <= ctx.amounts[i].start < stop]  # or within it
    before = [i for i in usable if ctx.amounts[i].end <= kind.start]
    later = [i for i in usable if ctx.amounts[i].start >= kind.end]
    chosen = (after or before[-1:] or later)[:1]
    if not chosen:
        return None
    ctx.owned.add(chosen[0])
    ctx.shared.add(chosen[0])
    return ctx.amounts[chosen[0]]


def _compound(ctx: Context, i: int) -> Amount:
    """'1 jaar en 6 maanden' is one duration."""
    amount = ctx.amounts[i]
    nxt = i + 1
    if (
        nxt < len(ctx.amounts)
        and nxt not in ctx.owned
        and ctx.amounts[nxt].measure == amount.measure
        and ctx.amounts[nxt].start == amount.end + 1
        and ctx.doc[amount.end].lower_ == "en"
    ):
        ctx.owned.add(nxt)
        other = ctx.amounts[nxt]
        written = ctx.doc[amount.start : other.end].text
        size = amount.size + other.size
        return Amount(amount.start, other.end, amount.measure, size, written, "", other.factor)
    return amount


def _kind_meaning(
    ctx: Context,
    clause: Clause,
    tracker: VoiceTracker,
    kind: Span,
    info: KindInfo,
    reach: tuple[Amount | None, int],
) -> Meaning:
    """The voice of a sanction, unless the words around it say it is not the sanction.

    ``reach`` is the kind's amount and where the next kind of the clause starts.
    """
    amount, next_start = reach
    meaning = tracker.at(kind.start)
    if info.name in ("contactverbod", "locatieverbod") and ctx.in_conditions:
        return DROP  # a special condition of a suspended sentence, not a 38v measure
    if ctx.role == Role.BESLISSING or ctx.summary:
        return meaning
    negations = ctx.in_clause("NEGATION", clause)
    if amount is None and negations:
        return DROP  # "De rechtbank acht tbs niet aangewezen"
    since = tracker.voice_start(kind.start)
    if any(since <= n.start < kind.start and n.text.lower() == "geen" for n in negations):
        return DROP  # "kan geen sprake zijn van een straf die slechts uit een dag gevangenisstraf"
    if ctx.in_clause("COUNTERFACTUAL", clause):
        return DROP  # "zonder de overschrijding zou het hof ... hebben opgelegd"
    if any(kind.end <= q.start < next_start for q in ctx.in_clause("QUALIFIED", clause)):
        return DROP  # "een gevangenisstraf van drie maanden als uitgangspunt passend"
    return meaning
