"""The app through Debian's PgBouncer in transaction mode, as production runs it behind one.

A PgBouncer of this module's own (two server connections) sits in front of the test database;
an app built with ``BIZSUITE_PGBOUNCER=true`` settings sends its runtime engine through it while
its ``LISTEN`` connection goes to PostgreSQL itself. The checks: requests share the server
connections, two tenants interleaved through them never see each other's rows, an idempotent
POST replays, the live feed still hears committed changes, no prepared statement stays behind
on a server connection, a request that waits too long in PgBouncer's queue gets a 503, and no
code keeps session state a pooler would hand to someone else.

The whole API test module of an area runs through PgBouncer too, with the suite's own fixture:
``BIZSUITE_PGBOUNCER=true .venv/bin/python -m pytest -p no:randomly tests/modules/crm/accounts
tests/isolation`` (see docs/operations.md, "PgBouncer").
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import httpx
import pytest
from bizsuite.app import create_app
from bizsuite.core.database import (
    DirectUrlMissingError,
    direct_url,
    make_sessionmaker,
    runtime_url,
    to_asyncpg_url,
)
from bizsuite.core.db import bind_tenant
from bizsuite.core.live import LiveHub, changed
from bizsuite.settings import REPO_ROOT, Settings
from litestar import Litestar
from sqlalchemy import URL, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle, asgi_client, create_tenant_with_key, running
from tests.pgbouncer import PgBouncer, pgbouncer_available, start_pgbouncer

pytestmark = pytest.mark.skipif(
    not pgbouncer_available(), reason="Debian's pgbouncer is not installed (make pgbouncer-deps)"
)

ACCOUNTS = "/api/v1/crm/accounts"
#: Server connections of this module's PgBouncer: far fewer than the app's client connections.
SERVER_POOL = 2


def _dsn(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def bouncer(owner_url: URL) -> Iterator[PgBouncer]:
    defaults = Settings()
    started = start_pgbouncer(
        owner_url, {defaults.app_db_role: defaults.app_db_password}, pool_size=SERVER_POOL
    )
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="module")
def pooled_settings(settings: Settings, owner_url: URL, bouncer: PgBouncer) -> Settings:
    """The suite's settings with the runtime URL through PgBouncer and ``pgbouncer`` on; the
    direct URL is left to be derived from the owner's URL, as a deployment would."""
    app_role = owner_url.set(username=settings.app_db_role, password=settings.app_db_password or None)
    return dataclasses.replace(
        settings,
        app_database_url=bouncer.url(app_role).render_as_string(hide_password=False),
        pgbouncer=True,
        direct_database_url="",
    )


@pytest.fixture(scope="module")
async def pooled_app(pooled_settings: Settings) -> AsyncIterator[Litestar]:
    application = create_app(pooled_settings)
    async with running(application):
        yield application


@pytest.fixture
async def pooled(pooled_app: Litestar) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(pooled_app, lifespan=False) as client:
        yield client


@pytest.fixture(scope="module")
def pooled_engine(pooled_app: Litestar) -> AsyncEngine:
    engine: AsyncEngine = pooled_app.state.engine
    return engine


async def _prepared_statements_left(bouncer: PgBouncer, app_url: URL) -> int:
    """Prepared statements on every server connection of the pool (one open transaction holds each)."""
    spies = [await asyncpg.connect(_dsn(app_url), statement_cache_size=0) for _ in range(bouncer.pool_size)]
    try:
        transactions = [spy.transaction() for spy in spies]
        for transaction in transactions:
            await transaction.start()
        pids = {await spy.fetchval("SELECT pg_backend_pid()") for spy in spies}
        assert len(pids) == bouncer.pool_size
        left = [await spy.fetchval("SELECT count(*) FROM pg_prepared_statements") for spy in spies]
        for transaction in transactions:
            await transaction.rollback()
        return sum(left)
    finally:
        for spy in spies:
            await spy.close()


