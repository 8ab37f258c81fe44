from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.webhook_test_response_data import WebhookTestResponseData


T = TypeVar("T", bound="WebhookTestResponse")


@_attrs_define
class WebhookTestResponse:
    """Success envelope whose `data` is the test event that was queued.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (WebhookTestResponseData):
    """

    success: bool
    message: str
    data: WebhookTestResponseData

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
        from ..models.webhook_test_response_data import WebhookTestResponseData  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = WebhookTestResponseData.from_dict(d.pop("data"))

        webhook_test_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return webhook_test_response
