"""Debian's PgBouncer in transaction mode in front of the test PostgreSQL, for the tests.

:func:`start_pgbouncer` runs ``/usr/sbin/pgbouncer`` (``make test`` installs it: see the
Makefile's ``pgbouncer-deps``) on a free loopback port with a configuration of its own in a
temporary directory: ``pool_mode = transaction``, a small server pool so that clients share
server connections, every database of the target server (``* =``), trust for the listed roles
(the embedded server trusts its socket; a password given for a role is passed on to the server).
"""

from __future__ import annotations

import atexit
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL

PGBOUNCER = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"


def pgbouncer_available() -> bool:
    return Path(PGBOUNCER).is_file() and os.access(PGBOUNCER, os.X_OK)


def pgbouncer_version() -> tuple[int, ...]:
    """PgBouncer's version, e.g. ``(1, 18, 0)``."""
    out = subprocess.run([PGBOUNCER, "--version"], capture_output=True, text=True, check=True).stdout
    return tuple(int(part) for part in out.split()[1].split("."))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


@dataclass
class PgBouncer:
    """A running PgBouncer: its port, its folder (configuration and log) and its process."""

    port: int
    folder: Path
    process: subprocess.Popen[bytes]
    pool_size: int
    _stopped: bool = field(default=False, repr=False)

    def url(self, server: URL) -> URL:
        """``server`` (role, password, database) reached through this PgBouncer."""
        return server.set(host="127.0.0.1", port=self.port, query={})

    def log(self) -> str:
        return (self.folder / "pgbouncer.log").read_text(errors="replace")

    def stop(self) -> None:
        """Stop it at once (SIGTERM: immediate shutdown) and remove its folder."""
        if self._stopped:
            return
        self._stopped = True
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        shutil.rmtree(self.folder, ignore_errors=True)


def _server_address(server: URL) -> tuple[str, int]:
    """Host (a socket directory or a name) and port of the PostgreSQL that ``server`` names."""
    host = server.query.get("host") or server.host or "/var/run/postgresql"
    if isinstance(host, tuple):
        host = host[0]
    return str(host), int(server.port or 5432)


def _run_as(host: str) -> str | None:
    """PgBouncer refuses to run as root: run it as the owner of the server's socket directory
    (which only that user may enter, for the embedded server), or as ``nobody``."""
    if os.geteuid() != 0:
        return None
    if host.startswith("/"):
        return pwd.getpwuid(os.stat(host).st_uid).pw_name
    return "nobody"


def start_pgbouncer(
    server: URL,
    roles: dict[str, str],
    *,
    pool_size: int = 4,
    extra: dict[str, str] | None = None,
) -> PgBouncer:
    """Start PgBouncer in transaction mode in front of the PostgreSQL of ``server``.

    ``roles`` maps the roles that may connect to their passwords (empty: none is sent to the
    server, which must trust them). ``pool_size`` is the number of server connections per
    database and role; ``extra`` adds or overrides ``[pgbouncer]`` settings.
    """
    if not pgbouncer_available():
        raise RuntimeError(f"{PGBOUNCER} is missing: install Debian's pgbouncer (make pgbouncer-deps)")
    host, port = _server_address(server)
    user = _run_as(host)
    folder = Path(tempfile.mkdtemp(prefix="bizsuite-pgbouncer-"))
    users = {"pgbouncer": "", **roles}
    (folder / "userlist.txt").write_text("".join(f"{_quote(r)} {_quote(p)}\n" for r, p in users.items()))
    settings = {
        "listen_addr": "127.0.0.1",
        "unix_socket_dir": "",
        "auth_type": "trust",
        "auth_file": str(folder / "userlist.txt"),
        "admin_users": "pgbouncer",
        "pool_mode": "transaction",
        "default_pool_size": str(pool_size),
        "min_pool_size": "0",
        "reserve_pool_size": "0",
        "max_client_conn": "1000",
        "ignore_startup_parameters": "extra_float_digits,statement_timeout",
        "server_reset_query": "DISCARD ALL",
        "query_wait_timeout": "30",
        "server_connect_timeout": "5",
        "server_login_retry": "1",
        "log_connections": "0",
        "log_disconnections": "0",
        "log_pooler_errors": "1",
        "stats_period": "60",
        **(extra or {}),
    }
    log = folder / "pgbouncer.log"
    for _attempt in range(3):
        listen = _free_port()
        lines = [
            "[databases]",
            f"* = host={host} port={port}",
            "[pgbouncer]",
            *(f"{key} = {value}" for key, value in {**settings, "listen_port": str(listen)}.items()),
        ]
        (folder / "pgbouncer.ini").write_text("\n".join(lines) + "\n")
        if user is not None:
            for path in (folder, *folder.iterdir()):
                shutil.chown(path, user=user)
            os.chmod(folder / "userlist.txt", 0o600)
        argv = [PGBOUNCER, *(["-u", user] if user else []), str(folder / "pgbouncer.ini")]
        with log.open("ab") as out:
            process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        bouncer = PgBouncer(port=listen, folder=folder, process=process, pool_size=pool_size)
        deadline = time.monotonic() + 10
        while process.poll() is None and time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", listen), timeout=0.5):
                    atexit.register(bouncer.stop)  # also when the caller never gets to stop it
                    return bouncer
            except OSError:
                time.sleep(0.05)
        if process.poll() is None:
            process.kill()
            process.wait(timeout=5)
        if "Address already in use" not in log.read_text(errors="replace"):
            break  # not a port race: no point in another port
    text = log.read_text(errors="replace")
    shutil.rmtree(folder, ignore_errors=True)
    raise RuntimeError(f"pgbouncer did not start:\n{text}")
