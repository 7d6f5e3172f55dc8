from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monthly_revenue_out import MonthlyRevenueOut
from ...models.problem_details import ProblemDetails
from ...models.revenue_amount import RevenueAmount
from ...types import Response


def _get_kwargs(
    account_id: UUID,
    month: str,
    *,
    body: RevenueAmount,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/crm/accounts/{account_id}/revenue/{month}".format(
            account_id=quote(str(account_id), safe=""),
            month=quote(str(month), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonthlyRevenueOut | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = MonthlyRevenueOut.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

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
) -> Response[MonthlyRevenueOut | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: UUID,
    month: str,
    *,
    client: AuthenticatedClient | Client,
    body: RevenueAmount,
) -> Response[MonthlyRevenueOut | ProblemDetails]:
    """Set an account's revenue for a month

     Create or replace the month's revenue (`YYYY-MM`); tiers and churn are recomputed.

    Args:
        account_id (UUID):
        month (str):
        body (RevenueAmount):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonthlyRevenueOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        month=month,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: UUID,
    month: str,
    *,
    client: AuthenticatedClient | Client,
    body: RevenueAmount,
) -> MonthlyRevenueOut | ProblemDetails | None:
    """Set an account's revenue for a month

     Create or replace the month's revenue (`YYYY-MM`); tiers and churn are recomputed.

    Args:
        account_id (UUID):
        month (str):
        body (RevenueAmount):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonthlyRevenueOut | ProblemDetails
    """

    return sync_detailed(
        account_id=account_id,
        month=month,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    account_id: UUID,
    month: str,
    *,
    client: AuthenticatedClient | Client,
    body: RevenueAmount,
) -> Response[MonthlyRevenueOut | ProblemDetails]:
    """Set an account's revenue for a month

     Create or replace the month's revenue (`YYYY-MM`); tiers and churn are recomputed.

    Args:
        account_id (UUID):
        month (str):
        body (RevenueAmount):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonthlyRevenueOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        month=month,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: UUID,
    month: str,
    *,
    client: AuthenticatedClient | Client,
    body: RevenueAmount,
) -> MonthlyRevenueOut | ProblemDetails | None:
    """Set an account's revenue for a month

     Create or replace the month's revenue (`YYYY-MM`); tiers and churn are recomputed.

    Args:
        account_id (UUID):
        month (str):
        body (RevenueAmount):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonthlyRevenueOut | ProblemDetails
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            month=month,
            client=client,
            body=body,
        )
    ).parsed
