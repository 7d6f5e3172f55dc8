"""Admin pages over the kernel: org-unit tree, members and invitations, API keys, audit log, settings."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Template
from sqlalchemy import select

from bizsuite.core.audit import services as audit
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError
from bizsuite.core.identity import services as identity
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.schemas import ApiKeyCreate, InvitationCreate, MemberUpdate
from bizsuite.core.org_units import services as org_units
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.org_units.schemas import OrgUnitCreate, OrgUnitMove, OrgUnitUpdate
from bizsuite.core.tenants import services as tenants
from bizsuite.core.tenants.models import ModuleName, Tenant
from bizsuite.core.tenants.schemas import TenantUpdate
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, decode_form, problem_errors
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import form_dict, query_params, redirect, signed_in
from bizsuite.web.templating import page

KIND_LABELS = {
    "group": N_("Group"),
    "subsidiary": N_("Subsidiary"),
    "department": N_("Department"),
    "store": N_("Store"),
    "region": N_("Region"),
    "project": N_("Project"),
    "venue": N_("Venue"),
}
ROLE_LABELS = {
    "owner": N_("Owner"),
    "admin": N_("Admin"),
    "manager": N_("Manager"),
    "member": N_("Member"),
    "viewer": N_("Viewer"),
}


def _version(data: dict[str, Any]) -> str | None:
    value = data.get("version")
    return str(value) if value else None


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
            lambda cursor: org_units.list_org_units(ctx, limit=200, cursor=cursor, include_archived=True),
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
            ctx, limit=200, cursor=None, parent_id=unit.id, include_archived=True
        )
        history, _more = await audit.list_audit_entries(
            ctx, audit.AuditFilter(target_id=unit.id), limit=50, cursor=None
        )
        return page(
            request, "admin/org_unit.html", unit=unit, parent=parent, children=children, history=history
        )

    @post(opt={"min_role": Role.ADMIN})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add a unit."""
        create, errors = decode_form(data, OrgUnitCreate)
        if create is not None:
            try:
                await org_units.create_org_unit(ctx, create)
                return redirect("/admin/org-units", notice="org_unit.created")
            except ProblemError as problem:
                errors = problem_errors(problem)
        return await self._render(ctx, request, status_code=422, errors=errors, values=data)

    @post("/{org_unit_id:uuid}/edit", opt={"min_role": Role.ADMIN})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], org_unit_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Rename a unit, or move it under another parent."""
        try:
            unit = await org_units.get_org_unit(ctx, org_unit_id)
            update, errors = decode_form(
                {k: v for k, v in data.items() if k in {"name", "code"}}, OrgUnitUpdate
            )
            if update is not None:
                await org_units.update_org_unit(ctx, org_unit_id, update, _version(data))
                move, move_errors = decode_form({"parent_id": data.get("parent_id") or None}, OrgUnitMove)
                if move is None:
                    return await self._render(
                        ctx, request, status_code=422, errors=move_errors, values=data, editing=org_unit_id
                    )
                if move.parent_id != unit.parent_id:
                    await org_units.move_org_unit(ctx, org_unit_id, move, str(unit.version))
                return redirect("/admin/org-units", notice="org_unit.updated")
        except ProblemError as problem:
            if problem.status == 404:
                raise
            errors = problem_errors(problem)
        await ctx.session.rollback()
        return await self._render(
            ctx, request, status_code=422, errors=errors, values=data, editing=org_unit_id
        )

    @post("/{org_unit_id:uuid}/{action:str}", opt={"min_role": Role.ADMIN})
    async def lifecycle(
        self, ctx: Ctx, org_unit_id: FromPath[uuid.UUID], action: FromPath[str], data: Form
    ) -> Response[Any]:
        """Archive or restore a unit."""
        operations = {"archive": org_units.archive_org_unit, "restore": org_units.restore_org_unit}
        if action not in operations:
            raise ProblemError("unknown action")
        try:
            await operations[action](ctx, org_unit_id, _version(data))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            return redirect("/admin/org-units", notice=f"error.{problem.slug}")
        return redirect("/admin/org-units", notice=f"org_unit.{action}d")

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the units as CSV or XLSX."""
        units = await every_page(
            lambda cursor: org_units.list_org_units(ctx, limit=200, cursor=cursor, include_archived=True)
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
        invitations, _next = await identity.list_invitations(ctx, limit=50, cursor=None)
        return page(
            request,
            "admin/members.html",
            status_code=status_code,
            members=members,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            invitations=invitations,
            roles=list(Role),
            modules=list(ModuleName),
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
        values = form_dict(data, lists=("module_grants",))
        update, errors = decode_form(values, MemberUpdate, lists=("module_grants",))
        if update is not None:
            try:
                await identity.update_member(ctx, member_id, update, _version(values))
                return redirect("/admin/members", notice="member.updated")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                errors = problem_errors(problem)
        return await self._render(ctx, request, status_code=422, errors=errors)

    @post("/{member_id:uuid}/remove")
    async def remove(self, ctx: Ctx, member_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Remove someone from the tenant."""
        try:
            await identity.remove_member(ctx, member_id, _version(data))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            return redirect("/admin/members", notice=f"error.{problem.slug}")
        return redirect("/admin/members", notice="member.removed")

    @post("/invitations")
    async def invite(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Invite someone; the link is shown once."""
        values = form_dict(data, lists=("module_grants",))
        invite, errors = decode_form(values, InvitationCreate, lists=("module_grants",))
        if invite is not None:
            try:
                invitation, token = await identity.create_invitation(ctx, invite)
                link = str(request.base_url).rstrip("/") + f"/invitations/accept?token={token}"
                return await self._render(ctx, request, created={"email": invitation.email, "link": link})
            except ProblemError as problem:
                errors = problem_errors(problem)
        return await self._render(ctx, request, status_code=422, errors=errors, values=values)

    @post("/invitations/{invitation_id:uuid}/revoke")
    async def revoke(self, ctx: Ctx, invitation_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Revoke a pending invitation."""
        await identity.revoke_invitation(ctx, invitation_id)
        return redirect("/admin/members", notice="invitation.revoked")

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
        """Create a key and show its secret once."""
        values = form_dict(data, lists=("module_grants",))
        create, errors = decode_form(values, ApiKeyCreate, lists=("module_grants",))
        if create is not None:
            try:
                _key, secret = await identity.create_api_key(ctx, create)
                return await self._render(ctx, request, secret=secret)
            except ProblemError as problem:
                errors = problem_errors(problem)
        return await self._render(ctx, request, status_code=422, errors=errors, values=values)

    @post("/{api_key_id:uuid}/revoke")
    async def revoke(self, ctx: Ctx, api_key_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Revoke a key at once."""
        await identity.revoke_api_key(ctx, api_key_id)
        return redirect("/admin/api-keys", notice="api_key.revoked")

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


AUDIT_FILTERS = ("action", "target_type", "actor", "since", "until", "order", "cursor")


class AuditPages(Controller):
    """The audit log with filters, newest first."""

    path = "/admin/audit"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @staticmethod
    def _filter(request: Request[Any, Any, Any]) -> audit.AuditFilter:
        params = request.query_params

        def day(name: str) -> dt.datetime | None:
            value = params.get(name)
            try:
                return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC) if value else None
            except ValueError:
                return None

        until = day("until")
        return audit.AuditFilter(
            action=params.get("action") or None,
            target_type=params.get("target_type") or None,
            since=day("since"),
            until=until + dt.timedelta(days=1) if until else None,
        )

    @get()
    async def log(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Show a page of entries."""
        flt = self._filter(request)
        oldest_first = request.query_params.get("order") == "asc"
        entries, next_cursor = await audit.list_audit_entries(
            ctx, flt, limit=50, cursor=request.query_params.get("cursor"), descending=not oldest_first
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
            params=query_params(request, *AUDIT_FILTERS),
            actions=actions,
            filters=request.query_params,
        )

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the filtered log as CSV or XLSX."""
        flt = self._filter(request)
        entries = await every_page(
            lambda cursor: audit.list_audit_entries(ctx, flt, limit=200, cursor=cursor)
        )
        rows = [
            (
                e.created_at,
                e.actor_label or e.actor_type,
                e.action,
                e.target_type,
                e.target_id or "",
                e.request_id or "",
                e.ip or "",
            )
            for e in entries
        ]
        headers = [_("Time"), _("Actor"), _("Action"), _("Target"), _("Target id"), _("Request id"), _("IP")]
        return export_response(request.query_params.get("format", "csv"), "audit-log", headers, rows)


class SettingsPages(Controller):
    """The tenant's own settings."""

    path = "/admin/settings"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get()
    async def settings(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Show the settings form."""
        return page(request, "admin/settings.html", errors=FormErrors(), values={})

    @post()
    async def save(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Save name, language, time zone and currency."""
        update, errors = decode_form({k: v for k, v in data.items() if k != "version"}, TenantUpdate)
        if update is not None:
            try:
                tenant = await ctx.session.merge(ctx.tenant)
                assert isinstance(tenant, Tenant)
                await tenants.update_tenant(ctx, tenant, update, _version(data))
                return redirect("/admin/settings", notice="settings.saved")
            except ProblemError as problem:
                errors = problem_errors(problem)
        return page(request, "admin/settings.html", status_code=422, errors=errors, values=data)
