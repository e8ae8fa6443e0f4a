#!/usr/bin/env python3
"""End-to-end tests of the infoview program.

Usage: test_cli.py PATH-TO-INFOVIEW [unittest options]

Each test drives the built binary with subprocess in a store of its own
under a temporary directory, passing --db and --now explicitly, with a clean
environment (TZ=UTC, NO_COLOR set, HOME and XDG_DATA_HOME inside the
temporary directory). Every --json output is parsed with json.loads.
"""

import json
import os
import pty
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

BIN = None

# A Monday. Times in the tests are UTC (TZ=UTC).
NOW = "2026-03-02T09:00"

JOB_TEMPLATE = (
    "Dear {contact.first_name},\n\n"
    "I am {me.name}. Is there a job opening in your team at {contact.company}, "
    "and could you refer me for it?\n\nBest,\n{me.name}\n"
)


class Run:
    """The outcome of one run: exit status, standard output and error."""

    def __init__(self, proc):
        self.rc = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


class CliTestCase(unittest.TestCase):
    """A temporary directory, a store in it, and ways to run the program."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="infoview-cli-test.")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.db = os.path.join(self.tmp, "store.db")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "TZ": "UTC",
            "NO_COLOR": "1",
            "HOME": os.path.join(self.tmp, "home"),
            "XDG_DATA_HOME": os.path.join(self.tmp, "xdg"),
            "TMPDIR": self.tmp,
        }

    def raw(self, *args, env=None, stdin=None):
        """Runs the program with exactly these arguments."""
        proc = subprocess.run(
            [BIN, *args],
            env=env if env is not None else self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return Run(proc)

    def iv(self, *args, now=NOW, stdin=None):
        """Runs a command on the test's store at `now`."""
        return self.raw("--db", self.db, "--now", now, *args, stdin=stdin)

    def ok(self, *args, now=NOW, stdin=None):
        """Runs a command that must succeed; returns its output."""
        r = self.iv(*args, now=now, stdin=stdin)
        self.assertEqual(r.rc, 0, f"{args}: {r.err}")
        return r

    def js(self, *args, now=NOW, stdin=None):
        """Runs a command with --json that must succeed; returns the parsed document."""
        return self.ok("--json", *args, now=now, stdin=stdin).json()

    def add_contact(self, *args, now=NOW):
        """Adds a contact; returns its id (what `contact add -q` prints)."""
        out = self.ok("contact", "add", "-q", *args, now=now).out.strip()
        self.assertRegex(out, r"^[0-9a-f-]{36}$")
        return out

    def run_on_terminal(self, env, args=("contact", "list")):
        """Runs a command (`contact list`) with standard output on a pseudo-terminal; returns what it printed."""
        master, slave = pty.openpty()
        proc = subprocess.Popen([BIN, "--db", self.db, *args], env=env, stdout=slave,
                                stderr=subprocess.PIPE)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        os.close(master)
        proc.wait(timeout=60)
        proc.stderr.close()
        self.assertEqual(proc.returncode, 0)
        return b"".join(chunks).decode()


    def assertUsage(self, r, message, hint):
        """Exit status 2, one line naming the bad argument, then the hint."""
        self.assertEqual(r.rc, 2, r.err)
        lines = r.err.splitlines()
        self.assertEqual(len(lines), 2, r.err)
        self.assertIn(message, lines[0])
        self.assertTrue(lines[0].startswith("infoview: "), lines[0])
        self.assertEqual(lines[1], f"Try '{hint} --help'.")
        self.assertEqual(r.out, "")

    def assertFailure(self, r, message):
        """Exit status 1 with a message on standard error, nothing on standard output."""
        self.assertEqual(r.rc, 1, r.err)
        self.assertIn(message, r.err)
        self.assertTrue(r.err.startswith("infoview: "), r.err)
        self.assertEqual(r.out, "")


class StoryBase(CliTestCase):
    """Alex (known directly) introduces you by e-mail to Blake, who
    introduces you to Dana at Pfizer: a two-hop chain."""

    def setUp(self):
        super().setUp()
        t = "2026-02-23T09:00"
        self.ok("profile", "set", "--name", "Sam Rivera", "--background",
                "eight years as a hospital pharmacist", "--exploring",
                "exploring a move into regulatory affairs", now=t)
        self.alex = self.add_contact("Alex", "Kim", "--direct", "--company", "Northwind",
                                     "--email", "alex@example.com", now=t)
        self.blake = self.add_contact("Blake Chen", "--introduced", "--company", "Medisol", now=t)
        self.dana = self.add_contact("Dana Smith", "--introduced", "--company", "Pfizer",
                                     "--title", "Director, Regulatory Affairs", now=t)
        self.casey = self.add_contact("Casey Jones", "--direct", "--company", "Roche", now=t)
        self.ab = self.js("intro", "add", "--by", "Alex Kim", "--to", "blake chen",
                          "--status", "made", now=t)["id"]
        self.bd = self.js("intro", "add", "--by", self.blake, "--to", "DANA SMITH",
                          "--status", "made", now=t)["id"]


