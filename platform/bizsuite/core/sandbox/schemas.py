"""Request and response bodies of the sandbox clock."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

Amount = Annotated[int, msgspec.Meta(ge=0, le=5_270_400)]


class SandboxClockView(msgspec.Struct, kw_only=True):
    """The tenant's clock."""

    #: Whether the tenant is a sandbox (only a sandbox's clock can be advanced).
    sandbox: bool
    #: "Now" for the tenant: what every time rule reads (SLA clocks, schedules, "today").
    now: datetime
    #: How far the clock is ahead of real time, in seconds (0 for a production tenant).
    offset_seconds: float
    #: The tenant's time zone, in which "today" and schedules are read.
    time_zone: str


class ClockAdvance(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Move a sandbox's clock forward: by ``minutes``/``hours``/``days`` (added up), or ``to`` an
    instant (with its time zone offset). The clock never goes back."""

    minutes: Amount = 0
    hours: Amount = 0
    days: Amount = 0
    to: datetime | None = None


class ClockRunView(msgspec.Struct, kw_only=True):
    """Work that fell due while the clock moved, run at the instant it fell due."""

    #: The tenant clock's time when it ran.
    at: datetime
    #: The sweep that ran (``crm.tickets.sla_clock``, ``jobs.schedules``...).
    sweep: str
    #: How many things it did (breaches marked and alerted, schedules fired...).
    count: int


class ClockAdvanceView(msgspec.Struct, kw_only=True):
    """The clock after an advance, and what ran on the way, in order."""

    previous_now: datetime
    clock: SandboxClockView
    ran: list[ClockRunView]
