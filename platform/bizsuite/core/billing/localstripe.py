"""localstripe (PyPI, a dev dependency): a Stripe API on loopback for the demo and the tests.

``python -m bizsuite.core.billing.localstripe PORT [STORE]`` serves it on ``127.0.0.1:PORT``.
localstripe itself pickles its whole store to ``/tmp/localstripe.pickle`` on every write, which
parallel test workers and two demos would share: here the store lives in ``STORE`` (the demo's
data folder, so a restarted demo finds its customers again) or, without one, in memory only
(each test run starts empty).

``start`` launches it as a child process and waits until it answers; ``register_webhook`` tells
it where to deliver signed events (``POST /_config/webhooks/<id>``, localstripe's own
configuration endpoint).
"""

from __future__ import annotations

import importlib.util
import pickle
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

#: The secret key the demo and the tests give localstripe (it accepts any ``sk_test_...``).
TEST_KEY = "sk_test_bizsuite"


def available() -> bool:
    """Whether localstripe is installed (it is a dev dependency: ``make install`` brings it)."""
    return importlib.util.find_spec("localstripe") is not None


def command(port: int, store: Path | None = None) -> list[str]:
    """The command line that serves localstripe on ``port`` (keeping its store in ``store``)."""
    return [sys.executable, "-m", __name__, str(port), *([str(store)] if store else [])]


def start(port: int, store: Path | None = None) -> subprocess.Popen[bytes]:
    """Start localstripe as a child process; return it once it answers (RuntimeError if not)."""
    process = subprocess.Popen(  # noqa: S603 (our own command)
        command(port, store), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wait_until_up(f"http://127.0.0.1:{port}", process)
    return process


def wait_until_up(url: str, process: subprocess.Popen[Any] | None = None, timeout: float = 30) -> None:
    """Wait until localstripe at ``url`` answers (RuntimeError if it exits or takes too long)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{url}/v1/customers", auth=(TEST_KEY, ""), timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
            if process is not None:
                process.kill()
            raise RuntimeError(f"localstripe did not start at {url}")
        time.sleep(0.1)


def register_webhook(url: str, name: str, target: str, secret: str) -> None:
    """Have localstripe at ``url`` deliver every event to ``target``, signed with ``secret``."""
    httpx.post(
        f"{url}/_config/webhooks/{name}",
        data={"url": target, "secret": secret},
        auth=(TEST_KEY, ""),
        timeout=10,
    ).raise_for_status()


def _keep_store_in(store: Path | None) -> None:  # pragma: no cover - runs in the child process
    """Point localstripe's store at ``store`` (or keep it in memory only)."""
    from localstripe import resources

    def dump(self: Any) -> None:
        if store is not None:
            partial = store.with_suffix(".partial")
            with partial.open("wb") as f:
                pickle.dump(dict(self), f, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(store)

    def load(self: Any) -> None:
        if store is not None and store.is_file():
            with store.open("rb") as f:
                self.clear()
                self.update(pickle.load(f))  # noqa: S301 (our own file, in our data folder)

    resources.Store.dump_to_disk = dump
    resources.Store.try_load_from_disk = load
    resources.store.try_load_from_disk()


def main(argv: list[str]) -> None:  # pragma: no cover - runs in the child process
    """Serve localstripe: ``PORT [STORE]``."""
    from aiohttp import web
    from localstripe import server

    port = int(argv[0])
    store = Path(argv[1]) if len(argv) > 1 else None
    if store is not None:
        store.parent.mkdir(parents=True, exist_ok=True)
    _keep_store_in(store)
    web.run_app(server.app, host="127.0.0.1", port=port, print=None)


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
