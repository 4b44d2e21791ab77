//! `drop-loop-argument`: `loop=` passed to asyncio APIs that removed it in Python 3.10 → removed.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::rewrite;
use crate::version::PyVersion;

crate::declare_transform! {
    /// ## What it does
    /// Removes the `loop=` argument from calls of the asyncio APIs that dropped it in Python
    /// 3.10: `sleep`, `gather`, `wait_for`, `wait`, `shield`, `as_completed`, the queues
    /// (`Queue`, `PriorityQueue`, `LifoQueue`), `Lock`, `Event`, `Condition`, `Semaphore`,
    /// `BoundedSemaphore`, `open_connection`, `start_server`, `open_unix_connection`,
    /// `start_unix_server`, `create_subprocess_exec` and `create_subprocess_shell`. Names
    /// resolve through imports (`import asyncio as aio`, `from asyncio import sleep`, also the
    /// submodule spellings `asyncio.locks.Lock`, `asyncio.tasks.gather`, ...).
    ///
    /// ## Why is this bad?
    /// Passing `loop=` was deprecated in 3.8 and is a `TypeError` from 3.10 on: the code does not
    /// run. These APIs use the running loop.
    ///
    /// ## Example
    /// ```python
    /// await asyncio.sleep(1, loop=loop)
    /// lock = asyncio.Lock(loop=loop)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// await asyncio.sleep(1)
    /// lock = asyncio.Lock()
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the argument is removed with the comma that joined it, and the rest of the call is
    /// kept as written. Comments are never removed: when one sits next to that comma (a
    /// multi-line call), only `loop=...` and its own trailing comma go. On 3.10+ the API uses the running loop, the only one it could work with.
    ///
    /// ## When no fix is made
    /// Targets below Python 3.10 are left alone (there `loop=` still selects a loop). A call of a
    /// function that is not one of these asyncio APIs (a user's own function with a `loop`
    /// parameter, `asyncio.ensure_future`, `run_coroutine_threadsafe`, `wrap_future`, which
    /// still take a loop) is never touched. A finding without a fix is reported when the `loop=`
    /// value calls something other than `asyncio.get_event_loop()` / `get_running_loop()` (that
    /// call would no longer run).
    pub struct DropLoopArgument {
        id: "drop-loop-argument",
        summary: "`loop=` passed to asyncio APIs that removed it in 3.10 -> removed",
        min_version: Some(PyVersion::PY310),
        safety: FixSafety::Safe,
    }
}

/// asyncio APIs that dropped `loop=` in 3.10 (also read by `loop-test-case`).
pub(crate) const APIS: &[&str] = &[
    "sleep",
    "gather",
    "wait_for",
    "wait",
    "shield",
    "as_completed",
    "Queue",
    "PriorityQueue",
    "LifoQueue",
    "Lock",
    "Event",
    "Condition",
    "Semaphore",
    "BoundedSemaphore",
    "open_connection",
    "start_server",
    "open_unix_connection",
    "start_unix_server",
    "create_subprocess_exec",
    "create_subprocess_shell",
];

/// Submodules of `asyncio` that define (and re-export) the APIs above.
const SUBMODULES: &[&str] = &["tasks", "locks", "queues", "streams", "subprocess"];

