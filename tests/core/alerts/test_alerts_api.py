"""Alerts: raised once per dedup key, delivered to inboxes, emailed and texted per preferences."""

from __future__ import annotations

from typing import Any

from bizsuite.core.alerts.models import OutboxMessage, Severity
from bizsuite.core.alerts.services import dispatch_alert, raise_alert
from bizsuite.core.identity.models import Role
from bizsuite.settings import Settings
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until, tenant_tx

Client = AsyncTestClient[Any]
EXPIRY = {
    "type": "contract.expiry",
    "severity": "critical",
    "title": "Contract C-7 expires in 30 days",
    "target_type": "contracts",
    "target_id": "01900000-0000-7000-8000-000000000007",
    "due_at": "2026-12-31T00:00:00+08:00",
}


def inbox_of(tenant: TenantHandle) -> dict[str, str]:
    return {"user_id": str(tenant.owner.id)}


async def test_the_same_alert_is_raised_once_and_lands_in_the_inbox(
    client: Client, tenant_a: TenantHandle
) -> None:
    first = await client.post("/api/v1/alerts", json=EXPIRY, headers=tenant_a.headers)
    again = await client.post("/api/v1/alerts", json=EXPIRY, headers=tenant_a.headers)
    assert first.status_code == 201, first.text
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    alerts = (await client.get("/api/v1/alerts", headers=tenant_a.headers)).json()["items"]
    assert [a["id"] for a in alerts] == [first.json()["id"]]

    inbox = (await client.get("/api/v1/inbox", params=inbox_of(tenant_a), headers=tenant_a.headers)).json()
    assert inbox["unread_count"] == 1
    assert inbox["items"][0]["alert"]["title"] == EXPIRY["title"]
    count = await client.get(
        "/api/v1/inbox/unread-count", params=inbox_of(tenant_a), headers=tenant_a.headers
    )
    assert count.json() == {"user_id": str(tenant_a.owner.id), "unread_count": 1}
    audit = await client.get("/api/v1/audit-log", params={"action": "alert.raised"}, headers=tenant_a.headers)
    assert len(audit.json()["items"]) == 1


async def test_marking_read_lowers_the_unread_count(client: Client, tenant_a: TenantHandle) -> None:
    for n in range(3):
        body = {**EXPIRY, "dedup_key": f"expiry-{n}"}
        assert (await client.post("/api/v1/alerts", json=body, headers=tenant_a.headers)).status_code == 201
    items = (await client.get("/api/v1/inbox", params=inbox_of(tenant_a), headers=tenant_a.headers)).json()[
        "items"
    ]
    marked = await client.post(
        f"/api/v1/inbox/{items[0]['id']}/read", params=inbox_of(tenant_a), headers=tenant_a.headers
    )
    assert marked.json() == {"marked": 1, "unread_count": 2}
    twice = await client.post(
        f"/api/v1/inbox/{items[0]['id']}/read", params=inbox_of(tenant_a), headers=tenant_a.headers
    )
    assert twice.json() == {"marked": 0, "unread_count": 2}
    unread = await client.get(
        "/api/v1/inbox", params={**inbox_of(tenant_a), "unread_only": "true"}, headers=tenant_a.headers
    )
    assert len(unread.json()["items"]) == 2
    everything = await client.post(
        "/api/v1/inbox/read-all", params=inbox_of(tenant_a), headers=tenant_a.headers
    )
    assert everything.json() == {"marked": 2, "unread_count": 0}


async def test_an_api_key_must_name_the_member_and_only_admins_read_other_inboxes(
    client: Client, make_tenant: Any
) -> None:
    admin = await make_tenant()
    missing = await client.get("/api/v1/inbox", headers=admin.headers)
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "user_id"
    viewer = await make_tenant(role=Role.VIEWER)
    forbidden = await client.get("/api/v1/inbox", params=inbox_of(viewer), headers=viewer.headers)
    assert forbidden.status_code == 403


