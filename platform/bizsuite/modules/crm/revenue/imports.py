"""Revenue file imports (CSV and XLSX): upload -> preview with row errors -> confirm -> one job.

- The upload is stored through ``core/files`` and checked at once: the preview shows the first
  rows, totals and every row error (row, column, reason). A file with any bad row is
  ``rejected`` and can never be confirmed: it imports nothing.
- Confirming queues the ``crm.revenue.import`` tenant task. The task checks the file again
  (accounts may have changed since the preview) and upserts every row by account and month in
  ONE transaction, so the import is all or nothing; its progress (``processed_rows``) is written
  by short transactions of their own beside it, which the UI and the API poll. Then tiers and
  churn are recomputed and ``crm.revenue.imported`` is emitted, in the same transaction.
"""

from __future__ import annotations

import csv
import io
import uuid
import zipfile
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import msgspec
from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import Select, String, any_, bindparam, func, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY, DATE, NUMERIC, UUID

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import set_db_setting, utcnow
from bizsuite.core.errors import ConflictProblem, FieldError, ValidationProblem
from bizsuite.core.files import services as files
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.storage import ObjectStorage
from bizsuite.core.identity.models import User
from bizsuite.core.ids import new_id
from bizsuite.core.jobs.queue import JobRun, enqueue, in_tenant
from bizsuite.core.pagination import keyset, page_of
from bizsuite.core.repository import fetch
from bizsuite.core.webhooks.services import emit_event
from bizsuite.modules.crm.models import Account, ImportStatus, RevenueImport
from bizsuite.modules.crm.revenue import rules, services
from bizsuite.modules.crm.revenue.schemas import ImportRowError, RevenueImportOut
from bizsuite.modules.crm.settings.services import latest_revenue_month

IMPORT_TASK = "crm.revenue.import"
DOCUMENT_TYPE = "crm.revenue_import"
CSV_TYPES = frozenset({"text/csv", "text/plain", "application/csv"})
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Errors kept on the import (the count covers them all).
MAX_ERRORS = 200
PREVIEW_ROWS = 20
#: Rows upserted per statement; progress is published after each batch.
BATCH_ROWS = 500
#: The most data rows one file may hold.
MAX_ROWS = 500_000
#: The import job's statement timeout (requests keep the shorter default).
IMPORT_TIMEOUT_MS = 30 * 60 * 1000


class UnreadableFileError(ValueError):
    """The file is not a CSV or XLSX we can read."""


def file_kind(filename: str, content_type: str | None) -> str:
    """``csv`` or ``xlsx`` from the file's name or type; raises ``UnreadableFileError``."""
    lowered = filename.lower()
    if lowered.endswith(".xlsx") or content_type == XLSX_TYPE:
        return "xlsx"
    if lowered.endswith(".csv") or (content_type or "") in CSV_TYPES:
        return "csv"
    raise UnreadableFileError("upload a .csv or .xlsx file")


def read_table(data: bytes, kind: str) -> list[tuple[int, list[Any]]]:
    """The file's rows that hold data (the first sheet of a workbook), header first, each with
    its row number in the file (1-based, as a spreadsheet shows it; blank rows keep counting)."""
    if kind == "xlsx":
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise UnreadableFileError("the workbook cannot be read") from exc
        sheet = book.worksheets[0]
        table = _bounded(sheet.iter_rows(values_only=True))
        book.close()
    else:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                content = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UnreadableFileError("the file is not UTF-8 or GB18030 text")
        try:
            dialect = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        table = _bounded(csv.reader(io.StringIO(content), dialect))
    return table


def _bounded(rows: Iterable[Sequence[Any]]) -> list[tuple[int, list[Any]]]:
    """The rows that hold data (blank lines and a sheet's trailing empty rows are not data), at
    most the header and ``MAX_ROWS + 1`` data rows: enough to refuse a file that is too long
    without holding a huge sheet in memory."""
    table: list[tuple[int, list[Any]]] = []
    for number, row in enumerate(rows, start=1):
        if any(rules.cell_text(cell) for cell in row):
            table.append((number, list(row)))
            if len(table) > MAX_ROWS + 1:
                break
    return table


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """A file checked against the tenant's accounts."""

    rows: list[rules.RevenueRow]
    errors: list[rules.RowError]
    total_rows: int
    summary: dict[str, Any]


