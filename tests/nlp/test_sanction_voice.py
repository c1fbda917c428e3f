"""Who speaks of a sentence: reasons, quoted lower courts and the inhoudsindicatie.
from sanction_helpers import DEMANDED, EARLIER, IMPOSED, Row, section, summary

Rows as in test_sanctions.py: a passage with its section role and the sanctions expected as
(kind, actor, size, suspended, probation_days). In the strafmotivering nobody imposes by default:
the court's own voice ("De rechtbank acht ... passend"), the prosecutor's, the defence's or a
lower court's decides, and a starting point, a rejected or a hypothetical sentence is none.
Passages are composed after legal-domain.md §4.2-4.3.
"""

from __future__ import annotations

import pytest
from sanction_helpers import DEMANDED, EARLIER, IMPOSED, Row, section, summary

STRAFMOTIVERING: list[Row] = [
    # the demand restated in the sentencing reasons
    (
        "strafmotivering",
        "De officier van justitie heeft geëist dat verdachte wordt veroordeeld tot een "
        "gevangenisstraf van 4 maanden.",
        [("gevangenisstraf", DEMANDED, 122, 0, None)],
    ),
    # the defence's proposal is no sanction
    (
        "strafmotivering",
        "De raadsman heeft verzocht om een taakstraf van 120 uren op te leggen.",
        [],
    ),
    # the court's own choice
    (
        "strafmotivering",
        "De rechtbank acht een gevangenisstraf voor de duur van 1 (één) dag en een taakstraf van "
        "180 uren passend en geboden.",
        [("gevangenisstraf", IMPOSED, 1, 0, None), ("taakstraf", IMPOSED, 180, 0, None)],
    ),
    # the demand named in passing
    (
        "strafmotivering",
        "De rechtbank zal, anders dan de officier van justitie heeft gevorderd, een taakstraf van "
        "240 uren opleggen.",
        [("taakstraf", IMPOSED, 240, 0, None)],
    ),
    # the reclassering's advice
    (
        "strafmotivering",
        "De reclassering adviseert een werkstraf van 240 uur en een meldplicht.",
        [],
    ),
    # the statutory maximum
    (
        "strafmotivering",
        "Op grond van artikel 248b Sr kan een gevangenisstraf van ten hoogste 4 jaren worden "
        "opgelegd.",
        [],
    ),
    # a guideline
    (
        "strafmotivering",
        "De oriëntatiepunten noemen voor dit feit een taakstraf van 240 uren als uitgangspunt.",
        [],
    ),
    # case law
    (
        "strafmotivering",
        "In de Valkenburgse zedenzaak heeft de Hoge Raad een gevangenisstraf van 1 dag en een "
        "taakstraf van 240 uren niet onbegrijpelijk geacht.",
        [],
    ),
    # the record
    ("strafmotivering", "Verdachte is eerder veroordeeld tot een taakstraf van 40 uren.", []),
    # a measure not imposed
    ("strafmotivering", "De rechtbank acht oplegging van tbs niet aangewezen.", []),
    # the defence, with a part
    (
        "strafmotivering",
        "De raadsvrouw heeft bepleit om aan verdachte een gevangenisstraf van 6 maanden op te "
        "leggen, waarvan 3 maanden voorwaardelijk.",
        [],
    ),
    # 'legt ... op' in prose
    (
        "strafmotivering",
        "Het hof legt daarom een taakstraf op van 160 uren.",
        [("taakstraf", IMPOSED, 160, 0, None)],
    ),
    # the suspended part in a sentence of its own
    (
        "strafmotivering",
        "De rechtbank zal een gevangenisstraf van 6 maanden opleggen. Daarvan zal 4 maanden "
        "voorwaardelijk worden opgelegd, met een proeftijd van 2 jaren.",
        [("gevangenisstraf", IMPOSED, 183, 122, 730)],
    ),
    # a sentence nobody states is left alone
    ("strafmotivering", "Een onvoorwaardelijke gevangenisstraf is in beginsel passend.", []),
    # the strafmotivering restating the court's sentence with the demand compared
    (
        "strafmotivering",
        "Alles afwegende zal het hof verdachte veroordelen tot een gevangenisstraf van 2 maanden, "
        "waarvan 1 maand voorwaardelijk, hetgeen lager is dan door de advocaat-generaal is "
        "gevorderd.",
        [("gevangenisstraf", IMPOSED, 61, 30, None)],
    ),
    # the demand restated with the court as the subject of what is asked
    (
        "strafmotivering",
        "De advocaat-generaal heeft gevorderd dat het hof het vonnis waarvan beroep zal "
        "bevestigen, met dien verstande dat het hof de verdachte zal veroordelen tot een "
        "gevangenisstraf voor de duur van 42 maanden, met aftrek van voorarrest.",
        [("gevangenisstraf", DEMANDED, 1278, 0, None)],
    ),
    # the reclassering advising: its contact ban is no sanction
    (
        "strafmotivering",
        "De reclassering adviseert een deels voorwaardelijke gevangenisstraf met bijzondere "
        "voorwaarden, waaronder een ambulante behandeling en een contactverbod.",
        [],
    ),
    # a lower court named in an insertion does not speak for the court
    (
        "strafmotivering",
        "Het hof acht, mede in het licht van de sinds het vonnis in eerste aanleg gewijzigde "
        "persoonlijke omstandigheden van verdachte, een taakstraf van 150 uren passend.",
        [("taakstraf", IMPOSED, 150, 0, None)],
    ),
    # nor does a prosecutor named in one
    (
        "strafmotivering",
        "Het hof acht, evenals de advocaat-generaal, een gevangenisstraf van 2 maanden passend.",
        [("gevangenisstraf", IMPOSED, 61, 0, None)],
    ),
    # the court inside the defence's request
    (
        "strafmotivering",
        "De raadsman heeft verzocht, indien de rechtbank tot een bewezenverklaring komt, een "
        "taakstraf van 60 uur op te leggen.",
        [],
    ),
    # the record inside the demand
    (
        "strafmotivering",
        "De officier van justitie heeft gevorderd dat verdachte, die eerder is veroordeeld, wordt "
        "veroordeeld tot een taakstraf van 80 uur.",
        [("taakstraf", DEMANDED, 80, 0, None)],
    ),
    # the decision verb inside the demand
    (
        "strafmotivering",
        "De officier van justitie vordert dat de rechtbank verdachte veroordeelt tot een "
        "geldboete van € 750.",
        [("geldboete", DEMANDED, 750.0, 0, None)],
    ),
    # the court deciding in the passive, after the sanction
    (
        "strafmotivering",
        "Gelet op het voorgaande zal aan verdachte een taakstraf van 240 uren worden opgelegd.",
        [("taakstraf", IMPOSED, 240, 0, None)],
    ),
    # ... which before the sanction is part of the demand
    (
        "strafmotivering",
        "De officier van justitie heeft gevorderd dat aan verdachte wordt opgelegd: een taakstraf "
        "van 100 uur.",
        [("taakstraf", DEMANDED, 100, 0, None)],
    ),
    # a starting point is not the sentence
    (
        "strafmotivering",
        "De rechtbank acht, gelet op de ernst van het feit, een onvoorwaardelijke gevangenisstraf "
        "van drie maanden als uitgangspunt passend.",
        [],
    ),
    # a sentence the court rejects
    (
        "strafmotivering",
        "Gelet op het voorgaande acht het hof een onvoorwaardelijke gevangenisstraf van vier "
        "maanden niet passend. Het hof zal een taakstraf van 240 uren opleggen.",
        [("taakstraf", IMPOSED, 240, 0, None)],
    ),
    # what the court would have imposed without the delay
    (
        "strafmotivering",
        "Zonder de overschrijding van de redelijke termijn zou de rechtbank een taakstraf van 240 "
        "uren hebben opgelegd. De rechtbank legt daarom een taakstraf van 200 uren op.",
        [("taakstraf", IMPOSED, 200, 0, None)],
    ),
    # the sentence already served is named, not imposed
    (
        "strafmotivering",
        "Het hof houdt er rekening mee dat de verdachte de door de rechtbank opgelegde taakstraf "
        "voor 196 uren heeft verricht.",
        [],
    ),
    # the suspended part stated after a total, without 'waarvan'
    (
        "strafmotivering",
        "De rechtbank acht een jeugddetentie van 240 dagen passend, waarvan het onvoorwaardelijke "
        "deel gelijk is aan het voorarrest (88 dagen), zodat 152 dagen voorwaardelijk worden "
        "opgelegd.",
        [("jeugddetentie", IMPOSED, 240, 152, None)],
    ),
    # 'het gevorderde contactverbod' names the demand; the court imposes it
    (
        "strafmotivering",
        "De rechtbank acht een gevangenisstraf van 5 jaren passend en geboden. De rechtbank legt "
        "daarnaast het gevorderde contactverbod op voor de duur van 5 jaren.",
        [("gevangenisstraf", IMPOSED, 1826, 0, None), ("contactverbod", IMPOSED, 1826, 0, None)],
    ),
    # the same sentence restated in the reasoning counts once
    (
        "strafmotivering",
        "De rechtbank zal daarom naast de taakstraf een onvoorwaardelijke gevangenisstraf van één "
        "dag opleggen.\n"
        "Alles afwegende acht de rechtbank een gevangenisstraf voor de duur van 1 (één) dag en "
        "een taakstraf voor de duur van 180 uren, subsidiair 90 dagen hechtenis, passend en "
        "geboden.",
        [("gevangenisstraf", IMPOSED, 1, 0, None), ("taakstraf", IMPOSED, 180, 0, None)],
    ),
]

