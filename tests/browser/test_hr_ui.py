"""HR in a Chinese-speaking user's browser: define the store manager's position through the
form, write its job description with a duty's four-level standard and submit it, see it approved,
run a job analysis with two raters and read the suggested grade, find the vacancy on the org chart (drawn by ECharts), assign an employee and see it filled;
and the whole flow to an appraisal: define a position, describe it, run a questionnaire, assign
someone, open an appraisal cycle, score their duties and read the weighted roll-up."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.hr.conftest import approve_request, build


async def test_define_describe_approve_and_staff_a_position(
    page: Page,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    make_tenant: Callable[..., Awaitable[TenantHandle]],
) -> None:
    tenant = await make_tenant(modules=["hr"])
    setup = await build(client, app_engine, tenant)
    await sign_in(page, tenant.owner.email)
    await page.goto("/hr/positions")
    await page.click("[data-testid=new-position]")
    form = page.locator("[data-testid=create-position]")
    await form.locator("input[name=code]").fill("store-mgr")
    await form.locator("input[name=title]").fill("店长")
    await form.locator("select[name=category]").select_option("management")
    await form.locator("select[name=org_unit_id]").select_option(setup.store)
    await form.locator("input[name=headcount]").fill("1")
    await form.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("position-title")).to_have_text("店长")
    await expect(page.get_by_test_id("position-vacancies")).to_contain_text("1")

    await page.get_by_test_id("write-description").click()
    duty = page.locator("[data-testid=add-duty]")
    await duty.locator("input[name=content]").fill("完成门店月度销售目标")
    for level, text in (
        ("excellent", "达成率 ≥ 110%"),
        ("good", "100–110%"),
        ("fair", "90–100%"),
        ("poor", "< 90%"),
    ):
        await duty.locator(f"input[name={level}]").fill(text)
    await duty.locator("button[type=submit]").click()
    row = page.get_by_test_id("duty-row")
    await expect(row).to_have_count(1)
    await expect(row).to_contain_text("达成率 ≥ 110%")
    await expect(page.locator("[data-testid=duties-table] thead")).to_contain_text("优")
    description_url = page.url.split("?")[0]
    description_id = description_url.rsplit("/", 1)[1]
    # The owner submits (a person); the HR approver approves through the engine.
    await page.get_by_test_id("submit-description").click()
    await expect(page.get_by_test_id("description-status")).to_have_text("审批中")
    await approve_request(client, setup, description_id)
    await page.goto(description_url)
    await expect(page.get_by_test_id("description-status")).to_contain_text("已批准")

    # A job analysis with two raters suggests the grade from the tenant's points-to-grade table.
    for code, dimension in (("Q1", "interpersonal"), ("Q2", "criticality")):
        await post_ok(
            client,
            "/api/v1/hr/questions",
            {"code": code, "dimension": dimension, "text": f"题目{code}"},
            setup.headers,
        )
    bands = {"bands": [{"min_points": "0", "grade": "S1"}, {"min_points": "30", "grade": "M1"}]}
    assert (await client.put("/api/v1/hr/grade-table", json=bands, headers=setup.headers)).status_code == 200
    await page.get_by_role("link", name="STORE-MGR").first.click()
    await page.locator("#analysis-title").scroll_into_view_if_needed()
    await page.get_by_text("开始职务分析").click()
    start = page.locator("[data-testid=start-analysis]")
    await start.locator("input[name=title]").fill("店长职务分析")
    await start.locator("textarea[name=incumbents]").fill("赵磊")
    await start.locator("textarea[name=managers]").fill("孙丽")
    await start.locator("button[type=submit]").click()
    await expect(page.locator("h1")).to_have_text("店长职务分析")
    for index, (q1, q2) in ((1, ("5", "4")), (2, ("2", "4"))):
        rater = page.get_by_test_id("rater").nth(index - 1)
        await rater.locator("summary").click()
        form = page.get_by_test_id(f"rate-{index}")
        for row, values in ((0, (q1, "4", "4")), (1, (q2, "5", "4"))):
            selects = form.locator("tbody tr").nth(row).locator("select")
            for column, value in enumerate(values):
                await selects.nth(column).select_option(value)
        await form.locator("button[type=submit]").click()
        # The page reloads with the rater's answers recorded before the next rater's turn.
        await expect(page.get_by_test_id("rater").nth(index - 1)).to_contain_text("已于")
    await expect(page.get_by_test_id("suggested-grade")).to_contain_text("M1")
    await expect(page.get_by_test_id("points")).to_contain_text("36.00")
    await expect(page.get_by_test_id("disagreement")).to_have_count(1)
    await expect(page.get_by_test_id("profile-chart")).to_have_attribute("data-rendered", "true")

    await page.goto("/hr/org-chart")
    node = page.locator("[data-testid=org-node][data-code=STORE-MGR]")
    await expect(node.get_by_test_id("vacant")).to_be_visible()
    await expect(page.get_by_test_id("org-chart-graphic")).to_have_attribute("data-rendered", "true")

    await page.goto("/hr/employees")
    create = page.locator("[data-testid=create-employee]")
    await create.locator("input[name=number]").fill("HX-0101")
    await create.locator("input[name=name]").fill("赵磊")
    await create.locator("button[type=submit]").click()
    assign = page.locator("[data-testid=assign]")
    await assign.locator("select[name=position_id]").select_option(label="STORE-MGR 店长")
    await assign.locator("input[name=starts_on]").fill("2023-01-01")
    await assign.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("current-position")).to_contain_text("STORE-MGR 店长")
    await page.goto("/hr/org-chart")
    await expect(node).to_contain_text("赵磊")
    await expect(node.get_by_test_id("vacant")).to_have_count(0)


async def test_define_describe_analyse_and_appraise_a_position(
    page: Page,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    make_tenant: Callable[..., Awaitable[TenantHandle]],
) -> None:
    tenant = await make_tenant(modules=["hr"])
    setup = await build(client, app_engine, tenant)
    await sign_in(page, tenant.owner.email)

    # Define the position.
    await page.goto("/hr/positions/new")
    form = page.locator("[data-testid=create-position]")
    await form.locator("input[name=code]").fill("sales")
    await form.locator("input[name=title]").fill("销售顾问")
    await form.locator("select[name=category]").select_option("sales")
    await form.locator("select[name=org_unit_id]").select_option(setup.store)
    await form.locator("input[name=headcount]").fill("3")
    await form.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("position-title")).to_have_text("销售顾问")
    position_url = page.url.split("?")[0]

    # Write its description: two weighted duties with their four-level standards, approved.
    await page.get_by_test_id("write-description").click()
    await expect(page.get_by_test_id("description-status")).to_be_visible()
    for index, (content, levels, weight) in enumerate(
        (
            ("完成个人月度销售目标", ("≥ 110%", "100–110%", "90–100%", "< 90%"), "60"),
            ("商品陈列与补货", ("零缺货", "≤ 2 次", "≤ 5 次", "> 5 次"), "40"),
        )
    ):
        duty = page.locator("[data-testid=add-duty]")
        if index:  # the form folds away once the description has a duty
            await page.locator("details", has=duty).locator("summary").click()
        await duty.locator("input[name=content]").fill(content)
        for level, text in zip(("excellent", "good", "fair", "poor"), levels, strict=True):
            await duty.locator(f"input[name={level}]").fill(text)
        await duty.locator("input[name=weight]").fill(weight)
        await duty.locator("button[type=submit]").click()
        await expect(page.get_by_test_id("duty-row").last).to_contain_text(content)
    await expect(page.get_by_test_id("duty-row")).to_have_count(2)
    description_id = page.url.split("?")[0].rsplit("/", 1)[1]
    await page.get_by_test_id("submit-description").click()
    await expect(page.get_by_test_id("description-status")).to_have_text("审批中")
    await approve_request(client, setup, description_id)

    # Run a questionnaire: one incumbent answers, the points appear.
    await post_ok(
        client,
        "/api/v1/hr/questions",
        {"code": "Q1", "dimension": "interpersonal", "text": "接待顾客"},
        setup.headers,
    )
    await page.goto(position_url)
    await page.locator("#analysis-title").scroll_into_view_if_needed()
    await page.get_by_text("开始职务分析").click()
    start = page.locator("[data-testid=start-analysis]")
    await start.locator("input[name=title]").fill("销售顾问职务分析")
    await start.locator("textarea[name=incumbents]").fill("钱多")
    await start.locator("button[type=submit]").click()
    await expect(page.locator("h1")).to_have_text("销售顾问职务分析")
    await page.get_by_test_id("rater").first.locator("summary").click()
    selects = page.get_by_test_id("rate-1").locator("tbody tr").first.locator("select")
    for column, value in enumerate(("4", "4", "3")):
        await selects.nth(column).select_option(value)
    await page.get_by_test_id("rate-1").locator("button[type=submit]").click()
    await expect(page.get_by_test_id("points")).to_contain_text("12.00")

    # Assign an employee to it.
    await page.goto("/hr/employees")
    create = page.locator("[data-testid=create-employee]")
    await create.locator("input[name=number]").fill("HX-0103")
    await create.locator("input[name=name]").fill("钱多")
    await create.locator("button[type=submit]").click()
    assign = page.locator("[data-testid=assign]")
    await assign.locator("select[name=position_id]").select_option(label="SALES 销售顾问")
    await assign.locator("input[name=starts_on]").fill("2024-03-01")
    await assign.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("current-position")).to_contain_text("SALES 销售顾问")

    # Appraise them: start and open a cycle of the store, score both duties as HR.
    await page.goto("/hr/appraisal-cycles")
    cycle = page.locator("[data-testid=create-cycle]")
    await cycle.locator("input[name=name]").fill("2026 下半年考核")
    await cycle.locator("input[name=starts_on]").fill("2026-07-01")
    await cycle.locator("input[name=ends_on]").fill("2026-12-31")
    await cycle.locator("select[name=org_unit_id]").select_option(setup.store)
    await cycle.locator("button[type=submit]").click()
    await expect(page.get_by_test_id("scope")).to_contain_text("钱多")
    await page.get_by_test_id("move-open").click()
    await expect(page.get_by_test_id("cycle-status")).to_have_text("评分中")
    await page.get_by_test_id("appraisal-row").filter(has_text="钱多").get_by_role("link").click()
    scores = page.get_by_test_id("manager-form")
    duties = scores.get_by_test_id("score-duty")
    await expect(duties).to_have_count(2)
    await duties.nth(0).locator("select").select_option("good")
    await duties.nth(1).locator("select").select_option("excellent")
    await duties.nth(1).locator("input").fill("陈列整齐")
    await scores.locator("button[type=submit]").click()
    # (60 × 85 + 40 × 100) / 100 = 91.00, nearest level good; the formula shows the inputs.
    await expect(page.get_by_test_id("manager-rollup")).to_contain_text("91.00")
    await expect(page.get_by_test_id("manager-rollup-formula")).to_contain_text(
        "(60.00 × 85.00 + 40.00 × 100.00) / 100.00"
    )
    await expect(page.get_by_test_id("manager-level").nth(1)).to_contain_text("陈列整齐")
    await expect(page.get_by_test_id("result-level")).not_to_have_text("—")
