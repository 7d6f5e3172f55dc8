"""The ``bizsuite`` command: serve, worker, migrate, demo, openapi, tenants, storage, db."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from bizsuite.settings import REPO_ROOT, Settings

T = TypeVar("T")


def _run(coro: Awaitable[T]) -> T:
    return asyncio.run(coro)  # type: ignore[arg-type]


async def _with_session(settings: Settings, work: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``work(session)`` in one transaction as the application role."""
    from bizsuite.core.database import make_engine, make_sessionmaker, runtime_url

    engine = make_engine(runtime_url(settings), settings, pool_size=1, max_overflow=0)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            return await work(session)
    finally:
        await engine.dispose()


@click.group()
def main() -> None:
    """BizSuite: multi-tenant business suite."""
    from bizsuite.kit import load_modules

    load_modules()  # business modules register their tasks, events and blueprint sections


@main.command()
def migrate() -> None:
    """Create the database and roles if needed and apply all migrations."""
    from bizsuite.core.database import resolve_urls
    from bizsuite.core.migrate import upgrade

    settings = Settings.from_env()
    owner, _ = resolve_urls(settings)
    _run(upgrade(owner, settings))
    click.echo("migrations applied")


def served_app() -> Any:
    """``bizsuite serve``'s application: ``create_app()``, then everything that exists once it is
    built (the modules, the route table, pypinyin's tables: some 450,000 objects that live
    as long as the process) frozen out of the garbage collector's passes, and young objects
    collected every 50,000 allocations instead of 700. A full pass scanned them all, stopping the
    server for 0.3 to 0.8 s whenever one ran, and the frequent young passes cost a third of an
    emergency's server CPU (docs/performance.md, "Emergency fan-out", 2026-12-06 evening)."""
    import gc

    from bizsuite.app import create_app

    app = create_app()
    _refuse_waiting_on_stop(app)
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    return app


def _refuse_waiting_on_stop(app: Any) -> None:
    """On a stop (SIGTERM, SIGINT) uvicorn closes its listeners and waits up to its grace for the
    requests in flight, then cancels what is left: requests still waiting for admission would be
    cut off unanswered (516 of them in a load run). So the stop closes admission first, and they
    are refused at once with a 503 to retry elsewhere (``Admission.close``).

    uvicorn has taken the signals when it builds the app (in its event loop, on the main thread):
    its handler is chained, and put back by uvicorn itself when it has stopped."""
    if threading.current_thread() is not threading.main_thread():
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return

    def close_admission() -> None:
        admission = getattr(app.state, "admission", None)
        if admission is not None:
            admission.close()

    for signum in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(signum)
        if not callable(previous):
            continue

        def stopping(number: int, frame: Any, previous: Callable[[int, Any], Any] = previous) -> None:
            loop.call_soon_threadsafe(close_admission)
            previous(number, frame)

        signal.signal(signum, stopping)


@main.command()
@click.option("--host", default=None, help="Bind address (BIZSUITE_HOST).")
@click.option("--port", default=None, type=int, help="Port (BIZSUITE_PORT).")
@click.option(
    "--workers", default=1, show_default=True, help="Worker processes (in production: one per CPU core)."
)
def serve(host: str | None, port: int | None, workers: int) -> None:
    """Serve the web UI and API with uvicorn (uvloop event loop, httptools HTTP parser)."""
    import uvicorn

    settings = Settings.from_env()
    uvicorn.run(
        "bizsuite.cli:served_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        # uvicorn[standard], chosen against granian and plain uvicorn by
        # tests/bench/test_server_bench.py (docs/performance.md). Named, not "auto": a missing
        # package fails at start instead of falling back to the slower asyncio loop and h11.
        loop="uvloop",
        http="httptools",
        proxy_headers=True,
        access_log=False,
        log_config=None,
        # Live pages' event streams never end by themselves: a stop waits at most this long for them.
        timeout_graceful_shutdown=5,
        # An idle keep-alive connection stays open longer than a load balancer's (60 s on AWS's,
        # nginx's upstream keepalive_timeout likewise): closed first by the server, the close can
        # cross a request the client is sending on it, which then fails ("connection closed", a
        # 502 at the balancer). uvicorn's 5 s default did that to 2 of 4,246 requests of a load run.
        timeout_keep_alive=75,
    )


