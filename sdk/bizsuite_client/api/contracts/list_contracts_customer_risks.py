from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_risk_page import CustomerRiskPage
from ...models.problem_details import ProblemDetails
from ...models.tier import Tier
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    account_id: list[UUID] | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_account_id: list[str] | None | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    elif isinstance(account_id, list):
        json_account_id = []
        for account_id_type_0_item_data in account_id:
            account_id_type_0_item = str(account_id_type_0_item_data)
            json_account_id.append(account_id_type_0_item)

    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    json_tier: None | str | Unset
    if isinstance(tier, Unset):
        json_tier = UNSET
    elif isinstance(tier, str):
        json_tier = tier
    else:
        json_tier = tier
    params["tier"] = json_tier

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
        "url": "/api/v1/contracts/customer-risks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerRiskPage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = CustomerRiskPage.from_dict(response.json())

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
) -> Response[CustomerRiskPage | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: list[UUID] | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[CustomerRiskPage | ProblemDetails]:
    """Customers' risk scores and their reasons

     Without ``account_id``: a page of CRM's churn watch list (its order: tier A first, then
    the most revenue at stake; ``tier``, ``limit`` and ``cursor`` as ``list_crm_churn_risks``),
    each account with its risk score and reasons. With ``account_id`` (repeated, at most 200):
    those accounts, in that order, on one page; an account not the tenant's is 404.

    Args:
        account_id (list[UUID] | None | Unset): CRM account ids (repeat the parameter, at most
            200): their risks, in this order.
        tier (None | Tier | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerRiskPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        tier=tier,
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
    account_id: list[UUID] | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> CustomerRiskPage | ProblemDetails | None:
    """Customers' risk scores and their reasons

     Without ``account_id``: a page of CRM's churn watch list (its order: tier A first, then
    the most revenue at stake; ``tier``, ``limit`` and ``cursor`` as ``list_crm_churn_risks``),
    each account with its risk score and reasons. With ``account_id`` (repeated, at most 200):
    those accounts, in that order, on one page; an account not the tenant's is 404.

    Args:
        account_id (list[UUID] | None | Unset): CRM account ids (repeat the parameter, at most
            200): their risks, in this order.
        tier (None | Tier | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerRiskPage | ProblemDetails
    """

    return sync_detailed(
        client=client,
        account_id=account_id,
        tier=tier,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    account_id: list[UUID] | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[CustomerRiskPage | ProblemDetails]:
    """Customers' risk scores and their reasons

     Without ``account_id``: a page of CRM's churn watch list (its order: tier A first, then
    the most revenue at stake; ``tier``, ``limit`` and ``cursor`` as ``list_crm_churn_risks``),
    each account with its risk score and reasons. With ``account_id`` (repeated, at most 200):
    those accounts, in that order, on one page; an account not the tenant's is 404.

    Args:
        account_id (list[UUID] | None | Unset): CRM account ids (repeat the parameter, at most
            200): their risks, in this order.
        tier (None | Tier | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerRiskPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        tier=tier,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    account_id: list[UUID] | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> CustomerRiskPage | ProblemDetails | None:
    """Customers' risk scores and their reasons

     Without ``account_id``: a page of CRM's churn watch list (its order: tier A first, then
    the most revenue at stake; ``tier``, ``limit`` and ``cursor`` as ``list_crm_churn_risks``),
    each account with its risk score and reasons. With ``account_id`` (repeated, at most 200):
    those accounts, in that order, on one page; an account not the tenant's is 404.

    Args:
        account_id (list[UUID] | None | Unset): CRM account ids (repeat the parameter, at most
            200): their risks, in this order.
        tier (None | Tier | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerRiskPage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            account_id=account_id,
            tier=tier,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
