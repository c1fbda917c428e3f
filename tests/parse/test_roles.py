"""Section roles from headings (a table of real-looking headings) and from content cues."""

from __future__ import annotations

import pytest

from rulings.models import Role
from rulings.parse import role_for_heading
from rulings.parse.roles import (
    heading_rule,
    normalise_heading,
    paragraph_heading,
    resolve_role,
    split_number,
)
from rulings.patterns import load_table

T, B, BV, K, S = (
    Role.TENLASTELEGGING,
    Role.BEWIJS,
    Role.BEWEZENVERKLARING,
    Role.KWALIFICATIE,
    Role.STRAFBAARHEID,
)
V, D, SM, BP, W, BS, OT = (
    Role.VORDERING,
    Role.VERDEDIGING,
    Role.STRAFMOTIVERING,
    Role.BENADEELDE_PARTIJ,
    Role.WETTELIJKE_VOORSCHRIFTEN,
    Role.BESLISSING,
    Role.OTHER,
)

HEADINGS = [
    ("Tenlastelegging", T),
    ("1 De tenlastelegging", T),
    ("TENLASTELEGGING", T),
    ("Tekst tenlastelegging", T),
    ("De inhoud van de tenlastelegging", T),
    ("Wat wordt verdachte verweten?", T),
    ("De verdenking", T),
    ("Beoordeling van het bewijs", B),
    ("4 De beoordeling van het bewijs", B),
    ("Waardering van het bewijs", B),
    ("Bewijsmiddelen", B),
    ("Bewijsoverwegingen", B),
    ("Nadere bewijsoverweging", B),
    ("Vrijspraak", B),
    ("Partiële vrijspraak", B),
    ("Vrijspraak van het onder 2 tenlastegelegde", B),
    ("Bewezenverklaring", BV),
    ("5. De bewezenverklaring", BV),
    ("BEWEZENVERKLARING", BV),
    ("Kwalificatie", K),
    ("Strafbaarheid van het bewezenverklaarde", K),
    ("Strafbaarheid van het bewezen verklaarde", K),
    ("De strafbaarheid van de feiten", K),
    ("Kwalificatie en strafbaarheid van de feiten", K),
    ("Strafbaarheid van verdachte", S),
    ("De strafbaarheid van de verdachte", S),
    ("Strafbaarheid", S),
    ("De vordering van de officier van justitie", V),
    ("Vordering officier van justitie", V),
    ("De eis van de officier van justitie", V),
    ("EIS OFFICIER VAN JUSTITIE", V),
    ("De vordering van de advocaat-generaal", V),
    ("Vordering van de advocaat-generaal", V),
    ("Het standpunt van de officier van justitie", V),
    ("De strafeis", V),
    ("Requisitoir", V),
    ("Wat eist de officier van justitie?", V),
    ("Het standpunt van de verdediging", D),
    ("Standpunt van de verdediging", D),
    ("Het standpunt van de raadsman", D),
    ("Standpunt van verdachte en de verdediging", D),
    ("Het pleidooi", D),
    ("Strafmotivering", SM),
    ("De straf", SM),
    ("7. De straf", SM),
    ("Straf en maatregel", SM),
    ("Oplegging van straf", SM),
    ("Oplegging van straf en/of maatregel", SM),
    ("Motivering van de straf", SM),
    ("Motivering van sanctie en van overige beslissingen", SM),
    ("Op te leggen straf of maatregel", SM),
    ("DE STRAFOPLEGGING", SM),
    ("De op te leggen sanctie", SM),
    ("Welke straf krijgt verdachte?", SM),
    ("Vordering benadeelde partij", BP),
    ("Benadeelde partij", BP),
    ("De vordering van de benadeelde partij [slachtoffer]", BP),
    ("Vorderingen benadeelde partijen", BP),
    ("Schadevergoedingsmaatregel", BP),
    ("Toepasselijke wettelijke voorschriften", W),
    ("Wettelijke voorschriften", W),
    ("Toepassing van wetsartikelen", W),
    ("De toegepaste wetsartikelen", W),
    ("Beslissing", BS),
    ("DE BESLISSING", BS),
    ("9 De beslissing", BS),
    ("Uitspraak", BS),
    ("De uitspraak", BS),
    ("DE UITSPRAAK VAN DE RECHTBANK LUIDT, RECHTDOENDE:", BS),
    ("HET HOF, RECHT DOENDE OP HET HOGER BEROEP:", BS),
    ("Ontvankelijkheid van de officier van justitie", OT),
    ("Geldigheid van de dagvaarding", OT),
    ("Voorvragen", OT),
    ("De vordering tot tenuitvoerlegging", OT),
    ("Vordering tot herroeping van de voorwaardelijke invrijheidstelling", OT),
    ("Voorlopige hechtenis", OT),
    ("In beslag genomen voorwerpen", OT),
    ("Het vonnis waarvan beroep", OT),
    ("Onderzoek van de zaak", OT),
    ("Het onderzoek ter terechtzitting", OT),
    ("Procesverloop", OT),
    ("Slotsom", OT),
    ("Het oordeel van de rechtbank", OT),
    ("Overwegingen", OT),
    ("Feit 1", OT),
    ("", OT),
]


