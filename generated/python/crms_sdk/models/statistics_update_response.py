from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.statistics_update import StatisticsUpdate


T = TypeVar("T", bound="StatisticsUpdateResponse")


@_attrs_define
class StatisticsUpdateResponse:
    """Success envelope whose `data` is a StatisticsUpdate.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (StatisticsUpdate): The customer's statistics after the update.
    """

    success: bool
    message: str
    data: StatisticsUpdate

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
        from ..models.statistics_update import StatisticsUpdate  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = StatisticsUpdate.from_dict(d.pop("data"))

        statistics_update_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return statistics_update_response
