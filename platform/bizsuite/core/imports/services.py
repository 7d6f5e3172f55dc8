"""The import component: upload -> column mapping -> preview with row errors -> confirm -> one job.

- An upload is stored through ``core/files`` and checked at once against its importer
  (:class:`~bizsuite.core.imports.spec.ImportSpec`): headers matched to fields by name, label or
  alias (en and zh-CN), every row parsed and checked. The preview keeps the first valid rows, the
  importer's figures and every row error (row, column, reason, value). A file with any error is
  ``rejected`` and can never be confirmed: it imports nothing.
- The mapping can be changed while the import is not running or done; the file is checked again.
- Confirming queues the ``imports.run`` tenant task. The task checks the file again (the data may
  have changed since the preview) and writes every row in ONE transaction, so the import is all or
  nothing; its progress (``processed_rows``) is written by short transactions of their own beside
  it, which the pages and the API poll.
- Discarding removes an import that has not run (and its file); a finished one stays as history.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Mapping
from typing import Any

from sqlalchemy import Select, func, select, text, update

from bizsuite.core.context import Context, Principal, snapshot
from bizsuite.core.db import set_db_setting, utcnow
from bizsuite.core.errors import ConflictProblem, FieldError, NotFoundProblem, ValidationProblem
from bizsuite.core.files import access
from bizsuite.core.files import services as files
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.storage import ObjectStorage
from bizsuite.core.identity.models import User
from bizsuite.core.ids import new_id
from bizsuite.core.imports import spec as kit
from bizsuite.core.imports.models import DataImport, ImportStatus
from bizsuite.core.imports.spec import FILE, ImportSpec, RowError
from bizsuite.core.jobs.queue import JobRun, enqueue, in_tenant
from bizsuite.core.pagination import keyset, page_of
from bizsuite.core.repository import fetch
from bizsuite.core.webhooks.services import emit_event
from bizsuite.kit import registry

IMPORT_TASK = "imports.run"
DOCUMENT_TYPE = access.IMPORT_DOCUMENT
#: The import job's statement timeout (requests keep the shorter default).
IMPORT_TIMEOUT_MS = 30 * 60 * 1000
#: Statuses whose mapping may change and which may be discarded.
OPEN = (ImportStatus.PREVIEWED, ImportStatus.REJECTED)


def importer(kind: str, principal: Principal, *, query_field: str | None = None) -> ImportSpec[Any]:
    """The importer ``kind`` this caller may use (its module enabled and granted), else 404 (or,
    when the caller named it in the query parameter ``query_field``, a 422 naming that field)."""
    found = registry().importers.get(kind)
    if found is None or (found.module is not None and not principal.can_use_module(found.module)):
        if query_field is not None:
            message = "is not an importer you can use"
            raise ValidationProblem(
                f"There is no importer {kind!r}.",
                errors=[FieldError(field=query_field, message=message, source="query")],
            )
        raise NotFoundProblem(f"There is no importer {kind!r}.")
    return found


def _labels(msgid: str) -> list[str]:
    """A field label's translations (so a file with headers in any product language maps itself)."""
    from bizsuite.web.i18n import SUPPORTED, translations

    return [translations(locale).gettext(msgid) for locale in SUPPORTED]


# --- checking -------------------------------------------------------------------------------------


