"""The schadevergoedingsmaatregel (art. 36f Sr) as a demand states it (part of rulings_sanctions).

Two things a demand leaves to the reader, which sanction_reader.py's kind-and-amount reading
misses:

- one measure per victim in one clause: "oplegging van de schadevergoedingsmaatregel tot een
  bedrag van € 7.500 ten behoeve van [slachtoffer 1] en van € 5.000 ten behoeve van
  [slachtoffer 2]", "tot bedragen van € 5.000 en € 4.500, en daarbij telkens de
  schadevergoedingsmaatregel op te leggen";
- the amount named only in the claim the demand asks to award: "De benadeelde partij vordert
  € 1.500 (...). De officier van justitie heeft gevorderd de vordering geheel toe te wijzen en
  daarbij de schadevergoedingsmaatregel op te leggen."
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span

from rulings.models import Actor
from rulings.nlp.sanction_parts import Context, Draft
from rulings.nlp.units import Amount

KIND = "schadevergoedingsmaatregel"
_NAME_MARKS = {",", "-", "[", "]"}  # "ten behoeve van [slachtoffer 1], en van"
_MAX_BETWEEN = 12  # tokens between two victims' amounts
_AWARD = ("toe te wijzen", "toewijzing", "toegewezen")
_CLAIM = ("vordert", "vordering", "gevorderd", "verzoekt", "gevraagd")
_CLAIM_LOOKBACK = 2  # sentences back the claim may stand


def complete_measures(ctx: Context) -> None:
    """Add the measures a clause names for a second victim, and give a demanded measure without
    an amount the amount of the claim it asks to award."""
    added: list[Draft] = []
    for draft in ctx.drafts:
        if draft.kind.name != KIND or not isinstance(draft.meaning, Actor):
            continue
        if draft.amount is None:
            if draft.meaning is Actor.DEMANDED:
                draft.amount = _claimed_amount(ctx, draft)
            continue
        for i in _other_victims(ctx, draft.amount):
            ctx.owned.add(i)
            added.append(dataclasses.replace(draft, amount=ctx.amounts[i], suspended=None))
    ctx.drafts.extend(added)


def _other_victims(ctx: Context, own: Amount) -> list[int]:
    """Unowned euro amounts of the sentence joined to the measure's own by 'en', with only
    words, numbers and the victims' pseudonyms between: each is a further measure."""
    doc = ctx.doc
    sent = doc[own.start].sent
    found = []
    for i, other in enumerate(ctx.amounts):
        if i in ctx.owned or other.measure != "euros" or other is own:
            continue
        if not sent.start <= other.start < sent.end:
            continue
        first, second = (own, other) if own.start < other.start else (other, own)
        between = doc[first.end : second.start]
        plain = all(t.is_alpha or t.like_num or t.text in _NAME_MARKS for t in between)
        joined = any(t.lower_ == "en" for t in between)
        if joined and plain and len(between) <= _MAX_BETWEEN and _names_only(between):
            found.append(i)
    return found


def _names_only(between: Span) -> bool:
    """'€ 7.500 ten behoeve van [slachtoffer 1] en van € 5.000': names only, no claim words."""
    return not any(t.lower_ in ("schade", "vordering", "rente", "kosten") for t in between)


def _claimed_amount(ctx: Context, draft: Draft) -> Amount | None:
    """The one euro amount of the claim the demand asks to award, a sentence or two back."""
    doc = ctx.doc
    sent = doc[draft.start].sent
    if not any(word in sent.text.lower() for word in _AWARD):
        return None
    first = sent.start
    for _ in range(_CLAIM_LOOKBACK):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    before = doc[first : sent.start]
    if not any(word in before.text.lower() for word in _CLAIM):
        return None
    amounts = [
        a
        for i, a in enumerate(ctx.amounts)
        if a.measure == "euros" and first <= a.start < sent.start and i not in ctx.owned
    ]
    return amounts[0] if len(amounts) == 1 else None
