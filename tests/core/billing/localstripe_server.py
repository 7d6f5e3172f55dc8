"""Serve localstripe on a loopback port (``python localstripe_server.py <port>``) for the tests.

localstripe pickles its whole store to ``/tmp/localstripe.pickle`` on every write; parallel test
workers would share that file, so each run starts empty and keeps its store in memory only.
"""

from __future__ import annotations

import sys

from aiohttp import web
from localstripe import resources, server

resources.Store.dump_to_disk = lambda self: None  # type: ignore[method-assign]

if __name__ == "__main__":
    web.run_app(server.app, host="127.0.0.1", port=int(sys.argv[1]), print=None)  # type: ignore[arg-type]
