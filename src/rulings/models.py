"""Typed values that cross the stages of the pipeline.

harvest -> RawDocument; parse -> Ruling (with Sections); extract -> Findings (ArticleRef, Sanction,
AgeMention, PaymentMention, Circumstance, CaseReference, ContextMention, each with its Evidence);
classify -> Candidate. Everything is a frozen dataclass so a value cannot change after a stage has
handed it on; ``to_jsonable`` turns any of them into plain JSON for ``--json`` output and storage.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath
from typing import Any


class Role(enum.StrEnum):
    """What a section of a ruling is; decides what a finding in it means (DESIGN.md)."""

    TENLASTELEGGING = "tenlastelegging"
    BEWIJS = "bewijs"
    BEWEZENVERKLARING = "bewezenverklaring"
    KWALIFICATIE = "kwalificatie"
    STRAFBAARHEID = "strafbaarheid"
    VORDERING = "vordering"
    VERDEDIGING = "verdediging"
    STRAFMOTIVERING = "strafmotivering"
    BENADEELDE_PARTIJ = "benadeelde_partij"
    WETTELIJKE_VOORSCHRIFTEN = "wettelijke_voorschriften"
    BESLISSING = "beslissing"
    OTHER = "other"


class Actor(enum.StrEnum):
    """Whose sentence a sanction is: this court's, the prosecutor's demand, or a lower court's."""

    IMPOSED = "imposed"
    DEMANDED = "demanded"
    EARLIER = "earlier"


class Subject(enum.StrEnum):
    """Whose age an age mention states."""

    VICTIM = "victim"
    SUSPECT = "suspect"
    OTHER = "other"
    UNKNOWN = "unknown"


class Regime(enum.StrEnum):
    """Which version of the sexual-offence articles a citation refers to (Wsm, 1 July 2024)."""

    OLD = "old"
    WSM_2024 = "wsm2024"
    UNKNOWN = "unknown"


class RaisedBy(enum.StrEnum):
    """Who put a circumstance forward, decided by the section it stands in."""

    DEFENCE = "defence"
    PROSECUTOR = "prosecutor"
    COURT = "court"
    UNKNOWN = "unknown"


class Polarity(enum.StrEnum):
    """Whether a circumstance lowers or raises the sentence."""

    MITIGATING = "mitigating"
    AGGRAVATING = "aggravating"


# --- parse -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LawReference:
    """A statute reference from the metadata (dcterms:references, label Wetsverwijzing)."""

    text: str  # "Wetboek van Strafrecht 248b"
    law: str | None = None  # normalised short name: "Sr", "Sv", "Opiumwet"; None when unknown
    article: str | None = None  # "248b"
    identifier: str | None = None  # "1.0:v:BWB:BWBR0001854&artikel=248b"


@dataclass(frozen=True, slots=True)
class Relation:
    """A formal relation to another ruling (dcterms:relation): appeal, cassation, conclusion."""

    ecli: str
    type: str | None = None  # last part of psi:type, e.g. "hogerBeroep", "cassatie", "conclusie"
    aanleg: str | None = None  # "eerdereAanleg" or "latereAanleg": where the related ruling sits
    gevolg: str | None = None  # outcome as written, e.g. "bekrachtiging/bevestiging"
    label: str = ""  # the human text of the element


@dataclass(frozen=True, slots=True)
class Section:
    """One titled part of a ruling's body, with the role its heading (or content) gives it."""

    index: int  # 0-based position in the body; stable across re-parses of the same document
    heading: str  # title text without its number; "" for untitled parts
    number: str | None  # "5" from <title><nr>5</nr>...; None when unnumbered
    role: Role
    text: str  # plain text, paragraphs separated by "\n"


@dataclass(frozen=True, slots=True)
class Ruling:
    """One open-rechtspraak document: every metadata field, the summary and the sectioned body."""

    ecli: str
    doc_type: str = "uitspraak"  # "uitspraak" or "conclusie"
    court: str = ""  # instantie name, "Rechtbank Limburg"
    court_code: str = ""  # from the ECLI: "RBLIM"
    court_uri: str | None = None
    seat: str | None = None  # zittingsplaats
    decision_date: date | None = None
    publication_date: date | None = None
    modified: datetime | None = None
    case_numbers: tuple[str, ...] = ()  # parketnummers, "13/123456-15"
    procedures: tuple[str, ...] = ()  # "Eerste aanleg - meervoudig", "Hoger beroep"
    subjects: tuple[str, ...] = ()  # rechtsgebieden, "Strafrecht"
    law_references: tuple[LawReference, ...] = ()
    relations: tuple[Relation, ...] = ()
    replaces: tuple[str, ...] = ()  # old LJN numbers / ECLIs this one replaces
    replaced_by: str | None = None  # dcterms:isReplacedBy
    vindplaatsen: tuple[str, ...] = ()
    title: str | None = None
    inhoudsindicatie: str = ""
    info: str = ""  # the uitspraak.info header block as text
    sections: tuple[Section, ...] = ()

    @property
    def has_body(self) -> bool:
        """Metadata-only documents (most ECLIs) have no sections."""
        return bool(self.sections)

    @property
    def year(self) -> int | None:
        return self.decision_date.year if self.decision_date else None


