from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_detail_response import CustomerDetailResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    customer_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers/{customer_id}".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerDetailResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CustomerDetailResponse.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CustomerDetailResponse | ErrorEnvelope]:
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
) -> Response[CustomerDetailResponse | ErrorEnvelope]:
    """Get a customer

     Returns the full customer record (guide §4.4): profile, statistics,
    notes summary, tags, preferences, activity metadata, the administrative
    note history, the status and type histories, and the state of the
    status synchronisation with the Auth Service.

    **Who may call:** administrators.

    **Concurrency.** The answer carries the record's strong `ETag`; send it
    back as `If-Match` on `PUT`, `PATCH …/status`, `PATCH …/type`,
    `POST …/notes` or `POST …/erase` to make that write conditional.

    **Edge cases**
    - A malformed `customerId` (not 24 hexadecimal characters) is a 400; a
      well-formed id of no customer (also of a deleted one) is a 404.
    - Optional properties that are not set (`contactNumber`, dates,
      `notes`, `metadata`, `authSync`, `createdBy`, `updatedBy`) are
      omitted; the history arrays are empty when there is no entry.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerDetailResponse | ErrorEnvelope]
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
) -> CustomerDetailResponse | ErrorEnvelope | None:
    """Get a customer

     Returns the full customer record (guide §4.4): profile, statistics,
    notes summary, tags, preferences, activity metadata, the administrative
    note history, the status and type histories, and the state of the
    status synchronisation with the Auth Service.

    **Who may call:** administrators.

    **Concurrency.** The answer carries the record's strong `ETag`; send it
    back as `If-Match` on `PUT`, `PATCH …/status`, `PATCH …/type`,
    `POST …/notes` or `POST …/erase` to make that write conditional.

    **Edge cases**
    - A malformed `customerId` (not 24 hexadecimal characters) is a 400; a
      well-formed id of no customer (also of a deleted one) is a 404.
    - Optional properties that are not set (`contactNumber`, dates,
      `notes`, `metadata`, `authSync`, `createdBy`, `updatedBy`) are
      omitted; the history arrays are empty when there is no entry.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerDetailResponse | ErrorEnvelope
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CustomerDetailResponse | ErrorEnvelope]:
    """Get a customer

     Returns the full customer record (guide §4.4): profile, statistics,
    notes summary, tags, preferences, activity metadata, the administrative
    note history, the status and type histories, and the state of the
    status synchronisation with the Auth Service.

    **Who may call:** administrators.

    **Concurrency.** The answer carries the record's strong `ETag`; send it
    back as `If-Match` on `PUT`, `PATCH …/status`, `PATCH …/type`,
    `POST …/notes` or `POST …/erase` to make that write conditional.

    **Edge cases**
    - A malformed `customerId` (not 24 hexadecimal characters) is a 400; a
      well-formed id of no customer (also of a deleted one) is a 404.
    - Optional properties that are not set (`contactNumber`, dates,
      `notes`, `metadata`, `authSync`, `createdBy`, `updatedBy`) are
      omitted; the history arrays are empty when there is no entry.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerDetailResponse | ErrorEnvelope]
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
) -> CustomerDetailResponse | ErrorEnvelope | None:
    """Get a customer

     Returns the full customer record (guide §4.4): profile, statistics,
    notes summary, tags, preferences, activity metadata, the administrative
    note history, the status and type histories, and the state of the
    status synchronisation with the Auth Service.

    **Who may call:** administrators.

    **Concurrency.** The answer carries the record's strong `ETag`; send it
    back as `If-Match` on `PUT`, `PATCH …/status`, `PATCH …/type`,
    `POST …/notes` or `POST …/erase` to make that write conditional.

    **Edge cases**
    - A malformed `customerId` (not 24 hexadecimal characters) is a 400; a
      well-formed id of no customer (also of a deleted one) is a 404.
    - Optional properties that are not set (`contactNumber`, dates,
      `notes`, `metadata`, `authSync`, `createdBy`, `updatedBy`) are
      omitted; the history arrays are empty when there is no entry.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerDetailResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
        )
    ).parsed
