"""Errors rulings raises on purpose.

RulingsError
├── ConfigError            a setting or path is unusable
├── PatternError           a patterns/ file is malformed                    (file, line)
├── HarvestError
│   ├── SourceUnavailable  gave up after retries                            (url, attempts)
│   └── BadResponse        a response the tool cannot use                   (url, status)
├── ParseError             a document is not a ruling the tool can read     (source, problem)
│   └── UnsafeXMLError     entities, DTDs or external references
├── StoreError
│   ├── SchemaTooNew       the database was made by a newer rulings
│   └── QueryError         a search query SQLite cannot run
└── ModelError             no trained model, or features do not match

``str(error)`` is one sentence that names the file or ECLI and says what is wrong. The CLI
prints it as is and exits 1; nothing else reaches the user as a traceback.
"""

from __future__ import annotations


class RulingsError(Exception):
    """Base of every error above; catch this to handle 'rulings failed'."""


class ConfigError(RulingsError):
    """A setting, path or option value cannot be used."""


class PatternError(RulingsError):
    """A file in patterns/ cannot be read as the data it should hold."""

    def __init__(self, file: str, line: int | None, problem: str) -> None:
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {problem}")
        self.file = file
        self.line = line
        self.problem = problem


class HarvestError(RulingsError):
    """Fetching from a remote source failed."""


class SourceUnavailable(HarvestError):
    """The source kept failing after every retry."""

    def __init__(self, url: str, attempts: int, problem: str) -> None:
        super().__init__(f"{url}: gave up after {attempts} attempts ({problem})")
        self.url = url
        self.attempts = attempts
        self.problem = problem


class BadResponse(HarvestError):
    """The source answered, but not with something the tool can use."""

    def __init__(self, url: str, status: int | None, problem: str) -> None:
        status_text = f"HTTP {status}: " if status is not None else ""
        super().__init__(f"{url}: {status_text}{problem}")
        self.url = url
        self.status = status
        self.problem = problem


class ParseError(RulingsError):
    """A document is not an open-rechtspraak ruling the tool can read."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class UnsafeXMLError(ParseError):
    """The document declares entities, a DTD or external references; it is refused."""


class StoreError(RulingsError):
    """The SQLite store cannot do what was asked."""


class SchemaTooNew(StoreError):
    """The database was written by a newer version of rulings."""


class QueryError(StoreError):
    """A search query is malformed."""


class ModelError(RulingsError):
    """No usable classification model."""
