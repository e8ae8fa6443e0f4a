"""store.contacts, .intros, .interviews, .followups, .notes: add, get,
list, update, delete, and the workflow's moves."""

import types
from datetime import timedelta, timezone

import pytest

import infoview
from conftest import T0

UTC = timezone.utc


def test_add_stores_and_stamps_a_contact(store):
    ana = store.contacts.add("Ana", company="Acme", emails=["ana@example.com"], tags=["t"])
    assert infoview.Contact(name="x").id is None
    assert len(ana.id) == 36 and ana.number >= 1
    assert ana.created == T0 and ana.updated == T0
    got = store.contacts.get(ana.id)
    assert got == ana and got is not ana


def test_get_accepts_a_record(store):
    ana = store.contacts.add("Ana")
    assert store.contacts.get(ana).name == "Ana"


def test_get_of_a_missing_record_raises_not_found(store):
    with pytest.raises(infoview.NotFound) as e:
        store.contacts.get("0190c2d6-7f00-7000-8000-000000000001")
    assert isinstance(e.value, LookupError) and e.value.name == "IV_ENOTFOUND"
    assert e.value.code == infoview.enums()["error"]["enotfound"]


def test_insert_with_a_taken_id_raises_exists(store):
    ana = store.contacts.add("Ana")
    with pytest.raises(infoview.Exists):
        store.contacts.insert(infoview.Contact(name="Again", id=ana.id))


def test_list_is_lazy_and_filters(store):
    for i in range(5):
        store.contacts.add("P%d" % i, company="Acme" if i % 2 else "Pfizer", tags=["odd"] if i % 2 else [])
    it = store.contacts.list(company="pfizer")
    assert isinstance(it, types.GeneratorType) or hasattr(it, "__next__")
    assert not isinstance(it, list)
    assert sorted(c.name for c in it) == ["P0", "P2", "P4"]
    assert sorted(c.name for c in store.contacts.list(tag="odd")) == ["P1", "P3"]
    assert [c.name for c in store.contacts.list(name="p3")] == ["P3"]
    assert len(list(store.contacts)) == 5


def test_list_filters_by_number_and_id_prefix(store):
    ana = store.contacts.add("Ana")
    store.contacts.add("Ben")
    assert [c.name for c in store.contacts.list(number=ana.number)] == ["Ana"]
    assert [c.name for c in store.contacts.list(id_prefix=ana.id[:36])] == ["Ana"]


def test_list_refuses_a_filter_the_library_lacks(store):
    with pytest.raises(TypeError):
        store.contacts.list(nickname="x")


def test_update_stores_changes(store, clock):
    ana = store.contacts.add("Ana")
    clock.advance(hours=1)
    ana.company = "Acme"
    store.contacts.update(ana)
    got = store.contacts.get(ana.id)
    assert got.company == "Acme" and got.updated == T0 + timedelta(hours=1)


def test_update_of_a_deleted_record_raises_not_found(store):
    ana = store.contacts.add("Ana")
    store.contacts.delete(ana.id)
    with pytest.raises(infoview.NotFound):
        store.contacts.update(ana)


def test_delete_refuses_a_contact_others_depend_on_unless_cascading(store, chain):
    ana, ben, cara, i1, i2 = chain
    with pytest.raises(infoview.Constraint):
        store.contacts.delete(ben.id)
    assert store.contacts.get(ben.id)
    store.contacts.delete(ben, cascade=True)
    with pytest.raises(infoview.NotFound):
        store.contacts.get(ben.id)
    assert [i.id for i in store.intros.list()] == []


def test_intros_list_by_introducer_and_status(store, chain):
    ana, ben, cara, i1, i2 = chain
    assert [i.id for i in store.intros.list(introducer=ana)] == [i1.id]
    assert [i.id for i in store.intros.list(introduced=cara.id, status="made")] == [i2.id]
    assert list(store.intros.list(status="declined")) == []
    assert i1.status == "made" and i1.introducer == ana.id and i1.introduced == ben.id
    assert store.intros.add(introducer=ana.id, introduced=cara.id).status == "suggested"


def test_intros_update_and_delete(store, chain):
    ana, ben, cara, i1, i2 = chain
    i1.note = "lunch"
    store.intros.update(i1)
    assert store.intros.get(i1.id).note == "lunch"
    store.intros.delete(i1.id)
    with pytest.raises(infoview.NotFound):
        store.intros.get(i1.id)


