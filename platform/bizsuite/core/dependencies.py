"""Dependency providers shared by every controller."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request
from litestar.di import NamedDependency, Provide
from litestar.params import HeaderParameter

from bizsuite.core.context import Context, principal_of
from bizsuite.core.http import client_ip, session_of


async def provide_context(request: Request[Any, Any, Any]) -> Context:
    """Build the service context of the request."""
    return Context(
        session=session_of(request.scope),
        principal=principal_of(request),
        request_id=request.scope.get("state", {}).get("request_id"),
        ip=client_ip(request.scope),
    )


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