@main.command()
@click.option(
    "--import",
    "import_paths",
    multiple=True,
    metavar="MODULE",
    help="Also load the tasks registered by MODULE (repeatable).",
)
@click.option("--concurrency", type=int, default=None, help="Parallel jobs (BIZSUITE_WORKER_CONCURRENCY).")
def worker(import_paths: tuple[str, ...], concurrency: int | None) -> None:
    """Run background jobs and schedules (procrastinate) until stopped with Ctrl-C or SIGTERM."""
    from dataclasses import replace

    from bizsuite.core.jobs.worker import run_worker
    from bizsuite.core.logs import configure_logging

    settings = Settings.from_env()
    if concurrency is not None:
        settings = replace(settings, worker_concurrency=concurrency)
    configure_logging(settings.log_level, json=settings.log_json)
    _run(run_worker(settings, import_paths=import_paths))


@main.command()
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), default=None, help="File to write (default stdout)."
)
def openapi(output: Path | None) -> None:
    """Write the OpenAPI document (no database needed)."""
    from bizsuite.app import create_app

    app = create_app(Settings.from_env(log_json=False))
    document = json.dumps(app.openapi_schema.to_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if output is None:
        sys.stdout.write(document)
    else:
        output.write_text(document, encoding="utf-8")
        click.echo(f"wrote {output}")


@main.group()
def tenants() -> None:
    """Operator commands for tenants."""


@tenants.command("list")
def tenants_list() -> None:
    """List every tenant."""
    from sqlalchemy import select

    from bizsuite.core.tenants.models import Tenant

    async def work(session: Any) -> list[Tenant]:
        return list((await session.scalars(select(Tenant).order_by(Tenant.created_at))).all())

    for tenant in _run(_with_session(Settings.from_env(), work)):
        click.echo(f"{tenant.id}  {tenant.slug:<24} {tenant.status.value:<10} {tenant.name}")


@tenants.command("apply")
@click.argument("blueprint", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def tenants_apply(blueprint: Path) -> None:
    """Create or update a tenant from a blueprint (idempotent; all or nothing)."""
    from bizsuite.core.blueprints import BlueprintError, apply_blueprint, load_blueprint

    try:
        spec = load_blueprint(blueprint)
    except BlueprintError as exc:
        raise click.ClickException(str(exc)) from exc

    async def work(session: Any) -> Any:
        return await apply_blueprint(session, spec, source=blueprint.name)

    try:
        report = _run(_with_session(Settings.from_env(), work))
    except BlueprintError as exc:
        raise click.ClickException(str(exc)) from exc
    if not report.changed:
        click.echo(f"{spec.tenant.slug}: up to date, nothing changed")
        return
    for line in report.created:
        click.echo(f"created {line}")
    for line in report.updated:
        click.echo(f"updated {line}")


def _set_status(slug: str, suspended: bool) -> None:
    from sqlalchemy import select

    from bizsuite.core.context import Context, Principal, PrincipalKind
    from bizsuite.core.tenants.models import Tenant, TenantStatus
    from bizsuite.core.tenants.services import set_tenant_status

    async def work(session: Any) -> Tenant:
        tenant = await session.scalar(select(Tenant).where(Tenant.slug == slug))
        if tenant is None:
            raise click.ClickException(f"no tenant with slug {slug!r}")
        ctx = Context(session=session, principal=Principal(kind=PrincipalKind.OPERATOR, label="cli"))
        status = TenantStatus.SUSPENDED if suspended else TenantStatus.ACTIVE
        return await set_tenant_status(ctx, tenant.id, status)

    tenant = _run(_with_session(Settings.from_env(), work))
    click.echo(f"{tenant.slug}: {tenant.status.value}")


@tenants.command("suspend")
@click.argument("slug")
def tenants_suspend(slug: str) -> None:
    """Suspend a tenant."""
    _set_status(slug, True)


@tenants.command("resume")
@click.argument("slug")
def tenants_resume(slug: str) -> None:
    """Resume a suspended tenant."""
    _set_status(slug, False)


@tenants.command("provision")
@click.argument("blueprint")
@click.option("--slug", required=True, help="The new tenant's slug.")
@click.option("--name", required=True, help="The new tenant's name.")
@click.option("--plan", default=None, help="A plan code (none: unrestricted).")
@click.option("--seats", type=int, default=1, show_default=True)
@click.option("--no-trial", is_flag=True, help="Start paid at once, without the plan's trial.")
@click.option("--owner-email", default=None, help="Invite the first owner (the email goes to the outbox).")
@click.option("--api-key", is_flag=True, help="Mint a first API key (role admin); printed once.")
def tenants_provision(
    blueprint: str,
    slug: str,
    name: str,
    plan: str | None,
    seats: int,
    no_trial: bool,
    owner_email: str | None,
    api_key: bool,
) -> None:
    """Create a tenant from tenants/BLUEPRINT.toml under a new slug, with a way in."""
    import msgspec

    from bizsuite.core.billing.cli import run_as_operator
    from bizsuite.core.errors import ProblemError
    from bizsuite.core.tenants import provisioning

    settings = Settings.from_env()
    try:
        order = msgspec.convert(
            {
                "blueprint": blueprint,
                "slug": slug,
                "name": name,
                "plan": plan,
                "seats": seats,
                "trial": not no_trial,
                "owner_email": owner_email,
                "api_key": api_key,
            },
            provisioning.TenantProvision,
        )
        made = run_as_operator(
            lambda ctx: provisioning.provision(
                ctx,
                settings,
                provisioning.Order(**msgspec.structs.asdict(order)),
                source="cli",
                site_url=settings.site_url,
            )
        )
    except (msgspec.ValidationError, ProblemError) as exc:
        raise click.ClickException(_problem_text(exc)) from exc
    click.echo(f"provisioned {made.tenant.slug} ({made.tenant.id}) from {blueprint}")
    if made.invitation_sent_to:
        click.echo(f"invitation sent to {made.invitation_sent_to}")
    if made.api_key:
        click.echo(f"API key (shown once): {made.api_key}")


@tenants.command("invite")
@click.argument("slug")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice(["owner", "admin", "member", "viewer"]),
    default="owner",
    show_default=True,
)
def tenants_invite(slug: str, email: str, role: str) -> None:
    """Invite EMAIL to the tenant SLUG (the one-time link goes by email, recorded in the outbox)."""
    from bizsuite.core.identity.models import Role
    from bizsuite.core.identity.schemas import InvitationCreate
    from bizsuite.core.identity.services import create_invitation

    settings = Settings.from_env()

    async def work(ctx: Any) -> str:
        in_tenant = await _as_owner_of(ctx, slug)
        invitation = await create_invitation(
            in_tenant,
            _convert({"email": email, "role": role}, InvitationCreate),
            site_url=settings.site_url,
            settings=settings,
        )
        return f"invited {invitation.email} as {Role(invitation.role).value}, until {invitation.expires_at:%Y-%m-%d %H:%M} UTC"

    click.echo(_operator_run(work))


@main.group()
def keys() -> None:
    """API keys of a tenant (operator)."""


@keys.command("create")
@click.argument("slug")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(["owner", "admin", "member", "viewer"]),
    default="admin",
    show_default=True,
)
def keys_create(slug: str, name: str, role: str) -> None:
    """Mint an API key for the tenant SLUG; its secret is printed this once."""
    from bizsuite.core.identity.schemas import ApiKeyCreate
    from bizsuite.core.identity.services import create_api_key

    async def work(ctx: Any) -> str:
        in_tenant = await _as_owner_of(ctx, slug)
        key, secret = await create_api_key(in_tenant, _convert({"name": name, "role": role}, ApiKeyCreate))
        return f"API key {key.prefix}… ({key.role.value}) for {slug}, shown once:\n{secret}"

    click.echo(_operator_run(work))