class StoryTest(StoryBase):
    def test_path_company_finds_the_two_hop_email_chain(self):
        doc = self.js("path", "--company", "pfizer")
        self.assertEqual(doc["company"], "pfizer")
        self.assertEqual(len(doc["paths"]), 1)
        path = doc["paths"][0]
        self.assertEqual(path["length"], 3)
        self.assertEqual([h["name"] for h in path["hops"]], ["Alex Kim", "Blake Chen", "Dana Smith"])
        self.assertEqual([h["intro"] for h in path["hops"]], [None, self.ab, self.bd])
        self.assertEqual([h["channel"] for h in path["hops"]], [None, "email", "email"])

    def test_path_prints_the_chain_as_a_line(self):
        out = self.ok("path", "--company", "Pfizer").out
        self.assertIn("You -> Alex Kim -> Blake Chen -> Dana Smith (Pfizer)", out)
        self.assertIn("Blake Chen introduces you to Dana Smith by email (made)", out)

    def test_path_to_a_contact_nobody_reaches_is_an_empty_answer(self):
        lone = self.add_contact("Lee Cold", "--cold")
        doc = self.js("path", "--to", lone)
        self.assertEqual(doc["paths"], [])
        self.assertIn("Nobody you know can introduce you to Lee Cold", self.ok("path", "--to", lone).out)

    def test_contact_list_gives_degrees_of_separation(self):
        degrees = {c["name"]: c["degree"] for c in self.js("contact", "list")}
        self.assertEqual(degrees, {"Alex Kim": 1, "Blake Chen": 2, "Dana Smith": 3, "Casey Jones": 1})

    def test_interview_add_takes_the_one_introduction_by_default(self):
        iv = self.js("interview", "add", "Dana", "Smith", "--purpose", "regulatory work")
        self.assertEqual(iv["interview"]["intro"], self.bd)
        self.assertEqual(iv["interview"]["status"], "planned")
        self.assertEqual(len(iv["interview"]["questions"]), 4)

    def test_draft_request_warns_about_a_job_ask(self):
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "regulatory work")["interview"]["id"]
        template = os.path.join(self.tmp, "job.txt")
        with open(template, "w") as f:
            f.write(JOB_TEMPLATE)
        doc = self.js("draft", "request", iv, "--template", template)
        self.assertIn("refer me", doc["text"])
        self.assertIn("asks_for_job", [w["code"] for w in doc["warnings"]])
        r = self.ok("draft", "request", iv, "--template", template)
        self.assertIn("infoview: warning: asks for a job", r.err)
        self.assertIn("Dear Dana", r.out)

    def test_draft_request_from_the_built_in_template_has_no_warning(self):
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "regulatory work")["interview"]["id"]
        doc = self.js("draft", "request", iv)
        # The checker finds nothing; the draft only misses Dana's e-mail for its To: line.
        self.assertEqual([(w["code"], w.get("field")) for w in doc["warnings"]], [("missing", "contact.email")])
        self.assertIn("Sam Rivera", doc["text"])
        self.assertLessEqual(doc["words"], 100)

    def test_request_sets_nudges_and_schedule_cancels_them(self):
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "regulatory work")["interview"]["id"]
        doc = self.js("interview", "request", iv, now="2026-02-24T10:00")
        nudges = [f for f in doc["followups"] if f["kind"] == "nudge"]
        self.assertEqual(len(nudges), 2)
        self.assertEqual(sorted(f["due"] for f in nudges), ["2026-02-27T10:00:00Z", "2026-03-05T10:00:00Z"])
        doc = self.js("interview", "schedule", iv, "--at", "2026-03-02T15:00", "--medium", "video",
                      now="2026-02-25T10:00")
        self.assertEqual(doc["interview"]["status"], "scheduled")
        self.assertEqual(doc["interview"]["scheduled_at"], "2026-03-02T15:00:00Z")
        self.assertEqual(doc["interview"]["medium"], "video")
        self.assertEqual(doc["followups"], [])
        shown = self.js("interview", "show", iv)
        self.assertEqual({f["status"] for f in shown["followups"]}, {"cancelled"})

    def test_schedule_on_a_planned_interview_records_the_request_too(self):
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "x")["interview"]["id"]
        doc = self.js("interview", "schedule", iv, "--at", "tomorrow 15:00")
        self.assertEqual(doc["interview"]["status"], "scheduled")
        self.assertEqual(doc["interview"]["status_at"]["requested"], "2026-03-02T09:00:00Z")
        self.assertEqual(doc["interview"]["scheduled_at"], "2026-03-03T15:00:00Z")

    def test_complete_records_notes_and_advice(self):
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "x")["interview"]["id"]
        self.ok("interview", "schedule", iv, "--at", "2026-03-02T15:00")
        doc = self.js("interview", "complete", iv, "--notes", "Very kind.\nTwo pages of notes.",
                      "--advice", "Take the RAC course", "--advice", "Read EPARs",
                      "--resource", "TOPRA", now="2026-03-02T15:45")
        self.assertEqual(doc["interview"]["status"], "completed")
        self.assertEqual(doc["interview"]["notes"], "Very kind.\nTwo pages of notes.")
        self.assertEqual(doc["interview"]["advice"], ["Take the RAC course", "Read EPARs"])
        self.assertEqual(doc["interview"]["resources"], ["TOPRA"])
        self.assertEqual(doc["interview"]["status_at"]["completed"], "2026-03-02T15:45:00Z")

    def complete_at_1545(self):
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "x")["interview"]["id"]
        self.ok("interview", "request", iv, now="2026-02-24T10:00")
        self.ok("interview", "schedule", iv, "--at", "2026-03-02T15:00", now="2026-02-25T10:00")
        self.ok("interview", "complete", iv, "--advice", "Take the RAC course", now="2026-03-02T15:45")
        return iv

    def thanks_on_agenda(self, now):
        doc = self.js("agenda", now=now)
        return sorted((i["followup"]["kind"], i["contact_name"]) for i in doc["items"]
                      if i["kind"] == "followup" and i["followup"]["kind"].startswith("thank"))

    def test_thank_yous_appear_on_the_agenda_only_after_their_earliest_time(self):
        self.complete_at_1545()
        self.assertEqual(self.thanks_on_agenda("2026-03-02T18:44"), [])
        self.assertEqual(self.thanks_on_agenda("2026-03-02T18:45"), [
            ("thank_introducer", "Alex Kim"),
            ("thank_introducer", "Blake Chen"),
            ("thank_you", "Dana Smith"),
        ])

    def test_thank_yous_are_overdue_after_a_day(self):
        self.complete_at_1545()
        doc = self.js("agenda", now="2026-03-03T15:46")
        thanks = [i for i in doc["items"] if i["kind"] == "followup" and i["followup"]["kind"] == "thank_you"]
        self.assertEqual(len(thanks), 1)
        self.assertTrue(thanks[0]["overdue"])
        self.assertEqual(thanks[0]["time"], "2026-03-03T15:45:00Z")

    def test_followup_done_clears_them_from_the_agenda(self):
        self.complete_at_1545()
        later = "2026-03-02T19:00"
        items = [i for i in self.js("agenda", now=later)["items"] if i["kind"] == "followup"]
        self.assertEqual(len(items), 3)
        for item in items:
            doc = self.js("followup", "done", item["followup"]["id"][:-1], now=later)
            self.assertEqual(doc["status"], "done")
            self.assertEqual(doc["closed_at"], "2026-03-02T19:00:00Z")
        self.assertEqual(self.thanks_on_agenda(later), [])
        pending = self.js("followup", "list", now=later)
        self.assertEqual([f["kind"] for f in pending], ["report_back"])

    def test_followup_list_due_is_the_agendas_to_do_with_names(self):
        self.complete_at_1545()
        later = "2026-03-02T19:00"
        todo = [i for i in self.js("agenda", now=later)["items"] if i["kind"] == "followup"]
        due = self.js("followup", "list", "--due", now=later)
        self.assertEqual([f["id"] for f in due], [i["followup"]["id"] for i in todo])
        self.assertEqual([f["contact_name"] for f in due], [i["contact_name"] for i in todo])
        # the report-back is pending but not doable yet
        kinds = [f["kind"] for f in self.js("followup", "list", now=later)]
        self.assertIn("report_back", kinds)
        self.assertNotIn("report_back", [f["kind"] for f in due])
        out = self.ok("followup", "list", "--due", now=later).out
        for i in todo:
            self.assertIn(i["contact_name"], out)
        self.assertIn("Nothing to do now.", self.ok("followup", "list", "--due", now="2026-03-01T09:00").out)
        bad = self.iv("followup", "list", "--due", "--all", now=later)
        self.assertEqual(bad.rc, 2)
        self.assertIn("--due lists pending follow-ups only", bad.err)

    def test_draft_thanks_to_an_introducer_names_whom_they_introduced(self):
        self.complete_at_1545()
        fus = self.js("followup", "list", "--contact", "Blake Chen")
        self.assertEqual([f["kind"] for f in fus], ["thank_introducer"])
        doc = self.js("draft", "thanks", fus[0]["id"], "--save")
        self.assertIn("Dana Smith", doc["text"])
        self.assertEqual(self.js("followup", "show", fus[0]["id"])["draft"], doc["text"])

    def test_whole_story(self):
        out = self.ok("path", "--company", "Pfizer").out
        self.assertIn("You -> Alex Kim -> Blake Chen -> Dana Smith (Pfizer)", out)
        iv = self.ok("interview", "add", "-q", "Dana Smith", "--purpose", "how regulatory affairs works",
                     now="2026-02-23T10:00").out.strip()
        self.assertIn("Would you be willing", self.ok("draft", "request", iv[:13]).out)
        self.ok("interview", "questions", iv, "answer", "1", "Pharmacy,", "then", "regulatory")
        self.ok("interview", "request", iv, now="2026-02-24T10:00")
        waiting = self.js("agenda", now="2026-02-26T10:00")["items"]
        self.assertEqual([(i["kind"], i["waiting_seconds"]) for i in waiting], [("waiting", 2 * 86400)])
        self.ok("interview", "schedule", iv, "--at", "2026-03-02T15:00", "--medium", "video",
                now="2026-02-25T10:00")
        upcoming = self.js("agenda", now="2026-03-01T10:00")["items"]
        self.assertEqual([i["kind"] for i in upcoming], ["interview"])
        self.ok("interview", "complete", iv, "--notes", "Generous.", "--advice", "Join TOPRA",
                now="2026-03-02T15:45")
        self.assertEqual(self.thanks_on_agenda("2026-03-02T16:00"), [])
        self.assertEqual(len(self.thanks_on_agenda("2026-03-02T19:00")), 3)
        for f in self.js("followup", "list", now="2026-03-02T19:00"):
            if f["kind"].startswith("thank"):
                self.ok("followup", "done", f["id"], now="2026-03-02T19:00")
        self.assertEqual(self.thanks_on_agenda("2026-03-03T09:00"), [])
        shown = self.js("interview", "show", iv)
        self.assertEqual(shown["interview"]["questions"][0]["answer"], "Pharmacy, then regulatory")
        self.assertEqual(shown["interview"]["advice"], ["Join TOPRA"])
        contact = self.js("contact", "show", "dana smith")
        self.assertEqual(contact["contact"]["last_interaction"], "2026-03-02T19:00:00Z")
        self.assertEqual(len(contact["interviews"]), 1)


