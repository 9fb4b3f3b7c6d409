"""What a resident's own words say outright, so the check does not ask it again: who the question is
for ("mijn moeder kan niet meer douchen", "voor mezelf", "omdat ik reuma heb"; not a helper or a
healthy housemate), an age ("ze is 82", "begin tachtig", "geboren in 1944", "mijn vader (78)"),
living alone, a healthy housemate ("mijn zoon woont bij mij in en is gezond") or a partner who cannot
take over, no illness at all ("ik ben kerngezond"), how long it is needed ("voor altijd", "de komende
6 weken"), an existing Wlz-indicatie (or care day and night) and where its holder lives, a safe bed
tonight, help from others and how that goes ("ze heeft niemand", "mijn broer rijdt haar en dat gaat
prima", "het wordt haar te zwaar"), walk-in help tried without result, what is there already ("zelf
gekocht", "versleten", "die het nog prima doet"), and that they could pay themselves (which is never
a ground for refusal).

These are Dutch grammar (who does what, negation, numbers); the words that name a need, a cause or
an item are content (content/triage/needs.yml).

Each reader says nothing when the words are unclear or point both ways: then the check asks.
"""

import re
from datetime import date
from typing import Optional

from bot.dutch import normalise
from bot.triage.model import Duration, HasIt, HelpNow, Residence, Subject, Wlz, YesNo

_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16}
_TEENS.update({"zeventien": 17, "achttien": 18, "negentien": 19})
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70}
_TENS.update({"tachtig": 80, "negentig": 90})
_UNITS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
# A child's age in words too ("mijn zoontje is acht"); "een" alone is no age.
_NUMBER = (
    rf"\d{{1,3}}|honderd|(?:(?:{'|'.join(_UNITS)})en)?(?:{'|'.join(_TENS)})|{'|'.join(_TEENS)}"
    rf"|{'|'.join(unit for unit in _UNITS if unit != 'een')}"
)

