"""The exceptions: one class per error code of the library."""

from __future__ import annotations

from typing import Dict, Type


class Error(Exception):
    """A failure reported by libinfoview (or by the binding on its behalf).

    Attributes:
        code: the library's negative return code.
        name: the code's C name, for programs ("IV_ENOTFOUND"); see
            iv_error_name().
        message: the library's message, in words; also ``str(error)``.
    """

    def __init__(self, code: int, name: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.name = name
        self.message = message

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.code, self.name, self.message))


class NotFound(Error, LookupError):
    """The record or file asked for does not exist."""


class Exists(Error):
    """A record with that id already exists."""


class InvalidInput(Error, ValueError):
    """An argument or field is invalid; the message names it."""


class Constraint(Error):
    """The change would break the store's integrity (e.g. deleting a contact
    others depend on without ``cascade=True``)."""


class Busy(Error):
    """The store is locked by another connection."""


class NoMemory(Error, MemoryError):
    """The library ran out of memory."""


class VersionMismatch(Error):
    """A version the library does not support: a store written by a newer
    library, or a library too old (or too new) for this binding."""


class StorageError(Error):
    """The storage layer failed (I/O, corruption)."""


class Misuse(Error):
    """The API was called in a wrong state: a closed store, a store used from
    a thread other than the one that opened it, a commit with no
    transaction."""


class Retry(Error):
    """A transient failure of a server store (a serialisation failure, a
    deadlock, a dropped connection): the transaction is gone. The library
    has already retried calls that opened their own transaction; inside
    ``store.transaction()`` do the whole transaction again."""


#: The library's names of error codes (iv_enum_name("error", code)) -> class.
#: Codes the binding does not know (a newer library's) raise Error itself.
CLASSES: Dict[str, Type[Error]] = {
    "error": Error,
    "enotfound": NotFound,
    "eexists": Exists,
    "einvalid": InvalidInput,
    "econstraint": Constraint,
    "ebusy": Busy,
    "enomem": NoMemory,
    "eversion": VersionMismatch,
    "estorage": StorageError,
    "emisuse": Misuse,
    "eretry": Retry,
}


def error_class(name: str) -> Type[Error]:
    """The exception class for an error code's name."""
    return CLASSES.get(name, Error)
