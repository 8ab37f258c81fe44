from enum import StrEnum


class OrderStatus(StrEnum):
    CANCELLED = "Cancelled"
    DELIVERED = "Delivered"
    PLACED = "Placed"
    PROCESSING = "Processing"
    RETURNED = "Returned"
    RETURN_REQUESTED = "Return Requested"
    SHIPPED = "Shipped"

    def __str__(self) -> str:
        return str(self.value)
