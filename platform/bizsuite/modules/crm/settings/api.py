"""CRM settings: the API controller (tag `crm`)."""

from __future__ import annotations

from litestar import Controller, get, put
from litestar.params import JSONBody

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.modules.crm.settings import services
from bizsuite.modules.crm.settings.schemas import CrmSettingsOut, CrmSettingsUpdate


class CrmSettingsController(Controller):
    """The tenant's CRM settings."""

    path = "/api/v1/crm/settings"
    tags = ["crm"]
    guards = [tenant_guard]

    @get(operation_id="get_crm_settings", summary="Get the CRM settings")
    async def get_crm_settings(self, ctx: Ctx) -> CrmSettingsOut:
        """Churn months, tier shares, zone routing and the business calendar."""
        return await services.get_crm_settings(ctx)

    @put(operation_id="update_crm_settings", summary="Change the CRM settings", opt={"min_role": Role.ADMIN})
    async def update_crm_settings(
        self, ctx: Ctx, data: JSONBody[CrmSettingsUpdate], if_match: IfMatch = None
    ) -> CrmSettingsOut:
        """Change settings (send `If-Match`); new churn months or tier shares recompute at once."""
        return await services.save_crm_settings(ctx, data, if_match)


CONTROLLERS: list[type[Controller]] = [CrmSettingsController]
