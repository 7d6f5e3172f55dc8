"""Admission (``core/admission.py``): a worker works on at most its places' worth of requests at
once; the others wait their turn and are served when a place frees, or refused with a 503 and
``Retry-After`` past the timeout. Event streams give their place back when they start, and long
polls and the health probes take none, so none of them can starve a worker."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from bizsuite.app import create_app
from bizsuite.core.admission import Admission
from bizsuite.core.errors import UnavailableProblem
from bizsuite.settings import Settings
from litestar import Litestar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle, asgi_client, http_scope, running, serve_process
from tests.modules.venue_audio.conftest import BASE, add_player, command, make_building

UNITS = "/api/v1/org-units"


async def test_places_go_in_arrival_order_and_a_cancelled_waiter_takes_none() -> None:
    admission = Admission(limit=2, timeout=5)
    first, second = await admission.enter(), await admission.enter()
    order: list[str] = []

    async def wait(name: str) -> Callable[[], None]:
        leave = await admission.enter()
        order.append(name)
        return leave

    third = asyncio.create_task(wait("third"))
    await asyncio.sleep(0)
    cancelled = asyncio.create_task(wait("cancelled"))
    await asyncio.sleep(0)
    fourth = asyncio.create_task(wait("fourth"))
    await asyncio.sleep(0.05)
    assert order == [] and admission.in_use == 2
    cancelled.cancel()
    first()
    first()  # giving a place back twice gives back one
    leave_third = await third
    second()
    leave_fourth = await fourth
    assert order == ["third", "fourth"] and cancelled.cancelled()
    leave_third()
    leave_fourth()
    assert admission.in_use == 0


async def test_a_wait_past_the_timeout_is_a_503_to_retry() -> None:
    admission = Admission(limit=1, timeout=0.2)
    leave = await admission.enter()
    with pytest.raises(UnavailableProblem) as refused:
        await admission.enter()
    assert refused.value.status == 503 and refused.value.headers == {"Retry-After": "2"}
    leave()
    (await admission.enter())()  # the place is free again: nothing was lost to the refusal


async def test_a_stop_refuses_the_waiting_and_the_new_at_once_and_lets_the_admitted_finish() -> None:
    admission = Admission(limit=1, timeout=60)
    leave = await admission.enter()
    waiting = asyncio.create_task(admission.enter())
    await asyncio.sleep(0.05)
    assert not waiting.done()
    admission.close()
    with pytest.raises(UnavailableProblem) as refused:
        await asyncio.wait_for(waiting, 5)  # not after its 60 s
    assert refused.value.headers == {"Retry-After": "2"} and "restarting" in refused.value.detail
    with pytest.raises(UnavailableProblem):
        await admission.enter()
    assert admission.in_use == 1
    leave()
    assert admission.in_use == 0


def test_the_default_is_the_pools_capacity_less_a_reserve(settings: Settings) -> None:
    # Connections stay free for what takes no place (streams' reads, players' sockets, /ready).
    assert Admission.of(replace(settings, admission_limit=0), 20).limit == 18
    assert Admission.of(replace(settings, admission_limit=0), 40).limit == 36
    assert Admission.of(replace(settings, admission_limit=0), 2).limit == 1
    assert Admission.of(replace(settings, admission_limit=3), 20).limit == 3


@pytest.fixture(scope="module")
async def one_place(settings: Settings) -> AsyncIterator[Litestar]:
    """The app with a single place and a 2-second wait (one for the module: building it takes seconds)."""
    application = create_app(replace(settings, admission_limit=1, admission_timeout_seconds=2))
    async with running(application):
        yield application


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(200):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("not reached within 10 s")


async def test_a_request_waits_for_the_place_and_is_served_or_past_the_timeout_refused(
    one_place: Litestar, tenant_a: TenantHandle, owner_engine: AsyncEngine
) -> None:
    admission: Admission = one_place.state.admission
    admission.timeout = 2
    async with asgi_client(one_place, lifespan=False) as client:
        made = await client.post(
            UNITS, json={"code": "ADMIT", "name": "Admitted", "kind": "department"}, headers=tenant_a.headers
        )
        assert made.status_code == 201, made.text
        unit = made.json()

        async def rename_while_locked(release: Callable[[], Awaitable[Any]]) -> httpx.Response:
            # The rename takes the only place and then waits on the row's lock until `release`.
            renaming = asyncio.create_task(
                client.patch(
                    f"{UNITS}/{unit['id']}",
                    json={"name": f"Renamed {unit['version']}"},
                    headers={**tenant_a.headers, "If-Match": str(unit["version"])},
                )
            )
            await _until(lambda: admission.in_use == 1)
            await asyncio.sleep(0.3)
            assert not renaming.done()
            await release()
            return await renaming

        async with owner_engine.connect() as locker:
            await locker.execute(
                text("SELECT 1 FROM org_units WHERE id = :id FOR UPDATE"), {"id": unit["id"]}
            )

            async def refuse_one_then_release() -> None:
                # The probes never wait for a place (a busy process is alive and ready).
                for probe in ("/health", "/ready"):
                    assert (await client.get(probe)).status_code == 200
                refused = await client.get(UNITS, headers=tenant_a.headers)
                assert refused.status_code == 503, refused.text
                assert refused.headers["retry-after"] == "2"
                assert refused.json()["type"].endswith("/service-unavailable")
                # A browser's page (refused before it is known who asks) loads itself again.
                page = await client.get(
                    "/crm/accounts", headers={"Accept": "text/html", "Accept-Language": "en"}
                )
                assert page.status_code == 503 and page.headers["retry-after"] == "2"
                assert '<meta http-equiv="refresh" content="2">' in page.text
                assert "loads again by itself" in page.text
                await locker.commit()

            renamed = await rename_while_locked(refuse_one_then_release)
        assert renamed.status_code == 200, renamed.text
        unit = renamed.json()

        admission.timeout = 60  # now the wait must end in service, however slow the machine
        async with owner_engine.connect() as locker:
            await locker.execute(
                text("SELECT 1 FROM org_units WHERE id = :id FOR UPDATE"), {"id": unit["id"]}
            )
            waiting: list[asyncio.Task[httpx.Response]] = []

            async def queue_one_then_release() -> None:
                waiting.append(asyncio.create_task(client.get(UNITS, headers=tenant_a.headers)))
                await asyncio.sleep(0.5)
                assert not waiting[0].done()  # waiting its turn, not refused
                await locker.commit()

            renamed = await rename_while_locked(queue_one_then_release)
        assert renamed.status_code == 200, renamed.text
        listed = await waiting[0]
        assert listed.status_code == 200 and "ADMIT" in {u["code"] for u in listed.json()["items"]}
    assert admission.in_use == 0


async def _open_feed(app: Litestar, key: str) -> tuple[asyncio.Task[None], asyncio.Event, asyncio.Event]:
    """The player's event stream called as a server would (httpx in process cannot stream):
    returns the running request, an event set when its response started, and one to hang up."""
    started, hang_up = asyncio.Event(), asyncio.Event()
    scope = http_scope("GET", f"{BASE}/player/feed", {"Authorization": f"Bearer {key}"})
    asked = False

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await hang_up.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            assert message["status"] == 200
            started.set()

    return asyncio.create_task(app(scope, receive, send)), started, hang_up  # type: ignore[arg-type]


async def test_an_open_event_stream_and_a_long_poll_hold_no_place(
    one_place: Litestar, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    admission: Admission = one_place.state.admission
    tenant = await make_tenant(modules=["venue_audio"])
    async with asgi_client(one_place, lifespan=False) as client:
        building = await make_building(client, tenant)
        player = await add_player(client, building, "F5")
        feed, started, hang_up = await _open_feed(one_place, player.key)
        await asyncio.wait_for(started.wait(), 10)
        assert admission.in_use == 0
        polling = asyncio.create_task(command(client, player, after=10**9, wait=3))
        await asyncio.sleep(0.5)
        assert not polling.done() and admission.in_use == 0
        # With the stream open and the long poll waiting, the single place still serves a request.
        served = await asyncio.wait_for(client.get(f"{BASE}/venues", headers=tenant.headers), 5)
        assert served.status_code == 200, served.text
        assert (await polling).status_code == 204
        hang_up.set()
        await asyncio.wait_for(feed, 10)
    assert admission.in_use == 0


async def test_a_long_polls_reads_wait_their_turn_and_its_wait_gives_the_place_back(
    one_place: Litestar, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    """A long poll reads (and may issue its player a command) like any request, so it waits for a
    place first: a crowd of players polling at once cannot take every pooled connection. Once it
    waits for an event, it holds no place."""
    admission: Admission = one_place.state.admission
    admission.timeout = 10
    tenant = await make_tenant(modules=["venue_audio"])
    async with asgi_client(one_place, lifespan=False) as client:
        building = await make_building(client, tenant)
        player = await add_player(client, building, "F5")
        leave = await admission.enter()  # the single place, taken
        try:
            polling = asyncio.create_task(command(client, player, after=0, wait=0))
            await asyncio.sleep(0.5)
            assert not polling.done()  # waiting its turn, not reading
        finally:
            leave()
        answered = await asyncio.wait_for(polling, 10)
        assert answered.status_code == 200, answered.text
        waiting = asyncio.create_task(command(client, player, after=answered.json()["seq"], wait=3))
        await asyncio.sleep(0.5)
        assert not waiting.done() and admission.in_use == 0  # its wait holds no place
        assert (await waiting).status_code == 204
    assert admission.in_use == 0


async def test_stopping_bizsuite_serve_answers_its_queued_requests_503_and_finishes_the_admitted(
    settings: Settings, tenant_a: TenantHandle, owner_engine: AsyncEngine
) -> None:
    """``kill -TERM`` of a worker with a queue: the queued request gets its 503 to retry elsewhere
    at once, instead of being cut off unanswered when the stop's 5 s grace runs out."""
    with serve_process(settings, BIZSUITE_ADMISSION_LIMIT="1", BIZSUITE_ADMISSION_TIMEOUT_SECONDS="120") as (
        url,
        process,
    ):
        async with httpx.AsyncClient(base_url=url, headers=tenant_a.headers, timeout=60) as client:
            made = await client.post(UNITS, json={"code": "STOP", "name": "Stopping", "kind": "department"})
            assert made.status_code == 201, made.text
            unit = made.json()
            async with owner_engine.connect() as locker:
                await locker.execute(
                    text("SELECT 1 FROM org_units WHERE id = :id FOR UPDATE"), {"id": unit["id"]}
                )
                locker_pid = await locker.scalar(text("SELECT pg_backend_pid()"))
                # The rename takes the only place and waits on the row's lock.
                renaming = asyncio.create_task(
                    client.patch(
                        f"{UNITS}/{unit['id']}",
                        json={"name": "Renamed"},
                        headers={"If-Match": str(unit["version"])},
                    )
                )

                async def blocked() -> bool:
                    async with owner_engine.connect() as watcher:
                        waits = await watcher.scalar(
                            text(
                                "SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"
                            ),
                            {"pid": locker_pid},
                        )
                    return bool(waits)

                for _ in range(600):
                    if await blocked():
                        break
                    await asyncio.sleep(0.05)
                else:
                    raise AssertionError("the rename never reached the row's lock")
                queued = asyncio.create_task(client.get(UNITS))
                await asyncio.sleep(2)  # arrived and waiting its turn
                assert not queued.done()
                process.terminate()
                refused = await asyncio.wait_for(queued, 4)  # within the grace: answered, not cut off
                assert refused.status_code == 503, refused.text
                assert refused.headers["retry-after"] == "2"
                assert "restarting" in refused.json()["detail"]
                await locker.commit()
            renamed = await renaming
            assert renamed.status_code == 200, renamed.text
        assert process.wait(timeout=30) is not None


