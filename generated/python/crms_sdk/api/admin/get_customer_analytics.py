from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_analytics_response import CustomerAnalyticsResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cache_control: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(cache_control, Unset):
        headers["Cache-Control"] = cache_control

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers/analytics",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerAnalyticsResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CustomerAnalyticsResponse.from_dict(response.json())

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
) -> Response[CustomerAnalyticsResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cache_control: str | Unset = UNSET,
) -> Response[CustomerAnalyticsResponse | ErrorEnvelope]:
    """Get customer analytics

     Returns figures over all customer records (never the records CRMS
    created for administrators, see `includeAdministrators` of the list):
    totals by status and type,
    order and complaint aggregates, new customers of the last 7 and 30 days
    (by `customerSince`) and the five customers with the highest total
    order value.

    **Who may call:** administrators.

    **Caching.** The figures are computed exactly and cached for
    `CACHE_TTL` seconds (in process, or in Redis when `REDIS_URL` is set,
    shared by all instances). `cached` tells whether this answer came from
    the cache and `generatedAt` when the figures were computed. A cache
    outage degrades to computing the figures, never to an error. A request
    with `Cache-Control: no-cache` (the console's "Refresh") skips the
    cache: the figures are computed afresh and cached in place of the old.

    **Edge cases**
    - With no customers every figure is 0 and `topCustomers` is empty.
    - Averages are 0 when their divisor is 0.

    Args:
        cache_control (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerAnalyticsResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        cache_control=cache_control,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cache_control: str | Unset = UNSET,
) -> CustomerAnalyticsResponse | ErrorEnvelope | None:
    """Get customer analytics

     Returns figures over all customer records (never the records CRMS
    created for administrators, see `includeAdministrators` of the list):
    totals by status and type,
    order and complaint aggregates, new customers of the last 7 and 30 days
    (by `customerSince`) and the five customers with the highest total
    order value.

    **Who may call:** administrators.

    **Caching.** The figures are computed exactly and cached for
    `CACHE_TTL` seconds (in process, or in Redis when `REDIS_URL` is set,
    shared by all instances). `cached` tells whether this answer came from
    the cache and `generatedAt` when the figures were computed. A cache
    outage degrades to computing the figures, never to an error. A request
    with `Cache-Control: no-cache` (the console's "Refresh") skips the
    cache: the figures are computed afresh and cached in place of the old.

    **Edge cases**
    - With no customers every figure is 0 and `topCustomers` is empty.
    - Averages are 0 when their divisor is 0.

    Args:
        cache_control (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerAnalyticsResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        cache_control=cache_control,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cache_control: str | Unset = UNSET,
) -> Response[CustomerAnalyticsResponse | ErrorEnvelope]:
    """Get customer analytics

     Returns figures over all customer records (never the records CRMS
    created for administrators, see `includeAdministrators` of the list):
    totals by status and type,
    order and complaint aggregates, new customers of the last 7 and 30 days
    (by `customerSince`) and the five customers with the highest total
    order value.

    **Who may call:** administrators.

    **Caching.** The figures are computed exactly and cached for
    `CACHE_TTL` seconds (in process, or in Redis when `REDIS_URL` is set,
    shared by all instances). `cached` tells whether this answer came from
    the cache and `generatedAt` when the figures were computed. A cache
    outage degrades to computing the figures, never to an error. A request
    with `Cache-Control: no-cache` (the console's "Refresh") skips the
    cache: the figures are computed afresh and cached in place of the old.

    **Edge cases**
    - With no customers every figure is 0 and `topCustomers` is empty.
    - Averages are 0 when their divisor is 0.

    Args:
        cache_control (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerAnalyticsResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        cache_control=cache_control,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cache_control: str | Unset = UNSET,
) -> CustomerAnalyticsResponse | ErrorEnvelope | None:
    """Get customer analytics

     Returns figures over all customer records (never the records CRMS
    created for administrators, see `includeAdministrators` of the list):
    totals by status and type,
    order and complaint aggregates, new customers of the last 7 and 30 days
    (by `customerSince`) and the five customers with the highest total
    order value.

    **Who may call:** administrators.

    **Caching.** The figures are computed exactly and cached for
    `CACHE_TTL` seconds (in process, or in Redis when `REDIS_URL` is set,
    shared by all instances). `cached` tells whether this answer came from
    the cache and `generatedAt` when the figures were computed. A cache
    outage degrades to computing the figures, never to an error. A request
    with `Cache-Control: no-cache` (the console's "Refresh") skips the
    cache: the figures are computed afresh and cached in place of the old.

    **Edge cases**
    - With no customers every figure is 0 and `topCustomers` is empty.
    - Averages are 0 when their divisor is 0.

    Args:
        cache_control (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerAnalyticsResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            cache_control=cache_control,
        )
    ).parsed
