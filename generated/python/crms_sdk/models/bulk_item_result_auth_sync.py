from enum import StrEnum


class BulkItemResultAuthSync(StrEnum):
    PENDING = "pending"
    SYNCED = "synced"

    def __str__(self) -> str:
        return str(self.value)
