"""Sentences and measures read by rulings_sanctions: one row per way rulings phrase them.

Each row is a short passage with the role of the section it stands in, and the sanctions
expected as (kind, actor, size, suspended, probation_days): size is days for custodial kinds and
durations, hours for a taakstraf, euros for money, None for a measure without one; suspended is
in the same unit. Passages are composed after legal-domain.md §4.2-4.4. This file holds the
dictum and the demand and the ruling-level merge; test_sanction_voice.py the reasons, quoted
lower courts and the inhoudsindicatie, where who speaks decides.
"""

from __future__ import annotations

import pytest
from sanction_helpers import DEMANDED, EARLIER, IMPOSED, Row, section, summary

from rulings.models import Actor, Role
from rulings.nlp.sanctions import ruling_sanctions
from rulings.nlp.units import read_number, sanction_tables

BESLISSING: list[Row] = [
    # legal-domain.md §4.4: one day plus a taakstraf; credit, replacement detention and the civil
    # award are no sanctions
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag;\n"
        "beveelt dat de tijd in verzekering doorgebracht geheel in mindering wordt gebracht;\n"
        "veroordeelt verdachte tot een taakstraf van 180 (honderdtachtig) uren, subsidiair 90 "
        "dagen hechtenis;\n"
        "wijst de vordering van de benadeelde partij [slachtoffer] toe tot € 750,00.",
        [("gevangenisstraf", IMPOSED, 1, 0, None), ("taakstraf", IMPOSED, 180, 0, None)],
    ),
    # capitals, words and digits; the suspended part in the next item
    (
        "beslissing",
        "Veroordeelt verdachte tot een gevangenisstraf voor de duur van TWAALF (12) MAANDEN.\n"
        "Beveelt dat van deze gevangenisstraf een gedeelte, groot VIER (4) MAANDEN, niet ten "
        "uitvoer zal worden gelegd en stelt daarbij een proeftijd vast van twee jaar.",
        [("gevangenisstraf", IMPOSED, 365, 122, 730)],
    ),
    # decision style: part 'groot twee maanden', probation inside the clause
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf van vijf maanden;\n"
        "bepaalt dat een gedeelte van de gevangenisstraf, groot twee maanden, niet ten uitvoer "
        "zal worden gelegd, tenzij de rechter later anders gelast op grond van het feit dat de "
        "veroordeelde zich voor het einde van de proeftijd van twee jaren niet aan de algemene "
        "voorwaarde heeft gehouden;",
        [("gevangenisstraf", IMPOSED, 152, 61, 730)],
    ),
    # wholly suspended by a second item
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van 2 (twee) weken;\n"
        "beveelt dat de gevangenisstraf niet zal worden ten uitvoer gelegd, tenzij de rechter "
        "later anders mocht gelasten op grond dat de veroordeelde zich voor het einde van een "
        "proeftijd van 2 (twee) jaren aan een strafbaar feit heeft schuldig gemaakt;",
        [("gevangenisstraf", IMPOSED, 14, 14, 730)],
    ),
    # the long form of the replacement detention of a taakstraf
    (
        "beslissing",
        "veroordeelt verdachte tot een taakstraf voor de duur van 240 (tweehonderdveertig) uren, "
        "met bevel dat, voor het geval de veroordeelde de taakstraf niet naar behoren heeft "
        "verricht, vervangende hechtenis zal worden toegepast voor de duur van 120 "
        "(honderdtwintig) dagen;",
        [("taakstraf", IMPOSED, 240, 0, None)],
    ),
    # werkstraf as the form of the taakstraf
    (
        "beslissing",
        "veroordeelt verdachte tevens tot een taakstraf, bestaande uit een werkstraf, voor de "
        "duur van veertig uren, met bevel voor het geval dat de veroordeelde de werkstraf niet "
        "naar behoren verricht, dat vervangende hechtenis voor de duur van twintig dagen zal "
        "worden toegepast;",
        [("taakstraf", IMPOSED, 40, 0, None)],
    ),
    # a fine with the amount in words between brackets and its replacement detention
    (
        "beslissing",
        "Veroordeelt verdachte tot een geldboete van EUR 2.000,00 (tweeduizend euro), bij gebreke "
        "van betaling en verhaal te vervangen door 35 (vijfendertig) dagen hechtenis.",
        [("geldboete", IMPOSED, 2000.0, 0, None)],
    ),
    # a fine with ',-' and 'subsidiair'
    (
        "beslissing",
        "veroordeelt verdachte tot een geldboete van € 500,-, subsidiair 10 dagen hechtenis;",
        [("geldboete", IMPOSED, 500.0, 0, None)],
    ),
    # a fine with a conditional part in euros, its probation in the same dictum item
    (
        "beslissing",
        "veroordeelt verdachte tot een geldboete van € 1.000,- (duizend euro), subsidiair 20 "
        "dagen hechtenis;\nbepaalt dat van deze geldboete een gedeelte, groot € 400,- "
        "(vierhonderd euro), niet ten uitvoer zal worden gelegd, tenzij de rechter later anders "
        "gelast, op grond van het feit dat de veroordeelde voor het einde van een proeftijd van 2 "
        "(twee) jaren zich aan een strafbaar feit heeft schuldig gemaakt.",
        [("geldboete", IMPOSED, 1000.0, 400.0, 730)],
    ),
    # a wholly conditional fine
    (
        "vordering",
        "De officier van justitie vordert een voorwaardelijke geldboete van € 750,- met een "
        "proeftijd van twee jaren en een taakstraf van 60 uren.",
        [("geldboete", DEMANDED, 750.0, 750.0, 730), ("taakstraf", DEMANDED, 60, 0, None)],
    ),
    # a fine in words only
    (
        "beslissing",
        "veroordeelt verdachte tot een geldboete van vijfhonderd euro.",
        [("geldboete", IMPOSED, 500.0, 0, None)],
    ),
    # hechtenis as the principal punishment (an overtreding)
    (
        "beslissing",
        "veroordeelt verdachte tot hechtenis voor de duur van 2 (twee) weken;",
        [("hechtenis", IMPOSED, 14, 0, None)],
    ),
    # jeugddetentie, mostly suspended
    (
        "beslissing",
        "veroordeelt verdachte tot jeugddetentie voor de duur van 60 (zestig) dagen, waarvan 57 "
        "(zevenenvijftig) dagen voorwaardelijk, met een proeftijd van 2 (twee) jaren;",
        [("jeugddetentie", IMPOSED, 60, 57, 730)],
    ),
    # a youth taakstraf with vervangende jeugddetentie
    (
        "beslissing",
        "veroordeelt verdachte tot een taakstraf voor de duur van 80 uren, subsidiair 40 dagen "
        "vervangende jeugddetentie;",
        [("taakstraf", IMPOSED, 80, 0, None)],
    ),
    # tbs with dwangverpleging
    (
        "beslissing",
        "gelast dat verdachte ter beschikking wordt gesteld en beveelt dat hij van overheidswege "
        "wordt verpleegd;",
        [("tbs", IMPOSED, None, 0, None)],
    ),
    # pij
    (
        "beslissing",
        "legt op de maatregel van plaatsing in een inrichting voor jeugdigen;",
        [("pij", IMPOSED, None, 0, None)],
    ),
    # isd with its duration
    (
        "beslissing",
        "legt op de maatregel van plaatsing in een inrichting voor stelselmatige daders voor de "
        "duur van 2 (twee) jaren;",
        [("isd", IMPOSED, 730, 0, None)],
    ),
    # schadevergoedingsmaatregel with gijzeling, which is no sanction
    (
        "beslissing",
        "legt aan verdachte de verplichting op tot betaling aan de Staat ten behoeve van "
        "[slachtoffer] van een bedrag van € 2.500,00 (tweeduizendvijfhonderd euro), bestaande uit "
        "immateriële schade, bij niet betaling aan te vullen met gijzeling voor ten hoogste 35 "
        "dagen;",
        [("schadevergoedingsmaatregel", IMPOSED, 2500.0, 0, None)],
    ),
    # the measure named again in the next item is the same measure
    (
        "beslissing",
        "Legt verdachte als schadevergoedingsmaatregel ten behoeve van het slachtoffer [naam 1] "
        "de verplichting op tot betaling aan de staat van een bedrag van € 350,00, bij gebreke "
        "van betaling of verhaal te vervangen door zeven dagen hechtenis.\n"
        "Bepaalt dat betalingen aan de benadeelde partij in mindering strekken op de verplichting "
        "tot betaling aan de staat.",
        [("schadevergoedingsmaatregel", IMPOSED, 350.0, 0, None)],
    ),
    # the civil award alone is no sanction
    (
        "beslissing",
        "wijst de vordering van de benadeelde partij [slachtoffer] toe tot een bedrag van € "
        "1.250,00 aan immateriële schade, te vermeerderen met de wettelijke rente vanaf 1 maart "
        "2019;",
        [],
    ),
    # contact ban under art. 38v with its replacement detention per breach
    (
        "beslissing",
        "legt aan verdachte een vrijheidsbeperkende maatregel op als bedoeld in artikel 38v Sr, "
        "inhoudende dat verdachte zich gedurende 5 (vijf) jaren zal onthouden van direct of "
        "indirect contact met [slachtoffer];\n"
        "beveelt dat vervangende hechtenis wordt toegepast voor de duur van 1 week voor iedere "
        "keer dat niet aan de maatregel wordt voldaan;",
        [("contactverbod", IMPOSED, 1826, 0, None)],
    ),
    # area ban under art. 38v
    (
        "beslissing",
        "legt op de maatregel strekkende tot beperking van de vrijheid, inhoudende dat verdachte "
        "zich gedurende 3 jaren niet zal ophouden in de gemeente [plaats];",
        [("locatieverbod", IMPOSED, 1096, 0, None)],
    ),
    # a contact ban as a special condition of the suspended part is no 38v measure
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf van 6 maanden, waarvan 4 maanden "
        "voorwaardelijk, met een proeftijd van 3 jaren;\n"
        "stelt als bijzondere voorwaarden dat de veroordeelde:\n"
        "- zich meldt bij Reclassering Nederland;\n"
        "- geen contact zal opnemen met [slachtoffer];",
        [("gevangenisstraf", IMPOSED, 183, 122, 1096)],
    ),
    # the youth behaviour measure (art. 77w Sr)
    (
        "beslissing",
        "legt op de gedragsbeïnvloedende maatregel voor de duur van zes maanden;",
        [("gedragsmaatregel", IMPOSED, 183, 0, None)],
    ),
    # a driving ban, partly suspended
    (
        "beslissing",
        "ontzegt verdachte de bevoegdheid motorrijtuigen te besturen voor de duur van 12 (twaalf) "
        "maanden, waarvan 6 (zes) maanden voorwaardelijk, met een proeftijd van 2 jaren;",
        [("ontzegging_rijbevoegdheid", IMPOSED, 365, 183, 730)],
    ),
    # confiscation and withdrawal from circulation; counted objects are no amounts
    (
        "beslissing",
        "verklaart verbeurd: 1 telefoon (Samsung);\n"
        "verklaart onttrokken aan het verkeer: 1 laptop (HP);",
        [("verbeurdverklaring", IMPOSED, None, 0, None), ("onttrekking", IMPOSED, None, 0, None)],
    ),
    # refusing the execution of an earlier suspended sentence is no new sanction
    (
        "beslissing",
        "wijst af de vordering tot tenuitvoerlegging van de bij vonnis van de politierechter van "
        "3 maart 2018 aan de veroordeelde voorwaardelijk opgelegde gevangenisstraf voor de duur "
        "van een maand;",
        [],
    ),
    # ordering it is no new sanction either
    (
        "beslissing",
        "gelast de tenuitvoerlegging van de bij vonnis van de rechtbank van 1 mei 2017 "
        "voorwaardelijk opgelegde gevangenisstraf van 2 (twee) weken;",
        [],
    ),
    # ... nor when the sentence executed is named after "te weten"
    (
        "beslissing",
        "gelast de tenuitvoerlegging van de straf die bij vonnis van de politierechter van 9 juni "
        "2015 voorwaardelijk is opgelegd, te weten een gevangenisstraf van 1 (één) maand;",
        [],
    ),
    # time credited alone
    (
        "beslissing",
        "beveelt dat de tijd die de veroordeelde vóór de tenuitvoerlegging van deze uitspraak in "
        "verzekering en in voorlopige hechtenis heeft doorgebracht, bij de uitvoering van de "
        "gevangenisstraf geheel in mindering zal worden gebracht;",
        [],
    ),
    # an appeal that confirms states no sentence
    ("beslissing", "Bevestigt het vonnis waarvan beroep.", []),
    # an appeal that quashes and sentences anew
    (
        "beslissing",
        "vernietigt het vonnis waarvan beroep en doet opnieuw recht:\n"
        "veroordeelt verdachte tot een taakstraf van 120 (honderdtwintig) uren, subsidiair 60 "
        "(zestig) dagen hechtenis;",
        [("taakstraf", IMPOSED, 120, 0, None)],
    ),
    # a list under 'te dier zake tot:' and the part in a long clause
    (
        "beslissing",
        "Veroordeelt verdachte te dier zake tot:\n"
        "Een gevangenisstraf voor de duur van negen maanden.\n"
        "Bepaalt, dat van deze gevangenisstraf een gedeelte, groot drie maanden niet zal worden "
        "tenuitvoergelegd, tenzij de rechter later anders mocht gelasten, op grond, dat de "
        "veroordeelde voor het einde van de proeftijd, welke hierbij wordt vastgesteld op drie "
        "jaren, de voorwaarden niet heeft nageleefd.",
        [("gevangenisstraf", IMPOSED, 274, 91, 1096)],
    ),
    # a partly suspended taakstraf
    (
        "beslissing",
        "veroordeelt verdachte tot een taakstraf van 180 uren, waarvan 60 uren voorwaardelijk, "
        "met een proeftijd van 2 jaren, subsidiair 90 dagen hechtenis;",
        [("taakstraf", IMPOSED, 180, 60, 730)],
    ),
    # numbers in words only
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van één dag en tot een "
        "taakstraf van tweehonderdveertig uren, subsidiair honderdtwintig dagen hechtenis;",
        [("gevangenisstraf", IMPOSED, 1, 0, None), ("taakstraf", IMPOSED, 240, 0, None)],
    ),
    # anderhalf jaar
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf van anderhalf jaar;",
        [("gevangenisstraf", IMPOSED, 548, 0, None)],
    ),
    # a compound duration
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf van 1 jaar en 6 maanden;",
        [("gevangenisstraf", IMPOSED, 548, 0, None)],
    ),
    # een half jaar
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van een half jaar;",
        [("gevangenisstraf", IMPOSED, 183, 0, None)],
    ),
    # the amount before the kind, wholly suspended
    (
        "beslissing",
        "veroordeelt verdachte tot 3 maanden voorwaardelijke gevangenisstraf met een proeftijd "
        "van 2 jaren;",
        [("gevangenisstraf", IMPOSED, 91, 91, 730)],
    ),
    # the unconditional part stated instead of the suspended one
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf van 12 maanden, waarvan 6 maanden "
        "onvoorwaardelijk, met een proeftijd van 3 jaren;",
        [("gevangenisstraf", IMPOSED, 365, 183, 1096)],
    ),
    # an unconditional and a suspended prison term stay two sentences, as the dictum states them
    (
        "beslissing",
        "veroordeelt verdachte tot een onvoorwaardelijke gevangenisstraf van 1 (één) dag en een "
        "voorwaardelijke gevangenisstraf van 3 maanden met een proeftijd van 2 jaren;",
        [("gevangenisstraf", IMPOSED, 1, 0, None), ("gevangenisstraf", IMPOSED, 91, 91, 730)],
    ),
    # the same in two items, the second wholly suspended by a third
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag;\n"
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van 3 (drie) maanden;\n"
        "bepaalt dat deze gevangenisstraf niet ten uitvoer zal worden gelegd, tenzij de rechter "
        "later anders gelast en stelt daarbij een proeftijd vast van 2 (twee) jaren;",
        [("gevangenisstraf", IMPOSED, 1, 0, None), ("gevangenisstraf", IMPOSED, 91, 91, 730)],
    ),
    # jeugddetentie with pij
    (
        "beslissing",
        "veroordeelt verdachte tot jeugddetentie voor de duur van 6 (zes) maanden;\n"
        "legt op de maatregel van plaatsing in een inrichting voor jeugdigen;",
        [("jeugddetentie", IMPOSED, 183, 0, None), ("pij", IMPOSED, None, 0, None)],
    ),
    # 'voor de duur van 1 week' and a fine side by side
    (
        "beslissing",
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) week en een "
        "geldboete van € 1.500,00, subsidiair 25 dagen hechtenis;",
        [("gevangenisstraf", IMPOSED, 7, 0, None), ("geldboete", IMPOSED, 1500.0, 0, None)],
    ),
    # old wording of the taakstraf
    (
        "beslissing",
        "Veroordeelt verdachte tot een taakstraf bestaande uit het verrichten van onbetaalde "
        "arbeid voor de duur van 120 (honderdtwintig) uren, subsidiair 60 (zestig) dagen "
        "hechtenis.",
        [("taakstraf", IMPOSED, 120, 0, None)],
    ),
    # the suspended part of a taakstraf in an item of its own
    (
        "beslissing",
        "veroordeelt verdachte tot een taakstraf van 160 uren, subsidiair 80 dagen hechtenis;\n"
        "bepaalt dat de taakstraf voor een gedeelte, groot 40 uren, niet ten uitvoer zal worden "
        "gelegd, tenzij de rechter later anders gelast, en stelt daarbij een proeftijd vast van 2 "
        "jaren;",
        [("taakstraf", IMPOSED, 160, 40, 730)],
    ),
    # 'het voorwaardelijke deel' repeats the part, it does not suspend the whole
    (
        "beslissing",
        "- veroordeelt verdachte tot een gevangenisstraf van 90 (negentig) dagen, waarvan 45 "
        "(vijfenveertig) dagen voorwaardelijk, met een proeftijd van 2 (twee) jaren;\n"
        "- bepaalt dat het voorwaardelijke deel van de straf niet ten uitvoer zal worden gelegd, "
        "tenzij de rechter later anders gelast;",
        [("gevangenisstraf", IMPOSED, 90, 45, 730)],
    ),
    # the suspended part stated without 'gedeelte' or 'waarvan'
    (
        "beslissing",
        "- veroordeelt verdachte tot een gevangenisstraf van 10 (tien) maanden, met aftrek van "
        "voorarrest;\n"
        "- bepaalt dat 4 (vier) maanden van deze gevangenisstraf niet ten uitvoer worden gelegd, "
        "tenzij de rechter later anders beveelt omdat verdachte zich voor het einde van de "
        "proeftijd van 3 (drie) jaren niet aan de voorwaarden heeft gehouden;",
        [("gevangenisstraf", IMPOSED, 304, 122, 1096)],
    ),
    # a 38v measure right after the list of special conditions; its maximum replacement
    # detention is no duration of the measure
    (
        "beslissing",
        "- stelt als bijzondere voorwaarden dat de veroordeelde zich meldt bij de reclassering en "
        "op geen enkele wijze contact heeft met [slachtoffer];\n"
        "- legt aan verdachte de maatregel op dat hij voor de duur van 5 (vijf) jaren op geen "
        "enkele wijze – direct of indirect – contact zal opnemen met [slachtoffer], met bevel dat "
        "vervangende hechtenis wordt toegepast voor de duur van 1 (één) week voor iedere keer dat "
        "niet aan de maatregel wordt voldaan, met een maximum van 6 (zes) maanden;",
        [("contactverbod", IMPOSED, 1826, 0, None)],
    ),
    # two bans with one duration, written as 'een verbod om ...'
    (
        "beslissing",
        "- legt aan verdachte een maatregel op als bedoeld in artikel 38v Sr voor de duur van 3 "
        "(drie) jaren, te weten een verbod om contact te hebben met [slachtoffer] en een verbod "
        "om zich te bevinden in de [straatnaam] te [woonplaats], met vervangende hechtenis van 1 "
        "(één) week voor iedere keer dat niet aan de maatregel wordt voldaan, met een maximum van "
        "in totaal 6 (zes) maanden;",
        [("contactverbod", IMPOSED, 1096, 0, None), ("locatieverbod", IMPOSED, 1096, 0, None)],
    ),
    # two victims, two measures of the same amount
    (
        "beslissing",
        "- legt aan verdachte de verplichting op tot betaling aan de Staat ten behoeve van "
        "[slachtoffer 1] van € 1.000,00, bij gebreke van betaling en verhaal te vervangen door "
        "gijzeling voor de duur van 20 dagen;\n"
        "- legt aan verdachte de verplichting op tot betaling aan de Staat ten behoeve van "
        "[slachtoffer 2] van € 1.000,00, bij gebreke van betaling en verhaal te vervangen door "
        "gijzeling voor de duur van 20 dagen;",
        [
            ("schadevergoedingsmaatregel", IMPOSED, 1000.0, 0, None),
            ("schadevergoedingsmaatregel", IMPOSED, 1000.0, 0, None),
        ],
    ),
    # the words of the schadevergoedingsmaatregel far apart
    (
        "beslissing",
        "Legt aan de verdachte de verplichting op om ten behoeve van de benadeelde partij "
        "[slachtoffer 1] aan de Staat een bedrag te betalen van € 4.200,00, bij gebreke van "
        "betaling en verhaal te vervangen door gijzeling voor de duur van ten hoogste 52 dagen.",
        [("schadevergoedingsmaatregel", IMPOSED, 4200.0, 0, None)],
    ),
    # a suspended pij leaves the jeugddetentie before it alone
    (
        "beslissing",
        "veroordeelt verdachte tot jeugddetentie voor de duur van 3 maanden;\n"
        "legt op de maatregel van plaatsing in een inrichting voor jeugdigen en bepaalt dat deze "
        "niet ten uitvoer zal worden gelegd;",
        [("jeugddetentie", IMPOSED, 91, 0, None), ("pij", IMPOSED, None, 0, None)],
    ),
    # the forms a taakstraf consists of are no sanctions of their own
    (
        "beslissing",
        "veroordeelt verdachte tot een taakstraf van 60 uren, bestaande uit 40 uren werkstraf en "
        "20 uren leerstraf, subsidiair 30 dagen hechtenis;",
        [("taakstraf", IMPOSED, 60, 0, None)],
    ),
    # euros written with '.-'
    (
        "beslissing",
        "veroordeelt verdachte tot een geldboete van € 1.500.-, subsidiair 25 dagen hechtenis;",
        [("geldboete", IMPOSED, 1500.0, 0, None)],
    ),
]