async def check_file(ctx: Context, data: bytes, filename: str, content_type: str | None) -> CheckedFile:
    """Parse and check a file: header, account codes (of this tenant only), months, amounts."""
    try:
        table = read_table(data, file_kind(filename, content_type))
    except UnreadableFileError as exc:
        return CheckedFile([], [rules.RowError(1, "file", str(exc))], 0, {})
    if not table:
        return CheckedFile([], [rules.RowError(1, "file", "the file is empty")], 0, {})
    header_row, header = table[0]
    positions, missing = rules.header_columns(header)
    body = table[1:]
    if missing:
        errors = [rules.RowError(header_row, column, "missing column") for column in missing]
        return CheckedFile([], errors, len(body), {})
    if not body:
        return CheckedFile([], [rules.RowError(header_row + 1, "file", "the file has no rows")], 0, {})
    if len(body) > MAX_ROWS:
        return CheckedFile([], [rules.RowError(1, "file", f"at most {MAX_ROWS} rows")], len(body), {})
    names = {index: column for column, index in positions.items()}
    if found := rules.nul_cell(table, names):
        row_number, column = found
        message = f"row {row_number}, {column}: must not contain a NUL character"
        raise ValidationProblem(
            f"The file's {message}.",
            errors=[FieldError(field="file", message=message)],
        )
    codes = {
        rules.cell_text(row[positions["account_code"]])
        for _, row in body
        if len(row) > positions["account_code"]
    }
    # One array parameter (``= ANY``), not one bind per code: asyncpg allows 32767 per statement.
    wanted = bindparam("codes", sorted(codes - {""}), type_=ARRAY(String))
    known = set((await ctx.session.scalars(select(Account.code).where(Account.code == any_(wanted)))).all())
    valid, errors = rules.check_rows(body, positions, known, await latest_revenue_month(ctx))
    return CheckedFile(valid, errors, len(body), _summary(valid))


def _summary(rows: Sequence[rules.RevenueRow]) -> dict[str, Any]:
    if not rows:
        return {"rows": [], "total_amount": "0.00", "accounts": 0, "first_month": None, "last_month": None}
    months = [r.month for r in rows]
    return {
        "rows": [
            {
                "row": r.row,
                "account_code": r.account_code,
                "month": rules.month_label(r.month),
                "amount": str(r.amount),
            }
            for r in rows[:PREVIEW_ROWS]
        ],
        "total_amount": str(sum((r.amount for r in rows), Decimal(0))),
        "accounts": len({r.account_code for r in rows}),
        "first_month": rules.month_label(min(months)),
        "last_month": rules.month_label(max(months)),
    }


def _error_list(errors: Sequence[rules.RowError]) -> list[dict[str, Any]]:
    return [{"row": e.row, "column": e.column, "message": e.message} for e in errors[:MAX_ERRORS]]


