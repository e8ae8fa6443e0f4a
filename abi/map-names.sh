#!/usr/bin/env bash
# Prints "NODE SCOPE NAME" for every name the version script lists, in file
# order: SCOPE is global or local, NAME as written (a glob stays a glob, so
# that a check can refuse it). A node's parent, after its closing brace, is
# printed as "NODE parent PARENT".
#
# usage: map-names.sh VERSION_SCRIPT
set -euo pipefail

map=${1:?usage: map-names.sh VERSION_SCRIPT}
[ -f "$map" ] || { echo "map-names.sh: no version script at $map" >&2; exit 1; }

# The grammar used here is the subset ld documents for version scripts:
# /* comments */, NODE { global: a; b; local: *; } [PARENT];
awk '
{ text = text $0 "\n" }
END {
	while ((i = index(text, "/*")) > 0) {
		rest = substr(text, i + 2)
		j = index(rest, "*/")
		if (j == 0) { print "map-names.sh: unterminated comment" > "/dev/stderr"; exit 1 }
		text = substr(text, 1, i - 1) " " substr(rest, j + 2)
	}
	gsub(/[{};:]/, " & ", text)
	n = split(text, tok, /[ \t\n]+/)
	node = ""; scope = ""; closed = 0
	for (k = 1; k <= n; k++) {
		t = tok[k]
		if (t == "") continue
		if (node == "") {
			if (tok[k + 1] != "{") { print "map-names.sh: expected a node name before {, got " t > "/dev/stderr"; exit 1 }
			node = t; scope = "global"; closed = 0; k++
		} else if (closed) {
			if (t != ";") print node, "parent", t
			else node = ""
		} else if (t == "}") {
			closed = 1
		} else if ((t == "global" || t == "local") && tok[k + 1] == ":") {
			scope = t; k++
		} else if (t != ";") {
			print node, scope, t
		}
	}
	if (node != "") { print "map-names.sh: node " node " is not closed" > "/dev/stderr"; exit 1 }
}' "$map"
