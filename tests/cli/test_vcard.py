#!/usr/bin/env python3
"""vCard export and import through the infoview program, checked by an
independent parser: python3-vobject reads every card of `infoview export
vcard` (4.0) and `--vcard3` (3.0), and the values come back exactly.

Usage: test_vcard.py PATH-TO-INFOVIEW [unittest options]

It reuses test_cli.py's CliTestCase (a store of its own per test, a clean
environment, explicit --db and --now).
"""

import os
import subprocess
import sys
import unittest

import vobject

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "import")

LONG_NOTES = (
    "Met at the BIO conference, 2025; talked about regulatory affairs \\ CMC.\n"
    "Follow up: ask about the RAC exam, the \"first 90 days\", and whom to meet next. "
    "Zoë said: «les affaires réglementaires, c'est un métier» — 規制業務 😀. " * 3
)


class VcardTest(CliTestCase):
    """A store of people with awkward values, exported and read back."""

    def setUp(self):
        super().setUp()
        self.zoe = self.add_contact(
            "Zoë Ångström-Lee", "--email", "zoe@example.org", "--email", "z.lee@work.example",
            "--phone", "+41 44 555 01 99", "--company", "Acme; Sons, Inc.", "--title", "VP, R&D",
            "--url", "https://www.linkedin.com/in/zoe-angstrom-example", "--location", "Zürich, Switzerland",
            "--tag", "pharma, biotech", "--tag", "mentors;alumni", "--tag", "規制",
            "--about", LONG_NOTES, "--introduced")
        self.wang = self.add_contact("王芳", "--email", "wang.fang@example.cn", "--direct")
        self.ben = self.add_contact("Ben Okafor", "--email", "ben@example.org", "--company", "Genomix",
                                    "--direct")
        self.cy = self.add_contact("Cy", "--cold", "--about", "one word; no e-mail")
        self.ok("intro", "add", "--by", self.ben, "--to", self.zoe, "--status", "made")
        self.ok("intro", "add", "--by", self.wang, "--to", self.zoe, "--status", "suggested")

    def export(self, *args, now=test_cli.NOW):
        path = os.path.join(self.tmp, "out.vcf")
        self.ok("export", "vcard", "-o", path, *args, now=now)
        with open(path, "rb") as f:
            return f.read()

    def contacts(self):
        return {c["id"]: c for c in self.js("contact", "list")}

    def cards(self, data, version):
        """Every card, parsed by vobject (3.0 validated: N and FN are required there)."""
        text = data.decode("utf-8")
        cards = list(vobject.readComponents(text, validate=(version == "3.0")))
        self.assertEqual(len(cards), 4)
        for card in cards:
            self.assertEqual(card.version.value, version)
        return {card.uid.value: card for card in cards}

    def check_round_trip(self, data, version):
        stored = self.contacts()
        cards = self.cards(data, version)
        self.assertEqual(set(cards), {"urn:uuid:" + i for i in stored})
        for cid, c in stored.items():
            card = cards["urn:uuid:" + cid]
            self.assertEqual(card.fn.value, c["name"])
            self.assertIn("n", card.contents)
            self.assertEqual([e.value for e in card.contents.get("email", [])], c["emails"])
            if c["tags"]:
                self.assertEqual(card.categories.value, c["tags"])
            else:
                self.assertNotIn("categories", card.contents)
            if c["notes"]:
                self.assertEqual(card.note.value, c["notes"])
            if c["company"]:
                self.assertEqual(card.org.value, [c["company"]])
            for field, prop in (("title", "title"), ("url", "url"), ("phone", "tel")):
                if c[field]:
                    self.assertEqual(card.contents[prop][0].value, c[field])
                else:
                    self.assertNotIn(prop, card.contents)
            if c["location"]:
                self.assertEqual(card.adr.value.city, c["location"])
            self.assertEqual(card.contents["x-infoview-known"][0].value, c["known"])
        return cards

    def test_every_4_0_card_parses_and_its_values_come_back(self):
        cards = self.check_round_trip(self.export(), "4.0")
        zoe = cards["urn:uuid:" + self.zoe]
        related = zoe.contents["related"]
        # made first: Ben, then Wang's suggestion
        self.assertEqual([r.value for r in related], ["urn:uuid:" + self.ben, "urn:uuid:" + self.wang])
        for r in related:
            self.assertEqual(r.params["TYPE"], ["contact", "x-introducer"])
            self.assertEqual(r.params["VALUE"], ["uri"])
        self.assertEqual(zoe.email_list[0].params.get("PREF"), ["1"])
        self.assertNotIn("related", cards["urn:uuid:" + self.ben].contents)
        self.assertEqual(zoe.n.value.family, "Ångström-Lee")
        self.assertEqual(zoe.n.value.given, "Zoë")

    def test_every_3_0_card_parses_and_its_values_come_back(self):
        cards = self.check_round_trip(self.export("--vcard3"), "3.0")
        zoe = cards["urn:uuid:" + self.zoe]
        self.assertNotIn("related", zoe.contents)
        self.assertEqual([p.value for p in zoe.contents["x-infoview-introduced-by"]],
                         ["urn:uuid:" + self.ben, "urn:uuid:" + self.wang])
        self.assertEqual([e.params.get("TYPE") for e in zoe.email_list],
                         [["INTERNET", "pref"], ["INTERNET"]])
        self.assertEqual(cards["urn:uuid:" + self.cy].n.value.given, "Cy")

    def test_lines_end_with_crlf_and_are_folded_between_characters(self):
        for args in ((), ("--vcard3",)):
            data = self.export(*args)
            self.assertTrue(data.endswith(b"END:VCARD\r\n"))
            lines = data.split(b"\r\n")[:-1]
            self.assertTrue(any(line.startswith(b" ") for line in lines), "nothing was folded")
            for line in lines:
                self.assertNotIn(b"\n", line)
                self.assertLessEqual(len(line), 75, line)
                line.decode("utf-8")  # each piece is whole characters

    def test_exporting_twice_gives_the_same_bytes(self):
        for args in ((), ("--vcard3",)):
            first = self.export(*args)
            self.assertEqual(self.export(*args, now="2026-06-01T12:00"), first)

    def test_standard_output_is_the_same_as_the_file(self):
        proc = subprocess.run([test_cli.BIN, "--db", self.db, "--now", test_cli.NOW, "export", "vcard"],
                              env=self.env, capture_output=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout, self.export())

    def test_a_tag_exports_only_those_contacts(self):
        path = os.path.join(self.tmp, "tagged.vcf")
        self.ok("export", "vcard", "--tag", "規制", "-o", path)
        with open(path, encoding="utf-8") as f:
            cards = list(vobject.readComponents(f.read()))
        self.assertEqual([c.uid.value for c in cards], ["urn:uuid:" + self.zoe])

    def import_file(self, data, db=None):
        path = os.path.join(self.tmp, "in.vcf")
        with open(path, "wb") as f:
            f.write(data)
        args = ["--db", db] if db else ["--db", self.db]
        r = self.raw(*args, "--now", test_cli.NOW, "--json", "import", "vcard", path)
        self.assertEqual(r.rc, 0, r.err)
        return r.json()

    def test_importing_the_export_into_the_same_store_adds_nothing(self):
        for args in ((), ("--vcard3",)):
            before = self.contacts()
            report = self.import_file(self.export(*args))
            self.assertEqual(report["added"], 0, report)
            self.assertEqual(report["skipped"], [], report)
            self.assertEqual((report["merged"], report["unchanged"]), (0, 4), report)
            self.assertEqual(self.contacts(), before)

    def test_importing_the_export_into_an_empty_store_adds_everyone(self):
        fields = ("name", "emails", "phone", "company", "title", "location", "url", "tags", "notes", "known")
        for args in ((), ("--vcard3",)):
            other = os.path.join(self.tmp, "other%d.db" % len(args))
            report = self.import_file(self.export(*args), db=other)
            self.assertEqual(report["added"], 4, report)
            r = self.raw("--db", other, "--json", "contact", "list")
            self.assertEqual(r.rc, 0, r.err)
            got = sorted(tuple(str(c[f]) for f in fields) for c in r.json())
            want = sorted(tuple(str(c[f]) for f in fields) for c in self.contacts().values())
            self.assertEqual(got, want)
            # and exporting that store again: the same cards but for the new ids
            report = self.import_file(self.export(*args), db=other)
            self.assertEqual(report["added"], 0, report)


