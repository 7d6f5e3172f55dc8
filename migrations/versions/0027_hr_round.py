"""HR round (issue 16): personal data and the employee's own sign-in; questionnaire invitations
and reminders.

``hr_employees`` gains ``user_id`` (the employee's sign-in, one employee per user and tenant)
and the personal data shown only to HR, the employee and their line managers (birth date, ID
number, personal phone, home address, emergency contact and phone). ``hr_raters`` gains
``user_id`` (who answers when signed in) and when the inbox invitation and the reminder went
out; ``hr_campaigns`` gains ``remind_days`` (how many days before the due day to remind).

Revision ID: 0027
Revises: 0026
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERSONAL = (
    ("birth_date", sa.Date()),
    ("id_number", sa.String(length=50)),
    ("personal_phone", sa.String(length=50)),
    ("home_address", sa.Text()),
    ("emergency_contact", sa.String(length=200)),
    ("emergency_phone", sa.String(length=50)),
)


def upgrade() -> None:
    op.add_column("hr_employees", sa.Column("user_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(op.f("fk_hr_employees_user_id_users"), "hr_employees", "users", ["user_id"], ["id"])
    op.create_index(
        "uq_hr_employees_tenant_user",
        "hr_employees",
        ["tenant_id", "user_id"],
        unique=True,
        postgresql_where=sa.text("user_id IS NOT NULL"),
    )
    for name, kind in PERSONAL:
        op.add_column("hr_employees", sa.Column(name, kind, nullable=True))

    op.add_column("hr_raters", sa.Column("user_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(op.f("fk_hr_raters_user_id_users"), "hr_raters", "users", ["user_id"], ["id"])
    op.add_column("hr_raters", sa.Column("invited_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("hr_raters", sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(
        "hr_campaigns",
        sa.Column("remind_days", sa.SmallInteger(), server_default=sa.text("2"), nullable=False),
    )
    op.create_check_constraint(
        op.f("ck_hr_campaigns_remind_days_range"), "hr_campaigns", "remind_days BETWEEN 0 AND 60"
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_hr_campaigns_remind_days_range"), "hr_campaigns", type_="check")
    op.drop_column("hr_campaigns", "remind_days")
    op.drop_column("hr_raters", "reminded_at")
    op.drop_column("hr_raters", "invited_at")
    op.drop_constraint(op.f("fk_hr_raters_user_id_users"), "hr_raters", type_="foreignkey")
    op.drop_column("hr_raters", "user_id")
    for name, _kind in reversed(PERSONAL):
        op.drop_column("hr_employees", name)
    op.drop_index("uq_hr_employees_tenant_user", table_name="hr_employees")
    op.drop_constraint(op.f("fk_hr_employees_user_id_users"), "hr_employees", type_="foreignkey")
    op.drop_column("hr_employees", "user_id")
