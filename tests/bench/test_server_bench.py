"""On-demand benchmark (`make bench`): which ASGI server serves the app (issue 19, step 3).

1. ``GET /api/v1/crm/accounts?limit=50`` with an API key through the real app (the production
   factory ``bizsuite.app:create_app``, settings from the environment as ``bizsuite serve`` reads
   them) served three ways, each in its own process against the same database
   (``tests/bench/asgi_serve.py``):

   - uvicorn as it was: asyncio event loop, h11 HTTP parser;
   - uvicorn with ``loop="uvloop", http="httptools"`` (``uvicorn[standard]``);
   - granian (Rust HTTP server, ASGI interface, its default event loop: uvloop when installed);

   each with one worker, proxy headers, no access log, a 5-second stop; and the bare handler
   (``crm_bare.py``: Litestar + asyncpg, the same SQL, ``set_config`` and JSON shape, the
   reference of the issue's P1 ratio) on each of the three servers, so app / bare is read per
   server. Each run starts a fresh server process, warms it up, loads it and stops it (one
   server at a time: the database's connection slots are shared); the runs alternate (server
   after server, round after round) so background load hits all alike. Reported per server and
   target, each the median over the rounds: throughput, p50, p95, p99, and the server
   processes' CPU time per request (user + system, from ``/proc``: on a shared machine the
   throughput follows the CPU share the scheduler hands out, the CPU a request costs much
   less). Then the winner (least CPU per app request) with 2 workers against 1, alternating
   again. It asserts only that every server returns the same 50 rows.
2. A stop with an open event stream: each server (one worker), then ``bizsuite serve`` itself
   with 1 and 2 workers, serves the venue-audio player feed (server-sent events, never ending by
   itself); with the feed open and its first command received, the server gets SIGTERM. Reports
   how long the process took to exit and when the client saw its stream end; asserts that
   ``bizsuite serve`` exits within 15 s (it waits at most 5 s for open streams).

Knobs: ``BIZSUITE_BENCH_SERVER_ACCOUNTS`` (accounts of the big tenant, default 20,000: the page
reads 51 index entries whatever the size), ``BIZSUITE_BENCH_SERVER_ROUNDS`` (default 5),
``BIZSUITE_BENCH_SERVER_SECONDS`` (per run, after 2 s of warm-up; default 4),
``BIZSUITE_BENCH_CONCURRENCY`` (keep-alive connections, default 16).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import msgspec
import pytest
from bizsuite.core.database import app_url
from bizsuite.settings import REPO_ROOT, Settings

from tests.bench import crm_data
from tests.bench.asgi_serve import SERVERS
from tests.bench.crm_load import _read_response, _request_bytes, _split, fetch_once, free_port
from tests.conftest import TenantHandle, _server_url
from tests.modules.venue_audio.conftest import BASE, add_player, make_building, music_everywhere

ACCOUNTS = int(os.environ.get("BIZSUITE_BENCH_SERVER_ACCOUNTS", "20000"))
ROUNDS = int(os.environ.get("BIZSUITE_BENCH_SERVER_ROUNDS", "5"))
SECONDS = float(os.environ.get("BIZSUITE_BENCH_SERVER_SECONDS", "4"))
#: A fresh process per run: the first requests build caches (statements, prepared queries).
WARMUP = 2.0
CONCURRENCY = int(os.environ.get("BIZSUITE_BENCH_CONCURRENCY", "16"))
PAGE = 50
PATH = f"/api/v1/crm/accounts?limit={PAGE}"
LABELS = {
    "uvicorn-h11": "uvicorn, asyncio + h11",
    "uvicorn-uvloop": "uvicorn, uvloop + httptools",
    "granian": "granian (ASGI)",
}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Run:
    """One load run: successful requests, errors, latency percentiles, the server's CPU time."""

    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    server_cpu_s: float
    client_cpu_s: float
    server_rss_mb: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        return self.server_cpu_s * 1000 / self.requests if self.requests else 0.0


