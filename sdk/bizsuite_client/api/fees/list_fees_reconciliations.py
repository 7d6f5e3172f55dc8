from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fee_reconciliation_page import FeeReconciliationPage
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    org_unit_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    quarter: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_org_unit_id: None | str | Unset
    if isinstance(org_unit_id, Unset):
        json_org_unit_id = UNSET
    elif isinstance(org_unit_id, UUID):
        json_org_unit_id = str(org_unit_id)
    else:
        json_org_unit_id = org_unit_id
    params["org_unit_id"] = json_org_unit_id

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_quarter: int | None | Unset
    if isinstance(quarter, Unset):
        json_quarter = UNSET
    else:
        json_quarter = quarter
    params["quarter"] = json_quarter

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
        "url": "/api/v1/fees/reconciliations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FeeReconciliationPage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = FeeReconciliationPage.from_dict(response.json())

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
) -> Response[FeeReconciliationPage | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    org_unit_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    quarter: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[FeeReconciliationPage | ProblemDetails]:
    """List reconciliations

     Reconciliations, newest first.

    Args:
        org_unit_id (None | Unset | UUID): The subsidiary (org unit id).
        year (int | None | Unset): Fee year.
        quarter (int | None | Unset): Quarter (1–4).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeeReconciliationPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        org_unit_id=org_unit_id,
        year=year,
        quarter=quarter,
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
    org_unit_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    quarter: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> FeeReconciliationPage | ProblemDetails | None:
    """List reconciliations

     Reconciliations, newest first.

    Args:
        org_unit_id (None | Unset | UUID): The subsidiary (org unit id).
        year (int | None | Unset): Fee year.
        quarter (int | None | Unset): Quarter (1–4).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeeReconciliationPage | ProblemDetails
    """

    return sync_detailed(
        client=client,
        org_unit_id=org_unit_id,
        year=year,
        quarter=quarter,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    org_unit_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    quarter: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[FeeReconciliationPage | ProblemDetails]:
    """List reconciliations

     Reconciliations, newest first.

    Args:
        org_unit_id (None | Unset | UUID): The subsidiary (org unit id).
        year (int | None | Unset): Fee year.
        quarter (int | None | Unset): Quarter (1–4).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeeReconciliationPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        org_unit_id=org_unit_id,
        year=year,
        quarter=quarter,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    org_unit_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    quarter: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> FeeReconciliationPage | ProblemDetails | None:
    """List reconciliations

     Reconciliations, newest first.

    Args:
        org_unit_id (None | Unset | UUID): The subsidiary (org unit id).
        year (int | None | Unset): Fee year.
        quarter (int | None | Unset): Quarter (1–4).
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeeReconciliationPage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            org_unit_id=org_unit_id,
            year=year,
            quarter=quarter,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
