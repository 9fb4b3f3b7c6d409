"""Where the resident can go, in plain Dutch: their wijkteam, or the general number."""

from bot.dutch import bullets
from bot.municipality import Municipality
from bot.wijkteams.tables import WijkteamRow


def wijkteam_answer(team: WijkteamRow | None, postcode: str | None, place: Municipality) -> str:
    general = f"Bel {place.phone} ({place.opening_hours}) of kijk op {place.wmo_page}."
    if team is not None:
        details = bullets(
            [
                f"Adres: {team.address}",
                f"Telefoon: {team.phone}",
                f"E-mail: {team.email}",
                f"Open: {team.opening_hours}",
            ]
        )
        return (
            f"Bij postcode {postcode} hoort {team.name}.\n{details}\n\n"
            "U kunt daar uw hulpvraag melden. Iemand anders mag dat ook voor u doen."
        )
    if postcode is None:
        return f"Zonder postcode kan ik uw wijkteam niet vinden. De gemeente helpt u verder. {general}"
    return (
        f"Postcode {postcode} hoort niet bij {place.display_name}. Woont u in een andere gemeente? Dan meldt u"
        " zich bij die gemeente. Beschermd wonen en opvang kunt u wel bij elke gemeente aanvragen.\n\n"
        f"Klopt de postcode wel? {general}"
    )
