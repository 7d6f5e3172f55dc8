"""CRM tickets: web pages and their navigation entries.

Service tickets (工单): the list with filters and export, the new-ticket form, one ticket with
its SLA milestone chain (met / breached / due-in countdown), status buttons (wait / resume),
milestone completion with a reason, and closing (with the satisfaction of a complaint). For
admins the SLA policies and their milestones. Every page calls the services the API calls.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import msgspec
from litestar import Controller, HttpMethod, Request, Response, get, post, route
from litestar.params import FromPath
from litestar.response import Template
from sqlalchemy import select

from bizsuite.core.context import Context, principal_of
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem
from bizsuite.core.identity.members import member_choices
from bizsuite.core.identity.models import Role
from bizsuite.core.views.services import list_saved_views
from bizsuite.kit import LinkTarget, NavItem, Panel, SearchProvider, TimelineSource
from bizsuite.modules.crm.models import Account, SlaAnchor, TicketCategory, TicketPriority, TicketStatus
from bizsuite.modules.crm.tickets import rules, services
from bizsuite.modules.crm.tickets.api import Filters, ticket_filters
from bizsuite.modules.crm.tickets.schemas import (
    MilestoneCompletion,
    SlaPolicyIn,
    SlaPolicyOut,
    TicketBulk,
    TicketClose,
    TicketCreate,
    TicketStatusChange,
    TicketUpdate,
)
from bizsuite.web.exports import every_page, export_view
from bizsuite.web.forms import FormErrors, Submission, decode_form, form_version, read_form, saved_values
from bizsuite.web.i18n import N_, pgettext, service_messages
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
    savepoint,
    signed_in,
)
from bizsuite.web.templating import page

PAGE_SIZE = 25
MAX_ROWS = 10_000
CHOICES = 500
#: Blank milestone rows offered under a policy's chain.
SPARE_ROWS = 2

CATEGORY_LABELS = {
    TicketCategory.FAULT.value: N_("Fault"),
    TicketCategory.ELEVATOR_FAULT.value: N_("Elevator fault"),
    TicketCategory.REPAIR.value: N_("Repair"),
    TicketCategory.COMPLAINT.value: N_("Complaint"),
    TicketCategory.REQUEST.value: N_("Service request"),
    TicketCategory.INQUIRY.value: N_("Inquiry"),
}
PRIORITY_LABELS = {
    TicketPriority.LOW.value: N_("Low"),
    TicketPriority.NORMAL.value: N_("Normal"),
    TicketPriority.HIGH.value: N_("High"),
    TicketPriority.URGENT.value: N_("Urgent"),
}


def status_label(status: str) -> str:
    """A ticket status in the user's language ("Waiting" here is the ticket waiting for the
    customer or parts, not an approval step not yet reached: hence the message context)."""
    labels = {
        TicketStatus.OPEN.value: pgettext("ticket status", "Open"),
        TicketStatus.IN_PROGRESS.value: pgettext("ticket status", "In progress"),
        TicketStatus.WAITING.value: pgettext("ticket status", "Waiting"),
        TicketStatus.RESOLVED.value: pgettext("ticket status", "Resolved"),
        TicketStatus.CLOSED.value: pgettext("ticket status", "Closed"),
    }
    return labels[status]


def status_labels() -> dict[str, str]:
    """Every ticket status in the user's language (already translated: ``_()`` of one is itself)."""
    return {status.value: status_label(status.value) for status in TicketStatus}


