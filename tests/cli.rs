//! End-to-end tests of the `asyncup` binary: every run is the real executable on a temporary
//! folder, checked by exit code, exact stdout/stderr and the bytes of the files afterwards.
//!
//! Only `wait-for-to-timeout` behaviour is relied on; runs whose output must be exact pass
//! `--select wait-for-to-timeout`.

mod support {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use assert_cmd::Command;

    /// Every finding message of `wait-for-to-timeout` with a fix starts like this.
    pub const MESSAGE: &str = "Use `asyncio.timeout()` instead of `asyncio.wait_for()`";
    pub const SELECT: &str = "--select=wait-for-to-timeout";

    /// A safe fix: the statement awaits nothing else.
    pub const SAFE: &str = "import asyncio\n\n\nasync def main(url):\n    result = await asyncio.wait_for(fetch(url), timeout=5)\n    return result\n";
    pub const SAFE_FIXED: &str = "import asyncio\n\n\nasync def main(url):\n    async with asyncio.timeout(5):\n        result = await fetch(url)\n    return result\n";
    /// The diff of `SAFE` -> `SAFE_FIXED` for a file shown as `a.py`, minus the header.
    pub const SAFE_HUNK: &str = "@@ -2,5 +2,6 @@\n \n \n async def main(url):\n-    result = await asyncio.wait_for(fetch(url), timeout=5)\n+    async with asyncio.timeout(5):\n+        result = await fetch(url)\n     return result\n";

    /// The note of `SAFE`'s fix (what may still differ).
    pub const SAFE_NOTE: &str = "task identity: on 3.11 `wait_for` ran a coroutine in a new task, so `asyncio.current_task()` inside it was another task and it started only after the tasks already scheduled; awaited inline it runs in the caller's task at once (3.12's `wait_for` no longer makes a task); context variables it sets are now visible to the caller";

    /// The comment line `diff` prints before the diff of `SAFE` shown as `path`.
    pub fn safe_comment(path: &str) -> String {
        format!("# asyncup: {path}:5 wait-for-to-timeout (safe): {SAFE_NOTE}\n")
    }

    /// An unsafe fix: a call outside the awaitable moves under the timeout.
    pub const UNSAFE: &str = "import asyncio\n\n\nasync def main(url):\n    result = await asyncio.wait_for(fetch(url), 5) + other()\n    return result\n";
    pub const UNSAFE_FIXED: &str = "import asyncio\n\n\nasync def main(url):\n    async with asyncio.timeout(5):\n        result = await fetch(url) + other()\n    return result\n";

    /// A finding without a fix (one timeout cannot cover a comprehension).
    pub const NO_FIX: &str = "import asyncio\n\n\nasync def main(urls):\n    return [await asyncio.wait_for(fetch(u), 5) for u in urls]\n";

    /// Nothing to report.
    pub const CLEAN: &str = "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(1)\n";

    /// `path:5:20: wait-for-to-timeout [fix] ...`, the finding of `SAFE`.
    pub fn safe_line(path: &str) -> String {
        format!("{path}:5:20: wait-for-to-timeout [fix] {MESSAGE}\n")
    }

    /// `path:5:20: wait-for-to-timeout [unsafe fix] ...`, the finding of `UNSAFE`.
    pub fn unsafe_line(path: &str) -> String {
        format!("{path}:5:20: wait-for-to-timeout [unsafe fix] {MESSAGE}\n")
    }

    /// One finished run of the binary.
    #[derive(Debug)]
    pub struct Run {
        pub code: i32,
        pub stdout: String,
        pub stdout_bytes: Vec<u8>,
        pub stderr: String,
    }

    impl Run {
        /// Assert the exit code, showing the whole run when it differs.
        #[track_caller]
        pub fn code(&self, expected: i32) -> &Self {
            assert_eq!(self.code, expected, "unexpected exit code; run: {self:#?}");
            self
        }
        #[track_caller]
        pub fn stdout(&self, expected: &str) -> &Self {
            assert_eq!(
                self.stdout, expected,
                "unexpected stdout; stderr: {}",
                self.stderr
            );
            self
        }
        #[track_caller]
        pub fn stderr_has(&self, needle: &str) -> &Self {
            assert!(
                self.stderr.contains(needle),
                "stderr lacks {needle:?}:\n{}",
                self.stderr
            );
            self
        }
        /// The last stderr line: the summary.
        pub fn summary(&self) -> &str {
            self.stderr.lines().last().unwrap_or_default()
        }
    }

    /// A temporary project folder; the binary runs with it as the current folder.
    pub struct Project {
        dir: tempfile::TempDir,
    }

    impl Project {
        pub fn new() -> Self {
            // Not `.tmpXXXX`: the folder itself must not look hidden.
            let dir = tempfile::Builder::new()
                .prefix("asyncup-cli-")
                .tempdir()
                .expect("temp dir");
            Self { dir }
        }

        pub fn root(&self) -> &Path {
            self.dir.path()
        }

        pub fn path(&self, relative: &str) -> PathBuf {
            self.dir.path().join(relative)
        }

        /// Write a file, creating its folders.
        pub fn write(&self, relative: &str, content: impl AsRef<[u8]>) -> &Self {
            let path = self.path(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, content).unwrap();
            self
        }

        pub fn read(&self, relative: &str) -> Vec<u8> {
            std::fs::read(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
        }

        pub fn read_str(&self, relative: &str) -> String {
            String::from_utf8(self.read(relative)).unwrap()
        }

        /// Every file below the root (relative path -> bytes), `.git` left out.
        pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
            fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
                for entry in std::fs::read_dir(dir).unwrap() {
                    let path = entry.unwrap().path();
                    if path.file_name().is_some_and(|n| n == ".git") {
                        continue;
                    }
                    if path.is_dir() {
                        walk(root, &path, out);
                    } else {
                        let relative = path.strip_prefix(root).unwrap();
                        let key = relative.to_string_lossy().replace('\\', "/");
                        out.insert(key, std::fs::read(&path).unwrap());
                    }
                }
            }
            let mut out = BTreeMap::new();
            walk(self.root(), self.root(), &mut out);
            out
        }

        pub fn command(&self, args: &[&str]) -> Command {
            let mut cmd = Command::cargo_bin("asyncup").expect("binary built");
            cmd.current_dir(self.root()).args(args);
            // Colour is decided by these; the caller's environment must not leak in.
            for var in ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR"] {
                cmd.env_remove(var);
            }
            cmd
        }

        pub fn run(&self, args: &[&str]) -> Run {
            finish(self.command(args))
        }

        pub fn run_stdin(&self, args: &[&str], input: impl Into<Vec<u8>>) -> Run {
            let mut cmd = self.command(args);
            cmd.write_stdin(input.into());
            finish(cmd)
        }

        /// Run `git` in the project folder; panics when it fails.
        pub fn git(&self, args: &[&str]) -> String {
            let output = std::process::Command::new("git")
                .current_dir(self.root())
                .args(args)
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .output()
                .expect("git runs");
            assert!(
                output.status.success(),
                "git {args:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            String::from_utf8_lossy(&output.stdout).into_owned()
        }
    }

    pub fn finish(mut cmd: Command) -> Run {
        let output = cmd.output().expect("binary runs");
        Run {
            code: output.status.code().expect("exited normally"),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stdout_bytes: output.stdout,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

use support::*;

// ---------------------------------------------------------------------------------------------
// check / diff / fix: output and exit codes
// ---------------------------------------------------------------------------------------------

#[test]
fn check_prints_one_line_per_finding_and_exits_1() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("u.py", UNSAFE)
        .write("clean.py", CLEAN);
    let run = p.run(&["check", SELECT]);
    run.code(1)
        .stdout(&(safe_line("a.py") + &unsafe_line("u.py")));
    assert_eq!(
        run.summary(),
        "asyncup: 3 files scanned, 2 findings; 1 fixable with `asyncup fix`, 1 more with `asyncup fix --unsafe-fixes`"
    );
    // check never writes.
    assert_eq!(p.read_str("a.py"), SAFE);
    assert_eq!(p.read_str("u.py"), UNSAFE);
}

#[test]
fn check_marks_findings_without_fix() {
    let p = Project::new();
    p.write("n.py", NO_FIX);
    p.run(&["check", SELECT, "n.py"]).code(1).stdout(&format!(
        "n.py:5:19: wait-for-to-timeout {MESSAGE}; no fix: the call is inside a comprehension (one timeout would cover every iteration)\n"
    ));
}

#[test]
fn check_exits_0_when_nothing_is_found() {
    let p = Project::new();
    p.write("clean.py", CLEAN);
    let run = p.run(&["check", SELECT]);
    run.code(0).stdout("");
    assert_eq!(run.summary(), "asyncup: 1 file scanned, 0 findings");
}

#[test]
fn check_without_paths_walks_the_current_folder() {
    let p = Project::new();
    p.write("pkg/deep/a.py", SAFE);
    p.run(&["check", SELECT])
        .code(1)
        .stdout(&safe_line("pkg/deep/a.py"));
}

#[test]
fn quiet_prints_findings_and_no_summary_silent_prints_nothing() {
    let p = Project::new();
    p.write("a.py", SAFE);
    let run = p.run(&["check", SELECT, "--quiet"]);
    run.code(1).stdout(&safe_line("a.py"));
    assert_eq!(run.stderr, "");
    let run = p.run(&["check", SELECT, "-s"]);
    run.code(1).stdout("");
    assert_eq!(run.stderr, "");
    let run = p.run(&["diff", SELECT, "--silent"]);
    run.code(1).stdout("");
    assert_eq!(run.stderr, "");
    let run = p.run(&["check", SELECT, "-s", "missing.py"]);
    run.code(2);
    assert!(
        run.stderr.contains("missing.py"),
        "errors are still printed: {run:#?}"
    );
    let run = p.run(&["fix", SELECT, "-q"]);
    run.code(0).stdout("");
    assert_eq!(run.stderr, "");
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);
}

/// ruff habits get a pointer, and an empty run a warning.
#[test]
fn ruff_spellings_and_no_files() {
    let p = Project::new();
    p.write("a.py", SAFE);
    p.run(&["check", "--fix"])
        .code(2)
        .stderr_has("`--fix` is ruff's spelling; asyncup has a command for it: `asyncup fix`");
    p.run(&["check", "--diff"])
        .code(2)
        .stderr_has("`asyncup diff`");
    assert_eq!(p.read_str("a.py"), SAFE);
    p.write("docs/readme.txt", "no python here");
    p.run(&["check", "docs"])
        .code(0)
        .stderr_has("asyncup: warning: no Python files found under docs");
}

#[test]
fn diff_prints_changed_files_only_and_exits_1() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("clean.py", CLEAN)
        .write("u.py", UNSAFE)
        .write("sub/b.py", SAFE);
    let before = p.snapshot();
    let run = p.run(&["diff", SELECT]);
    // The unsafe fix is held back, so u.py is not in the diff; clean.py has nothing.
    // Each file's diff is headed by a comment per applied fix (line, id, safety, note).
    run.code(1).stdout(&format!(
        "{}--- a/a.py\n+++ b/a.py\n{SAFE_HUNK}{}--- a/sub/b.py\n+++ b/sub/b.py\n{SAFE_HUNK}",
        safe_comment("a.py"),
        safe_comment("sub/b.py")
    ));
    assert_eq!(
        run.summary(),
        "asyncup: 4 files scanned, 2 files would change, would apply 2 fixes (wait-for-to-timeout 2), 1 finding left; 1 more with `--unsafe-fixes`"
    );
    assert_eq!(p.snapshot(), before, "diff must not write");
}

#[test]
fn diff_exits_0_when_nothing_would_change() {
    let p = Project::new();
    // A finding without a fix is not a change.
    p.write("clean.py", CLEAN).write("n.py", NO_FIX);
    p.run(&["diff", SELECT]).code(0).stdout("");
}

#[test]
fn fix_rewrites_in_place_and_exits_0_when_nothing_remains() {
    let p = Project::new();
    p.write("a.py", SAFE).write("clean.py", CLEAN);
    let run = p.run(&["fix", SELECT]);
    run.code(0).stdout("");
    assert_eq!(
        run.summary(),
        "asyncup: 2 files scanned, 1 file changed, 1 fix applied (wait-for-to-timeout 1)"
    );
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);
    assert_eq!(p.read_str("clean.py"), CLEAN);
    // No temporary file is left next to it.
    let names: Vec<String> = p.snapshot().into_keys().collect();
    assert_eq!(names, ["a.py", "clean.py"]);
}

#[test]
fn fix_holds_back_unsafe_fixes_and_exits_1() {
    let p = Project::new();
    p.write("a.py", SAFE).write("u.py", UNSAFE);
    let run = p.run(&["fix", SELECT]);
    // What remains is printed; the safe one is gone.
    run.code(1).stdout(&unsafe_line("u.py"));
    assert!(
        run.summary()
            .ends_with("1 finding left; 1 more with `--unsafe-fixes`"),
        "{}",
        run.summary()
    );
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);
    assert_eq!(p.read_str("u.py"), UNSAFE);
}

#[test]
fn fix_exits_1_when_a_finding_has_no_fix() {
    let p = Project::new();
    p.write("n.py", NO_FIX);
    let run = p.run(&["fix", SELECT]);
    run.code(1);
    assert!(run.stdout.starts_with("n.py:5:19: wait-for-to-timeout Use"));
    assert_eq!(p.read_str("n.py"), NO_FIX);
}

