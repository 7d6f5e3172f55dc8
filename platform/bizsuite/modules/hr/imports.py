"""Employees imported through the kernel import component (``core/imports``).

One row per employee, matched by number (工号): a new number adds the employee, a known one is
updated with the row's filled cells. Org units and positions are found by code; a row naming a
position assigns the employee to it from the row's start date (else the hiring date) when they
hold no position on that day. Every row is checked first; the import writes all rows or none.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.context import Context, snapshot
from bizsuite.core.imports.spec import FieldProblem, Figure, ImportField, ImportSpec, Link, Parsed, RowError
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import Assignment, Employee, Position
from bizsuite.web.i18n import N_

KIND = "hr.employees"
LIMITS = {"number": 50, "name": 200, "email": 200, "phone": 50}
ROW_MESSAGES = (
    N_("must be a date like 2026-03-31"),
    N_("no org unit with this code"),
    N_("no position with this code"),
    N_("a new employee needs a name"),
    N_("a position needs a start date or a hiring date"),
)


@dataclass(frozen=True, slots=True)
class EmployeeRow:
    """A valid row (``None``: keep what is stored)."""

    number: str
    name: str | None
    org_unit: str | None
    email: str | None
    phone: str | None
    hired_on: date | None
    position: str | None
    starts_on: date | None


def _day(text: str) -> date | None:
    return date.fromisoformat(text.strip().replace("/", "-")[:10])


def parse_row(cells: Mapping[str, str]) -> EmployeeRow | list[FieldProblem]:
    """One row's values: a number, lengths within limits, dates like 2026-03-31."""
    problems: list[FieldProblem] = []
    if not cells["number"].strip():
        problems.append(FieldProblem("number", "is empty"))
    for name, limit in LIMITS.items():
        if len(cells[name]) > limit:
            problems.append(FieldProblem(name, f"at most {limit} characters"))
    days: dict[str, date | None] = {}
    for name in ("hired_on", "starts_on"):
        try:
            days[name] = _day(cells[name]) if cells[name].strip() else None
        except ValueError:
            problems.append(FieldProblem(name, "must be a date like 2026-03-31"))
    if problems:
        return problems
    return EmployeeRow(
        number=rules.normal_code(cells["number"]),
        name=cells["name"].strip() or None,
        org_unit=cells["org_unit"].strip() or None,
        email=cells["email"].strip() or None,
        phone=cells["phone"].strip() or None,
        hired_on=days["hired_on"],
        position=rules.normal_code(cells["position"]) if cells["position"].strip() else None,
        starts_on=days["starts_on"],
    )


async def _lookups(ctx: Context) -> tuple[dict[str, Any], dict[str, Any], dict[str, Employee]]:
    units = dict((await ctx.session.execute(select(OrgUnit.code, OrgUnit.id))).all())
    positions = dict((await ctx.session.execute(select(Position.code, Position.id))).all())
    employees = {e.number: e for e in await ctx.session.scalars(select(Employee))}
    return units, positions, employees


async def validate(ctx: Context, rows: Sequence[Parsed[EmployeeRow]]) -> list[RowError]:
    """Org units and positions must be this tenant's, a new employee needs a name, a number once."""
    units, positions, employees = await _lookups(ctx)
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for parsed in rows:
        value, number = parsed.value, parsed.row
        first = seen.setdefault(value.number, number)
        if first != number:
            errors.append(RowError(number, "number", f"duplicate of row {first}", value.number))
        if value.number not in employees and value.name is None:
            errors.append(RowError(number, "name", "a new employee needs a name", ""))
        if value.org_unit is not None and value.org_unit not in units:
            errors.append(RowError(number, "org_unit", "no org unit with this code", value.org_unit))
        if value.position is not None:
            if value.position not in positions:
                errors.append(RowError(number, "position", "no position with this code", value.position))
            existing = employees.get(value.number)
            if (value.starts_on or value.hired_on or (existing.hired_on if existing else None)) is None:
                errors.append(
                    RowError(number, "starts_on", "a position needs a start date or a hiring date", "")
                )
    return errors


