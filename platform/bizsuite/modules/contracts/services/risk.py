"""The customer-risk signal: one score per CRM account with its reasons across modules — its
revenue decline streak (CRM's churn watch list), SLA breaches in the last 90 days (CRM tickets),
receivables past due and contracts expiring without renewal (contracts). The weights are the
tenant's contracts settings; every reason says what it counts and links to its records.

CRM is a declared dependency (``depends=("crm",)``); this reads its public models and settings
only, as the module kit allows, and never writes them."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import func, select

from bizsuite.core.context import Context
from bizsuite.core.repository import fetch
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import Contract, ContractStatus, Direction
from bizsuite.modules.contracts.schemas import CustomerRisk, RiskLink, RiskReasonView
from bizsuite.modules.contracts.services.money import ageing_report
from bizsuite.modules.contracts.services.settings import CONTRACTS_SETTINGS, today
from bizsuite.modules.crm.models import Account, ChurnRisk, Ticket, TicketMilestone
from bizsuite.modules.crm.settings import CRM_SETTINGS
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _

#: How far ahead a contract counts as expiring, and how far back SLA breaches count.
EXPIRY_WINDOW_DAYS = 90
BREACH_WINDOW_DAYS = 90
FORMULA = "score = min(100, sum of the weights of the reasons present)"

EXPLANATIONS = {
    "revenue_decline": N_("Monthly revenue declined %(figure)s months in a row (CRM churn watch list)."),
    "sla_breaches": N_("%(figure)s SLA milestones breached on its tickets in the last 90 days."),
    "overdue_receivables": N_("%(figure)s receivable past due on its contracts."),
    "expiring_without_renewal": N_(
        "%(figure)s signed contracts end within 90 days with no newer contract to follow them."
    ),
}
REASON_LABELS = {
    "revenue_decline": N_("Revenue decline"),
    "sla_breaches": N_("SLA breaches"),
    "overdue_receivables": N_("Overdue receivables"),
    "expiring_without_renewal": N_("Contracts expiring without renewal"),
}


async def customer_risk(ctx: Context, account_id: uuid.UUID) -> CustomerRisk:
    """The account's risk score and its reasons (404 for an account not the tenant's)."""
    account = await fetch(ctx.session, Account, account_id, what="account")
    on = today(ctx)
    now = dt.datetime.combine(on, dt.time(), tzinfo=dt.UTC)
    churn = await ctx.session.scalar(
        select(ChurnRisk).where(ChurnRisk.account_id == account.id, ChurnRisk.active.is_(True))
    )
    churn_months = int((await ctx.settings(CRM_SETTINGS)).churn_months)
    breaches = (
        await ctx.session.execute(
            select(Ticket.id, Ticket.number, func.count(TicketMilestone.id))
            .join(TicketMilestone, TicketMilestone.ticket_id == Ticket.id)
            .where(
                Ticket.account_id == account.id,
                TicketMilestone.breached_at >= now - dt.timedelta(days=BREACH_WINDOW_DAYS),
            )
            .group_by(Ticket.id, Ticket.number)
            .order_by(Ticket.number)
        )
    ).all()
    receivable = await ageing_report(ctx, "receivable")
    overdue_items = [i for b in receivable.buckets for i in b.items]
    contract_ids = set(
        await ctx.session.scalars(select(Contract.id).where(Contract.account_id == account.id))
    )
    overdue_items = [i for i in overdue_items if i.contract_id in contract_ids]
    overdue = rules.money(sum((i.open for i in overdue_items), Decimal(0)))
    expiring = list(
        await ctx.session.scalars(
            select(Contract).where(
                Contract.account_id == account.id,
                Contract.direction == Direction.INCOME,
                Contract.status == ContractStatus.ACTIVE,
                Contract.ends_on >= on,
                Contract.ends_on <= on + dt.timedelta(days=EXPIRY_WINDOW_DAYS),
            )
        )
    )
    # A contract is renewed when a newer income contract with the customer follows it: registered
    # after it and not ended (a draft, in approval, approved or signed).
    followers = list(
        await ctx.session.scalars(
            select(Contract).where(
                Contract.account_id == account.id,
                Contract.status.in_(
                    (
                        ContractStatus.DRAFT,
                        ContractStatus.IN_APPROVAL,
                        ContractStatus.APPROVED,
                        ContractStatus.ACTIVE,
                    )
                ),
            )
        )
    )
    unrenewed = [
        c for c in expiring if not any(f.created_at > c.created_at and f.id != c.id for f in followers)
    ]
    weights = rules.risk_weights((await ctx.settings(CONTRACTS_SETTINGS)).risk_weights)
    score, reasons = rules.risk_score(
        rules.RiskInputs(
            months_declining=churn.months_declining if churn is not None else 0,
            churn_months=churn_months,
            sla_breaches_90d=sum(int(n) for _i, _n, n in breaches),
            overdue_receivable=overdue,
            expiring_without_renewal=len(unrenewed),
        ),
        weights,
    )
    links: dict[str, list[RiskLink]] = {
        "revenue_decline": [RiskLink(label=account.name, href=f"/crm/accounts/{account.id}")],
        "sla_breaches": [RiskLink(label=f"T-{n:06d}", href=f"/crm/tickets/{i}") for i, n, _c in breaches],
        "overdue_receivables": [
            RiskLink(label=f"{i.contract_number} {i.milestone_title}", href=f"/contracts/{i.contract_id}")
            for i in overdue_items
        ],
        "expiring_without_renewal": [
            RiskLink(label=f"{c.number} {c.title}", href=f"/contracts/{c.id}") for c in unrenewed
        ],
    }
    return CustomerRisk(
        account_id=account.id,
        account_name=account.name,
        score=score,
        reasons=[
            RiskReasonView(
                code=r.code,
                weight=r.weight,
                figure=r.figure,
                explanation=_(EXPLANATIONS[r.code], figure=r.figure),
                links=links[r.code],
            )
            for r in reasons
        ],
        weights=weights,
        as_of=on,
        formula=FORMULA,
    )
