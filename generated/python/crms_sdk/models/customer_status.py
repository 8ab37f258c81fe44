from enum import StrEnum


class CustomerStatus(StrEnum):
    ACTIVE = "Active"
    INACTIVE = "Inactive"
    SUSPENDED = "Suspended"

    def __str__(self) -> str:
        return str(self.value)
