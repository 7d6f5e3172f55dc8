"""The import component's pages: upload, column mapping, preview with row errors, confirm,
progress and discard, for every importer an area declares (``ModuleSpec.importers``).

- ``/imports?kind=<key>``: the upload form, the importer's fields and its import history.
- ``/imports/<id>``: the file's columns and their fields (changeable), the figures, every row error
  (row, column, value, reason), the first valid rows; import, discard; the progress bar.

Every page calls the services the API calls (``core/imports/services.py``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Template
from multipart import MultipartSegment  # type: ignore[import-untyped]

from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError
from bizsuite.core.files import services as files
from bizsuite.core.files.api import provide_storage
from bizsuite.core.identity.models import Role
from bizsuite.core.imports import services
from bizsuite.core.imports.models import DataImport, ImportStatus
from bizsuite.core.imports.spec import FILE, ImportSpec
from bizsuite.kit import registry
from bizsuite.web.forms import FormErrors, problem_errors
from bizsuite.web.i18n import N_, translate_service_message
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import query_params, redirect, run_action, signed_in
from bizsuite.web.templating import page
from bizsuite.web.uploads import UploadRefused, format_size, receive_upload, upload_policy

PAGE_SIZE = 25

STATUS_LABELS = {
    ImportStatus.PREVIEWED.value: N_("Ready to import"),
    ImportStatus.REJECTED.value: N_("Rejected"),
    ImportStatus.RUNNING.value: N_("Importing"),
    ImportStatus.COMPLETED.value: N_("Imported"),
    ImportStatus.FAILED.value: N_("Failed"),
}
#: The component's own row-check messages, translated where they are shown (an importer's parser
#: marks its own with ``N_``).
MESSAGES = (
    N_("is empty"),
    N_("missing column"),
    N_("unknown field"),
    N_("no such column"),
    N_("the file is empty"),
    N_("the file has no rows"),
    N_("upload a .csv or .xlsx file"),
    N_("the workbook cannot be read"),
    N_("the file is not UTF-8 or GB18030 text"),
)
#: Messages with a number or a name in them: pattern → msgid with ``%(value)s``.
PATTERNS = (
    (re.compile(r"^duplicate of row (\d+)$"), N_("duplicate of row %(value)s")),
    (re.compile(r"^at most (\d+) rows$"), N_("at most %(value)s rows")),
    (re.compile(r"^must not be after (.+)$"), N_("must not be after %(value)s")),
    (re.compile(r"^the column is already used for (.+)$"), N_("the column is already used for %(value)s")),
    (re.compile(r"^at most (\d+) characters$"), N_("at most %(value)s characters")),
    (re.compile(r"^the import failed"), N_("the import failed; nothing was imported")),
)
NOTICES = {
    "import.confirmed": N_("Import queued: the progress shows below."),
    "import.mapped": N_("Columns changed; the file was checked again."),
    "import.discarded": N_("Import discarded."),
}


def row_message(message: str) -> str:
    """A row error's reason in the user's language."""
    for pattern, msgid in PATTERNS:
        if match := pattern.match(message):
            return _(msgid, value=match.group(1)) if match.groups() else _(msgid)
    return translate_service_message(message)  # a service sentence with its values, or plain text


def column_label(spec: ImportSpec[Any], column: str) -> str:
    """An error's column: the field's label, or "File" for the whole file."""
    found = spec.field_named(column)
    return _(found.label) if found is not None else _("File") if column == FILE else column


def _refusal(problem: ProblemError, policy: files.UploadPolicy) -> str:
    """Why a file was refused, in the user's language."""
    if isinstance(problem, files.PayloadTooLargeProblem):
        return _("The file is larger than the limit of %(size)s.", size=format_size(policy.max_bytes))
    if any(e.field == "name" for e in problem.errors or []):
        return _("Upload a .csv or .xlsx file.")
    return problem_errors(problem).get("__all__") or _("The upload could not be read.")


def labels(spec: ImportSpec[Any] | None = None) -> dict[str, Any]:
    """What the import templates need to show statuses, columns and reasons."""
    return {
        "status_labels": STATUS_LABELS,
        "row_message": row_message,
        "column_label": (lambda column: column_label(spec, column)) if spec is not None else str,
        "spec": spec,
    }


async def upload_file(ctx: Ctx, request: Request[Any, Any, Any], spec: ImportSpec[Any]) -> DataImport:
    """Read the upload form's file and preview it (raises ``UploadRefused`` with the reason)."""
    policy = upload_policy(request)

    async def store(
        part: MultipartSegment, chunks: AsyncIterator[bytes], _size: int | None, _fields: dict[str, str]
    ) -> DataImport:
        data = bytearray()
        async for chunk in chunks:
            data.extend(chunk)
            if len(data) > policy.max_bytes:
                raise files.PayloadTooLargeProblem("too large")
        async with ctx.session.begin_nested():
            return await services.create_import(
                ctx,
                provide_storage(request),
                spec,
                bytes(data),
                filename=part.filename or "import.csv",
                content_type=part.content_type,
                policy=policy,
            )

    return await receive_upload(request, policy, store, message=_refusal)


