"""Alert jobs: sending an alert by email and SMS, and scheduled reminders."""

from __future__ import annotations

import uuid
from typing import Annotated

import msgspec

from bizsuite.core.alerts import services
from bizsuite.core.alerts.models import Severity
from bizsuite.core.identity.models import Role
from bizsuite.core.jobs.queue import JobRun, tenant_task
from bizsuite.web.i18n import N_


@tenant_task(
    services.DISPATCH_TASK,
    label=N_("Send an alert"),
    description=N_("Send an alert to its recipients by email and SMS."),
)
async def dispatch(run: JobRun, *, alert_id: str) -> None:
    """Send the alert's outbox messages (each once, whatever retries happen)."""
    async with run.transaction() as ctx:
        await services.dispatch_alert(ctx, uuid.UUID(alert_id), run.runtime.settings)


class ReminderArgs(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A reminder raised as an alert each time its schedule fires."""

    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    body: str | None = None
    severity: Severity = Severity.INFO
    #: Members at this role and up receive it.
    audience: Role = Role.MEMBER


@tenant_task(
    "alerts.remind",
    label=N_("Reminder"),
    description=N_("Raise a reminder alert (for example: submit next month's budget by the 25th)."),
    schedulable=True,
    args_type=ReminderArgs,
)
async def remind(
    run: JobRun,
    *,
    title: str,
    body: str | None = None,
    severity: str = Severity.INFO.value,
    audience: str = Role.MEMBER.value,
    schedule_id: str | None = None,
    fired_at: str | None = None,
) -> None:
    """Raise the reminder once per firing (keyed by schedule and firing time)."""
    key = f"reminder:{schedule_id}:{fired_at}" if schedule_id else f"reminder:job:{run.job_record_id}"
    async with run.transaction() as ctx:
        await services.raise_alert(
            ctx,
            alert_type="reminder",
            severity=Severity(severity),
            title=title,
            body=body,
            dedup_key=key,
            audience=Role(audience),
            data={"schedule_id": schedule_id, "fired_at": fired_at},
        )
