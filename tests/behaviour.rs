//! Behaviour tests: every `tests/behaviour/<transform-id>/*.py` is a small asyncio program that
//! prints its results. The real `asyncup` binary rewrites it with that transform alone
//! (`asyncup fix --unsafe-fixes --select <id> -`), then the original and the rewritten program
//! both run under CPython (3.11 or newer) and must print the same stdout and exit with the same
//! status.
//!
//! Comments among the program's first lines declare what the rewrite must do:
//! - `# expect: rewritten` (the default): the rewritten source differs from the original;
//! - `# expect: unchanged`: a refusal case, the rewritten source is byte-identical;
//! - `# expect: any`: either is fine (a probe where refusing and rewriting correctly are both
//!   acceptable; only the behaviour is checked);
//! - `# fixes: safe`: rewrite without `--unsafe-fixes`, for programs that check that the fixes
//!   the transform calls safe keep behaviour (an unsafe fix is held back and cannot fail them);
//! - `# transforms: all`: rewrite with every transform instead of the folder's alone (a program
//!   that checks that several rewrites compose).
//!
//! Programs the original of which cannot run on CPython 3.11 (`@asyncio.coroutine`, `loop=`
//! arguments, `asyncio.run` inside a running loop) have a sibling `<program>.expected` holding
//! the stdout the *rewritten* program must print: the rewritten program must exit 0 and print
//! exactly that (the original still runs, and if it succeeds it must print the same, so the
//! file cannot hide a behaviour change). The rewrite must still differ from the original
//! (unless `# expect: unchanged`), and the `.expected` file must not be empty.
//!
//! The original program must itself succeed (exit 0) and print something, so a broken program
//! cannot pass by failing the same way twice. The rewritten program must also compile
//! (`python -m py_compile`).
//!
//! Interpreter: `$ASYNCUP_PYTHON` if set, else `<repo>/.venv/bin/python` if it exists, else
//! `python3`. Anything other than CPython >= 3.11 fails the test (it is never skipped).
//!
//! Names starting with `_` are not programs: `tests/behaviour/_support/` holds helper modules
//! (a local HTTP server, ...) that programs import; it is on `PYTHONPATH` for both runs. Proxy
//! variables are cleared so that requests to `127.0.0.1` stay local.
//!
//! Every folder has its own test (listed in `behaviour_tests!`; a folder without one fails
//! `every_folder_has_a_test`), and a folder whose transform id `asyncup list` does not show fails
//! (a transform that is not registered yet is not a reason to skip).

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// Each program (and each run of `asyncup`) is killed after this long.
const TIMEOUT: Duration = Duration::from_secs(30);
/// A transform folder must hold at least this many programs.
const MIN_PROGRAMS: usize = 10;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The interpreter to run programs with, checked once to be CPython >= 3.11.
fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let python = match std::env::var_os("ASYNCUP_PYTHON") {
            Some(path) if !path.is_empty() => PathBuf::from(path),
            _ => {
                let venv = repo().join(".venv/bin/python");
                if venv.exists() { venv } else { PathBuf::from("python3") }
            }
        };
        let probe = "import sys; print(sys.implementation.name, *sys.version_info[:3])";
        let output = Command::new(&python)
            .args(["-c", probe])
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|err| {
                panic!(
                    "behaviour tests need CPython >= 3.11: cannot run `{}`: {err}\n\
                     (set ASYNCUP_PYTHON to a CPython 3.11+ interpreter)",
                    python.display()
                )
            });
        let text = String::from_utf8_lossy(&output.stdout);
        let fields: Vec<&str> = text.split_whitespace().collect();
        let version = |i: usize| fields.get(i).and_then(|f| f.parse::<u32>().ok());
        let ok = output.status.success()
            && fields.first() == Some(&"cpython")
            && matches!((version(1), version(2)), (Some(major), Some(minor)) if (major, minor) >= (3, 11));
        assert!(
            ok,
            "behaviour tests need CPython >= 3.11, but `{}` reports `{}` (status {}, stderr: {})\n\
             (set ASYNCUP_PYTHON to a CPython 3.11+ interpreter)",
            python.display(),
            text.trim(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim(),
        );
        python
    })
}

struct Output {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Output {
    fn describe(&self) -> String {
        format!(
            "status: {}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.status, self.stdout, self.stderr
        )
    }
}

/// Runs `command` with `stdin` as its input, killing it after [`TIMEOUT`].
fn run(mut command: Command, stdin: &[u8]) -> Result<Output, String> {
    let shown = format!("{command:?}");
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cannot run {shown}: {err}"))?;
    let mut input = child.stdin.take().expect("piped stdin");
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let stdin = stdin.to_vec();
    let writer = thread::spawn(move || {
        // A program that exits without reading its input closes the pipe: not an error here.
        let _ = input.write_all(&stdin);
    });
    let read_out = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let read_err = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{shown} did not finish within {TIMEOUT:?}; killed"));
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(err) => return Err(format!("waiting for {shown}: {err}")),
        }
    };
    let _ = writer.join();
    let stdout = read_out.join().expect("stdout reader");
    let stderr = read_err.join().expect("stderr reader");
    Ok(Output {
        status,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    })
}

