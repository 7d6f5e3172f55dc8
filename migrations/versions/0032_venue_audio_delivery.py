"""Venue audio: the MP3 players receive, kept with each asset.

``venue_audio_assets.delivery_file_id`` is an optional composite reference to ``files``: the
uploaded file itself when it is an MP3, else its MP3 encoding (a file attached to the asset).
Deleting either file deletes the asset (as the original's reference already did); an asset a
schedule or a venue plays is then refused by their references (409). Assets registered before
have none: their players receive the original file.

Revision ID: 0032
Revises: 0031
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0032"
down_revision: str | None = "0031"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DELIVERY_FK = "fk_venue_audio_assets_tenant_id_delivery_file_id_files"


def upgrade() -> None:
    op.add_column("venue_audio_assets", sa.Column("delivery_file_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(
        DELIVERY_FK,
        "venue_audio_assets",
        "files",
        ["tenant_id", "delivery_file_id"],
        ["tenant_id", "id"],
        ondelete="CASCADE",
    )


def downgrade() -> None:
    op.drop_constraint(DELIVERY_FK, "venue_audio_assets", type_="foreignkey")
    op.drop_column("venue_audio_assets", "delivery_file_id")
