from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.inbox_items_read import InboxItemsRead
from ...models.marked_read import MarkedRead
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: InboxItemsRead,
    user_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_user_id: None | str | Unset
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    elif isinstance(user_id, UUID):
        json_user_id = str(user_id)
    else:
        json_user_id = user_id
    params["user_id"] = json_user_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/inbox/read",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MarkedRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = MarkedRead.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

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
) -> Response[MarkedRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InboxItemsRead,
    user_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[MarkedRead | ProblemDetails]:
    """Mark several inbox items read

     Mark the given inbox items read, all or none (an id not in this inbox: 404).

    Args:
        user_id (None | Unset | UUID): The member whose inbox it is (default: the signed-in user;
            admins may name any).
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (InboxItemsRead):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MarkedRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
        user_id=user_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: InboxItemsRead,
    user_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> MarkedRead | ProblemDetails | None:
    """Mark several inbox items read

     Mark the given inbox items read, all or none (an id not in this inbox: 404).

    Args:
        user_id (None | Unset | UUID): The member whose inbox it is (default: the signed-in user;
            admins may name any).
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (InboxItemsRead):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MarkedRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        body=body,
        user_id=user_id,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InboxItemsRead,
    user_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[MarkedRead | ProblemDetails]:
    """Mark several inbox items read

     Mark the given inbox items read, all or none (an id not in this inbox: 404).

    Args:
        user_id (None | Unset | UUID): The member whose inbox it is (default: the signed-in user;
            admins may name any).
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (InboxItemsRead):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MarkedRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
        user_id=user_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InboxItemsRead,
    user_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> MarkedRead | ProblemDetails | None:
    """Mark several inbox items read

     Mark the given inbox items read, all or none (an id not in this inbox: 404).

    Args:
        user_id (None | Unset | UUID): The member whose inbox it is (default: the signed-in user;
            admins may name any).
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (InboxItemsRead):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MarkedRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            user_id=user_id,
            idempotency_key=idempotency_key,
        )
    ).parsed
