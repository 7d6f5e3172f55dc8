"""Logged activities: calls, visits and notes that happened on an account; edited by their author
only, deleted by their author or a manager. What is still to do is a scheduled activity (``core/activities``)."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec
from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ForbiddenProblem, ValidationProblem
from bizsuite.core.pagination import keyset, page_of
from bizsuite.core.repository import check_version, fetch, fetch_reference
from bizsuite.modules.crm.accounts import rules
from bizsuite.modules.crm.accounts.schemas import ActivityCreate, ActivityOut, ActivityUpdate
from bizsuite.modules.crm.accounts.services.accounts import require_account
from bizsuite.modules.crm.models import Activity, Contact


def activity_view(activity: Activity) -> ActivityOut:
    """An activity row as the view the API and the pages show."""
    return msgspec.convert(activity, ActivityOut, from_attributes=True)


async def _activity(ctx: Context, activity_id: uuid.UUID) -> Activity:
    return await fetch(ctx.session, Activity, activity_id, what="activity")


async def list_activities(
    ctx: Context, account_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[ActivityOut], str | None]:
    """Return a page of an account's activities, latest first (keyset on ``occurred_at``)."""
    await require_account(ctx, account_id)
    statement = keyset(
        select(Activity).where(Activity.account_id == account_id),
        limit=limit,
        cursor=cursor,
        descending=True,
        keys=(Activity.occurred_at, Activity.id),
    )
    rows = (await ctx.session.scalars(statement)).all()
    items, next_cursor = page_of(rows, limit, key=lambda a: (a.occurred_at, a.id))
    return [activity_view(a) for a in items], next_cursor


async def get_activity(ctx: Context, activity_id: uuid.UUID) -> ActivityOut:
    """Return one activity or 404."""
    return activity_view(await _activity(ctx, activity_id))


async def _check_contact_of(ctx: Context, account_id: uuid.UUID, contact_id: uuid.UUID) -> None:
    contact = await fetch_reference(ctx.session, Contact, contact_id, field="contact_id")
    if contact.account_id != account_id:
        raise ValidationProblem.for_field("contact_id", "the contact belongs to another account")


def _author(ctx: Context) -> tuple[uuid.UUID | None, str]:
    """The author's user id and the name shown for them: the person's name (never their email),
    or the API key's name."""
    principal = ctx.principal
    name = principal.user.name if principal.user is not None else principal.label
    return principal.user_id, (name or principal.kind.value)[:200]


def _checked_time(ctx: Context, when: datetime) -> datetime:
    problem = rules.occurred_at_problem(when, clock.now(ctx))
    if problem:
        raise ValidationProblem.for_field("occurred_at", problem)
    return when


async def create_activity(ctx: Context, account_id: uuid.UUID, data: ActivityCreate) -> ActivityOut:
    """Record a call, visit or note with the signed-in user (or API key) as its author."""
    await require_account(ctx, account_id)
    if data.contact_id is not None:
        await _check_contact_of(ctx, account_id, data.contact_id)
    author_user_id, author_label = _author(ctx)
    activity = Activity(
        account_id=account_id,
        contact_id=data.contact_id,
        kind=data.kind,
        subject=data.subject,
        body=data.body,
        occurred_at=_checked_time(ctx, data.occurred_at) if data.occurred_at is not None else clock.now(ctx),
        author_user_id=author_user_id,
        author_label=author_label,
    )
    ctx.session.add(activity)
    await ctx.session.flush()
    ctx.audit("crm.activity.created", activity, after=snapshot(activity))
    return activity_view(activity)


def _may_edit(ctx: Context, activity: Activity, *, moderating: bool = False) -> None:
    if not rules.may_edit_activity(
        role=ctx.principal.role,
        user_id=ctx.principal.user_id,
        label=ctx.principal.label,
        author_user_id=activity.author_user_id,
        author_label=activity.author_label,
        moderating=moderating,
    ):
        raise ForbiddenProblem(
            "Only the author or a manager can delete this activity."
            if moderating
            else "Only the author can edit this activity."
        )


async def update_activity(
    ctx: Context, activity_id: uuid.UUID, data: ActivityUpdate, if_match: str | None
) -> ActivityOut:
    """Change a logged activity (its author only); ``null`` clears an optional field."""
    activity = await _activity(ctx, activity_id)
    _may_edit(ctx, activity)
    check_version(activity, if_match)
    before = snapshot(activity)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if changes.get("contact_id") is not None:
        await _check_contact_of(ctx, activity.account_id, changes["contact_id"])
    if "occurred_at" in changes:
        _checked_time(ctx, changes["occurred_at"])
    for name, value in changes.items():
        setattr(activity, name, value)
    activity.updated_at = utcnow()
    await ctx.session.flush()
    ctx.audit("crm.activity.updated", activity, before=before, after=snapshot(activity))
    return activity_view(activity)


async def delete_activity(ctx: Context, activity_id: uuid.UUID, if_match: str | None) -> None:
    """Delete an activity (its author or a manager and above)."""
    activity = await _activity(ctx, activity_id)
    _may_edit(ctx, activity, moderating=True)
    check_version(activity, if_match)
    before = snapshot(activity)
    await ctx.session.delete(activity)
    await ctx.session.flush()
    ctx.audit("crm.activity.deleted", activity, before=before, target_id=activity_id)
