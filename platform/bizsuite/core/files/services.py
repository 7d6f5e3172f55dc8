"""File workflows: streamed uploads with limits and type checks, links, renames, deletes."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import AsyncIterable, AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import msgspec
from sqlalchemy import select

from bizsuite.core.billing.entitlements import check_storage, limit_of
from bizsuite.core.billing.metering import METER, stored_bytes
from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ForbiddenProblem, NotFoundProblem, ProblemError, ValidationProblem
from bizsuite.core.files import access
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.rules import (
    SNIFF_BYTES,
    DownloadGrant,
    ExpiredLinkError,
    InvalidLinkError,
    allowed_content_types,
    clean_filename,
    content_matches,
    key_belongs_to,
    normalise_content_type,
    object_key,
)
from bizsuite.core.files.schemas import FileUpdate
from bizsuite.core.files.storage import LocalStorage, ObjectStorage, StorageKeyError
from bizsuite.core.identity.models import Role
from bizsuite.core.ids import new_id
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.settings import Settings

log = logging.getLogger(__name__)


class PayloadTooLargeProblem(ProblemError):
    """The upload is larger than the limit; nothing was stored."""

    status = 413
    slug = "payload-too-large"
    title = "Payload too large"


class UnsupportedMediaTypeProblem(ProblemError):
    """The upload's content type is not accepted."""

    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"


class InvalidDownloadLinkProblem(ForbiddenProblem):
    """A download link that we did not sign, or that was changed."""

    slug = "download-link-invalid"
    title = "Invalid download link"


class ExpiredDownloadLinkProblem(ForbiddenProblem):
    """A genuine download link that is too old; ask for a new one."""

    slug = "download-link-expired"
    title = "Download link expired"


@dataclass(frozen=True, slots=True)
class UploadPolicy:
    """How large an upload may be and which content types are accepted."""

    max_bytes: int
    content_types: frozenset[str]

    @classmethod
    def from_settings(cls, settings: Settings) -> UploadPolicy:
        """The policy the settings describe."""
        return cls(settings.max_upload_bytes, allowed_content_types(settings.upload_content_types))


@dataclass(frozen=True, slots=True)
class Upload:
    """What the client says about the stream it sends."""

    name: str
    content_type: str | None
    declared_size: int | None = None
    document_type: str | None = None
    document_id: uuid.UUID | None = None
    #: Whose file it is, when the caller stores it for someone (a large export for the member who
    #: asked for it); else the caller's person (:func:`acting_person`).
    uploaded_by: uuid.UUID | None = None


@dataclass(slots=True)
class _Measure:
    size: int = 0
    digest: hashlib._Hash = field(default_factory=hashlib.sha256)


async def _measured(
    chunks: AsyncIterable[bytes], measure: _Measure, *, max_bytes: int, content_type: str
) -> AsyncIterator[bytes]:
    """Pass chunks through, counting and hashing them; stop at the limit or a wrong signature."""
    head = bytearray()
    sniffed = False
    async for chunk in chunks:
        if not chunk:
            continue
        measure.size += len(chunk)
        if measure.size > max_bytes:
            raise PayloadTooLargeProblem(f"Files may have at most {max_bytes} bytes.")
        if not sniffed:
            head.extend(chunk[: SNIFF_BYTES - len(head)])
            if len(head) >= SNIFF_BYTES:
                sniffed = True
                _check_signature(content_type, bytes(head))
        measure.digest.update(chunk)
        yield chunk
    if measure.size == 0:
        raise ValidationProblem("The file is empty.")
    if not sniffed:
        _check_signature(content_type, bytes(head))


def _check_signature(content_type: str, head: bytes) -> None:
    if not content_matches(content_type, head):
        raise ValidationProblem.for_field(
            "content_type", f"the file's content is not {content_type}", source="header"
        )


def _document_ref_errors(document_type: str | None, document_id: uuid.UUID | None) -> None:
    if (document_type is None) != (document_id is None):
        raise ValidationProblem.for_field(
            "document_id" if document_id is None else "document_type",
            "document_type and document_id go together",
            source="query",
        )


