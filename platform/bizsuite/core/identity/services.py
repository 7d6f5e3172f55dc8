"""Identity workflows: sign-in and sessions, members, invitations, API keys, TOTP."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

import msgspec
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.billing.services.subscriptions import check_seat_for_invitation
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import ALL_TENANTS, bind_tenant, set_db_setting, utcnow
from bizsuite.core.errors import (
    ConflictProblem,
    ForbiddenProblem,
    NotFoundProblem,
    ProblemError,
    UnauthorizedProblem,
    ValidationProblem,
)
from bizsuite.core.identity import lockout, security
from bizsuite.core.identity.labels import ROLE_LABELS
from bizsuite.core.identity.models import ApiKey, Invitation, Membership, Role, User, WebSession
from bizsuite.core.identity.schemas import (
    ApiKeyCreate,
    InvitationAccept,
    InvitationCreate,
    LoginRequest,
    MemberUpdate,
    TenantChoice,
)
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.core.tenants.models import Tenant, TenantStatus
from bizsuite.settings import Settings
from bizsuite.web.i18n import N_, negotiate, translations


class TotpRequiredProblem(ProblemError):
    """The password was right; a TOTP code is needed too."""

    status = 401
    slug = "totp-required"
    title = "TOTP code required"


# --- users and sessions -------------------------------------------------------------------


async def find_user_by_email(session: AsyncSession, email: str) -> User | None:
    """Return the user with this email (case-insensitive)."""
    return await session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


async def create_user(session: AsyncSession, *, email: str, name: str, password: str | None) -> User:
    """Create a user with an argon2 password hash."""
    user = User(
        email=email.strip(),
        name=name,
        password_hash=await security.hash_password(password) if password else None,
    )
    session.add(user)
    await session.flush()
    return user


async def tenant_choices(session: AsyncSession, user_id: uuid.UUID) -> list[TenantChoice]:
    """Return the active tenants a user belongs to (their memberships are visible to them)."""
    await set_db_setting(session, "app.user_id", str(user_id))
    rows = (
        await session.execute(
            select(Membership.role, Tenant)
            .join(Tenant, Tenant.id == Membership.tenant_id)
            .where(Membership.user_id == user_id, Tenant.status == TenantStatus.ACTIVE)
            .order_by(Tenant.name)
            .execution_options(**{ALL_TENANTS: True})
        )
    ).all()
    return [TenantChoice(tenant_id=t.id, slug=t.slug, name=t.name, role=Role(role)) for role, t in rows]


async def verify_credentials(
    session: AsyncSession, data: LoginRequest, *, guard: lockout.SignInGuard, ip: str | None
) -> User:
    """Check email, password and (if enabled) TOTP; the same error whatever was wrong.

    A locked account or address is refused first (429 with Retry-After), before any database
    work when this process knows the lock. The read ends before argon2 runs in the hashing pool,
    so a flood of sign-ins holds no pool connections while it waits; a failure is recorded in a
    transaction of its own (the request itself fails and rolls back).
    """
    keys = [lockout.account_key(data.email), lockout.address_key(ip)]
    user, valid = await lockout.check_password(
        session,
        guard,
        keys,
        ip=ip,
        find=lambda: find_user_by_email(session, data.email),
        password=data.password,
    )
    problem: ProblemError | None = None
    if user is None or not valid or user.disabled_at is not None:
        problem = UnauthorizedProblem("Wrong email or password.")
    elif user.totp_enabled:
        if data.totp_code is None:
            raise TotpRequiredProblem("Enter the six-digit code from your authenticator app.")
        if not security.verify_totp(user.totp_secret or "", data.totp_code):
            problem = UnauthorizedProblem("Wrong TOTP code.")
    if problem is not None:
        locked = await lockout.record_failure(session, guard, keys)
        if user is not None and keys[0] in locked:
            await _alert_locked(session, user, locked[keys[0]])
        await session.commit()  # kept although the request fails
        raise problem
    assert user is not None
    await lockout.clear(session, guard, keys[0])
    return user


LOCKED_ALERT = "identity.sign_in_locked"


async def _alert_locked(session: AsyncSession, user: User, until: dt.datetime) -> None:
    """Tell the account's owner (inbox, and email by their preferences) in each of their tenants."""
    from bizsuite.core.alerts.models import Severity
    from bizsuite.core.alerts.services import raise_alert

    for choice in await tenant_choices(session, user.id):
        await bind_tenant(session, choice.tenant_id)
        await raise_alert(
            session,
            alert_type=LOCKED_ALERT,
            severity=Severity.WARNING,
            title_msgid=N_("Sign-in to your account was locked after repeated failed attempts"),
            body_msgid=N_(
                "Signing in as %(email)s is locked until %(until)s UTC after several wrong passwords "
                "or codes. If this was not you, change your password once you are in; an admin of "
                "your organisation can unlock the account sooner."
            ),
            params={"email": user.email, "until": f"{until:%Y-%m-%d %H:%M}"},
            target_type="users",
            target_id=user.id,
            dedup_key=f"sign-in-locked:{user.id}:{until.isoformat()}",
            recipients=[user.id],
        )
    session.info.pop("tenant_id", None)