class RulesApplyTest(StoryBase):
    """`rules apply`: the rules applied again make only what is missing, and say what."""

    def thank_yous(self):
        return sorted(f["id"] for f in self.js("followup", "list", "--all")
                      if f["kind"].startswith("thank"))

    def test_apply_remakes_a_removed_thank_you_and_lists_it(self):
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "x")["interview"]["id"]
        self.ok("interview", "schedule", iv, "--at", "2026-03-02T15:00")
        self.ok("interview", "complete", iv, now="2026-03-02T15:45")
        before = self.thank_yous()
        self.assertEqual(len(before), 3)
        thanks = [f for f in self.js("followup", "list", "--all") if f["kind"] == "thank_you"][0]
        self.ok("followup", "rm", thanks["id"])
        made = self.js("rules", "apply")
        self.assertEqual(len(made), 1)
        self.assertEqual(made[0]["kind"], "thank_you")
        self.assertEqual(made[0]["contact"], self.dana)
        self.assertEqual(made[0]["rule"], thanks["rule"])
        self.assertEqual(len(self.thank_yous()), 3)
        # Nothing is missing any more.
        self.assertEqual(self.js("rules", "apply"), [])
        r = self.ok("rules", "apply")
        self.assertEqual(r.out, "Nothing was missing: no follow-up made.\n")

    def test_apply_in_words_lists_what_it_made_and_counts_it(self):
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "x")["interview"]["id"]
        self.ok("interview", "schedule", iv, "--at", "2026-03-02T15:00")
        self.ok("interview", "complete", iv, now="2026-03-02T15:45")
        for f in self.js("followup", "list", "--all"):
            if f["kind"].startswith("thank"):
                self.ok("followup", "rm", f["id"])
        r = self.ok("rules", "apply")
        self.assertIn("Dana Smith", r.out)
        self.assertIn("Blake Chen", r.out)
        self.assertTrue(r.out.endswith("Made 3 follow-ups.\n"), r.out)

    def test_apply_takes_no_argument(self):
        self.assertUsage(self.iv("rules", "apply", "x"), "unexpected argument 'x'", "infoview rules apply")


class AdminTest(CliTestCase):
    """`admin` works on a PostgreSQL database only (tests/cli/test_postgresql.py runs it on one)."""

    def test_admin_needs_a_postgresql_database(self):
        for args in (["init"], ["add-user", "dana"], ["remove-user", "dana"]):
            with self.subTest(args=args):
                self.assertUsage(self.iv("admin", *args), "admin works on a PostgreSQL database",
                                 "infoview admin " + args[0])
        self.assertFalse(os.path.exists(self.db))

    def test_admin_needs_a_command_and_a_role(self):
        self.assertUsage(self.raw("admin"), "missing admin command", "infoview admin")
        self.assertUsage(self.raw("--db", "postgresql:///x", "admin", "add-user"), "missing ROLE",
                         "infoview admin add-user")
        self.assertUsage(self.raw("--db", "postgresql:///x", "admin", "frob"), "unknown admin command 'frob'",
                         "infoview admin")


class SearchScreenTest(CliTestCase):
    """A search prints one screen unless asked for more; JSON gets every hit."""

    def test_search_shows_the_best_twenty_and_says_there_are_more(self):
        for i in range(25):
            self.add_contact(f"Jamie Doe{i}", "--company", "Acme")
        lines = self.ok("search", "jamie").out.splitlines()
        self.assertEqual(len([l for l in lines if "Jamie Doe" in l]), 20)
        self.assertEqual(lines[-1], "More hits: infoview search --limit 100 jamie")
        lines = self.ok("search", "--limit", "30", "jamie").out.splitlines()
        self.assertEqual(len([l for l in lines if "Jamie Doe" in l]), 25)
        self.assertFalse(any(l.startswith("More hits") for l in lines))
        self.assertEqual(len(self.js("search", "jamie")), 25)


