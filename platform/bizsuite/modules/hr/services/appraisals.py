"""Appraisals (考核): the tenant's level points (HR settings), appraisal cycles (draft → open →
closed) with their scope, each employee's appraisal scored duty by duty against the four-level
standards of the job description in force (self-assessment by the employee, the score by their
line manager or HR), the weighted roll-up (``rules.rollup``), the calibration of a cycle and HR's
final level, and an employee's appraisals over the cycles.

Who sees an appraisal follows the personal-data rule (``rules.personal_access``): HR (owners and
admins), the employee and their line managers; anyone else gets 403 (another tenant's id: 404).
"""

from __future__ import annotations

import dataclasses
import itertools
import uuid
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

import msgspec
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert

from bizsuite.core import clock
from bizsuite.core.approvals.services.acting import acting_user_id
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, ForbiddenProblem, ValidationProblem
from bizsuite.core.ids import new_id
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference
from bizsuite.kit import SettingsSpec
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalLevel,
    AppraisalScore,
    Assignment,
    CycleStatus,
    DescriptionStatus,
    Duty,
    Employee,
    HrSettings,
    JobDescription,
    Position,
    ScoreRater,
)
from bizsuite.modules.hr.schemas import (
    AppraisalCycleCreate,
    AppraisalCycleFilters,
    AppraisalCycleMove,
    AppraisalCycleUpdate,
    AppraisalCycleView,
    AppraisalDuty,
    AppraisalSummary,
    AppraisalView,
    Calibration,
    CalibrationGroup,
    CalibrationOutlier,
    DutyScore,
    FinalLevelChange,
    HrSettingsUpdate,
    HrSettingsView,
    PersonalAccess,
    PositionRollup,
    RollupView,
    ScoresUpdate,
)
from bizsuite.modules.hr.services.common import holding_on, today, unit_names
from bizsuite.modules.hr.services.employees import PersonalScope, employee_row, is_hr, personal_scope
from bizsuite.web.i18n import N_
from bizsuite.web.lists import (
    ListColumn,
    ListPage,
    ListSpec,
    ListState,
    SqlWhere,
    contains_pattern,
    count_rows,
    fetch_page,
    list_state,
)

# --- settings: the points of the four levels ------------------------------------------------


async def _load(ctx: Context) -> HrSettings:
    found: HrSettings | None = await ctx.session.scalar(select(HrSettings))
    if found is not None:
        return found
    await ctx.session.execute(
        insert(HrSettings)
        .values(tenant_id=ctx.tenant_id, id=new_id())
        .on_conflict_do_nothing(index_elements=["tenant_id"])
    )
    created: HrSettings | None = await ctx.session.scalar(select(HrSettings))
    assert created is not None
    return created


#: HR's typed settings: ``await ctx.settings(HR_SETTINGS)``.
HR_SETTINGS: SettingsSpec[HrSettings] = SettingsSpec("hr", _load)
POINT_FIELDS = ("points_excellent", "points_good", "points_fair", "points_poor")


def _points(row: HrSettings) -> dict[str, Decimal]:
    return {level: Decimal(getattr(row, f"points_{level}")) for level in rules.LEVELS}


async def level_points(ctx: Context) -> dict[str, Decimal]:
    """The tenant's points of each level (优/良/可/差)."""
    return _points(await ctx.settings(HR_SETTINGS))


def _settings_view(row: HrSettings) -> HrSettingsView:
    return HrSettingsView(
        points_excellent=row.points_excellent,
        points_good=row.points_good,
        points_fair=row.points_fair,
        points_poor=row.points_poor,
        updated_at=row.updated_at,
        version=row.version,
    )


async def get_settings(ctx: Context) -> HrSettingsView:
    """The tenant's HR settings."""
    return _settings_view(await ctx.settings(HR_SETTINGS))