def upload_context(
    request: Request[Any, Any, Any], spec: ImportSpec[Any], error: str | None
) -> dict[str, Any]:
    """The upload form's context (``imports/_upload.html``)."""
    return {
        "errors": FormErrors({"file": error} if error else {}),
        "max_size": format_size(upload_policy(request).max_bytes),
        "upload_url": f"/imports/upload?kind={spec.key}",
        **labels(spec),
    }


class ImportPages(Controller):
    """Imports: upload, mapping, preview, confirm, progress, discard and history."""

    path = "/imports"
    include_in_schema = False
    guards = [signed_in]

    async def _render(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        kind: str | None,
        *,
        status_code: int = 200,
        error: str | None = None,
    ) -> Template:
        spec = services.importer(kind, ctx.principal) if kind else None
        rows, next_cursor = await services.list_imports(
            ctx, kind, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        usable = {
            key: found
            for key, found in registry().importers.items()
            if found.module is None or ctx.principal.can_use_module(found.module)
        }
        return page(
            request,
            "imports/imports.html",
            status_code=status_code,
            importers=usable,
            rows=[(row, creator) for row, creator in rows if row.kind in usable],
            next_cursor=next_cursor,
            params=query_params(request, "kind", "cursor"),
            **(upload_context(request, spec, error) if spec else labels()),
        )

    @get()
    async def imports(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """An importer's upload form and history (``?kind=``), or every import of the tenant."""
        return await self._render(ctx, request, request.query_params.get("kind"))

    @post("/upload", opt={"min_role": Role.MEMBER, "streams_body": True}, request_max_body_size=None)
    async def upload(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[Any]:
        """Store the form's file and show its preview."""
        kind = request.query_params.get("kind") or ""
        spec = services.importer(kind, ctx.principal)
        try:
            row = await upload_file(ctx, request, spec)
        except UploadRefused as refused:
            return await self._render(ctx, request, kind, status_code=refused.status, error=refused.message)
        return redirect(f"/imports/{row.id}")

    async def _detail(
        self, ctx: Ctx, request: Request[Any, Any, Any], import_id: uuid.UUID
    ) -> dict[str, Any]:
        row, creator = await services.get_import(ctx, import_id)
        spec = services.importer(row.kind, ctx.principal)
        return {"import": row, "creator": creator, "request": request, **labels(spec)}

    @get("/{import_id:uuid}")
    async def import_detail(
        self, ctx: Ctx, request: Request[Any, Any, Any], import_id: FromPath[uuid.UUID]
    ) -> Template:
        """A file's columns and fields, figures, row errors and first rows; import or discard; progress."""
        context = await self._detail(ctx, request, import_id)
        context.pop("request")
        return page(request, "imports/import.html", **context)

    @get("/{import_id:uuid}/progress")
    async def import_progress(
        self, ctx: Ctx, request: Request[Any, Any, Any], import_id: FromPath[uuid.UUID]
    ) -> Template:
        """The progress bar, polled by htmx while the import runs."""
        return Template(
            template_name="imports/_progress.html",
            context=await self._detail(ctx, request, import_id),
            media_type="text/html",
        )

    @post("/{import_id:uuid}/mapping", opt={"min_role": Role.MEMBER})
    async def mapping(
        self, ctx: Ctx, request: Request[Any, Any, Any], import_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Use the chosen columns and check the file again."""
        row, _creator = await services.get_import(ctx, import_id)
        spec = services.importer(row.kind, ctx.principal)
        chosen: dict[str, int | None] = {}
        for f in spec.fields:
            value = str(data.get(f"map-{f.name}") or "")
            chosen[f.name] = int(value) if value.isdigit() else None

        async def remap() -> Any:
            async with ctx.session.begin_nested():
                return await services.remap_import(ctx, provide_storage(request), import_id, chosen)

        return await run_action(remap, back=f"/imports/{import_id}", notice="import.mapped")

    @post("/{import_id:uuid}/confirm", opt={"min_role": Role.MEMBER})
    async def confirm(self, ctx: Ctx, import_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Queue the import of a previewed file."""

        async def confirm() -> Any:
            async with ctx.session.begin_nested():
                return await services.confirm_import(ctx, import_id)

        return await run_action(confirm, back=f"/imports/{import_id}", notice="import.confirmed")

    @post("/{import_id:uuid}/discard", opt={"min_role": Role.MEMBER})
    async def discard(
        self, ctx: Ctx, request: Request[Any, Any, Any], import_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Remove an import that has not run, and its file; back to the importer's page."""
        row, _creator = await services.get_import(ctx, import_id)
        spec = services.importer(row.kind, ctx.principal)

        async def discard() -> Any:
            async with ctx.session.begin_nested():
                return await services.discard_import(ctx, provide_storage(request), import_id)

        return await run_action(
            discard, back=f"/imports/{import_id}", done=spec.url, notice="import.discarded"
        )


PAGES: list[type[Controller]] = [ImportPages]