VORDERING: list[Row] = [
    # demand style, partly suspended
    (
        "vordering",
        "De officier van justitie heeft gevorderd dat verdachte voor het ten laste gelegde wordt "
        "veroordeeld tot een gevangenisstraf van 5 maanden, waarvan 2 maanden voorwaardelijk, met "
        "een proeftijd van 2 jaren.",
        [("gevangenisstraf", DEMANDED, 152, 61, 730)],
    ),
    # a demand as a list under its head
    (
        "vordering",
        "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot:\n"
        "- een gevangenisstraf voor de duur van 6 (zes) maanden, waarvan 3 (drie) maanden "
        "voorwaardelijk met een proeftijd van 2 (twee) jaren;\n"
        "- een taakstraf voor de duur van 240 (tweehonderdveertig) uren, subsidiair 120 "
        "(honderdtwintig) dagen hechtenis.",
        [("gevangenisstraf", DEMANDED, 183, 91, 730), ("taakstraf", DEMANDED, 240, 0, None)],
    ),
    # the advocaat-generaal on appeal, with credit
    (
        "vordering",
        "De advocaat-generaal heeft gevorderd dat het hof het vonnis waarvan beroep zal "
        "vernietigen en verdachte zal veroordelen tot een gevangenisstraf voor de duur van 12 "
        "maanden met aftrek van voorarrest.",
        [("gevangenisstraf", DEMANDED, 365, 0, None)],
    ),
    # gerekwireerd
    (
        "vordering",
        "De officier van justitie heeft gerekwireerd tot een taakstraf van 200 uren.",
        [("taakstraf", DEMANDED, 200, 0, None)],
    ),
    # the execution of an earlier suspended sentence demanded beside the new one
    (
        "vordering",
        "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een "
        "werkstraf van 60 uur.\n"
        "Voorts heeft zij gevorderd de tenuitvoerlegging van de voorwaardelijk opgelegde "
        "gevangenisstraf van 2 weken.",
        [("taakstraf", DEMANDED, 60, 0, None)],
    ),
    # verbeurdverklaring demanded
    (
        "vordering",
        "De officier van justitie heeft gevorderd de in beslag genomen telefoon verbeurd te "
        "verklaren.",
        [("verbeurdverklaring", DEMANDED, None, 0, None)],
    ),
    # eist, a werkstraf and a wholly suspended prison term
    (
        "vordering",
        "De officier van justitie eist een werkstraf van 180 uur en een voorwaardelijke "
        "gevangenisstraf van 2 maanden met een proeftijd van 2 jaar.",
        [("taakstraf", DEMANDED, 180, 0, None), ("gevangenisstraf", DEMANDED, 61, 61, 730)],
    ),
    # the court named inside the demand
    (
        "vordering",
        "De officier van justitie vordert dat de rechtbank verdachte veroordeelt tot een "
        "geldboete van € 750.",
        [("geldboete", DEMANDED, 750.0, 0, None)],
    ),
    # the part without its unit
    (
        "vordering",
        "De officier van justitie eist 6 maanden gevangenisstraf, waarvan 3 voorwaardelijk, met "
        "een proeftijd van 2 jaar.",
        [("gevangenisstraf", DEMANDED, 183, 91, 730)],
    ),
    # the reclassering named inside the demand does not speak; the 38v measure is demanded
    (
        "vordering",
        "De officier van justitie heeft gevorderd verdachte te veroordelen tot een "
        "gevangenisstraf van 18 maanden, waarvan 6 maanden voorwaardelijk met een proeftijd van 3 "
        "jaren, met de bijzondere voorwaarden zoals geadviseerd door de reclassering, en tot een "
        "maatregel op grond van artikel 38v Sr, inhoudende een contactverbod met [slachtoffer] "
        "voor de duur van 5 jaren.",
        [("gevangenisstraf", DEMANDED, 548, 183, 1096), ("contactverbod", DEMANDED, 1826, 0, None)],
    ),
    # a contact ban among the special conditions of the demand is no 38v measure
    (
        "vordering",
        "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een "
        "gevangenisstraf van 12 maanden, waarvan 4 maanden voorwaardelijk, met als bijzondere "
        "voorwaarden een meldplicht en een contactverbod met [slachtoffer].",
        [("gevangenisstraf", DEMANDED, 365, 122, None)],
    ),
    # an argument after the demand: 'geen sprake van een straf die slechts uit een dag bestaat'
    (
        "vordering",
        "De advocaat-generaal heeft gevorderd dat het hof verdachte zal veroordelen tot een "
        "gevangenisstraf van 5 maanden.\n"
        "Volgens de advocaat-generaal kan in zo'n geval geen sprake zijn van een straf die "
        "slechts uit een dag gevangenisstraf en een taakstraf bestaat.",
        [("gevangenisstraf", DEMANDED, 152, 0, None)],
    ),
]