# The person a resident may ask for, as typed (after normalising) and as the questions name them.
_NAMES = {"ma": "moeder", "mama": "moeder", "mam": "moeder", "moeke": "moeder", "pa": "vader", "papa": "vader"}
_NAMES.update({"pap": "vader", "client": "cliënt", "schoonzuster": "schoonzus"})
# "ons zoontje", "mijn zusje": the person, named as such.
_NAMES.update({"zoontje": "zoon", "dochtertje": "dochter", "kindje": "kind", "broertje": "broer", "zusje": "zus"})
_NAMES.update({"nichtje": "nicht", "neefje": "neef"})
_KIN = (
    r"(moeder|vader|mama|papa|mam|pap|moeke|ma|pa|man|vrouw|partner|echtgenoot|echtgenote|schoonzus|schoonzuster|zwager|"
    r"zoon|dochter|kind|opa|oma|broer|zus|schoonmoeder|schoonvader|schoonzoon|schoondochter|buurvrouw|buurman|"
    r"vriend|vriendin|tante|oom|neef|nicht|client|kleinzoon|kleindochter|kleinkind|stiefmoeder|stiefvader|stiefzoon|stiefdochter|kennis"
    r"|zoontje|dochtertje|kindje|broertje|zusje|nichtje|neefje|ouders|schoonouders|grootouders)"
)
# "de buurvrouw" too, and in dialect "me vrouw"
_RELATIVE = rf"(?:(?:mijn|m'n|mn|me|onze|ons) |de (?=buurvrouw|buurman)){_KIN}"
_SPOUSE = r"(?:man|vrouw|partner|echtgenoot|echtgenote)"
# Who helps: the resident helping the one it is for ("ik help hem ermee"), or others ("mijn broer rijdt
# haar overal heen", "de buren doen de boodschappen", "mijn ouders helpen me met plannen"); and how
# that goes ("en dat gaat prima", "maar het wordt haar te zwaar").
_I_HELP = (
    r"(?:\b(?:ik|wij|we)(?: \([^)]{1,20}\))? (?:help|helpen|doe|doen|regel|regelen|zorg|zorgen|verzorg|verzorgen"
    r"|hielp|hielpen|deed|deden|regelde|regelden|zorgde|zorgden)\b"
    # After another clause of the resident's: "wij wonen om de hoek en doen haar boodschappen", "ik werk 32 uur
    # en zorg daarnaast voor mijn vader".
    r"|\b(?:ik|wij|we) (?:woon|wonen|werk|werken) (?:\w+ ){0,4}?en (?:daarnaast |ook |nu |dan )?"
    r"(?:help|helpen|doe|doen|regel|regelen|zorg|zorgen|verzorg|verzorgen)\b"
    # "ik durf die niet te verzorgen", "ik kan hem niet meer helpen": the resident cares for the other.
    r"|\b(?:ik|wij|we) (?:durf|durven|kan|kunnen|wil|willen) (?:die|dat|hem|haar|het) (?:\w+ ){0,2}?(?:te )?"
    r"(?:verzorgen|helpen|wassen|tillen)\b"
    # "ik kan de verzorging en de nachten niet alleen aan": the resident carries the other's care.
    r"|\b(?:ik|wij|we) (?:kan|kunnen|trek|trekken) (?:de|zijn|haar) (?:zorg|verzorging|mantelzorg)\b)"
)
_HELPERS = (
    rf"(?:{_RELATIVE}|\b(?:de|mijn|m'n|onze|haar|zijn) (?:twee |drie |vier |vijf )?"
    r"(?:buren|kinderen|ouders|familie|vrienden|vriendinnen|dochters|zonen)"
    r"|\b(?:familie|vrienden|vriendinnen|buren|kennissen))"
)
_HELPS = (
    r"(?:helpt|helpen|doet|doen|rijdt|rijden|brengt|brengen|kookt|koken|regelt|regelen|zorgt|zorgen|verzorgt"
    r"|verzorgen|haalt|halen|wast|poetst|poetsen|maakt|maken|springt|springen"
    r"|(?:komt|komen) (?:elke|iedere|vaak|dagelijks|wekelijks|een paar keer|twee keer|drie keer))"
)
_OTHERS_HELP = (
    rf"(?:{_HELPERS} (?:\w+ ){{0,2}}?(?:(?:woont|wonen|is|zijn) (?:\w+ ){{0,3}}?en )?{_HELPS}\b(?! (?:\w+ )?zelf\b)"
    # The verb first, after "sinds ..." or "nu": "sinds mijn beroerte doen mijn kinderen mijn huishouden".
    rf"|\b(?:doen|doet|helpen|helpt|koken|kookt|regelen|regelt|poetsen|poetst) {_HELPERS}\b)"
)
_GOES_WELL = (
    r"\b(?:dat|het) (?:gaat|lukt) (?:(?!niet|nauwelijks|slecht)\w+ ){0,2}?(?:prima|goed|best|uitstekend)\b"
    # "dat gaat eigenlijk wel", "het lukt nog wel"; helping "waar nodig" is help that suffices.
    r"|\b(?:dat|het) (?:gaat|lukt) (?:eigenlijk |nog |op zich |verder )?wel\b(?! (?:\w+ )?(?:niet|slecht|moeilijk))"
    r"|\bwaar (?:nodig|het nodig is)\b"
    r"|\b(?:dat|het) is geen (?:enkel )?probleem\b"
)
_TOO_HEAVY = (
    r"\b(?:te zwaar|te veel|niet meer vol|kan het niet meer|kunnen het niet meer|overbelast|uitgeput"
    r"|(?:kan|kunnen) (?:dat|dit) (?:echt )?niet meer"
    r"|(?:hebben|heeft) (?:ook )?(?:hun|haar|zijn) eigen (?:leven|gezin|drukte)"
    r"|op (?:haar|zijn|mijn) tandvlees|(?:het )?(?:lukt|gaat) (?:me |mij |ons )?niet (?:meer|langer)|trek het niet"
    r"|niet meer (?:bolwerken|opbrengen|combineren))\b"
)
# A relative who is the subject of the sentence: "mijn moeder kan ...", "..., want mijn vader is ...".
_SUBJECT_VERBS = (
    r"(?:kan|ken|kon|heeft|had|is|was|wil|woont|krijgt|zit|loopt|valt|viel|vergeet|moet|wordt|gebruikt|mag|redt|"
    r"komt|raakt|ligt|zou|durft|ziet|hoort|eet|slaapt|lukt|struikelt|staat|gaat|doet|voelt|snapt|begrijpt|wast|kookt)"
)
_FOR_RELATIVE = re.compile(
    rf"\b(?:voor|namens|over|om) {_RELATIVE}\b|\b(?:voor|namens) (?:een|mijn|onze) (client)\b"
    r"|\b(?:voor|namens|over|om) (?:een|de) (buurvrouw|buurman|vriend|vriendin|kennis|client)\b"
    r"|(?:^|[.;!?] ?)(?:een|de|mijn) (client)\b"  # "Een cliënt van 58 kan ..."
    rf"|(?:^|[.,;!?] ?)(?:kan|mag|heeft|krijgt|komt|wil) {_RELATIVE}\b"
    rf"|\b{_RELATIVE} (?:van|is|zijn) (?:al |bijna |ruim )?(?:{_NUMBER})\b"
    rf"|\b(?:de|het|haar|zijn) (?:\w+ )?\w+ van {_RELATIVE}\b"  # "de (elektrische) rolstoel van mijn vrouw"
)
# Weaker: "mijn man is ziek" may come before "ik kan het huishouden niet alleen".
# Any other verb after a relative who opens the message: "Mijn vrouw revalideert na een beroerte". Weaker
# than the resident's own "ik": "Mijn man werkt fulltime en ik heb MS" is about the resident.
_THIRD_PERSON = (
    r"(?!(?:niet|met|dat|wat|want|toch|ooit|echt|eigenlijk|net|pas|vaak|laatst|zelf"
    r"|zegt|vindt|denkt|vraagt|merkt|meent|wilt|weet)\b)\w{3,}(?:t|dt)"  # who speaks of the resident
)
_RELATIVE_SUBJECT = re.compile(
    rf"(?:^|[.,;!?] ?|\b(?:dat|omdat|want|maar|en|sinds) ){_RELATIVE} (?:\w+ )?{_SUBJECT_VERBS}\b"
    # A subordinate clause ends in its verb: "dat de buurvrouw hulp nodig heeft".
    rf"|\b(?:dat|omdat|doordat|sinds) {_RELATIVE} (?:\w+ ){{1,3}}?{_SUBJECT_VERBS}\b"
    # The one others help: "de buren rijden mijn vader naar de dokter".
    rf"|\b{_HELPS} (?:\w+ )?{_RELATIVE}\b"
)
_RELATIVE_OPENS = re.compile(rf"^{_RELATIVE} {_THIRD_PERSON}\b")
_CHILD_OF = re.compile(
    r"\bik ben (?:de|zijn|haar) (?:zoon|dochter|kleinzoon|kleindochter|schoonzoon|schoondochter|buurman|buurvrouw"
    r"|mantelzorger|vriend|vriendin) van (?:(meneer|mevrouw)\b)?"
)
# Someone else, not named: "ik vraag het voor iemand anders".
_FOR_SOMEONE = re.compile(r"\b(?:voor|namens|over) (?:iemand anders|een ander|een familielid|een naaste)\b")
# "ik" as the one who needs the help ("omdat ik reuma heb", "ik betaal nu zelf"), not as the speaker
# or carer ("ik denk dat", "ik vraag het voor", "ik zorg voor", "ik maak me zorgen").
_SPEAKER = (
    r"(?:denk|dacht|vraag|vroeg|vind|merk|merkte|maak|zorg|help|verzorg|hoop|zie dat|zie hoe|hoor dat|hoorde"
    r"|ben bang dat|ben benieuwd|heb gemerkt|heb gezien|heb het idee|wil weten|wil graag weten|schrijf|bel|mail"
    r"|werk als|werk bij|werk in|werk voor"
    # "Ik ben 79 en mijn vrouw heeft alzheimer", "ik wil graag dat ze naar een dagbesteding kan".
    rf"|ben (?:{_NUMBER}) en (?=mijn|m'n|onze)|wil (?:graag )?dat (?:ze|zij|hij)\b)"
)
_FOR_SELF = re.compile(
    r"^(?:kan|kom|heb|krijg|mag|wil) ik\b|^(?:we|wij) (?:hebben|willen|kunnen|zijn|wonen)\b"
    r"|\b(?:woon|ben|heb|kan|zit|red) ik\b"
    r"|\bvoor (?:mijzelf|mezelf|mij|mijn eigen)\b|\b(?:lukt|gaat) (?:het )?(?:mij|me)\b"
    rf"|\bik (?!{_SPEAKER}\b)\w+"
    # A couple asking together ("mijn vrouw en ik", "het lukt ons niet meer") asks for themselves.
    rf"|\b(?:mijn|m'n) {_SPOUSE} en ik\b|\bik en (?:mijn|m'n) {_SPOUSE}\b|\b(?:lukt|gaat) (?:het )?ons\b"
    # Their own cause: "door mijn hartfalen", "na mijn chemokuur" (no relative: "door mijn moeder").
    rf"|\b(?:door|vanwege|sinds|na) (?:mijn|m'n) (?!{_KIN}\b)\w+"
)

