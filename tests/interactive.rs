//! `asyncup fix --interactive` end to end: the real binary in a pseudo-terminal (`rexpect`),
//! keys sent one at a time once the prompt is on screen, and the files checked afterwards.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::sync::Mutex;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

/// Generous: a debug build on a busy machine. Each wait ends as soon as its text shows.
const TIMEOUT_MS: u64 = 60_000;
const PROMPT: &str = "Apply this fix? [y,n,a,d,s,q,?] ";

/// One pseudo-terminal session at a time: forking while other test threads run is best
/// avoided, and the machine is small.
static PTY: Mutex<()> = Mutex::new(());

const SLEEPS: &str = "\
import time


async def f():
    time.sleep(1)
    time.sleep(2)
    time.sleep(3)
";

const SLEEP_AND_ALIAS: &str = "\
import asyncio
import time


async def f():
    time.sleep(1)
    try:
        await asyncio.sleep(2)
    except asyncio.TimeoutError:
        pass
";

const NESTED: &str = "\
import asyncio


async def f(a, b):
    await asyncio.wait_for(asyncio.gather(a(), b()), 5)
";

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// `asyncup fix -i --target-version py311 ARGS .` in `dir`, in a pseudo-terminal.
fn spawn(dir: &Path, args: &[&str], color: bool) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_asyncup"));
    command
        .current_dir(dir)
        .args(["fix", "-i", "--target-version", "py311"])
        .args(args)
        .arg(".");
    if color {
        command.env_remove("NO_COLOR");
    } else {
        command.env("NO_COLOR", "1");
    }
    spawn_command(command, Some(TIMEOUT_MS)).unwrap()
}

/// Wait for the next prompt, then press `key`. Returns what was shown since the last one.
fn answer(session: &mut PtySession, key: &str) -> String {
    let shown = session.exp_string(PROMPT).unwrap();
    session.send(key).unwrap();
    session.flush().unwrap();
    shown
}

/// Wait for the end of the output and the exit code.
fn finish(session: &mut PtySession) -> (String, i32) {
    let rest = session.exp_eof().unwrap();
    match session.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => (rest, code),
        other => panic!("asyncup did not exit normally: {other:?}\n{rest}"),
    }
}

#[test]
fn yes_no_and_help() {
    let _pty = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = folder(&[("a.py", SLEEPS)]);
    let mut session = spawn(dir.path(), &[], true);
    let first = answer(&mut session, "y");
    assert!(first.contains("a.py:5:5"), "{first}");
    assert!(first.contains("blocking-sleep"), "{first}");
    assert!(first.contains("(safe fix)"), "{first}");
    // Coloured on a terminal: the removed line red, the added line green.
    assert!(first.contains("\x1b[31m-    time.sleep(1)"), "{first:?}");
    assert!(
        first.contains("\x1b[32m+    await asyncio.sleep(1)"),
        "{first:?}"
    );
    let second = answer(&mut session, "?");
    assert!(second.contains("a.py:6:5"), "{second}");
    let help = answer(&mut session, "n");
    assert!(
        help.contains("skip this fix and every later blocking-sleep fix"),
        "{help}"
    );
    answer(&mut session, "y");
    let (rest, code) = finish(&mut session);
    assert!(rest.contains("2 applied, 1 skipped"), "{rest}");
    assert_eq!(code, 1, "a finding is left: {rest}");
    assert_eq!(
        read(dir.path(), "a.py"),
        "import asyncio\nimport time\n\n\nasync def f():\n    await asyncio.sleep(1)\n    time.sleep(2)\n    await asyncio.sleep(3)\n"
    );
}

#[test]
fn all_and_none_of_a_transform_across_files() {
    let _pty = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = folder(&[("a.py", SLEEP_AND_ALIAS), ("b.py", SLEEP_AND_ALIAS)]);
    let mut session = spawn(dir.path(), &[], false);
    let first = answer(&mut session, "a");
    assert!(first.contains("a.py:6:5  blocking-sleep"), "{first}");
    let second = answer(&mut session, "d");
    assert!(
        second.contains("a.py:9:12  timeout-error-alias"),
        "{second}"
    );
    // b.py is settled by those answers: nothing more is asked.
    let (rest, code) = finish(&mut session);
    assert!(!rest.contains(PROMPT), "{rest}");
    assert!(
        rest.contains("b.py:6:5  blocking-sleep  (safe fix): applied (a)"),
        "{rest}"
    );
    assert!(
        rest.contains("b.py:9:12  timeout-error-alias  (safe fix): skipped (d)"),
        "{rest}"
    );
    assert_eq!(code, 1, "{rest}");
    for name in ["a.py", "b.py"] {
        let text = read(dir.path(), name);
        assert!(text.contains("    await asyncio.sleep(1)\n"), "{text}");
        assert!(!text.contains("import time"), "{text}");
        assert!(text.contains("except asyncio.TimeoutError:"), "{text}");
    }
}

