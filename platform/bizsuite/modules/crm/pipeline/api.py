"""CRM pipeline: API controllers (tag `crm`): stages, opportunities and the forecast."""

from __future__ import annotations

import uuid
from typing import Annotated

import msgspec
from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.modules.crm.pipeline import services
from bizsuite.modules.crm.pipeline.schemas import (
    OpportunityBulk,
    OpportunityBulkResult,
    OpportunityCreate,
    OpportunityFilters,
    OpportunityOut,
    OpportunityPage,
    OpportunityStageMove,
    OpportunityStatus,
    OpportunityUpdate,
    PipelineForecast,
    PipelineForecastMonth,
    PipelineOwnerSummary,
    PipelineStageCreate,
    PipelineStageList,
    PipelineStageOrder,
    PipelineStageOut,
    PipelineStageSummary,
    PipelineStageUpdate,
)
from bizsuite.web.lists import list_state

SearchParam = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00]*$",
        description="Text found anywhere in the opportunity's name or its account's code, name or "
        "phone, in any case (``电梯``).",
    ),
]
SortParam = Annotated[
    str | None,
    QueryParameter(
        max_length=50,
        description="Sort column (``name``, ``amount``, ``weighted_amount``, ``created_at``); ``-`` "
        "first for descending. Default ``-created_at``; ties go by id.",
    ),
]
BeforeParam = Annotated[
    str | None,
    QueryParameter(
        max_length=200, description="Opaque cursor from a page's `previous_cursor`: the page before it."
    ),
]
CountParam = Annotated[
    bool, QueryParameter(description="Also count the opportunities the filters leave (``total``).")
]
MonthsParam = Annotated[
    int, QueryParameter(ge=1, le=24, description="How many months, starting with the current one.")
]


