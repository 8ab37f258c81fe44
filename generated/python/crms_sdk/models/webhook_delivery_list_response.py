from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.webhook_delivery_list_response_data import WebhookDeliveryListResponseData


T = TypeVar("T", bound="WebhookDeliveryListResponse")


@_attrs_define
class WebhookDeliveryListResponse:
    """Success envelope whose `data` is the subscription's latest deliveries, newest first.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (WebhookDeliveryListResponseData):
    """

    success: bool
    message: str
    data: WebhookDeliveryListResponseData

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
        from ..models.webhook_delivery_list_response_data import WebhookDeliveryListResponseData  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = WebhookDeliveryListResponseData.from_dict(d.pop("data"))

        webhook_delivery_list_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return webhook_delivery_list_response
