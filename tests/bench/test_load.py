"""On-demand benchmark P4 and memory (issue 19, `make bench`): 1,500 concurrent users.

Goals: with 1,500 concurrent users (5 s think time, a realistic mix, an import running) on the
2-core machine with the app's production settings, p95 < 150 ms and zero errors; one app worker
under this load stays under 300 MB RSS. Reported with the goals beside them, never asserted (the
test asserts only that the load ran and the report was written).

- **Data**: the CRM bench's database (``crm_data.py``; the big tenant has
  ``BIZSUITE_LOAD_ACCOUNTS`` accounts, default 20,000, and 24 months of revenue), copied for the
  run, with one member (CRM granted) per web identity, each with a session already open except the
  2% that sign in through the form, and one API key per API identity (``load_data.py``).
- **Server**: ``bizsuite serve --workers 2`` in its own process, as ``infra/`` runs it (uvicorn,
  uvloop + httptools, 2 workers per 2 cores) with the production settings of
  ``infra/k8s/configmap.yaml``: JSON logs at INFO (one access line per request), the rate limit of
  1,200 a minute per caller, a pool of 10 + 10 a worker, 5 s pool timeout, 15 s statement timeout;
  plus ``bizsuite worker`` for the import. Plain HTTP on loopback (no TLS, so cookies are not
  ``Secure``); PgBouncer only with ``BIZSUITE_LOAD_PGBOUNCER=1``.
- **Load**: locust (``load_users.py``) headless in a third process on the same two cores: 4
  browsers for each API client, plus one person importing ``BIZSUITE_LOAD_IMPORT_ROWS`` accounts
  (default 5,000) from a CSV ``BIZSUITE_LOAD_IMPORT_AFTER`` seconds (default 10) after the ramp;
  every user thinks 5 s on average between actions. The users arrive over
  ``BIZSUITE_LOAD_RAMP_SECONDS`` (default one second per 25 users), then all of them stay for
  ``BIZSUITE_LOAD_SECONDS`` (default 120): the P4 figures are those of that full-load window.
- **Memory**: the RSS of every server process (the uvicorn supervisor, each worker), of the job
  worker and of locust, sampled every second (psutil).
- **The database**: the CPU of the embedded PostgreSQL (every backend), sampled with the rest, and
  what the run database's connections are doing, every 0.25 s (``pg_stat_activity``): how many are
  running a statement, waiting, or idle inside a transaction (held by the app), and the
  statements most often found running (``activity.csv``). When the pool runs dry, this says
  whether the connections are busy in PostgreSQL or held by the app.

The report goes to ``tests/bench/reports/load-<time>/`` (not kept in git): locust's HTML report
(latency and throughput over time), its CSV statistics, every request (``requests.csv``), the
latency per 5 seconds (``latency.csv``, and ``latency.png`` when matplotlib is installed), the RSS
samples (``rss.csv``), the server's and the worker's logs and ``summary.txt`` (what is printed).

Run alone (a short load while developing)::

    BIZSUITE_LOAD_USERS=100 BIZSUITE_LOAD_SECONDS=30 \\
      .venv/bin/python -m pytest tests/bench/test_load.py -p no:xdist -p no:randomly -s -m bench

Knobs: ``BIZSUITE_LOAD_USERS`` (1,500), ``BIZSUITE_LOAD_SECONDS`` (120),
``BIZSUITE_LOAD_RAMP_SECONDS``, ``BIZSUITE_LOAD_WORKERS`` (2), ``BIZSUITE_LOAD_ACCOUNTS`` (20,000),
``BIZSUITE_LOAD_SIGN_INS`` (share of browsers signing in through the form, 0.02),
``BIZSUITE_LOAD_IMPORT_ROWS`` (5,000; 0: no import), ``BIZSUITE_LOAD_THINK_SECONDS`` (5),
``BIZSUITE_LOAD_PGBOUNCER=1`` (the app's connections through Debian's PgBouncer in transaction
mode, pool 20 as in ``infra/pgbouncer``), ``BIZSUITE_LOAD_KEEP_DB=1`` (keep the run's database
copy).
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import psutil
import psycopg
import pytest
from bizsuite.settings import REPO_ROOT, Settings

from tests.bench import load_data
from tests.bench.crm_load import free_port, serve_process
from tests.conftest import TEST_DATA, _server_url
from tests.pgbouncer import PgBouncer, start_pgbouncer

USERS = int(os.environ.get("BIZSUITE_LOAD_USERS", "1500"))
SECONDS = float(os.environ.get("BIZSUITE_LOAD_SECONDS", "120"))
RAMP = float(os.environ.get("BIZSUITE_LOAD_RAMP_SECONDS", str(max(10.0, USERS / 25))))
WORKERS = int(os.environ.get("BIZSUITE_LOAD_WORKERS", "2"))
THINK = float(os.environ.get("BIZSUITE_LOAD_THINK_SECONDS", "5"))
SIGN_INS = float(os.environ.get("BIZSUITE_LOAD_SIGN_INS", "0.02"))
IMPORT_ROWS = int(os.environ.get("BIZSUITE_LOAD_IMPORT_ROWS", "5000"))
IMPORT_AFTER = float(os.environ.get("BIZSUITE_LOAD_IMPORT_AFTER", "10"))
#: Through Debian's PgBouncer in transaction mode (issue 19, step 5), with infra/'s pool size.
PGBOUNCER = os.environ.get("BIZSUITE_LOAD_PGBOUNCER", "").lower() in {"1", "true", "yes"}
PGBOUNCER_POOL = 20
#: Browsers and API clients among the users (locust's class weights).
WEIGHTS = {"browser": 4, "integration": 1}
P95_GOAL_MS = 150.0
RSS_GOAL_MB = 300.0
REPORTS = REPO_ROOT / "tests" / "bench" / "reports"
LOCUSTFILE = Path(__file__).with_name("load_users.py")
WRITES = {"POST", "PATCH", "PUT", "DELETE"}


@pytest.fixture(scope="module")
async def data() -> AsyncIterator[load_data.LoadData]:
    server = _server_url()
    prepared = await load_data.prepare(server)
    yield prepared
    if os.environ.get("BIZSUITE_LOAD_KEEP_DB") != "1":
        await load_data.drop(server)


# --- what the server's processes use -------------------------------------------------------------


def _stop_and_write(
    thread: threading.Thread,
    stop: threading.Event,
    path: Path,
    header: list[str],
    rows: Iterable[Iterable[Any]],
) -> None:
    """End a sampler's thread, then write its samples to ``path`` as CSV."""
    stop.set()
    if thread.ident is not None:
        thread.join(timeout=5)
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


