"""CSV and XLSX exports of any list, with typed columns in the user's time zone.

A list page names its columns (:class:`Column`: a key, a translated label and a kind) and hands
its rows to :func:`export_response`. XLSX cells are typed: money and decimals are numbers with a
two-decimal format (a SUM in the spreadsheet adds them up), percentages (fractions: 0.25 is 25%)
have a percent format, dates and times are real spreadsheet dates in the time zone the UI shows
(:func:`bizsuite.web.i18n.current_time_zone`); the header row is bold and frozen, an autofilter
covers the data, the sheet is named and the columns are sized. CSV is UTF-8 with a byte-order mark
(so Excel shows Chinese) and ISO timestamps with their offset in that same time zone. Text that
starts like a formula never runs (OWASP "CSV injection").

A list that may hold more than :data:`EXPORT_LIMIT` rows declares an :class:`ExportSource` and
answers with :func:`export_view` (a list on the kernel list component declares it with
:func:`bizsuite.web.lists.list_export_source`): up to the limit the file comes back at once;
beyond it the GET answers a page asking to write it in the background, whose form POSTs the same
address with the CSRF token (a link or an image on another site cannot queue work in someone's
name), and the POST queues the background job :data:`EXPORT_TASK`, which writes the file in
streaming mode to file storage, counts its progress on the job, and tells the user in the inbox;
the page at ``/exports/<job id>`` shows the progress and then the download link. A member has at
most :data:`EXPORTS_IN_FLIGHT` exports queued or running at once (429 beyond). The file is the
requester's: only they and admins can list or download it (``core/files/access.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import importlib
import io
import re
import tempfile
import unicodedata
import uuid
import zoneinfo
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Generic, Literal, TypeVar, get_args
from urllib.parse import quote

import msgspec
from litestar import Controller, Request, Response, get
from litestar.params import FromPath
from litestar.response import Redirect, Template
from sqlalchemy import func, select

from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import NotFoundProblem, ProblemError
from bizsuite.core.files import access
from bizsuite.core.files import services as files
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.storage import storage_from_settings
from bizsuite.core.identity.models import Role
from bizsuite.core.jobs.models import BackgroundJob, JobStatus
from bizsuite.core.jobs.queue import JobRun, enqueue, tenant_task
from bizsuite.web import i18n
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.support import signed_in
from bizsuite.web.templating import page

#: The most rows an export answers at once; a larger one runs as a background job.
EXPORT_LIMIT = 10_000
#: Litestar adds ``; charset=utf-8`` to text media types itself (naming it here repeated it).
CSV_TYPE = "text/csv"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: The background task that writes a large export.
EXPORT_TASK = "exports.write"
#: What a large export's file is attached to (``StoredFile.document_type``).
EXPORT_DOCUMENT = access.EXPORT_DOCUMENT
#: How often (in rows) a large export records its progress on its job.
PROGRESS_EVERY = 2_000
#: How many large exports one member may have queued or running at once.
EXPORTS_IN_FLIGHT = 2

ColumnKind = Literal["text", "int", "money", "decimal", "percent", "date", "datetime"]
COLUMN_KINDS: tuple[str, ...] = get_args(ColumnKind)

#: Spreadsheet number formats by column kind (text and unknown values have none).
NUMBER_FORMATS: dict[str, str] = {
    "int": "#,##0",
    "money": "#,##0.00",
    "decimal": "#,##0.00",
    "percent": "0.0%",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm:ss",
}
#: Column widths (in characters) by kind; text columns are sized from their content.
KIND_WIDTHS: dict[str, int] = {
    "int": 10,
    "money": 16,
    "decimal": 14,
    "percent": 9,
    "date": 12,
    "datetime": 20,
}
MIN_WIDTH, MAX_WIDTH = 8, 60
#: How many rows size the text columns.
SIZING_ROWS = 500
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True, slots=True)
class Column:
    """One exported column: its key (stable, for code), its label (translated) and its kind.

    ``percent`` values are fractions (0.25 shows as 25.0%). A ``text`` column keeps numbers,
    dates and times that arrive in it typed too (so plain-string headers still export well).
    """

    key: str
    label: str
    kind: ColumnKind = "text"

    def __post_init__(self) -> None:
        if self.kind not in COLUMN_KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def columns_of(headers: Sequence[Column | str]) -> list[Column]:
    """Columns as given; a plain string is a text column labelled with it."""
    return [h if isinstance(h, Column) else Column(h, h) for h in headers]


# ---------------------------------------------------------------------------------------------
# Cell values (pure functions)


def _guarded(text: str) -> str:
    # A cell starting like a formula would run in Excel: keep it text (OWASP CSV injection).
    return "'" + text if text[:1] in FORMULA_PREFIXES else text


def _local(value: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
    """``value`` in ``zone`` (a naive time is taken as UTC, as the database stores it)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=zoneinfo.ZoneInfo("UTC"))
    return value.astimezone(zone)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _effective_kind(kind: str, value: Any) -> str:
    """The kind a value is written as: its column's, or for a text column what the value is."""
    if kind != "text":
        return kind
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, Decimal):
        return "decimal"
    if _is_number(value):
        return "number"
    return "text"


