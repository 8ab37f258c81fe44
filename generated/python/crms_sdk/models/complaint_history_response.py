from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.complaint_history import ComplaintHistory


T = TypeVar("T", bound="ComplaintHistoryResponse")


@_attrs_define
class ComplaintHistoryResponse:
    """Success envelope whose `data` is a ComplaintHistory.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (ComplaintHistory): A page of a customer's complaints.
    """

    success: bool
    message: str
    data: ComplaintHistory

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
        from ..models.complaint_history import ComplaintHistory  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = ComplaintHistory.from_dict(d.pop("data"))

        complaint_history_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return complaint_history_response
