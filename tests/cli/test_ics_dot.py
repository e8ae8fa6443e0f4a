#!/usr/bin/env python3
"""End-to-end tests of 'infoview export ics' and 'infoview export dot'
(issue 9), read by independent tools: python3-icalendar parses the
calendar (every event and to-do at the right instant, whatever TZ the
program ran under) and graphviz's dot draws the picture.

Usage: test_ics_dot.py PATH-TO-INFOVIEW [unittest options]

Reuses the helpers of test_cli.py (a store per test, --db and --now
passed, TZ=UTC unless a test says otherwise).
"""

import os
import re
import subprocess
import sys
import unittest
from datetime import datetime, timedelta, timezone

import icalendar

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

UTC = timezone.utc
BEFORE = "2026-02-23T09:00"  # a week before the tests' NOW (Monday 2 March, 09:00 UTC)


def instant(text):
    """An aware datetime from the ISO 8601 UTC text of --json ("...Z"), or None."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC) if text else None


class Story(CliTestCase):
    """You (Sam) know Alex at Northwind; Alex introduced you to Blake
    (Medisol), Blake to Dana (Pfizer). The interview with Dana is
    scheduled; the one with Blake took place, so thank-yous are owed to
    Blake and to Alex. Lee is a cold contact nobody reaches."""

    def setUp(self):
        super().setUp()
        t = BEFORE
        self.ok("profile", "set", "--name", "Sam Rivera", now=t)
        self.alex = self.add_contact("Alex Kim", "--direct", "--company", "Northwind",
                                     "--title", "Data Engineer", "--email", "alex@example.com", now=t)
        self.blake = self.add_contact("Blake Chen", "--introduced", "--company", "Medisol",
                                      "--email", "blake@example.com", now=t)
        self.dana = self.add_contact("Dana Reyes", "--introduced", "--company", "Pfizer",
                                     "--title", "Director, Regulatory Affairs",
                                     "--email", "dana@example.com", now=t)
        self.lee = self.add_contact("Lee Cold", "--cold", now=t)
        self.js("intro", "add", "--by", self.alex, "--to", self.blake, "--status", "made", now=t)
        self.js("intro", "add", "--by", self.blake, "--to", self.dana, "--status", "made", now=t)
        # Dana: scheduled for Thursday 5 March 15:00 UTC, 45 minutes, on video.
        doc = self.js("interview", "add", self.dana, "--purpose",
                      "what regulatory affairs is like; how to move in, from pharmacy", now=t)
        self.dana_iv = doc["interview"]["id"]
        self.js("interview", "schedule", self.dana_iv, "--at", "2026-03-05T15:00Z",
                "--minutes", "45", "--medium", "video", now=t)
        # Blake: talked on Friday 27 February; the thank-yous follow.
        self.blake_iv = self.js("interview", "add", self.blake, "--purpose", "consulting",
                                now=t)["interview"]["id"]
        self.js("interview", "schedule", self.blake_iv, "--at", "2026-02-27T14:00Z", now=t)
        self.js("interview", "complete", self.blake_iv, now="2026-02-27T15:00")
        # And one of your own for Lee.
        self.js("followup", "add", self.lee, "--due", "2026-03-10T12:00Z",
                "--earliest", "2026-03-09T08:00Z", "--note", "Ask Lee, about the RAPS course; soon")

    def export(self, fmt, *args, tz="UTC"):
        env = dict(self.env, TZ=tz)
        r = self.raw("--db", self.db, "--now", test_cli.NOW, "export", fmt, *args, env=env)
        self.assertEqual(r.rc, 0, r.err)
        return r.out

    def pending_followups(self):
        return [f for f in self.js("followup", "list") if f["status"] == "pending"]


class CalendarTest(Story):
    def calendar(self, tz="UTC"):
        text = self.export("ics", tz=tz)
        self.assertTrue(text.startswith("BEGIN:VCALENDAR\n"))
        return text, icalendar.Calendar.from_ical(text)

    def test_every_scheduled_interview_is_an_event_at_the_right_instant(self):
        _, cal = self.calendar()
        events = list(cal.walk("VEVENT"))
        self.assertEqual(len(events), 1)
        ev = events[0]
        self.assertEqual(str(ev["UID"]), f"{self.dana_iv}@infoview")
        start = ev.decoded("DTSTART")
        self.assertIsNotNone(start.tzinfo)
        self.assertEqual(start.utcoffset(), timedelta(0))
        self.assertEqual(start, datetime(2026, 3, 5, 15, 0, tzinfo=UTC))
        self.assertEqual(ev.decoded("DURATION"), timedelta(minutes=45))
        self.assertEqual(str(ev["SUMMARY"]), "Informational interview with Dana Reyes (Pfizer)")
        description = str(ev["DESCRIPTION"])
        self.assertTrue(description.startswith(
            "Purpose: what regulatory affairs is like; how to move in, from pharmacy\n\nQuestions:\n1. "),
            description)
        self.assertEqual(len(re.findall(r"^\d+\. ", description, re.M)), 4)
        self.assertEqual(str(ev["LOCATION"]), "Video call")
        self.assertEqual(str(ev["ATTENDEE"]), "mailto:dana@example.com")
        self.assertEqual(ev["ATTENDEE"].params["CN"], "Dana Reyes")

    def test_every_pending_followup_is_a_todo_with_its_times(self):
        _, cal = self.calendar()
        todos = {str(t["UID"]): t for t in cal.walk("VTODO")}
        pending = self.pending_followups()
        self.assertEqual(sorted(todos), sorted(f"{f['id']}@infoview" for f in pending))
        kinds = {f["kind"] for f in pending}
        self.assertTrue({"thank_you", "thank_introducer", "custom"} <= kinds, kinds)
        for f in pending:
            todo = todos[f"{f['id']}@infoview"]
            self.assertEqual(todo.decoded("DUE"), instant(f["due"]))
            self.assertEqual(todo.decoded("DUE").utcoffset(), timedelta(0))
            earliest = instant(f["earliest"])
            if earliest and earliest < instant(f["due"]):
                self.assertEqual(todo.decoded("DTSTART"), earliest)
            else:
                self.assertNotIn("DTSTART", todo)
            self.assertEqual(str(todo["STATUS"]), "NEEDS-ACTION")
            if f["interview"]:
                self.assertEqual(str(todo["RELATED-TO"]), f"{f['interview']}@infoview")
        summaries = sorted(str(t["SUMMARY"]) for t in todos.values())
        self.assertIn("Thank Blake Chen", summaries)
        self.assertIn("Thank Alex Kim for the introduction", summaries)
        self.assertIn("Follow up with Lee Cold", summaries)
        lee = [t for t in todos.values() if str(t["SUMMARY"]) == "Follow up with Lee Cold"][0]
        self.assertEqual(str(lee["DESCRIPTION"]), "Ask Lee, about the RAPS course; soon")
        self.assertEqual(lee.decoded("DTSTART"), datetime(2026, 3, 9, 8, 0, tzinfo=UTC))
        self.assertEqual(lee.decoded("DUE"), datetime(2026, 3, 10, 12, 0, tzinfo=UTC))

    def test_done_followups_and_other_interviews_are_left_out(self):
        for f in self.pending_followups():
            if f["kind"] == "thank_you":
                self.ok("followup", "done", f["id"])
        text, cal = self.calendar()
        self.assertNotIn("SUMMARY:Thank Blake Chen\n", text)
        self.assertNotIn(f"UID:{self.blake_iv}@infoview", text)
        self.assertEqual(len(list(cal.walk("VEVENT"))), 1)

    def test_the_same_instants_under_any_time_zone(self):
        utc_text, utc_cal = self.calendar()
        for tz in ("America/New_York", "Asia/Kolkata"):
            with self.subTest(tz=tz):
                text, cal = self.calendar(tz)
                self.assertEqual(text, utc_text)
                for a, b in zip(utc_cal.walk(), cal.walk()):
                    for key in ("DTSTART", "DUE", "DTSTAMP"):
                        if key in a:
                            self.assertEqual(a.decoded(key), b.decoded(key))

    def test_times_given_in_local_time_are_exported_in_utc(self):
        env = dict(self.env, TZ="Asia/Kolkata")
        r = self.raw("--db", self.db, "--now", test_cli.NOW, "interview", "reschedule", self.dana_iv,
                     "--at", "2026-03-06T10:30", env=env)
        self.assertEqual(r.rc, 0, r.err)
        _, cal = self.calendar("America/New_York")
        ev = list(cal.walk("VEVENT"))[0]
        # 10:30 in Kolkata (UTC+5:30) is 05:00 UTC.
        self.assertEqual(ev.decoded("DTSTART"), datetime(2026, 3, 6, 5, 0, tzinfo=UTC))
        self.assertIn("DTSTART:20260306T050000Z", self.export("ics"))

    def test_reexport_keeps_uids_and_updates_times(self):
        text1, cal1 = self.calendar()
        self.assertEqual(self.export("ics"), text1)
        self.ok("interview", "reschedule", self.dana_iv, "--at", "2026-03-06T16:00Z",
                now="2026-03-02T10:00")
        text2, cal2 = self.calendar()
        uids1 = sorted(str(c["UID"]) for c in cal1.walk() if "UID" in c)
        uids2 = sorted(str(c["UID"]) for c in cal2.walk() if "UID" in c)
        self.assertEqual(uids1, uids2)
        ev1, ev2 = list(cal1.walk("VEVENT"))[0], list(cal2.walk("VEVENT"))[0]
        self.assertEqual(ev2.decoded("DTSTART"), datetime(2026, 3, 6, 16, 0, tzinfo=UTC))
        self.assertGreater(ev2.decoded("DTSTAMP"), ev1.decoded("DTSTAMP"))
        self.assertGreater(int(ev2["SEQUENCE"]), int(ev1["SEQUENCE"]))

    def test_lines_are_crlf_and_at_most_75_octets(self):
        long_purpose = "Ünïcödé ✓ " * 30
        self.ok("interview", "edit", self.dana_iv, "--purpose", long_purpose)
        path = os.path.join(self.tmp, "out.ics")
        r = self.iv("export", "ics", "-o", path)
        self.assertEqual(r.rc, 0, r.err)
        with open(path, "rb") as f:
            data = f.read()
        self.assertTrue(data.endswith(b"END:VCALENDAR\r\n"))
        lines = data.split(b"\r\n")
        self.assertNotIn(b"\n", b"".join(lines))
        self.assertLessEqual(max(len(line) for line in lines), 75)
        for line in lines:
            line.decode("utf-8")  # no line cuts a character
        ev = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))[0]
        self.assertIn(long_purpose.strip(), str(ev["DESCRIPTION"]))


class PictureTest(Story):
    def svg(self, *args):
        text = self.export("dot", *args)
        self.assertTrue(text.startswith("digraph network {"))
        proc = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr, "")
        self.assertIn("<svg", proc.stdout)
        return text, proc.stdout

    def test_dot_draws_everyone_with_companies_and_introductions(self):
        text, svg = self.svg()
        for name in ("Sam Rivera", "Alex Kim", "Blake Chen", "Dana Reyes", "Lee Cold",
                     "Data Engineer", "Director, Regulatory Affairs",
                     "Northwind", "Medisol", "Pfizer", "email, made"):
            self.assertIn(f">{name}<", svg)
        self.assertEqual(text.count("subgraph cluster_"), 3)
        self.assertEqual(self.export("dot"), text)

    def test_company_keeps_only_the_path_to_it(self):
        text, svg = self.svg("--company", "pfizer")
        for name in ("Sam Rivera", "Alex Kim", "Blake Chen", "Dana Reyes"):
            self.assertIn(f">{name}<", svg)
        self.assertNotIn("Lee Cold", svg)
        self.assertEqual(text.count(" -> "), 3)

    def test_company_nobody_reaches_is_a_picture_saying_so(self):
        _, svg = self.svg("--company", "Acme")
        self.assertIn(">No one at Acme is reachable<", svg)
        self.assertIn(">Sam Rivera<", svg)

    def test_quotes_and_backslashes_in_names_are_drawn_as_typed(self):
        self.add_contact('Pat "Q" O\\Brien', "--company", 'Back\\slash "Co"', "--title", "VP \\N")
        _, svg = self.svg()
        self.assertIn(">Pat &quot;Q&quot; O\\Brien<", svg)
        self.assertIn(">VP \\N<", svg)
        self.assertIn(">Back\\slash &quot;Co&quot;<", svg)

    def test_non_ascii_names_are_drawn(self):
        self.add_contact("Zoë Ångström", "--company", "Société Générale", "--title", "日本 担当")
        _, svg = self.svg()
        for text in ("Zoë Ångström", "Société Générale", "日本 担当"):
            self.assertIn(f">{text}<", svg)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_ics_dot.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", test_cli.BIN) or not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_ics_dot.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
