"""Admin pages over the kernel: org-unit tree, members and invitations, API keys, audit log, settings."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template
from sqlalchemy import select

from bizsuite.core.audit import services as audit
from bizsuite.core.audit.api import audit_filters
from bizsuite.core.audit.labels import ACTOR_KINDS, action_label, actor_label, subject_label
from bizsuite.core.audit.schemas import AuditFilters
from bizsuite.core.audit.services import actor_names
from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError
from bizsuite.core.identity import lockout
from bizsuite.core.identity import services as identity
from bizsuite.core.identity.labels import ROLE_LABELS
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.schemas import ApiKeyCreate, InvitationCreate, MemberUpdate
from bizsuite.core.org_units import services as org_units
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.org_units.schemas import OrgUnitCreate, OrgUnitFilters, OrgUnitMove, OrgUnitUpdate
from bizsuite.core.tenants import services as tenants
from bizsuite.core.tenants.models import ModuleName, Tenant
from bizsuite.core.tenants.schemas import TenantUpdate
from bizsuite.kit import registry
from bizsuite.web.exports import Column, every_page, export_response, export_source, export_view
from bizsuite.web.forms import FormErrors, Submission, form_version, read_form
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_as_sent,
    query_params,
    redirect,
    run_action,
    run_form,
    signed_in,
)
from bizsuite.web.templating import page

AuditFilterParams = NamedDependency[AuditFilters]
#: The tree shows every unit, archived ones too.
EVERY_UNIT = OrgUnitFilters(include_archived=True)
MEMBER_FIELDS = ("role", "module_grants")
INVITATION_FIELDS = ("email", "role", "module_grants", "expires_in_days")
API_KEY_FIELDS = ("name", "role", "module_grants", "expires_at")
SETTINGS_FIELDS = ("name", "locale", "time_zone", "currency")

#: Every business module's name (``ModuleName``, built or not) → label msgid.
MODULE_LABELS = {
    ModuleName.CRM.value: N_("CRM"),
    ModuleName.CONTRACTS.value: N_("Contracts"),
    ModuleName.FEES.value: N_("Fee billing"),
    ModuleName.BUDGETS.value: N_("Budgets"),
    ModuleName.HR.value: N_("HR"),
    ModuleName.VENUE_AUDIO.value: N_("Venue audio"),
}
KIND_LABELS = {
    "group": N_("Group"),
    "subsidiary": N_("Subsidiary"),
    "department": N_("Department"),
    "store": N_("Store"),
    "region": N_("Region"),
    "project": N_("Project"),
    "venue": N_("Venue"),
}


ORG_UNIT_FIELDS = ("name", "code", "kind", "parent_id")


class OrgUnitPages(Controller):
    """The organisation tree."""

    path = "/admin/org-units"
    include_in_schema = False
    guards = [signed_in]

    async def _render(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
        editing: uuid.UUID | None = None,
    ) -> Template:
        units = await every_page(  # the tree needs every node
            lambda cursor: org_units.list_org_units(ctx, EVERY_UNIT, limit=200, cursor=cursor),
            limit=None,
        )
        children: dict[uuid.UUID | None, list[OrgUnit]] = {}
        for unit in units:
            children.setdefault(unit.parent_id, []).append(unit)
        return page(
            request,
            "admin/org_units.html",
            status_code=status_code,
            children=children,
            units=units,
            kinds=list(OrgUnitKind),
            errors=errors or FormErrors(),
            values=values or {},
            editing=editing,
        )

    def _again(
        self, ctx: Ctx, request: Request[Any, Any, Any], editing: uuid.UUID | None = None
    ) -> Callable[[Submission[Any]], Awaitable[Response[Any]]]:
        async def again(form: Submission[Any]) -> Response[Any]:
            return await self._render(
                ctx,
                request,
                status_code=form.status_code,
                errors=form.errors,
                values=form.values,
                editing=editing,
            )

        return again

    @get()
    async def tree(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Show the tree with a form to add a unit."""
        return await self._render(ctx, request)

    @get("/{org_unit_id:uuid}")
    async def detail(
        self, ctx: Ctx, request: Request[Any, Any, Any], org_unit_id: FromPath[uuid.UUID]
    ) -> Template:
        """One unit: where it sits, its children and its history."""
        unit = await org_units.get_org_unit(ctx, org_unit_id)
        parent = await org_units.get_org_unit(ctx, unit.parent_id) if unit.parent_id else None
        children, _cursor = await org_units.list_org_units(
            ctx, OrgUnitFilters(parent_id=unit.id, include_archived=True), limit=200, cursor=None
        )
        history, _more = await audit.list_audit_entries(
            ctx, AuditFilters(target_id=unit.id), limit=50, cursor=None
        )
        return page(
            request,
            "admin/org_unit.html",
            unit=unit,
            parent=parent,
            children=children,
            history=history,
            **await audit_context(ctx, history),
        )

    @post(opt={"min_role": Role.ADMIN})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add a unit."""
        return await run_form(
            read_form(data, OrgUnitCreate, ORG_UNIT_FIELDS),
            lambda body, _version: org_units.create_org_unit(ctx, body),
            done=lambda _unit: redirect("/admin/org-units", notice="org_unit.created"),
            again=self._again(ctx, request),
        )

    @post("/{org_unit_id:uuid}/edit", opt={"min_role": Role.ADMIN})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], org_unit_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Rename a unit, or move it under another parent."""
        unit = await org_units.get_org_unit(ctx, org_unit_id)
        form = read_form(data, OrgUnitUpdate, ("name", "code"), update=True, required=("name", "code"))
        move = read_form(  # an empty parent (or none sent) is the top level
            {"parent_id": data.get("parent_id") or ""}, OrgUnitMove, ("parent_id",), update=True
        )
        if move.body is None:
            form.body, form.errors = None, FormErrors({**form.errors, **move.errors})
        form.values = {**form.values, "parent_id": data.get("parent_id") or ""}

        async def save(body: OrgUnitUpdate, version: str | None) -> OrgUnit:
            assert move.body is not None
            # One savepoint: a rename is not kept when the move in the same form is refused.
            async with ctx.session.begin_nested():
                await org_units.update_org_unit(ctx, org_unit_id, body, version)
                if move.body.parent_id != unit.parent_id:
                    await org_units.move_org_unit(ctx, org_unit_id, move.body, str(unit.version))
            return unit

        return await run_form(
            form,
            save,
            done=lambda _unit: redirect("/admin/org-units", notice="org_unit.updated"),
            again=self._again(ctx, request, org_unit_id),
        )

    @post("/{org_unit_id:uuid}/{action:str}", opt={"min_role": Role.ADMIN})
    async def lifecycle(
        self, ctx: Ctx, org_unit_id: FromPath[uuid.UUID], action: FromPath[str], data: Form
    ) -> Response[Any]:
        """Archive or restore a unit."""
        operations = {"archive": org_units.archive_org_unit, "restore": org_units.restore_org_unit}
        if action not in operations:
            raise ProblemError("unknown action")
        return await run_action(
            lambda: operations[action](ctx, org_unit_id, form_version(data)),
            back="/admin/org-units",
            notice=f"org_unit.{action}d",
        )

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the units as CSV or XLSX."""
        units = await every_page(
            lambda cursor: org_units.list_org_units(ctx, EVERY_UNIT, limit=200, cursor=cursor)
        )
        codes = {u.id: u.code for u in units}
        rows = [
            (
                u.code,
                u.name,
                _(KIND_LABELS[u.kind.value]),
                codes[u.parent_id] if u.parent_id else "",
                u.archived_at or "",
                u.created_at,
            )
            for u in units
        ]
        headers = [_("Code"), _("Name"), _("Kind"), _("Parent"), _("Archived"), _("Created")]
        return export_response(request.query_params.get("format", "csv"), "org-units", headers, rows)


class MemberPages(Controller):
    """Members, their roles and module grants, and invitations."""

    path = "/admin/members"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    async def _render(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
        created: dict[str, Any] | None = None,
    ) -> Template:
        cursor = request.query_params.get("cursor")
        members, next_cursor = await identity.list_members(ctx, limit=50, cursor=cursor)
        locks = await identity.sign_in_locks(ctx, [user for _, user in members])
        invitations, _next = await identity.list_invitations(ctx, limit=50, cursor=None)
        return page(
            request,
            "admin/members.html",
            status_code=status_code,
            members=members,
            locks=locks,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            invitations=invitations,
            roles=list(Role),
            modules=list(ModuleName),
            module_labels=MODULE_LABELS,
            errors=errors or FormErrors(),
            values=values or {},
            created=created,
            now=dt.datetime.now(dt.UTC),
        )

    @get()
    async def members(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """List members and pending invitations."""
        return await self._render(ctx, request)

    @post("/{member_id:uuid}")
    async def update(
        self, ctx: Ctx, request: Request[Any, Any, Any], member_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Change a member's role and module grants."""

        async def again(form: Submission[MemberUpdate]) -> Response[Any]:
            return await self._render(ctx, request, status_code=form.status_code, errors=form.errors)

        return await run_form(
            read_form(data, MemberUpdate, MEMBER_FIELDS, lists=("module_grants",)),
            lambda body, version: identity.update_member(ctx, member_id, body, version),
            done=lambda _member: redirect("/admin/members", notice="member.updated"),
            again=again,
        )

    @post("/{member_id:uuid}/remove")
    async def remove(self, ctx: Ctx, member_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Remove someone from the tenant."""
        return await run_action(
            lambda: identity.remove_member(ctx, member_id, form_version(data)),
            back="/admin/members",
            notice="member.removed",
        )

    @post("/{member_id:uuid}/unlock")
    async def unlock(
        self, ctx: Ctx, request: Request[Any, Any, Any], member_id: FromPath[uuid.UUID]
    ) -> Response[Any]:
        """End a member's sign-in lock."""
        return await run_action(
            lambda: identity.unlock_member(ctx, member_id, lockout.guard_for(request.app)),
            back="/admin/members",
            notice="member.unlocked",
        )

    @post("/invitations")
    async def invite(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Invite someone: the accept link goes to the invitee by email, never on this page."""

        async def invite(body: InvitationCreate, _version: str | None) -> Response[Any]:
            settings = request.app.state.settings
            await identity.create_invitation(ctx, body, site_url=str(request.base_url), settings=settings)
            return redirect("/admin/members", notice="invitation.sent")

        async def again(form: Submission[InvitationCreate]) -> Response[Any]:
            return await self._render(
                ctx, request, status_code=form.status_code, errors=form.errors, values=form.values
            )

        return await run_form(
            read_form(data, InvitationCreate, INVITATION_FIELDS, lists=("module_grants",)),
            invite,
            done=lambda shown: shown,
            again=again,
        )

    @post("/invitations/{invitation_id:uuid}/revoke")
    async def revoke(self, ctx: Ctx, invitation_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Revoke a pending invitation."""
        return await run_action(
            lambda: identity.revoke_invitation(ctx, invitation_id),
            back="/admin/members",
            notice="invitation.revoked",
        )

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download members as CSV or XLSX."""
        members = await every_page(lambda cursor: identity.list_members(ctx, limit=200, cursor=cursor))
        rows = [
            (u.name, u.email, _(ROLE_LABELS[m.role.value]), list(m.module_grants), m.created_at)
            for m, u in members
        ]
        headers = [_("Name"), _("Email"), _("Role"), _("Modules"), _("Joined")]
        return export_response(request.query_params.get("format", "csv"), "members", headers, rows)


class ApiKeyPages(Controller):
    """API keys for the SDK and scripts."""

    path = "/admin/api-keys"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    async def _render(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
        secret: str | None = None,
    ) -> Template:
        keys, next_cursor = await identity.list_api_keys(
            ctx, limit=50, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "admin/api_keys.html",
            status_code=status_code,
            keys=keys,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            roles=list(Role),
            modules=list(ModuleName),
            module_labels=MODULE_LABELS,
            errors=errors or FormErrors(),
            values=values or {},
            secret=secret,
        )

    @get()
    async def keys(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """List keys."""
        return await self._render(ctx, request)

    @post()
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create a key and show its secret once (so the page is rendered, not redirected to)."""

        async def create(body: ApiKeyCreate, _version: str | None) -> Response[Any]:
            _key, secret = await identity.create_api_key(ctx, body)
            return await self._render(ctx, request, secret=secret)

        async def again(form: Submission[ApiKeyCreate]) -> Response[Any]:
            return await self._render(
                ctx, request, status_code=form.status_code, errors=form.errors, values=form.values
            )

        return await run_form(
            read_form(data, ApiKeyCreate, API_KEY_FIELDS, lists=("module_grants",)),
            create,
            done=lambda shown: shown,
            again=again,
        )

    @post("/{api_key_id:uuid}/revoke")
    async def revoke(self, ctx: Ctx, api_key_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Revoke a key at once."""
        return await run_action(
            lambda: identity.revoke_api_key(ctx, api_key_id),
            back="/admin/api-keys",
            notice="api_key.revoked",
        )

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download keys (never secrets) as CSV or XLSX."""
        keys, _cursor = await identity.list_api_keys(ctx, limit=200, cursor=None)
        rows = [
            (
                k.name,
                k.prefix,
                _(ROLE_LABELS[k.role.value]),
                k.created_at,
                k.last_used_at or "",
                k.revoked_at or "",
            )
            for k in keys
        ]
        headers = [_("Name"), _("Prefix"), _("Role"), _("Created"), _("Last used"), _("Revoked")]
        return export_response(request.query_params.get("format", "csv"), "api-keys", headers, rows)


async def audit_context(ctx: Context, entries: Sequence[audit.AuditEntry]) -> dict[str, Any]:
    """What ``admin/_audit.html`` needs to show ``entries``: who wrote them and their actions' labels."""
    return {
        "actors": await actor_names(ctx, entries),
        "action_labels": {e.action: action_label(e.action) for e in entries},
        "subjects": {e.action: subject_label(e.action) for e in entries},
        "actor_label": actor_label,
        "actor_kinds": ACTOR_KINDS,
    }


#: The audit page's own query parameters (kept in its pager and export links).
AUDIT_PARAMS = ("action", "target_type", "actor_id", "since", "until", "order", "cursor")


def _day_start(value: str) -> str:
    """A day picker's ``2024-05-01`` as the start of that day (UTC); a timestamp stays."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return dt.datetime.combine(day, dt.time(), dt.UTC).isoformat()


def _day_end(value: str) -> str:
    """A day picker's ``2024-05-01`` up to the end of that day: the next day's start (UTC)."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), dt.UTC).isoformat()


#: The page reads the API's typed audit filters; its day pickers send days.
AUDIT_PAGE_FILTERS = filtered_by(audit_filters, convert={"since": _day_start, "until": _day_end})


class AuditPages(Controller):
    """The audit log with filters, newest first."""

    path = "/admin/audit"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get(**AUDIT_PAGE_FILTERS)
    async def log(self, ctx: Ctx, request: Request[Any, Any, Any], filters: AuditFilterParams) -> Template:
        """Show a page of entries."""
        sent = query_as_sent(request)
        entries, next_cursor = await audit.list_audit_entries(
            ctx,
            filters,
            limit=50,
            cursor=request.query_params.get("cursor"),
            descending=sent.get("order") != "asc",
        )
        actions = (
            await ctx.session.scalars(
                select(audit.AuditEntry.action).distinct().order_by(audit.AuditEntry.action)
            )
        ).all()
        return page(
            request,
            "admin/audit.html",
            entries=entries,
            next_cursor=next_cursor,
            params={name: value for name in AUDIT_PARAMS if (value := sent.get(name))},
            actions=sorted(
                ((a, action_label(a)) for a in actions), key=lambda a: (a[1] is None, a[1] or a[0])
            ),
            filters=sent,
            **await audit_context(ctx, entries),
            links={e.id: registry().link_for(e.target_type, e.target_id, ctx.principal) for e in entries},
        )

    @get("/export", **AUDIT_PAGE_FILTERS)
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: AuditFilterParams
    ) -> Response[Any]:
        """Download the filtered log as CSV or XLSX, with the values before and after each change
        (more than 10,000 entries: a page offers to write it in the background, see
        :func:`export_view`)."""
        return await export_view(ctx, request, audit_export, filters)

    @post("/export", status_code=303, **AUDIT_PAGE_FILTERS)
    async def queue_export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: AuditFilterParams
    ) -> Response[Any]:
        """Write the filtered log in the background (the form of the GET's page, with the CSRF
        token: queuing work is never a GET)."""
        return await export_view(ctx, request, audit_export, filters)


def _audit_columns(_filters: AuditFilters | None = None) -> list[Column]:
    return [
        Column("time", _("Time"), "datetime"),
        Column("actor", _("Actor")),
        Column("action", _("Action")),
        Column("target_type", _("Target")),
        Column("target_id", _("Target id")),
        Column("request_id", _("Request id")),
        Column("ip", _("IP")),
        Column("before", _("Before")),
        Column("after", _("After")),
    ]


@export_source(
    "audit-log", module=__name__, filters=AuditFilters, columns=_audit_columns, sheet=lambda: _("Audit log")
)
async def audit_export(ctx: Context, flt: AuditFilters) -> AsyncIterator[list[tuple[Any, ...]]]:
    """The filtered log, newest first, 500 entries at a time."""
    cursor: str | None = None
    while True:
        entries, cursor = await audit.list_audit_entries(ctx, flt, limit=500, cursor=cursor)
        actors = await actor_names(ctx, entries)
        yield [audit.export_row(e, actors.get(e.id)) for e in entries]
        if cursor is None:
            return


class SettingsPages(Controller):
    """The tenant's own settings."""

    path = "/admin/settings"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get()
    async def settings(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Show the settings form."""
        return page(
            request, "admin/settings.html", errors=FormErrors(), values={}, module_labels=MODULE_LABELS
        )

    @post()
    async def save(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Save name, language, time zone and currency."""

        async def save(body: TenantUpdate, version: str | None) -> Tenant:
            tenant = await ctx.session.merge(ctx.tenant)
            assert isinstance(tenant, Tenant)
            return await tenants.update_tenant(ctx, tenant, body, version)

        async def again(form: Submission[TenantUpdate]) -> Response[Any]:
            return page(
                request,
                "admin/settings.html",
                status_code=form.status_code,
                errors=form.errors,
                values=data,
                module_labels=MODULE_LABELS,
            )

        return await run_form(
            # A forged ``modules`` field is passed on, so the service refuses it (the plan's, not the tenant's).
            read_form(
                data,
                TenantUpdate,
                (*SETTINGS_FIELDS, *(("modules",) if "modules" in data else ())),
                lists=("modules",),
            ),
            save,
            done=lambda _tenant: redirect("/admin/settings", notice="settings.saved"),
            again=again,
        )
