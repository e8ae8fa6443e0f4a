#!/usr/bin/env bash
# Installs the built tree into a temporary prefix, then builds and runs
# programs outside the tree against that prefix only: with pkg-config (shared
# and, with --static, the static archive) and with CMake find_package(). It
# also checks what the prefix holds: the SONAME, the static archive, the
# pkg-config and CMake files. Everything happens under one temporary
# directory that is removed at the end.
#
# usage: run.sh --build DIR --libdir REL --cmake CMAKE --cc CC
#               --pkg-config PKG_CONFIG --version X.Y.Z --soname NAME
#               --shared 0|1 --static 0|1
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build= libdir_rel= cmake=cmake cc=cc pkgconfig=pkg-config version= soname=
have_shared=1 have_static=1
while [ $# -gt 0 ]; do
	case "$1" in
	--build) build=$2 ;;
	--libdir) libdir_rel=$2 ;;
	--cmake) cmake=$2 ;;
	--cc) cc=$2 ;;
	--pkg-config) pkgconfig=$2 ;;
	--version) version=$2 ;;
	--soname) soname=$2 ;;
	--shared) have_shared=$2 ;;
	--static) have_static=$2 ;;
	*) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
	esac
	shift 2
done
[ -n "$build" ] && [ -n "$libdir_rel" ] && [ -n "$version" ] || {
	echo "run.sh: --build, --libdir and --version are required" >&2
	exit 2
}
case "$libdir_rel" in
/*) echo "run.sh: CMAKE_INSTALL_LIBDIR is absolute ($libdir_rel); cannot relocate to a test prefix" >&2; exit 2 ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/iv-consumer.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# The programs make their stores under TMPDIR: keep them inside ours.
export TMPDIR=$tmp
prefix=$tmp/prefix
libdir=$prefix/$libdir_rel

failures=0
pass() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# Runs a step quietly, showing its output only when it fails.
step() {
	local what=$1
	shift
	if "$@" >"$tmp/step.log" 2>&1; then
		pass "$what"
		return 0
	fi
	fail "$what"
	sed 's/^/  | /' "$tmp/step.log"
	return 1
}
needed() { readelf -d "$1" | sed -nE 's/.*\(NEEDED\).*\[(.*)\]/\1/p'; }

echo "== installing $build into $prefix"
if ! "$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log"
	echo "FAIL: cmake --install"
	exit 1
fi

# What the prefix must hold.
for f in include/infoview/infoview.h include/infoview/sys/backend.h \
	"$libdir_rel/pkgconfig/infoview.pc" \
	"$libdir_rel/cmake/infoview/infoviewConfig.cmake" \
	"$libdir_rel/cmake/infoview/infoviewConfigVersion.cmake" \
	"$libdir_rel/cmake/infoview/infoviewTargets.cmake"; do
	if [ -f "$prefix/$f" ]; then pass "installed $f"; else fail "not installed: $f"; fi
done

if [ "$have_shared" = 1 ]; then
	if [ -f "$libdir/$soname" ]; then
		got=$(readelf -d "$libdir/$soname" | sed -nE 's/.*\(SONAME\).*\[(.*)\]/\1/p')
		if [ "$got" = "$soname" ]; then pass "SONAME is $got"; else fail "SONAME is '$got', expected $soname"; fi
	else
		fail "not installed: $libdir_rel/$soname"
	fi
	if [ -e "$libdir/libinfoview.so" ] && [ "$(readlink -f "$libdir/libinfoview.so")" = "$(readlink -f "$libdir/$soname")" ]; then
		pass "libinfoview.so links to $soname"
	else
		fail "libinfoview.so missing or not a link to $soname"
	fi
fi
if [ "$have_static" = 1 ]; then
	if [ -f "$libdir/libinfoview.a" ]; then pass "installed $libdir_rel/libinfoview.a"; else fail "not installed: $libdir_rel/libinfoview.a"; fi
fi

# The installed example finds its library through its RUNPATH alone.
qs=$(find "$prefix" -name iv-quickstart -type f | head -n 1)
if [ -n "$qs" ]; then
	step "installed iv-quickstart runs without LD_LIBRARY_PATH" \
		env -u LD_LIBRARY_PATH "$qs" "$tmp/quickstart.db" || true
fi

# --- pkg-config -------------------------------------------------------------
# PKG_CONFIG_PATH is searched before the system directories, so this
# infoview.pc wins over any installed one; sqlite3.pc and uuid.pc (needed by
# --static) still come from the system.
export PKG_CONFIG_PATH=$libdir/pkgconfig
pc() { "$pkgconfig" "$@" infoview; }

got=$(pc --modversion || true)
if [ "$got" = "$version" ]; then pass "pkg-config version $got"; else fail "pkg-config version '$got', expected $version"; fi
got=$(pc --variable=prefix || true)
if [ "$got" = "$prefix" ]; then pass "pkg-config prefix is the install prefix"; else fail "pkg-config prefix is '$got', expected $prefix"; fi

if [ "$have_shared" = 1 ]; then
	echo "== pkg-config, shared"
	# Word splitting of pkg-config's output is intended.
	# shellcheck disable=SC2046
	if step "cc prog.c \$(pkg-config --cflags --libs infoview)" \
		"$cc" -o "$tmp/prog-pc" "$here/prog.c" $(pc --cflags --libs); then
		if needed "$tmp/prog-pc" | grep -x "$soname" >/dev/null; then
			pass "prog-pc needs $soname"
		else
			fail "prog-pc does not need $soname: $(needed "$tmp/prog-pc" | tr '\n' ' ')"
		fi
		step "run prog-pc" env LD_LIBRARY_PATH="$libdir" "$tmp/prog-pc" || true
	fi
fi

if [ "$have_static" = 1 ]; then
	echo "== pkg-config --static, static archive"
	# -l:libinfoview.a picks the archive although the .so sits beside it;
	# --static must then supply everything the archive needs.
	static_libs=$(pc --static --libs || true)
	static_libs=$(printf '%s\n' "$static_libs" | sed -E 's/(^| )-linfoview( |$)/\1-l:libinfoview.a\2/')
	# shellcheck disable=SC2046,SC2086
	if step "cc prog.c \$(pkg-config --cflags --static --libs infoview) against libinfoview.a" \
		"$cc" -o "$tmp/prog-static" "$here/prog.c" $(pc --cflags) $static_libs; then
		if needed "$tmp/prog-static" | grep '^libinfoview' >/dev/null; then
			fail "prog-static still needs a shared libinfoview"
		else
			pass "prog-static does not need a shared libinfoview"
		fi
		step "run prog-static" "$tmp/prog-static" || true
	fi
fi

# --- CMake ------------------------------------------------------------------
echo "== CMake find_package(infoview)"
mkdir -p "$tmp/src"
cp "$here/CMakeLists.txt" "$here/prog.c" "$tmp/src/"
with_static=OFF
[ "$have_static" = 1 ] && [ "$have_shared" = 1 ] && with_static=ON
if step "configure a find_package(infoview) project" \
	"$cmake" -S "$tmp/src" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
	-DCMAKE_C_COMPILER="$cc" -DWITH_STATIC="$with_static"; then
	found=$(sed -nE 's/^infoview_DIR:PATH=(.*)$/\1/p' "$tmp/cmake-build/CMakeCache.txt")
	case "$found" in
	"$prefix"/*) pass "found the package in the test prefix" ;;
	*) fail "found the package at '$found', not in $prefix" ;;
	esac
	if step "build it" "$cmake" --build "$tmp/cmake-build"; then
		step "run prog (infoview::infoview)" env LD_LIBRARY_PATH="$libdir" "$tmp/cmake-build/prog" || true
		if [ "$with_static" = ON ]; then
			if needed "$tmp/cmake-build/prog_static" | grep '^libinfoview' >/dev/null; then
				fail "prog_static still needs a shared libinfoview"
			fi
			step "run prog_static (infoview::infoview_static)" "$tmp/cmake-build/prog_static" || true
		fi
	fi
fi

if [ "$failures" -ne 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "all consumer checks passed"