async def test_a_form_sent_slowly_is_read_before_the_request_takes_its_place(
    one_place: Litestar, tenant_a: TenantHandle
) -> None:
    """A sign-in form sent slowly (a phone on a bad line) waits outside: the single place stays
    free for the others meanwhile, and the sign-in is served once its body is whole. (JSON bodies
    are read before admission by the body limits already.)"""
    admission: Admission = one_place.state.admission
    admission.timeout = 2
    async with asgi_client(one_place, lifespan=False) as client:
        await client.get("/login")
        form = urlencode(
            {
                "email": tenant_a.owner.email,
                "password": PASSWORD,
                "form_token": client.cookies["bizsuite_form"],
            }
        ).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": str(len(form)),
            "Cookie": f"bizsuite_form={client.cookies['bizsuite_form']}",
        }
        rest = asyncio.Event()
        parts = [form[:10], form[10:]]
        answered: list[int] = []

        async def receive() -> dict[str, Any]:
            if len(parts) == 1:
                await rest.wait()
            return {"type": "http.request", "body": parts.pop(0), "more_body": len(parts) > 0}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                answered.append(message["status"])

        slow = asyncio.create_task(one_place(http_scope("POST", "/login", headers), receive, send))  # type: ignore[arg-type]
        await asyncio.sleep(0.3)
        assert admission.in_use == 0 and not slow.done()
        listed = await client.get(UNITS, headers=tenant_a.headers)  # served, not refused after 2 s
        assert listed.status_code == 200, listed.text
        rest.set()
        await asyncio.wait_for(slow, 30)
        assert answered == [303]  # signed in
    assert admission.in_use == 0
