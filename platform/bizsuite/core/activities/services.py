"""Scheduled-activity workflows: schedule, edit, mark done (the feedback lands in the record's
chatter), cancel, list (mine, a record's), and the reminders on the due day and when overdue."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

import msgspec
from sqlalchemy import func, select

from bizsuite.core import clock
from bizsuite.core.activities import rules
from bizsuite.core.activities.models import ActivityStatus, ActivityType, ScheduledActivity
from bizsuite.core.activities.schemas import (
    ScheduledActivityCreate,
    ScheduledActivityDone,
    ScheduledActivityFilters,
    ScheduledActivityOut,
    ScheduledActivityPage,
    ScheduledActivityUpdate,
)
from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.chatter.models import MessageKind
from bizsuite.core.chatter.services import (
    granted_members,
    module_of_type,
    post_message,
    record_of,
    require_record_member,
)
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.services import user_names
from bizsuite.core.pagination import keyset, page_of
from bizsuite.core.repository import check_version, fetch
from bizsuite.kit import registry
from bizsuite.web.i18n import N_

DUE_ALERT = "activity.due"
OVERDUE_ALERT = "activity.overdue"
#: Labels of the activity types (msgids).
TYPE_LABELS = {
    ActivityType.CALL.value: N_("Call"),
    ActivityType.MEETING.value: N_("Meeting"),
    ActivityType.EMAIL.value: N_("Email"),
    ActivityType.TODO.value: N_("To-do"),
}


def today(ctx: Context) -> dt.date:
    """The tenant's today (its clock, in its time zone)."""
    return rules.local_today(clock.now(ctx), ctx.tenant.time_zone)


async def _labels(ctx: Context, rows: Sequence[ScheduledActivity]) -> dict[tuple[str, uuid.UUID], str]:
    """Each row's record name (one load per record; a record gone or out of reach shows a dash)."""
    found: dict[tuple[str, uuid.UUID], str] = {}
    for row in rows:
        key = (row.target_type, row.target_id)
        if key in found:
            continue
        try:
            found[key] = (await record_of(ctx, row.target_type, row.target_id))[1].label
        except NotFoundProblem:
            found[key] = "—"
    return found


async def views(ctx: Context, rows: Sequence[ScheduledActivity]) -> list[ScheduledActivityOut]:
    """Rows as views with their record's name and link, the assignee's name and the due state."""
    names = await user_names(ctx, [r.assignee_user_id for r in rows])
    labels = await _labels(ctx, rows)
    day = today(ctx)
    return [
        ScheduledActivityOut(
            id=r.id,
            target_type=r.target_type,
            target_id=r.target_id,
            target_label=labels[(r.target_type, r.target_id)],
            target_url=registry().link_for(r.target_type, r.target_id, ctx.principal),
            activity_type=r.activity_type,
            summary=r.summary,
            note=r.note,
            due_date=r.due_date,
            state=rules.due_state(r.due_date, day),
            assignee_user_id=r.assignee_user_id,
            assignee=names.get(r.assignee_user_id, "—"),
            status=r.status,
            feedback=r.feedback,
            done_at=r.done_at,
            created_at=r.created_at,
            updated_at=r.updated_at,
            version=r.version,
        )
        for r in rows
    ]


async def list_activities(
    ctx: Context, filters: ScheduledActivityFilters, *, limit: int, cursor: str | None
) -> ScheduledActivityPage:
    """A page of activities, soonest due first (records of modules the caller cannot use left out)."""
    statement = select(ScheduledActivity)
    if filters.assignee_user_id is not None:
        statement = statement.where(ScheduledActivity.assignee_user_id == filters.assignee_user_id)
    if filters.target_type is not None:
        statement = statement.where(ScheduledActivity.target_type == filters.target_type)
    if filters.target_id is not None:
        statement = statement.where(ScheduledActivity.target_id == filters.target_id)
    if filters.status is not None:
        statement = statement.where(ScheduledActivity.status == filters.status)
    hidden = [
        name
        for name, declared in registry().record_types.items()
        if declared.module and not ctx.principal.can_use_module(declared.module)
    ]
    if hidden:
        statement = statement.where(ScheduledActivity.target_type.not_in(hidden))
    keys = (ScheduledActivity.due_date, ScheduledActivity.id)
    rows = (await ctx.session.scalars(keyset(statement, limit=limit, cursor=cursor, keys=keys))).all()
    items, next_cursor = page_of(rows, limit, key=lambda r: (r.due_date, r.id))
    return ScheduledActivityPage(items=await views(ctx, items), next_cursor=next_cursor)


