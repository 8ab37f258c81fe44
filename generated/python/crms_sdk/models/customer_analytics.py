from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_analytics_by_status import CustomerAnalyticsByStatus
    from ..models.customer_analytics_by_type import CustomerAnalyticsByType
    from ..models.customer_analytics_complaints import CustomerAnalyticsComplaints
    from ..models.customer_analytics_new_customers import CustomerAnalyticsNewCustomers
    from ..models.customer_analytics_orders import CustomerAnalyticsOrders
    from ..models.top_customer import TopCustomer


T = TypeVar("T", bound="CustomerAnalytics")


@_attrs_define
class CustomerAnalytics:
    """Figures over all customer records. All figures are exact at `generatedAt`.

    Attributes:
        total_customers (int):
        by_status (CustomerAnalyticsByStatus): Number of customers per status.
        by_type (CustomerAnalyticsByType): Number of customers per type.
        orders (CustomerAnalyticsOrders):
        complaints (CustomerAnalyticsComplaints):
        new_customers (CustomerAnalyticsNewCustomers): Customers whose `customerSince` falls in the last 7 and 30 days
            before `generatedAt`.
        top_customers (list[TopCustomer]): Up to 5 customers with the highest `totalOrderValue`, highest first.
        generated_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        cached (bool): `true` when the figures come from the cache (at most `CACHE_TTL` seconds old).
    """

    total_customers: int
    by_status: CustomerAnalyticsByStatus
    by_type: CustomerAnalyticsByType
    orders: CustomerAnalyticsOrders
    complaints: CustomerAnalyticsComplaints
    new_customers: CustomerAnalyticsNewCustomers
    top_customers: list[TopCustomer]
    generated_at: datetime.datetime
    cached: bool

    def to_dict(self) -> dict[str, Any]:
        total_customers = self.total_customers

        by_status = self.by_status.to_dict()

        by_type = self.by_type.to_dict()

        orders = self.orders.to_dict()

        complaints = self.complaints.to_dict()

        new_customers = self.new_customers.to_dict()

        top_customers = []
        for top_customers_item_data in self.top_customers:
            top_customers_item = top_customers_item_data.to_dict()
            top_customers.append(top_customers_item)

        generated_at = self.generated_at.isoformat()

        cached = self.cached

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "totalCustomers": total_customers,
                "byStatus": by_status,
                "byType": by_type,
                "orders": orders,
                "complaints": complaints,
                "newCustomers": new_customers,
                "topCustomers": top_customers,
                "generatedAt": generated_at,
                "cached": cached,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_analytics_by_status import CustomerAnalyticsByStatus  # noqa: PLC0415
        from ..models.customer_analytics_by_type import CustomerAnalyticsByType  # noqa: PLC0415
        from ..models.customer_analytics_complaints import CustomerAnalyticsComplaints  # noqa: PLC0415
        from ..models.customer_analytics_new_customers import CustomerAnalyticsNewCustomers  # noqa: PLC0415
        from ..models.customer_analytics_orders import CustomerAnalyticsOrders  # noqa: PLC0415
        from ..models.top_customer import TopCustomer  # noqa: PLC0415

        d = dict(src_dict)
        total_customers = d.pop("totalCustomers")

        by_status = CustomerAnalyticsByStatus.from_dict(d.pop("byStatus"))

        by_type = CustomerAnalyticsByType.from_dict(d.pop("byType"))

        orders = CustomerAnalyticsOrders.from_dict(d.pop("orders"))

        complaints = CustomerAnalyticsComplaints.from_dict(d.pop("complaints"))

        new_customers = CustomerAnalyticsNewCustomers.from_dict(d.pop("newCustomers"))

        top_customers = []
        _top_customers = d.pop("topCustomers")
        for top_customers_item_data in _top_customers:
            top_customers_item = TopCustomer.from_dict(top_customers_item_data)

            top_customers.append(top_customers_item)

        generated_at = datetime.datetime.fromisoformat(d.pop("generatedAt"))

        cached = d.pop("cached")

        customer_analytics = cls(
            total_customers=total_customers,
            by_status=by_status,
            by_type=by_type,
            orders=orders,
            complaints=complaints,
            new_customers=new_customers,
            top_customers=top_customers,
            generated_at=generated_at,
            cached=cached,
        )

        return customer_analytics
