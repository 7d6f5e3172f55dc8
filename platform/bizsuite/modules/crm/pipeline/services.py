"""Pipeline workflows: stages (defaults on first use, invariants, order), opportunities (create,
update, move stage with closing rules, events and audit) and the forecast from grouped SQL."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
from sqlalchemy import Date, Select, and_, cast, exists, func, literal, select
from sqlalchemy.dialects.postgresql import TIMESTAMP, insert

from bizsuite.core.approvals.rules import amount_error
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ConflictProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.identity.models import User
from bizsuite.core.identity.services import require_member
from bizsuite.core.ids import new_id
from bizsuite.core.pagination import encode_cursor, keyset
from bizsuite.core.repository import check_version, fetch, fetch_reference
from bizsuite.core.webhooks.services import emit_event
from bizsuite.modules.crm.models import Account, Opportunity, PipelineStage, StageKind
from bizsuite.modules.crm.pipeline import rules
from bizsuite.modules.crm.pipeline.schemas import (
    OpportunityCreate,
    OpportunityStageMove,
    OpportunityStatus,
    OpportunityUpdate,
    PipelineStageCreate,
    PipelineStageOrder,
    PipelineStageUpdate,
)

# --- stages -----------------------------------------------------------------------------------


async def _stages(ctx: Context) -> list[PipelineStage]:
    statement = select(PipelineStage).order_by(PipelineStage.position, PipelineStage.id)
    return list(await ctx.session.scalars(statement))


async def list_stages(ctx: Context) -> list[PipelineStage]:
    """The tenant's pipeline in order; a tenant without stages gets the defaults first."""
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


async def get_stage(ctx: Context, stage_id: uuid.UUID) -> PipelineStage:
    """Return one stage or 404."""
    return await fetch(ctx.session, PipelineStage, stage_id, what="pipeline stage")


def _check_name(stages: list[PipelineStage], name: str, *, own: uuid.UUID | None = None) -> None:
    if any(s.name == name and s.id != own for s in stages):
        raise ValidationProblem.for_field("name", "this name is already used")


def _check_kinds(kinds: list[StageKind], *, field: str = "kind") -> None:
    problem = rules.stage_set_problem(kinds)
    if problem:
        raise ValidationProblem.for_field(field, problem)


def _renumber(stages: list[PipelineStage], order: list[uuid.UUID]) -> None:
    by_id = {s.id: s for s in stages}
    for position, stage_id in enumerate(order, start=1):
        if by_id[stage_id].position != position:
            by_id[stage_id].position = position


async def create_stage(ctx: Context, data: PipelineStageCreate) -> PipelineStage:
    """Add a stage (last, or at ``position``); the pipeline keeps one won and a lost stage."""
    stages = await list_stages(ctx)
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
    ctx.audit("crm_pipeline_stage.created", stage, after=snapshot(stage))
    return stage


async def _holds_opportunities(ctx: Context, stage: PipelineStage) -> bool:
    return bool(await ctx.session.scalar(select(exists().where(Opportunity.stage_id == stage.id))))


async def update_stage(
    ctx: Context, stage_id: uuid.UUID, data: PipelineStageUpdate, if_match: str | None
) -> PipelineStage:
    """Rename, re-weight, re-kind or move a stage."""
    stages = await list_stages(ctx)
    stage = await get_stage(ctx, stage_id)
    check_version(stage, if_match)
    before = snapshot(stage)
    if data.name is not None:
        _check_name(stages, data.name, own=stage.id)
        stage.name = data.name
    if data.kind is not None and data.kind is not stage.kind:
        _check_kinds([data.kind if s.id == stage.id else s.kind for s in stages])
        # Its opportunities would turn won or lost without a close date or reason (or stay closed
        # in an open stage): they move out first, through the closing rules.
        if await _holds_opportunities(ctx, stage):
            raise ConflictProblem("Move this stage's opportunities to another stage first.")
        stage.kind = data.kind
    if data.probability is not None:
        stage.probability = data.probability
    if data.position is not None:
        _renumber(stages, rules.reordered([s.id for s in stages], stage.id, data.position))
    await ctx.session.flush()
    ctx.audit("crm_pipeline_stage.updated", stage, before=before, after=snapshot(stage))
    return stage


async def delete_stage(ctx: Context, stage_id: uuid.UUID, if_match: str | None) -> None:
    """Delete an empty stage; the pipeline keeps one won and at least one lost stage."""
    stages = await list_stages(ctx)
    stage = await get_stage(ctx, stage_id)
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
    ctx.audit("crm_pipeline_stage.deleted", stage, before=before, target_id=stage_id)


