"""The web UI's router: pages, static files and HTML error pages."""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response, Router
from litestar.exceptions import HTTPException
from litestar.static_files import create_static_files_router

from bizsuite.core.errors import ProblemError
from bizsuite.core.http import OUTSIDE_PIPELINE
from bizsuite.kit import Registry
from bizsuite.settings import REPO_ROOT
from bizsuite.web.support import activate_ui, error_page

log = logging.getLogger(__name__)
STATIC = REPO_ROOT / "platform" / "bizsuite" / "web" / "static"
NODE_MODULES = REPO_ROOT / "node_modules"


def _unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    log.exception("page failed", exc_info=exc)
    return error_page(request, exc)


#: npm-installed libraries served under /static/vendor/<name>: the folder of each inside node_modules.
VENDOR = {
    "htmx": "htmx.org/dist",
    "htmx-ext-sse": "htmx-ext-sse/dist",
    "echarts": "echarts/dist",
    "pico": "@picocss/pico/css",
}


def static_routers() -> list[Router]:
    """Our assets and the npm-installed libraries (never committed)."""
    return [
        *(
            create_static_files_router(
                path=f"/static/vendor/{name}",
                directories=[NODE_MODULES / folder],
                opt={OUTSIDE_PIPELINE: True},
                include_in_schema=False,
                name=f"vendor-{name}",
            )
            for name, folder in VENDOR.items()
        ),
        create_static_files_router(
            path="/static",
            directories=[STATIC],
            opt={OUTSIDE_PIPELINE: True},
            include_in_schema=False,
            name="static",
        ),
    ]


def web_router(areas: Registry) -> Router:
    """Every area's pages, with the UI language set before each handler and errors rendered as
    pages; a business module's pages carry opt ``module`` like its API routes."""
    return Router(
        path="/",
        route_handlers=[
            Router(
                path="/", route_handlers=list(spec.pages), opt={} if spec.kernel else {"module": spec.name}
            )
            for spec in areas.specs
            if spec.pages
        ],
        before_request=activate_ui,
        exception_handlers={ProblemError: error_page, HTTPException: error_page, Exception: _unexpected},
        include_in_schema=False,
    )
