"""Webhook event types the CRM emits (``crm.<thing>.<happened>``)."""

from __future__ import annotations

EVENT_TYPES: dict[str, str] = {
    "crm.account.created": "An account was created.",
    "crm.account.updated": "An account's details, owner, zone or status changed.",
    "crm.opportunity.created": "An opportunity was created.",
    "crm.opportunity.stage_changed": "An opportunity moved to another pipeline stage.",
    "crm.opportunity.won": "An opportunity was won.",
    "crm.opportunity.lost": "An opportunity was lost (with the reason).",
    "crm.revenue.imported": "A monthly revenue file was imported (tiers and churn recomputed).",
    "crm.account.tier_changed": "An account's key-account tier changed.",
    "crm.account.churn_risk": "An account started a decline streak long enough to be at churn risk.",
    "crm.ticket.created": "A service ticket was opened.",
    "crm.ticket.status_changed": "A service ticket changed status (waiting, resolved, closed...).",
    "crm.ticket.milestone_met": "A service ticket met an SLA milestone.",
    "crm.ticket.sla_breached": "A service ticket breached an SLA milestone.",
}
