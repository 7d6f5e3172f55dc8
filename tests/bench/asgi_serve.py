"""Serve the app (or the bare handler) with one of the ASGI servers the server benchmark compares.

    python -m tests.bench.asgi_serve SERVER TARGET PORT WORKERS

``SERVER`` is one of :data:`SERVERS`, ``TARGET`` is ``app`` (``bizsuite.app:create_app``, the
production factory reading ``BIZSUITE_*`` from the environment, as ``bizsuite serve`` does) or
``bare`` (``tests.bench.crm_bare:app``). Every server gets what ``bizsuite serve`` gives it: the
port on loopback, the number of worker processes, proxy headers trusted from 127.0.0.1, no
access log, and a stop that waits at most 5 seconds for open requests (the live pages'
event streams never end by themselves).
"""

from __future__ import annotations

import sys
from typing import Any

#: The servers compared: uvicorn as it was (asyncio + h11), uvicorn with uvloop and httptools,
#: granian (Rust HTTP, ASGI interface, its default event loop: uvloop when installed).
SERVERS = ("uvicorn-h11", "uvicorn-uvloop", "granian")
TARGETS = {"app": "bizsuite.app:create_app", "bare": "tests.bench.crm_bare:app"}
GRACE_S = 5


def granian_app() -> Any:
    """The app behind granian's proxy-headers wrapper (uvicorn's ``proxy_headers`` equivalent)."""
    from bizsuite.app import create_app
    from granian.utils.proxies import wrap_asgi_with_proxy_headers

    return wrap_asgi_with_proxy_headers(create_app(), trusted_hosts="127.0.0.1")


def granian_bare() -> Any:
    from granian.utils.proxies import wrap_asgi_with_proxy_headers

    from tests.bench.crm_bare import app

    return wrap_asgi_with_proxy_headers(app, trusted_hosts="127.0.0.1")


def main(server: str, target: str, port: int, workers: int) -> None:
    if server.startswith("uvicorn-"):
        import uvicorn

        loop, http = ("asyncio", "h11") if server == "uvicorn-h11" else ("uvloop", "httptools")
        uvicorn.run(
            TARGETS[target],
            factory=target == "app",
            host="127.0.0.1",
            port=port,
            workers=workers,
            loop=loop,
            http=http,
            proxy_headers=True,
            access_log=False,
            log_config=None,
            log_level="warning" if target == "bare" else None,  # the app sets up its own logging
            timeout_graceful_shutdown=GRACE_S,
        )
    elif server == "granian":
        from granian.constants import Interfaces
        from granian.log import LogLevels
        from granian.server import Server

        Server(
            f"tests.bench.asgi_serve:granian_{target}",
            factory=True,
            address="127.0.0.1",
            port=port,
            interface=Interfaces.ASGI,
            workers=workers,
            log_access=False,
            log_level=LogLevels.warning,
            workers_kill_timeout=GRACE_S,
        ).serve()
    else:
        raise SystemExit(f"unknown server {server!r}; one of {', '.join(SERVERS)}")


if __name__ == "__main__":
    name, what, port_, workers_ = sys.argv[1:5]
    main(name, what, int(port_), int(workers_))
