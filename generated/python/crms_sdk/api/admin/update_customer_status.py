from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.status_update_response import StatusUpdateResponse
from ...models.update_status_request import UpdateStatusRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    customer_id: str,
    *,
    body: UpdateStatusRequest,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/customers/{customer_id}/status".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | StatusUpdateResponse | None:
    if response.status_code == 200:
        response_200 = StatusUpdateResponse.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = ErrorEnvelope.from_dict(response.json())

        return response_412

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
) -> Response[ErrorEnvelope | StatusUpdateResponse]:
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
    body: UpdateStatusRequest,
    if_match: str | Unset = UNSET,
) -> Response[ErrorEnvelope | StatusUpdateResponse]:
    """Change a customer's status

     Activates, deactivates or suspends a customer (guide §4.6). The change
    (old value, new value, reason, administrator, time) is appended to the
    status history shown by `GET /api/customers/{customerId}`.

    **Who may call:** administrators.

    **Concurrency.** Send the `ETag` you read as `If-Match` to apply the
    change only if nobody changed the customer since (else 412, nothing
    changed). The answer carries the record's new `ETag`.

    **Auth Service synchronisation.** `Inactive` and `Suspended` deactivate
    the user in the Auth Service; `Active` re-activates it. The status and a
    pending-sync marker are saved together first, so the administrator's
    decision is never lost; then the Auth Service is called at once with the
    administrator's token. `authSync` in the answer is `synced` when the
    Auth Service confirmed it (a user already in the desired state counts as
    confirmed) and `pending` when it could not be reached: a background
    worker then retries with backoff until it succeeds, also across
    restarts, and only the latest desired state is sent. The Auth Service
    being down therefore never fails this request.

    **Edge cases**
    - Setting the status the customer already has is accepted (200,
      `previousStatus` equal to `customerStatus`) and adds no history
      entry.
    - Moving between `Inactive` and `Suspended` changes nothing in the Auth
      Service (the user stays deactivated).

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (UpdateStatusRequest): New status of a customer (guide §4.6).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatusUpdateResponse]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateStatusRequest,
    if_match: str | Unset = UNSET,
) -> ErrorEnvelope | StatusUpdateResponse | None:
    """Change a customer's status

     Activates, deactivates or suspends a customer (guide §4.6). The change
    (old value, new value, reason, administrator, time) is appended to the
    status history shown by `GET /api/customers/{customerId}`.

    **Who may call:** administrators.

    **Concurrency.** Send the `ETag` you read as `If-Match` to apply the
    change only if nobody changed the customer since (else 412, nothing
    changed). The answer carries the record's new `ETag`.

    **Auth Service synchronisation.** `Inactive` and `Suspended` deactivate
    the user in the Auth Service; `Active` re-activates it. The status and a
    pending-sync marker are saved together first, so the administrator's
    decision is never lost; then the Auth Service is called at once with the
    administrator's token. `authSync` in the answer is `synced` when the
    Auth Service confirmed it (a user already in the desired state counts as
    confirmed) and `pending` when it could not be reached: a background
    worker then retries with backoff until it succeeds, also across
    restarts, and only the latest desired state is sent. The Auth Service
    being down therefore never fails this request.

    **Edge cases**
    - Setting the status the customer already has is accepted (200,
      `previousStatus` equal to `customerStatus`) and adds no history
      entry.
    - Moving between `Inactive` and `Suspended` changes nothing in the Auth
      Service (the user stays deactivated).

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (UpdateStatusRequest): New status of a customer (guide §4.6).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | StatusUpdateResponse
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateStatusRequest,
    if_match: str | Unset = UNSET,
) -> Response[ErrorEnvelope | StatusUpdateResponse]:
    """Change a customer's status

     Activates, deactivates or suspends a customer (guide §4.6). The change
    (old value, new value, reason, administrator, time) is appended to the
    status history shown by `GET /api/customers/{customerId}`.

    **Who may call:** administrators.

    **Concurrency.** Send the `ETag` you read as `If-Match` to apply the
    change only if nobody changed the customer since (else 412, nothing
    changed). The answer carries the record's new `ETag`.

    **Auth Service synchronisation.** `Inactive` and `Suspended` deactivate
    the user in the Auth Service; `Active` re-activates it. The status and a
    pending-sync marker are saved together first, so the administrator's
    decision is never lost; then the Auth Service is called at once with the
    administrator's token. `authSync` in the answer is `synced` when the
    Auth Service confirmed it (a user already in the desired state counts as
    confirmed) and `pending` when it could not be reached: a background
    worker then retries with backoff until it succeeds, also across
    restarts, and only the latest desired state is sent. The Auth Service
    being down therefore never fails this request.

    **Edge cases**
    - Setting the status the customer already has is accepted (200,
      `previousStatus` equal to `customerStatus`) and adds no history
      entry.
    - Moving between `Inactive` and `Suspended` changes nothing in the Auth
      Service (the user stays deactivated).

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (UpdateStatusRequest): New status of a customer (guide §4.6).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | StatusUpdateResponse]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateStatusRequest,
    if_match: str | Unset = UNSET,
) -> ErrorEnvelope | StatusUpdateResponse | None:
    """Change a customer's status

     Activates, deactivates or suspends a customer (guide §4.6). The change
    (old value, new value, reason, administrator, time) is appended to the
    status history shown by `GET /api/customers/{customerId}`.

    **Who may call:** administrators.

    **Concurrency.** Send the `ETag` you read as `If-Match` to apply the
    change only if nobody changed the customer since (else 412, nothing
    changed). The answer carries the record's new `ETag`.

    **Auth Service synchronisation.** `Inactive` and `Suspended` deactivate
    the user in the Auth Service; `Active` re-activates it. The status and a
    pending-sync marker are saved together first, so the administrator's
    decision is never lost; then the Auth Service is called at once with the
    administrator's token. `authSync` in the answer is `synced` when the
    Auth Service confirmed it (a user already in the desired state counts as
    confirmed) and `pending` when it could not be reached: a background
    worker then retries with backoff until it succeeds, also across
    restarts, and only the latest desired state is sent. The Auth Service
    being down therefore never fails this request.

    **Edge cases**
    - Setting the status the customer already has is accepted (200,
      `previousStatus` equal to `customerStatus`) and adds no history
      entry.
    - Moving between `Inactive` and `Suspended` changes nothing in the Auth
      Service (the user stays deactivated).

    Args:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal
            characters).
        if_match (str | Unset):
        body (UpdateStatusRequest): New status of a customer (guide §4.6).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | StatusUpdateResponse
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
