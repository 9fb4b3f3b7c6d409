"""What a resident's own words say outright, so the check does not ask it again: who the question is
for ("mijn moeder kan niet meer douchen", "voor mezelf"), an age ("ze is 82", "bijna negentig",
"geboren in 1944", "mijn vader (78)", "ik ben zestien"), living alone, a healthy partner, how long
it is needed, an existing Wlz-indicatie (or care day and night) and where its holder lives, help
from others ("ze heeft niemand", "ik help hem en dat gaat prima"), what is there already ("zelf
gekocht", "versleten"), and that they could pay themselves (which is never a ground for refusal).

These are Dutch grammar (who does what, negation, numbers); the words that name a need, a cause or
an item are content (content/triage/needs.yml).

Each reader says nothing when the words are unclear or point both ways: then the check asks.
"""

import re
from datetime import date
from typing import Optional

from bot.dutch import normalise
from bot.triage.model import Duration, HasIt, HelpNow, Residence, Subject, Wlz

# The person a resident may ask for, as typed (after normalising) and as the questions name them.
_NAMES = {"ma": "moeder", "mama": "moeder", "pa": "vader", "papa": "vader", "client": "cliënt"}
_KIN = (
    r"(moeder|vader|mama|papa|ma|pa|man|vrouw|partner|echtgenoot|echtgenote|"
    r"zoon|dochter|kind|opa|oma|broer|zus|schoonmoeder|schoonvader|schoonzoon|schoondochter|buurvrouw|buurman|"
    r"vriend|vriendin|tante|oom|neef|nicht|client|kleinzoon|kleindochter|kleinkind|stiefmoeder|stiefvader)"
)
_RELATIVE = rf"(?:mijn|m'n|mn|onze|ons) {_KIN}"
_SPOUSE = r"(?:man|vrouw|partner|echtgenoot|echtgenote)"
# A relative who is the subject of the sentence: "mijn moeder kan ...", "..., want mijn vader is ...".
_SUBJECT_VERBS = (
    r"(?:kan|kon|heeft|had|is|was|wil|woont|krijgt|zit|loopt|valt|viel|vergeet|moet|wordt|gebruikt|mag|redt|"
    r"komt|raakt|ligt|zou|durft|ziet|hoort|eet|slaapt|lukt|struikelt|staat|gaat|doet|voelt|snapt|begrijpt|wast|kookt)"
)
_FOR_RELATIVE = re.compile(
    rf"\b(?:voor|namens|over|om) {_RELATIVE}\b|\b(?:voor|namens) (?:een|mijn|onze) (client)\b"
    rf"|^(?:kan|mag|heeft|krijgt|komt|wil) {_RELATIVE}\b"
    rf"|\b{_RELATIVE} (?:van|is) (?:al |bijna |ruim )?\d{{1,3}}\b"
    rf"|\b(?:de|het|haar|zijn) \w+ van {_RELATIVE}\b"  # "de rolstoel van mijn vrouw"
)
# Weaker: "mijn man is ziek" may come before "ik kan het huishouden niet alleen".
_RELATIVE_SUBJECT = re.compile(
    rf"(?:^|[.,;!?] ?|\b(?:dat|omdat|want|maar|en|sinds) ){_RELATIVE} (?:\w+ )?{_SUBJECT_VERBS}\b"
)
_CHILD_OF = re.compile(
    r"\bik ben (?:de|zijn|haar) (?:zoon|dochter|kleinzoon|kleindochter|schoonzoon|schoondochter|buurman|buurvrouw"
    r"|mantelzorger|vriend|vriendin) van (?:(meneer|mevrouw)\b)?"
)
_FOR_SELF = re.compile(
    r"^(?:kan|kom|heb|krijg|mag|wil) ik\b|\b(?:woon|ben|heb|kan|zit|red) ik\b"
    r"|\bvoor (?:mijzelf|mezelf|mij|mijn eigen)\b|\b(?:lukt|gaat) (?:het )?(?:mij|me)\b"
    r"|\bik (?:kan|ben|heb|woon|wil|krijg|red|loop|zit|vergeet|voel)\b"
    r"|\bik (?:hoor|zie) (?:steeds |heel |erg |nog )?(?:slecht|slechter|niet goed|niets|niks|bijna niets)\b"
    # A couple asking together ("mijn vrouw en ik", "het lukt ons niet meer") asks for themselves.
    rf"|\b(?:mijn|m'n) {_SPOUSE} en ik\b|\bik en (?:mijn|m'n) {_SPOUSE}\b|\b(?:lukt|gaat) (?:het )?ons\b"
    # Their own cause: "door mijn hartfalen", "na mijn chemokuur" (no relative: "door mijn moeder").
    rf"|\b(?:door|vanwege|sinds|na) (?:mijn|m'n) (?!{_KIN}\b)\w+"
)

