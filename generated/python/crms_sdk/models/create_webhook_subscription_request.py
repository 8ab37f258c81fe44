from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateWebhookSubscriptionRequest")


@_attrs_define
class CreateWebhookSubscriptionRequest:
    """A new subscription.

    Attributes:
        url (str): `https://` (plain `http://` only where the service allows it). Refused when the host is or resolves
            to a loopback, private, link-local or cloud metadata address, unless the allow-list names it.
        event_types (list[WebhookEventType]):
        description (str | Unset):
    """

    url: str
    event_types: list[WebhookEventType]
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "eventTypes": event_types,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = []
        _event_types = d.pop("eventTypes")
        for event_types_item_data in _event_types:
            event_types_item = WebhookEventType(event_types_item_data)

            event_types.append(event_types_item)

        description = d.pop("description", UNSET)

        create_webhook_subscription_request = cls(
            url=url,
            event_types=event_types,
            description=description,
        )

        return create_webhook_subscription_request
