#!/usr/bin/env bash
# Compares the library just built with the committed ABI baseline
# (abi/libinfoview.so.0.abi, written by abi/update.sh) and fails on anything
# but additions: a function removed, or whose parameters, return type or
# reachable public types changed, breaks programs built against the baseline
# without their noticing until they misbehave. abidiff's exit status is a
# bit field (1 error, 2 usage error, 4 some ABI change, 8 an incompatible
# one) but libabigail only counts removals as incompatible, so a changed
# function is read from the report's summary.
#
# It also fails when a function the baseline lacks is exported under a
# version node the baseline already has: a released node never grows (see
# lib/infoview.map), so an addition needs a new node. And every function of
# the baseline must still be exported under the version it had there.
#
# usage: check-abi.sh LIBRARY.so BASELINE.abi INCLUDE_DIR SUPPRESSIONS ABIDIFF NM READELF
set -euo pipefail

lib=$1
baseline=$2
incdir=$3
suppr=$4
abidiff=$5
nm=$6
readelf=$7

[ -f "$lib" ] || { echo "check-abi: no library at $lib" >&2; exit 1; }
[ -f "$baseline" ] || { echo "check-abi: no baseline at $baseline (run abi/update.sh)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C
status=0

# Symbols and their versions, on both sides.
sed -nE "s/^[[:space:]]*<elf-symbol name='([^']+)' version='([^']*)'.*/\1 \2/p" "$baseline" |
	sort >"$tmp/base"
awk '{ print $2 }' "$tmp/base" | sort -u | grep -v '^$' >"$tmp/base-nodes" || true
"$nm" -D --defined-only "$lib" | awk '$(NF-1) != "A" { print $NF }' |
	sed -E 's/@@?/ /' | sort >"$tmp/now"

join -a1 -e - -o 0,1.2,2.2 "$tmp/base" "$tmp/now" |
	awk '$2 != $3 { print $1 ": was " $2 ", now " ($3 == "-" ? "not exported" : $3) }' >"$tmp/moved"
if [ -s "$tmp/moved" ]; then
	echo "FAIL: functions of the baseline no longer exported under their version:"
	sed 's/^/  /' "$tmp/moved"
	status=1
fi
join -v2 "$tmp/base" "$tmp/now" >"$tmp/added"
awk 'NR == FNR { old[$1] = 1; next } ($2 in old) { print $1 " (in " $2 ")" }' \
	"$tmp/base-nodes" "$tmp/added" >"$tmp/added-to-old"
if [ -s "$tmp/added-to-old" ]; then
	echo "FAIL: added since the baseline, but in a node the baseline already has;"
	echo "      name them in a new node (abi/update-map.sh INFOVIEW_x.y):"
	sed 's/^/  /' "$tmp/added-to-old"
	status=1
fi

# Types need the DWARF of the build (-g); a build without it is only
# compared by symbols, above, and reported as skipped.
sections=$("$readelf" -S "$lib") # whole: grep -q on a pipe could SIGPIPE it
if ! grep -q '\.debug_info' <<<"$sections"; then
	if [ "$status" -eq 0 ]; then
		echo "check-abi: $lib has no debug info: symbols checked, types not compared (skipped)"
		exit 77
	fi
	exit "$status"
fi

# The same filtering as abi/update.sh: only types defined in the public
# headers count, and the suppressions say which private ones libabigail
# would mistake for public.
hd=()
for side in 1 2; do
	hd+=("--headers-dir$side" "$incdir/infoview" "--headers-dir$side" "$incdir/infoview/sys")
done
rc=0
"$abidiff" --exported-interfaces-only --fail-no-debug-info "${hd[@]}" \
	--suppressions "$suppr" "$baseline" "$lib" >"$tmp/report" 2>&1 || rc=$?
cat "$tmp/report"

if [ $((rc & 3)) -ne 0 ]; then
	echo "FAIL: abidiff could not compare (exit status $rc)"
	status=1
elif [ $((rc & 8)) -ne 0 ]; then
	echo "FAIL: incompatible ABI change (abidiff exit status $rc)"
	status=1
elif [ $((rc & 4)) -ne 0 ]; then
	# Additions only if every line of the report is a summary counting
	# nothing but additions, the heading of a list of additions or an entry
	# of one; anything else (a changed function, a changed SONAME) is a
	# change.
	grep -vE '^[[:space:]]*$' "$tmp/report" |
		grep -vE '^(Functions|Variables|Function symbols|Variable symbols) changes summary: 0 Removed,( 0 Changed( \([0-9]+ filtered out\))?,)? [0-9]+ Added ' |
		grep -vE '^[0-9]+ Added (function|variable)' |
		grep -vE '^[[:space:]]+\[A\] ' >"$tmp/changed" || true
	if [ -s "$tmp/changed" ]; then
		echo "FAIL: the ABI changed other than by additions (abidiff exit status $rc):"
		grep -E 'summary|^[^[:space:]]' "$tmp/changed" | sed 's/^/  /'
		status=1
	fi
fi

if [ "$status" -eq 0 ]; then
	echo "ok: the ABI of $(basename "$lib") is the baseline's$([ -s "$tmp/added" ] && echo " plus $(wc -l <"$tmp/added") addition(s) in new nodes")"
fi
exit "$status"
