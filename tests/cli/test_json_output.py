#!/usr/bin/env python3
"""End-to-end tests of --json written with jansson (issue 9): non-ASCII
text comes out as itself, characters a terminal would act on come out as
\\u escapes that parse back to the same text, and a long listing, written
record by record, is one well-formed document laid out as
json.dumps(indent=2) lays it out.

Usage: test_json_output.py PATH-TO-INFOVIEW [unittest options]

Reuses the helpers of test_cli.py (a store per test, --db and --now
passed, TZ=UTC).
"""

import json
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

NAME = "Zoë Ångström-日本 🙂"
COMPANY = "Société Générale"


def layout(doc):
    """The text json.dumps() gives with two-space indents and UTF-8 kept."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


class JsonOutputTest(CliTestCase):
    def test_non_ascii_text_is_written_as_utf8(self):
        self.add_contact(NAME, "--company", COMPANY)
        out = self.ok("--json", "contact", "list").out
        self.assertIn(f'"name": "{NAME}"', out)
        self.assertIn(f'"company": "{COMPANY}"', out)
        self.assertNotIn("\\u00eb", out.lower())
        self.assertEqual(json.loads(out)[0]["name"], NAME)

    def test_multi_line_text_is_escaped_and_parses_back(self):
        about = 'line one\n\tindented "quoted" back\\slash\r\nlast'
        self.add_contact("Dana Reyes", "--about", about)
        out = self.ok("--json", "contact", "show", "Dana Reyes").out
        self.assertIn('"notes": "line one\\n\\tindented \\"quoted\\" back\\\\slash\\r\\nlast"', out)
        self.assertEqual(json.loads(out)["contact"]["notes"], about)

    def test_terminal_controls_are_escaped_and_parse_back(self):
        # U+202E reverses what follows on a terminal, U+0085 is a C1 control.
        name = "Dana \u202eReyes"
        company = "Acme\u0085Labs"
        self.add_contact(name, "--company", company)
        out = self.ok("--json", "contact", "list").out
        self.assertNotIn("\u202e", out)
        self.assertNotIn("\u0085", out)
        self.assertIn("Dana \\u202eReyes", out)
        self.assertIn("Acme\\u0085Labs", out)
        doc = json.loads(out)
        self.assertEqual(doc[0]["name"], name)
        self.assertEqual(doc[0]["company"], company)

    def test_a_long_listing_is_one_document_laid_out_as_json_dumps(self):
        for i in range(60):
            self.add_contact(f"Person {i:02d} ✓", "--company", f"Company \"{i % 7}\"",
                             "--email", f"p{i}@example.com", "--tag", "batch")
        out = self.ok("--json", "contact", "list").out
        doc = json.loads(out)
        self.assertEqual(len(doc), 60)
        self.assertEqual([c["name"] for c in doc], [f"Person {i:02d} ✓" for i in range(60)])
        self.assertEqual(doc[7]["emails"], ["p7@example.com"])
        self.assertEqual(out, layout(doc))

    def test_nested_listings_are_laid_out_as_json_dumps(self):
        dana = self.add_contact("Dana Reyes", "--email", "dana@example.com")
        iv = self.js("interview", "add", dana, "--purpose", "regulatory work")["interview"]["id"]
        self.ok("interview", "schedule", iv, "--at", "2026-03-03T10:00Z")
        self.ok("followup", "add", dana, "--due", "2026-03-02T17:00Z", "--note", "send the article")
        for args in (("agenda",), ("contact", "show", "Dana Reyes"), ("interview", "show", iv),
                     ("interview", "list"), ("followup", "list"), ("profile", "show")):
            with self.subTest(args=args):
                out = self.ok("--json", *args).out
                self.assertEqual(out, layout(json.loads(out)))

    def test_empty_listings_are_empty_arrays(self):
        for args in (("contact", "list"), ("interview", "list"), ("intro", "list")):
            with self.subTest(args=args):
                self.assertEqual(self.ok("--json", *args).out, "[]\n")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_json_output.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", test_cli.BIN) or not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_json_output.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
