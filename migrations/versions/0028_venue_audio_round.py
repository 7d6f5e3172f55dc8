"""Venue audio: schedules and the evacuation message may name an audio asset.

``venue_audio_schedules.asset_id`` and ``venue_audio_venues.evacuation_asset_id`` are optional
composite references to ``venue_audio_assets`` (the source text keeps working; with an asset the
source reads ``asset:<id>``). No ``ON DELETE`` action: an asset in use is not deleted.

Revision ID: 0028
Revises: 0027
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEDULE_FK = "fk_venue_audio_schedules_tenant_id_asset_id_venue_audio_assets"
VENUE_FK = "fk_venue_audio_venues_evacuation_asset"


def upgrade() -> None:
    op.add_column("venue_audio_schedules", sa.Column("asset_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(
        SCHEDULE_FK,
        "venue_audio_schedules",
        "venue_audio_assets",
        ["tenant_id", "asset_id"],
        ["tenant_id", "id"],
    )
    op.add_column("venue_audio_venues", sa.Column("evacuation_asset_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(
        VENUE_FK,
        "venue_audio_venues",
        "venue_audio_assets",
        ["tenant_id", "evacuation_asset_id"],
        ["tenant_id", "id"],
    )


def downgrade() -> None:
    op.drop_constraint(VENUE_FK, "venue_audio_venues", type_="foreignkey")
    op.drop_column("venue_audio_venues", "evacuation_asset_id")
    op.drop_constraint(SCHEDULE_FK, "venue_audio_schedules", type_="foreignkey")
    op.drop_column("venue_audio_schedules", "asset_id")