async def open_session(
    session: AsyncSession,
    user: User,
    tenant_id: uuid.UUID | None,
    *,
    ttl: dt.timedelta,
    ip: str | None,
    user_agent: str | None,
) -> tuple[str, WebSession]:
    """Start a web session; return the cookie value (only its hash is stored)."""
    cookie = security.new_token()
    web_session = WebSession(
        id=security.sha256_hex(cookie),
        user_id=user.id,
        tenant_id=tenant_id,
        csrf_token=security.new_token(24),
        expires_at=utcnow() + ttl,
        ip=ip,
        user_agent=(user_agent or "")[:300] or None,
    )
    session.add(web_session)
    await session.flush()
    return cookie, web_session


def pick_tenant(choices: list[TenantChoice], slug: str | None) -> TenantChoice | None:
    """Choose the tenant to enter: the one asked for, else the first."""
    if slug is None:
        return choices[0] if choices else None
    for choice in choices:
        if choice.slug == slug:
            return choice
    raise ValidationProblem.for_field("tenant_slug", "you are not a member of this tenant")


async def close_session(session: AsyncSession, session_id: str) -> None:
    """End a web session."""
    web_session = await session.get(WebSession, session_id)
    if web_session is not None:
        await session.delete(web_session)


async def switch_tenant(
    session: AsyncSession, session_id: str, user_id: uuid.UUID, tenant_id: uuid.UUID
) -> None:
    """Make another of the user's tenants the session's active tenant."""
    choices = await tenant_choices(session, user_id)
    if tenant_id not in {c.tenant_id for c in choices}:
        raise NotFoundProblem("You are not a member of that tenant.")
    await session.execute(update(WebSession).where(WebSession.id == session_id).values(tenant_id=tenant_id))


async def change_password(session: AsyncSession, user_id: uuid.UUID, current: str, new: str) -> None:
    """Change a password after checking the current one; other sessions are signed out."""
    user = await session.get(User, user_id)
    assert user is not None
    if not await security.verify_password(user.password_hash, current):
        raise ValidationProblem.for_field("current_password", "wrong password")
    user.password_hash = await security.hash_password(new)
    await session.execute(
        WebSession.__table__.delete().where(WebSession.user_id == user_id)  # type: ignore[attr-defined]
    )


async def begin_totp(session: AsyncSession, user_id: uuid.UUID) -> tuple[str, str]:
    """Store a new, not yet enabled TOTP secret; return it and its otpauth URI."""
    user = await session.get(User, user_id)
    assert user is not None
    if user.totp_enabled:
        raise ConflictProblem("TOTP is already on; turn it off first.")
    user.totp_secret = security.new_totp_secret()
    return user.totp_secret, security.totp_uri(user.totp_secret, user.email)


async def set_totp(session: AsyncSession, user_id: uuid.UUID, code: str, *, enabled: bool) -> User:
    """Turn TOTP on (confirming the new secret) or off (confirming a current code)."""
    user = await session.get(User, user_id)
    assert user is not None
    if user.totp_secret is None or user.totp_enabled == enabled:
        raise ConflictProblem("Start TOTP set-up first." if enabled else "TOTP is not on.")
    if not security.verify_totp(user.totp_secret, code):
        raise ValidationProblem.for_field("code", "wrong code")
    user.totp_enabled = enabled
    if not enabled:
        user.totp_secret = None
    return user


# --- members ------------------------------------------------------------------------------


async def list_members(
    ctx: Context, *, limit: int, cursor: str | None
) -> tuple[list[tuple[Membership, User]], str | None]:
    """Return a page of the tenant's members with their users."""
    rows, next_cursor = await list_page(
        ctx.session, select(Membership), Membership, limit=limit, cursor=cursor
    )
    users = {}
    if rows:
        users = {
            u.id: u
            for u in await ctx.session.scalars(select(User).where(User.id.in_([m.user_id for m in rows])))
        }
    return [(m, users[m.user_id]) for m in rows], next_cursor


