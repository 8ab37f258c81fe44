from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_data_export_response import CustomerDataExportResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    customer_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers/{customer_id}/export".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerDataExportResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CustomerDataExportResponse.from_dict(response.json())

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
) -> Response[CustomerDataExportResponse | ErrorEnvelope]:
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
) -> Response[CustomerDataExportResponse | ErrorEnvelope]:
    """Export a customer's data (GDPR)

     Returns everything CRMS stores about one customer as one JSON document,
    for a data-subject access or portability request (GDPR art. 15 and 20):
    profile, statistics, preferences, activity metadata, tags, the notes
    summary, the note, status and type histories, the Auth-sync state and,
    after an erasure, `erasedAt`, `erasedBy` and `erasureReason`, with the
    time of the export in `exportedAt`.

    **Who may call:** administrators.

    **Edge cases**
    - Internal bookkeeping (search keys, the record version, idempotency
      keys, background-work claims) is not included.
    - Orders and complaints live in the Order and Complaint services and are
      exported there.
    - An erased customer exports the anonymised record.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerDataExportResponse | ErrorEnvelope]
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
) -> CustomerDataExportResponse | ErrorEnvelope | None:
    """Export a customer's data (GDPR)

     Returns everything CRMS stores about one customer as one JSON document,
    for a data-subject access or portability request (GDPR art. 15 and 20):
    profile, statistics, preferences, activity metadata, tags, the notes
    summary, the note, status and type histories, the Auth-sync state and,
    after an erasure, `erasedAt`, `erasedBy` and `erasureReason`, with the
    time of the export in `exportedAt`.

    **Who may call:** administrators.

    **Edge cases**
    - Internal bookkeeping (search keys, the record version, idempotency
      keys, background-work claims) is not included.
    - Orders and complaints live in the Order and Complaint services and are
      exported there.
    - An erased customer exports the anonymised record.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerDataExportResponse | ErrorEnvelope
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CustomerDataExportResponse | ErrorEnvelope]:
    """Export a customer's data (GDPR)

     Returns everything CRMS stores about one customer as one JSON document,
    for a data-subject access or portability request (GDPR art. 15 and 20):
    profile, statistics, preferences, activity metadata, tags, the notes
    summary, the note, status and type histories, the Auth-sync state and,
    after an erasure, `erasedAt`, `erasedBy` and `erasureReason`, with the
    time of the export in `exportedAt`.

    **Who may call:** administrators.

    **Edge cases**
    - Internal bookkeeping (search keys, the record version, idempotency
      keys, background-work claims) is not included.
    - Orders and complaints live in the Order and Complaint services and are
      exported there.
    - An erased customer exports the anonymised record.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerDataExportResponse | ErrorEnvelope]
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
) -> CustomerDataExportResponse | ErrorEnvelope | None:
    """Export a customer's data (GDPR)

     Returns everything CRMS stores about one customer as one JSON document,
    for a data-subject access or portability request (GDPR art. 15 and 20):
    profile, statistics, preferences, activity metadata, tags, the notes
    summary, the note, status and type histories, the Auth-sync state and,
    after an erasure, `erasedAt`, `erasedBy` and `erasureReason`, with the
    time of the export in `exportedAt`.

    **Who may call:** administrators.

    **Edge cases**
    - Internal bookkeeping (search keys, the record version, idempotency
      keys, background-work claims) is not included.
    - Orders and complaints live in the Order and Complaint services and are
      exported there.
    - An erased customer exports the anonymised record.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerDataExportResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
        )
    ).parsed