# The speaker asking where to apply: "Vraag ik dat bij de Wmo aan?", "moet ik dit bij de gemeente regelen?".
_ASKS_WHERE = re.compile(
    r"\b(?:vraag|moet|kan|mag|zal) (?:ik|we|wij) (?:dat|dit|het|die|deze|zoiets)(?: \w+){0,4}? "
    r"(?:aan|aanvragen|regelen|vragen|melden)\b"
)

_CARER = re.compile(
    r"\bik (?:ben|ben de|ben zijn|ben haar) mantelzorger\b|\bik (?:zorg|verzorg|help)\b|\bmantelzorger (?:van|voor)\b"
    r"|\bik ben (?:\w+ ){0,2}en (?:zorg|verzorg) (?:al )?(?:voor )?(?:mijn|m'n)\b"  # "ik ben 72 en zorg voor mijn man"
)
# Whoever is a parent, partner or grandparent of the resident is an adult: never asked "jonger dan 18?".
ADULT_KIN = frozenset(
    {"moeder", "vader", "man", "vrouw", "partner", "echtgenoot", "echtgenote", "opa", "oma", "schoonmoeder"}
    | {"schoonvader", "stiefmoeder", "stiefvader", "tante", "oom", "zwager", "schoonzus", "schoonzoon", "schoondochter"}
    | {"ouders", "schoonouders", "grootouders"}
)

_NOT_YEARS = r"(?! ?(?:maanden|maand|weken|week|dagen|dag|keer|uur|minuten|kilo|kg|procent|%|euro))"
_ABOUT = (
    r"(?:(?:binnenkort|volgende maand|volgend jaar|dit jaar|deze maand) )?"
    r"(?:al |bijna |ruim |net |pas |over de |boven de |in de |begin |eind |midden |tegen de |rond de |ongeveer |zo'n )?"
)
# The resident's own age: when they ask for someone else, it is not that person's.
_OWN_AGE = re.compile(
    rf"\b(?:ik ben|ben ik|ben|word|(?:wij|we|en ik) zijn(?: allebei| beiden| beide)?) {_ABOUT}({_NUMBER})\b{_NOT_YEARS}"
)
_STATED_AGE = re.compile(
    rf"\b(?:ze is|zij is|hij is|is ze|is hij|die is|wordt|werd) {_ABOUT}({_NUMBER})\b{_NOT_YEARS}"
    # Said of the one just named: "mijn dochter heeft een lvb en is zeventien".
    rf"|\ben is {_ABOUT}({_NUMBER})\b{_NOT_YEARS}"
    rf"|\b({_NUMBER})[- ]?jarige?\b"
    rf"|\b{_RELATIVE.replace('(moeder', '(?:moeder')} (?:van|is|zijn) "
    rf"(?:al |bijna |ruim |over de |boven de )?({_NUMBER})\b{_NOT_YEARS}"
    rf"|\b(?:vrouw|man|dame|heer|meneer|mevrouw|weduwe|weduwnaar|client|jongen|meisje|jongeman|jongere|kind|bewoner"
    rf"|patient) van {_ABOUT}({_NUMBER})\b{_NOT_YEARS}"
    rf"|\b({_NUMBER}) jaar oud\b|\b(?:van|op|met|ben|is) ({_NUMBER}) jaar\b|, ({_NUMBER}) (?:jaar|jr)\b"
    rf"|\b({_NUMBER})[- ]?plusser\b|\b(?:loopt|lopen|loop) (?:tegen|richting) de ({_NUMBER})\b"
    rf"|\b(?:bijna|ruim|over de|boven de|in de) ({'|'.join(_TENS)}|honderd)\b"
)
# "(78)", "(9, ADHD)", "(26, spierziekte)": the age; the cause inside is read from the words as typed.
_BRACKETED_AGE = re.compile(r" ?\((\d{1,3})(?: ?(?:jaar|jr))?(?:[,;] ?[^()]{0,40})?\)")
_BORN = re.compile(r"\bgeboren (?:in )?(19\d\d|20[0-2]\d)\b|\bbouwjaar (19\d\d)\b")

