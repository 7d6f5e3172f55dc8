from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appraisal_cycle_page import AppraisalCyclePage
from ...models.cycle_status import CycleStatus
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    status: CycleStatus | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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

    json_before: None | str | Unset
    if isinstance(before, Unset):
        json_before = UNSET
    else:
        json_before = before
    params["before"] = json_before

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    params["count"] = count

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/hr/appraisal-cycles",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppraisalCyclePage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = AppraisalCyclePage.from_dict(response.json())

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
) -> Response[AppraisalCyclePage | ProblemDetails]:
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
    status: CycleStatus | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
) -> Response[AppraisalCyclePage | ProblemDetails]:
    """List appraisal cycles

     List cycles, latest period first or in the order ``sort`` names, by name and status.

    Args:
        q (None | str | Unset): Text found in the name or the scope.
        status (CycleStatus | None | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``name``, ``period``, ``status``, ``scope``,
            ``appraisals``, ``created_at``); ``-`` first for descending. Default ``-period``; ties go
            by id.
        count (bool | Unset): Also count the positions the filters leave (``total``). Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppraisalCyclePage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        q=q,
        status=status,
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    status: CycleStatus | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
) -> AppraisalCyclePage | ProblemDetails | None:
    """List appraisal cycles

     List cycles, latest period first or in the order ``sort`` names, by name and status.

    Args:
        q (None | str | Unset): Text found in the name or the scope.
        status (CycleStatus | None | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``name``, ``period``, ``status``, ``scope``,
            ``appraisals``, ``created_at``); ``-`` first for descending. Default ``-period``; ties go
            by id.
        count (bool | Unset): Also count the positions the filters leave (``total``). Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppraisalCyclePage | ProblemDetails
    """

    return sync_detailed(
        client=client,
        q=q,
        status=status,
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    status: CycleStatus | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
) -> Response[AppraisalCyclePage | ProblemDetails]:
    """List appraisal cycles

     List cycles, latest period first or in the order ``sort`` names, by name and status.

    Args:
        q (None | str | Unset): Text found in the name or the scope.
        status (CycleStatus | None | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``name``, ``period``, ``status``, ``scope``,
            ``appraisals``, ``created_at``); ``-`` first for descending. Default ``-period``; ties go
            by id.
        count (bool | Unset): Also count the positions the filters leave (``total``). Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppraisalCyclePage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        q=q,
        status=status,
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    status: CycleStatus | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
) -> AppraisalCyclePage | ProblemDetails | None:
    """List appraisal cycles

     List cycles, latest period first or in the order ``sort`` names, by name and status.

    Args:
        q (None | str | Unset): Text found in the name or the scope.
        status (CycleStatus | None | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``name``, ``period``, ``status``, ``scope``,
            ``appraisals``, ``created_at``); ``-`` first for descending. Default ``-period``; ties go
            by id.
        count (bool | Unset): Also count the positions the filters leave (``total``). Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppraisalCyclePage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            status=status,
            limit=limit,
            cursor=cursor,
            before=before,
            sort=sort,
            count=count,
        )
    ).parsed
