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
    #: Password of the application role; set by ``bizsuite migrate`` only when given (required for
    #: an external server reached over TCP with password authentication).
    app_db_password: str = ""
    data_dir: Path = field(default_factory=lambda: REPO_ROOT / "var")
    secret_key: str = ""
    operator_token: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    #: The address users reach the site at, for links in emails the CLI sends (invitations);
    #: empty is ``http://<host>:<port>``. Requests use the address they came in on.
    public_url: str = ""
    rate_limit_per_minute: int = 1200
    #: How long a process answers an API key or a web session from memory after looking it up
    #: (``core/identity/principals.py``); changes reach every process at once through
    #: ``LISTEN/NOTIFY``, so this bounds only what bypasses the ORM. 0 looks up on every request.
    principal_cache_ms: int = 5000
    secure_cookies: bool = False
    session_ttl_minutes: int = 12 * 60
    #: A worker's pool holds up to twice this many connections (``core/database.py``).
    db_pool_size: int = 10
    db_pool_timeout_seconds: int = 5
    db_statement_timeout_ms: int = 15_000
    #: Requests a worker works on at once (``core/admission.py``); the others wait their turn, up
    #: to ``admission_timeout_seconds`` (then 503). 0: its pool's connections less a reserve.
    admission_limit: int = 0
    admission_timeout_seconds: int = 30
    #: The runtime URL leads through PgBouncer in transaction mode: asyncpg's statement caches
    #: off, unnamed prepared statements, no startup parameters (see docs/operations.md).
    pgbouncer: bool = False
    #: The application role's URL of PostgreSQL itself, for the connections that need a session of
    #: their own (``LISTEN``: live updates, the job worker's queue), which a transaction pooler
    #: cannot give. Empty: the runtime URL, or behind PgBouncer the one derived from
    #: ``database_url`` with ``app_db_role`` / ``app_db_password``.
    direct_database_url: str = ""
    #: Background jobs (``bizsuite worker``): parallel jobs per worker, heartbeat, and how long a
    #: silent worker may stay silent before its running jobs are handed to another worker.
    worker_concurrency: int = 4
    worker_heartbeat_ms: int = 10_000
    worker_stalled_ms: int = 30_000
    #: How often an idle worker looks for due jobs (new jobs wake it at once; retries and
    #: scheduled jobs wait for this poll).
    worker_poll_ms: int = 5_000
    #: Retries of failed tenant jobs: exponential backoff from this first interval.
    job_retry_max_attempts: int = 5
    job_retry_base_ms: int = 10_000
    #: Webhook deliveries: 11 attempts over about a day (30 s, 90 s, ... capped at 5 h).
    webhook_retry_max_attempts: int = 11
    webhook_retry_base_ms: int = 30_000
    webhook_timeout_ms: int = 10_000
    #: Deliver webhooks to loopback and private addresses (the embedded default always may).
    webhook_allow_private_targets: bool = False
    #: Email and SMS providers; ``record`` keeps each message in the outbox instead of sending it.
    email_provider: str = "record"
    sms_provider: str = "record"
    log_level: str = "INFO"
    log_json: bool = True
    debug: bool = False
    #: File storage backend: ``local`` (a folder under ``data_dir``) or ``s3``.
    storage: str = "local"
    #: S3 or an S3-compatible endpoint (MinIO, moto); empty means AWS itself.
    s3_endpoint_url: str = ""
    s3_bucket: str = "bizsuite"
    s3_region: str = "us-east-1"
    s3_access_key_id: str = ""
    s3_secret_access_key: str = ""
    #: Largest accepted JSON request body, in bytes (larger bodies get 413 before decoding).
    max_json_body_bytes: int = 1024 * 1024
    #: Largest accepted upload, in bytes (larger uploads get 413 and store nothing).
    max_upload_bytes: int = 50 * 1024 * 1024
    #: Comma-separated content types accepted for uploads; empty means the built-in list.
    upload_content_types: str = ""
    #: Lifetime of presigned (S3) and signed (local) download links, in seconds.
    download_url_ttl_seconds: int = 300
    #: Stripe secret key; empty runs billing offline (the operator assigns plans, records payments).
    stripe_secret_key: str = ""
    #: Signing secret of the Stripe webhook endpoint (``whsec_...``).
    stripe_webhook_secret: str = ""
    #: Stripe API base URL; empty is Stripe's own (tests and the demo point it at localstripe).
    stripe_api_base: str = ""

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

    @property
    def site_url(self) -> str:
        """``public_url``, else the address the server listens on."""
        return self.public_url or f"http://{self.host}:{self.port}"

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
