"""Jinja2 set-up and the one helper every page uses to render with the shell's context."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, pass_context
from litestar import Request
from litestar.datastructures import Cookie
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig

from bizsuite.core.billing.entitlements import phase as billing_phase
from bizsuite.core.context import Principal, principal_of
from bizsuite.core.headers import csp_nonce
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.security import new_token, same
from bizsuite.kit import NavItem, registry
from bizsuite.web import forms, i18n
from bizsuite.web.i18n import gettext as _

TEMPLATES = Path(__file__).parent / "templates"


def in_sections(items: list[NavItem]) -> list[tuple[str, list[NavItem]]]:
    """Group navigation entries by section, keeping their order."""
    sections: dict[str, list[NavItem]] = {}
    for item in items:
        sections.setdefault(item.section, []).append(item)
    return list(sections.items())


def visible_navigation(principal: Principal) -> list[NavItem]:
    """The entries this caller may use: their role is high enough and the module is theirs."""
    if principal.role is None:
        return []
    return [
        item
        for item in registry().sorted_navigation
        if principal.role.at_least(item.min_role or Role.VIEWER)
        and (item.module is None or principal.can_use_module(item.module))
    ]


def current_entry(items: list[NavItem], path: str) -> str | None:
    """The entry a page belongs to: the longest link that is the path or a folder above it."""
    matches = [i.href for i in items if path == i.href or (i.href != "/" and path.startswith(i.href + "/"))]
    return max(matches, key=len, default=None)


FORM_COOKIE = "bizsuite_form"


def form_token_matches(request: Request[Any, Any, Any], data: dict[str, Any]) -> bool:
    """Whether a sign-in form came from our own page (its token equals the browser's cookie)."""
    cookie = request.cookies.get(FORM_COOKIE, "")
    return bool(cookie) and same(str(data.get("form_token", "")), cookie)


def expired_form(request: Request[Any, Any, Any], data: dict[str, Any]) -> forms.FormErrors | None:
    """The error to show (with 403) when a form of a signed-out page did not come from our own
    page (:func:`form_token_matches`), else ``None``."""
    if form_token_matches(request, data):
        return None
    return forms.FormErrors({"__all__": _("The form expired; please try again.")})


def _urlencode_without(params: dict[str, str], key: str) -> str:
    return urlencode({k: v for k, v in params.items() if k != key and v})


def _urlencode_with_cursor(params: dict[str, str], cursor: str) -> str:
    return urlencode({**{k: v for k, v in params.items() if k != "cursor" and v}, "cursor": cursor})


def _configure(env: Environment) -> None:
    env.add_extension("jinja2.ext.i18n")
    env.add_extension("jinja2.ext.do")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda message: i18n.gettext(message),
        lambda s, p, n: i18n.ngettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, message: i18n.pgettext(c, message),
    )
    env.filters["datetime"] = i18n.format_datetime
    env.filters["date"] = i18n.format_date
    env.filters["number"] = i18n.format_number
    env.filters["money"] = i18n.format_money
    env.globals["language_name"] = i18n.language_name
    env.globals["SUPPORTED_LOCALES"] = i18n.SUPPORTED
    env.globals["Role"] = Role
    env.globals["csp_nonce"] = _csp_nonce
    env.globals["billing_phase"] = billing_phase
    env.globals.update(forms.TEMPLATE_GLOBALS)
    env.filters.update(forms.TEMPLATE_FILTERS)
    env.filters["dict_without"] = _urlencode_without
    env.filters["with_cursor"] = _urlencode_with_cursor


@pass_context
def _csp_nonce(context: Any) -> str:
    """The request's Content-Security-Policy nonce, for inline scripts (``core/headers.py``)."""
    request = context.get("request")
    return csp_nonce(request.scope) if request is not None else ""


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    """Template engine configuration for the app."""
    return TemplateConfig(
        directory=list(registry().template_dirs),
        engine=JinjaTemplateEngine,
        engine_callback=lambda e: _configure(e.engine),
    )


def page(
    request: Request[Any, Any, Any], template: str, *, status_code: int = 200, **context: Any
) -> Template:
    """Render a page inside the shell with the caller, navigation, language and CSRF token."""
    principal = principal_of(request)
    state = request.scope.get("state", {})
    notice = request.query_params.get("notice")
    # Before sign-in there is no session token: forms carry a double-submit token instead (login CSRF).
    form_token = request.cookies.get(FORM_COOKIE, "")
    cookies = []
    if principal.user_id is None and not form_token:
        form_token = new_token(24)
        cookies.append(Cookie(key=FORM_COOKIE, value=form_token, httponly=True, samesite="strict", path="/"))
    navigation = visible_navigation(principal)
    return Template(
        cookies=cookies,
        template_name=template,
        status_code=status_code,
        context={
            "request": request,
            "principal": principal,
            "tenant": principal.tenant,
            "user": principal.user,
            "navigation": navigation,
            "navigation_sections": in_sections(navigation),
            "current_href": current_entry(navigation, request.url.path),
            "csrf_token": state.get("csrf_token", ""),
            "form_token": form_token,
            "sessions_tenants": state.get("tenant_choices", []),
            "unread_count": state.get("unread_count", 0),
            "badges": state.get("badges", {}),
            "locale": i18n.current_locale(),
            "time_zone": i18n.current_time_zone(),
            "notice": notice,
            "notices": {code: i18n.gettext(message) for code, message in registry().notices.items()},
            "current_path": request.url.path,
            **context,
        },
        media_type="text/html",
    )
