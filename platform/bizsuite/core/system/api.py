"""Liveness and readiness probes."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, get
from litestar.exceptions import HTTPException
from sqlalchemy import text

from bizsuite import __version__
from bizsuite.core.http import OUTSIDE_PIPELINE


class Health(msgspec.Struct):
    """Probe result."""

    status: str
    version: str


# Probes never wait behind the requests at work (core/admission.py): a busy process is alive.
@get(
    "/health",
    operation_id="get_health",
    tags=["system"],
    summary="Liveness",
    include_in_schema=True,
    opt={OUTSIDE_PIPELINE: True},
)
async def health() -> Health:
    """Answer while the process is alive (no database call)."""
    return Health(status="ok", version=__version__)


@get(
    "/ready", operation_id="get_readiness", tags=["system"], summary="Readiness", opt={OUTSIDE_PIPELINE: True}
)
async def ready(request: Request[Any, Any, Any]) -> Health:
    """Answer 200 when the database answers, 503 otherwise."""
    try:
        async with request.app.state.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:
        raise HTTPException(
            status_code=503, detail="database unavailable", headers={"Retry-After": "2"}
        ) from exc
    return Health(status="ready", version=__version__)
