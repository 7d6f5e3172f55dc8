"""File pages (附件): the tenant's files with upload, download, rename and delete.

Uploads are HTML multipart forms read as they arrive: the file part streams straight into the
files service (and so into storage) without being buffered, with the service's size limit and
content-type checks. Downloads go through the short-lived link the service signs.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Redirect, Template
from multipart import MultipartSegment  # type: ignore[import-untyped]

from bizsuite.core.dependencies import Ctx, app_settings
from bizsuite.core.files import services as files
from bizsuite.core.files.api import file_filters, provide_storage
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.schemas import FileFilters, FileUpdate
from bizsuite.core.identity import services as identity
from bizsuite.core.identity.models import Role
from bizsuite.web.approvals_pages import document_type_labels
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, Submission, form_version, read_form
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_params,
    redirect,
    run_action,
    run_form,
    savepoint,
    signed_in,
)
from bizsuite.web.templating import page
from bizsuite.web.uploads import UploadRefused, format_size, receive_upload, upload_policy

PAGE_SIZE = 25


class FilePages(Controller):
    """The tenant's files (附件): list, upload, download, rename, delete, export."""

    path = "/files"
    include_in_schema = False
    guards = [signed_in]

    async def _render(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        editing: uuid.UUID | None = None,
        values: dict[str, Any] | None = None,
        filters: FileFilters | None = None,
    ) -> Template:
        rows, next_cursor = await files.list_files(
            ctx,
            limit=PAGE_SIZE,
            cursor=request.query_params.get("cursor"),
            **msgspec.structs.asdict(filters or FileFilters()),
        )
        policy = upload_policy(request)
        return page(
            request,
            "files/files.html",
            status_code=status_code,
            rows=rows,
            uploaders=await identity.user_names(ctx, [r.uploaded_by for r in rows]),
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            max_size=format_size(policy.max_bytes),
            accept=",".join(sorted(policy.content_types)),
            size=format_size,
            errors=errors or FormErrors(),
            editing=editing,
            values=values or {},
            can_change=lambda row: files.may_change(ctx, row),
            document_labels=document_type_labels(),
        )

    @get(**filtered_by(file_filters))
    async def files_list(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[FileFilters]
    ) -> Template:
        """A page of files, newest first, with the upload form."""
        return await self._render(ctx, request, filters=filters)

    @post(
        "/upload",
        opt={"min_role": Role.MEMBER, "streams_body": True},
        request_max_body_size=None,
    )
    async def upload(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """Stream the form's file into storage; refusals (413, 415, 422) show next to the field."""

        async def store(
            part: MultipartSegment,
            chunks: AsyncIterator[bytes],
            declared_size: int | None,
            _fields: dict[str, str],
        ) -> StoredFile:
            upload = files.Upload(
                name=part.filename, content_type=part.content_type, declared_size=declared_size
            )
            return await savepoint(
                ctx, files.upload(ctx, provide_storage(request), chunks, upload, upload_policy(request))
            )

        try:
            await receive_upload(request, upload_policy(request), store)
        except UploadRefused as refused:
            return await self._upload_error(ctx, request, refused.status, refused.message)
        return redirect("/files", notice="file.uploaded")

    async def _upload_error(
        self, ctx: Ctx, request: Request[Any, Any, Any], status_code: int, message: str
    ) -> Template:
        return await self._render(ctx, request, status_code=status_code, errors=FormErrors({"file": message}))

    @get("/{file_id:uuid}/download")
    async def download(
        self, ctx: Ctx, request: Request[Any, Any, Any], file_id: FromPath[uuid.UUID]
    ) -> Redirect:
        """Send the browser to the file's short-lived signed (or presigned) link."""
        url, _expires = await files.download_link(
            ctx, provide_storage(request), file_id, ttl_seconds=app_settings(request).download_url_ttl_seconds
        )
        return Redirect(url, status_code=303)

    @post("/{file_id:uuid}/rename", opt={"min_role": Role.MEMBER})
    async def rename(
        self, ctx: Ctx, request: Request[Any, Any, Any], file_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Rename a file (its uploader or an admin)."""
        submission = read_form(data, FileUpdate, ("name",))
        if "name" not in submission.values:  # an emptied field is no rename
            submission.body, submission.errors = None, FormErrors({"name": _("This field is required.")})

        async def again(failed: Submission[FileUpdate]) -> Template:
            return await self._render(
                ctx,
                request,
                status_code=failed.status_code,
                errors=failed.errors,
                editing=file_id,
                values={"name": data.get("name")},
            )

        return await run_form(
            submission,
            lambda update, version: savepoint(ctx, files.update_file(ctx, file_id, update, version)),
            done=lambda _renamed: redirect("/files", notice="file.renamed"),
            again=again,
            back="/files",
        )

    @post("/{file_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete(
        self, ctx: Ctx, request: Request[Any, Any, Any], file_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Delete a file and its stored object (its uploader or an admin)."""
        storage = provide_storage(request)
        return await run_action(
            lambda: savepoint(ctx, files.delete_file(ctx, storage, file_id, form_version(data))),
            back="/files",
            notice="file.deleted",
        )

    @get("/export", **filtered_by(file_filters))
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[FileFilters]
    ) -> Response[bytes]:
        """Download the file list (not the files) as CSV or XLSX."""
        found = await every_page(
            lambda cursor: files.list_files(ctx, limit=200, cursor=cursor, **msgspec.structs.asdict(filters))
        )
        rows = found
        names = await identity.user_names(ctx, [r.uploaded_by for r in rows])
        return export_response(
            request.query_params.get("format", "csv"),
            "files",
            [_("Name"), _("Type"), _("Size (bytes)"), _("Uploaded by"), _("Uploaded"), _("SHA-256")],
            [
                (
                    r.name,
                    r.content_type,
                    r.size,
                    names.get(r.uploaded_by, "") if r.uploaded_by else "",
                    r.created_at,
                    r.sha256,
                )
                for r in rows
            ],
        )
