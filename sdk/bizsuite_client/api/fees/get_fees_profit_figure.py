from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fee_profit_figure_view import FeeProfitFigureView
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    profit_figure_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/fees/profit-figures/{profit_figure_id}".format(
            profit_figure_id=quote(str(profit_figure_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FeeProfitFigureView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = FeeProfitFigureView.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())

        return response_404

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
) -> Response[FeeProfitFigureView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    profit_figure_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[FeeProfitFigureView | ProblemDetails]:
    """Get a profit figure

     One profit figure.

    Args:
        profit_figure_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeeProfitFigureView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        profit_figure_id=profit_figure_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    profit_figure_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> FeeProfitFigureView | ProblemDetails | None:
    """Get a profit figure

     One profit figure.

    Args:
        profit_figure_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeeProfitFigureView | ProblemDetails
    """

    return sync_detailed(
        profit_figure_id=profit_figure_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    profit_figure_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[FeeProfitFigureView | ProblemDetails]:
    """Get a profit figure

     One profit figure.

    Args:
        profit_figure_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeeProfitFigureView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        profit_figure_id=profit_figure_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    profit_figure_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> FeeProfitFigureView | ProblemDetails | None:
    """Get a profit figure

     One profit figure.

    Args:
        profit_figure_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeeProfitFigureView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            profit_figure_id=profit_figure_id,
            client=client,
        )
    ).parsed
