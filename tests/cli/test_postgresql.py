#!/usr/bin/env python3
"""The infoview program on a shared PostgreSQL database (issue 13).

Usage: test_postgresql.py PATH-TO-INFOVIEW [unittest options]

Needs the tests' server (tests/pg/pg-server start DIR), named by
$IV_TEST_PG_DIR: DIR/conninfo is the administrator's conninfo. Roles are
made with psql as the administrator; everything else goes through the
program: `admin init`, `admin add-user`, `admin remove-user`, and the
commands of each person on their own space through --db postgresql://...
"""

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import shutil
import unittest

BIN = None
NOW = "2026-03-02T09:00"


def server():
    """The administrator's conninfo as a dict of its keywords."""
    path = os.path.join(os.environ["IV_TEST_PG_DIR"], "conninfo")
    with open(path, encoding="utf-8") as f:
        words = shlex.split(f.readline())
    return dict(w.split("=", 1) for w in words)


def uri(user, scheme="postgresql"):
    s = server()
    return f"{scheme}:///{s['dbname']}?host={s['host']}&port={s['port']}&user={user}"


def psql(sql):
    s = server()
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", s["host"], "-p", s["port"], "-U", s["user"],
                    "-d", s["dbname"], "-c", sql], check=True, capture_output=True, text=True, timeout=60)


class Run:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


