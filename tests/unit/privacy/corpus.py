"""The test sets for de-identification, generated from a fixed seed: personal data that must go,
in every notation the issue names and in Dutch sentences a resident writes, and look-alikes that
must stay. Shared by tests/unit/privacy/test_deidentify.py and the comparison with `deduce`
(tests/unit/privacy/compare_deduce.py)."""

import random
from dataclasses import dataclass

SEED = 12


@dataclass(frozen=True)
class Variant:
    kind: str
    text: str
    secret: str  # what must not survive, as written


FIRST = ["Jan", "Anna", "Piet", "Fatima", "Mohammed", "Sanne", "Kees", "Truus", "Henk", "Ineke", "Ahmet", "Lotte"]
LAST = ["Jansen", "de Vries", "Bakker", "van der Berg", "El Amrani", "Visser", "Smit", "de Jong", "Yilmaz", "Mulder"]
STREETS = ["Dorpsstraat", "Kerkweg", "Noordersingel", "Molenlaan", "Van Goghlaan", "Prins Hendrikkade", "Beukenhof"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "oktober", "december"]


def bsn(rng: random.Random) -> str:
    while True:
        head = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        last = sum(d * w for d, w in zip(head, range(9, 1, -1), strict=True)) % 11
        if last < 10:
            return "".join(map(str, head)) + str(last)


def not_bsn(rng: random.Random) -> str:
    while True:
        number = str(rng.randint(100_000_000, 999_999_999))
        digits = [int(d) for d in number]
        if (sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=False)) - digits[8]) % 11:
            return number


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _phones(rng: random.Random) -> list[str]:
    m, a, b = _digits(rng, 8), _digits(rng, 7), _digits(rng, 6)
    s, t = m[:2], m[2:]
    return [
        f"06{m}",
        f"06-{m}",
        f"06 {s} {t[:2]} {t[2:4]} {t[4:]}",
        f"06-{s} {t[:2]} {t[2:4]} {t[4:]}",
        f"06.{s}.{t[:2]}.{t[2:4]}.{t[4:]}",
        f"(06) {m}",
        f"+31 6 {m[:4]} {m[4:]}",
        f"+31-(0)6-{m}",
        f"+31 (0)6 {m}",
        f"+316{m}",
        f"0031 6 {m}",
        f"010-{a}",
        f"(010) {a[:3]} {a[3:5]} {a[5:]}",
        f"0{rng.randint(111, 599)}-{b}",
        f"+32 470 {b[:2]} {b[2:4]} {b[4:]}",
        f"0470 {b[:2]} {b[2:4]} {b[4:]}",
        f"0470/{b[:2]}.{b[2:4]}.{b[4:]}",
        f"+32 2 {a[:3]} {a[3:5]} {a[5:]}",
        f"+49 151 {m}",
        f"0151 {m}",
        f"0171-{a}",
        f"+49 (0)30 {a}",
        f"0049 30 {a}",
        f"+44 20 {m[:4]} {m[4:]}",
        f"+33 6 {m[:2]} {m[2:4]} {m[4:6]} {m[6:]}",
    ]


def _bsns(rng: random.Random) -> list[str]:
    out = []
    for _ in range(4):
        n = bsn(rng)
        out += [n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}.{n[3:5]}.{n[5:7]}.{n[7:]}", f"{n[:4]}-{n[4:6]}-{n[6:]}"]
        out += [f"{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"]
    return out


def _emails(rng: random.Random) -> list[str]:
    out = []
    for _ in range(4):
        user = f"{rng.choice(FIRST).lower()}{rng.choice(['', '.', '_'])}{rng.choice(['jansen', 'bakker', 'smit'])}"
        host, tld = rng.choice(["voorbeeld", "ziggo", "hotmail", "kpnmail", "telenet"]), rng.choice(["nl", "com", "be"])
        out += [
            f"{user}@{host}.{tld}",
            f"{user}(at){host}.{tld}",
            f"{user} [at] {host} [dot] {tld}",
            f"{user} at {host} punt {tld}",
            f"{user} (at) {host} (punt) {tld}",
            f"{user}@{host} punt {tld}",
        ]
    return out


