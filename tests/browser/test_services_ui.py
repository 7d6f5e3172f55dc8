"""The shared services in a real browser: the alert inbox and its badge, outgoing messages,
background jobs with the dead-letter view and schedules, and webhooks with their delivery log."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import openpyxl
from bizsuite.core.identity.models import Role, User
from bizsuite.core.jobs.models import BackgroundJob, JobStatus
from bizsuite.core.jobs.queue import enqueue
from bizsuite.settings import Settings
from playwright.async_api import Page, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine
from standardwebhooks import Webhook

import tests.core.jobs.probe_tasks  # noqa: F401  (registers tests.fails_until for the in-process worker)
from tests.browser.conftest import sign_in
from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until, tenant_tx
from tests.core.webhooks.receiver import running_receiver

UserIn = Callable[..., Awaitable[User]]


def _api(live_server: str, tenant: TenantHandle) -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=60, base_url=live_server, headers=tenant.headers)


async def _raise(api: httpx.AsyncClient, user: User, severity: str, title: str, alert_type: str) -> None:
    response = await api.post(
        "/api/v1/alerts",
        json={
            "type": alert_type,
            "severity": severity,
            "title": title,
            "body": "详情见合同台账。",
            "dedup_key": f"{alert_type}:{uuid.uuid4()}",
            "recipient_ids": [str(user.id)],
        },
    )
    assert response.status_code == 201, response.text


async def test_an_alert_arrives_in_the_inbox_with_the_badge_and_is_marked_read(
    page: Page, live_server: str, settings: Settings, tenant_a: TenantHandle, screenshot_dir: Path
) -> None:
    owner = tenant_a.owner
    await sign_in(page, owner.email)
    await expect(page.get_by_test_id("unread-count")).to_have_count(0)
    await page.get_by_test_id("inbox-link").click()
    await expect(page.get_by_test_id("empty-state")).to_contain_text("收件箱是空的")

    async with _api(live_server, tenant_a) as api:
        await _raise(api, owner, "warning", "合同 C-7 将于 30 天后到期", "contract.expiry")
        await _raise(api, owner, "critical", "市场部广告费超出预算", "budget.overrun")
        await _raise(api, owner, "info", "请在 25 日前提交下月费用预算", "reminder")

    # The badge in the top bar counts them on the next page.
    await page.reload()
    await expect(page.get_by_test_id("unread-count")).to_have_text("3")
    items = page.get_by_test_id("inbox-item")
    await expect(items).to_have_count(3)
    await expect(items.first).to_contain_text("请在 25 日前提交下月费用预算")  # newest first
    await expect(items.nth(1)).to_contain_text("严重")
    await expect(page.get_by_test_id("unread-marker")).to_have_count(3)
    await page.screenshot(path=str(screenshot_dir / "inbox.zh-CN.png"), full_page=True)

    # Filter by severity, then mark the critical one read.
    await page.select_option("#f-severity", "critical")
    await page.get_by_test_id("apply-filters").click()
    await expect(items).to_have_count(1)
    await items.first.get_by_test_id("mark-read").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("已标记为已读")
    await expect(page).to_have_url(re.compile(r"severity=critical"))  # the filter is kept
    await expect(items.first).to_have_attribute("data-state", "read")
    await expect(page.get_by_test_id("unread-count")).to_have_text("2")

    # Unread only, then everything read: the badge disappears.
    await page.goto("/inbox?unread=1")
    await expect(items).to_have_count(2)
    await page.get_by_test_id("mark-all-read").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("全部标记为已读")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    await expect(page.get_by_test_id("unread-count")).to_have_count(0)
    await page.goto("/inbox")
    await expect(page.locator("[data-testid=inbox-item][data-state=read]")).to_have_count(3)

    # Email goes out for warning and up (the default preferences); the outbox records it.
    async def recorded() -> bool:
        async with _api(live_server, tenant_a) as api:
            return len((await api.get("/api/v1/outbox")).json()["items"]) == 2

    await run_jobs_until(fast(settings), recorded)
    await page.goto("/admin/messages")
    rows = page.get_by_test_id("outbox-row")
    await expect(rows).to_have_count(2)
    await expect(rows.first).to_contain_text(owner.email)
    await expect(rows.first).to_contain_text("已记录")
    await expect(rows.first).to_contain_text("未发送")
    await expect(page.get_by_test_id("outbox-table")).to_contain_text("市场部广告费超出预算")
    await page.screenshot(path=str(screenshot_dir / "outgoing-messages.zh-CN.png"), full_page=True)

    await page.get_by_test_id("switch-language-en").click()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page.locator("h1")).to_have_text("Outgoing messages")
    await expect(rows.first).to_contain_text("Recorded (not sent)")
    await page.goto("/inbox")
    await expect(page.locator("h1")).to_have_text("Inbox")
    await expect(page.get_by_test_id("unread-summary")).to_have_text("No unread alerts.")
    await page.screenshot(path=str(screenshot_dir / "inbox.en.png"), full_page=True)


async def test_notification_preferences_per_channel(
    page: Page, tenant_a: TenantHandle, screenshot_dir: Path
) -> None:
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/inbox/preferences")
    await expect(page.locator("#f-email_enabled")).to_be_checked()
    await expect(page.locator("#f-sms_enabled")).not_to_be_checked()
    # SMS without a number is refused next to the field.
    await page.check("#f-sms_enabled")
    await page.get_by_test_id("save-preferences").click()
    await expect(page.get_by_test_id("error-sms_number")).to_have_text("短信需要手机号码")
    await expect(page.locator("#f-sms_enabled")).to_be_checked()
    await page.fill("#f-sms_number", "+86 138 0000 0000")
    await page.select_option("#f-sms_min_severity", "warning")
    await page.uncheck("#f-email_enabled")
    await page.fill("#f-muted_types", "reminder\uff0c crm.churn_risk")  # a Chinese comma works too
    version = page.locator("form input[name=version]")
    before = await version.input_value()
    await page.get_by_test_id("save-preferences").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("通知偏好已保存")
    await expect(version).not_to_have_value(before)  # the saved form, with its new version, is back
    await expect(page.locator("#f-email_enabled")).not_to_be_checked()
    await expect(page.locator("#f-sms_enabled")).to_be_checked()
    await expect(page.locator("#f-sms_number")).to_have_value("+86 138 0000 0000")
    await expect(page.locator("#f-muted_types")).to_have_value("crm.churn_risk, reminder")
    await page.screenshot(path=str(screenshot_dir / "notification-preferences.zh-CN.png"), full_page=True)
    # A second save uses the stored version.
    await page.check("#f-email_enabled")
    await page.get_by_test_id("save-preferences").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("通知偏好已保存")
    await expect(page.locator("#f-email_enabled")).to_be_checked()


async def _job(engine: AsyncEngine, tenant: TenantHandle, job_id: Any) -> BackgroundJob:
    async with tenant_tx(engine, tenant.id) as ctx:
        job = await ctx.session.scalar(select(BackgroundJob).where(BackgroundJob.id == job_id))
    assert job is not None
    return job


async def test_a_failed_job_in_the_dead_letter_view_is_retried(
    page: Page, app_engine: AsyncEngine, settings: Settings, tenant_a: TenantHandle, screenshot_dir: Path
) -> None:
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        queued = await enqueue(ctx, "tests.fails_until", {"succeed_from_attempt": 3})
    assert queued is not None
    job_id = queued.id

    def has_status(status: JobStatus) -> Callable[[], Awaitable[bool]]:
        async def check() -> bool:
            return (await _job(app_engine, tenant_a, job_id)).status is status

        return check

    await run_jobs_until(fast(settings, job_retry_max_attempts=2), has_status(JobStatus.FAILED))

    await sign_in(page, tenant_a.owner.email)
    await page.goto("/admin/jobs")
    row = page.get_by_test_id(f"job-{job_id}")
    await expect(row.get_by_test_id("job-status")).to_have_text("已失败")
    await page.get_by_test_id("dead-letters").click()
    await expect(page).to_have_url(re.compile(r"status=failed"))
    await expect(row.get_by_test_id("job-error")).to_contain_text("attempt 2 fails on purpose")
    await page.screenshot(path=str(screenshot_dir / "dead-letters.zh-CN.png"), full_page=True)

    page.once("dialog", lambda dialog: dialog.accept())
    await row.get_by_test_id("retry-job").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("已重新排队")
    await expect(page).to_have_url(re.compile(r"status=failed"))
    await expect(row).to_have_count(0)  # no longer a dead letter
    await expect(page.get_by_test_id("empty-state")).to_be_visible()

    await run_jobs_until(fast(settings), has_status(JobStatus.SUCCEEDED))
    await page.goto("/admin/jobs?status=succeeded")
    await expect(row.get_by_test_id("job-status")).to_have_text("已成功")
    await expect(row).to_contain_text("3")  # the third attempt succeeded

    # The list exports like every other list.
    async with page.expect_download() as info:
        await page.get_by_test_id("export-csv").click()
    download = await (await info.value).path()
    text = (await asyncio.to_thread(download.read_bytes)).decode("utf-8-sig")
    assert "tests.fails_until" in text
    assert "已成功" in text


async def test_create_pause_and_delete_a_schedule(
    page: Page, tenant_a: TenantHandle, screenshot_dir: Path
) -> None:
    await sign_in(page, tenant_a.owner.email)
    await page.goto("/admin/jobs/schedules")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    form = page.get_by_test_id("create-schedule")
    await form.locator("#f-name").fill("预算提醒")
    await form.locator("#f-task_name").select_option("alerts.remind")
    await form.locator("#f-cron").fill("0 9 25 * *")
    await form.locator("#f-args").fill("not json")
    await page.get_by_test_id("create-schedule-button").click()
    await expect(page.get_by_test_id("error-args")).to_contain_text("JSON")
    await expect(form.locator("#f-name")).to_have_value("预算提醒")
    await form.locator("#f-args").fill('{"title": "请在 25 日前提交下月费用预算"}')
    await form.locator("#f-cron").fill("every day")
    await page.get_by_test_id("create-schedule-button").click()
    await expect(page.get_by_test_id("error-cron")).to_have_text("不是有效的五段式 cron 表达式")
    await form.locator("#f-cron").fill("0 9 25 * *")
    await page.get_by_test_id("create-schedule-button").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("计划已创建")
    row = page.get_by_test_id("schedule-预算提醒")
    await expect(row).to_contain_text("0 9 25 * *")
    await expect(row).to_contain_text("有效")
    await page.screenshot(path=str(screenshot_dir / "job-schedules.zh-CN.png"), full_page=True)

    await page.get_by_test_id("pause-预算提醒").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("计划已暂停")
    await expect(row).to_contain_text("已暂停")
    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_test_id("delete-预算提醒").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("计划已删除")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()


async def test_register_a_webhook_send_a_test_event_and_see_the_signed_delivery(
    page: Page,
    live_server: str,
    settings: Settings,
    tenant_a: TenantHandle,
    screenshot_dir: Path,
    tmp_path: Path,
) -> None:
    def finished(count: int) -> Callable[[], Awaitable[bool]]:
        async def check() -> bool:
            async with _api(live_server, tenant_a) as api:
                items = (await api.get("/api/v1/webhooks/deliveries")).json()["items"]
            return len(items) == count and all(d["status"] in {"succeeded", "failed"} for d in items)

        return check

    await sign_in(page, tenant_a.owner.email)
    await page.goto("/admin/webhooks")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    form = page.get_by_test_id("create-endpoint")
    # Forms carry the session's CSRF token, so they work without JavaScript too.
    await expect(form.locator("input[name=csrf_token]")).not_to_have_value("")

    # Form errors next to their fields, in Chinese.
    await form.locator("#f-url").fill("ftp://example.com/hooks")
    await page.get_by_test_id("create-endpoint-button").click()
    await expect(page.get_by_test_id("error-event_types")).to_have_text("至少 1 项。")
    await form.locator("input[name=event_types][value='alert.raised']").check()
    await page.get_by_test_id("create-endpoint-button").click()
    await expect(page.get_by_test_id("error-url")).to_have_text("请使用 http 或 https 地址")

    with running_receiver() as receiver:
        await form.locator("#f-url").fill(receiver.url)
        await form.locator("#f-description").fill("本地接收端")
        await expect(form.locator("input[name=event_types][value='alert.raised']")).to_be_checked()
        await form.locator("input[name=event_types][value='org_unit.*']").check()
        await page.get_by_test_id("create-endpoint-button").click()
        secret = (await page.get_by_test_id("webhook-secret").inner_text()).strip()
        assert secret.startswith("whsec_")
        await expect(page.get_by_test_id("endpoint-url")).to_have_text(receiver.url)
        await expect(page.get_by_test_id("empty-state")).to_contain_text("发送测试事件")

        await page.get_by_test_id("send-test").click()
        await expect(page.get_by_test_id("toast")).to_contain_text("测试事件已排队")
        assert secret not in await page.content()  # shown once
        row = page.get_by_test_id("delivery-row")
        await expect(row.get_by_test_id("delivery-status")).to_have_text("待发送")

        await run_jobs_until(fast(settings), finished(1))
        await page.reload()
        await expect(row.get_by_test_id("delivery-status")).to_have_text("已送达")
        await expect(row.get_by_test_id("response-code")).to_have_text("200")
        await expect(row.get_by_test_id("latency")).to_have_text(re.compile(r"^\d[\d,]* 毫秒$"))
        await page.screenshot(path=str(screenshot_dir / "webhook-endpoint.zh-CN.png"), full_page=True)

        # The receiver got it signed with the secret shown at registration.
        [received] = receiver.requests
        payload = Webhook(secret).verify(received.body, received.headers)
        assert payload["type"] == "webhook.test"

        # Every attempt is in the delivery's page; redeliver sends the same message again.
        await row.get_by_test_id("delivery-details").click()
        await expect(page.get_by_test_id("webhook-id")).to_have_text(received.headers["webhook-id"])
        attempts = page.get_by_test_id("attempt-row")
        await expect(attempts).to_have_count(1)
        await expect(attempts.first).to_contain_text("200")
        await expect(page.get_by_test_id("payload")).to_contain_text("webhook.test")
        page.once("dialog", lambda dialog: dialog.accept())
        await page.get_by_test_id("redeliver").click()
        await expect(page.get_by_test_id("toast")).to_contain_text("已排队重新投递")
        await run_jobs_until(fast(settings), finished(2))
        # Delivery is at least once (a worker on a loaded machine may send an attempt again):
        # what matters is that the redelivery is the same message, under the same id.
        sent_ids = [r.headers["webhook-id"] for r in receiver.requests]
        assert len(sent_ids) >= 2 and set(sent_ids) == {received.headers["webhook-id"]}

        # Rotating shows the new secret once; both sign during the overlap.
        await page.reload()
        await expect(page.get_by_test_id("delivery-row")).to_have_count(2)
        await page.get_by_test_id("rotate-secret").locator("summary").click()
        await page.fill("#f-overlap_hours", "12")
        page.once("dialog", lambda dialog: dialog.accept())
        await page.get_by_test_id("rotate-secret-button").click()
        new_secret = (await page.get_by_test_id("webhook-secret").inner_text()).strip()
        assert new_secret.startswith("whsec_") and new_secret != secret
        await expect(page.get_by_test_id("secret-shown")).to_contain_text("之前的密钥")
        await page.get_by_test_id("send-test").click()
        await expect(page.get_by_test_id("toast")).to_contain_text("测试事件已排队")
        await expect(page.get_by_test_id("overlap-note")).to_be_visible()
        await run_jobs_until(fast(settings), finished(3))
        last = receiver.requests[-1]
        assert Webhook(new_secret).verify(last.body, last.headers)["type"] == "webhook.test"
        assert Webhook(secret).verify(last.body, last.headers)["type"] == "webhook.test"

    # The delivery log exports with its response codes and latencies.
    async with page.expect_download() as info:
        await page.get_by_test_id("export-xlsx").click()
    xlsx = tmp_path / "deliveries.xlsx"
    await (await info.value).save_as(xlsx)
    sheet = (await asyncio.to_thread(openpyxl.load_workbook, xlsx)).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["时间", "事件类型", "Webhook ID", "状态", "响应码"]
    assert [row[4] for row in rows[1:]] == [200, 200, 200]
    assert all(isinstance(row[5], int) for row in rows[1:])

    # Edit the event types: none is refused next to the field, then one is saved.
    edit = page.get_by_test_id("edit-endpoint")
    await edit.locator("summary").click()
    await edit.locator("input[name=event_types][value='org_unit.*']").uncheck()
    await edit.locator("input[name=event_types][value='alert.raised']").uncheck()
    await page.get_by_test_id("save-endpoint").click()
    await expect(edit.get_by_test_id("error-event_types")).to_have_text("至少 1 项。")
    await edit.locator("input[name=event_types][value='org_unit.created']").check()
    await page.get_by_test_id("save-endpoint").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("端点已保存")
    await expect(page.locator("dl.facts")).to_contain_text("org_unit.created")
    await expect(page.locator("dl.facts")).not_to_contain_text("alert.raised")

    await page.get_by_test_id("switch-language-en").click()
    await expect(page.locator("h1")).to_have_text("Webhook endpoint")
    await expect(page.get_by_test_id("delivery-status").first).to_have_text("Delivered")
    await page.screenshot(path=str(screenshot_dir / "webhook-endpoint.en.png"), full_page=True)
    await page.get_by_test_id("switch-language-zh-CN").click()
    await expect(page.locator("html")).to_have_attribute("lang", "zh-CN")

    # Disable, enable and delete, each confirmed.
    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_test_id("disable-endpoint").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("端点已停用")
    await expect(page.get_by_test_id("endpoint-status")).to_have_text("已停用")
    await page.get_by_test_id("enable-endpoint").click()
    await expect(page.get_by_test_id("endpoint-status")).to_have_text("已启用")
    await page.goto("/admin/webhooks")
    await expect(page.get_by_test_id("endpoint-row")).to_contain_text("org_unit.created")
    await page.screenshot(path=str(screenshot_dir / "webhooks.zh-CN.png"), full_page=True)
    await page.get_by_test_id("endpoint-link").click()
    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_test_id("delete-endpoint").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("端点已删除")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()


async def test_members_have_an_inbox_but_no_admin_service_pages(
    page: Page, live_server: str, tenant_a: TenantHandle, tenant_b: TenantHandle, user_in: UserIn
) -> None:
    async with _api(live_server, tenant_b) as api:
        created = await api.post(
            "/api/v1/webhooks/endpoints",
            json={"url": "https://b.example.com/hooks", "event_types": ["*"]},
        )
        endpoint_id = created.json()["endpoint"]["id"]
    member = await user_in(tenant_a, Role.MEMBER)
    await sign_in(page, member.email)
    await expect(page.locator("aside.sidebar a[href='/inbox']")).to_have_count(1)
    for path in ("/admin/jobs", "/admin/webhooks", "/admin/messages"):
        await expect(page.locator(f"nav a[href='{path}']")).to_have_count(0)
        response = await page.goto(path)
        assert response is not None and response.status == 403
    await page.goto("/inbox")
    await expect(page.get_by_test_id("empty-state")).to_be_visible()

    # An admin of tenant A cannot open tenant B's endpoint.
    await page.context.clear_cookies()
    await sign_in(page, tenant_a.owner.email)
    response = await page.goto(f"/admin/webhooks/{endpoint_id}")
    assert response is not None and response.status == 404
    assert "b.example.com" not in await page.content()


async def test_the_inbox_pages_with_a_cursor(page: Page, live_server: str, tenant_a: TenantHandle) -> None:
    async with _api(live_server, tenant_a) as api:
        for number in range(27):
            await _raise(api, tenant_a.owner, "info", f"提醒 {number:02d}", "reminder")
    await sign_in(page, tenant_a.owner.email)
    await expect(page.get_by_test_id("unread-count")).to_have_text("27")
    await page.goto("/inbox?unread=1")
    items = page.get_by_test_id("inbox-item")
    await expect(items).to_have_count(25)
    await expect(items.first).to_contain_text("提醒 26")
    await page.get_by_test_id("next-page").click()
    await expect(items).to_have_count(2)
    await expect(items.last).to_contain_text("提醒 00")
    await expect(page).to_have_url(re.compile(r"unread=1"))
    await expect(page.get_by_test_id("next-page")).to_have_count(0)
