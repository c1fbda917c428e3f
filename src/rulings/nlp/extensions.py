"""Every ``Doc._`` attribute the extraction pipeline reads or sets, and the helpers they share.

Set before the pipeline runs (by rulings.extract):
    role           the Role of the section the Doc holds (decides demanded vs imposed, who raised)
    section_index  Section.index, -1 for the inhoudsindicatie
    heading        the section's heading ("" when it has none)
    decision_date  the ruling's decision date (datetime.date or None), for regimes and ages
Set by the components (lists of rulings.models values, each with its Evidence):
    articles sanctions acquittals ages payment circumstances references contacts
Set by the components for the ruling-level step in rulings.extract (not findings themselves):
    regime_cues    {"old", "wsm2024"}: qualification wording of either law version in this Doc
    offence_dates  [(first, last)]: dates of the act stated in this Doc
    event_dates    [(first, last)]: in the evidence, dates of what the suspect did that no cue
                   marks as the act ("Op 12 januari 2018 heeft verdachte ..."); used only where
                   a ruling states no date of the act
    birth_dates    [(first, last, Subject, Evidence, own dates of the act, other dates of its
                   sentence)]: birth dates (a year alone spans the year), turned into ages
                   against the dates of the act
    rejections     [RaisedBy]: whose plea the court rejects in this Doc ("verwerpt het verweer"),
                   also in sections whose circumstances are not read

The helpers turn a rule's span into the Evidence a reviewer is shown and build the span rulers
each component loads from its own patterns/<family>.jsonl.

The rulers only try the rules a Doc can match (GatedSpanRuler): spaCy's Matcher tries every rule
at every token, so a section costs tokens x rules, while a section usually holds the words of a
tenth of them. A rule whose required token cannot match any token of the Doc finds nothing there,
so leaving it out changes no finding.
"""

from __future__ import annotations

import re
import warnings
from collections import OrderedDict
from collections.abc import Collection, Iterable
from typing import Any

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.strings import get_string_id
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
AUXILIARY_ATTRS = (
    "regime_cues", "offence_dates", "event_dates", "birth_dates", "rejections",
)  # fmt: skip


def register_extensions() -> None:
    """Register the attributes; safe to call more than once."""
    defaults = (("role", "other"), ("section_index", 0), ("decision_date", None), ("heading", ""))
    for name, default in defaults:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in FINDING_ATTRS + AUXILIARY_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_role(doc: Doc) -> Role:
    """The section role of a Doc; plain strings are accepted because tests set them by hand."""
    value = doc._.role
    return value if isinstance(value, Role) else Role(str(value))


