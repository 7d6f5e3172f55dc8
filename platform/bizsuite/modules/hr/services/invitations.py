"""Questionnaire invitations and reminders through the kernel's alerts: when a campaign opens,
each rater with a sign-in gets an inbox invitation linking to their questionnaire
(``/hr/questionnaires/{rater id}``); before the due day (``remind_days`` earlier, on the
tenant's today), those who have not answered get one reminder (``rules.reminder_due``). Dedup
keys make the hourly sweep safe to run any number of times."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.alerts.models import Severity
from bizsuite.core.alerts.services import raise_alert
from bizsuite.core.context import Context
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import Campaign, CampaignStatus, Position, Rater
from bizsuite.modules.hr.services.common import today
from bizsuite.web.i18n import N_

INVITATION_ALERT = "hr.questionnaire_invitation"
REMINDER_ALERT = "hr.questionnaire_reminder"
ALERT_KINDS = {
    INVITATION_ALERT: N_("Job-analysis questionnaire"),
    REMINDER_ALERT: N_("Job-analysis questionnaire reminder"),
}
#: Where an invitation or reminder leads: the rater's own questionnaire.
RATER_TARGET = "hr_raters"


def _params(campaign: Campaign, position: Position) -> dict[str, str]:
    return {
        "title": campaign.title,
        "position": f"{position.code} {position.title}",
        "date": campaign.due_on.isoformat() if campaign.due_on else "",
    }


async def invite(ctx: Context, campaign: Campaign, position: Position, raters: list[Rater]) -> int:
    """Put an invitation in each rater's inbox (those with a sign-in); how many were sent."""
    sent = 0
    for rater in raters:
        if rater.user_id is None or rater.invited_at is not None:
            continue
        outcome = await raise_alert(
            ctx,
            alert_type=INVITATION_ALERT,
            severity=Severity.INFO,
            title_msgid=N_("Please answer the job-analysis questionnaire for %(position)s")
            if campaign.due_on is None
            else N_("Please answer the job-analysis questionnaire for %(position)s by %(date)s"),
            body_msgid=N_("%(title)s: rate each item on need, importance and contribution."),
            params=_params(campaign, position),
            target_type=RATER_TARGET,
            target_id=rater.id,
            dedup_key=f"{INVITATION_ALERT}:{rater.id}",
            recipients=[rater.user_id],
            data={"campaign_id": str(campaign.id), "rater_id": str(rater.id)},
        )
        rater.invited_at = clock.now(ctx)
        sent += int(outcome.created)
    await ctx.session.flush()
    return sent


async def send_reminders(ctx: Context, on: dt.date | None = None) -> int:
    """Remind the raters of open campaigns due soon who have not answered (each once, on the
    tenant's today unless ``on``); how many reminders went out."""
    on = on or today(ctx)
    rows = await ctx.session.execute(
        select(Rater, Campaign, Position)
        .join(Campaign, Campaign.id == Rater.campaign_id)
        .join(Position, Position.id == Campaign.position_id)
        .where(
            Campaign.status == CampaignStatus.OPEN,
            Campaign.due_on.is_not(None),
            Campaign.due_on >= on,
            Rater.user_id.is_not(None),
            Rater.responded_at.is_(None),
            Rater.reminded_at.is_(None),
        )
        .order_by(Campaign.due_on, Rater.name)
    )
    sent = 0
    for rater, campaign, position in rows:
        if not rules.reminder_due(campaign.due_on, campaign.remind_days, on, answered=False, reminded=False):
            continue
        assert campaign.due_on is not None and rater.user_id is not None
        outcome = await raise_alert(
            ctx,
            alert_type=REMINDER_ALERT,
            severity=Severity.WARNING,
            title_msgid=N_("Reminder: the job-analysis questionnaire for %(position)s is due on %(date)s"),
            body_msgid=N_("%(title)s: you have not answered yet."),
            params=_params(campaign, position),
            target_type=RATER_TARGET,
            target_id=rater.id,
            dedup_key=f"{REMINDER_ALERT}:{rater.id}:{campaign.due_on.isoformat()}",
            recipients=[rater.user_id],
            data={"campaign_id": str(campaign.id), "rater_id": str(rater.id)},
        )
        rater.reminded_at = clock.now(ctx)
        sent += int(outcome.created)
    await ctx.session.flush()
    return sent


def next_local_midnight(ctx: Context) -> dt.datetime:
    """The start of the tenant's next day (when the next day's reminders fall due)."""
    tenant = ctx.principal.tenant
    zone = ZoneInfo(tenant.time_zone) if tenant is not None and tenant.time_zone else dt.UTC
    now = clock.now(ctx).astimezone(zone)
    return dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(0, 1), tzinfo=zone).astimezone(
        dt.UTC
    )
