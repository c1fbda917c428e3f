"""Explicit acquittals (vrijspraak) read by rulings_sanctions, and the clauses that are none.

A row is a passage with the role of its section and whether it acquits of a charge. The stock
clause "verklaart niet bewezen hetgeen meer of anders is ten laste gelegd" closes nearly every
conviction and acquits of nothing; neither do the defence's plea or a co-suspect's acquittal.
"""

from __future__ import annotations

import pytest
from sanction_helpers import section

from rulings.models import Role
from rulings.nlp.sanctions import ruling_sanctions

CASES = [
    # acquittal of one charge, object after 'vrij van'
    ("beslissing", "spreekt verdachte vrij van het onder 1 ten laste gelegde;", True),
    # 'verklaart niet bewezen ... en spreekt verdachte daarvan vrij'
    (
        "beslissing",
        "verklaart niet bewezen dat verdachte het onder 2 ten laste gelegde heeft begaan en "
        "spreekt verdachte daarvan vrij;",
        True,
    ),
    # a full acquittal
    ("beslissing", "De rechtbank:\nSpreekt verdachte vrij.", True),
    # appeal, primary charge acquitted, subsidiary proven
    (
        "beslissing",
        "verklaart niet bewezen dat de verdachte het onder 1 primair ten laste gelegde heeft "
        "begaan en spreekt de verdachte daarvan vrij.",
        True,
    ),
    # a charge and the stock clause in one clause
    (
        "beslissing",
        "spreekt verdachte vrij van het onder 1 ten laste gelegde en van hetgeen meer of anders "
        "is ten laste gelegd dan hierboven bewezen is verklaard;",
        True,
    ),
    # pseudonymised name and 'tenlastegelegde' in one word
    ("beslissing", "Spreekt [verdachte] vrij van het onder 2 tenlastegelegde.", True),
    # the court as subject in the dictum
    (
        "beslissing",
        "Het hof spreekt de verdachte vrij van het hem onder 1 ten laste gelegde.",
        True,
    ),
    # a decisional sentence in the reasoning of a ruling
    (
        "bewijs",
        "De rechtbank acht niet bewezen dat verdachte het onder 3 ten laste gelegde heeft begaan "
        "en spreekt verdachte daarvan vrij.",
        True,
    ),
    # the stock clause, decision style
    (
        "beslissing",
        "Verklaart niet bewezen hetgeen aan verdachte meer of anders is ten laste gelegd dan "
        "hierboven is bewezen verklaard en spreekt verdachte daarvan vrij.",
        False,
    ),
    # the stock clause, object after 'vrij van'
    (
        "beslissing",
        "spreekt verdachte vrij van hetgeen meer of anders is ten laste gelegd dan hierboven is "
        "bewezen verklaard;",
        False,
    ),
    # the stock clause with 'wat' and 'hem'
    (
        "beslissing",
        "verklaart niet bewezen wat meer of anders aan verdachte is ten laste gelegd dan hiervoor "
        "bewezen is verklaard, en spreekt hem daarvan vrij;",
        False,
    ),
    # the stock clause limited to one charge is still the stock clause
    (
        "beslissing",
        "verklaart niet bewezen hetgeen verdachte onder 1 meer of anders is ten laste gelegd dan "
        "hierboven is bewezen verklaard en spreekt hem daarvan vrij;",
        False,
    ),
    # the defence's plea
    (
        "verdediging",
        "De raadsman heeft vrijspraak bepleit van het onder 1 ten laste gelegde.",
        False,
    ),
    # a co-suspect
    ("bewijs", "De medeverdachte [naam 2] is door de rechtbank vrijgesproken van dit feit.", False),
    # a request to the court
    ("verdediging", "De verdediging verzoekt het hof verdachte vrij te spreken van feit 2.", False),
    # the prosecutor
    (
        "vordering",
        "De officier van justitie heeft gevorderd dat verdachte wordt vrijgesproken van feit 2.",
        False,
    ),
    # ontslag van alle rechtsvervolging is no acquittal
    ("beslissing", "ontslaat verdachte van alle rechtsvervolging.", False),
    # a conviction only
    (
        "beslissing",
        "verklaart bewezen dat verdachte het ten laste gelegde heeft begaan zoals hiervoor "
        "vermeld;",
        False,
    ),
    # the dictum reasoning 'dat de rechtbank verdachte vrijspreekt' in a subordinate clause
    (
        "vordering",
        "De officier van justitie vordert dat de rechtbank verdachte vrijspreekt van feit 1.",
        False,
    ),
    # 'niet wettig en overtuigend bewezen'
    (
        "beslissing",
        "Verklaart niet wettig en overtuigend bewezen dat verdachte het onder 1 ten laste gelegde "
        "heeft begaan en spreekt verdachte daarvan vrij.",
        True,
    ),
    # the charge named before 'niet bewezen'
    (
        "beslissing",
        "- verklaart het onder 1 ten laste gelegde niet bewezen en spreekt verdachte daarvan vrij;",
        True,
    ),
    # the stock clause with the court as subject and 'tenlastegelegd' in one word
    (
        "beslissing",
        "Het hof spreekt de verdachte vrij van hetgeen hem onder 1 meer of anders is "
        "tenlastegelegd dan hierboven bewezen is verklaard.",
        False,
    ),
    # reasoning that announces an acquittal; the dictum states it
    (
        "bewijs",
        "De rechtbank is van oordeel dat het onder 2 ten laste gelegde niet wettig en overtuigend "
        "bewezen is, zodat verdachte daarvan zal worden vrijgesproken.",
        False,
    ),
    # a lower court's acquittal quoted
    ("other", "Het hof heeft de verdachte vrijgesproken van het onder 1 ten laste gelegde.", False),
]


