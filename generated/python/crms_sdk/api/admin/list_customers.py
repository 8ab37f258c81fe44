from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_list_response import CustomerListResponse
from ...models.customer_status import CustomerStatus
from ...models.customer_type import CustomerType
from ...models.error_envelope import ErrorEnvelope
from ...models.list_customers_sort_by import ListCustomersSortBy
from ...models.list_customers_sort_order import ListCustomersSortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
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
    sort_by: ListCustomersSortBy | Unset = ListCustomersSortBy.CREATEDAT,
    sort_order: ListCustomersSortOrder | Unset = ListCustomersSortOrder.DESC,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

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

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sortBy"] = json_sort_by

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sortOrder"] = json_sort_order

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerListResponse | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = CustomerListResponse.from_dict(response.json())

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
) -> Response[CustomerListResponse | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
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
    sort_by: ListCustomersSortBy | Unset = ListCustomersSortBy.CREATEDAT,
    sort_order: ListCustomersSortOrder | Unset = ListCustomersSortOrder.DESC,
    cursor: str | Unset = UNSET,
) -> Response[CustomerListResponse | ErrorEnvelope]:
    """List customers

     Returns a page of customers, optionally filtered by status, type, a
    search term, tags, registration and last-order date ranges, order-value
    range and open complaints, sorted by one of four fields (guide §4.2).
    All filters combine with AND (`tags` itself is any-of). Ties are broken
    by `customerId`, so the order is stable and no customer appears twice
    across pages.

    **Who may call:** administrators.

    **Pagination.** Offset pagination with `page` and `limit` (default
    `DEFAULT_PAGE_SIZE`, 20; at most 100), or keyset pagination: pass
    `pagination.nextCursor` of the previous page as `cursor` (with the same
    filters, sort and `limit`) to get the next page in constant time, also
    on deep pages and while customers are being added. `nextCursor` is
    `null` on the last page.

    **Edge cases**
    - A page past the last one returns an empty `customers` array (200).
    - `limit` or `page` out of range, an unknown `sortBy`/`sortOrder`/`status`/`type`,
      a malformed or foreign `cursor`, `cursor` together with `page` > 1,
      a repeated parameter or an object-valued one (`status[$ne]=Active`)
      are rejected with 400.
    - `searchTerm` has the matching semantics of `GET /api/customers/search`.
    - A range whose lower bound is above its upper bound
      (`customerSinceFrom` > `customerSinceTo`, `lastOrderFrom` >
      `lastOrderTo`, `minOrderValue` > `maxOrderValue`) is rejected with 400
      naming the upper bound. Date bounds without an offset are UTC.
    - Customers without an order sort as the oldest `lastOrderDate`.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):
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
        sort_by (ListCustomersSortBy | Unset):  Default: ListCustomersSortBy.CREATEDAT.
        sort_order (ListCustomersSortOrder | Unset):  Default: ListCustomersSortOrder.DESC.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerListResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
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
        sort_by=sort_by,
        sort_order=sort_order,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
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
    sort_by: ListCustomersSortBy | Unset = ListCustomersSortBy.CREATEDAT,
    sort_order: ListCustomersSortOrder | Unset = ListCustomersSortOrder.DESC,
    cursor: str | Unset = UNSET,
) -> CustomerListResponse | ErrorEnvelope | None:
    """List customers

     Returns a page of customers, optionally filtered by status, type, a
    search term, tags, registration and last-order date ranges, order-value
    range and open complaints, sorted by one of four fields (guide §4.2).
    All filters combine with AND (`tags` itself is any-of). Ties are broken
    by `customerId`, so the order is stable and no customer appears twice
    across pages.

    **Who may call:** administrators.

    **Pagination.** Offset pagination with `page` and `limit` (default
    `DEFAULT_PAGE_SIZE`, 20; at most 100), or keyset pagination: pass
    `pagination.nextCursor` of the previous page as `cursor` (with the same
    filters, sort and `limit`) to get the next page in constant time, also
    on deep pages and while customers are being added. `nextCursor` is
    `null` on the last page.

    **Edge cases**
    - A page past the last one returns an empty `customers` array (200).
    - `limit` or `page` out of range, an unknown `sortBy`/`sortOrder`/`status`/`type`,
      a malformed or foreign `cursor`, `cursor` together with `page` > 1,
      a repeated parameter or an object-valued one (`status[$ne]=Active`)
      are rejected with 400.
    - `searchTerm` has the matching semantics of `GET /api/customers/search`.
    - A range whose lower bound is above its upper bound
      (`customerSinceFrom` > `customerSinceTo`, `lastOrderFrom` >
      `lastOrderTo`, `minOrderValue` > `maxOrderValue`) is rejected with 400
      naming the upper bound. Date bounds without an offset are UTC.
    - Customers without an order sort as the oldest `lastOrderDate`.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):
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
        sort_by (ListCustomersSortBy | Unset):  Default: ListCustomersSortBy.CREATEDAT.
        sort_order (ListCustomersSortOrder | Unset):  Default: ListCustomersSortOrder.DESC.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerListResponse | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        page=page,
        limit=limit,
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
        sort_by=sort_by,
        sort_order=sort_order,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
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
    sort_by: ListCustomersSortBy | Unset = ListCustomersSortBy.CREATEDAT,
    sort_order: ListCustomersSortOrder | Unset = ListCustomersSortOrder.DESC,
    cursor: str | Unset = UNSET,
) -> Response[CustomerListResponse | ErrorEnvelope]:
    """List customers

     Returns a page of customers, optionally filtered by status, type, a
    search term, tags, registration and last-order date ranges, order-value
    range and open complaints, sorted by one of four fields (guide §4.2).
    All filters combine with AND (`tags` itself is any-of). Ties are broken
    by `customerId`, so the order is stable and no customer appears twice
    across pages.

    **Who may call:** administrators.

    **Pagination.** Offset pagination with `page` and `limit` (default
    `DEFAULT_PAGE_SIZE`, 20; at most 100), or keyset pagination: pass
    `pagination.nextCursor` of the previous page as `cursor` (with the same
    filters, sort and `limit`) to get the next page in constant time, also
    on deep pages and while customers are being added. `nextCursor` is
    `null` on the last page.

    **Edge cases**
    - A page past the last one returns an empty `customers` array (200).
    - `limit` or `page` out of range, an unknown `sortBy`/`sortOrder`/`status`/`type`,
      a malformed or foreign `cursor`, `cursor` together with `page` > 1,
      a repeated parameter or an object-valued one (`status[$ne]=Active`)
      are rejected with 400.
    - `searchTerm` has the matching semantics of `GET /api/customers/search`.
    - A range whose lower bound is above its upper bound
      (`customerSinceFrom` > `customerSinceTo`, `lastOrderFrom` >
      `lastOrderTo`, `minOrderValue` > `maxOrderValue`) is rejected with 400
      naming the upper bound. Date bounds without an offset are UTC.
    - Customers without an order sort as the oldest `lastOrderDate`.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):
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
        sort_by (ListCustomersSortBy | Unset):  Default: ListCustomersSortBy.CREATEDAT.
        sort_order (ListCustomersSortOrder | Unset):  Default: ListCustomersSortOrder.DESC.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerListResponse | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
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
        sort_by=sort_by,
        sort_order=sort_order,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
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
    sort_by: ListCustomersSortBy | Unset = ListCustomersSortBy.CREATEDAT,
    sort_order: ListCustomersSortOrder | Unset = ListCustomersSortOrder.DESC,
    cursor: str | Unset = UNSET,
) -> CustomerListResponse | ErrorEnvelope | None:
    """List customers

     Returns a page of customers, optionally filtered by status, type, a
    search term, tags, registration and last-order date ranges, order-value
    range and open complaints, sorted by one of four fields (guide §4.2).
    All filters combine with AND (`tags` itself is any-of). Ties are broken
    by `customerId`, so the order is stable and no customer appears twice
    across pages.

    **Who may call:** administrators.

    **Pagination.** Offset pagination with `page` and `limit` (default
    `DEFAULT_PAGE_SIZE`, 20; at most 100), or keyset pagination: pass
    `pagination.nextCursor` of the previous page as `cursor` (with the same
    filters, sort and `limit`) to get the next page in constant time, also
    on deep pages and while customers are being added. `nextCursor` is
    `null` on the last page.

    **Edge cases**
    - A page past the last one returns an empty `customers` array (200).
    - `limit` or `page` out of range, an unknown `sortBy`/`sortOrder`/`status`/`type`,
      a malformed or foreign `cursor`, `cursor` together with `page` > 1,
      a repeated parameter or an object-valued one (`status[$ne]=Active`)
      are rejected with 400.
    - `searchTerm` has the matching semantics of `GET /api/customers/search`.
    - A range whose lower bound is above its upper bound
      (`customerSinceFrom` > `customerSinceTo`, `lastOrderFrom` >
      `lastOrderTo`, `minOrderValue` > `maxOrderValue`) is rejected with 400
      naming the upper bound. Date bounds without an offset are UTC.
    - Customers without an order sort as the oldest `lastOrderDate`.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):
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
        sort_by (ListCustomersSortBy | Unset):  Default: ListCustomersSortBy.CREATEDAT.
        sort_order (ListCustomersSortOrder | Unset):  Default: ListCustomersSortOrder.DESC.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerListResponse | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            limit=limit,
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
            sort_by=sort_by,
            sort_order=sort_order,
            cursor=cursor,
        )
    ).parsed
