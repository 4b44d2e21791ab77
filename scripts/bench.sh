#!/usr/bin/env bash
# Benchmark asyncup: wall time and peak memory of `asyncup check` and
# `asyncup diff --unsafe-fixes` over a generated tree of realistic asyncio modules and,
# with --real, over a real package's source distribution from PyPI.
#
# Usage: scripts/bench.sh [--real] [--package NAME] [--files N] [--runs N] [--target PYVER]
#
#   --real          also download NAME's sdist (pip download --no-deps --no-binary :all:)
#   --package NAME  the real package (default: aiohttp)
#   --files N       how many modules to generate (default: 1000)
#   --runs N        runs per measurement; the table shows the best and the median (default: 3)
#   --target V      --target-version passed to every run (default: py311, so that
#                   wait-for-to-timeout is active whatever the corpus' pyproject says)
#
# Everything is written under $BENCH_DIR (default: /tmp/asyncup-bench), never in the repo.
# The binary is built with `cargo build --release` into $CARGO_TARGET_DIR (or ./target).
# Peak memory comes from `/usr/bin/time -v` when present, else from Python's `resource`
# module (RUSAGE_CHILDREN) in a small wrapper (forced with BENCH_PYTHON_RUSAGE=1). Nothing is
# modified: diff only prints.
set -euo pipefail

REAL=0
PACKAGE=aiohttp
FILES=1000
RUNS=3
TARGET=py311
while [[ $# -gt 0 ]]; do
    case "$1" in
        --real) REAL=1 ;;
        --package) PACKAGE="$2"; shift ;;
        --files) FILES="$2"; shift ;;
        --runs) RUNS="$2"; shift ;;
        --target) TARGET="$2"; shift ;;
        -h|--help) sed -n '2,/^[^#]/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

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

# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------
# measure OUT_PREFIX CMD...: run once in the corpus folder (cwd), write OUT_PREFIX.out/.err and
# print "exit wall_seconds peak_kib".
if [[ -x /usr/bin/time && -z "${BENCH_PYTHON_RUSAGE:-}" ]]; then
    MEMORY_TOOL="/usr/bin/time -v"
    measure() {
        local prefix="$1"; shift
        local start end rc=0
        start=$(date +%s%N)
        /usr/bin/time -v -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err" || rc=$?
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
import resource, subprocess, sys, time
prefix, cmd = sys.argv[1], sys.argv[2:]
with open(prefix + ".out", "wb") as out, open(prefix + ".err", "wb") as err:
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