async def update_settings(ctx: Context, data: HrSettingsUpdate, if_match: str | None) -> HrSettingsView:
    """Change the level points (``If-Match``): 0 to 1000, at most 2 decimals, excellent ≥ good ≥
    fair ≥ poor (422 naming the field out of order)."""
    row = await ctx.settings(HR_SETTINGS)
    check_version(row, if_match)
    before = snapshot(row)
    for name in POINT_FIELDS:
        value = getattr(data, name)
        if isinstance(value, msgspec.UnsetType):
            continue
        exponent = value.as_tuple().exponent
        if not value.is_finite() or not 0 <= value <= 1000 or (isinstance(exponent, int) and exponent < -2):
            raise ValidationProblem.for_field(name, "points are 0 to 1000, at most 2 decimals")
        setattr(row, name, value)
    for higher, lower in itertools.pairwise(POINT_FIELDS):
        if Decimal(getattr(row, higher)) < Decimal(getattr(row, lower)):
            raise ValidationProblem.for_field(
                lower, f"{lower} is above {higher}: keep excellent ≥ good ≥ fair ≥ poor"
            )
    await ctx.session.flush()
    ctx.audit("hr.settings.updated", row, before=before, after=snapshot(row))
    return _settings_view(row)


# --- cycles ---------------------------------------------------------------------------------


class IllegalCycleMoveProblem(ConflictProblem):
    """The cycle cannot move to that status from where it is; the allowed ones are listed."""

    slug = "illegal-transition"
    title = "Illegal status change"

    def __init__(self, current: CycleStatus, target: CycleStatus) -> None:
        allowed = list(rules.allowed_cycle_moves(current.value))
        shown = ", ".join(allowed) if allowed else "none"
        message = f"A {current.value} appraisal cycle cannot become {target.value}; allowed: {shown}."
        super().__init__(message, errors=[FieldError(field="status", message=message)])
        self.allowed = allowed


async def cycle_row(ctx: Context, cycle_id: uuid.UUID, *, lock: bool = False) -> AppraisalCycle:
    """The cycle, or 404 (``lock``: held until the transaction ends)."""
    if lock:
        found = await ctx.session.scalar(
            select(AppraisalCycle).where(AppraisalCycle.id == cycle_id).with_for_update()
        )
        if found is not None:
            return found
    return await fetch(ctx.session, AppraisalCycle, cycle_id, what="appraisal cycle")


async def _cycle_views(ctx: Context, rows: list[AppraisalCycle]) -> list[AppraisalCycleView]:
    if not rows:
        return []
    units = await unit_names(ctx, [r.org_unit_id for r in rows])
    ids = [r.id for r in rows]
    counts = dict(
        (
            await ctx.session.execute(
                select(Appraisal.cycle_id, func.count(Appraisal.id))
                .where(Appraisal.cycle_id.in_(ids))
                .group_by(Appraisal.cycle_id)
            )
        ).all()
    )
    summaries = await _summaries(
        ctx, list(await ctx.session.scalars(select(Appraisal).where(Appraisal.cycle_id.in_(ids))))
    )
    scored: dict[uuid.UUID, int] = {}
    for summary in summaries:
        if summary.total and summary.scored == summary.total:
            scored[summary.cycle_id] = scored.get(summary.cycle_id, 0) + 1
    return [
        AppraisalCycleView(
            id=row.id,
            name=row.name,
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            status=row.status,
            next_statuses=[CycleStatus(s) for s in rules.allowed_cycle_moves(row.status.value)],
            org_unit_id=row.org_unit_id,
            org_unit_name=units.get(row.org_unit_id) if row.org_unit_id else None,
            appraisals=counts.get(row.id, 0),
            scored=scored.get(row.id, 0),
            opened_at=row.opened_at,
            closed_at=row.closed_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            version=row.version,
        )
        for row in rows
    ]


async def get_cycle(ctx: Context, cycle_id: uuid.UUID) -> AppraisalCycleView:
    """One appraisal cycle, or 404."""
    return (await _cycle_views(ctx, [await cycle_row(ctx, cycle_id)]))[0]


#: One row per cycle with its scope's name and how many appraisals it has.
SOURCE = (
    "(SELECT c.*, COALESCE(u.name, '') AS org_unit_name,"
    " (SELECT count(*) FROM hr_appraisals a WHERE a.tenant_id = c.tenant_id AND a.cycle_id = c.id) AS appraisals"
    " FROM hr_appraisal_cycles c LEFT JOIN org_units u ON u.tenant_id = c.tenant_id AND u.id = c.org_unit_id)"
    " AS cycles"
)
SEARCH_TEXT = "lower(name || ' ' || org_unit_name)"

