"""File pages (附件): the tenant's files with upload, download, rename and delete.

Uploads are HTML multipart forms read as they arrive: the file part streams straight into the
files service (and so into storage) without being buffered, with the service's size limit and
content-type checks. Downloads go through the short-lived link the service signs.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

from babel import numbers, units
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template
from multipart import MultipartSegment, ParserError, ParserLimitReached, PushMultipartParser  # type: ignore[import-untyped]

from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError, ValidationProblem
from bizsuite.core.files import services as files
from bizsuite.core.files.api import provide_storage
from bizsuite.core.files.schemas import FileUpdate
from bizsuite.core.identity import services as identity
from bizsuite.core.identity.models import Role
from bizsuite.settings import Settings
from bizsuite.web import i18n
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, decode_form, problem_errors
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import query_params, redirect, signed_in
from bizsuite.web.templating import page

PAGE_SIZE = 25
#: The form's other fields (the CSRF token) are small; anything beyond this is not our form.
FIELD_BYTES_MAX = 16 * 1024
MAX_PARTS, MAX_PART_HEADERS, MAX_HEADER_BYTES = 8, 4, 1024
#: At most this much of a body is not the file: fields, part headers and boundaries. So the
#: body's length less this is a lower bound of the file's size.
ENVELOPE_BYTES = 64 * 1024
UNREADABLE = N_("The upload could not be read.")
#: A refused upload's remaining body is read (and dropped) up to this much past the limit, so the
#: browser, which is still sending, receives the error page instead of a reset connection.
DRAIN_SLACK = 64 * 1024 * 1024


def format_size(size: int) -> str:
    """A byte count for people: 930 B, 12.5 KB, 3.2 MB, in the user's language."""
    locale = i18n.babel_name(i18n.current_locale())
    if size < 1024:
        return f"{numbers.format_decimal(size, locale=locale)} B"
    value = float(size)
    for unit in ("digital-kilobyte", "digital-megabyte", "digital-gigabyte"):
        value /= 1024
        if value < 1024 or unit == "digital-gigabyte":
            shown = numbers.format_decimal(round(value, 1), format="#,##0.#", locale=locale)
            return str(units.format_unit(shown, unit, length="short", locale=locale))
    raise AssertionError("unreachable")


def _settings(request: Request[Any, Any, Any]) -> Settings:
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings


def _version(data: dict[str, Any]) -> str | None:
    value = data.get("version")
    return str(value) if value else None