COMPENSATION: list[Row] = [
    # one measure per victim in one demand clause
    (
        "vordering",
        "De officier van justitie heeft verder gevorderd de oplegging van de "
        "schadevergoedingsmaatregel tot een bedrag van € 4.000 ten behoeve van [slachtoffer 1] en "
        "van € 2.500 ten behoeve van [slachtoffer 2].",
        [
            ("schadevergoedingsmaatregel", DEMANDED, 4000, 0, None),
            ("schadevergoedingsmaatregel", DEMANDED, 2500, 0, None),
        ],
    ),
    # the measure written out, its amount inside the words; a plural for two victims
    (
        "vordering",
        "De officier van justitie heeft gevorderd verdachte te veroordelen tot betaling van een "
        "schadevergoeding van € 2.750,00 aan de Staat ten behoeve van [slachtoffer].",
        [("schadevergoedingsmaatregel", DEMANDED, 2750, 0, None)],
    ),
    (
        "vordering",
        "Zij heeft verder de oplegging gevorderd van schadevergoedingsmaatregelen ten behoeve van "
        "[slachtoffer 1] voor een bedrag van € 8.000 en ten behoeve van [slachtoffer 2] voor een "
        "bedrag van € 6.500.",
        [
            ("schadevergoedingsmaatregel", DEMANDED, 8000, 0, None),
            ("schadevergoedingsmaatregel", DEMANDED, 6500, 0, None),
        ],
    ),
    # the amount of the claim the demand asks to award
    (
        "benadeelde_partij",
        "[slachtoffer] heeft zich als benadeelde partij gevoegd met een vordering van € 2.000,00 "
        "aan immateriële schade. De officier van justitie heeft gevorderd de vordering geheel toe "
        "te wijzen, met oplegging van de schadevergoedingsmaatregel.",
        [("schadevergoedingsmaatregel", DEMANDED, 2000, 0, None)],
    ),
    # two amounts in the claim: which one the measure is for is not said
    (
        "benadeelde_partij",
        "[slachtoffer] vordert € 750 aan materiële en € 2.000 aan immateriële schade. De officier "
        "van justitie heeft gevorderd de vordering toe te wijzen en de schadevergoedingsmaatregel "
        "op te leggen.",
        [("schadevergoedingsmaatregel", DEMANDED, None, 0, None)],
    ),
]

