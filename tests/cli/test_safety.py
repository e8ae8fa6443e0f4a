#!/usr/bin/env python3
"""End-to-end tests of the infoview program's safety nets.

Usage: test_safety.py PATH-TO-INFOVIEW [unittest options]

Scheduling in the past needs --past; a scheduled interview can be re-timed
and moved back to requested (its nudges pending again); rm --cascade lists
what it removes and asks on a terminal; a contact whose name or e-mail is
taken needs --force; messages never name C constants; add and edit print a
one-line summary (-q the id, --json the record); times such as 10am, noon,
next fri and in 3 days are read. The helpers are test_cli.py's: each test
has a store of its own, TZ=UTC and --now fixed (Monday 2026-03-02 09:00).
"""

import os
import pty
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import NOW, CliTestCase  # noqa: E402


def ids_of(docs):
    return [d["id"] for d in docs]


def _numbers(case):
    """Every record's number by id, read through --json listings."""
    found = {}
    for kind in ("contact", "intro", "interview"):
        for r in case.js(kind, "list"):
            found[r["id"]] = r["number"]
    for status in ("pending", "done", "skipped", "cancelled"):
        for r in case.js("followup", "list", "--status", status):
            found[r["id"]] = r["number"]
    return found


def _is_ref(self, ref, record_id):
    """Whether a reference shown by infoview ("#12", or an id prefix) names the record."""
    if ref.startswith("#"):
        if record_id not in getattr(self, "numbers", {}):
            self.numbers = _numbers(self)
        return self.numbers.get(record_id) == int(ref[1:])
    return record_id.startswith(ref)


CliTestCase.is_ref = _is_ref


class InterviewBase(CliTestCase):
    """Priya Shah, asked for an interview on Monday 09:00 (NOW)."""

    def setUp(self):
        super().setUp()
        self.priya = self.add_contact("Priya Shah", "--company", "Acme", "--email", "priya@acme.example")
        self.iv_id = self.ok("interview", "add", "-q", "Priya Shah", "--purpose", "clinical research").out.strip()
        self.ok("interview", "request", self.iv_id)

    def interview(self):
        return self.js("interview", "show", self.iv_id)["interview"]

    def nudges(self):
        """The interview's nudges, every status, by rule name."""
        found = {}
        for fu in self.js("followup", "list", "--all"):
            rule = fu.get("rule") or ""
            if rule.endswith(":" + self.iv_id) and rule.startswith("nudge_"):
                found.setdefault(rule.split(":")[0], []).append(fu)
        return found


class PastScheduleTest(InterviewBase):
    def test_a_time_before_now_is_refused_and_changes_nothing(self):
        r = self.iv("interview", "schedule", self.iv_id, "--at", "yesterday 15:00")
        self.assertUsage(r, "--at: yesterday 15:00 is in the past; give --past", "infoview interview schedule")
        self.assertEqual(self.interview()["status"], "requested")
        self.assertEqual({k: [f["status"] for f in v] for k, v in self.nudges().items()},
                         {"nudge_other": ["pending"], "nudge_followup": ["pending"]})

    def test_past_logs_a_talk_already_arranged(self):
        doc = self.js("interview", "schedule", self.iv_id, "--at", "2026-02-27T15:00", "--past")
        self.assertEqual(doc["interview"]["status"], "scheduled")
        self.assertEqual(doc["interview"]["scheduled_at"], "2026-02-27T15:00:00Z")

    def test_now_and_later_need_no_past(self):
        self.assertEqual(self.js("interview", "schedule", self.iv_id, "--at", "now")["interview"]["status"],
                         "scheduled")

    def test_rescheduling_into_the_past_needs_past_too(self):
        self.ok("interview", "schedule", self.iv_id, "--at", "fri 3pm")
        self.assertUsage(self.iv("interview", "reschedule", self.iv_id, "--at", "-1h"), "is in the past",
                         "infoview interview reschedule")
        self.assertEqual(self.interview()["scheduled_at"], "2026-03-06T15:00:00Z")
        doc = self.js("interview", "reschedule", self.iv_id, "--at", "-1h", "--past")
        self.assertEqual(doc["interview"]["scheduled_at"], "2026-03-02T08:00:00Z")


