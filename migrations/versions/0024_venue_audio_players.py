"""Venue audio players: device keys and the commands they acknowledge.

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from bizsuite.core.rls import lookup_policy_ddl, tenant_table_ddl

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ("venue_audio_device_keys", "venue_audio_player_commands")


def upgrade() -> None:
    op.create_table(
        "venue_audio_device_keys",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=320), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "device_id"],
            ["venue_audio_devices.tenant_id", "venue_audio_devices.id"],
            name=op.f("fk_venue_audio_device_keys_tenant_id_device_id_venue_audio_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_device_keys_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_device_keys")),
    )
    op.create_index("ix_venue_audio_device_keys_key_hash", "venue_audio_device_keys", ["key_hash"])
    op.create_index(
        "ix_venue_audio_device_keys_device", "venue_audio_device_keys", ["tenant_id", "device_id"]
    )
    op.create_table(
        "venue_audio_player_commands",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("venue_id", sa.Uuid(), nullable=False),
        sa.Column("zone_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("program_kind", sa.String(length=20), nullable=True),
        sa.Column("program_id", sa.String(length=64), nullable=True),
        sa.Column("broadcast_id", sa.Uuid(), nullable=True),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("volume", sa.SmallInteger(), nullable=False),
        sa.Column("priority", sa.SmallInteger(), nullable=True),
        sa.Column("position_s", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("acked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reported_source", sa.String(length=500), nullable=True),
        sa.Column("reported_volume", sa.SmallInteger(), nullable=True),
        sa.Column("alert_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "device_id"],
            ["venue_audio_devices.tenant_id", "venue_audio_devices.id"],
            name=op.f("fk_venue_audio_player_commands_tenant_id_device_id_venue_audio_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "venue_id"],
            ["venue_audio_venues.tenant_id", "venue_audio_venues.id"],
            name=op.f("fk_venue_audio_player_commands_tenant_id_venue_id_venue_audio_venues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_venue_audio_player_commands_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_venue_audio_player_commands")),
        sa.UniqueConstraint("tenant_id", "device_id", "seq", name="uq_venue_audio_player_commands_seq"),
    )
    op.create_index(
        "ix_venue_audio_player_commands_broadcast",
        "venue_audio_player_commands",
        ["tenant_id", "broadcast_id"],
    )
    for table in TENANT_TABLES:
        for statement in tenant_table_ddl(table):
            op.execute(statement)
    # A device key is found by its hash before its tenant is known (as API keys are).
    op.execute(
        lookup_policy_ddl(
            "venue_audio_device_keys",
            "device_key_lookup",
            "key_hash = current_setting('app.lookup_hash', true)",
        )
    )


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
