"""The store and everything reached through it."""

from __future__ import annotations

import ctypes
import os
import threading
import weakref
from contextlib import contextmanager
from ctypes import (CFUNCTYPE, POINTER, byref, c_char_p, c_double, c_int, c_int64, c_size_t,
                    c_uint, c_uint64, c_void_p)
from datetime import datetime, timedelta
from typing import (Any, Callable, Dict, Generic, Iterator, List, Optional, Type,
                    TypeVar, Union)

from . import _lib
from ._errors import Misuse
from ._lib import (ENUMS, ITEROVER, Struct, check, decode, encode, enum_name, enum_value, flag_names,
                   flags, fn, from_time, make_error, to_time)
from ._records import Contact, Followup, Interview, Intro, Note, Record, Target

R = TypeVar("R", bound=Record)
Id = Union[str, Record]

_open = fn("iv_db_open", c_int, POINTER(c_void_p), c_char_p)
_open_with = fn("iv_db_open_with", c_int, POINTER(c_void_p), c_char_p, c_char_p)
_open_memory = fn("iv_db_open_memory", c_int, POINTER(c_void_p))
_db_free = fn("iv_db_free", None, c_void_p)
_default_path = fn("iv_db_default_path", c_int, POINTER(c_void_p))
_begin = fn("iv_db_begin", c_int, c_void_p)
_commit = fn("iv_db_commit", c_int, c_void_p)
_rollback = fn("iv_db_rollback", c_int, c_void_p)
_depth = fn("iv_db_transaction_depth", c_int, c_void_p)
_retries = fn("iv_db_retry_count", c_uint64, c_void_p)
CLOCK = CFUNCTYPE(c_int, POINTER(c_int64), c_void_p)
_set_clock = fn("iv_db_set_clock", c_int, c_void_p, CLOCK, c_void_p)
_now = fn("iv_db_now", c_int, POINTER(c_int64), c_void_p)
_setting_get = fn("iv_db_setting_get", c_int, POINTER(c_void_p), c_void_p, c_char_p)
_setting_set = fn("iv_db_setting_set", c_int, c_void_p, c_char_p, c_char_p)
_set_durability = fn("iv_db_set_durability", c_int, c_void_p, c_int)


def _id(x: Any) -> Optional[bytes]:
    """A record's id, or the id given."""
    if isinstance(x, Record):
        x = x.id  # type: ignore[attr-defined]
    return encode(x)


def _take_string(p: c_void_p) -> Optional[str]:
    """A string the library returned to be freed with iv_free()."""
    if not p.value:
        return None
    try:
        return ctypes.string_at(p.value).decode("utf-8", "replace")
    finally:
        _lib.free(p.value)


def default_path() -> str:
    """The default store's path ($XDG_DATA_HOME/infoview/infoview.db)."""
    out = c_void_p()
    check(_default_path(byref(out)))
    return _take_string(out)  # type: ignore[return-value]


