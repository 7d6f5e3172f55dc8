"""HR tables (人力资源: 职务分析): positions and their paths, job descriptions with duty items,
employees and their assignments to positions.

Every table is tenant-scoped with a ``(tenant_id, id)`` key and composite foreign keys; the
migrations are ``migrations/versions/0019_hr.py`` and ``0027_hr_round.py``.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, values_callable=lambda e: [m.value for m in e])


class PositionCategory(enum.StrEnum):
    """A position's category (职务类别)."""

    MANAGEMENT = "management"
    PROFESSIONAL = "professional"
    TECHNICAL = "technical"
    SALES = "sales"
    OPERATIONS = "operations"
    SUPPORT = "support"


class PathKind(enum.StrEnum):
    """A path from one position to another: promotion (直接升迁), lateral move (可相互转换), or
    another position its holder can fill (其它可担任的职务)."""

    PROMOTES_TO = "promotes_to"
    LATERAL = "lateral"
    CAN_FILL = "can_fill"


class DescriptionStatus(enum.StrEnum):
    """Where a job description version stands."""

    DRAFT = "draft"
    IN_APPROVAL = "in_approval"
    APPROVED = "approved"
    SUPERSEDED = "superseded"


class Position(TenantScoped, Timestamped, Versioned, Base):
    """A position (职务): code, title, category, org unit, reports-to, headcount (定员), pay grade."""

    __tablename__ = "hr_positions"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        tenant_fk("reports_to_id", "hr_positions.id"),
        UniqueConstraint("tenant_id", "code", name="uq_hr_positions_code"),
        Index("ix_hr_positions_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_hr_positions_reports_to", "tenant_id", "reports_to_id"),
        CheckConstraint("headcount >= 0", name="headcount_not_negative"),
        CheckConstraint("reports_to_id IS NULL OR reports_to_id <> id", name="not_own_manager"),
    )

    code: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[PositionCategory] = mapped_column(_enum(PositionCategory, "hr_position_category"))
    org_unit_id: Mapped[uuid.UUID]
    reports_to_id: Mapped[uuid.UUID | None]
    headcount: Mapped[int] = mapped_column(Integer)
    pay_grade: Mapped[str | None] = mapped_column(String(20))
    pay_level: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)


class PositionPath(TenantScoped, Base):
    """A path from a position to another (promotion, lateral move, other position it can fill)."""

    __tablename__ = "hr_position_paths"
    __table_args__ = (
        tenant_fk("position_id", "hr_positions.id", ondelete="CASCADE"),
        tenant_fk("target_id", "hr_positions.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "position_id", "kind", "target_id", name="uq_hr_position_paths"),
        Index("ix_hr_position_paths_target", "tenant_id", "target_id"),
        CheckConstraint("position_id <> target_id", name="not_to_itself"),
    )

    position_id: Mapped[uuid.UUID]
    target_id: Mapped[uuid.UUID]
    kind: Mapped[PathKind] = mapped_column(_enum(PathKind, "hr_path_kind"))


class JobDescription(TenantScoped, Timestamped, Versioned, Base):
    """One version of a position's job description (职务说明书): duties and job requirements."""

    __tablename__ = "hr_job_descriptions"
    __table_args__ = (
        tenant_fk("position_id", "hr_positions.id"),
        UniqueConstraint("tenant_id", "position_id", "number", name="uq_hr_job_descriptions_number"),
        Index("ix_hr_job_descriptions_tenant_created", "tenant_id", "created_at", "id"),
    )

    position_id: Mapped[uuid.UUID]
    #: The version: 1, 2, ... per position.
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[DescriptionStatus] = mapped_column(
        _enum(DescriptionStatus, "hr_description_status"),
        default=DescriptionStatus.DRAFT,
        server_default=DescriptionStatus.DRAFT.value,
    )
    summary: Mapped[str | None] = mapped_column(Text)
    # Job requirements (职务要求). Protected characteristics are deliberately not fields.
    min_education: Mapped[str | None] = mapped_column(String(200))
    professional_title: Mapped[str | None] = mapped_column(String(200))
    training: Mapped[str | None] = mapped_column(Text)
    certificates: Mapped[str | None] = mapped_column(Text)
    experience: Mapped[str | None] = mapped_column(Text)
    #: Required abilities and their levels: ``[{"name": ..., "level": 1-5}]``.
    abilities: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list, server_default="[]")
    leadership: Mapped[str | None] = mapped_column(Text)
    management: Mapped[str | None] = mapped_column(Text)
    #: Protected characteristics named in the free text (for review): ``[{characteristic, term, field}]``.
    review_flags: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list, server_default="[]")
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Duty(TenantScoped, Timestamped, Base):
    """A numbered duty item: content, function and its performance standard at four levels."""

    __tablename__ = "hr_duties"
    __table_args__ = (
        tenant_fk("job_description_id", "hr_job_descriptions.id", ondelete="CASCADE"),
        Index("ix_hr_duties_description", "tenant_id", "job_description_id", "seq"),
        CheckConstraint("weight IS NULL OR (weight > 0 AND weight <= 100)", name="weight_range"),
    )

    job_description_id: Mapped[uuid.UUID]
    seq: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    function: Mapped[str | None] = mapped_column(Text)
    excellent: Mapped[str] = mapped_column(Text)
    good: Mapped[str] = mapped_column(Text)
    fair: Mapped[str] = mapped_column(Text)
    poor: Mapped[str] = mapped_column(Text)
    #: Share of the job in percent (for appraisals' weighted roll-up); optional.
    weight: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))


