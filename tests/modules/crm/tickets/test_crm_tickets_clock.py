"""The SLA clock as the worker runs it: overdue milestones of every tenant are breached and
alerted once, each tenant under its own binding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import pytest
from bizsuite.core.alerts.models import Alert
from bizsuite.core.context import Context
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.jobs.queue import defer_in_session
from bizsuite.core.jobs.worker import run_worker
from bizsuite.modules.crm.models import TicketCategory, TicketMilestone
from bizsuite.modules.crm.tickets import services
from bizsuite.modules.crm.tickets.schemas import SlaPolicyIn, TicketCreate
from bizsuite.settings import Settings
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, tenant_tx
from tests.modules.crm.conftest import make_account
from tests.modules.crm.tickets.conftest import ELEVATOR


async def _overdue_ticket(engine: AsyncEngine, tenant: TenantHandle) -> None:
    """An elevator fault opened two hours ago: its 30-minute on-site milestone is overdue."""
    account = await make_account(engine, tenant)
    async with tenant_tx(engine, tenant.id) as ctx:
        await services.create_policy(
            ctx, msgspec.convert({**ELEVATOR, "milestones": ELEVATOR["milestones"][:1]}, SlaPolicyIn)
        )
        await services.create_ticket(
            ctx,
            TicketCreate(account_id=account, title="电梯停运", category=TicketCategory.ELEVATOR_FAULT),
            now=datetime.now(UTC) - timedelta(hours=2),
        )


async def _breach_alerts(engine: AsyncEngine, tenant: TenantHandle) -> list[str]:
    async with tenant_tx(engine, tenant.id) as ctx:
        return list(
            (
                await ctx.session.scalars(select(Alert.type).where(Alert.type == "crm.ticket.sla_breached"))
            ).all()
        )


async def test_the_worker_task_breaches_overdue_milestones_in_every_tenant_once(
    settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    await _overdue_ticket(app_engine, tenant_a)
    await _overdue_ticket(app_engine, tenant_b)

    for _ in range(2):  # the second run finds nothing new
        async with make_sessionmaker(app_engine)() as session, session.begin():
            await defer_in_session(session, "crm.tickets.sla_clock", {"timestamp": 0})
        await run_worker(
            fast(settings),
            import_paths=["bizsuite.modules.crm.tickets.jobs"],
            wait=False,
            install_signal_handlers=False,
        )

    for tenant in (tenant_a, tenant_b):
        assert await _breach_alerts(app_engine, tenant) == ["crm.ticket.sla_breached"]
        async with tenant_tx(app_engine, tenant.id) as ctx:
            on_site = await ctx.session.scalar(
                select(TicketMilestone).where(TicketMilestone.key == "on_site")
            )
            assert on_site is not None and on_site.breached_at == on_site.due_at
            assert on_site.alerted_at is not None


async def test_one_tenant_failing_does_not_hold_back_the_others_breaches(
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    tenant_b: TenantHandle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await _overdue_ticket(app_engine, tenant_a)
    await _overdue_ticket(app_engine, tenant_b)
    mark = services.mark_breaches

    async def failing_for_a(ctx: Context, **kwargs: Any) -> list[services.Breach]:
        if ctx.tenant_id == tenant_a.id:
            raise RuntimeError("tenant A's alert channel is down")
        return await mark(ctx, **kwargs)

    monkeypatch.setattr(services.clock, "mark_breaches", failing_for_a)
    await services.sweep_all_tenants(make_sessionmaker(app_engine))
    assert await _breach_alerts(app_engine, tenant_a) == []
    assert await _breach_alerts(app_engine, tenant_b) == ["crm.ticket.sla_breached"]

    # The next tick catches A up, and B is not alerted twice.
    monkeypatch.setattr(services.clock, "mark_breaches", mark)
    await services.sweep_all_tenants(make_sessionmaker(app_engine))
    assert await _breach_alerts(app_engine, tenant_a) == ["crm.ticket.sla_breached"]
    assert await _breach_alerts(app_engine, tenant_b) == ["crm.ticket.sla_breached"]
