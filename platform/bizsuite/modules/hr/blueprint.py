"""The ``[hr]`` table of a blueprint: positions (with reports-to and paths by code), their job
descriptions (duties with four-level standards, requirements) and employees with their
assignments; the job-analysis questionnaire and campaigns; appraisal cycles with their scored
appraisals. Created when missing (applying twice writes nothing the second time)."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date
from decimal import Decimal

import msgspec
from sqlalchemy import func, select

from bizsuite.core import clock
from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintSection, SectionError
from bizsuite.core.context import Context, snapshot
from bizsuite.core.identity.blueprint import emails_in
from bizsuite.core.identity.models import Membership, User
from bizsuite.core.org_units.blueprint import org_units_in
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalLevel,
    AppraisalScore,
    Assignment,
    Campaign,
    CampaignStatus,
    CycleStatus,
    DescriptionStatus,
    Dimension,
    Duty,
    Employee,
    GradeBand,
    JobDescription,
    PathKind,
    Position,
    PositionCategory,
    PositionPath,
    Question,
    Rater,
    RaterRole,
    Rating,
    ScoreRater,
)
from bizsuite.modules.hr.schemas import Code, Name
from bizsuite.modules.hr.services.appraisals import enrol
from bizsuite.modules.hr.services.descriptions import TEXT_FIELDS


class DutySpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A duty item with its four-level standard."""

    content: str
    excellent: str
    good: str
    fair: str
    poor: str
    function: str | None = None
    weight: Decimal | None = None


class AbilitySpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A required ability and its level (1-5)."""

    name: str
    level: int


class DescriptionSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A job description version of a position (the blueprint's are approved unless ``draft``)."""

    status: DescriptionStatus = DescriptionStatus.APPROVED
    summary: str | None = None
    min_education: str | None = None
    professional_title: str | None = None
    training: str | None = None
    certificates: str | None = None
    experience: str | None = None
    leadership: str | None = None
    management: str | None = None
    abilities: list[AbilitySpec] = msgspec.field(default_factory=list)
    duties: list[DutySpec] = msgspec.field(default_factory=list)


class PositionSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A position (by code) under an org unit code, reporting to another position's code."""

    code: Code
    title: Name
    category: PositionCategory
    org_unit: str
    headcount: int
    reports_to: str | None = None
    pay_grade: str | None = None
    pay_level: str | None = None
    promotes_to: list[str] = msgspec.field(default_factory=list)
    lateral: list[str] = msgspec.field(default_factory=list)
    can_fill: list[str] = msgspec.field(default_factory=list)
    description: DescriptionSpec | None = None


class AssignmentSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A position held from a day (to a day, or still)."""

    position: str
    starts_on: date
    ends_on: date | None = None


class PersonalSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An employee's personal data (seen only by HR, the employee and their line managers)."""

    birth_date: date | None = None
    id_number: str | None = None
    personal_phone: str | None = None
    home_address: str | None = None
    emergency_contact: str | None = None
    emergency_phone: str | None = None


class EmployeeSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An employee (by number) and the positions they held, oldest first; ``user`` is the email
    of the blueprint's member who is this employee (their own sign-in)."""

    number: Code
    name: Name
    org_unit: str | None = None
    hired_on: date | None = None
    email: str | None = None
    user: str | None = None
    personal: PersonalSpec | None = None
    assignments: list[AssignmentSpec] = msgspec.field(default_factory=list)


class QuestionSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A questionnaire item (by code) in one of the six dimensions."""

    code: Code
    dimension: Dimension
    text: str


class BandSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A row of the points-to-grade table."""

    min_points: Decimal
    grade: str


class RaterSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A rater and their answers: question code → [need, importance, contribution]."""

    name: str
    role: RaterRole
    ratings: dict[str, list[int]] = msgspec.field(default_factory=dict)


class CampaignSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A job-analysis campaign (by title) of a position."""

    title: str
    position: str
    raters: list[RaterSpec]
    due_on: date | None = None
    closed: bool = False


class AppraisalSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An employee's appraisal (by number): the levels of their position's duties in order, by
    themselves (``self``) and by their manager, and HR's calibrated level with its reason."""

    employee: str
    self: list[AppraisalLevel] = msgspec.field(default_factory=list)
    manager: list[AppraisalLevel] = msgspec.field(default_factory=list)
    final_level: AppraisalLevel | None = None
    final_reason: str | None = None


class CycleSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An appraisal cycle (by name): its period, scope (an org unit code, or everyone with a
    position) and status; an open or closed one enrols everyone in scope, then the appraisals
    listed get their scores."""

    name: str
    starts_on: date
    ends_on: date
    org_unit: str | None = None
    status: CycleStatus = CycleStatus.DRAFT
    appraisals: list[AppraisalSpec] = msgspec.field(default_factory=list)


class HrSection(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[hr]``."""

    positions: list[PositionSpec] = msgspec.field(default_factory=list)
    employees: list[EmployeeSpec] = msgspec.field(default_factory=list)
    questions: list[QuestionSpec] = msgspec.field(default_factory=list)
    grade_table: list[BandSpec] = msgspec.field(default_factory=list)
    campaigns: list[CampaignSpec] = msgspec.field(default_factory=list)
    appraisal_cycles: list[CycleSpec] = msgspec.field(default_factory=list)


def _check_cycles(section: HrSection, units: set[str]) -> None:
    duties = {p.code: len(p.description.duties) for p in section.positions if p.description is not None}
    employees = {e.number: e for e in section.employees}
    for i, c in enumerate(section.appraisal_cycles):
        if c.ends_on < c.starts_on:
            raise SectionError(f"appraisal_cycles[{i}].ends_on", "the period ends before it starts")
        if c.org_unit is not None and c.org_unit not in units:
            raise SectionError(f"appraisal_cycles[{i}].org_unit", f"no org unit with code {c.org_unit!r}")
        if c.appraisals and c.status is CycleStatus.DRAFT:
            raise SectionError(f"appraisal_cycles[{i}].appraisals", "a draft cycle has no appraisals yet")
        for j, a in enumerate(c.appraisals):
            where = f"appraisal_cycles[{i}].appraisals[{j}]"
            employee = employees.get(a.employee)
            if employee is None:
                raise SectionError(f"{where}.employee", f"no employee with number {a.employee!r}")
            held = [
                x.position for x in employee.assignments if rules.holds_on(x.starts_on, x.ends_on, c.ends_on)
            ]
            if not held:
                raise SectionError(
                    f"{where}.employee", f"{a.employee} holds no position on {c.ends_on.isoformat()}"
                )
            for rater in ("self", "manager"):
                if len(getattr(a, rater)) > duties.get(held[-1], 0):
                    raise SectionError(f"{where}.{rater}", f"more levels than {held[-1]}'s duties")
            if a.final_level is not None and not (a.final_reason or "").strip():
                raise SectionError(f"{where}.final_reason", "a final level needs its reason")


def check(blueprint: Blueprint, section: HrSection) -> None:
    """References inside ``[hr]`` and to the blueprint's org units; no loops."""
    units = {unit.code for unit in org_units_in(blueprint)}
    codes = {p.code for p in section.positions}
    for i, p in enumerate(section.positions):
        if p.org_unit not in units:
            raise SectionError(f"positions[{i}].org_unit", f"no org unit with code {p.org_unit!r}")
        for name in ("reports_to",):
            value = getattr(p, name)
            if value is not None and value not in codes:
                raise SectionError(f"positions[{i}].{name}", f"no position with code {value!r}")
        for name in ("promotes_to", "lateral", "can_fill"):
            for code in getattr(p, name):
                if code not in codes or code == p.code:
                    raise SectionError(f"positions[{i}].{name}", f"no other position with code {code!r}")
    for name, edges in (
        ("reports_to", {p.code: [p.reports_to] for p in section.positions if p.reports_to}),
        ("promotes_to", {p.code: list(p.promotes_to) for p in section.positions}),
    ):
        loop = rules.find_cycle(edges)
        if loop is not None:
            raise SectionError(f"positions.{name}", "loop: " + " → ".join(loop))
    members = emails_in(blueprint)
    linked: set[str] = set()
    for i, e in enumerate(section.employees):
        if e.org_unit is not None and e.org_unit not in units:
            raise SectionError(f"employees[{i}].org_unit", f"no org unit with code {e.org_unit!r}")
        if e.user is not None:
            if e.user.lower() not in members:
                raise SectionError(f"employees[{i}].user", f"no member with email {e.user!r}")
            if e.user.lower() in linked:
                raise SectionError(f"employees[{i}].user", f"{e.user!r} is already another employee's")
            linked.add(e.user.lower())
        spans: list[rules.Span] = []
        for j, a in enumerate(e.assignments):
            if a.position not in codes:
                raise SectionError(f"employees[{i}].assignments[{j}].position", f"no position {a.position!r}")
            plan = rules.plan_assignment(spans, a.starts_on, a.ends_on)
            if plan.problem is not None or plan.closes is not None:
                raise SectionError(
                    f"employees[{i}].assignments[{j}]", plan.problem or "give the earlier one an end"
                )
            spans.append(rules.Span(j, a.starts_on, a.ends_on))
    questions = {q.code for q in section.questions}
    for i, c in enumerate(section.campaigns):
        if c.position not in codes:
            raise SectionError(f"campaigns[{i}].position", f"no position with code {c.position!r}")
        for j, rater in enumerate(c.raters):
            for code, values in rater.ratings.items():
                if code not in questions:
                    raise SectionError(
                        f"campaigns[{i}].raters[{j}].ratings", f"no question with code {code!r}"
                    )
                if len(values) != 3 or not all(1 <= v <= 5 for v in values):
                    raise SectionError(
                        f"campaigns[{i}].raters[{j}].ratings",
                        "need, importance and contribution, each 1 to 5",
                    )
    _check_cycles(section, units)