# Someone said to be healthy or no longer alive is not the one the question is for: "mijn man is
# gezond", "sinds mijn vrouw overleden is", "ik ben 72 en gezond".
_HEALTHY = r"(?:gezond|kerngezond|fit)(?! van geest)"
# What is said of that relative, up to the next person: "mijn zoon van 45 woont bij mij in en is gezond".
_SAME_PERSON = r"(?:(?!\b(?:mijn|m'n|mn|onze|ik|hij|zij|ze|maar)\b)[^.,;!?])*?"
_HEALTHY_RELATIVE = (
    rf"{_RELATIVE}\b{_SAME_PERSON}\b(?:is|was) (?:(?:al|nog|zelf|wel|gewoon|hartstikke|heel|zeer) ){{0,2}}{_HEALTHY}\b"
    # "mijn man is met pensioen en kerngezond"
    rf"|{_RELATIVE}\b{_SAME_PERSON}\b(?:is|was) {_SAME_PERSON}\ben (?:ook |nog |verder |gewoon )?{_HEALTHY}\b"
    rf"|\b(?:mijn|m'n|onze) (?:gezonde|kerngezonde) {_KIN}\b"
)
# A partner ill too ("mijn man heeft zelf een hartziekte", "mijn vrouw is ook ziek"): not the one the
# question is for, and no healthy housemate either.
_ILL_WORDS = (
    r"(?:ziek|ziekte|beperking|kwaal|klachten|hartziekte|hartfalen|dementie|dement|slecht ter been|invalide|beperkt"
    r"|gehandicapt|chemo|chemokuur|chemokuren|chemotherapie|bestraling|bestralingen|kanker)"
)
_ILL_TOO = (
    rf"{_RELATIVE} (?:heeft|is) (?:zelf (?:ook )?|ook )(?:\w+ ){{0,2}}?{_ILL_WORDS}\b"
    # Said of the relative in the next clause: "mijn vrouw zou het doen, maar zij krijgt zelf chemo".
    rf"|{_RELATIVE}\b[^.;!?]{{0,40}}?\b(?:zij|hij|ze|die) (?:heeft|is|krijgt|ligt) (?:zelf (?:ook )?|ook )"
    rf"(?:\w+ ){{0,2}}?{_ILL_WORDS}\b"
)
_WIDOWED = re.compile(
    rf"\b(?:mijn|m'n) {_SPOUSE} is (?:\w+ ){{0,2}}?(?:overleden|gestorven)\b"
    rf"|\bsinds (?:mijn|m'n) {_SPOUSE} (?:overleed|stierf)\b"
)
_ILL_PARTNER = re.compile(
    rf"(?:mijn|m'n|me) {_SPOUSE} (?:heeft|is) (?:zelf (?:ook )?|ook )"
    rf"|(?:mijn|m'n|me) {_SPOUSE}\b[^.;!?]{{0,40}}?\b(?:zij|hij|ze|die) (?:heeft|is|krijgt|ligt) "
    r"(?:zelf (?:ook )?|ook )"
)
# Others who help the resident: "mijn zoon helpt me met de post", "mijn dochter doet mijn boodschappen".
_HELPS_ME = re.compile(
    rf"(?:{_OTHERS_HELP}) (?:\w+ ){{0,3}}?(?:me|mij|(?:mijn|m'n) (?!{_KIN}\b)\w+)\b"
    rf"|{_HELPERS} [^.?!]{{0,60}}?\b(?:helpt|helpen) (?:me|mij)\b"
)
_RELATIVE_NOT_MEANT = re.compile(
    rf"{_RELATIVE} (?:is |was )?(?:al |nog |zelf |onlangs |vorig jaar )?"
    r"(?:overleden|overleed|gestorven|stierf|dood|verongelukt|omgekomen)\b"
    rf"|{_RELATIVE} (?:er )?niet meer (?:is|leeft)\b"
    rf"|{_HELPS_ME.pattern}"
    rf"|{_RELATIVE}(?= (?:\w+ ){{0,2}}?{_HELPS}\b.{{0,120}}(?:{_GOES_WELL}|{_TOO_HEAVY}))"
    rf"|{_ILL_TOO}"
    rf"|{_HEALTHY_RELATIVE}"
    # The one who would do it: "mijn vrouw zou het doen, maar ...".
    rf"|{_RELATIVE} (?:zou|zal|wil|wilde) (?:het|dat|dit) (?:best |graag |wel )?(?:doen|overnemen)\b"
    # A relative who lives elsewhere is where the resident wants to go: "mijn zus woont 15 kilometer verderop".
    rf"|{_RELATIVE} (?:woont|wonen) (?:\w+ ){{0,3}}?(?:verderop|verder weg|ver weg|ver van mij|ver van ons)\b"
)
_SELF_HEALTHY = re.compile(rf"\bik ben (?:zelf |nog )?(?:(?:{_NUMBER}) (?:jaar )?)?(?:en )?(?:zelf |nog )?{_HEALTHY}\b")
# "mijn vriend" in a household is mostly a partner.
_PARTNERS = ("man", "vrouw", "partner", "echtgenoot", "echtgenote", "vriend", "vriendin")
# Living in one house: a partner does; a son or a friend when the words say so.
_LIVES_WITH = re.compile(
    r"\b(?:woont|wonen|woon) (?:\w+ ){0,2}?(?:bij (?:mij|me|ons)(?: in)?|(?:nog )?thuis|in huis|samen)\b"
    r"|\binwonend(?:e)?\b|\binwoont\b"
)
_SELF_HEALTHY_ONLY = re.compile(
    rf"\bik ben\b(?:(?!\b(?:niet|geen|nooit|maar)\b)[^.?!]){{0,40}}?\b{_HEALTHY}\b"
    r"|\b(?:ik )?mankeer (?:verder |helemaal |eigenlijk )?(?:niks|niets)\b"
    # Typed without "ik" ("werk 50 uur, ben 38 en gezond"), turned round ("gezond ben ik wel"), or of a
    # couple ("mijn vrouw en ik ... mankeren niks").
    rf"|(?:^|[.,;] ?)ben\b(?:(?!\b(?:niet|geen|nooit|maar)\b)[^.?!,]){{0,20}}?\b{_HEALTHY}\b"
    rf"|\b{_HEALTHY} ben ik (?:wel|nog|verder|gewoon)\b"
    r"|\b(?:we |wij )?mankeren (?:verder |allebei |helemaal |eigenlijk )?(?:niks|niets)\b"
    # A couple asking together: "mijn man en ik zijn allebei 70 en nog kerngezond".
    rf"|\b(?:wij|we|en ik) zijn\b(?:(?!\b(?:niet|geen|nooit|maar)\b)[^.?!]){{0,40}}?\b{_HEALTHY}\b"
    r"|\b(?:geen|zonder) (?:ziekte|beperking|handicap|ziekte of beperking|klachten)\b(?! (?:van|door) )"
)
_OTHER_HEALTHY = re.compile(
    rf"\b(?:ze|zij|hij) is (?:verder |nog |helemaal |eigenlijk )?{_HEALTHY}\b"
    r"|\bmankeert (?:verder |helemaal |eigenlijk )?(?:niks|niets)\b"
)
_LIVES_WITH_ME = re.compile(r"\bwoont (?:\w+ ){0,2}?bij (?:mij|me|ons)\b")  # the one it is for
_HEALTHY_KIN = re.compile(_HEALTHY_RELATIVE)

_ALONE = re.compile(
    r"\b(?:woon|woont|wonen|leef|leeft|leven)(?: (?!niet\b|samen\b|met\b|bij\b)\w+){0,5} alleen\b"
    r"|\balleen(?:wonend|wonende| wonend| wonende)\b|\bgeen partner en geen kinderen\b"
    r"|\b(?:alleenstaand|alleenstaande|weduwe|weduwnaar)\b"
    r"|\b(?:woon|woont|wonen) (?:nog )?op (?:zichzelf|zich zelf|mezelf)\b"
    # Soon: "ik ga weer alleen wonen", "na de kliniek woon ik weer alleen".
    r"|\b(?:ga|gaat|gaan) (?:\w+ )?alleen wonen\b|\bweer alleen (?:wonen|woon|woont)\b"
    # The one they lived with died: "onze moeder, bij wie hij woonde, is vorige maand overleden".
    r"|\bbij wie (?:hij|ze|zij|ik) woonde,? is (?:\w+ ){0,3}(?:overleden|gestorven)\b"
)