_CARER = re.compile(
    r"\bik (?:ben|ben de|ben zijn|ben haar) mantelzorger\b|\bik (?:zorg|verzorg|help)\b|\bmantelzorger (?:van|voor)\b"
)

_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16}
_TEENS.update({"zeventien": 17, "achttien": 18, "negentien": 19})
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70}
_TENS.update({"tachtig": 80, "negentig": 90})
_UNITS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_NUMBER = rf"\d{{1,3}}|honderd|(?:(?:{'|'.join(_UNITS)})en)?(?:{'|'.join(_TENS)})|{'|'.join(_TEENS)}"
_NOT_YEARS = r"(?! ?(?:maanden|maand|weken|week|dagen|dag|keer|uur|minuten|kilo|kg|procent|%|euro))"
_ABOUT = r"(?:al |bijna |ruim |net |pas |over de |boven de |in de )?"
# The resident's own age: when they ask for someone else, it is not that person's.
_OWN_AGE = re.compile(
    rf"\b(?:ik ben|ben ik|word|(?:wij|we|en ik) zijn(?: allebei| beiden| beide)?) {_ABOUT}({_NUMBER})\b{_NOT_YEARS}"
)
_STATED_AGE = re.compile(
    rf"\b(?:ze is|zij is|hij is|is ze|is hij|die is|wordt|werd) {_ABOUT}({_NUMBER})\b{_NOT_YEARS}"
    rf"|\b({_NUMBER})[- ]?jarige?\b"
    rf"|\b{_RELATIVE.replace('(moeder', '(?:moeder')} (?:van|is) (?:al |bijna |ruim |over de |boven de )?({_NUMBER})\b"
    rf"{_NOT_YEARS}"
    rf"|\b(?:vrouw|man|dame|heer|meneer|mevrouw|weduwe|weduwnaar|client|jongen|meisje|jongeman|jongere|kind|bewoner"
    rf"|patient) van ({_NUMBER})\b{_NOT_YEARS}"
    rf"|\b({_NUMBER}) jaar oud\b|\b(?:van|op|met|ben|is) ({_NUMBER}) jaar\b"
    rf"|\b(?:bijna|ruim|over de|boven de|in de) ({'|'.join(_TENS)}|honderd)\b"
)
_BRACKETED_AGE = re.compile(r" ?\((\d{1,3})\)")
_BORN = re.compile(r"\bgeboren (?:in )?(19\d\d|20[0-2]\d)\b|\bbouwjaar (19\d\d)\b")

# Someone said to be healthy or no longer alive is not the one the question is for: "mijn man is
# gezond", "sinds mijn vrouw overleden is", "ik ben 72 en gezond".
_HEALTHY = r"(?:gezond|kerngezond|fit)(?! van geest)"
_RELATIVE_NOT_MEANT = re.compile(
    rf"{_RELATIVE} (?:is |was )?(?:al |nog |zelf |onlangs |vorig jaar )?(?:overleden|overleed|gestorven|stierf|dood"
    rf"|{_HEALTHY})\b"
)
_SELF_HEALTHY = re.compile(rf"\bik ben (?:zelf |nog )?(?:(?:{_NUMBER}) (?:jaar )?)?(?:en )?(?:zelf |nog )?{_HEALTHY}\b")
_PARTNERS = ("man", "vrouw", "partner", "echtgenoot", "echtgenote")
_HEALTHY_WORD = re.compile(r"\b(?:gezond|kerngezond|fit)$")

_ALONE = re.compile(
    r"\b(?:woon|woont|wonen)(?: (?!niet\b|samen\b)\w+){0,2} alleen\b|\balleen(?:wonend|wonende| wonend| wonende)\b"
    r"|\b(?:alleenstaand|alleenstaande|weduwe|weduwnaar)\b"
)

