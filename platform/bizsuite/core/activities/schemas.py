"""Request and response bodies of scheduled activities."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

import msgspec

from bizsuite.core.activities.models import ActivityStatus, ActivityType
from bizsuite.core.activities.rules import DueState

Summary = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Note = Annotated[str, msgspec.Meta(max_length=5_000)]
Feedback = Annotated[str, msgspec.Meta(max_length=5_000)]
TargetType = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class ScheduledActivityCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An activity to do about a record (``target_type`` is its table, e.g. ``crm_accounts``);
    the assignee defaults to the caller."""

    target_type: TargetType
    target_id: uuid.UUID
    activity_type: ActivityType
    summary: Summary
    due_date: date
    note: Note | None = None
    assignee_user_id: uuid.UUID | None = None


class ScheduledActivityUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value, ``null`` clears the note. Send ``If-Match``."""

    activity_type: ActivityType | msgspec.UnsetType = msgspec.UNSET
    summary: Summary | msgspec.UnsetType = msgspec.UNSET
    due_date: date | msgspec.UnsetType = msgspec.UNSET
    note: Note | msgspec.UnsetType | None = msgspec.UNSET
    assignee_user_id: uuid.UUID | msgspec.UnsetType = msgspec.UNSET


class ScheduledActivityDone(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Mark an activity done, with what came of it (posted to the record's chatter)."""

    feedback: Feedback | None = None


class ScheduledActivityOut(msgspec.Struct, kw_only=True):
    """A scheduled activity with its state on the tenant's today (``overdue``, ``today``, ``planned``)."""

    id: uuid.UUID
    target_type: str
    target_id: uuid.UUID
    #: The record's name and page, as the caller may see them.
    target_label: str
    target_url: str | None
    activity_type: ActivityType
    summary: str
    note: str | None
    due_date: date
    state: DueState
    assignee_user_id: uuid.UUID
    assignee: str
    status: ActivityStatus
    feedback: str | None
    done_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class ScheduledActivityFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The activity list's filters: by assignee (``me`` in the page), record and status."""

    assignee_user_id: uuid.UUID | None = None
    target_type: str | None = None
    target_id: uuid.UUID | None = None
    status: ActivityStatus | None = ActivityStatus.PLANNED


class ScheduledActivityPage(msgspec.Struct, kw_only=True):
    """A page of activities, soonest due first."""

    items: list[ScheduledActivityOut]
    next_cursor: str | None
