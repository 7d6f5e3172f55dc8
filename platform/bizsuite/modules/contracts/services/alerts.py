"""Contract alerts through the kernel's alerts (inbox, email and SMS by the users' preferences,
and the ``alert.raised`` webhook event), on the tenant's today: a signed contract's end date
approaching (each threshold of ``expiry_alert_days`` once), a milestone falling due or overdue, a
counterparty's qualification expiring, and a change order taking a contract over its template's
maximum. Each alert has a dedup key, so the daily sweep can run any number of times."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bizsuite.core import clock
from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import (
    Contract,
    ContractStatus,
    ContractTemplate,
    Counterparty,
    Milestone,
    Qualification,
    Settlement,
    SettlementStatus,
)
from bizsuite.modules.contracts.services.settings import CONTRACTS_SETTINGS, today
from bizsuite.web.i18n import N_

EXPIRY_ALERT = "contracts.expiry"
MILESTONE_DUE_ALERT = "contracts.milestone_due"
MILESTONE_OVERDUE_ALERT = "contracts.milestone_overdue"
QUALIFICATION_ALERT = "contracts.qualification_expiry"
OVER_MAXIMUM_ALERT = "contracts.over_template_maximum"

ALERT_KINDS = {
    EXPIRY_ALERT: N_("Contract expiring"),
    MILESTONE_DUE_ALERT: N_("Contract milestone due"),
    MILESTONE_OVERDUE_ALERT: N_("Contract milestone overdue"),
    QUALIFICATION_ALERT: N_("Qualification expiring"),
    OVER_MAXIMUM_ALERT: N_("Contract over its template's maximum"),
}


async def _expiring(ctx: Context, on: dt.date, thresholds: list[int]) -> int:
    if not thresholds:
        return 0
    rows = await ctx.session.scalars(
        select(Contract).where(
            Contract.status == ContractStatus.ACTIVE,
            Contract.ends_on >= on,
            Contract.ends_on <= on + dt.timedelta(days=max(thresholds)),
        )
    )
    raised = 0
    for contract in rows:
        assert contract.ends_on is not None
        threshold = rules.expiry_thresholds_hit(contract.ends_on, on, thresholds)
        if threshold is None:
            continue
        outcome = await raise_alert(
            ctx,
            alert_type=EXPIRY_ALERT,
            severity=Severity.WARNING,
            title_msgid=N_("%(number)s %(title)s ends on %(date)s (in %(days)s days)"),
            params={
                "number": contract.number,
                "title": contract.title,
                "date": contract.ends_on.isoformat(),
                "days": (contract.ends_on - on).days,
            },
            target=contract,
            dedup_key=f"{EXPIRY_ALERT}:{contract.id}:{contract.ends_on.isoformat()}:{threshold}",
            data={"threshold_days": threshold, "ends_on": contract.ends_on.isoformat()},
        )
        raised += int(outcome.created)
    return raised


async def _milestones(ctx: Context, on: dt.date, warn_days: int) -> int:
    settled = (
        select(Settlement.milestone_id, func.sum(Settlement.amount).label("settled"))
        .where(Settlement.status == SettlementStatus.RECORDED, Settlement.milestone_id.is_not(None))
        .group_by(Settlement.milestone_id)
        .subquery()
    )
    rows = await ctx.session.execute(
        select(Milestone, Contract, func.coalesce(settled.c.settled, 0))
        .join(Contract, Contract.id == Milestone.contract_id)
        .outerjoin(settled, settled.c.milestone_id == Milestone.id)
        .where(
            Contract.status == ContractStatus.ACTIVE, Milestone.due_on <= on + dt.timedelta(days=warn_days)
        )
    )
    raised = 0
    for milestone, contract, done in rows:
        open_amount = milestone.amount - Decimal(done)
        state = rules.milestone_state(milestone.due_on, on, open_amount, warn_days)
        if state is None:
            continue
        overdue = state == "overdue"
        outcome = await raise_alert(
            ctx,
            alert_type=MILESTONE_OVERDUE_ALERT if overdue else MILESTONE_DUE_ALERT,
            severity=Severity.WARNING if overdue else Severity.INFO,
            title_msgid=N_("%(number)s %(milestone)s: %(amount)s overdue since %(date)s")
            if overdue
            else N_("%(number)s %(milestone)s: %(amount)s due on %(date)s"),
            params={
                "number": contract.number,
                "milestone": milestone.title,
                "amount": f"{open_amount:,.2f} {contract.currency}",
                "date": milestone.due_on.isoformat(),
            },
            target=contract,
            dedup_key=f"{state}:{milestone.id}:{milestone.due_on.isoformat()}",
            data={
                "milestone_id": str(milestone.id),
                "open": str(open_amount),
                "due_on": milestone.due_on.isoformat(),
            },
        )
        raised += int(outcome.created)
    return raised


async def _qualifications(ctx: Context, on: dt.date, warn_days: int) -> int:
    rows = await ctx.session.execute(
        select(Qualification, Counterparty)
        .join(Counterparty, Counterparty.id == Qualification.counterparty_id)
        .where(Qualification.expires_on <= on + dt.timedelta(days=warn_days), Qualification.expires_on >= on)
    )
    raised = 0
    for qualification, party in rows:
        assert qualification.expires_on is not None
        outcome = await raise_alert(
            ctx,
            alert_type=QUALIFICATION_ALERT,
            severity=Severity.WARNING,
            title_msgid=N_("%(party)s: %(kind)s %(qualification)s expires on %(date)s"),
            params={
                "party": party.name,
                "kind": qualification.kind,
                "qualification": qualification.number,
                "date": qualification.expires_on.isoformat(),
            },
            target=party,
            dedup_key=f"{QUALIFICATION_ALERT}:{qualification.id}:{qualification.expires_on.isoformat()}",
        )
        raised += int(outcome.created)
    return raised


async def sweep(ctx: Context, on: dt.date | None = None) -> int:
    """Raise every contract alert due on ``on`` (default the tenant's today); how many are new."""
    on = on or today(ctx)
    settings = await ctx.settings(CONTRACTS_SETTINGS)
    return (
        await _expiring(ctx, on, list(settings.expiry_alert_days))
        + await _milestones(ctx, on, settings.milestone_alert_days)
        + await _qualifications(ctx, on, settings.qualification_alert_days)
    )


def next_local_midnight(ctx: Context) -> dt.datetime:
    """The start of the tenant's next day (when the next day's alerts fall due)."""
    tenant = ctx.principal.tenant
    zone = ZoneInfo(tenant.time_zone) if tenant is not None and tenant.time_zone else dt.UTC
    now = clock.now(ctx).astimezone(zone)
    return dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(0, 1), tzinfo=zone).astimezone(
        dt.UTC
    )


async def alert_over_maximum(ctx: Context, contract: Contract) -> bool:
    """After a change order: alert when the contract's amount (base currency) now exceeds its
    template's maximum amount. True when an alert was raised."""
    if contract.template_id is None:
        return False
    template = await ctx.session.scalar(
        select(ContractTemplate).where(ContractTemplate.id == contract.template_id)
    )
    if template is None or template.max_amount is None:
        return False
    amount_base = rules.base_amount(contract.amount, contract.exchange_rate)
    if amount_base <= template.max_amount:
        return False
    outcome = await raise_alert(
        ctx,
        alert_type=OVER_MAXIMUM_ALERT,
        severity=Severity.WARNING,
        title_msgid=N_("%(number)s is now %(amount)s, over its template's maximum %(maximum)s"),
        params={
            "number": contract.number,
            "amount": f"{amount_base:,.2f}",
            "maximum": f"{template.max_amount:,.2f}",
        },
        target=contract,
        dedup_key=f"{OVER_MAXIMUM_ALERT}:{contract.id}:{contract.amount}",
        data={
            "template_id": str(template.id),
            "amount": str(amount_base),
            "maximum": str(template.max_amount),
        },
    )
    return outcome.created