ROWS = BESLISSING + VORDERING + COMPENSATION


@pytest.mark.parametrize(
    ("role", "text", "expected"), ROWS, ids=[f"{r}:{t[:50]}" for r, t, _ in ROWS]
)
def test_section_sanctions(nlp, role, text, expected):
    assert summary(section(nlp, text, role)._.sanctions) == expected


def test_amount_and_unit_are_kept_as_written(nlp):
    doc = section(
        nlp, "Veroordeelt verdachte tot een gevangenisstraf voor de duur van ACHTTIEN (18) MAANDEN."
    )
    (sanction,) = doc._.sanctions
    assert (sanction.amount, sanction.unit, sanction.days) == ("ACHTTIEN (18)", "MAANDEN", 548)


def test_evidence_points_at_the_words(nlp):
    item = "veroordeelt verdachte tot een taakstraf van 180 uren, subsidiair 90 dagen hechtenis;"
    text = "De rechtbank:\n" + item
    doc = section(nlp, text, index=7)
    (sanction,) = doc._.sanctions
    evidence = sanction.evidence
    assert text[evidence.start : evidence.end] == evidence.text == "taakstraf van 180 uren"
    assert (evidence.section_index, evidence.role) == (7, Role.BESLISSING)
    assert (
        evidence.sentence
        == "veroordeelt verdachte tot een taakstraf van 180 uren, subsidiair 90 dagen hechtenis;"
    )


