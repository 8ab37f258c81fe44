from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_profile_response import CustomerProfileResponse
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers/me",
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
) -> Response[CustomerProfileResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CustomerProfileResponse | ErrorEnvelope]:
    """Get own customer profile

     Returns the customer record of the authenticated user (found by the
    token's `userId`, or `sub` when `userId` is absent), with its order and
    complaint statistics (guide §4.1).

    **Who may call:** any user with a valid access token whose role is
    `Customer` or `Administrator`.

    **Edge cases**
    - A user without a record — a `Customer` whose registration call (fire
      and forget) was lost, or an `Administrator`, for whom the Auth Service
      never creates one — gets the record created on the fly from the user
      data of the Auth Service, then the profile. This self-healing is
      idempotent, also under concurrent calls. The user data is input: it
      must pass exactly the rules of `POST /api/customers/internal/create`
      (e-mail, name without control characters, contact number format), and
      the record's `customerSince` is the user's registration time in the
      Auth Service (`createdAt`; the time of healing when Auth has none).
    - The record of a caller whose token's role is `Administrator` is marked
      as an administrator's (when it is created, or at the first such call
      for a record created before): the customer list, search, CSV export
      and analytics leave it out unless `includeAdministrators=true`.
    - If the Auth Service does not know the user the answer is 404. If it
      cannot be reached, or answers with user data CRMS cannot accept, the
      answer is 502 naming the Auth Service, and nothing is created.
    - Unset optional dates and the contact number are omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerProfileResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> CustomerProfileResponse | ErrorEnvelope | None:
    """Get own customer profile

     Returns the customer record of the authenticated user (found by the
    token's `userId`, or `sub` when `userId` is absent), with its order and
    complaint statistics (guide §4.1).

    **Who may call:** any user with a valid access token whose role is
    `Customer` or `Administrator`.

    **Edge cases**
    - A user without a record — a `Customer` whose registration call (fire
      and forget) was lost, or an `Administrator`, for whom the Auth Service
      never creates one — gets the record created on the fly from the user
      data of the Auth Service, then the profile. This self-healing is
      idempotent, also under concurrent calls. The user data is input: it
      must pass exactly the rules of `POST /api/customers/internal/create`
      (e-mail, name without control characters, contact number format), and
      the record's `customerSince` is the user's registration time in the
      Auth Service (`createdAt`; the time of healing when Auth has none).
    - The record of a caller whose token's role is `Administrator` is marked
      as an administrator's (when it is created, or at the first such call
      for a record created before): the customer list, search, CSV export
      and analytics leave it out unless `includeAdministrators=true`.
    - If the Auth Service does not know the user the answer is 404. If it
      cannot be reached, or answers with user data CRMS cannot accept, the
      answer is 502 naming the Auth Service, and nothing is created.
    - Unset optional dates and the contact number are omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerProfileResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CustomerProfileResponse | ErrorEnvelope]:
    """Get own customer profile

     Returns the customer record of the authenticated user (found by the
    token's `userId`, or `sub` when `userId` is absent), with its order and
    complaint statistics (guide §4.1).

    **Who may call:** any user with a valid access token whose role is
    `Customer` or `Administrator`.

    **Edge cases**
    - A user without a record — a `Customer` whose registration call (fire
      and forget) was lost, or an `Administrator`, for whom the Auth Service
      never creates one — gets the record created on the fly from the user
      data of the Auth Service, then the profile. This self-healing is
      idempotent, also under concurrent calls. The user data is input: it
      must pass exactly the rules of `POST /api/customers/internal/create`
      (e-mail, name without control characters, contact number format), and
      the record's `customerSince` is the user's registration time in the
      Auth Service (`createdAt`; the time of healing when Auth has none).
    - The record of a caller whose token's role is `Administrator` is marked
      as an administrator's (when it is created, or at the first such call
      for a record created before): the customer list, search, CSV export
      and analytics leave it out unless `includeAdministrators=true`.
    - If the Auth Service does not know the user the answer is 404. If it
      cannot be reached, or answers with user data CRMS cannot accept, the
      answer is 502 naming the Auth Service, and nothing is created.
    - Unset optional dates and the contact number are omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerProfileResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> CustomerProfileResponse | ErrorEnvelope | None:
    """Get own customer profile

     Returns the customer record of the authenticated user (found by the
    token's `userId`, or `sub` when `userId` is absent), with its order and
    complaint statistics (guide §4.1).

    **Who may call:** any user with a valid access token whose role is
    `Customer` or `Administrator`.

    **Edge cases**
    - A user without a record — a `Customer` whose registration call (fire
      and forget) was lost, or an `Administrator`, for whom the Auth Service
      never creates one — gets the record created on the fly from the user
      data of the Auth Service, then the profile. This self-healing is
      idempotent, also under concurrent calls. The user data is input: it
      must pass exactly the rules of `POST /api/customers/internal/create`
      (e-mail, name without control characters, contact number format), and
      the record's `customerSince` is the user's registration time in the
      Auth Service (`createdAt`; the time of healing when Auth has none).
    - The record of a caller whose token's role is `Administrator` is marked
      as an administrator's (when it is created, or at the first such call
      for a record created before): the customer list, search, CSV export
      and analytics leave it out unless `includeAdministrators=true`.
    - If the Auth Service does not know the user the answer is 404. If it
      cannot be reached, or answers with user data CRMS cannot accept, the
      answer is 502 naming the Auth Service, and nothing is created.
    - Unset optional dates and the contact number are omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerProfileResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
