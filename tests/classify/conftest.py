"""A small hand-built store for the classifier: rulings as the parser gives them, findings as the
extractors give them, in the categories the sample catalogue uses.

Categories: client_248b (convicted client of a 16/17-year-old), client_paid_u16 (paid sex with a
child under 16, convicted under 245/247: the cases the classifier exists to find),
sexual_unpaid (sexual offences without payment), trafficker (273f), other (unrelated crime),
and one metadata-only ruling (summary, no body).
"""

from __future__ import annotations

from datetime import date

import pytest

from rulings.models import (
    AgeMention,
    ArticleRef,
    ContextMention,
    Evidence,
    Findings,
    LawReference,
    PaymentMention,
    Relation,
    Role,
    Ruling,
    Section,
    Subject,
)
from rulings.store import Store

QUAL_248B = (
    "ontucht plegen met iemand die zich beschikbaar stelt tot het verrichten van seksuele "
    "handelingen met een derde tegen betaling en die de leeftijd van zestien jaren maar nog niet "
    "de leeftijd van achttien jaren heeft bereikt"
)
QUAL_245 = (
    "met iemand die de leeftijd van twaalf jaren maar nog niet die van zestien jaren heeft "
    "bereikt, ontuchtige handelingen plegen die bestaan uit of mede bestaan uit het seksueel "
    "binnendringen van het lichaam"
)


def ev(role: Role, index: int, text: str, sentence: str) -> Evidence:
    start = max(sentence.find(text), 0)
    return Evidence(index, role, start, start + len(text), text, sentence)


def ruling(
    ecli: str,
    summary: str,
    sections: dict[Role, str],
    *,
    articles: tuple[str, ...] = (),
    case: str = "",
    when: date = date(2017, 5, 4),
    procedure: str = "Eerste aanleg - meervoudig",
    relations: tuple[Relation, ...] = (),
) -> Ruling:
    court_code = ecli.split(":")[2]
    return Ruling(
        ecli=ecli,
        court=f"Rechtbank {court_code[2:].title()}" if court_code.startswith("RB") else "Hof",
        court_code=court_code,
        decision_date=when,
        case_numbers=(case,) if case else (),
        procedures=(procedure,),
        subjects=("Strafrecht",),
        law_references=tuple(
            LawReference(f"Wetboek van Strafrecht {a}", "Sr", a) for a in articles
        ),
        relations=relations,
        inhoudsindicatie=summary,
        sections=tuple(
            Section(i, role.value.title(), str(i + 1), role, text)
            for i, (role, text) in enumerate(sections.items())
        ),
    )


def findings(
    item: Ruling,
    *,
    proven: tuple[str, ...] = (),
    euros: float | None = None,
    payment_sentence: str = "",
    victim_age: int | None = None,
    platform: str = "",
    acquittal: bool = False,
    payee: str | None = None,
) -> Findings:
    """Findings whose evidence points into the ruling's own sections."""
    roles = {s.role: s for s in item.sections}
    proof = roles.get(Role.BEWEZENVERKLARING) or item.sections[0]
    articles = tuple(
        ArticleRef(a, role="proven", evidence=ev(proof.role, proof.index, a, proof.text))
        for a in proven
    )
    payment: tuple[PaymentMention, ...] = ()
    if euros is not None or payment_sentence:
        bewijs = roles.get(Role.BEWIJS, proof)
        sentence = payment_sentence or bewijs.text
        words = f"€ {euros:.0f}" if euros is not None else "tegen betaling"
        payment = (
            PaymentMention(
                "money" if euros is not None else "phrase",
                euros=euros,
                payee=payee,
                evidence=ev(bewijs.role, bewijs.index, words, sentence),
            ),
        )
    ages: tuple[AgeMention, ...] = ()
    if victim_age is not None:
        words = f"{victim_age}-jarige"
        ages = (AgeMention(victim_age, Subject.VICTIM, evidence=ev(proof.role, 0, words, words)),)
    contacts = (ContextMention("platform", platform),) if platform else ()
    return Findings(
        ecli=item.ecli,
        pipeline_version="test",
        articles=articles,
        acquittal=acquittal,
        ages=ages,
        payment=payment,
        contacts=contacts,
    )


