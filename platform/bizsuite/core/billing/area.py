"""Billing: plans, subscriptions, entitlements and Stripe."""

from __future__ import annotations

from pathlib import Path

from bizsuite.core.billing.api import (
    AddonController,
    BillingOperationsController,
    InvoiceController,
    MySubscriptionController,
    PlanController,
    StripeWebhookController,
    TenantSubscriptionController,
)
from bizsuite.core.billing.pages import BillingPages
from bizsuite.core.identity.models import Role
from bizsuite.kit import SECTION_ADMINISTRATION, ModuleSpec, NavItem
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="billing",
    kernel=True,
    controllers=[
        PlanController,
        AddonController,
        TenantSubscriptionController,
        BillingOperationsController,
        MySubscriptionController,
        InvoiceController,
        StripeWebhookController,
    ],
    pages=[BillingPages],
    navigation=[
        NavItem(N_("Billing"), "/admin/billing", Role.ADMIN, section=SECTION_ADMINISTRATION, order=35)
    ],
    templates=Path(__file__).parent / "templates",
    models=["bizsuite.core.billing.models"],
    notices={
        "billing.seats_changed": N_("Seats changed; the prorated amount is on the invoices."),
        "billing.plan_changed": N_("Plan changed; the prorated amount is on the invoices."),
        "billing.addon_changed": N_("Add-on changed; the prorated amount is on the invoices."),
        "billing.canceled": N_("The subscription ends at the end of the current period."),
        "billing.resumed": N_("The subscription continues."),
        "billing.paid": N_("Payment attempted; the status below is Stripe's answer."),
        "billing.refused": N_("That change is not possible: check the seats in use and the plan's limits."),
        "billing.provider_error": N_("The payment provider did not answer; try again shortly."),
    },
    audit_subjects={"subscription": N_("Subscription")},
)
