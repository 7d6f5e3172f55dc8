"""Positions (职务): define, change, delete; their paths (promotion, lateral, other positions the
holder can fill) without loops; the positions list on the kernel list component."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec
from sqlalchemy import delete, func, select

from bizsuite.core import clock
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, ValidationProblem
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference
from bizsuite.kit import SearchHit
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import (
    Assignment,
    DescriptionStatus,
    JobDescription,
    PathKind,
    Position,
    PositionPath,
)
from bizsuite.modules.hr.schemas import (
    HolderView,
    PositionCreate,
    PositionFilters,
    PositionPathsUpdate,
    PositionRef,
    PositionUpdate,
    PositionView,
)
from bizsuite.modules.hr.services.common import holders, position_refs, staffing_view, today, unit_names
from bizsuite.web.i18n import N_
from bizsuite.web.lists import (
    GroupTotal,
    ListColumn,
    ListPage,
    ListSpec,
    ListState,
    SqlWhere,
    contains_pattern,
    count_rows,
    fetch_page,
    group_totals,
    list_state,
)


class PathLoopProblem(ConflictProblem):
    """The change would make a loop (a promotion path or a reporting line back to itself)."""

    slug = "path-loop"
    title = "Loop in positions"

    def __init__(self, field: str, loop: list[str]) -> None:
        message = "this would make a loop: " + " → ".join(loop)
        super().__init__(message, errors=[FieldError(field=field, message=message)])
        self.loop = loop


async def position_row(ctx: Context, position_id: uuid.UUID) -> Position:
    """The position, or 404."""
    return await fetch(ctx.session, Position, position_id, what="position")


async def _code_free(ctx: Context, code: str, *, other_than: uuid.UUID | None = None) -> None:
    statement = select(Position.id).where(Position.code == code)
    if other_than is not None:
        statement = statement.where(Position.id != other_than)
    if await ctx.session.scalar(statement) is not None:
        raise ConflictProblem.for_field("code", "a position with this code already exists")


async def _codes(ctx: Context) -> dict[uuid.UUID, str]:
    return dict((await ctx.session.execute(select(Position.id, Position.code))).all())


async def _check_manager(ctx: Context, position_id: uuid.UUID | None, manager_id: uuid.UUID | None) -> None:
    """The reports-to position exists in the tenant, is not the position, and makes no loop."""
    if manager_id is None:
        return
    await fetch_reference(ctx.session, Position, manager_id, field="reports_to_id")
    if position_id is None:
        return
    if manager_id == position_id:
        raise ValidationProblem.for_field("reports_to_id", "a position cannot report to itself")
    lines = dict((await ctx.session.execute(select(Position.id, Position.reports_to_id))).all())
    edges = {node: [parent] for node, parent in lines.items() if parent is not None}
    loop = rules.cycle_if(edges, position_id, [manager_id])
    if loop is not None:
        codes = await _codes(ctx)
        raise PathLoopProblem("reports_to_id", [codes.get(node, str(node)) for node in loop])


async def views(ctx: Context, rows: list[Position]) -> list[PositionView]:
    """Position rows as views: names, paths both ways, direct reports, staffing today, holders and
    the job description in force."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    day = today(ctx)
    units = await unit_names(ctx, [r.org_unit_id for r in rows])
    paths = list(
        (
            await ctx.session.scalars(
                select(PositionPath).where(
                    PositionPath.position_id.in_(ids)
                    | (PositionPath.target_id.in_(ids) & (PositionPath.kind == PathKind.PROMOTES_TO))
                )
            )
        ).all()
    )
    refs = await position_refs(
        ctx,
        {p.position_id for p in paths}
        | {p.target_id for p in paths}
        | {r.reports_to_id for r in rows if r.reports_to_id},
    )
    reports = dict(
        (
            await ctx.session.execute(
                select(Position.reports_to_id, func.sum(Position.headcount))
                .where(Position.reports_to_id.in_(ids))
                .group_by(Position.reports_to_id)
            )
        ).all()
    )
    held = await holders(ctx, ids, day)
    current = await _current_descriptions(ctx, ids)

    def refs_of(position_id: uuid.UUID, kind: PathKind) -> list[PositionRef]:
        found = [refs[p.target_id] for p in paths if p.position_id == position_id and p.kind is kind]
        return sorted(found, key=lambda r: r.code)

    result = []
    for row in rows:
        people = held.get(row.id, [])
        promoted_from = sorted(
            (refs[p.position_id] for p in paths if p.target_id == row.id and p.kind is PathKind.PROMOTES_TO),
            key=lambda r: r.code,
        )
        result.append(
            PositionView(
                id=row.id,
                code=row.code,
                title=row.title,
                category=row.category,
                org_unit_id=row.org_unit_id,
                org_unit_name=units.get(row.org_unit_id, ""),
                reports_to_id=row.reports_to_id,
                reports_to=refs.get(row.reports_to_id) if row.reports_to_id else None,
                headcount=row.headcount,
                direct_reports=int(reports.get(row.id) or 0),
                pay_grade=row.pay_grade,
                pay_level=row.pay_level,
                notes=row.notes,
                promotes_to=refs_of(row.id, PathKind.PROMOTES_TO),
                promoted_from=promoted_from,
                lateral=refs_of(row.id, PathKind.LATERAL),
                can_fill=refs_of(row.id, PathKind.CAN_FILL),
                staffing=staffing_view(rules.staffing(row.headcount, len(people))),
                holders=[
                    HolderView(
                        employee_id=e.id,
                        employee_number=e.number,
                        employee_name=e.name,
                        assignment_id=a.id,
                        starts_on=a.starts_on,
                    )
                    for a, e in people
                ],
                current_description_id=current.get(row.id),
                created_at=row.created_at,
                updated_at=row.updated_at,
                version=row.version,
            )
        )
    return result


