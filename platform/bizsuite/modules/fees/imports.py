"""Customs records from a CSV or XLSX file, through the kernel import component (``core/imports``):
columns (subsidiary code, date, import or export, USD amount, declaration reference) with their en
and zh-CN headers, a preview with row errors, and all rows or none written in the import job."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.errors import ProblemError
from bizsuite.core.imports.spec import FieldProblem, Figure, ImportField, ImportSpec, Link, Parsed, RowError
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import CustomsDirection
from bizsuite.modules.fees.schemas import FeeCustomsRecordCreate
from bizsuite.modules.fees.services.common import visible_units
from bizsuite.modules.fees.services.metrics import add_customs, period_issued
from bizsuite.web.i18n import N_

KIND = "fees.customs_records"

DIRECTIONS = {
    "import": CustomsDirection.IMPORT,
    "进口": CustomsDirection.IMPORT,
    "export": CustomsDirection.EXPORT,
    "出口": CustomsDirection.EXPORT,
}

ROW_MESSAGES = (
    N_("unknown subsidiary code"),
    N_("must be a date like 2026-03-31"),
    N_("must be import or export (进口 or 出口)"),
    N_("must be a number like 12345.67"),
    N_("the statement of that period is issued"),
)


@dataclass(frozen=True)
class CustomsRow:
    """One parsed row of a customs file."""

    org_unit_code: str
    declared_on: date
    direction: CustomsDirection
    amount: Decimal
    reference: str | None


def parse_row(cells: Mapping[str, str]) -> CustomsRow | list[FieldProblem]:
    """One row: a subsidiary code, a date, a direction, an amount (USD) and a reference."""
    problems: list[FieldProblem] = []
    code = cells["org_unit_code"].strip()
    if not code:
        problems.append(FieldProblem("org_unit_code", "is empty"))
    day: date | None = None
    try:
        day = date.fromisoformat(cells["declared_on"].strip().replace("/", "-")[:10])
    except ValueError:
        problems.append(FieldProblem("declared_on", "must be a date like 2026-03-31"))
    direction = DIRECTIONS.get(cells["direction"].strip().lower())
    if direction is None:
        problems.append(FieldProblem("direction", "must be import or export (进口 or 出口)"))
    amount: Decimal | None = None
    raw = re.sub(r"[,\s]", "", cells["amount"])
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        problems.append(FieldProblem("amount", "must be a number like 12345.67"))
    if amount is not None and (error := rules.amount_error(amount)):
        problems.append(FieldProblem("amount", error))
    if problems or day is None or direction is None or amount is None:
        return problems
    return CustomsRow(code, day, direction, amount, cells.get("reference", "").strip() or None)


async def validate(ctx: Context, rows: Sequence[Parsed[CustomsRow]]) -> list[RowError]:
    """Codes must be subsidiaries the person may see."""
    units = await visible_units(ctx)
    known = {
        code: unit_id
        for code, unit_id in (
            await ctx.session.execute(
                select(OrgUnit.code, OrgUnit.id).where(OrgUnit.kind == OrgUnitKind.SUBSIDIARY)
            )
        ).all()
        if units is None or unit_id in units
    }
    errors: list[RowError] = []
    for p in rows:
        unit_id = known.get(p.value.org_unit_code)
        if unit_id is None:
            errors.append(RowError(p.row, "org_unit_code", "unknown subsidiary code", p.value.org_unit_code))
        elif await period_issued(ctx, unit_id, p.value.declared_on):
            errors.append(
                RowError(
                    p.row, "declared_on", "the statement of that period is issued", p.cells["declared_on"]
                )
            )
    return errors


def summarize(rows: Sequence[CustomsRow]) -> dict[str, Any]:
    """The preview's figures: total USD, subsidiaries, first and last date."""
    if not rows:
        return {"total_amount": "0.00", "subsidiaries": 0, "first_date": None, "last_date": None}
    days = [r.declared_on for r in rows]
    return {
        "total_amount": str(sum((r.amount for r in rows), Decimal("0.00"))),
        "subsidiaries": len({r.org_unit_code for r in rows}),
        "first_date": min(days).isoformat(),
        "last_date": max(days).isoformat(),
    }


async def apply(
    ctx: Context, rows: Sequence[CustomsRow], progress: Callable[[int], Awaitable[None]]
) -> dict[str, Any]:
    """Add every row (the same checks as one entered by hand); any refusal fails the whole file."""
    units = dict((await ctx.session.execute(select(OrgUnit.code, OrgUnit.id))).all())
    for i, row in enumerate(rows, start=1):
        try:
            await add_customs(
                ctx,
                FeeCustomsRecordCreate(
                    org_unit_id=units[row.org_unit_code],
                    declared_on=row.declared_on,
                    direction=row.direction,
                    amount=row.amount,
                    reference=row.reference,
                ),
                audit=False,
            )
        except ProblemError as problem:
            raise ValueError(f"row {i + 1}: {problem.detail}") from problem
        if i % 200 == 0:
            await progress(i)
    return {"created": len(rows)}


CUSTOMS: ImportSpec[CustomsRow] = ImportSpec(
    key=KIND,
    label=N_("Import customs records"),
    description=N_(
        "Customs import and export totals (USD) per subsidiary and date from a CSV or Excel file: "
        "subsidiary code, date, import or export, amount and the declaration number. Records after "
        "the 20 December cut-off count toward the next fee year."
    ),
    fields=(
        ImportField(
            "org_unit_code",
            N_("Subsidiary code"),
            ("subsidiary", "org unit", "子公司", "子公司编码", "单位编码"),
            required=True,
        ),
        ImportField(
            "declared_on", N_("Date"), ("date", "日期", "申报日期"), required=True, hint=N_("like 2026-03-31")
        ),
        ImportField(
            "direction",
            N_("Direction"),
            ("import/export", "进出口", "类型"),
            required=True,
            hint=N_("import or export"),
        ),
        ImportField("amount", N_("Amount (USD)"), ("amount", "usd", "金额", "金额(美元)"), required=True),
        ImportField("reference", N_("Reference"), ("declaration", "报关单号", "单号")),
    ),
    parse=parse_row,
    validate=validate,
    apply=apply,
    summarize=summarize,
    figures=(
        Figure("subsidiaries", N_("Subsidiaries")),
        Figure("total_amount", N_("Total (USD)"), "money"),
        Figure("first_date", N_("First date"), "text"),
        Figure("last_date", N_("Last date"), "text"),
    ),
    links=(Link(N_("Customs records"), "/fees/customs", "goto-customs"),),
    event="fees.customs_record.added",
)
