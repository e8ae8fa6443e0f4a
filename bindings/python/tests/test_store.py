"""Opening stores, transactions, the clock, settings and every error class."""

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

import infoview
from conftest import T0

UTC = timezone.utc


def test_the_library_version_is_checked_and_shown():
    assert infoview.version().count(".") == 2
    assert infoview.version().startswith("0.")


def test_the_package_version_is_the_librarys():
    # Released together: the package's version (__init__.py and
    # pyproject.toml) is that of the library built from the same tree
    # (common.h's IV_VERSION_*), which ctest loads.
    pyproject = os.path.join(os.path.dirname(__file__), "..", "pyproject.toml")
    with open(pyproject, encoding="utf-8") as f:
        declared = [line.split("=", 1)[1].strip().strip('"') for line in f
                    if line.startswith("version")]
    assert declared == [infoview.__version__] == [infoview.version()]


def test_a_memory_store_is_empty_and_vanishes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with infoview.open(":memory:") as s:
        s.contacts.add("Ana")
        assert len(list(s.contacts)) == 1
    assert os.listdir(tmp_path) == []
    with infoview.open(":memory:") as s:
        assert list(s.contacts) == []


def test_a_file_store_keeps_its_records(tmp_path):
    with infoview.open(tmp_path / "a.db") as s:
        s.contacts.add("Ana")
    with infoview.open(str(tmp_path / "a.db")) as s:
        assert [c.name for c in s.contacts] == ["Ana"]


def test_the_default_store_lives_under_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert infoview.default_path() == str(tmp_path / "infoview" / "infoview.db")
    with infoview.open() as s:
        s.contacts.add("Ana")
    assert (tmp_path / "infoview" / "infoview.db").exists()


def test_a_backend_by_name(tmp_path):
    with infoview.open(None, backend="memory") as s:
        s.contacts.add("Ana")
    with pytest.raises(infoview.NotFound):
        infoview.open(None, backend="no-such-backend")


def test_a_closed_store_raises_misuse():
    s = infoview.open(":memory:")
    s.close()
    s.close()
    assert s.closed
    with pytest.raises(infoview.Misuse) as e:
        s.contacts.add("Ana")
    assert e.value.name == "IV_EMISUSE"


def test_a_transaction_commits(store):
    with store.transaction():
        store.contacts.add("Ana")
        store.contacts.add("Ben")
        assert store.transaction_depth == 1
    assert store.transaction_depth == 0
    assert len(list(store.contacts)) == 2
    # Neither built-in store has transient failures to retry.
    assert store.retry_count == 0


def test_a_transaction_rolls_back_on_an_exception(file_store):
    file_store.contacts.add("Kept")
    with pytest.raises(RuntimeError):
        with file_store.transaction():
            file_store.contacts.add("Ana")
            raise RuntimeError("changed my mind")
    assert [c.name for c in file_store.contacts] == ["Kept"]
    assert file_store.transaction_depth == 0


def test_a_rolled_back_transaction_writes_nothing_in_memory_either(store):
    with pytest.raises(KeyError):
        with store.transaction():
            ana = store.contacts.add("Ana")
            store.interviews.add(ana.id)
            raise KeyError("x")
    assert list(store.contacts) == [] and list(store.interviews) == []


def test_transactions_nest(store):
    with store.transaction():
        store.contacts.add("Outer")
        with pytest.raises(ValueError):
            with store.transaction():
                store.contacts.add("Inner")
                raise ValueError
        assert store.transaction_depth == 1
    assert [c.name for c in store.contacts] == ["Outer"]


def test_begin_commit_rollback_by_hand(store):
    store.begin()
    store.contacts.add("Ana")
    store.rollback()
    store.begin()
    store.contacts.add("Ben")
    store.commit()
    assert [c.name for c in store.contacts] == ["Ben"]
    with pytest.raises(infoview.Misuse):
        store.commit()


def test_the_clock_stamps_and_can_be_replaced(store, clock):
    assert store.now() == T0
    clock.advance(days=2)
    assert store.contacts.add("Ana").created == T0 + timedelta(days=2)
    store.set_clock(None)
    assert abs(store.now() - datetime.now(UTC)) < timedelta(minutes=1)
    store.set_clock(lambda: datetime(2030, 1, 1, tzinfo=UTC))
    assert store.now() == datetime(2030, 1, 1, tzinfo=UTC)


def test_a_raising_clock_fails_the_call_and_writes_nothing(store, chain, clock):
    ana, ben, cara, i1, i2 = chain
    iv = store.interviews.add(cara.id)

    def broken():
        raise ZeroDivisionError("no time today")

    store.set_clock(broken)
    with pytest.raises(infoview.Error) as e:
        store.contacts.add("Dan")
    assert isinstance(e.value.__cause__, ZeroDivisionError)
    assert "ZeroDivisionError" in e.value.message
    with pytest.raises(infoview.Error):
        store.interviews.move(iv.id, "requested")
    store.set_clock(clock)
    assert [c.name for c in store.contacts.list(name="Dan")] == []
    assert store.interviews.get(iv.id).status == "planned"
    assert list(store.followups.list()) == []


