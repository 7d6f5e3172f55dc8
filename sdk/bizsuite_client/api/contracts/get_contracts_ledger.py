from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.direction import Direction
from ...models.get_contracts_ledger_by import GetContractsLedgerBy
from ...models.ledger_report import LedgerReport
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    by: GetContractsLedgerBy | Unset = "counterparty",
    direction: Direction | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by

    params["by"] = json_by

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction

    params["direction"] = json_direction

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/contracts/ledger",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LedgerReport | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = LedgerReport.from_dict(response.json())

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
) -> Response[LedgerReport | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    by: GetContractsLedgerBy | Unset = "counterparty",
    direction: Direction | Unset = UNSET,
) -> Response[LedgerReport | ProblemDetails]:
    """The contracts ledger

     Contracts, value, settled and open (= value - settled) per group, base currency.

    Args:
        by (GetContractsLedgerBy | Unset): Group by counterparty, project, status or signing
            month. Default: 'counterparty'.
        direction (Direction | Unset): Income contracts (收入合同) bring money in; expenditure
            contracts (支出合同) pay it out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerReport | ProblemDetails]
    """

    kwargs = _get_kwargs(
        by=by,
        direction=direction,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    by: GetContractsLedgerBy | Unset = "counterparty",
    direction: Direction | Unset = UNSET,
) -> LedgerReport | ProblemDetails | None:
    """The contracts ledger

     Contracts, value, settled and open (= value - settled) per group, base currency.

    Args:
        by (GetContractsLedgerBy | Unset): Group by counterparty, project, status or signing
            month. Default: 'counterparty'.
        direction (Direction | Unset): Income contracts (收入合同) bring money in; expenditure
            contracts (支出合同) pay it out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerReport | ProblemDetails
    """

    return sync_detailed(
        client=client,
        by=by,
        direction=direction,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    by: GetContractsLedgerBy | Unset = "counterparty",
    direction: Direction | Unset = UNSET,
) -> Response[LedgerReport | ProblemDetails]:
    """The contracts ledger

     Contracts, value, settled and open (= value - settled) per group, base currency.

    Args:
        by (GetContractsLedgerBy | Unset): Group by counterparty, project, status or signing
            month. Default: 'counterparty'.
        direction (Direction | Unset): Income contracts (收入合同) bring money in; expenditure
            contracts (支出合同) pay it out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LedgerReport | ProblemDetails]
    """

    kwargs = _get_kwargs(
        by=by,
        direction=direction,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    by: GetContractsLedgerBy | Unset = "counterparty",
    direction: Direction | Unset = UNSET,
) -> LedgerReport | ProblemDetails | None:
    """The contracts ledger

     Contracts, value, settled and open (= value - settled) per group, base currency.

    Args:
        by (GetContractsLedgerBy | Unset): Group by counterparty, project, status or signing
            month. Default: 'counterparty'.
        direction (Direction | Unset): Income contracts (收入合同) bring money in; expenditure
            contracts (支出合同) pay it out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LedgerReport | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            by=by,
            direction=direction,
        )
    ).parsed
