#!/usr/bin/env python3
"""End-to-end tests of `infoview target` (issue 14, items 1 and 2): target
employers added, edited and removed; `target list` gives the plan in the
LAMP order with the advocacy computed from the introductions, the path and
the next step in words; `--json` gives the same.

Usage: test_targets.py PATH-TO-INFOVIEW [unittest options]
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


class TargetTest(CliTestCase):
    def world(self):
        """Five targets; Ann at Acme (degree 1); Bea could introduce you to Cy at Globex Corp."""
        self.ok("target", "add", "Umbrella", "--motivation", "1", "--posting")
        self.ok("target", "add", "Initech", "--motivation", "3", "--posting")
        self.ok("target", "add", "Hooli")
        self.ok("target", "add", "Globex", "--motivation", "3", "--alias", "Globex Corp")
        self.ok("target", "add", "Acme", "--motivation", "3", "--note", "the Basel site")
        self.ann = self.add_contact("Ann Lee", "--company", "ACME")
        self.bea = self.add_contact("Bea Ruiz", "--company", "Freelance")
        self.cy = self.add_contact("Cy Tan", "--company", "globex corp", "--known", "introduced")
        self.intro = self.js("intro", "add", "--by", self.bea, "--to", self.cy)["id"]

    def test_the_plan_is_listed_in_lamp_order_with_the_next_step_in_words(self):
        self.world()
        rows = table_rows(self.ok("target", "list").out)
        self.assertEqual([r[1] for r in rows], ["Acme", "Globex", "Initech", "Hooli", "Umbrella"])
        self.assertEqual(rows[0], ["#5", "Acme", "3", "1", "1", "no", "You -> Ann Lee (ACME)",
                                   "request an interview with Ann Lee"])
        self.assertEqual(rows[1], ["#4", "Globex", "3", "2", "1", "no", "You -> Bea Ruiz -> Cy Tan (globex corp)",
                                   "ask Bea Ruiz to introduce you to Cy Tan"])
        self.assertEqual(rows[2], ["#2", "Initech", "3", "-", "0", "yes", "-", "find someone who works there"])
        # `target` alone is the list
        self.assertEqual(self.ok("target").out, self.ok("target", "list").out)

    def test_json_gives_the_same_plan(self):
        self.world()
        doc = self.js("target", "list")
        self.assertEqual([t["name"] for t in doc], ["Acme", "Globex", "Initech", "Hooli", "Umbrella"])
        acme, globex, initech = doc[0], doc[1], doc[2]
        self.assertEqual((acme["degree"], acme["people"], acme["step"]), (1, 1, "request"))
        self.assertEqual(acme["step_contact"], self.ann)
        self.assertEqual(acme["note"], "the Basel site")
        self.assertEqual([h["contact"] for h in globex["path"]["hops"]], [self.bea, self.cy])
        self.assertEqual(globex["aliases"], ["Globex Corp"])
        self.assertEqual((globex["step"], globex["step_contact_name"], globex["step_about_name"]),
                         ("ask_intro", "Bea Ruiz", "Cy Tan"))
        self.assertEqual(globex["next"], "ask Bea Ruiz to introduce you to Cy Tan")
        self.assertIsNone(initech["path"])
        self.assertEqual((initech["degree"], initech["step"], initech["posting"]), (0, "find", True))

    def test_asking_and_the_introduction_made_move_the_plan(self):
        self.world()
        self.ok("intro", "set", self.intro, "--status", "requested")
        globex = self.js("target", "list")[1]
        self.assertEqual((globex["step"], globex["next"]), ("wait", "wait for Bea Ruiz to introduce you to Cy Tan"))
        self.ok("intro", "set", self.intro, "--status", "made")
        doc = self.js("target", "list")
        globex = [t for t in doc if t["name"] == "Globex"][0]
        self.assertEqual((globex["degree"], globex["step"], globex["step_contact_name"]), (1, "request", "Cy Tan"))
        iv = self.js("interview", "add", self.cy, "--purpose", "the Globex oncology team")["interview"]["id"]
        self.ok("interview", "request", iv)
        globex = [t for t in self.js("target", "list") if t["name"] == "Globex"][0]
        self.assertEqual(globex["next"], "wait for Cy Tan's answer to your interview request")

    def test_edit_and_rm_by_number_name_or_alias(self):
        self.world()
        self.ok("target", "edit", "globex corp", "--posting", "--rank", "2", "--motivation", "2")
        t = self.js("target", "edit", "4", "--no-alias", "GLOBEX CORP", "--alias", "Globex Inc")
        self.assertEqual((t["motivation"], t["posting"], t["rank"], t["aliases"]), (2, True, 2, ["Globex Inc"]))
        # Cy's company is no longer one of Globex's names
        globex = [x for x in self.js("target", "list") if x["name"] == "Globex"][0]
        self.assertEqual(globex["step"], "find")
        self.ok("target", "edit", "#4", "--name", "Globex Group", "--note", "")
        self.assertIn("Removed target Globex Group.", self.ok("target", "rm", "globex inc").out)
        self.assertEqual(len(self.js("target", "list")), 4)
        self.assertFailure(self.iv("target", "rm", "Globex"), "no target matches 'Globex'")

    def test_refusals_say_what_was_wrong(self):
        self.ok("target", "add", "Pfizer", "--alias", "Pfizer Inc.")
        self.assertFailure(self.iv("target", "add", "pfizer inc."), "already goes by 'pfizer inc.'")
        self.assertUsage(self.iv("target", "add", "Moderna", "--motivation", "5"), "--motivation",
                         "infoview target add")
        self.assertUsage(self.iv("target", "add", "Moderna", "--alias", "moderna"), "is the target's name",
                         "infoview target add")
        self.assertUsage(self.iv("target", "edit", "Pfizer"), "nothing to change", "infoview target edit")
        self.assertUsage(self.iv("target", "edit", "Pfizer", "--no-alias", "Pfizer AG"), "not an alias",
                         "infoview target edit")
        self.assertUsage(self.iv("target", "add"), "missing NAME", "infoview target add")
        self.assertEqual(self.ok("target", "list").out.strip().splitlines()[1].split()[1], "Pfizer")

    def test_an_empty_plan_says_how_to_start(self):
        self.assertIn("infoview target add NAME", self.ok("target", "list").out)
        self.assertEqual(self.js("target", "list"), [])


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_targets.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", test_cli.BIN) or not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_targets.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
