"""Payment evidence read by rulings_payment: one row per phrasing, negatives included.

Rows give (kind, euros, goods, payer, payee) per mention, in text order.
"""

from __future__ import annotations

import pytest

from rulings.models import Role

CASES = [
    # an escort who is paid, and a Ford Escort that is a car
    (
        "Zij werkte als escort voor een bureau in Utrecht.",
        Role.STRAFMOTIVERING,
        [("context", None, None, None, None)],
    ),
    ("Het slachtoffer reed in een Ford Escort naar het casino.", Role.BEWIJS, []),
    # money for sex, payer and payee named
    (
        "Verdachte betaalde haar € 100 voor seks.",
        Role.STRAFMOTIVERING,
        [("money", 100.0, None, "suspect", "victim")],
    ),
    # Dutch separators and ",-"
    (
        "Voor de seks heeft verdachte [slachtoffer] € 1.500,00 betaald.",
        Role.BEWIJS,
        [("money", 1500.0, None, "suspect", "[slachtoffer]")],
    ),
    # the payee received it from the suspect
    (
        "[slachtoffer] kreeg van verdachte € 50,- voor de seks.",
        Role.BEWIJS,
        [("money", 50.0, None, "suspect", "[slachtoffer]")],
    ),
    # found in the sample corpus: the paying clause after "en dat"
    (
        "De verdachte heeft erkend dat hij met [slachtoffer] heeft afgesproken in zijn woning en "
        "dat hij haar daarvoor € 150,- heeft betaald.",
        Role.BEWIJS,
        [("money", 150.0, None, "suspect", "victim")],
    ),
    # ... a clause without its own subject, and "van haar" that names no payer
    (
        "Verdachte heeft via Tagged een meisje benaderd en heeft haar in de woning van een kennis "
        "van haar € 120,- betaald voor seks.",
        Role.OTHER,
        [("money", 120.0, None, "suspect", "victim"), ("phrase", None, None, None, None)],
    ),
    # "tegen betaling van" with the amount after it
    (
        "Hij had seks met [slachtoffer] tegen betaling van 50 euro.",
        Role.BEWIJS,
        [("phrase", None, None, None, None), ("money", 50.0, None, None, None)],
    ),
    # "voor een bedrag van € 150,-" without a verb: no parties
    (
        "Voor een bedrag van € 150,- had zij seks met hem.",
        Role.BEWIJS,
        [("money", 150.0, None, None, None)],
    ),
    # an amount in words
    (
        "Zij vroeg hem honderd euro voor een uur seks.",
        Role.BEWIJS,
        [("money", 100.0, None, "suspect", "victim")],
    ),
    # the paying verb here, the sex in the sentence before
    (
        "Zij bood seks aan via een advertentie. Verdachte betaalde haar 100 euro.",
        Role.BEWIJS,
        [("context", None, None, None, None), ("money", 100.0, None, "suspect", "victim")],
    ),
    # money without an amount
    (
        "Verdachte heeft een meisje van vijftien jaar geld gegeven in ruil voor seksuele "
        "handelingen.",
        Role.STRAFMOTIVERING,
        [("money", None, None, "suspect", "victim")],
    ),
    # payment in kind after "in ruil voor"
    (
        "Zij had seks met verdachte in ruil voor sigaretten.",
        Role.BEWIJS,
        [("in_kind", None, "sigaretten", None, None)],
    ),
    # "in ruil daarvoor" after the sexual acts were described
    (
        "Zij heeft hem in de auto gepijpt. In ruil daarvoor gaf hij haar een iPhone.",
        Role.BEWIJS,
        [("in_kind", None, "telefoon", "suspect", "victim")],
    ),
    # goods named before "in ruil voor seks"
    (
        "Verdachte gaf haar een koptelefoon in ruil voor seks.",
        Role.STRAFMOTIVERING,
        [("in_kind", None, "koptelefoon", "suspect", "victim")],
    ),
    # several goods
    (
        "Verdachte heeft het slachtoffer kleding en een nieuwe telefoon gegeven in ruil voor seks.",
        Role.STRAFMOTIVERING,
        [("in_kind", None, "kleding, telefoon", "suspect", "victim")],
    ),
    # beltegoed
    (
        "Zij deed het in ruil voor beltegoed.",
        Role.BEWIJS,
        [("in_kind", None, "beltegoed", None, None)],
    ),
    # the guideline's "breezerseks"
    (
        "Het ging om zogenoemde breezerseks.",
        Role.STRAFMOTIVERING,
        [("in_kind", None, "breezer", None, None)],
    ),
    # the study's search phrases
    (
        "Verdachte had betaalde seks met een minderjarige.",
        Role.STRAFMOTIVERING,
        [("phrase", None, None, None, None)],
    ),
    # one phrase, not two: "seks tegen betaling" holds "tegen betaling"
    (
        "Het ging om seks tegen betaling.",
        Role.STRAFMOTIVERING,
        [("phrase", None, None, None, None)],
    ),
    # prostitution and escort context
    (
        "Zij werkte als escort en in de prostitutie.",
        Role.BEWIJS,
        [("context", None, None, None, None), ("context", None, None, None, None)],
    ),
    # negatives: fines, damages, costs, bail, a taxi
    ("De rechtbank legt een geldboete op van € 500.", Role.STRAFMOTIVERING, []),
    (
        "wijst de vordering van de benadeelde partij toe tot een bedrag van € 2.500,00 aan "
        "immateriële schade",
        Role.BENADEELDE_PARTIJ,
        [],
    ),
    (
        "legt aan verdachte de verplichting op tot betaling aan de Staat ten behoeve van "
        "[slachtoffer] van € 1.500,00",
        Role.BESLISSING,
        [],
    ),
    ("veroordeelt verdachte in de proceskosten van € 150", Role.BESLISSING, []),
    (
        "Tegen betaling van een borgsom van € 5.000 wordt de voorlopige hechtenis geschorst.",
        Role.OTHER,
        [],
    ),
    ("Hij betaalde € 20 voor de taxi.", Role.BEWIJS, []),
    ("De toevoeging van de advocaat kost € 800.", Role.OTHER, []),
    ("Dit kost een euro.", Role.OTHER, []),
]


@pytest.mark.parametrize(("text", "role", "expected"), CASES, ids=[c[0][:45] for c in CASES])
def test_payment(run_section, text, role, expected) -> None:
    doc = run_section(text, role)
    found = [(p.kind, p.euros, p.goods, p.payer, p.payee) for p in doc._.payment]
    assert found == expected


def test_payment_evidence_is_the_amount(run_section) -> None:
    text = "Verdachte betaalde haar € 150,- voor de seks."
    mention = run_section(text, Role.STRAFMOTIVERING)._.payment[0]
    assert text[mention.evidence.start : mention.evidence.end] == "€ 150,-"
