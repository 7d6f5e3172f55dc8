"""File rows: one per stored object, with what it is and (optionally) which document it belongs to."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned


class StoredFile(TenantScoped, Timestamped, Versioned, Base):
    """A stored file; deleting the row deletes its object."""

    __tablename__ = "files"
    __table_args__ = (
        Index("ix_files_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_files_tenant_document", "tenant_id", "document_type", "document_id"),
        Index("uq_files_tenant_storage_key", "tenant_id", "storage_key", unique=True),
    )

    name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    #: ``local`` or ``s3``: the backend that holds the object.
    storage_backend: Mapped[str] = mapped_column(String(16))
    #: Always inside ``tenants/<tenant_id>/``.
    storage_key: Mapped[str] = mapped_column(String(300))
    #: The document the file is attached to (a contract, an audio asset...), if any.
    document_type: Mapped[str | None] = mapped_column(String(64))
    document_id: Mapped[uuid.UUID | None]
    uploaded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