def _ibans(rng: random.Random) -> list[str]:
    out = []
    for _ in range(3):
        n = _digits(rng, 10)
        cc, bank = f"NL{_digits(rng, 2)}", rng.choice(["ABNA", "INGB", "RABO", "TRIO", "SNSB"])
        out += [
            f"{cc}{bank}{n}",
            f"{cc} {bank} {n[:4]} {n[4:8]} {n[8:]}",
            f"{cc}.{bank}.{n[:4]}.{n[4:8]}.{n[8:]}",
            f"{cc}-{bank}-{n[:4]}-{n[4:8]}-{n[8:]}",
            f"{cc.lower()}{bank.lower()}{n}",
        ]
        be, de = _digits(rng, 12), _digits(rng, 18)
        out += [f"BE{_digits(rng, 2)} {be[:4]} {be[4:8]} {be[8:]}", f"DE{_digits(rng, 2)} {de[:4]} {de[4:8]} {de[8:]}"]
    return out


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _dates(rng: random.Random) -> list[str]:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1925, 1999)
    return [
        f"{d} {rng.choice(MONTHS)} {y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d}-{m}-{str(y)[2:]}",
        f"{d}/{m}/{y}",
        f"{y}-{m:02d}-{d:02d}",
        f"{d} mrt. {y}",
    ]


def must_go() -> list[Variant]:
    rng = random.Random(SEED)
    out: list[Variant] = []
    said = ["Mijn {} is {}.", "Kunt u mij bellen op {1}? Dank u.", "Hierbij mijn {}: {} voor de aanvraag", "{1}"]
    for phone in _phones(rng) * 2:
        out.append(Variant("telefoon", rng.choice(said).format("telefoonnummer", phone), phone))
    for number in _bsns(rng):
        out.append(Variant("bsn", rng.choice(said).format("BSN", number), number))
    for email in _emails(rng):
        out.append(Variant("e-mail", rng.choice(said).format("e-mailadres", email), email))
    for iban in _ibans(rng):
        out.append(Variant("iban", rng.choice(said).format("rekeningnummer", iban), iban))
    name_cues = [
        "Mijn naam is {}.",
        "Goedemorgen, ik heet {} en ik heb een vraag over de Wmo.",
        "Met {}, ik bel over mijn aanvraag.",
        "Hallo, met {}. Mijn moeder wil hulp.",
        "Ik vraag dit namens mevrouw {}.",
        "Meneer {} heeft een rolstoel nodig.",
        "Mijn vader heet {} en woont alleen.",
        "Kan ik de scootmobiel krijgen?\nMet vriendelijke groet,\n{}",
        "Dank u wel. Groeten, {}",
        "Dit is {}, ik had gisteren gebeld.",
    ]
    for cue in name_cues:
        for _ in range(4):
            name = _name(rng)
            out.append(Variant("naam", cue.format(name), name))
    out.append(Variant("naam", "hallo, ik heet jan en ik zoek hulp", "jan"))
    out.append(Variant("naam", "Graag contact met mw. A.M. Bakker-de Jong.", "Bakker-de Jong"))
    out.append(Variant("naam", "dhr. J. Yilmaz belt morgen terug", "Yilmaz"))
    out.append(Variant("adres", "Ik woon op Kerkstraat 12 hs.", "Kerkstraat 12 hs"))
    out.append(Variant("e-mail", "mail naar jan.jansen(a)voorbeeld.nl", "jan.jansen(a)voorbeeld.nl"))
    out.append(Variant("telefoon", "tel: 06 - 12 34 56 78", "06 - 12 34 56 78"))
    out.append(Variant("naam", "mijn naam is fatima el amrani", "fatima"))
    for _ in range(20):
        street = f"{rng.choice(STREETS)} {rng.randint(1, 250)}{rng.choice(['', 'a', 'b', '-2', ' bis', 'A'])}"
        town = rng.choice(["", ", Voorbeeldstad", " in Voorbeeldstad"])
        template = rng.choice(["Ik woon op de {}{}.", "Mijn adres is {}{}", "Stuur de brief naar {}{} alstublieft"])
        out.append(Variant("adres", template.format(street, town), street))
    for _ in range(20):
        code = f"{rng.randint(1000, 9999)} {rng.choice(['AB', 'KL', 'XY', 'BC'])}"
        number = f"{rng.randint(1, 400)}{rng.choice(['', 'a', '-1'])}"
        compact = code.replace(" ", "")
        template = rng.choice(
            [
                f"Mijn postcode en huisnummer: {code} {number}",
                f"postcode {compact}, huisnummer {number}",
                f"Ik woon in {code} {number}, welk wijkteam?",
                f"huisnummer {number} en postcode {code}",
                f"{compact} nr. {number}",
            ]
        )
        out.append(Variant("postcode+huisnummer", template, number))
    birth_cues = ["Ik ben geboren op {}.", "geb. {}", "Geboortedatum: {}", "mijn moeder is geboren {}", "geboren {}"]
    for _ in range(5):
        for cue, date in zip(birth_cues * 2, _dates(rng), strict=False):
            out.append(Variant("geboortedatum", cue.format(date), date))
    return list({v.text: v for v in out}.values())


