"""``make demo``'s reseller: a partner account with a portal user and a reusable API key (created
once; a second demo reuses them). It sells the plans of the catalogue the demo loads
(``infra/plans.toml``: trials and wholesale prices)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.identity import security
from bizsuite.core.resellers import services, users
from bizsuite.core.resellers.models import Reseller, ResellerApiKey
from bizsuite.core.resellers.schemas import ResellerCreate, ResellerUserCreate
from bizsuite.settings import Settings

SLUG = "demo-partner"
NAME = "示范经销商 Demo Partner"
EMAIL = "partner@reseller.example"
PASSWORD = "demo-partner-2026"


async def prepare_demo_reseller(engine: Any, settings: Settings, key_file: Path) -> list[str]:
    """Make the demo reseller ready; return the lines ``make demo`` prints about it."""
    from bizsuite.core.demo import read_saved_secret, save_secret

    async with make_sessionmaker(engine)() as session, session.begin():
        ctx = Context(session=session, principal=Principal(kind=PrincipalKind.OPERATOR, label="demo"))
        reseller = await session.scalar(select(Reseller).where(Reseller.slug == SLUG))
        if reseller is None:
            reseller = await services.create_reseller(ctx, ResellerCreate(slug=SLUG, name=NAME))
        user = await users.find_by_email(session, EMAIL)
        if user is None:
            site = f"http://{settings.host}:{settings.port}"
            data = ResellerUserCreate(
                email=EMAIL, name="示范销售 Demo Seller", password=PASSWORD, locale="zh-CN"
            )
            await users.create_user(ctx, settings, reseller.id, data, site_url=site)
        secret = read_saved_secret(key_file)
        valid = secret is not None and await session.scalar(
            select(ResellerApiKey.id).where(
                ResellerApiKey.key_hash == security.sha256_hex(secret), ResellerApiKey.revoked_at.is_(None)
            )
        )
        if not valid:
            _key, secret = await services.create_key(ctx, reseller.id, "Demo key (make demo)")
            save_secret(key_file, secret)
    return [
        f"Reseller portal: http://{settings.host}:{settings.port}/reseller/login",
        f"Reseller login: {EMAIL} / {PASSWORD}  ({NAME})",
        f"Reseller API key: {secret}",
    ]
