"""Jinja2 set-up and the one helper every page uses to render with the shell's context."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment
from litestar import Request
from litestar.datastructures import Cookie
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig

from bizsuite.core.context import Principal, principal_of
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.security import new_token, same
from bizsuite.web import i18n
from bizsuite.web.i18n import N_

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True, slots=True)
class NavItem:
    """A link in the shell's navigation."""

    label: str
    href: str
    min_role: Role = Role.VIEWER
    module: str | None = None
    #: A count shown next to the entry, from the page's ``badges`` (e.g. approvals waiting for me).
    badge: str | None = None
    #: The side bar's group the entry belongs to.
    section: str = N_("Work")


#: The shell's navigation; business modules append their entries when they exist.
NAVIGATION: list[NavItem] = [
    NavItem(N_("Home"), "/"),
    NavItem(N_("Inbox"), "/inbox"),
    NavItem(N_("Approvals"), "/approvals", badge="approvals"),
    NavItem(N_("Files"), "/files"),
    NavItem(N_("Org units"), "/admin/org-units", Role.VIEWER, section=N_("Organisation")),
    NavItem(N_("Members"), "/admin/members", Role.ADMIN, section=N_("Organisation")),
    NavItem(N_("Approval flows"), "/admin/approval-flows", Role.ADMIN, section=N_("Organisation")),
    NavItem(N_("Approvers"), "/admin/approver-assignments", Role.ADMIN, section=N_("Organisation")),
    NavItem(N_("API keys"), "/admin/api-keys", Role.ADMIN, section=N_("Administration")),
    NavItem(N_("Audit log"), "/admin/audit", Role.ADMIN, section=N_("Administration")),
    NavItem(N_("Settings"), "/admin/settings", Role.ADMIN, section=N_("Administration")),
    NavItem(N_("Background jobs"), "/admin/jobs", Role.ADMIN, section=N_("Administration")),
    NavItem(N_("Webhooks"), "/admin/webhooks", Role.ADMIN, section=N_("Administration")),
    NavItem(N_("Outgoing messages"), "/admin/messages", Role.ADMIN, section=N_("Administration")),
]


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
        for item in NAVIGATION
        if principal.role.at_least(item.min_role)
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


#: Messages shown as a toast after a redirect (``?notice=<code>``).
NOTICES = {
    "org_unit.created": N_("Org unit created."),
    "org_unit.updated": N_("Org unit saved."),
    "org_unit.archived": N_("Org unit archived."),
    "org_unit.restored": N_("Org unit restored."),
    "member.updated": N_("Member saved."),
    "member.removed": N_("Member removed."),
    "invitation.revoked": N_("Invitation revoked."),
    "invitation.accepted": N_("Welcome! You have joined the tenant."),
    "api_key.revoked": N_("API key revoked."),
    "settings.saved": N_("Settings saved."),
    "preferences.saved": N_("Preferences saved."),
    "password.changed": N_("Password changed. Sign in with the new password."),
    "totp.enabled": N_("Two-step sign-in is on."),
    "totp.disabled": N_("Two-step sign-in is off."),
    "alert.read": N_("Marked as read."),
    "alert.read_all": N_("All alerts marked as read."),
    "notification_preferences.saved": N_("Notification preferences saved."),
    "job.retried": N_("The job is queued for another attempt."),
    "job_schedule.created": N_("Schedule created."),
    "job_schedule.paused": N_("Schedule paused."),
    "job_schedule.resumed": N_("Schedule resumed."),
    "job_schedule.deleted": N_("Schedule deleted."),
    "webhook.updated": N_("Endpoint saved."),
    "webhook.enabled": N_("Endpoint enabled."),
    "webhook.disabled": N_("Endpoint disabled: it receives nothing until enabled."),
    "webhook.deleted": N_("Endpoint deleted."),
    "webhook.test_sent": N_("Test event queued; it appears in the delivery log."),
    "webhook.redelivered": N_("Redelivery queued."),
    "error.endpoint-disabled": N_("The endpoint is disabled; enable it first."),
    "approval.submitted": N_("Submitted for approval."),
    "approval.approved": N_("Approved."),
    "approval.rejected": N_("Rejected: the document is back with its author."),
    "approval.delegated": N_("Handed over."),
    "approval.withdrawn": N_("Withdrawn."),
    "approval.resubmitted": N_("Re-submitted for a new round of approval."),
    "approval_flow.activated": N_("Flow activated."),
    "approval_flow.deactivated": N_("Flow deactivated."),
    "approver_assignment.created": N_("Approver added."),
    "approver_assignment.deleted": N_("Approver removed."),
    "file.uploaded": N_("File uploaded."),
    "file.renamed": N_("File renamed."),
    "file.deleted": N_("File deleted."),
    "error.conflict": N_("That is not possible in the current state."),
    "error.forbidden": N_("You are not allowed to do that."),
    "error.precondition-failed": N_("Someone else changed this record; reload and try again."),
}


def _urlencode_without(params: dict[str, str], key: str) -> str:
    return urlencode({k: v for k, v in params.items() if k != key and v})


def _urlencode_with_cursor(params: dict[str, str], cursor: str) -> str:
    return urlencode({**{k: v for k, v in params.items() if k != "cursor" and v}, "cursor": cursor})


def _configure(env: Environment) -> None:
    env.add_extension("jinja2.ext.i18n")
    env.add_extension("jinja2.ext.do")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda message: i18n.gettext(message), lambda s, p, n: i18n.ngettext(s, p, n), newstyle=True
    )
    env.filters["datetime"] = i18n.format_datetime
    env.filters["date"] = i18n.format_date
    env.filters["number"] = i18n.format_number
    env.filters["money"] = i18n.format_money
    env.globals["language_name"] = i18n.language_name
    env.globals["SUPPORTED_LOCALES"] = i18n.SUPPORTED
    env.globals["Role"] = Role
    env.filters["dict_without"] = _urlencode_without
    env.filters["with_cursor"] = _urlencode_with_cursor


#: Template folders of the installed business modules (each holds ``<module>/...`` templates).
MODULE_TEMPLATES: list[Path] = []


def register_module_ui(navigation: list[NavItem], templates: Path | None) -> None:
    """Add a business module's navigation entries and template folder (once)."""
    # Module sections go between the shared work entries and the organisation/administration ones.
    at = next((i for i, e in enumerate(NAVIGATION) if e.section == N_("Organisation")), len(NAVIGATION))
    for item in navigation:
        if item not in NAVIGATION:
            NAVIGATION.insert(at, item)
            at += 1
    if templates is not None and templates not in MODULE_TEMPLATES:
        MODULE_TEMPLATES.append(templates)


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    """Template engine configuration for the app."""
    return TemplateConfig(
        directory=[TEMPLATES, *MODULE_TEMPLATES],
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
            "notices": {code: i18n.gettext(message) for code, message in NOTICES.items()},
            "current_path": request.url.path,
            **context,
        },
        media_type="text/html",
    )
