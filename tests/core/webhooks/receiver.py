"""A webhook receiver on a loopback port, in a thread: records requests, can fail the first few."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    """One request as the receiver saw it."""

    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Answers 500 to the first ``fail_first`` requests, 200 afterwards."""

    fail_first: int = 0
    requests: list[Received] = field(default_factory=list)
    url: str = ""

    def answer(self, received: Received) -> int:
        self.requests.append(received)
        return 500 if len(self.requests) <= self.fail_first else 200


@contextmanager
def running_receiver(fail_first: int = 0) -> Iterator[Receiver]:
    """Serve a :class:`Receiver` on ``127.0.0.1`` at a free port until the block ends."""
    receiver = Receiver(fail_first=fail_first)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            with lock:
                status = receiver.answer(Received(headers=dict(self.headers.items()), body=body))
            self.send_response(status)
            self.send_header("content-type", "text/plain")
            self.end_headers()
            self.wfile.write(b"ok" if status == 200 else b"try again later")

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
