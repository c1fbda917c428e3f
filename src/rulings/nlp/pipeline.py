"""Builds the extraction pipeline: spacy.blank("nl"), a sentencizer and the rule components.

The order of the components is the order of COMPONENTS. Each component is registered with
``@Language.factory`` in its own module, reads patterns from patterns/ and writes one ``Doc._``
list (see extensions.py). Components never touch the store.
"""

from __future__ import annotations

import hashlib

import spacy
from spacy.language import Language

from rulings import __version__
from rulings.nlp import (  # noqa: F401  (importing registers the factories)
    ages,
    articles,
    circumstances,
    contacts,
    payment,
    references,
    sanctions,
)
from rulings.nlp.extensions import register_extensions
from rulings.patterns import patterns_dir

COMPONENTS = (
    "rulings_articles",
    "rulings_sanctions",
    "rulings_ages",
    "rulings_payment",
    "rulings_circumstances",
    "rulings_references",
    "rulings_contacts",
)


def pipeline_version() -> str:
    """The code version plus a digest of every pattern file: findings older than this are stale."""
    digest = hashlib.sha256()
    for path in sorted(patterns_dir().rglob("*")):
        if path.is_file() and path.suffix in {".jsonl", ".toml", ".json"}:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def build_pipeline() -> Language:
    """The extraction pipeline; its order is the order of this function."""
    register_extensions()
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
