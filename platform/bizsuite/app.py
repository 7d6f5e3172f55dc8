"""Application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar
from litestar.config.compression import CompressionConfig
from litestar.middleware.rate_limit import RateLimitConfig
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
    RequestContextMiddleware,
    UnitOfWorkMiddleware,
    before_send,
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
from bizsuite.settings import Settings
from bizsuite.web.router import static_routers, web_router
from bizsuite.web.templating import template_config


def _rate_limit_identifier(request: Any) -> str:
    """Limit per API key (or session), falling back to the client address."""
    from bizsuite.core.identity.security import sha256_hex

    auth = request.headers.get("authorization")
    if auth:
        return "key:" + sha256_hex(auth)[:32]
    cookie = request.cookies.get("bizsuite_session")
    if cookie:
        return "session:" + sha256_hex(cookie)[:32]
    return "ip:" + (request.client.host if request.client else "unknown")


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

    rate_limit = RateLimitConfig(
        rate_limit=("minute", settings.rate_limit_per_minute),
        identifier_for_request=_rate_limit_identifier,
        exclude=["^/health$", "^/ready$", "^/api/docs", "^/static/"],
    )
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
            web_router(),
            *static_routers(),
        ],
        dependencies=DEPENDENCIES,
        middleware=[
            RequestContextMiddleware,
            rate_limit.middleware,
            UnitOfWorkMiddleware,
            AuthenticationMiddleware,
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
