"""Scheduled-activity endpoints: list (mine, a record's), schedule, edit, mark done, cancel."""

from __future__ import annotations

import uuid

from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody

from bizsuite.core.activities import services
from bizsuite.core.activities.models import ActivityStatus
from bizsuite.core.activities.schemas import (
    ScheduledActivityCreate,
    ScheduledActivityDone,
    ScheduledActivityFilters,
    ScheduledActivityOut,
    ScheduledActivityPage,
    ScheduledActivityUpdate,
)
from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam


def activity_filters(
    assignee_user_id: FromQuery[uuid.UUID | None] = None,
    target_type: FromQuery[str | None] = None,
    target_id: FromQuery[uuid.UUID | None] = None,
    status: FromQuery[ActivityStatus | None] = ActivityStatus.PLANNED,
) -> ScheduledActivityFilters:
    """The activity list's filters from their typed query parameters (planned ones by default)."""
    return ScheduledActivityFilters(
        assignee_user_id=assignee_user_id, target_type=target_type, target_id=target_id, status=status
    )


ACTIVITY_FILTERS = {"filters": Provide(activity_filters, sync_to_thread=False)}
Filters = NamedDependency[ScheduledActivityFilters]


class ActivityController(Controller):
    """Activities to do on any record (``target_type`` is the record's table, e.g. ``crm_accounts``)."""

    path = "/api/v1/activities"
    tags = ["activities"]
    guards = [tenant_guard]

    @get(operation_id="list_activities", summary="List activities", dependencies=ACTIVITY_FILTERS)
    async def list_activities(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None, *, filters: Filters
    ) -> ScheduledActivityPage:
        """Activities, soonest due first, each with its state on the tenant's today."""
        return await services.list_activities(ctx, filters, limit=limit, cursor=cursor)

    @post(operation_id="create_activity", summary="Schedule an activity")
    async def create_activity(
        self, ctx: Ctx, data: JSONBody[ScheduledActivityCreate]
    ) -> ScheduledActivityOut:
        """Schedule a call, meeting, email or to-do on a record for a member (default: you)."""
        return await services.create_activity(ctx, data)

    @get("/{scheduled_activity_id:uuid}", operation_id="get_activity", summary="Get an activity")
    async def get_activity(
        self, ctx: Ctx, scheduled_activity_id: FromPath[uuid.UUID]
    ) -> ScheduledActivityOut:
        """Return one activity."""
        return await services.get_activity(ctx, scheduled_activity_id)

    @patch("/{scheduled_activity_id:uuid}", operation_id="update_activity", summary="Update an activity")
    async def update_activity(
        self,
        ctx: Ctx,
        scheduled_activity_id: FromPath[uuid.UUID],
        data: JSONBody[ScheduledActivityUpdate],
        if_match: IfMatch = None,
    ) -> ScheduledActivityOut:
        """Change a planned activity (its assignee, who scheduled it, or a manager)."""
        return await services.update_activity(ctx, scheduled_activity_id, data, if_match)

    @post(
        "/{scheduled_activity_id:uuid}/complete",
        operation_id="complete_activity",
        summary="Mark an activity done",
        status_code=200,
    )
    async def complete_activity(
        self,
        ctx: Ctx,
        scheduled_activity_id: FromPath[uuid.UUID],
        data: JSONBody[ScheduledActivityDone],
        if_match: IfMatch = None,
    ) -> ScheduledActivityOut:
        """Mark it done; the feedback is posted to the record's chatter."""
        return await services.complete_activity(ctx, scheduled_activity_id, data, if_match)

    @delete("/{scheduled_activity_id:uuid}", operation_id="delete_activity", summary="Cancel an activity")
    async def delete_activity(
        self, ctx: Ctx, scheduled_activity_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Cancel (delete) an activity."""
        await services.delete_activity(ctx, scheduled_activity_id, if_match)
