"""What residents say outright in their own words, read so the check does not ask it again; and
what stays unread when the words are unclear or point both ways."""

from datetime import date

import pytest

from bot.triage.model import Duration, HasIt, HelpNow, Limitation, Residence, Subject, Wlz, YesNo
from bot.triage.needs import Needs
from bot.triage.statements import (
    healthy_housemate,
    lives_alone,
    manages_self,
    no_partner_to_help,
    stated_duration,
    stated_has_it,
    stated_healthy,
    stated_help,
    stated_residence,
    stated_safe_tonight,
    stated_wlz,
    stated_years,
    tried_general,
    who_is_meant,
)


@pytest.mark.parametrize(
    "text, meant",
    [
        ("Kan mijn moeder een traplift krijgen?", (Subject.ander, "uw moeder")),
        ("mijn moeder woont alleen en kan niet meer douchen", (Subject.ander, "uw moeder")),
        ("Mijn vader vergeet steeds zijn pillen", (Subject.ander, "uw vader")),
        ("ik vraag het voor mijn man", (Subject.ander, "uw man")),
        ("mijn vrouw heeft MS", (Subject.ander, "uw vrouw")),
        ("onze zoon is 15 en loopt vast op school", (Subject.ander, "uw zoon")),
        ("mijn dochter van 12 zit in een rolstoel", (Subject.ander, "uw dochter")),
        ("ik maak me zorgen om mijn buurvrouw", (Subject.ander, "uw buurvrouw")),
        ("namens mijn buurman: hij kan niet meer boodschappen doen", (Subject.ander, "uw buurman")),
        ("ik ben wijkverpleegkundige en vraag het voor een cliënt", (Subject.ander, "uw cliënt")),
        ("mijn opa van 91 wil een scootmobiel", (Subject.ander, "uw opa")),
        ("m'n oma is gevallen", (Subject.ander, "uw oma")),
        ("mijn ma kan de trap niet meer op", (Subject.ander, "uw moeder")),
        ("ik denk dat mijn broer hulp nodig heeft, want mijn broer is depressief", (Subject.ander, "uw broer")),
        ("mijn zus krijgt haar administratie niet meer rond", (Subject.ander, "uw zus")),
        ("mijn schoonmoeder woont alleen", (Subject.ander, "uw schoonmoeder")),
        ("mijn partner heeft een beroerte gehad", (Subject.ander, "uw partner")),
        ("Voor mijzelf", (Subject.zelf, "u")),
        ("kan ik huishoudelijke hulp krijgen", (Subject.zelf, "u")),
        ("ik kan de trap niet meer op", (Subject.zelf, "u")),
        ("sinds mijn man overleed woon ik alleen", (Subject.zelf, "u")),
        ("het lukt me niet meer om te koken", (Subject.zelf, "u")),
        ("mijn vader (78) kan niet meer ver lopen", (Subject.ander, "uw vader")),
        ("de scootmobiel van mijn opa is kapot", (Subject.ander, "uw opa")),
        ("ik ben de dochter van mevrouw De Vries, ze is 88", (Subject.ander, "uw moeder")),
        # Whoever is said to be healthy or no longer alive is not the one it is for.
        ("mijn man kan niet meer lopen. Ik ben 70 en gezond, maar ik kan niet tillen", (Subject.ander, "uw man")),
        ("ik kan door mijn rug niet meer stofzuigen, mijn vrouw is gezond", (Subject.zelf, "u")),
        ("sinds mijn man gestorven is, ben ik erg eenzaam", (Subject.zelf, "u")),
        ("ik mis mensen om me heen sinds mijn vrouw er niet meer is", (Subject.zelf, "u")),
        # Who helps the resident is not the one it is for; the one others help is.
        ("mijn dochter doet mijn boodschappen en dat gaat goed, maar ik wil het haar besparen", (Subject.zelf, "u")),
        ("mijn zoon helpt me met de post, maar het wordt hem te veel", (Subject.zelf, "u")),
        ("onze buren rijden mijn vader naar de dokter", (Subject.ander, "uw vader")),
        (
            "ik woon alleen, ben 91 en mijn dochter komt elke dag, maar ze kan het niet meer bolwerken",
            (Subject.zelf, "u"),
        ),
        ("mijn vrouw heeft MS. Ik doe het huishouden maar het wordt me te zwaar", (Subject.ander, "uw vrouw")),
        ("ik heb reuma en mijn man heeft zelf een hartziekte", (Subject.zelf, "u")),
        ("ik ben gezond maar voel me alleen", (Subject.zelf, "u")),
        ("hij is kerngezond maar wil een scootmobiel, kan mijn vader die krijgen?", (Subject.ander, "uw vader")),
        ("ons mam kan de trap nie meer op", (Subject.ander, "uw moeder")),
        ("me vrouw ken nie meer douchen", (Subject.ander, "uw vrouw")),
        ("mijn schoonzus woont op zichzelf", (Subject.ander, "uw schoonzus")),
        ("mijn moeder is gezond van geest, maar ze kan niet meer lopen", (Subject.ander, "uw moeder")),
        # "ik" as the one who needs it, in any clause; not the speaker who asks or cares for another.
        ("ik betaal nu zelf een schoonmaakster omdat ik reuma heb, kan de gemeente helpen?", (Subject.zelf, "u")),
        ("sinds ik gevallen ben durf ik niet meer te douchen", (Subject.zelf, "u")),
        ("ik moet steeds rusten door mijn longen", (Subject.zelf, "u")),
        ("ik vraag het voor iemand anders", (Subject.ander, "uw naaste")),
        ("ik denk dat de buurvrouw hulp nodig heeft", (Subject.ander, "uw buurvrouw")),
        ("ik vraag het namens een kennis van mij", (Subject.ander, "uw kennis")),
        # A healthy relative who lives in is not the one it is for.
        ("ik ben 80 en loop slecht. mijn zoon van 45 woont bij mij in en is gezond", (Subject.zelf, "u")),
        ("mijn gezonde dochter woont nog thuis, maar ik kan niet meer koken", (Subject.zelf, "u")),
        # Both: the partner is ill and the resident cannot manage; the check asks.
        ("mijn man is ziek en ik kan het huishouden niet alleen", None),
        ("hulp bij het huishouden", None),
        # A diminutive, an age in words or with a cause in brackets, any verb opening the message, an
        # adjective before the thing, a resident who cannot care ("ik durf hem niet te wassen"), a couple.
        ("ons dochtertje (6, epilepsie) kan niet naar de gewone opvang", (Subject.ander, "uw dochter")),
        ("mijn zusje is twaalf en heeft een spierziekte", (Subject.ander, "uw zus")),
        ("Mijn schoonmoeder herstelt van een heupbreuk en mag niets tillen", (Subject.ander, "uw schoonmoeder")),
        ("de oude scootmobiel van mijn opa is stuk", (Subject.ander, "uw opa")),
        ("mijn man heeft een katheter en ik durf hem niet te helpen", (Subject.ander, "uw man")),
        ("We hebben samen een bovenwoning en komen de trap niet meer op", (Subject.zelf, "u")),
        ("Mijn man zegt dat ik hulp nodig heb bij het huishouden", (Subject.zelf, "u")),
        ("Mijn man werkt fulltime en ik kan door mijn MS niet meer stofzuigen", (Subject.zelf, "u")),
        ("Ik heb reuma. Mijn vrouw werkt de hele week", (Subject.zelf, "u")),
        ("Ik heb COPD; mijn dochter doet mijn was en helpt mij ook met de post, maar ze is op", (Subject.zelf, "u")),
        # The speaker asking where to apply is not the one it is for; "kan ik ... doen" still is.
        (
            "Mijn opa woont in een woonzorgcentrum en heeft een hoog-laagbed nodig. Vraag ik dat bij de Wmo aan?",
            (Subject.ander, "uw opa"),
        ),
        ("Sinds mijn operatie kan ik het huishouden niet meer doen", (Subject.zelf, "u")),
        # One who carries the other's care is the carer.
        ("Mijn vader is ernstig ziek. Ik kan de verzorging niet alleen aan.", (Subject.ander, "uw vader")),
        # A healthy partner, one who would do it but is ill too, a relative who lives elsewhere: not the one.
        ("Ik heb hartfalen. Mijn man is met pensioen en kerngezond.", (Subject.zelf, "u")),
        ("Ik heb reuma. Mijn vrouw zou het doen, maar zij krijgt zelf chemo.", (Subject.zelf, "u")),
        ("Ik ben blind. Mijn zus woont 15 kilometer verderop en met de bus kom ik daar niet.", (Subject.zelf, "u")),
        ("Mijn zus woont in een verpleeghuis en kan niet meer lopen", (Subject.ander, "uw zus")),
        ("Mijn ouders zijn 82 en 84 en wonen nog zelfstandig", (Subject.ander, "uw ouders")),
    ],
)
def test_who_it_is_for(text: str, meant: tuple[Subject, str] | None) -> None:
    assert who_is_meant(text) == meant