async def reorder_stages(ctx: Context, data: PipelineStageOrder) -> list[PipelineStage]:
    """Put every stage in the given order."""
    stages = await list_stages(ctx)
    problem = rules.order_problem([s.id for s in stages], data.stage_ids)
    if problem:
        raise ValidationProblem.for_field("stage_ids", problem)
    before = [str(s.id) for s in stages]
    _renumber(stages, list(data.stage_ids))
    await ctx.session.flush()
    ctx.audit(
        "crm_pipeline_stages.reordered",
        None,
        before={"order": before},
        after={"order": [str(i) for i in data.stage_ids]},
        target_type="crm_pipeline_stages",
    )
    return await _stages(ctx)


# --- opportunities ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OpportunityView:
    """An opportunity with its stage and the names the UI and API show."""

    opportunity: Opportunity
    stage: PipelineStage
    account_name: str
    owner_name: str | None

    @property
    def expected_value(self) -> Decimal:
        """``amount × stage probability``, to the cent."""
        return rules.weighted_value(self.opportunity.amount, self.stage.probability)

    @property
    def status(self) -> OpportunityStatus:
        """Open, won or lost, from the stage's kind."""
        return OpportunityStatus(self.stage.kind.value)


def _views() -> Select[Any]:
    statement: Select[Any] = (
        select(Opportunity, PipelineStage, Account.name, User.name)  # type: ignore[assignment]
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .join(Account, and_(Account.tenant_id == Opportunity.tenant_id, Account.id == Opportunity.account_id))
        .outerjoin(User, User.id == Opportunity.owner_user_id)
    )
    return statement


def _view(row: Any) -> OpportunityView:
    return OpportunityView(opportunity=row[0], stage=row[1], account_name=row[2], owner_name=row[3])


@dataclass(frozen=True, slots=True)
class OpportunityFilters:
    """List filters (each on an indexed column, or the stage kind)."""

    stage_id: uuid.UUID | None = None
    account_id: uuid.UUID | None = None
    owner_user_id: uuid.UUID | None = None
    status: OpportunityStatus | None = None


def _filtered(statement: Select[Any], filters: OpportunityFilters) -> Select[Any]:
    if filters.stage_id is not None:
        statement = statement.where(Opportunity.stage_id == filters.stage_id)
    if filters.account_id is not None:
        statement = statement.where(Opportunity.account_id == filters.account_id)
    if filters.owner_user_id is not None:
        statement = statement.where(Opportunity.owner_user_id == filters.owner_user_id)
    if filters.status is not None:
        statement = statement.where(PipelineStage.kind == StageKind(filters.status.value))
    return statement


async def check_filters(ctx: Context, filters: OpportunityFilters) -> OpportunityFilters:
    """Refuse (422 naming the query parameter) a filter on a stage, account or owner that is not
    the tenant's, instead of answering with an empty page."""
    for field, model, value in (
        ("stage_id", PipelineStage, filters.stage_id),
        ("account_id", Account, filters.account_id),
    ):
        if value is not None and await ctx.session.scalar(select(model.id).where(model.id == value)) is None:
            raise ValidationProblem.for_field(field, "no such record", source="query")
    if filters.owner_user_id is not None:
        await require_member(ctx, filters.owner_user_id, field="owner_user_id", source="query")
    return filters


async def list_opportunities(
    ctx: Context, filters: OpportunityFilters, *, limit: int, cursor: str | None
) -> tuple[list[OpportunityView], str | None]:
    """Return a page of opportunities, newest first."""
    statement = keyset(_filtered(_views(), filters), Opportunity, limit=limit, cursor=cursor, descending=True)
    rows = (await ctx.session.execute(statement)).all()
    views = [_view(row) for row in rows[:limit]]
    next_cursor = None
    if len(rows) > limit and views:
        last = views[-1].opportunity
        next_cursor = encode_cursor(last.created_at, last.id)
    return views, next_cursor


