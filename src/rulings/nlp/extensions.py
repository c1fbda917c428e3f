"""Every ``Doc._`` attribute the extraction pipeline reads or sets, registered in one place.

Set before the pipeline runs (by rulings.extract):
    role           the Role of the section the Doc holds (decides demanded vs imposed, who raised)
    section_index  Section.index, -1 for the inhoudsindicatie
    decision_date  the ruling's decision date (datetime.date or None), for regimes and ages
Set by the components (lists of rulings.models values, each with its Evidence):
    articles sanctions acquittals ages payment circumstances references contacts
"""

from __future__ import annotations

from spacy.tokens import Doc

FINDING_ATTRS = (
    "articles",
    "sanctions",
    "acquittals",
    "ages",
    "payment",
    "circumstances",
    "references",
    "contacts",
)


def register_extensions() -> None:
    """Register the attributes; safe to call more than once."""
    for name, default in (("role", "other"), ("section_index", 0), ("decision_date", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in FINDING_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
