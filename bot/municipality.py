"""The municipality's own details, from data/municipality.yml, validated on load."""
from functools import lru_cache
from pathlib import Path
from typing import List, Optional

import yaml
from pydantic import HttpUrl, constr

from bot import settings
from bot.office_hours import OfficeHours
from bot.strict import StrictModel


class OtherService(StrictModel):
    """A municipal service that is not Wmo, with the words residents use for it."""

    name: constr(min_length=2)
    words: List[constr(strip_whitespace=True, to_lower=True, min_length=3)]
    url: HttpUrl


class Municipality(StrictModel):
    fictional: bool
    name: constr(min_length=2)
    phone: constr(regex=r"^[0-9 ()+-]{3,20}$")
    website: HttpUrl
    wmo_page: HttpUrl
    opening_hours: constr(min_length=3)
    urgent_phone: constr(regex=r"^[0-9 ()+-]{3,20}$")
    urgent_hours: constr(min_length=3)
    youth_page: HttpUrl
    office_hours: OfficeHours
    other_services: List[OtherService]

    @property
    def display_name(self) -> str:
        """The name as the assistant says it: a fictional example says so."""
        return f"{self.name} (voorbeeldgemeente)" if self.fictional else self.name

    def as_slots(self) -> dict:
        """Slot values that domain responses fill in, such as {gemeente_telefoon}."""
        return {
            "gemeente_naam": self.display_name,
            "gemeente_telefoon": self.phone,
            "gemeente_website": str(self.wmo_page),
            "gemeente_openingstijden": self.opening_hours,
        }

    def other_service(self, text: str) -> Optional[OtherService]:
        """The first non-Wmo service whose words occur in the text (also inside a longer word)."""
        lowered = text.lower()
        return next((s for s in self.other_services if any(w in lowered for w in s.words)), None)


def read_municipality(path: Path) -> Municipality:
    return Municipality.parse_obj(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=None)
def municipality() -> Municipality:
    return read_municipality(settings.MUNICIPALITY_FILE)
