//! `missing-await`: a coroutine of this module called as a bare statement → `await f()`.
//!
//! Uses [`crate::analysis::local_callee`] (shared with `ensure-future-to-create-task` and others):
//! what a call's callee is, when this file defines it.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use crate::analysis::{LocalCallee, local_callee};
use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};

crate::declare_transform! {
    /// ## What it does
    /// Finds a call to an `async def` of this module or of the enclosing class (`f()`,
    /// `self.m()`, `cls.m()`) used as a bare statement. Calling a coroutine function only
    /// creates the coroutine: without `await` its body never runs. Inside `async def` the fix
    /// adds the `await`.
    ///
    /// ## Why is this bad?
    /// The call looks like it does something, but nothing happens (Python only warns
    /// "coroutine ... was never awaited" when the object is garbage-collected).
    ///
    /// ## Example
    /// ```python
    /// async def save(item): ...
    ///
    /// async def handle(item):
    ///     save(item)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def handle(item):
    ///     await save(item)
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: code that never ran now runs, and the caller waits for it (its exceptions now
    /// propagate, its time now counts).
    ///
    /// ## When no fix is made
    /// - Outside `async def` (module level, a plain `def`, a `lambda`, a nested `def` in an
    ///   `async def`): the call is reported, but `await` is not possible there; run it with
    ///   `asyncio.run(...)` or schedule it.
    /// - The `async def` is decorated (other than `@staticmethod` / `@classmethod`): the
    ///   decorator may change what the call returns.
    /// - The `async def` contains `yield`: it is an async generator, iterate it with `async for`.
    ///
    /// Only functions this file defines are considered: a name shadowed by a local variable,
    /// imported, or also assigned at module level (it may not be the `async def` any more) is
    /// not a finding.
    pub struct MissingAwait {
        id: "missing-await",
        summary: "a coroutine of this module called without `await` -> `await f()`",
        min_version: None,
        safety: FixSafety::Unsafe,
    }
}

const NOTE: &str = "the coroutine now runs: code that never ran before runs, and the caller waits for it and sees its exceptions";

impl Transform for MissingAwait {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::Expr(expr_stmt) = stmt else { return };
        let Expr::Call(call) = &*expr_stmt.value else {
            return;
        };
        let callee = local_callee(cx, &call.func);
        let name = cx.slice(&*call.func);
        let message =
            format!("`{name}(...)` creates a coroutine that is never awaited: its body never runs");
        let refusal = match callee {
            LocalCallee::Coroutine => None,
            LocalCallee::NotProvable {
                reason,
                is_async: true,
            } => Some(reason),
            _ => return,
        };
        if let Some(reason) = refusal {
            cx.report(Finding::new(
                Self::INFO.id,
                call.range(),
                format!("{message}; no fix: {reason}"),
            ));
            return;
        }
        if !cx.in_async() {
            let reason = "outside `async def` the call cannot be awaited; run it with `asyncio.run(...)` or schedule it";
            cx.report(Finding::new(
                Self::INFO.id,
                call.range(),
                format!("{message}; no fix: {reason}"),
            ));
            return;
        }
        let fix = Fix::unsafe_(vec![Edit::insertion("await ", call.start())]).with_note(NOTE);
        cx.report(Finding::new(Self::INFO.id, call.range(), message).with_fix(fix));
    }
}


