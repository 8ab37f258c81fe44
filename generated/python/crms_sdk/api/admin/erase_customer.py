from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_erasure_response import CustomerErasureResponse
from ...models.erase_customer_request import EraseCustomerRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    customer_id: str,
    *,
    body: EraseCustomerRequest,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/customers/{customer_id}/erase".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerErasureResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CustomerErasureResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

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
) -> Response[CustomerErasureResponse | ErrorEnvelope]:
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
    body: EraseCustomerRequest,
    if_match: str | Unset = UNSET,
) -> Response[CustomerErasureResponse | ErrorEnvelope]:
    """Erase a customer's personal data (GDPR)

     Anonymises the customer for a right-to-erasure request (GDPR art. 17)
    while keeping the business statistics, so analytics and the siblings'
    orders and complaints stay consistent. In one write:

    - `email` becomes the unique, non-routable placeholder
      `erased-<customerId>@erased.invalid`, `fullName` becomes
      `Erased Customer`;
    - `contactNumber`, the `notes` summary and all `tags` are removed; every
      entry of the note history keeps its author and date but its text
      becomes `[erased]`;
    - the search keys are rebuilt from the placeholders, so search and
      `searchTerm` no longer find the customer by any former name, e-mail
      address or number;
    - `erasedAt`, `erasedBy` and `erasureReason` are set;
    - the status becomes `Inactive` exactly as with
      `PATCH /api/customers/{customerId}/status` (history entry with the
      reason, and the user is deactivated in the Auth Service, retried in the
      background when it is unreachable: see `authSync`).

    Kept: the ids, statistics, dates, preferences, activity metadata and the
    status and type histories (administrative audit trail).

    **Who may call:** administrators.

    **Concurrency.** `If-Match` makes the erasure conditional like the other
    writes (412 when stale); the answer carries the record's new `ETag`.

    **Edge cases**
    - Erasing an already erased customer is refused with 409 and changes
      nothing.
    - The user account itself belongs to the Auth Service and is only
      deactivated here.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (EraseCustomerRequest): Why the customer's personal data is erased (recorded with the
            erasure and in the status history).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErasureResponse | ErrorEnvelope]
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
    body: EraseCustomerRequest,
    if_match: str | Unset = UNSET,
) -> CustomerErasureResponse | ErrorEnvelope | None:
    """Erase a customer's personal data (GDPR)

     Anonymises the customer for a right-to-erasure request (GDPR art. 17)
    while keeping the business statistics, so analytics and the siblings'
    orders and complaints stay consistent. In one write:

    - `email` becomes the unique, non-routable placeholder
      `erased-<customerId>@erased.invalid`, `fullName` becomes
      `Erased Customer`;
    - `contactNumber`, the `notes` summary and all `tags` are removed; every
      entry of the note history keeps its author and date but its text
      becomes `[erased]`;
    - the search keys are rebuilt from the placeholders, so search and
      `searchTerm` no longer find the customer by any former name, e-mail
      address or number;
    - `erasedAt`, `erasedBy` and `erasureReason` are set;
    - the status becomes `Inactive` exactly as with
      `PATCH /api/customers/{customerId}/status` (history entry with the
      reason, and the user is deactivated in the Auth Service, retried in the
      background when it is unreachable: see `authSync`).

    Kept: the ids, statistics, dates, preferences, activity metadata and the
    status and type histories (administrative audit trail).

    **Who may call:** administrators.

    **Concurrency.** `If-Match` makes the erasure conditional like the other
    writes (412 when stale); the answer carries the record's new `ETag`.

    **Edge cases**
    - Erasing an already erased customer is refused with 409 and changes
      nothing.
    - The user account itself belongs to the Auth Service and is only
      deactivated here.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (EraseCustomerRequest): Why the customer's personal data is erased (recorded with the
            erasure and in the status history).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErasureResponse | ErrorEnvelope
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
    body: EraseCustomerRequest,
    if_match: str | Unset = UNSET,
) -> Response[CustomerErasureResponse | ErrorEnvelope]:
    """Erase a customer's personal data (GDPR)

     Anonymises the customer for a right-to-erasure request (GDPR art. 17)
    while keeping the business statistics, so analytics and the siblings'
    orders and complaints stay consistent. In one write:

    - `email` becomes the unique, non-routable placeholder
      `erased-<customerId>@erased.invalid`, `fullName` becomes
      `Erased Customer`;
    - `contactNumber`, the `notes` summary and all `tags` are removed; every
      entry of the note history keeps its author and date but its text
      becomes `[erased]`;
    - the search keys are rebuilt from the placeholders, so search and
      `searchTerm` no longer find the customer by any former name, e-mail
      address or number;
    - `erasedAt`, `erasedBy` and `erasureReason` are set;
    - the status becomes `Inactive` exactly as with
      `PATCH /api/customers/{customerId}/status` (history entry with the
      reason, and the user is deactivated in the Auth Service, retried in the
      background when it is unreachable: see `authSync`).

    Kept: the ids, statistics, dates, preferences, activity metadata and the
    status and type histories (administrative audit trail).

    **Who may call:** administrators.

    **Concurrency.** `If-Match` makes the erasure conditional like the other
    writes (412 when stale); the answer carries the record's new `ETag`.

    **Edge cases**
    - Erasing an already erased customer is refused with 409 and changes
      nothing.
    - The user account itself belongs to the Auth Service and is only
      deactivated here.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (EraseCustomerRequest): Why the customer's personal data is erased (recorded with the
            erasure and in the status history).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErasureResponse | ErrorEnvelope]
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
    body: EraseCustomerRequest,
    if_match: str | Unset = UNSET,
) -> CustomerErasureResponse | ErrorEnvelope | None:
    """Erase a customer's personal data (GDPR)

     Anonymises the customer for a right-to-erasure request (GDPR art. 17)
    while keeping the business statistics, so analytics and the siblings'
    orders and complaints stay consistent. In one write:

    - `email` becomes the unique, non-routable placeholder
      `erased-<customerId>@erased.invalid`, `fullName` becomes
      `Erased Customer`;
    - `contactNumber`, the `notes` summary and all `tags` are removed; every
      entry of the note history keeps its author and date but its text
      becomes `[erased]`;
    - the search keys are rebuilt from the placeholders, so search and
      `searchTerm` no longer find the customer by any former name, e-mail
      address or number;
    - `erasedAt`, `erasedBy` and `erasureReason` are set;
    - the status becomes `Inactive` exactly as with
      `PATCH /api/customers/{customerId}/status` (history entry with the
      reason, and the user is deactivated in the Auth Service, retried in the
      background when it is unreachable: see `authSync`).

    Kept: the ids, statistics, dates, preferences, activity metadata and the
    status and type histories (administrative audit trail).

    **Who may call:** administrators.

    **Concurrency.** `If-Match` makes the erasure conditional like the other
    writes (412 when stale); the answer carries the record's new `ETag`.

    **Edge cases**
    - Erasing an already erased customer is refused with 409 and changes
      nothing.
    - The user account itself belongs to the Auth Service and is only
      deactivated here.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (EraseCustomerRequest): Why the customer's personal data is erased (recorded with the
            erasure and in the status history).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErasureResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
