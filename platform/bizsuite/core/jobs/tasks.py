"""Kernel job tasks: firing tenant schedules.

(Every worker hands the jobs of dead workers over itself, once per heartbeat: ``worker.py``.)
"""

from __future__ import annotations

import uuid
from datetime import datetime

from bizsuite.core.jobs import services
from bizsuite.core.jobs.queue import JobRun, tenant_task
from bizsuite.web.i18n import N_


@tenant_task(
    services.FIRE_SCHEDULE_TASK,
    label=N_("Run a schedule"),
    description=N_("Fire one occurrence of a schedule and queue the next one."),
    recorded=False,
)
async def fire_schedule(run: JobRun, *, schedule_id: str, fire_at: str) -> None:
    """Queue the schedule's task and its next firing, in one tenant transaction."""
    async with run.transaction() as ctx:
        await services.fire_schedule(ctx, uuid.UUID(schedule_id), datetime.fromisoformat(fire_at))
