from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.reseller_user_create import ResellerUserCreate
from ...models.reseller_user_out import ResellerUserOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    reseller_id: UUID,
    *,
    body: ResellerUserCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/resellers/{reseller_id}/users".format(
            reseller_id=quote(str(reseller_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ResellerUserOut | None:
    if response.status_code == 201:
        response_201 = ResellerUserOut.from_dict(response.json())

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
) -> Response[ProblemDetails | ResellerUserOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reseller_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ResellerUserCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetails | ResellerUserOut]:
    """Create a reseller portal user

     A person who signs in to the reseller portal (`/reseller/login`) for this reseller.

    With `password`, they can sign in at once. Without it, a one-time link to choose a password
    (valid 7 days) is emailed to them and returned in `set_password_link`, in this answer only.
    409 naming `email` when that email already has a portal account.

    Args:
        reseller_id (UUID):
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (ResellerUserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ResellerUserOut]
    """

    kwargs = _get_kwargs(
        reseller_id=reseller_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    reseller_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ResellerUserCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetails | ResellerUserOut | None:
    """Create a reseller portal user

     A person who signs in to the reseller portal (`/reseller/login`) for this reseller.

    With `password`, they can sign in at once. Without it, a one-time link to choose a password
    (valid 7 days) is emailed to them and returned in `set_password_link`, in this answer only.
    409 naming `email` when that email already has a portal account.

    Args:
        reseller_id (UUID):
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (ResellerUserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ResellerUserOut
    """

    return sync_detailed(
        reseller_id=reseller_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    reseller_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ResellerUserCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetails | ResellerUserOut]:
    """Create a reseller portal user

     A person who signs in to the reseller portal (`/reseller/login`) for this reseller.

    With `password`, they can sign in at once. Without it, a one-time link to choose a password
    (valid 7 days) is emailed to them and returned in `set_password_link`, in this answer only.
    409 naming `email` when that email already has a portal account.

    Args:
        reseller_id (UUID):
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (ResellerUserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ResellerUserOut]
    """

    kwargs = _get_kwargs(
        reseller_id=reseller_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    reseller_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ResellerUserCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetails | ResellerUserOut | None:
    """Create a reseller portal user

     A person who signs in to the reseller portal (`/reseller/login`) for this reseller.

    With `password`, they can sign in at once. Without it, a one-time link to choose a password
    (valid 7 days) is emailed to them and returned in `set_password_link`, in this answer only.
    409 naming `email` when that email already has a portal account.

    Args:
        reseller_id (UUID):
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (ResellerUserCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ResellerUserOut
    """

    return (
        await asyncio_detailed(
            reseller_id=reseller_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
