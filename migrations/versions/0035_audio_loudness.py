"""Venue audio: loudness as EBU R 128 integrated loudness (LUFS) instead of the RMS level.

``venue_audio_assets.rms_dbfs`` (the RMS level in dBFS) gives way to ``loudness_lufs``, the
integrated loudness of ITU-R BS.1770-4, with what it was computed from: ``loudness_blocks`` (the
400 ms blocks measured), ``loudness_counted_blocks`` (those above both gates) and
``loudness_gate_lufs`` (the relative gate). An RMS level is not a loudness in LUFS, so it is not
carried over: assets registered before have no loudness (all four ``NULL``) until uploaded
again. The downgrade brings the column back empty.

Revision ID: 0035
Revises: 0034
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0035"
down_revision: str | None = "0034"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "venue_audio_assets"


def upgrade() -> None:
    op.add_column(TABLE, sa.Column("loudness_lufs", sa.Numeric(5, 1), nullable=True))
    op.add_column(TABLE, sa.Column("loudness_blocks", sa.Integer(), nullable=True))
    op.add_column(TABLE, sa.Column("loudness_counted_blocks", sa.Integer(), nullable=True))
    op.add_column(TABLE, sa.Column("loudness_gate_lufs", sa.Numeric(5, 1), nullable=True))
    op.drop_column(TABLE, "rms_dbfs")


def downgrade() -> None:
    op.add_column(TABLE, sa.Column("rms_dbfs", sa.Numeric(5, 1), nullable=True))
    for column in ("loudness_gate_lufs", "loudness_counted_blocks", "loudness_blocks", "loudness_lufs"):
        op.drop_column(TABLE, column)
