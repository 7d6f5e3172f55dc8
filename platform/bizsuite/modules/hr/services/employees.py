"""Employees and their assignments to positions over time (the history of who held what); the
employees list on the kernel list component (``web/lists.py``)."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime

import msgspec
from sqlalchemy import select

from bizsuite.core.approvals.services.acting import acting_user_id
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import (
    ConflictProblem,
    ForbiddenProblem,
    NotFoundProblem,
    ValidationProblem,
)
from bizsuite.core.identity.models import Membership, Role
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.kit import SearchHit
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import Assignment, Employee, Position
from bizsuite.modules.hr.schemas import (
    AssignmentCreate,
    AssignmentEnd,
    AssignmentView,
    EmployeeCreate,
    EmployeeFilters,
    EmployeeUpdate,
    EmployeeView,
    PersonalAccess,
    PersonalData,
)
from bizsuite.modules.hr.services.common import holding_on, position_refs, today, unit_names
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
)


async def employee_row(ctx: Context, employee_id: uuid.UUID) -> Employee:
    """The employee, or 404."""
    return await fetch(ctx.session, Employee, employee_id, what="employee")


def is_hr(ctx: Context) -> bool:
    """Whether the caller is HR for personal data: a tenant owner or admin."""
    role = ctx.principal.role
    return role is not None and role.at_least(Role.ADMIN)


@dataclasses.dataclass(frozen=True, slots=True)
class PersonalScope:
    """What decides whose personal data the caller sees (``rules.personal_access``)."""

    is_hr: bool
    user_id: uuid.UUID | None
    positions: frozenset[uuid.UUID]
    reports_to: dict[uuid.UUID, uuid.UUID | None]

    def access(self, employee: Employee, position_id: uuid.UUID | None) -> str | None:
        """Why the caller sees ``employee``'s personal data (None: they do not)."""
        return rules.personal_access(
            is_hr=self.is_hr,
            is_self=self.user_id is not None and employee.user_id == self.user_id,
            employee_positions=[position_id] if position_id is not None else [],
            caller_positions=self.positions,
            reports_to=self.reports_to,
        )


async def personal_scope(ctx: Context) -> PersonalScope:
    """The caller's standing for personal data: HR by role; else the person behind the request
    (signed in, or the member who created the API key), the positions their own employee record
    holds today, and the reporting lines."""
    if is_hr(ctx):
        return PersonalScope(True, None, frozenset(), {})
    user_id = await acting_user_id(ctx)
    if user_id is None:
        return PersonalScope(False, None, frozenset(), {})
    positions = frozenset(
        await ctx.session.scalars(
            select(Assignment.position_id)
            .join(Employee, Employee.id == Assignment.employee_id)
            .where(Employee.user_id == user_id, holding_on(today(ctx)))  # type: ignore[arg-type]
        )
    )
    reports_to: dict[uuid.UUID, uuid.UUID | None] = {}
    if positions:
        reports_to = dict((await ctx.session.execute(select(Position.id, Position.reports_to_id))).all())
    return PersonalScope(False, user_id, positions, reports_to)


def _personal(row: Employee) -> PersonalData:
    return PersonalData(**{name: getattr(row, name) for name in rules.PERSONAL_FIELDS})


async def views(ctx: Context, rows: list[Employee]) -> list[EmployeeView]:
    """Employees as views, with their org unit's name and the position each holds today; the
    personal data only for HR, the employee and their line managers."""
    if not rows:
        return []
    units = await unit_names(ctx, [r.org_unit_id for r in rows])
    held = dict(
        (
            await ctx.session.execute(
                select(Assignment.employee_id, Assignment.position_id).where(
                    Assignment.employee_id.in_([r.id for r in rows]),
                    holding_on(today(ctx)),  # type: ignore[arg-type]
                )
            )
        ).all()
    )
    refs = await position_refs(ctx, held.values())
    scope = await personal_scope(ctx)
    access = {
        row.id: PersonalAccess(reason) if (reason := scope.access(row, held.get(row.id))) else None
        for row in rows
    }
    return [
        EmployeeView(
            id=row.id,
            number=row.number,
            name=row.name,
            org_unit_id=row.org_unit_id,
            org_unit_name=units.get(row.org_unit_id) if row.org_unit_id else None,
            email=row.email,
            phone=row.phone,
            hired_on=row.hired_on,
            left_on=row.left_on,
            notes=row.notes,
            current_position=refs.get(held[row.id]) if row.id in held else None,
            user_id=row.user_id,
            personal=_personal(row) if access[row.id] else None,
            personal_access=access[row.id],
            created_at=row.created_at,
            updated_at=row.updated_at,
            version=row.version,
        )
        for row in rows
    ]


