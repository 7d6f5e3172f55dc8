"""Files: the tenant's stored files."""

from __future__ import annotations

from bizsuite.core.files.api import FileContentController, FileController
from bizsuite.kit import SECTION_WORK, ModuleSpec, NavItem
from bizsuite.web.exports import ExportPages
from bizsuite.web.files_pages import FilePages
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="files",
    kernel=True,
    controllers=[FileController, FileContentController],
    pages=[FilePages, ExportPages],
    navigation=[NavItem(N_("Files"), "/files", section=SECTION_WORK, order=30)],
    models=["bizsuite.core.files.models"],
    task_modules=["bizsuite.web.exports"],
    notices={
        "file.uploaded": N_("File uploaded."),
        "file.renamed": N_("File renamed."),
        "file.deleted": N_("File deleted."),
    },
)
