from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_webhook_subscription_request import CreateWebhookSubscriptionRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.webhook_subscription_with_secret_response import WebhookSubscriptionWithSecretResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateWebhookSubscriptionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/webhooks/subscriptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | WebhookSubscriptionWithSecretResponse | None:
    if response.status_code == 201:
        response_201 = WebhookSubscriptionWithSecretResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

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
) -> Response[ErrorEnvelope | WebhookSubscriptionWithSecretResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookSubscriptionRequest,
) -> Response[ErrorEnvelope | WebhookSubscriptionWithSecretResponse]:
    """Subscribe a URL to customer events

     Creates a subscription and answers its signing secret, **shown only
    this once**. Events of the listed types recorded from now on are POSTed
    to the URL, signed per Standard Webhooks (headers `webhook-id`,
    `webhook-timestamp`, `webhook-signature`; see the Webhooks section).

    **URL rules.** `https` only (plain `http` only where the service is
    configured to allow it, e.g. in development). The host must not be or
    resolve to a loopback, private, link-local or cloud-metadata address
    unless the service's allow-list names it; the same check is made again
    at every delivery, after DNS resolution.

    **Who may call:** administrators. The service API key is not accepted:
    a subscription receives every customer's data, so creating one is an
    administrator's decision, not something any holder of the shared key
    can do.

    Args:
        body (CreateWebhookSubscriptionRequest): A new subscription.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebhookSubscriptionWithSecretResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookSubscriptionRequest,
) -> ErrorEnvelope | WebhookSubscriptionWithSecretResponse | None:
    """Subscribe a URL to customer events

     Creates a subscription and answers its signing secret, **shown only
    this once**. Events of the listed types recorded from now on are POSTed
    to the URL, signed per Standard Webhooks (headers `webhook-id`,
    `webhook-timestamp`, `webhook-signature`; see the Webhooks section).

    **URL rules.** `https` only (plain `http` only where the service is
    configured to allow it, e.g. in development). The host must not be or
    resolve to a loopback, private, link-local or cloud-metadata address
    unless the service's allow-list names it; the same check is made again
    at every delivery, after DNS resolution.

    **Who may call:** administrators. The service API key is not accepted:
    a subscription receives every customer's data, so creating one is an
    administrator's decision, not something any holder of the shared key
    can do.

    Args:
        body (CreateWebhookSubscriptionRequest): A new subscription.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebhookSubscriptionWithSecretResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookSubscriptionRequest,
) -> Response[ErrorEnvelope | WebhookSubscriptionWithSecretResponse]:
    """Subscribe a URL to customer events

     Creates a subscription and answers its signing secret, **shown only
    this once**. Events of the listed types recorded from now on are POSTed
    to the URL, signed per Standard Webhooks (headers `webhook-id`,
    `webhook-timestamp`, `webhook-signature`; see the Webhooks section).

    **URL rules.** `https` only (plain `http` only where the service is
    configured to allow it, e.g. in development). The host must not be or
    resolve to a loopback, private, link-local or cloud-metadata address
    unless the service's allow-list names it; the same check is made again
    at every delivery, after DNS resolution.

    **Who may call:** administrators. The service API key is not accepted:
    a subscription receives every customer's data, so creating one is an
    administrator's decision, not something any holder of the shared key
    can do.

    Args:
        body (CreateWebhookSubscriptionRequest): A new subscription.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebhookSubscriptionWithSecretResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookSubscriptionRequest,
) -> ErrorEnvelope | WebhookSubscriptionWithSecretResponse | None:
    """Subscribe a URL to customer events

     Creates a subscription and answers its signing secret, **shown only
    this once**. Events of the listed types recorded from now on are POSTed
    to the URL, signed per Standard Webhooks (headers `webhook-id`,
    `webhook-timestamp`, `webhook-signature`; see the Webhooks section).

    **URL rules.** `https` only (plain `http` only where the service is
    configured to allow it, e.g. in development). The host must not be or
    resolve to a loopback, private, link-local or cloud-metadata address
    unless the service's allow-list names it; the same check is made again
    at every delivery, after DNS resolution.

    **Who may call:** administrators. The service API key is not accepted:
    a subscription receives every customer's data, so creating one is an
    administrator's decision, not something any holder of the shared key
    can do.

    Args:
        body (CreateWebhookSubscriptionRequest): A new subscription.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebhookSubscriptionWithSecretResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
