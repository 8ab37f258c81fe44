from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEventChangeIncrement")


@_attrs_define
class WebhookEventChangeIncrement:
    """For a statistics change, the counters added to (negative values subtract).

    Attributes:
        total_orders (int | Unset):
        total_order_value (float | Unset):
        total_complaints (int | Unset):
        open_complaints (int | Unset):
    """

    total_orders: int | Unset = UNSET
    total_order_value: float | Unset = UNSET
    total_complaints: int | Unset = UNSET
    open_complaints: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        total_orders = self.total_orders

        total_order_value = self.total_order_value

        total_complaints = self.total_complaints

        open_complaints = self.open_complaints

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if total_orders is not UNSET:
            field_dict["totalOrders"] = total_orders
        if total_order_value is not UNSET:
            field_dict["totalOrderValue"] = total_order_value
        if total_complaints is not UNSET:
            field_dict["totalComplaints"] = total_complaints
        if open_complaints is not UNSET:
            field_dict["openComplaints"] = open_complaints

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_orders = d.pop("totalOrders", UNSET)

        total_order_value = d.pop("totalOrderValue", UNSET)

        total_complaints = d.pop("totalComplaints", UNSET)

        open_complaints = d.pop("openComplaints", UNSET)

        webhook_event_change_increment = cls(
            total_orders=total_orders,
            total_order_value=total_order_value,
            total_complaints=total_complaints,
            open_complaints=open_complaints,
        )

        return webhook_event_change_increment