class RetimeTest(InterviewBase):
    def test_reschedule_changes_time_medium_and_length_keeping_the_dates(self):
        self.ok("interview", "schedule", self.iv_id, "--at", "fri 3pm", now="2026-03-02T10:00")
        r = self.ok("interview", "reschedule", self.iv_id, "--at", "next mon 10am", "--medium", "video",
                    "--minutes", "45", now="2026-03-03T09:00")
        self.assertRegex(r.out, r"^Rescheduled interview (?:#\d+|[0-9a-f-]+) with Priya Shah \(scheduled "
                                r"Mon 10:00, 45 minutes, video, 4 questions\)\n$")
        doc = self.interview()
        self.assertEqual((doc["status"], doc["scheduled_at"], doc["medium"], doc["minutes"]),
                         ("scheduled", "2026-03-09T10:00:00Z", "video", 45))
        self.assertEqual(doc["status_at"]["requested"], "2026-03-02T09:00:00Z")
        self.assertEqual(doc["status_at"]["scheduled"], "2026-03-02T10:00:00Z")

    def test_reschedule_needs_a_scheduled_interview_and_a_change(self):
        self.assertFailure(self.iv("interview", "reschedule", self.iv_id, "--at", "fri 3pm"),
                           "is requested, not scheduled")
        self.assertUsage(self.iv("interview", "reschedule", self.iv_id), "nothing to change",
                         "infoview interview reschedule")

    def test_unschedule_goes_back_to_requested_and_reopens_the_nudges(self):
        self.ok("interview", "schedule", self.iv_id, "--at", "fri 3pm", now="2026-03-03T09:00")
        self.assertEqual({k: [f["status"] for f in v] for k, v in self.nudges().items()},
                         {"nudge_other": ["cancelled"], "nudge_followup": ["cancelled"]})
        r = self.ok("interview", "unschedule", self.iv_id, now="2026-03-04T09:00")
        self.assertIn("Interview with Priya Shah: back to requested", r.out)
        self.assertIn("Pending follow-ups", r.out)
        doc = self.interview()
        self.assertEqual(doc["status"], "requested")
        self.assertIsNone(doc["scheduled_at"])
        self.assertEqual(doc["status_at"]["requested"], "2026-03-02T09:00:00Z")
        self.assertIsNone(doc["status_at"]["scheduled"])
        nudges = self.nudges()
        # Due where the Monday request put them: Thursday, and Wednesday week.
        self.assertEqual([(f["status"], f["due"]) for f in nudges["nudge_other"]],
                         [("pending", "2026-03-05T09:00:00Z")])
        self.assertEqual([(f["status"], f["due"]) for f in nudges["nudge_followup"]],
                         [("pending", "2026-03-11T09:00:00Z")])

    def test_unschedule_after_the_nudges_passed_counts_from_then(self):
        self.ok("interview", "schedule", self.iv_id, "--at", "tomorrow 10am")
        self.ok("interview", "unschedule", self.iv_id, now="2026-03-12T09:00")
        nudges = self.nudges()
        self.assertEqual([f["due"] for f in nudges["nudge_other"]], ["2026-03-17T09:00:00Z"])
        self.assertEqual([f["due"] for f in nudges["nudge_followup"]], ["2026-03-23T09:00:00Z"])

    def test_back_and_forth_never_doubles_the_nudges(self):
        for hour in ("10:00", "12:00", "14:00"):
            self.ok("interview", "schedule", self.iv_id, "--at", "fri 3pm", now="2026-03-02T" + hour)
            self.ok("interview", "unschedule", self.iv_id, now="2026-03-02T" + hour.replace(":00", ":30"))
        nudges = self.nudges()
        self.assertEqual([len(nudges["nudge_other"]), len(nudges["nudge_followup"])], [1, 1])
        self.assertEqual(nudges["nudge_other"][0]["status"], "pending")

    def test_the_new_commands_have_help(self):
        for cmd in (["interview", "reschedule"], ["interview", "unschedule"]):
            r = self.raw(*cmd, "--help")
            self.assertEqual(r.rc, 0, r.err)
            self.assertTrue(r.out.startswith("Usage: infoview " + " ".join(cmd)), r.out)
        self.assertIn("reschedule INTERVIEW", self.raw("interview", "--help").out)
        self.assertIn("--past", self.raw("interview", "schedule", "--help").out)
        self.assertIn("next fri", self.raw("followup", "add", "--help").out)

    def test_unschedule_of_an_interview_not_scheduled_fails(self):
        r = self.iv("interview", "unschedule", self.iv_id)
        self.assertFailure(r, "only a scheduled interview can go back to requested")
        self.assertIn("is requested", r.err)


