"""The triage's typed contract: the questions, the resident's answers, and the outcome.

Outcome and reason codes are stable: conversation slots, stored intake summaries and analytics use
them, so rename one only together with everything that reads it.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.crisis.signals import CrisisKind


class Outcome(str, Enum):
    spoed = "spoed"
    wlz = "wlz"
    zorgverzekering = "zorgverzekering"
    jeugdwet = "jeugdwet"
    eigen_kracht = "eigen_kracht"
    algemene_voorziening = "algemene_voorziening"
    maatwerk_mogelijk = "maatwerk_mogelijk"


class Reason(str, Enum):
    crisis = "crisis"
    geen_slaapplek = "geen_slaapplek"
    zvw_medisch = "zvw_medisch"
    zvw_verzorging = "zvw_verzorging"
    zvw_kortdurend = "zvw_kortdurend"
    zvw_hulpmiddel = "zvw_hulpmiddel"
    jeugdwet = "jeugdwet"
    wlz_indicatie = "wlz_indicatie"
    wlz_zorg_24_uur = "wlz_zorg_24_uur"
    al_geregeld = "al_geregeld"
    vervanging_niet_nodig = "vervanging_niet_nodig"
    algemeen_gebruikelijk = "algemeen_gebruikelijk"
    netwerk_helpt = "netwerk_helpt"
    gebruikelijke_hulp = "gebruikelijke_hulp"
    algemene_voorziening_eerst = "algemene_voorziening_eerst"
    algemene_voorziening_niet_genoeg = "algemene_voorziening_niet_genoeg"
    geen_eigen_oplossing = "geen_eigen_oplossing"
    netwerk_overbelast = "netwerk_overbelast"
    zelf_betalen_geen_grond = "zelf_betalen_geen_grond"
    wlz_onbekend = "wlz_onbekend"
    duur_onbekend = "duur_onbekend"
    geen_beperking = "geen_beperking"
    wlz_thuis_wmo = "wlz_thuis_wmo"
    algemene_voorziening_niet_passend = "algemene_voorziening_niet_passend"
    niet_algemeen_gebruikelijk = "niet_algemeen_gebruikelijk"
    voor_iedereen = "voor_iedereen"
    wlz_instelling_mobiliteit = "wlz_instelling_mobiliteit"
    zvw_eerstelijnsverblijf = "zvw_eerstelijnsverblijf"
    wlz_vervoer_dagbesteding = "wlz_vervoer_dagbesteding"
    zvw_ziekenvervoer = "zvw_ziekenvervoer"


class Question(str, Enum):
    """Each question is answered into the conversation slot of the same name."""

    subject = "triage_subject"
    need_text = "triage_need_text"
    need = "triage_need"
    safe_tonight = "triage_safe_tonight"
    medical = "triage_medical"
    duration = "triage_duration"
    age = "triage_age"
    limitation = "triage_limitation"
    wlz = "triage_wlz"
    residence = "triage_residence"
    has_it = "triage_has_it"
    help_now = "triage_help_now"
    housemate = "triage_housemate"
    general = "triage_general"


class Subject(str, Enum):
    zelf = "zelf"
    ander = "ander"


class YesNo(str, Enum):
    ja = "ja"
    nee = "nee"


class Age(str, Enum):
    jonger = "jonger"  # under 18
    ouder = "ouder"


class Duration(str, Enum):
    kort = "kort"  # under about six months
    lang = "lang"
    onbekend = "onbekend"


class Wlz(str, Enum):
    indicatie = "indicatie"
    zorg_24_uur = "zorg_24_uur"
    nee = "nee"
    onbekend = "onbekend"


class Limitation(str, Enum):
    """What causes the need: the Wmo supports people with a limitation, not a chore one dislikes."""

    lichamelijk = "lichamelijk"  # illness, physical disability, old age
    psychisch = "psychisch"  # memory, cognitive, psychosocial or psychiatric problems
    geen = "geen"


class Residence(str, Enum):
    """Where someone with a Wlz-indicatie lives: at home some provisions stay with the Wmo."""

    thuis = "thuis"
    instelling = "instelling"


class HasIt(str, Enum):
    zelf_geregeld = "zelf_geregeld"
    oude_werkt = "oude_werkt"
    oude_versleten = "oude_versleten"
    nee = "nee"


class HelpNow(str, Enum):
    netwerk_genoeg = "netwerk_genoeg"
    netwerk_te_zwaar = "netwerk_te_zwaar"
    zelf_betaald = "zelf_betaald"
    nee = "nee"


class General(str, Enum):
    niet_genoeg = "niet_genoeg"
    nog_niet = "nog_niet"


# Answers that say "weet ik niet".
UNSURE = frozenset({Duration.onbekend.value, Wlz.onbekend.value})

# The closed answer each question takes; the need questions take a need code or free text.
ANSWER_TYPES: dict[Question, type[Enum]] = {
    Question.subject: Subject,
    Question.safe_tonight: YesNo,
    Question.medical: YesNo,
    Question.duration: Duration,
    Question.age: Age,
    Question.limitation: Limitation,
    Question.wlz: Wlz,
    Question.residence: Residence,
    Question.has_it: HasIt,
    Question.help_now: HelpNow,
    Question.housemate: YesNo,
    Question.general: General,
}


@dataclass(frozen=True)
class TriageAnswers:
    """What is known so far; None means not asked or not answered yet.

    `ordinary_product` and `pays_self` are read from the resident's own words, never asked:
    the first is a ground (algemeen gebruikelijk), the second explicitly is not one. `cognitive`: the
    resident's words named memory, cognitive or psychiatric problems (dementie, LVB, NAH, a
    psychiatric disorder), for which begeleiding is weighed before walk-in help. `item` is the
    thing the resident named ("een e-bike"), so the estimate speaks of it. `danger` is set once the
    conversation signalled acute need, also before the check started.
    """

    subject: Subject | None = None
    need_text: str | None = None
    need: str | None = None
    safe_tonight: YesNo | None = None
    medical: YesNo | None = None
    duration: Duration | None = None
    age: Age | None = None
    limitation: Limitation | None = None
    wlz: Wlz | None = None
    residence: Residence | None = None
    has_it: HasIt | None = None
    help_now: HelpNow | None = None
    housemate: YesNo | None = None
    general: General | None = None
    ordinary_product: bool = False
    pays_self: bool = False
    cognitive: bool = False
    item: str | None = None
    danger: bool = False
    crisis: tuple[CrisisKind, ...] = ()
    adult: bool = False  # it is for a parent, partner or grandparent: never asked "jonger dan 18?"

    def get(self, question: Question) -> Any:
        return getattr(self, question.name)

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any], **derived: Any) -> "TriageAnswers":
        """Answers from conversation slots; a value that is not a valid answer counts as unknown."""
        values: dict[str, Any] = {}
        for question in Question:
            value = slots.get(question.value)
            kind = ANSWER_TYPES.get(question)
            if kind is not None:
                value = kind(value) if value in {member.value for member in kind} else None
            values[question.name] = value
        return cls(**values, **derived)


@dataclass(frozen=True)
class TriageResult:
    outcome: Outcome
    reasons: tuple[Reason, ...]
    provisions: tuple[str, ...] = ()  # catalogue codes that may fit, best first
    crisis: tuple[CrisisKind, ...] = ()
    item: str | None = None  # what the resident named, for the reasons' texts
    need: str | None = None  # the need code, for advice that fits one need only


@dataclass(frozen=True)
class Assessment:
    """Where the triage stands: the questions answered on the way, and either the next question or
    the result."""

    answered: tuple[Question, ...]
    next_question: Question | None = None
    result: TriageResult | None = None
