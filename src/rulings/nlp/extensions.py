"""Every ``Doc._`` attribute the extraction pipeline reads or sets, and the helpers they share.

Set before the pipeline runs (by rulings.extract):
    role           the Role of the section the Doc holds (decides demanded vs imposed, who raised)
    section_index  Section.index, -1 for the inhoudsindicatie
    decision_date  the ruling's decision date (datetime.date or None), for regimes and ages
Set by the components (lists of rulings.models values, each with its Evidence):
    articles sanctions acquittals ages payment circumstances references contacts
Set by the components for the ruling-level step in rulings.extract (not findings themselves):
    regime_cues    {"old", "wsm2024"}: qualification wording of either law version in this Doc
    offence_dates  [(first, last)]: dates of the act stated in this Doc
    birth_dates    [(first, last, Subject, Evidence)]: birth dates (a year alone spans the year),
                   turned into ages against the dates of the act
    rejections     [RaisedBy]: whose plea the court rejects in this Doc ("verwerpt het verweer"),
                   also in sections whose circumstances are not read

The helpers turn a rule's span into the Evidence a reviewer is shown and build the span rulers
each component loads from its own patterns/<family>.jsonl.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from rulings.models import Evidence, Role
from rulings.patterns import load_rules

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
AUXILIARY_ATTRS = ("regime_cues", "offence_dates", "birth_dates", "rejections")


def register_extensions() -> None:
    """Register the attributes; safe to call more than once."""
    for name, default in (("role", "other"), ("section_index", 0), ("decision_date", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in FINDING_ATTRS + AUXILIARY_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_role(doc: Doc) -> Role:
    """The section role of a Doc; plain strings are accepted because tests set them by hand."""
    value = doc._.role
    return value if isinstance(value, Role) else Role(str(value))


def make_ruler(nlp: Language, family: str, labels: Collection[str] | None = None) -> SpanRuler:
    """A SpanRuler holding patterns/<family>.jsonl (only `labels`, when given); its spans land in
    ``doc.spans[family]``.

    Phrase patterns (plain strings) match case-insensitively: rulings write "Tegen betaling" at
    the start of a sentence and "tegen betaling" inside one.
    """
    register_extensions()
    ruler = SpanRuler(
        nlp,
        name=f"{family}_rules",
        spans_key=family,
        phrase_matcher_attr="LOWER",
        validate=True,
        overwrite=True,
    )
    rules = load_rules(family)
    ruler.add_patterns([r for r in rules if labels is None or r["label"] in labels])
    return ruler


def rule_value(span: Span) -> str:
    """The value a rule stands for: its id up to "/" ("hotel/hotelkamer" -> "hotel")."""
    return span.id_.split("/", 1)[0] if span.id_ else span.label_


def sentence_of(doc: Doc, start: int, end: int) -> Span:
    """The sentence(s) around tokens start..end (a span may cross a sentence boundary)."""
    first = doc[start].sent
    last = doc[max(end - 1, start)].sent
    return doc[first.start : last.end]


def evidence(doc: Doc, start: int, end: int) -> Evidence:
    """Evidence for tokens start..end: character offsets into the section text and the sentence."""
    span = doc[start:end]
    return Evidence(
        section_index=int(doc._.section_index),
        role=doc_role(doc),
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        sentence=sentence_of(doc, start, end).text.strip(),
    )


def longest_spans(spans: list[Span]) -> list[Span]:
    """Drop spans that lie inside a longer one, keeping document order.

    Overlapping spans that are not nested both stay: "niet eerder veroordeeld" swallows the
    "eerder veroordeeld" inside it, but two phrases that merely touch are two findings.
    """
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-len(s), s.start)):
        if not any(
            k.start <= span.start
            and span.end <= k.end
            and (len(k) > len(span) or k.label == span.label)
            for k in kept
        ):
            kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end))
