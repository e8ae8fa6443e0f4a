#!/usr/bin/env python3
"""End-to-end tests of the request checker in the infoview program:
`infoview draft check [FILE]` and the check after `infoview draft request`.

Usage: test_check.py PATH-TO-INFOVIEW [unittest options]

It reuses test_cli.py's CliTestCase (a store of its own per test, a clean
environment, explicit --db and --now).
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

GOOD = (
    "Dear Dana,\n\n"
    "My name is Sam Rivera. After eight years as a hospital pharmacist, I am exploring "
    "regulatory affairs. Priya suggested I contact you, given your work at Pfizer.\n\n"
    "Would you be willing to talk for 20 minutes next week?\n\nBest,\nSam\n"
)

PARTS = ["who you are", "why them", "the ask"]


class DraftCheckTest(CliTestCase):
    """`infoview draft check`: a request you wrote yourself."""

    def check(self, text, *args):
        return self.iv("draft", "check", *args, stdin=text)

    def block(self, out):
        """The stdout block: {'words': '3 (at most 100)', 'who you are': 'missing', ...}."""
        found = {}
        for line in out.splitlines():
            for key in ["words"] + PARTS:
                if line.startswith(key + " "):
                    found[key] = line[len(key):].strip()
        return found

    def test_a_bare_ask_lacks_who_and_why(self):
        r = self.check("Can we talk?")
        self.assertEqual(r.rc, 0, r.err)
        self.assertEqual(self.block(r.out), {
            "words": "3 (at most 100)",
            "who you are": "missing",
            "why them": "missing",
            "the ask": "found",
        })
        self.assertNotIn("No problems found", r.out)
        self.assertEqual(r.err.splitlines(), [
            "infoview: warning: no introduction: say who you are in a sentence: "
            "your background and what you are exploring",
            "infoview: warning: no reason given: say why them: their role, their work or story, "
            "or who suggested you write",
        ])

    def test_a_complete_request_from_a_file_has_no_problem(self):
        path = os.path.join(self.tmp, "request.txt")
        with open(path, "w") as f:
            f.write(GOOD)
        r = self.iv("draft", "check", path)
        self.assertEqual(r.rc, 0, r.err)
        block = self.block(r.out)
        self.assertEqual([block[p] for p in PARTS], ["found"] * 3)
        self.assertRegex(block["words"], r"^\d+ \(at most 100\)$")
        self.assertIn("No problems found.", r.out)
        self.assertEqual(r.err, "")

    def test_json_gives_words_parts_and_warnings(self):
        doc = self.js("draft", "check", stdin="I would like to talk with you.")
        self.assertEqual(set(doc), {"words", "parts", "warnings"})
        self.assertEqual(doc["words"], 7)
        self.assertEqual(doc["parts"], {"who": False, "why": False, "ask": False})
        self.assertEqual([w["code"] for w in doc["warnings"]],
                         ["no_introduction", "no_reason", "no_question"])
        for w in doc["warnings"]:
            self.assertEqual(set(w), {"code", "message"})
            self.assertTrue(w["message"])
        doc = self.js("draft", "check", stdin=GOOD)
        self.assertEqual(doc["parts"], {"who": True, "why": True, "ask": True})
        self.assertEqual(doc["warnings"], [])

    def test_negation_and_job_as_a_topic_are_no_job_ask(self):
        text = GOOD.replace(
            "Would you",
            "I am not asking for a job; I've been reading about the CRA job market. Would you")
        doc = self.js("draft", "check", stdin=text)
        self.assertEqual(doc["warnings"], [])
        r = self.check(text)
        self.assertEqual(r.err, "")

    def test_a_referral_is_a_job_ask(self):
        text = GOOD.replace("Would you", "Could you refer me for the opening on your team? Would you")
        doc = self.js("draft", "check", stdin=text)
        self.assertEqual([w["code"] for w in doc["warnings"]], ["asks_for_job"])
        r = self.check(text)
        self.assertEqual(r.rc, 0)
        self.assertIn("infoview: warning: asks for a job", r.err)

    def test_over_100_words_is_too_long(self):
        text = GOOD.replace("Best,", "word " * 80 + "\n\nBest,")
        doc = self.js("draft", "check", stdin=text)
        self.assertGreater(doc["words"], 100)
        self.assertEqual([w["code"] for w in doc["warnings"]], ["too_long"])

    def test_a_question_only_inside_quotes_asks_nothing(self):
        text = GOOD.replace(
            "Would you be willing to talk for 20 minutes next week?",
            'Your keynote, "Why do trials fail?", stayed with me.')
        doc = self.js("draft", "check", stdin=text)
        self.assertFalse(doc["parts"]["ask"])
        self.assertEqual([w["code"] for w in doc["warnings"]], ["no_question"])

    def test_a_text_that_is_not_utf8_fails(self):
        path = os.path.join(self.tmp, "bad.txt")
        with open(path, "wb") as f:
            f.write(b"Can we talk\xff?")
        r = self.iv("draft", "check", path)
        self.assertFailure(r, "text: invalid UTF-8")

    def test_a_missing_file_fails(self):
        r = self.iv("draft", "check", os.path.join(self.tmp, "nope.txt"))
        self.assertFailure(r, "cannot read")

    def test_no_message_shows_a_c_constant(self):
        for text in ["Can we talk?", "Could you refer me", GOOD, ""]:
            r = self.check(text)
            self.assertNotIn("IV_", r.out + r.err)


class DraftRequestCheckTest(CliTestCase):
    """The check after `infoview draft request`."""

    def setUp(self):
        super().setUp()
        self.ok("profile", "set", "--name", "Sam Rivera", "--background",
                "eight years as a hospital pharmacist", "--exploring",
                "exploring a move into regulatory affairs")
        self.add_contact("Dana Smith", "--company", "Pfizer", "--title", "Director")
        self.iv_id = self.js("interview", "add", "Dana Smith", "--purpose",
                             "regulatory work")["interview"]["id"]

    def template(self, text):
        path = os.path.join(self.tmp, "template.txt")
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_the_draft_goes_to_stdout_and_the_check_to_stderr(self):
        t = self.template("Hi {contact.first_name}, can we talk?\n")
        r = self.ok("draft", "request", self.iv_id, "--template", t)
        # the message, after its To: and Subject: lines
        self.assertTrue(r.out.endswith("\n\nHi Dana, can we talk?\n"), r.out)
        self.assertTrue(r.out.startswith("To: Dana Smith\n"), r.out)
        lines = r.err.splitlines()
        self.assertEqual(lines[0], "infoview: check: 5 words (at most 100); who you are: missing; "
                                   "why them: missing; the ask: found")
        # the checker's findings, then what the draft is missing (Dana's e-mail)
        self.assertEqual([line.split(":")[2].strip() for line in lines[1:3]],
                         ["no introduction", "no reason given"])
        self.assertIn("contact.email is empty", lines[3])

    def test_json_carries_the_parts_with_the_text(self):
        t = self.template("I am {me.name}. Could you refer me to your recruiter?\n")
        doc = self.js("draft", "request", self.iv_id, "--template", t)
        self.assertTrue({"text", "words", "parts", "warnings", "to", "subject"} <= set(doc), doc)
        self.assertEqual(doc["text"], "I am Sam Rivera. Could you refer me to your recruiter?\n")
        self.assertEqual(doc["words"], 11)
        self.assertEqual(doc["parts"], {"who": True, "why": False, "ask": False})
        # the checker's codes, then the draft's missing e-mail
        self.assertEqual([w["code"] for w in doc["warnings"]], ["no_reason", "no_question", "asks_for_job", "missing"])


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_check.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_check.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
