"""CRM settings (one home): churn months, tier shares, zone routing and the business calendar.

``schemas`` (the API bodies), ``services`` (``CRM_SETTINGS``, read once per request with
``await ctx.settings(CRM_SETTINGS)``, and the update service), ``api`` and ``pages``.
"""

from __future__ import annotations

from bizsuite.modules.crm.settings.schemas import (
    WEEKDAYS,
    ChurnMonths,
    CrmSettingsOut,
    CrmSettingsUpdate,
    Share,
)
from bizsuite.modules.crm.settings.services import (
    CRM_SETTINGS,
    crm_settings,
    get_crm_settings,
    save_crm_settings,
    settings_out,
    settings_view,
    update_crm_settings,
)

__all__ = [
    "CRM_SETTINGS",
    "WEEKDAYS",
    "ChurnMonths",
    "CrmSettingsOut",
    "CrmSettingsUpdate",
    "Share",
    "crm_settings",
    "get_crm_settings",
    "save_crm_settings",
    "settings_out",
    "settings_view",
    "update_crm_settings",
]
