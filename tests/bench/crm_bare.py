"""The CRM benchmark's yardstick: a bare Litestar app with one asyncpg handler.

``GET /api/v1/crm/accounts`` runs the same SQL as the real endpoint, as the application role,
in a transaction with the same row-level-security ``set_config``, with the same cursor encoding
and JSON shape; it has no middleware, no authentication (the tenant comes from
``BENCH_TENANT_ID``), no ORM. Serve with ``uvicorn tests.bench.crm_bare:app``; the database URL
is ``BENCH_APP_DSN`` and the pool holds at most ``BENCH_POOL_SIZE`` connections (default 20: the
application's pool of 10 plus its overflow of 10).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from bizsuite.core.pagination import decode_cursor, encode_cursor
from litestar import Litestar, get

COLUMNS = (
    "id, code, name, kind, status, tier, trailing_revenue, owner_user_id, zone_id, org_unit_id,"
    " industry, phone, created_at, version"
)
FIRST_PAGE = (
    f"SELECT {COLUMNS} FROM crm_accounts WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2"
)
NEXT_PAGE = (
    f"SELECT {COLUMNS} FROM crm_accounts WHERE tenant_id = $1 AND (created_at, id) < ($3, $4)"
    " ORDER BY created_at DESC, id DESC LIMIT $2"
)
SET_TENANT = "SELECT set_config('app.tenant_id', $1, true)"

state: dict[str, Any] = {}


@asynccontextmanager
async def lifespan(app: Litestar) -> AsyncIterator[None]:
    state["tenant"] = os.environ["BENCH_TENANT_ID"]
    state["pool"] = await asyncpg.create_pool(
        os.environ["BENCH_APP_DSN"],
        min_size=1,
        max_size=int(os.environ.get("BENCH_POOL_SIZE", "20")),
        server_settings={"application_name": "bench-bare"},
    )
    try:
        yield
    finally:
        await state["pool"].close()


@get("/health", sync_to_thread=False)
def health() -> dict[str, str]:
    return {"status": "ok"}


@get("/api/v1/crm/accounts")
async def list_accounts(limit: int = 50, cursor: str | None = None) -> dict[str, Any]:
    async with state["pool"].acquire() as conn, conn.transaction():
        await conn.execute(SET_TENANT, state["tenant"])
        if cursor:
            created_at, row_id = decode_cursor(cursor)
            rows = await conn.fetch(NEXT_PAGE, state["tenant"], limit + 1, created_at, row_id)
        else:
            rows = await conn.fetch(FIRST_PAGE, state["tenant"], limit + 1)
    items = [dict(row) for row in rows[:limit]]
    next_cursor = (
        encode_cursor(items[-1]["created_at"], items[-1]["id"]) if len(rows) > limit and items else None
    )
    return {"items": items, "next_cursor": next_cursor}


app = Litestar([health, list_accounts], lifespan=[lifespan])
