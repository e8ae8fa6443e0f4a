#!/usr/bin/env bash
# Prints, sorted, the name of every function the public headers declare with
# IV_EXTERN(...): the ABI we promise. The export check, the version-script
# check and update-map.sh all read the declarations through this one parser.
#
# usage: declared.sh INCLUDE_DIR      (the directory holding infoview/)
set -euo pipefail

incdir=${1:?usage: declared.sh INCLUDE_DIR}
[ -d "$incdir/infoview" ] || { echo "declared.sh: no headers in $incdir/infoview" >&2; exit 1; }

# IV_EXTERN(type) name(...) on one line, as every header writes them. The
# #define lines of the macro itself start with '#', so they never match the
# anchored pattern.
lines=$(find "$incdir/infoview" -name '*.h' -print0 | sort -z |
	xargs -0 grep -hE '^[[:space:]]*IV_EXTERN[[:space:]]*\(' || true)
if [ -z "$lines" ]; then
	echo "declared.sh: found no IV_EXTERN declarations under $incdir/infoview" >&2
	exit 1
fi
names=$(printf '%s\n' "$lines" | sed -E \
	's/^[[:space:]]*IV_EXTERN[[:space:]]*\([^()]*\)[[:space:]*]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*\(.*$/\1/')
# A line the pattern could not reduce to a bare name would silently shrink
# the declared set; refuse instead.
if printf '%s\n' "$names" | grep -vqE '^[A-Za-z_][A-Za-z0-9_]*$'; then
	echo "declared.sh: cannot parse these declarations:" >&2
	printf '%s\n' "$names" | grep -vE '^[A-Za-z_][A-Za-z0-9_]*$' >&2
	exit 1
fi
printf '%s\n' "$names" | LC_ALL=C sort -u
