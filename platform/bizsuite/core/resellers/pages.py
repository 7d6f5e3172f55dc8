"""The reseller portal under ``/reseller``: its own sign-in, then the reseller's tenants (usage,
seats, invoices, margin), provisioning from a blueprint, plan moves and suspension, and the plans.

Every page acts through ``resellers/services.py`` (the reseller API's services); a portal session
is a ``reseller`` principal (``core/http.py``), so CSRF and the kernel's refusal of every tenant
page and business route apply to it as to a reseller key.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any
from urllib.parse import quote

from litestar import Controller, Request, Response, get, post
from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie
from litestar.enums import RequestEncodingType
from litestar.exceptions import NotAuthorizedException
from litestar.handlers.base import BaseRouteHandler
from litestar.params import Body, FromPath
from litestar.response import Redirect, Template

from bizsuite.core.billing.pages import INVOICE_STATUS_LABELS, LIMIT_LABELS, PHASE_LABELS
from bizsuite.core.context import Context, PrincipalKind, principal_of
from bizsuite.core.dependencies import Ctx, app_settings
from bizsuite.core.errors import ProblemError, TenantSuspendedProblem, UnauthorizedProblem
from bizsuite.core.identity.api import session_cookie
from bizsuite.core.resellers import services, users
from bizsuite.core.resellers.auth import RESELLER_COOKIE_PATH, RESELLER_SESSION_COOKIE, PortalUser
from bizsuite.core.resellers.models import ResellerUser
from bizsuite.core.resellers.schemas import (
    PortalSetPassword,
    PortalSignIn,
    ProvisionRequest,
    ResellerPlanChange,
)
from bizsuite.core.tenants import provisioning
from bizsuite.core.tenants.models import TenantStatus
from bizsuite.web import i18n
from bizsuite.web.admin import MODULE_LABELS
from bizsuite.web.forms import FormErrors, Submission, decode_form, problem_errors, read_form
from bizsuite.web.i18n import N_, service_messages
from bizsuite.web.i18n import gettext as _
from bizsuite.web.sign_in import SignInForm, SignInRefusal
from bizsuite.web.support import LANGUAGE_COOKIE, error_page, redirect, run_action, run_form, savepoint
from bizsuite.web.templating import expired_form, page

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]

HOME = "/reseller"
LOGIN = "/reseller/login"
PROVISION_FIELDS = ("blueprint", "slug", "name", "plan", "seats", "owner_email")
TENANT_STATUS_LABELS = {"active": N_("Active"), "suspended": N_("Suspended")}
#: Sentences the reseller services answer in ``errors[].message``, shown translated next to the field.
SERVICE_MESSAGES = service_messages(
    N_("no blueprint %(blueprint)s in tenants/"),
    N_("the allowance of %(count)s tenants is used up; ask the operator for more"),
    N_("no plan %(code)s"),
    N_("the plan allows at most %(seats)s seats"),
    N_("the plan %(plan)s allows at most %(seats)s seats"),
    N_("%(used)s seats are in use (members and pending invitations)"),
    N_("the subscription already has %(seats)s seats"),
    N_("the subscription is already on %(plan)s"),
    N_("%(plan)s allows %(seats)s seats; release seats first"),
    N_("this link is unknown, used or expired"),
)


def portal_user(request: Request[Any, Any, Any]) -> PortalUser | None:
    """The signed-in reseller user (set by the authentication middleware)."""
    found = request.scope.get("state", {}).get("reseller_user")
    return found if isinstance(found, PortalUser) else None


async def portal_ui(request: Request[Any, Any, Any]) -> None:
    """The portal's language: the reseller user's, else the language cookie's, else the browser's."""
    user = portal_user(request)
    locale = i18n.negotiate(
        user.locale if user else None,
        request.cookies.get(LANGUAGE_COOKIE),
        request.headers.get("accept-language"),
    )
    i18n.activate(locale, "Asia/Shanghai")


class PortalSignInRequired(NotAuthorizedException):
    """Not signed in to the portal: its pages go to the portal's sign-in form."""


