"""Importing customers in the browser (zh-CN): 50 accounts with contacts from an XLSX file with
two bad rows; the preview says which rows and why, nothing is imported; the fixed file imports
all 50 with its progress, and the accounts are there."""

from __future__ import annotations

import io
import re
from pathlib import Path

from bizsuite.core.imports.models import DataImport, ImportStatus
from bizsuite.modules.crm.models import Account, Contact
from bizsuite.settings import Settings
from openpyxl import Workbook
from playwright.async_api import Page, expect
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.crm.revenue.conftest import XLSX, tenant_ctx

HEADER = ["客户编码", "客户名称", "负责人", "联系人", "职务", "联系电话", "联系人邮箱"]


def workbook(owner_email: str, *, bad: bool) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for n in range(1, 51):
        email = f"contact{n}@example.cn"
        owner = owner_email
        if bad and n == 7:
            email = "联系人7-邮箱"  # not an email
        if bad and n == 31:
            owner = "nobody@example.cn"  # not a person of this tenant
        sheet.append(
            [f"IMP-{n:03d}", f"导入客户 {n} 有限公司", owner, f"联系人{n}", "采购", f"1390000{n:04d}", email]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def upload(page: Page, content: bytes) -> None:
    await page.goto("/crm/accounts")
    await page.get_by_test_id("import-accounts").click()
    await page.set_input_files("#f-file", files=[{"name": "客户.xlsx", "mimeType": XLSX, "buffer": content}])
    await page.get_by_test_id("import-upload").click()


async def test_fifty_accounts_with_contacts_two_bad_rows_then_fixed(
    page: Page, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle, screenshot_dir: Path
) -> None:
    await sign_in(page, tenant_a.owner.email)

    await upload(page, workbook(tenant_a.owner.email, bad=True))
    await expect(page.get_by_test_id("import-status")).to_have_attribute("data-status", "rejected")
    errors = page.get_by_test_id("error-row")
    await expect(errors).to_have_count(2)
    # Row 8 of the sheet (the header is row 1) holds account 7; row 32 account 31.
    await expect(errors.nth(0)).to_have_attribute("data-row", "8")
    await expect(errors.nth(0)).to_contain_text("联系人邮箱")
    await expect(errors.nth(0).get_by_test_id("error-value")).to_have_text("联系人7-邮箱")
    await expect(errors.nth(1)).to_have_attribute("data-row", "32")
    await expect(errors.nth(1)).to_have_attribute("data-column", "owner")
    await expect(errors.nth(1)).to_contain_text("所有者")
    await expect(errors.nth(1).get_by_test_id("error-value")).to_have_text("nobody@example.cn")
    await expect(page.get_by_test_id("confirm-import")).to_have_count(0)
    # The columns were matched by their Chinese headers.
    await expect(page.get_by_test_id("map-contact_email")).to_have_value("6")
    await page.screenshot(path=str(screenshot_dir / "imports-rejected.zh-CN.png"), full_page=True)
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(Account)) == 0

    # Discard it, fix the file and import all 50.
    await page.get_by_test_id("discard-import").click()
    await expect(page.get_by_test_id("toast")).to_be_visible()
    await upload(page, workbook(tenant_a.owner.email, bad=False))
    await expect(page.get_by_test_id("import-status")).to_have_attribute("data-status", "previewed")
    await expect(page.get_by_test_id("total-rows")).to_have_text("50")
    await expect(page.get_by_test_id("figure-contacts")).to_have_text("50")
    await page.get_by_test_id("confirm-import").click()
    await expect(page.get_by_test_id("toast")).to_be_visible()

    async def finished() -> bool:
        async with tenant_ctx(app_engine, tenant_a) as ctx:
            statuses = (await ctx.session.scalars(select(DataImport.status))).all()
        return ImportStatus.RUNNING not in statuses

    await run_jobs_until(fast(settings), finished)
    await expect(page.get_by_test_id("import-done")).to_be_visible()
    await expect(page.get_by_test_id("import-progress-bar")).to_have_attribute("value", "50")
    await expect(page.get_by_test_id("done-created")).to_contain_text("50")
    await page.screenshot(path=str(screenshot_dir / "imports-done.zh-CN.png"), full_page=True)
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(Account)) == 50
        assert await ctx.session.scalar(select(func.count()).select_from(Contact)) == 50
    await page.get_by_test_id("goto-accounts").click()
    await expect(page).to_have_url(re.compile(r"/crm/accounts$"))
