"""The municipality's own details (content/municipality.yml): name, numbers, pages, the services
that are not Wmo, and the office hours in which staff can take over a chat."""

from bot.municipality.details import Municipality, OtherService, municipality, read_municipality
from bot.municipality.office_hours import OfficeHours

__all__ = ["Municipality", "OfficeHours", "OtherService", "municipality", "read_municipality"]
