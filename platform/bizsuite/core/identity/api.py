"""Identity endpoints: sign-in, members, invitations and API keys."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec
from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.datastructures import Cookie
from litestar.params import FromPath, JSONBody

from bizsuite.core.context import Context, tenant_guard, user_guard
from bizsuite.core.db import bind_tenant
from bizsuite.core.dependencies import Ctx, IfMatch, app_settings
from bizsuite.core.errors import ForbiddenProblem, UnauthorizedProblem
from bizsuite.core.http import SESSION_COOKIE
from bizsuite.core.identity import lockout, services
from bizsuite.core.identity.models import ApiKey, Invitation, Membership, Role, User, WebSession
from bizsuite.core.identity.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyOut,
    ApiKeyPage,
    InvitationAccept,
    InvitationCreate,
    InvitationOut,
    InvitationPage,
    LoginRequest,
    MemberOut,
    MemberPage,
    MemberUpdate,
    PasswordChange,
    SessionOut,
    SwitchTenantRequest,
    TotpCodeIn,
    TotpSetup,
)
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam


def session_cookie(
    request: Request[Any, Any, Any], value: str, *, max_age: int, key: str = SESSION_COOKIE, path: str = "/"
) -> Cookie:
    """A session cookie (the tenant UI's by default, the reseller portal's with its own key and
    path): HttpOnly, SameSite=Lax, Secure when configured."""
    return Cookie(
        key=key,
        value=value,
        max_age=max_age,
        httponly=True,
        secure=app_settings(request).secure_cookies,
        samesite="lax",
        path=path,
    )


def refuse_other_origins(request: Request[Any, Any, Any]) -> None:
    """A browser names the page's site in ``Origin``: only this site's pages may sign in (no login CSRF)."""
    origin = request.headers.get("origin")
    if origin is None:
        return  # not a browser's cross-site request (scripts, the SDK)
    own = f"{request.url.scheme}://{request.url.netloc}"
    if origin.rstrip("/").lower() != own.lower():
        raise ForbiddenProblem("Sign-in is only accepted from this site's own pages.")


async def _session_out(ctx: Ctx, user: User, web_session: WebSession) -> SessionOut:
    choices = await services.tenant_choices(ctx.session, user.id)
    active = next((c for c in choices if c.tenant_id == web_session.tenant_id), None)
    return SessionOut(
        user_id=user.id,
        email=user.email,
        name=user.name,
        locale=user.locale,
        time_zone=user.time_zone,
        totp_enabled=user.totp_enabled,
        tenant=active,
        tenants=choices,
        csrf_token=web_session.csrf_token,
        expires_at=web_session.expires_at,
    )


async def start_session(
    ctx: Context, request: Request[Any, Any, Any], user: User, tenant_id: uuid.UUID | None
) -> tuple[Cookie, WebSession]:
    """Open a web session for the user and return its cookie (shared by the API and the web UI)."""
    ttl = dt.timedelta(minutes=app_settings(request).session_ttl_minutes)
    cookie, web_session = await services.open_session(
        ctx.session, user, tenant_id, ttl=ttl, ip=ctx.ip, user_agent=request.headers.get("user-agent")
    )
    return session_cookie(request, cookie, max_age=int(ttl.total_seconds())), web_session


async def _sign_in(
    ctx: Context, request: Request[Any, Any, Any], user: User, tenant_id: uuid.UUID | None
) -> Response[SessionOut]:
    cookie, web_session = await start_session(ctx, request, user, tenant_id)
    return Response(await _session_out(ctx, user, web_session), cookies=[cookie])


class AuthController(Controller):
    """Password sign-in with cookie sessions and CSRF tokens, for the web UI."""

    path = "/api/v1/auth"
    tags = ["auth"]
    security = [{}]

    @post(
        "/login",
        operation_id="login",
        summary="Sign in",
        status_code=200,
        opt={"starts_session": True},
    )
    async def login(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[LoginRequest]
    ) -> Response[SessionOut]:
        """Check the password (and TOTP code), open a session and set its cookie.

        Only `application/json` is accepted, and a browser's `Origin` must be this site (a form on
        another site cannot sign anyone in). Repeated failures lock the account or address for a
        growing time (429 with `Retry-After`); even the right password is refused meanwhile."""
        refuse_other_origins(request)
        user = await services.verify_credentials(
            ctx.session, data, guard=lockout.guard_for(request.app), ip=ctx.ip
        )
        choice = services.pick_tenant(await services.tenant_choices(ctx.session, user.id), data.tenant_slug)
        return await _sign_in(ctx, request, user, choice.tenant_id if choice else None)

    @post("/logout", operation_id="logout", summary="Sign out", status_code=204, guards=[user_guard])
    async def logout(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[None]:
        """End the session and clear its cookie."""
        assert ctx.principal.session_id is not None
        await services.close_session(ctx.session, ctx.principal.session_id)
        return Response(None, status_code=204, cookies=[session_cookie(request, "", max_age=0)])

    @get("/session", operation_id="get_session", summary="The current session", guards=[user_guard])
    async def get_session(self, ctx: Ctx) -> SessionOut:
        """Return the signed-in user, their tenants and the CSRF token."""
        return await self._current(ctx)

    @post(
        "/switch-tenant",
        operation_id="switch_tenant",
        summary="Switch tenant",
        status_code=200,
        guards=[user_guard],
    )
    async def switch_tenant(self, ctx: Ctx, data: JSONBody[SwitchTenantRequest]) -> SessionOut:
        """Make another of the user's tenants the active one."""
        assert ctx.principal.session_id is not None and ctx.principal.user_id is not None
        await services.switch_tenant(
            ctx.session, ctx.principal.session_id, ctx.principal.user_id, data.tenant_id
        )
        return await self._current(ctx)

    @post(
        "/password",
        operation_id="change_password",
        summary="Change my password",
        status_code=204,
        guards=[user_guard],
    )
    async def change_password(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[PasswordChange]
    ) -> Response[None]:
        """Change the password; every session is signed out, so sign in again."""
        assert ctx.principal.user_id is not None
        await services.change_password(
            ctx.session, ctx.principal.user_id, data.current_password, data.new_password
        )
        return Response(None, status_code=204, cookies=[session_cookie(request, "", max_age=0)])

    @post(
        "/totp/setup",
        operation_id="begin_totp_setup",
        summary="Start TOTP set-up",
        status_code=200,
        guards=[user_guard],
    )
    async def begin_totp_setup(self, ctx: Ctx) -> TotpSetup:
        """Create a TOTP secret to scan; confirm it with ``enable_totp``."""
        assert ctx.principal.user_id is not None
        secret, uri = await services.begin_totp(ctx.session, ctx.principal.user_id)
        return TotpSetup(secret=secret, otpauth_uri=uri)

    @post(
        "/totp/enable",
        operation_id="enable_totp",
        summary="Turn TOTP on",
        status_code=200,
        guards=[user_guard],
    )
    async def enable_totp(self, ctx: Ctx, data: JSONBody[TotpCodeIn]) -> SessionOut:
        """Confirm the new secret with a code; sign-ins then need a code."""
        assert ctx.principal.user_id is not None
        await services.set_totp(ctx.session, ctx.principal.user_id, data.code, enabled=True)
        return await self._current(ctx)

    @post(
        "/totp/disable",
        operation_id="disable_totp",
        summary="Turn TOTP off",
        status_code=200,
        guards=[user_guard],
    )
    async def disable_totp(self, ctx: Ctx, data: JSONBody[TotpCodeIn]) -> SessionOut:
        """Turn TOTP off, confirming with a current code."""
        assert ctx.principal.user_id is not None
        await services.set_totp(ctx.session, ctx.principal.user_id, data.code, enabled=False)
        return await self._current(ctx)

    @post(
        "/accept-invitation",
        operation_id="accept_invitation",
        summary="Accept an invitation",
        status_code=200,
    )
    async def accept_invitation(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[InvitationAccept]
    ) -> Response[SessionOut]:
        """Join the inviting tenant: a new email gets an account and is signed in; an email with an
        account must be signed in as that person already (the session then enters the tenant)."""
        user, tenant = await services.accept_invitation(ctx, data)
        if ctx.principal.session_id is not None and ctx.principal.user_id == user.id:
            await services.switch_tenant(ctx.session, ctx.principal.session_id, user.id, tenant.id)
            return Response(await self._current(ctx))
        return await _sign_in(ctx, request, user, tenant.id)

    @staticmethod
    async def _current(ctx: Ctx) -> SessionOut:
        assert ctx.principal.session_id is not None
        web_session = await ctx.session.get(WebSession, ctx.principal.session_id, populate_existing=True)
        user = await ctx.session.get(User, ctx.principal.user_id)
        if web_session is None or user is None:
            raise UnauthorizedProblem("The session has ended.")
        if web_session.tenant_id is not None:
            await bind_tenant(ctx.session, web_session.tenant_id)
        return await _session_out(ctx, user, web_session)


