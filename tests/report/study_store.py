"""A small store of client cases with hand-countable sentences, ages, circumstances, references.

Eight cases (A-H), built as the parser and the extractors hand them to the store:
A  Rb Limburg 2016, 1 dag + 180 uur; demand 120 dagen (60 vw); Hof 's-Hertogenbosch 2017
   bevestigt (no sanctions of its own). Victim 16. Labelled include.
B  Rb Noord-Holland 2018, 1 dag + 240 uur; demand 240 dagen (60 vw). Bracket 16-18. Cites
   HR 20-02-2018, the palet and art. 22b. Labelled include.
C  Rb Rotterdam 2019, 90 dagen (60 vw) + 120 uur; Hof Den Haag 2020 vernietigt: 1 dag + 200 uur,
   AG demanded 100 dagen; a 2021 conclusie of the AG quotes a sentence (never counts).
   Victim 15 (and "19", the age she claimed). Labelled include on the appeal.
D  Rb Gelderland 2018, 240 dagen (120 vw) and 14 dagen hechtenis (no prison); demand 365 dagen
   (125 vw). Bracket 12-16. Labelled include.
E  Rb Noord-Holland 2019, acquitted; demand 60 dagen. Victim 17. Labelled include.
F  Rb Overijssel 2019, 1 dag + 100 uur, score 0.9 but excluded by the reviewer.
G  Rb Midden-Nederland 2020, 30 dagen fully suspended + 60 uur, unreviewed, score 0.7.
H  Rb Noord-Nederland 2020, geldboete EUR 500 and 7 dagen hechtenis, unreviewed, score 0.2.
The tests count their expectations from this description by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rulings.models import (
    Actor,
    AgeMention,
    CaseReference,
    Circumstance,
    Evidence,
    Findings,
    Polarity,
    RaisedBy,
    Relation,
    Role,
    Ruling,
    Sanction,
    Section,
    Subject,
)
from rulings.store import Store

COURTS = {
    "RBLIM": "Rechtbank Limburg",
    "GHSHE": "Gerechtshof 's-Hertogenbosch",
    "RBNHO": "Rechtbank Noord-Holland",
    "RBROT": "Rechtbank Rotterdam",
    "GHDHA": "Gerechtshof Den Haag",
    "PHR": "Parket bij de Hoge Raad",
    "RBGEL": "Rechtbank Gelderland",
    "RBOVE": "Rechtbank Overijssel",
    "RBMNE": "Rechtbank Midden-Nederland",
    "RBNNE": "Rechtbank Noord-Nederland",
}
ROLE_OF = {Actor.IMPOSED: Role.BESLISSING, Actor.DEMANDED: Role.VORDERING}
RAISER_ROLE = {
    RaisedBy.DEFENCE: Role.VERDEDIGING,
    RaisedBy.PROSECUTOR: Role.VORDERING,
    RaisedBy.COURT: Role.STRAFMOTIVERING,
}
SECTION_INDEX = {
    Role.VORDERING: 0,
    Role.VERDEDIGING: 1,
    Role.STRAFMOTIVERING: 2,
    Role.BESLISSING: 3,
}


def _evidence(role: Role, sentence: str, text: str) -> Evidence:
    start = max(sentence.find(text), 0)
    return Evidence(SECTION_INDEX[role], role, start, start + len(text), text, sentence)


def prison(
    days: int, suspended: int = 0, actor: Actor = Actor.IMPOSED, kind: str = "gevangenisstraf"
) -> Sanction:
    """A custodial sentence in the words of a beslissing or a vordering."""
    text = f"{kind} voor de duur van {days} dagen"
    verb = "veroordeelt verdachte tot een" if actor == Actor.IMPOSED else "vordert een"
    tail = f", waarvan {suspended} dagen voorwaardelijk" if suspended else ""
    sentence = f"De rechtbank {verb} {text}{tail}, met aftrek van voorarrest."
    return Sanction(
        kind=kind, actor=actor, amount=str(days), unit="dagen", days=days,
        suspended_days=suspended, probation_days=730 if suspended else None,
        evidence=_evidence(ROLE_OF[actor], sentence, text),
    )  # fmt: skip


def service(hours: int, actor: Actor = Actor.IMPOSED) -> Sanction:
    text = f"taakstraf voor de duur van {hours} uren"
    sentence = f"Legt op een {text}, subsidiair {hours // 2} dagen hechtenis."
    return Sanction(
        kind="taakstraf", actor=actor, amount=str(hours), unit="uren", hours=hours,
        evidence=_evidence(ROLE_OF[actor], sentence, text),
    )  # fmt: skip


def fine(euros: float) -> Sanction:
    text = f"geldboete van € {euros:.0f}"
    sentence = f"Veroordeelt verdachte tot een {text}, subsidiair 10 dagen hechtenis."
    return Sanction(
        kind="geldboete", actor=Actor.IMPOSED, amount=f"{euros:.0f}", unit="euro", euros=euros,
        evidence=_evidence(Role.BESLISSING, sentence, text),
    )  # fmt: skip


def age(value: int, kind: str = "stated", upper: int | None = None) -> AgeMention:
    if kind == "bracket":
        text = f"de leeftijd van {value} jaren maar nog niet die van {upper} jaren"
        sentence = f"[slachtoffer] had {text} bereikt."
        subject = Subject.UNKNOWN
    else:
        text = f"{value}-jarige"
        sentence = f"Verdachte heeft seks gehad met de toen {text} [slachtoffer] tegen betaling."
        subject = Subject.VICTIM
    return AgeMention(value, subject, kind, upper, _evidence(Role.STRAFMOTIVERING, sentence, text))


PHRASES = {
    "M_CLEAN_RECORD": "blanco strafblad",
    "M_MEDIA": "media-aandacht",
    "M_NOT_SEEKING_MINOR": "niet bewust op zoek naar een minderjarige",
    "M_VICTIM_SEEMED_ADULT": "kwam ouder over",
    "A_TRAFFICKING_SIGNALS": "signalen van mensenhandel",
    "A_FREQUENCY": "meermalen",
    "A_YOUNG_VICTIM": "jonge leeftijd van het slachtoffer",
}


def circ(code: str, raised_by: RaisedBy, rejected: bool = False) -> Circumstance:
    role = RAISER_ROLE[raised_by]
    text = PHRASES[code]
    sentence = f"Bij de strafoplegging is gelet op de {text} van verdachte."
    polarity = Polarity.MITIGATING if code.startswith("M_") else Polarity.AGGRAVATING
    return Circumstance(code, polarity, raised_by, rejected, _evidence(role, sentence, text))


def ref(kind: str, value: str) -> CaseReference:
    sentence = f"Het hof verwijst naar {value} en de daarin genoemde overwegingen."
    return CaseReference(kind, value, _evidence(Role.STRAFMOTIVERING, sentence, value))


@dataclass
class Spec:
    ecli: str
    when: date
    number: str
    sanctions: list[Sanction] = field(default_factory=list)
    ages: list[AgeMention] = field(default_factory=list)
    circumstances: list[Circumstance] = field(default_factory=list)
    references: list[CaseReference] = field(default_factory=list)
    relations: tuple[str, ...] = ()
    acquittal: bool = False
    label: str | None = None
    score: float | None = None
    doc_type: str = "uitspraak"


def demanded(days: int, suspended: int = 0) -> Sanction:
    return prison(days, suspended, Actor.DEMANDED)


HR_202 = "ECLI:NL:HR:2018:202"
SPECS = [
    Spec("ECLI:NL:RBLIM:2016:101", date(2016, 3, 10), "03/700101-15",
         [prison(1), service(180), demanded(120, 60)], [age(16)],
         [circ("M_CLEAN_RECORD", RaisedBy.COURT), circ("M_MEDIA", RaisedBy.DEFENCE),
          circ("M_MEDIA", RaisedBy.DEFENCE, rejected=True)], label="include"),
    Spec("ECLI:NL:GHSHE:2017:201", date(2017, 6, 1), "20-000201-16",
         circumstances=[circ("M_CLEAN_RECORD", RaisedBy.COURT)],
         references=[ref("palet", "palet van mogelijke straffen")],
         relations=("ECLI:NL:RBLIM:2016:101",)),
    Spec("ECLI:NL:RBNHO:2018:300", date(2018, 5, 2), "15/800300-17",
         [prison(1), service(240), demanded(240, 60)], [age(16, "bracket", 18)],
         [circ("M_NOT_SEEKING_MINOR", RaisedBy.COURT), circ("M_CLEAN_RECORD", RaisedBy.DEFENCE)],
         [ref("valkenburg_hr", HR_202), ref("palet", "palet van mogelijke straffen"),
          ref("art22b", "art. 22b Sr")], label="include"),
    Spec("ECLI:NL:RBROT:2019:400", date(2019, 4, 4), "10/960400-18",
         [prison(90, 60), service(120), demanded(150, 30)], [age(15)],
         [circ("A_TRAFFICKING_SIGNALS", RaisedBy.PROSECUTOR)],
         [ref("named_case", "Valkenburgse zedenzaak"), ref("ecli", "ECLI:NL:RBROT:2019:3429")]),
    Spec("ECLI:NL:GHDHA:2020:500", date(2020, 9, 9), "22-000500-19",
         [prison(1), service(200), demanded(100)], [age(19)],
         [circ("A_FREQUENCY", RaisedBy.COURT)], [ref("valkenburg_hr", "HR 20-02-2018")],
         relations=("ECLI:NL:RBROT:2019:400",), label="include"),
    Spec("ECLI:NL:PHR:2021:990", date(2021, 2, 2), "",
         [prison(500)], relations=("ECLI:NL:GHDHA:2020:500",), doc_type="conclusie"),
    Spec("ECLI:NL:RBGEL:2018:600", date(2018, 11, 20), "05/860600-17",
         [prison(240, 120), prison(14, kind="hechtenis"), demanded(365, 125)],
         [age(12, "bracket", 16)],
         [circ("A_YOUNG_VICTIM", RaisedBy.COURT), circ("M_CLEAN_RECORD", RaisedBy.COURT)],
         label="include"),
    Spec("ECLI:NL:RBNHO:2019:700", date(2019, 7, 7), "15/800700-18",
         [demanded(60)], [age(17)], [circ("M_VICTIM_SEEMED_ADULT", RaisedBy.DEFENCE)],
         acquittal=True, label="include"),
    Spec("ECLI:NL:RBOVE:2019:800", date(2019, 8, 8), "08/990800-18",
         [prison(1), service(100)], [age(16)], label="exclude", score=0.9),
    Spec("ECLI:NL:RBMNE:2020:900", date(2020, 1, 20), "16/990900-19",
         [prison(30, 30), service(60)], score=0.7),
    Spec("ECLI:NL:RBNNE:2020:950", date(2020, 3, 3), "18/990950-19",
         [fine(500.0), prison(7, kind="hechtenis")], score=0.2),
]  # fmt: skip


def _ruling(spec: Spec) -> Ruling:
    code = spec.ecli.split(":")[2]
    sections = (
        Section(0, "De vordering van de officier van justitie", "3", Role.VORDERING,
                "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld."),
        Section(1, "Het standpunt van de verdediging", "4", Role.VERDEDIGING,
                "De raadsman heeft verzocht rekening te houden met de persoonlijke situatie."),
        Section(2, "Motivering van de straf", "7", Role.STRAFMOTIVERING,
                "De rechtbank heeft gelet op de aard en de ernst van het feit."),
        Section(3, "Beslissing", "9", Role.BESLISSING, "Verklaart bewezen dat verdachte ..."),
    )  # fmt: skip
    return Ruling(
        ecli=spec.ecli,
        doc_type=spec.doc_type,
        court=COURTS[code],
        court_code=code,
        decision_date=spec.when,
        case_numbers=(spec.number,) if spec.number else (),
        procedures=("Hoger beroep",) if code.startswith("GH") else ("Eerste aanleg - meervoudig",),
        subjects=("Strafrecht",),
        relations=tuple(Relation(e, "hogerBeroep", "eerdereAanleg") for e in spec.relations),
        inhoudsindicatie="Ontucht met een minderjarige tegen betaling.",
        sections=sections,
    )


def _findings(spec: Spec) -> Findings:
    acquittals = ()
    if spec.acquittal:
        sentence = "Spreekt verdachte vrij van het tenlastegelegde."
        acquittals = (_evidence(Role.BESLISSING, sentence, "Spreekt verdachte vrij"),)
    return Findings(
        ecli=spec.ecli,
        pipeline_version="test",
        sanctions=tuple(spec.sanctions),
        acquittal=spec.acquittal,
        acquittals=acquittals,
        ages=tuple(spec.ages),
        circumstances=tuple(spec.circumstances),
        references=tuple(spec.references),
    )


def build_store(path: Path) -> Path:
    """Write the eight cases into a new store at `path`."""
    with Store(path) as store:
        for spec in SPECS:
            store.upsert_ruling(_ruling(spec), source="test")
            store.save_findings(_findings(spec))
            if spec.label:
                store.set_label(spec.ecli, spec.label, "hand-built case")
        scores = [(s.ecli, s.score, ["test"], False) for s in SPECS if s.score is not None]
        store.save_scores(scores, "test-model")
    return path
