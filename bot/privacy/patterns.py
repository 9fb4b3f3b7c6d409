"""What personal data looks like in Dutch free text, as regular expressions.

Every pattern runs in linear time: each quantifier is bounded, so no match can be longer than a
fixed width (`tests/unit/privacy/test_linear_time.py` checks this on the compiled patterns), and
the pieces a quantifier repeats are separated by characters they cannot contain, so a failed
attempt gives up after a bounded number of steps. The cost per position is then a constant, and a
40,000-character message costs forty times a 1,000-character one.

Names, street addresses and dates of birth are only recognised after a cue ("mijn naam is",
"meneer", "geboren op", a street suffix with a house number): without one, a capitalised word or a
date is as likely to be a provision or a decision date, which the assistant must keep.
"""

import re

# Between the digits of a number: a space, dot, dash, slash or bracket, at most three of them
# ("+31-(0)6", "06 - 12", "(010) 123").
_SEP = r"[ .\-/()]{0,3}"
# Not inside a longer number: no digit (or digit and separator) before or after; not a date
# followed by a time ("01-02-2026 10:30").
_NO_DIGIT_BEFORE = r"(?<![\w+])(?<!\d[ .\-/:])"
_NO_DIGIT_AFTER = r"(?![ .\-/:,]?\d)"

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")

# "jan(at)voorbeeld.nl", "jan [at] voorbeeld [dot] nl", "jan at voorbeeld punt nl": the at and dot
# written out; only with a known top-level domain, since "at" and "punt" are ordinary words.
_AT = r"(?:\s?[(\[{<]\s?(?:at|a|apenstaartje)\s?[)\]}>]\s?|\s(?:at|apenstaartje)\s|\s?@\s?)"
_DOT = r"(?:\s?[(\[{<]\s?(?:dot|punt)\s?[)\]}>]\s?|\s(?:dot|punt)\s|\.)"
_TLD = r"(?:nl|be|de|com|net|org|eu|nu|info|online|email|frl)"
OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w+-]{{1,64}}(?:{_DOT}[\w+-]{{1,64}}){{0,3}}{_AT}(?:[\w-]{{1,63}}{_DOT}){{1,4}}{_TLD}\b",
    re.IGNORECASE,
)

# Country, check digits, an optional bank code (NL: ABNA), then 10 to 30 digits, grouped or not.
IBAN = re.compile(r"(?<!\w)[A-Z]{2}\d{2}(?:[ .\-]?[A-Z]{4})?(?:[ .\-]?\d){10,30}(?![ .\-]?\d)", re.IGNORECASE)

PHONE = re.compile(
    _NO_DIGIT_BEFORE
    + r"(?:"
    # International: + or 00, then 10 to 15 digits, country code included (E.164 allows 15; a
    # Belgian landline has 10), so a reference number "00" and eight digits is no phone number.
    + rf"(?:\+|00)[1-9](?:{_SEP}\d){{9,14}}"
    # Dutch and Belgian mobile (04xx): 0, a digit that is not 0, then 8 digits.
    + rf"|\(?0[1-9](?:{_SEP}\d){{8}}"
    # German mobile (015x, 016x, 017x): 11 or 12 digits.
    + rf"|\(?01[5-7](?:{_SEP}\d){{8,9}}"
    + r")"
    + _NO_DIGIT_AFTER
)

# Nine digits, grouped by spaces, dots or dashes or not (123 456 782, 123.45.67.82, 1234-56-782);
# a BSN only when it passes the elfproef (checked by the caller).
NINE_DIGITS = re.compile(_NO_DIGIT_BEFORE + r"\d(?:[ .\-]?\d){8}" + _NO_DIGIT_AFTER)

_POSTCODE = r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}"
_HOUSE_NUMBER = r"\d{1,5}(?:-\d{1,3}|[ -]?(?:[a-z]|bis|hs)\b)?"
_NUMBER_WORD = r"(?:(?:huis)?(?:nummer|nr\.?)\s?:?\s?)"
# Postcode and house number: only the number goes ("1234 AB [huisnummer]"), as a postcode alone
# (some twenty addresses) is what the assistant needs to find the wijkteam.
POSTCODE_THEN_NUMBER = re.compile(
    rf"\b(?-i:{_POSTCODE})[ ,]{{1,2}}(?:en\s)?{_NUMBER_WORD}?(?P<number>{_HOUSE_NUMBER})(?![\d,.:]\d)", re.IGNORECASE
)
NUMBER_THEN_POSTCODE = re.compile(
    rf"\b{_NUMBER_WORD}(?P<number>{_HOUSE_NUMBER})[ ,]{{1,2}}(?:en\s)?(?:postcode\s?:?\s?)?(?-i:{_POSTCODE})\b",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?"
)
# A street (a word ending in a street suffix, with up to two words before it: "Van Goghlaan",
# "Lange Nieuwstraat") and a house number. Not followed by a unit ("onderweg 3 uur") or a month
# ("Eindhoven 3 maart": no suffixes that end town names, such as -dam, -burg, -hoven).
_STREET_SUFFIX = (
    r"(?:straat|str\.|laan|weg|plein|gracht|kade|singel|dreef|dijk|steeg|hof|park|baan|erf|markt"
    r"|plantsoen|wal|boulevard|allee|ring|veld|pad|haven|polder|hoek|lei|gaarde)"
)
STREET_ADDRESS = re.compile(
    r"(?:\b(?:[A-Z][a-z]{1,20}|van|de|der|den|het|ter|ten) ){0,2}"
    rf"\b(?i:[a-z][a-zà-ÿ'-]{{1,30}}{_STREET_SUFFIX}) ?{_HOUSE_NUMBER}"
    rf"(?! ?(?i:uur|u\b|dagen|dag\b|jaar|keer|minuten|min\b|weken|maanden|euro|procent|%|km|meter|m\b|{_MONTH}))"
)