async def test_requests_share_the_server_connections_while_listen_goes_to_postgresql(
    pooled_engine: AsyncEngine, pooled_app: Litestar, bouncer: PgBouncer, pooled_settings: Settings
) -> None:
    assert pooled_engine.url.port == bouncer.port
    # Eight transactions at once on eight client connections: PgBouncer runs them on its two.
    pids: list[int] = []

    async def one() -> None:
        async with pooled_engine.begin() as conn:
            pids.append(int(await conn.scalar(text("SELECT pg_backend_pid()"))))
            await conn.execute(text("SELECT pg_sleep(0.05)"))

    await asyncio.gather(*(one() for _ in range(8)))
    assert len(pids) == 8 and len(set(pids)) <= SERVER_POOL
    # The startup parameter is not sent (PgBouncer ignores it): the role's own default applies.
    async with pooled_engine.connect() as conn:
        timeout = await conn.scalar(text("SHOW statement_timeout"))
    assert timeout == f"{pooled_settings.db_statement_timeout_ms // 1000}s"
    # LISTEN connections (the live hub, the worker's queue) go to PostgreSQL itself.
    direct = direct_url(pooled_settings)
    assert direct.port != bouncer.port
    assert direct.username == pooled_settings.app_db_role


def _accounts(response: httpx.Response) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["name"] for item in response.json()["items"]}


async def test_two_tenants_interleaved_through_two_server_connections_never_see_each_other(
    pooled: httpx.AsyncClient, pooled_engine: AsyncEngine
) -> None:
    a = await create_tenant_with_key(pooled_engine)
    b = await create_tenant_with_key(pooled_engine)
    names: dict[uuid.UUID, set[str]] = {}
    ids: dict[uuid.UUID, list[str]] = {}
    for t, tag in ((a, "A"), (b, "B")):
        created = await asyncio.gather(
            *(
                pooled.post(ACCOUNTS, json={"code": f"{tag}-{n}", "name": f"{tag} {n}"}, headers=t.headers)
                for n in range(3)
            )
        )
        assert all(r.status_code == 201 for r in created), [r.text for r in created]
        names[t.id] = {r.json()["name"] for r in created}
        ids[t.id] = [r.json()["id"] for r in created]

    async def look(me: TenantHandle, other: TenantHandle) -> None:
        own, foreign = await asyncio.gather(
            pooled.get(f"{ACCOUNTS}?limit=50", headers=me.headers),
            pooled.get(f"{ACCOUNTS}/{ids[other.id][0]}", headers=me.headers),
        )
        assert _accounts(own) == names[me.id]
        assert foreign.status_code == 404, foreign.text

    # 80 requests of both tenants at once over 2 server connections, transaction by transaction.
    await asyncio.gather(*(look(a, b) if i % 2 else look(b, a) for i in range(40)))

    # The same below the API: the tenant setting is transaction-local, so a transaction without
    # one, on a server connection a tenant has just used, sees no tenant's rows.
    sessions = make_sessionmaker(pooled_engine)

    async def read(tenant: TenantHandle | None) -> tuple[TenantHandle | None, str, set[str]]:
        async with sessions() as session, session.begin():
            if tenant is not None:
                await bind_tenant(session, tenant.id)
            setting = await session.scalar(
                text("SELECT coalesce(current_setting('app.tenant_id', true), '')")
            )
            rows = await session.scalars(text("SELECT name FROM crm_accounts"))
            return tenant, str(setting), set(rows)

    results = await asyncio.gather(*(read((a, b, None)[i % 3]) for i in range(60)))
    for tenant, setting, rows in results:
        if tenant is None:
            assert (setting, rows) == ("", set())
        else:
            assert (setting, rows) == (str(tenant.id), names[tenant.id])


async def test_an_idempotent_post_through_pgbouncer_runs_once_and_replays(
    pooled: httpx.AsyncClient, pooled_engine: AsyncEngine
) -> None:
    t = await create_tenant_with_key(pooled_engine)
    headers = {**t.headers, "Idempotency-Key": f"pgbouncer-{uuid.uuid4()}"}
    body = {"code": "IDEM-1", "name": "Idempotent"}
    first = await pooled.post(ACCOUNTS, json=body, headers=headers)
    assert first.status_code == 201, first.text
    # Retries at once: each waits on the key's unique index or replays the stored answer.
    retries = await asyncio.gather(*(pooled.post(ACCOUNTS, json=body, headers=headers) for _ in range(3)))
    assert [r.status_code for r in retries] == [201, 201, 201]
    assert {r.json()["id"] for r in retries} == {first.json()["id"]}
    assert _accounts(await pooled.get(ACCOUNTS, headers=t.headers)) == {"Idempotent"}


class _RolledBackError(Exception):
    pass


