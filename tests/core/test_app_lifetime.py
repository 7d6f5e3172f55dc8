"""An application that served requests and was dropped is freed with everything it built.

Nothing process-wide may keep an app's route handlers (a handler leads to its app): a process
that builds several apps, as the test suite does, otherwise keeps every one of them, some
175,000 objects each, and each full pass of the garbage collector grows longer with them. The
suite met it as a 6-second pause that made 20 concurrent requests time out connecting.
"""

from __future__ import annotations

import gc

from bizsuite.app import create_app
from bizsuite.settings import Settings
from litestar import Litestar

from tests.conftest import TenantHandle, asgi_client, running


def _apps() -> set[int]:
    gc.collect()
    return {id(item) for item in gc.get_objects() if type(item) is Litestar}


async def _serve_a_few_requests(settings: Settings, tenant: TenantHandle) -> None:
    app = create_app(settings)
    async with running(app), asgi_client(app, lifespan=False) as client:
        assert (await client.get("/health")).status_code == 200
        assert (await client.get("/login")).status_code == 200
        listed = await client.get("/api/v1/crm/accounts", headers=tenant.headers)
        assert listed.status_code == 200, listed.text
        made = await client.post(
            "/api/v1/crm/accounts",
            json={"code": "FREED-1", "name": "Freed"},
            headers={**tenant.headers, "Idempotency-Key": "freed-1"},
        )
        assert made.status_code == 201, made.text
        missing = await client.get("/api/v1/crm/accounts/not-an-id", headers=tenant.headers)
        assert missing.status_code in {404, 422}


async def test_an_app_that_served_requests_is_freed_once_dropped(
    settings: Settings, tenant_a: TenantHandle
) -> None:
    before = _apps()
    await _serve_a_few_requests(settings, tenant_a)
    assert _apps() - before == set(), "a process-wide reference keeps the dropped app alive"
