"""The migrations build exactly the schema the models declare (no drift between the two)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from bizsuite.core.models import JOB_QUEUE_TABLES, Base
from bizsuite.kit import load_modules
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine


def _diff(connection: Connection) -> list[Any]:
    def ours(name: str | None, type_: str, parent_names: Any) -> bool:
        return not (type_ == "table" and name in JOB_QUEUE_TABLES)

    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "include_name": ours, "target_metadata": Base.metadata}
    )
    return compare_metadata(context, Base.metadata)


async def test_the_migrated_database_matches_every_model(owner_engine: AsyncEngine) -> None:
    load_modules()
    async with owner_engine.connect() as connection:
        differences = await connection.run_sync(_diff)
    assert differences == []
