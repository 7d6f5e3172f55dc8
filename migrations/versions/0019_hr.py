"""HR (人力资源: 职务分析): positions and their paths, job descriptions with duty items, employees
and their assignments to positions; the job-analysis questionnaire (items, the points-to-grade
table, campaigns, raters and ratings).

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = (
    "hr_employees",
    "hr_positions",
    "hr_assignments",
    "hr_job_descriptions",
    "hr_position_paths",
    "hr_duties",
    "hr_questions",
    "hr_grade_bands",
    "hr_campaigns",
    "hr_raters",
    "hr_ratings",
)
ENUMS = (
    "hr_position_category",
    "hr_path_kind",
    "hr_description_status",
    "hr_dimension",
    "hr_rater_role",
    "hr_campaign_status",
)


def upgrade() -> None:
    op.create_table(
        "hr_grade_bands",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("min_points", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column("grade", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_grade_bands_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_grade_bands")),
        sa.UniqueConstraint("tenant_id", "min_points", name="uq_hr_grade_bands_min_points"),
    )
    op.create_table(
        "hr_questions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column(
            "dimension",
            sa.Enum(
                "information_input",
                "mental_processes",
                "interpersonal",
                "work_context",
                "other_aspects",
                "criticality",
                name="hr_dimension",
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_questions_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_questions")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_hr_questions_code"),
    )
    op.create_index(
        "ix_hr_questions_tenant_created", "hr_questions", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "hr_employees",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("hired_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_hr_employees_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_employees_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_employees")),
        sa.UniqueConstraint("tenant_id", "number", name="uq_hr_employees_number"),
    )
    op.create_index(
        "ix_hr_employees_tenant_created", "hr_employees", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "hr_positions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "management",
                "professional",
                "technical",
                "sales",
                "operations",
                "support",
                name="hr_position_category",
            ),
            nullable=False,
        ),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("reports_to_id", sa.Uuid(), nullable=True),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("pay_grade", sa.String(length=20), nullable=True),
        sa.Column("pay_level", sa.String(length=20), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("headcount >= 0", name=op.f("ck_hr_positions_headcount_not_negative")),
        sa.CheckConstraint(
            "reports_to_id IS NULL OR reports_to_id <> id", name=op.f("ck_hr_positions_not_own_manager")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_hr_positions_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "reports_to_id"],
            ["hr_positions.tenant_id", "hr_positions.id"],
            name=op.f("fk_hr_positions_tenant_id_reports_to_id_hr_positions"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_positions_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_positions")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_hr_positions_code"),
    )
    op.create_index(
        "ix_hr_positions_reports_to", "hr_positions", ["tenant_id", "reports_to_id"], unique=False
    )
    op.create_index(
        "ix_hr_positions_tenant_created", "hr_positions", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "hr_assignments",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("position_id", sa.Uuid(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "ends_on IS NULL OR ends_on >= starts_on", name=op.f("ck_hr_assignments_dates_in_order")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "employee_id"],
            ["hr_employees.tenant_id", "hr_employees.id"],
            name=op.f("fk_hr_assignments_tenant_id_employee_id_hr_employees"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "position_id"],
            ["hr_positions.tenant_id", "hr_positions.id"],
            name=op.f("fk_hr_assignments_tenant_id_position_id_hr_positions"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_assignments_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_assignments")),
    )
    op.create_index(
        "ix_hr_assignments_employee",
        "hr_assignments",
        ["tenant_id", "employee_id", "starts_on"],
        unique=False,
    )
    op.create_index(
        "ix_hr_assignments_position", "hr_assignments", ["tenant_id", "position_id"], unique=False
    )
    op.create_table(
        "hr_campaigns",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("position_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("open", "closed", name="hr_campaign_status"),
            server_default="open",
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "position_id"],
            ["hr_positions.tenant_id", "hr_positions.id"],
            name=op.f("fk_hr_campaigns_tenant_id_position_id_hr_positions"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_campaigns_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_campaigns")),
    )
    op.create_index("ix_hr_campaigns_position", "hr_campaigns", ["tenant_id", "position_id"], unique=False)
    op.create_index(
        "ix_hr_campaigns_tenant_created", "hr_campaigns", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "hr_job_descriptions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("position_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "in_approval", "approved", "superseded", name="hr_description_status"),
            server_default="draft",
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("min_education", sa.String(length=200), nullable=True),
        sa.Column("professional_title", sa.String(length=200), nullable=True),
        sa.Column("training", sa.Text(), nullable=True),
        sa.Column("certificates", sa.Text(), nullable=True),
        sa.Column("experience", sa.Text(), nullable=True),
        sa.Column("abilities", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False),
        sa.Column("leadership", sa.Text(), nullable=True),
        sa.Column("management", sa.Text(), nullable=True),
        sa.Column(
            "review_flags", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False
        ),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "position_id"],
            ["hr_positions.tenant_id", "hr_positions.id"],
            name=op.f("fk_hr_job_descriptions_tenant_id_position_id_hr_positions"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_job_descriptions_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_job_descriptions")),
        sa.UniqueConstraint("tenant_id", "position_id", "number", name="uq_hr_job_descriptions_number"),
    )
    op.create_index(
        "ix_hr_job_descriptions_tenant_created",
        "hr_job_descriptions",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "hr_position_paths",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("position_id", sa.Uuid(), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Enum("promotes_to", "lateral", "can_fill", name="hr_path_kind"), nullable=False),
        sa.CheckConstraint("position_id <> target_id", name=op.f("ck_hr_position_paths_not_to_itself")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "position_id"],
            ["hr_positions.tenant_id", "hr_positions.id"],
            name=op.f("fk_hr_position_paths_tenant_id_position_id_hr_positions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "target_id"],
            ["hr_positions.tenant_id", "hr_positions.id"],
            name=op.f("fk_hr_position_paths_tenant_id_target_id_hr_positions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_position_paths_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_position_paths")),
        sa.UniqueConstraint("tenant_id", "position_id", "kind", "target_id", name="uq_hr_position_paths"),
    )
    op.create_index(
        "ix_hr_position_paths_target", "hr_position_paths", ["tenant_id", "target_id"], unique=False
    )
    op.create_table(
        "hr_duties",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("job_description_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("function", sa.Text(), nullable=True),
        sa.Column("excellent", sa.Text(), nullable=False),
        sa.Column("good", sa.Text(), nullable=False),
        sa.Column("fair", sa.Text(), nullable=False),
        sa.Column("poor", sa.Text(), nullable=False),
        sa.Column("weight", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "weight IS NULL OR (weight > 0 AND weight <= 100)", name=op.f("ck_hr_duties_weight_range")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "job_description_id"],
            ["hr_job_descriptions.tenant_id", "hr_job_descriptions.id"],
            name=op.f("fk_hr_duties_tenant_id_job_description_id_hr_job_descriptions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_hr_duties_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_duties")),
    )
    op.create_index(
        "ix_hr_duties_description", "hr_duties", ["tenant_id", "job_description_id", "seq"], unique=False
    )
    op.create_table(
        "hr_raters",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("employee_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.Enum("incumbent", "manager", name="hr_rater_role"), nullable=False),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "campaign_id"],
            ["hr_campaigns.tenant_id", "hr_campaigns.id"],
            name=op.f("fk_hr_raters_tenant_id_campaign_id_hr_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "employee_id"],
            ["hr_employees.tenant_id", "hr_employees.id"],
            name=op.f("fk_hr_raters_tenant_id_employee_id_hr_employees"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_hr_raters_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_raters")),
        sa.UniqueConstraint("tenant_id", "campaign_id", "name", name="uq_hr_raters_name"),
    )
    op.create_table(
        "hr_ratings",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("rater_id", sa.Uuid(), nullable=False),
        sa.Column("question_id", sa.Uuid(), nullable=False),
        sa.Column("need", sa.SmallInteger(), nullable=False),
        sa.Column("importance", sa.SmallInteger(), nullable=False),
        sa.Column("contribution", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint(
            "need BETWEEN 1 AND 5 AND importance BETWEEN 1 AND 5 AND contribution BETWEEN 1 AND 5",
            name=op.f("ck_hr_ratings_scale_range"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "question_id"],
            ["hr_questions.tenant_id", "hr_questions.id"],
            name=op.f("fk_hr_ratings_tenant_id_question_id_hr_questions"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "rater_id"],
            ["hr_raters.tenant_id", "hr_raters.id"],
            name=op.f("fk_hr_ratings_tenant_id_rater_id_hr_raters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_hr_ratings_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_ratings")),
        sa.UniqueConstraint("tenant_id", "rater_id", "question_id", name="uq_hr_ratings_question"),
    )

    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
    for name in ENUMS:
        sa.Enum(name=name).drop(op.get_bind(), checkfirst=True)
