"""Claims and delays (索赔/延期), contract alerts on the tenant's today (expiry thresholds, milestones
due and overdue, qualifications expiring, each raised once), the ledger (台账) and dashboard with
their formulas, and the customer-risk signal with its reasons and tenant weights."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.jobs.queue import in_tenant
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.services import alerts
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.core.approvals.conftest import post_ok
from tests.core.test_sandbox_clock import make_sandbox
from tests.modules.contracts.conftest import BASE, Setup, approve_request, build, move, register
from tests.modules.crm.tickets.conftest import HOTLINE_1234, create_policy, open_ticket

D = Decimal
TODAY = dt.datetime.now(dt.UTC).date()


async def signed(
    client: httpx.AsyncClient, s: Setup, direction: str, amount: str, **extra: Any
) -> dict[str, Any]:
    """A contract registered with ``extra`` terms, approved and signed."""
    contract = await register(client, s, direction, amount, **extra)
    assert (await move(client, s.clerk, contract, "in_approval")).status_code == 200
    await approve_request(client, s, contract["id"])
    current = (await client.get(f"{BASE}/contracts/{contract['id']}", headers=s.headers)).json()["contract"]
    done = await move(client, s.clerk, current, "active")
    assert done.status_code == 200, done.text
    result: dict[str, Any] = done.json()
    return result


# --- claims and delays ------------------------------------------------------------------------


async def test_claims_and_delays_are_raised_and_decided(client: httpx.AsyncClient, setup: Setup) -> None:
    contract = await signed(client, setup, "expenditure", "100000.00")
    url = f"{BASE}/contracts/{contract['id']}/claims"
    claim = await post_ok(
        client,
        url,
        {"kind": "claim", "raised_by": "counterparty", "reason": "材料涨价", "amount": "12000.00"},
        setup.clerk.headers,
    )
    delay = await post_ok(
        client,
        url,
        {"kind": "delay", "raised_by": "counterparty", "reason": "暴雨停工", "days": 10},
        setup.clerk.headers,
    )
    no_amount = await client.post(
        url, json={"kind": "claim", "raised_by": "us", "reason": "x"}, headers=setup.clerk.headers
    )
    assert no_amount.status_code == 422 and no_amount.json()["errors"][0]["field"] == "amount"
    accepted = await client.post(
        f"{url}/{claim['id']}/decision",
        json={"status": "accepted", "agreed_amount": "8000.00", "resolution": "双方协商"},
        headers={**setup.clerk.headers, "If-Match": str(claim["version"])},
    )
    assert accepted.status_code == 200 and accepted.json()["agreed_amount"] == "8000.00"
    granted = await client.post(
        f"{url}/{delay['id']}/decision",
        json={"status": "accepted"},
        headers={**setup.clerk.headers, "If-Match": str(delay["version"])},
    )
    assert granted.json()["agreed_days"] == 10  # what was asked
    again = await client.post(
        f"{url}/{claim['id']}/decision",
        json={"status": "rejected"},
        headers={**setup.clerk.headers, "If-Match": str(accepted.json()["version"])},
    )
    assert again.status_code == 409
    listed = (await client.get(url, headers=setup.headers)).json()["items"]
    assert [(c["kind"], c["status"]) for c in listed] == [("claim", "accepted"), ("delay", "accepted")]


async def test_a_draft_takes_no_claims(client: httpx.AsyncClient, setup: Setup) -> None:
    draft = await register(client, setup, "expenditure")
    refused = await client.post(
        f"{BASE}/contracts/{draft['id']}/claims",
        json={"kind": "delay", "raised_by": "us", "reason": "x", "days": 1},
        headers=setup.clerk.headers,
    )
    assert refused.status_code == 409 and refused.json()["errors"][0]["field"] == "contract_id"


# --- alerts -----------------------------------------------------------------------------------


def test_expiry_windows_and_milestone_states_on_fixed_dates() -> None:
    ends = dt.date(2026, 12, 31)
    assert rules.expiry_thresholds_hit(ends, dt.date(2026, 10, 1), [30, 60, 90]) is None  # 91 days left
    assert rules.expiry_thresholds_hit(ends, dt.date(2026, 10, 2), [30, 60, 90]) == 90
    assert rules.expiry_thresholds_hit(ends, dt.date(2026, 10, 2), [30, 60]) is None
    assert rules.expiry_thresholds_hit(ends, dt.date(2026, 12, 1), [30, 60, 90]) == 30
    assert rules.expiry_thresholds_hit(ends, dt.date(2027, 1, 1), [30]) is None  # already ended
    due = dt.date(2026, 9, 10)
    assert rules.milestone_state(due, dt.date(2026, 9, 3), D("1"), 7) == "due"
    assert rules.milestone_state(due, dt.date(2026, 9, 2), D("1"), 7) is None
    assert rules.milestone_state(due, dt.date(2026, 9, 11), D("1"), 7) == "overdue"
    assert rules.milestone_state(due, dt.date(2026, 9, 11), D("0"), 7) is None  # settled


async def test_the_alert_sweep_raises_each_alert_once(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup
) -> None:
    on = TODAY
    contract = await signed(
        client, setup, "income", "300000.00", ends_on=(on + dt.timedelta(days=20)).isoformat()
    )
    for title, due in (("预付款", on - dt.timedelta(days=3)), ("进度款", on + dt.timedelta(days=5))):
        await post_ok(
            client,
            f"{BASE}/contracts/{contract['id']}/milestones",
            {"title": title, "due_on": due.isoformat(), "amount": "1000.00"},
            setup.clerk.headers,
        )
    await post_ok(
        client,
        f"{BASE}/counterparties/{setup.supplier}/qualifications",
        {"kind": "安全生产许可证", "number": "Q-1", "expires_on": (on + dt.timedelta(days=10)).isoformat()},
        setup.headers,
    )
    sessions = make_sessionmaker(app_engine)
    async with in_tenant(sessions, setup.tenant.id, actor="test") as ctx:
        assert await alerts.sweep(ctx, on) == 4
    async with in_tenant(sessions, setup.tenant.id, actor="test") as ctx:
        assert await alerts.sweep(ctx, on) == 0  # dedup: a daily (hourly) sweep raises nothing twice
    raised = (await client.get("/api/v1/alerts", headers=setup.headers)).json()["items"]
    kinds = sorted(a["type"] for a in raised if a["type"].startswith("contracts."))
    assert kinds == [
        "contracts.expiry",
        "contracts.milestone_due",
        "contracts.milestone_overdue",
        "contracts.qualification_expiry",
    ]
    expiry = next(a for a in raised if a["type"] == "contracts.expiry")
    assert expiry["data"]["threshold_days"] == 30 and expiry["href"] == f"/contracts/{contract['id']}"


# --- ledger and dashboard ---------------------------------------------------------------------


async def test_the_dashboard_and_ledger_explain_their_figures(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    income = await signed(
        client, setup, "income", "1000000.00", ends_on=(TODAY + dt.timedelta(days=45)).isoformat()
    )
    await post_ok(
        client, f"{BASE}/contracts/{income['id']}/receipts", {"amount": "400000.00"}, setup.clerk.headers
    )
    usd = await signed(client, setup, "income", "10000.00", currency="USD", exchange_rate="7.10")
    assert usd["status"] == "active"
    await register(client, setup, "expenditure", "50000.00")  # a draft: counted by status, not signed
    board = (await client.get(f"{BASE}/dashboard", headers=setup.headers)).json()
    assert board["receivable"] == {
        "direction": "income",
        "contracts": 2,
        "signed_value": "1071000.00",  # 1,000,000.00 + 10,000.00 x 7.10
        "settled": "400000.00",
        "outstanding": "671000.00",
        "overdue": "0.00",
    }
    assert board["payable"]["contracts"] == 0
    assert [c["number"] for c in board["expiring_60"]] == [income["number"]]
    assert board["formulas"]["outstanding"] == "signed_value - settled"
    drafts = [s for s in board["by_status"] if s["status"] == "draft"]
    assert drafts == [{"direction": "expenditure", "status": "draft", "contracts": 1, "value": "50000.00"}]
    ledger = (
        await client.get(f"{BASE}/ledger?by=counterparty&direction=income", headers=setup.headers)
    ).json()
    assert [(r["label"], r["contracts"], r["value"], r["settled"], r["open"]) for r in ledger["rows"]] == [
        ("上海明辉贸易有限公司", 2, "1071000.00", "400000.00", "671000.00")
    ]
    assert "open = value - settled" in ledger["formula"]
    months = (await client.get(f"{BASE}/ledger?by=month&direction=income", headers=setup.headers)).json()
    assert [r["key"] for r in months["rows"]] == [TODAY.strftime("%Y-%m")]
    bad = await client.get(f"{BASE}/ledger?by=colour", headers=setup.headers)
    assert bad.status_code == 400 or bad.status_code == 422


# --- the customer-risk signal -----------------------------------------------------------------


def test_the_risk_score_adds_the_weights_of_the_reasons_present() -> None:
    weights = rules.risk_weights({"sla_breaches": 30, "nonsense": 99})
    assert weights == {
        "revenue_decline": 40,
        "sla_breaches": 30,
        "overdue_receivables": 25,
        "expiring_without_renewal": 15,
    }
    score, reasons = rules.risk_score(rules.RiskInputs(3, 3, 2, D("100.00"), 1), weights)
    assert score == 100 and [r.code for r in reasons] == list(weights)  # 110, capped
    score, reasons = rules.risk_score(rules.RiskInputs(2, 3, 0, D("0"), 0), weights)
    assert (score, reasons) == (0, [])  # two months of decline is not yet a streak of three


async def test_a_customers_risk_names_its_reasons_and_links(client: httpx.AsyncClient, setup: Setup) -> None:
    contract = await signed(
        client, setup, "income", "200000.00", ends_on=(TODAY + dt.timedelta(days=30)).isoformat()
    )
    await post_ok(
        client,
        f"{BASE}/contracts/{contract['id']}/milestones",
        {"title": "首付款", "due_on": (TODAY - dt.timedelta(days=40)).isoformat(), "amount": "60000.00"},
        setup.clerk.headers,
    )
    risk = (await client.get(f"{BASE}/customer-risk/{setup.account}", headers=setup.headers)).json()
    assert risk["score"] == 40 and risk["formula"].startswith("score = min(100")
    reasons = {r["code"]: r for r in risk["reasons"]}
    assert set(reasons) == {"overdue_receivables", "expiring_without_renewal"}
    assert reasons["overdue_receivables"]["figure"] == "60000.00"
    assert reasons["overdue_receivables"]["links"][0]["href"] == f"/contracts/{contract['id']}"
    assert reasons["expiring_without_renewal"]["weight"] == 15
    # A renewal registered after it takes that reason away; the weights are the tenant's.
    await register(client, setup, "income", "200000.00")
    current = (await client.get(f"{BASE}/settings", headers=setup.headers)).json()
    changed = await client.patch(
        f"{BASE}/settings",
        json={"risk_weights": {"overdue_receivables": 50}},
        headers={**setup.headers, "If-Match": str(current["version"])},
    )
    assert changed.status_code == 200 and changed.json()["risk_weights"]["overdue_receivables"] == 50
    again = (await client.get(f"{BASE}/customer-risk/{setup.account}", headers=setup.headers)).json()
    assert again["score"] == 50 and [r["code"] for r in again["reasons"]] == ["overdue_receivables"]


async def test_a_sandbox_clock_advance_raises_the_expiry_alerts_on_their_days(
    client: httpx.AsyncClient, app_engine: AsyncEngine
) -> None:
    sandbox = await make_sandbox(app_engine)
    s = await build(client, app_engine, sandbox)
    contract = await signed(
        client, s, "income", "1000.00", ends_on=(TODAY + dt.timedelta(days=40)).isoformat()
    )
    moved = await client.post("/api/v1/sandbox/clock/advance", json={"days": 15}, headers=sandbox.headers)
    assert moved.status_code == 200, moved.text
    ran = [r for r in moved.json()["ran"] if r["sweep"] == "contracts.alerts"]
    assert [r["count"] for r in ran] == [1, 1]  # 60 days before the end at once, 30 days before on its day
    raised = (await client.get("/api/v1/alerts", headers=sandbox.headers)).json()["items"]
    thresholds = sorted(a["data"]["threshold_days"] for a in raised if a["type"] == "contracts.expiry")
    assert thresholds == [30, 60]
    assert all(a["target_id"] == contract["id"] for a in raised if a["type"] == "contracts.expiry")


async def test_a_revenue_decline_on_crms_watch_list_is_a_reason(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    months = [
        (TODAY.replace(day=1) - dt.timedelta(days=31 * back)).strftime("%Y-%m") for back in (4, 3, 2, 1)
    ]
    for month, amount in zip(months, ("100.00", "90.00", "80.00", "70.00"), strict=True):
        put = await client.put(
            f"/api/v1/crm/accounts/{setup.account}/revenue/{month}",
            json={"amount": amount},
            headers=setup.headers,
        )
        assert put.status_code == 200, put.text
    risk = (await client.get(f"{BASE}/customer-risk/{setup.account}", headers=setup.headers)).json()
    (reason,) = risk["reasons"]
    assert (reason["code"], reason["weight"], reason["figure"]) == ("revenue_decline", 40, "3")
    assert reason["links"] == [{"label": "上海明辉贸易有限公司", "href": f"/crm/accounts/{setup.account}"}]
    assert "3" in reason["explanation"] and risk["score"] == 40


async def test_sla_breaches_in_the_last_90_days_are_a_reason_linking_the_tickets(
    client: httpx.AsyncClient, app_engine: AsyncEngine
) -> None:
    sandbox = await make_sandbox(app_engine)
    s = await build(client, app_engine, sandbox)
    await create_policy(client, sandbox, HOTLINE_1234)
    ticket = await open_ticket(client, sandbox, s.account, title="3 号楼电梯困人")
    assert (
        await client.post("/api/v1/sandbox/clock/advance", json={"minutes": 21}, headers=sandbox.headers)
    ).status_code == 200
    risk = (await client.get(f"{BASE}/customer-risk/{s.account}", headers=sandbox.headers)).json()
    (reason,) = risk["reasons"]
    assert (reason["code"], reason["figure"], reason["weight"]) == (
        "sla_breaches",
        "2",
        20,
    )  # dispatch and on site
    assert reason["links"] == [{"label": "T-000001", "href": f"/crm/tickets/{ticket['id']}"}]
