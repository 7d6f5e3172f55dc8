"""What every page handler shares: the UI language, guards, error pages, redirects, form data."""

from __future__ import annotations

import enum
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Annotated, Any, TypeVar, get_args, get_origin, get_type_hints
from urllib.parse import quote, urlencode

import msgspec
from litestar import Request, Response
from litestar.connection import ASGIConnection
from litestar.di import Provide
from litestar.exceptions import HTTPException, NotAuthorizedException
from litestar.handlers.base import BaseRouteHandler
from litestar.params import KwargDefinition
from litestar.response import Redirect, Template
from litestar.utils.scope.state import ScopeState

from bizsuite.core.alerts import services as alerts
from bizsuite.core.approvals import services as approvals
from bizsuite.core.context import Context, authorize, principal_of
from bizsuite.core.errors import ProblemError, handle_http, render_html_errors_with
from bizsuite.core.http import session_of, work_of
from bizsuite.core.identity import services as identity
from bizsuite.core.identity.models import Role
from bizsuite.web import i18n
from bizsuite.web.forms import FormErrors, Submission, problem_errors
from bizsuite.web.i18n import gettext as _
from bizsuite.web.templating import page

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")
R = TypeVar("R")

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
            ctx = Context(work=work_of(request.scope), principal=principal)
            request.scope["state"]["unread_count"] = await alerts.unread_count(ctx, principal.user_id)
            # The approvals badge in the navigation: one indexed COUNT per page.
            request.scope["state"]["badges"] = {
                "approvals": await approvals.pending_count(ctx, principal.user_id)
            }


class PageAuthRequired(NotAuthorizedException):
    """Not signed in: pages redirect to the sign-in form."""


