"""Tenants: the operator's tenant API, the tenant's own settings."""

from __future__ import annotations

from bizsuite.core.identity.models import Role
from bizsuite.core.tenants.api import CurrentTenantController, TenantController
from bizsuite.kit import SECTION_ADMINISTRATION, ModuleSpec, NavItem
from bizsuite.web.admin import SettingsPages
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="tenants",
    kernel=True,
    controllers=[TenantController, CurrentTenantController],
    pages=[SettingsPages],
    navigation=[
        NavItem(N_("Settings"), "/admin/settings", Role.ADMIN, section=SECTION_ADMINISTRATION, order=30)
    ],
    models=["bizsuite.core.tenants.models"],
    notices={"settings.saved": N_("Settings saved.")},
)
