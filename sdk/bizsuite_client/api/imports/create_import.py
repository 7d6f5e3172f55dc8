from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_out import ImportOut
from ...models.problem_details import ProblemDetails
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    kind: str,
    name: str,
    content_type: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["kind"] = kind

    params["name"] = name

    json_content_type: None | str | Unset
    if isinstance(content_type, Unset):
        json_content_type = UNSET
    else:
        json_content_type = content_type
    params["content_type"] = json_content_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/imports",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportOut | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = ImportOut.from_dict(response.json())

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
) -> Response[ImportOut | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    kind: str,
    name: str,
    content_type: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportOut | ProblemDetails]:
    """Upload a file for preview

     Upload a CSV or XLSX file for the importer `kind`. Its header row is matched to the
    importer's fields by name (en or zh-CN); the answer is the preview: the mapping, the first
    valid rows, the figures and every row error (row, column, reason, value). A file with
    errors is `rejected`; change the mapping (`PUT .../mapping`) or discard it. One without
    errors waits for `confirm`.

    Args:
        kind (str): The importer: `crm.accounts` (accounts with contacts), `crm.revenue` (monthly
            revenue).
        name (str): The file's name.
        content_type (None | str | Unset): The file's type, when the Content-Type header cannot
            carry it (overrides the header).
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
        kind=kind,
        name=name,
        content_type=content_type,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    kind: str,
    name: str,
    content_type: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ImportOut | ProblemDetails | None:
    """Upload a file for preview

     Upload a CSV or XLSX file for the importer `kind`. Its header row is matched to the
    importer's fields by name (en or zh-CN); the answer is the preview: the mapping, the first
    valid rows, the figures and every row error (row, column, reason, value). A file with
    errors is `rejected`; change the mapping (`PUT .../mapping`) or discard it. One without
    errors waits for `confirm`.

    Args:
        kind (str): The importer: `crm.accounts` (accounts with contacts), `crm.revenue` (monthly
            revenue).
        name (str): The file's name.
        content_type (None | str | Unset): The file's type, when the Content-Type header cannot
            carry it (overrides the header).
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportOut | ProblemDetails
    """

    return sync_detailed(
        client=client,
        body=body,
        kind=kind,
        name=name,
        content_type=content_type,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    kind: str,
    name: str,
    content_type: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportOut | ProblemDetails]:
    """Upload a file for preview

     Upload a CSV or XLSX file for the importer `kind`. Its header row is matched to the
    importer's fields by name (en or zh-CN); the answer is the preview: the mapping, the first
    valid rows, the figures and every row error (row, column, reason, value). A file with
    errors is `rejected`; change the mapping (`PUT .../mapping`) or discard it. One without
    errors waits for `confirm`.

    Args:
        kind (str): The importer: `crm.accounts` (accounts with contacts), `crm.revenue` (monthly
            revenue).
        name (str): The file's name.
        content_type (None | str | Unset): The file's type, when the Content-Type header cannot
            carry it (overrides the header).
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
        kind=kind,
        name=name,
        content_type=content_type,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    kind: str,
    name: str,
    content_type: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ImportOut | ProblemDetails | None:
    """Upload a file for preview

     Upload a CSV or XLSX file for the importer `kind`. Its header row is matched to the
    importer's fields by name (en or zh-CN); the answer is the preview: the mapping, the first
    valid rows, the figures and every row error (row, column, reason, value). A file with
    errors is `rejected`; change the mapping (`PUT .../mapping`) or discard it. One without
    errors waits for `confirm`.

    Args:
        kind (str): The importer: `crm.accounts` (accounts with contacts), `crm.revenue` (monthly
            revenue).
        name (str): The file's name.
        content_type (None | str | Unset): The file's type, when the Content-Type header cannot
            carry it (overrides the header).
        idempotency_key (str | Unset): A unique key (a UUID); a retry with the same key replays
            the first response.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportOut | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            kind=kind,
            name=name,
            content_type=content_type,
            idempotency_key=idempotency_key,
        )
    ).parsed
