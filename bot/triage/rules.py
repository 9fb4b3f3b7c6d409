"""The triage's decision rules: from the answers so far to the next question or a first estimate.

The order is the Wmo's own. Urgent need goes first. Then care that another law or the health
insurer provides (Wmo 2015 art. 2.3.5 lid 5 and 6; the Jeugdwet under 18). Then what the resident
already has, can buy like anyone else, or gets from the people around them (art. 2.3.5 lid 3).
Then algemene voorzieningen, and only then maatwerk; and maatwerk only for a need that a limitation
causes (illness, disability, old age, psychological problems). Each step asks only what it needs,
so a resident answers the fewest questions. Age alone never excludes anyone, and being able to pay is
never a ground. The estimate is never a decision: the municipality decides after its onderzoek.
"""

from collections.abc import Callable
from typing import Any

from bot.crisis.signals import CrisisKind
from bot.triage.model import (
    Age,
    Assessment,
    Duration,
    General,
    HasIt,
    HelpNow,
    Limitation,
    Outcome,
    Question,
    Reason,
    Residence,
    Subject,
    TriageAnswers,
    TriageResult,
    Wlz,
    YesNo,
)
from bot.triage.needs import Needs
from bot.triage.statements import without_treatment


class _UnansweredError(Exception):
    def __init__(self, question: Question) -> None:
        super().__init__(question.value)
        self.question = question


def assess(answers: TriageAnswers, needs: Needs) -> Assessment:
    """The questions answered on the way, and the next question or the result."""
    answered: list[Question] = []

    def answer(question: Question) -> Any:
        value = answers.get(question)
        if value is None:
            raise _UnansweredError(question)
        answered.append(question)
        return value

    try:
        result = _decide(answers, needs, answer)
    except _UnansweredError as missing:
        return Assessment(tuple(answered), next_question=missing.question)
    return Assessment(tuple(answered), result=result)


