from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approver_assignment_page import ApproverAssignmentPage
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    approver_role: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_user_id: None | str | Unset
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    elif isinstance(user_id, UUID):
        json_user_id = str(user_id)
    else:
        json_user_id = user_id
    params["user_id"] = json_user_id

    json_org_unit_id: None | str | Unset
    if isinstance(org_unit_id, Unset):
        json_org_unit_id = UNSET
    elif isinstance(org_unit_id, UUID):
        json_org_unit_id = str(org_unit_id)
    else:
        json_org_unit_id = org_unit_id
    params["org_unit_id"] = json_org_unit_id

    json_approver_role: None | str | Unset
    if isinstance(approver_role, Unset):
        json_approver_role = UNSET
    else:
        json_approver_role = approver_role
    params["approver_role"] = json_approver_role

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
        "url": "/api/v1/approvals/assignments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApproverAssignmentPage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ApproverAssignmentPage.from_dict(response.json())

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
) -> Response[ApproverAssignmentPage | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    user_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    approver_role: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[ApproverAssignmentPage | ProblemDetails]:
    """List approver assignments

     List approver assignments, oldest first, filtered by member, org unit or role.

    Args:
        user_id (None | Unset | UUID):
        org_unit_id (None | Unset | UUID):
        approver_role (None | str | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApproverAssignmentPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        org_unit_id=org_unit_id,
        approver_role=approver_role,
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
    user_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    approver_role: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> ApproverAssignmentPage | ProblemDetails | None:
    """List approver assignments

     List approver assignments, oldest first, filtered by member, org unit or role.

    Args:
        user_id (None | Unset | UUID):
        org_unit_id (None | Unset | UUID):
        approver_role (None | str | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApproverAssignmentPage | ProblemDetails
    """

    return sync_detailed(
        client=client,
        user_id=user_id,
        org_unit_id=org_unit_id,
        approver_role=approver_role,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    user_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    approver_role: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[ApproverAssignmentPage | ProblemDetails]:
    """List approver assignments

     List approver assignments, oldest first, filtered by member, org unit or role.

    Args:
        user_id (None | Unset | UUID):
        org_unit_id (None | Unset | UUID):
        approver_role (None | str | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApproverAssignmentPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        org_unit_id=org_unit_id,
        approver_role=approver_role,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    user_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    approver_role: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> ApproverAssignmentPage | ProblemDetails | None:
    """List approver assignments

     List approver assignments, oldest first, filtered by member, org unit or role.

    Args:
        user_id (None | Unset | UUID):
        org_unit_id (None | Unset | UUID):
        approver_role (None | str | Unset):
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApproverAssignmentPage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            user_id=user_id,
            org_unit_id=org_unit_id,
            approver_role=approver_role,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
