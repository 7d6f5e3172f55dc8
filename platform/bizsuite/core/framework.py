"""Litestar's per-request work this app does not need, taken out once (issue 19, step 4).

Measured on the CRM account list (``docs/performance.md``), each of these cost more per request
than the principal lookup they sit next to:

1. **Guards get the route handler itself.** Litestar hands every guard a fresh shallow copy of the
   handler (so that a guard cannot change it for later requests): about 10 µs per guard and
   request. The app's guards only read ``handler.opt``; ``tests/core/test_framework.py`` keeps
   them so.
2. **A route's dependencies are resolved one after the other.** Litestar resolves the
   dependencies of one level concurrently, in a task group with a task each: two tasks and a
   task group for a list route with ``ctx`` and its filters, 50 to 100 µs per request. The
   app's dependencies are quick and make no queries that could overlap (``ctx`` only gathers what
   the middleware found), so nothing is gained by running them at once. A dependency that
   raises still fails the request with its own exception, first one first.
3. **A route's exception handlers are merged once.** Litestar merges them from every layer, app
   down to the handler, on every request (its docstring says "memoized"; 2.25's is not): about
   10 µs. They are fixed once the app is built, so each handler's merge is kept.

:func:`install` is called by the app factory; it is idempotent.
"""

from __future__ import annotations

import inspect
import logging
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

try:  # Litestar's private modules: if a release moves them, the app runs as Litestar ships it.
    from litestar._kwargs.cleanup import DependencyCleanupGroup
    from litestar._kwargs.dependencies import resolve_dependency
    from litestar._kwargs.kwargs_model import KwargsModel
except ImportError:  # pragma: no cover - depends on the installed Litestar
    KwargsModel = None  # type: ignore[assignment,misc]

logger = logging.getLogger(__name__)
#: Litestar's own merge of a route's exception handlers (:func:`_resolve_exception_handlers` keeps it).
_LITESTAR_EXCEPTION_HANDLERS = BaseRouteHandler.resolve_exception_handlers

_INSTALLED = "_bizsuite_lean"


async def _authorize_connection(
    self: BaseRouteHandler, connection: ASGIConnection[Any, Any, Any, Any]
) -> None:
    """Run the route's guards, each given the handler (see the module's doc, 1)."""
    for guard in self.resolve_guards():
        await guard(connection, self)  # type: ignore[misc]  # resolve_guards made them async


#: Route handler -> its merged exception handlers (gone with the handler).
_EXCEPTION_HANDLERS: weakref.WeakKeyDictionary[BaseRouteHandler, Any] = weakref.WeakKeyDictionary()


def _resolve_exception_handlers(self: BaseRouteHandler) -> Any:
    """The route's exception handlers, merged from the app down once (module's doc, 3)."""
    try:
        merged = _EXCEPTION_HANDLERS.get(self)
    except TypeError:  # a handler class without weak references (HTTPRouteHandler itself): as Litestar
        return _LITESTAR_EXCEPTION_HANDLERS(self)
    if merged is None:
        merged = _EXCEPTION_HANDLERS.setdefault(self, _LITESTAR_EXCEPTION_HANDLERS(self))
    return merged


async def _resolve_dependencies(
    self: KwargsModel, connection: ASGIConnection[Any, Any, Any, Any], kwargs: dict[str, Any]
) -> DependencyCleanupGroup:
    """Resolve the dependencies into ``kwargs``, level by level, one at a time (module's doc, 2)."""
    cleanup_group = DependencyCleanupGroup()
    for batch in self.dependency_batches:
        for dependency in batch:
            await resolve_dependency(dependency, connection, kwargs, cleanup_group)
    return cleanup_group


def _fits() -> bool:
    """Whether the installed Litestar has the internals replaced here, in the shape they had when
    this was written (2.25): otherwise nothing is replaced and Litestar's own code runs."""
    if KwargsModel is None:
        return False
    try:
        authorize = inspect.signature(BaseRouteHandler.authorize_connection)
        resolve = inspect.signature(KwargsModel.resolve_dependencies)
        handlers = inspect.signature(BaseRouteHandler.resolve_exception_handlers)
    except (AttributeError, ValueError):  # pragma: no cover
        return False
    return (
        list(authorize.parameters) == ["self", "connection"]
        and list(resolve.parameters) == ["self", "connection", "kwargs"]
        and list(handlers.parameters) == ["self"]
        and hasattr(KwargsModel, "dependency_batches")
    )


def install() -> None:
    """Take the work out (once per process); a Litestar whose internals differ is left alone."""
    if KwargsModel is None or getattr(KwargsModel, _INSTALLED, False):
        return
    if not _fits():  # pragma: no cover - depends on the installed Litestar
        logger.warning("Litestar's internals changed: the lean request path (core/framework.py) is off")
        return
    BaseRouteHandler.authorize_connection = _authorize_connection  # type: ignore[method-assign]
    KwargsModel.resolve_dependencies = _resolve_dependencies  # type: ignore[method-assign]
    BaseRouteHandler.resolve_exception_handlers = _resolve_exception_handlers  # type: ignore[method-assign]
    setattr(KwargsModel, _INSTALLED, True)


if TYPE_CHECKING:
    from litestar import Litestar

T = TypeVar("T")


def per_app(app: Litestar, key: str, make: Callable[[], T]) -> T:
    """The application's one ``key`` object (one per process), made by ``make`` on first use, in
    the event loop that first asks for it."""
    found = app.state.get(key)
    if found is None:
        found = app.state[key] = make()
    return cast("T", found)