def test_silent_sections_state_no_sentence(nlp):
    text = (
        "hij op 3 maart 2019 aan [slachtoffer] € 50,00 heeft betaald ter voldoening van een boete"
    )
    assert section(nlp, text, "tenlastelegging")._.sanctions == []


# --- ruling level ---------------------------------------------------------------------------

STRAFMOTIVERING_TEXT = (
    "De officier van justitie heeft geëist dat verdachte wordt veroordeeld tot een "
    "gevangenisstraf van 3 maanden. De rechtbank acht een gevangenisstraf van 1 dag en een "
    "taakstraf van 200 uren passend."
)
BESLISSING_TEXT = (
    "veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag;\n"
    "veroordeelt verdachte tot een taakstraf van 200 (tweehonderd) uren, subsidiair 100 dagen "
    "hechtenis;"
)
VORDERING_TEXT = "De officier van justitie heeft gevorderd een gevangenisstraf van 3 maanden."


def test_ruling_counts_a_sentence_once_from_the_beslissing(nlp):
    docs = [
        section(nlp, VORDERING_TEXT, "vordering", 3),
        section(nlp, STRAFMOTIVERING_TEXT, "strafmotivering", 6),
        section(nlp, BESLISSING_TEXT, "beslissing", 8),
    ]
    sanctions, _ = ruling_sanctions(docs)
    assert summary(sanctions) == [
        ("gevangenisstraf", IMPOSED, 1, 0, None),
        ("taakstraf", IMPOSED, 200, 0, None),
        ("gevangenisstraf", DEMANDED, 91, 0, None),
    ]
    assert {s.evidence.section_index for s in sanctions if s.actor == Actor.IMPOSED} == {8}
    assert [s.evidence.section_index for s in sanctions if s.actor == Actor.DEMANDED] == [3]


