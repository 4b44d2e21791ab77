#!/usr/bin/env bash
# Real-world round trip: run `asyncup fix --unsafe-fixes` over a copy of pinned asyncio-heavy
# packages from PyPI and check that nothing is ever broken:
#   - every file that compiled before still compiles (CPython's `compile`, as py_compile does);
#   - every file asyncup could not parse is byte-identical;
#   - a second run changes nothing; asyncup exits 0, 1 or 2 (never a panic or a signal);
#   - ruff (pinned) finds no new E701/F841/F401/I001 violation in a changed file;
# then print the summary's counts. Downloads go to $ROUNDTRIP_CACHE (default
# ~/.cache/asyncup-roundtrip), outside the repo; nothing downloaded is committed.
#
# Usage: scripts/roundtrip.sh            (builds the release binary first)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${ROUNDTRIP_CACHE:-$HOME/.cache/asyncup-roundtrip}"
PYTHON="${PYTHON:-python3}"
PACKAGES=(
    aiohttp==3.10.10 aiohttp==3.8.6 httpx==0.28.1 httpcore==1.0.6 requests==2.32.3 anyio==4.6.0
    websockets==13.1 uvicorn==0.32.0 starlette==0.41.0 aiofiles==24.1.0 aiosqlite==0.20.0
    redis==5.2.0 tornado==6.4.1 fastapi==0.115.4 asyncpg==0.30.0 sanic==24.6.0 asgiref==3.8.1
)

cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/asyncup"

mkdir -p "$CACHE/wheels"
for spec in "${PACKAGES[@]}"; do
    # One call each: pip refuses two versions of a package in one resolution.
    "$PYTHON" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary :all: \
        -d "$CACHE/wheels" "$spec"
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/asyncup-roundtrip.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
for spec in "${PACKAGES[@]}"; do
    name="${spec%%==*}"; version="${spec##*==}"
    wheel=$(ls "$CACHE"/wheels/"${name//-/_}"-"$version"-*.whl 2>/dev/null | head -1)
    [ -n "$wheel" ] || { echo "roundtrip: no wheel for $spec" >&2; exit 1; }
    mkdir -p "$WORK/tree/$name-$version"
    "$PYTHON" -m zipfile -e "$wheel" "$WORK/tree/$name-$version"
done
cp -r "$WORK/tree" "$WORK/before"

"$PYTHON" - "$WORK" <<'PY'
import os, sys
work = sys.argv[1]
rows, total = [], 0
for package in sorted(os.listdir(f"{work}/before")):
    lines = 0
    for root, _, files in os.walk(f"{work}/before/{package}"):
        for f in files:
            if f.endswith((".py", ".pyi")):
                with open(os.path.join(root, f), "rb") as fh:
                    lines += fh.read().count(b"\n")
    rows.append((package, lines)); total += lines
for package, lines in rows:
    print(f"  {package:<28} {lines:>8} lines")
print(f"  {'total':<28} {total:>8} lines")
PY

echo "findings per transform, by the fix offered (check, first pass):"
# check exits 1 when it finds something: that is the point here, not a failure.
{ "$BIN" check --output-format json --target-version py311 "$WORK/before" 2>/dev/null || true; } \
    | "$PYTHON" "$ROOT/scripts/fix_counts.py"

# The pre-filter (files without any word a transform needs are neither parsed nor walked) must change
# no finding: compare with it off.
"$BIN" check --output-format json --target-version py311 "$WORK/before" >"$WORK/pf_on.json" 2>/dev/null || true
"$BIN" check --no-prefilter --output-format json --target-version py311 "$WORK/before" >"$WORK/pf_off.json" 2>/dev/null || true
if ! cmp -s "$WORK/pf_on.json" "$WORK/pf_off.json"; then
    echo "roundtrip: the pre-filter changed the findings:"; diff "$WORK/pf_on.json" "$WORK/pf_off.json" | head -20
    exit 1
fi
echo "pre-filter: findings identical with it off ($(grep -c '"id"' "$WORK/pf_on.json") findings)"

status=0
"$BIN" fix --unsafe-fixes --target-version py311 "$WORK/tree" >"$WORK/fix1.out" 2>"$WORK/fix1.err" || status=$?
[ "$status" -le 2 ] || { echo "roundtrip: asyncup exited $status (crash?)"; tail -5 "$WORK/fix1.err"; exit 1; }
echo "first run (exit $status): $(tail -1 "$WORK/fix1.err")"

"$PYTHON" - "$WORK" <<'PY'
import os, sys
work = sys.argv[1]
errors = open(f"{work}/fix1.err").read()
broken, untouched_bad, changed, refused = [], 0, 0, 0
for root, _, files in os.walk(f"{work}/before"):
    for f in files:
        if not f.endswith((".py", ".pyi")):
            continue
        old_path = os.path.join(root, f)
        new_path = old_path.replace(f"{work}/before", f"{work}/tree", 1)
        old, new = open(old_path, "rb").read(), open(new_path, "rb").read()
        changed += old != new
        try:
            compile(old, old_path, "exec")
        except Exception:
            # Did not compile before: asyncup must not have touched it if it could not parse it.
            if new_path in errors:
                refused += 1
                if old != new:
                    broken.append(f"{new_path}: unparsable file was changed")
            continue
        try:
            compile(new, new_path, "exec")
        except Exception as exc:
            broken.append(f"{new_path}: {exc}")
print(f"files changed: {changed}; files refused with an error: {refused}")
for b in broken:
    print("BROKEN", b)
sys.exit(1 if broken else 0)
PY

# The lint gate: ruff (pinned, in its own venv beside the downloads) on every changed file,
# before and after; any new E701/F841/F401/I001 violation fails the round trip.
RUFF_VERSION=0.8.4
RUFF_VENV="$CACHE/ruff-$RUFF_VERSION"
if [ ! -x "$RUFF_VENV/bin/ruff" ]; then
    "$PYTHON" -m venv "$RUFF_VENV"
    "$RUFF_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "ruff==$RUFF_VERSION"
fi
"$PYTHON" "$ROOT/scripts/lint_gate.py" "$RUFF_VENV/bin/ruff" "$WORK/before" "$WORK/tree"

second=0
"$BIN" diff --unsafe-fixes --target-version py311 "$WORK/tree" >"$WORK/diff2.out" 2>"$WORK/diff2.err" || second=$?
if [ -s "$WORK/diff2.out" ]; then
    echo "roundtrip: the second run still changes code:"; head -40 "$WORK/diff2.out"; exit 1
fi
echo "second run (exit $second): $(tail -1 "$WORK/diff2.err")"
echo "roundtrip: ok"
