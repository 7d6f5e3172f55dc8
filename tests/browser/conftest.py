"""Headless Debian Chromium driven by Playwright against a live server.

Screenshots go to a temporary folder, or to docs/user-guide/images when
BIZSUITE_SCREENSHOTS=1 (`make screenshots`), which is how the user guide's pictures are made.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity.models import Membership, Role, User
from bizsuite.settings import REPO_ROOT
from playwright.async_api import Browser, BrowserContext, ConsoleMessage, Page, async_playwright, expect
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: How long an action or an assertion waits. A page answers in milliseconds on an idle machine;
#: on a two-core CI machine running the rest of the suite beside it, a form post can take seconds.
WAIT_MS = 20_000
expect.set_options(timeout=WAIT_MS)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    playwright = await async_playwright().start()
    instance = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield instance
    await instance.close()
    await playwright.stop()


#: Every page reports Content-Security-Policy violations to the console, where the fixture sees them.
CSP_PROBE = """
document.addEventListener("securitypolicyviolation", (e) => console.error(
  "securitypolicyviolation: " + e.violatedDirective + " blocked " + e.blockedURI
  + " at " + (e.sourceFile || document.location.pathname) + ":" + e.lineNumber));
"""


#: A phone (an iPhone 14's screen): the width issue 12's mobile pages are proven at.
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@asynccontextmanager
async def watched_context(browser: Browser, base_url: str, **options: Any) -> AsyncIterator[BrowserContext]:
    """A browser context (zh-CN and a desktop window unless ``options`` say otherwise) whose pages
    run under the real Content-Security-Policy: any violation fails the test when it closes."""
    settings: dict[str, Any] = {"viewport": {"width": 1280, "height": 860}, "locale": "zh-CN", **options}
    ctx = await browser.new_context(base_url=base_url, accept_downloads=True, **settings)
    ctx.set_default_timeout(WAIT_MS)
    violations: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if "securitypolicyviolation" in message.text or "Content Security Policy" in message.text:
            violations.append(message.text)

    ctx.on("console", watch)
    await ctx.add_init_script(CSP_PROBE)
    yield ctx
    await ctx.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
async def context(browser: Browser, live_server: str) -> AsyncIterator[BrowserContext]:
    # A Chinese-speaking user's browser; signed-in pages follow the user's and tenant's language.
    async with watched_context(browser, live_server) as ctx:
        yield ctx


@pytest.fixture
async def page(context: BrowserContext) -> Page:
    return await context.new_page()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("BIZSUITE_SCREENSHOTS") == "1":
        target = REPO_ROOT / "docs" / "user-guide" / "images"
        target.mkdir(parents=True, exist_ok=True)
        return target
    return tmp_path_factory.mktemp("screenshots")


async def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Sign in through the form, as a person would."""
    await page.goto("/login")
    await page.fill("#f-email", email)
    await page.fill("#f-password", password)
    await page.click("[data-testid=sign-in]")
    await page.wait_for_url("**/")


async def htmx_settled(page: Page) -> None:
    """Wait until htmx has no request, swap or settle under way: content it swapped in is visible
    before htmx has bound its hx-* attributes, and an event sent then (a change) is lost.
    (A CSS locator, not ``wait_for_function``, whose polling is an eval the CSP blocks.)"""
    await expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added")).to_have_count(0)


async def add_user(
    engine: AsyncEngine,
    tenant: TenantHandle,
    role: Role,
    *,
    modules: list[str] | None = None,
    user: User | None = None,
) -> User:
    """Give a (new or existing) user a membership in the tenant."""
    from bizsuite.core.identity import security

    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        if user is None:
            user = User(
                email=f"{role.value}-{uuid.uuid4().hex[:8]}@example.com",
                name=f"{role.value.title()} User",
                password_hash=await security.hash_password(PASSWORD),
            )
            session.add(user)
            await session.flush()
        session.add(Membership(user_id=user.id, role=role, module_grants=modules or []))
    return user


@pytest.fixture
def user_in(app_engine: AsyncEngine) -> Callable[..., Awaitable[User]]:
    async def factory(tenant: TenantHandle, role: Role, **kwargs: object) -> User:
        return await add_user(app_engine, tenant, role, **kwargs)  # type: ignore[arg-type]

    return factory
