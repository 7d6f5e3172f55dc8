"""The tenant's optional business calendar for SLA clocks (stored in ``CrmSettings``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import msgspec

HourMinute = Annotated[str, msgspec.Meta(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["09:00"])]


class BusinessCalendar(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Working hours per weekday (``mon``..``sun`` -> ``["09:00", "18:00"]``) and holidays.

    No hours at all means SLA clocks run around the clock.
    """

    hours: dict[str, tuple[HourMinute, HourMinute]] = msgspec.field(default_factory=dict)
    holidays: list[date] = msgspec.field(default_factory=list)
