#!/usr/bin/env bash
# tests/pg/pg-server itself: a start answers at the conninfo it wrote; a
# second start in the same DIR (a run killed before its stop) stops the
# first server; a stop leaves no server and no directory; a start whose
# set-up fails leaves nothing running and nothing behind.
#
# usage: check-pg-server.sh PG-SERVER INIT-PROGRAM
set -euo pipefail

script=$1 init=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/iv-pg-server-check.XXXXXX")
dir=$work/server
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
cleanup() {
	bash "$script" stop "$dir" >/dev/null 2>&1 || true
	bash "$script" stop "$work/failed" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

# The postmaster of the server whose private directory DIR/run names.
postmaster() {
	head -n 1 "$(cat "$1/run")/data/postmaster.pid"
}
alive() {
	kill -0 "$1" 2>/dev/null
}
answers() {
	psql -X -At "$(cat "$1/conninfo")" -c "SELECT count(*) FROM information_schema.schemata
		WHERE schema_name = 'infoview'" 2>/dev/null
}

IV_PG_INIT=$init bash "$script" start "$dir" >/dev/null
[ "$(answers "$dir")" = 1 ] || fail "the first server does not answer with the schema set up"
grep -q 'dbname=infoview' "$dir/conninfo" || fail "conninfo names no database: $(cat "$dir/conninfo")"
grep -q '^postgresql:///infoview?host=' "$dir/uri" || fail "uri is not a postgresql URI: $(cat "$dir/uri")"
first=$(postmaster "$dir")
first_run=$(cat "$dir/run")
alive "$first" || fail "no postmaster $first"
# Its socket only: nothing listens on TCP.
[ "$(psql -X -At "$(cat "$dir/conninfo")" -c "SHOW listen_addresses")" = "" ] || fail "it listens on TCP"

# As after a run killed before its stop.
IV_PG_INIT=$init bash "$script" start "$dir" >/dev/null
second=$(postmaster "$dir")
for _ in $(seq 50); do alive "$first" || break; sleep 0.1; done
alive "$first" && fail "the first server ($first) still runs after a second start in the same DIR"
[ -e "$first_run" ] && fail "the first server's directory $first_run is still there"
[ "$(answers "$dir")" = 1 ] || fail "the second server does not answer"

run=$(cat "$dir/run")
bash "$script" stop "$dir"
for _ in $(seq 50); do alive "$second" || break; sleep 0.1; done
alive "$second" && fail "the server ($second) still runs after stop"
[ -e "$dir" ] && fail "stop left $dir"
[ -e "$run" ] && fail "stop left $run"
bash "$script" stop "$dir" || fail "a second stop fails"

# A set-up that fails: nothing left.
if IV_PG_INIT=false bash "$script" start "$work/failed" >/dev/null 2>&1; then
	fail "a start whose set-up failed succeeded"
fi
[ -e "$work/failed" ] && fail "a failed start left $work/failed"

if [ "$failures" -ne 0 ]; then
	echo "$failures failed"
	exit 1
fi
echo "pg-server: 1 passed, 0 failed"
