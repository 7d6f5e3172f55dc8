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
