"""The status board's live feed: server-sent events from PostgreSQL notifications, sent only for
committed changes, only to the watchers of that venue in that tenant, surviving a lost connection."""

from __future__ import annotations

import asyncio
import signal
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from bizsuite.core.live import APPLICATION_NAME, LiveHub, changed
from bizsuite.settings import Settings
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import serve_process
from tests.modules.venue_audio.conftest import BASE, Building, events_of, make_building
from tests.web.test_language_walk import sign_in

WAIT_S = 20


async def _next(events: AsyncIterator[dict[str, str]]) -> tuple[str, str]:
    """The next event's name and data."""
    event = await asyncio.wait_for(anext(events), WAIT_S)
    return event.get("event", "message"), event["data"]


@pytest.fixture
async def browser_client(live_server: str, building: Building) -> AsyncIterator[httpx.AsyncClient]:
    """The building's owner signed in on a real server (streams need one)."""
    async with httpx.AsyncClient(base_url=live_server, timeout=WAIT_S) as web:
        await sign_in(web, building.tenant)
        yield web


async def test_the_board_feed_is_ready_then_says_changed_after_each_committed_change(
    client: httpx.AsyncClient, browser_client: httpx.AsyncClient, building: Building
) -> None:
    url = f"/venue-audio/venues/{building.venue['id']}/live"
    async with browser_client.stream("GET", url) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert "content-encoding" not in response.headers  # each event goes out as it comes
        events = events_of(response)
        assert await _next(events) == ("ready", "ready")
        paging = await client.post(
            f"{BASE}/broadcasts/paging",
            json={"venue_id": building.venue["id"], "zone_ids": [building.zones["F3"]], "source": "desk"},
            headers=building.headers,
        )
        assert paging.status_code == 201, paging.text
        assert await _next(events) == ("changed", "commit")
        closed = await client.post(
            f"{BASE}/broadcasts/{paging.json()['id']}/close", json={}, headers=building.headers
        )
        assert closed.status_code == 200, closed.text
        assert await _next(events) == ("changed", "commit")


async def test_stopping_the_server_ends_open_feeds_cleanly(settings: Settings, building: Building) -> None:
    """SIGTERM ends every open stream at once, so the stop neither waits out the graceful timeout
    nor cancels a response with an error (uvicorn waits for open responses before the app's
    shutdown, and a feed never ends by itself)."""
    with serve_process(settings) as (url, process):
        async with httpx.AsyncClient(base_url=url, timeout=WAIT_S) as web:
            await sign_in(web, building.tenant)
            async with web.stream("GET", f"/venue-audio/venues/{building.venue['id']}/live") as response:
                events = events_of(response)
                assert await _next(events) == ("ready", "ready")
                process.send_signal(signal.SIGTERM)
                # The stream ends as a finished response (no reset, no error), with nothing more.
                rest = [event async for event in events]
                assert rest == []
        # uvicorn re-raises the SIGTERM once it has shut down (the process ends by it, not by a crash).
        assert await asyncio.to_thread(process.wait, WAIT_S) == -signal.SIGTERM
        assert process.stderr is not None
        errors = process.stderr.read().decode()
    assert "graceful shutdown exceeded" not in errors and "Traceback" not in errors, errors


async def test_another_tenants_venue_has_no_feed_and_a_stranger_is_sent_to_sign_in(
    client: httpx.AsyncClient, browser_client: httpx.AsyncClient, live_server: str, make_tenant: Any
) -> None:
    other = await make_building(client, await make_tenant(modules=["venue_audio"]))
    refused = await browser_client.get(f"/venue-audio/venues/{other.venue['id']}/live")
    assert refused.status_code == 404
    async with httpx.AsyncClient(base_url=live_server) as stranger:
        anonymous = await stranger.get(f"/venue-audio/venues/{other.venue['id']}/live")
    assert anonymous.status_code in (302, 303, 401) and "text/event-stream" not in anonymous.headers.get(
        "content-type", ""
    )