class ContactTest(CliTestCase):
    def test_contact_add_prints_the_new_id_and_json_gives_the_contact(self):
        cid = self.add_contact("Dana Smith", "--email", "dana@pfizer.example", "--email", "d@home.example",
                               "--tag", "pharma", "--tag", "target", "--company", "Pfizer",
                               "--cadence", "30", "--cold", "--about", "Met at DIA")
        doc = self.js("contact", "show", cid)["contact"]
        self.assertEqual(doc["id"], cid)
        self.assertEqual(doc["emails"], ["dana@pfizer.example", "d@home.example"])
        self.assertEqual(doc["tags"], ["pharma", "target"])
        self.assertEqual(doc["known"], "cold")
        self.assertEqual(doc["cadence_days"], 30)
        self.assertEqual(doc["notes"], "Met at DIA")
        self.assertEqual(doc["created"], "2026-03-02T09:00:00Z")
        self.assertIsNone(doc["phone"])
        self.assertIsNone(doc["degree"])
        added = self.js("contact", "add", "Blake Chen")
        self.assertEqual(added["name"], "Blake Chen")
        self.assertEqual(added["known"], "direct")

    def test_contact_edit_changes_and_clears_fields(self):
        cid = self.add_contact("Dana Smith", "--company", "Pfizer", "--tag", "a", "--email", "d@x.example")
        doc = self.js("contact", "edit", "Dana Smith", "--company", "", "--clear-tags", "--tag", "b",
                      "--name", "Dana Smyth", "--known", "introduced")
        self.assertEqual(doc["id"], cid)
        self.assertIsNone(doc["company"])
        self.assertEqual(doc["tags"], ["b"])
        self.assertEqual(doc["name"], "Dana Smyth")
        self.assertEqual(doc["known"], "introduced")
        self.assertEqual(doc["emails"], ["d@x.example"])

    def test_contact_list_filters_by_company_and_tag(self):
        self.add_contact("A One", "--company", "Pfizer", "--tag", "x")
        self.add_contact("B Two", "--company", "pfizer")
        self.add_contact("C Three", "--company", "Roche", "--tag", "x")
        self.assertEqual([c["name"] for c in self.js("contact", "list", "--company", "PFIZER")], ["A One", "B Two"])
        self.assertEqual([c["name"] for c in self.js("contact", "list", "--tag", "x")], ["A One", "C Three"])
        self.assertEqual(self.js("contact", "list", "--tag", "none"), [])

    def test_contact_touch_records_an_interaction(self):
        self.add_contact("Dana Smith")
        doc = self.js("contact", "touch", "Dana Smith", "--note", "Coffee", "--at", "-1d")
        self.assertEqual(doc["last_interaction"], "2026-03-01T09:00:00Z")
        # the note is a dated note of its own, not a line in the contact's text
        self.assertIsNone(doc["notes"])
        notes = self.js("note", "list", "Dana Smith")
        self.assertEqual([(n["text"], n["at"]) for n in notes], [("Coffee", "2026-03-01T09:00:00Z")])

    def test_contact_rm_needs_cascade_when_referenced(self):
        a = self.add_contact("Alex Kim")
        self.add_contact("Blake Chen")
        self.ok("intro", "add", "--by", a, "--to", "Blake Chen")
        r = self.iv("contact", "rm", "Alex Kim")
        self.assertEqual(r.rc, 1)
        self.assertIn("--cascade", r.err)
        self.assertEqual(len(self.js("intro", "list")), 1)
        removed = self.js("contact", "rm", "Alex Kim", "--cascade")
        self.assertEqual(removed["removed"], a)
        self.assertEqual([r["kind"] for r in removed["also_removed"]], ["intro"])
        self.assertEqual(self.js("intro", "list"), [])

    def test_an_id_prefix_names_a_contact(self):
        cid = self.add_contact("Dana Smith")
        self.add_contact("Blake Chen")
        self.assertEqual(self.js("contact", "show", cid[:-3].upper())["contact"]["id"], cid)

    def test_an_ambiguous_id_prefix_lists_the_candidates(self):
        a = self.add_contact("Dana Smith")
        b = self.add_contact("Blake Chen")
        common = os.path.commonprefix([a, b])
        self.assertGreaterEqual(len(common), 4, "ids are time-ordered: they share a prefix")
        r = self.iv("contact", "show", common[:8])
        self.assertFailure(r, f"ambiguous id prefix '{common[:8]}'")
        self.assertIn("(Dana Smith)", r.err)
        self.assertIn("(Blake Chen)", r.err)

    def test_an_ambiguous_name_lists_the_candidates(self):
        self.add_contact("Sam Lee", "--company", "Pfizer")
        self.add_contact("sam lee", "--company", "Roche", "--force")
        r = self.iv("contact", "show", "SAM LEE")
        self.assertFailure(r, "ambiguous name 'SAM LEE'")
        self.assertIn("(Sam Lee, Pfizer)", r.err)
        self.assertIn("(sam lee, Roche)", r.err)

    def test_an_unknown_contact_is_a_failure(self):
        self.add_contact("Dana Smith")
        self.assertFailure(self.iv("contact", "show", "Dana"), "no contact matches 'Dana'")
        self.assertFailure(self.iv("contact", "show", "ffffffff"), "no contact matches 'ffffffff'")

    def test_an_unknown_contact_hints_at_names_containing_it(self):
        self.add_contact("Dana Smith")
        self.add_contact("Danny Ortiz")
        self.add_contact("Blake Chen")
        r = self.iv("contact", "show", "dan")
        self.assertFailure(r, "no contact matches 'dan'")
        self.assertIn("hint: did you mean 'Dana Smith', 'Danny Ortiz'?", r.err)
        self.assertNotIn("Blake", r.err)