def test_moving_an_interview_applies_the_rules(store, chain, clock):
    ana, ben, cara, i1, i2 = chain
    iv = store.interviews.add(cara.id, purpose="careers", intro=i2.id)
    assert iv.status == "planned" and iv.contact == cara.id
    moved = store.interviews.move(iv.id, "requested")
    assert moved.status == "requested" and moved.status_at("requested") == T0
    nudges = list(store.followups.list(interview=iv.id))
    assert sorted(f.rule.split(":")[0] for f in nudges) == ["nudge_followup", "nudge_other"]
    assert all(f.kind == "nudge" and f.status == "pending" for f in nudges)
    clock.advance(days=1)
    store.interviews.move(iv, "scheduled")
    assert {f.status for f in store.followups.list(interview=iv.id)} == {"cancelled"}
    clock.advance(days=1)
    store.interviews.move(iv.id, "completed")
    thanks = list(store.followups.list(status="pending"))
    assert sorted(f.kind for f in thanks) == ["thank_introducer", "thank_introducer", "thank_you"]
    assert sorted(store.contacts.get(f.contact).name for f in thanks) == [
        "Ana Direct", "Ben Bridge", "Cara Target"]


def test_an_illegal_move_is_invalid_input(store, chain):
    iv = store.interviews.add(chain[2].id)
    with pytest.raises(infoview.InvalidInput) as e:
        store.interviews.move(iv.id, "completed")
    assert "planned" in e.value.message and "completed" in e.value.message
    assert infoview.Store is type(store)
    assert store.interviews.can_move("planned", "requested")
    assert not store.interviews.can_move("completed", "planned")


def test_unschedule_brings_the_nudges_back(store, chain):
    iv = store.interviews.add(chain[2].id)
    store.interviews.move(iv.id, "requested")
    store.interviews.move(iv.id, "scheduled")
    back = store.interviews.unschedule(iv.id)
    assert back.status == "requested"
    assert {f.status for f in store.followups.list(interview=iv.id)} == {"pending"}


def test_interviews_list_update_and_delete(store, chain):
    cara = chain[2]
    iv = store.interviews.add(cara.id, questions=["How did you start?"])
    iv.set_answer(0, "By chance")
    iv.advice = ["read EPARs"]
    store.interviews.update(iv)
    got = store.interviews.get(iv.id)
    assert got.answers == ["By chance"] and got.advice == ["read EPARs"]
    assert [i.id for i in store.interviews.list(contact=cara.id, status="planned")] == [iv.id]
    store.interviews.delete(iv.id)
    assert list(store.interviews.list()) == []


def test_followups_add_close_and_filter(store, chain, clock):
    ana = chain[0]
    f = store.followups.add(ana.id, kind="check_in", earliest=T0, due=T0 + timedelta(days=1),
                            note="coffee")
    assert f.status == "pending" and f.kind == "check_in"
    assert [x.id for x in store.followups.list(due_before=T0 + timedelta(days=2))] == [f.id]
    assert list(store.followups.list(due_before=T0 - timedelta(days=1))) == []
    clock.advance(hours=2)
    done = store.followups.close(f.id, "done")
    assert done.status == "done" and done.closed_at == T0 + timedelta(hours=2)
    assert store.contacts.get(ana.id).last_interaction == T0 + timedelta(hours=2)
    with pytest.raises(infoview.InvalidInput):
        store.followups.close(f.id, "skipped")
    f.note = "changed"
    with pytest.raises(infoview.Error):
        store.followups.close(f.id, "pending")
    store.followups.delete(f.id)
    with pytest.raises(infoview.NotFound):
        store.followups.get(f.id)


def test_a_followup_without_due_time_is_invalid_input(store, chain):
    with pytest.raises(infoview.InvalidInput) as e:
        store.followups.add(chain[0].id)
    assert "due" in str(e.value)


def test_followup_update(store, chain):
    f = store.followups.add(chain[0].id, due=T0 + timedelta(days=1))
    f.draft = "Hi Ana"
    store.followups.update(f)
    assert store.followups.get(f).draft == "Hi Ana"


def test_notes_add_get_list_delete(store, chain, clock):
    ana = chain[0]
    n = store.notes.add(ana.id, "talked about TOPRA")
    assert n.at == T0 and n.contact == ana.id
    assert store.notes.get(n.id).text == "talked about TOPRA"
    assert [x.id for x in store.notes.list(contact=ana.id)] == [n.id]
    with pytest.raises(infoview.Misuse):
        store.notes.update(n)
    store.notes.delete(n.id)
    assert list(store.notes.list()) == []


def test_touch_and_interact_record_interactions(store, chain, clock):
    ana = chain[0]
    clock.advance(days=1)
    store.contacts.touch(ana.id, note="called")
    c = store.contacts.get(ana.id)
    assert c.last_interaction == T0 + timedelta(days=1) and "called" in c.notes
    note = store.contacts.interact(ana.id, T0 + timedelta(days=2), "lunch")
    assert note.text == "lunch" and note.at == T0 + timedelta(days=2)
    assert store.contacts.interact(ana.id) is None


def test_the_timeline_of_a_contact(store, chain):
    ana, ben, cara, i1, i2 = chain
    store.notes.add(ben.id, "met", at=T0 - timedelta(days=1))
    kinds = [(e.kind, type(e.record).__name__) for e in store.timeline(ben)]
    assert kinds[0] == ("note", "Note")
    assert sorted(k for k, _ in kinds) == ["intro", "intro", "note"]
    assert all(e.time is not None for e in store.timeline(ben.id))
