"""Test clock rules as plain functions: where an advance ends, and the next instant to stop at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

#: The furthest one advance may move the clock.
MAX_ADVANCE = dt.timedelta(days=3660)


class AdvanceError(ValueError):
    """An advance that cannot be made; ``field`` names the request field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def advance_target(
    current: dt.datetime,
    *,
    minutes: int = 0,
    hours: int = 0,
    days: int = 0,
    to: dt.datetime | None = None,
) -> dt.datetime:
    """The instant an advance moves the clock to: ``current`` plus the amounts, or ``to``.

    The clock never goes backwards: ``to`` must be later than ``current``, and an advance by
    amounts must add up to more than nothing.
    """
    by = dt.timedelta(minutes=minutes, hours=hours, days=days)
    if to is not None:
        if by:
            raise AdvanceError("to", "give either to or minutes/hours/days, not both")
        if to.tzinfo is None:
            raise AdvanceError("to", "must include a time zone offset")
        if to <= current:
            raise AdvanceError(
                "to", f"must be later than the clock ({current.isoformat()}): it never goes back"
            )
        target = to.astimezone(dt.UTC)
    else:
        if not by:
            raise AdvanceError("minutes", "advance by at least one minute, hour or day, or give to")
        target = current + by
    if target - current > MAX_ADVANCE:
        raise AdvanceError("to" if to is not None else "days", "advance at most 3660 days at a time")
    return target


def next_stop(
    current: dt.datetime, target: dt.datetime, due_times: Iterable[dt.datetime | None]
) -> dt.datetime:
    """The next instant the clock stops at on its way to ``target``: the earliest due time after
    ``current`` and not after ``target``, else ``target`` itself."""
    upcoming = [due for due in due_times if due is not None and current < due <= target]
    return min(upcoming, default=target)
