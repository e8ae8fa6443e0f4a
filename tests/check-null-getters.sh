#!/usr/bin/env bash
# Every getter (a public function whose first parameter is a const handle,
# `const iv_x *`) must be called with NULL in the api suite, so that a new
# getter cannot skip the NULL check bindings rely on.
#
# usage: check-null-getters.sh INCLUDE_DIR TEST_SOURCE
set -euo pipefail

incdir=$1
test_src=$2

getters=$(find "$incdir/infoview" -name '*.h' -print0 | sort -z |
	xargs -0 grep -hoE '^[[:space:]]*IV_EXTERN[[:space:]]*\([^()]*\)[[:space:]*]*iv_[a-z0-9_]+\(const iv_[a-z0-9_]+ \*' |
	sed -E 's/.*[[:space:]*](iv_[a-z0-9_]+)\(.*/\1/' | sort -u)
[ -n "$getters" ] || { echo "check-null-getters: found no getters under $incdir/infoview" >&2; exit 1; }

status=0
for g in $getters; do
	if ! grep -qE "NULL_GETTER\($g, NULL" "$test_src"; then
		echo "FAIL: $g is not called with NULL in $test_src (add NULL_GETTER($g, NULL...))"
		status=1
	fi
done

# The same for the records' setters (first parameter a record handle): each
# must refuse a NULL handle in the api suite's setters_accept_a_null_handle.
setters=$(find "$incdir/infoview" -name '*.h' -print0 | sort -z |
	xargs -0 grep -hoE '^[[:space:]]*IV_EXTERN[[:space:]]*\([^()]*\)[[:space:]*]*iv_(contact|intro|interview|followup)_[a-z0-9_]+\(iv_(contact|intro|interview|followup) \*[a-z]' |
	sed -E 's/.*[[:space:]*](iv_[a-z0-9_]+)\(.*/\1/' | grep -vE '_(free|insert|update|lookup|delete|iter_next|iter_free)$' | sort -u)
for s in $setters; do
	if ! grep -qE "NULL_SETTER(_VOID)?\($s, NULL" "$test_src"; then
		echo "FAIL: $s is not called with NULL in $test_src (add NULL_SETTER($s, NULL...))"
		status=1
	fi
done
[ "$status" -eq 0 ] && echo "ok: $(echo "$getters" | wc -l) getters and $(echo "$setters" | wc -l) setters, each called with NULL"
exit "$status"
