"""Dependency providers shared by every controller."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request
from litestar.di import NamedDependency, Provide
from litestar.params import HeaderParameter

from bizsuite.core.context import Context, principal_of
from bizsuite.core.http import client_ip, work_of
from bizsuite.settings import Settings
from bizsuite.web import i18n


def app_settings(request: Request[Any, Any, Any]) -> Settings:
    """The settings the application was created with."""
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings


async def provide_context(request: Request[Any, Any, Any]) -> Context:
    """Build the service context of the request (its session is made when a service first uses it)."""
    return Context(
        work=work_of(request.scope),
        principal=principal_of(request),
        request_id=request.scope.get("state", {}).get("request_id"),
        ip=client_ip(request.scope),
    )


def api_locale(request: Request[Any, Any, Any]) -> str:
    """The language an API caller reads labels in: ``Accept-Language``, else theirs, else the tenant's."""
    principal = principal_of(request)
    user, tenant = principal.user, principal.tenant
    return i18n.negotiate(
        request.headers.get("accept-language"),
        user.locale if user else None,
        tenant.locale if tenant else None,
    )


async def activate_api_locale(request: Request[Any, Any, Any]) -> None:
    """Every API route's ``before_request``: the labels it returns (chatter, alerts, problems) speak
    the caller's language, never whatever an earlier request on this task left behind."""
    principal = principal_of(request)
    user, tenant = principal.user, principal.tenant
    time_zone = (user.time_zone if user and user.time_zone else None) or (
        tenant.time_zone if tenant else "Asia/Shanghai"
    )
    i18n.activate(api_locale(request), time_zone)


DEPENDENCIES = {"ctx": Provide(provide_context)}

#: ``If-Match`` header parameter for updates.
IfMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match", required=False, description="The `version` you read; stale writes get 412."
    ),
]

#: The request's service context, injected by name.
Ctx = NamedDependency[Context]