@pytest.mark.parametrize(("heading", "role"), HEADINGS)
def test_heading_decides_the_role(heading: str, role: Role) -> None:
    assert role_for_heading(heading) is role


def test_heading_table_is_large_enough() -> None:
    assert len(HEADINGS) >= 60


def _entries(kind: str) -> list[dict[str, object]]:
    return load_table("section_roles")[kind]


HEADING_EXAMPLES = [
    (example, entry["role"])
    for entry in _entries("heading")
    for example in entry.get("examples", [])
]
HEADING_COUNTER_EXAMPLES = [
    (example, entry["role"])
    for entry in _entries("heading")
    for example in entry.get("counter_examples", [])
]
CUE_EXAMPLES = [
    (example, entry["role"]) for entry in _entries("cue") for example in entry.get("examples", [])
]


@pytest.mark.parametrize(("heading", "role"), HEADING_EXAMPLES)
def test_pattern_file_examples(heading: str, role: str) -> None:
    expected = Role.OTHER if role == "neutral" else Role(role)
    assert role_for_heading(heading) is expected


@pytest.mark.parametrize(("heading", "role"), HEADING_COUNTER_EXAMPLES)
def test_pattern_file_counter_examples(heading: str, role: str) -> None:
    assert heading_rule(normalise_heading(heading)) != role


@pytest.mark.parametrize(("text", "role"), CUE_EXAMPLES)
def test_pattern_file_cue_examples(text: str, role: str) -> None:
    assert role_for_heading("", text) is Role(role)


@pytest.mark.parametrize(
    ("heading", "text", "role"),
    [
        (
            "",
            "De officier van justitie heeft gevorderd dat verdachte 6 maanden krijgt.",
            V,
        ),
        (
            "",
            "Het hof:\nvernietigt het vonnis waarvan beroep;\nveroordeelt verdachte tot 80 uren.",
            BS,
        ),
        ("", "De raadsman heeft bepleit dat verdachte een taakstraf wordt opgelegd.", D),
        (
            "Ten aanzien van feit 1",
            "De raadsvrouw heeft aangevoerd dat [slachtoffer] zei dat zij 18 was.",
            D,
        ),
        (
            "",
            "RECHTBANK AMSTERDAM\nParketnummer: 13/123456-21\nin de strafzaak tegen [verdachte]",
            OT,
        ),
        ("", "", OT),
        # a recognised heading wins over the text under it
        (
            "Ontvankelijkheid van de officier van justitie",
            "De officier van justitie heeft gevorderd ...",
            OT,
        ),
        (
            "Vordering benadeelde partij",
            "De officier van justitie heeft gevorderd de vordering toe te wijzen.",
            BP,
        ),
    ],
)
def test_content_decides_only_when_the_heading_is_silent(
    heading: str, text: str, role: Role
) -> None:
    assert role_for_heading(heading, text) is role


