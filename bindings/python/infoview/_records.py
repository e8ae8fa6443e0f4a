"""Records: contacts, introductions, interviews, follow-ups, notes and targets.

Each wraps the library's own record (an opaque handle, an independent copy
of what is stored): reading an attribute calls its getter, setting one its
setter, which checks the value at once (InvalidInput names the field).
Changes reach the store through the table's update().
"""

from __future__ import annotations

from ctypes import byref, c_char_p, c_int, c_int64, c_size_t, c_void_p
from datetime import datetime
from typing import Any, Dict, Iterable, List, Optional, Tuple, Type

from ._lib import check, decode, encode, enum_name, enum_value, fn, from_time, to_time


class Record:
    """The base of every record class: owns one library record."""

    _prefix = ""
    #: field -> kind ("str", "time", "int", "enum:<type>", "list:<item>"),
    #: in the order repr() shows them; read-only fields are in _readonly.
    _fields: Dict[str, str] = {}
    _readonly: Tuple[str, ...] = ("number", "created", "updated")
    _free: Any = None
    _new: Any = None
    _dup: Any = None

    __slots__ = ("_h", "_store", "__weakref__")

    def __init__(self, **fields: Any) -> None:
        """A new record, not stored yet, with the given fields set (as
        attributes: ``Contact(name="Ana", emails=["ana@example.com"])``)."""
        h = c_void_p()
        check(type(self)._new(byref(h)))
        self._h = h.value
        self._store: Any = None
        self._set_fields(fields)

    def _set_fields(self, fields: Dict[str, Any]) -> None:
        for k, v in fields.items():
            if k not in self._fields or k in self._readonly:
                raise TypeError("%s has no settable field %r" % (type(self).__name__, k))
            setattr(self, k, v)

    @classmethod
    def _wrap(cls, h: int, store: Any = None) -> Any:
        r = cls.__new__(cls)
        r._h = h
        r._store = store
        return r

    @classmethod
    def _copy_of(cls, h: Optional[int], store: Any = None) -> Any:
        """A record of its own from one the library lends (None stays None)."""
        if not h:
            return None
        out = c_void_p()
        check(cls._dup(byref(out), h))
        return cls._wrap(out.value, store)

    def copy(self) -> Any:
        """An independent copy of the record."""
        return self._copy_of(self._h, self._store)

    def __del__(self) -> None:
        h, self._h = getattr(self, "_h", None), None
        if h:  # records are independent of the store: free from any thread
            type(self)._free(h)

    def __repr__(self) -> str:
        shown = []
        for f in self._fields:
            v = getattr(self, f)
            if v not in (None, [], "", 0) or f == "id":
                shown.append("%s=%r" % (f, v))
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)

    __hash__ = None  # type: ignore[assignment]

    def as_dict(self) -> Dict[str, Any]:
        """The fields as a dict."""
        return {f: getattr(self, f) for f in self._fields}


def _str_prop(prefix: str, field: str, readonly: bool) -> property:
    get = fn("iv_%s_%s" % (prefix, field), c_char_p, c_void_p)

    def fget(self: Record) -> Optional[str]:
        return decode(get(self._h))

    if readonly:
        return property(fget, doc="the %s (iv_%s_%s())" % (field, prefix, field))
    set_ = fn("iv_%s_set_%s" % (prefix, field), c_int, c_void_p, c_char_p)

    def fset(self: Record, value: Any) -> None:
        if isinstance(value, Record):
            value = value.id  # type: ignore[attr-defined]
        check(set_(self._h, encode(value)))

    return property(fget, fset, doc="the %s, a str or None (iv_%s_%s())" % (field, prefix, field))


