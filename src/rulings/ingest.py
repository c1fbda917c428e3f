"""From raw document to stored ruling: parse, then upsert. Shared by import and harvest."""

from __future__ import annotations

from rulings.models import RawDocument
from rulings.parse import parse_ruling
from rulings.store import Store


def ingest_document(store: Store, raw: RawDocument, *, raw_path: str | None = None) -> str:
    """Parse one document and store it; returns "inserted", "updated" or "unchanged".

    Raises:
        ParseError: the bytes are not a readable open-rechtspraak document; nothing is stored.
    """
    ruling = parse_ruling(raw.content, source=raw.origin or raw.ecli)
    return store.upsert_ruling(ruling, source=raw.source, origin=raw_path or raw.origin)
