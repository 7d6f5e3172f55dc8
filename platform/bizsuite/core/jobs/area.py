"""Jobs: background jobs and schedules."""

from __future__ import annotations

from bizsuite.core.identity.models import Role
from bizsuite.core.jobs.api import JobController, JobScheduleController
from bizsuite.kit import SECTION_ADMINISTRATION, ModuleSpec, NavItem
from bizsuite.web.i18n import N_
from bizsuite.web.jobs_pages import JobPages, JobSchedulePages

AREA = ModuleSpec(
    name="jobs",
    kernel=True,
    controllers=[JobController, JobScheduleController],
    pages=[JobPages, JobSchedulePages],
    navigation=[
        NavItem(N_("Background jobs"), "/admin/jobs", Role.ADMIN, section=SECTION_ADMINISTRATION, order=40)
    ],
    models=["bizsuite.core.jobs.models"],
    task_modules=["bizsuite.core.jobs.tasks"],
    notices={
        "job.retried": N_("The job is queued for another attempt."),
        "job_schedule.created": N_("Schedule created."),
        "job_schedule.paused": N_("Schedule paused."),
        "job_schedule.resumed": N_("Schedule resumed."),
        "job_schedule.deleted": N_("Schedule deleted."),
    },
)
