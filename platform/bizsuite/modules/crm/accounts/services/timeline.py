"""The account timeline: a newest-first merge of the sources areas register for ``crm.account``.

Each source (:class:`bizsuite.kit.TimelineSource`) is ``events(ctx, account_id, before,
fetch_count)``: at most ``fetch_count`` entries keyed ``(time, id, kind)`` with ``(time, id) <=
before``, as ``(TimelineKey, TimelineEvent)`` pairs. This area registers the activities; the
pipeline and tickets areas add theirs from their own pages modules.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select, tuple_

from bizsuite.core.context import Context
from bizsuite.core.identity.models import User
from bizsuite.core.pagination import decode_cursor, encode_cursor
from bizsuite.kit import registry
from bizsuite.modules.crm.accounts import rules
from bizsuite.modules.crm.accounts.schemas import TimelineEvent
from bizsuite.modules.crm.accounts.services.accounts import require_account
from bizsuite.modules.crm.models import Activity

#: The record page the sources contribute to.
TARGET = "crm.account"

TimelineRows = list[tuple[rules.TimelineKey, TimelineEvent]]


def up_to(time_column: Any, id_column: Any, before: rules.TimelineKey | None) -> Any:
    """The condition ``(time, id) <= before`` of a source's query (true without a cursor)."""
    if before is None:
        return and_(True)
    return tuple_(time_column, id_column) <= tuple_(before[0], before[1])


async def activity_events(
    ctx: Context, account_id: uuid.UUID, before: rules.TimelineKey | None, fetch_count: int
) -> TimelineRows:
    """The account's calls, visits and notes, with their author's name."""
    rows = await ctx.session.execute(
        select(
            Activity.id,
            Activity.occurred_at,
            Activity.kind,
            Activity.subject,
            Activity.body,
            func.coalesce(User.name, Activity.author_label).label("actor"),
        )
        .outerjoin(User, User.id == Activity.author_user_id)
        .where(Activity.account_id == account_id, up_to(Activity.occurred_at, Activity.id, before))
        .order_by(Activity.occurred_at.desc(), Activity.id.desc())
        .limit(fetch_count)
    )
    return [
        (
            (row.occurred_at, row.id, "activity"),
            TimelineEvent(
                kind="activity",
                source_id=row.id,
                occurred_at=row.occurred_at,
                title=row.subject,
                detail=row.body,
                actor=row.actor,
                activity_kind=row.kind,
            ),
        )
        for row in rows
    ]


def timeline_labels(ctx: Context) -> dict[str, str]:
    """Entry kind → label msgid, from the sources this caller sees."""
    return {
        kind: label
        for source in registry().timeline_for(TARGET, ctx.principal)
        for kind, label in source.labels.items()
    }


async def account_timeline(
    ctx: Context, account_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[TimelineEvent], str | None]:
    """Return a page of the account's timeline (activities, and what other areas add: deals
    opened, won and lost, tickets...), newest first."""
    await require_account(ctx, account_id)
    after: rules.TimelineKey | None = None
    if cursor:
        occurred_at, source_id, kind = decode_cursor(cursor, datetime, uuid.UUID, str)
        after = (occurred_at, source_id, kind)
    # A few extra rows per source: entries at the cursor's exact (time, id) are dropped by the merge.
    fetch_count = limit + 3
    sources = [
        await source.events(ctx, account_id, after, fetch_count)
        for source in registry().timeline_for(TARGET, ctx.principal)
    ]
    events, next_key = rules.merge_newest_first(sources, limit=limit, after=after)
    return events, encode_cursor(*next_key) if next_key else None
