"""CRM accounts: web pages and their navigation entries.

Accounts list (filters, search, export), new account, the account page (header, contacts,
activities, timeline, and lazy panels of the revenue, pipeline and tickets areas), and zones.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.exceptions import HTTPException
from litestar.params import FromPath
from litestar.response import Template
from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem, ProblemError
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.services import user_names
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.crm.accounts import services
from bizsuite.modules.crm.accounts.schemas import (
    AccountCreate,
    AccountUpdate,
    ActivityCreate,
    ContactCreate,
    ContactUpdate,
    ZoneCreate,
    ZoneUpdate,
)
from bizsuite.modules.crm.models import Account, AccountKind, AccountStatus, ActivityKind, Tier
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, decode_form, problem_errors
from bizsuite.web.i18n import N_, current_time_zone
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import enum_or_none, query_params, redirect, signed_in, uuid_or_none
from bizsuite.web.templating import NOTICES, NavItem, page

PAGE_SIZE = 50
TIMELINE_SIZE = 20
KIND_LABELS = {
    AccountKind.END_CUSTOMER.value: N_("End customer"),
    AccountKind.DISTRIBUTOR.value: N_("Distributor"),
    AccountKind.PARTNER.value: N_("Partner"),
}
STATUS_LABELS = {AccountStatus.ACTIVE.value: N_("Active"), AccountStatus.ARCHIVED.value: N_("Archived")}
ACTIVITY_LABELS = {
    ActivityKind.CALL.value: N_("Call"),
    ActivityKind.VISIT.value: N_("Visit"),
    ActivityKind.NOTE.value: N_("Note"),
}
TIMELINE_LABELS = {
    "activity": N_("Activity"),
    "opportunity_created": N_("Opportunity opened"),
    "opportunity_won": N_("Opportunity won"),
    "opportunity_lost": N_("Opportunity lost"),
}
#: Field messages of the accounts services, translated when a form shows them.
SERVICE_MESSAGES = (
    N_("not a member of this tenant"),
    N_("no such record"),
    N_("the contact belongs to another account"),
    N_("an account with this code already exists"),
    N_("a zone with this code already exists"),
    N_("must be within 10 years of today"),
    N_("must include a time zone offset"),
)
ACCOUNT_FIELDS = (
    "code",
    "name",
    "kind",
    "org_unit_id",
    "owner_user_id",
    "zone_id",
    "industry",
    "phone",
    "email",
    "address",
    "notes",
)
CONTACT_FIELDS = ("name", "title", "phone", "email", "notes")

NOTICES.update(
    {
        "crm_account.created": N_("Account created."),
        "crm_account.updated": N_("Account saved."),
        "crm_account.archived": N_("Account archived."),
        "crm_account.restored": N_("Account restored."),
        "crm_account.deleted": N_("Account deleted."),
        "crm_contact.created": N_("Contact added."),
        "crm_contact.updated": N_("Contact saved."),
        "crm_contact.deleted": N_("Contact deleted."),
        "crm_activity.created": N_("Activity recorded."),
        "crm_activity.deleted": N_("Activity deleted."),
        "crm_zone.created": N_("Zone created."),
        "crm_zone.updated": N_("Zone saved."),
        "crm_zone.deleted": N_("Zone deleted."),
        "error.crm-account-in-use": N_(
            "The account still has contacts, activities or deals: archive it instead."
        ),
        "error.crm-zone-in-use": N_("Accounts are still in this zone: move them first."),
    }
)


def _version(data: dict[str, Any]) -> str | None:
    return str(data.get("version", "")) or None


def _clean(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: data.get(name) for name in names if data.get(name) not in (None, "")}


def _update_values(data: dict[str, Any], names: tuple[str, ...], required: tuple[str, ...]) -> dict[str, Any]:
    """Form fields for a PATCH-like update: an emptied optional field clears the value."""
    values: dict[str, Any] = {}
    for name in names:
        value = data.get(name)
        if value is None:
            continue
        text = str(value).strip()
        if text == "" and name not in required:
            values[name] = None
        else:
            values[name] = text
    return values


def _decode_update(values: dict[str, Any], schema: type[Any]) -> tuple[Any, FormErrors]:
    try:
        return msgspec.convert(values, schema, strict=False), FormErrors()
    except msgspec.ValidationError:
        # Same messages as the create form: decode without the explicit nulls for the errors.
        _decoded, errors = decode_form({k: v for k, v in values.items() if v is not None}, schema)
        return None, errors or FormErrors({"__all__": _("The format is not valid.")})


async def _choices(ctx: Context) -> dict[str, Any]:
    zones = await every_page(lambda cursor: services.list_zones(ctx, limit=200, cursor=cursor), limit=1000)
    units = await ctx.session.execute(
        select(OrgUnit.id, OrgUnit.name, OrgUnit.code)
        .where(OrgUnit.archived_at.is_(None))
        .order_by(OrgUnit.code)
    )
    return {
        "zone_choices": [(z.id, f"{z.name} · {z.code}") for z in zones],
        "unit_choices": [(u.id, f"{u.name} · {u.code}") for u in units],
        "member_choices": await services.member_choices(ctx),
        "kinds": KIND_LABELS,
    }


def _local_time(value: str | None) -> dt.datetime | None:
    """A ``datetime-local`` input, read in the user's time zone."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=ZoneInfo(current_time_zone()))


