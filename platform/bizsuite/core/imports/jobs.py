"""The import component's background task (registered with the worker)."""

from __future__ import annotations

import uuid

from bizsuite.core.files.storage import storage_from_settings
from bizsuite.core.imports import services
from bizsuite.core.jobs.queue import JobRun, tenant_task
from bizsuite.web.i18n import N_


@tenant_task(
    services.IMPORT_TASK,
    label=N_("Import a file"),
    description=N_("Import a confirmed file (all rows or none) through its importer."),
    retry=None,
)
async def run_import(run: JobRun, *, import_id: str) -> None:
    """Run one confirmed import in a single transaction."""
    await services.run_import(run, uuid.UUID(import_id), storage_from_settings(run.runtime.settings))
