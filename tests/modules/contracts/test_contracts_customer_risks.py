"""The customer-risk score across CRM's churn watch list: the batch API (the accounts named, or a
page of the watch list in its order), read in the same few queries however many accounts, each
tenant's own; and the Risk column on the churn watch list page with each reason and its links,
only for tenants with the contracts module."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from litestar import Litestar
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.contracts.conftest import BASE, Setup
from tests.modules.contracts.test_contracts_reports import signed
from tests.modules.crm.conftest import make_account
from tests.web.test_language_walk import sign_in

TODAY = dt.datetime.now(dt.UTC).date()
#: Four months up to last month: 100, 90, 80, 70 is a decline of three months (the default).
MONTHS = [(TODAY.replace(day=1) - dt.timedelta(days=31 * back)).strftime("%Y-%m") for back in (4, 3, 2, 1)]


async def declining(
    client: httpx.AsyncClient, tenant: TenantHandle, account: uuid.UUID | str, top: int = 100
) -> None:
    """Put the account on the churn watch list: its revenue falls three months in a row."""
    for month, amount in zip(MONTHS, (top, top - 10, top - 20, top - 30), strict=True):
        put = await client.put(
            f"/api/v1/crm/accounts/{account}/revenue/{month}",
            json={"amount": f"{amount}.00"},
            headers=tenant.headers,
        )
        assert put.status_code == 200, put.text


async def overdue(client: httpx.AsyncClient, s: Setup, amount: str = "60000.00") -> dict[str, Any]:
    """A signed income contract with the setup's customer and a milestone 40 days past due."""
    contract = await signed(client, s, "income", "200000.00")
    await post_ok(
        client,
        f"{BASE}/contracts/{contract['id']}/milestones",
        {"title": "首付款", "due_on": (TODAY - dt.timedelta(days=40)).isoformat(), "amount": amount},
        s.clerk.headers,
    )
    return contract


async def test_risks_of_named_accounts_in_one_call(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup
) -> None:
    contract = await overdue(client, setup)
    quiet = await make_account(app_engine, setup.tenant, "苏州安和物业")
    reply = await client.get(
        f"{BASE}/customer-risks",
        params=[("account_id", str(quiet)), ("account_id", setup.account)],
        headers=setup.headers,
    )
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["next_cursor"] is None
    assert [(r["account_name"], r["score"]) for r in body["items"]] == [
        ("苏州安和物业", 0),
        ("上海明辉贸易有限公司", 25),
    ]
    (reason,) = body["items"][1]["reasons"]
    assert (reason["code"], reason["figure"]) == ("overdue_receivables", "60000.00")
    assert reason["links"] == [
        {"label": f"{contract['number']} 首付款", "href": f"/contracts/{contract['id']}"}
    ]
    # The batch gives what the account's own risk gives.
    one = (await client.get(f"{BASE}/customer-risk/{setup.account}", headers=setup.headers)).json()
    assert one == body["items"][1]
    # Accounts and a cursor do not mix; an unknown account is not found.
    mixed = await client.get(
        f"{BASE}/customer-risks", params={"account_id": setup.account, "cursor": "x"}, headers=setup.headers
    )
    assert mixed.status_code == 422 and mixed.json()["errors"][0]["field"] == "account_id"
    unknown = await client.get(f"{BASE}/customer-risks?account_id={uuid.uuid4()}", headers=setup.headers)
    assert unknown.status_code == 404


