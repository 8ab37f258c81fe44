from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_customer_request import CreateCustomerRequest
from ...models.created_customer_response import CreatedCustomerResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: CreateCustomerRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/customers/internal/create",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreatedCustomerResponse | ErrorEnvelope | None:
    if response.status_code == 201:
        response_201 = CreatedCustomerResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorEnvelope.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorEnvelope.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreatedCustomerResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCustomerRequest,
) -> Response[CreatedCustomerResponse | ErrorEnvelope]:
    """Create a customer record

     Creates the customer record of a newly registered user (guide §4.9).
    Called by the Auth Service after a registration. The record starts
    `Active` and `Regular`, with zero statistics, default preferences and
    no tags; `customerSince` is the time of the request unless given. The
    e-mail address is stored lower-cased and the contact number as given.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - A second create for the same `userId` is a 409 and leaves the
      existing record unchanged, also when duplicate creates arrive
      concurrently (never a 500).
    - `contactNumber` follows the Auth Service's own format (10 to 15
      characters of digits, `+`, `-`, spaces and parentheses), so every
      number the Auth Service accepts is accepted here.

    Args:
        body (CreateCustomerRequest): The customer record to create for a newly registered user
            (guide §4.9). New records start `Active` and `Regular` with zero statistics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedCustomerResponse | ErrorEnvelope]
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
    client: AuthenticatedClient,
    body: CreateCustomerRequest,
) -> CreatedCustomerResponse | ErrorEnvelope | None:
    """Create a customer record

     Creates the customer record of a newly registered user (guide §4.9).
    Called by the Auth Service after a registration. The record starts
    `Active` and `Regular`, with zero statistics, default preferences and
    no tags; `customerSince` is the time of the request unless given. The
    e-mail address is stored lower-cased and the contact number as given.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - A second create for the same `userId` is a 409 and leaves the
      existing record unchanged, also when duplicate creates arrive
      concurrently (never a 500).
    - `contactNumber` follows the Auth Service's own format (10 to 15
      characters of digits, `+`, `-`, spaces and parentheses), so every
      number the Auth Service accepts is accepted here.

    Args:
        body (CreateCustomerRequest): The customer record to create for a newly registered user
            (guide §4.9). New records start `Active` and `Regular` with zero statistics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedCustomerResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCustomerRequest,
) -> Response[CreatedCustomerResponse | ErrorEnvelope]:
    """Create a customer record

     Creates the customer record of a newly registered user (guide §4.9).
    Called by the Auth Service after a registration. The record starts
    `Active` and `Regular`, with zero statistics, default preferences and
    no tags; `customerSince` is the time of the request unless given. The
    e-mail address is stored lower-cased and the contact number as given.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - A second create for the same `userId` is a 409 and leaves the
      existing record unchanged, also when duplicate creates arrive
      concurrently (never a 500).
    - `contactNumber` follows the Auth Service's own format (10 to 15
      characters of digits, `+`, `-`, spaces and parentheses), so every
      number the Auth Service accepts is accepted here.

    Args:
        body (CreateCustomerRequest): The customer record to create for a newly registered user
            (guide §4.9). New records start `Active` and `Regular` with zero statistics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedCustomerResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateCustomerRequest,
) -> CreatedCustomerResponse | ErrorEnvelope | None:
    """Create a customer record

     Creates the customer record of a newly registered user (guide §4.9).
    Called by the Auth Service after a registration. The record starts
    `Active` and `Regular`, with zero statistics, default preferences and
    no tags; `customerSince` is the time of the request unless given. The
    e-mail address is stored lower-cased and the contact number as given.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - A second create for the same `userId` is a 409 and leaves the
      existing record unchanged, also when duplicate creates arrive
      concurrently (never a 500).
    - `contactNumber` follows the Auth Service's own format (10 to 15
      characters of digits, `+`, `-`, spaces and parentheses), so every
      number the Auth Service accepts is accepted here.

    Args:
        body (CreateCustomerRequest): The customer record to create for a newly registered user
            (guide §4.9). New records start `Active` and `Regular` with zero statistics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedCustomerResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