_LONG = re.compile(
    r"\b(?:al jaren|voor altijd|voorgoed|blijvend|permanent|de rest van (?:mijn|haar|zijn) leven|chronisch"
    r"|al (?:\d+|een paar|twee|drie|vier|vijf|tien) jaar|steeds erger|gaat niet meer over|niet meer beter"
    r"|(?:dit|dat|het) (?:zo )?blijft(?: zo)?|blijft dit zo)\b"
    # "een prothese lukt niet, dus hij blijft in een rolstoel", "ze zal nooit meer lopen".
    r"|\b(?:blijf|blijft|blijven)(?: \w+){0,2} (?:in|aan) (?:een|de|zijn|haar|mijn) (?:rolstoel|scootmobiel|bed)\b"
    r"|\bnooit meer (?:\w+ )?(?:lopen|kunnen lopen)\b"
)
_SHORT = re.compile(
    r"\b(?:(?:een |voor een )?paar (?:weken|dagen|maanden)|tijdelijk|tot ik hersteld ben|herstel|revalidatie"
    r"|revalideren|tot de operatie|na (?:mijn|haar|zijn|de) operatie)\b"
)

# A stretch of time, "2 maanden", "zes weken", "een half jaar", in months; a word before it may say
# it is past ("al 2 maanden", "sinds 3 weken") or no stretch at all ("om de 2 weken", "over 2 weken",
# "een baby van 3 maanden").
SHORT_MONTHS = 6  # aids needed for less than about half a year come through the health insurer
_COUNTS = {"een": 1.0, "twee": 2.0, "drie": 3.0, "vier": 4.0, "vijf": 5.0, "zes": 6.0, "zeven": 7.0, "acht": 8.0}
_COUNTS.update({"negen": 9.0, "tien": 10.0, "twaalf": 12.0, "anderhalve": 1.5, "anderhalf": 1.5, "een half": 0.5})
_MONTHS_PER = {"dag": 1 / 30, "week": 12 / 52, "maand": 1.0, "jaar": 12.0}
_UNITS_OF = {"dagen": "dag", "weken": "week", "maanden": "maand", "jaren": "jaar", **{u: u for u in _MONTHS_PER}}
_SPAN = re.compile(
    r"\b(?:(\w+) )?(\d{1,3}|" + "|".join(sorted(_COUNTS, key=len, reverse=True)) + r") "
    r"(dagen|dag|weken|week|maanden|maand|jaren|jaar)\b( geleden)?"
)
_SPAN_PAST = {"al", "sinds", "afgelopen", "ruim"}
_SPAN_NONE = {"van", "over", "de", "elke", "per", "binnen", "om", "ben", "is", "wordt", "word", "bijna"}
_SPAN_AHEAD_YEARS = {"voor", "nog", "komende", "minstens", "zeker"}  # "ik ben 80 jaar" is an age


_RETURNED = re.compile(r"[^.,;!?]{0,20}\b(?:terug|terugbrengen|inleveren|ingeleverd)\b")


def months_named(text: str) -> float | None:
    """The first stretch of time an answer names, in months: "een maand of 2" is 1, "zes weken" 1.4."""
    match = _SPAN.search(_plain(text))
    return _months(match) if match else None


def _months(match: "re.Match[str]") -> float:
    count = match.group(2)
    return (float(count) if count.isdigit() else _COUNTS[count]) * _MONTHS_PER[_UNITS_OF[match.group(3)]]


def _stretch_ahead(plain: str) -> Duration | None:
    """How long it will be needed by a stretch the opening names: "de komende 6 weken", "2 maanden een
    rolstoel nodig" (short), "voor 2 jaar" (long); a long past stretch ("al 8 maanden") is long too."""
    for match in _SPAN.finditer(plain):
        before, unit = match.group(1), _UNITS_OF[match.group(3)]
        if before in _SPAN_NONE or (unit == "jaar" and before not in _SPAN_AHEAD_YEARS | _SPAN_PAST):
            continue
        # "een leenrolstoel die na drie maanden terug moet": when a loan ends, not how long it is needed.
        if _RETURNED.match(plain, match.end()):
            continue
        months = _months(match)
        if before in _SPAN_PAST or match.group(4):
            if months >= SHORT_MONTHS:
                return Duration.lang
            continue
        return Duration.kort if months < SHORT_MONTHS else Duration.lang
    return None


_WLZ = (
    r"(?:wlz(?:[- ]?indicatie)?|indicatie (?:van|voor) de wlz|ciz[- ]indicatie|indicatie van het ciz"
    r"|zzp|zorgzwaartepakket|zorgprofiel|vpt|mpt|volledig pakket thuis|modulair pakket thuis)"
)
_WLZ_UNSURE = re.compile(rf"\b(?:weet (?:ik |ze |hij )?niet|geen idee|onbekend)\b.{{0,30}}\b{_WLZ}\b")
_WLZ_NO = re.compile(
    rf"\b(?:geen|zonder|niet|nooit)\b(?: \w+){{0,2}} {_WLZ}\b"
    rf"|\b{_WLZ}\b (?:heeft (?:ze|hij)|heb ik|is er|hebben we) (?:nog )?(?:niet|geen)\b"
)
_WLZ_YES = re.compile(rf"\b{_WLZ}\b")
_INSTITUTION = re.compile(
    r"\b(?:in|naar) (?:een|het|de) (?:verpleeghuis|zorginstelling|instelling|woonzorgcentrum|zorgcentrum|"
    r"verzorgingshuis|wlz-instelling|woonvorm|kleine woonvorm|woongroep|gezinsvervangend tehuis)\b"
)
_AT_HOME = re.compile(
    r"\b(?:woont|woon|wonen) (?:nog |gewoon |nog gewoon )?"
    r"(?:bij (?:ons|mij|me|haar|hem|zijn ouders|haar ouders) )?thuis\b"
    r"|\bthuis (?:wonen|woont|blijven)\b"
    r"|\b(?:woont|woon|wonen) (?:nog |gewoon )?"
    r"(?:zelfstandig|op zichzelf|in (?:een|mijn|haar|zijn) eigen (?:huis|woning))\b"
    r"|\b(?:volledig|modulair) pakket thuis\b|\bmodulair pakket\b|\bvpt\b|\bmpt\b"
    # Wlz care delivered at home: "krijgt thuis zorg via het zorgkantoor", "ze krijgt haar zorg thuis".
    r"|\b(?:krijgt|krijg|krijgen) (?:\w+ )?thuis (?:\w+ )?(?:zorg|verpleging|begeleiding)\b"
    r"|\b(?:krijgt|krijg|krijgen) (?:haar |zijn |mijn |de )?(?:zorg|wlz-zorg) thuis\b"
)
_PGB = re.compile(r"\bpgb\b|\bpersoonsgebonden budget\b")

