from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appraisal_view import AppraisalView
from ...models.final_level_change import FinalLevelChange
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appraisal_id: UUID,
    *,
    body: FinalLevelChange,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/hr/appraisals/{appraisal_id}/final-level".format(
            appraisal_id=quote(str(appraisal_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppraisalView | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = AppraisalView.from_dict(response.json())

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
) -> Response[AppraisalView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appraisal_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: FinalLevelChange,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[AppraisalView | ProblemDetails]:
    """Calibrate an appraisal's final level

     HR sets the final level with a reason (audited); ``null`` goes back to the roll-up's level.

    Args:
        appraisal_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (FinalLevelChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppraisalView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        appraisal_id=appraisal_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appraisal_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: FinalLevelChange,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> AppraisalView | ProblemDetails | None:
    """Calibrate an appraisal's final level

     HR sets the final level with a reason (audited); ``null`` goes back to the roll-up's level.

    Args:
        appraisal_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (FinalLevelChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppraisalView | ProblemDetails
    """

    return sync_detailed(
        appraisal_id=appraisal_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    appraisal_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: FinalLevelChange,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[AppraisalView | ProblemDetails]:
    """Calibrate an appraisal's final level

     HR sets the final level with a reason (audited); ``null`` goes back to the roll-up's level.

    Args:
        appraisal_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (FinalLevelChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppraisalView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        appraisal_id=appraisal_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appraisal_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: FinalLevelChange,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> AppraisalView | ProblemDetails | None:
    """Calibrate an appraisal's final level

     HR sets the final level with a reason (audited); ``null`` goes back to the roll-up's level.

    Args:
        appraisal_id (UUID):
        if_match (str): The `version` you read; stale writes get 412.
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (FinalLevelChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppraisalView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            appraisal_id=appraisal_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
