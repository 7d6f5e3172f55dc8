"""Sign-in, sessions with CSRF, TOTP, invitations, members and API keys."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pyotp
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle, asgi_client
from tests.core.invitations import invite

Client = httpx.AsyncClient


async def login(client: Client, email: str, password: str = PASSWORD, **extra: Any) -> Any:
    return await client.post("/api/v1/auth/login", json={"email": email, "password": password, **extra})


async def test_login_sets_a_session_cookie_and_returns_the_csrf_token(
    client: Client, tenant_a: TenantHandle
) -> None:
    response = await login(client, tenant_a.owner.email)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["tenant"]["tenant_id"] == str(tenant_a.id)
    assert body["tenant"]["role"] == "owner"
    cookie = response.headers["set-cookie"]
    assert "bizsuite_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    session = await client.get("/api/v1/auth/session")
    assert session.json()["email"] == tenant_a.owner.email
    units = await client.get("/api/v1/org-units")
    assert units.status_code == 200


async def test_wrong_password_and_unknown_email_get_the_same_401(
    client: Client, tenant_a: TenantHandle
) -> None:
    wrong = await login(client, tenant_a.owner.email, "nope nope nope")
    unknown = await login(client, "nobody@example.com", "nope nope nope")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]


async def test_cookie_writes_need_the_csrf_token(client: Client, tenant_a: TenantHandle) -> None:
    csrf = (await login(client, tenant_a.owner.email)).json()["csrf_token"]
    unit = {"name": "Web unit", "code": "WEB", "kind": "group"}
    refused = await client.post("/api/v1/org-units", json=unit)
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/csrf-failed")
    wrong = await client.post("/api/v1/org-units", json=unit, headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403
    accepted = await client.post("/api/v1/org-units", json=unit, headers={"X-CSRF-Token": csrf})
    assert accepted.status_code == 201
    log = (await client.get("/api/v1/audit-log", params={"action": "org_unit.created"})).json()
    assert log["items"][0]["actor_type"] == "user"
    # Actors are shown by name, never by email (issue 9).
    assert log["items"][0]["actor_label"] == tenant_a.owner.name
    assert tenant_a.owner.email not in (await client.get("/admin/audit")).text


async def test_logout_ends_the_session(client: Client, tenant_a: TenantHandle) -> None:
    csrf = (await login(client, tenant_a.owner.email)).json()["csrf_token"]
    assert (await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})).status_code == 204
    assert (await client.get("/api/v1/org-units")).status_code == 401


async def test_totp_once_enabled_is_required_to_sign_in(client: Client, tenant_a: TenantHandle) -> None:
    csrf = (await login(client, tenant_a.owner.email)).json()["csrf_token"]
    setup = (await client.post("/api/v1/auth/totp/setup", headers={"X-CSRF-Token": csrf})).json()
    assert setup["otpauth_uri"].startswith("otpauth://totp/")
    totp = pyotp.TOTP(setup["secret"])
    bad = await client.post(
        "/api/v1/auth/totp/enable", json={"code": "000000"}, headers={"X-CSRF-Token": csrf}
    )
    assert bad.status_code == 422
    ok = await client.post(
        "/api/v1/auth/totp/enable", json={"code": totp.now()}, headers={"X-CSRF-Token": csrf}
    )
    assert ok.json()["totp_enabled"] is True
    await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})

    needs_code = await login(client, tenant_a.owner.email)
    assert needs_code.status_code == 401
    assert needs_code.json()["type"].endswith("/totp-required")
    wrong_code = await login(
        client, tenant_a.owner.email, totp_code="123456" if totp.now() != "123456" else "654321"
    )
    assert wrong_code.status_code == 401
    assert (await login(client, tenant_a.owner.email, totp_code=totp.now())).status_code == 200


async def test_invitation_accepted_by_a_new_user(client: Client, tenant_a: TenantHandle, app: Any) -> None:
    created, token = await invite(
        client, tenant_a.headers, email="new.hire@example.com", role="member", module_grants=["crm"]
    )
    assert created["email"] == "new.hire@example.com"

    async with asgi_client(app, lifespan=False) as newcomer:
        weak = await newcomer.post(
            "/api/v1/auth/accept-invitation", json={"token": token, "password": "short", "name": "N"}
        )
        assert weak.status_code == 422
        assert weak.json()["errors"][0]["field"] == "password"
        accepted = await newcomer.post(
            "/api/v1/auth/accept-invitation",
            json={"token": token, "password": "a long new password", "name": "New Hire"},
        )
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["tenant"]["role"] == "member"
        assert (await newcomer.get("/api/v1/org-units")).status_code == 200
        again = await newcomer.post(
            "/api/v1/auth/accept-invitation",
            json={"token": token},
            headers={"X-CSRF-Token": accepted.json()["csrf_token"]},
        )
        assert again.status_code == 409

    members = (await client.get("/api/v1/members", headers=tenant_a.headers)).json()["items"]
    hire = next(m for m in members if m["email"] == "new.hire@example.com")
    assert hire["role"] == "member"
    assert hire["module_grants"] == ["crm"]


async def test_existing_user_joins_a_second_tenant_and_switches(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, app: Any
) -> None:
    _created, token = await invite(client, tenant_b.headers, email=tenant_a.owner.email, role="viewer")
    async with asgi_client(app, lifespan=False) as browser:
        anonymous = await browser.post(
            "/api/v1/auth/accept-invitation", json={"token": token, "password": PASSWORD}
        )
        assert anonymous.status_code == 401
        assert anonymous.json()["type"].endswith("/sign-in-required")
        signed_in = await browser.post(
            "/api/v1/auth/login", json={"email": tenant_a.owner.email, "password": PASSWORD}
        )
        joined = await browser.post(
            "/api/v1/auth/accept-invitation",
            json={"token": token},
            headers={"X-CSRF-Token": signed_in.json()["csrf_token"]},
        )
        assert joined.status_code == 200, joined.text
        body = joined.json()
        assert {t["tenant_id"] for t in body["tenants"]} == {str(tenant_a.id), str(tenant_b.id)}
        assert body["tenant"]["tenant_id"] == str(tenant_b.id)
        switched = await browser.post(
            "/api/v1/auth/switch-tenant",
            json={"tenant_id": str(tenant_a.id)},
            headers={"X-CSRF-Token": body["csrf_token"]},
        )
        assert switched.json()["tenant"]["tenant_id"] == str(tenant_a.id)
        assert (await browser.get("/api/v1/tenant")).json()["id"] == str(tenant_a.id)
        elsewhere = await browser.post(
            "/api/v1/auth/switch-tenant",
            json={"tenant_id": "00000000-0000-7000-8000-000000000001"},
            headers={"X-CSRF-Token": body["csrf_token"]},
        )
        assert elsewhere.status_code == 404


async def test_revoked_and_expired_invitations_are_refused(client: Client, tenant_a: TenantHandle) -> None:
    created, token = await invite(client, tenant_a.headers, email="late@example.com")
    await client.post(f"/api/v1/invitations/{created['id']}/revoke", headers=tenant_a.headers)
    refused = await client.post(
        "/api/v1/auth/accept-invitation",
        json={"token": token, "password": "long enough pw", "name": "L"},
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "token"


async def test_api_key_is_shown_once_works_records_use_and_stops_when_revoked(
    client: Client, tenant_a: TenantHandle
) -> None:
    created = (
        await client.post(
            "/api/v1/api-keys", json={"name": "ETL", "role": "viewer"}, headers=tenant_a.headers
        )
    ).json()
    secret = created["secret"]
    assert secret.startswith("bsk_")
    key_id = created["api_key"]["id"]
    listed = (await client.get("/api/v1/api-keys", headers=tenant_a.headers)).text
    assert secret not in listed
    assert created["api_key"]["prefix"] in listed
    headers = {"Authorization": f"Bearer {secret}"}
    assert (await client.get("/api/v1/org-units", headers=headers)).status_code == 200
    assert (
        await client.post(
            "/api/v1/org-units", json={"name": "x", "code": "X", "kind": "group"}, headers=headers
        )
    ).status_code == 403
    used = (await client.get(f"/api/v1/api-keys/{key_id}", headers=tenant_a.headers)).json()
    assert used["last_used_at"] is not None
    await client.post(f"/api/v1/api-keys/{key_id}/revoke", headers=tenant_a.headers)
    assert (await client.get("/api/v1/org-units", headers=headers)).status_code == 401


async def test_a_key_cannot_grant_more_than_its_creator(
    client: Client, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    from bizsuite.core.identity.models import Role

    manager = await make_tenant(role=Role.ADMIN)
    owner_key = await client.post(
        "/api/v1/api-keys", json={"name": "x", "role": "owner"}, headers=manager.headers
    )
    assert owner_key.status_code == 403


async def test_last_owner_cannot_be_demoted_or_removed(client: Client, tenant_a: TenantHandle) -> None:
    owner = (await client.get("/api/v1/members", headers=tenant_a.headers)).json()["items"][0]
    # The admin key cannot touch an owner at all; the owner themselves cannot leave the tenant ownerless.
    denied = await client.patch(
        f"/api/v1/members/{owner['id']}",
        json={"role": "viewer"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert denied.status_code == 403
    csrf = (await login(client, tenant_a.owner.email)).json()["csrf_token"]
    last = await client.patch(
        f"/api/v1/members/{owner['id']}",
        json={"role": "admin"},
        headers={"X-CSRF-Token": csrf, "If-Match": "1"},
    )
    assert last.status_code == 409


async def test_suspended_tenant_is_refused_until_resumed(client: Client, tenant_a: TenantHandle) -> None:
    operator = {"Authorization": "Bearer test-operator-token-0123456789"}
    suspended = await client.post(f"/api/v1/tenants/{tenant_a.id}/suspend", headers=operator)
    assert suspended.json()["status"] == "suspended"
    refused = await client.get("/api/v1/org-units", headers=tenant_a.headers)
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/tenant-suspended")
    await client.post(f"/api/v1/tenants/{tenant_a.id}/resume", headers=operator)
    assert (await client.get("/api/v1/org-units", headers=tenant_a.headers)).status_code == 200


async def test_operator_api_needs_the_operator_token(client: Client, tenant_a: TenantHandle) -> None:
    assert (await client.get("/api/v1/tenants", headers=tenant_a.headers)).status_code == 401
    operator = {"Authorization": "Bearer test-operator-token-0123456789"}
    created = await client.post(
        "/api/v1/tenants",
        json={
            "name": "Acme",
            "slug": f"acme-{tenant_a.id.hex[:6]}",
            "time_zone": "Europe/Berlin",
            "locale": "en",
        },
        headers=operator,
    )
    assert created.status_code == 201
    assert created.json()["currency"] == "CNY"
    bad_zone = await client.post(
        "/api/v1/tenants", json={"name": "B", "slug": "bad-zone", "time_zone": "Mars/Base"}, headers=operator
    )
    assert bad_zone.status_code == 422
    assert bad_zone.json()["errors"][0]["field"] == "time_zone"


async def test_password_change_signs_out_everywhere(client: Client, tenant_a: TenantHandle, app: Any) -> None:
    csrf = (await login(client, tenant_a.owner.email)).json()["csrf_token"]
    wrong = await client.post(
        "/api/v1/auth/password",
        json={"current_password": "bad", "new_password": "brand new password"},
        headers={"X-CSRF-Token": csrf},
    )
    assert wrong.status_code == 422
    changed = await client.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "brand new password"},
        headers={"X-CSRF-Token": csrf},
    )
    assert changed.status_code == 204
    assert (await client.get("/api/v1/auth/session")).status_code == 401
    assert (await login(client, tenant_a.owner.email)).status_code == 401
    assert (await login(client, tenant_a.owner.email, "brand new password")).status_code == 200


async def test_passwords_are_stored_as_argon2(owner_engine: AsyncEngine, tenant_a: TenantHandle) -> None:
    async with owner_engine.connect() as conn:
        stored = await conn.scalar(
            text("SELECT password_hash FROM users WHERE id = :i"), {"i": tenant_a.owner.id}
        )
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


async def test_inviting_a_member_again_is_a_409_naming_the_email(
    client: Client, tenant_a: TenantHandle
) -> None:
    refused = await client.post(
        "/api/v1/invitations", json={"email": tenant_a.owner.email}, headers=tenant_a.headers
    )
    assert refused.status_code == 409
    assert [e["field"] for e in refused.json()["errors"]] == ["email"]


async def test_member_update_keeps_omitted_fields(client: Client, tenant_a: TenantHandle) -> None:
    members = (await client.get("/api/v1/members", headers=tenant_a.headers)).json()["items"]
    owner = members[0]
    kept = await client.patch(
        f"/api/v1/members/{owner['id']}",
        json={"module_grants": ["crm"]},
        headers={**tenant_a.headers, "If-Match": str(owner["version"])},
    )
    assert kept.status_code == 200, kept.text
    assert kept.json()["role"] == "owner" and kept.json()["module_grants"] == ["crm"]