async def board(
    ctx: Context, *, owner_user_id: uuid.UUID | None = None, per_stage: int = 100
) -> list[tuple[PipelineStage, list[OpportunityView]]]:
    """Every stage with its newest opportunities (at most ``per_stage`` each), for the board."""
    stages = await list_stages(ctx)
    ranked = _filtered(
        select(
            Opportunity.id.label("id"),
            func.row_number()
            .over(
                partition_by=Opportunity.stage_id,
                order_by=(Opportunity.created_at.desc(), Opportunity.id.desc()),
            )
            .label("rank"),
        ),
        OpportunityFilters(owner_user_id=owner_user_id),
    ).subquery()
    statement = _views().join(ranked, and_(ranked.c.id == Opportunity.id, ranked.c.rank <= per_stage))
    rows = (
        await ctx.session.execute(statement.order_by(Opportunity.created_at.desc(), Opportunity.id.desc()))
    ).all()
    cards: dict[uuid.UUID, list[OpportunityView]] = {s.id: [] for s in stages}
    for row in rows:
        cards[row[1].id].append(_view(row))
    return [(stage, cards[stage.id]) for stage in stages]


async def column_figures(
    ctx: Context, *, owner_user_id: uuid.UUID | None = None, stage_id: uuid.UUID | None = None
) -> dict[uuid.UUID, tuple[int, Decimal]]:
    """Per stage: how many opportunities and their amount in the tenant's currency (all of them,
    not only the cards a column shows), for the board's column headers."""
    statement = select(
        Opportunity.stage_id,
        func.count(Opportunity.id),
        func.coalesce(func.sum(Opportunity.amount).filter(Opportunity.currency == ctx.tenant.currency), 0),
    ).group_by(Opportunity.stage_id)
    if owner_user_id is not None:
        statement = statement.where(Opportunity.owner_user_id == owner_user_id)
    if stage_id is not None:
        statement = statement.where(Opportunity.stage_id == stage_id)
    rows = await ctx.session.execute(statement)
    return {row[0]: (int(row[1]), Decimal(row[2]).quantize(rules.CENT)) for row in rows}


async def get_opportunity(ctx: Context, opportunity_id: uuid.UUID) -> OpportunityView:
    """Return one opportunity with its stage and names, or 404."""
    row = (await ctx.session.execute(_views().where(Opportunity.id == opportunity_id))).first()
    if row is None:
        raise NotFoundProblem(f"No opportunity with id {opportunity_id}.")
    return _view(row)


def _checked_amount(amount: Decimal) -> Decimal:
    problem = amount_error(amount)
    if problem:
        raise ValidationProblem.for_field("amount", problem)
    return amount.quantize(rules.CENT)


def _checked_close(ctx: Context, day: dt.date | None) -> dt.date | None:
    if day is not None:
        problem = rules.expected_close_problem(day, rules.local_today(utcnow(), ctx.tenant.time_zone))
        if problem:
            raise ValidationProblem.for_field("expected_close", problem)
    return day


def _closing(
    stage: PipelineStage, reason: str | None, *, closed_at: dt.datetime | None = None
) -> rules.Closing:
    try:
        return rules.closing(stage.kind, reason, utcnow(), closed_at=closed_at)
    except ValueError as exc:
        raise ValidationProblem.for_field("reason", "required when the stage is a lost stage") from exc


def _event_payload(view: OpportunityView) -> dict[str, Any]:
    opportunity = view.opportunity
    return {
        "opportunity_id": opportunity.id,
        "account_id": opportunity.account_id,
        "name": opportunity.name,
        "amount": opportunity.amount,
        "currency": opportunity.currency,
        "stage_id": view.stage.id,
        "stage_name": view.stage.name,
        "status": view.status.value,
        "owner_user_id": opportunity.owner_user_id,
        "expected_close": opportunity.expected_close,
        "closed_at": opportunity.closed_at,
        "close_reason": opportunity.close_reason,
    }


async def _emit(ctx: Context, event_type: str, view: OpportunityView, **extra: Any) -> None:
    payload = {**_event_payload(view), **extra}
    await emit_event(ctx, event_type, msgspec.to_builtins(payload))


async def _closing_events(ctx: Context, view: OpportunityView) -> None:
    if view.stage.kind is StageKind.WON:
        await _emit(ctx, "crm.opportunity.won", view)
    elif view.stage.kind is StageKind.LOST:
        await _emit(ctx, "crm.opportunity.lost", view)


