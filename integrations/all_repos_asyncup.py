"""An all-repos autofixer that runs asyncup in every repository.

    python integrations/all_repos_asyncup.py -C all-repos.json [--dry-run] [-j N]
        [--safe-only] [--asyncup PATH] [--repos ...]

For each repository (one that has Python files) cloned by ``all-repos-clone``, on a fresh
branch of ``origin/HEAD``:

- ``asyncup check`` first: a repository with a file asyncup cannot parse or decode
  (``syntax-error``, ``invalid-encoding``) is reported and left alone, with no commit, so that
  a fleet-wide change never lands half of a repository's migration;
- else ``asyncup fix --unsafe-fixes --summary-markdown FILE`` (``--safe-only``: safe fixes
  only); asyncup's exit 1 (findings left) is expected, exit 2 (an error) fails the repository;
- a repository with nothing to change gets no commit (all-repos sees no diff);
- the commit message is asyncup's markdown summary: a title with the number of fixes, the
  fixes per transform, what each kind of unsafe fix changes, and the findings left for a
  person; then all-repos' own line. It is also the pull request's body with the
  ``github_pull_request`` push.

all-repos commits every repository with one message; the per-repository message is put in by a
``prepare-commit-msg`` hook installed in the throw-away clone all-repos works in (its
``core.hooksPath`` points to a folder of this run), which replaces all-repos' title with the
summary asyncup wrote there.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Sequence

from all_repos import autofix_lib
from all_repos.config import Config
from all_repos.grep import repos_matching

BRANCH = 'asyncup'
TITLE = 'asyncup: migrate asyncio code'
UNPARSABLE = ('syntax-error', 'invalid-encoding')
# Where asyncup's summary goes in the clone: inside .git, so neither `git diff` nor
# `git commit -a` sees it.
SUMMARY = 'asyncup-summary.md'

# Replaces all-repos' title (the first line and the blank line after it) with the summary,
# keeping the rest ("Committed via ...").
HOOK = '''\
#!/bin/sh
summary="$(git rev-parse --git-path {summary})"
[ -f "$summary" ] || exit 0
{{ cat "$summary"; echo; sed '1,2d' "$1"; }} > "$1.asyncup" && mv "$1.asyncup" "$1"
'''


def find_repos(config: Config) -> set[str]:
    """Repositories with a Python file."""
    return repos_matching(config, ('', '--', '*.py', '*.pyi'))


def _git_path(name: str) -> str:
    out = subprocess.check_output(('git', 'rev-parse', '--git-path', name), text=True)
    return os.path.abspath(out.strip())


def _unparsable(asyncup: str) -> list[str]:
    """`path:line:col: id` of every file asyncup cannot parse or decode."""
    proc = subprocess.run(
        (asyncup, 'check', '--output-format', 'json', '--quiet', '.'),
        capture_output=True, text=True,
    )
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr)
        raise RuntimeError(f'asyncup check exited {proc.returncode}')
    return [
        f'{f["path"]}:{f["start"]["line"]}:{f["start"]["column"]}: {f["id"]}'
        for f in json.loads(proc.stdout or '[]')
        if f['id'] in UNPARSABLE
    ]


def apply_fix(*, asyncup: str, unsafe: bool, hooks_dir: str) -> None:
    """Run in the clone all-repos made (the current folder)."""
    origin = subprocess.check_output(
        ('git', 'remote', 'get-url', 'origin'), text=True,
    ).strip()
    broken = _unparsable(asyncup)
    if broken:
        print(f'asyncup: skipped {origin}: {len(broken)} unparsable file(s), not changed:')
        for line in broken:
            print(f'    {line}')
        return
    summary = _git_path(SUMMARY)
    cmd = [asyncup, 'fix', '--summary-markdown', summary, '.']
    if unsafe:
        cmd.insert(2, '--unsafe-fixes')
    # 0: nothing left; 1: findings left for a person (listed in the summary); 2: an error.
    proc = autofix_lib.run(*cmd, check=False)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f'asyncup fix exited {proc.returncode} in {origin}')
    subprocess.run(('git', 'config', 'core.hooksPath', hooks_dir), check=True)


def _install_hook(hooks_dir: str) -> None:
    path = os.path.join(hooks_dir, 'prepare-commit-msg')
    with open(path, 'w') as f:
        f.write(HOOK.format(summary=SUMMARY))
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    autofix_lib.add_fixer_args(parser)
    parser.add_argument(
        '--safe-only', action='store_true',
        help='apply safe fixes only (default: also unsafe ones, each named in the message).',
    )
    parser.add_argument(
        '--asyncup', default=shutil.which('asyncup') or 'asyncup',
        help='the asyncup command (default: the one on PATH).',
    )
    args = parser.parse_args(argv)

    repos, config, commit, autofix_settings = autofix_lib.from_cli(
        args, find_repos=find_repos, msg=TITLE, branch_name=BRANCH,
    )
    with tempfile.TemporaryDirectory(prefix='all-repos-asyncup.') as hooks_dir:
        _install_hook(hooks_dir)
        autofix_lib.fix(
            repos,
            apply_fix=functools.partial(
                apply_fix,
                asyncup=os.path.abspath(args.asyncup) if os.sep in args.asyncup else args.asyncup,
                unsafe=not args.safe_only,
                hooks_dir=hooks_dir,
            ),
            config=config,
            commit=commit,
            autofix_settings=autofix_settings,
        )
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