STATE_LABELS = {
    rules.MilestoneState.MET.value: N_("Met"),
    rules.MilestoneState.BREACHED.value: N_("Breached"),
    rules.MilestoneState.DUE.value: N_("Due"),
    rules.MilestoneState.PAUSED.value: N_("Paused"),
    rules.MilestoneState.NOT_STARTED.value: N_("Not started"),
    rules.MilestoneState.STOPPED.value: N_("Not measured"),
}
ANCHOR_LABELS = {
    SlaAnchor.CREATED.value: N_("From ticket creation"),
    SlaAnchor.PREVIOUS.value: N_("From the previous milestone"),
}
#: The status buttons of a ticket, one per action (each allowed move has its own).
ACTION_LABELS = {
    rules.StatusAction.START.value: N_("Start work"),
    rules.StatusAction.WAIT.value: N_("Wait (pause SLA)"),
    rules.StatusAction.RESUME.value: N_("Resume (restart SLA)"),
    rules.StatusAction.REQUEUE.value: N_("Back to the open queue"),
    rules.StatusAction.RESOLVE.value: N_("Resolve"),
    rules.StatusAction.REOPEN.value: N_("Reopen"),
}
#: The kanban's columns, in workflow order, and how many cards each shows (newest first).
BOARD_STATUSES = (
    TicketStatus.OPEN,
    TicketStatus.IN_PROGRESS,
    TicketStatus.WAITING,
    TicketStatus.RESOLVED,
    TicketStatus.CLOSED,
)
BOARD_CARDS = 50
#: Service messages shown next to form fields, translated.
SERVICE_MESSAGES = service_messages(
    N_("a complaint needs the customer's satisfaction (1-5)"),
    N_("this milestone takes no reason"),
    N_("give either a target in minutes or same_day, not both"),
    N_("each milestone needs its own key"),
    N_("another SLA policy has this code"),
    N_("close the ticket with the close action"),
    N_("the contact belongs to another account"),
    N_("not a member of this tenant"),
    N_("no such record"),
)
#: Toasts after a redirect (``?notice=<code>``).
NOTICES = {
    "crm_ticket.bulk_assign": N_("The selected tickets have their new assignee."),
    "crm_ticket.bulk_priority": N_(
        "The selected tickets have their new priority; their SLA is matched again."
    ),
    "error.crm-ticket-bulk-invalid": N_(
        "Nothing was changed: choose tickets, an action and, to assign, an assignee who is a member; "
        "to change the priority, a priority."
    ),
    "error.crm-ticket-bulk-closed": N_("Nothing was changed: closed tickets cannot change. Leave them out."),
}
NEW_FIELDS = ("account_id", "title", "category", "priority", "description", "assignee_user_id")
CLOSE_FIELDS = ("satisfaction", "close_note")
#: The detail page's reassign and priority forms (each sends its own field).
EDIT_FIELDS = ("assignee_user_id", "priority")
#: The list's filters as the API reads them; the SLA filter's choices (``breached=yes|no``, also
#: in bookmarks) are the boolean parameter.
PAGE_FILTERS = filtered_by(ticket_filters, aliases={"breached": {"yes": "true", "no": "false"}})


def _labels() -> dict[str, Any]:
    return {
        "category_labels": CATEGORY_LABELS,
        "priority_labels": PRIORITY_LABELS,
        "status_labels": status_labels(),
        "status_label": status_label,
        "state_labels": STATE_LABELS,
        "anchor_labels": ANCHOR_LABELS,
        "ticket_number": rules.ticket_number,
    }


async def _accounts(ctx: Context) -> list[tuple[uuid.UUID, str, str]]:
    rows = await ctx.session.execute(
        select(Account.id, Account.code, Account.name).order_by(Account.name).limit(CHOICES)
    )
    return [(row[0], row[1], row[2]) for row in rows]


def _export_row(view: services.TicketView) -> dict[str, Any]:
    """A ticket's cells by list column key (the export takes the view's columns)."""
    ticket = view.ticket
    return {
        "number": view.number,
        "title": ticket.title,
        "account": view.account_name,
        "category": _(CATEGORY_LABELS[ticket.category.value]),
        "priority": _(PRIORITY_LABELS[ticket.priority.value]),
        "status": status_label(ticket.status.value),
        "assignee": view.assignee_name or "",
        "sla": _("Breached")
        if view.breached
        else _("%(met)s of %(total)s met", met=view.met, total=len(view.milestones)),
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
    }


