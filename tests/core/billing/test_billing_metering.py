"""Usage metering: API calls counted in memory and flushed in aggregate, storage from the stored
files, both enforced by the kernel's entitlement check against the plan's limits."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from bizsuite.core.billing import metering
from bizsuite.core.billing.metering import METER
from litestar import Litestar
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.billing.conftest import OPERATOR, PlanMaker, unique_code
from tests.core.billing.test_billing_entitlements import advance, assign, make_sandbox

ACCOUNTS = "/api/v1/crm/accounts"
MINE = "/api/v1/billing/subscription"


def used(subscription: dict[str, Any], name: str) -> int | None:
    return next(u["used"] for u in subscription["usage"] if u["name"] == name)


def limit(subscription: dict[str, Any], name: str) -> int | None:
    return next(u["limit"] for u in subscription["usage"] if u["name"] == name)


async def flush(app: Litestar) -> None:
    await METER.flush(app.state.sessionmaker)


async def stored_calls(app: Litestar, tenant: TenantHandle) -> int:
    """The API calls written to the tenant's usage rows (every month)."""
    async with app.state.sessionmaker() as session:
        await session.execute(text("SELECT set_config('app.tenant_id', :t, false)"), {"t": str(tenant.id)})
        return int(await session.scalar(text("SELECT coalesce(sum(api_calls), 0) FROM billing_usage")) or 0)


