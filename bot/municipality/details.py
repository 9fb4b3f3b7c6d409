"""The municipality's own details, from content/municipality.yml, validated on load."""

from functools import cache
from pathlib import Path

from pydantic import ConstrainedStr, HttpUrl

from bot.content.model import Phone, Sentence, StrictModel
from bot.content.reader import read_model
from bot.municipality.office_hours import OfficeHours
from bot.settings import settings


class ServiceWord(ConstrainedStr):
    """Found anywhere in a message, also inside a longer word: too short a word would match everything."""

    strip_whitespace = True
    to_lower = True
    min_length = 3


class OtherService(StrictModel):
    """A municipal service that is not Wmo, with the words residents use for it."""

    name: Sentence
    words: list[ServiceWord]
    url: HttpUrl


class Municipality(StrictModel):
    fictional: bool
    name: Sentence
    phone: Phone
    website: HttpUrl
    wmo_page: HttpUrl
    opening_hours: Sentence
    urgent_phone: Phone
    urgent_hours: Sentence
    youth_page: HttpUrl
    office_hours: OfficeHours
    other_services: list[OtherService]

    @property
    def display_name(self) -> str:
        """The name as the assistant says it: a fictional example says so."""
        return f"{self.name} (voorbeeldgemeente)" if self.fictional else self.name

    def as_slots(self) -> dict[str, str]:
        """Slot values that domain responses fill in, such as {gemeente_telefoon}."""
        return {
            "gemeente_naam": self.display_name,
            "gemeente_telefoon": self.phone,
            "gemeente_website": str(self.wmo_page),
            "gemeente_openingstijden": self.opening_hours,
        }

    def service_named(self, text: str) -> OtherService | None:
        """The first non-Wmo service whose words occur in the text (also inside a longer word)."""
        lowered = text.lower()
        return next((s for s in self.other_services if any(w in lowered for w in s.words)), None)

    def other_service(self, text: str, suggested: str | None = None) -> OtherService | None:
        """The service the words name; without such a word, the service the NLU suggested by meaning
        (components/service_router.py), if any."""
        return self.service_named(text) or self.service_called(suggested)

    def service_called(self, name: str | None) -> OtherService | None:
        return next((s for s in self.other_services if s.name == name), None)


def read_municipality(path: Path) -> Municipality:
    return read_model(path, Municipality)


@cache
def municipality() -> Municipality:
    return read_municipality(settings().municipality_file)