class InterviewTest(CliTestCase):
    def setUp(self):
        super().setUp()
        self.dana = self.add_contact("Dana Smith", "--company", "Pfizer")
        self.iv_id = self.js("interview", "add", "Dana Smith", "--purpose", "learn", "--seed", "0",
                             "--question", "How did you start?", "--question", "What next?",
                             "--minutes", "45")["interview"]["id"]

    def questions(self, *args):
        return [(q["number"], q["question"], q["answer"])
                for q in self.js("interview", "questions", self.iv_id, *args)["questions"]]

    def test_questions_are_numbered_from_one_and_can_be_changed(self):
        self.assertEqual(self.questions(), [(1, "How did you start?", None), (2, "What next?", None)])
        self.assertEqual(self.questions("add", "Any", "resources?")[2], (3, "Any resources?", None))
        self.assertEqual(self.questions("answer", "1", "By", "chance")[0], (1, "How did you start?", "By chance"))
        self.assertEqual(self.questions("move", "3", "1")[0], (1, "Any resources?", None))
        self.assertEqual(self.questions("set", "2", "How did it start?")[1], (2, "How did it start?", "By chance"))
        self.assertEqual(len(self.questions("remove", "1")), 2)
        self.assertEqual(self.questions("answer", "1", "")[0][2], None)
        self.assertEqual(len(self.questions("seed", "2")), 4)

    def test_a_question_number_out_of_range_is_a_failure(self):
        self.assertFailure(self.iv("interview", "questions", self.iv_id, "remove", "3"),
                           "no question 3: the interview has 2")

    def test_an_illegal_move_fails_and_changes_nothing(self):
        r = self.iv("interview", "complete", self.iv_id, "--notes", "x")
        self.assertEqual(r.rc, 1)
        self.assertIn("planned", r.err)
        doc = self.js("interview", "show", self.iv_id)["interview"]
        self.assertEqual(doc["status"], "planned")
        self.assertIsNone(doc["notes"])

    def test_decline_and_cancel_are_final(self):
        self.ok("interview", "request", self.iv_id)
        self.assertEqual(self.js("interview", "decline", self.iv_id)["interview"]["status"], "declined")
        self.assertEqual(self.iv("interview", "cancel", self.iv_id).rc, 1)

    def test_interview_list_filters_by_status_and_contact(self):
        other = self.add_contact("Blake Chen")
        self.ok("interview", "add", other, "--purpose", "x")
        self.ok("interview", "request", self.iv_id)
        self.assertEqual([i["contact_name"] for i in self.js("interview", "list")], ["Dana Smith", "Blake Chen"])
        self.assertEqual([i["id"] for i in self.js("interview", "list", "--status", "requested")], [self.iv_id])
        self.assertEqual([i["contact_name"] for i in self.js("interview", "list", "--contact", "blake chen")],
                         ["Blake Chen"])

    def test_interview_edit_and_rm(self):
        doc = self.js("interview", "edit", self.iv_id, "--purpose", "new", "--medium", "in-person",
                      "--advice", "a")["interview"]
        self.assertEqual((doc["purpose"], doc["medium"], doc["advice"], doc["minutes"]),
                         ("new", "in_person", ["a"], 45))
        self.assertEqual(self.js("interview", "rm", self.iv_id), {"removed": self.iv_id})
        self.assertEqual(self.js("interview", "list"), [])


class TimeTest(CliTestCase):
    """Input times, read by `followup add --due` and given back in UTC."""

    def test_input_time_forms(self):
        self.add_contact("Dana Smith")
        cases = {
            "2026-03-05": "2026-03-05T00:00:00Z",
            "2026-03-05T15:00": "2026-03-05T15:00:00Z",
            "2026-03-05 15:00:30": "2026-03-05T15:00:30Z",
            "2026-03-05T15:00+01:00": "2026-03-05T14:00:00Z",
            "2026-03-05T15:00Z": "2026-03-05T15:00:00Z",
            "now": "2026-03-02T09:00:00Z",
            "today": "2026-03-02T00:00:00Z",
            "tomorrow": "2026-03-03T00:00:00Z",
            "tomorrow 15:00": "2026-03-03T15:00:00Z",
            "16:30": "2026-03-02T16:30:00Z",
            "+3d": "2026-03-05T09:00:00Z",
            "+2h": "2026-03-02T11:00:00Z",
            "+30m": "2026-03-02T09:30:00Z",
            "+1w": "2026-03-09T09:00:00Z",
            "friday": "2026-03-06T00:00:00Z",
            "mon 10:30": "2026-03-09T10:30:00Z",
        }
        for text, want in cases.items():
            with self.subTest(when=text):
                self.assertEqual(self.js("followup", "add", "Dana Smith", "--due", text)["due"], want)

    def test_relative_times_count_from_now(self):
        self.add_contact("Dana Smith")
        doc = self.js("followup", "add", "Dana Smith", "--due", "+1d", now="2026-01-10T08:00")
        self.assertEqual(doc["due"], "2026-01-11T08:00:00Z")

    def test_infoview_now_is_the_default_for_now(self):
        env = dict(self.env, INFOVIEW_NOW="2026-05-01T12:00", INFOVIEW_DB=self.db)
        doc = json.loads(self.raw("--json", "contact", "add", "X", env=env).out)
        self.assertEqual(doc["created"], "2026-05-01T12:00:00Z")

    def test_times_are_shown_with_relative_hints(self):
        self.add_contact("Dana Smith")
        for due in ("tomorrow 09:00", "+3d", "-3d"):
            self.ok("followup", "add", "Dana Smith", "--due", due, "--note", due)
        out = self.ok("followup", "list").out
        self.assertIn("tomorrow 09:00", out)
        self.assertIn("(in 3 days)", out)
        self.assertIn("(3 days ago)", out)
        self.assertIn("overdue", out)


