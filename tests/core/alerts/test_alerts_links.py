"""Alerts lead somewhere: read in each reader's language with their kind's name, linked to their
record, marked read when opened, read in bulk (the ticked ones, or all) with the count kept right,
and never across tenants."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

import httpx
from bizsuite.core.alerts.models import Alert, Severity
from bizsuite.core.alerts.services import raise_alert
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.core.jobs.helpers import tenant_tx
from tests.modules.crm.conftest import add_revenue, make_account

Client = httpx.AsyncClient
MINGHUI = "上海明辉贸易有限公司"


def mine(tenant: TenantHandle) -> dict[str, str]:
    return {"user_id": str(tenant.owner.id)}


async def churn_alert(client: Client, engine: AsyncEngine, tenant: TenantHandle) -> uuid.UUID:
    """A real churn alert to the account's owner: three months of decline, the fourth entered."""
    account = await make_account(engine, tenant, MINGHUI, code="C-001", owner_user_id=tenant.owner.id)
    await add_revenue(engine, tenant, account, date(2026, 1, 1), [100, 90, 80])
    entered = await client.put(
        f"/api/v1/crm/accounts/{account}/revenue/2026-04", json={"amount": "70"}, headers=tenant.headers
    )
    assert entered.status_code == 200, entered.text
    return account