# Blijvend toezicht dag en nacht: the Wlz-criterion (Wlz art. 3.2.1), also without an indicatie yet.
# Also "geen minuut alleen", and someone always near, night included: "ook 's nachts moet er altijd iemand
# bij haar zijn" (Wlz art. 3.2.1: permanent toezicht or 24 uur per dag zorg in de nabijheid). Not "altijd iemand
# bij" alone: "als ze douchet moet er altijd iemand bij zijn" is help with one thing.
_DAY_AND_NIGHT = re.compile(
    r"\bgeen (?:moment|minuut|seconde) (?:meer )?alleen\b|\bnooit (?:meer )?alleen (?:zijn|gelaten|laten|blijven)\b"
    r"|\b(?:'?s ?nachts|dag en nacht)(?: \w+){0,3} altijd iemand bij\b"
    r"|\baltijd iemand bij (?:haar|hem|mij|ons|hen) (?:zijn |te zijn )?(?:ook )?(?:'?s ?nachts|dag en nacht)\b"
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
    r"|\bsta(?:at)? er alleen voor\b|\bfamilie (?:heeft|hebben) (?:ze|zij|hij) niet\b"
    # The one who helped has moved away: "mijn moeder deed mijn boodschappen, maar ze is naar Spanje verhuisd".
    r"|\b(?:maar|en) (?:ze|zij|hij|die) (?:is|zijn) (?:nu |onlangs |net )?(?:naar \w+ |ver weg )?"
    r"(?:verhuisd|geëmigreerd|geemigreerd)\b"
    # Those who would help need help themselves: "mijn ouders zijn zelf hulpbehoevend".
    r"|\b(?:mijn|m'n|onze|zijn|haar) (?:ouders|familie|kinderen|broer|zus|moeder|vader) (?:is|zijn) zelf (?:ook )?"
    r"(?:hulpbehoevend|ziek|te oud|op leeftijd|slecht ter been)\b"
    # Family far away: "mijn familie woont in Polen", "mijn kinderen wonen in het buitenland".
    r"|\b(?:mijn|m'n|onze) (?:familie|kinderen|ouders) (?:woont|wonen) (?:\w+ )?(?:ver weg|in het buitenland"
    r"|in (?!de\b|het\b|dezelfde\b|hetzelfde\b|huis\b)\w+)\b"
)
_PAID_HELP = re.compile(
    r"\bbetaal (?:nu |al |zelf )*(?:een |de |er )?(?:schoonmaakster|schoonmaker|werkster|poetshulp|hulp|thuiszorg|coach"
    r"|begeleider|begeleiding|iemand|oppas)\b"
    r"|\b(?:schoonmaakster|werkster|hulp) (?:die )?(?:ik|we|ze|hij) zelf betaal"
)
_I_HELP_ENOUGH = re.compile(rf"{_I_HELP}.{{0,120}}{_GOES_WELL}")
_OTHERS_HELP_ENOUGH = re.compile(rf"(?:{_OTHERS_HELP}).{{0,120}}{_GOES_WELL}")
_I_HELP_TOO_HEAVY = re.compile(rf"{_I_HELP}.{{0,80}}{_TOO_HEAVY}|\b(?:wordt|werd) (?:me|mij|ons) te (?:zwaar|veel)\b")
_OTHERS_HELP_TOO_HEAVY = re.compile(
    rf"(?:{_OTHERS_HELP}).{{0,120}}{_TOO_HEAVY}"
    # A housemate named before: "Hij zorgt voor haar, maar ... het wordt hem te zwaar".
    r"|\b(?:hij|zij|ze) (?:zorgt voor|verzorgt|helpt) (?:haar|hem)(?=[,.;]| (?:met|bij|en|maar)\b)"
    rf".{{0,80}}{_TOO_HEAVY}"
)

# Walk-in help tried without result: "het steunpunt heb ik al geprobeerd, maar dat is niet genoeg".
_TRIED_NOT_ENOUGH = re.compile(
    r"\b(?:geprobeerd|al (?:\w+ ){0,3}?geweest|gebruik (?:ik |we )?al|ga (?:ik |we )?al (?:naar|bij))\b[^.?!]{0,60}?"
    r"\b(?:niet genoeg|te weinig|onvoldoende|(?:helpt|hielp|helpen|hielpen|werkt|werkte|past|paste) niet)\b"
)

