"""Setting up the roles is safe when several processes migrate at once (replicas, test workers)."""

from __future__ import annotations

import asyncio

from bizsuite.core.database import ensure_app_role
from bizsuite.settings import Settings
from sqlalchemy import URL, text
from sqlalchemy.ext.asyncio import AsyncEngine


async def test_concurrent_role_setup_neither_fails_nor_loses_settings(
    owner_url: URL, settings: Settings, owner_engine: AsyncEngine
) -> None:
    async with owner_engine.connect() as conn:
        # Start from a role without its setting, so every process tries to add it at once.
        name = await conn.scalar(text("SELECT quote_ident(:r)"), {"r": settings.app_db_role})
        await conn.execute(text(f"ALTER ROLE {name} RESET statement_timeout"))
        await conn.commit()
    await asyncio.gather(*(ensure_app_role(owner_url, settings) for _ in range(8)))
    async with owner_engine.connect() as conn:
        row = (
            await conn.execute(
                text(
                    "SELECT r.rolsuper, r.rolbypassrls, s.setconfig FROM pg_roles r"
                    " LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0"
                    " WHERE r.rolname = :r"
                ),
                {"r": settings.app_db_role},
            )
        ).one()
    assert (row.rolsuper, row.rolbypassrls) == (False, False)
    assert f"statement_timeout={settings.db_statement_timeout_ms}ms" in row.setconfig
