"""The kernel's counters in a real database, as the application role: concurrent takers get
1..n with no duplicates, a rolled back transaction leaves no gap, a number given back is handed
out again, and one tenant's counter never moves another's."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bizsuite.core import numbering
from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.numbering.models import NumberCounter
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle

SERIES = "tests.document"


@asynccontextmanager
async def transaction(engine: AsyncEngine, tenant: TenantHandle) -> AsyncIterator[Context]:
    """One transaction of the tenant, as a request or a job has: committed unless it raises."""
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        yield Context(session=session, principal=Principal(kind=PrincipalKind.OPERATOR, tenant=tenant.tenant))


async def take(engine: AsyncEngine, tenant: TenantHandle, period: str = "2026", series: str = SERIES) -> int:
    async with transaction(engine, tenant) as ctx:
        return await numbering.take(ctx, series, period)


class Abandon(Exception):
    """Raised to roll a transaction back."""


async def test_concurrent_takers_get_one_to_twenty_without_duplicates(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    taken = await asyncio.gather(*(take(app_engine, tenant_a) for _ in range(20)))
    assert sorted(taken) == list(range(1, 21))


async def test_concurrent_first_takers_of_a_new_period_also_get_one_to_twenty(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    # Every one of them tries to create the period's counter row: one does, the others wait.
    taken = await asyncio.gather(*(take(app_engine, tenant_a, "2031") for _ in range(20)))
    assert sorted(taken) == list(range(1, 21))


async def test_a_rolled_back_transaction_leaves_no_gap(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    assert await take(app_engine, tenant_a) == 1
    try:
        async with transaction(app_engine, tenant_a) as ctx:
            assert await numbering.take(ctx, SERIES, "2026") == 2
            raise Abandon
    except Abandon:
        pass
    assert await take(app_engine, tenant_a) == 2


async def test_a_taker_waiting_on_a_transaction_that_rolls_back_gets_its_number(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    assert await take(app_engine, tenant_a) == 1
    waiting: asyncio.Task[int] | None = None
    try:
        async with transaction(app_engine, tenant_a) as ctx:
            assert await numbering.take(ctx, SERIES, "2026") == 2
            # Another request takes a number while this one still holds the counter.
            waiting = asyncio.create_task(take(app_engine, tenant_a))
            await asyncio.sleep(0)
            raise Abandon
    except Abandon:
        pass
    assert waiting is not None
    assert await waiting == 2
    assert await take(app_engine, tenant_a) == 3


async def test_a_number_given_back_is_handed_out_again(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    assert [await take(app_engine, tenant_a) for _ in range(4)] == [1, 2, 3, 4]
    async with transaction(app_engine, tenant_a) as ctx:
        await numbering.give_back(ctx, SERIES, "2026", 2)  # a deleted draft's number
        await numbering.give_back(ctx, SERIES, "2026", 4)  # the last: the counter steps back
    assert [await take(app_engine, tenant_a) for _ in range(3)] == [2, 4, 5]
    async with transaction(app_engine, tenant_a) as ctx:
        await numbering.give_back(ctx, SERIES, "1999", 1)  # a period never numbered: nothing to do
        await numbering.give_back(ctx, SERIES, "2026", 9)  # a number never taken: nothing to do
    assert await take(app_engine, tenant_a) == 6


async def test_series_periods_and_tenants_count_apart(
    app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    assert [await take(app_engine, tenant_a) for _ in range(3)] == [1, 2, 3]
    assert await take(app_engine, tenant_b) == 1  # tenant A's counter does not move tenant B's
    assert await take(app_engine, tenant_a, "2027") == 1  # a new period starts again
    assert await take(app_engine, tenant_a, series="tests.other") == 1  # and another series
    both = await asyncio.gather(*(take(app_engine, t) for t in (tenant_a, tenant_b) for _ in range(5)))
    assert sorted(both[:5]) == [4, 5, 6, 7, 8] and sorted(both[5:]) == [2, 3, 4, 5, 6]
    async with transaction(app_engine, tenant_b) as ctx:
        seen = (await ctx.session.execute(select(NumberCounter.tenant_id, NumberCounter.last_seq))).all()
    assert seen == [(tenant_b.id, 6)]  # B sees only its own counter
