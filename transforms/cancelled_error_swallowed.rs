//! `cancelled-error-swallowed`: an `except asyncio.CancelledError` in async code that can finish
//! without re-raising → re-raise the task's own cancellation.

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, ExceptHandler, Expr, Stmt};
use ruff_python_trivia::has_leading_content;
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::analysis::bodies_of;
use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
use crate::{importer, rewrite};

crate::declare_transform! {
    /// ## What it does
    /// Finds an `except` clause in `async def` that catches `asyncio.CancelledError` (alone or
    /// in a tuple) and can finish without raising, and appends a re-raise:
    /// `if asyncio.current_task().cancelling(): raise` on Python 3.11+, a plain `raise` below.
    ///
    /// ## Why is this bad?
    /// Cancellation is how asyncio stops a task: `task.cancel()`, `asyncio.timeout()`,
    /// `TaskGroup` and `asyncio.run` all rely on the `CancelledError` reaching the top of the
    /// task. A handler that swallows it keeps the task running after it was told to stop: a
    /// timeout never fires, a shutdown hangs.
    ///
    /// ## Example
    /// ```python
    /// try:
    ///     await work()
    /// except asyncio.CancelledError:
    ///     log.info("cancelled")
    /// ```
    ///
    /// Use instead (3.11+):
    /// ```python
    /// try:
    ///     await work()
    /// except asyncio.CancelledError:
    ///     log.info("cancelled")
    ///     if asyncio.current_task().cancelling():
    ///         raise
    /// ```
    ///
    /// ## Shapes
    /// `cancelling()` counts the cancellation requests of the current task that were not
    /// withdrawn with `uncancel()`. When this task was cancelled (also by `asyncio.timeout()` or
    /// a `TaskGroup`) and the handler received that cancellation, it is at least 1, and the
    /// handler re-raises. When the `CancelledError` came from awaiting another task or future
    /// that was cancelled, it is 0 and the handler still swallows it, as before. For a tuple
    /// (`except (asyncio.CancelledError, OSError) as exc:`) the re-raise is limited to
    /// `isinstance(exc, asyncio.CancelledError)`, adding `as <fresh name>` when the clause has
    /// no name. A lone `pass` is replaced by the re-raise; a handler on the `except` line
    /// (`except CancelledError: pass`) becomes a block.
    ///
    /// ## Fix safety
    /// Unsafe: the code after the `try` no longer runs when the task is cancelled, and an
    /// enclosing `asyncio.timeout()` or `TaskGroup` now sees the cancellation (a timeout the
    /// handler swallowed now raises `TimeoutError`, and a `wait_for` whose task swallowed the
    /// cancellation now raises `TimeoutError` instead of returning). `cancelling()` stays above 0 after a
    /// cancellation that some other handler swallowed, so a later foreign `CancelledError` is
    /// then re-raised too. Below 3.11 (no `cancelling()`), the plain `raise` also re-raises a
    /// `CancelledError` that came from an awaited task or future cancelled by someone else.
    /// `current_task()` must be an asyncio task (it is, under `asyncio.run` and in tasks).
    ///
    /// ## When no fix is made
    /// - The handler leaves with `return`, `break` or `continue` (reported: the re-raise would
    ///   not run on that path, and where it would, the decision is the author's).
    /// - A tuple that is not parenthesised.
    ///
    /// Not a finding: a handler that always raises (`raise`, `raise exc`, or another exception
    /// on every path); a handler that re-raises what it caught (`raise` / `raise exc`) on some
    /// path, as in `if asyncio.current_task().cancelling(): raise` (the author decided when to
    /// swallow); code outside `async def`; `except*`; and the cancel-and-wait idiom,
    /// `t.cancel()` earlier in the block, then `try: await t` / `except CancelledError: pass`,
    /// where swallowing the cancellation of `t` is the point.
    pub struct CancelledErrorSwallowed {
        id: "cancelled-error-swallowed",
        summary: "`except CancelledError` that does not re-raise -> re-raise",
        min_version: None,
        safety: FixSafety::Unsafe,
    }
}

const MESSAGE: &str = "`except CancelledError` swallows the cancellation: the task keeps running after it was cancelled";
const NOTE_311: &str = "the handler now re-raises when this task itself was cancelled (`cancelling()` > 0): code after the `try` no longer runs then, and an enclosing `asyncio.timeout()`/TaskGroup now sees the cancellation (a swallowed timeout now raises TimeoutError); a CancelledError from another cancelled task or future is still swallowed";
const NOTE_OLD: &str = "the handler now re-raises every CancelledError: code after the `try` no longer runs, also when the error came from another task or future that was cancelled (not this task)";

