"""On-demand benchmark (`make bench`): the emergency fan-out of venue audio (issue 17).

500 players (``BIZSUITE_BENCH_PLAYERS``), 10 in each of 50 zones of one venue (48 floors and 2
basements) playing background music, hold their connections open: real WebSocket clients on
loopback (``GET /api/v1/venue-audio/player/socket``; ``BIZSUITE_BENCH_TRANSPORT=sse``: the
server-sent event feed and ``POST …/player/acks``, the fallback), all in one process of their
own (``venue_players.py``), against ``bizsuite serve`` (one uvicorn worker) in another, on the
tests' embedded PostgreSQL. This process plays the fire-alarm panel: for each of
``BIZSUITE_BENCH_ALARMS`` (10) all-call alarms it makes the API call (``POST
/api/v1/venue-audio/broadcasts/emergencies``), waits until every player has received the
emergency command and acknowledged it (the server's answer to the acknowledgement, sent once it
is committed, has arrived), then clears the alarm and waits again until every player
acknowledged the music's return. Then a floor alarm (the N+1 rule: 3 zones, 30 players)
and ``BIZSUITE_BENCH_SILENT_ALARMS`` (3) all-call alarms whose commands the players receive
without acknowledging them (the fan-out alone, without the acknowledgements' load).

Reported, per alarm and as p50/p99 over the alarms (with 10 alarms the p99 is about the
maximum): the call's own latency, call → the last player receiving the command, the spread
from the first to the last player, call → the last acknowledgement (the issue's figure; goal
p99 < 100 ms on the 2-core machine, EN 54-16 allows 3 s), the median player, and the CPU time
spent per alarm by the server process (and how much of it in the kernel: its sockets, mostly),
by the PostgreSQL backends of the bench database (those connected before the call) and by the
players' process from the call on (``/proc/<pid>/stat``). All three
processes share the machine's cores, and the load average is printed, since other work on the
machine moves the figures. Also reported: what a minute boundary costs with every player
connected (each feed re-reads the database at each minute: ``core/live.py``'s clock), and the
database statements of an alarm call, a clear and one acknowledgement.

Each round starts with every feed open, once the server is idle, and far enough from the next
minute boundary for the round to end before it (``Panel.settle``), so the minute's re-reads do
not land in the figures; on a machine so busy that this never happens within
``BIZSUITE_BENCH_SETTLE_S`` (180 s), the round starts anyway and is marked "unsettled".

Asserted (correctness only, never speed): every player gets exactly the emergency command of
the alarm (its broadcast, full volume) and acknowledges it; the floor alarm reaches exactly the
players of floors N-1, N and N+1 and no other player gets a command; after each clear every
affected player is back on the music; the server recorded every acknowledgement.

Settings of the server process: ``BIZSUITE_RATE_LIMIT_PER_MINUTE=1000000`` (the default 1,200
per caller and 6,000 per address a minute would refuse 500 players on one loopback address),
log level WARNING, the product's database pool (10 + 10 overflow, 5 s timeout) unless
``BIZSUITE_BENCH_DB_POOL_SIZE`` is set. The players send an acknowledgement refused with 503 (not
recorded now) or 429 again, counted. Knobs: ``BIZSUITE_BENCH_TRANSPORT`` (``websocket``),
``BIZSUITE_BENCH_PLAYERS`` (500), ``BIZSUITE_BENCH_ZONES`` (50),
``BIZSUITE_BENCH_ALARMS`` (10), ``BIZSUITE_BENCH_SILENT_ALARMS`` (3),
``BIZSUITE_BENCH_DB_POOL_SIZE``, ``BIZSUITE_BENCH_SETTLE_S`` (180). About 5 minutes on an idle
machine.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity.security import sha256_hex
from bizsuite.modules.venue_audio.models import Device, DeviceKey, DeviceKind
from bizsuite.settings import Settings
from litestar import Litestar
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle, asgi_client

PLAYERS = int(os.environ.get("BIZSUITE_BENCH_PLAYERS", "500"))
ZONES = int(os.environ.get("BIZSUITE_BENCH_ZONES", "50"))
ALARMS = int(os.environ.get("BIZSUITE_BENCH_ALARMS", "10"))
SILENT_ALARMS = int(os.environ.get("BIZSUITE_BENCH_SILENT_ALARMS", "3"))
DB_POOL_SIZE = os.environ.get("BIZSUITE_BENCH_DB_POOL_SIZE", "")
#: How the players connect: ``websocket`` (acknowledgements on the same connection) or ``sse``.
TRANSPORT = os.environ.get("BIZSUITE_BENCH_TRANSPORT", "websocket")
#: How long a round waits for a calm moment (see ``Panel.settle``) before it starts anyway.
SETTLE_S = float(os.environ.get("BIZSUITE_BENCH_SETTLE_S", "180"))
#: How long the players may take to get and acknowledge one alarm before the run fails.
WAIT_S = 60.0
#: After a floor alarm: time for commands nobody expected to show up.
GRACE_S = 1.0
BASEMENTS = 2
TIME_ZONE = "Asia/Shanghai"
BASE = "/api/v1/venue-audio"
PLAYERS_SCRIPT = Path(__file__).with_name("venue_players.py")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
FULL_VOLUME = 100


# --- Processes -------------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (``/proc/<pid>/stat``, in clock ticks)."""
    return sum(cpu_split(pid))


