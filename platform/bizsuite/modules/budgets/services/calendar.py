"""The budgets calendar on the tenant's clock: next month's budget is due by the submission day
(a reminder to members within ``reminder_days`` before it, an alert to managers after it while a
cost centre's next month is missing), and an over-budget line of an ended period raises an alert
every month until its written explanation is given."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context
from bizsuite.core.identity.models import Role
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.budgets import rules
from bizsuite.modules.budgets.models import BudgetLine, Plan, PlanStatus
from bizsuite.modules.budgets.services.common import today
from bizsuite.modules.budgets.services.plans import line_views
from bizsuite.modules.budgets.services.settings import BUDGETS_SETTINGS
from bizsuite.web.i18n import N_

SUBMISSION_DUE = "budgets.submission_due"
SUBMISSION_LATE = "budgets.submission_late"
EXPLANATION_DUE = "budgets.explanation_due"
ALERT_KINDS = {
    SUBMISSION_DUE: N_("Budget submission due"),
    SUBMISSION_LATE: N_("Budget submission late"),
    EXPLANATION_DUE: N_("Overrun explanation due"),
}


@dataclass(frozen=True)
class CalendarResult:
    """What one run of the calendar found and raised."""

    phase: str | None
    month: str
    missing: list[uuid.UUID]
    unexplained: list[uuid.UUID]
    raised: int


async def _missing(ctx: Context, month: str) -> list[tuple[uuid.UUID, str]]:
    """Cost centres that budget (have a plan this year or next month's year) whose budget for
    ``month`` is not submitted: no plan, a draft, or no line covering the month."""
    year = rules.year_of(month)
    plans = list(await ctx.session.scalars(select(Plan).where(Plan.fiscal_year.in_([year - 1, year]))))
    units = {p.org_unit_id for p in plans}
    covering = {
        p.org_unit_id
        for p in plans
        if p.fiscal_year == year and p.status in (PlanStatus.IN_APPROVAL, PlanStatus.APPROVED)
    }
    submitted: set[uuid.UUID] = set()
    if covering:
        periods = {month, rules.quarter_of(month), str(year)}
        rows = await ctx.session.execute(
            select(Plan.org_unit_id)
            .join(BudgetLine, BudgetLine.plan_id == Plan.id)
            .where(
                Plan.fiscal_year == year,
                Plan.status.in_([PlanStatus.IN_APPROVAL, PlanStatus.APPROVED]),
                BudgetLine.period.in_(periods),
            )
        )
        submitted = {r[0] for r in rows}
    names = dict(
        (await ctx.session.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(units)))).all()
    )
    return sorted(((u, names.get(u, "")) for u in units - submitted), key=lambda x: x[1])


async def run_calendar(ctx: Context, on: dt.date | None = None) -> CalendarResult:
    """Raise the submission reminder or late alert and the explanation alerts due on ``on`` (the
    tenant's today); each alert once (dedup keys per cost centre and month, per line and month)."""
    day = on or today(ctx)
    settings = await ctx.settings(BUDGETS_SETTINGS)
    phase = rules.submission_phase(day, settings.submission_day, settings.reminder_days)
    month = rules.next_month(day)
    raised = 0
    missing = await _missing(ctx, month) if phase else []
    for unit_id, name in missing:
        late = phase == "late"
        alert = await raise_alert(
            ctx,
            alert_type=SUBMISSION_LATE if late else SUBMISSION_DUE,
            severity=Severity.WARNING if late else Severity.INFO,
            title_msgid=N_("%(unit)s: the budget of %(month)s was due by day %(day)s")
            if late
            else N_("%(unit)s: submit the budget of %(month)s by day %(day)s"),
            params={"unit": name, "month": month, "day": settings.submission_day},
            target_type="org_units",
            target_id=unit_id,
            dedup_key=f"budgets.submission:{'late' if late else 'due'}:{unit_id}:{month}",
            audience=Role.MANAGER if late else Role.MEMBER,
            data={"org_unit_id": str(unit_id), "month": month},
        )
        raised += 1 if alert.created else 0
    over = [
        v
        for v in await line_views(
            ctx, list(await ctx.session.scalars(select(BudgetLine).where(BudgetLine.explanation.is_(None))))
        )
        if rules.explanation_due(v.period, day, v.over, v.explanation is not None)
    ]
    for view in over:
        alert = await raise_alert(
            ctx,
            alert_type=EXPLANATION_DUE,
            severity=Severity.WARNING,
            title_msgid=N_("Explain the overrun of %(line)s (used %(used)s of %(budget)s)"),
            params={
                "line": f"{view.category_code} {view.category_name} {view.period}",
                "used": rules.shown(view.pending + view.committed + view.actual),
                "budget": rules.shown(view.amount),
            },
            target_type="budgets_lines",
            target_id=view.id,
            dedup_key=f"budgets.explanation:{view.id}:{day.year}-{day.month:02d}",
            audience=Role.MANAGER,
            data={"line_id": str(view.id), "period": view.period},
        )
        raised += 1 if alert.created else 0
    return CalendarResult(
        phase=phase,
        month=month,
        missing=[u for u, _ in missing],
        unexplained=[v.id for v in over],
        raised=raised,
    )


def next_local_midnight(ctx: Context) -> dt.datetime:
    """The start of the tenant's next day (when the next day's calendar falls due)."""
    zone = ZoneInfo(ctx.tenant.time_zone) if ctx.tenant.time_zone else dt.UTC
    now = clock.now(ctx).astimezone(zone)
    return dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(0, 5), tzinfo=zone).astimezone(
        dt.UTC
    )
