"""Request and response bodies for files."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec

FileName = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
DocumentType = Annotated[
    str,
    msgspec.Meta(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_.]*$", description="A document type."),
]


class FileUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Rename a file or attach it to a document (``null`` detaches). Send ``If-Match: <version>``."""

    name: FileName | msgspec.UnsetType = msgspec.UNSET
    document_type: DocumentType | msgspec.UnsetType | None = msgspec.UNSET
    document_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET


class FileFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The file list's filters: the files attached to one document."""

    document_type: str | None = None
    document_id: uuid.UUID | None = None


class FileOut(msgspec.Struct, kw_only=True):
    """A stored file's metadata."""

    id: uuid.UUID
    name: str
    content_type: str
    size: int
    sha256: str
    document_type: str | None
    document_id: uuid.UUID | None
    uploaded_by: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    version: int


class FilePage(msgspec.Struct, kw_only=True):
    """A page of files."""

    items: list[FileOut]
    next_cursor: str | None


class DownloadLink(msgspec.Struct, kw_only=True):
    """A short-lived link that downloads the file without other credentials."""

    url: str
    expires_at: datetime