class Store:
    """An open store. Use it as a context manager, or call close().

    A store belongs to the thread that opened it: a call from another thread
    raises Misuse (open one store per thread to work in parallel). Records,
    iterators and snapshots keep the store alive while they exist.
    """

    def __init__(self, path: Any = None, *, clock: Optional[Callable[[], datetime]] = None,
                 backend: Optional[str] = None) -> None:
        """Opens a store: see infoview.open()."""
        self._h: Optional[int] = None
        self._owner = threading.get_ident()
        self._lock = threading.RLock()  # a finalizer may run inside
        self._deferred: List[Any] = []  # (free function, handle) to free on this thread
        self._clock_fn: Any = None
        self._clock_cb: Any = None
        self._callback_error: Optional[BaseException] = None
        h = c_void_p()
        if backend is not None:
            rc = _open_with(byref(h), encode(backend), encode(path))
        elif path is not None and os.fspath(path) == ":memory:":
            rc = _open_memory(byref(h))
        else:
            rc = _open(byref(h), encode(path))
        check(rc)
        self._h = h.value
        if clock is not None:
            self.set_clock(clock)

    # The tables are made on each access, so that nothing the store holds
    # points back to it: a store nobody references is closed at once.

    @property
    def contacts(self) -> "Contacts":
        """The contacts (add, get, list, update, delete, touch, interact)."""
        return Contacts(self)

    @property
    def intros(self) -> "Intros":
        """The introductions (add(by=, to=), get, list, update, delete)."""
        return Intros(self)

    @property
    def interviews(self) -> "Interviews":
        """The interviews (add, get, list, update, delete, move, unschedule)."""
        return Interviews(self)

    @property
    def followups(self) -> "Followups":
        """The follow-ups (add, get, list, update, delete, close)."""
        return Followups(self)

    @property
    def notes(self) -> "Notes":
        """The dated notes about contacts (add, get, list, delete)."""
        return Notes(self)

    @property
    def targets(self) -> "Targets":
        """The target employers (add, get, list, update, delete)."""
        return Targets(self)

    def target_plan(self) -> List["PlanItem"]:
        """The ranked plan: every target in the LAMP order (motivation,
        then advocacy, then posting, then rank, then name), each a
        PlanItem with its target, degree, people, path and next step."""
        out = c_void_p()
        self._out(_plan, byref(out), )
        items: List[PlanItem] = []
        try:
            while True:
                item = c_void_p()
                rc = _plan_next(byref(item), out.value)
                if rc == ITEROVER:
                    break
                check(rc)
                items.append(PlanItem._take(item.value, self))
        finally:
            _plan_iter_free(out.value)
        return items

    @property
    def drafts(self) -> "Drafts":
        """Drafting messages, the store's templates, the request checker."""
        return Drafts(self)

    # --- The plumbing every call goes through -----------------------------------

    def _enter(self) -> int:
        """The handle, after checking the store may be used here and now."""
        if threading.get_ident() != self._owner:
            raise Misuse(ENUMS["error"]["emisuse"], "IV_EMISUSE",
                         "this store belongs to another thread: open one store per thread")
        if self._h is None:
            raise Misuse(ENUMS["error"]["emisuse"], "IV_EMISUSE", "the store is closed")
        while self._deferred:
            free, h = self._deferred.pop()
            free(h)
        self._callback_error = None
        return self._h

    def _check(self, rc: int) -> int:
        if rc < 0:
            err = make_error(rc)
            cause, self._callback_error = self._callback_error, None
            if cause is not None:
                raise err from cause
            raise err
        return rc

    def _call(self, f: Any, *args: Any) -> int:
        """f(db, *args), checked."""
        return self._check(f(self._enter(), *args))

    def _out(self, f: Any, out: Any, *args: Any) -> int:
        """f(out, db, *args), checked: outputs come first."""
        return self._check(f(out, self._enter(), *args))

    def _release(self, free: Any, h: int) -> None:
        """Frees a handle tied to the store (an iterator) from a finalizer:
        at once if the store is closed (it is then detached), else on the
        store's thread at its next call, never in the middle of one."""
        with self._lock:
            if self._h is None:
                free(h)
            else:
                self._deferred.append((free, h))

    def close(self) -> None:
        """Closes the store (rolling back an open transaction). Iterators
        still open then raise Misuse. Closing twice is harmless; closing
        from another thread raises Misuse."""
        if self._h is None:
            return
        if threading.get_ident() != self._owner:
            raise Misuse(ENUMS["error"]["emisuse"], "IV_EMISUSE",
                         "this store belongs to another thread: close it there")
        self._free()

    def _free(self) -> None:
        with self._lock:
            h, self._h = self._h, None
            if h:
                _db_free(h)
            while self._deferred:
                free, it = self._deferred.pop()
                free(it)

    def __del__(self) -> None:
        # The last reference is gone: nobody else can be using it.
        if getattr(self, "_h", None) is not None:
            self._free()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        """Whether close() was called."""
        return self._h is None

    # --- Transactions, clock, settings ---------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """A transaction: commits when the block ends, rolls back when it
        raises (and lets the exception through). Transactions nest."""
        self._call(_begin)
        try:
            yield self
        except BaseException:
            if self._h is not None:
                self._call(_rollback)
            raise
        else:
            self._call(_commit)

    def begin(self) -> None:
        """Starts a transaction (prefer transaction())."""
        self._call(_begin)

    def commit(self) -> None:
        """Commits the innermost transaction."""
        self._call(_commit)

    def rollback(self) -> None:
        """Rolls back the innermost transaction."""
        self._call(_rollback)

    @property
    def transaction_depth(self) -> int:
        """How many transactions are open."""
        return _depth(self._enter())

    @property
    def retry_count(self) -> int:
        """How many calls the library did again after a transient failure of
        a server store (see Retry) since the store was opened; always 0 for
        SQLite and memory stores."""
        return int(_retries(self._enter()))

    def set_clock(self, clock: Optional[Callable[[], datetime]]) -> None:
        """Replaces the store's clock with a callable returning an aware
        datetime (None restores the system clock). When the callable raises
        or returns anything else, the call that asked for the time fails
        with Error, chained from the cause, and writes nothing."""
        h = self._enter()
        if clock is None:
            self._check(_set_clock(h, CLOCK(), None))
            self._clock_fn = self._clock_cb = None
            return
        if not callable(clock):
            raise TypeError("clock: expected a callable returning a datetime")
        store_ref = weakref.ref(self)  # no cycle through the callback

        def tick(now: Any, payload: Any) -> int:
            # Nothing may escape into C: ctypes would print it and return 0,
            # and the library would read a time never written.
            try:
                t = clock()
                if not isinstance(t, datetime) or t.tzinfo is None or t.utcoffset() is None:
                    raise TypeError("the clock returned %r, not an aware datetime" % (t,))
                now[0] = to_time(t)
                return _lib.OK
            except BaseException as e:  # noqa: B902 - KeyboardInterrupt too must not reach C
                store = store_ref()
                if store is not None:
                    store._callback_error = e
                _lib.error_set(_lib.GENERIC, encode("the store's clock raised %s: %s"
                                                    % (type(e).__name__, e)))
                return _lib.GENERIC

        cb = CLOCK(tick)
        self._check(_set_clock(h, cb, None))
        self._clock_fn, self._clock_cb = clock, cb  # the C side borrows cb

    def now(self) -> datetime:
        """The store's current time, from its clock."""
        out = c_int64()
        self._out(_now, byref(out))
        return from_time(out.value)  # type: ignore[return-value]

    def setting(self, key: str) -> Optional[str]:
        """A per-store setting; None when it has no value."""
        out = c_void_p()
        h = self._enter()
        rc = _setting_get(byref(out), h, encode(key))
        if rc == ENUMS["error"]["enotfound"]:
            return None
        self._check(rc)
        return _take_string(out)

    def set_setting(self, key: str, value: Optional[str]) -> None:
        """Writes a per-store setting; None removes it."""
        self._call(_setting_set, encode(key), encode(value))

    def set_durability(self, durability: str) -> None:
        """How durable the store's commits are: "normal" (the default) or "full".

        Kept in the store (the setting iv.durability); README's "What it
        promises" says what each promises on a crash and on a power cut.
        """
        self._call(_set_durability, enum_value("durability", durability))

    # --- Rules ------------------------------------------------------------------------

    @property
    def rules(self) -> "Rules":
        """The store's rule times (a Rules; change them with set_rules())."""
        s = Struct("iv_rules", _rules_init)
        self._out(_rules_get, s.ptr())
        return Rules(s)

    def set_rules(self, rules: Optional["Rules"] = None, **changes: Any) -> "Rules":
        """Sets rule times: those of `rules`, then the keyword changes
        (thank_earliest=timedelta(hours=2), nudge_other_days=0, ...)."""
        base = rules if rules is not None else self.rules
        values = dict(base.as_dict(), **changes)
        s = Struct("iv_rules", _rules_init)
        for k, v in values.items():
            if not s.has(k) or k == "version":
                raise TypeError("rules have no field %r" % k)
            if isinstance(v, timedelta):
                v = v // timedelta(seconds=1)
            s.set(k, v)
        self._call(_rules_set, s.ptr())
        return self.rules

    def apply_rules(self) -> None:
        """Applies every rule to the whole store once more."""
        self._call(_rules_apply)

    # --- Profile ----------------------------------------------------------------------

    @property
    def profile(self) -> "Profile":
        """Your profile (name, background, exploring), used by the drafts."""
        out = c_void_p()
        self._out(_profile_get, byref(out))
        try:
            return Profile(**{f: decode(g(out.value)) for f, (g, _) in _PROFILE.items()})
        finally:
            _profile_free(out.value)

    def set_profile(self, name: Optional[str] = None, background: Optional[str] = None,
                    exploring: Optional[str] = None) -> None:
        """Replaces your profile, every field at once (None clears one)."""
        p = c_void_p()
        check(_profile_new(byref(p)))
        try:
            for f, v in (("name", name), ("background", background), ("exploring", exploring)):
                check(_PROFILE[f][1](p.value, encode(v)))
            self._call(_profile_set, p.value)
        finally:
            _profile_free(p.value)

    # --- Agenda, search, network --------------------------------------------------------

    def agenda(self, at: Optional[datetime] = None, days: Optional[float] = None,
               until: Optional[datetime] = None, plan: Optional[bool] = None) -> Iterator["AgendaItem"]:
        """What to do at a moment (the store's clock when `at` is None):
        follow-ups due, those doable later today, interviews scheduled in the
        next `days` days (None: the library's horizon, a week), requests
        past their last nudge, requests waiting,
        and the next steps of the first targets of the plan ("plan" items:
        on the store's plan day when `plan` is None, always when True,
        never when False). A lazy iterator of AgendaItem."""
        o = Struct("iv_agenda_options", _agenda_init)
        o.set("at", to_time(at))
        if days is not None:
            o.set("horizon", int(timedelta(days=days).total_seconds()))
        if until is not None and o.has("until"):
            o.set("until", to_time(until))
        if plan is not None and o.has("plan"):
            o.set("plan", enum_value("agenda_plan", "always" if plan else "never"))
        out = c_void_p()
        self._out(_agenda, byref(out), o.ptr())
        return _Iter(self, out.value, _agenda_next, _agenda_free,
                     lambda h: AgendaItem._take(h, self), keep=o)

    def search(self, query: str, limit: int = 20, *, kinds: Any = None,
               unranked: bool = False) -> Iterator["SearchHit"]:
        """Full-text search, best hits first: a lazy iterator of SearchHit.
        `kinds`: "contact", "interview" or both (None: both); `limit` 0 for
        all; `unranked` for search as you type."""
        o = Struct("iv_search_options", _search_init)
        o.set("kinds", flags("search_kind", kinds))
        o.set("limit", limit)
        o.set("flags", flags("search_flags", ["unranked"] if unranked else []))
        out = c_void_p()
        self._out(_search, byref(out), encode(query), o.ptr())
        return _Iter(self, out.value, _search_next, _search_free,
                     lambda h: SearchHit._take(h, self), keep=o)

    def week_review(self, at: Optional[datetime] = None) -> "WeekReview":
        """The weekly review of the local calendar week (Monday to Sunday,
        TZ honoured) holding `at` (the store's clock when None): what was
        sent, answered, held, thanked, asked for and made (a WeekReview)."""
        s = Struct("iv_week_review", _week_init)
        self._out(_week_review, s.ptr(), to_time(at))
        return WeekReview(s)

    def network(self) -> "Network":
        """A snapshot of the network (contacts and introductions), to ask
        many questions of; later changes are not seen."""
        out = c_void_p()
        self._out(_network_load, byref(out))
        return Network(self, out.value)

    def degree(self, contact: Id) -> int:
        """A contact's degree of separation (1 known directly, 2 one person
        removed...; 0 unreachable), found without a snapshot."""
        out = c_int()
        self._out(_db_degree, byref(out), _id(contact))
        return out.value

    def path(self, contact: Id) -> "Path":
        """The introduction chain from you to a contact (NotFound when
        unreachable), found without a snapshot."""
        out = c_void_p()
        self._out(_db_path, byref(out), _id(contact))
        return Path._take(out.value, self)

    def company_paths(self, company: str) -> Iterator["Path"]:
        """Who can introduce you to someone at a company: a path to each
        reachable contact there, shortest first, found without a snapshot."""
        out = c_void_p()
        self._out(_db_company_paths, byref(out), encode(company))
        return _PathIter(self, out.value)

    def timeline(self, contact: Id) -> Iterator["TimelineEntry"]:
        """Everything that happened with a contact, oldest first: a lazy
        iterator of TimelineEntry."""
        out = c_void_p()
        self._out(_timeline, byref(out), _id(contact))
        return _Iter(self, out.value, _timeline_next, _timeline_free,
                     lambda h: TimelineEntry._take(h, self))

    # --- Import and export ----------------------------------------------------------------

    def _import_options(self, dry_run: bool, overwrite: bool, per_row: bool, known: Any,
                        tag: Optional[str], columns: Optional[Dict[str, str]]) -> Struct:
        o = Struct("iv_import_options", _import_init)
        o.set("flags", flags("import_flags", [n for n, on in (("dry_run", dry_run),
                                                             ("overwrite", overwrite),
                                                             ("per_row", per_row)) if on]))
        if known is not None:
            o.set("known", enum_value("known", known))
        o.set("tag", tag)
        if columns:
            strings = [encode(s) for pair in columns.items() for s in pair] + [None]
            arr = (c_char_p * len(strings))(*strings)
            o.keep.append(arr)
            o.set("map", ctypes.addressof(arr))
        return o

    def import_file(self, path: Any, format: str, *, dry_run: bool = False,
                    overwrite: bool = False, per_row: bool = False, known: Any = None,
                    tag: Optional[str] = None,
                    columns: Optional[Dict[str, str]] = None) -> "ImportReport":
        """Imports contacts from a file ("linkedin", "google", "csv",
        "vcard") or restores a backup ("json") into an empty store.
        `columns` maps extra CSV headers to fields ({"Employer": "company"})."""
        o = self._import_options(dry_run, overwrite, per_row, known, tag, columns)
        out = c_void_p()
        self._out(_import_file, byref(out), enum_value("format", format), encode(path), o.ptr())
        return ImportReport._take(out.value)

    def import_data(self, data: Union[str, bytes], format: str, **options: Any) -> "ImportReport":
        """Imports from text or bytes in memory; options as import_file()."""
        if isinstance(data, str):
            data = data.encode()
        view = memoryview(data)
        pos = [0]

        def read(buf: Any, size: int, got: Any, payload: Any) -> int:
            try:
                n = min(size, len(view) - pos[0])
                ctypes.memmove(buf, bytes(view[pos[0]:pos[0] + n]), n)
                pos[0] += n
                got[0] = n
                return _lib.OK
            except BaseException as e:  # nothing may escape into C
                self._callback_error = e
                return _lib.GENERIC

        cb = _READ(read)
        o = self._import_options(options.pop("dry_run", False), options.pop("overwrite", False),
                                 options.pop("per_row", False), options.pop("known", None),
                                 options.pop("tag", None), options.pop("columns", None))
        if options:
            raise TypeError("unknown import options: %s" % ", ".join(options))
        out = c_void_p()
        self._out(_import, byref(out), enum_value("format", format), cb, None, o.ptr())
        return ImportReport._take(out.value)

    def _export_options(self, vcard3: bool, company: Optional[str],
                        contacts: Optional[Dict[str, Any]]) -> Struct:
        o = Struct("iv_export_options", _export_init)
        o.set("flags", flags("export_flags", ["vcard3"] if vcard3 else []))
        o.set("company", company)
        if contacts is not None:
            f = _filter("iv_contact_filter", _contact_filter_init, contacts)
            o.keep.append(f)
            o.set("contacts", ctypes.addressof(f.buf))
        return o

    def export(self, format: str, *, vcard3: bool = False, company: Optional[str] = None,
               contacts: Optional[Dict[str, Any]] = None) -> bytes:
        """The store, or part of it, in a format ("vcard", "icalendar",
        "json", "dot"), as bytes. `contacts`: a filter for vCards
        ({"tag": "pharma"}); `company`: DOT paths to that company only."""
        o = self._export_options(vcard3, company, contacts)
        chunks: List[bytes] = []

        def write(data: Any, n: int, payload: Any) -> int:
            try:
                chunks.append(ctypes.string_at(data, n))
                return _lib.OK
            except BaseException as e:  # nothing may escape into C (MemoryError)
                self._callback_error = e
                return _lib.GENERIC

        cb = _WRITE(write)
        self._call(_export, enum_value("format", format), cb, None, o.ptr())
        return b"".join(chunks)

    def export_file(self, path: Any, format: str, *, vcard3: bool = False,
                    company: Optional[str] = None,
                    contacts: Optional[Dict[str, Any]] = None) -> None:
        """export() to a file, replaced only when the export succeeded."""
        o = self._export_options(vcard3, company, contacts)
        self._call(_export_file, enum_value("format", format), encode(path), o.ptr())


