"""The triage's rules, table-driven: each scenario is one line a Wmo consultant can read and check.

A scenario gives only the answers a resident would be asked for in that situation; the test also
checks that the triage asks exactly those, no more (the fewest questions) and no fewer.
"""

from collections import Counter

import pytest

from bot.catalogue.models import CatalogueFile
from bot.crisis import CrisisKind
from bot.triage.advice import Advice
from bot.triage.model import Outcome, Question, Reason, TriageAnswers, TriageResult
from bot.triage.needs import Needs
from bot.triage.rules import assess

# (situation, answers, expected outcome, a reason the estimate must give)
# answers: question=value pairs; who asks is "zelf" unless said; flags: ordinary, pays_self, crisis=kind.
SCENARIOS = [
    # Urgent need goes before everything else.
    ("Vertelt dat haar partner haar slaat", "crisis=geweld", "spoed", "crisis"),
    ("Schrijft dat hij niet meer wil leven", "crisis=zelfdoding", "spoed", "crisis"),
    ("Mantelzorger schrijft dat ze op is", "crisis=overbelast", "spoed", "crisis"),
    (
        "Zoekt onderdak en heeft vannacht geen veilige slaapplek",
        "need=onderdak safe_tonight=nee",
        "spoed",
        "geen_slaapplek",
    ),
    # Wet langdurige zorg.
    ("Wil huishoudelijke hulp en heeft een Wlz-indicatie", "need=huishouden wlz=indicatie", "wlz", "wlz_indicatie"),
    (
        "Vader heeft dag en nacht toezicht nodig en vraagt begeleiding",
        "subject=ander need=begeleiding age=ouder wlz=zorg_24_uur",
        "wlz",
        "wlz_zorg_24_uur",
    ),
    (
        "Woont in een verpleeghuis en wil een rolstoel voor lange tijd",
        "need=rolstoel duration=lang wlz=indicatie",
        "wlz",
        "wlz_indicatie",
    ),
    (
        "Zoekt dagbesteding voor moeder met een Wlz-indicatie",
        "subject=ander need=dagbesteding age=ouder wlz=indicatie",
        "wlz",
        "wlz_indicatie",
    ),
    (
        "Mantelzorger zoekt logeeropvang; zijn vrouw heeft een Wlz-indicatie",
        "need=mantelzorg wlz=indicatie",
        "wlz",
        "wlz_indicatie",
    ),
    # Zorgverzekering: medical care and aids for a short time.
    ("Heeft wondverzorging thuis nodig", "need=medisch", "zorgverzekering", "zvw_medisch"),
    (
        "Dochter vraagt hulp bij de insuline van haar moeder",
        "subject=ander need=medisch",
        "zorgverzekering",
        "zvw_medisch",
    ),
    (
        "Kan zich na een heupoperatie niet zelf wassen",
        "need=verzorging medical=ja",
        "zorgverzekering",
        "zvw_verzorging",
    ),
    (
        "Heeft zes weken een rolstoel nodig met een gebroken been",
        "need=rolstoel duration=kort",
        "zorgverzekering",
        "zvw_kortdurend",
    ),
    ("Heeft krukken nodig na een operatie", "need=hulpmiddel duration=kort", "zorgverzekering", "zvw_kortdurend"),
    (
        "Wil een scootmobiel voor een paar maanden revalidatie",
        "need=scootmobiel duration=kort",
        "zorgverzekering",
        "zvw_kortdurend",
    ),
    # Jeugdwet: begeleiding, dagbesteding and beschermd wonen under 18.
    (
        "Zoon van 15 heeft begeleiding nodig bij structuur",
        "subject=ander need=begeleiding age=jonger",
        "jeugdwet",
        "jeugdwet",
    ),
    ("Dochter van 16 zoekt dagbesteding", "subject=ander need=dagbesteding age=jonger", "jeugdwet", "jeugdwet"),
    (
        "Jongere van 17 met psychische problemen zoekt beschermd wonen",
        "need=beschermd_wonen age=jonger",
        "jeugdwet",
        "jeugdwet",
    ),
    ("Meisje van 14 voelt zich eenzaam", "subject=ander need=contact age=jonger", "jeugdwet", "jeugdwet"),
    (
        "Kind van 9 moet bij wassen geholpen worden, niet door ziekte",
        "subject=ander need=verzorging medical=nee age=jonger",
        "jeugdwet",
        "jeugdwet",
    ),
    # Aids and home adaptations for children stay Wmo: age is not even asked.
    (
        "Kind van 10 heeft blijvend een rolstoel nodig",
        "subject=ander need=rolstoel duration=lang wlz=nee has_it=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    (
        "Ouders willen de badkamer aanpassen voor hun kind in een rolstoel",
        "subject=ander need=woning wlz=nee has_it=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    # Eigen kracht: already there, something anyone buys, a healthy housemate, the network.
    (
        "Heeft de traplift al zelf laten plaatsen",
        "need=woning wlz=nee has_it=zelf_geregeld",
        "eigen_kracht",
        "al_geregeld",
    ),
    (
        "Vraagt een nieuwe scootmobiel, de oude werkt nog goed",
        "need=scootmobiel duration=lang wlz=nee has_it=oude_werkt",
        "eigen_kracht",
        "vervanging_niet_nodig",
    ),
    ("Wil een magnetron via de Wmo", "need_text=magnetron ordinary", "eigen_kracht", "algemeen_gebruikelijk"),
    (
        "Wil een thermostaatkraan in de douche",
        "need_text=thermostaatkraan ordinary",
        "eigen_kracht",
        "algemeen_gebruikelijk",
    ),
    (
        "Gezonde partner kan het huishouden doen, ook al werkt hij",
        "need=huishouden wlz=nee help_now=nee housemate=ja",
        "eigen_kracht",
        "gebruikelijke_hulp",
    ),
    (
        "Volwassen zoon woont thuis en kan de administratie doen",
        "need=begeleiding age=ouder wlz=nee help_now=nee housemate=ja",
        "eigen_kracht",
        "gebruikelijke_hulp",
    ),
    (
        "Dochter doet de boodschappen en dat gaat goed",
        "need=boodschappen wlz=nee help_now=netwerk_genoeg",
        "eigen_kracht",
        "netwerk_helpt",
    ),
    (
        "Heeft zelf al een schoonmaakster ingehuurd",
        "need=huishouden wlz=nee help_now=zelf_betaald",
        "eigen_kracht",
        "al_geregeld",
    ),
    (
        "Buren rijden haar naar de stad en dat gaat prima",
        "need=vervoer wlz=nee help_now=netwerk_genoeg",
        "eigen_kracht",
        "netwerk_helpt",
    ),
    (
        "Zoon kookt elke dag voor zijn vader",
        "subject=ander need=maaltijden wlz=nee help_now=netwerk_genoeg",
        "eigen_kracht",
        "netwerk_helpt",
    ),
    # Algemene voorzieningen come before maatwerk.
    (
        "Kan niet meer koken, woont alleen, kent de maaltijdservice nog niet",
        "need=maaltijden wlz=nee help_now=nee housemate=nee general=nog_niet",
        "algemene_voorziening",
        "algemene_voorziening_eerst",
    ),
    (
        "Kan geen boodschappen meer doen, nog geen boodschappendienst geprobeerd",
        "need=boodschappen wlz=nee help_now=nee housemate=nee general=nog_niet",
        "algemene_voorziening",
        "algemene_voorziening_eerst",
    ),
    (
        "Lamp ophangen en de tuin lukken niet meer",
        "need=klussen help_now=nee housemate=nee general=nog_niet",
        "algemene_voorziening",
        "algemene_voorziening_eerst",
    ),
    (
        "Voelt zich eenzaam sinds haar man overleed",
        "need=contact age=ouder wlz=nee help_now=nee general=nog_niet",
        "algemene_voorziening",
        "algemene_voorziening_eerst",
    ),
    (
        "Loopt vast met post en formulieren",
        "need=begeleiding age=ouder wlz=nee help_now=nee housemate=nee general=nog_niet",
        "algemene_voorziening",
        "algemene_voorziening_eerst",
    ),
    (
        "Mantelzorger zoekt steun en was nog niet bij het steunpunt",
        "need=mantelzorg wlz=nee help_now=nee general=nog_niet",
        "algemene_voorziening",
        "algemene_voorziening_eerst",
    ),
    # Maatwerk may fit: a melding at the wijkteam.
    (
        "Woont alleen, kan de trap niet meer op, nog niets geregeld",
        "need=woning wlz=nee has_it=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    (
        "Moeder van 95 wil een traplift: ouder worden is geen reden om te weigeren",
        "subject=ander need=woning wlz=nee has_it=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    (
        "Kan het huishouden niet meer, woont alleen, niemand helpt",
        "need=huishouden wlz=nee help_now=nee housemate=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    (
        "Dochter helpt in het huishouden, maar het wordt haar te zwaar",
        "need=huishouden wlz=nee help_now=netwerk_te_zwaar housemate=nee",
        "maatwerk_mogelijk",
        "netwerk_overbelast",
    ),
    (
        "Sociaal raadslieden hielpen niet genoeg, de administratie is een chaos",
        "need=begeleiding age=ouder wlz=nee help_now=nee housemate=nee general=niet_genoeg",
        "maatwerk_mogelijk",
        "algemene_voorziening_niet_genoeg",
    ),
    (
        "Heeft blijvend een rolstoel nodig",
        "need=rolstoel duration=lang wlz=nee has_it=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    (
        "De oude scootmobiel is versleten",
        "need=scootmobiel duration=lang wlz=nee has_it=oude_versleten",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    (
        "Kan niet met het openbaar vervoer en niemand kan rijden",
        "need=vervoer wlz=nee help_now=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    (
        "Vader met dementie: het buurthuis is niet genoeg",
        "subject=ander need=dagbesteding age=ouder wlz=nee help_now=nee general=niet_genoeg",
        "maatwerk_mogelijk",
        "algemene_voorziening_niet_genoeg",
    ),
    (
        "Volwassene met psychische problemen kan niet zelfstandig wonen",
        "need=beschermd_wonen age=ouder wlz=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    (
        "Vergeet zich te wassen door dementie en woont alleen",
        "need=verzorging medical=nee age=ouder wlz=nee help_now=nee housemate=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    (
        "Kan de traplift zelf betalen: dat is geen reden om te weigeren",
        "need=woning wlz=nee has_it=nee pays_self",
        "maatwerk_mogelijk",
        "zelf_betalen_geen_grond",
    ),
    (
        "Weet niet of de Wlz past; het huishouden lukt niet en niemand helpt",
        "need=huishouden wlz=onbekend help_now=nee housemate=nee",
        "maatwerk_mogelijk",
        "wlz_onbekend",
    ),
    (
        "Weet nog niet hoe lang de rolstoel nodig is",
        "need=rolstoel duration=onbekend wlz=nee has_it=nee",
        "maatwerk_mogelijk",
        "duur_onbekend",
    ),
    (
        "Heeft vannacht een slaapplek, maar raakt de woning kwijt",
        "need=onderdak safe_tonight=ja",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
    ("Iets anders, en niemand helpt", "need=anders wlz=nee help_now=nee", "maatwerk_mogelijk", "geen_eigen_oplossing"),
    (
        "Scootmobiel: of rijden veilig kan, beoordeelt de gemeente; de check weigert niet op een vermoeden",
        "need=scootmobiel duration=lang wlz=nee has_it=nee",
        "maatwerk_mogelijk",
        "geen_eigen_oplossing",
    ),
]


def given(spec: str) -> dict[str, str]:
    """The scenario's answers by question name, its flags, and "subject" unless it is a crisis."""
    values = dict(part.partition("=")[::2] for part in spec.split())
    return values if "crisis" in values else {"subject": "zelf", **values}


def answers_from(spec: str) -> TriageAnswers:
    values = given(spec)
    crisis = tuple(CrisisKind(kind) for kind in filter(None, [values.get("crisis")]))
    slots = {Question[name].value: value for name, value in values.items() if name in Question.__members__}
    return TriageAnswers.from_slots(
        slots, crisis=crisis, ordinary_product="ordinary" in values, pays_self="pays_self" in values
    )


def asked_for(spec: str) -> set[Question]:
    return {Question[name] for name in given(spec) if name in Question.__members__}


def result_of(spec: str, needs: Needs) -> TriageResult:
    """The result of the triage on the scenario's answers, which must have one."""
    result = assess(answers_from(spec), needs).result
    assert result is not None, f"no result for {spec}"
    return result


@pytest.mark.parametrize("situation, spec, outcome, reason", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario(needs: Needs, situation: str, spec: str, outcome: str, reason: str) -> None:
    assessment = assess(answers_from(spec), needs)
    assert assessment.next_question is None, f"would still ask {assessment.next_question}"
    assert assessment.result is not None
    assert assessment.result.outcome is Outcome(outcome)
    assert Reason(reason) in assessment.result.reasons
    assert set(assessment.answered) == asked_for(spec), "asks other questions than this situation needs"


def test_at_least_forty_scenarios_cover_every_outcome_and_every_reason() -> None:
    counts = Counter(outcome for _, _, outcome, _ in SCENARIOS)
    print("\nscenarios per outcome:", dict(counts))
    assert len(SCENARIOS) >= 40
    assert set(counts) == {outcome.value for outcome in Outcome}
    assert {reason for _, _, _, reason in SCENARIOS} == {reason.value for reason in Reason}


# The catalogue's exclusion grounds, by a phrase of each, and the reasons the check gives for them.
GROUNDS = {
    "U hebt het al": {Reason.al_geregeld},
    "algemeen gebruikelijk": {Reason.algemeen_gebruikelijk},
    "mensen om u heen": {Reason.netwerk_helpt, Reason.gebruikelijke_hulp, Reason.algemene_voorziening_eerst},
    "andere wet": {
        Reason.wlz_indicatie,
        Reason.wlz_zorg_24_uur,
        Reason.zvw_medisch,
        Reason.zvw_kortdurend,
        Reason.jeugdwet,
    },
    "het oude nog goed werkt": {Reason.vervanging_niet_nodig},
    "verpleeghuis": {Reason.wlz_indicatie},
    # Unsafe or foreseeable: only the onderzoek can judge that. The check never guesses it, and never
    # on age (the scootmobiel and the 95-year-old's traplift above stay maatwerk_mogelijk).
    "onveilig": set(),
}


def test_every_exclusion_ground_in_the_catalogue_has_its_scenarios(catalogue_file: CatalogueFile, needs: Needs) -> None:
    given = {reason for _, spec, _, _ in SCENARIOS for reason in result_of(spec, needs).reasons}
    for ground in catalogue_file.exclusion_grounds:
        phrases = [phrase for phrase in GROUNDS if phrase in ground.text]
        assert len(phrases) == 1, f"no single scenario group for: {ground.text}"
        assert GROUNDS[phrases[0]] <= given


@pytest.mark.parametrize("situation, spec, outcome, reason", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_being_able_to_pay_never_changes_the_outcome(
    needs: Needs, situation: str, spec: str, outcome: str, reason: str
) -> None:
    toggled = spec.replace(" pays_self", "") if "pays_self" in spec else f"{spec} pays_self"
    assert result_of(toggled, needs).outcome is Outcome(outcome)


def test_age_is_only_asked_where_the_jeugdwet_could_apply(needs: Needs) -> None:
    for _, spec, _, _ in SCENARIOS:
        answers = answers_from(spec)
        if Question.age in assess(answers, needs).answered:
            assert answers.need is not None
            assert needs[answers.need].youth


@pytest.mark.parametrize("situation, spec, outcome, reason", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_every_estimate_says_it_is_no_decision_or_gives_urgent_help(
    needs: Needs, advice: Advice, situation: str, spec: str, outcome: str, reason: str
) -> None:
    text = advice.message(result_of(spec, needs))
    if outcome == "spoed":
        assert "112" in text
    else:
        assert "eerste inschatting, geen besluit" in text and "De gemeente beslist" in text
        assert "Bron: " in text


def test_the_check_asks_one_question_at_a_time_in_the_wmo_order(needs: Needs) -> None:
    slots = {Question.subject.value: "zelf", Question.need.value: "huishouden"}
    order: list[Question] = []
    while True:
        step = assess(TriageAnswers.from_slots(slots), needs)
        if step.result:
            break
        question = step.next_question
        assert question is not None, "no result and no next question"
        order.append(question)
        slots[question.value] = {Question.wlz: "nee", Question.help_now: "nee", Question.housemate: "nee"}[question]
    assert order == [Question.wlz, Question.help_now, Question.housemate]
    assert step.result.outcome is Outcome.maatwerk_mogelijk and step.result.provisions == (
        "huishoudelijke_ondersteuning",
    )
