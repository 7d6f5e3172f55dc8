"""Approvals in the browser, as the demo users would: submit a demo expense, approve it step by
step in separate browsers, see the alerts arrive, reject and re-submit, delegate, withdraw, and
the admin pages for flows and approvers. The new pages are checked in English (their zh-CN
entries arrive with the catalog merge); the alert titles are data, in the tenant's language."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from bizsuite.core.blueprints import apply_blueprint, load_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.identity.models import Role, User
from playwright.async_api import Browser, BrowserContext, Page, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import WAIT_MS, sign_in
from tests.conftest import TenantHandle
from tests.core.test_blueprints import DEMO

BLUEPRINT = load_blueprint(DEMO)
PASSWORDS = {user.email: user.password for user in BLUEPRINT.users}
NAMES = {user.email: user.name for user in BLUEPRINT.users}
CLERK = "clerk@huaxin.example"
STORE = "store.manager@huaxin.example"
REGION = "region.east@huaxin.example"
OPS = "ops.manager@huaxin.example"
SALES_HEAD = "sales.head@huaxin.example"
ADMIN = "admin@huaxin.example"
VIEWER = "viewer@huaxin.example"
STORE_UNIT = "STORE-SH-01"

UserIn = Callable[..., Awaitable[User]]
Person = Callable[[str], Awaitable[Page]]


@pytest.fixture(scope="module")
async def demo_tenant(app_engine: AsyncEngine) -> None:
    """The demo blueprint (applied idempotently): its users, org tree, approvers and seed flows."""
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await apply_blueprint(session, load_blueprint(DEMO), source="test")


@pytest.fixture
async def person(browser: Browser, live_server: str, demo_tenant: None) -> AsyncIterator[Person]:
    """Factory: a demo user signed in, in a browser of their own, with the UI in English."""
    contexts: list[BrowserContext] = []

    async def open_as(email: str) -> Page:
        context = await browser.new_context(
            base_url=live_server, viewport={"width": 1280, "height": 900}, locale="zh-CN"
        )
        context.set_default_timeout(WAIT_MS)
        contexts.append(context)
        page = await context.new_page()
        # Each confirmation dialog (hx-confirm) is accepted, as a person clicking OK would.
        page.on("dialog", lambda dialog: dialog.accept())
        await page.goto("/login")
        await page.get_by_test_id("switch-language-en").click()
        await expect(page.locator("html")).to_have_attribute("lang", "en")
        await sign_in(page, email, PASSWORDS[email])
        await expect(page.locator("html")).to_have_attribute("lang", "en")
        return page

    yield open_as
    for context in contexts:
        await context.close()


async def submit_expense(page: Page, title: str, amount: str = "1280.50", category: str = "") -> str:
    """Fill the demo expense form at the Shanghai store and submit it; return the request's id."""
    await page.goto("/approvals/new")
    await page.select_option("#f-org_unit_id", label=_unit_label(STORE_UNIT))
    await page.fill("#f-amount", amount)
    await page.select_option("#f-category", category)
    await page.fill("#f-title", title)
    await page.get_by_test_id("submit-expense").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("Submitted for approval.")
    await expect(page.get_by_test_id("request-title")).to_have_text(title)
    match = re.search(r"/approvals/requests/([0-9a-f-]{36})", page.url)
    assert match, page.url
    return match.group(1)


def _unit_label(code: str) -> str:
    unit = next(u for u in BLUEPRINT.org_units if u.code == code)
    return f"{unit.name} · {unit.code}"


async def inbox_titles(page: Page) -> list[str]:
    """The signed-in user's alert titles through the API, with the browser's own session."""
    response = await page.request.get("/api/v1/inbox?limit=200")
    assert response.ok, await response.text()
    body: dict[str, Any] = await response.json()
    return [item["alert"]["title"] for item in body["items"]]


async def approve_from_inbox(page: Page, title: str, comment: str) -> None:
    """Find the request in my approvals, open it and approve it with a comment."""
    await page.goto("/approvals")
    row = page.locator(f"[data-testid=approval-row][data-title='{title}']")
    await expect(row).to_have_count(1)
    await row.get_by_test_id("open-request").click()
    await expect(page.get_by_test_id("request-title")).to_have_text(title)
    await page.get_by_test_id("approve-comment").fill(comment)
    await page.get_by_test_id("approve").click()
    await expect(page.get_by_test_id("toast")).to_contain_text("Approved.")


