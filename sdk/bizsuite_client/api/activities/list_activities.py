from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activity_status import ActivityStatus
from ...models.problem_details import ProblemDetails
from ...models.scheduled_activity_page import ScheduledActivityPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    assignee_user_id: None | Unset | UUID = UNSET,
    target_type: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    status: ActivityStatus | None | Unset = "planned",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_assignee_user_id: None | str | Unset
    if isinstance(assignee_user_id, Unset):
        json_assignee_user_id = UNSET
    elif isinstance(assignee_user_id, UUID):
        json_assignee_user_id = str(assignee_user_id)
    else:
        json_assignee_user_id = assignee_user_id
    params["assignee_user_id"] = json_assignee_user_id

    json_target_type: None | str | Unset
    if isinstance(target_type, Unset):
        json_target_type = UNSET
    else:
        json_target_type = target_type
    params["target_type"] = json_target_type

    json_target_id: None | str | Unset
    if isinstance(target_id, Unset):
        json_target_id = UNSET
    elif isinstance(target_id, UUID):
        json_target_id = str(target_id)
    else:
        json_target_id = target_id
    params["target_id"] = json_target_id

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
        "url": "/api/v1/activities",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ScheduledActivityPage | None:
    if response.status_code == 200:
        response_200 = ScheduledActivityPage.from_dict(response.json())

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
) -> Response[ProblemDetails | ScheduledActivityPage]:
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
    assignee_user_id: None | Unset | UUID = UNSET,
    target_type: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    status: ActivityStatus | None | Unset = "planned",
) -> Response[ProblemDetails | ScheduledActivityPage]:
    """List activities

     Activities, soonest due first, each with its state on the tenant's today.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        assignee_user_id (None | Unset | UUID):
        target_type (None | str | Unset):
        target_id (None | Unset | UUID):
        status (ActivityStatus | None | Unset):  Default: 'planned'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ScheduledActivityPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        assignee_user_id=assignee_user_id,
        target_type=target_type,
        target_id=target_id,
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
    assignee_user_id: None | Unset | UUID = UNSET,
    target_type: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    status: ActivityStatus | None | Unset = "planned",
) -> ProblemDetails | ScheduledActivityPage | None:
    """List activities

     Activities, soonest due first, each with its state on the tenant's today.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        assignee_user_id (None | Unset | UUID):
        target_type (None | str | Unset):
        target_id (None | Unset | UUID):
        status (ActivityStatus | None | Unset):  Default: 'planned'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ScheduledActivityPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        assignee_user_id=assignee_user_id,
        target_type=target_type,
        target_id=target_id,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    assignee_user_id: None | Unset | UUID = UNSET,
    target_type: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    status: ActivityStatus | None | Unset = "planned",
) -> Response[ProblemDetails | ScheduledActivityPage]:
    """List activities

     Activities, soonest due first, each with its state on the tenant's today.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        assignee_user_id (None | Unset | UUID):
        target_type (None | str | Unset):
        target_id (None | Unset | UUID):
        status (ActivityStatus | None | Unset):  Default: 'planned'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ScheduledActivityPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        assignee_user_id=assignee_user_id,
        target_type=target_type,
        target_id=target_id,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    assignee_user_id: None | Unset | UUID = UNSET,
    target_type: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    status: ActivityStatus | None | Unset = "planned",
) -> ProblemDetails | ScheduledActivityPage | None:
    """List activities

     Activities, soonest due first, each with its state on the tenant's today.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        assignee_user_id (None | Unset | UUID):
        target_type (None | str | Unset):
        target_id (None | Unset | UUID):
        status (ActivityStatus | None | Unset):  Default: 'planned'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ScheduledActivityPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            assignee_user_id=assignee_user_id,
            target_type=target_type,
            target_id=target_id,
            status=status,
        )
    ).parsed
