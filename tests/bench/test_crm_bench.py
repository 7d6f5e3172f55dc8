"""On-demand CRM benchmark (`make bench`), as the CRM issue specifies it.

Data: ``tests/bench/crm_data.py`` generates (or reuses) a database with 1,000 tenants, one of
them with ``BIZSUITE_BENCH_ACCOUNTS`` accounts (default 1,000,000) and 24 months of revenue.

Reports, as ratios measured in one run on one machine:

1. the churn scan of the big tenant vs a plain ``SELECT count(*)`` over its revenue rows, both
   as the application role in a tenant-bound transaction (row-level security on), medians of
   several repetitions (goal: within 3x);
2. ``GET /api/v1/crm/accounts?limit=50`` (first page and a page about 90% deep) through the real
   app (``bizsuite serve``, one uvicorn worker, API key) vs a bare Litestar + asyncpg handler
   running the same SQL (``crm_bare.py``), each for a fixed duration with N concurrent
   keep-alive connections (goal: at least 60% of the bare handler's throughput, deep pages as
   fast as the first).

Speed is reported, never asserted; the test asserts that results are right (the same churn
count by both methods, the same page from both servers).

Knobs: ``BIZSUITE_BENCH_ACCOUNTS`` (size), ``BIZSUITE_BENCH_SECONDS`` (per page and
server, split in 3 alternating runs; default 15), ``BIZSUITE_BENCH_CONCURRENCY`` (default 16), ``BIZSUITE_BENCH_REPEATS`` (scan repetitions,
default 3), ``BIZSUITE_BENCH_REBUILD=1`` (regenerate the data),
``BIZSUITE_BENCH_APP_PYTHONPATH`` (serve the app from another copy of ``platform/``, to compare
before and after a change).
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import os
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import msgspec
import pytest
from bizsuite.core.database import app_url
from bizsuite.core.pagination import encode_cursor
from bizsuite.settings import REPO_ROOT, Settings
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from tests.bench import crm_data
from tests.bench.crm_load import LoadResult, fetch_once, free_port, run_load, serve
from tests.conftest import _server_url

SECONDS = float(os.environ.get("BIZSUITE_BENCH_SECONDS", "15"))
ROUNDS = 3
CONCURRENCY = int(os.environ.get("BIZSUITE_BENCH_CONCURRENCY", "16"))
REPEATS = int(os.environ.get("BIZSUITE_BENCH_REPEATS", "3"))
PAGE = 50
#: The product's default: at risk after 3 consecutive months of decline.
CHURN_MONTHS = 3


@pytest.fixture(scope="module")
async def bench_data() -> crm_data.BenchData:
    return await crm_data.prepare(_server_url())


def _app_dsn(data: crm_data.BenchData) -> str:
    """The application role's URL for the bench database (row-level security applies)."""
    settings = Settings(database_url=data.owner_url.render_as_string(hide_password=False))
    return (
        app_url(settings, data.owner_url).set(drivername="postgresql").render_as_string(hide_password=False)
    )


def _print_header(data: crm_data.BenchData) -> None:
    reused = "reused" if data.generated_seconds is None else f"generated in {data.generated_seconds:.0f} s"
    print(
        f"\nCRM bench data: {data.database} ({reused}); big tenant: {data.accounts:,} accounts, "
        f"{data.revenue_rows:,} revenue rows; {os.cpu_count()} CPUs"
    )


# --- 1. churn scan vs count(*) ---------------------------------------------------------------

COUNT_SQL = text("SELECT count(*) FROM crm_monthly_revenue WHERE tenant_id = :tid")


def _churn_scan() -> tuple[str, Callable[[AsyncSession, uuid.UUID], Awaitable[int]]] | None:
    """The revenue area's set-based churn scan, if it is there: returns (label, run -> at-risk count)."""
    try:
        services: Any = importlib.import_module("bizsuite.modules.crm.revenue.services")
    except ImportError:
        return None
    for name in ("scan_churn", "churn_scan"):
        function = getattr(services, name, None)
        if callable(function):
            months = (
                {"churn_months": CHURN_MONTHS}
                if "churn_months" in inspect.signature(function).parameters
                else {}
            )

            async def run(
                session: AsyncSession, tenant_id: uuid.UUID, function: Any = function, months: Any = months
            ) -> int:
                result = await function(session, tenant_id, **months)
                return result if isinstance(result, int) else len(result)

            return f"revenue.services.{name}", run
    statement_factory = getattr(services, "churn_scan_statement", None)
    if callable(statement_factory):

        async def run_statement(session: AsyncSession, tenant_id: uuid.UUID) -> int:
            statement = statement_factory(CHURN_MONTHS)
            return len((await session.execute(statement, {"tenant_id": tenant_id})).all())

        return "revenue.services.churn_scan_statement", run_statement
    return None


