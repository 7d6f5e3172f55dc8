"""Venue audio's background work: the heartbeat watch (every minute, on each tenant's clock) and
its sweep, which a sandbox tenant's clock advance runs too (``core/sandbox``)."""

from __future__ import annotations

import logging
from datetime import datetime

from procrastinate.job_context import JobContext

from bizsuite.core.context import Context
from bizsuite.core.jobs.queue import JobRun, JobRuntime, queue_app, tenant_task
from bizsuite.core.sandbox.sweeps import clock_sweep
from bizsuite.modules.venue_audio import services
from bizsuite.web.i18n import N_

log = logging.getLogger(__name__)


@queue_app.periodic(cron="* * * * *", periodic_id="venue-audio-heartbeat-watch")
@queue_app.task(name="venue_audio.heartbeat_watch", pass_context=True)
async def heartbeat_watch(context: JobContext, timestamp: int) -> None:
    """Every minute: devices of every tenant silent past their interval go into fault (one alert each)."""
    runtime = context.additional_context["runtime"]
    assert isinstance(runtime, JobRuntime)
    found = await services.sweep_all_tenants(runtime.sessionmaker)
    if found:
        log.info("heartbeat watch: %d devices in fault", found)


@clock_sweep("venue_audio.heartbeat_watch", next_due=services.next_fault_due, module="venue_audio")
async def heartbeat_sweep(ctx: Context, now: datetime) -> int:
    """The heartbeat watch for one tenant at ``now``."""
    return len(await services.mark_faults(ctx, now=now))


@tenant_task(
    "venue_audio.ack_watch",
    label=N_("Emergency acknowledgement watch"),
    description=N_("Players that have not acknowledged an emergency within 2 seconds raise an alert."),
    retry=None,
    recorded=False,
)
async def ack_watch(run: JobRun) -> None:
    """Queued 2 s after emergency commands are issued (``services.players``)."""
    async with run.transaction() as ctx:
        raised = await services.watch_acknowledgements(ctx)
    if raised:
        log.warning("emergency not acknowledged by %d players", raised)
