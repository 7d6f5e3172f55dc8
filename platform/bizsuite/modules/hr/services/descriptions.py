"""Job descriptions (职务说明书): versions of a position's duties (each with a four-level
performance standard) and job requirements; drafts are edited, submitted to the approval engine
(document type ``hr_job_description``) and, once approved, replace the version in force."""

from __future__ import annotations

import uuid
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import msgspec
from sqlalchemy import func, select

from bizsuite.core import clock
from bizsuite.core.approvals import ApprovalRequest, RequestStatus, SubmittedDocument, submit_document
from bizsuite.core.approvals.services.acting import acting_user_id
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import DescriptionStatus, Duty, JobDescription, Position
from bizsuite.modules.hr.schemas import (
    Ability,
    DutyCreate,
    DutyUpdate,
    DutyView,
    JobDescriptionCreate,
    JobDescriptionFilters,
    JobDescriptionUpdate,
    JobDescriptionView,
    ReviewFlag,
)

#: The approval engine's document type of a job description.
DESCRIPTION_DOCUMENT = "hr_job_description"
#: The category a submission carries: whether its free text names a protected characteristic.
FLAGGED = "protected_terms"
CLEAN = "standard"
#: The requirement fields whose free text is checked for protected characteristics.
TEXT_FIELDS = (
    "summary", "min_education", "professional_title", "training", "certificates", "experience",
    "leadership", "management",
)  # fmt: skip


def _flags(row: JobDescription) -> list[dict[str, Any]]:
    fields: dict[str, str | None] = {name: getattr(row, name) for name in TEXT_FIELDS}
    for i, ability in enumerate(row.abilities or []):
        fields[f"abilities[{i}].name"] = ability.get("name")
    return [
        {"characteristic": t.characteristic, "term": t.term, "field": t.field}
        for t in rules.review_flags(fields)
    ]


def _duty_view(duty: Duty) -> DutyView:
    return DutyView(
        id=duty.id,
        seq=duty.seq,
        content=duty.content,
        function=duty.function,
        excellent=duty.excellent,
        good=duty.good,
        fair=duty.fair,
        poor=duty.poor,
        weight=duty.weight,
    )


async def views(ctx: Context, rows: list[JobDescription]) -> list[JobDescriptionView]:
    """Job descriptions as views, with their positions' names and their duties in order."""
    if not rows:
        return []
    positions = {
        p.id: p
        for p in await ctx.session.scalars(
            select(Position).where(Position.id.in_({r.position_id for r in rows}))
        )
    }
    duties: dict[uuid.UUID, list[Duty]] = {}
    for duty in await ctx.session.scalars(
        select(Duty).where(Duty.job_description_id.in_([r.id for r in rows])).order_by(Duty.seq)
    ):
        duties.setdefault(duty.job_description_id, []).append(duty)
    return [
        JobDescriptionView(
            id=row.id,
            position_id=row.position_id,
            position_code=positions[row.position_id].code,
            position_title=positions[row.position_id].title,
            number=row.number,
            status=row.status,
            summary=row.summary,
            min_education=row.min_education,
            professional_title=row.professional_title,
            training=row.training,
            certificates=row.certificates,
            experience=row.experience,
            abilities=[Ability(name=a["name"], level=a["level"]) for a in row.abilities or []],
            leadership=row.leadership,
            management=row.management,
            duties=[_duty_view(d) for d in duties.get(row.id, [])],
            review_flags=[msgspec.convert(f, ReviewFlag) for f in row.review_flags or []],
            approved_at=row.approved_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            version=row.version,
        )
        for row in rows
    ]


async def description_row(ctx: Context, description_id: uuid.UUID, *, lock: bool = False) -> JobDescription:
    """The job description, or 404 (``lock``: held until the transaction ends)."""
    if lock:
        found = await ctx.session.scalar(
            select(JobDescription).where(JobDescription.id == description_id).with_for_update()
        )
        if found is not None:
            return found
    return await fetch(ctx.session, JobDescription, description_id, what="job description")


async def get_description(ctx: Context, description_id: uuid.UUID) -> JobDescriptionView:
    """One job description version, or 404."""
    return (await views(ctx, [await description_row(ctx, description_id)]))[0]


async def list_descriptions(
    ctx: Context, filters: JobDescriptionFilters, *, limit: int, cursor: str | None
) -> tuple[list[JobDescriptionView], str | None]:
    """Job descriptions, newest first, by position and status."""
    statement = select(JobDescription)
    if filters.position_id is not None:
        statement = statement.where(JobDescription.position_id == filters.position_id)
    if filters.status is not None:
        statement = statement.where(JobDescription.status == filters.status)
    rows, next_cursor = await list_page(
        ctx.session, statement, JobDescription, limit=limit, cursor=cursor, descending=True
    )
    return await views(ctx, list(rows)), next_cursor


def _editable(row: JobDescription) -> None:
    if row.status is not DescriptionStatus.DRAFT:
        raise ConflictProblem(
            f"Only drafts can be edited; this version is {row.status.value}. Revise it instead."
        )


