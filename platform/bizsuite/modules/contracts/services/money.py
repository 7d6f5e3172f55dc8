"""Money on contracts: payment plans (milestones), receipts and payments, invoices, 以收定支 per
project and receivable/payable ageing."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, select

from bizsuite.core.approvals import ApprovalRequest, RequestStatus, SubmittedDocument, submit_document
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, ValidationProblem
from bizsuite.core.repository import fetch, fetch_reference
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import (
    Contract,
    ContractStatus,
    Direction,
    Invoice,
    InvoiceKind,
    Milestone,
    Project,
    Settlement,
    SettlementKind,
    SettlementStatus,
    SpendRule,
)
from bizsuite.modules.contracts.schemas import (
    AgeingBucket,
    AgeingItem,
    AgeingReport,
    ContractDetail,
    InvoiceCreate,
    InvoiceView,
    MilestoneCreate,
    PlanMilestoneView,
    SettlementCreate,
    SettlementView,
    SpendCheckView,
    SpendPosition,
)
from bizsuite.modules.contracts.services.contracts import check_amount, contract_row, person, views
from bizsuite.modules.contracts.services.settings import CONTRACTS_SETTINGS, today

#: The approval engine's document type of a payment beyond what its project received (soft rule).
PAYMENT_DOCUMENT = "contracts_payment"
#: The approval category of such payments (flows select the special approval by it).
OVER_RECEIPTS = "spend_over_receipts"
SPEND_FORMULA = "available = received - paid; a payment is within the limit when paid + requested <= received"
AGEING_FORMULA = "open = milestone amount - settled against it; days overdue = as_of - due_on"
NOT_ENDED = frozenset(
    {ContractStatus.DRAFT, ContractStatus.IN_APPROVAL, ContractStatus.APPROVED, ContractStatus.ACTIVE}
)
SIGNED = (ContractStatus.ACTIVE, ContractStatus.COMPLETED, ContractStatus.TERMINATED, ContractStatus.EXPIRED)


class SpendRefusedProblem(ConflictProblem):
    """以收定支 (hard): the payment would take the project's payments beyond its receipts."""

    slug = "spend-exceeds-receipts"
    title = "Payment exceeds receipts"

    def __init__(self, check: rules.SpendCheck) -> None:
        message = (
            f"Spend only what you receive: the project received {check.received:,.2f}, paid {check.paid:,.2f}; "
            f"requested {check.requested:,.2f} exceeds the available {check.available:,.2f} "
            f"by a shortfall of {check.shortfall:,.2f}."
        )
        super().__init__(message, errors=[FieldError(field="amount", message=message)])
        self.check = check


# --- milestones -----------------------------------------------------------------------------


async def settled_by_milestone(ctx: Context, milestone_ids: list[uuid.UUID]) -> dict[uuid.UUID, Decimal]:
    if not milestone_ids:
        return {}
    rows = await ctx.session.execute(
        select(Settlement.milestone_id, func.sum(Settlement.amount))
        .where(Settlement.milestone_id.in_(milestone_ids), Settlement.status == SettlementStatus.RECORDED)
        .group_by(Settlement.milestone_id)
    )
    return {mid: total for mid, total in rows if mid is not None}


async def _milestones(ctx: Context, contract_id: uuid.UUID) -> list[PlanMilestoneView]:
    rows = list(
        await ctx.session.scalars(
            select(Milestone)
            .where(Milestone.contract_id == contract_id)
            .order_by(Milestone.due_on, Milestone.id)
        )
    )
    settled = await settled_by_milestone(ctx, [r.id for r in rows])
    out = []
    for r in rows:
        done = settled.get(r.id, Decimal("0.00"))
        out.append(
            PlanMilestoneView(
                id=r.id,
                title=r.title,
                due_on=r.due_on,
                amount=r.amount,
                percentage=r.percentage,
                condition=r.condition,
                settled=done,
                open=max(r.amount - done, Decimal("0.00")),
            )
        )
    return out


