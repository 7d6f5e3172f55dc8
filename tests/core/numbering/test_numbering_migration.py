"""Migration 0034 moves the contracts' and the fee billing's own counters into the kernel's, with
their current values (and the fee years' numbers given back), tenant by tenant under forced
row-level security; its downgrade restores the old tables with the values the kernel has then.
In a database of its own, migrated to 0033 first (as ``test_scaffold.py`` does)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from alembic import command
from bizsuite.core.migrate import alembic_config, upgrade
from bizsuite.settings import Settings
from sqlalchemy import URL, text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from tests.conftest import _recreate_database

A, B = uuid.uuid4(), uuid.uuid4()


@pytest.fixture
async def database(owner_url: URL, settings: Settings) -> AsyncIterator[tuple[URL, Settings]]:
    """A database of its own, migrated to the revision before the kernel counters."""
    url = owner_url.set(database=f"{owner_url.database}_numbering")
    await _recreate_database(owner_url, str(url.database))
    own = replace(settings, database_url=url.render_as_string(hide_password=False))
    try:
        await upgrade(url, own, "0033")
        yield url, own
    finally:
        await _recreate_database(owner_url, str(url.database))


async def _as_tenant(connection: AsyncConnection, tenant_id: uuid.UUID) -> None:
    await connection.execute(text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(tenant_id)})


async def _rows(url: URL, tenant_id: uuid.UUID, query: str) -> list[tuple[Any, ...]]:
    """What ``query`` returns (or [] for a statement returning nothing) as the tenant (``:t``: its id;
    the test's owner may be a superuser, whom row-level security lets see every tenant)."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            await _as_tenant(connection, tenant_id)
            result = await connection.execute(text(query), {"t": tenant_id} if ":t" in query else {})
            return [tuple(row) for row in result.all()] if result.returns_rows else []
    finally:
        await engine.dispose()


async def _downgrade(url: URL, revision: str) -> None:
    engine = create_async_engine(url)
    config = alembic_config()

    def run(connection: Any) -> None:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)

    try:
        async with engine.begin() as connection:
            await connection.run_sync(run)
    finally:
        await engine.dispose()


async def test_the_migration_copies_the_counters_and_its_downgrade_restores_them(
    database: tuple[URL, Settings],
) -> None:
    url, settings = database
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            for tenant_id, slug in ((A, "numbering-a"), (B, "numbering-b")):
                await connection.execute(
                    text("INSERT INTO tenants (id, slug, name) VALUES (:id, :slug, :slug)"),
                    {"id": tenant_id, "slug": slug},
                )
            await _as_tenant(connection, A)
            await connection.execute(
                text(
                    "INSERT INTO contracts_number_counters (tenant_id, id, year, last_seq) VALUES "
                    "(:t, :i1, 2025, 41), (:t, :i2, 2026, 7)"
                ),
                {"t": A, "i1": uuid.uuid4(), "i2": uuid.uuid4()},
            )
            await connection.execute(
                text(
                    "INSERT INTO fees_number_counters (tenant_id, id, year, last_seq, freed) "
                    "VALUES (:t, :i, 2026, 5, '[2, 4]')"
                ),
                {"t": A, "i": uuid.uuid4()},
            )
            await _as_tenant(connection, B)
            await connection.execute(
                text(
                    "INSERT INTO contracts_number_counters (tenant_id, id, year, last_seq) VALUES (:t, :i, 2026, 3)"
                ),
                {"t": B, "i": uuid.uuid4()},
            )
    finally:
        await engine.dispose()

    await upgrade(url, settings, "0034")
    kernel = "SELECT series, period, last_seq, freed FROM numbering_counters WHERE tenant_id = :t ORDER BY series, period"
    assert await _rows(url, A, kernel) == [
        ("contracts.contract", "2025", 41, []),
        ("contracts.contract", "2026", 7, []),
        ("fees.statement", "2026", 5, [2, 4]),
    ]
    assert await _rows(url, B, kernel) == [("contracts.contract", "2026", 3, [])]
    old_tables = "SELECT count(*) FROM pg_tables WHERE tablename IN ('contracts_number_counters', 'fees_number_counters')"
    assert await _rows(url, A, old_tables) == [(0,)]

    # The kernel counters move on after the upgrade; the downgrade keeps where they are.
    await _rows(
        url,
        A,
        "UPDATE numbering_counters SET last_seq = 8 WHERE tenant_id = :t AND series = 'contracts.contract' AND period = '2026'",
    )
    await _downgrade(url, "0033")
    assert await _rows(
        url, A, "SELECT year, last_seq FROM contracts_number_counters WHERE tenant_id = :t ORDER BY year"
    ) == [
        (2025, 41),
        (2026, 8),
    ]
    assert await _rows(
        url, A, "SELECT year, last_seq, freed FROM fees_number_counters WHERE tenant_id = :t"
    ) == [(2026, 5, [2, 4])]
    assert await _rows(
        url, B, "SELECT year, last_seq FROM contracts_number_counters WHERE tenant_id = :t"
    ) == [(2026, 3)]
    assert await _rows(url, A, "SELECT count(*) FROM pg_tables WHERE tablename = 'numbering_counters'") == [
        (0,)
    ]
