"""The HR records that carry the kernel's chatter and activities: positions, job descriptions,
employees and appraisal cycles (appraisals themselves are personal: they carry none). Fields holding another record's id (org unit, reports-to) are not tracked."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.errors import NotFoundProblem
from bizsuite.kit import RecordInfo, RecordType
from bizsuite.modules.hr.models import AppraisalCycle, Employee, JobDescription, Position
from bizsuite.modules.hr.pages import CATEGORY_LABELS, CYCLE_STATUS_LABELS, DESCRIPTION_STATUS_LABELS
from bizsuite.web.i18n import N_

E = TypeVar("E", bound=StrEnum)


async def _position(ctx: Context, position_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(select(Position.code, Position.title).where(Position.id == position_id))
    ).first()
    if row is None:
        raise NotFoundProblem(f"No position with id {position_id}.")
    return RecordInfo(label=f"{row.code} {row.title}", followers=())


async def _description(ctx: Context, description_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(
            select(Position.code, Position.title, JobDescription.number)
            .join(Position, Position.id == JobDescription.position_id)
            .where(JobDescription.id == description_id)
        )
    ).first()
    if row is None:
        raise NotFoundProblem(f"No job description with id {description_id}.")
    return RecordInfo(label=f"{row.code} {row.title} v{row.number}", followers=())


async def _employee(ctx: Context, employee_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(select(Employee.number, Employee.name).where(Employee.id == employee_id))
    ).first()
    if row is None:
        raise NotFoundProblem(f"No employee with id {employee_id}.")
    return RecordInfo(label=f"{row.number} {row.name}", followers=())


async def _cycle(ctx: Context, cycle_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(select(AppraisalCycle.name).where(AppraisalCycle.id == cycle_id))
    ).first()
    if row is None:
        raise NotFoundProblem(f"No appraisal cycle with id {cycle_id}.")
    return RecordInfo(label=row.name, followers=())


def _by_value(labels: Mapping[E, str]) -> dict[str, str]:
    return {key.value: label for key, label in labels.items()}


RECORD_TYPES = [
    RecordType(
        "hr_positions",
        "/hr/positions/{id}",
        _position,
        tracked={
            "code": N_("Code"),
            "title": N_("Position title"),
            "category": N_("Category"),
            "headcount": N_("Headcount"),
            "pay_grade": N_("Pay grade"),
            "pay_level": N_("Pay level"),
            "notes": N_("Notes"),
        },
        choices={"category": _by_value(CATEGORY_LABELS)},
    ),
    RecordType(
        "hr_job_descriptions",
        "/hr/job-descriptions/{id}",
        _description,
        tracked={
            "status": N_("Status"),
            "summary": N_("Job summary"),
            "min_education": N_("Minimum education"),
            "professional_title": N_("Professional title"),
            "training": N_("Training"),
            "certificates": N_("Certificates"),
            "experience": N_("Experience"),
            "leadership": N_("Leadership"),
            "management": N_("Management requirements"),
        },
        choices={"status": _by_value(DESCRIPTION_STATUS_LABELS)},
    ),
    RecordType(
        "hr_employees",
        "/hr/employees/{id}",
        _employee,
        tracked={
            "number": N_("Employee number"),
            "name": N_("Name"),
            "email": N_("Email"),
            "phone": N_("Phone"),
            "hired_on": N_("Hired on"),
            "left_on": N_("Left on"),
            "notes": N_("Notes"),
        },
    ),
    RecordType(
        "hr_appraisal_cycles",
        "/hr/appraisal-cycles/{id}",
        _cycle,
        tracked={
            "name": N_("Name"),
            "status": N_("Status"),
            "starts_on": N_("From"),
            "ends_on": N_("To"),
        },
        choices={"status": _by_value(CYCLE_STATUS_LABELS)},
    ),
]
