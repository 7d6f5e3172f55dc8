"""CRM tickets: API controllers (tag `crm`): SLA policies and service tickets (工单)."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, delete, get, patch, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.modules.crm.models import TicketCategory, TicketPriority, TicketStatus
from bizsuite.modules.crm.tickets import services
from bizsuite.modules.crm.tickets.schemas import (
    MilestoneCompletion,
    SlaPolicyIn,
    SlaPolicyOut,
    SlaPolicyPage,
    TicketBulk,
    TicketBulkResult,
    TicketClose,
    TicketCreate,
    TicketEventPage,
    TicketFilters,
    TicketMilestoneOut,
    TicketOut,
    TicketPage,
    TicketStatusChange,
    TicketUpdate,
)
from bizsuite.web.lists import list_state

SearchParam = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00]*$",
        description="Text found anywhere in the title, in any case (``电梯``), or the ticket's number "
        "(``T-000123`` or ``123``).",
    ),
]
SortParam = Annotated[
    str | None,
    QueryParameter(
        max_length=50,
        description="Sort column (``number``, ``title``, ``priority``, ``status``, ``created_at``, "
        "``updated_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.",
    ),
]
BeforeParam = Annotated[
    str | None,
    QueryParameter(
        max_length=200, description="Opaque cursor from a page's `previous_cursor`: the page before it."
    ),
]
CountParam = Annotated[
    bool, QueryParameter(description="Also count the tickets the filters leave (``total``).")
]


def ticket_filters(
    status: FromQuery[TicketStatus | None] = None,
    category: FromQuery[TicketCategory | None] = None,
    priority: FromQuery[TicketPriority | None] = None,
    assignee_user_id: FromQuery[uuid.UUID | None] = None,
    account_id: FromQuery[uuid.UUID | None] = None,
    breached: FromQuery[bool | None] = None,
    q: SearchParam = None,
) -> TicketFilters:
    """The ticket list's filters from their typed query parameters (the API list, the tickets
    page and its export)."""
    return TicketFilters(
        status=status,
        category=category,
        priority=priority,
        assignee_user_id=assignee_user_id,
        account_id=account_id,
        breached=breached,
        q=q,
    )


#: Inject :func:`ticket_filters` as ``filters``; a handler declares ``filters: Filters``.
TICKET_FILTERS = {"filters": Provide(ticket_filters, sync_to_thread=False)}
Filters = NamedDependency[TicketFilters]


def ticket_out(view: services.TicketView) -> TicketOut:
    """The API shape of a ticket and its milestones' states."""
    ticket = view.ticket
    return TicketOut(
        id=ticket.id,
        number=view.number,
        account_id=ticket.account_id,
        contact_id=ticket.contact_id,
        title=ticket.title,
        description=ticket.description,
        category=ticket.category,
        priority=ticket.priority,
        status=ticket.status,
        assignee_user_id=ticket.assignee_user_id,
        zone_id=ticket.zone_id,
        policy_id=ticket.policy_id,
        policy_name=view.policy_name,
        account_name=view.account_name,
        assignee_name=view.assignee_name,
        satisfaction=ticket.satisfaction,
        close_note=ticket.close_note,
        resolved_at=ticket.resolved_at,
        closed_at=ticket.closed_at,
        breached=view.breached,
        milestones=[
            TicketMilestoneOut(
                key=v.milestone.key,
                name=v.milestone.name,
                position=v.milestone.position,
                target_minutes=v.milestone.target_minutes,
                same_day=v.milestone.same_day,
                anchor=v.milestone.anchor,
                reason_allowed=v.milestone.reason_allowed,
                due_at=v.milestone.due_at,
                met_at=v.milestone.met_at,
                breached_at=v.milestone.breached_at,
                reason=v.milestone.reason,
                state=v.state,
                due_in_seconds=v.due_in_seconds,
                anchor_at=v.anchor_at,
                paused_seconds=v.paused_seconds,
            )
            for v in view.milestones
        ],
        created_by=ticket.created_by,
        created_at=ticket.created_at,
        updated_at=ticket.updated_at,
        version=ticket.version,
    )


