#!/usr/bin/env bash
# The whole test suite, from a fresh clone: makes the Python venv the behaviour tests use,
# then runs formatting and lint checks and every Rust test (unit, fixtures, CLI, behaviour),
# the real-world round trip and the real packages' test suites before and after the migration,
# then the install checks (the wheel in a fresh venv, the pre-commit hooks) and the all-repos
# fleet test.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=.venv
stamp=$venv/.requirements-installed
if [ ! -x "$venv/bin/python" ] || ! cmp -s tests/requirements.txt "$stamp"; then
    echo "==> creating $venv with $("$python" --version)"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
    cp tests/requirements.txt "$stamp"
fi
export ASYNCUP_PYTHON="$PWD/$venv/bin/python"

echo "==> cargo fmt --check"
cargo fmt --all -- --check
echo "==> cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "==> cargo test"
cargo test --locked --all-targets
echo "==> real-world round trip (scripts/roundtrip.sh)"
PYTHON="$PWD/$venv/bin/python" scripts/roundtrip.sh
echo "==> real-world test suites before and after the migration (scripts/suites.sh)"
scripts/suites.sh
echo "==> install like ruff: wheel, fresh venv, pre-commit hooks (scripts/install_check.sh)"
PYTHON="$python" scripts/install_check.sh
echo "==> a fleet on all-repos (scripts/fleet_check.sh)"
PYTHON="$python" scripts/fleet_check.sh
