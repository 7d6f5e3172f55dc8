"""The resource client (``BizSuite`` / ``AsyncBizSuite``) against a live server, and its coverage."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import operator
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from bizsuite.core.webhooks import rules
from bizsuite.settings import REPO_ROOT
from bizsuite_client import (
    AsyncBizSuite,
    BizSuite,
    ConflictError,
    NotFoundError,
    ServerError,
    StaleVersionError,
    ValidationError,
    WebhookEvent,
    WebhookVerificationError,
)
from bizsuite_client.resources import OPERATIONS
from bizsuite_sdk import RetryPolicy, RetryTransport

from tests.conftest import TenantHandle
from tests.sdk.conftest import run_example, user_env

SPEC = REPO_ROOT / "sdk" / "openapi.json"


def spec_operations() -> dict[str, str]:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    return {
        op["operationId"]: f"{method.upper()} {path}"
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in {"get", "put", "post", "patch", "delete"}
    }


@pytest.fixture
def client(live_server: str, tenant_a: TenantHandle) -> Iterator[BizSuite]:
    with BizSuite(tenant_a.api_key, live_server, max_retries=0) as client:
        yield client


@pytest.fixture
async def aclient(live_server: str, tenant_a: TenantHandle) -> AsyncIterator[AsyncBizSuite]:
    async with AsyncBizSuite(tenant_a.api_key, live_server, max_retries=0) as client:
        yield client


def test_every_operation_in_the_openapi_document_has_a_resource_method() -> None:
    operations = spec_operations()
    assert sorted(OPERATIONS) == sorted(operations)
    sync, aio = BizSuite("bsk_x"), AsyncBizSuite("bsk_x")
    for operation_id, path in OPERATIONS.items():
        for client in (sync, aio):
            method = operator.attrgetter(path)(client)
            assert callable(method), path
            # The method calls the operation it is listed for, and nothing else.
            assert f'.{operation_id}"' in inspect.getsource(method), (operation_id, path)
        raw_path = path.rsplit(".", 1)
        assert callable(operator.attrgetter(f"{raw_path[0]}.with_raw_response.{raw_path[1]}")(sync))


def test_the_resource_names_follow_the_operation_ids() -> None:
    assert OPERATIONS["list_crm_accounts"] == "crm.accounts.list"
    assert OPERATIONS["get_crm_account"] == "crm.accounts.retrieve"
    assert OPERATIONS["close_crm_ticket"] == "crm.tickets.close"
    assert OPERATIONS["list_org_units"] == "org_units.list"
    assert OPERATIONS["get_crm_settings"] == "crm.settings.retrieve"
    assert OPERATIONS["get_current_tenant"] == "current_tenant.retrieve"


def test_importing_the_client_does_not_load_the_models_or_operations() -> None:
    code = (
        "import sys\nfrom bizsuite_client import BizSuite, AsyncBizSuite, NotFoundError\n"
        "print(sorted(m for m in sys.modules if m.startswith(('bizsuite_client.models', 'bizsuite_client.api'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_list_create_update_delete_and_errors(client: BizSuite) -> None:
    suffix = uuid.uuid4().hex[:6]
    for n in range(5):
        client.crm.accounts.create(name=f"Pager {n}", code=f"PG-{suffix}-{n}")

    codes = [a.code for a in client.crm.accounts.list(limit=2, q=f"PG-{suffix}")]
    assert sorted(codes) == [f"PG-{suffix}-{n}" for n in range(5)]  # three pages, followed
    first = client.crm.accounts.list(limit=2, q=f"PG-{suffix}").first_page()
    assert len(first.items) == 2 and first.next_cursor
    assert len(client.crm.accounts.list(limit=2, q=f"PG-{suffix}").to_list(limit=3)) == 3

    key = str(uuid.uuid4())
    account = client.crm.accounts.create(name="Idem", code=f"ID-{suffix}", idempotency_key=key)
    again = client.crm.accounts.with_raw_response.create(
        name="Idem", code=f"ID-{suffix}", idempotency_key=key
    )
    assert again.parse().id == account.id
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.request_id

    renamed = client.crm.accounts.update(account.id, version=account, name="Idem Ltd")
    assert (renamed.name, renamed.version) == ("Idem Ltd", account.version + 1)
    with pytest.raises(StaleVersionError):
        client.crm.accounts.update(account.id, version=account, name="Stale")
    archived = client.crm.accounts.archive(account.id, version=renamed)
    assert archived.status == "archived"

    with pytest.raises(NotFoundError) as missing:
        client.crm.accounts.retrieve(uuid.uuid4())
    assert missing.value.status == 404 and missing.value.request_id
    with pytest.raises(ValidationError) as invalid:
        client.org_units.create(name="Bad", code="no spaces!", kind="store")
    assert [e.field for e in invalid.value.errors] == ["code"]
    with pytest.raises(ConflictError):
        client.crm.accounts.create(name="Other", code=f"ID-{suffix}")


def test_actions_take_the_version_from_the_object(client: BizSuite) -> None:
    account = client.crm.accounts.create(name="Ticket Co", code=f"TK-{uuid.uuid4().hex[:6]}")
    ticket = client.crm.tickets.create(
        account_id=account.id, category="inquiry", title="Where is my invoice?"
    )
    closed = client.crm.tickets.close(ticket.id, version=ticket, close_note="Sent again")
    assert closed.status == "closed"
    assert client.crm.tickets.retrieve(ticket.id).status == "closed"
    events = [e.kind for e in client.crm.ticket_events.list(ticket.id)]
    assert events


def test_per_call_timeout_is_applied(client: BizSuite) -> None:
    # A server that accepts the connection (the kernel's backlog does) and never answers: the call
    # gives up after its own timeout, not the client's minute.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        with BizSuite("bsk_x", url, timeout=60, max_retries=0) as waiting:
            started = time.monotonic()
            with pytest.raises(httpx.TimeoutException):
                waiting.org_units.list(timeout=0.2).first_page()
            assert time.monotonic() - started < 30
    assert client.org_units.list(timeout=10).first_page().items is not None


def test_per_call_max_retries_overrides_the_clients() -> None:
    attempts: list[str] = []

    def unavailable(request: httpx.Request) -> httpx.Response:
        attempts.append(request.headers["Idempotency-Key"])
        return httpx.Response(503, json={"title": "Unavailable", "status": 503})

    transport = RetryTransport(
        RetryPolicy(max_retries=3), transport=httpx.MockTransport(unavailable), sleep=lambda _: None
    )
    with BizSuite("bsk_x", "http://bizsuite.invalid", transport=transport) as client:
        with pytest.raises(ServerError):
            client.org_units.create(name="A", code="A", kind="store", max_retries=0, idempotency_key="k-1")
        assert attempts == ["k-1"]
        with pytest.raises(ServerError):
            client.org_units.create(name="A", code="A", kind="store")
        assert len(attempts) == 1 + 4 and len(set(attempts[1:])) == 1  # one key for every retry


async def test_the_async_twin_has_the_same_names(aclient: AsyncBizSuite) -> None:
    suffix = uuid.uuid4().hex[:6]
    created = await aclient.org_units.create(name="Async", code=f"AS-{suffix}", kind="store")
    codes = [unit.code async for unit in aclient.org_units.list(limit=2)]
    assert created.code in codes
    first = await aclient.org_units.list(limit=1).first_page()
    assert len(first.items) == 1
    raw = await aclient.org_units.with_raw_response.list(limit=1)
    assert raw.status_code == 200 and raw.request_id
    updated = await aclient.org_units.update(created.id, version=created, name="Async 2")
    assert updated.name == "Async 2"
    with pytest.raises(NotFoundError):
        await aclient.org_units.retrieve(uuid.uuid4())


def signed(body: str, *, secret: str, at: dt.datetime) -> dict[str, str]:
    """Headers exactly as the server signs a delivery (core/webhooks, ``standardwebhooks``)."""
    return rules.signed_headers([secret], "msg_123", at, body)


def test_webhooks_verify_returns_the_event_and_refuses_forgeries() -> None:
    secret = rules.new_secret()
    now = dt.datetime.now(dt.UTC)
    body = rules.payload_body("crm.account.created", now, {"id": "42", "name": "Huaxin"})
    client = BizSuite("bsk_x")

    event = client.webhooks.verify(body.encode(), signed(body, secret=secret, at=now), secret)
    assert (event.id, event.type, event.data) == (
        "msg_123",
        "crm.account.created",
        {"id": "42", "name": "Huaxin"},
    )

    with pytest.raises(WebhookVerificationError, match="signature"):
        client.webhooks.verify(body.replace("Huaxin", "Evil"), signed(body, secret=secret, at=now), secret)
    with pytest.raises(WebhookVerificationError, match="signature"):
        client.webhooks.verify(body, signed(body, secret=secret, at=now), rules.new_secret())
    old = now - dt.timedelta(seconds=301)
    with pytest.raises(WebhookVerificationError, match="too old"):
        client.webhooks.verify(body, signed(body, secret=secret, at=old), secret)
    # Within the 300 s tolerance, and with a second (rotated) secret's signature alongside.
    recent = now - dt.timedelta(seconds=250)
    headers = rules.signed_headers([rules.new_secret(), secret], "msg_123", recent, body)
    assert client.webhooks.verify(body, headers, secret).type == "crm.account.created"


def test_webhooks_verify_returns_the_class_of_each_registered_event_type() -> None:
    from bizsuite_client.events import EVENT_CLASSES, CrmTicketCreated

    secret = rules.new_secret()
    now = dt.datetime.now(dt.UTC)
    client = BizSuite("bsk_x")
    body = rules.payload_body("crm.ticket.created", now, {"id": "7", "number": "T-0007"})
    event = client.webhooks.verify(body, signed(body, secret=secret, at=now), secret)
    assert type(event) is CrmTicketCreated and isinstance(event, WebhookEvent)
    assert (event.TYPE, event.type, event.data["number"]) == (
        "crm.ticket.created",
        "crm.ticket.created",
        "T-0007",
    )

    # One class per event type the server registers, generated from the OpenAPI document.
    assert set(EVENT_CLASSES) == set(rules.event_types())
    for event_type, cls in EVENT_CLASSES.items():
        assert event_type == cls.TYPE and issubclass(cls, WebhookEvent)

    # A type this SDK version does not know yet still verifies, as the base class.
    body = rules.payload_body("crm.something.new", now, {"id": "8"})
    unknown = client.webhooks.verify(body, signed(body, secret=secret, at=now), secret)
    assert type(unknown) is WebhookEvent and unknown.type == "crm.something.new"


def test_the_typed_example_runs(live_server: str, tenant_a: TenantHandle) -> None:
    code = (REPO_ROOT / "sdk" / "examples" / "typed_usage.py").read_text(encoding="utf-8")
    result = run_example(code, user_env(live_server, tenant_a.api_key))
    assert result.returncode == 0, result.stderr
    assert "stale: 412" in result.stdout