async def _activity(ctx: Context, activity_id: uuid.UUID) -> ScheduledActivity:
    row = await fetch(ctx.session, ScheduledActivity, activity_id, what="activity")
    await record_of(ctx, row.target_type, row.target_id)  # the record's module must be the caller's
    return row


async def get_activity(ctx: Context, activity_id: uuid.UUID) -> ScheduledActivityOut:
    """One activity or 404."""
    return (await views(ctx, [await _activity(ctx, activity_id)]))[0]


def _may_change(ctx: Context, row: ScheduledActivity) -> None:
    """The assignee, whoever scheduled it, or a manager and above."""
    principal = ctx.principal
    if principal.role is not None and principal.role.at_least(Role.MANAGER):
        return
    if principal.user_id is not None and principal.user_id in (row.assignee_user_id, row.created_by_user_id):
        return
    raise ForbiddenProblem("Only its assignee, whoever scheduled it or a manager can change this activity.")


async def _assignee(ctx: Context, target_type: str, user_id: uuid.UUID | None) -> uuid.UUID:
    if user_id is None:
        if ctx.principal.user_id is None:
            raise ValidationProblem.for_field("assignee_user_id", "an API key must name the member")
        return ctx.principal.user_id
    # The assignee must be able to open the record (its module granted to them).
    return await require_record_member(ctx, target_type, user_id, field="assignee_user_id")


