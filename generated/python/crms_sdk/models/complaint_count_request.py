from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ComplaintCountRequest")


@_attrs_define
class ComplaintCountRequest:
    """Body sent by the existing Complaint Service when a complaint is filed (or, with a negative count, withdrawn).

    Attributes:
        complaint_count (int): Amount added to `totalComplaints` and `openComplaints`; any non-zero integer from -1000
            to 1000.
    """

    complaint_count: int

    def to_dict(self) -> dict[str, Any]:
        complaint_count = self.complaint_count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "complaintCount": complaint_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        complaint_count = d.pop("complaintCount")

        complaint_count_request = cls(
            complaint_count=complaint_count,
        )

        return complaint_count_request
