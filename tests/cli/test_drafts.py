#!/usr/bin/env python3
"""End-to-end tests of `infoview draft` and `infoview template`.

Usage: test_drafts.py PATH-TO-INFOVIEW [unittest options]

Reuses the stores, runners and the two-hop story (Alex -> Blake -> Dana)
of test_cli.py.
"""

import os
import re
import stat
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase, StoryBase  # noqa: E402

# What a missing value leaves behind in a sentence.
HOLES = [", ,", "as  at", "After ,", "  ", " .", " ,", "{", "}", "as at", "about .", "Dear ,", "Hi ,"]


class DraftStory(StoryBase):
    """The story of test_cli.py, with e-mails for Blake and Dana, up to the talk with Dana."""

    def setUp(self):
        super().setUp()
        self.ok("contact", "edit", self.blake, "--email", "blake@example.com")
        self.ok("contact", "edit", self.dana, "--email", "dana@example.com")

    def talk_with(self, who, via, purpose="regulatory work", day="2026-03-02"):
        """Requests, schedules and completes an interview with `who`; returns its id."""
        iv = self.js("interview", "add", who, "--via", via, "--purpose", purpose,
                     now=f"{day}T09:00")["interview"]["id"]
        self.ok("interview", "request", iv, now=f"{day}T09:30")
        self.ok("interview", "schedule", iv, "--at", f"{day}T15:00", "--medium", "video", now=f"{day}T10:00")
        self.ok("interview", "complete", iv, "--advice", "Join TOPRA", "--resource", "the RAC guide",
                now=f"{day}T15:45")
        return iv

    def followup_of(self, rule_prefix, contact=None, status=None):
        """The one follow-up whose rule starts with `rule_prefix` (to `contact`)."""
        fus = self.js("followup", "list", "--all")
        found = [f for f in fus if (f["rule"] or "").startswith(rule_prefix)
                 and (contact is None or f["contact"] == contact)]
        self.assertEqual(len(found), 1, fus)
        return found[0]["id"]

    def editor(self, name, body):
        """A script that stands for an editor: it runs `body` (sh) with the file as $1."""
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, stat.S_IRWXU)
        return path

    def with_env(self, **extra):
        env = dict(self.env)
        env.update(extra)
        return env

    def run_env(self, env, *args, now="2026-03-03T09:00"):
        return self.raw("--db", self.db, "--now", now, *args, env=env)


class ChainTest(DraftStory):
    def test_upstream_introducer_is_thanked_for_whom_he_introduced_and_the_chain(self):
        self.talk_with("Dana Smith", self.bd)
        fu = self.followup_of("thank_introducer:", self.alex)
        doc = self.js("draft", fu, now="2026-03-02T19:00")
        self.assertIn("Thank you for introducing me to Blake Chen, who in turn put me in touch with Dana Smith.",
                      doc["text"])
        self.assertNotIn("introducing me to Dana", doc["text"])
        self.assertEqual(doc["to"], "alex@example.com")
        self.assertEqual(doc["subject"], "Thank you for introducing me to Blake")
        self.assertTrue(doc["text"].startswith("Hi Alex,\n\n"))
        self.assertEqual(doc["kind"], "thanks_introducer")

    def test_direct_introducer_is_thanked_for_the_interviewee(self):
        self.talk_with("Dana Smith", self.bd)
        fu = self.followup_of("thank_introducer:", self.blake)
        out = self.ok("draft", fu).out
        self.assertTrue(out.startswith("To: Blake Chen <blake@example.com>\n"
                                       "Subject: Thank you for introducing me to Dana\n\nDear Blake,\n"), out)
        self.assertIn("Thank you for introducing me to Dana Smith. We had", out)
        self.assertNotIn("in turn", out)
        # `draft thanks` says the same.
        self.assertEqual(self.ok("draft", "thanks", fu).out, out)

    def test_introducer_thanked_before_gets_news_of_what_came_of_it(self):
        self.talk_with("Blake Chen", self.ab, day="2026-02-24")
        first = self.followup_of("thank_introducer:", self.alex)
        self.assertIn("Thank you for introducing me to Blake Chen.", self.js("draft", first)["text"])
        self.ok("followup", "done", first, now="2026-02-24T19:00")
        self.talk_with("Dana Smith", self.bd)
        fus = [f for f in self.js("followup", "list") if f["kind"] == "thank_introducer" and f["contact"] == self.alex]
        self.assertEqual(len(fus), 1)
        doc = self.js("draft", fus[0]["id"])
        self.assertEqual(doc["kind"], "introducer_update")
        self.assertIn("I wanted to let you know that Blake put me in touch with Dana Smith, and Dana and I had "
                      "a very helpful conversation.", doc["text"])
        self.assertNotIn("Thank you for introducing", doc["text"])