def _on_account(account_id: uuid.UUID, row: Any, what: str) -> None:
    """A contact or activity addressed under an account's URL must be that account's (404 otherwise)."""
    if row.account_id != account_id:
        raise NotFoundProblem(f"No {what} {row.id} on account {account_id}.")


class AccountPages(Controller):
    """Accounts: the list, a new account, the account page and its contacts and activities."""

    path = "/crm/accounts"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.VIEWER}

    def _filters(self, request: Request[Any, Any, Any]) -> dict[str, Any]:
        params = request.query_params
        status_param = params.get("status")
        return {
            "kind": enum_or_none(AccountKind, params.get("kind")),
            # The list shows active accounts unless asked otherwise ("all" shows both).
            "status": AccountStatus.ACTIVE
            if status_param is None
            else enum_or_none(AccountStatus, status_param),
            "tier": enum_or_none(Tier, params.get("tier")),
            "owner_user_id": uuid_or_none(params.get("owner_user_id")),
            "zone_id": uuid_or_none(params.get("zone_id")),
            # PostgreSQL text cannot hold NUL: such a search simply finds nothing else.
            "q": (params.get("q") or "").replace("\x00", "").strip()[:200] or None,
        }

    @get()
    async def accounts(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The accounts list with filters, prefix search and export."""
        filters = self._filters(request)
        items, next_cursor = await services.list_accounts(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor"), **filters
        )
        names = await user_names(ctx, [a.owner_user_id for a in items])
        zones = await services.zone_names(ctx, {a.zone_id for a in items})
        params = query_params(request, "kind", "status", "tier", "owner_user_id", "zone_id", "q", "cursor")
        return page(
            request,
            "crm/accounts/list.html",
            accounts=items,
            owners=names,
            zones=zones,
            next_cursor=next_cursor,
            params=params,
            filters=request.query_params,
            statuses=STATUS_LABELS,
            currency=ctx.tenant.currency,
            **await _choices(ctx),
        )

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the (filtered) accounts as CSV or XLSX."""
        filters = self._filters(request)
        items = await every_page(
            lambda cursor: services.list_accounts(ctx, limit=200, cursor=cursor, **filters)
        )
        names = await user_names(ctx, [a.owner_user_id for a in items])
        zones = await services.zone_names(ctx, {a.zone_id for a in items})
        rows = [
            (
                a.code,
                a.name,
                _(KIND_LABELS[a.kind.value]),
                _(STATUS_LABELS[a.status.value]),
                a.tier.value if a.tier else "",
                a.trailing_revenue,
                names.get(a.owner_user_id, "") if a.owner_user_id else "",
                zones.get(a.zone_id, "") if a.zone_id else "",
                a.industry or "",
                a.phone or "",
                a.created_at,
            )
            for a in items
        ]
        headers = [
            _("Code"),
            _("Name"),
            _("Kind"),
            _("Status"),
            _("Tier"),
            _("Trailing 12-month revenue"),
            _("Account owner"),
            _("Zone"),
            _("Industry"),
            _("Phone"),
            _("Created"),
        ]
        return export_response(request.query_params.get("format", "csv"), "crm-accounts", headers, rows)

    async def _new_form(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
    ) -> Template:
        return page(
            request,
            "crm/accounts/new.html",
            status_code=status_code,
            errors=errors or FormErrors(),
            values=values or {"kind": AccountKind.END_CUSTOMER.value},
            **await _choices(ctx),
        )

    @get("/new", opt={"min_role": Role.MEMBER})
    async def new(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The new-account form."""
        return await self._new_form(ctx, request)

    @post(opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create an account and open its page."""
        values = _clean(data, ACCOUNT_FIELDS)
        create, errors = decode_form(values, AccountCreate)
        if create is not None:
            try:
                account = await services.create_account(ctx, create)
                return redirect(f"/crm/accounts/{account.id}", notice="crm_account.created")
            except ProblemError as problem:
                errors = problem_errors(problem)
        return await self._new_form(ctx, request, status_code=422, errors=errors, values=values)

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        account: Account,
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        form: str | None = None,
        values: dict[str, Any] | None = None,
    ) -> Template:
        contacts, _next = await services.list_contacts(ctx, account.id, limit=200, cursor=None)
        timeline, timeline_next = await services.account_timeline(
            ctx, account.id, limit=TIMELINE_SIZE, cursor=request.query_params.get("timeline_cursor")
        )
        people = await user_names(ctx, [account.owner_user_id])
        zone = await services.zone_names(ctx, {account.zone_id})
        unit = (
            await ctx.session.scalar(select(OrgUnit.name).where(OrgUnit.id == account.org_unit_id))
            if account.org_unit_id
            else None
        )
        now_local = dt.datetime.now(ZoneInfo(current_time_zone())).strftime("%Y-%m-%dT%H:%M")
        return page(
            request,
            "crm/accounts/detail.html",
            status_code=status_code,
            account=account,
            owner_name=people.get(account.owner_user_id) if account.owner_user_id else None,
            zone_name=zone.get(account.zone_id) if account.zone_id else None,
            unit_name=unit,
            contacts=contacts,
            timeline=timeline,
            timeline_next=timeline_next,
            timeline_labels=TIMELINE_LABELS,
            activity_kinds=ACTIVITY_LABELS,
            statuses=STATUS_LABELS,
            currency=ctx.tenant.currency,
            errors=errors or FormErrors(),
            form=form,
            values=values or {},
            now_local=now_local,
            **await _choices(ctx),
        )

    @get("/{account_id:uuid}")
    async def account(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID]
    ) -> Template:
        """The account page: header, contacts, quick activity, timeline and the other areas' panels."""
        return await self._detail(ctx, request, await services.get_account(ctx, account_id))

    @post("/{account_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the account's details."""
        values = _update_values(data, ACCOUNT_FIELDS, ("code", "name", "kind"))
        update, errors = _decode_update(values, AccountUpdate)
        if update is not None:
            try:
                await services.update_account(ctx, account_id, update, _version(data))
                return redirect(f"/crm/accounts/{account_id}", notice="crm_account.updated")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                if problem.status == 412:
                    return redirect(f"/crm/accounts/{account_id}", notice="error.precondition-failed")
                errors = problem_errors(problem)
        account = await services.get_account(ctx, account_id)
        return await self._detail(
            ctx, request, account, status_code=422, errors=errors, form="edit", values=values
        )

    @post("/{account_id:uuid}/{action:str}", opt={"min_role": Role.MEMBER})
    async def lifecycle(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], action: FromPath[str], data: Form
    ) -> Response[Any]:
        """Archive, restore or delete the account."""
        target = f"/crm/accounts/{account_id}"
        try:
            if action == "archive":
                await services.set_account_status(ctx, account_id, AccountStatus.ARCHIVED, _version(data))
            elif action == "restore":
                await services.set_account_status(ctx, account_id, AccountStatus.ACTIVE, _version(data))
            elif action == "delete":
                if ctx.principal.role is None or not ctx.principal.role.at_least(Role.MANAGER):
                    return redirect(target, notice="error.forbidden")
                await services.delete_account(ctx, account_id, _version(data))
                return redirect("/crm/accounts", notice="crm_account.deleted")
            else:
                raise HTTPException(status_code=404, detail="no such action")
        except ProblemError as problem:
            if problem.status == 404:
                raise
            notice = "error.crm-account-in-use" if action == "delete" and problem.status == 409 else None
            return redirect(target, notice=notice or f"error.{problem.slug}")
        return redirect(target, notice=f"crm_account.{action}d")

    @post("/{account_id:uuid}/contacts", opt={"min_role": Role.MEMBER})
    async def add_contact(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Add a contact to the account."""
        values = _clean(data, CONTACT_FIELDS)
        values["is_primary"] = data.get("is_primary") == "on"
        create, errors = decode_form(values, ContactCreate)
        if create is not None:
            try:
                await services.create_contact(ctx, account_id, create)
                return redirect(f"/crm/accounts/{account_id}#contacts", notice="crm_contact.created")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                errors = problem_errors(problem)
        account = await services.get_account(ctx, account_id)
        return await self._detail(
            ctx, request, account, status_code=422, errors=errors, form="contact", values=values
        )

    @post("/{account_id:uuid}/contacts/{contact_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit_contact(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        account_id: FromPath[uuid.UUID],
        contact_id: FromPath[uuid.UUID],
        data: Form,
    ) -> Response[Any]:
        """Save a contact (or make it the primary contact)."""
        _on_account(account_id, await services.get_contact(ctx, contact_id), "contact")
        values = _update_values(data, CONTACT_FIELDS, ("name",))
        values["is_primary"] = data.get("is_primary") == "on"
        update, errors = _decode_update(values, ContactUpdate)
        if update is not None:
            try:
                await services.update_contact(ctx, contact_id, update, _version(data))
                return redirect(f"/crm/accounts/{account_id}#contacts", notice="crm_contact.updated")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                if problem.status == 412:
                    return redirect(f"/crm/accounts/{account_id}", notice="error.precondition-failed")
                errors = problem_errors(problem)
        account = await services.get_account(ctx, account_id)
        return await self._detail(
            ctx, request, account, status_code=422, errors=errors, form=f"contact-{contact_id}", values=values
        )

    @post("/{account_id:uuid}/contacts/{contact_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete_contact(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], contact_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Delete a contact (its activities stay)."""
        _on_account(account_id, await services.get_contact(ctx, contact_id), "contact")
        try:
            await services.delete_contact(ctx, contact_id, _version(data))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            return redirect(f"/crm/accounts/{account_id}", notice=f"error.{problem.slug}")
        return redirect(f"/crm/accounts/{account_id}#contacts", notice="crm_contact.deleted")

    @post("/{account_id:uuid}/activities", opt={"min_role": Role.MEMBER})
    async def add_activity(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Record a call, visit or note from the quick form."""
        values = _clean(data, ("kind", "subject", "body", "contact_id"))
        when = str(data.get("occurred_at") or "")
        occurred_at = _local_time(when)
        create, errors = decode_form(values, ActivityCreate)
        if when and occurred_at is None:
            create, errors = None, FormErrors({"occurred_at": _("The format is not valid.")})
        if create is not None:
            try:
                create.occurred_at = occurred_at
                await services.create_activity(ctx, account_id, create)
                return redirect(f"/crm/accounts/{account_id}#timeline", notice="crm_activity.created")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                errors = problem_errors(problem)
        account = await services.get_account(ctx, account_id)
        return await self._detail(
            ctx,
            request,
            account,
            status_code=422,
            errors=errors,
            form="activity",
            values={**values, "occurred_at": when},
        )

    @post("/{account_id:uuid}/activities/{activity_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete_activity(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], activity_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Delete an activity (its author or a manager)."""
        _on_account(account_id, await services.get_activity(ctx, activity_id), "activity")
        try:
            await services.delete_activity(ctx, activity_id, _version(data))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            return redirect(f"/crm/accounts/{account_id}", notice=f"error.{problem.slug}")
        return redirect(f"/crm/accounts/{account_id}#timeline", notice="crm_activity.deleted")


class ZonePages(Controller):
    """Service zones (片区) and their stewards (片区管家), for managers and admins."""

    path = "/crm/zones"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.MANAGER}

    async def _list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
        editing: str | None = None,
    ) -> Template:
        zones = await every_page(
            lambda cursor: services.list_zones(ctx, limit=200, cursor=cursor), limit=1000
        )
        return page(
            request,
            "crm/accounts/zones.html",
            status_code=status_code,
            zones=zones,
            owners=await user_names(ctx, [z.owner_user_id for z in zones]),
            errors=errors or FormErrors(),
            values=values or {},
            editing=editing,
            **await _choices(ctx),
        )

    @get()
    async def zones(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Zones with their stewards, and a form to add one."""
        return await self._list(ctx, request)

    @post()
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create a zone."""
        values = _clean(data, ("code", "name", "org_unit_id", "owner_user_id"))
        create, errors = decode_form(values, ZoneCreate)
        if create is not None:
            try:
                await services.create_zone(ctx, create)
                return redirect("/crm/zones", notice="crm_zone.created")
            except ProblemError as problem:
                errors = problem_errors(problem)
        return await self._list(ctx, request, status_code=422, errors=errors, values=values)

    @post("/{zone_id:uuid}/edit")
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], zone_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save a zone."""
        values = _update_values(data, ("code", "name", "org_unit_id", "owner_user_id"), ("code", "name"))
        update, errors = _decode_update(values, ZoneUpdate)
        if update is not None:
            try:
                await services.update_zone(ctx, zone_id, update, _version(data))
                return redirect("/crm/zones", notice="crm_zone.updated")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                if problem.status == 412:
                    return redirect("/crm/zones", notice="error.precondition-failed")
                errors = problem_errors(problem)
        return await self._list(
            ctx, request, status_code=422, errors=errors, values=values, editing=str(zone_id)
        )

    @post("/{zone_id:uuid}/delete")
    async def delete(self, ctx: Ctx, zone_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete a zone no account is in."""
        try:
            await services.delete_zone(ctx, zone_id, _version(data))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            notice = "error.crm-zone-in-use" if problem.status == 409 else f"error.{problem.slug}"
            return redirect("/crm/zones", notice=notice)
        return redirect("/crm/zones", notice="crm_zone.deleted")


PAGES: list[type[Controller]] = [AccountPages, ZonePages]
NAVIGATION: list[NavItem] = [
    NavItem(N_("Accounts"), "/crm/accounts", Role.VIEWER, module="crm", section=N_("CRM")),
    NavItem(N_("Zones"), "/crm/zones", Role.MANAGER, module="crm", section=N_("CRM")),
]
