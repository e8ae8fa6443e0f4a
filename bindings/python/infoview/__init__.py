"""libinfoview from Python: informational interviews, introductions and
follow-ups, with the craft's rules, over the C library (ctypes, no compiler
needed).

    import infoview
    with infoview.open(":memory:") as s:
        ana = s.contacts.add("Ana Direct", company="Acme", known="direct")
        for item in s.agenda():
            print(item)

The C library is loaded as ``libinfoview.so.0`` by the system loader, or
from the path in ``$INFOVIEW_LIBRARY``; its version is checked at import
(VersionMismatch when it does not fit). Every number the binding needs
(enumerations, error codes, struct layouts) is asked of the library itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Optional

from ._errors import (Busy, Constraint, Error, Exists, InvalidInput, Misuse, NoMemory, NotFound,
                      Retry, StorageError, VersionMismatch)
from ._lib import ENUMS, library_version
from ._records import Contact, Followup, Interview, Intro, Note, Record, Target
from ._store import (AgendaItem, Contacts, Draft, DraftReport, Drafts, DraftWarning, Followups,
                     ImportReport, Interviews, Intros, Network, Notes, Path, PlanItem, Profile, Rules,
                     SearchHit, Store, Table, Targets, TimelineEntry, WeekReview, default_path,
                     question_bank)

__version__ = "0.1.0"


def open(path: Any = None, *, clock: Optional[Callable[[], datetime]] = None,
         backend: Optional[str] = None) -> Store:
    """Opens a store.

    Args:
        path: the SQLite file (created if missing); None for the default
            store (default_path()); ":memory:" for a new store held in
            memory, gone when closed.
        clock: a callable returning an aware datetime, used for every time
            the library stamps; None for the system clock.
        backend: a registered backend's name ("sqlite", "memory"), `path`
            then being its location.

    Returns:
        the Store, a context manager that closes it.
    """
    return Store(path, clock=clock, backend=backend)


def version() -> str:
    """The version of the C library loaded ("0.1.0")."""
    return library_version()


def enums() -> dict:
    """Every enumeration of the library: {type: {name: value}} (a copy)."""
    return {t: dict(v) for t, v in ENUMS.items()}


__all__ = ["open", "version", "enums", "default_path", "question_bank", "Store", "Table",
           "Record", "Contact", "Intro", "Interview", "Followup", "Note", "Target", "PlanItem",
           "Contacts", "Intros", "Interviews", "Followups", "Notes", "Targets", "AgendaItem",
           "SearchHit", "Network", "Path", "TimelineEntry", "Rules", "WeekReview", "Profile", "Draft",
           "DraftWarning", "DraftReport", "Drafts", "ImportReport", "Error", "NotFound",
           "Exists", "InvalidInput", "Constraint", "Busy", "NoMemory", "VersionMismatch",
           "StorageError", "Misuse", "Retry"]
