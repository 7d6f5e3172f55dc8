from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.addon_quantity import AddonQuantity
from ...models.problem_details import ProblemDetails
from ...models.subscription_out import SubscriptionOut
from ...types import Response


def _get_kwargs(
    tenant_id: UUID,
    addon_code: str,
    *,
    body: AddonQuantity,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/billing/tenants/{tenant_id}/subscription/addons/{addon_code}".format(
            tenant_id=quote(str(tenant_id), safe=""),
            addon_code=quote(str(addon_code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | SubscriptionOut | None:
    if response.status_code == 200:
        response_200 = SubscriptionOut.from_dict(response.json())

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
) -> Response[ProblemDetails | SubscriptionOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: UUID,
    addon_code: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddonQuantity,
) -> Response[ProblemDetails | SubscriptionOut]:
    """Set a tenant's add-on quantity

     Carry this many units of the add-on (0 removes it), prorated for the rest of the period.

    Args:
        tenant_id (UUID):
        addon_code (str):
        body (AddonQuantity):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SubscriptionOut]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        addon_code=addon_code,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: UUID,
    addon_code: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddonQuantity,
) -> ProblemDetails | SubscriptionOut | None:
    """Set a tenant's add-on quantity

     Carry this many units of the add-on (0 removes it), prorated for the rest of the period.

    Args:
        tenant_id (UUID):
        addon_code (str):
        body (AddonQuantity):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SubscriptionOut
    """

    return sync_detailed(
        tenant_id=tenant_id,
        addon_code=addon_code,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    tenant_id: UUID,
    addon_code: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddonQuantity,
) -> Response[ProblemDetails | SubscriptionOut]:
    """Set a tenant's add-on quantity

     Carry this many units of the add-on (0 removes it), prorated for the rest of the period.

    Args:
        tenant_id (UUID):
        addon_code (str):
        body (AddonQuantity):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SubscriptionOut]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        addon_code=addon_code,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: UUID,
    addon_code: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddonQuantity,
) -> ProblemDetails | SubscriptionOut | None:
    """Set a tenant's add-on quantity

     Carry this many units of the add-on (0 removes it), prorated for the rest of the period.

    Args:
        tenant_id (UUID):
        addon_code (str):
        body (AddonQuantity):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SubscriptionOut
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            addon_code=addon_code,
            client=client,
            body=body,
        )
    ).parsed
