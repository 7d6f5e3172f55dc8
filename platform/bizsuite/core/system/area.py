"""The shell's area: probes, the home page, the user's own account, language and tenant switching."""

from __future__ import annotations

from bizsuite.core.system.api import health, ready
from bizsuite.core.system.search import SearchController
from bizsuite.kit import SECTION_WORK, ModuleSpec, NavItem
from bizsuite.web.i18n import N_
from bizsuite.web.pages import AuthPages, ShellPages
from bizsuite.web.templating import TEMPLATES

AREA = ModuleSpec(
    name="system",
    kernel=True,
    controllers=[health, ready, SearchController],
    pages=[AuthPages, ShellPages],
    navigation=[NavItem(N_("Home"), "/", section=SECTION_WORK, order=0)],
    templates=TEMPLATES,
    models=["bizsuite.core.idempotency"],
    notices={
        "preferences.saved": N_("Preferences saved."),
        "password.changed": N_("Password changed. Sign in with the new password."),
        "totp.enabled": N_("Two-step sign-in is on."),
        "totp.disabled": N_("Two-step sign-in is off."),
        "invitation.accepted": N_("Welcome! You have joined the tenant."),
        "error.conflict": N_("That is not possible in the current state."),
        "error.forbidden": N_("You are not allowed to do that."),
        "error.precondition-failed": N_("Someone else changed this record; reload and try again."),
    },
)