class PgCliTest(unittest.TestCase):
    """Each test has two fresh roles with their own spaces: dana and erin."""

    count = 0

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="infoview-pg-test.")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "TZ": "UTC",
            "NO_COLOR": "1",
            "HOME": os.path.join(self.tmp, "home"),
            "XDG_DATA_HOME": os.path.join(self.tmp, "xdg"),
        }
        PgCliTest.count += 1
        base = f"ivcli_{os.getpid()}_{PgCliTest.count}"
        self.dana, self.erin = base + "_dana", base + "_erin"
        for role in (self.dana, self.erin):
            psql(f"DROP ROLE IF EXISTS {role}")
            psql(f"CREATE ROLE {role} LOGIN")
            self.admin("add-user", role)
            self.addCleanup(psql, f"DROP ROLE IF EXISTS {role}")
            self.addCleanup(self.admin, "remove-user", role)

    def raw(self, *args, env=None):
        proc = subprocess.run([BIN, *args], env=env if env is not None else self.env, capture_output=True,
                              text=True, timeout=60)
        return Run(proc)

    def admin(self, *args, json_out=False):
        r = self.raw("--db", uri(server()["user"]), *(["--json"] if json_out else []), "admin", *args)
        self.assertEqual(r.rc, 0, f"admin {args}: {r.err}")
        return r

    def as_(self, role, *args, now=NOW):
        return self.raw("--db", uri(role), "--now", now, *args)

    def ok(self, role, *args, now=NOW):
        r = self.as_(role, *args, now=now)
        self.assertEqual(r.rc, 0, f"{args}: {r.err}")
        return r

    def js(self, role, *args, now=NOW):
        return self.ok(role, "--json", *args, now=now).json()

    def test_init_is_idempotent_and_says_what_next(self):
        r = self.admin("init")
        self.assertIn("add-user", r.out)
        self.admin("init")
        self.assertEqual(json.loads(self.admin("init", json_out=True).out), {"action": "init"})

    def test_add_user_is_idempotent_and_names_the_role(self):
        r = self.admin("add-user", self.dana)
        self.assertIn(self.dana, r.out)
        doc = json.loads(self.admin("add-user", self.dana, json_out=True).out)
        self.assertEqual(doc, {"action": "add-user", "role": self.dana})

    def test_add_user_of_a_role_that_does_not_exist_fails(self):
        r = self.raw("--db", uri(server()["user"]), "admin", "add-user", "ivcli_nobody_at_all")
        self.assertEqual(r.rc, 1, r.err)
        self.assertTrue(r.err.startswith("infoview: "), r.err)
        self.assertIn("ivcli_nobody_at_all", r.err)

    def test_a_person_who_is_not_the_administrator_cannot_set_up(self):
        r = self.raw("--db", uri(self.dana), "admin", "add-user", self.erin)
        self.assertEqual(r.rc, 1, r.err)
        self.assertTrue(r.err.startswith("infoview: "), r.err)

    def test_each_person_works_in_their_own_space(self):
        self.ok(self.dana, "contact", "add", "Alex Kim", "--company", "Northwind")
        self.ok(self.erin, "contact", "add", "Blake Chen", "--company", "Medisol")
        self.assertEqual([c["name"] for c in self.js(self.dana, "contact", "list")], ["Alex Kim"])
        self.assertEqual([c["name"] for c in self.js(self.erin, "contact", "list")], ["Blake Chen"])
        r = self.as_(self.erin, "contact", "show", "Alex Kim")
        self.assertEqual(r.rc, 1)
        self.assertEqual(self.js(self.erin, "search", "alex"), [])

    def test_postgres_scheme_and_infoview_db_open_the_same_space(self):
        self.ok(self.dana, "contact", "add", "Alex Kim")
        r = self.raw("--db", uri(self.dana, "postgres"), "--json", "contact", "list")
        self.assertEqual(r.rc, 0, r.err)
        self.assertEqual([c["name"] for c in r.json()], ["Alex Kim"])
        env = dict(self.env, INFOVIEW_DB=uri(self.dana))
        r = self.raw("--json", "contact", "list", env=env)
        self.assertEqual(r.rc, 0, r.err)
        self.assertEqual([c["name"] for c in r.json()], ["Alex Kim"])

    def test_the_whole_story_and_rules_apply(self):
        a = self.js(self.dana, "contact", "add", "Alex Kim", "--direct")["id"]
        self.ok(self.dana, "contact", "add", "Blake Chen", "--introduced")
        self.ok(self.dana, "intro", "add", "--by", a, "--to", "Blake Chen", "--status", "made")
        iv = self.js(self.dana, "interview", "add", "Blake Chen", "--purpose", "x")["interview"]["id"]
        self.ok(self.dana, "interview", "schedule", iv, "--at", "2026-03-02T15:00")
        self.ok(self.dana, "interview", "complete", iv, now="2026-03-02T15:45")
        thanks = [f for f in self.js(self.dana, "followup", "list", "--all") if f["kind"].startswith("thank")]
        self.assertEqual(len(thanks), 2)
        self.ok(self.dana, "followup", "rm", thanks[0]["id"])
        made = self.js(self.dana, "rules", "apply")
        self.assertEqual([f["rule"] for f in made], [thanks[0]["rule"]])
        self.assertEqual(self.js(self.dana, "rules", "apply"), [])
        # Erin's rules applied to her empty space make nothing of Dana's.
        self.assertEqual(self.js(self.erin, "rules", "apply"), [])
        self.assertEqual(self.js(self.erin, "followup", "list", "--all"), [])

    def test_a_role_without_a_space_is_told_how_to_get_one(self):
        self.admin("remove-user", self.erin)
        r = self.as_(self.erin, "contact", "list")
        self.assertEqual(r.rc, 1, r.err)
        self.assertTrue(r.err.startswith("infoview: "), r.err)
        self.assertIn("add-user", r.err)
        self.assertNotRegex(r.err, r"\bIV_[A-Z]")

    def test_remove_user_deletes_their_records_only(self):
        self.ok(self.dana, "contact", "add", "Alex Kim")
        self.ok(self.erin, "contact", "add", "Blake Chen")
        r = self.admin("remove-user", self.erin)
        self.assertIn(self.erin, r.out)
        self.admin("add-user", self.erin)
        self.assertEqual(self.js(self.erin, "contact", "list"), [])
        self.assertEqual([c["name"] for c in self.js(self.dana, "contact", "list")], ["Alex Kim"])


def main():
    global BIN
    if len(sys.argv) < 2:
        sys.exit("usage: test_postgresql.py PATH-TO-INFOVIEW [unittest options]")
    BIN = os.path.abspath(sys.argv.pop(1))
    if not re.search(r"infoview$", BIN) or not os.access(BIN, os.X_OK):
        sys.exit(f"test_postgresql.py: {BIN} is not the infoview program")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