def _text(value: Any) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value)
    return str(value)


def xlsx_value(kind: str, value: Any, zone: zoneinfo.ZoneInfo) -> tuple[str, Any]:
    """How a cell is written to XLSX: ``(kind, value)`` with a naive local ``datetime``/``date``
    for dates, a number for numbers, a string otherwise (``("blank", None)`` for nothing).
    A value that does not fit its column's kind is written as text."""
    if value is None or value == "":
        return ("blank", None)
    kind = _effective_kind(kind, value)
    if kind in {"int", "money", "decimal", "percent", "number"} and _is_number(value):
        if kind == "int" and (isinstance(value, int) or value == int(value)):
            return ("int", int(value))
        return (kind if kind != "int" else "decimal", float(value))
    if kind == "datetime" and isinstance(value, date):
        moment = _local(value, zone) if isinstance(value, datetime) else datetime.combine(value, time())
        return ("datetime", moment.replace(tzinfo=None))
    if kind == "date" and isinstance(value, date):
        return ("date", _local(value, zone).date() if isinstance(value, datetime) else value)
    return ("text", _text(value))


def csv_value(kind: str, value: Any, zone: zoneinfo.ZoneInfo) -> str | int | float:
    """How a cell is written to CSV: times as ISO 8601 with their offset in ``zone``, dates as
    ISO dates, money and decimals with two decimals, percentages like ``12.5%``, text guarded."""
    if value is None:
        return ""
    kind = _effective_kind(kind, value)
    if kind == "datetime" and isinstance(value, date):
        if not isinstance(value, datetime):
            return value.isoformat()
        return _local(value, zone).isoformat(timespec="seconds")
    if kind == "date" and isinstance(value, date):
        return (_local(value, zone).date() if isinstance(value, datetime) else value).isoformat()
    if _is_number(value):
        if kind in {"money", "decimal"}:
            return f"{Decimal(str(value)):.2f}"
        if kind == "percent":
            return f"{Decimal(str(value)) * 100:.1f}%"
        if kind == "int" and value == int(value):
            return int(value)
        return value if isinstance(value, int | float) else str(value)
    return _guarded(_text(value))