class CascadeTest(CliTestCase):
    """Alex introduced you to Priya, who introduced you to Sara; you asked
    Priya for an interview (two nudges) and plan one with Sara."""

    def setUp(self):
        super().setUp()
        self.alex = self.add_contact("Alex Kim")
        self.priya = self.add_contact("Priya Shah", "--company", "Acme")
        self.sara = self.add_contact("Sara Klein")
        self.ap = self.js("intro", "add", "--by", "Alex Kim", "--to", "Priya Shah", "--status", "made")["id"]
        self.ps = self.js("intro", "add", "--by", "Priya Shah", "--to", "Sara Klein", "--status", "made")["id"]
        self.iv_priya = self.ok("interview", "add", "-q", "Priya Shah", "--purpose", "p").out.strip()
        self.ok("interview", "request", self.iv_priya)
        self.iv_sara = self.ok("interview", "add", "-q", "Sara Klein", "--purpose", "s").out.strip()
        self.nudge_ids = [f["id"] for f in self.js("followup", "list", "--contact", "Priya Shah")]
        self.assertEqual(len(self.nudge_ids), 2)
        # what the cascade tests' records are numbered, read while they exist
        self.numbers = _numbers(self)

    def assertListed(self, out, kind, record_id):
        """A line `  KIND  REF  words` whose REF is a prefix of the record's id."""
        for line in out.splitlines():
            m = re.match(r"^  (\S+)\s+(#\d+|[0-9a-f-]+)  (.+)$", line)
            if m and m.group(1) == kind and self.is_ref(m.group(2), record_id):
                return m.group(3)
        self.fail(f"{kind} {record_id} not listed in:\n{out}")

    def test_without_cascade_the_message_counts_what_names_it(self):
        r = self.iv("contact", "rm", "Priya Shah")
        self.assertFailure(r, "is still named by 2 introductions, 1 interview and 2 follow-ups; "
                              "add --cascade to remove them too")
        self.assertEqual(len(self.js("contact", "list")), 3)
        self.assertFailure(self.iv("interview", "rm", self.iv_priya), "is still named by 2 follow-ups")
        self.assertFailure(self.iv("intro", "rm", self.ps), "is still named by 1 interview; add --cascade")

    def test_contact_rm_cascade_lists_what_it_removes(self):
        r = self.ok("contact", "rm", "Priya Shah", "--cascade")
        self.assertTrue(r.out.startswith("Removed contact Priya Shah, and with it 2 introductions, "
                                         "1 interview and 2 follow-ups:\n"), r.out)
        self.assertEqual(self.assertListed(r.out, "introduction", self.ap),
                         "Alex Kim introduces you to Priya Shah (email, made)")
        self.assertIn("introduces you to Sara Klein", self.assertListed(r.out, "introduction", self.ps))
        self.assertEqual(self.assertListed(r.out, "interview", self.iv_priya),
                         "with Priya Shah (requested, 30 minutes, 4 questions)")
        for fu in self.nudge_ids:
            self.assertIn("for Priya Shah: ", self.assertListed(r.out, "follow-up", fu))
        self.assertIn("Kept, no longer linked to it:\n", r.out)
        self.assertIn("with Sara Klein", self.assertListed(r.out.split("Kept")[1], "interview", self.iv_sara))
        # It did remove them, and only them.
        self.assertEqual(ids_of(self.js("intro", "list")), [])
        self.assertEqual(ids_of(self.js("interview", "list")), [self.iv_sara])
        self.assertIsNone(self.js("interview", "show", self.iv_sara)["interview"]["intro"])

    def test_json_lists_them_too(self):
        doc = self.js("contact", "rm", "Priya Shah", "--cascade")
        self.assertEqual(doc["removed"], self.priya)
        self.assertEqual(sorted((d["kind"], d["id"]) for d in doc["also_removed"]),
                         sorted([("intro", self.ap), ("intro", self.ps), ("interview", self.iv_priya)]
                                + [("followup", f) for f in self.nudge_ids]))
        self.assertEqual([(d["kind"], d["id"]) for d in doc["unlinked"]], [("interview", self.iv_sara)])
        for d in doc["also_removed"]:
            self.assertTrue(self.is_ref(d["ref"], d["id"]), d)

    def test_interview_and_intro_rm_cascade_list_theirs(self):
        r = self.ok("interview", "rm", self.iv_priya, "--cascade")
        self.assertIn("and with it 2 follow-ups:", r.out)
        for fu in self.nudge_ids:
            self.assertListed(r.out, "follow-up", fu)
        r = self.ok("intro", "rm", self.ps, "--cascade")
        self.assertIn("Removed introduction Priya Shah -> Sara Klein.", r.out)
        self.assertListed(r.out, "interview", self.iv_sara)
        self.assertEqual(ids_of(self.js("interview", "list")), [self.iv_sara])

    def on_terminal(self, *args, answer=None):
        """Runs a command with standard input on a pseudo-terminal, typing `answer`."""
        master, slave = pty.openpty()
        proc = subprocess.Popen([test_cli.BIN, "--db", self.db, "--now", NOW, *args], env=self.env,
                                stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        os.close(slave)
        if answer is not None:
            os.write(master, answer.encode())
        try:
            out, err = proc.communicate(timeout=60)
        finally:
            os.close(master)
        return proc.returncode, out, err

    def test_on_a_terminal_it_asks_and_no_keeps_everything(self):
        rc, out, err = self.on_terminal("contact", "rm", "Priya Shah", "--cascade", answer="n\n")
        self.assertEqual(rc, 1, err)
        self.assertIn("Removing contact ", out)
        self.assertIn("Priya Shah also removes:\n", out)
        self.assertListed(out, "interview", self.iv_priya)
        self.assertIn("Go ahead? [y/N] ", err)
        self.assertIn("infoview: nothing removed", err)
        self.assertEqual(len(self.js("contact", "list")), 3)
        self.assertEqual(len(self.js("intro", "list")), 2)

    def test_on_a_terminal_yes_removes(self):
        rc, out, err = self.on_terminal("contact", "rm", "Priya Shah", "--cascade", answer="y\n")
        self.assertEqual(rc, 0, err)
        self.assertIn("Go ahead? [y/N] ", err)
        self.assertIn("Removed contact Priya Shah, and with it 2 introductions, 1 interview and 2 follow-ups.",
                      out)
        self.assertEqual(len(self.js("contact", "list")), 2)

    def test_yes_skips_the_question(self):
        rc, out, err = self.on_terminal("interview", "rm", self.iv_priya, "--cascade", "--yes")
        self.assertEqual(rc, 0, err)
        self.assertNotIn("Go ahead", err)
        self.assertListed(out, "follow-up", self.nudge_ids[0])

    def test_nothing_to_take_along_asks_nothing(self):
        rc, out, err = self.on_terminal("interview", "rm", self.iv_sara, "--cascade")
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "")
        self.assertEqual(out, "Removed interview with Sara Klein.\n")


