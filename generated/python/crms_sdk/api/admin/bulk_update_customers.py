from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_operation_request import BulkOperationRequest
from ...models.bulk_operation_response import BulkOperationResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: BulkOperationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/customers/bulk",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BulkOperationResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = BulkOperationResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

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
) -> Response[BulkOperationResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BulkOperationRequest,
) -> Response[BulkOperationResponse | ErrorEnvelope]:
    """Apply one action to many customers

     Applies one action to up to 100 customers: `setStatus`, `setType`,
    `addTags` or `removeTags` (see `BulkOperationRequest` for what `value`
    must be for each). Each customer is changed on its own (one
    single-document write each, at most 8 at a time); the answer has one
    result per id, **in request order**, and the counts.

    **Who may call:** administrators.

    **Semantics**
    - `setStatus` goes through the same path as
      `PATCH /api/customers/{customerId}/status`: history entry with the
      reason and the Auth Service synchronisation (`authSync` per result).
    - `setType` records the change in each type history like
      `PATCH /api/customers/{customerId}/type`.
    - A customer that already has the status/type, already has the tags or
      lacks the tags to remove succeeds without a change.

    **Partial failure.** The request answers 200 as long as it is valid,
    even when some or all customers fail: an unknown id, a customer whose
    tags would exceed 50, or a customer that could not be written fails
    alone (`success: false` with `error.message`); the others are applied.

    **Edge cases**
    - A malformed or repeated id, no id or more than 100 ids, an unknown
      `action`, a `value` that does not fit the action or a `reason` with a
      tag action are rejected with 400 for the whole request; nothing is
      applied.
    - Not atomic across customers and not idempotent: repeat it only with
      the ids that failed.

    **More than 100 customers** ("select all N that match"): the client
    reads the ids from `GET /api/customers` with the same filters
    (`limit=100`, following `nextCursor`) and sends them here 100 at a
    time, one request after another. The API takes ids, not a filter: the
    customers changed are exactly the ones the administrator was shown and
    confirmed (a filter evaluated at write time would also change those
    that began to match since, e.g. new registrations), every request stays
    short (a status change also calls the Auth Service), and each result
    names a customer the client already knows by name.

    Args:
        body (BulkOperationRequest): One action applied to up to 100 customers. What `value` must
            be depends on `action`:
            | action | value | reason | |---|---|---| | `setStatus` | a `CustomerStatus` | optional,
            recorded in each status history | | `setType` | a `CustomerType` | optional, recorded in
            each type history | | `addTags` | `Tags` (at least one): added to each customer's tags
            (trimmed, de-duplicated) | not allowed | | `removeTags` | `Tags` (at least one): removed
            where present | not allowed |
            A `value` that does not fit the `action` (or a `reason` with a tag action) is rejected
            with 400 for the whole request: nothing is applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkOperationResponse | ErrorEnvelope]
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
    body: BulkOperationRequest,
) -> BulkOperationResponse | ErrorEnvelope | None:
    """Apply one action to many customers

     Applies one action to up to 100 customers: `setStatus`, `setType`,
    `addTags` or `removeTags` (see `BulkOperationRequest` for what `value`
    must be for each). Each customer is changed on its own (one
    single-document write each, at most 8 at a time); the answer has one
    result per id, **in request order**, and the counts.

    **Who may call:** administrators.

    **Semantics**
    - `setStatus` goes through the same path as
      `PATCH /api/customers/{customerId}/status`: history entry with the
      reason and the Auth Service synchronisation (`authSync` per result).
    - `setType` records the change in each type history like
      `PATCH /api/customers/{customerId}/type`.
    - A customer that already has the status/type, already has the tags or
      lacks the tags to remove succeeds without a change.

    **Partial failure.** The request answers 200 as long as it is valid,
    even when some or all customers fail: an unknown id, a customer whose
    tags would exceed 50, or a customer that could not be written fails
    alone (`success: false` with `error.message`); the others are applied.

    **Edge cases**
    - A malformed or repeated id, no id or more than 100 ids, an unknown
      `action`, a `value` that does not fit the action or a `reason` with a
      tag action are rejected with 400 for the whole request; nothing is
      applied.
    - Not atomic across customers and not idempotent: repeat it only with
      the ids that failed.

    **More than 100 customers** ("select all N that match"): the client
    reads the ids from `GET /api/customers` with the same filters
    (`limit=100`, following `nextCursor`) and sends them here 100 at a
    time, one request after another. The API takes ids, not a filter: the
    customers changed are exactly the ones the administrator was shown and
    confirmed (a filter evaluated at write time would also change those
    that began to match since, e.g. new registrations), every request stays
    short (a status change also calls the Auth Service), and each result
    names a customer the client already knows by name.

    Args:
        body (BulkOperationRequest): One action applied to up to 100 customers. What `value` must
            be depends on `action`:
            | action | value | reason | |---|---|---| | `setStatus` | a `CustomerStatus` | optional,
            recorded in each status history | | `setType` | a `CustomerType` | optional, recorded in
            each type history | | `addTags` | `Tags` (at least one): added to each customer's tags
            (trimmed, de-duplicated) | not allowed | | `removeTags` | `Tags` (at least one): removed
            where present | not allowed |
            A `value` that does not fit the `action` (or a `reason` with a tag action) is rejected
            with 400 for the whole request: nothing is applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkOperationResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BulkOperationRequest,
) -> Response[BulkOperationResponse | ErrorEnvelope]:
    """Apply one action to many customers

     Applies one action to up to 100 customers: `setStatus`, `setType`,
    `addTags` or `removeTags` (see `BulkOperationRequest` for what `value`
    must be for each). Each customer is changed on its own (one
    single-document write each, at most 8 at a time); the answer has one
    result per id, **in request order**, and the counts.

    **Who may call:** administrators.

    **Semantics**
    - `setStatus` goes through the same path as
      `PATCH /api/customers/{customerId}/status`: history entry with the
      reason and the Auth Service synchronisation (`authSync` per result).
    - `setType` records the change in each type history like
      `PATCH /api/customers/{customerId}/type`.
    - A customer that already has the status/type, already has the tags or
      lacks the tags to remove succeeds without a change.

    **Partial failure.** The request answers 200 as long as it is valid,
    even when some or all customers fail: an unknown id, a customer whose
    tags would exceed 50, or a customer that could not be written fails
    alone (`success: false` with `error.message`); the others are applied.

    **Edge cases**
    - A malformed or repeated id, no id or more than 100 ids, an unknown
      `action`, a `value` that does not fit the action or a `reason` with a
      tag action are rejected with 400 for the whole request; nothing is
      applied.
    - Not atomic across customers and not idempotent: repeat it only with
      the ids that failed.

    **More than 100 customers** ("select all N that match"): the client
    reads the ids from `GET /api/customers` with the same filters
    (`limit=100`, following `nextCursor`) and sends them here 100 at a
    time, one request after another. The API takes ids, not a filter: the
    customers changed are exactly the ones the administrator was shown and
    confirmed (a filter evaluated at write time would also change those
    that began to match since, e.g. new registrations), every request stays
    short (a status change also calls the Auth Service), and each result
    names a customer the client already knows by name.

    Args:
        body (BulkOperationRequest): One action applied to up to 100 customers. What `value` must
            be depends on `action`:
            | action | value | reason | |---|---|---| | `setStatus` | a `CustomerStatus` | optional,
            recorded in each status history | | `setType` | a `CustomerType` | optional, recorded in
            each type history | | `addTags` | `Tags` (at least one): added to each customer's tags
            (trimmed, de-duplicated) | not allowed | | `removeTags` | `Tags` (at least one): removed
            where present | not allowed |
            A `value` that does not fit the `action` (or a `reason` with a tag action) is rejected
            with 400 for the whole request: nothing is applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkOperationResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BulkOperationRequest,
) -> BulkOperationResponse | ErrorEnvelope | None:
    """Apply one action to many customers

     Applies one action to up to 100 customers: `setStatus`, `setType`,
    `addTags` or `removeTags` (see `BulkOperationRequest` for what `value`
    must be for each). Each customer is changed on its own (one
    single-document write each, at most 8 at a time); the answer has one
    result per id, **in request order**, and the counts.

    **Who may call:** administrators.

    **Semantics**
    - `setStatus` goes through the same path as
      `PATCH /api/customers/{customerId}/status`: history entry with the
      reason and the Auth Service synchronisation (`authSync` per result).
    - `setType` records the change in each type history like
      `PATCH /api/customers/{customerId}/type`.
    - A customer that already has the status/type, already has the tags or
      lacks the tags to remove succeeds without a change.

    **Partial failure.** The request answers 200 as long as it is valid,
    even when some or all customers fail: an unknown id, a customer whose
    tags would exceed 50, or a customer that could not be written fails
    alone (`success: false` with `error.message`); the others are applied.

    **Edge cases**
    - A malformed or repeated id, no id or more than 100 ids, an unknown
      `action`, a `value` that does not fit the action or a `reason` with a
      tag action are rejected with 400 for the whole request; nothing is
      applied.
    - Not atomic across customers and not idempotent: repeat it only with
      the ids that failed.

    **More than 100 customers** ("select all N that match"): the client
    reads the ids from `GET /api/customers` with the same filters
    (`limit=100`, following `nextCursor`) and sends them here 100 at a
    time, one request after another. The API takes ids, not a filter: the
    customers changed are exactly the ones the administrator was shown and
    confirmed (a filter evaluated at write time would also change those
    that began to match since, e.g. new registrations), every request stays
    short (a status change also calls the Auth Service), and each result
    names a customer the client already knows by name.

    Args:
        body (BulkOperationRequest): One action applied to up to 100 customers. What `value` must
            be depends on `action`:
            | action | value | reason | |---|---|---| | `setStatus` | a `CustomerStatus` | optional,
            recorded in each status history | | `setType` | a `CustomerType` | optional, recorded in
            each type history | | `addTags` | `Tags` (at least one): added to each customer's tags
            (trimmed, de-duplicated) | not allowed | | `removeTags` | `Tags` (at least one): removed
            where present | not allowed |
            A `value` that does not fit the `action` (or a `reason` with a tag action) is rejected
            with 400 for the whole request: nothing is applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkOperationResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