async def inbox(client: Client, tenant: TenantHandle, language: str | None = None) -> dict[str, Any]:
    headers = {**tenant.headers, **({"Accept-Language": language} if language else {})}
    response = await client.get("/api/v1/inbox", params=mine(tenant), headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def raise_plain(client: Client, tenant: TenantHandle, n: int) -> None:
    body = {
        "type": "device.fault",
        "severity": "warning",
        "title": f"Amplifier {n} is down",
        "dedup_key": f"amp-{n}",
    }
    assert (await client.post("/api/v1/alerts", json=body, headers=tenant.headers)).status_code == 201


async def test_a_churn_alert_reads_in_each_readers_language_and_links_to_its_account(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await churn_alert(client, app_engine, tenant_a)
    months = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"][0][
        "months_declining"
    ]

    chinese = (await inbox(client, tenant_a, "zh-CN"))["items"][0]["alert"]
    assert chinese["title"] == f"客户流失预警：{MINGHUI} 收入连续 {months} 个月下降"
    assert chinese["type_label"] == "流失风险" and chinese["type"] == "crm.churn_risk"
    assert chinese["body"].startswith("客户编码 C-001；自 2026-02 起下降")
    assert not re.search(r"[A-Za-z]{2,}", chinese["title"] + chinese["type_label"])
    assert chinese["href"] == f"/crm/accounts/{account}"

    english = (await inbox(client, tenant_a, "en"))["items"][0]["alert"]
    assert english["title"] == f"Churn risk: {MINGHUI}'s revenue declined {months} months in a row"
    assert english["type_label"] == "Churn risk"
    assert english["body"].startswith("Account C-001; declining since 2026-02")
    assert english["href"] == chinese["href"]
    # The same alert through the alerts API, in the language the caller asks for.
    alert = await client.get(
        f"/api/v1/alerts/{english['id']}", headers={**tenant_a.headers, "Accept-Language": "en"}
    )
    assert alert.json()["title"] == english["title"]
    # Emails and webhooks keep the text in the tenant's language (zh-CN) as raised.
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        stored = await ctx.session.scalar(select(Alert).where(Alert.id == uuid.UUID(english["id"])))
        assert stored is not None and stored.title == chinese["title"]


async def test_sla_breach_titles_are_localised_and_plain_alerts_keep_their_text(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        await raise_alert(
            ctx,
            alert_type="crm.ticket.sla_breached",
            severity=Severity.WARNING,
            title_msgid="%(number)s %(milestone)s: SLA breached",
            params={"number": "T-000007", "milestone": "回访"},
            recipients=[tenant_a.owner.id],
        )
    await raise_plain(client, tenant_a, 1)
    by_type = {i["alert"]["type"]: i["alert"] for i in (await inbox(client, tenant_a, "zh-CN"))["items"]}
    assert by_type["crm.ticket.sla_breached"]["title"] == "T-000007 回访：已超时"
    assert by_type["crm.ticket.sla_breached"]["type_label"] == "超时"
    # A kind no area declared shows a generic name, never its code; its text is shown as raised.
    assert by_type["device.fault"]["title"] == "Amplifier 1 is down"
    assert by_type["device.fault"]["type_label"] == "预警" and by_type["device.fault"]["href"] is None
    english = {i["alert"]["type"]: i["alert"] for i in (await inbox(client, tenant_a, "en"))["items"]}
    assert english["crm.ticket.sla_breached"]["title"] == "T-000007 回访: SLA breached"


async def test_bulk_mark_read_marks_the_chosen_ones_all_or_none(
    client: Client, tenant_a: TenantHandle
) -> None:
    for n in range(3):
        await raise_plain(client, tenant_a, n)
    items = (await inbox(client, tenant_a))["items"]
    ids = [i["id"] for i in items]
    path = "/api/v1/inbox/read"

    marked = await client.post(path, params=mine(tenant_a), json={"ids": ids[:2]}, headers=tenant_a.headers)
    assert marked.status_code == 200, marked.text
    assert marked.json() == {"marked": 2, "unread_count": 1}
    again = await client.post(path, params=mine(tenant_a), json={"ids": ids[:1]}, headers=tenant_a.headers)
    assert again.json() == {"marked": 0, "unread_count": 1}
    # An id that is not in this inbox: 404 and nothing is marked, not even the good one.
    unknown = await client.post(
        path, params=mine(tenant_a), json={"ids": [ids[2], str(uuid.uuid4())]}, headers=tenant_a.headers
    )
    assert unknown.status_code == 404
    assert (await inbox(client, tenant_a))["unread_count"] == 1
    empty = await client.post(path, params=mine(tenant_a), json={"ids": []}, headers=tenant_a.headers)
    assert empty.status_code == 422 and empty.json()["errors"][0]["field"] == "ids"
    audit = await client.get(
        "/api/v1/audit-log", params={"action": "notification.read_many"}, headers=tenant_a.headers
    )
    assert len(audit.json()["items"]) == 1


async def test_another_tenant_cannot_mark_or_open_this_tenants_alerts(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    await churn_alert(client, app_engine, tenant_a)
    item = (await inbox(client, tenant_a))["items"][0]
    for params in (mine(tenant_a), mine(tenant_b)):
        refused = await client.post(
            "/api/v1/inbox/read", params=params, json={"ids": [item["id"]]}, headers=tenant_b.headers
        )
        assert refused.status_code == 404, params
    # Signed in to tenant B in the browser: opening or ticking A's item is the 404 page.
    csrf = await sign_in(client, tenant_b)
    opened = await client.post(f"/inbox/{item['id']}/open", data={"csrf_token": csrf})
    assert opened.status_code == 404
    ticked = await client.post("/inbox/read", data={"csrf_token": csrf, "ids": item["id"]})
    assert ticked.status_code == 404
    assert (await inbox(client, tenant_a))["unread_count"] == 1
    # Tenant B's search and alerts never show A's account either.
    assert (await client.get("/api/v1/alerts", headers=tenant_b.headers)).json()["items"] == []


async def sign_in(client: Client, tenant: TenantHandle, language: str = "zh-CN") -> str:
    response = await client.post(
        "/api/v1/auth/login", json={"email": tenant.owner.email, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    client.cookies.set("bizsuite_lang", language)
    csrf: str = response.json()["csrf_token"]
    return csrf


async def test_the_inbox_page_opens_an_alert_on_its_record_and_marks_ticked_ones_read(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await churn_alert(client, app_engine, tenant_a)
    for n in range(2):
        await raise_plain(client, tenant_a, n)
    csrf = await sign_in(client, tenant_a)
    page = await client.get("/inbox")
    assert page.status_code == 200
    assert f"客户流失预警：{MINGHUI}" in page.text and "流失风险" in page.text
    assert "crm.churn_risk" not in page.text and "device.fault" not in page.text
    items = (await inbox(client, tenant_a))["items"]
    churn = next(i for i in items if i["alert"]["type"] == "crm.churn_risk")
    plain = [i["id"] for i in items if i["alert"]["type"] == "device.fault"]

    opened = await client.post(f"/inbox/{churn['id']}/open", data={"csrf_token": csrf, "next": "/inbox"})
    assert opened.status_code == 303 and opened.headers["location"] == f"/crm/accounts/{account}"
    assert (await inbox(client, tenant_a))["unread_count"] == 2

    nothing = await client.post("/inbox/read", data={"csrf_token": csrf, "next": "/inbox"})
    assert nothing.status_code == 303 and "notice=alert.none_selected" in nothing.headers["location"]
    ticked = await client.post("/inbox/read", data={"csrf_token": csrf, "next": "/inbox", "ids": plain[:1]})
    assert ticked.status_code == 303 and "notice=alert.read_selected" in ticked.headers["location"]
    assert (await inbox(client, tenant_a))["unread_count"] == 1
    shell = await client.get("/inbox")
    assert 'data-testid="unread-count"' in shell.text and ">1</span>" in shell.text
