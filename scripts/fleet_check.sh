#!/usr/bin/env bash
# A fleet on all-repos (issue 11 point 6): integrations/test_all_repos_asyncup.py makes a dozen
# local bare git repositories, runs all-repos-clone and the asyncup autofixer
# (integrations/all_repos_asyncup.py) with the json_file source and the merge_to_master push,
# and checks each repository's history and commit message. all-repos (pinned) is installed in
# a venv under $FLEET_CHECK_CACHE (default ~/.cache/asyncup-install), outside the repo.
#
# Usage: scripts/fleet_check.sh        (builds the release binary first)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${FLEET_CHECK_CACHE:-$HOME/.cache/asyncup-install}"
PYTHON="${PYTHON:-python3}"
ALL_REPOS_VERSION=1.33.0
VENV="$CACHE/all-repos-$ALL_REPOS_VERSION"
if [ ! -x "$VENV/bin/all-repos-clone" ]; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "all-repos==$ALL_REPOS_VERSION"
fi
cargo build --release --quiet --locked --manifest-path "$ROOT/Cargo.toml"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/asyncup"
exec "$VENV/bin/python" "$ROOT/integrations/test_all_repos_asyncup.py" "$BIN"
