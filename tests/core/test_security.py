"""Security properties found in review: each test is an attack that must fail."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pyotp
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity.models import ApiKey
from bizsuite.web.exports import export_response
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle, asgi_client
from tests.core.invitations import invite

Client = httpx.AsyncClient


async def _login(client: Client, email: str, password: str = PASSWORD, **extra: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": password, **extra})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_an_invitation_cannot_skip_the_invitees_totp(
    client: Client, app: Any, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    # Tenant A's owner protects their account with TOTP.
    csrf = (await _login(client, tenant_a.owner.email))["csrf_token"]
    secret = (await client.post("/api/v1/auth/totp/setup", headers={"X-CSRF-Token": csrf})).json()["secret"]
    await client.post(
        "/api/v1/auth/totp/enable", json={"code": pyotp.TOTP(secret).now()}, headers={"X-CSRF-Token": csrf}
    )
    # Tenant B's admin invites that email and (reading the recorded outbox) holds the token...
    _created, token = await invite(client, tenant_b.headers, email=tenant_a.owner.email)
    async with asgi_client(app, lifespan=False) as attacker:
        # ...but knowing the password is not enough to accept (and so to open a session).
        refused = await attacker.post(
            "/api/v1/auth/accept-invitation", json={"token": token, "password": PASSWORD}
        )
        assert refused.status_code == 401
        assert refused.json()["type"].endswith("/sign-in-required")
        assert "set-cookie" not in refused.headers
    # The real person signs in with TOTP, then accepts.
    async with asgi_client(app, lifespan=False) as owner:
        signed_in = await _login(owner, tenant_a.owner.email, totp_code=pyotp.TOTP(secret).now())
        joined = await owner.post(
            "/api/v1/auth/accept-invitation",
            json={"token": token},
            headers={"X-CSRF-Token": signed_in["csrf_token"]},
        )
        assert joined.status_code == 200, joined.text
        assert joined.json()["tenant"]["tenant_id"] == str(tenant_b.id)


async def test_an_invitation_for_another_email_cannot_be_accepted_while_signed_in(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    _created, token = await invite(client, tenant_b.headers, email="someone.else@example.com")
    csrf = (await _login(client, tenant_a.owner.email))["csrf_token"]
    wrong = await client.post(
        "/api/v1/auth/accept-invitation",
        json={"token": token, "name": "X", "password": "x" * 12},
        headers={"X-CSRF-Token": csrf},
    )
    assert wrong.status_code == 403


async def test_a_replayed_idempotency_key_never_serves_another_caller(
    client: Client,
    tenant_a: TenantHandle,
    make_tenant: Callable[..., Awaitable[TenantHandle]],
    app_engine: AsyncEngine,
) -> None:
    body = {"name": "ci", "role": "admin"}
    first = await client.post(
        "/api/v1/api-keys", json=body, headers={**tenant_a.headers, "Idempotency-Key": "k-1"}
    )
    assert first.status_code == 201
    # A viewer key of the same tenant sends the same key and body: no replay of the admin's secret.
    viewer_secret = (
        await client.post(
            "/api/v1/api-keys", json={"name": "viewer", "role": "viewer"}, headers=tenant_a.headers
        )
    ).json()["secret"]
    viewer = {"Authorization": f"Bearer {viewer_secret}", "Idempotency-Key": "k-1"}
    stolen = await client.post("/api/v1/api-keys", json=body, headers=viewer)
    assert stolen.status_code == 409
    assert first.json()["secret"] not in stolen.text


async def test_a_secret_is_never_stored_for_replay(
    client: Client, tenant_a: TenantHandle, owner_engine: AsyncEngine
) -> None:
    headers = {**tenant_a.headers, "Idempotency-Key": "key-once"}
    first = await client.post("/api/v1/api-keys", json={"name": "once"}, headers=headers)
    secret = first.json()["secret"]
    again = await client.post("/api/v1/api-keys", json={"name": "once"}, headers=headers)
    assert again.status_code == 409
    assert secret not in again.text
    async with owner_engine.connect() as conn:
        stored = await conn.scalar(
            text(
                # Searched as bytes: other tests' stored bodies need not be UTF-8 (gzip, files).
                "SELECT count(*) FROM idempotency_keys"
                " WHERE tenant_id = :t AND position(convert_to(:s, 'UTF8') in response_body) > 0"
            ),
            {"s": secret, "t": tenant_a.id},
        )
        keys = await conn.scalar(
            text("SELECT count(*) FROM api_keys WHERE tenant_id = :t AND name = 'once'"), {"t": tenant_a.id}
        )
    assert stored == 0
    assert keys == 1


async def test_api_keys_act_with_at_most_their_creators_current_role(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    # The owner (a person) creates an admin key through a signed-in session.
    csrf = (await _login(client, tenant_a.owner.email))["csrf_token"]
    created = await client.post(
        "/api/v1/api-keys", json={"name": "personal", "role": "admin"}, headers={"X-CSRF-Token": csrf}
    )
    secret = created.json()["secret"]
    key_headers = {"Authorization": f"Bearer {secret}"}
    assert (await client.get("/api/v1/audit-log", headers=key_headers)).status_code == 200
    # The creator leaves the tenant: the key stops working.
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await bind_tenant(session, tenant_a.id)
        await session.execute(text("DELETE FROM memberships WHERE user_id = :u"), {"u": tenant_a.owner.id})
        assert (
            await session.scalar(select(func.count()).select_from(ApiKey).where(ApiKey.name == "personal"))
            == 1
        )
    refused = await client.get("/api/v1/org-units", headers=key_headers)
    assert refused.status_code == 401


async def test_tenant_admins_cannot_change_their_plans_modules(
    client: Client, tenant_a: TenantHandle
) -> None:
    api = await client.patch(
        "/api/v1/tenant",
        json={"modules": ["crm", "hr", "fees"]},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert api.status_code == 422
    csrf = (await _login(client, tenant_a.owner.email))["csrf_token"]
    page = await client.post(
        "/admin/settings",
        data={
            "name": "Renamed",
            "locale": "zh-CN",
            "time_zone": "Asia/Shanghai",
            "currency": "CNY",
            "modules": ["hr", "fees"],
            "version": "1",
            "csrf_token": csrf,
        },
    )
    assert page.status_code == 422
    tenant = (await client.get("/api/v1/tenant", headers=tenant_a.headers)).json()
    assert sorted(tenant["modules"]) == ["contracts", "crm"]
    assert tenant["name"] != "Renamed"


async def test_random_session_cookies_do_not_open_fresh_rate_limit_buckets(
    settings: Any, tenant_a: TenantHandle
) -> None:
    from dataclasses import replace

    from bizsuite.app import create_app

    async with asgi_client(create_app(replace(settings, rate_limit_per_minute=3))) as client:
        statuses = []
        for i in range(5):
            client.cookies.set("bizsuite_session", f"random-{i}")
            statuses.append(
                (
                    await client.post(
                        "/api/v1/auth/login", json={"email": "x@example.com", "password": "nope"}
                    )
                ).status_code
            )
        assert statuses == [401, 401, 401, 429, 429]


def test_exports_neutralise_spreadsheet_formulas() -> None:
    response = export_response("csv", "x", ["Name"], [['=HYPERLINK("http://evil")'], ["plain"], ["-1"]])
    body = bytes(response.content).decode("utf-8-sig")
    assert "'=HYPERLINK" in body
    assert "plain" in body


async def test_a_forged_cross_site_sign_in_form_is_refused(client: Client, tenant_a: TenantHandle) -> None:
    # Login CSRF: another site posts our sign-in form with the attacker's credentials.
    forged = await client.post(
        "/login", data={"email": tenant_a.owner.email, "password": PASSWORD, "next": "/"}
    )
    assert forged.status_code == 403
    assert "bizsuite_session" not in forged.headers.get("set-cookie", "")
    # Our own form carries the token that matches the browser's cookie.
    await client.get("/login")
    token = client.cookies.get("bizsuite_form")
    assert token
    signed_in = await client.post(
        "/login", data={"email": tenant_a.owner.email, "password": PASSWORD, "next": "/", "form_token": token}
    )
    assert signed_in.status_code == 303
    assert "bizsuite_session=" in signed_in.headers["set-cookie"]
