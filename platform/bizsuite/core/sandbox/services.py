"""The sandbox clock: reading it, and advancing it while running what falls due, in order."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.core.errors import ForbiddenProblem, ValidationProblem
from bizsuite.core.jobs.queue import load_task_modules
from bizsuite.core.sandbox import rules
from bizsuite.core.sandbox.schemas import ClockAdvance, ClockAdvanceView, ClockRunView, SandboxClockView
from bizsuite.core.sandbox.sweeps import CLOCK_SWEEPS, ClockSweep
from bizsuite.core.tenants.models import Tenant

#: At most this many stops per advance (each runs every sweep once): advance in smaller steps.
MAX_STOPS = 1000


class SandboxOnlyProblem(ForbiddenProblem):
    """The tenant's clock is real time: only a sandbox tenant's clock can be advanced."""

    slug = "sandbox-only"
    title = "Sandbox tenants only"


def clock_view(tenant: Tenant, *, now: dt.datetime | None = None) -> SandboxClockView:
    """The tenant's clock as shown (reading ``now``, else the time it is)."""
    return SandboxClockView(
        sandbox=tenant.sandbox,
        now=now or clock.tenant_now(tenant),
        offset_seconds=clock.offset_of(tenant).total_seconds(),
        time_zone=tenant.time_zone,
    )


async def get_clock(ctx: Context) -> SandboxClockView:
    """The caller's tenant clock (a production tenant's is real time)."""
    return clock_view(ctx.tenant)


def _sweeps(tenant: Tenant) -> list[ClockSweep]:
    load_task_modules()  # the areas' task modules register their sweeps
    return [s for s in CLOCK_SWEEPS.values() if s.module is None or s.module in tenant.modules]


def _set_clock(tenant: Tenant, at: dt.datetime) -> None:
    # In memory only, for the rules that read the clock during the advance; saved once at the end
    # (the clock is not a setting: moving it does not bump the tenant's version).
    set_committed_value(tenant, "clock_offset", max(at - clock.real_now(), tenant.clock_offset))


async def advance_clock(ctx: Context, data: ClockAdvance) -> ClockAdvanceView:
    """Move a sandbox tenant's clock forward and, at each instant something fell due on the way
    (an SLA milestone, a schedule's occurrence...), in order, run the periodic tasks' bodies for
    this tenant, in this request's transaction. A production tenant gets 403."""
    if not ctx.tenant.sandbox:
        raise SandboxOnlyProblem(
            "Only a sandbox tenant's clock can be advanced; this tenant runs on real time."
        )
    # One advance at a time per tenant; the clock is read afresh (a concurrent advance committed).
    tenant = ctx.tenant
    await ctx.session.refresh(tenant, attribute_names=["clock_offset", "version"], with_for_update=True)
    previous = clock.tenant_now(tenant)
    try:
        target = rules.advance_target(
            previous, minutes=data.minutes, hours=data.hours, days=data.days, to=data.to
        )
    except rules.AdvanceError as exc:
        raise ValidationProblem.for_field(exc.field, str(exc)) from exc
    sweeps = _sweeps(tenant)
    ran: list[ClockRunView] = []
    current = previous
    for _ in range(MAX_STOPS):
        # What is already due runs first (the worker's last tick may be up to a minute ago).
        for sweep in sweeps:
            count = await sweep.run(ctx, current)
            if count:
                ran.append(ClockRunView(at=current, sweep=sweep.name, count=count))
        if current >= target:
            break
        current = rules.next_stop(current, target, [await s.next_due(ctx) for s in sweeps])
        _set_clock(tenant, current)
    else:
        raise ValidationProblem.for_field(
            "to" if data.to is not None else "days",
            f"more than {MAX_STOPS} things fall due in this interval: advance in smaller steps",
        )
    _set_clock(tenant, target)
    await ctx.session.execute(
        update(Tenant)
        .where(Tenant.id == tenant.id)
        .values(clock_offset=tenant.clock_offset)
        .execution_options(synchronize_session=False)
    )
    view = clock_view(tenant, now=target)
    ctx.audit(
        "sandbox_clock.advanced",
        tenant,
        before={"now": previous.isoformat()},
        after={
            "now": target.isoformat(),
            "offset_seconds": view.offset_seconds,
            "ran": [{"at": r.at.isoformat(), "sweep": r.sweep, "count": r.count} for r in ran],
        },
        target_type="tenant",
    )
    return ClockAdvanceView(previous_now=previous, clock=view, ran=ran)
