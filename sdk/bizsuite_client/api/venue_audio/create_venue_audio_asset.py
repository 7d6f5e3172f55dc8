from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_create import AssetCreate
from ...models.asset_view import AssetView
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AssetCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/venue-audio/assets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetView | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = AssetView.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

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
) -> Response[AssetView | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AssetCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AssetView | ProblemDetails]:
    """Register an audio asset

     Register an uploaded file (``POST /api/v1/files``) as an asset: a WAV, MP3, Ogg, FLAC or
    AAC (``audio/mp4``: M4A; ``audio/aac``: ADTS) file whose duration, format and loudness (EBU
    R 128 integrated loudness, in LUFS) are read from it, kept with the MP3 players receive
    (``delivery_file_id``); another type is 422 naming ``file_id``.

    Args:
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (AssetCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AssetCreate,
    idempotency_key: str | Unset = UNSET,
) -> AssetView | ProblemDetails | None:
    """Register an audio asset

     Register an uploaded file (``POST /api/v1/files``) as an asset: a WAV, MP3, Ogg, FLAC or
    AAC (``audio/mp4``: M4A; ``audio/aac``: ADTS) file whose duration, format and loudness (EBU
    R 128 integrated loudness, in LUFS) are read from it, kept with the MP3 players receive
    (``delivery_file_id``); another type is 422 naming ``file_id``.

    Args:
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (AssetCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetView | ProblemDetails
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AssetCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AssetView | ProblemDetails]:
    """Register an audio asset

     Register an uploaded file (``POST /api/v1/files``) as an asset: a WAV, MP3, Ogg, FLAC or
    AAC (``audio/mp4``: M4A; ``audio/aac``: ADTS) file whose duration, format and loudness (EBU
    R 128 integrated loudness, in LUFS) are read from it, kept with the MP3 players receive
    (``delivery_file_id``); another type is 422 naming ``file_id``.

    Args:
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (AssetCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetView | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AssetCreate,
    idempotency_key: str | Unset = UNSET,
) -> AssetView | ProblemDetails | None:
    """Register an audio asset

     Register an uploaded file (``POST /api/v1/files``) as an asset: a WAV, MP3, Ogg, FLAC or
    AAC (``audio/mp4``: M4A; ``audio/aac``: ADTS) file whose duration, format and loudness (EBU
    R 128 integrated loudness, in LUFS) are read from it, kept with the MP3 players receive
    (``delivery_file_id``); another type is 422 naming ``file_id``.

    Args:
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (AssetCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetView | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