def _num_prop(prefix: str, field: str, kind: str, readonly: bool) -> property:
    is_time = kind == "time"
    ct = c_int64 if kind in ("time", "int64") else c_int
    get = fn("iv_%s_%s" % (prefix, field), ct, c_void_p)
    etype = kind[5:] if kind.startswith("enum:") else None

    def fget(self: Record) -> Any:
        v = get(self._h)
        if is_time:
            return from_time(v)
        if etype:
            return enum_name(etype, v)
        return v

    doc = "the %s (iv_%s_%s())%s" % (field, prefix, field,
                                     ": an aware UTC datetime, None when unset" if is_time
                                     else ": a name of %s" % etype if etype else "")
    if readonly:
        return property(fget, doc=doc)
    set_ = fn("iv_%s_set_%s" % (prefix, field), c_int, c_void_p, ct)

    def fset(self: Record, value: Any) -> None:
        if is_time:
            value = to_time(value)
        elif etype:
            value = enum_value(etype, value)
        check(set_(self._h, value))

    return property(fget, fset, doc=doc)


def _list_prop(prefix: str, field: str, item: str) -> property:
    """emails, tags: count/at getters, add and clear."""
    count = fn("iv_%s_%s_count" % (prefix, item), c_size_t, c_void_p)
    at = fn("iv_%s_%s_at" % (prefix, item), c_char_p, c_void_p, c_size_t)
    add = fn("iv_%s_add_%s" % (prefix, item), c_int, c_void_p, c_char_p)
    clear = fn("iv_%s_clear_%s" % (prefix, field), None, c_void_p)

    def fget(self: Record) -> List[str]:
        return [decode(at(self._h, i)) for i in range(count(self._h))]  # type: ignore[misc]

    def fset(self: Record, values: Iterable[str]) -> None:
        if isinstance(values, str):
            raise TypeError("%s: expected a list of str, not a str" % field)
        values = list(values)
        old = fget(self)
        clear(self._h)
        try:
            for v in values:
                check(add(self._h, encode(v)))
        except BaseException:
            clear(self._h)
            for v in old:
                add(self._h, encode(v))
            raise

    return property(fget, fset, doc="the %s, a list of str (a copy: assign a new list to change them)" % field)


def _record_class(cls: Type[Record]) -> Type[Record]:
    p = cls._prefix
    cls._new = fn("iv_%s_new" % p, c_int, c_void_p)
    cls._dup = fn("iv_%s_dup" % p, c_int, c_void_p, c_void_p)
    cls._free = fn("iv_%s_free" % p, None, c_void_p)
    for field, kind in cls._fields.items():
        if field in cls.__dict__:
            continue  # written by hand
        ro = field in cls._readonly
        if kind == "str":
            setattr(cls, field, _str_prop(p, field, ro))
        elif kind.startswith("list:"):
            setattr(cls, field, _list_prop(p, field, kind[5:]))
        else:
            setattr(cls, field, _num_prop(p, field, kind, ro))
    return cls


@_record_class
class Contact(Record):
    """A person: ``Contact(name="Ana", company="Acme", known="direct",
    emails=["ana@example.com"], tags=["pharma"])``.

    Attributes are those of contact.h's getters: id, number, created,
    updated, name, phone, company, title, location, url, notes, known
    ("direct", "introduced", "cold"), cadence_days, last_interaction,
    emails, tags.
    """

    __slots__ = ()
    _prefix = "contact"
    _fields = {"id": "str", "number": "int64", "created": "time", "updated": "time",
               "name": "str", "phone": "str", "company": "str", "title": "str",
               "location": "str", "url": "str", "notes": "str", "known": "enum:known",
               "cadence_days": "int", "last_interaction": "time",
               "emails": "list:email", "tags": "list:tag"}

    def __str__(self) -> str:
        return self.name or self.id or "(unnamed contact)"  # type: ignore[attr-defined]


@_record_class
class Intro(Record):
    """One person introducing you to another: ``introducer`` introduced you
    to ``introduced`` (both contact ids).

    Attributes: id, number, created, updated, introducer, introduced,
    channel ("email", "in_person", "phone", "message", "other"), status
    ("suggested", "requested", "made", "declined"), requested_at, made_at,
    note.
    """

    __slots__ = ()
    _prefix = "intro"
    _fields = {"id": "str", "number": "int64", "created": "time", "updated": "time",
               "introducer": "str", "introduced": "str", "channel": "enum:channel",
               "status": "enum:intro_status", "requested_at": "time", "made_at": "time",
               "note": "str"}


