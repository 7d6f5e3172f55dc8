"""Iterate every item of any list operation, following ``next_cursor`` page by page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

from bizsuite_client.client import AuthenticatedClient, Client
from bizsuite_client.types import Response

if TYPE_CHECKING:  # annotations only: the models package is imported by the first call
    from bizsuite_client.models.problem_details import ProblemDetails

from bizsuite_sdk.errors import unwrap

ItemT = TypeVar("ItemT")
ItemT_co = TypeVar("ItemT_co", covariant=True)
T_co = TypeVar("T_co", covariant=True)


class _Parsed(Protocol[T_co]):
    """The part of a generated ``Response`` pagination reads (covariant, unlike ``Response``)."""

    @property
    def parsed(self) -> T_co | None: ...


class Page(Protocol[ItemT_co]):
    """Every list response: ``{items: [...], next_cursor: str | null}``."""

    @property
    def items(self) -> Sequence[ItemT_co]: ...

    @property
    def next_cursor(self) -> str | None: ...


class SyncListOperation(Protocol[ItemT_co]):
    """A generated list module, such as ``bizsuite_client.api.org_units.list_org_units``."""

    def sync_detailed(self, *args: Any, **kwargs: Any) -> _Parsed[Page[ItemT_co] | ProblemDetails]: ...


class AsyncListOperation(Protocol[ItemT_co]):
    """A generated list module, used through its ``asyncio_detailed`` function."""

    def asyncio_detailed(
        self, *args: Any, **kwargs: Any
    ) -> Awaitable[_Parsed[Page[ItemT_co] | ProblemDetails]]: ...


if TYPE_CHECKING:
    _SyncCall = Callable[..., _Parsed[Page[ItemT] | ProblemDetails]]
    _AsyncCall = Callable[..., Awaitable[_Parsed[Page[ItemT] | ProblemDetails]]]


def _next(page: Page[Any], cursor: str | None) -> str | None:
    # A short, unpaginated list (``{items: [...]}``) has no cursor: it is its only page.
    next_cursor: str | None = getattr(page, "next_cursor", None)
    if next_cursor and next_cursor == cursor:
        raise RuntimeError(f"the server returned the same cursor twice: {cursor!r}")
    return next_cursor or None


@overload
def paginate(
    operation: SyncListOperation[ItemT], /, *, client: AuthenticatedClient | Client, **params: Any
) -> Iterator[ItemT]: ...
@overload
def paginate(
    operation: _SyncCall[ItemT], /, *, client: AuthenticatedClient | Client, **params: Any
) -> Iterator[ItemT]: ...
def paginate(operation: Any, /, *, client: AuthenticatedClient | Client, **params: Any) -> Iterator[Any]:
    """Yield every item of a list operation, fetching pages lazily.

    ``operation`` is a generated list module (``list_org_units``) or its ``sync_detailed``
    function; ``params`` are its filters (``limit`` sets the page size, ``cursor`` a start
    point). An error page raises its typed ``ApiError``::

        for unit in paginate(list_org_units, client=client, kind="store"):
            print(unit.name)
    """
    call: _SyncCall[Any] = getattr(operation, "sync_detailed", operation)
    cursor: str | None = params.pop("cursor", None)
    while True:
        page: Page[Any] = unwrap(_as_response(call(client=client, cursor=cursor, **params)))
        yield from page.items
        cursor = _next(page, cursor)
        if cursor is None:
            return


@overload
def apaginate(
    operation: AsyncListOperation[ItemT], /, *, client: AuthenticatedClient | Client, **params: Any
) -> AsyncIterator[ItemT]: ...
@overload
def apaginate(
    operation: _AsyncCall[ItemT], /, *, client: AuthenticatedClient | Client, **params: Any
) -> AsyncIterator[ItemT]: ...
async def apaginate(
    operation: Any, /, *, client: AuthenticatedClient | Client, **params: Any
) -> AsyncIterator[Any]:
    """Yield every item of a list operation asynchronously (see ``paginate``)::

    async for unit in apaginate(list_org_units, client=client):
        print(unit.name)
    """
    call: _AsyncCall[Any] = getattr(operation, "asyncio_detailed", operation)
    cursor: str | None = params.pop("cursor", None)
    while True:
        page: Page[Any] = unwrap(_as_response(await call(client=client, cursor=cursor, **params)))
        for item in page.items:
            yield item
        cursor = _next(page, cursor)
        if cursor is None:
            return


def _as_response(result: _Parsed[Any]) -> Response[Any]:
    if not isinstance(result, Response):
        raise TypeError("pass a generated list operation (module or its *_detailed function)")
    return result
