"""The agenda, search, the network, drafts, rules, the profile, import and
export."""

import json
from datetime import timedelta, timezone

import pytest

import infoview
from conftest import T0

UTC = timezone.utc


def completed_interview(store, chain, clock):
    ana, ben, cara, i1, i2 = chain
    iv = store.interviews.add(cara.id, purpose="clinical research careers", intro=i2.id,
                              advice=["take the RAC exam"])
    store.interviews.move(iv.id, "requested")
    clock.advance(days=3)
    store.interviews.move(iv.id, "scheduled")
    clock.advance(days=1)
    store.interviews.move(iv.id, "completed")
    clock.advance(hours=20)
    return iv


def test_the_agenda_lists_the_thanks_due(store, chain, clock):
    completed_interview(store, chain, clock)
    items = list(store.agenda())
    assert [i.kind for i in items] == ["followup"] * 3
    assert sorted(i.followup.kind for i in items) == ["thank_introducer", "thank_introducer", "thank_you"]
    assert {i.contact.name for i in items} == {"Ana Direct", "Ben Bridge", "Cara Target"}
    assert all(i.time == T0 + timedelta(days=5) and not i.overdue for i in items)
    assert all(str(i).startswith("2026-03-07 09:00 UTC  thank") for i in items)


def test_the_agenda_at_a_moment_and_horizon(store, chain, clock):
    cara = chain[2]
    iv = store.interviews.add(cara.id, scheduled_at=T0 + timedelta(days=10))
    store.interviews.move(iv.id, "requested")
    store.interviews.move(iv.id, "scheduled")
    assert [i.kind for i in store.agenda(days=7)] == []
    items = list(store.agenda(days=14))
    assert [i.kind for i in items] == ["interview"] and items[0].interview.id == iv.id
    late = list(store.agenda(at=T0 + timedelta(days=11)))
    assert late[0].overdue


def test_the_agenda_without_days_uses_the_librarys_horizon(store, chain, clock):
    # The horizon is left to the library (iv_agenda_options' 0: a week),
    # not copied into the binding.
    ana, ben = chain[0], chain[1]
    soon = store.interviews.add(ana.id, scheduled_at=T0 + timedelta(days=6))
    later = store.interviews.add(ben.id, scheduled_at=T0 + timedelta(days=8))
    for iv in (soon, later):
        store.interviews.move(iv.id, "requested")
        store.interviews.move(iv.id, "scheduled")
    shown = [i.interview.id for i in store.agenda() if i.kind == "interview"]
    assert shown == [soon.id]
    assert shown == [i.interview.id for i in store.agenda(days=None) if i.kind == "interview"]


def test_a_waiting_request_shows_how_long(store, chain, clock):
    iv = store.interviews.add(chain[2].id)
    store.interviews.move(iv.id, "requested")
    clock.advance(days=1)
    items = [i for i in store.agenda() if i.kind == "waiting"]
    assert items and items[0].waiting == timedelta(days=1)


def test_search_finds_contacts_and_interviews(store, chain):
    iv = store.interviews.add(chain[2].id, purpose="regulatory affairs in pharma")
    hits = list(store.search("pfizer"))
    assert [(h.kind, h.record.name) for h in hits] == [("contact", "Cara Target")]
    hits = list(store.search("regulatory", kinds="interview"))
    assert [h.id for h in hits] == [iv.id] and hits[0].score is not None
    assert len(list(store.search("ana OR ben OR cara", limit=1))) <= 1
    assert list(store.search("zzzz", unranked=True)) == []
    with pytest.raises(infoview.InvalidInput):
        list(store.search("   "))


