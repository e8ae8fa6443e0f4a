"""The issue's story, as printed in README.md, runs as written."""

import contextlib
import io
import os
import re

STORY = '''import infoview
from datetime import datetime, timedelta, timezone
now = [datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)]
with infoview.open("jobsearch.db", clock=lambda: now[0]) as s:
    ana = s.contacts.add("Ana Direct", company="Acme", known="direct", emails=["ana@example.com"])
    ben = s.contacts.add("Ben Bridge", company="Globex", known="introduced")
    cara = s.contacts.add("Cara Target", company="Pfizer", known="introduced")
    s.intros.add(by=ana.id, to=ben.id, status="made", channel="email")
    s.intros.add(by=ben.id, to=cara.id, status="made", channel="email")
    print([c.name for c in next(iter(s.network().company_paths("Pfizer")))])  # Ana, Ben, Cara
    iv = s.interviews.add(cara.id, purpose="clinical research careers")
    s.interviews.move(iv.id, "requested")     # two nudges appear
    now[0] += timedelta(days=3); s.interviews.move(iv.id, "scheduled")
    now[0] += timedelta(days=1); s.interviews.move(iv.id, "completed")
    now[0] += timedelta(hours=20)
    for item in s.agenda(): print(item)       # thank Cara, Ben and Ana
'''

README = os.environ.get("INFOVIEW_README",
                        os.path.join(os.path.dirname(__file__), "..", "..", "..", "README.md"))


def run_story(source, directory):
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(directory)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, "story.py", "exec"), {"__name__": "__main__"})
    finally:
        os.chdir(cwd)
    return out.getvalue().splitlines()


def test_the_story_prints_the_path_then_three_thanks(tmp_path):
    lines = run_story(STORY, tmp_path)
    assert lines[0] == "['Ana Direct', 'Ben Bridge', 'Cara Target']"
    thanks = lines[1:]
    assert len(thanks) == 3
    assert all(line.startswith("2026-03-07 09:00 UTC  thank ") for line in thanks)
    assert sorted(line.split("  ", 1)[1] for line in thanks) == [
        "thank introducer Ana Direct", "thank introducer Ben Bridge", "thank you Cara Target"]
    assert (tmp_path / "jobsearch.db").exists()


def test_the_story_reopens_to_the_same_store(tmp_path):
    run_story(STORY, tmp_path)
    import infoview
    with infoview.open(tmp_path / "jobsearch.db") as s:
        assert sorted(c.name for c in s.contacts.list()) == ["Ana Direct", "Ben Bridge", "Cara Target"]
        nudges = list(s.followups.list(status="cancelled"))
        assert len(nudges) == 2 and {f.kind for f in nudges} == {"nudge"}


def test_the_readme_prints_the_story_as_run_here():
    if not os.path.exists(README):
        import pytest
        pytest.skip("no README.md next to the bindings (an installed copy)")
    text = open(README, encoding="utf-8").read()
    blocks = re.findall(r"^```python\n(.*?)^```$", text, re.S | re.M)
    assert STORY in blocks
