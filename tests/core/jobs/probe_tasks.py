"""Tasks registered only by the tests (loaded by a worker subprocess with ``--import``)."""

from __future__ import annotations

import asyncio

from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.jobs.queue import JobRun, tenant_task


@tenant_task(
    "tests.raise_then_hold", description="Raise a keyed alert, commit, then hold on the first attempt."
)
async def raise_then_hold(run: JobRun, *, key: str, hold_seconds: float = 0.0) -> None:
    """The effect is a keyed insert; the first attempt then lingers so a test can kill its worker."""
    async with run.transaction() as ctx:
        await raise_alert(
            ctx,
            alert_type="probe",
            severity=Severity.INFO,
            title="Probe",
            dedup_key=f"probe:{key}",
            recipients=[],
        )
    if run.attempt == 1 and hold_seconds:
        await asyncio.sleep(hold_seconds)


@tenant_task("tests.fails_until", description="Fail until the given attempt.")
async def fails_until(run: JobRun, *, succeed_from_attempt: int) -> None:
    """Fail every attempt before ``succeed_from_attempt``."""
    if run.attempt < succeed_from_attempt:
        raise RuntimeError(f"attempt {run.attempt} fails on purpose")
