#!/usr/bin/env python3
"""End-to-end tests of the day's agenda and honest interactions (issue 8,
findings 3 and 4): the agenda covers the whole local day, each row carries
the command that acts on it (and that command works), a request whose last
nudge has passed offers no-response, and closing "reach out to another
contact" is no interaction with the person who never replied.

Usage: test_day.py PATH-TO-INFOVIEW [unittest options]

Reuses the helpers of test_cli.py (a store per test, --db and --now passed,
TZ=UTC unless a test says otherwise).
"""

import os
import re
import shlex
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

# Wednesday 10:20: three business days before Monday 2 March 10:20.
REQUESTED = "2026-02-25T10:20"
MORNING = "2026-03-02T08:30"


def sections(out):
    """The agenda's text as {heading: [row lines]} (the table's head line left out)."""
    found, title, rows = {}, None, None
    for line in out.splitlines():
        if not line.strip():
            title = None
        elif not line.startswith(" "):
            title, rows = line, []
            found[title] = rows
        elif title is not None:
            rows.append(line)
    return {t: r[1:] for t, r in found.items()}


class DayTest(CliTestCase):
    def request_dana(self):
        """Dana, asked on Wednesday at 10:20: "reach out to another contact" is due Monday 10:20."""
        self.dana = self.add_contact("Dana Smith", "--introduced", now=REQUESTED)
        self.interview = self.js("interview", "add", "Dana Smith", "--purpose", "regulatory work",
                                 now=REQUESTED)["interview"]["id"]
        doc = self.js("interview", "request", self.interview, now=REQUESTED)
        self.nudges = {f["rule"].split(":")[0]: f["id"] for f in doc["followups"]}
        self.assertEqual(set(self.nudges), {"nudge_other", "nudge_followup"})

    def run_shown(self, command, now=MORNING):
        """Runs a command as the agenda shows it, on the test's store at `now`."""
        words = shlex.split(command)
        self.assertEqual(words[0], "infoview")
        return self.ok(*words[1:], now=now)

    def row_command(self, row, verb):
        m = re.search(r"(infoview " + verb + r" \S+.*?)\s*$", row)
        self.assertIsNotNone(m, row)
        return m.group(1)

    def test_at_0830_the_1020_nudge_is_under_later_today_with_its_command(self):
        self.request_dana()
        parts = sections(self.ok("agenda", now=MORNING).out)
        self.assertIn("Later today", parts)
        self.assertNotIn("To do", parts)
        rows = [r for r in parts["Later today"] if "Dana Smith" in r]
        self.assertEqual(len(rows), 1, parts)
        self.assertIn("today 10:20", rows[0])
        self.assertIn("No reply from Dana Smith yet", rows[0])
        command = self.row_command(rows[0], "followup done")
        # The command shown works, and does what it says.
        self.run_shown(command)
        shown = self.js("followup", "show", self.nudges["nudge_other"])
        self.assertEqual(shown["status"], "done")
        self.assertNotIn("Later today", sections(self.ok("agenda", now=MORNING).out))

    def test_json_marks_it_later_and_gives_the_command(self):
        self.request_dana()
        items = self.js("agenda", now=MORNING)["items"]
        later = [i for i in items if i["followup"] and i["followup"]["id"] == self.nudges["nudge_other"]]
        self.assertEqual(len(later), 1)
        self.assertEqual(later[0]["kind"], "later")
        self.assertIs(later[0]["later"], True)
        self.assertIs(later[0]["overdue"], False)
        self.assertEqual(later[0]["time"], "2026-03-02T10:20:00Z")
        self.assertRegex(later[0]["command"], r"^infoview followup done \S+$")
        waiting = [i for i in items if i["kind"] == "waiting"]
        self.assertEqual(len(waiting), 1)
        self.assertIs(waiting[0]["later"], False)
        self.assertRegex(waiting[0]["command"], r"^infoview interview schedule \S+ --at WHEN$")
        # Once its time has come it is to do, with the same command.
        items = self.js("agenda", now="2026-03-02T10:20")["items"]
        todo = [i for i in items if i["followup"] and i["followup"]["id"] == self.nudges["nudge_other"]]
        self.assertEqual([(i["kind"], i["later"]) for i in todo], [("followup", False)])
        self.assertEqual(todo[0]["command"], later[0]["command"])
        self.run_shown(todo[0]["command"], now="2026-03-02T10:20")
        self.assertEqual(self.js("followup", "show", self.nudges["nudge_other"])["status"], "done")

    def test_later_today_ends_at_local_midnight(self):
        self.env["TZ"] = "America/New_York"
        self.add_contact("Dana Smith")
        # 04:00 in New York; 23:30 there is 04:30 UTC the next day.
        now = "2026-03-02T04:00"
        tonight = self.js("followup", "add", "Dana Smith", "--earliest", "23:30", "--due", "+2d",
                          "--note", "tonight", now=now)["id"]
        tomorrow = self.js("followup", "add", "Dana Smith", "--earliest", "tomorrow 00:10", "--due", "+2d",
                           "--note", "tomorrow", now=now)["id"]
        self.assertEqual(self.js("followup", "show", tonight)["earliest"], "2026-03-03T04:30:00Z")
        items = {i["followup"]["id"]: i["kind"] for i in self.js("agenda", now=now)["items"] if i["followup"]}
        self.assertEqual(items.get(tonight), "later")
        self.assertNotIn(tomorrow, items)
        self.assertIn("tonight", "\n".join(sections(self.ok("agenda", now=now).out)["Later today"]))

    def test_a_request_whose_last_nudge_passed_offers_no_response(self):
        self.request_dana()
        # "Follow up once" skipped: nothing more to wait for.
        self.ok("followup", "skip", self.nudges["nudge_followup"], now="2026-03-06T10:00")
        out = self.ok("agenda", now="2026-03-06T11:00").out
        parts = sections(out)
        self.assertNotIn("Waiting for a reply", parts)
        rows = parts["No reply after the last nudge"]
        self.assertEqual(len(rows), 1)
        self.assertIn("Dana Smith", rows[0])
        command = self.row_command(rows[0], "interview no-response")
        self.run_shown(command, now="2026-03-06T11:00")
        self.assertEqual(self.js("interview", "show", self.interview)["interview"]["status"], "no_response")
        items = self.js("agenda", now="2026-03-06T11:00")["items"]
        self.assertEqual([i for i in items if i["interview"] and i["interview"]["id"] == self.interview], [])

    def test_a_followed_up_request_waits_three_business_days_more(self):
        self.request_dana()
        self.ok("followup", "done", self.nudges["nudge_followup"], now="2026-03-06T10:20")
        kinds = [i["kind"] for i in self.js("agenda", now="2026-03-11T10:19")["items"]]
        self.assertEqual(kinds.count("waiting"), 1)
        items = self.js("agenda", now="2026-03-11T10:20")["items"]
        mine = [i for i in items if i["interview"] and i["interview"]["id"] == self.interview
                and not i["followup"]]
        self.assertEqual([i["kind"] for i in mine], ["no_reply"])
        self.assertRegex(mine[0]["command"], r"^infoview interview no-response \S+$")
        self.assertEqual(mine[0]["waiting_seconds"], 14 * 86400)

    def test_interview_rows_carry_show_then_complete(self):
        self.request_dana()
        self.ok("interview", "schedule", self.interview, "--at", "2026-03-02T15:00", now=MORNING)
        rows = sections(self.ok("agenda", now=MORNING).out)["Interviews"]
        self.assertEqual(len(rows), 1)
        self.run_shown(self.row_command(rows[0], "interview show"))
        rows = sections(self.ok("agenda", now="2026-03-02T15:40").out)["Interviews"]
        command = self.row_command(rows[0], "interview complete")
        self.run_shown(command, now="2026-03-02T15:40")
        self.assertEqual(self.js("interview", "show", self.interview)["interview"]["status"], "completed")

    def test_the_waiting_command_schedules_once_a_time_is_given(self):
        self.request_dana()
        rows = sections(self.ok("agenda", now=MORNING).out)["Waiting for a reply"]
        command = self.row_command(rows[0], "interview schedule")
        self.assertTrue(command.endswith(" --at WHEN"), command)
        self.run_shown(command.replace("WHEN", "'tomorrow 15:00'"))
        self.assertEqual(self.js("interview", "show", self.interview)["interview"]["status"], "scheduled")

    def test_closing_reach_out_leaves_the_non_repliers_last_contact_and_check_in(self):
        self.add_contact("Dana Smith", "--introduced", "--cadence", "30", now="2026-02-01T09:00")
        self.ok("contact", "touch", "Dana Smith", now="2026-02-10T09:00")
        before = self.js("contact", "show", "Dana Smith")
        check_in = [f for f in before["followups"] if f["kind"] == "check_in"]
        self.assertEqual(len(check_in), 1)
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "x", now=REQUESTED)["interview"]["id"]
        doc = self.js("interview", "request", iv, now=REQUESTED)
        other = [f["id"] for f in doc["followups"] if f["rule"].startswith("nudge_other:")][0]
        self.ok("followup", "done", other, now="2026-03-02T10:30")
        after = self.js("contact", "show", "Dana Smith")
        self.assertEqual(after["contact"]["last_interaction"], "2026-02-10T09:00:00Z")
        self.assertEqual([f for f in after["followups"] if f["kind"] == "check_in"], check_in)

    def test_closing_a_thank_you_moves_the_last_contact_and_check_in(self):
        self.add_contact("Dana Smith", "--introduced", "--cadence", "30", now="2026-02-01T09:00")
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "x", now=REQUESTED)["interview"]["id"]
        self.ok("interview", "schedule", iv, "--at", "2026-03-02T15:00", now=REQUESTED)
        doc = self.js("interview", "complete", iv, now="2026-03-02T15:30")
        thanks = [f["id"] for f in doc["followups"] if f["kind"] == "thank_you"][0]
        self.ok("followup", "done", thanks, now="2026-03-02T19:00")
        after = self.js("contact", "show", "Dana Smith")
        self.assertEqual(after["contact"]["last_interaction"], "2026-03-02T19:00:00Z")
        check_in = [f for f in after["followups"] if f["kind"] == "check_in"]
        self.assertEqual([f["due"] for f in check_in], ["2026-04-01T19:00:00Z"])


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_day.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", test_cli.BIN) or not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_day.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
