"""Pipeline stages: the defaults on first use, the one-won-and-a-lost invariant, the order."""

from __future__ import annotations

import uuid

import msgspec
from sqlalchemy import exists, select
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.ids import new_id
from bizsuite.core.repository import check_version, fetch
from bizsuite.modules.crm.models import Opportunity, PipelineStage, StageKind
from bizsuite.modules.crm.pipeline import rules
from bizsuite.modules.crm.pipeline.schemas import (
    PipelineStageCreate,
    PipelineStageOrder,
    PipelineStageOut,
    PipelineStageUpdate,
)


async def _stages(ctx: Context) -> list[PipelineStage]:
    statement = select(PipelineStage).order_by(PipelineStage.position, PipelineStage.id)
    return list(await ctx.session.scalars(statement))


def stage_view(stage: PipelineStage) -> PipelineStageOut:
    """What a stage shows (the API's and the pages' shape)."""
    return PipelineStageOut(
        id=stage.id,
        name=stage.name,
        position=stage.position,
        probability=stage.probability,
        kind=stage.kind,
        created_at=stage.created_at,
        updated_at=stage.updated_at,
        version=stage.version,
    )


async def list_stages(ctx: Context) -> list[PipelineStageOut]:
    """The tenant's pipeline in order; a tenant without stages gets the defaults first."""
    return [stage_view(stage) for stage in await stage_rows(ctx)]


async def stage_rows(ctx: Context) -> list[PipelineStage]:
    """The pipeline's rows in order (the defaults first for a tenant without stages), for the
    pipeline's own services."""
    stages = await _stages(ctx)
    if stages:
        return stages
    locale = ctx.tenant.locale
    await ctx.session.execute(
        insert(PipelineStage)
        .values(
            [
                {
                    "tenant_id": ctx.tenant_id,
                    "id": new_id(),
                    "name": default.name(locale),
                    "position": position,
                    "probability": default.probability,
                    "kind": default.kind,
                }
                for position, default in enumerate(rules.DEFAULT_STAGES, start=1)
            ]
        )
        # Two first requests at once: the second one's rows collide on the name and are skipped.
        .on_conflict_do_nothing(constraint="uq_crm_pipeline_stages_name")
    )
    return await _stages(ctx)


async def _stage(ctx: Context, stage_id: uuid.UUID) -> PipelineStage:
    return await fetch(ctx.session, PipelineStage, stage_id, what="pipeline stage")


async def get_stage(ctx: Context, stage_id: uuid.UUID) -> PipelineStageOut:
    """Return one stage or 404."""
    return stage_view(await _stage(ctx, stage_id))


def _check_name(stages: list[PipelineStage], name: str, *, own: uuid.UUID | None = None) -> None:
    if any(s.name == name and s.id != own for s in stages):
        raise ConflictProblem.for_field("name", "this name is already used")


def _check_kinds(kinds: list[StageKind], *, field: str = "kind") -> None:
    problem = rules.stage_set_problem(kinds)
    if problem:
        raise ValidationProblem.for_field(field, problem)


def _renumber(stages: list[PipelineStage], order: list[uuid.UUID]) -> None:
    by_id = {s.id: s for s in stages}
    for position, stage_id in enumerate(order, start=1):
        if by_id[stage_id].position != position:
            by_id[stage_id].position = position


async def create_stage(ctx: Context, data: PipelineStageCreate) -> PipelineStageOut:
    """Add a stage (last, or at ``position``); the pipeline keeps one won and a lost stage."""
    stages = await stage_rows(ctx)
    _check_name(stages, data.name)
    _check_kinds([*(s.kind for s in stages), data.kind])
    stage = PipelineStage(
        name=data.name, probability=data.probability, kind=data.kind, position=len(stages) + 1
    )
    ctx.session.add(stage)
    await ctx.session.flush()
    if data.position is not None:
        _renumber([*stages, stage], rules.reordered([s.id for s in stages], stage.id, data.position))
        await ctx.session.flush()
    ctx.audit("crm.pipeline_stage.created", stage, after=snapshot(stage))
    return stage_view(stage)


async def _holds_opportunities(ctx: Context, stage: PipelineStage) -> bool:
    return bool(await ctx.session.scalar(select(exists().where(Opportunity.stage_id == stage.id))))


async def update_stage(
    ctx: Context, stage_id: uuid.UUID, data: PipelineStageUpdate, if_match: str | None
) -> PipelineStageOut:
    """Rename, re-weight, re-kind or move a stage."""
    stages = await stage_rows(ctx)
    stage = await _stage(ctx, stage_id)
    check_version(stage, if_match)
    before = snapshot(stage)
    if not isinstance(data.name, msgspec.UnsetType):
        _check_name(stages, data.name, own=stage.id)
        stage.name = data.name
    if not isinstance(data.kind, msgspec.UnsetType) and data.kind is not stage.kind:
        _check_kinds([data.kind if s.id == stage.id else s.kind for s in stages])
        # Its opportunities would turn won or lost without a close date or reason (or stay closed
        # in an open stage): they move out first, through the closing rules.
        if await _holds_opportunities(ctx, stage):
            raise ConflictProblem("Move this stage's opportunities to another stage first.")
        stage.kind = data.kind
    if not isinstance(data.probability, msgspec.UnsetType):
        stage.probability = data.probability
    if not isinstance(data.position, msgspec.UnsetType):
        _renumber(stages, rules.reordered([s.id for s in stages], stage.id, data.position))
    await ctx.session.flush()
    ctx.audit("crm.pipeline_stage.updated", stage, before=before, after=snapshot(stage))
    return stage_view(stage)


async def delete_stage(ctx: Context, stage_id: uuid.UUID, if_match: str | None) -> None:
    """Delete an empty stage; the pipeline keeps one won and at least one lost stage."""
    stages = await stage_rows(ctx)
    stage = await _stage(ctx, stage_id)
    check_version(stage, if_match)
    if await _holds_opportunities(ctx, stage):
        raise ConflictProblem("Move this stage's opportunities to another stage first.")
    problem = rules.stage_set_problem([s.kind for s in stages if s.id != stage.id])
    if problem:
        raise ConflictProblem(f"This stage cannot be deleted: {problem}.")
    before = snapshot(stage)
    await ctx.session.delete(stage)
    await ctx.session.flush()
    _renumber([s for s in stages if s.id != stage.id], [s.id for s in stages if s.id != stage.id])
    await ctx.session.flush()
    ctx.audit("crm.pipeline_stage.deleted", stage, before=before, target_id=stage_id)


async def reorder_stages(ctx: Context, data: PipelineStageOrder) -> list[PipelineStageOut]:
    """Put every stage in the given order."""
    stages = await stage_rows(ctx)
    problem = rules.order_problem([s.id for s in stages], data.stage_ids)
    if problem:
        raise ValidationProblem.for_field("stage_ids", problem)
    before = [str(s.id) for s in stages]
    _renumber(stages, list(data.stage_ids))
    await ctx.session.flush()
    ctx.audit(
        "crm.pipeline_stage.reordered",
        None,
        before={"order": before},
        after={"order": [str(i) for i in data.stage_ids]},
        target_type="crm_pipeline_stages",
    )
    return [stage_view(stage) for stage in await _stages(ctx)]
