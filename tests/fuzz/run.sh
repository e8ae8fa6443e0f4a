#!/usr/bin/env bash
# Runs the fuzz harnesses for a bounded time (issue 12): the ctest "fuzz"
# and .ci/run's fuzzing section.
#
# usage: run.sh [--replay] BIN_DIR CORPUS_DIR NAME...
#
# Each harness NAME runs from its seed corpus CORPUS_DIR/NAME:
# - libFuzzer programs BIN_DIR/fuzz_NAME (a -DIV_FUZZ=ON build) for
#   $IV_FUZZ_SECONDS seconds each (default 10), new inputs kept in a
#   temporary directory;
# - with --replay, the replay programs BIN_DIR/fuzz_replay_NAME (every
#   build) on changed copies of the corpus for $IV_FUZZ_REPLAY_SECONDS
#   seconds each (default 1).
# A crash, leak, sanitizer report or broken property (see each harness's
# comment) fails the run, which prints the end of the log and the input.
set -euo pipefail

replay=0
if [ "${1:-}" = --replay ]; then
	replay=1
	shift
fi
if [ $# -lt 3 ]; then
	echo "usage: $0 [--replay] BIN_DIR CORPUS_DIR NAME..." >&2
	exit 2
fi
bin=$(cd "$1" && pwd)
corpus=$(cd "$2" && pwd)
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seconds=${IV_FUZZ_SECONDS:-10}
replay_seconds=${IV_FUZZ_REPLAY_SECONDS:-1}

for name in "$@"; do
	seeds=("$corpus/$name"/*)
	log=$work/$name.log
	if [ "$replay" -eq 1 ]; then
		echo "--- fuzz_replay_$name for $replay_seconds s"
		cmd=("$bin/fuzz_replay_$name" -t "$replay_seconds" "${seeds[@]}")
	else
		echo "--- fuzz_$name for $seconds s"
		mkdir -p "$work/$name"
		cmd=("$bin/fuzz_$name" -max_total_time="$seconds" -max_len=65536 -timeout=20
			-rss_limit_mb=2048 -print_final_stats=1 "$work/$name" "$corpus/$name")
	fi
	if ! (cd "$work" && "${cmd[@]}") >"$log" 2>&1; then
		tail -n 60 "$log"
		for input in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* \
			"$work"/fuzz-failure-*; do
			[ -e "$input" ] || continue
			echo "input $input:"
			od -c "$input" | head -n 40
			# Kept where a developer finds it, to add to the corpus once fixed.
			cp "$input" "./fuzz-$name-$(basename "$input")" 2>/dev/null &&
				echo "(copied to $(pwd)/fuzz-$name-$(basename "$input"))"
		done
		echo "FAIL: fuzz_$name found a failing input" >&2
		exit 1
	fi
	grep -E '^stat::number_of_executed_units|no failure$' "$log" || true
done
