from enum import StrEnum


class ListCustomersSortBy(StrEnum):
    CREATEDAT = "createdAt"
    LASTORDERDATE = "lastOrderDate"
    TOTALORDERS = "totalOrders"
    TOTALORDERVALUE = "totalOrderValue"

    def __str__(self) -> str:
        return str(self.value)
