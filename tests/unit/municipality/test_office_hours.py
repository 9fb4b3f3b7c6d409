"""When staff can take over: opening hours, closed days and daylight saving time."""

from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from bot.municipality import OfficeHours, municipality

OFFICE = municipality().office_hours  # the shipped example: weekdays 8.30-17.00, holidays closed


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "moment, open_",
    [
        ("2026-11-24T09:00", True),  # Tuesday 10.00 in Amsterdam (winter time, UTC+1)
        ("2026-11-24T07:29", False),  # 8.29: not yet
        ("2026-11-24T07:30", True),  # 8.30 sharp
        ("2026-11-24T16:00", False),  # 17.00: closed
        ("2026-11-28T10:00", False),  # Saturday
        ("2026-12-25T10:00", False),  # Christmas
        ("2026-06-16T06:30", True),  # 8.30 in summer time (UTC+2)
        ("2026-06-16T06:29", False),
    ],
)
def test_open_by_local_time_weekday_and_closed_days(moment: str, open_: bool) -> None:
    assert OFFICE.is_open(utc(moment)) is open_


@pytest.mark.parametrize(
    "moment, said",
    [
        ("2026-11-24T05:00", "vandaag om 8.30 uur"),
        ("2026-11-24T16:30", "morgen om 8.30 uur"),
        ("2026-11-27T16:30", "maandag 30 november om 8.30 uur"),  # Friday evening
        ("2026-12-23T17:00", "maandag 28 december om 8.30 uur"),  # 24, 25 closed, then the weekend
        ("2026-12-30T17:00", "maandag 4 januari om 8.30 uur"),  # 31 and New Year closed
    ],
)
def test_the_next_opening_is_said_plainly(moment: str, said: str) -> None:
    now = utc(moment)
    opening = OFFICE.next_opening(now)
    assert opening is not None
    assert OFFICE.said(opening, now) == said


def test_when_open_the_next_opening_is_now() -> None:
    now = utc("2026-11-24T10:00")
    assert OFFICE.next_opening(now) == now


def test_nothing_opens_when_no_day_is_open() -> None:
    closed = OfficeHours(timezone="Europe/Amsterdam", days={}, closed_on=[])
    assert closed.next_opening(utc("2026-11-24T10:00")) is None


@pytest.mark.parametrize("days", [{"maandg": "08:30-17:00"}, {"maandag": "17:00-08:30"}, {"maandag": "8.30-17"}])
def test_bad_hours_are_refused_on_load(days: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        OfficeHours(timezone="Europe/Amsterdam", days=days, closed_on=[])


def test_an_unknown_time_zone_is_refused() -> None:
    with pytest.raises(ValidationError):
        OfficeHours(timezone="Europe/Voorbeeldstad", days={}, closed_on=[])
