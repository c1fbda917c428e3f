"""Flatten the DocBook-like body markup into plain paragraphs.

What a reader sees on rechtspraak.nl is what the extractors should see: one paragraph per line,
``<?linebreak?>`` as a line break, the number of a paragroup in front of its first paragraph
("5.1 De officier van justitie ..."), list items one per line ("- " or "1. " in front), table rows
as cells joined by " | ", footnote references as " [1]". Emphasis, quotes and the annotation
elements some third-party copies add (``text``, ``potentialnr``, ``listmarking``) are flattened to
their text. Indentation is not text even under ``xml:space="preserve"``: runs of whitespace,
including non-breaking spaces and tabs, become one space; zero-width characters and soft hyphens go.
Images carry no text and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LINEBREAK = "\x00"  # stands for <?linebreak?> while pieces are joined; never in XML text

_CONTAINERS = frozenset({"parablock", "paragroup", "listitem", "blockquote", "ondertekening"})
_PARAS = frozenset({"para", "bridgehead", "simpara", "title", "formalpara"})
_LISTS = frozenset({"itemizedlist", "orderedlist"})
_TABLES = frozenset({"informaltable", "table"})
_SKIPPED = frozenset(
    {"footnote", "mediaobject", "inlinemediaobject", "imageobject", "colspec", "section"}
)
_BLOCKS_IN_PARA = _LISTS | _TABLES | {"para", "parablock", "blockquote"}
_MARKERS = frozenset({"listmarking", "potentialnr"})  # a number or dash before the text it marks


@dataclass(slots=True)
class Para:
    """One paragraph of body text.

    ``nr`` is the paragroup number that stands before it; ``marked`` says the paragraph is drawn
    as a heading (a bridgehead, or wholly in emphasis); ``notes`` are the ids of the footnotes it
    refers to, so the footnote text can follow the section that cites it.
    """

    text: str
    nr: str | None = None
    marked: bool = False
    notes: tuple[str, ...] = ()

    def line(self) -> str:
        """The paragraph as it stands in a section's text, with its number in front."""
        return f"{self.nr} {self.text}" if self.nr else self.text


