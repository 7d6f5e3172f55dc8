"""Reseller keys: ``bzr_`` + random, stored as SHA-256; a key acts as its reseller."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.context import Principal, PrincipalKind
from bizsuite.core.errors import TenantSuspendedProblem, UnauthorizedProblem
from bizsuite.core.identity.security import sha256_hex
from bizsuite.core.resellers.models import Reseller, ResellerApiKey, ResellerStatus

RESELLER_KEY_PREFIX = "bzr_"


def new_reseller_key() -> str:
    """A new reseller key secret (shown once)."""
    return RESELLER_KEY_PREFIX + secrets.token_urlsafe(30)


async def reseller_principal(session: AsyncSession, token: str) -> Principal:
    """The reseller a key belongs to (401 for an unknown or revoked key, 403 when suspended)."""
    row = (
        await session.execute(
            select(ResellerApiKey.id, Reseller)
            .join(Reseller, Reseller.id == ResellerApiKey.reseller_id)
            .where(ResellerApiKey.key_hash == sha256_hex(token), ResellerApiKey.revoked_at.is_(None))
        )
    ).first()
    if row is None:
        raise UnauthorizedProblem("Unknown or revoked reseller key.")
    key_id, reseller = row
    if reseller.status is ResellerStatus.SUSPENDED:
        raise TenantSuspendedProblem("This reseller account is suspended; contact the operator.")
    return Principal(
        kind=PrincipalKind.RESELLER,
        label=f"reseller:{reseller.slug}",
        api_key_id=key_id,
        reseller_id=reseller.id,
    )
