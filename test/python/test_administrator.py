"""What an administrator's tool does with the SDK: list every page, search, change a status with If-Match."""

import pytest

from crms_sdk.api.admin import get_customer, search_customers, update_customer_status
from crms_sdk.api.internal import create_customer_record
from crms_sdk.client import AuthenticatedClient
from crms_sdk.helpers import CrmsApiError, aiter_all_customers, iter_all_customers, unwrap
from crms_sdk.models.create_customer_request import CreateCustomerRequest
from crms_sdk.models.customer_status import CustomerStatus
from crms_sdk.models.update_status_request import UpdateStatusRequest

from conftest import new_user_id


@pytest.fixture
def five_customers(service: AuthenticatedClient) -> list[str]:
    ids = []
    for _ in range(5):
        user_id = new_user_id()
        body = CreateCustomerRequest(user_id=user_id, email=f"{user_id}@example.com", full_name="Listed Customer")
        ids.append(unwrap(create_customer_record.sync_detailed(client=service, body=body)).data.customer_id)
    return ids


def test_when_an_administrator_lists_every_page_then_each_customer_comes_once(
    admin: AuthenticatedClient, five_customers: list[str]
) -> None:
    seen = [c.customer_id for c in iter_all_customers(admin, limit=2)]
    assert len(seen) == len(set(seen))
    assert set(five_customers) <= set(seen)


@pytest.mark.asyncio
async def test_when_an_async_tool_lists_every_page_then_it_sees_the_same_customers(
    admin: AuthenticatedClient, five_customers: list[str]
) -> None:
    seen = [c.customer_id async for c in aiter_all_customers(admin, limit=2)]
    assert len(seen) == len(set(seen))
    assert set(five_customers) <= set(seen)


def test_when_an_administrator_searches_by_email_then_the_customer_is_found(
    admin: AuthenticatedClient, customer: tuple[str, str]
) -> None:
    user_id, customer_id = customer
    found = unwrap(search_customers.sync_detailed(client=admin, q=f"{user_id}@example.com")).data
    assert [c.customer_id for c in found.results] == [customer_id]


def test_when_an_administrator_changes_a_status_with_the_current_etag_then_it_changes_and_a_stale_one_is_refused(
    admin: AuthenticatedClient, customer: tuple[str, str]
) -> None:
    _, customer_id = customer
    read = get_customer.sync_detailed(customer_id, client=admin)
    etag = read.headers["etag"]
    change = UpdateStatusRequest(status=CustomerStatus.SUSPENDED, reason="Chargeback under review")
    changed = unwrap(update_customer_status.sync_detailed(customer_id, client=admin, body=change, if_match=etag)).data
    assert changed.customer_status == CustomerStatus.SUSPENDED
    with pytest.raises(CrmsApiError) as stale:
        unwrap(update_customer_status.sync_detailed(customer_id, client=admin, body=change, if_match=etag))
    assert stale.value.status == 412
    assert stale.value.message
