"""Reseller credentials: keys (``bzr_`` + random, stored as SHA-256; a key acts as its reseller)
and the portal's session cookie (a reseller user's web session, also stored as SHA-256)."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.context import Principal, PrincipalKind
from bizsuite.core.db import utcnow
from bizsuite.core.errors import TenantSuspendedProblem, UnauthorizedProblem
from bizsuite.core.identity.security import sha256_hex
from bizsuite.core.resellers.models import (
    Reseller,
    ResellerApiKey,
    ResellerStatus,
    ResellerUser,
    ResellerWebSession,
)

RESELLER_KEY_PREFIX = "bzr_"
#: The portal's session cookie (sent by browsers only under ``/reseller``).
RESELLER_SESSION_COOKIE = "bizsuite_reseller_session"
RESELLER_COOKIE_PATH = "/reseller"


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


@dataclass(frozen=True, slots=True)
class PortalUser:
    """The signed-in reseller user, as the portal's pages show them."""

    id: uuid.UUID
    email: str
    name: str
    locale: str | None
    reseller_name: str
    reseller_slug: str


async def reseller_session_principal(
    session: AsyncSession, cookie: str
) -> tuple[Principal, str, PortalUser] | None:
    """The portal session's reseller principal, its CSRF token and its user; ``None`` when the
    session is gone (expired, signed out), its user deactivated or its reseller suspended."""
    session_id = sha256_hex(cookie)
    row = (
        await session.execute(
            select(ResellerWebSession.csrf_token, ResellerUser, Reseller)
            .join(ResellerUser, ResellerUser.id == ResellerWebSession.reseller_user_id)
            .join(Reseller, Reseller.id == ResellerUser.reseller_id)
            .where(
                ResellerWebSession.id == session_id,
                ResellerWebSession.expires_at > utcnow(),
                ResellerUser.active.is_(True),
                Reseller.status == ResellerStatus.ACTIVE,
            )
        )
    ).first()
    if row is None:
        return None
    csrf_token, user, reseller = row
    principal = Principal(
        kind=PrincipalKind.RESELLER, label=user.email, session_id=session_id, reseller_id=reseller.id
    )
    portal_user = PortalUser(
        id=user.id,
        email=user.email,
        name=user.name,
        locale=user.locale,
        reseller_name=reseller.name,
        reseller_slug=reseller.slug,
    )
    return principal, csrf_token, portal_user
