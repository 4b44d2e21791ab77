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
    /// Unsafe: whoever awaits the task (the canceller too, as in `t.cancel(); await t`) now
    /// gets `CancelledError` where it got the task's result, and an
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
    /// - The `try` awaits `asyncio.shield(...)`: the handler may catch the task's own
    ///   cancellation on purpose, to let the shielded work finish (re-raising would stop it).
    /// - Code runs after the `try` in the function (a statement after it in its block or after
    ///   an enclosing block; the next iteration of an enclosing loop does not count) and the
    ///   re-raise cannot be deferred past it: the `try` is nested in a block, or that code
    ///   leaves with `return`/`break`/`continue` or yields. Where the `try` stands directly in
    ///   the function's body, the handler keeps the error in a fresh name (`cancelled = None`
    ///   before the `try`) and the function raises it after that code (before a final
    ///   `return` of a plain value), so cleanup written after the `try` still runs.
    ///
    /// The re-raise is written on two lines (`if ...:` / `raise`), never on one.
    ///
    /// Not a finding: a handler that always raises (`raise`, `raise exc`, or another exception
    /// on every path); a handler that re-raises what it caught (`raise` / `raise exc`) on some
    /// path, as in `if asyncio.current_task().cancelling(): raise` (the author decided when to
    /// swallow); a deferred re-raise (`except CancelledError as e: cancelled = e`, cleanup, then
    /// `raise cancelled` later in the function); code outside `async def`; `except*`; and the
    /// cancel-and-wait idiom, `t.cancel()` earlier in the block, then `try: await t` / `except
    /// CancelledError: pass` (any receiver: `t`, `self.task`, `self._tasks[key]`; the `await`
    /// may sit inside one-statement `with` / `async with` blocks, such as a timeout), where
    /// swallowing the cancellation of `t` is the point.
    pub struct CancelledErrorSwallowed {
        id: "cancelled-error-swallowed",
        summary: "`except CancelledError` that does not re-raise -> re-raise",
        min_version: None,
        safety: FixSafety::Unsafe,
    }
}

const MESSAGE: &str = "`except CancelledError` swallows the cancellation: the task keeps running after it was cancelled";
const NOTE_311: &str = "the handler now re-raises when this task itself was cancelled (`cancelling()` > 0): whoever awaits the task (the canceller too) now gets CancelledError instead of the task's result, and an enclosing `asyncio.timeout()`/TaskGroup now sees the cancellation (a swallowed timeout now raises TimeoutError); a CancelledError from another cancelled task or future is still swallowed";
const NOTE_OLD: &str = "the handler now re-raises every CancelledError: whoever awaits the task (the canceller too) now gets CancelledError instead of the task's result, also when the error came from another task or future that was cancelled (not this task)";

impl Transform for CancelledErrorSwallowed {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::STMT
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
            if always_raises(&handler.body)
                || reraises(handler)
                || is_cancel_and_wait(cx, try_stmt)
                || defers_reraise(cx, handler)
            {
                continue;
            }
            let outcome = match escape(&handler.body, false) {
                Some(keyword) => Err(format!("the handler leaves with `{keyword}`")),
                None if awaits_shield(cx, &try_stmt.body) => Err(
                    "the `try` awaits `asyncio.shield(...)`: the handler may catch its own cancellation on purpose, \
                     to let the shielded work finish, which a re-raise would stop"
                        .to_string(),
                ),
                None => placement(cx, try_stmt).and_then(|place| plan(cx, handler, &caught, place)),
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

/// A deferred re-raise: the handler keeps what it caught (`cancelled = exc`) and the function
/// raises that name later (`raise cancelled`), after its cleanup. Not swallowed.
fn defers_reraise(cx: &Checker, handler: &ast::ExceptHandlerExceptHandler) -> bool {
    let Some(caught) = handler.name.as_deref() else {
        return false;
    };
    // `cancelled = exc`, also under a condition (`if ...cancelling(): cancelled = exc`).
    fn keeps<'h>(body: &'h [Stmt], caught: &str, kept: &mut Vec<&'h str>) {
        for stmt in body {
            match stmt {
                Stmt::Assign(assign)
                    if matches!(&*assign.value, Expr::Name(n) if n.id.as_str() == caught) =>
                {
                    kept.extend(assign.targets.iter().filter_map(|t| match t {
                        Expr::Name(n) => Some(n.id.as_str()),
                        Expr::Attribute(a) => Some(a.attr.as_str()),
                        _ => None,
                    }));
                }
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                _ => bodies_of(stmt)
                    .into_iter()
                    .for_each(|inner| keeps(inner, caught, kept)),
            }
        }
    }
    let mut kept: Vec<&str> = Vec::new();
    keeps(&handler.body, caught, &mut kept);
    if kept.is_empty() {
        return false;
    }
    struct RaiseFinder<'n> {
        names: &'n [&'n str],
        found: bool,
    }
    impl<'a> SourceOrderVisitor<'a> for RaiseFinder<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if let Stmt::Raise(raise) = stmt
                && let Some(exc) = raise.exc.as_deref()
            {
                let name = match exc {
                    Expr::Name(n) => Some(n.id.as_str()),
                    Expr::Attribute(a) => Some(a.attr.as_str()),
                    _ => None,
                };
                self.found |= name.is_some_and(|n| self.names.contains(&n));
            }
            source_order::walk_stmt(self, stmt);
        }
    }
    let mut finder = RaiseFinder {
        names: &kept,
        found: false,
    };
    match cx.current_function() {
        Some(func) => finder.visit_body(&func.body),
        None => return false,
    }
    finder.found
}