@dataclass(frozen=True)
class Summary:
    """Each measure's median over the runs of one server and target (each measure on its own:
    on a shared machine one run may be slow in one respect only)."""

    runs: list[Run]

    def _median(self, measure: Callable[[Run], float]) -> float:
        return statistics.median(measure(run) for run in self.runs)

    @property
    def rps(self) -> float:
        return self._median(lambda r: r.rps)

    @property
    def p99_ms(self) -> float:
        return self._median(lambda r: r.p99_ms)

    @property
    def cpu_ms(self) -> float:
        """The server processes' CPU time per request (ms)."""
        return self._median(lambda r: r.cpu_ms_per_request)

    def line(self) -> str:
        errors = sum(r.errors for r in self.runs)
        return (
            f"{self.rps:7,.0f} req/s  p50 {self._median(lambda r: r.p50_ms):6.1f}"
            f"  p95 {self._median(lambda r: r.p95_ms):6.1f}  p99 {self.p99_ms:6.1f} ms"
            f"  server CPU {self.cpu_ms:5.2f} ms/request, RSS {self._median(lambda r: r.server_rss_mb):4.0f} MB"
            f"  ({errors} errors;"
            f" runs: {', '.join(f'{r.rps:,.0f}' for r in self.runs)} req/s)"
        )


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (``/proc``)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
        found.append(current)
    return found


def _tree_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and all its descendants."""
    total = 0.0
    for current in _tree(pid):
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime
    return total


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (MB)."""
    total = 0
    for current in _tree(pid):
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return total / 1024


async def _load(url: str, pid: int, headers: Mapping[str, str], *, warmup: float = 1.0) -> Run:
    """``CONCURRENCY`` keep-alive connections (crm_load's raw HTTP/1.1 client), one request in
    flight each, for ``warmup`` + ``SECONDS``; the latter part is measured."""
    host, port = _split(url)
    request = _request_bytes(f"{host}:{port}", PATH, headers)
    latencies: list[float] = []
    errors = 0
    measure_from = time.perf_counter() + warmup
    stop_at = measure_from + SECONDS
    cpu: dict[str, float] = {}

    async def mark() -> None:
        await asyncio.sleep(max(0.0, measure_from - time.perf_counter()))
        cpu["server"], cpu["client"] = _tree_cpu_seconds(pid), time.process_time()

    async def connection() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while (sent := time.perf_counter()) < stop_at:
                writer.write(request)
                status, body = await _read_response(reader)
                if sent >= measure_from:
                    if status == 200 and body:
                        latencies.append(time.perf_counter() - sent)
                    else:
                        errors += 1
        finally:
            writer.close()

    await asyncio.gather(mark(), *(connection() for _ in range(CONCURRENCY)))
    server_cpu, client_cpu = _tree_cpu_seconds(pid) - cpu["server"], time.process_time() - cpu["client"]
    rss = _tree_rss_mb(pid)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return Run(
        len(latencies),
        errors,
        SECONDS,
        cuts[49] * 1e3,
        cuts[94] * 1e3,
        cuts[98] * 1e3,
        server_cpu,
        client_cpu,
        rss,
    )


