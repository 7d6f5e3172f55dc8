"""What every fees service shares: who sees which subsidiaries, org unit checks and names, today."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.approvals.models import ApproverAssignment
from bizsuite.core.approvals.services.acting import acting_user_id
from bizsuite.core.context import Context
from bizsuite.core.errors import ForbiddenProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.identity.models import Role
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.modules.fees import rules


def today(ctx: Context) -> date:
    """The tenant's today: its clock (a sandbox's test clock too) in its time zone."""
    tenant = ctx.principal.tenant
    now = clock.now(ctx)
    with contextlib.suppress(ValueError, KeyError):
        now = now.astimezone(ZoneInfo(tenant.time_zone)) if tenant is not None and tenant.time_zone else now
    return now.date()


async def visible_units(ctx: Context) -> frozenset[uuid.UUID] | None:
    """The subsidiaries whose fees the person sees: None for all (the group view), else the
    subsidiaries their approver roles place them in (see :func:`rules.visible_subsidiaries`)."""
    role = ctx.principal.role
    if role is not None and role.at_least(Role.ADMIN):
        return None
    user_id = await acting_user_id(ctx)
    if user_id is None:
        return None
    assigned = list(
        await ctx.session.scalars(
            select(ApproverAssignment.org_unit_id).where(ApproverAssignment.user_id == user_id)
        )
    )
    if not assigned:
        return None
    rows = (await ctx.session.execute(select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.kind))).all()
    parents = {str(i): (str(p) if p else None) for i, p, _k in rows}
    kinds = {str(i): k.value for i, _p, k in rows}
    seen = rules.visible_subsidiaries(
        full_view=False, assigned_units=[str(u) for u in assigned], parents=parents, kinds=kinds
    )
    return None if seen is None else frozenset(uuid.UUID(s) for s in seen)


async def require_group_view(ctx: Context, what: str) -> None:
    """403 unless the person has the group view (HQ finance, managers placed at HQ, admins)."""
    if await visible_units(ctx) is not None:
        raise ForbiddenProblem(f"{what} is for HQ finance; subsidiary staff see their own statements only.")


async def check_visible(ctx: Context, org_unit_id: uuid.UUID, what: str) -> None:
    """404 when the person may not see the subsidiary's records (as for another tenant's)."""
    units = await visible_units(ctx)
    if units is not None and org_unit_id not in units:
        raise NotFoundProblem(f"No {what} with that id.")


async def subsidiary(ctx: Context, org_unit_id: uuid.UUID, *, field: str = "org_unit_id") -> OrgUnit:
    """The subsidiary (an org unit of kind subsidiary) named in a body, or 422 naming ``field``."""
    unit = await ctx.session.scalar(select(OrgUnit).where(OrgUnit.id == org_unit_id))
    if unit is None:
        raise ValidationProblem.for_field(field, "no such org unit")
    if unit.kind is not OrgUnitKind.SUBSIDIARY:
        raise ValidationProblem.for_field(
            field, "fees are billed to subsidiaries (org units of kind subsidiary)"
        )
    return unit


async def unit_names(ctx: Context, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Org unit names by id."""
    wanted = set(ids)
    if not wanted:
        return {}
    rows = await ctx.session.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(wanted)))
    return dict(rows.all())


def check_amount(field: str, value: Decimal, *, positive: bool = False, signed: bool = False) -> None:
    """422 naming ``field`` unless ``value`` is a usable amount."""
    if error := rules.amount_error(value, positive=positive, signed=signed):
        raise ValidationProblem.for_field(field, error)


def check_rate(field: str, value: Decimal) -> None:
    """422 naming ``field`` unless ``value`` is a usable rate."""
    if error := rules.rate_error(value):
        raise ValidationProblem.for_field(field, error)
