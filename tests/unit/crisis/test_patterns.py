"""The crisis patterns (content/crisis.yml, signals) are the first line of defence, independent of the
classifier: they find signs of acute need in many phrasings (recall first), and raise no alarm on
ordinary messages that use the same words in an everyday sense (slaan, dood, bang, op, kapot,
slaapplek). The phrasings below are written for this test and are not training examples."""

from pathlib import Path

import pytest
import yaml

from bot.crisis import CrisisDetector, CrisisKind, read_crisis_file
from bot.dutch import normalise
from bot.settings import settings

ROOT = Path(__file__).resolve().parents[3]

SIGNS = [
    ("mijn opa gilt steeds 'help' vanuit de slaapkamer en de deur zit op slot", "gevaar"),
    ("mama praat opeens heel vreemd en haar gezicht staat scheef", "gevaar"),
    ("zijn mond trekt ineens scheef, wat moet ik doen", "gevaar"),
    ("plotseling kan hij zijn linker arm niet meer bewegen, die is helemaal slap", "gevaar"),
    ("hij zweet, is heel slaperig en reageert haast niet.", "gevaar"),
    ("haar bloedsuiker staat op 2,1 en ze is heel suf", "gevaar"),
    ("mijn moeder heeft hoge koorts en is helemaal in de war, ze ziet beestjes", "gevaar"),
    ("sinds vanochtend herkent opa ons niet meer", "gevaar"),
    ("Het hoeft voor mij echt niet meer.", "zelfdoding"),
    ("iedereen zou beter af zijn zonder mij", "zelfdoding"),
    ("mijn kinderen zijn beter af zonder me", "zelfdoding"),
    ("Ik ben mijn familie alleen maar tot last.", "zelfdoding"),
    ("ik wou dat ik dood was", "zelfdoding"),
    ("was ik maar dood, dan was het klaar", "zelfdoding"),
    ("ik zou willen inslapen en niet meer wakker worden", "zelfdoding"),
    ("ik spaar mijn slaappillen op", "zelfdoding"),
    ("ik overweeg uit het leven te stappen", "zelfdoding"),
    ("mijn opa heeft een afscheidsbrief op tafel gelegd", "zelfdoding"),
    ("mijn zoon zegt steeds dat hij dood wil", "zelfdoding"),
    ("ik heb geen zin meer in alles en wil eigenlijk dood", "zelfdoding"),
    ("mijn vrouw denkt aan suïcide", "zelfdoding"),
    ("ik heb suicidale gedachten", "zelfdoding"),
    ("ik wil niet meer verder leven met deze pijn", "zelfdoding"),
    ("het heeft allemaal geen zin meer", "zelfdoding"),
    ("ik wil gewoon verdwijnen, voor altijd", "zelfdoding"),
    ("Ik maak er een eind aan vannacht", "zelfdoding"),
    ("hij wil van de brug springen", "zelfdoding"),
    ("ik denk erover om voor de trein te springen", "zelfdoding"),
    ("mijn moeder zegt dat ze liever dood is dan zo te leven", "zelfdoding"),
    ("eigenlijk wil ik hier niet meer zijn", "zelfdoding"),
    ("ik zie het niet meer zitten allemaal", "zelfdoding"),
    ("niemand zou me missen als ik weg ben", "zelfdoding"),
    ("ik denk elke dag aan de dood", "zelfdoding"),
    ("mijn broer zei dat hij er straks niet meer is", "zelfdoding"),
    ("ze wil zichzelf van kant maken", "zelfdoding"),
    ("ik wil mijn leven beëindigen, er is geen uitweg meer", "zelfdoding"),
    ("mijn dochter heeft een zelfmoordpoging gedaan", "zelfdoding"),
    ("mijn man dreigt mij dood te maken", "geweld"),
    ("hij zegt dat hij me gaat vermoorden", "geweld"),
    ("mijn partner kwam met een mes op me af", "geweld"),
    ("mijn zoon eiste geld en dreigde met een hamer", "geweld"),
    ("mijn vriend sloeg me gisteravond in mijn gezicht", "geweld"),
    ("Mijn stiefvader slaat mij.", "geweld"),
    ("ik ben 13 en mijn moeder schopt me", "geweld"),
    ("mijn ouders slaan ons met een riem", "geweld"),
    ("ik denk dat het buurmeisje thuis geslagen wordt", "geweld"),
    ("mijn zus wordt mishandeld door haar vriend", "geweld"),
    ("hij duwde me tegen de grond", "geweld"),
    ("mijn man heeft mij bij mijn keel gepakt", "geweld"),
    ("ik ben met de kinderen gevlucht voor mijn ex", "geweld"),
    ("we moeten weg met de kinderen, hij is gevaarlijk", "geweld"),
    ("ik durf niet terug naar huis", "geweld"),
    ("ik wil naar een blijf-van-mijn-lijfhuis", "geweld"),
    ("ik ben bang dat ik mijn moeder iets aandoe", "geweld"),
    ("ik heb mijn vader met dementie geslagen, ik schaam me", "geweld"),
    ("ik heb haar door elkaar geschud omdat ze niet wilde eten", "geweld"),
    ("de verzorgster is hardhandig met mijn oma", "geweld"),
    ("mijn neef neemt elke week geld van mijn opa af", "geweld"),
    ("de rekening van mijn moeder is leeggehaald door haar nieuwe vriend", "geweld"),
    ("mijn tante is financieel uitgebuit", "geweld"),
    ("mijn broer heeft de bankpas van mijn vader ingepikt", "geweld"),
    ("iemand steelt geld van mijn oma, ik denk de thuishulp", "geweld"),
    ("mijn opa wordt verwaarloosd door mijn oom", "geweld"),
    ("mijn ex staat steeds voor de deur en volgt me", "geweld"),
    ("ik word gestalkt door een buurman", "geweld"),
    ("mijn ex blijft me bedreigen", "geweld"),
    ("hij sluit haar op in de slaapkamer", "geweld"),
    ("ik ben bang voor mijn kleinzoon", "geweld"),
    ("ik ben bang dat hij de kinderen iets aandoet", "geweld"),
    ("mijn schoonzoon bedreigt mijn dochter", "geweld"),
    ("hij zei dat hij het huis in brand zou steken", "geweld"),
    ("ik voel me niet veilig in mijn eigen huis", "geweld"),
    ("mijn vader is net gevallen en komt niet meer overeind", "gevaar"),
    ("mijn man ligt op de vloer en reageert niet", "gevaar"),
    ("mijn buurvrouw is gevallen en ademt nauwelijks", "gevaar"),
    ("Mijn opa is gevallen en ligt op de vloer, hij reageert bijna niet", "gevaar"),
    ("mijn moeder ligt al uren op de grond en kan niet meer opstaan", "gevaar"),
    ("ze is gevallen, ligt in de badkamer en praat haast niet", "gevaar"),
    ("mijn man is gevallen en ligt op de grond, ik krijg hem niet overeind", "gevaar"),
    ("hij reageert vrijwel niet meer", "gevaar"),
    ("ze is bewusteloos", "gevaar"),
    ("ik krijg mijn moeder niet wakker", "gevaar"),
    ("hij is niet meer aanspreekbaar", "gevaar"),
    ("mijn opa met dementie wordt vermist sinds vanochtend", "gevaar"),
    ("ik hoor iemand om hulp roepen bij de buren", "gevaar"),
    ("er is brand in de keuken", "gevaar"),
    ("ik ruik gas in de flat", "gevaar"),
    ("het stinkt hier ineens naar gas in de gang", "gevaar"),
    ("volgens mij is er een gaslek bij oma", "gevaar"),
    ("mijn vader heeft nu pijn op de borst en zweet heel erg", "gevaar"),
    ("hevige pijn op de borst sinds een kwartier", "gevaar"),
    ("mijn moeder krijgt ineens bijna geen lucht", "gevaar"),
    ("hij loopt met een bijl achter de hond van de buren aan", "geweld"),
    ("mijn zoon zegt dat hij de buurman gaat neersteken", "geweld"),
    ("hij heeft gedreigd dat hij ons wat aandoet als we praten", "geweld"),
    ("ik durf vanavond niet naar huis te gaan", "geweld"),
    ("ik heb de buurman al dagen niet gezien, de gordijnen zijn dicht", "gevaar"),
    ("er is direct gevaar voor mijn moeder", "gevaar"),
    ("ik heb vannacht geen bed", "dakloos"),
    ("ik slaap al drie nachten in het park", "dakloos"),
    ("vanavond sta ik op straat en weet niet waarheen", "dakloos"),
    ("mijn vriendin heeft me het huis uit gezet", "dakloos"),
    ("ik ben eruit geschopt door mijn vader", "dakloos"),
    ("ik heb geen onderdak", "dakloos"),
    ("we worden morgen ontruimd", "dakloos"),
    ("ik kan vannacht nergens slapen", "dakloos"),
    ("ik slaap in een tent in het bos", "dakloos"),
    ("mijn dochter is dakloos geworden", "dakloos"),
    ("ik kan niet meer.", "overbelast"),
    ("vader dwaalt elke nacht, mijn moeder kan niet meer, help", "overbelast"),
    ("ik trek het echt niet meer met mijn vader", "overbelast"),
    ("ik ga eronderdoor, de zorg is te zwaar", "overbelast"),
    ("ik stort in, ik zorg al jaren alleen", "overbelast"),
    ("alles wordt me te veel", "overbelast"),
    ("ik ben op van het zorgen", "overbelast"),
    ("ik ga kapot aan de zorg voor mijn zoon", "overbelast"),
    ("ik zit op mijn tandvlees met mijn man", "overbelast"),
    ("het water staat me tot de lippen", "overbelast"),
    ("ik ben volledig opgebrand als mantelzorger", "overbelast"),
    ("mijn moeder is totaal uitgeput van de zorg voor mijn vader", "overbelast"),
    ("ik hou dit niet meer vol", "overbelast"),
    ("mijn broer neemt sinds zaterdag zijn mobiel niet meer op en hij is epilepticus", "gevaar"),
    ("al drie dagen neemt mijn tante haar telefoon niet op", "gevaar"),
    ("ik krijg klappen van mijn stiefvader als hij gedronken heeft", "geweld"),
    ("mijn zus krijgt thuis een pak slaag als ze te laat is", "geweld"),
    ("had ik maar niet meer wakker hoeven worden", "zelfdoding"),
    ("waarom moet ik nog doorgaan eigenlijk", "zelfdoding"),
    ("zonder mij zijn ze echt gelukkiger", "zelfdoding"),
    ("hij zit in de garage met de motor aan en doet niet open", "zelfdoding"),
    ("waar kan ik vannacht nog slapen, mijn vriend heeft me eruit gezet", "dakloos"),
    ("is er vanavond ergens een bed vrij voor mij", "dakloos"),
    ("ik sta sinds vanmiddag op straat, wat nu", "dakloos"),
    ("hij heeft me gisteren in de keuken hard geslagen", "geweld"),
    ("opa is gestruikeld in de gang en hij bloedt uit zijn hoofd", "gevaar"),
    ("ze is gevallen en praat nu heel verward", "gevaar"),
    ("mijn vader praat opeens onduidelijk en zijn mond hangt", "gevaar"),
]

