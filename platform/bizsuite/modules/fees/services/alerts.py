"""Fee alerts through the kernel's alerts (inbox, email and SMS by the users' preferences, and the
``alert.raised`` webhook event), on the tenant's today: a reminder before the 15-day
reconciliation deadline of the quarter just ended, an alert when it passes unreconciled (both for
the subsidiaries billed only: not for one excluded or not wholly owned), and an
alert for each issued statement past its due date with money outstanding. Dedup keys make the
daily sweep safe to run any number of times."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select

from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import (
    FeeSchedule,
    Payment,
    Reconciliation,
    ReconciliationStatus,
    Statement,
    StatementStatus,
)
from bizsuite.modules.fees.services.common import today
from bizsuite.modules.fees.services.payers import not_billed
from bizsuite.web.i18n import N_

RECONCILE_DUE_ALERT = "fees.reconciliation_due"
RECONCILE_OVERDUE_ALERT = "fees.reconciliation_overdue"
PAYMENT_OVERDUE_ALERT = "fees.payment_overdue"
#: How many days before the deadline the reminder goes out.
REMINDER_DAYS = 5

ALERT_KINDS = {
    RECONCILE_DUE_ALERT: N_("Reconciliation due"),
    RECONCILE_OVERDUE_ALERT: N_("Reconciliation overdue"),
    PAYMENT_OVERDUE_ALERT: N_("Fee payment overdue"),
}


def last_ended_quarter(on: dt.date) -> tuple[int, int]:
    """The (year, quarter) that ended most recently before ``on``."""
    quarter = rules.quarter_of(on) - 1
    return (on.year, quarter) if quarter else (on.year - 1, 4)


async def _reconciliations(ctx: Context, on: dt.date) -> int:
    year, quarter = last_ended_quarter(on)
    deadline = rules.reconcile_deadline(year, quarter)
    days_left = (deadline - on).days
    if days_left > REMINDER_DAYS:
        return 0
    units = list(
        await ctx.session.scalars(
            select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.SUBSIDIARY, OrgUnit.archived_at.is_(None))
        )
    )
    confirmed = set(
        await ctx.session.scalars(
            select(Reconciliation.org_unit_id).where(
                Reconciliation.year == year,
                Reconciliation.quarter == quarter,
                Reconciliation.status == ReconciliationStatus.CONFIRMED,
            )
        )
    )
    skipped = await not_billed(ctx)
    raised = 0
    period = f"{year}-Q{quarter}"
    for unit in units:
        if unit.id in confirmed or unit.id in skipped:
            continue
        overdue = days_left < 0
        outcome = await raise_alert(
            ctx,
            alert_type=RECONCILE_OVERDUE_ALERT if overdue else RECONCILE_DUE_ALERT,
            severity=Severity.WARNING if overdue else Severity.INFO,
            title_msgid=N_("%(unit)s: the %(period)s figures were due to be reconciled by %(date)s")
            if overdue
            else N_("%(unit)s: reconcile the %(period)s figures by %(date)s"),
            params={"unit": unit.name, "period": period, "date": deadline.isoformat()},
            target=unit,
            dedup_key=f"{'overdue' if overdue else 'due'}:{unit.id}:{period}",
            data={"period": period, "deadline": deadline.isoformat()},
        )
        raised += int(outcome.created)
    return raised


async def _payments(ctx: Context, on: dt.date) -> int:
    paid = (
        select(Payment.statement_id, func.sum(Payment.amount).label("paid"))
        .group_by(Payment.statement_id)
        .subquery()
    )
    rows = await ctx.session.execute(
        select(Statement, func.coalesce(paid.c.paid, 0))
        .outerjoin(paid, paid.c.statement_id == Statement.id)
        .where(Statement.status == StatementStatus.ISSUED, Statement.due_on < on)
    )
    raised = 0
    for statement, done in rows:
        owed = rules.outstanding(statement.total, [Decimal(done)])
        if owed <= 0 or statement.due_on is None:
            continue
        outcome = await raise_alert(
            ctx,
            alert_type=PAYMENT_OVERDUE_ALERT,
            severity=Severity.WARNING,
            title_msgid=N_("%(number)s: %(amount)s overdue since %(date)s"),
            params={
                "number": statement.number,
                "amount": f"{owed:,.2f} {statement.currency}",
                "date": statement.due_on.isoformat(),
            },
            target=statement,
            dedup_key=f"{PAYMENT_OVERDUE_ALERT}:{statement.id}:{statement.due_on.isoformat()}",
            data={"outstanding": str(owed), "due_on": statement.due_on.isoformat()},
        )
        raised += int(outcome.created)
    return raised


async def sweep(ctx: Context, on: dt.date | None = None) -> int:
    """Raise every fee alert due on ``on`` (default the tenant's today); how many are new. A
    tenant without a fee schedule bills no fees and gets none."""
    if await ctx.session.scalar(select(FeeSchedule.id).limit(1)) is None:
        return 0
    on = on or today(ctx)
    return await _reconciliations(ctx, on) + await _payments(ctx, on)
