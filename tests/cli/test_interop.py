#!/usr/bin/env python3
"""End-to-end tests of `infoview import` and `infoview export`.

Usage: test_interop.py PATH-TO-INFOVIEW [unittest options]

A new user's day one: a LinkedIn export comes in (again, without
duplicates), the agenda and `contact show` work on the people at once, a
hostile file writes nothing, a backup goes out and comes back, and a large
import runs in bounded memory with a progress bar on a terminal.
"""

import json
import os
import pty
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

PREAMBLE = (
    "Notes:\r\n"
    "\"When exporting your connection data, you may notice that some of the email "
    "addresses are missing. You will only see email addresses for connections who "
    "have allowed their connections to see or download their email address.\"\r\n"
    "\r\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def linkedin(rows, bom=True):
    """A Connections.csv as LinkedIn writes it: BOM, the Notes preamble, CRLF."""
    text = PREAMBLE + HEADER + "".join(rows)
    return ("\ufeff" if bom else "") + text


def person(i):
    """An invented connection, row i (quotes, a comma in the company on some)."""
    company = f'"Acme {i % 50}, Inc."' if i % 3 == 0 else f"Initech {i % 40}"
    email = f"person{i}@example.org" if i % 4 else ""
    return (f"First{i},Last{i},https://www.linkedin.com/in/person-{i},{email},"
            f"{company},Engineer {i % 7},{1 + i % 28:02d} Mar 2024\r\n")


def write(path, text, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)
    return path


class ImportTest(CliTestCase):

    def setUp(self):
        super().setUp()
        self.csv = write(os.path.join(self.tmp, "Connections.csv"), linkedin([
            "Dana,Reyes,https://www.linkedin.com/in/dana-reyes,dana@pfizer.example,"
            "\"Pfizer, Inc.\",\"Director, \"\"Regulatory\"\" Affairs\",12 Mar 2024\r\n",
            "Alex,Kim,https://www.linkedin.com/in/alex-kim,,Initech,,01 Feb 2023\r\n",
            ",,,nobody@example.org,,,\r\n",
            ",,,,,,\r\n",
        ]))

    def test_a_linkedin_export_comes_in_once(self):
        r = self.ok("import", "linkedin", self.csv)
        self.assertIn("2 added, 0 merged, 0 unchanged, 1 skipped", r.out)
        self.assertRegex(r.out, r"line 7: skipped: no name")
        dana = self.js("contact", "list", "--company", "Pfizer, Inc.")
        self.assertEqual([c["name"] for c in dana], ["Dana Reyes"])
        self.assertEqual(dana[0]["title"], 'Director, "Regulatory" Affairs')
        self.assertEqual(dana[0]["emails"], ["dana@pfizer.example"])
        self.assertEqual(dana[0]["known"], "direct")
        self.assertTrue(dana[0]["last_interaction"].startswith("2024-03-12"))
        # Again: nothing added.
        r = self.ok("import", "linkedin", self.csv)
        self.assertIn("0 added, 0 merged, 2 unchanged, 1 skipped", r.out)
        self.assertEqual(len(self.js("contact", "list")), 2)

    def test_the_agenda_and_contact_show_work_on_imported_people_at_once(self):
        self.ok("import", "linkedin", self.csv)
        self.ok("agenda")
        r = self.ok("contact", "show", "Dana Reyes")
        self.assertIn("Pfizer, Inc.", r.out)
        shown = self.js("contact", "show", "Alex Kim")
        self.assertEqual(shown["contact"]["url"] if "contact" in shown else shown["url"],
                         "https://www.linkedin.com/in/alex-kim")

    def test_a_dry_run_writes_nothing(self):
        r = self.ok("import", "linkedin", self.csv, "--dry-run")
        self.assertIn("nothing was written", r.out)
        self.assertIn("would add 2", r.out.lower())
        self.assertEqual(self.js("contact", "list"), [])

    def test_the_report_in_json(self):
        doc = self.js("import", "linkedin", self.csv, "--tag", "linkedin")
        self.assertEqual((doc["added"], doc["merged"], doc["unchanged"]), (2, 0, 0))
        self.assertEqual(doc["skipped"], [{"line": 7, "reason": "no name"}])
        self.assertEqual(len(self.js("contact", "list", "--tag", "linkedin")), 2)

    def test_standard_input(self):
        with open(self.csv, encoding="utf-8", newline="") as f:
            r = self.ok("import", "linkedin", "-", stdin=f.read())
        self.assertIn("2 added", r.out)

    def test_a_latin1_file_is_refused_naming_the_line_and_nothing_is_written(self):
        bad = write(os.path.join(self.tmp, "latin1.csv"),
                    linkedin([person(1), "Ren\u00e9e,M\u00fcller,,,Caf\u00e9,,01 Mar 2024\r\n"], bom=False),
                    encoding="latin-1")
        r = self.iv("import", "linkedin", bad)
        self.assertFailure(r, "line 6")
        self.assertIn("UTF-8", r.err)
        self.assertIn("latin1.csv", r.err)
        self.assertEqual(self.js("contact", "list"), [])

    def test_binary_data_is_refused(self):
        path = os.path.join(self.tmp, "photo.csv")
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        r = self.iv("import", "csv", path)
        self.assertEqual(r.rc, 1, r.err)
        self.assertIn("line 1", r.err)
        self.assertEqual(self.js("contact", "list"), [])

    def test_a_missing_file_and_a_wrong_format_are_named(self):
        self.assertFailure(self.iv("import", "linkedin", os.path.join(self.tmp, "nope.csv")), "nope.csv")
        self.assertUsage(self.iv("import", "ics", self.csv), "'ics' can be exported, not imported",
                         "infoview import")
        self.assertUsage(self.iv("import", "linkedin"), "missing", "infoview import")

    def test_a_progress_bar_on_a_terminal(self):
        big = write(os.path.join(self.tmp, "big.csv"), linkedin([person(i) for i in range(3000)]))
        master, slave = pty.openpty()
        proc = subprocess.Popen([test_cli.BIN, "--db", self.db, "import", "linkedin", big], env=self.env,
                                stdout=subprocess.PIPE, stderr=slave)
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
        out = proc.stdout.read().decode()
        proc.wait(timeout=120)
        proc.stdout.close()
        self.assertEqual(proc.returncode, 0)
        err = b"".join(chunks).decode()
        self.assertIn("Importing", err)
        self.assertIn("100%", err)
        self.assertIn("3000 added", out)
        # Piped, no bar.
        r = self.ok("import", "linkedin", big)
        self.assertEqual(r.err, "")


class BoundedMemoryTest(CliTestCase):
    """Peak memory does not grow with the file: 10x the rows, about the same peak."""

    def peak_kib(self, rows):
        path = write(os.path.join(self.tmp, f"c{rows}.csv"), linkedin([person(i) for i in range(rows)]))
        db = os.path.join(self.tmp, f"s{rows}.db")
        proc = subprocess.Popen([test_cli.BIN, "--db", db, "import", "linkedin", path], env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        out = proc.stdout.read().decode()
        proc.stdout.close()
        proc.stderr.close()
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        self.assertIn(f"{rows} added", out)
        return usage.ru_maxrss

    def test_peak_memory_does_not_follow_the_file(self):
        small, large = self.peak_kib(2000), self.peak_kib(20000)
        self.assertLess(large - small, 16 * 1024, f"peak {small} KiB at 2,000 rows, {large} KiB at 20,000")

    def test_a_100_mb_line_is_refused_in_bounded_memory(self):
        path = os.path.join(self.tmp, "huge.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("Name,Notes\nAda,short\nBea,")
            chunk = "x" * (1 << 20)
            for _ in range(100):
                f.write(chunk)
            f.write("\n")
        proc = subprocess.Popen([test_cli.BIN, "--db", self.db, "import", "csv", path], env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        err = proc.stderr.read().decode()
        proc.stdout.close()
        proc.stderr.close()
        self.assertEqual(os.waitstatus_to_exitcode(status), 1, err)
        self.assertIn("line 3", err)
        self.assertLess(usage.ru_maxrss, 200 * 1024)
        self.assertEqual(self.js("contact", "list"), [])


class ExportTest(CliTestCase):

    def setUp(self):
        super().setUp()
        self.dana = self.add_contact("Dana Reyes", "--company", "Pfizer", "--email", "dana@pfizer.example")

    def test_export_to_a_file_says_what_it_wrote(self):
        out = os.path.join(self.tmp, "all.vcf")
        r = self.ok("export", "vcard", "-o", out)
        self.assertEqual(r.out, "")
        self.assertIn("Wrote 1 record to", r.err)
        with open(out, encoding="utf-8") as f:
            self.assertIn("BEGIN:VCARD", f.read())

    def test_a_backup_goes_out_and_comes_back_the_same(self):
        self.ok("note", "add", self.dana, "Met at the BIO conference")
        first = self.ok("export", "json").out
        json.loads(first)
        other = os.path.join(self.tmp, "other.db")
        path = write(os.path.join(self.tmp, "backup.json"), first)
        r = self.raw("--db", other, "import", "json", path)
        self.assertEqual(r.rc, 0, r.err)
        again = self.raw("--db", other, "export", "json")
        self.assertEqual(again.out, first)
        # Not into a store with records.
        r = self.iv("import", "json", path)
        self.assertFailure(r, "empty store")

    def test_wrong_options_are_usage_errors(self):
        self.assertUsage(self.iv("export", "ics", "--vcard3"), "--vcard3 is for 'export vcard'",
                         "infoview export")
        self.assertUsage(self.iv("export", "linkedin"), "'linkedin' can be imported, not exported",
                         "infoview export")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_interop.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", test_cli.BIN) or not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_interop.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