#[test]
fn unsafe_fixes_applies_what_plain_fix_holds_back() {
    let p = Project::new();
    p.write("u.py", UNSAFE);
    // diff shows it only with --unsafe-fixes.
    p.run(&["diff", SELECT, "u.py"]).code(0).stdout("");
    let run = p.run(&["diff", SELECT, "--unsafe-fixes", "u.py"]);
    run.code(1);
    assert!(
        run.stdout
            .starts_with("# asyncup: u.py:5 wait-for-to-timeout (unsafe): "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\n--- a/u.py\n+++ b/u.py\n@@"));
    assert!(
        run.stdout
            .contains("\n+        result = await fetch(url) + other()\n")
    );
    // Plain fix leaves it alone.
    p.run(&["fix", SELECT, "u.py"]).code(1);
    assert_eq!(p.read_str("u.py"), UNSAFE);
    // --unsafe-fixes applies it and nothing remains.
    let run = p.run(&["fix", SELECT, "--unsafe-fixes", "u.py"]);
    run.code(0).stdout("");
    assert_eq!(p.read_str("u.py"), UNSAFE_FIXED);
}

#[test]
fn exit_non_zero_on_fix() {
    let p = Project::new();
    p.write("a.py", SAFE).write("b.py", SAFE);
    p.run(&["fix", SELECT, "--exit-non-zero-on-fix", "a.py"])
        .code(1)
        .stdout("");
    assert_eq!(p.read_str("a.py"), SAFE_FIXED, "the fix is still written");
    // Nothing left to fix: exit 0 even with the flag.
    p.run(&["fix", SELECT, "--exit-non-zero-on-fix", "a.py"])
        .code(0);
    // Without the flag a successful fix exits 0.
    p.run(&["fix", SELECT, "b.py"]).code(0);
    assert_eq!(p.read_str("b.py"), SAFE_FIXED);
}

#[test]
fn select_and_ignore() {
    let p = Project::new();
    p.write("a.py", SAFE);
    p.run(&["check", "--ignore", "wait-for-to-timeout", "a.py"])
        .code(0)
        .stdout("");
    p.run(&[
        "check",
        "--select",
        "ALL",
        "--ignore",
        "wait-for-to-timeout",
        "a.py",
    ])
    .code(0)
    .stdout("");
    p.run(&["check", "--select", "wait-for-to-timeout", "a.py"])
        .code(1)
        .stdout(&safe_line("a.py"));
}

// ---------------------------------------------------------------------------------------------
// Standard input
// ---------------------------------------------------------------------------------------------

#[test]
fn stdin_check_names_the_input() {
    let p = Project::new();
    p.run_stdin(
        &["check", SELECT, "-", "--stdin-filename", "pkg/mod.py"],
        SAFE,
    )
    .code(1)
    .stdout(&safe_line("pkg/mod.py"));
    p.run_stdin(&["check", SELECT, "-"], SAFE)
        .code(1)
        .stdout(&safe_line("-"));
    p.run_stdin(&["check", SELECT, "-"], CLEAN)
        .code(0)
        .stdout("");
    assert!(p.snapshot().is_empty(), "stdin runs write no file");
}

#[test]
fn stdin_diff_prints_the_diff() {
    let p = Project::new();
    p.run_stdin(
        &["diff", SELECT, "-", "--stdin-filename", "pkg/mod.py"],
        SAFE,
    )
    .code(1)
    .stdout(&format!(
        "{}--- a/pkg/mod.py\n+++ b/pkg/mod.py\n{SAFE_HUNK}",
        safe_comment("pkg/mod.py")
    ));
    p.run_stdin(&["diff", SELECT, "-"], CLEAN)
        .code(0)
        .stdout("");
}

#[test]
fn stdin_fix_prints_the_whole_fixed_source() {
    let p = Project::new();
    let run = p.run_stdin(
        &["fix", SELECT, "-", "--stdin-filename", "pkg/mod.py"],
        SAFE,
    );
    run.code(0).stdout(SAFE_FIXED);
    // Unchanged input goes through whole; a held-back finding is reported on stderr, exit 1.
    let run = p.run_stdin(
        &["fix", SELECT, "-", "--stdin-filename", "pkg/mod.py"],
        UNSAFE,
    );
    run.code(1)
        .stdout(UNSAFE)
        .stderr_has(&unsafe_line("pkg/mod.py"));
    p.run_stdin(&["fix", SELECT, "--unsafe-fixes", "-"], UNSAFE)
        .code(0)
        .stdout(UNSAFE_FIXED);
    p.run_stdin(&["fix", SELECT, "-"], CLEAN)
        .code(0)
        .stdout(CLEAN);
    p.run_stdin(&["fix", SELECT, "--exit-non-zero-on-fix", "-"], SAFE)
        .code(1)
        .stdout(SAFE_FIXED);
    assert!(p.snapshot().is_empty(), "stdin runs write no file");
}

#[test]
fn stdin_fix_keeps_bom_and_crlf() {
    let p = Project::new();
    let input = format!("\u{feff}{}", SAFE.replace('\n', "\r\n"));
    let expected = format!("\u{feff}{}", SAFE_FIXED.replace('\n', "\r\n"));
    let run = p.run_stdin(&["fix", SELECT, "-"], input);
    run.code(0);
    assert_eq!(run.stdout_bytes, expected.as_bytes());
}

#[test]
fn stdin_bad_input_is_passed_through_by_fix() {
    let p = Project::new();
    let bad = "import asyncio\n\nasync def f(:\n    await asyncio.wait_for(g(), 1)\n";
    let run = p.run_stdin(&["fix", SELECT, "-", "--stdin-filename", "pkg/bad.py"], bad);
    run.code(1)
        .stdout(bad)
        .stderr_has("pkg/bad.py:3:13: syntax-error SyntaxError: ");
    let run = p.run_stdin(
        &["check", SELECT, "-", "--stdin-filename", "pkg/bad.py"],
        bad,
    );
    run.code(1);
    assert!(
        run.stdout
            .starts_with("pkg/bad.py:3:13: syntax-error SyntaxError: "),
        "{run:#?}"
    );
    p.run_stdin(&["diff", SELECT, "-"], bad).stdout("");

    let latin1 = b"x = '\xe9'\n".to_vec();
    let run = p.run_stdin(
        &["fix", SELECT, "-", "--stdin-filename", "l.py"],
        latin1.clone(),
    );
    run.code(1).stderr_has(
        "l.py:1:1: invalid-encoding not valid UTF-8 (invalid byte at line 1, column 6)",
    );
    assert_eq!(run.stdout_bytes, latin1);
}

#[test]
fn stdin_filename_selects_the_pyproject() {
    let p = Project::new();
    p.write(
        "old/pyproject.toml",
        "[project]\nrequires-python = \">=3.9\"\n",
    );
    p.run_stdin(
        &["check", SELECT, "-", "--stdin-filename", "old/m.py"],
        SAFE,
    )
    .code(0)
    .stdout("");
    p.run_stdin(
        &["check", SELECT, "-", "--stdin-filename", "new/m.py"],
        SAFE,
    )
    .code(1)
    .stdout(&safe_line("new/m.py"));
}

// ---------------------------------------------------------------------------------------------
// JSON output
// ---------------------------------------------------------------------------------------------

fn json(stdout: &str) -> Vec<serde_json::Value> {
    let value: serde_json::Value = serde_json::from_str(stdout).expect("stdout is JSON");
    value.as_array().expect("a JSON array").clone()
}

/// A JSON position as `(line, column)`.
type Pos = (u64, u64);

fn position(value: &serde_json::Value) -> Pos {
    (
        value["line"].as_u64().expect("line"),
        value["column"].as_u64().expect("column"),
    )
}

#[test]
fn json_output_field_by_field() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("n.py", NO_FIX)
        .write("clean.py", CLEAN);
    let run = p.run(&["check", SELECT, "--output-format", "json"]);
    run.code(1);
    let findings = json(&run.stdout);
    assert_eq!(findings.len(), 2, "{}", run.stdout);

    let a = &findings[0];
    let keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["end", "fix", "id", "message", "path", "start"]);
    assert_eq!(a["path"], "a.py");
    assert_eq!(a["id"], "wait-for-to-timeout");
    assert_eq!(position(&a["start"]), (5, 20));
    assert_eq!(position(&a["end"]), (5, 59));
    assert_eq!(a["message"], MESSAGE);
    let fix = &a["fix"];
    assert_eq!(fix["applicability"], "safe");
    assert_eq!(
        fix["note"],
        "task identity: on 3.11 `wait_for` ran a coroutine in a new task, so `asyncio.current_task()` \
         inside it was another task and it started only after the tasks already scheduled; awaited inline \
         it runs in the caller's task at once (3.12's `wait_for` no longer makes a task); context variables \
         it sets are now visible to the caller"
    );
    let edits = fix["edits"].as_array().unwrap();
    let edits: Vec<(Pos, Pos, &str)> = edits
        .iter()
        .map(|e| {
            (
                position(&e["start"]),
                position(&e["end"]),
                e["content"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        edits,
        [
            ((5, 5), (5, 5), "async with asyncio.timeout(5):\n        "),
            ((5, 20), (5, 37), ""),
            ((5, 47), (5, 59), ""),
        ]
    );

    let n = &findings[1];
    assert_eq!(n["path"], "n.py");
    assert_eq!(n["id"], "wait-for-to-timeout");
    assert_eq!(position(&n["start"]), (5, 19));
    assert_eq!(position(&n["end"]), (5, 48));
    assert!(n["message"].as_str().unwrap().contains("; no fix: "));
    assert!(n["fix"].is_null(), "no fix is null: {n}");
}

#[test]
fn json_fix_lists_what_remains() {
    let p = Project::new();
    p.write("a.py", SAFE).write("u.py", UNSAFE);
    let run = p.run(&["fix", SELECT, "--output-format=json"]);
    run.code(1);
    let findings = json(&run.stdout);
    assert_eq!(findings.len(), 1, "{}", run.stdout);
    assert_eq!(findings[0]["path"], "u.py");
    assert_eq!(findings[0]["fix"]["applicability"], "unsafe");
    assert!(
        findings[0]["fix"]["note"]
            .as_str()
            .unwrap()
            .starts_with("a call outside the awaitable now runs under the timeout, "),
        "{}",
        findings[0]
    );
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);

    // Nothing left: an empty array, exit 0.
    let run = p.run(&["fix", SELECT, "--unsafe-fixes", "--output-format=json"]);
    run.code(0);
    assert!(json(&run.stdout).is_empty());
}

#[test]
fn json_from_stdin() {
    let p = Project::new();
    let run = p.run_stdin(
        &[
            "check",
            SELECT,
            "--output-format",
            "json",
            "-",
            "--stdin-filename",
            "s.py",
        ],
        SAFE,
    );
    run.code(1);
    let findings = json(&run.stdout);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["path"], "s.py");
    assert_eq!(position(&findings[0]["start"]), (5, 20));
}

// ---------------------------------------------------------------------------------------------
// Discovery
// ---------------------------------------------------------------------------------------------

#[test]
fn gitignored_files_are_skipped_outside_a_git_repository() {
    let p = Project::new();
    assert!(!p.path(".git").exists());
    p.write(".gitignore", "generated/\nskip.py\n")
        .write(".ignore", "also_skipped.py\n")
        .write("a.py", SAFE)
        .write("skip.py", SAFE)
        .write("also_skipped.py", SAFE)
        .write("generated/g.py", SAFE)
        .write("pkg/.gitignore", "local.py\n")
        .write("pkg/local.py", SAFE)
        .write("pkg/kept.py", SAFE);
    p.run(&["check", SELECT])
        .code(1)
        .stdout(&(safe_line("a.py") + &safe_line("pkg/kept.py")));
    p.run(&["fix", SELECT, "-q"]).code(0);
    for ignored in [
        "skip.py",
        "also_skipped.py",
        "generated/g.py",
        "pkg/local.py",
    ] {
        assert_eq!(p.read_str(ignored), SAFE, "{ignored} must not be touched");
    }
    assert_eq!(p.read_str("pkg/kept.py"), SAFE_FIXED);
}

#[test]
fn gitignored_files_are_skipped_in_a_git_repository() {
    let p = Project::new();
    p.git(&["init", "-q", "."]);
    p.write(".gitignore", "build/\n")
        .write("a.py", SAFE)
        .write("build/lib/a.py", SAFE);
    p.run(&["check", SELECT]).code(1).stdout(&safe_line("a.py"));
}

#[test]
fn a_file_named_on_the_command_line_is_taken_as_given() {
    let p = Project::new();
    p.write(".gitignore", "skip.py\n")
        .write("skip.py", SAFE)
        .write(".hidden/h.py", SAFE)
        .write("script", SAFE);
    p.run(&["check", SELECT, "skip.py", ".hidden/h.py", "script"])
        .code(1)
        .stdout(&(safe_line(".hidden/h.py") + &safe_line("script") + &safe_line("skip.py")));
}

#[test]
fn hidden_and_environment_folders_are_skipped() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write(".hidden/a.py", SAFE)
        .write(".venv/lib/a.py", SAFE)
        .write("venv/lib/a.py", SAFE)
        .write("node_modules/x/a.py", SAFE)
        .write("pkg/.cache/a.py", SAFE);
    p.run(&["check", SELECT]).code(1).stdout(&safe_line("a.py"));
    // Also when the folder is given by its absolute path.
    let root = p.root().to_str().unwrap().to_string();
    let run = p.run(&["check", SELECT, &root]);
    run.code(1).stdout(&safe_line("a.py"));
}

#[test]
fn only_py_and_pyi_files_are_taken() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("b.pyi", SAFE)
        .write("c.txt", SAFE)
        .write("d.pyx", SAFE)
        .write("e", SAFE);
    p.run(&["check", SELECT])
        .code(1)
        .stdout(&(safe_line("a.py") + &safe_line("b.pyi")));
}

#[test]
fn exclude_globs() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("gen/x.py", SAFE)
        .write("pkg/skip_me.py", SAFE)
        .write("vendor/lib/v.py", SAFE)
        .write("pkg/kept.py", SAFE);
    let run = p.run(&[
        "check",
        SELECT,
        "--exclude",
        "gen/**",
        "--exclude",
        "skip_*.py",
        "--exclude",
        "vendor",
    ]);
    run.code(1)
        .stdout(&(safe_line("a.py") + &safe_line("pkg/kept.py")));
    p.run(&[
        "fix",
        SELECT,
        "-q",
        "--exclude",
        "gen/**",
        "--exclude",
        "skip_*.py",
        "--exclude",
        "vendor",
    ])
    .code(0);
    assert_eq!(p.read_str("gen/x.py"), SAFE);
    assert_eq!(p.read_str("pkg/skip_me.py"), SAFE);
    assert_eq!(p.read_str("vendor/lib/v.py"), SAFE);
    assert_eq!(p.read_str("pkg/kept.py"), SAFE_FIXED);
    // An invalid glob is a usage error.
    p.run(&["check", SELECT, "--exclude", "a[", "."]).code(2);
}

// ---------------------------------------------------------------------------------------------
// Bad input and errors
// ---------------------------------------------------------------------------------------------