_DATE = (
    rf"(?:\d{{1,2}}(?:e|ste|de)? {_MONTH} \d{{2,4}}|\d{{1,2}}[-/. ]\d{{1,2}}[-/. ](?:\d{{4}}|\d{{2}})"
    r"|\d{4}-\d{2}-\d{2}|\d{4})(?!\d)"
)
# After a cue only, and only the date goes: "geboren op [geboortedatum]".
BIRTH_DATE = re.compile(
    r"\b(?:geboren|geb\.|geb|geboortedatum|geboortedag|geboortejaar|geboorte)\s?:?\s?"
    r"(?:(?:op|in|is|de|het jaar)\s)?(?:(?:op|in|de)\s)?"
    rf"(?P<date>{_DATE})",
    re.IGNORECASE,
)

# A name: initials, particles ("van der", "de") and up to four capitalised parts ("Jan de Vries",
# "A.M. Bakker-de Jong"). Words the assistant uses that are capitalised are not names.
_NOT_A_NAME = (
    r"(?!(?:Wmo|WhatsApp|Gemeente|Voorbeeldstad|Wijkteam|Jeugdwet|Zorgverzekeringswet|Wlz|Zvw|CAK|SVB|UWV"
    r"|DigiD|Ik|Het|De|Een|Mijn|Uw|U|Hij|Zij|Wij|We|Dat|Dit|Die|Er|Hallo|Dag|Dank|Bedankt|Goedemorgen"
    r"|Goedemiddag|Goedenavond|Vriendelijke|Groet|Groeten)\b)"
)
_PART = rf"{_NOT_A_NAME}[A-Z][a-zà-ÿ'\u2019]{{1,30}}"
_PARTICLE = r"(?:van|de|der|den|het|ter|ten|te|op|in|'t|la|le|da|di|du|el|al|von)"
_INITIALS = r"(?:[A-Z]\.){1,4} ?"
_NAME = rf"(?:{_INITIALS})?(?:{_PARTICLE} ){{0,3}}{_PART}(?:[ -](?:{_PARTICLE} ){{0,3}}{_PART}){{0,3}}"
# A lower-case first name after a strong cue ("ik heet jan"), when it is no ordinary word.
_LOWER_PART = (
    r"(?!(?:en|ik|de|het|een|niet|nog|al|ook|maar|dus|uit|van|in|op|bij|met|wil|heb|ben|woon|graag"
    r"|mijn|mij|me|ons|onze|hem|haar|hen|hun|iemand|wie|wat|u|jij|je|dat|die|hier|daar|zo|erg|heel)\b)[a-zà-ÿ]{2,30}"
)
# Strong cues: the words after them are a name, written in capitals or not.
NAME_AFTER_STRONG_CUE = re.compile(
    r"(?i:\b(?:mijn naam is|mijn naam:|naam:|ik heet|heet|heten|u spreekt met|spreekt u met|namens)\s{1,2})"
    rf"(?P<name>{_NAME}|{_LOWER_PART}(?:[ -](?:{_PARTICLE} ){{0,3}}{_PART}){{0,3}})"
)
# Weak cues: only capitalised words after them are a name ("met Jan", not "met de Wmo").
NAME_AFTER_WEAK_CUE = re.compile(
    r"(?i:(?:^|(?<=[.!?,]\s)|(?<=^hallo\s)|(?<=^goedemorgen\s))met\s"
    r"|\b(?:mevrouw|mevr\.|mw\.|meneer|mijnheer|dhr\.|de heer|mr\.|juffrouw|familie|fam\.|dit is|ik ben)\s{1,2})"
    rf"(?P<name>{_NAME})"
)
# A signature: a closing greeting and the name under it, at the end of a message.
SIGNATURE = re.compile(
    r"(?i:\b(?:met\s)?(?:vriendelijke\s|hartelijke\s)?(?:groet(?:en|jes)?|gr\.|mvg|m\.v\.g\.|vriendelijke groet)"
    r"(?:\svan)?[,.]?\s{1,3})"
    rf"(?P<name>{_NAME}|{_LOWER_PART})[\s.!]{{0,3}}$"
)