async def user_names(ctx: Context, user_ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """Display names of the people the tenant's rows name (authors, approvers, uploaders).

    One query; ids of people who left the tenant still resolve, so history keeps its names.
    """
    wanted = {user_id for user_id in user_ids if user_id is not None}
    if not wanted:
        return {}
    rows = await ctx.session.execute(select(User.id, User.name).where(User.id.in_(wanted)))
    return {row.id: row.name for row in rows}


async def get_member(ctx: Context, member_id: uuid.UUID) -> tuple[Membership, User]:
    """Return a membership and its user, or 404."""
    membership = await fetch(ctx.session, Membership, member_id, what="member")
    user = await ctx.session.get(User, membership.user_id)
    assert user is not None
    return membership, user


def _not_above_caller(ctx: Context, role: Role, *, field: str = "role") -> None:
    caller = ctx.principal.role
    if caller is None or not caller.at_least(role):
        raise ForbiddenProblem(f"You cannot grant the {role.value} role.")


async def _owners(ctx: Context) -> int:
    return int(
        await ctx.session.scalar(
            select(func.count()).select_from(Membership).where(Membership.role == Role.OWNER)
        )
        or 0
    )


async def update_member(
    ctx: Context, member_id: uuid.UUID, data: MemberUpdate, if_match: str | None
) -> tuple[Membership, User]:
    """Change a member's role or grants; the last owner stays an owner."""
    membership, user = await get_member(ctx, member_id)
    check_version(membership, if_match)
    before = snapshot(membership)
    if data.role is not msgspec.UNSET:
        _not_above_caller(ctx, data.role)
        _not_above_caller(ctx, membership.role)
        if membership.role is Role.OWNER and data.role is not Role.OWNER and await _owners(ctx) <= 1:
            raise ConflictProblem("A tenant keeps at least one owner.")
        membership.role = data.role
    if data.module_grants is not msgspec.UNSET:
        membership.module_grants = sorted({m.value for m in data.module_grants})
    await ctx.session.flush()
    ctx.audit("member.updated", membership, before=before, after=snapshot(membership))
    return membership, user


async def unlock_member(
    ctx: Context, member_id: uuid.UUID, guard: lockout.SignInGuard
) -> tuple[Membership, User]:
    """End a member's sign-in lock (and their run of failures) at once."""
    membership, user = await get_member(ctx, member_id)
    _not_above_caller(ctx, membership.role)
    if await lockout.clear(ctx.session, guard, lockout.account_key(user.email)):
        ctx.audit("member.unlocked", membership, target_id=member_id)
    return membership, user


async def sign_in_locks(ctx: Context, users: Iterable[User]) -> dict[uuid.UUID, dt.datetime]:
    """When each of these people's sign-in lock ends (only those locked now)."""
    users = list(users)
    locked = await lockout.locked_accounts(ctx.session, [u.email for u in users])
    return {u.id: locked[u.email.strip().lower()] for u in users if u.email.strip().lower() in locked}


async def remove_member(ctx: Context, member_id: uuid.UUID, if_match: str | None) -> None:
    """Remove someone from the tenant (not the last owner)."""
    membership, _ = await get_member(ctx, member_id)
    check_version(membership, if_match)
    _not_above_caller(ctx, membership.role)
    if membership.role is Role.OWNER and await _owners(ctx) <= 1:
        raise ConflictProblem("A tenant keeps at least one owner.")
    before = snapshot(membership)
    await ctx.session.delete(membership)
    await ctx.session.flush()
    ctx.audit("member.removed", membership, before=before, target_id=member_id)


# --- invitations --------------------------------------------------------------------------


async def list_invitations(
    ctx: Context, *, limit: int, cursor: str | None
) -> tuple[list[Invitation], str | None]:
    """Return a page of the tenant's invitations."""
    return await list_page(
        ctx.session, select(Invitation), Invitation, limit=limit, cursor=cursor, descending=True
    )


async def create_invitation(
    ctx: Context, data: InvitationCreate, *, site_url: str, settings: Settings
) -> Invitation:
    """Invite someone: the one-time token goes to the invitee by email only (never to the inviter)."""
    _not_above_caller(ctx, data.role)
    await check_seat_for_invitation(ctx)  # the plan's seats (402 with the limit and the usage)
    existing_user = await find_user_by_email(ctx.session, data.email)
    if existing_user is not None and await ctx.session.scalar(
        select(Membership.id).where(Membership.user_id == existing_user.id)
    ):
        raise ConflictProblem.for_field("email", "this person is already a member")
    token = security.new_token()
    invitation = Invitation(
        email=data.email.strip(),
        role=data.role,
        module_grants=sorted({m.value for m in data.module_grants}),
        token_hash=security.sha256_hex(token),
        invited_by=ctx.principal.user_id,
        expires_at=utcnow() + dt.timedelta(days=data.expires_in_days),
    )
    ctx.session.add(invitation)
    await ctx.session.flush()
    ctx.audit("invitation.created", invitation, after=snapshot(invitation))
    await _email_invitation(
        ctx,
        invitation,
        f"{site_url.rstrip('/')}/invitations/accept?token={token}",
        settings,
        existing_user.locale if existing_user is not None else None,
    )
    return invitation


#: The invitation email (msgids, rendered in the invitee's language when sent).
INVITATION_SUBJECT = N_("You are invited to %(tenant)s on BizSuite")
INVITATION_BODY = N_(
    "%(inviter)s invited you to join %(tenant)s on BizSuite as %(role)s.\n\n"
    "Accept the invitation: %(link)s\n\n"
    "The link works once, until %(until)s UTC."
)
INVITATION_INVITER = N_("An administrator")


def invitation_email(
    tenant: str, inviter: str | None, role: Role, link: str, until: dt.datetime, locale: str
) -> tuple[str, str]:
    """The invitation email's subject and body in ``locale`` (the invitee's, else the tenant's)."""
    text = translations(locale).gettext
    params = {
        "tenant": tenant,
        "inviter": inviter or text(INVITATION_INVITER),
        "role": text(ROLE_LABELS.get(role.value, role.value)),
        "link": link,
        "until": f"{until:%Y-%m-%d %H:%M}",
    }
    return text(INVITATION_SUBJECT) % params, text(INVITATION_BODY) % params


async def _email_invitation(
    ctx: Context, invitation: Invitation, link: str, settings: Settings, user_locale: str | None
) -> None:
    """Send the accept link to the invitee (kept in the outbox; with the record provider, that is
    all), in their language: their account's, else the tenant's."""
    from bizsuite.core.alerts.models import Channel, OutboxMessage, OutboxStatus
    from bizsuite.core.alerts.providers import OutgoingMessage, provider_for

    subject, body = invitation_email(
        ctx.tenant.name,
        ctx.principal.label,
        invitation.role,
        link,
        invitation.expires_at,
        negotiate(user_locale, ctx.tenant.locale),
    )
    provider = provider_for(settings, Channel.EMAIL)
    message = OutboxMessage(
        channel=Channel.EMAIL,
        recipient=invitation.email,
        subject=subject,
        body=body,
        provider=provider.name,
        status=OutboxStatus.RECORDED,
        dedup_key=f"invitation:{invitation.id}",
    )
    ctx.session.add(message)
    await ctx.session.flush()
    try:
        message.status = await provider.send(
            OutgoingMessage(channel=Channel.EMAIL, recipient=invitation.email, subject=subject, body=body)
        )
    except Exception as exc:
        message.status = OutboxStatus.FAILED
        message.error = f"{type(exc).__name__}: {exc}"[:2000]
    if message.status is OutboxStatus.SENT:
        # Delivered: the copy kept in the outbox no longer carries the token.
        message.sent_at = utcnow()
        message.body = body.replace(link, link.partition("?")[0] + "?token=…")
    await ctx.session.flush()


async def revoke_invitation(ctx: Context, invitation_id: uuid.UUID) -> Invitation:
    """Revoke an invitation that was not accepted yet."""
    invitation = await fetch(ctx.session, Invitation, invitation_id, what="invitation")
    if invitation.accepted_at is not None:
        raise ConflictProblem("This invitation was already accepted.")
    if invitation.revoked_at is None:
        before = snapshot(invitation)
        invitation.revoked_at = utcnow()
        await ctx.session.flush()
        ctx.audit("invitation.revoked", invitation, before=before, after=snapshot(invitation))
    return invitation


class SignInRequiredProblem(ProblemError):
    """The invited email already has an account: its owner must sign in (with TOTP) to accept."""

    status = 401
    slug = "sign-in-required"
    title = "Sign in to accept"


async def accept_invitation(ctx: Context, data: InvitationAccept) -> tuple[User, Tenant]:
    """Join a tenant with an invitation token.

    A new email gets an account with the chosen name and password. An email that already has an
    account can only be joined by that person, signed in — a password alone would skip their TOTP.
    """
    token_hash = security.sha256_hex(data.token)
    await set_db_setting(ctx.session, "app.lookup_hash", token_hash)
    invitation = await ctx.session.scalar(
        select(Invitation).where(Invitation.token_hash == token_hash).execution_options(**{ALL_TENANTS: True})
    )
    now = utcnow()
    if invitation is None or invitation.revoked_at is not None or invitation.expires_at <= now:
        raise ValidationProblem.for_field("token", "this invitation is unknown, revoked or expired")
    if invitation.accepted_at is not None:
        raise ConflictProblem("This invitation was already accepted.")
    tenant = await ctx.session.get(Tenant, invitation.tenant_id)
    if tenant is None or tenant.status is not TenantStatus.ACTIVE:
        raise ValidationProblem.for_field("token", "this tenant is not active")
    await bind_tenant(ctx.session, tenant.id)
    user = await find_user_by_email(ctx.session, invitation.email)
    signed_in = ctx.principal.user_id
    if user is None:
        if signed_in is not None:
            raise ForbiddenProblem("This invitation is for another email address; sign out to accept it.")
        if data.name is None:
            raise ValidationProblem.for_field("name", "required for a new account")
        if data.password is None or len(data.password) < 10:
            raise ValidationProblem.for_field("password", "use at least 10 characters")
        user = await create_user(ctx.session, email=invitation.email, name=data.name, password=data.password)
    elif signed_in is None:
        raise SignInRequiredProblem("This email already has an account: sign in as that person, then accept.")
    elif signed_in != user.id:
        raise ForbiddenProblem("This invitation is for another email address.")
    if await ctx.session.scalar(select(Membership.id).where(Membership.user_id == user.id)):
        raise ConflictProblem("You are already a member of this tenant.")
    membership = Membership(user_id=user.id, role=invitation.role, module_grants=invitation.module_grants)
    ctx.session.add(membership)
    invitation.accepted_at = now
    invitation.accepted_by = user.id
    await ctx.session.flush()
    ctx.audit("invitation.accepted", invitation, after=snapshot(invitation))
    ctx.audit("member.added", membership, after=snapshot(membership))
    return user, tenant


# --- API keys -----------------------------------------------------------------------------


async def list_api_keys(ctx: Context, *, limit: int, cursor: str | None) -> tuple[list[ApiKey], str | None]:
    """Return a page of the tenant's API keys (newest first)."""
    return await list_page(ctx.session, select(ApiKey), ApiKey, limit=limit, cursor=cursor, descending=True)


async def create_api_key(ctx: Context, data: ApiKeyCreate) -> tuple[ApiKey, str]:
    """Create a key whose role does not exceed the creator's; return it and its secret."""
    _not_above_caller(ctx, data.role)
    if data.expires_at is not None and data.expires_at <= utcnow():
        raise ValidationProblem.for_field("expires_at", "must be in the future")
    secret = security.new_api_key()
    api_key = ApiKey(
        name=data.name,
        prefix=secret[:12],
        key_hash=security.sha256_hex(secret),
        role=data.role,
        module_grants=sorted({m.value for m in data.module_grants}),
        created_by=ctx.principal.user_id,
        expires_at=data.expires_at,
    )
    ctx.session.add(api_key)
    await ctx.session.flush()
    ctx.audit("api_key.created", api_key, after=snapshot(api_key))
    return api_key, secret


async def get_api_key(ctx: Context, api_key_id: uuid.UUID) -> ApiKey:
    """Return one API key or 404."""
    return await fetch(ctx.session, ApiKey, api_key_id, what="API key")


async def revoke_api_key(ctx: Context, api_key_id: uuid.UUID) -> ApiKey:
    """Revoke a key at once; requests with it get 401 from now on."""
    api_key = await get_api_key(ctx, api_key_id)
    if api_key.revoked_at is None:
        before = snapshot(api_key)
        api_key.revoked_at = utcnow()
        await ctx.session.flush()
        ctx.audit("api_key.revoked", api_key, before=before, after=snapshot(api_key))
    return api_key


async def require_member(ctx: Context, user_id: uuid.UUID, *, field: str, source: str = "body") -> uuid.UUID:
    """A user named in a request (an owner, assignee, approver...) must be a member of the
    tenant: 422 naming the field otherwise. Returns the id for use in an expression."""
    found = await ctx.session.scalar(select(Membership.id).where(Membership.user_id == user_id))
    if found is None:
        raise ValidationProblem.for_field(field, "not a member of this tenant", source=source)
    return user_id