def provide_opportunity_filters(
    stage_id: FromQuery[uuid.UUID | None] = None,
    account_id: FromQuery[uuid.UUID | None] = None,
    owner_user_id: FromQuery[uuid.UUID | None] = None,
    status: FromQuery[OpportunityStatus | None] = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> OpportunityFilters:
    """The opportunity list's (and the board's) filters from the query.

    ``limit`` and ``cursor`` belong to the handler; they are declared here too only so that a
    bad one is reported together with bad filters (Litestar checks a dependency's parameters
    before the handler's).
    """
    del limit, cursor
    return OpportunityFilters(
        stage_id=stage_id, account_id=account_id, owner_user_id=owner_user_id, status=status
    )


#: The list handlers' dependency: ``filters`` built from the typed query parameters.
OPPORTUNITY_FILTERS = {"filters": Provide(provide_opportunity_filters, sync_to_thread=False)}


def opportunity_out(view: services.OpportunityView) -> OpportunityOut:
    """The API shape of an opportunity."""
    opportunity = view.opportunity
    return OpportunityOut(
        id=opportunity.id,
        account_id=opportunity.account_id,
        account_name=view.account_name,
        name=opportunity.name,
        amount=opportunity.amount,
        currency=opportunity.currency,
        stage_id=view.stage.id,
        stage_name=view.stage.name,
        stage_kind=view.stage.kind,
        probability=view.stage.probability,
        expected_value=view.expected_value,
        status=view.status,
        owner_user_id=opportunity.owner_user_id,
        owner_name=view.owner_name,
        expected_close=opportunity.expected_close,
        closed_at=opportunity.closed_at,
        close_reason=opportunity.close_reason,
        created_at=opportunity.created_at,
        updated_at=opportunity.updated_at,
        version=opportunity.version,
    )


class PipelineStageController(Controller):
    """The tenant's pipeline stages (admins change them)."""

    path = "/api/v1/crm/pipeline-stages"
    tags = ["crm"]
    guards = [tenant_guard]

    @get(operation_id="list_crm_pipeline_stages", summary="List pipeline stages")
    async def list_crm_pipeline_stages(self, ctx: Ctx) -> PipelineStageList:
        """The whole pipeline in order (a new tenant gets the default stages)."""
        return PipelineStageList(items=await services.list_stages(ctx))

    @post(
        operation_id="create_crm_pipeline_stage",
        summary="Add a pipeline stage",
        opt={"min_role": Role.ADMIN},
    )
    async def create_crm_pipeline_stage(
        self, ctx: Ctx, data: JSONBody[PipelineStageCreate]
    ) -> PipelineStageOut:
        """Add a stage, last or at ``position``; exactly one won and at least one lost stage remain."""
        return await services.create_stage(ctx, data)

    @get("/{stage_id:uuid}", operation_id="get_crm_pipeline_stage", summary="Get a pipeline stage")
    async def get_crm_pipeline_stage(self, ctx: Ctx, stage_id: FromPath[uuid.UUID]) -> PipelineStageOut:
        """Return one stage."""
        return await services.get_stage(ctx, stage_id)

    @patch(
        "/{stage_id:uuid}",
        operation_id="update_crm_pipeline_stage",
        summary="Update a pipeline stage",
        opt={"min_role": Role.ADMIN},
    )
    async def update_crm_pipeline_stage(
        self,
        ctx: Ctx,
        stage_id: FromPath[uuid.UUID],
        data: JSONBody[PipelineStageUpdate],
        if_match: IfMatch = None,
    ) -> PipelineStageOut:
        """Rename a stage, change its probability or kind, or move it."""
        return await services.update_stage(ctx, stage_id, data, if_match)

    @delete(
        "/{stage_id:uuid}",
        operation_id="delete_crm_pipeline_stage",
        summary="Delete a pipeline stage",
        opt={"min_role": Role.ADMIN},
    )
    async def delete_crm_pipeline_stage(
        self, ctx: Ctx, stage_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete an empty stage (409 while opportunities are in it or it is the only won/lost one)."""
        await services.delete_stage(ctx, stage_id, if_match)

    @post(
        "/reorder",
        operation_id="reorder_crm_pipeline_stages",
        summary="Reorder the pipeline stages",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def reorder_crm_pipeline_stages(
        self, ctx: Ctx, data: JSONBody[PipelineStageOrder]
    ) -> PipelineStageList:
        """Put every stage in the given order (``stage_ids`` lists each stage once)."""
        return PipelineStageList(items=await services.reorder_stages(ctx, data))


class OpportunityController(Controller):
    """Opportunities (商机) moving through the pipeline."""

    path = "/api/v1/crm/opportunities"
    tags = ["crm"]
    guards = [tenant_guard]

    @get(
        operation_id="list_crm_opportunities",
        summary="List opportunities",
        dependencies=OPPORTUNITY_FILTERS,
    )
    async def list_crm_opportunities(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        before: BeforeParam = None,
        sort: SortParam = None,
        count: CountParam = False,
        q: SearchParam = None,
        *,
        filters: NamedDependency[
            OpportunityFilters
        ],  # after the page parameters: the OpenAPI lists them first
    ) -> OpportunityPage:
        """List opportunities, newest first or in the order ``sort`` names, by stage, account,
        owner or status (open/won/lost), or ``q`` found in their or their account's name."""
        filters = await services.check_filters(ctx, msgspec.structs.replace(filters, q=q))
        query = {"sort": sort, "cursor": cursor, "before": before}
        state = list_state(services.OPPORTUNITY_LIST, {k: v for k, v in query.items() if v}, strict=True)
        page, total = await services.opportunity_list(ctx, filters, state, limit=limit, count=count)
        return OpportunityPage(
            items=[opportunity_out(v) for v in page.items],
            next_cursor=page.next_cursor,
            previous_cursor=page.previous_cursor,
            total=total,
        )

    @post(
        "/bulk",
        operation_id="update_crm_opportunities",
        summary="Hand several opportunities to an owner",
        status_code=200,
    )
    async def update_crm_opportunities(
        self, ctx: Ctx, data: JSONBody[OpportunityBulk]
    ) -> OpportunityBulkResult:
        """Give several opportunities one owner, all or nothing: another tenant's or an unknown
        id refuses the whole change (422), so does a deal the caller may not change (403: only
        its owner, a manager or an admin changes a deal); each change is audited."""
        return await services.bulk_assign_opportunities(ctx, data)

    @post(operation_id="create_crm_opportunity", summary="Create an opportunity")
    async def create_crm_opportunity(self, ctx: Ctx, data: JSONBody[OpportunityCreate]) -> OpportunityOut:
        """Open an opportunity on one of the tenant's accounts."""
        return opportunity_out(await services.create_opportunity(ctx, data))

    @get("/{opportunity_id:uuid}", operation_id="get_crm_opportunity", summary="Get an opportunity")
    async def get_crm_opportunity(self, ctx: Ctx, opportunity_id: FromPath[uuid.UUID]) -> OpportunityOut:
        """Return one opportunity with its stage and expected value."""
        return opportunity_out(await services.get_opportunity(ctx, opportunity_id))

    @patch("/{opportunity_id:uuid}", operation_id="update_crm_opportunity", summary="Update an opportunity")
    async def update_crm_opportunity(
        self,
        ctx: Ctx,
        opportunity_id: FromPath[uuid.UUID],
        data: JSONBody[OpportunityUpdate],
        if_match: IfMatch = None,
    ) -> OpportunityOut:
        """Change the account, name, amount, currency, owner or expected close date."""
        return opportunity_out(await services.update_opportunity(ctx, opportunity_id, data, if_match))

    @delete("/{opportunity_id:uuid}", operation_id="delete_crm_opportunity", summary="Delete an opportunity")
    async def delete_crm_opportunity(
        self, ctx: Ctx, opportunity_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete an opportunity entered by mistake."""
        await services.delete_opportunity(ctx, opportunity_id, if_match)

    @post(
        "/{opportunity_id:uuid}/stage",
        operation_id="move_crm_opportunity_stage",
        summary="Move an opportunity to another stage",
        status_code=200,
    )
    async def move_crm_opportunity_stage(
        self,
        ctx: Ctx,
        opportunity_id: FromPath[uuid.UUID],
        data: JSONBody[OpportunityStageMove],
        if_match: IfMatch = None,
    ) -> OpportunityOut:
        """Move to a stage: won sets ``closed_at``, lost needs a ``reason``, open reopens."""
        return opportunity_out(await services.move_stage(ctx, opportunity_id, data, if_match))


class PipelineForecastController(Controller):
    """The pipeline forecast."""

    path = "/api/v1/crm/pipeline/forecast"
    tags = ["crm"]
    guards = [tenant_guard]

    @get(operation_id="get_crm_pipeline_forecast", summary="Pipeline forecast by month and stage")
    async def get_crm_pipeline_forecast(self, ctx: Ctx, months: MonthsParam = 6) -> PipelineForecast:
        """Per month of expected close: open amount, weighted value and won amount; and by stage."""
        figures = await services.forecast(ctx, months)
        stages = await services.stage_summary(ctx)
        return PipelineForecast(
            currency=ctx.tenant.currency,
            months=[
                PipelineForecastMonth(
                    month=m.month,
                    open_amount=m.open_amount,
                    weighted_amount=m.weighted_amount,
                    won_amount=m.won_amount,
                )
                for m in figures
            ],
            stages=[
                PipelineStageSummary(
                    stage_id=s.stage.id,
                    name=s.stage.name,
                    kind=s.stage.kind,
                    probability=s.stage.probability,
                    count=s.count,
                    amount=s.amount,
                    weighted_amount=s.weighted_amount,
                )
                for s in stages
            ],
            owners=[
                PipelineOwnerSummary(
                    owner_user_id=o.owner_user_id,
                    owner_name=o.owner_name,
                    count=o.count,
                    amount=o.amount,
                    weighted_amount=o.weighted_amount,
                )
                for o in await services.owner_summary(ctx)
            ],
        )


CONTROLLERS: list[type[Controller]] = [
    PipelineStageController,
    OpportunityController,
    PipelineForecastController,
]
