"""Ages read by rulings_ages: one row per phrasing, with whose age it is.

Rows give (value, subject, kind, upper). Birth dates are kept on the Doc and turned into ages at
ruling level (tests/test_extract.py); the date rows here check what the Doc keeps.
"""

from __future__ import annotations

from datetime import date

import pytest

from rulings.models import Role

V, S, OTHER = "victim", "suspect", "other"

CASES = [
    # adjective with digits before the victim word
    ("Verdachte heeft seks gehad met de toen 15-jarige aangeefster.", [(15, V, "stated", None)]),
    # adjective in words
    ("Het vijftienjarige meisje had een advertentie geplaatst.", [(15, V, "stated", None)]),
    # adjective without the final e
    ("een zestienjarig meisje", [(16, V, "stated", None)]),
    # before a pseudonym
    ("de toen 16-jarige [slachtoffer] kwam naar de woning", [(16, V, "stated", None)]),
    # the suspect's age
    ("De 45-jarige verdachte ontkent.", [(45, S, "stated", None)]),
    # "man" is the client in these rulings
    ("Een 52-jarige man uit Tilburg heeft betaald voor seks.", [(52, S, "stated", None)]),
    # someone else
    ("haar 19-jarige vriend was aanwezig", [(19, OTHER, "stated", None)]),
    # "van N jaar" after a person word
    ("Hij ontmoette een meisje van 14 jaar.", [(14, V, "stated", None)]),
    # "van N jaren" after a pseudonym, number in words
    ("ontucht met [slachtoffer] van vijftien jaren", [(15, V, "stated", None)]),
    # "toen ... jaar oud" after a pseudonym
    ("[slachtoffer] was toen zestien jaar oud.", [(16, V, "stated", None)]),
    # pronoun subject
    ("Zij was op dat moment pas 15 jaar.", [(15, V, "stated", None)]),
    # subordinate clause order
    ("Verdachte wist dat [slachtoffer] 16 jaar was.", [(16, V, "stated", None)]),
    # age in brackets after the person
    ("[slachtoffer] (15 jaar) verklaarde dat", [(15, V, "stated", None)]),
    # nominal use: "met een 15-jarige," is the victim
    (
        "Ontuchtige handelingen met een 15-jarige, aan wie verdachte geld gaf.",
        [(15, V, "stated", None)],
    ),
    # "op 14-jarige leeftijd" with the person earlier in the sentence
    ("[slachtoffer] is op 14-jarige leeftijd in de prostitutie beland.", [(14, V, "stated", None)]),
    # the statutory bracket of art. 245 (old)
    (
        "met iemand die de leeftijd van twaalf jaren maar nog niet die van zestien jaren had "
        "bereikt",
        [(12, V, "bracket", 16)],
    ),
    # the statutory bracket of art. 248b
    (
        "die de leeftijd van zestien jaren maar nog niet de leeftijd van achttien jaren heeft "
        "bereikt",
        [(16, V, "bracket", 18)],
    ),
    # only an upper bound
    (
        "met iemand beneden de leeftijd van zestien jaren ontuchtige handelingen plegen",
        [(0, V, "bracket", 16)],
    ),
    # "nog niet ... bereikt"
    (
        "[slachtoffer], die toen de leeftijd van achttien jaren nog niet had bereikt",
        [(0, V, "bracket", 18)],
    ),
    # new-law bracket
    (
        "verkrachting in de leeftijdscategorie van twaalf tot zestien jaren",
        [(12, V, "bracket", 16)],
    ),
    # "16/17-jarige" is a bracket too
    (
        "ontucht met een 16/17-jarige die zich tegen betaling beschikbaar stelt",
        [(16, V, "bracket", 18)],
    ),
    # two ages in one sentence, each with its own person
    (
        "De 38-jarige verdachte had seks met de 16-jarige aangeefster.",
        [(38, S, "stated", None), (16, V, "stated", None)],
    ),
    # a claimed age beside the real one (found in the sample corpus)
    (
        "een meisje dat zich voordeed als 18-jarige, maar in werkelijkheid 15 jaar oud was",
        [(18, V, "claimed", None), (15, V, "stated", None)],
    ),
    # offered as an adult: the offering verb after the age
    (
        "Hij heeft haar als achttienjarige op seksadvertentiesites aangeboden.",
        [(18, V, "claimed", None)],
    ),
    # what she said
    ("Zij zei tegen verdachte dat zij 19 jaar oud was.", [(19, V, "claimed", None)]),
    # a fake advertisement quoted
    ('een nepadvertentie van een "zestienjarig meisje"', [(16, V, "claimed", None)]),
    # no one of that age
    ("omdat er geen zestienjarig meisje bestond", []),
    # several ages after one plural person word
    ("twee pupillen van 13 en 15 jaar", [(13, V, "stated", None), (15, V, "stated", None)]),
    (
        "met drie jongens uit zijn woonwijk, toen 10, 11 en 13 jaar oud",
        [(10, V, "stated", None), (11, V, "stated", None), (13, V, "stated", None)],
    ),
    # the adjective before a person word the rules know, and before one they do not
    ("Verdachte paste op een negenjarig buurmeisje.", [(9, V, "stated", None)]),
    ("Verdachte gaf een 15-jarige medewerkster een telefoon.", [(15, "unknown", "stated", None)]),
    # nominal use after the suspect
    (
        "Verdachte heeft als zestienjarige samen met een medeverdachte een snackbar overvallen.",
        [(16, S, "stated", None)],
    ),
    (
        "Seksueel binnendringen bij een 14-jarige, die verdachte via een chatapp kende.",
        [(14, V, "stated", None)],
    ),
    # a girlfriend in a loverboy case is the victim
    ("Verdachte heeft zijn 17-jarige vriendin uitgebuit.", [(17, V, "stated", None)]),
    # an age difference is no one's age
    ("het leeftijdsverschil tussen verdachte en [slachtoffer] was maar drie jaar", []),
    # a sentence length is no age
    ("Een gevangenisstraf van 2 jaar is passend.", []),
    # a probation term is no age
    ("De proeftijd was 2 jaar.", []),
    # "minderjarige" says no age
    ("de minderjarige [slachtoffer]", []),
    # "15 jaar geleden" is no age
    ("Dit gebeurde 15 jaar geleden.", []),
    # a present age is not the age at the time of the facts
    ("De inmiddels 20-jarige aangeefster heeft ter zitting haar verklaring herhaald.", []),
    ("[slachtoffer] is thans 21 jaar oud en studeert.", []),
    # an age before a pseudonymised name that is no victim or suspect: a third person
    (
        "Zij logeerde bij de 23-jarige [naam 2], een vriend van haar broer.",
        [(23, OTHER, "stated", None)],
    ),
    # first person in a quoted statement: the age of the one who made it
    (
        '[aangeefster] heeft bij de politie verklaard:\n"Ik ken hem van school. Ik was toen '
        'veertien."',
        [(14, V, "stated", None)],
    ),
    (
        "Verdachte heeft ter terechtzitting verklaard: ik was toen 52 jaar oud.",
        [(52, S, "stated", None)],
    ),
    # first person with no statement that names its speaker: whose age is unknown
    ("Ik was toen pas 15.", [(15, "unknown", "stated", None)]),
    # --- the age at the time, with a word that dates it ---
    # "destijds" before the adjective
    (
        "Verdachte heeft de destijds 15-jarige aangeefster via Instagram benaderd.",
        [(15, V, "stated", None)],
    ),
    # "toenmalige" before the adjective and a pseudonym
    (
        "Hij heeft met de toenmalige 14-jarige [slachtoffer] afgesproken bij het station.",
        [(14, V, "stated", None)],
    ),
    # "het toen 13-jarige meisje"
    ("Het toen 13-jarige meisje durfde niemand iets te vertellen.", [(13, V, "stated", None)]),
    # "op dat moment" between article and adjective in words
    (
        "De op dat moment vijftienjarige [slachtoffer] is bij verdachte in de auto gestapt.",
        [(15, V, "stated", None)],
    ),
    # the adjective standing for the person
    (
        "Verdachte heeft de toenmalige veertienjarige tegen betaling meegenomen naar een hotel.",
        [(14, V, "stated", None)],
    ),
    # --- the age in a clause ---
    # "toen zij ... jaar oud was"
    (
        "[slachtoffer] heeft verklaard dat het contact begon toen zij veertien jaar oud was.",
        [(14, V, "stated", None)],
    ),
    # "zij was toen ... jaar" without "oud"
    ("Zij was toen vijftien jaar en zat in de derde klas.", [(15, V, "stated", None)]),
    # "op het moment dat zij 15 jaar was"
    (
        "De eerste ontmoeting vond plaats op het moment dat zij 15 jaar was.",
        [(15, V, "stated", None)],
    ),
    # "terwijl ... nog maar 14 jaar oud was"
    (
        "Verdachte heeft haar geld gegeven, terwijl [slachtoffer] nog maar 14 jaar oud was.",
        [(14, V, "stated", None)],
    ),
    # a relative clause after the victim
    (
        "Verdachte had seks met [slachtoffer], die op dat moment 16 jaar oud was.",
        [(16, V, "stated", None)],
    ),
    # a bare number ending the clause after "zij was"
    (
        "[slachtoffer] zat nog op de basisschool; zij was toen pas twaalf.",
        [(12, V, "stated", None)],
    ),
    # inverted order after a fronted phrase
    ("Ten tijde van de feiten was [slachtoffer] vijftien jaar.", [(15, V, "stated", None)]),
    # a bare number before "toen"
    ("Zij was veertien toen het misbruik begon.", [(14, V, "stated", None)]),
    # "nog geen zestien" is an upper bound, not her age
    ("Verdachte wist dat zij nog geen zestien was.", [(0, V, "bracket", 16)]),
    # --- a person word with the age ---
    # "van" with a number and no "jaar"
    (
        "Verdachte heeft een minderjarig meisje van zestien tegen betaling seksueel misbruikt.",
        [(16, V, "stated", None)],
    ),
    (
        "Verdachte heeft een jongen van veertien in zijn auto laten instappen.",
        [(14, V, "stated", None)],
    ),
    # "een meisje van 15 jaar" after a preposition
    (
        "Via een chatsite kwam verdachte in contact met een meisje van 15 jaar.",
        [(15, V, "stated", None)],
    ),
    # the adjective standing for the person before a participle
    ("De verdachte, thans 45 jaar oud, heeft een 16-jarige betaald.", [(16, V, "stated", None)]),
    # the ages after a comma
    (
        "Verdachte heeft seks gehad met twee minderjarige meisjes, van 15 en 16 jaar oud.",
        [(15, V, "stated", None), (16, V, "stated", None)],
    ),
    # "kind" and "stiefdochter"
    (
        "Het 13-jarige kind werd door verdachte meegenomen naar zijn woning.",
        [(13, V, "stated", None)],
    ),
    ("Verdachte heeft zijn 12-jarige stiefdochter jarenlang misbruikt.", [(12, V, "stated", None)]),
    # "(15 jaar)" after "de minderjarige [slachtoffer]"
    ("De minderjarige [slachtoffer] (15 jaar) heeft aangifte gedaan.", [(15, V, "stated", None)]),
    # a bare number in brackets after the pseudonym
    (
        "[slachtoffer] (14) heeft bij de politie verklaard dat verdachte haar betaalde.",
        [(14, V, "stated", None)],
    ),
    # the age in brackets after a birth year
    (
        "In de woning verbleven [slachtoffer 1], geboren in 2001 (toen 16 jaar), en "
        "[slachtoffer 2], geboren in 2000 (17 jaar).",
        [(16, V, "stated", None), (17, V, "stated", None)],
    ),
    # --- several victims ---
    # "toen 14 en 15 jaar oud" after two pseudonyms
    (
        "[slachtoffer 1] en [slachtoffer 2], toen 14 en 15 jaar oud, zijn door verdachte benaderd.",
        [(14, V, "stated", None), (15, V, "stated", None)],
    ),
    # "twee meisjes van 13 en 15 jaar"
    (
        "Verdachte heeft twee meisjes van 13 en 15 jaar tegen betaling ontmoet.",
        [(13, V, "stated", None), (15, V, "stated", None)],
    ),
    # "respectievelijk"
    (
        "[slachtoffer 1] en [slachtoffer 2] waren toen respectievelijk 15 en 16 jaar oud.",
        [(15, V, "stated", None), (16, V, "stated", None)],
    ),
    # one victim at two ages over the charged period
    (
        "Hij heeft zijn toen 13- en 14-jarige stiefdochter misbruikt.",
        [(13, V, "stated", None), (14, V, "stated", None)],
    ),
    (
        "Zij was in die periode eerst 13 en later 14 jaar oud.",
        [(13, V, "stated", None), (14, V, "stated", None)],
    ),
    # --- whose age ---
    # the suspect's and the victim's adjective in one sentence
    (
        "De 34-jarige verdachte heeft een 15-jarig meisje via Snapchat benaderd.",
        [(34, S, "stated", None), (15, V, "stated", None)],
    ),
    # the suspect's age in an apposition
    (
        "Verdachte, toen 19 jaar oud, had via Snapchat contact met [slachtoffer].",
        [(19, S, "stated", None)],
    ),
    # "een man van 52 jaar" beside the victim's age
    (
        "Verdachte, een man van 52 jaar, betaalde de 16-jarige [slachtoffer] € 100.",
        [(52, S, "stated", None), (16, V, "stated", None)],
    ),
    # a parent speaking of her daughter: the daughter is the victim
    (
        "De moeder van [slachtoffer] heeft verklaard dat haar dochter toen 15 jaar oud was.",
        [(15, V, "stated", None)],
    ),
    (
        "[moeder] heeft bij de politie het volgende verklaard. Mijn dochter was toen pas "
        "veertien jaar.",
        [(14, V, "stated", None)],
    ),
    # the parents of the suspect speak of their son: the suspect
    (
        "De ouders van verdachte verklaarden dat hun zoon toen 17 jaar oud was.",
        [(17, S, "stated", None)],
    ),
    # a daughter no parent speaks of stays someone else
    (
        "Verdachte woonde met zijn vriendin en hun 12-jarige dochter in Venlo.",
        [(12, OTHER, "stated", None)],
    ),
    # an age reached at some moment is not the age at the time of the facts
    (
        "Verdachte heeft [slachtoffer] ook nog ontmoet nadat zij achttien jaar was geworden.",
        [],
    ),
    ("Het contact duurde voort totdat zij 18 werd.", []),
    (
        "Zij was toen 16 jaar oud; vlak voordat zij zeventien jaar zou worden, stopte het contact.",
        [(16, V, "stated", None)],
    ),
    # years and months: the years are the age
    ("Zij was op dat moment zestien jaar en drie maanden oud.", [(16, V, "stated", None)]),
    # what she let him know is a claim; what he could not know is her age
    (
        "[slachtoffer] had verdachte via Instagram laten weten dat zij negentien was.",
        [(19, V, "claimed", None)],
    ),
    (
        "De raadsman stelt dat verdachte niet kon weten dat [slachtoffer] 17 jaar oud was.",
        [(17, V, "stated", None)],
    ),
    # "een meisje van vijftien" before "via"
    (
        "De 23-jarige verdachte sprak een meisje van vijftien via Snapchat aan.",
        [(23, S, "stated", None), (15, V, "stated", None)],
    ),
    # a quoted passage of the lower court states ages as they were
    (
        '"Verdachte heeft tegen betaling seks gehad met de toen 15-jarige [slachtoffer]," aldus '
        "het hof.",
        [(15, V, "stated", None)],
    ),
    # an apposition to a pseudonym: that person's age, whatever noun follows
    (
        "Dat blijkt uit de verklaring van [getuige 2], een 16-jarige scholiere die alles zag.",
        [(16, OTHER, "stated", None)],
    ),
    (
        "[medeverdachte], de toen 20-jarige broer van verdachte, reed de auto.",
        [(20, OTHER, "stated", None)],
    ),
    (
        "Via de chat leerde zij [naam 3] kennen, de toen 24-jarige man die haar ophaalde.",
        [(24, OTHER, "stated", None)],
    ),
    (
        "[naam 2], de 31-jarige man in wiens woning zij verbleef, regelde de klanten.",
        [(31, OTHER, "stated", None)],
    ),
    (
        "[slachtoffer], de 15-jarige dochter van de buren, kwam vaak over de vloer.",
        [(15, V, "stated", None)],
    ),
    # an advertisement names no age of the person a pseudonym names
    (
        "Het telefoonnummer uit de advertentie hoorde bij de 25-jarige [naam 2].",
        [(25, OTHER, "stated", None)],
    ),
    # a statement quoted after a colon states ages as they were
    (
        'De vader van [slachtoffer] verklaarde: "Mijn dochter was toen dertien jaar."',
        [(13, V, "stated", None)],
    ),
    # a relative clause after "X van Y" is about X
    (
        "[getuige 3], een klasgenote van [slachtoffer] die toen veertien was, zag hen samen.",
        [(14, OTHER, "stated", None)],
    ),
    # "zij" after a sentence that names only someone else
    (
        "Ik kende hem via mijn nicht [naam 2]. Zij was negentien.",
        [(19, OTHER, "stated", None)],
    ),
    # a second age of the same person
    (
        "[slachtoffer] was twaalf jaar toen het begon en dertien toen zij het vertelde.",
        [(12, V, "stated", None), (13, V, "stated", None)],
    ),
    # a present age with "nu"
    ("Verdachte heeft een zoon, die nu vijf jaar oud is.", []),
    # a noun the rules do not know, named by the pseudonym after it
    ("Een 70-jarige wandelaar, [getuige 1], zag de auto wegrijden.", [(70, OTHER, "stated", None)]),
    # what she made him believe is a claim
    ("Zij had hem voorgehouden dat zij achttien was.", [(18, V, "claimed", None)]),
    # an apposition with "het"
    (
        "[naam 2], het toen 16-jarige nichtje van verdachte, bracht de berichten over.",
        [(16, OTHER, "stated", None)],
    ),
    # "X, de vader van Y, toen N jaar oud": X's age
    (
        "[getuige 1], de vader van [slachtoffer], toen 45 jaar oud, heeft verklaard.",
        [(45, OTHER, "stated", None)],
    ),
    # a clause after "X van Y" whose X the rules do not know: not Y's age
    (
        "De kapper van [slachtoffer], die zelf 70 jaar is, zag niets.",
        [(70, "unknown", "stated", None)],
    ),
    # ... but after a statement "van Y" it is Y's
    (
        "Uit de verklaring van [slachtoffer], die toen 15 jaar oud was, volgt dat hij betaalde.",
        [(15, V, "stated", None)],
    ),
    # "[X], een NOUN van N"
    ("[slachtoffer 3], een teamgenote van vijftien, was erbij.", [(15, V, "stated", None)]),
    # what he trusted is a belief
    (
        "Verdachte stelt dat hij erop mocht vertrouwen dat [slachtoffer] 19 jaar was.",
        [(19, V, "claimed", None)],
    ),
    # a pseudonym right after the adjective, in an apposition to someone's parent
    (
        "De moeder van [slachtoffer], de 41-jarige [naam 4], deed aangifte.",
        [(41, OTHER, "stated", None)],
    ),
    # the adjective's own noun, not the persons after an article
    (
        "Een collega verklaarde dat de toen 48-jarige docent de leerlingen vaak aanraakte.",
        [(48, "unknown", "stated", None)],
    ),
    # "een jongen van zestien" in apposition to a pseudonym, or to "de zus van verdachte"
    (
        "[getuige 4], een jongen van zestien uit Breda, zag het gebeuren.",
        [(16, OTHER, "stated", None)],
    ),
    (
        "In de woning was ook de zus van verdachte, een meisje van 17, aanwezig.",
        [(17, OTHER, "stated", None)],
    ),
    # "Ik was vijftien toen ..." in a quoted statement
    ('Zij verklaarde: "Ik was vijftien toen het begon."', [(15, V, "stated", None)]),
    # a boy in the drug trade is a courier, not a victim
    (
        "Verdachte zette een 16-jarige jongen in als drugsrunner voor zijn cocaïne.",
        [(16, OTHER, "stated", None)],
    ),
    # a relative clause about a pseudonym keeps its age past a pronoun inside it
    (
        "[getuige 5], die net als zij bij de scouting zat en toen vijftien jaar oud was, heeft "
        "verklaard.",
        [(15, OTHER, "stated", None)],
    ),
    # a preposition between the age and a person: the noun the rules lack is the one aged
    (
        "Zij woonde met het toen vijfjarige halfbroertje van [slachtoffer].",
        [(5, OTHER, "stated", None)],
    ),
    # boys put to work in the drug trade
    (
        "Verdachte heeft minderjarige jongens, onder wie een jongen van vijftien, voor zijn handel "
        "ingezet.",
        [(15, OTHER, "stated", None)],
    ),
    # posing as someone else online
    ("Hij gaf zich daarin uit als een jongen van 16.", [(16, V, "claimed", None)]),
    # the person an age opens the sentence with acts on a victim named after the verb
    (
        "Een vijftienjarige jongen heeft een filmpje gemaakt van zijn veertienjarige vriendin.",
        [(15, S, "stated", None), (14, V, "stated", None)],
    ),
    # an age difference
    ("[slachtoffer] is een jaar jonger dan ik.", []),
    # an apposition to a person word
    ("Een getuige, een 67-jarige man, heeft verklaard.", [(67, OTHER, "stated", None)]),
    # "ten tijde van de feiten" between the verb and the age
    ("De verdachte was ten tijde van de feiten 23 jaar.", [(23, S, "stated", None)]),
    # anyone of that age: a general statement
    ("Ook een zestienjarige mag geen seks tegen betaling aanbieden.", []),
    # the speaker of a statement is the subject of its verb, not the person named after it
    (
        'De moeder van [slachtoffer] heeft verklaard: "Ik was toen 41 en werkte nachtdiensten."',
        [(41, OTHER, "stated", None)],
    ),
    # the victim's mother
    ("De 42-jarige moeder van [slachtoffer] heeft aangifte gedaan.", [(42, OTHER, "stated", None)]),
    # a third person's pseudonym
    (
        "De 19-jarige [naam 1] heeft [slachtoffer] aan verdachte voorgesteld.",
        [(19, OTHER, "stated", None)],
    ),
    # a friend named by her own pseudonym is not the victim
    (
        "[slachtoffer] en haar 17-jarige vriendin [naam 2] gingen mee naar de woning.",
        [(17, OTHER, "stated", None)],
    ),
    # --- what is no real age ---
    # a claimed age without "jaar"
    ("Zij zei dat zij 18 was.", [(18, V, "claimed", None)]),
    # what her profile said
    ("Op haar profiel stond 19 jaar.", [(19, V, "claimed", None)]),
    # "deed zich voor als"
    ("[slachtoffer] deed zich voor als 18-jarige.", [(18, V, "claimed", None)]),
    # "gezegd" is a claim
    (
        "Zij heeft tegen verdachte gezegd dat zij achttien jaar was.",
        [(18, V, "claimed", None)],
    ),
    # the claim verb after the age
    (
        "[slachtoffer] had op de datingapp een leeftijd van 19 jaar vermeld.",
        [(19, V, "claimed", None)],
    ),
    # what he assumed, and how she looked to him
    ("Verdachte ging ervan uit dat zij 18 jaar oud was.", [(18, V, "claimed", None)]),
    ("Volgens verdachte zag zij eruit als een vrouw van 20 jaar.", [(20, V, "claimed", None)]),
    # the real age after a claim
    (
        "Zij zei dat zij 18 jaar oud was, maar zij was toen 15.",
        [(18, V, "claimed", None), (15, V, "stated", None)],
    ),
    # turning eighteen in the statute's words is no age at the time of the facts
    (
        "[slachtoffer] heeft op [datum] 2017 de leeftijd van achttien jaren bereikt.",
        [(18, V, "bracket", None)],
    ),
    # a present age
    (
        "De thans 21-jarige aangeefster heeft een schriftelijke slachtofferverklaring ingediend.",
        [],
    ),
    # general statements about the law's protection
    ("De wet beschermt meisjes onder de 16 tegen seksueel contact met volwassenen.", []),
    ("Het artikel ziet op minderjarigen tot 18 jaar.", []),
    ("Dat artikel ziet op minderjarigen van zestien en zeventien jaar.", []),
    (
        "De wetgever beschermt kinderen tussen twaalf en zestien jaar in het bijzonder.",
        [(12, V, "bracket", 16)],
    ),
    ("Een klant van een zestien- of zeventienjarige wordt lager gestraft.", []),
    ("Seks met een minderjarige van 16 of 17 jaar tegen betaling is strafbaar.", []),
    # a range of ages in a group is no one's age
    ("Hij trainde de selectiegroep, bestaande uit meisjes van 11 tot 16 jaar.", []),
    # a number of persons is no age
    ("Zij is een moeder van twee kinderen.", []),
    # a claimed age in the answer to his question
    (
        "Toen hij haar naar haar leeftijd vroeg, antwoordde zij dat zij 19 was.",
        [(19, V, "claimed", None)],
    ),
    # a bare "van 19" before the verb of the sentence, not a date or a count
    ("Een jongen van 17 haalde haar 's avonds op.", [(17, V, "stated", None)]),
    ("Zij was daar met haar broer van 19 naartoe gegaan.", [(19, OTHER, "stated", None)]),
    ("Naar de wet is ook een jongen van zeventien minderjarig.", []),
    ("Het verhoor van [slachtoffer] van 12 juli 2018 is voorgelezen.", []),
    ("Het meisje wachtte een kwartier van 15 minuten.", []),
    # a spouse or neighbour joined to a victim by "en haar" is a victim too; a brother is not
    (
        "Hij heeft een 88-jarige weduwe en haar 90-jarige buurman aan de deur bestolen.",
        [(88, V, "stated", None), (90, V, "stated", None)],
    ),
    (
        "Hij heeft een 16-jarig meisje en haar 19-jarige broer in de auto meegenomen.",
        [(16, V, "stated", None), (19, OTHER, "stated", None)],
    ),
    # a bare number before a clause-final "was", right after the person
    ("Vast staat dat [slachtoffer] destijds vijftien was.", [(15, V, "stated", None)]),
    ("Hij had seks met een meisje dat nog maar 14 was.", [(14, V, "stated", None)]),
    ("Hij stelde vast dat het totaalbedrag 50 was.", []),
    ("Zij heeft verklaard: 'Op Snapchat had ik gezet dat ik 19 was.'", []),
    # "was" and a bare number after a named person; "toen 15" in an apposition
    (
        "[slachtoffer 1] was toen 16, [slachtoffer 2] 17.",
        [(16, V, "stated", None), (17, V, "stated", None)],
    ),
    ("Het was toen 23 uur.", []),
    ("[slachtoffer], toen 13, logeerde bij haar tante.", [(13, V, "stated", None)]),
    ("[medeverdachte 1], 24 jaar, reed de auto.", [(24, OTHER, "stated", None)]),
    # the age after the statutory bracket
    (
        "met [slachtoffer], die de leeftijd van zestien jaren maar nog niet die van achttien"
        " jaren had bereikt, te weten zeventien jaar,",
        [(16, V, "bracket", 18), (17, V, "stated", None)],
    ),
    # a second person's age without its verb
    (
        "Verdachte verklaarde: 'Ik was 38 en zij 15.'",
        [(38, S, "stated", None), (15, V, "stated", None)],
    ),
    # general statements, present ages, an age reached
    ("Een jongen van zestien kan doorgaans niet overzien wat hij doet.", []),
    ("Verdachte, nu 68 jaar oud, is ernstig ziek.", []),
    ("Zij werkte voor hem tot het moment waarop ze stopte toen zij achttien werd.", []),
    # what a person is; whom the suspect acts on
    (
        "De rechtbank weegt mee dat het slachtoffer een 83-jarige weduwnaar was.",
        [(83, V, "stated", None)],
    ),
    (
        "Verdachte, die toen 22 was, heeft de 51-jarige conducteur in het gezicht geslagen.",
        [(22, S, "stated", None), (51, V, "stated", None)],
    ),
    # an age reached just before the facts; a suspect's age before the verb "wordt"
    (
        "[slachtoffer] was net vijftien geworden toen zij hem leerde kennen.",
        [(15, V, "stated", None)],
    ),
    ("De 19-jarige verdachte wordt veroordeeld tot een taakstraf.", [(19, S, "stated", None)]),
    # "en hij gaf me" after an age is no claim; a difference before a colon is
    (
        "[slachtoffer] heeft verklaard: 'Ik was toen 16 en hij gaf me 100 euro.'",
        [(16, V, "stated", None)],
    ),
    (
        "Het leeftijdsverschil was aanzienlijk: zij was 14, hij 39.",
        [(14, V, "stated", None), (39, S, "stated", None)],
    ),
    # one person at two ages over the period
    (
        "[slachtoffer], die toen 13 tot 14 jaar oud was,",
        [(13, V, "stated", None), (14, V, "stated", None)],
    ),
    # the comma that closes an apposition opens none
    (
        "dat de verdachte, een toen 33-jarige man, het 14-jarige meisje via Snapchat benaderde",
        [(33, S, "stated", None), (14, V, "stated", None)],
    ),
    ("'Ik was net 15 geworden toen ik hem ontmoette.'", [(15, "unknown", "stated", None)]),
    # a profile's age after the real one does not make the real one a claim
    (
        "het meisje, dat toen nog maar zestien was, ook al vermeldde haar profiel 19 jaar",
        [(16, V, "stated", None), (19, V, "claimed", None)],
    ),
    # fillers between "was" and a bare age; an age after the speaker's "nog maar"
    ("[slachtoffer] was in die periode 15 jaar en woonde bij een oom.", [(15, V, "stated", None)]),
    ("'Ik was toen nog maar 13 en hij was veel ouder.'", [(13, "unknown", "stated", None)]),
    ("'Ik was op dat moment 16 jaar.'", [(16, "unknown", "stated", None)]),
    # an age in an apposition, also bare or abbreviated
    (
        "In de auto zaten [naam 3], 22, en [slachtoffer], 15 jr., met een vriendin.",
        [(22, OTHER, "stated", None), (15, V, "stated", None)],
    ),
    ("met [slachtoffer] (van 14 jaar), die", [(14, V, "stated", None)]),
    # the ages of two persons whose difference the sentence names
    (
        "Zij wees op het leeftijdsverschil tussen de 58-jarige verdachte en [slachtoffer], die"
        " toen 15 jaar oud was.",
        [(58, S, "stated", None), (15, V, "stated", None)],
    ),
    ("Het leeftijdsverschil bedroeg 40 jaar.", []),
    # a past "had moeten" is no general statement
    ("Hij had met een meisje van vijftien geen afspraak moeten maken.", [(15, V, "stated", None)]),
    # a quotation whose source is named after it; a relative clause about "X van het Y"
    (
        '"Ik was 15 en hij wist dat." (verklaring van [slachtoffer] bij de politie)',
        [(15, V, "stated", None)],
    ),
    (
        "De vader van het slachtoffer, die toen 51 jaar oud was, heeft verklaard.",
        [(51, OTHER, "stated", None)],
    ),
    # her friend is someone else; his girlfriend is the victim
    (
        "[slachtoffer] kwam samen met haar 19-jarige vriendin naar het hotel.",
        [(19, OTHER, "stated", None)],
    ),
    # one person at two ages; an apposition of a counted noun to a person word
    (
        "In de tijd dat zij 13 en 14 jaar oud was, zag hij haar wekelijks.",
        [(13, V, "stated", None), (14, V, "stated", None)],
    ),
    (
        "Hij heeft de slachtoffers, twee nichtjes van 12 en 14 jaar, meegenomen.",
        [(12, V, "stated", None), (14, V, "stated", None)],
    ),
    # a relative clause after a comma that closes a clause; a person after a preposition
    (
        "Hij heeft één keer met het meisje afgesproken, dat 16 was, in een hotel.",
        [(16, V, "stated", None)],
    ),
    (
        "[slachtoffer] had bij de eerste afspraak met verdachte de leeftijd van zestien jaren.",
        [(16, V, "stated", None)],
    ),
    # "pas een jaar" is how long, not an age of one
    (
        "Hij was toen negentien jaar oud en had pas een jaar zijn rijbewijs.",
        [(19, S, "stated", None)],
    ),
    # "zich voor" without "als" is no claim: a probation term stays no age
    ("omdat verdachte zich voor het einde van de proeftijd van 3 jaar schuldig maakt", []),
    # the speaker's age after "toen ik" and in inverted order
    (
        '[slachtoffer] heeft verklaard: "Hij hield pas op toen ik zestien jaar oud was."',
        [(16, V, "stated", None)],
    ),
    (
        '[slachtoffer] heeft verklaard: "Bij de laatste afspraak was ik al 17, geloof ik."',
        [(17, V, "stated", None)],
    ),
    ('[slachtoffer] heeft verklaard: "Daarna was ik 2 jaar in behandeling."', []),
    # a second age of the same person on a later date
    (
        "[slachtoffer] was bij het eerste contact op 3 mei 2019 vijftien jaar oud en bij het"
        " laatste op 20 januari 2020 zestien jaar.",
        [(15, V, "stated", None), (16, V, "stated", None)],
    ),
    (
        "Hij was toen 20 jaar oud en heeft in 2016 twee jaar in detentie gezeten.",
        [(20, S, "stated", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:45] for c in CASES])
def test_ages(run_section, text, expected) -> None:
    doc = run_section(text, Role.STRAFMOTIVERING)
    found = [(a.value, a.subject.value, a.kind, a.upper) for a in doc._.ages]
    assert found == expected


def test_age_evidence_is_the_phrase(run_section) -> None:
    text = "Hij had seks met de toen 15-jarige aangeefster."
    age = run_section(text, Role.STRAFMOTIVERING)._.ages[0]
    assert text[age.evidence.start : age.evidence.end] == "15-jarige"


DATES = [
    # a full birth date after the victim
    ("[slachtoffer], geboren op 12 maart 2001, heeft verklaard", [(date(2001, 3, 12), V)], []),
    # numeric birth date in brackets
    ("[slachtoffer] (geboren 04-05-2002) verklaarde", [(date(2002, 5, 4), V)], []),
    # pseudonymised day and month: the year remains
    (
        "[verdachte], geboren op [geboortedatum] 1970 te [geboorteplaats]",
        [(date(1970, 1, 1), S)],
        [],
    ),
    # a pseudonymised birth date with a qualifier in the brackets
    (
        "[slachtoffer], geboren op [geboortedatum slachtoffer] 2008, die toen",
        [(date(2008, 1, 1), V)],
        [],
    ),
    # the abbreviation "geb."
    ("[slachtoffer] (geb. 12 maart 2003) heeft verklaard", [(date(2003, 3, 12), V)], []),
    # the date before "geboren", which is then no date of the act
    (
        "[slachtoffer], die op 4 mei 2003 is geboren, heeft op of omstreeks 14 juli 2019 verklaard",
        [(date(2003, 5, 4), V)],
        [(date(2019, 7, 14), date(2019, 7, 14))],
    ),
    # a date of the act after "op of omstreeks"
    (
        "Hij heeft op of omstreeks 3 februari 2016 te Maastricht ontucht gepleegd",
        [],
        [(date(2016, 2, 3), date(2016, 2, 3))],
    ),
    # a period of the act
    (
        "in of omstreeks de periode van 1 januari 2015 tot en met 31 maart 2016",
        [],
        [(date(2015, 1, 1), date(2015, 1, 1)), (date(2016, 3, 31), date(2016, 3, 31))],
    ),
    # an abbreviated month
    ("omstreeks 3 feb. 2016", [], [(date(2016, 2, 3), date(2016, 2, 3))]),
    # the hearing date is no date of the act
    ("De zaak is behandeld op de terechtzitting van 12 maart 2019.", [], []),
]


@pytest.mark.parametrize(("text", "births", "acts"), DATES, ids=[d[0][:45] for d in DATES])
def test_dates_outside_the_charge(run_section, text, births, acts) -> None:
    doc = run_section(text, Role.OTHER)
    assert [(first, subject.value) for first, _, subject, *_ in doc._.birth_dates] == births
    assert doc._.offence_dates == acts


def test_every_date_in_the_charge_is_a_date_of_the_act(run_section) -> None:
    text = "dat hij op 3 februari 2016 te Utrecht ontucht heeft gepleegd met [slachtoffer]"
    doc = run_section(text, Role.TENLASTELEGGING)
    assert doc._.offence_dates == [(date(2016, 2, 3), date(2016, 2, 3))]
