//! `ensure-future-to-create-task`: `asyncio.ensure_future(call())` in `async def` →
//! `asyncio.create_task(call())`.

use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

use crate::analysis::{FUTURE_RETURNING, LocalCallee, local_callee};
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
    /// Safe when the argument calls an `async def` of this module (or a method of the enclosing
    /// class through `self.`/`cls.`) that is not decorated and does not `yield`: the call
    /// provably returns a coroutine, and for a coroutine `ensure_future` is `create_task` on the
    /// running loop. Otherwise unsafe: if the call returns a future, a task or another awaitable,
    /// `create_task` raises `TypeError` where `ensure_future` accepted it.
    ///
    /// ## When no fix is made
    /// - Outside `async def` (there may be no running loop for `create_task`): not a finding.
    /// - The argument is not a call (a name may hold a future): not a finding.
    /// - The call returns a future or a task (`gather`, `shield`, `create_task`,
    ///   `run_in_executor`, `wrap_future`, ...) or creates an instance of a class of this file:
    ///   reported without a fix.
    /// - Other arguments (`loop=`): reported without a fix.
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
        let safe = match local_callee(cx, &inner.func) {
            LocalCallee::Coroutine => true,
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
