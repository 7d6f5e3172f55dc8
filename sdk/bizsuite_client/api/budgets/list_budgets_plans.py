from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.budget_plan_page import BudgetPlanPage
from ...models.plan_status import PlanStatus
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fiscal_year: int | None | Unset = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    status: None | PlanStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    json_org_unit_id: None | str | Unset
    if isinstance(org_unit_id, Unset):
        json_org_unit_id = UNSET
    elif isinstance(org_unit_id, UUID):
        json_org_unit_id = str(org_unit_id)
    else:
        json_org_unit_id = org_unit_id
    params["org_unit_id"] = json_org_unit_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/api/v1/budgets/plans",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BudgetPlanPage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = BudgetPlanPage.from_dict(response.json())

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
) -> Response[BudgetPlanPage | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    fiscal_year: int | None | Unset = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    status: None | PlanStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[BudgetPlanPage | ProblemDetails]:
    """List plans

     Plans, newest first, by fiscal year, cost centre and status.

    Args:
        fiscal_year (int | None | Unset): Fiscal year.
        org_unit_id (None | Unset | UUID):
        status (None | PlanStatus | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetPlanPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        org_unit_id=org_unit_id,
        status=status,
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
    fiscal_year: int | None | Unset = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    status: None | PlanStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> BudgetPlanPage | ProblemDetails | None:
    """List plans

     Plans, newest first, by fiscal year, cost centre and status.

    Args:
        fiscal_year (int | None | Unset): Fiscal year.
        org_unit_id (None | Unset | UUID):
        status (None | PlanStatus | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetPlanPage | ProblemDetails
    """

    return sync_detailed(
        client=client,
        fiscal_year=fiscal_year,
        org_unit_id=org_unit_id,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fiscal_year: int | None | Unset = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    status: None | PlanStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[BudgetPlanPage | ProblemDetails]:
    """List plans

     Plans, newest first, by fiscal year, cost centre and status.

    Args:
        fiscal_year (int | None | Unset): Fiscal year.
        org_unit_id (None | Unset | UUID):
        status (None | PlanStatus | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetPlanPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        org_unit_id=org_unit_id,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fiscal_year: int | None | Unset = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    status: None | PlanStatus | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> BudgetPlanPage | ProblemDetails | None:
    """List plans

     Plans, newest first, by fiscal year, cost centre and status.

    Args:
        fiscal_year (int | None | Unset): Fiscal year.
        org_unit_id (None | Unset | UUID):
        status (None | PlanStatus | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetPlanPage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            fiscal_year=fiscal_year,
            org_unit_id=org_unit_id,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