def test_ruling_takes_a_measure_demanded_in_its_own_section(nlp):
    claim = (
        "[slachtoffer] vordert € 1.200 aan immateriële schade. De officier van justitie heeft "
        "gevorderd de vordering toe te wijzen en daarbij de schadevergoedingsmaatregel op te "
        "leggen."
    )
    docs = [
        section(nlp, VORDERING_TEXT, "vordering", 3),
        section(nlp, claim, "benadeelde_partij", 7),
        section(nlp, BESLISSING_TEXT, "beslissing", 8),
    ]
    demanded = [s for s in ruling_sanctions(docs)[0] if s.actor == Actor.DEMANDED]
    assert summary(demanded) == [
        ("gevangenisstraf", DEMANDED, 91, 0, None),
        ("schadevergoedingsmaatregel", DEMANDED, 1200, 0, None),
    ]
    assert [s.evidence.section_index for s in demanded] == [3, 7]


def test_ruling_without_beslissing_takes_the_strafmotivering(nlp):
    sanctions, _ = ruling_sanctions([section(nlp, STRAFMOTIVERING_TEXT, "strafmotivering", 6)])
    assert [s.kind for s in sanctions if s.actor == Actor.IMPOSED] == [
        "gevangenisstraf",
        "taakstraf",
    ]


