from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaint_count_request import ComplaintCountRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.statistics_update_response import StatisticsUpdateResponse
from ...types import Response


def _get_kwargs(
    customer_id: str,
    *,
    body: ComplaintCountRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/internal/customers/{customer_id}/statistics".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | StatisticsUpdateResponse | None:
    if response.status_code == 200:
        response_200 = StatisticsUpdateResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

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
) -> Response[ErrorEnvelope | StatisticsUpdateResponse]:
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
    body: ComplaintCountRequest,
) -> Response[ErrorEnvelope | StatisticsUpdateResponse]:
    """Add to the complaint counters (Complaint Service compatibility)

     Compatibility route for the existing Complaint Service, which sends
    `{"complaintCount": 1}` here when a complaint is filed. Adds
    `complaintCount` (which may be negative) to both `totalComplaints` and
    `openComplaints`, atomically, and sets `lastComplaintDate` to the time
    of the request. The answer is the same as that of
    `PATCH /api/customers/internal/{customerId}/statistics`.

    **Deprecated:** new callers use
    `PATCH /api/customers/internal/{customerId}/statistics` with
    `{"increment": {"totalComplaints": 1, "openComplaints": 1}}`.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - `complaintCount` must be a non-zero integer from -1000 to 1000; any
      other property is rejected with 400.
    - If a counter would end below zero the answer is 409 and nothing
      changes.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        body (ComplaintCountRequest): Body sent by the existing Complaint Service when a complaint
            is filed (or, with a negative count, withdrawn).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatisticsUpdateResponse]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: ComplaintCountRequest,
) -> ErrorEnvelope | StatisticsUpdateResponse | None:
    """Add to the complaint counters (Complaint Service compatibility)

     Compatibility route for the existing Complaint Service, which sends
    `{"complaintCount": 1}` here when a complaint is filed. Adds
    `complaintCount` (which may be negative) to both `totalComplaints` and
    `openComplaints`, atomically, and sets `lastComplaintDate` to the time
    of the request. The answer is the same as that of
    `PATCH /api/customers/internal/{customerId}/statistics`.

    **Deprecated:** new callers use
    `PATCH /api/customers/internal/{customerId}/statistics` with
    `{"increment": {"totalComplaints": 1, "openComplaints": 1}}`.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - `complaintCount` must be a non-zero integer from -1000 to 1000; any
      other property is rejected with 400.
    - If a counter would end below zero the answer is 409 and nothing
      changes.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        body (ComplaintCountRequest): Body sent by the existing Complaint Service when a complaint
            is filed (or, with a negative count, withdrawn).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | StatisticsUpdateResponse
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: ComplaintCountRequest,
) -> Response[ErrorEnvelope | StatisticsUpdateResponse]:
    """Add to the complaint counters (Complaint Service compatibility)

     Compatibility route for the existing Complaint Service, which sends
    `{"complaintCount": 1}` here when a complaint is filed. Adds
    `complaintCount` (which may be negative) to both `totalComplaints` and
    `openComplaints`, atomically, and sets `lastComplaintDate` to the time
    of the request. The answer is the same as that of
    `PATCH /api/customers/internal/{customerId}/statistics`.

    **Deprecated:** new callers use
    `PATCH /api/customers/internal/{customerId}/statistics` with
    `{"increment": {"totalComplaints": 1, "openComplaints": 1}}`.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - `complaintCount` must be a non-zero integer from -1000 to 1000; any
      other property is rejected with 400.
    - If a counter would end below zero the answer is 409 and nothing
      changes.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        body (ComplaintCountRequest): Body sent by the existing Complaint Service when a complaint
            is filed (or, with a negative count, withdrawn).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatisticsUpdateResponse]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: ComplaintCountRequest,
) -> ErrorEnvelope | StatisticsUpdateResponse | None:
    """Add to the complaint counters (Complaint Service compatibility)

     Compatibility route for the existing Complaint Service, which sends
    `{"complaintCount": 1}` here when a complaint is filed. Adds
    `complaintCount` (which may be negative) to both `totalComplaints` and
    `openComplaints`, atomically, and sets `lastComplaintDate` to the time
    of the request. The answer is the same as that of
    `PATCH /api/customers/internal/{customerId}/statistics`.

    **Deprecated:** new callers use
    `PATCH /api/customers/internal/{customerId}/statistics` with
    `{"increment": {"totalComplaints": 1, "openComplaints": 1}}`.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - `complaintCount` must be a non-zero integer from -1000 to 1000; any
      other property is rejected with 400.
    - If a counter would end below zero the answer is 409 and nothing
      changes.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        body (ComplaintCountRequest): Body sent by the existing Complaint Service when a complaint
            is filed (or, with a negative count, withdrawn).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | StatisticsUpdateResponse
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            body=body,
        )
    ).parsed