class UsageErrorTest(CliTestCase):
    """Every usage error: exit status 2, one line naming the argument, a hint."""

    def test_unknown_command(self):
        self.assertUsage(self.iv("frobnicate"), "unknown command 'frobnicate'", "infoview")

    def test_unknown_global_option(self):
        self.assertUsage(self.raw("--frob"), "unknown option '--frob'", "infoview")

    def test_global_option_without_its_value(self):
        self.assertUsage(self.raw("--db"), "option '--db' needs a value", "infoview")
        self.assertUsage(self.raw("--now"), "option '--now' needs a value", "infoview")

    def test_empty_db_path(self):
        self.assertUsage(self.raw("--db", ""), "--db: the path is empty", "infoview")

    def test_bad_now(self):
        self.assertUsage(self.iv("agenda", now="someday"), "--now: cannot read 'someday' as a time", "infoview")

    def test_bad_infoview_now(self):
        env = dict(self.env, INFOVIEW_NOW="2026-13-01")
        self.assertUsage(self.raw("--db", self.db, "agenda", env=env),
                         "INFOVIEW_NOW: cannot read '2026-13-01' as a time (no such date)", "infoview")

    def test_help_for_an_unknown_command(self):
        self.assertUsage(self.raw("help", "frob"), "unknown command 'frob'", "infoview")

    def test_name_the_library_refuses(self):
        self.assertUsage(self.iv("contact", "add", " "), "NAME: contact.name", "infoview contact add")

    def test_unknown_subcommand(self):
        self.assertUsage(self.iv("contact", "frob"), "unknown contact command 'frob'", "infoview contact")

    def test_missing_subcommand(self):
        self.assertUsage(self.iv("draft"), "missing draft command", "infoview draft")

    def test_unknown_command_option(self):
        self.assertUsage(self.iv("contact", "add", "X", "--frob"), "unknown option '--frob'", "infoview contact add")
        self.assertUsage(self.iv("agenda", "-x"), "unknown option '-x'", "infoview agenda")

    def test_command_option_without_its_value(self):
        self.assertUsage(self.iv("contact", "list", "--company"), "option '--company' needs a value",
                         "infoview contact list")

    def test_flag_given_a_value(self):
        self.assertUsage(self.iv("contact", "rm", "X", "--cascade=yes"), "option '--cascade' takes no value",
                         "infoview contact rm")

    def test_missing_positional_argument(self):
        self.assertUsage(self.iv("contact", "add"), "missing NAME", "infoview contact add")
        self.assertUsage(self.iv("interview", "show"), "missing INTERVIEW", "infoview interview show")

    def test_unexpected_positional_argument(self):
        self.assertUsage(self.iv("agenda", "today"), "unexpected argument 'today'", "infoview agenda")
        self.assertUsage(self.iv("intro", "show", "abcd", "efgh"), "unexpected argument 'efgh'", "infoview intro show")

    def test_bad_number(self):
        self.assertUsage(self.iv("contact", "add", "X", "--cadence", "often"),
                         "--cadence: 'often' is not a whole number from 0 to 3650", "infoview contact add")
        self.assertUsage(self.iv("agenda", "--days", "0"), "--days: '0' is not a whole number", "infoview agenda")

    def test_bad_enum_value(self):
        self.assertUsage(self.iv("intro", "add", "--by", "a", "--to", "b", "--channel", "pigeon"),
                         "--channel: unknown value 'pigeon' (one of: email, in_person, phone, message, other)",
                         "infoview intro add")

    def test_bad_time(self):
        self.assertUsage(self.iv("interview", "schedule", "abcd", "--at", "2026-02-30"),
                         "--at: cannot read '2026-02-30' as a time (no such date)", "infoview interview schedule")
        self.assertUsage(self.iv("followup", "add", "X", "--due", "+3y"),
                         "--due: cannot read '+3y' as a time", "infoview followup add")

    def test_value_the_library_refuses(self):
        self.assertUsage(self.iv("contact", "add", "X", "--email", "not-an-address"),
                         "--email: contact.email", "infoview contact add")

    def test_missing_required_option(self):
        self.assertUsage(self.iv("intro", "add", "--to", "x"), "missing --by INTRODUCER", "infoview intro add")
        self.assertUsage(self.iv("intro", "add", "--by", "x"), "missing --to CONTACT", "infoview intro add")
        self.assertUsage(self.iv("interview", "add", "X"), "missing --purpose TEXT", "infoview interview add")
        self.assertUsage(self.iv("interview", "schedule", "abcd"), "missing --at WHEN", "infoview interview schedule")
        self.assertUsage(self.iv("followup", "add", "X"), "missing --due WHEN", "infoview followup add")
        self.assertUsage(self.iv("path"), "missing --to CONTACT or --company NAME", "infoview path")

    def test_conflicting_options(self):
        self.assertUsage(self.iv("path", "--to", "a", "--company", "b"), "give --to or --company, not both",
                         "infoview path")

    def test_nothing_to_change(self):
        self.assertUsage(self.iv("contact", "edit", "X"), "nothing to change", "infoview contact edit")
        self.assertUsage(self.iv("intro", "set", "abcd"), "nothing to change", "infoview intro set")
        self.assertUsage(self.iv("profile", "set"), "nothing to change", "infoview profile set")
        self.assertUsage(self.iv("rules", "set"), "nothing to change", "infoview rules set")
        self.assertUsage(self.iv("interview", "edit", "abcd"), "nothing to change", "infoview interview edit")

    def test_rules_the_library_refuses(self):
        self.assertUsage(self.iv("rules", "set", "--thank-earliest", "30", "--thank-due", "24"),
                         "thank", "infoview rules set")

    def test_id_prefix_too_short(self):
        self.assertUsage(self.iv("followup", "done", "ab"),
                         "follow-up id prefix 'ab' is too short: give at least 4 hex digits", "infoview followup done")

    def test_questions_action_errors(self):
        self.assertUsage(self.iv("interview", "questions", "abcd", "frob"), "unknown action 'frob'",
                         "infoview interview questions")
        self.assertUsage(self.iv("interview", "questions", "abcd", "add"), "add: missing TEXT",
                         "infoview interview questions")
        self.assertUsage(self.iv("interview", "questions", "abcd", "move", "1"), "move: missing question number",
                         "infoview interview questions")
        self.add_contact("D")
        iv = self.js("interview", "add", "D", "--purpose", "p")["interview"]["id"]
        self.assertUsage(self.iv("interview", "questions", iv, "remove", "first"),
                         "'first' is not a question number", "infoview interview questions")
        self.assertUsage(self.iv("interview", "questions", iv, "remove", "1", "2"),
                         "unexpected argument '2'", "infoview interview questions")
        self.assertUsage(self.iv("interview", "questions", iv, "seed", "many"),
                         "seed: 'many' is not a count from 1 to 50", "infoview interview questions")
        self.assertUsage(self.iv("interview", "questions", iv, "set", "1", ""),
                         "infoview: set: interview.question", "infoview interview questions")

    def test_search_without_a_word(self):
        self.assertUsage(self.iv("search"), "missing QUERY", "infoview search")
        self.assertUsage(self.iv("search", "  "), "search", "infoview search")

    def test_a_usage_error_does_not_create_the_store(self):
        self.iv("contact", "add", "X", "--cadence", "often")
        self.assertFalse(os.path.exists(self.db))


