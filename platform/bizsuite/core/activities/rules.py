"""Pure rules of scheduled activities: their state on a day (overdue, today, planned) and which
reminder is due, both read on the tenant's clock in its time zone."""

from __future__ import annotations

import datetime as dt
import enum
from zoneinfo import ZoneInfo


class DueState(enum.StrEnum):
    """How a planned activity stands on a day: red, orange or green."""

    OVERDUE = "overdue"
    TODAY = "today"
    PLANNED = "planned"


#: Reminder stages (``ScheduledActivity.reminder_stage``): none sent, the due day's, the overdue one.
NO_REMINDER, DUE_TODAY_REMINDER, OVERDUE_REMINDER = 0, 1, 2


def local_today(now: dt.datetime, time_zone: str) -> dt.date:
    """The calendar day ``now`` (aware, the tenant clock) falls on in ``time_zone``."""
    return now.astimezone(ZoneInfo(time_zone)).date()


def due_state(due: dt.date, today: dt.date) -> DueState:
    """Overdue before its day, due today on it, planned after."""
    if due < today:
        return DueState.OVERDUE
    if due == today:
        return DueState.TODAY
    return DueState.PLANNED


def reminder_due(due: dt.date, today: dt.date, sent: int) -> int:
    """The reminder stage to send now (or ``sent`` when nothing is due): the due-day reminder on
    the day, the overdue one from the next day; an activity first seen overdue gets only that."""
    wanted = OVERDUE_REMINDER if due < today else DUE_TODAY_REMINDER if due == today else NO_REMINDER
    return wanted if wanted > sent else sent


def start_of_day(day: dt.date, time_zone: str) -> dt.datetime:
    """The instant ``day`` begins in ``time_zone`` (when its reminders fall due), in UTC."""
    return dt.datetime.combine(day, dt.time(), ZoneInfo(time_zone)).astimezone(dt.UTC)
