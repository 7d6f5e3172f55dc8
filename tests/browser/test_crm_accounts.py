"""Accounts in the browser, as a salesperson would: create an account, add a contact, record a
visit, and see it on the account's timeline; once with the UI in English and once in Chinese
(the Chinese labels of the new pages arrive with the catalog merge, so that run checks the page
language and the user's own data)."""

from __future__ import annotations

import pytest
from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle


@pytest.mark.parametrize("language", ["en", "zh-CN"])
async def test_create_an_account_add_a_contact_and_an_activity_and_see_the_timeline(
    context: BrowserContext, page: Page, tenant_a: TenantHandle, language: str
) -> None:
    page.on("dialog", lambda dialog: dialog.accept())
    await page.goto("/login")
    if language == "en":
        await page.get_by_test_id("switch-language-en").click()
        # The switch reloads the sign-in page: sign in on the new one, not on the old one.
        await expect(page.locator("html")).to_have_attribute("lang", "en")
    await sign_in(page, tenant_a.owner.email)
    await expect(page.locator("html")).to_have_attribute("lang", language)

    await page.goto("/crm/accounts")
    await page.get_by_test_id("new-account").click()
    await page.wait_for_url("**/crm/accounts/new")
    # Saving without a name shows the error next to the field.
    await page.fill("#f-code", "C-001")
    await page.get_by_test_id("create-account-button").click()
    await expect(page.get_by_test_id("error-name")).to_be_visible()
    await page.fill("#f-name", "上海明辉贸易有限公司")
    await page.select_option("#f-kind", "distributor")
    await page.fill("#f-industry", "贸易")
    await page.get_by_test_id("create-account-button").click()
    await page.wait_for_url("**/crm/accounts/*-*")
    await expect(page.get_by_test_id("account-name")).to_contain_text("上海明辉贸易有限公司")
    if language == "en":
        await expect(page.get_by_test_id("account-header")).to_contain_text("Distributor")
        await expect(page.get_by_test_id("timeline-empty")).to_have_text(
            "Nothing has happened with this account yet."
        )

    # The revenue, opportunity and ticket panels load lazily above the contacts: let them settle
    # before clicking, as a person would wait for the page to stop moving.
    await page.wait_for_load_state("networkidle")
    await page.get_by_test_id("add-contact").click()
    contact_form = page.get_by_test_id("add-contact-form")
    await contact_form.locator("input[name=name]").fill("王经理")
    await contact_form.locator("input[name=title]").fill("采购经理")
    await page.get_by_test_id("contact-primary").check()
    await page.get_by_test_id("save-new-contact").click()
    await expect(page.get_by_test_id("contact-row")).to_contain_text("王经理")
    await expect(page.get_by_test_id("primary-contact")).to_be_visible()

    await page.wait_for_load_state("networkidle")
    form = page.get_by_test_id("add-activity-form")
    await form.locator("select[name=kind]").select_option("visit")
    await form.locator("input[name=occurred_at]").fill("2026-11-28T10:30")
    await form.locator("select[name=contact_id]").select_option(label="王经理")
    await form.locator("input[name=subject]").fill("上门拜访：年度框架协议")
    await form.locator("textarea[name=body]").fill("客户同意下周报价")
    await page.get_by_test_id("save-activity").click()
    entry = page.get_by_test_id("timeline-entry").first
    await expect(entry).to_contain_text("上门拜访：年度框架协议")
    await expect(entry).to_contain_text("客户同意下周报价")
    await expect(entry).to_have_attribute("data-kind", "activity")
    if language == "en":
        await expect(entry).to_contain_text("Visit")

    # The list shows the new account and finds it by a name prefix.
    await page.goto("/crm/accounts?q=上海明辉")
    await expect(page.get_by_test_id("account-row")).to_have_count(1)
    await expect(page.get_by_test_id("account-row")).to_contain_text("C-001")