/// Helper modules the programs may import (`tests/behaviour/_support/`).
fn support_dir() -> PathBuf {
    repo().join("tests/behaviour/_support")
}

fn python_command(dir: &Path) -> Command {
    let mut command = Command::new(python());
    command
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONPATH", support_dir())
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONASYNCIODEBUG");
    for proxy in [
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ] {
        command.env_remove(proxy);
    }
    command
}

/// Names starting with `_` (helpers, not programs or transform folders) are skipped.
fn is_private(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('_'))
}

/// The transform ids `asyncup list` shows (the first column).
fn registered_ids() -> &'static [String] {
    static IDS: OnceLock<Vec<String>> = OnceLock::new();
    IDS.get_or_init(|| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_asyncup"));
        command.arg("list");
        let listed = run(command, b"").unwrap_or_else(|err| panic!("asyncup list: {err}"));
        assert!(
            listed.status.success(),
            "asyncup list failed\n{}",
            listed.describe()
        );
        listed
            .stdout
            .lines()
            .filter_map(|line| line.split_whitespace().next())
            .map(str::to_owned)
            .collect()
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Expect {
    Rewritten,
    Unchanged,
    Any,
}

/// The directives of a program: its leading comment lines.
struct Directives {
    expect: Expect,
    unsafe_fixes: bool,
    all_transforms: bool,
}

fn directives(source: &str) -> Result<Directives, String> {
    let mut directives = Directives {
        expect: Expect::Rewritten,
        unsafe_fixes: true,
        all_transforms: false,
    };
    for line in source
        .lines()
        .take_while(|l| l.trim().is_empty() || l.starts_with('#'))
    {
        if let Some(value) = line.strip_prefix("# expect:") {
            directives.expect = match value.trim() {
                "rewritten" => Expect::Rewritten,
                "unchanged" => Expect::Unchanged,
                "any" => Expect::Any,
                other => {
                    return Err(format!(
                        "unknown `# expect: {other}` (use `rewritten`, `unchanged` or `any`)"
                    ));
                }
            };
        } else if let Some(value) = line.strip_prefix("# transforms:") {
            directives.all_transforms = match value.trim() {
                "all" => true,
                other => {
                    return Err(format!("unknown `# transforms: {other}` (use `all`)"));
                }
            };
        } else if let Some(value) = line.strip_prefix("# fixes:") {
            directives.unsafe_fixes = match value.trim() {
                "safe" => false,
                "unsafe" => true,
                other => {
                    return Err(format!(
                        "unknown `# fixes: {other}` (use `safe` or `unsafe`)"
                    ));
                }
            };
        }
    }
    Ok(directives)
}

/// Checks one program; `Err` holds the whole failure report.
fn check_program(transform: &str, path: &Path) -> Result<(), String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let original = std::fs::read_to_string(path).map_err(|e| format!("reading {name}: {e}"))?;
    let Directives {
        expect,
        unsafe_fixes,
        all_transforms,
    } = directives(&original)?;
    let expected = expected_output(path)?;
    let dir = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;

    // Run in the empty temp dir so no `pyproject.toml` of the checkout changes the target.
    let mut asyncup = Command::new(env!("CARGO_BIN_EXE_asyncup"));
    asyncup.arg("fix");
    if unsafe_fixes {
        asyncup.arg("--unsafe-fixes");
    }
    asyncup
        .args(["--select", if all_transforms { "ALL" } else { transform }])
        .args(["--stdin-filename", &name, "-"])
        .current_dir(dir.path());
    let fixed = run(asyncup, original.as_bytes())?;
    // 0: nothing left to report, 1: findings remain (refusals); anything else is an error.
    if !matches!(fixed.status.code(), Some(0 | 1)) {
        return Err(format!("asyncup failed\n{}", fixed.describe()));
    }
    let rewritten = fixed.stdout;
    match expect {
        Expect::Rewritten if rewritten == original => {
            return Err(format!(
                "expected a rewrite, but the source came back unchanged\n\
                 --- asyncup stderr ---\n{}",
                fixed.stderr
            ));
        }
        Expect::Unchanged if rewritten != original => {
            return Err(format!(
                "expected no rewrite (`# expect: unchanged`), but got\n\
                 --- rewritten ---\n{rewritten}"
            ));
        }
        _ => {}
    }

    let before = dir.path().join("before");
    let after = dir.path().join("after");
    for (sub, text) in [(&before, &original), (&after, &rewritten)] {
        std::fs::create_dir(sub).map_err(|e| format!("{}: {e}", sub.display()))?;
        std::fs::write(sub.join(&name), text).map_err(|e| format!("{}: {e}", sub.display()))?;
    }

    let mut compile = python_command(&after);
    compile.args(["-m", "py_compile", &name]);
    let compiled = run(compile, b"")?;
    if !compiled.status.success() {
        return Err(format!(
            "the rewritten program does not compile\n--- rewritten ---\n{rewritten}\n\
             --- py_compile ---\n{}",
            compiled.describe()
        ));
    }

    let execute = |dir: &Path| {
        let mut command = python_command(dir);
        command.arg(&name);
        run(command, b"")
    };
    let new = execute(&after)?;
    if let Some(expected) = expected {
        // The original cannot run on this Python: the rewritten program must print what the
        // `.expected` file says, and succeed.
        if !new.status.success() || new.stdout != expected {
            let stdout_diff = similar::TextDiff::from_lines(&expected, &new.stdout)
                .unified_diff()
                .header("expected stdout", "rewritten stdout")
                .to_string();
            return Err(format!(
                "the rewritten program does not print the `.expected` output (or fails)\n\
                 --- asyncup findings ---\n{}--- rewritten source ---\n{rewritten}\n\
                 === rewritten run ===\n{}=== stdout diff ===\n{stdout_diff}",
                fixed.stderr,
                new.describe()
            ));
        }
        // No escape hatch: an original that does run here must print the same.
        let old = execute(&before)?;
        if old.status.success() && old.stdout != expected {
            return Err(format!(
                "the original runs on this Python but does not print the `.expected` output: \
                 use a plain behaviour comparison\n=== original run ===\n{}",
                old.describe()
            ));
        }
        return Ok(());
    }
    let old = execute(&before)?;
    if !old.status.success() || old.stdout.is_empty() {
        return Err(format!(
            "the original program must exit 0 and print something (fix the program)\n{}",
            old.describe()
        ));
    }
    if old.stdout != new.stdout || old.status.code() != new.status.code() {
        let stdout_diff = similar::TextDiff::from_lines(&old.stdout, &new.stdout)
            .unified_diff()
            .header("original stdout", "rewritten stdout")
            .to_string();
        return Err(format!(
            "behaviour differs\n--- asyncup findings ---\n{}--- rewritten source ---\n{rewritten}\n\
             === original run ===\n{}=== rewritten run ===\n{}=== stdout diff ===\n{stdout_diff}",
            fixed.stderr,
            old.describe(),
            new.describe()
        ));
    }
    Ok(())
}