#[test]
fn syntax_error_is_reported_and_the_other_files_are_fixed() {
    let p = Project::new();
    let bad = "import asyncio\n\nasync def f(:\n    await asyncio.wait_for(g(), 1)\n";
    p.write("bad.py", bad).write("good.py", SAFE);
    // As in ruff: a syntax error is a finding (exit 1, in every format), not an error.
    let run = p.run(&["check", SELECT]);
    run.code(1);
    assert!(
        run.stdout
            .starts_with("bad.py:3:13: syntax-error SyntaxError: "),
        "{run:#?}"
    );
    assert!(run.stdout.ends_with(&safe_line("good.py")), "{run:#?}");
    assert!(!run.summary().contains("error"), "{}", run.summary());
    let run = p.run(&["check", SELECT, "--output-format=json"]);
    assert!(run.stdout.contains("\"id\": \"syntax-error\""), "{run:#?}");

    let run = p.run(&["diff", SELECT]);
    run.code(1)
        .stderr_has("bad.py:3:13: syntax-error SyntaxError: ");
    assert!(
        run.stdout
            .starts_with(&(safe_comment("good.py") + "--- a/good.py\n")),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("bad.py"));

    let run = p.run(&["fix", SELECT]);
    run.code(1);
    let error_line = run
        .stdout
        .lines()
        .find(|l| l.contains("syntax-error"))
        .unwrap();
    assert!(
        error_line.ends_with("; the file is not rewritten"),
        "{error_line}"
    );
    assert_eq!(p.read_str("good.py"), SAFE_FIXED);
    assert_eq!(p.read("bad.py"), bad.as_bytes());
}

#[test]
fn non_utf8_and_binary_files_are_reported_and_never_modified() {
    let p = Project::new();
    let latin1: &[u8] =
        b"import asyncio\nname = '\xe9'\n\nasync def f():\n    await asyncio.wait_for(g(), 1)\n";
    let binary: &[u8] = b"import asyncio\x00\nasync def f():\n    await asyncio.wait_for(g(), 1)\n";
    p.write("latin1.py", latin1)
        .write("binary.py", binary)
        .write("good.py", SAFE);
    // As in ruff: a file that cannot be decoded is a finding (exit 1), not an error (exit 2).
    for command in ["check", "diff", "fix"] {
        let run = p.run(&[command, SELECT]);
        run.code(1);
        let shown = if command == "diff" {
            &run.stderr
        } else {
            &run.stdout
        };
        assert!(
            shown.contains("latin1.py:1:1: invalid-encoding not valid UTF-8 (invalid byte at line 2, column 9); skipped"),
            "{run:#?}"
        );
        assert!(
            shown.contains(
                "binary.py:1:1: invalid-encoding binary content (NUL byte at offset 14); skipped"
            ),
            "{run:#?}"
        );
        assert!(!run.summary().contains("error"), "{}", run.summary());
        assert_eq!(p.read("latin1.py"), latin1);
        assert_eq!(p.read("binary.py"), binary);
    }
    assert_eq!(p.read_str("good.py"), SAFE_FIXED);
}

#[test]
fn bom_crlf_and_tabs_are_preserved_byte_for_byte() {
    let p = Project::new();
    let original = "\u{feff}import asyncio\r\n\r\nLIMIT = 3\t# tab before the comment\r\n\r\nasync def main(url):\r\n\tif url:\r\n\t\tresult = await asyncio.wait_for(fetch(url), 5)\r\n\t\treturn result\r\n\treturn None\t\r\n";
    let expected = "\u{feff}import asyncio\r\n\r\nLIMIT = 3\t# tab before the comment\r\n\r\nasync def main(url):\r\n\tif url:\r\n\t\tasync with asyncio.timeout(5):\r\n\t\t\tresult = await fetch(url)\r\n\t\treturn result\r\n\treturn None\t\r\n";
    p.write("bom.py", original);
    // Columns count from after the BOM; a tab is one column.
    p.run(&["check", SELECT, "bom.py"]).code(1).stdout(&format!(
        "bom.py:7:18: wait-for-to-timeout [fix] {MESSAGE}\n"
    ));
    p.run(&["fix", SELECT, "bom.py"]).code(0);
    assert_eq!(
        String::from_utf8(p.read("bom.py")).unwrap(),
        expected,
        "exact bytes"
    );
    // Idempotent.
    p.run(&["fix", SELECT, "bom.py"]).code(0);
    assert_eq!(p.read("bom.py"), expected.as_bytes());
}

#[test]
fn missing_path_exits_2_and_the_other_paths_are_processed() {
    let p = Project::new();
    p.write("a.py", SAFE);
    let run = p.run(&["fix", SELECT, "missing.py", "a.py", "no_such_dir"]);
    run.code(2)
        .stderr_has("asyncup: missing.py: ")
        .stderr_has("asyncup: no_such_dir: ");
    assert!(run.summary().ends_with(", 2 errors"), "{}", run.summary());
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);

    p.write("b.py", SAFE);
    p.run(&["check", SELECT, "b.py", "missing.py"])
        .code(2)
        .stdout(&safe_line("b.py"));
}

#[test]
fn usage_errors_exit_2() {
    let p = Project::new();
    p.write("a.py", SAFE);
    let run = p.run(&["check", "--select", "no-such-id", "a.py"]);
    run.code(2)
        .stdout("")
        .stderr_has("asyncup: unknown transform id `no-such-id` in --select (see `asyncup list`)");
    p.run(&["fix", "--select", "wait-for-to-timeout,no-such-id", "a.py"])
        .code(2);
    p.run(&["fix", "--ignore", "no-such-id", "a.py"]).code(2);
    p.run(&["diff", "--target-version", "py2", "a.py"]).code(2);
    p.run(&["diff", "--target-version", "py315", "a.py"])
        .code(2);
    p.run(&["check", "--output-format", "xml", "a.py"]).code(2);
    p.run(&["check", "--no-such-flag"]).code(2);
    p.run(&[]).code(2);
    assert_eq!(p.read_str("a.py"), SAFE, "a usage error writes nothing");
}

#[test]
fn a_file_changed_on_disk_after_reading_is_not_overwritten() {
    // The race cannot be provoked through the binary; this is the function `fix` writes with.
    let p = Project::new();
    p.write("a.py", "changed by someone else\n");
    let err =
        asyncup::files::write_atomic(&p.path("a.py"), b"what was read\n", b"new\n").unwrap_err();
    assert!(err.to_string().contains("changed on disk"), "{err}");
    assert_eq!(p.read_str("a.py"), "changed by someone else\n");
    asyncup::files::write_atomic(&p.path("a.py"), b"changed by someone else\n", b"new\n").unwrap();
    assert_eq!(p.read_str("a.py"), "new\n");
    assert_eq!(p.snapshot().len(), 1, "no temporary file left behind");
}

// ---------------------------------------------------------------------------------------------
// Writing: permissions, symbolic links, idempotence, diff == fix
// ---------------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn fix_keeps_the_file_mode() {
    use std::os::unix::fs::PermissionsExt;
    let p = Project::new();
    p.write("exec.py", SAFE).write("private.py", SAFE);
    let set = |name: &str, mode: u32| {
        std::fs::set_permissions(p.path(name), std::fs::Permissions::from_mode(mode)).unwrap()
    };
    let mode = |name: &str| {
        std::fs::metadata(p.path(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o7777
    };
    set("exec.py", 0o755);
    set("private.py", 0o600);
    p.run(&["fix", SELECT]).code(0);
    assert_eq!(p.read_str("exec.py"), SAFE_FIXED);
    assert_eq!(p.read_str("private.py"), SAFE_FIXED);
    assert_eq!(mode("exec.py"), 0o755);
    assert_eq!(mode("private.py"), 0o600);
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symbolic_link() {
    let p = Project::new();
    p.write("real.py", SAFE);
    std::os::unix::fs::symlink("real.py", p.path("link.py")).unwrap();
    p.run(&["fix", SELECT, "link.py"]).code(0);
    assert!(
        std::fs::symlink_metadata(p.path("link.py"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link must stay a link"
    );
    assert_eq!(p.read_str("real.py"), SAFE_FIXED);
}

#[test]
fn fix_is_idempotent() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("u.py", UNSAFE)
        .write(
            "many.py",
            "from asyncio import wait_for\n\n\nasync def main(a, b):\n    x = await wait_for(a(), 1)\n    y: int = await wait_for(b(), 2)\n    if x:\n        return await wait_for(a(), 3)\n    x += await wait_for(b(), None)\n    return x + y\n",
        )
        .write("crlf.py", format!("\u{feff}{}", SAFE.replace('\n', "\r\n")))
        .write("no_newline.py", SAFE.trim_end());
    p.run(&["fix", SELECT, "--unsafe-fixes"]).code(0);
    assert_eq!(
        p.read_str("many.py"),
        "from asyncio import timeout\n\n\nasync def main(a, b):\n    async with timeout(1):\n        x = await a()\n    async with timeout(2):\n        y: int = await b()\n    if x:\n        async with timeout(3):\n            return await a()\n    x += await b()\n    return x + y\n"
    );
    assert_eq!(p.read_str("no_newline.py"), SAFE_FIXED.trim_end());
    let after_first = p.snapshot();
    for unsafe_fixes in [false, true] {
        let mut args = vec![SELECT];
        if unsafe_fixes {
            args.push("--unsafe-fixes");
        }
        let run = p.run(&[&["fix"], args.as_slice()].concat());
        run.code(0).stdout("");
        assert_eq!(run.summary(), "asyncup: 5 files scanned");
        p.run(&[&["diff"], args.as_slice()].concat())
            .code(0)
            .stdout("");
        p.run(&[&["check"], args.as_slice()].concat())
            .code(0)
            .stdout("");
        assert_eq!(p.snapshot(), after_first, "a second run changes nothing");
    }
}

#[test]
fn diff_applied_with_git_apply_equals_fix() {
    let files: Vec<(&str, String)> = vec![
        ("a.py", SAFE.to_string()),
        ("u.py", UNSAFE.to_string()),
        ("clean.py", CLEAN.to_string()),
        ("pkg/no_newline.py", SAFE.trim_end().to_string()),
        // BOM and CRLF, with the change in the first hunk line: the BOM is part of line 1.
        (
            "pkg/bom.py",
            "\u{feff}import asyncio\r\nasync def f(url):\r\n\tresult = await asyncio.wait_for(fetch(url), 5)\r\n\treturn result\r\n".to_string(),
        ),
        (
            "pkg/imported.py",
            "from asyncio import wait_for\n\nasync def f():\n    await wait_for(g(), 1)\n".to_string(),
        ),
    ];
    let fixed = Project::new();
    let patched = Project::new();
    for (name, content) in &files {
        fixed.write(name, content);
        patched.write(name, content);
    }
    fixed.run(&["fix", SELECT, "--unsafe-fixes", "-q"]).code(0);

    patched.git(&["init", "-q", "."]);
    let run = patched.run(&["diff", SELECT, "--unsafe-fixes", "-q"]);
    run.code(1);
    let headers: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("+++ "))
        .collect();
    assert_eq!(
        headers,
        [
            "+++ b/a.py",
            "+++ b/pkg/bom.py",
            "+++ b/pkg/imported.py",
            "+++ b/pkg/no_newline.py",
            "+++ b/u.py"
        ]
    );
    // Inside .git: not part of the compared tree.
    let patch = patched.path(".git/asyncup.patch");
    std::fs::write(&patch, &run.stdout_bytes).unwrap();
    patched.git(&["apply", "--check", ".git/asyncup.patch"]);
    patched.git(&["apply", ".git/asyncup.patch"]);
    assert_eq!(patched.snapshot(), fixed.snapshot());
    // And the fix did change something.
    assert_ne!(fixed.read_str("a.py"), SAFE);
}

// ---------------------------------------------------------------------------------------------
// Target version
// ---------------------------------------------------------------------------------------------

#[test]
fn requires_python_below_311_turns_the_transform_off() {
    let p = Project::new();
    p.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nrequires-python = \">=3.9\"\n",
    )
    .write("a.py", SAFE)
    .write("pkg/b.py", SAFE);
    p.run(&["check", SELECT]).code(0).stdout("");
    p.run(&["diff", SELECT]).code(0).stdout("");
    p.run(&["fix", SELECT]).code(0).stdout("");
    assert_eq!(p.read_str("a.py"), SAFE);
    assert_eq!(p.read_str("pkg/b.py"), SAFE);
    // The command line wins over the file.
    p.run(&["check", SELECT, "--target-version", "py311", "a.py"])
        .code(1)
        .stdout(&safe_line("a.py"));
}

#[test]
fn nearest_pyproject_and_tool_section_win() {
    let p = Project::new();
    p.write("pyproject.toml", "[project]\nrequires-python = \">=3.9\"\n")
        .write("a.py", SAFE)
        // The nearer file wins; its tool section wins over its own requires-python.
        .write(
            "new/pyproject.toml",
            "[project]\nrequires-python = \">=3.8\"\n\n[tool.asyncup]\ntarget-version = \"py312\"\n",
        )
        .write("new/b.py", SAFE);
    p.run(&["check", SELECT])
        .code(1)
        .stdout(&safe_line("new/b.py"));
}

/// Every way a project declares the Pythons it supports turns 3.11-only rewrites off below
/// 3.11, and the summary says where the target came from.
#[test]
fn every_declared_floor_is_read() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "setup.cfg",
            "[metadata]\nname = demo\n\n[options]\npython_requires = >=3.9\n",
            "target py39 for 1 file (from setup.cfg: [options] python_requires = >=3.9)",
        ),
        (
            "setup.py",
            "from setuptools import setup\n\nsetup(\n    name=\"demo\",\n    python_requires=\">3.9, !=3.10.*\",\n)\n",
            // setup.py is itself a Python file of the run.
            "target py39 for 2 files (from setup.py: python_requires=\">3.9, !=3.10.*\")",
        ),
        (
            "pyproject.toml",
            "[tool.poetry.dependencies]\npython = \"^3.10\"\n",
            "target py310 for 1 file (from pyproject.toml: [tool.poetry.dependencies] python = \"^3.10\")",
        ),
        (
            "pyproject.toml",
            "[tool.ruff]\ntarget-version = \"py38\"\n",
            "target py38 for 1 file (from pyproject.toml: [tool.ruff] target-version = \"py38\")",
        ),
        (
            "ruff.toml",
            "target-version = \"py39\"\n",
            "target py39 for 1 file (from ruff.toml: target-version = \"py39\")",
        ),
        (
            "pyproject.toml",
            "[project]\nrequires-python = \"==3.*\"\n",
            "target py37 for 1 file (from pyproject.toml: project.requires-python = \"==3.*\")",
        ),
    ];
    for (file, text, origin) in cases {
        let p = Project::new();
        p.write(file, text).write("pkg/a.py", SAFE);
        p.run(&["check", SELECT])
            .code(0)
            .stdout("")
            .stderr_has(origin);
    }
}

