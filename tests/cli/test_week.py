#!/usr/bin/env python3
"""End-to-end tests of referrals and the weekly review (issue 14):
`interview complete --referral`, `interview refer`, `week [--week] [--json]`.

Usage: test_week.py PATH-TO-INFOVIEW [unittest options]

Reuses the helpers of test_cli.py (a store per test, --db and --now
passed, TZ=UTC).
"""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402


class WeekTest(CliTestCase):
    def held(self):
        """Priya Shah (Roche, known directly): asked Monday 09:00, held Tuesday 10:00."""
        self.priya = self.add_contact("Priya Shah", "--company", "Roche")
        iv = self.js("interview", "add", self.priya, "--purpose", "regulatory affairs")["interview"]["id"]
        self.ok("interview", "request", iv)
        self.ok("interview", "schedule", iv, "--at", "2026-03-03T10:00", now="2026-03-02T12:00")
        return iv

    def asks(self):
        return [f for f in self.js("followup", "list", now="2026-03-03T12:00") if f["kind"] == "ask_intro"]

    def test_complete_records_each_referral(self):
        iv = self.held()
        out = self.ok("interview", "complete", iv, "--referral", "Ella Marsh, Novartis",
                      "--referral", "Tom Reed", now="2026-03-03T11:00").out
        self.assertIn("Referral: Ella Marsh (Novartis); ask Priya Shah to introduce you.", out)
        self.assertIn("Referral: Tom Reed; ask Priya Shah to introduce you.", out)
        intros = self.js("intro", "list")
        self.assertEqual(sorted(i["status"] for i in intros), ["suggested", "suggested"])
        self.assertEqual({i["introducer"] for i in intros}, {self.priya})
        self.assertEqual(len(self.asks()), 2)

    def test_a_bad_referral_completes_nothing(self):
        iv = self.held()
        r = self.iv("interview", "complete", iv, "--referral", "Priya Shah", now="2026-03-03T11:00")
        self.assertEqual(r.rc, 1, r.err)
        self.assertIn("interviewee", r.err)
        self.assertEqual(self.js("interview", "show", iv)["interview"]["status"], "scheduled")

    def test_refer_later_reuses_the_person_and_duplicates_nothing(self):
        iv = self.held()
        self.ok("interview", "complete", iv, now="2026-03-03T11:00")
        first = self.js("interview", "refer", iv, "Ella Marsh, Novartis", now="2026-03-03T12:00")
        again = self.js("interview", "refer", iv, "ella marsh,NOVARTIS", now="2026-03-03T12:00")
        self.assertEqual(first["id"], again["id"])
        self.assertEqual(len(self.js("contact", "list")), 2)
        self.assertEqual(len(self.asks()), 1)
        draft = self.ok("draft", self.asks()[0]["id"], now="2026-03-03T12:00").out
        self.assertIn("introduce me to Ella Marsh at Novartis", draft)

    def test_week_json_counts_the_week(self):
        iv = self.held()
        self.ok("interview", "complete", iv, "--referral", "Ella Marsh, Novartis", now="2026-03-03T11:00")
        doc = self.js("week", now="2026-03-05T12:00")
        self.assertEqual(doc["week"], "2026-W10")
        self.assertEqual(doc["start"], "2026-03-02T00:00:00Z")
        self.assertEqual(doc["end"], "2026-03-09T00:00:00Z")
        self.assertEqual((doc["requests_sent"], doc["replies"], doc["talks_held"], doc["referrals"]),
                         (1, 1, 1, 1))
        self.assertEqual(doc["reply_median_seconds"], 3 * 3600)
        self.assertEqual((doc["thanks_sent"], doc["thanks_late"]), (0, 0))
        other = self.js("week", "--week", "2026-W11", now="2026-03-05T12:00")
        self.assertEqual(other["start"], "2026-03-09T00:00:00Z")
        self.assertEqual((other["requests_sent"], other["reply_median_seconds"]), (0, None))
        text = self.ok("week", now="2026-03-05T12:00").out
        self.assertRegex(text, r"Replies +1 \(median 3 hours\)")

    def test_week_refuses_a_week_the_year_lacks(self):
        self.assertUsage(self.iv("week", "--week", "2025-W53"), "--week: week: 53 is not a week of 2025 (1 to 52)",
                         "infoview week")
        self.assertUsage(self.iv("week", "--week", "soon"), "--week: \"soon\" is not an ISO week such as 2026-W10",
                         "infoview week")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_week.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", test_cli.BIN) or not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_week.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
