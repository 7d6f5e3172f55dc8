"""On-demand benchmark (`make bench`): what one authenticated API read costs.

Reports, for `GET /api/v1/org-units` (a 50-row page) with an API key through a real uvicorn
server: database statements per request (counted on the engine) and throughput with 16
concurrent clients over a fixed number of requests. Prints the numbers; asserts nothing about
speed (speed goals are read from the report, never enforced by timed assertions).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from bizsuite.app import create_app
from sqlalchemy import event

from tests.conftest import TenantHandle, asgi_client, serve_process

REQUESTS = 2000
CONCURRENCY = 16


@pytest.fixture
def server_process(settings: Any) -> Iterator[str]:
    """`bizsuite serve` in its own process (so the load generator does not share its GIL)."""
    with serve_process(settings, BIZSUITE_RATE_LIMIT_PER_MINUTE="1000000") as (url, _process):
        yield url


@pytest.mark.bench
async def test_org_unit_list_cost(settings: Any, tenant_a: TenantHandle, server_process: str) -> None:
    live_server = server_process
    # Fill one page.
    async with httpx.AsyncClient(base_url=live_server, headers=tenant_a.headers) as api:
        for i in range(50):
            await api.post(
                "/api/v1/org-units", json={"name": f"Unit {i}", "code": f"U{i:03d}", "kind": "department"}
            )

    # Statements per request, counted in process on the app's own engine.
    app = create_app(settings)
    async with asgi_client(app) as client:
        statements: list[str] = []
        engine = app.state.engine.sync_engine
        event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        await client.get("/api/v1/org-units", headers=tenant_a.headers)  # warm up (last_used_at refresh)
        statements.clear()
        response = await client.get("/api/v1/org-units", headers=tenant_a.headers)
        assert response.status_code == 200
        print(f"\nstatements per request (plus BEGIN and COMMIT): {len(statements)}")
        for sql in statements:
            print("  ", " ".join(sql.split())[:110])

    # Throughput through uvicorn on loopback.
    async with httpx.AsyncClient(
        base_url=live_server, headers=tenant_a.headers, limits=httpx.Limits(max_connections=CONCURRENCY)
    ) as api:
        remaining = REQUESTS

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                reply = await api.get("/api/v1/org-units")
                assert reply.status_code == 200

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        elapsed = time.perf_counter() - started
    print(
        f"GET /api/v1/org-units (50 rows): {REQUESTS / elapsed:,.0f} req/s over {REQUESTS} requests, "
        f"{CONCURRENCY} clients, one uvicorn worker (`bizsuite serve`) in its own process"
    )