# --- Lazy iterators ----------------------------------------------------------------


class _Iter(Iterator[Any]):
    """A library iterator: streams, keeps the store alive, freed once."""

    def __init__(self, store: Store, h: int, next_fn: Any, free_fn: Any,
                 wrap: Callable[[int], Any], keep: Any = None) -> None:
        self._store = store
        self._h: Optional[int] = h
        self._next = next_fn
        self._free = free_fn
        self._wrap = wrap
        self._keep = keep

    def __iter__(self) -> "_Iter":
        return self

    def __next__(self) -> Any:
        if self._h is None:
            raise StopIteration
        self._store._enter()
        out = c_void_p()
        rc = self._next(byref(out), self._h)
        if rc == ITEROVER:
            self.close()
            raise StopIteration
        self._store._check(rc)
        return self._wrap(out.value)

    def close(self) -> None:
        """Frees the iterator now (also done when it ends or is collected)."""
        h, self._h = self._h, None
        if h:
            self._store._release(self._free, h)

    def __del__(self) -> None:
        if getattr(self, "_h", None):
            self.close()


class _PathIter(_Iter):
    """Paths are independent of the store: freed at once."""

    def __init__(self, store: Store, h: int) -> None:
        super().__init__(store, h, _path_next, _path_iter_free, lambda p: Path._take(p, store))

    def __next__(self) -> Any:
        if self._h is None:
            raise StopIteration
        out = c_void_p()
        rc = _path_next(byref(out), self._h)
        if rc == ITEROVER:
            self.close()
            raise StopIteration
        check(rc)
        return self._wrap(out.value)

    def close(self) -> None:
        h, self._h = self._h, None
        if h:
            _path_iter_free(h)


