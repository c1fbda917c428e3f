"""Reading one statutory citation from its anchor (part of rulings_articles).

In: a Doc with the spans of patterns/articles.jsonl and the law names of laws.toml, and one ARTICLE
anchor. Out: a Citation, the articles it names with their paragraphs and laws, and its token range.
The walk consumes what a citation is built from: numbers ("245, 247 en 248b", "14a-14c", "22b.3"),
paragraphs ("eerste lid", "lid 3"), subdivisions ("aanhef en onder 14°"), connectors ("jo.",
"tot en met"), "(oud)" markers and the law ("van het Wetboek van Strafrecht"); it stops at anything
else, so "artikel 248b Sr, 3 maanden" is one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from rulings.models import Regime
from rulings.nlp.numbers import parse_number_word

_NUMBER = re.compile(r"^(\d{1,3}[a-z]{0,3})(?:\.(\d{1,2}))?$")
_BOOK = re.compile(r"^\d{1,2}:\d{1,3}[a-z]{0,3}$")  # "6:106" BW, "8:69" Awb: book and article
_RANGE = re.compile(r"^(\d{1,3}[a-z]{0,3})[-–](\d{1,3}[a-z]{0,3})$")
_JOINED = re.compile(r"^(?:art|artt|artikel)\.?(\d{1,3}[a-z]{0,3})$")
_KEYWORDS = {"artikel", "artikelen", "art.", "art", "artt.", "artt", "artikels", "wetsartikel"}
_KEYWORDS |= {"wetsartikelen", "oud-artikel", "oud-artikelen", "oud-art."}
_FOLLOWERS = {".", ",", ";", ":", ")", "(", "van", "lid", "leden"}
_LAWISH = ("Wet", "Verdrag", "Besluit", "Reglement", "Regeling", "Uitvoeringswet", "Wetboek")


@dataclass
class Item:
    """One article a citation names, with the paragraph and law written for it."""

    article: str
    paragraph: str | None = None
    law: str | None = None


@dataclass
class Citation:
    """A citation's token range, its articles, its "(oud)"/"(nieuw)" marker; dropped when it
    turned out to cite no statute ("artikel 5 van de huurovereenkomst")."""

    start: int
    end: int
    items: list[Item] = field(default_factory=list)
    regime: Regime = Regime.UNKNOWN
    dropped: bool = False


class SpanIndex:
    """The rule spans of one Doc, looked up by the token they start or end at."""

    def __init__(self, spans: list[Span]) -> None:
        self.starts: dict[tuple[int, str], Span] = {}
        self.ends: dict[tuple[int, str], Span] = {}
        self.by_label: dict[str, list[Span]] = {}
        for span in spans:
            self.by_label.setdefault(span.label_, []).append(span)
            key = (span.start, span.label_)
            if key not in self.starts or len(span) > len(self.starts[key]):
                self.starts[key] = span
            self.ends.setdefault((span.end, span.label_), span)

    def at(self, i: int, label: str) -> Span | None:
        return self.starts.get((i, label))

    def ending(self, i: int, label: str) -> Span | None:
        return self.ends.get((i, label))

    def within(self, label: str, start: int, end: int) -> list[Span]:
        return [s for s in self.by_label.get(label, []) if start <= s.start and s.end <= end]


def read_citation(doc: Doc, anchor: Span, index: SpanIndex) -> Citation:
    """Read a citation from its anchor to its last number, paragraph, law or marker."""
    citation = Citation(start=anchor.start, end=anchor.end)
    i, expect_number, after_law, range_from = anchor.start, True, False, None
    while i < len(doc):
        tok = doc[i]
        if tok.is_space or (tok.text == ":" and not citation.items):
            i += 1
            continue
        if tok.lower_ in _KEYWORDS and (expect_number or i == anchor.start):
            if tok.lower_.startswith("oud-"):
                citation.regime = Regime.OLD
            i, expect_number = i + 1, True
            continue
        number = _number_at(doc, i, index, first=not citation.items, expect=expect_number)
        if number is not None:
            article, paragraph, width = number
            _add_items(citation, article, paragraph, range_from)
            i, citation.end = i + width, i + width
            expect_number, after_law, range_from = False, False, None
            continue
        step = _step(doc, i, index, citation, after_law, expect_number)
        if step is None:
            break
        i, kind = step
        if kind == "range":
            range_from = citation.items[-1].article if citation.items else None
        expect_number = kind in ("juncto", "list", "range")
        after_law = kind == "law" or (after_law and kind == "marker")
        if kind not in ("juncto", "list", "range"):
            citation.end = i
    _paragraph_before(doc, citation, index)
    _assign_laws(doc, citation, index)
    return citation


def _number_at(
    doc: Doc, i: int, index: SpanIndex, first: bool, expect: bool
) -> tuple[str, str | None, int] | None:
    """(article, paragraph, tokens used) when an article number stands at token i."""
    tok = doc[i]
    joined = _JOINED.match(tok.lower_) if first else None
    if joined:
        return joined.group(1), None, 1
    if not expect:
        return None
    text = tok.text
    width = 1
    joins = re.fullmatch(r"\d{1,3}", text) and i + 2 < len(doc) and _letter_after(doc, i)
    if joins and _fits(doc, i + 2, index):
        text, width = text + doc[i + 1].text, 2
    if _BOOK.match(text) and (first or _fits(doc, i + 1, index)):
        return text, None, 1
    match = _NUMBER.match(text) or _RANGE.match(text)
    if not match:
        return None
    if not first and not _fits(doc, i + width, index):
        return None
    if _RANGE.match(text):
        return text, None, width
    return match.group(1), match.group(2), width


def _letter_after(doc: Doc, i: int) -> bool:
    """Whether token i+1 is the letter of the article at token i: "248 b" written apart, or a
    letter the tokenizer split off as a unit ("77t", "38m", "77g" read as tonnes, metres, grams)."""
    letter = doc[i + 1].text
    if not re.fullmatch(r"[a-z]", letter):
        return False
    return not doc[i].whitespace_ or letter <= "h"


def _fits(doc: Doc, i: int, index: SpanIndex) -> bool:
    """Whether token i may follow an article number inside a list ("245, 247 en 248b")."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc):
        return True
    if doc[i].lower_ in _FOLLOWERS:
        return True
    labels = ("CONNECTOR", "PARAGRAPH", "SUBDIVISION", "LAW", "MARKER")
    return any(index.at(i, label) is not None for label in labels)


