"""Target employers and the ranked plan (issue 14): store.targets as the
other tables, and store.target_plan() in the LAMP order with the advocacy
computed from the introductions."""

import pytest

import infoview


@pytest.fixture(params=["memory", "sqlite"])
def store(request, tmp_path, clock):
    """Each test on both built-in backends: a memory store and an SQLite file."""
    where = ":memory:" if request.param == "memory" else tmp_path / "targets.db"
    with infoview.open(where, clock=clock) as s:
        yield s


@pytest.fixture
def world(store):
    """Five targets; Ann at Acme (degree 1); Bea could introduce you to Cy at Globex Corp."""
    t = store.targets
    t.add("Umbrella", motivation=1, posting=True)
    t.add("Initech", motivation=3, posting=True)
    t.add("Hooli")
    t.add("Globex", motivation=3, aliases=["Globex Corp"])
    t.add("Acme", motivation=3, note="the Basel site")
    c = store.contacts
    ann = c.add("Ann Lee", company="ACME")
    bea = c.add("Bea Ruiz")
    cy = c.add("Cy Tan", company="globex corp", known="introduced")
    intro = store.intros.add(by=bea, to=cy)
    return dict(ann=ann, bea=bea, cy=cy, intro=intro)


def test_targets_are_a_table_like_the_others(store):
    t = store.targets.add("Pfizer", aliases=["Pfizer Inc."], motivation=3, posting=True, rank=2)
    assert t.number == 1 and t.id and t.created
    got = store.targets.get(t.id)
    assert (got.name, got.aliases, got.motivation, got.posting, got.rank) == \
        ("Pfizer", ["Pfizer Inc."], 3, True, 2)
    assert [x.id for x in store.targets.list(name="PFIZER INC.")] == [t.id]
    assert [x.name for x in store.targets.list(number=1)] == ["Pfizer"]
    got.posting = False
    got.aliases = ["Pfizer AG"]
    store.targets.update(got)
    again = store.targets.get(t.id)
    assert (again.posting, again.aliases) == (False, ["Pfizer AG"])
    store.targets.delete(t.id)
    with pytest.raises(infoview.NotFound):
        store.targets.get(t.id)
    assert list(store.targets) == []


def test_bad_targets_are_refused_naming_the_field(store):
    with pytest.raises(infoview.InvalidInput, match="motivation"):
        infoview.Target(name="Acme", motivation=4)
    with pytest.raises(infoview.InvalidInput, match="is the target's name"):
        infoview.Target(name="Acme", aliases=["ACME"])
    store.targets.add("Acme")
    with pytest.raises(infoview.Exists, match="already goes by"):
        store.targets.add("Moderna", aliases=["acme"])


def test_the_plan_is_in_lamp_order_with_computed_advocacy(store, world):
    plan = store.target_plan()
    assert [p.target.name for p in plan] == ["Acme", "Globex", "Initech", "Hooli", "Umbrella"]
    acme, globex, initech = plan[0], plan[1], plan[2]
    assert (acme.degree, acme.people, acme.step) == (1, 1, "request")
    assert acme.step_contact.id == world["ann"].id and acme.step_about is None
    assert [c.id for c in acme.path] == [world["ann"].id]
    assert (globex.degree, globex.people, globex.step) == (2, 1, "ask_intro")
    assert [c.name for c in globex.path] == ["Bea Ruiz", "Cy Tan"]
    assert (globex.step_contact.name, globex.step_about.name) == ("Bea Ruiz", "Cy Tan")
    assert str(globex) == "Globex: ask Bea Ruiz to introduce you to Cy Tan"
    assert (initech.degree, initech.people, initech.path, initech.step) == (0, 0, None, "find")


def test_an_introduction_made_changes_the_advocacy(store, world):
    intro = world["intro"]
    intro.status = "requested"
    store.intros.update(intro)
    assert store.target_plan()[1].step == "wait"
    intro.status = "made"
    store.intros.update(intro)
    globex = [p for p in store.target_plan() if p.target.name == "Globex"][0]
    assert (globex.degree, globex.step, globex.step_contact.name) == (1, "request", "Cy Tan")


def test_the_step_names_are_an_enumeration():
    assert infoview.enums()["target_step"] == {"find": 1, "request": 2, "ask_intro": 3, "wait": 4}
