"""Issue 12's "Done when", walked in English on a phone (390×844, touch): find 明辉 by a fragment
from the top bar's search box and open the account; open a churn alert from the inbox and land on
the account; sort and group the accounts list, save the view, bulk-assign three accounts and
export the filtered list to XLSX (revenue numbers that sum, real dates); schedule a follow-up call
for tomorrow and see it in My activities; mention a colleague in a note, which reaches their
inbox; move a ticket on its kanban (the card's move menu: the columns stack at this width) and
reassign it; import 50 accounts with contacts from an XLSX file with English headers and two bad
rows, read which rows and why, fix them and import all 50. The zh-CN desktop walk is in the other browser tests (see each step's comment).

The language is chosen as a user would: the browser asks for English (Accept-Language), which
the sign-in page follows; inside, a page follows the user's language, then the language cookie,
then the tenant's (zh-CN here) before the browser's, so the user picks English in the menu."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from bizsuite.core.identity.models import Role
from bizsuite.core.imports.models import DataImport, ImportStatus
from bizsuite.modules.crm.models import Account, Contact
from bizsuite.settings import Settings
from openpyxl import load_workbook
from playwright.async_api import Browser, BrowserContext, FilePayload, Page, expect
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import PHONE, add_user, htmx_settled, sign_in, watched_context
from tests.browser.test_crm_helpdesk import column, ticket_card
from tests.browser.test_imports import workbook
from tests.browser.test_lists import (
    DISTRIBUTOR_REVENUE,
    NAMES,
    accounts_with_revenue,
    assert_real_dates,
    assert_revenue_sums,
    download_xlsx,
)
from tests.browser.test_mobile import no_sideways_scroll
from tests.conftest import TenantHandle
from tests.core.activities.test_activities_api import today_of
from tests.core.alerts.test_alerts_links import MINGHUI, churn_alert
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.crm.conftest import make_account
from tests.modules.crm.revenue.conftest import XLSX, tenant_ctx
from tests.modules.crm.tickets.conftest import HOTLINE_1234, create_policy, open_ticket

#: Han characters: an English page shows them only inside names the test gave its records.
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@pytest.fixture
async def phone_context(browser: Browser, live_server: str) -> AsyncIterator[BrowserContext]:
    async with watched_context(browser, live_server, locale="en-US", **PHONE) as context:
        yield context


@pytest.fixture
async def phone(phone_context: BrowserContext) -> Page:
    return await phone_context.new_page()


async def sign_in_in_english(page: Page, email: str) -> None:
    """Sign in from an English browser, then choose English in the menu (kept on the user)."""
    await page.goto("/login")
    await expect(page.locator("html")).to_have_attribute("lang", "en")  # the browser's language
    await sign_in(page, email)
    # Inside, the tenant's language comes before the browser's until the user picks one.
    await expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    await page.get_by_test_id("menu-toggle").tap()
    await page.get_by_test_id("sidebar").get_by_test_id("switch-language-en").tap()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page.get_by_test_id("sidebar")).not_to_be_visible()


async def open_from_menu(page: Page, href: str) -> None:
    """Open a page through the side bar, which at phone width is a drawer behind the menu button."""
    sidebar = page.get_by_test_id("sidebar")
    await expect(sidebar).not_to_be_visible()
    await page.get_by_test_id("menu-toggle").tap()
    await expect(sidebar).to_be_visible()
    await sidebar.locator(f"a[href='{href}']").tap()
    await expect(page).to_have_url(re.compile(re.escape(href) + r"(\?.*)?$"))
    await expect(sidebar).not_to_be_visible()


async def english_only(page: Page, *names: str) -> None:
    """The page's content has no Chinese except inside the given names (the test's own data)."""
    text = await page.locator("main").inner_text()
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    assert not HAN.findall(text), f"{page.url} shows Chinese in English: {HAN.findall(text)}"


async def test_find_minghui_by_a_fragment_and_open_a_churn_alert_from_the_inbox(
    phone: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await churn_alert(client, app_engine, tenant_a)
    await make_account(app_engine, tenant_a, "杭州远景科技有限公司", code="HZ-002")
    await sign_in_in_english(phone, tenant_a.owner.email)

    # The top bar's search box opens the palette (test_search_and_inbox.py: Ctrl+K on a desktop).
    await phone.locator("#global-search").tap()
    palette = phone.get_by_test_id("palette")
    await expect(palette).to_be_visible()
    await expect(phone.get_by_test_id("palette-input")).to_be_focused()
    await phone.keyboard.type("明辉")
    option = phone.get_by_test_id("palette-option")
    await expect(option).to_have_count(1)
    await expect(option).to_contain_text(MINGHUI)
    await expect(option.locator("mark")).to_have_text("明辉")
    await expect(phone.get_by_test_id("palette-group-crm.accounts")).to_contain_text("Accounts")
    await expect(phone.get_by_test_id("palette-see-all")).to_have_text("See all results for “明辉”")
    await no_sideways_scroll(phone)
    await option.tap()
    await expect(phone).to_have_url(re.compile(rf"/crm/accounts/{account}$"))
    await expect(phone.locator("main h1")).to_contain_text(MINGHUI)
    await expect(palette).to_be_hidden()
    await no_sideways_scroll(phone)

    # The churn alert, in English, leads to the account and is read (test_search_and_inbox.py).
    await expect(phone.get_by_test_id("unread-count")).to_have_text("1")
    await phone.get_by_test_id("inbox-link").tap()
    item = phone.get_by_test_id("inbox-item")
    await expect(item).to_have_count(1)
    await expect(item.get_by_test_id("alert-kind")).to_have_text("Churn risk")
    opener = item.get_by_test_id("open-alert")
    await expect(opener).to_contain_text(f"Churn risk: {MINGHUI}'s revenue declined")
    await expect(item).not_to_contain_text("crm.churn_risk")
    await english_only(phone, MINGHUI)
    await no_sideways_scroll(phone)
    await opener.tap()
    await expect(phone).to_have_url(re.compile(rf"/crm/accounts/{account}$"))
    await expect(phone.locator("main h1")).to_contain_text(MINGHUI)
    await expect(phone.get_by_test_id("unread-count")).to_have_count(0)


async def test_sort_group_save_a_view_bulk_assign_and_export_the_accounts_list(
    phone: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await accounts_with_revenue(client, tenant_a)
    member = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    await sign_in_in_english(phone, tenant_a.owner.email)
    await open_from_menu(phone, "/crm/accounts")
    rows = phone.get_by_test_id("account-row")
    await expect(rows).to_have_count(5)
    await expect(phone.get_by_test_id("list-range")).to_have_text("1–5 of 5")
    assert await rows.first.evaluate("r => getComputedStyle(r).display") == "block"  # a card
    await no_sideways_scroll(phone)

    # Sort by code (test_lists.py on a desktop): ascending, then descending.
    sort_code = phone.get_by_test_id("sort-code")
    await sort_code.tap()
    await expect(phone.locator("th[aria-sort=ascending]").get_by_test_id("sort-code")).to_be_visible()
    await expect(rows.first).to_contain_text("C-001")
    await htmx_settled(phone)
    await sort_code.tap()
    await expect(phone.locator("th[aria-sort=descending]").get_by_test_id("sort-code")).to_be_visible()
    await expect(rows.first).to_contain_text("C-005")
    await htmx_settled(phone)

    # Group by kind: a header per kind with its count and revenue subtotal.
    await phone.get_by_test_id("group-by").select_option("kind")
    groups = phone.get_by_test_id("group-row")
    await expect(groups).to_have_count(2)
    distributors = groups.filter(has_text="Distributor")
    await expect(distributors.get_by_test_id("group-count")).to_have_text("(2 rows)")
    await expect(distributors.get_by_test_id("group-sum-trailing_revenue")).to_contain_text("1,600.25")
    await expect(groups.filter(has_text="End customer").get_by_test_id("group-count")).to_have_text(
        "(3 rows)"
    )
    await no_sideways_scroll(phone)
    await htmx_settled(phone)

    # Save the view: the picker offers it and it opens the same grouped list.
    picker = phone.get_by_test_id("view-picker").locator("summary")
    await picker.tap()
    await phone.get_by_test_id("view-name").fill("By kind")
    await phone.get_by_test_id("save-view-button").tap()
    await expect(phone).to_have_url(re.compile(r"view="))
    await expect(groups).to_have_count(2)
    await htmx_settled(phone)
    await picker.tap()
    await expect(phone.get_by_test_id("saved-view")).to_have_text("By kind")
    await picker.tap()
    await expect(phone.get_by_test_id("saved-view")).to_be_hidden()

    # Bulk-assign three accounts to the member, ticking their cards.
    await phone.get_by_test_id("group-by").select_option("")
    await expect(groups).to_have_count(0)
    await htmx_settled(phone)
    for index in range(3):
        await rows.nth(index).get_by_test_id("select-row").tap()
        await expect(rows.nth(index).get_by_test_id("select-row")).to_be_checked()
    await expect(phone.get_by_test_id("bulk-bar")).to_contain_text("3 selected")
    await phone.get_by_test_id("bulk-owner").select_option(str(member.id))
    await phone.get_by_test_id("bulk-assign").tap()
    await expect(phone.get_by_test_id("toast")).to_have_text("The selected accounts have their new owner.")
    await expect(phone.get_by_test_id("account-owner").filter(has_text=member.name)).to_have_count(3)
    await english_only(phone, *NAMES.values())
    await htmx_settled(phone)

    # Filter to the distributors, add the Created column, export to Excel.
    await phone.locator("#f-kind").select_option("distributor")
    await expect(rows).to_have_count(2)
    await htmx_settled(phone)
    chooser = phone.get_by_test_id("column-chooser").locator("summary")
    await chooser.tap()
    await phone.get_by_test_id("col-created_at").tap()
    export = phone.get_by_test_id("export-xlsx")
    await expect(export).to_have_attribute("href", re.compile(r"^(?=.*col=created_at)(?=.*kind=distributor)"))
    await chooser.tap()
    await expect(phone.get_by_test_id("col-created_at")).to_be_hidden()
    book = await download_xlsx(phone)
    sheet = book.active
    assert sheet is not None and sheet.title == "Accounts"
    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["Code", "Name"], header
    assert_revenue_sums(sheet, header, "Trailing 12-month revenue", DISTRIBUTOR_REVENUE)
    assert_real_dates(sheet, header, "Created")


async def test_schedule_a_follow_up_call_and_mention_a_colleague_in_a_note(
    phone_context: BrowserContext, phone: Page, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    colleague = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    account = await make_account(app_engine, tenant_a, MINGHUI, owner_user_id=tenant_a.owner.id)
    tomorrow = await today_of(app_engine, tenant_a) + dt.timedelta(days=1)
    await sign_in_in_english(phone, tenant_a.owner.email)
    await open_from_menu(phone, "/crm/accounts")
    await phone.get_by_test_id("account-link").filter(has_text=MINGHUI).tap()
    await expect(phone).to_have_url(re.compile(rf"/crm/accounts/{account}$"))

    # A follow-up call for tomorrow (test_chatter_activities.py on a desktop), in My activities.
    await expect(phone.get_by_test_id("chatter")).to_be_visible()
    await htmx_settled(phone)  # the chatter is swapped in after the page loads
    await phone.get_by_test_id("schedule-activity").tap()
    form = phone.get_by_test_id("schedule-form")
    await form.locator("select[name=activity_type]").select_option("call")
    await form.locator("input[name=due_date]").fill(tomorrow.isoformat())
    await form.locator("input[name=summary]").fill("Follow-up call about the renewal")
    await phone.get_by_test_id("save-activity-plan").tap()
    await expect(phone.get_by_test_id("chatter-notice")).to_have_text("Activity scheduled.")
    planned = phone.get_by_test_id("planned-activity")
    await expect(planned).to_contain_text("Follow-up call about the renewal")
    await expect(planned.get_by_test_id("activity-state")).to_have_attribute("data-state", "planned")
    await no_sideways_scroll(phone)
    await open_from_menu(phone, "/activities")
    mine = phone.get_by_test_id("my-activity")
    await expect(mine).to_contain_text("Follow-up call about the renewal")
    await expect(mine.get_by_test_id("activity-state")).to_have_text("Planned")
    await english_only(phone, MINGHUI)
    await no_sideways_scroll(phone)
    await mine.get_by_test_id("activity-record").tap()
    await expect(phone).to_have_url(re.compile(rf"/crm/accounts/{account}"))

    # Mention the colleague: "@" and the first letters, then a tap on their name.
    body = phone.get_by_test_id("note-body")
    await expect(body).to_be_visible()
    await htmx_settled(phone)
    await body.tap()
    await body.press_sequentially("Site visit next week, @" + colleague.name[:3])
    option = phone.locator("[data-mention-list] li", has_text=colleague.name)
    await expect(option).to_be_visible()
    await option.tap()
    await expect(body).to_have_value(f"Site visit next week, @{colleague.name} ")
    await body.press_sequentially("please arrange")
    await phone.get_by_test_id("post-note").tap()
    await expect(phone.get_by_test_id("chatter-notice")).to_have_text("Note posted.")
    await expect(phone.get_by_test_id("note-text").first).to_have_text(
        f"Site visit next week, @{colleague.name} please arrange"
    )

    # The colleague, on their phone, finds the mention in their inbox and it leads back.
    await phone_context.clear_cookies()
    await sign_in_in_english(phone, colleague.email)
    await phone.get_by_test_id("inbox-link").tap()
    item = phone.get_by_test_id("inbox-item").first
    await expect(item.get_by_test_id("alert-kind")).to_have_text("Mention")
    await expect(item).to_contain_text(MINGHUI)
    await english_only(phone, MINGHUI)
    await item.get_by_test_id("open-alert").tap()
    await expect(phone).to_have_url(re.compile(rf"/crm/accounts/{account}"))
    await expect(phone.get_by_test_id("note-text").first).to_contain_text("please arrange")


async def test_move_a_ticket_on_its_kanban_and_reassign_it(
    phone: Page, client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    account = await make_account(app_engine, tenant_a, "上海浦东物业")
    engineer = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    ticket = await open_ticket(client, tenant_a, account, title="Street lights out")
    await open_ticket(client, tenant_a, account, title="Lift making noise")
    await sign_in_in_english(phone, tenant_a.owner.email)
    await open_from_menu(phone, "/crm/tickets/board")

    # The columns stack at this width; the card's move menu moves it (test_crm_helpdesk.py drags
    # it on a desktop).
    await expect(phone.get_by_test_id("status-column")).to_have_count(5)
    await expect(column(phone, "waiting").get_by_test_id("column-title")).to_have_text("Waiting")
    card = ticket_card(phone, ticket["number"])
    await expect(card).to_contain_text("Street lights out")
    await expect(card.get_by_test_id("card-assignee")).to_have_text("Unassigned")
    await no_sideways_scroll(phone)
    await english_only(phone, "上海浦东物业")
    await card.get_by_test_id("move-menu").locator("summary").tap()
    await card.get_by_test_id("move-to-in_progress").tap()
    moved = column(phone, "in_progress").get_by_test_id("ticket-card")
    await expect(moved).to_have_count(1)
    await expect(moved).to_contain_text("Street lights out")
    await expect(column(phone, "open").get_by_test_id("ticket-card")).to_have_count(1)
    stored = await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant_a.headers)
    assert stored.json()["status"] == "in_progress"

    # Reassign it on its page; the history says from whom to whom.
    await moved.get_by_role("link", name=ticket["number"]).tap()
    await expect(phone).to_have_url(re.compile(rf"/crm/tickets/{ticket['id']}$"))
    await expect(phone.get_by_test_id("ticket-status").first).to_have_text("In progress")
    await phone.get_by_test_id("ticket-edit").locator("summary").tap()
    await phone.get_by_test_id("edit-assignee").select_option(str(engineer.id))
    await phone.get_by_test_id("reassign").tap()
    await expect(phone.get_by_test_id("ticket-assignee")).to_have_text(engineer.name)
    reassigned = phone.locator("[data-testid=history-row][data-kind=reassigned]")
    await expect(reassigned).to_contain_text(f"Unassigned → {engineer.name}")
    await english_only(phone, "上海浦东物业")
    await no_sideways_scroll(phone)
    stored = await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant_a.headers)
    assert stored.json()["assignee_user_id"] == str(engineer.id)


#: The import file's headers as an English speaker writes them: "Customer ID" is no header the
#: product knows, so the page asks which column holds the account code; the others match.
ENGLISH_HEADER = (
    "Customer ID",
    "Account name",
    "Owner",
    "Contact name",
    "Title",
    "Contact phone",
    "Contact email",
)


def with_english_headers(content: bytes) -> tuple[bytes, list[str]]:
    """test_imports.py's workbook with English headers, and the texts of its rows (the test's data,
    in Chinese, which an English page shows as they are)."""
    book = load_workbook(io.BytesIO(content))
    sheet = book.active
    assert sheet is not None
    for cell, title in zip(sheet[1], ENGLISH_HEADER, strict=True):
        cell.value = title
    texts = [str(value) for row in sheet.iter_rows(min_row=2, values_only=True) for value in row if value]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), texts


async def upload_and_map_the_code(page: Page, content: bytes) -> None:
    """Upload the file from the accounts import page; the page asks for the account code's column
    (the file's "Customer ID"), which the mapping form gives it."""
    await expect(page).to_have_url(re.compile(r"/imports\?kind=crm\.accounts(&notice=[a-z.]+)?$"))
    file = FilePayload(name="accounts.xlsx", mimeType=XLSX, buffer=content)
    await page.set_input_files("#f-file", files=[file])
    await page.get_by_test_id("import-upload").tap()
    await expect(page.locator("main h1")).to_have_text("accounts.xlsx")
    await expect(page.get_by_test_id("import-status")).to_have_text("Rejected")
    missing = page.get_by_test_id("error-row")
    await expect(missing).to_have_count(1)
    await expect(missing).to_have_attribute("data-row", "1")
    await expect(missing).to_have_attribute("data-column", "code")
    await expect(missing.locator("td")).to_have_text(["1", "Account code", "", "missing column"])
    await expect(page.get_by_test_id("confirm-import")).to_have_count(0)
    mapping = page.get_by_test_id("mapping")
    await expect(mapping).to_have_attribute("open", "")
    await expect(mapping.locator("summary")).to_have_text("Columns")
    await expect(page.get_by_test_id("map-code")).to_have_value("")
    await expect(page.get_by_test_id("map-owner")).to_have_value("2")
    await expect(page.get_by_test_id("map-contact_email")).to_have_value("6")
    await english_only(page, *ENGLISH_HEADER, "accounts.xlsx")
    await no_sideways_scroll(page)
    await page.get_by_test_id("map-code").select_option(label="Customer ID")
    await page.get_by_test_id("remap").tap()
    await expect(page.get_by_test_id("toast")).to_have_text("Columns changed; the file was checked again.")


async def test_import_fifty_accounts_with_contacts_two_bad_rows_then_fixed(
    phone: Page, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    bad, bad_texts = with_english_headers(workbook(tenant_a.owner.email, bad=True))
    fixed, fixed_texts = with_english_headers(workbook(tenant_a.owner.email, bad=False))
    await sign_in_in_english(phone, tenant_a.owner.email)
    await open_from_menu(phone, "/crm/accounts")
    await phone.get_by_test_id("import-accounts").tap()
    await expect(phone.locator("main h1")).to_have_text("Import accounts")
    await english_only(phone)
    await no_sideways_scroll(phone)

    # The file with two bad rows (test_imports.py in zh-CN on a desktop): the preview names each
    # row, its column, the value and why, in English; nothing is imported.
    await upload_and_map_the_code(phone, bad)
    await expect(phone.get_by_test_id("import-status")).to_have_attribute("data-status", "rejected")
    await expect(phone.get_by_test_id("total-rows")).to_have_text("50")
    await expect(phone.get_by_test_id("error-count")).to_have_text("2")
    await expect(phone.get_by_test_id("rejected-note")).to_have_text(
        "This file has 2 errors, so nothing will be imported. Fix the rows below and upload the file again."
    )
    table = phone.get_by_test_id("errors-table")
    await expect(table.locator("thead th")).to_have_text(["Row", "Column", "Value", "Problem"])
    errors = phone.get_by_test_id("error-row")
    await expect(errors).to_have_count(2)
    # Row 8 of the sheet (the header is row 1) holds account 7; row 32 account 31.
    await expect(errors.nth(0)).to_have_attribute("data-row", "8")
    await expect(errors.nth(0)).to_have_attribute("data-column", "contact_email")
    await expect(errors.nth(0).locator("td")).to_have_text(
        ["8", "Contact email", "联系人7-邮箱", "must be an email address like name@example.com"]
    )
    await expect(errors.nth(1)).to_have_attribute("data-row", "32")
    await expect(errors.nth(1)).to_have_attribute("data-column", "owner")
    await expect(errors.nth(1).locator("td")).to_have_text(
        ["32", "Owner", "nobody@example.cn", "no person of this tenant has this email or name"]
    )
    await expect(phone.get_by_test_id("confirm-import")).to_have_count(0)
    await expect(phone.get_by_test_id("map-code")).to_have_value("0")  # the chosen column is kept
    await english_only(phone, *ENGLISH_HEADER, *bad_texts, "accounts.xlsx")
    await no_sideways_scroll(phone)
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(Account)) == 0
        assert await ctx.session.scalar(select(func.count()).select_from(Contact)) == 0

    # Discard it, fix the two rows and upload the file again: all 50 are ready to import.
    await phone.get_by_test_id("discard-import").tap()
    await expect(phone.get_by_test_id("toast")).to_have_text("Import discarded.")
    await upload_and_map_the_code(phone, fixed)
    await expect(phone.get_by_test_id("import-status")).to_have_attribute("data-status", "previewed")
    await expect(phone.get_by_test_id("import-status")).to_have_text("Ready to import")
    await expect(phone.get_by_test_id("total-rows")).to_have_text("50")
    await expect(phone.get_by_test_id("figure-contacts")).to_have_text("50")
    await expect(phone.get_by_test_id("error-count")).to_have_text("0")
    await expect(phone.get_by_test_id("error-row")).to_have_count(0)
    await expect(phone.get_by_test_id("preview-row").first).to_contain_text("IMP-001")
    await english_only(phone, *ENGLISH_HEADER, *fixed_texts, "accounts.xlsx")
    await no_sideways_scroll(phone)
    confirm = phone.get_by_test_id("confirm-import")
    await expect(confirm).to_have_text("Import 50 rows")
    await confirm.tap()
    await expect(phone.get_by_test_id("toast")).to_have_text("Import queued: the progress shows below.")

    async def finished() -> bool:
        async with tenant_ctx(app_engine, tenant_a) as ctx:
            statuses = (await ctx.session.scalars(select(DataImport.status))).all()
        return ImportStatus.RUNNING not in statuses

    await run_jobs_until(fast(settings), finished)
    await expect(phone.get_by_test_id("import-done")).to_be_visible()
    await expect(phone.get_by_test_id("import-status")).to_have_text("Imported")
    await expect(phone.get_by_test_id("import-progress-bar")).to_have_attribute("value", "50")
    await expect(phone.get_by_test_id("progress-text")).to_have_text("50 of 50 rows")
    await expect(phone.get_by_test_id("done-created")).to_have_text("Created: 50")
    await english_only(phone, *ENGLISH_HEADER, *fixed_texts, "accounts.xlsx")
    await no_sideways_scroll(phone)
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(Account)) == 50
        assert await ctx.session.scalar(select(func.count()).select_from(Contact)) == 50

    # The accounts list shows the 50 accounts.
    await phone.get_by_test_id("goto-accounts").tap()
    await expect(phone).to_have_url(re.compile(r"/crm/accounts$"))
    await expect(phone.get_by_test_id("list-range")).to_have_text("1–50 of 50")
    await expect(phone.get_by_test_id("account-row")).to_have_count(50)
    await expect(phone.get_by_test_id("account-row").filter(has_text="IMP-007")).to_have_count(1)
    await no_sideways_scroll(phone)