def test_the_network_snapshot(store, chain):
    ana, ben, cara, i1, i2 = chain
    net = store.network()
    assert [net.degree(c) for c in (ana, ben, cara)] == [1, 2, 3]
    path = net.path(cara.id)
    assert [c.name for c in path] == ["Ana Direct", "Ben Bridge", "Cara Target"]
    assert path.intros == [None, i1.id, i2.id] and path.target.id == cara.id
    paths = list(net.company_paths("pfizer"))
    assert len(paths) == 1 and [c.id for c in paths[0]] == [ana.id, ben.id, cara.id]
    cold = store.contacts.add("Cold", known="cold")
    assert store.network().degree(cold) == 0
    with pytest.raises(infoview.NotFound):
        store.network().path(cold.id)
    with pytest.raises(infoview.InvalidInput):
        net.degree("not-an-id")
    net.close()
    with pytest.raises(infoview.Misuse):
        net.degree(ana.id)


def test_the_network_questions_without_a_snapshot(store, chain):
    ana, ben, cara, i1, i2 = chain
    assert store.degree(cara) == 3
    assert [c.name for c in store.path(cara.id)] == ["Ana Direct", "Ben Bridge", "Cara Target"]
    assert [[c.name for c in p] for p in store.company_paths("Globex")] == [["Ana Direct", "Ben Bridge"]]


def test_drafts_of_a_thank_you_and_a_request(store, chain, clock):
    store.set_profile(name="Sam Seeker", background="eight years as a hospital pharmacist",
                      exploring="moving into clinical research")
    assert store.profile == infoview.Profile("Sam Seeker", "eight years as a hospital pharmacist",
                                             "moving into clinical research")
    iv = completed_interview(store, chain, clock)
    thank = next(f for f in store.followups.list(status="pending") if f.kind == "thank_you")
    d = store.drafts.followup(thank.id)
    assert d.kind == "thanks" and d.to == "cara@example.com" and d.contact == chain[2].id
    assert "Cara" in d.text and "RAC" in d.text and d.subject
    assert "Sam" in store.drafts.thanks(thank.id)
    r = store.drafts.interview_request(iv.id)
    assert r.kind == "request_introduced" and "Ben" in r.text
    assert store.drafts.request(iv.id) == r.text
    assert isinstance(r.warnings, list) and isinstance(r.suggestions, list)


def test_a_draft_warns_of_what_to_fill_in(store, chain):
    iv = store.interviews.add(chain[2].id)
    d = store.drafts.interview_request(iv.id)
    fields = {w.field for w in d.warnings}
    assert "profile.name" in fields and all(w.message for w in d.warnings)


def test_an_intro_request_draft(store, chain):
    ana, ben, cara = chain[:3]
    i = store.intros.add(by=ana.id, to=cara.id, status="suggested")
    d = store.drafts.intro_request(i.id)
    assert d.kind == "intro_request" and d.to == "ana@example.com"


def test_templates_of_the_store(store, chain):
    iv = store.interviews.add(chain[2].id)
    assert store.drafts.template("request") is None
    assert "{" in store.drafts.default_template("request")
    store.drafts.set_template("request", "Hello {contact.first_name}, coffee?")
    assert store.drafts.template("request") == "Hello {contact.first_name}, coffee?"
    assert store.drafts.interview_request(iv.id).text.startswith("Hello Cara, coffee?")
    assert store.drafts.request(iv.id, template="Hi {contact.name}") == "Hi Cara Target"
    with pytest.raises(infoview.InvalidInput) as e:
        store.drafts.set_template("request", "{nope}")
    assert "nope" in e.value.message
    store.drafts.clear_template("request")
    assert store.drafts.template("request") is None


def test_a_saved_request(store, chain):
    iv = store.interviews.add(chain[2].id)
    assert store.drafts.saved_request(iv.id) is None
    store.drafts.save_request(iv.id, "Dear Cara, ...")
    assert store.drafts.saved_request(iv.id) == "Dear Cara, ..."


def test_the_request_checker():
    r = infoview.Drafts.check("Are there any openings at your company? I need a job.")
    assert "asks_for_job" in r.warnings and r.words > 5
    good = infoview.Drafts.check(
        "I am a pharmacist exploring clinical research. I read your post on trial design. "
        "Would you be willing to talk for 20 minutes?")
    assert "ask" in good.parts and "asks_for_job" not in good.warnings
    assert infoview.Drafts.word_count("don't stop well-known") == 3


