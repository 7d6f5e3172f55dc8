"""PostgreSQL stops for a few seconds under concurrent reads and writes and starts again.

What users must see: never a 500, only successes or 503 problems with Retry-After; every write
that was acknowledged is there afterwards and every refused one is not; the app recovers by
itself (it is not restarted)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from bizsuite.app import create_app
from bizsuite.core.database import make_engine, make_sessionmaker, runtime_url
from bizsuite.core.db import bind_tenant
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.settings import Settings
from sqlalchemy import select

from tests.conftest import TenantHandle, create_tenant_with_key, serving
from tests.faults.conftest import PrivatePostgres

WRITERS = 6
READERS = 4


@pytest.fixture(scope="module")
def fault_server(fault_settings: Settings) -> Iterator[str]:
    """The app served by uvicorn on a loopback port, against the private server."""
    with serving(create_app(fault_settings)) as url:
        yield url


async def _tenant(settings: Settings) -> TenantHandle:
    engine = make_engine(runtime_url(settings), settings)
    try:
        return await create_tenant_with_key(engine)
    finally:
        await engine.dispose()


async def _stored_codes(settings: Settings, tenant: TenantHandle) -> set[str]:
    engine = make_engine(runtime_url(settings), settings)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            await bind_tenant(session, tenant.id)
            return set(await session.scalars(select(OrgUnit.code)))
    finally:
        await engine.dispose()


async def test_a_database_restart_under_load_answers_only_2xx_or_503_and_loses_nothing(
    private_postgres: PrivatePostgres,
    fault_settings: Settings,
    fault_server: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    tenant = await _tenant(fault_settings)
    answers: list[tuple[str, int, dict[str, Any], str]] = []
    acknowledged: set[str] = set()
    refused: set[str] = set()
    phase = {"name": "before"}
    stop = asyncio.Event()

    async def writer(client: httpx.AsyncClient, number: int) -> None:
        sequence = 0
        while not stop.is_set():
            sequence += 1
            code = f"W{number}-{sequence}"
            response = await client.post(
                "/api/v1/org-units",
                json={"name": code, "code": code, "kind": "department"},
                headers=tenant.headers,
            )
            answers.append((phase["name"], response.status_code, dict(response.headers), response.text))
            (acknowledged if response.status_code == 201 else refused).add(code)
            await asyncio.sleep(0.01)

    async def reader(client: httpx.AsyncClient, number: int) -> None:
        while not stop.is_set():
            path = "/ready" if number % 2 else "/api/v1/org-units?limit=5"
            response = await client.get(path, headers=tenant.headers)
            answers.append((phase["name"], response.status_code, dict(response.headers), response.text))
            await asyncio.sleep(0.01)

    async with httpx.AsyncClient(base_url=fault_server, timeout=30) as client:
        load = [
            *(asyncio.create_task(writer(client, n)) for n in range(WRITERS)),
            *(asyncio.create_task(reader(client, n)) for n in range(READERS)),
        ]
        try:
            await asyncio.sleep(1.0)
            phase["name"] = "outage"
            await asyncio.to_thread(private_postgres.stop)
            await asyncio.sleep(3.0)
            await asyncio.to_thread(private_postgres.start)
            phase["name"] = "after"
            # Recovery without restarting the app: writes succeed again within a few seconds.
            deadline = time.monotonic() + 20
            while sum(1 for p, s, _, _ in answers if p == "after" and s == 201) < WRITERS:
                if time.monotonic() > deadline:
                    from collections import Counter

                    seen = Counter((p, s) for p, s, _, _ in answers)
                    last = [(p, s, b[:300]) for p, s, _, b in answers[-5:]]
                    raise AssertionError(f"the app did not recover: {seen} {last}")
                await asyncio.sleep(0.1)
        finally:
            stop.set()
            await asyncio.gather(*load)

    unexpected = [(p, s, body) for p, s, _, body in answers if not (200 <= s < 300 or s == 503)]
    # The server's own account of a 500 (its traceback) says which error was not classified.
    causes = [
        logging.Formatter().formatException(r.exc_info) if r.exc_info else r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.ERROR
    ]
    assert not unexpected, (unexpected[:5], causes[:3])
    outage = [(s, h, body) for p, s, h, body in answers if s == 503]
    assert outage, "the outage was not noticed by any request"
    for _, headers, body in outage:
        assert headers.get("retry-after"), body
        assert headers.get("content-type", "").startswith("application/problem+json"), body

    stored = await _stored_codes(fault_settings, tenant)
    assert acknowledged <= stored, sorted(acknowledged - stored)[:5]
    assert not (refused & stored), sorted(refused & stored)[:5]
