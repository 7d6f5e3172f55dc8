"""CRM accounts: web pages and their navigation entries.

Accounts list (filters, search, export), new account, the account page (header, contacts,
activities, timeline, and lazy panels of the revenue, pipeline and tickets areas), and zones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
from litestar import Controller, HttpMethod, Request, Response, get, post, route
from litestar.exceptions import HTTPException
from litestar.params import FromPath
from litestar.response import Template
from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem
from bizsuite.core.identity.members import member_choices
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.services import user_names
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.views.services import list_saved_views
from bizsuite.kit import LinkTarget, NavItem, SearchProvider, TimelineSource, registry
from bizsuite.modules.crm.accounts import services
from bizsuite.modules.crm.accounts.api import Filters, account_filters
from bizsuite.modules.crm.accounts.schemas import (
    AccountBulk,
    AccountCreate,
    AccountFilters,
    AccountOut,
    AccountUpdate,
    ActivityCreate,
    ActivityUpdate,
    ContactCreate,
    ContactUpdate,
    ZoneCreate,
    ZoneUpdate,
)
from bizsuite.modules.crm.models import AccountKind, AccountStatus, Activity, ActivityKind
from bizsuite.web.exports import every_page, export_view
from bizsuite.web.forms import FormErrors, Submission, form_version, read_form, saved_values
from bizsuite.web.i18n import N_, current_time_zone, service_messages
from bizsuite.web.i18n import gettext as _
from bizsuite.web.lists import (
    GroupTotal,
    ListState,
    list_context,
    list_export,
    list_export_source,
    list_state,
)
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    form_list,
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
#: The record page the account page's panels and timeline entries are registered for.
TARGET = "crm.account"
#: Field messages of the accounts services, translated when a form shows them.
SERVICE_MESSAGES = service_messages(
    N_("not a member of this tenant"),
    N_("no such record"),
    N_("the contact belongs to another account"),
    N_("an account with this code already exists"),
    N_("a zone with this code already exists"),
    N_("must be within 10 years of today"),
    N_("is in the future: a logged activity has happened; schedule an activity for what is still to do"),
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
    "crm_activity.updated": N_("Activity saved."),
    "crm_zone.created": N_("Zone created."),
    "crm_zone.updated": N_("Zone saved."),
    "crm_zone.deleted": N_("Zone deleted."),
    "error.crm-account-in-use": N_(
        "The account still has contacts, activities or deals: archive it instead."
    ),
    "error.crm-zone-in-use": N_("Accounts are still in this zone: move them first."),
    "crm_account.bulk_assign": N_("The selected accounts have their new owner."),
    "crm_account.bulk_archive": N_("The selected accounts are archived."),
    "crm_account.bulk_restore": N_("The selected accounts are restored."),
    "error.crm-bulk-invalid": N_(
        "Nothing was changed: choose accounts, an action and, to assign, an owner who is a member."
    ),
}


def _owners_in(*forms: Mapping[str, Any] | None) -> list[Any]:
    """The owners a page's forms show as chosen (typed values, saved values of a conflict)."""
    return [form.get("owner_user_id") for form in forms if form]


