"""What the roles are called (msgids): the admin pages, the invitation email and exports use them."""

from __future__ import annotations

from bizsuite.web.i18n import N_

#: Role value → label msgid (``N_()``), translated where shown.
ROLE_LABELS = {
    "owner": N_("Owner"),
    "admin": N_("Admin"),
    "manager": N_("Manager"),
    "member": N_("Member"),
    "viewer": N_("Viewer"),
}
