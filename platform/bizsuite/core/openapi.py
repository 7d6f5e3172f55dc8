"""Shape the OpenAPI document for a good generated client.

Every operation declares its error responses with one named component, ``ProblemDetails``,
so the SDK returns typed problems instead of dropping them (Litestar's default validation
error schema is anonymous and openapi-python-client would skip it).
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, Reference, Schema

from bizsuite.core.errors import PROBLEM_MEDIA_TYPE

_FIELD_ERROR = Schema(
    type="object",  # type: ignore[arg-type]
    title="FieldError",
    description="One invalid field: where it is and what is wrong with it.",
    required=["field", "message", "source"],
    properties={
        "field": Schema(type="string"),  # type: ignore[arg-type]
        "message": Schema(type="string"),  # type: ignore[arg-type]
        "source": Schema(type="string"),  # type: ignore[arg-type]
    },
)
_PROBLEM = Schema(
    type="object",  # type: ignore[arg-type]
    title="ProblemDetails",
    description="An RFC 9457 problem: `type` is stable, `detail` is for people, `errors` name fields.",
    required=["type", "title", "status"],
    properties={
        "type": Schema(type="string"),  # type: ignore[arg-type]
        "title": Schema(type="string"),  # type: ignore[arg-type]
        "status": Schema(type="integer"),  # type: ignore[arg-type]
        "detail": Schema(type="string"),  # type: ignore[arg-type]
        "instance": Schema(type="string"),  # type: ignore[arg-type]
        "request_id": Schema(type="string"),  # type: ignore[arg-type]
        "errors": Schema(type="array", items=Reference(ref="#/components/schemas/FieldError")),  # type: ignore[arg-type]
    },
)

_COMMON = {
    "400": "Malformed request",
    "401": "Missing or invalid credentials",
    "403": "Not allowed",
    "404": "Not found (or another tenant's)",
    "409": "Conflict with the current state",
    "422": "A field is invalid",
    "429": "Rate limited; see Retry-After",
    "503": "Temporarily unavailable; see Retry-After",
}
_WRITE = {
    "412": "The version in If-Match is stale",
    "428": "If-Match is required",
}


def normalise_schema(app: Litestar) -> None:
    """Replace error responses with ``ProblemDetails`` on every operation (in place)."""
    schema = app.openapi_schema
    assert schema.components is not None
    schemas = schema.components.schemas = dict(schema.components.schemas or {})
    schemas["ProblemDetails"] = _PROBLEM
    schemas["FieldError"] = _FIELD_ERROR
    problem_ref = Reference(ref="#/components/schemas/ProblemDetails")
    for path_item in (schema.paths or {}).values():
        for method in ("get", "post", "put", "patch", "delete"):
            operation: Any = getattr(path_item, method, None)
            if operation is None:
                continue
            responses = {k: v for k, v in (operation.responses or {}).items() if not k.startswith(("4", "5"))}
            codes = dict(_COMMON)
            if method in {"patch", "delete"} or (
                method == "post"
                and any(p.name == "If-Match" for p in operation.parameters or [] if hasattr(p, "name"))
            ):
                codes.update(_WRITE)
            for code, description in sorted(codes.items()):
                responses[code] = OpenAPIResponse(
                    description=description,
                    content={PROBLEM_MEDIA_TYPE: OpenAPIMediaType(schema=problem_ref)},
                )
            operation.responses = responses
