from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.budget_expense_page import BudgetExpensePage
from ...models.expense_kind import ExpenseKind
from ...models.expense_status import ExpenseStatus
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    kind: ExpenseKind | None | Unset = UNSET,
    status: ExpenseStatus | None | Unset = UNSET,
    line_id: None | Unset | UUID = UNSET,
    plan_id: None | Unset | UUID = UNSET,
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

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, str):
        json_kind = kind
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_line_id: None | str | Unset
    if isinstance(line_id, Unset):
        json_line_id = UNSET
    elif isinstance(line_id, UUID):
        json_line_id = str(line_id)
    else:
        json_line_id = line_id
    params["line_id"] = json_line_id

    json_plan_id: None | str | Unset
    if isinstance(plan_id, Unset):
        json_plan_id = UNSET
    elif isinstance(plan_id, UUID):
        json_plan_id = str(plan_id)
    else:
        json_plan_id = plan_id
    params["plan_id"] = json_plan_id

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
        "url": "/api/v1/budgets/expenses",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BudgetExpensePage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = BudgetExpensePage.from_dict(response.json())

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
) -> Response[BudgetExpensePage | ProblemDetails]:
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
    kind: ExpenseKind | None | Unset = UNSET,
    status: ExpenseStatus | None | Unset = UNSET,
    line_id: None | Unset | UUID = UNSET,
    plan_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[BudgetExpensePage | ProblemDetails]:
    """List expenses

     Expenses, newest first, by kind, status, line or plan.

    Args:
        q (None | str | Unset): Text in the title.
        kind (ExpenseKind | None | Unset):
        status (ExpenseStatus | None | Unset):
        line_id (None | Unset | UUID):
        plan_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetExpensePage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        q=q,
        kind=kind,
        status=status,
        line_id=line_id,
        plan_id=plan_id,
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
    kind: ExpenseKind | None | Unset = UNSET,
    status: ExpenseStatus | None | Unset = UNSET,
    line_id: None | Unset | UUID = UNSET,
    plan_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> BudgetExpensePage | ProblemDetails | None:
    """List expenses

     Expenses, newest first, by kind, status, line or plan.

    Args:
        q (None | str | Unset): Text in the title.
        kind (ExpenseKind | None | Unset):
        status (ExpenseStatus | None | Unset):
        line_id (None | Unset | UUID):
        plan_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetExpensePage | ProblemDetails
    """

    return sync_detailed(
        client=client,
        q=q,
        kind=kind,
        status=status,
        line_id=line_id,
        plan_id=plan_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    kind: ExpenseKind | None | Unset = UNSET,
    status: ExpenseStatus | None | Unset = UNSET,
    line_id: None | Unset | UUID = UNSET,
    plan_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[BudgetExpensePage | ProblemDetails]:
    """List expenses

     Expenses, newest first, by kind, status, line or plan.

    Args:
        q (None | str | Unset): Text in the title.
        kind (ExpenseKind | None | Unset):
        status (ExpenseStatus | None | Unset):
        line_id (None | Unset | UUID):
        plan_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetExpensePage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        q=q,
        kind=kind,
        status=status,
        line_id=line_id,
        plan_id=plan_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    kind: ExpenseKind | None | Unset = UNSET,
    status: ExpenseStatus | None | Unset = UNSET,
    line_id: None | Unset | UUID = UNSET,
    plan_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> BudgetExpensePage | ProblemDetails | None:
    """List expenses

     Expenses, newest first, by kind, status, line or plan.

    Args:
        q (None | str | Unset): Text in the title.
        kind (ExpenseKind | None | Unset):
        status (ExpenseStatus | None | Unset):
        line_id (None | Unset | UUID):
        plan_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetExpensePage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            kind=kind,
            status=status,
            line_id=line_id,
            plan_id=plan_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