async def _as_owner_of(ctx: Any, slug: str) -> Any:
    """The operator acting in the tenant ``slug`` as its owner would (session bound to it)."""
    from sqlalchemy import select

    from bizsuite.core.db import bind_tenant
    from bizsuite.core.tenants.models import Tenant
    from bizsuite.core.tenants.provisioning import as_owner

    tenant = await ctx.session.scalar(select(Tenant).where(Tenant.slug == slug))
    if tenant is None:
        raise click.ClickException(f"no tenant with slug {slug!r}")
    await bind_tenant(ctx.session, tenant.id)
    return as_owner(ctx, tenant)


def _convert(values: dict[str, Any], kind: type[T]) -> T:
    """Command-line values as a request body (a ClickException naming the bad field)."""
    import msgspec

    try:
        return msgspec.convert(values, kind)
    except msgspec.ValidationError as exc:
        raise click.ClickException(str(exc)) from exc


def _operator_run(work: Callable[[Any], Awaitable[T]]) -> T:
    """``work(ctx)`` as the operator in one transaction; a problem becomes a ClickException."""
    from bizsuite.core.billing.cli import run_as_operator
    from bizsuite.core.errors import ProblemError

    try:
        return run_as_operator(work)
    except ProblemError as exc:
        raise click.ClickException(_problem_text(exc)) from exc