async def _number_free(ctx: Context, number: str, *, other_than: uuid.UUID | None = None) -> None:
    statement = select(Employee.id).where(Employee.number == number)
    if other_than is not None:
        statement = statement.where(Employee.id != other_than)
    if await ctx.session.scalar(statement) is not None:
        raise ConflictProblem.for_field("number", "an employee with this number already exists")


async def list_employees(
    ctx: Context, filters: EmployeeFilters, *, limit: int, cursor: str | None
) -> tuple[list[EmployeeView], str | None]:
    """Employees, newest first, by number or name (anywhere, any case) and org unit."""
    statement = select(Employee)
    if filters.q:
        pattern = "%" + filters.q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        statement = statement.where(
            Employee.name.ilike(pattern, escape="\\") | Employee.number.ilike(pattern, escape="\\")
        )
    if filters.org_unit_id is not None:
        statement = statement.where(Employee.org_unit_id == filters.org_unit_id)
    rows, next_cursor = await list_page(
        ctx.session, statement, Employee, limit=limit, cursor=cursor, descending=True
    )
    return await views(ctx, list(rows)), next_cursor


# --- the employees list ---------------------------------------------------------------------

#: One row per employee with its org unit's name and the position held on the day bound as the
#: list's second parameter (``{day}``; the latest started assignment when several hold).
SOURCE = (
    "(SELECT e.*, COALESCE(u.name, '') AS org_unit_name, h.position_id,"
    " COALESCE(h.code || ' ' || h.title, '') AS position_label"
    " FROM hr_employees e LEFT JOIN org_units u ON u.tenant_id = e.tenant_id AND u.id = e.org_unit_id"
    " LEFT JOIN LATERAL (SELECT a.position_id, p.code, p.title FROM hr_assignments a"
    " JOIN hr_positions p ON p.tenant_id = a.tenant_id AND p.id = a.position_id"
    " WHERE a.tenant_id = e.tenant_id AND a.employee_id = e.id AND a.starts_on <= {day}"
    " AND (a.ends_on IS NULL OR a.ends_on >= {day}) ORDER BY a.starts_on DESC LIMIT 1) h ON true) AS employees"
)
#: Search anywhere in the number or the name (any case), as the API's list does.
SEARCH_TEXT = "lower(number || ' ' || name)"

