"""CRM tickets: web pages and their navigation entries.

Service tickets (工单): the list with filters and export, the new-ticket form, one ticket with
its SLA milestone chain (met / breached / due-in countdown), status buttons (wait / resume),
milestone completion with a reason, and closing (with the satisfaction of a complaint). For
admins the SLA policies and their milestones. Every page calls the services the API calls.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Template
from sqlalchemy import select

from bizsuite.core.context import Context, principal_of
from bizsuite.core.db import utcnow
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem, ProblemError
from bizsuite.core.identity.models import Role, User
from bizsuite.modules.crm.accounts.services import member_choices
from bizsuite.modules.crm.models import (
    Account,
    SlaAnchor,
    Ticket,
    TicketCategory,
    TicketPriority,
    TicketStatus,
)
from bizsuite.modules.crm.tickets import rules, services
from bizsuite.modules.crm.tickets.schemas import (
    MilestoneCompletion,
    SlaPolicyIn,
    TicketClose,
    TicketCreate,
    TicketStatusChange,
)
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, decode_form, problem_errors
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import enum_or_none, query_params, redirect, signed_in, uuid_or_none
from bizsuite.web.templating import NavItem, page

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
LIST_FILTERS = ("status", "category", "priority", "breached", "account_id", "cursor")


def _labels() -> dict[str, Any]:
    return {
        "category_labels": CATEGORY_LABELS,
        "priority_labels": PRIORITY_LABELS,
        "status_labels": STATUS_LABELS,
        "state_labels": STATE_LABELS,
        "anchor_labels": ANCHOR_LABELS,
        "ticket_number": rules.ticket_number,
    }


async def _user_names(ctx: Context, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await ctx.session.execute(select(User.id, User.name).where(User.id.in_(wanted)))
    return {row[0]: row[1] for row in rows}


async def _account_names(ctx: Context, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = await ctx.session.execute(select(Account.id, Account.name).where(Account.id.in_(wanted)))
    return {row[0]: row[1] for row in rows}


async def _accounts(ctx: Context) -> list[tuple[uuid.UUID, str, str]]:
    rows = await ctx.session.execute(
        select(Account.id, Account.code, Account.name).order_by(Account.name).limit(CHOICES)
    )
    return [(row[0], row[1], row[2]) for row in rows]


def _filters(params: Any) -> services.TicketFilters:
    breached = params.get("breached")
    return services.TicketFilters(
        status=enum_or_none(TicketStatus, params.get("status")),
        category=enum_or_none(TicketCategory, params.get("category")),
        priority=enum_or_none(TicketPriority, params.get("priority")),
        # The account panel's "all tickets of this account" link.
        account_id=uuid_or_none(params.get("account_id")),
        breached={"yes": True, "no": False}.get(breached or ""),
    )


async def _rows(ctx: Context, tickets: list[Ticket]) -> list[dict[str, Any]]:
    """Tickets with their milestone views, assignee and account names, for the list and panel."""
    milestones = await services.ticket_milestones(ctx, [t.id for t in tickets])
    users = await _user_names(ctx, [t.assignee_user_id for t in tickets])
    accounts = await _account_names(ctx, [t.account_id for t in tickets])
    now = utcnow()
    rows = []
    for ticket in tickets:
        views = services.milestone_views(ticket, milestones[ticket.id], now)
        upcoming = next((v for v in views if v.state is rules.MilestoneState.DUE), None)
        rows.append(
            {
                "ticket": ticket,
                "views": views,
                "breached": any(v.state is rules.MilestoneState.BREACHED for v in views),
                "met": sum(v.state is rules.MilestoneState.MET for v in views),
                "next": upcoming,
                "assignee": users.get(ticket.assignee_user_id) if ticket.assignee_user_id else None,
                "account": accounts.get(ticket.account_id, ""),
            }
        )
    return rows


def _export_row(row: dict[str, Any]) -> tuple[Any, ...]:
    ticket: Ticket = row["ticket"]
    return (
        rules.ticket_number(ticket.number),
        ticket.title,
        row["account"],
        _(CATEGORY_LABELS[ticket.category.value]),
        _(PRIORITY_LABELS[ticket.priority.value]),
        _(STATUS_LABELS[ticket.status.value]),
        row["assignee"] or "",
        _("Yes") if row["breached"] else _("No"),
        f"{row['met']}/{len(row['views'])}",
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

    @get()
    async def tickets(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The tickets, newest first, filtered by status, category, priority and breach."""
        params = request.query_params
        found, next_cursor = await services.list_tickets(
            ctx, _filters(params), limit=PAGE_SIZE, cursor=params.get("cursor")
        )
        return page(
            request,
            "crm/tickets/list.html",
            rows=await _rows(ctx, found),
            next_cursor=next_cursor,
            params=query_params(request, *LIST_FILTERS),
            filters=params,
            **_labels(),
        )

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the filtered tickets as CSV or XLSX."""
        filters = _filters(request.query_params)
        found = await every_page(
            lambda cursor: services.list_tickets(ctx, filters, limit=200, cursor=cursor), limit=MAX_ROWS
        )
        return export_response(
            request.query_params.get("format", "csv"),
            "service-tickets",
            _export_headers(),
            [_export_row(r) for r in await _rows(ctx, found)],
        )

    async def _new_form(
        self,
        ctx: Context,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        values: dict[str, Any] | None = None,
        errors: FormErrors | None = None,
    ) -> Template:
        return page(
            request,
            "crm/tickets/new.html",
            status_code=status_code,
            accounts=await _accounts(ctx),
            members=await member_choices(ctx),
            values=values or {"priority": "normal", "account_id": request.query_params.get("account_id", "")},
            errors=errors or FormErrors(),
            **_labels(),
        )

    @get("/new", opt={"min_role": Role.MEMBER})
    async def new(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The form to open a ticket."""
        return await self._new_form(ctx, request)

    @post("/new", opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Open the ticket (policy matched, routed) and show it."""
        fields = ("account_id", "title", "category", "priority", "description", "assignee_user_id")
        # A field the browser did not send is omitted (not null), so the schema's defaults apply.
        values = {k: data.get(k) for k in fields if data.get(k) is not None}
        body, errors = decode_form(values, TicketCreate)
        if body is not None:
            try:
                async with ctx.session.begin_nested():
                    ticket = await services.create_ticket(ctx, body)
                return redirect(f"/crm/tickets/{ticket.id}")
            except ProblemError as problem:
                errors = problem_errors(problem)
        return await self._new_form(ctx, request, status_code=422, values=values, errors=errors)

    async def _detail(
        self,
        ctx: Context,
        request: Request[Any, Any, Any],
        ticket_id: uuid.UUID,
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        failed: str | None = None,
        values: dict[str, Any] | None = None,
    ) -> Template:
        ticket = await services.get_ticket(ctx, ticket_id)
        (row,) = await _rows(ctx, [ticket])
        events, _next = await services.list_ticket_events(ctx, ticket.id, limit=200, cursor=None)
        policy = await services.get_policy(ctx, ticket.policy_id) if ticket.policy_id else None
        return page(
            request,
            "crm/tickets/detail.html",
            status_code=status_code,
            row=row,
            ticket=ticket,
            policy=policy,
            events=events,
            status_actions=[
                (target, label)
                for target, label in STATUS_ACTIONS.items()
                if rules.can_change(ticket.status, TicketStatus(target))
            ],
            errors=errors or FormErrors(),
            failed=failed,
            values=values or {},
            **_labels(),
        )

    @get("/{ticket_id:uuid}")
    async def detail(
        self, ctx: Ctx, request: Request[Any, Any, Any], ticket_id: FromPath[uuid.UUID]
    ) -> Template:
        """One ticket: facts, the SLA milestone chain, actions and history."""
        return await self._detail(ctx, request, ticket_id)

    async def _act(
        self,
        ctx: Context,
        request: Request[Any, Any, Any],
        ticket_id: uuid.UUID,
        data: dict[str, Any],
        action: str,
        run: Any,
    ) -> Response[Any]:
        here = f"/crm/tickets/{ticket_id}"
        try:
            async with ctx.session.begin_nested():
                await run()
            return redirect(here)
        except ProblemError as problem:
            if problem.status == 404:
                raise
            if problem.status != 422:
                return redirect(here, notice=f"error.{problem.slug}")
            errors = problem_errors(problem)
        return await self._detail(
            ctx, request, ticket_id, status_code=422, errors=errors, failed=action, values=data
        )

    @post("/{ticket_id:uuid}/status", opt={"min_role": Role.MEMBER})
    async def change_status(
        self, ctx: Ctx, request: Request[Any, Any, Any], ticket_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Move the ticket (wait pauses the SLA clocks, resume restarts them)."""
        body, errors = decode_form({k: data.get(k) for k in ("status", "note")}, TicketStatusChange)
        if body is None:
            return await self._detail(
                ctx, request, ticket_id, status_code=422, errors=errors, failed="status"
            )
        checked = body
        return await self._act(
            ctx,
            request,
            ticket_id,
            data,
            "status",
            lambda: services.change_status(ctx, ticket_id, checked, data.get("version") or None),
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
        body, errors = decode_form({"reason": data.get("reason")}, MilestoneCompletion)
        action = f"milestone-{key}"
        if body is None:
            return await self._detail(ctx, request, ticket_id, status_code=422, errors=errors, failed=action)
        checked = body
        return await self._act(
            ctx,
            request,
            ticket_id,
            data,
            action,
            lambda: services.complete_milestone(ctx, ticket_id, key, checked, data.get("version") or None),
        )

    @post("/{ticket_id:uuid}/close", opt={"min_role": Role.MEMBER})
    async def close(
        self, ctx: Ctx, request: Request[Any, Any, Any], ticket_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Close the ticket (a complaint records the customer's satisfaction)."""
        values = {k: data.get(k) for k in ("satisfaction", "close_note")}
        body, errors = decode_form(values, TicketClose)
        if body is None:
            return await self._detail(
                ctx, request, ticket_id, status_code=422, errors=errors, failed="close", values=data
            )
        checked = body
        return await self._act(
            ctx,
            request,
            ticket_id,
            data,
            "close",
            lambda: services.close_ticket(ctx, ticket_id, checked, data.get("version") or None),
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
                "rows": await _rows(ctx, found),
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
        milestones = await services.policy_milestones(ctx, [p.id for p in found])
        return page(
            request,
            "crm/tickets/policies.html",
            policies=[(p, milestones[p.id]) for p in found],
            **_labels(),
        )

    def _form(
        self,
        request: Request[Any, Any, Any],
        values: dict[str, Any],
        *,
        policy_id: uuid.UUID | None = None,
        version: int | None = None,
        status_code: int = 200,
        errors: FormErrors | None = None,
    ) -> Template:
        rows = list(values.get("milestones", [])) + [{} for _ in range(SPARE_ROWS)]
        return page(
            request,
            "crm/tickets/policy_form.html",
            status_code=status_code,
            values=values,
            rows=rows,
            policy_id=policy_id,
            version=version,
            errors=errors or FormErrors(),
            **_labels(),
        )

    @get("/new")
    async def new(self, request: Request[Any, Any, Any]) -> Template:
        """The form for a new policy."""
        return self._form(request, {"active": True, "milestones": []})

    @post("/new")
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create the policy."""
        values = _policy_values(data)
        body, errors = _decode_policy(values)
        if body is not None:
            try:
                async with ctx.session.begin_nested():
                    await services.create_policy(ctx, body)
                return redirect("/crm/sla-policies", notice="settings.saved")
            except ProblemError as problem:
                errors = problem_errors(problem)
        return self._form(request, values, status_code=422, errors=errors)

    @get("/{policy_id:uuid}")
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], policy_id: FromPath[uuid.UUID]
    ) -> Template:
        """The form to change a policy and its milestones."""
        policy = await services.get_policy(ctx, policy_id)
        milestones = (await services.policy_milestones(ctx, [policy.id]))[policy.id]
        values = {
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
                for m in milestones
            ],
        }
        return self._form(request, values, policy_id=policy.id, version=policy.version)

    @post("/{policy_id:uuid}")
    async def save(
        self, ctx: Ctx, request: Request[Any, Any, Any], policy_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the policy (a stale form gets the version-mismatch notice)."""
        values = _policy_values(data)
        version = data.get("version") or None
        body, errors = _decode_policy(values)
        if body is not None:
            try:
                async with ctx.session.begin_nested():
                    await services.replace_policy(ctx, policy_id, body, version)
                return redirect("/crm/sla-policies", notice="settings.saved")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                if problem.status != 422:
                    return redirect(f"/crm/sla-policies/{policy_id}", notice=f"error.{problem.slug}")
                errors = problem_errors(problem)
        return self._form(
            request,
            values,
            policy_id=policy_id,
            version=int(version) if version and str(version).isdigit() else None,
            status_code=422,
            errors=errors,
        )


PAGES: list[type[Controller]] = [TicketPages, AccountTicketsPanel, SlaPolicyPages]
NAVIGATION: list[NavItem] = [
    NavItem(N_("Service tickets"), "/crm/tickets", module="crm", section=N_("CRM")),
    NavItem(N_("SLA policies"), "/crm/sla-policies", Role.ADMIN, module="crm", section=N_("CRM")),
]
