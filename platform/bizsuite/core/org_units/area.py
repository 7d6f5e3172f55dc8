"""Org units: the tenant's organisation tree."""

from __future__ import annotations

from bizsuite.core.identity.models import Role
from bizsuite.core.org_units import blueprint
from bizsuite.core.org_units.api import OrgUnitController
from bizsuite.kit import SECTION_ORGANISATION, LinkTarget, ModuleSpec, NavItem
from bizsuite.web.admin import OrgUnitPages
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="org_units",
    kernel=True,
    controllers=[OrgUnitController],
    pages=[OrgUnitPages],
    navigation=[
        NavItem(N_("Org units"), "/admin/org-units", Role.VIEWER, section=SECTION_ORGANISATION, order=10)
    ],
    models=["bizsuite.core.org_units.models"],
    blueprint_sections={blueprint.KEY: blueprint.SECTION},
    link_targets=[LinkTarget("org_units", "/admin/org-units/{id}")],
    notices={
        "org_unit.created": N_("Org unit created."),
        "org_unit.updated": N_("Org unit saved."),
        "org_unit.archived": N_("Org unit archived."),
        "org_unit.restored": N_("Org unit restored."),
    },
    event_types={
        "org_unit.created": N_("An org unit was created."),
        "org_unit.updated": N_("An org unit was renamed, re-coded or re-kinded."),
        "org_unit.moved": N_("An org unit moved under another parent."),
        "org_unit.archived": N_("An org unit was archived."),
        "org_unit.restored": N_("An archived org unit was restored."),
        "org_unit.deleted": N_("An org unit was deleted."),
    },
)
