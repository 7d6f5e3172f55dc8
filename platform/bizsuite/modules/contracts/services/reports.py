"""The contracts ledger (台账: by counterparty, project, status or signing month) and the dashboard
(each direction's signed value, settled and outstanding amounts, contracts by status, expiring in
30/60/90 days). Every figure is in the base currency (each contract at its exchange rate) and
comes with its formula."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from bizsuite.core.context import Context
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import (
    Contract,
    ContractStatus,
    Counterparty,
    Direction,
    Project,
    Settlement,
    SettlementStatus,
)
from bizsuite.modules.contracts.schemas import (
    ContractsDashboard,
    DirectionTotals,
    ExpiringContract,
    LedgerReport,
    LedgerRow,
    StatusCount,
)
from bizsuite.modules.contracts.services.contracts import views
from bizsuite.modules.contracts.services.money import ageing_report
from bizsuite.modules.contracts.services.settings import today
from bizsuite.modules.crm.models import Account

SIGNED = (ContractStatus.ACTIVE, ContractStatus.COMPLETED, ContractStatus.TERMINATED, ContractStatus.EXPIRED)
LEDGER_BY = ("counterparty", "project", "status", "month")
LEDGER_FORMULA = (
    "value = sum of contract amounts x exchange rate (base currency); settled = receipts or payments "
    "recorded (base currency); open = value - settled"
)
FORMULAS = {
    "signed_value": "sum of amount x exchange rate of active, completed, terminated and expired contracts",
    "settled": "receipts (income) or payments made (expenditure) on those contracts, base currency",
    "outstanding": "signed_value - settled",
    "overdue": "milestone amounts still open past their due date (the ageing's total)",
    "expiring": "active contracts whose end date is within 30, 60 or 90 days of today",
}
ZERO = Decimal("0.00")


def _value() -> Any:
    return func.round(Contract.amount * Contract.exchange_rate, 2)


def _settled_by_contract() -> Any:
    return (
        select(Settlement.contract_id, func.sum(Settlement.amount_base).label("settled"))
        .where(Settlement.status == SettlementStatus.RECORDED)
        .group_by(Settlement.contract_id)
        .subquery()
    )


async def _party_names(ctx: Context, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The names of CRM accounts and counterparties by id."""
    if not ids:
        return {}
    names: dict[uuid.UUID, str] = {}
    for model in (Account, Counterparty):
        rows = await ctx.session.execute(select(model.id, model.name).where(model.id.in_(ids)))
        names.update(dict(rows.all()))
    return names


async def ledger(ctx: Context, by: str, direction: Direction) -> LedgerReport:
    """The ledger of ``direction``'s contracts grouped ``by`` counterparty, project, status or
    signing month (signed contracts only), largest value first (months in order)."""
    settled = _settled_by_contract()
    if by == "counterparty":
        key: Any = func.coalesce(Contract.account_id, Contract.counterparty_id)
    elif by == "project":
        key = Contract.project_id
    elif by == "status":
        key = Contract.status
    else:
        key = func.to_char(Contract.signed_on, "YYYY-MM")
    statement = (
        select(
            key.label("key"),
            func.count(Contract.id),
            func.coalesce(func.sum(_value()), 0),
            func.coalesce(func.sum(settled.c.settled), 0),
        )
        .outerjoin(settled, settled.c.contract_id == Contract.id)
        .where(Contract.direction == direction)
        .group_by(key)
    )
    if by == "month":
        statement = statement.where(Contract.status.in_(SIGNED), Contract.signed_on.is_not(None))
    rows = (await ctx.session.execute(statement)).all()
    labels: dict[Any, str] = {}
    if by == "counterparty":
        labels = dict(await _party_names(ctx, {r[0] for r in rows if r[0] is not None}))
    elif by == "project":
        found = await ctx.session.execute(
            select(Project.id, Project.code, Project.name).where(Project.id.in_([r[0] for r in rows if r[0]]))
        )
        labels = {i: f"{c} {n}" for i, c, n in found}
    out = []
    for raw_key, count, value, done in rows:
        value, done = rules.money(Decimal(value)), rules.money(Decimal(done))
        text_key = str(raw_key.value if hasattr(raw_key, "value") else raw_key) if raw_key is not None else ""
        out.append(
            LedgerRow(
                key=text_key,
                label=labels.get(raw_key, text_key),
                contracts=int(count),
                value=value,
                settled=done,
                open=value - done,
            )
        )
    out.sort(key=(lambda r: r.key) if by == "month" else (lambda r: (-r.value, r.label)))
    total_value = sum((r.value for r in out), ZERO)
    total_settled = sum((r.settled for r in out), ZERO)
    total = LedgerRow(
        key="total",
        label="total",
        contracts=sum(r.contracts for r in out),
        value=total_value,
        settled=total_settled,
        open=total_value - total_settled,
    )
    return LedgerReport(by=by, direction=direction, rows=out, total=total, formula=LEDGER_FORMULA)


