from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.tenant_provision import TenantProvision
from ...models.tenant_provisioned import TenantProvisioned
from ...types import Response


def _get_kwargs(
    *,
    body: TenantProvision,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tenants/provision",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | TenantProvisioned | None:
    if response.status_code == 201:
        response_201 = TenantProvisioned.from_dict(response.json())

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
) -> Response[ProblemDetails | TenantProvisioned]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TenantProvision,
) -> Response[ProblemDetails | TenantProvisioned]:
    """Provision a tenant from a blueprint

     Create a tenant from a blueprint in `tenants/` (its modules, org units, roles and seed
    data), optionally on a plan; invite its first owner by email and/or mint a first API key
    (role admin), whose secret is in this answer only. A slug in use is 409.

    Args:
        body (TenantProvision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | TenantProvisioned]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TenantProvision,
) -> ProblemDetails | TenantProvisioned | None:
    """Provision a tenant from a blueprint

     Create a tenant from a blueprint in `tenants/` (its modules, org units, roles and seed
    data), optionally on a plan; invite its first owner by email and/or mint a first API key
    (role admin), whose secret is in this answer only. A slug in use is 409.

    Args:
        body (TenantProvision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | TenantProvisioned
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TenantProvision,
) -> Response[ProblemDetails | TenantProvisioned]:
    """Provision a tenant from a blueprint

     Create a tenant from a blueprint in `tenants/` (its modules, org units, roles and seed
    data), optionally on a plan; invite its first owner by email and/or mint a first API key
    (role admin), whose secret is in this answer only. A slug in use is 409.

    Args:
        body (TenantProvision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | TenantProvisioned]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TenantProvision,
) -> ProblemDetails | TenantProvisioned | None:
    """Provision a tenant from a blueprint

     Create a tenant from a blueprint in `tenants/` (its modules, org units, roles and seed
    data), optionally on a plan; invite its first owner by email and/or mint a first API key
    (role admin), whose secret is in this answer only. A slug in use is 409.

    Args:
        body (TenantProvision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | TenantProvisioned
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
