"""Request and response bodies for jobs and schedules."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import msgspec

from bizsuite.core.jobs.models import JobStatus

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
TaskName = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
Cron = Annotated[
    str,
    msgspec.Meta(
        min_length=9,
        max_length=120,
        description="Five cron fields (minute hour day month weekday) in the tenant's time zone.",
        examples=["0 9 25 * *"],
    ),
]


class JobOut(msgspec.Struct, kw_only=True):
    """A background job of the tenant; ``failed`` ones form the dead-letter list.

    ``stalled``: the job is ``running`` on a worker that stopped sending heartbeats (killed,
    cut off); another worker hands it over shortly and it runs again from the start.
    """

    id: uuid.UUID
    task_name: str
    args: dict[str, Any]
    status: JobStatus
    attempts: int
    last_error: str | None
    run_after: datetime | None
    finished_at: datetime | None
    schedule_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    version: int
    stalled: bool = False


class JobFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The job list's filters: a status (``failed``: the dead letters), a task."""

    status: JobStatus | None = None
    task_name: str | None = None


class JobPage(msgspec.Struct, kw_only=True):
    """A page of jobs, newest first; pass ``next_cursor`` as ``cursor`` for the next one."""

    items: list[JobOut]
    next_cursor: str | None


class TaskOut(msgspec.Struct, kw_only=True):
    """A task a schedule can run."""

    name: str
    description: str
    args_schema: dict[str, Any]


class TaskList(msgspec.Struct, kw_only=True):
    """The tasks schedules can run."""

    items: list[TaskOut]


class JobScheduleCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new schedule: run ``task_name`` with ``args`` whenever ``cron`` matches, in local time."""

    name: Name
    task_name: TaskName
    cron: Cron
    args: dict[str, Any] = msgspec.field(default_factory=dict)
    enabled: bool = True


class JobScheduleUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value. Send ``If-Match: <version>``."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    cron: Cron | msgspec.UnsetType = msgspec.UNSET
    args: dict[str, Any] | msgspec.UnsetType = msgspec.UNSET
    enabled: bool | msgspec.UnsetType = msgspec.UNSET


class JobScheduleOut(msgspec.Struct, kw_only=True):
    """A schedule; ``next_fire_at`` is in UTC, computed in ``time_zone`` (the tenant's)."""

    id: uuid.UUID
    name: str
    task_name: str
    cron: str
    args: dict[str, Any]
    enabled: bool
    time_zone: str
    next_fire_at: datetime | None
    last_fired_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class JobSchedulePage(msgspec.Struct, kw_only=True):
    """A page of schedules, oldest first."""

    items: list[JobScheduleOut]
    next_cursor: str | None