async def create_opportunity(ctx: Context, data: OpportunityCreate) -> OpportunityView:
    """Open an opportunity on one of the tenant's accounts."""
    stages = await list_stages(ctx)
    await fetch_reference(ctx.session, Account, data.account_id, field="account_id")
    if data.stage_id is not None:
        stage = await fetch_reference(ctx.session, PipelineStage, data.stage_id, field="stage_id")
    else:
        stage = next((s for s in stages if s.kind is StageKind.OPEN), stages[0])
    owner = data.owner_user_id if data.owner_user_id is not None else ctx.principal.user_id
    closing = _closing(stage, data.reason)
    opportunity = Opportunity(
        account_id=data.account_id,
        name=data.name,
        amount=_checked_amount(data.amount),
        currency=data.currency or ctx.tenant.currency,
        stage_id=stage.id,
        owner_user_id=await require_member(ctx, owner, field="owner_user_id") if owner is not None else None,
        expected_close=_checked_close(ctx, data.expected_close),
        closed_at=closing.closed_at,
        close_reason=closing.close_reason,
    )
    ctx.session.add(opportunity)
    await ctx.session.flush()
    ctx.audit("crm_opportunity.created", opportunity, after=snapshot(opportunity))
    view = await get_opportunity(ctx, opportunity.id)
    await _emit(ctx, "crm.opportunity.created", view)
    await _closing_events(ctx, view)
    return view


async def update_opportunity(
    ctx: Context, opportunity_id: uuid.UUID, data: OpportunityUpdate, if_match: str | None
) -> OpportunityView:
    """Change an opportunity's account, name, amount, currency, owner or expected close date."""
    opportunity = await fetch(ctx.session, Opportunity, opportunity_id, what="opportunity")
    check_version(opportunity, if_match)
    before = snapshot(opportunity)
    if data.account_id is not None:
        await fetch_reference(ctx.session, Account, data.account_id, field="account_id")
        opportunity.account_id = data.account_id
    if data.name is not None:
        opportunity.name = data.name
    if data.amount is not None:
        opportunity.amount = _checked_amount(data.amount)
    if data.currency is not None:
        opportunity.currency = data.currency
    if data.owner_user_id is not msgspec.UNSET:
        owner = data.owner_user_id
        opportunity.owner_user_id = (
            await require_member(ctx, owner, field="owner_user_id") if owner is not None else None
        )
    if data.expected_close is not msgspec.UNSET:
        opportunity.expected_close = _checked_close(ctx, data.expected_close)
    await ctx.session.flush()
    ctx.audit("crm_opportunity.updated", opportunity, before=before, after=snapshot(opportunity))
    return await get_opportunity(ctx, opportunity.id)


async def move_stage(
    ctx: Context, opportunity_id: uuid.UUID, data: OpportunityStageMove, if_match: str | None
) -> OpportunityView:
    """Move an opportunity to another stage: won closes it, lost closes it with a reason,
    open reopens it."""
    current = await get_opportunity(ctx, opportunity_id)
    opportunity = current.opportunity
    check_version(opportunity, if_match)
    stage = await fetch_reference(ctx.session, PipelineStage, data.stage_id, field="stage_id")
    if stage.id == opportunity.stage_id and (stage.kind is not StageKind.LOST or not data.reason):
        return current
    same_outcome = stage.kind is current.stage.kind and stage.kind is not StageKind.OPEN
    closing = _closing(stage, data.reason, closed_at=opportunity.closed_at if same_outcome else None)
    before = snapshot(opportunity)
    opportunity.stage_id = stage.id
    opportunity.closed_at = closing.closed_at
    opportunity.close_reason = closing.close_reason
    await ctx.session.flush()
    ctx.audit("crm_opportunity.stage_changed", opportunity, before=before, after=snapshot(opportunity))
    view = OpportunityView(
        opportunity=opportunity, stage=stage, account_name=current.account_name, owner_name=current.owner_name
    )
    await _emit(
        ctx,
        "crm.opportunity.stage_changed",
        view,
        from_stage_id=current.stage.id,
        from_stage_name=current.stage.name,
    )
    if stage.kind is not current.stage.kind:
        await _closing_events(ctx, view)
    return view


async def delete_opportunity(ctx: Context, opportunity_id: uuid.UUID, if_match: str | None) -> None:
    """Delete an opportunity (entered by mistake)."""
    opportunity = await fetch(ctx.session, Opportunity, opportunity_id, what="opportunity")
    check_version(opportunity, if_match)
    before = snapshot(opportunity)
    await ctx.session.delete(opportunity)
    await ctx.session.flush()
    ctx.audit("crm_opportunity.deleted", opportunity, before=before, target_id=opportunity_id)


