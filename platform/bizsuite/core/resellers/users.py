"""Reseller portal users: created by the operator, signed in with a password (argon2, with the
tenant sign-in's lockout), their web sessions (SHA-256 ids) and the one-time set-password link."""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.context import Context
from bizsuite.core.db import utcnow
from bizsuite.core.errors import (
    ConflictProblem,
    NotFoundProblem,
    TenantSuspendedProblem,
    UnauthorizedProblem,
    ValidationProblem,
)
from bizsuite.core.identity import lockout, security
from bizsuite.core.resellers.models import (
    Reseller,
    ResellerStatus,
    ResellerUser,
    ResellerWebSession,
)
from bizsuite.core.resellers.schemas import PortalSignIn, ResellerUserCreate
from bizsuite.settings import Settings
from bizsuite.web.i18n import N_, negotiate, translations

log = logging.getLogger(__name__)

#: How long a set-password link works.
PASSWORD_LINK_TTL = dt.timedelta(days=7)
#: Where the link leads (the portal's set-password page).
SET_PASSWORD_PATH = "/reseller/set-password"

#: The email with the set-password link (msgids, rendered in the user's language when sent).
PASSWORD_LINK_SUBJECT = N_("Your BizSuite reseller portal account for %(reseller)s")
PASSWORD_LINK_BODY = N_(
    "%(name)s, an account was opened for you in the BizSuite reseller portal of %(reseller)s.\n\n"
    "Choose your password: %(link)s\n\n"
    "The link works once, until %(until)s UTC."
)


def sign_in_keys(email: str, ip: str | None) -> list[str]:
    """The lockout counters of a portal sign-in: the account (apart from a tenant user's with the
    same email) and the client address (shared with tenant sign-ins: one address, one budget)."""
    return [lockout.account_key("reseller:" + email), lockout.address_key(ip)]


async def find_by_email(session: AsyncSession, email: str) -> ResellerUser | None:
    """The portal user with this email (case-insensitive)."""
    return await session.scalar(
        select(ResellerUser).where(func.lower(ResellerUser.email) == email.strip().lower())
    )


async def create_user(
    ctx: Context, settings: Settings, reseller_id: uuid.UUID, data: ResellerUserCreate, *, site_url: str
) -> tuple[ResellerUser, str | None]:
    """Create a portal user for a reseller (operator). Without a password, a one-time link to choose
    one is emailed to them and returned (the only time it is shown)."""
    reseller = await ctx.session.get(Reseller, reseller_id)
    if reseller is None:
        raise NotFoundProblem(f"No reseller with id {reseller_id}.")
    if await find_by_email(ctx.session, data.email) is not None:
        raise ConflictProblem.for_field("email", "this email already has a reseller portal account")
    user = ResellerUser(
        reseller_id=reseller_id,
        email=data.email.strip(),
        name=data.name.strip(),
        locale=data.locale,
        password_hash=await security.hash_password(data.password) if data.password else None,
    )
    link = None
    if data.password is None:
        token = security.new_token()
        user.password_token_hash = security.sha256_hex(token)
        user.password_token_expires_at = utcnow() + PASSWORD_LINK_TTL
        link = f"{site_url.rstrip('/')}{SET_PASSWORD_PATH}?token={token}"
    ctx.session.add(user)
    await ctx.session.flush()
    if link is not None:
        await _email_link(settings, user, reseller, link)
    return user, link


def password_link_email(
    reseller: str, name: str, link: str, until: dt.datetime, locale: str
) -> tuple[str, str]:
    """The set-password email's subject and body in ``locale``."""
    text = translations(locale).gettext
    params = {"reseller": reseller, "name": name, "link": link, "until": f"{until:%Y-%m-%d %H:%M}"}
    return text(PASSWORD_LINK_SUBJECT) % params, text(PASSWORD_LINK_BODY) % params


