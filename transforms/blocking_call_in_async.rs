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
    /// `urllib.request.urlopen`; and file-system calls (flake8-async's ASYNC240): the `os.path`
    /// functions that ask the file system (`exists`, `isfile`, `isdir`, `islink`, `ismount`,
    /// `lexists`, `getsize`, `getmtime`, `getatime`, `getctime`, `samefile`, `realpath`) and the
    /// methods of a `pathlib.Path` that read or change it (`exists`, `is_dir`, `stat`,
    /// `read_text`, `write_bytes`, `mkdir`, `unlink`, `rename`, `resolve`, ..., and the lazy
    /// `iterdir`, `glob`, `rglob`, `walk`) where the receiver is known to be a `Path`:
    /// `Path(...)` / `pathlib.Path(...)` (or `PosixPath`, `WindowsPath`), such a path `/`
    /// something, or a parameter annotated `Path` that the body never rebinds.
    /// `subprocess.run(...)` and a file-system call (not a lazy one) that is a whole statement,
    /// the value of an assignment or of a `return` get a fix: `await
    /// asyncio.to_thread(subprocess.run, ...)`, `await asyncio.to_thread(os.path.exists, p)`,
    /// `await asyncio.to_thread(Path(p).read_text)` (the path is built on the loop's thread,
    /// in the same order as before; only the call moves).
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
    /// The fixes are unsafe: the call now runs in a worker thread while other tasks of the loop
    /// run, so their output can interleave with it (and they can run before it ends) where they
    /// could not before.
    /// Known differences:
    /// - `to_thread` copies the context variables into the worker thread: a change the call
    ///   makes to one is not seen by the caller.
    /// - Cancelling the awaiting task (a timeout, a TaskGroup failing) does not stop the worker
    ///   thread or the process: it runs to completion in the background.
    ///
    /// Only the builtin `open`/`input` are reported (a local or imported `open`, such as
    /// `aiofiles.open`, is not, nor an `open(...)` that is awaited, entered by `async with` or
    /// iterated by `async for`: the builtin's file can be none of these, so the name is an async
    /// API's; the same for an awaited path method); only the innermost function counts (a nested `def` or `lambda`
    /// inside an `async def` is sync code, e.g. a helper passed to `to_thread`).
    ///
    /// `sqlite3.connect` is left to `sqlite-to-aiosqlite` when that transform is selected too (it
    /// reports every one in `async def`, with its migration or the reason for none).
    ///
    /// Not reported: an `async def` that runs in a worker thread with an event loop of its own
    /// (decorated with `thread=True`, as Textual's `@work(thread=True)`; run by `asyncio.run`
    /// and the like in a function handed to a thread runner): blocking there stalls nothing
    /// else. `blocking-sleep`'s documentation lists the shapes recognised.
    ///
    /// ## When no fix is made
    /// A lazy path method (`iterdir`, `glob`, `rglob`, `walk`): the work happens as its iterator
    /// is consumed, not in the call. `subprocess.run` or a file-system call in an `async def`
    /// with a decorator that is not known to be transparent
    /// (it may run the function in a worker thread), or run in a worker thread and also called
    /// elsewhere. The other calls (`open`, `input`, `os.system`, ...) are reported without a fix: the right replacement
    /// (`create_subprocess_exec`, `aiosqlite`, moving a whole `with open(...)` block into a
    /// thread) needs a human. `subprocess.run` and file-system calls are refused when the call is not a whole statement,
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

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !cx.in_async() {
            return;
        }
        let Some(Blocking { shown, advice, fix }) = classify(cx, call) else {
            return;
        };
        // `await open(...)`, `async with open(...)`, `async for _ in open(...)`: the builtin's
        // file can be neither, so the name is an async API's (aiofiles, anyio), not the builtin;
        // the same for an awaited path method (an `anyio.Path` passed where `Path` is annotated).
        let builtin = matches!(shown.as_str(), "open" | "input");
        if (builtin || matches!(fix, Fixable::FileSystem | Fixable::Lazy))
            && used_asynchronously(cx, call)
        {
            return;
        }
        let thread_reason = match worker_threads::loop_thread(cx) {
            LoopThread::EventLoop => None,
            LoopThread::Worker(_) => return,
            LoopThread::Unknown(reason) => Some(reason),
        };
        let message =
            format!("Blocking call `{shown}()` in `async def` stalls the event loop; use {advice}");
        let note = match fix {
            Fixable::No => {
                cx.report(Finding::new(Self::INFO.id, call.range(), message));
                return;
            }
            Fixable::Lazy => {
                let reason = "it returns a lazy iterator: the file-system work happens as it is consumed, \
                              not in the call a thread would run";
                cx.report(Finding::new(
                    Self::INFO.id,
                    call.range(),
                    format!("{message}; no fix: {reason}"),
                ));
                return;
            }
            Fixable::Subprocess => NOTE.to_string(),
            Fixable::FileSystem => format!("`{shown}` {FS_NOTE}"),
        };
        let fix = match thread_reason {
            Some(reason) => Err(reason),
            None => to_thread_fix(cx, call, note),
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

/// Is the call awaited, the context manager of an `async with` or the iterable of an
/// `async for`?
fn used_asynchronously(cx: &Checker, call: &ast::ExprCall) -> bool {
    if let Some(Expr::Await(await_)) = cx.expression_parents().last()
        && await_.value.range() == call.range()
    {
        return true;
    }
    match cx.current_statement() {
        Some(Stmt::With(with)) if with.is_async => with
            .items
            .iter()
            .any(|item| item.context_expr.range() == call.range()),
        Some(Stmt::For(for_)) if for_.is_async => for_.iter.range() == call.range(),
        _ => false,
    }
}

const OPEN_ADVICE: &str = "`await asyncio.to_thread(...)` for the file work";
const INPUT_ADVICE: &str = "`await asyncio.to_thread(input, ...)`";

/// Which fix a blocking call can get.
enum Fixable {
    No,
    /// `subprocess.run`: `await asyncio.to_thread(...)`.
    Subprocess,
    /// A file-system call that does its work when called: `await asyncio.to_thread(...)`.
    FileSystem,
    /// A file-system call that returns a lazy iterator (`iterdir`, `glob`): no fix.
    Lazy,
}

/// A blocking call: the name shown, what to use instead, and which fix it can get.
struct Blocking {
    shown: String,
    advice: &'static str,
    fix: Fixable,
}

/// `os.path` functions that ask the file system.
const OS_PATH: &[&str] = &[
    "exists",
    "lexists",
    "isfile",
    "isdir",
    "islink",
    "ismount",
    "isjunction",
    "getsize",
    "getatime",
    "getmtime",
    "getctime",
    "samefile",
    "realpath",
];

/// `pathlib.Path` methods that ask or change the file system when called.
const PATH_METHODS: &[&str] = &[
    "exists",
    "is_file",
    "is_dir",
    "is_symlink",
    "is_mount",
    "is_socket",
    "is_fifo",
    "is_block_device",
    "is_char_device",
    "is_junction",
    "stat",
    "lstat",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "open",
    "mkdir",
    "rmdir",
    "unlink",
    "touch",
    "rename",
    "replace",
    "resolve",
    "samefile",
    "chmod",
    "lchmod",
    "owner",
    "group",
    "readlink",
    "symlink_to",
    "hardlink_to",
];

/// `pathlib.Path` methods that return a lazy iterator over the file system.
const PATH_LAZY: &[&str] = &["iterdir", "glob", "rglob", "walk"];

const FS_ADVICE: &str = "`await asyncio.to_thread(...)` (or `anyio.Path` / `trio.Path`)";
const FS_NOTE: &str = "now runs in a worker thread while other tasks run: context variables are \
                       copied into the thread, and cancelling the task does not stop the call";

/// The dotted name shown for a blocking call, and what to use instead.
fn classify(cx: &Checker, call: &ast::ExprCall) -> Option<Blocking> {
    let blocking = |shown: &str, advice, fix| {
        Some(Blocking {
            shown: shown.to_string(),
            advice,
            fix,
        })
    };
    // Only `open` and `input` can be blocking builtins: other names skip the scope lookups (a
    // builtin name has no import, so the lookups below find nothing for it either).
    if matches!(&*call.func, Expr::Name(n) if matches!(n.id.as_str(), "open" | "input"))
        && let Some(name) = cx.builtin(&call.func)
    {
        return match name {
            "open" => blocking("open", OPEN_ADVICE, Fixable::No),
            "input" => blocking("input", INPUT_ADVICE, Fixable::No),
            _ => None,
        };
    }
    if let Expr::Attribute(attr) = &*call.func
        && is_path(cx, &attr.value)
    {
        let method = attr.attr.as_str();
        let fix = if PATH_METHODS.contains(&method) {
            Fixable::FileSystem
        } else if PATH_LAZY.contains(&method) {
            Fixable::Lazy
        } else {
            return None;
        };
        return blocking(&format!("Path.{method}"), FS_ADVICE, fix);
    }
    let qualified = cx.imports().resolve(&call.func)?;
    let parts: Vec<&str> = qualified.iter().map(String::as_str).collect();
    let (advice, fix) = match parts.as_slice() {
        ["builtins", "open"] => return blocking("open", OPEN_ADVICE, Fixable::No),
        ["builtins", "input"] => return blocking("input", INPUT_ADVICE, Fixable::No),
        ["subprocess", "run"] => (
            "`asyncio.create_subprocess_exec` (or `await asyncio.to_thread(...)`)",
            Fixable::Subprocess,
        ),
        ["subprocess", member] if SUBPROCESS.contains(member) => (
            "`asyncio.create_subprocess_exec` (or `await asyncio.to_thread(...)`)",
            Fixable::No,
        ),
        ["os", "system"] => (
            "`asyncio.create_subprocess_shell` (or `await asyncio.to_thread(...)`)",
            Fixable::No,
        ),
        // sqlite-to-aiosqlite reports every one of these in `async def`, with its fix or why not.
        ["sqlite3", "connect"] if cx.runs("sqlite-to-aiosqlite") => return None,
        ["sqlite3", "connect"] => (
            "`aiosqlite` (or run the database work in `await asyncio.to_thread(...)`)",
            Fixable::No,
        ),
        ["urllib", "request", "urlopen"] => (
            "`await asyncio.to_thread(...)` or an async HTTP client",
            Fixable::No,
        ),
        ["os", "path", member] | ["posixpath" | "ntpath" | "genericpath", member]
            if OS_PATH.contains(member) =>
        {
            return blocking(&format!("os.path.{member}"), FS_ADVICE, Fixable::FileSystem);
        }
        _ => return None,
    };
    blocking(&parts.join("."), advice, fix)
}

/// Is `expr` known to be a `pathlib.Path`: `pathlib.Path(...)` (or `PosixPath`,
/// `WindowsPath`), such a path `/` something, or a parameter of the current function annotated
/// `Path` that the body never rebinds?
fn is_path(cx: &Checker, expr: &Expr) -> bool {
    const CLASSES: &[&[&str]] = &[
        &["pathlib", "Path"],
        &["pathlib", "PosixPath"],
        &["pathlib", "WindowsPath"],
    ];
    match expr {
        Expr::Call(call) => cx.imports().matches_any(&call.func, CLASSES).is_some(),
        Expr::BinOp(op) if op.op == ast::Operator::Div => is_path(cx, &op.left),
        Expr::Name(name) => {
            let Some(func) = cx.current_function() else {
                return false;
            };
            let Some(param) = func
                .parameters
                .iter_non_variadic_params()
                .find(|p| p.parameter.name.as_str() == name.id.as_str())
            else {
                return false;
            };
            let Some(annotation) = param.parameter.annotation.as_deref() else {
                return false;
            };
            let annotated = match annotation {
                Expr::StringLiteral(text) => {
                    let text = text.value.to_str();
                    // `"Path"` / `"pathlib.Path"`: the name it spells, as bound in this file.
                    let head = text.split('.').next().unwrap_or_default();
                    cx.imports().binding(head).is_some_and(|binding| {
                        let mut full: Vec<&str> =
                            binding.qualified.iter().map(String::as_str).collect();
                        full.extend(text.split('.').skip(1));
                        CLASSES.contains(&full.as_slice())
                    })
                }
                other => cx.imports().matches_any(other, CLASSES).is_some(),
            };
            annotated && !crate::imports::binds(&func.body, name.id.as_str())
        }
        _ => false,
    }
}

/// `subprocess.run(args)` → `await asyncio.to_thread(subprocess.run, args)`, where the call is
/// a whole statement, an assignment's value or a `return` value.
fn to_thread_fix(cx: &Checker, call: &ast::ExprCall, note: String) -> Result<Fix, String> {
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
    Ok(Fix::unsafe_(edits).with_note(note))
}