async def test_preferences_start_from_defaults_and_update_with_if_match(
    client: Client, tenant_a: TenantHandle
) -> None:
    defaults = (
        await client.get(
            "/api/v1/notification-preferences", params=inbox_of(tenant_a), headers=tenant_a.headers
        )
    ).json()
    assert defaults["version"] == 0
    assert (defaults["email_enabled"], defaults["email_min_severity"], defaults["sms_enabled"]) == (
        True,
        "warning",
        False,
    )
    change = {"sms_enabled": True, "sms_number": "+86 138 0013 8000", "email_min_severity": "critical"}
    path = "/api/v1/notification-preferences"
    assert (
        await client.patch(path, params=inbox_of(tenant_a), json=change, headers=tenant_a.headers)
    ).status_code == 428
    stale = await client.patch(
        path, params=inbox_of(tenant_a), json=change, headers={**tenant_a.headers, "If-Match": "3"}
    )
    assert stale.status_code == 412
    no_number = await client.patch(
        path,
        params=inbox_of(tenant_a),
        json={"sms_enabled": True},
        headers={**tenant_a.headers, "If-Match": "0"},
    )
    assert no_number.json()["errors"][0]["field"] == "sms_number"
    saved = await client.patch(
        path, params=inbox_of(tenant_a), json=change, headers={**tenant_a.headers, "If-Match": "0"}
    )
    assert saved.status_code == 200, saved.text
    assert (saved.json()["version"], saved.json()["sms_enabled"], saved.json()["email_min_severity"]) == (
        1,
        True,
        "critical",
    )
    again = await client.patch(
        path,
        params=inbox_of(tenant_a),
        json={"muted_types": ["reminder"]},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert again.json()["version"] == 2
    assert again.json()["muted_types"] == ["reminder"]


async def test_email_and_sms_follow_preferences_and_are_recorded_in_the_outbox_once(
    client: Client, app_engine: AsyncEngine, settings: Settings, tenant_a: TenantHandle
) -> None:
    await client.patch(
        "/api/v1/notification-preferences",
        params=inbox_of(tenant_a),
        json={"sms_enabled": True, "sms_number": "+86 138 0013 8000"},
        headers={**tenant_a.headers, "If-Match": "0"},
    )
    raised = (await client.post("/api/v1/alerts", json=EXPIRY, headers=tenant_a.headers)).json()
    info = (
        await client.post(
            "/api/v1/alerts",
            json={**EXPIRY, "severity": "info", "dedup_key": "fyi"},
            headers=tenant_a.headers,
        )
    ).json()

    async def dispatched() -> bool:
        jobs = (
            await client.get(
                "/api/v1/jobs", params={"task_name": "alerts.dispatch"}, headers=tenant_a.headers
            )
        ).json()
        return len(jobs["items"]) == 2 and all(j["status"] == "succeeded" for j in jobs["items"])

    await run_jobs_until(fast(settings), dispatched)
    outbox = (await client.get("/api/v1/outbox", headers=tenant_a.headers)).json()["items"]
    assert sorted((m["channel"], m["alert_id"]) for m in outbox) == sorted(
        [("email", raised["id"]), ("sms", raised["id"])]
    )  # the info alert stays in the inbox only
    email = next(m for m in outbox if m["channel"] == "email")
    assert email["recipient"] == tenant_a.owner.email
    assert email["subject"] == "[CRITICAL] Contract C-7 expires in 30 days"
    assert (email["status"], email["provider"]) == ("recorded", "record")
    sms = next(m for m in outbox if m["channel"] == "sms")
    assert sms["recipient"] == "+86 138 0013 8000"
    assert (
        (await client.get(f"/api/v1/outbox/{sms['id']}", headers=tenant_a.headers))
        .json()["body"]
        .startswith("[CRITICAL]")
    )
    assert info["id"] not in [m["alert_id"] for m in outbox]

    # A replayed dispatch (a retried job) sends nothing again.
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        assert await dispatch_alert(ctx, raised["id"], settings) == 0
        assert await ctx.session.scalar(select(func.count()).select_from(OutboxMessage)) == 2


async def test_modules_raise_alerts_through_a_session_with_explicit_recipients(
    app_engine: AsyncEngine, make_tenant: Any
) -> None:
    tenant = await make_tenant()
    async with tenant_tx(app_engine, tenant.id) as ctx:
        raised = await raise_alert(
            ctx.session,
            alert_type="budget.overrun",
            severity=Severity.WARNING,
            title="Marketing is 12% over budget",
            target=tenant.tenant,
            recipients=[tenant.owner.id, tenant.owner.id],
        )
        twice = await raise_alert(
            ctx.session,
            alert_type="budget.overrun",
            severity=Severity.WARNING,
            title="Marketing is 12% over budget",
            target=tenant.tenant,
            recipients=[tenant.owner.id],
        )
    assert raised.created and not twice.created
    assert raised.alert.id == twice.alert.id
    assert (raised.alert.target_type, raised.alert.target_id) == ("tenants", tenant.id)