async def check_file(
    ctx: Context,
    spec: ImportSpec[Any],
    data: bytes,
    filename: str,
    content_type: str | None,
    mapping: Mapping[str, int] | None = None,
) -> tuple[kit.Checked[Any], list[str], dict[str, int]]:
    """Read and check a file against ``spec``: the result, the header row and the mapping used
    (``mapping``, or the automatic one when ``None``)."""
    try:
        table = kit.read_table(data, kit.file_kind(filename, content_type))
    except kit.UnreadableFileError as exc:
        return kit.Checked([], [RowError(1, FILE, str(exc))], 0), [], {}
    if not table:
        return kit.Checked([], [RowError(1, FILE, "the file is empty")], 0), [], {}
    header_row, header = table[0]
    headers = [kit.cell_text(cell) for cell in header]
    used = dict(mapping) if mapping is not None else kit.auto_map(header, spec.fields, _labels)
    body = table[1:]
    problems = kit.mapping_problems(used, spec.fields, len(headers))
    if problems:
        errors = [RowError(header_row, p.split(": ", 1)[0], p.split(": ", 1)[1]) for p in problems]
        return kit.Checked([], errors, len(body)), headers, used
    if not body:
        return kit.Checked([], [RowError(header_row + 1, FILE, "the file has no rows")], 0), headers, used
    if len(body) > kit.MAX_ROWS:
        return kit.Checked([], [RowError(1, FILE, f"at most {kit.MAX_ROWS} rows")], len(body)), headers, used
    columns = {index: name for name, index in used.items()}
    if found := kit.nul_cell(body, [columns.get(i, h) for i, h in enumerate(headers)]):
        row_number, column = found
        message = f"row {row_number}, {column}: must not contain a NUL character"
        raise ValidationProblem(f"The file's {message}.", errors=[FieldError(field="file", message=message)])
    valid, errors = kit.parse_rows(spec, body, used)
    if spec.validate is not None and valid:
        errors.extend(await spec.validate(ctx, valid))
    failed = {e.row for e in errors}
    valid = [p for p in valid if p.row not in failed]
    return kit.Checked(valid, kit.sort_errors(errors, spec.fields), len(body)), headers, used


def summary_of(spec: ImportSpec[Any], checked: kit.Checked[Any]) -> dict[str, Any]:
    """The preview: the first valid rows and the importer's figures."""
    preview = spec.preview or (lambda parsed: {"row": parsed.row, **parsed.cells})
    figures = spec.summarize([p.value for p in checked.rows]) if spec.summarize else {}
    return {"rows": [preview(p) for p in checked.rows[: kit.PREVIEW_ROWS]], **figures}


def _apply_check(row: DataImport, spec: ImportSpec[Any], checked: kit.Checked[Any]) -> None:
    row.status = ImportStatus.REJECTED if checked.errors else ImportStatus.PREVIEWED
    row.total_rows = checked.total_rows
    row.errors = kit.error_dicts(checked.errors)
    row.error_count = len(checked.errors)
    row.summary = summary_of(spec, checked) if not checked.errors or checked.rows else {}


# --- requests -------------------------------------------------------------------------------------


