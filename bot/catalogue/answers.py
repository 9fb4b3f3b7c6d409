"""Plain-Dutch (B1) answers composed from catalogue data. Always "u"; amounts carry their year.

Every answer that states a rule or an amount ends with its source and the date it was checked.
Each answer is one bubble: its lines are joined by single line ends, because the web and REST
channels show every blank-line paragraph as a bubble of its own (at most 3 a turn). The short
answer comes first; the details (`eligibility_for`) are behind a "Meer weten" button.
"""

from collections.abc import Sequence
from datetime import date

from bot.catalogue.models import Contribution, ContributionRate, Provision, ProvisionKind, SourcedText
from bot.dutch import bullets, euro, source_line


def _sources_of(items: Sequence[SourcedText | ContributionRate]) -> str:
    """One short source line for several sourced items, each source once, dated by the oldest check."""
    sources = dict.fromkeys(part.strip() for item in items for part in item.source.split(";"))
    return source_line(sources, min(item.checked for item in items))


def _kind_label(provision: Provision) -> str:
    if provision.kind is ProvisionKind.algemeen:
        return "algemene voorziening: vrij toegankelijk, zonder aanvraag"
    return "maatwerkvoorziening: de gemeente beslist na een gesprek"


def bubble(*lines: str) -> str:
    """One message: its lines on their own rows, never a blank line (which would split it)."""
    return "\n".join(lines)


def provision_info(provision: Provision) -> str:
    """What it is, in short; who it is for and the conditions are in `eligibility_for`."""
    return bubble(
        f"{provision.name} ({_kind_label(provision)})",
        provision.summary,
        source_line(provision.sources, provision.checked),
    )


def how_to_apply(provision: Provision) -> str:
    """How to apply; what not to do before the decision is in the provision's own text."""
    text = f"{provision.name} aanvragen: {provision.how_to_apply}"
    if provision.kind is ProvisionKind.maatwerk:
        text += " Na het gesprek (het keukentafelgesprek) beslist de gemeente."
    return bubble(text, source_line(provision.sources, provision.checked))


def rate_sentence(rate: ContributionRate | None, today: date) -> str:
    """The abonnementstarief with its year; a newer, unconfirmed amount is never stated."""
    if rate is None:
        return "Hoe hoog het abonnementstarief nu is, hoort u van het CAK of de gemeente."
    sentence = (
        f"In {rate.year} was dat maximaal {euro(rate.amount)} per {rate.period} per huishouden,"
        " hoeveel hulp u ook krijgt. Het CAK stuurt de rekening."
    )
    if rate.year < today.year:
        sentence += f" Het bedrag voor {today.year} hoort u van het CAK of de gemeente."
    return sentence


def own_contribution(provision: Provision, rate: ContributionRate | None, today: date) -> str:
    name = provision.name
    by_rule = {
        Contribution.abonnementstarief: (
            f"Voor {name.lower()} betaalt u een eigen bijdrage: het abonnementstarief. " + rate_sentence(rate, today)
        ),
        Contribution.geen: f"Voor {name.lower()} betaalt u geen eigen bijdrage.",
        Contribution.inkomensafhankelijk: (
            f"Voor {name.lower()} betaalt u een eigen bijdrage die afhangt van uw inkomen en"
            " vermogen. Dat is niet het vaste abonnementstarief. Hoeveel het is, hoort u van de"
            " gemeente."
        ),
        Contribution.eigen_tarief: (
            f"{name} is een algemene voorziening. De aanbieder vraagt soms een eigen prijs."
            " Vraag het de aanbieder of het wijkteam."
        ),
        Contribution.ritprijs: (
            f"Voor {name.lower()} betaalt u per rit een ritprijs, ongeveer zoals in het openbaar"
            " vervoer. De gemeente stelt die prijs vast."
        ),
    }
    if provision.contribution is Contribution.abonnementstarief and rate is not None:
        sources, checked = [rate.source], rate.checked
    else:
        sources, checked = provision.sources, provision.checked
    return bubble(by_rule[provision.contribution], source_line(sources, checked))


