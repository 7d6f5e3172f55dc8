"""Reports: fees by subsidiary, component and quarter of a year, collection status with ageing,
and the comparison with the year before (issued statements only; subsidiary staff: their own)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, select

from bizsuite.core.context import Context
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import Payment, Statement, StatementLine, StatementStatus
from bizsuite.modules.fees.schemas import FeeCollectionRow, FeeReport, FeeReportRow
from bizsuite.modules.fees.services.common import today, unit_names, visible_units

ZERO = Decimal("0.00")


async def fee_report(ctx: Context, year: int) -> FeeReport:
    """The year's fees by subsidiary × component × quarter, and each subsidiary's collection."""
    units = await visible_units(ctx)
    issued = [Statement.status == StatementStatus.ISSUED]
    if units is not None:
        issued.append(Statement.org_unit_id.in_(units))
    rows = (
        await ctx.session.execute(
            select(
                Statement.org_unit_id,
                StatementLine.component,
                StatementLine.kind,
                Statement.quarter,
                func.sum(StatementLine.amount),
            )
            .join(
                Statement,
                (Statement.id == StatementLine.statement_id)
                & (Statement.tenant_id == StatementLine.tenant_id),
            )
            .where(Statement.year == year, *issued)
            .group_by(Statement.org_unit_id, StatementLine.component, StatementLine.kind, Statement.quarter)
        )
    ).all()
    statements = list(
        await ctx.session.scalars(select(Statement).where(Statement.year.in_((year, year - 1)), *issued))
    )
    paid = (
        dict(
            (
                await ctx.session.execute(
                    select(Payment.statement_id, func.sum(Payment.amount))
                    .where(Payment.statement_id.in_([s.id for s in statements]))
                    .group_by(Payment.statement_id)
                )
            ).all()
        )
        if statements
        else {}
    )
    names = await unit_names(ctx, {r[0] for r in rows} | {s.org_unit_id for s in statements})
    report_rows = [
        FeeReportRow(
            org_unit_id=unit,
            org_unit_name=names.get(unit, ""),
            component=(comp.value if comp is not None else kind.value),
            quarter=quarter,
            amount=Decimal(amount),
        )
        for unit, comp, kind, quarter, amount in sorted(
            rows, key=lambda r: (names.get(r[0], ""), r[3], str(r[1]))
        )
    ]
    day = today(ctx)
    by_unit: dict[uuid.UUID, FeeCollectionRow] = {}
    for s in statements:
        row = by_unit.setdefault(
            s.org_unit_id,
            FeeCollectionRow(
                org_unit_id=s.org_unit_id,
                org_unit_name=names.get(s.org_unit_id, ""),
                billed=ZERO,
                collected=ZERO,
                outstanding=ZERO,
                last_year_billed=ZERO,
                ageing={label: ZERO for label, _a, _b in rules.AGEING_BUCKETS},
            ),
        )
        if s.year == year - 1:
            row.last_year_billed += s.total
            continue
        got = Decimal(paid.get(s.id, ZERO))
        owed = rules.outstanding(s.total, [got])
        row.billed += s.total
        row.collected += got
        row.outstanding += owed
        if owed and s.due_on is not None:
            row.ageing[rules.ageing_bucket(s.due_on, day)] += owed
    collection = sorted(by_unit.values(), key=lambda r: r.org_unit_name)
    return FeeReport(
        year=year,
        currency=ctx.tenant.currency if ctx.principal.tenant is not None else "CNY",
        rows=report_rows,
        collection=collection,
        total_billed=sum((r.billed for r in collection), ZERO),
        total_collected=sum((r.collected for r in collection), ZERO),
        total_outstanding=sum((r.outstanding for r in collection), ZERO),
        last_year_billed=sum((r.last_year_billed for r in collection), ZERO),
    )
