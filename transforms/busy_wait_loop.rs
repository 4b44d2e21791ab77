//! `busy-wait-loop`: `while cond: await asyncio.sleep(...)` polling a condition (flake8-async
//! ASYNC110).

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::checker::Checker;
use crate::edit::Finding;
use crate::registry::{FixSafety, Transform, TransformInfo};

crate::declare_transform! {
    /// ## What it does
    /// Finds a `while` loop in `async def` whose whole body is `await asyncio.sleep(...)` (also
    /// `anyio.sleep`, `trio.sleep`): a task polling a condition until another task makes it
    /// true, as flake8-async's ASYNC110 does.
    ///
    /// ## Why is this bad?
    /// Polling wakes the task for nothing on every tick and notices the change up to one tick
    /// late; a short tick burns CPU, a long one adds latency. An `asyncio.Event` (or
    /// `asyncio.Condition`) wakes the waiter exactly when the condition changes: the code that
    /// changes it calls `event.set()`, the waiter does `await event.wait()`.
    ///
    /// ## Example
    /// ```python
    /// while not self.ready:
    ///     await asyncio.sleep(0.1)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// await self.ready_event.wait()   # and `self.ready_event.set()` where `ready` becomes true
    /// ```
    ///
    /// ## Fix safety
    /// There is no fix: the event has to be set everywhere the condition can become true,
    /// which is code elsewhere (another task, a callback, another module).
    ///
    /// ## When no fix is made
    /// Always. Not reported: `while True:` (or another constant: sleeping forever is not
    /// polling), a loop with an `else`, a body that does anything besides the sleep, a sync
    /// `def`.
    pub struct BusyWaitLoop {
        id: "busy-wait-loop",
        summary: "`while cond: await asyncio.sleep(...)` polling loop: use an `asyncio.Event`",
        min_version: None,
        safety: FixSafety::None,
    }
}

const MESSAGE: &str = "Busy-wait loop: it polls a condition with `sleep`; wait on an `asyncio.Event` \
                       set where the condition changes (`await event.wait()`); no fix: the code \
                       that changes the condition must set the event";

const SLEEPS: &[&[&str]] = &[&["asyncio", "sleep"], &["anyio", "sleep"], &["trio", "sleep"]];

impl Transform for BusyWaitLoop {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::STMT
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::While(loop_) = stmt else { return };
        if !cx.in_async() || !loop_.orelse.is_empty() || constant(&loop_.test) {
            return;
        }
        let [Stmt::Expr(only)] = &*loop_.body else {
            return;
        };
        let Expr::Await(await_) = &*only.value else {
            return;
        };
        let Expr::Call(call) = &*await_.value else {
            return;
        };
        if cx.imports().matches_any(&call.func, SLEEPS).is_none() {
            return;
        }
        cx.report(Finding::new(
            Self::INFO.id,
            TextRange::new(loop_.start(), loop_.test.end()),
            MESSAGE,
        ));
    }
}

/// A literal condition (`while True:`, `while 1:`): a loop that never ends, not a poll.
fn constant(test: &Expr) -> bool {
    matches!(
        test,
        Expr::BooleanLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}