_q_count = fn("iv_interview_question_count", c_size_t, c_void_p)
_q_at = fn("iv_interview_question_at", c_char_p, c_void_p, c_size_t)
_a_at = fn("iv_interview_answer_at", c_char_p, c_void_p, c_size_t)
_q_add = fn("iv_interview_add_question", c_int, c_void_p, c_char_p)
_q_insert = fn("iv_interview_insert_question", c_int, c_void_p, c_size_t, c_char_p)
_q_set = fn("iv_interview_set_question", c_int, c_void_p, c_size_t, c_char_p)
_a_set = fn("iv_interview_set_answer", c_int, c_void_p, c_size_t, c_char_p)
_q_move = fn("iv_interview_move_question", c_int, c_void_p, c_size_t, c_size_t)
_q_remove = fn("iv_interview_remove_question", c_int, c_void_p, c_size_t)
_status_at = fn("iv_interview_status_at", c_int64, c_void_p, c_int)
_set_status_at = fn("iv_interview_set_status_at", c_int, c_void_p, c_int, c_int64)
_seed = fn("iv_interview_seed_questions", c_int, c_void_p, c_size_t)


def _items_prop(item: str, plural: str) -> property:
    count = fn("iv_interview_%s_count" % item, c_size_t, c_void_p)
    at = fn("iv_interview_%s_at" % item, c_char_p, c_void_p, c_size_t)
    add = fn("iv_interview_add_%s" % item, c_int, c_void_p, c_char_p)
    remove = fn("iv_interview_remove_%s" % item, c_int, c_void_p, c_size_t)

    def fget(self: Record) -> List[str]:
        return [decode(at(self._h, i)) for i in range(count(self._h))]  # type: ignore[misc]

    def fset(self: Record, values: Iterable[str]) -> None:
        if isinstance(values, str):
            raise TypeError("%s: expected a list of str, not a str" % plural)
        values = list(values)
        old = fget(self)
        while count(self._h):
            remove(self._h, 0)
        try:
            for v in values:
                check(add(self._h, encode(v)))
        except BaseException:
            while count(self._h):
                remove(self._h, 0)
            for v in old:
                add(self._h, encode(v))
            raise

    return property(fget, fset, doc="the %s, a list of str (a copy: assign a new list to change them)" % plural)


