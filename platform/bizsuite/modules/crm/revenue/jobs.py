"""CRM revenue: background tasks (registered with the worker)."""

from __future__ import annotations

import uuid

from bizsuite.core.files.storage import storage_from_settings
from bizsuite.core.jobs.queue import JobRun, tenant_task
from bizsuite.modules.crm.revenue import imports, services


@tenant_task(
    imports.IMPORT_TASK,
    description="Import a confirmed monthly revenue file (all rows or none), then recompute tiers and churn.",
    retry=None,
)
async def import_revenue(run: JobRun, *, import_id: str) -> None:
    """Run one confirmed revenue import in a single transaction."""
    await imports.run_import(run, uuid.UUID(import_id), storage_from_settings(run.runtime.settings))


@tenant_task(
    services.RECOMPUTE_TASK,
    description="Recompute key-account tiers and the churn watch list of the tenant.",
    schedulable=True,
)
async def recompute_revenue(run: JobRun) -> None:
    """Recompute tiers and churn (schedule it, e.g. monthly, to alert streaks held back)."""
    async with run.transaction() as ctx:
        await services.recompute(ctx)
