//! `wait-for-to-timeout`: `await asyncio.wait_for(aw, t)` → `async with asyncio.timeout(t): await aw`.

use ruff_python_ast::token::parenthesized_range;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
use crate::{importer, rewrite};

crate::declare_transform! {
    /// ## What it does
    /// Finds `await asyncio.wait_for(aw, timeout)` in `async def` and moves the statement into an
    /// `async with asyncio.timeout(timeout):` block, awaiting `aw` directly.
    ///
    /// ## Why is this bad?
    /// `asyncio.timeout()` (Python 3.11+) is the structured way to bound a wait: it scopes the
    /// deadline to a block, can be rescheduled, and does not wrap the awaitable in an extra task.
    /// The asyncio documentation recommends it over `wait_for`.
    ///
    /// ## Example
    /// ```python
    /// result = await asyncio.wait_for(fetch(url), timeout=5)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async with asyncio.timeout(5):
    ///     result = await fetch(url)
    /// ```
    ///
    /// ## Shapes
    /// Expression statements, assignments (plain, annotated, augmented) and `return`: the whole
    /// statement moves into the block, re-indented with the file's indent unit; comments that
    /// sat inside the removed call are kept as comment lines at the top of the block. The
    /// timeout may be positional or `timeout=`; `timeout=None` stays `asyncio.timeout(None)`.
    ///
    /// ## Fix safety
    /// Safe when the statement awaits nothing else and calls nothing outside the awaitable.
    /// Unsafe when another `await` or a call moves under the timeout (it now counts against the
    /// deadline, and the timeout is evaluated before it), or when the timeout expression calls
    /// something (it is now evaluated before the awaitable's arguments).
    ///
    /// Known differences, even for a safe fix:
    /// - `wait_for` ran a coroutine in its own task, so context variables it set were not visible
    ///   to the caller; after the rewrite they are.
    /// - On 3.11, `wait_for(x, 0)` times out at once; `timeout(0)` lets an awaitable that never
    ///   suspends finish.
    ///
    /// ## When no fix is made
    /// Targets below Python 3.11 and code under `if sys.version_info < (3, 11):` are left alone.
    /// A finding without a fix is reported when the statement shares its line with other code,
    /// when the call sits in an `if`/`while`/`for`/`with` header or a comprehension, when the
    /// arguments are not `(aw, timeout)`, or when the name `asyncio` is taken. Also when the
    /// statement yields (an async generator's consumer would run under the deadline), when the
    /// call runs only on some paths (after `and`/`or`, in a branch of a conditional expression,
    /// an `assert` message, a chained comparison) and the timeout is not a plain number or
    /// `None` (it would now be evaluated on every path), and when the timeout reads a name the
    /// statement assigns with `:=` (it would be read before the assignment). A `wait_for` that
    /// is not awaited directly (passed to `gather`, `create_task`) is not a finding.
    pub struct WaitForToTimeout {
        id: "wait-for-to-timeout",
        summary: "`await asyncio.wait_for(aw, t)` -> `async with asyncio.timeout(t): await aw`",
        min_version: Some(PyVersion::PY311),
        safety: FixSafety::Sometimes,
    }
}

const MESSAGE: &str = "Use `asyncio.timeout()` instead of `asyncio.wait_for()`";

impl Transform for WaitForToTimeout {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Await(await_expr) = expr else { return };
        let Expr::Call(call) = &*await_expr.value else { return };
        if !cx.in_async() || !cx.imports().matches(&call.func, &["asyncio", "wait_for"]) {
            return;
        }
        let Some((awaitable, timeout)) = split_arguments(&call.arguments) else {
            if call.arguments.find_argument("timeout", 1).is_some() {
                refuse(cx, call, "the arguments are not `(awaitable, timeout)`");
            }
            return;
        };
        let Some(stmt) = cx.current_statement() else { return };
        if in_comprehension(cx) {
            return refuse(cx, call, "the call is inside a comprehension (one timeout would cover every iteration)");
        }
        if let Err(reason) = rewrite::check_hoistable(cx, stmt) {
            return refuse(cx, call, &reason);
        }
        let others = rewrite::statement_expressions(stmt);
        if others.iter().any(|e| rewrite::contains_yield(e)) {
            return refuse(cx, call, "the statement yields: the consumer would run inside the timeout block");
        }
        if !is_literal(timeout) && rewrite::in_conditional_or_deferred_context(cx, await_expr.range()) {
            return refuse(
                cx,
                call,
                "the call runs only on some paths, but the timeout would be evaluated on all of them",
            );
        }
        let assigned: Vec<String> = others.iter().flat_map(|e| rewrite::walrus_targets(e)).collect();
        if let Some(name) = rewrite::names_in(timeout).into_iter().find(|n| assigned.contains(n)) {
            let reason = format!("the timeout reads `{name}`, which the statement assigns with `:=` before the call");
            return refuse(cx, call, &reason);
        }
        let spelled = match importer::spell(cx, "asyncio", "timeout") {
            Ok(spelled) => spelled,
            Err(reason) => return refuse(cx, call, &reason),
        };

