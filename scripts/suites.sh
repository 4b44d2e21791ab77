#!/usr/bin/env bash
# The test-suite gate: pinned PyPI packages' own test suites, run on their sdists before and
# after `asyncup fix --unsafe-fixes`; fails on any test the migration breaks (see
# scripts/suite_gate.py). Downloads and venvs go to $SUITES_CACHE (default
# $ROUNDTRIP_CACHE/suites, i.e. ~/.cache/asyncup-roundtrip/suites), outside the repo.
#
# Usage: scripts/suites.sh [PACKAGE ...]     (builds the release binary first)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/asyncup"
exec "$PYTHON" "$ROOT/scripts/suite_gate.py" "$BIN" "$@"
