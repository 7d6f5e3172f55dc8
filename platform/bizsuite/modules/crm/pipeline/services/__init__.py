"""Pipeline workflows, one module per aggregate: ``stages`` (defaults on first use, invariants,
order), ``opportunities`` (create, update, move stage with closing rules, events and audit),
``forecast`` (grouped SQL) and ``timeline`` (the account timeline's entries and the search).
Callers import this package (``from ...pipeline import services``)."""

from __future__ import annotations

from bizsuite.modules.crm.pipeline.schemas import OpportunityFilters
from bizsuite.modules.crm.pipeline.services.forecast import (
    ForecastLine,
    OwnerFigures,
    StageFigures,
    forecast,
    forecast_lines,
    owner_summary,
    stage_summary,
)
from bizsuite.modules.crm.pipeline.services.listing import (
    OPPORTUNITY_LIST,
    account_opportunities,
    bulk_assign_opportunities,
    list_opportunities,
    opportunity_groups,
    opportunity_list,
    stage_of_group,
)
from bizsuite.modules.crm.pipeline.services.opportunities import (
    OpportunityView,
    account_choices,
    board,
    check_filters,
    column_figures,
    create_opportunity,
    delete_opportunity,
    get_opportunity,
    may_move_or_delete,
    move_stage,
    update_opportunity,
)
from bizsuite.modules.crm.pipeline.services.stages import (
    create_stage,
    delete_stage,
    get_stage,
    list_stages,
    reorder_stages,
    update_stage,
)
from bizsuite.modules.crm.pipeline.services.timeline import (
    opportunity_closed_events,
    opportunity_created_events,
    search_opportunities,
)

__all__ = [
    "OPPORTUNITY_LIST",
    "ForecastLine",
    "OpportunityFilters",
    "OpportunityView",
    "OwnerFigures",
    "StageFigures",
    "account_choices",
    "account_opportunities",
    "board",
    "bulk_assign_opportunities",
    "check_filters",
    "column_figures",
    "create_opportunity",
    "create_stage",
    "delete_opportunity",
    "delete_stage",
    "forecast",
    "forecast_lines",
    "get_opportunity",
    "get_stage",
    "list_opportunities",
    "list_stages",
    "may_move_or_delete",
    "move_stage",
    "opportunity_closed_events",
    "opportunity_created_events",
    "opportunity_groups",
    "opportunity_list",
    "owner_summary",
    "reorder_stages",
    "search_opportunities",
    "stage_of_group",
    "stage_summary",
    "update_opportunity",
    "update_stage",
]
