"""Alembic environment: runs migrations as the owner role, online only."""

from __future__ import annotations

import asyncio
from typing import Any

from alembic import context
from bizsuite.core.database import resolve_urls
from bizsuite.core.models import JOB_QUEUE_TABLES, Base
from bizsuite.kit import load_modules
from bizsuite.settings import Settings
from sqlalchemy import Connection, pool
from sqlalchemy.ext.asyncio import create_async_engine

config = context.config
load_modules()  # business modules' tables join the metadata
target_metadata = Base.metadata


def _ours(name: str | None, type_: str, parent_names: Any) -> bool:
    """Leave procrastinate's own tables (migrated by 0002 from its schema) out of comparisons."""
    return not (type_ == "table" and name in JOB_QUEUE_TABLES)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=target_metadata, compare_type=True, include_name=_ours
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async(url: Any) -> None:
    engine = create_async_engine(url, poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


def run_migrations_online() -> None:
    """Connect with the given connection, or the owner URL from the settings."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.attributes.get("url") or resolve_urls(Settings.from_env())[0]
    asyncio.run(_run_async(url))


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `bizsuite migrate`")
run_migrations_online()