def _problem_text(exc: Exception) -> str:
    """A refusal as one line: the problem's detail and each bad field."""
    from bizsuite.core.errors import ProblemError

    if not isinstance(exc, ProblemError):
        return str(exc)
    fields = "; ".join(f"{e.field}: {e.message}" for e in exc.errors or [] if e.message != exc.detail)
    return " ".join(part for part in (exc.detail or exc.title, fields) if part)


def _add_area_commands() -> None:
    """Commands the kernel's areas bring (``bizsuite billing``, ``bizsuite resellers``)."""
    from bizsuite.core.billing.cli import billing
    from bizsuite.core.resellers.cli import resellers

    main.add_command(billing)
    main.add_command(resellers)


_add_area_commands()


@main.group()
def storage() -> None:
    """Stored files."""


@storage.command("migrate")
@click.option(
    "--from", "source", type=click.Choice(["local", "s3"]), required=True, help="Where the files are."
)
@click.option("--to", "target", type=click.Choice(["local", "s3"]), required=True, help="Where they go.")
@click.option("--delete-source", is_flag=True, help="Remove each object from the source once moved.")
def storage_migrate(source: str, target: str, delete_source: bool) -> None:
    """Move every tenant's stored files between backends (then set BIZSUITE_STORAGE to the target).

    The S3 side is configured by the BIZSUITE_S3_* settings, the local side by BIZSUITE_DATA_DIR.
    Safe to run again; exits non-zero when a file could not be moved (each is listed).
    """
    from dataclasses import replace

    from bizsuite.core.database import make_engine, make_sessionmaker, runtime_url
    from bizsuite.core.files.storage import storage_from_settings
    from bizsuite.core.files.transfer import transfer_files

    if source == target:
        raise click.UsageError("--from and --to name the same backend")
    settings = Settings.from_env()

    async def work() -> Any:
        engine = make_engine(runtime_url(settings), settings, pool_size=1, max_overflow=0)
        try:
            return await transfer_files(
                make_sessionmaker(engine),
                storage_from_settings(replace(settings, storage=source)),
                storage_from_settings(replace(settings, storage=target)),
                delete_source=delete_source,
                progress=click.echo,
            )
        finally:
            await engine.dispose()

    report = _run(work())
    click.echo(f"moved {report.moved} files to {target}; {report.already_there} were already there")
    for problem in report.problems:
        click.echo(f"not moved: {problem}", err=True)
    if report.problems:
        sys.exit(1)


@main.group()
def db() -> None:
    """The embedded PostgreSQL."""


@db.command("start")
def db_start() -> None:
    """Start the embedded PostgreSQL and print its owner URL."""
    from bizsuite.core.database import start_embedded

    click.echo(start_embedded(Settings.from_env().data_dir))


@db.command("stop")
def db_stop() -> None:
    """Stop the embedded PostgreSQL."""
    from bizsuite.core.database import stop_embedded

    click.echo("stopped" if stop_embedded(Settings.from_env().data_dir) else "not running")


@main.command()
@click.option(
    "--blueprint",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=REPO_ROOT / "tenants" / "demo.toml",
    show_default=True,
)
@click.option("--no-serve", is_flag=True, help="Prepare everything, print the logins, do not serve.")
def demo(blueprint: Path, no_serve: bool) -> None:
    """Start the embedded database, migrate, apply the demo blueprint, print logins, serve."""
    from bizsuite.core.demo import prepare_demo

    platform_lines, platform_processes = _demo_platform(Settings.from_env(), serve=not no_serve)
    settings = Settings.from_env()  # with the operator token and Stripe set for the demo
    lines, companions = _run(prepare_demo(settings, blueprint))
    click.echo("")
    for line in lines + platform_lines:
        click.echo(line)
    click.echo("")
    if no_serve:
        return
    # The worker runs beside the server, as its own process: restarted if it exits, stopped with
    # the demo whatever stops it (Ctrl-C, SIGTERM; the kernel ends it if the demo is killed).
    worker_process = SupervisedProcess([sys.executable, "-m", "bizsuite.cli", "worker"], name="Worker")
    # And what the modules want beside it (the demo venue's reference players).
    others = platform_processes + [
        SupervisedProcess(c.command, name=c.name, env=dict(c.env)) for c in companions
    ]
    click.echo(f"Serving on http://{settings.host}:{settings.port}  (Ctrl-C to stop)")
    # uvicorn re-raises the SIGTERM it caught once it has shut down: make that an exit that runs
    # the cleanup below instead of the default action (dying at once, leaving the worker behind).
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        serve.callback(host=None, port=None, workers=1)  # type: ignore[misc]
    finally:
        for other in others:
            other.stop()
        worker_process.stop()
        signal.signal(signal.SIGTERM, previous)


