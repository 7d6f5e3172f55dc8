"""Application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar, Router
from litestar.config.compression import CompressionConfig
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme, Server

from bizsuite import __version__
from bizsuite.core.alerts.api import (
    AlertController,
    InboxController,
    NotificationPreferenceController,
    OutboxController,
)
from bizsuite.core.approvals.api import (
    ApprovalFlowController,
    ApprovalRequestController,
    ApproverAssignmentController,
)
from bizsuite.core.audit.api import AuditController
from bizsuite.core.database import make_engine, make_sessionmaker, runtime_url
from bizsuite.core.dependencies import DEPENDENCIES
from bizsuite.core.errors import EXCEPTION_HANDLERS
from bizsuite.core.files.api import FileContentController, FileController
from bizsuite.core.http import (
    AuthenticationMiddleware,
    IdempotencyMiddleware,
    RateLimitMiddleware,
    RequestContextMiddleware,
    UnitOfWorkMiddleware,
    address_key,
    before_send,
    caller_key,
)
from bizsuite.core.identity.api import (
    ApiKeyController,
    AuthController,
    InvitationController,
    MemberController,
)
from bizsuite.core.jobs.api import JobController, JobScheduleController
from bizsuite.core.logs import configure_logging
from bizsuite.core.openapi import normalise_schema
from bizsuite.core.org_units.api import OrgUnitController
from bizsuite.core.system import health, ready
from bizsuite.core.tenants.api import CurrentTenantController, TenantController
from bizsuite.core.webhooks.api import (
    WebhookDeliveryController,
    WebhookEndpointController,
    WebhookEventTypeController,
)
from bizsuite.modules import load_modules
from bizsuite.settings import Settings
from bizsuite.web.router import static_routers, web_router
from bizsuite.web.templating import template_config


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the BizSuite ASGI application."""
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level, json=settings.log_json)

    @asynccontextmanager
    async def database(app: Litestar) -> AsyncIterator[None]:
        engine = make_engine(runtime_url(settings), settings)
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        try:
            yield
        finally:
            await engine.dispose()

    # Per caller, counted after authentication so random credentials cannot open fresh buckets;
    # and a wider per-address limit before any database work, against floods of bad credentials.
    # Health checks, the API docs and static files are never limited (see core/http.py).
    per_caller = DefineMiddleware(RateLimitMiddleware, limit=settings.rate_limit_per_minute, key=caller_key)
    per_address = DefineMiddleware(
        RateLimitMiddleware, limit=settings.rate_limit_per_minute * 5, key=address_key, headers=False
    )
    modules = load_modules()
    app = Litestar(
        route_handlers=[
            health,
            ready,
            TenantController,
            CurrentTenantController,
            OrgUnitController,
            AuthController,
            MemberController,
            InvitationController,
            ApiKeyController,
            AuditController,
            JobController,
            JobScheduleController,
            AlertController,
            InboxController,
            NotificationPreferenceController,
            OutboxController,
            WebhookEndpointController,
            WebhookDeliveryController,
            WebhookEventTypeController,
            ApproverAssignmentController,
            ApprovalFlowController,
            ApprovalRequestController,
            FileController,
            FileContentController,
            # A module's routes all carry opt "module": the tenant must have it, the caller its grant.
            *(Router(path="/", route_handlers=list(m.controllers), opt={"module": m.name}) for m in modules),
            web_router(
                [Router(path="/", route_handlers=list(m.pages), opt={"module": m.name}) for m in modules]
            ),
            *static_routers(),
        ],
        dependencies=DEPENDENCIES,
        middleware=[
            RequestContextMiddleware,
            per_address,
            UnitOfWorkMiddleware,
            AuthenticationMiddleware,
            per_caller,
            IdempotencyMiddleware,
        ],
        exception_handlers=EXCEPTION_HANDLERS,
        template_config=template_config(),
        before_send=[before_send],
        lifespan=[database],
        compression_config=CompressionConfig(backend="gzip", minimum_size=1024),
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
        logging_config=None,
        debug=settings.debug,
    )
    app.state.settings = settings
    normalise_schema(app)
    return app
