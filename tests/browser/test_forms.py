"""Forms in a real browser: every error at once with focus on the first, a displayed amount
accepted, a picker found by pinyin, the edit conflict's choices, and the unsaved-changes warning."""

from __future__ import annotations

import asyncio
import re

import httpx
from playwright.async_api import Dialog, Page, expect

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle


async def _accounts(live_server: str, tenant: TenantHandle) -> dict[str, dict[str, object]]:
    made = {}
    async with httpx.AsyncClient(timeout=60, base_url=live_server, headers=tenant.headers) as api:
        for code, name in (
            ("C-101", "张家港物流"),
            ("C-102", "上海明辉贸易有限公司"),
            ("C-103", "Acme Trading"),
        ):
            answer = await api.post("/api/v1/crm/accounts", json={"code": code, "name": name})
            assert answer.status_code == 201, answer.text
            made[code] = answer.json()
    return made


async def test_every_error_at_once_then_a_displayed_amount_and_a_pinyin_pick_save(
    page: Page, live_server: str, tenant_a: TenantHandle
) -> None:
    await _accounts(live_server, tenant_a)
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/pipeline/opportunities/new")
    form = page.get_by_test_id("opportunity-form")
    await form.get_by_label("金额").fill("1,20")
    await page.get_by_test_id("save-opportunity").click()
    summary = page.get_by_test_id("error-summary")
    await expect(summary).to_be_visible()
    links = summary.locator("a")
    assert await links.count() >= 3  # account, name and amount, all at once
    await expect(page.get_by_test_id("error-name")).to_be_visible()
    await expect(page.get_by_test_id("error-amount")).to_be_visible()
    await expect(form.locator("[aria-invalid=true]").first).to_be_focused()
    # A summary link labels its field and takes the user there.
    amount_link = summary.locator("a[data-field=amount]")
    await expect(amount_link).to_contain_text("金额")
    await amount_link.click()
    await expect(form.locator("[name=amount]")).to_be_focused()
    await expect(form.locator("[name=amount]")).to_have_value("1,20")

    # The picker finds 张家港物流 by its initials, and the amount is typed as the app shows amounts.
    picker = page.get_by_test_id("picker-account_id")
    await picker.locator("[data-picker-filter]").fill("zjg")
    await expect(picker.locator("select")).to_have_value(re.compile(r"[0-9a-f-]{36}"))
    await expect(picker.locator("select option:checked")).to_contain_text("张家港物流")
    await form.locator("[name=name]").fill("年度框架协议")
    await form.locator("[name=amount]").fill("¥1,200,000.50")
    await page.get_by_test_id("save-opportunity").click()
    await page.wait_for_url(re.compile(r"/crm/pipeline/opportunities/[0-9a-f-]{36}"))
    await expect(page.get_by_test_id("opportunity-form").locator("[name=amount]")).to_have_value(
        re.compile(r"^1,?200,?000\.50$")
    )


async def test_a_conflict_keeps_my_typing_and_lets_me_take_theirs_or_keep_mine(
    page: Page, live_server: str, tenant_a: TenantHandle
) -> None:
    accounts = await _accounts(live_server, tenant_a)
    account = accounts["C-102"]
    await sign_in(page, tenant_a.owner.email)
    await page.goto(f"/crm/accounts/{account['id']}")
    await page.get_by_test_id("edit-account").click()
    form = page.get_by_test_id("edit-account-form")
    # Someone else saves first.
    async with httpx.AsyncClient(timeout=60, base_url=live_server, headers=tenant_a.headers) as api:
        changed = await api.patch(
            f"/api/v1/crm/accounts/{account['id']}",
            json={"name": "明辉国际"},
            headers={"If-Match": str(account["version"])},
        )
        assert changed.status_code == 200
    await form.locator("[name=name]").fill("明辉贸易（新）")
    await page.get_by_test_id("save-account").click()
    conflict = page.get_by_test_id("form-conflict")
    await expect(conflict).to_be_visible()
    colour = await conflict.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(255, 244, 224)", colour  # the warning colour, not the success green
    note = page.get_by_test_id("saved-name")
    await expect(note).to_contain_text("明辉国际")
    await expect(note).to_contain_text("明辉贸易（新）")
    form = page.get_by_test_id("edit-account-form")
    await expect(form.locator("[name=name]")).to_have_value("明辉贸易（新）")
    # Take theirs: the saved value comes back into the field.
    await page.get_by_test_id("take-theirs").click()
    await expect(form.locator("[name=name]")).to_have_value("明辉国际")
    await expect(page.get_by_test_id("form-conflict")).to_have_count(0)
    # ...or keep mine: type again and save over theirs (the form now has the saved version).
    await form.locator("[name=name]").fill("明辉贸易（新）")
    await page.get_by_test_id("save-account").click()
    await expect(page.get_by_test_id("toast")).to_be_visible()
    async with httpx.AsyncClient(timeout=60, base_url=live_server, headers=tenant_a.headers) as api:
        saved = await api.get(f"/api/v1/crm/accounts/{account['id']}")
    assert saved.json()["name"] == "明辉贸易（新）"


async def test_leaving_a_form_with_unsaved_changes_asks_first(page: Page, tenant_a: TenantHandle) -> None:
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/crm/pipeline/opportunities/new")
    await page.get_by_test_id("opportunity-form").locator("[name=name]").fill("还没保存")
    asked: list[str] = []
    answered = asyncio.Event()

    async def dismiss(dialog: Dialog) -> None:
        asked.append(dialog.message)
        await dialog.dismiss()
        answered.set()

    page.once("dialog", dismiss)
    await page.locator("#sidebar a[href='/crm/accounts']").click()
    await asyncio.wait_for(answered.wait(), 15)
    assert len(asked) == 1 and "未保存" in asked[0]
    await expect(page).to_have_url(re.compile(r"/crm/pipeline/opportunities/new$"))
    await expect(page.get_by_test_id("opportunity-form").locator("[name=name]")).to_have_value("还没保存")

    async def accept(dialog: Dialog) -> None:
        await dialog.accept()

    page.once("dialog", accept)
    await page.locator("#sidebar a[href='/crm/accounts']").click()
    await page.wait_for_url("**/crm/accounts")
    # A clean form leaves without a question.
    await page.goto("/crm/pipeline/opportunities/new")
    await page.locator("#sidebar a[href='/crm/accounts']").click()
    await page.wait_for_url("**/crm/accounts")
