from enum import StrEnum


class BulkOperationRequestAction(StrEnum):
    ADDTAGS = "addTags"
    REMOVETAGS = "removeTags"
    SETSTATUS = "setStatus"
    SETTYPE = "setType"

    def __str__(self) -> str:
        return str(self.value)