async def apply(outer: Context, section: HrSection, report: ApplyReport) -> None:
    """Create what is missing."""
    ctx = dataclasses.replace(outer, principal=dataclasses.replace(outer.principal, tenant=report.tenant))
    session = ctx.session
    units = dict((await session.execute(select(OrgUnit.code, OrgUnit.id))).all())
    positions = {p.code: p for p in await session.scalars(select(Position))}
    made: list[PositionSpec] = []
    for spec in section.positions:
        if spec.code in positions:
            continue
        row = Position(
            code=spec.code,
            title=spec.title,
            category=spec.category,
            org_unit_id=units[spec.org_unit],
            headcount=spec.headcount,
            pay_grade=spec.pay_grade,
            pay_level=spec.pay_level,
        )
        session.add(row)
        await session.flush()
        positions[spec.code] = row
        made.append(spec)
        ctx.audit("hr.position.created", row, after=snapshot(row))
        report.created.append(f"position {spec.code}")
    for spec in made:
        row = positions[spec.code]
        if spec.reports_to:
            row.reports_to_id = positions[spec.reports_to].id
        for kind, targets in (
            (PathKind.PROMOTES_TO, spec.promotes_to),
            (PathKind.LATERAL, spec.lateral),
            (PathKind.CAN_FILL, spec.can_fill),
        ):
            for code in targets:
                session.add(PositionPath(position_id=row.id, target_id=positions[code].id, kind=kind))
        if spec.description is not None:
            await _description(ctx, row, spec.description)
    await session.flush()
    employees = set(await session.scalars(select(Employee.number)))
    users: dict[str, uuid.UUID] = dict(
        (
            await session.execute(
                select(func.lower(User.email), User.id).join(Membership, Membership.user_id == User.id)
            )
        ).all()
    )
    for e in section.employees:
        if e.number in employees:
            continue
        employee = Employee(
            number=e.number,
            name=e.name,
            org_unit_id=units[e.org_unit] if e.org_unit else None,
            hired_on=e.hired_on,
            email=e.email,
            user_id=users.get(e.user.lower()) if e.user else None,
            **{n: getattr(e.personal, n) for n in rules.PERSONAL_FIELDS} if e.personal else {},
        )
        session.add(employee)
        await session.flush()
        ctx.audit("hr.employee.created", employee, after=snapshot(employee))
        for a in e.assignments:
            session.add(
                Assignment(
                    employee_id=employee.id,
                    position_id=positions[a.position].id,
                    starts_on=a.starts_on,
                    ends_on=a.ends_on,
                )
            )
        report.created.append(f"employee {e.number}")
    await session.flush()
    await _questionnaire(ctx, section, positions, report)
    await _cycles(ctx, section, units, report)


async def _cycles(ctx: Context, section: HrSection, units: dict[str, uuid.UUID], report: ApplyReport) -> None:
    session = ctx.session
    names = set(await session.scalars(select(AppraisalCycle.name)))
    employees = dict((await session.execute(select(Employee.number, Employee.id))).all())
    for c in section.appraisal_cycles:
        if c.name in names:
            continue
        now = clock.now(ctx)
        cycle = AppraisalCycle(
            name=c.name,
            starts_on=c.starts_on,
            ends_on=c.ends_on,
            org_unit_id=units[c.org_unit] if c.org_unit else None,
            status=c.status,
            opened_at=now if c.status is not CycleStatus.DRAFT else None,
            closed_at=now if c.status is CycleStatus.CLOSED else None,
        )
        session.add(cycle)
        await session.flush()
        ctx.audit("hr.appraisal_cycle.created", cycle, after=snapshot(cycle))
        if c.status is not CycleStatus.DRAFT:
            await enrol(ctx, cycle)
        for a in c.appraisals:
            appraisal = await _appraisal(ctx, cycle, employees[a.employee])
            duties = (
                list(
                    await session.scalars(
                        select(Duty.id)
                        .where(Duty.job_description_id == appraisal.job_description_id)
                        .order_by(Duty.seq)
                    )
                )
                if appraisal.job_description_id
                else []
            )
            for rater, levels in ((ScoreRater.SELF, a.self), (ScoreRater.MANAGER, a.manager)):
                for duty_id, level in zip(duties, levels, strict=False):
                    session.add(
                        AppraisalScore(appraisal_id=appraisal.id, duty_id=duty_id, rater=rater, level=level)
                    )
            appraisal.final_level = a.final_level
            appraisal.final_reason = a.final_reason if a.final_level else None
            await session.flush()
            ctx.audit(
                "hr.appraisal.scored",
                appraisal,
                after={"self": [x.value for x in a.self], "manager": [x.value for x in a.manager]},
            )
        report.created.append(f"appraisal cycle {c.name}")


