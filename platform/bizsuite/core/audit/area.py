"""Audit: the tenant's log of every write."""

from __future__ import annotations

from bizsuite.core.audit.api import AuditController
from bizsuite.core.identity.models import Role
from bizsuite.kit import SECTION_ADMINISTRATION, ModuleSpec, NavItem
from bizsuite.web.admin import AuditPages
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="audit",
    kernel=True,
    controllers=[AuditController],
    pages=[AuditPages],
    navigation=[
        NavItem(N_("Audit log"), "/admin/audit", Role.ADMIN, section=SECTION_ADMINISTRATION, order=20)
    ],
    models=["bizsuite.core.audit.models"],
)
