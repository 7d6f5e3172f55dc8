"""Approvals tell people: the approver whose turn it is gets an alert (once), the author gets the
outcome, and webhook endpoints get ``approval.requested`` / ``approval.approved`` / ``approval.rejected``."""

from __future__ import annotations

import uuid
from typing import Any

from bizsuite.core.approvals import rules
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity.models import User
from litestar.testing import AsyncTestClient
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.core.approvals.conftest import Company, Person, decide, post_ok, submit

Client = AsyncTestClient[Any]
BASE = "/api/v1/approvals"


async def approval_alerts(client: Client, company: Company, person: Person) -> list[dict[str, Any]]:
    """The approval alerts in a person's inbox, oldest first (read by the tenant's admin key)."""
    response = await client.get(
        "/api/v1/inbox", params={"user_id": person.id, "limit": 200}, headers=company.tenant.headers
    )
    assert response.status_code == 200, response.text
    alerts = [item["alert"] for item in response.json()["items"]]
    return [a for a in reversed(alerts) if a["type"].startswith("approval.")]


def about(alerts: list[dict[str, Any]], request: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in alerts if a["target_id"] == request["id"]]


async def test_each_approver_is_alerted_when_the_request_reaches_their_step(
    client: Client, company: Company
) -> None:
    request = await submit(client, company, "clerk", "SH", title="Shelf repair")
    chain = ["store", "region", "ops"]
    for i, name in enumerate(chain):
        mine = about(await approval_alerts(client, company, company[name]), request)
        assert len(mine) == 1, f"{name} should have exactly one alert by now"
        alert = mine[0]
        assert alert["type"] == "approval.pending" and alert["severity"] == "info"
        assert alert["target_type"] == "approval_requests"
        assert alert["title"] == "待我审批：Shelf repair"
        assert alert["data"]["round"] == 1 and alert["data"]["position"] == i + 1
        for later in chain[i + 1 :]:
            assert about(await approval_alerts(client, company, company[later]), request) == []
        response = await decide(client, request, company[name])
        assert response.status_code == 200, response.text
        request = response.json()
    assert request["status"] == "approved"
    # Nobody was alerted twice, and the author heard the outcome.
    for name in chain:
        assert len(about(await approval_alerts(client, company, company[name]), request)) == 1
    outcome = about(await approval_alerts(client, company, company["clerk"]), request)
    assert [a["type"] for a in outcome] == ["approval.approved"]
    assert outcome[0]["title"] == "审批通过：Shelf repair"


async def test_a_rejection_alerts_the_author_with_the_comment(client: Client, company: Company) -> None:
    request = await submit(client, company, "clerk", "SH", title="Team dinner")
    response = await decide(client, request, company["store"], "reject", {"comment": "No receipt attached"})
    assert response.status_code == 200, response.text
    outcome = about(await approval_alerts(client, company, company["clerk"]), request)
    assert len(outcome) == 1
    assert outcome[0]["type"] == "approval.rejected" and outcome[0]["severity"] == "warning"
    assert outcome[0]["body"] == "No receipt attached"
    assert outcome[0]["data"]["comment"] == "No receipt attached"
    # The later approvers never heard of it.
    assert about(await approval_alerts(client, company, company["region"]), request) == []


async def test_delegation_alerts_the_new_approver_and_never_repeats_an_alert(
    client: Client, company: Company
) -> None:
    request = await submit(client, company, "clerk", "SH", title="Printer toner")
    outsider, store = company["outsider"], company["store"]
    handed = await decide(client, request, store, "delegate", {"to_user_id": outsider.id})
    assert handed.status_code == 200, handed.text
    to_outsider = about(await approval_alerts(client, company, outsider), request)
    assert [a["type"] for a in to_outsider] == ["approval.pending"]
    back = await decide(client, handed.json(), outsider, "delegate", {"to_user_id": store.id})
    assert back.status_code == 200, back.text
    # Handed back to the store manager: the alert they already have is not sent again.
    assert len(about(await approval_alerts(client, company, store), request)) == 1