/// Nothing declared: py311 is assumed, and the run says so loudly and how to set it.
#[test]
fn an_assumed_target_is_a_warning() {
    let p = Project::new();
    p.write("a.py", SAFE);
    p.run(&["check", SELECT])
        .code(1)
        .stderr_has("warning: no Python version is declared for 1 file")
        .stderr_has("assumed py311")
        .stderr_has("[tool.asyncup] target-version");
    p.run(&["check", SELECT, "--target-version", "py311"])
        .code(1)
        .stderr_has("target py311 for 1 file (from --target-version)");
    let quiet = p.run(&["check", SELECT, "--quiet"]);
    assert!(!quiet.stderr.contains("warning"), "{}", quiet.stderr);
}

#[test]
fn invalid_pyproject_is_an_error_but_files_are_still_checked() {
    let p = Project::new();
    p.write("pyproject.toml", "[project\n").write("a.py", SAFE);
    p.run(&["check", SELECT])
        .code(2)
        .stdout(&safe_line("a.py"))
        .stderr_has("(configuration ignored)");
}

#[test]
fn target_version_option() {
    let p = Project::new();
    p.write("a.py", SAFE);
    for old in ["py38", "py39", "py310", "3.10"] {
        p.run(&["check", SELECT, "--target-version", old])
            .code(0)
            .stdout("");
        p.run(&["diff", SELECT, "--target-version", old])
            .code(0)
            .stdout("");
    }
    p.run(&["fix", SELECT, "--target-version", "py310"]).code(0);
    assert_eq!(p.read_str("a.py"), SAFE);
    // The default is py311.
    p.run(&["check", SELECT]).code(1).stdout(&safe_line("a.py"));
    p.run(&["check", SELECT, "--target-version", "py314"])
        .code(1)
        .stdout(&safe_line("a.py"));
}

// ---------------------------------------------------------------------------------------------
// Configuration: [tool.asyncup], asyncup.toml, .asyncup.toml; selection
// ---------------------------------------------------------------------------------------------

/// `select`, `extend-select` and `ignore` in `[tool.asyncup]`.
#[test]
fn config_select_extend_select_and_ignore() {
    let p = Project::new();
    p.write("a.py", SAFE);
    p.write(
        "pyproject.toml",
        "[tool.asyncup]\nselect = [\"blocking-sleep\"]\n",
    );
    p.run(&["check"]).code(0).stdout("");
    p.write(
        "pyproject.toml",
        "[tool.asyncup]\nselect = [\"blocking-sleep\"]\nextend-select = [\"wait-for-to-timeout\"]\n",
    );
    p.run(&["check"]).code(1).stdout(&safe_line("a.py"));
    p.write(
        "pyproject.toml",
        "[tool.asyncup]\nselect = [\"ALL\"]\nignore = [\"wait-for-to-timeout\"]\n",
    );
    p.run(&["check"]).code(0).stdout("");
    // Other tools' tables are not checked.
    p.write(
        "pyproject.toml",
        "[tool.ruff]\nno-such-ruff-key = 1\n\n[tool.asyncup]\nselect = [\"wait-for-to-timeout\"]\n",
    );
    p.run(&["check"]).code(1).stdout(&safe_line("a.py"));
}

/// An unknown key names the key, the table and the file, suggests the nearest key, and stops
/// the run before anything is read or written.
#[test]
fn an_unknown_key_is_a_configuration_error() {
    let p = Project::new();
    p.write("a.py", SAFE).write(
        "pyproject.toml",
        "[project]\nrequires-python = \">=3.11\"\n\n[tool.asyncup]\ntagret-version = \"py311\"\n",
    );
    for command in ["check", "diff", "fix"] {
        let run = p.run(&[command]);
        run.code(2).stdout("");
        assert_eq!(
            run.stderr,
            "asyncup: unknown key tagret-version in [tool.asyncup] of pyproject.toml; did you \
             mean target-version?\n"
        );
    }
    assert_eq!(p.read_str("a.py"), SAFE);
    let p = Project::new();
    p.write("pkg/a.py", SAFE)
        .write("pkg/asyncup.toml", "extend-selct = [\"blocking-sleep\"]\n");
    let run = p.run(&["check"]);
    run.code(2).stdout("");
    assert_eq!(
        run.stderr,
        "asyncup: unknown key extend-selct in pkg/asyncup.toml; did you mean extend-select?\n"
    );
    // Nothing near: the keys are listed.
    p.write("pkg/asyncup.toml", "colour = \"blue\"\n");
    p.run(&["check"])
        .code(2)
        .stderr_has("unknown key colour in pkg/asyncup.toml; the keys are ");
    // A value of the wrong type names the file and line.
    p.write("pkg/asyncup.toml", "\nselect = \"wait-for-to-timeout\"\n");
    p.run(&["check"])
        .code(2)
        .stderr_has("asyncup: pkg/asyncup.toml:2: invalid type: string \"wait-for-to-timeout\", expected a sequence");
    // asyncup's own file must be valid TOML.
    p.write("pkg/asyncup.toml", "select = [\n");
    p.run(&["check"])
        .code(2)
        .stderr_has("asyncup: pkg/asyncup.toml:");
    p.write("pkg/asyncup.toml", "target-version = \"py2\"\n");
    p.run(&["check"])
        .code(2)
        .stderr_has("target-version in pkg/asyncup.toml: invalid Python version `py2`");
}

/// Ids in every key that takes ids are checked, with a suggestion and the file named.
#[test]
fn unknown_ids_in_the_configuration() {
    let cases = [
        ("select = [\"wait-for-to-timout\"]", "select"),
        ("extend-select = [\"wait-for-to-timout\"]", "extend-select"),
        ("ignore = [\"wait-for-to-timout\"]", "ignore"),
        (
            "extend-safe-fixes = [\"wait-for-to-timout\"]",
            "extend-safe-fixes",
        ),
        (
            "extend-unsafe-fixes = [\"wait-for-to-timout\"]",
            "extend-unsafe-fixes",
        ),
        (
            "per-file-ignores = { \"tests/**\" = [\"wait-for-to-timout\"] }",
            "per-file-ignores `tests/**`",
        ),
    ];
    for (line, key) in cases {
        let p = Project::new();
        p.write("a.py", SAFE)
            .write("asyncup.toml", format!("{line}\n"));
        let run = p.run(&["check"]);
        run.code(2).stdout("");
        assert_eq!(
            run.stderr,
            format!(
                "asyncup: unknown transform id `wait-for-to-timout` in {key} of asyncup.toml; \
                 did you mean `wait-for-to-timeout`?\n"
            )
        );
    }
}

/// `target-version` in `asyncup.toml` / `.asyncup.toml`; `.asyncup.toml` wins over
/// `asyncup.toml`, which wins over `[tool.asyncup]` in the same folder.
#[test]
fn config_target_version_and_file_order() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("asyncup.toml", "target-version = \"py310\"\n");
    p.run(&["check"])
        .code(0)
        .stdout("")
        .stderr_has("target py310 for 1 file (from asyncup.toml: target-version = \"py310\")");
    p.write(".asyncup.toml", "target-version = \"py312\"\n");
    p.run(&["check"])
        .code(1)
        .stdout(&safe_line("a.py"))
        .stderr_has("target py312 for 1 file (from .asyncup.toml: target-version = \"py312\")");
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("asyncup.toml", "ignore = [\"wait-for-to-timeout\"]\n")
        .write(
            "pyproject.toml",
            "[tool.asyncup]\nselect = [\"wait-for-to-timeout\"]\n",
        );
    p.run(&["check"]).code(0).stdout("");
}

/// The nearest configuration file to each file applies; `--config` names one for every file;
/// `--isolated` reads none.
#[test]
fn nearest_config_file_wins_then_config_and_isolated() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("sub/b.py", SAFE)
        .write(
            "pyproject.toml",
            "[tool.asyncup]\nignore = [\"wait-for-to-timeout\"]\n",
        )
        .write("sub/asyncup.toml", "select = [\"wait-for-to-timeout\"]\n");
    p.run(&["check"]).code(1).stdout(&safe_line("sub/b.py"));
    p.run(&["check", "--isolated"])
        .code(1)
        .stdout(&(safe_line("a.py") + &safe_line("sub/b.py")));
    p.run(&["check", "--config", "sub/asyncup.toml"])
        .code(1)
        .stdout(&(safe_line("a.py") + &safe_line("sub/b.py")));
    p.run(&["check", "--config", "pyproject.toml"])
        .code(0)
        .stdout("");
    // `--config`'s target-version is every file's.
    p.write("other.toml", "target-version = \"py39\"\n");
    p.run(&["check", "--config", "other.toml"])
        .code(0)
        .stderr_has("target py39 for 2 files (from other.toml: target-version = \"py39\")");
    p.run(&["check", "--config", "no-such.toml"])
        .code(2)
        .stdout("")
        .stderr_has("asyncup: no-such.toml: cannot read the configuration");
    p.run(&["check", "--config", "other.toml", "--isolated"])
        .code(2);
}

/// Flags win over the file: `--select` over `select`/`ignore`, `--extend-select`,
/// `--target-version`, `--no-unsafe-fixes` over `unsafe-fixes = true`.
#[test]
fn command_line_flags_win_over_the_file() {
    let p = Project::new();
    p.write("a.py", SAFE).write(
        "asyncup.toml",
        "target-version = \"py310\"\nignore = [\"wait-for-to-timeout\"]\n",
    );
    p.run(&["check"]).code(0).stdout("");
    p.run(&["check", "--target-version", "py311"])
        .code(0)
        .stdout("");
    p.run(&["check", "--target-version", "py311", SELECT])
        .code(1)
        .stdout(&safe_line("a.py"));
    p.write("asyncup.toml", "select = [\"blocking-sleep\"]\n");
    p.run(&["check", "--extend-select", "wait-for-to-timeout"])
        .code(1)
        .stdout(&safe_line("a.py"));
    // `unsafe-fixes = true` in the file applies unsafe fixes; the flag turns them off.
    p.write("b.py", UNSAFE).write(
        "asyncup.toml",
        "select = [\"wait-for-to-timeout\"]\nunsafe-fixes = true\n",
    );
    p.run(&["fix", "--no-unsafe-fixes", "b.py"]).code(1);
    assert_eq!(p.read_str("b.py"), UNSAFE);
    p.run(&["fix", "b.py"]).code(0);
    assert_eq!(p.read_str("b.py"), UNSAFE_FIXED);
}

/// `exclude` replaces the default folders, `extend-exclude` adds to them; both are gitignore
/// globs anchored at the configuration file's folder.
#[test]
fn config_exclude_and_extend_exclude() {
    let p = Project::new();
    p.write("kept.py", SAFE)
        .write("gen/x.py", SAFE)
        .write("pkg/gen/y.py", SAFE)
        .write("top_only.py", SAFE)
        .write("pkg/top_only.py", SAFE)
        .write("venv/v.py", SAFE)
        .write(
            "asyncup.toml",
            "select = [\"wait-for-to-timeout\"]\nextend-exclude = [\"gen/\", \"/top_only.py\"]\n",
        );
    p.run(&["check"])
        .code(1)
        .stdout(&(safe_line("kept.py") + &safe_line("pkg/top_only.py")));
    p.write(
        "asyncup.toml",
        "select = [\"wait-for-to-timeout\"]\nexclude = [\"gen\"]\n",
    );
    p.run(&["check"]).code(1).stdout(
        &(safe_line("kept.py")
            + &safe_line("pkg/top_only.py")
            + &safe_line("top_only.py")
            + &safe_line("venv/v.py")),
    );
    // Anchored at the folder of the file that says it.
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("sub/a.py", SAFE)
        .write("sub/asyncup.toml", "extend-exclude = [\"/a.py\"]\n");
    p.run(&["check", SELECT]).code(1).stdout(&safe_line("a.py"));
    // Under `--config`, at that file's folder, not at the current one.
    p.run(&["check", SELECT, "--config", "sub/asyncup.toml"])
        .code(1)
        .stdout(&safe_line("a.py"));
    p.run(&[
        "check",
        SELECT,
        "--config",
        "sub/asyncup.toml",
        "--force-exclude",
        "sub/a.py",
    ])
    .code(0)
    .stdout("");
    p.write("sub/asyncup.toml", "exclude = [\"a{b\"]\n");
    p.run(&["check", SELECT])
        .code(2)
        .stderr_has("invalid glob `a{b` in exclude of sub/asyncup.toml");
}

/// A file named on the command line is taken even when excluded, unless `force-exclude`.
#[test]
fn force_exclude_applies_to_files_named_on_the_command_line() {
    let p = Project::new();
    p.write("migrations/m.py", SAFE).write("a.py", SAFE).write(
        "asyncup.toml",
        "select = [\"wait-for-to-timeout\"]\nextend-exclude = [\"migrations\"]\n",
    );
    p.run(&["check", "migrations/m.py", "a.py"])
        .code(1)
        .stdout(&(safe_line("a.py") + &safe_line("migrations/m.py")));
    p.run(&["check", "--force-exclude", "migrations/m.py", "a.py"])
        .code(1)
        .stdout(&safe_line("a.py"));
    p.run(&["fix", "--force-exclude", "migrations/m.py"])
        .code(0);
    assert_eq!(p.read_str("migrations/m.py"), SAFE);
    p.write(
        "asyncup.toml",
        "select = [\"wait-for-to-timeout\"]\nextend-exclude = [\"migrations\"]\nforce-exclude = true\n",
    );
    p.run(&["check", "migrations/m.py"]).code(0).stdout("");
    p.run(&["check", "--no-force-exclude", "migrations/m.py"])
        .code(1)
        .stdout(&safe_line("migrations/m.py"));
    // Standard input named as an excluded file goes through untouched.
    p.run_stdin(&["check", "--stdin-filename", "migrations/m.py", "-"], SAFE)
        .code(0)
        .stdout("");
}

