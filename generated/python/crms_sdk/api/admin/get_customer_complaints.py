from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaint_history_response import ComplaintHistoryResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    customer_id: str,
    *,
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers/{customer_id}/complaints".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintHistoryResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = ComplaintHistoryResponse.from_dict(response.json())

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
) -> Response[ComplaintHistoryResponse | ErrorEnvelope]:
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
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> Response[ComplaintHistoryResponse | ErrorEnvelope]:
    """Get a customer's complaint history

     Returns a page of the customer's complaints as reported by the
    Complaint Service. CRMS checks that the customer exists, then calls the
    Complaint Service with the administrator's token and maps its page to
    the shape below.

    **Who may call:** administrators.

    **Edge cases**
    - An unknown customer is a 404, answered without calling the Complaint
      Service.
    - A customer without complaints gets an empty `complaints` array; a page
      past the last one is empty too.
    - Optional fields the Complaint Service leaves `null` (`orderId` of a
      complaint filed without a known order, `resolvedAt` of an open one,
      `category`, `priority`) are omitted.
    - When the Complaint Service is down, slow past `SERVICE_TIMEOUT`,
      behind an open circuit breaker, or answers 5xx/429, the answer is 502
      "Complaint Service is currently unavailable" (read requests are
      retried with backoff first). When it answers with data CRMS cannot use
      (a body outside its contract, e.g. a complaint without `createdAt`),
      the answer is 502 "Complaint Service answered with data CRMS cannot
      use"; such answers never count towards the circuit breaker, so other
      customers' histories keep working. If the Complaint Service refuses
      the administrator's token itself, the answer is 401 or 403.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintHistoryResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        page=page,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> ComplaintHistoryResponse | ErrorEnvelope | None:
    """Get a customer's complaint history

     Returns a page of the customer's complaints as reported by the
    Complaint Service. CRMS checks that the customer exists, then calls the
    Complaint Service with the administrator's token and maps its page to
    the shape below.

    **Who may call:** administrators.

    **Edge cases**
    - An unknown customer is a 404, answered without calling the Complaint
      Service.
    - A customer without complaints gets an empty `complaints` array; a page
      past the last one is empty too.
    - Optional fields the Complaint Service leaves `null` (`orderId` of a
      complaint filed without a known order, `resolvedAt` of an open one,
      `category`, `priority`) are omitted.
    - When the Complaint Service is down, slow past `SERVICE_TIMEOUT`,
      behind an open circuit breaker, or answers 5xx/429, the answer is 502
      "Complaint Service is currently unavailable" (read requests are
      retried with backoff first). When it answers with data CRMS cannot use
      (a body outside its contract, e.g. a complaint without `createdAt`),
      the answer is 502 "Complaint Service answered with data CRMS cannot
      use"; such answers never count towards the circuit breaker, so other
      customers' histories keep working. If the Complaint Service refuses
      the administrator's token itself, the answer is 401 or 403.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintHistoryResponse | ErrorEnvelope
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        page=page,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> Response[ComplaintHistoryResponse | ErrorEnvelope]:
    """Get a customer's complaint history

     Returns a page of the customer's complaints as reported by the
    Complaint Service. CRMS checks that the customer exists, then calls the
    Complaint Service with the administrator's token and maps its page to
    the shape below.

    **Who may call:** administrators.

    **Edge cases**
    - An unknown customer is a 404, answered without calling the Complaint
      Service.
    - A customer without complaints gets an empty `complaints` array; a page
      past the last one is empty too.
    - Optional fields the Complaint Service leaves `null` (`orderId` of a
      complaint filed without a known order, `resolvedAt` of an open one,
      `category`, `priority`) are omitted.
    - When the Complaint Service is down, slow past `SERVICE_TIMEOUT`,
      behind an open circuit breaker, or answers 5xx/429, the answer is 502
      "Complaint Service is currently unavailable" (read requests are
      retried with backoff first). When it answers with data CRMS cannot use
      (a body outside its contract, e.g. a complaint without `createdAt`),
      the answer is 502 "Complaint Service answered with data CRMS cannot
      use"; such answers never count towards the circuit breaker, so other
      customers' histories keep working. If the Complaint Service refuses
      the administrator's token itself, the answer is 401 or 403.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintHistoryResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        page=page,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> ComplaintHistoryResponse | ErrorEnvelope | None:
    """Get a customer's complaint history

     Returns a page of the customer's complaints as reported by the
    Complaint Service. CRMS checks that the customer exists, then calls the
    Complaint Service with the administrator's token and maps its page to
    the shape below.

    **Who may call:** administrators.

    **Edge cases**
    - An unknown customer is a 404, answered without calling the Complaint
      Service.
    - A customer without complaints gets an empty `complaints` array; a page
      past the last one is empty too.
    - Optional fields the Complaint Service leaves `null` (`orderId` of a
      complaint filed without a known order, `resolvedAt` of an open one,
      `category`, `priority`) are omitted.
    - When the Complaint Service is down, slow past `SERVICE_TIMEOUT`,
      behind an open circuit breaker, or answers 5xx/429, the answer is 502
      "Complaint Service is currently unavailable" (read requests are
      retried with backoff first). When it answers with data CRMS cannot use
      (a body outside its contract, e.g. a complaint without `createdAt`),
      the answer is 502 "Complaint Service answered with data CRMS cannot
      use"; such answers never count towards the circuit breaker, so other
      customers' histories keep working. If the Complaint Service refuses
      the administrator's token itself, the answer is 401 or 403.

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintHistoryResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            page=page,
            limit=limit,
        )
    ).parsed