async def test_submit_a_demo_expense_and_approve_it_step_by_step(
    person: Person, screenshot_dir: Path
) -> None:
    title = f"Shelf repair {uuid.uuid4().hex[:6]}"
    clerk = await person(CLERK)
    await clerk.goto("/approvals/new")
    await expect(clerk.get_by_test_id("tab-new")).to_have_attribute("aria-current", "page")
    # Preview who would approve before submitting.
    await clerk.select_option("#f-org_unit_id", label=_unit_label(STORE_UNIT))
    await clerk.fill("#f-amount", "1,280.50")
    await clerk.fill("#f-title", title)
    await clerk.get_by_test_id("preview-route").click()
    steps = clerk.get_by_test_id("preview-step")
    await expect(steps).to_have_count(3)
    for i, email in enumerate((STORE, REGION, OPS)):
        await expect(steps.nth(i)).to_contain_text(NAMES[email])
    await clerk.screenshot(path=str(screenshot_dir / "approvals-new.en.png"), full_page=True)
    request_id = await submit_expense(clerk, title)

    # The request page: the document, its route and its history.
    await expect(clerk.get_by_test_id("request-status")).to_have_text("In approval")
    await expect(clerk.get_by_test_id("document-type")).to_have_text("Expense (demo)")
    await expect(clerk.get_by_test_id("request-facts")).to_contain_text("CN¥1,280.50")
    await expect(clerk.get_by_test_id("author")).to_have_text(NAMES[CLERK])
    await expect(clerk.get_by_test_id("org-unit")).to_contain_text("Nanjing Rd")
    route = clerk.get_by_test_id("route-step")
    await expect(route).to_have_count(3)
    await expect(route.nth(0).get_by_test_id("step-approver")).to_contain_text(NAMES[STORE])
    await expect(route.nth(0).get_by_test_id("step-status")).to_have_text("Waiting for decision")
    await expect(route.nth(1).get_by_test_id("step-status")).to_have_text("Waiting")
    await expect(clerk.get_by_test_id("withdraw-form")).to_be_visible()
    await expect(clerk.get_by_test_id("approve-form")).to_have_count(0)

    for step, (email, comment) in enumerate(((STORE, "Needed"), (REGION, "OK"), (OPS, "Go ahead"))):
        approver = await person(email)
        # The alert arrived: in the inbox (API and page) and as the approvals badge.
        assert f"待我审批：{title}" in await inbox_titles(approver)
        await approver.goto("/inbox")
        await expect(approver.get_by_test_id("inbox-list")).to_contain_text(title)
        await expect(approver.get_by_test_id("badge-approvals")).to_be_visible()
        if step == 0:
            await approver.goto("/approvals")
            await approver.screenshot(path=str(screenshot_dir / "approvals-inbox.en.png"), full_page=True)
        await approve_from_inbox(approver, title, comment)
        # Approved: no longer waiting for this person.
        await approver.goto("/approvals")
        await expect(approver.locator(f"[data-testid=approval-row][data-title='{title}']")).to_have_count(0)
        if step < 2:
            await approver.goto(f"/approvals/requests/{request_id}")
            pending = approver.locator("[data-testid=route-step][aria-current=step]")
            await expect(pending).to_have_attribute("data-position", str(step + 2))

    await clerk.goto(f"/approvals/requests/{request_id}")
    await expect(clerk.get_by_test_id("request-status")).to_have_text("Approved")
    history = clerk.get_by_test_id("history-row")
    await expect(history).to_have_count(4)
    await expect(history.nth(0)).to_contain_text("Submitted")
    await expect(history.nth(3)).to_contain_text(NAMES[OPS])
    await expect(history.nth(3).get_by_test_id("history-comment")).to_have_text("Go ahead")
    await clerk.screenshot(path=str(screenshot_dir / "approvals-request.en.png"), full_page=True)
    assert f"审批通过：{title}" in await inbox_titles(clerk)
    await clerk.goto("/approvals/submitted?status=approved")
    row = clerk.locator(f"[data-testid=submission-row][data-title='{title}']")
    await expect(row.get_by_test_id("status")).to_have_text("Approved")


