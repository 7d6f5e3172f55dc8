"""CRM tickets: background tasks (registered with the worker), and the SLA clock's sweep that a
sandbox tenant's clock advance runs (``core/sandbox``)."""

from __future__ import annotations

import logging
from datetime import datetime

from procrastinate.job_context import JobContext
from sqlalchemy import func, select

from bizsuite.core.context import Context
from bizsuite.core.jobs.queue import JobRuntime, queue_app
from bizsuite.core.sandbox.sweeps import clock_sweep
from bizsuite.modules.crm.models import Ticket, TicketMilestone
from bizsuite.modules.crm.tickets import rules, services

log = logging.getLogger(__name__)


@queue_app.periodic(cron="* * * * *", periodic_id="crm-ticket-sla-clock")
@queue_app.task(name="crm.tickets.sla_clock", pass_context=True)
async def sla_clock(context: JobContext, timestamp: int) -> None:
    """Every minute: mark overdue SLA milestones of every tenant as breached and alert each once."""
    runtime = context.additional_context["runtime"]
    assert isinstance(runtime, JobRuntime)
    found = await services.sweep_all_tenants(runtime.sessionmaker)
    if found:
        log.info("SLA clock: %d new breaches", found)


async def next_sla_due(ctx: Context) -> datetime | None:
    """The earliest due time of a milestone the SLA clock still watches (measured, not reached)."""
    return await ctx.session.scalar(
        select(func.min(TicketMilestone.due_at)).where(
            TicketMilestone.met_at.is_(None),
            TicketMilestone.breached_at.is_(None),
            TicketMilestone.ticket_id.in_(select(Ticket.id).where(Ticket.status.not_in(rules.FINISHED))),
        )
    )


@clock_sweep("crm.tickets.sla_clock", next_due=next_sla_due, module="crm")
async def sla_sweep(ctx: Context, now: datetime) -> int:
    """The SLA clock for one tenant at ``now``: breaches marked and alerted (each once)."""
    return len(await services.mark_breaches(ctx, now=now))
