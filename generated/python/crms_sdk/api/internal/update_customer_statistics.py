from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.statistics_update_response import StatisticsUpdateResponse
from ...models.update_statistics_request import UpdateStatisticsRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    customer_id: str,
    *,
    body: UpdateStatisticsRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/customers/internal/{customer_id}/statistics".format(
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
    body: UpdateStatisticsRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | StatisticsUpdateResponse]:
    """Update customer statistics

     Updates the order and complaint statistics of a customer (guide §4.10).
    Called by the Order Service (orders) and the Complaint Service
    (complaints).

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Semantics**
    - Top-level counters and dates are **absolute** values that replace the
      stored ones (the Order Service's call of the guide).
    - `increment` holds **relative** changes (may be negative) applied
      atomically, so concurrent callers never lose an update.
    - Both can be combined, but a statistic may not appear both as an
      absolute value and in `increment` (400).
    - The update is all or nothing: if a counter would end below zero, or
      `openComplaints` above `totalComplaints`, the answer is 409 and nothing
      changes.
    - Dates may be sent without an offset (`2026-01-25T13:00:00.123456`, as
      the Order Service does); they are taken as UTC and returned with `Z`.

    **Idempotency.** With an `Idempotency-Key` header a retried request
    (same key, same body) is applied once and answered with the first
    response; keys are kept for at least 24 hours. The same key with a
    different body is a 409.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        idempotency_key (str | Unset):
        body (UpdateStatisticsRequest): Statistics to update (guide §4.10). Top-level properties
            are absolute values; `increment` holds relative changes. Both can be combined in one
            request (counters up to 1,000,000,000, order value up to 1,000,000,000,000; a result
            beyond them is a 409), but a statistic may not be given both as an absolute value and in
            `increment` (400). The whole update is applied atomically; after it `openComplaints` must
            not exceed `totalComplaints` and no counter may be negative (409, nothing changes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatisticsUpdateResponse]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateStatisticsRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | StatisticsUpdateResponse | None:
    """Update customer statistics

     Updates the order and complaint statistics of a customer (guide §4.10).
    Called by the Order Service (orders) and the Complaint Service
    (complaints).

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Semantics**
    - Top-level counters and dates are **absolute** values that replace the
      stored ones (the Order Service's call of the guide).
    - `increment` holds **relative** changes (may be negative) applied
      atomically, so concurrent callers never lose an update.
    - Both can be combined, but a statistic may not appear both as an
      absolute value and in `increment` (400).
    - The update is all or nothing: if a counter would end below zero, or
      `openComplaints` above `totalComplaints`, the answer is 409 and nothing
      changes.
    - Dates may be sent without an offset (`2026-01-25T13:00:00.123456`, as
      the Order Service does); they are taken as UTC and returned with `Z`.

    **Idempotency.** With an `Idempotency-Key` header a retried request
    (same key, same body) is applied once and answered with the first
    response; keys are kept for at least 24 hours. The same key with a
    different body is a 409.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        idempotency_key (str | Unset):
        body (UpdateStatisticsRequest): Statistics to update (guide §4.10). Top-level properties
            are absolute values; `increment` holds relative changes. Both can be combined in one
            request (counters up to 1,000,000,000, order value up to 1,000,000,000,000; a result
            beyond them is a 409), but a statistic may not be given both as an absolute value and in
            `increment` (400). The whole update is applied atomically; after it `openComplaints` must
            not exceed `totalComplaints` and no counter may be negative (409, nothing changes).

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
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateStatisticsRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | StatisticsUpdateResponse]:
    """Update customer statistics

     Updates the order and complaint statistics of a customer (guide §4.10).
    Called by the Order Service (orders) and the Complaint Service
    (complaints).

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Semantics**
    - Top-level counters and dates are **absolute** values that replace the
      stored ones (the Order Service's call of the guide).
    - `increment` holds **relative** changes (may be negative) applied
      atomically, so concurrent callers never lose an update.
    - Both can be combined, but a statistic may not appear both as an
      absolute value and in `increment` (400).
    - The update is all or nothing: if a counter would end below zero, or
      `openComplaints` above `totalComplaints`, the answer is 409 and nothing
      changes.
    - Dates may be sent without an offset (`2026-01-25T13:00:00.123456`, as
      the Order Service does); they are taken as UTC and returned with `Z`.

    **Idempotency.** With an `Idempotency-Key` header a retried request
    (same key, same body) is applied once and answered with the first
    response; keys are kept for at least 24 hours. The same key with a
    different body is a 409.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        idempotency_key (str | Unset):
        body (UpdateStatisticsRequest): Statistics to update (guide §4.10). Top-level properties
            are absolute values; `increment` holds relative changes. Both can be combined in one
            request (counters up to 1,000,000,000, order value up to 1,000,000,000,000; a result
            beyond them is a 409), but a statistic may not be given both as an absolute value and in
            `increment` (400). The whole update is applied atomically; after it `openComplaints` must
            not exceed `totalComplaints` and no counter may be negative (409, nothing changes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatisticsUpdateResponse]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateStatisticsRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | StatisticsUpdateResponse | None:
    """Update customer statistics

     Updates the order and complaint statistics of a customer (guide §4.10).
    Called by the Order Service (orders) and the Complaint Service
    (complaints).

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Semantics**
    - Top-level counters and dates are **absolute** values that replace the
      stored ones (the Order Service's call of the guide).
    - `increment` holds **relative** changes (may be negative) applied
      atomically, so concurrent callers never lose an update.
    - Both can be combined, but a statistic may not appear both as an
      absolute value and in `increment` (400).
    - The update is all or nothing: if a counter would end below zero, or
      `openComplaints` above `totalComplaints`, the answer is 409 and nothing
      changes.
    - Dates may be sent without an offset (`2026-01-25T13:00:00.123456`, as
      the Order Service does); they are taken as UTC and returned with `Z`.

    **Idempotency.** With an `Idempotency-Key` header a retried request
    (same key, same body) is applied once and answered with the first
    response; keys are kept for at least 24 hours. The same key with a
    different body is a 409.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        idempotency_key (str | Unset):
        body (UpdateStatisticsRequest): Statistics to update (guide §4.10). Top-level properties
            are absolute values; `increment` holds relative changes. Both can be combined in one
            request (counters up to 1,000,000,000, order value up to 1,000,000,000,000; a result
            beyond them is a 409), but a statistic may not be given both as an absolute value and in
            `increment` (400). The whole update is applied atomically; after it `openComplaints` must
            not exceed `totalComplaints` and no counter may be negative (409, nothing changes).

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
            idempotency_key=idempotency_key,
        )
    ).parsed
