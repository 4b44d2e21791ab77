#!/usr/bin/env bash
# Reach (issue 13): the share of findings that carry a fix, per transform that has one, on
# pinned legacy asyncio code, before and after a change; and that the fixes break nothing there.
#
#   scripts/reach.sh [--before BIN] [--tree DIR ...]
#
# The set: the sdists (they ship their tests) of pinned legacy releases whose suites drive
# their own event loops (unittest `setUp` loops, pytest `loop` fixtures): websockets 8.1,
# aiohttp 3.6.3, aioredis 1.3.1, aiopg 1.0.0; downloaded once from PyPI's simple index into
# ~/.cache/asyncup-reach ($REACH_CACHE). `--tree DIR` adds a folder of your own (for example
# the benchmark's unpacked 1.37M-line set, /tmp/asyncup-bench/real-set/tree).
#
# It builds the release binary (the "after"), runs `asyncup check --output-format json
# --target-version py311` with it and, with `--before BIN`, with an older build, and prints per
# transform: findings, how many carry a fix (safe + unsafe), and the share. Then it runs
# `asyncup fix --unsafe-fixes --target-version py311` over a copy of each tree and checks that
# every changed file still compiles (0 broken files) and that ruff (the round trip's pinned
# 0.8.4) finds no new E701/F841/F401/I001 violation in the files it changed (scripts/lint_gate.py).
# Not part of scripts/test.sh: the round trip and the suite gate are the CI's versions of these
# checks; this script is for the issue's figures.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${REACH_CACHE:-$HOME/.cache/asyncup-reach}"
WORK="${REACH_DIR:-/tmp/asyncup-reach}"
PYTHON="${PYTHON:-python3.11}"
RUFF="${RUFF:-$HOME/.cache/asyncup-roundtrip/ruff-0.8.4/bin/ruff}"
BEFORE=""
EXTRA=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --before) BEFORE="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
        --tree) EXTRA+=("$(cd "$2" && pwd)"); shift 2 ;;
        -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "reach.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

SDISTS=(websockets==8.1 aiohttp==3.6.3 aioredis==1.3.1 aiopg==1.0.0)

mkdir -p "$CACHE" "$WORK"
for spec in "${SDISTS[@]}"; do
    name="${spec%%==*}" version="${spec##*==}"
    file="$CACHE/$name-$version.tar.gz"
    [[ -f "$file" ]] && continue
    url=$(curl -fsS "https://pypi.org/simple/$name/" \
        | grep -o "href=\"[^\"]*/$name-$version\.tar\.gz[^\"]*\"" | head -n 1 | sed 's/^href="//; s/"$//')
    [[ -n "$url" ]] || { echo "reach.sh: no sdist for $spec" >&2; exit 1; }
    echo "== downloading $name $version" >&2
    curl -fsSL -o "$file.tmp" "${url%%#*}"
    expected="${url##*#sha256=}"
    actual=$(sha256sum "$file.tmp" | cut -d' ' -f1)
    [[ "$expected" == "$actual" ]] || { echo "reach.sh: checksum mismatch for $spec" >&2; exit 1; }
    mv "$file.tmp" "$file"
done

rm -rf "$WORK/legacy"
mkdir -p "$WORK/legacy"
for spec in "${SDISTS[@]}"; do
    name="${spec%%==*}" version="${spec##*==}"
    tar -xzf "$CACHE/$name-$version.tar.gz" -C "$WORK/legacy"
done

(cd "$ROOT" && cargo build --release --quiet)
AFTER="$ROOT/target/release/asyncup"

