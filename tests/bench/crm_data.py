"""Generator of the CRM benchmark's data set, built inside PostgreSQL and cached between runs.

One dedicated, migrated database (``bizsuite_bench_crm_<accounts>``) on the same server as the
tests: 1,000 tenants, 999 of them small (1 to 10 accounts), and one big tenant with
``BIZSUITE_BENCH_ACCOUNTS`` accounts (default 1,000,000) and 24 months of revenue each, loaded
the way monthly imports would (one month after the other). Everything is generated server-side
with ``INSERT ... SELECT generate_series`` as the owner role, from deterministic hashes, so two
runs make the same shapes:

- account sizes are Pareto-distributed (alpha 1.16: about 20% of the accounts make 80% of the
  revenue), the trailing-12-month revenue and the A/B/C tier are filled in as the tier
  computation would;
- 8% of the accounts have a strict decline streak starting somewhere in the 24 months (some
  recover after four months), 5% are flat (equal months), 5% decline twice then stay equal,
  2% drop to zero; the rest are noisy around their size with a slight growth, so short random
  decline streaks occur as well;
- each account's stored decline streak and the watch-list rows are then made by the revenue
  area's own statements (``services.STREAKS_SQL``, the full recompute, and
  ``services.WATCH_LIST_SYNC_SQL`` at the default 3 months), tenant by tenant, as a recompute
  would (no alerts are raised).

The database is kept after the run; its comment records what made it (size, generator
version), and a later run reuses it (seconds instead of minutes) when that matches and its schema
is still the one the migrations make (compared with a freshly migrated scratch database, so an
edited migration means a rebuild). ``BIZSUITE_BENCH_REBUILD=1`` forces a rebuild.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from datetime import date

import asyncpg
from bizsuite.core.identity import security
from bizsuite.core.migrate import upgrade
from bizsuite.modules.crm.revenue import services
from bizsuite.settings import Settings
from sqlalchemy import URL, NullPool, text
from sqlalchemy.ext.asyncio import create_async_engine

GENERATOR_VERSION = 4
DEFAULT_ACCOUNTS = 1_000_000
SMALL_TENANTS = 999
MONTHS = 24
#: The first of the 24 revenue months (the last one is October 2026, the month before "today").
FIRST_MONTH = date(2024, 11, 1)
BIG_SLUG = "bench-big"
#: The product's default: at risk after 3 consecutive months of decline.
CHURN_MONTHS = 3


def bench_accounts() -> int:
    """Accounts of the big tenant (``BIZSUITE_BENCH_ACCOUNTS``, default 1,000,000)."""
    return int(os.environ.get("BIZSUITE_BENCH_ACCOUNTS", DEFAULT_ACCOUNTS))


@dataclass(frozen=True)
class BenchData:
    """The generated database and what a benchmark needs to use it."""

    owner_url: URL
    database: str
    tenant_id: uuid.UUID
    accounts: int
    revenue_rows: int
    api_key: str
    generated_seconds: float | None  # None: reused from an earlier run

    @property
    def dsn(self) -> str:
        """The owner's URL for asyncpg."""
        return self.owner_url.set(drivername="postgresql").render_as_string(hide_password=False)


#: The schema as the catalogs describe it (columns, constraints, indexes, policies), to tell
#: whether a kept database still matches the migrations (which may be edited in place).
_SCHEMA_SQL = """
SELECT 'c ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
       || ' ' || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public'
UNION ALL
SELECT 'k ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
FROM pg_constraint WHERE connamespace = 'public'::regnamespace
UNION ALL
SELECT 'i ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
UNION ALL
SELECT 'p ' || tablename || ' ' || policyname || ' ' || coalesce(qual, '') FROM pg_policies
WHERE schemaname = 'public'
"""


async def _schema_fingerprint(url: URL) -> str:
    conn = await asyncpg.connect(_dsn(url))
    try:
        lines = sorted(row[0] for row in await conn.fetch(_SCHEMA_SQL))
    finally:
        await conn.close()
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


async def _drop_database(server: URL, name: str) -> None:
    admin = await asyncpg.connect(_dsn(server.set(database="postgres")))
    try:
        await admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name)
        await admin.execute(
            await admin.fetchval("SELECT format('DROP DATABASE IF EXISTS %I', $1::text)", name)
        )
    finally:
        await admin.close()


async def _migrated(owner: URL) -> None:
    await _drop_database(owner, str(owner.database))
    await upgrade(owner, Settings(database_url=owner.render_as_string(hide_password=False)))