async def _single(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def create_import(
    ctx: Context,
    storage: ObjectStorage,
    data: bytes,
    *,
    filename: str,
    content_type: str | None,
    policy: files.UploadPolicy,
) -> RevenueImportOut:
    """Store the file and preview it: ``previewed`` (confirmable) or ``rejected`` (row errors)."""
    try:
        kind = file_kind(filename, content_type)
    except UnreadableFileError as exc:
        raise ValidationProblem.for_field("name", str(exc), source="query") from exc
    stored_type = XLSX_TYPE if kind == "xlsx" else "text/csv"
    import_id = new_id()
    # The content is checked before anything is stored: a refused file (422) leaves nothing.
    checked = await check_file(ctx, data, filename, stored_type)
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
        return await _record_import(ctx, import_id, stored, checked)


async def _record_import(
    ctx: Context, import_id: uuid.UUID, stored: StoredFile, checked: CheckedFile
) -> RevenueImportOut:
    row = RevenueImport(
        id=import_id,
        file_id=stored.id,
        filename=stored.name,
        status=ImportStatus.REJECTED if checked.errors else ImportStatus.PREVIEWED,
        total_rows=checked.total_rows,
        processed_rows=0,
        errors=_error_list(checked.errors),
        error_count=len(checked.errors),
        summary=checked.summary,
        created_by=ctx.principal.label or str(ctx.principal.actor_id or ""),
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("crm.revenue_import.created", row, after=snapshot(row))
    caller = ctx.principal.user
    return import_view(row, caller.name if caller is not None else None)


def _views() -> Select[Any]:
    # ``created_by`` holds the caller's label: a person's email (immutable, unique) for someone
    # signed in, else an API key's name or the operator's label. People are shown by their
    # current name, looked up through that email; the others by the label itself.
    statement: Select[Any] = select(RevenueImport, User.name).outerjoin(  # type: ignore[assignment]
        User, func.lower(User.email) == func.lower(RevenueImport.created_by)
    )
    return statement


def import_view(row: RevenueImport, creator_name: str | None) -> RevenueImportOut:
    """An import as the API and the pages show it; its creator by name."""
    return RevenueImportOut(
        id=row.id,
        file_id=row.file_id,
        filename=row.filename,
        status=row.status,
        total_rows=row.total_rows,
        processed_rows=row.processed_rows,
        error_count=row.error_count,
        errors=[msgspec.convert(e, ImportRowError) for e in row.errors],
        summary=row.summary,
        created_by=creator_name or row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        finished_at=row.finished_at,
    )


async def _import_row(ctx: Context, import_id: uuid.UUID) -> RevenueImport:
    return await fetch(ctx.session, RevenueImport, import_id, what="revenue import")


async def get_import(ctx: Context, import_id: uuid.UUID) -> RevenueImportOut:
    """One import of the tenant, or 404."""
    found = (await ctx.session.execute(_views().where(RevenueImport.id == import_id))).first()
    if found is None:
        await _import_row(ctx, import_id)  # the 404
        raise AssertionError("unreachable")
    return import_view(found[0], found[1])


async def list_imports(
    ctx: Context, *, limit: int, cursor: str | None
) -> tuple[list[RevenueImportOut], str | None]:
    """The tenant's imports, newest first."""
    statement = keyset(_views(), RevenueImport, limit=limit, cursor=cursor, descending=True)
    rows, next_cursor = page_of(
        (await ctx.session.execute(statement)).all(), limit, key=lambda row: (row[0].created_at, row[0].id)
    )
    return [import_view(row[0], row[1]) for row in rows], next_cursor


async def confirm_import(ctx: Context, import_id: uuid.UUID) -> RevenueImportOut:
    """Queue a previewed import; a rejected, running or finished one cannot be confirmed (409)."""
    row = await ctx.session.scalar(
        select(RevenueImport).where(RevenueImport.id == import_id).with_for_update()
    )
    if row is None:
        await _import_row(ctx, import_id)  # the 404
        raise AssertionError("unreachable")
    if row.status is not ImportStatus.PREVIEWED:
        raise ConflictProblem(
            "Only a previewed file without errors can be imported."
            if row.status is ImportStatus.REJECTED
            else f"This import is already {row.status.value}."
        )
    row.status = ImportStatus.RUNNING
    row.processed_rows = 0
    await ctx.session.flush()
    await enqueue(ctx, IMPORT_TASK, {"import_id": str(row.id)})
    ctx.audit("crm.revenue_import.confirmed", row, after={"status": row.status.value})
    return await get_import(ctx, row.id)


# --- the job --------------------------------------------------------------------------------------


async def read_stored(storage: ObjectStorage, row: StoredFile) -> bytes:
    """The stored file's bytes, from whichever backend holds it."""
    return await storage.read(row.storage_key)


UPSERT_SQL = text(
    """
    INSERT INTO crm_monthly_revenue AS r (tenant_id, id, account_id, month, amount)
    SELECT :tenant_id, batch.id, a.id, batch.month, batch.amount
    FROM unnest(:ids, :codes, :months, :amounts) AS batch(id, code, month, amount)
    JOIN crm_accounts a ON a.tenant_id = :tenant_id AND a.code = batch.code
    ON CONFLICT (tenant_id, account_id, month) DO UPDATE
    SET amount = excluded.amount, updated_at = now()
    WHERE r.amount IS DISTINCT FROM excluded.amount
    """
).bindparams(
    bindparam("ids", type_=ARRAY(UUID(as_uuid=True))),
    bindparam("codes", type_=ARRAY(String)),
    bindparam("months", type_=ARRAY(DATE)),
    bindparam("amounts", type_=ARRAY(NUMERIC(18, 2))),
)


async def _set_progress(run: JobRun, import_id: uuid.UUID, **values: Any) -> None:
    async with in_tenant(run.runtime.sessionmaker, run.tenant_id, actor=f"job:{run.task_name}") as ctx:
        await ctx.session.execute(update(RevenueImport).where(RevenueImport.id == import_id).values(**values))


async def run_import(run: JobRun, import_id: uuid.UUID, storage: ObjectStorage) -> None:
    """Import a confirmed file in one transaction, publishing progress beside it."""
    try:
        async with run.transaction() as ctx:
            # A large file and the recompute of a large tenant may take longer than a request may.
            await set_db_setting(ctx.session, "statement_timeout", f"{IMPORT_TIMEOUT_MS}ms")
            row = await _import_row(ctx, import_id)
            if row.status is not ImportStatus.RUNNING:
                return  # finished by an earlier attempt
            stored = await ctx.session.scalar(select(StoredFile).where(StoredFile.id == row.file_id))
            if stored is None:
                raise LookupError("the import's file is gone")
            data = await read_stored(storage, stored)
            checked = await check_file(ctx, data, row.filename, stored.content_type)
            if checked.errors:
                rejected = {
                    "status": ImportStatus.REJECTED,
                    "errors": _error_list(checked.errors),
                    "error_count": len(checked.errors),
                    "finished_at": utcnow(),
                }
                # Nothing is imported: this transaction writes no revenue.
                await _set_progress(run, import_id, **rejected)
                return
            rows = checked.rows
            for start in range(0, len(rows), BATCH_ROWS):
                batch = rows[start : start + BATCH_ROWS]
                await ctx.session.execute(
                    UPSERT_SQL,
                    {
                        "tenant_id": ctx.tenant_id,
                        "ids": [new_id() for _ in batch],
                        "codes": [r.account_code for r in batch],
                        "months": [r.month for r in batch],
                        "amounts": [r.amount for r in batch],
                    },
                )
                await _set_progress(run, import_id, processed_rows=start + len(batch))
            result = await services.recompute(ctx)
            row = await _import_row(ctx, import_id)
            await ctx.session.refresh(row)
            row.status = ImportStatus.COMPLETED
            row.processed_rows = len(rows)
            row.finished_at = utcnow()
            await ctx.session.flush()
            ctx.audit("crm.revenue.imported", row, after={"rows": len(rows), "file_id": str(row.file_id)})
            await emit_event(
                ctx,
                "crm.revenue.imported",
                {
                    "import_id": str(row.id),
                    "filename": row.filename,
                    "rows": len(rows),
                    "accounts": checked.summary.get("accounts", 0),
                    "first_month": checked.summary.get("first_month"),
                    "last_month": checked.summary.get("last_month"),
                    "total_amount": checked.summary.get("total_amount"),
                    "as_of": rules.month_label(result.as_of) if result.as_of else None,
                    "tiers_changed": result.tiers_changed,
                    "at_risk": result.at_risk,
                },
            )
    except Exception as exc:
        await _set_progress(
            run,
            import_id,
            status=ImportStatus.FAILED,
            errors=[{"row": 0, "column": "file", "message": f"the import failed: {type(exc).__name__}"}],
            error_count=1,
            finished_at=utcnow(),
        )
        raise