# --- Tables --------------------------------------------------------------------------

_FILTER_ENUMS = {"iv_intro_filter": "intro_status", "iv_interview_filter": "interview_status",
                 "iv_followup_filter": "followup_status"}


def _filter(name: str, init: Any, filters: Dict[str, Any]) -> Struct:
    """A filter struct from keywords named as its members."""
    s = Struct(name, init)
    for k, v in filters.items():
        if k == "version" or not s.has(k):
            raise TypeError("this library's %s has no field %r" % (name, k))
        if v is None:
            continue
        typ = s.layout.members[k][1]
        if typ == "const char *":
            s.set(k, _id(v))
        elif typ == "int":
            s.set(k, enum_value(_FILTER_ENUMS[name], v))
        elif k.endswith("_before"):
            s.set(k, to_time(v))
        else:
            s.set(k, v)
    return s


class Table(Generic[R]):
    """One kind of record in a store: add, get, list, update, delete."""

    _record: Type[Record]
    _prefix = ""

    def __init__(self, store: Store) -> None:
        self._store = store

    @classmethod
    def _prototypes(cls, prefix: str) -> None:
        p = cls._prefix = prefix
        cls._insert = fn("iv_%s_insert" % p, c_int, c_void_p, c_void_p)
        cls._lookup = fn("iv_%s_lookup" % p, c_int, POINTER(c_void_p), c_void_p, c_char_p)
        cls._list = fn("iv_%s_list" % p, c_int, POINTER(c_void_p), c_void_p, c_void_p)
        cls._iter_next = fn("iv_%s_iter_next" % p, c_int, POINTER(c_void_p), c_void_p)
        cls._iter_free = fn("iv_%s_iter_free" % p, None, c_void_p)
        cls._filter_init = fn("iv_%s_filter_init" % p, c_int, c_void_p, c_uint)
        if p != "note":
            cls._update = fn("iv_%s_update" % p, c_int, c_void_p, c_void_p)
        if p not in ("note", "target"):
            cls._delete = fn("iv_%s_delete" % p, c_int, c_void_p, c_char_p, c_uint)

    def _add(self, fields: Dict[str, Any]) -> R:
        rec = self._record(**fields)
        self.insert(rec)  # type: ignore[arg-type]
        return rec  # type: ignore[return-value]

    def insert(self, record: R) -> R:
        """Stores a new record made with the record class (assigning its
        id, number and times); returns it."""
        self._store._call(self._insert, record._h)
        record._store = self._store
        return record

    def get(self, id: Id) -> R:
        """The record with that id (NotFound when there is none)."""
        out = c_void_p()
        self._store._out(self._lookup, byref(out), _id(id))
        return self._record._wrap(out.value, self._store)  # type: ignore[return-value]

    def list(self, **filters: Any) -> Iterator[R]:
        """A lazy iterator over the records matching the filters, named as
        the members of the library's filter struct (e.g. company=, tag=,
        status=, id_prefix=)."""
        f = _filter("iv_%s_filter" % self._prefix, self._filter_init, filters)
        out = c_void_p()
        self._store._out(self._list, byref(out), f.ptr())
        store, cls = self._store, self._record
        return _Iter(store, out.value, self._iter_next, self._iter_free,
                     lambda h: cls._wrap(h, store), keep=f)

    def __iter__(self) -> Iterator[R]:
        return self.list()

    def update(self, record: R) -> R:
        """Stores the changed record (the rules apply); returns it."""
        self._store._call(self._update, record._h)
        return record

    def delete(self, id: Id, cascade: bool = False) -> None:
        """Deletes a record; `cascade` also deletes what depends on it
        instead of raising Constraint."""
        self._store._call(self._delete, _id(id), flags("delete_flags", ["cascade"] if cascade else []))


class Contacts(Table[Contact]):
    """The store's contacts (store.contacts)."""

    _record = Contact
    _prefix = "contact"

    def add(self, name: str, **fields: Any) -> Contact:
        """Adds a contact: ``add("Ana", company="Acme", known="direct",
        emails=["ana@example.com"], tags=["pharma"])``."""
        return self._add(dict(name=name, **fields))

    def touch(self, contact: Id, when: Optional[datetime] = None,
              note: Optional[str] = None) -> None:
        """Records an interaction (now when `when` is None), with a one-line
        note appended to the contact's notes."""
        self._store._call(_touch, _id(contact), to_time(when), encode(note))

    def interact(self, contact: Id, when: Optional[datetime] = None,
                 text: Optional[str] = None) -> Optional[Note]:
        """Records an interaction with a dated note of it; returns the note
        (None without text)."""
        out = c_void_p()
        self._store._out(_interact, byref(out), _id(contact), to_time(when), encode(text))
        return Note._wrap(out.value, self._store) if out.value else None


class Intros(Table[Intro]):
    """The store's introductions (store.intros)."""

    _record = Intro
    _prefix = "intro"

    def add(self, by: Optional[Id] = None, to: Optional[Id] = None, **fields: Any) -> Intro:
        """Adds an introduction: `by` (the introducer) introduced you to
        `to`; ``add(by=ana.id, to=ben.id, status="made", channel="email")``.
        introducer= and introduced= are accepted too."""
        if by is not None:
            fields["introducer"] = by
        if to is not None:
            fields["introduced"] = to
        return self._add(fields)


class Interviews(Table[Interview]):
    """The store's interviews (store.interviews)."""

    _record = Interview
    _prefix = "interview"

    def add(self, contact: Id, **fields: Any) -> Interview:
        """Adds an interview with a contact: ``add(cara.id, purpose="...")``;
        questions=, advice=, resources= as lists."""
        return self._add(dict(contact=contact, **fields))

    def move(self, id: Id, status: str) -> Interview:
        """Moves an interview to a status ("requested", "scheduled",
        "completed", ...); the workflow's rules apply. Returns it as stored."""
        out = c_void_p()
        self._store._out(_move, byref(out), _id(id), enum_value("interview_status", status))
        return Interview._wrap(out.value, self._store)

    def refer(self, id: Id, name: str, company: Optional[str] = None) -> Intro:
        """Records that the interviewee suggested you talk to `name` (at
        `company`): the person (an existing contact with that name, and
        company if given, else a new one), a suggested introduction by the
        interviewee, and an "ask_intro" follow-up to ask them for it. All or
        nothing; referring the same person again changes nothing. Returns
        the introduction."""
        out = c_void_p()
        self._store._out(_refer, byref(out), _id(id), encode(name), encode(company))
        return Intro._wrap(out.value, self._store)

    def unschedule(self, id: Id) -> Interview:
        """Moves a scheduled interview back to requested (its nudges come
        back). Returns it as stored."""
        out = c_void_p()
        self._store._out(_unschedule, byref(out), _id(id))
        return Interview._wrap(out.value, self._store)

    @staticmethod
    def can_move(src: str, dst: str) -> bool:
        """Whether an interview may move from one status to another."""
        return bool(_can_move(enum_value("interview_status", src),
                              enum_value("interview_status", dst)))


class Followups(Table[Followup]):
    """The store's follow-ups (store.followups)."""

    _record = Followup
    _prefix = "followup"

    def add(self, contact: Id, **fields: Any) -> Followup:
        """Adds a follow-up to a contact: ``add(ana.id, kind="check_in",
        due=datetime(...))``."""
        return self._add(dict(contact=contact, **fields))

    def close(self, id: Id, status: str) -> Followup:
        """Closes a pending follow-up as "done", "skipped" or "cancelled".
        Returns it as stored."""
        out = c_void_p()
        self._store._out(_close, byref(out), _id(id), enum_value("followup_status", status))
        return Followup._wrap(out.value, self._store)