async def _appraisal(ctx: Context, cycle: AppraisalCycle, employee_id: uuid.UUID) -> Appraisal:
    """The employee's appraisal in the cycle: enrolled when they were in scope today, else made
    for the position they held at the end of the cycle."""
    found = await ctx.session.scalar(
        select(Appraisal).where(Appraisal.cycle_id == cycle.id, Appraisal.employee_id == employee_id)
    )
    if found is not None:
        return found
    held = await ctx.session.scalar(
        select(Assignment.position_id)
        .where(
            Assignment.employee_id == employee_id,
            Assignment.starts_on <= cycle.ends_on,
            (Assignment.ends_on.is_(None)) | (Assignment.ends_on >= cycle.ends_on),
        )
        .order_by(Assignment.starts_on.desc())
        .limit(1)
    )
    assert held is not None  # the section's check saw the assignment
    description = await ctx.session.scalar(
        select(JobDescription.id).where(
            JobDescription.position_id == held, JobDescription.status == DescriptionStatus.APPROVED
        )
    )
    row = Appraisal(
        cycle_id=cycle.id, employee_id=employee_id, position_id=held, job_description_id=description
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("hr.appraisal.created", row, after=snapshot(row))
    return row


async def _questionnaire(
    ctx: Context, section: HrSection, positions: dict[str, Position], report: ApplyReport
) -> None:
    session = ctx.session
    questions = {q.code: q for q in await session.scalars(select(Question))}
    for spec in section.questions:
        if spec.code in questions:
            continue
        question = Question(code=spec.code, dimension=spec.dimension, text=spec.text)
        session.add(question)
        questions[spec.code] = question
        report.created.append(f"question {spec.code}")
    if section.grade_table and await session.scalar(select(GradeBand.id).limit(1)) is None:
        for band in section.grade_table:
            session.add(GradeBand(min_points=band.min_points, grade=band.grade))
        report.created.append("grade table")
    await session.flush()
    titles = set(await session.scalars(select(Campaign.title)))
    for c in section.campaigns:
        if c.title in titles:
            continue
        campaign = Campaign(
            position_id=positions[c.position].id,
            title=c.title,
            due_on=c.due_on,
            status=CampaignStatus.CLOSED if c.closed else CampaignStatus.OPEN,
        )
        session.add(campaign)
        await session.flush()
        for r in c.raters:
            rater = Rater(
                campaign_id=campaign.id,
                name=r.name,
                role=r.role,
                responded_at=clock.now(ctx) if r.ratings else None,
            )
            session.add(rater)
            await session.flush()
            for code, (need, importance, contribution) in r.ratings.items():
                session.add(
                    Rating(
                        rater_id=rater.id,
                        question_id=questions[code].id,
                        need=need,
                        importance=importance,
                        contribution=contribution,
                    )
                )
        await session.flush()
        ctx.audit("hr.campaign.created", campaign, after=snapshot(campaign))
        report.created.append(f"campaign {c.title}")


async def _description(ctx: Context, position: Position, spec: DescriptionSpec) -> None:
    row = JobDescription(
        position_id=position.id,
        number=1,
        status=spec.status,
        **{name: getattr(spec, name) for name in TEXT_FIELDS},
        abilities=[{"name": a.name, "level": a.level} for a in spec.abilities],
        approved_at=clock.now(ctx) if spec.status is DescriptionStatus.APPROVED else None,
    )
    fields: dict[str, str | None] = {name: getattr(spec, name) for name in TEXT_FIELDS}
    row.review_flags = [
        {"characteristic": t.characteristic, "term": t.term, "field": t.field}
        for t in rules.review_flags(fields)
    ]
    ctx.session.add(row)
    await ctx.session.flush()
    for seq, duty in enumerate(spec.duties, start=1):
        ctx.session.add(
            Duty(
                job_description_id=row.id,
                seq=seq,
                content=duty.content,
                function=duty.function,
                excellent=duty.excellent,
                good=duty.good,
                fair=duty.fair,
                poor=duty.poor,
                weight=duty.weight,
            )
        )
    ctx.audit("hr.job_description.created", row, after=snapshot(row))


SECTION = BlueprintSection(spec=HrSection, apply=apply, check=check)