impl Transform for CancelledErrorSwallowed {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::Try(try_stmt) = stmt else { return };
        if try_stmt.is_star || !cx.in_async() {
            return;
        }
        for handler in &try_stmt.handlers {
            let ExceptHandler::ExceptHandler(handler) = handler;
            let Some(caught) = catches_cancelled(cx, handler) else {
                continue;
            };
            if always_raises(&handler.body) || reraises(handler) || is_cancel_and_wait(cx, try_stmt)
            {
                continue;
            }
            let outcome = match escape(&handler.body, false) {
                Some(keyword) => Err(format!("the handler leaves with `{keyword}`")),
                None => plan(cx, handler, &caught),
            };
            let finding = match outcome {
                Ok(fix) => {
                    Finding::new(Self::INFO.id, handler_head(handler), MESSAGE).with_fix(fix)
                }
                Err(reason) => Finding::new(
                    Self::INFO.id,
                    handler_head(handler),
                    format!("{MESSAGE}; no fix: {reason}"),
                ),
            };
            cx.report(finding);
        }
    }
}

/// The `except ...` part of a handler (the finding's range): up to the end of its type.
fn handler_head(handler: &ast::ExceptHandlerExceptHandler) -> TextRange {
    TextRange::new(
        handler.start(),
        handler.type_.as_ref().map_or(handler.start(), |t| t.end()),
    )
}

/// How the handler names `CancelledError`.
enum Caught<'a> {
    /// `except asyncio.CancelledError:`
    Alone,
    /// `except (asyncio.CancelledError, X):` — the element that names it.
    InTuple(&'a Expr),
}

fn is_cancelled_error(cx: &Checker, expr: &Expr) -> bool {
    cx.imports()
        .matches_any(
            expr,
            &[
                &["asyncio", "CancelledError"],
                &["asyncio", "exceptions", "CancelledError"],
            ],
        )
        .is_some()
}

fn catches_cancelled<'a>(
    cx: &Checker,
    handler: &'a ast::ExceptHandlerExceptHandler,
) -> Option<Caught<'a>> {
    let type_ = handler.type_.as_deref()?;
    if is_cancelled_error(cx, type_) {
        return Some(Caught::Alone);
    }
    let Expr::Tuple(tuple) = type_ else {
        return None;
    };
    tuple
        .iter()
        .find(|e| is_cancelled_error(cx, e))
        .map(Caught::InTuple)
}

/// Does the handler re-raise what it caught somewhere (`raise`, `raise exc`), even under a
/// condition (`if asyncio.current_task().cancelling(): raise`)? Then the author decided.
fn reraises(handler: &ast::ExceptHandlerExceptHandler) -> bool {
    fn visit(body: &[Stmt], name: Option<&str>) -> bool {
        body.iter().any(|stmt| match stmt {
            Stmt::Raise(raise) => match raise.exc.as_deref() {
                None => true,
                Some(Expr::Name(n)) => Some(n.id.as_str()) == name,
                Some(_) => false,
            },
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => false,
            _ => bodies_of(stmt).iter().any(|inner| visit(inner, name)),
        })
    }
    visit(&handler.body, handler.name.as_deref())
}

/// Does every path through `body` end in a `raise`?
fn always_raises(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match stmt {
        Stmt::Raise(_) => true,
        Stmt::If(stmt_if) => {
            always_raises(&stmt_if.body)
                && stmt_if
                    .elif_else_clauses
                    .last()
                    .is_some_and(|c| c.test.is_none())
                && stmt_if
                    .elif_else_clauses
                    .iter()
                    .all(|c| always_raises(&c.body))
        }
        Stmt::With(with) => always_raises(&with.body),
        Stmt::Try(inner) => {
            always_raises(&inner.finalbody)
                || ((if inner.orelse.is_empty() {
                    always_raises(&inner.body)
                } else {
                    always_raises(&inner.orelse)
                }) && inner.handlers.iter().all(|h| {
                    let ExceptHandler::ExceptHandler(h) = h;
                    always_raises(&h.body)
                }))
        }
        _ => false,
    })
}

/// A `return`, `break` or `continue` that leaves the handler (not one inside a loop or a
/// function nested in it).
fn escape(body: &[Stmt], in_loop: bool) -> Option<&'static str> {
    body.iter().find_map(|stmt| match stmt {
        Stmt::Return(_) => Some("return"),
        Stmt::Break(_) if !in_loop => Some("break"),
        Stmt::Continue(_) if !in_loop => Some("continue"),
        Stmt::For(s) => escape(&s.body, true).or_else(|| escape(&s.orelse, in_loop)),
        Stmt::While(s) => escape(&s.body, true).or_else(|| escape(&s.orelse, in_loop)),
        Stmt::If(s) => escape(&s.body, in_loop).or_else(|| {
            s.elif_else_clauses
                .iter()
                .find_map(|c| escape(&c.body, in_loop))
        }),
        Stmt::With(s) => escape(&s.body, in_loop),
        Stmt::Try(s) => escape(&s.body, in_loop)
            .or_else(|| {
                s.handlers.iter().find_map(|h| {
                    let ExceptHandler::ExceptHandler(h) = h;
                    escape(&h.body, in_loop)
                })
            })
            .or_else(|| escape(&s.orelse, in_loop))
            .or_else(|| escape(&s.finalbody, in_loop)),
        Stmt::Match(s) => s.cases.iter().find_map(|c| escape(&c.body, in_loop)),
        _ => None,
    })
}

