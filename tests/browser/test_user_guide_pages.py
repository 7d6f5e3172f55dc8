"""Every main page in both languages: the headings a user sees, and the user guide's screenshots."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle

PAGES = {
    "home": ("/", {"zh-CN": "欢迎", "en": "Welcome"}),
    "org-units": ("/admin/org-units", {"zh-CN": "组织单元", "en": "Org units"}),
    "members": ("/admin/members", {"zh-CN": "成员", "en": "Members"}),
    "api-keys": ("/admin/api-keys", {"zh-CN": "API 密钥", "en": "API keys"}),
    "audit-log": ("/admin/audit", {"zh-CN": "审计日志", "en": "Audit log"}),
    "settings": ("/admin/settings", {"zh-CN": "租户设置", "en": "Tenant settings"}),
    "account": ("/account", {"zh-CN": "我的账户", "en": "Your account"}),
    "approvals": ("/approvals", {"zh-CN": "待我审批", "en": "My approvals"}),
    "new-expense": ("/approvals/new", {"zh-CN": "新建费用申请（演示）", "en": "New expense (demo)"}),
    "inbox": ("/inbox", {"zh-CN": "收件箱", "en": "Inbox"}),
    "files": ("/files", {"zh-CN": "附件", "en": "Files"}),
    "webhooks": ("/admin/webhooks", {"zh-CN": "Webhook", "en": "Webhooks"}),
    "jobs": ("/admin/jobs", {"zh-CN": "后台任务", "en": "Background jobs"}),
}


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
async def test_main_pages_in_each_language(
    page: Page, live_server: str, tenant_a: TenantHandle, screenshot_dir: Path, locale: str
) -> None:
    async with httpx.AsyncClient(timeout=60, base_url=live_server, headers=tenant_a.headers) as api:
        hq = (
            await api.post(
                "/api/v1/org-units", json={"name": "集团总部 Group HQ", "code": "HQ", "kind": "group"}
            )
        ).json()
        for code, name, kind in (
            ("FIN", "财务部 Finance", "department"),
            ("SUB-1", "华信进出口 Trading", "subsidiary"),
        ):
            await api.post(
                "/api/v1/org-units", json={"name": name, "code": code, "kind": kind, "parent_id": hq["id"]}
            )
        await api.post("/api/v1/invitations", json={"email": "li.min@example.com", "role": "manager"})
    await sign_in(page, tenant_a.owner.email)
    if locale == "en":
        await page.get_by_test_id("switch-language-en").click()
        await expect(page.locator("html")).to_have_attribute("lang", "en")
    for name, (path, heading) in PAGES.items():
        await page.goto(path)
        await expect(page.locator("h1").first).to_contain_text(heading[locale])
        if name == "home":
            await expect(page.locator("#activity-chart[data-rendered=true]")).to_be_visible()
        await page.screenshot(path=str(screenshot_dir / f"{name}.{locale}.png"), full_page=True)
