"""The hand-written layer on its own: configuration, typed errors and pagination edge cases."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import httpx
import pytest
from bizsuite_client.api.org_units import list_org_units
from bizsuite_client.models import OrgUnitPage
from bizsuite_client.types import Response
from bizsuite_sdk import (
    DEFAULT_BASE_URL,
    ApiError,
    ConfigurationError,
    ConflictError,
    NotFoundError,
    RateLimitError,
    RetryTransport,
    ServerError,
    ValidationError,
    client_from_env,
    create_client,
    error_for,
    paginate,
    unwrap,
)
from bizsuite_sdk.errors import parse_retry_after


def test_client_from_env_reads_the_key_and_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIZSUITE_API_KEY", "bsk_from_env")
    monkeypatch.setenv("BIZSUITE_BASE_URL", "https://bizsuite.example.com/")
    client = client_from_env()
    http = client.get_httpx_client()
    assert http.headers["Authorization"] == "Bearer bsk_from_env"
    assert str(http.base_url) == "https://bizsuite.example.com"
    assert http.headers["User-Agent"].startswith("bizsuite-client/")
    assert http.trust_env is False  # every request goes through the retrying transport

    explicit = client_from_env(api_key="bsk_explicit", base_url="http://10.0.0.5:9000")
    assert explicit.get_httpx_client().headers["Authorization"] == "Bearer bsk_explicit"
    assert str(explicit.get_httpx_client().base_url) == "http://10.0.0.5:9000"


def test_client_from_env_defaults_to_the_local_server_and_needs_a_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BIZSUITE_BASE_URL", raising=False)
    monkeypatch.setenv("BIZSUITE_API_KEY", "bsk_x")
    assert str(client_from_env().get_httpx_client().base_url) == DEFAULT_BASE_URL
    monkeypatch.delenv("BIZSUITE_API_KEY")
    with pytest.raises(ConfigurationError, match="BIZSUITE_API_KEY"):
        client_from_env()


def problem_response(status: int, body: bytes, **headers: str) -> Response[Any]:
    return Response(status_code=HTTPStatus(status), content=body, headers=httpx.Headers(headers), parsed=None)


def test_errors_are_typed_by_status_and_carry_the_problem() -> None:
    body = (
        b'{"type":"https://bizsuite.dev/problems/validation-error","title":"Invalid request","status":422,'
        b'"detail":"name: too short","request_id":"req-123",'
        b'"errors":[{"field":"name","message":"too short","source":"body"}]}'
    )
    with pytest.raises(ValidationError) as invalid:
        unwrap(problem_response(422, body))
    error = invalid.value
    assert (error.status, error.title, error.request_id) == (422, "Invalid request", "req-123")
    assert [(e.field, e.message, e.source) for e in error.errors] == [("name", "too short", "body")]
    assert str(error) == "422 Invalid request - name: too short (name: too short) [request req-123]"

    assert isinstance(error_for(404, b"{}", {}), NotFoundError)
    assert isinstance(error_for(409, b"", {}), ConflictError)
    assert type(error_for(418, b"", {})) is ApiError


def test_an_error_without_problem_details_is_still_typed() -> None:
    gateway = error_for(502, b"<html>Bad Gateway</html>", {"X-Request-ID": "edge-7"})
    assert isinstance(gateway, ServerError)
    assert gateway.problem is None and gateway.errors == []
    assert gateway.request_id == "edge-7"
    assert str(gateway) == "502 HTTP error [request edge-7]"
    limited = error_for(429, b"", {"retry-after": "7"})
    assert isinstance(limited, RateLimitError) and limited.retry_after == 7.0


def test_retry_after_parsing() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_paginate_refuses_a_cursor_that_does_not_advance() -> None:
    def stuck(**kwargs: Any) -> Response[OrgUnitPage]:
        page = OrgUnitPage(items=[], next_cursor="same")
        return Response(status_code=HTTPStatus.OK, content=b"", headers={}, parsed=page)

    with pytest.raises(RuntimeError, match="same cursor"):
        list(paginate(stuck, client=client_from_env(api_key="bsk_x")))


def test_paginate_needs_the_detailed_call() -> None:
    empty = httpx.MockTransport(lambda request: httpx.Response(200, json={"items": [], "next_cursor": None}))
    client = create_client("bsk_x", "http://api.test", transport=RetryTransport(transport=empty))
    assert list(paginate(list_org_units, client=client)) == []
    with pytest.raises(TypeError, match="list operation"):
        list(paginate(list_org_units.sync, client=client))  # type: ignore[arg-type]
