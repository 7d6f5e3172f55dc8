"""Saved list views: every module's lists get them through the kernel list component."""

from __future__ import annotations

from bizsuite.core.views.api import SavedViewController
from bizsuite.core.views.pages import SavedViewPages
from bizsuite.kit import ModuleSpec
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="views",
    kernel=True,
    controllers=[SavedViewController],
    pages=[SavedViewPages],
    models=["bizsuite.core.views.models"],
    notices={
        "saved_view.created": N_("View saved."),
        "saved_view.deleted": N_("View deleted."),
        "error.saved-view-taken": N_("You already have a view with this name."),
        "error.saved-view-name": N_("Give the view a name."),
    },
)
