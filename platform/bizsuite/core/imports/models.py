"""Import rows: one per uploaded file, from its preview to its end (imported whole or not at all)."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Enum, Index, Integer, String, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, tenant_fk


class ImportStatus(enum.StrEnum):
    """Where an import stands."""

    #: Checked without errors: it may be imported.
    PREVIEWED = "previewed"
    #: Checked with errors (or columns missing): it can be re-mapped or discarded, never imported.
    REJECTED = "rejected"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


class DataImport(TenantScoped, Timestamped, Base):
    """An uploaded file to import into the records of one importer (``kind``)."""

    __tablename__ = "imports"
    __table_args__ = (
        tenant_fk("file_id", "files.id"),
        Index("ix_imports_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_imports_tenant_kind_created", "tenant_id", "kind", "created_at", "id"),
    )

    #: The importer's key (``crm.accounts``, ``crm.revenue``).
    kind: Mapped[str] = mapped_column(String(100))
    file_id: Mapped[uuid.UUID]
    filename: Mapped[str] = mapped_column(String(300))
    status: Mapped[ImportStatus] = mapped_column(
        Enum(ImportStatus, name="import_status", values_callable=lambda e: [m.value for m in e])
    )
    #: The file's header row as text.
    headers: Mapped[list[str]] = mapped_column(JSONB, default=list, server_default=text("'[]'::jsonb"))
    #: Field → 0-based column of the header (fields without a column are left out); empty: the
    #: automatic matching (imports moved in from before the component).
    mapping: Mapped[dict[str, int]] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    total_rows: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    processed_rows: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    #: ``[{"row": 7, "column": "amount", "message": "...", "value": "abc"}]`` (the first errors).
    errors: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, default=list, server_default=text("'[]'::jsonb")
    )
    error_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    #: The preview: ``{"rows": [...the first valid rows...], ...the importer's figures}``; after
    #: the import, what it did (``created``, ``updated``...).
    summary: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    #: The uploader's label: a person's email, an API key's name or the operator's label.
    created_by: Mapped[str] = mapped_column(String(200))
    finished_at: Mapped[datetime | None]