class Notes(Table[Note]):
    """The store's dated notes about contacts (store.notes)."""

    _record = Note
    _prefix = "note"

    def add(self, contact: Id, text: str, at: Optional[datetime] = None) -> Note:
        """Adds a note about a contact, dated `at` (now when None)."""
        return self._add(dict(contact=contact, text=text, at=at))

    def update(self, record: Note) -> Note:
        """Notes cannot be changed: delete and add again."""
        raise Misuse(ENUMS["error"]["emisuse"], "IV_EMISUSE", "notes cannot be changed once stored")

    def delete(self, id: Id, cascade: bool = False) -> None:
        """Deletes a note (`cascade` has nothing to do: nothing depends on a note)."""
        self._store._call(_note_delete, _id(id))


class Targets(Table[Target]):
    """The store's target employers (store.targets)."""

    _record = Target
    _prefix = "target"

    def add(self, name: str, **fields: Any) -> Target:
        """Adds a target: ``add("Pfizer", aliases=["Pfizer Inc."],
        motivation=3, posting=True)``."""
        return self._add(dict(name=name, **fields))

    def delete(self, id: Id, cascade: bool = False) -> None:
        """Deletes a target (`cascade` has nothing to do: nothing depends on a target)."""
        self._store._call(_target_delete, _id(id))


for _table, _p in ((Contacts, "contact"), (Intros, "intro"), (Interviews, "interview"),
                   (Followups, "followup"), (Notes, "note"), (Targets, "target")):
    _table._prototypes(_p)


class PlanItem:
    """One target of the plan (store.target_plan()).

    Attributes: target (a Target), degree (1 = you know someone there or
    were introduced to them, 2 = one introduction away...; 0 = nobody
    reachable), people (how many at that degree), path (a Path, or None),
    step ("find", "request", "ask_intro", "wait", "follow_up"), step_contact (whom the
    step is with: a Contact, or None), step_about (whom to be introduced
    to: a Contact, or None).
    """

    __slots__ = ("target", "degree", "people", "path", "step", "step_contact", "step_about")

    @classmethod
    def _take(cls, h: int, store: Store) -> "PlanItem":
        try:
            return cls._read(h, store)
        finally:
            _plan_item_free(h)

    @classmethod
    def _read(cls, h: int, store: Store) -> "PlanItem":
        """A copy of the plan item `h`, which stays the caller's."""
        self = cls.__new__(cls)
        self.target = Target._copy_of(_pi_target(h), store)
        self.degree = _pi_degree(h)
        self.people = _pi_people(h)
        p = _pi_path(h)
        if p:
            n = _path_length(p)
            ids = [decode(_path_contact_at(p, i)) for i in range(n)]
            intros = [decode(_path_intro_at(p, i)) for i in range(n)]
            self.path = Path(store.contacts.get(i) for i in ids)  # type: ignore[arg-type]
            self.path.intros = intros
        else:
            self.path = None
        self.step = enum_name("target_step", _pi_step(h))
        who, about = decode(_pi_contact(h)), decode(_pi_about(h))
        self.step_contact = store.contacts.get(who) if who else None
        self.step_about = store.contacts.get(about) if about else None
        return self

    def __str__(self) -> str:
        who = self.step_contact.name if self.step_contact else None
        about = self.step_about.name if self.step_about else None
        if self.step == "request":
            return "%s: request an interview with %s" % (self.target, who)
        if self.step == "ask_intro":
            return "%s: ask %s to introduce you to %s" % (self.target, who, about)
        if self.step == "wait":
            return "%s: wait for %s" % (self.target, who)
        if self.step == "follow_up":
            return "%s: you have talked with %s: keep in touch" % (self.target, who)
        return "%s: find someone who works there" % self.target

    def __repr__(self) -> str:
        return "PlanItem(target=%r, degree=%d, people=%d, step=%r)" % (
            str(self.target), self.degree, self.people, self.step)


# --- Agenda, search, network, timeline: results -------------------------------------


class AgendaItem:
    """One thing on the agenda.

    Attributes: kind ("followup", "interview", "waiting", "later",
    "no_reply", "plan"), time (datetime), overdue (bool), waiting
    (timedelta or None), followup, interview, contact (records, or None),
    plan (for "plan": the target's PlanItem, else None).
    """

    __slots__ = ("kind", "time", "overdue", "waiting", "followup", "interview", "contact", "plan")

    @classmethod
    def _take(cls, h: int, store: Store) -> "AgendaItem":
        try:
            self = cls.__new__(cls)
            self.kind = enum_name("agenda_kind", _ai_kind(h))
            self.time = from_time(_ai_time(h))
            self.overdue = bool(_ai_overdue(h))
            w = _ai_waiting(h)
            self.waiting = timedelta(seconds=w) if w else None
            self.followup = Followup._copy_of(_ai_followup(h), store)
            self.interview = Interview._copy_of(_ai_interview(h), store)
            self.contact = Contact._copy_of(_ai_contact(h), store)
            p = _ai_plan(h)
            self.plan = PlanItem._read(p, store) if p else None
            return self
        finally:
            _agenda_item_free(h)

    def __str__(self) -> str:
        who = self.contact.name if self.contact else "?"
        when = self.time.strftime("%Y-%m-%d %H:%M UTC") if self.time else "no time"
        if self.plan is not None:
            return "plan  %s" % self.plan
        if self.followup is not None:
            what = "%s %s" % (self.followup.kind.replace("_", " "), who)
        elif self.kind in ("waiting", "no_reply"):
            what = "%s: request to %s" % (self.kind.replace("_", " "), who)
        else:
            what = "interview with %s" % who
        return "%s  %s%s" % (when, what, " (overdue)" if self.overdue else "")

    def __repr__(self) -> str:
        return "AgendaItem(kind=%r, time=%r, contact=%r)" % (
            self.kind, self.time, self.contact.name if self.contact else None)


class SearchHit:
    """One record found by a search: kind ("contact" or "interview"), id,
    score; record looks it up."""

    __slots__ = ("kind", "id", "score", "_store")

    @classmethod
    def _take(cls, h: int, store: Store) -> "SearchHit":
        try:
            self = cls.__new__(cls)
            self.kind = enum_name("search_kind", _hit_kind(h))
            self.id = decode(_hit_id(h))
            self.score = _hit_score(h)
            self._store = store
            return self
        finally:
            _hit_free(h)

    @property
    def record(self) -> Record:
        """The contact or interview found, read from the store now."""
        table = self._store.contacts if self.kind == "contact" else self._store.interviews
        return table.get(self.id)  # type: ignore[arg-type, return-value]

    def __repr__(self) -> str:
        return "SearchHit(kind=%r, id=%r, score=%r)" % (self.kind, self.id, self.score)


class Path(List[Contact]):
    """A path from you outward: the contacts, the first known directly, the
    last the target. ``intros[i]`` is the id of the introduction by which
    contact i-1 introduced contact i (None for the first)."""

    intros: List[Optional[str]]

    @classmethod
    def _take(cls, h: int, store: Store) -> "Path":
        try:
            n = _path_length(h)
            ids = [decode(_path_contact_at(h, i)) for i in range(n)]
            intros = [decode(_path_intro_at(h, i)) for i in range(n)]
        finally:
            _path_free(h)
        p = cls(store.contacts.get(i) for i in ids)  # type: ignore[arg-type]
        p.intros = intros
        return p

    @property
    def target(self) -> Contact:
        """The last contact of the path."""
        return self[-1]


