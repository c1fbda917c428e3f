"""The rulings_contacts component: how and where client and victim met.

The study coded the contact platform (95% online, mostly sex-advertisement sites such as Sexmarkt,
Kinky and Sexjobs) and the meeting place (hotel, the client's home, a car, a third person's home).
Rules in patterns/contacts.jsonl carry the normalised value in their id ("Sexmarkt/name",
"hotel/hotel"); each value is reported once per section, at its first mention.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rulings.models import ContextMention
from rulings.nlp.extensions import evidence, longest_spans, make_ruler, rule_value

_KINDS = {"PLATFORM": "platform", "PLACE": "place"}


class ContactReader:
    """Finds contact platforms and meeting places with the contact rules."""

    def __init__(self, nlp: Language) -> None:
        self.ruler = make_ruler(nlp, "contacts")

    def __call__(self, doc: Doc) -> Doc:
        self.ruler(doc)
        seen: set[tuple[str, str]] = set()
        found = []
        for span in longest_spans(list(doc.spans["contacts"])):
            key = (_KINDS[span.label_], rule_value(span))
            if key in seen:
                continue
            seen.add(key)
            found.append(
                ContextMention(
                    kind=key[0], value=key[1], evidence=evidence(doc, span.start, span.end)
                )
            )
        doc._.contacts = found
        return doc


@Language.factory("rulings_contacts", assigns=["doc._.contacts"])
def make_contact_reader(nlp: Language, name: str) -> ContactReader:
    """The rulings_contacts component (patterns/contacts.jsonl)."""
    return ContactReader(nlp)
