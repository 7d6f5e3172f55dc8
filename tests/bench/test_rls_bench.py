"""On-demand benchmark P6 (`make bench`): the cost of row-level security on the CRM account list.

The first page of the big tenant's accounts (``GET /api/v1/crm/accounts?limit=50``), with the
very SQL the app runs (captured from ``crm.accounts.services.account_list``: ``SELECT ... FROM
crm_accounts WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT 51``), run straight on
asyncpg, side by side in one run:

- **owner, no RLS**: the table owner (a superuser on the embedded server, so row-level
  security does not apply; the connection also sets ``row_security = off``, which makes
  PostgreSQL raise an error rather than apply a policy silently), the explicit
  ``tenant_id = $1`` filter only;
- **app role, RLS**: the application role, the table's ``tenant_isolation`` policy on, the
  tenant set per transaction with ``set_config('app.tenant_id', $1, true)`` as the app does;
- **owner + set_config**: the owner without RLS making the same ``set_config`` call, which
  separates the policy's cost from the cost of the extra round trip.

Reported for each side, with the ratios RLS / no RLS (goal P6: at most 10% apart):

1. the statement alone: median and p95 latency on one connection;
2. a request's transaction (``BEGIN``, ``set_config`` where the side binds, the page,
   ``COMMIT``): median and p95 latency on one connection;
3. throughput: ``BIZSUITE_BENCH_RLS_CONCURRENCY`` connections (default 4) per side running
   such transactions back to back for a fixed time; the median run.

The sides take turns in every round (the first one rotating), so background load hits them alike.
Speed is reported, never asserted; the test asserts only that every side returns the same rows.

Data: the CRM bench database of ``tests/bench/crm_data.py``, reused while its size and schema
match. Size: ``BIZSUITE_BENCH_RLS_ACCOUNTS``, else ``BIZSUITE_BENCH_ACCOUNTS``, else 20,000
accounts (the page reads 51 index entries whatever the size; a new size is generated once, in
about 10 s for 20,000). Knobs: ``BIZSUITE_BENCH_RLS_ROUNDS`` (default 6),
``BIZSUITE_BENCH_RLS_STATEMENTS`` (per side and round, default 300), ``BIZSUITE_BENCH_RLS_SECONDS``
(per side for throughput, split over the rounds; default 6).

Run alone::

    .venv/bin/python -m pytest tests/bench/test_rls_bench.py -p no:xdist -s -m bench
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
import uuid
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast

import asyncpg
import pytest
from bizsuite.core.context import Context
from bizsuite.core.database import app_url
from bizsuite.modules.crm.accounts.schemas import AccountFilters
from bizsuite.modules.crm.accounts.services import ACCOUNT_LIST, account_list
from bizsuite.settings import Settings
from bizsuite.web.lists import list_state

from tests.bench import crm_data
from tests.conftest import _server_url

DEFAULT_ACCOUNTS = 20_000
PAGE = 50
ROUNDS = int(os.environ.get("BIZSUITE_BENCH_RLS_ROUNDS", "6"))
STATEMENTS = int(os.environ.get("BIZSUITE_BENCH_RLS_STATEMENTS", "300"))
SECONDS = float(os.environ.get("BIZSUITE_BENCH_RLS_SECONDS", "6"))
CONCURRENCY = int(os.environ.get("BIZSUITE_BENCH_RLS_CONCURRENCY", "4"))
#: Runs of the page inside one server-side loop (a DO block), per side and round.
LOOPS = int(os.environ.get("BIZSUITE_BENCH_RLS_LOOPS", "2000"))
#: P6: the two sides at most 10% apart.
GOAL = 1.10
SET_TENANT = "SELECT set_config('app.tenant_id', $1, true)"


def _accounts() -> str:
    return os.environ.get("BIZSUITE_BENCH_RLS_ACCOUNTS") or os.environ.get(
        "BIZSUITE_BENCH_ACCOUNTS", str(DEFAULT_ACCOUNTS)
    )


@pytest.fixture(scope="module")
async def bench_data() -> crm_data.BenchData:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BIZSUITE_BENCH_ACCOUNTS", _accounts())
        return await crm_data.prepare(_server_url())


class _Capture:
    """Stands in for the request's connection: keeps the SQL ``account_list`` sends, returns no rows."""

    sql = ""
    params: tuple[Any, ...] = ()

    async def exec_driver_sql(self, sql: str, params: tuple[Any, ...]) -> Any:
        self.sql, self.params = sql, params
        return SimpleNamespace(all=list, scalar_one=lambda: 0)


async def app_list_sql(tenant_id: uuid.UUID) -> tuple[str, tuple[Any, ...]]:
    """The SQL and parameters the account list runs for the API's first page, as the app builds them."""
    capture = _Capture()

    async def connection() -> _Capture:
        return capture

    ctx = cast(Context, SimpleNamespace(tenant_id=tenant_id, session=SimpleNamespace(connection=connection)))
    state = list_state(ACCOUNT_LIST, {}, strict=True)
    await account_list(ctx, AccountFilters(), state, limit=PAGE)
    assert capture.sql.startswith("SELECT ") and "crm_accounts" in capture.sql, capture.sql
    return capture.sql, capture.params