#: Reference churn count (3 months of decline up to the latest month, equal months break a
#: streak), written independently of the revenue area to check its answer.
REFERENCE_CHURN_SQL = text(
    """
    WITH latest AS (SELECT max(month) AS month FROM crm_monthly_revenue WHERE tenant_id = :tid),
    steps AS (
        SELECT account_id, month,
               amount < lag(amount) OVER (PARTITION BY account_id ORDER BY month) AS declined
        FROM crm_monthly_revenue WHERE tenant_id = :tid
    ),
    last_break AS (
        SELECT account_id, max(month) FILTER (WHERE declined IS NOT TRUE) AS month FROM steps GROUP BY account_id
    )
    SELECT count(*) FROM last_break, latest
    WHERE last_break.month <= latest.month - make_interval(months => :n)
    """
)


async def _timed(session_factory: Callable[[], Any], tenant_id: uuid.UUID, work: Any) -> tuple[float, Any]:
    async with session_factory() as session, session.begin():
        await session.execute(text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(tenant_id)})
        # Measured to the end even where the application role's statement_timeout would cancel it.
        await session.execute(text("SET LOCAL statement_timeout = 0"))
        started = time.perf_counter()
        result = await work(session)
        return time.perf_counter() - started, result


@pytest.mark.bench
async def test_churn_scan_vs_count(bench_data: crm_data.BenchData) -> None:
    _print_header(bench_data)
    engine = create_async_engine(_app_dsn(bench_data).replace("postgresql://", "postgresql+asyncpg://", 1))
    factory = async_sessionmaker(engine, expire_on_commit=False)
    tid = bench_data.tenant_id
    try:

        async def count(session: AsyncSession) -> int:
            return int((await session.execute(COUNT_SQL, {"tid": tid})).scalar_one())

        async def reference(session: AsyncSession) -> int:
            params = {"tid": tid, "n": CHURN_MONTHS}
            return int((await session.execute(REFERENCE_CHURN_SQL, params)).scalar_one())

        counted = [await _timed(factory, tid, count) for _ in range(REPEATS)]
        assert counted[0][1] == bench_data.revenue_rows  # RLS lets the tenant see all its rows
        count_s = statistics.median(t for t, _ in counted)
        print(f"count(*) over the tenant's revenue rows: median {count_s * 1000:,.0f} ms of {REPEATS}")

        async def serial_count(session: AsyncSession) -> int:
            await session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
            return await count(session)

        serial_s = statistics.median(
            t for t, _ in [await _timed(factory, tid, serial_count) for _ in range(REPEATS)]
        )
        print(f"  (the same count in one process, without parallel workers: {serial_s * 1000:,.0f} ms)")
        ref = [await _timed(factory, tid, reference)]
        ref_s = statistics.median(t for t, _ in ref)
        print(
            f"reference window-function scan (lag over each account, run once): {ref_s * 1000:,.0f} ms, "
            f"{ref[0][1]:,} at risk; ratio to count(*): {ref_s / count_s:.2f}x"
        )
        scan = _churn_scan()
        if scan is None:
            print("churn scan: not found in bizsuite.modules.crm.revenue.services (scan_churn / churn_scan)")
            return
        label, run = scan
        runs = [await _timed(factory, tid, lambda s: run(s, tid)) for _ in range(REPEATS)]
        scan_s = statistics.median(t for t, _ in runs)
        print(
            f"churn scan ({label}): median {scan_s * 1000:,.0f} ms of {REPEATS}, {runs[0][1]:,} at risk; "
            f"ratio to count(*): {scan_s / count_s:.2f}x (goal: within 3x); "
            f"to the one-process count: {scan_s / serial_s:.2f}x"
        )
        assert runs[0][1] == ref[0][1], "the churn scan and the reference disagree on the at-risk count"
    finally:
        await engine.dispose()


# --- 2. account list: the app vs a bare handler --------------------------------------------------


async def _deep_cursor(data: crm_data.BenchData, depth: int) -> str:
    """The cursor the API would hand out after ``depth`` rows (newest first), made the API's way."""
    import asyncpg

    conn = await asyncpg.connect(data.dsn)
    try:
        row = await conn.fetchrow(
            "SELECT created_at, id FROM crm_accounts WHERE tenant_id = $1"
            " ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1",
            data.tenant_id,
            depth - 1,
        )
    finally:
        await conn.close()
    created_at: datetime = row["created_at"]
    return encode_cursor(created_at, row["id"])


