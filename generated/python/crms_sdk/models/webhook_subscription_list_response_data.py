from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.webhook_subscription import WebhookSubscription


T = TypeVar("T", bound="WebhookSubscriptionListResponseData")


@_attrs_define
class WebhookSubscriptionListResponseData:
    """
    Attributes:
        subscriptions (list[WebhookSubscription]):
    """

    subscriptions: list[WebhookSubscription]

    def to_dict(self) -> dict[str, Any]:
        subscriptions = []
        for subscriptions_item_data in self.subscriptions:
            subscriptions_item = subscriptions_item_data.to_dict()
            subscriptions.append(subscriptions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subscriptions": subscriptions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_subscription import WebhookSubscription  # noqa: PLC0415

        d = dict(src_dict)
        subscriptions = []
        _subscriptions = d.pop("subscriptions")
        for subscriptions_item_data in _subscriptions:
            subscriptions_item = WebhookSubscription.from_dict(subscriptions_item_data)

            subscriptions.append(subscriptions_item)

        webhook_subscription_list_response_data = cls(
            subscriptions=subscriptions,
        )

        return webhook_subscription_list_response_data