impl Transform for DropLoopArgument {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        let Some(index) = call.arguments.iter_source_order().position(
            |arg| matches!(arg, ast::ArgOrKeyword::Keyword(k) if k.arg.as_deref() == Some("loop")),
        ) else {
            return;
        };
        let Some(api) = asyncio_api(cx, &call.func) else {
            return;
        };
        let message = format!("`asyncio.{api}()` no longer takes `loop=` (removed in Python 3.10)");
        let keyword = call
            .arguments
            .find_keyword("loop")
            .expect("position found a `loop=` keyword");
        if !value_is_droppable(cx, &keyword.value) {
            cx.report(Finding::new(
                Self::INFO.id,
                keyword.range(),
                format!("{message}; no fix: the `loop=` value calls something, which would no longer run"),
            ));
            return;
        }
        let Some(edit) = rewrite::remove_argument(&call.arguments, index) else {
            return;
        };
        // Comments in the text the usual removal takes (the comma that joined the argument
        // and what sits around it) stay: delete only `loop=...` and its own trailing comma.
        let edit = if cx.comments_in(edit.range()).is_empty() {
            edit
        } else {
            Edit::deletion(TextRange::new(
                keyword.start(),
                end_after_comma(cx, keyword.end(), call.arguments.end()),
            ))
        };
        // Names the removed value read (`sys` in `loop=x if sys.version_info < (3, 8) else
        // None`): the engine removes their imports if nothing else uses them.
        let fix = names_in(&keyword.value)
            .into_iter()
            .fold(Fix::safe(vec![edit]), Fix::dropping);
        cx.report(Finding::new(Self::INFO.id, keyword.range(), message).with_fix(fix));
    }
}

/// The names `expr` reads, each once, in source order.
fn names_in(expr: &Expr) -> Vec<String> {
    use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, walk_expr};
    struct Names(Vec<String>);
    impl<'a> SourceOrderVisitor<'a> for Names {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(name) = expr
                && !self.0.iter().any(|n| n == name.id.as_str())
            {
                self.0.push(name.id.to_string());
            }
            walk_expr(self, expr);
        }
    }
    let mut names = Names(Vec::new());
    names.visit_expr(expr);
    names.0
}

/// The API name when `func` is one of the asyncio APIs that dropped `loop=`.
fn asyncio_api(cx: &Checker, func: &Expr) -> Option<String> {
    let qualified = cx.imports().resolve(func)?;
    let name = match qualified.as_slice() {
        [module, name] if module == "asyncio" => name,
        [module, sub, name] if module == "asyncio" && SUBMODULES.contains(&sub.as_str()) => name,
        _ => return None,
    };
    APIS.contains(&name.as_str()).then(|| name.clone())
}

/// Names, attributes, constants, and `asyncio.get_event_loop()` / `get_running_loop()`.
fn value_is_droppable(cx: &Checker, value: &Expr) -> bool {
    let allowed: Vec<_> = calls_in(value)
        .into_iter()
        .filter(|call| {
            call.arguments.is_empty()
                && cx
                    .imports()
                    .matches_any(
                        &call.func,
                        &[
                            &["asyncio", "get_event_loop"],
                            &["asyncio", "get_running_loop"],
                            &["asyncio", "events", "get_event_loop"],
                            &["asyncio", "events", "get_running_loop"],
                        ],
                    )
                    .is_some()
        })
        .map(Ranged::range)
        .collect();
    !rewrite::contains_call_outside(value, &allowed)
}

fn calls_in(expr: &Expr) -> Vec<&ast::ExprCall> {
    use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, walk_expr};
    struct Collect<'a>(Vec<&'a ast::ExprCall>);
    impl<'a> SourceOrderVisitor<'a> for Collect<'a> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Call(call) = expr {
                self.0.push(call);
            }
            walk_expr(self, expr);
        }
    }
    let mut collect = Collect(Vec::new());
    collect.visit_expr(expr);
    collect.0
}

/// After `from`: past the argument's trailing comma and the blanks that follow it on the same
/// line (up to a comment or the next argument), or `from` itself when no comma follows.
fn end_after_comma(cx: &Checker, from: TextSize, to: TextSize) -> TextSize {
    let text = &cx.source()[TextRange::new(from, to)];
    let trimmed = text.trim_start_matches([' ', '\t']);
    if !trimmed.starts_with(',') {
        return from;
    }
    let after_comma = &trimmed[1..];
    let blanks = after_comma.len() - after_comma.trim_start_matches([' ', '\t']).len();
    let consumed = text.len() - trimmed.len() + 1 + blanks;
    from + TextSize::try_from(consumed).unwrap_or_default()
}
