//! `gather-exceptions-unchecked`: `gather(..., return_exceptions=True)` whose results are
//! discarded or never tested for exceptions.

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use crate::checker::Checker;
use crate::edit::Finding;
use crate::registry::{FixSafety, Transform, TransformInfo};

crate::declare_transform! {
    /// ## What it does
    /// Finds `asyncio.gather(..., return_exceptions=True)` whose result is discarded (the
    /// awaited call is a bare statement, or assigned to `_`), or whose function (the module,
    /// at top level) never tests a value with `isinstance(x, BaseException)` /
    /// `isinstance(x, Exception)` (alone or in a tuple).
    ///
    /// ## Why is this bad?
    /// With `return_exceptions=True`, `gather` does not raise: a failed awaitable's exception
    /// becomes an element of the result list. Code that drops the list, or uses the elements as
    /// if they were all results, loses every error silently.
    ///
    /// ## Example
    /// ```python
    /// await asyncio.gather(*jobs, return_exceptions=True)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// results = await asyncio.gather(*jobs, return_exceptions=True)
    /// for result in results:
    ///     if isinstance(result, Exception):
    ///         log.error("job failed", exc_info=result)
    /// ```
    /// or drop `return_exceptions` and let the first error propagate.
    ///
    /// ## Fix safety
    /// There is no fix: how to handle the errors (log, retry, re-raise) is the author's call.
    ///
    /// ## When no fix is made
    /// Always. Only a literal `return_exceptions=True` is reported (a variable may be `False`).
    /// A result that leaves the function (`return await gather(...)`) is still reported when
    /// the function itself tests nothing: the message asks to handle the errors where they are
    /// collected. Any `isinstance(..., BaseException)` or `isinstance(..., Exception)` in the
    /// same function counts as handling, whatever value it tests.
    pub struct GatherExceptionsUnchecked {
        id: "gather-exceptions-unchecked",
        summary: "`gather(..., return_exceptions=True)` whose results are discarded or never checked",
        min_version: None,
        safety: FixSafety::None,
    }
}

const HANDLE: &str = "handle them (`isinstance(r, Exception)`) or drop `return_exceptions`";

impl Transform for GatherExceptionsUnchecked {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !cx.imports().matches(&call.func, &["asyncio", "gather"]) {
            return;
        }
        let returns_exceptions = call
            .arguments
            .find_keyword("return_exceptions")
            .is_some_and(|k| {
                matches!(
                    k.value,
                    Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: true, .. })
                )
            });
        if !returns_exceptions {
            return;
        }
        let message = if result_discarded(cx, call) {
            format!(
                "The result of `gather(..., return_exceptions=True)` is discarded: exceptions are \
                 returned as values and are lost; {HANDLE}"
            )
        } else if scope_tests_exceptions(cx) {
            return;
        } else {
            format!(
                "The results of `gather(..., return_exceptions=True)` are never tested with \
                 `isinstance(..., Exception)` in this function: exceptions are returned as values; {HANDLE}"
            )
        };
        cx.report(Finding::new(Self::INFO.id, call.range(), message));
    }
}

/// Is the (possibly awaited) call a bare statement, or assigned to `_` only?
fn result_discarded(cx: &Checker, call: &ast::ExprCall) -> bool {
    let value = match cx.current_statement() {
        Some(Stmt::Expr(stmt)) => &*stmt.value,
        Some(Stmt::Assign(stmt))
            if stmt
                .targets
                .iter()
                .all(|t| matches!(t, Expr::Name(n) if n.id.as_str() == "_")) =>
        {
            &*stmt.value
        }
        _ => return false,
    };
    let value = match value {
        Expr::Await(await_expr) => &*await_expr.value,
        other => other,
    };
    value.range() == call.range()
}

/// Does the current function (with its nested functions) or, at top level, the module (outside
/// its functions and classes) call `isinstance(_, BaseException | Exception | (..., Exception,
/// ...))` anywhere?
fn scope_tests_exceptions(cx: &Checker) -> bool {
    let mut finder = IsinstanceFinder {
        cx,
        at_module: cx.current_function().is_none(),
        found: false,
    };
    match cx.current_function() {
        Some(func) => finder.visit_body(&func.body),
        None => finder.visit_body(cx.suite()),
    }
    finder.found
}

struct IsinstanceFinder<'c, 'a> {
    cx: &'c Checker<'a>,
    /// At module level, the bodies of functions and classes are other scopes.
    at_module: bool,
    found: bool,
}

impl<'a> SourceOrderVisitor<'a> for IsinstanceFinder<'_, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.at_module && matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            return;
        }
        source_order::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found {
            return;
        }
        if let Expr::Call(call) = expr
            && matches!(&*call.func, Expr::Name(name) if name.id.as_str() == "isinstance")
            && self.cx.builtin(&call.func).is_some()
            && let Some(class) = call.arguments.find_positional(1)
            && names_exception_base(class)
        {
            self.found = true;
            return;
        }
        source_order::walk_expr(self, expr);
    }
}

fn names_exception_base(expr: &Expr) -> bool {
    match expr {
        Expr::Name(name) => matches!(name.id.as_str(), "BaseException" | "Exception"),
        Expr::Tuple(tuple) => tuple.iter().any(names_exception_base),
        _ => false,
    }
}
