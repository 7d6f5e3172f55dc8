"""What every page handler shares: the UI language, guards, error pages, redirects, form data."""

from __future__ import annotations

import enum
import uuid
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

from litestar import Request, Response
from litestar.connection import ASGIConnection
from litestar.exceptions import HTTPException, NotAuthorizedException
from litestar.handlers.base import BaseRouteHandler
from litestar.response import Redirect, Template

from bizsuite.core.alerts import services as alerts
from bizsuite.core.approvals import services as approvals
from bizsuite.core.context import Context, principal_of
from bizsuite.core.errors import ProblemError
from bizsuite.core.http import session_of
from bizsuite.core.identity import services as identity
from bizsuite.core.identity.models import Role
from bizsuite.web import i18n
from bizsuite.web.templating import page

E = TypeVar("E", bound=enum.Enum)

LANGUAGE_COOKIE = "bizsuite_lang"


async def activate_ui(request: Request[Any, Any, Any]) -> None:
    """Pick the request's language and time zone: the user's, else the tenant's, else the browser's."""
    principal = principal_of(request)
    user, tenant = principal.user, principal.tenant
    locale = i18n.negotiate(
        user.locale if user else None,
        request.cookies.get(LANGUAGE_COOKIE),
        tenant.locale if tenant else None,
        request.headers.get("accept-language"),
    )
    time_zone = (user.time_zone if user and user.time_zone else None) or (
        tenant.time_zone if tenant else "Asia/Shanghai"
    )
    i18n.activate(locale, time_zone)
    if principal.user_id is not None:
        # The shell's tenant switcher lists every tenant the user belongs to.
        request.scope["state"]["tenant_choices"] = await identity.tenant_choices(
            session_of(request.scope), principal.user_id
        )
        if principal.tenant is not None and principal.role is not None:
            # The inbox badge in the top bar: one COUNT on a partial index per page.
            ctx = Context(session=session_of(request.scope), principal=principal)
            request.scope["state"]["unread_count"] = await alerts.unread_count(ctx, principal.user_id)
            # The approvals badge in the navigation: one indexed COUNT per page.
            request.scope["state"]["badges"] = {
                "approvals": await approvals.pending_count(ctx, principal.user_id)
            }


class PageAuthRequired(NotAuthorizedException):
    """Not signed in: pages redirect to the sign-in form."""


async def signed_in(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """Pages inside the shell need a signed-in user with a tenant, the page's minimum role and,
    for a business module's pages (``opt={"module": "crm"}``), the module enabled and granted.

    ``async`` because Litestar runs a synchronous guard in a worker thread; call it only as a
    guard (or ``await`` it)."""
    principal = principal_of(connection)
    if principal.user_id is None or principal.tenant is None or principal.role is None:
        raise PageAuthRequired()
    needed: Role = handler.opt.get("min_role", Role.VIEWER)
    if not principal.role.at_least(needed):
        raise HTTPException(status_code=403, detail="forbidden")
    module = handler.opt.get("module")
    if module and not principal.can_use_module(module):
        raise HTTPException(status_code=403, detail="forbidden")


def redirect(path: str, *, notice: str | None = None) -> Redirect:
    """Redirect after a successful POST (303 so the browser GETs the page)."""
    if notice:
        path += ("&" if "?" in path else "?") + urlencode({"notice": notice})
    return Redirect(path, status_code=303)


def error_page(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Render errors of page routes as pages (sign-in redirect, 403, 404) instead of JSON problems."""
    if isinstance(exc, PageAuthRequired):
        return Redirect(f"/login?next={quote(request.url.path)}", status_code=303)
    status = exc.status if isinstance(exc, ProblemError) else getattr(exc, "status_code", 500)
    if status == 401:
        return Redirect(f"/login?next={quote(request.url.path)}", status_code=303)
    if status not in (403, 404):
        status = 404 if status == 405 else status
    template: Template = page(request, "error.html", status_code=status, status=status)
    return template


def form_list(form: Any, key: str) -> list[str]:
    """All values of a multi-value form field (checkbox groups)."""
    getall = getattr(form, "getall", None)
    if getall is not None:
        return [str(v) for v in getall(key, [])]
    value = form.get(key)
    return [] if value is None else [str(value)] if not isinstance(value, list) else [str(v) for v in value]


def form_dict(form: Any, *, lists: tuple[str, ...] = ()) -> dict[str, Any]:
    """Form data as a plain dict, with the named fields as lists."""
    data: dict[str, Any] = {key: form.get(key) for key in form}
    for key in lists:
        data[key] = form_list(form, key)
    return data


def query_params(request: Request[Any, Any, Any], *names: str) -> dict[str, str]:
    """The page's own non-empty filter parameters (for pagers and export links)."""
    return {name: value for name in names if (value := request.query_params.get(name))}


def enum_or_none(kind: type[E], value: str | None) -> E | None:
    """A filter's enum member, or no filter for an empty or unknown value."""
    try:
        return kind(value) if value else None
    except ValueError:
        return None


def uuid_or_none(value: str | None) -> uuid.UUID | None:
    """A UUID filter, or no filter for an empty or malformed value."""
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None
