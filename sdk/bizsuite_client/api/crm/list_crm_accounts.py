from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_kind import AccountKind
from ...models.account_page import AccountPage
from ...models.account_status import AccountStatus
from ...models.problem_details import ProblemDetails
from ...models.tier import Tier
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    kind: AccountKind | None | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    zone_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_before: None | str | Unset
    if isinstance(before, Unset):
        json_before = UNSET
    else:
        json_before = before
    params["before"] = json_before

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    params["count"] = count

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, str):
        json_kind = kind
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_tier: None | str | Unset
    if isinstance(tier, Unset):
        json_tier = UNSET
    elif isinstance(tier, str):
        json_tier = tier
    else:
        json_tier = tier
    params["tier"] = json_tier

    json_owner_user_id: None | str | Unset
    if isinstance(owner_user_id, Unset):
        json_owner_user_id = UNSET
    elif isinstance(owner_user_id, UUID):
        json_owner_user_id = str(owner_user_id)
    else:
        json_owner_user_id = owner_user_id
    params["owner_user_id"] = json_owner_user_id

    json_zone_id: None | str | Unset
    if isinstance(zone_id, Unset):
        json_zone_id = UNSET
    elif isinstance(zone_id, UUID):
        json_zone_id = str(zone_id)
    else:
        json_zone_id = zone_id
    params["zone_id"] = json_zone_id

    json_org_unit_id: None | str | Unset
    if isinstance(org_unit_id, Unset):
        json_org_unit_id = UNSET
    elif isinstance(org_unit_id, UUID):
        json_org_unit_id = str(org_unit_id)
    else:
        json_org_unit_id = org_unit_id
    params["org_unit_id"] = json_org_unit_id

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/crm/accounts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountPage | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = AccountPage.from_dict(response.json())

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
) -> Response[AccountPage | ProblemDetails]:
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
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    kind: AccountKind | None | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    zone_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[AccountPage | ProblemDetails]:
    """List accounts

     List accounts, newest first or in the order ``sort`` names, filtered by kind, status,
    tier, owner, zone, org unit, or ``q`` found anywhere in names, codes, phones and contacts.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``code``, ``name``, ``trailing_revenue``,
            ``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.
        count (bool | Unset): Also count the accounts the filters leave (``total``). Default:
            False.
        kind (AccountKind | None | Unset):
        status (AccountStatus | None | Unset):
        tier (None | Tier | Unset):
        owner_user_id (None | Unset | UUID):
        zone_id (None | Unset | UUID):
        org_unit_id (None | Unset | UUID):
        q (None | str | Unset): Text found anywhere in the account's name, code or phone, or a
            contact's name or phone, in any case (``明辉``, ``c-001``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
        kind=kind,
        status=status,
        tier=tier,
        owner_user_id=owner_user_id,
        zone_id=zone_id,
        org_unit_id=org_unit_id,
        q=q,
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
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    kind: AccountKind | None | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    zone_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> AccountPage | ProblemDetails | None:
    """List accounts

     List accounts, newest first or in the order ``sort`` names, filtered by kind, status,
    tier, owner, zone, org unit, or ``q`` found anywhere in names, codes, phones and contacts.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``code``, ``name``, ``trailing_revenue``,
            ``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.
        count (bool | Unset): Also count the accounts the filters leave (``total``). Default:
            False.
        kind (AccountKind | None | Unset):
        status (AccountStatus | None | Unset):
        tier (None | Tier | Unset):
        owner_user_id (None | Unset | UUID):
        zone_id (None | Unset | UUID):
        org_unit_id (None | Unset | UUID):
        q (None | str | Unset): Text found anywhere in the account's name, code or phone, or a
            contact's name or phone, in any case (``明辉``, ``c-001``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountPage | ProblemDetails
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
        kind=kind,
        status=status,
        tier=tier,
        owner_user_id=owner_user_id,
        zone_id=zone_id,
        org_unit_id=org_unit_id,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    kind: AccountKind | None | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    zone_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[AccountPage | ProblemDetails]:
    """List accounts

     List accounts, newest first or in the order ``sort`` names, filtered by kind, status,
    tier, owner, zone, org unit, or ``q`` found anywhere in names, codes, phones and contacts.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``code``, ``name``, ``trailing_revenue``,
            ``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.
        count (bool | Unset): Also count the accounts the filters leave (``total``). Default:
            False.
        kind (AccountKind | None | Unset):
        status (AccountStatus | None | Unset):
        tier (None | Tier | Unset):
        owner_user_id (None | Unset | UUID):
        zone_id (None | Unset | UUID):
        org_unit_id (None | Unset | UUID):
        q (None | str | Unset): Text found anywhere in the account's name, code or phone, or a
            contact's name or phone, in any case (``明辉``, ``c-001``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountPage | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        before=before,
        sort=sort,
        count=count,
        kind=kind,
        status=status,
        tier=tier,
        owner_user_id=owner_user_id,
        zone_id=zone_id,
        org_unit_id=org_unit_id,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    before: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    count: bool | Unset = False,
    kind: AccountKind | None | Unset = UNSET,
    status: AccountStatus | None | Unset = UNSET,
    tier: None | Tier | Unset = UNSET,
    owner_user_id: None | Unset | UUID = UNSET,
    zone_id: None | Unset | UUID = UNSET,
    org_unit_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
) -> AccountPage | ProblemDetails | None:
    """List accounts

     List accounts, newest first or in the order ``sort`` names, filtered by kind, status,
    tier, owner, zone, org unit, or ``q`` found anywhere in names, codes, phones and contacts.

    Args:
        limit (int | Unset): Page size, at most 200. Default: 50.
        cursor (None | str | Unset): Opaque cursor from the previous page's `next_cursor`.
        before (None | str | Unset): Opaque cursor from a page's `previous_cursor`: the page
            before it.
        sort (None | str | Unset): Sort column (``code``, ``name``, ``trailing_revenue``,
            ``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.
        count (bool | Unset): Also count the accounts the filters leave (``total``). Default:
            False.
        kind (AccountKind | None | Unset):
        status (AccountStatus | None | Unset):
        tier (None | Tier | Unset):
        owner_user_id (None | Unset | UUID):
        zone_id (None | Unset | UUID):
        org_unit_id (None | Unset | UUID):
        q (None | str | Unset): Text found anywhere in the account's name, code or phone, or a
            contact's name or phone, in any case (``明辉``, ``c-001``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountPage | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            before=before,
            sort=sort,
            count=count,
            kind=kind,
            status=status,
            tier=tier,
            owner_user_id=owner_user_id,
            zone_id=zone_id,
            org_unit_id=org_unit_id,
            q=q,
        )
    ).parsed
