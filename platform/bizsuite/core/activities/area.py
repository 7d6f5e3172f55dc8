"""Activities to do on any declared record: "My activities", the home panel, reminders."""

from __future__ import annotations

from bizsuite.core.activities.api import ActivityController
from bizsuite.core.activities.pages import NOTICES, PAGES
from bizsuite.kit import SECTION_WORK, ModuleSpec, NavItem
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="activities",
    kernel=True,
    controllers=[ActivityController],
    pages=PAGES,
    navigation=[NavItem(N_("My activities"), "/activities", section=SECTION_WORK, order=15)],
    models=["bizsuite.core.activities.models"],
    task_modules=["bizsuite.core.activities.tasks"],
    notices=NOTICES,
    alert_kinds={
        "activity.due": N_("Activity due today"),
        "activity.overdue": N_("Overdue activity"),
    },
)