@pytest.mark.parametrize(
    "text, years",
    [
        ("ik ben 82 jaar", 82),
        ("mijn moeder van 82", 82),
        ("ze is 82", 82),
        ("hij is bijna 90", 90),
        ("mijn vader is al 93", 93),
        ("een 78-jarige vrouw", 78),
        ("ik ben een vrouw van 67", 67),
        ("ze is tachtig", 80),
        ("mijn moeder is bijna negentig", 90),
        ("hij wordt zevenentachtig", 87),
        ("ze is in de tachtig", 80),
        ("geboren in 1944", 82),
        ("mijn zoon van 15", 15),
        ("mijn vader (78) kan niet meer lopen", 78),
        ("ik ben zestien", 16),
        ("een zeventienjarige jongen", 17),
        ("ik vraag het voor een cliënt van 34", 34),
        ("een meisje van veertien", 14),
        ("ze is begin tachtig", 80),
        ("ze loopt tegen de 90", 90),
        ("een 85-plusser", 85),
        ("mijn vader, 92 jaar, woont alleen", 92),
        ("mijn moeder (93 jr)", 93),
        ("ze wordt volgende maand 90", 90),
        ("ik woon alleen, ben 91 en loop slecht", 91),
        ("ze is 2 weken ziek", None),
        ("hij is 3 keer gevallen", None),
        ("ik heb 3 kinderen", None),
        ("ik ben 300", None),
        ("mijn zoontje is zeven", 7),
        ("onze dochter (4, syndroom van Down) gaat naar de opvang", 4),
        ("ze is een vrouw van 80", 80),
        ("mijn dochter heeft een licht verstandelijke beperking en is zeventien", 17),
        ("de rekening is hoog en is 80 euro", None),
    ],
)
def test_an_age_in_any_phrasing(text: str, years: int | None) -> None:
    assert stated_years(text, today=date(2026, 12, 2)) == years


