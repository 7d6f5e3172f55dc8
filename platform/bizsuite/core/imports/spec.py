"""What an importer declares, and the plain functions every import runs (no database here).

An area makes a kind of record importable with one :class:`ImportSpec` in its ``ModuleSpec``
(``importers=[...]``): the fields a file may fill (each with its en and zh-CN header aliases),
a row parser turning one row's cells into a typed value or field errors, an optional check
across rows and against the database, and the function that writes the values. The kernel does
the rest: reading CSV/XLSX, matching headers to fields, the preview with row errors, the
all-or-nothing job with progress, discarding (``core/imports/services.py``).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from bizsuite.core.context import Context

T = TypeVar("T")

CSV_TYPES = frozenset({"text/csv", "text/plain", "application/csv"})
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: The most data rows one file may hold.
MAX_ROWS = 500_000
#: Errors kept on an import (the count covers them all).
MAX_ERRORS = 200
#: Valid rows shown in the preview.
PREVIEW_ROWS = 20
#: The column name of an error about the whole file (not one cell).
FILE = "file"


class UnreadableFileError(ValueError):
    """The file is not a CSV or XLSX we can read."""


@dataclass(frozen=True, slots=True)
class ImportField:
    """A field a file's column can fill. ``label`` is a msgid; ``aliases`` are header names (any
    case, en and zh-CN) matched automatically, besides the field's name and its label."""

    name: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    #: A hint shown beside the field on the mapping form (msgid), e.g. the expected format.
    hint: str = ""


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """Why one cell of a row is refused (``message`` is an English msgid; the pages translate it)."""

    field: str
    message: str


@dataclass(frozen=True, slots=True)
class RowError:
    """Why a row cannot be imported: the file's row number (the header is row 1, as a spreadsheet
    shows it), the field (``file`` for the whole file), the reason and the cell's value."""

    row: int
    column: str
    message: str
    value: str = ""


@dataclass(frozen=True, slots=True)
class Parsed(Generic[T]):
    """A row that parsed: its number in the file, its cells by field and its typed value."""

    row: int
    cells: Mapping[str, str]
    value: T


#: One row's cells by field name (``""`` for an empty or unmapped cell) → its value or problems.
RowParser = Callable[[Mapping[str, str]], "T | list[FieldProblem]"]
#: Checks across rows and against the tenant's data (unknown codes, duplicates); runs in the
#: request that previews and again in the job that imports.
RowValidator = Callable[["Context", Sequence[Parsed[T]]], Awaitable[list[RowError]]]
#: Writes every value in the job's one transaction; calls ``progress(done)`` as it goes and returns
#: what to keep in the summary (e.g. ``{"created": 3, "updated": 2}``).
Applier = Callable[["Context", Sequence[T], Callable[[int], Awaitable[None]]], Awaitable[Mapping[str, Any]]]


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of the preview (``summary[key]``), with its label msgid and how it is shown."""

    key: str
    label: str
    #: ``number``, ``money`` or ``text``.
    kind: str = "number"


@dataclass(frozen=True, slots=True)
class Link:
    """A link of the import pages to the imported records (``label`` is a msgid)."""

    label: str
    url: str
    testid: str = "goto-records"


@dataclass(frozen=True)
class ImportSpec(Generic[T]):
    """One kind of importable record (``key``: ``crm.accounts``), declared by its area."""

    key: str
    #: What the import page is titled (msgid), e.g. "Import accounts".
    label: str
    fields: Sequence[ImportField]
    parse: RowParser[T]
    apply: Applier[T]
    validate: RowValidator[T] | None = None
    #: The preview's figures from the valid values (besides rows and errors).
    summarize: Callable[[Sequence[T]], dict[str, Any]] | None = None
    figures: Sequence[Figure] = ()
    #: The preview row of a value (field → text); default: the row's own cells.
    preview: Callable[[Parsed[T]], dict[str, Any]] | None = None
    #: What the import page says the file should hold (msgid).
    description: str = ""
    #: Where to go from the import pages and when done (the imported records).
    links: Sequence[Link] = ()
    #: Set by the module kit: the business module whose users may import.
    module: str | None = None
    #: Webhook event / audit action of a finished import (default ``<key>.imported``).
    event: str | None = None
    #: Rows written per progress step.
    batch_rows: int = 500
    #: Where the import pages of this kind live (upload and history), when not the generic page.
    page_url: str = ""
    #: Extra named translations of the parser's messages with arguments: pattern → msgid.
    patterns: Mapping[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.page_url or f"/imports?kind={self.key}"

    def field_named(self, name: str) -> ImportField | None:
        return next((f for f in self.fields if f.name == name), None)


# --- reading files --------------------------------------------------------------------------------


def file_kind(filename: str, content_type: str | None) -> str:
    """``csv`` or ``xlsx`` from the file's name or type; raises ``UnreadableFileError``."""
    lowered = filename.lower()
    if lowered.endswith(".xlsx") or content_type == XLSX_TYPE:
        return "xlsx"
    if lowered.endswith(".csv") or (content_type or "") in CSV_TYPES:
        return "csv"
    raise UnreadableFileError("upload a .csv or .xlsx file")


