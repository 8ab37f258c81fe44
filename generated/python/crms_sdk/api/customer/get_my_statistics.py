from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_statistics_response import CustomerStatisticsResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers/me/statistics",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerStatisticsResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CustomerStatisticsResponse.from_dict(response.json())

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
) -> Response[CustomerStatisticsResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CustomerStatisticsResponse | ErrorEnvelope]:
    """Get own order and complaint statistics

     Returns the order and complaint statistics of the authenticated user's
    customer record: counts and values as maintained by the Order and
    Complaint services, the average order value and the number of resolved
    complaints (`totalComplaints - openComplaints`).

    **Who may call:** any user with a valid access token whose role is
    `Customer` or `Administrator`.

    **Edge cases**
    - A caller without a customer record gets it created from the Auth
      Service first, exactly as on `GET /api/customers/me` (any role; 404
      when the Auth Service does not know the user, 502 naming the Auth
      Service when it cannot answer usably).
    - `averageOrderValue` is 0 when there are no orders; unset dates are
      omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerStatisticsResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> CustomerStatisticsResponse | ErrorEnvelope | None:
    """Get own order and complaint statistics

     Returns the order and complaint statistics of the authenticated user's
    customer record: counts and values as maintained by the Order and
    Complaint services, the average order value and the number of resolved
    complaints (`totalComplaints - openComplaints`).

    **Who may call:** any user with a valid access token whose role is
    `Customer` or `Administrator`.

    **Edge cases**
    - A caller without a customer record gets it created from the Auth
      Service first, exactly as on `GET /api/customers/me` (any role; 404
      when the Auth Service does not know the user, 502 naming the Auth
      Service when it cannot answer usably).
    - `averageOrderValue` is 0 when there are no orders; unset dates are
      omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerStatisticsResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CustomerStatisticsResponse | ErrorEnvelope]:
    """Get own order and complaint statistics

     Returns the order and complaint statistics of the authenticated user's
    customer record: counts and values as maintained by the Order and
    Complaint services, the average order value and the number of resolved
    complaints (`totalComplaints - openComplaints`).

    **Who may call:** any user with a valid access token whose role is
    `Customer` or `Administrator`.

    **Edge cases**
    - A caller without a customer record gets it created from the Auth
      Service first, exactly as on `GET /api/customers/me` (any role; 404
      when the Auth Service does not know the user, 502 naming the Auth
      Service when it cannot answer usably).
    - `averageOrderValue` is 0 when there are no orders; unset dates are
      omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerStatisticsResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> CustomerStatisticsResponse | ErrorEnvelope | None:
    """Get own order and complaint statistics

     Returns the order and complaint statistics of the authenticated user's
    customer record: counts and values as maintained by the Order and
    Complaint services, the average order value and the number of resolved
    complaints (`totalComplaints - openComplaints`).

    **Who may call:** any user with a valid access token whose role is
    `Customer` or `Administrator`.

    **Edge cases**
    - A caller without a customer record gets it created from the Auth
      Service first, exactly as on `GET /api/customers/me` (any role; 404
      when the Auth Service does not know the user, 502 naming the Auth
      Service when it cannot answer usably).
    - `averageOrderValue` is 0 when there are no orders; unset dates are
      omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerStatisticsResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