def test_ruling_that_confirms_imposes_nothing(nlp):
    docs = [
        section(
            nlp,
            "De politierechter heeft verdachte veroordeeld tot een taakstraf van 80 uren.",
            "other",
            2,
        ),
        section(nlp, "Het hof acht een taakstraf van 80 uren passend.", "strafmotivering", 5),
        section(nlp, "Bevestigt het vonnis waarvan beroep.", "beslissing", 7),
    ]
    sanctions, _ = ruling_sanctions(docs)
    assert summary(sanctions) == [("taakstraf", EARLIER, 80, 0, None)]


def test_ruling_with_a_short_beslissing_takes_the_sentence_from_the_reasons(nlp):
    docs = [
        section(nlp, "De rechtbank acht een werkstraf van 80 uren passend.", "strafmotivering", 4),
        section(nlp, "De rechtbank verklaart verdachte strafbaar.", "beslissing", 6),
    ]
    assert summary(ruling_sanctions(docs)[0]) == [("taakstraf", IMPOSED, 80, 0, None)]


def test_ruling_uses_the_inhoudsindicatie_only_when_the_body_has_none(nlp):
    inhoud = section(nlp, "Veroordeling tot een taakstraf van 240 uur.", "other", -1)
    body = section(nlp, BESLISSING_TEXT, "beslissing", 8)
    assert summary(ruling_sanctions([inhoud])[0]) == [("taakstraf", IMPOSED, 240, 0, None)]
    assert [s.evidence.section_index for s in ruling_sanctions([inhoud, body])[0]] == [8, 8]


