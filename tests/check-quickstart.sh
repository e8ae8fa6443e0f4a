#!/usr/bin/env bash
# The quickstart example as a user meets it: on the default store (under a
# fresh XDG_DATA_HOME whose directory does not exist yet), run twice without
# duplicating its story; then with $INFOVIEW_DB and a path argument naming
# the same store; and failing cleanly, with status 1 and the library's
# message, on a store it cannot open.
#
# usage: check-quickstart.sh IV_QUICKSTART
set -euo pipefail

exe=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/iv-quickstart.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
unset INFOVIEW_DB
export HOME=$tmp/home XDG_DATA_HOME=$tmp/xdg

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# The listing: everything after the "story:" line.
listing() { sed -n '/^story:/,$p' "$1" | tail -n +2; }

run() {
	local out=$1
	shift
	if ! "$@" >"$tmp/$out" 2>"$tmp/$out.err"; then
		fail "$* exited non-zero"
		cat "$tmp/$out" "$tmp/$out.err"
		return 1
	fi
}

run first "$exe" || exit 1
grep -q '^story: created' "$tmp/first" || fail "first run did not create the story"
grep -qx "store: $XDG_DATA_HOME/infoview/infoview.db" "$tmp/first" ||
	fail "first run did not report the default store path"
[ -f "$XDG_DATA_HOME/infoview/infoview.db" ] || fail "no store at the default path"
for want in '(2 contacts)' '(1 introduction)' '(1 interview)' '(5 follow-ups)'; do
	grep -qF "  $want" "$tmp/first" || fail "first run does not list $want"
done

run second "$exe" || exit 1
grep -q '^story: already' "$tmp/second" || fail "second run did not find the story"
if ! diff -u <(listing "$tmp/first") <(listing "$tmp/second") >"$tmp/diff"; then
	fail "second run lists something different:"
	cat "$tmp/diff"
fi

store=$XDG_DATA_HOME/infoview/infoview.db
INFOVIEW_DB=$store run env "$exe" || exit 1
grep -q '^story: already' "$tmp/env" || fail "\$INFOVIEW_DB did not name the same store"
run arg "$exe" "$tmp/other.db" || exit 1
grep -q '^story: created' "$tmp/arg" || fail "a path argument did not open a new store"
grep -qx "store: $tmp/other.db" "$tmp/arg" || fail "the path argument was not reported"

status=0
"$exe" "$tmp/no/such/dir/store.db" >"$tmp/bad" 2>"$tmp/bad.err" || status=$?
[ "$status" -eq 1 ] || fail "an unopenable store gave status $status, expected 1"
grep -q '^iv-quickstart: open store: .' "$tmp/bad.err" || {
	fail "an unopenable store gave no message"
	cat "$tmp/bad.err"
}

if [ "$failures" -ne 0 ]; then
	echo "--- first run"
	cat "$tmp/first"
	exit 1
fi
echo "ok: quickstart creates its story once, honours \$INFOVIEW_DB and a path, and reports errors"
