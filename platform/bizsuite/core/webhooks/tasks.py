"""Webhook jobs: one signed delivery attempt per run, retried with exponential backoff."""

from __future__ import annotations

import uuid

from bizsuite.core.jobs.queue import JobRun, tenant_task
from bizsuite.core.webhooks import services
from bizsuite.web.i18n import N_


@tenant_task(
    services.DELIVER_TASK,
    label=N_("Deliver a webhook event"),
    description=N_("Deliver a webhook event to an endpoint."),
    retry="webhook",
)
async def deliver(run: JobRun, *, delivery_id: str) -> None:
    """POST the event signed; a failure is retried for about a day."""
    await services.deliver(run, uuid.UUID(delivery_id))
