from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.redeliver_request import RedeliverRequest
from ...models.redelivery_response import RedeliveryResponse
from ...types import Response


def _get_kwargs(
    subscription_id: str,
    *,
    body: RedeliverRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/webhooks/subscriptions/{subscription_id}/redeliver".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | RedeliveryResponse | None:
    if response.status_code == 202:
        response_202 = RedeliveryResponse.from_dict(response.json())

        return response_202

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
) -> Response[ErrorEnvelope | RedeliveryResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    body: RedeliverRequest,
) -> Response[ErrorEnvelope | RedeliveryResponse]:
    """Deliver events to a subscription again

     Makes one event (`eventId`) or every event recorded for the
    subscription since a time (`since`) due again now, delivered and not;
    they go out again in the customers' sequence order with their original
    ids.

    **Who may call:** administrators. The service API key is not accepted:
    a subscription receives every customer's data, so creating one is an
    administrator's decision, not something any holder of the shared key
    can do.

    Args:
        subscription_id (str):
        body (RedeliverRequest): Either one event (`eventId`) or every event of the subscription
            recorded at or after `since`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RedeliveryResponse]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    body: RedeliverRequest,
) -> ErrorEnvelope | RedeliveryResponse | None:
    """Deliver events to a subscription again

     Makes one event (`eventId`) or every event recorded for the
    subscription since a time (`since`) due again now, delivered and not;
    they go out again in the customers' sequence order with their original
    ids.

    **Who may call:** administrators. The service API key is not accepted:
    a subscription receives every customer's data, so creating one is an
    administrator's decision, not something any holder of the shared key
    can do.

    Args:
        subscription_id (str):
        body (RedeliverRequest): Either one event (`eventId`) or every event of the subscription
            recorded at or after `since`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RedeliveryResponse
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    body: RedeliverRequest,
) -> Response[ErrorEnvelope | RedeliveryResponse]:
    """Deliver events to a subscription again

     Makes one event (`eventId`) or every event recorded for the
    subscription since a time (`since`) due again now, delivered and not;
    they go out again in the customers' sequence order with their original
    ids.

    **Who may call:** administrators. The service API key is not accepted:
    a subscription receives every customer's data, so creating one is an
    administrator's decision, not something any holder of the shared key
    can do.

    Args:
        subscription_id (str):
        body (RedeliverRequest): Either one event (`eventId`) or every event of the subscription
            recorded at or after `since`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RedeliveryResponse]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    body: RedeliverRequest,
) -> ErrorEnvelope | RedeliveryResponse | None:
    """Deliver events to a subscription again

     Makes one event (`eventId`) or every event recorded for the
    subscription since a time (`since`) due again now, delivered and not;
    they go out again in the customers' sequence order with their original
    ids.

    **Who may call:** administrators. The service API key is not accepted:
    a subscription receives every customer's data, so creating one is an
    administrator's decision, not something any holder of the shared key
    can do.

    Args:
        subscription_id (str):
        body (RedeliverRequest): Either one event (`eventId`) or every event of the subscription
            recorded at or after `since`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RedeliveryResponse
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            body=body,
        )
    ).parsed
