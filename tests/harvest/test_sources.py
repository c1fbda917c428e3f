"""The source registry: every source is listed under its own name and opens with the header a
maintainer needs (what it fetches, where that is documented, its quirks, its history)."""

from __future__ import annotations

import importlib

import pytest

from rulings.harvest import SOURCES

MODULES = ["rulings.harvest.opendata", "rulings.harvest.website", "rulings.harvest.bulk"]


def test_registry_names_match_the_sources():
    assert sorted(SOURCES) == ["opendata", "website"]
    for name, source in SOURCES.items():
        assert source.name == name


@pytest.mark.parametrize("module", MODULES)
def test_every_source_module_has_its_header(module):
    doc = importlib.import_module(module).__doc__ or ""
    for field in ("Docs:", "Quirks:", "History:"):
        assert field in doc, f"{module} lacks {field}"
