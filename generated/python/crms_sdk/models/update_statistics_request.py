from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.statistics_increment import StatisticsIncrement


T = TypeVar("T", bound="UpdateStatisticsRequest")


@_attrs_define
class UpdateStatisticsRequest:
    """Statistics to update (guide §4.10). Top-level properties are absolute values; `increment` holds relative changes.
    Both can be combined in one request (counters up to 1,000,000,000, order value up to 1,000,000,000,000; a result
    beyond them is a 409), but a statistic may not be given both as an absolute value and in `increment` (400). The
    whole update is applied atomically; after it `openComplaints` must not exceed `totalComplaints` and no counter may
    be negative (409, nothing changes).

        Attributes:
            total_orders (int | Unset):
            total_order_value (float | Unset):
            total_complaints (int | Unset):
            open_complaints (int | Unset):
            last_order_date (str | Unset): An ISO-8601 date-time as accepted in requests: `YYYY-MM-DDTHH:MM`, optional
                seconds and fraction (up to 9 digits, stored with millisecond precision), optional offset (`Z` or `±HH:MM`). A
                value **without an offset is taken as UTC** (the Order Service sends `2026-01-25T13:00:00.123456`). Responses
                always return dates normalised to UTC with `Z`.
            last_complaint_date (str | Unset): An ISO-8601 date-time as accepted in requests: `YYYY-MM-DDTHH:MM`, optional
                seconds and fraction (up to 9 digits, stored with millisecond precision), optional offset (`Z` or `±HH:MM`). A
                value **without an offset is taken as UTC** (the Order Service sends `2026-01-25T13:00:00.123456`). Responses
                always return dates normalised to UTC with `Z`.
            increment (StatisticsIncrement | Unset): Relative changes, applied atomically (concurrent increments are never
                lost). Values may be negative; a result below zero is refused with 409.
    """

    total_orders: int | Unset = UNSET
    total_order_value: float | Unset = UNSET
    total_complaints: int | Unset = UNSET
    open_complaints: int | Unset = UNSET
    last_order_date: str | Unset = UNSET
    last_complaint_date: str | Unset = UNSET
    increment: StatisticsIncrement | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        total_orders = self.total_orders

        total_order_value = self.total_order_value

        total_complaints = self.total_complaints

        open_complaints = self.open_complaints

        last_order_date = self.last_order_date

        last_complaint_date = self.last_complaint_date

        increment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.increment, Unset):
            increment = self.increment.to_dict()

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
        if last_order_date is not UNSET:
            field_dict["lastOrderDate"] = last_order_date
        if last_complaint_date is not UNSET:
            field_dict["lastComplaintDate"] = last_complaint_date
        if increment is not UNSET:
            field_dict["increment"] = increment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statistics_increment import StatisticsIncrement  # noqa: PLC0415

        d = dict(src_dict)
        total_orders = d.pop("totalOrders", UNSET)

        total_order_value = d.pop("totalOrderValue", UNSET)

        total_complaints = d.pop("totalComplaints", UNSET)

        open_complaints = d.pop("openComplaints", UNSET)

        last_order_date = d.pop("lastOrderDate", UNSET)

        last_complaint_date = d.pop("lastComplaintDate", UNSET)

        _increment = d.pop("increment", UNSET)
        increment: StatisticsIncrement | Unset
        if isinstance(_increment, Unset):
            increment = UNSET
        else:
            increment = StatisticsIncrement.from_dict(_increment)

        update_statistics_request = cls(
            total_orders=total_orders,
            total_order_value=total_order_value,
            total_complaints=total_complaints,
            open_complaints=open_complaints,
            last_order_date=last_order_date,
            last_complaint_date=last_complaint_date,
            increment=increment,
        )

        return update_statistics_request