#[test]
fn s_writes_the_suppression_comment() {
    let _pty = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = folder(&[("a.py", SLEEPS)]);
    let mut session = spawn(dir.path(), &[], false);
    answer(&mut session, "n");
    let second = answer(&mut session, "s");
    assert!(second.contains("a.py:6:5"), "{second}");
    answer(&mut session, "n");
    let (rest, code) = finish(&mut session);
    assert!(
        rest.contains("0 applied, 3 skipped (1 with a suppression comment)"),
        "{rest}"
    );
    assert_eq!(code, 1);
    assert_eq!(
        read(dir.path(), "a.py"),
        SLEEPS.replace(
            "time.sleep(2)\n",
            "time.sleep(2)  # asyncup: ignore[blocking-sleep]\n"
        )
    );
}

#[test]
fn q_keeps_what_was_accepted_and_leaves_later_files() {
    let _pty = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = folder(&[("a.py", SLEEPS), ("b.py", SLEEPS)]);
    let mut session = spawn(dir.path(), &[], false);
    answer(&mut session, "y");
    answer(&mut session, "q");
    let (rest, code) = finish(&mut session);
    assert!(rest.contains("quit with 1 file not reviewed"), "{rest}");
    assert_eq!(code, 1);
    let a = read(dir.path(), "a.py");
    assert!(a.contains("    await asyncio.sleep(1)\n    time.sleep(2)\n    time.sleep(3)\n"));
    assert_eq!(read(dir.path(), "b.py"), SLEEPS);
}

#[test]
fn ctrl_c_quits_as_q_and_restores_the_terminal() {
    let _pty = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = folder(&[("a.py", SLEEPS)]);
    // Through a shell that prints the terminal's modes once asyncup is done.
    let mut command = Command::new("sh");
    command.current_dir(dir.path()).env("NO_COLOR", "1").args([
        "-c",
        "\"$0\" fix -i --target-version py311 .; echo \"exit=$?\"; stty -a",
        env!("CARGO_BIN_EXE_asyncup"),
    ]);
    let mut session = spawn_command(command, Some(TIMEOUT_MS)).unwrap();
    answer(&mut session, "y");
    session.exp_string(PROMPT).unwrap();
    session.send_control('c').unwrap();
    session.exp_string("exit=1").unwrap();
    let (modes, _) = finish(&mut session);
    // Raw mode turned these off; they are back.
    for mode in ["icanon", "isig", "iexten"] {
        assert!(
            modes.split_whitespace().any(|m| m == mode),
            "{mode} is off after asyncup: {modes}"
        );
    }
    let a = read(dir.path(), "a.py");
    assert!(
        a.contains("    await asyncio.sleep(1)\n    time.sleep(2)\n"),
        "{a}"
    );
}

#[test]
fn a_recheck_offers_the_fix_that_became_possible() {
    let _pty = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = folder(&[("a.py", NESTED)]);
    let mut session = spawn(dir.path(), &["--unsafe-fixes"], false);
    let first = answer(&mut session, "y");
    assert!(
        first.contains("wait-for-to-timeout  (unsafe fix)"),
        "{first}"
    );
    assert!(first.contains("note: "), "{first}");
    // Only once the timeout is in is the gather awaited on its own: the re-check offers it.
    let second = answer(&mut session, "y");
    assert!(
        second.contains("gather-to-taskgroup  (unsafe fix)"),
        "{second}"
    );
    let (rest, code) = finish(&mut session);
    assert_eq!(code, 0, "{rest}");
    let text = read(dir.path(), "a.py");
    assert!(
        text.contains(
            "    async with asyncio.timeout(5):\n        async with asyncio.TaskGroup() as tg:\n"
        ),
        "{text}"
    );
}

#[test]
fn a_declined_fix_is_not_asked_again_after_a_recheck() {
    let _pty = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = folder(&[("a.py", SLEEPS)]);
    let mut session = spawn(dir.path(), &[], false);
    // The first fix adds `import asyncio`; declining the second must hold after the re-check.
    answer(&mut session, "y");
    answer(&mut session, "n");
    answer(&mut session, "y");
    let (rest, _) = finish(&mut session);
    assert!(!rest.contains(PROMPT), "asked again: {rest}");
    assert!(read(dir.path(), "a.py").contains("    time.sleep(2)\n"));
}

#[test]
fn unsafe_fixes_are_offered_only_with_the_flag() {
    let _pty = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = folder(&[("a.py", NESTED)]);
    let mut session = spawn(dir.path(), &[], false);
    let (rest, code) = finish(&mut session);
    assert!(!rest.contains(PROMPT), "{rest}");
    assert!(rest.contains("0 applied, 0 skipped"), "{rest}");
    assert_eq!(code, 1, "the unsafe fix is left: {rest}");
    assert_eq!(read(dir.path(), "a.py"), NESTED);
}

#[test]
fn without_a_terminal_it_is_a_usage_error() {
    let dir = folder(&[("a.py", SLEEPS)]);
    let output = Command::new(env!("CARGO_BIN_EXE_asyncup"))
        .current_dir(dir.path())
        .args(["fix", "--interactive", "."])
        .stdin(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("needs a terminal on standard input"),
        "{stderr}"
    );
    assert_eq!(read(dir.path(), "a.py"), SLEEPS);
}
