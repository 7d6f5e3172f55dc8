"""Imports: CSV and XLSX files brought into any area that declares an importer
(``ModuleSpec.importers``): column mapping, preview with row errors, all or nothing, progress."""

from __future__ import annotations

from bizsuite.core.imports.api import CONTROLLERS
from bizsuite.kit import ModuleSpec
from bizsuite.web.imports_pages import NOTICES, PAGES

AREA = ModuleSpec(
    name="imports",
    kernel=True,
    controllers=CONTROLLERS,
    pages=PAGES,
    models=["bizsuite.core.imports.models"],
    notices=NOTICES,
    task_modules=["bizsuite.core.imports.jobs"],
)