async def test_a_rejection_needs_a_reason_and_returns_to_the_author_who_resubmits(person: Person) -> None:
    title = f"Team dinner {uuid.uuid4().hex[:6]}"
    clerk = await person(CLERK)
    request_id = await submit_expense(clerk, title, amount="860.00")

    store = await person(STORE)
    await store.goto("/approvals")
    row = store.locator(f"[data-testid=approval-row][data-title='{title}']")
    await row.get_by_test_id("decide").click()
    await row.get_by_test_id("reject").click()
    # No reason: the form comes back with the error next to the field, nothing decided.
    await expect(store.get_by_test_id("error-reject-comment")).to_have_text("is required")
    await expect(store.get_by_test_id("request-status")).to_have_text("In approval")
    await store.get_by_test_id("reject-comment").fill("No receipt attached")
    await store.get_by_test_id("reject").click()
    await expect(store.get_by_test_id("toast")).to_contain_text("Rejected")
    await expect(store.get_by_test_id("request-status")).to_have_text("Rejected")
    await store.goto("/approvals")
    await expect(store.locator(f"[data-testid=approval-row][data-title='{title}']")).to_have_count(0)

    # Back with the author, who reads why, in the history and in the inbox.
    assert f"审批驳回，已退回：{title}" in await inbox_titles(clerk)
    await clerk.goto("/approvals/submitted?status=rejected")
    mine = clerk.locator(f"[data-testid=submission-row][data-title='{title}']")
    await expect(mine.get_by_test_id("status")).to_have_text("Rejected")
    await mine.get_by_test_id("open-request").click()
    rejected = clerk.locator("[data-testid=history-row][data-action=rejected]")
    await expect(rejected.get_by_test_id("history-comment")).to_have_text("No receipt attached")
    await clerk.get_by_test_id("resubmit-amount").fill("820.00")
    await clerk.get_by_test_id("resubmit-comment").fill("Receipt attached")
    await clerk.get_by_test_id("resubmit").click()
    await expect(clerk.get_by_test_id("toast")).to_contain_text("Re-submitted")
    await expect(clerk.get_by_test_id("request-status")).to_have_text("In approval")
    await expect(clerk.get_by_test_id("request-facts")).to_contain_text("CN¥820.00")

    # A new round: the store manager is asked again, and the author can still withdraw.
    await store.goto("/approvals")
    await expect(store.locator(f"[data-testid=approval-row][data-title='{title}']")).to_contain_text(
        "round 2"
    )
    await clerk.get_by_test_id("withdraw").click()
    await expect(clerk.get_by_test_id("toast")).to_contain_text("Withdrawn.")
    await expect(clerk.get_by_test_id("request-status")).to_have_text("Withdrawn")
    await store.goto(f"/approvals/requests/{request_id}")
    await expect(store.get_by_test_id("request-actions")).to_have_count(0)


async def test_delegate_a_step_to_another_member(person: Person) -> None:
    title = f"Printer toner {uuid.uuid4().hex[:6]}"
    clerk = await person(CLERK)
    request_id = await submit_expense(clerk, title, amount="99.00")
    store = await person(STORE)
    await store.goto(f"/approvals/requests/{request_id}")
    await store.get_by_test_id("delegate").click()
    await expect(store.get_by_test_id("error-delegate-to_user_id")).to_have_text("is required")
    await store.get_by_test_id("delegate-to").select_option(label=f"{NAMES[SALES_HEAD]} · {SALES_HEAD}")
    await store.get_by_test_id("delegate-comment").fill("On leave this week")
    await store.get_by_test_id("delegate").click()
    await expect(store.get_by_test_id("toast")).to_contain_text("Handed over.")

    head = await person(SALES_HEAD)
    assert f"待我审批：{title}" in await inbox_titles(head)
    await approve_from_inbox(head, title, "Covered")
    await head.goto(f"/approvals/requests/{request_id}")
    delegated = head.locator("[data-testid=history-row][data-action=delegated]")
    await expect(delegated).to_contain_text(NAMES[SALES_HEAD])
    await expect(delegated.get_by_test_id("history-comment")).to_have_text("On leave this week")
    await expect(head.get_by_test_id("route-step").first.get_by_test_id("step-approver")).to_contain_text(
        NAMES[SALES_HEAD]
    )


