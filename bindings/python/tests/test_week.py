"""Referrals (store.interviews.refer) and the weekly review (store.week_review)."""

from datetime import datetime, timedelta, timezone

import pytest

import infoview

W10 = datetime(2026, 3, 2, tzinfo=timezone.utc)  # Monday of ISO week 2026-W10


def talked(store, clock, contact):
    """An interview with `contact`: requested now, scheduled an hour later, held an hour after."""
    iv = store.interviews.add(contact.id, purpose="regulatory affairs")
    store.interviews.move(iv.id, "requested")
    clock.advance(hours=1)
    store.interviews.move(iv.id, "scheduled")
    clock.advance(hours=1)
    return store.interviews.move(iv.id, "completed")


def asks(store):
    return [f for f in store.followups if f.kind == "ask_intro"]


def test_a_referral_makes_a_suggested_introduction_and_a_follow_up(store, clock):
    priya = store.contacts.add("Priya Shah", company="Roche", known="direct")
    iv = talked(store, clock, priya)
    intro = store.interviews.refer(iv.id, "Ella Marsh", "Novartis")
    assert intro.status == "suggested"
    assert intro.introducer == priya.id
    ella = store.contacts.get(intro.introduced)
    assert (ella.name, ella.company, ella.known) == ("Ella Marsh", "Novartis", "introduced")
    assert store.degree(ella.id) == 2
    [ask] = asks(store)
    assert ask.contact == priya.id and ask.rule == "ask_intro:" + intro.id
    draft = store.drafts.followup(ask.id)
    assert draft.kind == "intro_request"
    assert "introduce me to Ella Marsh at Novartis" in draft.text


def test_referring_twice_and_reusing_a_contact(store, clock):
    priya = store.contacts.add("Priya Shah", known="direct")
    tom = store.contacts.add("tom reed", known="cold")
    iv = talked(store, clock, priya)
    a = store.interviews.refer(iv.id, "Tom Reed")
    b = store.interviews.refer(iv.id, "TOM REED")
    assert a.id == b.id and a.introduced == tom.id
    assert len(asks(store)) == 1
    assert len(list(store.contacts)) == 2


def test_the_introduction_made_closes_the_follow_up(store, clock):
    priya = store.contacts.add("Priya Shah", known="direct")
    iv = talked(store, clock, priya)
    intro = store.interviews.refer(iv.id, "Ella Marsh", "Novartis")
    intro.status = "made"
    store.intros.update(intro)
    [ask] = asks(store)
    assert ask.status == "done"


def test_a_bad_referral_changes_nothing(store, clock):
    priya = store.contacts.add("Priya Shah", known="direct")
    iv = talked(store, clock, priya)
    with pytest.raises(infoview.InvalidInput):
        store.interviews.refer(iv.id, "Priya Shah")
    with pytest.raises(infoview.InvalidInput):
        store.interviews.refer(iv.id, "")
    assert len(list(store.contacts)) == 1 and asks(store) == []


def test_the_week_review_counts_the_week(store, clock):
    priya = store.contacts.add("Priya Shah", known="direct")
    ben = store.contacts.add("Ben Lee", known="direct")
    iv = talked(store, clock, priya)                  # Monday 09:00 to 11:00
    store.interviews.refer(iv.id, "Ella Marsh", "Novartis")
    store.interviews.refer(iv.id, "Tom Reed")
    req = store.interviews.add(ben.id)
    store.interviews.move(req.id, "requested")
    clock.advance(days=2)
    store.interviews.move(req.id, "declined")
    thanks = [f for f in store.followups if f.kind == "thank_you"]
    store.followups.close(thanks[0].id, "done")       # Wednesday: after its due time
    r = store.week_review()
    assert (r.start, r.end) == (W10, W10 + timedelta(days=7))
    assert r.requests_sent == 2
    assert r.replies == 2
    assert r.reply_median == timedelta(hours=1)      # the lower middle of 1 h and 2 days
    assert r.talks_held == 1
    assert (r.thanks_sent, r.thanks_late) == (1, 1)
    assert r.referrals == 2
    assert (r.intros_asked, r.intros_made, r.targets_reached) == (0, 0, 0)
    later = store.week_review(W10 + timedelta(days=7))
    assert later.requests_sent == 0 and later.reply_median is None
    assert "requests_sent" in r.as_dict()


def test_the_agenda_lists_the_plan_on_the_plan_day(store, clock):
    priya = store.contacts.add("Priya Shah", company="Roche", known="direct")
    store.targets.add("Roche", motivation=3)
    store.targets.add("GSK", motivation=2)
    plan = [i for i in store.agenda() if i.kind == "plan"]  # Monday: the plan's day
    assert [i.plan.target.name for i in plan] == ["Roche", "GSK"]
    assert plan[0].contact.id == priya.id and plan[0].plan.step == "request"
    assert plan[1].contact is None and plan[1].plan.step == "find"
    clock.advance(days=1)
    assert [i for i in store.agenda() if i.kind == "plan"] == []
    assert len([i for i in store.agenda(plan=True) if i.kind == "plan"]) == 2
    store.set_rules(plan_day=2)
    assert store.rules.plan_day == 2
    assert len([i for i in store.agenda() if i.kind == "plan"]) == 2
    assert [i for i in store.agenda(plan=False) if i.kind == "plan"] == []


def test_the_week_counts_targets_that_gained_a_way_in(store, clock):
    store.targets.add("Novartis", motivation=3)
    priya = store.contacts.add("Priya Shah", known="direct")
    iv = talked(store, clock, priya)
    assert store.week_review().targets_reached == 0
    store.interviews.refer(iv.id, "Ella Marsh", "Novartis")
    assert store.week_review().targets_reached == 1
    assert store.week_review(W10 + timedelta(days=7)).targets_reached == 0