def test_a_clock_returning_a_naive_time_is_an_error(file_store):
    file_store.set_clock(lambda: datetime(2026, 1, 1))
    with pytest.raises(infoview.Error) as e:
        file_store.contacts.add("Ana")
    assert isinstance(e.value.__cause__, TypeError)
    file_store.set_clock(None)
    assert list(file_store.contacts) == []


def test_settings(store):
    assert store.setting("app.theme") is None
    store.set_setting("app.theme", "dark")
    assert store.setting("app.theme") == "dark"
    store.set_setting("app.theme", None)
    assert store.setting("app.theme") is None
    with pytest.raises(infoview.InvalidInput):
        store.set_setting("iv.reserved", "x")


def test_durability(file_store):
    assert file_store.setting("iv.durability") is None
    file_store.set_durability("full")
    assert file_store.setting("iv.durability") == "full"
    file_store.set_durability("normal")
    assert file_store.setting("iv.durability") is None
    with pytest.raises(infoview.InvalidInput):
        file_store.set_durability("fsync always")


def test_every_error_code_has_its_class():
    codes = infoview.enums()["error"]
    expected = {"enotfound": infoview.NotFound, "eexists": infoview.Exists,
                "einvalid": infoview.InvalidInput, "econstraint": infoview.Constraint,
                "ebusy": infoview.Busy, "enomem": infoview.NoMemory,
                "eversion": infoview.VersionMismatch, "estorage": infoview.StorageError,
                "emisuse": infoview.Misuse, "eretry": infoview.Retry,
                "error": infoview.Error}
    from infoview._lib import make_error
    for name, value in codes.items():
        if name in ("ok", "iterover"):
            continue
        err = make_error(value, "m")
        assert type(err) is expected[name], name
        assert isinstance(err, infoview.Error) and err.code == value and err.message == "m"
        assert err.name == "IV_" + name.upper()
    assert len({c for c in expected.values()}) == len(expected)


def test_busy_when_another_connection_holds_the_lock(tmp_path, monkeypatch):
    monkeypatch.setenv("INFOVIEW_SQLITE_BUSY_TIMEOUT_MS", "0")
    path = tmp_path / "busy.db"
    with infoview.open(path) as a, infoview.open(path) as b:
        a.contacts.add("first")
        with a.transaction():
            a.contacts.add("Ana")
            with pytest.raises(infoview.Busy):
                b.contacts.add("Ben")


def test_version_mismatch_for_a_store_from_a_newer_library(tmp_path):
    path = tmp_path / "new.db"
    with infoview.open(path) as s:
        s.contacts.add("Ana")
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    with pytest.raises(infoview.VersionMismatch):
        infoview.open(path)


def test_storage_error_or_invalid_for_a_file_that_is_not_a_store(tmp_path):
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not an SQLite file at all" * 100)
    with pytest.raises((infoview.InvalidInput, infoview.StorageError)):
        infoview.open(path)
    with pytest.raises(infoview.StorageError):
        infoview.open(tmp_path / "missing-dir" / "x.db")


def test_no_memory_is_a_memory_error():
    assert issubclass(infoview.NoMemory, MemoryError)


def test_a_library_too_old_is_refused_at_import(tmp_path):
    # A library lacking a function the binding needs: the C library itself
    # with its newest function hidden cannot be made here, so a stub that is
    # not libinfoview at all stands in, and must be refused, not crash.
    env = dict(os.environ, INFOVIEW_LIBRARY="libc.so.6")
    r = subprocess.run([sys.executable, "-c", "import infoview"], env=env,
                       capture_output=True, text=True)
    assert r.returncode != 0
    assert "ImportError" in r.stderr and "is not libinfoview" in r.stderr


def test_a_missing_library_is_an_import_error(tmp_path):
    env = dict(os.environ, INFOVIEW_LIBRARY=str(tmp_path / "libnothing.so"))
    r = subprocess.run([sys.executable, "-c", "import infoview"], env=env,
                       capture_output=True, text=True)
    assert r.returncode != 0 and "ImportError" in r.stderr and "INFOVIEW_LIBRARY" in r.stderr


def test_a_library_of_another_major_or_too_old_is_a_version_mismatch():
    from infoview._lib import check_version
    with pytest.raises(infoview.VersionMismatch) as e:
        check_version(1, 10000, "1.0.0", lambda f: True)
    assert "1.0.0" in e.value.message and e.value.name == "IV_EVERSION"
    assert e.value.code == infoview.enums()["error"]["eversion"]
    with pytest.raises(infoview.VersionMismatch):
        check_version(0, 99, "0.0.99", lambda f: True)
    with pytest.raises(infoview.VersionMismatch) as e:
        check_version(0, 100, "0.1.0", lambda f: f != "iv_db_company_paths")
    assert "iv_db_company_paths" in e.value.message
    check_version(0, 100, "0.1.0", lambda f: True)
