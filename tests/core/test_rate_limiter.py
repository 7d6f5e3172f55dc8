"""The in-process fixed-window rate limiter behind the per-address and per-caller limits."""

from __future__ import annotations

from dataclasses import replace

from bizsuite.app import create_app
from bizsuite.core.http import FixedWindowLimiter
from bizsuite.settings import Settings

from tests.conftest import TenantHandle, asgi_client


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_window_admits_the_limit_then_refuses_until_it_resets() -> None:
    clock = Clock()
    limiter = FixedWindowLimiter(3, 60, clock=clock)
    assert [limiter.hit("k") for _ in range(3)] == [(True, 2, 60), (True, 1, 60), (True, 0, 60)]
    clock.now += 20.5
    assert limiter.hit("k") == (False, 0, 40)  # refused, and told when to retry
    assert limiter.hit("other") == (True, 2, 60)  # every key has its own budget
    clock.now += 40
    assert limiter.hit("k") == (True, 2, 60)  # a new window


def test_refused_requests_do_not_extend_the_window_and_old_keys_are_forgotten() -> None:
    clock = Clock()
    limiter = FixedWindowLimiter(1, 60, clock=clock)
    assert limiter.hit("a")[0]
    for _ in range(5):
        clock.now += 10
        assert not limiter.hit("a")[0]
    clock.now += 10
    assert limiter.hit("a")[0]
    clock.now += 200
    limiter.hit("b")
    assert set(limiter._counts) == {"b"}  # "a"'s ended window was swept


async def test_responses_carry_the_rate_limit_headers(settings: Settings, tenant_a: TenantHandle) -> None:
    async with asgi_client(create_app(replace(settings, rate_limit_per_minute=5))) as client:
        first = await client.get("/api/v1/org-units", headers=tenant_a.headers)
        second = await client.get("/api/v1/org-units", headers=tenant_a.headers)
        assert first.status_code == second.status_code == 200
        assert first.headers["ratelimit-limit"] == "5" and first.headers["ratelimit-policy"] == "5; w=60"
        assert (first.headers["ratelimit-remaining"], second.headers["ratelimit-remaining"]) == ("4", "3")
        assert 1 <= int(first.headers["ratelimit-reset"]) <= 60
        # Health checks are never limited.
        for _ in range(30):
            assert (await client.get("/health")).status_code == 200


async def test_the_per_address_ceiling_holds_against_many_callers(
    settings: Settings, tenant_a: TenantHandle
) -> None:
    async with asgi_client(create_app(replace(settings, rate_limit_per_minute=1))) as client:
        statuses = [
            (
                await client.get("/api/v1/org-units", headers={"Authorization": f"Bearer bsk_made_up_{i}"})
            ).status_code
            for i in range(6)
        ]
        assert statuses == [401] * 5 + [429]
        blocked = await client.get("/api/v1/org-units", headers=tenant_a.headers)
        assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1