async def _choices(ctx: Context, *, owners: list[Any]) -> dict[str, Any]:
    """The pickers' choices of the account and zone pages; ``owners``: the members they show as
    chosen (named even when the tenant is too large to list everyone)."""
    zones = await every_page(lambda cursor: services.list_zones(ctx, limit=200, cursor=cursor), limit=1000)
    units = await ctx.session.execute(
        select(OrgUnit.id, OrgUnit.name, OrgUnit.code)
        .where(OrgUnit.archived_at.is_(None))
        .order_by(OrgUnit.code)
    )
    return {
        "zone_choices": [(z.id, f"{z.name} · {z.code}") for z in zones],
        "unit_choices": [(u.id, f"{u.name} · {u.code}") for u in units],
        "member_choices": await member_choices(ctx, selected=owners),
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


async def _own_activities(ctx: Context, activity_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    """The caller's own logged activities among the timeline's (only their author edits one),
    with the edit form's values (the time in the user's time zone)."""
    if not activity_ids or ctx.principal.user_id is None:
        return {}
    rows = await ctx.session.scalars(
        select(Activity).where(
            Activity.id.in_(activity_ids), Activity.author_user_id == ctx.principal.user_id
        )
    )
    zone = ZoneInfo(current_time_zone())
    return {
        row.id: {
            "activity": row,
            "values": {
                "kind": row.kind.value,
                "subject": row.subject,
                "body": row.body,
                "occurred_at": row.occurred_at.astimezone(zone).strftime("%Y-%m-%dT%H:%M"),
            },
        }
        for row in rows
    }


def _on_account(account_id: uuid.UUID, row: Any, what: str) -> None:
    """A contact or activity addressed under an account's URL must be that account's (404 otherwise)."""
    if row.account_id != account_id:
        raise NotFoundProblem(f"No {what} {row.id} on account {account_id}.")


def _group_ids(state: ListState, groups: list[GroupTotal], column: str) -> list[uuid.UUID]:
    """The ids behind a grouped list's owner or zone groups (to name them)."""
    if state.group != column:
        return []
    return [uuid.UUID(g.value) for g in groups if g.value]


def _group_labels(
    state: ListState, groups: list[GroupTotal], owners: dict[Any, str], zones: dict[Any, str]
) -> dict[str, str]:
    """What each group is called: a person's or zone's name, a kind's or status's label."""
    labels: dict[str, str] = {}
    for g in groups:
        if not g.value:
            continue
        if state.group == "owner":
            labels[g.value] = owners.get(uuid.UUID(g.value), g.value)
        elif state.group == "zone":
            labels[g.value] = zones.get(uuid.UUID(g.value), g.value)
        elif state.group == "kind":
            labels[g.value] = _(KIND_LABELS.get(g.value, g.value))
        elif state.group == "status":
            labels[g.value] = _(STATUS_LABELS.get(g.value, g.value))
        else:
            labels[g.value] = g.value
    return labels


def _list_filters(request: Request[Any, Any, Any], filters: AccountFilters) -> AccountFilters:
    """The list shows active accounts unless asked otherwise (``status=all`` shows both)."""
    if "status" not in query_as_sent(request):
        return msgspec.structs.replace(filters, status=AccountStatus.ACTIVE)
    return filters


@list_export_source(
    "crm-accounts",
    module=__name__,
    spec=services.ACCOUNT_LIST,
    filters=AccountFilters,
    sheet=lambda: _("Accounts"),
)
async def account_export(
    ctx: Context, filters: AccountFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The accounts of a view, 500 at a time, with their owners' and zones' names."""
    cursor: str | None = None
    while True:
        listed, _total = await services.account_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        items = listed.items
        names = await user_names(ctx, [a.owner_user_id for a in items])
        zones = await services.zone_names(ctx, {a.zone_id for a in items})
        yield [
            {
                "tier": a.tier.value if a.tier else "",
                "code": a.code,
                "name": a.name,
                "kind": _(KIND_LABELS[a.kind.value]),
                "status": _(STATUS_LABELS[a.status.value]),
                "owner": names.get(a.owner_user_id, "") if a.owner_user_id else "",
                "zone": zones.get(a.zone_id, "") if a.zone_id else "",
                "industry": a.industry or "",
                "phone": a.phone or "",
                "trailing_revenue": a.trailing_revenue,
                "created_at": a.created_at,
            }
            for a in items
        ]
        cursor = listed.next_cursor
        if cursor is None:
            return


class AccountPages(Controller):
    """Accounts: the list, a new account, the account page and its contacts and activities."""

    path = "/crm/accounts"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.VIEWER}

    @get(**filtered_by(account_filters))
    async def accounts(self, ctx: Ctx, request: Request[Any, Any, Any], filters: Filters) -> Template:
        """The accounts list: search as you type, filters, sortable columns, count and page range,
        chosen columns, groups with subtotals, saved views, selection with bulk actions, export."""
        sent = query_as_sent(request)
        state = list_state(services.ACCOUNT_LIST, sent)
        shown = _list_filters(request, filters)
        listed, total = await services.account_list(ctx, shown, state, limit=PAGE_SIZE, count=True)
        groups = await services.account_groups(ctx, shown, state)
        items = listed.items
        owner_ids: list[uuid.UUID | None] = [a.owner_user_id for a in items]
        names = await user_names(ctx, [*owner_ids, *_group_ids(state, groups, "owner")])
        zones = await services.zone_names(
            ctx, {a.zone_id for a in items} | set(_group_ids(state, groups, "zone"))
        )
        views, _next = await list_saved_views(ctx, services.ACCOUNT_LIST.key, limit=100, cursor=None)
        return page(
            request,
            "crm/accounts/list.html",
            accounts=items,
            owners=names,
            zones=zones,
            filters=sent,
            statuses=STATUS_LABELS,
            currency=ctx.tenant.currency,
            **list_context(
                services.ACCOUNT_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=_group_labels(state, groups, names, zones),
                views=views,
            ),
            **await _choices(ctx, owners=_owners_in(sent)),
        )

    @route(
        "/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(account_filters),
    )
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any], filters: Filters) -> Response[Any]:
        """Download the list's current view (columns, sort, filters) as CSV or XLSX; with ``ids``,
        only those (selected) accounts; beyond the inline limit, written by a background job."""
        view = list_export(services.ACCOUNT_LIST, query_as_sent(request), _list_filters(request, filters))
        return await export_view(ctx, request, account_export, view)

    @post("/bulk", opt={"min_role": Role.MEMBER})
    async def bulk(self, ctx: Ctx, data: Form) -> Response[Any]:
        """Assign, archive or restore the selected accounts (all or nothing), then show the list."""
        back = "/crm/accounts" + (f"?{query}" if (query := str(data.get("query") or "")) else "")
        owner = str(data.get("owner_user_id") or "")
        try:
            body = msgspec.convert(
                {
                    "ids": form_list(data, "ids"),
                    "action": str(data.get("action") or ""),
                    "owner_user_id": owner or None,
                },
                AccountBulk,
                strict=False,
            )
        except msgspec.ValidationError:
            return redirect(back, notice="error.crm-bulk-invalid")
        return await run_action(
            lambda: services.bulk_change_accounts(ctx, body),
            back=back,
            notice=f"crm_account.bulk_{body.action.value}",
            problems={422: "error.crm-bulk-invalid"},
        )

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
            **await _choices(ctx, owners=_owners_in(values)),
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
        own_activities = await _own_activities(ctx, [e.source_id for e in timeline if e.kind == "activity"])
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
            own_activities=own_activities,
            statuses=STATUS_LABELS,
            currency=ctx.tenant.currency,
            errors=form.errors if form is not None else FormErrors(),
            form=form_name,
            values=form.values if form is not None else {},
            saved=(form.conflict if form is not None else None) or {},
            now_local=now_local,
            **await _choices(
                ctx,
                owners=[
                    account.owner_user_id,
                    *_owners_in(form.values if form else None, form.conflict if form else None),
                ],
            ),
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

    @post("/{account_id:uuid}/activities/{activity_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit_activity(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        account_id: FromPath[uuid.UUID],
        activity_id: FromPath[uuid.UUID],
        data: Form,
    ) -> Response[Any]:
        """Correct a logged activity (its author only; its time cannot move into the future)."""
        _on_account(account_id, await services.get_activity(ctx, activity_id), "activity")
        form = read_form(data, ActivityUpdate, ACTIVITY_FIELDS, update=True, required=("kind", "subject"))
        when = str(data.get("occurred_at") or "").strip()
        form.values["occurred_at"] = when
        occurred_at = _local_time(when)
        if occurred_at is None:
            form.body = None
            form.errors = FormErrors({**form.errors, "occurred_at": _("The format is not valid.")})
        elif form.body is not None:
            form.body.occurred_at = occurred_at

        async def saved() -> dict[str, Any]:
            return saved_values(await services.get_activity(ctx, activity_id), ("kind", "subject", "body"))

        return await run_form(
            form,
            lambda body, version: services.update_activity(ctx, activity_id, body, version),
            done=lambda _a: redirect(f"/crm/accounts/{account_id}#timeline", notice="crm_activity.updated"),
            again=self._again(ctx, request, account_id, f"activity-{activity_id}"),
            saved=saved,
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
            **await _choices(
                ctx,
                owners=[
                    *(z.owner_user_id for z in zones),
                    *_owners_in(form.values if form else None, form.conflict if form else None),
                ],
            ),
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