def test_rules_read_and_set(store, chain, clock):
    rules = store.rules
    assert rules.thank_earliest == timedelta(hours=3) and rules.thank_due == timedelta(hours=24)
    assert (rules.nudge_other_days, rules.nudge_followup_days, rules.report_back_days) == (3, 7, 30)
    new = store.set_rules(nudge_other_days=0, thank_due=timedelta(hours=12))
    assert new.nudge_other_days == 0 and new.thank_due == timedelta(hours=12)
    assert store.rules == new
    with pytest.raises(infoview.InvalidInput):
        store.set_rules(report_back_days=1000)
    with pytest.raises(TypeError):
        store.set_rules(no_such_rule=1)
    iv = store.interviews.add(chain[2].id)
    store.interviews.move(iv.id, "requested")
    assert [f.rule.split(":")[0] for f in store.followups.list()] == ["nudge_followup"]
    store.apply_rules()


def test_export_and_restore_a_backup(store, chain, tmp_path):
    data = store.export("json")
    backup = json.loads(data)
    assert isinstance(backup, dict)
    with infoview.open(":memory:") as other:
        report = other.import_data(data, "json")
        assert report.added >= 5
        assert sorted(c.name for c in other.contacts) == ["Ana Direct", "Ben Bridge", "Cara Target"]
        assert other.export("json") == data
        with pytest.raises(infoview.Constraint):
            other.import_data(data, "json")
    store.export_file(tmp_path / "b.json", "json")
    with infoview.open(":memory:") as third:
        assert third.import_file(tmp_path / "b.json", "json").added == report.added


def test_vcards_out_and_in(store, chain, tmp_path):
    cards = store.export("vcard", contacts={"company": "Pfizer"})
    assert cards.count(b"BEGIN:VCARD") == 1 and b"Cara Target" in cards
    assert b"VERSION:3.0" in store.export("vcard", vcard3=True)
    with infoview.open(":memory:") as other:
        r = other.import_data(cards, "vcard", tag="imported")
        assert (r.added, r.merged) == (1, 0)
        assert [c.tags for c in other.contacts] == [["imported"]]


def test_csv_import_with_extra_columns_and_dry_run(store):
    csv = "Full Name,Employer,Mail\nDana Lee,Roche,dana@example.com\n,,\n"
    dry = store.import_data(csv, "csv", columns={"Full Name": "name", "Employer": "company",
                                                 "Mail": "email"}, dry_run=True)
    assert dry.added == 1 and list(store.contacts) == []
    r = store.import_data(csv, "csv", columns={"Full Name": "name", "Employer": "company",
                                               "Mail": "email"}, known="cold")
    assert r.added == 1
    c = next(store.contacts.list(company="Roche"))
    assert (c.name, c.emails, c.known) == ("Dana Lee", ["dana@example.com"], "cold")
    with pytest.raises(infoview.NotFound):
        store.import_file("/nonexistent/file.csv", "csv")
    with pytest.raises(infoview.InvalidInput):
        store.export("linkedin")


def test_calendar_and_picture_exports(store, chain):
    assert store.export("icalendar").startswith(b"BEGIN:VCALENDAR")
    dot = store.export("dot", company="Pfizer")
    assert dot.startswith(b"digraph") and b"Cara Target" in dot


def test_enums_are_read_from_the_library():
    e = infoview.enums()
    assert e["interview_status"]["no_response"] > 0
    assert set(e["followup_kind"]) >= {"thank_you", "thank_introducer", "nudge"}


def test_a_draft_shows_as_a_message(store, chain):
    iv = store.interviews.add(chain[2].id)
    d = store.drafts.interview_request(iv.id)
    assert str(d).startswith("Subject: %s\n\n" % d.subject) and d.text in str(d)
    assert "request" in repr(d)
