"""CSV (utf-8-sig, so Excel shows Chinese) and XLSX exports of any list."""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote

import xlsxwriter
from litestar import Response

#: The most rows one export holds (larger ones belong in a background export job).
EXPORT_LIMIT = 10_000
#: Litestar adds ``; charset=utf-8`` to text media types itself (naming it here repeated it).
CSV_TYPE = "text/csv"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str):
        # A cell starting like a formula would run in Excel: keep it text (OWASP CSV injection).
        return "'" + value if value[:1] in FORMULA_PREFIXES else value
    if isinstance(value, int | float):
        return value
    return str(value)


def _disposition(filename: str) -> str:
    return f"attachment; filename=\"{filename.encode('ascii', 'ignore').decode() or 'export'}\"; filename*=UTF-8''{quote(filename)}"


def export_response(
    fmt: str, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> Response[bytes]:
    """Return the rows as a CSV or XLSX download."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "constant_memory": True})
        sheet = workbook.add_worksheet()
        bold = workbook.add_format({"bold": True})
        sheet.write_row(0, 0, list(headers), bold)
        for index, row in enumerate(rows, start=1):
            sheet.write_row(index, 0, [_cell(v) for v in row])
        workbook.close()
        return Response(
            buffer.getvalue(),
            media_type=XLSX_TYPE,
            headers={"Content-Disposition": _disposition(f"{filename}.xlsx")},
        )
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return Response(
        text.getvalue().encode("utf-8-sig"),
        media_type=CSV_TYPE,
        headers={"Content-Disposition": _disposition(f"{filename}.csv")},
    )


RowT = TypeVar("RowT")
PageFetcher = Callable[[str | None], Awaitable[tuple[list[RowT], str | None]]]


async def every_page(fetch: PageFetcher[RowT], *, limit: int | None = EXPORT_LIMIT) -> list[RowT]:
    """Follow a list service's cursor from the first page to the last (or ``limit`` rows)."""
    rows: list[RowT] = []
    cursor: str | None = None
    while True:
        page, cursor = await fetch(cursor)
        rows += page
        if cursor is None or (limit is not None and len(rows) >= limit):
            return rows if limit is None else rows[:limit]
