"""Bad input never reaches a 500: deep or large JSON, the wrong media type, NUL in a path, and
validation problems in plain words with every bad field at once."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
from bizsuite.core.limits import json_depth
from bizsuite.core.validation import Message, parse, plain
from litestar import Litestar

from tests.conftest import TenantHandle, http_scope

UNITS = "/api/v1/org-units"


async def _unit_count(client: httpx.AsyncClient, tenant: TenantHandle) -> int:
    return len((await client.get(UNITS, headers=tenant.headers)).json()["items"])


async def test_a_body_nested_a_thousand_levels_is_a_422_problem_even_on_the_login(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    deep = "[" * 1000 + "]" * 1000
    for url, headers, body in (
        ("/api/v1/auth/login", {}, deep),
        (UNITS, tenant_a.headers, '{"name": ' + deep + "}"),
    ):
        response = await client.post(
            url, content=body, headers={**headers, "Content-Type": "application/json"}
        )
        assert response.status_code == 422, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["errors"][0]["field"] == "body"
        assert "levels deep" in response.json()["errors"][0]["message"]


async def test_a_large_json_body_is_413_before_decoding(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    body = '{"name": "' + "x" * (2 * 1024 * 1024) + '"}'
    response = await client.post(
        UNITS, content=body, headers={**tenant_a.headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 413 and response.json()["type"].endswith("/payload-too-large")


async def test_json_writes_need_application_json_and_store_nothing_otherwise(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    before = await _unit_count(client, tenant_a)
    body = '{"name": "Plain", "code": "PLAIN", "kind": "department"}'
    response = await client.post(
        UNITS, content=body, headers={**tenant_a.headers, "Content-Type": "text/plain"}
    )
    assert response.status_code == 415 and response.json()["type"].endswith("/unsupported-media-type")
    assert await _unit_count(client, tenant_a) == before
    charset = await client.post(
        UNITS, content=body, headers={**tenant_a.headers, "Content-Type": "application/json; charset=utf-8"}
    )
    assert charset.status_code == 201, charset.text


async def test_a_nul_in_a_path_is_404_not_500(client: httpx.AsyncClient) -> None:
    for url in ("/static/app.css%00", "/api/v1/org-units%00"):
        response = await client.get(url)
        assert response.status_code == 404, (url, response.text)


async def test_every_bad_field_is_reported_at_once_in_plain_words(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    response = await client.post(
        UNITS,
        json={"name": "x" * 300, "code": "A\x00", "kind": "castle", "colour": "red"},
        headers=tenant_a.headers,
    )
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors["name"] == "must be at most 200 characters"
    assert errors["kind"].startswith("must be one of: group, ")
    assert errors["colour"] == "is not a known field"
    assert "code" in errors and "regex" not in errors["code"]
    for message in errors.values():
        assert "`" not in message and "Expected" not in message

    empty = await client.post(UNITS, headers=tenant_a.headers)
    assert empty.status_code == 422
    assert empty.json()["errors"] == [
        {"field": "body", "message": "the request body is required", "source": "body"}
    ]
    missing = await client.post(UNITS, json={}, headers=tenant_a.headers)
    assert {(e["field"], e["message"]) for e in missing.json()["errors"]} == {
        ("name", "is required"),
        ("code", "is required"),
        ("kind", "is required"),
    }


def test_the_catalogue_rewords_msgspec_and_reads_its_own_sentences_back() -> None:
    assert str(plain("Expected `str` matching regex '^[^\\\\x00]*$'")) == "must not contain a NUL character"
    assert str(plain("Expected `int` >= 1")) == "must be at least 1"
    assert str(plain("Invalid RFC3339 encoded date")) == "must be a date written YYYY-MM-DD"
    assert parse("must be at most 200 characters") == Message(
        "must be at most %(n)s characters", {"n": "200"}
    )
    assert parse("unknown account code") is None


def test_the_depth_scan_ignores_brackets_inside_strings() -> None:
    assert json_depth(b'{"a": [1, [2]]}') == 3
    assert json_depth(b'{"a": "' + b"[" * 500 + b'"}') == 1
    assert json_depth(b"[" * 100 + b"]" * 100) == 100


async def _abandoned(app: Litestar, path: str, headers: dict[str, str], part: bytes) -> int:
    """Send ``part`` of a body announced as longer, then go away (as a client that timed out or
    closed its tab does); the status the app answered nobody with."""
    query = b"name=half.pdf" if path.endswith("/files") else b""
    scope = http_scope("POST", path, headers, query)
    messages = [{"type": "http.request", "body": part, "more_body": True}]
    answered: list[int] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answered.append(message["status"])

    await app(scope, receive, send)
    return answered[0]


@pytest.mark.parametrize("idempotent", [False, True], ids=["plain", "idempotency-key"])
async def test_a_client_gone_mid_body_is_logged_499_and_nothing_of_its_half_body_is_stored(
    app: Litestar,
    client: httpx.AsyncClient,
    tenant_a: TenantHandle,
    caplog: pytest.LogCaptureFixture,
    idempotent: bool,
) -> None:
    body = b'{"name": "Half", "code": "HALF", "kind": "department", "description": "'
    headers = {**tenant_a.headers, "Content-Type": "application/json", "Content-Length": "200"}
    if idempotent:
        headers["Idempotency-Key"] = "gone-mid-body"
    before = await _unit_count(client, tenant_a)
    with caplog.at_level(logging.INFO, logger="bizsuite.access"):
        assert await _abandoned(app, UNITS, headers, body) == 499
    assert [r.status for r in caplog.records if r.name == "bizsuite.access"] == [499]  # type: ignore[attr-defined]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert await _unit_count(client, tenant_a) == before
    if idempotent:
        # The key was not spent on the half body: the whole request, retried, is done once.
        whole = '{"name": "Half", "code": "HALF", "kind": "department"}'
        retried = await client.post(
            UNITS, content=whole, headers={**headers, "Content-Length": str(len(whole))}
        )
        assert retried.status_code == 201, retried.text


async def test_an_upload_abandoned_mid_file_is_logged_499_and_stores_no_file(
    app: Litestar, client: httpx.AsyncClient, tenant_a: TenantHandle, caplog: pytest.LogCaptureFixture
) -> None:
    headers = {**tenant_a.headers, "Content-Type": "application/pdf", "Content-Length": "100000"}
    with caplog.at_level(logging.INFO, logger="bizsuite.access"):
        assert await _abandoned(app, "/api/v1/files", headers, b"%PDF-1.7\n" + b"x" * 5000) == 499
    assert [r.status for r in caplog.records if r.name == "bizsuite.access"] == [499]  # type: ignore[attr-defined]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    listed = await client.get("/api/v1/files", headers=tenant_a.headers)
    assert listed.json()["items"] == []
