"""Case-law references and Valkenburg markers read by rulings_references: one row per form."""

from __future__ import annotations

import pytest

from rulings.models import Role

HR = "ECLI:NL:HR:2018:"
ZEELAND = "ECLI:NL:RBZWB:2016:8757"

CASES = [
    # a plain ECLI
    ("Zie ECLI:NL:RBLIM:2015:6255.", [("ecli", "ECLI:NL:RBLIM:2015:6255")]),
    # a Valkenburg ruling is both an ECLI and a Valkenburg reference
    (
        "HR 20 februari 2018, ECLI:NL:HR:2018:202",
        [("ecli", HR + "202"), ("valkenburg_hr", HR + "202")],
    ),
    # one court and year, several numbers, a range among them
    (
        "ECLI:NL:HR:2018:202, 231-233",
        [
            ("ecli", HR + "202"),
            ("valkenburg_hr", HR + "202"),
            ("ecli", HR + "231"),
            ("valkenburg_hr", HR + "231"),
            ("ecli", HR + "232"),
            ("valkenburg_hr", HR + "232"),
            ("ecli", HR + "233"),
            ("valkenburg_hr", HR + "233"),
        ],
    ),
    # a list with "en"
    (
        "ECLI:NL:RBROT:2019:3429 en 3430 (3 maanden)",
        [("ecli", "ECLI:NL:RBROT:2019:3429"), ("ecli", "ECLI:NL:RBROT:2019:3430")],
    ),
    # PDF text: the country broken by a hyphen
    ("(ECLI:N-L:HR:2018:231)", [("ecli", HR + "231"), ("valkenburg_hr", HR + "231")]),
    # PDF text: no country; the ECLI is one of the Zeeland case's
    ("ECLI:RBZWB:2016:8757", [("ecli", ZEELAND), ("named_case", "Zeeuwse zaak")]),
    # PDF text: the number broken over a line
    ("ECLI:NL:RBZWB:2016:87-\n57", [("ecli", ZEELAND), ("named_case", "Zeeuwse zaak")]),
    # a Schiedam kelderbox ruling by its ECLI
    (
        "ECLI:NL:GHDHA:2018:2598",
        [("ecli", "ECLI:NL:GHDHA:2018:2598"), ("named_case", "Schiedamse kelderboxzaak")],
    ),
    # spaces around the colons
    ("ECLI: NL: RBNHO: 2018: 11902", [("ecli", "ECLI:NL:RBNHO:2018:11902")]),
    # an LJN in an older ruling
    ("(LJN: BP2417)", [("ljn", "BP2417")]),
    # the Valkenburg rulings by date only
    (
        "De rechtbank sluit aan bij de arresten van de Hoge Raad van 20 februari 2018.",
        [("valkenburg_hr", "HR 20-02-2018")],
    ),
    # ... and by case number
    ("HR 20 februari 2018, nr. 17/00158", [("valkenburg_hr", "HR 20-02-2018")]),
    # named cases
    ("zoals in de Valkenburgse zedenzaak", [("named_case", "Valkenburgse zedenzaak")]),
    ("de Valkenburg-zaak", [("named_case", "Valkenburgse zedenzaak")]),
    ("de Schiedamse kelderbox-zaak", [("named_case", "Schiedamse kelderboxzaak")]),
    ("in de Zeeuwse zaak", [("named_case", "Zeeuwse zaak")]),
    # the palet
    (
        "De rechter kan het gehele palet van mogelijke straffen benutten.",
        [("palet", "palet van mogelijke straffen")],
    ),
    # the art. 22b reasoning
    (
        "Artikel 22b Sr staat eraan in de weg dat uitsluitend een taakstraf wordt opgelegd.",
        [("art22b", "art. 22b Sr")],
    ),
    (
        "Een kale taakstraf is op grond van artikel 22b Sr niet mogelijk.",
        [("art22b", "art. 22b Sr")],
    ),
    ("het taakstrafverbod", [("art22b", "art. 22b Sr")]),
    # found in the sample corpus: the one day of prison that art. 22b requires
    (
        "De gevangenisstraf van één dag wordt opgelegd om te voldoen aan het bepaalde in artikel "
        "22b, derde lid, van het Wetboek van Strafrecht.",
        [("art22b", "art. 22b Sr")],
    ),
    (
        "Gelet hierop, en gelet op artikel 22b van het Wetboek van Strafrecht, acht de "
        "politierechter de hierna te noemen straf passend.",
        [("art22b", "art. 22b Sr")],
    ),
    # 22b in the list of applied articles is no reasoning
    (
        "De straf is gegrond op de artikelen 9, 22b, 22c, 22d en 248b van het Wetboek van "
        "Strafrecht.",
        [],
    ),
    # negatives: a place, a date, a sentence end between 22b and taakstraf
    ("Het feit is gepleegd te Valkenburg op 20 februari 2018.", []),
    ("De rechtbank past artikel 22b Sr. Een taakstraf van 100 uur volgt.", []),
    ("Er is een eclips waargenomen.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:45] for c in CASES])
def test_references(run_section, text, expected) -> None:
    doc = run_section(text, Role.STRAFMOTIVERING)
    assert [(r.kind, r.value) for r in doc._.references] == expected


def test_ecli_evidence_covers_the_written_form(run_section) -> None:
    text = "Zie (ECLI:N-L:HR:2018:231) en verder."
    ref = run_section(text, Role.STRAFMOTIVERING)._.references[0]
    assert text[ref.evidence.start : ref.evidence.end] == "ECLI:N-L:HR:2018:231"