/// The contents of `<program>.expected`, when it exists (it must not be empty).
fn expected_output(program: &Path) -> Result<Option<String>, String> {
    let path = program.with_extension("expected");
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if text.is_empty() {
        return Err(format!(
            "{} is empty: it must hold the expected stdout",
            path.display()
        ));
    }
    Ok(Some(text))
}

/// Runs every program of `tests/behaviour/<transform>/`, in parallel, and reports all failures.
fn check_transform(transform: &str) {
    let registered = registered_ids();
    assert!(
        registered.iter().any(|id| id == transform),
        "transform `{transform}` is not registered in the asyncup binary (`asyncup list` shows: \
         {}); its behaviour programs in tests/behaviour/{transform}/ cannot run until it is",
        registered.join(", ")
    );
    let python = python();
    let folder = repo().join("tests/behaviour").join(transform);
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|err| panic!("reading {}: {err}", folder.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py") && !is_private(path))
        .collect();
    programs.sort();
    let prefix = std::env::var("ASYNCUP_BEHAVIOUR").unwrap_or_default();
    if let Some((_, prefix)) = prefix.split_once('/') {
        programs.retain(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix));
        assert!(
            !programs.is_empty(),
            "ASYNCUP_BEHAVIOUR: no program starts with `{prefix}`"
        );
    }
    let orphans: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|err| panic!("reading {}: {err}", folder.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "expected")
                && !path.with_extension("py").exists()
        })
        .collect();
    assert!(
        orphans.is_empty(),
        "{transform}: `.expected` files without a program: {orphans:?}"
    );
    assert!(
        programs.len() >= MIN_PROGRAMS || prefix.contains('/'),
        "{transform}: expected at least {MIN_PROGRAMS} programs in {}, found {}",
        folder.display(),
        programs.len()
    );

    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 8);
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = programs.get(i) else { break };
                    if let Err(report) = check_program(transform, path) {
                        let name = path.file_name().unwrap().to_string_lossy().into_owned();
                        failures.lock().unwrap().push((name, report));
                    }
                }
            });
        }
    });

    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    if !failures.is_empty() {
        let mut message = format!(
            "{transform}: {} of {} programs failed (python: {})\n",
            failures.len(),
            programs.len(),
            python.display()
        );
        for (name, report) in &failures {
            let _ = write!(message, "\n===== {transform}/{name} =====\n{report}\n");
        }
        panic!("{message}");
    }
    eprintln!("{transform}: {} programs behave the same", programs.len());
}