async def _schema_matches(owner: URL) -> bool:
    """Whether the kept database has the schema the migrations make now (checked on a scratch copy)."""
    scratch = owner.set(database="bizsuite_bench_schema")
    await _migrated(scratch)
    try:
        return await _schema_fingerprint(scratch) == await _schema_fingerprint(owner)
    finally:
        await _drop_database(owner, str(scratch.database))


def _dsn(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


# u(k, salt): a deterministic uniform number in [0, 1) from a 64-bit hash.
_FUNCTIONS = [
    """
    CREATE FUNCTION pg_temp.u(k bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT (hashint8extended(k, salt) & 2147483647)::float8 / 2147483648.0 $$
    """,
    # The revenue of account n (size ``base``) in month m (0..23), by its shape: p = u(n, 2) picks
    # the shape, s = 6 + floor(u(n, 3) * 18) the month its change starts (one inlinable expression).
    """
    CREATE FUNCTION pg_temp.amount(n bigint, m int, base float8) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$
    SELECT round(CAST(GREATEST(0, CASE
        WHEN pg_temp.u(n, 2) < 0.08 THEN  -- a strict decline streak from s (some recover 4 months on)
            CASE WHEN m < 6 + floor(pg_temp.u(n, 3) * 18) THEN base * (0.95 + 0.1 * pg_temp.u(n * 24 + m, 5))
                 WHEN pg_temp.u(n, 4) < 0.3 AND m >= 10 + floor(pg_temp.u(n, 3) * 18) THEN base
                 ELSE base * power(0.88, m - 5 - floor(pg_temp.u(n, 3) * 18)) END
        WHEN pg_temp.u(n, 2) < 0.13 THEN base  -- flat: equal months
        WHEN pg_temp.u(n, 2) < 0.18 THEN  -- two declines, then equal months (which break a streak)
            CASE WHEN m < 6 + floor(pg_temp.u(n, 3) * 18) THEN base
                 WHEN m < 8 + floor(pg_temp.u(n, 3) * 18) THEN base * power(0.9, m - 5 - floor(pg_temp.u(n, 3) * 18))
                 ELSE base * 0.81 END
        WHEN pg_temp.u(n, 2) < 0.20 THEN  -- lost: down to zero
            CASE WHEN m < 6 + floor(pg_temp.u(n, 3) * 18) THEN base ELSE 0 END
        ELSE base * (0.85 + 0.3 * pg_temp.u(n * 24 + m, 5)) * (1 + 0.01 * m)  -- noisy, growing
    END) AS numeric), 2)
    $$
    """,
]

_NAMES = (
    "ARRAY['华东','江南','恒通','鑫源','宏达','中盛','金桥','瑞丰','安泰','博远','天成','东方','海川','嘉禾']"
)
_TRADES = "ARRAY['物业','电梯','科技','建设','商贸','设备','能源','服务','置业','机电']"
_INDUSTRIES = "ARRAY['物业管理','房地产','制造业','零售','酒店','医院','学校','政府机关']"


async def _marker(owner: URL) -> str | None:
    admin = await asyncpg.connect(_dsn(owner.set(database="postgres")))
    try:
        value: str | None = await admin.fetchval(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1", owner.database
        )
        return value
    finally:
        await admin.close()


async def _generate(conn: asyncpg.Connection, accounts: int, log: list[str]) -> None:
    def step(message: str, started: float) -> None:
        log.append(f"{message}: {time.perf_counter() - started:.1f} s")

    superuser = await conn.fetchval("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    await conn.execute("SET maintenance_work_mem = '1GB'")
    await conn.execute("SET work_mem = '256MB'")
    if superuser:
        # The rows are valid by construction: skip the per-row foreign-key triggers.
        await conn.execute("SET session_replication_role = replica")
    for ddl in _FUNCTIONS:
        await conn.execute(ddl)

    started = time.perf_counter()
    await conn.execute(
        """
        INSERT INTO tenants (id, slug, name, modules, created_at, updated_at)
        SELECT uuidv7(), CASE WHEN i = 0 THEN $1 ELSE 'bench-' || lpad(i::text, 4, '0') END,
               CASE WHEN i = 0 THEN '基准大客户集团' ELSE '基准租户 ' || i END,
               ARRAY['crm']::varchar[], now(), now()
        FROM generate_series(0, $2) AS i
        """,
        BIG_SLUG,
        SMALL_TENANTS,
    )
    # Every account: (tenant, n, id, created_at, size); the big tenant's n are 1..accounts, the
    # small tenants' follow. Ids are UUIDv7 of the creation time, spread over about 1,000 days.
    await conn.execute(
        """
        CREATE TEMP TABLE bench_accounts AS
        WITH owners AS (
            SELECT t.id AS tenant_id, t.slug = $1 AS big,
                   row_number() OVER (ORDER BY t.slug) AS k
            FROM tenants t WHERE t.slug LIKE 'bench-%'
        ), numbered AS (
            SELECT o.tenant_id, g.n
            FROM owners o
            CROSS JOIN LATERAL generate_series(
                CASE WHEN o.big THEN 1 ELSE $2 + o.k * 10 END,
                CASE WHEN o.big THEN $2 ELSE $2 + o.k * 10 + floor(pg_temp.u(o.k, 9) * 10)::int END
            ) AS g(n)
        )
        SELECT tenant_id, n,
               timestamptz '2024-02-01 00:00+00' + (n % $2) * (interval '1000 days' / $2) AS created_at,
               least(20000000, 2000 / power(1 - pg_temp.u(n, 1), 1 / 1.16)) AS base
        FROM numbered
        """,
        BIG_SLUG,
        accounts,
    )
    await conn.execute(
        "ALTER TABLE bench_accounts ADD COLUMN id uuid, ADD COLUMN trailing_sum numeric, ADD COLUMN tier text"
    )
    await conn.execute(
        """
        UPDATE bench_accounts SET id = uuidv7(created_at - now()),
               trailing_sum = (SELECT sum(pg_temp.amount(n, m, base)) FROM generate_series(12, 23) AS m)
        """
    )
    # Tiers as the key-account rule makes them: the accounts making 80% of revenue are A, to 95% B.
    await conn.execute(
        """
        UPDATE bench_accounts b SET tier = CASE WHEN r.share <= 0.8 THEN 'A' WHEN r.share <= 0.95 THEN 'B'
                                                ELSE 'C' END
        FROM (SELECT tenant_id, n, sum(trailing_sum) OVER (PARTITION BY tenant_id ORDER BY trailing_sum DESC, n
                                                         ROWS UNBOUNDED PRECEDING)
                                    / NULLIF(sum(trailing_sum) OVER (PARTITION BY tenant_id), 0) AS share
              FROM bench_accounts) r
        WHERE r.tenant_id = b.tenant_id AND r.n = b.n
        """
    )
    await conn.execute("ANALYZE bench_accounts")
    step("tenants and account shapes", started)

    started = time.perf_counter()
    await conn.execute(
        f"""
        INSERT INTO crm_accounts (tenant_id, id, created_at, updated_at, version, code, name, kind, status,
                                  industry, phone, email, address, tier, trailing_revenue)
        SELECT tenant_id, id, created_at, created_at, 1, 'C' || lpad(n::text, 8, '0'),
               ({_NAMES})[1 + n % 14] || ({_TRADES})[1 + (n / 14) % 10] || '有限公司 ' || n,
               CAST(CASE WHEN pg_temp.u(n, 6) < 0.85 THEN 'end_customer'
                         WHEN pg_temp.u(n, 6) < 0.95 THEN 'distributor' ELSE 'partner' END AS crm_account_kind),
               CAST(CASE WHEN pg_temp.u(n, 7) < 0.95 THEN 'active' ELSE 'archived' END AS crm_account_status),
               ({_INDUSTRIES})[1 + n % 8], '1' || lpad((n * 7919 % 10000000000)::text, 10, '0'),
               CASE WHEN n % 3 = 0 THEN 'contact' || n || '@example.com' END,
               '上海市浦东新区张江路 ' || (n % 2000) || ' 号',
               CAST(CASE WHEN trailing_sum > 0 THEN tier END AS crm_tier), round(trailing_sum, 2)
        FROM bench_accounts ORDER BY created_at, id
        """
    )
    step(f"crm_accounts ({accounts:,} + small tenants)", started)

    # Revenue without its indexes and keys, which are built once at the end (far faster).
    keys = await conn.fetch(
        """
        SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE conrelid = 'crm_monthly_revenue'::regclass AND contype IN ('p', 'u')
        """
    )
    indexes = await conn.fetch(
        """
        SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'crm_monthly_revenue'
          AND indexname NOT IN (SELECT conname FROM pg_constraint
                                WHERE conrelid = 'crm_monthly_revenue'::regclass)
        """
    )
    for index in indexes:
        await conn.execute(f'DROP INDEX "{index["indexname"]}"')
    for key in keys:
        await conn.execute(f'ALTER TABLE crm_monthly_revenue DROP CONSTRAINT "{key["conname"]}"')
    started = time.perf_counter()
    for m in range(MONTHS):
        # One month at a time, as monthly imports load it (so the table is ordered by month).
        await conn.execute(
            """
            INSERT INTO crm_monthly_revenue (tenant_id, id, account_id, month, amount, created_at, updated_at)
            SELECT tenant_id, uuidv7(imported - now()), id, $1, pg_temp.amount(n, $2, base), imported, imported
            FROM (SELECT *, CAST($1 AS date) + interval '1 month 3 days' + n * interval '1 millisecond' AS imported
                  FROM bench_accounts) a
            """,
            date(
                FIRST_MONTH.year + (FIRST_MONTH.month - 1 + m) // 12, (FIRST_MONTH.month - 1 + m) % 12 + 1, 1
            ),
            m,
        )
    step(f"crm_monthly_revenue ({MONTHS} monthly loads)", started)
    started = time.perf_counter()
    for key in keys:
        await conn.execute(
            f'ALTER TABLE crm_monthly_revenue ADD CONSTRAINT "{key["conname"]}" {key["definition"]}'
        )
    for index in indexes:
        await conn.execute(index["indexdef"])
    step("revenue keys and indexes", started)
    await conn.execute("RESET session_replication_role")


async def _streaks(owner: URL, log: list[str]) -> None:
    """Every tenant's stored streaks and watch-list rows, by the revenue area's own statements."""
    started = time.perf_counter()
    engine = create_async_engine(owner, poolclass=NullPool)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("SET LOCAL work_mem = '256MB'"))
            tenants = (await conn.scalars(text("SELECT id FROM tenants WHERE slug LIKE 'bench-%'"))).all()
            for tenant_id in tenants:
                params = {"tenant_id": tenant_id}
                await conn.execute(text(services.STREAKS_SQL), params)
                await conn.execute(
                    text(services.WATCH_LIST_SYNC_SQL), {**params, "churn_months": CHURN_MONTHS}
                )
    finally:
        await engine.dispose()
    log.append(
        f"decline streaks and watch lists ({len(tenants):,} tenants): {time.perf_counter() - started:.1f} s"
    )


async def _new_api_key(conn: asyncpg.Connection, tenant_id: uuid.UUID) -> str:
    """A fresh admin key for the big tenant (secrets are never stored, so one per run)."""
    secret = security.new_api_key()
    await conn.execute(
        """
        INSERT INTO api_keys (tenant_id, id, name, prefix, key_hash, role, module_grants, created_at, updated_at)
        VALUES ($1, uuidv7(), 'bench', $2, $3, 'admin', '{}', now(), now())
        """,
        tenant_id,
        secret[:12],
        security.sha256_hex(secret),
    )
    return secret


async def prepare(server: URL) -> BenchData:
    """Return the benchmark database on ``server``, generating it unless a matching one exists."""
    accounts = bench_accounts()
    owner = server.set(database=f"bizsuite_bench_crm_{accounts}")
    marker = json.dumps({"generator": GENERATOR_VERSION, "accounts": accounts}, sort_keys=True)
    generated: float | None = None
    reuse = (
        not os.environ.get("BIZSUITE_BENCH_REBUILD")
        and await _marker(owner) == marker
        and await _schema_matches(owner)
    )
    if not reuse:
        started = time.perf_counter()
        await _migrated(owner)
        log: list[str] = []
        conn = await asyncpg.connect(_dsn(owner))
        try:
            await _generate(conn, accounts, log)
        finally:
            await conn.close()
        await _streaks(owner, log)
        conn = await asyncpg.connect(_dsn(owner))
        try:
            vacuum = time.perf_counter()
            await conn.execute("VACUUM (ANALYZE) tenants, crm_accounts, crm_monthly_revenue")
            log.append(f"VACUUM ANALYZE: {time.perf_counter() - vacuum:.1f} s")
            comment = await conn.fetchval(
                "SELECT format('COMMENT ON DATABASE %I IS %L', $1::text, $2::text)", owner.database, marker
            )
            await conn.execute(comment)
        finally:
            await conn.close()
        generated = time.perf_counter() - started
        print("\ngenerated the CRM bench database:\n  " + "\n  ".join(log))
    conn = await asyncpg.connect(_dsn(owner))
    try:
        tenant_id = await conn.fetchval("SELECT id FROM tenants WHERE slug = $1", BIG_SLUG)
        revenue_rows = await conn.fetchval(
            "SELECT count(*) FROM crm_monthly_revenue WHERE tenant_id = $1", tenant_id
        )
        api_key = await _new_api_key(conn, tenant_id)
    finally:
        await conn.close()
    return BenchData(
        owner_url=owner,
        database=str(owner.database),
        tenant_id=tenant_id,
        accounts=accounts,
        revenue_rows=revenue_rows,
        api_key=api_key,
        generated_seconds=generated,
    )