@dataclass(eq=False)
class Sampler(threading.Thread):
    """Every second, the RSS and CPU time of the server's processes (found anew each time, so a
    restarted worker is seen), the job worker and locust; written to ``path`` as CSV rows."""

    server_pid: int
    others: dict[str, int]
    path: Path
    #: The embedded PostgreSQL's postmaster (its backends' CPU is counted as "postgres").
    postmaster_pid: int | None = None
    rows: list[tuple[float, str, int, float, float]] = field(default_factory=list)
    #: The machine's 1-minute load average at each sample.
    loads: list[tuple[float, float]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        super().__init__(name="rss-sampler", daemon=True)

    def processes(self) -> Iterable[tuple[str, psutil.Process]]:
        try:
            server = psutil.Process(self.server_pid)
            # With one worker uvicorn serves in its own process; with more it supervises them.
            yield ("supervisor" if WORKERS > 1 else "app worker"), server
            for child in server.children(recursive=True):
                command = " ".join(child.cmdline())
                yield (
                    (
                        "app worker"
                        if "multiprocessing.spawn" in command and "resource_tracker" not in command
                        else "other"
                    ),
                    child,
                )
        except psutil.Error:
            pass
        for role, pid in list(self.others.items()):
            try:
                yield role, psutil.Process(pid)
            except psutil.Error:
                continue

    def run(self) -> None:
        while not self.stop.is_set():
            now = time.time()
            self.loads.append((now, os.getloadavg()[0]))
            for role, process in self.processes():
                try:
                    with process.oneshot():
                        rss = process.memory_info().rss / 2**20
                        cpu = process.cpu_times()
                    self.rows.append((now, role, process.pid, rss, cpu.user + cpu.system))
                except psutil.Error:
                    continue
            if self.postmaster_pid is not None:
                with contextlib.suppress(psutil.Error):
                    self.rows.append(
                        (now, "postgres", self.postmaster_pid, 0.0, _tree_cpu(self.postmaster_pid))
                    )
            self.stop.wait(1.0)

    def finish(self) -> None:
        _stop_and_write(
            self,
            self.stop,
            self.path,
            ["time", "role", "pid", "rss_mb", "cpu_s"],
            ((f"{t:.3f}", role, pid, f"{rss:.1f}", f"{cpu:.2f}") for t, role, pid, rss, cpu in self.rows),
        )

    def by_process(self, since: float = 0.0) -> dict[tuple[str, int], list[tuple[float, float, float]]]:
        grouped: dict[tuple[str, int], list[tuple[float, float, float]]] = defaultdict(list)
        for t, role, pid, rss, cpu in self.rows:
            if t >= since:
                grouped[role, pid].append((t, rss, cpu))
        return grouped


def _tree_cpu(pid: int) -> float:
    """CPU seconds of a process and all its children, the ended ones included."""
    process = psutil.Process(pid)
    times = process.cpu_times()
    total = times.user + times.system + times.children_user + times.children_system
    for child in process.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            child_times = child.cpu_times()
            total += child_times.user + child_times.system
    return float(total)


def _postmaster_pid() -> int | None:
    """The embedded PostgreSQL's postmaster (None with an external server)."""
    if os.environ.get("BIZSUITE_DATABASE_URL"):
        return None
    try:
        return int((TEST_DATA / "pg" / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


@dataclass(eq=False)
class ActivitySampler(threading.Thread):
    """Every 0.25 s, what the run database's client connections are doing (``pg_stat_activity``)."""

    dsn: str
    database: str
    path: Path
    #: (time, state, wait event, statement) per connection and sample.
    rows: list[tuple[float, str, str, str]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        super().__init__(name="activity-sampler", daemon=True)

    def run(self) -> None:
        with contextlib.suppress(psycopg.Error), psycopg.connect(self.dsn, autocommit=True) as connection:
            while not self.stop.is_set():
                now = time.time()
                for state, wait, query in connection.execute(
                    "SELECT coalesce(state, ''), coalesce(wait_event_type || ':' || wait_event, ''),"
                    " left(regexp_replace(query, '\\s+', ' ', 'g'), 160) FROM pg_stat_activity"
                    " WHERE datname = %s AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
                    (self.database,),
                ):
                    self.rows.append((now, state, wait, query))
                self.stop.wait(0.25)

    def finish(self) -> None:
        _stop_and_write(
            self,
            self.stop,
            self.path,
            ["time", "state", "wait", "query"],
            ((f"{t:.3f}", state, wait, query) for t, state, wait, query in self.rows),
        )

    def summary(self, full: float, stop: float) -> list[str]:
        """Connections by state at full load, and the statements most often found running."""
        window = [row for row in self.rows if full <= row[0] < stop]
        samples = len({row[0] for row in window})
        if not samples:
            return ["  the database: no sample at full load"]
        states: dict[str, int] = defaultdict(int)
        running: dict[str, int] = defaultdict(int)
        waits: dict[str, int] = defaultdict(int)
        for _t, state, wait, query in window:
            states[state or "?"] += 1
            if state == "active":
                running[query] += 1
                if wait:
                    waits[wait] += 1
        lines = [
            "  the database's client connections at full load (mean per sample, "
            + f"{samples} samples): "
            + ", ".join(
                f"{state} {n / samples:.1f}" for state, n in sorted(states.items(), key=lambda kv: -kv[1])
            )
        ]
        if waits:
            lines.append(
                "    running but waiting on: "
                + ", ".join(
                    f"{wait} {n / samples:.1f}"
                    for wait, n in sorted(waits.items(), key=lambda kv: -kv[1])[:6]
                )
            )
        lines.append("    statements most often found running (share of the running samples):")
        total = max(1, sum(running.values()))
        for query, n in sorted(running.items(), key=lambda kv: -kv[1])[:8]:
            lines.append(f"      {n / total:5.1%}  {query[:150]}")
        return lines


# --- figures -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    start: float
    method: str
    name: str
    ms: float
    status: int
    error: str


def _read_requests(path: Path) -> list[Request]:
    with path.open(newline="", encoding="utf-8") as source:
        rows = csv.DictReader(source)
        return [
            Request(float(r["start"]), r["method"], r["name"], float(r["ms"]), int(r["status"]), r["error"])
            for r in rows
        ]


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


@dataclass(frozen=True)
class Figures:
    count: int
    errors: int
    seconds: float
    p50: float
    p95: float
    p99: float

    @classmethod
    def of(cls, requests: list[Request], seconds: float) -> Figures:
        times = [r.ms for r in requests]
        return cls(
            count=len(requests),
            errors=sum(1 for r in requests if r.error),
            seconds=seconds,
            p50=_quantile(times, 0.50),
            p95=_quantile(times, 0.95),
            p99=_quantile(times, 0.99),
        )

    @property
    def rps(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"p50 {self.p50:,.0f} ms, p95 {self.p95:,.0f} ms, p99 {self.p99:,.0f} ms; "
            f"{self.count:,} requests, {self.rps:,.0f}/s; {self.errors:,} errors"
        )


def _server_durations(log: Path, start: float, stop: float) -> tuple[list[float], dict[int, int], int]:
    """The server's own duration of each request answered in [start, stop) (its JSON access lines),
    the count of each status and the number of ERROR lines over the whole log."""
    durations: list[float] = []
    statuses: dict[int, int] = defaultdict(int)
    errors = 0
    for line in log.read_text("utf-8", errors="replace").splitlines():
        if not line.startswith("{"):
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("level") == "ERROR":
            errors += 1
        if entry.get("message") != "request" or entry.get("duration_ms") is None:
            continue
        at = datetime.strptime(entry["time"], "%Y-%m-%d %H:%M:%S,%f").timestamp()
        if start <= at < stop:
            durations.append(float(entry["duration_ms"]))
            statuses[int(entry["status"])] += 1
    return durations, statuses, errors


def _latency_over_time(requests: list[Request], t0: float, path: Path, png: Path) -> bool:
    """Per 5 seconds: requests/s and p50/p95/p99; a PNG chart when matplotlib is installed."""
    buckets: dict[int, list[float]] = defaultdict(list)
    for r in requests:
        buckets[int((r.start - t0) // 5)].append(r.ms)
    rows = [
        (k * 5, len(v) / 5, _quantile(v, 0.5), _quantile(v, 0.95), _quantile(v, 0.99))
        for k, v in sorted(buckets.items())
    ]
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["second", "requests_per_s", "p50_ms", "p95_ms", "p99_ms"])
        writer.writerows((s, f"{rps:.1f}", f"{a:.1f}", f"{b:.1f}", f"{c:.1f}") for s, rps, a, b, c in rows)
    try:
        import matplotlib  # type: ignore[import-not-found]

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # type: ignore[import-not-found]
    except ImportError:
        return False
    figure, axis = plt.subplots(figsize=(10, 4))
    seconds = [r[0] for r in rows]
    for index, label in ((2, "p50"), (3, "p95"), (4, "p99")):
        axis.plot(seconds, [r[index] for r in rows], label=label)
    axis.axhline(P95_GOAL_MS, linestyle="--", color="grey", label="p95 goal")
    axis.set_xlabel("seconds from the start")
    axis.set_ylabel("ms")
    axis.legend()
    figure.savefig(png, dpi=100, bbox_inches="tight")
    return True


# --- the benchmark -------------------------------------------------------------------------------


def _environment(data: load_data.LoadData, report: Path, bouncer: PgBouncer | None) -> dict[str, str]:
    """``bizsuite serve`` and ``bizsuite worker`` with the production settings (infra/k8s/configmap.yaml)."""
    through: dict[str, str] = {}
    if bouncer is not None:
        defaults = Settings()
        app_role = data.owner_url.set(
            username=defaults.app_db_role, password=defaults.app_db_password or None
        )
        through = {
            "BIZSUITE_APP_DATABASE_URL": bouncer.url(app_role).render_as_string(hide_password=False),
            "BIZSUITE_PGBOUNCER": "true",
        }
    return {
        "BIZSUITE_DATABASE_URL": data.owner_url.render_as_string(hide_password=False),
        "BIZSUITE_DATA_DIR": str(report / "data"),
        "BIZSUITE_SECRET_KEY": "load-bench-secret-key-0123456789abcdef",
        "BIZSUITE_OPERATOR_TOKEN": "load-bench-operator-token-0123456789",
        "BIZSUITE_SECURE_COOKIES": "false",  # plain HTTP on loopback; true behind HTTPS
        "BIZSUITE_LOG_JSON": "true",
        "BIZSUITE_LOG_LEVEL": "INFO",
        "BIZSUITE_RATE_LIMIT_PER_MINUTE": "1200",
        "BIZSUITE_DB_POOL_SIZE": "10",
        "BIZSUITE_DB_POOL_TIMEOUT_SECONDS": "5",
        "BIZSUITE_DB_STATEMENT_TIMEOUT_MS": "15000",
        "BIZSUITE_PGBOUNCER": "false",
        **through,
    }


def _mb(values: Iterable[float]) -> str:
    return ", ".join(f"{v:,.0f} MB" for v in values)


@pytest.mark.bench
async def test_1500_concurrent_users(data: load_data.LoadData) -> None:
    run = time.strftime("%Y%m%d-%H%M%S")
    report = REPORTS / f"load-{run}"
    (report / "data").mkdir(parents=True)
    load_before = os.getloadavg()
    seeded = await load_data.seed(data, web=USERS, api=USERS + 1, sign_ins=round(USERS * SIGN_INS))
    import_key = seeded["api_keys"].pop()["key"]
    load_data.write_import_csv(report / "import.csv", IMPORT_ROWS, run.replace("-", ""))
    plan = {
        **seeded,
        "run": run.replace("-", ""),
        "think_seconds": THINK,
        "weights": WEIGHTS,
        "import": {
            "rows": IMPORT_ROWS,
            "csv": str(report / "import.csv"),
            "key": import_key,
            "start_after": RAMP + IMPORT_AFTER,
        },
        "requests_csv": str(report / "requests.csv"),
        "outcome_json": str(report / "outcome.json"),
    }
    load_data.write_plan(report / "plan.json", plan)

    bouncer = None
    if PGBOUNCER:
        defaults = Settings()
        roles = {defaults.app_db_role: defaults.app_db_password}
        bouncer = start_pgbouncer(
            data.owner_url, roles, pool_size=PGBOUNCER_POOL, extra={"max_client_conn": "2000"}
        )
    try:
        database = (
            data.owner_url.set(drivername="postgresql").render_as_string(hide_password=False),
            str(data.owner_url.database),
        )
        sampler, activity, returncode = await asyncio.to_thread(
            _drive, _environment(data, report, bouncer), report, database
        )
    finally:
        if bouncer is not None:
            bouncer.stop()
    assert returncode == 0, (report / "locust.log").read_text(errors="replace")[-3000:]

    outcome = json.loads((report / "outcome.json").read_text())
    requests = _read_requests(report / "requests.csv")
    # The window at full load ends with the run time; requests started later (users finishing
    # their action in locust's stop timeout) are left out.
    start, stop = outcome["test_start"], min(outcome["test_stop"], outcome["test_start"] + RAMP + SECONDS)
    full = min(outcome.get("spawning_complete") or stop, stop)
    steady = [r for r in requests if full <= r.start < stop]
    ramp = [r for r in requests if r.start < full]
    at_full = Figures.of(steady, stop - full)
    lines = _summary(
        data, run, report, load_before, requests, steady, ramp, at_full, outcome, sampler, start, full, stop
    )
    lines += activity.summary(full, stop)
    chart = _latency_over_time(requests, start, report / "latency.csv", report / "latency.png")
    lines.append(
        f"Report: {report.relative_to(REPO_ROOT)}/locust.html (latency and requests over time)"
        + (", latency.png" if chart else "")
        + ", latency.csv, requests.csv, rss.csv, activity.csv, server.log"
    )
    text = "\n".join(lines)
    (report / "summary.txt").write_text(text + "\n", encoding="utf-8")
    print("\n" + text)

    assert at_full.count > 0, "no request was made at full load"
    assert (report / "locust.html").stat().st_size > 0


def _wait_for_workers(log: Path, timeout: float = 300) -> None:
    """/health answers as soon as one worker is up: wait until every worker has started."""
    deadline = time.monotonic() + timeout
    while log.read_text("utf-8", errors="replace").count("Application startup complete") < WORKERS:
        if time.monotonic() > deadline:
            raise RuntimeError(f"not all {WORKERS} workers started")
        time.sleep(0.5)


def _drive(
    env: dict[str, str], report: Path, database: tuple[str, str]
) -> tuple[Sampler, ActivitySampler, int]:
    """Serve the app and the job worker, run locust against them while sampling the processes and
    the database (``database``: a libpq DSN and the run database's name); return the samples and
    locust's exit code."""
    port = free_port()
    serve_argv = ["-m", "bizsuite.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    serve_argv += ["--workers", str(WORKERS)]
    run_seconds = RAMP + SECONDS
    locust_argv = ["-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--users", str(USERS)]
    locust_argv += ["--spawn-rate", f"{USERS / RAMP:.3f}", "--run-time", f"{run_seconds:.0f}s"]
    locust_argv += [
        "--stop-timeout",
        "10",
        "--html",
        str(report / "locust.html"),
        "--csv",
        str(report / "locust"),
    ]
    locust_argv += ["--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0"]
    with (
        # Workers start slowly on a busy machine (each builds the app, then answers /health).
        serve_process(serve_argv, env, port, log=report / "server.log", start_timeout=300) as (url, server),
        (report / "worker.log").open("wb") as worker_log,
        (report / "locust.log").open("wb") as locust_log,
    ):
        _wait_for_workers(report / "server.log")
        # The job worker talks to PostgreSQL itself, never through PgBouncer (infra/k8s/configmap.yaml).
        worker_env = {**os.environ, **env, "BIZSUITE_PGBOUNCER": "false"}
        worker_env.pop("BIZSUITE_APP_DATABASE_URL", None)
        worker = subprocess.Popen(
            [sys.executable, "-m", "bizsuite.cli", "worker"],
            env=worker_env,
            stdout=worker_log,
            stderr=subprocess.STDOUT,
        )
        sampler = Sampler(server.pid, {"job worker": worker.pid}, report / "rss.csv", _postmaster_pid())
        activity = ActivitySampler(*database, report / "activity.csv")
        try:
            sampler.start()
            activity.start()
            locust = subprocess.Popen(
                [sys.executable, *locust_argv, "--host", url],
                env={**os.environ, "BIZSUITE_LOAD_PLAN": str(report / "plan.json")},
                cwd=REPO_ROOT,
                stdout=locust_log,
                stderr=subprocess.STDOUT,
            )
            sampler.others["locust"] = locust.pid
            try:
                return sampler, activity, locust.wait(run_seconds + 180)
            finally:
                if locust.poll() is None:
                    locust.kill()
                    locust.wait()
        finally:
            sampler.finish()
            activity.finish()
            worker.terminate()
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


def _summary(
    data: load_data.LoadData,
    run: str,
    report: Path,
    load_before: tuple[float, float, float],
    requests: list[Request],
    steady: list[Request],
    ramp: list[Request],
    at_full: Figures,
    outcome: dict[str, Any],
    sampler: Sampler,
    start: float,
    full: float,
    stop: float,
) -> list[str]:
    load_after = os.getloadavg()
    during = [load for t, load in sampler.loads if full <= t < stop] or [0.0]
    verdict = "met" if at_full.p95 < P95_GOAL_MS else "NOT met"
    error_verdict = "met" if at_full.errors == 0 else "NOT met"
    durations, statuses, error_lines = _server_durations(report / "server.log", full, stop)
    writes = [r for r in requests if r.method in WRITES and r.name not in {"/login"}]
    lines = [
        f"P4 load run {run}: {USERS:,} users (4 browsers : 1 API client{', one importer' if IMPORT_ROWS else ''}), "
        f"think time "
        f"{THINK:.0f} s; `bizsuite serve --workers {WORKERS}` (uvicorn, uvloop + httptools, production "
        f"settings{', through PgBouncer' if PGBOUNCER else ''}) + `bizsuite worker`; big tenant {data.base.accounts:,} accounts; {os.cpu_count()} CPUs; "
        f"load average before {load_before[0]:.2f}, at full load {min(during):.2f} to {max(during):.2f}, "
        f"after {load_after[0]:.2f}",
        f"  ramp 0 -> {outcome.get('users', USERS):,} users in {full - start:.0f} s (sign-ins included): "
        + Figures.of(ramp, full - start).line(),
        f"  P4 at full load ({stop - full:.0f} s): " + at_full.line(),
        f"    p95 {at_full.p95:,.0f} ms (goal: < {P95_GOAL_MS:.0f} ms: {verdict}); "
        f"errors {at_full.errors:,} (goal: 0: {error_verdict})",
    ]
    if durations:
        lines.append(
            f"    the server's own time (access log), same window: p50 {_quantile(durations, 0.5):,.0f} ms, "
            f"p95 {_quantile(durations, 0.95):,.0f} ms, p99 {_quantile(durations, 0.99):,.0f} ms; statuses "
            + ", ".join(f"{s}: {n:,}" for s, n in sorted(statuses.items()))
            + f"; {error_lines} ERROR lines in the whole log"
        )
    sign_ins = sum(1 for r in requests if r.method == "POST" and r.name == "/login")
    lines.append(
        f"    writes: {len(writes):,} of {len(requests):,} requests ({len(writes) / max(1, len(requests)):.1%}); "
        f"sign-ins through the form: {sign_ins}"
    )
    imported = outcome.get("import")
    if IMPORT_ROWS and imported:
        if "finished" in imported:
            took = f"imported in {imported['finished'] - imported['confirmed']:.1f} s after confirming"
        elif "preview_status" not in imported:
            took = "the upload was refused (see the errors)"
        elif "confirmed" in imported:
            took = f"not finished when the run ended ({imported.get('processed_rows') or 0:,} rows processed)"
        else:
            took = "not confirmed before the run ended"
        lines.append(
            f"    the import ({IMPORT_ROWS:,} accounts with contacts, CSV through the API): upload and preview "
            f"{imported['upload_ms']:,.0f} ms, {took}; status {imported.get('status') or imported.get('preview_status')}"
        )
    elif IMPORT_ROWS:
        lines.append("    the import did not start (see locust.log)")
    by_name: dict[str, list[Request]] = defaultdict(list)
    for r in steady:
        by_name[f"{r.method} {r.name}"].append(r)
    lines.append("    by request at full load (count, p50 / p95 / p99 ms, errors), the most frequent first:")
    for name, items in sorted(by_name.items(), key=lambda kv: -len(kv[1]))[:25]:
        figures = Figures.of(items, stop - full)
        lines.append(
            f"      {name[:70]:<70} {figures.count:>7,} {figures.p50:>7,.0f} {figures.p95:>7,.0f} "
            f"{figures.p99:>7,.0f} {figures.errors:>5,}"
        )
    failures = defaultdict(int)
    for r in requests:
        if r.error:
            failures[f"{r.method} {r.name}: {r.error[:90]}"] += 1
    for failure, n in sorted(failures.items(), key=lambda kv: -kv[1])[:10]:
        lines.append(f"    error x{n}: {failure}")

    processes = sampler.by_process()
    workers = {pid: samples for (role, pid), samples in processes.items() if role == "app worker"}
    peak = {pid: max(rss for _, rss, _ in samples) for pid, samples in workers.items()}
    steady_peak = [
        max((rss for t, rss, _ in samples if t >= full), default=0.0) for samples in workers.values()
    ]
    worst = max(peak.values(), default=0.0)
    memory_verdict = "met" if worst < RSS_GOAL_MB else "NOT met"
    cpu = sum(samples[-1][2] - samples[0][2] for samples in workers.values() if samples)
    in_window = [[c for t, _, c in samples if full <= t < stop] for samples in workers.values()]
    window_cpu = sum(c[-1] - c[0] for c in in_window if len(c) > 1)
    lines.append(
        f"Memory: max RSS per app worker over the run: {_mb(peak.values())} (goal: < {RSS_GOAL_MB:.0f} MB: "
        f"{memory_verdict}); at full load {_mb(steady_peak)}"
    )
    for (role, _pid), samples in sorted(processes.items()):
        if role == "postgres":
            pg_cpu = [c for t, _, c in samples if full <= t < stop]
            if len(pg_cpu) > 1:
                lines.append(
                    f"  PostgreSQL (every backend): {pg_cpu[-1] - pg_cpu[0]:,.0f} s of CPU at full load, "
                    f"{(pg_cpu[-1] - pg_cpu[0]) / max(1.0, stop - full):.0%} of one core"
                )
        elif role in {"supervisor", "job worker", "locust"}:
            used = samples[-1][2] - samples[0][2]
            share = used / max(1.0, samples[-1][0] - samples[0][0])
            lines.append(
                f"  {role}: max RSS {max(rss for _, rss, _ in samples):,.0f} MB, CPU {used:,.0f} s "
                f"({share:.0%} of a core)"
            )
    lines.append(
        f"  app workers' CPU: {cpu:,.0f} s in all, {cpu * 1000 / max(1, len(requests)):.1f} ms per request; "
        f"at full load {window_cpu / max(1.0, stop - full):.0%} of one core (the machine has {os.cpu_count()})"
    )
    medians = [statistics.median([rss for t, rss, _ in s if t >= full] or [0.0]) for s in workers.values()]
    lines.append("  median RSS per app worker at full load: " + _mb(medians))
    return lines
