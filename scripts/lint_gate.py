#!/usr/bin/env python3
"""The lint gate of the round trip: on every file asyncup changed, run ruff with the rules a
maintainer's CI most often holds generated code to (E701 one-line compound statements, F841
unused locals, F401 unused imports, I001 import order) on the file before and after, and fail
on any violation the rewrite added (rules in REPORT_ONLY would only be listed).

    lint_gate.py RUFF BEFORE_DIR AFTER_DIR
"""
import collections
import json
import os
import subprocess
import sys

RULES = "E701,F841,F401,I001"
# Reported, but not failing (none at the moment: executor-to-thread now deletes a
# `loop = asyncio.get_running_loop()` it left unused, so F841 fails the gate too).
REPORT_ONLY: set[str] = set()
# Known new violations, by (changed file, code), each with the transform that causes it. They
# are listed but do not fail; anything else new does. Remove a row when its cause is fixed.
KNOWN = {
    # Empty: the one listed before (gather-to-taskgroup's unused `tasks` list in aiosqlite's
    # tests/smoke.py, where a nested function's own parameter has the loop variable's name)
    # is written as a `for` loop now.
}
ruff, before, after = sys.argv[1:4]

changed = []
for root, _, files in os.walk(before):
    for name in files:
        if not name.endswith(".py"):
            continue
        old = os.path.join(root, name)
        rel = os.path.relpath(old, before)
        new = os.path.join(after, rel)
        with open(old, "rb") as a, open(new, "rb") as b:
            if a.read() != b.read():
                changed.append(rel)


def violations(tree):
    counts = collections.Counter()
    for start in range(0, len(changed), 200):
        out = subprocess.run(
            [ruff, "check", "--isolated", "--no-cache", "--select", RULES,
             "--target-version", "py311", "--output-format", "json", "--exit-zero",
             *changed[start:start + 200]],
            cwd=tree, capture_output=True, text=True, check=True,
        )
        for v in json.loads(out.stdout or "[]"):
            counts[(os.path.relpath(v["filename"], tree), v["code"])] += 1
    return counts


old, new = violations(before), violations(after)
added = collections.Counter()
for (path, code), n in sorted(new.items()):
    if n > old.get((path, code), 0):
        added[code] += n - old.get((path, code), 0)
        print(f"NEW LINT {path}: {code} x{n - old.get((path, code), 0)}")
total_old = sum(old.values())
total_new = sum(new.values())
print(f"lint gate ({RULES}) on {len(changed)} changed files: {total_old} violations before, "
      f"{total_new} after, {sum(added.values())} new {dict(added)}")
failing = collections.Counter()
for (path, code), n in sorted(new.items()):
    grown = n - old.get((path, code), 0) - KNOWN.get((path, code), 0)
    if grown > 0 and code not in REPORT_ONLY:
        failing[code] += grown
for (path, code), n in KNOWN.items():
    if new.get((path, code), 0) - old.get((path, code), 0) < n:
        print(f"lint gate: known violation gone, remove it from KNOWN: {path} {code}")
if added and not failing:
    print(f"lint gate: only known violations ({len(KNOWN)}) or report-only rules grew: not failing")
elif failing:
    print(f"lint gate: FAILING on {dict(failing)}")
sys.exit(1 if failing else 0)
