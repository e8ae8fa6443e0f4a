#!/usr/bin/env python3
"""Messages people read never name a C constant.

Usage: check-messages.py SOURCE-DIR

Reads every string literal of the library (lib/, lib/backends/) and of the
infoview program (examples/infoview/) and fails when one holds a name such
as IV_DELETE_CASCADE or IV_EINVALID: an error message says what a flag or
code means in words ("delete with cascade to remove them too"), and the
program names its own options (--cascade). The one exception is
iv_error_name(), whose whole point is to give programs the C name of a code.
"""

import os
import re
import sys

CONSTANT = re.compile(r"\bIV_[A-Z][A-Z0-9_]*")
# The body of iv_error_name() in lib/error.c: names for programs, not messages.
EXEMPT = re.compile(r"const char \*iv_error_name\(int code\)\n\{.*?\n\}\n", re.S)


def literals(src):
    """Yields (offset, text) of each string literal, skipping comments and character constants."""
    i, n = 0, len(src)
    while i < n:
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src[i] in "\"'":
            quote, j = src[i], i + 1
            while j < n and src[j] != quote:
                j += 2 if src[j] == "\\" else 1
            if quote == '"':
                yield i, src[i + 1:j]
            i = j + 1
        else:
            i += 1


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check-messages.py SOURCE-DIR")
    root = sys.argv[1]
    dirs = ["lib", os.path.join("lib", "backends"), os.path.join("examples", "infoview")]
    scanned = exempted = 0
    bad = []
    for d in dirs:
        for name in sorted(os.listdir(os.path.join(root, d))):
            if not name.endswith(".c"):
                continue
            path = os.path.join(root, d, name)
            with open(path, encoding="utf-8") as f:
                src = f.read()
            spans = [m.span() for m in EXEMPT.finditer(src)]
            for at, text in literals(src):
                if any(a <= at < b for a, b in spans):
                    exempted += 1
                    continue
                scanned += 1
                for m in CONSTANT.finditer(text):
                    line = src.count("\n", 0, at) + 1
                    bad.append(f"{os.path.join(d, name)}:{line}: {m.group(0)} in \"{text}\"")
    # A scan that finds nothing to read (moved files, a broken reader) must not pass.
    if scanned < 500 or exempted == 0:
        sys.exit(f"check-messages: read only {scanned} literals ({exempted} exempt): is {root} the source tree?")
    if bad:
        print("Messages name C constants; say what they mean in words instead:")
        print("\n".join(bad))
        sys.exit(1)
    print(f"check-messages: {scanned} string literals, none names a C constant")


if __name__ == "__main__":
    main()