def cpu_split(pid: int) -> tuple[float, float]:
    """User and system CPU time of a process so far: the system part is mostly its sockets'."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) / CLOCK_TICKS, int(fields[12]) / CLOCK_TICKS


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _raise_open_files_limit() -> None:
    """1,000+ sockets on each side (children inherit the limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


@contextmanager
def serve(settings: Settings, log: Path) -> Iterator[tuple[str, int]]:
    """``bizsuite serve`` (one uvicorn worker) in its own process, its output in ``log``; yields its
    URL and pid."""
    port = free_port()
    env = {
        **os.environ,
        "BIZSUITE_DATABASE_URL": settings.database_url,
        "BIZSUITE_DATA_DIR": str(settings.data_dir),
        "BIZSUITE_LOG_LEVEL": "WARNING",
        "BIZSUITE_RATE_LIMIT_PER_MINUTE": "1000000",
    }
    if DB_POOL_SIZE:
        env["BIZSUITE_DB_POOL_SIZE"] = DB_POOL_SIZE
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "bizsuite.cli", "serve", "--port", str(port)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # building the app takes 30 s of a busy machine
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with {process.returncode}")
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Players:
    """The players' process (``venue_players.py``), driven through JSON lines."""

    def __init__(self, url: str, keys_file: Path) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(PLAYERS_SCRIPT),
                "--url",
                url,
                "--keys",
                str(keys_file),
                "--transport",
                TRANSPORT,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    async def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = await asyncio.to_thread(self.process.stdout.readline)
        if not line:
            raise RuntimeError(f"the players' process ended ({self.process.poll()})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    async def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return await self.read()

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            try:
                self.process.stdin.write('{"op": "quit"}\n')
                self.process.stdin.flush()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


# --- The venue ---------------------------------------------------------------------------------


@dataclass
class Venue:
    id: str
    zones: dict[str, str]  # code -> id
    devices: list[str] = field(default_factory=list)  # player index -> device id
    device_zone: list[str] = field(default_factory=list)  # player index -> zone code
    keys: list[str] = field(default_factory=list)


async def _post(api: httpx.AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    made = await api.post(path, json=body)
    assert made.status_code in (200, 201), made.text
    answer: dict[str, Any] = made.json()
    return answer


async def make_venue(api: httpx.AsyncClient, app_engine: AsyncEngine, tenant: TenantHandle) -> Venue:
    """The venue and its zones through the API, the players and their keys as rows (500 devices
    through the API would recompute the whole venue's commands on each), then background music
    everywhere through the API (which issues every player its first command)."""
    suffix = uuid.uuid4().hex[:6]
    unit = await _post(
        api, "/api/v1/org-units", {"name": "Fan-out tower", "code": f"FO{suffix}", "kind": "venue"}
    )
    venue = await _post(
        api,
        f"{BASE}/venues",
        {
            "org_unit_id": unit["id"],
            "code": f"FANOUT-{suffix}",
            "name": "Fan-out tower",
            "time_zone": TIME_ZONE,
            "emergency_policy": "phased",
            "evacuation_source": "evacuation-zh-en.mp3",
        },
    )
    places = [{"code": f"F{n}", "name": f"{n}F", "floor": n} for n in range(1, ZONES - BASEMENTS + 1)]
    places += [
        {"code": f"B{n}", "name": f"B{n}", "floor": n, "basement": True} for n in range(1, BASEMENTS + 1)
    ]
    zones: dict[str, str] = {}
    for place in places:
        zones[str(place["code"])] = (await _post(api, f"{BASE}/zones", {"venue_id": venue["id"], **place}))[
            "id"
        ]
    built = Venue(id=venue["id"], zones=zones)
    codes = list(zones)
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        for index in range(PLAYERS):
            zone_code = codes[index % len(codes)]
            device = Device(
                tenant_id=tenant.id,
                venue_id=uuid.UUID(venue["id"]),
                zone_id=uuid.UUID(zones[zone_code]),
                kind=DeviceKind.PLAYER.value,
                code=f"P{index:04d}",
                name=f"Player {index} ({zone_code})",
                heartbeat_interval_s=3600,
            )
            session.add(device)
            await session.flush()
            secret = f"bzd_bench{uuid.uuid4().hex}{uuid.uuid4().hex[:8]}"
            session.add(
                DeviceKey(
                    tenant_id=tenant.id,
                    device_id=device.id,
                    prefix=secret[:12],
                    key_hash=sha256_hex(secret),
                    created_by="bench",
                )
            )
            built.devices.append(str(device.id))
            built.device_zone.append(zone_code)
            built.keys.append(secret)
    group = await _post(
        api,
        f"{BASE}/zone-groups",
        {"venue_id": venue["id"], "code": "ALL", "name": "All zones", "zone_ids": list(zones.values())},
    )
    local = datetime.now(UTC).astimezone(ZoneInfo(TIME_ZONE))
    await _post(
        api,
        f"{BASE}/schedules",
        {
            "venue_id": venue["id"],
            "kind": "music",
            "name": "Background music",
            "source": "playlist:lobby-jazz",
            "zone_group_id": group["id"],
            "start_time": (local - timedelta(hours=1)).strftime("%H:%M:%S"),
            "end_time": (local + timedelta(hours=3)).strftime("%H:%M:%S"),
        },
    )
    return built


# --- Measuring -----------------------------------------------------------------------------------


async def backend_pids(owner_engine: AsyncEngine) -> list[int]:
    """The PostgreSQL backends connected to the bench database (the server's pool and listener)."""
    async with owner_engine.connect() as conn:
        rows = await conn.scalars(
            text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
        return list(rows)


def backends_cpu(pids: list[int]) -> dict[int, float]:
    found = {}
    for pid in pids:
        with suppress(FileNotFoundError, ProcessLookupError):
            found[pid] = cpu_seconds(pid)
    return found


@dataclass
class Round:
    """One alarm (or clear) as measured."""

    what: str
    call_ms: float
    last_command_ms: float
    last_ack_ms: float | None
    median_command_ms: float
    first_command_ms: float
    median_ack_ms: float | None
    server_cpu_ms: float
    #: Of which in the kernel (the sockets' reads and writes, mostly).
    server_system_ms: float
    postgres_cpu_ms: float
    players_cpu_ms: float
    players: int
    load: float
    #: Acknowledgements the players had to send again (the server answered 503 or 429).
    retries: int = 0
    #: Whether the round started away from a minute boundary's storm, every feed open (``settle``).
    settled: bool = True

    def line(self) -> str:
        ack = f"{self.last_ack_ms:7.0f}" if self.last_ack_ms is not None else "      -"
        median_ack = f"{self.median_ack_ms:6.0f}" if self.median_ack_ms is not None else "     -"
        return (
            f"  {self.what:<14} {self.players:4d} players  call {self.call_ms:6.0f}  last command "
            f"{self.last_command_ms:6.0f}  last ack {ack}  (median player {self.median_command_ms:5.0f} /"
            f"{median_ack})  CPU server {self.server_cpu_ms:5.0f} (sys {self.server_system_ms:3.0f})  postgres {self.postgres_cpu_ms:5.0f}  "
            f"players {self.players_cpu_ms:5.0f}  load {self.load:.1f}"
            + (f"  ack retries {self.retries}" if self.retries else "")
            + ("" if self.settled else "  (unsettled: started during the minute's re-reads)")
        )


class Panel:
    """The fire-alarm panel: makes the calls and measures each against the players' reports."""

    def __init__(
        self, api: httpx.AsyncClient, players: Players, server_pid: int, owner_engine: AsyncEngine
    ) -> None:
        self.api, self.players, self.server_pid, self.owner_engine = api, players, server_pid, owner_engine
        #: Seconds a round needs without a minute boundary in it (grows with the longest round seen).
        self.budget_s = 10.0
        self.feed_breaks = 0

    async def quiet(self, *, at_most: float = 120.0) -> float:
        """Wait until the server is nearly idle (under 10% of a core over half a second)."""
        started = time.monotonic()
        while time.monotonic() - started < at_most:
            before = cpu_seconds(self.server_pid)
            await asyncio.sleep(0.5)
            if cpu_seconds(self.server_pid) - before < 0.05:
                break
        return time.monotonic() - started

    async def all_connected(self, *, at_most: float = 120.0) -> int:
        """Wait until every player's feed is open again (after the minute boundary some reconnect,
        with their backoff); return how many were not at first."""
        started = time.monotonic()
        missing = PLAYERS - (await self.players.ask({"op": "status"}))["connected"]
        while time.monotonic() - started < at_most:
            if (await self.players.ask({"op": "status"}))["connected"] == PLAYERS:
                break
            await asyncio.sleep(0.5)
        return missing

    async def settle(self) -> bool:
        """Start a round with every feed open, on an idle server, and not within ``budget_s`` of a
        minute boundary: at each minute every feed re-reads the database (``live.wakeups``' clock),
        500 at once, and many break off (see ``minute_tick``). On a busy machine the minute's storm
        may never calm down: after ``SETTLE_S`` the round starts anyway (returns False)."""
        give_up = time.monotonic() + SETTLE_S
        while (left := give_up - time.monotonic()) > 0:
            to_minute = 60.0 - time.time() % 60.0
            if to_minute < self.budget_s:
                await asyncio.sleep(min(to_minute + 0.5, left))
                continue
            await self.quiet(at_most=left)
            if await self.all_connected(at_most=max(0.0, give_up - time.monotonic())):
                continue  # the reconnections made work: quiet again
            if 60.0 - time.time() % 60.0 >= self.budget_s:
                return True
        return False

    async def minute_tick(self) -> None:
        """What a minute boundary costs with every player connected and nothing happening."""
        await self.quiet()
        to_minute = 60.0 - time.time() % 60.0
        if to_minute < 3.0:
            await asyncio.sleep(to_minute + 1.0)
            await self.quiet()
            to_minute = 60.0 - time.time() % 60.0
        await asyncio.sleep(to_minute - 2.0)
        await self.players.ask({"op": "mark", "ack": True})
        pids = await backend_pids(self.owner_engine)
        pg_before, server_before = backends_cpu(pids), cpu_seconds(self.server_pid)
        boundary = time.monotonic() + (60.0 - time.time() % 60.0)
        await asyncio.sleep(max(0.0, boundary - time.monotonic()) + 0.5)
        await self.quiet()
        busy = time.monotonic() - boundary
        server_cpu = cpu_seconds(self.server_pid) - server_before
        pg_after = backends_cpu(pids)
        postgres_cpu = sum(pg_after[p] - pg_before[p] for p in pg_after if p in pg_before)
        missing = await self.all_connected()
        back = time.monotonic() - boundary
        report = await self.players.ask({"op": "wait", "count": 0, "timeout": 0})
        self.feed_breaks += len(report["feed_errors"])
        print(
            f"a minute boundary, nothing else happening: the server busy for about {busy:.1f} s, "
            f"server CPU {server_cpu:.2f} s, PostgreSQL backends {postgres_cpu:.2f} s, "
            f"{len(report['feed_errors'])} feed breaks ({missing} feeds still down when the server "
            f"went quiet, all open again {back:.1f} s after the minute), "
            f"{len(report['events'])} commands sent, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        if report["feed_errors"]:
            print(f"    e.g. {report['feed_errors'][0]}")

    async def measure(
        self, what: str, path: str, body: dict[str, Any], *, count: int, ack: bool = True, grace: float = 0.0
    ) -> tuple[Round, dict[str, Any], list[list[Any]]]:
        """Make one call; return what it measured, the call's answer and the players' new commands."""
        settled = await self.settle()
        await self.players.ask({"op": "mark", "ack": ack})
        pids = await backend_pids(self.owner_engine)
        pg_before, server_before = backends_cpu(pids), cpu_split(self.server_pid)
        started = time.monotonic()
        reply = await self.api.post(path, json=body)
        answered = time.monotonic()
        assert reply.status_code in (200, 201), reply.text
        report = await self.players.ask({"op": "wait", "count": count, "timeout": WAIT_S, "grace": 0.0})
        server_after = cpu_split(self.server_pid)
        server_cpu = sum(server_after) - sum(server_before)
        server_system = server_after[1] - server_before[1]
        pg_after = backends_cpu(pids)
        postgres_cpu = sum(pg_after[p] - pg_before[p] for p in pg_after if p in pg_before)
        events: list[list[Any]] = report["events"]
        if grace:
            await asyncio.sleep(grace)
            events = (await self.players.ask({"op": "wait", "count": 0, "timeout": 0}))["events"]
        assert not report["errors"], report["errors"]
        self.feed_breaks += len(report["feed_errors"])
        if report["feed_errors"]:
            print(f"    {len(report['feed_errors'])} feeds broke off, e.g. {report['feed_errors'][0]}")
        received = [e[6] - started for e in events]
        acked = [e[7] - started for e in events if e[7] is not None]
        measured = Round(
            what=what,
            call_ms=(answered - started) * 1000,
            last_command_ms=max(received, default=0.0) * 1000,
            last_ack_ms=max(acked) * 1000 if ack and acked else None,
            median_command_ms=statistics.median(received) * 1000 if received else 0.0,
            first_command_ms=min(received, default=0.0) * 1000,
            median_ack_ms=statistics.median(acked) * 1000 if ack and acked else None,
            server_cpu_ms=server_cpu * 1000,
            server_system_ms=server_system * 1000,
            postgres_cpu_ms=postgres_cpu * 1000,
            players_cpu_ms=report["cpu_wait_s"] * 1000,
            players=len({e[0] for e in events}),
            load=os.getloadavg()[0],
            retries=report["retries"],
            settled=settled,
        )
        if report["retries"]:
            print(f"    acknowledgements sent again: {report['retry_reasons']}")
        print(measured.line(), flush=True)
        if received and max(received) > 3 * statistics.median(received) + 0.5:
            slowest = max(events, key=lambda e: e[6])
            since = [round(t - started, 2) for t in report["connections"][str(slowest[0])]]
            print(
                f"    the last player ({slowest[0]}) got its command {max(received):.2f} s after the call; "
                f"its feed's last connections (s from the call): {since}"
            )
        longest = max(measured.last_command_ms, measured.last_ack_ms or 0.0) / 1000
        self.budget_s = max(self.budget_s, 1.5 * longest + 3.0)
        return measured, reply.json(), events


def check_commands(
    events: list[list[Any]], expected: set[int], *, kind: str, broadcast_id: str | None, acked: bool
) -> None:
    """Each expected player got exactly one new command of ``kind`` (of that broadcast), and none other."""
    by_player: dict[int, list[list[Any]]] = {}
    for got in events:
        by_player.setdefault(got[0], []).append(got)
    assert set(by_player) == expected, (
        f"{len(expected - set(by_player))} expected players got nothing, "
        f"{len(set(by_player) - expected)} others got a command"
    )
    for player, got in by_player.items():
        assert len(got) == 1, f"player {player} got {len(got)} commands: {got}"
        _index, _seq, program_kind, broadcast, source, volume, _received, acked_at, status = got[0]
        assert program_kind == kind, got[0]
        if broadcast_id is not None:
            assert broadcast == broadcast_id, got[0]
            assert volume == FULL_VOLUME, got[0]
            assert source == "evacuation-zh-en.mp3", got[0]
        if acked:
            assert acked_at is not None and status == 200, got[0]


def quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1), linear between the closest ranks."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarize(title: str, rounds: list[Round]) -> None:
    if not rounds:
        return
    unsettled = sum(not r.settled for r in rounds)
    note = f", {unsettled} of them started during a minute's re-reads" if unsettled else ""
    print(f"\n{title} ({len(rounds)}{note}): p50 / p99 / max, ms")

    def row(name: str, values: list[float]) -> None:
        print(f"  {name:<34} {quantile(values, 0.5):8.1f} {quantile(values, 0.99):8.1f} {max(values):8.1f}")

    row("call (the API's answer)", [r.call_ms for r in rounds])
    row("call -> last player has the command", [r.last_command_ms for r in rounds])
    row("call -> median player has it", [r.median_command_ms for r in rounds])
    row("first -> last player has it", [r.last_command_ms - r.first_command_ms for r in rounds])
    if all(r.last_ack_ms is not None for r in rounds):
        row("call -> last acknowledgement", [r.last_ack_ms or 0.0 for r in rounds])
        row("call -> median acknowledgement", [r.median_ack_ms or 0.0 for r in rounds])
    row("server CPU", [r.server_cpu_ms for r in rounds])
    row("  of which system (sockets)", [r.server_system_ms for r in rounds])
    row("PostgreSQL backends' CPU", [r.postgres_cpu_ms for r in rounds])
    row("players' process CPU", [r.players_cpu_ms for r in rounds])


# --- The benchmark -------------------------------------------------------------------------------


@pytest.mark.bench
async def test_emergency_fanout_to_500_players(
    settings: Settings,
    make_tenant: Any,
    app: Litestar,
    app_engine: AsyncEngine,
    owner_engine: AsyncEngine,
    tmp_path: Path,
) -> None:
    _raise_open_files_limit()
    tenant: TenantHandle = await make_tenant(modules=["venue_audio"])
    print(
        f"\nemergency fan-out: {PLAYERS} players ({TRANSPORT}) in {ZONES} zones; {os.cpu_count()} CPUs; load average "
        + " ".join(f"{v:.2f}" for v in os.getloadavg())
        + f"; server pool {DB_POOL_SIZE or Settings().db_pool_size} (x2, no overflow); uvicorn's loop "
        + ("uvloop" if importlib.util.find_spec("uvloop") else "asyncio")
        + ", HTTP "
        + ("httptools" if importlib.util.find_spec("httptools") else "h11"),
        flush=True,
    )
    server_log = tmp_path / "server.log"
    with serve(settings, server_log) as (url, server_pid):
        async with httpx.AsyncClient(
            base_url=url, headers=tenant.headers, timeout=60, trust_env=False
        ) as api:
            made = time.monotonic()
            venue = await make_venue(api, app_engine, tenant)
            keys_file = tmp_path / "keys.json"
            keys_file.write_text(json.dumps(venue.keys))
            print(
                f"venue made in {time.monotonic() - made:.1f} s; server {url}, pid {server_pid}", flush=True
            )

            players = Players(url, keys_file)
            try:
                server_before = cpu_seconds(server_pid)
                ready = await players.read()
                print(
                    f"{ready['ready']} players connected and acknowledged their first command in "
                    f"{ready['seconds']:.1f} s (server CPU {cpu_seconds(server_pid) - server_before:.1f} s, "
                    f"players' process {ready['cpu_s']:.1f} s; acknowledgements sent again: "
                    f"{ready['retries']} {ready['retry_reasons'] or ''})",
                    flush=True,
                )
                assert ready["ready"] == PLAYERS, ready["errors"]
                panel = Panel(api, players, server_pid, owner_engine)
                await _run_alarms(panel, venue)
                await count_statements(app, panel, venue, tenant)
            finally:
                players.close()
    lines = server_log.read_text("utf-8", errors="replace").splitlines()
    errors = sum('"level": "ERROR"' in line for line in lines)
    pool = sum('"message": "database unavailable' in line for line in lines)
    print(
        f"server log ({server_log}): {errors} errors (mostly feeds ended by the pool's timeout during "
        f"the minute's re-reads), {pool} requests answered 503 for want of a pooled connection"
    )
    print("load average at the end " + " ".join(f"{v:.2f}" for v in os.getloadavg()))


async def _run_alarms(panel: Panel, venue: Venue) -> None:
    everyone = set(range(PLAYERS))
    alarms: list[Round] = []
    clears: list[Round] = []
    acked_broadcasts: list[str] = []
    await panel.minute_tick()
    print("\nper call, ms from the call (CPU: ms spent during the round):")
    for number in range(1, ALARMS + 1):
        measured, broadcast, events = await panel.measure(
            f"alarm {number}",
            f"{BASE}/broadcasts/emergencies",
            {"venue_id": venue.id, "all_call": True, "reason": f"bench alarm {number}"},
            count=PLAYERS,
        )
        check_commands(events, everyone, kind="emergency", broadcast_id=broadcast["id"], acked=True)
        alarms.append(measured)
        acked_broadcasts.append(broadcast["id"])
        measured, _, events = await panel.measure(
            f"clear {number}",
            f"{BASE}/broadcasts/{broadcast['id']}/close",
            {"reason": "bench: cleared"},
            count=PLAYERS,
        )
        check_commands(events, everyone, kind="music", broadcast_id=None, acked=True)
        clears.append(measured)

    # A floor alarm: the N+1 rule reaches floors N-1, N and N+1 only.
    floor = (ZONES - BASEMENTS) // 2
    codes = {f"F{n}" for n in (floor - 1, floor, floor + 1)}
    affected = {i for i, code in enumerate(venue.device_zone) if code in codes}
    floor_round, broadcast, events = await panel.measure(
        f"floor {floor}",
        f"{BASE}/broadcasts/emergencies",
        {"venue_id": venue.id, "floor": floor, "reason": "bench floor alarm"},
        count=len(affected),
        grace=GRACE_S,
    )
    check_commands(events, affected, kind="emergency", broadcast_id=broadcast["id"], acked=True)
    acked_broadcasts.append(broadcast["id"])
    _, _, events = await panel.measure(
        f"clear floor {floor}",
        f"{BASE}/broadcasts/{broadcast['id']}/close",
        {"reason": "bench: cleared"},
        count=len(affected),
        grace=GRACE_S,
    )
    check_commands(events, affected, kind="music", broadcast_id=None, acked=True)

    # The fan-out alone: the players receive the commands but do not acknowledge them.
    silent: list[Round] = []
    for number in range(1, SILENT_ALARMS + 1):
        measured, broadcast, events = await panel.measure(
            f"silent {number}",
            f"{BASE}/broadcasts/emergencies",
            {"venue_id": venue.id, "all_call": True, "reason": f"bench alarm {number}, no acks"},
            count=PLAYERS,
            ack=False,
        )
        check_commands(events, everyone, kind="emergency", broadcast_id=broadcast["id"], acked=False)
        silent.append(measured)
        _, _, events = await panel.measure(
            f"clear silent {number}",
            f"{BASE}/broadcasts/{broadcast['id']}/close",
            {"reason": "bench: cleared"},
            count=PLAYERS,
        )
        check_commands(events, everyone, kind="music", broadcast_id=None, acked=True)

    # The server recorded every acknowledgement (what the board and the log show).
    async with panel.owner_engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT broadcast_id::text, count(*), count(acked_at), min(reported_volume) "
                    "FROM venue_audio_player_commands WHERE broadcast_id = ANY(CAST(:ids AS uuid[])) GROUP BY 1"
                ),
                {"ids": acked_broadcasts},
            )
        ).all()
    recorded = {row[0]: (row[1], row[2], row[3]) for row in rows}
    for broadcast_id in acked_broadcasts[:-1]:
        assert recorded[broadcast_id] == (PLAYERS, PLAYERS, FULL_VOLUME), (
            broadcast_id,
            recorded[broadcast_id],
        )
    assert recorded[acked_broadcasts[-1]] == (len(affected), len(affected), FULL_VOLUME)

    summarize("all-call alarms, acknowledged", alarms)
    summarize("clears (music resumes), acknowledged", clears)
    summarize("all-call alarms, not acknowledged (the fan-out alone)", silent)
    print(f"\nfloor alarm ({len(affected)} players): " + floor_round.line().strip())
    print(f"feeds that broke off during the rounds (the players reconnected): {panel.feed_breaks}")


async def count_statements(app: Litestar, panel: Panel, venue: Venue, tenant: TenantHandle) -> None:
    """The database statements of an alarm call, a clear and one (first) acknowledgement, counted
    on the engine of the tests' in-process app (the same code as the server's; BEGIN and COMMIT
    are not seen there). The players receive this alarm (one of them acknowledges it from here)
    and acknowledge its clear."""
    engine = app.state.engine.sync_engine
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(" ".join(str(args[2]).split()))

    event.listen(engine, "before_cursor_execute", record)
    try:
        async with asgi_client(app, lifespan=False) as client:
            # The players receive this one without acknowledging it: the count is of a first acknowledgement.
            await panel.players.ask({"op": "mark", "ack": False})
            statements.clear()
            reply = await client.post(
                f"{BASE}/broadcasts/emergencies",
                json={"venue_id": venue.id, "all_call": True, "reason": "bench: statements"},
                headers=tenant.headers,
            )
            assert reply.status_code == 201, reply.text
            alarm = list(statements)
            report = await panel.players.ask({"op": "wait", "count": PLAYERS, "timeout": WAIT_S})
            check_commands(
                report["events"], set(range(PLAYERS)), kind="emergency", broadcast_id=None, acked=False
            )
            seq = next(e[1] for e in report["events"] if e[0] == 0)
            statements.clear()
            acked = await client.post(
                f"{BASE}/player/acks",
                json={"seq": seq, "source": "evacuation-zh-en.mp3", "volume": FULL_VOLUME},
                headers={"Authorization": f"Bearer {venue.keys[0]}"},
            )
            assert acked.status_code == 200, acked.text
            ack = list(statements)
            await panel.players.ask({"op": "mark", "ack": True})
            statements.clear()
            closed = await client.post(
                f"{BASE}/broadcasts/{reply.json()['id']}/close",
                json={"reason": "bench"},
                headers=tenant.headers,
            )
            assert closed.status_code == 200, closed.text
            clear = list(statements)
            report = await panel.players.ask({"op": "wait", "count": PLAYERS, "timeout": WAIT_S})
            check_commands(report["events"], set(range(PLAYERS)), kind="music", broadcast_id=None, acked=True)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    print(
        f"\ndatabase statements (plus BEGIN and COMMIT): alarm call {len(alarm)}, clear {len(clear)}, "
        f"one acknowledgement {len(ack)}:"
    )
    for sql in ack:
        print("  ack:", sql[:120])
