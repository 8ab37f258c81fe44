"""A receiver of CRMS's events verifies them with the SDK's verify_webhook: real deliveries of the live CRMS (signed by
its own delivery code) to a loopback receiver, cross-checked with the standardwebhooks library."""

import base64
import json
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from standardwebhooks import Webhook
from standardwebhooks import WebhookVerificationError as ReferenceVerificationError

from crms_sdk.api.internal import create_customer_record
from crms_sdk.api.webhooks import (
    create_webhook_subscription,
    delete_webhook_subscription,
    rotate_webhook_secret,
    send_webhook_test_event,
)
from crms_sdk.client import AuthenticatedClient
from crms_sdk.helpers import unwrap
from crms_sdk.models.create_customer_request import CreateCustomerRequest
from crms_sdk.models.create_webhook_subscription_request import CreateWebhookSubscriptionRequest
from crms_sdk.models.webhook_event_type import WebhookEventType
from crms_sdk.webhooks import WebhookVerificationError, verify_webhook

from conftest import eventually, new_user_id

Delivery = tuple[dict[str, str], bytes]


class Receiver:
    """An HTTP receiver on loopback that records every delivery (its headers and raw body) and answers 204."""

    def __init__(self) -> None:
        self.deliveries: list[Delivery] = []
        deliveries = self.deliveries

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                deliveries.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def delivery(self, event_id: str) -> Delivery:
        """The first delivery of the event, once it has arrived."""
        return eventually(
            lambda: next((d for d in self.deliveries if d[0].get("webhook-id") == event_id), None),
            f"the delivery of {event_id}",
        )


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    receiver.thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def subscription(admin: AuthenticatedClient, receiver: Receiver) -> Iterator[tuple[str, str]]:
    """A subscription of the receiver to customer.created: (its id, its secret, shown once)."""
    body = CreateWebhookSubscriptionRequest(
        url=receiver.url, event_types=[WebhookEventType.CUSTOMER_CREATED], description="Python SDK tests"
    )
    created = unwrap(create_webhook_subscription.sync_detailed(client=admin, body=body)).data
    yield created.subscription.subscription_id, created.secret
    unwrap(delete_webhook_subscription.sync_detailed(created.subscription.subscription_id, client=admin))


def other_secret() -> str:
    return f"whsec_{base64.b64encode(os.urandom(32)).decode()}"


def test_when_crms_delivers_a_customers_event_then_verify_webhook_returns_it_typed_as_the_reference_library_does(
    service: AuthenticatedClient, receiver: Receiver, subscription: tuple[str, str]
) -> None:
    _, secret = subscription
    user_id = new_user_id()
    request = CreateCustomerRequest(user_id=user_id, email=f"{user_id}@example.com", full_name="Webhook Receiver")
    customer_id = unwrap(create_customer_record.sync_detailed(client=service, body=request)).data.customer_id
    headers, body = receiver.delivery(f"evt_{customer_id}_1")

    event = verify_webhook(secret, body, headers)
    assert (event.id, event.type_, event.customer_id, event.sequence) == (
        f"evt_{customer_id}_1",
        WebhookEventType.CUSTOMER_CREATED,
        customer_id,
        1,
    )
    assert event.data.customer and event.data.customer.user_id == user_id
    # the body as text verifies the same; the reference library accepts what the helper accepts
    assert verify_webhook(secret, body.decode(), headers).to_dict() == event.to_dict()
    assert Webhook(secret).verify(body, headers) == json.loads(body)


def test_when_a_delivery_is_tampered_with_signed_under_another_secret_or_outside_five_minutes_then_it_is_refused(
    admin: AuthenticatedClient, receiver: Receiver, subscription: tuple[str, str]
) -> None:
    subscription_id, secret = subscription
    event_id = unwrap(send_webhook_test_event.sync_detailed(subscription_id, client=admin)).data.event_id
    headers, body = receiver.delivery(event_id)
    assert verify_webhook(secret, body, headers).type_ == "webhook.test"
    signed_at = datetime.fromtimestamp(int(headers["webhook-timestamp"]), UTC)

    tampered = body.replace(b'"sequence":0', b'"sequence":1')
    assert tampered != body
    refused: list[tuple[str, bytes, dict[str, str], datetime | None]] = [
        ("tampered body", tampered, headers, None),
        ("another secret", body, headers, None),
        ("six minutes late", body, headers, signed_at + timedelta(minutes=6)),
        ("six minutes early", body, headers, signed_at - timedelta(minutes=6)),
        ("no signature", body, {k: v for k, v in headers.items() if k != "webhook-signature"}, None),
        ("an unversioned signature", body, {**headers, "webhook-signature": headers["webhook-signature"][3:]}, None),
    ]
    for what, candidate, candidate_headers, now in refused:
        key = other_secret() if what == "another secret" else secret
        with pytest.raises(WebhookVerificationError):
            verify_webhook(key, candidate, candidate_headers, now=now)
            pytest.fail(f"{what} was accepted")
    # the edge of the tolerance still verifies (five minutes either way)
    assert verify_webhook(secret, body, headers, now=signed_at + timedelta(minutes=5)).id == event_id
    # the reference library refuses the same tampering and secret
    with pytest.raises(ReferenceVerificationError):
        Webhook(secret).verify(tampered, headers)
    with pytest.raises(ReferenceVerificationError):
        Webhook(other_secret()).verify(body, headers)


def test_when_the_secret_is_rotated_then_deliveries_carry_two_signatures_and_either_secret_verifies(
    admin: AuthenticatedClient, receiver: Receiver, subscription: tuple[str, str]
) -> None:
    subscription_id, previous = subscription
    current = unwrap(rotate_webhook_secret.sync_detailed(subscription_id, client=admin)).data.secret
    assert current != previous
    event_id = unwrap(send_webhook_test_event.sync_detailed(subscription_id, client=admin)).data.event_id
    headers, body = receiver.delivery(event_id)

    assert [entry.split(",")[0] for entry in headers["webhook-signature"].split(" ")] == ["v1", "v1"]
    for secret in (current, previous):
        assert verify_webhook(secret, body, headers).id == event_id
        assert Webhook(secret).verify(body, headers)["id"] == event_id
    with pytest.raises(WebhookVerificationError):
        verify_webhook(other_secret(), body, headers)


def test_when_an_authentic_body_is_not_a_crms_event_then_it_is_refused_and_header_names_may_be_in_any_case() -> None:
    secret = other_secret()
    at = datetime.now(UTC)

    def signed(body: str) -> dict[str, str]:
        return {
            "Webhook-Id": "evt_1",
            "Webhook-Timestamp": str(int(at.timestamp())),
            "Webhook-Signature": Webhook(secret).sign("evt_1", at, body),
        }

    for body in ("not json", "[1, 2]", '{"id": "evt_1"}'):
        with pytest.raises(WebhookVerificationError, match="not a CRMS event"):
            verify_webhook(secret, body, signed(body))
    event = {
        "id": "evt_1",
        "type": "customer.deleted",
        "timestamp": "2026-01-02T03:04:05.678Z",
        "customerId": "65a1b2c3d4e5f6a7b8c9d0e1",
        "sequence": 7,
        "actor": {"type": "system"},
        "data": {"version": 7},
    }
    body = json.dumps(event)
    # the secret's base64 alone (without whsec_) is the same key
    verified = verify_webhook(secret.removeprefix("whsec_"), body.encode(), signed(body))
    assert (verified.type_, verified.sequence, verified.to_dict()["timestamp"]) == (
        WebhookEventType.CUSTOMER_DELETED,
        7,
        "2026-01-02T03:04:05.678000+00:00",
    )
