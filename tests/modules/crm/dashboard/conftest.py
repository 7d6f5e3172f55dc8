"""Helpers of the dashboard tests (no tests here): a known data set seeded directly in a tenant."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.modules.crm.models import (
    Account,
    AccountKind,
    AccountStatus,
    ChurnRisk,
    MonthlyRevenue,
    SlaAnchor,
    SlaPolicy,
    Ticket,
    TicketCategory,
    TicketMilestone,
    TicketPriority,
    Tier,
    Zone,
)
from bizsuite.modules.crm.pipeline.rules import add_months
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle

NOW = dt.datetime.now(dt.UTC)
THIS_MONTH = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().replace(day=1)


async def seed(engine: AsyncEngine, tenant: TenantHandle) -> dict[str, Any]:
    """Accounts in tiers with revenue, two churn risks, and tickets with decided milestones."""
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        east, north = Zone(code="Z-EAST", name="华东片区"), Zone(code="Z-NORTH", name="华北片区")
        session.add_all([east, north])
        await session.flush()

        def account(code: str, tier: Tier | None, revenue: str, **extra: Any) -> Account:
            return Account(
                code=code,
                name=f"客户 {code}",
                kind=AccountKind.END_CUSTOMER,
                tier=tier,
                trailing_revenue=Decimal(revenue),
                zone_id=east.id,
                **extra,
            )

        accounts = [
            account("A-1", Tier.A, "800000.00"),
            account("A-2", Tier.A, "400000.00"),
            account("B-1", Tier.B, "150000.00"),
            account("C-1", Tier.C, "50000.00"),
            account("N-1", None, "0"),
            account("X-1", Tier.A, "999999.00", status=AccountStatus.ARCHIVED),
        ]
        session.add_all(accounts)
        await session.flush()
        first = accounts[0]
        for offset, amount in ((0, "1000.00"), (-1, "2000.00"), (-11, "300.00"), (-12, "99999.00")):
            month = add_months(THIS_MONTH, offset)
            session.add_all(
                [
                    MonthlyRevenue(account_id=first.id, month=month, amount=Decimal(amount)),
                    MonthlyRevenue(account_id=accounts[1].id, month=month, amount=Decimal("10.00")),
                ]
            )
        session.add_all(
            [
                ChurnRisk(
                    account_id=accounts[1].id,
                    streak_start=add_months(THIS_MONTH, -3),
                    last_month=THIS_MONTH,
                    months_declining=3,
                    revenue_at_stake=Decimal("120000.00"),
                ),
                ChurnRisk(
                    account_id=accounts[2].id,
                    streak_start=add_months(THIS_MONTH, -4),
                    last_month=THIS_MONTH,
                    months_declining=4,
                    revenue_at_stake=Decimal("30000.50"),
                ),
                ChurnRisk(
                    account_id=accounts[3].id,
                    streak_start=add_months(THIS_MONTH, -9),
                    last_month=add_months(THIS_MONTH, -6),
                    months_declining=3,
                    active=False,
                    revenue_at_stake=Decimal("777.00"),
                ),
            ]
        )
        hotline, elevator = (
            SlaPolicy(code="hotline", name="1234 热线"),
            SlaPolicy(code="elevator", name="电梯故障"),
        )
        session.add_all([hotline, elevator])
        await session.flush()
        number = 0

        async def ticket(
            policy: SlaPolicy, zone: Zone | None, outcomes: str, *, created: dt.datetime = NOW
        ) -> None:
            nonlocal number
            number += 1
            row = Ticket(
                number=number,
                account_id=first.id,
                title=f"工单 {number}",
                category=TicketCategory.FAULT,
                priority=TicketPriority.NORMAL,
                zone_id=zone.id if zone else None,
                policy_id=policy.id,
                created_by="test",
                created_at=created,
            )
            session.add(row)
            await session.flush()
            for position, outcome in enumerate(outcomes, start=1):
                session.add(
                    TicketMilestone(
                        ticket_id=row.id,
                        key=f"m{position}",
                        name=f"节点 {position}",
                        position=position,
                        target_minutes=10,
                        anchor=SlaAnchor.CREATED,
                        met_at=NOW if outcome in "ML" else None,  # L: met late (after the breach)
                        breached_at=NOW if outcome in "BL" else None,
                    )
                )

        # M met, B breached, L met after breaching (counts as breached), D still due (not counted).
        await ticket(hotline, east, "MMMB")
        await ticket(hotline, north, "MLD")
        await ticket(elevator, east, "MB")
        await ticket(elevator, None, "M")
        await ticket(hotline, east, "BBBB", created=NOW - dt.timedelta(days=800))  # before the window
    return {"first": first.id}
