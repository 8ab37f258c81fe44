"""What the Order, Complaint and Auth services do with the SDK."""

import pytest

from crms_sdk.api.internal import (
    create_customer_record,
    get_customer_by_user_id,
    increment_complaint_count,
    update_customer_statistics,
)
from crms_sdk.client import AuthenticatedClient
from crms_sdk.helpers import CrmsApiError, crms_client, idempotency_key, unwrap
from crms_sdk.models.complaint_count_request import ComplaintCountRequest
from crms_sdk.models.create_customer_request import CreateCustomerRequest
from crms_sdk.models.statistics_increment import StatisticsIncrement
from crms_sdk.models.update_statistics_request import UpdateStatisticsRequest

from conftest import new_user_id


def test_when_the_auth_service_creates_a_record_then_it_starts_active_and_a_second_create_is_refused(
    service: AuthenticatedClient,
) -> None:
    user_id = new_user_id()
    body = CreateCustomerRequest(user_id=user_id, email=f"{user_id}@Example.com", full_name="Asha Rao")
    created = create_customer_record.sync_detailed(client=service, body=body)
    assert created.status_code == 201
    record = unwrap(created).data
    assert record.user_id == user_id
    with pytest.raises(CrmsApiError) as refused:
        unwrap(create_customer_record.sync_detailed(client=service, body=body))
    assert refused.value.status == 409
    assert [e["field"] for e in refused.value.errors] == ["userId"]


def test_when_the_order_service_retries_a_statistics_change_with_the_same_key_then_it_counts_once(
    service: AuthenticatedClient, customer: tuple[str, str]
) -> None:
    user_id, _ = customer
    found = unwrap(get_customer_by_user_id.sync_detailed(user_id, client=service)).data
    key = idempotency_key()
    change = UpdateStatisticsRequest(increment=StatisticsIncrement(total_orders=1, total_order_value=499.5))
    first = unwrap(
        update_customer_statistics.sync_detailed(found.customer_id, client=service, body=change, idempotency_key=key)
    )
    retried = unwrap(
        update_customer_statistics.sync_detailed(found.customer_id, client=service, body=change, idempotency_key=key)
    )
    assert first.data.total_orders == 1
    assert retried.data.total_orders == 1
    after = unwrap(get_customer_by_user_id.sync_detailed(user_id, client=service)).data
    assert (after.total_orders, after.total_order_value) == (1, 499.5)


@pytest.mark.asyncio
async def test_when_the_order_service_is_async_then_the_same_calls_await(
    service: AuthenticatedClient, customer: tuple[str, str]
) -> None:
    user_id, customer_id = customer
    change = UpdateStatisticsRequest(increment=StatisticsIncrement(total_orders=2))
    await update_customer_statistics.asyncio_detailed(
        customer_id, client=service, body=change, idempotency_key=idempotency_key()
    )
    found = unwrap(await get_customer_by_user_id.asyncio_detailed(user_id, client=service)).data
    assert found.total_orders == 2


def test_when_the_complaint_service_files_a_complaint_then_both_complaint_counters_rise(
    service: AuthenticatedClient, customer: tuple[str, str]
) -> None:
    user_id, customer_id = customer
    counted = unwrap(
        increment_complaint_count.sync_detailed(
            customer_id, client=service, body=ComplaintCountRequest(complaint_count=1)
        )
    ).data
    assert (counted.total_complaints, counted.open_complaints) == (1, 1)
    found = unwrap(get_customer_by_user_id.sync_detailed(user_id, client=service)).data
    assert found.total_complaints == 1


def test_when_a_service_passes_its_request_id_then_crms_answers_with_it(
    base_url: str, customer: tuple[str, str]
) -> None:
    import os

    user_id, _ = customer
    ids = iter(["order-svc-req-1", "order-svc-req-2"])
    traced = crms_client(base_url, api_key=os.environ["CRMS_API_KEY"], request_id=lambda: next(ids))
    assert get_customer_by_user_id.sync_detailed(user_id, client=traced).headers["x-request-id"] == "order-svc-req-1"
    assert get_customer_by_user_id.sync_detailed(user_id, client=traced).headers["x-request-id"] == "order-svc-req-2"
