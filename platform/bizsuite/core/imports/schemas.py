"""Request and response bodies of the import component."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import msgspec

from bizsuite.core.imports.models import DataImport, ImportStatus
from bizsuite.core.imports.spec import ImportSpec


class ImportErrorOut(msgspec.Struct, kw_only=True):
    """Why a row of the file cannot be imported: its row (the header is row 1), the field
    (`file` for the whole file), the reason and the cell's value."""

    row: int
    column: str
    message: str
    value: str = ""


class ImportFieldOut(msgspec.Struct, kw_only=True):
    """A field a column can fill, and the column that fills it now (0-based; `null`: none)."""

    name: str
    label: str
    required: bool
    column: int | None


class ImportOut(msgspec.Struct, kw_only=True):
    """An uploaded file: its columns and their fields, the preview, the errors and, once
    confirmed, the import's progress (`processed_rows` of `total_rows`)."""

    id: uuid.UUID
    kind: str
    file_id: uuid.UUID
    filename: str
    status: ImportStatus
    #: The file's header row.
    headers: list[str]
    fields: list[ImportFieldOut]
    total_rows: int
    processed_rows: int
    error_count: int
    #: The first errors found (at most 200).
    errors: list[ImportErrorOut]
    #: `rows` (the first valid rows by field) and the importer's figures; after the import, what it did.
    summary: dict[str, Any]
    created_by: str
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class ImportPage(msgspec.Struct, kw_only=True):
    """A page of imports, newest first."""

    items: list[ImportOut]
    next_cursor: str | None


Column = Annotated[int, msgspec.Meta(ge=0, le=10_000, description="A 0-based column of the header row.")]


class ImportMapping(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Which column fills each field (field → 0-based column; `null` or left out: no column)."""

    mapping: dict[str, Column | None]


def import_out(row: DataImport, spec: ImportSpec[Any], creator: str) -> ImportOut:
    """An import as the API shows it."""
    return ImportOut(
        id=row.id,
        kind=row.kind,
        file_id=row.file_id,
        filename=row.filename,
        status=row.status,
        headers=list(row.headers),
        fields=[
            ImportFieldOut(name=f.name, label=f.label, required=f.required, column=row.mapping.get(f.name))
            for f in spec.fields
        ],
        total_rows=row.total_rows,
        processed_rows=row.processed_rows,
        error_count=row.error_count,
        errors=[msgspec.convert(e, ImportErrorOut) for e in row.errors],
        summary=row.summary,
        created_by=creator,
        created_at=row.created_at,
        updated_at=row.updated_at,
        finished_at=row.finished_at,
    )
