"""Shape the OpenAPI document for a good generated client.

Every operation declares its error responses with one named component, ``ProblemDetails``,
so the SDK returns typed problems instead of dropping them (Litestar's default validation
error schema is anonymous and openapi-python-client would skip it).

The rest keeps the generated SDK (``sdk/bizsuite_client``) free of artefacts:

- a 204 response declares no body (a ``null`` JSON body made the client call ``.json()``
  on an empty response and crash), and a file download is a named binary body (Litestar
  leaves the media type empty, which the generator rejects);
- header parameters are plain strings (a header cannot be ``null``), and ``If-Match`` is
  required because every write that takes it answers 428 without it;
- tenant POSTs declare the optional ``Idempotency-Key`` header the server honours, so the
  SDK takes ``idempotency_key=`` as a request option;
- free-form JSON objects are one named component, ``JsonObject``, instead of anonymous
  classes such as ``AuditEntryOutAfterType0``;
- a time of day (``datetime.time``) is a string ``HH:MM:SS`` with a pattern (Litestar documents
  it as an ISO 8601 duration, which no time of day is);
- the document lists the webhook event types (``x-bizsuite-event-types``: name and
  description of each), so the SDK generates one typed event class per type.

Which error statuses an operation lists is derived in one place, :func:`error_statuses`, from
what the route is (its guards, path parameters, body, ``If-Match``, opts), so a new route
documents what the server can answer the day it exists. A handler adds what only it answers
with ``responses=`` (an extra success status such as a deduplicated ``200``, or an error);
``tests/core/test_openapi_statuses.py`` holds the route table to the rule.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from litestar import Litestar
from litestar.enums import ParamType
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPI, OpenAPIMediaType, OpenAPIResponse, Parameter, Reference, Schema
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType
from litestar.plugins import OpenAPISchemaPlugin
from litestar.routes import HTTPRoute
from litestar.typing import FieldDefinition

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

#: What each error status means, whichever operation lists it.
STATUS_DESCRIPTIONS = {
    "400": "Malformed request",
    "401": "Missing or invalid credentials",
    "403": "Not allowed",
    "404": "Not found (or another tenant's)",
    "409": "Conflict with the current state (a duplicate, or an Idempotency-Key reused with another body)",
    "412": "The version in If-Match is stale",
    "413": "The body is too large",
    "415": "The body's content type is not accepted",
    "422": "A field is invalid",
    "428": "If-Match is required",
    "429": "Rate limited; see Retry-After",
    "503": "Temporarily unavailable; see Retry-After",
}
#: Every operation: a malformed request, an invalid parameter, the rate limit, the database away.
ALWAYS = frozenset({"400", "422", "429", "503"})
_WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_JSON_OBJECT = Schema(
    type="object",  # type: ignore[arg-type]
    title="JsonObject",
    description="A JSON object with free-form keys.",
    additional_properties=Schema(),
)
_JSON_OBJECT_REF = Reference(ref="#/components/schemas/JsonObject")
#: Tags whose POSTs the idempotency middleware does not cover: it keeps keys per tenant, and
#: sign-in and the operator's tenant registry run without a tenant.
_NO_IDEMPOTENCY_TAGS = frozenset({"auth", "tenants"})
_IDEMPOTENCY_KEY = "Idempotency-Key"


class TimeOfDaySchema(OpenAPISchemaPlugin):
    """``datetime.time`` as the string the server reads and writes (``09:30:00``, local time)."""

    @staticmethod
    def is_plugin_supported_type(value: Any) -> bool:
        return value is datetime.time

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> Schema:
        return Schema(
            type=OpenAPIType.STRING,
            pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?$",
            description="A local time of day, HH:MM:SS",
            examples=["09:30:00"],
        )


def _idempotency_key_parameter() -> Parameter:
    return Parameter(
        name=_IDEMPOTENCY_KEY,
        param_in=ParamType.HEADER,
        required=False,
        description=(
            "Any unique string (a UUID): a retry with the same key and body replays the first "
            "successful response for 24 hours instead of running twice."
        ),
        schema=Schema(
            type="string",  # type: ignore[arg-type]
            min_length=1,
            max_length=255,
            description="A unique key (a UUID); a retry with the same key replays the first response.",
        ),
    )


def _without_null(schema: Schema | Reference | None) -> Schema | Reference | None:
    """Return the non-null branch of ``oneOf: [X, null]`` (else ``schema`` unchanged)."""
    if not isinstance(schema, Schema) or not schema.one_of:
        return schema
    branches = [s for s in schema.one_of if not (isinstance(s, Schema) and s.type == OpenAPIType.NULL)]
    if len(branches) != 1 or len(branches) == len(schema.one_of):
        return schema
    branch = branches[0]
    if isinstance(branch, Schema) and branch.description is None:
        branch.description = schema.description
    return branch


def _is_free_form_object(schema: Schema | Reference) -> bool:
    return (
        isinstance(schema, Schema)
        and schema.type == OpenAPIType.OBJECT
        and not schema.properties
        and isinstance(schema.additional_properties, Schema)
        and schema.additional_properties.to_schema() == {}
    )


def _name_free_form_objects(schema: Schema | Reference) -> Schema | Reference:
    """Replace anonymous free-form objects (at any depth) with ``JsonObject``."""
    if _is_free_form_object(schema):
        return _JSON_OBJECT_REF
    if not isinstance(schema, Schema):
        return schema
    if schema.properties:
        schema.properties = {k: _name_free_form_objects(v) for k, v in schema.properties.items()}
    for attribute in ("one_of", "any_of", "all_of"):
        branches = getattr(schema, attribute)
        if branches:
            setattr(schema, attribute, [_name_free_form_objects(b) for b in branches])
    if isinstance(schema.items, Schema | Reference):
        schema.items = _name_free_form_objects(schema.items)
    return schema


def _shape_parameters(operation: Any, method: str) -> None:
    parameters = [p for p in operation.parameters or [] if isinstance(p, Parameter)]
    for parameter in parameters:
        if parameter.param_in == ParamType.HEADER:
            parameter.schema = _without_null(parameter.schema)
            if parameter.name == "If-Match":
                parameter.required = True
    tags = set(operation.tags or [])
    if (
        method == "post"
        and not tags & _NO_IDEMPOTENCY_TAGS
        and not any(p.name == _IDEMPOTENCY_KEY for p in parameters)
    ):
        operation.parameters = [*(operation.parameters or []), _idempotency_key_parameter()]


def _name_media_types(response: OpenAPIResponse) -> None:
    """Describe ``File`` and ``Stream`` responses as named binary bodies.

    Litestar leaves their media type empty (the generator rejects it) and types the body as
    a plain string (the generator would hand back bytes typed ``str``); ``format: binary``
    makes the SDK return a ``File``.
    """
    if not response.content or "" not in response.content:
        return
    media = response.content.pop("")
    schema = media.schema
    named = schema.content_media_type if isinstance(schema, Schema) else None
    if isinstance(schema, Schema) and schema.type == OpenAPIType.STRING and schema.format is None:
        schema.format = OpenAPIFormat.BINARY
    response.content[named or "application/octet-stream"] = media


def problems(descriptions: dict[int, str]) -> dict[int, ResponseSpec]:
    """``responses=`` for the errors only this handler answers (their bodies are ``ProblemDetails``)."""
    return {
        code: ResponseSpec(data_container=None, description=text, generate_examples=False)
        for code, text in descriptions.items()
    }


def error_statuses(handler: HTTPRouteHandler, method: str, path: str, operation: Any) -> set[str]:
    """The error statuses an operation can answer, from what its route is.

    - every operation: 400, 422, 429, 503 (:data:`ALWAYS`);
    - a route behind a guard, or one that signs in: 401 and 403;
    - an id (any parameter) in the path: 404;
    - a write: 409 (a duplicate; a reused ``Idempotency-Key``);
    - a JSON body or a streamed upload: 413 and 415 (``core/limits.py``, the upload policy);
    - an ``If-Match`` header: 412 and 428 (``repository.check_version``);
    - whatever the handler declares itself with ``responses=``.
    """
    codes = set(ALWAYS)
    if handler.resolve_guards() or handler.opt.get("starts_session"):
        codes |= {"401", "403"}
    if "{" in path:
        codes.add("404")
    if method.upper() in _WRITE_METHODS:
        codes.add("409")
    if "data" in handler.parsed_fn_signature.parameters or handler.opt.get("streams_body"):
        codes |= {"413", "415"}
    if any(getattr(p, "name", None) == "If-Match" for p in operation.parameters or []):
        codes |= {"412", "428"}
    codes |= {str(code) for code in handler.responses or {} if int(code) >= 400}
    return codes


def _handlers_by_operation(app: Litestar) -> dict[tuple[str, str], HTTPRouteHandler]:
    """(OpenAPI path, lower-case method) → the route handler serving it."""
    found: dict[tuple[str, str], HTTPRouteHandler] = {}
    for route in app.routes:
        if isinstance(route, HTTPRoute):
            for handler in route.route_handlers:
                for method in handler.http_methods:
                    found[(route.path_format, method.lower())] = handler
    return found


def normalise_schema(app: Litestar) -> None:
    """Shape the document for the SDK (in place): ``ProblemDetails`` errors on every operation and more."""
    schema = app.openapi_schema
    assert schema.components is not None
    schemas = schema.components.schemas = dict(schema.components.schemas or {})
    for component in schemas.values():
        if not _is_free_form_object(component):
            _name_free_form_objects(component)
    schemas["ProblemDetails"] = _PROBLEM
    schemas["FieldError"] = _FIELD_ERROR
    schemas["JsonObject"] = _JSON_OBJECT
    problem_ref = Reference(ref="#/components/schemas/ProblemDetails")
    handlers = _handlers_by_operation(app)
    for path, path_item in (schema.paths or {}).items():
        for method in ("get", "post", "put", "patch", "delete"):
            operation: Any = getattr(path_item, method, None)
            if operation is None:
                continue
            _shape_parameters(operation, method)
            declared = operation.responses or {}
            responses = {k: v for k, v in declared.items() if not k.startswith(("4", "5"))}
            if isinstance(responses.get("204"), OpenAPIResponse):
                responses["204"].content = None
            for response in responses.values():
                if isinstance(response, OpenAPIResponse):
                    _name_media_types(response)
            handler = handlers[(path, method)]
            for code in sorted(error_statuses(handler, method, path, operation)):
                own = (handler.responses or {}).get(int(code))
                description = own.description if own is not None and own.description else None
                description = description or STATUS_DESCRIPTIONS.get(code, "Error")
                responses[code] = OpenAPIResponse(
                    description=description,
                    content={PROBLEM_MEDIA_TYPE: OpenAPIMediaType(schema=problem_ref)},
                )
            operation.responses = responses
    _list_event_types(app)


EVENT_TYPES_EXTENSION = "x-bizsuite-event-types"


@dataclass
class _DocumentWithEvents(OpenAPI):
    """The OpenAPI document plus the ``x-bizsuite-event-types`` extension (Litestar has no
    field for document extensions; ``to_schema`` writes a field under its ``alias``)."""

    event_types: list[dict[str, str]] | None = field(default=None, metadata={"alias": EVENT_TYPES_EXTENSION})


def _list_event_types(app: Litestar) -> None:
    """Add every registered webhook event type (name, description), sorted by name."""
    from bizsuite.core.webhooks.rules import event_types

    schema = app.openapi_schema
    schema.__class__ = _DocumentWithEvents
    assert isinstance(schema, _DocumentWithEvents)
    schema.event_types = [
        {"name": name, "description": description} for name, description in sorted(event_types().items())
    ]
