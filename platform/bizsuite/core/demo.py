"""Prepare the demo: database, migrations, the demo tenant and a reusable demo API key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from bizsuite.core.blueprints import apply_blueprint, load_blueprint
from bizsuite.core.database import make_engine, make_sessionmaker, resolve_urls
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity import security
from bizsuite.core.identity.blueprint import users_in
from bizsuite.core.identity.models import ApiKey, Role
from bizsuite.core.migrate import upgrade
from bizsuite.settings import Settings

DEMO_KEY_NAME = "Demo key (make demo)"


async def prepare_demo(settings: Settings, blueprint_path: Path) -> list[str]:
    """Make the demo ready and return the lines to print (logins and API key)."""
    owner, app = resolve_urls(settings)
    await upgrade(owner, settings)
    blueprint = load_blueprint(blueprint_path)
    engine = make_engine(app, settings, pool_size=1, max_overflow=0)
    key_file = settings.data_dir / "demo-api-key"
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            report = await apply_blueprint(session, blueprint, source=blueprint_path.name)
            assert report.tenant is not None
            await bind_tenant(session, report.tenant.id)
            secret = await _demo_key(session, key_file)
    finally:
        await engine.dispose()
    lines = [f"Demo tenant: {blueprint.tenant.name} ({blueprint.tenant.slug})"]
    lines += [f"Login: {u.email} / {u.password}  ({u.role.value})" for u in users_in(blueprint) if u.password]
    lines.append(f"API key: {secret}")
    return lines


def _read_saved_key(key_file: Path) -> str | None:
    return key_file.read_text().strip() if key_file.exists() else None


def _save_key(key_file: Path, secret: str) -> None:
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text(secret + "\n")
    key_file.chmod(0o600)


async def _demo_key(session: Any, key_file: Path) -> str:
    """Reuse the saved demo key while it is valid, otherwise create a new one."""
    secret = _read_saved_key(key_file)
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
            name=DEMO_KEY_NAME,
            prefix=secret[:12],
            key_hash=security.sha256_hex(secret),
            role=Role.ADMIN,
            module_grants=[],
        )
    )
    _save_key(key_file, secret)
    return secret
