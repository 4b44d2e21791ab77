#!/usr/bin/env python3
"""The test-suite gate: real packages' own test suites, before and after the migration.

For each pinned package below, from its sdist (which ships its tests): run its test suite on
the unpacked sdist, run `asyncup fix --unsafe-fixes` over a copy of that folder (source AND
tests; the target is what the package declares, read by asyncup from the folder's
pyproject.toml / setup.cfg / setup.py, else py311), run the suite again on the copy, and fail
on any new failure: a test that passed before and fails, errors or is gone after (a module
that no longer imports is a collection error: its tests are gone, and the error is counted).

Per package it prints the counts before and after, the files the migration changed and every
newly failing test with the first lines of its error. A test listed in KNOWN_REGRESSIONS
below is printed loudly but does not fail the gate; a listed test that passes again is
printed too, to be removed from the list.

Everything comes from PyPI, pinned exactly (the package and every test dependency, installed
with --no-deps so nothing unpinned comes in), into one venv per package under
$SUITES_CACHE (default $ROUNDTRIP_CACHE/suites, i.e. ~/.cache/asyncup-roundtrip/suites),
reused across runs and rebuilt when its pin list changes. Nothing downloaded is committed.

    suite_gate.py ASYNCUP_BINARY [PACKAGE ...]     (scripts/suites.sh builds the binary first)
"""
import glob
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET

# Shared by the suites that run on current pytest.
PYTEST = ["pytest==9.2.0", "iniconfig==2.3.1", "packaging==26.4", "pluggy==1.7.0",
          "Pygments==2.21.0", "pytest-timeout==2.4.0"]
PYTEST_ASYNCIO = ["pytest-asyncio==1.5.0", "typing_extensions==4.16.0"]

# name, version, the module that must be imported from the unpacked sdist (not site-packages),
# every test dependency (transitive ones too: installed with --no-deps), pytest arguments
# (run from the sdist's folder; `-o addopts=` is always given: coverage options are dropped).
PACKAGES = [
    {
        # pytest-asyncio (strict mode); cancellation, shield, threads; target py311.
        "name": "asgiref", "version": "3.13.0", "module": "asgiref",
        "pins": PYTEST + PYTEST_ASYNCIO,
        "args": ["tests"],
    },
    {
        # pytest-asyncio; a sync/async queue, executor threads; target py39.
        "name": "janus", "version": "2.0.0", "module": "janus",
        "pins": PYTEST + PYTEST_ASYNCIO,
        # test_benchmarks.py holds benchmarks for pytest-codspeed (its `benchmark` fixture),
        # not tests: it errors before the migration too.
        "args": ["tests", "--ignore=tests/test_benchmarks.py"],
    },
    {
        # unittest: IsolatedAsyncioTestCase, run by pytest; the tests live in the package.
        "name": "aiosqlite", "version": "0.22.1", "module": "aiosqlite",
        "pins": PYTEST,
        # perf.py is a timing benchmark (aiosqlite's own `make test` runs only smoke).
        "args": ["aiosqlite/tests/smoke.py"],
    },
    {
        # pytest-asyncio (auto mode) and pytest-aiohttp; fixes in the package itself; py39.
        "name": "aiojobs", "version": "1.4.0", "module": "aiojobs",
        "pins": PYTEST + PYTEST_ASYNCIO + [
            "pytest-aiohttp==1.1.1", "aiohttp==3.14.5", "aiohappyeyeballs==2.7.1",
            "aiosignal==1.4.0", "attrs==26.1.0", "frozenlist==1.8.0", "idna==3.21",
            "multidict==7.2.1", "propcache==0.5.4", "yarl==1.25.1"],
        # The sdist ships no pytest configuration; aiojobs' repository runs in auto mode.
        "args": ["-o", "asyncio_mode=auto", "-o", "asyncio_default_fixture_loop_scope=function",
                 "tests"],
    },
    {
        # pytest-asyncio (auto mode) with mocks; fixes in the package and its tests. It
        # declares no Python version: asyncup assumes py311 (and warns).
        "name": "aiocache", "version": "0.12.3", "module": "aiocache",
        # The pytest of its time: pytest-asyncio 1.x drops what its conftest uses, and
        # redis 5 made close() a coroutine its mocks do not expect.
        "pins": ["pytest==8.3.3", "iniconfig==2.3.1", "packaging==26.4", "pluggy==1.7.0",
                 "pytest-timeout==2.4.0", "pytest-asyncio==0.24.0", "pytest-mock==3.14.0",
                 "marshmallow==3.26.2", "msgpack==1.1.2", "aiomcache==0.8.2", "redis==4.6.0"],
        # tests/performance and the redis/memcached acceptance tests need those servers
        # running; the unit tests and the in-memory acceptance tests do not.
        "args": ["-o", "asyncio_default_fixture_loop_scope=function",
                 "-m", "not redis and not memcached", "tests/ut", "tests/acceptance"],
    },
]