# For low incomes: only what the sources say (no national reduction of the abonnementstarief).
LOW_INCOME = SourcedText(
    text=(
        "Hebt u een laag inkomen? Sommige gemeenten vergoeden de eigen bijdrage via hun collectieve"
        " zorgverzekering (minimabeleid). Vraag het wijkteam wat er in uw gemeente kan."
    ),
    source="Independer, vergelijking van gemeentepolissen (Skipr, december 2022)",
    checked=date(2026, 12, 2),
)


def contribution_general(rate: ContributionRate | None, exemptions: list[SourcedText], today: date) -> str:
    """Two bubbles: the tariff and who pays nothing; then the other bijdragen and the source."""
    sourced: list[SourcedText | ContributionRate] = [*exemptions, LOW_INCOME, *([rate] if rate else [])]
    tariff = bubble(
        "Voor een maatwerkvoorziening betaalt u meestal een eigen bijdrage: het abonnementstarief. "
        + rate_sentence(rate, today),
        "U betaalt niets als:",
        bullets(line.text for line in exemptions),
    )
    others = bubble(
        "Voor beschermd wonen en opvang geldt een bijdrage die van uw inkomen afhangt. " + LOW_INCOME.text,
        _sources_of(sourced),
    )
    return f"{tariff}\n\n{others}"


def pgb_general(conditions: list[SourcedText]) -> str:
    return bubble(
        "Krijgt u een maatwerkvoorziening? Dan kiest u uit twee vormen:",
        "- Zorg in natura: de gemeente regelt de hulp of het hulpmiddel via een aanbieder.",
        "- Een persoonsgebonden budget (pgb): u koopt de hulp zelf in.",
        "Voor een pgb geldt:",
        bullets(line.text for line in conditions),
        _sources_of(conditions),
    )


def pgb_for(provision: Provision) -> str:
    if provision.pgb:
        text = (
            f"{provision.name} kunt u als zorg in natura krijgen of als pgb. Met een pgb kiest u"
            " zelf de aanbieder of het model. Kiest u iets duurders, dan betaalt u het verschil zelf."
        )
    elif provision.kind is ProvisionKind.algemeen:
        text = f"{provision.name} is een algemene voorziening. U gaat er zelf heen; daar is geen pgb voor."
    else:
        text = f"Voor {provision.name.lower()} is geen pgb mogelijk. De gemeente regelt dit zelf."
    return bubble(text, source_line(provision.sources, provision.checked))


def eligibility_for(provision: Provision) -> str:
    """The details behind "Meer weten": for whom, the conditions, when usually not, how to apply."""
    parts = [f"{provision.name}: {provision.for_whom}"]
    if provision.kind is ProvisionKind.algemeen:
        parts.append("Dit is een algemene voorziening. U kunt er zonder aanvraag gebruik van maken.")
    else:
        parts += ["Voorwaarden:", bullets(provision.conditions)]
        if provision.exclusions:
            parts += ["Meestal niet als:", bullets(provision.exclusions)]
    parts.append(f"Aanvragen: {provision.how_to_apply}")
    parts.append(source_line(provision.sources, provision.checked))
    return bubble(*parts)


def overview(provisions: list[Provision]) -> str:
    def names(kind: ProvisionKind) -> str:
        return ", ".join(p.name.lower() for p in provisions if p.kind is kind)

    return bubble(
        "De Wmo kent twee soorten ondersteuning.",
        f"Algemene voorzieningen zijn er voor iedereen, zonder aanvraag: {names(ProvisionKind.algemeen)}.",
        "Maatwerkvoorzieningen zijn afgestemd op u. De gemeente beslist na een gesprek: "
        f"{names(ProvisionKind.maatwerk)}.",
        "Eerst kijkt de gemeente wat u zelf kunt, wat mensen om u heen kunnen doen en of een"
        " algemene voorziening helpt. Pas als dat niet genoeg is, komt maatwerk in beeld.",
    )


def no_maatwerk(grounds: list[SourcedText], not_grounds: list[SourcedText]) -> str:
    """Two bubbles: the grounds; then what is no ground, with the source."""
    when = bubble("U krijgt meestal geen maatwerkvoorziening als:", bullets(ground.text for ground in grounds))
    not_when = bubble(
        "Geen reden om nee te zeggen is:",
        bullets(ground.text for ground in not_grounds),
        _sources_of([*grounds, *not_grounds]),
    )
    return f"{when}\n\n{not_when}"
