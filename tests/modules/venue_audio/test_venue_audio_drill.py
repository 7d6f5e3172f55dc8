"""The silent fire drill each server process runs as it starts (``venue_audio/drill.py``): the
first real alarm of a process finds every statement of its path compiled, and the drill itself
leaves nothing anybody could see."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import asyncpg
from bizsuite.app import create_app
from bizsuite.core.live import CHANNEL
from bizsuite.core.unit_of_work import UnitOfWork
from bizsuite.modules.venue_audio.drill import silent_drill
from bizsuite.settings import Settings
from litestar import Litestar
from sqlalchemy import event, text
from sqlalchemy.engine import URL
from sqlalchemy.engine.interfaces import CacheStats
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle, asgi_client, running
from tests.core.approvals.conftest import post_ok
from tests.modules.venue_audio.conftest import BASE, add_player, alarm_on_floor_5, command, make_building

#: Where a drill would leave a trace, were it committed.
TRACES = (
    "SELECT count(*) FROM tenants",
    "SELECT count(*) FROM audit_log",
    "SELECT count(*) FROM venue_audio_venues",
    "SELECT count(*) FROM venue_audio_broadcasts",
    "SELECT count(*) FROM venue_audio_device_keys",
    "SELECT count(*) FROM procrastinate_jobs",
)


async def _traces(engine: AsyncEngine) -> list[int]:
    async with engine.connect() as connection:
        return [int((await connection.execute(text(sql))).scalar_one()) for sql in TRACES]


async def test_the_drill_raises_acknowledges_and_clears_an_alarm_and_leaves_no_trace(
    app: Litestar, owner_engine: AsyncEngine, owner_url: URL
) -> None:
    before = await _traces(owner_engine)
    heard: list[str] = []
    listener = await asyncpg.connect(
        owner_url.set(drivername="postgresql").render_as_string(hide_password=False)
    )
    await listener.add_listener(CHANNEL, lambda *args: heard.append(args[-1]))
    try:
        work = UnitOfWork(app.state.sessionmaker)
        try:
            await silent_drill(work)  # raises if any step of the path fails
            # Inside its transaction, the drill's alarm happened and was cleared.
            [(kind, cleared)] = await work.fetch("SELECT kind, end_reason FROM venue_audio_broadcasts", [])
            assert (kind, cleared) == ("emergency", "silent drill")
            [(acked,)] = await work.fetch("SELECT count(acked_at) FROM venue_audio_player_commands", [])
            assert acked >= 1
        finally:
            await work.end()
        await listener.execute("SELECT 1")  # a round trip: any notification sent would be here now
    finally:
        await listener.close()
    assert await _traces(owner_engine) == before
    assert heard == []


@contextmanager
def compiled_anew(engine: AsyncEngine) -> Iterator[list[str]]:
    """The statements the engine had to compile (not found in its compiled cache) meanwhile."""
    compiled: list[str] = []

    def executed(_conn: Any, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool) -> None:
        if context.cache_hit is CacheStats.CACHE_MISS:
            compiled.append(statement)

    event.listen(engine.sync_engine, "after_cursor_execute", executed)
    try:
        yield compiled
    finally:
        event.remove(engine.sync_engine, "after_cursor_execute", executed)


async def test_a_new_processs_first_alarm_acknowledgement_and_clear_compile_nothing(
    settings: Settings, venue_tenant: TenantHandle
) -> None:
    fresh = create_app(settings)  # a new engine: an empty compiled cache, as in a new process
    async with running(fresh), asgi_client(fresh, lifespan=False) as client:
        building = await make_building(client, venue_tenant)
        player = await add_player(client, building, "F5")
        first = await command(client, player)
        assert first.status_code == 200, first.text
        with compiled_anew(fresh.state.engine) as compiled:
            alarm = await alarm_on_floor_5(client, building)
            got = await command(client, player, after=first.json()["seq"])
            evacuate = got.json()
            assert evacuate["program_kind"] == "emergency", evacuate
            await post_ok(
                client,
                f"{BASE}/player/acks",
                {"seq": evacuate["seq"], "source": evacuate["source"], "volume": evacuate["volume"]},
                player.headers,
            )
            cleared = await client.post(
                f"{BASE}/broadcasts/{alarm['id']}/close",
                headers=building.headers,
                json={"reason": "false alarm, checked"},
            )
            assert cleared.status_code == 200, cleared.text
        assert compiled == []
