from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.player_command_view import PlayerCommandView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: int | Unset = 0,
    wait: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    params["wait"] = wait

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/venue-audio/player/command",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PlayerCommandView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PlayerCommandView.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | PlayerCommandView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = 0,
    wait: int | Unset = 25,
) -> Response[Any | PlayerCommandView | ProblemDetails]:
    """The player's current command (long polling)

     The fallback where server-sent events cannot pass: the current command if its ``seq`` is
    above ``after``, else the next one within ``wait`` seconds, else 204.

    Args:
        after (int | Unset): The last seq received. Default: 0.
        wait (int | Unset): Seconds to wait for a newer one. Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PlayerCommandView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        after=after,
        wait=wait,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = 0,
    wait: int | Unset = 25,
) -> Any | PlayerCommandView | ProblemDetails | None:
    """The player's current command (long polling)

     The fallback where server-sent events cannot pass: the current command if its ``seq`` is
    above ``after``, else the next one within ``wait`` seconds, else 204.

    Args:
        after (int | Unset): The last seq received. Default: 0.
        wait (int | Unset): Seconds to wait for a newer one. Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PlayerCommandView | ProblemDetails
    """

    return sync_detailed(
        client=client,
        after=after,
        wait=wait,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = 0,
    wait: int | Unset = 25,
) -> Response[Any | PlayerCommandView | ProblemDetails]:
    """The player's current command (long polling)

     The fallback where server-sent events cannot pass: the current command if its ``seq`` is
    above ``after``, else the next one within ``wait`` seconds, else 204.

    Args:
        after (int | Unset): The last seq received. Default: 0.
        wait (int | Unset): Seconds to wait for a newer one. Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PlayerCommandView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        after=after,
        wait=wait,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = 0,
    wait: int | Unset = 25,
) -> Any | PlayerCommandView | ProblemDetails | None:
    """The player's current command (long polling)

     The fallback where server-sent events cannot pass: the current command if its ``seq`` is
    above ``after``, else the next one within ``wait`` seconds, else 204.

    Args:
        after (int | Unset): The last seq received. Default: 0.
        wait (int | Unset): Seconds to wait for a newer one. Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PlayerCommandView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            wait=wait,
        )
    ).parsed