async def portal_signed_in(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """Portal pages: a reseller user's session (a tenant session or a reseller key is not one)."""
    principal = principal_of(connection)
    if principal.kind is not PrincipalKind.RESELLER or principal.session_id is None:
        raise PortalSignInRequired()


def _to_sign_in(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if isinstance(exc, PortalSignInRequired):
        return Redirect(f"{LOGIN}?next={quote(request.url.path)}", status_code=303)
    return error_page(request, exc)


def _safe_next(target: str | None) -> str:
    """Only the portal's own pages: never another site, never a tenant page."""
    if target and (target == HOME or target.startswith(HOME + "/")) and not target.startswith("//"):
        return target
    return HOME


def _session_cookie(request: Request[Any, Any, Any], value: str, *, max_age: int) -> Cookie:
    """The portal's session cookie: the tenant UI's kind, only sent under /reseller."""
    return session_cookie(
        request, value, max_age=max_age, key=RESELLER_SESSION_COOKIE, path=RESELLER_COOKIE_PATH
    )


async def _signed_in_response(
    ctx: Context, request: Request[Any, Any, Any], user: ResellerUser, target: str
) -> Response[Any]:
    ttl = dt.timedelta(minutes=app_settings(request).session_ttl_minutes)
    cookie = await users.open_session(
        ctx.session, user, ttl=ttl, ip=ctx.ip, user_agent=request.headers.get("user-agent")
    )
    response = Redirect(target, status_code=303)
    response.cookies.append(_session_cookie(request, cookie, max_age=int(ttl.total_seconds())))
    return response


def _refused(problem: ProblemError, _sign_in: PortalSignIn) -> SignInRefusal | None:
    """How the portal's sign-in form answers a suspended reseller or wrong credentials."""
    if isinstance(problem, TenantSuspendedProblem):
        message = _("This reseller account is suspended; contact the operator.")
        return SignInRefusal(403, FormErrors({"__all__": message}))
    if isinstance(problem, UnauthorizedProblem):
        return SignInRefusal(422, FormErrors({"__all__": _("Wrong email or password.")}))
    return None


SIGN_IN = SignInForm("resellers/login.html", PortalSignIn)


class ResellerAuthPages(Controller):
    """The portal's sign-in, set-password link, language and sign-out."""

    path = HOME
    include_in_schema = False
    before_request = staticmethod(portal_ui)

    @get("/login", opt={"starts_session": True})
    async def login_form(self, request: Request[Any, Any, Any]) -> Template:
        """The portal's sign-in form."""
        return SIGN_IN.show(request, _safe_next(request.query_params.get("next")))

    @post("/login", opt={"starts_session": True})
    async def login(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Check the password (with the tenant sign-in's lockout) and open a portal session."""
        target = _safe_next(data.get("next"))
        return await SIGN_IN.submit(
            ctx,
            request,
            data,
            target=target,
            verify=users.verify_sign_in,
            refused=_refused,
            signed_in=lambda user: _signed_in_response(ctx, request, user, target),
        )

    @post("/logout")
    async def logout(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """End the portal session."""
        if ctx.principal.kind is PrincipalKind.RESELLER and ctx.principal.session_id:
            await users.close_session(ctx.session, ctx.principal.session_id)
        response = Redirect(f"{LOGIN}?notice=reseller.signed_out", status_code=303)
        response.cookies.append(_session_cookie(request, "", max_age=0))
        return response

    @get("/set-password", opt={"starts_session": True})
    async def set_password_form(self, request: Request[Any, Any, Any]) -> Template:
        """Choose a password with the one-time link the operator's invitation carried."""
        return page(
            request,
            "resellers/set_password.html",
            values={"token": request.query_params.get("token", "")},
            errors=FormErrors(),
        )

    @post("/set-password", opt={"starts_session": True})
    async def set_password(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Set the password, then sign in."""
        values = {"token": str(data.get("token", ""))}
        if (expired := expired_form(request, data)) is not None:
            return page(
                request, "resellers/set_password.html", status_code=403, values=values, errors=expired
            )
        form = read_form(data, PortalSetPassword, ("token", "password"))
        if form.body is not None:
            try:
                user = await users.set_password(ctx.session, form.body.token, form.body.password)
            except ProblemError as problem:
                form.errors = problem_errors(problem)
            else:
                return await _signed_in_response(ctx, request, user, f"{HOME}?notice=reseller.password_set")
        return page(
            request, "resellers/set_password.html", status_code=422, values=values, errors=form.errors
        )

    @post("/language")
    async def language(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Redirect:
        """Switch the portal's language (kept on the reseller user, and in a cookie)."""
        locale = i18n.negotiate(str(data.get("locale", "")))
        user = portal_user(request)
        if user is not None and ctx.principal.kind is PrincipalKind.RESELLER:
            await users.set_locale(ctx.session, user.id, locale)
        response = Redirect(_safe_next(data.get("next")), status_code=303)
        response.cookies.append(
            Cookie(key=LANGUAGE_COOKIE, value=locale, max_age=365 * 86400, samesite="lax", path="/")
        )
        return response


def _tenant_page(tenant_id: uuid.UUID) -> str:
    return f"{HOME}/tenants/{tenant_id}"


class ResellerPortalPages(Controller):
    """The signed-in portal: tenants, provisioning, plan moves, suspension, plans."""

    path = HOME
    include_in_schema = False
    guards = [portal_signed_in]
    before_request = staticmethod(portal_ui)
    exception_handlers = {PortalSignInRequired: _to_sign_in}

    @get()
    async def tenants(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The reseller's tenants: plan, phase, seats, usage against limits, invoices, margin."""
        return page(
            request,
            "resellers/tenants.html",
            tenants=await services.list_own_tenants(ctx),
            **_labels(),
        )

    @get("/plans")
    async def plans(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The plans with retail and wholesale price and the margin per seat."""
        return page(request, "resellers/plans.html", plans=await services.plans_for_resale(ctx), **_labels())

    @get("/tenants/new")
    async def provision_form(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Provision a tenant from a blueprint on a plan, inviting its first owner."""
        return await _provision_page(ctx, request, {"seats": "1", "trial": True}, FormErrors())

    @post("/tenants")
    async def provision(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create the tenant; every refused field is named next to it."""
        settings = app_settings(request)

        async def create(body: ProvisionRequest, _version: str | None) -> uuid.UUID:
            tenant, _created = await savepoint(
                ctx, services.provision(ctx, settings, body, site_url=str(request.base_url))
            )
            return tenant.id

        async def again(form: Submission[ProvisionRequest]) -> Response[Any]:
            return await _provision_page(ctx, request, form.values, form.errors, status_code=form.status_code)

        return await run_form(
            read_form(data, ProvisionRequest, PROVISION_FIELDS, checkboxes=("trial",)),
            create,
            done=lambda tenant_id: redirect(_tenant_page(tenant_id), notice="reseller.provisioned"),
            again=again,
        )

    @get("/tenants/{tenant_id:uuid}")
    async def tenant(
        self, ctx: Ctx, request: Request[Any, Any, Any], tenant_id: FromPath[uuid.UUID]
    ) -> Template:
        """One tenant: its account, usage, seats, invoices; plan move and suspension."""
        described = await services.describe_tenant(ctx, await services.own_tenant(ctx, tenant_id))
        return page(
            request,
            "resellers/tenant.html",
            t=described,
            invoices=await services.own_invoices(ctx, tenant_id),
            plans=await services.plans_for_resale(ctx),
            **_labels(),
        )

    @get("/tenants/{tenant_id:uuid}/plan")
    async def move_preview(
        self, ctx: Ctx, request: Request[Any, Any, Any], tenant_id: FromPath[uuid.UUID]
    ) -> Template:
        """What moving to the chosen plan and seats prorates, before it is confirmed."""
        values = {
            "plan": request.query_params.get("plan", ""),
            "seats": request.query_params.get("seats", ""),
        }
        return await _move_page(ctx, request, tenant_id, values)

    @post("/tenants/{tenant_id:uuid}/plan")
    async def move(
        self, ctx: Ctx, request: Request[Any, Any, Any], tenant_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Move the tenant (prorated by billing); a refusal is shown on the preview."""
        values = {"plan": str(data.get("plan", "")), "seats": str(data.get("seats", ""))}
        change, errors = decode_form(values, ResellerPlanChange)
        if change is None:
            return await _move_page(ctx, request, tenant_id, values, errors=errors)
        try:
            await savepoint(ctx, services.move_own_tenant(ctx, app_settings(request), tenant_id, change))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            return await _move_page(ctx, request, tenant_id, values, errors=problem_errors(problem))
        return redirect(_tenant_page(tenant_id), notice="reseller.moved")

    @get("/tenants/{tenant_id:uuid}/suspend")
    async def confirm_suspend(
        self, ctx: Ctx, request: Request[Any, Any, Any], tenant_id: FromPath[uuid.UUID]
    ) -> Template:
        """The confirmation step of a suspension."""
        return await _confirm_page(ctx, request, tenant_id, "suspend")

    @post("/tenants/{tenant_id:uuid}/suspend")
    async def suspend(self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Suspend the tenant: its users and keys are refused until it is resumed."""
        return await _set_status(ctx, tenant_id, TenantStatus.SUSPENDED, "reseller.suspended")

    @get("/tenants/{tenant_id:uuid}/resume")
    async def confirm_resume(
        self, ctx: Ctx, request: Request[Any, Any, Any], tenant_id: FromPath[uuid.UUID]
    ) -> Template:
        """The confirmation step of a resumption."""
        return await _confirm_page(ctx, request, tenant_id, "resume")

    @post("/tenants/{tenant_id:uuid}/resume")
    async def resume(self, ctx: Ctx, tenant_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Resume a suspended tenant."""
        return await _set_status(ctx, tenant_id, TenantStatus.ACTIVE, "reseller.resumed")


async def _confirm_page(
    ctx: Context, request: Request[Any, Any, Any], tenant_id: uuid.UUID, action: str
) -> Template:
    described = await services.describe_tenant(ctx, await services.own_tenant(ctx, tenant_id))
    return page(request, "resellers/confirm.html", t=described, action=action, **_labels())


async def _set_status(ctx: Context, tenant_id: uuid.UUID, status: TenantStatus, notice: str) -> Response[Any]:
    return await run_action(
        lambda: services.set_own_tenant_status(ctx, tenant_id, status),
        back=_tenant_page(tenant_id),
        notice=notice,
    )


def _labels() -> dict[str, Any]:
    """The labels every portal page shows codes with (the same as the billing page's)."""
    return {
        "phase_labels": PHASE_LABELS,
        "limit_labels": LIMIT_LABELS,
        "invoice_status_labels": INVOICE_STATUS_LABELS,
        "module_labels": MODULE_LABELS,
        "tenant_status_labels": TENANT_STATUS_LABELS,
    }


async def _provision_page(
    ctx: Context,
    request: Request[Any, Any, Any],
    values: dict[str, Any],
    errors: FormErrors,
    *,
    status_code: int = 200,
) -> Template:
    return page(
        request,
        "resellers/provision.html",
        status_code=status_code,
        values=values,
        errors=errors,
        blueprints=provisioning.blueprint_names(),
        plans=await services.plans_for_resale(ctx),
        **_labels(),
    )


async def _move_page(
    ctx: Context,
    request: Request[Any, Any, Any],
    tenant_id: uuid.UUID,
    values: dict[str, str],
    *,
    errors: FormErrors | None = None,
) -> Template:
    described = await services.describe_tenant(ctx, await services.own_tenant(ctx, tenant_id))
    errors = errors if errors is not None else FormErrors()
    figures: list[Any] = []
    change, decode_errors = decode_form(values, ResellerPlanChange)
    if change is None:
        errors = FormErrors({**decode_errors, **errors})
    else:
        try:
            figures = await services.preview_move(ctx, tenant_id, change)
        except ProblemError as problem:
            if problem.status == 404:
                raise
            errors = FormErrors({**problem_errors(problem), **errors})
    plans = await services.plans_for_resale(ctx)
    return page(
        request,
        "resellers/move.html",
        status_code=422 if errors else 200,
        t=described,
        values=values,
        errors=errors,
        figures=figures,
        new_plan=next((p for p in plans if change is not None and p.code == change.plan), None),
        **_labels(),
    )
