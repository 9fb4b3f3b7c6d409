"""When wijkteam staff can take over a chat: opening hours per weekday and the days the office is
closed, in the municipality's own time zone. Outside them a resident can ask to be called back."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pydantic import ConstrainedStr, validator

from bot.content.model import Sentence, StrictModel
from bot.dutch import MONTHS, WEEKDAYS


class Span(ConstrainedStr):
    """ "08:30-17:00"."""

    regex = r"^\d{2}:\d{2}-\d{2}:\d{2}$"


def _clock(text: str) -> time:
    return datetime.strptime(text, "%H:%M").time()


class OfficeHours(StrictModel):
    timezone: Sentence
    # Opening hours per weekday; a weekday that is left out is closed.
    days: dict[str, Span]
    closed_on: list[date]

    @validator("timezone")
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (KeyError, ValueError) as error:
            raise ValueError(f"onbekende tijdzone {value!r}") from error
        return value

    @validator("days")
    def _valid_days(cls, value: dict[str, str]) -> dict[str, str]:
        for day, span in value.items():
            if day not in WEEKDAYS:
                raise ValueError(f"onbekende dag {day!r}, kies uit {', '.join(WEEKDAYS)}")
            opens, closes = (_clock(part) for part in span.split("-"))
            if opens >= closes:
                raise ValueError(f"{day}: {span} sluit niet na de opening")
        return value

    def _span(self, day: date) -> tuple[time, time] | None:
        span = self.days.get(WEEKDAYS[day.weekday()])
        if span is None or day in self.closed_on:
            return None
        opens, closes = (_clock(part) for part in span.split("-"))
        return opens, closes

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(ZoneInfo(self.timezone))

    def is_open(self, moment: datetime) -> bool:
        here = self.local(moment)
        span = self._span(here.date())
        return span is not None and span[0] <= here.time() < span[1]

    def next_opening(self, moment: datetime) -> datetime | None:
        """The next time staff are there, at or after `moment`; None when nothing opens within 30 days."""
        here = self.local(moment)
        for offset in range(31):
            day = here.date() + timedelta(days=offset)
            span = self._span(day)
            if span is None:
                continue
            start = datetime.combine(day, span[0], tzinfo=here.tzinfo)
            if offset == 0 and here.time() >= span[1]:
                continue
            return max(start, here)
        return None

    def said(self, moment: datetime, now: datetime) -> str:
        """'vandaag om 8.30 uur', 'morgen om 8.30 uur' or 'maandag 28 december om 8.30 uur'."""
        here, today = self.local(moment), self.local(now).date()
        clock = f"{here.hour}.{here.minute:02d} uur"
        if here.date() == today:
            return f"vandaag om {clock}"
        if here.date() == today + timedelta(days=1):
            return f"morgen om {clock}"
        return f"{WEEKDAYS[here.weekday()]} {here.day} {MONTHS[here.month - 1]} om {clock}"