@contextmanager
def _serving(
    argv: list[str], env: Mapping[str, str], port: int
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A server process (``python argv``) on ``port``; yields its URL and process once /health answers."""
    # A session of its own, so that whatever it leaves behind (worker processes) can be killed.
    process = subprocess.Popen(
        [sys.executable, *argv], env={**os.environ, **env}, cwd=REPO_ROOT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{argv} exited with {process.returncode}")
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{argv} did not start")
            time.sleep(0.2)
        yield url, process
    finally:
        if process.poll() is None:
            process.terminate()
            if not _wait(process, 15):
                _kill_all(process)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # workers a killed supervisor left behind


def _server_argv(server: str, target: str, port: int, workers: int = 1) -> list[str]:
    return ["-m", "tests.bench.asgi_serve", server, target, str(port), str(workers)]


def _ids(body: bytes) -> list[str]:
    return [item["id"] for item in msgspec.json.decode(body)["items"]]


def _load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def _app_dsn(data: crm_data.BenchData) -> str:
    """The application role's URL for the bench database (for the bare handler)."""
    settings = Settings(database_url=data.owner_url.render_as_string(hide_password=False))
    url = app_url(settings, data.owner_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _app_env(data: crm_data.BenchData) -> dict[str, str]:
    """The environment the app is served with (as the CRM bench serves ``bizsuite serve``)."""
    return {
        "BIZSUITE_LOG_LEVEL": "WARNING",
        "BIZSUITE_DATABASE_URL": data.owner_url.render_as_string(hide_password=False),
        "BIZSUITE_RATE_LIMIT_PER_MINUTE": "100000000",
        "BIZSUITE_DATA_DIR": str(REPO_ROOT / ".test-data" / "bench"),
    }


@pytest.fixture
async def bench_data(monkeypatch: pytest.MonkeyPatch) -> crm_data.BenchData:
    monkeypatch.setenv("BIZSUITE_BENCH_ACCOUNTS", str(ACCOUNTS))
    return await crm_data.prepare(_server_url())


def _versions() -> str:
    from importlib.metadata import version

    return ", ".join(
        f"{name} {version(name)}" for name in ("uvicorn", "uvloop", "httptools", "granian", "litestar")
    )


async def _measured(
    argv: list[str], env: Mapping[str, str], port: int, headers: Mapping[str, str], reference: list[str]
) -> Run:
    """Start the server, check its page against ``reference`` (filled by the first), load it,
    stop it. One server process at a time: the embedded PostgreSQL's 100 connection slots are
    shared with other test runs, and each process pools up to 20."""
    with _serving(argv, env, port) as (url, process):
        status, body = await fetch_once(url, PATH, headers)
        assert status == 200, body[:300]
        ids = _ids(body)
        reference[:] = reference or ids
        assert len(ids) == PAGE and ids == reference, "the servers return different rows"
        return await _load(url, process.pid, headers, warmup=WARMUP)


@pytest.mark.bench
async def test_asgi_servers(bench_data: crm_data.BenchData) -> None:
    app_env = _app_env(bench_data)
    bare_env = {
        "BIZSUITE_LOG_LEVEL": "WARNING",
        "BENCH_APP_DSN": _app_dsn(bench_data),
        "BENCH_TENANT_ID": str(bench_data.tenant_id),
    }
    auth = {"Authorization": f"Bearer {bench_data.api_key}"}
    print(
        f"\nASGI servers: {PATH}, big tenant of {bench_data.accounts:,} accounts ({bench_data.database}); "
        f"{CONCURRENCY} keep-alive connections, {ROUNDS} alternating rounds of {SECONDS:.0f} s (after "
        f"{WARMUP:.0f} s of warm-up, a fresh process each) per server; {os.cpu_count()} CPUs; {_versions()}; load average {_load_average()}"
    )
    targets = {
        (server, target): (env, headers)
        for server in SERVERS
        for target, env, headers in (("app", app_env, auth), ("bare", bare_env, {}))
    }
    runs: dict[tuple[str, str], list[Run]] = {}
    reference: list[str] = []
    for round_ in range(ROUNDS):
        for (server, target), (env, headers) in targets.items():
            argv = _server_argv(server, target, port := free_port())
            run = await _measured(argv, env, port, headers, reference)
            runs.setdefault((server, target), []).append(run)
        print(f"  round {round_ + 1} done, load average {_load_average()}")
    result = {key: Summary(value) for key, value in runs.items()}
    print(
        f"GET {PATH}: medians of {ROUNDS} runs per server and target (app: the whole pipeline, API key; "
        "bare: crm_bare.py); server CPU = user + system time of the server's processes per request"
    )
    for server in SERVERS:
        app, bare = result[server, "app"], result[server, "bare"]
        print(f"  {LABELS[server]}")
        print(f"    app:  {app.line()}")
        print(f"    bare: {bare.line()}")
        print(
            f"    app / bare throughput (P1, goal 80%): {app.rps / bare.rps:.0%}; "
            f"app / bare with the bare on {LABELS[SERVERS[0]]}: {app.rps / result[SERVERS[0], 'bare'].rps:.0%}"
        )
    base = result[SERVERS[0], "app"]
    for server in SERVERS[1:]:
        app = result[server, "app"]
        ahead = sum(a.rps > b.rps for a, b in zip(runs[server, "app"], runs[SERVERS[0], "app"], strict=True))
        print(
            f"  app, {LABELS[server]} against {LABELS[SERVERS[0]]}: throughput {app.rps / base.rps:.2f}x "
            f"(ahead in {ahead} of {ROUNDS} rounds), p99 {app.p99_ms / base.p99_ms:.2f}x, "
            f"server CPU per request {app.cpu_ms / base.cpu_ms:.2f}x"
        )
    client = statistics.median(r.client_cpu_s / r.seconds for value in runs.values() for r in value)
    print(f"  the load generator used {client:.0%} of a core (median of every run)")

    # The winner costs the least CPU per request: on a shared machine throughput follows the CPU
    # share the scheduler hands out, the CPU a request costs is the server's own.
    winner = min(SERVERS, key=lambda s: result[s, "app"].cpu_ms)
    print(f"\n{LABELS[winner]}, the app with 1 worker and with 2 workers ({ROUNDS} alternating rounds):")
    workers_runs: dict[int, list[Run]] = {}
    for _ in range(ROUNDS):
        for workers in (1, 2):
            argv = _server_argv(winner, "app", port := free_port(), workers)
            workers_runs.setdefault(workers, []).append(await _measured(argv, app_env, port, auth, reference))
    one, two = Summary(workers_runs[1]), Summary(workers_runs[2])
    print(f"  1 worker:  {one.line()}")
    print(f"  2 workers: {two.line()}")
    print(
        f"  2 / 1 workers: throughput {two.rps / one.rps:.2f}x, p99 {two.p99_ms / one.p99_ms:.2f}x, "
        f"server CPU per request {two.cpu_ms / one.cpu_ms:.2f}x; load average {_load_average()}"
    )


# --- 2. a stop with an open event stream ----------------------------------------------------------


async def _stop_with_open_feed(
    argv: list[str], env: Mapping[str, str], port: int, key: str
) -> tuple[float, str]:
    """Serve, open the player's feed, wait for its first command, send SIGTERM; return how long
    the process took to exit and what the client saw of its stream."""
    with _serving(argv, env, port) as (url, process):
        seen: list[str] = []
        first = asyncio.Event()
        ended = asyncio.get_running_loop().create_future()

        async def read() -> None:
            try:
                async with (
                    httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(5, read=60)) as http,
                    http.stream(
                        "GET", f"{BASE}/player/feed", headers={"Authorization": f"Bearer {key}"}
                    ) as feed,
                ):
                    assert feed.status_code == 200
                    async for line in feed.aiter_lines():
                        if line.startswith("event:"):
                            seen.append(line)
                            first.set()
                ended.set_result(("closed", time.perf_counter()))
            except httpx.HTTPError as exc:
                ended.set_result((type(exc).__name__, time.perf_counter()))

        reader = asyncio.create_task(read())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(first.wait(), timeout=20)
        assert seen, "the feed sent no command"
        started = time.perf_counter()
        process.send_signal(signal.SIGTERM)
        exited = await asyncio.to_thread(_wait, process, 30)
        stopped = time.perf_counter() - started
        if not exited:
            _kill_all(process)
        how, when = await asyncio.wait_for(ended, timeout=10)
        await reader
        outcome = f"the client's stream {how} after {when - started:.1f} s"
        return stopped, outcome if exited else outcome + "; did not exit within 30 s, killed"


def _kill_all(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the server and every process of its session (its workers)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _wait(process: subprocess.Popen[bytes], timeout: float) -> bool:
    try:
        process.wait(timeout=timeout)
        return True
    except subprocess.TimeoutExpired:
        return False


@pytest.mark.bench
async def test_stop_with_an_open_event_stream(
    settings: Settings, make_tenant: Any, client: httpx.AsyncClient
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["venue_audio"])
    building = await make_building(client, tenant)
    await music_everywhere(client, building)
    player = await add_player(client, building, "F5")
    env = {
        "BIZSUITE_DATABASE_URL": settings.database_url,
        "BIZSUITE_DATA_DIR": str(settings.data_dir),
        "BIZSUITE_SECRET_KEY": settings.secret_key or "",
        "BIZSUITE_LOG_LEVEL": "WARNING",
    }
    variants: dict[str, Any] = {LABELS[s]: lambda port, s=s: _server_argv(s, "app", port) for s in SERVERS}
    variants |= {
        f"bizsuite serve --workers {n}": lambda port, n=n: [
            "-m",
            "bizsuite.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(n),
        ]
        for n in (1, 2)
    }
    print("\nSIGTERM with one player feed (server-sent events) open:")
    results = {}
    for label, argv in variants.items():
        port = free_port()
        stopped, outcome = await _stop_with_open_feed(argv(port), env, port, player.key)
        results[label] = stopped
        print(f"  {label:<32} exited after {stopped:4.1f} s; {outcome}")
    assert all(results[f"bizsuite serve --workers {n}"] < 15 for n in (1, 2))
