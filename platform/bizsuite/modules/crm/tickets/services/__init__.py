"""Service tickets (工单) and SLA policies, one module per aggregate: ``policies`` (SLA policies),
``clock`` (due times, milestone states, breaches and the SLA sweep), ``tickets`` (opening,
changes, status, milestones, close, search) and ``events`` (a ticket's history and its account
timeline entries). Callers import this package (``from ...tickets import services``)."""

from __future__ import annotations

from bizsuite.modules.crm.tickets.schemas import TicketFilters
from bizsuite.modules.crm.tickets.services import clock
from bizsuite.modules.crm.tickets.services._shared import actor_name
from bizsuite.modules.crm.tickets.services.clock import (
    BREACH_ALERT,
    Breach,
    Clock,
    MilestoneView,
    mark_breaches,
    milestone_clocks,
    milestone_views,
    refresh_due_times,
    sweep_all_tenants,
    tenant_clock,
    ticket_milestones,
)
from bizsuite.modules.crm.tickets.services.events import (
    event_view,
    list_ticket_events,
    ticket_timeline_events,
)
from bizsuite.modules.crm.tickets.services.listing import (
    TICKET_LIST,
    bulk_change_tickets,
    group_names,
    list_tickets,
    ticket_groups,
    ticket_list,
)
from bizsuite.modules.crm.tickets.services.policies import (
    create_policy,
    delete_policy,
    get_policy,
    list_policies,
    matching_policy,
    policy_milestones,
    policy_view,
    replace_policy,
)
from bizsuite.modules.crm.tickets.services.tickets import (
    TicketView,
    change_status,
    close_ticket,
    complete_milestone,
    create_ticket,
    get_ticket,
    search_tickets,
    ticket_row,
    ticket_views,
    update_ticket,
)

__all__ = [
    "BREACH_ALERT",
    "TICKET_LIST",
    "Breach",
    "Clock",
    "MilestoneView",
    "TicketFilters",
    "TicketView",
    "actor_name",
    "bulk_change_tickets",
    "change_status",
    "clock",
    "close_ticket",
    "complete_milestone",
    "create_policy",
    "create_ticket",
    "delete_policy",
    "event_view",
    "get_policy",
    "get_ticket",
    "group_names",
    "list_policies",
    "list_ticket_events",
    "list_tickets",
    "mark_breaches",
    "matching_policy",
    "milestone_clocks",
    "milestone_views",
    "policy_milestones",
    "policy_view",
    "refresh_due_times",
    "replace_policy",
    "search_tickets",
    "sweep_all_tenants",
    "tenant_clock",
    "ticket_groups",
    "ticket_list",
    "ticket_milestones",
    "ticket_row",
    "ticket_timeline_events",
    "ticket_views",
    "update_ticket",
]