def _client_248b(n: int, euros: float, age: int, platform: str, court: str) -> tuple:
    item = ruling(
        f"ECLI:NL:{court}:2016:{7000 + n}",
        f"Veroordeling klant van een minderjarige prostituee; ontucht tegen betaling met een "
        f"{age}-jarige die zich via {platform} aanbood. Eén dag gevangenisstraf en taakstraf.",
        {
            Role.TENLASTELEGGING: "hij heeft ontucht gepleegd met [slachtoffer], geboren op "
            "[geboortedatum], die zich beschikbaar stelde tegen betaling.",
            Role.BEWIJS: f"[slachtoffer] verklaarde dat zij een advertentie op {platform} had en "
            f"dat verdachte haar € {euros:.0f} heeft betaald voor seks in een hotel.",
            Role.BEWEZENVERKLARING: f"hij op [datum] te [plaats] {QUAL_248B}, te weten "
            f"[slachtoffer], geboren op [geboortedatum].",
            Role.STRAFMOTIVERING: "Verdachte heeft zich niet vergewist van de leeftijd van het "
            "meisje. De rechtbank sluit aan bij het palet van mogelijke straffen.",
        },
        articles=("248b",),
        case=f"03/70{n:04d}-15",
    )
    return item, findings(item, proven=("248b",), euros=euros, victim_age=age, platform=platform)


def _client_u16(n: int, euros: float, age: int, article: str) -> tuple:
    item = ruling(
        f"ECLI:NL:RBMNE:2018:{300 + n}",
        f"Verdachte heeft een {age}-jarig meisje dat hij via internet had leren kennen geld "
        f"gegeven voor seks. Veroordeling ter zake van ontucht met een minderjarige.",
        {
            Role.TENLASTELEGGING: f"hij heeft ontucht gepleegd met [slachtoffer], destijds {age} "
            "jaren oud.",
            Role.BEWIJS: f"Aangeefster heeft verklaard dat verdachte haar € {euros:.0f} gaf en "
            "dat zij daarna seks hebben gehad in zijn auto.",
            Role.BEWEZENVERKLARING: f"hij op [datum] te [plaats] {QUAL_245}, te weten met "
            "[slachtoffer], geboren op [geboortedatum].",
            Role.STRAFMOTIVERING: "Verdachte heeft misbruik gemaakt van de kwetsbare positie "
            "van het jonge meisje en haar betaald voor seks.",
        },
        articles=(article,),
        case=f"16/65{n:04d}-17",
    )
    return item, findings(item, proven=(article,), euros=euros, victim_age=age)


def _sexual_unpaid(n: int, article: str, age: int | None) -> tuple:
    victim = f"zijn {age}-jarige stiefdochter" if age else "een vrouw"
    item = ruling(
        f"ECLI:NL:RBGEL:2017:{500 + n}",
        f"Verdachte heeft {victim} meermalen seksueel misbruikt. Gevangenisstraf.",
        {
            Role.TENLASTELEGGING: f"hij heeft ontucht gepleegd met {victim}.",
            Role.BEWIJS: "Aangeefster heeft verklaard dat verdachte haar 's nachts in haar "
            "slaapkamer betastte en dat zij bang voor hem was.",
            Role.BEWEZENVERKLARING: f"hij op [datum] te [plaats] ontuchtige handelingen heeft "
            f"gepleegd met {victim}, bestaande uit het seksueel binnendringen van het lichaam.",
            Role.STRAFMOTIVERING: "Verdachte heeft de lichamelijke integriteit van het "
            "slachtoffer ernstig geschonden en haar vertrouwen beschaamd.",
        },
        articles=(article,),
        case=f"05/88{n:04d}-16",
    )
    return item, findings(item, proven=(article,), victim_age=age)


def _trafficker(n: int) -> tuple:
    item = ruling(
        f"ECLI:NL:RBROT:2017:{900 + n}",
        "Mensenhandel. Verdachte heeft een minderjarig meisje in de prostitutie gebracht en haar "
        "verdiensten laten afgeven.",
        {
            Role.TENLASTELEGGING: "hij heeft [slachtoffer] geworven en uitgebuit.",
            Role.BEWIJS: "Klanten betaalden [slachtoffer] € 100 per uur; zij moest het geld aan "
            "verdachte afgeven. Verdachte plaatste advertenties en regelde de afspraken.",
            Role.BEWEZENVERKLARING: "hij [slachtoffer], die de leeftijd van achttien jaren nog "
            "niet had bereikt, heeft geworven met het oogmerk van uitbuiting (mensenhandel).",
            Role.STRAFMOTIVERING: "Verdachte heeft zich schuldig gemaakt aan mensenhandel en "
            "heeft het meisje als handelswaar behandeld.",
        },
        articles=("273f",),
        case=f"10/77{n:04d}-16",
    )
    return item, findings(item, proven=("273f",), euros=100, victim_age=16, payee="verdachte")