async def test_admins_see_flows_and_manage_approvers(person: Person, screenshot_dir: Path) -> None:
    admin = await person(ADMIN)
    await admin.goto("/admin/approval-flows")
    await expect(admin.get_by_test_id("flows-note")).to_contain_text("blueprint")
    for code in ("special-expense", "operating-expense", "store-expense", "department-expense"):
        await expect(admin.get_by_test_id(f"flow-{code}")).to_be_visible()
    await admin.screenshot(path=str(screenshot_dir / "approval-flows.en.png"), full_page=True)
    await admin.get_by_test_id("flow-store-expense").get_by_role("link").click()
    await expect(admin.get_by_test_id("flow-step")).to_have_count(3)
    await expect(admin.get_by_test_id("flow-conditions")).to_contain_text("store")

    role = f"auditor_{uuid.uuid4().hex[:6]}"
    await admin.goto("/admin/approver-assignments")
    form = admin.get_by_test_id("add-assignment")
    await form.get_by_role("button").click()  # nothing chosen: errors next to the fields
    await expect(admin.get_by_test_id("error-user_id")).to_have_text("is required")
    await form.locator("#f-user_id").select_option(label=f"{NAMES[SALES_HEAD]} · {SALES_HEAD}")
    await form.locator("#f-approver_role").fill("Not A Role")
    await form.locator("#f-org_unit_id").select_option(label=_unit_label("HQ-FIN"))
    await form.get_by_role("button").click()
    await expect(admin.get_by_test_id("error-approver_role")).to_have_text(
        "must start with a lowercase letter and use only lowercase letters, digits, '.' and '_'"
    )
    await form.locator("#f-approver_role").fill(role)
    await form.get_by_role("button").click()
    await expect(admin.get_by_test_id("toast")).to_contain_text("Approver added.")
    await admin.goto(f"/admin/approver-assignments?approver_role={role}")
    rows = admin.get_by_test_id("assignment-row")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text(NAMES[SALES_HEAD])
    await rows.first.get_by_test_id("remove-assignment").click()
    await expect(admin.get_by_test_id("toast")).to_contain_text("Approver removed.")
    await admin.goto(f"/admin/approver-assignments?approver_role={role}")
    await expect(admin.get_by_test_id("empty-state")).to_be_visible()


async def test_every_member_has_approvals_but_only_admins_see_flows(person: Person) -> None:
    viewer = await person(VIEWER)
    await expect(viewer.locator("nav a[href='/approvals']")).to_have_count(1)
    await expect(viewer.locator("nav a[href='/admin/approval-flows']")).to_have_count(0)
    await viewer.goto("/approvals")
    await expect(viewer.get_by_test_id("tab-new")).to_have_count(0)
    response = await viewer.goto("/approvals/new")
    assert response is not None and response.status == 403
    response = await viewer.goto("/admin/approver-assignments")
    assert response is not None and response.status == 403


async def test_another_tenants_request_is_a_404_page(
    person: Person, live_server: str, tenant_b: TenantHandle, user_in: UserIn
) -> None:
    approver = await user_in(tenant_b, Role.MEMBER)
    async with httpx.AsyncClient(timeout=60, base_url=live_server, headers=tenant_b.headers) as api:
        unit = (
            await api.post("/api/v1/org-units", json={"name": "B shop", "code": "B1", "kind": "store"})
        ).json()
        flow = {
            "code": "b-flow",
            "name": "B flow",
            "steps": [{"label": "Approver", "approver_kind": "user", "user_id": str(approver.id)}],
        }
        assert (await api.post("/api/v1/approvals/flows", json=flow)).status_code == 201
        document = {
            "document_type": "expense_demo",
            "title": "B secret expense",
            "org_unit_id": unit["id"],
            "amount": "5.00",
            "currency": "CNY",
            "author_id": str(tenant_b.owner.id),
        }
        created = await api.post("/api/v1/approvals/requests", json=document)
        assert created.status_code == 201, created.text
        request_id = created.json()["id"]
    clerk = await person(CLERK)
    shown = await clerk.goto(f"/approvals/requests/{request_id}")
    assert shown is not None and shown.status == 404
    await expect(clerk.get_by_test_id("error-page")).to_be_visible()
    assert "B secret" not in await clerk.content()
    forged = await clerk.request.post(
        f"/approvals/requests/{request_id}/withdraw",
        form={"version": "1"},
        headers={"X-CSRF-Token": await _csrf(clerk)},
    )
    assert forged.status == 404
    assert "B secret" not in await forged.text()


async def _csrf(page: Page) -> str:
    header = await page.locator("body").get_attribute("hx-headers")
    assert header is not None
    match = re.search(r'"X-CSRF-Token": "([^"]+)"', header)
    assert match is not None
    return match.group(1)
