#!/usr/bin/env python3
"""End-to-end tests of short references, notes, the timeline and table
widths (issue 8, findings 5 and 6): every record is shown and typed back as
its number ("#12", typed 12), notes are dated entries never replaced by an
edit, `contact show` merges a contact's records into a timeline, and tables
fit the terminal but are never cut when piped.

Usage: test_refs.py PATH-TO-INFOVIEW [unittest options]
"""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402


def table_rows(out):
    """The rows of the first table in `out` (its head line left out), split on runs of 2+ spaces."""
    lines = [l for l in out.splitlines() if l.strip()]
    return [re.split(r"\s{2,}", l.strip()) for l in lines[1:]]


class ReferenceTest(CliTestCase):
    def test_600_followups_are_listed_with_short_references_each_accepted(self):
        dana = self.add_contact("Dana Smith")
        for i in range(600):
            self.ok("followup", "add", dana, "--due", "+%dh" % (i + 1), "--note", "call %d" % i)
        rows = table_rows(self.ok("followup", "list").out)
        self.assertEqual(len(rows), 600)
        refs = [r[0] for r in rows]
        self.assertEqual(len(set(refs)), 600)
        for ref in refs:
            self.assertLessEqual(len(ref), 6, ref)
            self.assertRegex(ref, r"^#[1-9][0-9]*$")
        # every reference, typed back without its "#" (a shell comment), closes its follow-up
        for ref in refs:
            self.ok("followup", "done", ref[1:])
        self.assertEqual(self.js("followup", "list", "--status", "pending"), [])
        done = self.js("followup", "list", "--status", "done")
        self.assertEqual(len(done), 600)

    def test_a_number_with_its_hash_works_too_and_a_missing_one_is_named(self):
        self.add_contact("Ada Byron")
        self.add_contact("Bea Chen")
        self.assertEqual(self.js("contact", "show", "#2")["contact"]["name"], "Bea Chen")
        self.assertEqual(self.js("contact", "show", "2")["contact"]["number"], 2)
        self.assertFailure(self.iv("contact", "show", "#7"), "no contact has the number #7")

    def test_references_are_stable_between_commands(self):
        a = self.add_contact("Ada Byron")
        b = self.add_contact("Bea Chen")
        before = self.js("contact", "show", b)["contact"]["number"]
        self.ok("contact", "rm", a)
        self.add_contact("Cy Dunn")
        self.assertEqual(self.js("contact", "show", b)["contact"]["number"], before)
        # a removed record's number is not given again
        self.assertEqual(self.js("contact", "show", "Cy Dunn")["contact"]["number"], 3)

    def test_the_full_id_and_an_id_prefix_still_work(self):
        b = self.add_contact("Bea Chen")
        self.assertEqual(self.js("contact", "show", b)["contact"]["id"], b)
        self.assertEqual(self.js("contact", "show", b.upper()[:13])["contact"]["id"], b)

    def test_tables_show_numbers_in_a_column_of_one_width(self):
        for name in ["Ada", "Bea", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kim"]:
            self.add_contact(name)
        lines = self.ok("contact", "list").out.splitlines()
        starts = {line.index(line.split()[1]) for line in lines[1:]}
        self.assertEqual(len(starts), 1, lines)
        self.assertEqual(lines[-1].split()[0], "#11")


class NoteTest(CliTestCase):
    def test_edit_keeps_the_note_log(self):
        dana = self.add_contact("Dana Smith", "--note", "Met at the DIA meeting")
        self.ok("contact", "touch", dana, "--note", "Coffee: she suggested Tom", "--at", "-1d")
        self.ok("contact", "edit", dana, "--note", "Sent the paper", "--title", "Director")
        self.ok("contact", "edit", dana, "--about", "Leads the CRA team")
        notes = self.js("note", "list", dana)
        self.assertEqual([n["text"] for n in notes],
                         ["Coffee: she suggested Tom", "Met at the DIA meeting", "Sent the paper"])
        self.assertEqual(self.js("contact", "show", dana)["contact"]["notes"], "Leads the CRA team")

    def test_note_add_list_rm(self):
        dana = self.add_contact("Dana Smith")
        out = self.ok("note", "add", "Dana Smith", "Asked", "about", "CRA", "roles", "--at", "-2d").out
        self.assertIn("Added note #1 about Dana Smith.", out)
        rows = table_rows(self.ok("note", "list").out)
        self.assertEqual(rows[0][0], "#1")
        self.assertEqual(rows[0][2], "Dana Smith")
        self.assertEqual(rows[0][3], "Asked about CRA roles")
        self.ok("note", "rm", "1")
        self.assertEqual(self.js("note", "list", dana), [])
        self.assertFailure(self.iv("note", "rm", "1"), "no note matches '1'")

    def test_an_empty_note_is_refused(self):
        r = self.iv("contact", "add", "Dana Smith", "--note", "")
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn("a note needs some text", r.err)


class TimelineTest(CliTestCase):
    def test_contact_show_merges_notes_introductions_interviews_and_followups(self):
        priya = self.add_contact("Priya Shah", now="2026-02-20T09:00")
        tom = self.add_contact("Tom Nguyen", "--introduced", now="2026-02-20T09:00")
        self.ok("intro", "add", "--by", priya, "--to", tom, "--status", "made", now="2026-02-21T09:00")
        self.ok("note", "add", tom, "Works on oncology trials", "--at", "2026-02-22T09:00")
        self.ok("followup", "add", tom, "--due", "2026-03-05T09:00", "--note", "send article")
        doc = self.js("contact", "show", tom)
        kinds = [e["kind"] for e in doc["timeline"]]
        self.assertEqual(kinds, ["intro", "note", "followup"])
        self.assertEqual(doc["timeline"][1]["what"], "Note: Works on oncology trials")
        out = self.ok("contact", "show", tom).out
        self.assertIn("Timeline", out)
        timeline = out.split("Timeline", 1)[1]
        self.assertIn("Introduction by Priya Shah (made)", timeline)
        self.assertLess(timeline.index("Introduction by"), timeline.index("Note: Works"))


class WidthTest(CliTestCase):
    LONG = "a title long enough to need cutting on any narrow terminal at all, really"

    def run_on_terminal(self, *args, columns):
        env = dict(self.env, COLUMNS=str(columns))
        out = super().run_on_terminal(env, ("--now", test_cli.NOW, *args))
        return out.replace("\r\n", "\n")

    def test_a_table_fits_the_terminal(self):
        self.add_contact("Dana Smith", "--company", "Pfizer", "--title", self.LONG,
                         "--tag", "oncology", "--tag", "regulatory")
        out = self.run_on_terminal("contact", "list", columns=60)
        for line in out.splitlines():
            self.assertLessEqual(len(line), 60, line)
        self.assertIn("#1", out)
        self.assertIn("\u2026", out)

    def test_piped_output_is_never_cut(self):
        self.add_contact("Dana Smith", "--company", "Pfizer", "--title", self.LONG)
        out = self.iv("contact", "list").out
        self.assertIn(self.LONG, out)
        self.assertNotIn("\u2026", out)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_refs.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", test_cli.BIN) or not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_refs.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