async def _current_descriptions(ctx: Context, ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """Each position's approved job description (the highest approved version)."""
    rows = await ctx.session.execute(
        select(JobDescription.position_id, JobDescription.id)
        .where(JobDescription.position_id.in_(ids), JobDescription.status == DescriptionStatus.APPROVED)
        .order_by(JobDescription.position_id, JobDescription.number.desc())
    )
    found: dict[uuid.UUID, uuid.UUID] = {}
    for position_id, description_id in rows.all():
        found.setdefault(position_id, description_id)
    return found


async def get_position(ctx: Context, position_id: uuid.UUID) -> PositionView:
    """One position, or 404."""
    return (await views(ctx, [await position_row(ctx, position_id)]))[0]


async def create_position(ctx: Context, data: PositionCreate) -> PositionView:
    """Define a position; a code already used answers 409 naming ``code``."""
    code = rules.normal_code(data.code)
    await _code_free(ctx, code)
    await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    await _check_manager(ctx, None, data.reports_to_id)
    row = Position(
        code=code,
        title=data.title,
        category=data.category,
        org_unit_id=data.org_unit_id,
        reports_to_id=data.reports_to_id,
        headcount=data.headcount,
        pay_grade=data.pay_grade,
        pay_level=data.pay_level,
        notes=data.notes,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("hr.position.created", row, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def update_position(
    ctx: Context, position_id: uuid.UUID, data: PositionUpdate, if_match: str | None
) -> PositionView:
    """Change a position (``If-Match``); a reporting line that loops back is 409 naming ``reports_to_id``."""
    row = await position_row(ctx, position_id)
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.code, msgspec.UnsetType):
        code = rules.normal_code(data.code)
        if code != row.code:
            await _code_free(ctx, code, other_than=row.id)
            row.code = code
    if not isinstance(data.org_unit_id, msgspec.UnsetType):
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    if not isinstance(data.reports_to_id, msgspec.UnsetType):
        await _check_manager(ctx, row.id, data.reports_to_id)
    for name in (
        "title",
        "category",
        "org_unit_id",
        "reports_to_id",
        "headcount",
        "pay_grade",
        "pay_level",
        "notes",
    ):
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(row, name, value)
    await ctx.session.flush()
    ctx.audit("hr.position.updated", row, before=before, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def delete_position(ctx: Context, position_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a position nobody has held, with no job description and no reports (else 409)."""
    row = await position_row(ctx, position_id)
    check_version(row, if_match)
    for model, column, what in (
        (Assignment, Assignment.position_id, "it has assignments (its history is kept)"),
        (JobDescription, JobDescription.position_id, "it has job descriptions"),
        (Position, Position.reports_to_id, "other positions report to it"),
    ):
        if await ctx.session.scalar(select(model.id).where(column == row.id).limit(1)) is not None:
            raise ConflictProblem(f"The position cannot be deleted: {what}.")
    ctx.audit("hr.position.deleted", row, before=snapshot(row))
    await ctx.session.delete(row)
    await ctx.session.flush()


async def set_paths(
    ctx: Context, position_id: uuid.UUID, data: PositionPathsUpdate, if_match: str | None
) -> PositionView:
    """Replace a position's paths (``If-Match``). Every target must be another of the tenant's
    positions (422 naming the list); promotions that would loop back are 409 naming ``promotes_to``."""
    row = await position_row(ctx, position_id)
    check_version(row, if_match)
    wanted = {
        PathKind.PROMOTES_TO: list(dict.fromkeys(data.promotes_to)),
        PathKind.LATERAL: list(dict.fromkeys(data.lateral)),
        PathKind.CAN_FILL: list(dict.fromkeys(data.can_fill)),
    }
    every = {target for targets in wanted.values() for target in targets}
    found = (
        set(await ctx.session.scalars(select(Position.id).where(Position.id.in_(every)))) if every else set()
    )
    for kind, targets in wanted.items():
        for target in targets:
            if target == row.id:
                raise ValidationProblem.for_field(kind.value, "a position cannot lead to itself")
            if target not in found:
                raise ValidationProblem.for_field(kind.value, f"no position with id {target}")
    promotions: dict[uuid.UUID, list[uuid.UUID]] = {}
    for source, target in (
        await ctx.session.execute(
            select(PositionPath.position_id, PositionPath.target_id).where(
                PositionPath.kind == PathKind.PROMOTES_TO
            )
        )
    ).all():
        promotions.setdefault(source, []).append(target)
    loop = rules.cycle_if(promotions, row.id, wanted[PathKind.PROMOTES_TO])
    if loop is not None:
        codes = await _codes(ctx)
        raise PathLoopProblem("promotes_to", [codes.get(node, str(node)) for node in loop])
    before = {kind.value: sorted(str(t) for t in await _targets(ctx, row.id, kind)) for kind in PathKind}
    await ctx.session.execute(delete(PositionPath).where(PositionPath.position_id == row.id))
    for kind, targets in wanted.items():
        for target in targets:
            ctx.session.add(PositionPath(position_id=row.id, target_id=target, kind=kind))
    row.updated_at = clock.now(ctx)  # the paths are part of the position: its version grows
    await ctx.session.flush()
    after = {kind.value: sorted(str(t) for t in targets) for kind, targets in wanted.items()}
    ctx.audit("hr.position.paths_changed", row, before=before, after=after)
    return (await views(ctx, [row]))[0]


async def _targets(ctx: Context, position_id: uuid.UUID, kind: PathKind) -> list[uuid.UUID]:
    return list(
        await ctx.session.scalars(
            select(PositionPath.target_id).where(
                PositionPath.position_id == position_id, PositionPath.kind == kind
            )
        )
    )


async def position_choices(ctx: Context) -> list[PositionRef]:
    """Every position, by code (for pickers)."""
    rows = await ctx.session.execute(
        select(Position.id, Position.code, Position.title).order_by(Position.code)
    )
    return [PositionRef(id=i, code=c, title=t) for i, c, t in rows.all()]


# --- the positions list ---------------------------------------------------------------------

#: One row per position with its org unit's name and the people holding it on the day bound
#: as the list's second parameter (``{day}``).
SOURCE = (
    "(SELECT p.*, COALESCE(u.name, '') AS org_unit_name,"
    " (SELECT count(*) FROM hr_assignments a WHERE a.tenant_id = p.tenant_id AND a.position_id = p.id"
    " AND a.starts_on <= {day} AND (a.ends_on IS NULL OR a.ends_on >= {day})) AS filled"
    " FROM hr_positions p LEFT JOIN org_units u ON u.tenant_id = p.tenant_id AND u.id = p.org_unit_id) AS positions"
)
SEARCH_TEXT = "lower(code || ' ' || title || ' ' || org_unit_name)"

POSITION_LIST = ListSpec(
    key="hr.positions",
    path="/hr/positions",
    columns=(
        ListColumn("code", N_("Code"), sort="code"),
        ListColumn("title", N_("Position title"), sort="title"),
        ListColumn("category", N_("Category"), group="category"),
        ListColumn("org_unit", N_("Org unit"), sort="org_unit_name", group="org_unit_id"),
        ListColumn("pay_grade", N_("Pay grade"), default=True),
        ListColumn("headcount", N_("Headcount"), kind="int", sort="headcount", sort_type=int),
        ListColumn("filled", N_("In post"), kind="int", sort="filled", sort_type=int),
        ListColumn(
            "vacancies", N_("Vacancies"), kind="int", sort="GREATEST(headcount - filled, 0)", sort_type=int
        ),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="code",
    filters=("q", "category", "org_unit_id"),
)


def _conditions(ctx: Context, filters: PositionFilters) -> tuple[SqlWhere, str]:
    where = SqlWhere(ctx.tenant_id)
    source = SOURCE.format(day=where.bind(today(ctx)) + "::date")
    if filters.category is not None:
        where.where("category::text = {}", filters.category.value)
    if filters.org_unit_id is not None:
        where.where("org_unit_id = {}", filters.org_unit_id)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(f"{SEARCH_TEXT} LIKE {{}}", contains_pattern(text))
    return where, source


async def position_list(
    ctx: Context, filters: PositionFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[PositionView], int | None]:
    """A page of positions in the state's order, as views, with the total when ``count``."""
    where, source = _conditions(ctx, filters)
    ids = await fetch_page(
        ctx, POSITION_LIST, state, select="id", source=source, where=where, row=lambda r: r[0], limit=limit
    )
    rows = list((await ctx.session.scalars(select(Position).where(Position.id.in_(ids.items)))).all())
    by_id = {v.id: v for v in await views(ctx, rows)}
    total = await count_rows(ctx, source=source, where=where) if count else None
    return ListPage(
        [by_id[i] for i in ids.items if i in by_id], ids.next_cursor, ids.previous_cursor, ids.at
    ), total


async def position_groups(ctx: Context, filters: PositionFilters, state: ListState) -> list[GroupTotal]:
    """The grouped list's groups (by category or org unit) with how many positions each has."""
    where, source = _conditions(ctx, filters)
    return await group_totals(ctx, POSITION_LIST, state, source=source, where=where, sums={})


async def list_positions(
    ctx: Context,
    filters: PositionFilters,
    *,
    limit: int,
    cursor: str | None = None,
    before: str | None = None,
    sort: str | None = None,
    count: bool = False,
) -> tuple[ListPage[PositionView], int | None]:
    """The API's list: the same query; a ``sort`` the list does not have is 422 naming it."""
    query = {"sort": sort, "cursor": cursor, "before": before}
    state = list_state(POSITION_LIST, {k: v for k, v in query.items() if v}, strict=True)
    return await position_list(ctx, filters, state, limit=limit, count=count)


async def search_positions(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's position hits: the positions list's search (``text`` anywhere in the
    code, the title or the org unit's name, any case), by code."""
    where, source = _conditions(ctx, PositionFilters(q=text))
    found = await fetch_page(
        ctx,
        POSITION_LIST,
        list_state(POSITION_LIST, {}),
        select="id, code, title, org_unit_name",
        source=source,
        where=where,
        row=lambda r: SearchHit(
            title=r[2], href=f"/hr/positions/{r[0]}", detail=" · ".join(p for p in (r[1], r[3]) if p)
        ),
        limit=limit,
    )
    return found.items