# --- harvest -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What every source hands over: the document's bytes as served, and where they came from."""

    ecli: str
    content: bytes
    source: str  # "opendata", "website", "bulk", "file"
    fetched_at: datetime | None = None
    modified: datetime | None = None  # the source's own change stamp, when it gives one
    origin: str = ""  # URL, path or "archive.zip!inner.zip!member.xml"


# --- extract -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a finding stands, so a reviewer can be shown the exact words."""

    section_index: int  # Section.index; -1 for the inhoudsindicatie
    role: Role
    start: int  # character offsets into Section.text
    end: int
    text: str  # the matched words
    sentence: str  # the whole sentence around them


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """A statutory article cited in the text (or, without evidence, in the metadata)."""

    article: str  # "248b"
    law: str = "Sr"
    paragraph: str | None = None  # "1" for "eerste lid"
    attempt: bool = False  # poging (art. 45 Sr)
    participation: str | None = None  # "medeplegen" (47), "medeplichtigheid" (48) ...
    role: str = "reasoning"  # charged | proven | applied | reasoning | metadata
    regime: Regime = Regime.UNKNOWN
    offence: str | None = None  # from patterns/article_map.toml; None when the map does not know
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Sanction:
    """A sentence or measure, demanded, imposed or quoted from an earlier instance."""

    kind: str  # gevangenisstraf, hechtenis, jeugddetentie, taakstraf, geldboete, tbs, ...
    actor: Actor
    amount: str = ""  # as written: "1 (één)", "zes"
    unit: str = ""  # as written: "dag", "maanden", "uren", "euro"
    days: int | None = None  # custodial kinds, total
    hours: int | None = None  # taakstraf, total
    euros: float | None = None  # money
    suspended_days: int = 0
    suspended_hours: int = 0
    suspended_euros: float = 0.0  # a fine with a conditional part
    probation_days: int | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class AgeMention:
    """An age stated for someone in the ruling."""

    value: int
    subject: Subject = Subject.UNKNOWN
    kind: str = "stated"  # stated | bracket (statutory) | birthdate | claimed (said, believed)
    upper: int | None = None  # brackets: "twaalf ... maar nog niet zestien" -> 12, upper 16
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class PaymentMention:
    """Evidence that sex was paid for: money, goods, or the prostitution context."""

    kind: str  # money | in_kind | phrase | context
    euros: float | None = None
    goods: str | None = None
    payer: str | None = None  # "[verdachte]" or "suspect" where the text says so
    payee: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Circumstance:
    """A mitigating or aggravating circumstance from domain/circumstances.md."""

    code: str  # M_CLEAN_RECORD, A_FREQUENCY ...
    polarity: Polarity
    raised_by: RaisedBy
    rejected: bool = False  # the court did not follow the plea
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class CaseReference:
    """A reference to other case law or to the Valkenburg sentencing reasoning."""

    kind: str  # ecli | named_case | valkenburg_hr | palet | art22b
    value: str  # the ECLI, the case name, or the phrase
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class ContextMention:
    """How and where client and victim met: a contact platform or a meeting place."""

    kind: str  # platform | place
    value: str  # normalised: "Sexmarkt", "hotel"
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Findings:
    """Everything the extraction pipeline found in one ruling."""

    ecli: str | None
    pipeline_version: str = ""
    articles: tuple[ArticleRef, ...] = ()
    sanctions: tuple[Sanction, ...] = ()
    acquittal: bool = False
    acquittals: tuple[Evidence, ...] = ()
    ages: tuple[AgeMention, ...] = ()
    payment: tuple[PaymentMention, ...] = ()
    circumstances: tuple[Circumstance, ...] = ()
    references: tuple[CaseReference, ...] = ()
    contacts: tuple[ContextMention, ...] = ()


# --- classify ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ruling scored as a possible paid-sex-with-a-minor case, with why."""

    ecli: str
    score: float
    court: str = ""
    decision_date: date | None = None
    case_numbers: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    victim_ages: tuple[int, ...] = ()
    reasons: tuple[str, ...] = ()
    has_body: bool = True
    review_status: str = "unreviewed"  # unreviewed | include | exclude | skip
    note: str = ""
    flags: tuple[str, ...] = ()  # "acquittal", "appeal", "metadata-only"
    evidence: str = ""


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def to_jsonable(value: Any) -> Any:
    """Turn models (and containers of them) into JSON-ready dicts, lists, strings and numbers."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {name: to_jsonable(getattr(value, name)) for name in _field_names(type(value))}
        if isinstance(value, Ruling):
            out["has_body"] = value.has_body
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


__all__ = [
    "Actor",
    "AgeMention",
    "ArticleRef",
    "Candidate",
    "CaseReference",
    "Circumstance",
    "ContextMention",
    "Evidence",
    "Findings",
    "LawReference",
    "PaymentMention",
    "Polarity",
    "RaisedBy",
    "RawDocument",
    "Regime",
    "Relation",
    "Role",
    "Ruling",
    "Section",
    "Subject",
    "to_jsonable",
]
