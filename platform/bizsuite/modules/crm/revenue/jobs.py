"""CRM revenue: background tasks (registered with the worker)."""

from __future__ import annotations

from bizsuite.core.db import set_db_setting
from bizsuite.core.jobs.queue import JobRun, tenant_task
from bizsuite.modules.crm.revenue import services
from bizsuite.web.i18n import N_

# Revenue files are imported by the import component's task (``imports.run``, ``core/imports``).

#: The recompute task's statement timeout: a full streak recompute reads every revenue row.
RECOMPUTE_TIMEOUT_MS = 30 * 60 * 1000


@tenant_task(
    services.RECOMPUTE_TASK,
    label=N_("Recompute revenue tiers and churn"),
    description=N_("Recompute key-account tiers and the churn watch list of the tenant."),
    schedulable=True,
)
async def recompute_revenue(run: JobRun) -> None:
    """Recompute tiers and churn (schedule it, e.g. monthly, to alert streaks held back), and every
    account's decline streak from its revenue rows: the repair after revenue was written behind
    the services' back (revenue writes keep the streaks themselves). On a large tenant the full
    recompute may take longer than a request may, so the task lifts the statement timeout."""
    async with run.transaction() as ctx:
        await set_db_setting(ctx.session, "statement_timeout", f"{RECOMPUTE_TIMEOUT_MS}ms")
        await services.recompute(ctx, streaks=True)
