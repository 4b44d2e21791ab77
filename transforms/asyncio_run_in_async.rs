//! `asyncio-run-in-async`: `asyncio.run(x)` inside `async def` (a RuntimeError) → `await x`.

use ruff_python_ast::name::UnqualifiedName;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::rewrite;

crate::declare_transform! {
    /// ## What it does
    /// Finds `asyncio.run(x)` inside `async def` and replaces it with `await x`.
    ///
    /// ## Why is this bad?
    /// `asyncio.run()` starts a new event loop, and a thread can run only one: called while a
    /// loop runs (as it always is inside a coroutine), it raises
    /// `RuntimeError: asyncio.run() cannot be called from a running event loop`, and the
    /// coroutine `x` is never run ("coroutine was never awaited"). Awaiting `x` runs it on the
    /// loop that is already running.
    ///
    /// ## Example
    /// ```python
    /// async def main():
    ///     data = asyncio.run(fetch())
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def main():
    ///     data = await fetch()
    /// ```
    ///
    /// The operand is parenthesised where `await` needs it (`asyncio.run(a if c else b)` →
    /// `await (a if c else b)`), and so is the `await` where the result is used as a primary
    /// (`asyncio.run(f()).value` → `(await f()).value`).
    ///
    /// ## Fix safety
    /// Safe: the original call could only raise `RuntimeError`; the rewrite does what was meant.
    /// An import the rewrite leaves unused (`from asyncio import run`) is removed.
    ///
    /// ## When no fix is made
    /// Only the innermost function counts: a nested `def` or `lambda` inside an `async def` is
    /// sync code (it may run in a thread with no loop, where `asyncio.run` is right) and is not
    /// reported. A finding without a fix is reported when the call sits in the body of a
    /// `try:` whose handler catches `RuntimeError` (a deliberate fallback for "already in a
    /// loop"; also `except Exception`, `except BaseException` and a bare `except:`), when it is
    /// in a generator expression (an `await` there would make it an async generator), and when
    /// the arguments are not one positional coroutine (`debug=` has no `await` equivalent).
    pub struct AsyncioRunInAsync {
        id: "asyncio-run-in-async",
        summary: "`asyncio.run(x)` inside `async def` -> `await x`",
        min_version: None,
        safety: FixSafety::Safe,
    }
}

const MESSAGE: &str = "`asyncio.run()` inside `async def` raises `RuntimeError`; use `await`";

impl Transform for AsyncioRunInAsync {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !cx.in_async() || !cx.imports().matches(&call.func, &["asyncio", "run"]) {
            return;
        }
        match build(cx, call) {
            Ok(fix) => cx.report(Finding::new(Self::INFO.id, call.range(), MESSAGE).with_fix(fix)),
            Err(reason) => cx.report(Finding::new(
                Self::INFO.id,
                call.range(),
                format!("{MESSAGE}; no fix: {reason}"),
            )),
        }
    }
}

fn build(cx: &Checker, call: &ast::ExprCall) -> Result<Fix, String> {
    if in_runtime_error_fallback(cx, call.range()) {
        return Err(
            "it sits in a `try` (or a `contextlib.suppress` block) that catches `RuntimeError` (a fallback for a running loop)"
                .into(),
        );
    }
    if cx
        .expression_parents()
        .iter()
        .any(|p| matches!(p, Expr::Generator(_)))
    {
        return Err(
            "it is in a generator expression, which `await` would make asynchronous".into(),
        );
    }
    let [operand] = &*call.arguments.args else {
        return Err("the arguments are not one positional coroutine".into());
    };
    if !call.arguments.keywords.is_empty() || operand.is_starred_expr() {
        return Err(
            "the arguments are not one positional coroutine (`debug=` has no equivalent)".into(),
        );
    }
    let (open, close) = if rewrite::needs_parens_after_await(operand) {
        ("await (", ")")
    } else {
        ("await ", "")
    };
    let used_as_primary = match cx.expression_parents().last() {
        Some(Expr::Attribute(attr)) => attr.value.range() == call.range(),
        Some(Expr::Subscript(sub)) => sub.value.range() == call.range(),
        Some(Expr::Call(outer)) => outer.func.range() == call.range(),
        Some(Expr::Await(_)) => true,
        _ => false,
    };
    let (open, close) = if used_as_primary {
        (format!("({open}"), format!("{close})"))
    } else {
        (open.to_string(), close.to_string())
    };
    let mut edits = vec![Edit::replacement(
        open,
        TextRange::new(call.start(), operand.start()),
    )];
    edits.push(Edit::replacement(
        close,
        TextRange::new(operand.end(), call.end()),
    ));
    if !cx.comments_in(call.range()).is_empty() {
        return Err("the call holds comments".into());
    }
    let mut fix = Fix::safe(edits);
    if let Some(root) = UnqualifiedName::from_expr(&call.func)
        .and_then(|name| name.segments().first().map(|s| s.to_string()))
    {
        fix = fix.dropping(root);
    }
    Ok(fix)
}

/// Is `range` in the body of a `try` (inside the current function) with a handler that catches
/// `RuntimeError`, or in a `with contextlib.suppress(...)` block that suppresses it?
fn in_runtime_error_fallback(cx: &Checker, range: TextRange) -> bool {
    crate::analysis::catchers_around(cx, range)
        .into_iter()
        .any(|catcher| catches_runtime_error(cx, catcher))
}

fn catches_runtime_error(cx: &Checker, type_: Option<&Expr>) -> bool {
    let Some(type_) = type_ else { return true };
    match type_ {
        Expr::Tuple(tuple) => tuple.iter().any(|e| catches_runtime_error(cx, Some(e))),
        other => {
            matches!(
                cx.builtin(other),
                Some("RuntimeError" | "Exception" | "BaseException")
            ) || !matches!(other, Expr::Name(_) | Expr::Attribute(_))
        }
    }
}
