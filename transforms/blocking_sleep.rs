//! `blocking-sleep`: `time.sleep(x)` as a statement in `async def` → `await asyncio.sleep(x)`.

use ruff_python_ast::name::UnqualifiedName;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::importer;
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::worker_threads::{self, LoopThread};

crate::declare_transform! {
    /// ## What it does
    /// Finds `time.sleep(x)` used as a statement of its own inside `async def` and replaces it
    /// with `await asyncio.sleep(x)`.
    ///
    /// ## Why is this bad?
    /// `time.sleep` blocks the thread, and an `async def` runs on the event loop's thread: while
    /// it sleeps, no other task of the loop runs, timeouts fire late and servers stop answering.
    /// `asyncio.sleep` suspends only the current task.
    ///
    /// ## Example
    /// ```python
    /// async def poll():
    ///     time.sleep(0.5)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def poll():
    ///     await asyncio.sleep(0.5)
    /// ```
    ///
    /// Names resolve through imports (`import time as t`, `from time import sleep`); the new
    /// name is spelled with the file's own `asyncio` binding, or `import asyncio` is added. An
    /// import the rewrite leaves unused (`from time import sleep`) is removed.
    ///
    /// ## Fix safety
    /// Safe. Other tasks of the loop now run during the sleep (that is the point), and the sleep
    /// is now a point where the task can be cancelled. Known difference: `time.sleep` raises
    /// `ValueError` for a negative duration, `asyncio.sleep` returns at once; the fix note says so
    /// when the duration is not a non-negative number literal.
    ///
    /// ## Not reported
    /// An `async def` that runs in a worker thread with an event loop of its own, where blocking
    /// stalls nothing else and is often the point: decorated with `thread=True` (Textual's
    /// `@work(thread=True)`), or run by `asyncio.run(g())` / `loop.run_until_complete(g())` /
    /// `anyio.run(g)` inside a function or `lambda` handed to a thread runner
    /// (`threading.Thread(target=...)`, `loop.run_in_executor(...)`, `asyncio.to_thread`,
    /// `anyio.to_thread.run_sync`, `executor.submit`, `threading.Timer`,
    /// `multiprocessing.Process`), or handed with the loop runner itself
    /// (`Thread(target=asyncio.run, args=(g(),))`, `to_thread(asyncio.run, g())`). Functions
    /// are matched by name. Not recognised: a runner reached through a variable,
    /// `asyncio.Runner`, and coroutines that such a coroutine awaits in turn.
    ///
    /// ## When no fix is made
    /// An `async def` with a decorator other than the known transparent ones (`@staticmethod`,
    /// `@abc.abstractmethod`, `@typing.override`, ...), pytest's marks and fixtures and
    /// `@contextlib.asynccontextmanager`: the decorator may run it in a worker thread. The same
    /// for one run in a worker thread that is also called elsewhere (there it blocks the event
    /// loop).
    ///
    /// Only the innermost function counts: a nested `def` or `lambda` inside an `async def` is
    /// sync code (it may run in a thread) and is left alone. A finding without a fix is reported
    /// when the call's result is used (`x = time.sleep(1)`, inside an expression), when the
    /// arguments are not one plain positional duration, when the call sits in the body of a
    /// (sync) `with` block (other tasks would run while its resource is held: a
    /// `threading.Lock` another task then takes deadlocks the loop) or follows a blocking
    /// `X.acquire()` of the same function with no `X.release()` in between (the same, spelled
    /// without `with`; an awaited `acquire()` is an asyncio lock and no reason), when the duration is a
    /// negative number literal (the call raises `ValueError`, `asyncio.sleep` would not), and
    /// when the name `asyncio` is taken for something else. An `async with` block is no reason
    /// to refuse: its body may await anyway.
    pub struct BlockingSleep {
        id: "blocking-sleep",
        summary: "`time.sleep(x)` in `async def` -> `await asyncio.sleep(x)`",
        min_version: None,
        safety: FixSafety::Safe,
    }
}

const MESSAGE: &str = "`time.sleep()` blocks the event loop; use `await asyncio.sleep()`";

impl Transform for BlockingSleep {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !cx.in_async() || !cx.imports().matches(&call.func, &["time", "sleep"]) {
            return;
        }
        match worker_threads::loop_thread(cx) {
            LoopThread::EventLoop => {}
            LoopThread::Worker(_) => return,
            LoopThread::Unknown(reason) => return refuse(cx, call, &reason),
        }
        let is_statement = matches!(
            cx.current_statement(),
            Some(Stmt::Expr(stmt)) if stmt.value.range() == call.range()
        );
        if !is_statement {
            return refuse(
                cx,
                call,
                "the call's result is used (only a statement of its own is rewritten)",
            );
        }
        let [duration] = &*call.arguments.args else {
            return refuse(cx, call, "the arguments are not one positional duration");
        };
        if !call.arguments.keywords.is_empty() || duration.is_starred_expr() {
            return refuse(cx, call, "the arguments are not one positional duration");
        }
        if crate::analysis::after_sync_acquire(cx, call.range()) {
            return refuse(
                cx,
                call,
                "the sleep follows a blocking `acquire()` with no `release()` before it: other \
                 tasks would now run while the lock is held (one taking it would deadlock the loop)",
            );
        }
        if crate::analysis::in_sync_with(cx, call.range()) {
            return refuse(
                cx,
                call,
                "the sleep sits in a `with` block: other tasks would now run while its resource is \
                 held (a `threading.Lock` taken by another task would deadlock the loop)",
            );
        }
        if is_negative_literal(duration) {
            return refuse(
                cx,
                call,
                "a negative duration makes `time.sleep` raise `ValueError`; `asyncio.sleep` would return at once",
            );
        }
        let spelled = match importer::spell(cx, "asyncio", "sleep") {
            Ok(spelled) => spelled,
            Err(reason) => return refuse(cx, call, &reason),
        };
        let mut edits = vec![
            Edit::insertion("await ", call.start()),
            Edit::replacement(spelled.name, call.func.range()),
        ];
        edits.extend(spelled.edit);
        let mut fix = Fix::safe(edits);
        if !is_non_negative_literal(duration) {
            fix = fix.with_note(
                "other tasks now run during the sleep; a negative duration no longer raises `ValueError`",
            );
        }
        if let Some(root) = UnqualifiedName::from_expr(&call.func)
            .and_then(|name| name.segments().first().map(|s| s.to_string()))
        {
            fix = fix.dropping(root);
        }
        cx.report(Finding::new(Self::INFO.id, call.range(), MESSAGE).with_fix(fix));
    }
}

/// Is `range` in the body of a (sync) `with` statement of the current function?
fn is_non_negative_literal(expr: &Expr) -> bool {
    match expr {
        Expr::NumberLiteral(number) => !matches!(number.value, ast::Number::Complex { .. }),
        _ => false,
    }
}

fn is_negative_literal(expr: &Expr) -> bool {
    match expr {
        Expr::UnaryOp(op) if op.op == ast::UnaryOp::USub => match &*op.operand {
            Expr::NumberLiteral(number) => match &number.value {
                ast::Number::Int(int) => int.as_u64() != Some(0),
                ast::Number::Float(value) => *value != 0.0,
                ast::Number::Complex { .. } => false,
            },
            _ => false,
        },
        _ => false,
    }
}

fn refuse(cx: &mut Checker, call: &ast::ExprCall, reason: &str) {
    cx.report(Finding::new(
        BlockingSleep::INFO.id,
        call.range(),
        format!("{MESSAGE}; no fix: {reason}"),
    ));
}