def _demo_platform(settings: Settings, *, serve: bool) -> tuple[list[str], list[SupervisedProcess]]:
    """The platform side of the demo: the operator token (saved in the data folder, set in this
    process's environment for the server and the worker) and, when no Stripe key is set,
    localstripe on loopback as the demo's Stripe. The lines to print and the processes started."""
    from bizsuite.core.billing import localstripe
    from bizsuite.core.demo import read_saved_secret, save_secret
    from bizsuite.core.identity import security

    lines: list[str] = []
    processes: list[SupervisedProcess] = []
    token = settings.operator_token
    if not token:
        token_file = settings.data_dir / "operator-token"
        token = read_saved_secret(token_file) or security.new_token()
        save_secret(token_file, token)
        os.environ["BIZSUITE_OPERATOR_TOKEN"] = token
    lines.append(f"Operator token (BIZSUITE_OPERATOR_TOKEN): {token}")
    if (
        serve
        and not settings.stripe_secret_key
        and localstripe.available()
        and os.environ.get("BIZSUITE_DEMO_STRIPE", "1") not in ("0", "false", "off")
    ):
        port = settings.port + 420
        url = f"http://127.0.0.1:{port}"
        process = SupervisedProcess(
            localstripe.command(port, settings.data_dir / "localstripe.pickle"), name="localstripe"
        )
        localstripe.wait_until_up(url)
        processes.append(process)
        secret_file = settings.data_dir / "stripe-webhook-secret"
        secret = read_saved_secret(secret_file) or f"whsec_{security.new_token()}"
        save_secret(secret_file, secret)
        localstripe.register_webhook(
            url,
            "bizsuite-demo",
            f"http://{settings.host}:{settings.port}/api/v1/billing/stripe/webhook",
            secret,
        )
        os.environ.update(
            BIZSUITE_STRIPE_SECRET_KEY=localstripe.TEST_KEY,
            BIZSUITE_STRIPE_API_BASE=url,
            BIZSUITE_STRIPE_WEBHOOK_SECRET=secret,
        )
        lines.append(
            f"Stripe: localstripe at {url} (cards: pm_card_visa pays, pm_card_chargeCustomerFail is declined)"
        )
    return lines, processes


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Ask Linux to send SIGTERM to this child when the process that started it dies."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class SupervisedProcess:
    """A child process restarted whenever it exits (with a doubling pause), until ``stop()``."""

    FIRST_PAUSE = 1.0
    MAX_PAUSE = 30.0

    def __init__(self, command: list[str], *, name: str, env: dict[str, str] | None = None) -> None:
        self.command = command
        self.name = name
        self.env = {**os.environ, **env} if env else None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.process = self._start()
        self._watcher = threading.Thread(target=self._watch, name=f"{name} supervisor", daemon=True)
        self._watcher.start()

    def _start(self) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(self.command, env=self.env, preexec_fn=_die_with_parent)  # noqa: S603 (our own command)
        click.echo(f"{self.name} started (pid {process.pid})")
        return process

    def _watch(self) -> None:
        pause = self.FIRST_PAUSE
        while True:
            started = time.monotonic()
            code = self.process.wait()
            if self._stopping.is_set():
                return
            if time.monotonic() - started > 60:
                pause = self.FIRST_PAUSE
            click.echo(f"{self.name} exited with code {code}; restarting in {pause:g} s", err=True)
            if self._stopping.wait(pause):
                return
            with self._lock:
                if self._stopping.is_set():
                    return
                self.process = self._start()
            pause = min(pause * 2, self.MAX_PAUSE)

    def stop(self, timeout: float = 15) -> None:
        """Stop supervising and end the child (SIGTERM, then SIGKILL after ``timeout``)."""
        with self._lock:
            self._stopping.set()
            process = self.process
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@main.command()
@click.argument("name")
def scaffold(name: str) -> None:
    """Write a new business module NAME (package, migration, tests) that passes the conventions."""
    from bizsuite.scaffold import ScaffoldError, default_scaffold, write

    target = default_scaffold(name)
    try:
        written = write(target)
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from exc
    for path in written:
        click.echo(f"wrote {path.relative_to(REPO_ROOT)}")
    click.echo(
        f"\nNext: add {name!r} to INSTALLED in platform/bizsuite/modules/__init__.py and to ModuleName "
        "(core/tenants/models.py) if tenants should enable it; run `bizsuite migrate`, `make sdk` "
        "and `make messages`."
    )


if __name__ == "__main__":
    main()