class SlaPolicyController(Controller):
    """SLA policies: chains of milestones matched to tickets by category and priority."""

    path = "/api/v1/crm/sla-policies"
    tags = ["crm"]
    guards = [tenant_guard]

    @get(operation_id="list_crm_sla_policies", summary="List SLA policies")
    async def list_crm_sla_policies(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        active: FromQuery[bool | None] = None,
    ) -> SlaPolicyPage:
        """List policies with their milestones, oldest first."""
        policies, next_cursor = await services.list_policies(ctx, limit=limit, cursor=cursor, active=active)
        return SlaPolicyPage(items=policies, next_cursor=next_cursor)

    @post(operation_id="create_crm_sla_policy", summary="Create an SLA policy", opt={"min_role": Role.ADMIN})
    async def create_crm_sla_policy(self, ctx: Ctx, data: JSONBody[SlaPolicyIn]) -> SlaPolicyOut:
        """Create a policy with its ordered milestones."""
        return await services.create_policy(ctx, data)

    @get("/{policy_id:uuid}", operation_id="get_crm_sla_policy", summary="Get an SLA policy")
    async def get_crm_sla_policy(self, ctx: Ctx, policy_id: FromPath[uuid.UUID]) -> SlaPolicyOut:
        """Return one policy with its milestones."""
        return await services.get_policy(ctx, policy_id)

    @put(
        "/{policy_id:uuid}",
        operation_id="replace_crm_sla_policy",
        summary="Replace an SLA policy",
        opt={"min_role": Role.ADMIN},
    )
    async def replace_crm_sla_policy(
        self, ctx: Ctx, policy_id: FromPath[uuid.UUID], data: JSONBody[SlaPolicyIn], if_match: IfMatch = None
    ) -> SlaPolicyOut:
        """Replace a policy's matching rule and milestones; open tickets keep the chain they got."""
        return await services.replace_policy(ctx, policy_id, data, if_match)

    @delete(
        "/{policy_id:uuid}",
        operation_id="delete_crm_sla_policy",
        summary="Delete an unused SLA policy",
        opt={"min_role": Role.ADMIN},
    )
    async def delete_crm_sla_policy(
        self, ctx: Ctx, policy_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a policy no ticket uses (409 otherwise: deactivate it)."""
        await services.delete_policy(ctx, policy_id, if_match)


class TicketController(Controller):
    """Service tickets (工单) with SLA milestones."""

    path = "/api/v1/crm/tickets"
    tags = ["crm"]
    guards = [tenant_guard]

    @get(operation_id="list_crm_tickets", summary="List service tickets", dependencies=TICKET_FILTERS)
    async def list_crm_tickets(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        before: BeforeParam = None,
        sort: SortParam = None,
        count: CountParam = False,
        *,
        filters: Filters,
    ) -> TicketPage:
        """List tickets, newest first or in the order ``sort`` names, with their milestones'
        states; filtered by status, category, priority, assignee, account, breach, or ``q``."""
        query = {"sort": sort, "cursor": cursor, "before": before}
        state = list_state(services.TICKET_LIST, {k: v for k, v in query.items() if v}, strict=True)
        page, total = await services.ticket_list(ctx, filters, state, limit=limit, count=count)
        return TicketPage(
            items=[ticket_out(t) for t in page.items],
            next_cursor=page.next_cursor,
            previous_cursor=page.previous_cursor,
            total=total,
        )

    @post(
        "/bulk",
        operation_id="update_crm_tickets",
        summary="Change several service tickets",
        status_code=200,
    )
    async def update_crm_tickets(self, ctx: Ctx, data: JSONBody[TicketBulk]) -> TicketBulkResult:
        """Assign several tickets or change their priority at once, all or nothing (another
        tenant's or an unknown id, or a closed ticket, refuses the whole change); each ticket's
        change is recorded in its history and audited, and a new priority re-matches its SLA."""
        return await services.bulk_change_tickets(ctx, data)

    @post(operation_id="create_crm_ticket", summary="Open a service ticket")
    async def create_crm_ticket(self, ctx: Ctx, data: JSONBody[TicketCreate]) -> TicketOut:
        """Open a ticket: its SLA policy is matched, milestones start, it is routed to the zone owner."""
        return ticket_out(await services.create_ticket(ctx, data))

    @get("/{ticket_id:uuid}", operation_id="get_crm_ticket", summary="Get a service ticket")
    async def get_crm_ticket(self, ctx: Ctx, ticket_id: FromPath[uuid.UUID]) -> TicketOut:
        """Return a ticket with each milestone: met, breached, or due in so many seconds."""
        return ticket_out(await services.get_ticket(ctx, ticket_id))

    @patch("/{ticket_id:uuid}", operation_id="update_crm_ticket", summary="Update a service ticket")
    async def update_crm_ticket(
        self, ctx: Ctx, ticket_id: FromPath[uuid.UUID], data: JSONBody[TicketUpdate], if_match: IfMatch = None
    ) -> TicketOut:
        """Change title, description, priority, contact or assignee (send ``If-Match``)."""
        return ticket_out(await services.update_ticket(ctx, ticket_id, data, if_match))

    @post(
        "/{ticket_id:uuid}/status",
        operation_id="change_crm_ticket_status",
        summary="Change a ticket's status",
        status_code=200,
    )
    async def change_crm_ticket_status(
        self,
        ctx: Ctx,
        ticket_id: FromPath[uuid.UUID],
        data: JSONBody[TicketStatusChange],
        if_match: IfMatch = None,
    ) -> TicketOut:
        """Move the ticket; ``waiting`` pauses its SLA clocks and leaving it resumes them."""
        return ticket_out(await services.change_status(ctx, ticket_id, data, if_match))

    @post(
        "/{ticket_id:uuid}/milestones/{key:str}",
        operation_id="complete_crm_ticket_milestone",
        summary="Reach a ticket milestone",
        status_code=200,
    )
    async def complete_crm_ticket_milestone(
        self,
        ctx: Ctx,
        ticket_id: FromPath[uuid.UUID],
        key: FromPath[str],
        data: JSONBody[MilestoneCompletion],
        if_match: IfMatch = None,
    ) -> TicketOut:
        """Mark a milestone reached now, or record the reason where the milestone allows one."""
        return ticket_out(await services.complete_milestone(ctx, ticket_id, key, data, if_match))

    @post(
        "/{ticket_id:uuid}/close",
        operation_id="close_crm_ticket",
        summary="Close a service ticket",
        status_code=200,
    )
    async def close_crm_ticket(
        self, ctx: Ctx, ticket_id: FromPath[uuid.UUID], data: JSONBody[TicketClose], if_match: IfMatch = None
    ) -> TicketOut:
        """Close the ticket; complaints need the customer's satisfaction (1..5)."""
        return ticket_out(await services.close_ticket(ctx, ticket_id, data, if_match))

    @get(
        "/{ticket_id:uuid}/events",
        operation_id="list_crm_ticket_events",
        summary="List a ticket's history",
    )
    async def list_crm_ticket_events(
        self,
        ctx: Ctx,
        ticket_id: FromPath[uuid.UUID],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> TicketEventPage:
        """Status changes, pauses, milestones and breaches, oldest first."""
        events, next_cursor = await services.list_ticket_events(ctx, ticket_id, limit=limit, cursor=cursor)
        return TicketEventPage(items=events, next_cursor=next_cursor)


CONTROLLERS: list[type[Controller]] = [SlaPolicyController, TicketController]
