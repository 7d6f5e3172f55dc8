"""Monthly revenue per account: set, remove, list and an account's series."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core.context import Context
from bizsuite.core.errors import NotFoundProblem, ValidationProblem
from bizsuite.core.ids import new_id
from bizsuite.core.pagination import keyset, page_of
from bizsuite.core.repository import fetch
from bizsuite.modules.crm.models import Account, ChurnRisk, MonthlyRevenue
from bizsuite.modules.crm.revenue import rules
from bizsuite.modules.crm.revenue.schemas import MonthlyRevenueOut, RevenueFilters
from bizsuite.modules.crm.revenue.services.streaks import refresh_streaks
from bizsuite.modules.crm.revenue.services.tiers import latest_month, recompute
from bizsuite.modules.crm.settings.services import latest_revenue_month


def parse_month_param(value: str, *, field: str = "month", source: str = "path") -> date:
    """A ``YYYY-MM`` parameter, or a 422 naming it."""
    try:
        return rules.parse_month(value)
    except ValueError as exc:
        raise ValidationProblem.for_field(field, str(exc), source=source) from exc


def parse_amount_field(value: str, *, field: str = "amount") -> Decimal:
    """A decimal amount >= 0 from a body field, or a 422 naming it."""
    try:
        return rules.parse_amount(value)
    except ValueError as exc:
        raise ValidationProblem.for_field(field, str(exc)) from exc


async def get_account(ctx: Context, account_id: uuid.UUID) -> Account:
    """The tenant's account or 404 (also for another tenant's id)."""
    return await fetch(ctx.session, Account, account_id, what="account")


async def put_revenue(
    ctx: Context, account_id: uuid.UUID, month: date, amount: Decimal, *, recompute_now: bool = True
) -> MonthlyRevenueOut:
    """Set an account's revenue for a month (create or replace), keep the account's decline
    streak (only this account's), then recompute tiers and the watch list (unless told not to)."""
    account = await get_account(ctx, account_id)
    if late := rules.month_too_late(month, await latest_revenue_month(ctx)):
        raise ValidationProblem.for_field("month", late, source="path")
    try:
        amount = rules.parse_amount(str(amount))
    except ValueError as exc:
        raise ValidationProblem.for_field("amount", str(exc)) from exc
    before = await ctx.session.scalar(
        select(MonthlyRevenue.amount).where(
            MonthlyRevenue.account_id == account.id, MonthlyRevenue.month == month
        )
    )
    row = await ctx.session.scalar(
        insert(MonthlyRevenue)
        .values(tenant_id=ctx.tenant_id, id=new_id(), account_id=account.id, month=month, amount=amount)
        .on_conflict_do_update(
            index_elements=["tenant_id", "account_id", "month"],
            set_={"amount": amount, "updated_at": func.now()},
        )
        .returning(MonthlyRevenue)
        .execution_options(populate_existing=True)
    )
    assert row is not None
    ctx.audit(
        "crm.revenue.updated" if before is not None else "crm.revenue.created",
        row,
        before={"amount": str(before)} if before is not None else None,
        after={"account_id": str(account.id), "month": rules.month_label(month), "amount": str(amount)},
    )
    await refresh_streaks(ctx, [account.id])
    if recompute_now:
        await recompute(ctx)
    return revenue_view(row)


async def delete_revenue(ctx: Context, account_id: uuid.UUID, month: date) -> None:
    """Remove an account's revenue for a month (404 if there is none), keep the account's decline
    streak, then recompute tiers and the watch list."""
    account = await get_account(ctx, account_id)
    row = await ctx.session.scalar(
        select(MonthlyRevenue).where(MonthlyRevenue.account_id == account.id, MonthlyRevenue.month == month)
    )
    if row is None:
        raise NotFoundProblem(f"No revenue for {rules.month_label(month)} on this account.")
    before = {"account_id": str(account.id), "month": rules.month_label(month), "amount": str(row.amount)}
    await ctx.session.delete(row)
    await ctx.session.flush()
    ctx.audit("crm.revenue.deleted", row, before=before, target_id=row.id)
    await refresh_streaks(ctx, [account.id])
    await recompute(ctx)


@dataclass(frozen=True, slots=True)
class AccountRevenue:
    """An account's series, tier and churn state."""

    account: Account
    as_of: date | None
    months: list[tuple[date, Decimal, bool]]
    risk: ChurnRisk | None

    @property
    def months_declining(self) -> int:
        """Consecutive declines ending at the account's last month."""
        return rules.decline_streak([amount for _, amount, _ in self.months], 1).months


async def account_revenue(ctx: Context, account_id: uuid.UUID, *, last: int | None = None) -> AccountRevenue:
    """An account's months from its first to its last row (gaps as 0), optionally the last ``last``."""
    account = await get_account(ctx, account_id)
    rows = (
        await ctx.session.execute(
            select(MonthlyRevenue.month, MonthlyRevenue.amount)
            .where(MonthlyRevenue.account_id == account.id)
            .order_by(MonthlyRevenue.month)
        )
    ).all()
    points: dict[date, Decimal] = {month: amount for month, amount in rows}  # noqa: C416
    series = [(month, amount, month in points) for month, amount in rules.filled_series(points)]
    if last is not None:
        series = series[-last:]
    risk = await ctx.session.scalar(select(ChurnRisk).where(ChurnRisk.account_id == account.id))
    return AccountRevenue(account=account, as_of=await latest_month(ctx), months=series, risk=risk)


def revenue_view(row: MonthlyRevenue) -> MonthlyRevenueOut:
    """The view of a revenue row."""
    return MonthlyRevenueOut(
        id=row.id,
        account_id=row.account_id,
        month=rules.month_label(row.month),
        amount=row.amount,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def list_revenue(
    ctx: Context, filters: RevenueFilters, *, limit: int, cursor: str | None
) -> tuple[list[MonthlyRevenueOut], str | None]:
    """A page of revenue rows, newest first, optionally of one month and/or one account."""
    statement = select(MonthlyRevenue)
    if filters.month is not None:
        statement = statement.where(MonthlyRevenue.month == filters.month)
    if filters.account_id is not None:
        statement = statement.where(MonthlyRevenue.account_id == filters.account_id)
    rows = (
        await ctx.session.scalars(
            keyset(statement, MonthlyRevenue, limit=limit, cursor=cursor, descending=True)
        )
    ).all()
    page, next_cursor = page_of(rows, limit)
    return [revenue_view(row) for row in page], next_cursor