def _other(n: int, summary: str, proof: str, article: str) -> tuple:
    item = ruling(
        f"ECLI:NL:RBOBR:2017:{200 + n}",
        summary,
        {
            Role.TENLASTELEGGING: "hij heeft zich schuldig gemaakt aan het ten laste gelegde.",
            Role.BEWIJS: proof,
            Role.BEWEZENVERKLARING: proof,
            Role.STRAFMOTIVERING: "De rechtbank houdt rekening met het strafblad van verdachte.",
        },
        articles=(article,),
        case=f"01/99{n:04d}-17",
    )
    return item, findings(item, proven=(article,))


def sample_corpus() -> list[tuple[Ruling, Findings | None, str]]:
    """(ruling, findings, category) for 20 rulings."""
    rows: list[tuple[Ruling, Findings | None, str]] = []
    for n, (euros, age, platform, court) in enumerate(
        [
            (150, 16, "Sexmarkt", "RBLIM"),
            (100, 17, "Kinky", "RBNHO"),
            (250, 16, "Sexjobs", "RBZWB"),
            (80, 17, "Sexmarkt", "RBDHA"),
            (300, 16, "Kinky", "RBOVE"),
        ]
    ):
        rows.append((*_client_248b(n, euros, age, platform, court), "client_248b"))
    for n, (euros, age, article) in enumerate([(50, 14, "245"), (40, 15, "247")]):
        rows.append((*_client_u16(n, euros, age, article), "client_paid_u16"))
    for n, (article, age) in enumerate(
        [("245", 13), ("247", 14), ("242", None), ("249", 15), ("246", None)]
    ):
        rows.append((*_sexual_unpaid(n, article, age), "sexual_unpaid"))
    for n in range(3):
        rows.append((*_trafficker(n), "trafficker"))
    for n, (summary, proof, article) in enumerate(
        [
            ("Diefstal met geweld van een portemonnee.", "Verdachte nam € 300 weg.", "312"),
            ("Handel in cocaïne.", "Verdachte verkocht cocaïne voor € 50 per gram.", "2"),
            ("Mishandeling van een portier.", "Verdachte sloeg de portier in het gezicht.", "300"),
            ("Oplichting via Marktplaats.", "Kopers betaalden € 400 voor telefoons.", "326"),
        ]
    ):
        rows.append((*_other(n, summary, proof, article), "other"))
    meta_only = Ruling(
        ecli="ECLI:NL:RBNNE:2019:4411",
        court="Rechtbank Noord-Nederland",
        court_code="RBNNE",
        decision_date=date(2019, 9, 12),
        case_numbers=("18/830771-18",),
        procedures=("Eerste aanleg - enkelvoudig",),
        inhoudsindicatie="Verdachte heeft een 15-jarig meisje tegen betaling van € 50 seks laten "
        "hebben; veroordeling voor ontucht met een minderjarige.",
    )
    rows.append((meta_only, None, "client_paid_u16"))
    return rows


@pytest.fixture
def corpus() -> list[tuple[Ruling, Findings | None, str]]:
    return sample_corpus()


@pytest.fixture
def filled_store(tmp_path, corpus):
    """A store holding the hand-built corpus with its findings."""
    with Store(tmp_path / "rulings.db") as store:
        for item, found, _category in corpus:
            store.upsert_ruling(item)
            if found is not None:
                store.save_findings(found)
        yield store


@pytest.fixture
def no_default(tmp_path, monkeypatch):
    """No shipped model or training table: tests see only what they build."""
    empty = tmp_path / "no-default"
    empty.mkdir()
    monkeypatch.setattr("rulings.classify.train.DEFAULT_DIR", empty)
    monkeypatch.setattr("rulings.classify.score.DEFAULT_DIR", empty)
    return empty


@pytest.fixture
def categories(corpus) -> dict[str, str]:
    return {item.ecli: category for item, _found, category in corpus}