async def _single(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def create_import(
    ctx: Context,
    storage: ObjectStorage,
    spec: ImportSpec[Any],
    data: bytes,
    *,
    filename: str,
    content_type: str | None,
    policy: files.UploadPolicy,
) -> DataImport:
    """Store the file and preview it: ``previewed`` (confirmable) or ``rejected`` (errors)."""
    try:
        kind = kit.file_kind(filename, content_type)
    except kit.UnreadableFileError as exc:
        raise ValidationProblem.for_field("name", str(exc), source="query") from exc
    stored_type = kit.XLSX_TYPE if kind == "xlsx" else "text/csv"
    import_id = new_id()
    # The content is checked before anything is stored: a refused file (422) leaves nothing.
    checked, headers, mapping = await check_file(ctx, spec, data, filename, stored_type)
    stored = await files.upload(
        ctx,
        storage,
        _single(data),
        files.Upload(
            name=filename,
            content_type=stored_type,
            declared_size=len(data),
            document_type=DOCUMENT_TYPE,
            document_id=import_id,
        ),
        policy,
    )
    async with files.removed_on_failure(storage, stored):
        row = DataImport(
            id=import_id,
            kind=spec.key,
            file_id=stored.id,
            filename=stored.name,
            headers=headers,
            mapping=mapping,
            processed_rows=0,
            created_by=ctx.principal.label or str(ctx.principal.actor_id or ""),
        )
        _apply_check(row, spec, checked)
        ctx.session.add(row)
        await ctx.session.flush()
        ctx.audit("import.created", row, after=snapshot(row))
        return row


def _views() -> Select[Any]:
    # ``created_by`` holds the caller's label: a person's email (immutable, unique) for someone
    # signed in, else an API key's name or the operator's label. People are shown by their
    # current name, looked up through that email; the others by the label itself.
    statement: Select[Any] = select(DataImport, User.name).outerjoin(  # type: ignore[assignment]
        User, func.lower(User.email) == func.lower(DataImport.created_by)
    )
    return statement


def _of_kind(statement: Select[Any], kind: str | None) -> Select[Any]:
    return statement if kind is None else statement.where(DataImport.kind == kind)


async def _locked(ctx: Context, import_id: uuid.UUID, kind: str | None) -> DataImport:
    statement = _of_kind(select(DataImport).where(DataImport.id == import_id), kind).with_for_update()
    row = (await ctx.session.scalars(statement)).first()
    if not isinstance(row, DataImport):
        raise NotFoundProblem("No such import.")
    return row


async def get_import(ctx: Context, import_id: uuid.UUID, kind: str | None = None) -> tuple[DataImport, str]:
    """One import of the tenant (of ``kind`` when given) and its uploader's name, or 404."""
    found = (await ctx.session.execute(_of_kind(_views(), kind).where(DataImport.id == import_id))).first()
    if found is None:
        raise NotFoundProblem("No such import.")
    return found[0], found[1] or found[0].created_by


async def list_imports(
    ctx: Context, kind: str | None, *, limit: int, cursor: str | None
) -> tuple[list[tuple[DataImport, str]], str | None]:
    """The tenant's imports (of ``kind`` when given), newest first, with their uploaders' names."""
    statement = keyset(_of_kind(_views(), kind), DataImport, limit=limit, cursor=cursor, descending=True)
    rows, next_cursor = page_of(
        (await ctx.session.execute(statement)).all(), limit, key=lambda row: (row[0].created_at, row[0].id)
    )
    return [(row[0], row[1] or row[0].created_by) for row in rows], next_cursor


async def _stored(ctx: Context, row: DataImport) -> StoredFile:
    stored = await ctx.session.scalar(select(StoredFile).where(StoredFile.id == row.file_id))
    if stored is None:
        raise LookupError("the import's file is gone")
    return stored


async def remap_import(
    ctx: Context,
    storage: ObjectStorage,
    import_id: uuid.UUID,
    mapping: Mapping[str, int | None],
    kind: str | None = None,
) -> DataImport:
    """Use another column mapping (field → 0-based column, ``None``: no column) and check the file
    again; 409 once the import runs or ran, 422 naming the field for an unusable mapping."""
    row = await _locked(ctx, import_id, kind)
    spec = importer(row.kind, ctx.principal)
    if row.status not in OPEN:
        raise ConflictProblem(f"This import is already {row.status.value}; its columns cannot change.")
    chosen = {name: index for name, index in mapping.items() if index is not None}
    problems = kit.mapping_problems(chosen, spec.fields, len(row.headers))
    if problems:
        raise ValidationProblem(
            "The mapping cannot be used.",
            errors=[
                FieldError(field=f"mapping.{p.split(': ', 1)[0]}", message=p.split(": ", 1)[1])
                for p in problems
            ],
        )
    stored = await _stored(ctx, row)
    data = await storage.read(stored.storage_key)
    before = {"mapping": row.mapping, "status": row.status.value}
    checked, _headers, used = await check_file(ctx, spec, data, row.filename, stored.content_type, chosen)
    row.mapping = used
    _apply_check(row, spec, checked)
    row.updated_at = utcnow()
    await ctx.session.flush()
    ctx.audit("import.mapped", row, before=before, after={"mapping": used, "status": row.status.value})
    return row


async def confirm_import(ctx: Context, import_id: uuid.UUID, kind: str | None = None) -> DataImport:
    """Queue a previewed import; a rejected, running or finished one cannot be confirmed (409)."""
    row = await _locked(ctx, import_id, kind)
    importer(row.kind, ctx.principal)
    if row.status is not ImportStatus.PREVIEWED:
        raise ConflictProblem(
            "Only a previewed file without errors can be imported."
            if row.status is ImportStatus.REJECTED
            else f"This import is already {row.status.value}."
        )
    row.status = ImportStatus.RUNNING
    row.processed_rows = 0
    row.updated_at = utcnow()
    await ctx.session.flush()
    await enqueue(ctx, IMPORT_TASK, {"import_id": str(row.id)})
    ctx.audit("import.confirmed", row, after={"status": row.status.value})
    return row


async def discard_import(
    ctx: Context, storage: ObjectStorage, import_id: uuid.UUID, kind: str | None = None
) -> DataImport:
    """Remove an import that has not run, with its file (409 once it runs or ran)."""
    row = await _locked(ctx, import_id, kind)
    importer(row.kind, ctx.principal)
    if row.status not in OPEN:
        raise ConflictProblem(f"This import is already {row.status.value}; it cannot be discarded.")
    before = snapshot(row)
    await ctx.session.delete(row)
    await ctx.session.flush()
    await files.delete_document_files(ctx, storage, DOCUMENT_TYPE, row.id)
    ctx.audit("import.discarded", row, before=before, target_id=row.id)
    return row


# --- the job --------------------------------------------------------------------------------------


async def _set_progress(run: JobRun, import_id: uuid.UUID, **values: Any) -> None:
    async with in_tenant(run.runtime.sessionmaker, run.tenant_id, actor=f"job:{run.task_name}") as ctx:
        await ctx.session.execute(update(DataImport).where(DataImport.id == import_id).values(**values))


async def claim(ctx: Context, import_id: uuid.UUID) -> None:
    """Hold the import for this transaction: a second worker running the same import (a job
    handed over from a worker thought stalled, a duplicate delivery) waits here until the first
    one's transaction ends, then reads the import's new status and does nothing.

    A transaction-scoped advisory lock rather than ``SELECT ... FOR UPDATE`` on the row: the
    progress is written to that same row by short transactions beside this one, which a row lock
    would block until the import ends. The lock goes with the transaction (commit, rollback or a
    worker killed with its connection), so an import is never left claimed by nobody."""
    await ctx.session.execute(
        text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
        {"key": f"{IMPORT_TASK}:{import_id}"},
    )


async def run_import(run: JobRun, import_id: uuid.UUID, storage: ObjectStorage) -> None:
    """Import a confirmed file in one transaction, publishing progress beside it."""
    try:
        async with run.transaction() as ctx:
            # A large file (and what the importer recomputes after it) may take longer than a request.
            await set_db_setting(ctx.session, "statement_timeout", f"{IMPORT_TIMEOUT_MS}ms")
            await claim(ctx, import_id)
            row = await fetch(ctx.session, DataImport, import_id, what="import")
            if row.status is not ImportStatus.RUNNING:
                return  # finished by an earlier attempt, or by another worker while this one waited
            spec = registry().importers[row.kind]
            stored = await _stored(ctx, row)
            data = await storage.read(stored.storage_key)
            checked, _headers, _used = await check_file(
                ctx, spec, data, row.filename, stored.content_type, row.mapping or None
            )
            if checked.errors:
                # Nothing is imported: this transaction writes nothing.
                await _set_progress(
                    run,
                    import_id,
                    status=ImportStatus.REJECTED,
                    errors=kit.error_dicts(checked.errors),
                    error_count=len(checked.errors),
                    finished_at=utcnow(),
                )
                return

            async def progress(done: int) -> None:
                await _set_progress(run, import_id, processed_rows=done)

            values = [p.value for p in checked.rows]
            outcome = dict(await spec.apply(ctx, values, progress))
            await ctx.session.refresh(row)
            row.status = ImportStatus.COMPLETED
            row.processed_rows = len(values)
            row.summary = {**row.summary, **outcome}
            row.finished_at = utcnow()
            await ctx.session.flush()
            event = spec.event or f"{spec.key}.imported"
            ctx.audit(event, row, after={"rows": len(values), "file_id": str(row.file_id), **outcome})
            if event in registry().event_types:
                figures = {k: v for k, v in row.summary.items() if k != "rows"}
                await emit_event(
                    ctx,
                    event,
                    {"import_id": str(row.id), "filename": row.filename, "rows": len(values), **figures},
                )
    except Exception as exc:
        await _set_progress(
            run,
            import_id,
            status=ImportStatus.FAILED,
            errors=[
                {"row": 0, "column": FILE, "message": f"the import failed: {type(exc).__name__}", "value": ""}
            ],
            error_count=1,
            finished_at=utcnow(),
        )
        raise
