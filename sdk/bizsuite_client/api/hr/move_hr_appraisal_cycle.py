from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appraisal_cycle_move import AppraisalCycleMove
from ...models.appraisal_cycle_view import AppraisalCycleView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appraisal_cycle_id: UUID,
    *,
    body: AppraisalCycleMove,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/hr/appraisal-cycles/{appraisal_cycle_id}/status".format(
            appraisal_cycle_id=quote(str(appraisal_cycle_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppraisalCycleView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = AppraisalCycleView.from_dict(response.json())

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
) -> Response[AppraisalCycleView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appraisal_cycle_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AppraisalCycleMove,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[AppraisalCycleView | ProblemDetails]:
    """Open or close an appraisal cycle

     ``open`` enrols the employees in scope; ``closed`` locks the scores. An illegal move is
    409 listing the allowed ones.

    Args:
        appraisal_cycle_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (AppraisalCycleMove):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppraisalCycleView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        appraisal_cycle_id=appraisal_cycle_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appraisal_cycle_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AppraisalCycleMove,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> AppraisalCycleView | ProblemDetails | None:
    """Open or close an appraisal cycle

     ``open`` enrols the employees in scope; ``closed`` locks the scores. An illegal move is
    409 listing the allowed ones.

    Args:
        appraisal_cycle_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (AppraisalCycleMove):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppraisalCycleView | ProblemDetails
    """

    return sync_detailed(
        appraisal_cycle_id=appraisal_cycle_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    appraisal_cycle_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AppraisalCycleMove,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[AppraisalCycleView | ProblemDetails]:
    """Open or close an appraisal cycle

     ``open`` enrols the employees in scope; ``closed`` locks the scores. An illegal move is
    409 listing the allowed ones.

    Args:
        appraisal_cycle_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (AppraisalCycleMove):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppraisalCycleView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        appraisal_cycle_id=appraisal_cycle_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appraisal_cycle_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AppraisalCycleMove,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> AppraisalCycleView | ProblemDetails | None:
    """Open or close an appraisal cycle

     ``open`` enrols the employees in scope; ``closed`` locks the scores. An illegal move is
    409 listing the allowed ones.

    Args:
        appraisal_cycle_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (AppraisalCycleMove):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppraisalCycleView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            appraisal_cycle_id=appraisal_cycle_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