@pytest.mark.parametrize(
    "text, alone",
    [
        ("ik woon alleen", True),
        ("mijn moeder woont alleen", True),
        ("sinds kort woon ik alleen", True),
        ("ze woont sinds kort alleen", True),
        ("ik ben weduwe", True),
        ("hij is alleenstaand", True),
        ("mijn moeder woont niet alleen", False),
        ("ik ben alleen maar moe", False),
        ("ze is vaak alleen thuis", False),
        ("ze leeft alleen", True),
        ("hij woont op zichzelf", True),
        ("ze woont bij haar dochter, maar is vaak alleen", False),
        ("we wonen samen", False),
        ("na de opname gaat hij weer alleen wonen", True),
        ("ik wil niet alleen wonen", False),
    ],
)
def test_living_alone(text: str, alone: bool) -> None:
    assert lives_alone(text) is alone


@pytest.mark.parametrize(
    "text, duration",
    [
        ("ik heb al jaren reuma", Duration.lang),
        ("voor altijd, het gaat niet meer over", Duration.lang),
        ("na mijn operatie een paar weken", Duration.kort),
        ("tijdelijk, tot ik hersteld ben", Duration.kort),
        ("twee weken", Duration.kort),
        # A stretch of time ahead decides; a past one only when it is long already; an age is none.
        ("na mijn knieoperatie heb ik 2 maanden een rolstoel nodig", Duration.kort),
        ("ik heb de komende zes weken krukken nodig", Duration.kort),
        ("de dokter zegt voor 2 jaar, misschien langer", Duration.lang),
        ("ik heb al 8 maanden last van mijn rug", Duration.lang),
        ("sinds 3 weken kan ik niet lopen", None),
        ("ik ben 80 jaar en woon alleen", None),
        ("om de 2 weken komt mijn zoon", None),
        ("ik heb al jaren pijn en nu een paar weken krukken", None),
        ("een rolstoel", None),
        ("de neuroloog zegt dat het zo blijft", Duration.lang),
        # When a loan must go back is not how long it is needed; staying in a wheelchair is long.
        ("de leenrolstoel moet na drie maanden terug, maar hij blijft in een rolstoel", Duration.lang),
        ("ze zal nooit meer kunnen lopen", Duration.lang),
        ("de komende drie maanden heb ik een rolstoel nodig", Duration.kort),
    ],
)
def test_how_long_it_is_needed(text: str, duration: Duration | None) -> None:
    assert stated_duration(text) is duration