async def _email_link(settings: Settings, user: ResellerUser, reseller: Reseller, link: str) -> None:
    """Send the link through the configured email provider (the default one only records: the
    operator's answer carries the link then). A reseller has no tenant, so no tenant outbox row."""
    from bizsuite.core.alerts.models import Channel
    from bizsuite.core.alerts.providers import OutgoingMessage, provider_for

    assert user.password_token_expires_at is not None
    subject, body = password_link_email(
        reseller.name, user.name, link, user.password_token_expires_at, negotiate(user.locale)
    )
    try:
        await provider_for(settings, Channel.EMAIL).send(
            OutgoingMessage(channel=Channel.EMAIL, recipient=user.email, subject=subject, body=body)
        )
    except Exception as exc:  # the operator still has the link in the answer
        log.warning("set-password email to %s failed: %s", user.email, exc)


async def list_users(ctx: Context, reseller_id: uuid.UUID) -> list[ResellerUser]:
    """A reseller's portal users, by email."""
    return list(
        await ctx.session.scalars(
            select(ResellerUser).where(ResellerUser.reseller_id == reseller_id).order_by(ResellerUser.email)
        )
    )


async def verify_sign_in(
    session: AsyncSession, data: PortalSignIn, *, guard: lockout.SignInGuard, ip: str | None
) -> ResellerUser:
    """Check a portal sign-in: the same protection as a tenant sign-in (``identity.services.
    verify_credentials``): locks known in the process refuse first (429), argon2 runs in the
    hashing pool after the read has ended, failures are counted in a transaction of their own.
    A suspended reseller's users are refused (403) once their password is right."""
    keys = sign_in_keys(data.email, ip)
    user, valid = await lockout.check_password(
        session, guard, keys, ip=ip, find=lambda: find_by_email(session, data.email), password=data.password
    )
    if user is None or not valid or not user.active:
        await lockout.record_failure(session, guard, keys)
        await session.commit()  # kept although the request fails
        raise UnauthorizedProblem("Wrong email or password.")
    await lockout.clear(session, guard, keys[0])
    reseller = await session.get(Reseller, user.reseller_id)
    if reseller is None or reseller.status is ResellerStatus.SUSPENDED:
        raise TenantSuspendedProblem("This reseller account is suspended; contact the operator.")
    return user


async def open_session(
    session: AsyncSession, user: ResellerUser, *, ttl: dt.timedelta, ip: str | None, user_agent: str | None
) -> str:
    """Start a portal session; return the cookie value (only its SHA-256 is stored)."""
    cookie = security.new_token()
    session.add(
        ResellerWebSession(
            id=security.sha256_hex(cookie),
            reseller_user_id=user.id,
            csrf_token=security.new_token(24),
            expires_at=utcnow() + ttl,
            ip=ip,
            user_agent=(user_agent or "")[:300] or None,
        )
    )
    await session.flush()
    return cookie


async def close_session(session: AsyncSession, session_id: str) -> None:
    """End a portal session."""
    await session.execute(delete(ResellerWebSession).where(ResellerWebSession.id == session_id))


async def set_password(session: AsyncSession, token: str, password: str) -> ResellerUser:
    """Choose the password with the one-time link's token (then the link no longer works)."""
    user = await session.scalar(
        select(ResellerUser).where(ResellerUser.password_token_hash == security.sha256_hex(token))
    )
    if (
        user is None
        or user.password_token_expires_at is None
        or user.password_token_expires_at <= utcnow()
        or not user.active
    ):
        raise ValidationProblem.for_field("token", "this link is unknown, used or expired")
    user.password_hash = await security.hash_password(password)
    user.password_token_hash = None
    user.password_token_expires_at = None
    # A new password signs every other session out.
    await session.execute(delete(ResellerWebSession).where(ResellerWebSession.reseller_user_id == user.id))
    await session.flush()
    return user


async def set_locale(session: AsyncSession, user_id: uuid.UUID, locale: str) -> None:
    """Keep the portal user's language."""
    user = await session.get(ResellerUser, user_id)
    if user is not None:
        user.locale = locale
