"""The tenant's optional business calendar for SLA clocks (stored in ``CrmSettings``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import msgspec

HourMinute = Annotated[str, msgspec.Meta(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["09:00"])]


class BusinessCalendar(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Working hours per weekday (``mon``..``sun`` -> ``["09:00", "18:00"]``) and holidays.

    No hours at all means SLA clocks run around the clock.
    """

    hours: dict[str, tuple[HourMinute, HourMinute]] = msgspec.field(default_factory=dict)
    holidays: list[date] = msgspec.field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Calendar math for SLA clocks (pure functions over plain values)

#: Weekday keys of ``BusinessCalendar.hours``, Monday first (``date.weekday()`` order).
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: How far ahead the clock looks for working time before giving up (a calendar with no hours
#: left would otherwise never end).
_HORIZON_DAYS = 3 * 366

Interval = tuple[datetime, datetime | None]


def _at(day: date, hour_minute: str, zone: ZoneInfo) -> datetime:
    hour, minute = (int(part) for part in hour_minute.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=zone).astimezone(UTC)


def working_intervals(
    start: datetime, calendar: BusinessCalendar | None, time_zone: str
) -> Iterator[Interval]:
    """The stretches of time an SLA clock counts from ``start`` on: ``(from, to)`` in UTC.

    Without a calendar (or one without working hours) the clock runs around the clock: a single
    open-ended interval. Otherwise each working day (not a holiday) gives its hours, in the
    tenant's time zone; an interval ending at ``"00:00"`` or before it starts is skipped.
    """
    if calendar is None or not calendar.hours:
        yield start, None
        return
    zone = ZoneInfo(time_zone)
    holidays = set(calendar.holidays)
    day = start.astimezone(zone).date()
    for _ in range(_HORIZON_DAYS):
        hours = calendar.hours.get(WEEKDAYS[day.weekday()])
        if hours is not None and day not in holidays:
            opens, closes = _at(day, hours[0], zone), _at(day, hours[1], zone)
            if closes > opens and closes > start:
                yield max(opens, start), closes
        day += timedelta(days=1)


def subtract_pauses(intervals: Iterable[Interval], pauses: Sequence[Interval]) -> Iterator[Interval]:
    """Remove paused stretches (sorted, ``to=None``: still paused) from counting intervals."""
    for begin, end in intervals:
        cursor = begin
        for pause_start, pause_end in pauses:
            if pause_end is not None and pause_end <= cursor:
                continue
            if end is not None and pause_start >= end:
                break
            if pause_start > cursor:
                yield cursor, pause_start
            if pause_end is None:
                return  # the clock stopped and has not restarted
            cursor = max(cursor, pause_end)
        if end is None or cursor < end:
            yield cursor, end


def add_counted_minutes(
    start: datetime,
    minutes: int,
    *,
    pauses: Sequence[Interval] = (),
    calendar: BusinessCalendar | None = None,
    time_zone: str = "UTC",
) -> datetime | None:
    """The moment ``minutes`` of counted time have run from ``start``.

    Counted time is business time (when a calendar with hours is given) outside pauses. ``None``
    when the clock is stopped (an open pause) before the target is reached.
    """
    remaining = timedelta(minutes=minutes)
    for begin, end in subtract_pauses(working_intervals(start, calendar, time_zone), pauses):
        if end is None or end - begin >= remaining:
            return begin + remaining
        remaining -= end - begin
    return None


def end_of_local_day(moment: datetime, time_zone: str) -> datetime:
    """Midnight at the end of ``moment``'s calendar day in ``time_zone`` (in UTC): "the same day"."""
    zone = ZoneInfo(time_zone)
    next_day = moment.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(next_day, time(0, 0), tzinfo=zone).astimezone(UTC)


def parse_calendar(value: dict[str, Any] | None) -> BusinessCalendar | None:
    """The stored ``CrmSettings.business_calendar`` JSON as a calendar (``None`` when empty)."""
    if not value:
        return None
    calendar = msgspec.convert(value, BusinessCalendar)
    return calendar if calendar.hours else None
