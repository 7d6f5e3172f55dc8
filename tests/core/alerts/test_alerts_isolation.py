"""Tenant B's key gets 404 on tenant A's alerts, inbox items, members and outbox, and never lists them."""

from __future__ import annotations

from typing import Any

from bizsuite.settings import Settings
from litestar.testing import AsyncTestClient

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until

Client = AsyncTestClient[Any]
ALERT = {"type": "device.fault", "severity": "critical", "title": "Amplifier 3 is down"}


async def test_alerts_inbox_and_outbox_of_another_tenant_are_invisible(
    client: Client, settings: Settings, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    alert = (await client.post("/api/v1/alerts", json=ALERT, headers=tenant_a.headers)).json()
    a_owner = {"user_id": str(tenant_a.owner.id)}
    b_owner = {"user_id": str(tenant_b.owner.id)}
    item = (await client.get("/api/v1/inbox", params=a_owner, headers=tenant_a.headers)).json()["items"][0]

    async def sent() -> bool:
        return bool((await client.get("/api/v1/outbox", headers=tenant_a.headers)).json()["items"])

    await run_jobs_until(fast(settings), sent)
    message = (await client.get("/api/v1/outbox", headers=tenant_a.headers)).json()["items"][0]

    assert alert["id"] not in [
        a["id"] for a in (await client.get("/api/v1/alerts", headers=tenant_b.headers)).json()["items"]
    ]
    assert (await client.get(f"/api/v1/alerts/{alert['id']}", headers=tenant_b.headers)).status_code == 404
    assert (await client.get("/api/v1/outbox", headers=tenant_b.headers)).json()["items"] == []
    assert (await client.get(f"/api/v1/outbox/{message['id']}", headers=tenant_b.headers)).status_code == 404
    b_inbox = (await client.get("/api/v1/inbox", params=b_owner, headers=tenant_b.headers)).json()
    assert b_inbox["items"] == [] and b_inbox["unread_count"] == 0
    # Naming tenant A's member, or marking A's item, from tenant B: not found.
    for method, path, params in [
        ("GET", "/api/v1/inbox", a_owner),
        ("GET", "/api/v1/inbox/unread-count", a_owner),
        ("GET", "/api/v1/notification-preferences", a_owner),
        ("POST", f"/api/v1/inbox/{item['id']}/read", a_owner),
        ("POST", f"/api/v1/inbox/{item['id']}/read", b_owner),
        ("POST", "/api/v1/inbox/read-all", a_owner),
    ]:
        response = await client.request(method, path, params=params, headers=tenant_b.headers)
        assert response.status_code == 404, f"{method} {path} {params}: {response.status_code}"
    # Tenant A's inbox is untouched.
    assert (await client.get("/api/v1/inbox/unread-count", params=a_owner, headers=tenant_a.headers)).json()[
        "unread_count"
    ] == 1