def test_earliest_cue_wins() -> None:
    text = (
        "De benadeelde partij [slachtoffer] heeft zich gevoegd met een vordering van € 1.000,00. "
        "De officier van justitie heeft gevorderd de vordering toe te wijzen."
    )
    assert role_for_heading("", text) is Role.BENADEELDE_PARTIJ


def test_neutral_heading_keeps_the_surrounding_role() -> None:
    assert resolve_role("Het oordeel van de rechtbank", inherited=Role.STRAFMOTIVERING) is SM
    assert resolve_role("Het oordeel van de rechtbank") is OT


def test_section_role_attribute_is_only_a_hint() -> None:
    assert resolve_role("Dictum en rechtsmiddel", hint="beslissing") is OT
    assert resolve_role("Slot", hint="beslissing") is BS
    assert resolve_role("De straf", hint="beslissing") is SM


@pytest.mark.parametrize(
    ("heading", "number", "rest"),
    [
        (
            "6.1 De vordering van de officier van justitie",
            "6.1",
            "De vordering van de officier van justitie",
        ),
        ("8. Beslissing", "8", "Beslissing"),
        ("9 De beslissing", "9", "De beslissing"),
        ("2006", None, "2006"),
        ("Tenlastelegging", None, "Tenlastelegging"),
    ],
)
def test_split_number(heading: str, number: str | None, rest: str) -> None:
    assert split_number(heading) == (number, rest)


def test_normalise_heading() -> None:
    assert normalise_heading("8. DE BESLISSING:") == "beslissing"
    assert (
        normalise_heading("  Het\u00a0standpunt van de  verdediging ")
        == "standpunt van de verdediging"
    )
    assert normalise_heading("De geëiste straf") == "geeiste straf"


@pytest.mark.parametrize(
    ("text", "marked", "expected"),
    [
        ("Tenlastelegging", False, (True, "tenlastelegging")),
        ("Gebruik van het rechtsmiddel", False, (True, "other")),
        ("6.3 Vordering benadeelde partij", False, (True, "benadeelde_partij")),
        ("De eis van de officier van justitie", True, (True, "vordering")),
        ("Het oordeel van de rechtbank", True, (True, "neutral")),
        ("Ten aanzien van feit 2", True, (True, None)),
        ("De straf is passend.", False, (False, None)),
        (
            "De rechtbank acht het primair tenlastegelegde bewezen, met dien verstande dat:",
            False,
            (False, None),
        ),
        ("Bepaalt dat de tenuitvoerlegging kan worden gelast, indien:", False, (False, None)),
        ("vernietigt het vonnis, waarvan beroep, en opnieuw recht doende:", False, (False, None)),
        ("Sector straf", False, (False, None)),
        ("Raadsman: mr. [naam advocaat]", False, (False, None)),
        ("Parketnummers eerste aanleg: 07-681054-10 en 19-830165-09 (TUL)", False, (False, None)),
        ("- de vordering van de officier van justitie;", False, (False, None)),
        ("[verdachte],", True, (False, None)),
    ],
)
def test_paragraph_heading(text: str, marked: bool, expected: tuple[bool, str | None]) -> None:
    assert paragraph_heading(text, marked) == expected


@pytest.mark.parametrize(
    ("heading", "parent", "role"),
    [
        ("Het subsidiair ten laste gelegde", B, B),
        ("Het subsidiair ten laste gelegde", OT, T),
        ("Vaststaande feiten", B, B),
        ("Standpunt officier van justitie", B, V),
        ("Eis officier van justitie", SM, V),
        ("Beslag", SM, OT),
        ("Maatregel als bedoeld in artikel 38v Sr", SM, SM),
    ],
)
def test_role_inside_a_section(heading: str, parent: Role, role: Role) -> None:
    assert resolve_role(heading, inherited=parent) is role


NOT_HEADING_EXAMPLES = load_table("section_roles")["not_heading"]["examples"]


@pytest.mark.parametrize("text", NOT_HEADING_EXAMPLES)
def test_pattern_file_not_heading_examples(text: str) -> None:
    assert paragraph_heading(text, marked=False) == (False, None)