/// Does any statement run after the `try` in the function: a statement after it in its own
/// block or after an enclosing statement (up to the function's body)? A trailing `pass` or a
/// bare `return` does not count.
fn code_after(cx: &Checker, try_stmt: &ast::StmtTry) -> bool {
    let trivial = |stmt: &Stmt| match stmt {
        Stmt::Pass(_) => true,
        Stmt::Return(ret) => ret.value.is_none(),
        _ => false,
    };
    let statements = cx.statements();
    let mut inner = try_stmt.range();
    for parent in statements.iter().rev() {
        if parent.range() == inner {
            continue;
        }
        if matches!(parent, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            let Stmt::FunctionDef(func) = parent else { return false };
            return func
                .body
                .iter()
                .filter(|s| s.start() >= inner.end())
                .any(|s| !trivial(s));
        }
        // In a loop, the next iteration is not code after the `try`: a loop that goes on after
        // its task was cancelled is the very bug the re-raise fixes. Its `else:` is.
        let orelse = match parent {
            Stmt::For(stmt) if stmt.body.iter().any(|s| s.range().contains_range(inner)) => {
                &stmt.orelse[..]
            }
            Stmt::While(stmt) if stmt.body.iter().any(|s| s.range().contains_range(inner)) => {
                &stmt.orelse[..]
            }
            // An enclosing `try`'s `else:` runs only when its body finished: code after too.
            Stmt::Try(stmt) if stmt.body.iter().any(|s| s.range().contains_range(inner)) => {
                &stmt.orelse[..]
            }
            _ => &[],
        };
        if orelse.iter().any(|s| !trivial(s)) {
            return true;
        }
        let after = bodies_of(parent)
            .into_iter()
            .find(|body| body.iter().any(|s| s.range().contains_range(inner)))
            .is_some_and(|body| body.iter().filter(|s| s.start() >= inner.end()).any(|s| !trivial(s)));
        if after {
            return true;
        }
        inner = parent.range();
    }
    false
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

/// Does the block await `asyncio.shield(...)` (not counting nested functions)?
fn awaits_shield(cx: &Checker, body: &[Stmt]) -> bool {
    struct Finder<'c, 'a> {
        cx: &'c Checker<'a>,
        found: bool,
    }
    impl<'a> SourceOrderVisitor<'a> for Finder<'_, '_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                source_order::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Await(await_expr) = expr
                && let Expr::Call(call) = &*await_expr.value
                && self.cx.imports().matches(&call.func, &["asyncio", "shield"])
            {
                self.found = true;
            }
            if !matches!(expr, Expr::Lambda(_)) {
                source_order::walk_expr(self, expr);
            }
        }
    }
    let mut finder = Finder { cx, found: false };
    finder.visit_body(body);
    finder.found
}

/// `t.cancel()` earlier in the same block, then `try: await t` (or `x = await t`), possibly
/// inside `with` / `async with` blocks of one statement each.
fn is_cancel_and_wait(cx: &Checker, try_stmt: &ast::StmtTry) -> bool {
    let [first] = &try_stmt.body[..] else {
        return false;
    };
    let mut only = first;
    // `try: async with timeout(t): await task`: the wait may sit in (async) `with` blocks.
    while let Stmt::With(with) = only {
        let [inner] = &with.body[..] else {
            return false;
        };
        only = inner;
    }
    let awaited = match only {
        Stmt::Expr(e) => &*e.value,
        Stmt::Assign(a) => &*a.value,
        _ => return false,
    };
    let Expr::Await(await_expr) = awaited else {
        return false;
    };
    if !matches!(
        &*await_expr.value,
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)
    ) {
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


/// Where the re-raise goes.
enum Place<'a> {
    /// At the end of the handler: nothing runs after the `try` in the function.
    Handler,
    /// After the code that follows the `try`: the handler keeps the error in a fresh name set
    /// to `None` before the `try`, and the function raises it at the end of its body (before a
    /// final `return`), so cleanup written after the `try` still runs.
    Deferred {
        try_stmt: &'a ast::StmtTry,
        body: &'a [Stmt],
    },
}

