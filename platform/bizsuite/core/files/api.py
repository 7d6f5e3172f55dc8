"""File endpoints: streamed upload, metadata, short-lived download links, signed local downloads."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.openapi.spec import OpenAPIMediaType, Operation, RequestBody, Schema
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter
from litestar.response import File

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch, app_settings
from bizsuite.core.errors import ValidationProblem
from bizsuite.core.files import services
from bizsuite.core.files.schemas import DownloadLink, FileFilters, FileOut, FilePage, FileUpdate
from bizsuite.core.files.storage import ObjectStorage, storage_from_settings
from bizsuite.core.http import OUTSIDE_PIPELINE
from bizsuite.core.openapi import problems
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam

TAGS = ["files"]
NameParam = Annotated[str, QueryParameter(min_length=1, max_length=255, description="The file's name.")]
ContentTypeParam = Annotated[
    str | None,
    QueryParameter(
        max_length=127,
        description="The file's type, when the Content-Type header cannot carry it (overrides the header).",
    ),
]
DocumentTypeParam = Annotated[str | None, QueryParameter(max_length=64, pattern=r"^[a-z][a-z0-9_.]*$")]
TokenParam = Annotated[str, QueryParameter(min_length=1, max_length=4000, description="The signed grant.")]


def provide_storage(request: Request[Any, Any, Any]) -> ObjectStorage:
    """The application's storage backend (made once, from the settings)."""
    state = request.app.state
    storage: ObjectStorage | None = state.get("file_storage")
    if storage is None:
        storage = state["file_storage"] = storage_from_settings(app_settings(request))
    return storage


STORAGE = {"storage": Provide(provide_storage, sync_to_thread=False)}


def file_filters(
    document_type: DocumentTypeParam = None, document_id: FromQuery[uuid.UUID | None] = None
) -> FileFilters:
    """The file list's filters from their typed query parameters (the API list, the files page
    and its export)."""
    return FileFilters(document_type=document_type, document_id=document_id)


#: Inject :func:`file_filters` as ``filters``.
FILE_FILTERS = {"filters": Provide(file_filters, sync_to_thread=False)}
Storage = NamedDependency[ObjectStorage]


@dataclass
class UploadOperation(Operation):
    """The upload body is the raw file, streamed: declare it as binary for the generated client."""

    def __post_init__(self) -> None:
        self.request_body = RequestBody(
            required=True,
            description="The file's bytes; its type in Content-Type (or the `content_type` query parameter).",
            content={
                "application/octet-stream": OpenAPIMediaType(
                    schema=Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)
                )
            },
        )


def _out(row: object) -> FileOut:
    return msgspec.convert(row, FileOut, from_attributes=True)


def _declared_size(request: Request[Any, Any, Any]) -> int | None:
    raw = request.headers.get("content-length")
    if raw is None:
        return None
    if not raw.strip().isdigit():
        raise ValidationProblem.for_field("Content-Length", "must be a number of bytes", source="header")
    return int(raw)


class FileController(Controller):
    """Files of the tenant, stored under its own key prefix."""

    path = "/api/v1/files"
    tags = TAGS
    guards = [tenant_guard]
    dependencies = STORAGE

    @post(
        operation_id="upload_file",
        summary="Upload a file",
        request_max_body_size=None,
        operation_class=UploadOperation,
        opt={"streams_body": True},
    )
    async def upload_file(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        storage: Storage,
        name: NameParam,
        content_type: ContentTypeParam = None,
        document_type: DocumentTypeParam = None,
        document_id: FromQuery[uuid.UUID | None] = None,
    ) -> FileOut:
        """Upload the request body as a file (streamed; size limit 413, content type 415/422)."""
        settings = app_settings(request)
        row = await services.upload(
            ctx,
            storage,
            request.stream(),
            services.Upload(
                name=name,
                content_type=content_type or request.headers.get("content-type"),
                declared_size=_declared_size(request),
                document_type=document_type,
                document_id=document_id,
            ),
            services.UploadPolicy.from_settings(settings),
        )
        return _out(row)

    @get(operation_id="list_files", summary="List files", dependencies=FILE_FILTERS)
    async def list_files(
        self,
        ctx: Ctx,
        filters: NamedDependency[FileFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> FilePage:
        """List files, newest first, optionally those attached to one document."""
        rows, next_cursor = await services.list_files(
            ctx, limit=limit, cursor=cursor, **msgspec.structs.asdict(filters)
        )
        return FilePage(items=[_out(r) for r in rows], next_cursor=next_cursor)

    @get("/{file_id:uuid}", operation_id="get_file", summary="Get a file's metadata")
    async def get_file(self, ctx: Ctx, file_id: FromPath[uuid.UUID]) -> FileOut:
        """Return one file's metadata."""
        return _out(await services.get_file(ctx, file_id))

    @get("/{file_id:uuid}/download-url", operation_id="get_file_download_url", summary="Get a download link")
    async def get_file_download_url(
        self, ctx: Ctx, request: Request[Any, Any, Any], storage: Storage, file_id: FromPath[uuid.UUID]
    ) -> DownloadLink:
        """Return a short-lived link that downloads the file without other credentials."""
        url, expires_at = await services.download_link(
            ctx, storage, file_id, ttl_seconds=app_settings(request).download_url_ttl_seconds
        )
        if url.startswith("/"):
            url = str(request.base_url).rstrip("/") + url
        return DownloadLink(url=url, expires_at=expires_at)

    @patch(
        "/{file_id:uuid}",
        operation_id="update_file",
        summary="Rename or attach a file",
    )
    async def update_file(
        self, ctx: Ctx, file_id: FromPath[uuid.UUID], data: JSONBody[FileUpdate], if_match: IfMatch = None
    ) -> FileOut:
        """Rename a file or attach it to a document (uploader or admin)."""
        return _out(await services.update_file(ctx, file_id, data, if_match))

    @delete("/{file_id:uuid}", operation_id="delete_file", summary="Delete a file")
    async def delete_file(
        self, ctx: Ctx, storage: Storage, file_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a file and its stored object (uploader or admin)."""
        await services.delete_file(ctx, storage, file_id, if_match)


class FileContentController(Controller):
    """Downloads through signed links of the local backend (the link is the credential)."""

    path = "/api/v1/files/content"
    tags = TAGS
    security = [{}]
    dependencies = STORAGE

    # No transaction, credentials or buffering: the signed grant needs no database.
    @get(
        operation_id="download_file",
        summary="Download through a signed link",
        opt={OUTSIDE_PIPELINE: True},
        responses=problems(
            {
                403: "The link is not one we signed, or it has expired",
                404: "The file is no longer stored",
            }
        ),
    )
    async def download_file(self, storage: Storage, token: TokenParam) -> File:
        """Stream the file a signed, unexpired link grants (403 if changed or expired)."""
        path, grant = services.open_local_link(storage, token)
        return File(
            path=path,
            filename=grant.filename,
            media_type=grant.content_type,
            content_disposition_type="attachment",
            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"},
        )
