from enum import StrEnum


class StatusUpdateAuthSync(StrEnum):
    PENDING = "pending"
    SYNCED = "synced"

    def __str__(self) -> str:
        return str(self.value)