@list_export_source(
    "service-tickets",
    module=__name__,
    spec=services.TICKET_LIST,
    filters=services.TicketFilters,
    sheet=lambda: _("Service tickets"),
)
async def ticket_export(
    ctx: Context, filters: services.TicketFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The tickets of a view, 500 at a time."""
    cursor: str | None = None
    while True:
        listed, _total = await services.ticket_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [_export_row(view) for view in listed.items]
        cursor = listed.next_cursor
        if cursor is None:
            return


async def _group_labels(ctx: Context, state: ListState, groups: list[GroupTotal]) -> dict[str, str]:
    """What each group is called: an account's or a person's name, a category's, priority's or
    status's label."""
    names = await services.group_names(ctx, state, groups)
    labels: dict[str, str] = {}
    for g in groups:
        if not g.value:
            continue
        if state.group in ("account", "assignee"):
            labels[g.value] = names.get(uuid.UUID(g.value), g.value)
        elif state.group == "category":
            labels[g.value] = _(CATEGORY_LABELS.get(g.value, g.value))
        elif state.group == "priority":
            labels[g.value] = _(PRIORITY_LABELS.get(g.value, g.value))
        elif state.group == "status":
            labels[g.value] = status_label(g.value)
    return labels


class TicketPages(Controller):
    """Service tickets: list, new, one ticket with its SLA chain and actions."""

    path = "/crm/tickets"
    include_in_schema = False
    guards = [signed_in]

    @get(**PAGE_FILTERS)
    async def tickets(self, ctx: Ctx, request: Request[Any, Any, Any], filters: Filters) -> Template:
        """The tickets list: search as you type, filters, sortable columns, count and page range,
        chosen columns, groups with their counts, saved views, selection with bulk actions, export."""
        sent = query_as_sent(request)
        state = list_state(services.TICKET_LIST, sent)
        listed, total = await services.ticket_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        groups = await services.ticket_groups(ctx, filters, state)
        views, _more = await list_saved_views(ctx, services.TICKET_LIST.key, limit=100, cursor=None)
        return page(
            request,
            "crm/tickets/list.html",
            rows=listed.items,
            filters=sent,
            members=await member_choices(ctx, selected=[sent.get("assignee_user_id")]),
            **list_context(
                services.TICKET_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=await _group_labels(ctx, state, groups),
                views=views,
            ),
            **_labels(),
        )

    @route("/export", http_method=[HttpMethod.GET, HttpMethod.POST], status_code=200, **PAGE_FILTERS)
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any], filters: Filters) -> Response[Any]:
        """Download the list's current view (columns, sort, filters) as CSV or XLSX; with ``ids``,
        only those (selected) tickets; beyond the inline limit, written by a background job."""
        view = list_export(services.TICKET_LIST, query_as_sent(request), filters)
        return await export_view(ctx, request, ticket_export, view)

    @post("/bulk", opt={"min_role": Role.MEMBER})
    async def bulk(self, ctx: Ctx, data: Form) -> Response[Any]:
        """Assign the selected tickets or change their priority (all or nothing), then show the list."""
        back = "/crm/tickets" + (f"?{query}" if (query := str(data.get("query") or "")) else "")
        action = str(data.get("action") or "")
        try:
            body = msgspec.convert(
                {
                    "ids": form_list(data, "ids"),
                    "action": action,
                    "assignee_user_id": str(data.get("assignee_user_id") or "") or None,
                    "priority": str(data.get("priority") or "") or None,
                },
                TicketBulk,
                strict=False,
            )
        except msgspec.ValidationError:
            return redirect(back, notice="error.crm-ticket-bulk-invalid")
        return await run_action(
            lambda: savepoint(ctx, services.bulk_change_tickets(ctx, body)),
            back=back,
            notice=f"crm_ticket.bulk_{body.action.value}",
            problems={409: "error.crm-ticket-bulk-closed", 422: "error.crm-ticket-bulk-invalid"},
        )

    async def _new_form(
        self,
        ctx: Context,
        request: Request[Any, Any, Any],
        form: Submission[TicketCreate] | None = None,
    ) -> Template:
        return page(
            request,
            "crm/tickets/new.html",
            status_code=form.status_code if form is not None else 200,
            accounts=await _accounts(ctx),
            members=await member_choices(
                ctx, selected=[form.values.get("assignee_user_id")] if form is not None else []
            ),
            values=form.values
            if form is not None
            else {"priority": "normal", "account_id": request.query_params.get("account_id", "")},
            errors=form.errors if form is not None else FormErrors(),
            **_labels(),
        )

    @get("/new", opt={"min_role": Role.MEMBER})
    async def new(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The form to open a ticket."""
        return await self._new_form(ctx, request)

    @post("/new", opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Open the ticket (policy matched, routed) and show it."""

        async def again(form: Submission[TicketCreate]) -> Template:
            return await self._new_form(ctx, request, form)

        return await run_form(
            read_form(data, TicketCreate, NEW_FIELDS),
            lambda body, _version: savepoint(ctx, services.create_ticket(ctx, body)),
            done=lambda view: redirect(f"/crm/tickets/{view.ticket.id}"),
            again=again,
        )

    async def _detail(
        self,
        ctx: Context,
        request: Request[Any, Any, Any],
        ticket_id: uuid.UUID,
        *,
        failed: str | None = None,
        form: Submission[Any] | None = None,
    ) -> Template:
        view = await services.get_ticket(ctx, ticket_id)
        events, _next = await services.list_ticket_events(ctx, ticket_id, limit=200, cursor=None)
        ticket = view.ticket
        return page(
            request,
            "crm/tickets/detail.html",
            status_code=form.status_code if form is not None else 200,
            row=view,
            ticket=ticket,
            events=events,
            status_actions=[
                (target.value, action.value, ACTION_LABELS[action.value])
                for target, action in rules.status_actions(ticket.status)
            ],
            members=await member_choices(ctx, selected=[ticket.assignee_user_id]),
            clock=await services.tenant_clock(ctx),
            errors=form.errors if form is not None else FormErrors(),
            failed=failed if form is not None else None,
            values=form.values if form is not None else {},
            saved=(form.conflict if form is not None else None) or {},
            **_labels(),
        )

    @get("/{ticket_id:uuid}")
    async def detail(
        self, ctx: Ctx, request: Request[Any, Any, Any], ticket_id: FromPath[uuid.UUID]
    ) -> Template:
        """One ticket: facts, the SLA milestone chain, actions and history."""
        return await self._detail(ctx, request, ticket_id)

    def _again(
        self, ctx: Context, request: Request[Any, Any, Any], ticket_id: uuid.UUID, action: str
    ) -> Callable[[Submission[Any]], Awaitable[Response[Any]]]:
        async def again(form: Submission[Any]) -> Response[Any]:
            return await self._detail(ctx, request, ticket_id, failed=action, form=form)

        return again

    def _saved(
        self, ctx: Context, ticket_id: uuid.UUID, fields: tuple[str, ...]
    ) -> Callable[[], Awaitable[dict[str, Any]]]:
        async def saved() -> dict[str, Any]:
            return saved_values((await services.get_ticket(ctx, ticket_id)).ticket, fields)

        return saved

    @post("/{ticket_id:uuid}/status", opt={"min_role": Role.MEMBER})
    async def change_status(
        self, ctx: Ctx, request: Request[Any, Any, Any], ticket_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Move the ticket (wait pauses the SLA clocks, resume restarts them)."""
        here = f"/crm/tickets/{ticket_id}"
        return await run_form(
            read_form(data, TicketStatusChange, ("status", "note")),
            lambda body, version: savepoint(ctx, services.change_status(ctx, ticket_id, body, version)),
            done=lambda _view: redirect(here),
            again=self._again(ctx, request, ticket_id, "status"),
            saved=self._saved(ctx, ticket_id, ("status",)),
            back=here,
        )

    @post("/{ticket_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], ticket_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Reassign the ticket or change its priority (the SLA policy is matched again)."""
        here = f"/crm/tickets/{ticket_id}"
        sent = tuple(name for name in EDIT_FIELDS if name in data)
        return await run_form(
            read_form(data, TicketUpdate, sent, update=True),
            lambda body, version: savepoint(ctx, services.update_ticket(ctx, ticket_id, body, version)),
            done=lambda _view: redirect(here),
            again=self._again(ctx, request, ticket_id, "edit"),
            saved=self._saved(ctx, ticket_id, sent),
            back=here,
        )

    # --- the kanban by status ---------------------------------------------------------------

    async def _column(self, ctx: Context, status: TicketStatus) -> tuple[list[services.TicketView], bool]:
        views, more = await services.list_tickets(
            ctx, services.TicketFilters(status=status), limit=BOARD_CARDS, cursor=None
        )
        return views, more is not None

    def _board_context(self) -> dict[str, Any]:
        return {
            "allowed": {s.value: " ".join(t.value for t in rules.allowed_targets(s)) for s in TicketStatus},
            "board_statuses": [s.value for s in BOARD_STATUSES],
            **_labels(),
        }

    @get("/board")
    async def board(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The tickets by status: drag a card (or use its move menu) to change its status."""
        columns = [(status.value, *await self._column(ctx, status)) for status in BOARD_STATUSES]
        return page(request, "crm/tickets/board.html", columns=columns, **self._board_context())

    @get("/board/columns/{status:str}")
    async def board_column(
        self, ctx: Ctx, request: Request[Any, Any, Any], status: FromPath[str]
    ) -> Template:
        """One column of the kanban (reloaded after a move)."""
        try:
            wanted = TicketStatus(status)
        except ValueError:
            raise NotFoundProblem(f"No ticket status {status!r}.") from None
        cards, more = await self._column(ctx, wanted)
        return page(
            request,
            "crm/tickets/_column.html",
            status=wanted.value,
            cards=cards,
            more=more,
            **self._board_context(),
        )

    @post("/{ticket_id:uuid}/milestones/{key:str}", opt={"min_role": Role.MEMBER})
    async def complete_milestone(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        ticket_id: FromPath[uuid.UUID],
        key: FromPath[str],
        data: Form,
    ) -> Response[Any]:
        """Mark a milestone reached (or record its reason)."""
        here = f"/crm/tickets/{ticket_id}"
        return await run_form(
            read_form(data, MilestoneCompletion, ("reason",)),
            lambda body, version: savepoint(
                ctx, services.complete_milestone(ctx, ticket_id, key, body, version)
            ),
            done=lambda _view: redirect(here),
            again=self._again(ctx, request, ticket_id, f"milestone-{key}"),
            saved=self._saved(ctx, ticket_id, ()),
            back=here,
        )

    @post("/{ticket_id:uuid}/close", opt={"min_role": Role.MEMBER})
    async def close(
        self, ctx: Ctx, request: Request[Any, Any, Any], ticket_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Close the ticket (a complaint records the customer's satisfaction)."""
        here = f"/crm/tickets/{ticket_id}"
        return await run_form(
            read_form(data, TicketClose, CLOSE_FIELDS),
            lambda body, version: savepoint(ctx, services.close_ticket(ctx, ticket_id, body, version)),
            done=lambda _view: redirect(here),
            again=self._again(ctx, request, ticket_id, "close"),
            saved=self._saved(ctx, ticket_id, ("status", *CLOSE_FIELDS)),
            back=here,
        )


class AccountTicketsPanel(Controller):
    """The tickets panel lazy-loaded on an account's page."""

    path = "/crm/accounts"
    include_in_schema = False
    guards = [signed_in]

    @get("/{account_id:uuid}/tickets-panel")
    async def tickets_panel(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID]
    ) -> Template:
        """The account's latest tickets with their SLA state (404 for another tenant's account)."""
        account = await ctx.session.scalar(select(Account).where(Account.id == account_id))
        if account is None:
            raise NotFoundProblem(f"No account with id {account_id}.")
        found, next_cursor = await services.list_tickets(
            ctx, services.TicketFilters(account_id=account.id), limit=10, cursor=None
        )
        return Template(
            template_name="crm/tickets/_account_panel.html",
            context={
                "request": request,
                "account": account,
                "rows": found,
                "more": next_cursor is not None,
                "principal": principal_of(request),
                **_labels(),
            },
            media_type="text/html",
        )


# --- SLA policies (admin) ------------------------------------------------------------------


def _milestone_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The milestone rows of the policy form (``m-<n>-<field>``), blank rows left out."""
    rows = []
    index = 0
    while f"m-{index}-key" in data:
        key = str(data.get(f"m-{index}-key") or "").strip()
        if key:
            minutes = str(data.get(f"m-{index}-target_minutes") or "").strip()
            rows.append(
                {
                    "key": key,
                    "name": str(data.get(f"m-{index}-name") or "").strip(),
                    "target_minutes": int(minutes) if minutes.isdigit() else (minutes or None),
                    "same_day": bool(data.get(f"m-{index}-same_day")),
                    "anchor": data.get(f"m-{index}-anchor") or SlaAnchor.CREATED.value,
                    "reason_allowed": bool(data.get(f"m-{index}-reason_allowed")),
                }
            )
        index += 1
    return rows


def _decode_policy(values: dict[str, Any]) -> tuple[SlaPolicyIn | None, FormErrors]:
    """The policy form decoded; an error inside a milestone row names its row and field
    (``milestones[1].target_minutes``), as the service's own errors do, so the row can show it."""
    body, errors = decode_form(values, SlaPolicyIn)
    if body is None and "milestones" in errors:
        try:
            msgspec.convert(values, SlaPolicyIn, strict=False)
        except msgspec.ValidationError as error:
            if found := re.search(r"at `\$\.(milestones\[\d+\]\.\w+)`", str(error)):
                return None, FormErrors({found.group(1): errors["milestones"]})
    return body, errors


def _policy_values(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": str(data.get("code") or "").strip(),
        "name": str(data.get("name") or "").strip(),
        "category": data.get("category") or None,
        "priority": data.get("priority") or None,
        "active": bool(data.get("active")),
        "milestones": _milestone_rows(data),
    }


def _policy_form_values(policy: SlaPolicyOut) -> dict[str, Any]:
    """A saved policy as its form shows it."""
    return {
        "code": policy.code,
        "name": policy.name,
        "category": policy.category.value if policy.category else "",
        "priority": policy.priority.value if policy.priority else "",
        "active": policy.active,
        "milestones": [
            {
                "key": m.key,
                "name": m.name,
                "target_minutes": m.target_minutes,
                "same_day": m.same_day,
                "anchor": m.anchor.value,
                "reason_allowed": m.reason_allowed,
            }
            for m in policy.milestones
        ],
    }


def _read_policy(data: dict[str, Any]) -> Submission[SlaPolicyIn]:
    """The policy form (its milestone rows included) as a submission."""
    values = _policy_values(data)
    body, errors = _decode_policy(values)
    return Submission(values=values, body=body, errors=errors, version=form_version(data))


class SlaPolicyPages(Controller):
    """The tenant's SLA policies and their milestone chains (admins)."""

    path = "/crm/sla-policies"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get()
    async def policies(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Every policy with its chain, in matching order explained."""
        found = await every_page(lambda cursor: services.list_policies(ctx, limit=200, cursor=cursor))
        return page(request, "crm/tickets/policies.html", policies=found, **_labels())

    def _form(
        self,
        request: Request[Any, Any, Any],
        values: dict[str, Any],
        *,
        policy_id: uuid.UUID | None = None,
        version: str | int | None = None,
        form: Submission[SlaPolicyIn] | None = None,
    ) -> Template:
        rows = list(values.get("milestones", [])) + [{} for _ in range(SPARE_ROWS)]
        return page(
            request,
            "crm/tickets/policy_form.html",
            status_code=form.status_code if form is not None else 200,
            values=values,
            rows=rows,
            policy_id=policy_id,
            version=version,
            errors=form.errors if form is not None else FormErrors(),
            saved=(form.conflict if form is not None else None) or {},
            **_labels(),
        )

    @get("/new")
    async def new(self, request: Request[Any, Any, Any]) -> Template:
        """The form for a new policy."""
        return self._form(request, {"active": True, "milestones": []})

    @post("/new")
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create the policy."""

        async def again(form: Submission[SlaPolicyIn]) -> Template:
            return self._form(request, form.values, form=form)

        return await run_form(
            _read_policy(data),
            lambda body, _version: savepoint(ctx, services.create_policy(ctx, body)),
            done=lambda _policy: redirect("/crm/sla-policies", notice="settings.saved"),
            again=again,
        )

    @get("/{policy_id:uuid}")
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], policy_id: FromPath[uuid.UUID]
    ) -> Template:
        """The form to change a policy and its milestones."""
        policy = await services.get_policy(ctx, policy_id)
        return self._form(request, _policy_form_values(policy), policy_id=policy.id, version=policy.version)

    @post("/{policy_id:uuid}")
    async def save(
        self, ctx: Ctx, request: Request[Any, Any, Any], policy_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the policy; a form someone else saved first shows the saved values next to the
        user's (409), and its version becomes the saved one."""
        saved_version: list[int] = []

        async def saved() -> dict[str, Any]:
            policy = await services.get_policy(ctx, policy_id)
            saved_version.append(policy.version)
            return _policy_form_values(policy)

        async def again(form: Submission[SlaPolicyIn]) -> Template:
            version = saved_version[-1] if saved_version else form.version
            return self._form(request, form.values, policy_id=policy_id, version=version, form=form)

        return await run_form(
            _read_policy(data),
            lambda body, version: savepoint(ctx, services.replace_policy(ctx, policy_id, body, version)),
            done=lambda _policy: redirect("/crm/sla-policies", notice="settings.saved"),
            again=again,
            saved=saved,
            back=f"/crm/sla-policies/{policy_id}",
        )


PAGES: list[type[Controller]] = [TicketPages, AccountTicketsPanel, SlaPolicyPages]
NAVIGATION: list[NavItem] = [
    NavItem(N_("Service tickets"), "/crm/tickets", module="crm", section=N_("CRM")),
    NavItem(N_("Ticket board"), "/crm/tickets/board", module="crm", section=N_("CRM")),
    NavItem(N_("SLA policies"), "/crm/sla-policies", Role.ADMIN, module="crm", section=N_("CRM")),
]
#: The tickets panel on an account's page.
PANELS: list[Panel] = [Panel("crm.account", "tickets", "/crm/accounts/{id}/tickets-panel", order=30)]
#: Each ticket on its account's timeline, when it was opened.
TIMELINE_SOURCES: list[TimelineSource] = [
    TimelineSource("crm.account", services.ticket_timeline_events, {"ticket": N_("Ticket")})
]
#: Alerts raised on a ticket (SLA breaches) link to it.
LINK_TARGETS: list[LinkTarget] = [LinkTarget("crm_tickets", "/crm/tickets/{id}")]
#: The tickets area's alert kinds, by type.
ALERT_KINDS = {"crm.ticket.sla_breached": N_("SLA breached")}
SEARCH_PROVIDERS: list[SearchProvider] = [
    SearchProvider("crm.tickets", N_("Service tickets"), services.search_tickets)
]
