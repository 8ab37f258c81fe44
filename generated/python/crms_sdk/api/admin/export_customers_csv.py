from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_status import CustomerStatus
from ...models.customer_type import CustomerType
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: CustomerStatus | Unset = UNSET,
    type_: CustomerType | Unset = UNSET,
    search_term: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    customer_since_from: str | Unset = UNSET,
    customer_since_to: str | Unset = UNSET,
    last_order_from: str | Unset = UNSET,
    last_order_to: str | Unset = UNSET,
    min_order_value: float | Unset = UNSET,
    max_order_value: float | Unset = UNSET,
    has_open_complaints: bool | Unset = UNSET,
    include_administrators: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["searchTerm"] = search_term

    params["tags"] = tags

    params["customerSinceFrom"] = customer_since_from

    params["customerSinceTo"] = customer_since_to

    params["lastOrderFrom"] = last_order_from

    params["lastOrderTo"] = last_order_to

    params["minOrderValue"] = min_order_value

    params["maxOrderValue"] = max_order_value

    params["hasOpenComplaints"] = has_open_complaints

    params["includeAdministrators"] = include_administrators

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers/export.csv",
        "params": params,
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
    status: CustomerStatus | Unset = UNSET,
    type_: CustomerType | Unset = UNSET,
    search_term: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    customer_since_from: str | Unset = UNSET,
    customer_since_to: str | Unset = UNSET,
    last_order_from: str | Unset = UNSET,
    last_order_to: str | Unset = UNSET,
    min_order_value: float | Unset = UNSET,
    max_order_value: float | Unset = UNSET,
    has_open_complaints: bool | Unset = UNSET,
    include_administrators: bool | Unset = False,
) -> Response[ErrorEnvelope | str]:
    """Export customers as CSV

     Streams every customer matching the filters of `GET /api/customers` as
    CSV (`text/csv; charset=utf-8`, RFC 4180): a header row, then one row
    per customer (each exactly once, in storage order: no sort, so that the
    first rows leave at once also for millions of customers), lines ending in
    CRLF, fields quoted when they contain a comma, quote, CR or LF (quotes
    doubled). The rows are read from a database cursor and written with
    backpressure, so the memory used does not grow with the number of
    customers.

    Columns: `customerId, userId, email, fullName, contactNumber,
    customerStatus, customerType, totalOrders, totalOrderValue,
    totalComplaints, openComplaints, lastOrderDate, lastComplaintDate,
    customerSince, tags, createdAt, updatedAt, erasedAt`. Dates are ISO-8601
    UTC; empty when not set. `tags` are joined with `; `.

    **Formula-injection safe.** A text cell starting with `=`, `+`, `-`,
    `@`, a tab or a carriage return gets a leading apostrophe (`'`), so
    spreadsheet programs show it as text instead of evaluating it (OWASP
    "CSV Injection"); a contact number `+91…` is therefore exported as
    `'+91…`.

    **Who may call:** administrators.

    **Edge cases**
    - Invalid filters are rejected with 400 (a JSON error envelope) before
      any row is sent. No match gives the header row only.
    - Should the database fail mid-export, the connection is closed without
      the final bytes, so a truncated file is never mistaken for a complete
      one by an HTTP client.

    Args:
        status (CustomerStatus | Unset): Business status of the customer. `Inactive` and
            `Suspended` also deactivate the user in the Auth Service; `Active` re-activates it.
        type_ (CustomerType | Unset): Commercial tier of the customer.
        search_term (str | Unset):
        tags (str | Unset):
        customer_since_from (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        customer_since_to (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        last_order_from (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        last_order_to (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        min_order_value (float | Unset):
        max_order_value (float | Unset):
        has_open_complaints (bool | Unset):
        include_administrators (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        status=status,
        type_=type_,
        search_term=search_term,
        tags=tags,
        customer_since_from=customer_since_from,
        customer_since_to=customer_since_to,
        last_order_from=last_order_from,
        last_order_to=last_order_to,
        min_order_value=min_order_value,
        max_order_value=max_order_value,
        has_open_complaints=has_open_complaints,
        include_administrators=include_administrators,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: CustomerStatus | Unset = UNSET,
    type_: CustomerType | Unset = UNSET,
    search_term: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    customer_since_from: str | Unset = UNSET,
    customer_since_to: str | Unset = UNSET,
    last_order_from: str | Unset = UNSET,
    last_order_to: str | Unset = UNSET,
    min_order_value: float | Unset = UNSET,
    max_order_value: float | Unset = UNSET,
    has_open_complaints: bool | Unset = UNSET,
    include_administrators: bool | Unset = False,
) -> ErrorEnvelope | str | None:
    """Export customers as CSV

     Streams every customer matching the filters of `GET /api/customers` as
    CSV (`text/csv; charset=utf-8`, RFC 4180): a header row, then one row
    per customer (each exactly once, in storage order: no sort, so that the
    first rows leave at once also for millions of customers), lines ending in
    CRLF, fields quoted when they contain a comma, quote, CR or LF (quotes
    doubled). The rows are read from a database cursor and written with
    backpressure, so the memory used does not grow with the number of
    customers.

    Columns: `customerId, userId, email, fullName, contactNumber,
    customerStatus, customerType, totalOrders, totalOrderValue,
    totalComplaints, openComplaints, lastOrderDate, lastComplaintDate,
    customerSince, tags, createdAt, updatedAt, erasedAt`. Dates are ISO-8601
    UTC; empty when not set. `tags` are joined with `; `.

    **Formula-injection safe.** A text cell starting with `=`, `+`, `-`,
    `@`, a tab or a carriage return gets a leading apostrophe (`'`), so
    spreadsheet programs show it as text instead of evaluating it (OWASP
    "CSV Injection"); a contact number `+91…` is therefore exported as
    `'+91…`.

    **Who may call:** administrators.

    **Edge cases**
    - Invalid filters are rejected with 400 (a JSON error envelope) before
      any row is sent. No match gives the header row only.
    - Should the database fail mid-export, the connection is closed without
      the final bytes, so a truncated file is never mistaken for a complete
      one by an HTTP client.

    Args:
        status (CustomerStatus | Unset): Business status of the customer. `Inactive` and
            `Suspended` also deactivate the user in the Auth Service; `Active` re-activates it.
        type_ (CustomerType | Unset): Commercial tier of the customer.
        search_term (str | Unset):
        tags (str | Unset):
        customer_since_from (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        customer_since_to (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        last_order_from (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        last_order_to (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        min_order_value (float | Unset):
        max_order_value (float | Unset):
        has_open_complaints (bool | Unset):
        include_administrators (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
    """

    return sync_detailed(
        client=client,
        status=status,
        type_=type_,
        search_term=search_term,
        tags=tags,
        customer_since_from=customer_since_from,
        customer_since_to=customer_since_to,
        last_order_from=last_order_from,
        last_order_to=last_order_to,
        min_order_value=min_order_value,
        max_order_value=max_order_value,
        has_open_complaints=has_open_complaints,
        include_administrators=include_administrators,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: CustomerStatus | Unset = UNSET,
    type_: CustomerType | Unset = UNSET,
    search_term: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    customer_since_from: str | Unset = UNSET,
    customer_since_to: str | Unset = UNSET,
    last_order_from: str | Unset = UNSET,
    last_order_to: str | Unset = UNSET,
    min_order_value: float | Unset = UNSET,
    max_order_value: float | Unset = UNSET,
    has_open_complaints: bool | Unset = UNSET,
    include_administrators: bool | Unset = False,
) -> Response[ErrorEnvelope | str]:
    """Export customers as CSV

     Streams every customer matching the filters of `GET /api/customers` as
    CSV (`text/csv; charset=utf-8`, RFC 4180): a header row, then one row
    per customer (each exactly once, in storage order: no sort, so that the
    first rows leave at once also for millions of customers), lines ending in
    CRLF, fields quoted when they contain a comma, quote, CR or LF (quotes
    doubled). The rows are read from a database cursor and written with
    backpressure, so the memory used does not grow with the number of
    customers.

    Columns: `customerId, userId, email, fullName, contactNumber,
    customerStatus, customerType, totalOrders, totalOrderValue,
    totalComplaints, openComplaints, lastOrderDate, lastComplaintDate,
    customerSince, tags, createdAt, updatedAt, erasedAt`. Dates are ISO-8601
    UTC; empty when not set. `tags` are joined with `; `.

    **Formula-injection safe.** A text cell starting with `=`, `+`, `-`,
    `@`, a tab or a carriage return gets a leading apostrophe (`'`), so
    spreadsheet programs show it as text instead of evaluating it (OWASP
    "CSV Injection"); a contact number `+91…` is therefore exported as
    `'+91…`.

    **Who may call:** administrators.

    **Edge cases**
    - Invalid filters are rejected with 400 (a JSON error envelope) before
      any row is sent. No match gives the header row only.
    - Should the database fail mid-export, the connection is closed without
      the final bytes, so a truncated file is never mistaken for a complete
      one by an HTTP client.

    Args:
        status (CustomerStatus | Unset): Business status of the customer. `Inactive` and
            `Suspended` also deactivate the user in the Auth Service; `Active` re-activates it.
        type_ (CustomerType | Unset): Commercial tier of the customer.
        search_term (str | Unset):
        tags (str | Unset):
        customer_since_from (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        customer_since_to (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        last_order_from (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        last_order_to (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        min_order_value (float | Unset):
        max_order_value (float | Unset):
        has_open_complaints (bool | Unset):
        include_administrators (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        status=status,
        type_=type_,
        search_term=search_term,
        tags=tags,
        customer_since_from=customer_since_from,
        customer_since_to=customer_since_to,
        last_order_from=last_order_from,
        last_order_to=last_order_to,
        min_order_value=min_order_value,
        max_order_value=max_order_value,
        has_open_complaints=has_open_complaints,
        include_administrators=include_administrators,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: CustomerStatus | Unset = UNSET,
    type_: CustomerType | Unset = UNSET,
    search_term: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    customer_since_from: str | Unset = UNSET,
    customer_since_to: str | Unset = UNSET,
    last_order_from: str | Unset = UNSET,
    last_order_to: str | Unset = UNSET,
    min_order_value: float | Unset = UNSET,
    max_order_value: float | Unset = UNSET,
    has_open_complaints: bool | Unset = UNSET,
    include_administrators: bool | Unset = False,
) -> ErrorEnvelope | str | None:
    """Export customers as CSV

     Streams every customer matching the filters of `GET /api/customers` as
    CSV (`text/csv; charset=utf-8`, RFC 4180): a header row, then one row
    per customer (each exactly once, in storage order: no sort, so that the
    first rows leave at once also for millions of customers), lines ending in
    CRLF, fields quoted when they contain a comma, quote, CR or LF (quotes
    doubled). The rows are read from a database cursor and written with
    backpressure, so the memory used does not grow with the number of
    customers.

    Columns: `customerId, userId, email, fullName, contactNumber,
    customerStatus, customerType, totalOrders, totalOrderValue,
    totalComplaints, openComplaints, lastOrderDate, lastComplaintDate,
    customerSince, tags, createdAt, updatedAt, erasedAt`. Dates are ISO-8601
    UTC; empty when not set. `tags` are joined with `; `.

    **Formula-injection safe.** A text cell starting with `=`, `+`, `-`,
    `@`, a tab or a carriage return gets a leading apostrophe (`'`), so
    spreadsheet programs show it as text instead of evaluating it (OWASP
    "CSV Injection"); a contact number `+91…` is therefore exported as
    `'+91…`.

    **Who may call:** administrators.

    **Edge cases**
    - Invalid filters are rejected with 400 (a JSON error envelope) before
      any row is sent. No match gives the header row only.
    - Should the database fail mid-export, the connection is closed without
      the final bytes, so a truncated file is never mistaken for a complete
      one by an HTTP client.

    Args:
        status (CustomerStatus | Unset): Business status of the customer. `Inactive` and
            `Suspended` also deactivate the user in the Auth Service; `Active` re-activates it.
        type_ (CustomerType | Unset): Commercial tier of the customer.
        search_term (str | Unset):
        tags (str | Unset):
        customer_since_from (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        customer_since_to (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        last_order_from (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        last_order_to (str | Unset): A date bound of a listing filter: an ISO-8601 date
            (`2026-01-31`) or date-time (see InputDateTime; without an offset it is UTC). Bounds are
            inclusive: a date as `…From` means from its first millisecond (UTC), as `…To` up to and
            including its last millisecond.
        min_order_value (float | Unset):
        max_order_value (float | Unset):
        has_open_complaints (bool | Unset):
        include_administrators (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            type_=type_,
            search_term=search_term,
            tags=tags,
            customer_since_from=customer_since_from,
            customer_since_to=customer_since_to,
            last_order_from=last_order_from,
            last_order_to=last_order_to,
            min_order_value=min_order_value,
            max_order_value=max_order_value,
            has_open_complaints=has_open_complaints,
            include_administrators=include_administrators,
        )
    ).parsed
