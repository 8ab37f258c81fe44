from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/metrics",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | str]:
    """Prometheus metrics

     The service's metrics in the Prometheus text exposition format, for a
    Prometheus scraper. Among them:

    - `crms_http_request_duration_seconds` (histogram): request duration by
      `method`, `route` (the route template, never the raw URL) and `status`.
    - `crms_db_command_duration_seconds` (histogram): database command
      latency by `command` and `outcome` (`success` / `failure`).
    - `crms_sibling_calls_total` (counter) and
      `crms_sibling_circuit_breaker_state` (gauge): outcomes of the calls to
      the Auth, Order and Complaint services and the state of their circuit
      breakers.
    - `crms_auth_sync_backlog` (gauge): customers whose status change has
      not reached the Auth Service yet, counted when scraped.
    - The Node.js process metrics (`crms_process_*`, `crms_nodejs_*`).

    Not public: send the service API key in `X-Service-API-Key`, or, when
    the service is configured with `METRICS_TOKEN`, that token as
    `Authorization: Bearer <METRICS_TOKEN>` (a scraper then needs no API
    key). User access tokens are not accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | str | None:
    """Prometheus metrics

     The service's metrics in the Prometheus text exposition format, for a
    Prometheus scraper. Among them:

    - `crms_http_request_duration_seconds` (histogram): request duration by
      `method`, `route` (the route template, never the raw URL) and `status`.
    - `crms_db_command_duration_seconds` (histogram): database command
      latency by `command` and `outcome` (`success` / `failure`).
    - `crms_sibling_calls_total` (counter) and
      `crms_sibling_circuit_breaker_state` (gauge): outcomes of the calls to
      the Auth, Order and Complaint services and the state of their circuit
      breakers.
    - `crms_auth_sync_backlog` (gauge): customers whose status change has
      not reached the Auth Service yet, counted when scraped.
    - The Node.js process metrics (`crms_process_*`, `crms_nodejs_*`).

    Not public: send the service API key in `X-Service-API-Key`, or, when
    the service is configured with `METRICS_TOKEN`, that token as
    `Authorization: Bearer <METRICS_TOKEN>` (a scraper then needs no API
    key). User access tokens are not accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | str]:
    """Prometheus metrics

     The service's metrics in the Prometheus text exposition format, for a
    Prometheus scraper. Among them:

    - `crms_http_request_duration_seconds` (histogram): request duration by
      `method`, `route` (the route template, never the raw URL) and `status`.
    - `crms_db_command_duration_seconds` (histogram): database command
      latency by `command` and `outcome` (`success` / `failure`).
    - `crms_sibling_calls_total` (counter) and
      `crms_sibling_circuit_breaker_state` (gauge): outcomes of the calls to
      the Auth, Order and Complaint services and the state of their circuit
      breakers.
    - `crms_auth_sync_backlog` (gauge): customers whose status change has
      not reached the Auth Service yet, counted when scraped.
    - The Node.js process metrics (`crms_process_*`, `crms_nodejs_*`).

    Not public: send the service API key in `X-Service-API-Key`, or, when
    the service is configured with `METRICS_TOKEN`, that token as
    `Authorization: Bearer <METRICS_TOKEN>` (a scraper then needs no API
    key). User access tokens are not accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | str | None:
    """Prometheus metrics

     The service's metrics in the Prometheus text exposition format, for a
    Prometheus scraper. Among them:

    - `crms_http_request_duration_seconds` (histogram): request duration by
      `method`, `route` (the route template, never the raw URL) and `status`.
    - `crms_db_command_duration_seconds` (histogram): database command
      latency by `command` and `outcome` (`success` / `failure`).
    - `crms_sibling_calls_total` (counter) and
      `crms_sibling_circuit_breaker_state` (gauge): outcomes of the calls to
      the Auth, Order and Complaint services and the state of their circuit
      breakers.
    - `crms_auth_sync_backlog` (gauge): customers whose status change has
      not reached the Auth Service yet, counted when scraped.
    - The Node.js process metrics (`crms_process_*`, `crms_nodejs_*`).

    Not public: send the service API key in `X-Service-API-Key`, or, when
    the service is configured with `METRICS_TOKEN`, that token as
    `Authorization: Bearer <METRICS_TOKEN>` (a scraper then needs no API
    key). User access tokens are not accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