async def test_the_watch_list_with_risks_in_its_order_and_pages(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup
) -> None:
    await overdue(client, setup)
    await declining(client, setup.tenant, setup.account, top=100)
    larger = await make_account(app_engine, setup.tenant, "杭州恒远电子")
    await declining(client, setup.tenant, larger, top=900)
    steady = await make_account(app_engine, setup.tenant, "南京稳达")
    for month in MONTHS:
        await client.put(
            f"/api/v1/crm/accounts/{steady}/revenue/{month}", json={"amount": "50.00"}, headers=setup.headers
        )
    watch = (await client.get("/api/v1/crm/churn-risks", headers=setup.headers)).json()["items"]
    risks = (await client.get(f"{BASE}/customer-risks", headers=setup.headers)).json()
    # The watch list's accounts (the steady one is not on it), in its order, each with its reasons.
    assert [r["account_id"] for r in risks["items"]] == [w["account_id"] for w in watch]
    assert [r["account_name"] for r in risks["items"]] == ["杭州恒远电子", "上海明辉贸易有限公司"]
    assert [(r["score"], [x["code"] for x in r["reasons"]]) for r in risks["items"]] == [
        (40, ["revenue_decline"]),
        (65, ["revenue_decline", "overdue_receivables"]),
    ]
    first = (await client.get(f"{BASE}/customer-risks?limit=1", headers=setup.headers)).json()
    assert [r["account_name"] for r in first["items"]] == ["杭州恒远电子"] and first["next_cursor"]
    second = (
        await client.get(
            f"{BASE}/customer-risks",
            params={"limit": 1, "cursor": first["next_cursor"]},
            headers=setup.headers,
        )
    ).json()
    assert [r["account_name"] for r in second["items"]] == ["上海明辉贸易有限公司"]
    assert second["next_cursor"] is None


async def test_a_page_of_risks_costs_the_same_queries_as_one(
    client: httpx.AsyncClient, app: Litestar, app_engine: AsyncEngine, setup: Setup
) -> None:
    await overdue(client, setup)
    others = [await make_account(app_engine, setup.tenant, f"客户 {n}") for n in range(4)]
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    engine = app.state.engine.sync_engine

    async def cost(ids: list[Any]) -> int:
        event.listen(engine, "before_cursor_execute", count)
        try:
            statements.clear()
            reply = await client.get(
                f"{BASE}/customer-risks", params=[("account_id", str(i)) for i in ids], headers=setup.headers
            )
            assert reply.status_code == 200 and len(reply.json()["items"]) == len(ids)
            return len(statements)
        finally:
            event.remove(engine, "before_cursor_execute", count)

    await cost([setup.account])  # warm up (the key's last use, settings)
    assert await cost([setup.account, *others]) == await cost([setup.account])


async def test_risks_are_the_tenants_own(
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    setup: Setup,
    make_tenant: Callable[..., Awaitable[TenantHandle]],
) -> None:
    await overdue(client, setup)
    await declining(client, setup.tenant, setup.account)
    other = await make_tenant()
    theirs = await make_account(app_engine, other, "别家客户")
    stolen = await client.get(f"{BASE}/customer-risks?account_id={setup.account}", headers=other.headers)
    assert stolen.status_code == 404
    mixed = await client.get(
        f"{BASE}/customer-risks",
        params=[("account_id", str(theirs)), ("account_id", setup.account)],
        headers=other.headers,
    )
    assert mixed.status_code == 404 and setup.account in mixed.json()["detail"]
    assert (await client.get(f"{BASE}/customer-risks", headers=other.headers)).json()["items"] == []


async def test_the_churn_watch_list_page_shows_each_risk_with_its_reasons(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    contract = await overdue(client, setup)
    await declining(client, setup.tenant, setup.account)
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    page = await client.get("/crm/churn")
    assert page.status_code == 200
    assert 'data-testid="column-risk"' in page.text and ">风险<" in page.text
    row = page.text.split('data-testid="churn-row"', 1)[1].split("</tr>", 1)[0]
    assert 'data-testid="risk-score">65<' in row
    assert 'data-testid="risk-reason-revenue_decline"' in row and "收入下降" in row
    assert 'data-testid="risk-reason-overdue_receivables"' in row and "60000.00" in row
    assert f'href="/contracts/{contract["id"]}"' in row and f'href="/crm/accounts/{setup.account}"' in row
    assert "应收逾期 (+25)" in row


async def test_without_contracts_the_watch_list_has_no_risk_column(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    tenant = await make_tenant(modules=["crm"])
    account = await make_account(app_engine, tenant, "上海明辉贸易有限公司")
    await declining(client, tenant, account)
    await sign_in(client, tenant)
    page = await client.get("/crm/churn")
    assert page.status_code == 200 and 'data-testid="churn-row"' in page.text
    assert 'data-testid="column-risk"' not in page.text and "risk-score" not in page.text
