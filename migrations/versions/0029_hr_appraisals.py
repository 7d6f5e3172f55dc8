"""HR appraisals (issue 16, item 6): the tenant's HR settings (the points of the four levels),
appraisal cycles (考核周期), each employee's appraisal in a cycle and the scores of its duties by
the employee (self) and their manager.

Revision ID: 0029
Revises: 0028
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl
from sqlalchemy.dialects import postgresql

revision: str = "0029"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ("hr_settings", "hr_appraisal_cycles", "hr_appraisals", "hr_appraisal_scores")
ENUMS = ("hr_cycle_status", "hr_appraisal_level", "hr_score_rater")


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    ]


def _version() -> sa.Column:
    return sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)


def upgrade() -> None:
    level = postgresql.ENUM("excellent", "good", "fair", "poor", name="hr_appraisal_level", create_type=False)
    level.create(op.get_bind(), checkfirst=True)
    op.create_table(
        "hr_settings",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("points_excellent", sa.Numeric(6, 2), server_default=sa.text("100"), nullable=False),
        sa.Column("points_good", sa.Numeric(6, 2), server_default=sa.text("85"), nullable=False),
        sa.Column("points_fair", sa.Numeric(6, 2), server_default=sa.text("70"), nullable=False),
        sa.Column("points_poor", sa.Numeric(6, 2), server_default=sa.text("50"), nullable=False),
        *_timestamps(),
        _version(),
        sa.CheckConstraint(
            "points_excellent >= points_good AND points_good >= points_fair AND points_fair >= points_poor"
            " AND points_poor >= 0",
            name=op.f("ck_hr_settings_level_points_in_order"),
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_hr_settings_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_settings")),
        sa.UniqueConstraint("tenant_id", name="uq_hr_settings_tenant"),
    )
    op.create_table(
        "hr_appraisal_cycles",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "open", "closed", name="hr_cycle_status"),
            server_default="draft",
            nullable=False,
        ),
        sa.Column("org_unit_id", sa.Uuid(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
        _version(),
        sa.CheckConstraint("ends_on >= starts_on", name=op.f("ck_hr_appraisal_cycles_period_in_order")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_hr_appraisal_cycles_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_appraisal_cycles_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_appraisal_cycles")),
    )
    op.create_index(
        "ix_hr_appraisal_cycles_tenant_created",
        "hr_appraisal_cycles",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "hr_appraisals",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("cycle_id", sa.Uuid(), nullable=False),
        sa.Column("employee_id", sa.Uuid(), nullable=False),
        sa.Column("position_id", sa.Uuid(), nullable=False),
        sa.Column("job_description_id", sa.Uuid(), nullable=True),
        sa.Column("final_level", level, nullable=True),
        sa.Column("final_reason", sa.Text(), nullable=True),
        *_timestamps(),
        _version(),
        sa.CheckConstraint(
            "final_level IS NULL OR final_reason IS NOT NULL",
            name=op.f("ck_hr_appraisals_final_level_has_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "cycle_id"],
            ["hr_appraisal_cycles.tenant_id", "hr_appraisal_cycles.id"],
            name=op.f("fk_hr_appraisals_tenant_id_cycle_id_hr_appraisal_cycles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "employee_id"],
            ["hr_employees.tenant_id", "hr_employees.id"],
            name=op.f("fk_hr_appraisals_tenant_id_employee_id_hr_employees"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "position_id"],
            ["hr_positions.tenant_id", "hr_positions.id"],
            name=op.f("fk_hr_appraisals_tenant_id_position_id_hr_positions"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "job_description_id"],
            ["hr_job_descriptions.tenant_id", "hr_job_descriptions.id"],
            name=op.f("fk_hr_appraisals_tenant_id_job_description_id_hr_job_descriptions"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_appraisals_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_appraisals")),
        sa.UniqueConstraint("tenant_id", "cycle_id", "employee_id", name="uq_hr_appraisals_employee"),
    )
    op.create_index("ix_hr_appraisals_employee", "hr_appraisals", ["tenant_id", "employee_id"], unique=False)
    op.create_table(
        "hr_appraisal_scores",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("appraisal_id", sa.Uuid(), nullable=False),
        sa.Column("duty_id", sa.Uuid(), nullable=False),
        sa.Column("rater", sa.Enum("self", "manager", name="hr_score_rater"), nullable=False),
        sa.Column("level", level, nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("scored_by", sa.Uuid(), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["tenant_id", "appraisal_id"],
            ["hr_appraisals.tenant_id", "hr_appraisals.id"],
            name=op.f("fk_hr_appraisal_scores_tenant_id_appraisal_id_hr_appraisals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "duty_id"],
            ["hr_duties.tenant_id", "hr_duties.id"],
            name=op.f("fk_hr_appraisal_scores_tenant_id_duty_id_hr_duties"),
        ),
        sa.ForeignKeyConstraint(
            ["scored_by"], ["users.id"], name=op.f("fk_hr_appraisal_scores_scored_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_hr_appraisal_scores_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_hr_appraisal_scores")),
        sa.UniqueConstraint(
            "tenant_id", "appraisal_id", "rater", "duty_id", name="uq_hr_appraisal_scores_duty"
        ),
    )

    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
    for name in ENUMS:
        sa.Enum(name=name).drop(op.get_bind(), checkfirst=True)
