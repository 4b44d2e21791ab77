#!/usr/bin/env bash
# Install like ruff (issue 11 point 5), checked end to end:
#   1. build the wheel with maturin (pinned; maturin shares the release build of target/ with
#      `cargo build --release`, so after scripts/roundtrip.sh this only relinks the binary);
#   2. install it into a fresh venv (no index: the wheel alone); `asyncup --version` names the
#      checkout's commit; the README's example gives the same diff as the cargo-built binary;
#      the shell completions are produced (bash's is loaded into bash);
#   3. `pip install .`, `pipx install .` and `uvx --from . asyncup` from the source folder give
#      the same command;
#   4. `pre-commit try-repo` (pinned) on a temporary git repository holding a legacy file:
#      `asyncup-check` must fail and `asyncup-fix` must fail and rewrite the file.
# pre-commit's `language: python` installs the hook repository with pip, which compiles the
# crate in release mode; its Cargo target folder is kept in the cache so that only the crate
# itself is compiled again on later runs. try-repo sees the repository as committed plus
# tracked changes only, so it is given a snapshot commit of the working tree (tracked and
# untracked files, .gitignore respected): what is tested is what is on disk.
# Tools, venvs and the hook build folder go to $INSTALL_CHECK_CACHE (default
# ~/.cache/asyncup-install), outside the repo.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${INSTALL_CHECK_CACHE:-$HOME/.cache/asyncup-install}"
PYTHON="${PYTHON:-python3}"
MATURIN_VERSION=1.16.0
PRE_COMMIT_VERSION=4.7.0
PIPX_VERSION=1.18.4
UV_VERSION=0.13.9
TOOLS="$CACHE/tools-maturin-$MATURIN_VERSION-pre-commit-$PRE_COMMIT_VERSION-pipx-$PIPX_VERSION-uv-$UV_VERSION"
# Commits made here need an identity; a fresh CI machine has none.
export GIT_AUTHOR_NAME=asyncup-test GIT_AUTHOR_EMAIL=asyncup-test@example.invalid
export GIT_COMMITTER_NAME=asyncup-test GIT_COMMITTER_EMAIL=asyncup-test@example.invalid
export GIT_CONFIG_NOSYSTEM=1

step() { printf '==> install: %s (%ss)\n' "$1" "$SECONDS"; }
fail() { echo "install check: FAILED: $*" >&2; exit 1; }

if [ ! -x "$TOOLS/bin/uvx" ]; then
    step "tools venv: maturin $MATURIN_VERSION, pre-commit $PRE_COMMIT_VERSION, pipx $PIPX_VERSION, uv $UV_VERSION"
    rm -rf "$TOOLS"
    "$PYTHON" -m venv "$TOOLS"
    "$TOOLS/bin/python" -m pip install --quiet --disable-pip-version-check \
        "maturin==$MATURIN_VERSION" "pre-commit==$PRE_COMMIT_VERSION" \
        "pipx==$PIPX_VERSION" "uv==$UV_VERSION"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/asyncup-install.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

step "wheel (maturin build --release)"
"$TOOLS/bin/maturin" build --release --locked --quiet --out "$WORK/wheels" \
    --manifest-path "$ROOT/Cargo.toml" 2>"$WORK/maturin.log" \
    || { cat "$WORK/maturin.log" >&2; fail "maturin build"; }
wheel=$(ls "$WORK"/wheels/asyncup-*.whl)
echo "    $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"

step "fresh venv with the wheel"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$wheel"
installed="$WORK/venv/bin/asyncup"
[ -x "$installed" ] || fail "the wheel installed no asyncup command"
version=$("$installed" --version)
echo "    $version"
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
crate_version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -1)
[ "$version" = "asyncup $crate_version ($commit)" ] \
    || fail "--version says '$version', expected 'asyncup $crate_version ($commit)'"

# The README's other ways to install, from the source folder: each builds with maturin from
# PyPI (pinned by the constraint) in an isolated environment, sharing target/ with cargo.
echo "maturin==$MATURIN_VERSION" >"$WORK/constraints.txt"
export PIP_CONSTRAINT="$WORK/constraints.txt" UV_BUILD_CONSTRAINT="$WORK/constraints.txt"
step "pip install ., pipx install ., uvx --from . asyncup"
"$PYTHON" -m venv "$WORK/venv-pip"
"$WORK/venv-pip/bin/python" -m pip install --quiet --disable-pip-version-check "$ROOT"
[ "$("$WORK/venv-pip/bin/asyncup" --version)" = "$version" ] || fail "pip install . gave another asyncup"
PIPX_HOME="$WORK/pipx" PIPX_BIN_DIR="$WORK/pipx-bin" "$TOOLS/bin/pipx" install --quiet "$ROOT" >/dev/null
[ "$("$WORK/pipx-bin/asyncup" --version)" = "$version" ] || fail "pipx install . gave another asyncup"
uvx_version=$(cd "$ROOT" && UV_CACHE_DIR="$WORK/uv-cache" UV_NO_CONFIG=1 "$TOOLS/bin/uvx" --quiet --from . asyncup --version)
[ "$uvx_version" = "$version" ] || fail "uvx --from . asyncup gave '$uvx_version'"