/// `per-file-ignores`: glob → ids (or ALL), anchored at the configuration file's folder.
#[test]
fn per_file_ignores() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("tests/unit/test_a.py", SAFE)
        .write("pkg/tests/test_b.py", SAFE)
        .write("pkg/conftest.py", SAFE)
        .write(
            "pyproject.toml",
            "[tool.asyncup]\nselect = [\"wait-for-to-timeout\"]\n\n[tool.asyncup.per-file-ignores]\n\"tests/**\" = [\"wait-for-to-timeout\"]\n\"conftest.py\" = [\"ALL\"]\n",
        );
    p.run(&["check"])
        .code(1)
        .stdout(&(safe_line("a.py") + &safe_line("pkg/tests/test_b.py")));
    // The ids of a matching entry are only ignored in the files it matches.
    p.run_stdin(
        &["check", "--stdin-filename", "tests/unit/test_c.py", "-"],
        SAFE,
    )
    .code(0)
    .stdout("");
}

/// `extend-safe-fixes` promotes a transform's unsafe fixes; `extend-unsafe-fixes` demotes its
/// safe ones.
#[test]
fn extend_safe_fixes_and_extend_unsafe_fixes() {
    let p = Project::new();
    p.write("a.py", UNSAFE).write(
        "asyncup.toml",
        "select = [\"wait-for-to-timeout\"]\nextend-safe-fixes = [\"wait-for-to-timeout\"]\n",
    );
    p.run(&["check"]).code(1).stdout(&safe_line("a.py"));
    p.run(&["fix"]).code(0);
    assert_eq!(p.read_str("a.py"), UNSAFE_FIXED);
    let p = Project::new();
    p.write("a.py", SAFE).write(
        "asyncup.toml",
        "select = [\"wait-for-to-timeout\"]\nextend-unsafe-fixes = [\"wait-for-to-timeout\"]\n",
    );
    p.run(&["check"]).code(1).stdout(&unsafe_line("a.py"));
    p.run(&["fix"]).code(1);
    assert_eq!(p.read_str("a.py"), SAFE);
    p.run(&["fix", "--unsafe-fixes"]).code(0);
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);
}

/// `check --show-settings PATH` prints what applies to that file and exits 0.
#[test]
fn show_settings() {
    let p = Project::new();
    p.write("pkg/tests/test_a.py", SAFE).write(
        "pyproject.toml",
        "[project]\nrequires-python = \">=3.9\"\n\n[tool.asyncup]\nselect = [\"wait-for-to-timeout\", \"gather-to-taskgroup\"]\nextend-exclude = [\"migrations\"]\nunsafe-fixes = true\nextend-safe-fixes = [\"gather-to-taskgroup\"]\n\n[tool.asyncup.per-file-ignores]\n\"**/tests/*\" = [\"wait-for-to-timeout\"]\n\"docs/**\" = [\"ALL\"]\n",
    );
    let run = p.run(&["check", "--show-settings", "pkg/tests/test_a.py"]);
    run.code(0).stdout(
        "Settings for pkg/tests/test_a.py\n\
         config file: [tool.asyncup] of pyproject.toml\n\
         globs anchored at: .\n\
         target-version: py39 (from pyproject.toml: project.requires-python = \">=3.9\")\n\
         selected: gather-to-taskgroup\n\
         select: wait-for-to-timeout, gather-to-taskgroup\n\
         extend-select: (none)\n\
         ignore: (none)\n\
         exclude: (default) __pypackages__, _build, buck-out, dist, node_modules, site-packages, venv\n\
         extend-exclude: migrations\n\
         force-exclude: false\n\
         excluded: no\n\
         per-file-ignores:\n\
         \x20 **/tests/* = wait-for-to-timeout\n\
         unsafe-fixes: true\n\
         extend-safe-fixes: gather-to-taskgroup\n\
         extend-unsafe-fixes: (none)\n",
    );
    assert_eq!(run.stderr, "");
    let run = p.run(&[
        "check",
        "--show-settings",
        "--isolated",
        "--target-version",
        "py312",
        "--select",
        "wait-for-to-timeout",
        "pkg/tests/test_a.py",
    ]);
    run.code(0);
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout.contains("config file: (none: --isolated)\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("target-version: py312 (from --target-version)\n")
    );
    assert!(run.stdout.contains("selected: wait-for-to-timeout\n"));
    assert!(run.stdout.contains("per-file-ignores: (none match)\n"));
    let run = p.run(&[
        "check",
        "--show-settings",
        "--config",
        "pyproject.toml",
        "migrations/m.py",
    ]);
    run.code(0);
    assert!(
        run.stdout
            .contains("config file: [tool.asyncup] of pyproject.toml (--config)\n")
            && run.stdout.contains("excluded: yes\n"),
        "{}",
        run.stdout
    );
    p.run(&["check", "--show-settings"])
        .code(2)
        .stderr_has("--show-settings takes exactly one path");
    // The name standard input would be reported as.
    let run = p.run(&["check", "--show-settings", "--stdin-filename", "docs/x.py"]);
    run.code(0);
    assert!(
        run.stdout.starts_with("Settings for docs/x.py\n")
            && run.stdout.contains("  docs/** = ALL\n"),
        "{}",
        run.stdout
    );
}

/// `--select` / `--ignore` items are trimmed; an unknown id gets a suggestion.
#[test]
fn selection_items_are_trimmed_and_checked() {
    let p = Project::new();
    p.write("a.py", SAFE);
    p.run(&["check", "--select", "blocking-sleep, wait-for-to-timeout"])
        .code(1)
        .stdout(&safe_line("a.py"));
    p.run(&["check", "--ignore", " wait-for-to-timeout ,blocking-sleep"])
        .code(0)
        .stdout("");
    let run = p.run(&["check", "--select", "wait-for-timeout"]);
    run.code(2).stdout("");
    assert_eq!(
        run.stderr,
        "asyncup: unknown transform id `wait-for-timeout` in --select; did you mean \
         `wait-for-to-timeout`?\n"
    );
    p.run(&["check", "--ignore", "gather-to-taskgrop"])
        .code(2)
        .stderr_has("in --ignore; did you mean `gather-to-taskgroup`?");
    p.run(&["check", "--extend-select", "blocking-slep"])
        .code(2)
        .stderr_has("in --extend-select; did you mean `blocking-sleep`?");
}

/// Selecting nothing is a usage error, from the command line or the file.
#[test]
fn selecting_nothing_is_a_usage_error() {
    let p = Project::new();
    p.write("a.py", SAFE);
    let run = p.run(&["check", "--select", "ALL", "--ignore", "ALL"]);
    run.code(2).stdout("");
    assert_eq!(
        run.stderr,
        "asyncup: no transform is selected (--select/--ignore); see `asyncup list`\n"
    );
    p.write("asyncup.toml", "select = []\n");
    p.run(&["check"]).code(2).stderr_has(
        "no transform is selected (select/ignore in asyncup.toml and the command line)",
    );
}

/// A transform selected by name that the target version turns off gets a warning naming both.
#[test]
fn a_transform_selected_by_name_but_off_for_the_target_is_a_warning() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("pyproject.toml", "[project]\nrequires-python = \">=3.9\"\n");
    p.run(&["check", "--select", "gather-to-taskgroup,blocking-sleep"])
        .code(0)
        .stderr_has(
            "asyncup: warning: gather-to-taskgroup is selected but needs Python 3.11; the \
             target is py39 (from pyproject.toml: project.requires-python = \">=3.9\")\n",
        );
    // Not by ALL or by default, not for a transform that runs on any version, not with -s.
    for args in [
        &["check", "--select", "ALL"][..],
        &["check"],
        &["check", "--select", "blocking-sleep"],
        &["check", "-s", "--select", "gather-to-taskgroup"],
    ] {
        let run = p.run(args);
        assert!(
            !run.stderr.contains("is selected but"),
            "{args:?}: {}",
            run.stderr
        );
    }
    // Selected by name in the file: the same warning, once.
    p.write(
        "pyproject.toml",
        "[project]\nrequires-python = \">=3.9\"\n\n[tool.asyncup]\nextend-select = [\"timeout-error-alias\"]\n",
    )
    .write("b.py", SAFE);
    let run = p.run(&["check"]);
    assert_eq!(
        run.stderr
            .matches("timeout-error-alias is selected but needs Python 3.11")
            .count(),
        1,
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// list / explain
// ---------------------------------------------------------------------------------------------

#[test]
fn list_shows_the_transform() {
    let p = Project::new();
    let run = p.run(&["list"]);
    run.code(0);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("wait-for-to-timeout "))
        .unwrap_or_else(|| panic!("no wait-for-to-timeout line:\n{}", run.stdout));
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(&fields[..3], ["wait-for-to-timeout", "3.11", "safe/unsafe"]);
    assert!(
        line.ends_with(
            "`await asyncio.wait_for(aw, t)` -> `async with asyncio.timeout(t): await aw`"
        )
    );
}

#[test]
fn explain_prints_the_documentation() {
    let p = Project::new();
    let run = p.run(&["explain", "wait-for-to-timeout"]);
    run.code(0);
    assert!(run.stdout.starts_with(
        "# wait-for-to-timeout\n\n`await asyncio.wait_for(aw, t)` -> `async with asyncio.timeout(t): await aw`\n\n"
    ), "{}", run.stdout);
    for section in [
        "\n## What it does\n",
        "\n## Why is this bad?\n",
        "\n## Example\n",
        "\nUse instead:\n",
        "\n## Fix safety\n",
        "\n## When no fix is made\n",
        "\n## Suppressing it\nAdd `# asyncup: ignore[wait-for-to-timeout]` at the end",
    ] {
        assert!(run.stdout.contains(section), "missing {section:?}");
    }
    assert!(run.stdout.contains(
        "```python\nasync with asyncio.timeout(5):\n    result = await fetch(url)\n```\n"
    ));
    let run = p.run(&["explain", "requests-to-httpx"]);
    run.code(0);
    for row in [
        "\n## Mapping table\n",
        "| `verify=` | `verify=` | module-level calls only",
        "| `ok` | `not r.is_error` |",
        "| `HTTPError` | `httpx.HTTPStatusError` |",
        "| `headers.update()` | `s.headers.update()` |",
    ] {
        assert!(
            run.stdout.contains(row),
            "missing {row:?} in:\n{}",
            run.stdout
        );
    }
    p.run(&["explain", "no-such-id"])
        .code(2)
        .stdout("")
        .stderr_has("unknown transform id `no-such-id`");
}

#[test]
fn a_file_named_twice_is_processed_once() {
    let p = Project::new();
    p.write("a.py", SAFE);
    let run = p.run(&["fix", SELECT, "a.py", "./a.py"]);
    run.code(0);
    assert!(
        run.summary().contains("1 file scanned"),
        "{}",
        run.summary()
    );
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);
}

#[test]
fn deeply_nested_expressions_do_not_crash_the_run() {
    let p = Project::new();
    let depth = 100_000;
    p.write(
        "parens.py",
        format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth)),
    );
    p.write("unary.py", format!("x = {}1\n", "-".repeat(depth)));
    p.write("a.py", SAFE);
    let run = p.run(&["fix", SELECT, "."]);
    assert!(
        run.code == 0 || run.code == 2,
        "the run must finish normally: {run:#?}"
    );
    assert!(
        run.summary().contains("3 files scanned"),
        "{}",
        run.summary()
    );
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);
}

#[test]
fn links_out_of_the_tree_are_never_written() {
    let outside = Project::new();
    outside.write("victim.py", SAFE);
    let p = Project::new();
    p.write("a.py", SAFE);
    std::os::unix::fs::symlink(outside.path("victim.py"), p.path("link.py")).unwrap();
    std::fs::create_dir(p.path("sub")).unwrap();
    // A folder that links back to its parent: a loop the walk must not follow.
    std::os::unix::fs::symlink(p.root(), p.path("sub/loop")).unwrap();
    let run = p.run(&["fix", SELECT, "."]);
    run.code(0);
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);
    assert_eq!(
        outside.read_str("victim.py"),
        SAFE,
        "a file outside the tree was written"
    );
}

#[test]
fn latin1_empty_and_form_feed_files() {
    let p = Project::new();
    p.write("latin.py", b"# -*- coding: latin-1 -*-\nname = '\xe9'\n");
    p.write("empty.py", "");
    p.write(
        "ff.py",
        format!(
            "import asyncio\n\x0c\n{}",
            &SAFE["import asyncio\n".len()..]
        ),
    );
    let run = p.run(&["fix", SELECT, "."]);
    run.code(1);
    assert!(
        run.stdout.contains(
            "latin.py:1:1: invalid-encoding declares `coding: latin-1` and is not valid UTF-8"
        ),
        "{run:#?}"
    );
    assert_eq!(
        p.read("latin.py"),
        b"# -*- coding: latin-1 -*-\nname = '\xe9'\n"
    );
    assert_eq!(p.read_str("empty.py"), "");
    assert_eq!(
        p.read_str("ff.py"),
        format!(
            "import asyncio\n\x0c\n{}",
            &SAFE_FIXED["import asyncio\n".len()..]
        )
    );
}

#[test]
fn mixed_line_endings_and_a_50000_line_file() {
    let p = Project::new();
    // Mixed: the header in CRLF, the function in LF; every untouched byte must survive.
    let mixed = SAFE.replacen("import asyncio\n", "import asyncio\r\n\r\n", 1);
    p.write("mixed.py", &mixed);
    let mut big = String::from("import asyncio\n\n\n");
    for i in 0..50_000 {
        big.push_str(&format!("x{i} = {i}\n"));
    }
    big.push_str("\n\nasync def main(url):\n    result = await asyncio.wait_for(fetch(url), timeout=5)\n    return result\n");
    p.write("big.py", &big);
    p.run(&["fix", SELECT, "."]).code(0);
    let fixed_mixed = SAFE_FIXED.replacen("import asyncio\n", "import asyncio\r\n\r\n", 1);
    assert_eq!(p.read_str("mixed.py"), fixed_mixed);
    let fixed_big = big.replace(
        "    result = await asyncio.wait_for(fetch(url), timeout=5)\n",
        "    async with asyncio.timeout(5):\n        result = await fetch(url)\n",
    );
    assert_eq!(p.read_str("big.py"), fixed_big);
}