class EveryKindTest(DraftStory):
    def test_every_follow_up_kind_has_to_and_subject_lines(self):
        iv = self.talk_with("Dana Smith", self.bd)
        self.ok("followup", "add", "Dana Smith", "--due", "2026-04-01", "--kind", "check-in")
        self.ok("followup", "add", "Dana Smith", "--due", "2026-04-01", "--kind", "custom", "--interview", iv)
        kinds = set()
        for f in self.js("followup", "list", "--all"):
            r = self.ok("draft", f["id"])
            lines = r.out.split("\n")
            self.assertTrue(lines[0].startswith("To: "), r.out)
            self.assertTrue(lines[1].startswith("Subject: ") and len(lines[1]) > len("Subject: "), r.out)
            self.assertEqual(lines[2], "")
            for hole in HOLES:
                self.assertNotIn(hole, r.out, f"{f['kind']}: {r.out}")
            kinds.add(self.js("draft", f["id"])["kind"])
        self.assertEqual(kinds, {"thanks", "thanks_introducer", "report_back", "check_in", "custom",
                                 "nudge_other", "nudge_followup"})

    def test_json_gives_to_subject_text_and_warnings(self):
        self.talk_with("Dana Smith", self.bd)
        fu = self.followup_of("report_back:")
        doc = self.js("draft", fu)
        for key in ("to", "subject", "text", "warnings"):
            self.assertIn(key, doc)
        self.assertEqual(doc["to"], "dana@example.com")
        self.assertEqual(doc["subject"], "What I did with your advice")
        self.assertIn("- Join TOPRA", doc["text"])
        self.assertIn("You also pointed me to the RAC guide.", doc["text"])
        self.assertEqual([w["field"] for w in doc["warnings"]], ["text"])
        self.assertFalse(doc["kept"])

    def test_nudge_to_reach_out_names_people_at_the_same_company_first(self):
        pat = self.js("contact", "add", "Pat Lee", "--direct", "--company", "Pfizer",
                      "--email", "pat@example.com")["id"]
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "regulatory work")["interview"]["id"]
        self.ok("interview", "request", iv, now="2026-03-02T09:30")
        fu = self.followup_of("nudge_other:")
        doc = self.js("draft", fu, now="2026-03-05T10:00")
        names = [s["name"] for s in doc["suggestions"]]
        self.assertEqual(names[0], "Pat Lee")
        self.assertNotIn("Dana Smith", names)
        self.assertLessEqual(len(names), 3)
        self.assertEqual(set(names), {"Pat Lee", "Alex Kim", "Casey Jones"})
        self.assertEqual(doc["contact"], pat)
        self.assertEqual(doc["to"], "pat@example.com")
        self.assertIn("Hi Pat,", doc["text"])
        r = self.ok("draft", fu, now="2026-03-05T10:00")
        self.assertIn("infoview: suggested: Pat Lee", r.err)

    def test_intro_request_is_a_note_to_forward(self):
        erin = self.js("contact", "add", "Erin Ray", "--introduced", "--company", "Roche",
                       "--title", "Medical Science Liaison")["id"]
        intro = self.js("intro", "add", "--by", "Casey Jones", "--to", erin)["id"]
        doc = self.js("draft", "intro", intro)
        self.assertEqual(doc["subject"], "Could you introduce me to Erin?")
        self.assertIn("Hi Casey,\n\nWould you be willing to introduce me to Erin Ray at Roche?", doc["text"])
        self.assertIn("> Sam Rivera, after eight years as a hospital pharmacist, is exploring a move into "
                      "regulatory affairs, and would value 20-30 minutes by phone or video to learn from "
                      "Erin's experience as a Medical Science Liaison at Roche.", doc["text"])
        self.assertEqual(doc["intro"], intro)
        made = self.ab
        r = self.iv("draft", "intro", made)
        self.assertEqual(r.rc, 1)
        self.assertIn("only a suggested or requested one", r.err)

    def test_direct_contact_gets_an_informal_request_and_the_medium(self):
        iv = self.js("interview", "add", "Alex Kim", "--purpose", "your move into consulting",
                     "--medium", "in-person")["interview"]["id"]
        out = self.ok("draft", "request", iv).out
        self.assertIn("\nHi Alex,\n\nAs you may know, I am exploring a move into regulatory affairs.", out)
        self.assertNotIn("My name is", out)
        self.assertIn("20-30 minutes in person, perhaps over coffee, at a time", out)
        self.assertTrue(out.endswith("\nBest,\nSam\n"), out)


