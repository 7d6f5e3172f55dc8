"""Application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar, Router
from litestar.config.compression import CompressionConfig
from litestar.exceptions import HTTPException
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme, Server

from bizsuite import __version__
from bizsuite.core import framework
from bizsuite.core.admission import Admission
from bizsuite.core.billing.metering import flusher as usage_flusher
from bizsuite.core.database import direct_url, make_engine, make_sessionmaker, pool_capacity, runtime_url
from bizsuite.core.dependencies import DEPENDENCIES, activate_api_locale
from bizsuite.core.errors import EXCEPTION_HANDLERS
from bizsuite.core.headers import security_headers
from bizsuite.core.http import (
    AuthenticationMiddleware,
    IdempotencyMiddleware,
    RateLimitMiddleware,
    RateLimits,
    RequestContextMiddleware,
    UnitOfWorkMiddleware,
    before_send,
    commit_before_rendering,
)
from bizsuite.core.identity.principals import CACHE_INFO_KEY, principal_cache
from bizsuite.core.limits import BodyLimitsMiddleware
from bizsuite.core.live import LiveHub
from bizsuite.core.logs import configure_logging
from bizsuite.core.openapi import TimeOfDaySchema, normalise_schema
from bizsuite.core.warm_up import kept_warm
from bizsuite.kit import Registry, load_modules
from bizsuite.settings import Settings
from bizsuite.web.router import static_routers, web_router
from bizsuite.web.support import page_or_problem
from bizsuite.web.templating import template_config


def api_routers(areas: Registry) -> list[Router]:
    """Every area's API routes; a business module's all carry opt ``module``: the tenant must have
    it and the caller its grant (kernel areas serve every tenant)."""
    return [
        Router(
            path="/",
            route_handlers=list(spec.controllers),
            opt={} if spec.kernel else {"module": spec.name},
            before_request=activate_api_locale,
        )
        for spec in areas.specs
        if spec.controllers
    ]


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the BizSuite ASGI application."""
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level, json=settings.log_json)
    framework.install()  # Litestar's per-request work the app does without (core/framework.py)

    @asynccontextmanager
    async def database(app: Litestar) -> AsyncIterator[None]:
        engine = make_engine(runtime_url(settings), settings)
        app.state.engine = engine
        # A pool's worth of requests at work at once, the others waiting their turn (core/admission.py).
        app.state.admission = Admission.of(settings, pool_capacity(settings))
        app.state.live = LiveHub(direct_url(settings))
        # Credentials answered from memory while the live hub hears their changes (core/identity).
        app.state.principals = principal_cache(settings, app.state.live)
        app.state.sessionmaker = make_sessionmaker(engine, info={CACHE_INFO_KEY: app.state.principals})
        try:
            # The paths that must be fast the first time (a fire alarm) run before the server
            # takes requests and every few minutes after, rolled back (core/warm_up.py); usage
            # metering writes its in-memory counts every minute and at shutdown.
            async with kept_warm(areas, app.state.sessionmaker), usage_flusher(app.state.sessionmaker):
                with app.state.live.ending_streams_on_stop():
                    yield
        finally:
            await app.state.live.close()
            await engine.dispose()

    # Per address and per caller, both decided before any database work (see core/http.py);
    # health checks, the API docs and static files are never limited.
    rate_limits = DefineMiddleware(RateLimitMiddleware, limits=RateLimits(settings.rate_limit_per_minute))
    areas = load_modules()
    app = Litestar(
        route_handlers=[*api_routers(areas), web_router(areas), *static_routers()],
        dependencies=DEPENDENCIES,
        middleware=[
            RequestContextMiddleware,
            rate_limits,
            BodyLimitsMiddleware,
            UnitOfWorkMiddleware,
            AuthenticationMiddleware,
            IdempotencyMiddleware,
        ],
        exception_handlers={**EXCEPTION_HANDLERS, HTTPException: page_or_problem},
        template_config=template_config(),
        # The connection goes back to the pool before a page renders (core/http.py).
        after_request=commit_before_rendering,
        before_send=[before_send, security_headers],
        lifespan=[database],
        # Event streams (opt ``event_stream``) go out event by event, never held in a gzip buffer.
        compression_config=CompressionConfig(
            backend="gzip", minimum_size=1024, exclude_opt_key="event_stream"
        ),
        openapi_config=OpenAPIConfig(
            title="BizSuite API",
            version=__version__,
            description="Multi-tenant business suite. Authenticate with `Authorization: Bearer <API key>`.",
            path="/api/docs",
            render_plugins=[ScalarRenderPlugin()],
            servers=[Server(url="/")],
            components=Components(
                security_schemes={
                    "api_key": SecurityScheme(type="http", scheme="bearer", description="A tenant API key")
                }
            ),
            security=[{"api_key": []}],
            use_handler_docstrings=True,
        ),
        plugins=[TimeOfDaySchema()],
        logging_config=None,
        debug=settings.debug,
    )
    app.state.settings = settings
    normalise_schema(app)
    return app
