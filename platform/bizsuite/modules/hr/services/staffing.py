"""Staffing: the org chart of positions (reports-to tree) and headcount (定员) against the people
in post per org unit and position, on the tenant's today."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import Position
from bizsuite.modules.hr.schemas import HeadcountLine, HeadcountReport, HeadcountUnit, OrgChart, OrgChartNode
from bizsuite.modules.hr.services.common import holders, staffing_view, today, unit_names


async def org_chart(ctx: Context) -> OrgChart:
    """Every position as a tree: top positions (reporting to none) by code, each followed by its
    reports, depth-first; each with headcount, the people in post and vacancies."""
    rows = list(await ctx.session.scalars(select(Position).order_by(Position.code)))
    held = await holders(ctx, None, today(ctx))
    units = await unit_names(ctx)
    children: dict[uuid.UUID | None, list[Position]] = {}
    ids = {r.id for r in rows}
    for row in rows:
        parent = row.reports_to_id if row.reports_to_id in ids else None
        children.setdefault(parent, []).append(row)
    nodes: list[OrgChartNode] = []
    stack: list[tuple[Position, int]] = [(r, 0) for r in reversed(children.get(None, []))]
    seen: set[uuid.UUID] = set()
    while stack:
        row, depth = stack.pop()
        if row.id in seen:  # a loop cannot be saved, but never walk one
            continue
        seen.add(row.id)
        people = held.get(row.id, [])
        nodes.append(
            OrgChartNode(
                id=row.id,
                code=row.code,
                title=row.title,
                org_unit_name=units.get(row.org_unit_id, ""),
                parent_id=row.reports_to_id if row.reports_to_id in ids else None,
                depth=depth,
                staffing=staffing_view(rules.staffing(row.headcount, len(people))),
                holders=[e.name for _a, e in people],
            )
        )
        stack.extend((child, depth + 1) for child in reversed(children.get(row.id, [])))
    total = rules.total_staffing(rules.staffing(n.staffing.headcount, n.staffing.filled) for n in nodes)
    return OrgChart(nodes=nodes, total=staffing_view(total))


async def headcount_report(ctx: Context) -> HeadcountReport:
    """Per org unit (by name) and position (by code): headcount, people in post, vacancies, over."""
    day = today(ctx)
    rows = list(await ctx.session.scalars(select(Position).order_by(Position.code)))
    held = await holders(ctx, None, day)
    units = await unit_names(ctx)
    by_unit: dict[uuid.UUID, list[HeadcountLine]] = {}
    sums: dict[uuid.UUID, rules.Staffing] = {}
    for row in rows:
        staffing = rules.staffing(row.headcount, len(held.get(row.id, [])))
        by_unit.setdefault(row.org_unit_id, []).append(
            HeadcountLine(
                position_id=row.id, code=row.code, title=row.title, staffing=staffing_view(staffing)
            )
        )
        sums[row.org_unit_id] = sums.get(row.org_unit_id, rules.NO_STAFF) + staffing
    report_units = [
        HeadcountUnit(
            org_unit_id=unit_id,
            org_unit_name=units.get(unit_id, ""),
            positions=lines,
            total=staffing_view(sums[unit_id]),
        )
        for unit_id, lines in sorted(by_unit.items(), key=lambda pair: units.get(pair[0], ""))
    ]
    return HeadcountReport(
        on=day, units=report_units, total=staffing_view(rules.total_staffing(sums.values()))
    )
