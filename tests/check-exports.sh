#!/usr/bin/env bash
# Checks the dynamic symbol table of the shared library against the public
# headers and the version script: the functions the headers declare with
# IV_EXTERN(...), the names the version script lists and the symbols the
# library exports are one and the same set, all iv_; the script names every
# symbol (no glob, which would export whatever happens to match); and each
# symbol carries the version of the node that lists it.
# A function declared but not exported breaks every caller at link time; one
# exported but not declared becomes ABI we never meant to promise; one in the
# wrong node is looked up under a version that programs do not ask for.
#
# usage: check-exports.sh LIBRARY.so INCLUDE_DIR VERSION_SCRIPT [NM]
set -euo pipefail

lib=$1
incdir=$2
map=$3
nm=${4:-nm}
abi=$(cd "$(dirname "${BASH_SOURCE[0]}")/../abi" && pwd)

[ -f "$lib" ] || { echo "check-exports: no library at $lib" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

"$abi/declared.sh" "$incdir" >"$tmp/declared"
# NODE SCOPE NAME; SCOPE is global, local or parent.
"$abi/map-names.sh" "$map" >"$tmp/entries"
awk '$2 == "global" { print $3 }' "$tmp/entries" | sort >"$tmp/listed-all"
awk '$2 == "global" { print $3, $1 }' "$tmp/entries" | sort >"$tmp/listed-node"
awk '{ print $1 }' "$tmp/entries" | sort -u >"$tmp/nodes"

# Exported: name, type and version; binutils >= 2.35 appends @VERSION (a
# reference) or @@VERSION (the default, what the library defines).
"$nm" -D --defined-only "$lib" | awk '{ print $(NF-1), $NF }' >"$tmp/dynsym-raw"
sed -E 's/@.*$//' "$tmp/dynsym-raw" >"$tmp/dynsym"
# Version nodes of the script appear in the dynamic table as absolute
# symbols; they are the versioning itself, not exports.
awk '$1 == "A" { print $2 }' "$tmp/dynsym" | sort -u >"$tmp/absolute"
comm -12 "$tmp/absolute" "$tmp/nodes" >"$tmp/skip"
awk '{ print $2 }' "$tmp/dynsym" | sort -u | comm -23 - "$tmp/skip" >"$tmp/exported"

status=0
fail() {
	echo "FAIL: $1"
	sed 's/^/  /' "$2"
	status=1
}

if grep -v '^iv_' "$tmp/exported" >"$tmp/unprefixed"; then
	fail "exported symbols without the iv_ prefix:" "$tmp/unprefixed"
fi
comm -23 "$tmp/declared" "$tmp/exported" >"$tmp/missing"
[ -s "$tmp/missing" ] && fail "declared with IV_EXTERN but not exported (undefined or hidden):" "$tmp/missing"
comm -13 "$tmp/declared" "$tmp/exported" | grep '^iv_' >"$tmp/extra" || true
[ -s "$tmp/extra" ] && fail "exported but not declared in any public header:" "$tmp/extra"

# The version script, name by name. A glob would export a new function into
# whichever node it sits in, the released one included, without anyone
# deciding so.
grep '[][*?]' "$tmp/listed-all" >"$tmp/globs" || true
[ -s "$tmp/globs" ] && fail "$map exports by pattern; list each name (abi/update-map.sh):" "$tmp/globs"
uniq -d "$tmp/listed-all" >"$tmp/twice"
[ -s "$tmp/twice" ] && fail "$map lists these names more than once:" "$tmp/twice"
sort -u "$tmp/listed-all" >"$tmp/listed"
comm -23 "$tmp/declared" "$tmp/listed" >"$tmp/unlisted"
[ -s "$tmp/unlisted" ] && fail "declared but not in $map (run abi/update-map.sh):" "$tmp/unlisted"
comm -13 "$tmp/declared" "$tmp/listed" | grep -v '[][*?]' >"$tmp/stale" || true
[ -s "$tmp/stale" ] && fail "in $map but declared in no header:" "$tmp/stale"

# Each symbol's version is the node that lists it, and is the default one
# (@@): the library defines no other.
awk '$1 != "A" { v = $2; sub(/^[^@]*/, "", v); n = $2; sub(/@.*$/, "", n); print n, v }' \
	"$tmp/dynsym-raw" | sort >"$tmp/versions"
join "$tmp/versions" "$tmp/listed-node" |
	awk '$2 != "@@" $3 { print $1 ": exported as " ($2 == "" ? "unversioned" : $2) ", listed in " $3 }' \
	>"$tmp/misversioned"
[ -s "$tmp/misversioned" ] && fail "exported under another version than the map's node:" "$tmp/misversioned"

if [ "$status" -eq 0 ]; then
	echo "ok: $(wc -l <"$tmp/exported") exported symbols, all iv_, all declared in the headers," \
		"each named in $(basename "$map") and versioned by its node ($(tr '\n' ' ' <"$tmp/nodes" | sed 's/ $//'))"
fi
exit "$status"