class Network:
    """A snapshot of the network (store.network()). It keeps the store
    alive; its paths read the contacts from the store as they are now."""

    def __init__(self, store: Store, h: int) -> None:
        self._store = store
        self._h: Optional[int] = h

    def _handle(self) -> int:
        # A snapshot fills caches as it answers: one thread at a time, the store's.
        if threading.get_ident() != self._store._owner:
            raise Misuse(ENUMS["error"]["emisuse"], "IV_EMISUSE",
                         "this network belongs to another thread: open one store per thread")
        if self._h is None:
            raise Misuse(ENUMS["error"]["emisuse"], "IV_EMISUSE", "the network snapshot is closed")
        return self._h

    def degree(self, contact: Id) -> int:
        """1 for known directly, 2 for one person removed...; 0 unreachable."""
        out = c_int()
        check(_net_degree(byref(out), self._handle(), _id(contact)))
        return out.value

    def path(self, contact: Id) -> Path:
        """The shortest introduction chain to a contact (NotFound when
        unreachable)."""
        out = c_void_p()
        check(_net_path(byref(out), self._handle(), _id(contact)))
        return Path._take(out.value, self._store)

    def company_paths(self, company: str) -> Iterator[Path]:
        """Who can introduce you to someone at a company: one path per
        reachable contact there, shortest first."""
        out = c_void_p()
        check(_net_company_paths(byref(out), self._handle(), encode(company)))
        return _PathIter(self._store, out.value)

    def close(self) -> None:
        """Frees the snapshot now (also done when it is collected)."""
        h, self._h = self._h, None
        if h:
            _network_free(h)

    def __del__(self) -> None:
        if getattr(self, "_h", None):
            self.close()

    def __enter__(self) -> "Network":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class TimelineEntry:
    """One entry of a contact's timeline: kind ("note", "intro",
    "interview", "followup"), time, record."""

    __slots__ = ("kind", "time", "record")

    @classmethod
    def _take(cls, h: int, store: Store) -> "TimelineEntry":
        try:
            self = cls.__new__(cls)
            self.kind = enum_name("timeline_kind", _tl_kind(h))
            self.time = from_time(_tl_time(h))
            rec: Any = None
            for get, rcls in ((_tl_note, Note), (_tl_intro, Intro), (_tl_interview, Interview),
                              (_tl_followup, Followup)):
                rec = rec or rcls._copy_of(get(h), store)
            self.record = rec
            return self
        finally:
            _tl_free(h)

    def __repr__(self) -> str:
        return "TimelineEntry(kind=%r, time=%r, record=%r)" % (self.kind, self.time, self.record)


# --- Rules, profile, drafts, import report ---------------------------------------------


class Rules:
    """A store's rule times: thank_earliest and thank_due (timedelta),
    nudge_other_days, nudge_followup_days, report_back_days (int; 0
    disables), and whatever members a newer library adds."""

    def __init__(self, s: Struct) -> None:
        for k, (_, typ) in s.layout.members.items():
            if k == "version":
                continue
            v = s.get(k)
            setattr(self, k, timedelta(seconds=v) if typ == "int64_t" else v)

    def as_dict(self) -> Dict[str, Any]:
        """The rule times as a dict."""
        return dict(vars(self))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rules) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return "Rules(%s)" % ", ".join("%s=%r" % kv for kv in vars(self).items())


class WeekReview:
    """One week's review: start and end (aware datetimes: Monday 00:00 local
    time and the Monday after), requests_sent, replies, reply_median (a
    timedelta, None without a reply), talks_held, thanks_sent, thanks_late,
    intros_asked, intros_made, referrals, targets_reached (int), and
    whatever members a newer library adds."""

    def __init__(self, s: Struct) -> None:
        for k, (_, typ) in s.layout.members.items():
            if k == "version":
                continue
            v = s.get(k)
            if k in ("start", "end"):
                v = from_time(v)
            elif k == "reply_median":
                v = None if v < 0 else timedelta(seconds=v)
            setattr(self, k, v)

    def as_dict(self) -> Dict[str, Any]:
        """The review as a dict."""
        return dict(vars(self))

    def __repr__(self) -> str:
        return "WeekReview(%s)" % ", ".join("%s=%r" % kv for kv in vars(self).items())


class Profile:
    """Your profile: name, background, exploring (str or None)."""

    __slots__ = ("name", "background", "exploring")

    def __init__(self, name: Optional[str] = None, background: Optional[str] = None,
                 exploring: Optional[str] = None) -> None:
        self.name = name
        self.background = background
        self.exploring = exploring

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Profile) and all(
            getattr(self, f) == getattr(other, f) for f in self.__slots__)

    def __repr__(self) -> str:
        return "Profile(name=%r, background=%r, exploring=%r)" % (
            self.name, self.background, self.exploring)


class DraftWarning:
    """Something to fill in before sending a draft: message, field
    ("profile.background", "contact.email"...), record (an id or None)."""

    __slots__ = ("message", "field", "record")

    def __init__(self, message: str, field: str, record: Optional[str]) -> None:
        self.message, self.field, self.record = message, field, record

    def __repr__(self) -> str:
        return "DraftWarning(%r)" % self.message


class Draft:
    """A drafted message: text, subject, to (an e-mail address or None),
    contact (the recipient's id or None), kind (the template's name),
    warnings (DraftWarning list), suggestions (contact ids)."""

    __slots__ = ("text", "subject", "to", "contact", "kind", "warnings", "suggestions")

    @classmethod
    def _take(cls, h: int) -> "Draft":
        try:
            self = cls.__new__(cls)
            self.text = decode(_d_text(h))
            self.subject = decode(_d_subject(h))
            self.to = decode(_d_to(h))
            self.contact = decode(_d_contact(h))
            self.kind = enum_name("template", _d_kind(h))
            self.warnings = [DraftWarning(decode(_d_warn(h, i)), decode(_d_warn_field(h, i)),  # type: ignore[arg-type]
                                          decode(_d_warn_record(h, i)))
                             for i in range(_d_warn_count(h))]
            self.suggestions = [decode(_d_sugg(h, i)) for i in range(_d_sugg_count(h))]
            return self
        finally:
            _draft_free(h)

    def __str__(self) -> str:
        return "Subject: %s\n\n%s" % (self.subject, self.text)

    def __repr__(self) -> str:
        return "Draft(kind=%r, to=%r, subject=%r)" % (self.kind, self.to, self.subject)


class DraftReport:
    """What the checker finds in a request: words, warnings (names such as
    "too_long", "asks_for_job"), parts (names among "who", "why", "ask")."""

    __slots__ = ("words", "warnings", "parts")

    def __repr__(self) -> str:
        return "DraftReport(words=%r, warnings=%r, parts=%r)" % (self.words, self.warnings, self.parts)


