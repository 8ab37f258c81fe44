from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.bulk_operation_result_action import BulkOperationResultAction

if TYPE_CHECKING:
    from ..models.bulk_item_result import BulkItemResult


T = TypeVar("T", bound="BulkOperationResult")


@_attrs_define
class BulkOperationResult:
    """Per-customer outcomes of a bulk request, in request order, and their counts.

    Attributes:
        action (BulkOperationResultAction):
        results (list[BulkItemResult]):
        succeeded (int):
        failed (int):
    """

    action: BulkOperationResultAction
    results: list[BulkItemResult]
    succeeded: int
    failed: int

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        succeeded = self.succeeded

        failed = self.failed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "results": results,
                "succeeded": succeeded,
                "failed": failed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_item_result import BulkItemResult  # noqa: PLC0415

        d = dict(src_dict)
        action = BulkOperationResultAction(d.pop("action"))

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = BulkItemResult.from_dict(results_item_data)

            results.append(results_item)

        succeeded = d.pop("succeeded")

        failed = d.pop("failed")

        bulk_operation_result = cls(
            action=action,
            results=results,
            succeeded=succeeded,
            failed=failed,
        )

        return bulk_operation_result
