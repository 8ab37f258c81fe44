from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WebhookSubscriptionDeletionResponseData")


@_attrs_define
class WebhookSubscriptionDeletionResponseData:
    """
    Attributes:
        subscription_id (str):
    """

    subscription_id: str

    def to_dict(self) -> dict[str, Any]:
        subscription_id = self.subscription_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subscriptionId": subscription_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = d.pop("subscriptionId")

        webhook_subscription_deletion_response_data = cls(
            subscription_id=subscription_id,
        )

        return webhook_subscription_deletion_response_data