def cell_text(value: object) -> str:
    """A cell as text: XLSX dates become ``YYYY-MM-DD`` (midnight dropped), whole floats lose ``.0``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value).strip()


def read_table(
    data: bytes, kind: str, *, blank: Callable[[object], bool] | None = None
) -> list[tuple[int, list[Any]]]:
    """The file's rows that hold data (the first sheet of a workbook), header first, each with its
    row number in the file (1-based, as a spreadsheet shows it; blank rows keep counting)."""
    empty = blank or (lambda cell: not cell_text(cell))
    if kind == "xlsx":
        try:
            # Imported here: openpyxl (with numpy) is 33 MB a worker needs only for a workbook.
            from openpyxl import load_workbook  # type: ignore[import-untyped]

            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise UnreadableFileError("the workbook cannot be read") from exc
        sheet = book.worksheets[0]
        table = _bounded(sheet.iter_rows(values_only=True), empty)
        book.close()
        return table
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFileError("the file is not UTF-8 or GB18030 text")
    try:
        dialect: Any = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return _bounded(csv.reader(io.StringIO(content), dialect), empty)


def _bounded(rows: Iterable[Sequence[Any]], empty: Callable[[object], bool]) -> list[tuple[int, list[Any]]]:
    """At most the header and ``MAX_ROWS + 1`` data rows: enough to refuse a file that is too long
    without holding a huge sheet in memory."""
    table: list[tuple[int, list[Any]]] = []
    for number, row in enumerate(rows, start=1):
        if not all(empty(cell) for cell in row):
            table.append((number, list(row)))
            if len(table) > MAX_ROWS + 1:
                break
    return table


# --- mapping --------------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s_\-./:：（）()]+")


def header_key(text: object) -> str:
    """A header compared loosely: case, spaces, underscores, hyphens and brackets ignored."""
    return _SPACES.sub("", str(text or "").strip().lstrip("\ufeff").lower())


def auto_map(
    headers: Sequence[object],
    fields: Sequence[ImportField],
    labels: Callable[[str], Iterable[str]] = lambda m: (),
) -> dict[str, int]:
    """Each field's column (0-based) whose header is the field's name, label or an alias (the
    first such column wins; a column fills one field). ``labels(msgid)`` adds the label's
    translations, so a file written in any of the product's languages maps itself."""
    wanted: dict[str, str] = {}
    for f in fields:
        for name in (f.name, f.label, *f.aliases, *labels(f.label)):
            wanted.setdefault(header_key(name), f.name)
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    for index, cell in enumerate(headers):
        target = wanted.get(header_key(cell))
        if target is not None and target not in mapping and index not in taken:
            mapping[target] = index
            taken.add(index)
    return mapping


def mapping_problems(mapping: Mapping[str, int], fields: Sequence[ImportField], width: int) -> list[str]:
    """Why a mapping cannot be used: ``"<field>: ..."`` for a required field without a column, a
    column outside the header or a column given to two fields."""
    problems: list[str] = []
    names = {f.name for f in fields}
    for name in mapping:
        if name not in names:
            problems.append(f"{name}: unknown field")
    seen: dict[int, str] = {}
    for f in fields:
        index = mapping.get(f.name)
        if index is None:
            if f.required:
                problems.append(f"{f.name}: missing column")
            continue
        if not 0 <= index < width:
            problems.append(f"{f.name}: no such column")
        elif index in seen:
            problems.append(f"{f.name}: the column is already used for {seen[index]}")
        else:
            seen[index] = f.name
    return problems


def row_cells(
    cells: Sequence[object], mapping: Mapping[str, int], fields: Sequence[ImportField]
) -> dict[str, str]:
    """One row's text by field (``""`` for an unmapped field or a missing cell)."""
    found: dict[str, str] = {}
    for f in fields:
        index = mapping.get(f.name)
        found[f.name] = cell_text(cells[index]) if index is not None and index < len(cells) else ""
    return found


def nul_cell(
    rows: Sequence[tuple[int, Sequence[object]]], headers: Sequence[object]
) -> tuple[int, str] | None:
    """The first cell holding a NUL character, as (row number, its header), or ``None``."""
    for number, cells in rows:
        for index, value in enumerate(cells):
            if isinstance(value, str) and "\x00" in value:
                header = cell_text(headers[index]) if index < len(headers) else ""
                return number, header or f"column {index + 1}"
    return None


@dataclass(frozen=True, slots=True)
class Checked(Generic[T]):
    """A file checked against a spec: the valid rows, every error (sorted by row, then by the
    field's place) and how many data rows the file has."""

    rows: list[Parsed[T]]
    errors: list[RowError]
    total_rows: int


def parse_rows(
    spec: ImportSpec[T], body: Sequence[tuple[int, Sequence[object]]], mapping: Mapping[str, int]
) -> tuple[list[Parsed[T]], list[RowError]]:
    """Each row parsed by the spec: typed values and the errors (row, field, reason, value)."""
    valid: list[Parsed[T]] = []
    errors: list[RowError] = []
    for number, raw in body:
        cells = row_cells(raw, mapping, spec.fields)
        result = spec.parse(cells)
        if isinstance(result, list):
            errors.extend(RowError(number, p.field, p.message, cells.get(p.field, "")) for p in result)
        else:
            valid.append(Parsed(number, cells, result))
    return valid, errors


def sort_errors(errors: Iterable[RowError], fields: Sequence[ImportField]) -> list[RowError]:
    """Errors by row, then in the order of the spec's fields (the file's own errors first)."""
    order = {f.name: i for i, f in enumerate(fields)}
    return sorted(errors, key=lambda e: (e.row, order.get(e.column, -1)))


def error_dicts(errors: Sequence[RowError]) -> list[dict[str, Any]]:
    """The errors kept on an import (at most ``MAX_ERRORS``)."""
    return [
        {"row": e.row, "column": e.column, "message": e.message, "value": e.value[:200]}
        for e in errors[:MAX_ERRORS]
    ]