#[test]
fn a_read_only_folder_is_reported_and_the_rest_is_fixed() {
    use std::os::unix::fs::PermissionsExt;
    let p = Project::new();
    p.write("ro/a.py", SAFE);
    p.write("b.py", SAFE);
    std::fs::set_permissions(p.path("ro"), std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permission bits: run as `nobody` then (CI runs as root).
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .unwrap()
        .stdout
        == b"0\n";
    let bin = assert_cmd::cargo::cargo_bin("asyncup");
    // `nobody` must reach the binary: the checkout (and its target folder) may sit in a folder
    // only root can enter (a clone in /root), so run a copy from a world-readable temp folder.
    let bin_dir = tempfile::Builder::new()
        .prefix("asyncup-bin-")
        .tempdir()
        .unwrap();
    let output = if root {
        std::fs::set_permissions(bin_dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let copy = bin_dir.path().join("asyncup");
        std::fs::copy(&bin, &copy).unwrap();
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::process::Command::new("chown")
            .args(["-R", "nobody"])
            .arg(p.root())
            .status()
            .unwrap();
        std::process::Command::new("runuser")
            .args(["-u", "nobody", "--"])
            .arg(&copy)
            .args(["fix", SELECT, "."])
            .current_dir(p.root())
            .output()
            .unwrap()
    } else {
        std::process::Command::new(&bin)
            .args(["fix", SELECT, "."])
            .current_dir(p.root())
            .output()
            .unwrap()
    };
    std::fs::set_permissions(p.path("ro"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("ro/a.py: cannot create a temporary file next to it"),
        "{stderr}"
    );
    assert_eq!(p.read_str("ro/a.py"), SAFE);
    assert_eq!(p.read_str("b.py"), SAFE_FIXED);
}

#[test]
fn a_run_killed_at_any_moment_leaves_each_file_whole() {
    let p = Project::new();
    for i in 0..300 {
        p.write(&format!("m{i:03}.py"), SAFE);
    }
    let bin = assert_cmd::cargo::cargo_bin("asyncup");
    for delay_ms in [1u64, 3, 7, 15, 30, 60] {
        let mut child = std::process::Command::new(&bin)
            .args(["fix", SELECT, "."])
            .current_dir(p.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        for i in 0..300 {
            let text = p.read_str(&format!("m{i:03}.py"));
            assert!(
                text == SAFE || text == SAFE_FIXED,
                "m{i:03}.py is neither original nor fixed:\n{text}"
            );
        }
        // Start the next round from the originals again.
        for i in 0..300 {
            p.write(&format!("m{i:03}.py"), SAFE);
        }
    }
}

#[test]
fn a_multi_line_string_in_a_moved_statement_keeps_its_bytes() {
    let p = Project::new();
    let source = "import asyncio\n\n\nasync def main(q):\n    text = \"\"\"first\n  second\n\tthird\"\"\" + await asyncio.wait_for(q.get(), 1)\n    return text\n";
    p.write("s.py", source);
    p.run(&["fix", SELECT, "s.py"]).code(0);
    assert_eq!(
        p.read_str("s.py"),
        "import asyncio\n\n\nasync def main(q):\n    async with asyncio.timeout(1):\n        text = \"\"\"first\n  second\n\tthird\"\"\" + await q.get()\n    return text\n"
    );
}

/// The project view reaches the binary: a test file elsewhere in the run that patches
/// `asyncio.wait_for` refuses the fix, and checking the file alone keeps it.
#[test]
fn other_files_of_the_run_inform_the_fix() {
    let p = Project::new();
    p.write("app/client.py", SAFE);
    p.write(
        "tests/test_client.py",
        "from unittest import mock\n\n\ndef test_x():\n    with mock.patch(\"asyncio.wait_for\"):\n        pass\n",
    );
    p.run(&["check", SELECT, "app/client.py"])
        .code(1)
        .stdout(&safe_line("app/client.py"));
    let run = p.run(&["check", SELECT, "."]);
    run.code(1);
    assert!(
        run.stdout.starts_with(&format!(
            "app/client.py:5:20: wait-for-to-timeout {MESSAGE}; no fix: tests/test_client.py:5 patches `asyncio.wait_for`"
        )),
        "{run:#?}"
    );
}

/// A multi-line `asyncio.run(` in a test: the argument's continuation lines move left with it.
#[test]
fn asyncio_run_in_test_reindents_continuation_lines() {
    let p = Project::new();
    p.write(
        "test_a.py",
        "import asyncio\n\nimport pytest\n\n\ndef test_a():\n    result = asyncio.run(\n        main(\n            1,\n        )\n    )\n    assert result\n",
    );
    p.run(&[
        "fix",
        "--unsafe-fixes",
        "--select=asyncio-run-in-test",
        "test_a.py",
    ])
    .code(0);
    assert_eq!(
        p.read_str("test_a.py"),
        "import pytest\n\n\n@pytest.mark.asyncio\nasync def test_a():\n    result = await main(\n        1,\n    )\n    assert result\n"
    );
}

/// `# asyncup: ignore[...]` on the first line or the statement's last line suppresses the
/// finding: not reported, not fixed; a bare `ignore` suppresses every id on its line.
#[test]
fn suppression_comments_hide_findings_and_their_fixes() {
    let p = Project::new();
    let source = "import asyncio\n\n\nasync def main(url):\n    a = await asyncio.wait_for(fetch(url), 5)  # asyncup: ignore[wait-for-to-timeout]\n    b = await asyncio.wait_for(\n        fetch(url), 5\n    )  # asyncup: ignore[wait-for-to-timeout]\n    c = await asyncio.wait_for(fetch(url), 5)  # noqa: E501  # asyncup: ignore\n    return a, b, c\n";
    p.write("a.py", source);
    p.run(&["check", "--target-version=py311", "a.py"])
        .code(0)
        .stdout("");
    p.run(&["fix", "--unsafe-fixes", "--target-version=py311", "a.py"])
        .code(0);
    assert_eq!(p.read_str("a.py"), source);
    // Another id does not suppress it.
    p.write(
        "b.py",
        "import asyncio\n\n\nasync def main(url):\n    return await asyncio.wait_for(fetch(url), 5)  # asyncup: ignore[blocking-sleep]\n",
    );
    let run = p.run(&["check", "--target-version=py311", "b.py"]);
    run.code(1);
    assert!(
        run.stdout.contains("b.py:5:18: wait-for-to-timeout"),
        "{run:#?}"
    );
    assert!(
        run.stdout.contains("b.py:5:51: unused-suppression [fix] Unused suppression `# asyncup: ignore[blocking-sleep]`: `blocking-sleep` suppresses nothing here"),
        "{run:#?}"
    );
}

#[test]
fn file_level_suppressions() {
    let p = Project::new();
    p.write("skip.py", format!("# asyncup: skip-file\n{SAFE}"));
    p.write(
        "some.py",
        format!("#!/usr/bin/env python\n# asyncup: ignore-file[wait-for-to-timeout]\n{SAFE}"),
    );
    p.run(&["check", "--target-version=py311", "."])
        .code(0)
        .stdout("");
    // After code, a file directive is only a comment.
    p.write("late.py", format!("{SAFE}# asyncup: skip-file\n"));
    p.run(&["check", "--target-version=py311", "late.py"])
        .code(1)
        .stdout(&safe_line("late.py"));
}

/// An unused or unknown suppression is a finding whose safe fix removes it, keeping other
/// comments on the line.
#[test]
fn unused_suppressions_are_reported_and_removed() {
    let p = Project::new();
    p.write(
        "a.py",
        "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(1)  # noqa: E501  # asyncup: ignore[blocking-sleep, tpyo]\n    # asyncup: ignore\n    return 1\n",
    );
    let run = p.run(&["check", "--target-version=py311", "a.py"]);
    run.code(1);
    assert!(
        run.stdout.contains("`tpyo` is not a transform id"),
        "{run:#?}"
    );
    assert!(
        run.stdout.contains("a.py:6:5: unused-suppression"),
        "{run:#?}"
    );
    p.run(&["fix", "--target-version=py311", "a.py"]).code(0);
    assert_eq!(
        p.read_str("a.py"),
        "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(1)  # noqa: E501\n    return 1\n"
    );
    // Not selected: not called unused.
    p.write("b.py", "x = 1  # asyncup: ignore[blocking-sleep]\n");
    p.run(&[
        "check",
        "--select=wait-for-to-timeout,unused-suppression",
        "b.py",
    ])
    .code(0);
    p.run(&["check", "b.py", "--ignore=unused-suppression"])
        .code(0);
}

/// `check --add-ignore` writes a baseline: afterwards `check` exits 0, and a second run
/// changes nothing; a directive already on the line is merged into.
#[test]
fn add_ignore_writes_a_baseline() {
    let p = Project::new();
    p.write(
        "a.py",
        "import asyncio\nimport time\n\n\nasync def main():\n    time.sleep(1)  # asyncup: ignore[wait-for-to-timeout]\n    x = await asyncio.wait_for(\n        fetch(), 5\n    )\n    s = \"\"\"\n    text\"\"\" + str(time.sleep(1))\n    return x, s\n",
    );
    p.run(&["check", "--add-ignore", "--target-version=py311", "a.py"])
        .code(0)
        .stderr_has("added 3 suppressions in 1 file");
    assert_eq!(
        p.read_str("a.py"),
        "import asyncio\nimport time\n\n\nasync def main():\n    time.sleep(1)  # asyncup: ignore[blocking-sleep]\n    x = await asyncio.wait_for(  # asyncup: ignore[wait-for-to-timeout]\n        fetch(), 5\n    )\n    s = \"\"\"\n    text\"\"\" + str(time.sleep(1))  # asyncup: ignore[blocking-sleep]\n    return x, s\n"
    );
    let before = p.snapshot();
    p.run(&["check", "--target-version=py311", "a.py"]).code(0);
    p.run(&["check", "--add-ignore", "--target-version=py311", "a.py"])
        .code(0)
        .stderr_has("added 0 suppressions in 0 files");
    assert_eq!(
        p.snapshot(),
        before,
        "a second --add-ignore changes nothing"
    );
    p.run(&["fix", "--add-ignore", "a.py"]).code(2);
}

/// `--stdin-filename` always reads standard input, as in ruff: `cat app.py | asyncup fix
/// --stdin-filename app.py` must not rewrite the files in the current folder.
#[test]
fn stdin_filename_always_reads_standard_input() {
    let p = Project::new();
    p.write("app.py", SAFE);
    p.write("other.py", SAFE);
    let before = p.snapshot();
    let run = p.run_stdin(
        &[
            "fix",
            SELECT,
            "--target-version=py311",
            "--stdin-filename",
            "app.py",
        ],
        SAFE,
    );
    run.code(0);
    assert_eq!(run.stdout, SAFE_FIXED);
    assert_eq!(
        p.snapshot(),
        before,
        "nothing on disk is written in stdin mode"
    );
    let run = p.run_stdin(
        &[
            "diff",
            SELECT,
            "--target-version=py311",
            "--stdin-filename",
            "pkg/app.py",
            "other.py",
        ],
        SAFE,
    );
    run.code(1)
        .stderr_has("ignoring the paths given with it: other.py");
    assert!(
        run.stdout
            .starts_with(&(safe_comment("pkg/app.py") + "--- a/pkg/app.py\n+++ b/pkg/app.py\n")),
        "{run:#?}"
    );
    assert_eq!(p.snapshot(), before);
}

/// `--exit-zero` keeps exit 0 with findings left; errors still exit 2. `--statistics` counts
/// per id instead of listing.
#[test]
fn exit_zero_and_statistics() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("b.py", UNSAFE)
        .write("c.py", NO_FIX);
    p.run(&["check", SELECT, "--exit-zero", "."]).code(0);
    p.run(&["diff", SELECT, "--exit-zero", "."]).code(0);
    p.run(&["check", SELECT, "--exit-zero", "missing.py"])
        .code(2);
    let run = p.run(&["check", SELECT, "--statistics", "."]);
    run.code(1)
        .stdout("     3  wait-for-to-timeout            1 safe fix, 1 unsafe fix, 1 no fix\n");
    let run = p.run(&["check", SELECT, "--statistics", "--output-format=json", "."]);
    assert!(run.stdout.contains("\"unsafe_fix\": 1"), "{run:#?}");
}

// ---------------------------------------------------------------------------------------------
// Install and rollout: --version, completions, --summary-markdown
// ---------------------------------------------------------------------------------------------

/// `--version` names the crate version and the commit (or `unknown`); `completions` prints a
/// script for each shell clap_complete knows, and refuses others.
#[test]
fn version_and_completions() {
    let p = Project::new();
    let run = p.run(&["--version"]);
    run.code(0);
    let prefix = format!("asyncup {} (", env!("CARGO_PKG_VERSION"));
    assert!(
        run.stdout.starts_with(&prefix) && run.stdout.ends_with(")\n"),
        "{run:#?}"
    );
    let commit = &run.stdout[prefix.len()..run.stdout.len() - 2];
    assert!(
        commit == "unknown" || (commit.len() >= 7 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{commit}"
    );
    for (shell, marker) in [
        ("bash", "complete -F _asyncup"),
        ("zsh", "#compdef asyncup"),
        ("fish", "complete -c asyncup"),
    ] {
        let run = p.run(&["completions", shell]);
        run.code(0);
        assert!(run.stdout.contains(marker), "{shell}: {run:#?}");
        assert!(run.stdout.contains("summary-markdown"), "{shell}: {run:#?}");
    }
    p.run(&["completions", "tcsh"]).code(2);
}

/// `fix --summary-markdown FILE`: a title with the fixes and files, counts per transform, the
/// unsafe notes, the findings left with their place; written even when nothing is fixed;
/// refused for standard input and outside `fix`.
#[test]
fn summary_markdown() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("u.py", UNSAFE)
        .write("n.py", NO_FIX)
        .write(
            "pyproject.toml",
            "[project]\nrequires-python = \">=3.11\"\n",
        );
    let outside = tempfile::tempdir().unwrap();
    let md = outside.path().join("msg.md");
    let md_arg = md.to_str().unwrap();
    p.run(&[
        "fix",
        SELECT,
        "--unsafe-fixes",
        "--summary-markdown",
        md_arg,
        ".",
    ])
    .code(1);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("asyncup: migrate asyncio code (2 fixes in 2 files)\n\n"),
        "{text}"
    );
    assert!(
        text.contains("- `wait-for-to-timeout`: 2 fixes (1 safe, 1 unsafe)\n"),
        "{text}"
    );
    assert!(text.contains("What the unsafe fixes change"), "{text}");
    assert!(
        text.contains("1 finding left for a person")
            && text.contains("- `wait-for-to-timeout`: 1 (1 without a fix): `n.py:5:19`"),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with(&format!("(asyncup {}).", asyncup::cli::VERSION)),
        "{text}"
    );
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);
    // Nothing left to fix: still written, with a title that says so.
    p.run(&["fix", SELECT, "--summary-markdown", md_arg, "a.py"])
        .code(0);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("asyncup: no asyncio code to migrate\n"),
        "{text}"
    );
    p.run_stdin(&["fix", "--summary-markdown", md_arg, "-"], SAFE)
        .code(2)
        .stderr_has("--summary-markdown needs files, not standard input");
    p.run(&["check", "--summary-markdown", md_arg, "."]).code(2);
}

