#!/usr/bin/env bash
# Benchmark asyncup: wall time and peak memory.
#
# Usage: scripts/bench.sh --real-set [--runs N] [--first N] [--no-scaling]
#        scripts/bench.sh [--real] [--package NAME] [--files N] [--runs N] [--target PYVER]
#
# --real-set: the issue-12 benchmark, the one to quote. Downloads a pinned set of real
# packages from PyPI (REAL_SET_PACKAGES below: the round trip's 17 plus 23 more, 1.37 M lines
# of .py in 4,496 files) with `pip download --no-deps --only-binary :all:` (an sdist when no wheel fits this
# Python) into $BENCH_CACHE (default ~/.cache/asyncup-bench), unpacks their .py/.pyi files
# (and *.dist-info/, so each package is its own project) into $BENCH_DIR/real-set/tree,
# installs ruff 0.8.4 in its own venv (the round trip's, $ROUNDTRIP_CACHE/ruff-0.8.4, created
# if missing), builds the release binary, then alternates N rounds (default 5) of
#   check      asyncup check --target-version py311 -s TREE              (every transform)
#   diff       asyncup diff --unsafe-fixes --target-version py311 TREE >/dev/null
#              (not -s: a silent diff skips rendering the diff)
#   parse      asyncup check --parse-only TREE   (hidden flag: file walk + read + parallel
#              parse with ruff_python_parser, nothing else: the bare parse baseline)
#   ruff       ruff check --isolated --select ASYNC,RUF006,UP041 --target-version py311
#              --no-cache --exit-zero -q TREE
#   check-4x   asyncup check ... -s TREE4   (TREE copied 4 times into one folder)
#   parse-4x, ruff-4x  the baselines on TREE4 (not goals: how they scale themselves)
# and prints uptime (start and end), the package table, medians of wall time and peak RSS per
# command, and each goal of issue 12 with PASS/FAIL: check/ruff time <= 0.8, check/parse
# <= 1.3, diff/check <= 1.3, check/ruff peak memory <= 1.0, check-4x/check time <= 4.4 and
# peak memory <= 1.2. About 1.5 minutes on 2 cores once the downloads are cached.
# Not a test and not part of scripts/test.sh: timings on a shared machine are no gate.
#
#   --runs N        rounds (default 5 with --real-set, 3 otherwise)
#   --first N       only the first N packages of the set (a quick try; goals need the whole set)
#   --no-scaling    skip the 4x tree
#
# Without --real-set: times `asyncup check` and `asyncup diff --unsafe-fixes` over a generated
# tree of realistic asyncio modules and, with --real, over a real package's sdist from PyPI.
#
#   --real          also download NAME's sdist (pip download --no-deps --no-binary :all:)
#   --package NAME  the real package (default: aiohttp)
#   --files N       how many modules to generate (default: 1000)
#   --runs N        runs per measurement; the table shows the best and the median (default: 3)
#   --target V      --target-version passed to every run (default: py311, so that
#                   wait-for-to-timeout is active whatever the corpus' pyproject says)
#
# Everything is written under $BENCH_DIR (default: /tmp/asyncup-bench) and the downloads under
# $BENCH_CACHE, never in the repo. The binary is built with `cargo build --release` into
# $CARGO_TARGET_DIR (or ./target). Peak memory comes from `/usr/bin/time -v` when present,
# else from Python's `resource` module (RUSAGE_CHILDREN) in a small wrapper (forced with
# BENCH_PYTHON_RUSAGE=1). Nothing is modified: diff only prints.
set -euo pipefail

REAL=0
REAL_SET=0
FIRST=0
SCALING=1
PACKAGE=aiohttp
FILES=1000
RUNS=""
TARGET=py311
while [[ $# -gt 0 ]]; do
    case "$1" in
        --real) REAL=1 ;;
        --real-set) REAL_SET=1 ;;
        --first) FIRST="$2"; shift ;;
        --no-scaling) SCALING=0 ;;
        --package) PACKAGE="$2"; shift ;;
        --files) FILES="$2"; shift ;;
        --runs) RUNS="$2"; shift ;;
        --target) TARGET="$2"; shift ;;
        -h|--help) sed -n '2,/^[^#]/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
