"""Limits on what a request may carry, checked before any database work or JSON decoding.

- A path with an embedded NUL character is a 404 (no file or record has such a name).
- A route that decodes a JSON body accepts only ``application/json`` (or ``+json``) bodies: a
  415 otherwise, so a cross-site HTML form (``text/plain``) cannot drive a JSON write.
- A JSON body is at most ``max_json_body_bytes`` (413) and nested at most :data:`MAX_JSON_DEPTH`
  levels deep (422): the decoder would otherwise recurse until Python's stack gives out.

- No string in a JSON body may hold a NUL character (PostgreSQL text cannot store it) or an
  invisible bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069: they make a name
  display as something else): 422 naming every such field. The raw bytes are searched first,
  so ordinary bodies are never decoded twice.

Uploads (multipart) and HTML forms (url-encoded) are not JSON routes and pass untouched.
"""

from __future__ import annotations

import json
import re
from typing import Any

import msgspec
from litestar.enums import RequestEncodingType, ScopeType
from litestar.types import ASGIApp, Receive, Scope, Send

from bizsuite.core import validation
from bizsuite.core.errors import (
    FieldError,
    NotFoundProblem,
    PayloadTooLargeProblem,
    ProblemError,
    ValidationProblem,
)
from bizsuite.core.http import read_body

#: Deepest nesting of arrays and objects a JSON body may have (our schemas need fewer than ten).
MAX_JSON_DEPTH = 64
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Strings (where brackets are just text) and the brackets themselves, for the depth scan.
_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


class UnsupportedMediaTypeProblem(ProblemError):
    """The body's content type is not the one the operation reads."""

    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"


def json_depth(body: bytes) -> int:
    """How deeply the arrays and objects of a JSON document nest (brackets in strings ignored).

    Cheap: documents with few brackets are answered by counting them, without a scan.
    """
    opening = body.count(b"[") + body.count(b"{")
    if opening <= MAX_JSON_DEPTH:
        return opening
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(body):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


def reads_json(scope: Scope) -> bool:
    """Whether the matched route decodes a JSON request body."""
    handler: Any = scope.get("route_handler")
    if handler is None:
        return False
    data = handler.parsed_fn_signature.parameters.get("data")
    if data is None:
        return False
    media_type = getattr(data.kwarg_definition, "media_type", None)
    return media_type in (None, RequestEncodingType.JSON)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def is_json_media_type(content_type: str | None) -> bool:
    """``application/json`` or a ``+json`` type (parameters such as charset allowed)."""
    media = (content_type or "").split(";")[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


#: Traces of a NUL or a bidi control in raw JSON: escaped (``\\u0000``, ``\\u202e``) or as UTF-8.
_HOSTILE_BYTES = re.compile(
    rb"\\u0000|\\u202[a-eA-E]|\\u206[6-9]|\\u[dD][89a-fA-F]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]",
    re.IGNORECASE,
)
_BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def hostile_strings(value: Any, path: str | None = None) -> list[FieldError]:
    """Every string (key or value) of a decoded body that holds a NUL or a bidi control, by field
    (``a.b[0].c``; the body itself when it is the string; a key may be empty)."""
    found: list[FieldError] = []
    if isinstance(value, str):
        field = "body" if path is None else path
        if "\x00" in value:
            found.append(FieldError(field=field, message=validation.NO_NUL, source="body"))
        elif any("\ud800" <= char <= "\udfff" for char in value):
            found.append(FieldError(field=field, message=validation.NO_SURROGATE, source="body"))
        elif not _BIDI.isdisjoint(value):
            found.append(FieldError(field=field, message=validation.NO_BIDI, source="body"))
    elif isinstance(value, dict):
        for key, item in value.items():
            field = str(key) if path is None else f"{path}.{key}"
            found += hostile_strings(key, field) + hostile_strings(item, field)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += hostile_strings(item, f"[{index}]" if path is None else f"{path}[{index}]")
    return found


def _check_strings(body: bytes, scope: Scope) -> None:
    if not _HOSTILE_BYTES.search(body):
        return
    try:
        decoded = msgspec.json.decode(body)
    except msgspec.DecodeError:
        try:  # msgspec refuses a lone surrogate (\\ud800) without saying where: find the field
            decoded = json.loads(body)
        except ValueError:
            return  # the route's own decoding answers malformed JSON
    if errors := hostile_strings(decoded):
        # Every bad field at once: the schema's own findings for the fields not named already.
        handler: Any = scope.get("route_handler")
        schema = handler.parsed_fn_signature.parameters["data"].annotation
        if validation.is_struct(schema) and isinstance(decoded, dict):
            named = {error.field.split(".")[0].split("[")[0] for error in errors}
            clean = {key: value for key, value in decoded.items() if key not in named}
            errors += [
                FieldError(field=issue.field, message=str(issue.message), source="body")
                for issue in validation.field_errors(clean, schema)
                if issue.field.split(".")[0].split("[")[0] not in named
            ]
        raise ValidationProblem("Some text holds characters that cannot be stored.", errors=errors)


def _too_deep() -> ValidationProblem:
    message = validation.TOO_DEEP
    return ValidationProblem(
        f"The body {message}.", errors=[FieldError(field="body", message=message, source="body")]
    )


class BodyLimitsMiddleware:
    """Refuse NUL paths, non-JSON bodies on JSON routes, and JSON too large or too deep."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        if "\x00" in scope.get("path", "") or b"%00" in bytes(scope.get("raw_path") or b""):
            raise NotFoundProblem("No such address.")
        if str(scope.get("method", "")) not in _BODY_METHODS or not reads_json(scope):
            await self.app(scope, receive, send)
            return
        limit = int(scope["litestar_app"].state.settings.max_json_body_bytes)
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise PayloadTooLargeProblem(f"The body must be at most {limit} bytes.")
        body, replay = await read_body(
            receive, limit=limit, too_large=f"The body must be at most {limit} bytes."
        )
        if body.strip():
            if not is_json_media_type(_header(scope, b"content-type")):
                raise UnsupportedMediaTypeProblem("Send the body as application/json.")
            if json_depth(body) > MAX_JSON_DEPTH:
                raise _too_deep()
            _check_strings(body, scope)
        await self.app(scope, replay, send)
