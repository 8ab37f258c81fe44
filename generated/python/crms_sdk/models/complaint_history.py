from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.complaint_history_item import ComplaintHistoryItem
    from ..models.history_pagination import HistoryPagination


T = TypeVar("T", bound="ComplaintHistory")


@_attrs_define
class ComplaintHistory:
    """A page of a customer's complaints.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        complaints (list[ComplaintHistoryItem]):
        pagination (HistoryPagination): Page information of the order and complaint histories (guide §4.8).
    """

    customer_id: str
    complaints: list[ComplaintHistoryItem]
    pagination: HistoryPagination

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        complaints = []
        for complaints_item_data in self.complaints:
            complaints_item = complaints_item_data.to_dict()
            complaints.append(complaints_item)

        pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "complaints": complaints,
                "pagination": pagination,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.complaint_history_item import ComplaintHistoryItem  # noqa: PLC0415
        from ..models.history_pagination import HistoryPagination  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customerId")

        complaints = []
        _complaints = d.pop("complaints")
        for complaints_item_data in _complaints:
            complaints_item = ComplaintHistoryItem.from_dict(complaints_item_data)

            complaints.append(complaints_item)

        pagination = HistoryPagination.from_dict(d.pop("pagination"))

        complaint_history = cls(
            customer_id=customer_id,
            complaints=complaints,
            pagination=pagination,
        )

        return complaint_history