_LONG = re.compile(
    r"\b(?:al jaren|voor altijd|voorgoed|blijvend|permanent|de rest van (?:mijn|haar|zijn) leven|chronisch"
    r"|al (?:\d+|een paar|twee|drie|vier|vijf|tien) jaar|steeds erger|gaat niet meer over|niet meer beter)\b"
)
_SHORT = re.compile(
    r"\b(?:(?:een |voor een )?paar (?:weken|dagen|maanden)|(?:een|twee|drie|vier|vijf|zes|\d) (?:weken|dagen)"
    r"|tijdelijk|tot ik hersteld ben|herstel|revalidatie|revalideren|tot de operatie|na (?:mijn|haar|zijn|de) "
    r"operatie)\b"
)

_WLZ = (
    r"(?:wlz(?:[- ]?indicatie)?|indicatie (?:van|voor) de wlz|ciz[- ]indicatie|indicatie van het ciz"
    r"|zzp|zorgzwaartepakket)"
)
_WLZ_UNSURE = re.compile(rf"\b(?:weet (?:ik |ze |hij )?niet|geen idee|onbekend)\b.{{0,30}}\b{_WLZ}\b")
_WLZ_NO = re.compile(
    rf"\b(?:geen|zonder|niet|nooit)\b(?: \w+){{0,2}} {_WLZ}\b"
    rf"|\b{_WLZ}\b (?:heeft (?:ze|hij)|heb ik|is er|hebben we) (?:nog )?(?:niet|geen)\b"
)
_WLZ_YES = re.compile(rf"\b{_WLZ}\b")
_INSTITUTION = re.compile(
    r"\b(?:in|naar) (?:een|het|de) (?:verpleeghuis|zorginstelling|instelling|woonzorgcentrum|zorgcentrum|"
    r"verzorgingshuis|wlz-instelling)\b"
)
_AT_HOME = re.compile(
    r"\b(?:woont|woon|wonen) (?:nog |gewoon |nog gewoon )?thuis\b|\bthuis (?:wonen|woont|blijven)\b"
    r"|\b(?:volledig|modulair) pakket thuis\b|\bvpt\b|\bmpt\b"
)
_PGB = re.compile(r"\bpgb\b|\bpersoonsgebonden budget\b")

# Blijvend toezicht dag en nacht: the Wlz-criterion (Wlz art. 3.2.1), also without an indicatie yet.
_DAY_AND_NIGHT = re.compile(
    r"\bgeen moment (?:meer )?alleen\b|\bnooit (?:meer )?alleen (?:zijn|gelaten|laten|blijven)\b"
    r"|\bdag en nacht (?:zorg|toezicht|iemand|in de gaten)\b|\b24 uur (?:per dag |per etmaal )?(?:zorg|toezicht)\b"
    r"|\b(?:continu|permanent) toezicht\b"
)
_NOT_DAY_AND_NIGHT = re.compile(r"\b(?:niet|geen)\b(?: \w+){0,2} (?:dag en nacht|24 uur|continu|permanent)\b")

_PAYS_SELF = re.compile(
    r"\b(zelf (kunnen |kan )?(betalen|kopen)|genoeg geld|geld genoeg|kan (het|ik) (zelf )?(betalen|kopen)"
    r"|betaal (nu |al |het )*zelf)\b"
)

# Help from others, as the opening says it.
_NOBODY = re.compile(
    r"\b(?:heeft|heb|hebben|hebt) (?:verder |echt |helemaal |hier )?(?:niemand|geen netwerk|geen sociaal netwerk"
    r"|geen familie)\b|\bken (?:hier |verder )?niemand\b|\ber is (?:verder )?niemand\b|\bgeen (?:sociaal )?netwerk\b"
    r"|\bsta(?:at)? er alleen voor\b"
)
_PAID_HELP = re.compile(
    r"\bbetaal (?:nu |al |zelf )*(?:een |de )?(?:schoonmaakster|schoonmaker|werkster|poetshulp|hulp|thuiszorg)\b"
    r"|\b(?:schoonmaakster|werkster|hulp) (?:die )?(?:ik|we|ze|hij) zelf betaal"
)
# The resident helps the one it is for: "ik help hem ermee en dat gaat prima", "... maar het wordt me te zwaar".
_I_HELP = r"\b(?:ik|wij|we) (?:help|helpen|doe|doen|regel|regelen|zorg|zorgen|verzorg|verzorgen)\b"
_HELP_ENOUGH = re.compile(rf"{_I_HELP}.{{0,60}}\b(?:dat|het) (?:gaat|lukt) (?:nog )?(?:prima|goed|best)\b")
_HELP_TOO_HEAVY = re.compile(
    rf"{_I_HELP}.{{0,80}}\b(?:te zwaar|te veel|niet meer vol|kan het niet meer|kunnen het niet meer)\b"
    r"|\b(?:wordt|werd) (?:me|mij|ons) te (?:zwaar|veel)\b"
)

