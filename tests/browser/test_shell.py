"""The web UI in a real browser: sign-in, language, tenant switch, admin pages, exports, errors."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import openpyxl
from bizsuite.core.identity.models import Role, User
from playwright.async_api import Browser, Page, expect

from tests.browser.conftest import sign_in
from tests.conftest import PASSWORD, TenantHandle
from tests.core.invitations import emailed_link

UserIn = Callable[..., Awaitable[User]]


async def test_sign_in_shows_the_dashboard_with_a_live_chart(
    page: Page, tenant_a: TenantHandle, screenshot_dir: Path
) -> None:
    await page.goto("/")
    await expect(page).to_have_url(re.compile(r"/login\?next=/"))
    await page.screenshot(path=str(screenshot_dir / "sign-in.zh-CN.png"))
    await sign_in(page, tenant_a.owner.email)
    await expect(page.get_by_test_id("tenant-name")).to_have_text(tenant_a.tenant.name)
    await expect(page.locator("#activity-chart[data-rendered=true]")).to_be_visible()
    await expect(page.locator("#activity-chart svg")).to_be_visible()
    await page.screenshot(path=str(screenshot_dir / "home.zh-CN.png"))


async def test_wrong_password_shows_an_error_and_no_session(page: Page, tenant_a: TenantHandle) -> None:
    await page.goto("/login")
    await page.fill("#f-email", tenant_a.owner.email)
    await page.fill("#f-password", "not the password")
    await page.click("[data-testid=sign-in]")
    await expect(page.get_by_test_id("form-error")).to_have_text("邮箱或密码错误。")
    await page.goto("/admin/org-units")
    await expect(page).to_have_url(re.compile(r"/login"))


async def test_switch_language_to_english_and_back_to_chinese(
    page: Page, tenant_a: TenantHandle, screenshot_dir: Path
) -> None:
    await sign_in(page, tenant_a.owner.email)
    await expect(page.locator("nav[aria-label] a[href='/admin/org-units']")).to_contain_text("组织单元")
    await page.get_by_test_id("switch-language-en").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page.locator("nav a[href='/admin/org-units']")).to_contain_text("Org units")
    await page.screenshot(path=str(screenshot_dir / "home.en.png"))
    await page.get_by_test_id("switch-language-zh-CN").click()
    await expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    await expect(page.locator("h1")).to_contain_text("欢迎")


async def test_switch_tenant(
    page: Page, tenant_a: TenantHandle, tenant_b: TenantHandle, user_in: UserIn
) -> None:
    await user_in(tenant_b, Role.VIEWER, user=tenant_a.owner)
    await sign_in(page, tenant_a.owner.email)
    switcher = page.locator("#tenant-switcher")
    await expect(switcher).to_be_visible()
    await switcher.select_option(str(tenant_b.id))
    await expect(page.get_by_test_id("tenant-name")).to_have_text(tenant_b.tenant.name)
    # As a viewer in tenant B the admin entries are gone.
    await expect(page.locator("nav a[href='/admin/members']")).to_have_count(0)


async def test_create_and_move_an_org_unit(page: Page, tenant_a: TenantHandle, screenshot_dir: Path) -> None:
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/admin/org-units")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    for name, code, kind in (
        ("集团总部", "HQ", "group"),
        ("华东区", "EAST", "region"),
        ("上海店", "SH-01", "store"),
    ):
        await page.fill("[data-testid=create-org-unit] [name=name]", name)
        await page.fill("[data-testid=create-org-unit] [name=code]", code)
        await page.select_option("[data-testid=create-org-unit] [name=kind]", kind)
        await page.click("[data-testid=create-unit]")
        await expect(page.get_by_test_id(f"unit-{code}")).to_be_visible()
        await expect(page.get_by_test_id("toast")).to_contain_text("组织单元已创建")
    # Move the store under the region.
    store = page.get_by_test_id("unit-SH-01")
    await store.locator("summary").first.click()
    await store.locator("select[name=parent_id]").first.select_option(label="华东区 · EAST")
    await page.get_by_test_id("save-SH-01").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("组织单元已保存")
    await expect(page.get_by_test_id("unit-EAST").get_by_test_id("unit-SH-01")).to_be_visible()
    await page.screenshot(path=str(screenshot_dir / "org-units.zh-CN.png"), full_page=True)


async def test_a_form_error_is_shown_next_to_its_field(page: Page, tenant_a: TenantHandle) -> None:
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/admin/org-units")
    await page.fill("[data-testid=create-org-unit] [name=name]", "Bad code")
    await page.fill("[data-testid=create-org-unit] [name=code]", "has spaces!")
    await page.click("[data-testid=create-unit]")
    error = page.get_by_test_id("error-code")
    await expect(error).to_have_text("必须以字母或数字开头，只能包含字母、数字、“.”、“_”和“-”。")
    await expect(page.locator("[data-testid=create-org-unit] [name=code]")).to_have_attribute(
        "aria-invalid", "true"
    )
    # The field keeps what was typed.
    await expect(page.locator("[data-testid=create-org-unit] [name=name]")).to_have_value("Bad code")


async def test_invite_a_user_and_accept_in_a_second_browser(
    browser: Browser, live_server: str, page: Page, tenant_a: TenantHandle, screenshot_dir: Path
) -> None:
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/admin/members")
    await page.fill("[data-testid=invite-form] [name=email]", "newcomer@example.com")
    await page.select_option("[data-testid=invite-form] [name=role]", "manager")
    await page.check("[data-testid=invite-form] input[value=crm]")
    await page.click("[data-testid=send-invitation]")
    await expect(page.get_by_test_id("toast")).to_be_visible()
    # The link goes to the invitee by email only (the recorded outbox here), never onto the page.
    async with httpx.AsyncClient(timeout=60, base_url=live_server) as api:
        link, _token = await emailed_link(api, tenant_a.headers, "newcomer@example.com")
    assert "token=" not in await page.content()
    await page.screenshot(path=str(screenshot_dir / "members.zh-CN.png"), full_page=True)

    other = await browser.new_context(base_url=live_server, locale="zh-CN")
    try:
        newcomer = await other.new_page()
        await newcomer.goto(link)
        await newcomer.fill("#f-name", "New Comer")
        await newcomer.fill("#f-password", "a good long password")
        await newcomer.click("[data-testid=accept]")
        await expect(newcomer.get_by_test_id("tenant-name")).to_have_text(tenant_a.tenant.name)
        await expect(newcomer.get_by_test_id("toast")).to_contain_text("欢迎")
    finally:
        await other.close()

    await page.goto("/admin/members")
    row = page.get_by_test_id("member-newcomer@example.com")
    await expect(row).to_contain_text("经理")
    await expect(row).to_contain_text("客户关系")


async def test_create_show_once_and_revoke_an_api_key(
    page: Page, tenant_a: TenantHandle, live_server: str, screenshot_dir: Path
) -> None:
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/admin/api-keys")
    await page.fill("[data-testid=create-key-form] [name=name]", "nightly-import")
    await page.select_option("[data-testid=create-key-form] [name=role]", "viewer")
    await page.click("[data-testid=create-key]")
    secret = (await page.get_by_test_id("api-key-secret").inner_text()).strip()
    assert secret.startswith("bsk_")
    await page.screenshot(path=str(screenshot_dir / "api-keys.zh-CN.png"), full_page=True)
    headers = {"Authorization": f"Bearer {secret}"}
    async with httpx.AsyncClient(timeout=60, base_url=live_server) as api:
        assert (await api.get("/api/v1/org-units", headers=headers)).status_code == 200
        await page.goto("/admin/api-keys")
        assert secret not in await page.content()
        page.once("dialog", lambda dialog: dialog.accept())
        await page.get_by_test_id("revoke-nightly-import").click()
        await expect(page.get_by_test_id("key-nightly-import").get_by_test_id("revoked")).to_be_visible()
        assert (await api.get("/api/v1/org-units", headers=headers)).status_code == 401


async def test_filter_the_audit_log(page: Page, tenant_a: TenantHandle, screenshot_dir: Path) -> None:
    async with httpx.AsyncClient(base_url=page.context._impl_obj._options.get("baseURL")) as api:  # type: ignore[attr-defined]
        await api.post(
            "/api/v1/org-units", json={"name": "A", "code": "A", "kind": "group"}, headers=tenant_a.headers
        )
        await api.post("/api/v1/api-keys", json={"name": "k"}, headers=tenant_a.headers)
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/admin/audit")
    await expect(page.get_by_test_id("audit-row")).to_have_count(2)
    await page.select_option("#f-action", "org_unit.created")
    await page.click("[data-testid=apply-filters]")
    await expect(page.get_by_test_id("audit-row")).to_have_count(1)
    await expect(page.get_by_test_id("audit-row")).to_contain_text("org_unit.created")
    await page.screenshot(path=str(screenshot_dir / "audit-log.zh-CN.png"), full_page=True)


async def test_export_a_list_to_csv_and_xlsx(page: Page, tenant_a: TenantHandle, tmp_path: Path) -> None:
    async with httpx.AsyncClient(base_url=page.context._impl_obj._options.get("baseURL")) as api:  # type: ignore[attr-defined]
        await api.post(
            "/api/v1/org-units",
            json={"name": "集团总部", "code": "HQ", "kind": "group"},
            headers=tenant_a.headers,
        )
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/admin/org-units")
    async with page.expect_download() as csv_info:
        await page.get_by_test_id("export-csv").click()
    csv_path = tmp_path / "units.csv"
    await (await csv_info.value).save_as(csv_path)
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to show Chinese"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["编码", "名称", "类型"]
    assert rows[1][:3] == ["HQ", "集团总部", "集团"]

    async with page.expect_download() as xlsx_info:
        await page.get_by_test_id("export-xlsx").click()
    xlsx_path = tmp_path / "units.xlsx"
    await (await xlsx_info.value).save_as(xlsx_path)
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert sheet is not None
    values: list[Any] = [cell.value for cell in sheet[2]]
    assert values[:3] == ["HQ", "集团总部", "集团"]


async def test_a_viewer_cannot_see_admin_pages(page: Page, tenant_a: TenantHandle, user_in: UserIn) -> None:
    viewer = await user_in(tenant_a, Role.VIEWER)
    await sign_in(page, viewer.email)
    await expect(page.locator("nav a[href='/admin/members']")).to_have_count(0)
    await expect(page.locator("nav a[href='/admin/org-units']")).to_have_count(1)
    response = await page.goto("/admin/members")
    assert response is not None and response.status == 403
    await expect(page.get_by_test_id("error-page")).to_contain_text("无权")
    await page.goto("/admin/org-units")
    await expect(page.get_by_test_id("create-org-unit")).to_have_count(0)


async def test_a_post_without_the_csrf_token_is_rejected(page: Page, tenant_a: TenantHandle) -> None:
    await sign_in(page, tenant_a.owner.email)
    forged = await page.request.post(
        "/admin/org-units", form={"name": "Forged", "code": "FORGED", "kind": "group"}
    )
    assert forged.status == 403
    wrong = await page.request.post(
        "/admin/org-units", form={"name": "Forged", "code": "FORGED", "kind": "group", "csrf_token": "guess"}
    )
    assert wrong.status == 403
    await page.goto("/admin/org-units")
    await expect(page.get_by_test_id("unit-FORGED")).to_have_count(0)


async def test_another_tenants_page_is_a_404_page(
    page: Page, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    async with httpx.AsyncClient(base_url=page.context._impl_obj._options.get("baseURL")) as api:  # type: ignore[attr-defined]
        unit = (
            await api.post(
                "/api/v1/org-units",
                json={"name": "B secret", "code": "BS", "kind": "group"},
                headers=tenant_b.headers,
            )
        ).json()
    await sign_in(page, tenant_a.owner.email)
    response = await page.request.post(
        f"/admin/org-units/{unit['id']}/edit",
        form={"name": "stolen", "version": "1"},
        headers={"X-CSRF-Token": await _csrf(page)},
    )
    assert response.status == 404
    assert "B secret" not in await response.text()
    shown = await page.goto(f"/admin/org-units/{unit['id']}")
    assert shown is not None
    assert shown.status == 404
    await expect(page.get_by_test_id("error-page")).to_contain_text("页面不存在")


async def _csrf(page: Page) -> str:
    header = await page.locator("body").get_attribute("hx-headers")
    assert header is not None
    match = re.search(r'"X-CSRF-Token": "([^"]+)"', header)
    assert match is not None
    return match.group(1)


async def test_password_change_through_the_account_page(page: Page, tenant_a: TenantHandle) -> None:
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/account")
    await page.fill("#f-current_password", PASSWORD)
    await page.fill("#f-new_password", "short")
    await page.click("[data-testid=change-password]")
    await expect(page.get_by_test_id("error-new_password")).to_have_text("至少 10 个字符。")
    # The 422 answer is swapped in by htmx; let the swap settle before typing into the new form,
    # as a person would, so the typing lands in the fields that get submitted.
    await page.wait_for_function(
        "!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
    )
    await page.fill("#f-current_password", PASSWORD)
    await page.fill("#f-new_password", "a brand new password")
    await expect(page.locator("#f-current_password")).to_have_value(PASSWORD)
    await page.click("[data-testid=change-password]")
    # Hashing the new password (argon2) and ending the other sessions can take a few seconds on
    # a busy 2-core machine: wait for the redirect longer than the default 5 s.
    await expect(page).to_have_url(re.compile(r"/login"), timeout=20_000)
    await sign_in(page, tenant_a.owner.email, "a brand new password")
    await expect(page.get_by_test_id("tenant-name")).to_be_visible()


async def test_forms_work_without_javascript(
    browser: Browser, live_server: str, tenant_a: TenantHandle
) -> None:
    plain = await browser.new_context(base_url=live_server, java_script_enabled=False, locale="zh-CN")
    try:
        page = await plain.new_page()
        await sign_in(page, tenant_a.owner.email)
        await page.goto("/admin/org-units")
        token = await page.locator("[data-testid=create-org-unit] input[name=csrf_token]").get_attribute(
            "value"
        )
        assert token
        await page.fill("[data-testid=create-org-unit] [name=name]", "无脚本单元")
        await page.fill("[data-testid=create-org-unit] [name=code]", "NOJS")
        await page.click("[data-testid=create-unit]")
        await expect(page.get_by_test_id("unit-NOJS")).to_be_visible()
    finally:
        await plain.close()