@pytest.mark.parametrize(
    ("role", "text", "acquits"), CASES, ids=[f"{r}:{t[:50]}" for r, t, _ in CASES]
)
def test_acquittal(nlp, role, text, acquits):
    assert bool(section(nlp, text, role)._.acquittals) is acquits


def test_acquittal_evidence_is_the_decisional_clause(nlp):
    text = (
        "De rechtbank:\n"
        "verklaart niet bewezen dat verdachte het onder 2 ten laste gelegde heeft begaan en "
        "spreekt verdachte daarvan vrij;\n"
        "verklaart niet bewezen hetgeen meer of anders is ten laste gelegd en spreekt verdachte "
        "daarvan vrij;"
    )
    (evidence,) = section(nlp, text, index=9)._.acquittals
    assert evidence.text.startswith("verklaart niet bewezen dat verdachte het onder 2")
    assert evidence.text.endswith("spreekt verdachte daarvan vrij")
    assert text[evidence.start : evidence.end] == evidence.text
    assert (evidence.section_index, evidence.role) == (9, Role.BESLISSING)


def test_ruling_counts_acquittals_from_the_beslissing(nlp):
    reasoning = section(
        nlp, "De rechtbank spreekt verdachte vrij van het onder 1 ten laste gelegde.", "bewijs", 4
    )
    stock_only = section(
        nlp,
        "verklaart niet bewezen hetgeen meer of anders is ten laste gelegd en spreekt verdachte "
        "daarvan vrij;",
    )
    assert ruling_sanctions([reasoning, stock_only])[1] == []
    assert [e.section_index for e in ruling_sanctions([reasoning])[1]] == [4]


def test_cassation_judgment_acquits_nobody(nlp):
    quoted = section(
        nlp,
        "Het hof heeft in het bestreden arrest het volgende overwogen: het hof spreekt de "
        "verdachte vrij.",
        "other",
        2,
    )
    header = section(nlp, "Het beroep in cassatie is ingesteld door de verdachte.", "other", 0)
    assert ruling_sanctions([header, quoted])[1] == []
