//! `bare-except-in-async`: a bare `except:` / `except BaseException:` in `async def` that does
//! not re-raise.

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::edit::Finding;
use crate::registry::{FixSafety, Transform, TransformInfo};

crate::declare_transform! {
    /// ## What it does
    /// Finds, in `async def`, an `except:` without a class, or one that catches
    /// `BaseException` (alone or in a tuple), whose handler never re-raises, around a `try` body
    /// that can be cancelled (it has an `await`, `async for` or `async with`). A bare `raise`,
    /// or `raise exc` of the name the handler binds (`except BaseException as exc:`), anywhere
    /// in the handler body counts as re-raising.
    ///
    /// ## Why is this bad?
    /// Cancellation is delivered as `asyncio.CancelledError` (a `BaseException` since 3.8),
    /// thrown into the task at its current `await`. A handler that catches everything and goes
    /// on swallows it: `task.cancel()`, `asyncio.timeout()`, `TaskGroup` and shutdown stop
    /// working for that task, which keeps running. It also swallows `KeyboardInterrupt` and
    /// `SystemExit`.
    ///
    /// ## Example
    /// ```python
    /// async def poll():
    ///     try:
    ///         await fetch()
    ///     except:
    ///         log.warning("fetch failed")
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def poll():
    ///     try:
    ///         await fetch()
    ///     except Exception:
    ///         log.warning("fetch failed")
    /// ```
    ///
    /// ## Fix safety
    /// There is no fix: narrowing to `Exception` or adding `raise` changes what the handler
    /// does, and which one is right is the author's call.
    ///
    /// ## When no fix is made
    /// Always. Not reported: handlers that re-raise, handlers in a sync `def` or `lambda` nested
    /// in an `async def` (no cancellation arrives there), handlers of a `try` body that never
    /// suspends (cancellation is only thrown in at an `await`), and `except Exception:`. A `raise`
    /// inside a nested function of the handler does not count; `raise Other() from exc`
    /// replaces the exception, so it does not count either.
    pub struct BareExceptInAsync {
        id: "bare-except-in-async",
        summary: "bare `except:` / `except BaseException:` in `async def` that does not re-raise",
        min_version: None,
        safety: FixSafety::None,
    }
}

impl Transform for BareExceptInAsync {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::STMT
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::Try(stmt_try) = stmt else { return };
        if !cx.in_async() || !suspends(&stmt_try.body) {
            return;
        }
        for handler in &stmt_try.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            let shown = match handler.type_.as_deref() {
                None => "except:",
                Some(class) if catches_base_exception(cx, class) => "except BaseException:",
                Some(_) => continue,
            };
            let bound = handler.name.as_ref().map(|n| n.as_str());
            if reraises(&handler.body, bound) {
                continue;
            }
            let end = handler
                .type_
                .as_deref()
                .map_or(handler.start() + TextSize::from(6), Ranged::end);
            let message = format!(
                "`{shown}` in `async def` does not re-raise: it swallows cancellation \
                 (`asyncio.CancelledError`); catch `Exception` or re-raise"
            );
            cx.report(Finding::new(
                Self::INFO.id,
                TextRange::new(handler.start(), end),
                message,
            ));
        }
    }
}

/// `BaseException` (the builtin, or `builtins.BaseException`), or a tuple holding it.
fn catches_base_exception(cx: &Checker, class: &Expr) -> bool {
    match class {
        Expr::Tuple(tuple) => tuple.iter().any(|e| catches_base_exception(cx, e)),
        Expr::Name(name) => name.id.as_str() == "BaseException" && cx.builtin(class).is_some(),
        _ => cx.imports().matches(class, &["builtins", "BaseException"]),
    }
}

/// Can `body` be interrupted by a cancellation: does it `await`, `async for` or `async with`
/// (outside nested functions, classes and lambdas)? Cancellation is only thrown in at a
/// suspension point.
fn suspends(body: &[Stmt]) -> bool {
    struct Finder(bool);
    impl<'a> SourceOrderVisitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                _ if self.0 => {}
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::For(ast::StmtFor { is_async: true, .. })
                | Stmt::With(ast::StmtWith { is_async: true, .. }) => self.0 = true,
                _ => source_order::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                _ if self.0 => {}
                Expr::Lambda(_) => {}
                Expr::Await(_) => self.0 = true,
                _ => source_order::walk_expr(self, expr),
            }
        }
        fn visit_comprehension(&mut self, comprehension: &'a ast::Comprehension) {
            if comprehension.is_async {
                self.0 = true;
            }
            source_order::walk_comprehension(self, comprehension);
        }
    }
    let mut finder = Finder(false);
    finder.visit_body(body);
    finder.0
}

/// Does `body` contain a bare `raise`, or `raise <bound>` (outside nested functions/classes)?
fn reraises(body: &[Stmt], bound: Option<&str>) -> bool {
    let mut finder = RaiseFinder {
        bound,
        found: false,
    };
    finder.visit_body(body);
    finder.found
}

struct RaiseFinder<'b> {
    bound: Option<&'b str>,
    found: bool,
}

impl<'a> SourceOrderVisitor<'a> for RaiseFinder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Raise(raise) => {
                let reraise = match raise.exc.as_deref() {
                    None => true,
                    // `raise exc from cause` still raises `exc`.
                    Some(Expr::Name(name)) => self.bound == Some(name.id.as_str()),
                    Some(_) => false,
                };
                self.found |= reraise;
            }
            _ => source_order::walk_stmt(self, stmt),
        }
    }
}
