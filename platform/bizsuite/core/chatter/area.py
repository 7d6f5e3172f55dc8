"""The chatter: notes with mentions and attachments, followers, and tracked changes, on every
record an area declares (``ModuleSpec.record_types``)."""

from __future__ import annotations

from bizsuite.core.chatter.api import ChatterController
from bizsuite.core.chatter.pages import PAGES
from bizsuite.kit import ModuleSpec
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="chatter",
    kernel=True,
    controllers=[ChatterController],
    pages=PAGES,
    models=["bizsuite.core.chatter.models"],
    alert_kinds={
        "chatter.mention": N_("Mention"),
        "chatter.note": N_("Note on a followed record"),
        "chatter.change": N_("Change to a followed record"),
    },
)
