from enum import StrEnum


class CustomerType(StrEnum):
    PREMIUM = "Premium"
    REGULAR = "Regular"
    VIP = "VIP"

    def __str__(self) -> str:
        return str(self.value)
