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
from bizsuite.core.context import PrincipalKind, principal_of
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
from bizsuite.modules import load_modules
from bizsuite.settings import Settings
from bizsuite.web.router import static_routers, web_router
from bizsuite.web.templating import template_config


def _client_address(request: Any) -> str:
    return "ip:" + (request.client.host if request.client else "unknown")


def _caller_identifier(request: Any) -> str:
    """Rate-limit bucket of the authenticated caller: its key, its user, or (anonymous) its address."""
    principal = principal_of(request)
    if principal.api_key_id is not None:
        return f"key:{principal.api_key_id}"
    if principal.user_id is not None:
        return f"user:{principal.user_id}"
    if principal.kind is PrincipalKind.OPERATOR:
        return "operator"
    return "anonymous:" + _client_address(request)


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

    unlimited = ["^/health$", "^/ready$", "^/api/docs", "^/static/"]
    # Per caller, counted after authentication so random credentials cannot open fresh buckets;
    # and a wider per-address limit before any database work, against floods of bad credentials.
    per_caller = RateLimitConfig(
        rate_limit=("minute", settings.rate_limit_per_minute),
        identifier_for_request=_caller_identifier,
        exclude=unlimited,
    )
    per_address = RateLimitConfig(
        rate_limit=("minute", settings.rate_limit_per_minute * 5),
        identifier_for_request=_client_address,
        exclude=unlimited,
        set_rate_limit_headers=False,
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
            *(controller for module in modules for controller in module.controllers),
            web_router([page for module in modules for page in module.pages]),
            *static_routers(),
        ],
        dependencies=DEPENDENCIES,
        middleware=[
            RequestContextMiddleware,
            per_address.middleware,
            UnitOfWorkMiddleware,
            AuthenticationMiddleware,
            per_caller.middleware,
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
