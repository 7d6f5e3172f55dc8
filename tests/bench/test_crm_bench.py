"""On-demand CRM benchmark (`make bench`), as the CRM issue and issue 19 (P3) specify it.

Data: ``tests/bench/crm_data.py`` generates (or reuses) a database with 1,000 tenants, one of
them with ``BIZSUITE_BENCH_ACCOUNTS`` accounts (default 1,000,000) and 24 months of revenue.

Reports, as figures and ratios measured in one run on one machine:

1. **P3, the churn watch list as an index read**: each account keeps its decline streak, so the
   watch list is one range of the index ``ix_crm_accounts_tenant_watch``:

   - its latency, the service's query alone (``services.list_churn_risks`` in a tenant-bound
     transaction, as the application role) and ``GET /api/v1/crm/churn-risks?limit=50`` through
     the real app (``bizsuite serve``, one uvicorn worker, API key, one connection): the first
     page, a page about 90% deep, a one-tier page; p50 and p95 (goal: p95 < 20 ms at 1,000,000
     accounts);
   - what a threshold change costs (the streaks do not depend on it: only the watch-list rows are
     brought in line, ``services.WATCH_LIST_SYNC_SQL``, 3 -> 2 months and back), and the full
     recompute of every account's streak (``services.STREAKS_SQL``: one ``UPDATE ... FROM`` over a
     window of the tenant's revenue rows), when nothing changed and from scratch, each against a
     plain ``SELECT count(*)`` of the tenant's revenue rows (parallel, and in one process)
     (goal: within 1.5x of the parallel count); for comparison, the earlier scan
     (``services.scan_churn``), which every recompute used to run;
   - that the answers are right: the stored streaks and the watch list (every page) equal an
     independent window-function query over the revenue rows, and the earlier scan agrees.

   Timed statements run as the application role in a tenant-bound transaction (row-level
   security on), with ``statement_timeout`` lifted; writes are rolled back, so the data stays
   as generated.
2. ``GET /api/v1/crm/accounts?limit=50`` (first page and a page about 90% deep) through the real
   app (``bizsuite serve``, one uvicorn worker, API key) vs a bare Litestar + asyncpg handler
   running the same SQL (``crm_bare.py``), each for a fixed duration with N concurrent
   keep-alive connections (goal, issue 19's P1: at least 80% of the bare handler's throughput;
   deep pages as fast as the first).

Speed is reported, never asserted; the tests assert that results are right.

Knobs: ``BIZSUITE_BENCH_ACCOUNTS`` (size), ``BIZSUITE_BENCH_SECONDS`` (per page and
server, split in 3 alternating runs; default 15), ``BIZSUITE_BENCH_CONCURRENCY`` (default 16),
``BIZSUITE_BENCH_REPEATS`` (repetitions of each timed statement, default 3),
``BIZSUITE_BENCH_WATCH_SECONDS`` (per watch-list page over HTTP, default 5),
``BIZSUITE_BENCH_REBUILD=1`` (regenerate the data), ``BIZSUITE_BENCH_APP_PYTHONPATH`` (serve the
app from another copy of ``platform/``, to compare before and after a change).
"""

from __future__ import annotations

import itertools
import os
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec
import pytest
from bizsuite.core.database import app_url, make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.jobs.queue import context_for, in_tenant
from bizsuite.core.pagination import decode_cursor, encode_cursor
from bizsuite.modules.crm.models import Tier
from bizsuite.modules.crm.revenue import services
from bizsuite.modules.crm.revenue.schemas import ChurnRiskFilters
from bizsuite.modules.crm.revenue.services.churn import WATCH_PRIORITY, watch_list_sql
from bizsuite.settings import REPO_ROOT, Settings
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from tests.bench import crm_data
from tests.bench.crm_load import LoadResult, fetch_once, free_port, run_load, serve, serve_process
from tests.conftest import _server_url

