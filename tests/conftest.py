"""Shared fixtures: a real PostgreSQL (embedded by default), a migrated database per worker,
the app, and tenants with API keys made through the same code paths users take."""

from __future__ import annotations

import asyncio
import gc
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import uvicorn
from bizsuite.app import create_app
from bizsuite.core.database import make_sessionmaker, start_embedded, stop_embedded, to_asyncpg_url
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity import security
from bizsuite.core.identity.models import ApiKey, Membership, Role, User
from bizsuite.core.migrate import upgrade
from bizsuite.core.tenants.models import Tenant
from bizsuite.kit import load_modules
from bizsuite.settings import REPO_ROOT, Settings
from litestar import Litestar
from sqlalchemy import URL, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from tests.pgbouncer import PgBouncer, start_pgbouncer

# Business modules register their blueprint sections, tasks and events, as the CLI does.
load_modules()

TEST_DATA = REPO_ROOT / ".test-data"
OPERATOR_TOKEN = "test-operator-token-0123456789"
PASSWORD = "correct horse battery"


def _server_url() -> URL:
    external = os.environ.get("BIZSUITE_DATABASE_URL")
    if external:
        return to_asyncpg_url(external)
    TEST_DATA.mkdir(exist_ok=True)
    return to_asyncpg_url(start_embedded(TEST_DATA))


# --- The embedded server's lifetime ---------------------------------------------------------
# The suite starts the embedded server under .test-data when it is not running, and stops it
# when the session ends (the controller, after every xdist worker finished), so no server is
# left behind by `make test`. BIZSUITE_KEEP_TEST_DB=1 keeps it for faster reruns; a server that
# was already running, or that another test run is using meanwhile, is left alone.


def _embedded_running() -> bool:
    return (TEST_DATA / "pg" / "postmaster.pid").exists()


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):
        config.stash[_STARTED_HERE] = not os.environ.get("BIZSUITE_DATABASE_URL") and not _embedded_running()


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if hasattr(config, "workerinput") or not config.stash.get(_STARTED_HERE, False):
        return
    if os.environ.get("BIZSUITE_KEEP_TEST_DB") == "1" or not _embedded_running():
        return
    if asyncio.run(_release_embedded_server()):
        stop_embedded(TEST_DATA)


_STARTED_HERE = pytest.StashKey[bool]()


# --- The garbage collector --------------------------------------------------------------------
# As ``bizsuite serve`` does (cli.served_app), what lives as long as a worker (the modules and
# tests once collected, the session's app once built) is frozen out of the collector's full
# passes. Such a pass, which may come at any moment of any test, then costs about what it frees
# (the apps some tests build and drop) instead of a further second for what never dies: a second
# a stalled event loop counts against every connect and lock timeout of the test it lands in.


def _freeze_what_lives() -> None:
    gc.collect()
    gc.freeze()


def pytest_collection_finish(session: pytest.Session) -> None:
    _freeze_what_lives()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Benchmarks run as long as their figures need: the suite's 15-minute bound (pytest-timeout,
    # pyproject.toml) is for the tests.
    for item in items:
        if item.get_closest_marker("bench") is not None:
            item.add_marker(pytest.mark.timeout(0))


async def _release_embedded_server() -> bool:
    """Drop this checkout's idle test databases; return whether no other run is connected."""
    admin = create_async_engine(_server_url().set(database="postgres"), isolation_level="AUTOCOMMIT")
    others = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
    try:
        async with admin.connect() as conn:
            for _ in range(40):  # the workers' connections close as their processes exit
                if not await conn.scalar(text(others)):
                    break
                await asyncio.sleep(0.05)
            else:
                return False  # another test run uses the server: leave it running
            names = await conn.scalars(
                text("SELECT datname FROM pg_database WHERE datname LIKE 'bizsuite\\_test\\_%'")
            )
            for name in list(names):
                statement = await conn.scalar(
                    text("SELECT format('DROP DATABASE IF EXISTS %I', CAST(:n AS text))"), {"n": name}
                )
                await conn.execute(text(str(statement)))
    finally:
        await admin.dispose()
    return True


async def _recreate_database(server: URL, name: str) -> None:
    admin = create_async_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            # Test databases are ours: drop leftovers of an earlier run.
            await conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name}
            )
            statement = await conn.scalar(
                text("SELECT format('DROP DATABASE IF EXISTS %I', CAST(:n AS text))"), {"n": name}
            )
            await conn.execute(text(str(statement)))
    finally:
        await admin.dispose()