/// Every registered transform has a folder of programs, and every folder names a registered
/// transform; each transform's programs behave the same before and after its rewrite. One test
/// over the registry, so adding a transform needs no edit here; each transform's failures are
/// collected and all are reported together.
#[test]
fn every_transform_behaves_the_same() {
    let root = repo().join("tests/behaviour");
    let mut folders: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|err| panic!("reading {}: {err}", root.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_dir() && !is_private(path))
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let ids = registered_ids();
    let unknown: Vec<&String> = folders.iter().filter(|f| !ids.contains(f)).collect();
    let missing: Vec<&String> = ids.iter().filter(|id| !folders.contains(id)).collect();
    assert!(
        unknown.is_empty() && missing.is_empty(),
        "tests/behaviour/ folders that name no transform: {unknown:?}; transforms without a folder: {missing:?}"
    );
    // `ASYNCUP_BEHAVIOUR=<id>[/<prefix>]` runs one folder (or its programs whose names start
    // with `<prefix>`) while working on a transform; CI never sets it.
    let only = std::env::var("ASYNCUP_BEHAVIOUR").unwrap_or_default();
    let only_id = only.split('/').next().unwrap_or_default();
    let mut failures = Vec::new();
    for id in ids {
        if !only_id.is_empty() && id != only_id {
            continue;
        }
        if let Err(panic) = std::panic::catch_unwind(|| check_transform(id)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(message);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The program the compose test runs: a `wait_for` around a `gather` inside an
/// `@asyncio.coroutine`, with `loop=` arguments, and more.
const COMPOSED: &str = "tests/behaviour/legacy-coroutine/composed_transforms.py";

/// Every transform at once (`asyncup fix --unsafe-fixes`, the default selection) over a program
/// with several patterns reaches a fixpoint: the output compiles, a second run changes nothing,
/// none of the legacy patterns is left, and the program prints its `.expected` output (the
/// original cannot run on 3.11).
#[test]
fn transforms_compose() {
    let path = repo().join(COMPOSED);
    let original = std::fs::read_to_string(&path).expect("composed program");
    let fix_all = |source: &str| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut asyncup = Command::new(env!("CARGO_BIN_EXE_asyncup"));
        asyncup
            .args([
                "fix",
                "--unsafe-fixes",
                "--stdin-filename",
                "composed_transforms.py",
                "-",
            ])
            .current_dir(dir.path());
        let fixed = run(asyncup, source.as_bytes()).expect("asyncup runs");
        assert!(
            matches!(fixed.status.code(), Some(0 | 1)),
            "asyncup failed\n{}",
            fixed.describe()
        );
        assert!(
            !fixed.stderr.contains("internal error"),
            "a fix pass broke the code\n{}",
            fixed.describe()
        );
        fixed.stdout
    };
    let rewritten = fix_all(&original);
    assert_ne!(rewritten, original, "nothing was rewritten");
    assert_eq!(
        fix_all(&rewritten),
        rewritten,
        "a second run over the fixed program changed it: no fixpoint"
    );
    // The program's header comment names the patterns: look at the code only.
    let code: String = rewritten
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    for legacy in [
        "@asyncio.coroutine",
        "yield from",
        "loop=",
        "wait_for",
        "gather(",
        "asyncio.TimeoutError",
        "time.sleep",
    ] {
        assert!(
            !code.contains(legacy),
            "`{legacy}` is left in the fixed program:\n{rewritten}"
        );
    }
    for modern in [
        "async def",
        "asyncio.timeout(",
        "asyncio.TaskGroup()",
        "await asyncio.sleep(",
    ] {
        assert!(
            code.contains(modern),
            "`{modern}` is missing from the fixed program:\n{rewritten}"
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("composed_transforms.py"), &rewritten).expect("write");
    let mut command = python_command(dir.path());
    command.arg("composed_transforms.py");
    let ran = run(command, b"").expect("python runs");
    let expected = expected_output(&path)
        .expect("readable")
        .expect("composed_transforms.expected exists");
    assert!(
        ran.status.success() && ran.stdout == expected,
        "the fixed program does not print the expected output\n--- fixed ---\n{rewritten}\n\
         --- expected stdout ---\n{expected}=== run ===\n{}",
        ran.describe()
    );
}