TREES=("$WORK/legacy" "${EXTRA[@]}")
for tree in "${TREES[@]}"; do
    lines=$(find "$tree" -name '*.py' -print0 | xargs -0 cat | wc -l)
    files=$(find "$tree" -name '*.py' | wc -l)
    echo
    echo "== $tree ($files files, $lines lines)"
    "$AFTER" check --output-format json --target-version py311 "$tree" >"$WORK/after.json" 2>/dev/null || true
    if [[ -n "$BEFORE" ]]; then
        "$BEFORE" check --output-format json --target-version py311 "$tree" >"$WORK/before.json" 2>/dev/null || true
    else
        echo "[]" >"$WORK/before.json"
    fi
    "$PYTHON" - "$WORK/before.json" "$WORK/after.json" "$AFTER" "${BEFORE:+yes}" <<'PY'
import collections, json, subprocess, sys
before_file, after_file, after_bin, have_before = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else ""
# Transforms that have a fix: `asyncup list` says "no fix" for the others.
fixable = set()
for line in subprocess.run([after_bin, "list"], capture_output=True, text=True).stdout.splitlines():
    parts = line.split()
    if len(parts) >= 3 and "no fix" not in line:
        fixable.add(parts[0])
def count(path):
    rows = collections.defaultdict(lambda: [0, 0])
    for finding in json.load(open(path)):
        if finding["id"] not in fixable:
            continue
        rows[finding["id"]][0] += 1
        rows[finding["id"]][1] += finding.get("fix") is not None
    return rows
before, after = count(before_file), count(after_file)
def share(row):
    return f"{row[1]:>5}/{row[0]:<5} {100 * row[1] / row[0]:5.1f}%" if row[0] else f"{'-':>17}"
print(f"  {'transform (with a fix)':<30} {'before: with fix/all':>20}  {'after: with fix/all':>20}")
total_b, total_a = [0, 0], [0, 0]
for transform in sorted(set(before) | set(after)):
    b, a = before.get(transform, [0, 0]), after.get(transform, [0, 0])
    total_b = [x + y for x, y in zip(total_b, b)]
    total_a = [x + y for x, y in zip(total_a, a)]
    print(f"  {transform:<30} {share(b) if have_before else '-':>20}  {share(a):>20}")
print(f"  {'total':<30} {share(total_b) if have_before else '-':>20}  {share(total_a):>20}")
PY
    rm -rf "$WORK/before-tree" "$WORK/fixed-tree"
    cp -r "$tree" "$WORK/before-tree"
    cp -r "$tree" "$WORK/fixed-tree"
    status=0
    "$AFTER" fix --unsafe-fixes --target-version py311 "$WORK/fixed-tree" >/dev/null 2>"$WORK/fix.err" || status=$?
    [[ $status -le 1 ]] || { echo "reach.sh: fix exited $status"; tail -n 3 "$WORK/fix.err"; exit 1; }
    echo "  fix: $(tail -n 1 "$WORK/fix.err")"
    "$PYTHON" - "$WORK/before-tree" "$WORK/fixed-tree" <<'PY'
import os, sys
before, after = sys.argv[1], sys.argv[2]
changed = broken = 0
for root, _, files in os.walk(after):
    for name in files:
        if not name.endswith(".py"):
            continue
        path = os.path.join(root, name)
        old = os.path.join(before, os.path.relpath(path, after))
        new_text = open(path, "rb").read()
        if open(old, "rb").read() == new_text:
            continue
        changed += 1
        try:
            compile(new_text, path, "exec", dont_inherit=True)
        except SyntaxError as err:
            broken += 1
            print(f"  BROKEN {os.path.relpath(path, after)}: {err}")
print(f"  {changed} files changed, {broken} broken (compile() under {sys.version.split()[0]})")
sys.exit(1 if broken else 0)
PY
    if [[ -x "$RUFF" ]]; then
        # Reported for each tree (a failure does not stop the other trees).
        "$PYTHON" "$ROOT/scripts/lint_gate.py" "$RUFF" "$WORK/before-tree" "$WORK/fixed-tree" \
            | sed 's/^/  /' || true
    else
        echo "  (no ruff at $RUFF: run scripts/roundtrip.sh once to install it; lint gate skipped)"
    fi
done
