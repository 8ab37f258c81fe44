"""A small Order Service as it uses the SDK: type-checked with mypy --strict by test/sdk/python-sdk.test.ts."""

from __future__ import annotations

from contextvars import ContextVar

from crms_sdk.api.internal import get_customer_by_user_id, update_customer_statistics
from crms_sdk.client import AuthenticatedClient
from crms_sdk.helpers import CrmsApiError, crms_client, idempotency_key, unwrap
from crms_sdk.models.statistics_increment import StatisticsIncrement
from crms_sdk.models.update_statistics_request import UpdateStatisticsRequest

#: the id of the request being served (set by the web framework's middleware)
current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)


def make_client(base_url: str, api_key: str) -> AuthenticatedClient:
    return crms_client(base_url, api_key=api_key, request_id=current_request_id.get)


def record_order(crms: AuthenticatedClient, user_id: str, amount: float, order_id: str) -> int:
    """Counts a placed order on the customer; the order id makes retries count once. Returns the new total."""
    customer = unwrap(get_customer_by_user_id.sync_detailed(user_id, client=crms)).data
    change = UpdateStatisticsRequest(increment=StatisticsIncrement(total_orders=1, total_order_value=amount))
    try:
        updated = unwrap(
            update_customer_statistics.sync_detailed(
                customer.customer_id, client=crms, body=change, idempotency_key=f"order-{order_id}"
            )
        )
    except CrmsApiError as error:
        if error.status == 503 and error.retry_after is not None:
            raise RuntimeError(
                f"CRMS unavailable, retry in {error.retry_after} s (request {error.request_id})"
            ) from error
        raise
    return updated.data.total_orders


async def customer_total(crms: AuthenticatedClient, user_id: str) -> float:
    return unwrap(await get_customer_by_user_id.asyncio_detailed(user_id, client=crms)).data.total_order_value


__all__ = ["customer_total", "idempotency_key", "make_client", "record_order"]