@pytest.mark.parametrize(
    "text, wlz, residence",
    [
        ("mijn moeder heeft een Wlz-indicatie", Wlz.indicatie, None),
        ("hij heeft een indicatie van het CIZ", Wlz.indicatie, None),
        ("ze woont in een verpleeghuis", Wlz.indicatie, Residence.instelling),
        ("hij heeft een Wlz-indicatie maar woont nog thuis", Wlz.indicatie, Residence.thuis),
        ("Wlz-indicatie, met een volledig pakket thuis", Wlz.indicatie, Residence.thuis),
        ("ze heeft een wlz-indicatie en een pgb", Wlz.indicatie, Residence.thuis),
        ("mijn moeder heeft geen Wlz-indicatie", Wlz.nee, None),
        ("zonder wlz", Wlz.nee, None),
        ("een wlz indicatie heeft ze niet", Wlz.nee, None),
        ("ik weet niet of ze een wlz-indicatie heeft", Wlz.onbekend, None),
        ("ze heeft een wlz-indicatie en kan niet meer douchen", Wlz.indicatie, None),
        # Blijvend toezicht dag en nacht is the Wlz's criterion, also before an indicatie.
        ("hij kan geen moment meer alleen zijn, ook 's nachts niet", Wlz.zorg_24_uur, None),
        ("ze heeft dag en nacht toezicht nodig", Wlz.zorg_24_uur, None),
        ("ze is vaak alleen en voelt zich eenzaam", None, None),
        ("hij heeft niet dag en nacht toezicht nodig", None, None),
        ("ook 's nachts moet er altijd iemand bij hem zijn", Wlz.zorg_24_uur, None),
        ("we durven haar geen minuut meer alleen te laten", Wlz.zorg_24_uur, None),
        # Someone near for one task, or a minute alone to shower, is no permanent toezicht.
        ("als ze douchet moet er altijd iemand bij zijn", None, None),
        ("'s nachts slaapt ze goed, overdag is er altijd iemand bij de hand", None, None),
        # A Wmo-indicatie for help in the house is no Wlz-indicatie.
        ("ik heb al een indicatie voor huishoudelijke hulp", None, None),
        ("ik heb een pgb voor begeleiding", None, None),
        ("hij heeft een indicatie van het CIZ en woont zelfstandig", Wlz.indicatie, Residence.thuis),
        ("ze woont gewoon bij haar ouders thuis", None, Residence.thuis),
        ("ik woon in mijn eigen huis", None, Residence.thuis),
        ("mijn vrouw heeft een Wlz-indicatie en krijgt thuis zorg via het zorgkantoor", Wlz.indicatie, Residence.thuis),
        ("ze krijgt haar zorg thuis", None, Residence.thuis),
        ("ik krijg thuis bezoek van mijn kinderen", None, None),
    ],
)
def test_an_existing_wlz_indicatie_and_where_its_holder_lives(
    text: str, wlz: Wlz | None, residence: Residence | None
) -> None:
    assert stated_wlz(text) is wlz and stated_residence(text) is residence


def test_own_age_is_not_the_age_of_the_one_it_is_for() -> None:
    text = "Mijn vrouw kan niet meer koken. Ik ben 72 en gezond."
    assert stated_years(text, for_other=True) is None and stated_years(text) == 72
    assert stated_years("ik ben zijn zoon, hij is 85", for_other=True) == 85