def make_ruler(nlp: Language, family: str, labels: Collection[str] | None = None) -> GatedSpanRuler:
    """A SpanRuler holding patterns/<family>.jsonl (only `labels`, when given); its spans land in
    ``doc.spans[family]``.

    Phrase patterns (plain strings) match case-insensitively: rulings write "Tegen betaling" at
    the start of a sentence and "tegen betaling" inside one.
    """
    register_extensions()
    ruler = GatedSpanRuler(
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


# --- rulers that skip the rules a Doc cannot match ------------------------------------------------

_OPTIONAL_OPS = {"?", "*", "!"}
_ATTRS = {"LOWER": "LOWER", "ORTH": "ORTH", "TEXT": "ORTH"}
_SUBSET_CACHE = 256  # matchers kept per ruler, keyed by the rules a Doc can match

# One necessary condition of a rule: some token of the Doc has this attribute ("LOWER"/"ORTH")
# among these string ids, or matching this regular expression.
Need = tuple[str, frozenset[int] | re.Pattern[str]]


class GatedSpanRuler(SpanRuler):
    """A SpanRuler that runs, per Doc, a Matcher holding only the token patterns the Doc can match.

    A pattern can match only when each of its required tokens (no optional OP) has a token in the
    Doc satisfying its LOWER/ORTH/TEXT value, IN list or REGEX; other constraints are not checked,
    so the test only ever lets through too many rules, never too few. Matches are the spaCy
    Matcher's own, so ``doc.spans`` holds exactly what a plain SpanRuler puts there.
    """

    def clear(self) -> None:
        super().clear()
        self._rules: list[tuple[str, list[dict[str, Any]], list[Need]]] = []
        self._subsets: OrderedDict[tuple[int, ...], Matcher] = OrderedDict()

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        super().add_patterns(patterns)
        for entry in patterns:
            if isinstance(entry["pattern"], list):
                key = repr((entry["label"], entry.get("id", "")))
                self._rules.append((key, entry["pattern"], _needs(entry["pattern"])))
        self._subsets.clear()

    def match(self, doc: Doc) -> list[Span]:
        self._require_patterns()
        types = _doc_types(doc)
        active = tuple(i for i, rule in enumerate(self._rules) if _possible(rule[2], types, doc))
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = list(self._matcher_for(active)(doc)) if active else []
            matches += list(self.phrase_matcher(doc))
        found = {
            Span(
                doc,
                start,
                end,
                label=self._match_label_id_map[m_id]["label"],
                span_id=self._match_label_id_map[m_id]["id"],
            )
            for m_id, start, end in matches
            if start != end
        }
        return sorted(found)

    def _matcher_for(self, active: tuple[int, ...]) -> Matcher:
        matcher = self._subsets.get(active)
        if matcher is not None:
            self._subsets.move_to_end(active)
            return matcher
        # the patterns were validated when added to the full matcher
        matcher = Matcher(self.nlp.vocab, validate=False, fuzzy_compare=self.matcher_fuzzy_compare)
        for i in active:
            key, pattern, _ = self._rules[i]
            matcher.add(key, [pattern])
        self._subsets[active] = matcher
        if len(self._subsets) > _SUBSET_CACHE:
            self._subsets.popitem(last=False)
        return matcher


def _needs(pattern: list[dict[str, Any]]) -> list[Need]:
    """The conditions a Doc must meet for the pattern to match anywhere in it."""
    needs: list[Need] = []
    for token in pattern:
        if not _required(token.get("OP")):
            continue
        for name, value in token.items():
            attr = _ATTRS.get(name.upper())
            if attr is None:
                continue
            if isinstance(value, str):
                needs.append((attr, frozenset({get_string_id(value)})))
            elif isinstance(value, dict):
                needs.extend(_value_needs(attr, value))
    # literal sets first: they are cheap and rule most patterns out
    return sorted(needs, key=lambda need: isinstance(need[1], re.Pattern))


def _value_needs(attr: str, value: dict[str, Any]) -> Iterable[Need]:
    for predicate, argument in value.items():
        name = predicate.upper()
        if name == "IN" and all(isinstance(v, str) for v in argument):
            yield attr, frozenset(get_string_id(v) for v in argument)
        elif name == "REGEX" and isinstance(argument, str):
            yield attr, re.compile(argument)


def _required(op: str | None) -> bool:
    """Whether a token with this OP must be present ("+", "{2}", "{1,3}"; not "?", "*", "{,2}")."""
    if op is None or op == "+":
        return True
    if op in _OPTIONAL_OPS:
        return False
    low = op.strip("{}").split(",", 1)[0]
    return low.isdigit() and int(low) > 0


def _doc_types(doc: Doc) -> dict[str, Any]:
    """The Doc's distinct LOWER and ORTH ids, computed once per Doc for all rulers.

    The components run one Doc at a time, so the last Doc's ids are kept (outside the Doc, whose
    user_data must stay serialisable); the length check guards against a retokenised Doc.
    """
    last_doc, types = _LAST_TYPES
    if last_doc is not doc or types["length"] != len(doc):
        array = doc.to_array([LOWER, ORTH])
        types = {
            "length": len(doc),
            "LOWER": set(numpy.unique(array[:, 0]).tolist()),
            "ORTH": set(numpy.unique(array[:, 1]).tolist()),
            "regex": {},
        }
        _LAST_TYPES[:] = [doc, types]
    return types


_LAST_TYPES: list[Any] = [None, {}]


def _possible(needs: list[Need], types: dict[str, Any], doc: Doc) -> bool:
    for attr, value in needs:
        if isinstance(value, frozenset):
            if value.isdisjoint(types[attr]):
                return False
        elif not _regex_hit(attr, value, types, doc):
            return False
    return True


def _regex_hit(attr: str, regex: re.Pattern[str], types: dict[str, Any], doc: Doc) -> bool:
    """Whether any token string of the Doc matches the regex (remembered per Doc)."""
    known = types["regex"]
    key = (attr, regex.pattern)
    if key not in known:
        memo = _REGEX_MEMO.get(key)
        if memo is None:
            memo = _REGEX_MEMO[key] = _RegexMemo(regex)
        known[key] = memo.any_match(types[attr], doc.vocab.strings)
    return known[key]


class _RegexMemo:
    """Which token strings a regex matches, remembered by string id across Docs.

    Ids are hashes of the strings, so they stay valid after a memory zone frees the strings.
    Checking a Doc is then mostly set arithmetic; the memory is bounded by forgetting everything
    past _MEMO_LIMIT strings.
    """

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.matching: set[int] = set()
        self.checked: set[int] = set()

    def any_match(self, ids: set[int], strings: Any) -> bool:
        if not self.matching.isdisjoint(ids):
            return True
        new = ids - self.checked
        if len(self.checked) + len(new) > _MEMO_LIMIT:
            self.matching.clear()
            self.checked.clear()
        self.checked.update(new)
        found = {i for i in new if self.regex.search(strings[i])}
        self.matching.update(found)
        return bool(found)


_MEMO_LIMIT = 200_000
_REGEX_MEMO: dict[tuple[str, str], _RegexMemo] = {}