@pytest.fixture
def usage_writes(app: Litestar, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Counts statements that write ``billing_usage`` and the flushes that issued them."""
    seen = {"statements": 0, "flushes": 0}
    write_tenant = metering._write_tenant

    async def counted(*args: Any, **kwargs: Any) -> Any:
        seen["flushes"] += 1
        return await write_tenant(*args, **kwargs)

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "INTO billing_usage" in statement:
            seen["statements"] += 1

    monkeypatch.setattr(metering, "_write_tenant", counted)
    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", before)
    yield seen
    event.remove(engine, "before_cursor_execute", before)


async def test_many_api_calls_are_counted_exactly_and_no_request_writes_them(
    client: httpx.AsyncClient,
    app: Litestar,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    usage_writes: dict[str, int],
) -> None:
    plan = await make_plan(modules=["crm"], max_api_calls_month=10_000)
    await assign(client, tenant_a, plan)

    for _ in range(40):
        assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200
    # Only a flush writes usage (one upsert per tenant, whatever the number of calls).
    assert usage_writes["statements"] <= 2 * usage_writes["flushes"]

    mine = (await client.get(MINE, headers=tenant_a.headers)).json()
    assert used(mine, "api_calls_month") == 41  # the 40 reads and this one
    assert limit(mine, "api_calls_month") == 10_000

    await flush(app)
    async with app.state.sessionmaker() as session:
        await session.execute(text("SELECT set_config('app.tenant_id', :t, false)"), {"t": str(tenant_a.id)})
        stored = await session.scalar(text("SELECT api_calls FROM billing_usage"))
    assert stored == 41
    mine = (await client.get(MINE, headers=tenant_a.headers)).json()
    assert used(mine, "api_calls_month") == 42


async def test_a_tenant_over_its_monthly_api_calls_is_refused_until_it_adds_calls_or_the_month_turns(
    client: httpx.AsyncClient,
    app: Litestar,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    owner_engine: AsyncEngine,
) -> None:
    await make_sandbox(owner_engine, tenant_a)
    plan = await make_plan(name="Tiny", modules=["crm"], max_api_calls_month=5)
    await assign(client, tenant_a, plan)

    answers = [(await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code for _ in range(7)]

    assert answers == [200] * 5 + [402] * 2
    refused = await client.get(ACCOUNTS, headers=tenant_a.headers)
    problem = refused.json()
    assert problem["type"].endswith("/plan-limit-reached")
    assert "allows 5 API calls a month; 5 were made this month" in problem["detail"]
    assert problem["errors"][0]["field"] == "api_calls_month"
    assert problem["errors"][0]["message"] == "limit 5, in use 5"

    # Written and forgotten by this process (as after a restart): the tenant row's snapshot still knows.
    await flush(app)
    METER.forget(tenant_a.id)
    assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 402

    # The billing routes stay open: the tenant adds calls, and the module answers again.
    code = unique_code("calls")
    created = await client.post(
        "/api/v1/billing/addons",
        json={"code": code, "name": "1,000 API calls", "kind": "api_calls_month", "amount": 1000,
              "price_month": "10.00", "price_year": "100.00"},
        headers=OPERATOR,
    )  # fmt: skip
    assert created.status_code == 201, created.text
    added = await client.put(
        f"/api/v1/billing/subscription/addons/{code}", json={"quantity": 1}, headers=tenant_a.headers
    )
    assert added.status_code == 200, added.text
    assert limit(added.json(), "api_calls_month") == 1005
    assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200

    # Remove it: refused again; next month the count starts from zero.
    await client.put(
        f"/api/v1/billing/subscription/addons/{code}", json={"quantity": 0}, headers=tenant_a.headers
    )
    assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 402
    await advance(client, tenant_a, 32)
    assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200
    mine = (await client.get(MINE, headers=tenant_a.headers)).json()
    assert used(mine, "api_calls_month") == 2


async def test_storage_is_the_stored_files_sizes_and_a_file_beyond_the_plan_is_refused(
    client: httpx.AsyncClient, app: Litestar, tenant_a: TenantHandle, make_plan: PlanMaker
) -> None:
    plan = await make_plan(modules=["crm"], max_storage_mb=1)
    await assign(client, tenant_a, plan)
    content = b"%PDF-1.7 " + b"x" * 700_000

    async def upload(name: str) -> httpx.Response:
        return await client.post(
            "/api/v1/files",
            content=content,
            params={"name": name},
            headers={**tenant_a.headers, "Content-Type": "application/pdf"},
        )

    first = await upload("one.pdf")
    assert first.status_code == 201, first.text
    second = await upload("two.pdf")

    assert second.status_code == 402
    problem = second.json()
    assert problem["type"].endswith("/plan-limit-reached")
    assert "allows 1 MB of files; 1 MB are stored" in problem["detail"]
    assert problem["errors"][0]["field"] == "storage_mb"
    files = (await client.get("/api/v1/files", headers=tenant_a.headers)).json()["items"]
    assert [f["name"] for f in files] == ["one.pdf"]  # nothing of the refused file is kept
    mine = (await client.get(MINE, headers=tenant_a.headers)).json()
    assert (used(mine, "storage_mb"), limit(mine, "storage_mb")) == (1, 1)

    # The flush copies the stored size onto the month's usage row.
    await flush(app)
    async with app.state.sessionmaker() as session:
        await session.execute(text("SELECT set_config('app.tenant_id', :t, false)"), {"t": str(tenant_a.id)})
        stored = await session.scalar(text("SELECT storage_bytes FROM billing_usage"))
    assert stored == len(content)


async def test_a_tenant_without_a_plan_is_counted_but_never_limited(
    client: httpx.AsyncClient, app: Litestar, tenant_a: TenantHandle
) -> None:
    for _ in range(12):
        assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200
    await flush(app)
    async with app.state.sessionmaker() as session:
        await session.execute(text("SELECT set_config('app.tenant_id', :t, false)"), {"t": str(tenant_a.id)})
        stored = await session.scalar(text("SELECT api_calls FROM billing_usage"))
    assert stored == 12


async def test_calls_being_written_by_a_flush_still_count(
    client: httpx.AsyncClient,
    app: Litestar,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A flush on a slow database takes the counted calls before it writes them: meanwhile the
    usage shown (and the limit checked) must still include them, not drop to what was written."""
    plan = await make_plan(modules=["crm"], max_api_calls_month=500)
    await assign(client, tenant_a, plan)
    await flush(app)
    before = used((await client.get(MINE, headers=tenant_a.headers)).json(), "api_calls_month")
    assert before is not None
    for _ in range(3):
        assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200

    writing, release = asyncio.Event(), asyncio.Event()
    write_tenant = metering._write_tenant

    async def slow_write(*args: Any) -> Any:
        writing.set()
        await release.wait()
        return await write_tenant(*args)

    monkeypatch.setattr(metering, "_write_tenant", slow_write)
    flushing = asyncio.create_task(flush(app))
    await writing.wait()
    during = used((await client.get(MINE, headers=tenant_a.headers)).json(), "api_calls_month")
    release.set()
    await flushing
    after = used((await client.get(MINE, headers=tenant_a.headers)).json(), "api_calls_month")
    # The 3 reads, then each look at the subscription counts itself.
    assert (during, after) == (before + 4, before + 5)


async def test_a_flush_returns_only_once_an_earlier_flush_has_written_what_it_took(
    client: httpx.AsyncClient,
    app: Litestar,
    tenant_a: TenantHandle,
    make_plan: PlanMaker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The timer's flush and the one at shutdown (or, in one test process, several apps' flushes)
    can overlap: the later one must not return while the calls the earlier one took are unwritten."""
    plan = await make_plan(modules=["crm"], max_api_calls_month=500)
    await assign(client, tenant_a, plan)
    await flush(app)

    before = await stored_calls(app, tenant_a)
    for _ in range(3):
        assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200

    writing, release = asyncio.Event(), asyncio.Event()
    write_tenant = metering._write_tenant
    calls = 0

    async def first_is_slow(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            writing.set()
            await release.wait()
        return await write_tenant(*args)

    monkeypatch.setattr(metering, "_write_tenant", first_is_slow)
    earlier = asyncio.create_task(flush(app))
    await writing.wait()
    for _ in range(2):
        assert (await client.get(ACCOUNTS, headers=tenant_a.headers)).status_code == 200
    later = asyncio.create_task(flush(app))
    await asyncio.sleep(0.3)
    assert not later.done()  # its own 2 calls are written; the earlier flush's 3 are not yet
    release.set()
    await asyncio.gather(earlier, later)
    assert await stored_calls(app, tenant_a) == before + 5


async def test_the_flusher_writes_on_its_timer_and_once_more_when_the_app_stops(
    app: Litestar, tenant_a: TenantHandle
) -> None:
    month = metering.month_of(metering.utcnow())

    await flush(app)
    before = await stored_calls(app, tenant_a)
    async with metering.flusher(app.state.sessionmaker, every=0.05):
        METER.count(tenant_a.id, month)
        for _ in range(200):
            if await stored_calls(app, tenant_a) == before + 1:
                break
            await asyncio.sleep(0.05)
        assert await stored_calls(app, tenant_a) == before + 1  # the timer wrote it
        METER.count(tenant_a.id, month)
        METER.count(tenant_a.id, month)
    assert await stored_calls(app, tenant_a) == before + 3  # the stop wrote the rest
