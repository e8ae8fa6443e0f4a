"""Lifetimes and threads: iterators and records keep the store alive, any
order of frees is safe, a store belongs to its thread, nothing leaks."""

import gc
import os
import threading
import weakref
from datetime import datetime, timezone

import pytest

import infoview


def test_an_iterator_keeps_its_store_alive():
    s = infoview.open(":memory:")
    for i in range(3):
        s.contacts.add("P%d" % i)
    it = s.contacts.list()
    ref = weakref.ref(s)
    del s
    gc.collect()
    assert ref() is not None
    assert len(list(it)) == 3


def test_a_record_outlives_its_store():
    with infoview.open(":memory:") as s:
        ana = s.contacts.add("Ana", tags=["x"])
    assert ana.name == "Ana" and ana.tags == ["x"]


def test_an_iterator_of_a_closed_store_raises_misuse():
    s = infoview.open(":memory:")
    s.contacts.add("Ana")
    s.contacts.add("Ben")
    it = s.contacts.list()
    next(it)
    s.close()
    with pytest.raises(infoview.Misuse):
        next(it)
    del it


def test_any_collection_order_is_safe():
    for order in range(6):
        s = infoview.open(":memory:")
        for i in range(3):
            s.contacts.add("P%d" % i)
        its = [s.contacts.list(), s.agenda(), s.search("P0"), s.intros.list()]
        next(its[0])
        net = s.network()
        rec = next(s.contacts.list())
        # One cycle holding everything: the collector frees it in an order of its own.
        cycle = [s, its, net, rec]
        cycle.append(cycle)
        if order % 2:
            s.close()
        del s, its, net, rec, cycle
        gc.collect()


def test_a_finalizer_on_another_thread_defers_the_free():
    s = infoview.open(":memory:")
    s.contacts.add("Ana")
    box = [s.contacts.list()]
    t = threading.Thread(target=box.clear)  # the iterator dies on that thread
    t.start()
    t.join()
    assert len(s._deferred) == 1
    s.contacts.add("Ben")  # freed here, on the store's thread, before the call
    assert s._deferred == []
    s.close()


def test_a_store_used_from_another_thread_raises_misuse():
    s = infoview.open(":memory:")
    ana = s.contacts.add("Ana")
    it = s.contacts.list()
    errors = []

    def use():
        for f in (lambda: s.contacts.add("Ben"), lambda: s.contacts.get(ana.id),
                  lambda: next(it), lambda: list(s.agenda()), lambda: s.close()):
            try:
                f()
            except infoview.Misuse as e:
                errors.append(e)

    t = threading.Thread(target=use)
    t.start()
    t.join()
    assert len(errors) == 5 and all("thread" in e.message for e in errors)
    assert [c.name for c in s.contacts] == ["Ana"]
    s.close()


def test_four_threads_each_with_its_own_store(tmp_path):
    failures = []

    def work(n):
        try:
            now = [datetime(2026, 3, 2, 9, tzinfo=timezone.utc)]
            path = ":memory:" if n % 2 else tmp_path / ("t%d.db" % n)
            with infoview.open(path, clock=lambda: now[0]) as s:
                for i in range(200):
                    with s.transaction():
                        c = s.contacts.add("T%d-%d" % (n, i), company="C%d" % n)
                        iv = s.interviews.add(c.id)
                        s.interviews.move(iv.id, "requested")
                assert len(list(s.contacts.list(company="C%d" % n))) == 200
                assert len(list(s.followups.list())) == 400
                assert sum(1 for _ in s.agenda()) >= 200
        except BaseException as e:  # reported below, with the thread's number
            failures.append((n, e))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
def test_100k_create_free_cycles_do_not_grow():
    def cycles(n, s):
        for i in range(n):
            c = infoview.Contact(name="Ana %d" % i, emails=["a@example.com"], tags=["t"])
            c.company = "Acme"
            del c
            if i % 50 == 0:  # a store, a stored record, an iterator and a snapshot too
                with infoview.open(":memory:") as m:
                    m.contacts.add("x")
                    list(m.contacts.list())
                    m.network().close()
            if i % 10 == 0:
                rec = s.contacts.add("P", tags=["t"])
                s.contacts.get(rec.id)
                s.contacts.delete(rec.id)

    with infoview.open(":memory:") as s:
        cycles(20000, s)  # warm up: allocator pools, caches
        gc.collect()
        before = rss_kib()
        cycles(100000, s)
        gc.collect()
        grown = rss_kib() - before
    # A leak of one record per cycle would be megabytes; allow allocator noise.
    assert grown < 2048, "RSS grew by %d KiB over 100k cycles" % grown


def test_a_store_nobody_holds_is_closed_at_once(tmp_path):
    gc.disable()  # no cycle to wait for: the last reference closes it
    try:
        s = infoview.open(tmp_path / "x.db", clock=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc))
        s.contacts.add("Ana")
        ref = weakref.ref(s)
        del s
        assert ref() is None
    finally:
        gc.enable()


def test_a_network_used_from_another_thread_raises_misuse():
    with infoview.open(":memory:") as s:
        ana = s.contacts.add("Ana")
        net = s.network()
        errors = []

        def use():
            try:
                net.degree(ana.id)
            except infoview.Misuse as e:
                errors.append(e)

        t = threading.Thread(target=use)
        t.start()
        t.join()
        assert len(errors) == 1 and net.degree(ana.id) == 1


def test_an_iterator_closed_early_ends():
    with infoview.open(":memory:") as s:
        s.contacts.add("Ana")
        s.contacts.add("Ben")
        it = s.contacts.list()
        next(it)
        it.close()
        assert list(it) == []
        with s.network() as net:
            assert net.degree(next(s.contacts.list()).id) == 1
        with pytest.raises(infoview.Misuse):
            net.company_paths("Acme")
