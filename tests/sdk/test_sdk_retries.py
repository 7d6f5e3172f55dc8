"""Retries: lost responses, rate limits and outages are retried safely and within bounds."""

from __future__ import annotations

import email.utils
import time
import uuid

import httpx
import pytest
from bizsuite_client.api.org_units import create_org_unit, list_org_units, update_org_unit
from bizsuite_client.models import OrgUnitCreate, OrgUnitUpdate
from bizsuite_sdk import (
    IDEMPOTENCY_KEY,
    RateLimitError,
    RetryPolicy,
    RetryTransport,
    ServerError,
    create_client,
    paginate,
    unwrap,
)

from tests.conftest import TenantHandle

FAST = RetryPolicy(max_retries=2, backoff=0.001, max_backoff=0.002)


class LoseFirstPostResponse(httpx.HTTPTransport):
    """Deliver the first POST to the server, then drop its response as a broken connection would."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str | None] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.method != "POST":
            return response
        self.keys.append(request.headers.get(IDEMPOTENCY_KEY))
        if len(self.keys) == 1:
            response.read()  # the server has answered (and committed) ...
            response.close()
            raise httpx.ReadError("connection reset by peer", request=request)  # ... but we never hear it
        return response


class AsyncLoseFirstPostResponse(httpx.AsyncHTTPTransport):
    """The async twin of ``LoseFirstPostResponse``."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str | None] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        if request.method != "POST":
            return response
        self.keys.append(request.headers.get(IDEMPOTENCY_KEY))
        if len(self.keys) == 1:
            await response.aread()
            await response.aclose()
            raise httpx.ReadError("connection reset by peer", request=request)
        return response


def test_a_post_whose_response_is_lost_is_retried_with_the_same_key_and_creates_one_row(
    live_server: str, tenant_a: TenantHandle
) -> None:
    lossy = LoseFirstPostResponse()
    transport = RetryTransport(FAST, transport=lossy)
    with create_client(tenant_a.api_key, live_server, transport=transport) as client:
        response = create_org_unit.sync_detailed(
            client=client, body=OrgUnitCreate(name="Lost once", code="LOST-1", kind="store")
        )
        unit = unwrap(response)
        assert response.headers["Idempotent-Replayed"] == "true"
        assert len(lossy.keys) == 2 and lossy.keys[0] == lossy.keys[1] and lossy.keys[0]
        assert [u.id for u in paginate(list_org_units, client=client) if u.code == "LOST-1"] == [unit.id]


async def test_an_async_post_whose_response_is_lost_creates_one_row(
    live_server: str, tenant_a: TenantHandle
) -> None:
    lossy = AsyncLoseFirstPostResponse()
    transport = RetryTransport(FAST, async_transport=lossy)
    async with create_client(tenant_a.api_key, live_server, transport=transport) as client:
        key = "caller-chosen-key-0001"
        response = await create_org_unit.asyncio_detailed(
            client=client,
            body=OrgUnitCreate(name="Lost once", code="LOST-A", kind="store"),
            idempotency_key=key,
        )
        unit = unwrap(response)
        assert lossy.keys == [key, key]
        page = unwrap(await list_org_units.asyncio_detailed(client=client, limit=200))
        assert [u.id for u in page.items if u.code == "LOST-A"] == [unit.id]


def test_without_retries_a_lost_response_surfaces_as_a_network_error(
    live_server: str, tenant_a: TenantHandle
) -> None:
    transport = RetryTransport(RetryPolicy(max_retries=0), transport=LoseFirstPostResponse())
    with (
        create_client(tenant_a.api_key, live_server, transport=transport) as client,
        pytest.raises(httpx.ReadError),
    ):
        create_org_unit.sync_detailed(
            client=client, body=OrgUnitCreate(name="Once", code="ONCE", kind="store")
        )