async def upload(
    ctx: Context,
    storage: ObjectStorage,
    chunks: AsyncIterable[bytes],
    meta: Upload,
    policy: UploadPolicy,
) -> StoredFile:
    """Stream an upload into storage and record it; on any refusal nothing is stored."""
    try:
        name = clean_filename(meta.name)
    except ValueError as exc:
        raise ValidationProblem.for_field("name", str(exc), source="query") from exc
    content_type = normalise_content_type(meta.content_type)
    if not content_type:
        raise UnsupportedMediaTypeProblem("Send the file's type in the Content-Type header.")
    if content_type not in policy.content_types:
        raise UnsupportedMediaTypeProblem(
            f"{content_type} files are not accepted; accepted: {', '.join(sorted(policy.content_types))}."
        )
    if meta.declared_size is not None and meta.declared_size > policy.max_bytes:
        raise PayloadTooLargeProblem(f"Files may have at most {policy.max_bytes} bytes.")
    _document_ref_errors(meta.document_type, meta.document_id)
    limited = limit_of(ctx.tenant, "storage_mb") is not None
    stored = await stored_bytes(ctx.session) if limited else 0
    if limited:
        check_storage(ctx.tenant, stored, meta.declared_size or 0)
    file_id = new_id()
    key = object_key(ctx.tenant_id, file_id)
    measure = _Measure()
    await storage.save(
        key,
        _measured(chunks, measure, max_bytes=policy.max_bytes, content_type=content_type),
        content_type=content_type,
    )
    if limited:
        try:
            check_storage(ctx.tenant, stored, measure.size)
        except BaseException:
            await storage.delete(key)
            raise
    row = StoredFile(
        id=file_id,
        name=name,
        content_type=content_type,
        size=measure.size,
        sha256=measure.digest.hexdigest(),
        storage_backend=storage.backend,
        storage_key=key,
        document_type=meta.document_type,
        document_id=meta.document_id,
        uploaded_by=meta.uploaded_by or await acting_person(ctx),
    )
    ctx.session.add(row)
    try:
        await ctx.session.flush()
    except BaseException:
        await storage.delete(key)
        raise
    ctx.audit("file.uploaded", row, after=snapshot(row))
    METER.touch(ctx.tenant_id)
    return row


@asynccontextmanager
async def removed_on_failure(storage: ObjectStorage, stored: StoredFile) -> AsyncIterator[None]:
    """Remove ``stored``'s object again when the work after its upload fails (the transaction
    then rolls its row back too): a refused upload leaves no object without a row."""
    try:
        yield
    except BaseException:
        await storage.delete(stored.storage_key)
        raise


async def list_files(
    ctx: Context,
    *,
    limit: int,
    cursor: str | None,
    document_type: str | None = None,
    document_id: uuid.UUID | None = None,
) -> tuple[list[StoredFile], str | None]:
    """Return a page of the files the caller may read (:mod:`bizsuite.core.files.access`), newest
    first, optionally those of one document. Large exports' files are listed only when asked for
    by their document type (their requester's own, or every one for an admin)."""
    statement = select(StoredFile).where(await access.readable(ctx))
    if document_type is None:
        statement = statement.where(StoredFile.document_type.is_distinct_from(access.EXPORT_DOCUMENT))
    else:
        statement = statement.where(StoredFile.document_type == document_type)
    if document_id is not None:
        statement = statement.where(StoredFile.document_id == document_id)
    return await list_page(ctx.session, statement, StoredFile, limit=limit, cursor=cursor, descending=True)


async def get_file(ctx: Context, file_id: uuid.UUID) -> StoredFile:
    """Return one file or 404 (also for another tenant's id, and for a file the caller may not
    read: another member's export, a file of a module not granted to them)."""
    row = await fetch(ctx.session, StoredFile, file_id, what="file")
    # Defence in depth: a row never points outside its tenant's prefix.
    if not key_belongs_to(row.storage_key, ctx.tenant_id):
        log.error("file %s has a key outside its tenant prefix", row.id)
        raise NotFoundProblem(f"No file with id {file_id}.")
    if not await access.may_read(ctx, row):
        raise NotFoundProblem(f"No file with id {file_id}.")
    return row


