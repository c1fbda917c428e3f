"""Turn a ruling's body (``uitspraak`` or ``conclusie``) into titled Sections with roles.

Three body shapes occur and all end as the same list of sections:

- Modern bodies (2013+) have ``<section><title><nr>6</nr>De straf</title>...``. Each section
  becomes a Section; nested sections follow their parent. Content before the first section is an
  untitled Section (heading ""), and stray content after a section joins that section.
- Old flat bodies have no ``<section>``: headings are paragraphs ("Tenlastelegging",
  "<emphasis>Bewezenverklaring</emphasis>", "6.1 De vordering van de officier van justitie"). The
  body is cut at every paragraph that is a recognised heading (patterns/section_roles.toml), so
  roles work for them too. A heading with the same role as the part it would cut ("De uitspraak"
  followed by "RECHT DOENDE OP HET HOGER BEROEP:") does not cut it again.
- Sub-headings inside a section. Courts often write "De straf" with emphasised sub-headings
  "De eis van de officier van justitie", "Het standpunt van de verdediging", "Het oordeel van de
  rechtbank". Whether a sentence was demanded or imposed depends on them, so a section is split
  into sub-sections when at least one sub-heading carries a role of its own that differs from the
  section's. The sub-sections keep their order; one whose heading has no role ("Het oordeel van
  de rechtbank") keeps the role of the section it came from. The part before the first
  sub-heading keeps the section's own heading and number, even when it is empty. A beslissing
  is never split: its sub-headings ("Straf", "Beslag") belong to the operative part.

Footnotes follow the text of the section that first refers to them, one per line ("[1] ..."):
a footnote belongs to the argument that cites it, and its citations (ECLIs, articles) then stand
in the right role. Footnotes no section refers to end up in a final section "Voetnoten".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from rulings.models import Role, Section
from rulings.parse.roles import paragraph_heading, resolve_role, split_number, sub_role
from rulings.parse.text import Flattener, Para, clean, local

FOOTNOTES_HEADING = "Voetnoten"
_INFO = frozenset({"uitspraak.info", "conclusie.info"})
_REPEATABLE = frozenset({"other", "neutral"})  # headings that cut a flat body even when repeated


@dataclass(slots=True)
class _Part:
    """A section before its role is known: heading, number, paragraphs and where it stands."""

    heading: str
    number: str | None
    paras: list[Para] = field(default_factory=list)
    hint: str | None = None  # <section role="..."> attribute
    parent: _Part | None = None
    role: Role = Role.OTHER


def read_body(body: etree._Element) -> tuple[str, tuple[Section, ...]]:
    """The ``*.info`` header block as text, and the sections of the body."""
    labels, notes = _footnotes(body)
    flattener = Flattener(labels)
    info: list[Para] = []
    lead: list[Para] = []
    parts: list[_Part] = []
    if body.text and not body.text.isspace():
        lead.append(Para(clean(body.text)))
    for child in body:
        name = local(child.tag)
        if name in _INFO:
            flattener.blocks(child, info)
        elif name == "section":
            parts.extend(_section(child, flattener, None))
        elif name and name != "footnote":
            flattener.block(child, name, parts[-1].paras if parts else lead)
        if child.tail and not child.tail.isspace():
            (parts[-1].paras if parts else lead).append(Para(clean(child.tail)))
    if parts:
        if lead:
            parts.insert(0, _Part("", None, lead))
    else:
        parts = _split_flat(lead)
    for part in parts:
        part.role = _role(part)
    finished = [sub for part in parts for sub in _split_subheadings(part)]
    info_text = "\n".join(p.line() for p in info)
    return info_text, _sections(finished, notes)


def read_text(element: etree._Element) -> str:
    """Plain text of a block such as ``inhoudsindicatie``: paragraphs joined by newlines."""
    paras: list[Para] = []
    Flattener({}).blocks(element, paras)
    return "\n".join(p.line() for p in paras)


def _footnotes(body: etree._Element) -> tuple[dict[str, str], dict[str, str]]:
    """Footnote labels by id, and each footnote as a line "[label] text" by id."""
    labels: dict[str, str] = {}
    lines: dict[str, str] = {}
    flattener = Flattener({})
    for count, note in enumerate(body.iter("{*}footnote", "footnote"), start=1):
        ident = note.get("id") or f"footnote-{count}"
        label = note.get("label") or str(count)
        paras: list[Para] = []
        flattener.blocks(note, paras)
        labels[ident] = label
        lines[ident] = clean(f"[{label}] " + " ".join(p.line() for p in paras))
    return labels, lines


def _section(el: etree._Element, flattener: Flattener, parent: _Part | None) -> list[_Part]:
    heading, number = "", None
    title = None
    for child in el:
        if local(child.tag) == "title":
            title = child
            break
    if title is not None:
        heading, number = flattener.title_parts(title)
        if number is None:
            number, heading = split_number(heading)
    part = _Part(heading, _number(number), hint=el.get("role"), parent=parent)
    parts = [part]
    for child in el:
        name = local(child.tag)
        if child is title or not name:
            continue
        if name == "section":
            parts.extend(_section(child, flattener, part))
        else:
            flattener.block(child, name, parts[-1].paras)
    return parts


def _split_flat(paras: list[Para]) -> list[_Part]:
    """Cut a body without <section> at its heading paragraphs."""
    parts = [_Part("", None)]
    current_role: str | None = None
    for para in paras:
        is_heading, found = paragraph_heading(para.text, para.marked)
        if is_heading and found is not None and (found != current_role or found in _REPEATABLE):
            number, heading = split_number(para.text)
            parts.append(_Part(heading, _number(para.nr or number)))
            current_role = found
        else:
            parts[-1].paras.append(para)
    if not parts[0].paras:
        parts.pop(0)
    return parts


def _role(part: _Part) -> Role:
    inherited = part.parent.role if part.parent is not None else None
    text = "\n".join(p.line() for p in part.paras[:8])
    return resolve_role(part.heading, text, inherited=inherited, hint=part.hint)


def _split_subheadings(part: _Part) -> list[_Part]:
    """Split a section at its sub-headings when one of them changes the role (module doc)."""
    if part.role is Role.BESLISSING:
        return [part]  # the dictum's own sub-headings ("Straf", "Beslag") are part of the decision
    points: list[tuple[int, Role]] = []
    for index, para in enumerate(part.paras):
        is_heading, found = paragraph_heading(para.text, para.marked)
        if is_heading and (found is not None or _plausible_title(para.text)):
            points.append((index, sub_role(found, part.role)))
    if all(role in (part.role, Role.OTHER) for _, role in points):
        return [part]
    subs = [_Part(part.heading, part.number, part.paras[: points[0][0]], role=part.role)]
    bounds = [index for index, _ in points[1:]] + [len(part.paras)]
    for (index, role), end in zip(points, bounds, strict=True):
        para = part.paras[index]
        number, heading = split_number(para.text)
        paras = part.paras[index + 1 : end]
        subs.append(_Part(heading, _number(para.nr or number), paras, role=role))
    return subs


def _number(number: str | None) -> str | None:
    """A section number without its closing dot: '6.' -> '6', '6.1' stays."""
    return (number.rstrip(".") or None) if number else None


def _plausible_title(text: str) -> bool:
    """An unknown emphasised line that reads like a title, not a pseudonymised name or a quote."""
    return "[" not in text and (text[0].isupper() or text[0].isdigit())


def _sections(parts: list[_Part], notes: dict[str, str]) -> tuple[Section, ...]:
    placed: set[str] = set()
    sections = []
    for part in parts:
        lines = [p.line() for p in part.paras]
        for para in part.paras:
            for ref in para.notes:
                if ref in notes and ref not in placed:
                    placed.add(ref)
                    lines.append(notes[ref])
        sections.append((part, "\n".join(lines)))
    leftover = [line for ref, line in notes.items() if ref not in placed]
    if leftover:
        sections.append((_Part(FOOTNOTES_HEADING, None), "\n".join(leftover)))
    return tuple(
        Section(index=i, heading=part.heading, number=part.number, role=part.role, text=text)
        for i, (part, text) in enumerate(sections)
    )