#: The employees list, described once for the page and the export.
EMPLOYEE_LIST = ListSpec(
    key="hr.employees",
    path="/hr/employees",
    columns=(
        ListColumn("number", N_("Employee number"), sort="number"),
        ListColumn("name", N_("Name"), sort="name"),
        ListColumn("org_unit", N_("Org unit"), sort="org_unit_name", group="org_unit_id"),
        ListColumn("position", N_("Job position"), sort="position_label", group="position_id"),
        # ISO dates sort as text; no date is the empty text (first ascending).
        ListColumn("hired_on", N_("Hired on"), kind="date", sort="COALESCE(hired_on::text, '')"),
        ListColumn("left_on", N_("Left on"), kind="date", sort="COALESCE(left_on::text, '')", default=False),
        ListColumn("email", N_("Email"), default=False),
        ListColumn("phone", N_("Phone"), default=False),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("q", "org_unit_id"),
)


def _conditions(ctx: Context, filters: EmployeeFilters) -> tuple[SqlWhere, str]:
    where = SqlWhere(ctx.tenant_id)
    source = SOURCE.format(day=where.bind(today(ctx)) + "::date")
    if filters.org_unit_id is not None:
        where.where("org_unit_id = {}", filters.org_unit_id)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(f"{SEARCH_TEXT} LIKE {{}}", contains_pattern(text))
    return where, source


async def employee_list(
    ctx: Context, filters: EmployeeFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[EmployeeView], int | None]:
    """A page of employees in the state's order, as views, with the total when ``count``."""
    where, source = _conditions(ctx, filters)
    ids = await fetch_page(
        ctx, EMPLOYEE_LIST, state, select="id", source=source, where=where, row=lambda r: r[0], limit=limit
    )
    rows = list((await ctx.session.scalars(select(Employee).where(Employee.id.in_(ids.items)))).all())
    by_id = {v.id: v for v in await views(ctx, rows)}
    total = await count_rows(ctx, source=source, where=where) if count else None
    return ListPage(
        [by_id[i] for i in ids.items if i in by_id], ids.next_cursor, ids.previous_cursor, ids.at
    ), total


async def employee_groups(ctx: Context, filters: EmployeeFilters, state: ListState) -> list[GroupTotal]:
    """The grouped list's groups (by org unit or position held) with how many employees each has."""
    where, source = _conditions(ctx, filters)
    return await group_totals(ctx, EMPLOYEE_LIST, state, source=source, where=where, sums={})


async def search_employees(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's employee hits: the employees list's search (``text`` anywhere in the
    number or the name, any case), newest first, with the position each holds today."""
    items, _next = await list_employees(ctx, EmployeeFilters(q=text), limit=limit, cursor=None)
    return [
        SearchHit(
            title=e.name,
            href=f"/hr/employees/{e.id}",
            detail=" · ".join(
                p for p in (e.number, e.current_position.title if e.current_position else "") if p
            ),
        )
        for e in items
    ]


async def get_employee(ctx: Context, employee_id: uuid.UUID) -> EmployeeView:
    """One employee, or 404."""
    return (await views(ctx, [await employee_row(ctx, employee_id)]))[0]


def _hr_only(ctx: Context, field: str) -> None:
    if not is_hr(ctx):
        raise ForbiddenProblem.for_field(field, "only HR (tenant owners and admins) change this")


async def _user_free(ctx: Context, user_id: uuid.UUID, *, other_than: uuid.UUID | None = None) -> None:
    """The sign-in is a member of the tenant (422) not linked to another employee (409)."""
    if await ctx.session.scalar(select(Membership.id).where(Membership.user_id == user_id)) is None:
        raise ValidationProblem.for_field("user_id", f"no member with user id {user_id}")
    statement = select(Employee.number).where(Employee.user_id == user_id)
    if other_than is not None:
        statement = statement.where(Employee.id != other_than)
    if (taken := await ctx.session.scalar(statement)) is not None:
        raise ConflictProblem.for_field("user_id", f"this sign-in is already employee {taken}'s")


async def create_employee(ctx: Context, data: EmployeeCreate) -> EmployeeView:
    """Add an employee; a number already used answers 409 naming ``number``. Only HR links a
    sign-in or writes personal data (403)."""
    number = rules.normal_code(data.number)
    if data.user_id is not None:
        _hr_only(ctx, "user_id")
    if data.personal is not None and any(
        getattr(data.personal, n) is not None for n in rules.PERSONAL_FIELDS
    ):
        _hr_only(ctx, "personal")
    await _number_free(ctx, number)
    if data.org_unit_id is not None:
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    if data.user_id is not None:
        await _user_free(ctx, data.user_id)
    row = Employee(
        number=number,
        name=data.name,
        org_unit_id=data.org_unit_id,
        email=data.email,
        phone=data.phone,
        hired_on=data.hired_on,
        notes=data.notes,
        user_id=data.user_id,
        **{n: getattr(data.personal, n) for n in rules.PERSONAL_FIELDS} if data.personal else {},
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("hr.employee.created", row, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def update_employee(
    ctx: Context, employee_id: uuid.UUID, data: EmployeeUpdate, if_match: str | None
) -> EmployeeView:
    """Change an employee (``If-Match``); ``null`` clears a nullable field."""
    row = await employee_row(ctx, employee_id)
    check_version(row, if_match)
    if not isinstance(data.user_id, msgspec.UnsetType) and data.user_id != row.user_id:
        _hr_only(ctx, "user_id")
        if data.user_id is not None:
            await _user_free(ctx, data.user_id, other_than=row.id)
        row.user_id = data.user_id
    if not isinstance(data.personal, msgspec.UnsetType):
        _hr_only(ctx, "personal")
    before = snapshot(row)
    if not isinstance(data.personal, msgspec.UnsetType):
        for name in rules.PERSONAL_FIELDS:
            value = getattr(data.personal, name)
            if not isinstance(value, msgspec.UnsetType):
                setattr(row, name, value)
    if not isinstance(data.number, msgspec.UnsetType):
        number = rules.normal_code(data.number)
        if number != row.number:
            await _number_free(ctx, number, other_than=row.id)
            row.number = number
    if not isinstance(data.org_unit_id, msgspec.UnsetType) and data.org_unit_id is not None:
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    for name in ("name", "org_unit_id", "email", "phone", "hired_on", "left_on", "notes"):
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(row, name, value)
    if row.hired_on and row.left_on and row.left_on < row.hired_on:
        raise ValidationProblem.for_field("left_on", "the leaving date is before the hiring date")
    await ctx.session.flush()
    ctx.audit("hr.employee.updated", row, before=before, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def assignment_views(ctx: Context, rows: list[Assignment]) -> list[AssignmentView]:
    """Assignments with their positions' codes and titles and whether each holds today."""
    refs = await position_refs(ctx, {r.position_id for r in rows})
    day = today(ctx)
    return [
        AssignmentView(
            id=r.id,
            employee_id=r.employee_id,
            position_id=r.position_id,
            position_code=refs[r.position_id].code,
            position_title=refs[r.position_id].title,
            starts_on=r.starts_on,
            ends_on=r.ends_on,
            current=rules.holds_on(r.starts_on, r.ends_on, day),
            note=r.note,
        )
        for r in rows
    ]


async def _history(ctx: Context, employee_id: uuid.UUID, *, lock: bool = False) -> list[Assignment]:
    statement = (
        select(Assignment)
        .where(Assignment.employee_id == employee_id)
        .order_by(Assignment.starts_on.desc(), Assignment.created_at.desc())
    )
    if lock:
        statement = statement.with_for_update()
    return list(await ctx.session.scalars(statement))


async def list_assignments(ctx: Context, employee_id: uuid.UUID) -> list[AssignmentView]:
    """An employee's assignments, latest first."""
    await employee_row(ctx, employee_id)
    return await assignment_views(ctx, await _history(ctx, employee_id))


async def assign(ctx: Context, employee_id: uuid.UUID, data: AssignmentCreate) -> AssignmentView:
    """Assign the employee to a position from ``starts_on``: an open assignment that began
    earlier ends the day before (a transfer, kept in the history); other overlaps are 409 naming
    ``starts_on``."""
    employee = await ctx.session.scalar(select(Employee).where(Employee.id == employee_id).with_for_update())
    if employee is None:
        raise NotFoundProblem(f"No employee with id {employee_id}.")
    await fetch_reference(ctx.session, Position, data.position_id, field="position_id")
    history = await _history(ctx, employee.id, lock=True)
    plan = rules.plan_assignment(
        [rules.Span(a.id, a.starts_on, a.ends_on) for a in history], data.starts_on, data.ends_on
    )
    if plan.problem is not None:
        field = "ends_on" if "end date" in plan.problem else "starts_on"
        raise ConflictProblem.for_field(field, plan.problem)
    if plan.closes is not None:
        previous = next(a for a in history if a.id == plan.closes)
        before = snapshot(previous)
        previous.ends_on = plan.closes_on
        ctx.audit("hr.assignment.ended", previous, before=before, after=snapshot(previous))
    row = Assignment(
        employee_id=employee.id,
        position_id=data.position_id,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        note=data.note,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("hr.assignment.created", row, after=snapshot(row))
    return (await assignment_views(ctx, [row]))[0]


async def end_assignment(
    ctx: Context, employee_id: uuid.UUID, assignment_id: uuid.UUID, data: AssignmentEnd
) -> AssignmentView:
    """End an assignment on a day (its last day); not before it started (422 naming ``ends_on``)."""
    await employee_row(ctx, employee_id)
    row = await ctx.session.scalar(
        select(Assignment).where(Assignment.id == assignment_id, Assignment.employee_id == employee_id)
    )
    if row is None:
        raise NotFoundProblem(f"No assignment with id {assignment_id} for this employee.")
    if data.ends_on < row.starts_on:
        raise ValidationProblem.for_field("ends_on", "the end date is before the start date")
    before = snapshot(row)
    row.ends_on = data.ends_on
    await ctx.session.flush()
    ctx.audit("hr.assignment.ended", row, before=before, after=snapshot(row))
    return (await assignment_views(ctx, [row]))[0]


async def employee_choices(ctx: Context) -> list[tuple[str, str]]:
    """Every employee as (id, "number name") for pickers."""
    rows = await ctx.session.execute(
        select(Employee.id, Employee.number, Employee.name).order_by(Employee.number)
    )
    return [(str(i), f"{n} {name}") for i, n, name in rows.all()]


async def match_employees(ctx: Context, texts: list[str]) -> dict[str, tuple[uuid.UUID, str]]:
    """Typed names matched to employees: by number (any case), else by a name only one employee
    has; ``text → (employee id, name)`` for those found."""
    wanted = [t.strip() for t in texts if t.strip()]
    if not wanted:
        return {}
    rows = (
        await ctx.session.execute(
            select(Employee.id, Employee.number, Employee.name).where(
                Employee.number.in_([rules.normal_code(t) for t in wanted]) | Employee.name.in_(wanted)
            )
        )
    ).all()
    by_number = {number: (i, name) for i, number, name in rows}
    by_name: dict[str, list[tuple[uuid.UUID, str]]] = {}
    for i, _number, name in rows:
        by_name.setdefault(name, []).append((i, name))
    found: dict[str, tuple[uuid.UUID, str]] = {}
    for text in wanted:
        if (hit := by_number.get(rules.normal_code(text))) is not None:
            found[text] = hit
        elif len(by_name.get(text, [])) == 1:
            found[text] = by_name[text][0]
    return found
