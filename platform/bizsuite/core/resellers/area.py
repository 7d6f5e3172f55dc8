"""Resellers: partner accounts, their keys, portal users and the tenants they provisioned."""

from __future__ import annotations

from pathlib import Path

from bizsuite.core.resellers.api import ResellerAdminController, ResellerPortalController
from bizsuite.core.resellers.pages import ResellerAuthPages, ResellerPortalPages
from bizsuite.kit import ModuleSpec
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="resellers",
    kernel=True,
    controllers=[ResellerAdminController, ResellerPortalController],
    pages=[ResellerAuthPages, ResellerPortalPages],
    templates=Path(__file__).parent / "templates",
    models=["bizsuite.core.resellers.models"],
    notices={
        "reseller.provisioned": N_("Tenant created; its owner's invitation was sent by email."),
        "reseller.suspended": N_("Tenant suspended: its users and API keys are refused until you resume it."),
        "reseller.resumed": N_("Tenant resumed: its users and API keys work again."),
        "reseller.moved": N_("Plan changed; the prorated amount is on the tenant's invoices."),
        "reseller.password_set": N_("Password set; you are signed in."),
        "reseller.signed_out": N_("You are signed out."),
    },
)
