from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_update_response import CustomerUpdateResponse
from ...models.error_envelope import ErrorEnvelope
from ...models.update_customer_request import UpdateCustomerRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    customer_id: str,
    *,
    body: UpdateCustomerRequest,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/customers/{customer_id}".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerUpdateResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CustomerUpdateResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 412:
        response_412 = ErrorEnvelope.from_dict(response.json())

        return response_412

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
) -> Response[CustomerUpdateResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCustomerRequest,
    if_match: str | Unset = UNSET,
) -> Response[CustomerUpdateResponse | ErrorEnvelope]:
    """Update a customer

     Updates the administrative settings of a customer (guide §4.5):
    `customerType`, the free-text `notes` summary, `tags` and
    `preferences`. Sets `updatedAt` and `updatedBy` (the administrator's
    user id).

    **Who may call:** administrators.

    **Concurrency.** Send the `ETag` you read as `If-Match` to apply the
    change only if nobody changed the customer since (else 412, nothing
    changed). The answer carries the record's new `ETag`.

    **Semantics**
    - Only the properties sent are changed; at least one is required.
    - `tags` replaces the stored tags; tags are trimmed and de-duplicated
      (at most 50, each 1 to 50 characters).
    - `preferences` is merged into the stored preferences: properties that
      are omitted keep their values.
    - `notes` replaces the summary; an empty string clears it. Dated notes
      are added with `POST /api/customers/{customerId}/notes` instead.
    - A `customerType` change made here is recorded in the type history
      like one made with `PATCH /api/customers/{customerId}/type` (without
      a reason).

    **Edge cases**
    - Any other property, such as `totalOrders` or `customerStatus`, is
      rejected with 400 (no mass assignment); status changes go through
      `PATCH /api/customers/{customerId}/status`.
    - An empty body `{}` is rejected with 400.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (UpdateCustomerRequest): Administrative settings of a customer (guide §4.5). At least
            one property is required; any other property (for example `totalOrders`) is rejected with
            400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerUpdateResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCustomerRequest,
    if_match: str | Unset = UNSET,
) -> CustomerUpdateResponse | ErrorEnvelope | None:
    """Update a customer

     Updates the administrative settings of a customer (guide §4.5):
    `customerType`, the free-text `notes` summary, `tags` and
    `preferences`. Sets `updatedAt` and `updatedBy` (the administrator's
    user id).

    **Who may call:** administrators.

    **Concurrency.** Send the `ETag` you read as `If-Match` to apply the
    change only if nobody changed the customer since (else 412, nothing
    changed). The answer carries the record's new `ETag`.

    **Semantics**
    - Only the properties sent are changed; at least one is required.
    - `tags` replaces the stored tags; tags are trimmed and de-duplicated
      (at most 50, each 1 to 50 characters).
    - `preferences` is merged into the stored preferences: properties that
      are omitted keep their values.
    - `notes` replaces the summary; an empty string clears it. Dated notes
      are added with `POST /api/customers/{customerId}/notes` instead.
    - A `customerType` change made here is recorded in the type history
      like one made with `PATCH /api/customers/{customerId}/type` (without
      a reason).

    **Edge cases**
    - Any other property, such as `totalOrders` or `customerStatus`, is
      rejected with 400 (no mass assignment); status changes go through
      `PATCH /api/customers/{customerId}/status`.
    - An empty body `{}` is rejected with 400.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (UpdateCustomerRequest): Administrative settings of a customer (guide §4.5). At least
            one property is required; any other property (for example `totalOrders`) is rejected with
            400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerUpdateResponse | ErrorEnvelope
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCustomerRequest,
    if_match: str | Unset = UNSET,
) -> Response[CustomerUpdateResponse | ErrorEnvelope]:
    """Update a customer

     Updates the administrative settings of a customer (guide §4.5):
    `customerType`, the free-text `notes` summary, `tags` and
    `preferences`. Sets `updatedAt` and `updatedBy` (the administrator's
    user id).

    **Who may call:** administrators.

    **Concurrency.** Send the `ETag` you read as `If-Match` to apply the
    change only if nobody changed the customer since (else 412, nothing
    changed). The answer carries the record's new `ETag`.

    **Semantics**
    - Only the properties sent are changed; at least one is required.
    - `tags` replaces the stored tags; tags are trimmed and de-duplicated
      (at most 50, each 1 to 50 characters).
    - `preferences` is merged into the stored preferences: properties that
      are omitted keep their values.
    - `notes` replaces the summary; an empty string clears it. Dated notes
      are added with `POST /api/customers/{customerId}/notes` instead.
    - A `customerType` change made here is recorded in the type history
      like one made with `PATCH /api/customers/{customerId}/type` (without
      a reason).

    **Edge cases**
    - Any other property, such as `totalOrders` or `customerStatus`, is
      rejected with 400 (no mass assignment); status changes go through
      `PATCH /api/customers/{customerId}/status`.
    - An empty body `{}` is rejected with 400.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (UpdateCustomerRequest): Administrative settings of a customer (guide §4.5). At least
            one property is required; any other property (for example `totalOrders`) is rejected with
            400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerUpdateResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCustomerRequest,
    if_match: str | Unset = UNSET,
) -> CustomerUpdateResponse | ErrorEnvelope | None:
    """Update a customer

     Updates the administrative settings of a customer (guide §4.5):
    `customerType`, the free-text `notes` summary, `tags` and
    `preferences`. Sets `updatedAt` and `updatedBy` (the administrator's
    user id).

    **Who may call:** administrators.

    **Concurrency.** Send the `ETag` you read as `If-Match` to apply the
    change only if nobody changed the customer since (else 412, nothing
    changed). The answer carries the record's new `ETag`.

    **Semantics**
    - Only the properties sent are changed; at least one is required.
    - `tags` replaces the stored tags; tags are trimmed and de-duplicated
      (at most 50, each 1 to 50 characters).
    - `preferences` is merged into the stored preferences: properties that
      are omitted keep their values.
    - `notes` replaces the summary; an empty string clears it. Dated notes
      are added with `POST /api/customers/{customerId}/notes` instead.
    - A `customerType` change made here is recorded in the type history
      like one made with `PATCH /api/customers/{customerId}/type` (without
      a reason).

    **Edge cases**
    - Any other property, such as `totalOrders` or `customerStatus`, is
      rejected with 400 (no mass assignment); status changes go through
      `PATCH /api/customers/{customerId}/status`.
    - An empty body `{}` is rejected with 400.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (UpdateCustomerRequest): Administrative settings of a customer (guide §4.5). At least
            one property is required; any other property (for example `totalOrders`) is rejected with
            400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerUpdateResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
