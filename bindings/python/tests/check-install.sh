#!/usr/bin/env bash
# The Python package as installed: `cmake --install` into a temporary
# prefix, then the story of README.md's "Python" section run as printed,
# with only PYTHONPATH pointing at the prefix's site directory (no
# INFOVIEW_LIBRARY, no LD_LIBRARY_PATH): the package must load the library
# installed with it.
#
# usage: check-install.sh CMAKE BUILD_DIR PYTHON SITEDIR README
set -euo pipefail

cmake=$1 build=$2 python=$3 sitedir=$4 readme=$5
tmp=$(mktemp -d "${TMPDIR:-/tmp}/iv-python.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
case $sitedir in
/*) echo "check-install.sh: IV_PYTHON_SITEDIR is absolute ($sitedir); cannot relocate to a test prefix" >&2; exit 77 ;;
esac

if ! "$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log"
	echo "FAIL: cmake --install"
	exit 1
fi
for f in __init__.py _errors.py _lib.py _records.py _store.py _installed.py py.typed; do
	[ -f "$prefix/$sitedir/infoview/$f" ] || { echo "FAIL: $sitedir/infoview/$f not installed"; exit 1; }
done

# The story, as README.md prints it (the first ```python block).
. "$(dirname "${BASH_SOURCE[0]}")/story.sh"
story_extract "$readme" "$tmp/story.py"

mkdir "$tmp/run"
cd "$tmp/run"
export PYTHONPATH=$prefix/$sitedir PYTHONDONTWRITEBYTECODE=1
unset INFOVIEW_LIBRARY LD_LIBRARY_PATH
"$python" -c 'import infoview, sys; print(infoview.__file__); print(infoview._lib.lib._name)' >"$tmp/where"
grep -qx "$prefix/$sitedir/infoview/__init__.py" <(sed -n 1p "$tmp/where") ||
	{ echo "FAIL: imported $(sed -n 1p "$tmp/where"), not the installed package"; exit 1; }
case $(sed -n 2p "$tmp/where") in
"$prefix"/*) ;;
*) echo "FAIL: loaded $(sed -n 2p "$tmp/where"), not the installed library"; exit 1 ;;
esac
story_run "$python" "$tmp/story.py" "$tmp/out"
[ -f jobsearch.db ] || { echo "FAIL: no jobsearch.db"; exit 1; }
echo "ok: the story ran against the installed prefix"
