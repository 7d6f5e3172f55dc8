"""Shell pages: sign-in, invitations, account, language, tenant switch and the home dashboard."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath
from litestar.response import Redirect, Template
from sqlalchemy import Date, cast, func, select, update

from bizsuite.core.audit.models import AuditEntry
from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem, ProblemError, UnauthorizedProblem
from bizsuite.core.identity import services as identity
from bizsuite.core.identity.api import session_cookie, start_session
from bizsuite.core.identity.models import ApiKey, Membership, Role, User
from bizsuite.core.identity.schemas import (
    AccountPreferences,
    InvitationAccept,
    LoginRequest,
    PasswordChange,
)
from bizsuite.core.identity.security import totp_uri
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.system.search import clean_search_text, run_search
from bizsuite.core.tenants.services import validate_time_zone
from bizsuite.web import i18n, palette
from bizsuite.web.forms import FormErrors, Submission, read_form
from bizsuite.web.i18n import gettext as _
from bizsuite.web.sign_in import SignInForm, SignInRefusal
from bizsuite.web.support import LANGUAGE_COOKIE, redirect, run_form, signed_in
from bizsuite.web.templating import expired_form, page

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]


def _safe_next(target: str | None) -> str:
    """Only local paths: never redirect to another site after sign-in."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


def _refused(problem: ProblemError, login: LoginRequest) -> SignInRefusal | None:
    """How the sign-in form answers wrong credentials, or a right password without its TOTP code."""
    if isinstance(problem, identity.TotpRequiredProblem):
        errors = FormErrors({"totp_code": _("Enter the six-digit code from your authenticator app.")})
        return SignInRefusal(422, errors, {"show_totp": True})
    if isinstance(problem, UnauthorizedProblem):
        message = _("Wrong TOTP code.") if login.totp_code else _("Wrong email or password.")
        context = {"show_totp": bool(login.totp_code), "problem": problem.slug}
        return SignInRefusal(422, FormErrors({"__all__": message}), context)
    return None


SIGN_IN = SignInForm("auth/login.html", LoginRequest)


