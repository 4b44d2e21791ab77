//! `blocking-call-in-async`: blocking calls (`open`, `subprocess`, `input`, ...) in `async def`;
//! `subprocess.run(...)` as a statement gets an unsafe `await asyncio.to_thread(...)` fix.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::{importer, rewrite};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
use crate::worker_threads::{self, LoopThread};

crate::declare_transform! {
    /// ## What it does
    /// Finds calls that block the thread inside `async def`: the builtins `open()` and
    /// `input()`, the `subprocess` functions (`run`, `call`, `check_call`, `check_output`,
    /// `Popen`, `getoutput`, `getstatusoutput`), `os.system`, `sqlite3.connect` and
    /// `urllib.request.urlopen`. `subprocess.run(...)` that is a whole statement, the value of
    /// an assignment or of a `return` gets a fix: `await asyncio.to_thread(subprocess.run, ...)`.
    ///
    /// ## Why is this bad?
    /// An `async def` runs on the event loop's thread. A call that waits for a file, a process,
    /// a database, the network or the keyboard stops every other task of the loop until it
    /// returns: timeouts fire late, servers stop answering, heartbeats are missed.
    ///
    /// Use instead: `await asyncio.to_thread(f, *args)` for file work and other blocking calls,
    /// `asyncio.create_subprocess_exec` / `create_subprocess_shell` for processes, `aiosqlite`
    /// for SQLite, an async HTTP client for `urlopen`.
    ///
    /// ## Example
    /// ```python
    /// async def build():
    ///     result = subprocess.run(["make"], capture_output=True)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def build():
    ///     result = await asyncio.to_thread(subprocess.run, ["make"], capture_output=True)
    /// ```
    ///
    /// ## Fix safety
    /// The `subprocess.run` fix is unsafe: the call now runs in a worker thread while other
    /// tasks of the loop run, so their output can interleave with it where it could not before.
    /// Known differences:
    /// - `to_thread` copies the context variables into the worker thread: a change the call
    ///   makes to one is not seen by the caller.
    /// - Cancelling the awaiting task (a timeout, a TaskGroup failing) does not stop the worker
    ///   thread or the process: it runs to completion in the background.
    ///
    /// Only the builtin `open`/`input` are reported (a local or imported `open`, such as
    /// `aiofiles.open`, is not); only the innermost function counts (a nested `def` or `lambda`
    /// inside an `async def` is sync code, e.g. a helper passed to `to_thread`).
    ///
    /// Not reported: an `async def` that runs in a worker thread with an event loop of its own
    /// (decorated with `thread=True`, as Textual's `@work(thread=True)`; run by `asyncio.run`
    /// and the like in a function handed to a thread runner): blocking there stalls nothing
    /// else. `blocking-sleep`'s documentation lists the shapes recognised.
    ///
    /// ## When no fix is made
    /// `subprocess.run` in an `async def` with a decorator that is not known to be transparent
    /// (it may run the function in a worker thread), or run in a worker thread and also called
    /// elsewhere. Every call but `subprocess.run` is reported without a fix: the right replacement
    /// (`create_subprocess_exec`, `aiosqlite`, moving a whole `with open(...)` block into a
    /// thread) needs a human. `subprocess.run` is refused when it is not a whole statement,
    /// assignment or `return` value (`print(subprocess.run(...).stdout)`), when it sits in the
    /// body of a sync `with` block (`with threading.Lock():`, `with open(...)`: other tasks would
    /// run while the resource is held, and a `threading.Lock` another task then takes deadlocks
    /// the loop; an `async with` is no reason), when it follows a blocking `X.acquire()` of the
    /// same function with no `X.release()` in between (the same lock, without `with`), when the target is
    /// below Python 3.9 (`asyncio.to_thread` is new in 3.9), and when the name `asyncio` is
    /// taken for something else.
    pub struct BlockingCallInAsync {
        id: "blocking-call-in-async",
        summary: "blocking calls (`open`, `subprocess`, `input`, ...) in `async def`",
        min_version: None,
        safety: FixSafety::Unsafe,
    }
}

const SUBPROCESS: &[&str] = &[
    "run",
    "call",
    "check_call",
    "check_output",
    "Popen",
    "getoutput",
    "getstatusoutput",
];

const NOTE: &str = "`subprocess.run` now runs in a worker thread while other tasks run: context variables \
                    are copied into the thread, and cancelling the task does not stop the process";

impl Transform for BlockingCallInAsync {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !cx.in_async() {
            return;
        }
        let Some((shown, advice)) = classify(cx, call) else {
            return;
        };
        let thread_reason = match worker_threads::loop_thread(cx) {
            LoopThread::EventLoop => None,
            LoopThread::Worker(_) => return,
            LoopThread::Unknown(reason) => Some(reason),
        };
        let message =
            format!("Blocking call `{shown}()` in `async def` stalls the event loop; use {advice}");
        if shown != "subprocess.run" {
            cx.report(Finding::new(Self::INFO.id, call.range(), message));
            return;
        }
        let fix = match thread_reason {
            Some(reason) => Err(reason),
            None => to_thread_fix(cx, call),
        };
        let finding = match fix {
            Ok(fix) => Finding::new(Self::INFO.id, call.range(), message).with_fix(fix),
            Err(reason) => Finding::new(
                Self::INFO.id,
                call.range(),
                format!("{message}; no fix: {reason}"),
            ),
        };
        cx.report(finding);
    }
}