# Tests that the migration is known to break, with the transform and why: printed loudly on
# every run, never a failure. Each is written up for the transform's owners to fix; empty
# this list as they are fixed (the gate says when one passes again).
KNOWN_REGRESSIONS = {
    # Empty. The first run of this gate found 10 (fixed since, each with a behaviour program in
    # tests/behaviour/cancelled-error-swallowed/suite_*.py or a fixture):
    # - asgiref, 4 tests: cancelled-error-swallowed re-raised a cancellation caught on purpose
    #   after `await asyncio.shield(...)` (now refused);
    # - aiojobs, 5 tests: cancelled-error-swallowed did not see the cancel-and-wait idiom with
    #   the `await` inside `async with timeout(...)` (now recognised);
    # - aiocache, 1 test: wait-for-to-timeout rewrote a call that a test patches through
    #   `patch("asyncio.wait_for")` (now refused, through the project view).
}

SUITE_TIMEOUT = 600  # seconds for one run of one suite; each test has --timeout=120 as well


def log(msg=""):
    print(msg, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def venv_for(cache, python, pkg):
    """The package's venv, made (or remade) when its pin list changed."""
    venv = os.path.join(cache, f"venv-{pkg['name']}")
    stamp = os.path.join(venv, ".pins")
    pins = "\n".join(sorted(pkg["pins"])) + "\n"
    vpython = os.path.join(venv, "bin", "python")
    if os.path.exists(stamp) and open(stamp).read() == pins and os.access(vpython, os.X_OK):
        return vpython
    log(f"  creating {venv}")
    shutil.rmtree(venv, ignore_errors=True)
    run([python, "-m", "venv", venv])
    run([vpython, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", *pkg["pins"]])
    # --no-deps: every dependency must be in the pins; pip check says which one is missing.
    run([vpython, "-m", "pip", "check", "--disable-pip-version-check"],
        stdout=subprocess.DEVNULL)
    with open(stamp, "w") as f:
        f.write(pins)
    return vpython


def sdist_for(cache, python, pkg):
    folder = os.path.join(cache, "sdists")
    os.makedirs(folder, exist_ok=True)
    stems = {pkg["name"], pkg["name"].replace("-", "_")}
    found = [p for s in stems for p in glob.glob(os.path.join(folder, f"{s}-{pkg['version']}.tar.gz"))]
    if not found:
        run([python, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--no-binary", ":all:", "-d", folder,
             f"{pkg['name']}=={pkg['version']}"])
        found = [p for s in stems
                 for p in glob.glob(os.path.join(folder, f"{s}-{pkg['version']}.tar.gz"))]
    if not found:
        sys.exit(f"suite gate: no sdist for {pkg['name']}=={pkg['version']}")
    return found[0]


def unpack(sdist, dest):
    os.makedirs(dest)
    with tarfile.open(sdist) as tar:
        try:
            tar.extractall(dest, filter="data")
        except TypeError:  # Python without extraction filters
            tar.extractall(dest)
    (top,) = os.listdir(dest)
    return os.path.join(dest, top)


def read_junit(path):
    """{test id: (outcome, message, text)}; outcome is passed, failed, error or skipped."""
    results = {}
    rank = {"passed": 0, "skipped": 1, "failed": 2, "error": 3}
    for case in ET.parse(path).getroot().iter("testcase"):
        cls, name = case.get("classname", ""), case.get("name", "")
        tid = f"{cls}::{name}" if cls else name
        outcome, message, text = "passed", "", ""
        for child in case:
            kind = {"failure": "failed", "error": "error", "skipped": "skipped"}.get(child.tag)
            if kind and rank[kind] > rank[outcome]:
                outcome, message, text = kind, child.get("message", ""), child.text or ""
        old = results.get(tid)
        if old is None or rank[outcome] > rank[old[0]]:
            results[tid] = (outcome, message, text)
    return results


def counts(results):
    c = {"passed": 0, "failed": 0, "error": 0, "skipped": 0}
    for outcome, _, _ in results.values():
        c[outcome] += 1
    return c


def run_suite(vpython, pkg, tree, xml, logfile):
    env = dict(os.environ, PYTHONPATH=tree, PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTEST_ADDOPTS", None)
    # The package must be imported from the tree under test, not from site-packages.
    where = subprocess.run([vpython, "-c", f"import {pkg['module']} as m; print(m.__file__)"],
                           cwd=tree, env=env, capture_output=True, text=True)
    if where.returncode != 0 or not os.path.realpath(where.stdout.strip()).startswith(
            os.path.realpath(tree) + os.sep):
        return f"`import {pkg['module']}` does not come from {tree}: {where.stdout}{where.stderr}"
    cmd = [vpython, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=",
           "--timeout=120", "--continue-on-collection-errors", "-q",
           f"--junitxml={xml}", *pkg["args"]]
    with open(logfile, "w") as out:
        try:
            proc = subprocess.run(cmd, cwd=tree, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  timeout=SUITE_TIMEOUT)
        except subprocess.TimeoutExpired:
            return f"the suite ran over {SUITE_TIMEOUT}s (see {logfile})"
    # 0 all passed, 1 some failed: both leave a report. Anything else is a broken run.
    if proc.returncode not in (0, 1) or not os.path.exists(xml):
        return f"pytest exited {proc.returncode} (see {logfile})"
    return None


def first_lines(message, text, n=4):
    lines = [l for l in message.splitlines() if l.strip()][:2]
    # pytest's text ends with `path:line: Exception`: where it was raised.
    tail = [l for l in text.splitlines() if l.strip()][-1:]
    return [l[:200] for l in lines + [l for l in tail if l not in lines]][:n]


SUMMARY = []  # one row per package, printed at the end


def gate(pkg, binary, cache, python, work):
    name = f"{pkg['name']}-{pkg['version']}"
    log(f"=== {name}")
    vpython = venv_for(cache, python, pkg)
    before = unpack(sdist_for(cache, python, pkg), os.path.join(work, name, "before"))
    after = os.path.join(work, name, "after", os.path.basename(before))
    shutil.copytree(before, after, symlinks=True)

    # The migration, run on the sdist's folder so that asyncup reads the declared target.
    fix = subprocess.run([binary, "fix", "--unsafe-fixes", os.path.basename(after)],
                         cwd=os.path.dirname(after), capture_output=True, text=True)
    if fix.returncode > 2:
        log(f"FAIL asyncup exited {fix.returncode}:\n{fix.stderr[-2000:]}")
        return False
    for line in fix.stderr.splitlines():
        if line.startswith("asyncup: ") and not line.startswith("asyncup: warning"):
            log(f"  {line}")
        elif "no Python version is declared" in line:
            log("  asyncup: no Python version declared: py311 assumed")
    changed = []
    for root, _, files in os.walk(before):
        for f in files:
            if f.endswith((".py", ".pyi")):
                old = os.path.join(root, f)
                new = os.path.join(after, os.path.relpath(old, before))
                with open(old, "rb") as a, open(new, "rb") as b:
                    if a.read() != b.read():
                        changed.append(os.path.relpath(old, before))
    log(f"  files changed: {len(changed)}")
    for c in sorted(changed):
        log(f"    {c}")
    if not changed:
        log("  WARNING: the migration changed nothing here: this package proves nothing")

    results = {}
    for label, tree in (("before", before), ("after", after)):
        start = time.monotonic()
        xml = os.path.join(work, name, f"{label}.xml")
        problem = run_suite(vpython, pkg, tree, xml, os.path.join(work, name, f"{label}.log"))
        if problem:
            log(f"FAIL {label} the migration: {problem}")
            with open(os.path.join(work, name, f"{label}.log")) as f:
                log("".join(f.readlines()[-30:]))
            return False
        results[label] = read_junit(xml)
        c = counts(results[label])
        log(f"  {label:<6}: {c['passed']} passed, {c['failed']} failed, {c['error']} errors, "
            f"{c['skipped']} skipped ({time.monotonic() - start:.0f}s)")

    ok = True
    old, new = results["before"], results["after"]
    if counts(old)["passed"] == 0:
        log("FAIL nothing passed before the migration: the environment is broken")
        ok = False
    broken_before = sorted(t for t, r in old.items() if r[0] in ("failed", "error"))
    if broken_before:
        # A pinned environment must give a clean baseline: pin, or deselect with a reason.
        log(f"FAIL {len(broken_before)} tests fail before the migration:")
        for t in broken_before:
            log(f"    {t}: {' | '.join(first_lines(old[t][1], old[t][2]))}")
        ok = False

    known = KNOWN_REGRESSIONS.get(pkg["name"], {})
    newly = []
    for t, (outcome, _, _) in sorted(old.items()):
        if outcome != "passed":
            continue
        if t not in new:
            newly.append((t, "gone", ["not run after the migration (see collection errors)"]))
        elif new[t][0] in ("failed", "error"):
            newly.append((t, new[t][0], first_lines(new[t][1], new[t][2])))
    # Errors after that have no test before (a module that no longer collects).
    for t, (outcome, message, text) in sorted(new.items()):
        if t not in old and outcome in ("failed", "error"):
            newly.append((t, outcome, first_lines(message, text)))
    unknown = [n for n in newly if n[0] not in known]
    listed = [n for n in newly if n[0] in known]
    log(f"  newly failing: {len(newly)} ({len(listed)} known regressions, {len(unknown)} new)")
    for t, outcome, lines in unknown:
        log(f"  NEW FAILURE {t} ({outcome})")
        for line in lines:
            log(f"      {line}")
    for t, outcome, lines in listed:
        log(f"  KNOWN REGRESSION (not failing the gate) {t} ({outcome}): {known[t]}")
        for line in lines:
            log(f"      {line}")
    newly_ids = {n[0] for n in newly}
    for t in sorted(known):
        if t not in newly_ids:
            log(f"  KNOWN REGRESSION NO LONGER FAILS: remove {t!r} from KNOWN_REGRESSIONS")
    if unknown:
        ok = False
    b, a = counts(old), counts(new)
    SUMMARY.append(f"  {name:<18} {b['passed']:>4}/{b['failed']}/{b['error']:<4} "
                   f"{a['passed']:>4}/{a['failed']}/{a['error']:<4} {len(changed):>5} "
                   f"{len(newly):>5} ({len(listed)} known)  {'ok' if ok else 'FAIL'}")
    log(f"  {'ok' if ok else 'FAIL'}: {name}")
    return ok


def main():
    binary = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    python = os.environ.get("PYTHON", sys.executable)
    cache = os.environ.get("SUITES_CACHE") or os.path.join(
        os.environ.get("ROUNDTRIP_CACHE") or os.path.expanduser("~/.cache/asyncup-roundtrip"),
        "suites")
    os.makedirs(cache, exist_ok=True)
    packages = [p for p in PACKAGES if not only or p["name"] in only]
    if only - {p["name"] for p in PACKAGES}:
        sys.exit(f"suite gate: unknown package(s) {sorted(only - {p['name'] for p in PACKAGES})}")
    total_known = sum(len(v) for k, v in KNOWN_REGRESSIONS.items()
                      if k in {p["name"] for p in packages})
    if total_known:
        log(f"suite gate: WARNING: {total_known} KNOWN REGRESSIONS are listed in "
            f"scripts/suite_gate.py (KNOWN_REGRESSIONS): the migration breaks these tests")
    failed = []
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="asyncup-suites.") as work:
        for pkg in packages:
            if not gate(pkg, binary, cache, python, work):
                failed.append(pkg["name"])
    elapsed = time.monotonic() - start
    if SUMMARY:
        log("suite gate summary (passed/failed/errors; files changed; newly failing):")
        log(f"  {'package':<18} {'before':<11} {'after':<11} files newly")
        for row in SUMMARY:
            log(row)
    if failed:
        log(f"suite gate: FAILED for {', '.join(failed)} ({elapsed:.0f}s)")
        sys.exit(1)
    log(f"suite gate: ok, {len(packages)} packages ({elapsed:.0f}s)"
        + (f"; {total_known} known regressions listed" if total_known else ""))


if __name__ == "__main__":
    main()
