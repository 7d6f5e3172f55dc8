"""Stored responses of POSTs sent with an ``Idempotency-Key`` (kept 24 hours per tenant)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, Integer, LargeBinary, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, utcnow
from bizsuite.core.ids import new_id


class IdempotencyRecord(TenantScoped, Base):
    """The first successful response to a keyed POST."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (
        Index("uq_idempotency_keys_tenant_key", "tenant_id", "key", unique=True),
        Index("ix_idempotency_keys_tenant_created", "tenant_id", "created_at"),
    )

    key: Mapped[str] = mapped_column(String(255))
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_headers: Mapped[list[list[str]] | None] = mapped_column(JSONB)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary)


class OperatorIdempotencyRecord(Base):
    """The first successful response to an operator's keyed POST (operator calls have no tenant)."""

    __tablename__ = "operator_idempotency_keys"
    __table_args__ = (
        Index("uq_operator_idempotency_keys_key", "key", unique=True),
        Index("ix_operator_idempotency_keys_created", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    key: Mapped[str] = mapped_column(String(255))
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_headers: Mapped[list[list[str]] | None] = mapped_column(JSONB)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary)
