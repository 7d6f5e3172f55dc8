"""HTML file uploads: one multipart reader for every page with an upload form.

The body is read as it arrives: the form's small fields first, then the file part streamed to
the caller's ``store`` (into storage, or into memory for an import) without buffering the
whole body. Refusals come back as :class:`UploadRefused` with the message shown next to the
file field, in the user's language; the rest of a refused body is drained (up to a bound) so
the browser, still sending, gets our error page instead of a reset connection.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from babel import numbers, units
from litestar import Request
from multipart import MultipartSegment, ParserError, ParserLimitReached, PushMultipartParser  # type: ignore[import-untyped]

from bizsuite.core.dependencies import app_settings
from bizsuite.core.errors import ProblemError, ValidationProblem
from bizsuite.core.files import services as files
from bizsuite.web import i18n
from bizsuite.web.forms import problem_errors
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _

R = TypeVar("R")

#: The form's other fields (the CSRF token) are small; anything beyond this is not our form.
FIELD_BYTES_MAX = 16 * 1024
MAX_PARTS, MAX_PART_HEADERS, MAX_HEADER_BYTES = 8, 4, 1024
#: At most this much of a body is not the file: fields, part headers and boundaries. So the
#: body's length less this is a lower bound of the file's size.
ENVELOPE_BYTES = 64 * 1024
UNREADABLE = N_("The upload could not be read.")
#: A refused upload's remaining body is read (and dropped) up to this much past the limit.
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
            shown = round(value, 1)
            return str(units.format_unit(shown, unit, length="short", locale=locale))
    raise AssertionError("unreachable")


def upload_policy(request: Request[Any, Any, Any]) -> files.UploadPolicy:
    """The deployment's upload limits (size, types)."""
    settings = app_settings(request)
    return files.UploadPolicy.from_settings(settings)


class UploadRefused(Exception):
    """An upload the page refuses: ``status`` and the message for the file field."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


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


def refusal_message(problem: ProblemError, policy: files.UploadPolicy) -> str:
    """Why an upload was refused, in the user's language."""
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
    errors = problem_errors(problem)
    return errors.get("file") or errors.get("__all__") or _(UNREADABLE)


#: ``store(file_part, chunks, declared_size, fields)``: keep the file, return what the page needs.
Store = Callable[[MultipartSegment, AsyncIterator[bytes], int | None, dict[str, str]], Awaitable[R]]


async def receive_upload(
    request: Request[Any, Any, Any],
    policy: files.UploadPolicy,
    store: Store[R],
    *,
    message: Callable[[ProblemError, files.UploadPolicy], str] = refusal_message,
) -> R:
    """Read the upload form's body and hand its file to ``store``; raise :class:`UploadRefused`
    (not a multipart form: 415; no file: 422; a problem from ``store``: its status and
    ``message``). ``declared_size`` is a lower bound of the file's size from the body's length,
    enough to refuse a far too large upload at once."""
    media_type, options = request.content_type
    if media_type != "multipart/form-data" or not options.get("boundary"):
        raise UploadRefused(415, _("Send the file with the upload form."))
    body = MultipartUpload(request.stream(), options["boundary"].encode())
    declared = request.headers.get("content-length")
    length = int(declared) if declared and declared.isdigit() else None
    try:
        await body.start()
        if body.file is None:
            raise UploadRefused(422, _("Choose a file to upload."))
        lower_bound = length - ENVELOPE_BYTES if length is not None else None
        result = await store(
            body.file,
            body.file_chunks(),
            lower_bound if lower_bound and lower_bound > 0 else None,
            body.fields,
        )
        await body.drain()
    except ProblemError as problem:
        if length is not None and length <= policy.max_bytes + DRAIN_SLACK:
            await body.drain()
        raise UploadRefused(problem.status, message(problem, policy)) from problem
    return result