@pytest.fixture(scope="session")
def worker_id_suffix(request: pytest.FixtureRequest) -> str:
    worker = getattr(request.config, "workerinput", {}).get("workerid", "main")
    return f"{worker}_{os.getpid()}"


@pytest.fixture(scope="session")
async def owner_url(worker_id_suffix: str) -> URL:
    """A freshly migrated database for this test worker (owner role)."""
    server = _server_url()
    name = f"bizsuite_test_{worker_id_suffix}"
    await _recreate_database(server, name)
    owner = server.set(database=name)
    await upgrade(owner, Settings(database_url=owner.render_as_string(hide_password=False)))
    return owner


#: ``BIZSUITE_PGBOUNCER=true``: the app's runtime engine goes through PgBouncer (see ``pooler``).
THROUGH_PGBOUNCER = os.environ.get("BIZSUITE_PGBOUNCER", "").strip().lower() in {"1", "true", "yes", "on"}
#: Server connections PgBouncer keeps per database and role: fewer than the app's pool, so
#: requests share them (transaction by transaction), as they do in production.
PGBOUNCER_POOL_SIZE = 4


@pytest.fixture(scope="session")
def pooler(owner_url: URL) -> Iterator[PgBouncer | None]:
    """With ``BIZSUITE_PGBOUNCER=true``, Debian's PgBouncer in transaction mode in front of the test
    database, else None. The app's runtime engine connects through it; migrations, the owner
    engine and the ``LISTEN`` connections (live updates, the job worker) go to PostgreSQL itself."""
    if not THROUGH_PGBOUNCER:
        yield None
        return
    defaults = Settings()
    bouncer = start_pgbouncer(
        owner_url, {defaults.app_db_role: defaults.app_db_password}, pool_size=PGBOUNCER_POOL_SIZE
    )
    try:
        yield bouncer
    finally:
        bouncer.stop()


@pytest.fixture(scope="session")
def settings(owner_url: URL, pooler: PgBouncer | None, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings pointing at the test database (through PgBouncer with ``BIZSUITE_PGBOUNCER=true``)."""
    through: dict[str, Any] = {}
    if pooler is not None:
        defaults = Settings()
        app_role = owner_url.set(username=defaults.app_db_role, password=defaults.app_db_password or None)
        through = {
            "app_database_url": pooler.url(app_role).render_as_string(hide_password=False),
            "pgbouncer": True,
        }
    return Settings(
        **through,
        database_url=owner_url.render_as_string(hide_password=False),
        data_dir=tmp_path_factory.mktemp("data"),
        secret_key="test-secret",
        operator_token=OPERATOR_TOKEN,
        log_json=False,
        log_level="WARNING",
        # Webhook tests deliver to a receiver on loopback (strict checks are tested on their own).
        webhook_allow_private_targets=True,
        rate_limit_per_minute=100_000,
    )


@asynccontextmanager
async def asgi_client(application: Litestar, *, lifespan: bool = True) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client calling the app in process, in the test's own event loop."""
    async with AsyncExitStack() as stack:
        if lifespan:
            await stack.enter_async_context(application.lifespan())
        transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
        yield await stack.enter_async_context(
            httpx.AsyncClient(transport=transport, base_url="http://testserver")
        )


def http_scope(method: str, path: str, headers: dict[str, str], query_string: bytes = b"") -> dict[str, Any]:
    """The ASGI scope of one HTTP request, for tests that drive the app as a server would (what
    httpx's ASGITransport cannot: a body in parts, a client that goes, a response that streams)."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 50000),
        "root_path": "",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query_string,
        "headers": [(name.lower().encode(), value.encode()) for name, value in headers.items()],
    }


@asynccontextmanager
async def running(application: Litestar) -> AsyncIterator[None]:
    """Run the app's lifespan in a task of its own, so fixtures may start and stop it from different tasks."""
    started, stop = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        async with application.lifespan():
            started.set()
            await stop.wait()

    task = asyncio.create_task(hold())
    waiter = asyncio.create_task(started.wait())
    await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        waiter.cancel()
        task.result()  # startup failed: raise its error
    try:
        yield
    finally:
        stop.set()
        await task


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[Litestar]:
    """The application, started (lifespan) once per worker in the session's event loop."""
    application = create_app(settings)
    _freeze_what_lives()
    async with running(application):
        yield application


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client without credentials (a fresh cookie jar each test)."""
    async with asgi_client(app, lifespan=False) as test_client:
        yield test_client


@contextmanager
def serving(application: Litestar, **config: Any) -> Iterator[str]:
    """Serve the app (its own engine and lifespan) with uvicorn in a thread on a free loopback
    port; yield its URL, and stop it after. ``config``: more of uvicorn's settings."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(application, log_config=None, access_log=False, lifespan="on", **config)
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="test-server", daemon=True)
    thread.start()
    try:
        # A bound on hangs only: a start takes seconds, minutes on a machine that runs three suites.
        deadline = time.monotonic() + 180
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@pytest.fixture(scope="session")
def live_server(settings: Settings) -> Iterator[str]:
    """A fresh app served on a loopback port (:func:`serving`); its URL."""
    # Open event streams end within the graceful timeout.
    with serving(create_app(settings), timeout_graceful_shutdown=5) as url:
        yield url


