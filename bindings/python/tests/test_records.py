"""Records: attributes named as the C getters, checked by the C setters."""

from datetime import datetime, timedelta, timezone

import pytest

import infoview
from infoview import Contact, Followup, Interview, Intro, Note

UTC = timezone.utc


def test_a_contact_holds_every_field():
    c = Contact(name="Ana", phone="+1 555", company="Acme", title="Director", location="Basel",
                url="https://example.com/ana", notes="met at a fair", known="cold",
                cadence_days=30, last_interaction=datetime(2026, 1, 5, 12, tzinfo=UTC),
                emails=["ana@example.com", "ana@acme.example"], tags=["pharma", "basel"])
    assert (c.name, c.phone, c.company, c.title, c.location) == (
        "Ana", "+1 555", "Acme", "Director", "Basel")
    assert c.url == "https://example.com/ana" and c.notes == "met at a fair"
    assert c.known == "cold" and c.cadence_days == 30
    assert c.last_interaction == datetime(2026, 1, 5, 12, tzinfo=UTC)
    assert c.last_interaction.tzinfo is not None
    assert c.emails == ["ana@example.com", "ana@acme.example"]
    assert c.tags == ["pharma", "basel"]
    assert c.id is None and c.number == 0 and c.created is None and c.updated is None


def test_a_new_contact_is_known_directly():
    assert Contact(name="X").known == "direct"


def test_enum_names_are_read_case_and_dash_insensitively():
    iv = Interview(status="No-Response")
    assert iv.status == "no_response"


def test_an_unknown_enum_name_is_invalid_input():
    with pytest.raises(infoview.InvalidInput) as e:
        Contact(known="acquainted")
    assert "acquainted" in e.value.message
    assert e.value.name == "IV_EINVALID"
    assert isinstance(e.value, ValueError)


def test_a_setter_refuses_what_the_library_refuses():
    c = Contact(name="Ana")
    with pytest.raises(infoview.InvalidInput):
        c.name = "x" * 10000
    assert c.name == "Ana"
    with pytest.raises(infoview.InvalidInput):
        c.id = "not-a-uuid"


def test_a_naive_datetime_is_invalid_input():
    with pytest.raises(infoview.InvalidInput):
        Contact(last_interaction=datetime(2026, 1, 1))


def test_times_in_other_zones_are_stored_as_utc():
    cet = timezone(timedelta(hours=1))
    c = Contact(last_interaction=datetime(2026, 1, 1, 10, tzinfo=cet))
    assert c.last_interaction == datetime(2026, 1, 1, 9, tzinfo=UTC)
    assert c.last_interaction.utcoffset() == timedelta(0)


def test_a_bad_email_leaves_the_list_as_it_was():
    c = Contact(emails=["a@example.com"])
    with pytest.raises(infoview.InvalidInput):
        c.emails = ["b@example.com", "not an address\n"]
    assert c.emails == ["a@example.com"]


def test_lists_are_copies_assigned_whole():
    c = Contact(tags=["a"])
    c.tags.append("b")
    assert c.tags == ["a"]
    c.tags = c.tags + ["b"]
    assert c.tags == ["a", "b"]
    with pytest.raises(TypeError):
        c.tags = "pharma"


def test_read_only_fields_cannot_be_given():
    with pytest.raises(TypeError):
        Contact(number=3)
    with pytest.raises(TypeError):
        Contact(nickname="x")
    with pytest.raises(AttributeError):
        Contact().created = datetime(2026, 1, 1, tzinfo=UTC)


def test_an_intro_holds_every_field():
    i = Intro(introducer="0190c2d6-7f00-7000-8000-000000000001",
              introduced="0190c2d6-7f00-7000-8000-000000000002", channel="in_person",
              status="requested", requested_at=datetime(2026, 2, 1, tzinfo=UTC),
              made_at=datetime(2026, 2, 3, tzinfo=UTC), note="at the conference")
    assert i.introducer.endswith("01") and i.introduced.endswith("02")
    assert (i.channel, i.status, i.note) == ("in_person", "requested", "at the conference")
    assert i.requested_at == datetime(2026, 2, 1, tzinfo=UTC)
    assert i.made_at == datetime(2026, 2, 3, tzinfo=UTC)


def test_an_interview_holds_questions_answers_advice_and_resources():
    iv = Interview(purpose="careers", notes="n", medium="video", minutes=45,
                   scheduled_at=datetime(2026, 3, 5, 15, tzinfo=UTC),
                   questions=["How did you start?", "What is a day like?"],
                   advice=["take the RAC exam"], resources=["TOPRA"])
    assert (iv.purpose, iv.notes, iv.medium, iv.minutes) == ("careers", "n", "video", 45)
    assert iv.scheduled_at == datetime(2026, 3, 5, 15, tzinfo=UTC)
    assert iv.questions == ["How did you start?", "What is a day like?"]
    assert iv.answers == [None, None]
    iv.set_answer(0, "By chance")
    iv.add_question("Whom should I meet?", at=0)
    iv.move_question(0, 2)
    iv.set_question(0, "How did you get started?")
    assert iv.questions == ["How did you get started?", "What is a day like?", "Whom should I meet?"]
    assert iv.answers == ["By chance", None, None]
    iv.remove_question(1)
    assert len(iv.questions) == 2
    assert iv.advice == ["take the RAC exam"] and iv.resources == ["TOPRA"]
    iv.advice = []
    assert iv.advice == []
    assert iv.status == "planned" and iv.status_at("requested") is None
    iv.set_status_at("requested", datetime(2026, 3, 1, tzinfo=UTC))
    assert iv.status_at("requested") == datetime(2026, 3, 1, tzinfo=UTC)


def test_seeded_questions_come_from_the_bank():
    iv = Interview()
    iv.seed_questions(4)
    bank = [text for _, text in infoview.question_bank()]
    assert len(iv.questions) == 4 and all(q in bank for q in iv.questions)
    assert {cat for cat, _ in infoview.question_bank()} >= {"journey", "trends", "advice"}


def test_a_followup_holds_every_field():
    f = Followup(contact="0190c2d6-7f00-7000-8000-000000000001", kind="check_in",
                 status="pending", earliest=datetime(2026, 3, 1, tzinfo=UTC),
                 due=datetime(2026, 3, 2, tzinfo=UTC), note="ask about TOPRA",
                 draft="Hi Ana", contact_name="Ana Direct")
    assert (f.kind, f.status, f.note, f.draft) == ("check_in", "pending", "ask about TOPRA", "Hi Ana")
    assert f.contact_name == "Ana Direct" and f.rule is None
    assert f.earliest < f.due and f.closed_at is None and f.interview is None


def test_a_note_holds_its_fields():
    n = Note(contact="0190c2d6-7f00-7000-8000-000000000001", text="talked",
             at=datetime(2026, 3, 1, tzinfo=UTC))
    assert (n.text, n.at) == ("talked", datetime(2026, 3, 1, tzinfo=UTC))


def test_records_copy_compare_and_show_themselves():
    c = Contact(name="Ana", tags=["x"])
    d = c.copy()
    assert c == d and c is not d
    d.name = "Ben"
    assert c != d and c.name == "Ana"
    assert "name='Ana'" in repr(c) and str(c) == "Ana"
    assert c.as_dict()["tags"] == ["x"]
