#!/usr/bin/env bash
# `pip install ./bindings/python`, as bindings/python/README.md says: the
# package built from a copy of bindings/python (setuptools from the system,
# no index, so no network), installed into a directory of its own, then the
# story of README.md's "Python" section run with only PYTHONPATH at that
# directory and LD_LIBRARY_PATH at the built library's: the package finds
# libinfoview.so.0 through the system loader.
#
# usage: check-pip.sh PYTHON BINDINGS_DIR LIBRARY README
set -euo pipefail

python=$1 src=$2 library=$3 readme=$4
tmp=$(mktemp -d "${TMPDIR:-/tmp}/iv-pip.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# A copy: building writes build/ and *.egg-info beside pyproject.toml.
cp -R "$src" "$tmp/src"
rm -rf "$tmp/src/build" "$tmp/src"/*.egg-info
if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$python" -m pip install --no-build-isolation --no-index \
	--no-deps --no-compile --root-user-action=ignore --target "$tmp/site" "$tmp/src" >"$tmp/pip.log" 2>&1; then
	cat "$tmp/pip.log"
	echo "FAIL: pip install"
	exit 1
fi
for f in __init__.py _errors.py _lib.py _records.py _store.py py.typed; do
	[ -f "$tmp/site/infoview/$f" ] || { echo "FAIL: pip installed no infoview/$f"; exit 1; }
done
[ ! -e "$tmp/site/infoview/_installed.py" ] || { echo "FAIL: pip installed _installed.py"; exit 1; }
ls -d "$tmp"/site/infoview-*.dist-info >/dev/null || { echo "FAIL: no dist-info"; exit 1; }

. "$(dirname "${BASH_SOURCE[0]}")/story.sh"
story_extract "$readme" "$tmp/story.py"

# A directory holding only the library under its SONAME: the loader's name.
mkdir "$tmp/lib" "$tmp/run"
cp "$library" "$tmp/lib/libinfoview.so.0"
cd "$tmp/run"
unset INFOVIEW_LIBRARY
export PYTHONPATH=$tmp/site LD_LIBRARY_PATH=$tmp/lib PYTHONDONTWRITEBYTECODE=1
"$python" -c 'import infoview; print(infoview.__file__); print(infoview._lib.lib._name)' >"$tmp/where"
[ "$(sed -n 1p "$tmp/where")" = "$tmp/site/infoview/__init__.py" ] ||
	{ echo "FAIL: imported $(sed -n 1p "$tmp/where"), not the pip-installed package"; exit 1; }
[ "$(sed -n 2p "$tmp/where")" = libinfoview.so.0 ] ||
	{ echo "FAIL: loaded $(sed -n 2p "$tmp/where"), not libinfoview.so.0 by the loader"; exit 1; }
story_run "$python" "$tmp/story.py" "$tmp/out"
echo "ok: pip installed the package, and the story ran on it"