def _member_out(membership: Membership, user: User, locked_until: dt.datetime | None = None) -> MemberOut:
    return MemberOut(
        sign_in_locked_until=locked_until,
        id=membership.id,
        user_id=user.id,
        email=user.email,
        name=user.name,
        role=membership.role,
        module_grants=membership.module_grants,  # type: ignore[arg-type]
        created_at=membership.created_at,
        version=membership.version,
    )


class MemberController(Controller):
    """People in the tenant and their roles."""

    path = "/api/v1/members"
    tags = ["members"]
    guards = [tenant_guard]

    @get(operation_id="list_members", summary="List members")
    async def list_members(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> MemberPage:
        """List the tenant's members."""
        rows, next_cursor = await services.list_members(ctx, limit=limit, cursor=cursor)
        locks = await services.sign_in_locks(ctx, [u for _, u in rows])
        return MemberPage(
            items=[_member_out(m, u, locks.get(u.id)) for m, u in rows], next_cursor=next_cursor
        )

    @get("/{member_id:uuid}", operation_id="get_member", summary="Get a member")
    async def get_member(self, ctx: Ctx, member_id: FromPath[uuid.UUID]) -> MemberOut:
        """Return one member."""
        membership, user = await services.get_member(ctx, member_id)
        locks = await services.sign_in_locks(ctx, [user])
        return _member_out(membership, user, locks.get(user.id))

    @post(
        "/{member_id:uuid}/unlock",
        operation_id="unlock_member",
        summary="Unlock a member's sign-in",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def unlock_member(
        self, ctx: Ctx, request: Request[Any, Any, Any], member_id: FromPath[uuid.UUID]
    ) -> MemberOut:
        """End a member's sign-in lock after repeated failed sign-ins (also their count of failures)."""
        membership, user = await services.unlock_member(ctx, member_id, lockout.guard_for(request.app))
        return _member_out(membership, user)

    @patch(
        "/{member_id:uuid}",
        operation_id="update_member",
        summary="Change a member's role",
        opt={"min_role": Role.ADMIN},
    )
    async def update_member(
        self, ctx: Ctx, member_id: FromPath[uuid.UUID], data: JSONBody[MemberUpdate], if_match: IfMatch = None
    ) -> MemberOut:
        """Change a member's role or module grants."""
        return _member_out(*await services.update_member(ctx, member_id, data, if_match))

    @delete(
        "/{member_id:uuid}",
        operation_id="remove_member",
        summary="Remove a member",
        opt={"min_role": Role.ADMIN},
    )
    async def remove_member(self, ctx: Ctx, member_id: FromPath[uuid.UUID], if_match: IfMatch = None) -> None:
        """Remove someone from the tenant."""
        await services.remove_member(ctx, member_id, if_match)


def _invitation_out(invitation: Invitation) -> InvitationOut:
    return msgspec.convert(invitation, InvitationOut, from_attributes=True)


class InvitationController(Controller):
    """Invitations to join the tenant."""

    path = "/api/v1/invitations"
    tags = ["members"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(operation_id="list_invitations", summary="List invitations")
    async def list_invitations(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> InvitationPage:
        """List invitations, newest first."""
        rows, next_cursor = await services.list_invitations(ctx, limit=limit, cursor=cursor)
        return InvitationPage(items=[_invitation_out(i) for i in rows], next_cursor=next_cursor)

    @post(operation_id="create_invitation", summary="Invite someone")
    async def create_invitation(
        self, ctx: Ctx, request: Request[Any, Any, Any], data: JSONBody[InvitationCreate]
    ) -> InvitationOut:
        """Invite someone: the accept link goes to the invitee by email (see the outbox), never to
        the inviter."""
        invitation = await services.create_invitation(
            ctx, data, site_url=str(request.base_url), settings=app_settings(request)
        )
        return _invitation_out(invitation)

    @post(
        "/{invitation_id:uuid}/revoke",
        operation_id="revoke_invitation",
        summary="Revoke an invitation",
        status_code=200,
    )
    async def revoke_invitation(self, ctx: Ctx, invitation_id: FromPath[uuid.UUID]) -> InvitationOut:
        """Revoke an invitation that was not accepted yet."""
        return _invitation_out(await services.revoke_invitation(ctx, invitation_id))


def _api_key_out(api_key: ApiKey) -> ApiKeyOut:
    return msgspec.convert(api_key, ApiKeyOut, from_attributes=True)


class ApiKeyController(Controller):
    """The tenant's API keys for the SDK and scripts."""

    path = "/api/v1/api-keys"
    tags = ["api_keys"]
    guards = [tenant_guard]
    opt = {"min_role": Role.ADMIN}

    @get(operation_id="list_api_keys", summary="List API keys")
    async def list_api_keys(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> ApiKeyPage:
        """List API keys, newest first (never their secrets)."""
        rows, next_cursor = await services.list_api_keys(ctx, limit=limit, cursor=cursor)
        return ApiKeyPage(items=[_api_key_out(k) for k in rows], next_cursor=next_cursor)

    @post(operation_id="create_api_key", summary="Create an API key", opt={"shows_secret_once": True})
    async def create_api_key(self, ctx: Ctx, data: JSONBody[ApiKeyCreate]) -> ApiKeyCreated:
        """Create a key; its secret is shown only in this response."""
        api_key, secret = await services.create_api_key(ctx, data)
        return ApiKeyCreated(api_key=_api_key_out(api_key), secret=secret)

    @get("/{api_key_id:uuid}", operation_id="get_api_key", summary="Get an API key")
    async def get_api_key(self, ctx: Ctx, api_key_id: FromPath[uuid.UUID]) -> ApiKeyOut:
        """Return one API key."""
        return _api_key_out(await services.get_api_key(ctx, api_key_id))

    @post(
        "/{api_key_id:uuid}/revoke",
        operation_id="revoke_api_key",
        summary="Revoke an API key",
        status_code=200,
    )
    async def revoke_api_key(self, ctx: Ctx, api_key_id: FromPath[uuid.UUID]) -> ApiKeyOut:
        """Revoke a key at once."""
        return _api_key_out(await services.revoke_api_key(ctx, api_key_id))