async def test_a_resubmission_is_a_new_round_with_new_alerts(client: Client, company: Company) -> None:
    request = await submit(client, company, "clerk", "SH", title="Window cleaning")
    rejected = await decide(client, request, company["store"], "reject", {"comment": "Too expensive"})
    assert rejected.status_code == 200, rejected.text
    again = await client.post(
        f"{BASE}/requests/{request['id']}/resubmit",
        json={"comment": "Cheaper offer", "amount": "800.00"},
        headers={**company["clerk"].headers, "If-Match": str(rejected.json()["version"])},
    )
    assert again.status_code == 200, again.text
    pending = about(await approval_alerts(client, company, company["store"]), request)
    assert [(a["type"], a["data"]["round"]) for a in pending] == [
        ("approval.pending", 1),
        ("approval.pending", 2),
    ]
    assert pending[1]["data"]["amount"] == "800.00"


async def test_alerts_follow_the_recipients_language(
    client: Client, company: Company, app_engine: AsyncEngine
) -> None:
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await bind_tenant(session, company.tenant.id)
        await session.execute(update(User).where(User.id == company["store"].user_id).values(locale="en"))
    request = await submit(client, company, "clerk", "SH", title="Light bulbs")
    mine = about(await approval_alerts(client, company, company["store"]), request)
    assert mine[0]["title"] == "Waiting for your approval: Light bulbs"


async def test_webhook_endpoints_receive_approval_events(client: Client, company: Company) -> None:
    types = (await client.get("/api/v1/webhooks/event-types", headers=company.tenant.headers)).json()
    assert {"approval.requested", "approval.approved", "approval.rejected"} <= {
        t["name"] for t in types["items"]
    }
    endpoint = await post_ok(
        client,
        "/api/v1/webhooks/endpoints",
        {"url": "https://hooks.example.com/approvals", "event_types": ["approval.*"]},
        company.tenant.headers,
    )
    endpoint_id = endpoint["endpoint"]["id"]
    approved = await submit(client, company, "clerk", "SALES", title="Conference", category="operating")
    for name in ("finance", "gm"):
        response = await decide(client, approved, company[name])
        assert response.status_code == 200, response.text
        approved = response.json()
    rejected = await submit(client, company, "clerk", "SH", title="Taxi")
    response = await decide(client, rejected, company["store"], "reject", {"comment": "Use the metro"})
    assert response.status_code == 200, response.text

    listed = await client.get(
        "/api/v1/webhooks/deliveries",
        params={"endpoint_id": endpoint_id, "limit": 50},
        headers=company.tenant.headers,
    )
    events = [(d["event_type"], d["payload"]["id"]) for d in reversed(listed.json()["items"])]
    assert events == [
        ("approval.requested", approved["id"]),
        ("approval.approved", approved["id"]),
        ("approval.requested", rejected["id"]),
        ("approval.rejected", rejected["id"]),
    ]
    last = listed.json()["items"][0]["payload"]
    assert last["status"] == "rejected" and last["comment"] == "Use the metro"


def test_alert_titles_and_keys() -> None:
    request_id, approver = uuid.uuid4(), uuid.uuid4()
    assert rules.alert_title(rules.PENDING_ALERT, "Rent", "en") == "Waiting for your approval: Rent"
    assert rules.alert_title(rules.REJECTED_ALERT, "Rent", "zh-CN") == "审批驳回，已退回：Rent"
    assert rules.alert_title(rules.APPROVED_ALERT, "Rent", "fr") == "Approved: Rent"
    long = rules.alert_title(rules.PENDING_ALERT, "x" * 200, "en")
    assert len(long) == rules.ALERT_TITLE_MAX and long.endswith("…")
    key = rules.pending_alert_key(request_id, 2, 3, approver)
    assert key == f"approval.pending:{request_id}:r2:s3:{approver}"
    assert key != rules.pending_alert_key(request_id, 2, 3, uuid.uuid4())
    assert rules.outcome_alert_key(rules.APPROVED_ALERT, request_id, 1) != rules.outcome_alert_key(
        rules.APPROVED_ALERT, request_id, 2
    )
