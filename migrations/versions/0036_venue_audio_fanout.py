"""Venue audio: a player's command references its device, venue and tenant in one key.

An emergency writes a command for every player of the venue in one statement, and each of its
three references (``(tenant_id, device_id)`` to the device, ``(tenant_id, venue_id)`` to the
venue, ``tenant_id`` to ``tenants``) was checked row by row: most of that statement's time with
500 players. They become one composite reference ``(tenant_id, venue_id, device_id)`` to the
device's new unique key ``(tenant_id, venue_id, id)``: one check per row, and a command can no
longer name another venue than its device's (none does: a device never changes venue). Deleting
a venue still deletes its commands, through its devices. The broadcast index leaves out the
commands of no broadcast (music and silence, most of them).

Every command is updated once, soon after it is written, by its acknowledgement (hundreds in
one statement): new pages of the table are left half free (fillfactor 50), so that those new
versions stay on their page without new index entries (half the acknowledgement statement's
time with 500 players). Pages written before keep their rows as they are.

Revision ID: 0036
Revises: 0035
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0036"
down_revision: str | None = "0035"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMMANDS = "venue_audio_player_commands"
DEVICES = "venue_audio_devices"
DEVICE_VENUE_KEY = "uq_venue_audio_devices_tenant_id_venue_id_id"
DEVICE_REFERENCE = "fk_venue_audio_player_commands_tenant_id_venue_id_device_id_venue_audio_devices"
BROADCAST_INDEX = "ix_venue_audio_player_commands_broadcast"
#: The references the composite one replaces: (name, columns, table, its columns, on delete).
FORMER = (
    (
        "fk_venue_audio_player_commands_tenant_id_device_id_venue_audio_devices",
        ["tenant_id", "device_id"],
        DEVICES,
        ["tenant_id", "id"],
        "CASCADE",
    ),
    (
        "fk_venue_audio_player_commands_tenant_id_venue_id_venue_audio_venues",
        ["tenant_id", "venue_id"],
        "venue_audio_venues",
        ["tenant_id", "id"],
        "CASCADE",
    ),
    ("fk_venue_audio_player_commands_tenant_id_tenants", ["tenant_id"], "tenants", ["id"], None),
)


def upgrade() -> None:
    op.create_unique_constraint(op.f(DEVICE_VENUE_KEY), DEVICES, ["tenant_id", "venue_id", "id"])
    for name, *_ in FORMER:
        op.drop_constraint(op.f(name), COMMANDS, type_="foreignkey")
    op.create_foreign_key(
        op.f(DEVICE_REFERENCE),
        COMMANDS,
        DEVICES,
        ["tenant_id", "venue_id", "device_id"],
        ["tenant_id", "venue_id", "id"],
        ondelete="CASCADE",
    )
    op.drop_index(BROADCAST_INDEX, table_name=COMMANDS)
    op.create_index(
        BROADCAST_INDEX,
        COMMANDS,
        ["tenant_id", "broadcast_id"],
        postgresql_where=sa.text("broadcast_id IS NOT NULL"),
    )
    op.execute(f"ALTER TABLE {COMMANDS} SET (fillfactor = 50)")


def downgrade() -> None:
    op.execute(f"ALTER TABLE {COMMANDS} RESET (fillfactor)")
    op.drop_index(BROADCAST_INDEX, table_name=COMMANDS)
    op.create_index(BROADCAST_INDEX, COMMANDS, ["tenant_id", "broadcast_id"])
    op.drop_constraint(op.f(DEVICE_REFERENCE), COMMANDS, type_="foreignkey")
    for name, columns, table, targets, on_delete in FORMER:
        op.create_foreign_key(op.f(name), COMMANDS, table, columns, targets, ondelete=on_delete)
    op.drop_constraint(op.f(DEVICE_VENUE_KEY), DEVICES, type_="unique")