async def test_the_live_feed_hears_changes_committed_through_pgbouncer(
    pooled_app: Litestar, pooled_engine: AsyncEngine
) -> None:
    hub: LiveHub = pooled_app.state.live
    t = await create_tenant_with_key(pooled_engine)
    with hub.watch(t.id, "pgbouncer.check") as queue:
        await asyncio.wait_for(hub.listening(), 10)
        async with make_sessionmaker(pooled_engine)() as session, session.begin():
            await bind_tenant(session, t.id)
            await changed(session, t.id, "pgbouncer.check", "first")
        assert await asyncio.wait_for(queue.get(), 10) == "first"
        # A rolled-back change says nothing.
        with pytest.raises(_RolledBackError):
            async with make_sessionmaker(pooled_engine)() as session, session.begin():
                await bind_tenant(session, t.id)
                await changed(session, t.id, "pgbouncer.check", "rolled back")
                raise _RolledBackError
        async with make_sessionmaker(pooled_engine)() as session, session.begin():
            await bind_tenant(session, t.id)
            await changed(session, t.id, "pgbouncer.check", "second")
        assert await asyncio.wait_for(queue.get(), 10) == "second"


async def test_listen_through_pgbouncer_hears_nothing_which_is_why_it_goes_direct(
    owner_url: URL, settings: Settings
) -> None:
    # Its own PgBouncer: a server connection left LISTENing is not handed to the other tests.
    alone = start_pgbouncer(owner_url, {settings.app_db_role: settings.app_db_password}, pool_size=1)
    app_role = owner_url.set(username=settings.app_db_role, password=settings.app_db_password or None)
    heard: dict[str, list[str]] = {"through": [], "direct": []}
    channel = f"pgbouncer_check_{uuid.uuid4().hex[:8]}"
    try:
        through = await asyncpg.connect(_dsn(alone.url(app_role)), statement_cache_size=0)
        direct = await asyncpg.connect(_dsn(app_role))
        try:
            await through.add_listener(channel, lambda *args: heard["through"].append(args[-1]))
            await direct.add_listener(channel, lambda *args: heard["direct"].append(args[-1]))
            # A request (another client of PgBouncer) commits a change.
            notifier = await asyncpg.connect(_dsn(alone.url(app_role)), statement_cache_size=0)
            try:
                await notifier.execute(f"SELECT pg_notify('{channel}', 'news')")
            finally:
                await notifier.close()
            for _ in range(100):
                if heard["direct"]:
                    break
                await asyncio.sleep(0.02)
            await asyncio.sleep(0.3)
            assert heard == {"through": [], "direct": ["news"]}
        finally:
            await through.close()
            await direct.close()
    finally:
        alone.stop()


async def test_no_prepared_statement_stays_on_the_server_connections(
    pooled: httpx.AsyncClient, pooled_engine: AsyncEngine, pooled_settings: Settings, bouncer: PgBouncer
) -> None:
    t = await create_tenant_with_key(pooled_engine)
    for _ in range(3):
        await asyncio.gather(*(pooled.get(f"{ACCOUNTS}?limit=5", headers=t.headers) for _ in range(6)))
    assert await _prepared_statements_left(bouncer, runtime_url(pooled_settings)) == 0


async def test_a_request_that_waits_too_long_in_pgbouncers_queue_gets_503_then_service_resumes(
    owner_url: URL, settings: Settings
) -> None:
    # One server connection, held by another client; PgBouncer gives up on waiting after 1 s.
    alone = start_pgbouncer(
        owner_url,
        {settings.app_db_role: settings.app_db_password},
        pool_size=1,
        extra={"query_wait_timeout": "1"},
    )
    app_role = owner_url.set(username=settings.app_db_role, password=settings.app_db_password or None)
    busy = dataclasses.replace(
        settings, app_database_url=alone.url(app_role).render_as_string(hide_password=False), pgbouncer=True
    )
    application = create_app(busy)
    try:
        async with running(application), asgi_client(application, lifespan=False) as client:
            t = await create_tenant_with_key(application.state.engine)
            holder = await asyncpg.connect(_dsn(alone.url(app_role)), statement_cache_size=0)
            try:
                async with holder.transaction():
                    await holder.execute("SELECT 1")
                    refused = await client.get(ACCOUNTS, headers=t.headers)
                assert refused.status_code == 503, refused.text
                assert refused.headers["retry-after"] == "2"
            finally:
                await holder.close()
            served = await client.get(ACCOUNTS, headers=t.headers)
            assert served.status_code == 200, served.text
    finally:
        alone.stop()


