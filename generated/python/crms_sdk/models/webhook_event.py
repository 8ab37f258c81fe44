from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_event_type import WebhookEventType

if TYPE_CHECKING:
    from ..models.webhook_event_actor import WebhookEventActor
    from ..models.webhook_event_data import WebhookEventData


T = TypeVar("T", bound="WebhookEvent")


@_attrs_define
class WebhookEvent:
    """The body of every event delivery (one envelope for all types). `id` is the same on every delivery attempt of the
    event: receivers deduplicate by it, since delivery is at least once. `sequence` counts the customer's events (1, 2,
    3, …): a receiver that sees a lower sequence than it already processed for a customer has an older event.

        Attributes:
            id (str): The event's id (`evt_` + the customer id + `_` + the sequence), stable across attempts.
            type_ (Literal['webhook.test'] | WebhookEventType):
            timestamp (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z` suffix
                and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
            customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
            sequence (int): The customer's event number, 1 for `customer.created`; 0 for a test event.
            actor (WebhookEventActor): Who made the change: a signed-in user (`user`: an administrator, or the customer on
                their own record; `id` is the user id), a sibling service through the internal routes (`service`), or CRMS
                itself (`system`).
            data (WebhookEventData): The customer's state after the change (`customer`, absent for `customer.deleted`), its
                version as an `ETag` (usable as `If-Match` on the customer's write operations) and what changed.
    """

    id: str
    type_: Literal["webhook.test"] | WebhookEventType
    timestamp: datetime.datetime
    customer_id: str
    sequence: int
    actor: WebhookEventActor
    data: WebhookEventData

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: Literal["webhook.test"] | str
        if isinstance(self.type_, WebhookEventType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        timestamp = self.timestamp.isoformat()

        customer_id = self.customer_id

        sequence = self.sequence

        actor = self.actor.to_dict()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "type": type_,
                "timestamp": timestamp,
                "customerId": customer_id,
                "sequence": sequence,
                "actor": actor,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_event_actor import WebhookEventActor  # noqa: PLC0415
        from ..models.webhook_event_data import WebhookEventData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_type_(data: object) -> Literal["webhook.test"] | WebhookEventType:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = WebhookEventType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            type_type_1 = cast(Literal["webhook.test"], data)
            if type_type_1 != "webhook.test":
                raise ValueError(f"type_type_1 must match const 'webhook.test', got '{type_type_1}'")
            return type_type_1

        type_ = _parse_type_(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        customer_id = d.pop("customerId")

        sequence = d.pop("sequence")

        actor = WebhookEventActor.from_dict(d.pop("actor"))

        data = WebhookEventData.from_dict(d.pop("data"))

        webhook_event = cls(
            id=id,
            type_=type_,
            timestamp=timestamp,
            customer_id=customer_id,
            sequence=sequence,
            actor=actor,
            data=data,
        )

        return webhook_event