# What is there already: bought, worn out, or still working. The thing is named, so that "haar
# knieen zijn versleten" is not a worn-out aid (the caller checks it is no part of the body).
_BOUGHT = re.compile(
    r"\b(?:zelf|al) (?:\w+ ){0,3}(?:gekocht|aangeschaft|besteld|laten (?:plaatsen|maken|bouwen|installeren))\b"
)
_THING = r"\b(?:de|het|mijn|zijn|haar|onze|m'n) (?:oude |huidige )?(\w+)(?: van (?:mijn|zijn|haar|onze) \w+)?"
_WORN = re.compile(rf"{_THING} (?:is|zijn|raakt|raakte) (?:\w+ ){{0,4}}(?:versleten|kapot|stuk|afgekeurd)\b")
_WORKS = re.compile(rf"{_THING} (?:doet het nog|werkt nog|is nog goed|is nog prima|rijdt nog)\b")
_UNFIT = re.compile(r"\b(?:te klein|te groot|past niet meer|niet meer geschikt|niet meer veilig)\b")


def _plain(text: str) -> str:
    """Normalised, with an age in brackets read as words: "mijn vader (78)" is "mijn vader van 78"."""
    return _BRACKETED_AGE.sub(r" van \1", normalise(text))


def _first_group(match: Optional["re.Match[str]"]) -> str | None:
    return next(group for group in match.groups() if group) if match else None


def _named(relative: str) -> str:
    return f"uw {_NAMES.get(relative, relative)}"


def who_is_meant(text: str) -> tuple[Subject, str] | None:
    """(subject, how to name them) when the words say clearly who the question is for."""
    plain = _RELATIVE_NOT_MEANT.sub(",", _plain(text))
    relative = _first_group(_FOR_RELATIVE.search(plain))
    if relative:
        return Subject.ander, _named(relative)
    child_of = _CHILD_OF.search(plain)
    if child_of:  # "ik ben de zoon van meneer Jansen"
        return Subject.ander, {"meneer": "uw vader", "mevrouw": "uw moeder"}.get(child_of.group(1), "uw naaste")
    relative = _first_group(_RELATIVE_SUBJECT.search(plain))
    self_meant = bool(_FOR_SELF.search(plain)) and not _SELF_HEALTHY.search(plain)
    if relative and not self_meant:
        return Subject.ander, _named(relative)
    if self_meant and not relative:
        return Subject.zelf, "u"
    return None


def who_answered(text: str, answer: str | None) -> tuple[Subject, str] | None:
    """(subject, how to name them) from an answer to "voor wie vraagt u het?"."""
    relative = _first_group(re.search(rf"\b{_RELATIVE}\b", _plain(text)))
    if relative:
        return Subject.ander, _named(relative)
    if answer is None:
        return None
    return (Subject.zelf, "u") if answer == Subject.zelf.value else (Subject.ander, "uw naaste")


def names_relative(text: str) -> bool:
    """ "mijn vader", "onze zoon": someone else is named, so "ik ben 50" may not be their age."""
    return bool(re.search(rf"\b{_RELATIVE}\b", _plain(text)))


def says_carer(text: str) -> bool:
    """ "Ik zorg voor mijn moeder": the resident is the one who cares for someone."""
    return bool(_CARER.search(_plain(text)))