VERDEDIGING: list[Row] = [
    # the defence asks the court for a sentence: no sanction; the demand it restates is one
    (
        "verdediging",
        "De raadsman wijst erop dat de officier van justitie een gevangenisstraf van 4 maanden "
        "heeft geëist. Hij heeft de rechtbank verzocht te volstaan met een gevangenisstraf van één "
        "dag en een taakstraf van 60 uren.",
        [("gevangenisstraf", DEMANDED, 122, 0, None)],
    ),
    # the lower court's sentence the defence quotes on appeal
    (
        "verdediging",
        "De rechtbank heeft cliënt veroordeeld tot een taakstraf van 120 uren; de raadsvrouw "
        "verzoekt het hof die straf te bevestigen.",
        [("taakstraf", EARLIER, 120, 0, None)],
    ),
]

OTHER: list[Row] = [
    # the judgment under appeal
    (
        "other",
        "De politierechter heeft verdachte bij vonnis van 12 mei 2019 veroordeeld tot een "
        "gevangenisstraf voor de duur van 3 maanden, waarvan 2 maanden voorwaardelijk, met een "
        "proeftijd van 2 jaren.",
        [("gevangenisstraf", EARLIER, 91, 61, 730)],
    ),
    # a cassation document quoting the hof
    (
        "other",
        "Het hof heeft de verdachte veroordeeld tot een taakstraf van 180 uren, subsidiair 90 "
        "dagen hechtenis.",
        [("taakstraf", EARLIER, 180, 0, None)],
    ),
    # passive, first instance
    (
        "other",
        "In eerste aanleg is verdachte veroordeeld tot een geldboete van € 1.500,00.",
        [("geldboete", EARLIER, 1500.0, 0, None)],
    ),
    # long insertion between the court and its participle
    (
        "other",
        "Het hof heeft in hoger beroep - met vernietiging van een vonnis van de rechtbank te "
        "[plaats] van 1 april 2016 - de verdachte ter zake van ontucht veroordeeld tot acht "
        "maanden gevangenisstraf, waarvan vier maanden voorwaardelijk met een proeftijd van twee "
        "jaren.",
        [("gevangenisstraf", EARLIER, 244, 122, 730)],
    ),
    # the sentencing section of an appeal without a cue states nothing
    ("other", "Een taakstraf van 100 uren wordt genoemd in het reclasseringsrapport.", []),
    # the court after the verb
    (
        "other",
        "Voorts heeft het hof de vordering van de benadeelde partij toegewezen en een "
        "schadevergoedingsmaatregel van € 1.500,00 opgelegd.",
        [("schadevergoedingsmaatregel", EARLIER, 1500.0, 0, None)],
    ),
    # the court's name between the court and its verb; 'meermalen gepleegd' is no record
    (
        "other",
        "Het gerechtshof Arnhem-Leeuwarden heeft de verdachte bij arrest van 12 september 2018 "
        "wegens ontucht, meermalen gepleegd, veroordeeld tot een gevangenisstraf voor de duur van "
        "300 dagen, waarvan 120 dagen voorwaardelijk, met een proeftijd van twee jaren.",
        [("gevangenisstraf", EARLIER, 300, 120, 730)],
    ),
    # the quoted sentence in a sentence of its own after the list of offences
    (
        "other",
        'wegens 1. "ontucht, meermalen gepleegd" en 2. "ontucht plegen met iemand die de leeftijd '
        'van zestien jaren heeft bereikt, meermalen gepleegd" veroordeeld tot een '
        "gevangenisstraf voor de duur van 300 dagen.",
        [("gevangenisstraf", EARLIER, 300, 0, None)],
    ),
    # a ruling on a tbs extension quoting the original judgment
    (
        "other",
        "Bij vonnis van de rechtbank Groningen van 21 september 2010 is de terbeschikkinggestelde "
        "veroordeeld tot een gevangenisstraf van 30 maanden en is de maatregel van "
        "terbeschikkingstelling met verpleging van overheidswege opgelegd.",
        [("gevangenisstraf", EARLIER, 913, 0, None), ("tbs", EARLIER, None, 0, None)],
    ),
]

