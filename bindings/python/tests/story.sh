# Sourced by check-install.sh and check-pip.sh: the story of README.md's
# "Python" section, taken out of it and run, and what it must print.

# Writes the story's code to $2; fails if README $1 has none.
story_extract() {
	awk '/^```python$/ { inside = 1; next } /^```/ { if (inside) exit } inside' "$1" >"$2"
	grep -q 'infoview.open("jobsearch.db"' "$2" || { echo "FAIL: no story in $1"; exit 1; }
}

# Runs story $2 with PYTHON $1 in the current directory, its output kept in
# $3: the path Ana, Ben, Cara, then three thanks (Cara for the talk, Ben
# and Ana for the introductions; the three are due at one moment, so their
# order is the agenda's tie-break and is not checked).
story_run() {
	"$1" "$2" | tee "$3"
	[ "$(sed -n 1p "$3")" = "['Ana Direct', 'Ben Bridge', 'Cara Target']" ] || { echo "FAIL: the path"; exit 1; }
	[ "$(grep -c '  thank ' "$3")" -eq 3 ] || { echo "FAIL: three thanks expected"; exit 1; }
	for who in 'thank you Cara Target' 'thank introducer Ben Bridge' 'thank introducer Ana Direct'; do
		grep -qx "2026-03-07 09:00 UTC  $who" "$3" || { echo "FAIL: no \"$who\" line"; exit 1; }
	done
}