class DuplicateTest(CliTestCase):
    def setUp(self):
        super().setUp()
        self.priya = self.add_contact("Priya Shah", "--company", "Acme", "--email", "priya@acme.example")

    def test_the_same_name_is_refused_naming_the_contact(self):
        r = self.iv("contact", "add", "PRIYA shah", "--company", "Initech")
        self.assertEqual(r.rc, 1, r.err)
        m = re.search(r"infoview: a contact named 'PRIYA shah' already exists: (#\d+|[0-9a-f-]+) "
                      r"Priya Shah \(Acme, known directly\)\n", r.err)
        self.assertTrue(m, r.err)
        self.assertTrue(self.is_ref(m.group(1), self.priya))
        self.assertIn("give --force to add this contact anyway", r.err)
        self.assertEqual(r.out, "")
        self.assertEqual(ids_of(self.js("contact", "list")), [self.priya])

    def test_the_same_email_is_refused(self):
        r = self.iv("contact", "add", "P. Shah", "--email", "work@x.example", "--email", "Priya@ACME.example")
        self.assertFailure(r, "Priya@ACME.example is already the e-mail of ")
        self.assertIn("Priya Shah (Acme, known directly)", r.err)
        self.assertEqual(len(self.js("contact", "list")), 1)

    def test_force_adds_it_with_a_warning(self):
        r = self.ok("contact", "add", "Priya Shah", "--company", "Initech", "--force")
        self.assertIn("infoview: warning: a contact named 'Priya Shah' already exists", r.err)
        self.assertTrue(r.out.startswith("Added contact "), r.out)
        self.assertEqual([c["company"] for c in self.js("contact", "list")], ["Acme", "Initech"])

    def test_a_different_person_is_added_silently(self):
        r = self.ok("contact", "add", "Priya Sharma", "--email", "priya@other.example")
        self.assertEqual(r.err, "")

    def test_an_edit_to_a_taken_name_or_email_warns(self):
        self.add_contact("Tom Nguyen")
        r = self.ok("contact", "edit", "Tom Nguyen", "--name", "priya shah", "--email", "PRIYA@acme.example")
        self.assertIn("warning: a contact named 'priya shah' already exists", r.err)
        self.assertIn("warning: PRIYA@acme.example is already the e-mail of", r.err)
        self.assertTrue(r.out.startswith("Updated contact "), r.out)


