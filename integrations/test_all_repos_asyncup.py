"""The all-repos fleet test (issue 11 point 6), run by scripts/fleet_check.sh:

    python integrations/test_all_repos_asyncup.py PATH/TO/asyncup

makes a dozen local bare git repositories (legacy asyncio code, clean ones, one with a syntax
error), clones them with ``all-repos-clone`` from a ``json_file`` source, runs the autofixer
``integrations/all_repos_asyncup.py`` with the ``merge_to_master`` push, and checks:

- each repository with anti-patterns got exactly one commit, whose message is asyncup's
  summary: the title, the fixes per transform (the counts expected here), the distinct notes
  of the unsafe fixes applied (the ones ``asyncup check --output-format json`` gives for the
  original code), the findings left for a person;
- the clean ones (and one whose only finding has no fix) got none;
- the broken one was reported (named in the output with its file) and left alone;
- a second run changes nothing.
Prints one line per repository and ``fleet: N passed, M failed``.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
FIXER = os.path.join(HERE, 'all_repos_asyncup.py')
BIN_DIR = os.path.dirname(sys.executable)

PY311 = '[project]\nname = "demo"\nrequires-python = ">=3.11"\n'
PY38 = '[project]\nname = "demo"\nrequires-python = ">=3.8"\n'

WAIT_FOR = '''\
import asyncio


async def fetch(reader):
    try:
        return await asyncio.wait_for(reader.read(100), timeout=5)
    except asyncio.TimeoutError:
        return b""
'''

GATHER = '''\
import asyncio


async def one():
    return 1


async def two():
    return 2


async def main():
    a, b = await asyncio.gather(one(), two())
    return a + b
'''

REQUESTS = '''\
import requests


async def status(url):
    response = requests.get(url)
    return response.status_code
'''

SLEEP = '''\
import time


async def pause():
    time.sleep(1)
'''

LOOP = '''\
import asyncio


async def main():
    return 1


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(main())
'''

BARE_EXCEPT = '''\
import asyncio


async def worker():
    try:
        await asyncio.sleep(1)
    except:
        pass
'''

MODERN = '''\
import asyncio


async def fetch(reader):
    async with asyncio.timeout(5):
        return await reader.read(100)
'''

PLAIN = '''\
def add(a, b):
    return a + b
'''

# asyncup parses only files that hold a word some transform needs (a syntax error elsewhere
# cannot hide a finding and is not reported): this broken file is asyncio code.
BROKEN = '''\
async def broken(:
    await pass
'''

# name -> (files, expected fixes per transform: None for no commit, 'broken' for skipped)
FLEET: dict[str, tuple[dict[str, str], object]] = {
    'wait-for': (
        {'pyproject.toml': PY311, 'src/net.py': WAIT_FOR},
        {'wait-for-to-timeout': 1, 'timeout-error-alias': 1},
    ),
    'gather': (
        {'pyproject.toml': PY311, 'app.py': GATHER},
        {'gather-to-taskgroup': 1},
    ),
    'requests-in-async': (
        {'pyproject.toml': PY311, 'client.py': REQUESTS},
        {'requests-to-httpx': 1},
    ),
    'sleep-py38': (
        # 3.8: the 3.11 rewrites of wait_for are not offered; the sleep still is.
        {'pyproject.toml': PY38, 'pause.py': SLEEP, 'net.py': WAIT_FOR},
        {'blocking-sleep': 1},
    ),
    'event-loop': (
        {'pyproject.toml': PY311, 'main.py': LOOP},
        {'run-until-complete': 1},
    ),
    'mixed-with-leftovers': (
        {
            'pyproject.toml': PY311, 'a.py': WAIT_FOR, 'b.py': GATHER,
            'c.py': BARE_EXCEPT, 'pkg/d.py': SLEEP,
        },
        {
            'wait-for-to-timeout': 1, 'timeout-error-alias': 1,
            'gather-to-taskgroup': 1, 'blocking-sleep': 1,
        },
    ),
    'no-declared-version': (
        # Nothing declares a target: py311 is assumed, with a warning.
        {'service.py': WAIT_FOR + '\n\n' + GATHER.split('\n\n\n', 1)[1]},
        {'wait-for-to-timeout': 1, 'timeout-error-alias': 1, 'gather-to-taskgroup': 1},
    ),
    'clean-modern': ({'pyproject.toml': PY311, 'net.py': MODERN}, None),
    'clean-plain': ({'pyproject.toml': PY311, 'calc.py': PLAIN}, None),
    'clean-no-python': ({'README.md': '# docs only\n'}, None),
    'only-unfixable': ({'pyproject.toml': PY311, 'worker.py': BARE_EXCEPT}, None),
    'broken': (
        {'pyproject.toml': PY311, 'good.py': WAIT_FOR, 'bad.py': BROKEN},
        'broken',
    ),
}

ENV = dict(
    os.environ,
    GIT_AUTHOR_NAME='fleet', GIT_AUTHOR_EMAIL='fleet@example.invalid',
    GIT_COMMITTER_NAME='fleet', GIT_COMMITTER_EMAIL='fleet@example.invalid',
    GIT_CONFIG_NOSYSTEM='1', GIT_CONFIG_GLOBAL=os.devnull,
    PATH=BIN_DIR + os.pathsep + os.environ['PATH'],
)


def git(*args: str, cwd: str) -> str:
    return subprocess.run(
        ('git', *args), cwd=cwd, env=ENV, check=True, capture_output=True, text=True,
    ).stdout


def make_bare(root: str, name: str, files: dict[str, str]) -> str:
    work = os.path.join(root, 'src', name)
    for path, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(work, path)), exist_ok=True)
        with open(os.path.join(work, path), 'w') as f:
            f.write(text)
    git('init', '--quiet', '-b', 'main', cwd=work)
    git('add', '-A', cwd=work)
    git('commit', '--quiet', '-m', 'initial', cwd=work)
    bare = os.path.join(root, 'remotes', f'{name}.git')
    git('clone', '--quiet', '--bare', work, bare, cwd=root)
    return bare


def unsafe_notes(asyncup: str, files: dict[str, str], root: str) -> set[tuple[str, str]]:
    """(id, note) of the unsafe fixes `check` offers on the original code: what the message
    must list, found independently of `fix`."""
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(tmp, path)), exist_ok=True)
            with open(os.path.join(tmp, path), 'w') as f:
                f.write(text)
        proc = subprocess.run(
            (asyncup, 'check', '--output-format', 'json', '--quiet', '.'),
            cwd=tmp, capture_output=True, text=True, env=ENV,
        )
    return {
        (f['id'], ' '.join(f['fix']['note'].split()))
        for f in json.loads(proc.stdout)
        if f['fix'] and f['fix']['applicability'] == 'unsafe' and f['fix']['note']
    }


def run_fixer(config: str, asyncup: str) -> str:
    proc = subprocess.run(
        (sys.executable, FIXER, '-C', config, '--asyncup', asyncup),
        env=ENV, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr)
        raise SystemExit(f'the autofixer exited {proc.returncode}')
    return proc.stdout + proc.stderr


def main() -> int:
    asyncup = os.path.abspath(sys.argv[1])
    failures: list[str] = []
    passed = 0
    with tempfile.TemporaryDirectory(prefix='asyncup-fleet.') as root:
        remotes = {name: make_bare(root, name, files) for name, (files, _) in FLEET.items()}
        with open(os.path.join(root, 'repos.json'), 'w') as f:
            json.dump(remotes, f)
        config = os.path.join(root, 'all-repos.json')
        with open(config, 'w') as f:
            json.dump({
                'output_dir': 'output',
                'source': 'all_repos.source.json_file',
                'source_settings': {'filename': os.path.join(root, 'repos.json')},
                'push': 'all_repos.push.merge_to_master',
                # --ff-only: the fix commit itself lands on main, no merge commit.
                'push_settings': {'fast_forward': True},
            }, f)
        os.chmod(config, 0o600)
        subprocess.run(
            (os.path.join(BIN_DIR, 'all-repos-clone'), '-C', config),
            env=ENV, check=True, capture_output=True,
        )
        output = run_fixer(config, asyncup)

        for name, (files, expected) in FLEET.items():
            bare = remotes[name]
            problems: list[str] = []
            count = int(git('rev-list', '--count', 'main', cwd=bare))
            message = git('log', '-1', '--format=%B', 'main', cwd=bare)
            if expected is None or expected == 'broken':
                if count != 1:
                    problems.append(f'{count - 1} new commit(s), expected none')
                if expected == 'broken' and not re.search(
                    rf'asyncup: skipped {re.escape(bare)}: 1 unparsable file.*\n\s+bad\.py:1:\d+: syntax-error',
                    output,
                ):
                    problems.append('not reported as skipped with bad.py')
                shown = 'skipped, reported' if expected == 'broken' else 'no commit'
            else:
                if count != 2:
                    problems.append(f'{count - 1} new commit(s), expected exactly one')
                total = sum(expected.values())
                files_changed = len(git('diff', '--name-only', 'main~1', 'main', cwd=bare).split())
                title = (
                    f'asyncup: migrate asyncio code ({total} fix{"es" if total > 1 else ""} '
                    f'in {files_changed} file{"s" if files_changed > 1 else ""})'
                )
                if message.splitlines()[0] != title:
                    problems.append(f'title {message.splitlines()[0]!r}, expected {title!r}')
                counted = dict(re.findall(r'^- `([a-z0-9-]+)`: (\d+) fix', message, re.M))
                if {k: int(v) for k, v in counted.items()} != expected:
                    problems.append(f'counts {counted}, expected {expected}')
                wanted = unsafe_notes(asyncup, files, root)
                unsafe_section = (
                    message.split('What the unsafe fixes change', 1)[1].split('Notes of the safe fixes')[0]
                    if 'What the unsafe fixes change' in message else ''
                )
                listed = set(re.findall(r'^- `([a-z0-9-]+)` \(\d+ fix(?:es)?\): (.*)$', unsafe_section, re.M))
                if listed != wanted:
                    problems.append(f'unsafe notes {sorted(listed)}, expected {sorted(wanted)}')
                if 'Committed via https://github.com/asottile/all-repos' not in message:
                    problems.append("all-repos' line is missing")
                shown = f'1 commit: {message.splitlines()[0]!r}; ' + ', '.join(
                    f'{k} {v}' for k, v in sorted(counted.items())
                ) + f'; {len(listed)} unsafe note(s)'
                left = re.search(r'\d+ findings? left', message)
                if left:
                    shown += '; ' + left.group(0)
            if name == 'mixed-with-leftovers' and '- `bare-except-in-async`: 1 (1 without a fix): `c.py:' not in message:
                problems.append('the finding left without a fix is not listed')
            if problems:
                failures.append(name)
                print(f'FAIL {name}: ' + '; '.join(problems))
                print(textwrap.indent(message, '    | '))
            else:
                passed += 1
                print(f'ok   {name}: {shown}')
            if name == 'mixed-with-leftovers':
                # One full message, for the log.
                print(textwrap.indent(message.rstrip(), '    | '))

        # A second run: nothing left to change anywhere.
        subprocess.run(
            (os.path.join(BIN_DIR, 'all-repos-clone'), '-C', config),
            env=ENV, check=True, capture_output=True,
        )
        before = {name: git('rev-parse', 'main', cwd=bare) for name, bare in remotes.items()}
        run_fixer(config, asyncup)
        after = {name: git('rev-parse', 'main', cwd=bare) for name, bare in remotes.items()}
        moved = sorted(name for name in remotes if before[name] != after[name])
        if moved:
            failures.append('second run')
            print(f'FAIL second run: new commits in {moved}')
        else:
            passed += 1
            print('ok   second run: no new commit anywhere')
    if failures:
        print(output)
    print(f'fleet: {passed} passed, {len(failures)} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    raise SystemExit(main())
