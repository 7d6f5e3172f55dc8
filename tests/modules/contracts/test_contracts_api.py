"""Contracts through the API: counterparties and the blacklist, numbering, the lifecycle through
the approval engine, payment plans, receipts, payments under 以收定支 (the spec's worked example
in hard and soft mode, at the boundary), invoices and ageing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from tests.core.approvals.conftest import post_ok
from tests.modules.contracts.conftest import (
    BASE,
    Setup,
    active,
    approve_request,
    move,
    register,
    set_rule,
)


async def _pay(client: httpx.AsyncClient, s: Setup, contract: dict[str, Any], amount: str) -> httpx.Response:
    return await client.post(
        f"{BASE}/contracts/{contract['id']}/payments", json={"amount": amount}, headers=s.clerk.headers
    )


async def _position(client: httpx.AsyncClient, s: Setup) -> dict[str, Any]:
    response = await client.get(f"{BASE}/projects/{s.project}/position", headers=s.headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def _worked_example(client: httpx.AsyncClient, s: Setup) -> dict[str, Any]:
    """Received 1,000,000.00 and paid 950,000.00 on one project; returns the expenditure contract."""
    income = await active(client, s, "income", "1200000.00")
    spend = await active(client, s, "expenditure", "1100000.00")
    await post_ok(
        client, f"{BASE}/contracts/{income['id']}/receipts", {"amount": "1000000.00"}, s.clerk.headers
    )
    assert (await _pay(client, s, spend, "950000.00")).status_code == 201
    return spend


async def test_numbers_follow_the_tenant_pattern_per_year(client: httpx.AsyncClient, setup: Setup) -> None:
    first = await register(client, setup, "income")
    second = await register(client, setup, "expenditure")
    year = first["created_at"][:4]
    assert [first["number"], second["number"]] == [f"HT-{year}-0001", f"HT-{year}-0002"]
    current = (await client.get(f"{BASE}/settings", headers=setup.headers)).json()
    bad = await client.patch(
        f"{BASE}/settings",
        json={"number_pattern": "X-{month}"},
        headers={**setup.headers, "If-Match": str(current["version"])},
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "number_pattern"
    huge = await client.patch(  # a memory bomb: refused by its format, never formatted
        f"{BASE}/settings",
        json={"number_pattern": "{seq:>2000000000}"},
        headers={**setup.headers, "If-Match": str(current["version"])},
    )
    assert huge.status_code == 422 and huge.json()["errors"][0]["field"] == "number_pattern"
    changed = await client.patch(
        f"{BASE}/settings",
        json={"number_pattern": "SH{year}/{seq:03d}"},
        headers={**setup.headers, "If-Match": str(current["version"])},
    )
    assert changed.status_code == 200 and changed.json()["number_example"] == f"SH{year}/001"
    third = await register(client, setup, "income")
    assert third["number"] == f"SH{year}/003"


async def test_parties_must_match_the_direction(client: httpx.AsyncClient, setup: Setup) -> None:
    wrong = await client.post(
        f"{BASE}/contracts",
        json={"direction": "income", "title": "x", "amount": "1.00", "counterparty_id": setup.supplier},
        headers=setup.headers,
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "counterparty_id"
    missing = await client.post(
        f"{BASE}/contracts",
        json={"direction": "expenditure", "title": "x", "amount": "1.00"},
        headers=setup.headers,
    )
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "counterparty_id"


async def test_a_blacklisted_counterparty_gets_no_new_contract(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    party = (await client.get(f"{BASE}/counterparties/{setup.supplier}", headers=setup.headers)).json()
    no_reason = await client.patch(
        f"{BASE}/counterparties/{setup.supplier}",
        json={"blacklisted": True},
        headers={**setup.headers, "If-Match": str(party["version"])},
    )
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["field"] == "blacklist_reason"
    listed = await client.patch(
        f"{BASE}/counterparties/{setup.supplier}",
        json={"blacklisted": True, "blacklist_reason": "质量事故 2026-05"},
        headers={**setup.headers, "If-Match": str(party["version"])},
    )
    assert listed.status_code == 200, listed.text
    refused = await client.post(
        f"{BASE}/contracts",
        json={"direction": "expenditure", "title": "x", "amount": "1.00", "counterparty_id": setup.supplier},
        headers=setup.headers,
    )
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["type"].endswith("/counterparty-blacklisted")
    assert "江苏建工材料有限公司" in problem["detail"] and "质量事故 2026-05" in problem["detail"]
    assert problem["errors"][0]["field"] == "counterparty_id"


async def test_qualifications_show_their_expiry(client: httpx.AsyncClient, setup: Setup) -> None:
    made = await post_ok(
        client,
        f"{BASE}/counterparties/{setup.supplier}/qualifications",
        {"kind": "建筑业企业资质证书", "number": "D232000001", "expires_on": "2020-01-31"},
        setup.headers,
    )
    assert [(q["number"], q["expired"]) for q in made["qualifications"]] == [("D232000001", True)]
    gone = await client.delete(
        f"{BASE}/counterparties/{setup.supplier}/qualifications/{made['qualifications'][0]['id']}",
        headers=setup.headers,
    )
    assert gone.status_code == 204


async def test_the_lifecycle_runs_through_approval_and_refuses_illegal_moves(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    contract = await register(client, setup, "income")
    assert contract["status"] == "draft" and contract["next_statuses"] == ["in_approval"]
    illegal = await move(client, setup.clerk, contract, "active")
    assert illegal.status_code == 409
    assert illegal.json()["type"].endswith("/illegal-transition")
    assert "allowed: in_approval" in illegal.json()["detail"]
    submitted = await move(client, setup.clerk, contract, "in_approval")
    assert submitted.status_code == 200 and submitted.json()["status"] == "in_approval"
    edit = await client.patch(
        f"{BASE}/contracts/{contract['id']}",
        json={"title": "late"},
        headers={**setup.headers, "If-Match": str(submitted.json()["version"])},
    )
    assert edit.status_code == 409
    not_by_hand = await move(client, setup.clerk, submitted.json(), "approved")
    assert not_by_hand.status_code == 409 and "allowed: none" in not_by_hand.json()["detail"]
    await approve_request(client, setup, contract["id"])
    approved = (await client.get(f"{BASE}/contracts/{contract['id']}", headers=setup.headers)).json()[
        "contract"
    ]
    assert approved["status"] == "approved"
    signed = await move(client, setup.clerk, approved, "active")
    assert signed.json()["status"] == "active" and signed.json()["signed_on"]
    done = await move(client, setup.clerk, signed.json(), "completed")
    assert done.json()["status"] == "completed" and done.json()["next_statuses"] == []
    audit = await client.get("/api/v1/audit", headers=setup.headers, params={"target_id": contract["id"]})
    if audit.status_code == 200:
        actions = [e["action"] for e in audit.json()["items"]]
        assert "contracts.contract.created" in actions and "contracts.contract.status_changed" in actions


async def test_money_is_settled_only_on_active_contracts(client: httpx.AsyncClient, setup: Setup) -> None:
    draft = await register(client, setup, "income")
    early = await client.post(
        f"{BASE}/contracts/{draft['id']}/receipts", json={"amount": "1.00"}, headers=setup.headers
    )
    assert early.status_code == 409
    income = await active(client, setup, "income")
    wrong_kind = await client.post(
        f"{BASE}/contracts/{income['id']}/payments", json={"amount": "1.00"}, headers=setup.headers
    )
    assert wrong_kind.status_code == 409


async def test_hard_rule_refuses_the_worked_example_naming_the_figures(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    spend = await _worked_example(client, setup)
    refused = await _pay(client, setup, spend, "60000.00")
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["type"].endswith("/spend-exceeds-receipts")
    for figure in ("1,000,000.00", "950,000.00", "60,000.00", "10,000.00"):
        assert figure in problem["detail"]
    assert problem["errors"][0]["field"] == "amount"
    position = await _position(client, setup)
    assert (position["received"], position["paid"], position["available"]) == (
        "1000000.00",
        "950000.00",
        "50000.00",
    )
    boundary = await _pay(client, setup, spend, "50000.00")
    assert boundary.status_code == 201, boundary.text
    assert boundary.json()["status"] == "recorded"
    assert boundary.json()["spend_check"]["shortfall"] == "0.00"
    assert (await _pay(client, setup, spend, "0.01")).status_code == 409


async def test_soft_rule_routes_the_worked_example_to_special_approval(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    spend = await _worked_example(client, setup)
    await set_rule(client, setup, "soft")
    waiting = await _pay(client, setup, spend, "60000.00")
    assert waiting.status_code == 201, waiting.text
    payment = waiting.json()
    assert payment["status"] == "awaiting_approval"
    assert payment["spend_check"] | {} == {
        "rule": "soft",
        "received": "1000000.00",
        "paid": "950000.00",
        "requested": "60000.00",
        "available": "50000.00",
        "shortfall": "10000.00",
        "outcome": "approve",
    }
    position = await _position(client, setup)
    assert position["paid"] == "950000.00" and position["awaiting_approval"] == "60000.00"
    await approve_request(client, setup, payment["id"])
    position = await _position(client, setup)
    assert position["paid"] == "1010000.00" and position["awaiting_approval"] == "0.00"
    await set_rule(client, setup, "off")
    assert (await _pay(client, setup, spend, "5.00")).json()["status"] == "recorded"


async def test_payment_plan_invoices_and_ageing(client: httpx.AsyncClient, setup: Setup) -> None:
    income = await active(client, setup, "income", "1000000.00")
    detail = (await client.get(f"{BASE}/contracts/{income['id']}", headers=setup.headers)).json()
    assert detail["contract"]["status"] == "active"
    signed = detail["contract"]["signed_on"]
    from datetime import date

    today = date.fromisoformat(signed)
    plan = [
        ("预付款", 100, "30"),
        ("进度款一", 45, None),
        ("进度款二", 75, None),
        ("尾款", 120, None),
        ("质保金", -10, None),
    ]
    made = []
    for title, days_ago, percentage in plan:
        body: dict[str, Any] = {"title": title, "due_on": (today - timedelta(days=days_ago)).isoformat()}
        body |= {"percentage": percentage} if percentage else {"amount": "100000.00"}
        made.append(
            await post_ok(client, f"{BASE}/contracts/{income['id']}/milestones", body, setup.clerk.headers)
        )
    assert made[0]["amount"] == "300000.00"
    neither = await client.post(
        f"{BASE}/contracts/{income['id']}/milestones",
        json={"title": "x", "due_on": "2026-01-01"},
        headers=setup.headers,
    )
    assert neither.status_code == 422
    await post_ok(
        client,
        f"{BASE}/contracts/{income['id']}/receipts",
        {"amount": "100000.00", "milestone_id": made[0]["id"]},
        setup.clerk.headers,
    )
    invoice = await post_ok(
        client,
        f"{BASE}/contracts/{income['id']}/invoices",
        {"number": "FP-0001", "amount": "100000.00", "tax_amount": "13000.00"},
        setup.headers,
    )
    assert invoice["kind"] == "issued" and invoice["total"] == "113000.00"
    again = await client.post(
        f"{BASE}/contracts/{income['id']}/invoices",
        json={"number": "FP-0001", "amount": "1.00"},
        headers=setup.headers,
    )
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "number"
    ageing = (await client.get(f"{BASE}/ageing", params={"side": "receivable"}, headers=setup.headers)).json()
    totals = {b["bucket"]: b["total"] for b in ageing["buckets"]}
    assert totals == {"0-30": "0.00", "31-60": "100000.00", "61-90": "100000.00", "90+": "300000.00"}
    assert ageing["not_yet_due"] == "100000.00" and ageing["total"] == "500000.00"
    over_90 = {
        i["milestone_title"]: (i["due"], i["settled"], i["open"]) for i in ageing["buckets"][3]["items"]
    }
    assert over_90 == {
        "预付款": ("300000.00", "100000.00", "200000.00"),
        "尾款": ("100000.00", "0.00", "100000.00"),
    }
    payable = (await client.get(f"{BASE}/ageing", params={"side": "payable"}, headers=setup.headers)).json()
    assert payable["total"] == "0.00"
