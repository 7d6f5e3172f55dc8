"""The ticket pages in process: the account filter behind the account panel's link, field errors,
CSRF, and another tenant's records."""

from __future__ import annotations

import httpx
from bizsuite import kit
from bizsuite.modules.crm.tickets import services
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.core.jobs.helpers import tenant_tx
from tests.modules.crm.conftest import make_account
from tests.modules.crm.tickets.conftest import open_ticket


async def _sign_in(client: httpx.AsyncClient, t: TenantHandle) -> str:
    response = await client.post("/api/v1/auth/login", json={"email": t.owner.email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    client.cookies.set("bizsuite_lang", "en")
    csrf: str = response.json()["csrf_token"]
    return csrf


async def test_the_account_panel_links_to_that_accounts_tickets_only(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    shanghai = await make_account(app_engine, tenant_a, "上海华东机电")
    hangzhou = await make_account(app_engine, tenant_a, "杭州恒远电子")
    await open_ticket(client, tenant_a, shanghai, title="冷库温度异常")
    await open_ticket(client, tenant_a, hangzhou, title="门禁失灵")
    await _sign_in(client, tenant_a)

    panel = await client.get(f"/crm/accounts/{shanghai}/tickets-panel")
    assert panel.status_code == 200 and "冷库温度异常" in panel.text and "门禁失灵" not in panel.text
    listed = await client.get("/crm/tickets", params={"account_id": str(shanghai)})
    assert listed.status_code == 200
    assert "冷库温度异常" in listed.text and "门禁失灵" not in listed.text
    # The filter form keeps the account when other filters change.
    assert f'name="account_id" value="{shanghai}"' in listed.text
    exported = await client.get("/crm/tickets/export", params={"account_id": str(hangzhou), "format": "csv"})
    text = exported.content.decode("utf-8-sig")
    assert "门禁失灵" in text and "冷库温度异常" not in text
    # A malformed account id is no filter, not an error page.
    assert (await client.get("/crm/tickets", params={"account_id": "nope"})).status_code == 200


async def test_the_new_ticket_form_shows_field_errors_and_needs_its_csrf_token(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    csrf = await _sign_in(client, tenant_a)
    form = {"account_id": str(account), "category": "fault"}
    blank = await client.post("/crm/tickets/new", data={**form, "csrf_token": csrf, "title": "  "})
    assert blank.status_code == 422 and 'data-testid="error-title"' in blank.text
    too_long = await client.post(
        "/crm/tickets/new", data={**form, "csrf_token": csrf, "title": "x", "description": "长" * 10_001}
    )
    assert too_long.status_code == 422 and 'data-testid="error-description"' in too_long.text
    forged = await client.post("/crm/tickets/new", data={**form, "title": "伪造"})
    assert forged.status_code == 403
    created = await client.post("/crm/tickets/new", data={**form, "csrf_token": csrf, "title": "电梯异响"})
    assert created.status_code == 303
    detail = await client.get(created.headers["location"])
    assert "电梯异响" in detail.text
    assert detail.text.count('name="csrf_token"') == detail.text.count('<form method="post"')
    listed = await client.get("/crm/tickets")
    assert "伪造" not in listed.text


async def test_another_tenants_ticket_and_account_panel_are_not_found(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    account_a = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account_a, title="甲方工单")
    csrf = await _sign_in(client, tenant_b)
    assert (await client.get(f"/crm/tickets/{ticket['id']}")).status_code == 404
    assert (await client.get(f"/crm/accounts/{account_a}/tickets-panel")).status_code == 404
    closed = await client.post(
        f"/crm/tickets/{ticket['id']}/close", data={"csrf_token": csrf, "version": "1", "close_note": "x"}
    )
    assert closed.status_code == 404
    assert "甲方工单" not in (await client.get("/crm/tickets", params={"account_id": str(account_a)})).text
    still = await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant_a.headers)
    assert still.json()["status"] == "open"


async def test_the_policy_form_points_at_the_faulty_milestone_row(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    csrf = await _sign_in(client, tenant_a)
    form = {
        "code": "elevator-fault",
        "name": "电梯故障",
        "active": "1",
        "m-0-key": "on_site",
        "m-0-name": "30 分钟内到场",
        "m-0-target_minutes": "30",
        "m-1-key": "Fixed Today",  # keys are lower-case identifiers
        "m-1-name": "当天修复",
        "m-1-same_day": "1",
    }
    refused = await client.post("/crm/sla-policies/new", data={**form, "csrf_token": csrf})
    assert refused.status_code == 422
    assert "Milestone 2:" in refused.text and "must start with a lowercase letter" in refused.text
    assert 'name="m-1-key" aria-invalid="true"' in refused.text
    assert 'name="m-0-key" aria-invalid' not in refused.text
    assert (await client.post("/crm/sla-policies/new", data={**form, "m-1-key": "fixed"})).status_code == 403
    saved = await client.post("/crm/sla-policies/new", data={**form, "m-1-key": "fixed", "csrf_token": csrf})
    assert saved.status_code == 303
    listed = (await client.get("/api/v1/crm/sla-policies", headers=tenant_a.headers)).json()["items"]
    assert [(m["key"], m["same_day"]) for m in listed[0]["milestones"]] == [
        ("on_site", False),
        ("fixed", True),
    ]


async def test_a_stale_close_form_keeps_the_typing_and_shows_the_saved_state(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account, title="水管漏水")
    csrf = await _sign_in(client, tenant_a)
    # Someone else moves the ticket on after the page was rendered with version 1.
    moved = await client.post(
        f"/api/v1/crm/tickets/{ticket['id']}/status",
        json={"status": "in_progress"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert moved.status_code == 200
    stale = await client.post(
        f"/crm/tickets/{ticket['id']}/close",
        data={"csrf_token": csrf, "version": "1", "close_note": "已上门修好"},
    )
    assert stale.status_code == 409
    assert 'data-testid="form-error"' in stale.text
    assert 'value="已上门修好"' in stale.text and 'data-testid="saved-close_note"' in stale.text
    assert f'name="version" value="{moved.json()["version"]}"' in stale.text
    still = await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant_a.headers)
    assert still.json()["status"] == "in_progress"
    # The page's own SLA filter choices (yes/no) are the API's boolean parameter.
    assert (await client.get("/crm/tickets", params={"breached": "no"})).status_code == 200


async def test_tickets_contribute_a_panel_timeline_entries_alert_links_and_search_hits(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    registry = kit.registry()
    assert [p.url for p in registry.panels if p.key == "tickets"] == ["/crm/accounts/{id}/tickets-panel"]
    assert any("ticket" in t.labels for t in registry.timeline_sources if t.target == "crm.account")
    assert registry.link_targets["crm_tickets"].url == "/crm/tickets/{id}"
    account = await make_account(app_engine, tenant_a, "杭州恒远电子")
    ticket = await open_ticket(client, tenant_a, account, title="冷库温度异常")
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        by_number = await services.search_tickets(ctx, "T-00000", 10)
        by_digits = await services.search_tickets(ctx, "1", 10)
        by_title = await services.search_tickets(ctx, "冷库", 10)
        nothing = await services.search_tickets(ctx, "门禁", 10)
    hit = kit.SearchHit(
        title="T-000001 冷库温度异常", href=f"/crm/tickets/{ticket['id']}", detail="杭州恒远电子"
    )
    assert by_number == by_digits == by_title == [hit]
    assert nothing == []