SUMMARY: list[Row] = [
    # the inhoudsindicatie reports this court's outcome
    (
        "other",
        "Veroordeling tot een gevangenisstraf van 1 dag en een taakstraf van 180 uur wegens seks "
        "tegen betaling met een 16-jarige.",
        [("gevangenisstraf", IMPOSED, 1, 0, None), ("taakstraf", IMPOSED, 180, 0, None)],
    ),
    # in the past tense, amounts before the kinds
    (
        "other",
        "Verdachte is veroordeeld tot 1 dag gevangenisstraf en 200 uur taakstraf.",
        [("gevangenisstraf", IMPOSED, 1, 0, None), ("taakstraf", IMPOSED, 200, 0, None)],
    ),
    # the demand in the summary
    (
        "other",
        "Eis: 6 maanden gevangenisstraf, waarvan 3 maanden voorwaardelijk.",
        [("gevangenisstraf", DEMANDED, 183, 91, None)],
    ),
]


ROWS = STRAFMOTIVERING + VERDEDIGING + OTHER


@pytest.mark.parametrize(
    ("role", "text", "expected"), ROWS, ids=[f"{r}:{t[:50]}" for r, t, _ in ROWS]
)
def test_section_sanctions(nlp, role, text, expected):
    assert summary(section(nlp, text, role)._.sanctions) == expected


@pytest.mark.parametrize(("role", "text", "expected"), SUMMARY, ids=[t[:50] for _, t, _ in SUMMARY])
def test_inhoudsindicatie_sanctions(nlp, role, text, expected):
    assert summary(section(nlp, text, role, index=-1)._.sanctions) == expected
