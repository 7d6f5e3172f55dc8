"""CRM tickets: background tasks (registered with the worker)."""

from __future__ import annotations

import logging

from procrastinate.job_context import JobContext

from bizsuite.core.jobs.queue import JobRuntime, queue_app
from bizsuite.modules.crm.tickets import services

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