# What is there already: bought, worn out, or still working. The thing is named, so that "haar
# knieen zijn versleten" is not a worn-out aid (the caller checks it is no part of the body).
_BOUGHT = re.compile(
    r"\b(?:zelf|al) (?:\w+ ){0,3}(?:gekocht|aangeschaft|besteld|laten (?:plaatsen|maken|bouwen|installeren))\b"
    # Done before asking: "daarom hebben we in maart de badkamer laten verbouwen".
    r"|\b(?:hebben|heb|heeft) (?:we|wij|ik|ze|hij) (?:(?!(?:niet|nooit|geen|nog)\b)\w+ ){0,7}?"
    r"(?:laten (?:verbouwen|aanpassen|plaatsen|maken|bouwen"
    r"|installeren)|gekocht|aangeschaft|verbouwd)\b"
)
_THING = (
    r"\b(?:de|het|mijn|zijn|haar|onze|m'n) (?:oude |huidige )?(?:\w+(?:e|en) )?(\w+)"
    r"(?: van (?:mijn|zijn|haar|onze|de) \w+(?: van \d+)?)?"
)
_GONE = r"(?:versleten|kapot|stuk|afgekeurd|gestolen|aan vervanging toe|niet meer te repareren)"
_WORN = re.compile(
    rf"{_THING} (?:is|zijn|raakt|raakte) (?:\w+ ){{0,4}}{_GONE}\b"
    rf"|\b(?:is|werd) {_THING} (?:\w+ ){{0,5}}?(?:gestolen|kapot gegaan|gesloopt)\b"  # "is de scootmobiel ... gestolen"
    # No longer fit: "zijn handbewogen rolstoel krijgt hij zelf niet meer vooruit".
    rf"|{_THING} (?:\w+ ){{0,3}}?(?:niet meer vooruit|past niet meer|is te klein geworden|ontgroeid)\b"
    rf"|\buit {_THING} gegroeid\b"  # "hij is uit zijn rolstoel gegroeid"
)
# Not there yet: "die rolstoel hebben we niet".
_NOT_HAD = re.compile(r"\b(?:die|dat|deze) (\w+) (?:hebben|heb|heeft) (?:we|wij|ik|ze|zij|hij) (?:nog )?niet\b")
_WORKS = re.compile(rf"{_THING} (?:doet het nog|werkt nog|is nog goed|is nog prima|rijdt nog)\b")
# "een scootmobiel van de gemeente die het nog prima doet"
_STILL_WORKS = re.compile(
    r"\b(?:die|dat) (?:het )?nog (?:(?:prima|goed|best|gewoon|steeds|altijd) )?(?:doet|werkt|rijdt|functioneert)\b"
    r"|\b(?:die|dat) (?:het )?(?:prima|goed|best) (?:doet|werkt|rijdt)\b"
    r"|\b(?:die|dat) (?:doet|werkt|rijdt) (?:het )?nog (?:prima|goed|best|gewoon)\b"
)
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
    helped = bool(_HELPS_ME.search(_plain(text)))
    plain = _RELATIVE_NOT_MEANT.sub(",", _plain(text))
    relative = _first_group(_FOR_RELATIVE.search(plain))
    if relative:
        return Subject.ander, _named(relative)
    child_of = _CHILD_OF.search(plain)
    if child_of:  # "ik ben de zoon van meneer Jansen"
        return Subject.ander, {"meneer": "uw vader", "mevrouw": "uw moeder"}.get(child_of.group(1), "uw naaste")
    if _FOR_SOMEONE.search(plain):
        return Subject.ander, "uw naaste"
    relative = _first_group(_RELATIVE_SUBJECT.search(plain))
    plain = _ASKS_WHERE.sub(",", plain)  # the speaker asking where to apply is not the one it is for
    # "ik ben 72 en gezond" next to "mijn vrouw kan niet meer koken": the resident is not the one.
    self_meant = (helped or bool(_FOR_SELF.search(plain))) and not (relative and _SELF_HEALTHY.search(plain))
    # "Mijn vrouw heeft MS. Ik doe het huishouden": the resident helps, the relative is the one.
    if relative and (not self_meant or re.search(_I_HELP, plain)):
        return Subject.ander, _named(relative)
    if self_meant and not relative:
        return Subject.zelf, "u"
    opens = _first_group(_RELATIVE_OPENS.search(plain))
    if opens and not relative and not self_meant:
        return Subject.ander, _named(opens)
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
    if word in _UNITS:
        return _UNITS[word]
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
    stretch = _stretch_ahead(plain)
    long = bool(_LONG.search(plain)) or stretch is Duration.lang
    short = bool(_SHORT.search(plain)) or stretch is Duration.kort
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


def care_day_and_night_after_all(text: str) -> bool:
    """ "weet ik niet, een indicatie heeft hij niet. maar hij kan nooit meer alleen gelaten worden": after
    "maar", blijvend toezicht dag en nacht, the Wlz's own criterion (Wlz art. 3.2.1) whatever is known of
    an indicatie. Without "maar" ("nee, 24 uur toezicht") the answer says both and stays unclear."""
    parts = re.split(r"\bmaar\b", _plain(text))
    last = parts[-1]
    return len(parts) > 1 and bool(_DAY_AND_NIGHT.search(last) and not _NOT_DAY_AND_NIGHT.search(last))


_WITHOUT_TREATMENT = re.compile(r"\b(?:zonder|geen) behandeling\b|\bkleine(?:schalige)? woonvorm\b")


def without_treatment(text: str | None) -> bool:
    """ "woont in een kleine woonvorm, zonder behandeling": a Wlz home without behandeling, where a mobility
    aid stays with the Wmo (Wmo 2015 art. 8.6a onder b)."""
    return bool(text and _WITHOUT_TREATMENT.search(_plain(text)))


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


def stated_help(text: str, for_other: str | None) -> HelpNow | None:
    """Help from others as the words say it: nobody ("ze heeft niemand", "geen netwerk"), help one
    pays for, or help from others ("mijn broer rijdt haar overal heen en dat gaat prima") or, asking
    for someone else (`for_other` names them: "uw moeder"), from the resident, that goes well or is too
    heavy. None when unclear or pointing both ways."""
    plain = _plain(text)
    helped = (for_other or "").removeprefix("uw ")
    # The resident's own help counts for someone else, and for a mantelzorger asking for herself.
    carer = bool(for_other) or says_carer(text)

    def others(pattern: "re.Pattern[str]") -> bool:  # the one it is for does not help themselves
        himself = re.compile(rf"(?:mijn|m'n|mn|onze|ons) {helped}\b") if helped else None
        return any(not (himself and himself.match(found.group(0))) for found in pattern.finditer(plain))

    found = {
        HelpNow.nee: bool(_NOBODY.search(plain)),
        HelpNow.zelf_betaald: bool(_PAID_HELP.search(plain)),
        HelpNow.netwerk_genoeg: others(_OTHERS_HELP_ENOUGH) or bool(carer and _I_HELP_ENOUGH.search(plain)),
        HelpNow.netwerk_te_zwaar: others(_OTHERS_HELP_TOO_HEAVY) or bool(carer and _I_HELP_TOO_HEAVY.search(plain)),
    }
    said = [help_now for help_now, stated in found.items() if stated]
    return said[0] if len(said) == 1 else None


def tried_general(text: str) -> bool:
    """ "De maaltijdservice heb ik geprobeerd, maar dat helpt niet genoeg": tried, and not enough."""
    return bool(_TRIED_NOT_ENOUGH.search(_plain(text)))


_LOAN_ENDS = re.compile(
    r"\b(?:te leen|geleend\w*|leen\w+|in bruikleen|uitleen)\b[^.;!?]{0,60}?\b(?:terug|inleveren|ingeleverd)\b"
)


