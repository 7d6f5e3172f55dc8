"""Forecast sales (预算销售) per cost centre and period: the base of the ratio method."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import fetch, fetch_reference, list_page
from bizsuite.modules.budgets import rules
from bizsuite.modules.budgets.models import Forecast
from bizsuite.modules.budgets.schemas import BudgetForecastFilters, BudgetForecastSet, BudgetForecastView
from bizsuite.modules.budgets.services.common import check_amount


def forecast_view(row: Forecast) -> BudgetForecastView:
    """A forecast row as its view."""
    return BudgetForecastView(
        id=row.id,
        org_unit_id=row.org_unit_id,
        period=row.period,
        amount=row.amount,
        updated_at=row.updated_at,
        version=row.version,
    )


async def set_forecast(ctx: Context, data: BudgetForecastSet) -> BudgetForecastView:
    """Enter (or replace) a cost centre's forecast sales for a period."""
    check_amount("amount", data.amount)
    await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    row = await ctx.session.scalar(
        select(Forecast)
        .where(Forecast.org_unit_id == data.org_unit_id, Forecast.period == data.period)
        .with_for_update()
    )
    if row is None:
        row = Forecast(org_unit_id=data.org_unit_id, period=data.period, amount=rules.money(data.amount))
        ctx.session.add(row)
        await ctx.session.flush()
        ctx.audit("budgets.forecast.created", row, after=snapshot(row))
    else:
        before = snapshot(row)
        row.amount = rules.money(data.amount)
        await ctx.session.flush()
        ctx.audit("budgets.forecast.updated", row, before=before, after=snapshot(row))
    return forecast_view(row)


async def get_forecast(ctx: Context, forecast_id: uuid.UUID) -> BudgetForecastView:
    """One forecast, or 404."""
    return forecast_view(await fetch(ctx.session, Forecast, forecast_id, what="forecast"))


async def list_forecasts(
    ctx: Context, filters: BudgetForecastFilters, *, limit: int, cursor: str | None
) -> tuple[list[BudgetForecastView], str | None]:
    """A page of forecasts, oldest first."""
    statement = select(Forecast)
    if filters.org_unit_id is not None:
        statement = statement.where(Forecast.org_unit_id == filters.org_unit_id)
    if filters.fiscal_year is not None:
        statement = statement.where(Forecast.period.like(f"{filters.fiscal_year}%"))
    rows, next_cursor = await list_page(ctx.session, statement, Forecast, limit=limit, cursor=cursor)
    return [forecast_view(r) for r in rows], next_cursor


async def forecasts_of(ctx: Context, org_unit_id: uuid.UUID, year: int) -> dict[str, Decimal]:
    """A cost centre's forecasts of a year, by period."""
    rows = await ctx.session.execute(
        select(Forecast.period, Forecast.amount).where(
            Forecast.org_unit_id == org_unit_id, Forecast.period.like(f"{year}%")
        )
    )
    return dict(rows.all())