class NoConstantTest(InterviewBase):
    """Whatever fails, nothing a user reads names a C constant."""

    def test_failing_commands_say_it_in_words(self):
        self.add_contact("Alex Kim")
        self.ok("intro", "add", "--by", "Alex Kim", "--to", "Priya Shah")
        done = self.js("interview", "add", "Alex Kim", "--purpose", "x")["interview"]["id"]
        self.ok("interview", "cancel", done)
        runs = [
            ("contact", "rm", "Priya Shah"),
            ("contact", "rm", "Alex Kim"),
            ("interview", "rm", self.iv_id),
            ("interview", "complete", self.iv_id),
            ("interview", "request", done),
            ("interview", "unschedule", self.iv_id),
            ("interview", "reschedule", self.iv_id, "--at", "fri 3pm"),
            ("interview", "schedule", self.iv_id, "--at", "-2d"),
            ("interview", "schedule", self.iv_id, "--at", "10"),
            ("contact", "add", "Priya Shah"),
            ("contact", "add", "X", "--email", "not-an-address"),
            ("contact", "show", "Nobody"),
            ("followup", "done", "ffffffff"),
            ("followup", "add", "Priya Shah", "--due", "someday"),
            ("intro", "add", "--by", "Alex Kim", "--to", "Priya Shah", "--channel", "pigeon"),
            ("rules", "set", "--thank-earliest", "30", "--thank-due", "24"),
        ]
        for args in runs:
            with self.subTest(args=args):
                r = self.iv(*args)
                self.assertNotEqual(r.rc, 0, r.out)
                self.assertNotRegex(r.out + r.err, r"IV_[A-Z]")
                j = self.iv("--json", *args)
                self.assertNotRegex(j.out + j.err, r"IV_[A-Z]")

    def test_the_library_refusal_maps_to_the_cascade_option(self):
        r = self.iv("interview", "rm", self.iv_id)
        self.assertIn("--cascade", r.err)
        self.assertNotIn("IV_", r.err)


