"""Builds the extraction pipeline: spacy.blank("nl"), sentence boundaries and the rule components.

The order of the components is the order of COMPONENTS. Each component is registered with
``@Language.factory`` in its own module, reads patterns from patterns/ and writes one ``Doc._``
list (see extensions.py). Components never touch the store.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

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
VERSION_KEY = "rulings_pipeline_version"


def pipeline_version() -> str:
    """The code version plus a digest of every pattern file and of the extraction code (this
    package and rulings/extract.py): findings older than this are stale."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    code = [*sorted(package.glob("*.py")), package.parent / "extract.py"]
    patterns = [p for p in sorted(patterns_dir().rglob("*")) if p.suffix in _PATTERN_SUFFIXES]
    for path in [*patterns, *code]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


_PATTERN_SUFFIXES = frozenset({".jsonl", ".toml", ".json"})
_OPENERS = frozenset({"[", "(", '"', "'", "“", "„", "‘"})


@Language.component("rulings_paragraphs", requires=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: section text puts each paragraph, heading and list item on
    its own line, often without a full stop ("Feit 1:", "- oplegging van ..."). And a sentence
    starts at its opening bracket or quotation mark: the sentencizer keeps "[" and '"' with the
    full stop before them, so "... aangetroffen. [naam 1], die toen 16 was" would start at
    "naam" and lose the pseudonym. An opener is told by standing against the word it opens."""
    starts = doc.to_array([SENT_START])
    changed = False
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            changed = changed or starts[token.i] != 1
            starts[token.i] = 1
    for token in doc[2:]:
        if starts[token.i] != 1:
            continue
        first = token.i
        while first > 1 and _opens(doc[first - 1]) and doc[first - 2].whitespace_:
            first -= 1
        if first != token.i:
            starts[token.i], starts[first] = 0, 1
            changed = True
    if changed:  # one array write: setting token.is_sent_start one by one is slow on long text
        doc.from_array([SENT_START], starts)
    return doc


def _opens(token) -> bool:
    """'[' of '[naam 1]', the quotation mark of '"Ik was toen 15."': no space after it."""
    return token.text in _OPENERS and not token.whitespace_


def build_pipeline() -> Language:
    """The extraction pipeline; its order is the order of this function."""
    register_extensions()
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("rulings_paragraphs")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.meta[VERSION_KEY] = pipeline_version()
    return nlp