// ---------------------------------------------------------------------------------------------
// Review and CI output: diff comments, repository-relative diffs, --show-fixes, colour,
// output formats, -o
// ---------------------------------------------------------------------------------------------

/// Run `program` in `dir`; panics when it fails. Returns stdout.
fn run_tool(dir: &std::path::Path, program: &str, args: &[&str], stdin: Option<&[u8]>) -> String {
    use std::io::Write as _;
    let mut cmd = std::process::Command::new(program);
    cmd.current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or_default())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn diff_comments_name_each_fix_and_git_apply_and_patch_skip_them() {
    for in_repo in [false, true] {
        let fixed = Project::new();
        let p = Project::new();
        for project in [&fixed, &p] {
            project
                .write("a.py", SAFE)
                .write("pkg/u.py", UNSAFE)
                .write("clean.py", CLEAN);
        }
        fixed.run(&["fix", SELECT, "--unsafe-fixes", "-q"]).code(0);
        if in_repo {
            p.git(&["init", "-q", "."]);
        }
        let run = p.run(&["diff", SELECT, "--unsafe-fixes", "-q"]);
        run.code(1);
        // One comment per applied fix, before the file's headers.
        let git = |path: &str| {
            if in_repo {
                format!("diff --git a/{path} b/{path}\n")
            } else {
                String::new()
            }
        };
        let a = format!("{}{}--- a/a.py\n", safe_comment("a.py"), git("a.py"));
        assert!(run.stdout.starts_with(&a), "{}", run.stdout);
        let unsafe_comment = "# asyncup: pkg/u.py:5 wait-for-to-timeout (unsafe): a call outside the awaitable now runs under the timeout, after the timeout is evaluated; task identity: ";
        let at = run
            .stdout
            .find(unsafe_comment)
            .expect("the unsafe fix's comment");
        assert!(
            run.stdout[at..].contains(&format!("\n{}--- a/pkg/u.py\n", git("pkg/u.py"))),
            "{}",
            run.stdout
        );
        assert_eq!(
            run.stdout
                .lines()
                .filter(|l| l.starts_with("# asyncup: "))
                .count(),
            2
        );
        // Both tools apply the commented patch, giving what `fix` writes.
        let patch = p.root().join("changes.patch");
        std::fs::write(&patch, &run.stdout_bytes).unwrap();
        let patch = patch.to_str().unwrap();
        if in_repo {
            run_tool(p.root(), "git", &["apply", "--check", patch], None);
        }
        run_tool(
            p.root(),
            "patch",
            &["-p1", "--dry-run"],
            Some(&run.stdout_bytes),
        );
        run_tool(p.root(), "patch", &["-p1"], Some(&run.stdout_bytes));
        std::fs::remove_file(patch).unwrap();
        assert_eq!(p.snapshot(), fixed.snapshot(), "in a repository: {in_repo}");
    }
}

/// Diff paths are relative to the repository root, with `diff --git` headers: `git apply` then
/// takes them from the root wherever it runs (a plain `---`/`+++` patch's paths it would take
/// from the current folder). git itself skips paths outside the folder it runs in.
#[test]
fn diff_paths_are_relative_to_the_repository_root_and_apply_from_a_subfolder() {
    let p = Project::new();
    p.write("pkg/sub/a.py", SAFE)
        .write("pkg/sub/clean.py", CLEAN)
        .write("pkg/b.py", SAFE)
        .write("docs/readme.txt", "docs\n");
    p.git(&["init", "-q", "."]);
    // Run from one subfolder...
    let mut cmd = p.command(&["diff", SELECT, "-q", ".", "../b.py"]);
    cmd.current_dir(p.path("pkg/sub"));
    let run = finish(cmd);
    run.code(1);
    let section = |path: &str| {
        format!(
            "{}diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n{SAFE_HUNK}",
            safe_comment(path)
        )
    };
    assert_eq!(
        run.stdout,
        section("pkg/sub/a.py") + &section("pkg/b.py"),
        "{run:#?}"
    );
    std::fs::write(p.path(".git/asyncup.patch"), &run.stdout_bytes).unwrap();
    // ... git skips what is outside the folder it runs in (and says so) ...
    run_tool(
        &p.path("docs"),
        "git",
        &["apply", "../.git/asyncup.patch"],
        None,
    );
    assert_eq!(p.read_str("pkg/b.py"), SAFE);
    // ... and applies from another subfolder that holds the files.
    run_tool(
        &p.path("pkg"),
        "git",
        &["apply", "../.git/asyncup.patch"],
        None,
    );
    assert_eq!(p.read_str("pkg/sub/a.py"), SAFE_FIXED);
    assert_eq!(p.read_str("pkg/b.py"), SAFE_FIXED);
    assert_eq!(p.read_str("pkg/sub/clean.py"), CLEAN);
    // Standard input named into the repository is shown from its root too.
    let mut cmd = p.command(&["diff", SELECT, "-q", "--stdin-filename", "sub/c.py"]);
    cmd.current_dir(p.path("pkg")).write_stdin(SAFE);
    let run = finish(cmd);
    run.code(1).stdout(&section("pkg/sub/c.py"));
}

#[test]
fn show_fixes_lists_available_fixes_in_check_and_applied_ones_in_fix() {
    let p = Project::new();
    p.write("a.py", SAFE).write("n.py", NO_FIX);
    let note = format!("  = fix (safe): {SAFE_NOTE}\n");
    let run = p.run(&["check", SELECT, "--show-fixes", "a.py"]);
    run.code(1).stdout(&(safe_line("a.py") + &note));
    // A finding without a fix gets no line.
    let run = p.run(&["check", SELECT, "--show-fixes", "n.py"]);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    // Without the flag, nothing changes.
    p.run(&["check", SELECT, "a.py"]).stdout(&safe_line("a.py"));

    let run = p.run(&["fix", SELECT, "--show-fixes", "a.py"]);
    run.code(0).stdout(&format!(
        "Applied 1 fix:\n- a.py:\n    5 wait-for-to-timeout (safe): {SAFE_NOTE}\n"
    ));
    assert_eq!(p.read_str("a.py"), SAFE_FIXED);
    // Standard input: the source on stdout, the list on stderr.
    let run = p.run_stdin(&["fix", SELECT, "--show-fixes", "-q", "-"], SAFE);
    run.code(0).stdout(SAFE_FIXED);
    assert_eq!(
        run.stderr,
        format!("Applied 1 fix:\n- -:\n    5 wait-for-to-timeout (safe): {SAFE_NOTE}\n")
    );
}

