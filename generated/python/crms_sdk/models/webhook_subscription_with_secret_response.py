from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.webhook_subscription_with_secret import WebhookSubscriptionWithSecret


T = TypeVar("T", bound="WebhookSubscriptionWithSecretResponse")


@_attrs_define
class WebhookSubscriptionWithSecretResponse:
    """Success envelope whose `data` is a WebhookSubscriptionWithSecret.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (WebhookSubscriptionWithSecret): A subscription and its new signing secret (after creation or rotation).
    """

    success: bool
    message: str
    data: WebhookSubscriptionWithSecret

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
        from ..models.webhook_subscription_with_secret import WebhookSubscriptionWithSecret  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = WebhookSubscriptionWithSecret.from_dict(d.pop("data"))

        webhook_subscription_with_secret_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return webhook_subscription_with_secret_response