@contextmanager
def serve_process(settings: Settings, **env: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`bizsuite serve` in a process of its own on a free loopback port: (its URL, the process);
    stopped with SIGTERM at the end if still running. ``env``: more settings for it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {
        **os.environ,
        "BIZSUITE_DATABASE_URL": settings.database_url,
        "BIZSUITE_LOG_LEVEL": "WARNING",
        "BIZSUITE_DATA_DIR": str(settings.data_dir),
        **env,
    }
    argv = [sys.executable, "-m", "bizsuite.cli", "serve", "--port", str(port)]
    process = subprocess.Popen(argv, env=environment, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # a bound on hangs only (see live_server)
        while True:
            try:
                if httpx.get(url + "/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                if process.poll() is None:
                    process.kill()
                _, err = process.communicate(timeout=30)
                raise RuntimeError(
                    f"bizsuite serve did not start on port {port} (exit {process.returncode}): "
                    f"{err.decode(errors='replace')[-3000:]}"
                )
            time.sleep(0.1)
        yield url, process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="session")
async def app_engine(settings: Settings, app: Litestar) -> AsyncEngine:
    """An engine as the application role (subject to row-level security)."""
    engine: AsyncEngine = app.state.engine
    return engine


@dataclass
class TenantHandle:
    """A tenant made for one test, with an owner login and an admin API key."""

    tenant: Tenant
    owner: User
    api_key: str

    @property
    def id(self) -> uuid.UUID:
        return self.tenant.id

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}


async def create_tenant_with_key(
    engine: AsyncEngine, *, role: Role = Role.ADMIN, modules: list[str] | None = None
) -> TenantHandle:
    """Create a tenant, its owner (password ``PASSWORD``) and an API key with ``role``."""
    suffix = uuid.uuid4().hex[:10]
    async with make_sessionmaker(engine)() as session, session.begin():
        tenant = Tenant(slug=f"t-{suffix}", name=f"Tenant {suffix}", modules=modules or ["crm", "contracts"])
        session.add(tenant)
        await session.flush()
        await bind_tenant(session, tenant.id)
        owner = User(
            email=f"owner-{suffix}@example.com",
            name="Owner",
            password_hash=await security.hash_password(PASSWORD),
        )
        session.add(owner)
        await session.flush()
        session.add(Membership(user_id=owner.id, role=Role.OWNER, module_grants=[]))
        secret = security.new_api_key()
        session.add(
            ApiKey(
                name="test",
                prefix=secret[:12],
                key_hash=security.sha256_hex(secret),
                role=role,
                module_grants=[],
            )
        )
    return TenantHandle(tenant=tenant, owner=owner, api_key=secret)


@pytest.fixture
def make_tenant(app_engine: AsyncEngine) -> Callable[..., Awaitable[TenantHandle]]:
    """Factory for fresh tenants."""

    async def factory(**kwargs: Any) -> TenantHandle:
        return await create_tenant_with_key(app_engine, **kwargs)

    return factory


@pytest.fixture
async def tenant_a(make_tenant: Callable[..., Awaitable[TenantHandle]]) -> TenantHandle:
    return await make_tenant()


@pytest.fixture
async def tenant_b(make_tenant: Callable[..., Awaitable[TenantHandle]]) -> TenantHandle:
    return await make_tenant()


@pytest.fixture
async def owner_engine(owner_url: URL) -> AsyncIterator[AsyncEngine]:
    """An engine as the migration owner (for catalogue checks)."""
    engine = create_async_engine(owner_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def app_session(app_engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A session as the application role, rolled back at the end."""
    async with make_sessionmaker(app_engine)() as session:
        yield session
        await session.rollback()
