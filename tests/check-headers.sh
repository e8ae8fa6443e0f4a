#!/usr/bin/env bash
# Compiles every public header alone, in C11 or C++, with warnings as errors:
# a header that needs another included first, or that only compiles as C,
# fails its users rather than us. Each header is included twice to prove its
# include guard, and the *_INIT macros are expanded to prove they still match
# their structs (a member added without its initialiser is caught here).
#
# usage: check-headers.sh c|c++ COMPILER INCLUDE_DIR
set -euo pipefail

lang=$1
cc=$2
incdir=$3

case "$lang" in
c)
	flags=(-x c -std=c11 -Wall -Wextra -Wpedantic -Werror -Wstrict-prototypes -Wshadow)
	ext=c
	;;
c++)
	flags=(-x c++ -std=c++11 -Wall -Wextra -Wpedantic -Werror -Wshadow)
	ext=cpp
	;;
*)
	echo "usage: check-headers.sh c|c++ COMPILER INCLUDE_DIR" >&2
	exit 2
	;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t headers < <(cd "$incdir" && find infoview -name '*.h' | LC_ALL=C sort)
if [ "${#headers[@]}" -eq 0 ]; then
	echo "check-headers: no headers under $incdir/infoview" >&2
	exit 1
fi

status=0
for h in "${headers[@]}"; do
	src="$tmp/alone.$ext"
	printf '#include <%s>\n#include <%s>\nint iv_check_headers_main(void);\nint iv_check_headers_main(void) { return 0; }\n' \
		"$h" "$h" >"$src"
	if "$cc" "${flags[@]}" -I"$incdir" -fsyntax-only "$src" 2>"$tmp/err"; then
		echo "ok: $h ($lang)"
	else
		echo "FAIL: $h does not compile alone as $lang:"
		sed 's/^/  /' "$tmp/err"
		status=1
	fi
done

# The initialiser macros and the enum/struct names every caller uses.
src="$tmp/macros.$ext"
cat >"$src" <<'EOF'
#include <infoview/infoview.h>
#include <infoview/sys/backend.h>
int iv_check_headers_macros(void);
int iv_check_headers_macros(void)
{
	iv_contact_filter cf = IV_CONTACT_FILTER_INIT;
	iv_intro_filter inf = IV_INTRO_FILTER_INIT;
	iv_interview_filter ivf = IV_INTERVIEW_FILTER_INIT;
	iv_followup_filter fuf = IV_FOLLOWUP_FILTER_INIT;
	iv_backend be = IV_BACKEND_INIT;
	int sum = (int)(cf.version + inf.version + ivf.version + fuf.version + be.version);
	sum += IV_VERSION_NUMBER + IV_ID_LEN + IV_INTERVIEW_DEFAULT_MINUTES;
	sum += (int)IV_DELETE_CASCADE + (int)IV_ITEROVER + (int)IV_BACKEND_ITER_VERSION;
	return sum;
}
EOF
if "$cc" "${flags[@]}" -I"$incdir" -fsyntax-only "$src" 2>"$tmp/err"; then
	echo "ok: initialiser macros ($lang)"
else
	echo "FAIL: the *_INIT macros do not compile cleanly as $lang:"
	sed 's/^/  /' "$tmp/err"
	status=1
fi

exit "$status"