def test_cassation_quotes_and_imposes_nothing(nlp):
    docs = [
        section(nlp, "Het beroep in cassatie is ingesteld door de verdachte.", "other", 0),
        section(nlp, "Het hof acht een gevangenisstraf van 6 maanden passend.", "other", 1),
        section(nlp, "De Hoge Raad verwerpt het beroep.", "beslissing", 4),
    ]
    sanctions, _ = ruling_sanctions(docs)
    assert [(s.kind, s.actor) for s in sanctions] == [("gevangenisstraf", Actor.EARLIER)]


# --- data (examples and ids of patterns/sanctions.jsonl run in tests/test_patterns.py) ---


def test_every_kind_has_a_measure_and_terms():
    tables = sanction_tables()
    assert set(tables.kinds) == {
        "gevangenisstraf", "hechtenis", "jeugddetentie", "taakstraf", "geldboete", "tbs", "pij",
        "isd",
        "schadevergoedingsmaatregel", "contactverbod", "locatieverbod", "gedragsmaatregel",
        "ontzegging_rijbevoegdheid", "verbeurdverklaring", "onttrekking",
    }  # fmt: skip
    assert all(info.terms for info in tables.kinds.values())


@pytest.mark.parametrize(
    ("text", "value"),
    [("1 (één)", 1.0), ("1.500,00", 1500.0), ("250,-", 250.0), ("750,=", 750.0), ("1½", 1.5),
     ("zes", 6.0), ("tweehonderdveertig", 240.0), ("ACHTTIEN", 18.0), ("straf", None)],
)  # fmt: skip
def test_read_number(text, value):
    assert read_number(text) == value