async def account_opportunities(
    ctx: Context, account_id: uuid.UUID, *, limit: int = 20
) -> tuple[Account, list[OpportunityView]]:
    """An account (404 if not the tenant's) and its newest opportunities."""
    account = await fetch(ctx.session, Account, account_id, what="account")
    views, _ = await list_opportunities(
        ctx, OpportunityFilters(account_id=account.id), limit=limit, cursor=None
    )
    return account, views


# --- forecast ---------------------------------------------------------------------------------


def _weighted_sum() -> Any:
    # Each opportunity's expected value is rounded to cents first, as its card shows it.
    weighted = func.round(Opportunity.amount * PipelineStage.probability / literal(Decimal(100)), 2)
    return func.coalesce(func.sum(weighted), 0)


@dataclass(frozen=True, slots=True)
class StageFigures:
    """One stage's opportunities: how many, their amount and weighted amount."""

    stage: PipelineStage
    count: int
    amount: Decimal
    weighted_amount: Decimal


async def stage_summary(ctx: Context) -> list[StageFigures]:
    """Count, amount and weighted amount per stage (tenant currency), in pipeline order."""
    stages = await list_stages(ctx)
    rows = await ctx.session.execute(
        select(
            Opportunity.stage_id,
            func.count(Opportunity.id),
            func.coalesce(func.sum(Opportunity.amount), 0),
            _weighted_sum(),
        )
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .where(Opportunity.currency == ctx.tenant.currency)
        .group_by(Opportunity.stage_id)
    )
    sums = {row[0]: (int(row[1]), Decimal(row[2]), Decimal(row[3])) for row in rows}
    zero = Decimal("0.00")
    return [
        StageFigures(
            stage=stage,
            count=sums.get(stage.id, (0, zero, zero))[0],
            amount=sums.get(stage.id, (0, zero, zero))[1].quantize(rules.CENT),
            weighted_amount=sums.get(stage.id, (0, zero, zero))[2].quantize(rules.CENT),
        )
        for stage in stages
    ]


async def forecast(ctx: Context, months: int, *, now: dt.datetime | None = None) -> list[rules.MonthFigures]:
    """Open, weighted and won amounts per month, from this month on (tenant time zone).

    Open opportunities count in their expected close month (overdue ones in the current month;
    undated ones not at all); won ones in the month they were won. Tenant currency only.
    """
    time_zone = ctx.tenant.time_zone
    buckets = rules.forecast_months(rules.local_today(now or utcnow(), time_zone), months)
    first, end = buckets[0], rules.add_months(buckets[0], months)
    currency = ctx.tenant.currency
    close_month = cast(func.date_trunc("month", cast(Opportunity.expected_close, TIMESTAMP)), Date)
    open_month = func.greatest(close_month, first)
    open_rows = await ctx.session.execute(
        select(open_month, func.coalesce(func.sum(Opportunity.amount), 0), _weighted_sum())
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .where(
            PipelineStage.kind == StageKind.OPEN,
            Opportunity.currency == currency,
            Opportunity.expected_close.is_not(None),
            Opportunity.expected_close < end,
        )
        .group_by(open_month)
    )
    zone = ZoneInfo(time_zone)
    start_at = dt.datetime.combine(first, dt.time(), zone)
    end_at = dt.datetime.combine(end, dt.time(), zone)
    won_month = cast(
        func.date_trunc("month", func.timezone(time_zone, Opportunity.closed_at)),
        Date,
    )
    won_rows = await ctx.session.execute(
        select(won_month, func.coalesce(func.sum(Opportunity.amount), 0))
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .where(
            PipelineStage.kind == StageKind.WON,
            Opportunity.currency == currency,
            Opportunity.closed_at >= start_at,
            Opportunity.closed_at < end_at,
        )
        .group_by(won_month)
    )
    return rules.forecast_table(
        buckets,
        [(row[0], Decimal(row[1]), Decimal(row[2])) for row in open_rows],
        [(row[0], Decimal(row[1])) for row in won_rows],
    )


# --- choices for forms ------------------------------------------------------------------------


async def account_choices(ctx: Context, *, limit: int = 500) -> list[tuple[uuid.UUID, str]]:
    """The tenant's accounts as ``(id, "code name")``, by code (the opportunity form's picker)."""
    rows = await ctx.session.execute(
        select(Account.id, Account.code, Account.name).order_by(Account.code).limit(limit)
    )
    return [(row[0], f"{row[1]} {row[2]}") for row in rows]