ORDINARY = [
    "sinds zijn beroerte hangt zijn arm slap, kan hij een aangepaste stoel krijgen",
    "mijn suiker is 12 vandaag, dat gaat goed, maar ik wil huishoudelijke hulp",
    "ik moet mijn suiker 4 keer per dag prikken, valt dat onder de wmo",
    "mijn vader herkent mij niet meer door zijn dementie, kan hij naar de dagbesteding",
    "ze had vorige week koorts, nu is ze weer beter, maar het huishouden lukt niet",
    "mijn moeder is al jaren in de war door alzheimer, kan ze beschermd wonen",
    "mijn moeder is vorig jaar van de trap gevallen, kan ze een traplift krijgen",
    "mijn vader praat onduidelijk sinds zijn beroerte, kan hij hulp bij de post krijgen",
    "ik ben gisteren gevallen met de fiets, niks ergs, maar kan ik een rollator lenen",
    "het wijkteam neemt al dagen de telefoon niet op, hoe bereik ik ze",
    "mijn moeder neemt de telefoon niet op als ze slaapt, kan de thuiszorg bellen",
    "de regiotaxi neemt sinds gisteren de telefoon niet op",
    "krijgt de zorg klappen door de bezuinigingen",
    "de motor van mijn scootmobiel maakt lawaai, hij staat in de garage",
    "is het zonder mij makkelijker te regelen als mijn zoon het aanvraagt",
    "ik sta op straat te wachten op de regiotaxi",
    "ik sta op straat met mijn scootmobiel en hij doet het niet meer",
    "zijn er vanavond nog plekken vrij bij de cursus valpreventie",
    "de accu van mijn rolstoel is dood",
    "mijn telefoon is dood, kunt u mij terugbellen",
    "de plantjes op het balkon gaan dood",
    "mijn man is vorig jaar doodgegaan, wat gebeurt er met zijn scootmobiel",
    "ik schrok me dood van de brief",
    "ik verveel me dood sinds ik niet meer werk, is er dagbesteding",
    "ik ben doodmoe na het mantelzorgen",
    "ik ben dood op",
    "de traplift slaat af bij de bocht",
    "mijn vader slaat vaak het ontbijt over",
    "mijn moeder slaat haar medicijnen soms over",
    "de scootmobiel slaat niet aan",
    "dit besluit slaat nergens op",
    "mijn kleinzoon slaat op de drums",
    "het slaat op de bijlage in de brief",
    "ik ben bang dat ik te veel eigen bijdrage betaal",
    "mijn moeder is bang om te vallen in de douche",
    "ik ben bang dat de huishoudelijke hulp stopt",
    "mijn vader is bang in het donker, kan er een nachtlampje",
    "ik ben bang voor de trap",
    "ik ben bang dat de gemeente nee zegt",
    "is er een slaapplek voor mijn kleinkinderen als ze logeren",
    "ik heb geen slaapplek beneden nodig",
    "kan mijn moeder een tijdje ergens logeren zodat ik op vakantie kan",
    "ik zoek een logeerhuis voor mijn zoon met een beperking",
    "mijn energie is op door de chemo",
    "het geld van het pgb is op",
    "mijn budget is uitgeput",
    "de voorraad incontinentiemateriaal is op",
    "hij kan de trap niet meer op",
    "ik kom niet meer op de eerste verdieping",
    "ik ben op dinsdag en donderdag thuis",
    "ik ben op vakantie in mei",
    "ik ga op de fiets naar de dagbesteding",
    "mijn rolstoel is kapot",
    "de stoel van mijn douche is kapot gegaan",
    "de trapleuning is kapot",
    "mijn knieën zijn kapot, ik kan niet meer fietsen",
    "ik ben er klaar mee, het formulier loopt steeds vast",
    "ik ben klaar met het formulier, wat nu",
    "ik kan niet meer lopen zonder rollator",
    "ik kan niet meer koken",
    "ik kan niet meer zelf douchen",
    "ik kan het niet meer alleen, wie helpt mij met het huishouden",
    "ik red het niet meer alleen met de boodschappen",
    "ik trek het niet meer alleen met de tuin",
    "het wordt me te veel werk om alles zelf in te vullen",
    "het huishouden wordt me te zwaar",
    "de mantelzorg valt me soms zwaar",
    "ik kan nergens terecht met mijn vraag over de traplift",
    "ik kan nergens heen zonder regiotaxi",
    "de gemeente reageert niet op mijn mail",
    "de zorgaanbieder reageert niet meer op mijn berichten",
    "mijn moeder reageert niet goed op de nieuwe medicijnen",
    "de deur van de berging gaat niet meer open",
    "mijn moeder doet de deur niet open voor vreemden",
    "het heeft geen zin meer om bezwaar te maken",
    "het hoeft niet meer, we hebben al een traplift",
    "de hulp hoeft niet meer, mijn moeder is opgeknapt",
    "welke opvang heeft de gemeente voor mensen zonder huis",
    "hoe werkt de nachtopvang voor daklozen in deze stad",
    "wat is vrouwenopvang precies",
    "mijn oma valt steeds en ik maak me zorgen, welke hulp is er",
    "mijn moeder is vorige week gevallen en heeft nu een rollator nodig",
    "sinds mijn vader gevallen is, kan hij niet meer alleen douchen",
    "mijn vader ligt veel op de bank en komt niet meer buiten",
    "mijn man is vorig jaar gevallen en kan nu niet meer fietsen",
    "ze lag na haar val twee weken in het ziekenhuis en loopt nu slecht",
    "de gemeente reageert bijna niet op mijn brieven",
    "mijn moeder reageert bijna niet meer op mijn berichten",
    "ik wil de wijkverpleging even spreken over de wondzorg",
    "mijn moeder wil thuis sterven",
    "mijn vader is overleden, moet ik de rolstoel inleveren",
    "we zijn gevlucht uit oekraïne, kan mijn moeder hulp krijgen",
    "ik breek mijn hoofd over dat formulier",
    "ik knap er echt van op als de hulp komt",
    "de band van de rolstoel zit er doorheen",
    "ik slaap slecht door de pijn in mijn rug",
    "mijn vader slaapt in een stoel in de woonkamer",
    "mijn man slaapt beneden omdat hij de trap niet op kan",
    "kan mijn moeder buiten de deur slapen als ik weg ben",
    "de regiotaxi liet me in de kou staan",
    "de rollator van mijn vader is uit de gang gestolen",
    "ik kan de deur niet open krijgen met mijn handen",
    "ik heb een mes met een dikke greep nodig",
    "mijn moeder kan niet meer lopen sinds de val",
    "hij kan niet meer zelf koken, is er maaltijdservice",
    "ik krijg geen lucht op de trap, kan ik een traplift krijgen",
    "mijn moeder krijgt geen lucht als ze de trap op loopt",
    "na het infarct had ik vaak pijn op de borst, nu zoek ik hulp in huis",
    "we koken op gas, kan het fornuis vervangen worden door inductie",
    "ik durf niet meer te douchen zonder beugel",
    "ik wil die oude kast dood maken, hij past niet meer",
    "met het mes naar de slijper gaan lukt me niet meer",
    "ik wil het formulier afmaken",
    "ik heb een poging gedaan om te bellen maar niemand nam op",
    "ik ben uitgeput na de operatie, kan ik tijdelijk huishoudelijke hulp",
    "de thuiszorg duwt haar rolstoel naar buiten",
    "ik ben op zoek naar een tillift",
    "we wachten ons een ongeluk op de beschikking",
    "de gemeente maakt me gek met die regels",
    "het is een ramp met de trap",
]


