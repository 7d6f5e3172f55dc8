"""Payers: every subsidiary is a wholly-owned payer by default; a tenant can exclude one (not a
payer, with the reason) or mark it not wholly owned (then it is billed only when included).
Reconciliations, statements and reconciliation alerts are only for the subsidiaries billed."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

from sqlalchemy import select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import NotFoundProblem, ValidationProblem
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.repository import check_version
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import Payer
from bizsuite.modules.fees.schemas import FeePayerUpdate, FeePayerView
from bizsuite.modules.fees.services.common import require_group_view, visible_units


def _view(unit: OrgUnit, row: Payer | None) -> FeePayerView:
    payer = row.payer if row else True
    wholly_owned = row.wholly_owned if row else True
    included = row.included if row else False
    return FeePayerView(
        org_unit_id=unit.id,
        org_unit_code=unit.code,
        org_unit_name=unit.name,
        payer=payer,
        excluded_reason=row.excluded_reason if row else None,
        wholly_owned=wholly_owned,
        included=included,
        status=rules.payer_status(payer=payer, wholly_owned=wholly_owned, included=included),
        updated_at=row.updated_at if row else None,
        version=row.version if row else 0,
    )


async def list_payers(ctx: Context) -> list[FeePayerView]:
    """Every (unarchived) subsidiary the person sees, by code, with its payer flags."""
    units = await visible_units(ctx)
    statement = (
        select(OrgUnit)
        .where(OrgUnit.kind == OrgUnitKind.SUBSIDIARY, OrgUnit.archived_at.is_(None))
        .order_by(OrgUnit.code)
    )
    subsidiaries = [u for u in await ctx.session.scalars(statement) if units is None or u.id in units]
    rows = {p.org_unit_id: p for p in await ctx.session.scalars(select(Payer))}
    return [_view(u, rows.get(u.id)) for u in subsidiaries]


async def _subsidiary(ctx: Context, org_unit_id: uuid.UUID) -> OrgUnit:
    unit = await ctx.session.scalar(select(OrgUnit).where(OrgUnit.id == org_unit_id))
    units = await visible_units(ctx)
    if (
        unit is None
        or unit.kind is not OrgUnitKind.SUBSIDIARY
        or (units is not None and unit.id not in units)
    ):
        raise NotFoundProblem("No subsidiary with that id.")
    return unit


async def get_payer(ctx: Context, org_unit_id: uuid.UUID) -> FeePayerView:
    """One subsidiary's payer flags (404 for an org unit that is not a subsidiary)."""
    unit = await _subsidiary(ctx, org_unit_id)
    row = await ctx.session.scalar(select(Payer).where(Payer.org_unit_id == org_unit_id))
    return _view(unit, row)


async def set_payer(
    ctx: Context, org_unit_id: uuid.UUID, data: FeePayerUpdate, if_match: str | None
) -> FeePayerView:
    """Set how a subsidiary pays (HQ only; ``If-Match``: the payer's version, 0 for the defaults).
    Not a payer needs ``excluded_reason`` (422 naming it); ``included`` only counts for one that
    is not wholly owned."""
    unit = await _subsidiary(ctx, org_unit_id)
    await require_group_view(ctx, "Setting payers")
    row: Payer | None = await ctx.session.scalar(
        select(Payer).where(Payer.org_unit_id == org_unit_id).with_for_update()
    )
    check_version(row if row is not None else SimpleNamespace(version=0), if_match)
    if problem := rules.payer_error(payer=data.payer, excluded_reason=data.excluded_reason):
        raise ValidationProblem.for_field(*problem)
    before = snapshot(row) if row is not None else None
    if row is None:
        row = Payer(org_unit_id=org_unit_id)
        ctx.session.add(row)
    row.payer = data.payer
    row.excluded_reason = None if data.payer else (data.excluded_reason or "").strip()
    row.wholly_owned = data.wholly_owned
    row.included = data.included and not data.wholly_owned
    await ctx.session.flush()
    ctx.audit("fees.payer.updated", row, before=before, after=snapshot(row))
    return _view(unit, row)


async def not_billed(ctx: Context) -> dict[uuid.UUID, Payer]:
    """The subsidiaries that are not billed (excluded, or not wholly owned and not included)."""
    rows = await ctx.session.scalars(select(Payer))
    return {
        p.org_unit_id: p
        for p in rows
        if rules.payer_status(payer=p.payer, wholly_owned=p.wholly_owned, included=p.included)
        is not rules.PayerStatus.BILLED
    }


async def require_billed(ctx: Context, unit: OrgUnit, *, field: str = "org_unit_id") -> None:
    """422 naming ``field`` when the subsidiary is not billed (with the reason when excluded)."""
    row = await ctx.session.scalar(select(Payer).where(Payer.org_unit_id == unit.id))
    if row is None:
        return
    status = rules.payer_status(payer=row.payer, wholly_owned=row.wholly_owned, included=row.included)
    if status is rules.PayerStatus.EXCLUDED:
        raise ValidationProblem.for_field(
            field, rules.NOT_BILLED_EXCLUDED % {"unit": unit.name, "reason": row.excluded_reason or ""}
        )
    if status is rules.PayerStatus.NOT_WHOLLY_OWNED:
        raise ValidationProblem.for_field(field, rules.NOT_BILLED_PARTLY_OWNED % {"unit": unit.name})
