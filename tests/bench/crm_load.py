"""A small HTTP/1.1 load generator and server launcher for the CRM benchmark.

The client keeps N connections alive (raw asyncio streams, one request in flight each) for a
fixed duration against a server on loopback and reports throughput and latency percentiles.
It is far lighter than an httpx client, so on a 2-core machine more of the CPU goes to the
server under test. Every response must be a 200 with a body; anything else counts as an error.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import httpx


@dataclass(frozen=True)
class LoadResult:
    """What one load run measured."""

    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float

    @property
    def rps(self) -> float:
        """Successful requests per second."""
        return self.requests / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        """One line for the report."""
        return (
            f"{self.rps:8,.0f} req/s  p50 {self.p50_ms:6.2f} ms  p95 {self.p95_ms:6.2f} ms"
            f"  ({self.requests:,} requests, {self.errors} errors, {self.seconds:.1f} s)"
        )


def _request_bytes(host: str, path: str, headers: Mapping[str, str]) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", "Accept: application/json", "Accept-Encoding: identity"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    length = None
    chunked = False
    for line in header_lines:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value.strip())
        elif name == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        body = bytearray()
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                return status, bytes(body)
            body += await reader.readexactly(size)
            await reader.readexactly(2)
    return status, await reader.readexactly(length or 0)


async def fetch_once(url: str, path: str, headers: Mapping[str, str]) -> tuple[int, bytes]:
    """One request on a fresh connection (for checks before a run)."""
    host, port = _split(url)
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(_request_bytes(f"{host}:{port}", path, headers))
        await writer.drain()
        return await _read_response(reader)
    finally:
        writer.close()


def _split(url: str) -> tuple[str, int]:
    host, _, port = url.removeprefix("http://").partition(":")
    return host, int(port)


async def run_load(
    url: str, path: str, headers: Mapping[str, str], *, concurrency: int, seconds: float, warmup: float = 1.0
) -> LoadResult:
    """Keep ``concurrency`` connections busy for ``warmup`` + ``seconds``; measure the latter part."""
    host, port = _split(url)
    request = _request_bytes(f"{host}:{port}", path, headers)
    latencies: list[float] = []
    errors = 0
    started = time.perf_counter()
    measure_from = started + warmup
    stop_at = measure_from + seconds

    async def connection() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while True:
                sent = time.perf_counter()
                if sent >= stop_at:
                    return
                writer.write(request)
                status, body = await _read_response(reader)
                done = time.perf_counter()
                if sent >= measure_from:
                    if status == 200 and body:
                        latencies.append(done - sent)
                    else:
                        errors += 1
        finally:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(concurrency)))
    latencies.sort()
    if not latencies:
        return LoadResult(0, errors, seconds, 0.0, 0.0)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return LoadResult(
        requests=len(latencies),
        errors=errors,
        seconds=seconds,
        p50_ms=quantiles[49] * 1000,
        p95_ms=quantiles[94] * 1000,
    )


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_process(
    argv: list[str],
    env: Mapping[str, str],
    port: int,
    *,
    log: Path | None = None,
    start_timeout: float = 60,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run a server process (``argv``) listening on ``port``; yield its URL and the process once
    /health answers (within ``start_timeout`` seconds). ``log``: a file for its output (else it
    goes to this process's)."""
    with open(log, "wb") if log is not None else nullcontext() as output:
        process = subprocess.Popen(
            [sys.executable, *argv],
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT if output is not None else None,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
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
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def serve(argv: list[str], env: Mapping[str, str], port: int) -> Iterator[str]:
    """Run a server process (``argv``) listening on ``port``; yield its URL once /health answers."""
    with serve_process(argv, env, port) as (url, _process):
        yield url
