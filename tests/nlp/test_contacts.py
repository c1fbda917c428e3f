"""Contact platforms and meeting places read by rulings_contacts: one row per phrasing."""

from __future__ import annotations

import pytest

from rulings.models import Role

CASES = [
    ("Zij had een advertentie op Sexmarkt geplaatst.", [("platform", "Sexmarkt")]),
    ("Verdachte vond haar via www.sexmarkt.nl.", [("platform", "Sexmarkt")]),
    (
        "Het contact verliep via Kinky.nl en daarna via WhatsApp.",
        [("platform", "Kinky"), ("platform", "WhatsApp")],
    ),
    ("Zij appten met elkaar over de prijs.", [("platform", "WhatsApp")]),
    ("Ze leerden elkaar kennen op Snapchat.", [("platform", "Snapchat")]),
    ("Verdachte benaderde hem via Grindr.", [("platform", "Grindr")]),
    ("een profiel op Suikerarrangement", [("platform", "Suikerarrangement")]),
    ("Zij spraken af in een hotel in Utrecht.", [("place", "hotel")]),
    ("De seks vond plaats in de woning van verdachte.", [("place", "woning verdachte")]),
    ("Zij ging mee naar zijn woning.", [("place", "woning verdachte")]),
    (
        "Zij hadden seks in zijn auto op een parkeerplaats.",
        [("place", "auto"), ("place", "parkeerplaats")],
    ),
    ("in de woning van [naam 1]", [("place", "woning derde")]),
    ("bij een vriend thuis", [("place", "woning derde")]),
    ("bij haar thuis", [("place", "woning slachtoffer")]),
    ("in een kelderbox in Schiedam", [("place", "kelderbox")]),
    ("in het park", [("place", "park")]),
    # one value once per section
    ("in een hotel, later weer in een hotel", [("place", "hotel")]),
    # a surname is no place (found in the sample corpus)
    ("gewezen door mr. E. Bos, voorzitter", []),
    ("zij hadden seks in de bosjes", [("place", "buiten")]),
    # negatives
    ("Hij reed met de auto naar huis.", []),
    ("Er stond een artikel in de krant.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:45] for c in CASES])
def test_contacts(run_section, text, expected) -> None:
    doc = run_section(text, Role.BEWIJS)
    assert [(c.kind, c.value) for c in doc._.contacts] == expected
