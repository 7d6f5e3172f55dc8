"""What every HR service shares: the tenant's today, names of org units and positions, and who
holds which position on a day."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from bizsuite.core import clock
from bizsuite.core.context import Context
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import Assignment, Employee, Position
from bizsuite.modules.hr.schemas import PositionRef, StaffingView


def today(ctx: Context) -> date:
    """The tenant's today: its clock (a sandbox's test clock too) in its time zone."""
    tenant = ctx.principal.tenant
    now = clock.now(ctx)
    with contextlib.suppress(ValueError, KeyError):
        now = now.astimezone(ZoneInfo(tenant.time_zone)) if tenant is not None and tenant.time_zone else now
    return now.date()


async def unit_names(ctx: Context, ids: Iterable[uuid.UUID | None] | None = None) -> dict[uuid.UUID, str]:
    """Org unit names by id (all of the tenant's when ``ids`` is None)."""
    statement = select(OrgUnit.id, OrgUnit.name)
    if ids is not None:
        wanted = {i for i in ids if i is not None}
        if not wanted:
            return {}
        statement = statement.where(OrgUnit.id.in_(wanted))
    return dict((await ctx.session.execute(statement)).all())


async def position_refs(ctx: Context, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, PositionRef]:
    """Positions' codes and titles by id."""
    wanted = set(ids)
    if not wanted:
        return {}
    rows = await ctx.session.execute(
        select(Position.id, Position.code, Position.title).where(Position.id.in_(wanted))
    )
    return {i: PositionRef(id=i, code=c, title=t) for i, c, t in rows.all()}


def holding_on(day: date) -> object:
    """The SQL condition of an assignment held on ``day``."""
    return (Assignment.starts_on <= day) & or_(Assignment.ends_on.is_(None), Assignment.ends_on >= day)


async def holders(
    ctx: Context, position_ids: Iterable[uuid.UUID] | None, day: date
) -> dict[uuid.UUID, list[tuple[Assignment, Employee]]]:
    """Who holds each position on ``day`` (every position when ``position_ids`` is None)."""
    statement = (
        select(Assignment, Employee)
        .join(Employee, Employee.id == Assignment.employee_id)
        .where(holding_on(day))  # type: ignore[arg-type]
        .order_by(Employee.number)
    )
    if position_ids is not None:
        wanted = set(position_ids)
        if not wanted:
            return {}
        statement = statement.where(Assignment.position_id.in_(wanted))
    found: dict[uuid.UUID, list[tuple[Assignment, Employee]]] = {}
    for assignment, employee in await ctx.session.execute(statement):
        found.setdefault(assignment.position_id, []).append((assignment, employee))
    return found


def staffing_view(staffing: rules.Staffing) -> StaffingView:
    """A staffing figure with its formula."""
    return StaffingView(
        headcount=staffing.headcount,
        filled=staffing.filled,
        vacancies=staffing.vacancies,
        over=staffing.over,
        formula=staffing.formula,
    )