@_record_class
class Interview(Record):
    """An informational interview with one contact.

    Attributes: id, number, created, updated, contact, intro, purpose,
    notes, medium ("unset", "phone", "video", "in_person"), scheduled_at,
    minutes, status ("planned", "requested", "scheduled", "completed",
    "declined", "no_response", "cancelled"), questions, answers, advice,
    resources. ``status_at(status)`` gives when it reached a status.
    """

    __slots__ = ()
    _prefix = "interview"
    _fields = {"id": "str", "number": "int64", "created": "time", "updated": "time",
               "contact": "str", "intro": "str", "purpose": "str", "notes": "str",
               "medium": "enum:medium", "scheduled_at": "time", "minutes": "int",
               "status": "enum:interview_status", "questions": "special",
               "answers": "special", "advice": "special", "resources": "special"}

    advice = _items_prop("advice", "advice")
    resources = _items_prop("resource", "resources")

    @property
    def questions(self) -> List[str]:
        """The prepared questions, a list of str (assign a list to replace
        them, which drops their answers)."""
        return [decode(_q_at(self._h, i)) for i in range(_q_count(self._h))]  # type: ignore[misc]

    @questions.setter
    def questions(self, values: Iterable[str]) -> None:
        if isinstance(values, str):
            raise TypeError("questions: expected a list of str, not a str")
        values = list(values)
        while _q_count(self._h):
            _q_remove(self._h, 0)
        for v in values:
            check(_q_add(self._h, encode(v)))

    @property
    def answers(self) -> List[Optional[str]]:
        """The answer to each question (None where there is none yet);
        set one with set_answer()."""
        return [decode(_a_at(self._h, i)) for i in range(_q_count(self._h))]

    def add_question(self, question: str, at: Optional[int] = None) -> None:
        """Adds a question at the end, or before index `at`."""
        if at is None:
            check(_q_add(self._h, encode(question)))
        else:
            check(_q_insert(self._h, at, encode(question)))

    def set_question(self, i: int, question: str) -> None:
        """Rewords question `i` (keeping its answer)."""
        check(_q_set(self._h, i, encode(question)))

    def set_answer(self, i: int, answer: Optional[str]) -> None:
        """Records the answer to question `i` (None clears it)."""
        check(_a_set(self._h, i, encode(answer)))

    def move_question(self, src: int, dst: int) -> None:
        """Moves question `src` (with its answer) to index `dst`."""
        check(_q_move(self._h, src, dst))

    def remove_question(self, i: int) -> None:
        """Removes question `i` and its answer."""
        check(_q_remove(self._h, i))

    def seed_questions(self, count: int = 4) -> None:
        """Appends `count` questions from the library's bank, one per
        category (iv_interview_seed_questions())."""
        check(_seed(self._h, count))

    def status_at(self, status: str) -> Optional[datetime]:
        """When the interview reached `status` (None if it never did)."""
        return from_time(_status_at(self._h, enum_value("interview_status", status)))

    def set_status_at(self, status: str, when: Optional[datetime]) -> None:
        """Sets when the interview reached `status` (for imports)."""
        check(_set_status_at(self._h, enum_value("interview_status", status), to_time(when)))


@_record_class
class Followup(Record):
    """Something to do for a contact at a given time: thank, nudge, check in.

    Attributes: id, number, created, updated, contact, interview, kind
    ("thank_you", "thank_introducer", "nudge", "check_in", "report_back",
    "custom"), status ("pending", "done", "skipped", "cancelled"),
    earliest, due, closed_at, note, rule, contact_name, draft.
    """

    __slots__ = ()
    _prefix = "followup"
    _fields = {"id": "str", "number": "int64", "created": "time", "updated": "time",
               "contact": "str", "interview": "str", "kind": "enum:followup_kind",
               "status": "enum:followup_status", "earliest": "time", "due": "time",
               "closed_at": "time", "note": "str", "rule": "str", "contact_name": "str",
               "draft": "str"}


@_record_class
class Note(Record):
    """A dated note about a contact. Attributes: id, number, created,
    contact, at, text."""

    __slots__ = ()
    _prefix = "note"
    _readonly = ("number", "created")
    _fields = {"id": "str", "number": "int64", "created": "time", "contact": "str",
               "at": "time", "text": "str"}


__all__ = ["Record", "Contact", "Intro", "Interview", "Followup", "Note"]


_posting = fn("iv_target_posting", c_int, c_void_p)
_set_posting = fn("iv_target_set_posting", c_int, c_void_p, c_int)


@_record_class
class Target(Record):
    """An employer you aim at: ``Target(name="Pfizer", aliases=["Pfizer
    Inc."], motivation=3, posting=True)``.

    Attributes are those of target.h's getters: id, number, created,
    updated, name, aliases (other names contacts' companies give it),
    motivation (1 to 3, 3 the most), posting (bool: a relevant job
    posting), rank (your own order among equals, 0 for none), note.
    """

    __slots__ = ()
    _prefix = "target"
    _fields = {"id": "str", "number": "int64", "created": "time", "updated": "time",
               "name": "str", "aliases": "list:alias", "motivation": "int", "posting": "special",
               "rank": "int", "note": "str"}

    @property
    def posting(self) -> bool:
        """Whether the employer has a relevant job posting (iv_target_posting())."""
        return bool(_posting(self._h))

    @posting.setter
    def posting(self, value: bool) -> None:
        check(_set_posting(self._h, 1 if value else 0))

    def __str__(self) -> str:
        return self.name or self.id or "(unnamed target)"  # type: ignore[attr-defined]
