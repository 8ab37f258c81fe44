from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.readiness_response import ReadinessResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/health/ready",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ReadinessResponse | None:
    if response.status_code == 200:
        response_200 = ReadinessResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

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
) -> Response[ErrorEnvelope | ReadinessResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorEnvelope | ReadinessResponse]:
    """Readiness check

     Tells whether the service can serve requests. It pings the database and
    checks that writes work (one small write through the path the service's
    writes take, the write lease included; a success stands for 5 s unless a
    ping fails meanwhile). It answers 200 when both succeed and 503 when
    either fails or times out.
    Only the database decides readiness: the circuit-breaker state of each
    sibling service (Auth, Order, Complaint) is reported for information, and
    an open breaker does not make the service unready (the operations that
    need that sibling answer 502 meanwhile).

    Public: no authentication, not rate limited.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReadinessResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorEnvelope | ReadinessResponse | None:
    """Readiness check

     Tells whether the service can serve requests. It pings the database and
    checks that writes work (one small write through the path the service's
    writes take, the write lease included; a success stands for 5 s unless a
    ping fails meanwhile). It answers 200 when both succeed and 503 when
    either fails or times out.
    Only the database decides readiness: the circuit-breaker state of each
    sibling service (Auth, Order, Complaint) is reported for information, and
    an open breaker does not make the service unready (the operations that
    need that sibling answer 502 meanwhile).

    Public: no authentication, not rate limited.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReadinessResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorEnvelope | ReadinessResponse]:
    """Readiness check

     Tells whether the service can serve requests. It pings the database and
    checks that writes work (one small write through the path the service's
    writes take, the write lease included; a success stands for 5 s unless a
    ping fails meanwhile). It answers 200 when both succeed and 503 when
    either fails or times out.
    Only the database decides readiness: the circuit-breaker state of each
    sibling service (Auth, Order, Complaint) is reported for information, and
    an open breaker does not make the service unready (the operations that
    need that sibling answer 502 meanwhile).

    Public: no authentication, not rate limited.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReadinessResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorEnvelope | ReadinessResponse | None:
    """Readiness check

     Tells whether the service can serve requests. It pings the database and
    checks that writes work (one small write through the path the service's
    writes take, the write lease included; a success stands for 5 s unless a
    ping fails meanwhile). It answers 200 when both succeed and 503 when
    either fails or times out.
    Only the database decides readiness: the circuit-breaker state of each
    sibling service (Auth, Order, Complaint) is reported for information, and
    an open breaker does not make the service unready (the operations that
    need that sibling answer 502 meanwhile).

    Public: no authentication, not rate limited.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReadinessResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