@pytest.mark.parametrize(
    "text, for_other, help_now",
    [
        ("ze is 90 en heeft niemand", "uw moeder", HelpNow.nee),
        ("ik ken hier niemand", None, HelpNow.nee),
        ("hij heeft geen netwerk", "uw broer", HelpNow.nee),
        ("ik sta er alleen voor", None, HelpNow.nee),
        ("ik betaal nu zelf een schoonmaakster, maar dat wordt te duur", None, HelpNow.zelf_betaald),
        ("ik help haar met de post en dat gaat prima", "uw moeder", HelpNow.netwerk_genoeg),
        ("ik doe haar boodschappen, maar het wordt me te zwaar", "uw moeder", HelpNow.netwerk_te_zwaar),
        # Others who help, for the resident or for the one it is for.
        ("mijn broer rijdt haar overal heen en dat gaat prima", "uw moeder", HelpNow.netwerk_genoeg),
        ("mijn ouders helpen me met plannen en dat gaat goed", None, HelpNow.netwerk_genoeg),
        ("de buren doen mijn boodschappen, dat lukt eigenlijk best goed", None, HelpNow.netwerk_genoeg),
        ("mijn dochter kookt voor hem, maar het wordt haar te veel", "uw vader", HelpNow.netwerk_te_zwaar),
        ("mijn man doet alles in huis, maar hij raakt overbelast", None, HelpNow.netwerk_te_zwaar),
        ("mijn zus helpt wel, maar dat gaat niet goed", None, None),
        # The resident's own help counts only for someone else; for oneself it is no network; the one
        # it is for managing alone is no help from others.
        ("ik doe alles zelf en dat gaat goed", None, None),
        ("mijn moeder doet alles zelf en dat gaat goed", "uw moeder", None),
        ("ik help hem, het gaat goed, maar het wordt me te veel", "uw vader", None),
        ("ze heeft hulp nodig bij de boodschappen", "uw moeder", None),
        ("mijn dochter komt elke dag, maar ze kan het niet meer bolwerken", None, HelpNow.netwerk_te_zwaar),
        ("de buurvrouw helpt, dat is geen probleem", None, HelpNow.netwerk_genoeg),
        # The verb first, a number of helpers, a helper named by a pronoun, a paid coach.
        ("sinds de val koken mijn twee dochters om de beurt en dat lukt prima", None, HelpNow.netwerk_genoeg),
        (
            "hij woont bij zijn zus. Ze helpt hem, maar ze houdt het niet vol, het wordt te veel",
            "uw broer",
            HelpNow.netwerk_te_zwaar,
        ),
        ("ik betaal zelf een begeleider voor mijn broer", "uw broer", HelpNow.zelf_betaald),
        ("ze doet alles zelf, maar het wordt haar te zwaar", "uw moeder", None),
        ("mijn nichtje komt elke week en regelt mijn post. Dat gaat heel goed", None, HelpNow.netwerk_genoeg),
        ("wij wonen in dezelfde straat en doen zijn was, dat gaat goed", "uw vader", HelpNow.netwerk_genoeg),
        ("ik werk fulltime en doe ook haar administratie, dat gaat eigenlijk wel", "uw moeder", HelpNow.netwerk_genoeg),
        ("mijn zus woont bij haar in en doet de boodschappen, dat gaat prima", "uw moeder", HelpNow.netwerk_genoeg),
        (
            "wij (80 en 82) deden altijd zijn geldzaken, maar we kunnen dat niet meer",
            "uw zoon",
            HelpNow.netwerk_te_zwaar,
        ),
        ("vrienden helpen soms maar die hebben ook hun eigen leven", None, HelpNow.netwerk_te_zwaar),
        ("familie heeft hij niet en de buren kent hij niet", "uw cliënt", HelpNow.nee),
        ("mijn broer deed de boodschappen, maar hij is naar Canada verhuisd", None, HelpNow.nee),
        ("het gaat wel niet goed met haar", "uw moeder", None),
    ],
)
def test_help_from_others_as_the_opening_says_it(text: str, for_other: str | None, help_now: HelpNow | None) -> None:
    assert stated_help(text, for_other) is help_now


