"""Budgets through the API as a store's clerk, its approvers and finance would use it: compile
next year's budget from forecast sales by ratio, approve it, spend under each control mode at
the boundary, advance then reimburse, transfer budget, explain an overrun, read the analysis."""

from __future__ import annotations

from decimal import Decimal

import httpx

from tests.core.approvals.conftest import post_ok
from tests.modules.budgets.conftest import (
    BASE,
    YEAR,
    Setup,
    approve_through,
    approved_plan,
    line,
    line_of,
    pay,
    request_of,
    set_mode,
    spend,
)


async def test_a_store_compiles_next_years_budget_from_forecast_sales_by_ratio(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    forecast = await post_ok(
        client,
        f"{BASE}/forecasts",
        {"org_unit_id": s.units["SH"], "period": f"{YEAR}-01", "amount": "10000000"},
        s["clerk"].headers,
    )
    assert forecast["amount"] == "10000000.00"
    plan = await post_ok(
        client,
        f"{BASE}/plans",
        {"title": "上海店 2027", "fiscal_year": YEAR, "org_unit_id": s.units["SH"]},
        s["clerk"].headers,
    )
    twice = await client.post(
        f"{BASE}/plans",
        json={"title": "again", "fiscal_year": YEAR, "org_unit_id": s.units["SH"]},
        headers=s["clerk"].headers,
    )
    assert twice.status_code == 409 and twice.json()["errors"][0]["field"] == "fiscal_year"
    compiled = await post_ok(client, f"{BASE}/plans/{plan['id']}/compile", {}, s["clerk"].headers)
    rent = line_of(compiled, s, "RENT", f"{YEAR}-01")
    assert (rent["amount"], rent["method"], rent["base"], rent["percent"]) == (
        "650000.00",
        "ratio",
        "10000000.00",
        "6.5000",
    )
    assert rent["formula"] == "forecast sales 10,000,000.00 × 6.5% = 650,000.00"
    assert {line["period"] for line in compiled["lines"]} == {f"{YEAR}-01"}
    # Advertising's 2 % is all in its split; controllable keeps 3.5 - 0.3 - 0.7 = 2.5 % itself.
    assert len(compiled["lines"]) == 12
    controllable = line_of(compiled, s, "CONTROLLABLE", f"{YEAR}-01")
    assert controllable["formula"] == "forecast sales 10,000,000.00 × 2.5% = 250,000.00"
    assert compiled["plan"]["total"] == "2860000.00"  # 3 + 6.5 + 13 + 2 + 3.5 + 0.2 + 0.4 = 28.6 %
    missing = await client.post(
        f"{BASE}/plans/{plan['id']}/lines",
        json={"category_id": s.categories["RENT"], "period": f"{YEAR}-02", "method": "ratio"},
        headers=s["clerk"].headers,
    )
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "period"
    incremental = await post_ok(
        client,
        f"{BASE}/plans/{plan['id']}/lines",
        {
            "category_id": s.categories["HOSPITALITY"],
            "period": f"{YEAR}-02",
            "method": "incremental",
            "base": "20000",
            "percent": "5",
        },
        s["clerk"].headers,
    )
    assert incremental["amount"] == "21000.00"
    assert incremental["formula"] == "last year's actual 20,000.00 × (1 + 5%) = 21,000.00"
    bad_period = await client.post(
        f"{BASE}/plans/{plan['id']}/lines",
        json={"category_id": s.categories["RENT"], "period": f"{YEAR}-Q1", "method": "fixed", "amount": "1"},
        headers=s["clerk"].headers,
    )
    assert bad_period.status_code == 422 and bad_period.json()["errors"][0]["field"] == "period"
    current = (await client.get(f"{BASE}/plans/{plan['id']}", headers=s.headers)).json()["plan"]
    submitted = await client.post(
        f"{BASE}/plans/{plan['id']}/submit",
        headers={**s["clerk"].headers, "If-Match": str(current["version"])},
    )
    assert submitted.status_code == 200 and submitted.json()["status"] == "in_approval"
    request = await request_of(client, s, plan["id"])
    assert request["current_approver_id"] == s["gm"].id
    await approve_through(client, s, plan["id"])
    detail = (await client.get(f"{BASE}/plans/{plan['id']}", headers=s.headers)).json()
    assert (detail["plan"]["status"], detail["plan"]["revision"]) == ("approved", 1)
    assert [v["revision"] for v in detail["versions"]] == [1]
    assert Decimal(detail["versions"][0]["total"]) == Decimal(detail["plan"]["total"])
    locked = await client.post(
        f"{BASE}/plans/{plan['id']}/lines",
        json={"category_id": s.categories["RENT"], "period": f"{YEAR}-01", "method": "fixed", "amount": "1"},
        headers=s["clerk"].headers,
    )
    assert locked.status_code == 409  # an approved line changes through an adjustment


async def test_hard_control_allows_the_last_cent_and_refuses_one_more_naming_the_figures(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    plan = await approved_plan(client, s, [("UTILITIES", f"{YEAR}-01", "1000.00")])
    line_id = line_of(plan, s, "UTILITIES", f"{YEAR}-01")["id"]
    first = await spend(client, s, line_id, "600.00")
    assert first.status_code == 201, first.text
    await approve_through(client, s, first.json()["id"])
    exact = await spend(client, s, line_id, "400.00")
    assert exact.status_code == 201, exact.text
    assert exact.json()["control"]["outcome"] == "within"
    over = await spend(client, s, line_id, "0.01")
    assert over.status_code == 409
    problem = over.json()
    assert problem["errors"][0]["field"] == "amount"
    assert problem["detail"] == (
        f"Over budget (hard control) on UTILITIES 水电费 {YEAR}-01: budget 1,000.00, committed 1,000.00, "
        "actual 0.00, requested 0.01, available 0.00, shortfall 0.01."
    )
    figures = await line(client, s, line_id)
    assert (figures["pending"], figures["committed"], figures["actual"], figures["available"]) == (
        "400.00",
        "600.00",
        "0.00",
        "0.00",
    )


async def test_soft_control_routes_the_overrun_through_the_special_approval(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    await set_mode(client, s, "ASSET-UPKEEP", "soft")
    plan = await approved_plan(client, s, [("ASSET-UPKEEP", f"{YEAR}-01", "500.00")])
    line_id = line_of(plan, s, "ASSET-UPKEEP", f"{YEAR}-01")["id"]
    within = await spend(client, s, line_id, "500.00")
    assert within.status_code == 201
    ordinary = await request_of(client, s, within.json()["id"])
    assert ordinary["category"] is None
    assert ordinary["current_approver_id"] == s["store"].id  # the store flow: store → region → operations
    over = await spend(client, s, line_id, "0.01")
    assert over.status_code == 201, over.text
    expense = over.json()
    assert expense["over_budget"] is True and expense["control"]["outcome"] == "special_approval"
    special = await request_of(client, s, expense["id"])
    assert special["category"] == "over_budget"
    assert special["current_approver_id"] == s["region"].id  # department head skipped: none at a store
    done = await approve_through(client, s, expense["id"])
    assert done["status"] == "approved"
    approved = (await client.get(f"{BASE}/expenses/{expense['id']}", headers=s.headers)).json()
    assert (approved["status"], approved["committed"]) == ("approved", "0.01")
    alerts = (await client.get("/api/v1/alerts", headers=s["finance"].headers)).json()["items"]
    assert any(a["type"] == "budgets.overrun" and "0.01" in a["title"] for a in alerts)


async def test_warn_control_records_the_overrun_with_a_warning_and_off_only_records(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    await set_mode(client, s, "HOSPITALITY", "warn")
    await set_mode(client, s, "STORE-OFFICE", "off")
    plan = await approved_plan(
        client, s, [("HOSPITALITY", f"{YEAR}-01", "100.00"), ("STORE-OFFICE", f"{YEAR}-01", "100.00")]
    )
    warned = await spend(client, s, line_of(plan, s, "HOSPITALITY", f"{YEAR}-01")["id"], "100.01")
    assert warned.status_code == 201
    assert warned.json()["warning"] == "Over budget by 0.01 (warn control): recorded with this warning."
    assert warned.json()["over_budget"] is True
    assert (await request_of(client, s, warned.json()["id"]))["category"] is None
    equal = await spend(client, s, line_of(plan, s, "STORE-OFFICE", f"{YEAR}-01")["id"], "100.00")
    off = await spend(client, s, line_of(plan, s, "STORE-OFFICE", f"{YEAR}-01")["id"], "500.00")
    assert equal.status_code == off.status_code == 201
    assert (off.json()["warning"], off.json()["over_budget"], off.json()["control"]["outcome"]) == (
        None,
        False,
        "off",
    )


async def test_cumulative_control_lets_a_month_use_what_earlier_months_left(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    await set_mode(client, s, "UTILITIES", "hard", "cumulative")
    await set_mode(client, s, "OPERATING", "hard", "period")
    plan = await approved_plan(
        client,
        s,
        [(code, f"{YEAR}-{m:02d}", "100.00") for code in ("UTILITIES", "OPERATING") for m in (1, 2)],
    )
    cumulative = await spend(client, s, line_of(plan, s, "UTILITIES", f"{YEAR}-02")["id"], "200.00")
    assert cumulative.status_code == 201, cumulative.text
    assert cumulative.json()["control"]["basis"] == "cumulative"
    per_period = await spend(client, s, line_of(plan, s, "OPERATING", f"{YEAR}-02")["id"], "200.00")
    assert per_period.status_code == 409
    assert "shortfall 100.00" in per_period.json()["detail"]
    # Operating expenses go through finance and the general manager (category ``operating``).
    await set_mode(client, s, "OPERATING", "hard")


async def test_an_advance_settled_by_a_reimbursement_moves_committed_to_actual_without_double_counting(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    plan = await approved_plan(client, s, [("AD-EVENTS", f"{YEAR}-01", "10000.00")])
    line_id = line_of(plan, s, "AD-EVENTS", f"{YEAR}-01")["id"]
    advance = (await spend(client, s, line_id, "5000.00", kind="advance")).json()
    early = await spend(client, s, line_id, "4800.00", kind="reimbursement", advance_id=advance["id"])
    assert early.status_code == 409 and early.json()["errors"][0]["field"] == "advance_id"
    await approve_through(client, s, advance["id"])
    current = (await client.get(f"{BASE}/expenses/{advance['id']}", headers=s.headers)).json()
    paid = await client.post(
        f"{BASE}/expenses/{advance['id']}/pay",
        json={},
        headers={**s["finance"].headers, "If-Match": str(current["version"])},
    )
    assert paid.status_code == 200 and paid.json()["status"] == "paid"
    assert (await line(client, s, line_id))["committed"] == "5000.00"
    reimbursement = await spend(client, s, line_id, "4800.00", kind="reimbursement", advance_id=advance["id"])
    assert reimbursement.status_code == 201, reimbursement.text
    assert (reimbursement.json()["covered"], reimbursement.json()["pending"]) == ("4800.00", "0.00")
    figures = await line(client, s, line_id)
    assert (figures["pending"], figures["committed"], figures["actual"]) == ("0.00", "5000.00", "0.00")
    await approve_through(client, s, reimbursement.json()["id"])
    current = (await client.get(f"{BASE}/expenses/{reimbursement.json()['id']}", headers=s.headers)).json()
    settled = await client.post(
        f"{BASE}/expenses/{current['id']}/pay",
        json={"paid_on": f"{YEAR}-01-20"},
        headers={**s["finance"].headers, "If-Match": str(current["version"])},
    )
    assert settled.status_code == 200, settled.text
    figures = await line(client, s, line_id)
    assert (figures["pending"], figures["committed"], figures["actual"], figures["available"]) == (
        "0.00",
        "0.00",
        "4800.00",
        "5200.00",
    )
    assert (await client.get(f"{BASE}/expenses/{advance['id']}", headers=s.headers)).json()[
        "status"
    ] == "settled"


async def test_a_transfer_between_lines_is_approved_versioned_and_kept_in_each_lines_history(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    plan = await approved_plan(
        client, s, [("RENT", f"{YEAR}-01", "1000.00"), ("UTILITIES", f"{YEAR}-01", "200.00")]
    )
    rent = line_of(plan, s, "RENT", f"{YEAR}-01")["id"]
    utilities = line_of(plan, s, "UTILITIES", f"{YEAR}-01")["id"]
    await spend(client, s, rent, "900.00")
    too_much = await client.post(
        f"{BASE}/adjustments",
        json={
            "kind": "transfer",
            "from_line_id": rent,
            "to_line_id": utilities,
            "amount": "100.01",
            "reason": "x",
        },
        headers=s["clerk"].headers,
    )
    assert too_much.status_code == 409 and too_much.json()["errors"][0]["field"] == "amount"
    transfer = await post_ok(
        client,
        f"{BASE}/adjustments",
        {
            "kind": "transfer",
            "from_line_id": rent,
            "to_line_id": utilities,
            "amount": "100.00",
            "reason": "空调维修",
        },
        s["clerk"].headers,
    )
    assert transfer["status"] == "in_approval"
    assert (await line(client, s, utilities))["amount"] == "200.00"
    await approve_through(client, s, transfer["id"])
    increase = await post_ok(
        client,
        f"{BASE}/adjustments",
        {"kind": "increase", "to_line_id": utilities, "amount": "50.00", "reason": "电价上调"},
        s["clerk"].headers,
    )
    await approve_through(client, s, increase["id"])
    detail = (await client.get(f"{BASE}/plans/{plan['plan']['id']}", headers=s.headers)).json()
    assert detail["plan"]["revision"] == 3
    assert [(v["revision"], v["total"]) for v in detail["versions"]] == [
        (3, "1250.00"),
        (2, "1200.00"),
        (1, "1200.00"),
    ]
    history = (await client.get(f"{BASE}/lines/{utilities}", headers=s.headers)).json()["history"]
    assert [(h["revision"], h["before"], h["after"], h["delta"]) for h in history] == [
        (1, "0.00", "200.00", "200.00"),
        (2, "200.00", "300.00", "100.00"),
        (3, "300.00", "350.00", "50.00"),
    ]
    assert (await line(client, s, rent))["amount"] == "900.00"
    listed = (await client.get(f"{BASE}/plans/{plan['plan']['id']}/adjustments", headers=s.headers)).json()
    assert [a["revision"] for a in listed["items"]] == [3, 2]


async def test_an_over_budget_line_of_an_ended_month_needs_a_written_explanation(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    await set_mode(client, s, "HOSPITALITY", "warn")
    plan = await post_ok(
        client,
        f"{BASE}/plans",
        {"title": "last year", "fiscal_year": 2026, "org_unit_id": s.units["SH"]},
        s["clerk"].headers,
    )
    made = await post_ok(
        client,
        f"{BASE}/plans/{plan['id']}/lines",
        {
            "category_id": s.categories["HOSPITALITY"],
            "period": "2026-01",
            "method": "fixed",
            "amount": "100.00",
        },
        s["clerk"].headers,
    )
    await client.post(f"{BASE}/plans/{plan['id']}/submit", headers={**s["clerk"].headers, "If-Match": "1"})
    await approve_through(client, s, plan["id"])
    not_over = await client.post(
        f"{BASE}/lines/{made['id']}/explanation", json={"explanation": "x"}, headers=s.headers
    )
    assert not_over.status_code == 409
    await spend(client, s, made["id"], "150.00")
    due = await line(client, s, made["id"])
    assert (due["over"], due["explanation_due"]) == (True, True)
    explained = await client.post(
        f"{BASE}/lines/{made['id']}/explanation",
        json={"explanation": "春节客户接待增加"},
        headers=s["clerk"].headers,
    )
    assert explained.status_code == 200
    assert (explained.json()["explanation"], explained.json()["explanation_due"]) == (
        "春节客户接待增加",
        False,
    )


async def test_the_analysis_shows_budget_committed_actual_variance_and_share_used(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    plan = await approved_plan(
        client, s, [("RENT", f"{YEAR}-01", "1000.00"), ("RENT", f"{YEAR}-02", "1000.00")]
    )
    paid = (await spend(client, s, line_of(plan, s, "RENT", f"{YEAR}-01")["id"], "600.00")).json()
    await approve_through(client, s, paid["id"])
    await spend(client, s, line_of(plan, s, "RENT", f"{YEAR}-02")["id"], "300.00")
    report = (
        await client.get(
            f"{BASE}/analysis", params={"fiscal_year": YEAR, "group_by": "period"}, headers=s.headers
        )
    ).json()
    assert [
        (r["key"], r["budget"], r["pending"], r["committed"], r["variance"], r["used_pct"])
        for r in report["rows"]
    ] == [
        (f"{YEAR}-01", "1000.00", "0.00", "600.00", "400.00", "60.00"),
        (f"{YEAR}-02", "1000.00", "300.00", "0.00", "700.00", "30.00"),
    ]
    assert (report["total"]["budget"], report["total"]["used"], report["total"]["used_pct"]) == (
        "2000.00",
        "900.00",
        "45.00",
    )
    assert report["formula"].startswith("used = committed + actual")
    by_unit = (
        await client.get(
            f"{BASE}/analysis", params={"fiscal_year": YEAR, "group_by": "org_unit"}, headers=s.headers
        )
    ).json()
    assert [(r["key"], r["label"]) for r in by_unit["rows"]] == [(s.units["SH"], "Unit SH")]
    quarter = (
        await client.get(
            f"{BASE}/analysis",
            params={"fiscal_year": YEAR, "group_by": "quarter", "category_id": s.categories["RENT"]},
            headers=s.headers,
        )
    ).json()
    assert [(r["key"], r["used"]) for r in quarter["rows"]] == [(f"{YEAR}-Q1", "900.00")]


async def test_next_months_budget_is_submitted_to_an_approved_plan_and_approved_as_an_increase(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    plan = await approved_plan(client, s, [("RENT", f"{YEAR}-01", "1000.00")])
    plan_id = plan["plan"]["id"]
    february = await post_ok(
        client,
        f"{BASE}/plans/{plan_id}/lines",
        {"category_id": s.categories["RENT"], "period": f"{YEAR}-02", "method": "fixed", "amount": "1100.00"},
        s["clerk"].headers,
    )
    assert (february["amount"], february["compiled_amount"]) == ("0.00", "1100.00")
    again = await client.post(
        f"{BASE}/plans/{plan_id}/lines",
        json={
            "category_id": s.categories["RENT"],
            "period": f"{YEAR}-01",
            "method": "fixed",
            "amount": "1.00",
        },
        headers=s["clerk"].headers,
    )
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "period"
    (increase,) = (await client.get(f"{BASE}/plans/{plan_id}/adjustments", headers=s.headers)).json()["items"]
    assert (increase["kind"], increase["amount"], increase["to_line_id"]) == (
        "increase",
        "1100.00",
        february["id"],
    )
    request = await request_of(client, s, increase["id"])
    assert request["current_approver_id"] == s["gm"].id
    await approve_through(client, s, increase["id"])
    assert (await line(client, s, february["id"]))["amount"] == "1100.00"
    detail = (await client.get(f"{BASE}/plans/{plan_id}", headers=s.headers)).json()
    assert (detail["plan"]["revision"], detail["plan"]["total"]) == (2, "2100.00")


async def test_an_incremental_line_takes_last_years_paid_expenses_as_its_base_when_none_is_typed(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    last = await approved_plan(
        client,
        s,
        [("RENT", "2026-01", "2000.00"), ("RENT", "2026-02", "2000.00"), ("UTILITIES", "2026-01", "500.00")],
        year=2026,
    )
    january = line_of(last, s, "RENT", "2026-01")["id"]
    request = (await spend(client, s, january, "600.00")).json()
    advance = (await spend(client, s, january, "500.00", kind="advance")).json()
    waiting = (await spend(client, s, january, "300.00")).json()  # approved, never paid: not actual
    for expense in (request, advance, waiting):
        await approve_through(client, s, expense["id"])
    await pay(client, s, request["id"])
    await pay(client, s, advance["id"])  # paid out: committed until its reimbursement is paid
    settling = (
        await spend(client, s, january, "400.00", kind="reimbursement", advance_id=advance["id"])
    ).json()
    await approve_through(client, s, settling["id"])
    await pay(client, s, settling["id"])
    utilities = (await spend(client, s, line_of(last, s, "UTILITIES", "2026-01")["id"], "450.00")).json()
    await approve_through(client, s, utilities["id"])
    await pay(client, s, utilities["id"])

    plan = await post_ok(
        client,
        f"{BASE}/plans",
        {"title": "上海店 2027", "fiscal_year": YEAR, "org_unit_id": s.units["SH"]},
        s["clerk"].headers,
    )
    rent = await post_ok(
        client,
        f"{BASE}/plans/{plan['id']}/lines",
        {
            "category_id": s.categories["RENT"],
            "period": f"{YEAR}-01",
            "method": "incremental",
            "percent": "5",
        },
        s["clerk"].headers,
    )
    # 600.00 paid + 400.00 reimbursed (the advance it settled counts nothing); 300.00 is unpaid.
    assert (rent["base"], rent["amount"]) == ("1000.00", "1050.00")
    assert rent["formula"] == (
        "last year's actual 1,000.00 (paid in 2026-01: 2 expenses) × (1 + 5%) = 1,050.00"
    )
    typed = await post_ok(
        client,
        f"{BASE}/plans/{plan['id']}/lines",
        {
            "category_id": s.categories["UTILITIES"],
            "period": f"{YEAR}-01",
            "method": "incremental",
            "percent": "-10",
            "base": "500",
        },
        s["clerk"].headers,
    )
    assert typed["formula"] == "last year's actual 500.00 × (1 - 10%) = 450.00"
    nothing_paid = await client.post(
        f"{BASE}/plans/{plan['id']}/lines",
        json={
            "category_id": s.categories["RENT"],
            "period": f"{YEAR}-02",
            "method": "incremental",
            "percent": "5",
        },
        headers=s["clerk"].headers,
    )
    assert nothing_paid.status_code == 422
    assert nothing_paid.json()["errors"][0] == {
        "field": "base",
        "message": "nothing of RENT was paid at this cost centre in 2026-02: enter last year's actual (base)",
        "source": "body",
    }