def _number(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word == "honderd":
        return 100
    if word in _TEENS:
        return _TEENS[word]
    tens = next(name for name in _TENS if word.endswith(name))
    return _TENS[tens] + _UNITS.get(word[: -len(tens)].removesuffix("en"), 0)


def stated_years(text: str, today: date | None = None, for_other: bool = False) -> int | None:
    """An age the resident states outright: "ik ben 82", "mijn zoon van 15", "ze is bijna negentig",
    "geboren in 1944", "mijn vader (78)". None for no age, or a number no person's age can be. Asking
    `for_other`, the resident's own age ("ik ben 72") is not the other person's."""
    plain = _plain(text)
    born = _BORN.search(plain)
    if born:
        return (today or date.today()).year - int(_first_group(born) or 0)
    own = None if for_other else _first_group(_OWN_AGE.search(plain))
    found = own or _first_group(_STATED_AGE.search(plain))
    years = _number(found) if found else None
    return years if years is not None and years <= 120 else None


def lives_alone(text: str) -> bool:
    """ "ik woon alleen", "ze is weduwe": nobody in the house to share the household with."""
    return bool(_ALONE.search(_plain(text)))


def stated_duration(text: str) -> Duration | None:
    """ "al jaren", "voor altijd": long; "een paar weken", "na mijn operatie": short; both: unclear."""
    plain = _plain(text)
    long, short = bool(_LONG.search(plain)), bool(_SHORT.search(plain))
    if long == short:
        return None
    return Duration.lang if long else Duration.kort


def stated_wlz(text: str) -> Wlz | None:
    """An existing Wlz-indicatie, or none, as the words say it; an institution counts as one, and
    "kan geen moment alleen zijn" says care day and night is needed."""
    plain = _plain(text)
    if _WLZ_UNSURE.search(plain):
        return Wlz.onbekend
    if _WLZ_NO.search(plain):
        return Wlz.nee
    if _WLZ_YES.search(plain) or _INSTITUTION.search(plain):
        return Wlz.indicatie
    if _DAY_AND_NIGHT.search(plain) and not _NOT_DAY_AND_NIGHT.search(plain):
        return Wlz.zorg_24_uur
    return None


def stated_residence(text: str) -> Residence | None:
    """In an institution, or at home (also with a Wlz pakket thuis or a Wlz-pgb)."""
    plain = _plain(text)
    if _INSTITUTION.search(plain):
        return Residence.instelling
    if _AT_HOME.search(plain) or (_PGB.search(plain) and _WLZ_YES.search(plain)):
        return Residence.thuis
    return None


def says_pays_self(text: str) -> bool:
    """The resident says they could pay or buy it themselves."""
    return bool(_PAYS_SELF.search(_plain(text)))


def stated_help(text: str, for_other: bool) -> HelpNow | None:
    """Help from others as the words say it: nobody ("ze heeft niemand", "geen netwerk"), help one
    pays for, or, asking for someone else, the resident's own help that goes well or is too heavy.
    None when unclear or pointing both ways."""
    plain = _plain(text)
    found = {
        HelpNow.nee: bool(_NOBODY.search(plain)),
        HelpNow.zelf_betaald: bool(_PAID_HELP.search(plain)),
        HelpNow.netwerk_genoeg: for_other and bool(_HELP_ENOUGH.search(plain)),
        HelpNow.netwerk_te_zwaar: for_other and bool(_HELP_TOO_HEAVY.search(plain)),
    }
    said = [help_now for help_now, stated in found.items() if stated]
    return said[0] if len(said) == 1 else None


def stated_has_it(text: str) -> tuple[HasIt, str | None] | None:
    """Bought already, a worn-out one or one that still works, with the thing named ("de rolstoel ...
    is versleten": "rolstoel"; None for "zelf een scootmobiel gekocht")."""
    plain = _plain(text)
    worn, works = _WORN.search(plain), _WORKS.search(plain)
    if works and _UNFIT.search(plain):  # "werkt nog, maar is te klein": a consultant asks
        return None
    if _BOUGHT.search(plain) and not (worn or works):
        return HasIt.zelf_geregeld, None
    if worn and not works:
        return HasIt.oude_versleten, worn.group(1)
    if works and not worn:
        return HasIt.oude_werkt, works.group(1)
    return None


def healthy_partner(text: str, for_other: str | None) -> bool:
    """A healthy partner in the house: "mijn man is gezond" from the resident asking for themselves, or
    "ik ben 72 en gezond" from the partner asking (`for_other` names who it is for: "uw vrouw")."""
    plain = _plain(text)
    if for_other is None:
        return any(
            match.group(1) in _PARTNERS and _HEALTHY_WORD.search(match.group(0))
            for match in _RELATIVE_NOT_MEANT.finditer(plain)
        )
    return for_other.removeprefix("uw ") in _PARTNERS and bool(_SELF_HEALTHY.search(plain))