step "the README's example with the installed command"
cargo build --release --quiet --locked --manifest-path "$ROOT/Cargo.toml"
built="${CARGO_TARGET_DIR:-$ROOT/target}/release/asyncup"
status=0
(cd "$ROOT" && "$installed" diff --unsafe-fixes examples/legacy) >"$WORK/example.diff" 2>/dev/null || status=$?
[ "$status" = 1 ] || fail "asyncup diff on the example exited $status, expected 1 (changes)"
grep -q '^+.*async with asyncio.timeout(' "$WORK/example.diff" || fail "the example's diff has no asyncio.timeout"
grep -q '^+.*asyncio.TaskGroup()' "$WORK/example.diff" || fail "the example's diff has no TaskGroup"
(cd "$ROOT" && "$built" diff --unsafe-fixes examples/legacy) >"$WORK/example-built.diff" 2>/dev/null || true
cmp -s "$WORK/example.diff" "$WORK/example-built.diff" \
    || fail "the installed command's diff differs from the cargo-built binary's"
echo "    $(grep -c '^[-+][^-+]' "$WORK/example.diff") changed lines, as the cargo-built binary"

step "shell completions"
for shell in bash zsh fish; do
    "$installed" completions "$shell" >"$WORK/completion.$shell"
    grep -q asyncup "$WORK/completion.$shell" || fail "no $shell completion"
done
bash -c "source '$WORK/completion.bash' && complete -p asyncup" >/dev/null \
    || fail "bash cannot load the completion"

step "snapshot commit of the working tree for pre-commit try-repo"
snapshot="$WORK/asyncup-repo"
mkdir -p "$snapshot"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard) \
    | while IFS= read -r -d '' file; do
        if [ -f "$ROOT/$file" ]; then
            mkdir -p "$snapshot/$(dirname "$file")"
            cp -p "$ROOT/$file" "$snapshot/$file"
        fi
    done
git -C "$snapshot" init --quiet
git -C "$snapshot" add -A
git -C "$snapshot" commit --quiet --no-verify -m snapshot

project="$WORK/project"
mkdir -p "$project"
cp "$ROOT/examples/legacy/service.py" "$project/app.py"
printf 'def add(a, b):\n    return a + b\n' >"$project/clean.py"
git -C "$project" init --quiet
git -C "$project" add -A
git -C "$project" commit --quiet --no-verify -m legacy
cp "$project/app.py" "$WORK/app.before"

step "pre-commit try-repo (asyncup-check, then asyncup-fix; pip compiles the crate once)"
# pip's build of the hook environment: maturin pinned too, and a Cargo target kept in the
# cache (dependencies compiled once per machine).
hook_target="$CACHE/hook-target"
status=0
(cd "$project" && PRE_COMMIT_HOME="$WORK/pre-commit-home" \
    CARGO_TARGET_DIR="$hook_target" PRE_COMMIT_COLOR=never \
    "$TOOLS/bin/pre-commit" try-repo "$snapshot" --all-files) >"$WORK/try-repo.log" 2>&1 || status=$?
# The crate's own artefacts are for a one-off path: keep only the dependencies.
rm -rf "$hook_target"/release/.fingerprint/asyncup-* "$hook_target"/release/build/asyncup-* \
    "$hook_target"/release/deps/asyncup-* "$hook_target"/release/deps/libasyncup-* \
    "$hook_target"/release/asyncup* "$hook_target"/wheels
sed -n '/^asyncup /,$p' "$WORK/try-repo.log" | head -40 | sed 's/^/    /'
[ "$status" != 0 ] || fail "try-repo exited 0: the hooks should fail on a legacy file"
grep -Eq '^asyncup check\.+Failed' "$WORK/try-repo.log" \
    || { cat "$WORK/try-repo.log" >&2; fail "asyncup-check did not fail"; }
grep -q 'app.py:.*wait-for-to-timeout' "$WORK/try-repo.log" \
    || { cat "$WORK/try-repo.log" >&2; fail "asyncup-check did not report app.py's wait_for"; }
grep -Eq '^asyncup fix\.+Failed' "$WORK/try-repo.log" \
    || { cat "$WORK/try-repo.log" >&2; fail "asyncup-fix did not fail"; }
grep -q 'files were modified by this hook' "$WORK/try-repo.log" \
    || { cat "$WORK/try-repo.log" >&2; fail "asyncup-fix modified no file"; }
! cmp -s "$project/app.py" "$WORK/app.before" || fail "asyncup-fix left app.py as it was"
grep -q 'async with asyncio.timeout(' "$project/app.py" || fail "app.py was not migrated"
git -C "$project" diff --quiet -- clean.py || fail "clean.py was changed"
echo "install check: ok (${SECONDS}s)"
