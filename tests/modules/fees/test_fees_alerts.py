"""Fee alerts on the tenant's day: a reminder before the 15-day reconciliation deadline for each
subsidiary that has not reconciled the quarter just ended, an alert when the deadline passes, and
one for an issued statement past its due date with money outstanding; each only once."""

from __future__ import annotations

from datetime import date

import httpx
from bizsuite.core.alerts.models import Alert
from bizsuite.modules.fees.services import alerts
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.modules.crm.revenue.conftest import tenant_ctx
from tests.modules.fees.conftest import Group, customs, issued, reconcile


def test_the_quarter_just_ended() -> None:
    assert alerts.last_ended_quarter(date(2026, 4, 12)) == (2026, 1)
    assert alerts.last_ended_quarter(date(2027, 1, 3)) == (2026, 4)


async def _alerts(engine: AsyncEngine, g: Group) -> list[tuple[str, str]]:
    async with tenant_ctx(engine, g.tenant) as ctx:
        rows = await ctx.session.execute(select(Alert.type, Alert.title).order_by(Alert.created_at))
        return [(t, title) for t, title in rows]


async def test_reconciliation_reminders_then_overdue_alerts_once_each(
    client: httpx.AsyncClient, app_engine: AsyncEngine, group: Group
) -> None:
    g = group
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    async with tenant_ctx(app_engine, g.tenant) as ctx:
        assert await alerts.sweep(ctx, date(2026, 4, 5)) == 0  # 10 days left: too early
        assert await alerts.sweep(ctx, date(2026, 4, 12)) == 1  # the retail subsidiary only
        assert await alerts.sweep(ctx, date(2026, 4, 13)) == 0  # once
        assert await alerts.sweep(ctx, date(2026, 4, 16)) == 1  # the deadline passed
    raised = await _alerts(app_engine, g)
    assert [t for t, _ in raised] == ["fees.reconciliation_due", "fees.reconciliation_overdue"]
    assert "2026-Q1" in raised[0][1] and "2026-04-15" in raised[0][1]


async def test_an_issued_statement_past_due_with_money_outstanding_raises_an_alert(
    client: httpx.AsyncClient, app_engine: AsyncEngine, group: Group
) -> None:
    g = group
    await customs(client, g, g.trade, "2026-02-01", "12345678.90")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    done = await issued(client, g, {"org_unit_id": g.trade, "year": 2026, "quarter": 1})
    due = date.fromisoformat(done["statement"]["due_on"])
    late = date.fromordinal(due.toordinal() + 3)
    async with tenant_ctx(app_engine, g.tenant) as ctx:
        await alerts.sweep(ctx, late)
        await alerts.sweep(ctx, late)
    overdue = [title for t, title in await _alerts(app_engine, g) if t == "fees.payment_overdue"]
    assert len(overdue) == 1 and "86,419.75 CNY" in overdue[0] and done["statement"]["number"] in overdue[0]
