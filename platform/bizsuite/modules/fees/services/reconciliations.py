"""Quarterly reconciliation (对账): HQ finance and the subsidiary both confirm the quarter's figures
before its statement can be generated; a disagreement is recorded with its comment and clears
both confirmations. The deadline is 15 days after the quarter ends."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.approvals.services.acting import acting_user_id
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ForbiddenProblem, ValidationProblem
from bizsuite.core.identity.services import user_names
from bizsuite.core.pagination import DEFAULT_LIMIT
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import Reconciliation, ReconciliationStatus
from bizsuite.modules.fees.schemas import (
    FeeFigures,
    FeeReconciliationDecision,
    FeeReconciliationEvent,
    FeeReconciliationOpen,
    FeeReconciliationView,
)
from bizsuite.modules.fees.services.common import check_visible, subsidiary, today, unit_names, visible_units
from bizsuite.modules.fees.services.metrics import customs_in_window, period_cutoff
from bizsuite.modules.fees.services.payers import require_billed


async def current_figures(ctx: Context, org_unit_id: uuid.UUID, year: int, quarter: int) -> dict[str, Any]:
    """The quarter's figures as they stand (JSON-ready): the period's customs total and count, and
    for Q4 the fee year's too."""
    cutoff = await period_cutoff(ctx, year, quarter)
    first, last = rules.period_window(year, quarter, cutoff)
    records = await customs_in_window(ctx, org_unit_id, first, last)
    figures: dict[str, Any] = {
        "period_from": first.isoformat(),
        "period_to": last.isoformat(),
        "customs_total": str(sum((r.amount for r in records), Decimal("0.00"))),
        "customs_records": len(records),
    }
    if quarter == 4:
        first_y, last_y = rules.year_window(year, cutoff)
        annual = await customs_in_window(ctx, org_unit_id, first_y, last_y)
        figures["annual_customs_total"] = str(sum((r.amount for r in annual), Decimal("0.00")))
        figures["annual_customs_records"] = len(annual)
    return figures


async def views(ctx: Context, rows: list[Reconciliation]) -> list[FeeReconciliationView]:
    """Reconciliation rows as views."""
    names = await unit_names(ctx, [r.org_unit_id for r in rows])
    people = await user_names(
        ctx,
        [r.hq_confirmed_by for r in rows]
        + [r.subsidiary_confirmed_by for r in rows]
        + [uuid.UUID(e["by"]) for r in rows for e in r.history if e.get("by")],
    )
    day = today(ctx)
    out = []
    for r in rows:
        f = r.figures
        out.append(
            FeeReconciliationView(
                id=r.id,
                org_unit_id=r.org_unit_id,
                org_unit_name=names.get(r.org_unit_id, ""),
                year=r.year,
                quarter=r.quarter,
                status=r.status,
                deadline=r.deadline,
                overdue=r.status is not ReconciliationStatus.CONFIRMED and day > r.deadline,
                figures=FeeFigures(
                    period_from=date.fromisoformat(f["period_from"]),
                    period_to=date.fromisoformat(f["period_to"]),
                    customs_total=Decimal(f["customs_total"]),
                    customs_records=int(f["customs_records"]),
                    annual_customs_total=Decimal(f["annual_customs_total"])
                    if "annual_customs_total" in f
                    else None,
                    annual_customs_records=f.get("annual_customs_records"),
                ),
                hq_confirmed_by=people.get(r.hq_confirmed_by) if r.hq_confirmed_by else None,
                hq_confirmed_at=r.hq_confirmed_at,
                subsidiary_confirmed_by=people.get(r.subsidiary_confirmed_by)
                if r.subsidiary_confirmed_by
                else None,
                subsidiary_confirmed_at=r.subsidiary_confirmed_at,
                history=[
                    FeeReconciliationEvent(
                        side=e["side"],
                        action=e["action"],
                        comment=e.get("comment"),
                        by=people.get(uuid.UUID(e["by"]), "") if e.get("by") else e.get("label", ""),
                        at=datetime.fromisoformat(e["at"]),
                    )
                    for e in r.history
                ],
                version=r.version,
            )
        )
    return out