class SummaryTest(CliTestCase):
    def test_contact_add_and_edit_print_a_line_with_a_reference_that_works(self):
        r = self.ok("contact", "add", "Priya", "Shah", "--company", "Acme")
        m = re.fullmatch(r"Added contact (#\d+|[0-9a-f-]+) Priya Shah \(Acme, known directly\)\n", r.out)
        self.assertTrue(m, r.out)
        cid = self.js("contact", "list")[0]["id"]
        self.assertTrue(self.is_ref(m.group(1), cid))
        self.assertEqual(self.js("contact", "show", m.group(1))["contact"]["id"], cid)
        r = self.ok("contact", "edit", m.group(1), "--cold", "--company", "")
        self.assertRegex(r.out, r"^Updated contact (?:#\d+|[0-9a-f-]+) Priya Shah \(a cold contact\)\n$")

    def test_q_prints_only_the_id_and_json_the_record(self):
        out = self.ok("contact", "add", "-q", "Tom Nguyen").out
        self.assertRegex(out, r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$")
        self.assertEqual(self.ok("contact", "edit", "--quiet", out.strip(), "--title", "CRA").out, out)
        doc = self.js("contact", "add", "Sara Klein", "--email", "sara@x.example")
        self.assertEqual((doc["name"], doc["emails"]), ("Sara Klein", ["sara@x.example"]))
        # -q wins over --json: a script gets the id alone.
        self.assertRegex(self.ok("--json", "contact", "add", "-q", "Ann Lee").out, r"^[0-9a-f-]{36}\n$")

    def test_intro_interview_and_followup_summaries(self):
        self.add_contact("Alex Kim")
        self.add_contact("Priya Shah")
        r = self.ok("intro", "add", "--by", "Alex Kim", "--to", "Priya Shah", "--status", "made")
        m = re.fullmatch(r"Added introduction (#\d+|[0-9a-f-]+): Alex Kim introduces you to Priya Shah "
                         r"\(email, made\)\n", r.out)
        self.assertTrue(m, r.out)
        self.assertRegex(self.ok("intro", "set", m.group(1), "--channel", "in-person").out,
                         r"^Updated introduction (?:#\d+|[0-9a-f-]+): Alex Kim introduces you to Priya Shah "
                         r"\(in-person, made\)\n$")
        self.assertRegex(self.ok("intro", "set", "-q", m.group(1), "--note", "n").out, r"^[0-9a-f-]{36}\n$")
        self.assertEqual(self.js("intro", "set", m.group(1), "--note", "lunch")["note"], "lunch")

        r = self.ok("interview", "add", "Priya Shah", "--purpose", "p", "--minutes", "20")
        m = re.fullmatch(r"Added interview (#\d+|[0-9a-f-]+) with Priya Shah \(planned, 20 minutes, 4 questions\)\n",
                         r.out)
        self.assertTrue(m, r.out)
        self.assertRegex(self.ok("interview", "edit", m.group(1), "--medium", "phone").out,
                         r"^Updated interview (?:#\d+|[0-9a-f-]+) with Priya Shah \(planned, 20 minutes, phone, "
                         r"4 questions\)\n$")
        self.assertRegex(self.ok("interview", "edit", "-q", m.group(1), "--notes", "x").out, r"^[0-9a-f-]{36}\n$")
        self.assertEqual(self.js("interview", "edit", m.group(1), "--notes", "y")["interview"]["notes"], "y")

        r = self.ok("followup", "add", "Priya Shah", "--due", "tomorrow 10am", "--note", "send the paper")
        m = re.fullmatch(r"Added follow-up (#\d+|[0-9a-f-]+) for Priya Shah: send the paper \(due tomorrow 10:00\)\n",
                         r.out)
        self.assertTrue(m, r.out)
        self.assertEqual(self.js("followup", "show", m.group(1))["note"], "send the paper")
        self.assertRegex(self.ok("followup", "add", "-q", "Priya Shah", "--due", "+1d").out, r"^[0-9a-f-]{36}\n$")

    def test_q_is_only_for_commands_that_store(self):
        self.assertUsage(self.iv("contact", "list", "-q"), "unknown option '-q'", "infoview contact list")


class TimeFormTest(CliTestCase):
    """Each form, read by `followup add --due` at Monday 2026-03-02 09:00 UTC."""

    def due(self, text, now=NOW):
        return self.js("followup", "add", "Dana Smith", "--due", text, now=now)["due"]

    def test_every_form(self):
        self.add_contact("Dana Smith")
        cases = {
            "10am": "2026-03-02T10:00:00Z",
            "3:30pm": "2026-03-02T15:30:00Z",
            "3:30 PM": "2026-03-02T15:30:00Z",
            "3 pm": "2026-03-02T15:00:00Z",
            "12am": "2026-03-02T00:00:00Z",
            "12pm": "2026-03-02T12:00:00Z",
            "noon": "2026-03-02T12:00:00Z",
            "midnight": "2026-03-02T00:00:00Z",
            "tomorrow 10am": "2026-03-03T10:00:00Z",
            "tomorrow at 10am": "2026-03-03T10:00:00Z",
            "tomorrow noon": "2026-03-03T12:00:00Z",
            "next fri": "2026-03-06T00:00:00Z",
            "next friday 9:15am": "2026-03-06T09:15:00Z",
            "next mon": "2026-03-09T00:00:00Z",
            "fri 3pm": "2026-03-06T15:00:00Z",
            "3pm fri": "2026-03-06T15:00:00Z",
            "Fri 3PM": "2026-03-06T15:00:00Z",
            "in 3 days": "2026-03-05T09:00:00Z",
            "in 2 hours": "2026-03-02T11:00:00Z",
            "in 30 minutes": "2026-03-02T09:30:00Z",
            "in 1 week": "2026-03-09T09:00:00Z",
            "in a day": "2026-03-03T09:00:00Z",
            "in an hour": "2026-03-02T10:00:00Z",
            # The forms of before still read the same.
            "tomorrow 15:00": "2026-03-03T15:00:00Z",
            "mon 10:30": "2026-03-09T10:30:00Z",
            "+3d": "2026-03-05T09:00:00Z",
            "2026-03-05T15:00": "2026-03-05T15:00:00Z",
        }
        for text, want in cases.items():
            with self.subTest(when=text):
                self.assertEqual(self.due(text), want)

    def test_relative_to_now(self):
        self.add_contact("Dana Smith")
        self.assertEqual(self.due("in 2 hours", now="2026-05-01T22:30"), "2026-05-02T00:30:00Z")
        self.assertEqual(self.due("next fri", now="2026-03-06T08:00"), "2026-03-13T00:00:00Z")
        self.assertEqual(self.due("noon", now="2026-03-06T13:00"), "2026-03-06T12:00:00Z")

    def test_local_time_honours_tz(self):
        self.add_contact("Dana Smith")
        self.env["TZ"] = "America/New_York"
        # 09:00 local on Monday is 14:00 UTC; 10am tomorrow local is 15:00 UTC.
        self.assertEqual(self.due("tomorrow 10am", now="2026-03-02T09:00"), "2026-03-03T15:00:00Z")
        # Across the change to summer time (8 March): 10am stays 10am, now 14:00 UTC.
        self.assertEqual(self.due("in 7 days", now="2026-03-02T10:00"), "2026-03-09T14:00:00Z")

    def test_ambiguous_or_invalid_times_list_the_accepted_forms(self):
        cases = {
            "10": "a number alone is ambiguous",
            "13pm": "with am or pm the hour is 1 to 12",
            "0am": "with am or pm the hour is 1 to 12",
            "3/4": "write a date as YYYY-MM-DD",
            "next": "'next' needs a weekday",
            "next tomorrow": "'next' needs a weekday",
            "in 3": "write 'in 3 days'",
            "in 3 fortnights": "the unit after 'in N' is minutes, hours, days or weeks",
            "tomorrow fri": "two days given",
            "10am 3pm": "two times of day given",
            "someday": "not a time",
        }
        for text, why in cases.items():
            with self.subTest(when=text):
                r = self.iv("followup", "add", "X", "--due", text)
                self.assertUsage(r, f"--due: cannot read '{text}' as a time ({why}", "infoview followup add")
                self.assertRegex(r.err, r"\); accepted forms: 2026-03-05, ")
                self.assertIn("10am", r.err)
                self.assertIn("next fri", r.err)
                self.assertIn("in 3 days", r.err)

    def test_now_reads_the_new_forms_too(self):
        # Relative to the clock, whatever day it is: the time of day is known.
        doc = self.js("contact", "add", "Dana Smith", now="tomorrow 10am")
        self.assertTrue(doc["created"].endswith("T10:00:00Z"), doc["created"])
        r = self.iv("agenda", now="10")
        self.assertUsage(r, "--now: cannot read '10' as a time (a number alone is ambiguous", "infoview")
        self.assertIn("accepted forms", r.err)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_safety.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", test_cli.BIN) or not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_safety.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
