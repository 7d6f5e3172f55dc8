"""CRM accounts: web pages and their navigation entries.

Accounts list (filters, search, export), new account, the account page (header, contacts,
activities, timeline, and lazy panels of the revenue, pipeline and tickets areas), and zones.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.exceptions import HTTPException
from litestar.params import FromPath
from litestar.response import Template
from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.services import user_names
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.kit import LinkTarget, NavItem, SearchProvider, TimelineSource, registry
from bizsuite.modules.crm.accounts import services
from bizsuite.modules.crm.accounts.api import Filters, account_filters
from bizsuite.modules.crm.accounts.schemas import (
    AccountCreate,
    AccountFilters,
    AccountOut,
    AccountUpdate,
    ActivityCreate,
    ContactCreate,
    ContactUpdate,
    ZoneCreate,
    ZoneUpdate,
)
from bizsuite.modules.crm.models import AccountKind, AccountStatus, ActivityKind
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, Submission, form_version, read_form, saved_values
from bizsuite.web.i18n import N_, current_time_zone
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_as_sent,
    redirect,
    run_action,
    run_form,
    signed_in,
)
from bizsuite.web.templating import page

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
#: The list's own query parameters (kept in its pager and export links).
LIST_PARAMS = ("kind", "status", "tier", "owner_user_id", "zone_id", "q", "cursor")
#: The record page the account page's panels and timeline entries are registered for.
TARGET = "crm.account"
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
ACTIVITY_FIELDS = ("kind", "subject", "body", "contact_id")
ZONE_FIELDS = ("code", "name", "org_unit_id", "owner_user_id")

#: Toasts after a redirect (``?notice=<code>``).
NOTICES = {
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


def _list_filters(request: Request[Any, Any, Any], filters: AccountFilters) -> AccountFilters:
    """The list shows active accounts unless asked otherwise (``status=all`` shows both)."""
    if "status" not in query_as_sent(request):
        return msgspec.structs.replace(filters, status=AccountStatus.ACTIVE)
    return filters


class AccountPages(Controller):
    """Accounts: the list, a new account, the account page and its contacts and activities."""

    path = "/crm/accounts"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.VIEWER}

    @get(**filtered_by(account_filters))
    async def accounts(self, ctx: Ctx, request: Request[Any, Any, Any], filters: Filters) -> Template:
        """The accounts list with filters, prefix search and export."""
        items, next_cursor = await services.list_accounts(
            ctx, _list_filters(request, filters), limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        names = await user_names(ctx, [a.owner_user_id for a in items])
        zones = await services.zone_names(ctx, {a.zone_id for a in items})
        sent = query_as_sent(request)
        return page(
            request,
            "crm/accounts/list.html",
            accounts=items,
            owners=names,
            zones=zones,
            next_cursor=next_cursor,
            params={name: value for name in LIST_PARAMS if (value := sent.get(name))},
            filters=sent,
            statuses=STATUS_LABELS,
            currency=ctx.tenant.currency,
            **await _choices(ctx),
        )

    @get("/export", **filtered_by(account_filters))
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any], filters: Filters) -> Response[bytes]:
        """Download the (filtered) accounts as CSV or XLSX."""
        shown = _list_filters(request, filters)
        items = await every_page(lambda cursor: services.list_accounts(ctx, shown, limit=200, cursor=cursor))
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

        async def again(form: Submission[AccountCreate]) -> Response[Any]:
            return await self._new_form(
                ctx, request, status_code=form.status_code, errors=form.errors, values=form.values
            )

        return await run_form(
            read_form(data, AccountCreate, ACCOUNT_FIELDS),
            lambda body, _version: services.create_account(ctx, body),
            done=lambda account: redirect(f"/crm/accounts/{account.id}", notice="crm_account.created"),
            again=again,
        )

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        account: AccountOut,
        *,
        form: Submission[Any] | None = None,
        form_name: str | None = None,
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
        now_local = clock.now(ctx).astimezone(ZoneInfo(current_time_zone())).strftime("%Y-%m-%dT%H:%M")
        return page(
            request,
            "crm/accounts/detail.html",
            status_code=form.status_code if form is not None else 200,
            account=account,
            owner_name=people.get(account.owner_user_id) if account.owner_user_id else None,
            zone_name=zone.get(account.zone_id) if account.zone_id else None,
            unit_name=unit,
            contacts=contacts,
            timeline=timeline,
            timeline_next=timeline_next,
            timeline_labels=services.timeline_labels(ctx),
            panels=registry().panels_for(TARGET, ctx.principal),
            activity_kinds=ACTIVITY_LABELS,
            statuses=STATUS_LABELS,
            currency=ctx.tenant.currency,
            errors=form.errors if form is not None else FormErrors(),
            form=form_name,
            values=form.values if form is not None else {},
            saved=(form.conflict if form is not None else None) or {},
            now_local=now_local,
            **await _choices(ctx),
        )

    def _again(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: uuid.UUID, form_name: str
    ) -> Callable[[Submission[Any]], Awaitable[Response[Any]]]:
        """Re-render the account page with a form's typing and errors."""

        async def again(form: Submission[Any]) -> Response[Any]:
            account = await services.get_account(ctx, account_id)
            return await self._detail(ctx, request, account, form=form, form_name=form_name)

        return again

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

        async def saved() -> dict[str, Any]:
            return saved_values(await services.get_account(ctx, account_id), ACCOUNT_FIELDS)

        return await run_form(
            read_form(data, AccountUpdate, ACCOUNT_FIELDS, update=True, required=("code", "name", "kind")),
            lambda body, version: services.update_account(ctx, account_id, body, version),
            done=lambda _account: redirect(f"/crm/accounts/{account_id}", notice="crm_account.updated"),
            again=self._again(ctx, request, account_id, "edit"),
            saved=saved,
        )

    @post("/{account_id:uuid}/{action:str}", opt={"min_role": Role.MEMBER})
    async def lifecycle(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], action: FromPath[str], data: Form
    ) -> Response[Any]:
        """Archive, restore or delete the account."""
        target = f"/crm/accounts/{account_id}"
        version = form_version(data)
        if action in ("archive", "restore"):
            status = AccountStatus.ARCHIVED if action == "archive" else AccountStatus.ACTIVE
            return await run_action(
                lambda: services.set_account_status(ctx, account_id, status, version),
                back=target,
                notice=f"crm_account.{action}d",
            )
        if action == "delete":
            if ctx.principal.role is None or not ctx.principal.role.at_least(Role.MANAGER):
                return redirect(target, notice="error.forbidden")
            return await run_action(
                lambda: services.delete_account(ctx, account_id, version),
                back=target,
                done="/crm/accounts",
                notice="crm_account.deleted",
                problems={409: "error.crm-account-in-use"},
            )
        raise HTTPException(status_code=404, detail="no such action")

    @post("/{account_id:uuid}/contacts", opt={"min_role": Role.MEMBER})
    async def add_contact(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Add a contact to the account."""
        return await run_form(
            read_form(data, ContactCreate, CONTACT_FIELDS, checkboxes=("is_primary",)),
            lambda body, _version: services.create_contact(ctx, account_id, body),
            done=lambda _c: redirect(f"/crm/accounts/{account_id}#contacts", notice="crm_contact.created"),
            again=self._again(ctx, request, account_id, "contact"),
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

        async def saved() -> dict[str, Any]:
            return saved_values(await services.get_contact(ctx, contact_id), (*CONTACT_FIELDS, "is_primary"))

        return await run_form(
            read_form(
                data,
                ContactUpdate,
                CONTACT_FIELDS,
                update=True,
                required=("name",),
                checkboxes=("is_primary",),
            ),
            lambda body, version: services.update_contact(ctx, contact_id, body, version),
            done=lambda _c: redirect(f"/crm/accounts/{account_id}#contacts", notice="crm_contact.updated"),
            again=self._again(ctx, request, account_id, f"contact-{contact_id}"),
            saved=saved,
        )

    @post("/{account_id:uuid}/contacts/{contact_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete_contact(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], contact_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Delete a contact (its activities stay)."""
        _on_account(account_id, await services.get_contact(ctx, contact_id), "contact")
        return await run_action(
            lambda: services.delete_contact(ctx, contact_id, form_version(data)),
            back=f"/crm/accounts/{account_id}",
            done=f"/crm/accounts/{account_id}#contacts",
            notice="crm_contact.deleted",
        )

    @post("/{account_id:uuid}/activities", opt={"min_role": Role.MEMBER})
    async def add_activity(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Record a call, visit or note from the quick form (its time read in the user's time zone)."""
        form = read_form(data, ActivityCreate, ACTIVITY_FIELDS)
        when = str(data.get("occurred_at") or "").strip()
        form.values["occurred_at"] = when
        occurred_at = _local_time(when)
        if when and occurred_at is None:
            form.body = None
            form.errors = FormErrors({**form.errors, "occurred_at": _("The format is not valid.")})
        elif form.body is not None:
            form.body.occurred_at = occurred_at
        return await run_form(
            form,
            lambda body, _version: services.create_activity(ctx, account_id, body),
            done=lambda _a: redirect(f"/crm/accounts/{account_id}#timeline", notice="crm_activity.created"),
            again=self._again(ctx, request, account_id, "activity"),
        )

    @post("/{account_id:uuid}/activities/{activity_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete_activity(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], activity_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Delete an activity (its author or a manager)."""
        _on_account(account_id, await services.get_activity(ctx, activity_id), "activity")
        return await run_action(
            lambda: services.delete_activity(ctx, activity_id, form_version(data)),
            back=f"/crm/accounts/{account_id}",
            done=f"/crm/accounts/{account_id}#timeline",
            notice="crm_activity.deleted",
        )


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
        form: Submission[Any] | None = None,
        editing: str | None = None,
    ) -> Template:
        zones = await every_page(
            lambda cursor: services.list_zones(ctx, limit=200, cursor=cursor), limit=1000
        )
        return page(
            request,
            "crm/accounts/zones.html",
            status_code=form.status_code if form is not None else 200,
            zones=zones,
            owners=await user_names(ctx, [z.owner_user_id for z in zones]),
            errors=form.errors if form is not None else FormErrors(),
            values=form.values if form is not None else {},
            saved=(form.conflict if form is not None else None) or {},
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

        async def again(form: Submission[ZoneCreate]) -> Response[Any]:
            return await self._list(ctx, request, form=form)

        return await run_form(
            read_form(data, ZoneCreate, ZONE_FIELDS),
            lambda body, _version: services.create_zone(ctx, body),
            done=lambda _zone: redirect("/crm/zones", notice="crm_zone.created"),
            again=again,
        )

    @post("/{zone_id:uuid}/edit")
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], zone_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save a zone."""

        async def again(form: Submission[ZoneUpdate]) -> Response[Any]:
            return await self._list(ctx, request, form=form, editing=str(zone_id))

        async def saved() -> dict[str, Any]:
            return saved_values(await services.get_zone(ctx, zone_id), ZONE_FIELDS)

        return await run_form(
            read_form(data, ZoneUpdate, ZONE_FIELDS, update=True, required=("code", "name")),
            lambda body, version: services.update_zone(ctx, zone_id, body, version),
            done=lambda _zone: redirect("/crm/zones", notice="crm_zone.updated"),
            again=again,
            saved=saved,
        )

    @post("/{zone_id:uuid}/delete")
    async def delete(self, ctx: Ctx, zone_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete a zone no account is in."""
        return await run_action(
            lambda: services.delete_zone(ctx, zone_id, form_version(data)),
            back="/crm/zones",
            notice="crm_zone.deleted",
            problems={409: "error.crm-zone-in-use"},
        )


PAGES: list[type[Controller]] = [AccountPages, ZonePages]
NAVIGATION: list[NavItem] = [
    NavItem(N_("Accounts"), "/crm/accounts", Role.VIEWER, module="crm", section=N_("CRM")),
    NavItem(N_("Zones"), "/crm/zones", Role.MANAGER, module="crm", section=N_("CRM")),
]
#: The account page's own timeline entries (other areas add theirs from their pages modules).
TIMELINE_SOURCES = [TimelineSource(TARGET, services.activity_events, {"activity": N_("Activity")})]
LINK_TARGETS = [LinkTarget("crm_accounts", "/crm/accounts/{id}")]
SEARCH_PROVIDERS = [SearchProvider("crm.accounts", N_("Accounts"), services.search_accounts)]