const OPEN_ADVICE: &str = "`await asyncio.to_thread(...)` for the file work";
const INPUT_ADVICE: &str = "`await asyncio.to_thread(input, ...)`";

/// The dotted name shown for a blocking call, and what to use instead.
fn classify(cx: &Checker, call: &ast::ExprCall) -> Option<(String, &'static str)> {
    if let Some(name) = cx.builtin(&call.func) {
        return match name {
            "open" => Some(("open".into(), OPEN_ADVICE)),
            "input" => Some(("input".into(), INPUT_ADVICE)),
            _ => None,
        };
    }
    let qualified = cx.imports().resolve(&call.func)?;
    let parts: Vec<&str> = qualified.iter().map(String::as_str).collect();
    let advice = match parts.as_slice() {
        ["builtins", "open"] => return Some(("open".into(), OPEN_ADVICE)),
        ["builtins", "input"] => return Some(("input".into(), INPUT_ADVICE)),
        ["subprocess", member] if SUBPROCESS.contains(member) => {
            "`asyncio.create_subprocess_exec` (or `await asyncio.to_thread(...)`)"
        }
        ["os", "system"] => "`asyncio.create_subprocess_shell` (or `await asyncio.to_thread(...)`)",
        ["sqlite3", "connect"] => {
            "`aiosqlite` (or run the database work in `await asyncio.to_thread(...)`)"
        }
        ["urllib", "request", "urlopen"] => {
            "`await asyncio.to_thread(...)` or an async HTTP client"
        }
        _ => return None,
    };
    Some((parts.join("."), advice))
}

/// `subprocess.run(args)` → `await asyncio.to_thread(subprocess.run, args)`, where the call is
/// a whole statement, an assignment's value or a `return` value.
fn to_thread_fix(cx: &Checker, call: &ast::ExprCall) -> Result<Fix, String> {
    let value = match cx.current_statement() {
        Some(Stmt::Expr(stmt)) => Some(&*stmt.value),
        Some(Stmt::Assign(stmt)) => Some(&*stmt.value),
        Some(Stmt::AnnAssign(stmt)) => stmt.value.as_deref(),
        Some(Stmt::Return(stmt)) => stmt.value.as_deref(),
        _ => None,
    };
    if value.is_none_or(|v| v.range() != call.range()) {
        return Err("the call is not a whole statement, assignment or `return` value".into());
    }
    if crate::analysis::in_sync_with(cx, call.range()) {
        return Err(
            "the call sits in a `with` block: other tasks would now run while its resource is held \
             (a `threading.Lock` another task then takes deadlocks the loop)"
                .into(),
        );
    }
    if crate::analysis::after_sync_acquire(cx, call.range()) {
        return Err(
            "the call follows a blocking `acquire()` with no `release()` before it: other tasks \
             would now run while the lock is held (one taking it would deadlock the loop)"
                .into(),
        );
    }
    if !cx.version_range().allows(cx.target(), PyVersion::PY39) {
        return Err("`asyncio.to_thread` needs Python 3.9".into());
    }
    let spelled = importer::spell(cx, "asyncio", "to_thread")?;
    let source = cx.source();
    let open = call.arguments.start() + TextSize::from(1);
    let close = call.arguments.end() - TextSize::from(1);
    let inner = &source[TextRange::new(open, close)];
    let func = cx.slice(&*call.func);
    let first_line = inner.split(['\n', '\r']).next().unwrap_or_default();
    let hanging = first_line.trim().is_empty() || first_line.trim_start().starts_with('#');
    let mut edits = Vec::new();
    if inner.trim().is_empty() {
        edits.push(Edit::replacement(
            format!("await {}({func}", spelled.name),
            TextRange::new(call.start(), open),
        ));
    } else if hanging {
        // `subprocess.run(  # note` + arguments on the next lines: the function goes on a line
        // of its own before them, indented like them (a comment stays on the opening line).
        let first = call
            .arguments
            .iter_source_order()
            .next()
            .map_or(close, |a| a.start());
        let line_start = source.line_start(first);
        let indent = &source[TextRange::new(line_start, first)];
        edits.push(Edit::replacement(
            format!("await {}(", spelled.name),
            TextRange::new(call.start(), open),
        ));
        if indent.trim().is_empty() {
            edits.push(Edit::insertion(format!("{func},{}{indent}", cx.line_ending_at(first)), line_start + TextSize::of(indent)));
        } else {
            edits.push(Edit::insertion(format!("{func}, "), first));
        }
    } else {
        // Arguments start on the opening line: lines that continue them were aligned with
        // the opening parenthesis (visual indent) and move right as far as it does.
        let head = format!("await {}({func}, ", spelled.name);
        let shift = head.len() as i64 - i64::from(u32::from(open - call.start()));
        edits.push(Edit::replacement(head, TextRange::new(call.start(), open)));
        let column = source[TextRange::new(source.line_start(open), open)].len();
        let starts = rewrite::reindentable_line_starts(cx, call.arguments.range());
        let aligned = starts.iter().all(|start| {
            let rest = &source[usize::from(*start)..];
            rest.len() - rest.trim_start_matches(' ').len() == column
        });
        if shift > 0 && aligned && !source[call.arguments.range()].contains('\t') {
            let pad = " ".repeat(usize::try_from(shift).unwrap_or_default());
            for start in starts {
                edits.push(Edit::insertion(pad.clone(), start));
            }
        }
    }
    edits.extend(spelled.edit);
    Ok(Fix::unsafe_(edits).with_note(NOTE))
}
