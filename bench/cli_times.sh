#!/bin/sh
# The infoview program's one-screen commands, whole process, on a store made
# by iv_mkstore (issue 10: each at most 20 ms at 100,000 contacts).
#
# usage: bench/cli_times.sh INFOVIEW STORE [NUDGE_AT_COMPANY NUDGE_ELSEWHERE]
#
# CPU time of the whole process (perf stat -r 5 -e task-clock, so about 1 ms
# of a shell is included), and the time to the first line of the longest
# listing. The nudge follow-ups are optional: a store from iv_mkstore has
# none, so add an interview request (its "reach out to someone else" nudge
# is the follow-up to name) for someone whose company has people you reach,
# and one for someone whose company has nobody else.
set -eu
IV=$1
export INFOVIEW_DB="$2"
NOW="--now 2026-03-02T09:00"
row() {
	label=$1
	shift
	ms=$(perf stat -r 5 -e task-clock -x, sh -c "$IV $NOW $* > /dev/null 2>&1" 2>&1 |
		awk -F, '/task-clock/ { printf "%.1f", $1 }')
	printf '| `%s` | %s ms |\n' "$label" "$ms"
}
printf '| command | CPU time |\n|---|---:|\n'
row "agenda" agenda
row "contact show 5000" contact show 5000
row "path --company 'Company 17'" path --company "'Company 17'"
row "search jam" search jam
row "followup list --due" followup list --due
row "draft 15" draft 15
if [ $# -ge 4 ]; then
	row "draft $3 (nudge, people at the company)" draft "$3"
	row "draft $4 (nudge, nobody else there)" draft "$4"
fi
row "contact list (100,000 rows, whole)" contact list
python3 - "$IV" <<'PY'
import os, subprocess, sys, time
t0 = time.monotonic()
p = subprocess.Popen([sys.argv[1], "--now", "2026-03-02T09:00", "contact", "list"], stdout=subprocess.PIPE)
p.stdout.readline()
t1 = time.monotonic()
p.stdout.read()
p.wait()
print("\n`contact list`: first line after %.1f ms, the whole after %.1f ms (wall)" %
      (1000 * (t1 - t0), 1000 * (time.monotonic() - t0)))
PY