async def create_milestone(ctx: Context, contract_id: uuid.UUID, data: MilestoneCreate) -> PlanMilestoneView:
    """Add a milestone to a contract's payment plan: an amount, or a percentage of the contract."""
    contract = await contract_row(ctx, contract_id)
    if contract.status not in NOT_ENDED:
        raise ConflictProblem(f"The payment plan of a {contract.status.value} contract cannot change.")
    if (data.amount is None) == (data.percentage is None):
        raise ValidationProblem.for_field("amount", "give either an amount or a percentage")
    if data.amount is not None:
        check_amount("amount", data.amount)
    if data.percentage is not None and not (0 < data.percentage <= 100):
        raise ValidationProblem.for_field("percentage", "must be above 0 and at most 100")
    row = Milestone(
        contract_id=contract.id,
        title=data.title,
        due_on=data.due_on,
        amount=rules.milestone_amount(contract.amount, data.amount, data.percentage),
        percentage=data.percentage,
        condition=data.condition,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("contracts.milestone.created", row, after=snapshot(row))
    return next(m for m in await _milestones(ctx, contract.id) if m.id == row.id)


async def delete_milestone(ctx: Context, contract_id: uuid.UUID, milestone_id: uuid.UUID) -> None:
    """Remove a milestone nothing was settled against."""
    contract = await contract_row(ctx, contract_id)
    row = await fetch(ctx.session, Milestone, milestone_id, what="milestone")
    if row.contract_id != contract.id:
        raise ValidationProblem.for_field("milestone_id", "not a milestone of this contract")
    used = await ctx.session.scalar(select(func.count()).where(Settlement.milestone_id == row.id))
    if used:
        raise ConflictProblem("Money was already settled against this milestone; it cannot be removed.")
    ctx.audit("contracts.milestone.deleted", row, before=snapshot(row))
    await ctx.session.delete(row)
    await ctx.session.flush()


# --- 以收定支 -------------------------------------------------------------------------------


async def _project_totals(ctx: Context, project_id: uuid.UUID) -> tuple[Decimal, Decimal, Decimal]:
    """(received, paid, awaiting approval) of a project, in the base currency."""
    rows = await ctx.session.execute(
        select(Settlement.kind, Settlement.status, func.sum(Settlement.amount_base))
        .join(Contract, Contract.id == Settlement.contract_id)
        .where(Contract.project_id == project_id)
        .group_by(Settlement.kind, Settlement.status)
    )
    totals = {(k, s): v for k, s, v in rows}
    zero = Decimal("0.00")
    received = totals.get((SettlementKind.RECEIPT, SettlementStatus.RECORDED), zero)
    paid = totals.get((SettlementKind.PAYMENT, SettlementStatus.RECORDED), zero)
    waiting = totals.get((SettlementKind.PAYMENT, SettlementStatus.AWAITING_APPROVAL), zero)
    return received, paid, waiting


async def spend_position(ctx: Context, project_id: uuid.UUID) -> SpendPosition:
    """A project's 以收定支 position with its inputs."""
    project = await fetch(ctx.session, Project, project_id, what="project")
    received, paid, waiting = await _project_totals(ctx, project.id)
    return SpendPosition(
        project_id=project.id,
        rule=(await ctx.settings(CONTRACTS_SETTINGS)).spend_rule,
        received=received,
        paid=paid,
        available=received - paid,
        awaiting_approval=waiting,
        formula=SPEND_FORMULA,
    )


async def _check_spend(ctx: Context, contract: Contract, requested: Decimal) -> rules.SpendCheck | None:
    """The 以收定支 check of a payment, with the project's row locked until the transaction ends:
    concurrent payments on one project are checked one after the other, never both against the
    same receipts."""
    if contract.project_id is None:
        return None
    rule = (await ctx.settings(CONTRACTS_SETTINGS)).spend_rule
    await ctx.session.execute(select(Project.id).where(Project.id == contract.project_id).with_for_update())
    received, paid, _waiting = await _project_totals(ctx, contract.project_id)
    return rules.check_spend(rule, received, paid, requested)


# --- receipts and payments ------------------------------------------------------------------


def settlement_view(row: Settlement) -> SettlementView:
    """A settlement row as its view."""
    check = row.spend_check
    return SettlementView(
        id=row.id,
        contract_id=row.contract_id,
        milestone_id=row.milestone_id,
        kind=row.kind,
        status=row.status,
        amount=row.amount,
        amount_base=row.amount_base,
        settled_on=row.settled_on,
        reference=row.reference,
        spend_check=SpendCheckView(
            rule=SpendRule(check["rule"]),
            received=Decimal(check["received"]),
            paid=Decimal(check["paid"]),
            requested=Decimal(check["requested"]),
            available=Decimal(check["available"]),
            shortfall=Decimal(check["shortfall"]),
            outcome=check["outcome"],
        )
        if check
        else None,
        created_at=row.created_at,
    )


async def record_settlement(
    ctx: Context, contract_id: uuid.UUID, kind: SettlementKind, data: SettlementCreate
) -> SettlementView:
    """Record a receipt on an active income contract or a payment on an active expenditure one.

    A payment on a project is checked against 以收定支 in this transaction: hard refuses it (409
    naming received, paid, requested and the shortfall), soft records it as awaiting the special
    approval (not paid until approved), off lets it through."""
    check_amount("amount", data.amount, positive=True)
    contract = await contract_row(ctx, contract_id)
    expected = SettlementKind.RECEIPT if contract.direction is Direction.INCOME else SettlementKind.PAYMENT
    if kind is not expected:
        raise ConflictProblem(
            f"An {contract.direction.value} contract records {expected.value}s, not {kind.value}s."
        )
    if contract.status is not ContractStatus.ACTIVE:
        raise ConflictProblem(
            f"Money is received or paid on active (signed) contracts; this one is {contract.status.value}."
        )
    if data.milestone_id is not None:
        milestone = await fetch_reference(ctx.session, Milestone, data.milestone_id, field="milestone_id")
        if milestone.contract_id != contract.id:
            raise ValidationProblem.for_field("milestone_id", "not a milestone of this contract")
    amount_base = rules.base_amount(data.amount, contract.exchange_rate)
    status = SettlementStatus.RECORDED
    check = None
    if kind is SettlementKind.PAYMENT:
        check = await _check_spend(ctx, contract, amount_base)
        if check is not None and check.outcome == "refuse":
            raise SpendRefusedProblem(check)
        if check is not None and check.outcome == "approve":
            status = SettlementStatus.AWAITING_APPROVAL
    row = Settlement(
        contract_id=contract.id,
        milestone_id=data.milestone_id,
        kind=kind,
        status=status,
        amount=rules.money(data.amount),
        amount_base=amount_base,
        settled_on=data.settled_on or today(ctx),
        reference=data.reference,
        spend_check=check.as_dict() if check is not None else None,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    if status is SettlementStatus.AWAITING_APPROVAL:
        project = await fetch(ctx.session, Project, contract.project_id, what="project")  # type: ignore[arg-type]
        await submit_document(
            ctx,
            SubmittedDocument(
                document_type=PAYMENT_DOCUMENT,
                document_id=row.id,
                title=f"{contract.number} {contract.title}",
                org_unit_id=project.org_unit_id,
                author_id=await person(ctx, "Payments beyond receipts are submitted"),
                amount=amount_base,
                currency="CNY",
                category=OVER_RECEIPTS,
            ),
        )
    ctx.audit(f"contracts.{kind.value}.recorded", row, after=snapshot(row))
    return settlement_view(row)


async def on_payment_decided(ctx: Context, request: ApprovalRequest) -> None:
    """The special approval's callback: approved → paid; rejected or withdrawn → rejected."""
    row = await fetch(ctx.session, Settlement, request.document_id, what="payment")
    if row.status is not SettlementStatus.AWAITING_APPROVAL:
        return
    before = snapshot(row)
    row.status = (
        SettlementStatus.RECORDED if request.status is RequestStatus.APPROVED else SettlementStatus.REJECTED
    )
    await ctx.session.flush()
    action = (
        "contracts.payment.approved"
        if row.status is SettlementStatus.RECORDED
        else "contracts.payment.rejected"
    )
    ctx.audit(action, row, before=before, after=snapshot(row))


async def _settlements(ctx: Context, contract_id: uuid.UUID) -> list[SettlementView]:
    rows = await ctx.session.scalars(
        select(Settlement)
        .where(Settlement.contract_id == contract_id)
        .order_by(Settlement.settled_on.desc(), Settlement.created_at.desc())
    )
    return [settlement_view(r) for r in rows]


# --- invoices -------------------------------------------------------------------------------


def invoice_view(row: Invoice) -> InvoiceView:
    """An invoice row as its view."""
    return InvoiceView(
        id=row.id,
        kind=row.kind,
        number=row.number,
        amount=row.amount,
        tax_amount=row.tax_amount,
        total=row.amount + row.tax_amount,
        issued_on=row.issued_on,
    )


async def create_invoice(ctx: Context, contract_id: uuid.UUID, data: InvoiceCreate) -> InvoiceView:
    """Record an invoice issued (income) or received (expenditure); a number already used is 409."""
    check_amount("amount", data.amount)
    tax = data.tax_amount if data.tax_amount is not None else Decimal(0)
    check_amount("tax_amount", tax)
    contract = await contract_row(ctx, contract_id)
    kind = InvoiceKind.ISSUED if contract.direction is Direction.INCOME else InvoiceKind.RECEIVED
    taken = await ctx.session.scalar(
        select(Invoice.id).where(Invoice.kind == kind, Invoice.number == data.number)
    )
    if taken is not None:
        raise ConflictProblem.for_field("number", "an invoice with this number is already recorded")
    row = Invoice(
        contract_id=contract.id,
        kind=kind,
        number=data.number,
        amount=rules.money(data.amount),
        tax_amount=rules.money(tax),
        issued_on=data.issued_on or today(ctx),
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("contracts.invoice.created", row, after=snapshot(row))
    return invoice_view(row)


async def _invoices(ctx: Context, contract_id: uuid.UUID) -> list[InvoiceView]:
    rows = await ctx.session.scalars(
        select(Invoice).where(Invoice.contract_id == contract_id).order_by(Invoice.issued_on, Invoice.number)
    )
    return [invoice_view(r) for r in rows]


async def contract_detail(ctx: Context, contract_id: uuid.UUID) -> ContractDetail:
    """A contract with its payment plan, receipts or payments and invoices."""
    row = await contract_row(ctx, contract_id)
    return ContractDetail(
        contract=(await views(ctx, [row]))[0],
        milestones=await _milestones(ctx, row.id),
        settlements=await _settlements(ctx, row.id),
        invoices=await _invoices(ctx, row.id),
    )


# --- ageing ---------------------------------------------------------------------------------


async def ageing_report(ctx: Context, side: str) -> AgeingReport:
    """Receivable (``receivable``: income contracts) or payable (``payable``) ageing on the
    tenant's today: each signed contract's milestones still open past their due date, by bucket."""
    direction = Direction.INCOME if side == "receivable" else Direction.EXPENDITURE
    rows = (
        await ctx.session.execute(
            select(Milestone, Contract)
            .join(Contract, Contract.id == Milestone.contract_id)
            .where(Contract.direction == direction, Contract.status.in_(SIGNED))
            .order_by(Milestone.due_on, Milestone.id)
        )
    ).all()
    settled = await settled_by_milestone(ctx, [m.id for m, _ in rows])
    contracts = {c.id: c for _, c in rows}
    names = {v.id: v.party_name for v in await views(ctx, list(contracts.values()))}
    by_key = {m.id: (m, c) for m, c in rows}
    outstanding = [
        rules.Outstanding(
            key=str(m.id),
            due_on=m.due_on,
            due=rules.base_amount(m.amount, c.exchange_rate),
            settled=rules.base_amount(settled.get(m.id, Decimal(0)), c.exchange_rate),
        )
        for m, c in rows
    ]
    as_of = today(ctx)
    result = rules.ageing(as_of, outstanding)
    buckets = []
    for key, _first, _last in rules.BUCKETS:
        items = []
        for entry, days in result.items[key]:
            m, c = by_key[uuid.UUID(entry.key)]
            items.append(
                AgeingItem(
                    contract_id=c.id,
                    contract_number=c.number,
                    party_name=names.get(c.id, ""),
                    milestone_id=m.id,
                    milestone_title=m.title,
                    due_on=m.due_on,
                    days_overdue=days,
                    due=entry.due,
                    settled=entry.settled,
                    open=entry.open,
                )
            )
        buckets.append(AgeingBucket(bucket=key, total=rules.money(result.totals[key]), items=items))
    return AgeingReport(
        side=side,
        as_of=as_of,
        buckets=buckets,
        total=rules.money(result.total),
        not_yet_due=rules.money(result.not_due),
        formula=AGEING_FORMULA,
    )
