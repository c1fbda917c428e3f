"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from rulings.models import Role
from rulings.nlp.pipeline import build_pipeline

RunSection = Callable[..., Doc]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full extraction pipeline, built once: building it reads every pattern file."""
    return build_pipeline()


@pytest.fixture(scope="session")
def run_section(nlp: Language) -> RunSection:
    """Run the pipeline over one section text the way rulings.extract does: role first."""

    def run(text: str, role: Role | str = Role.OTHER, decision: date | None = None) -> Doc:
        doc = nlp.make_doc(text)
        doc._.role = Role(role)
        doc._.section_index = 3
        doc._.decision_date = decision
        return nlp(doc)

    return run