@pytest.mark.parametrize(
    "text, has_it",
    [
        ("ik heb vorige maand zelf een scootmobiel gekocht", (HasIt.zelf_geregeld, None)),
        ("we hebben al een traplift laten plaatsen", (HasIt.zelf_geregeld, None)),
        ("de rolstoel van mijn vrouw is na acht jaar versleten", (HasIt.oude_versleten, "rolstoel")),
        ("mijn oude doet het nog prima", (HasIt.oude_werkt, "oude")),
        ("ik heb een scootmobiel van de gemeente die het nog prima doet", (HasIt.oude_werkt, None)),
        ("een rollator die nog goed werkt, maar ik wil een lichtere", (HasIt.oude_werkt, None)),
        ("een scootmobiel die het niet meer doet", None),
        ("haar knieen zijn versleten", (HasIt.oude_versleten, "knieen")),  # the dialogue drops a body part
        ("ik wil een scootmobiel kopen", None),
        ("mijn oude rolstoel werkt nog, maar hij is te klein geworden", None),
        ("vorig jaar heb ik een douchestoel gekocht", (HasIt.zelf_geregeld, None)),
        ("heeft ze nog nooit een rollator gekocht", None),
        ("hij doet het nog prima met zijn stok, maar buiten lukt het niet", None),
        ("ik heb al een rollator, die werkt nog goed", (HasIt.oude_werkt, None)),
        ("de handbewogen rolstoel van mijn moeder is aan vervanging toe", (HasIt.oude_versleten, "rolstoel")),
        ("gisteren is de scootmobiel van mijn vader voor de deur gestolen", (HasIt.oude_versleten, "scootmobiel")),
        ("haar oude rolstoel krijgt ze zelf niet meer vooruit", (HasIt.oude_versleten, "rolstoel")),
        # A loan that goes back is no aid of one's own.
        ("hij heeft een rolstoel te leen van de thuiszorgwinkel, maar die moet terug", (HasIt.nee, None)),
        ("een geleende douchestoel die ik volgende week moet inleveren", (HasIt.nee, None)),
        ("ik heb de rollator zelf gekocht, de leenkrukken gaan terug", (HasIt.nee, None)),
    ],
)
def test_what_is_there_already(text: str, has_it: tuple[HasIt, str | None] | None) -> None:
    assert stated_has_it(text) == has_it


@pytest.mark.parametrize(
    "text, for_other, healthy",
    [
        ("mijn man is gezond en zou het kunnen", None, True),
        ("ik ben 72 en gezond", "uw vrouw", True),
        ("ik ben zelf gezond", "uw moeder", False),  # a daughter does not live in by being healthy
        ("mijn moeder woont bij ons in; ik ben zelf gezond", "uw moeder", True),
        ("mijn zoon is gezond", None, False),  # he may live elsewhere
        ("mijn zoon van 45 woont bij mij in en is gezond", None, True),
        ("mijn dochter woont nog thuis en is kerngezond", None, True),
        ("mijn gezonde man werkt fulltime", None, True),
        ("mijn man is ziek", None, False),
        ("mijn man is ziek en mijn zoon is gezond", None, False),
        ("ik woon samen met mijn gezonde vriend", None, True),
        ("mijn vriendin is gezond maar werkt in ploegendienst", None, True),
        ("mijn man is met pensioen en kerngezond", None, True),
        ("mijn man is met pensioen en niet gezond", None, False),
    ],
)
def test_a_healthy_housemate(text: str, for_other: str | None, healthy: bool) -> None:
    assert healthy_housemate(text, for_other) is healthy


@pytest.mark.parametrize(
    "text, tried",
    [
        ("het steunpunt mantelzorg heb ik al geprobeerd maar dat is niet genoeg", True),
        ("ik ben al bij het buurthuis geweest, dat hielp niet", True),
        ("de maaltijdservice gebruik ik al, maar het is te weinig", True),
        ("ik heb het buurthuis nog niet geprobeerd", False),
        ("het buurthuis is niet genoeg voor mij", False),
    ],
)
def test_walk_in_help_tried_without_result(text: str, tried: bool) -> None:
    assert tried_general(text) is tried


