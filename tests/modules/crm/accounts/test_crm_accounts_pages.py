"""The account pages in process: list, filters, export, create, contacts, activities, zones."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import openpyxl

from tests.conftest import PASSWORD, TenantHandle
from tests.modules.crm.accounts.conftest import create_account, create_zone


async def _sign_in(client: httpx.AsyncClient, t: TenantHandle) -> str:
    response = await client.post("/api/v1/auth/login", json={"email": t.owner.email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    csrf: str = response.json()["csrf_token"]
    client.cookies.set("bizsuite_lang", "en")
    return csrf


async def test_list_page_filters_and_exports(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    zone = await create_zone(client, tenant_a, "Z-E", name="华东片区")
    await create_account(client, tenant_a, "C-001", name="上海明辉贸易", zone_id=zone["id"])
    await create_account(client, tenant_a, "C-002", name="杭州恒远电子", kind="partner")
    await _sign_in(client, tenant_a)
    listed = await client.get("/crm/accounts")
    assert listed.status_code == 200
    assert "上海明辉贸易" in listed.text and "杭州恒远电子" in listed.text and "华东片区" in listed.text
    searched = await client.get("/crm/accounts", params={"q": "杭州"})
    assert "杭州恒远电子" in searched.text and "上海明辉贸易" not in searched.text
    exported = await client.get("/crm/accounts/export", params={"format": "csv", "kind": "partner"})
    assert exported.status_code == 200
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Code", "Name"] and [r[0] for r in rows[1:]] == ["C-002"]
    xlsx = await client.get("/crm/accounts/export", params={"format": "xlsx"})
    assert xlsx.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells[0][:3] == ["Code", "Name", "Kind"]
    by_code = {row[0]: row for row in cells[1:]}
    assert set(by_code) == {"C-001", "C-002"}
    assert by_code["C-001"][1] == "上海明辉贸易" and "华东片区" in by_code["C-001"]
    assert by_code["C-002"][2] == "Partner"
    # A malformed owner filter is ignored, not mixed up with a valid zone filter.
    zoned = await client.get("/crm/accounts", params={"zone_id": zone["id"], "owner_user_id": "junk"})
    assert zoned.status_code == 200
    assert "上海明辉贸易" in zoned.text and "杭州恒远电子" not in zoned.text
    nul = await client.get("/crm/accounts", params={"q": "杭州\x00"})
    assert nul.status_code == 200 and "杭州恒远电子" in nul.text


async def test_create_an_account_add_a_contact_and_an_activity(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    csrf = await _sign_in(client, tenant_a)
    form: dict[str, Any] = {"csrf_token": csrf}
    blank = await client.post("/crm/accounts", data={**form, "code": "C-100"})
    assert blank.status_code == 422 and 'data-testid="error-name"' in blank.text
    created = await client.post(
        "/crm/accounts", data={**form, "code": "C-100", "name": "苏州金桥精密", "kind": "end_customer"}
    )
    assert created.status_code == 303
    detail_url = created.headers["location"].split("?")[0]
    duplicate = await client.post("/crm/accounts", data={**form, "code": "C-100", "name": "x"})
    assert duplicate.status_code == 422 and 'data-testid="error-code"' in duplicate.text
    contact = await client.post(f"{detail_url}/contacts", data={**form, "name": "王经理", "is_primary": "on"})
    assert contact.status_code == 303
    activity = await client.post(
        f"{detail_url}/activities",
        data={
            **form,
            "kind": "visit",
            "occurred_at": "2026-11-28T10:30",
            "subject": "上门拜访",
            "body": "谈年度合同",
        },
    )
    assert activity.status_code == 303, activity.text
    typo = await client.post(
        f"{detail_url}/activities",
        data={**form, "kind": "call", "occurred_at": "3026-11-28T10:30", "subject": "年份写错"},
    )
    assert typo.status_code == 422 and 'data-testid="error-occurred_at"' in typo.text
    assert 'value="3026-11-28T10:30"' in typo.text
    page = await client.get(detail_url)
    assert page.status_code == 200
    assert "王经理" in page.text and "上门拜访" in page.text and "谈年度合同" in page.text
    assert 'hx-get="/crm/accounts/' in page.text and "/revenue-panel" in page.text
    assert "/opportunities-panel" in page.text and "/tickets-panel" in page.text


async def test_zones_page_creates_a_zone(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    csrf = await _sign_in(client, tenant_a)
    created = await client.post(
        "/crm/zones",
        data={"csrf_token": csrf, "code": "Z-N", "name": "华北片区", "owner_user_id": str(tenant_a.owner.id)},
    )
    assert created.status_code == 303
    page = await client.get("/crm/zones")
    assert "华北片区" in page.text


async def test_a_contact_or_activity_is_changed_only_under_its_own_account(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    mine = await create_account(client, tenant_a, "C-OWN", name="本客户")
    other = await create_account(client, tenant_a, "C-OTHER", name="别的客户")
    contact = await client.post(
        f"/api/v1/crm/accounts/{other['id']}/contacts", json={"name": "李工"}, headers=tenant_a.headers
    )
    activity = await client.post(
        f"/api/v1/crm/accounts/{other['id']}/activities",
        json={"kind": "note", "subject": "备注"},
        headers=tenant_a.headers,
    )
    assert contact.status_code == 201 and activity.status_code == 201
    csrf = await _sign_in(client, tenant_a)
    base = f"/crm/accounts/{mine['id']}"
    edited = await client.post(
        f"{base}/contacts/{contact.json()['id']}/edit",
        data={"csrf_token": csrf, "version": "1", "name": "改名"},
    )
    assert edited.status_code == 404
    deleted = await client.post(
        f"{base}/contacts/{contact.json()['id']}/delete", data={"csrf_token": csrf, "version": "1"}
    )
    assert deleted.status_code == 404
    gone = await client.post(
        f"{base}/activities/{activity.json()['id']}/delete", data={"csrf_token": csrf, "version": "1"}
    )
    assert gone.status_code == 404
    kept = await client.get(f"/api/v1/crm/contacts/{contact.json()['id']}", headers=tenant_a.headers)
    assert kept.json()["name"] == "李工"
    assert (
        await client.get(f"/api/v1/crm/activities/{activity.json()['id']}", headers=tenant_a.headers)
    ).status_code == 200
    # Under its own account the same edit works.
    ok = await client.post(
        f"/crm/accounts/{other['id']}/contacts/{contact.json()['id']}/edit",
        data={"csrf_token": csrf, "version": "1", "name": "改名"},
    )
    assert ok.status_code == 303


async def test_a_stale_edit_keeps_the_typing_and_shows_the_saved_values(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    account = await create_account(client, tenant_a, "C-412", name="原名", industry="制造")
    # Someone else saves first (version 1 → 2).
    changed = await client.patch(
        f"/api/v1/crm/accounts/{account['id']}",
        json={"name": "别人改的名"},
        headers={**tenant_a.headers, "If-Match": str(account["version"])},
    )
    assert changed.status_code == 200, changed.text
    csrf = await _sign_in(client, tenant_a)
    stale = await client.post(
        f"/crm/accounts/{account['id']}/edit",
        data={
            "csrf_token": csrf,
            "version": str(account["version"]),
            "code": "C-412",
            "name": "我改的名",
            "kind": "end_customer",
            "industry": "",
        },
    )
    assert stale.status_code == 409, stale.text
    assert 'data-testid="form-error"' in stale.text
    assert 'value="我改的名"' in stale.text
    assert 'data-testid="saved-name"' in stale.text and "别人改的名" in stale.text
    assert 'data-testid="saved-industry"' in stale.text
    assert 'data-testid="saved-code"' not in stale.text
    kept = await client.get(f"/api/v1/crm/accounts/{account['id']}", headers=tenant_a.headers)
    assert kept.json()["name"] == "别人改的名"
    blank = await client.post(
        f"/crm/accounts/{account['id']}/edit",
        data={"csrf_token": csrf, "version": str(kept.json()["version"]), "code": "C-412", "name": ""},
    )
    assert blank.status_code == 422 and 'data-testid="error-name"' in blank.text


async def test_the_list_shows_active_accounts_unless_asked(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    archived = await create_account(client, tenant_a, "C-ARC", name="已归档客户")
    await create_account(client, tenant_a, "C-ACT", name="活跃客户")
    response = await client.post(
        f"/api/v1/crm/accounts/{archived['id']}/archive",
        headers={**tenant_a.headers, "If-Match": str(archived["version"])},
    )
    assert response.status_code == 200, response.text
    await _sign_in(client, tenant_a)
    default = await client.get("/crm/accounts")
    assert "活跃客户" in default.text and "已归档客户" not in default.text
    every = await client.get("/crm/accounts", params={"status": "all", "kind": "", "owner_user_id": ""})
    assert every.status_code == 200 and "活跃客户" in every.text and "已归档客户" in every.text
    only = await client.get("/crm/accounts", params={"status": "archived"})
    assert "已归档客户" in only.text and "活跃客户" not in only.text
    exported = await client.get("/crm/accounts/export", params={"format": "csv", "status": "all"})
    codes = [r[0] for r in csv.reader(io.StringIO(exported.content.decode("utf-8-sig")))][1:]
    assert sorted(codes) == ["C-ACT", "C-ARC"]