/// `t.cancel()` earlier in the same block, then `try: await t` (or `x = await t`).
fn is_cancel_and_wait(cx: &Checker, try_stmt: &ast::StmtTry) -> bool {
    let [only] = &try_stmt.body[..] else {
        return false;
    };
    let awaited = match only {
        Stmt::Expr(e) => &*e.value,
        Stmt::Assign(a) => &*a.value,
        _ => return false,
    };
    let Expr::Await(await_expr) = awaited else {
        return false;
    };
    if !matches!(&*await_expr.value, Expr::Name(_) | Expr::Attribute(_)) {
        return false;
    }
    let target = cx.slice(&*await_expr.value);
    let Some(siblings) = containing_body(cx, try_stmt.range()) else {
        return false;
    };
    struct CancelFinder<'s> {
        source: &'s str,
        target: &'s str,
        found: bool,
    }
    impl<'a> SourceOrderVisitor<'a> for CancelFinder<'_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Call(call) = expr
                && let Expr::Attribute(attr) = &*call.func
                && attr.attr.as_str() == "cancel"
                && &self.source[attr.value.range()] == self.target
            {
                self.found = true;
            }
            source_order::walk_expr(self, expr);
        }
    }
    let mut finder = CancelFinder {
        source: cx.source(),
        target,
        found: false,
    };
    for stmt in siblings.iter().take_while(|s| s.start() < try_stmt.start()) {
        finder.visit_stmt(stmt);
    }
    finder.found
}

/// The block (statement list) that holds the statement at `range`, looked up from the
/// enclosing statement the checker is in.
fn containing_body<'a>(cx: &Checker<'a>, range: TextRange) -> Option<&'a [Stmt]> {
    let statements = cx.statements();
    let parent = statements
        .iter()
        .rev()
        .find(|s| s.range() != range && s.range().contains_range(range));
    let bodies: Vec<&'a [Stmt]> = match parent {
        None => vec![cx.suite()],
        Some(parent) => bodies_of(parent),
    };
    bodies
        .into_iter()
        .find(|body| body.iter().any(|s| s.range() == range))
}


fn plan(
    cx: &Checker,
    handler: &ast::ExceptHandlerExceptHandler,
    caught: &Caught,
) -> Result<Fix, String> {
    let modern = cx.version_range().allows(cx.target(), PyVersion::PY311);
    let source = cx.source();
    let mut edits = Vec::new();
    let condition_parts: Vec<String> = {
        let mut parts = Vec::new();
        if let Caught::InTuple(element) = caught {
            let type_ = handler.type_.as_deref().expect("a tuple was caught");
            if !matches!(type_, Expr::Tuple(t) if t.parenthesized) {
                return Err("the exception tuple is not parenthesised".into());
            }
            let name = match &handler.name {
                Some(name) => name.to_string(),
                None => {
                    let name = cx.fresh_name("exc", &[]);
                    edits.push(Edit::insertion(format!(" as {name}"), type_.end()));
                    name
                }
            };
            parts.push(format!("isinstance({name}, {})", cx.slice(*element)));
        }
        if modern {
            let current = importer::spell(cx, "asyncio", "current_task")?;
            edits.extend(current.edit);
            parts.push(format!("{}().cancelling()", current.name));
        }
        parts
    };
    let reraise = if condition_parts.is_empty() {
        "raise".to_string()
    } else {
        format!("if {}: raise", condition_parts.join(" and "))
    };
    let first = handler.body.first().ok_or("the handler has no body")?;
    let last = handler.body.last().ok_or("the handler has no body")?;
    let nl = cx.line_ending();
    let only_pass = matches!(&handler.body[..], [Stmt::Pass(_)]);
    if has_leading_content(first.start(), source) {
        // `except CancelledError: pass` → a block under the `except` line.
        let indent = rewrite::indentation(cx, handler);
        let unit = cx.indent_unit();
        let start =
            TextSize::of(source[..usize::from(first.start())].trim_end_matches([' ', '\t']));
        let kept = if only_pass {
            String::new()
        } else {
            format!(
                "{nl}{indent}{unit}{}",
                &source[TextRange::new(first.start(), last.end())]
            )
        };
        edits.push(Edit::replacement(
            format!("{kept}{nl}{indent}{unit}{reraise}"),
            TextRange::new(start, last.end()),
        ));
    } else if only_pass {
        // A lone `pass` is replaced by the re-raise.
        edits.push(Edit::replacement(reraise, first.range()));
    } else {
        let indent = rewrite::indentation(cx, first);
        edits.push(Edit::insertion(
            format!("{nl}{indent}{reraise}"),
            source.line_end(last.end()),
        ));
    }
    Ok(Fix::unsafe_(edits).with_note(if modern { NOTE_311 } else { NOTE_OLD }))
}
