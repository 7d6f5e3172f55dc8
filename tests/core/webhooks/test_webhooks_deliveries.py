"""Webhook deliveries end to end: a loopback receiver verifies signatures with standardwebhooks."""

from __future__ import annotations

from typing import Any

import pytest
from bizsuite.core.webhooks.models import WebhookEvent
from bizsuite.core.webhooks.services import emit_event
from bizsuite.settings import Settings
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until, tenant_tx
from tests.core.webhooks.receiver import Receiver, running_receiver

Client = AsyncTestClient[Any]
ENDPOINTS = "/api/v1/webhooks/endpoints"
DELIVERIES = "/api/v1/webhooks/deliveries"


async def register(client: Client, tenant: TenantHandle, url: str, event_types: list[str]) -> dict[str, Any]:
    response = await client.post(
        ENDPOINTS, json={"url": url, "event_types": event_types}, headers=tenant.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def deliveries(client: Client, tenant: TenantHandle, endpoint_id: str) -> list[dict[str, Any]]:
    response = await client.get(DELIVERIES, params={"endpoint_id": endpoint_id}, headers=tenant.headers)
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def all_finished(client: Client, tenant: TenantHandle, endpoint_id: str, count: int = 1) -> Any:
    async def check() -> bool:
        items = await deliveries(client, tenant, endpoint_id)
        return len(items) == count and all(d["status"] in {"succeeded", "failed"} for d in items)

    return check


def verify(secret: str, receiver: Receiver, index: int = -1) -> dict[str, Any]:
    request = receiver.requests[index]
    payload: dict[str, Any] = Webhook(secret).verify(request.body, request.headers)
    return payload


async def test_an_org_unit_event_reaches_the_receiver_signed_and_is_logged(
    client: Client, settings: Settings, tenant_a: TenantHandle
) -> None:
    with running_receiver() as receiver:
        created = await register(client, tenant_a, receiver.url, ["org_unit.*"])
        endpoint, secret = created["endpoint"], created["secret"]
        unit = await client.post(
            "/api/v1/org-units",
            json={"name": "Finance", "code": "FIN", "kind": "department"},
            headers=tenant_a.headers,
        )
        assert unit.status_code == 201
        await run_jobs_until(fast(settings), all_finished(client, tenant_a, endpoint["id"]))

    payload = verify(secret, receiver)
    assert payload["type"] == "org_unit.created"
    assert payload["data"]["code"] == "FIN"
    assert payload["data"]["id"] == unit.json()["id"]
    [delivery] = await deliveries(client, tenant_a, endpoint["id"])
    assert (delivery["status"], delivery["attempts"], delivery["last_response_code"]) == ("succeeded", 1, 200)
    assert delivery["event_type"] == "org_unit.created"
    assert receiver.requests[0].headers["webhook-id"] == delivery["webhook_id"]
    [attempt] = (
        await client.get(f"{DELIVERIES}/{delivery['id']}/attempts", headers=tenant_a.headers)
    ).json()["items"]
    assert (attempt["attempt"], attempt["outcome"], attempt["response_code"]) == (1, "succeeded", 200)
    assert attempt["latency_ms"] >= 0
    assert attempt["response_excerpt"] == "ok"


async def test_a_receiver_failing_twice_gets_one_successful_delivery_after_three_attempts(
    client: Client, settings: Settings, tenant_a: TenantHandle
) -> None:
    with running_receiver(fail_first=2) as receiver:
        created = await register(client, tenant_a, receiver.url, ["alert.raised"])
        endpoint, secret = created["endpoint"], created["secret"]
        test = await client.post(f"{ENDPOINTS}/{endpoint['id']}/test", headers=tenant_a.headers)
        assert test.status_code == 202, test.text
        assert test.json()["status"] == "pending"
        await run_jobs_until(fast(settings), all_finished(client, tenant_a, endpoint["id"]))

    [delivery] = await deliveries(client, tenant_a, endpoint["id"])
    assert (delivery["status"], delivery["attempts"]) == ("succeeded", 3)
    attempts = (await client.get(f"{DELIVERIES}/{delivery['id']}/attempts", headers=tenant_a.headers)).json()[
        "items"
    ]
    assert [(a["attempt"], a["outcome"], a["response_code"]) for a in attempts] == [
        (1, "failed", 500),
        (2, "failed", 500),
        (3, "succeeded", 200),
    ]
    assert len(receiver.requests) == 3
    assert len({r.headers["webhook-id"] for r in receiver.requests}) == 1  # the same message, retried
    for index in range(3):
        assert verify(secret, receiver, index)["type"] == "webhook.test"
    jobs = (
        await client.get("/api/v1/jobs", params={"task_name": "webhooks.deliver"}, headers=tenant_a.headers)
    ).json()
    assert [(j["status"], j["attempts"]) for j in jobs["items"]] == [("succeeded", 3)]


async def test_a_receiver_that_never_answers_well_ends_in_failed_and_the_dead_letter_list(
    client: Client, settings: Settings, tenant_a: TenantHandle
) -> None:
    with running_receiver(fail_first=100) as receiver:
        endpoint = (await register(client, tenant_a, receiver.url, ["*"]))["endpoint"]
        await client.post(f"{ENDPOINTS}/{endpoint['id']}/test", headers=tenant_a.headers)
        await run_jobs_until(
            fast(settings, webhook_retry_max_attempts=3), all_finished(client, tenant_a, endpoint["id"])
        )
    [delivery] = await deliveries(client, tenant_a, endpoint["id"])
    assert (delivery["status"], delivery["attempts"], delivery["next_attempt_at"]) == ("failed", 3, None)
    dead = (await client.get("/api/v1/jobs", params={"status": "failed"}, headers=tenant_a.headers)).json()[
        "items"
    ]
    assert [j["task_name"] for j in dead] == ["webhooks.deliver"]
    assert "HTTP 500" in dead[0]["last_error"]


async def test_rotating_the_secret_keeps_deliveries_verifiable(
    client: Client, settings: Settings, tenant_a: TenantHandle
) -> None:
    with running_receiver() as receiver:
        created = await register(client, tenant_a, receiver.url, ["org_unit.created"])
        endpoint, first_secret = created["endpoint"], created["secret"]
        path = f"{ENDPOINTS}/{endpoint['id']}/rotate-secret"
        assert (await client.post(path, json={}, headers=tenant_a.headers)).status_code == 428
        rotated = await client.post(
            path, json={"overlap_hours": 24}, headers={**tenant_a.headers, "If-Match": "1"}
        )
        assert rotated.status_code == 200, rotated.text
        second_secret = rotated.json()["secret"]
        assert second_secret != first_secret
        assert rotated.json()["endpoint"]["previous_secret_expires_at"] is not None

        await client.post(f"{ENDPOINTS}/{endpoint['id']}/test", headers=tenant_a.headers)
        await run_jobs_until(fast(settings), all_finished(client, tenant_a, endpoint["id"]))
        # During the overlap both secrets verify: receivers can switch at their own pace.
        assert verify(first_secret, receiver)["type"] == "webhook.test"
        assert verify(second_secret, receiver)["type"] == "webhook.test"

        # Rotating with no overlap: only the newest secret signs.
        again = await client.post(
            path, json={"overlap_hours": 0}, headers={**tenant_a.headers, "If-Match": "2"}
        )
        third_secret = again.json()["secret"]
        await client.post(f"{ENDPOINTS}/{endpoint['id']}/test", headers=tenant_a.headers)
        await run_jobs_until(fast(settings), all_finished(client, tenant_a, endpoint["id"], count=2))
    assert verify(third_secret, receiver)["type"] == "webhook.test"
    with pytest.raises(WebhookVerificationError):
        verify(second_secret, receiver)
    audit = (
        await client.get("/api/v1/audit-log", params={"target_id": endpoint["id"]}, headers=tenant_a.headers)
    ).json()
    actions = [e["action"] for e in audit["items"]]
    assert actions == [
        "webhook_endpoint.secret_rotated",
        "webhook_endpoint.secret_rotated",
        "webhook_endpoint.created",
    ]
    assert all("secret" not in (e["after"] or {}) for e in audit["items"])


async def test_redeliver_sends_the_same_message_again(
    client: Client, settings: Settings, tenant_a: TenantHandle
) -> None:
    with running_receiver() as receiver:
        created = await register(client, tenant_a, receiver.url, ["org_unit.created"])
        endpoint, secret = created["endpoint"], created["secret"]
        first = (await client.post(f"{ENDPOINTS}/{endpoint['id']}/test", headers=tenant_a.headers)).json()
        await run_jobs_until(fast(settings), all_finished(client, tenant_a, endpoint["id"]))
        again = await client.post(f"{DELIVERIES}/{first['id']}/redeliver", headers=tenant_a.headers)
        assert again.status_code == 202, again.text
        assert again.json()["id"] != first["id"]
        assert again.json()["webhook_id"] == first["webhook_id"]
        await run_jobs_until(fast(settings), all_finished(client, tenant_a, endpoint["id"], count=2))
    assert [r.headers["webhook-id"] for r in receiver.requests] == [first["webhook_id"]] * 2
    assert verify(secret, receiver)["type"] == "webhook.test"


async def test_deliveries_to_private_addresses_are_refused_unless_allowed(
    client: Client, settings: Settings, tenant_a: TenantHandle
) -> None:
    with running_receiver() as receiver:
        endpoint = (await register(client, tenant_a, receiver.url, ["*"]))["endpoint"]
        await client.post(f"{ENDPOINTS}/{endpoint['id']}/test", headers=tenant_a.headers)
        strict = fast(settings, webhook_allow_private_targets=False, webhook_retry_max_attempts=1)
        await run_jobs_until(strict, all_finished(client, tenant_a, endpoint["id"]))
    assert receiver.requests == []
    [delivery] = await deliveries(client, tenant_a, endpoint["id"])
    [attempt] = (
        await client.get(f"{DELIVERIES}/{delivery['id']}/attempts", headers=tenant_a.headers)
    ).json()["items"]
    assert delivery["status"] == "failed"
    assert "non-public address" in attempt["error"]


async def test_no_endpoint_no_event_and_a_rolled_back_write_sends_nothing(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        assert await emit_event(ctx, "org_unit.created", {"code": "X"}) is None
    await register(client, tenant_a, "https://example.com/hooks", ["org_unit.created"])
    with pytest.raises(RuntimeError):
        async with tenant_tx(app_engine, tenant_a.id) as ctx:
            assert await emit_event(ctx, "org_unit.created", {"code": "X"}) is not None
            raise RuntimeError("the write failed")
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(WebhookEvent)) == 0
    assert (await client.get(DELIVERIES, headers=tenant_a.headers)).json()["items"] == []
    with pytest.raises(ValueError, match="unknown event type"):
        async with tenant_tx(app_engine, tenant_a.id) as ctx:
            await emit_event(ctx, "org_unit.exploded", {})
