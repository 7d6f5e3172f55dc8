"""Logged activities on the account page: a future time is refused with a pointer to scheduling,
and the author corrects their own entry from the timeline."""

from __future__ import annotations

import datetime as dt

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.modules.crm.conftest import make_account


async def test_the_author_edits_a_logged_activity_and_a_future_one_is_refused(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await make_account(app_engine, tenant_a)
    login = await client.post(
        "/api/v1/auth/login", json={"email": tenant_a.owner.email, "password": PASSWORD}
    )
    csrf = login.json()["csrf_token"]
    client.cookies.set("bizsuite_lang", "en")
    base = f"/crm/accounts/{account}/activities"
    shanghai = dt.timezone(dt.timedelta(hours=8))
    future = (dt.datetime.now(shanghai) + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    refused = await client.post(
        base, data={"csrf_token": csrf, "kind": "call", "subject": "回访", "occurred_at": future}
    )
    assert refused.status_code == 422
    assert "schedule an activity" in refused.text
    logged = await client.post(
        base, data={"csrf_token": csrf, "kind": "call", "subject": "回访", "occurred_at": "2026-11-28T10:30"}
    )
    assert logged.status_code in (302, 303), logged.text
    shown = await client.get(f"/crm/accounts/{account}")
    assert 'data-testid="edit-logged-activity"' in shown.text
    activity = (
        await client.get(f"/api/v1/crm/accounts/{account}/activities", headers=tenant_a.headers)
    ).json()["items"][0]
    edited = await client.post(
        f"{base}/{activity['id']}/edit",
        data={
            "csrf_token": csrf,
            "version": str(activity["version"]),
            "kind": "visit",
            "subject": "上门回访",
            "occurred_at": "2026-11-28T10:30",
        },
    )
    assert edited.status_code in (302, 303), edited.text
    after = (await client.get(f"/api/v1/crm/activities/{activity['id']}", headers=tenant_a.headers)).json()
    assert (after["kind"], after["subject"]) == ("visit", "上门回访")
