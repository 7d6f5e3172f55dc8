"""Sign-in protection: hashing off the event loop, progressive lockout per account and per address,
the owner's alert, an admin's unlock, the JSON login's content type and Origin, and rate limits
and locks decided before any database work."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

import httpx
from bizsuite.app import create_app
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.identity import lockout, security
from bizsuite.core.identity.models import Role
from bizsuite.settings import Settings
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from tests.browser.conftest import add_user
from tests.conftest import PASSWORD, TenantHandle, running
from tests.core.jobs.helpers import fast, run_jobs_until

Client = httpx.AsyncClient


@asynccontextmanager
async def client_at(app: Litestar, address: str) -> AsyncIterator[Client]:
    """A client calling the app in process from the given network address."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def some_address() -> str:
    """A fresh documentation-range address, so tests never share an address's counter."""
    n = uuid.uuid4().int
    return f"198.51.{n % 250}.{(n >> 8) % 250 + 1}"


def unreachable_database() -> Any:
    """Sessions whose every connection attempt fails (nothing listens on port 9)."""
    return make_sessionmaker(create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:9/none"))


async def login(client: Client, email: str, password: str = PASSWORD, **headers: str) -> httpx.Response:
    return await client.post(
        "/api/v1/auth/login", json={"email": email, "password": password}, headers=headers
    )


async def test_password_hashing_runs_off_the_event_loop() -> None:
    ticks = 0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    hashed = await security.hash_password("correct horse battery")
    results = await asyncio.gather(*(security.verify_password(hashed, "wrong guess") for _ in range(4)))
    stop.set()
    await task
    assert results == [False] * 4
    assert await security.verify_password(hashed, "correct horse battery")
    # The loop kept serving other work while argon2 ran (on the loop it would not have ticked).
    assert ticks > 10


def test_locks_grow_with_each_failure_past_the_threshold() -> None:
    seconds = [lockout.lock_seconds(n, 5) for n in range(1, 14)]
    assert seconds[:4] == [0, 0, 0, 0]
    assert seconds[4:8] == [30, 60, 120, 240]
    assert seconds[-1] == lockout.MAX_LOCK_SECONDS


async def test_repeated_wrong_passwords_lock_the_account_alert_its_owner_and_an_admin_unlocks(
    app: Litestar, tenant_a: TenantHandle, settings: Settings, app_engine: AsyncEngine
) -> None:
    email = (await add_user(app_engine, tenant_a, Role.MEMBER)).email
    async with client_at(app, some_address()) as attacker:
        statuses = [(await login(attacker, email, "not the password")).status_code for _ in range(5)]
        assert statuses == [401] * 5
        # Locked: even the right password is refused, with the time to wait.
        locked = await login(attacker, email)
        assert locked.status_code == 429
        assert locked.json()["type"].endswith("/sign-in-locked")
        assert 1 <= int(locked.headers["retry-after"]) <= 30
        assert "set-cookie" not in locked.headers
    # From anywhere else too: the lock is the account's.
    async with client_at(app, some_address()) as person:
        assert (await login(person, email)).status_code == 429

    async with client_at(app, some_address()) as admin:
        member = next(
            m
            for m in (await admin.get("/api/v1/members", headers=tenant_a.headers)).json()["items"]
            if m["email"] == email
        )
        assert member["sign_in_locked_until"] is not None
        # The account's owner was told, in the inbox and (by their default preferences) by email.
        alerts = (await admin.get("/api/v1/alerts", headers=tenant_a.headers)).json()["items"]
        alert = next(a for a in alerts if a["type"] == "identity.sign_in_locked")
        assert email in alert["body"]

        # Unlocked while the 30-second lock still runs (an unlock of a lock that ran out by itself
        # changes nothing and is not audited), so before waiting for the email.
        unlocked = await admin.post(f"/api/v1/members/{member['id']}/unlock", headers=tenant_a.headers)
        assert unlocked.status_code == 200, unlocked.text
        assert unlocked.json()["sign_in_locked_until"] is None
        audit = (await admin.get("/api/v1/audit-log", headers=tenant_a.headers)).json()["items"]
        assert any(e["action"] == "member.unlocked" for e in audit)

        async def emailed() -> bool:
            outbox = (await admin.get("/api/v1/outbox", headers=tenant_a.headers)).json()["items"]
            return any(m["alert_id"] == alert["id"] and m["recipient"] == email for m in outbox)

        await run_jobs_until(fast(settings), emailed)
    async with client_at(app, some_address()) as person:
        assert (await login(person, email)).status_code == 200


async def test_many_accounts_tried_from_one_address_lock_that_address_only(
    app: Litestar, tenant_a: TenantHandle
) -> None:
    flooder = some_address()
    async with client_at(app, flooder) as client:
        for i in range(lockout.ADDRESS_THRESHOLD):
            assert (await login(client, f"guess-{i}-{uuid.uuid4().hex[:6]}@example.com")).status_code == 401
        refused = await login(client, tenant_a.owner.email)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert "network address" in refused.json()["detail"]
    async with client_at(app, some_address()) as elsewhere:
        assert (await login(elsewhere, tenant_a.owner.email)).status_code == 200


async def test_a_known_lock_is_refused_without_touching_the_database(
    settings: Settings, tenant_a: TenantHandle
) -> None:
    application = create_app(settings)
    async with running(application):
        address = some_address()
        async with client_at(application, address) as client:
            for _ in range(lockout.ACCOUNT_THRESHOLD):
                await login(client, tenant_a.owner.email, "wrong")
            working = application.state.sessionmaker
            application.state.sessionmaker = unreachable_database()
            try:
                # Any connection would fail (503): the refusal came before one was asked for.
                refused = await login(client, tenant_a.owner.email)
            finally:
                application.state.sessionmaker = working
            assert refused.status_code == 429


async def test_the_per_caller_limit_refuses_before_any_database_work(
    settings: Settings, tenant_a: TenantHandle
) -> None:
    application = create_app(replace(settings, rate_limit_per_minute=2))
    async with running(application), client_at(application, some_address()) as client:
        for _ in range(2):
            assert (await client.get("/api/v1/org-units", headers=tenant_a.headers)).status_code == 200
        working = application.state.sessionmaker
        application.state.sessionmaker = unreachable_database()
        try:
            refused = await client.get("/api/v1/org-units", headers=tenant_a.headers)
        finally:
            application.state.sessionmaker = working
        assert refused.status_code == 429
        assert refused.headers["ratelimit-remaining"] == "0" and int(refused.headers["retry-after"]) >= 1


async def test_the_json_login_takes_only_json_from_this_site(app: Litestar, tenant_a: TenantHandle) -> None:
    body = f'{{"email": "{tenant_a.owner.email}", "password": "{PASSWORD}"}}'
    async with client_at(app, some_address()) as client:
        # A cross-site HTML form can send text/plain: refused, and no session is started.
        plain = await client.post("/api/v1/auth/login", content=body, headers={"Content-Type": "text/plain"})
        assert plain.status_code == 415 and "set-cookie" not in plain.headers
        other_site = await login(client, tenant_a.owner.email, Origin="https://evil.example")
        assert other_site.status_code == 403 and "set-cookie" not in other_site.headers
        own_site = await login(client, tenant_a.owner.email, Origin="http://testserver")
        assert own_site.status_code == 200 and "bizsuite_session" in own_site.headers["set-cookie"]
        # Scripts and the SDK send no Origin.
        assert (await login(client, tenant_a.owner.email)).status_code == 200


async def test_the_sign_in_page_says_when_the_account_is_locked(
    app: Litestar, tenant_a: TenantHandle
) -> None:
    async with client_at(app, some_address()) as browser:
        form = await browser.get("/login", headers={"Accept-Language": "zh-CN"})
        token = form.text.split('name="form_token" value="', 1)[1].split('"', 1)[0]
        fields = {"form_token": token, "email": tenant_a.owner.email, "next": "/"}
        for _ in range(lockout.ACCOUNT_THRESHOLD):
            wrong = await browser.post("/login", data={**fields, "password": "wrong"})
            assert wrong.status_code == 422
        locked = await browser.post("/login", data={**fields, "password": PASSWORD})
        assert locked.status_code == 429 and int(locked.headers["retry-after"]) >= 1
        assert "登录失败次数过多" in locked.text
        english = await browser.post(
            "/login", data={**fields, "password": PASSWORD}, headers={"Accept-Language": "en"}
        )
        assert "Too many failed sign-ins for this account" in english.text
        assert "bizsuite_session" not in english.headers.get("set-cookie", "")


async def test_operator_posts_replay_with_an_idempotency_key(client: Client) -> None:
    operator = {"Authorization": "Bearer test-operator-token-0123456789", "Idempotency-Key": uuid.uuid4().hex}
    slug = f"idem-{uuid.uuid4().hex[:8]}"
    first = await client.post("/api/v1/tenants", json={"name": "Once", "slug": slug}, headers=operator)
    again = await client.post("/api/v1/tenants", json={"name": "Once", "slug": slug}, headers=operator)
    assert first.status_code == again.status_code == 201, first.text
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    other = await client.post("/api/v1/tenants", json={"name": "Other", "slug": slug + "x"}, headers=operator)
    assert other.status_code == 409