async def signed_in(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """Pages inside the shell: a signed-in user with a tenant (else the sign-in form), then the
    API's :func:`authorize` (pages default to the viewer role; their forms declare more).

    ``async`` because Litestar runs a synchronous guard in a worker thread; call it only as a
    guard (or ``await`` it)."""
    principal = principal_of(connection)
    if principal.user_id is None or principal.tenant is None or principal.role is None:
        raise PageAuthRequired()
    authorize(
        principal, handler.opt, Role.VIEWER, write=connection.scope.get("method") not in {"GET", "HEAD"}
    )


def redirect(path: str, *, notice: str | None = None) -> Redirect:
    """Redirect after a successful POST (303 so the browser GETs the page); the notice goes in the
    query, before any ``#fragment`` (after it, the browser would treat it as part of the fragment)."""
    if notice:
        path, hash_, fragment = path.partition("#")
        path += ("&" if "?" in path else "?") + urlencode({"notice": notice}) + hash_ + fragment
    return Redirect(path, status_code=303)


def _parent(path: str) -> str:
    """The page above a form's action URL (``/crm/accounts/<id>/edit`` → ``/crm/accounts/<id>``)."""
    parent = path.rstrip("/").rsplit("/", 1)[0]
    return parent or "/"


def error_page(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Render errors of page routes as pages (sign-in redirect, 403, 404) instead of JSON problems.

    A GET of a form's action URL (a reload or a bookmark after a POST) goes to the page above it.
    """
    if isinstance(exc, PageAuthRequired):
        return Redirect(f"/login?next={quote(request.url.path)}", status_code=303)
    status = exc.status if isinstance(exc, ProblemError) else getattr(exc, "status_code", 500)
    if status == 405 and request.method not in ("GET", "HEAD"):
        status = 404
    headers = dict(getattr(exc, "headers", None) or {})
    return html_error(request, status, headers)


def _activate_for_error(request: Request[Any, Any, Any]) -> None:
    """The error page's language, without the database: the caller's, a cookie's or the browser's."""
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


def html_error(
    request: Request[Any, Any, Any], status: int, headers: Mapping[str, str] | None = None
) -> Response[Any]:
    """The HTML answer to an error of a browser request (``core/errors.py`` decides HTML or
    JSON in :func:`~bizsuite.core.errors.wants_html`): not signed in → the sign-in form; a reload
    of a form's action URL (GET where only POST exists) → the page above it; else the error page
    in the user's language, with the error's status (and headers, e.g. ``Retry-After``)."""
    if status == 401:
        return Redirect(f"/login?next={quote(request.url.path)}", status_code=303)
    if status == 405 and request.method in ("GET", "HEAD"):
        return Redirect(_parent(request.url.path), status_code=303)
    _activate_for_error(request)
    kept = {k: v for k, v in (headers or {}).items() if k.lower() in ("retry-after", "allow")}
    # A page refused for a moment (busy, too many requests) loads itself again when it may.
    retry_after = next((v for k, v in kept.items() if k.lower() == "retry-after"), None)
    reload_after = retry_after if request.method == "GET" and retry_after and retry_after.isdigit() else None
    template: Template = page(
        request, "error.html", status_code=status, status=status, reload_after=reload_after
    )
    if kept:
        template.headers.update(kept)
    return template


render_html_errors_with(html_error)


def page_or_problem(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    """Errors no route handled (an unknown URL, a wrong method): the HTML error page in the
    browser's language for a browser, a problem for the API and other clients (the choice is
    made in one place, ``core/errors.py``'s ``wants_html``)."""
    return handle_http(request, exc)


async def run_form(
    submission: Submission[T],
    service: Callable[[T, str | None], Awaitable[R]],
    *,
    done: Callable[[R], Response[Any]],
    again: Callable[[Submission[T]], Awaitable[Response[Any]]],
    saved: Callable[[], Awaitable[dict[str, Any]]] | None = None,
    back: str | None = None,
) -> Response[Any]:
    """Run a form: call ``service(body, version)`` and answer ``done(result)`` (a redirect).

    Otherwise ``again(submission)`` re-renders the form with the user's typing and every field
    error (status ``submission.status_code``): a missing record raises (the 404 page); a record
    someone else saved first (412) sets ``submission.conflict`` to ``await saved()`` (the saved
    values, so the form shows what changed) and keeps what the user typed. With ``back``, a
    problem that names no field (a 403, a 409 on the record's state) redirects there with the
    problem's toast instead (for forms that are one action of a record page).
    """
    if submission.body is not None:
        try:
            return done(await service(submission.body, submission.version))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            if problem.status == 412:
                submission.conflict = await saved() if saved is not None else {}
                submission.errors = FormErrors(
                    {
                        "__all__": _(
                            "Someone else saved this record while you were editing it. "
                            "Your changes are kept below; check them against the saved values and save again."
                        ),
                        # form_error shows "keep mine (save again)" and "take theirs".
                        "__conflict__": "1",
                    }
                )
            elif back is not None and not problem.errors:
                return redirect(back, notice=f"error.{problem.slug}")
            else:
                submission.errors = problem_errors(problem)
    return await again(submission)


async def run_action(
    service: Callable[[], Awaitable[Any]],
    *,
    back: str,
    notice: str,
    done: str | None = None,
    problems: Mapping[int, str] | None = None,
) -> Redirect:
    """Run a button's action (archive, delete, approve...) and redirect: to ``done`` (default
    ``back``) with ``notice``, or back to ``back`` with the problem's notice (``problems`` by
    status, else ``error.<slug>``). A missing record raises (the 404 page)."""
    try:
        await service()
    except ProblemError as problem:
        if problem.status == 404:
            raise
        return redirect(back, notice=(problems or {}).get(problem.status) or f"error.{problem.slug}")
    return redirect(done or back, notice=notice)


async def savepoint(
    ctx: Context, work: Awaitable[R], *, translate: Callable[[ProblemError], ProblemError] | None = None
) -> R:
    """Run a service call in a savepoint: a refused change leaves nothing behind, so the page
    can still answer (re-render the form, redirect with a toast) in the same transaction.

    ``translate`` turns a module's problem that carries figures or names into one in the user's
    language (the page shows its message next to the field); it returns other problems as given.
    """
    try:
        async with ctx.session.begin_nested():
            return await work
    except ProblemError as problem:
        shown = translate(problem) if translate is not None else problem
        if shown is problem:
            raise
        raise shown from problem


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


def _accepts(hint: Any) -> Callable[[str], str | None]:
    """How a page keeps one query value for a typed parameter: the value (cut to its maximum
    length), or None when the parameter would refuse it."""
    inner, constraints = hint, []
    if get_origin(hint) is Annotated:
        inner, *constraints = get_args(hint)
    limits = [c for c in constraints if isinstance(c, KwargDefinition)]

    def accept(value: str) -> str | None:
        for limit in limits:
            if limit.max_length is not None:
                value = value[: limit.max_length].strip()
            if limit.pattern is not None and not re.search(limit.pattern, value):
                return None
        if not value:
            return None
        try:
            msgspec.convert(value, inner, strict=False)
        except (msgspec.ValidationError, TypeError):
            return None
        return value

    return accept


def lenient_query(
    provider: Callable[..., Any],
    *,
    aliases: Mapping[str, Mapping[str, str]] | None = None,
    renames: Mapping[str, str] | None = None,
    convert: Mapping[str, Callable[[str], str]] | None = None,
) -> Callable[[Request[Any, Any, Any]], Awaitable[None]]:
    """A page's ``before_request`` hook for filters read by the API's typed provider (the same
    ``Provide(provider)`` the API list injects). Use it through :func:`filtered_by`.

    A page's filter form may name or write a parameter its own way: ``renames`` maps the page's
    name to the provider's (``unread`` → ``unread_only``), ``aliases`` a page value to the typed
    one (``{"breached": {"yes": "true"}}``), ``convert`` turns a page value into the parameter's
    (a day picker's ``2024-05-01`` into a timestamp).

    A filter form sends its empty selects, a bookmark may carry a stale id and PostgreSQL text
    holds no NUL: on a page such values mean "no filter" (the API keeps answering 400), so they
    are dropped before the provider's parameters read the query. The query as sent stays in
    ``request.state.query_as_sent`` (for the form, pager and export links). The hook then runs
    :func:`activate_ui`, the page router's own ``before_request`` (which a handler's replaces).
    """
    accepts = {
        name: _accepts(hint)
        for name, hint in get_type_hints(provider, include_extras=True).items()
        if name != "return"
    }
    renamed, converters, values = dict(renames or {}), dict(convert or {}), dict(aliases or {})

    async def hook(request: Request[Any, Any, Any]) -> None:
        sent = request.query_params
        kept: list[tuple[str, str]] = []
        for sent_key, sent_value in sent.multi_items():
            key = renamed.get(sent_key, sent_key)
            text = str(sent_value).replace("\x00", "").strip()
            if key in converters and text:
                text = converters[key](text)
            text = values.get(key, {}).get(text, text)
            accept = accepts.get(key)
            if accept is None:
                kept.append((key, str(sent_value)))
            elif (checked := accept(text)) is not None:
                kept.append((key, checked))
        request.state.query_as_sent = sent
        parsed = tuple(kept)
        ScopeState.from_scope(request.scope).parsed_query = parsed
        request._parsed_query = parsed  # the cache Litestar's parameter extraction reads first
        # A handler's own hook replaces the page router's: run that one too.
        await activate_ui(request)

    return hook


def filtered_by(
    provider: Callable[..., Any],
    *,
    aliases: Mapping[str, Mapping[str, str]] | None = None,
    renames: Mapping[str, str] | None = None,
    convert: Mapping[str, Callable[[str], str]] | None = None,
) -> dict[str, Any]:
    """A list page's route options: its ``filters`` from the API's typed provider, read leniently
    (:func:`lenient_query`). ``@get("/export", **ACCOUNT_PAGE_FILTERS)``."""
    return {
        "dependencies": {"filters": Provide(provider, sync_to_thread=False)},
        "before_request": lenient_query(provider, aliases=aliases, renames=renames, convert=convert),
    }


def query_as_sent(request: Request[Any, Any, Any]) -> Mapping[str, Any]:
    """The page's query string as the browser sent it (before :func:`lenient_query`)."""
    sent: Mapping[str, Any] = getattr(request.state, "query_as_sent", None) or request.query_params
    return sent