def _median_run(results: list[LoadResult]) -> LoadResult:
    """The run with the median throughput."""
    return sorted(results, key=lambda r: r.rps)[len(results) // 2]


def _items(body: bytes) -> list[dict[str, Any]]:
    page = msgspec.json.decode(body)
    items: list[dict[str, Any]] = page["items"]
    return items


@pytest.mark.bench
async def test_account_list_vs_bare_handler(bench_data: crm_data.BenchData) -> None:
    _print_header(bench_data)
    depth = int(bench_data.accounts * 0.9)
    deep = await _deep_cursor(bench_data, depth)
    paths = {
        "first page": f"/api/v1/crm/accounts?limit={PAGE}",
        f"deep page ({depth:,} rows in)": f"/api/v1/crm/accounts?limit={PAGE}&cursor={deep}",
    }
    owner = bench_data.owner_url.render_as_string(hide_password=False)
    common = {"BIZSUITE_LOG_LEVEL": "WARNING"}
    app_env = {
        **common,
        "BIZSUITE_DATABASE_URL": owner,
        "BIZSUITE_RATE_LIMIT_PER_MINUTE": "100000000",
        "BIZSUITE_DATA_DIR": str(REPO_ROOT / ".test-data" / "bench"),
    }
    if os.environ.get("BIZSUITE_BENCH_APP_PYTHONPATH"):
        # Serve another copy of the code (e.g. a baseline checkout) for before/after comparisons.
        app_env["PYTHONPATH"] = os.environ["BIZSUITE_BENCH_APP_PYTHONPATH"]
    bare_env = {**common, "BENCH_APP_DSN": _app_dsn(bench_data), "BENCH_TENANT_ID": str(bench_data.tenant_id)}
    auth = {"Authorization": f"Bearer {bench_data.api_key}"}
    runs: dict[tuple[str, str], list[LoadResult]] = {}
    bodies: dict[tuple[str, str], bytes] = {}
    app_port, bare_port = free_port(), free_port()
    app_argv = ["-m", "bizsuite.cli", "serve", "--host", "127.0.0.1", "--port", str(app_port)]
    bare_argv = ["-m", "uvicorn", "tests.bench.crm_bare:app", "--port", str(bare_port)]
    bare_argv += ["--no-access-log", "--log-level", "warning"]
    with serve(app_argv, app_env, app_port) as app_url_, serve(bare_argv, bare_env, bare_port) as bare_url:
        targets = {"app": (app_url_, auth), "bare": (bare_url, {})}
        for (name, (url, headers)), (label, path) in itertools.product(targets.items(), paths.items()):
            status, body = await fetch_once(url, path, headers)
            assert status == 200, body[:300]
            bodies[name, label] = body
        # Alternate short runs (app, bare, app, bare...) so background load hits both alike.
        for _ in range(ROUNDS):
            for (label, path), (name, (url, headers)) in itertools.product(paths.items(), targets.items()):
                result = await run_load(url, path, headers, concurrency=CONCURRENCY, seconds=SECONDS / ROUNDS)
                runs.setdefault((name, label), []).append(result)
    results = {key: _median_run(value) for key, value in runs.items()}
    print(
        f"\nGET /api/v1/crm/accounts?limit={PAGE}: {CONCURRENCY} keep-alive connections, {ROUNDS} alternating "
        f"runs of {SECONDS / ROUNDS:.0f} s (after 1 s of warm-up each), the median run shown; one uvicorn "
        "worker each, identity encoding"
    )
    for label in paths:
        app, bare = results["app", label], results["bare", label]
        print(f"  {label}")
        print(f"    app  (API key, full pipeline): {app.line()}")
        print(f"    bare (Litestar + asyncpg):      {bare.line()}")
        print(f"    app / bare throughput: {app.rps / bare.rps:.0%} (goal: at least 60%)")
    first, deep_label = list(paths)
    print(
        f"  deep / first page throughput: app {results['app', deep_label].rps / results['app', first].rps:.0%}, "
        f"bare {results['bare', deep_label].rps / results['bare', first].rps:.0%} (goal: as fast as the first)"
    )
    # Correctness: both servers return the same rows in the same order, and 50 of them.
    for label in paths:
        app_ids = [item["id"] for item in _items(bodies["app", label])]
        bare_ids = [item["id"] for item in _items(bodies["bare", label])]
        assert len(app_ids) == PAGE and app_ids == bare_ids
