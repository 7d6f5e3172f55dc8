"""Apply the Alembic migrations as the owner role and prepare the runtime role."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import URL, pool
from sqlalchemy.ext.asyncio import create_async_engine

from bizsuite.core.database import ensure_app_role, ensure_database
from bizsuite.settings import REPO_ROOT, Settings


def alembic_config(extra_versions: Sequence[Path] = ()) -> Config:
    """Return the Alembic configuration for ``migrations/`` (and ``extra_versions`` folders of
    revisions, e.g. a module scaffolded outside the repository)."""
    config = Config(toml_file=str(REPO_ROOT / "pyproject.toml"))
    config.set_main_option("script_location", str(REPO_ROOT / "migrations"))
    if extra_versions:
        config.set_main_option("path_separator", "os")
        folders = [REPO_ROOT / "migrations" / "versions", *extra_versions]
        config.set_main_option("version_locations", os.pathsep.join(str(f) for f in folders))
    return config


async def upgrade(
    owner: URL, settings: Settings, revision: str = "head", *, extra_versions: Sequence[Path] = ()
) -> None:
    """Create the database and roles if missing, then migrate to ``revision``."""
    await ensure_database(owner)
    await ensure_app_role(owner, settings)
    engine = create_async_engine(owner, poolclass=pool.NullPool)
    config = alembic_config(extra_versions)

    def run(connection: Any) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    try:
        async with engine.begin() as connection:
            await connection.run_sync(run)
    finally:
        await engine.dispose()
