from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.search_results import SearchResults
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str,
    limit: int | Unset = 5,
    kind: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    params["limit"] = limit

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    else:
        json_kind = kind
    params["kind"] = json_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | SearchResults | None:
    if response.status_code == 200:
        response_200 = SearchResults.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProblemDetails | SearchResults]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    limit: int | Unset = 5,
    kind: None | str | Unset = UNSET,
) -> Response[ProblemDetails | SearchResults]:
    """Search

     Search the records of every area the caller may use (anywhere in names and codes, any
    case), grouped by kind of record; ``more`` says a group has more than ``limit`` hits.

    Args:
        q (str): What to look for (a name, a code...).
        limit (int | Unset): At most this many hits per group. Default: 5.
        kind (None | str | Unset): Only this kind of record (a group's key, e.g. crm.accounts).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SearchResults]
    """

    kwargs = _get_kwargs(
        q=q,
        limit=limit,
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    limit: int | Unset = 5,
    kind: None | str | Unset = UNSET,
) -> ProblemDetails | SearchResults | None:
    """Search

     Search the records of every area the caller may use (anywhere in names and codes, any
    case), grouped by kind of record; ``more`` says a group has more than ``limit`` hits.

    Args:
        q (str): What to look for (a name, a code...).
        limit (int | Unset): At most this many hits per group. Default: 5.
        kind (None | str | Unset): Only this kind of record (a group's key, e.g. crm.accounts).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SearchResults
    """

    return sync_detailed(
        client=client,
        q=q,
        limit=limit,
        kind=kind,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    limit: int | Unset = 5,
    kind: None | str | Unset = UNSET,
) -> Response[ProblemDetails | SearchResults]:
    """Search

     Search the records of every area the caller may use (anywhere in names and codes, any
    case), grouped by kind of record; ``more`` says a group has more than ``limit`` hits.

    Args:
        q (str): What to look for (a name, a code...).
        limit (int | Unset): At most this many hits per group. Default: 5.
        kind (None | str | Unset): Only this kind of record (a group's key, e.g. crm.accounts).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SearchResults]
    """

    kwargs = _get_kwargs(
        q=q,
        limit=limit,
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    limit: int | Unset = 5,
    kind: None | str | Unset = UNSET,
) -> ProblemDetails | SearchResults | None:
    """Search

     Search the records of every area the caller may use (anywhere in names and codes, any
    case), grouped by kind of record; ``more`` says a group has more than ``limit`` hits.

    Args:
        q (str): What to look for (a name, a code...).
        limit (int | Unset): At most this many hits per group. Default: 5.
        kind (None | str | Unset): Only this kind of record (a group's key, e.g. crm.accounts).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SearchResults
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            limit=limit,
            kind=kind,
        )
    ).parsed
