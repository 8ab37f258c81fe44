from enum import StrEnum


class BreakerStateBreaker(StrEnum):
    CLOSED = "closed"
    HALFOPEN = "halfOpen"
    ISOLATED = "isolated"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