class Employee(TenantScoped, Timestamped, Versioned, Base):
    """An employee (员工): number, name, org unit, work contact, hire and leaving dates, their own
    sign-in, and personal data (shown only to HR, the employee and their line managers)."""

    __tablename__ = "hr_employees"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        UniqueConstraint("tenant_id", "number", name="uq_hr_employees_number"),
        Index("ix_hr_employees_tenant_created", "tenant_id", "created_at", "id"),
        Index(
            "uq_hr_employees_tenant_user",
            "tenant_id",
            "user_id",
            unique=True,
            postgresql_where=text("user_id IS NOT NULL"),
        ),
    )

    number: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    org_unit_id: Mapped[uuid.UUID | None]
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    hired_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    #: The employee's own sign-in (a member of the tenant): they see their own personal data, and
    #: as a line manager their reports'; job-analysis invitations reach them in their inbox.
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    # Personal data (个人资料): never in lists, exports or search; see ``rules.personal_access``.
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(50))
    personal_phone: Mapped[str | None] = mapped_column(String(50))
    home_address: Mapped[str | None] = mapped_column(Text)
    emergency_contact: Mapped[str | None] = mapped_column(String(200))
    emergency_phone: Mapped[str | None] = mapped_column(String(50))


class Assignment(TenantScoped, Timestamped, Base):
    """An employee holding a position from ``starts_on`` to ``ends_on`` (inclusive; open when null)."""

    __tablename__ = "hr_assignments"
    __table_args__ = (
        tenant_fk("employee_id", "hr_employees.id"),
        tenant_fk("position_id", "hr_positions.id"),
        Index("ix_hr_assignments_employee", "tenant_id", "employee_id", "starts_on"),
        Index("ix_hr_assignments_position", "tenant_id", "position_id"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates_in_order"),
    )

    employee_id: Mapped[uuid.UUID]
    position_id: Mapped[uuid.UUID]
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class Dimension(enum.StrEnum):
    """The six dimensions of the job-analysis questionnaire (职务分析问卷)."""

    INFORMATION_INPUT = "information_input"
    MENTAL_PROCESSES = "mental_processes"
    INTERPERSONAL = "interpersonal"
    WORK_CONTEXT = "work_context"
    OTHER_ASPECTS = "other_aspects"
    CRITICALITY = "criticality"


class RaterRole(enum.StrEnum):
    """Who rates: someone in the position (任职者) or their manager (主管)."""

    INCUMBENT = "incumbent"
    MANAGER = "manager"


class CampaignStatus(enum.StrEnum):
    """A job-analysis campaign collects ratings while open."""

    OPEN = "open"
    CLOSED = "closed"


class Question(TenantScoped, Timestamped, Base):
    """An item of the tenant's job-analysis questionnaire, in one of the six dimensions."""

    __tablename__ = "hr_questions"
    __table_args__ = (
        UniqueConstraint("tenant_id", "code", name="uq_hr_questions_code"),
        Index("ix_hr_questions_tenant_created", "tenant_id", "created_at", "id"),
    )

    code: Mapped[str] = mapped_column(String(50))
    dimension: Mapped[Dimension] = mapped_column(_enum(Dimension, "hr_dimension"))
    text: Mapped[str] = mapped_column(Text)


class GradeBand(TenantScoped, Base):
    """A row of the tenant's points-to-grade table: from ``min_points`` up, the grade."""

    __tablename__ = "hr_grade_bands"
    __table_args__ = (UniqueConstraint("tenant_id", "min_points", name="uq_hr_grade_bands_min_points"),)

    min_points: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    grade: Mapped[str] = mapped_column(String(20))


class Campaign(TenantScoped, Timestamped, Versioned, Base):
    """A job-analysis campaign for a position: raters invited, ratings collected, results."""

    __tablename__ = "hr_campaigns"
    __table_args__ = (
        tenant_fk("position_id", "hr_positions.id"),
        Index("ix_hr_campaigns_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_hr_campaigns_position", "tenant_id", "position_id"),
        CheckConstraint("remind_days BETWEEN 0 AND 60", name="remind_days_range"),
    )

    position_id: Mapped[uuid.UUID]
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    #: How many days before ``due_on`` raters who have not answered are reminded.
    remind_days: Mapped[int] = mapped_column(SmallInteger, default=2, server_default=text("2"))
    status: Mapped[CampaignStatus] = mapped_column(
        _enum(CampaignStatus, "hr_campaign_status"),
        default=CampaignStatus.OPEN,
        server_default=CampaignStatus.OPEN.value,
    )


class Rater(TenantScoped, Timestamped, Base):
    """Someone invited to rate a campaign's questionnaire, as an incumbent or a manager."""

    __tablename__ = "hr_raters"
    __table_args__ = (
        tenant_fk("campaign_id", "hr_campaigns.id", ondelete="CASCADE"),
        tenant_fk("employee_id", "hr_employees.id"),
        UniqueConstraint("tenant_id", "campaign_id", "name", name="uq_hr_raters_name"),
    )

    campaign_id: Mapped[uuid.UUID]
    employee_id: Mapped[uuid.UUID | None]
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[RaterRole] = mapped_column(_enum(RaterRole, "hr_rater_role"))
    responded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Who answers for this rater when signed in: the named member, or the employee's sign-in.
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    #: When the inbox invitation and the reminder before the due day went out (tenant clock).
    invited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Rating(TenantScoped, Base):
    """A rater's ratings of one questionnaire item: need, importance, contribution (1-5)."""

    __tablename__ = "hr_ratings"
    __table_args__ = (
        tenant_fk("rater_id", "hr_raters.id", ondelete="CASCADE"),
        tenant_fk("question_id", "hr_questions.id"),
        UniqueConstraint("tenant_id", "rater_id", "question_id", name="uq_hr_ratings_question"),
        CheckConstraint(
            "need BETWEEN 1 AND 5 AND importance BETWEEN 1 AND 5 AND contribution BETWEEN 1 AND 5",
            name="scale_range",
        ),
    )

    rater_id: Mapped[uuid.UUID]
    question_id: Mapped[uuid.UUID]
    need: Mapped[int] = mapped_column(SmallInteger)
    importance: Mapped[int] = mapped_column(SmallInteger)
    contribution: Mapped[int] = mapped_column(SmallInteger)


class HrSettings(TenantScoped, Timestamped, Versioned, Base):
    """The tenant's HR settings (one row per tenant, created on first use): the points of the
    four appraisal levels (优/良/可/差) the weighted roll-up uses."""

    __tablename__ = "hr_settings"
    __table_args__ = (
        UniqueConstraint("tenant_id", name="uq_hr_settings_tenant"),
        CheckConstraint(
            "points_excellent >= points_good AND points_good >= points_fair AND points_fair >= points_poor"
            " AND points_poor >= 0",
            name="level_points_in_order",
        ),
    )

    points_excellent: Mapped[Decimal] = mapped_column(Numeric(6, 2), default=100, server_default=text("100"))
    points_good: Mapped[Decimal] = mapped_column(Numeric(6, 2), default=85, server_default=text("85"))
    points_fair: Mapped[Decimal] = mapped_column(Numeric(6, 2), default=70, server_default=text("70"))
    points_poor: Mapped[Decimal] = mapped_column(Numeric(6, 2), default=50, server_default=text("50"))


class CycleStatus(enum.StrEnum):
    """Where an appraisal cycle stands: a draft, open for scores, closed (scores locked)."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class AppraisalLevel(enum.StrEnum):
    """A duty's level against its four-level standard (优/良/可/差)."""

    EXCELLENT = "excellent"
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


#: One database type for the level, shared by the scores and the calibrated final level.
LEVEL_TYPE = _enum(AppraisalLevel, "hr_appraisal_level")


class ScoreRater(enum.StrEnum):
    """Who scored: the employee themselves (自评) or their manager (the line manager, or HR)."""

    SELF = "self"
    MANAGER = "manager"


class AppraisalCycle(TenantScoped, Timestamped, Versioned, Base):
    """An appraisal cycle (考核周期): a period, its status and who is in scope (the employees of an
    org unit and the units below it, or every active employee holding a position)."""

    __tablename__ = "hr_appraisal_cycles"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        Index("ix_hr_appraisal_cycles_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("ends_on >= starts_on", name="period_in_order"),
    )

    name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    status: Mapped[CycleStatus] = mapped_column(
        _enum(CycleStatus, "hr_cycle_status"),
        default=CycleStatus.DRAFT,
        server_default=CycleStatus.DRAFT.value,
    )
    #: The scope: this org unit and the units below it (None: every active employee with a position).
    org_unit_id: Mapped[uuid.UUID | None]
    opened_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Appraisal(TenantScoped, Timestamped, Versioned, Base):
    """An employee's appraisal in a cycle: the position they held and the job description in force
    for it when the cycle opened (whose duties are scored), and HR's calibrated final level."""

    __tablename__ = "hr_appraisals"
    __table_args__ = (
        tenant_fk("cycle_id", "hr_appraisal_cycles.id", ondelete="CASCADE"),
        tenant_fk("employee_id", "hr_employees.id"),
        tenant_fk("position_id", "hr_positions.id"),
        tenant_fk("job_description_id", "hr_job_descriptions.id"),
        UniqueConstraint("tenant_id", "cycle_id", "employee_id", name="uq_hr_appraisals_employee"),
        Index("ix_hr_appraisals_employee", "tenant_id", "employee_id"),
        CheckConstraint("final_level IS NULL OR final_reason IS NOT NULL", name="final_level_has_reason"),
    )

    cycle_id: Mapped[uuid.UUID]
    employee_id: Mapped[uuid.UUID]
    position_id: Mapped[uuid.UUID]
    #: The job description in force for the position when the cycle opened (None: there was none).
    job_description_id: Mapped[uuid.UUID | None]
    #: HR's calibrated level (None: the manager's roll-up stands), with the reason.
    final_level: Mapped[AppraisalLevel | None] = mapped_column(LEVEL_TYPE)
    final_reason: Mapped[str | None] = mapped_column(Text)


class AppraisalScore(TenantScoped, Timestamped, Base):
    """One rater's level of one duty in an appraisal, with a comment."""

    __tablename__ = "hr_appraisal_scores"
    __table_args__ = (
        tenant_fk("appraisal_id", "hr_appraisals.id", ondelete="CASCADE"),
        tenant_fk("duty_id", "hr_duties.id"),
        UniqueConstraint("tenant_id", "appraisal_id", "rater", "duty_id", name="uq_hr_appraisal_scores_duty"),
    )

    appraisal_id: Mapped[uuid.UUID]
    duty_id: Mapped[uuid.UUID]
    rater: Mapped[ScoreRater] = mapped_column(_enum(ScoreRater, "hr_score_rater"))
    level: Mapped[AppraisalLevel] = mapped_column(LEVEL_TYPE)
    comment: Mapped[str | None] = mapped_column(Text)
    #: Who scored (the employee's sign-in, the line manager's or HR's).
    scored_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
