from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.fee_schedule_update import FeeScheduleUpdate
from ...models.fee_schedule_view import FeeScheduleView
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    schedule_id: UUID,
    *,
    body: FeeScheduleUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/fees/schedules/{schedule_id}".format(
            schedule_id=quote(str(schedule_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FeeScheduleView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = FeeScheduleView.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = ProblemDetails.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ProblemDetails.from_dict(response.json())

        return response_428

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
) -> Response[FeeScheduleView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    schedule_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: FeeScheduleUpdate,
    if_match: str,
) -> Response[FeeScheduleView | ProblemDetails]:
    """Edit a fee schedule version

     Replace a version's fields and components while no statement was generated from it
    (409 ``schedule-in-use`` otherwise: add a new version from an effective date).

    Args:
        schedule_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        body (FeeScheduleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeeScheduleView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        schedule_id=schedule_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    schedule_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: FeeScheduleUpdate,
    if_match: str,
) -> FeeScheduleView | ProblemDetails | None:
    """Edit a fee schedule version

     Replace a version's fields and components while no statement was generated from it
    (409 ``schedule-in-use`` otherwise: add a new version from an effective date).

    Args:
        schedule_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        body (FeeScheduleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeeScheduleView | ProblemDetails
    """

    return sync_detailed(
        schedule_id=schedule_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    schedule_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: FeeScheduleUpdate,
    if_match: str,
) -> Response[FeeScheduleView | ProblemDetails]:
    """Edit a fee schedule version

     Replace a version's fields and components while no statement was generated from it
    (409 ``schedule-in-use`` otherwise: add a new version from an effective date).

    Args:
        schedule_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        body (FeeScheduleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeeScheduleView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        schedule_id=schedule_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    schedule_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: FeeScheduleUpdate,
    if_match: str,
) -> FeeScheduleView | ProblemDetails | None:
    """Edit a fee schedule version

     Replace a version's fields and components while no statement was generated from it
    (409 ``schedule-in-use`` otherwise: add a new version from an effective date).

    Args:
        schedule_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        body (FeeScheduleUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeeScheduleView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            schedule_id=schedule_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
