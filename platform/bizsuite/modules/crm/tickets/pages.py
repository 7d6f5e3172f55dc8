"""CRM tickets: web pages and their navigation entries.

Service tickets (工单): the list with filters and export, the new-ticket form, one ticket with
its SLA milestone chain (met / breached / due-in countdown), status buttons (wait / resume),
milestone completion with a reason, and closing (with the satisfaction of a complaint). For
admins the SLA policies and their milestones. Every page calls the services the API calls.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Template
from sqlalchemy import select

from bizsuite.core.context import Context, principal_of
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem
from bizsuite.core.identity.models import Role
from bizsuite.kit import LinkTarget, NavItem, Panel, SearchProvider, TimelineSource
from bizsuite.modules.crm.accounts.services import member_choices
from bizsuite.modules.crm.models import Account, SlaAnchor, TicketCategory, TicketPriority, TicketStatus
from bizsuite.modules.crm.tickets import rules, services
from bizsuite.modules.crm.tickets.api import Filters, ticket_filters
from bizsuite.modules.crm.tickets.schemas import (
    MilestoneCompletion,
    SlaPolicyIn,
    SlaPolicyOut,
    TicketClose,
    TicketCreate,
    TicketStatusChange,
)
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, Submission, decode_form, form_version, read_form, saved_values
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import filtered_by, query_as_sent, redirect, run_form, savepoint, signed_in
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
STATUS_LABELS = {
    TicketStatus.OPEN.value: N_("Open"),
    TicketStatus.IN_PROGRESS.value: N_("In progress"),
    TicketStatus.WAITING.value: N_("Waiting"),
    TicketStatus.RESOLVED.value: N_("Resolved"),
    TicketStatus.CLOSED.value: N_("Closed"),
}
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
#: The status buttons of a ticket: target status -> label.
STATUS_ACTIONS = {
    TicketStatus.IN_PROGRESS.value: N_("Start work"),
    TicketStatus.WAITING.value: N_("Wait (pause SLA)"),
    TicketStatus.OPEN.value: N_("Reopen"),
    TicketStatus.RESOLVED.value: N_("Resolve"),
}
#: Service messages shown next to form fields, translated.
SERVICE_MESSAGES = (
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
LIST_PARAMS = ("status", "category", "priority", "breached", "assignee_user_id", "account_id", "cursor")
NEW_FIELDS = ("account_id", "title", "category", "priority", "description", "assignee_user_id")
CLOSE_FIELDS = ("satisfaction", "close_note")
#: The list's filters as the API reads them; the SLA filter's choices (``breached=yes|no``, also
#: in bookmarks) are the boolean parameter.
PAGE_FILTERS = filtered_by(ticket_filters, aliases={"breached": {"yes": "true", "no": "false"}})


def _labels() -> dict[str, Any]:
    return {
        "category_labels": CATEGORY_LABELS,
        "priority_labels": PRIORITY_LABELS,
        "status_labels": STATUS_LABELS,
        "state_labels": STATE_LABELS,
        "anchor_labels": ANCHOR_LABELS,
        "ticket_number": rules.ticket_number,
    }


async def _accounts(ctx: Context) -> list[tuple[uuid.UUID, str, str]]:
    rows = await ctx.session.execute(
        select(Account.id, Account.code, Account.name).order_by(Account.name).limit(CHOICES)
    )
    return [(row[0], row[1], row[2]) for row in rows]


def _export_row(view: services.TicketView) -> tuple[Any, ...]:
    ticket = view.ticket
    return (
        view.number,
        ticket.title,
        view.account_name,
        _(CATEGORY_LABELS[ticket.category.value]),
        _(PRIORITY_LABELS[ticket.priority.value]),
        _(STATUS_LABELS[ticket.status.value]),
        view.assignee_name or "",
        _("Yes") if view.breached else _("No"),
        f"{view.met}/{len(view.milestones)}",
        ticket.satisfaction or "",
        ticket.created_at,
        ticket.closed_at or "",
    )


def _export_headers() -> list[str]:
    return [
        _("Number"),
        _("Title"),
        _("Account"),
        _("Category"),
        _("Priority"),
        _("Status"),
        _("Assignee"),
        _("SLA breached"),
        _("Milestones met"),
        _("Satisfaction"),
        _("Opened"),
        _("Closed"),
    ]


class TicketPages(Controller):
    """Service tickets: list, new, one ticket with its SLA chain and actions."""

    path = "/crm/tickets"
    include_in_schema = False
    guards = [signed_in]

    @get(**PAGE_FILTERS)
    async def tickets(self, ctx: Ctx, request: Request[Any, Any, Any], filters: Filters) -> Template:
        """The tickets, newest first, filtered by status, category, priority and breach."""
        found, next_cursor = await services.list_tickets(
            ctx, filters, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        sent = query_as_sent(request)
        return page(
            request,
            "crm/tickets/list.html",
            rows=found,
            next_cursor=next_cursor,
            params={name: value for name in LIST_PARAMS if (value := sent.get(name))},
            filters=sent,
            **_labels(),
        )

    @get("/export", **PAGE_FILTERS)
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any], filters: Filters) -> Response[bytes]:
        """Download the filtered tickets as CSV or XLSX."""
        found = await every_page(
            lambda cursor: services.list_tickets(ctx, filters, limit=200, cursor=cursor), limit=MAX_ROWS
        )
        return export_response(
            request.query_params.get("format", "csv"),
            "service-tickets",
            _export_headers(),
            [_export_row(view) for view in found],
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
            members=await member_choices(ctx),
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
                (target, label)
                for target, label in STATUS_ACTIONS.items()
                if rules.can_change(ticket.status, TicketStatus(target))
            ],
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
SEARCH_PROVIDERS: list[SearchProvider] = [
    SearchProvider("crm.tickets", N_("Service tickets"), services.search_tickets)
]