class MultipartUpload:
    """A ``multipart/form-data`` body read as it arrives: small fields, then one file part streamed."""

    def __init__(self, stream: AsyncIterator[bytes], boundary: bytes) -> None:
        self._events = self._parse(stream, boundary)
        self.fields: dict[str, str] = {}
        self.file: MultipartSegment | None = None

    @staticmethod
    async def _parse(
        stream: AsyncIterator[bytes], boundary: bytes
    ) -> AsyncIterator[MultipartSegment | bytes | None]:
        try:
            with PushMultipartParser(
                boundary,
                max_segment_count=MAX_PARTS,
                max_header_count=MAX_PART_HEADERS,
                max_header_size=MAX_HEADER_BYTES,
            ) as parser:
                while not parser.closed:
                    chunk = await anext(stream, b"")
                    for event in parser.parse(chunk):
                        yield bytes(event) if isinstance(event, bytearray | memoryview) else event
        except (ParserError, ParserLimitReached) as exc:
            raise ValidationProblem.for_field("file", UNREADABLE) from exc

    async def start(self) -> None:
        """Read the fields before the first file part; stop where the file's bytes begin."""
        current: MultipartSegment | None = None
        buffer = bytearray()
        total = 0
        async for event in self._events:
            if isinstance(event, MultipartSegment):
                if event.filename:
                    self.file = event
                    return
                current, buffer = event, bytearray()
            elif event is None:
                if current is not None:
                    self.fields[current.name] = buffer.decode(current.charset or "utf-8", "replace")
                current = None
            else:
                buffer.extend(event)
                total += len(event)
                if total > FIELD_BYTES_MAX:
                    raise ValidationProblem.for_field("file", UNREADABLE)

    async def file_chunks(self) -> AsyncIterator[bytes]:
        """The file part's bytes, as they arrive."""
        async for event in self._events:
            if event is None or isinstance(event, MultipartSegment):
                return
            yield event

    async def drain(self) -> None:
        """Read what is left of the body (the browser sends it all before reading our answer)."""
        async for _event in self._events:
            pass


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
    ) -> Template:
        rows, next_cursor = await files.list_files(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        policy = files.UploadPolicy.from_settings(_settings(request))
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
        )

    @get()
    async def files_list(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """A page of files, newest first, with the upload form."""
        return await self._render(ctx, request)

    @post(
        "/upload",
        opt={"min_role": Role.MEMBER, "streams_body": True},
        request_max_body_size=None,
    )
    async def upload(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """Stream the form's file into storage; refusals (413, 415, 422) show next to the field."""
        policy = files.UploadPolicy.from_settings(_settings(request))
        media_type, options = request.content_type
        if media_type != "multipart/form-data" or not options.get("boundary"):
            return await self._upload_error(ctx, request, 415, _("Send the file with the upload form."))
        body = MultipartUpload(request.stream(), options["boundary"].encode())
        declared = request.headers.get("content-length")
        try:
            await body.start()
            if body.file is None:
                return await self._upload_error(ctx, request, 422, _("Choose a file to upload."))
            # The body's length bounds the file's: enough to refuse a far too large upload at once.
            lower_bound = int(declared) - ENVELOPE_BYTES if declared and declared.isdigit() else None
            async with ctx.session.begin_nested():
                await files.upload(
                    ctx,
                    provide_storage(request),
                    body.file_chunks(),
                    files.Upload(
                        name=body.file.filename,
                        content_type=body.file.content_type,
                        declared_size=lower_bound if lower_bound and lower_bound > 0 else None,
                    ),
                    policy,
                )
            await body.drain()
        except ProblemError as problem:
            if declared and declared.isdigit() and int(declared) <= policy.max_bytes + DRAIN_SLACK:
                await body.drain()
            return await self._upload_error(
                ctx, request, problem.status, self._upload_message(problem, policy)
            )
        return redirect("/files", notice="file.uploaded")

    @staticmethod
    def _upload_message(problem: ProblemError, policy: files.UploadPolicy) -> str:
        """Why the upload was refused, in the user's language."""
        if isinstance(problem, files.PayloadTooLargeProblem):
            return _("The file is larger than the limit of %(size)s.", size=format_size(policy.max_bytes))
        if isinstance(problem, files.UnsupportedMediaTypeProblem):
            return _("Files of this type are not accepted.")
        fields = {e.field for e in problem.errors or []}
        if "content_type" in fields:
            return _("The file's content does not match its type.")
        if "name" in fields:
            return _("The file name is not valid.")
        if problem.detail == "The file is empty.":
            return _("The file is empty.")
        return problem_errors(problem).get("file") or problem_errors(problem).get("__all__", "")

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
            ctx, provide_storage(request), file_id, ttl_seconds=_settings(request).download_url_ttl_seconds
        )
        return Redirect(url, status_code=303)

    @post("/{file_id:uuid}/rename", opt={"min_role": Role.MEMBER})
    async def rename(
        self, ctx: Ctx, request: Request[Any, Any, Any], file_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Rename a file (its uploader or an admin)."""
        update, errors = decode_form({"name": data.get("name")}, FileUpdate)
        if update is not None and update.name is None:  # an emptied field is no rename
            update, errors = None, FormErrors({"name": _("This field is required.")})
        if update is not None:
            try:
                async with ctx.session.begin_nested():
                    await files.update_file(ctx, file_id, update, _version(data))
                return redirect("/files", notice="file.renamed")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                if problem.status != 422:
                    return redirect("/files", notice=f"error.{problem.slug}")
                errors = problem_errors(problem)
        return await self._render(
            ctx, request, status_code=422, errors=errors, editing=file_id, values={"name": data.get("name")}
        )

    @post("/{file_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete(
        self, ctx: Ctx, request: Request[Any, Any, Any], file_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Delete a file and its stored object (its uploader or an admin)."""
        try:
            async with ctx.session.begin_nested():
                await files.delete_file(ctx, provide_storage(request), file_id, _version(data))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            return redirect("/files", notice=f"error.{problem.slug}")
        return redirect("/files", notice="file.deleted")

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the file list (not the files) as CSV or XLSX."""
        found = await every_page(lambda cursor: files.list_files(ctx, limit=200, cursor=cursor))
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
