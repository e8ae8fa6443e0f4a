#!/usr/bin/env python3
"""The JSON backup read by Python's own json module, as any other program
would read it, and 'infoview export json' / 'import json' end to end.

BackupFileTest checks what the format promises (see lib/backup.c) on the
backup test_backup writes (`test_backup sqlite --write FILE`: a store
with every kind and every field set): one JSON document, one record a
line, every member of every kind in a fixed order, RFC 3339 UTC times,
enumerations by name, references that resolve, each kind in the store's
documented order.

CliBackupTest drives the program (with the helpers of test_cli.py) on the
demo's story: export, json.load, restore into an empty store and export
again to the same bytes; a store with records, a broken backup and a dry
run write nothing.

Usage: test_backup.py BACKUP.json PATH-TO-INFOVIEW [unittest options]
"""

import datetime
import json
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

PATH = None

KINDS = ["settings", "contacts", "intros", "interviews", "followups", "notes", "targets"]

MEMBERS = {
    "settings": ["key", "value"],
    "contacts": ["id", "number", "created", "updated", "name", "emails", "phone", "company",
                 "title", "location", "url", "tags", "known", "cadence_days",
                 "last_interaction", "notes"],
    "intros": ["id", "number", "created", "updated", "introducer", "introduced", "channel",
               "status", "requested_at", "made_at", "note"],
    "interviews": ["id", "number", "created", "updated", "contact", "intro", "status",
                   "status_at", "medium", "scheduled_at", "minutes", "purpose", "questions",
                   "advice", "resources", "notes"],
    "followups": ["id", "number", "created", "updated", "contact", "interview", "kind",
                  "status", "earliest", "due", "closed_at", "rule", "note", "draft"],
    "notes": ["id", "number", "created", "contact", "at", "text"],
    "targets": ["id", "number", "created", "updated", "name", "aliases", "motivation", "posting",
                "rank", "note"],
}

TIMES = {
    "contacts": ["created", "updated", "last_interaction"],
    "intros": ["created", "updated", "requested_at", "made_at"],
    "interviews": ["created", "updated", "scheduled_at"],
    "followups": ["created", "updated", "earliest", "due", "closed_at"],
    "notes": ["created", "at"],
    "targets": ["created", "updated"],
}

ENUMS = {
    ("contacts", "known"): {"direct", "introduced", "cold"},
    ("intros", "channel"): {"email", "in_person", "phone", "message", "other"},
    ("intros", "status"): {"suggested", "requested", "made", "declined"},
    ("interviews", "status"): {"planned", "requested", "scheduled", "completed", "declined",
                               "no_response", "cancelled"},
    ("interviews", "medium"): {"unset", "phone", "video", "in_person"},
    ("followups", "kind"): {"thank_you", "thank_introducer", "nudge", "check_in",
                            "report_back", "custom"},
    ("followups", "status"): {"pending", "done", "skipped", "cancelled"},
}

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ODD_TEXT = 'Zoë said: "call me" \\ then\nleft — 李雷, tab\there'


def seconds(value):
    """A backup's time as seconds since the epoch (None for null)."""
    if value is None or isinstance(value, int):
        return value
    t = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    return int(t.replace(tzinfo=datetime.timezone.utc).timestamp())


def name_key(name):
    """Names as backends compare them: bytes, with only A-Z folded."""
    return bytes(b + 32 if 65 <= b <= 90 else b for b in name.encode("utf-8"))


class BackupFileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(PATH, encoding="utf-8") as f:
            cls.doc = json.load(f)
        with open(PATH, "rb") as f:
            cls.raw = f.read()

    def test_the_document_is_one_json_object_with_format_and_version_first(self):
        self.assertEqual(list(self.doc), ["format", "version"] + KINDS)
        self.assertEqual(self.doc["format"], "infoview-backup")
        self.assertEqual(self.doc["version"], 1)

    def test_each_record_is_a_line_of_its_own(self):
        lines = self.raw.decode("utf-8").split("\n")
        self.assertEqual(lines[0], '{"format": "infoview-backup", "version": 1,')
        self.assertEqual(lines[-2:], ["}", ""])
        at = 1
        for kind in KINDS:
            self.assertEqual(lines[at], '"%s": [' % kind)
            at += 1
            for record in self.doc[kind]:
                line = lines[at]
                self.assertEqual(json.loads(line[:-1] if line.endswith(",") else line), record)
                at += 1
            self.assertIn(lines[at], ("]", "],"))
            at += 1
        self.assertEqual(at, len(lines) - 2)

    def test_every_record_has_every_member_in_order(self):
        for kind in KINDS:
            self.assertTrue(self.doc[kind], kind)
            for record in self.doc[kind]:
                self.assertEqual(list(record), MEMBERS[kind], kind)

    def test_ids_are_lower_case_uuids_and_numbers_unique(self):
        for kind in KINDS[1:]:
            ids = [r["id"] for r in self.doc[kind]]
            numbers = [r["number"] for r in self.doc[kind]]
            for i in ids:
                self.assertRegex(i, UUID)
            self.assertEqual(len(set(ids)), len(ids))
            self.assertEqual(len(set(numbers)), len(numbers))
            self.assertTrue(all(isinstance(n, int) and n > 0 for n in numbers))

    def test_times_are_rfc3339_utc_or_null(self):
        for kind, keys in TIMES.items():
            for record in self.doc[kind]:
                for key in keys:
                    value = record[key]
                    if value is not None:
                        self.assertRegex(value, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
                        self.assertGreater(seconds(value), 0)
                self.assertIsNotNone(record["created"])

    def test_every_interview_status_has_its_time(self):
        (interview,) = self.doc["interviews"]
        self.assertEqual(list(interview["status_at"]), ["planned", "requested", "scheduled",
                                                        "completed", "declined", "no_response",
                                                        "cancelled"])
        times = [seconds(t) for t in interview["status_at"].values()]
        self.assertEqual(times, sorted(times))
        self.assertEqual(times[1] - times[0], 86400)

    def test_enumerations_are_names(self):
        for (kind, key), names in ENUMS.items():
            for record in self.doc[kind]:
                self.assertIn(record[key], names)

    def test_references_resolve(self):
        contacts = {c["id"] for c in self.doc["contacts"]}
        intros = {i["id"]: i for i in self.doc["intros"]}
        interviews = {i["id"] for i in self.doc["interviews"]}
        for i in self.doc["intros"]:
            self.assertIn(i["introducer"], contacts)
            self.assertIn(i["introduced"], contacts)
        for i in self.doc["interviews"]:
            self.assertIn(i["contact"], contacts)
            if i["intro"]:
                self.assertEqual(intros[i["intro"]]["introduced"], i["contact"])
        for f in self.doc["followups"]:
            self.assertIn(f["contact"], contacts)
            if f["interview"]:
                self.assertIn(f["interview"], interviews)
        for n in self.doc["notes"]:
            self.assertIn(n["contact"], contacts)

    def test_each_kind_is_in_the_stores_order(self):
        def ordered(records, key):
            keys = [key(r) for r in records]
            self.assertEqual(keys, sorted(keys))

        ordered(self.doc["settings"], lambda s: s["key"].encode())
        ordered(self.doc["contacts"], lambda c: (name_key(c["name"]), c["id"]))
        ordered(self.doc["intros"], lambda i: (seconds(i["created"]), i["id"]))
        ordered(self.doc["interviews"], lambda i: (seconds(i["created"]), i["id"]))
        ordered(self.doc["followups"], lambda f: (seconds(f["due"]), f["id"]))
        ordered(self.doc["notes"], lambda n: (seconds(n["at"]), n["id"]))
        names = [c["name"] for c in self.doc["contacts"]]
        # Folded, not byte order: "bob" < "Zed" and "_under" < "zed" only when Z is z.
        self.assertLess(names.index("bob"), names.index("Zed"))
        self.assertLess(names.index("_under"), names.index("Zed"))

    def test_text_comes_back_exactly(self):
        person = next(c for c in self.doc["contacts"] if c["name"] == "Zoë Ångström-李")
        self.assertEqual(person["notes"], ODD_TEXT)
        self.assertEqual(person["emails"], ["zoe@example.com", "z.angstrom@example.org"])
        self.assertEqual(person["tags"], ["régulation", 'met at "RAPS"'])
        self.assertEqual(person["company"], 'Fjord "Labs" AB')
        (interview,) = self.doc["interviews"]
        self.assertEqual(interview["questions"][2], {"question": "Unanswered?", "answer": None})
        self.assertEqual(interview["resources"][1], "Livre : « Réglementation »")
        (note,) = self.doc["notes"]
        self.assertEqual(note["text"], ODD_TEXT)

    def test_settings_hold_profile_rules_templates_requests_counters_and_yours(self):
        settings = {s["key"]: s["value"] for s in self.doc["settings"]}
        self.assertEqual(settings["iv.profile.name"], "Sam Rivera-Ñúñez")
        self.assertEqual(settings["iv.rules.report_back_days"], "21")
        self.assertTrue(settings["iv.template.thanks"].endswith('Merci — "vraiment".'))
        (interview,) = self.doc["interviews"]
        self.assertEqual(settings["iv.draft.request." + interview["id"]], ODD_TEXT)
        self.assertEqual(settings["my.setting"], ODD_TEXT)
        for kind, counter in (("contacts", "contact"), ("intros", "intro"),
                              ("interviews", "interview"), ("followups", "followup"),
                              ("notes", "note")):
            numbers = [r["number"] for r in self.doc[kind]]
            self.assertEqual(int(settings["iv.number." + counter]), max(numbers))


class CliBackupTest(CliTestCase):
    """The demo's story (a dozen contacts, an introduction chain, interviews
    in every state, follow-ups, a profile) plus a note, exported."""

    def setUp(self):
        super().setUp()
        out = self.raw("demo", "--keep").out
        self.db = re.search(r"--db (\S+) ", out).group(1)
        self.ok("note", "add", "Dana Smith", "Said: \"call me\" —\nafter the 5th")
        self.backup = os.path.join(self.tmp, "backup.json")
        self.ok("export", "json", "-o", self.backup)
        with open(self.backup, "rb") as f:
            self.raw_backup = f.read()

    def other(self, name="other.db"):
        return ["--db", os.path.join(self.tmp, name), "--now", test_cli.NOW]

    def test_the_export_is_json_and_restores_to_the_same_bytes(self):
        doc = json.loads(self.raw_backup)
        self.assertEqual(doc["format"], "infoview-backup")
        self.assertEqual(len(doc["contacts"]), 12)
        self.assertEqual(doc["notes"][0]["text"], 'Said: "call me" —\nafter the 5th')
        total = sum(len(doc[k]) for k in KINDS[1:])
        r = self.raw(*self.other(), "import", "json", self.backup)
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn(f"{total} added", r.out + r.err)
        again = self.raw(*self.other(), "export", "json")
        self.assertEqual(again.rc, 0, again.err)
        self.assertEqual(again.out.encode(), self.raw_backup)

    def test_the_agenda_and_contacts_work_at_once_after_a_restore(self):
        self.assertEqual(self.raw(*self.other(), "import", "json", self.backup).rc, 0)
        before = self.js("agenda")
        after = json.loads(self.raw(*self.other(), "--json", "agenda").out)
        self.assertEqual(after, before)
        shown = self.raw(*self.other(), "contact", "show", "Dana Smith")
        self.assertEqual(shown.rc, 0, shown.err)
        self.assertIn("call me", shown.out)

    def test_a_store_with_records_is_refused(self):
        r = self.iv("import", "json", self.backup)
        self.assertFailure(r, "empty store")

    def test_a_broken_backup_names_the_line_and_writes_nothing(self):
        lines = self.raw_backup.split(b"\n")
        at = lines.index(b'"contacts": [') + 3  # the third contact's line, cut in the middle
        broken = os.path.join(self.tmp, "broken.json")
        with open(broken, "wb") as f:
            f.write(b"\n".join(lines[:at - 1]) + b"\n" + lines[at - 1][:40])
        r = self.raw(*self.other(), "import", "json", broken)
        self.assertFailure(r, f"line {at}:")
        listed = self.raw(*self.other(), "--json", "contact", "list")
        self.assertEqual(listed.rc, 0, listed.err)
        self.assertEqual(json.loads(listed.out), [])

    def test_a_dry_run_writes_nothing(self):
        total = sum(len(json.loads(self.raw_backup)[k]) for k in KINDS[1:])
        r = self.raw(*self.other(), "import", "json", self.backup, "--dry-run")
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn(f"would add {total},", r.out + r.err)
        listed = json.loads(self.raw(*self.other(), "--json", "contact", "list").out)
        self.assertEqual(listed, [])


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    PATH = sys.argv.pop(1)
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
