from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.opportunity_page import OpportunityPage
from ...models.opportunity_status import OpportunityStatus
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    stage_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    status: None | OpportunityStatus | Unset = UNSET,
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

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_stage_id: None | str | Unset
    if isinstance(stage_id, Unset):
        json_stage_id = UNSET
    elif isinstance(stage_id, UUID):
        json_stage_id = str(stage_id)
    else:
        json_stage_id = stage_id
    params["stage_id"] = json_stage_id

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    elif isinstance(account_id, UUID):
        json_account_id = str(account_id)
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

    json_owner_user_id: None | str | Unset
    if isinstance(owner_user_id, Unset):
        json_owner_user_id = UNSET
    elif isinstance(owner_user_id, UUID):
        json_owner_user_id = str(owner_user_id)
    else:
        json_owner_user_id = owner_user_id
    params["owner_user_id"] = json_owner_user_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/crm/opportunities",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OpportunityPage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = OpportunityPage.from_dict(response.json())

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
) -> Response[OpportunityPage | ProblemDetails]:
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
    q: None | str | Unset = UNSET,
    stage_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    status: None | OpportunityStatus | Unset = UNSET,
) -> Response[OpportunityPage | ProblemDetails]:
    """List opportunities

     List opportunities, newest first or in the order ``sort`` names, by stage, account,
    owner or status (open/won/lost), or ``q`` found in their or their account's name.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``name``, ``amount``, ``weighted_amount``,
            ``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.
        count (bool | Unset): Also count the opportunities the filters leave (``total``). Default:
            False.
        q (None | str | Unset): Text found anywhere in the opportunity's name or its account's
            code, name or phone, in any case (``电梯``).
        stage_id (None | Unset | UUID):
        account_id (None | Unset | UUID):
        owner_user_id (None | Unset | UUID):
        status (None | OpportunityStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpportunityPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
        q=q,
        stage_id=stage_id,
        account_id=account_id,
        owner_user_id=owner_user_id,
        status=status,
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
    q: None | str | Unset = UNSET,
    stage_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    status: None | OpportunityStatus | Unset = UNSET,
) -> OpportunityPage | ProblemDetails | None:
    """List opportunities

     List opportunities, newest first or in the order ``sort`` names, by stage, account,
    owner or status (open/won/lost), or ``q`` found in their or their account's name.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``name``, ``amount``, ``weighted_amount``,
            ``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.
        count (bool | Unset): Also count the opportunities the filters leave (``total``). Default:
            False.
        q (None | str | Unset): Text found anywhere in the opportunity's name or its account's
            code, name or phone, in any case (``电梯``).
        stage_id (None | Unset | UUID):
        account_id (None | Unset | UUID):
        owner_user_id (None | Unset | UUID):
        status (None | OpportunityStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpportunityPage | ProblemDetails
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
        q=q,
        stage_id=stage_id,
        account_id=account_id,
        owner_user_id=owner_user_id,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    stage_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    status: None | OpportunityStatus | Unset = UNSET,
) -> Response[OpportunityPage | ProblemDetails]:
    """List opportunities

     List opportunities, newest first or in the order ``sort`` names, by stage, account,
    owner or status (open/won/lost), or ``q`` found in their or their account's name.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``name``, ``amount``, ``weighted_amount``,
            ``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.
        count (bool | Unset): Also count the opportunities the filters leave (``total``). Default:
            False.
        q (None | str | Unset): Text found anywhere in the opportunity's name or its account's
            code, name or phone, in any case (``电梯``).
        stage_id (None | Unset | UUID):
        account_id (None | Unset | UUID):
        owner_user_id (None | Unset | UUID):
        status (None | OpportunityStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpportunityPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
        q=q,
        stage_id=stage_id,
        account_id=account_id,
        owner_user_id=owner_user_id,
        status=status,
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
    q: None | str | Unset = UNSET,
    stage_id: None | Unset | UUID = UNSET,
    account_id: None | Unset | UUID = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    status: None | OpportunityStatus | Unset = UNSET,
) -> OpportunityPage | ProblemDetails | None:
    """List opportunities

     List opportunities, newest first or in the order ``sort`` names, by stage, account,
    owner or status (open/won/lost), or ``q`` found in their or their account's name.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``name``, ``amount``, ``weighted_amount``,
            ``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.
        count (bool | Unset): Also count the opportunities the filters leave (``total``). Default:
            False.
        q (None | str | Unset): Text found anywhere in the opportunity's name or its account's
            code, name or phone, in any case (``电梯``).
        stage_id (None | Unset | UUID):
        account_id (None | Unset | UUID):
        owner_user_id (None | Unset | UUID):
        status (None | OpportunityStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpportunityPage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            before=before,
            sort=sort,
            count=count,
            q=q,
            stage_id=stage_id,
            account_id=account_id,
            owner_user_id=owner_user_id,
            status=status,
        )
    ).parsed