class EmptyFieldsTest(CliTestCase):
    def test_an_empty_profile_leaves_no_hole_and_names_what_to_fill_in(self):
        cid = self.js("contact", "add", "Dana Smith", "--cold")["id"]
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "regulatory work")["interview"]["id"]
        r = self.ok("draft", "request", iv)
        for hole in HOLES:
            self.assertNotIn(hole, r.out)
        self.assertIn("My name is [your name].\n\nI am reaching out because of your experience, and I would like "
                      "to learn about regulatory work.", r.out)
        self.assertIn("profile.name is empty", r.err)
        self.assertIn("(infoview profile set --name NAME)", r.err)
        self.assertIn("(infoview profile set --background TEXT)", r.err)
        self.assertIn("(infoview profile set --exploring TEXT)", r.err)
        self.assertRegex(r.err, r"contact\.title is empty for Dana Smith: .*\(infoview contact edit \S+ --title TITLE\)")
        doc = self.js("draft", "request", iv)
        fields = {w["field"]: w for w in doc["warnings"] if w["code"] == "missing"}
        self.assertEqual(set(fields), {"profile.name", "profile.background", "profile.exploring", "contact.title",
                                       "contact.company", "contact.email"})
        self.assertEqual(fields["profile.background"]["hint"], "infoview profile set --background TEXT")
        ref = re.search(r"contact edit (\S+) --title", fields["contact.title"]["hint"]).group(1)
        self.assertEqual(self.js("contact", "show", ref)["contact"]["id"], cid)
        self.assertIsNone(doc["to"])
        # Filled in, the warnings go.
        self.ok("profile", "set", "--name", "Sam Rivera", "--background", "eight years as a pharmacist",
                "--exploring", "moving into regulatory affairs")
        self.ok("contact", "edit", cid, "--title", "Associate", "--company", "Pfizer", "--email", "d@example.com")
        doc = self.js("draft", "request", iv)
        self.assertEqual(doc["warnings"], [])
        self.assertIn("your experience as an Associate at Pfizer", doc["text"])
        # only the checker's summary line: nothing missing, nothing to warn about
        err = self.ok("draft", "request", iv).err
        self.assertEqual(err.splitlines(), [l for l in err.splitlines() if l.startswith("infoview: check: ")])
        self.assertIn("who you are: found; why them: found; the ask: found", err)


class EditTest(DraftStory):
    def test_edit_opens_the_editor_and_keeps_the_result(self):
        self.talk_with("Dana Smith", self.bd)
        fu = self.followup_of("thank_you:")
        ed = self.editor("ed.sh", 'grep -q "Dear Dana" "$1" && printf "Dear Dana,\\n\\nEdited by hand.\\n" > "$1"')
        r = self.run_env(self.with_env(EDITOR=ed), "draft", fu, "--edit")
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn("Subject: Thank you for your time\n\nDear Dana,\n\nEdited by hand.\n", r.out)
        self.assertEqual(self.js("followup", "show", fu)["draft"], "Dear Dana,\n\nEdited by hand.\n")
        # Next time the kept text is what draft shows; --fresh drafts anew.
        again = self.ok("draft", fu)
        self.assertIn("Edited by hand.", again.out)
        self.assertIn("--fresh", again.err)
        self.assertTrue(self.js("draft", fu)["kept"])
        fresh = self.js("draft", fu, "--fresh")
        self.assertFalse(fresh["kept"])
        self.assertIn("Join TOPRA", fresh["text"])

    def test_visual_wins_over_editor(self):
        self.talk_with("Dana Smith", self.bd)
        fu = self.followup_of("thank_you:")
        visual = self.editor("visual.sh", 'printf "From VISUAL\\n" > "$1"')
        broken = self.editor("broken.sh", "exit 3")
        r = self.run_env(self.with_env(VISUAL=visual, EDITOR=broken), "draft", fu, "--edit")
        self.assertEqual(r.rc, 0, r.err)
        self.assertEqual(self.js("followup", "show", fu)["draft"], "From VISUAL\n")

    def test_a_failing_editor_keeps_nothing(self):
        self.talk_with("Dana Smith", self.bd)
        fu = self.followup_of("thank_you:")
        broken = self.editor("broken.sh", 'printf "half" > "$1"; exit 3')
        r = self.run_env(self.with_env(EDITOR=broken), "draft", fu, "--edit")
        self.assertEqual(r.rc, 1)
        self.assertIn("failed; nothing was kept", r.err)
        self.assertIsNone(self.js("followup", "show", fu)["draft"])
        self.assertEqual([n for n in os.listdir(self.tmp) if n.startswith("infoview-draft-")], [])

    def test_a_request_is_kept_for_its_interview(self):
        iv = self.js("interview", "add", "Dana Smith", "--purpose", "regulatory work")["interview"]["id"]
        ed = self.editor("ed.sh", 'printf "Dear Dana,\\n\\nShort and mine. Could we talk?\\n" > "$1"')
        r = self.run_env(self.with_env(EDITOR=ed), "--json", "draft", "request", iv, "--edit")
        self.assertEqual(r.rc, 0, r.err)
        self.assertEqual(r.json()["text"], "Dear Dana,\n\nShort and mine. Could we talk?\n")
        doc = self.js("draft", "request", iv)
        self.assertTrue(doc["kept"])
        self.assertEqual(doc["text"], "Dear Dana,\n\nShort and mine. Could we talk?\n")
        self.assertEqual(doc["subject"], "Blake suggested I get in touch")
        self.assertIn("My name is Sam Rivera", self.js("draft", "request", iv, "--fresh")["text"])
        # --save keeps the text shown: here a fresh one replaces the edit.
        self.ok("draft", "request", iv, "--fresh", "--save")
        self.assertIn("My name is Sam Rivera", self.js("draft", "request", iv)["text"])
        self.ok("interview", "rm", iv)

    def test_save_keeps_the_draft_on_the_follow_up(self):
        self.talk_with("Dana Smith", self.bd)
        fu = self.followup_of("thank_introducer:", self.alex)
        doc = self.js("draft", fu, "--save")
        self.assertEqual(self.js("followup", "show", fu)["draft"], doc["text"])


