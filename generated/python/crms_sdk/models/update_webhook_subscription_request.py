from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.update_webhook_subscription_request_status import UpdateWebhookSubscriptionRequestStatus
from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateWebhookSubscriptionRequest")


@_attrs_define
class UpdateWebhookSubscriptionRequest:
    """The properties to change; `status` pauses (`paused`) or resumes (`active`).

    Attributes:
        url (str | Unset):
        event_types (list[WebhookEventType] | Unset):
        description (str | Unset):
        status (UpdateWebhookSubscriptionRequestStatus | Unset):
    """

    url: str | Unset = UNSET
    event_types: list[WebhookEventType] | Unset = UNSET
    description: str | Unset = UNSET
    status: UpdateWebhookSubscriptionRequestStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = []
            for event_types_item_data in self.event_types:
                event_types_item = event_types_item_data.value
                event_types.append(event_types_item)

        description = self.description

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if event_types is not UNSET:
            field_dict["eventTypes"] = event_types
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        _event_types = d.pop("eventTypes", UNSET)
        event_types: list[WebhookEventType] | Unset = UNSET
        if _event_types is not UNSET:
            event_types = []
            for event_types_item_data in _event_types:
                event_types_item = WebhookEventType(event_types_item_data)

                event_types.append(event_types_item)

        description = d.pop("description", UNSET)

        _status = d.pop("status", UNSET)
        status: UpdateWebhookSubscriptionRequestStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = UpdateWebhookSubscriptionRequestStatus(_status)

        update_webhook_subscription_request = cls(
            url=url,
            event_types=event_types,
            description=description,
            status=status,
        )

        return update_webhook_subscription_request
