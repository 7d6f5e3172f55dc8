"""The budgets pages: start a plan, enter forecast sales, compile by ratio and submit it; once
approved, file an expense on a line (refused beyond the budget with its figures), read the
budget-vs-actual analysis with its drill-down, and export it — in English and in zh-CN."""

from __future__ import annotations

import re

import httpx

from tests.modules.budgets.conftest import YEAR, Setup, approve_through, set_mode
from tests.web.test_language_walk import sign_in


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


async def test_compile_approve_spend_and_analyse_through_the_pages(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    await set_mode(client, s, "RENT", "hard")
    await sign_in(client, s.tenant)
    client.headers["Accept-Language"] = "en"
    listing = await client.get("/budgets")
    assert listing.status_code == 200 and 'data-testid="create-plan"' in listing.text
    token = _csrf(listing.text)
    bad = await client.post(
        "/budgets/forecasts", data={"csrf_token": token, "org_unit_id": s.units["SH"], "period": "27"}
    )
    assert bad.status_code == 422 and 'data-testid="error-period"' in bad.text
    saved = await client.post(
        "/budgets/forecasts",
        data={
            "csrf_token": token,
            "org_unit_id": s.units["SH"],
            "period": f"{YEAR}-01",
            "amount": "10,000,000.00",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    made = await client.post(
        "/budgets/plans",
        data={
            "csrf_token": token,
            "title": "上海店 2027",
            "fiscal_year": str(YEAR),
            "org_unit_id": s.units["SH"],
            "granularity": "month",
        },
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    plan_url = made.headers["location"].split("?")[0]
    plan_id = plan_url.rsplit("/", 1)[1]
    compiled = await client.post(f"{plan_url}/compile", data={"csrf_token": token}, follow_redirects=False)
    assert compiled.status_code == 303
    page = await client.get(plan_url)
    assert "forecast sales 10,000,000.00 × 6.5% = 650,000.00" in page.text
    version = re.search(r'name="version" value="(\d+)"', page.text)
    assert version
    submitted = await client.post(
        f"{plan_url}/submit", data={"csrf_token": token, "version": version.group(1)}, follow_redirects=False
    )
    assert submitted.status_code == 303
    await approve_through(client, s, plan_id)
    page = await client.get(plan_url)
    assert 'data-testid="plan-status"' in page.text and 'data-testid="versions-table"' in page.text
    rent = re.search(r'href="/budgets/lines/([0-9a-f-]+)">RENT', page.text)
    assert rent
    line_url = f"/budgets/lines/{rent.group(1)}"
    over = await client.post(
        f"{line_url}/expenses",
        data={"csrf_token": token, "kind": "request", "title": "房租", "amount": "650,000.01"},
    )
    assert over.status_code in (409, 422)
    assert "shortfall 0.01" in over.text and 'data-testid="error-amount"' in over.text
    within = await client.post(
        f"{line_url}/expenses",
        data={"csrf_token": token, "kind": "request", "title": "一月房租", "amount": "650,000.00"},
        follow_redirects=False,
    )
    assert within.status_code == 303, within.text
    expense = await client.get(within.headers["location"])
    expense_url = within.headers["location"].split("?")[0]
    attached = await client.post(
        f"{expense_url}/receipts",
        files={"file": ("发票.txt", "房租发票 2027-01".encode(), "text/plain")},
        headers={"X-CSRF-Token": token},
        follow_redirects=False,
    )
    assert attached.status_code == 303, attached.text
    assert 'data-testid="receipt"' in (await client.get(expense_url)).text
    expense_id = expense_url.rsplit("/", 1)[1]
    listed = (
        await client.get(
            "/api/v1/files",
            params={"document_type": "budgets_expenses", "document_id": expense_id},
            headers=s.headers,
        )
    ).json()["items"]
    assert [f["name"] for f in listed] == ["发票.txt"]
    assert 'data-testid="check-outcome"' in expense.text and "650,000.00" in expense.text
    analysis = await client.get("/budgets/analysis", params={"fiscal_year": YEAR, "group_by": "org_unit"})
    assert analysis.status_code == 200 and "Unit SH" in analysis.text
    drill = await client.get(
        "/budgets/analysis",
        params={"fiscal_year": YEAR, "group_by": "category", "org_unit_id": s.units["SH"]},
    )
    assert line_url in drill.text
    export = await client.get(
        "/budgets/analysis/export", params={"fiscal_year": YEAR, "group_by": "category", "format": "csv"}
    )
    assert export.status_code == 200 and "650000" in export.content.decode("utf-8-sig")
    listed = await client.get("/budgets/expenses", params={"q": "一月", "group": "status", "sort": "-amount"})
    assert listed.status_code == 200 and listed.text.count('data-testid="expense-row"') == 1
    assert 'data-testid="group-row"' in listed.text
    exported = await client.get("/budgets/expenses/export", params={"q": "一月", "format": "csv"})
    assert exported.status_code == 200 and "一月房租" in exported.content.decode("utf-8-sig")
    plans = await client.get("/budgets", params={"group": "status", "sort": "-total"})
    assert plans.status_code == 200 and plans.text.count('data-testid="plan-row"') == 1
    exported_plans = await client.get("/budgets/plans/export", params={"format": "csv"})
    assert exported_plans.status_code == 200 and "上海店 2027" in exported_plans.content.decode("utf-8-sig")
    client.headers["Accept-Language"] = "zh-CN"
    for path in (
        "/budgets",
        plan_url,
        line_url,
        "/budgets/expenses",
        "/budgets/categories",
        "/budgets/analysis",
    ):
        answered = await client.get(path)
        assert answered.status_code == 200, path
    assert "费用预算" in (await client.get("/budgets")).text


def _control_form(html: str, code: str) -> tuple[str, str]:
    """The action and version of a category row's control form (the row of ``code``)."""
    row = re.search(rf'<tr data-testid="category-row" data-code="{re.escape(code)}">(.*?)</tr>', html, re.S)
    assert row, f"no row for {code}"
    action = re.search(r'action="(/budgets/categories/[0-9a-f-]+/control)"', row.group(1))
    version = re.search(r'name="version" value="(\d+)"', row.group(1))
    assert action and version, row.group(1)
    return action.group(1), version.group(1)


async def test_the_categories_page_changes_a_categorys_control_mode_and_check_scope(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    s = setup
    await sign_in(client, s.tenant)
    client.headers["Accept-Language"] = "en"
    listing = await client.get("/budgets/categories")
    assert listing.status_code == 200 and listing.text.count('data-testid="category-control"') == len(
        s.categories
    )
    token = _csrf(listing.text)
    action, version = _control_form(listing.text, "UTILITIES")
    changed = await client.post(
        action,
        data={"csrf_token": token, "version": version, "control_mode": "soft", "check_scope": "both"},
        follow_redirects=False,
    )
    assert changed.status_code == 303, changed.text
    assert changed.headers["location"] == "/budgets/categories?notice=budgets.category.updated"
    saved = (
        await client.get(f"/api/v1/budgets/categories/{s.categories['UTILITIES']}", headers=s.headers)
    ).json()
    assert (saved["control_mode"], saved["check_scope"]) == ("soft", "both")
    page = await client.get("/budgets/categories")
    row = re.search(r'data-code="UTILITIES">(.*?)</tr>', page.text, re.S)
    assert (
        row
        and '<option value="soft" selected>' in row.group(1)
        and '<option value="both" selected>' in row.group(1)
    )

    # The form read before that change is stale: the page says so and shows the saved values.
    stale = await client.post(
        action,
        data={"csrf_token": token, "version": version, "control_mode": "warn", "check_scope": "period"},
    )
    assert stale.status_code == 409 and 'data-testid="form-conflict"' in stale.text
    assert 'data-testid="saved-control_mode" data-field="control_mode" data-theirs="soft"' in stale.text
    assert 'data-testid="saved-check_scope" data-field="check_scope" data-theirs="both"' in stale.text
    wrong = await client.post(
        action,
        data={
            "csrf_token": token,
            "version": str(saved["version"]),
            "control_mode": "strict",
            "check_scope": "period",
        },
    )
    assert wrong.status_code == 422 and 'data-testid="error-control_mode"' in wrong.text
    unchanged = (
        await client.get(f"/api/v1/budgets/categories/{s.categories['UTILITIES']}", headers=s.headers)
    ).json()
    assert (unchanged["control_mode"], unchanged["check_scope"], unchanged["version"]) == (
        "soft",
        "both",
        saved["version"],
    )
    gone = await client.post(
        "/budgets/categories/00000000-0000-0000-0000-000000000000/control",
        data={"csrf_token": token, "version": "1", "control_mode": "soft", "check_scope": "both"},
    )
    assert gone.status_code == 404
