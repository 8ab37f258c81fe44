"""Error answers reach the caller as one exception type carrying the error envelope."""

import os

import httpx
import pytest

from crms_sdk.api.admin import get_customer, list_customers
from crms_sdk.api.internal import get_customer_by_user_id
from crms_sdk.client import AuthenticatedClient
from crms_sdk.helpers import CrmsApiError, crms_client, unwrap

UNKNOWN = "0123456789abcdef01234567"


def test_when_the_token_is_not_valid_then_a_401_carries_the_envelope_and_request_id(base_url: str) -> None:
    anonymous = crms_client(base_url, token="not-a-jwt", request_id="py-401")
    with pytest.raises(CrmsApiError) as refused:
        unwrap(get_customer.sync_detailed(UNKNOWN, client=anonymous))
    assert refused.value.status == 401
    assert refused.value.request_id == "py-401"
    assert refused.value.message


def test_when_the_customer_does_not_exist_then_a_404_names_the_field(admin: AuthenticatedClient) -> None:
    with pytest.raises(CrmsApiError) as missing:
        unwrap(get_customer.sync_detailed(UNKNOWN, client=admin))
    assert missing.value.status == 404
    assert missing.value.errors == [{"field": "customerId", "message": "No customer exists with the provided ID"}]


def test_when_a_parameter_is_out_of_range_then_a_400_lists_each_problem(admin: AuthenticatedClient) -> None:
    with pytest.raises(CrmsApiError) as invalid:
        unwrap(list_customers.sync_detailed(client=admin, limit=1000))
    assert invalid.value.status == 400
    assert [e["field"] for e in invalid.value.errors] == ["limit"]


def test_when_the_database_is_unavailable_then_a_503_carries_retry_after() -> None:
    down = crms_client(os.environ["CRMS_UNAVAILABLE_URL"], api_key=os.environ["CRMS_API_KEY"])
    with pytest.raises(CrmsApiError) as unavailable:
        unwrap(get_customer_by_user_id.sync_detailed("py-any-user", client=down))
    assert unavailable.value.status == 503
    assert unavailable.value.retry_after is not None and unavailable.value.retry_after > 0
    assert unavailable.value.errors[0]["field"] == "database"


def test_when_a_client_is_made_then_it_sends_the_credentials_and_tracing_headers() -> None:
    """The headers of crms_client, seen by a transport that records them (no server needed)."""
    seen: list[httpx.Headers] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(404, json={"success": False, "message": "Not found", "errors": []})

    tokens = iter(["first", "refreshed"])
    traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    transport = {"transport": httpx.MockTransport(record)}
    user = crms_client("http://crms.test", token=lambda: next(tokens), traceparent=traceparent, httpx_args=transport)
    for _ in range(2):
        get_customer.sync_detailed(UNKNOWN, client=user)
    assert [h["authorization"] for h in seen] == ["Bearer first", "Bearer refreshed"]
    assert seen[0]["traceparent"] == traceparent

    service = crms_client("http://crms.test", api_key="key-1", request_id="req-1", httpx_args=transport)
    get_customer_by_user_id.sync_detailed("u1", client=service)
    assert seen[2]["x-service-api-key"] == "key-1"
    assert seen[2]["x-request-id"] == "req-1"
    assert "authorization" not in seen[2]


def _behind_a_proxy(status: int, body: str, headers: dict[str, str]) -> AuthenticatedClient:
    """A client whose answers come from a proxy in front of CRMS (an HTML page, not the error envelope)."""
    transport = httpx.MockTransport(lambda _: httpx.Response(status, text=body, headers=headers))
    return crms_client("http://crms.internal", api_key="any", httpx_args={"transport": transport})


@pytest.mark.parametrize("status", [503, 502])
def test_when_a_proxy_answers_an_error_page_then_it_is_raised_as_the_same_exception_type(status: int) -> None:
    # 503 is an answer of the contract (the generated parser would read it as JSON), 502 is not
    proxy = _behind_a_proxy(status, "<html><body>upstream unavailable</body></html>", {"Retry-After": "7"})
    with pytest.raises(CrmsApiError) as failed:
        get_customer_by_user_id.sync_detailed("py-user", client=proxy)
    assert (failed.value.status, failed.value.retry_after, failed.value.errors) == (status, 7, [])


@pytest.mark.asyncio
async def test_when_a_proxy_answers_an_error_page_to_an_async_call_then_it_is_raised_the_same_way() -> None:
    proxy = _behind_a_proxy(503, "Service Unavailable", {"Content-Type": "text/plain"})
    with pytest.raises(CrmsApiError) as failed:
        await get_customer_by_user_id.asyncio_detailed("py-user", client=proxy)
    assert failed.value.status == 503