class Drafts:
    """Drafting messages and the store's templates (store.drafts).
    `kind` arguments are template names ("request", "thanks", ...)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _opts(self, template: Optional[str]) -> Struct:
        o = Struct("iv_draft_options", _draft_init)
        o.set("template_text", template)
        return o

    def _draft(self, f: Any, id: Id, template: Optional[str]) -> Draft:
        o = self._opts(template)
        out = c_void_p()
        self._store._out(f, byref(out), _id(id), o.ptr())
        return Draft._take(out.value)

    def followup(self, id: Id, template: Optional[str] = None) -> Draft:
        """The message a follow-up calls for (a thank-you, a nudge...)."""
        return self._draft(_draft_followup, id, template)

    def interview_request(self, id: Id, template: Optional[str] = None) -> Draft:
        """The request for an interview."""
        return self._draft(_draft_interview_request, id, template)

    def intro_request(self, id: Id, template: Optional[str] = None) -> Draft:
        """A request for an introduction, to the introducer of a suggested
        or requested introduction."""
        return self._draft(_draft_intro_request, id, template)

    def _text(self, f: Any, id: Id, template: Optional[str]) -> str:
        o = self._opts(template)
        out = c_void_p()
        self._store._out(f, byref(out), _id(id), o.ptr())
        return _take_string(out) or ""

    def request(self, interview: Id, template: Optional[str] = None) -> str:
        """The request for an interview, the message alone."""
        return self._text(_draft_request, interview, template)

    def thanks(self, followup: Id, template: Optional[str] = None) -> str:
        """The message of a thank-you follow-up alone."""
        return self._text(_draft_thanks, followup, template)

    def template(self, kind: str) -> Optional[str]:
        """The store's own template for a kind; None when it uses the built-in one."""
        out = c_void_p()
        self._store._out(_tpl_get, byref(out), enum_value("template", kind))
        return _take_string(out)

    def set_template(self, kind: str, text: Optional[str]) -> None:
        """Sets the store's template for a kind (None removes it)."""
        self._store._call(_tpl_set, enum_value("template", kind), encode(text))

    def clear_template(self, kind: str) -> None:
        """Removes the store's template for a kind: the built-in one is used again."""
        self._store._call(_tpl_clear, enum_value("template", kind))

    @staticmethod
    def default_template(kind: str) -> str:
        """The built-in template of a kind."""
        return decode(_tpl_default(enum_value("template", kind))) or ""

    def save_request(self, interview: Id, text: Optional[str]) -> None:
        """Keeps your edited request text for an interview (None removes it)."""
        self._store._call(_save_request, _id(interview), encode(text))

    def saved_request(self, interview: Id) -> Optional[str]:
        """The request text kept for an interview, or None."""
        out = c_void_p()
        self._store._out(_saved_request, byref(out), _id(interview))
        return _take_string(out)

    @staticmethod
    def check(text: str) -> DraftReport:
        """Reads a request as a person would: words, parts found, warnings."""
        s = Struct("iv_draft_report", _report_init)
        check(_check_report(s.ptr(), encode(text)))
        r = DraftReport.__new__(DraftReport)
        r.words = s.get("words")
        r.warnings = flag_names("draft_warning", s.get("warnings"))
        r.parts = flag_names("draft_part", s.get("parts"))
        return r

    @staticmethod
    def word_count(text: str) -> int:
        """The number of words in a text, as the checker counts them."""
        return _word_count(encode(text))


class ImportReport:
    """What an import did: added, merged, unchanged, skipped (a list of
    (line, reason))."""

    __slots__ = ("added", "merged", "unchanged", "skipped")

    @classmethod
    def _take(cls, h: Optional[int]) -> "ImportReport":
        self = cls.__new__(cls)
        try:
            self.added = _rep_added(h)
            self.merged = _rep_merged(h)
            self.unchanged = _rep_unchanged(h)
            self.skipped = [(_rep_line(h, i), decode(_rep_reason(h, i)))
                            for i in range(_rep_skipped(h))]
        finally:
            _rep_free(h)
        return self

    def __repr__(self) -> str:
        return "ImportReport(added=%d, merged=%d, unchanged=%d, skipped=%r)" % (
            self.added, self.merged, self.unchanged, self.skipped)


def question_bank() -> List[tuple]:
    """The library's bank of prepared questions: (category, text) pairs."""
    return [(enum_name("question_category", _qb_category(i)), decode(_qb_text(i)))
            for i in range(_qb_count())]


# --- Prototypes ----------------------------------------------------------------------

_rules_init = fn("iv_rules_init", c_int, c_void_p, c_uint)
_rules_get = fn("iv_rules_get", c_int, c_void_p, c_void_p)
_rules_set = fn("iv_rules_set", c_int, c_void_p, c_void_p)
_rules_apply = fn("iv_rules_apply", c_int, c_void_p)
_profile_new = fn("iv_profile_new", c_int, POINTER(c_void_p))
_profile_free = fn("iv_profile_free", None, c_void_p)
_profile_get = fn("iv_profile_get", c_int, POINTER(c_void_p), c_void_p)
_profile_set = fn("iv_profile_set", c_int, c_void_p, c_void_p)
_PROFILE = {f: (fn("iv_profile_%s" % f, c_char_p, c_void_p),
                fn("iv_profile_set_%s" % f, c_int, c_void_p, c_char_p))
            for f in ("name", "background", "exploring")}