async def create_activity(ctx: Context, data: ScheduledActivityCreate) -> ScheduledActivityOut:
    """Schedule an activity on a record (422 naming ``target_id`` for a record not this tenant's)."""
    await record_of(ctx, data.target_type, data.target_id, field="target_id")
    row = ScheduledActivity(
        target_type=data.target_type,
        target_id=data.target_id,
        activity_type=data.activity_type,
        summary=data.summary,
        note=data.note,
        due_date=data.due_date,
        assignee_user_id=await _assignee(ctx, data.target_type, data.assignee_user_id),
        created_by_user_id=ctx.principal.user_id,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("scheduled_activity.created", row, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def update_activity(
    ctx: Context, activity_id: uuid.UUID, data: ScheduledActivityUpdate, if_match: str | None
) -> ScheduledActivityOut:
    """Change a planned activity; a new due day re-arms its reminders."""
    row = await _activity(ctx, activity_id)
    _may_change(ctx, row)
    check_version(row, if_match)
    if row.status is not ActivityStatus.PLANNED:
        raise ConflictProblem("This activity is done: it can no longer be changed.")
    before = snapshot(row)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if "assignee_user_id" in changes:
        changes["assignee_user_id"] = await require_record_member(
            ctx, row.target_type, changes["assignee_user_id"], field="assignee_user_id"
        )
    if "due_date" in changes and changes["due_date"] != row.due_date:
        row.reminder_stage = rules.NO_REMINDER
    for name, value in changes.items():
        setattr(row, name, value)
    await ctx.session.flush()
    ctx.audit("scheduled_activity.updated", row, before=before, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def complete_activity(
    ctx: Context, activity_id: uuid.UUID, data: ScheduledActivityDone, if_match: str | None
) -> ScheduledActivityOut:
    """Mark a planned activity done; its summary and feedback are posted to the record's chatter."""
    row = await _activity(ctx, activity_id)
    _may_change(ctx, row)
    check_version(row, if_match)
    if row.status is not ActivityStatus.PLANNED:
        raise ConflictProblem("This activity is already done.")
    before = snapshot(row)
    row.status = ActivityStatus.DONE
    row.feedback = data.feedback or None
    row.done_at = clock.now(ctx)
    await ctx.session.flush()
    ctx.audit("scheduled_activity.completed", row, before=before, after=snapshot(row))
    text = row.summary + (f"\n{row.feedback}" if row.feedback else "")
    await post_message(ctx, row.target_type, row.target_id, text, kind=MessageKind.ACTIVITY_DONE)
    return (await views(ctx, [row]))[0]


async def delete_activity(ctx: Context, activity_id: uuid.UUID, if_match: str | None) -> None:
    """Cancel (delete) an activity."""
    row = await _activity(ctx, activity_id)
    _may_change(ctx, row)
    check_version(row, if_match)
    before = snapshot(row)
    await ctx.session.delete(row)
    await ctx.session.flush()
    ctx.audit("scheduled_activity.deleted", row, before=before, target_id=activity_id)


# ---------------------------------------------------------------------------------------------
# Reminders


async def send_reminders(ctx: Context, now: dt.datetime) -> int:
    """Remind assignees of their planned activities on the due day and once they are overdue,
    each reminder once; ``now`` is the tenant clock. Returns how many reminders it sent."""
    day = rules.local_today(now, ctx.tenant.time_zone)
    rows = (
        await ctx.session.scalars(
            select(ScheduledActivity)
            .where(
                ScheduledActivity.status == ActivityStatus.PLANNED,
                ScheduledActivity.reminder_stage < rules.OVERDUE_REMINDER,
                ScheduledActivity.due_date <= day,
            )
            .order_by(ScheduledActivity.due_date, ScheduledActivity.id)
        )
    ).all()
    sent = 0
    for row in rows:
        stage = rules.reminder_due(row.due_date, day, row.reminder_stage)
        if stage == row.reminder_stage:
            continue
        try:
            label = (await record_of(ctx, row.target_type, row.target_id))[1].label
        except NotFoundProblem:
            label = "—"
        overdue = stage == rules.OVERDUE_REMINDER
        row.reminder_stage = stage
        if row.assignee_user_id not in await granted_members(
            ctx, module_of_type(row.target_type), [row.assignee_user_id]
        ):
            continue  # the assignee may no longer open the record: no reminder naming it
        await raise_alert(
            ctx,
            alert_type=OVERDUE_ALERT if overdue else DUE_ALERT,
            severity=Severity.WARNING if overdue else Severity.INFO,
            title_msgid=(
                N_("Overdue activity: %(summary)s (%(record)s)")
                if overdue
                else N_("Activity due today: %(summary)s (%(record)s)")
            ),
            body=row.note,
            target_type=row.target_type,
            target_id=row.target_id,
            dedup_key=f"{OVERDUE_ALERT if overdue else DUE_ALERT}:{row.id}:{row.due_date.isoformat()}",
            recipients=[row.assignee_user_id],
            params={"summary": row.summary, "record": label},
        )
        sent += 1
    await ctx.session.flush()
    return sent


async def next_reminder(ctx: Context) -> dt.datetime | None:
    """When the next reminder falls due: the start (tenant time zone) of the earliest due day of a
    planned activity with a reminder still to send (its overdue one: the day after)."""
    days = []
    for stage, after in ((rules.NO_REMINDER, 0), (rules.DUE_TODAY_REMINDER, 1)):
        due = await ctx.session.scalar(
            select(func.min(ScheduledActivity.due_date)).where(
                ScheduledActivity.status == ActivityStatus.PLANNED, ScheduledActivity.reminder_stage == stage
            )
        )
        if due is not None:
            days.append(due + dt.timedelta(days=after))
    return rules.start_of_day(min(days), ctx.tenant.time_zone) if days else None
