"""Checks the accounts aggregates share: org-unit references and "is anything still using this row"."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Table as SqlTable
from sqlalchemy import exists, select

from bizsuite.core.context import Context
from bizsuite.core.db import Base
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import fetch_reference


async def check_org_unit(ctx: Context, org_unit_id: uuid.UUID) -> None:
    """422 naming ``org_unit_id`` unless it is one of the tenant's org units."""
    await fetch_reference(ctx.session, OrgUnit, org_unit_id, field="org_unit_id")


def _referencing(target: str) -> list[tuple[SqlTable, Any]]:
    """Every table with a composite foreign key to ``target`` and the referencing column.

    Read from the metadata, so tables added later (tickets, contracts) count without a change here.
    """
    found: list[tuple[SqlTable, Any]] = []
    for table in Base.metadata.sorted_tables:
        for constraint in table.foreign_key_constraints:
            if constraint.referred_table.name != target:
                continue
            columns = [c for c in constraint.columns if c.name != "tenant_id"]
            if len(columns) == 1:
                found.append((table, columns[0]))
    return found


async def referenced_by(ctx: Context, target: str, row_id: uuid.UUID) -> list[str]:
    """Names of the tables holding rows that reference ``row_id`` (one EXISTS per table)."""
    holders: list[str] = []
    for table, column in _referencing(target):
        statement = select(exists().where(table.c.tenant_id == ctx.tenant_id, column == row_id))
        if await ctx.session.scalar(statement):
            holders.append(table.name.removeprefix("crm_").replace("_", " "))
    return holders