_agenda_init = fn("iv_agenda_options_init", c_int, c_void_p, c_uint)
_agenda = fn("iv_agenda", c_int, POINTER(c_void_p), c_void_p, c_void_p)
_agenda_next = fn("iv_agenda_iter_next", c_int, POINTER(c_void_p), c_void_p)
_agenda_free = fn("iv_agenda_iter_free", None, c_void_p)
_agenda_item_free = fn("iv_agenda_item_free", None, c_void_p)
_ai_kind = fn("iv_agenda_item_kind", c_int, c_void_p)
_ai_time = fn("iv_agenda_item_time", c_int64, c_void_p)
_ai_overdue = fn("iv_agenda_item_overdue", c_int, c_void_p)
_ai_waiting = fn("iv_agenda_item_waiting", c_int64, c_void_p)
_ai_followup = fn("iv_agenda_item_followup", c_void_p, c_void_p)
_ai_interview = fn("iv_agenda_item_interview", c_void_p, c_void_p)
_ai_contact = fn("iv_agenda_item_contact", c_void_p, c_void_p)
_ai_plan = fn("iv_agenda_item_plan", c_void_p, c_void_p)
_search_init = fn("iv_search_options_init", c_int, c_void_p, c_uint)
_search = fn("iv_search", c_int, POINTER(c_void_p), c_void_p, c_char_p, c_void_p)
_search_next = fn("iv_search_iter_next", c_int, POINTER(c_void_p), c_void_p)
_search_free = fn("iv_search_iter_free", None, c_void_p)
_hit_free = fn("iv_search_hit_free", None, c_void_p)
_hit_kind = fn("iv_search_hit_kind", c_int, c_void_p)
_hit_id = fn("iv_search_hit_id", c_char_p, c_void_p)
_hit_score = fn("iv_search_hit_score", c_double, c_void_p)
_network_load = fn("iv_network_load", c_int, POINTER(c_void_p), c_void_p)
_network_free = fn("iv_network_free", None, c_void_p)
_net_degree = fn("iv_network_degree", c_int, POINTER(c_int), c_void_p, c_char_p)
_net_path = fn("iv_network_path", c_int, POINTER(c_void_p), c_void_p, c_char_p)
_net_company_paths = fn("iv_network_company_paths", c_int, POINTER(c_void_p), c_void_p, c_char_p)
_db_path = fn("iv_db_path", c_int, POINTER(c_void_p), c_void_p, c_char_p)
_db_degree = fn("iv_db_degree", c_int, POINTER(c_int), c_void_p, c_char_p)
_db_company_paths = fn("iv_db_company_paths", c_int, POINTER(c_void_p), c_void_p, c_char_p)
_path_next = fn("iv_path_iter_next", c_int, POINTER(c_void_p), c_void_p)
_path_iter_free = fn("iv_path_iter_free", None, c_void_p)
_path_length = fn("iv_path_length", c_size_t, c_void_p)
_path_contact_at = fn("iv_path_contact_at", c_char_p, c_void_p, c_size_t)
_path_intro_at = fn("iv_path_intro_at", c_char_p, c_void_p, c_size_t)
_path_free = fn("iv_path_free", None, c_void_p)
_timeline = fn("iv_timeline", c_int, POINTER(c_void_p), c_void_p, c_char_p)
_timeline_next = fn("iv_timeline_iter_next", c_int, POINTER(c_void_p), c_void_p)
_timeline_free = fn("iv_timeline_iter_free", None, c_void_p)
_tl_free = fn("iv_timeline_entry_free", None, c_void_p)
_tl_kind = fn("iv_timeline_entry_kind", c_int, c_void_p)
_tl_time = fn("iv_timeline_entry_time", c_int64, c_void_p)
_tl_note = fn("iv_timeline_entry_note", c_void_p, c_void_p)
_tl_intro = fn("iv_timeline_entry_intro", c_void_p, c_void_p)
_tl_interview = fn("iv_timeline_entry_interview", c_void_p, c_void_p)
_tl_followup = fn("iv_timeline_entry_followup", c_void_p, c_void_p)
_touch = fn("iv_contact_touch", c_int, c_void_p, c_char_p, c_int64, c_char_p)
_interact = fn("iv_contact_interact", c_int, POINTER(c_void_p), c_void_p, c_char_p, c_int64, c_char_p)
_note_delete = fn("iv_note_delete", c_int, c_void_p, c_char_p)
_target_delete = fn("iv_target_delete", c_int, c_void_p, c_char_p)
_plan = fn("iv_target_plan", c_int, POINTER(c_void_p), c_void_p)
_plan_next = fn("iv_target_plan_next", c_int, POINTER(c_void_p), c_void_p)
_plan_iter_free = fn("iv_target_plan_iter_free", None, c_void_p)
_plan_item_free = fn("iv_target_plan_item_free", None, c_void_p)
_pi_target = fn("iv_target_plan_item_target", c_void_p, c_void_p)
_pi_degree = fn("iv_target_plan_item_degree", c_int, c_void_p)
_pi_people = fn("iv_target_plan_item_people", c_size_t, c_void_p)
_pi_path = fn("iv_target_plan_item_path", c_void_p, c_void_p)
_pi_step = fn("iv_target_plan_item_step", c_int, c_void_p)
_pi_contact = fn("iv_target_plan_item_step_contact", c_char_p, c_void_p)
_pi_about = fn("iv_target_plan_item_step_about", c_char_p, c_void_p)
_move = fn("iv_interview_move", c_int, POINTER(c_void_p), c_void_p, c_char_p, c_int)
_unschedule = fn("iv_interview_unschedule", c_int, POINTER(c_void_p), c_void_p, c_char_p)
_can_move = fn("iv_interview_can_move", c_int, c_int, c_int)
_refer = fn("iv_interview_refer", c_int, POINTER(c_void_p), c_void_p, c_char_p, c_char_p, c_char_p)
_week_init = fn("iv_week_review_init", c_int, c_void_p, c_uint)
_week_review = fn("iv_week_review_get", c_int, c_void_p, c_void_p, c_int64)
_close = fn("iv_followup_close", c_int, POINTER(c_void_p), c_void_p, c_char_p, c_int)
_draft_init = fn("iv_draft_options_init", c_int, c_void_p, c_uint)
_draft_followup = fn("iv_draft_followup", c_int, POINTER(c_void_p), c_void_p, c_char_p, c_void_p)
_draft_interview_request = fn("iv_draft_interview_request", c_int, POINTER(c_void_p), c_void_p,
                              c_char_p, c_void_p)
_draft_intro_request = fn("iv_draft_intro_request", c_int, POINTER(c_void_p), c_void_p, c_char_p,
                          c_void_p)
_draft_request = fn("iv_draft_request", c_int, POINTER(c_void_p), c_void_p, c_char_p, c_void_p)
_draft_thanks = fn("iv_draft_thanks", c_int, POINTER(c_void_p), c_void_p, c_char_p, c_void_p)
_draft_free = fn("iv_draft_free", None, c_void_p)
_d_text = fn("iv_draft_text", c_char_p, c_void_p)
_d_subject = fn("iv_draft_subject", c_char_p, c_void_p)
_d_to = fn("iv_draft_to", c_char_p, c_void_p)
_d_contact = fn("iv_draft_contact", c_char_p, c_void_p)
_d_kind = fn("iv_draft_kind", c_int, c_void_p)
_d_warn_count = fn("iv_draft_warning_count", c_size_t, c_void_p)
_d_warn = fn("iv_draft_warning_at", c_char_p, c_void_p, c_size_t)
_d_warn_field = fn("iv_draft_warning_field_at", c_char_p, c_void_p, c_size_t)
_d_warn_record = fn("iv_draft_warning_record_at", c_char_p, c_void_p, c_size_t)
_d_sugg_count = fn("iv_draft_suggestion_count", c_size_t, c_void_p)
_d_sugg = fn("iv_draft_suggestion_at", c_char_p, c_void_p, c_size_t)
_tpl_get = fn("iv_draft_template_get", c_int, POINTER(c_void_p), c_void_p, c_int)
_tpl_set = fn("iv_draft_template_set", c_int, c_void_p, c_int, c_char_p)
_tpl_clear = fn("iv_draft_template_clear", c_int, c_void_p, c_int)
_tpl_default = fn("iv_draft_default_template", c_char_p, c_int)
_save_request = fn("iv_draft_save_request", c_int, c_void_p, c_char_p, c_char_p)
_saved_request = fn("iv_draft_saved_request", c_int, POINTER(c_void_p), c_void_p, c_char_p)
_report_init = fn("iv_draft_report_init", c_int, c_void_p, c_uint)
_check_report = fn("iv_draft_check_report", c_int, c_void_p, c_char_p)
_word_count = fn("iv_draft_word_count", c_size_t, c_char_p)
_qb_count = fn("iv_question_bank_count", c_size_t)
_qb_text = fn("iv_question_bank_text", c_char_p, c_size_t)
_qb_category = fn("iv_question_bank_category", c_int, c_size_t)
_contact_filter_init = fn("iv_contact_filter_init", c_int, c_void_p, c_uint)
_READ = CFUNCTYPE(c_int, c_void_p, c_size_t, POINTER(c_size_t), c_void_p)
_WRITE = CFUNCTYPE(c_int, c_void_p, c_size_t, c_void_p)
_import_init = fn("iv_import_options_init", c_int, c_void_p, c_uint)
_export_init = fn("iv_export_options_init", c_int, c_void_p, c_uint)
_import = fn("iv_import", c_int, POINTER(c_void_p), c_void_p, c_int, _READ, c_void_p, c_void_p)
_import_file = fn("iv_import_file", c_int, POINTER(c_void_p), c_void_p, c_int, c_char_p, c_void_p)
_export = fn("iv_export", c_int, c_void_p, c_int, _WRITE, c_void_p, c_void_p)
_export_file = fn("iv_export_file", c_int, c_void_p, c_int, c_char_p, c_void_p)
_rep_free = fn("iv_import_report_free", None, c_void_p)
_rep_added = fn("iv_import_report_added", c_size_t, c_void_p)
_rep_merged = fn("iv_import_report_merged", c_size_t, c_void_p)
_rep_unchanged = fn("iv_import_report_unchanged", c_size_t, c_void_p)
_rep_skipped = fn("iv_import_report_skipped", c_size_t, c_void_p)
_rep_line = fn("iv_import_report_skipped_line", c_uint64, c_void_p, c_size_t)
_rep_reason = fn("iv_import_report_skipped_reason", c_char_p, c_void_p, c_size_t)
