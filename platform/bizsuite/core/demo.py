"""Prepare the demo: database, migrations, the demo tenant, its sandbox twin and reusable demo API keys.

Beside the main blueprint (``tenants/demo.toml``) the demo applies ``demo-sandbox.toml`` from the
same folder when it exists: a sandbox tenant (its test clock can be advanced, docs/sandbox.md)
with the main demo's SLA policies, and prints its API key beside the main one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import select

from bizsuite.core.blueprints import Blueprint, apply_blueprint, load_blueprint
from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.database import make_engine, make_sessionmaker, resolve_urls
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity import security
from bizsuite.core.identity.blueprint import users_in
from bizsuite.core.identity.models import ApiKey, Role
from bizsuite.core.jobs.queue import system_principal
from bizsuite.core.resellers.demo import prepare_demo_reseller
from bizsuite.kit import DemoCompanion, registry
from bizsuite.settings import Settings

DEMO_KEY_NAME = "Demo key (make demo)"
SANDBOX_KEY_NAME = "Demo sandbox key (make demo)"
#: The sandbox blueprint, looked for beside the main one.
SANDBOX_BLUEPRINT = "demo-sandbox.toml"


async def prepare_demo(settings: Settings, blueprint_path: Path) -> tuple[list[str], list[DemoCompanion]]:
    """Make the demo ready; return the lines to print (logins and API key) and the processes the
    business modules want beside the server (``ModuleSpec.demo_companions``)."""
    owner, app = resolve_urls(settings)
    from bizsuite.core.migrate import upgrade  # alembic: 37 MB an app worker never needs

    await upgrade(owner, settings)
    blueprint = load_blueprint(blueprint_path)
    sandbox_path = blueprint_path.with_name(SANDBOX_BLUEPRINT)
    sandbox = _with_policies_of(load_blueprint(sandbox_path), blueprint) if sandbox_path.is_file() else None
    engine = make_engine(app, settings, pool_size=1, max_overflow=0)
    try:
        secret, companions = await _apply_with_key(
            engine,
            blueprint,
            blueprint_path.name,
            settings.data_dir / "demo-api-key",
            DEMO_KEY_NAME,
            companions_for=(settings.data_dir, f"http://{settings.host}:{settings.port}"),
        )
        sandbox_secret = None
        if sandbox is not None:
            sandbox_secret, _none = await _apply_with_key(
                engine,
                sandbox,
                sandbox_path.name,
                settings.data_dir / "demo-sandbox-api-key",
                SANDBOX_KEY_NAME,
            )
        plans_line = await apply_demo_plans(engine)
        # The demo reseller (core/resellers): its portal login and API key; it sells those plans.
        reseller_lines = await prepare_demo_reseller(
            engine, settings, settings.data_dir / "demo-reseller-key"
        )
    finally:
        await engine.dispose()
    lines = [f"Demo tenant: {blueprint.tenant.name} ({blueprint.tenant.slug})"]
    lines += [f"Login: {u.email} / {u.password}  ({u.role.value})" for u in users_in(blueprint) if u.password]
    lines.append(f"API key: {secret}")
    if sandbox is not None and sandbox_secret is not None:
        lines.append(f"Sandbox tenant (test clock): {sandbox.tenant.name} ({sandbox.tenant.slug})")
        lines.append(f"Sandbox API key: {sandbox_secret}")
    lines += [plans_line, *reseller_lines]
    lines += [companion.note for companion in companions]
    return lines, companions


async def _apply_with_key(
    engine: Any,
    blueprint: Blueprint,
    source: str,
    key_file: Path,
    key_name: str,
    *,
    companions_for: tuple[Path, str] | None = None,
) -> tuple[str, list[DemoCompanion]]:
    """Apply ``blueprint`` and return its tenant's demo API key (reused while valid) and, with
    ``companions_for`` (data folder, base URL), the modules' demo companions; one transaction."""
    async with make_sessionmaker(engine)() as session, session.begin():
        report = await apply_blueprint(session, blueprint, source=source)
        assert report.tenant is not None
        await bind_tenant(session, report.tenant.id)
        secret = await _demo_key(session, key_file, key_name)
        companions: list[DemoCompanion] = []
        if companions_for is not None:
            ctx = Context(session=session, principal=system_principal(report.tenant, "demo"))
            for spec in registry().modules:
                if spec.demo_companions is not None and spec.name in report.tenant.modules:
                    companions += await spec.demo_companions(ctx, *companions_for)
        return secret, companions


async def apply_demo_plans(engine: Any) -> str:
    """Create the plan catalogue's plans that are missing (``infra/plans.toml``, as
    ``bizsuite billing plans-apply`` does); the line to print."""
    from bizsuite.core.billing.services.plans import CATALOGUE, apply_catalogue, load_catalogue

    catalogue = load_catalogue(CATALOGUE.read_text(encoding="utf-8"))
    async with make_sessionmaker(engine)() as session, session.begin():
        operator = Principal(kind=PrincipalKind.OPERATOR, label="demo")
        applied = await apply_catalogue(Context(session=session, principal=operator), catalogue)
    return "Plans (infra/plans.toml): " + ", ".join(f"{plan.code} v{plan.version}" for plan, _new in applied)


def _with_policies_of(sandbox: Blueprint, main: Blueprint) -> Blueprint:
    """The sandbox blueprint with the main demo's SLA policies when it declares none itself."""
    own = sandbox.sections.get("crm")
    theirs = main.sections.get("crm")
    if own is None or theirs is None or own.sla_policies or not theirs.sla_policies:
        return sandbox
    crm = msgspec.structs.replace(own, sla_policies=list(theirs.sla_policies))
    return msgspec.structs.replace(sandbox, sections={**sandbox.sections, "crm": crm})


def read_saved_secret(key_file: Path) -> str | None:
    """A demo credential saved by an earlier ``make demo``, if any."""
    return key_file.read_text().strip() if key_file.exists() else None


def save_secret(key_file: Path, secret: str) -> None:
    """Keep a demo credential for the next ``make demo`` (readable by its owner only)."""
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text(secret + "\n")
    key_file.chmod(0o600)


async def _demo_key(session: Any, key_file: Path, key_name: str = DEMO_KEY_NAME) -> str:
    """Reuse the saved demo key while it is valid, otherwise create a new one."""
    secret = read_saved_secret(key_file)
    if secret:
        found = await session.scalar(
            select(ApiKey.id).where(
                ApiKey.key_hash == security.sha256_hex(secret), ApiKey.revoked_at.is_(None)
            )
        )
        if found is not None:
            return secret
    secret = security.new_api_key()
    session.add(
        ApiKey(
            name=key_name,
            prefix=secret[:12],
            key_hash=security.sha256_hex(secret),
            role=Role.ADMIN,
            module_grants=[],
        )
    )
    save_secret(key_file, secret)
    return secret
