from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.budget_analysis import BudgetAnalysis
from ...models.get_budgets_analysis_group_by import GetBudgetsAnalysisGroupBy
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fiscal_year: int,
    group_by: GetBudgetsAnalysisGroupBy | Unset = "category",
    org_unit_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by

    params["group_by"] = json_group_by

    json_org_unit_id: None | str | Unset
    if isinstance(org_unit_id, Unset):
        json_org_unit_id = UNSET
    elif isinstance(org_unit_id, UUID):
        json_org_unit_id = str(org_unit_id)
    else:
        json_org_unit_id = org_unit_id
    params["org_unit_id"] = json_org_unit_id

    json_category_id: None | str | Unset
    if isinstance(category_id, Unset):
        json_category_id = UNSET
    elif isinstance(category_id, UUID):
        json_category_id = str(category_id)
    else:
        json_category_id = category_id
    params["category_id"] = json_category_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/budgets/analysis",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BudgetAnalysis | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = BudgetAnalysis.from_dict(response.json())

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
) -> Response[BudgetAnalysis | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    fiscal_year: int,
    group_by: GetBudgetsAnalysisGroupBy | Unset = "category",
    org_unit_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
) -> Response[BudgetAnalysis | ProblemDetails]:
    """Budget vs committed vs actual

     Budget, committed (incl. awaiting approval), actual, variance and % used of the year's
    approved plans, with the formula.

    Args:
        fiscal_year (int): Fiscal year.
        group_by (GetBudgetsAnalysisGroupBy | Unset): Group by cost centre, category, period or
            quarter. Default: 'category'.
        org_unit_id (None | Unset | UUID):
        category_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetAnalysis | ProblemDetails]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        group_by=group_by,
        org_unit_id=org_unit_id,
        category_id=category_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    fiscal_year: int,
    group_by: GetBudgetsAnalysisGroupBy | Unset = "category",
    org_unit_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
) -> BudgetAnalysis | ProblemDetails | None:
    """Budget vs committed vs actual

     Budget, committed (incl. awaiting approval), actual, variance and % used of the year's
    approved plans, with the formula.

    Args:
        fiscal_year (int): Fiscal year.
        group_by (GetBudgetsAnalysisGroupBy | Unset): Group by cost centre, category, period or
            quarter. Default: 'category'.
        org_unit_id (None | Unset | UUID):
        category_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetAnalysis | ProblemDetails
    """

    return sync_detailed(
        client=client,
        fiscal_year=fiscal_year,
        group_by=group_by,
        org_unit_id=org_unit_id,
        category_id=category_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fiscal_year: int,
    group_by: GetBudgetsAnalysisGroupBy | Unset = "category",
    org_unit_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
) -> Response[BudgetAnalysis | ProblemDetails]:
    """Budget vs committed vs actual

     Budget, committed (incl. awaiting approval), actual, variance and % used of the year's
    approved plans, with the formula.

    Args:
        fiscal_year (int): Fiscal year.
        group_by (GetBudgetsAnalysisGroupBy | Unset): Group by cost centre, category, period or
            quarter. Default: 'category'.
        org_unit_id (None | Unset | UUID):
        category_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetAnalysis | ProblemDetails]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        group_by=group_by,
        org_unit_id=org_unit_id,
        category_id=category_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fiscal_year: int,
    group_by: GetBudgetsAnalysisGroupBy | Unset = "category",
    org_unit_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
) -> BudgetAnalysis | ProblemDetails | None:
    """Budget vs committed vs actual

     Budget, committed (incl. awaiting approval), actual, variance and % used of the year's
    approved plans, with the formula.

    Args:
        fiscal_year (int): Fiscal year.
        group_by (GetBudgetsAnalysisGroupBy | Unset): Group by cost centre, category, period or
            quarter. Default: 'category'.
        org_unit_id (None | Unset | UUID):
        category_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetAnalysis | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            fiscal_year=fiscal_year,
            group_by=group_by,
            org_unit_id=org_unit_id,
            category_id=category_id,
        )
    ).parsed
