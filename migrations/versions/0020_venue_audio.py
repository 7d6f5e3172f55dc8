"""Venue audio: venues on org units, zones, zone groups and members, devices with heartbeats,
daily schedules (background music, timed announcements) and broadcasts (paging, emergencies).

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import tenant_table_ddl

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = (
    "venue_audio_venues",
    "venue_audio_zones",
    "venue_audio_zone_groups",
    "venue_audio_zone_group_members",
    "venue_audio_devices",
    "venue_audio_schedules",
    "venue_audio_broadcasts",
    "venue_audio_assets",
)


def upgrade() -> None:
    op.create_table(
        "venue_audio_venues",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org_unit_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("emergency_policy", sa.String(length=20), server_default="phased", nullable=False),
        sa.Column("evacuation_source", sa.String(length=500), nullable=False),
        sa.Column("holidays", sa.ARRAY(sa.Date()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "emergency_policy IN ('phased', 'all_zones')", name=op.f("ck_venue_audio_venues_emergency_policy")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "org_unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_venue_audio_venues_tenant_id_org_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_venues_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_venues")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_venue_audio_venues_code"),
    )
    op.create_index(
        "ix_venue_audio_venues_tenant_created",
        "venue_audio_venues",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "venue_audio_zones",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("floor", sa.SmallInteger(), nullable=True),
        sa.Column("basement", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("area", sa.String(length=200), nullable=True),
        sa.Column("volume", sa.SmallInteger(), server_default=sa.text("60"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "NOT basement OR floor IS NOT NULL", name=op.f("ck_venue_audio_zones_basement_floor")
        ),
        sa.CheckConstraint("floor IS NULL OR floor >= 1", name=op.f("ck_venue_audio_zones_floor_positive")),
        sa.CheckConstraint("volume BETWEEN 0 AND 100", name=op.f("ck_venue_audio_zones_volume_range")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "venue_id"],
            ["venue_audio_venues.tenant_id", "venue_audio_venues.id"],
            name=op.f("fk_venue_audio_zones_tenant_id_venue_id_venue_audio_venues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_zones_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_zones")),
        sa.UniqueConstraint("tenant_id", "venue_id", "code", name="uq_venue_audio_zones_code"),
    )
    op.create_index(
        "ix_venue_audio_zones_tenant_created",
        "venue_audio_zones",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "venue_audio_zone_groups",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "venue_id"],
            ["venue_audio_venues.tenant_id", "venue_audio_venues.id"],
            name=op.f("fk_venue_audio_zone_groups_tenant_id_venue_id_venue_audio_venues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_zone_groups_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_zone_groups")),
        sa.UniqueConstraint("tenant_id", "venue_id", "code", name="uq_venue_audio_zone_groups_code"),
    )
    op.create_index(
        "ix_venue_audio_zone_groups_tenant_created",
        "venue_audio_zone_groups",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "venue_audio_zone_group_members",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("zone_group_id", sa.Uuid(), nullable=False),
        sa.Column("zone_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "zone_group_id"],
            ["venue_audio_zone_groups.tenant_id", "venue_audio_zone_groups.id"],
            name=op.f("fk_venue_audio_zone_group_members_tenant_id_zone_group_id_venue_audio_zone_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "zone_id"],
            ["venue_audio_zones.tenant_id", "venue_audio_zones.id"],
            name=op.f("fk_venue_audio_zone_group_members_tenant_id_zone_id_venue_audio_zones"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_zone_group_members_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_zone_group_members")),
        sa.UniqueConstraint(
            "tenant_id", "zone_group_id", "zone_id", name="uq_venue_audio_zone_group_members"
        ),
    )
    op.create_table(
        "venue_audio_devices",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Uuid(), nullable=False),
        sa.Column("zone_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("heartbeat_interval_s", sa.Integer(), server_default=sa.text("60"), nullable=False),
        sa.Column("last_heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fault_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fault_alert_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('amplifier', 'speaker', 'paging_station', 'player')",
            name=op.f("ck_venue_audio_devices_kind"),
        ),
        sa.CheckConstraint(
            "heartbeat_interval_s BETWEEN 5 AND 86400",
            name=op.f("ck_venue_audio_devices_heartbeat_interval_range"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "venue_id"],
            ["venue_audio_venues.tenant_id", "venue_audio_venues.id"],
            name=op.f("fk_venue_audio_devices_tenant_id_venue_id_venue_audio_venues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "zone_id"],
            ["venue_audio_zones.tenant_id", "venue_audio_zones.id"],
            name=op.f("fk_venue_audio_devices_tenant_id_zone_id_venue_audio_zones"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_devices_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_devices")),
        sa.UniqueConstraint("tenant_id", "venue_id", "code", name="uq_venue_audio_devices_code"),
    )
    op.create_index(
        "ix_venue_audio_devices_tenant_created",
        "venue_audio_devices",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "venue_audio_schedules",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Uuid(), nullable=False),
        sa.Column("zone_id", sa.Uuid(), nullable=True),
        sa.Column("zone_group_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("weekdays", sa.ARRAY(sa.SmallInteger()), nullable=False),
        sa.Column("volume", sa.SmallInteger(), nullable=True),
        sa.Column("enabled", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("skip_holidays", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind <> 'announcement' OR duration_s IS NOT NULL",
            name=op.f("ck_venue_audio_schedules_announcement_duration"),
        ),
        sa.CheckConstraint(
            "kind <> 'music' OR end_time IS NOT NULL", name=op.f("ck_venue_audio_schedules_music_end")
        ),
        sa.CheckConstraint("kind IN ('music', 'announcement')", name=op.f("ck_venue_audio_schedules_kind")),
        sa.CheckConstraint(
            "(zone_id IS NULL) <> (zone_group_id IS NULL)", name=op.f("ck_venue_audio_schedules_one_target")
        ),
        sa.CheckConstraint(
            "volume IS NULL OR volume BETWEEN 0 AND 100", name=op.f("ck_venue_audio_schedules_volume_range")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "venue_id"],
            ["venue_audio_venues.tenant_id", "venue_audio_venues.id"],
            name=op.f("fk_venue_audio_schedules_tenant_id_venue_id_venue_audio_venues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "zone_group_id"],
            ["venue_audio_zone_groups.tenant_id", "venue_audio_zone_groups.id"],
            name=op.f("fk_venue_audio_schedules_tenant_id_zone_group_id_venue_audio_zone_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "zone_id"],
            ["venue_audio_zones.tenant_id", "venue_audio_zones.id"],
            name=op.f("fk_venue_audio_schedules_tenant_id_zone_id_venue_audio_zones"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_schedules_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_schedules")),
    )
    op.create_index(
        "ix_venue_audio_schedules_tenant_created",
        "venue_audio_schedules",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_venue_audio_schedules_venue", "venue_audio_schedules", ["tenant_id", "venue_id"], unique=False
    )
    op.create_table(
        "venue_audio_broadcasts",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("zone_ids", sa.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("alarm_id", sa.String(length=100), nullable=True),
        sa.Column("origin", sa.String(length=200), nullable=True),
        sa.Column("started_by", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("ended_by", sa.String(length=200), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("kind IN ('paging', 'emergency')", name=op.f("ck_venue_audio_broadcasts_kind")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "venue_id"],
            ["venue_audio_venues.tenant_id", "venue_audio_venues.id"],
            name=op.f("fk_venue_audio_broadcasts_tenant_id_venue_id_venue_audio_venues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_broadcasts_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_broadcasts")),
        sa.UniqueConstraint("tenant_id", "venue_id", "alarm_id", name="uq_venue_audio_broadcasts_alarm"),
    )
    op.create_index(
        "ix_venue_audio_broadcasts_tenant_created",
        "venue_audio_broadcasts",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_venue_audio_broadcasts_venue_started",
        "venue_audio_broadcasts",
        ["tenant_id", "venue_id", "started_at"],
        unique=False,
    )

    op.create_table(
        "venue_audio_assets",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Uuid(), nullable=False),
        sa.Column("file_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("content_type", sa.String(length=127), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("sample_rate", sa.Integer(), nullable=False),
        sa.Column("channels", sa.SmallInteger(), nullable=False),
        sa.Column("rms_dbfs", sa.Numeric(precision=5, scale=1), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "purpose IN ('music', 'message', 'evacuation')", name=op.f("ck_venue_audio_assets_purpose")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "file_id"],
            ["files.tenant_id", "files.id"],
            name=op.f("fk_venue_audio_assets_tenant_id_file_id_files"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "venue_id"],
            ["venue_audio_venues.tenant_id", "venue_audio_venues.id"],
            name=op.f("fk_venue_audio_assets_tenant_id_venue_id_venue_audio_venues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_assets_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_assets")),
        sa.UniqueConstraint("tenant_id", "venue_id", "name", name="uq_venue_audio_assets_name"),
    )
    op.create_index(
        "ix_venue_audio_assets_tenant_created",
        "venue_audio_assets",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