def must_stay() -> list[str]:
    rng = random.Random(SEED + 1)
    out: list[str] = []
    for _ in range(20):
        euros, cents = rng.randint(1, 2500), rng.randint(0, 99)
        out.append(f"De eigen bijdrage is € {euros},{cents:02d} per maand.")
        out.append(f"Dat kost €{euros}.{rng.randint(100, 999)},{cents:02d} per jaar")
    for _ in range(15):
        d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2020, 2027)
        out.append(f"Ik kreeg een beschikking van {d} {rng.choice(MONTHS)} {y}.")
        out.append(f"Het besluit van {d:02d}-{m:02d}-{y} om {rng.randint(8, 17)}:{rng.choice(['00', '30', '15'])} uur")
        out.append(f"De afspraak is op {d}-{m}-{y}.")
    for _ in range(15):
        out.append(f"Zie artikel {rng.randint(1, 8)}.{rng.randint(1, 9)}.{rng.randint(1, 9)} lid {rng.randint(1, 5)}.")
        out.append(f"Volgens artikel 2.{rng.randint(1, 9)} van de Wmo 2015")
    for _ in range(20):
        code = f"{rng.randint(1000, 9999)} {rng.choice(['AB', 'KL', 'XY'])}"
        out.append(f"Mijn postcode is {code}.")
        out.append(f"Welk wijkteam hoort bij {code.replace(' ', '')}?")
    for _ in range(10):
        out.append(f"In {rng.randint(2015, 2027)} kreeg ik huishoudelijke hulp, {rng.randint(2, 6)} uur per week.")
        out.append(f"Bel tussen {rng.randint(8, 10)}.00 en {rng.randint(15, 17)}.30 uur.")
    for code in ["huishoudelijke_ondersteuning", "individuele_begeleiding", "dagbesteding", "scootmobiel", "rolstoel"]:
        out.append(f"Ik wil {code} aanvragen.")
        out.append(f"Voorziening {code} is afgewezen.")
    for _ in range(15):
        out.append(f"Mijn zaaknummer is {rng.randint(2020, 2027)}-{rng.randint(1000000, 9999999)}.")
        out.append(f"Dossier 00{rng.randint(10000000, 99999999)} graag.")
        out.append(f"Het kenmerk is Z-{rng.randint(2020, 2027)}-{rng.randint(100000, 999999)}")
    for _ in range(15):
        number = not_bsn(rng)
        out.append(f"Ordernummer {number} is kwijt.")
        out.append(f"Referentie {number[:3]} {number[3:6]} {number[6:]}")
    out += [
        "Bel de gemeente op 14 0000.",
        "U kunt mailen naar noord@wijkteam.voorbeeldstad.example.",
        "Het wijkteam zit op Voorbeeldplein 1, 1231 AA Voorbeeldstad.",
        "Ik ben onderweg 3 uur per dag.",
        "Ik heb contact gehad met de Wmo.",
        "Ik heb het met WhatsApp gestuurd.",
        "Kan meneer even terugbellen?",
        "Ik ben 82 jaar en woon alleen.",
        "Hoe heet dat formulier?",
        "Met vriendelijke groet, de gemeente",
        "Ik at een boterham en ging naar buiten.",
        "Het is op de Dorpsstraat.",
        "Wmo 2015 en de Jeugdwet",
        "Ik ben mantelzorger voor mijn moeder.",
        "mijn moeder heeft een rollator en een traplift nodig",
        "Dat was in week 12 van 2026.",
        "Het PGB is € 1.200 per maand.",
        "Geboren worden en opgroeien in Voorbeeldstad.",
        "Kan mijn dochter het gesprek namens mij voeren?",
        "Hoe heet het als iemand namens ons praat?",
        "In Eindhoven 3 maart had ik een gesprek.",
        "Ik heb 2 kinderen van 3 en 5 jaar.",
        "Mijn huur is 750 euro.",
        "Sinds 2019 woon ik op nummer 12.",
        "Ik ben 2 keer naar het wijkteam op de Noorderlaan geweest.",
    ]
    return list(dict.fromkeys(out))