async def download_link(
    ctx: Context, storage: ObjectStorage, file_id: uuid.UUID, *, ttl_seconds: int
) -> tuple[str, dt.datetime]:
    """A short-lived link to the file: a presigned URL (S3) or a signed link (local)."""
    row = await get_file(ctx, file_id)
    if not await storage.exists(row.storage_key):
        # Never hand out a dead link (an object lost, or left behind on another backend: see
        # ``bizsuite storage migrate``).
        log.error("file %s has no stored object under %s (%s)", row.id, row.storage_key, storage.backend)
        raise NotFoundProblem("This file's content is no longer stored.")
    expires_at = utcnow() + dt.timedelta(seconds=ttl_seconds)
    url = await storage.download_url(
        row.storage_key, filename=row.name, content_type=row.content_type, expires_in=ttl_seconds
    )
    return url, expires_at


def open_local_link(storage: ObjectStorage, token: str) -> tuple[Path, DownloadGrant]:
    """The file a signed local link grants, or a 403/404 problem."""
    if not isinstance(storage, LocalStorage):
        raise NotFoundProblem("Downloads go through presigned URLs with this storage backend.")
    try:
        path, grant = storage.open_link(token)
    except ExpiredLinkError as exc:
        raise ExpiredDownloadLinkProblem("This link has expired; ask for a new one.") from exc
    except (InvalidLinkError, StorageKeyError) as exc:
        raise InvalidDownloadLinkProblem("This link is not valid.") from exc
    if not path.is_file():
        raise NotFoundProblem("This file no longer exists.")
    return path, grant


async def acting_person(ctx: Context) -> uuid.UUID | None:
    """The person behind the caller: the signed-in user, or the creator of the API key in use
    (a key acts for the person who made it, so their key may change what it uploaded)."""
    return await access.acting_person(ctx)


def may_change(ctx: Context, row: StoredFile, person: uuid.UUID | None = None) -> bool:
    """Whether the caller may rename, attach or delete ``row``: its uploader, or an admin.

    ``person`` is :func:`acting_person` (default: the signed-in user)."""
    role = ctx.principal.role
    is_admin = role is not None and role.at_least(Role.ADMIN)
    person = person or ctx.principal.user_id
    return is_admin or (row.uploaded_by is not None and row.uploaded_by == person)


async def _may_change(ctx: Context, row: StoredFile) -> None:
    if not may_change(ctx, row, await acting_person(ctx)):
        raise ForbiddenProblem("Only the uploader or an admin can change this file.")


async def update_file(ctx: Context, file_id: uuid.UUID, data: FileUpdate, if_match: str | None) -> StoredFile:
    """Rename a file or (de)attach it to a document."""
    row = await get_file(ctx, file_id)
    await _may_change(ctx, row)
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.name, msgspec.UnsetType):
        try:
            row.name = clean_filename(data.name)
        except ValueError as exc:
            raise ValidationProblem.for_field("name", str(exc)) from exc
    document_type = row.document_type if data.document_type is msgspec.UNSET else data.document_type
    document_id = row.document_id if data.document_id is msgspec.UNSET else data.document_id
    if (document_type is None) != (document_id is None):
        raise ValidationProblem.for_field("document_id", "document_type and document_id go together")
    row.document_type, row.document_id = document_type, document_id
    await ctx.session.flush()
    ctx.audit("file.updated", row, before=before, after=snapshot(row))
    return row


async def _remove(ctx: Context, storage: ObjectStorage, row: StoredFile) -> None:
    before = snapshot(row)
    await ctx.session.delete(row)
    await ctx.session.flush()
    # The row is gone from this transaction; now the object. (Should the commit fail after this,
    # the row survives without its object and downloads answer 404.)
    await storage.delete(row.storage_key)
    ctx.audit("file.deleted", row, before=before, target_id=row.id)
    METER.touch(ctx.tenant_id)


async def delete_file(ctx: Context, storage: ObjectStorage, file_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a file row and its stored object."""
    row = await get_file(ctx, file_id)
    await _may_change(ctx, row)
    check_version(row, if_match)
    await _remove(ctx, storage, row)


async def delete_document_files(
    ctx: Context, storage: ObjectStorage, document_type: str, document_id: uuid.UUID
) -> int:
    """Delete every file attached to a document (modules call this when deleting the document)."""
    rows = list(
        await ctx.session.scalars(
            select(StoredFile).where(
                StoredFile.document_type == document_type, StoredFile.document_id == document_id
            )
        )
    )
    for row in rows:
        await _remove(ctx, storage, row)
    return len(rows)