def display_width(text: str) -> int:
    """How many character cells ``text`` takes in a spreadsheet (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in {"W", "F"} else 1 for ch in text)


def sheet_title(name: str) -> str:
    """A valid worksheet name: no ``[]:*?/\\``, at most 31 characters, never empty."""
    cleaned = _SHEET_FORBIDDEN.sub(" ", name).strip().strip("'")[:31].strip()
    return cleaned or _("Export")


def _disposition(filename: str) -> str:
    return f"attachment; filename=\"{filename.encode('ascii', 'ignore').decode() or 'export'}\"; filename*=UTF-8''{quote(filename)}"


# ---------------------------------------------------------------------------------------------
# Writers


class XlsxWriter:
    """Write rows to an XLSX file one by one (constant memory when writing to a file path)."""

    def __init__(
        self, target: str | io.BytesIO, columns: Sequence[Column], sheet: str, zone: zoneinfo.ZoneInfo
    ) -> None:
        import xlsxwriter  # here: 10 MB a worker needs only for a workbook export

        in_memory = not isinstance(target, str)
        self.workbook = xlsxwriter.Workbook(
            target, {"in_memory": in_memory, "constant_memory": not in_memory, "strings_to_formulas": False}
        )
        self.sheet = self.workbook.add_worksheet(sheet_title(sheet))
        self.columns = list(columns)
        self.zone = zone
        header = self.workbook.add_format(
            {"bold": True, "bottom": 1, "bg_color": "#EEF3F8", "text_wrap": True}
        )
        self.formats = {
            kind: self.workbook.add_format({"num_format": fmt}) for kind, fmt in NUMBER_FORMATS.items()
        }
        self.formats["number"] = self.workbook.add_format({"num_format": "General"})
        self.widths = [max(display_width(c.label), KIND_WIDTHS.get(c.kind, MIN_WIDTH)) for c in self.columns]
        for index, column in enumerate(self.columns):
            self.sheet.write_string(0, index, column.label, header)
        self.sheet.freeze_panes(1, 0)
        self.rows = 0

    def write(self, row: Sequence[Any]) -> None:
        """Append one row (values in the columns' order)."""
        self.rows += 1
        for index, (column, raw) in enumerate(zip(self.columns, row, strict=False)):
            kind, value = xlsx_value(column.kind, raw, self.zone)
            if kind == "blank":
                continue
            if kind in {"date", "datetime"}:
                self.sheet.write_datetime(self.rows, index, value, self.formats[kind])
            elif kind == "text":
                # A string cell never runs as a formula (strings_to_formulas is off too).
                self.sheet.write_string(self.rows, index, value)
                if self.rows <= SIZING_ROWS:
                    self.widths[index] = max(self.widths[index], display_width(value) + 1)
            else:
                self.sheet.write_number(self.rows, index, value, self.formats[kind])
                if self.rows <= SIZING_ROWS and column.kind == "text":
                    self.widths[index] = max(self.widths[index], len(f"{value:,}") + 2)

    def close(self) -> None:
        """Size the columns, filter the data and finish the file."""
        for index, width in enumerate(self.widths):
            self.sheet.set_column(index, index, min(max(width + 2, MIN_WIDTH), MAX_WIDTH))
        if self.columns:
            self.sheet.autofilter(0, 0, max(self.rows, 1), len(self.columns) - 1)
        self.workbook.close()


class CsvWriter:
    """Write rows to a CSV text stream."""

    def __init__(self, target: IO[str], columns: Sequence[Column], zone: zoneinfo.ZoneInfo) -> None:
        self.writer = csv.writer(target)
        self.columns = list(columns)
        self.zone = zone
        self.writer.writerow([c.label for c in self.columns])
        self.rows = 0

    def write(self, row: Sequence[Any]) -> None:
        """Append one row."""
        self.rows += 1
        self.writer.writerow(
            [csv_value(c.kind, v, self.zone) for c, v in zip(self.columns, row, strict=False)]
        )


def _zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(i18n.current_time_zone())


def export_response(
    fmt: str,
    filename: str,
    columns: Sequence[Column | str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str | None = None,
) -> Response[bytes]:
    """Return the rows as a CSV or XLSX download (``fmt`` ``xlsx``, anything else is CSV).

    ``sheet`` names the XLSX worksheet (the file name when not given)."""
    cols = columns_of(columns)
    zone = _zone()
    if fmt == "xlsx":
        buffer = io.BytesIO()
        writer = XlsxWriter(buffer, cols, sheet or filename, zone)
        for row in rows:
            writer.write(row)
        writer.close()
        return Response(
            buffer.getvalue(),
            media_type=XLSX_TYPE,
            headers={"Content-Disposition": _disposition(f"{filename}.xlsx")},
        )
    text = io.StringIO()
    csv_writer = CsvWriter(text, cols, zone)
    for row in rows:
        csv_writer.write(row)
    return Response(
        text.getvalue().encode("utf-8-sig"),
        media_type=CSV_TYPE,
        headers={"Content-Disposition": _disposition(f"{filename}.csv")},
    )


RowT = TypeVar("RowT")
PageFetcher = Callable[[str | None], Awaitable[tuple[list[RowT], str | None]]]


async def every_page(fetch: PageFetcher[RowT], *, limit: int | None = EXPORT_LIMIT) -> list[RowT]:
    """Follow a list service's cursor from the first page to the last (or the first ``limit``
    rows: a picker's choices, never an export, which pages through its :class:`ExportSource`)."""
    rows: list[RowT] = []
    cursor: str | None = None
    while True:
        page_rows, cursor = await fetch(cursor)
        rows += page_rows
        if cursor is None or (limit is not None and len(rows) >= limit):
            return rows if limit is None else rows[:limit]


# ---------------------------------------------------------------------------------------------
# Large exports: a source the background job can run again


FiltersT = TypeVar("FiltersT", bound=msgspec.Struct)
Batches = Callable[[Context, FiltersT], AsyncIterator[Sequence[Sequence[Any]]]]


@dataclass(frozen=True, slots=True)
class ExportSource(Generic[FiltersT]):
    """A list that can be exported whole, in a request or in a background job.

    ``batches(ctx, filters)`` yields the rows page by page (in the columns' order);
    ``columns(filters)`` and ``sheet()`` give the translated column labels (of the view the
    filters describe) and sheet name in the active language. Declare it at module level in
    ``module`` (``__name__``): the job imports that module to run it again.
    """

    name: str
    module: str
    filters: type[FiltersT]
    columns: Callable[[FiltersT], list[Column]]
    batches: Batches[FiltersT]
    sheet: Callable[[], str]


#: Every declared export source, by name.
EXPORT_SOURCES: dict[str, ExportSource[Any]] = {}


def export_source(
    name: str,
    *,
    module: str,
    filters: type[FiltersT],
    columns: Callable[[FiltersT], list[Column]],
    sheet: Callable[[], str],
) -> Callable[[Batches[FiltersT]], ExportSource[FiltersT]]:
    """Declare the decorated ``async def batches(ctx, filters)`` as export source ``name``."""

    def declare(batches: Batches[FiltersT]) -> ExportSource[FiltersT]:
        source = ExportSource(
            name=name, module=module, filters=filters, columns=columns, batches=batches, sheet=sheet
        )
        EXPORT_SOURCES[name] = source
        return source

    return declare


def export_format(request: Request[Any, Any, Any]) -> str:
    """The format a request asks for: ``xlsx`` or ``csv`` (the default)."""
    return "xlsx" if request.query_params.get("format") == "xlsx" else "csv"


class TooManyExportsProblem(ProblemError):
    """The member already has as many large exports queued or running as allowed."""

    status = 429
    slug = "too-many-exports"
    title = "Too many exports"


async def export_view(
    ctx: Context, request: Request[Any, Any, Any], source: ExportSource[FiltersT], filters: FiltersT
) -> Response[Any]:
    """Answer an export request, the one way every export runs (the kernel's pages and every
    module's lists): a GET gets the file itself up to :data:`EXPORT_LIMIT` rows, else a page
    offering to write it in the background; that page's POST (the same address, with the CSRF
    token) queues the background job and redirects to the page that follows it."""
    fmt = export_format(request)
    if request.method == "POST":
        job = await queue_export(ctx, source, filters, fmt)
        return Redirect(f"/exports/{job.id}", status_code=303)
    rows: list[Sequence[Any]] = []
    async for batch in source.batches(ctx, filters):
        rows.extend(batch)
        if len(rows) > EXPORT_LIMIT:
            query = request.url.query
            return page(
                request,
                "exports/confirm.html",
                action=request.url.path + (f"?{query}" if query else ""),
                limit=EXPORT_LIMIT,
                name=source.sheet(),
            )
    return export_response(fmt, source.name, source.columns(filters), rows, sheet=source.sheet())


async def exports_in_flight(ctx: Context, person: uuid.UUID | None) -> int:
    """How many large exports ``person`` has queued or running."""
    if person is None:
        return 0
    count = await ctx.session.scalar(
        select(func.count())
        .select_from(BackgroundJob)
        .where(
            BackgroundJob.task_name == EXPORT_TASK,
            BackgroundJob.status.in_([JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.RETRYING]),
            BackgroundJob.args["requested_by"].astext == str(person),
        )
    )
    return int(count or 0)


async def queue_export(
    ctx: Context, source: ExportSource[FiltersT], filters: FiltersT, fmt: str
) -> BackgroundJob:
    """Queue the background job that writes ``source``'s whole export for the caller (429 when
    they already have :data:`EXPORTS_IN_FLIGHT` under way)."""
    person = ctx.principal.user_id
    if await exports_in_flight(ctx, person) >= EXPORTS_IN_FLIGHT:
        raise TooManyExportsProblem(
            _(
                "You already have %(count)s exports being written; wait for one to finish.",
                count=EXPORTS_IN_FLIGHT,
            ),
            headers={"Retry-After": "30"},
        )
    job = await enqueue(
        ctx,
        EXPORT_TASK,
        {
            "source": source.name,
            "module": source.module,
            "filters": msgspec.to_builtins(filters),
            "fmt": fmt,
            "locale": i18n.current_locale(),
            "time_zone": i18n.current_time_zone(),
            "requested_by": str(ctx.principal.user_id) if ctx.principal.user_id else None,
        },
    )
    assert job is not None, "the export task is recorded"
    ctx.audit("export.queued", job, after={"source": source.name, "format": fmt})
    return job


def _source(name: str, module: str) -> ExportSource[Any]:
    if not module.startswith("bizsuite."):
        raise LookupError(f"no export source module {module!r}")
    importlib.import_module(module)
    try:
        return EXPORT_SOURCES[name]
    except KeyError:
        raise LookupError(f"no export source {name!r} in {module}") from None


async def _record_progress(run: JobRun, **progress: Any) -> None:
    """Note the export's progress on its job (its own short transaction, seen at once)."""
    async with run.transaction() as ctx:
        job = await ctx.session.scalar(select(BackgroundJob).where(BackgroundJob.id == run.job_record_id))
        if job is not None:
            job.args = {**job.args, **progress}


async def _file_chunks(path: Path, size: int = 1 << 20) -> AsyncIterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(size):
            yield chunk


@tenant_task(
    EXPORT_TASK,
    label=N_("Write a large export"),
    description=N_("Write an export of more than 10,000 rows to a file, then tell whoever asked for it."),
    retry=None,
)
async def write_export(
    run: JobRun,
    *,
    source: str,
    module: str,
    filters: dict[str, Any],
    fmt: str,
    locale: str,
    time_zone: str,
    requested_by: str | None = None,
    **_progress: Any,
) -> None:
    """Run the export source again in one transaction, write the file row by row to a temporary
    file, store it, and alert the user who asked for it with a link."""
    from bizsuite.core.alerts.models import Severity
    from bizsuite.core.alerts.services import raise_alert

    i18n.activate(locale, time_zone)
    spec = _source(source, module)
    flt = msgspec.convert(filters, spec.filters)
    zone = _zone()
    columns = spec.columns(flt)
    fmt = "xlsx" if fmt == "xlsx" else "csv"
    filename = f"{spec.name}-{datetime.now(zone):%Y%m%d-%H%M}.{fmt}"
    with tempfile.TemporaryDirectory(prefix="bizsuite-export-") as folder:
        path = Path(folder) / filename
        written = 0
        async with contextlib.AsyncExitStack() as stack:
            ctx = await stack.enter_async_context(run.transaction())
            writer: XlsxWriter | CsvWriter
            if fmt == "xlsx":
                writer = XlsxWriter(str(path), columns, spec.sheet(), zone)
            else:
                writer = CsvWriter(
                    stack.enter_context(path.open("w", encoding="utf-8-sig", newline="")), columns, zone
                )
            async for batch in spec.batches(ctx, flt):
                for row in batch:
                    writer.write(row)
                if writer.rows // PROGRESS_EVERY > written // PROGRESS_EVERY:
                    await _record_progress(run, rows_written=writer.rows)
                written = writer.rows
                await asyncio.sleep(0)  # let the worker's heartbeat run between batches
            if isinstance(writer, XlsxWriter):
                writer.close()
        storage = storage_from_settings(run.runtime.settings)
        async with run.transaction() as ctx:
            content_type = XLSX_TYPE if fmt == "xlsx" else CSV_TYPE
            stored = await files.upload(
                ctx,
                storage,
                _file_chunks(path),
                files.Upload(
                    name=filename,
                    content_type=content_type,
                    document_type=EXPORT_DOCUMENT if run.job_record_id else None,
                    document_id=run.job_record_id,
                    # The requester's file: only they (and admins) may list or download it.
                    uploaded_by=uuid.UUID(requested_by) if requested_by else None,
                ),
                files.UploadPolicy(
                    max_bytes=path.stat().st_size + 1, content_types=frozenset({content_type})
                ),
            )
            async with files.removed_on_failure(storage, stored):
                job = (
                    await ctx.session.scalar(
                        select(BackgroundJob).where(BackgroundJob.id == run.job_record_id)
                    )
                    if run.job_record_id
                    else None
                )
                if job is not None:
                    job.args = {**job.args, "rows_written": written, "file_id": str(stored.id)}
                if requested_by:
                    await raise_alert(
                        ctx,
                        alert_type="export.ready",
                        severity=Severity.INFO,
                        title=_(
                            "Your export %(name)s is ready (%(rows)s rows)",
                            name=filename,
                            rows=i18n.format_number(written),
                        ),
                        target=stored,
                        target_type="files",
                        recipients=[uuid.UUID(requested_by)],
                        data={"job_id": str(run.job_record_id), "rows": written, "file_id": str(stored.id)},
                    )


# ---------------------------------------------------------------------------------------------
# The page that follows a large export


class ExportPages(Controller):
    """A large export's progress, then its download link (for whoever asked, and admins)."""

    path = "/exports"
    include_in_schema = False
    guards = [signed_in]

    @get("/{job_id:uuid}")
    async def show(self, ctx: Ctx, request: Request[Any, Any, Any], job_id: FromPath[uuid.UUID]) -> Template:
        """The export job's state: queued, rows written so far, done (with the file) or failed."""
        job = await ctx.session.scalar(select(BackgroundJob).where(BackgroundJob.id == job_id))
        mine = job is not None and job.args.get("requested_by") == str(ctx.principal.user_id)
        admin = ctx.principal.role is not None and ctx.principal.role.at_least(Role.ADMIN)
        if job is None or job.task_name != EXPORT_TASK or not (mine or admin):
            raise NotFoundProblem(_("No such export."))
        file_id = job.args.get("file_id")
        stored = (
            await ctx.session.scalar(select(StoredFile).where(StoredFile.id == uuid.UUID(file_id)))
            if file_id
            else None
        )
        return page(
            request,
            "exports/job.html",
            job=job,
            stored=stored,
            done=job.status is JobStatus.SUCCEEDED and stored is not None,
            failed=job.status is JobStatus.FAILED,
            rows_written=int(job.args.get("rows_written") or 0),
            limit=EXPORT_LIMIT,
        )