#[test]
fn colour_follows_the_flag_the_environment_and_the_destination() {
    let p = Project::new();
    p.write("a.py", SAFE).write("u.py", UNSAFE);
    let escape = "\u{1b}[";
    let coloured = |env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = p.command(&[&["check", SELECT, "-q"], args].concat());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let run = finish(cmd);
        run.code(1);
        run.stdout.contains(escape)
    };
    // Tests have no terminal: auto is plain.
    assert!(!coloured(&[], &[]));
    assert!(!coloured(&[], &["--color=auto"]));
    assert!(!coloured(&[], &["--color=never"]));
    assert!(!coloured(&[("FORCE_COLOR", "1")], &["--color=never"]));
    assert!(coloured(&[], &["--color=always"]));
    assert!(coloured(&[("NO_COLOR", "1")], &["--color=always"]));
    assert!(coloured(&[("FORCE_COLOR", "1")], &[]));
    assert!(coloured(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(!coloured(&[("NO_COLOR", "1")], &[]));
    assert!(!coloured(&[("NO_COLOR", "1"), ("FORCE_COLOR", "1")], &[]));

    // What is coloured: path, position, id, the unsafe marker.
    let run = p.run(&["check", SELECT, "--color=always", "u.py"]);
    assert_eq!(
        run.stdout,
        format!(
            "\u{1b}[1mu.py\u{1b}[0m\u{1b}[36m:5:20:\u{1b}[0m \u{1b}[1m\u{1b}[31mwait-for-to-timeout\u{1b}[0m \u{1b}[33m[unsafe fix]\u{1b}[0m {MESSAGE}\n"
        )
    );
    // Diffs: comments, headers, hunk headers, removed and added lines.
    let run = p.run(&["diff", SELECT, "--color=always", "a.py"]);
    for line in [
        "\u{1b}[33m# asyncup: a.py:5 wait-for-to-timeout (safe): ",
        "\u{1b}[1m--- a/a.py\u{1b}[0m\n",
        "\u{1b}[36m@@ -2,5 +2,6 @@\u{1b}[0m\n",
        "\u{1b}[31m-    result = await asyncio.wait_for(fetch(url), timeout=5)\u{1b}[0m\n",
        "\u{1b}[32m+    async with asyncio.timeout(5):\u{1b}[0m\n",
    ] {
        assert!(run.stdout.contains(line), "{line:?} in {:?}", run.stdout);
    }
    assert!(!p.run(&["diff", SELECT, "a.py"]).stdout.contains(escape));

    // A file is coloured only with `always`.
    let mut cmd = p.command(&["check", SELECT, "-o", "out.txt", "a.py"]);
    cmd.env("FORCE_COLOR", "1");
    finish(cmd).code(1).stdout("");
    assert_eq!(p.read_str("out.txt"), safe_line("a.py"));
    p.run(&["check", SELECT, "--color=always", "-o", "out.txt", "a.py"]);
    assert!(p.read_str("out.txt").contains(escape));
}

#[test]
fn output_file_takes_findings_and_diffs_and_the_summary_stays_on_stderr() {
    let p = Project::new();
    p.write("a.py", SAFE);
    let stdout = p.run(&["check", SELECT, "--output-format=json", "a.py"]);
    let run = p.run(&[
        "check",
        SELECT,
        "--output-format=json",
        "-o",
        "out/x.json",
        "a.py",
    ]);
    // A missing folder is an error, not created.
    run.code(2).stderr_has("out/x.json: cannot write");
    let run = p.run(&[
        "check",
        SELECT,
        "--output-format=json",
        "--output-file",
        "x.json",
        "a.py",
    ]);
    run.code(1).stdout("");
    assert!(
        run.summary().starts_with("asyncup: 1 file scanned"),
        "{run:#?}"
    );
    assert_eq!(p.read_str("x.json"), stdout.stdout);
    // Truncated, not appended.
    p.run(&["check", SELECT, "-o", "x.json", "a.py"]).code(1);
    assert_eq!(p.read_str("x.json"), safe_line("a.py"));
    // The diff of `diff`.
    p.run(&["diff", SELECT, "-o", "x.patch", "a.py"])
        .code(1)
        .stdout("");
    assert!(p.read_str("x.patch").ends_with(SAFE_HUNK));
    // `fix` of standard input: the source on stdout, the findings in the file.
    let run = p.run_stdin(
        &["fix", SELECT, "-o", "left.txt", "--unsafe-fixes", "-"],
        NO_FIX,
    );
    run.code(1).stdout(NO_FIX);
    assert!(
        p.read_str("left.txt")
            .starts_with("-:5:19: wait-for-to-timeout ")
    );
}

#[test]
fn full_format_shows_the_source_line_a_caret_and_the_fix_note() {
    let p = Project::new();
    p.write("a.py", SAFE).write("n.py", NO_FIX);
    let run = p.run(&["check", SELECT, "--output-format=full", "a.py", "n.py"]);
    run.code(1).stdout(&format!(
        "{}  |\n5 |     result = await asyncio.wait_for(fetch(url), timeout=5)\n  |                    {}\n  = fix (safe): {SAFE_NOTE}\n\n\
         n.py:5:19: wait-for-to-timeout {MESSAGE}; no fix: the call is inside a comprehension (one timeout would cover every iteration)\n  |\n5 |     return [await asyncio.wait_for(fetch(u), 5) for u in urls]\n  |                   {}\n\n",
        safe_line("a.py"),
        "^".repeat(39),
        "^".repeat(29),
    ));
    // A tab before the finding is kept so the caret lines up.
    p.write(
        "t.py",
        "import asyncio\n\nasync def f():\n\tawait asyncio.wait_for(g(), 1)\n",
    );
    let run = p.run(&["check", SELECT, "--output-format=full", "t.py"]);
    assert!(run.stdout.contains("\n  | \t      ^"), "{:?}", run.stdout);
}

#[test]
fn json_lines_is_one_json_finding_per_line() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("u.py", UNSAFE)
        .write("n.py", NO_FIX);
    let array: serde_json::Value =
        serde_json::from_str(&p.run(&["check", SELECT, "--output-format=json"]).stdout).unwrap();
    let run = p.run(&["check", SELECT, "--output-format=json-lines"]);
    run.code(1);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("one object per line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(serde_json::Value::Array(lines.clone()), array);
    assert_eq!(lines[0]["path"], "a.py");
    assert_eq!(lines[0]["fix"]["applicability"], "safe");
    assert_eq!(lines[2]["path"], "u.py");
    assert_eq!(lines[2]["fix"]["applicability"], "unsafe");
    assert!(lines[1]["fix"].is_null());
    // Nothing found, nothing written.
    p.write("clean.py", CLEAN);
    p.run(&["check", SELECT, "--output-format=json-lines", "clean.py"])
        .code(0)
        .stdout("");
}

#[test]
fn github_format_writes_escaped_workflow_annotations() {
    let p = Project::new();
    p.write("a.py", SAFE).write("odd, name:%.py", NO_FIX);
    let run = p.run(&["check", SELECT, "--output-format=github"]);
    run.code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "::warning file=a.py,line=5,col=20,endLine=5,endColumn=59,title=wait-for-to-timeout::{MESSAGE}"
            ),
            format!(
                "::warning file=odd%2C name%3A%25.py,line=5,col=19,endLine=5,endColumn=48,title=wait-for-to-timeout::{MESSAGE}; no fix: the call is inside a comprehension (one timeout would cover every iteration)"
            ),
        ]
    );
    // A syntax error is an error annotation; a newline in a message is escaped.
    p.write("bad.py", "async def f(:\n    pass\n");
    let run = p.run(&["check", SELECT, "--output-format=github", "bad.py"]);
    assert!(
        run.stdout.starts_with("::error file=bad.py,line=1,col=13,"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn gitlab_format_is_a_code_quality_report_with_stable_fingerprints() {
    let p = Project::new();
    let twice = "import asyncio\n\n\nasync def main(url):\n    a = await asyncio.wait_for(f(url), timeout=5)\n    b = await asyncio.wait_for(f(url), timeout=5)\n    return a, b\n";
    p.write("a.py", twice).write("pkg/n.py", NO_FIX);
    let report = |p: &Project| -> Vec<serde_json::Value> {
        let run = p.run(&["check", SELECT, "--output-format=gitlab"]);
        run.code(1);
        serde_json::from_str(&run.stdout).expect("a JSON array")
    };
    let issues = report(&p);
    assert_eq!(issues.len(), 3);
    for issue in &issues {
        assert_eq!(issue["check_name"], "wait-for-to-timeout");
        assert_eq!(issue["severity"], "major");
        assert!(issue["description"].as_str().unwrap().starts_with(MESSAGE));
        let fingerprint = issue["fingerprint"].as_str().unwrap();
        assert_eq!(fingerprint.len(), 64);
        assert!(fingerprint.bytes().all(|b| b.is_ascii_hexdigit()));
    }
    assert_eq!(issues[0]["location"]["path"], "a.py");
    assert_eq!(issues[0]["location"]["lines"]["begin"], 5);
    assert_eq!(issues[1]["location"]["lines"]["begin"], 6);
    assert_eq!(issues[2]["location"]["path"], "pkg/n.py");
    // Identical findings in one file still have distinct fingerprints...
    assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
    // ... which stay when lines above them move.
    p.write("a.py", format!("# a new first line\n{twice}"));
    let moved = report(&p);
    assert_eq!(moved[0]["location"]["lines"]["begin"], 6);
    let prints = |issues: &[serde_json::Value]| {
        issues
            .iter()
            .map(|i| i["fingerprint"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(prints(&moved), prints(&issues));
    // Nothing found: an empty report.
    p.write("clean.py", CLEAN);
    p.run(&["check", SELECT, "--output-format=gitlab", "clean.py"])
        .code(0)
        .stdout("[]\n");
}

/// Apply SARIF replacements (1-based lines, code-point columns, end exclusive) to `text`.
fn apply_sarif_replacements(text: &str, replacements: &[serde_json::Value]) -> String {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let offset = |line: u64, column: u64| {
        let start = line_starts[line as usize - 1];
        start
            + text[start..]
                .char_indices()
                .nth(column as usize - 1)
                .map_or(text.len() - start, |(i, _)| i)
    };
    let mut edits: Vec<(usize, usize, String)> = replacements
        .iter()
        .map(|r| {
            let region = &r["deletedRegion"];
            let at =
                |l: &str, c: &str| offset(region[l].as_u64().unwrap(), region[c].as_u64().unwrap());
            (
                at("startLine", "startColumn"),
                at("endLine", "endColumn"),
                r["insertedContent"]["text"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|(start, end, _)| (*start, *end));
    let mut out = String::new();
    let mut last = 0;
    for (start, end, content) in edits {
        out.push_str(&text[last..start]);
        out.push_str(&content);
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

#[test]
fn sarif_output_has_rules_results_and_fixes_that_apply() {
    let p = Project::new();
    // A non-ASCII line: columns are code points (the run says so).
    let unicode = SAFE.replace("fetch(url)", "fetch('é', url)");
    p.write("a.py", &unicode)
        .write("u.py", UNSAFE)
        .write("n.py", NO_FIX);
    let run = p.run(&["check", SELECT, "--output-format=sarif"]);
    run.code(1);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run0 = &runs[0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "asyncup");
    // One rule per transform (as `asyncup list` lists them), with summary and documentation.
    let rules = driver["rules"].as_array().unwrap();
    let list = p.run(&["list"]).stdout;
    let ids: Vec<&str> = list
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let rule_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(&rule_ids[..ids.len()], ids.as_slice());
    assert_eq!(&rule_ids[ids.len()..], ["syntax-error", "invalid-encoding"]);
    let explain = p.run(&["explain", "wait-for-to-timeout"]).stdout;
    let rule = &rules[rule_ids
        .iter()
        .position(|id| *id == "wait-for-to-timeout")
        .unwrap()];
    assert!(explain.contains(rule["shortDescription"]["text"].as_str().unwrap()));
    let help = rule["help"]["text"].as_str().unwrap();
    assert!(help.len() > 200 && explain.contains(help.trim()), "{help}");

    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let by_path = |path: &str| {
        results
            .iter()
            .find(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == path)
            .unwrap_or_else(|| panic!("a result for {path}"))
    };
    for result in results {
        assert_eq!(result["ruleId"], "wait-for-to-timeout");
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(result["level"], "warning");
        assert!(
            result["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with(MESSAGE)
        );
    }
    let a = by_path("a.py");
    let region = &a["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        [
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ],
        [5, 20, 5, 64]
    );
    // The fixes, applied as SARIF says, give what `fix` writes.
    for (path, source, fixed, safety) in [
        (
            "a.py",
            unicode.as_str(),
            unicode
                .replace(
                    "asyncio.wait_for(fetch('é', url), timeout=5)",
                    "fetch('é', url)",
                )
                .replace(
                    "    result = await",
                    "    async with asyncio.timeout(5):\n        result = await",
                ),
            "safe",
        ),
        ("u.py", UNSAFE, UNSAFE_FIXED.to_string(), "unsafe"),
    ] {
        let fixes = by_path(path)["fixes"].as_array().unwrap();
        assert_eq!(fixes.len(), 1);
        assert_eq!(fixes[0]["properties"]["applicability"], safety);
        assert!(
            fixes[0]["description"]["text"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{safety} fix: ")),
        );
        let changes = fixes[0]["artifactChanges"].as_array().unwrap();
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0]["artifactLocation"]["uri"], path);
        let replacements = changes[0]["replacements"].as_array().unwrap();
        assert_eq!(
            apply_sarif_replacements(source, replacements),
            fixed,
            "{path}"
        );
    }
    assert_eq!(p.run(&["fix", SELECT, "a.py"]).code(0).stdout, "");
    assert!(by_path("n.py").get("fixes").is_none());
}

/// The interpreter with `jsonschema` (tests/requirements.txt): `$ASYNCUP_PYTHON`, else the
/// repository's `.venv`, else `python3`.
fn python() -> std::path::PathBuf {
    match std::env::var_os("ASYNCUP_PYTHON") {
        Some(path) if !path.is_empty() => path.into(),
        _ => {
            let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python");
            if venv.exists() {
                venv
            } else {
                "python3".into()
            }
        }
    }
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("u.py", UNSAFE)
        .write("n.py", NO_FIX)
        .write("bad.py", "async def f(:\n")
        .write("latin1.py", b"x = '\xe9'\n".as_slice())
        .write("pkg/my file.py", SAFE);
    let schema = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sarif/sarif-schema-2.1.0.json");
    let validate = r#"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
document = json.load(open(sys.argv[2]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(document), key=str)
for error in errors:
    print(list(error.absolute_path), error.message)
sys.exit(1 if errors else 0)
"#;
    for args in [vec!["."], vec!["--unsafe-fixes", "."], vec!["clean.py"]] {
        p.write("clean.py", CLEAN);
        let run = p.run(
            &[
                &["check", SELECT, "--output-format=sarif", "-o", "out.sarif"],
                args.as_slice(),
            ]
            .concat(),
        );
        assert!(run.code == 0 || run.code == 1, "{run:#?}");
        let output = std::process::Command::new(python())
            .args(["-c", validate])
            .arg(&schema)
            .arg(p.path("out.sarif"))
            .output()
            .expect("python runs (set ASYNCUP_PYTHON to an interpreter with jsonschema)");
        assert!(
            output.status.success(),
            "not valid SARIF 2.1.0:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // The schema is draft-04, the checks really ran: a broken document fails.
    std::fs::write(
        p.path("out.sarif"),
        r#"{"version": "2.1.0", "runs": [{"tool": {}}]}"#,
    )
    .unwrap();
    let output = std::process::Command::new(python())
        .args(["-c", validate])
        .arg(&schema)
        .arg(p.path("out.sarif"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("'driver' is a required property"));
}

#[test]
fn junit_format_has_a_suite_per_file_and_a_failed_case_per_finding() {
    let p = Project::new();
    p.write("a.py", SAFE)
        .write("pkg/n.py", NO_FIX)
        .write("clean.py", CLEAN);
    let run = p.run(&["check", SELECT, "--output-format=junit"]);
    run.code(1);
    let report = quick_junit::Report::deserialize_from_str(&run.stdout).expect("JUnit XML");
    assert_eq!(report.name.as_ref().map(|n| n.as_str()), Some("asyncup"));
    assert_eq!(report.tests, 2);
    assert_eq!(report.failures, 2);
    let suites: Vec<&str> = report.test_suites.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(suites, ["a.py", "pkg/n.py"]);
    let suite = &report.test_suites[1];
    assert_eq!(
        suite.extra.get("package").map(|v| v.as_str()),
        Some("org.asyncup")
    );
    assert_eq!(suite.test_cases.len(), 1);
    let case = &suite.test_cases[0];
    assert_eq!(case.name.as_str(), "org.asyncup.wait-for-to-timeout");
    assert_eq!(case.classname.as_ref().map(|c| c.as_str()), Some("pkg/n"));
    assert_eq!(case.extra.get("line").map(|v| v.as_str()), Some("5"));
    assert_eq!(case.extra.get("column").map(|v| v.as_str()), Some("19"));
    match &case.status {
        quick_junit::TestCaseStatus::NonSuccess {
            kind,
            message,
            description,
            ..
        } => {
            assert_eq!(*kind, quick_junit::NonSuccessKind::Failure);
            assert!(message.as_ref().unwrap().as_str().starts_with(MESSAGE));
            assert!(
                description
                    .as_ref()
                    .unwrap()
                    .as_str()
                    .starts_with(&format!("line 5, col 19, {MESSAGE}"))
            );
        }
        status => panic!("a failure, not {status:?}"),
    }
    // Nothing found: one passing case.
    let run = p.run(&["check", SELECT, "--output-format=junit", "clean.py"]);
    run.code(0);
    let report = quick_junit::Report::deserialize_from_str(&run.stdout).unwrap();
    assert_eq!((report.tests, report.failures), (1, 0));
    assert!(matches!(
        report.test_suites[0].test_cases[0].status,
        quick_junit::TestCaseStatus::Success { .. }
    ));
}

/// One run over two projects (folders with their own `pyproject.toml`): a test of one that
/// patches `asyncio.wait_for` says nothing about the other.
#[test]
fn projects_of_one_run_keep_their_facts_apart() {
    let p = Project::new();
    p.write(
        "one/pyproject.toml",
        "[project]\nname = \"one\"\nrequires-python = \">=3.11\"\n",
    );
    p.write("one/app.py", SAFE);
    p.write(
        "one/tests/test_app.py",
        "from unittest import mock\n\n\ndef test_x():\n    with mock.patch(\"asyncio.wait_for\"):\n        pass\n",
    );
    p.write(
        "two/pyproject.toml",
        "[project]\nname = \"two\"\nrequires-python = \">=3.11\"\n",
    );
    p.write("two/app.py", SAFE);
    let run = p.run(&["check", SELECT, "."]);
    run.code(1);
    assert!(
        run.stdout.contains("one/app.py:5:20: wait-for-to-timeout Use `asyncio.timeout()` instead of `asyncio.wait_for()`; no fix: one/tests/test_app.py:5 patches"),
        "{run:#?}"
    );
    assert!(run.stdout.contains(&safe_line("two/app.py")), "{run:#?}");
}

/// Files are checked and written in a stream: a file checked after another was rewritten
/// must still see that file's definitions as they were when the run started (here `fetch`
/// was a decorated `def` in a.py, so z.py, checked long after a.py was written, gets no
/// TaskGroup fix this run; the next run sees the `async def` and gives it).
#[test]
fn a_rewritten_module_does_not_change_what_later_files_see() {
    let p = Project::new();
    p.write("pyproject.toml", "").write(
        "a.py",
        "import asyncio\n\n\n@asyncio.coroutine\ndef fetch():\n    return 1\n",
    );
    for i in 0..300 {
        p.write(
            &format!("m{i:03}.py"),
            "import asyncio\n\n\nasync def f():\n    await asyncio.sleep(0)\n",
        );
    }
    let user = "import asyncio\n\nfrom a import fetch\n\n\nasync def main():\n    await asyncio.gather(fetch(), fetch())\n";
    p.write("z.py", user);
    let args = [
        "fix",
        "--target-version",
        "py311",
        "--unsafe-fixes",
        "--select",
        "legacy-coroutine,gather-to-taskgroup",
        ".",
    ];
    p.run(&args).code(1);
    assert_eq!(p.read_str("a.py"), "async def fetch():\n    return 1\n");
    assert_eq!(p.read_str("z.py"), user);
    p.run(&args);
    assert!(p.read_str("z.py").contains("asyncio.TaskGroup()"));
}