async def list_reconciliations(
    ctx: Context,
    *,
    org_unit_id: uuid.UUID | None = None,
    year: int | None = None,
    quarter: int | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> tuple[list[FeeReconciliationView], str | None]:
    """Reconciliations the person may see, newest first."""
    statement = select(Reconciliation)
    units = await visible_units(ctx)
    if units is not None:
        statement = statement.where(Reconciliation.org_unit_id.in_(units))
    if org_unit_id is not None:
        statement = statement.where(Reconciliation.org_unit_id == org_unit_id)
    if year is not None:
        statement = statement.where(Reconciliation.year == year)
    if quarter is not None:
        statement = statement.where(Reconciliation.quarter == quarter)
    rows, next_cursor = await list_page(
        ctx.session, statement, Reconciliation, limit=limit, cursor=cursor, descending=True
    )
    return await views(ctx, list(rows)), next_cursor


async def reconciliation_row(
    ctx: Context, reconciliation_id: uuid.UUID, *, lock: bool = False
) -> Reconciliation:
    """The row, or 404 (also for another subsidiary's, to its staff); ``lock`` holds it until the
    transaction ends, so two confirmations at once are taken one after the other (412 for the second)."""
    row = await fetch(ctx.session, Reconciliation, reconciliation_id, what="reconciliation")
    await check_visible(ctx, row.org_unit_id, "reconciliation")
    if lock:
        await ctx.session.refresh(row, with_for_update=True)
    return row


async def get_reconciliation(ctx: Context, reconciliation_id: uuid.UUID) -> FeeReconciliationView:
    """One reconciliation, or 404."""
    return (await views(ctx, [await reconciliation_row(ctx, reconciliation_id)]))[0]


async def find(ctx: Context, org_unit_id: uuid.UUID, year: int, quarter: int) -> Reconciliation | None:
    """The reconciliation of a subsidiary's quarter, if opened."""
    row: Reconciliation | None = await ctx.session.scalar(
        select(Reconciliation).where(
            Reconciliation.org_unit_id == org_unit_id,
            Reconciliation.year == year,
            Reconciliation.quarter == quarter,
        )
    )
    return row


async def open_reconciliation(ctx: Context, data: FeeReconciliationOpen) -> FeeReconciliationView:
    """Open a quarter's reconciliation (after the quarter ends); 409 naming ``quarter`` when open;
    422 naming ``org_unit_id`` for a subsidiary that is not billed (see ``payers``)."""
    unit = await subsidiary(ctx, data.org_unit_id)
    await check_visible(ctx, data.org_unit_id, "org unit")
    await require_billed(ctx, unit)
    if await find(ctx, data.org_unit_id, data.year, data.quarter) is not None:
        raise ConflictProblem.for_field("quarter", "that quarter's reconciliation is already open")
    row = Reconciliation(
        org_unit_id=data.org_unit_id,
        year=data.year,
        quarter=data.quarter,
        status=ReconciliationStatus.OPEN,
        deadline=rules.reconcile_deadline(data.year, data.quarter),
        figures=await current_figures(ctx, data.org_unit_id, data.year, data.quarter),
        history=[],
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("fees.reconciliation.created", row, after=snapshot(row))
    return (await views(ctx, [row]))[0]


class WrongSideProblem(ForbiddenProblem):
    """Each side confirms (or disputes) for itself: HQ's side by HQ, the subsidiary's side only by
    that subsidiary's own staff."""

    slug = "reconciliation-side"
    title = "Not your side of the reconciliation"


async def _may_act_for(ctx: Context, side: str, org_unit_id: uuid.UUID) -> None:
    """403 naming ``side`` unless the person acts for it (:func:`rules.side_refusal`): HQ's side
    is HQ's, the subsidiary's side only its own staff's."""
    units = await visible_units(ctx)
    seen = None if units is None else frozenset(str(u) for u in units)
    name = (await unit_names(ctx, [org_unit_id])).get(org_unit_id, "")
    if refusal := rules.side_refusal(side, seen=seen, subsidiary=str(org_unit_id), name=name):
        raise WrongSideProblem.for_field("side", refusal)


def _event(
    ctx: Context, user_id: uuid.UUID | None, side: str, action: str, comment: str | None
) -> dict[str, Any]:
    return {
        "side": side,
        "action": action,
        "comment": comment,
        "by": str(user_id) if user_id else None,
        "label": ctx.principal.label,
        "at": clock.now(ctx).isoformat(),
    }


async def confirm(
    ctx: Context, reconciliation_id: uuid.UUID, data: FeeReconciliationDecision, if_match: str | None
) -> FeeReconciliationView:
    """One side confirms the figures as they stand now (``If-Match``). When the figures changed
    since the other side confirmed, that confirmation is cleared: both must see the same numbers."""
    row = await reconciliation_row(ctx, reconciliation_id, lock=True)
    await _may_act_for(ctx, data.side, row.org_unit_id)
    check_version(row, if_match)
    before = snapshot(row)
    user_id = await acting_user_id(ctx)
    figures = await current_figures(ctx, row.org_unit_id, row.year, row.quarter)
    now = clock.now(ctx)
    if figures != row.figures:
        row.figures = figures
        row.hq_confirmed_by = row.hq_confirmed_at = None
        row.subsidiary_confirmed_by = row.subsidiary_confirmed_at = None
    if data.side == "hq":
        row.hq_confirmed_by, row.hq_confirmed_at = user_id, now
    else:
        row.subsidiary_confirmed_by, row.subsidiary_confirmed_at = user_id, now
    both = row.hq_confirmed_at is not None and row.subsidiary_confirmed_at is not None
    row.status = ReconciliationStatus.CONFIRMED if both else ReconciliationStatus.OPEN
    row.history = [*row.history, _event(ctx, user_id, data.side, "confirmed", data.comment)]
    await ctx.session.flush()
    ctx.audit("fees.reconciliation.confirmed", row, before=before, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def dispute(
    ctx: Context, reconciliation_id: uuid.UUID, data: FeeReconciliationDecision, if_match: str | None
) -> FeeReconciliationView:
    """One side disagrees (a comment is required): both confirmations are cleared."""
    row = await reconciliation_row(ctx, reconciliation_id, lock=True)
    await _may_act_for(ctx, data.side, row.org_unit_id)
    check_version(row, if_match)
    if not data.comment:
        raise ValidationProblem.for_field("comment", "say what does not match")
    before = snapshot(row)
    user_id = await acting_user_id(ctx)
    row.hq_confirmed_by = row.hq_confirmed_at = None
    row.subsidiary_confirmed_by = row.subsidiary_confirmed_at = None
    row.status = ReconciliationStatus.DISPUTED
    row.figures = await current_figures(ctx, row.org_unit_id, row.year, row.quarter)
    row.history = [*row.history, _event(ctx, user_id, data.side, "disputed", data.comment)]
    await ctx.session.flush()
    ctx.audit("fees.reconciliation.rejected", row, before=before, after=snapshot(row))
    return (await views(ctx, [row]))[0]
