"""Change orders (变更/洽商): proposed on an approved or signed contract, approved through the
approval engine; once approved the contract's amount and end date change and the history of
every version is kept (and shown in the contract's chatter); rejected ones change nothing."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
from bizsuite.modules.contracts import rules

from tests.conftest import TenantHandle
from tests.core.chatter.helpers import feed
from tests.modules.contracts.conftest import BASE, Setup, active, approve_request, register
from tests.web.test_language_walk import sign_in


def test_a_change_adds_its_cost_and_moves_the_end_date() -> None:
    impact = rules.apply_change(Decimal("1000000.00"), date(2027, 6, 30), Decimal("150000.00"), 30)
    assert impact.amount_after == Decimal("1150000.00") and impact.ends_on_after == date(2027, 7, 30)
    assert impact.amount_before == Decimal("1000000.00") and impact.ends_on_before == date(2027, 6, 30)
    reduced = rules.apply_change(Decimal("100.00"), None, Decimal("-100.00"), 0)
    assert reduced.amount_after == Decimal("0.00") and reduced.ends_on_after is None


def test_a_change_that_cannot_apply_names_the_field() -> None:
    assert rules.change_errors(Decimal("-100.01"), 0, Decimal("100.00"), None) == {
        "cost_impact": "would take the contract amount 100.00 below zero"
    }
    assert rules.change_errors(Decimal("-100.00"), 0, Decimal("100.00"), None) == {}  # down to zero
    assert "schedule_impact_days" in rules.change_errors(Decimal("0"), 10, Decimal("1.00"), None)
    assert rules.change_errors(Decimal("1.001"), 0, Decimal("1.00"), None) == {
        "cost_impact": "at most 2 decimals"
    }


async def _propose(
    client: httpx.AsyncClient, s: Setup, contract: dict[str, Any], **body: Any
) -> httpx.Response:
    payload = {"proposer": "项目经理 王磊", "reason": "业主要求增加消防喷淋", "cost_impact": "0.00", **body}
    return await client.post(
        f"{BASE}/contracts/{contract['id']}/change-orders", json=payload, headers=s.clerk.headers
    )


async def _contract(client: httpx.AsyncClient, s: Setup, contract_id: str) -> dict[str, Any]:
    found: dict[str, Any] = (await client.get(f"{BASE}/contracts/{contract_id}", headers=s.headers)).json()
    return found["contract"]


async def test_an_approved_change_order_changes_the_amount_and_end_date_with_history(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    contract = await active(client, setup, "expenditure", "1000000.00")
    draft = await register(client, setup, "expenditure", "1000000.00", ends_on="2027-06-30")
    await client.post(
        f"{BASE}/contracts/{draft['id']}/status",
        json={"status": "in_approval"},
        headers={**setup.clerk.headers, "If-Match": str(draft["version"])},
    )
    await approve_request(client, setup, draft["id"])

    first = await _propose(client, setup, draft, cost_impact="150000.00", schedule_impact_days=30)
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "in_approval" and first.json()["seq"] == 1
    second = await _propose(client, setup, draft, cost_impact="1.00")
    assert second.status_code == 409  # one awaiting approval at a time
    assert (await _contract(client, setup, draft["id"]))["amount"] == "1000000.00"  # not before approval

    await approve_request(client, setup, first.json()["id"])
    changed = await _contract(client, setup, draft["id"])
    assert changed["amount"] == "1150000.00" and changed["ends_on"] == "2027-07-30"

    reduce = await _propose(client, setup, draft, cost_impact="-50000.00", schedule_impact_days=-10)
    assert reduce.status_code == 201, reduce.text
    await approve_request(client, setup, reduce.json()["id"])
    history = (
        await client.get(f"{BASE}/contracts/{draft['id']}/change-orders", headers=setup.headers)
    ).json()["items"]
    versions = [
        (h["seq"], h["amount_before"], h["amount_after"], h["ends_on_before"], h["ends_on_after"])
        for h in history
    ]
    assert versions == [
        (1, "1000000.00", "1150000.00", "2027-06-30", "2027-07-30"),
        (2, "1150000.00", "1100000.00", "2027-07-30", "2027-07-20"),
    ]
    now = await _contract(client, setup, draft["id"])
    assert now["amount"] == "1100000.00" and now["ends_on"] == "2027-07-20"

    entries = (await feed(client, setup.tenant, f"contracts_contracts/{draft['id']}"))["items"]
    amounts = [(c["old"], c["new"]) for e in entries for c in e.get("changes", []) if c["field"] == "amount"]
    assert amounts[:2] == [("1150000.00", "1100000.00"), ("1000000.00", "1150000.00")]

    # on the active contract from above: too large a reduction is refused naming the field
    too_much = await _propose(client, setup, contract, cost_impact="-1000000.01")
    assert too_much.status_code == 422 and too_much.json()["errors"][0]["field"] == "cost_impact"
    no_end = await _propose(client, setup, contract, schedule_impact_days=5)
    assert no_end.status_code == 422 and no_end.json()["errors"][0]["field"] == "schedule_impact_days"


async def test_a_rejected_change_order_changes_nothing_and_drafts_take_none(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    draft = await register(client, setup, "income", "500.00")
    refused = await _propose(client, setup, draft, cost_impact="10.00")
    assert refused.status_code == 409 and refused.json()["errors"][0]["field"] == "contract_id"

    contract = await active(client, setup, "income", "500.00")
    proposed = await _propose(client, setup, contract, cost_impact="10.00")
    assert proposed.status_code == 201, proposed.text
    inbox = (await client.get("/api/v1/approvals/inbox", headers=setup.approver.headers)).json()["items"]
    request = next(r for r in inbox if r["document_id"] == proposed.json()["id"])
    rejected = await client.post(
        f"/api/v1/approvals/requests/{request['id']}/reject",
        json={"comment": "no"},
        headers={**setup.approver.headers, "If-Match": str(request["version"])},
    )
    assert rejected.status_code == 200, rejected.text
    history = (
        await client.get(f"{BASE}/contracts/{contract['id']}/change-orders", headers=setup.headers)
    ).json()["items"]
    assert [h["status"] for h in history] == ["rejected"] and history[0]["amount_after"] is None
    assert (await _contract(client, setup, contract["id"]))["amount"] == "500.00"


async def test_another_tenants_contract_takes_no_change_orders(
    client: httpx.AsyncClient, setup: Setup, tenant_b: TenantHandle
) -> None:
    contract = await active(client, setup, "income", "500.00")
    url = f"{BASE}/contracts/{contract['id']}/change-orders"
    body = {"proposer": "x", "reason": "x", "cost_impact": "1.00"}
    assert (await client.post(url, json=body, headers=tenant_b.headers)).status_code == 404
    assert (await client.get(url, headers=tenant_b.headers)).status_code == 404
    assert (await client.get(url, headers=setup.headers)).json() == {"items": []}


async def test_propose_a_change_order_on_the_contract_page(client: httpx.AsyncClient, setup: Setup) -> None:
    contract = await active(client, setup, "expenditure", "1000.00")
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    shown = await client.get(f"/contracts/{contract['id']}")
    assert 'data-testid="propose-change"' in shown.text
    token = re.search(r'name="csrf_token" value="([^"]+)"', shown.text)
    assert token
    bad = await client.post(
        f"/contracts/{contract['id']}/change-orders",
        data={
            "csrf_token": token.group(1),
            "proposer": "王磊",
            "reason": "减少工程量",
            "cost_impact": "-1000.01",
        },
    )
    assert bad.status_code == 422 and 'data-testid="error-cost_impact"' in bad.text
    made = await client.post(
        f"/contracts/{contract['id']}/change-orders",
        data={
            "csrf_token": token.group(1),
            "proposer": "王磊",
            "reason": "增加消防喷淋",
            "cost_impact": "200.00",
        },
        follow_redirects=False,
    )
    assert made.status_code in (302, 303), made.text
    await approve_request(
        client,
        setup,
        (await client.get(f"{BASE}/contracts/{contract['id']}/change-orders", headers=setup.headers)).json()[
            "items"
        ][0]["id"],
    )
    after = await client.get(f"/contracts/{contract['id']}")
    row = after.text[after.text.index('data-testid="change-order"') :]
    assert "增加消防喷淋" in row and "1,000.00" in row and "1,200.00" in row


async def test_an_approved_change_order_changes_the_payment_plan_with_its_history(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    contract = await active(client, setup, "expenditure", "1000000.00")
    url = f"{BASE}/contracts/{contract['id']}"
    first = (
        await client.post(
            f"{url}/milestones",
            json={"title": "进度款", "due_on": "2026-11-30", "percentage": "40"},
            headers=setup.clerk.headers,
        )
    ).json()
    other = await active(client, setup, "expenditure", "10.00")
    foreign = (
        await client.post(
            f"{BASE}/contracts/{other['id']}/milestones",
            json={"title": "x", "due_on": "2026-11-30", "amount": "10.00"},
            headers=setup.clerk.headers,
        )
    ).json()
    wrong = await _propose(
        client,
        setup,
        contract,
        cost_impact="0.00",
        milestone_changes=[{"milestone_id": foreign["id"], "amount": "1.00"}],
    )
    assert (
        wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "milestone_changes[0].milestone_id"
    )
    proposed = await _propose(
        client,
        setup,
        contract,
        cost_impact="150000.00",
        milestone_changes=[{"milestone_id": first["id"], "amount": "550000.00", "due_on": "2026-12-31"}],
    )
    assert proposed.status_code == 201, proposed.text
    assert proposed.json()["milestone_changes"][0]["amount_before"] is None  # not applied yet
    await approve_request(client, setup, proposed.json()["id"])
    detail = (await client.get(url, headers=setup.headers)).json()
    (milestone,) = detail["milestones"]
    assert (milestone["amount"], milestone["due_on"], milestone["percentage"]) == (
        "550000.00",
        "2026-12-31",
        None,
    )
    (history,) = (await client.get(f"{url}/change-orders", headers=setup.headers)).json()["items"]
    assert history["milestone_changes"] == [
        {
            "milestone_id": first["id"],
            "title": "进度款",
            "amount": "550000.00",
            "due_on": "2026-12-31",
            "amount_before": "400000.00",
            "due_on_before": "2026-11-30",
        }
    ]
