"""Opportunities: list (filters, board, column figures), create, update, move stage with the
closing rules, events and audit, delete; the account panel's list and the form's choices."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import Select, and_, func, select

from bizsuite.core import clock
from bizsuite.core.approvals.rules import amount_error
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ForbiddenProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.identity.models import User
from bizsuite.core.identity.services import require_member
from bizsuite.core.repository import check_version, fetch, fetch_reference
from bizsuite.core.webhooks.services import emit_event
from bizsuite.modules.crm.models import Account, Opportunity, PipelineStage, StageKind
from bizsuite.modules.crm.pipeline import rules
from bizsuite.modules.crm.pipeline.schemas import (
    OpportunityCreate,
    OpportunityFilters,
    OpportunityStageMove,
    OpportunityStatus,
    OpportunityUpdate,
)
from bizsuite.modules.crm.pipeline.services.stages import stage_rows


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


async def board(
    ctx: Context, *, owner_user_id: uuid.UUID | None = None, per_stage: int = 100
) -> list[tuple[PipelineStage, list[OpportunityView]]]:
    """Every stage with its newest opportunities (at most ``per_stage`` each), for the board."""
    stages = await stage_rows(ctx)
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
        problem = rules.expected_close_problem(day, rules.local_today(clock.now(ctx), ctx.tenant.time_zone))
        if problem:
            raise ValidationProblem.for_field("expected_close", problem)
    return day


def _closing(
    ctx: Context, stage: PipelineStage, reason: str | None, *, closed_at: dt.datetime | None = None
) -> rules.Closing:
    try:
        return rules.closing(stage.kind, reason, clock.now(ctx), closed_at=closed_at)
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
    stages = await stage_rows(ctx)
    await fetch_reference(ctx.session, Account, data.account_id, field="account_id")
    if data.stage_id is not None:
        stage = await fetch_reference(ctx.session, PipelineStage, data.stage_id, field="stage_id")
    else:
        stage = next((s for s in stages if s.kind is StageKind.OPEN), stages[0])
    owner = data.owner_user_id if data.owner_user_id is not None else ctx.principal.user_id
    closing = _closing(ctx, stage, data.reason)
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
    ctx.audit("crm.opportunity.created", opportunity, after=snapshot(opportunity))
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
    if not isinstance(data.account_id, msgspec.UnsetType):
        await fetch_reference(ctx.session, Account, data.account_id, field="account_id")
        opportunity.account_id = data.account_id
    if not isinstance(data.name, msgspec.UnsetType):
        opportunity.name = data.name
    if not isinstance(data.amount, msgspec.UnsetType):
        opportunity.amount = _checked_amount(data.amount)
    if not isinstance(data.currency, msgspec.UnsetType):
        opportunity.currency = data.currency
    if data.owner_user_id is not msgspec.UNSET and data.owner_user_id != opportunity.owner_user_id:
        # Handing a deal over is the owner's (or a manager's) call: otherwise a member could take
        # anyone's deal and then move or delete it.
        _check_may_move_or_delete(ctx, opportunity)
        owner = data.owner_user_id
        opportunity.owner_user_id = (
            await require_member(ctx, owner, field="owner_user_id") if owner is not None else None
        )
    if data.expected_close is not msgspec.UNSET:
        opportunity.expected_close = _checked_close(ctx, data.expected_close)
    await ctx.session.flush()
    ctx.audit("crm.opportunity.updated", opportunity, before=before, after=snapshot(opportunity))
    return await get_opportunity(ctx, opportunity.id)


def may_move_or_delete(ctx: Context, opportunity: Opportunity) -> bool:
    """Whether the caller may move this deal or delete it (its owner, a manager or an admin)."""
    principal = ctx.principal
    return rules.may_move_or_delete(principal.role, principal.user_id, opportunity.owner_user_id)


def _check_may_move_or_delete(ctx: Context, opportunity: Opportunity) -> None:
    if not may_move_or_delete(ctx, opportunity):
        raise ForbiddenProblem(rules.DEAL_RULE)


async def move_stage(
    ctx: Context, opportunity_id: uuid.UUID, data: OpportunityStageMove, if_match: str | None
) -> OpportunityView:
    """Move an opportunity to another stage: won closes it, lost closes it with a reason,
    open reopens it."""
    current = await get_opportunity(ctx, opportunity_id)
    opportunity = current.opportunity
    _check_may_move_or_delete(ctx, opportunity)
    check_version(opportunity, if_match)
    stage = await fetch_reference(ctx.session, PipelineStage, data.stage_id, field="stage_id")
    if stage.id == opportunity.stage_id and (stage.kind is not StageKind.LOST or not data.reason):
        return current
    same_outcome = stage.kind is current.stage.kind and stage.kind is not StageKind.OPEN
    closing = _closing(ctx, stage, data.reason, closed_at=opportunity.closed_at if same_outcome else None)
    before = snapshot(opportunity)
    opportunity.stage_id = stage.id
    opportunity.closed_at = closing.closed_at
    opportunity.close_reason = closing.close_reason
    await ctx.session.flush()
    ctx.audit("crm.opportunity.stage_changed", opportunity, before=before, after=snapshot(opportunity))
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
    _check_may_move_or_delete(ctx, opportunity)
    check_version(opportunity, if_match)
    before = snapshot(opportunity)
    await ctx.session.delete(opportunity)
    await ctx.session.flush()
    ctx.audit("crm.opportunity.deleted", opportunity, before=before, target_id=opportunity_id)


async def account_choices(ctx: Context, *, limit: int = 500) -> list[tuple[uuid.UUID, str]]:
    """The tenant's accounts as ``(id, "name (code)")`` (the opportunity form's picker sorts
    them by name in the user's language)."""
    rows = await ctx.session.execute(
        select(Account.id, Account.code, Account.name).order_by(Account.code).limit(limit)
    )
    return [(row[0], f"{row[2]} ({row[1]})") for row in rows]
