//! `missing-await`: a coroutine of this module called as a bare statement → `await f()`.
//!
//! Uses [`crate::analysis::local_callee`] (shared with `ensure-future-to-create-task` and others):
//! what a call's callee is, when this file defines it.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use crate::analysis::{LocalCallee, local_callee, non_coroutine_overrides};
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
    /// propagate, its time now counts). For `self.m()` / `cls.m()` the note also names the
    /// override risk: a subclass (possibly in another module) may override `m` with a plain
    /// `def` (whose work already ran: `await None` raises TypeError) or one returning a future.
    ///
    /// ## When no fix is made
    /// - Outside `async def` (module level, a plain `def`, a `lambda`, a nested `def` in an
    ///   `async def`): the call is reported, but `await` is not possible there; run it with
    ///   `asyncio.run(...)` or schedule it.
    /// - The `async def` contains `yield`: it is an async generator, iterate it with `async for`.
    /// - `self.m()` / `cls.m()` where a subclass in this module overrides `m` with a plain
    ///   `def`, a decorated function, an async generator or another value.
    ///
    /// Not reported: a call to an `async def` that carries a decorator other than the known
    /// transparent ones (`@staticmethod`, `@classmethod`, `@abc.abstractmethod`,
    /// `@typing.override`, `@typing.final`, `@typing.no_type_check`, `@functools.wraps(f)`,
    /// `@warnings.deprecated(...)`): such a decorator may schedule the coroutine itself
    /// (Textual's `@work` starts a worker and returns it), run it in a thread or return a plain
    /// value, so a call without `await` may well be right. Transparent decorators keep the
    /// finding and its fix.
    ///
    /// Only functions this file defines are considered: a name shadowed by a local variable,
    /// imported, also assigned at module level, rebound through `global` in a function or
    /// through `globals()[...]` (it may not be the `async def` any more) is not a finding.
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

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::STMT
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::Expr(expr_stmt) = stmt else { return };
        let Expr::Call(call) = &*expr_stmt.value else {
            return;
        };
        let callee = local_callee(cx, &call.func);
        if let Expr::Name(name) = &*call.func
            && cx.module_name_rebound(&name.id)
        {
            // Rebound somewhere (`global`, a second binding): it may not be the `async def`.
            return;
        }
        let name = cx.slice(&*call.func);
        let message =
            format!("`{name}(...)` creates a coroutine that is never awaited: its body never runs");
        let refusal = match callee {
            LocalCallee::Coroutine => None,
            // A decorator that is not known to be transparent may schedule the coroutine
            // itself (Textual's `@work`), run it in a thread, or return a plain value: a call
            // without `await` may well be right. No finding: a false positive costs more here.
            LocalCallee::NotProvable {
                decorated: true, ..
            } => return,
            LocalCallee::NotProvable {
                reason,
                is_async: true,
                ..
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
        let mut note = NOTE.to_string();
        if let Expr::Attribute(attr) = &*call.func {
            if let Some(class) = cx.enclosing_class() {
                let overrides = non_coroutine_overrides(cx.suite(), class, &attr.attr);
                if !overrides.is_empty() {
                    let reason = format!(
                        "`{}` is overridden in `{}` by something that may not return a coroutine \
                         (awaiting its result would raise TypeError, and its work already runs)",
                        attr.attr,
                        overrides.join("`, `")
                    );
                    cx.report(Finding::new(
                        Self::INFO.id,
                        call.range(),
                        format!("{message}; no fix: {reason}"),
                    ));
                    return;
                }
            }
            note.push_str(&format!(
                "; `{name}` is a method: a subclass may override `{}` with a plain `def` or one that \
                 returns a future, and `await` on its result then raises TypeError or waits differently",
                attr.attr
            ));
        }
        let fix = Fix::unsafe_(vec![Edit::insertion("await ", call.start())]).with_note(note);
        cx.report(Finding::new(Self::INFO.id, call.range(), message).with_fix(fix));
    }
}


