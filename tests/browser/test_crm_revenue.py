"""Revenue in the browser: upload a CSV, see the preview and the row errors, confirm, follow the
progress, then the key accounts' Pareto chart, the churn watch list, an account's revenue panel
and the CRM settings. Checked in English (the zh-CN entries arrive with the catalog merge)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bizsuite.core.imports.models import DataImport, ImportStatus
from bizsuite.settings import Settings
from playwright.async_api import Page, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.crm.conftest import make_accounts
from tests.modules.crm.revenue.conftest import csv_file, tenant_ctx

GOOD = [
    ("C-001", "2026-07", "1000"),
    ("C-001", "2026-08", "900"),
    ("C-001", "2026-09", "800"),
    ("C-001", "2026-10", "700"),
    ("C-002", "2026-09", "150"),
    ("C-002", "2026-10", "160"),
    ("C-003", "2026-10", "40"),
]


async def sign_in_english(page: Page, email: str) -> None:
    await page.goto("/login")
    await page.get_by_test_id("switch-language-en").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await sign_in(page, email)


async def upload(page: Page, name: str, content: bytes) -> None:
    await page.goto("/crm/revenue")
    await page.set_input_files("#f-file", files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    await page.get_by_test_id("revenue-upload").click()


async def test_upload_preview_confirm_then_key_accounts_and_churn(
    page: Page,
    settings: Settings,
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    tenant_b: TenantHandle,
    screenshot_dir: Path,
) -> None:
    ids = await make_accounts(
        app_engine, tenant_a, ["C-001", "C-002", "C-003"], owner_user_id=tenant_a.owner.id
    )
    other = await make_accounts(app_engine, tenant_b, ["C-001"])
    await sign_in_english(page, tenant_a.owner.email)

    # A file with bad rows: the preview lists them and nothing can be imported.
    await upload(page, "bad.csv", csv_file([*GOOD, ("C-404", "2026-10", "5"), ("C-002", "2026-08", "-1")]))
    await expect(page.get_by_test_id("import-status")).to_have_attribute("data-status", "rejected")
    errors = page.get_by_test_id("error-row")
    await expect(errors).to_have_count(2)
    await expect(errors.nth(0)).to_contain_text("9")
    await expect(errors.nth(0)).to_contain_text("Account code")
    await expect(errors.nth(0)).to_contain_text("unknown account code")
    await expect(errors.nth(1)).to_contain_text("must not be negative")
    await expect(page.get_by_test_id("confirm-import")).to_have_count(0)
    await page.screenshot(path=str(screenshot_dir / "crm-revenue-rejected.en.png"), full_page=True)

    # A good file: preview, confirm, progress to the end.
    await upload(page, "revenue.csv", csv_file(GOOD))
    await expect(page.get_by_test_id("preview-row")).to_have_count(len(GOOD))
    await expect(page.get_by_test_id("total-rows")).to_have_text("7")
    await page.get_by_test_id("confirm-import").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("Import queued")
    await expect(page.get_by_test_id("import-status")).to_have_attribute("data-status", "running")

    async def finished() -> bool:
        async with tenant_ctx(app_engine, tenant_a) as ctx:
            statuses = (await ctx.session.scalars(select(DataImport.status))).all()
        return ImportStatus.RUNNING not in statuses

    await run_jobs_until(fast(settings), finished)
    await expect(page.get_by_test_id("import-done")).to_be_visible()
    await expect(page.get_by_test_id("progress-text")).to_contain_text("7 of 7 rows")
    await expect(page.get_by_test_id("import-progress-bar")).to_have_attribute("value", "7")

    # Key accounts: the tier table and the Pareto chart.
    await page.get_by_test_id("goto-key-accounts").click()
    await expect(page.get_by_test_id("pareto-chart")).to_have_attribute("data-rendered", "true")
    # The chart is drawn from the real accounts: their names label the bars, largest first.
    chart = page.get_by_test_id("pareto-chart")
    await expect(chart.locator("svg")).to_have_count(1)
    labels = chart.locator("svg text", has_text="客户 C-00")
    await expect(labels).to_have_count(3)
    await expect(labels.first).to_have_text("客户 C-001")
    rows = page.get_by_test_id("key-account-row")
    await expect(rows).to_have_count(3)
    await expect(rows.nth(0)).to_have_attribute("data-code", "C-001")
    await expect(rows.nth(0)).to_have_attribute("data-tier", "A")
    await expect(rows.nth(2)).to_have_attribute("data-tier", "C")
    await page.screenshot(path=str(screenshot_dir / "crm-key-accounts.en.png"), full_page=True)

    # The churn watch list: C-001 declined three months in a row; export it.
    await page.goto("/crm/churn")
    watch = page.get_by_test_id("churn-row")
    await expect(watch).to_have_count(1)
    await expect(watch.first).to_have_attribute("data-code", "C-001")
    await expect(watch.first.get_by_test_id("months-declining")).to_have_text("3")
    await expect(watch.first.get_by_test_id("sparkline")).to_be_visible()
    # The trend is C-001's four months (1000, 900, 800, 700): four points, each lower than the last.
    points = await watch.first.locator("[data-testid=sparkline] polyline").get_attribute("points")
    assert points is not None
    heights = [float(p.split(",")[1]) for p in points.split()]
    assert len(heights) == 4 and heights == sorted(heights) and heights[0] < heights[-1]
    await page.screenshot(path=str(screenshot_dir / "crm-churn.en.png"), full_page=True)
    async with page.expect_download() as info:
        await page.get_by_test_id("export-csv").click()
    exported = (await (await info.value).path()).read_bytes().decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(exported)))
    assert lines[0][:4] == ["Code", "Account", "Tier", "Months of decline"]
    assert lines[1][:4] == ["C-001", "客户 C-001", "A", "3"]

    # The account's revenue panel (lazy-loaded on the account page); another tenant's is a 404.
    await page.goto(f"/crm/accounts/{ids['C-001']}/revenue-panel")
    await expect(page.get_by_test_id("at-risk-badge")).to_be_visible()
    await expect(page.get_by_test_id("panel-month")).to_have_count(4)
    missing = await page.goto(f"/crm/accounts/{other['C-001']}/revenue-panel")
    assert missing is not None and missing.status == 404

    # Settings: four months of decline are needed now, so the watch list empties.
    await page.goto("/crm/settings")
    await page.fill("#f-churn_months", "4")
    await page.get_by_test_id("save-crm-settings").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("CRM settings saved")
    await page.goto("/crm/churn")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    await page.goto("/crm/settings")
    await page.fill("#f-tier_a_share", "0.99")
    await page.get_by_test_id("save-crm-settings").click()
    await expect(page.get_by_test_id("error-tier_b_share")).to_be_visible()
