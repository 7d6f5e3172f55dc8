"""The external-database path: `BIZSUITE_DATABASE_URL` points everything at another PostgreSQL.

The whole suite runs against such a server with `make test-external`; this test proves the path
in every run by migrating and serving a fresh database on the local server (PostgreSQL 15 here),
and is skipped where no such server listens (the embedded default never needs one).
"""

from __future__ import annotations

import os
import socket
import uuid

import pytest
from bizsuite.app import create_app
from bizsuite.core.database import to_asyncpg_url
from bizsuite.core.migrate import upgrade
from bizsuite.settings import Settings
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.conftest import asgi_client

LOCAL = os.environ.get("BIZSUITE_EXTERNAL_TEST_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _listening(url: str) -> bool:
    parsed = make_url(url)
    try:
        with socket.create_connection((parsed.host or "127.0.0.1", parsed.port or 5432), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _listening(LOCAL), reason="no external PostgreSQL listening")
async def test_migrate_and_serve_on_an_external_server() -> None:
    server = to_asyncpg_url(LOCAL)
    name = f"bizsuite_ext_{uuid.uuid4().hex[:8]}"
    owner = server.set(database=name)
    settings = Settings(
        database_url=owner.render_as_string(hide_password=False),
        operator_token="ext-operator-token",
        log_json=False,
        log_level="WARNING",
    )
    admin = create_async_engine(server, isolation_level="AUTOCOMMIT")
    try:
        await upgrade(owner, settings)
        async with asgi_client(create_app(settings)) as client:
            operator = {"Authorization": "Bearer ext-operator-token"}
            created = await client.post(
                "/api/v1/tenants", json={"name": "Ext", "slug": "ext"}, headers=operator
            )
            assert created.status_code == 201, created.text
            assert (await client.get("/ready")).json()["status"] == "ready"
        async with admin.connect() as conn:
            version = await conn.scalar(text("SHOW server_version_num"))
            assert int(version) >= 150000
    finally:
        async with admin.connect() as conn:
            await conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name}
            )
            statement = await conn.scalar(
                text("SELECT format('DROP DATABASE IF EXISTS %I', CAST(:n AS text))"), {"n": name}
            )
            await conn.execute(text(str(statement)))
        await admin.dispose()
