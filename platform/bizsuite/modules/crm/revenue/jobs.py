"""CRM revenue: background tasks (registered with the worker)."""

from __future__ import annotations

from bizsuite.core.jobs.queue import JobRun, tenant_task
from bizsuite.modules.crm.revenue import services
from bizsuite.web.i18n import N_

# Revenue files are imported by the import component's task (``imports.run``, ``core/imports``).


@tenant_task(
    services.RECOMPUTE_TASK,
    label=N_("Recompute revenue tiers and churn"),
    description=N_("Recompute key-account tiers and the churn watch list of the tenant."),
    schedulable=True,
)
async def recompute_revenue(run: JobRun) -> None:
    """Recompute tiers and churn (schedule it, e.g. monthly, to alert streaks held back)."""
    async with run.transaction() as ctx:
        await services.recompute(ctx)