def local(tag: object) -> str:
    """Local name of an element tag ('' for comments and processing instructions)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def clean(raw: str) -> str:
    """Collapse whitespace to single spaces, drop invisible characters, keep line breaks."""
    raw = _INVISIBLE.sub("", raw)
    if _LINEBREAK not in raw:
        return _SPACE.sub(" ", raw).strip()
    lines = (_SPACE.sub(" ", part).strip() for part in raw.split(_LINEBREAK))
    return "\n".join(line for line in lines if line)


class Flattener:
    """Walks body elements and appends their paragraphs to a list.

    ``labels`` maps footnote ids to their labels so references can be written as " [1]".
    """

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels

    def blocks(self, container: etree._Element, out: list[Para]) -> None:
        """Append the paragraphs of every child of ``container`` in document order."""
        if container.text and not container.text.isspace():
            self._loose(container.text, out)
        pending_nr: str | None = None
        for child in container:
            name = local(child.tag)
            if name == "nr":
                pending_nr = clean("".join(child.itertext())) or None
            elif name:
                start = len(out)
                self.block(child, name, out)
                if pending_nr and len(out) > start:
                    if out[start].nr is None:
                        out[start].nr = pending_nr
                    pending_nr = None
            if child.tail and not child.tail.isspace():
                self._loose(child.tail, out)

    def block(self, el: etree._Element, name: str, out: list[Para]) -> None:
        """Append the paragraphs of one block element."""
        if name in _PARAS:
            self.para(el, out, marked=name == "bridgehead")
        elif name in _LISTS:
            self._list(el, name, out)
        elif name in _TABLES:
            self._table(el, out)
        elif name in _SKIPPED:
            return
        elif name in _CONTAINERS or len(el):
            self.blocks(el, out)
        else:
            self.para(el, out)

    def para(self, el: etree._Element, out: list[Para], marked: bool = False) -> None:
        """Append one paragraph (or several, when the paragraph holds a list or table)."""
        pieces: list[str] = []
        notes: list[str] = []
        marked = marked or _all_emphasis(el)
        self._inline(el, pieces, notes, out)
        self._flush(pieces, notes, out, marked)

    def title_parts(self, title: etree._Element) -> tuple[str, str | None]:
        """Heading text and number of a section title (``<title><nr>5</nr>De straf</title>``)."""
        number: str | None = None
        pieces: list[str] = [title.text or ""]
        for child in title:
            if local(child.tag) == "nr" and number is None:
                number = clean("".join(child.itertext())) or None
            elif child.tag is etree.PI:
                pieces.append(" ")
            elif isinstance(child.tag, str):
                self._inline(child, pieces, [], [])
            if child.tail:
                pieces.append(child.tail)
        return clean("".join(pieces).replace(_LINEBREAK, " ")), number

    def _inline(
        self, el: etree._Element, pieces: list[str], notes: list[str], out: list[Para]
    ) -> None:
        if el.text:
            pieces.append(el.text)
        for child in el:
            tag = child.tag
            if tag is etree.PI:
                if child.target == "linebreak":
                    pieces.append(_LINEBREAK)
            elif isinstance(tag, str):
                self._inline_child(child, local(tag), pieces, notes, out)
            if child.tail:
                pieces.append(child.tail)

    def _inline_child(
        self, child: etree._Element, name: str, pieces: list[str], notes: list[str], out: list[Para]
    ) -> None:
        if name == "footnote-ref":
            ref = child.get("linkend", "")
            label = self.labels.get(ref)
            if label is not None:
                pieces.append(f" [{label}]")
                notes.append(ref)
        elif name in _BLOCKS_IN_PARA:
            self._flush(pieces, notes, out, marked=False)
            self.block(child, name, out)
        elif name not in _SKIPPED:
            self._inline(child, pieces, notes, out)
            if name in _MARKERS:
                pieces.append(" ")  # "<listmarking>-</listmarking><text>spreekt": "- spreekt"

    def _flush(self, pieces: list[str], notes: list[str], out: list[Para], marked: bool) -> None:
        text = clean("".join(pieces))
        if text:
            out.append(Para(text, marked=marked, notes=tuple(notes)))
        elif notes and out:
            out[-1].notes += tuple(notes)
        pieces.clear()
        notes.clear()

    def _loose(self, text: str, out: list[Para]) -> None:
        cleaned = clean(text)
        if cleaned:
            out.append(Para(cleaned))

    def _list(self, el: etree._Element, name: str, out: list[Para]) -> None:
        numeration = el.get("numeration", "arabic")
        number = 0
        for item in el:
            if local(item.tag) != "listitem":
                continue
            number += 1
            items: list[Para] = []
            self.blocks(item, items)
            if items:
                mark = "-" if name == "itemizedlist" else _ordinal(number, numeration) + "."
                items[0].text = f"{mark} {items[0].text}"
                out.extend(items)

    def _table(self, el: etree._Element, out: list[Para]) -> None:
        for row in el.iter("{*}row", "row"):
            cells = []
            for entry in row:
                content: list[Para] = []
                self.blocks(entry, content)
                cell = " ".join(p.line() for p in content)
                if cell:
                    cells.append(cell)
            if cells:
                out.append(Para(" | ".join(cells)))


def _all_emphasis(el: etree._Element) -> bool:
    """True when every visible character of a paragraph sits inside emphasis (a drawn heading)."""
    if el.text and not el.text.isspace():
        return False
    found = False
    for child in el:
        if child.tail and not child.tail.isspace():
            return False
        if child.tag is etree.PI:
            continue
        if local(child.tag) != "emphasis":
            return False
        found = True
    return found


def _ordinal(number: int, numeration: str) -> str:
    if numeration in ("loweralpha", "upperalpha") and number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if numeration == "upperalpha" else letter
    if numeration in ("lowerroman", "upperroman"):
        roman = _roman(number)
        return roman if numeration == "upperroman" else roman.lower()
    return str(number)


def _roman(number: int) -> str:
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
    values += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in values:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
