from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_deletion_response import CustomerDeletionResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    customer_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/customers/{customer_id}".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerDeletionResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CustomerDeletionResponse.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorEnvelope.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CustomerDeletionResponse | ErrorEnvelope]:
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
) -> Response[CustomerDeletionResponse | ErrorEnvelope]:
    """Delete a customer

     Permanently deletes the customer record (guide §4.7). Afterwards the
    record is gone: `GET /api/customers/{customerId}` answers 404.

    **Who may call:** administrators.

    **Business rule.** A customer with active orders (`Placed`,
    `Processing`, `Shipped` or `Return Requested` in the Order Service) or
    open complaints (in the Complaint Service, and `openComplaints` on the
    record) cannot be deleted: the answer is 400 with the counts, and
    nothing is deleted.

    **Edge cases**
    - When the Order Service or the Complaint Service cannot answer usably
      the request fails with 502 naming the service, and nothing is deleted:
      "… is currently unavailable" when it is down, slow past
      `SERVICE_TIMEOUT`, failing or behind an open breaker; "… answered with
      data CRMS cannot use" when its answer breaks its contract (which never
      opens the breaker).
    - The user account in the Auth Service is not deleted.
    - Deleting an unknown or already deleted customer is a 404.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerDeletionResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient,
) -> CustomerDeletionResponse | ErrorEnvelope | None:
    """Delete a customer

     Permanently deletes the customer record (guide §4.7). Afterwards the
    record is gone: `GET /api/customers/{customerId}` answers 404.

    **Who may call:** administrators.

    **Business rule.** A customer with active orders (`Placed`,
    `Processing`, `Shipped` or `Return Requested` in the Order Service) or
    open complaints (in the Complaint Service, and `openComplaints` on the
    record) cannot be deleted: the answer is 400 with the counts, and
    nothing is deleted.

    **Edge cases**
    - When the Order Service or the Complaint Service cannot answer usably
      the request fails with 502 naming the service, and nothing is deleted:
      "… is currently unavailable" when it is down, slow past
      `SERVICE_TIMEOUT`, failing or behind an open breaker; "… answered with
      data CRMS cannot use" when its answer breaks its contract (which never
      opens the breaker).
    - The user account in the Auth Service is not deleted.
    - Deleting an unknown or already deleted customer is a 404.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerDeletionResponse | ErrorEnvelope
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CustomerDeletionResponse | ErrorEnvelope]:
    """Delete a customer

     Permanently deletes the customer record (guide §4.7). Afterwards the
    record is gone: `GET /api/customers/{customerId}` answers 404.

    **Who may call:** administrators.

    **Business rule.** A customer with active orders (`Placed`,
    `Processing`, `Shipped` or `Return Requested` in the Order Service) or
    open complaints (in the Complaint Service, and `openComplaints` on the
    record) cannot be deleted: the answer is 400 with the counts, and
    nothing is deleted.

    **Edge cases**
    - When the Order Service or the Complaint Service cannot answer usably
      the request fails with 502 naming the service, and nothing is deleted:
      "… is currently unavailable" when it is down, slow past
      `SERVICE_TIMEOUT`, failing or behind an open breaker; "… answered with
      data CRMS cannot use" when its answer breaks its contract (which never
      opens the breaker).
    - The user account in the Auth Service is not deleted.
    - Deleting an unknown or already deleted customer is a 404.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerDeletionResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
) -> CustomerDeletionResponse | ErrorEnvelope | None:
    """Delete a customer

     Permanently deletes the customer record (guide §4.7). Afterwards the
    record is gone: `GET /api/customers/{customerId}` answers 404.

    **Who may call:** administrators.

    **Business rule.** A customer with active orders (`Placed`,
    `Processing`, `Shipped` or `Return Requested` in the Order Service) or
    open complaints (in the Complaint Service, and `openComplaints` on the
    record) cannot be deleted: the answer is 400 with the counts, and
    nothing is deleted.

    **Edge cases**
    - When the Order Service or the Complaint Service cannot answer usably
      the request fails with 502 naming the service, and nothing is deleted:
      "… is currently unavailable" when it is down, slow past
      `SERVICE_TIMEOUT`, failing or behind an open breaker; "… answered with
      data CRMS cannot use" when its answer breaks its contract (which never
      opens the breaker).
    - The user account in the Auth Service is not deleted.
    - Deleting an unknown or already deleted customer is a 404.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerDeletionResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
        )
    ).parsed
