from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_profile_response import CustomerProfileResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    user_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers/internal/user/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerProfileResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CustomerProfileResponse.from_dict(response.json())

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
) -> Response[CustomerProfileResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CustomerProfileResponse | ErrorEnvelope]:
    """Get a customer by Auth user id

     Returns the customer record of an Auth Service user, in the same shape
    as `GET /api/customers/me`. Used by the Order and Complaint services to
    find the customer (and its `customerId`) of a user.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - A user without a customer record is a 404; this route never creates
      one.
    - A malformed `userId` (not 1 to 64 letters, digits, `_` or `-`) is a
      400.

    Args:
        user_id (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats
            it as an opaque string of 1 to 64 letters, digits, `_` or `-`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerProfileResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> CustomerProfileResponse | ErrorEnvelope | None:
    """Get a customer by Auth user id

     Returns the customer record of an Auth Service user, in the same shape
    as `GET /api/customers/me`. Used by the Order and Complaint services to
    find the customer (and its `customerId`) of a user.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - A user without a customer record is a 404; this route never creates
      one.
    - A malformed `userId` (not 1 to 64 letters, digits, `_` or `-`) is a
      400.

    Args:
        user_id (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats
            it as an opaque string of 1 to 64 letters, digits, `_` or `-`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerProfileResponse | ErrorEnvelope
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CustomerProfileResponse | ErrorEnvelope]:
    """Get a customer by Auth user id

     Returns the customer record of an Auth Service user, in the same shape
    as `GET /api/customers/me`. Used by the Order and Complaint services to
    find the customer (and its `customerId`) of a user.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - A user without a customer record is a 404; this route never creates
      one.
    - A malformed `userId` (not 1 to 64 letters, digits, `_` or `-`) is a
      400.

    Args:
        user_id (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats
            it as an opaque string of 1 to 64 letters, digits, `_` or `-`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerProfileResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> CustomerProfileResponse | ErrorEnvelope | None:
    """Get a customer by Auth user id

     Returns the customer record of an Auth Service user, in the same shape
    as `GET /api/customers/me`. Used by the Order and Complaint services to
    find the customer (and its `customerId`) of a user.

    **Who may call:** sibling services with the service API key
    (`X-Service-API-Key` or `X-API-Key`).

    **Edge cases**
    - A user without a customer record is a 404; this route never creates
      one.
    - A malformed `userId` (not 1 to 64 letters, digits, `_` or `-`) is a
      400.

    Args:
        user_id (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats
            it as an opaque string of 1 to 64 letters, digits, `_` or `-`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerProfileResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
        )
    ).parsed