def stated_has_it(text: str) -> tuple[HasIt, str | None] | None:
    """Bought already, a worn-out one or one that still works, with the thing named ("de rolstoel ...
    is versleten": "rolstoel"; None for "zelf een scootmobiel gekocht")."""
    plain = _plain(text)
    if _LOAN_ENDS.search(plain):  # a loan that goes back is no aid of one's own (Zvw uitleen is short)
        return HasIt.nee, None
    worn, thing = _WORN.search(plain), _WORKS.search(plain)
    works = thing or _STILL_WORKS.search(plain)
    if works and _UNFIT.search(plain):  # "werkt nog, maar is te klein": a consultant asks
        return None
    if _BOUGHT.search(plain) and not (worn or works):
        return HasIt.zelf_geregeld, None
    if worn and not works:
        return HasIt.oude_versleten, _first_group(worn)
    if works and not worn:
        return HasIt.oude_werkt, thing.group(1) if thing else None
    missing = _NOT_HAD.search(plain)
    if missing and not (worn or works):
        return HasIt.nee, missing.group(1)
    return None


def _sentence(plain: str, match: "re.Match[str]") -> str:
    """The sentence the match is in: "ik woon samen met mijn gezonde vriend, maar ..."."""
    start = max(plain.rfind(mark, 0, match.start()) for mark in ".;!?") + 1
    ends = [found for mark in ".;!?" if (found := plain.find(mark, match.end())) >= 0]
    return plain[start : min(ends, default=len(plain))]


# A partner away for weeks at a time for work gives no gebruikelijke hulp in those weeks (CIZ Protocol
# gebruikelijke zorg; municipal beleidsregels: langdurige afwezigheid van de huisgenoot).
_AWAY = re.compile(
    rf"(?:mijn|m'n|me) {_SPOUSE} (?:\w+ ){{0,3}}?(?:werkt|zit|is|vaart|rijdt) (?:\w+ ){{0,3}}?"
    r"(?:offshore|op zee|op een platform|in het buitenland|weken (?:achter elkaar )?(?:weg|van huis))\b"
)


def no_partner_to_help(text: str) -> bool:
    """ "mijn man is zelf ook ziek", "mijn vrouw is vorig jaar overleden", "mijn man werkt offshore": the
    resident's partner cannot take the household over (no gebruikelijke hulp)."""
    plain = _plain(text)
    ill = _ILL_PARTNER.search(plain) and re.search(_ILL_TOO, plain)
    return bool(ill or _WIDOWED.search(plain) or _AWAY.search(plain))


# Where the one it is for sleeps tonight, as the opening says it.
_SLEEPS_SAFE = re.compile(
    r"\b(?:slaap|slaapt|slapen|logeer|logeert|logeren|verblijf|verblijft|zit|woon|woont) (?:nu |voorlopig |tijdelijk "
    r"|even |op dit moment )?(?:bij|in) (?:een |mijn |m'n |haar |zijn |de )?(?:vriend|vriendin|vrienden|familie|ouders"
    r"|moeder|vader|zus|broer|dochter|zoon|kennis|kennissen|opvang|nachtopvang|hotel|pension|vakantiepark)\b"
)
_NO_PLACE = re.compile(
    # "ik weet niet waar ik vannacht moet slapen", "ik heb geen idee waar ik vannacht moet slapen"
    r"\b(?:(?:weet|weten) (?:niet|nog niet)|(?:heb|hebben|heeft) geen (?:flauw )?idee) waar (?:ik|ze|hij|we) "
    r"(?:vannacht |vanavond )?(?:moet |kan |moeten |kunnen )?slapen\b"
    r"|\b(?:slaap|slaapt|slapen) (?:nu |vannacht )?(?:op straat|buiten|in de auto|in een portiek)\b"
    r"|\b(?:geen|nergens een) (?:slaapplek|plek om te slapen)\b|\bnergens (?:om )?te slapen\b"
)


def stated_safe_tonight(text: str) -> YesNo | None:
    """ "ik slaap nu bij een vriend": a safe place tonight; "weet niet waar ik moet slapen": none."""
    plain = _plain(text)
    safe, none = bool(_SLEEPS_SAFE.search(plain)), bool(_NO_PLACE.search(plain))
    return None if safe == none else YesNo.ja if safe else YesNo.nee


def stated_healthy(text: str, for_other: bool) -> bool:
    """No illness or limitation, as the words say it of the one it is for: "ik ben kerngezond", "ik
    mankeer niks"; "hij is gezond" of someone else ("gezond van geest" is no such thing)."""
    plain = _plain(text)
    return bool((_OTHER_HEALTHY if for_other else _SELF_HEALTHY_ONLY).search(plain))


# "ik red me prima", "ze redt zich nog": the resident manages, whatever the diagnosis; walk-in help fits.
_MANAGES = re.compile(
    r"\b(?:red|redt|redden) (?:me|mij|zich|ons|mezelf|zichzelf)(?: (?:nog|wel|zelf|verder|goed|prima|best|aardig))*"
    r" (?:nog|prima|goed|best|aardig|wel)\b(?! (?:niet|nauwelijks|amper|slecht|moeilijk)\b)"
    r"|\b(?:red|redt|redden) (?:me|mij|zich|ons|mezelf|zichzelf) (?:nog|prima|goed)?$"
)


def manages_self(text: str) -> bool:
    """ "Ik heb autisme, maar ik red me prima", "ze redt zich nog": memory or psychiatric problems that do
    not stop someone using help that is there for everyone, so that help goes first (Wmo 2015 art. 2.3.5
    lid 3). "Ze redt zich niet meer" and "hij redt zich nog niet" say the opposite."""
    plain = _plain(text)
    return any(_MANAGES.search(part.strip()) for part in re.split(r"[.,;!?]", plain))


def healthy_housemate(text: str, for_other: str | None) -> bool:
    """A healthy housemate: "mijn man is gezond", "mijn zoon van 45 woont bij mij in en is gezond" (a
    partner lives in; anyone else when the words say so), or, from someone asking for another
    (`for_other` names them: "uw vrouw"), "ik ben 72 en gezond" from a partner or one who lives in."""
    plain = _plain(text)
    for match in _HEALTHY_KIN.finditer(plain):
        kin = next(group for group in match.groups() if group)
        if kin in _PARTNERS or _LIVES_WITH.search(_sentence(plain, match)):
            return True
    if for_other is None or not _SELF_HEALTHY.search(plain):
        return False
    return for_other.removeprefix("uw ") in _PARTNERS or bool(_LIVES_WITH_ME.search(plain))
