"""The opportunities list on the kernel list component, as a sales manager uses it: sort by amount,
group by stage with each stage's amount and expected value subtotals, and hand two deals to a
salesperson in bulk; a salesperson sees a selection box only on deals they may change."""

from __future__ import annotations

from decimal import Decimal

import httpx
from bizsuite.core.identity.models import Role
from bizsuite.modules.crm.pipeline import rules
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user, sign_in
from tests.conftest import TenantHandle
from tests.modules.crm.conftest import create_opportunity, make_account, stage_named, stages


async def test_sort_group_with_subtotals_and_bulk_assign_the_opportunities_list(
    page: Page, client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a, name="上海明辉贸易有限公司")
    seller = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    items = await stages(client, tenant_a)
    quote, lead = stage_named(items, "方案报价"), stage_named(items, "线索")
    for name, amount, stage in (
        ("一期改造", "100000.00", quote),
        ("二期扩容", "20000.00", quote),
        ("维保续约", "5000.00", lead),
    ):
        await create_opportunity(client, tenant_a, account, name=name, amount=amount, stage_id=stage["id"])
    await page.goto("/login")
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/pipeline/opportunities")
    rows = page.get_by_test_id("opportunity-row")
    await expect(rows).to_have_count(3)
    await expect(page.get_by_test_id("list-range")).to_contain_text("3")

    # Sort by amount: ascending, then descending.
    await page.get_by_test_id("sort-amount").click()
    await expect(rows.first).to_contain_text("维保续约")
    await expect(page.locator("th[aria-sort=ascending]").get_by_test_id("sort-amount")).to_be_visible()
    await page.get_by_test_id("sort-amount").click()
    await expect(rows.first).to_contain_text("一期改造")
    await expect(page.locator("th[aria-sort=descending]").get_by_test_id("sort-amount")).to_be_visible()

    # Group by stage: the quote stage's row adds up its two deals and their expected values.
    await page.get_by_test_id("group-by").select_option("stage")
    groups = page.get_by_test_id("group-row")
    await expect(groups).to_have_count(2)
    quoted = groups.filter(has_text="方案报价")
    await expect(quoted.get_by_test_id("group-count")).to_contain_text("2")
    await expect(quoted.get_by_test_id("group-sum-amount")).to_contain_text("120,000.00")
    weighted = rules.weighted_value(Decimal("120000.00"), quote["probability"])
    await expect(quoted.get_by_test_id("group-sum-weighted_amount")).to_contain_text(f"{weighted:,.2f}")
    await expect(page.get_by_test_id("group-sum-note")).to_be_visible()

    # Hand the two quoted deals to the salesperson.
    await page.get_by_test_id("group-by").select_option("")
    await expect(groups).to_have_count(0)
    for name in ("一期改造", "二期扩容"):
        await rows.filter(has_text=name).get_by_test_id("select-row").check()
    await expect(page.get_by_test_id("bulk-assign")).to_be_enabled()
    await page.get_by_test_id("bulk-owner").select_option(str(seller.id))
    await page.get_by_test_id("bulk-assign").click()
    await page.wait_for_url("**notice=opportunity.bulk_assign*")
    await expect(page.get_by_test_id("opportunity-owner").filter(has_text=seller.name)).to_have_count(2)

    # The salesperson may select only their own deals.
    await page.context.clear_cookies()
    await page.goto("/login")
    await sign_in(page, seller.email)
    await page.goto("/crm/pipeline/opportunities")
    await expect(rows).to_have_count(3)
    await expect(page.locator('[data-may-change="yes"]')).to_have_count(2)
    await expect(rows.filter(has_text="维保续约").get_by_test_id("select-row")).to_have_count(0)