@pytest.fixture(scope="module")
def detector() -> CrisisDetector:
    return CrisisDetector(read_crisis_file(settings().crisis_file))


def _examples(path: Path, intent: str | None = None) -> list[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        (block["intent"], line[2:].strip())
        for block in data["nlu"]
        if "intent" in block and (intent is None or block["intent"] == intent)
        for line in block["examples"].splitlines()
        if line.startswith("- ")
    ]


def test_the_tables_are_large_and_separate_from_the_training_data() -> None:
    assert len(SIGNS) >= 80 and len(ORDINARY) >= 80
    assert {kind for _, kind in SIGNS} == {kind.value for kind in CrisisKind}
    trained = {normalise(text) for path in (ROOT / "data/nlu").glob("*.yml") for _, text in _examples(path)}
    reused = [text for text in [t for t, _ in SIGNS] + ORDINARY if normalise(text) in trained]
    assert reused == []


@pytest.mark.parametrize("text, kind", SIGNS)
def test_a_sign_of_acute_need_is_found_by_pattern(detector: CrisisDetector, text: str, kind: str) -> None:
    assert CrisisKind(kind) in detector.detect(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_an_everyday_use_of_a_word_of_danger_raises_no_alarm(detector: CrisisDetector, text: str) -> None:
    assert detector.detect(text) == []


def test_no_near_miss_in_the_training_data_raises_an_alarm(detector: CrisisDetector) -> None:
    examples = _examples(ROOT / "data/nlu/near_misses.yml")
    assert len(examples) >= 100 and all(intent != "crisis" for intent, _ in examples)
    assert [text for _, text in examples if detector.detect(text)] == []


def test_the_crisis_training_examples_are_many_and_most_are_found_by_pattern(detector: CrisisDetector) -> None:
    # The indirect phrasings no pattern reads are there on purpose: they teach the probe on sentence
    # embeddings (components/crisis_detector.py) what the patterns cannot spell out.
    examples = [text for _, text in _examples(ROOT / "data/nlu/crisis.yml", "crisis")]
    missed = [text for text in examples if not detector.detect(text)]
    assert len(examples) >= 140
    assert len(missed) <= len(examples) // 5, missed
