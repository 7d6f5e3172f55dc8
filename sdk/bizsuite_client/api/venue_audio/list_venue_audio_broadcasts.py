from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.broadcast_kind import BroadcastKind
from ...models.broadcast_page import BroadcastPage
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    venue_id: None | Unset | UUID = UNSET,
    kind: BroadcastKind | None | Unset = UNSET,
    live: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_venue_id: None | str | Unset
    if isinstance(venue_id, Unset):
        json_venue_id = UNSET
    elif isinstance(venue_id, UUID):
        json_venue_id = str(venue_id)
    else:
        json_venue_id = venue_id
    params["venue_id"] = json_venue_id

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, str):
        json_kind = kind
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_live: bool | None | Unset
    if isinstance(live, Unset):
        json_live = UNSET
    else:
        json_live = live
    params["live"] = json_live

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/venue-audio/broadcasts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BroadcastPage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = BroadcastPage.from_dict(response.json())

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
) -> Response[BroadcastPage | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    venue_id: None | Unset | UUID = UNSET,
    kind: BroadcastKind | None | Unset = UNSET,
    live: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[BroadcastPage | ProblemDetails]:
    """The broadcast log

     Paging sessions and emergencies, newest first: zones, start, end, who and why.

    Args:
        q (None | str | Unset): Text anywhere in where, the source, who started it, why, the alarm
            id or the venue.
        venue_id (None | Unset | UUID):
        kind (BroadcastKind | None | Unset):
        live (bool | None | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BroadcastPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        q=q,
        venue_id=venue_id,
        kind=kind,
        live=live,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    venue_id: None | Unset | UUID = UNSET,
    kind: BroadcastKind | None | Unset = UNSET,
    live: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> BroadcastPage | ProblemDetails | None:
    """The broadcast log

     Paging sessions and emergencies, newest first: zones, start, end, who and why.

    Args:
        q (None | str | Unset): Text anywhere in where, the source, who started it, why, the alarm
            id or the venue.
        venue_id (None | Unset | UUID):
        kind (BroadcastKind | None | Unset):
        live (bool | None | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BroadcastPage | ProblemDetails
    """

    return sync_detailed(
        client=client,
        q=q,
        venue_id=venue_id,
        kind=kind,
        live=live,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    venue_id: None | Unset | UUID = UNSET,
    kind: BroadcastKind | None | Unset = UNSET,
    live: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[BroadcastPage | ProblemDetails]:
    """The broadcast log

     Paging sessions and emergencies, newest first: zones, start, end, who and why.

    Args:
        q (None | str | Unset): Text anywhere in where, the source, who started it, why, the alarm
            id or the venue.
        venue_id (None | Unset | UUID):
        kind (BroadcastKind | None | Unset):
        live (bool | None | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BroadcastPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        q=q,
        venue_id=venue_id,
        kind=kind,
        live=live,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    venue_id: None | Unset | UUID = UNSET,
    kind: BroadcastKind | None | Unset = UNSET,
    live: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> BroadcastPage | ProblemDetails | None:
    """The broadcast log

     Paging sessions and emergencies, newest first: zones, start, end, who and why.

    Args:
        q (None | str | Unset): Text anywhere in where, the source, who started it, why, the alarm
            id or the venue.
        venue_id (None | Unset | UUID):
        kind (BroadcastKind | None | Unset):
        live (bool | None | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BroadcastPage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            venue_id=venue_id,
            kind=kind,
            live=live,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