#: The appraisal cycles list, described once for the page and the API.
CYCLE_LIST = ListSpec(
    key="hr.appraisal_cycles",
    path="/hr/appraisal-cycles",
    columns=(
        ListColumn("name", N_("Cycle"), sort="name"),
        ListColumn("period", N_("Period"), kind="date", sort="starts_on::text"),
        ListColumn("status", N_("Status"), sort="status::text", group="status::text"),
        ListColumn("scope", N_("Scope"), sort="org_unit_name", group="org_unit_id"),
        ListColumn("appraisals", N_("Appraisals"), kind="int", sort="appraisals", sort_type=int),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-period",
    filters=("q", "status"),
)


def _conditions(ctx: Context, filters: AppraisalCycleFilters) -> SqlWhere:
    where = SqlWhere(ctx.tenant_id)
    if filters.status is not None:
        where.where("status::text = {}", filters.status.value)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(f"{SEARCH_TEXT} LIKE {{}}", contains_pattern(text))
    return where


async def cycle_list(
    ctx: Context, filters: AppraisalCycleFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[AppraisalCycleView], int | None]:
    """A page of cycles in the state's order, as views, with the total when ``count``."""
    where = _conditions(ctx, filters)
    ids = await fetch_page(
        ctx, CYCLE_LIST, state, select="id", source=SOURCE, where=where, row=lambda r: r[0], limit=limit
    )
    rows = list(await ctx.session.scalars(select(AppraisalCycle).where(AppraisalCycle.id.in_(ids.items))))
    by_id = {v.id: v for v in await _cycle_views(ctx, rows)}
    total = await count_rows(ctx, source=SOURCE, where=where) if count else None
    return ListPage(
        [by_id[i] for i in ids.items if i in by_id], ids.next_cursor, ids.previous_cursor, ids.at
    ), total


async def list_cycles(
    ctx: Context,
    filters: AppraisalCycleFilters,
    *,
    limit: int,
    cursor: str | None = None,
    before: str | None = None,
    sort: str | None = None,
    count: bool = False,
) -> tuple[ListPage[AppraisalCycleView], int | None]:
    """The API's list: the same query; a ``sort`` the list does not have is 422 naming it."""
    query = {"sort": sort, "cursor": cursor, "before": before}
    state = list_state(CYCLE_LIST, {k: v for k, v in query.items() if v}, strict=True)
    return await cycle_list(ctx, filters, state, limit=limit, count=count)


def _hr_only(ctx: Context, what: str) -> None:
    if not is_hr(ctx):
        raise ForbiddenProblem(f"Only HR (tenant owners and admins) {what}.")


def _period(starts_on: object, ends_on: object) -> None:
    if starts_on > ends_on:  # type: ignore[operator]
        raise ValidationProblem.for_field("ends_on", "the period ends before it starts")


async def create_cycle(ctx: Context, data: AppraisalCycleCreate) -> AppraisalCycleView:
    """Start an appraisal cycle as a draft (HR only, 403 otherwise)."""
    _hr_only(ctx, "start appraisal cycles")
    _period(data.starts_on, data.ends_on)
    if data.org_unit_id is not None:
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    row = AppraisalCycle(
        name=data.name.strip(), starts_on=data.starts_on, ends_on=data.ends_on, org_unit_id=data.org_unit_id
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("hr.appraisal_cycle.created", row, after=snapshot(row))
    return (await _cycle_views(ctx, [row]))[0]


async def update_cycle(
    ctx: Context, cycle_id: uuid.UUID, data: AppraisalCycleUpdate, if_match: str | None
) -> AppraisalCycleView:
    """Change a draft cycle's name, period or scope (``If-Match``; HR only; 409 once open)."""
    row = await cycle_row(ctx, cycle_id, lock=True)
    _hr_only(ctx, "change appraisal cycles")
    check_version(row, if_match)
    if row.status is not CycleStatus.DRAFT:
        raise ConflictProblem(f"Only a draft cycle can be changed; this one is {row.status.value}.")
    before = snapshot(row)
    if not isinstance(data.org_unit_id, msgspec.UnsetType) and data.org_unit_id is not None:
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    for name in ("name", "starts_on", "ends_on", "org_unit_id"):
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(row, name, value.strip() if isinstance(value, str) else value)
    _period(row.starts_on, row.ends_on)
    await ctx.session.flush()
    ctx.audit("hr.appraisal_cycle.updated", row, before=before, after=snapshot(row))
    return (await _cycle_views(ctx, [row]))[0]


def _below(unit: uuid.UUID, parents: dict[uuid.UUID, uuid.UUID | None]) -> set[uuid.UUID]:
    """The org unit and every unit below it."""
    children: dict[uuid.UUID, list[uuid.UUID]] = {}
    for child, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    found, stack = {unit}, [unit]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


async def in_scope(ctx: Context, row: AppraisalCycle) -> list[tuple[Employee, uuid.UUID]]:
    """Who a cycle appraises, on the tenant's today: every employee who has not left and holds a
    position — of the scope's org unit or a unit below it, when the cycle has one — with the
    position (the latest started when several hold), by employee number."""
    day = today(ctx)
    statement = (
        select(Employee, Assignment.position_id, Position.org_unit_id)
        .join(Assignment, Assignment.employee_id == Employee.id)
        .join(Position, Position.id == Assignment.position_id)
        .where(holding_on(day), (Employee.left_on.is_(None)) | (Employee.left_on >= day))  # type: ignore[arg-type]
        .order_by(Employee.number, Assignment.starts_on.desc())
    )
    units: set[uuid.UUID] | None = None
    if row.org_unit_id is not None:
        parents = dict((await ctx.session.execute(select(OrgUnit.id, OrgUnit.parent_id))).all())
        units = _below(row.org_unit_id, parents)
    found: dict[uuid.UUID, tuple[Employee, uuid.UUID]] = {}
    for employee, position_id, unit in await ctx.session.execute(statement):
        if employee.id in found or (units is not None and unit not in units):
            continue
        found[employee.id] = (employee, position_id)
    return list(found.values())


async def scope_preview(ctx: Context, cycle_id: uuid.UUID) -> list[tuple[str, str]]:
    """Who the cycle would appraise if it opened today: (employee number, name)."""
    return [(e.number, e.name) for e, _position in await in_scope(ctx, await cycle_row(ctx, cycle_id))]


async def _in_force(ctx: Context, position_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """The approved job description of each position (the one in force)."""
    wanted = set(position_ids)
    if not wanted:
        return {}
    rows = await ctx.session.execute(
        select(JobDescription.position_id, JobDescription.id)
        .where(JobDescription.position_id.in_(wanted), JobDescription.status == DescriptionStatus.APPROVED)
        .order_by(JobDescription.number)
    )
    return dict(rows.all())


async def enrol(ctx: Context, row: AppraisalCycle) -> int:
    """Give every employee in the cycle's scope an appraisal (those who have one keep it), with
    the position they hold and its job description in force; how many were added."""
    existing = set(
        await ctx.session.scalars(select(Appraisal.employee_id).where(Appraisal.cycle_id == row.id))
    )
    scope = [(e, p) for e, p in await in_scope(ctx, row) if e.id not in existing]
    descriptions = await _in_force(ctx, {p for _e, p in scope})
    for employee, position_id in scope:
        appraisal = Appraisal(
            cycle_id=row.id,
            employee_id=employee.id,
            position_id=position_id,
            job_description_id=descriptions.get(position_id),
        )
        ctx.session.add(appraisal)
        await ctx.session.flush()
        ctx.audit("hr.appraisal.created", appraisal, after=snapshot(appraisal))
    return len(scope)


async def move_cycle(
    ctx: Context, cycle_id: uuid.UUID, data: AppraisalCycleMove, if_match: str | None
) -> AppraisalCycleView:
    """Open a draft (its employees are enrolled) or close an open cycle (its scores and final
    levels are locked); HR only; ``If-Match``; any other move is 409 listing the allowed ones."""
    row = await cycle_row(ctx, cycle_id, lock=True)
    _hr_only(ctx, "open and close appraisal cycles")
    check_version(row, if_match)
    if data.status.value not in rules.allowed_cycle_moves(row.status.value):
        raise IllegalCycleMoveProblem(row.status, data.status)
    before = snapshot(row)
    row.status = data.status
    if data.status is CycleStatus.OPEN:
        row.opened_at = clock.now(ctx)
        await enrol(ctx, row)
        action = "hr.appraisal_cycle.opened"
    else:
        row.closed_at = clock.now(ctx)
        action = "hr.appraisal_cycle.closed"
    await ctx.session.flush()
    ctx.audit(action, row, before=before, after=snapshot(row))
    return (await _cycle_views(ctx, [row]))[0]


# --- appraisals -----------------------------------------------------------------------------


@dataclasses.dataclass(slots=True)
class _Loaded:
    """What the views of some appraisals need, read in a constant number of queries."""

    cycles: dict[uuid.UUID, AppraisalCycle]
    employees: dict[uuid.UUID, Employee]
    positions: dict[uuid.UUID, Position]
    units: dict[uuid.UUID, str]
    descriptions: dict[uuid.UUID, int]
    duties: dict[uuid.UUID, list[Duty]]
    scores: dict[tuple[uuid.UUID, ScoreRater, uuid.UUID], AppraisalScore]
    points: dict[str, Decimal]


async def _load_for(ctx: Context, rows: list[Appraisal]) -> _Loaded:
    cycles = {
        c.id: c
        for c in await ctx.session.scalars(
            select(AppraisalCycle).where(AppraisalCycle.id.in_({r.cycle_id for r in rows}))
        )
    }
    employees = {
        e.id: e
        for e in await ctx.session.scalars(
            select(Employee).where(Employee.id.in_({r.employee_id for r in rows}))
        )
    }
    positions = {
        p.id: p
        for p in await ctx.session.scalars(
            select(Position).where(Position.id.in_({r.position_id for r in rows}))
        )
    }
    described = {r.job_description_id for r in rows if r.job_description_id is not None}
    descriptions = dict(
        (
            await ctx.session.execute(
                select(JobDescription.id, JobDescription.number).where(JobDescription.id.in_(described))
            )
        ).all()
    )
    duties: dict[uuid.UUID, list[Duty]] = {}
    for duty in await ctx.session.scalars(
        select(Duty).where(Duty.job_description_id.in_(described)).order_by(Duty.seq)
    ):
        duties.setdefault(duty.job_description_id, []).append(duty)
    scores = {
        (s.appraisal_id, s.rater, s.duty_id): s
        for s in await ctx.session.scalars(
            select(AppraisalScore).where(AppraisalScore.appraisal_id.in_([r.id for r in rows]))
        )
    }
    return _Loaded(
        cycles=cycles,
        employees=employees,
        positions=positions,
        units=await unit_names(ctx, [p.org_unit_id for p in positions.values()]),
        descriptions=descriptions,
        duties=duties,
        scores=scores,
        points=await level_points(ctx),
    )


def _rollup(loaded: _Loaded, row: Appraisal, rater: ScoreRater) -> rules.Rollup:
    duties = loaded.duties.get(row.job_description_id, []) if row.job_description_id else []
    return rules.rollup(
        [
            (
                duty.id,
                duty.weight,
                score.level.value if (score := loaded.scores.get((row.id, rater, duty.id))) else None,
            )
            for duty in duties
        ],
        loaded.points,
    )


def _rollup_view(result: rules.Rollup) -> RollupView:
    return RollupView(
        score=result.score,
        level=AppraisalLevel(result.level) if result.level else None,
        weighted=result.weighted,
        weights=result.weights,
        scored=result.scored,
        total=result.total,
        complete=result.complete,
        formula=result.formula,
    )


def _result_level(row: Appraisal, manager: rules.Rollup) -> AppraisalLevel | None:
    if row.final_level is not None:
        return row.final_level
    return AppraisalLevel(manager.level) if manager.level else None


def _summary(loaded: _Loaded, row: Appraisal) -> AppraisalSummary:
    cycle = loaded.cycles[row.cycle_id]
    employee = loaded.employees[row.employee_id]
    position = loaded.positions[row.position_id]
    manager = _rollup(loaded, row, ScoreRater.MANAGER)
    own = _rollup(loaded, row, ScoreRater.SELF)
    return AppraisalSummary(
        id=row.id,
        cycle_id=cycle.id,
        cycle_name=cycle.name,
        cycle_status=cycle.status,
        starts_on=cycle.starts_on,
        ends_on=cycle.ends_on,
        employee_id=employee.id,
        employee_number=employee.number,
        employee_name=employee.name,
        position_id=position.id,
        position_code=position.code,
        position_title=position.title,
        org_unit_id=position.org_unit_id,
        org_unit_name=loaded.units.get(position.org_unit_id, ""),
        manager_score=manager.score,
        manager_level=AppraisalLevel(manager.level) if manager.level else None,
        self_score=own.score,
        self_level=AppraisalLevel(own.level) if own.level else None,
        scored=manager.scored,
        total=manager.total,
        final_level=row.final_level,
        final_reason=row.final_reason,
        result_level=_result_level(row, manager),
        manager_formula=manager.formula,
        version=row.version,
    )


async def _summaries(ctx: Context, rows: list[Appraisal]) -> list[AppraisalSummary]:
    if not rows:
        return []
    loaded = await _load_for(ctx, rows)
    return [_summary(loaded, row) for row in rows]


@dataclasses.dataclass(frozen=True, slots=True)
class _Standing:
    """Why the caller sees an appraisal and what they may do with it."""

    access: str | None
    is_self: bool
    may_score_manager: bool


def _standing(scope: PersonalScope, me: uuid.UUID | None, row: Appraisal, employee: Employee) -> _Standing:
    """The personal-data rule on the appraised position: HR, the employee, their line managers."""
    access = scope.access(employee, row.position_id)
    is_self = me is not None and employee.user_id == me
    if access is None and is_self:
        access = "self"
    return _Standing(access, is_self, access in ("hr", "line_manager"))


async def _visible(ctx: Context, rows: list[Appraisal]) -> list[Appraisal]:
    """The appraisals the caller may see (HR: all; the employee: theirs; line managers: their reports')."""
    if not rows or is_hr(ctx):
        return rows
    scope = await personal_scope(ctx)
    me = await acting_user_id(ctx)
    employees = {
        e.id: e
        for e in await ctx.session.scalars(
            select(Employee).where(Employee.id.in_({r.employee_id for r in rows}))
        )
    }
    return [r for r in rows if _standing(scope, me, r, employees[r.employee_id]).access is not None]


async def appraisal_row(ctx: Context, appraisal_id: uuid.UUID, *, lock: bool = False) -> Appraisal:
    """The appraisal, or 404."""
    if lock:
        found = await ctx.session.scalar(
            select(Appraisal).where(Appraisal.id == appraisal_id).with_for_update()
        )
        if found is not None:
            return found
    return await fetch(ctx.session, Appraisal, appraisal_id, what="appraisal")


async def _seen(ctx: Context, row: Appraisal) -> tuple[_Standing, Employee]:
    """The caller's standing on an appraisal they may see (403 for anyone else)."""
    employee = await employee_row(ctx, row.employee_id)
    standing = _standing(await personal_scope(ctx), await acting_user_id(ctx), row, employee)
    if standing.access is None:
        raise ForbiddenProblem("Appraisals are seen only by HR, the employee and their line managers.")
    return standing, employee


async def _view(ctx: Context, row: Appraisal, standing: _Standing) -> AppraisalView:
    loaded = await _load_for(ctx, [row])
    summary = _summary(loaded, row)
    cycle = loaded.cycles[row.cycle_id]
    open_ = cycle.status is CycleStatus.OPEN
    manager = _rollup(loaded, row, ScoreRater.MANAGER)
    own = _rollup(loaded, row, ScoreRater.SELF)
    counted = {line.duty: line.counted for line in manager.duties}

    def score(rater: ScoreRater, duty: Duty) -> DutyScore | None:
        found = loaded.scores.get((row.id, rater, duty.id))
        if found is None:
            return None
        return DutyScore(
            level=found.level,
            points=loaded.points[found.level.value],
            comment=found.comment,
            scored_at=found.updated_at,
        )

    duties = loaded.duties.get(row.job_description_id, []) if row.job_description_id else []
    return AppraisalView(
        id=row.id,
        cycle_id=cycle.id,
        cycle_name=cycle.name,
        cycle_status=cycle.status,
        starts_on=cycle.starts_on,
        ends_on=cycle.ends_on,
        employee_id=summary.employee_id,
        employee_number=summary.employee_number,
        employee_name=summary.employee_name,
        position_id=summary.position_id,
        position_code=summary.position_code,
        position_title=summary.position_title,
        org_unit_id=summary.org_unit_id,
        org_unit_name=summary.org_unit_name,
        job_description_id=row.job_description_id,
        job_description_number=loaded.descriptions.get(row.job_description_id)
        if row.job_description_id
        else None,
        duties=[
            AppraisalDuty(
                duty_id=d.id,
                seq=d.seq,
                content=d.content,
                excellent=d.excellent,
                good=d.good,
                fair=d.fair,
                poor=d.poor,
                weight=d.weight,
                counted_weight=counted[d.id],
                self_score=score(ScoreRater.SELF, d),
                manager_score=score(ScoreRater.MANAGER, d),
            )
            for d in duties
        ],
        manager=_rollup_view(manager),
        self_assessment=_rollup_view(own),
        final_level=row.final_level,
        final_reason=row.final_reason,
        result_level=summary.result_level,
        level_points=loaded.points,
        access=PersonalAccess(standing.access) if standing.access else PersonalAccess.HR,
        can_score_self=open_ and standing.is_self and bool(duties),
        can_score_manager=open_ and standing.may_score_manager and bool(duties),
        can_calibrate=open_ and standing.access == "hr",
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


async def get_appraisal(ctx: Context, appraisal_id: uuid.UUID) -> AppraisalView:
    """One appraisal with its duties, both raters' levels and roll-ups (403 unless the caller is
    HR, the employee or one of their line managers)."""
    row = await appraisal_row(ctx, appraisal_id)
    standing, _employee = await _seen(ctx, row)
    return await _view(ctx, row, standing)


async def list_appraisals(ctx: Context, cycle_id: uuid.UUID) -> list[AppraisalSummary]:
    """A cycle's appraisals the caller may see, by org unit, position and employee number."""
    cycle = await cycle_row(ctx, cycle_id)
    rows = await _visible(
        ctx, list(await ctx.session.scalars(select(Appraisal).where(Appraisal.cycle_id == cycle.id)))
    )
    found = await _summaries(ctx, rows)
    return sorted(found, key=lambda s: (s.org_unit_name, s.position_code, s.employee_number))


async def employee_appraisals(ctx: Context, employee_id: uuid.UUID) -> list[AppraisalSummary]:
    """An employee's appraisals over the cycles, latest period first (403 unless the caller is HR,
    the employee or one of their line managers)."""
    employee = await employee_row(ctx, employee_id)
    rows = list(await ctx.session.scalars(select(Appraisal).where(Appraisal.employee_id == employee.id)))
    if not is_hr(ctx):
        scope = await personal_scope(ctx)
        me = await acting_user_id(ctx)
        current = await ctx.session.scalars(
            select(Assignment.position_id)
            .where(Assignment.employee_id == employee.id)
            .where(holding_on(today(ctx)))  # type: ignore[arg-type]
        )
        positions = {*(r.position_id for r in rows), *current}
        allowed = (me is not None and employee.user_id == me) or any(
            scope.access(employee, p) is not None for p in positions
        )
        if not allowed:
            raise ForbiddenProblem("Appraisals are seen only by HR, the employee and their line managers.")
    found = await _summaries(ctx, rows)
    return sorted(found, key=lambda s: (s.starts_on, s.cycle_name), reverse=True)


async def replace_scores(
    ctx: Context, appraisal_id: uuid.UUID, rater: ScoreRater, data: ScoresUpdate
) -> AppraisalView:
    """Record one rater's levels of the appraisal's duties, replacing their earlier ones: ``self``
    by the employee (their own sign-in), ``manager`` by a line manager or HR (403 otherwise); only
    while the cycle is open (409); each duty once and of the appraisal's job description (422
    naming ``scores``)."""
    row = await appraisal_row(ctx, appraisal_id, lock=True)
    standing, _employee = await _seen(ctx, row)
    if rater is ScoreRater.SELF and not standing.is_self:
        raise ForbiddenProblem("Only the employee assesses themselves (signed in as themselves).")
    if rater is ScoreRater.MANAGER and not standing.may_score_manager:
        raise ForbiddenProblem("The manager's scores are given by the employee's line managers or HR.")
    cycle = await cycle_row(ctx, row.cycle_id)
    if cycle.status is not CycleStatus.OPEN:
        raise ConflictProblem(f"The cycle is {cycle.status.value}: scores are taken only while it is open.")
    duties = (
        set(
            await ctx.session.scalars(
                select(Duty.id).where(Duty.job_description_id == row.job_description_id)
            )
        )
        if row.job_description_id
        else set()
    )
    wanted = [s.duty_id for s in data.scores]
    if len(set(wanted)) != len(wanted):
        raise ValidationProblem.for_field("scores", "each duty once")
    if missing := [d for d in wanted if d not in duties]:
        raise ValidationProblem.for_field("scores", f"no duty with id {missing[0]} in this appraisal")
    before = {
        str(s.duty_id): s.level.value
        for s in await ctx.session.scalars(
            select(AppraisalScore).where(AppraisalScore.appraisal_id == row.id, AppraisalScore.rater == rater)
        )
    }
    await ctx.session.execute(
        delete(AppraisalScore).where(AppraisalScore.appraisal_id == row.id, AppraisalScore.rater == rater)
    )
    me = await acting_user_id(ctx)
    for score in data.scores:
        ctx.session.add(
            AppraisalScore(
                appraisal_id=row.id,
                duty_id=score.duty_id,
                rater=rater,
                level=score.level,
                comment=(score.comment or "").strip() or None,
                scored_by=me,
            )
        )
    row.updated_at = clock.now(ctx)  # the appraisal changes with its scores: its version grows
    await ctx.session.flush()
    ctx.audit(
        "hr.appraisal.scored",
        row,
        before={"rater": rater.value, "levels": before},
        after={"rater": rater.value, "levels": {str(s.duty_id): s.level.value for s in data.scores}},
    )
    return await _view(ctx, row, standing)


async def change_final_level(
    ctx: Context, appraisal_id: uuid.UUID, data: FinalLevelChange, if_match: str | None
) -> AppraisalView:
    """HR's calibrated level of an appraisal with its reason (``null``: back to the manager's
    roll-up level); HR only (403), while the cycle is open (409), ``If-Match``; audited."""
    row = await appraisal_row(ctx, appraisal_id, lock=True)
    standing, _employee = await _seen(ctx, row)
    _hr_only(ctx, "calibrate appraisals")
    check_version(row, if_match)
    cycle = await cycle_row(ctx, row.cycle_id)
    if cycle.status is not CycleStatus.OPEN:
        raise ConflictProblem(
            f"The cycle is {cycle.status.value}: final levels are set only while it is open."
        )
    before = snapshot(row)
    row.final_level = data.level
    row.final_reason = data.reason.strip() if data.level is not None else None
    await ctx.session.flush()
    ctx.audit(
        "hr.appraisal.calibrated", row, before=before, after={**snapshot(row), "reason": data.reason.strip()}
    )
    return await _view(ctx, row, standing)


async def calibration(ctx: Context, cycle_id: uuid.UUID) -> Calibration:
    """A cycle's calibration over the appraisals the caller may see: by org unit and position with
    self vs manager roll-ups, each position's mean, the distribution of the result levels and the
    outliers (``rules.outliers``)."""
    cycle = await cycle_row(ctx, cycle_id)
    summaries = await list_appraisals(ctx, cycle.id)
    groups: dict[uuid.UUID, CalibrationGroup] = {}
    for s in summaries:
        groups.setdefault(
            s.org_unit_id,
            CalibrationGroup(org_unit_id=s.org_unit_id, org_unit_name=s.org_unit_name, appraisals=[]),
        ).appraisals.append(s)
    by_position: dict[uuid.UUID, list[AppraisalSummary]] = {}
    for s in summaries:
        by_position.setdefault(s.position_id, []).append(s)
    positions = []
    for position_id, items in by_position.items():
        scores = [i.manager_score for i in items]
        mean = rules.mean_score(scores)
        given = [str(x) for x in scores if x is not None]
        positions.append(
            PositionRollup(
                position_id=position_id,
                position_code=items[0].position_code,
                position_title=items[0].position_title,
                employees=len(items),
                scored=len(given),
                scores=[x for x in scores if x is not None],
                score=mean,
                formula=(
                    f"mean of {len(given)} manager scores = ({' + '.join(given)}) / {len(given)} = {mean}"
                    if given
                    else "no employee scored yet"
                ),
            )
        )
    names = {s.id: s.employee_name for s in summaries}
    return Calibration(
        cycle_id=cycle.id,
        cycle_name=cycle.name,
        cycle_status=cycle.status,
        groups=list(groups.values()),
        positions=sorted(positions, key=lambda p: p.position_code),
        distribution=rules.distribution(s.result_level.value if s.result_level else None for s in summaries),
        mean_score=rules.mean_score(s.manager_score for s in summaries),
        outliers=[
            CalibrationOutlier(
                appraisal_id=uuid.UUID(str(o.key)),
                employee_name=names[uuid.UUID(str(o.key))],
                reasons=list(o.reasons),
            )
            for o in rules.outliers([(s.id, s.self_score, s.manager_score) for s in summaries])
        ],
        self_gap=rules.SELF_GAP,
        spread=rules.SPREAD,
        level_points=await level_points(ctx),
    )
