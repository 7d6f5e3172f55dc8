"""What the pipeline adds to other pages: the account timeline's opportunity entries (opened,
won, lost) and the global search's opportunity hits."""

from __future__ import annotations

import uuid

from sqlalchemy import and_, select

from bizsuite.core.context import Context
from bizsuite.kit import SearchHit
from bizsuite.modules.crm.accounts.rules import TimelineKey
from bizsuite.modules.crm.accounts.schemas import TimelineEvent
from bizsuite.modules.crm.accounts.services import TimelineRows, up_to
from bizsuite.modules.crm.models import Account, Opportunity, PipelineStage, StageKind


async def opportunity_created_events(
    ctx: Context, account_id: uuid.UUID, before: TimelineKey | None, fetch_count: int
) -> TimelineRows:
    """The account timeline's ``opportunity_created`` entries: each opportunity when opened."""
    rows = await ctx.session.execute(
        select(
            Opportunity.id, Opportunity.created_at, Opportunity.name, Opportunity.amount, Opportunity.currency
        )
        .where(
            Opportunity.account_id == account_id,
            up_to(Opportunity.created_at, Opportunity.id, before),
        )
        .order_by(Opportunity.created_at.desc(), Opportunity.id.desc())
        .limit(fetch_count)
    )
    return [
        (
            (row.created_at, row.id, "opportunity_created"),
            TimelineEvent(
                kind="opportunity_created",
                source_id=row.id,
                occurred_at=row.created_at,
                title=row.name,
                amount=row.amount,
                currency=row.currency,
            ),
        )
        for row in rows
    ]


async def opportunity_closed_events(
    ctx: Context, account_id: uuid.UUID, before: TimelineKey | None, fetch_count: int
) -> TimelineRows:
    """The account timeline's ``opportunity_won`` and ``opportunity_lost`` entries, when closed."""
    rows = await ctx.session.execute(
        select(
            Opportunity.id,
            Opportunity.closed_at,
            Opportunity.name,
            Opportunity.amount,
            Opportunity.currency,
            Opportunity.close_reason,
            PipelineStage.kind,
        )
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .where(
            Opportunity.account_id == account_id,
            Opportunity.closed_at.is_not(None),
            PipelineStage.kind.in_([StageKind.WON, StageKind.LOST]),
            up_to(Opportunity.closed_at, Opportunity.id, before),
        )
        .order_by(Opportunity.closed_at.desc(), Opportunity.id.desc())
        .limit(fetch_count)
    )
    events: TimelineRows = []
    for row in rows:
        kind = "opportunity_won" if row.kind is StageKind.WON else "opportunity_lost"
        events.append(
            (
                (row.closed_at, row.id, kind),
                TimelineEvent(
                    kind=kind,
                    source_id=row.id,
                    occurred_at=row.closed_at,
                    title=row.name,
                    detail=row.close_reason,
                    amount=row.amount,
                    currency=row.currency,
                ),
            )
        )
    return events


def _like_anywhere(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def search_opportunities(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's opportunity hits: ``text`` anywhere in the name, any case, newest first."""
    rows = await ctx.session.execute(
        select(Opportunity.id, Opportunity.name, Account.name.label("account_name"))
        .join(Account, and_(Account.tenant_id == Opportunity.tenant_id, Account.id == Opportunity.account_id))
        .where(Opportunity.name.ilike(_like_anywhere(text), escape="\\"))
        .order_by(Opportunity.created_at.desc(), Opportunity.id.desc())
        .limit(limit)
    )
    return [
        SearchHit(title=row.name, href=f"/crm/pipeline/opportunities/{row.id}", detail=row.account_name)
        for row in rows
    ]
