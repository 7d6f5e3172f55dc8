"""Deleting a parent keeps its children without the reference, now that no foreign key holding
``tenant_id`` says ``ON DELETE SET NULL`` (migration 0025, for Citus): the ORM clears it."""

from __future__ import annotations

from bizsuite.core.alerts.models import Alert, Channel, OutboxMessage, OutboxStatus, Severity
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.jobs.models import BackgroundJob, JobSchedule
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle


async def test_deleting_a_schedule_keeps_the_jobs_it_ran(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    factory = make_sessionmaker(app_engine)
    async with factory() as session, session.begin():
        await bind_tenant(session, tenant_a.id)
        schedule = JobSchedule(name="nightly", task_name="alerts.remind", cron="0 2 * * *")
        session.add(schedule)
        await session.flush()
        job = BackgroundJob(task_name="alerts.remind", schedule_id=schedule.id)
        session.add(job)
        await session.flush()
        await session.delete(schedule)
    async with factory() as session, session.begin():
        await bind_tenant(session, tenant_a.id)
        row = (
            await session.execute(
                select(BackgroundJob.id, BackgroundJob.schedule_id).where(BackgroundJob.id == job.id)
            )
        ).one()
        assert tuple(row) == (job.id, None)


async def test_deleting_an_alert_keeps_its_outbox_messages(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    factory = make_sessionmaker(app_engine)
    async with factory() as session, session.begin():
        await bind_tenant(session, tenant_a.id)
        alert = Alert(type="reminder", severity=Severity.INFO, title="Look", dedup_key="look-1")
        session.add(alert)
        await session.flush()
        message = OutboxMessage(
            channel=Channel.EMAIL,
            recipient="someone@example.com",
            alert_id=alert.id,
            body="Look",
            provider="record",
            status=OutboxStatus.RECORDED,
            dedup_key="look-1-email",
        )
        session.add(message)
        await session.flush()
        await session.delete(alert)
    async with factory() as session, session.begin():
        await bind_tenant(session, tenant_a.id)
        row = (
            await session.execute(
                select(OutboxMessage.id, OutboxMessage.alert_id).where(OutboxMessage.id == message.id)
            )
        ).one()
        assert tuple(row) == (message.id, None)
