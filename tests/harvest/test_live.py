"""Checks against the real services, by hand only: `pytest -m network tests/harvest/test_live.py`.

They confirm the facts the offline tests assume (Atom shape and total, the document root) and
send three polite requests at one per second. `make test` never selects them.
"""

from __future__ import annotations

from datetime import date

import pytest

from rulings.harvest.base import Unavailable
from rulings.harvest.http import PoliteSession
from rulings.harvest.opendata import IndexQuery, OpenDataSource
from rulings.models import RawDocument

pytestmark = pytest.mark.network


def test_live_index_page_and_document():
    session = PoliteSession(rate=1.0, timeout=30, max_attempts=3)
    source = OpenDataSource(session, "https://data.rechtspraak.nl")
    try:
        query = IndexQuery(date_from=date(2021, 3, 1), date_to=date(2021, 3, 1), page_size=5)
        page = source.page(query)
        assert page.total >= len(page.entries) > 0
        assert all(e.ecli.startswith("ECLI:NL:") and e.updated for e in page.entries)
        document = source.fetch(page.entries[0].ecli)
        assert isinstance(document, RawDocument) and b"open-rechtspraak" in document.content[:200]
        assert isinstance(source.fetch("ECLI:NL:RBAMS:2021:999999999"), Unavailable)
    finally:
        session.close()
