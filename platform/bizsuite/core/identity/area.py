"""Identity: sign-in, members, invitations and API keys."""

from __future__ import annotations

from bizsuite.core.identity import blueprint
from bizsuite.core.identity.api import (
    ApiKeyController,
    AuthController,
    InvitationController,
    MemberController,
)
from bizsuite.core.identity.models import Role
from bizsuite.kit import SECTION_ADMINISTRATION, SECTION_ORGANISATION, ModuleSpec, NavItem
from bizsuite.web.admin import ApiKeyPages, MemberPages
from bizsuite.web.i18n import N_
from bizsuite.web.members_pages import MemberOptionPages

AREA = ModuleSpec(
    name="identity",
    kernel=True,
    controllers=[AuthController, MemberController, InvitationController, ApiKeyController],
    pages=[MemberPages, ApiKeyPages, MemberOptionPages],
    navigation=[
        NavItem(N_("Members"), "/admin/members", Role.ADMIN, section=SECTION_ORGANISATION, order=20),
        NavItem(N_("API keys"), "/admin/api-keys", Role.ADMIN, section=SECTION_ADMINISTRATION, order=10),
    ],
    models=["bizsuite.core.identity.models"],
    blueprint_sections={blueprint.KEY: blueprint.SECTION},
    alert_kinds={"identity.sign_in_locked": N_("Sign-in locked")},
    notices={
        "member.updated": N_("Member saved."),
        "member.removed": N_("Member removed."),
        "member.unlocked": N_("Sign-in unlocked."),
        "invitation.sent": N_("Invitation sent by email."),
        "invitation.revoked": N_("Invitation revoked."),
        "api_key.revoked": N_("API key revoked."),
    },
)
