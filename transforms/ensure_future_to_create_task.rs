//! `ensure-future-to-create-task`: `asyncio.ensure_future(call())` in `async def` →
//! `asyncio.create_task(call())`.

use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

use crate::analysis::{
    FUTURE_RETURNING, LocalCallee, local_callee, non_coroutine_overrides,
};
use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::importer;
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;

crate::declare_transform! {
    /// ## What it does
    /// Finds `asyncio.ensure_future(call(...))` in `async def` and rewrites it to
    /// `asyncio.create_task(call(...))`.
    ///
    /// ## Why is this bad?
    /// `ensure_future` accepts futures, tasks and any awaitable and hides which one it got;
    /// the asyncio documentation recommends `create_task` for running a coroutine concurrently.
    ///
    /// ## Example
    /// ```python
    /// task = asyncio.ensure_future(fetch(url))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// task = asyncio.create_task(fetch(url))
    /// ```
    ///
    /// ## Fix safety
    /// Safe only when the argument calls a module-level `async def` of this file that is not
    /// decorated, does not `yield`, and that nothing rebinds: the name is bound once in the
    /// module (no assignment such as `fetch = wrapped(fetch)`, no second `def`, no import of
    /// the same name, no `global fetch` in any function, no `globals()[...] =`). Then the call
    /// provably returns a coroutine, and for a coroutine `ensure_future` is `create_task` on
    /// the running loop. Otherwise unsafe: if the call returns a future, a task or another
    /// awaitable, `create_task` raises `TypeError` where `ensure_future` accepted it. A method
    /// called through `self.`/`cls.` is unsafe even when it is an `async def`: a subclass
    /// (possibly in another module) may override it with one that returns a future or is
    /// synchronous; the note names that risk.
    ///
    /// ## When no fix is made
    /// - Outside `async def` (there may be no running loop for `create_task`): not a finding.
    /// - The argument is not a call (a name may hold a future): not a finding.
    /// - The call returns a future or a task (`gather`, `shield`, `create_task`,
    ///   `run_in_executor`, `wrap_future`, ...) or creates an instance of a class of this file:
    ///   reported without a fix.
    /// - Other arguments (`loop=`): reported without a fix.
    /// - `self.m(...)` / `cls.m(...)` where a subclass in this module overrides `m` with a plain
    ///   `def`, a decorated function, an async generator or another value: reported without a
    ///   fix (on that subclass's instances `create_task` would raise `TypeError`).
    pub struct EnsureFutureToCreateTask {
        id: "ensure-future-to-create-task",
        summary: "`asyncio.ensure_future(call())` in `async def` -> `asyncio.create_task(call())`",
        min_version: Some(PyVersion::PY37),
        safety: FixSafety::Sometimes,
    }
}

const MESSAGE: &str =
    "Use `asyncio.create_task()` to run a coroutine instead of `asyncio.ensure_future()`";


impl Transform for EnsureFutureToCreateTask {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !cx.in_async()
            || !cx
                .imports()
                .matches(&call.func, &["asyncio", "ensure_future"])
        {
            return;
        }
        let [Expr::Call(inner)] = &*call.arguments.args else {
            return;
        };
        let refuse = |cx: &mut Checker<'a>, reason: &str| {
            cx.report(Finding::new(
                Self::INFO.id,
                call.range(),
                format!("{MESSAGE}; no fix: {reason}"),
            ));
        };
        if !call.arguments.keywords.is_empty() {
            return refuse(
                cx,
                "`ensure_future` has keyword arguments (`loop=`); `create_task` takes none of them",
            );
        }
        let mut unsafe_note = None;
        let safe = match local_callee(cx, &inner.func) {
            LocalCallee::Coroutine => match &*inner.func {
                Expr::Name(name) if cx.module_name_rebound(&name.id) => {
                    unsafe_note = Some(format!(
                        "`{}` is rebound elsewhere in the module (an assignment, a decorator applied later, \
                         `global`): if it no longer returns a coroutine, `create_task` raises TypeError",
                        name.id
                    ));
                    false
                }
                Expr::Name(_) => true,
                Expr::Attribute(attr) => {
                    if let Some(class) = cx.enclosing_class() {
                        let overrides = non_coroutine_overrides(cx.suite(), class, &attr.attr);
                        if !overrides.is_empty() {
                            let reason = format!(
                                "`{}` is overridden in `{}` by something that may not return a coroutine \
                                 (`create_task` would raise TypeError on its instances)",
                                attr.attr,
                                overrides.join("`, `")
                            );
                            return refuse(cx, &reason);
                        }
                    }
                    unsafe_note = Some(format!(
                        "`{}(...)` is a method: a subclass may override `{}` with one that returns a \
                         future or is synchronous, and `create_task` then raises TypeError",
                        cx.slice(&*inner.func),
                        attr.attr
                    ));
                    false
                }
                _ => false,
            },
            LocalCallee::Class(class) => {
                return refuse(
                    cx,
                    &format!("`{}(...)` creates an instance, not a coroutine", class.name),
                );
            }
            LocalCallee::NotProvable { .. } => false,
            LocalCallee::Unknown => {
                let last = cx
                    .imports()
                    .resolve(&inner.func)
                    .and_then(|q| q.last().cloned())
                    .or_else(|| match &*inner.func {
                        Expr::Name(name) => Some(name.id.to_string()),
                        Expr::Attribute(attr) => Some(attr.attr.to_string()),
                        _ => None,
                    });
                if last
                    .as_deref()
                    .is_some_and(|l| FUTURE_RETURNING.contains(&l))
                {
                    let reason = format!(
                        "`{}(...)` returns a future or a task, which `create_task` rejects",
                        cx.slice(&*inner.func)
                    );
                    return refuse(cx, &reason);
                }
                false
            }
        };
        let spelled = match importer::spell(cx, "asyncio", "create_task") {
            Ok(spelled) => spelled,
            Err(reason) => return refuse(cx, &reason),
        };
        let mut edits = vec![Edit::replacement(spelled.name, call.func.range())];
        edits.extend(spelled.edit);
        let fix = if safe {
            Fix::safe(edits)
        } else if let Some(note) = unsafe_note {
            Fix::unsafe_(edits).with_note(note)
        } else {
            Fix::unsafe_(edits).with_note(format!(
                "`{}(...)` is not provably an `async def` of this module: if it returns a future or another awaitable, `create_task` raises TypeError",
                cx.slice(&*inner.func)
            ))
        };
        let fix = match cx.imports().from_imported_name(&call.func) {
            Some(local) => fix.dropping(local),
            None => fix,
        };
        cx.report(Finding::new(Self::INFO.id, call.range(), MESSAGE).with_fix(fix));
    }
}
