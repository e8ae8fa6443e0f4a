#!/usr/bin/env bash
# Rebuilds the library with debug info and rewrites the ABI baseline,
# abi/SONAME.abi (abi/libinfoview.so.0.abi), that the ctest `abi` compares
# every build with.
#
# usage: abi/update.sh          (from anywhere; builds in build-abi/)
#
# Run it only for a deliberate change that adds to the ABI (new functions in
# a new node of lib/infoview.map, written by abi/update-map.sh; a versioned
# struct grown at its end), and always when cutting a release. Never to make
# the check pass after a removal or a changed signature: that is an ABI
# break, which needs a new SONAME (CMakeLists.txt, IV_SOVERSION) and an
# entry marked as one in CHANGELOG.md.
#
# The baseline does not depend on where or by whom it was built: no build
# paths (--no-corpus-path, --no-comp-dir-path, --short-locs), types read
# from the public headers only, and the same compiler (gcc) and flags each
# time. Review the result with git diff before committing it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${IV_ABI_BUILD_DIR:-build-abi}

for tool in abidw cmake gcc nm readelf; do
	command -v "$tool" >/dev/null || { echo "update.sh: $tool not found (abidw is in abigail-tools)" >&2; exit 1; }
done

# -Og: DWARF that describes every parameter, from a build that is not slow.
CC=gcc cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_C_FLAGS_DEBUG=-g -Og" \
	-DBUILD_SHARED_LIBS=ON -DIV_BUILD_STATIC=OFF -DIV_BUILD_TESTS=OFF -DIV_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target infoview -j2 >/dev/null

# A baseline is only worth writing for a library whose exports match its
# headers and its version script.
bash tests/check-exports.sh "$build/libinfoview.so" include lib/infoview.map nm

# One baseline per SONAME: a new SONAME starts a new ABI.
soname=$(readelf -d "$build/libinfoview.so" | sed -nE 's/.*\(SONAME\).*\[(.*)\]$/\1/p')
[ -n "$soname" ] || { echo "update.sh: $build/libinfoview.so has no SONAME" >&2; exit 1; }
out=abi/$soname.abi

# The same filtering as tests/check-abi.sh.
abidw --exported-interfaces-only --drop-private-types \
	--headers-dir include/infoview --headers-dir include/infoview/sys \
	--suppressions abi/suppressions \
	--no-corpus-path --no-comp-dir-path --short-locs \
	--out-file "$out.tmp" "$build/libinfoview.so"
mv "$out.tmp" "$out"

echo "update.sh: wrote $out; review it with: git diff --stat $out"