def _decide(a: TriageAnswers, needs: Needs, answer: Callable[[Question], Any]) -> TriageResult:
    # Danger signalled anywhere in the conversation makes it urgent (art. 2.3.3), before any question.
    if a.crisis or a.danger:
        return TriageResult(Outcome.spoed, (Reason.crisis,), crisis=a.crisis)
    answer(Question.subject)
    if a.need is None:
        answer(Question.need_text)
    if a.ordinary_product and a.need is None:
        return TriageResult(Outcome.eigen_kracht, (Reason.algemeen_gebruikelijk,), item=a.item)
    need = needs[answer(Question.need)]
    # An aid for a short time is lent through the health insurer, even one anyone buys: the duration
    # said decides before algemeen gebruikelijk (Besluit zorgverzekering art. 2.9; uitleen).
    if need.aid and a.duration is Duration.kort:
        answer(Question.duration)
        return TriageResult(Outcome.zorgverzekering, (Reason.zvw_kortdurend,))
    if a.ordinary_product and need.items:
        return TriageResult(Outcome.eigen_kracht, (Reason.algemeen_gebruikelijk,), item=a.item)

    # Acute need and care that is not the Wmo's come first.
    if need.shelter and answer(Question.safe_tonight) is YesNo.nee:
        return TriageResult(Outcome.spoed, (Reason.geen_slaapplek,), crisis=(CrisisKind.dakloos,))
    if need.recovery_stay:  # herstellen na het ziekenhuis: eerstelijnsverblijf, not Wmo-kortdurend verblijf
        return TriageResult(Outcome.zorgverzekering, (Reason.zvw_eerstelijnsverblijf,))
    if need.medical:
        return TriageResult(Outcome.zorgverzekering, (Reason.zvw_medisch,))
    if need.insured_aid:  # a hearing aid, incontinence material: the Zvw's hulpmiddelenzorg
        return TriageResult(Outcome.zorgverzekering, (Reason.zvw_hulpmiddel,))
    if needs.zvw_care(need, a.need_text):  # to dialysis or chemo: zittend ziekenvervoer (Bzv art. 2.14)
        return TriageResult(Outcome.zorgverzekering, (Reason.zvw_ziekenvervoer,))
    limitation = None
    # With a Wlz-indicatie said, or care day and night, personal care and begeleiding are Wlz care, for a
    # child too: the Wlz goes before the Zvw's wijkverpleging and before the Jeugdwet (Wlz art. 3.1.1 lid 1,
    # art. 3.2.1: blijvend permanent toezicht or 24 uur per dag zorg in de nabijheid; Wmo 2015 art. 2.3.5 lid 6).
    wlz_said = a.wlz in (Wlz.indicatie, Wlz.zorg_24_uur)
    if need.personal_care and not wlz_said:
        if answer(Question.medical) is YesNo.ja:
            return TriageResult(Outcome.zorgverzekering, (Reason.zvw_verzorging,))
        limitation = Limitation.psychisch  # reminding and urging: a problem with regie, not the body
    notes: list[Reason] = []
    if need.aid:
        duration = answer(Question.duration)
        if duration is Duration.kort:
            return TriageResult(Outcome.zorgverzekering, (Reason.zvw_kortdurend,))
        if duration is Duration.onbekend:
            notes.append(Reason.duur_onbekend)
    # Opvoedhulp is jeugdhulp for the parents, and pleegzorg goes on to 21 (Jeugdwet art. 1.1).
    if need.youth and not wlz_said and (needs.youth_care(need, a.need_text) or _minor(a, answer)):
        return TriageResult(Outcome.jeugdwet, (Reason.jeugdwet,))
    # Maatwerk is for a need that a limitation causes (art. 1.1.1, 2.3.2 lid 4), not a chore one dislikes.
    # A Wlz-indicatie, or care day and night, already says there is one.
    if need.limitation and limitation is None and a.wlz not in (Wlz.indicatie, Wlz.zorg_24_uur):
        limitation = answer(Question.limitation)
    if limitation is Limitation.geen:
        # Walk-in help that is there for everyone (ontmoeting) needs no limitation (art. 1.1.1, 2.2.3).
        general = needs.algemeen(need)
        tried = a.general is not None and answer(Question.general) is General.niet_genoeg
        if need.open_to_all and general and not tried:
            return TriageResult(Outcome.algemene_voorziening, (Reason.voor_iedereen,), general)
        return TriageResult(Outcome.eigen_kracht, (Reason.geen_beperking,))
    maatwerk = needs.maatwerk(need)
    # Transport to the Wlz dagbesteding is Wlz care itself; transport to friends is not (Wlz art. 3.1.1).
    wlz_care = needs.wlz_care(need, a.need_text)
    at_home_wmo = need.wlz_at_home and not wlz_care
    # Opvang is there whatever else someone has, so the Wlz is no question for shelter.
    if (maatwerk or not need.provisions) and not need.shelter:
        wlz = answer(Question.wlz)
        if wlz is Wlz.indicatie:
            # At home, aids and adaptations stay with the Wmo (art. 8.6a onder a), and so does transport,
            # which the Wlz does not give; household help and begeleiding do not (since 2017, Stb. 2016, 514).
            residence = answer(Question.residence) if at_home_wmo else None
            # In an instelling without behandeling a mobility aid stays with the Wmo (art. 8.6a onder b):
            # said so ("een kleine woonvorm, zonder behandeling"), maatwerk stays open; else the note says it.
            small_home = need.mobility and residence is Residence.instelling and without_treatment(a.need_text)
            if residence is not Residence.thuis and not small_home:
                mobility = (Reason.wlz_instelling_mobiliteit,) if need.mobility else ()
                care = (Reason.wlz_vervoer_dagbesteding,) if wlz_care else ()
                return TriageResult(Outcome.wlz, (Reason.wlz_indicatie, *mobility, *care))
            notes.append(Reason.wlz_instelling_mobiliteit if small_home else Reason.wlz_thuis_wmo)
        if wlz is Wlz.zorg_24_uur:
            if not at_home_wmo:
                return TriageResult(Outcome.wlz, (Reason.wlz_zorg_24_uur,))
            notes.append(Reason.wlz_zorg_24_uur)
        if wlz is Wlz.onbekend:
            notes.append(Reason.wlz_onbekend)

    # Eigen kracht: what is already there, and the people around the resident.
    if need.has_it:
        has_it = answer(Question.has_it)
        if has_it is HasIt.zelf_geregeld:
            return TriageResult(Outcome.eigen_kracht, (Reason.al_geregeld,))
        if has_it is HasIt.oude_werkt:
            return TriageResult(Outcome.eigen_kracht, (Reason.vervanging_niet_nodig,))
    alone, overloaded, pays_self = True, False, a.pays_self
    if need.help_now:
        help_now = answer(Question.help_now)
        if help_now is HelpNow.netwerk_genoeg:
            return TriageResult(Outcome.eigen_kracht, (Reason.netwerk_helpt,))
        overloaded = help_now is HelpNow.netwerk_te_zwaar
        if overloaded:
            notes.append(Reason.netwerk_overbelast)
        # Help one pays for is no eigen kracht: eigen kracht is what the resident and the people around
        # them can do (art. 2.3.2 lid 4), and draagkracht is weighed by the eigen bijdrage (art. 2.1.4).
        alone = help_now in (HelpNow.nee, HelpNow.zelf_betaald)
        pays_self = pays_self or help_now is HelpNow.zelf_betaald
    # Gebruikelijke hulp is not asked of a housemate who is overloaded already (art. 2.3.2 lid 4
    # onder c en d; CIZ Protocol gebruikelijke zorg): then the housemate is not asked about at all.
    if need.usual_help and not overloaded and answer(Question.housemate) is YesNo.ja:
        return TriageResult(Outcome.eigen_kracht, (Reason.gebruikelijke_hulp,))

    # Then algemene voorzieningen, and only then maatwerk. Memory, cognitive or psychiatric problems
    # with nobody around, or only people who cannot carry it any more: walk-in help rarely fits, so
    # begeleiding is weighed first (art. 2.3.5 lid 3). Debts or losing track alone are not such a
    # problem: formulierenhulp and schuldhulp come first.
    general = needs.algemeen(need)
    if general:
        without_help = alone or overloaded
        if need.weigh_begeleiding and limitation is Limitation.psychisch and a.cognitive and without_help:
            notes.insert(0, Reason.algemene_voorziening_niet_passend)
        elif answer(Question.general) is General.nog_niet:
            return TriageResult(Outcome.algemene_voorziening, (Reason.algemene_voorziening_eerst, *notes), general)
        else:
            notes.insert(0, Reason.algemene_voorziening_niet_genoeg)
    if a.item and not a.ordinary_product:
        notes.append(Reason.niet_algemeen_gebruikelijk)
    if pays_self:
        notes.append(Reason.zelf_betalen_geen_grond)
    return TriageResult(
        Outcome.maatwerk_mogelijk, (Reason.geen_eigen_oplossing, *notes), maatwerk, item=a.item, need=need.code
    )


def _minor(a: TriageAnswers, answer: Callable[[Question], Any]) -> bool:
    """Under 18. An adult typing for themselves, or for a parent, partner or grandparent, is not asked; a
    stated age still counts."""
    if a.age is None and (a.subject is Subject.zelf or a.adult):
        return False
    return answer(Question.age) is Age.jonger
