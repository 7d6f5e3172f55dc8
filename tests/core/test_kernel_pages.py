"""The kernel's shell, admin and inbox pages in process, and the global search (page and API)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from bizsuite.core.context import Context
from bizsuite.kit import SearchHit, SearchProvider, registry

from tests.conftest import PASSWORD, TenantHandle
from tests.core.invitations import emailed_link

Client = httpx.AsyncClient


async def _sign_in(client: Client, t: TenantHandle) -> str:
    response = await client.post("/api/v1/auth/login", json={"email": t.owner.email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    csrf: str = response.json()["csrf_token"]
    client.cookies.set("bizsuite_lang", "en")
    return csrf


async def _unit(client: Client, t: TenantHandle, code: str, **extra: Any) -> dict[str, Any]:
    body = {"name": f"Unit {code}", "code": code, "kind": "group", **extra}
    response = await client.post("/api/v1/org-units", json=body, headers=t.headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_org_unit_forms_show_every_error_and_keep_the_typing(
    client: Client, tenant_a: TenantHandle
) -> None:
    csrf = await _sign_in(client, tenant_a)
    await _unit(client, tenant_a, "HQ")
    empty = await client.post("/admin/org-units", data={"csrf_token": csrf, "kind": "group"})
    assert empty.status_code == 422
    assert 'data-testid="error-name"' in empty.text and 'data-testid="error-code"' in empty.text
    taken = await client.post(
        "/admin/org-units", data={"csrf_token": csrf, "name": "Typed name", "code": "HQ", "kind": "group"}
    )
    assert (
        taken.status_code == 422 and "Typed name" in taken.text and 'data-testid="error-code"' in taken.text
    )
    made = await client.post(
        "/admin/org-units", data={"csrf_token": csrf, "name": "Shop", "code": "S1", "kind": "store"}
    )
    assert made.status_code == 303 and made.headers["location"].endswith("notice=org_unit.created")


async def test_org_unit_edit_moves_and_a_cycle_keeps_the_name(client: Client, tenant_a: TenantHandle) -> None:
    csrf = await _sign_in(client, tenant_a)
    root = await _unit(client, tenant_a, "R")
    leaf = await _unit(client, tenant_a, "L", parent_id=root["id"])
    moved = await client.post(
        f"/admin/org-units/{leaf['id']}/edit",
        data={"csrf_token": csrf, "version": "1", "name": "Leaf", "parent_id": ""},
    )
    assert moved.status_code == 303
    got = (await client.get(f"/api/v1/org-units/{leaf['id']}", headers=tenant_a.headers)).json()
    assert got["name"] == "Leaf" and got["parent_id"] is None
    # Under a child of itself: refused, and the rename in the same form is not saved either.
    await client.post(
        f"/api/v1/org-units/{leaf['id']}/move",
        json={"parent_id": root["id"]},
        headers={**tenant_a.headers, "If-Match": str(got["version"])},
    )
    root_now = (await client.get(f"/api/v1/org-units/{root['id']}", headers=tenant_a.headers)).json()
    cycle = await client.post(
        f"/admin/org-units/{root['id']}/edit",
        data={
            "csrf_token": csrf,
            "version": str(root_now["version"]),
            "name": "Renamed",
            "parent_id": leaf["id"],
        },
    )
    assert cycle.status_code == 422 and 'data-testid="error-parent_id"' in cycle.text
    after = (await client.get(f"/api/v1/org-units/{root['id']}", headers=tenant_a.headers)).json()
    assert after["name"] == "Unit R"
    missing = await client.post(
        f"/admin/org-units/{uuid.uuid4()}/edit", data={"csrf_token": csrf, "version": "1", "name": "X"}
    )
    assert missing.status_code == 404


async def test_archive_with_active_children_is_a_toast(client: Client, tenant_a: TenantHandle) -> None:
    csrf = await _sign_in(client, tenant_a)
    root = await _unit(client, tenant_a, "P")
    await _unit(client, tenant_a, "C", parent_id=root["id"])
    refused = await client.post(
        f"/admin/org-units/{root['id']}/archive", data={"csrf_token": csrf, "version": "1"}
    )
    assert refused.status_code == 303 and refused.headers["location"].endswith("notice=error.conflict")


async def test_member_invite_revoke_and_api_key_pages(client: Client, tenant_a: TenantHandle) -> None:
    csrf = await _sign_in(client, tenant_a)
    again = await client.post(
        "/admin/members/invitations", data={"csrf_token": csrf, "email": tenant_a.owner.email}
    )
    assert again.status_code == 422 and 'data-testid="error-email"' in again.text
    invited = await client.post(
        "/admin/members/invitations",
        data={"csrf_token": csrf, "email": "new@example.com", "role": "member", "module_grants": ["crm"]},
    )
    # The link goes to the invitee by email; the inviter's page never shows it.
    assert invited.status_code == 303 and invited.headers["location"].endswith("notice=invitation.sent")
    shown = await client.get(invited.headers["location"])
    assert "token=" not in shown.text
    link, _token = await emailed_link(client, tenant_a.headers, "new@example.com")
    assert "/invitations/accept?token=" in link
    invitations = (await client.get("/api/v1/invitations", headers=tenant_a.headers)).json()["items"]
    assert invitations[0]["module_grants"] == ["crm"]
    revoked = await client.post(
        f"/admin/members/invitations/{invitations[0]['id']}/revoke", data={"csrf_token": csrf}
    )
    assert revoked.headers["location"].endswith("notice=invitation.revoked")
    key = await client.post("/admin/api-keys", data={"csrf_token": csrf, "name": "nightly", "role": "member"})
    assert key.status_code == 200 and "bsk_" in key.text
    nameless = await client.post("/admin/api-keys", data={"csrf_token": csrf, "role": "member"})
    assert nameless.status_code == 422 and 'data-testid="error-name"' in nameless.text


async def test_settings_and_account_forms(client: Client, tenant_a: TenantHandle) -> None:
    csrf = await _sign_in(client, tenant_a)
    bad = await client.post(
        "/admin/settings",
        data={"csrf_token": csrf, "version": str(tenant_a.tenant.version), "currency": "yuan"},
    )
    assert bad.status_code == 422 and 'data-testid="error-currency"' in bad.text
    saved = await client.post(
        "/admin/settings",
        data={"csrf_token": csrf, "version": str(tenant_a.tenant.version), "name": "New name"},
    )
    assert saved.status_code == 303
    zone = await client.post("/account/preferences", data={"csrf_token": csrf, "time_zone": "Mars/Base"})
    assert zone.status_code == 422 and 'data-testid="error-time_zone"' in zone.text
    ok = await client.post(
        "/account/preferences", data={"csrf_token": csrf, "time_zone": "Europe/Paris", "locale": "en"}
    )
    assert ok.headers["location"].endswith("notice=preferences.saved")
    wrong = await client.post(
        "/account/password",
        data={"csrf_token": csrf, "current_password": "not it at all", "new_password": "long enough new"},
    )
    assert wrong.status_code == 422 and 'data-testid="error-current_password"' in wrong.text
    totp = await client.post("/account/totp/disable", data={"csrf_token": csrf, "code": "12"})
    assert totp.status_code == 422


async def test_audit_log_filters_by_day_shows_names_and_links(client: Client, tenant_a: TenantHandle) -> None:
    await _sign_in(client, tenant_a)
    unit = await _unit(client, tenant_a, "AUD")
    page = await client.get("/admin/audit", params={"action": "org_unit.created", "since": "2000-01-01"})
    assert page.status_code == 200
    assert page.text.count('data-testid="audit-row"') == 1
    assert f'href="/admin/org-units/{unit["id"]}"' in page.text
    assert tenant_a.owner.email not in page.text
    future = await client.get("/admin/audit", params={"until": "2000-01-01", "target_id": "junk"})
    assert future.status_code == 200 and 'data-testid="audit-row"' not in future.text
    exported = await client.get("/admin/audit/export", params={"format": "csv", "action": "org_unit.created"})
    assert "test" in exported.text  # the API key's name
    api = await client.get("/api/v1/audit-log", params={"since": "2000-01-01"}, headers=tenant_a.headers)
    assert api.status_code == 422  # the API keeps its typed timestamps


async def test_inbox_filters_links_and_preferences(client: Client, tenant_a: TenantHandle) -> None:
    csrf = await _sign_in(client, tenant_a)
    unit = await _unit(client, tenant_a, "ALR")
    for severity, target in (
        ("critical", {"target_type": "org_units", "target_id": unit["id"]}),
        ("info", {}),
    ):
        raised = await client.post(
            "/api/v1/alerts",
            json={
                "type": "device.fault",
                "severity": severity,
                "title": f"{severity} alert",
                "recipient_ids": [str(tenant_a.owner.id)],
                **target,
            },
            headers=tenant_a.headers,
        )
        assert raised.status_code == 201, raised.text
    inbox = await client.get("/inbox", params={"severity": "critical", "unread": "1"})
    assert "critical alert" in inbox.text and "info alert" not in inbox.text
    # The linked alert opens (marked read) on its org unit: tests/core/alerts/test_alerts_links.py.
    assert 'data-testid="open-alert"' in inbox.text
    junk = await client.get("/inbox", params={"severity": "junk"})
    assert junk.status_code == 200 and "info alert" in junk.text
    api = await client.get(
        "/api/v1/inbox",
        params={"severity": "info", "unread_only": "true", "user_id": str(tenant_a.owner.id)},
        headers=tenant_a.headers,
    )
    assert api.status_code == 200, api.text
    assert [i["alert"]["title"] for i in api.json()["items"]] == ["info alert"]
    no_sms = await client.post(
        "/inbox/preferences", data={"csrf_token": csrf, "version": "0", "sms_enabled": "true"}
    )
    assert no_sms.status_code == 422 and 'data-testid="error-sms_number"' in no_sms.text
    saved = await client.post(
        "/inbox/preferences",
        data={
            "csrf_token": csrf,
            "version": "0",
            "sms_number": "+86 138 0000 0000",
            "muted_types": "a.b，c.d",
        },
    )
    assert saved.status_code == 303
    mine = {"user_id": str(tenant_a.owner.id)}
    preferences = (
        await client.get("/api/v1/notification-preferences", params=mine, headers=tenant_a.headers)
    ).json()
    assert preferences["muted_types"] == ["a.b", "c.d"] and preferences["sms_number"] == "+86 138 0000 0000"
    cleared = await client.patch(
        "/api/v1/notification-preferences",
        params=mine,
        json={"sms_number": None},
        headers={**tenant_a.headers, "If-Match": str(preferences["version"])},
    )
    assert cleared.status_code == 200 and cleared.json()["sms_number"] is None


async def _units_named(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    return [SearchHit(title=f"Found {text}", href="/admin/org-units", detail="a test hit")][:limit]


async def test_global_search_api_and_page(client: Client, tenant_a: TenantHandle) -> None:
    provider = SearchProvider("test.units", "Org units", _units_named)
    registry().search_providers.append(provider)
    try:
        found = await client.get(
            "/api/v1/search", params={"q": "hello", "limit": 3}, headers=tenant_a.headers
        )
        assert found.status_code == 200, found.text
        body = found.json()
        assert body["q"] == "hello"
        group = next(g for g in body["groups"] if g["key"] == "test.units")
        assert group == {
            "key": "test.units",
            "label": "Org units",
            "hits": [{"title": "Found hello", "href": "/admin/org-units", "detail": "a test hit"}],
            "more": False,
        }
        for bad in ({"q": ""}, {"q": "x" * 201}, {"q": "a\x00b"}, {}):
            refused = await client.get("/api/v1/search", params=bad, headers=tenant_a.headers)
            assert refused.status_code in (400, 422), bad
            problem = refused.json()
            assert [e["field"] for e in problem.get("errors", [])] == ["q"] or "q" in problem["detail"], bad
        await _sign_in(client, tenant_a)
        page = await client.get("/search", params={"q": "hello"})
        assert (
            page.status_code == 200
            and "Found <mark>hello</mark>" in page.text
            and 'data-testid="global-search"' in page.text
        )
        blank = await client.get("/search")
        assert blank.status_code == 200 and "Found" not in blank.text
    finally:
        registry().search_providers.remove(provider)


async def test_global_search_finds_crm_accounts(client: Client, tenant_a: TenantHandle) -> None:
    if not any(p.key == "crm.accounts" for p in registry().search_providers):
        return
    made = await client.post(
        "/api/v1/crm/accounts",
        json={"code": "SRCH-1", "name": "Searchable Trading", "kind": "end_customer"},
        headers=tenant_a.headers,
    )
    assert made.status_code == 201, made.text
    found = (await client.get("/api/v1/search", params={"q": "Searchable"}, headers=tenant_a.headers)).json()
    hits = [h for g in found["groups"] if g["key"] == "crm.accounts" for h in g["hits"]]
    assert [h["href"] for h in hits] == [f"/crm/accounts/{made.json()['id']}"]
