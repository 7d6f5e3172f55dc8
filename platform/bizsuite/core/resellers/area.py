"""Resellers: partner accounts, their keys and the tenants they provisioned."""

from __future__ import annotations

from bizsuite.core.resellers.api import ResellerAdminController, ResellerPortalController
from bizsuite.kit import ModuleSpec

AREA = ModuleSpec(
    name="resellers",
    kernel=True,
    controllers=[ResellerAdminController, ResellerPortalController],
    models=["bizsuite.core.resellers.models"],
)
