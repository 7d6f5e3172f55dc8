"""Structured JSON logs that carry the request and tenant ids."""

from __future__ import annotations

import contextvars
import logging
import sys

from pythonjsonlogger.json import JsonFormatter

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
tenant_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("tenant_id", default=None)


class ContextFilter(logging.Filter):
    """Stamp every record with the current request and tenant."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.tenant_id = tenant_id_var.get()
        return True


def configure_logging(level: str = "INFO", *, json: bool = True) -> None:
    """Send logs to stderr, as JSON lines in production."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(ContextFilter())
    if json:
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(tenant_id)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
        )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("uvicorn.access").disabled = True
    # procrastinate logs every job's start and end at INFO (periodic ones every minute); the
    # outcomes are kept in background_jobs and shown under Background jobs, so below DEBUG only
    # its warnings and errors reach the log.
    if root.level > logging.DEBUG:
        logging.getLogger("procrastinate").setLevel(logging.WARNING)