def _step(
    doc: Doc, i: int, index: SpanIndex, citation: Citation, after_law: bool, expect_number: bool
) -> tuple[int, str] | None:
    """Consume the non-number part at token i; (next token, what it was) or None to stop."""
    marker = index.at(i, "MARKER")
    if marker is not None and citation.items and not (marker.id_ == "old/bare" and expect_number):
        if citation.regime is Regime.UNKNOWN:
            citation.regime = regime_of(marker)
        return marker.end, "marker"
    connector = index.at(i, "CONNECTOR")
    if connector is not None and citation.items:
        step_kind = connector.id_.split("/", 1)[0]  # list, juncto or range
        if after_law and step_kind != "juncto":
            return None
        return connector.end, step_kind
    if after_law or not citation.items:
        return None
    for label in ("PARAGRAPH", "SUBDIVISION"):
        span = index.at(i, label)
        if span is not None:
            if label == "PARAGRAPH" and citation.items[-1].paragraph is None:
                citation.items[-1].paragraph = _paragraph_number(span)
            return span.end, label.lower()
    return _law_step(doc, i, index, citation)


def _law_step(doc: Doc, i: int, index: SpanIndex, citation: Citation) -> tuple[int, str] | None:
    """A law name, directly or after "van (het|de)"; an unknown instrument ends the citation."""
    j = i
    if doc[j].lower_ == "van":
        j += 1
        while j < len(doc) and (doc[j].is_space or doc[j].lower_ in ("het", "de")):
            j += 1
    law = index.at(j, "LAW") if j < len(doc) else None
    if law is not None:
        _give_law(citation, law.id_)
        return law.end, "law"
    if j == i or j >= len(doc):
        return None
    if doc[j].text.startswith(_LAWISH):
        end = j
        while end < len(doc) and not doc[end].is_punct and end - j < 8 and not doc[end].is_space:
            end += 1
        _give_law(citation, doc[j:end].text)
        return end, "law"
    if doc[j - 1].lower_ in ("het", "de"):
        citation.dropped = True  # "artikel 5 van de huurovereenkomst": no statute
    return None


