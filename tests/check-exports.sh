#!/usr/bin/env bash
# Checks the dynamic symbol table of the shared library against the public
# headers: every exported symbol must start with iv_, and the exported set
# must be exactly the functions the headers declare with IV_EXTERN(...).
# A function declared but not exported breaks every caller at link time; one
# exported but not declared becomes ABI we never meant to promise.
#
# usage: check-exports.sh LIBRARY.so INCLUDE_DIR VERSION_SCRIPT [NM]
set -euo pipefail

lib=$1
incdir=$2
map=$3
nm=${4:-nm}

[ -f "$lib" ] || { echo "check-exports: no library at $lib" >&2; exit 1; }
[ -d "$incdir/infoview" ] || { echo "check-exports: no headers in $incdir/infoview" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Declared: IV_EXTERN(type) name(...) on one line, as every header writes
# them. The #define lines of the macro itself start with '#', so they never
# match the anchored pattern.
find "$incdir/infoview" -name '*.h' -print0 | sort -z |
	xargs -0 grep -hE '^[[:space:]]*IV_EXTERN[[:space:]]*\(' >"$tmp/decl-lines" || true
sed -E 's/^[[:space:]]*IV_EXTERN[[:space:]]*\([^()]*\)[[:space:]*]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*\(.*$/\1/' \
	"$tmp/decl-lines" >"$tmp/declared-raw"
# A line the pattern could not reduce to a bare name would silently shrink
# the declared set; refuse instead.
if grep -vqE '^[A-Za-z_][A-Za-z0-9_]*$' "$tmp/declared-raw"; then
	echo "check-exports: cannot parse these declarations:" >&2
	grep -vE '^[A-Za-z_][A-Za-z0-9_]*$' "$tmp/declared-raw" >&2
	exit 1
fi
sort -u "$tmp/declared-raw" >"$tmp/declared"
if [ ! -s "$tmp/declared" ]; then
	echo "check-exports: found no IV_EXTERN declarations under $incdir/infoview" >&2
	exit 1
fi

# Version nodes of the script appear in the dynamic table as absolute
# symbols; they are the versioning itself, not exports.
sed -nE 's/^[[:space:]]*([A-Za-z_][A-Za-z0-9_.]*)[[:space:]]*\{.*/\1/p' "$map" | sort -u >"$tmp/nodes"

# Exported: name and type; binutils >= 2.35 appends @VERSION / @@VERSION.
"$nm" -D --defined-only "$lib" | awk '{ print $(NF-1), $NF }' |
	sed -E 's/@.*$//' >"$tmp/dynsym"
awk '$1 == "A" { print $2 }' "$tmp/dynsym" | sort -u >"$tmp/absolute"
comm -12 "$tmp/absolute" "$tmp/nodes" >"$tmp/skip"
awk '{ print $2 }' "$tmp/dynsym" | sort -u | comm -23 - "$tmp/skip" >"$tmp/exported"

status=0
if grep -vq '^iv_' "$tmp/exported"; then
	echo "FAIL: exported symbols without the iv_ prefix:"
	grep -v '^iv_' "$tmp/exported" | sed 's/^/  /'
	status=1
fi
comm -23 "$tmp/declared" "$tmp/exported" >"$tmp/missing"
if [ -s "$tmp/missing" ]; then
	echo "FAIL: declared with IV_EXTERN but not exported (undefined or hidden):"
	sed 's/^/  /' "$tmp/missing"
	status=1
fi
comm -13 "$tmp/declared" "$tmp/exported" | grep '^iv_' >"$tmp/extra" || true
if [ -s "$tmp/extra" ]; then
	echo "FAIL: exported but not declared in any public header:"
	sed 's/^/  /' "$tmp/extra"
	status=1
fi

if [ "$status" -eq 0 ]; then
	echo "ok: $(wc -l <"$tmp/exported") exported symbols, all iv_, all declared in the headers"
fi
exit "$status"