class VcardFixtureTest(CliTestCase):
    """The Apple/Google-like 3.0 file and the 4.0 file in tests/data/import."""

    def test_the_3_0_file_imports_with_its_nameless_card_skipped(self):
        doc = self.js("import", "vcard", os.path.join(DATA, "contacts_v3.vcf"))
        self.assertEqual(doc["added"], 3)
        self.assertEqual(doc["skipped"], [{"line": 56, "reason": "no name (FN or N)"}])
        people = {c["name"]: c for c in self.js("contact", "list")}
        dana = people["Dana Whitfield"]
        self.assertEqual(dana["emails"], ["dana.whitfield@pfizer.example", "dana.w@home.example"])
        self.assertEqual(dana["company"], "Pfizer")
        self.assertEqual(dana["url"], "https://www.linkedin.com/in/dana-whitfield-example")
        self.assertEqual(dana["tags"], ["pharma", "regulatory"])
        self.assertIn("Sara Lindqvist", people)
        self.assertIn("Tomás Ibáñez", people)
        again = self.js("import", "vcard", os.path.join(DATA, "contacts_v3.vcf"))
        self.assertEqual((again["added"], again["merged"]), (0, 0))

    def test_the_4_0_file_imports_and_reexports_for_vobject(self):
        doc = self.js("import", "vcard", os.path.join(DATA, "contacts_v4.vcf"))
        self.assertEqual(doc["added"], 3)
        path = os.path.join(self.tmp, "out.vcf")
        self.ok("export", "vcard", "-o", path)
        with open(path, encoding="utf-8") as f:
            names = sorted(c.fn.value for c in vobject.readComponents(f.read()))
        self.assertEqual(names, sorted(["Priya Natarajan", "José Álvarez-Ruiz", "王芳"]))

    def test_a_latin1_file_fails_naming_its_line_and_writes_nothing(self):
        path = os.path.join(self.tmp, "latin1.vcf")
        with open(path, "wb") as f:
            f.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n"
                    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xe9e\r\nEND:VCARD\r\n")
        r = self.iv("import", "vcard", path)
        self.assertFailure(r, "line 7: invalid UTF-8 (byte 0xE9)")
        self.assertEqual(self.js("contact", "list"), [])


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: test_vcard.py PATH-TO-INFOVIEW [unittest options]")
    test_cli.BIN = os.path.abspath(sys.argv.pop(1))
    if not os.access(test_cli.BIN, os.X_OK):
        sys.exit(f"test_vcard.py: {test_cli.BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
