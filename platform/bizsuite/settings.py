"""Typed settings read once from ``BIZSUITE_*`` environment variables."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, get_type_hints

REPO_ROOT = Path(__file__).resolve().parents[2]


def _parse(raw: str, kind: Any) -> Any:
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if kind is int:
        return int(raw)
    if kind is Path:
        return Path(raw).expanduser()
    return raw


@dataclass(frozen=True, slots=True)
class Settings:
    """Process settings; every field maps to ``BIZSUITE_<FIELD>`` in the environment."""

    #: Owner (migration) URL of an external PostgreSQL; empty means the embedded server.
    database_url: str = ""
    #: Runtime URL for the application role; derived from ``database_url`` when empty.
    app_database_url: str = ""
    app_db_role: str = "bizsuite_app"
    app_db_password: str = "bizsuite_app"
    data_dir: Path = field(default_factory=lambda: REPO_ROOT / "var")
    secret_key: str = ""
    operator_token: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    rate_limit_per_minute: int = 1200
    secure_cookies: bool = False
    session_ttl_minutes: int = 12 * 60
    db_pool_size: int = 10
    db_pool_timeout_seconds: int = 5
    db_statement_timeout_ms: int = 15_000
    #: PgBouncer in transaction mode: turn asyncpg's statement caches off.
    pgbouncer: bool = False
    log_level: str = "INFO"
    log_json: bool = True
    debug: bool = False

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Read settings from the environment; keyword overrides win."""
        hints = get_type_hints(cls)
        values: dict[str, Any] = {}
        for item in fields(cls):
            raw = os.environ.get(f"BIZSUITE_{item.name.upper()}")
            if raw is not None and raw != "":
                values[item.name] = _parse(raw, hints[item.name])
        values.update(overrides)
        return cls(**values)

    @property
    def embedded(self) -> bool:
        """Whether the embedded PostgreSQL serves the data."""
        return not self.database_url and not self.app_database_url

    def resolved_secret_key(self) -> str:
        """Return the signing secret, creating and keeping a local one for development."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret_key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()
