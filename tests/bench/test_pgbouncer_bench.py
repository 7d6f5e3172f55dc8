"""On-demand benchmark (`make bench`): the app through PgBouncer in transaction mode (issue 19, step 5).

1. **Prepared statements through PgBouncer** (Debian's 1.18: no ``max_prepared_statements``, so
   the client must not keep any): 20 tasks on an engine of 10 + 10 connections run 100
   transactions each (``set_config`` of a tenant, two selects) through a PgBouncer with 4 server
   connections, with asyncpg/SQLAlchemy statement caches on (the default), off with asyncpg's
   statement names, off with unique (uuid) names (SQLAlchemy's documented recipe), and off with
   the unnamed statement (what ``BIZSUITE_PGBOUNCER=true`` does). Reports transactions per
   second, failed transactions and the prepared statements left on PgBouncer's server
   connections; then the same four straight to PostgreSQL.
2. **The request path**: ``GET /api/v1/crm/accounts?limit=50`` with an API key through the
   whole app in process (ASGI), 16 at a time: straight to PostgreSQL with the statement caches
   (the default), straight to PostgreSQL with the PgBouncer engine options (what the caches are
   worth), and through PgBouncer (pool 4, ``BIZSUITE_PGBOUNCER=true``), alternating run by run;
   reports the median run's throughput and p95.

Knobs: ``BIZSUITE_BENCH_PGBOUNCER_ROUNDS`` (default 3), ``BIZSUITE_BENCH_PGBOUNCER_SECONDS``
(per run, default 4).

Through PgBouncer the P4 load runs the same way: start one with ``tests.pgbouncer.start_pgbouncer``
in front of the bench database and give the served app ``BIZSUITE_APP_DATABASE_URL`` (its port)
and ``BIZSUITE_PGBOUNCER=true`` (docs/operations.md, "PgBouncer").
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import statistics
import time
import uuid
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import httpx
import pytest
from bizsuite.app import create_app
from bizsuite.core.database import pgbouncer_connect_args
from bizsuite.settings import Settings
from sqlalchemy import URL, text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.conftest import asgi_client, create_tenant_with_key, running
from tests.pgbouncer import PgBouncer, pgbouncer_available, pgbouncer_version, start_pgbouncer

pytestmark = [
    pytest.mark.bench,
    pytest.mark.skipif(not pgbouncer_available(), reason="Debian's pgbouncer is not installed"),
]

ROUNDS = int(os.environ.get("BIZSUITE_BENCH_PGBOUNCER_ROUNDS", "3"))
SECONDS = float(os.environ.get("BIZSUITE_BENCH_PGBOUNCER_SECONDS", "4"))
CONCURRENCY = 16
SERVER_POOL = 4

_CACHES_OFF = {"statement_cache_size": 0, "prepared_statement_cache_size": 0}
VARIANTS: dict[str, dict[str, Any]] = {
    "caches on (default)": {},
    "caches off, asyncpg names": _CACHES_OFF,
    "caches off, uuid names": {
        **_CACHES_OFF,
        "prepared_statement_name_func": lambda: f"__asyncpg_{uuid.uuid4()}__",
    },
    "caches off, unnamed (BIZSUITE_PGBOUNCER)": pgbouncer_connect_args(),
}


def _dsn(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


async def _transactions(
    url: URL, connect_args: dict[str, Any], tasks: int = 20, each: int = 100
) -> tuple[float, int]:
    engine = create_async_engine(url, pool_size=10, max_overflow=10, connect_args=connect_args)
    failed = 0

    async def work(i: int) -> None:
        nonlocal failed
        for j in range(each):
            try:
                async with engine.begin() as conn:
                    await conn.execute(text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(i)})
                    got = await conn.scalar(
                        text("SELECT current_setting('app.tenant_id') || :x"), {"x": str(j % 7)}
                    )
                    assert got == f"{i}{j % 7}"
                    await conn.execute(
                        text("SELECT count(*) FROM pg_class WHERE relname = :n"), {"n": f"x{j % 5}"}
                    )
            except Exception:
                failed += 1

    started = time.perf_counter()
    await asyncio.gather(*(work(i) for i in range(tasks)))
    elapsed = time.perf_counter() - started
    await engine.dispose()
    return tasks * each / elapsed, failed


async def _left_on_servers(bouncer: PgBouncer, url: URL) -> int:
    spies = [
        await asyncpg.connect(_dsn(bouncer.url(url)), statement_cache_size=0)
        for _ in range(bouncer.pool_size)
    ]
    transactions = [spy.transaction() for spy in spies]
    for transaction in transactions:
        await transaction.start()
    left = sum([int(await spy.fetchval("SELECT count(*) FROM pg_prepared_statements")) for spy in spies])
    for transaction in transactions:
        await transaction.rollback()
    for spy in spies:
        await spy.close()
    return left


async def test_prepared_statements_through_pgbouncer(owner_url: URL, settings: Settings) -> None:
    app_role = owner_url.set(username=settings.app_db_role, password=settings.app_db_password or None)
    roles = {settings.app_db_role: settings.app_db_password}
    print(
        f"\nPgBouncer {'.'.join(map(str, pgbouncer_version()))}, transaction mode, {SERVER_POOL} server connections"
    )
    print(f"{'asyncpg / SQLAlchemy':58} {'tx/s':>7} {'failed':>7} {'left':>6}")
    for name, connect_args in VARIANTS.items():
        bouncer = start_pgbouncer(owner_url, roles, pool_size=SERVER_POOL)
        try:
            rate, failed = await _transactions(bouncer.url(app_role), connect_args)
            left = await _left_on_servers(bouncer, app_role)
        finally:
            bouncer.stop()
        print(f"through PgBouncer, {name:40} {rate:7.0f} {failed:7d} {left:6d}")
    for name, connect_args in VARIANTS.items():
        rate, failed = await _transactions(app_role, connect_args)
        print(f"direct,            {name:40} {rate:7.0f} {failed:7d}")


async def _load(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], seconds: float = SECONDS
) -> tuple[float, float]:
    latencies: list[float] = []
    stop = time.monotonic() + seconds

    async def user() -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            response = await client.get(path, headers=headers)
            assert response.status_code == 200, response.text
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(user() for _ in range(CONCURRENCY)))
    elapsed = time.perf_counter() - started
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
    return len(latencies) / elapsed, p95


async def test_the_account_list_through_pgbouncer(owner_url: URL, settings: Settings) -> None:
    direct = dataclasses.replace(settings, app_database_url="", pgbouncer=False, direct_database_url="")
    bouncer = start_pgbouncer(
        owner_url, {settings.app_db_role: settings.app_db_password}, pool_size=SERVER_POOL
    )
    app_role = owner_url.set(username=settings.app_db_role, password=settings.app_db_password or None)
    pooled = dataclasses.replace(
        direct, app_database_url=bouncer.url(app_role).render_as_string(hide_password=False), pgbouncer=True
    )
    try:
        apps = {
            "direct (caches on)": create_app(direct),
            # The PgBouncer engine options straight to PostgreSQL: what the caches are worth.
            "direct (caches off)": create_app(dataclasses.replace(direct, pgbouncer=True)),
            f"PgBouncer (pool {SERVER_POOL})": create_app(pooled),
        }
        async with contextlib.AsyncExitStack() as stack:
            for application in apps.values():
                await stack.enter_async_context(running(application))
            tenant = await create_tenant_with_key(apps["direct (caches on)"].state.engine)
            async with asgi_client(apps["direct (caches on)"], lifespan=False) as seeding:
                for n in range(60):
                    created = await seeding.post(
                        "/api/v1/crm/accounts",
                        json={"code": f"B-{n:03d}", "name": f"客户 {n}"},
                        headers=tenant.headers,
                    )
                    assert created.status_code == 201, created.text
            results: dict[str, list[tuple[float, float]]] = {name: [] for name in apps}
            path = "/api/v1/crm/accounts?limit=50"
            for _round in range(ROUNDS):
                for name, application in apps.items():
                    async with asgi_client(application, lifespan=False) as client:
                        await _load(client, path, tenant.headers, seconds=1)  # warm-up
                        results[name].append(await _load(client, path, tenant.headers))
            print(
                f"\nGET {path}, {CONCURRENCY} at a time in process, median of {ROUNDS} runs of {SECONDS:.0f} s"
            )
            for name, runs in results.items():
                rate, p95 = sorted(runs)[len(runs) // 2]
                print(f"{name:24} {rate:7.0f} req/s  p95 {p95:6.1f} ms")
    finally:
        bouncer.stop()