def _app_dsn(data: crm_data.BenchData) -> str:
    settings = Settings(database_url=data.owner_url.render_as_string(hide_password=False))
    url = app_url(settings, data.owner_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


@dataclass
class Side:
    """One way of running the page, with its connections and what it measured."""

    label: str
    #: Connect as the application role (row-level security on) rather than as the owner.
    app_role: bool
    #: Bind the tenant in each transaction (``set_config``), as the app does.
    binds: bool
    sql: str
    params: tuple[Any, ...]
    tenant: str
    connections: list[asyncpg.Connection] = field(default_factory=list)
    statement_ms: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)
    transaction_ms: list[float] = field(default_factory=list)
    throughput: list[float] = field(default_factory=list)

    async def connect(self, data: crm_data.BenchData, count: int) -> None:
        for _ in range(count):
            if self.app_role:
                self.connections.append(await asyncpg.connect(_app_dsn(data)))
            else:  # row_security = off: an error, never a silent policy, if the owner were subject to one
                self.connections.append(
                    await asyncpg.connect(data.dsn, server_settings={"row_security": "off"})
                )

    async def page(self, conn: asyncpg.Connection) -> list[asyncpg.Record]:
        return cast(list[asyncpg.Record], await conn.fetch(self.sql, *self.params))

    async def transaction(self, conn: asyncpg.Connection) -> list[asyncpg.Record]:
        """What a request does: ``BEGIN``, the tenant setting (if the side binds), the page, ``COMMIT``."""
        async with conn.transaction():
            if self.binds:
                await conn.execute(SET_TENANT, self.tenant)
            return await self.page(conn)


async def _statement_round(side: Side, count: int) -> None:
    """The statement alone, ``count`` times in one transaction (bound to the tenant if the side binds)."""
    conn = side.connections[0]
    async with conn.transaction():
        if side.binds:
            await conn.execute(SET_TENANT, side.tenant)
        for _ in range(count):
            started = time.perf_counter()
            await side.page(conn)
            side.statement_ms.append((time.perf_counter() - started) * 1000)


def _server_loop(sql: str, tenant: str, limit: int, loops: int) -> str:
    """A DO block running the page ``loops`` times in the server, no client round trip between runs
    (the bound parameters become the block's variables: the same plan shape, values the same)."""
    body = sql.replace("$1", "tid").replace("$2", "lim")
    return (
        f"DO $$ DECLARE tid uuid := '{uuid.UUID(tenant)}'; lim int := {int(limit)}; r record; "
        f"BEGIN FOR i IN 1..{int(loops)} LOOP FOR r IN {body} LOOP NULL; END LOOP; END LOOP; END $$"
    )


async def _server_round(side: Side, block: str, loops: int) -> None:
    """The page ``loops`` times inside the server: the time per run without the client's share."""
    conn = side.connections[0]
    async with conn.transaction():
        if side.binds:
            await conn.execute(SET_TENANT, side.tenant)
        started = time.perf_counter()
        await conn.execute(block)
        side.server_ms.append((time.perf_counter() - started) * 1000 / loops)


async def _transaction_round(side: Side, count: int) -> None:
    conn = side.connections[0]
    for _ in range(count):
        started = time.perf_counter()
        await side.transaction(conn)
        side.transaction_ms.append((time.perf_counter() - started) * 1000)


async def _throughput_round(side: Side, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    done = 0

    async def client(conn: asyncpg.Connection) -> None:
        nonlocal done
        while time.perf_counter() < deadline:
            await side.transaction(conn)
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(client(conn) for conn in side.connections))
    side.throughput.append(done / (time.perf_counter() - started))


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def _ratio_line(name: str, numerator: float, denominator: float) -> str:
    """``name = ratio`` with the verdict against the goal (a ratio above 1 means RLS costs)."""
    ratio = numerator / denominator
    verdict = "within" if ratio <= GOAL else "outside"
    return f"  {name} = {ratio:.3f} ({verdict} the P6 goal: at most {GOAL - 1:.0%} apart)"


async def _plan(conn: asyncpg.Connection, sql: str, params: tuple[Any, ...]) -> str:
    rows = await conn.fetch("EXPLAIN (COSTS OFF) " + sql, *params)
    return "\n".join("      " + row[0] for row in rows)


