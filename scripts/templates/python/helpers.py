"""The hand-written layer of the CRMS Python SDK, beside the generated client (crms_sdk.api, crms_sdk.models).

- ``crms_client``: an ``AuthenticatedClient`` for a user's access token or the service API key, which sends the
  caller's ``X-Request-Id`` and ``traceparent`` with every request (sync and async).
- ``unwrap``: the success body of a ``*.sync_detailed``/``*.asyncio_detailed`` response, or ``CrmsApiError``.
- ``iter_all_customers``/``aiter_all_customers``: every page of ``listCustomers``, with keyset cursors.
- ``idempotency_key``: a fresh ``Idempotency-Key`` for the statistics PATCH (reuse it when retrying).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from typing import Any, TypeVar

import httpx

from .api.admin import list_customers
from .client import AuthenticatedClient
from .models.customer_list_response import CustomerListResponse
from .models.customer_summary import CustomerSummary
from .models.error_envelope import ErrorEnvelope
from .types import Response

T = TypeVar("T")

#: a fixed value, or a function called before every request (a refreshed token, the current request's id)
HeaderSource = str | Callable[[], str | None]


class CrmsApiError(Exception):
    """An error answer of CRMS: the status and the error envelope (message, ``errors[]``), the request id to quote,
    and ``retry_after`` (seconds) when the answer carried ``Retry-After`` (429, 503)."""

    def __init__(
        self,
        status: int,
        message: str,
        errors: list[dict[str, str]],
        request_id: str | None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(f"CRMS answered {status}: {message}")
        self.status = status
        self.message = message
        self.errors = errors
        self.request_id = request_id
        self.retry_after = retry_after

    @classmethod
    def from_response(cls, response: Response[Any] | httpx.Response) -> CrmsApiError:
        message = f"CRMS answered {int(response.status_code)}"
        errors: list[dict[str, str]] = []
        parsed = response.parsed if isinstance(response, Response) else None
        if isinstance(parsed, ErrorEnvelope):
            message = parsed.message
            errors = [{"field": e.field, "message": e.message} for e in parsed.errors]
        else:
            try:
                body = json.loads(response.content)
            except ValueError:
                body = None
            if isinstance(body, dict) and isinstance(body.get("message"), str):
                message = body["message"]
                errors = [e for e in body.get("errors", []) if isinstance(e, dict)]
        retry = response.headers.get("retry-after")
        return cls(
            int(response.status_code),
            message,
            errors,
            response.headers.get("x-request-id"),
            int(retry) if retry is not None and retry.isdigit() else None,
        )


def unwrap(response: Response[T | ErrorEnvelope] | Response[T | ErrorEnvelope | None]) -> T:
    """The success body of a response, or raises ``CrmsApiError`` carrying the error envelope."""
    parsed = response.parsed
    if 200 <= int(response.status_code) < 300 and parsed is not None and not isinstance(parsed, ErrorEnvelope):
        return parsed
    raise CrmsApiError.from_response(response)


def idempotency_key() -> str:
    """A new ``Idempotency-Key``: send the same one again when retrying the same statistics change."""
    return str(uuid.uuid4())


def _is_envelope(response: httpx.Response) -> bool:
    try:
        ErrorEnvelope.from_dict(response.json())
    except (ValueError, KeyError, TypeError, AttributeError):
        return False
    return True


class _Headers(httpx.Auth):
    """Sets the credentials and the tracing headers on every request (httpx.Auth runs for sync and async clients).

    It also sees every answer: an error answer that is not CRMS's error envelope (a proxy's HTML 502 or 503 during a
    deployment, a gateway's timeout page) raises ``CrmsApiError`` here, where the generated parser would fail with
    a JSON or key error, so every error answer is one exception type."""

    requires_response_body = True

    def __init__(self, headers: dict[str, HeaderSource]) -> None:
        self._headers = headers

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        for name, source in self._headers.items():
            value = source() if callable(source) else source
            if value:
                request.headers[name] = value
        response = yield request
        if response.status_code >= 400 and not _is_envelope(response):
            raise CrmsApiError.from_response(response)


def crms_client(
    base_url: str,
    *,
    token: HeaderSource | None = None,
    api_key: str | None = None,
    request_id: HeaderSource | None = None,
    traceparent: HeaderSource | None = None,
    timeout: float = 10.0,
    httpx_args: dict[str, Any] | None = None,
) -> AuthenticatedClient:
    """A client for a user's access token (``token``: customer and administrator routes) or the service API key
    (``api_key``: the internal routes, sent as ``X-Service-API-Key``). ``request_id`` and ``traceparent`` are passed
    through as ``X-Request-Id`` and ``traceparent`` (give a function to send the id of the request being served).
    ``httpx_args`` go to the httpx clients (``transport``, ``event_hooks``, ``verify``, ...)."""
    if (token is None) == (api_key is None):
        raise ValueError("give exactly one of token (a user's access token) and api_key (the service API key)")
    headers: dict[str, HeaderSource] = {}
    if callable(token):
        headers["Authorization"] = lambda: f"Bearer {token()}"
    if request_id is not None:
        headers["X-Request-Id"] = request_id
    if traceparent is not None:
        headers["traceparent"] = traceparent
    return AuthenticatedClient(
        base_url=base_url,
        # the generated client sends `auth_header_name: prefix token` (a token function replaces it per request)
        token=api_key if api_key is not None else token if isinstance(token, str) else "",
        prefix="" if api_key is not None else "Bearer",
        auth_header_name="X-Service-API-Key" if api_key is not None else "Authorization",
        timeout=httpx.Timeout(timeout),
        httpx_args={**(httpx_args or {}), "auth": _Headers(headers)},
    )


def _page(response: Response[CustomerListResponse | ErrorEnvelope]) -> tuple[list[CustomerSummary], str | None]:
    body = unwrap(response)
    return body.data.customers, body.data.pagination.next_cursor


def iter_all_customers(client: AuthenticatedClient, **query: Any) -> Iterator[CustomerSummary]:
    """Every customer matching ``query`` (the keyword arguments of ``list_customers``), page by page with keyset
    cursors (stable while customers are added). Raises ``CrmsApiError`` on an error answer."""
    cursor: str | None = None
    while True:
        args: dict[str, Any] = {**query, "cursor": cursor} if cursor else dict(query)
        customers, cursor = _page(list_customers.sync_detailed(client=client, **args))
        yield from customers
        if not cursor:
            return


async def aiter_all_customers(client: AuthenticatedClient, **query: Any) -> AsyncIterator[CustomerSummary]:
    """``iter_all_customers`` for asyncio."""
    cursor: str | None = None
    while True:
        args: dict[str, Any] = {**query, "cursor": cursor} if cursor else dict(query)
        customers, cursor = _page(await list_customers.asyncio_detailed(client=client, **args))
        for customer in customers:
            yield customer
        if not cursor:
            return