class FailureTest(CliTestCase):
    def test_db_in_a_missing_directory_is_an_error_naming_it(self):
        path = os.path.join(self.tmp, "no", "such", "dir", "s.db")
        r = self.raw("--db", path, "contact", "list")
        self.assertFailure(r, path)

    def test_a_failed_command_writes_nothing(self):
        self.add_contact("Alex Kim")
        self.add_contact("Blake Chen")
        self.ok("intro", "add", "--by", "Alex Kim", "--to", "Blake Chen")
        before = self.js("intro", "list")
        r = self.iv("intro", "add", "--by", "Alex Kim", "--to", "Nobody Here")
        self.assertFailure(r, "no contact matches 'Nobody Here'")
        self.assertEqual(self.js("intro", "list"), before)

    def test_a_failed_schedule_of_a_planned_interview_leaves_it_planned(self):
        self.add_contact("Dana Smith")
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "p")["interview"]["id"]
        self.ok("interview", "cancel", iv)
        self.assertEqual(self.iv("interview", "schedule", iv, "--at", "tomorrow").rc, 1)
        doc = self.js("interview", "show", iv)
        self.assertEqual(doc["interview"]["status"], "cancelled")
        self.assertIsNone(doc["interview"]["scheduled_at"])

    def test_a_missing_template_is_a_failure(self):
        self.add_contact("Dana Smith")
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "p")["interview"]["id"]
        self.assertFailure(self.iv("draft", "request", iv, "--template", "/no/such/file"),
                           "cannot read /no/such/file")

    def test_an_unknown_interview_is_a_failure(self):
        self.assertFailure(self.iv("interview", "show", "abcdef"), "no interview matches 'abcdef'")


class OutputTest(CliTestCase):
    def test_version(self):
        r = self.raw("--version")
        self.assertEqual(r.rc, 0)
        self.assertRegex(r.out, r"^infoview \d+\.\d+\.\d+ \(libinfoview \d+\.\d+\.\d+\)\n$")

    def test_bare_infoview_runs_the_agenda(self):
        self.add_contact("Dana Smith")
        self.ok("followup", "add", "Dana Smith", "--due", "+1h", "--note", "call Dana")
        bare = self.iv()
        self.assertEqual(bare.rc, 0)
        self.assertEqual(bare.out, self.ok("agenda").out)
        self.assertIn("call Dana", bare.out)
        self.assertEqual(self.js()["items"][0]["followup"]["note"], "call Dana")

    def test_every_command_has_help(self):
        commands = [
            [], ["agenda"], ["contact"], ["contact", "add"], ["contact", "list"], ["contact", "show"],
            ["contact", "edit"], ["contact", "touch"], ["contact", "rm"], ["intro"], ["intro", "add"],
            ["intro", "list"], ["intro", "show"], ["intro", "set"], ["intro", "rm"], ["path"],
            ["interview"], ["interview", "add"], ["interview", "list"], ["interview", "show"],
            ["interview", "request"], ["interview", "schedule"], ["interview", "complete"],
            ["interview", "decline"], ["interview", "no-response"], ["interview", "cancel"],
            ["interview", "edit"], ["interview", "questions"], ["interview", "rm"], ["followup"],
            ["followup", "list"], ["followup", "show"], ["followup", "done"], ["followup", "skip"],
            ["followup", "add"], ["followup", "rm"], ["search"], ["draft"], ["draft", "request"],
            ["draft", "thanks"], ["draft", "check"], ["profile"], ["profile", "show"], ["profile", "set"],
            ["rules"], ["rules", "show"], ["rules", "set"], ["rules", "apply"], ["admin"], ["admin", "init"],
            ["admin", "add-user"], ["admin", "remove-user"], ["demo"],
        ]
        for cmd in commands:
            with self.subTest(cmd=cmd):
                r = self.raw(*cmd, "--help")
                self.assertEqual(r.rc, 0, r.err)
                self.assertTrue(r.out.startswith("Usage: infoview"), r.out[:80])
                self.assertEqual(r.err, "")
        self.assertEqual(self.raw("help", "contact").out, self.raw("contact", "--help").out)
        self.assertFalse(os.path.exists(self.db))

    def test_no_escape_codes_without_a_terminal(self):
        self.add_contact("Dana Smith", "--company", "Pfizer")
        env = dict(self.env)
        del env["NO_COLOR"]
        r = self.raw("--db", self.db, "contact", "list", env=env)
        self.assertEqual(r.rc, 0)
        self.assertNotIn("\x1b", r.out)

    def test_colour_only_on_a_terminal_without_no_color(self):
        self.add_contact("Dana Smith", "--company", "Pfizer")
        env = dict(self.env, TERM="xterm")
        del env["NO_COLOR"]
        self.assertIn("\x1b[", self.run_on_terminal(env))
        env["NO_COLOR"] = "1"
        out = self.run_on_terminal(env)
        self.assertNotIn("\x1b", out)
        self.assertIn("Dana Smith", out)

    def test_json_escapes_strings(self):
        tricky = 'Quote " backslash \\ tab \t slash / \u00e9\u4e2d \U0001f600'
        self.add_contact("Dana Smith", "--about", tricky + "\nline two")
        doc = self.js("contact", "show", "Dana Smith")
        self.assertEqual(doc["contact"]["notes"], tricky + "\nline two")

    def test_every_listing_and_show_gives_one_json_document(self):
        a = self.add_contact("Alex Kim")
        self.add_contact("Blake Chen")
        intro = self.js("intro", "add", "--by", a, "--to", "Blake Chen", "--status", "made")["id"]
        iv = self.js("interview", "add", "Blake Chen", "--purpose", "p")["interview"]["id"]
        fu = self.js("followup", "add", "Alex Kim", "--due", "+1d")["id"]
        for args in (["contact", "list"], ["contact", "show", a], ["intro", "list"], ["intro", "show", intro],
                     ["interview", "list"], ["interview", "show", iv], ["interview", "questions", iv],
                     ["followup", "list", "--all"], ["followup", "show", fu], ["agenda"], ["search", "blake"],
                     ["path", "--to", "Blake Chen"], ["path", "--company", "x"], ["profile", "show"],
                     ["rules", "show"], ["rules", "apply"], ["draft", "request", iv]):
            with self.subTest(args=args):
                self.assertIsInstance(self.js(*args), (dict, list))
                # The same, with --json after the command.
                self.assertIsInstance(self.ok(*args, "--json").json(), (dict, list))

    def test_search_finds_contacts_and_interviews(self):
        self.add_contact("Dana Smith", "--company", "Pfizer", "--title", "Regulatory Affairs Director")
        self.add_contact("Blake Chen", "--title", "Consultant")
        self.js("interview", "add", "Blake Chen", "--purpose", "regulatory consulting")
        hits = self.js("search", "reg")
        self.assertEqual({(h["kind"], h["name"]) for h in hits}, {("contact", "Dana Smith"), ("interview", "Blake Chen")})
        self.assertEqual([h["kind"] for h in self.js("search", "--contacts", "reg")], ["contact"])
        self.assertEqual(self.js("search", "nothingmatches"), [])

    def test_default_store_is_created_private_under_xdg_data_home(self):
        env = dict(self.env)
        r = self.raw("contact", "list", env=env)
        self.assertEqual(r.rc, 0, r.err)
        directory = os.path.join(self.env["XDG_DATA_HOME"], "infoview")
        store = os.path.join(directory, "infoview.db")
        self.assertEqual(stat.S_IMODE(os.stat(directory).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(store).st_mode), 0o600)

    def test_infoview_db_names_the_store(self):
        env = dict(self.env, INFOVIEW_DB=self.db)
        self.assertEqual(self.raw("contact", "add", "X", env=env).rc, 0)
        self.assertEqual([c["name"] for c in self.js("contact", "list")], ["X"])


