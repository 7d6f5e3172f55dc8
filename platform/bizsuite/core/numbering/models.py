"""The counters: one row per tenant, series (``contracts.contract``) and period (``2026``)."""

from __future__ import annotations

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped


class NumberCounter(TenantScoped, Base):
    """The last sequence taken in a series and period, and the sequences given back (taken first,
    so numbers have no gaps). The row is locked by the transaction that takes a number."""

    __tablename__ = "numbering_counters"
    __table_args__ = (
        UniqueConstraint("tenant_id", "series", "period", name="uq_numbering_counters_series_period"),
    )

    #: What is numbered, named by its area: ``contracts.contract``, ``fees.statement``.
    series: Mapped[str] = mapped_column(String(64))
    #: The span the sequence restarts in (a year: ``2026``).
    period: Mapped[str] = mapped_column(String(32))
    last_seq: Mapped[int] = mapped_column(Integer)
    freed: Mapped[list[int]] = mapped_column(JSONB, default=list, server_default="[]")
