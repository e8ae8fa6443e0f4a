"""Fixtures: a memory store, a file store, a clock the test moves."""

from datetime import datetime, timedelta, timezone

import pytest

import infoview

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # a Monday


class Clock:
    """A clock the test sets and moves."""

    def __init__(self, now=T0):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **kw):
        self.now += timedelta(**kw)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(clock):
    with infoview.open(":memory:", clock=clock) as s:
        yield s


@pytest.fixture
def file_store(tmp_path, clock):
    with infoview.open(tmp_path / "test.db", clock=clock) as s:
        yield s


@pytest.fixture
def chain(store):
    """Ana (direct) introduced you to Ben, Ben to Cara at Pfizer."""
    ana = store.contacts.add("Ana Direct", company="Acme", known="direct",
                             emails=["ana@example.com"])
    ben = store.contacts.add("Ben Bridge", company="Globex", known="introduced",
                             emails=["ben@example.com"])
    cara = store.contacts.add("Cara Target", company="Pfizer", known="introduced",
                              emails=["cara@example.com"], title="Clinical Trial Manager")
    i1 = store.intros.add(by=ana.id, to=ben.id, status="made", channel="email")
    i2 = store.intros.add(by=ben.id, to=cara.id, status="made", channel="email")
    return ana, ben, cara, i1, i2