async def _open_version(ctx: Context, position_id: uuid.UUID) -> None:
    found = await ctx.session.scalar(
        select(JobDescription.number).where(
            JobDescription.position_id == position_id,
            JobDescription.status.in_([DescriptionStatus.DRAFT, DescriptionStatus.IN_APPROVAL]),
        )
    )
    if found is not None:
        raise ConflictProblem.for_field(
            "position_id",
            f"version {found} of this position's job description is still a draft or in approval",
        )


def _weight(value: Decimal | None) -> Decimal | None:
    """A duty's weight in percent, to two decimals; above 0 and at most 100 (422 naming ``weight``)."""
    if value is None:
        return None
    if not value.is_finite() or value <= 0 or value > 100:
        raise ValidationProblem.for_field("weight", "the weight is a percentage above 0 and at most 100")
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _duty(description_id: uuid.UUID, seq: int, data: DutyCreate) -> Duty:
    return Duty(
        job_description_id=description_id,
        seq=seq,
        content=data.content,
        function=data.function,
        excellent=data.excellent,
        good=data.good,
        fair=data.fair,
        poor=data.poor,
        weight=_weight(data.weight),
    )


async def create_description(ctx: Context, data: JobDescriptionCreate) -> JobDescriptionView:
    """Write a new version (a draft) of a position's job description; one open version at a time."""
    await fetch_reference(ctx.session, Position, data.position_id, field="position_id")
    await _open_version(ctx, data.position_id)
    numbers = await ctx.session.scalars(
        select(JobDescription.number).where(JobDescription.position_id == data.position_id)
    )
    row = JobDescription(
        position_id=data.position_id,
        number=rules.next_number(numbers),
        status=DescriptionStatus.DRAFT,
        summary=data.summary,
        min_education=data.min_education,
        professional_title=data.professional_title,
        training=data.training,
        certificates=data.certificates,
        experience=data.experience,
        abilities=[msgspec.to_builtins(a) for a in data.abilities],
        leadership=data.leadership,
        management=data.management,
    )
    row.review_flags = _flags(row)
    ctx.session.add(row)
    await ctx.session.flush()
    for seq, duty in enumerate(data.duties, start=1):
        ctx.session.add(_duty(row.id, seq, duty))
    await ctx.session.flush()
    ctx.audit("hr.job_description.created", row, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def revise_description(ctx: Context, description_id: uuid.UUID) -> JobDescriptionView:
    """A new draft version copying this one's duties and requirements."""
    source = await description_row(ctx, description_id)
    await _open_version(ctx, source.position_id)
    duties = list(
        await ctx.session.scalars(select(Duty).where(Duty.job_description_id == source.id).order_by(Duty.seq))
    )
    numbers = await ctx.session.scalars(
        select(JobDescription.number).where(JobDescription.position_id == source.position_id)
    )
    row = JobDescription(
        position_id=source.position_id,
        number=rules.next_number(numbers),
        status=DescriptionStatus.DRAFT,
        **{name: getattr(source, name) for name in TEXT_FIELDS},
        abilities=list(source.abilities or []),
        review_flags=list(source.review_flags or []),
    )
    ctx.session.add(row)
    await ctx.session.flush()
    for duty in duties:
        ctx.session.add(
            Duty(
                job_description_id=row.id,
                seq=duty.seq,
                content=duty.content,
                function=duty.function,
                excellent=duty.excellent,
                good=duty.good,
                fair=duty.fair,
                poor=duty.poor,
                weight=duty.weight,
            )
        )
    await ctx.session.flush()
    ctx.audit("hr.job_description.created", row, after={**snapshot(row), "revises": str(source.id)})
    return (await views(ctx, [row]))[0]


async def update_description(
    ctx: Context, description_id: uuid.UUID, data: JobDescriptionUpdate, if_match: str | None
) -> JobDescriptionView:
    """Change a draft's summary and requirements (``If-Match``); the review flags are worked out again."""
    row = await description_row(ctx, description_id)
    check_version(row, if_match)
    _editable(row)
    before = snapshot(row)
    for name in TEXT_FIELDS:
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(row, name, value)
    if not isinstance(data.abilities, msgspec.UnsetType):
        row.abilities = [msgspec.to_builtins(a) for a in data.abilities]
    row.review_flags = _flags(row)
    await ctx.session.flush()
    ctx.audit("hr.job_description.updated", row, before=before, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def _touch(ctx: Context, row: JobDescription, if_match: str | None) -> None:
    """A duty change is a change of its description: version checked and bumped."""
    check_version(row, if_match)
    _editable(row)
    row.updated_at = clock.now(ctx)  # the description changes with its duties: its version grows


async def add_duty(
    ctx: Context, description_id: uuid.UUID, data: DutyCreate, if_match: str | None
) -> JobDescriptionView:
    """Add a duty item at the end of a draft (numbered next)."""
    row = await description_row(ctx, description_id, lock=True)
    await _touch(ctx, row, if_match)
    last = await ctx.session.scalar(select(func.max(Duty.seq)).where(Duty.job_description_id == row.id))
    duty = _duty(row.id, (last or 0) + 1, data)
    ctx.session.add(duty)
    await ctx.session.flush()
    ctx.audit("hr.duty.created", duty, after=snapshot(duty))
    return (await views(ctx, [row]))[0]


async def _duty_row(ctx: Context, row: JobDescription, duty_id: uuid.UUID) -> Duty:
    duty = await ctx.session.scalar(select(Duty).where(Duty.id == duty_id, Duty.job_description_id == row.id))
    if duty is None:
        raise NotFoundProblem(f"No duty with id {duty_id} in this job description.")
    return duty


async def _renumber(ctx: Context, row: JobDescription, order: list[Duty]) -> None:
    numbers = rules.renumbered([d.id for d in order])
    for duty in order:
        duty.seq = numbers[duty.id]
    await ctx.session.flush()


async def update_duty(
    ctx: Context, description_id: uuid.UUID, duty_id: uuid.UUID, data: DutyUpdate, if_match: str | None
) -> JobDescriptionView:
    """Change a duty item of a draft; a new ``seq`` moves it (the others are renumbered)."""
    row = await description_row(ctx, description_id, lock=True)
    duty = await _duty_row(ctx, row, duty_id)
    await _touch(ctx, row, if_match)
    before = snapshot(duty)
    for name in ("content", "function", "excellent", "good", "fair", "poor"):
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(duty, name, value)
    if not isinstance(data.weight, msgspec.UnsetType):
        duty.weight = _weight(data.weight)
    if not isinstance(data.seq, msgspec.UnsetType):
        order = [
            d
            for d in await ctx.session.scalars(
                select(Duty).where(Duty.job_description_id == row.id).order_by(Duty.seq)
            )
            if d.id != duty.id
        ]
        order.insert(min(data.seq, len(order) + 1) - 1, duty)
        await _renumber(ctx, row, order)
    await ctx.session.flush()
    ctx.audit("hr.duty.updated", duty, before=before, after=snapshot(duty))
    return (await views(ctx, [row]))[0]


async def delete_duty(
    ctx: Context, description_id: uuid.UUID, duty_id: uuid.UUID, if_match: str | None
) -> JobDescriptionView:
    """Remove a duty item of a draft; the others are renumbered 1, 2, ..."""
    row = await description_row(ctx, description_id, lock=True)
    duty = await _duty_row(ctx, row, duty_id)
    await _touch(ctx, row, if_match)
    ctx.audit("hr.duty.deleted", duty, before=snapshot(duty))
    await ctx.session.delete(duty)
    await ctx.session.flush()
    order = list(
        await ctx.session.scalars(select(Duty).where(Duty.job_description_id == row.id).order_by(Duty.seq))
    )
    await _renumber(ctx, row, order)
    return (await views(ctx, [row]))[0]


async def submit_description(
    ctx: Context, description_id: uuid.UUID, if_match: str | None
) -> JobDescriptionView:
    """Submit a draft to the approval engine (``If-Match``), at its position's org unit. The
    category says whether its text names a protected characteristic (``protected_terms``) or not
    (``standard``), so a tenant can route flagged ones to a reviewer."""
    row = await description_row(ctx, description_id, lock=True)
    check_version(row, if_match)
    _editable(row)
    count = await ctx.session.scalar(select(func.count(Duty.id)).where(Duty.job_description_id == row.id))
    if not count:
        raise ConflictProblem("A job description needs at least one duty item before it is submitted.")
    position = await fetch(ctx.session, Position, row.position_id, what="position")
    author = await acting_user_id(ctx)
    if author is None:
        raise ForbiddenProblem(
            "Job descriptions are submitted by a person: sign in, or use an API key created by a member."
        )
    before = snapshot(row)
    await submit_document(
        ctx,
        SubmittedDocument(
            document_type=DESCRIPTION_DOCUMENT,
            document_id=row.id,
            title=f"{position.code} {position.title} v{row.number}",
            org_unit_id=position.org_unit_id,
            author_id=author,
            category=FLAGGED if row.review_flags else CLEAN,
        ),
    )
    row.status = DescriptionStatus.IN_APPROVAL
    await ctx.session.flush()
    ctx.audit("hr.job_description.submitted", row, before=before, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def on_description_decided(ctx: Context, request: ApprovalRequest) -> None:
    """The approval engine's callback: approved → in force (the previous approved version is
    superseded); rejected or withdrawn → back to draft."""
    row = await description_row(ctx, request.document_id, lock=True)
    if row.status is not DescriptionStatus.IN_APPROVAL:
        return
    before = snapshot(row)
    if request.status is RequestStatus.APPROVED:
        for older in await ctx.session.scalars(
            select(JobDescription).where(
                JobDescription.position_id == row.position_id,
                JobDescription.status == DescriptionStatus.APPROVED,
                JobDescription.id != row.id,
            )
        ):
            older_before = snapshot(older)
            older.status = DescriptionStatus.SUPERSEDED
            ctx.audit("hr.job_description.superseded", older, before=older_before, after=snapshot(older))
        row.status = DescriptionStatus.APPROVED
        row.approved_at = clock.now(ctx)
    else:
        row.status = DescriptionStatus.DRAFT
    await ctx.session.flush()
    ctx.audit("hr.job_description.decided", row, before=before, after=snapshot(row))