SECONDS = float(os.environ.get("BIZSUITE_BENCH_SECONDS", "15"))
WATCH_SECONDS = float(os.environ.get("BIZSUITE_BENCH_WATCH_SECONDS", "5"))
ROUNDS = 3
WARMUP = 1.0
CONCURRENCY = int(os.environ.get("BIZSUITE_BENCH_CONCURRENCY", "16"))
REPEATS = int(os.environ.get("BIZSUITE_BENCH_REPEATS", "3"))
PAGE = 50
#: The product's default: at risk after 3 consecutive months of decline.
CHURN_MONTHS = crm_data.CHURN_MONTHS
#: Page reads of the watch-list query alone, per page kind (for its p50 and p95).
WATCH_QUERIES = 200


@pytest.fixture(scope="module")
async def bench_data() -> crm_data.BenchData:
    return await crm_data.prepare(_server_url())


def _app_dsn(data: crm_data.BenchData) -> str:
    """The application role's URL for the bench database (row-level security applies)."""
    settings = Settings(database_url=data.owner_url.render_as_string(hide_password=False))
    return (
        app_url(settings, data.owner_url).set(drivername="postgresql").render_as_string(hide_password=False)
    )


def _app_engine(data: crm_data.BenchData) -> AsyncEngine:
    return create_async_engine(_app_dsn(data).replace("postgresql://", "postgresql+asyncpg://", 1))


def _app_env(data: crm_data.BenchData) -> dict[str, str]:
    """The environment ``bizsuite serve`` runs with against the bench database."""
    env = {
        "BIZSUITE_LOG_LEVEL": "WARNING",
        "BIZSUITE_DATABASE_URL": data.owner_url.render_as_string(hide_password=False),
        "BIZSUITE_RATE_LIMIT_PER_MINUTE": "100000000",
        "BIZSUITE_DATA_DIR": str(REPO_ROOT / ".test-data" / "bench"),
    }
    if os.environ.get("BIZSUITE_BENCH_APP_PYTHONPATH"):
        # Serve another copy of the code (e.g. a baseline checkout) for before/after comparisons.
        env["PYTHONPATH"] = os.environ["BIZSUITE_BENCH_APP_PYTHONPATH"]
    return env


def _print_header(data: crm_data.BenchData) -> None:
    reused = "reused" if data.generated_seconds is None else f"generated in {data.generated_seconds:.0f} s"
    print(
        f"\nCRM bench data: {data.database} ({reused}); big tenant: {data.accounts:,} accounts, "
        f"{data.revenue_rows:,} revenue rows; {os.cpu_count()} CPUs; load average "
        + " ".join(f"{v:.1f}" for v in os.getloadavg())
    )


# --- 1. P3: the churn watch list as an index read ------------------------------------------------

COUNT_SQL = text("SELECT count(*) FROM crm_monthly_revenue WHERE tenant_id = :tid")

#: The accounts at risk (3 months of decline up to the latest month, equal months break a
#: streak, the month after a gap never declines) with their streak's length, written
#: independently of the revenue area to check its answer: one window pass over every row.
REFERENCE_CHURN_SQL = text(
    """
    WITH latest AS (SELECT max(month) AS month FROM crm_monthly_revenue WHERE tenant_id = :tid),
    steps AS (
        SELECT account_id, month,
               amount < lag(amount) OVER (PARTITION BY account_id ORDER BY month)
               AND lag(month) OVER (PARTITION BY account_id ORDER BY month) + interval '1 month' = month
                   AS declined
        FROM crm_monthly_revenue WHERE tenant_id = :tid
    ),
    last_break AS (
        SELECT account_id, max(month) AS last_month,
               max(month) FILTER (WHERE declined IS NOT TRUE) AS month
        FROM steps GROUP BY account_id
    )
    SELECT last_break.account_id,
           CAST(extract(year FROM age(last_break.last_month, last_break.month)) * 12
                + extract(month FROM age(last_break.last_month, last_break.month)) AS int) AS months
    FROM last_break, latest
    WHERE last_break.last_month = latest.month
      AND last_break.month <= latest.month - make_interval(months => :n)
    """
)

#: What the stored streaks say (the watch list's own filter, without the order).
STORED_AT_RISK_SQL = text(
    """
    SELECT id, decline_streak FROM crm_accounts
    WHERE tenant_id = :tid AND decline_streak >= :n
      AND last_revenue_month = (SELECT max(month) FROM crm_monthly_revenue WHERE tenant_id = :tid)
    """
)

