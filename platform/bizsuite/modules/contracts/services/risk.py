"""The customer-risk signal: one score per CRM account with its reasons across modules — its
revenue decline streak (CRM's churn watch list), SLA breaches in the last 90 days (CRM tickets),
receivables past due and contracts expiring without renewal (contracts). The weights are the
tenant's contracts settings; every reason says what it counts and links to its records.

CRM is a declared dependency (``depends=("crm",)``); this reads its public models and settings
only, as the module kit allows, and never writes them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from bizsuite.core.context import Context
from bizsuite.core.errors import NotFoundProblem
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import Contract, ContractStatus, Direction, Milestone
from bizsuite.modules.contracts.schemas import CustomerRisk, RiskLink, RiskReasonView
from bizsuite.modules.contracts.services.money import NOT_ENDED, SIGNED, settled_by_milestone
from bizsuite.modules.contracts.services.settings import CONTRACTS_SETTINGS, today
from bizsuite.modules.crm.models import Account, ChurnRisk, Ticket, TicketMilestone, Tier
from bizsuite.modules.crm.revenue.schemas import ChurnRiskFilters
from bizsuite.modules.crm.revenue.services import list_churn_risks
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
    (risk,) = await customer_risks(ctx, [account_id])
    return risk


async def customer_risks(ctx: Context, account_ids: Sequence[uuid.UUID]) -> list[CustomerRisk]:
    """The risk score and reasons of each account, in the order asked (404 naming the first one
    not the tenant's). A page of accounts costs the same few queries as one: each input is read
    for all of them at once."""
    wanted = list(dict.fromkeys(account_ids))
    if not wanted:
        return []
    accounts = {a.id: a for a in await ctx.session.scalars(select(Account).where(Account.id.in_(wanted)))}
    missing = next((i for i in wanted if i not in accounts), None)
    if missing is not None:
        raise NotFoundProblem(f"No account with id {missing}.")
    on = today(ctx)
    now = dt.datetime.combine(on, dt.time(), tzinfo=dt.UTC)
    declining: dict[uuid.UUID, int] = {}
    for account_id, months in await ctx.session.execute(
        select(ChurnRisk.account_id, ChurnRisk.months_declining).where(
            ChurnRisk.account_id.in_(wanted), ChurnRisk.active.is_(True)
        )
    ):
        declining[account_id] = max(declining.get(account_id, 0), int(months))
    churn_months = int((await ctx.settings(CRM_SETTINGS)).churn_months)
    breaches: dict[uuid.UUID, list[tuple[uuid.UUID, int, int]]] = {}
    for account_id, ticket_id, number, count in await ctx.session.execute(
        select(Ticket.account_id, Ticket.id, Ticket.number, func.count(TicketMilestone.id))
        .join(TicketMilestone, TicketMilestone.ticket_id == Ticket.id)
        .where(
            Ticket.account_id.in_(wanted),
            TicketMilestone.breached_at >= now - dt.timedelta(days=BREACH_WINDOW_DAYS),
        )
        .group_by(Ticket.account_id, Ticket.id, Ticket.number)
        .order_by(Ticket.number)
    ):
        breaches.setdefault(account_id, []).append((ticket_id, int(number), int(count)))
    overdue = await _overdue_receivables(ctx, wanted, on)
    unrenewed = await _expiring_without_renewal(ctx, wanted, on)
    weights = rules.risk_weights((await ctx.settings(CONTRACTS_SETTINGS)).risk_weights)
    return [
        _risk(
            accounts[account_id],
            on,
            weights,
            rules.RiskInputs(
                months_declining=declining.get(account_id, 0),
                churn_months=churn_months,
                sla_breaches_90d=sum(n for _i, _n, n in breaches.get(account_id, [])),
                overdue_receivable=rules.money(
                    sum((i.open for i in overdue.get(account_id, [])), Decimal(0))
                ),
                expiring_without_renewal=len(unrenewed.get(account_id, [])),
            ),
            {
                "revenue_decline": [
                    RiskLink(label=accounts[account_id].name, href=f"/crm/accounts/{account_id}")
                ],
                "sla_breaches": [
                    RiskLink(label=f"T-{n:06d}", href=f"/crm/tickets/{i}")
                    for i, n, _c in breaches.get(account_id, [])
                ],
                "overdue_receivables": [
                    RiskLink(label=f"{i.number} {i.milestone_title}", href=f"/contracts/{i.contract_id}")
                    for i in overdue.get(account_id, [])
                ],
                "expiring_without_renewal": [
                    RiskLink(label=f"{c.number} {c.title}", href=f"/contracts/{c.id}")
                    for c in unrenewed.get(account_id, [])
                ],
            },
        )
        for account_id in wanted
    ]


async def watch_list_risks(
    ctx: Context, tier: Tier | None, *, limit: int, cursor: str | None
) -> tuple[list[CustomerRisk], str | None]:
    """A page of CRM's churn watch list (its order, its cursor, one tier or all), each account
    with its risk score and reasons."""
    rows, next_cursor = await list_churn_risks(ctx, ChurnRiskFilters(tier=tier), limit=limit, cursor=cursor)
    return await customer_risks(ctx, [row.account_id for row in rows]), next_cursor


@dataclass(frozen=True, slots=True)
class _Overdue:
    contract_id: uuid.UUID
    number: str
    milestone_title: str
    open: Decimal


async def _overdue_receivables(
    ctx: Context, account_ids: list[uuid.UUID], on: dt.date
) -> dict[uuid.UUID, list[_Overdue]]:
    """Each account's milestones of signed income contracts open past due on ``on``, as the
    receivable ageing counts them (in CNY, oldest bucket last, by due date inside a bucket)."""
    rows = (
        await ctx.session.execute(
            select(Milestone, Contract)
            .join(Contract, Contract.id == Milestone.contract_id)
            .where(
                Contract.account_id.in_(account_ids),
                Contract.direction == Direction.INCOME,
                Contract.status.in_(SIGNED),
                Milestone.due_on <= on,
            )
            .order_by(Milestone.due_on, Milestone.id)
        )
    ).all()
    settled = await settled_by_milestone(ctx, [m.id for m, _c in rows])
    by_key = {str(m.id): (m, c) for m, c in rows}
    result = rules.ageing(
        on,
        [
            rules.Outstanding(
                key=str(m.id),
                due_on=m.due_on,
                due=rules.base_amount(m.amount, c.exchange_rate),
                settled=rules.base_amount(settled.get(m.id, Decimal(0)), c.exchange_rate),
            )
            for m, c in rows
        ],
    )
    found: dict[uuid.UUID, list[_Overdue]] = {}
    for key, _first, _last in rules.BUCKETS:
        for entry, _days in result.items[key]:
            m, c = by_key[entry.key]
            if c.account_id is not None:
                found.setdefault(c.account_id, []).append(_Overdue(c.id, c.number, m.title, entry.open))
    return found


async def _expiring_without_renewal(
    ctx: Context, account_ids: list[uuid.UUID], on: dt.date
) -> dict[uuid.UUID, list[Contract]]:
    """Each account's signed income contracts ending within 90 days of ``on`` that no newer
    contract with the account follows: one registered after it and not ended (a draft, in
    approval, approved or signed)."""
    live = list(
        await ctx.session.scalars(
            select(Contract)
            .where(Contract.account_id.in_(account_ids), Contract.status.in_(NOT_ENDED))
            .order_by(Contract.ends_on, Contract.number)
        )
    )
    found: dict[uuid.UUID, list[Contract]] = {}
    for c in live:
        expiring = (
            c.direction == Direction.INCOME
            and c.status == ContractStatus.ACTIVE
            and c.ends_on is not None
            and on <= c.ends_on <= on + dt.timedelta(days=EXPIRY_WINDOW_DAYS)
        )
        followed = any(
            f.account_id == c.account_id and f.created_at > c.created_at and f.id != c.id for f in live
        )
        if expiring and not followed and c.account_id is not None:
            found.setdefault(c.account_id, []).append(c)
    return found


def _risk(
    account: Account,
    on: dt.date,
    weights: dict[str, int],
    inputs: rules.RiskInputs,
    links: dict[str, list[RiskLink]],
) -> CustomerRisk:
    score, reasons = rules.risk_score(inputs, weights)
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