RUNS="${RUNS:-$([[ $REAL_SET == 1 ]] && echo 5 || echo 3)}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/asyncup-bench}"
case "$(cd "$(dirname "$BENCH_DIR")" 2>/dev/null && pwd)/" in
    "$ROOT"/*) echo "bench.sh: BENCH_DIR must be outside the repository" >&2; exit 2 ;;
esac
mkdir -p "$BENCH_DIR"

echo "== building the release binary" >&2
(cd "$ROOT" && cargo build --release --quiet)
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/asyncup"
[[ -x "$BIN" ]] || { echo "bench.sh: no binary at $BIN" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------
# measure OUT_PREFIX CMD...: run once in the corpus folder (cwd), write OUT_PREFIX.out/.err and
# print "exit wall_microseconds peak_kib" (stdout goes to $MEASURE_STDOUT instead when set).
if [[ -x /usr/bin/time && -z "${BENCH_PYTHON_RUSAGE:-}" ]]; then
    MEMORY_TOOL="/usr/bin/time -v"
    measure() {
        local prefix="$1"; shift
        local start end rc=0
        start=$(date +%s%N)
        /usr/bin/time -v -o "$prefix.time" "$@" >"${MEASURE_STDOUT:-$prefix.out}" 2>"$prefix.err" \
            || rc=$?
        end=$(date +%s%N)
        # time -v exits with the command's status; its report names the peak RSS in KiB.
        local kib
        kib=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$prefix.time")
        echo "$rc $(( (end - start) / 1000 )) $kib"
    }
else
    MEMORY_TOOL="python resource.getrusage(RUSAGE_CHILDREN)"
    measure() {
        local prefix="$1"; shift
        python3 - "$prefix" "$@" <<'PY'
import os, resource, subprocess, sys, time
prefix, cmd = sys.argv[1], sys.argv[2:]
with open(os.environ.get("MEASURE_STDOUT") or prefix + ".out", "wb") as out, open(prefix + ".err", "wb") as err:
    start = time.perf_counter()
    rc = subprocess.call(cmd, stdout=out, stderr=err)
    wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    peak //= 1024  # bytes there, KiB on Linux
print(rc, int(wall * 1e6), peak)
PY
    }
fi

# ---------------------------------------------------------------------------------------------
# --real-set: the pinned real-world set, asyncup against ruff and a bare parse (issue 12)
# ---------------------------------------------------------------------------------------------
# The round trip's 17 (scripts/roundtrip.sh PACKAGES) first, then 23 more asyncio-heavy or large
# ones: other versions of the same, and twisted, django, trio, asyncssh, discord.py, aiogram,
# elasticsearch (async client), openai, pymongo/motor, aiokafka, channels/daphne, quart/hypercorn.
# Changing this list changes the numbers: note it in the issue when you do.
REAL_SET_PACKAGES=(
    aiohttp==3.10.10 aiohttp==3.8.6 httpx==0.28.1 httpcore==1.0.6 requests==2.32.3 anyio==4.6.0
    websockets==13.1 uvicorn==0.32.0 starlette==0.41.0 aiofiles==24.1.0 aiosqlite==0.20.0
    redis==5.2.0 tornado==6.4.1 fastapi==0.115.4 asyncpg==0.30.0 sanic==24.6.0 asgiref==3.8.1
    twisted==24.10.0 django==5.1.4 aiohttp==3.11.11 tornado==6.2 websockets==14.1 redis==4.6.0
    motor==3.6.0 pymongo==4.10.1 aiogram==3.15.0 discord.py==2.4.0 sanic==23.12.1
    uvicorn==0.20.0 starlette==0.27.0 channels==4.2.0 daphne==4.1.2 asyncssh==2.18.0
    trio==0.27.0 anyio==3.7.1 hypercorn==0.17.3 quart==0.19.9 elasticsearch==8.16.0
    openai==1.57.0 aiokafka==0.12.0
)
RUFF_VERSION=0.8.4

real_set() {
    local python="${PYTHON:-python3}"
    local cache="${BENCH_CACHE:-$HOME/.cache/asyncup-bench}"
    local work="$BENCH_DIR/real-set"
    local specs=("${REAL_SET_PACKAGES[@]}")
    if [[ $FIRST -gt 0 ]]; then
        specs=("${specs[@]:0:$FIRST}")
    fi
    mkdir -p "$cache/downloads" "$work"
    echo "== uptime at start: $(uptime)"

    # 1. The packages: one folder per spec, so a spec's file is found whatever its wheel's name.
    local spec folder
    for spec in "${specs[@]}"; do
        folder="$cache/downloads/$spec"
        if ! compgen -G "$folder/*" >/dev/null; then
            echo "== pip download $spec" >&2
            mkdir -p "$folder"
            "$python" -m pip download --quiet --disable-pip-version-check --no-deps \
                --only-binary :all: -d "$folder" "$spec" >&2 \
                || { echo "bench.sh: no wheel of $spec for this Python: taking its sdist" >&2
                     "$python" -m pip download --quiet --disable-pip-version-check --no-deps \
                         --no-binary :all: -d "$folder" "$spec" >&2; }
        fi
    done

    # 2. The tree: every spec's .py/.pyi files under TREE/NAME-VERSION; rebuilt when the list
    # changes. TREE4 holds four copies of it.
    local tree="$work/tree" tree4="$work/tree4" stamp
    stamp="$(printf '%s\n' "layout 2" "${specs[@]}")"
    if [[ ! -f "$work/tree.stamp" || "$(cat "$work/tree.stamp")" != "$stamp" ]]; then
        echo "== unpacking ${#specs[@]} packages into $tree" >&2
        rm -rf "$tree" "$tree4" "$work/tree.stamp" "$work/packages.txt"
        "$python" - "$cache/downloads" "$tree" "$work/packages.txt" "${specs[@]}" <<'PY'
"""Unpack each spec's .py/.pyi files and its metadata (*.dist-info/, PKG-INFO: what marks a
project for asyncup's project view, as in an unpacked wheel) and count the Python lines."""
import os, sys, tarfile, zipfile

downloads, tree, table, specs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
rows = []
for spec in specs:
    name, version = spec.split("==")
    folder = os.path.join(downloads, spec)
    archive = os.path.join(folder, sorted(os.listdir(folder))[0])
    if archive.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as z:
            members = [(m, z.read(m)) for m in z.namelist()
                       if m.endswith((".py", ".pyi"))
                       or ".dist-info/" in m and not m.endswith("/")]
    else:
        with tarfile.open(archive) as t:
            members = [(m.name.split("/", 1)[-1], t.extractfile(m).read())
                       for m in t.getmembers() if m.isfile()
                       and (m.name.endswith((".py", ".pyi")) or m.name.count("/") == 1
                            and m.name.endswith("/PKG-INFO"))]
    lines = files = 0
    for member, data in members:
        path = os.path.join(tree, f"{name}-{version}", member)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        if member.endswith((".py", ".pyi")):
            files += 1
            lines += data.count(b"\n")
    rows.append((name, version, os.path.basename(archive), files, lines))
with open(table, "w") as f:
    for row in rows:
        print(*row, sep="\t", file=f)
PY
        echo "$stamp" >"$work/tree.stamp"
    fi
    if [[ $SCALING == 1 && ! -d "$tree4" ]]; then
        echo "== copying the tree 4 times into $tree4" >&2
        mkdir -p "$tree4.tmp"
        for copy in 1 2 3 4; do
            cp -r "$tree" "$tree4.tmp/copy$copy"
        done
        mv "$tree4.tmp" "$tree4"
    fi
    echo
    "$python" - "$work/packages.txt" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print(f"{'package':<16} {'version':<10} {'files':>6} {'lines':>9}  archive")
for name, version, archive, files, lines in rows:
    print(f"{name:<16} {version:<10} {int(files):>6} {int(lines):>9}  {archive}")
files, lines = sum(int(r[3]) for r in rows), sum(int(r[4]) for r in rows)
print(f"{'total':<16} {len(rows):<10} {files:>6} {lines:>9}  ({len(rows)} packages)")
if lines < 1_000_000:
    print(f"note: {lines} lines is under the 1 M lines the goals are defined on")
PY

    # 3. ruff, pinned, in its own venv: the round trip's.
    local ruff_venv="${ROUNDTRIP_CACHE:-$HOME/.cache/asyncup-roundtrip}/ruff-$RUFF_VERSION"
    if [[ ! -x "$ruff_venv/bin/ruff" ]]; then
        echo "== installing ruff $RUFF_VERSION into $ruff_venv" >&2
        "$python" -m venv "$ruff_venv"
        "$ruff_venv/bin/python" -m pip install --quiet --disable-pip-version-check \
            "ruff==$RUFF_VERSION" >&2
    fi
    local ruff="$ruff_venv/bin/ruff"

    # 4. The commands. Every one gets the tree's path (absolute) and runs in $work.
    local -a check=("$BIN" check --target-version "$TARGET" -s)
    local -a diff=("$BIN" diff --unsafe-fixes --target-version "$TARGET")
    local -a parse=("$BIN" check --parse-only)
    # --isolated: no ruff.toml/pyproject.toml above the cache or in the user's config applies.
    local -a ruffc=("$ruff" check --isolated --select ASYNC,RUF006,UP041 --target-version "$TARGET"
        --no-cache --exit-zero -q)
    local names=(check diff parse ruff)
    # parse-4x and ruff-4x are not goals: they show how the baselines themselves scale.
    [[ $SCALING == 1 ]] && names+=(check-4x parse-4x ruff-4x)

    # What each one sees (untimed; this also warms the page cache).
    local ruff_files asyncup_files
    ruff_files=$("$ruff" check --isolated --show-files "$tree" | grep -c '\.pyi\{0,1\}$' || true)
    asyncup_files=$("$BIN" check --parse-only "$tree" 2>&1 | tail -n 1)
    [[ $SCALING == 1 ]] && "$BIN" check --parse-only "$tree4" 2>/dev/null
    echo
    echo "files: ruff --show-files: $ruff_files; ${asyncup_files#asyncup: }"

    local runs="$work/runs.tsv" round name rc wall kib prefix
    : >"$runs"
    echo "== $RUNS rounds of: ${names[*]} (memory via $MEMORY_TOOL)" >&2
    for ((round = 1; round <= RUNS; round++)); do
        for name in "${names[@]}"; do
            prefix="$work/last-$name"
            case "$name" in
                check) set -- "${check[@]}" "$tree" ;;
                diff) set -- "${diff[@]}" "$tree" ;;
                parse) set -- "${parse[@]}" "$tree" ;;
                ruff) set -- "${ruffc[@]}" "$tree" ;;
                check-4x) set -- "${check[@]}" "$tree4" ;;
                parse-4x) set -- "${parse[@]}" "$tree4" ;;
                ruff-4x) set -- "${ruffc[@]}" "$tree4" ;;
            esac
            read -r rc wall kib < <(cd "$work" && MEASURE_STDOUT=/dev/null measure "$prefix" "$@")
            # check and diff exit 1 on findings or changes; 2 or more is an error (or a crash).
            if [[ $rc -ge 2 ]]; then
                echo "bench.sh: $name exited $rc: $*" >&2
                tail -n 5 "$prefix.err" >&2
                exit 1
            fi
            printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$rc" "$wall" "$kib" >>"$runs"
            printf '   round %d %-9s %7.2f s %7.1f MiB\n' "$round" "$name" \
                "$(awk -v w="$wall" 'BEGIN { print w / 1e6 }')" \
                "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')" >&2
        done
    done
    echo "diff's summary: $(tail -n 1 "$work/last-diff.err")"

    echo
    echo "asyncup $("$BIN" --version | cut -d' ' -f2-), $("$ruff" --version), $(nproc) cores," \
        "$(uname -sm), $RUNS alternated rounds, medians"
    "$python" - "$runs" "$SCALING" <<'PY'
import statistics, sys
runs, scaling = sys.argv[1], sys.argv[2] == "1"
wall, peak = {}, {}
for line in open(runs):
    _, name, _, us, kib = line.split("\t")
    wall.setdefault(name, []).append(int(us) / 1e6)
    peak.setdefault(name, []).append(int(kib) / 1024)
commands = {
    "check": "asyncup check --target-version py311 -s TREE",
    "diff": "asyncup diff --unsafe-fixes --target-version py311 TREE >/dev/null",
    "parse": "asyncup check --parse-only TREE",
    "ruff": "ruff check --isolated --select ASYNC,RUF006,UP041 --target-version py311 --no-cache --exit-zero -q TREE",
    "check-4x": "asyncup check --target-version py311 -s TREE4 (4 copies)",
    "parse-4x": "asyncup check --parse-only TREE4",
    "ruff-4x": "ruff check ... TREE4",
}
med = {n: (statistics.median(wall[n]), statistics.median(peak[n])) for n in wall}
print(f"{'command':<9} {'median s':>9} {'min s':>7} {'max s':>7} {'peak MiB':>9}  what")
for name, (w, m) in med.items():
    print(f"{name:<9} {w:>9.2f} {min(wall[name]):>7.2f} {max(wall[name]):>7.2f} {m:>9.1f}  {commands[name]}")
goals = [
    ("check / ruff, time", med["check"][0] / med["ruff"][0], 0.8),
    ("check / parse-only, time", med["check"][0] / med["parse"][0], 1.3),
    ("diff / check, time", med["diff"][0] / med["check"][0], 1.3),
    ("check / ruff, peak memory", med["check"][1] / med["ruff"][1], 1.0),
]
if scaling:
    goals += [
        ("check 4x tree / 1x, time", med["check-4x"][0] / med["check"][0], 4.4),
        ("check 4x tree / 1x, peak memory", med["check-4x"][1] / med["check"][1], 1.2),
    ]
print()
print(f"{'goal (issue 12)':<32} {'ratio':>6} {'goal':>7}")
for label, ratio, goal in goals:
    print(f"{label:<32} {ratio:>6.2f} {'<= ' + str(goal):>7}  {'PASS' if ratio <= goal else 'FAIL'}")
failed = sum(ratio > goal for _, ratio, goal in goals)
print(f"{len(goals) - failed} of {len(goals)} goals met")
if scaling:
    print()
    print("for comparison, the baselines' own 4x tree / 1x (not goals):")
    for name, base in (("parse-4x", "parse"), ("ruff-4x", "ruff")):
        print(f"  {name:<9} time {med[name][0] / med[base][0]:.2f}, peak memory {med[name][1] / med[base][1]:.2f}")
PY
    echo
    echo "== uptime at end: $(uptime)"
}

if [[ $REAL_SET == 1 ]]; then
    real_set
    exit 0
fi

# ---------------------------------------------------------------------------------------------
# The generated corpus
# ---------------------------------------------------------------------------------------------
GENERATED="$BENCH_DIR/generated"
echo "== generating $FILES modules in $GENERATED" >&2
rm -rf "$GENERATED"
python3 - "$GENERATED" "$FILES" <<'PY'
"""Write N deterministic, realistic asyncio modules of 100-200 lines (every one parses)."""
import ast
import os
import random
import sys

out, count = sys.argv[1], int(sys.argv[2])

BLOCKS = {}


def block(fn):
    BLOCKS[fn.__name__] = fn
    return fn


@block
def fetch(r, n):
    t = r.choice(["5", "10", "timeout", "self_timeout", "2.5"])
    return f'''
async def fetch_{n}(session, url: str, timeout: float = {r.choice([3, 5, 10])}) -> bytes:
    """Fetch one resource with a deadline."""
    log.debug("fetching %s", url)
    self_timeout = timeout * 2
    try:
        response = await asyncio.wait_for(session.get(url), timeout={t})
    except asyncio.TimeoutError:
        log.warning("timed out after %ss: %s", {t}, url)
        raise
    if response.status >= 400:
        raise RuntimeError(f"HTTP {{response.status}} for {{url}}")
    body = await response.read()
    return body
'''


@block
def fetch_all(r, n):
    return f'''
async def fetch_all_{n}(session, urls: list[str]) -> list[bytes]:
    """Fetch every URL concurrently, dropping failures."""
    tasks = [fetch_page(session, url) for url in urls]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    pages = []
    for url, result in zip(urls, results):
        if isinstance(result, BaseException):
            log.error("failed %s: %r", url, result)
            continue
        pages.append(result)
    return pages
'''


@block
def warm_up(r, n):
    return f'''
async def warm_up_{n}(cache, db) -> tuple:
    # Connect both backends at once, then load the small tables.
    await asyncio.gather(cache.connect(), db.connect())
    users, groups = await asyncio.gather(db.fetch_users(), db.fetch_groups())
    await asyncio.wait_for(cache.prime(users), {r.choice([1, 2, 5])})
    return users, groups
'''


@block
def read_line(r, n):
    return f'''
async def read_line_{n}(reader: asyncio.StreamReader, limit: float = 1.5) -> str:
    return (await asyncio.wait_for(reader.readline(), limit)).decode().rstrip()


async def read_frame_{n}(reader: asyncio.StreamReader) -> bytes:
    header = await asyncio.wait_for(reader.readexactly(4), timeout=2)
    size = int.from_bytes(header, "big")
    return await asyncio.wait_for(reader.readexactly(size), timeout=10)
'''


@block
def worker(r, n):
    return f'''
class Worker{n}:
    """A queue worker that gives up on an idle queue."""

    idle_timeout = {r.choice([10, 30, 60])}

    def __init__(self, queue: asyncio.Queue, name: str) -> None:
        self.queue = queue
        self.name = name
        self.processed = 0

    async def run(self) -> None:
        while True:
            try:
                item = await asyncio.wait_for(self.queue.get(), timeout=self.idle_timeout)
            except asyncio.TimeoutError:
                log.info("%s idle, stopping", self.name)
                return
            try:
                await self.handle(item)
            finally:
                self.queue.task_done()
            self.processed += 1

    async def handle(self, item) -> None:
        await asyncio.sleep(0)
        log.info("%s handled %r", self.name, item)
'''


@block
def unsafe(r, n):
    return f'''
async def first_or_default_{n}(queue: asyncio.Queue, fallback):
    item = await asyncio.wait_for(queue.get(), 0.5) or await fallback()
    return item
'''


@block
def comprehension(r, n):
    return f'''
async def all_within_{n}(coros, seconds: float = 1.0):
    # One deadline per awaitable: no single block can express this.
    return [await asyncio.wait_for(c, seconds) for c in coros]
'''


@block
def retries(r, n):
    return f'''
def backoff_{n}(attempt: int, base: float = 0.5, cap: float = 30.0) -> float:
    """Exponential backoff with a cap."""
    delay = base * (2 ** attempt)
    return min(delay, cap)


async def with_retries_{n}(factory, attempts: int = {r.choice([3, 5])}):
    last_error = None
    for attempt in range(attempts):
        try:
            return await asyncio.wait_for(factory(), timeout=backoff_{n}(attempt) + 5)
        except (asyncio.TimeoutError, ConnectionError) as exc:
            last_error = exc
            await asyncio.sleep(backoff_{n}(attempt))
    raise RuntimeError("gave up") from last_error
'''


@block
def guarded(r, n):
    return f'''
if sys.version_info >= (3, 11):

    async def bounded_{n}(aw, seconds):
        async with asyncio.timeout(seconds):
            return await aw

else:

    async def bounded_{n}(aw, seconds):
        return await asyncio.wait_for(aw, seconds)
'''


@block
def config(r, n):
    return f'''
@dataclass(frozen=True)
class Settings{n}:
    """Connection settings read from the environment."""

    host: str = "localhost"
    port: int = {r.randint(1024, 65535)}
    connect_timeout: float = {r.choice([1.0, 2.5, 5.0])}
    read_timeout: float = {r.choice([10.0, 30.0])}
    retries: int = 3

    @property
    def address(self) -> str:
        return f"{{self.host}}:{{self.port}}"


def load_settings_{n}(env: dict[str, str]) -> Settings{n}:
    return Settings{n}(
        host=env.get("HOST", "localhost"),
        port=int(env.get("PORT", "8080")),
    )
'''


@block
def server(r, n):
    return f'''
async def handle_client_{n}(reader, writer) -> None:
    peer = writer.get_extra_info("peername")
    log.info("connection from %s", peer)
    try:
        while True:
            line = await asyncio.wait_for(reader.readline(), timeout=60)
            if not line:
                break
            writer.write(line.upper())
            await asyncio.wait_for(writer.drain(), 5)
    except asyncio.TimeoutError:
        log.info("client %s idle", peer)
    finally:
        writer.close()
        await writer.wait_closed()
'''


@block
def pipeline(r, n):
    return f'''
async def pipeline_{n}(sources, sink, concurrency: int = {r.choice([4, 8, 16])}):
    semaphore = asyncio.Semaphore(concurrency)

    async def one(source):
        async with semaphore:
            data = await source.read()
            return transform(data)

    chunks = await asyncio.gather(*(one(s) for s in sources))
    total = 0
    for chunk in chunks:
        await sink.write(chunk)
        total += len(chunk)
    await asyncio.wait_for(sink.flush(), timeout=30)
    return total
'''


def main_block(n):
    return f'''
async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    queue: asyncio.Queue = asyncio.Queue()
    for i in range(100):
        queue.put_nowait(i)
    results = await asyncio.gather(*(asyncio.sleep(0, i) for i in range(10)))
    log.info("warm-up results: %s", results)
    await asyncio.wait_for(queue.join(), timeout=120)


if __name__ == "__main__":
    asyncio.run(main())
'''


def module(i):
    r = random.Random(i)
    target = r.randint(100, 200)
    header = [
        f'"""Service module {i}: generated for the asyncup benchmark."""',
        "",
        "from __future__ import annotations",
        "",
        "import asyncio",
        "import logging",
        "import sys",
        "from dataclasses import dataclass",
    ]
    from_import = r.random() < 0.2
    if from_import:
        header.append("from asyncio import gather, wait_for")
    header += ["", "log = logging.getLogger(__name__)", ""]
    body = "\n".join(header)
    names = sorted(BLOCKS)
    k = 0
    while True:
        piece = "\n" + BLOCKS[r.choice(names)](r, f"{i}_{k}")
        k += 1
        if len((body + piece + main_block(i)).splitlines()) > target and k > 1:
            break
        body += piece
    body += "\n" + main_block(i)
    if from_import:
        body = body.replace("asyncio.wait_for(", "wait_for(").replace("asyncio.gather(", "gather(")
    return body


os.makedirs(out, exist_ok=True)
lines = 0
for i in range(count):
    folder = os.path.join(out, f"service_{i // 50:02d}", "handlers" if i % 2 else "core")
    os.makedirs(folder, exist_ok=True)
    text = module(i)
    ast.parse(text)  # every module must be valid Python
    lines += text.count("\n")
    with open(os.path.join(folder, f"module_{i:04d}.py"), "w") as f:
        f.write(text)
print(f"{count} files, {lines} lines", file=sys.stderr)
PY

# ---------------------------------------------------------------------------------------------
# The real corpus
# ---------------------------------------------------------------------------------------------
REAL_DIR=""
if [[ $REAL == 1 ]]; then
    download="$BENCH_DIR/download/$PACKAGE"
    mkdir -p "$download"
    shopt -s nullglob
    archives=("$download"/*.tar.gz "$download"/*.zip)
    if [[ ${#archives[@]} == 0 ]]; then
        echo "== pip download $PACKAGE (sdist)" >&2
        python3 -m pip download --quiet --no-deps --no-binary :all: "$PACKAGE" -d "$download" >&2
        archives=("$download"/*.tar.gz "$download"/*.zip)
    fi
    shopt -u nullglob
    [[ ${#archives[@]} -gt 0 ]] || { echo "bench.sh: no sdist of $PACKAGE downloaded" >&2; exit 1; }
    archive="${archives[0]}"
    REAL_DIR="$BENCH_DIR/real/$PACKAGE"
    rm -rf "$REAL_DIR"
    mkdir -p "$REAL_DIR"
    echo "== unpacking $(basename "$archive") into $REAL_DIR" >&2
    python3 -c 'import shutil, sys; shutil.unpack_archive(sys.argv[1], sys.argv[2])' "$archive" "$REAL_DIR"
fi

ROWS=()
bench() {
    local corpus="$1" dir="$2" label="$3"; shift 3
    local files lines
    files=$(find "$dir" -name '*.py' -o -name '*.pyi' | wc -l)
    lines=$(find "$dir" \( -name '*.py' -o -name '*.pyi' \) -exec cat {} + | wc -l)
    local walls=() peak=0 rc=0 prefix="$BENCH_DIR/last-$corpus-${label// /_}"
    for ((run = 0; run < RUNS; run++)); do
        read -r rc wall kib < <(cd "$dir" && measure "$prefix" "$BIN" "$@")
        walls+=("$wall")
        (( kib > peak )) && peak=$kib
    done
    local sorted best median
    sorted=($(printf '%s\n' "${walls[@]}" | sort -n))
    best=${sorted[0]}
    median=${sorted[$(( RUNS / 2 ))]}
    local produced scanned
    case "$label" in
        check*) produced="$(grep -c ': ' "$prefix.out" || true) findings" ;;
        diff*) produced="$(grep -c '^+++ ' "$prefix.out" || true) files in diff" ;;
    esac
    # The files asyncup took (its summary), not those `find` sees.
    scanned=$(sed -n 's/^asyncup: \([0-9]*\) files\{0,1\} scanned.*/\1/p' "$prefix.err" | tail -n 1)
    ROWS+=("$(awk -v c="$corpus" -v f="${scanned:-$files}" -v l="$lines" -v cmd="$label" \
        -v rc="$rc" -v best="$best" -v med="$median" -v peak="$peak" -v out="$produced" \
        'BEGIN { printf "%-10s %6d %8d  %-20s %4s %9.3f %9.3f %8.1f %9.0f  %s", c, f, l, cmd,
            rc, best / 1e6, med / 1e6, peak / 1024, f / (best / 1e6), out }')")
    tail -n 1 "$prefix.err" >&2
}

echo "== measuring ($RUNS runs each, target $TARGET, memory via $MEMORY_TOOL)" >&2
bench generated "$GENERATED" "check" check --target-version "$TARGET" .
bench generated "$GENERATED" "diff --unsafe-fixes" diff --unsafe-fixes --target-version "$TARGET" .
if [[ -n "$REAL_DIR" ]]; then
    bench "$PACKAGE" "$REAL_DIR" "check" check --target-version "$TARGET" .
    bench "$PACKAGE" "$REAL_DIR" "diff --unsafe-fixes" diff --unsafe-fixes --target-version "$TARGET" .
fi

echo
echo "asyncup $("$BIN" --version | cut -d' ' -f2), $(nproc) cores, $(uname -sm)"
printf '%-10s %6s %8s  %-20s %4s %9s %9s %8s %9s  %s\n' \
    corpus files lines command exit "best s" "median s" "peak MiB" "files/s" output
for row in "${ROWS[@]}"; do
    echo "$row"
done