class AuthPages(Controller):
    """Sign-in, sign-out and invitations."""

    include_in_schema = False

    @get("/login", opt={"starts_session": True})
    async def login_form(self, request: Request[Any, Any, Any]) -> Template:
        """The sign-in form."""
        return SIGN_IN.show(request, request.query_params.get("next", "/"))

    @post("/login", opt={"starts_session": True})
    async def login(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Check the password (and TOTP code) and open a session."""
        target = _safe_next(data.get("next"))

        async def signed_in(user: User) -> Response[Any]:
            choices = await identity.tenant_choices(ctx.session, user.id)
            choice = choices[0] if choices else None
            cookie, _session = await start_session(ctx, request, user, choice.tenant_id if choice else None)
            response = Redirect(target if choice else "/no-tenant", status_code=303)
            response.cookies.append(cookie)
            return response

        return await SIGN_IN.submit(
            ctx,
            request,
            data,
            target=target,
            verify=identity.verify_credentials,
            refused=_refused,
            signed_in=signed_in,
        )

    @post("/logout")
    async def logout(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """End the session."""
        if ctx.principal.session_id:
            await identity.close_session(ctx.session, ctx.principal.session_id)
        response = Redirect("/login", status_code=303)
        response.cookies.append(session_cookie(request, "", max_age=0))
        return response

    @get("/no-tenant")
    async def no_tenant(self, request: Request[Any, Any, Any]) -> Template:
        """Signed in, but no active tenant to enter."""
        return page(request, "auth/no_tenant.html")

    @get("/invitations/accept")
    async def invitation_form(self, request: Request[Any, Any, Any]) -> Template:
        """The form to accept an invitation (new account), or a button for a signed-in invitee."""
        return page(
            request,
            "auth/accept.html",
            values={"token": request.query_params.get("token", "")},
            errors=FormErrors(),
        )

    @post("/invitations/accept")
    async def accept_invitation(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Join the inviting tenant; new people are signed in, existing ones enter the tenant."""
        values = {k: v for k, v in data.items() if k != "password"}
        if ctx.principal.user_id is None and (expired := expired_form(request, data)) is not None:
            return page(request, "auth/accept.html", status_code=403, values=values, errors=expired)

        async def accept(body: InvitationAccept, _version: str | None) -> Response[Any]:
            try:
                user, tenant = await identity.accept_invitation(ctx, body)
            except identity.SignInRequiredProblem:
                errors = FormErrors(
                    {"__all__": _("This email already has an account: sign in first, then accept.")}
                )
                return page(
                    request,
                    "auth/accept.html",
                    status_code=422,
                    values=values,
                    errors=errors,
                    sign_in_first=True,
                )
            if ctx.principal.session_id is not None and ctx.principal.user_id == user.id:
                await identity.switch_tenant(ctx.session, ctx.principal.session_id, user.id, tenant.id)
                return redirect("/", notice="invitation.accepted")
            cookie, _session = await start_session(ctx, request, user, tenant.id)
            response = redirect("/", notice="invitation.accepted")
            response.cookies.append(cookie)
            return response

        async def again(form: Submission[InvitationAccept]) -> Response[Any]:
            return page(request, "auth/accept.html", status_code=422, values=values, errors=form.errors)

        return await run_form(
            read_form(data, InvitationAccept, ("token", "password", "name")),
            accept,
            done=lambda response: response,
            again=again,
        )


class ShellPages(Controller):
    """The signed-in shell: home, account, language and tenant switch."""

    include_in_schema = False

    @get("/", guards=[signed_in])
    async def home(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The home dashboard."""
        counts = {
            "org_units": await ctx.session.scalar(
                select(func.count()).select_from(OrgUnit).where(OrgUnit.archived_at.is_(None))
            ),
            "members": await ctx.session.scalar(select(func.count()).select_from(Membership)),
            "api_keys": await ctx.session.scalar(
                select(func.count()).select_from(ApiKey).where(ApiKey.revoked_at.is_(None))
            ),
        }
        return page(request, "home.html", counts=counts)

    @get("/search", guards=[signed_in])
    async def search(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The global search: the records of every area the user may use, grouped by kind, the
        matched text marked; ``kind`` shows more of one kind."""
        # The API refuses what its parameter would (NUL, too long); a page just searches the rest.
        text = clean_search_text(request.query_params.get("q"))
        kind = clean_search_text(request.query_params.get("kind"))[:64] or None
        limit = palette.KIND_LIMIT if kind else palette.PAGE_LIMIT
        results = await run_search(ctx, text, limit, kind=kind) if text else None
        return page(
            request,
            "search.html",
            q=text,
            kind=kind,
            limit=limit,
            groups=palette.shown(results) if results else None,
        )

    @get("/search/palette", guards=[signed_in])
    async def search_palette(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The search palette's results (an HTML fragment): a few hits of each kind."""
        text = clean_search_text(request.query_params.get("q"))
        results = await run_search(ctx, text, palette.PALETTE_LIMIT) if text else None
        return Template(
            template_name="partials/palette_results.html",
            context={"request": request, "q": text, "groups": palette.shown(results) if results else None},
            media_type="text/html",
        )

    @get("/dashboard/activity.json", guards=[signed_in])
    async def activity(self, ctx: Ctx) -> dict[str, Any]:
        """Writes per day over the last 14 days in the tenant's time zone (for the home chart)."""
        return await activity_by_day(ctx, days=14)

    @get("/account", guards=[signed_in])
    async def account(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Profile, language, time zone, password and TOTP."""
        return page(request, "account.html", errors=FormErrors(), totp_setup=None)

    @staticmethod
    def _account_again(
        request: Request[Any, Any, Any], totp_setup: dict[str, str] | None = None
    ) -> Callable[[Submission[Any]], Awaitable[Response[Any]]]:
        """Re-render the account page with a form's errors."""

        async def again(form: Submission[Any]) -> Response[Any]:
            return page(request, "account.html", status_code=422, errors=form.errors, totp_setup=totp_setup)

        return again

    @post("/account/preferences", guards=[signed_in])
    async def save_preferences(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Save the user's language and time zone."""

        async def save(body: AccountPreferences, _version: str | None) -> None:
            user = await ctx.session.get(User, ctx.principal.user_id)
            assert user is not None
            time_zone = validate_time_zone(body.time_zone) if body.time_zone else None
            user.locale = body.locale if body.locale in i18n.SUPPORTED else None
            user.time_zone = time_zone

        return await run_form(
            read_form(data, AccountPreferences, ("locale", "time_zone")),
            save,
            done=lambda _saved: redirect("/account", notice="preferences.saved"),
            again=self._account_again(request),
        )

    @post("/account/password", guards=[signed_in])
    async def change_password(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Change the password, then sign in again."""

        async def change(body: PasswordChange, _version: str | None) -> None:
            assert ctx.principal.user_id is not None
            await identity.change_password(
                ctx.session, ctx.principal.user_id, body.current_password, body.new_password
            )

        def signed_out(_changed: None) -> Response[Any]:
            response = Redirect("/login?notice=password.changed", status_code=303)
            response.cookies.append(session_cookie(request, "", max_age=0))
            return response

        return await run_form(
            read_form(data, PasswordChange, ("current_password", "new_password")),
            change,
            done=signed_out,
            again=self._account_again(request),
        )

    @post("/account/totp/setup", guards=[signed_in])
    async def totp_setup(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Show a new TOTP secret to add to an authenticator app."""
        assert ctx.principal.user_id is not None
        secret, uri = await identity.begin_totp(ctx.session, ctx.principal.user_id)
        return page(request, "account.html", errors=FormErrors(), totp_setup={"secret": secret, "uri": uri})

    @post("/account/totp/{action:str}", guards=[signed_in])
    async def totp_switch(
        self, ctx: Ctx, request: Request[Any, Any, Any], action: FromPath[str], data: Form
    ) -> Response[Any]:
        """Turn TOTP on (confirming the new secret) or off."""
        user_id = ctx.principal.user_id
        assert user_id is not None

        async def switch(code: str, _version: str | None) -> None:
            await identity.set_totp(ctx.session, user_id, code, enabled=action == "enable")

        async def again(form: Submission[str]) -> Response[Any]:
            user = await ctx.session.get(User, user_id)
            setup = None
            if action == "enable" and user is not None and user.totp_secret:
                setup = {"secret": user.totp_secret, "uri": totp_uri(user.totp_secret, user.email)}
            return await self._account_again(request, setup)(form)

        # The service judges the code (a malformed one is a wrong one), so it is passed as typed.
        code = str(data.get("code", ""))
        return await run_form(
            Submission(values={"code": code}, body=code, errors=FormErrors(), version=None),
            switch,
            done=lambda _switched: redirect("/account", notice=f"totp.{action}d"),
            again=again,
        )

    @post("/switch-tenant", guards=[signed_in])
    async def switch_tenant(self, ctx: Ctx, data: Form) -> Redirect:
        """Enter another of the user's tenants."""
        assert ctx.principal.session_id is not None and ctx.principal.user_id is not None
        try:
            tenant_id = uuid.UUID(str(data.get("tenant_id")))
        except ValueError as exc:
            raise NotFoundProblem("No such tenant.") from exc
        await identity.switch_tenant(ctx.session, ctx.principal.session_id, ctx.principal.user_id, tenant_id)
        return redirect("/")

    @post("/language")
    async def language(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Redirect:
        """Switch the UI language (kept on the user, or in a cookie before sign-in)."""
        locale = i18n.negotiate(str(data.get("locale", "")))
        if ctx.principal.user_id is not None:
            await ctx.session.execute(
                update(User).where(User.id == ctx.principal.user_id).values(locale=locale)
            )
        response = Redirect(_safe_next(data.get("next")), status_code=303)
        response.cookies.append(
            Cookie(key=LANGUAGE_COOKIE, value=locale, max_age=365 * 86400, samesite="lax", path="/")
        )
        return response


async def activity_by_day(ctx: Context, *, days: int) -> dict[str, Any]:
    """Count audit entries per local day (zero-filled) and return them for a chart."""
    zone = ctx.tenant.time_zone
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    local_day = cast(func.timezone(zone, AuditEntry.created_at), Date)
    rows = (
        await ctx.session.execute(
            select(local_day, func.count()).where(AuditEntry.created_at >= since).group_by(local_day)
        )
    ).all()
    by_day = {row[0]: int(row[1]) for row in rows}
    today = dt.datetime.now(zoneinfo.ZoneInfo(zone)).date()
    labels = [today - dt.timedelta(days=offset) for offset in range(days - 1, -1, -1)]
    return {
        "labels": [i18n.format_date(day, "short") for day in labels],
        "values": [by_day.get(day, 0) for day in labels],
        "title": _("Changes per day"),
        # A bar clicks through to that day's audit log (administrators only see the log).
        "links": [f"/admin/audit?since={day}&until={day}" for day in labels]
        if ctx.principal.role is not None and ctx.principal.role.at_least(Role.ADMIN)
        else [],
    }