async def _notify(
    engine: AsyncEngine, tenant_id: uuid.UUID, topic: str, *, commit: bool = True, data: str = ""
) -> None:
    async with AsyncSession(engine) as session:
        await changed(session, tenant_id, topic, data)
        if commit:
            await session.commit()
        else:
            await session.rollback()


async def test_only_the_topics_watchers_in_its_tenant_wake_with_its_data_and_only_for_a_commit(
    app_engine: AsyncEngine,
) -> None:
    hub = LiveHub(app_engine.url)
    tenant, stranger = uuid.uuid4(), uuid.uuid4()
    try:
        with (
            hub.watch(tenant, "board.a") as watcher_a,
            hub.watch(tenant, "board.b") as watcher_b,
            hub.watch(stranger, "board.a") as other_tenant,
        ):
            await asyncio.wait_for(hub.listening(), WAIT_S)
            assert hub.watching == 3
            await _notify(app_engine, tenant, "board.a", commit=False)  # rolled back: nothing is sent
            await _notify(app_engine, tenant, "board.b")
            # Notifications arrive in commit order: once b's came, a rolled-back a would have too.
            assert await asyncio.wait_for(watcher_b.get(), WAIT_S) == ""
            assert watcher_a.empty() and other_tenant.empty()
            await _notify(app_engine, tenant, "board.a", data='{"seq": 7, "source": "a b"}')
            assert await asyncio.wait_for(watcher_a.get(), WAIT_S) == '{"seq": 7, "source": "a b"}'

            assert other_tenant.empty()
        assert hub.watching == 0
    finally:
        await hub.close()


async def test_a_lost_listening_connection_is_reopened_and_the_watchers_told_to_reread(
    app_engine: AsyncEngine, owner_engine: AsyncEngine
) -> None:
    hub = LiveHub(app_engine.url)
    tenant = uuid.uuid4()
    try:
        with hub.watch(tenant, "board") as watcher:
            await asyncio.wait_for(hub.listening(), WAIT_S)
            async with owner_engine.connect() as owner:
                killed = await owner.scalar(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        # Only this test database's listeners: other test workers share the
                        # server, and their live pages (a browser test's board) must not lose theirs.
                        "WHERE application_name = :name AND datname = current_database() "
                        "AND pid <> pg_backend_pid()"
                    ),
                    {"name": APPLICATION_NAME},
                )
            assert killed and killed >= 1
            # Whatever changed while it was away is unknown: the watcher re-reads once reconnected...
            assert await asyncio.wait_for(watcher.get(), WAIT_S) == ""
            await asyncio.wait_for(hub.listening(), WAIT_S)
            # ...and later changes arrive again.
            await _notify(app_engine, tenant, "board")
            assert await asyncio.wait_for(watcher.get(), WAIT_S) == ""
    finally:
        await hub.close()


async def test_a_watcher_joining_as_the_last_one_leaves_hears_the_next_change(
    app_engine: AsyncEngine,
) -> None:
    """The hub stops listening when its last watcher leaves; one joining meanwhile is not told
    "listening" by the connection being closed, and hears what is committed after."""
    hub = LiveHub(app_engine.url)
    tenant = uuid.uuid4()
    try:
        with hub.watch(tenant, "board"):
            await asyncio.wait_for(hub.listening(), WAIT_S)
        await asyncio.sleep(1.2)  # the listener sees nobody needs it and starts closing
        with hub.watch(tenant, "board") as watcher:
            await asyncio.wait_for(hub.listening(), WAIT_S)
            await _notify(app_engine, tenant, "board", data="after")
            assert await asyncio.wait_for(watcher.get(), WAIT_S) == "after"
    finally:
        await hub.close()


async def test_a_closed_hub_does_not_keep_anyone_waiting_to_listen(app_engine: AsyncEngine) -> None:
    hub = LiveHub(app_engine.url)
    await hub.close()
    with hub.watch(uuid.uuid4(), "board"):
        await asyncio.wait_for(hub.listening(), WAIT_S)  # returns: the hub is closing
        assert hub.closing.is_set()
