from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.webhook_subscription import WebhookSubscription


T = TypeVar("T", bound="WebhookSubscriptionResponse")


@_attrs_define
class WebhookSubscriptionResponse:
    """Success envelope whose `data` is a WebhookSubscription.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (WebhookSubscription): A receiver of events. The secret is never shown again after creation or rotation.
    """

    success: bool
    message: str
    data: WebhookSubscription

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "success": success,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_subscription import WebhookSubscription  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = WebhookSubscription.from_dict(d.pop("data"))

        webhook_subscription_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return webhook_subscription_response
