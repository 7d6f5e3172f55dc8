from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.ticket_category import TicketCategory
from ...models.ticket_page import TicketPage
from ...models.ticket_priority import TicketPriority
from ...models.ticket_status import TicketStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    status: None | TicketStatus | Unset = UNSET,
    category: None | TicketCategory | Unset = UNSET,
    priority: None | TicketPriority | Unset = UNSET,
    assignee_user_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    breached: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, str):
        json_category = category
    else:
        json_category = category
    params["category"] = json_category

    json_priority: None | str | Unset
    if isinstance(priority, Unset):
        json_priority = UNSET
    elif isinstance(priority, str):
        json_priority = priority
    else:
        json_priority = priority
    params["priority"] = json_priority

    json_assignee_user_id: None | str | Unset
    if isinstance(assignee_user_id, Unset):
        json_assignee_user_id = UNSET
    elif isinstance(assignee_user_id, UUID):
        json_assignee_user_id = str(assignee_user_id)
    else:
        json_assignee_user_id = assignee_user_id
    params["assignee_user_id"] = json_assignee_user_id

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    elif isinstance(account_id, UUID):
        json_account_id = str(account_id)
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    json_breached: bool | None | Unset
    if isinstance(breached, Unset):
        json_breached = UNSET
    else:
        json_breached = breached
    params["breached"] = json_breached

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/crm/tickets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | TicketPage | None:
    if response.status_code == 200:
        response_200 = TicketPage.from_dict(response.json())

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
) -> Response[ProblemDetails | TicketPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    status: None | TicketStatus | Unset = UNSET,
    category: None | TicketCategory | Unset = UNSET,
    priority: None | TicketPriority | Unset = UNSET,
    assignee_user_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    breached: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[ProblemDetails | TicketPage]:
    """List service tickets

     List tickets, newest first or in the order ``sort`` names, with their milestones'
    states; filtered by status, category, priority, assignee, account, breach, or ``q``.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``number``, ``title``, ``priority``, ``status``,
            ``created_at``, ``updated_at``); ``-`` first for descending. Default ``-created_at``; ties
            go by id.
        count (bool | Unset): Also count the tickets the filters leave (``total``). Default:
            False.
        status (None | TicketStatus | Unset):
        category (None | TicketCategory | Unset):
        priority (None | TicketPriority | Unset):
        assignee_user_id (None | Unset | UUID):
        account_id (None | Unset | UUID):
        breached (bool | None | Unset):
        q (None | str | Unset): Text found anywhere in the title, in any case (``电梯``), or the
            ticket's number (``T-000123`` or ``123``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | TicketPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
        status=status,
        category=category,
        priority=priority,
        assignee_user_id=assignee_user_id,
        account_id=account_id,
        breached=breached,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    status: None | TicketStatus | Unset = UNSET,
    category: None | TicketCategory | Unset = UNSET,
    priority: None | TicketPriority | Unset = UNSET,
    assignee_user_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    breached: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> ProblemDetails | TicketPage | None:
    """List service tickets

     List tickets, newest first or in the order ``sort`` names, with their milestones'
    states; filtered by status, category, priority, assignee, account, breach, or ``q``.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``number``, ``title``, ``priority``, ``status``,
            ``created_at``, ``updated_at``); ``-`` first for descending. Default ``-created_at``; ties
            go by id.
        count (bool | Unset): Also count the tickets the filters leave (``total``). Default:
            False.
        status (None | TicketStatus | Unset):
        category (None | TicketCategory | Unset):
        priority (None | TicketPriority | Unset):
        assignee_user_id (None | Unset | UUID):
        account_id (None | Unset | UUID):
        breached (bool | None | Unset):
        q (None | str | Unset): Text found anywhere in the title, in any case (``电梯``), or the
            ticket's number (``T-000123`` or ``123``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | TicketPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
        status=status,
        category=category,
        priority=priority,
        assignee_user_id=assignee_user_id,
        account_id=account_id,
        breached=breached,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    status: None | TicketStatus | Unset = UNSET,
    category: None | TicketCategory | Unset = UNSET,
    priority: None | TicketPriority | Unset = UNSET,
    assignee_user_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    breached: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[ProblemDetails | TicketPage]:
    """List service tickets

     List tickets, newest first or in the order ``sort`` names, with their milestones'
    states; filtered by status, category, priority, assignee, account, breach, or ``q``.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``number``, ``title``, ``priority``, ``status``,
            ``created_at``, ``updated_at``); ``-`` first for descending. Default ``-created_at``; ties
            go by id.
        count (bool | Unset): Also count the tickets the filters leave (``total``). Default:
            False.
        status (None | TicketStatus | Unset):
        category (None | TicketCategory | Unset):
        priority (None | TicketPriority | Unset):
        assignee_user_id (None | Unset | UUID):
        account_id (None | Unset | UUID):
        breached (bool | None | Unset):
        q (None | str | Unset): Text found anywhere in the title, in any case (``电梯``), or the
            ticket's number (``T-000123`` or ``123``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | TicketPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
        status=status,
        category=category,
        priority=priority,
        assignee_user_id=assignee_user_id,
        account_id=account_id,
        breached=breached,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    status: None | TicketStatus | Unset = UNSET,
    category: None | TicketCategory | Unset = UNSET,
    priority: None | TicketPriority | Unset = UNSET,
    assignee_user_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    breached: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> ProblemDetails | TicketPage | None:
    """List service tickets

     List tickets, newest first or in the order ``sort`` names, with their milestones'
    states; filtered by status, category, priority, assignee, account, breach, or ``q``.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``number``, ``title``, ``priority``, ``status``,
            ``created_at``, ``updated_at``); ``-`` first for descending. Default ``-created_at``; ties
            go by id.
        count (bool | Unset): Also count the tickets the filters leave (``total``). Default:
            False.
        status (None | TicketStatus | Unset):
        category (None | TicketCategory | Unset):
        priority (None | TicketPriority | Unset):
        assignee_user_id (None | Unset | UUID):
        account_id (None | Unset | UUID):
        breached (bool | None | Unset):
        q (None | str | Unset): Text found anywhere in the title, in any case (``电梯``), or the
            ticket's number (``T-000123`` or ``123``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | TicketPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            before=before,
            sort=sort,
            count=count,
            status=status,
            category=category,
            priority=priority,
            assignee_user_id=assignee_user_id,
            account_id=account_id,
            breached=breached,
            q=q,
        )
    ).parsed