        let source = cx.source();
        let tokens = cx.tokens();
        let arguments = (&call.arguments).into();
        let aw_range = parenthesized_range(awaitable.into(), arguments, tokens).unwrap_or(awaitable.range());
        let timeout_range = parenthesized_range(timeout.into(), arguments, tokens).unwrap_or(timeout.range());
        let parens = aw_range == awaitable.range() && rewrite::needs_parens_after_await(awaitable);
        let prefix = TextRange::new(call.start(), aw_range.start());
        let suffix = TextRange::new(aw_range.end(), call.end());
        let inner = vec![
            Edit::replacement(if parens { "(" } else { "" }, prefix),
            Edit::replacement(if parens { ")" } else { "" }, suffix),
        ];
        let displaced: Vec<&str> = [prefix, suffix]
            .iter()
            .flat_map(|range| cx.comments_in(*range).iter())
            .filter(|comment| !timeout_range.contains_range(**comment))
            .map(|comment| &source[*comment])
            .collect();
        let header = format!("async with {}({})", spelled.name, &source[timeout_range]);
        let mut edits = rewrite::wrap_in_block(cx, stmt, &header, &displaced, inner);
        edits.extend(spelled.edit);

        let mut risks = Vec::new();
        if others.iter().any(|e| rewrite::contains_await(e, Some(await_expr.range()))) {
            risks.push("another `await` in the statement now runs under the timeout");
        }
        if others.iter().any(|e| rewrite::contains_call_outside(e, &[call.range()])) {
            risks.push("a call outside the awaitable now runs under the timeout, after the timeout is evaluated");
        }
        if rewrite::contains_call_outside(timeout, &[]) {
            risks.push("the timeout expression is now evaluated before the awaitable");
        }
        let context_note = "`wait_for` ran a coroutine in its own task: context variables it sets are now visible to the caller";
        let fix = if risks.is_empty() {
            Fix::safe(edits).with_note(context_note)
        } else {
            Fix::unsafe_(edits).with_note(format!("{}; {context_note}", risks.join("; ")))
        };
        let fix = match cx.imports().from_imported_name(&call.func) {
            Some(local) => fix.dropping(local),
            None => fix,
        };
        cx.report(Finding::new(Self::INFO.id, call.range(), MESSAGE).with_fix(fix));
    }
}

/// `(aw, t)`, `(aw, timeout=t)` or `(fut=aw, timeout=t)`; nothing else.
fn split_arguments(arguments: &ast::Arguments) -> Option<(&Expr, &Expr)> {
    if arguments.len() != 2 || arguments.args.iter().any(Expr::is_starred_expr) {
        return None;
    }
    if arguments.keywords.iter().any(|k| !matches!(k.arg.as_deref(), Some("fut" | "timeout"))) {
        return None;
    }
    let awaitable = arguments.find_argument_value("fut", 0)?;
    let timeout = arguments.find_argument_value("timeout", 1)?;
    Some((awaitable, timeout))
}

/// A number or `None`: evaluating it has no effect and cannot fail.
fn is_literal(expr: &Expr) -> bool {
    matches!(expr, Expr::NumberLiteral(_) | Expr::NoneLiteral(_))
        || matches!(expr, Expr::UnaryOp(op) if matches!(&*op.operand, Expr::NumberLiteral(_)))
}

fn in_comprehension(cx: &Checker) -> bool {
    cx.expression_parents()
        .iter()
        .any(|p| matches!(p, Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_)))
}

fn refuse(cx: &mut Checker, call: &ast::ExprCall, reason: &str) {
    cx.report(Finding::new(WaitForToTimeout::INFO.id, call.range(), format!("{MESSAGE}; no fix: {reason}")));
}
