"""The C library as ctypes sees it: loading, prototypes, enumerations,
versioned structs and errors.

Nothing here is copied from a C header: every number (enumeration values,
error codes, flags, struct versions, sizes and member offsets) is asked of
the library at import through its introspection functions (infoview/ffi.h
and infoview/types.h). Only the functions' names and C signatures are
written down, as any binding must.
"""

from __future__ import annotations

import ctypes
import os
from ctypes import (POINTER, byref, c_char_p, c_double, c_int, c_int64, c_size_t,
                    c_uint, c_uint64, c_void_p)
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Optional, Tuple

from ._errors import Error, VersionMismatch, error_class

#: The major version of the library this binding is written for.
MAJOR = 0
#: The oldest library version (MAJOR * 10000 + MINOR * 100 + PATCH) it needs.
MIN_VERSION = 100

SONAME = "libinfoview.so.0"


def _candidates() -> List[str]:
    env = os.environ.get("INFOVIEW_LIBRARY")
    if env:
        return [env]
    names: List[str] = []
    try:  # written by `cmake --install` next to the package it installs
        from ._installed import LIBRARY  # type: ignore[import-not-found]
        if os.path.exists(LIBRARY):
            names.append(LIBRARY)
    except ImportError:
        pass
    names.append(SONAME)
    return names


def _load() -> ctypes.CDLL:
    failures = []
    for name in _candidates():
        try:
            found = ctypes.CDLL(name)
        except OSError as e:
            failures.append(str(e))
            continue
        if not hasattr(found, "iv_version"):
            failures.append("%s is not libinfoview" % name)
            continue
        return found
    raise ImportError("infoview: cannot load the C library (%s); install libinfoview "
                      "or set INFOVIEW_LIBRARY to its path" % "; ".join(failures))


lib = _load()


def fn(name: str, restype: Any, *argtypes: Any) -> Any:
    """The C function `name` with its prototype set."""
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


# --- Version ------------------------------------------------------------------

_version = fn("iv_version", c_char_p, POINTER(c_int), POINTER(c_int), POINTER(c_int))
_version_number = fn("iv_version_number", c_int)


def library_version() -> str:
    """The version of the C library loaded, such as "0.1.0"."""
    return _version(None, None, None).decode()


def _eversion() -> int:
    """The code of a version error, asked of the library when it can tell."""
    out = c_int(0)
    try:
        fn("iv_enum_value", c_int, POINTER(c_int), c_char_p, c_char_p)(byref(out), b"error", b"eversion")
    except AttributeError:
        pass
    return out.value


#: The newest functions the binding uses: a 0.x library older than the
#: binding lacks some of them.
NEEDED = ("iv_struct_member", "iv_enum_at", "iv_db_company_paths", "iv_draft_check_report",
          "iv_contact_interact")


def check_version(major: int, number: int, version: str, has: Callable[[str], bool]) -> None:
    """Raises VersionMismatch unless a library of that version (and with
    those functions) fits the binding."""
    if major != MAJOR or number < MIN_VERSION:
        raise VersionMismatch(_eversion(), "IV_EVERSION",
                              "infoview: the binding needs libinfoview %d.x from %d.%d.%d on; "
                              "the library loaded is %s" % (MAJOR, MIN_VERSION // 10000,
                                                            MIN_VERSION // 100 % 100,
                                                            MIN_VERSION % 100, version))
    missing = [f for f in NEEDED if not has(f)]
    if missing:
        raise VersionMismatch(_eversion(), "IV_EVERSION",
                              "infoview: the library loaded (%s) is too old: it lacks %s"
                              % (version, ", ".join(missing)))


_maj = c_int()
_version(byref(_maj), None, None)
check_version(_maj.value, _version_number(), library_version(), lambda f: hasattr(lib, f))

# --- Errors -------------------------------------------------------------------

