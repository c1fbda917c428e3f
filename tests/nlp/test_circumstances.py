"""Circumstances read by rulings_circumstances: code, who raised it, and whether it was rejected.

Rows give a passage, the role of its section, and (code, raised_by, rejected) per finding in
text order. Polarity comes from the taxonomy and is checked once at the end.
"""

from __future__ import annotations

import pytest

from rulings.models import Polarity, Role

D, P, C, U = "defence", "prosecutor", "court", "unknown"
SM, VD, VO = Role.STRAFMOTIVERING, Role.VERDEDIGING, Role.VORDERING

CASES = [
    # personal circumstances the defence puts forward: work, a child, studies, a licence
    (
        "De raadsvrouw heeft verzocht rekening te houden met het feit dat verdachte een vaste "
        "baan heeft als magazijnmedewerker en onlangs vader is geworden.",
        VD,
        [("M_PERSONAL_IMPACT", D, False)],
    ),
    (
        "De raadsman heeft gewezen op de studie bouwkunde die verdachte volgt en op de zorg voor "
        "zijn dochtertje.",
        VD,
        [("M_PERSONAL_IMPACT", D, False)],
    ),
    (
        "De rechtbank houdt rekening met de jeugdige leeftijd van verdachte en met zijn opleiding.",
        SM,
        [("M_PERSONAL_IMPACT", C, False), ("M_YOUNG_OFFENDER", C, False)],  # by first word
    ),
    # the victim's young age in the court's own words
    (
        "Dat hij een zo jong meisje heeft benaderd, rekent de rechtbank hem aan.",
        SM,
        [("A_YOUNG_VICTIM", C, False)],
    ),
    # she seemed an adult: presented herself as one, or he thought he dealt with one
    (
        "De raadsvrouw heeft aangevoerd dat [slachtoffer] zich in de chat als meerderjarige "
        "voordeed.",
        VD,
        [("M_VICTIM_SEEMED_ADULT", D, False)],
    ),
    (
        "De raadsman heeft betoogd dat verdachte meende met een volwassen vrouw te maken te "
        "hebben.",
        VD,
        [("M_VICTIM_SEEMED_ADULT", D, False)],
    ),
    # his name in the local paper
    (
        "De raadsman heeft erop gewezen dat de naam van verdachte in een regionaal dagblad is "
        "vermeld.",
        VD,
        [("M_MEDIA", D, False)],
    ),
    # a schoolgirl's signs the prosecutor points to
    (
        "De officier van justitie heeft erop gewezen dat verdachte zich niet heeft afgevraagd hoe "
        "oud het meisje was, terwijl zij met haar schooltas kwam.",
        VO,
        [("A_MINORITY_SIGNALS", P, False)],
    ),
    # how long and how often
    (
        "Verdachte heeft gedurende ruim drie maanden een minderjarig meisje uitgebuit; na de "
        "eerste afspraak heeft hij haar nog een tweede keer ontmoet.",
        SM,
        [("A_FREQUENCY", C, False)],
    ),
    ("Verdachte heeft gedurende vier maanden hennep geteeld en cocaïne verkocht.", SM, []),
    ("Verdachte heeft gedurende twee maanden cocaïne verkocht.", SM, []),
    # the court weighs a clean record and not seeking a minor
    (
        "De rechtbank houdt rekening met het blanco strafblad van verdachte en met het feit dat "
        "hij niet bewust op zoek was naar een minderjarige.",
        SM,
        [("M_CLEAN_RECORD", C, False), ("M_NOT_SEEKING_MINOR", C, False)],
    ),
    # the defence's section
    (
        "De raadsman heeft gewezen op de media-aandacht en op het feit dat zij zei dat zij 18 was.",
        VD,
        [("M_MEDIA", D, False), ("M_VICTIM_SEEMED_ADULT", D, False)],
    ),
    # the prosecutor's section
    (
        "De officier van justitie heeft in aanmerking genomen dat verdachte niet eerder is "
        "veroordeeld.",
        VO,
        [("M_CLEAN_RECORD", P, False)],
    ),
    # the defence's plea reported in the strafmotivering, then rejected by the court
    (
        "De raadsman heeft aangevoerd dat verdachte zijn baan is kwijtgeraakt. De rechtbank volgt "
        "de verdediging hierin niet.",
        SM,
        [("M_PERSONAL_IMPACT", D, True)],
    ),
    # the court answers a plea it does not restate: still the defence's, rejected
    (
        "De publiciteit rond de zaak leidt niet tot strafvermindering; die is het gevolg van het "
        "eigen handelen van verdachte.",
        SM,
        [("M_MEDIA", D, True)],
    ),
    (
        "Het belang van verdachte bij het behoud van zijn rijbewijs weegt niet op tegen de "
        "verkeersveiligheid.",
        SM,
        [("M_PERSONAL_IMPACT", D, True)],
    ),
    # "Namens verdachte is betoogd", and the court passes over it in the next paragraph
    (
        "Namens verdachte is betoogd dat het recidiverisico laag is.\nDe rechtbank gaat daaraan "
        "voorbij.",
        SM,
        [("M_LOW_RECIDIVISM", D, True)],
    ),
    # a rejected plea inside the rejecting sentence
    (
        "Het verweer dat verdachte niet wist dat zij minderjarig was, wordt verworpen.",
        SM,
        [("M_DID_NOT_KNOW_MINOR", D, True)],
    ),
    # the defence keeps the floor for the rest of the paragraph
    (
        "De raadsvrouw heeft verzocht rekening te houden met de persoon van verdachte. Hij heeft "
        "een blanco strafblad en zijn relatie is verbroken.",
        SM,
        [("M_CLEAN_RECORD", D, False), ("M_PERSONAL_IMPACT", D, False)],
    ),
    # a new paragraph gives the floor back to the court
    (
        "De raadsman heeft gewezen op het tijdsverloop.\nVerdachte heeft meermalen seks gehad met "
        "het slachtoffer.",
        SM,
        [("M_REASONABLE_TIME", D, False), ("A_FREQUENCY", C, False)],
    ),
    # the court contradicting the defence speaks itself
    (
        "Anders dan de raadsman is de rechtbank van oordeel dat verdachte zich onvoldoende heeft "
        "vergewist van haar leeftijd.",
        SM,
        [("A_MINORITY_SIGNALS", C, False)],
    ),
    # the court rejecting the prosecutor's point
    (
        "De officier van justitie heeft gewezen op signalen van mensenhandel. De rechtbank volgt "
        "de officier van justitie daarin niet.",
        SM,
        [("A_TRAFFICKING_SIGNALS", P, True)],
    ),
    # aggravating: penetration and further acts
    (
        "Verdachte heeft geslachtsgemeenschap gehad met het slachtoffer, zonder condoom.",
        SM,
        [("A_PENETRATION", C, False), ("A_FURTHER_ACTS", C, False)],
    ),
    # anal sex is both penetration and a further act
    (
        "Er was sprake van anale seks.",
        SM,
        [("A_FURTHER_ACTS", C, False), ("A_PENETRATION", C, False)],
    ),
    # vulnerability and dependency
    (
        "Het slachtoffer had een licht verstandelijke beperking en er was sprake van een "
        "afhankelijkheidsrelatie.",
        SM,
        [("A_VULNERABLE_VICTIM", C, False), ("A_DEPENDENCY", C, False)],
    ),
    # disregard of the victim
    (
        "Verdachte heeft zijn eigen seksuele behoeften voorop gesteld en een inbreuk gemaakt op de "
        "lichamelijke integriteit van het slachtoffer.",
        SM,
        [("A_DISREGARD_VICTIM", C, False)],
    ),
    # the victim's young age, and not the suspect's
    (
        "De rechtbank weegt de jonge leeftijd van het slachtoffer zwaar.",
        SM,
        [("A_YOUNG_VICTIM", C, False)],
    ),
    (
        "De rechtbank houdt rekening met de jeugdige leeftijd van verdachte.",
        SM,
        [("M_YOUNG_OFFENDER", C, False)],
    ),
    # a kelderbox signals exploitation and an unsafe setting
    (
        "Het slachtoffer werkte vanuit een kelderbox.",
        SM,
        [("A_SPECIAL_SETTING", C, False), ("A_TRAFFICKING_SIGNALS", C, False)],
    ),
    # recidivism; "niet eerder" is the opposite
    ("Verdachte is eerder veroordeeld voor een zedendelict.", SM, [("A_RECIDIVISM", C, False)]),
    (
        "Verdachte is niet eerder voor soortgelijke feiten veroordeeld.",
        SM,
        [("M_CLEAN_RECORD", C, False)],
    ),
    # attitude
    (
        "Verdachte heeft openheid van zaken gegeven en spijt betuigd.",
        SM,
        [("M_ATTITUDE", C, False)],
    ),
    # the victim seemed adult, in a defence plea
    (
        "Zij kwam ouder over en in de advertentie stond dat zij 19 was.",
        VD,
        [("M_VICTIM_SEEMED_ADULT", D, False)],
    ),
    # unaware of the trafficking, in the prosecutor's demand
    (
        "Verdachte was niet op de hoogte van de uitbuitingssituatie.",
        VO,
        [("M_UNAWARE_TRAFFICKING", P, False)],
    ),
    # found in the sample corpus: "tweemaal", the integrity "geschonden"
    (
        "Verdachte heeft tweemaal seks gehad met een meisje van zestien jaar en daarmee haar "
        "lichamelijke integriteit geschonden.",
        SM,
        [("A_FREQUENCY", C, False), ("A_DISREGARD_VICTIM", C, False)],
    ),
    # a plea restated, then answered paragraphs later
    (
        "De raadsman heeft verzocht de straf te beperken, zodat verdachte zijn baan kan behouden.\n"
        "Het hof stelt voorop dat verdachte zich niet heeft vergewist van haar leeftijd.\n"
        "Het hof ziet geen aanleiding om van de straf af te wijken.",
        Role.OTHER,
        [("M_PERSONAL_IMPACT", D, True), ("A_MINORITY_SIGNALS", C, False)],
    ),
    # the plea's words run over a pseudonym
    (
        "De raadsman heeft aangevoerd dat verdachte niet wist en niet hoefde te vermoeden dat "
        "[slachtoffer] jonger dan zestien jaar was.",
        VD,
        [("M_DID_NOT_KNOW_MINOR", D, False)],
    ),
    # denials: no circumstance
    ("Er zijn geen signalen van mensenhandel.", SM, []),
    ("De redelijke termijn is niet overschreden.", SM, []),
    ("Er was geen sprake van een afhankelijkheidsrelatie.", SM, []),
    ("Verdachte toont geen berouw.", SM, []),
    # found in the sample corpus: the suspect's own disability is no vulnerable victim
    ("De verdachte is een alleenstaande man met een licht verstandelijke beperking.", VD, []),
    # ... nor is his girlfriend's pregnancy an unsafe setting; his steady job is his own
    (
        "De verdachte heeft een vaste baan en een vriendin die zwanger is.",
        VD,
        [("M_PERSONAL_IMPACT", D, False)],
    ),
    # "had moeten beseffen" about exploitation, not about her age
    (
        "Die plek had iedere klant moeten doen beseffen dat hier geen sprake was van "
        "vrijwilligheid.",
        VO,
        [],
    ),
    # a denial at the end of a long sentence
    (
        "De redelijke termijn als bedoeld in artikel 6, eerste lid, van het EVRM is dus niet "
        "overschreden.",
        SM,
        [],
    ),
    # "het herhaalde bezoek"
    (
        "Als strafverzwarend heeft zij genoemd het herhaalde bezoek.",
        VO,
        [("A_FREQUENCY", P, False)],
    ),
    # boilerplate about the person of the suspect is no circumstance
    ("De rechtbank heeft gelet op de persoonlijke omstandigheden van verdachte.", SM, []),
    # the qualification restates the offence; nobody raised "meermalen" there
    ("ontucht plegen met iemand die ..., meermalen gepleegd", Role.KWALIFICATIE, []),
    # an unnamed section: unknown raiser
    ("Verdachte heeft een blanco strafblad.", Role.OTHER, [("M_CLEAN_RECORD", U, False)]),
    # the record read out, naming a conviction
    (
        "Uit het uittreksel uit de justitiële documentatie van 1 juni 2021 blijkt dat verdachte "
        "in 2013 is veroordeeld voor een geweldsdelict.",
        SM,
        [("A_RECIDIVISM", C, False)],
    ),
    # an earlier conviction that did not stop him; "niet weerhouden" alone is no recidivism
    (
        "Een eerdere taakstraf heeft verdachte er niet van weerhouden opnieuw te stelen.",
        SM,
        [("A_RECIDIVISM", C, False)],
    ),
    ("Hij wist dat zij vijftien was en liet zich daardoor niet weerhouden.", SM, []),
    # "opnieuw in de fout"
    (
        "Verdachte is binnen de proeftijd opnieuw in de fout gegaan.",
        SM,
        [("A_RECIDIVISM", C, False)],
    ),
    # many earlier convictions: recidivism, not frequency
    (
        "Zij heeft meegewogen dat verdachte al herhaaldelijk voor inbraken is veroordeeld.",
        VO,
        [("A_RECIDIVISM", P, False)],
    ),
    # the risk of reoffending estimated as high, and as average (the study counts average as low)
    (
        "De psycholoog schat het risico op herhaling zonder behandeling in als hoog.",
        SM,
        [("A_RECIDIVISM", C, False)],
    ),
    (
        "De reclassering schat het recidiverisico in als gemiddeld.",
        SM,
        [("M_LOW_RECIDIVISM", C, False)],
    ),
    # the job at risk, keeping a job, losing it, and care for a family member
    (
        "Een onvoorwaardelijke vrijheidsstraf brengt zijn baan bij de gemeente in gevaar.",
        VD,
        [("M_PERSONAL_IMPACT", D, False)],
    ),
    (
        "De rechtbank weegt het belang van verdachte bij het behoud van zijn werk mee.",
        SM,
        [("M_PERSONAL_IMPACT", C, False)],
    ),
    (
        "Als hij wordt gedetineerd, raakt hij zijn baan kwijt.",
        VD,
        [("M_PERSONAL_IMPACT", D, False)],
    ),
    ("Verdachte zorgt voor zijn gehandicapte zoon.", VD, [("M_PERSONAL_IMPACT", D, False)]),
    # a specific weighing of the personal circumstances (not the stock phrase)
    (
        "Namens verdachte is gevraagd rekening te houden met de persoonlijke omstandigheden van "
        "zijn gezin.",
        VD,
        [("M_PERSONAL_IMPACT", D, False)],
    ),
    # the suspect's youth in words and as an age stressed with "pas"
    (
        "In zijn voordeel weegt mee dat verdachte destijds zelf nog jong was.",
        SM,
        [("M_YOUNG_OFFENDER", C, False)],
    ),
    (
        "De raadsman wijst erop dat verdachte ten tijde van het feit pas 19 jaar oud was.",
        VD,
        [("M_YOUNG_OFFENDER", D, False)],
    ),
    # the victim's youth: "het slachtoffer nog zo jong"
    (
        "Het hof weegt zwaar mee dat het slachtoffer toen nog zo jong was.",
        SM,
        [("A_YOUNG_VICTIM", C, False)],
    ),
    # signs of minority in subordinate order
    (
        "Verdachte heeft niet naar haar leeftijd gevraagd, hoewel zij er erg jong uitzag.",
        SM,
        [("A_MINORITY_SIGNALS", C, False)],
    ),
    # the length of the sentence and a multiple of a limit are no frequency
    (
        "Alleen een gevangenisstraf van langere duur is hier passend.",
        SM,
        [],
    ),
    ("Hij reed met ruim vier keer de toegestane hoeveelheid alcohol.", SM, []),
    # the qualification's closing words quoted in the reasons are no frequency
    (
        'Het hof heeft verdachte ter zake van "ontucht met een minderjarige, meermalen gepleegd" '
        "veroordeeld.",
        SM,
        [],
    ),
]


@pytest.mark.parametrize(("text", "role", "expected"), CASES, ids=[c[0][:45] for c in CASES])
def test_circumstances(run_section, text, role, expected) -> None:
    doc = run_section(text, role)
    found = [(c.code, c.raised_by.value, c.rejected) for c in doc._.circumstances]
    assert found == expected


def test_polarity_comes_from_the_taxonomy(run_section) -> None:
    doc = run_section("Verdachte heeft een blanco strafblad maar recidive is aanwezig.", SM)
    assert [(c.code, c.polarity) for c in doc._.circumstances] == [
        ("M_CLEAN_RECORD", Polarity.MITIGATING),
        ("A_RECIDIVISM", Polarity.AGGRAVATING),
    ]


def test_rejections_are_recorded_in_sections_not_read(run_section) -> None:
    doc = run_section("De rechtbank verwerpt het verweer en acht het feit bewezen.", Role.BEWIJS)
    assert doc._.circumstances == []
    assert [r.value for r in doc._.rejections] == ["defence"]