def summarize(rows: Sequence[EmployeeRow]) -> dict[str, Any]:
    """How many employees and assignments the file holds."""
    return {"employees": len(rows), "assignments": sum(1 for r in rows if r.position)}


async def apply(
    ctx: Context, rows: Sequence[EmployeeRow], progress: Callable[[int], Awaitable[None]]
) -> dict[str, Any]:
    """Create or update every employee and assign the named positions (in the job's transaction)."""
    units, positions, employees = await _lookups(ctx)
    created = updated = assigned = 0
    for done, row in enumerate(rows, start=1):
        values: dict[str, Any] = {
            "name": row.name,
            "org_unit_id": units[row.org_unit] if row.org_unit else None,
            "email": row.email,
            "phone": row.phone,
            "hired_on": row.hired_on,
        }
        employee = employees.get(row.number)
        if employee is None:
            employee = Employee(number=row.number, **values)
            ctx.session.add(employee)
            await ctx.session.flush()
            ctx.audit("hr.employee.created", employee, after=snapshot(employee))
            employees[row.number] = employee
            created += 1
        else:
            before = snapshot(employee)
            changed = False
            for name, value in values.items():
                if value is not None and getattr(employee, name) != value:
                    setattr(employee, name, value)
                    changed = True
            if changed:
                employee.updated_at = clock.now(ctx)
                await ctx.session.flush()
                ctx.audit("hr.employee.updated", employee, before=before, after=snapshot(employee))
                updated += 1
        if row.position:
            assigned += await _assign(
                ctx, employee, positions[row.position], row.starts_on or employee.hired_on
            )
        if done % 500 == 0 or done == len(rows):
            await progress(done)
    return {"created": created, "updated": updated, "assigned": assigned}


async def _assign(ctx: Context, employee: Employee, position_id: Any, starts_on: date | None) -> int:
    """Assign from ``starts_on`` unless the employee already holds a position that day (then 0)."""
    if starts_on is None:
        return 0
    history = list(await ctx.session.scalars(select(Assignment).where(Assignment.employee_id == employee.id)))
    if any(rules.holds_on(a.starts_on, a.ends_on, starts_on) for a in history):
        return 0
    plan = rules.plan_assignment([rules.Span(a.id, a.starts_on, a.ends_on) for a in history], starts_on)
    if plan.problem is not None:
        return 0
    row = Assignment(employee_id=employee.id, position_id=position_id, starts_on=starts_on)
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("hr.assignment.created", row, after=snapshot(row))
    return 1


EMPLOYEES: ImportSpec[EmployeeRow] = ImportSpec(
    key=KIND,
    label=N_("Import employees"),
    description=N_(
        "Employees from a CSV or Excel file, one row per employee, matched by employee number: a new "
        "number adds the employee, a known one is updated with the row's filled cells. Org units and "
        "positions are found by code; a position is assigned from the start date (else the hiring "
        "date) to someone holding no position that day. A file with any bad row imports nothing."
    ),
    fields=(
        ImportField("number", N_("Employee number"), ("number", "工号", "员工编号", "编号"), required=True),
        ImportField("name", N_("Name"), ("姓名", "员工姓名"), hint=N_("required for a new employee")),
        ImportField("org_unit", N_("Org unit code"), ("org unit", "部门", "部门编码", "组织单元")),
        ImportField("email", N_("Email"), ("邮箱", "电子邮件")),
        ImportField("phone", N_("Phone"), ("电话", "手机")),
        ImportField("hired_on", N_("Hired on"), ("hired", "入职日期"), hint=N_("a date like 2026-03-31")),
        ImportField("position", N_("Position code"), ("position", "职务编号", "职务", "岗位")),
        ImportField("starts_on", N_("In the position from"), ("任职日期", "任职开始日期")),
    ),
    parse=parse_row,
    validate=validate,
    apply=apply,
    summarize=summarize,
    figures=(Figure("employees", N_("Employees")), Figure("assignments", N_("Assignments"))),
    links=(Link(N_("Employees"), "/hr/employees", "goto-employees"),),
)
