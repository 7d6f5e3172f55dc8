"""Webhook event types the CRM emits (``crm.<thing>.<happened>``)."""

from __future__ import annotations

from bizsuite.web.i18n import N_

EVENT_TYPES: dict[str, str] = {
    "crm.account.created": N_("An account was created."),
    "crm.account.updated": N_("An account's details, owner, zone or status changed."),
    "crm.opportunity.created": N_("An opportunity was created."),
    "crm.opportunity.stage_changed": N_("An opportunity moved to another pipeline stage."),
    "crm.opportunity.won": N_("An opportunity was won."),
    "crm.opportunity.lost": N_("An opportunity was lost (with the reason)."),
    "crm.revenue.imported": N_("A monthly revenue file was imported (tiers and churn recomputed)."),
    "crm.account.tier_changed": N_("An account's key-account tier changed."),
    "crm.account.churn_risk": N_("An account started a decline streak long enough to be at churn risk."),
    "crm.ticket.created": N_("A service ticket was opened."),
    "crm.ticket.status_changed": N_("A service ticket changed status (waiting, resolved, closed...)."),
    "crm.ticket.milestone_met": N_("A service ticket met an SLA milestone."),
    "crm.ticket.sla_breached": N_("A service ticket breached an SLA milestone."),
}
