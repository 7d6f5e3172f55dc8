"""The hand-written runtime of the SDK: errors, retries, pagination, resources, webhooks.

Integrators import from ``bizsuite_client`` (``BizSuite``, ``AsyncBizSuite`` and the errors,
re-exported there); this package stays importable for code written against the low-level
calls (``client_from_env``, ``paginate``, ``unwrap``), with the same classes::

    from bizsuite_client.api.org_units import list_org_units
    from bizsuite_sdk import client_from_env, paginate

    client = client_from_env()  # BIZSUITE_API_KEY, BIZSUITE_BASE_URL
    for unit in paginate(list_org_units, client=client):
        print(unit.code, unit.name)
"""

from bizsuite_sdk.client import DEFAULT_BASE_URL, client_from_env, create_client
from bizsuite_sdk.errors import (
    ApiError,
    AuthenticationError,
    BizSuiteError,
    ConfigurationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    StaleVersionError,
    ValidationError,
    error_for,
    unwrap,
)
from bizsuite_sdk.pagination import apaginate, paginate
from bizsuite_sdk.retries import IDEMPOTENCY_KEY, RetryPolicy, RetryTransport
from bizsuite_sdk.webhooks import WebhookEvent, Webhooks, WebhookVerificationError

__all__ = [
    "DEFAULT_BASE_URL",
    "IDEMPOTENCY_KEY",
    "ApiError",
    "AuthenticationError",
    "BizSuiteError",
    "ConfigurationError",
    "ConflictError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "RetryTransport",
    "ServerError",
    "StaleVersionError",
    "ValidationError",
    "WebhookEvent",
    "WebhookVerificationError",
    "Webhooks",
    "apaginate",
    "client_from_env",
    "create_client",
    "error_for",
    "paginate",
    "unwrap",
]