async def _direction_totals(ctx: Context, direction: Direction, overdue: Decimal) -> DirectionTotals:
    settled = _settled_by_contract()
    count, value, done = (
        await ctx.session.execute(
            select(
                func.count(Contract.id),
                func.coalesce(func.sum(_value()), 0),
                func.coalesce(func.sum(settled.c.settled), 0),
            )
            .outerjoin(settled, settled.c.contract_id == Contract.id)
            .where(Contract.direction == direction, Contract.status.in_(SIGNED))
        )
    ).one()
    value, done = rules.money(Decimal(value)), rules.money(Decimal(done))
    return DirectionTotals(
        direction=direction,
        contracts=int(count),
        signed_value=value,
        settled=done,
        outstanding=value - done,
        overdue=overdue,
    )


async def expiring(ctx: Context, on: dt.date, days: int = 90) -> list[ExpiringContract]:
    """Active contracts ending within ``days`` of ``on``, soonest first."""
    rows = list(
        await ctx.session.scalars(
            select(Contract)
            .where(
                Contract.status == ContractStatus.ACTIVE,
                Contract.ends_on >= on,
                Contract.ends_on <= on + dt.timedelta(days=days),
            )
            .order_by(Contract.ends_on, Contract.id)
            .limit(500)
        )
    )
    out = []
    for view in await views(ctx, rows):
        assert view.ends_on is not None
        out.append(
            ExpiringContract(
                contract_id=view.id,
                number=view.number,
                title=view.title,
                party_name=view.party_name,
                ends_on=view.ends_on,
                days_left=(view.ends_on - on).days,
                amount=view.amount,
                currency=view.currency,
            )
        )
    return out


async def dashboard(ctx: Context) -> ContractsDashboard:
    """The contracts dashboard on the tenant's today."""
    on = today(ctx)
    receivable = await ageing_report(ctx, "receivable")
    payable = await ageing_report(ctx, "payable")
    by_status = [
        StatusCount(direction=d, status=s, contracts=int(n), value=rules.money(Decimal(v)))
        for d, s, n, v in (
            await ctx.session.execute(
                select(
                    Contract.direction,
                    Contract.status,
                    func.count(Contract.id),
                    func.coalesce(func.sum(_value()), 0),
                )
                .group_by(Contract.direction, Contract.status)
                .order_by(Contract.direction, Contract.status)
            )
        ).all()
    ]
    soon = await expiring(ctx, on, 90)
    return ContractsDashboard(
        as_of=on,
        receivable=await _direction_totals(ctx, Direction.INCOME, receivable.total),
        payable=await _direction_totals(ctx, Direction.EXPENDITURE, payable.total),
        by_status=by_status,
        expiring_30=[c for c in soon if c.days_left <= 30],
        expiring_60=[c for c in soon if 30 < c.days_left <= 60],
        expiring_90=[c for c in soon if 60 < c.days_left <= 90],
        formulas=FORMULAS,
    )