class TemplateTest(DraftStory):
    def test_a_store_template_is_used_until_reset(self):
        self.talk_with("Dana Smith", self.bd)
        fu = self.followup_of("thank_you:")
        builtin = self.ok("template", "show", "thanks").out
        self.assertTrue(builtin.startswith("Subject: Thank you for your time\n"))
        path = os.path.join(self.tmp, "thanks.txt")
        with open(path, "w") as f:
            f.write("Subject: Thanks, {contact.first_name}!\n\n{greeting}, {advice} was spot on.\n{me.first_name}\n")
        self.ok("template", "set", "thanks", path)
        listed = {t["kind"]: t["custom"] for t in self.js("template", "list")}
        self.assertTrue(listed["thanks"])
        self.assertFalse(listed["check_in"])
        self.assertEqual(len(listed), 11)
        doc = self.js("draft", fu)
        self.assertEqual(doc["subject"], "Thanks, Dana!")
        self.assertEqual(doc["text"], "Dear Dana, Join TOPRA was spot on.\nSam\n")
        self.assertIn("{advice} was spot on", self.ok("template", "show", "thanks").out)
        self.assertEqual(self.ok("template", "show", "thanks", "--built-in").out, builtin)
        self.ok("template", "reset", "thanks")
        self.assertIn("Thank you for taking the time", self.js("draft", fu)["text"])
        self.assertFalse(self.js("template", "show", "thanks")["custom"])

    def test_a_bad_template_is_refused_and_changes_nothing(self):
        path = os.path.join(self.tmp, "bad.txt")
        with open(path, "w") as f:
            f.write("{?purpose}never closed")
        r = self.iv("template", "set", "request", path)
        self.assertEqual(r.rc, 1)
        self.assertIn("never closed by {/purpose}", r.err)
        self.assertFalse(self.js("template", "show", "request")["custom"])
        self.assertUsage(self.iv("template", "show", "memo"), "unknown kind of template 'memo'",
                         "infoview template show")

    def test_kinds_read_with_hyphens(self):
        self.ok("template", "set", "check-in", "-", stdin="Hello {contact.first_name}\n")
        self.assertTrue(self.js("template", "show", "check_in")["custom"])


class UsageTest(CliTestCase):
    def test_help_of_the_new_commands(self):
        for cmd in (["draft", "intro"], ["template"], ["template", "list"], ["template", "show"],
                    ["template", "set"], ["template", "reset"], ["draft", "thanks"], ["draft", "request"]):
            r = self.raw(*cmd, "--help")
            self.assertEqual(r.rc, 0, r.err)
            self.assertTrue(r.out.startswith("Usage: infoview"), r.out[:80])
        self.assertIn("infoview draft FOLLOWUP", self.raw("draft", "--help").out)
        self.assertFalse(os.path.exists(self.db))

    def test_draft_without_anything_is_still_a_usage_error(self):
        self.assertUsage(self.iv("draft"), "missing draft command", "infoview draft")

    def test_intro_drafts_are_not_kept(self):
        self.assertUsage(self.iv("draft", "intro", "01a2", "--save"), "unknown option '--save'",
                         "infoview draft intro")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_drafts.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", test_cli.BIN) or not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_drafts.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
