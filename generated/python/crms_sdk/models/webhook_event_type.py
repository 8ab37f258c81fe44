from enum import StrEnum


class WebhookEventType(StrEnum):
    CUSTOMER_CREATED = "customer.created"
    CUSTOMER_DELETED = "customer.deleted"
    CUSTOMER_ERASED = "customer.erased"
    CUSTOMER_NOTE_ADDED = "customer.note_added"
    CUSTOMER_STATISTICS_CHANGED = "customer.statistics_changed"
    CUSTOMER_STATUS_CHANGED = "customer.status_changed"
    CUSTOMER_TYPE_CHANGED = "customer.type_changed"
    CUSTOMER_UPDATED = "customer.updated"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "WebhookEventType | None":
        # a value the contract gained after this SDK was generated: kept as it came (a member of no name above,
        # equal to its string), so an answer from a newer CRMS still parses
        if not isinstance(value, str):
            return None
        unknown = str.__new__(cls, value)
        unknown._name_ = value
        unknown._value_ = value
        return unknown
