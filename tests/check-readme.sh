#!/usr/bin/env bash
# The C programs in README.md, as a reader would copy them: each ```c block
# that is a whole program (has a main; the others are fragments) is compiled
# alone against the built library with warnings as errors and
# run on a store of its own (a fresh XDG_DATA_HOME), and must exit 0.
#
# usage: check-readme.sh README.md CC INCLUDE_DIR LIBRARY_DIR
set -euo pipefail

readme=$1 cc=$2 include=$3 libdir=$4
tmp=$(mktemp -d "${TMPDIR:-/tmp}/iv-readme.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Split the ```c blocks into block1.c, block2.c, ...
awk -v dir="$tmp" '
	/^```c$/ { n++; file = sprintf("%s/block%d.c", dir, n); inside = 1; next }
	/^```/ { inside = 0; next }
	inside { print > file }
' "$readme"

failures=0 blocks=0
for src in "$tmp"/block*.c; do
	[ -e "$src" ] || break
	grep -q '^int main(' "$src" || continue
	blocks=$((blocks + 1))
	exe=${src%.c}
	if ! "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror -I"$include" "$src" \
		-L"$libdir" -linfoview -Wl,-rpath,"$libdir" -o "$exe"; then
		echo "FAIL: README block $blocks does not compile"
		failures=$((failures + 1))
		continue
	fi
	if ! XDG_DATA_HOME=$tmp/data$blocks HOME=$tmp "$exe" >"$exe.out" 2>&1; then
		echo "FAIL: README block $blocks exited non-zero:"
		cat "$exe.out"
		failures=$((failures + 1))
	fi
done
if [ "$blocks" -eq 0 ]; then
	echo "FAIL: no C block found in $readme"
	exit 1
fi
echo "$blocks README programs: $((blocks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