@pytest.mark.bench
async def test_account_list_owner_without_rls_vs_app_role_with_rls(bench_data: crm_data.BenchData) -> None:
    sql, params = await app_list_sql(bench_data.tenant_id)
    assert params[0] == bench_data.tenant_id and params[-1] == PAGE + 1
    tenant = str(bench_data.tenant_id)
    owner = Side("owner, no RLS", app_role=False, binds=False, sql=sql, params=params, tenant=tenant)
    #: The owner making the app's set_config call too: the extra round trip without the policy.
    owner_bound = Side(
        "owner + set_config", app_role=False, binds=True, sql=sql, params=params, tenant=tenant
    )
    app = Side("app role, RLS", app_role=True, binds=True, sql=sql, params=params, tenant=tenant)
    sides = (owner, owner_bound, app)
    for side in sides:
        await side.connect(bench_data, CONCURRENCY)
    try:
        # Correctness: the same rows, in the same order, from every side (51 of them: there is a next page).
        rows = [[tuple(r) for r in await side.transaction(side.connections[0])] for side in sides]
        assert len(rows[0]) == PAGE + 1
        assert rows[1] == rows[0] and rows[2] == rows[0]
        owner_conn, app_conn = owner.connections[0], app.connections[0]
        bypasses = await owner_conn.fetchval(
            "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"
        )
        assert bypasses, "the owner is subject to row-level security here: no side without RLS"
        owner_plan = await _plan(owner_conn, sql, params)
        async with app_conn.transaction():
            await app_conn.execute(SET_TENANT, tenant)
            app_plan = await _plan(app_conn, sql, params)

        assert "$3" not in sql, "the server loop binds two parameters"
        block = _server_loop(sql, tenant, PAGE + 1, LOOPS)
        for side in sides:  # warm-up: statements prepared, pages in shared buffers
            await _transaction_round(side, 50)
            side.transaction_ms.clear()
            if side is not owner_bound:
                await _server_round(side, _server_loop(sql, tenant, PAGE + 1, 50), 50)
                side.server_ms.clear()
        for round_ in range(ROUNDS):
            # Rotate which side goes first, so drift in background load hits all alike.
            order = sides[round_ % 3 :] + sides[: round_ % 3]
            for side in order:
                if side is not owner_bound:  # the statement alone is the owner's either way
                    await _statement_round(side, STATEMENTS)
                    await _server_round(side, block, LOOPS)
            for side in order:
                await _transaction_round(side, STATEMENTS)
            for side in order:
                await _throughput_round(side, SECONDS / ROUNDS)
        version = await owner_conn.fetchval("SHOW server_version")
    finally:
        for side in sides:
            for conn in side.connections:
                await conn.close()

    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(
        f"\nP6, RLS overhead on the CRM account list: {bench_data.database}, big tenant {bench_data.accounts:,} "
        f"accounts; PostgreSQL {version}; {os.cpu_count()} CPUs, load average {load} at the end"
    )
    print(f"  SQL (from account_list): {sql}  -- params: tenant id, {params[-1]}")
    print(f"  plan, owner without RLS:\n{owner_plan}\n  plan, app role with RLS:\n{app_plan}")
    print(
        f"  {ROUNDS} rounds, the sides taking turns; per side and round {STATEMENTS} statements, "
        f"{LOOPS} runs in a server-side loop, {STATEMENTS} transactions, {SECONDS / ROUNDS:.1f} s of "
        f"throughput with {CONCURRENCY} connections"
    )
    median = statistics.median
    for side in sides:
        alone = (
            f"statement p50 {median(side.statement_ms):.3f} ms p95 {_p95(side.statement_ms):.3f} ms, "
            f"in the server {median(side.server_ms) * 1000:.0f} µs"
            if side.statement_ms
            else "(the statement alone: as the owner's)"
        )
        print(
            f"  {side.label:18}  {alone:60} | transaction p50 {median(side.transaction_ms):.3f} ms "
            f"p95 {_p95(side.transaction_ms):.3f} ms | {median(side.throughput):,.0f} transactions/s "
            f"(runs: {', '.join(f'{t:,.0f}' for t in side.throughput)})"
        )
    ratios = (
        ("statement p50, app role with RLS / owner", median(app.statement_ms), median(owner.statement_ms)),
        ("in the server, app role with RLS / owner", median(app.server_ms), median(owner.server_ms)),
        (
            "transaction p50, app role with RLS / owner (the set_config round trip included)",
            median(app.transaction_ms),
            median(owner.transaction_ms),
        ),
        (
            "transaction p50, app role with RLS / owner + set_config (the policy alone)",
            median(app.transaction_ms),
            median(owner_bound.transaction_ms),
        ),
        # Throughput: owner / app, so that above 1 means RLS costs here too.
        ("throughput, owner / app role with RLS", median(owner.throughput), median(app.throughput)),
        (
            "throughput, owner + set_config / app role with RLS (the policy alone)",
            median(owner_bound.throughput),
            median(app.throughput),
        ),
    )
    for name, rls_side, other in ratios:
        print(_ratio_line(name, rls_side, other))
    # The summary line `make bench` readers look for, the goal beside it.
    policy = median(app.transaction_ms) / median(owner_bound.transaction_ms)
    whole = median(app.transaction_ms) / median(owner.transaction_ms)
    print(
        f"P6 RLS overhead, request transaction p50 with RLS / without: {policy:.2f}x for the policy alone "
        f"({'met' if policy <= GOAL else 'NOT met'}), {whole:.2f}x with the tenant's set_config round trip "
        f"({'met' if whole <= GOAL else 'NOT met'}) (goal: at most {GOAL:.2f}x, {GOAL - 1:.0%} apart)"
    )