_error_message = fn("iv_error_message", c_char_p)
_error_name = fn("iv_error_name", c_char_p, c_int)
error_set = fn("iv_error_set", c_int, c_int, c_char_p)
free = fn("iv_free", None, c_void_p)

# --- Enumerations ----------------------------------------------------------------

_enum_type_name = fn("iv_enum_type_name", c_char_p, c_size_t)
_enum_at = fn("iv_enum_at", c_int, POINTER(c_int), POINTER(c_char_p), c_char_p, c_size_t)
_enum_value = fn("iv_enum_value", c_int, POINTER(c_int), c_char_p, c_char_p)

#: Every enumeration of the library: type -> {name: value}.
ENUMS: Dict[str, Dict[str, int]] = {}
#: The same, value -> name.
NAMES: Dict[str, Dict[int, str]] = {}


def _read_enums() -> None:
    i = 0
    while True:
        t = _enum_type_name(i)
        if t is None:
            break
        values: Dict[str, int] = {}
        j = 0
        v, n = c_int(), c_char_p()
        while _enum_at(byref(v), byref(n), t, j) == 0:
            values[n.value.decode()] = v.value  # type: ignore[union-attr]
            j += 1
        ENUMS[t.decode()] = values
        NAMES[t.decode()] = {val: name for name, val in values.items()}
        i += 1


_read_enums()
OK = ENUMS["error"]["ok"]
ITEROVER = ENUMS["error"]["iterover"]
GENERIC = ENUMS["error"]["error"]


def make_error(code: int, message: Optional[str] = None) -> Error:
    """The exception for a return code; the message is the thread's last error."""
    if message is None:
        message = _error_message().decode("utf-8", "replace")
    name = NAMES["error"].get(code, "error")
    return error_class(name)(code, _error_name(code).decode(), message)


def check(rc: int) -> int:
    """Raises the error a negative return code stands for."""
    if rc < 0:
        raise make_error(rc)
    return rc


def enum_value(etype: str, name: Any) -> int:
    """The value of an enumeration name ("no_response", "no-response"...)."""
    if isinstance(name, bool) or not isinstance(name, (str, int)):
        raise error_class("einvalid")(ENUMS["error"]["einvalid"], "IV_EINVALID",
                                      "%s: expected a name, not %r" % (etype, name))
    if isinstance(name, int):
        if name in NAMES[etype]:
            return name
        raise error_class("einvalid")(ENUMS["error"]["einvalid"], "IV_EINVALID",
                                      "%s: unknown value %d" % (etype, name))
    out = c_int()
    check(_enum_value(byref(out), etype.encode(), name.encode()))
    return out.value


def enum_name(etype: str, value: int) -> Any:
    """The name of an enumeration value; the number itself when the binding
    meets a value newer than its library's names (never happens in practice)."""
    return NAMES[etype].get(value, value)


def flags(etype: str, names: Any) -> int:
    """Or-ed values of flag names (a name or an iterable of names)."""
    if names is None:
        return 0
    if isinstance(names, str):
        names = [names]
    v = 0
    for n in names:
        v |= enum_value(etype, n)
    return v


def flag_names(etype: str, value: int) -> List[str]:
    """The names of the flags set in a value."""
    return [n for n, v in ENUMS[etype].items() if v and value & v == v]


# --- Versioned structs --------------------------------------------------------

_struct_version = fn("iv_struct_version", c_uint, c_char_p)
_struct_size = fn("iv_struct_size", c_size_t, c_char_p, c_uint)
_struct_member = fn("iv_struct_member", c_int, POINTER(c_char_p), POINTER(c_size_t),
                    POINTER(c_char_p), POINTER(c_uint), c_char_p, c_size_t)

_SCALARS = {"unsigned int": c_uint, "int": c_int, "int64_t": c_int64, "size_t": c_size_t}