class TerminalSafetyTest(CliTestCase):
    """Stored and typed text cannot drive the terminal: human output and
    messages show control characters escaped; --json keeps them exact."""

    OSC = "Eve\x1b]0;pwned\x07"
    CSI = "\u009b31m"
    RLO = "\u202egnp.exe"
    NOTES = "line one\rline two\r\nline three \u202e"

    def assertNoControls(self, r):
        for stream in (r.out, r.err):
            for ch in ("\x1b", "\u009b", "\u202e", "\r", "\x07"):
                self.assertNotIn(ch, stream)

    def add_tricky_contacts(self):
        csi = self.add_contact(self.CSI, "--company", self.RLO, "--about", self.NOTES)
        rlo = self.add_contact(self.RLO, "--title", self.CSI)
        self.ok("followup", "add", csi, "--due", "+1h", "--note", "call " + self.RLO)
        return csi, rlo

    def test_a_name_with_an_osc_escape_is_refused_and_not_echoed(self):
        r = self.iv("contact", "add", self.OSC)
        self.assertUsage(r, "control character 0x1b", "infoview contact add")
        self.assertNoControls(r)
        listing = self.ok("contact", "list")
        self.assertNoControls(listing)
        self.assertEqual(self.js("contact", "list"), [])

    def test_contact_list_shows_control_characters_escaped(self):
        self.add_tricky_contacts()
        r = self.ok("contact", "list")
        self.assertNoControls(r)
        self.assertIn("\\u009b31m", r.out)
        self.assertIn("\\u202egnp.exe", r.out)

    def test_contact_show_shows_control_characters_escaped(self):
        csi, rlo = self.add_tricky_contacts()
        for ref in (csi, rlo):
            with self.subTest(ref=ref):
                self.assertNoControls(self.ok("contact", "show", ref))
        shown = self.ok("contact", "show", csi).out
        self.assertIn("line one\\x0dline two\n", shown)
        self.assertIn("line three \\u202e", shown)

    def test_agenda_shows_control_characters_escaped(self):
        self.add_tricky_contacts()
        r = self.ok("agenda")
        self.assertNoControls(r)
        self.assertIn("\\u009b31m", r.out)
        self.assertIn("call \\u202egnp.exe", r.out)

    def test_error_messages_quote_arguments_escaped(self):
        self.add_tricky_contacts()
        for args, message in ((["contact", "show", self.OSC], "no contact matches 'Eve\\x1b]0;pwned\\x07'"),
                              (["contact", "show", "\u009b"], "hint: did you mean '\\u009b31m'"),
                              (["contact", "edit", self.RLO, "--bogus\u202e"], "'--bogus\\u202e'"),
                              (["contact", "add", "X", "--url", "a\rb"], "control character 0x0d")):
            with self.subTest(args=args):
                r = self.iv(*args)
                self.assertNotEqual(r.rc, 0)
                self.assertIn(message, r.err)
                self.assertNoControls(r)

    def test_json_keeps_the_exact_text(self):
        csi, rlo = self.add_tricky_contacts()
        contacts = {c["id"]: c for c in self.js("contact", "list")}
        self.assertEqual(contacts[csi]["name"], self.CSI)
        self.assertEqual(contacts[csi]["company"], self.RLO)
        self.assertEqual(contacts[csi]["notes"], self.NOTES)
        self.assertEqual(contacts[rlo]["name"], self.RLO)
        self.assertEqual(self.js("contact", "show", rlo)["contact"]["title"], self.CSI)
        item = self.js("agenda")["items"][0]
        self.assertEqual(item["contact_name"], self.CSI)
        self.assertEqual(item["followup"]["note"], "call " + self.RLO)
        # Exact once parsed, and nothing a terminal acts on as printed.
        self.assertNoControls(self.iv("--json", "contact", "list"))


class DemoTest(CliTestCase):
    def test_demo_prints_the_agenda_and_a_path_and_removes_its_store(self):
        r = self.raw("demo")
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn("You -> Alex Kim -> Blake Chen -> Dana Smith (Pfizer)", r.out)
        self.assertIn("Waiting for a reply", r.out)
        self.assertIn("overdue", r.out)
        self.assertIn("ask Hugo Martins to introduce you to Lena Vogel", r.out)
        self.assertIn("$ infoview week --week 2026-W09", r.out)
        self.assertEqual(r.err, "")
        self.assertEqual([n for n in os.listdir(self.tmp) if n.startswith("infoview-demo")], [])

    def test_demo_json_and_keep(self):
        r = self.raw("--json", "demo", "--keep")
        self.assertEqual(r.rc, 0, r.err)
        doc = r.json()
        self.assertTrue(doc["kept"])
        self.assertEqual(doc["now"], "2026-03-02T09:00:00Z")
        kinds = {i["kind"] for i in doc["agenda"]["items"]}
        self.assertEqual(kinds, {"followup", "interview", "waiting", "plan"})
        # Monday: the week's plan of the targets, and the review of the week just ended.
        plan = [i["target"]["name"] for i in doc["agenda"]["items"] if i["kind"] == "plan"]
        self.assertEqual(plan, ["Pfizer", "Sanofi", "Bayer"])
        self.assertEqual(doc["week"]["week"], "2026-W09")
        self.assertEqual((doc["week"]["talks_held"], doc["week"]["referrals"], doc["week"]["targets_reached"]),
                         (1, 1, 2))
        self.assertEqual([h["name"] for h in doc["path"]["paths"][0]["hops"]],
                         ["Alex Kim", "Blake Chen", "Dana Smith"])
        kept = self.raw("--db", doc["store"], "--json", "contact", "list")
        # A dozen, and Lena Vogel, whom Hugo suggested.
        self.assertEqual(len(kept.json()), 13)
        completed = json.loads(self.raw("--db", doc["store"], "--json", "interview", "list", "--status",
                                        "completed").out)
        self.assertEqual(len(completed), 2)
        self.assertTrue(all(i["advice"] for i in completed))


def main():
    global BIN
    if len(sys.argv) < 2:
        sys.exit("usage: test_cli.py PATH-TO-INFOVIEW [unittest options]")
    BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", BIN) or not os.access(BIN, os.X_OK):
        sys.exit(f"test_cli.py: {BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
