"""What residents say outright in their own words, read so the check does not ask it again; and
what stays unread when the words are unclear or point both ways."""

from datetime import date

import pytest

from bot.triage.model import Duration, HasIt, HelpNow, Residence, Subject, Wlz
from bot.triage.statements import (
    healthy_partner,
    lives_alone,
    stated_duration,
    stated_has_it,
    stated_help,
    stated_residence,
    stated_wlz,
    stated_years,
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
        ("mijn moeder is gezond van geest, maar ze kan niet meer lopen", (Subject.ander, "uw moeder")),
        # Both: the partner is ill and the resident cannot manage; the check asks.
        ("mijn man is ziek en ik kan het huishouden niet alleen", None),
        ("hulp bij het huishouden", None),
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
        ("ze is 2 weken ziek", None),
        ("hij is 3 keer gevallen", None),
        ("ik heb 3 kinderen", None),
        ("ik ben 300", None),
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
        ("we wonen samen", False),
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
        ("ik heb al jaren pijn en nu een paar weken krukken", None),
        ("een rolstoel", None),
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
        # A Wmo-indicatie for help in the house is no Wlz-indicatie.
        ("ik heb al een indicatie voor huishoudelijke hulp", None, None),
        ("ik heb een pgb voor begeleiding", None, None),
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
        ("ze is 90 en heeft niemand", True, HelpNow.nee),
        ("ik ken hier niemand", False, HelpNow.nee),
        ("hij heeft geen netwerk", True, HelpNow.nee),
        ("ik sta er alleen voor", False, HelpNow.nee),
        ("ik betaal nu zelf een schoonmaakster, maar dat wordt te duur", False, HelpNow.zelf_betaald),
        ("ik help haar met de post en dat gaat prima", True, HelpNow.netwerk_genoeg),
        ("ik doe haar boodschappen, maar het wordt me te zwaar", True, HelpNow.netwerk_te_zwaar),
        # The resident's own help counts only for someone else; for oneself it is no network.
        ("ik doe alles zelf en dat gaat goed", False, None),
        ("ik help hem, het gaat goed, maar het wordt me te veel", True, None),
        ("ze heeft hulp nodig bij de boodschappen", True, None),
    ],
)
def test_help_from_others_as_the_opening_says_it(text: str, for_other: bool, help_now: HelpNow | None) -> None:
    assert stated_help(text, for_other) is help_now


@pytest.mark.parametrize(
    "text, has_it",
    [
        ("ik heb vorige maand zelf een scootmobiel gekocht", (HasIt.zelf_geregeld, None)),
        ("we hebben al een traplift laten plaatsen", (HasIt.zelf_geregeld, None)),
        ("de rolstoel van mijn vrouw is na acht jaar versleten", (HasIt.oude_versleten, "rolstoel")),
        ("mijn oude doet het nog prima", (HasIt.oude_werkt, "oude")),
        ("haar knieen zijn versleten", (HasIt.oude_versleten, "knieen")),  # the dialogue drops a body part
        ("ik wil een scootmobiel kopen", None),
        ("mijn oude rolstoel werkt nog, maar hij is te klein geworden", None),
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
        ("mijn zoon is gezond", None, False),
        ("mijn man is ziek", None, False),
    ],
)
def test_a_healthy_partner_in_the_house(text: str, for_other: str | None, healthy: bool) -> None:
    assert healthy_partner(text, for_other) is healthy
