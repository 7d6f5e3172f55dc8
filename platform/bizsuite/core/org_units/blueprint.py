"""Org units' part of a tenant blueprint: the ``[[org_units]]`` tables (the org tree)."""

from __future__ import annotations

from typing import Any

import msgspec
from sqlalchemy import select

from bizsuite.core.blueprints import (
    ApplyReport,
    Blueprint,
    BlueprintError,
    BlueprintSection,
    SectionError,
    assign,
)
from bizsuite.core.context import Context, snapshot
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.org_units.rules import creates_cycle
from bizsuite.core.org_units.schemas import Code, Name

KEY = "org_units"


class OrgUnitSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An org unit; ``parent`` is another unit's code."""

    code: Code
    name: Name
    kind: OrgUnitKind
    parent: str | None = None


def org_units_in(blueprint: Blueprint) -> list[OrgUnitSpec]:
    """The blueprint's org units (empty when it has none)."""
    units: list[OrgUnitSpec] = blueprint.sections.get(KEY, [])
    return units


def check(blueprint: Blueprint, specs: list[OrgUnitSpec]) -> None:
    """Codes are unique and every parent is a unit of the blueprint."""
    codes: set[str] = set()
    for i, unit in enumerate(specs):
        if unit.code in codes:
            raise SectionError(f"[{i}].code", f"duplicate code {unit.code!r}")
        codes.add(unit.code)
    for i, unit in enumerate(specs):
        if unit.parent is not None and unit.parent not in codes:
            raise SectionError(f"[{i}].parent", f"no org unit with code {unit.parent!r}")


async def apply(ctx: Context, specs: list[OrgUnitSpec], report: ApplyReport) -> None:
    """Create or update the units, parents first; a unit the file leaves out is kept."""
    existing = {u.code: u for u in await ctx.session.scalars(select(OrgUnit))}
    pending = list(specs)
    # Parents first: repeat passes until every unit whose parent exists is placed.
    while pending:
        progressed = False
        for spec in list(pending):
            if spec.parent is not None and spec.parent not in existing:
                continue
            parent_id = existing[spec.parent].id if spec.parent else None
            unit = existing.get(spec.code)
            values = {"name": spec.name, "kind": spec.kind, "parent_id": parent_id, "archived_at": None}
            if unit is None:
                unit = OrgUnit(code=spec.code, **values)
                ctx.session.add(unit)
                await ctx.session.flush()
                ctx.audit("org_unit.created", unit, after=snapshot(unit))
                report.created.append(f"org unit {spec.code}")
                existing[spec.code] = unit
            else:
                chain = _chain(existing, parent_id)
                if creates_cycle(unit.id, parent_id, chain):
                    raise BlueprintError(
                        "<blueprint>", f"moving {spec.code!r} would make a cycle", field="parent"
                    )
                before = snapshot(unit)
                if assign(unit, values):
                    await ctx.session.flush()
                    ctx.audit("org_unit.updated", unit, before=before, after=snapshot(unit))
                    report.updated.append(f"org unit {spec.code}")
            pending.remove(spec)
            progressed = True
        if not progressed:
            raise BlueprintError("<blueprint>", "org units form a cycle", field=KEY)


def _chain(units: dict[str, OrgUnit], parent_id: Any) -> list[Any]:
    by_id = {u.id: u for u in units.values()}
    chain: list[Any] = []
    while parent_id is not None and parent_id in by_id and len(chain) <= len(by_id):
        chain.append(parent_id)
        parent_id = by_id[parent_id].parent_id
    return chain


SECTION = BlueprintSection(spec=list[OrgUnitSpec], apply=apply, check=check, empty=list)