class Layout:
    """A versioned struct as the library describes it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.version = _struct_version(name.encode())
        if not self.version:
            raise VersionMismatch(ENUMS["error"]["eversion"], "IV_EVERSION",
                                  "infoview: the library knows no struct %s" % name)
        self.size = _struct_size(name.encode(), self.version)
        self.members: Dict[str, Tuple[int, str]] = {}
        m, off, typ, since = c_char_p(), c_size_t(), c_char_p(), c_uint()
        i = 0
        while _struct_member(byref(m), byref(off), byref(typ), byref(since), name.encode(), i) == 0:
            self.members[m.value.decode()] = (off.value, typ.value.decode())  # type: ignore[union-attr]
            i += 1


_layouts: Dict[str, Layout] = {}


def layout(name: str) -> Layout:
    """The layout of a versioned struct, read once."""
    if name not in _layouts:
        _layouts[name] = Layout(name)
    return _layouts[name]


class Struct:
    """One instance of a versioned struct of the current version, as bytes
    written and read at the offsets the library gives."""

    def __init__(self, name: str, init: Optional[Callable[..., int]] = None) -> None:
        self.layout = layout(name)
        # Rounded up: a caller may allocate more than the library reads.
        self.buf = ctypes.create_string_buffer(max(self.layout.size, 8) + 8)
        self.keep: List[Any] = []  # strings and arrays the struct points to
        if init is not None:
            check(init(self.buf, self.layout.version))
        else:
            self.set("version", self.layout.version)

    def has(self, member: str) -> bool:
        return member in self.layout.members

    def _ctype(self, member: str) -> Tuple[int, Any]:
        off, typ = self.layout.members[member]
        if typ in _SCALARS:
            return off, _SCALARS[typ]
        return off, c_void_p  # every pointer: strings, handles, functions

    def set(self, member: str, value: Any) -> None:
        off, ct = self._ctype(member)
        if self.layout.members[member][1] == "const char *" and value is not None and not isinstance(value, int):
            s = ctypes.create_string_buffer(encode(value))
            self.keep.append(s)
            value = ctypes.addressof(s)
        ct.from_buffer(self.buf, off).value = value

    def get(self, member: str) -> Any:
        off, ct = self._ctype(member)
        return ct.from_buffer(self.buf, off).value

    def ptr(self) -> Any:
        return self.buf


# --- Conversions -----------------------------------------------------------------

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def encode(s: Any) -> Optional[bytes]:
    """A str as UTF-8 bytes for the library (None stays NULL)."""
    if s is None:
        return None
    if isinstance(s, bytes):
        return s
    if isinstance(s, os.PathLike):
        s = os.fspath(s)
        return s if isinstance(s, bytes) else s.encode()
    if not isinstance(s, str):
        raise TypeError("expected a str, not %s" % type(s).__name__)
    return s.encode("utf-8", "surrogatepass")


def decode(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8", "replace")


def to_time(dt: Optional[datetime]) -> int:
    """Seconds since the epoch of an aware datetime; None is 0 ("not set")."""
    if dt is None:
        return 0
    if not isinstance(dt, datetime):
        raise TypeError("expected a datetime, not %s" % type(dt).__name__)
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise error_class("einvalid")(ENUMS["error"]["einvalid"], "IV_EINVALID",
                                      "a time must be an aware datetime (with a time zone)")
    return (dt - EPOCH) // timedelta(seconds=1)


def from_time(t: int) -> Optional[datetime]:
    """An aware UTC datetime; 0 ("not set") is None."""
    if not t:
        return None
    return EPOCH + timedelta(seconds=t)


__all__ = ["lib", "fn", "check", "make_error", "ENUMS", "NAMES", "Struct", "layout",
           "encode", "decode", "to_time", "from_time", "byref", "c_char_p", "c_int",
           "c_int64", "c_size_t", "c_uint", "c_uint64", "c_void_p", "c_double", "POINTER",
           "enum_value", "enum_name", "flags", "flag_names", "free", "error_set", "OK",
           "ITEROVER", "GENERIC", "library_version"]