#: The watch list's order key of the row ``depth`` rows in (for a deep page's cursor).
DEEP_WATCH_KEY_SQL = text(
    """
    SELECT watch_priority, trailing_cents, id FROM crm_accounts
    WHERE tenant_id = :tid AND decline_streak >= :n
      AND last_revenue_month = (SELECT max(month) FROM crm_monthly_revenue WHERE tenant_id = :tid)
    ORDER BY 1 DESC, 2 DESC, 3 DESC OFFSET :depth LIMIT 1
    """
)

RESET_STREAKS_SQL = text(
    "UPDATE crm_accounts SET decline_streak = 0, last_revenue_month = NULL WHERE tenant_id = :tid"
)


async def _bound(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    await session.execute(text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(tenant_id)})
    # Measured to the end even where the application role's statement_timeout would cancel it.
    await session.execute(text("SET LOCAL statement_timeout = 0"))


async def _timed(
    session_factory: Callable[[], Any],
    tenant_id: uuid.UUID,
    work: Callable[[AsyncSession], Awaitable[Any]],
    *,
    before: Callable[[AsyncSession], Awaitable[Any]] | None = None,
) -> tuple[float, Any]:
    """Time ``work`` in a tenant-bound transaction (after ``before``, untimed), then roll back."""
    async with session_factory() as session:
        transaction = await session.begin()
        try:
            await _bound(session, tenant_id)
            if before is not None:
                await before(session)
            started = time.perf_counter()
            result = await work(session)
            return time.perf_counter() - started, result
        finally:
            await transaction.rollback()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def _quantiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 of ``samples`` (seconds) in ms."""
    cuts = statistics.quantiles(samples, n=100) if len(samples) > 1 else [samples[0]] * 99
    return cuts[49] * 1000, cuts[94] * 1000


@pytest.mark.bench
async def test_p3_churn_watch_list_vs_count(bench_data: crm_data.BenchData) -> None:
    _print_header(bench_data)
    engine = _app_engine(bench_data)
    factory = async_sessionmaker(engine, expire_on_commit=False)
    tid = bench_data.tenant_id
    params = {"tid": tid, "n": CHURN_MONTHS}
    try:
        # -- the answers: stored streaks, the watch list and the earlier scan vs the reference --
        ref_s, reference = await _timed(
            factory, tid, lambda s: _rows(s, REFERENCE_CHURN_SQL, params), before=None
        )
        expected = {row.account_id: row.months for row in reference}
        stored = {row.id: row.decline_streak for row in await _read(factory, tid, STORED_AT_RISK_SQL, params)}
        listed = await _whole_watch_list(engine, tid)
        assert stored == expected, "the stored streaks disagree with the reference window query"
        assert {i.account_id: i.months_declining for i in listed} == expected, "the watch list disagrees"
        priority = {Tier.A: 3, Tier.B: 2, Tier.C: 1}
        keys = [(priority.get(i.tier, 0) if i.tier else 0, i.revenue_at_stake, i.account_id) for i in listed]
        assert keys == sorted(keys, reverse=True), "the watch list is not in its order"
        print(
            f"\nP3 answers: {len(expected):,} accounts at risk ({CHURN_MONTHS} months); the stored streaks and "
            f"the watch list (every page) equal the reference window query (run once: {_ms(ref_s)})"
        )

        # -- cost: count(*) vs a threshold change vs the full recompute vs the earlier scan --
        async def count(session: AsyncSession) -> int:
            return int((await session.execute(COUNT_SQL, {"tid": tid})).scalar_one())

        async def serial_count(session: AsyncSession) -> int:
            await session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
            return await count(session)

        counted = [await _timed(factory, tid, count) for _ in range(REPEATS)]
        assert counted[0][1] == bench_data.revenue_rows  # RLS lets the tenant see all its rows
        count_s = statistics.median(t for t, _ in counted)
        serial_s = statistics.median(
            t for t, _ in [await _timed(factory, tid, serial_count) for _ in range(REPEATS)]
        )

        async def sync(session: AsyncSession, months: int) -> Any:
            statement = text(services.WATCH_LIST_SYNC_SQL)
            return (await session.execute(statement, {"tenant_id": tid, "churn_months": months})).one()

        async def threshold_change(session: AsyncSession) -> tuple[float, float, Any, Any]:
            started = time.perf_counter()
            down = await sync(session, CHURN_MONTHS - 1)
            middle = time.perf_counter()
            back = await sync(session, CHURN_MONTHS)
            return middle - started, time.perf_counter() - middle, down, back

        changes = [(await _timed(factory, tid, threshold_change))[1] for _ in range(REPEATS)]
        down_s = statistics.median(c[0] for c in changes)
        back_s = statistics.median(c[1] for c in changes)
        _, _, down, back = changes[0]
        assert back.at_risk == len(expected) and back.added == 0

        async def settings_change(session: AsyncSession) -> Any:
            # As saving the CRM settings does it: the new threshold, then the recompute without
            # tiers (the shares did not change) and without streaks: the watch-list rows and the
            # alerts of the streaks that now count (at most ALERT_LIMIT of them).
            await bind_tenant(session, tid)
            ctx = await context_for(session, actor="bench")
            (await services.crm_settings(ctx)).churn_months = CHURN_MONTHS - 1
            return await services.recompute(ctx, tiers=False)

        saves = [await _timed(factory, tid, settings_change) for _ in range(REPEATS)]
        save_s = statistics.median(t for t, _ in saves)
        saved = saves[0][1]

        async def full_recompute(session: AsyncSession) -> int:
            result = await session.execute(text(services.STREAKS_SQL), {"tenant_id": tid})
            return int(getattr(result, "rowcount", 0))

        async def reset(session: AsyncSession) -> None:
            await session.execute(RESET_STREAKS_SQL, {"tid": tid})

        steady = [await _timed(factory, tid, full_recompute) for _ in range(REPEATS)]
        steady_s = statistics.median(t for t, _ in steady)
        assert steady[0][1] == 0  # the stored streaks were right: nothing to write
        scratch_s, rewritten = await _timed(factory, tid, full_recompute, before=reset)

        async def scan(session: AsyncSession) -> int:
            return len(await services.scan_churn(session, tid, churn_months=CHURN_MONTHS))

        scans = [await _timed(factory, tid, scan) for _ in range(REPEATS)]
        scan_s = statistics.median(t for t, _ in scans)
        assert scans[0][1] == len(expected), "the earlier scan disagrees with the reference"

        print(
            f"P3 cost against SELECT count(*) of the tenant's {bench_data.revenue_rows:,} revenue rows "
            f"(medians of {REPEATS}; writes rolled back):"
        )
        print(f"  count(*), parallel: {_ms(count_s)}; in one process: {_ms(serial_s)}")
        print(
            f"  threshold change, no streak recomputed (watch-list rows brought in line): "
            f"{CHURN_MONTHS} -> {CHURN_MONTHS - 1} months {_ms(down_s)} ({down.added:,} rows added), "
            f"back {_ms(back_s)} ({back.removed:,} removed): "
            f"{max(down_s, back_s) / count_s:.2f}x the parallel count (goal: within 1.5x)"
        )
        print(
            f"    the whole settings save's recompute (rows + {saved.new_alerts:,} alerts raised): "
            f"{_ms(save_s)}, {save_s / count_s:.2f}x"
        )
        print(
            f"  full recompute of every streak (STREAKS_SQL, one UPDATE ... FROM a window query): "
            f"{_ms(steady_s)} when nothing changed, {steady_s / count_s:.2f}x the parallel count "
            f"({steady_s / serial_s:.2f}x the one-process count) (goal: within 1.5x); from scratch "
            f"({rewritten:,} accounts written): {_ms(scratch_s)}, {scratch_s / count_s:.2f}x"
        )
        print(
            f"  for comparison, the earlier scan every recompute ran (scan_churn): {_ms(scan_s)}, "
            f"{scan_s / count_s:.2f}x; the reference window query: {_ms(ref_s)}, {ref_s / count_s:.2f}x"
        )

        # -- the watch list's latency: the query alone --
        depth = int(len(expected) * 0.9)
        deep = await _deep_watch_cursor(factory, tid, depth)
        pages = {
            "first page": (None, None),
            f"deep page ({depth:,} in)": (None, deep),
            "tier B, first page": (Tier.B, None),
        }
        print("P3 watch list, how each page reads crm_accounts (EXPLAIN ANALYZE, as the application role):")
        for label, (tier, cursor) in pages.items():
            plan = await _explain_page(factory, tid, tier, cursor)
            print(f"  {label}:\n    " + "\n    ".join(plan))
        print(
            f"P3 watch list, the service's query alone ({WATCH_QUERIES} reads of {PAGE} rows, one connection):"
        )
        for label, (tier, cursor) in pages.items():
            samples = await _watch_query_samples(engine, tid, tier, cursor)
            p50, p95 = _quantiles(samples)
            print(f"  {label:<24} p50 {p50:6.2f} ms  p95 {p95:6.2f} ms")
    finally:
        await engine.dispose()

    # -- the watch list's latency: through the app --
    auth = {"Authorization": f"Bearer {bench_data.api_key}"}
    paths = {
        "first page": f"/api/v1/crm/churn-risks?limit={PAGE}",
        f"deep page ({depth:,} in)": f"/api/v1/crm/churn-risks?limit={PAGE}&cursor={deep}",
        "tier B, first page": f"/api/v1/crm/churn-risks?limit={PAGE}&tier=B",
    }
    port = free_port()
    argv = ["-m", "bizsuite.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with serve(argv, _app_env(bench_data), port) as url:
        first = None
        for path in paths.values():
            status, body = await fetch_once(url, path, auth)
            assert status == 200, body[:300]
            first = first if first is not None else _items(body)
        assert [item["account_id"] for item in first or []] == [str(i.account_id) for i in listed[:PAGE]]
        print(
            f"P3 GET /api/v1/crm/churn-risks?limit={PAGE} through the app (bizsuite serve, one uvicorn worker, "
            f"API key), one connection, {WATCH_SECONDS:.0f} s each (goal: p95 < 20 ms at 1,000,000 accounts):"
        )
        for label, path in paths.items():
            result = await run_load(url, path, auth, concurrency=1, seconds=WATCH_SECONDS)
            assert result.errors == 0
            print(f"  {label:<24} {result.line()}")


async def _rows(session: AsyncSession, statement: Any, params: dict[str, Any]) -> list[Any]:
    return list((await session.execute(statement, params)).all())


async def _read(
    factory: Callable[[], Any], tenant_id: uuid.UUID, statement: Any, params: dict[str, Any]
) -> list[Any]:
    return (await _timed(factory, tenant_id, lambda s: _rows(s, statement, params)))[1]


async def _whole_watch_list(engine: AsyncEngine, tenant_id: uuid.UUID) -> list[Any]:
    """Every page of the watch list as the service returns it (200 rows a page)."""
    items: list[Any] = []
    cursor = None
    async with in_tenant(make_sessionmaker(engine), tenant_id, actor="bench") as ctx:
        while True:
            page, cursor = await services.list_churn_risks(ctx, limit=200, cursor=cursor)
            items += page
            if cursor is None:
                return items


async def _deep_watch_cursor(factory: Callable[[], Any], tenant_id: uuid.UUID, depth: int) -> str:
    """The cursor the API would hand out after ``depth`` rows of the watch list."""
    rows = await _read(
        factory, tenant_id, DEEP_WATCH_KEY_SQL, {"tid": tenant_id, "n": CHURN_MONTHS, "depth": depth - 1}
    )
    priority, cents, account_id = rows[0]
    return encode_cursor(int(priority), int(cents), account_id)


async def _explain_page(
    factory: Callable[[], Any], tenant_id: uuid.UUID, tier: Tier | None, cursor: str | None
) -> list[str]:
    """The plan lines of a watch-list page that show how it reads the accounts: the scan of
    ``crm_accounts``, its index condition and filter, and the execution time."""
    params: list[Any] = [tenant_id]
    if tier is not None:
        params.append(WATCH_PRIORITY[tier])
    if cursor:
        params += decode_cursor(cursor, int, int, uuid.UUID)
    params.append(PAGE + 1)

    async def explain(session: AsyncSession) -> list[str]:
        connection = await session.connection()
        sql = "EXPLAIN (ANALYZE, COSTS OFF) " + watch_list_sql(tier=tier is not None, after=bool(cursor))
        return [row[0] for row in (await connection.exec_driver_sql(sql, tuple(params))).all()]

    lines = (await _timed(factory, tenant_id, explain))[1]
    scan = next(i for i, line in enumerate(lines) if "on crm_accounts a" in line)
    shown = [lines[scan].strip()]
    shown += [
        line.strip()
        for line in lines[scan + 1 : scan + 6]
        if line.strip().startswith(("Index Cond", "Filter", "Rows Removed"))
    ]
    return shown + [line.strip() for line in lines if line.startswith("Execution Time")]


async def _watch_query_samples(
    engine: AsyncEngine, tenant_id: uuid.UUID, tier: Tier | None, cursor: str | None
) -> list[float]:
    """The service's watch-list read, ``WATCH_QUERIES`` times in one tenant transaction."""
    filters = ChurnRiskFilters(tier=tier)
    samples: list[float] = []
    async with in_tenant(make_sessionmaker(engine), tenant_id, actor="bench") as ctx:
        for _ in range(WATCH_QUERIES):
            started = time.perf_counter()
            await services.list_churn_risks(ctx, filters, limit=PAGE, cursor=cursor)
            samples.append(time.perf_counter() - started)
    return samples


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


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system, all threads) a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
    app_env = _app_env(bench_data)
    bare_env = {
        "BIZSUITE_LOG_LEVEL": "WARNING",
        "BENCH_APP_DSN": _app_dsn(bench_data),
        "BENCH_TENANT_ID": str(bench_data.tenant_id),
    }
    auth = {"Authorization": f"Bearer {bench_data.api_key}"}
    runs: dict[tuple[str, str], list[LoadResult]] = {}
    #: The server process's CPU per request of each run (ms): what the ratio is on a machine where
    #: that process is the limit, however busy the machine is while measuring.
    cpu_ms: dict[tuple[str, str], list[float]] = {}
    bodies: dict[tuple[str, str], bytes] = {}
    app_port, bare_port = free_port(), free_port()
    app_argv = ["-m", "bizsuite.cli", "serve", "--host", "127.0.0.1", "--port", str(app_port)]
    bare_argv = ["-m", "uvicorn", "tests.bench.crm_bare:app", "--port", str(bare_port)]
    bare_argv += ["--no-access-log", "--log-level", "warning"]
    with (
        serve_process(app_argv, app_env, app_port) as (app_url_, app_process),
        serve_process(bare_argv, bare_env, bare_port) as (bare_url, bare_process),
    ):
        targets = {"app": (app_url_, auth), "bare": (bare_url, {})}
        pids = {"app": app_process.pid, "bare": bare_process.pid}
        for (name, (url, headers)), (label, path) in itertools.product(targets.items(), paths.items()):
            status, body = await fetch_once(url, path, headers)
            assert status == 200, body[:300]
            bodies[name, label] = body
        # Alternate short runs (app, bare, app, bare...) so background load hits both alike.
        for _ in range(ROUNDS):
            for (label, path), (name, (url, headers)) in itertools.product(paths.items(), targets.items()):
                cpu_before = _cpu_seconds(pids[name])
                result = await run_load(
                    url, path, headers, concurrency=CONCURRENCY, seconds=SECONDS / ROUNDS, warmup=WARMUP
                )
                cpu = _cpu_seconds(pids[name]) - cpu_before
                served = result.requests * (SECONDS / ROUNDS + WARMUP) / (SECONDS / ROUNDS)  # warm-up too
                runs.setdefault((name, label), []).append(result)
                cpu_ms.setdefault((name, label), []).append(cpu * 1000 / served if served else 0.0)
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
        each = ", ".join(
            f"{a.rps / b.rps:.0%}" for a, b in zip(runs["app", label], runs["bare", label], strict=True)
        )
        print(f"    app / bare throughput: {app.rps / bare.rps:.0%} (each run: {each}; goal: at least 80%)")
        app_cpu, bare_cpu = statistics.median(cpu_ms["app", label]), statistics.median(cpu_ms["bare", label])
        print(
            f"    server CPU per request (median): app {app_cpu:.2f} ms, bare {bare_cpu:.2f} ms; "
            f"bare / app: {bare_cpu / app_cpu:.0%}"
        )
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
