"""Shared by the sanction and acquittal tables: run one section, summarise its sanctions."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

Size = tuple[str, str, float | None, float, int | None]
Row = tuple[str, str, list[Size]]
IMPOSED, DEMANDED, EARLIER = "imposed", "demanded", "earlier"


def section(nlp: Language, text: str, role: str = "beslissing", index: int = 5) -> Doc:
    """Run the pipeline over one section the way the extract step does."""
    doc = nlp.make_doc(text)
    doc._.role = role
    doc._.section_index = index
    return nlp(doc)


def summary(sanctions) -> list[Size]:
    """(kind, actor, size, suspended part, probation) per sanction."""
    out = []
    for s in sanctions:
        size = next((v for v in (s.days, s.hours, s.euros) if v is not None), None)
        out.append(
            (
                s.kind,
                s.actor.value,
                size,
                s.suspended_days or s.suspended_hours or s.suspended_euros,
                s.probation_days,
            )
        )
    return out
