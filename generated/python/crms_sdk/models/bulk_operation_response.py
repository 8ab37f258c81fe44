from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.bulk_operation_result import BulkOperationResult


T = TypeVar("T", bound="BulkOperationResponse")


@_attrs_define
class BulkOperationResponse:
    """Success envelope whose `data` is a BulkOperationResult.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (BulkOperationResult): Per-customer outcomes of a bulk request, in request order, and their counts.
    """

    success: bool
    message: str
    data: BulkOperationResult

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
        from ..models.bulk_operation_result import BulkOperationResult  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = BulkOperationResult.from_dict(d.pop("data"))

        bulk_operation_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return bulk_operation_response