class Script:
    """A fake server answering from a list of responses (or exceptions), recording requests."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def problem(status: int, headers: dict[str, str] | None = None) -> httpx.Response:
    body = {"type": "https://bizsuite.dev/problems/x", "title": "Nope", "status": status}
    return httpx.Response(
        status, json=body, headers={"Content-Type": "application/problem+json", **(headers or {})}
    )


def created() -> httpx.Response:
    unit = {
        "id": str(uuid.uuid4()),
        "name": "N",
        "code": "C",
        "kind": "store",
        "parent_id": None,
        "archived_at": None,
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        "version": 1,
    }
    return httpx.Response(201, json=unit)


def page() -> httpx.Response:
    return httpx.Response(200, json={"items": [], "next_cursor": None})


def scripted(script: Script, policy: RetryPolicy = FAST) -> tuple[RetryTransport, list[float]]:
    sleeps: list[float] = []
    transport = RetryTransport(policy, transport=httpx.MockTransport(script), sleep=sleeps.append)
    return transport, sleeps


def test_429_waits_for_retry_after_then_succeeds() -> None:
    script = Script(problem(429, {"Retry-After": "2"}), page())
    transport, sleeps = scripted(script)
    client = create_client("bsk_x", "http://api.test", transport=transport)
    assert unwrap(list_org_units.sync_detailed(client=client)).items == []
    assert sleeps == [2.0]
    assert len(script.requests) == 2


def test_retry_after_as_an_http_date_is_honoured() -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    script = Script(problem(503, {"Retry-After": when}), page())
    transport, sleeps = scripted(script)
    unwrap(
        list_org_units.sync_detailed(client=create_client("bsk_x", "http://api.test", transport=transport))
    )
    assert 25 <= sleeps[0] <= 30


def test_attempts_are_bounded_and_the_last_error_is_typed() -> None:
    script = Script(problem(503), problem(502), problem(503))
    transport, sleeps = scripted(script)
    with pytest.raises(ServerError) as failed:
        unwrap(
            list_org_units.sync_detailed(
                client=create_client("bsk_x", "http://api.test", transport=transport)
            )
        )
    assert failed.value.status == 503
    assert len(script.requests) == 3 and len(sleeps) == 2
    assert all(0 < s <= FAST.max_backoff for s in sleeps)


def test_a_retry_after_beyond_the_budget_is_not_waited_for() -> None:
    script = Script(problem(429, {"Retry-After": "3600"}))
    transport, sleeps = scripted(script)
    with pytest.raises(RateLimitError) as limited:
        unwrap(
            list_org_units.sync_detailed(
                client=create_client("bsk_x", "http://api.test", transport=transport)
            )
        )
    assert limited.value.retry_after == 3600 and sleeps == []


def test_connection_failures_are_retried_then_raised() -> None:
    script = Script(*(httpx.ConnectError("refused") for _ in range(3)))
    transport, sleeps = scripted(script)
    with pytest.raises(httpx.ConnectError):
        list_org_units.sync_detailed(client=create_client("bsk_x", "http://api.test", transport=transport))
    assert len(script.requests) == 3 and len(sleeps) == 2


def test_every_post_carries_one_idempotency_key_across_retries() -> None:
    script = Script(problem(503), created(), created())
    transport, _ = scripted(script)
    client = create_client("bsk_x", "http://api.test", transport=transport)
    body = OrgUnitCreate(name="N", code="C", kind="store")
    create_org_unit.sync_detailed(client=client, body=body)
    create_org_unit.sync_detailed(client=client, body=body, idempotency_key="mine")
    keys = [r.headers[IDEMPOTENCY_KEY] for r in script.requests]
    assert keys[0] == keys[1] and len(keys[0]) == 36
    assert keys[2] == "mine"


def test_an_update_is_retried_only_when_it_is_conditional() -> None:
    # With If-Match a replayed update meets a newer version (412) instead of applying twice.
    script = Script(problem(503), problem(412))
    transport, _ = scripted(script)
    client = create_client("bsk_x", "http://api.test", transport=transport)
    unit_id = uuid.UUID("0190e0f0-0000-7000-8000-000000000000")
    update_org_unit.sync_detailed(unit_id, client=client, body=OrgUnitUpdate(name="N"), if_match="1")
    assert len(script.requests) == 2

    blind = Script(problem(503), problem(503))
    transport, _ = scripted(blind)
    with httpx.Client(transport=transport) as raw:
        assert raw.patch("http://api.test/anything", json={}).status_code == 503
    assert len(blind.requests) == 1


def test_max_retries_zero_turns_retries_off() -> None:
    script = Script(problem(503))
    transport, sleeps = scripted(script, RetryPolicy(max_retries=0))
    with pytest.raises(ServerError):
        unwrap(
            list_org_units.sync_detailed(
                client=create_client("bsk_x", "http://api.test", transport=transport)
            )
        )
    assert sleeps == []


async def test_async_requests_retry_too() -> None:
    script = Script(problem(429, {"Retry-After": "1"}), httpx.ConnectError("refused"), page())
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    transport = RetryTransport(FAST, async_transport=httpx.MockTransport(script), async_sleep=fake_sleep)
    async with create_client("bsk_x", "http://api.test", transport=transport) as client:
        assert unwrap(await list_org_units.asyncio_detailed(client=client)).next_cursor is None
    assert len(script.requests) == 3 and sleeps[0] == 1.0
