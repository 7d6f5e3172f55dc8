"""Job rows: each tenant's view of its background jobs, and its cron-like schedules.

procrastinate's own tables (``procrastinate_*``) are the queue shared by every tenant; a
tenant never reads them. What a tenant sees is ``background_jobs``, written in the same
transaction that queues the job and updated by the worker, under row-level security.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Connection, Enum, Index, Integer, String, Text, event, text, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk


class JobStatus(enum.StrEnum):
    """Where a job stands; ``failed`` jobs form the dead-letter list."""

    QUEUED = "queued"
    RUNNING = "running"
    RETRYING = "retrying"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


JOB_STATUS_ENUM = Enum(
    JobStatus, name="background_job_status", values_callable=lambda e: [m.value for m in e]
)


class JobSchedule(TenantScoped, Timestamped, Versioned, Base):
    """Run a task on a cron expression read in the tenant's time zone."""

    __tablename__ = "job_schedules"
    __table_args__ = (
        Index("ix_job_schedules_tenant_created", "tenant_id", "created_at", "id"),
        Index("uq_job_schedules_tenant_name", "tenant_id", "name", unique=True),
    )

    name: Mapped[str] = mapped_column(String(200))
    task_name: Mapped[str] = mapped_column(String(128))
    #: Five fields, minute hour day month weekday, in the tenant's local time.
    cron: Mapped[str] = mapped_column(String(120))
    args: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    enabled: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    next_fire_at: Mapped[datetime | None]
    last_fired_at: Mapped[datetime | None]
    #: The queued procrastinate job that fires ``next_fire_at`` (cancelled when the schedule changes).
    fire_job_id: Mapped[int | None] = mapped_column(BigInteger)


class BackgroundJob(TenantScoped, Timestamped, Versioned, Base):
    """One queued piece of work of a tenant, as the tenant sees it."""

    __tablename__ = "background_jobs"
    __table_args__ = (
        # No ON DELETE SET NULL (schedule_id): Citus refuses that action on a key holding the
        # distribution column; deleting a schedule clears the reference first (below).
        tenant_fk("schedule_id", "job_schedules.id"),
        Index("ix_background_jobs_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_background_jobs_tenant_status_created", "tenant_id", "status", "created_at", "id"),
    )

    task_name: Mapped[str] = mapped_column(String(128))
    args: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    status: Mapped[JobStatus] = mapped_column(
        JOB_STATUS_ENUM, default=JobStatus.QUEUED, server_default=JobStatus.QUEUED.value
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    last_error: Mapped[str | None] = mapped_column(Text)
    #: When the job (or its next retry) may start; ``None`` means as soon as a worker is free.
    run_after: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    procrastinate_job_id: Mapped[int | None] = mapped_column(BigInteger)
    schedule_id: Mapped[uuid.UUID | None]


@event.listens_for(JobSchedule, "before_delete")
def _keep_the_jobs_of_a_deleted_schedule(
    mapper: Mapper[JobSchedule], connection: Connection, target: JobSchedule
) -> None:
    """The jobs a deleted schedule ran stay in the list, without their schedule.

    What ``ON DELETE SET NULL (schedule_id)`` did until migration 0025, done by the ORM just
    before it deletes the schedule (a bulk ``DELETE`` of schedules must clear ``schedule_id``
    itself; the foreign key refuses it otherwise).
    """
    connection.execute(
        update(BackgroundJob)
        .where(BackgroundJob.tenant_id == target.tenant_id, BackgroundJob.schedule_id == target.id)
        .values(schedule_id=None)
    )
