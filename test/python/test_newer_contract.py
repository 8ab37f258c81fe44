"""An SDK generated from an older contract keeps working against a newer CRMS: an enum value it does not know
(a status added later) parses instead of failing the whole answer."""

import json

import httpx

from crms_sdk.api.internal import get_customer_by_user_id
from crms_sdk.client import AuthenticatedClient
from crms_sdk.helpers import crms_client, unwrap
from crms_sdk.models import CustomerStatus


def test_when_an_answer_carries_an_enum_value_added_after_the_sdk_then_it_parses_and_keeps_the_value(
    base_url: str, service: AuthenticatedClient, customer: tuple[str, str]
) -> None:
    user_id, _ = customer
    # the live server's answer, as a newer CRMS would send it: a customerStatus this SDK's contract lacks
    live = service.get_httpx_client().get(f"/api/customers/internal/user/{user_id}")
    assert live.status_code == 200
    answer = live.json()
    answer["data"]["customerStatus"] = "Archived"
    newer = crms_client(
        base_url,
        api_key="any",
        httpx_args={"transport": httpx.MockTransport(lambda _: httpx.Response(200, json=answer))},
    )

    found = unwrap(get_customer_by_user_id.sync_detailed(user_id, client=newer)).data

    assert found.customer_status == "Archived"
    assert isinstance(found.customer_status, CustomerStatus)
    assert found.customer_status not in list(CustomerStatus)
    assert json.loads(json.dumps(found.to_dict()))["customerStatus"] == "Archived"
    assert CustomerStatus("Active") is CustomerStatus.ACTIVE
