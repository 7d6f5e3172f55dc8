"""The principal cache (``core/identity/principals.py``): a credential is looked up once and then
answered from memory, and whatever it stands for changing takes effect at once in the process that
made the change and, through ``LISTEN/NOTIFY``, in every other one.

"Another process" is a second app instance here: its own engine, pool, cache and ``LISTEN``
connection, reached only through PostgreSQL. Both keep entries for ten minutes, so a refusal in
the second one can only come from the notification; it is awaited with a bounded poll.
"""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from bizsuite.app import create_app
from bizsuite.core.context import PrincipalKind
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity import security
from bizsuite.core.identity.models import Membership, Role, User
from bizsuite.core.identity.principals import CachedCaller, PrincipalCache
from bizsuite.settings import Settings
from litestar import Litestar
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import OPERATOR_TOKEN, PASSWORD, TenantHandle, asgi_client, running

Client = httpx.AsyncClient
OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
#: Entries outlive every test: only a notification (or the change's own process) drops them.
TEN_MINUTES_MS = 600_000
UNITS = "/api/v1/org-units"
KEYS = "/api/v1/api-keys"  # admins only
ACCOUNTS = "/api/v1/crm/accounts"


async def _until(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Wait for ``check`` (bounded: about 10 s), then assert it."""
    for _ in range(500):
        if await check():
            return
        await asyncio.sleep(0.02)
    assert await check(), what


async def _listening(app: Litestar) -> None:
    cache: PrincipalCache = app.state.principals

    async def active() -> bool:
        return cache.active

    await _until(active, "the app never started listening for principal changes")


@dataclasses.dataclass
class Apps:
    """Two app instances on the same database, as two processes."""

    one: Litestar
    two: Litestar
    a: Client  # calls ``one``
    b: Client  # calls ``two``


@pytest.fixture
async def apps(settings: Settings) -> AsyncIterator[Apps]:
    long_lived = dataclasses.replace(settings, principal_cache_ms=TEN_MINUTES_MS)
    one, two = create_app(long_lived), create_app(long_lived)
    async with (
        running(one),
        running(two),
        asgi_client(one, lifespan=False) as a,
        asgi_client(two, lifespan=False) as b,
    ):
        await _listening(one)
        await _listening(two)
        yield Apps(one, two, a, b)


async def _status(client: Client, path: str, headers: dict[str, str] | None = None) -> int:
    return (await client.get(path, headers=headers)).status_code


async def _becomes(client: Client, path: str, headers: dict[str, str] | None, status: int) -> None:
    async def check() -> bool:
        return await _status(client, path, headers) == status

    await _until(check, f"GET {path} never answered {status}")


async def _member(engine: AsyncEngine, tenant: TenantHandle, role: Role) -> tuple[User, uuid.UUID]:
    """A person in the tenant with ``role`` (password ``PASSWORD``): the user and the membership id."""
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        user = User(
            email=f"m-{uuid.uuid4().hex[:8]}@example.com",
            name="Member",
            password_hash=await security.hash_password(PASSWORD),
        )
        session.add(user)
        await session.flush()
        membership = Membership(user_id=user.id, role=role, module_grants=[])
        session.add(membership)
        await session.flush()
        return user, membership.id


async def _sign_in(client: Client, email: str) -> str:
    signed = await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert signed.status_code == 200, signed.text
    csrf: str = signed.json()["csrf_token"]
    return csrf


async def test_a_key_is_looked_up_once_then_answered_from_memory(apps: Apps, tenant_a: TenantHandle) -> None:
    statements: list[str] = []
    engine = apps.one.state.engine.sync_engine

    def record(*args: Any) -> None:
        statements.append(str(args[2]))

    async def lookups() -> int:
        statements.clear()
        assert await _status(apps.a, UNITS, tenant_a.headers) == 200
        return sum("key_hash" in sql or "FROM tenants" in sql for sql in statements)

    event.listen(engine, "before_cursor_execute", record)
    try:
        assert await lookups() > 0

        async def from_memory() -> bool:
            # (Retried only because another test may cut every listener meanwhile: the cache then
            # starts afresh, and the next request looks the key up again.)
            return await lookups() == 0

        await _until(from_memory, "the key was looked up on every request")
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def test_a_revoked_key_is_refused_here_at_once_and_in_another_process(
    apps: Apps, tenant_a: TenantHandle
) -> None:
    made = await apps.a.post(KEYS, json={"name": "ci", "role": "member"}, headers=tenant_a.headers)
    assert made.status_code == 201, made.text
    key = {"Authorization": f"Bearer {made.json()['secret']}"}
    assert await _status(apps.a, UNITS, key) == 200
    assert await _status(apps.b, UNITS, key) == 200  # both processes now answer it from memory

    revoked = await apps.a.post(f"{KEYS}/{made.json()['api_key']['id']}/revoke", headers=tenant_a.headers)
    assert revoked.status_code == 200, revoked.text
    assert await _status(apps.a, UNITS, key) == 401  # the next request, where it was revoked
    await _becomes(apps.b, UNITS, key, 401)  # elsewhere, once the notification arrives
    assert await _status(apps.b, UNITS, tenant_a.headers) == 200  # the tenant's other key still works


async def test_a_role_change_takes_effect_on_the_persons_session_and_their_keys(
    apps: Apps, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    person, membership_id = await _member(app_engine, tenant_a, Role.ADMIN)
    # Signed in on the second app; a key of theirs made there is used on the first.
    csrf = await _sign_in(apps.b, person.email)
    made = await apps.b.post(KEYS, json={"name": "mine", "role": "admin"}, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201, made.text
    their_key = {"Authorization": f"Bearer {made.json()['secret']}"}
    assert await _status(apps.b, KEYS) == 200
    assert await _status(apps.a, KEYS, their_key) == 200

    # The tenant's admin makes them a viewer, through the first app.
    member = f"/api/v1/members/{membership_id}"
    version = str((await apps.a.get(member, headers=tenant_a.headers)).json()["version"])
    changed = await apps.a.patch(
        member, json={"role": "viewer"}, headers={**tenant_a.headers, "If-Match": version}
    )
    assert changed.status_code == 200, changed.text
    assert await _status(apps.a, KEYS, their_key) == 403  # a key acts with at most its maker's role
    assert await _status(apps.a, UNITS, their_key) == 200
    await _becomes(apps.b, KEYS, None, 403)  # their session, in the other process
    assert await _status(apps.b, UNITS) == 200

    # Removed from the tenant: the key stops, the session keeps no tenant.
    version = str(changed.json()["version"])
    removed = await apps.a.delete(member, headers={**tenant_a.headers, "If-Match": version})
    assert removed.status_code == 204, removed.text
    assert await _status(apps.a, UNITS, their_key) == 401
    await _becomes(apps.b, UNITS, None, 401)


async def test_suspending_a_tenant_takes_effect_everywhere_and_so_does_resuming_it(
    apps: Apps, tenant_a: TenantHandle
) -> None:
    assert await _status(apps.a, UNITS, tenant_a.headers) == 200
    assert await _status(apps.b, UNITS, tenant_a.headers) == 200

    suspended = await apps.a.post(f"/api/v1/tenants/{tenant_a.id}/suspend", headers=OPERATOR)
    assert suspended.status_code == 200, suspended.text
    refused = await apps.a.get(UNITS, headers=tenant_a.headers)
    assert refused.status_code == 403 and refused.json()["type"].endswith("/tenant-suspended")
    await _becomes(apps.b, UNITS, tenant_a.headers, 403)

    resumed = await apps.b.post(f"/api/v1/tenants/{tenant_a.id}/resume", headers=OPERATOR)
    assert resumed.status_code == 200, resumed.text
    assert await _status(apps.b, UNITS, tenant_a.headers) == 200
    await _becomes(apps.a, UNITS, tenant_a.headers, 200)


async def test_taking_a_module_away_from_a_tenant_takes_effect_everywhere(
    apps: Apps, tenant_a: TenantHandle
) -> None:
    assert await _status(apps.a, ACCOUNTS, tenant_a.headers) == 200
    assert await _status(apps.b, ACCOUNTS, tenant_a.headers) == 200
    tenant = f"/api/v1/tenants/{tenant_a.id}"
    version = str((await apps.a.get(tenant, headers=OPERATOR)).json()["version"])
    changed = await apps.a.patch(
        tenant, json={"modules": ["contracts"]}, headers={**OPERATOR, "If-Match": version}
    )
    assert changed.status_code == 200, changed.text
    assert await _status(apps.a, ACCOUNTS, tenant_a.headers) == 403
    await _becomes(apps.b, ACCOUNTS, tenant_a.headers, 403)


async def test_signing_out_ends_the_session_in_every_process(apps: Apps, tenant_a: TenantHandle) -> None:
    csrf = await _sign_in(apps.a, tenant_a.owner.email)
    apps.b.cookies.update(apps.a.cookies)  # the same browser session, served by both processes
    assert await _status(apps.a, UNITS) == 200
    assert await _status(apps.b, UNITS) == 200
    assert (await apps.a.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})).status_code == 204
    await _becomes(apps.b, UNITS, None, 401)


async def test_tenants_stay_apart_with_their_keys_answered_from_memory(
    apps: Apps, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    tenants = [await make_tenant(), await make_tenant()]
    names: dict[uuid.UUID, str] = {}
    ids: dict[uuid.UUID, str] = {}
    for tenant in tenants:
        made = await apps.a.post(
            ACCOUNTS, json={"code": "C-1", "name": f"Account of {tenant.id}"}, headers=tenant.headers
        )
        assert made.status_code == 201, made.text
        names[tenant.id], ids[tenant.id] = made.json()["name"], made.json()["id"]

    async def look(client: Client, me: TenantHandle, other: TenantHandle) -> None:
        own = await client.get(ACCOUNTS, headers=me.headers)
        assert own.status_code == 200
        assert [item["name"] for item in own.json()["items"]] == [names[me.id]]
        assert await _status(client, f"{ACCOUNTS}/{ids[other.id]}", me.headers) == 404

    first, second = tenants
    await asyncio.gather(
        *(
            look(client, *pair)
            for _ in range(5)
            for client in (apps.a, apps.b)
            for pair in ((first, second), (second, first))
        )
    )


async def test_after_losing_its_listener_a_process_trusts_nothing_it_remembered(
    settings: Settings, tenant_a: TenantHandle, owner_engine: AsyncEngine
) -> None:
    listeners = text(
        "SELECT pid FROM pg_stat_activity WHERE application_name = 'bizsuite live' AND datname = current_database()"
    )
    async with owner_engine.connect() as conn:
        before = set((await conn.scalars(listeners)).all())
    app = create_app(dataclasses.replace(settings, principal_cache_ms=TEN_MINUTES_MS))
    async with running(app), asgi_client(app, lifespan=False) as client:
        await _listening(app)
        cache: PrincipalCache = app.state.principals
        assert await _status(client, UNITS, tenant_a.headers) == 200  # remembered
        async with owner_engine.connect() as conn:
            # This app's listener (and any other of this database's that reconnected meanwhile).
            started = set((await conn.scalars(listeners)).all()) - before
            assert started
            generation = cache.generation
            for pid in started:
                await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

        async def back() -> bool:
            return cache.active and cache.generation > generation

        await _until(back, "the listener never came back")
        # A change no notification tells of (raw SQL elsewhere): what was remembered before the loss
        # is gone, so the key is looked up and refused.
        async with owner_engine.begin() as conn:
            await conn.execute(
                text("UPDATE api_keys SET revoked_at = now() WHERE tenant_id = :t"), {"t": tenant_a.id}
            )
        assert await _status(client, UNITS, tenant_a.headers) == 401


def _entry(tenant: str, user: uuid.UUID | None = None) -> CachedCaller:
    return CachedCaller(
        kind=PrincipalKind.API_KEY,
        label="k",
        tenant=None,
        role=Role.ADMIN,
        module_grants=frozenset(),
        tenant_key=tenant,
        creator_id=user,
    )


def test_the_cache_answers_only_while_listening_and_only_for_its_lifetime() -> None:
    now = [0.0]
    cache = PrincipalCache(5.0, clock=lambda: now[0])
    cache.put("k", _entry("t1"), cache.generation)
    assert cache.get("k") is None  # not listening yet: nothing kept, nothing answered
    cache.listening(True)
    cache.put("k", _entry("t1"), cache.generation)
    assert cache.get("k") is not None
    now[0] = 5.0
    assert cache.get("k") is None  # lifetime over
    cache.put("k", _entry("t1"), cache.generation)
    cache.listening(False)
    assert cache.get("k") is None
    cache.listening(True)
    assert cache.get("k") is None  # what was kept before the loss is gone


def test_a_lookup_overtaken_by_a_change_is_not_kept() -> None:
    cache = PrincipalCache(5.0)
    cache.listening(True)
    started = cache.generation
    cache.invalidate("tenant:t1")  # a change arrives while the lookup runs
    cache.put("k", _entry("t1"), started)
    assert cache.get("k") is None


def test_a_change_drops_the_entries_of_its_tenant_or_person_only() -> None:
    cache = PrincipalCache(5.0)
    cache.listening(True)
    person = uuid.uuid4()
    for key, entry in {"a": _entry("t1"), "b": _entry("t2"), "c": _entry("t3", person)}.items():
        cache.put(key, entry, cache.generation)
    cache.invalidate("tenant:t1")
    assert [cache.get(k) is not None for k in "abc"] == [False, True, True]
    cache.invalidate(f"user:{person}")
    assert [cache.get(k) is not None for k in "abc"] == [False, True, False]
    cache.invalidate("*")
    assert cache.get("b") is None
