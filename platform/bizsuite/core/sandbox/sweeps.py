"""Clock sweeps: the tenant-scoped bodies of the periodic tasks, which a sandbox's advance runs.

A periodic task (the SLA clock, schedule firings...) does, every minute, what became due for
every tenant. When a sandbox tenant's clock jumps, the same bodies run for that tenant at each
instant something fell due in between, in order (``services.advance_clock``). An area registers
its sweep in one of its task modules (``ModuleSpec.task_modules``), next to its periodic task:

    @clock_sweep("crm.tickets.sla_clock", next_due=next_sla_due, module="crm")
    async def sla_sweep(ctx: Context, now: datetime) -> int: ...
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bizsuite.core.context import Context

#: ``(ctx, now)`` → how many things it did (breaches marked, schedules fired...).
SweepBody = Callable[["Context", datetime], Awaitable[int]]
#: ``(ctx)`` → the earliest time something of this sweep falls due, if anything is pending.
NextDue = Callable[["Context"], Awaitable[datetime | None]]


@dataclass(frozen=True, slots=True)
class ClockSweep:
    """What a periodic task does for one tenant, and when it next has something to do."""

    name: str
    run: SweepBody
    next_due: NextDue
    #: Run only for tenants with this business module (``None``: every tenant).
    module: str | None = None


#: The registered sweeps by name, in registration order (kernel areas first, then modules).
CLOCK_SWEEPS: dict[str, ClockSweep] = {}


def clock_sweep(
    name: str, *, next_due: NextDue, module: str | None = None
) -> Callable[[SweepBody], SweepBody]:
    """Register ``body`` as the sweep ``name`` (a second registration of a name replaces the first)."""

    def decorator(body: SweepBody) -> SweepBody:
        CLOCK_SWEEPS[name] = ClockSweep(name=name, run=body, next_due=next_due, module=module)
        return body

    return decorator