def _give_law(citation: Citation, law: str) -> None:
    for item in citation.items:
        if item.law is None:
            item.law = law


def _add_items(
    citation: Citation, article: str, paragraph: str | None, range_from: str | None
) -> None:
    """Add a number, expanding "14a-14c" and "55 tot en met 57" to every article between."""
    whole = _RANGE.match(article)
    if whole:
        citation.items.extend(Item(a) for a in _expand(whole.group(1), whole.group(2)))
        return
    if range_from is not None:
        expanded = _expand(range_from, article)
        citation.items.extend(Item(a) for a in expanded[1:])
        if len(expanded) > 1:
            citation.items[-1].paragraph = paragraph
            return
    citation.items.append(Item(article, paragraph))


def _expand(first: str, last: str) -> list[str]:
    """'14a'..'14c' -> 14a, 14b, 14c; '55'..'57' -> 55, 56, 57; anything else -> both ends."""
    a, b = re.match(r"(\d+)([a-z]*)", first), re.match(r"(\d+)([a-z]*)", last)
    assert a is not None and b is not None
    if a.group(1) == b.group(1) and len(a.group(2)) == len(b.group(2)) == 1:
        letters = range(ord(a.group(2)), ord(b.group(2)) + 1)
        return [a.group(1) + chr(c) for c in letters] if len(letters) <= 26 else [first, last]
    if not a.group(2) and not b.group(2) and 0 < int(b.group(1)) - int(a.group(1)) <= 30:
        return [str(n) for n in range(int(a.group(1)), int(b.group(1)) + 1)]
    return [first, last]


def _paragraph_number(span: Span) -> str | None:
    """'eerste lid' -> '1'; 'lid 3' -> '3'; 'vierde of vijfde lid' -> '4' (the first named)."""
    for tok in span:
        if tok.is_digit:
            return tok.text
        if tok.lower_.endswith(("ste", "de")):
            value = _ordinal(tok.lower_)
            if value is not None:
                return str(value)
    return None


def _ordinal(word: str) -> int | None:
    special = {"eerste": 1, "derde": 3, "achtste": 8}
    if word in special:
        return special[word]
    value = parse_number_word(word.removesuffix("de"))
    return int(value) if value else None


def _paragraph_before(doc: Doc, citation: Citation, index: SpanIndex) -> None:
    """'het eerste lid van artikel 248b': a paragraph named before the article."""
    j = citation.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 1 or doc[j].lower_ != "van":
        return
    span = index.ending(j, "PARAGRAPH")
    if span is not None and citation.items and citation.items[0].paragraph is None:
        citation.items[0].paragraph = _paragraph_number(span)
        citation.start = span.start


def _assign_laws(doc: Doc, citation: Citation, index: SpanIndex) -> None:
    """Numbers without their own law take the one named before the list, else the last one."""
    if all(item.law is not None for item in citation.items):
        return
    laws = [item.law for item in citation.items if item.law is not None]
    before = _law_before(doc, citation.start, index)
    fallback = laws[-1] if laws else before
    for item in citation.items:
        if item.law is None:
            item.law = fallback


def _law_before(doc: Doc, start: int, index: SpanIndex) -> str | None:
    """'Wetboek van Strafrecht, artikelen: 14a, 14b': the law written before the keyword."""
    j = start
    while j > 0 and (doc[j - 1].is_space or doc[j - 1].text in (",", ":")):
        j -= 1
    law = index.ending(j, "LAW")
    return law.id_ if law is not None and j < start else None


def regime_of(span: Span) -> Regime:
    """The regime a MARKER or REGIME_CUE rule names in its id ("old/paren" -> OLD)."""
    return Regime(span.id_.split("/", 1)[0])
