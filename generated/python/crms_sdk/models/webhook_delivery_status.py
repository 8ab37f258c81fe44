from enum import StrEnum


class WebhookDeliveryStatus(StrEnum):
    DELIVERED = "delivered"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "WebhookDeliveryStatus | None":
        # a value the contract gained after this SDK was generated: kept as it came (a member of no name above,
        # equal to its string), so an answer from a newer CRMS still parses
        if not isinstance(value, str):
            return None
        unknown = str.__new__(cls, value)
        unknown._name_ = value
        unknown._value_ = value
        return unknown
