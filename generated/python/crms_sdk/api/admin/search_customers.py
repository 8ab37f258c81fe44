from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.search_results_response import SearchResultsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str,
    limit: int | Unset = 20,
    include_administrators: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    params["limit"] = limit

    params["includeAdministrators"] = include_administrators

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/customers/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SearchResultsResponse | None:
    if response.status_code == 200:
        response_200 = SearchResultsResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | SearchResultsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    limit: int | Unset = 20,
    include_administrators: bool | Unset = False,
) -> Response[ErrorEnvelope | SearchResultsResponse]:
    """Search customers

     Finds customers by name, e-mail address or contact number (guide §4.3)
    and returns up to `limit` matches.

    **Who may call:** administrators.

    **Matching.** Case-insensitive prefix matching on normalised search
    keys; `q` is trimmed and never interpreted as a pattern (`.*` or `^`
    match only those literal characters). A customer matches when `q` is a
    prefix of:
    - a word of the full name (`joh` and `doe` both find John Doe);
    - the e-mail address or its local part (`john.d` finds
      john.doe@example.com);
    - the contact number's digits, with or without the country code (`+91`)
      — `9876543210`, `919876543210` and `+919876543210` all find
      `+919876543210`.

    A word with an `@` matches the e-mail address as it is being typed: the
    part before the `@` must prefix the local part or one of its
    dot/dash/underscore-separated pieces, and the part after it the domain
    (`joshi28@`, `joshi28@yah`, `@yahoo.co.in` and `aarav.joshi28@yahoo.co.in`
    all find aarav.joshi28@yahoo.co.in), so results never vanish on the way
    to a full address. The same rule applies to `searchTerm` of
    `GET /api/customers`.

    **Edge cases**
    - No match is a 200 with an empty `results` array.
    - A missing, empty or whitespace-only `q`, `q` longer than 100
      characters, or `limit` outside 1..50 is rejected with 400.

    Args:
        q (str):
        limit (int | Unset):  Default: 20.
        include_administrators (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SearchResultsResponse]
    """

    kwargs = _get_kwargs(
        q=q,
        limit=limit,
        include_administrators=include_administrators,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    q: str,
    limit: int | Unset = 20,
    include_administrators: bool | Unset = False,
) -> ErrorEnvelope | SearchResultsResponse | None:
    """Search customers

     Finds customers by name, e-mail address or contact number (guide §4.3)
    and returns up to `limit` matches.

    **Who may call:** administrators.

    **Matching.** Case-insensitive prefix matching on normalised search
    keys; `q` is trimmed and never interpreted as a pattern (`.*` or `^`
    match only those literal characters). A customer matches when `q` is a
    prefix of:
    - a word of the full name (`joh` and `doe` both find John Doe);
    - the e-mail address or its local part (`john.d` finds
      john.doe@example.com);
    - the contact number's digits, with or without the country code (`+91`)
      — `9876543210`, `919876543210` and `+919876543210` all find
      `+919876543210`.

    A word with an `@` matches the e-mail address as it is being typed: the
    part before the `@` must prefix the local part or one of its
    dot/dash/underscore-separated pieces, and the part after it the domain
    (`joshi28@`, `joshi28@yah`, `@yahoo.co.in` and `aarav.joshi28@yahoo.co.in`
    all find aarav.joshi28@yahoo.co.in), so results never vanish on the way
    to a full address. The same rule applies to `searchTerm` of
    `GET /api/customers`.

    **Edge cases**
    - No match is a 200 with an empty `results` array.
    - A missing, empty or whitespace-only `q`, `q` longer than 100
      characters, or `limit` outside 1..50 is rejected with 400.

    Args:
        q (str):
        limit (int | Unset):  Default: 20.
        include_administrators (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SearchResultsResponse
    """

    return sync_detailed(
        client=client,
        q=q,
        limit=limit,
        include_administrators=include_administrators,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    limit: int | Unset = 20,
    include_administrators: bool | Unset = False,
) -> Response[ErrorEnvelope | SearchResultsResponse]:
    """Search customers

     Finds customers by name, e-mail address or contact number (guide §4.3)
    and returns up to `limit` matches.

    **Who may call:** administrators.

    **Matching.** Case-insensitive prefix matching on normalised search
    keys; `q` is trimmed and never interpreted as a pattern (`.*` or `^`
    match only those literal characters). A customer matches when `q` is a
    prefix of:
    - a word of the full name (`joh` and `doe` both find John Doe);
    - the e-mail address or its local part (`john.d` finds
      john.doe@example.com);
    - the contact number's digits, with or without the country code (`+91`)
      — `9876543210`, `919876543210` and `+919876543210` all find
      `+919876543210`.

    A word with an `@` matches the e-mail address as it is being typed: the
    part before the `@` must prefix the local part or one of its
    dot/dash/underscore-separated pieces, and the part after it the domain
    (`joshi28@`, `joshi28@yah`, `@yahoo.co.in` and `aarav.joshi28@yahoo.co.in`
    all find aarav.joshi28@yahoo.co.in), so results never vanish on the way
    to a full address. The same rule applies to `searchTerm` of
    `GET /api/customers`.

    **Edge cases**
    - No match is a 200 with an empty `results` array.
    - A missing, empty or whitespace-only `q`, `q` longer than 100
      characters, or `limit` outside 1..50 is rejected with 400.

    Args:
        q (str):
        limit (int | Unset):  Default: 20.
        include_administrators (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SearchResultsResponse]
    """

    kwargs = _get_kwargs(
        q=q,
        limit=limit,
        include_administrators=include_administrators,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str,
    limit: int | Unset = 20,
    include_administrators: bool | Unset = False,
) -> ErrorEnvelope | SearchResultsResponse | None:
    """Search customers

     Finds customers by name, e-mail address or contact number (guide §4.3)
    and returns up to `limit` matches.

    **Who may call:** administrators.

    **Matching.** Case-insensitive prefix matching on normalised search
    keys; `q` is trimmed and never interpreted as a pattern (`.*` or `^`
    match only those literal characters). A customer matches when `q` is a
    prefix of:
    - a word of the full name (`joh` and `doe` both find John Doe);
    - the e-mail address or its local part (`john.d` finds
      john.doe@example.com);
    - the contact number's digits, with or without the country code (`+91`)
      — `9876543210`, `919876543210` and `+919876543210` all find
      `+919876543210`.

    A word with an `@` matches the e-mail address as it is being typed: the
    part before the `@` must prefix the local part or one of its
    dot/dash/underscore-separated pieces, and the part after it the domain
    (`joshi28@`, `joshi28@yah`, `@yahoo.co.in` and `aarav.joshi28@yahoo.co.in`
    all find aarav.joshi28@yahoo.co.in), so results never vanish on the way
    to a full address. The same rule applies to `searchTerm` of
    `GET /api/customers`.

    **Edge cases**
    - No match is a 200 with an empty `results` array.
    - A missing, empty or whitespace-only `q`, `q` longer than 100
      characters, or `limit` outside 1..50 is rejected with 400.

    Args:
        q (str):
        limit (int | Unset):  Default: 20.
        include_administrators (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SearchResultsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            limit=limit,
            include_administrators=include_administrators,
        )
    ).parsed
