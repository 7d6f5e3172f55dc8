"""Key accounts (大客户): tiered accounts by trailing revenue, with cumulative shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from bizsuite.core.context import Context
from bizsuite.core.pagination import keyset, page_of
from bizsuite.modules.crm.models import Account
from bizsuite.modules.crm.revenue.schemas import KeyAccountFilters
from bizsuite.modules.crm.revenue.services.tiers import latest_month


@dataclass(frozen=True, slots=True)
class KeyAccountsView:
    """A page of tiered accounts and the tenant's total trailing revenue."""

    accounts: list[tuple[Account, Decimal]]
    next_cursor: str | None
    total: Decimal
    as_of: date | None


async def list_key_accounts(
    ctx: Context, filters: KeyAccountFilters | None = None, *, limit: int, cursor: str | None
) -> KeyAccountsView:
    """Accounts with a tier, largest trailing revenue first, each with its cumulative revenue."""
    tier = filters.tier if filters is not None else None
    cumulative = (
        func.sum(Account.trailing_revenue)
        .over(order_by=(Account.trailing_revenue.desc(), Account.id))
        .label("cumulative")
    )
    inner = select(Account, cumulative).where(Account.tier.is_not(None)).subquery()
    ranked = aliased(Account, inner)
    statement = select(ranked, inner.c.cumulative)
    if tier is not None:
        statement = statement.where(inner.c.tier == tier)
    # Largest revenue first, then by id: ascending on (-revenue, id).
    statement = keyset(statement, limit=limit, cursor=cursor, keys=(-inner.c.trailing_revenue, inner.c.id))
    found = [(account, value) for account, value in (await ctx.session.execute(statement)).all()]
    rows, next_cursor = page_of(found, limit, key=lambda row: (-row[0].trailing_revenue, row[0].id))
    total = await ctx.session.scalar(
        select(func.coalesce(func.sum(Account.trailing_revenue), 0)).where(Account.tier.is_not(None))
    )
    return KeyAccountsView(
        accounts=rows, next_cursor=next_cursor, total=Decimal(total or 0), as_of=await latest_month(ctx)
    )


async def tier_counts(ctx: Context) -> dict[str, tuple[int, Decimal]]:
    """Per tier: how many accounts and their trailing revenue."""
    rows = (
        await ctx.session.execute(
            select(Account.tier, func.count(), func.coalesce(func.sum(Account.trailing_revenue), 0))
            .where(Account.tier.is_not(None))
            .group_by(Account.tier)
        )
    ).all()
    return {tier.value: (count, Decimal(total)) for tier, count, total in rows if tier is not None}