@pytest.mark.parametrize(
    "text, safe",
    [
        ("ik heb geen huis meer, ik slaap nu bij een vriend op de bank", YesNo.ja),
        ("ze logeert voorlopig bij haar zus", YesNo.ja),
        ("ik weet niet waar ik vannacht moet slapen", YesNo.nee),
        ("hij slaapt op straat", YesNo.nee),
        ("ik raak mijn huis kwijt", None),
        ("mijn huis ben ik kwijt en ik heb geen idee waar ik vannacht moet slapen", YesNo.nee),
        ("we hebben geen flauw idee waar we vanavond kunnen slapen", YesNo.nee),
        ("ik heb geen idee waar ik volgende maand ga wonen", None),
    ],
)
def test_a_safe_bed_tonight(text: str, safe: YesNo | None) -> None:
    assert stated_safe_tonight(text) is safe


@pytest.mark.parametrize(
    "text, for_other, healthy",
    [
        ("ik ben kerngezond, maar ik wil mensen ontmoeten", False, True),
        ("ik mankeer niks", False, True),
        ("hij is gezond maar wil een scootmobiel", True, True),
        ("ik ben 72 en gezond", True, False),  # the resident, not the one it is for
        ("ze is gezond van geest, maar lopen gaat niet", True, False),
        ("ben 35 en mankeer verder niks", False, True),
        ("mijn vrouw en ik zijn nog kerngezond", False, True),
        ("we zijn niet gezond meer", False, False),
        ("werk 50 uur in de week, ben 38 en gezond", False, True),
        ("gezond ben ik wel, maar ik zit maar thuis", False, True),
        ("mijn vrouw en ik zijn 74 en mankeren niks", False, True),
        # Not healthy, or only the mind: no such statement.
        ("ben 38 en niet gezond", False, False),
        ("ben gezond van geest maar mijn benen willen niet", False, False),
        ("gezond ben ik niet meer", False, False),
        ("we mankeren allebei wat", False, False),
    ],
)
def test_no_illness_or_limitation(text: str, for_other: bool, healthy: bool) -> None:
    assert stated_healthy(text, for_other) is healthy


@pytest.mark.parametrize(
    "text, no_partner",
    [
        ("mijn man heeft zelf een hartziekte, hij kan het niet", True),
        ("mijn vrouw is ook ziek", True),
        ("mijn vrouw is vorig jaar overleden", True),
        ("mijn man is gezond", False),
        ("mijn man heeft MS", False),  # he may be the one it is for
        ("mijn vrouw zou het doen, maar zij krijgt zelf chemo", True),
        ("mijn vrouw zou het doen, maar zij heeft vakantie", False),
    ],
)
def test_a_partner_who_cannot_take_over(text: str, no_partner: bool) -> None:
    assert no_partner_to_help(text) is no_partner


@pytest.mark.parametrize(
    "text, limitation, weighs_begeleiding",
    [
        ("mijn vader wordt steeds vergeetachtiger", Limitation.psychisch, True),
        ("hij heeft verstandelijk beperking", Limitation.psychisch, True),
        ("mijn man heeft parkinsson", Limitation.lichamelijk, False),
        ("ik heb geen beperking, ik vind lopen gewoon vervelend", None, False),
        ("ze heeft geen ziekte of handicap, maar wel dementie", Limitation.psychisch, True),
        ("mijn broer komt volgende week uit een afkickkliniek", Limitation.psychisch, True),
        ("ik ga naar de kliniek voor mijn knie", Limitation.lichamelijk, False),
    ],
)
def test_the_cause_in_other_forms_and_denied(
    needs: Needs, text: str, limitation: Limitation | None, weighs_begeleiding: bool
) -> None:
    assert needs.limitation(text) is limitation and needs.weighs_begeleiding(text) is weighs_begeleiding


@pytest.mark.parametrize(
    "text, manages",
    [
        ("ik heb autisme, ik woon zelfstandig en red me prima", True),
        ("ze wordt vergeetachtig, maar ze redt zich nog", True),
        # Not managing, or not yet, says the opposite.
        ("ze redt zich niet meer", False),
        ("hij redt zich nog niet alleen", False),
        ("ze kan zich niet meer redden", False),
    ],
)
def test_managing_on_ones_own_is_read_and_not_its_negation(text: str, manages: bool) -> None:
    assert manages_self(text) is manages