# --------------------------------------------------------------------------- settings


def test_the_direct_url_is_the_runtime_url_without_pgbouncer() -> None:
    settings = Settings(app_database_url="postgresql://app:pw@db:5432/bizsuite")
    assert direct_url(settings) == runtime_url(settings)


def test_behind_pgbouncer_the_direct_url_comes_from_the_owner_url_or_is_given() -> None:
    pooled = Settings(
        database_url="postgresql://owner:secret@db:5432/bizsuite",
        app_database_url="postgresql://bizsuite_app:pw@pgbouncer:6432/bizsuite",
        app_db_password="pw",
        pgbouncer=True,
    )
    assert direct_url(pooled) == to_asyncpg_url("postgresql://bizsuite_app:pw@db:5432/bizsuite")
    given = dataclasses.replace(
        pooled, direct_database_url="postgresql://bizsuite_app:pw@primary:5432/bizsuite"
    )
    assert direct_url(given) == to_asyncpg_url("postgresql://bizsuite_app:pw@primary:5432/bizsuite")
    runtime_only = dataclasses.replace(pooled, database_url="")
    with pytest.raises(DirectUrlMissingError, match="BIZSUITE_DIRECT_DATABASE_URL"):
        direct_url(runtime_only)


# --------------------------------------------------------------------------- session state in code

#: What a transaction pooler would hand to the next client, or lose: session-level settings,
#: session-level advisory locks, LISTEN outside core/live.py, cursors WITH HOLD, SQL PREPARE,
#: temporary tables.
SESSION_STATE = {
    "session-level advisory lock (use pg_advisory_xact_lock)": re.compile(
        r"pg_(try_)?advisory_lock(_shared)?\b", re.IGNORECASE
    ),
    "session-level set_config (the third argument must be true)": re.compile(
        r"set_config\([^)]*,\s*(false|False)\s*\)"
    ),
    "session-level SET (use set_config(..., true))": re.compile(
        r"[\"']\s*SET\s+(SESSION\s+)?(?!LOCAL\b)[a-z_.]+\s*(=|TO\b)", re.IGNORECASE
    ),
    "cursor WITH HOLD": re.compile(r"\bWITH\s+HOLD\b", re.IGNORECASE),
    "SQL PREPARE": re.compile(r"[\"']\s*PREPARE\s+\w+(\s*\([^)]*\))?\s+AS\b", re.IGNORECASE),
    "temporary table": re.compile(r"CREATE\s+(GLOBAL\s+|LOCAL\s+)?TEMP(ORARY)?\s+TABLE", re.IGNORECASE),
}


def test_no_code_keeps_session_state_that_a_transaction_pooler_would_leak() -> None:
    found: list[str] = []
    for path in sorted((REPO_ROOT / "platform" / "bizsuite").rglob("*.py")):
        source = path.read_text()
        where = path.relative_to(REPO_ROOT).as_posix()
        for what, pattern in SESSION_STATE.items():
            found += [f"{where}: {what}: {m.group(0)!r}" for m in pattern.finditer(source)]
        if "add_listener(" in source and where != "platform/bizsuite/core/live.py":
            found.append(f"{where}: LISTEN outside core/live.py (it must use database.direct_url)")
    assert not found, "\n".join(found)


def test_the_scan_finds_what_it_looks_for() -> None:
    samples: dict[str, Any] = {
        "session-level advisory lock (use pg_advisory_xact_lock)": "select(func.pg_advisory_lock(1))",
        "session-level set_config (the third argument must be true)": "set_config('app.tenant_id', :t, false)",
        "session-level SET (use set_config(..., true))": 'text("SET app.tenant_id = 1")',
        "cursor WITH HOLD": "DECLARE c CURSOR WITH HOLD FOR",
        "SQL PREPARE": '"PREPARE s (int) AS SELECT $1"',
        "temporary table": "CREATE TEMP TABLE x (a int)",
    }
    for what, sample in samples.items():
        assert SESSION_STATE[what].search(sample), what
    for fine in (
        "pg_advisory_xact_lock(hashtextextended('x', 0))",
        "set_config('app.tenant_id', :t, true)",
        '"SET LOCAL app.tenant_id = 1"',
        'ForeignKey("users.id", ondelete="SET NULL")',
        'help="Prepare everything, print the logins"',
    ):
        assert not any(p.search(fine) for p in SESSION_STATE.values()), fine
