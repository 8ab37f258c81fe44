from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_delivery_status import WebhookDeliveryStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.webhook_attempt import WebhookAttempt


T = TypeVar("T", bound="WebhookDelivery")


@_attrs_define
class WebhookDelivery:
    """One event's delivery to one subscription, with its attempts (the latest 10).

    Attributes:
        event_id (str):
        type_ (str):
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        sequence (int):
        status (WebhookDeliveryStatus): `pending`: not delivered yet (waiting for its turn or for the next attempt).
        attempts (int):
        created_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        log (list[WebhookAttempt]):
        next_attempt_at (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with
            the `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response (never
            `null`).
        delivered_at (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the
            `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response (never
            `null`).
    """

    event_id: str
    type_: str
    customer_id: str
    sequence: int
    status: WebhookDeliveryStatus
    attempts: int
    created_at: datetime.datetime
    log: list[WebhookAttempt]
    next_attempt_at: datetime.datetime | Unset = UNSET
    delivered_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        type_ = self.type_

        customer_id = self.customer_id

        sequence = self.sequence

        status = self.status.value

        attempts = self.attempts

        created_at = self.created_at.isoformat()

        log = []
        for log_item_data in self.log:
            log_item = log_item_data.to_dict()
            log.append(log_item)

        next_attempt_at: str | Unset = UNSET
        if not isinstance(self.next_attempt_at, Unset):
            next_attempt_at = self.next_attempt_at.isoformat()

        delivered_at: str | Unset = UNSET
        if not isinstance(self.delivered_at, Unset):
            delivered_at = self.delivered_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "eventId": event_id,
                "type": type_,
                "customerId": customer_id,
                "sequence": sequence,
                "status": status,
                "attempts": attempts,
                "createdAt": created_at,
                "log": log,
            }
        )
        if next_attempt_at is not UNSET:
            field_dict["nextAttemptAt"] = next_attempt_at
        if delivered_at is not UNSET:
            field_dict["deliveredAt"] = delivered_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_attempt import WebhookAttempt  # noqa: PLC0415

        d = dict(src_dict)
        event_id = d.pop("eventId")

        type_ = d.pop("type")

        customer_id = d.pop("customerId")

        sequence = d.pop("sequence")

        status = WebhookDeliveryStatus(d.pop("status"))

        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        log = []
        _log = d.pop("log")
        for log_item_data in _log:
            log_item = WebhookAttempt.from_dict(log_item_data)

            log.append(log_item)

        _next_attempt_at = d.pop("nextAttemptAt", UNSET)
        next_attempt_at: datetime.datetime | Unset
        if isinstance(_next_attempt_at, Unset):
            next_attempt_at = UNSET
        else:
            next_attempt_at = datetime.datetime.fromisoformat(_next_attempt_at)

        _delivered_at = d.pop("deliveredAt", UNSET)
        delivered_at: datetime.datetime | Unset
        if isinstance(_delivered_at, Unset):
            delivered_at = UNSET
        else:
            delivered_at = datetime.datetime.fromisoformat(_delivered_at)

        webhook_delivery = cls(
            event_id=event_id,
            type_=type_,
            customer_id=customer_id,
            sequence=sequence,
            status=status,
            attempts=attempts,
            created_at=created_at,
            log=log,
            next_attempt_at=next_attempt_at,
            delivered_at=delivered_at,
        )

        return webhook_delivery