fn placement<'a>(cx: &Checker<'a>, try_stmt: &'a ast::StmtTry) -> Result<Place<'a>, String> {
    if !code_after(cx, try_stmt) {
        return Ok(Place::Handler);
    }
    let refuse = |why: &str| {
        Err(format!(
            "code runs after the `try` ({why}): a re-raise in the handler would skip it, and it \
             cannot be moved after that code"
        ))
    };
    let Some(func) = cx.current_function() else {
        return refuse("not in a function");
    };
    if !func.body.iter().any(|s| s.range() == try_stmt.range) {
        return refuse("the `try` is nested in a block or loop");
    }
    let following: Vec<&Stmt> = func
        .body
        .iter()
        .filter(|s| s.start() >= try_stmt.end())
        .collect();
    let (last, rest) = following.split_last().expect("code follows");
    let plain_return = matches!(last, Stmt::Return(ret)
        if ret.value.as_deref().is_none_or(|v| !rewrite::contains_await(v, None)
            && !rewrite::contains_call_outside(v, &[])));
    let checked: &[&Stmt] = if plain_return { rest } else { &following };
    let owned: Vec<Stmt> = checked.iter().map(|s| (*s).clone()).collect();
    if let Some(keyword) = escape(&owned, false) {
        return refuse(&format!("it leaves with `{keyword}`"));
    }
    if owned.iter().any(analysis_yields) {
        return refuse("it yields");
    }
    Ok(Place::Deferred {
        try_stmt,
        body: &func.body,
    })
}

fn analysis_yields(stmt: &Stmt) -> bool {
    crate::analysis::body_yields(std::slice::from_ref(stmt))
}

fn plan(
    cx: &Checker,
    handler: &ast::ExceptHandlerExceptHandler,
    caught: &Caught,
    place: Place,
) -> Result<Fix, String> {
    let modern = cx.version_range().allows(cx.target(), PyVersion::PY311);
    let source = cx.source();
    let nl = cx.line_ending();
    let mut edits = Vec::new();
    // The deferred form needs the caught error by name, also for a lone `CancelledError`.
    let mut taken: Vec<String> = Vec::new();
    let caught_name = match (&place, &handler.name, handler.type_.as_deref()) {
        (Place::Deferred { .. }, None, Some(type_)) if matches!(caught, Caught::Alone) => {
            let name = cx.fresh_name("exc", &taken);
            edits.push(Edit::insertion(format!(" as {name}"), type_.end()));
            taken.push(name.clone());
            Some(name)
        }
        _ => None,
    };
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
                    let name = cx.fresh_name("exc", &taken);
                    edits.push(Edit::insertion(format!(" as {name}"), type_.end()));
                    taken.push(name.clone());
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
    let first = handler.body.first().ok_or("the handler has no body")?;
    let last = handler.body.last().ok_or("the handler has no body")?;
    // Two lines, never `if ...: raise` on one (E701); the `raise` line is indented one unit
    // more than the `if`, which stands where the handler's body does.
    let body_indent = if has_leading_content(first.start(), source) {
        format!("{}{}", rewrite::indentation(cx, handler), cx.indent_unit())
    } else {
        rewrite::indentation(cx, first).to_string()
    };
    let action = match &place {
        Place::Handler => "raise".to_string(),
        Place::Deferred { try_stmt, body } => {
            let caught = caught_name
                .or_else(|| handler.name.as_ref().map(ToString::to_string))
                .or_else(|| taken.first().cloned())
                .ok_or("the handler names no error")?;
            let store = cx.fresh_name("cancelled", &taken);
            let indent = rewrite::indentation(cx, *try_stmt);
            let unit = cx.indent_unit();
            edits.push(Edit::insertion(
                format!("{store} = None{nl}{indent}"),
                try_stmt.start(),
            ));
            let raise = format!("if {store} is not None:{nl}{indent}{unit}raise {store}");
            let last = body.last().expect("a body");
            match last {
                Stmt::Return(_) if last.start() > try_stmt.end() => edits.push(Edit::insertion(
                    format!("{raise}{nl}{indent}"),
                    last.start(),
                )),
                // On the line after the body (not at the end of its last line, where a re-raise
                // appended to a handler that ends the body would also go).
                _ if source[usize::from(last.end())..].contains(['\n', '\r']) => {
                    let at = source.full_line_end(last.end());
                    let nl = cx.line_ending_at(last.end());
                    edits.push(Edit::insertion(format!("{indent}{raise}{nl}"), at));
                }
                _ => edits.push(Edit::insertion(
                    format!("{nl}{indent}{raise}"),
                    source.line_end(last.end()),
                )),
            }
            format!("{store} = {caught}")
        }
    };
    let reraise = if condition_parts.is_empty() {
        action
    } else {
        format!(
            "if {}:{nl}{body_indent}{}{action}",
            condition_parts.join(" and "),
            cx.indent_unit()
        )
    };
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
