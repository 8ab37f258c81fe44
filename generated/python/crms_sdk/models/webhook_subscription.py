from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_event_type import WebhookEventType
from ..models.webhook_subscription_status import WebhookSubscriptionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookSubscription")


@_attrs_define
class WebhookSubscription:
    """A receiver of events. The secret is never shown again after creation or rotation.

    Attributes:
        subscription_id (str): The subscription's id.
        url (str): Where events are POSTed.
        event_types (list[WebhookEventType]):
        status (WebhookSubscriptionStatus): `active`: events are delivered. `paused`: events are recorded for the
            subscription and delivered once it is active again. `disabled`: CRMS stopped delivering after deliveries failed
            for too long (`disabledReason`); setting `active` resumes, with the undelivered events.
        created_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        updated_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        description (str | Unset):
        disabled_reason (str | Unset): Why CRMS disabled the subscription (only when `status` is `disabled`).
        previous_secret_expires_at (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always
            in UTC with the `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the
            response (never `null`).
    """

    subscription_id: str
    url: str
    event_types: list[WebhookEventType]
    status: WebhookSubscriptionStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: str | Unset = UNSET
    disabled_reason: str | Unset = UNSET
    previous_secret_expires_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subscription_id = self.subscription_id

        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description = self.description

        disabled_reason = self.disabled_reason

        previous_secret_expires_at: str | Unset = UNSET
        if not isinstance(self.previous_secret_expires_at, Unset):
            previous_secret_expires_at = self.previous_secret_expires_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subscriptionId": subscription_id,
                "url": url,
                "eventTypes": event_types,
                "status": status,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if disabled_reason is not UNSET:
            field_dict["disabledReason"] = disabled_reason
        if previous_secret_expires_at is not UNSET:
            field_dict["previousSecretExpiresAt"] = previous_secret_expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = d.pop("subscriptionId")

        url = d.pop("url")

        event_types = []
        _event_types = d.pop("eventTypes")
        for event_types_item_data in _event_types:
            event_types_item = WebhookEventType(event_types_item_data)

            event_types.append(event_types_item)

        status = WebhookSubscriptionStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        description = d.pop("description", UNSET)

        disabled_reason = d.pop("disabledReason", UNSET)

        _previous_secret_expires_at = d.pop("previousSecretExpiresAt", UNSET)
        previous_secret_expires_at: datetime.datetime | Unset
        if isinstance(_previous_secret_expires_at, Unset):
            previous_secret_expires_at = UNSET
        else:
            previous_secret_expires_at = datetime.datetime.fromisoformat(_previous_secret_expires_at)

        webhook_subscription = cls(
            subscription_id=subscription_id,
            url=url,
            event_types=event_types,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
            disabled_reason=disabled_reason,
            previous_secret_expires_at=previous_secret_expires_at,
        )

        return webhook_subscription
