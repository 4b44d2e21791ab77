//! `wait-for-to-timeout`: `await asyncio.wait_for(aw, t)` → `async with asyncio.timeout(t): await aw`.

use ruff_python_ast::token::parenthesized_range;
use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::project::DefKind;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
use crate::{analysis, importer, rewrite};

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
    /// timeout may be positional or `timeout=`.
    ///
    /// A timeout of literally `None` sets no deadline: `await asyncio.wait_for(aw, None)`
    /// becomes `await aw` where it stands (no block, so also in a comprehension, an `if`
    /// header or after another `await`), safe with the known differences below. (With comments
    /// inside the call the block rewrite runs, keeping them, and the block is then dropped.)
    /// An existing `async with asyncio.timeout(None):` (or `timeout_at(None)`, `delay=None`,
    /// `when=None`) that is the `with`'s only item and binds no name is a wrapper that does
    /// nothing: the header goes (a comment on it stays as a line of its own) and the body moves
    /// one level left, lines inside strings untouched. Safe; the note names the one
    /// difference: outside an asyncio task (a coroutine driven by hand or by another
    /// framework) `asyncio.timeout` raised RuntimeError, now the body runs. Bound with `as`
    /// (`cm.reschedule(...)` may set a deadline later) or beside other items, it stays.
    ///
    /// A statement that awaits something else too (`x = await wait_for(a(), 1) + await b()`)
    /// must not put that `await` under the deadline: when the `wait_for` is the first thing the
    /// statement evaluates, only it moves into the block, its result into a fresh name
    /// (`result = await a()`), and the statement reads that name (`x = result + await b()`).
    ///
    /// ## Fix safety
    /// Safe when nothing the rewrite reorders can be observed: the timeout is `None`, a positive
    /// number or a module constant bound once to one (or arithmetic of those), the awaitable's
    /// arguments and receiver hold no call (calls that run no code when made are fine: an
    /// `async def` of this module, `asyncio.gather`/`shield`/`sleep`/`create_task`/...), and no
    /// call of the statement moves under the deadline. Unsafe, with a note naming the difference, when:
    /// - the awaitable's own arguments or receiver hold a call (`f(build())`,
    ///   `connect().fetch()`): `wait_for` evaluated it before the deadline started, now its
    ///   synchronous work counts against the timeout;
    /// - the awaitable is built by a plain (or decorated) `def` of this file, whose synchronous
    ///   work now runs under the deadline;
    /// - the timeout is a call (it is now evaluated before the awaitable's expression), or it is
    ///   not a constant (an attribute, a name some function rebinds with `global`) and building
    ///   the awaitable runs code that could change it;
    /// - the timeout may be zero or negative (`0`, `-1`, `deadline - now`, a parameter, an
    ///   attribute): `wait_for` then timed out without running the coroutine, `asyncio.timeout`
    ///   lets it run until it first suspends (its effects up to there happen);
    /// - a call outside the awaitable moves under the timeout (`len(await wait_for(...))`);
    /// - the awaitable is built by a function another file of the run defines that is not a
    ///   plain `async def` (the project view).
    ///
    /// Known differences, named in every note (task identity and context, which the contract
    /// allows a safe fix to change):
    /// - task identity: on 3.11 `wait_for` ran a coroutine in a new task, so
    ///   `asyncio.current_task()` inside it was another task, and it started only after the
    ///   tasks already scheduled; awaited inline it runs in the caller's task at once (3.12's
    ///   `wait_for` no longer makes a task);
    /// - context variables the awaitable sets are now visible to the caller.
    ///
    /// ## When no fix is made
    /// Targets below Python 3.11 and code under `if sys.version_info < (3, 11):` are left alone.
    /// No call gets a fix when a file of the run patches `asyncio.wait_for`
    /// (`patch("asyncio.wait_for")`, `monkeypatch.setattr(asyncio, "wait_for", ...)`,
    /// `asyncio.wait_for = ...`; the project view): the rewritten call would no longer go
    /// through the test double, and the tests relying on it would fail.
    /// A finding without a fix is reported when the statement shares its line with other code,
    /// when the call sits in an `if`/`while`/`for`/`with` header or a comprehension, when the
    /// arguments are not `(aw, timeout)`, or when the name `asyncio` is taken. Also when the
    /// statement yields (an async generator's consumer would run under the deadline), when the
    /// call runs only on some paths (after `and`/`or`, in a branch of a conditional expression,
    /// an `assert` message, a chained comparison) and the timeout is not a plain number or
    /// `None` (it would now be evaluated on every path), and when the timeout reads a name the
    /// statement assigns with `:=` (it would be read before the assignment). When the awaitable
    /// or the timeout expression itself awaits, or another `await` of the statement is evaluated
    /// before the `wait_for` (or the statement is an augmented assignment, whose target is read
    /// first): that `await` would run under the deadline. When the call sits in an f-string
    /// field with `=` (`f"{await wait_for(a(), 1)=}"`), which prints its own source text. A
    /// `wait_for` that is not awaited directly (passed to `gather`, `create_task`) is not a
    /// finding.
    pub struct WaitForToTimeout {
        id: "wait-for-to-timeout",
        summary: "`await asyncio.wait_for(aw, t)` -> `async with asyncio.timeout(t): await aw`",
        min_version: Some(PyVersion::PY311),
        safety: FixSafety::Sometimes,
    }
}

const MESSAGE: &str = "Use `asyncio.timeout()` instead of `asyncio.wait_for()`";
const NO_DEADLINE: &str = "`asyncio.wait_for(aw, None)` sets no deadline: await `aw` directly";
const NO_DEADLINE_BLOCK: &str = "`asyncio.timeout(None)` sets no deadline: the `async with` wrapper does nothing";
const NO_DEADLINE_BLOCK_NOTE: &str = "outside an asyncio task (a coroutine driven by hand or by another framework) \
     `asyncio.timeout` raised RuntimeError; now the body runs";

/// Named on every fix: what moving the awaitable out of `wait_for` changes even when the
/// program computes the same.
const KNOWN_DIFFERENCES: &str = "task identity: on 3.11 `wait_for` ran a coroutine in a new task, so \
     `asyncio.current_task()` inside it was another task and it started only after the tasks already \
     scheduled; awaited inline it runs in the caller's task at once (3.12's `wait_for` no longer makes \
     a task); context variables it sets are now visible to the caller";

impl Transform for WaitForToTimeout {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::stmt_and_expr(crate::registry::ExprKinds::AWAIT)
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::With(with) = stmt else { return };
        if let Some(fix) = drop_no_deadline_block(cx, with) {
            cx.report(Finding::new(Self::INFO.id, with.items[0].range(), NO_DEADLINE_BLOCK).with_fix(fix));
        }
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
        if timeout.is_none_literal_expr()
            && let Some(fix) = unwrap_no_deadline(cx, call, awaitable)
        {
            // `wait_for(aw, None)` sets no deadline: `await aw` directly, where it stands.
            let fix = match cx.imports().from_imported_name(&call.func) {
                Some(local) => fix.dropping(local),
                None => fix,
            };
            cx.report(Finding::new(Self::INFO.id, call.range(), NO_DEADLINE).with_fix(fix));
            return;
        }
        let Some(stmt) = cx.current_statement() else { return };
        if let Some((path, line)) = cx.project().wait_for_patched(cx.file_name()) {
            // The tests replace `asyncio.wait_for` with a double; a rewritten call would no
            // longer go through it, and the tests that rely on it would fail.
            let reason = format!(
                "{path}:{line} patches `asyncio.wait_for` (a test double): the rewritten call would no longer go through it"
            );
            return refuse(cx, call, &reason);
        }
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
        if rewrite::contains_await(awaitable, None) {
            return refuse(cx, call, "the awaitable's own expression awaits: that `await` would run under the timeout");
        }
        if rewrite::contains_await(timeout, None) {
            return refuse(cx, call, "the timeout expression awaits: it would run before the awaitable is built");
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
        // Another `await` in the statement must not move under the deadline: when the
        // `wait_for` is evaluated first, only it moves into the block (its result into a fresh
        // name); otherwise no fix.
        let split = others.iter().any(|e| contains_await_outside(e, await_expr.range()));
        if split && !evaluated_first(cx, stmt, await_expr) {
            return refuse(
                cx,
                call,
                "another `await` in the statement is evaluated before the `wait_for`: it would run under the timeout",
            );
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
        let prefix = TextRange::new(call.start(), aw_range.start());
        let suffix = TextRange::new(aw_range.end(), call.end());
        let displaced: Vec<&str> = [prefix, suffix]
            .iter()
            .flat_map(|range| cx.comments_in(*range).iter())
            .filter(|comment| !timeout_range.contains_range(**comment))
            .map(|comment| &source[*comment])
            .collect();
        let header = format!("async with {}({})", spelled.name, &source[timeout_range]);
        let mut edits = if split {
            let name = cx.fresh_name("result", &[]);
            let unit = rewrite::block_unit(cx, stmt);
            // The awaitable's text, its continuation lines one unit deeper (not inside strings).
            let mut text = String::new();
            let mut last = aw_range.start();
            for start in rewrite::reindentable_line_starts(cx, aw_range) {
                text.push_str(&source[TextRange::new(last, start)]);
                text.push_str(&unit);
                last = start;
            }
            text.push_str(&source[TextRange::new(last, aw_range.end())]);
            // Out of the call's parentheses, a line break must stay inside brackets.
            let bracketed = |range: TextRange| {
                let breaks = source[range].match_indices(['\n', '\r']).map(|(i, _)| {
                    range.start() + ruff_text_size::TextSize::try_from(i).expect("file under 4 GiB")
                });
                match awaitable {
                    Expr::Call(aw_call) => breaks.into_iter().all(|b| aw_call.arguments.range().contains(b)),
                    _ => breaks.into_iter().next().is_none(),
                }
            };
            let parens = aw_range == awaitable.range()
                && (rewrite::needs_parens_after_await(awaitable) || !bracketed(aw_range));
            let operand = if parens { format!("({text})") } else { text };
            let indent = rewrite::indentation(cx, stmt);
            let nl = cx.line_ending_at(stmt.start());
            let mut block = format!("{header}:");
            for comment in &displaced {
                block.push_str(&format!("{nl}{indent}{unit}{comment}"));
            }
            block.push_str(&format!("{nl}{indent}{unit}{name} = await {operand}{nl}{indent}"));
            vec![Edit::insertion(block, stmt.start()), Edit::replacement(name, await_expr.range())]
        } else {
            let parens = aw_range == awaitable.range() && rewrite::needs_parens_after_await(awaitable);
            let inner = vec![
                Edit::replacement(if parens { "(" } else { "" }, prefix),
                Edit::replacement(if parens { ")" } else { "" }, suffix),
            ];
            rewrite::wrap_in_block(cx, stmt, &header, &displaced, inner)
        };
        edits.extend(spelled.edit);

        let mut risks: Vec<String> = Vec::new();
        if let Some(inner) = first_call_inside(cx, awaitable) {
            risks.push(format!(
                "`{}` in the awaitable's expression now runs after the deadline starts (`wait_for` evaluated it \
                 before): its synchronous work counts against the timeout",
                cx.slice(inner)
            ));
        }
        let callee = match awaitable {
            Expr::Call(aw_call) => Some(aw_call),
            _ => None,
        };
        if let Some(aw_call) = callee
            && let analysis::LocalCallee::NotProvable { reason, .. } = analysis::local_callee(cx, &aw_call.func)
        {
            risks.push(format!(
                "{reason}: the call `{}(...)` now runs after the deadline starts, and its synchronous work counts \
                 against the timeout",
                cx.slice(&*aw_call.func)
            ));
        }
        if let Some(aw_call) = callee
            && let Some(def) = cx.imported_definition(&aw_call.func)
            && def.kind != DefKind::Coroutine
        {
            risks.push(format!(
                "`{}` (imported from {}) is not a plain `async def`: the call now runs after the deadline starts, \
                 and its synchronous work counts against the timeout",
                def.name, def.path
            ));
        }
        if !split && others.iter().any(|e| rewrite::contains_call_outside(e, &[call.range()])) {
            risks.push("a call outside the awaitable now runs under the timeout, after the timeout is evaluated".into());
        }
        if rewrite::contains_call_outside(timeout, &[]) {
            risks.push(format!(
                "the timeout expression `{}` is now evaluated before the awaitable's expression",
                cx.slice(timeout)
            ));
        } else if !is_stable(cx, timeout) && awaitable_runs_code(cx, awaitable) {
            risks.push(format!(
                "the timeout `{}` is now read before the awaitable's expression runs, which may change it",
                cx.slice(timeout)
            ));
        }
        if !is_positive(cx, timeout) {
            risks.push(format!(
                "the timeout `{}` may be zero or negative: `wait_for` then timed out without running the coroutine, \
                 `asyncio.timeout` lets it run until it first suspends",
                cx.slice(timeout)
            ));
        }
        let fix = if risks.is_empty() {
            Fix::safe(edits).with_note(KNOWN_DIFFERENCES)
        } else {
            Fix::unsafe_(edits).with_note(format!("{}; {KNOWN_DIFFERENCES}", risks.join("; ")))
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

/// Is the timeout provably positive (or `None`)? A positive number, a module-level name bound
/// once to one and never rebound, or a sum, product or quotient of those. Anything else (a
/// parameter, an attribute, `deadline - now`) may be zero or negative.
fn is_positive(cx: &Checker, expr: &Expr) -> bool {
    match expr {
        Expr::NoneLiteral(_) => true,
        Expr::NumberLiteral(number) => match &number.value {
            ast::Number::Int(int) => *int != ast::Int::ZERO,
            ast::Number::Float(value) => *value > 0.0,
            ast::Number::Complex { .. } => false,
        },
        Expr::BinOp(op) => {
            matches!(op.op, ast::Operator::Add | ast::Operator::Mult | ast::Operator::Div)
                && is_positive(cx, &op.left)
                && is_positive(cx, &op.right)
        }
        Expr::Name(name) => positive_constant(cx, name),
        _ => false,
    }
}

/// A module-level name bound exactly once, to a positive number, that no `global`/`nonlocal`
/// statement, import or binding in the current function can change.
fn positive_constant(cx: &Checker, name: &ast::ExprName) -> bool {
    let id = name.id.as_str();
    if cx.imports().binding(id).is_some() || rebindable_names(cx.suite()).contains(&id) {
        return false;
    }
    if let Some(func) = cx.current_function()
        && (func.parameters.iter().any(|p| p.name().as_str() == id) || binds_in(&func.body, id))
    {
        return false;
    }
    let values: Vec<&Expr> = cx
        .suite()
        .iter()
        .filter_map(|stmt| match stmt {
            Stmt::Assign(assign)
                if assign.targets.iter().any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == id)) =>
            {
                Some(Some(&*assign.value).filter(|_| assign.targets.len() == 1))
            }
            Stmt::AnnAssign(assign) if matches!(&*assign.target, Expr::Name(n) if n.id.as_str() == id) => {
                Some(assign.value.as_deref())
            }
            _ => None,
        })
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
    let rebound_elsewhere = binds_in(cx.suite(), id) && values.len() != module_stores(cx.suite(), id);
    matches!(values.as_slice(), [value] if matches!(value, Expr::NumberLiteral(_)) && is_positive(cx, value))
        && !rebound_elsewhere
}

/// How many times `name` is stored to anywhere in `body` (nested bodies included).
fn module_stores(body: &[Stmt], name: &str) -> usize {
    struct Count<'n>(&'n str, usize);
    impl<'a> SourceOrderVisitor<'a> for Count<'_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(n) = expr
                && n.ctx.is_store()
                && n.id.as_str() == self.0
            {
                self.1 += 1;
            }
            source_order::walk_expr(self, expr);
        }
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(f) if f.name.as_str() == self.0 => self.1 += 1,
                Stmt::ClassDef(c) if c.name.as_str() == self.0 => self.1 += 1,
                _ => {}
            }
            source_order::walk_stmt(self, stmt);
        }
    }
    let mut count = Count(name, 0);
    count.visit_body(body);
    count.1
}

/// Does anything in `body` (nested bodies included) bind `name`?
fn binds_in(body: &[Stmt], name: &str) -> bool {
    module_stores(body, name) > 0
}

/// Does evaluating the timeout always give the same value, whatever code runs before it? A
/// literal, or a name that no `global`/`nonlocal` statement of the module lets other code
/// rebind, or arithmetic of those. Attributes, subscripts and calls are not.
fn is_stable(cx: &Checker, expr: &Expr) -> bool {
    match expr {
        Expr::NumberLiteral(_) | Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) => true,
        Expr::Name(name) => !rebindable_names(cx.suite()).contains(&name.id.as_str()),
        Expr::UnaryOp(op) => is_stable(cx, &op.operand),
        Expr::BinOp(op) => is_stable(cx, &op.left) && is_stable(cx, &op.right),
        _ => false,
    }
}

/// Names some function of the module declares `global` or `nonlocal`: a call may rebind them.
fn rebindable_names(suite: &[Stmt]) -> Vec<&str> {
    struct Collect<'a>(Vec<&'a str>);
    impl<'a> SourceOrderVisitor<'a> for Collect<'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Global(s) => self.0.extend(s.names.iter().map(|n| n.as_str())),
                Stmt::Nonlocal(s) => self.0.extend(s.names.iter().map(|n| n.as_str())),
                _ => source_order::walk_stmt(self, stmt),
            }
        }
    }
    let mut collect = Collect(Vec::new());
    collect.visit_body(suite);
    collect.0
}

/// The first call inside the awaitable other than the awaitable's own call: one in its
/// arguments or its callee's receiver (`f(build())`, `connect().fetch()`). Calls that run no
/// code of the program when made are skipped (their arguments are still searched): an
/// `async def` of this module (a coroutine is created, its body does not run) and asyncio's
/// schedulers (`gather`, `shield`, `create_task`, ...: tasks start only when the loop runs).
fn first_call_inside<'a>(cx: &Checker, awaitable: &'a Expr) -> Option<&'a Expr> {
    let parts: Vec<&Expr> = match awaitable {
        Expr::Call(call) => std::iter::once(&*call.func)
            .chain(call.arguments.args.iter())
            .chain(call.arguments.keywords.iter().map(|k| &k.value))
            .collect(),
        other => vec![other],
    };
    struct Find<'a, 'c, 'x>(&'c Checker<'x>, Option<&'a Expr>);
    impl<'a> SourceOrderVisitor<'a> for Find<'a, '_, '_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.1.is_some() {
                return;
            }
            if let Expr::Call(call) = expr
                && !runs_no_code(self.0, call)
            {
                self.1 = Some(expr);
                return;
            }
            source_order::walk_expr(self, expr);
        }
    }
    parts.into_iter().find_map(|part| {
        let mut find = Find(cx, None);
        find.visit_expr(part);
        find.1
    })
}

/// Does making this call run no code of the program? A call of a module-level `async def` of
/// this file (it only creates the coroutine), or of an asyncio function that only creates or
/// schedules (`sleep`, `gather`, `shield`, `wait`, `create_task`, `ensure_future`).
fn runs_no_code(cx: &Checker, call: &ast::ExprCall) -> bool {
    const SCHEDULERS: &[&str] = &["sleep", "gather", "shield", "wait", "create_task", "ensure_future"];
    (matches!(&*call.func, Expr::Name(_))
        && matches!(analysis::local_callee(cx, &call.func), analysis::LocalCallee::Coroutine))
        || SCHEDULERS.iter().any(|name| cx.imports().matches(&call.func, &["asyncio", name]))
}

/// Can evaluating the awaitable's expression run code that changes what the timeout reads?
/// Any call, except those that run no code of the program ([`runs_no_code`]).
fn awaitable_runs_code(cx: &Checker, awaitable: &Expr) -> bool {
    if first_call_inside(cx, awaitable).is_some() {
        return true;
    }
    matches!(awaitable, Expr::Call(call) if !runs_no_code(cx, call))
}

/// Is there an `await` in `expr` outside `range` (the awaited `wait_for`)?
fn contains_await_outside(expr: &Expr, range: TextRange) -> bool {
    rewrite::any_expr(expr, &|e: &Expr| {
        matches!(e, Expr::Await(_)) && !range.contains_range(e.range())
    })
}

/// Is the awaited `wait_for` the first thing its statement evaluates, so that it alone can move
/// into a block before the statement? Each enclosing expression must evaluate it first (the
/// left operand, the first element of a display, the first argument of a builtin, the object
/// of an attribute or subscript), up to the value of an expression statement, an assignment
/// (its targets are evaluated after the value) or a `return`.
fn evaluated_first(cx: &Checker, stmt: &Stmt, await_expr: &ast::ExprAwait) -> bool {
    let mut child = await_expr.range();
    for parent in cx.expression_parents().iter().rev() {
        let first = match parent {
            Expr::BinOp(op) => op.left.range() == child,
            Expr::BoolOp(op) => op.values.first().is_some_and(|v| v.range() == child),
            Expr::Compare(op) => op.left.range() == child,
            Expr::UnaryOp(op) => op.operand.range() == child,
            Expr::Await(_) => true,
            Expr::Attribute(attr) => attr.value.range() == child,
            Expr::Subscript(sub) => sub.value.range() == child,
            Expr::Named(named) => named.value.range() == child,
            Expr::Tuple(ast::ExprTuple { elts, .. })
            | Expr::List(ast::ExprList { elts, .. })
            | Expr::Set(ast::ExprSet { elts, .. }) => elts.first().is_some_and(|e| e.range() == child),
            Expr::Call(inner) => {
                cx.builtin(&inner.func).is_some()
                    && inner.arguments.args.first().is_some_and(|a| a.range() == child)
            }
            _ => false,
        };
        if !first {
            return false;
        }
        child = parent.range();
    }
    match stmt {
        Stmt::Expr(s) => s.value.range() == child,
        Stmt::Assign(s) => s.value.range() == child,
        Stmt::AnnAssign(s) => s.value.as_ref().is_some_and(|v| v.range() == child),
        Stmt::Return(s) => s.value.as_ref().is_some_and(|v| v.range() == child),
        _ => false,
    }
}

fn in_comprehension(cx: &Checker) -> bool {
    cx.expression_parents()
        .iter()
        .any(|p| matches!(p, Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_)))
}

/// `await asyncio.wait_for(aw, None)` → `await aw` in place (parenthesised where `await` needs
/// it); continuation lines of an `aw` that started on a line of its own move left with it.
/// `None` when comments sit in the text that goes (the block rewrite keeps them, and the
/// `timeout(None)` block it makes is dropped in the next pass).
fn unwrap_no_deadline(cx: &Checker, call: &ast::ExprCall, awaitable: &Expr) -> Option<Fix> {
    use ruff_source_file::LineRanges;

    let source = cx.source();
    let arguments = (&call.arguments).into();
    let aw_range = parenthesized_range(awaitable.into(), arguments, cx.tokens()).unwrap_or(awaitable.range());
    let prefix = TextRange::new(call.start(), aw_range.start());
    let suffix = TextRange::new(aw_range.end(), call.end());
    if !cx.comments_in(prefix).is_empty() || !cx.comments_in(suffix).is_empty() {
        return None;
    }
    let parens = aw_range == awaitable.range() && rewrite::needs_parens_after_await(awaitable);
    let mut edits = vec![
        Edit::replacement(if parens { "(" } else { "" }, prefix),
        Edit::replacement(if parens { ")" } else { "" }, suffix),
    ];
    if source[prefix].contains(['\n', '\r']) {
        let indent_of = |at: TextSize| {
            let line = &source[TextRange::new(source.line_start(at), at)];
            &line[..line.len() - line.trim_start().len()]
        };
        let outer = indent_of(call.start());
        let inner = indent_of(aw_range.start());
        if let Some(extra) = inner.strip_prefix(outer).filter(|e| !e.is_empty()) {
            for start in rewrite::reindentable_line_starts(cx, aw_range) {
                if source[usize::from(start)..].starts_with(inner) {
                    edits.push(Edit::deletion(TextRange::at(start, TextSize::of(extra))));
                }
            }
        }
    }
    Some(Fix::safe(edits).with_note(KNOWN_DIFFERENCES))
}

/// `async with asyncio.timeout(None):` (or `timeout_at(None)`) as the only item, bound to no
/// name: the header goes (a comment on it stays, as a line of its own) and the body moves one
/// level left. Lines inside strings and lines less indented than the body are left alone.
fn drop_no_deadline_block(cx: &Checker, with: &ast::StmtWith) -> Option<Fix> {
    use ruff_source_file::LineRanges;

    if !with.is_async {
        return None;
    }
    let [item] = with.items.as_slice() else { return None };
    if item.optional_vars.is_some() {
        return None;
    }
    let Expr::Call(call) = &item.context_expr else { return None };
    cx.imports().matches_any(
        &call.func,
        &[&["asyncio", "timeout"], &["asyncio", "timeout_at"], &["asyncio", "timeouts", "timeout"], &["asyncio", "timeouts", "timeout_at"]],
    )?;
    let deadline = match (call.arguments.args.as_ref(), call.arguments.keywords.as_ref()) {
        ([argument], []) => argument,
        ([], [keyword]) if matches!(keyword.arg.as_deref(), Some("delay" | "when")) => &keyword.value,
        _ => return None,
    };
    if !deadline.is_none_literal_expr() {
        return None;
    }
    let source = cx.source();
    let first = with.body.first()?;
    let mut edits = Vec::new();
    let header = TextRange::new(with.start(), first.start());
    if !source[header].contains(['\n', '\r']) {
        // `async with asyncio.timeout(None): await f()`: the body is on the header's line.
        edits.push(Edit::deletion(header));
    } else {
        let line_start = source.line_start(with.start());
        let indent = &source[TextRange::new(line_start, with.start())];
        let body_start = source.line_start(first.start());
        let body_indent = &source[TextRange::new(body_start, first.start())];
        if !indent.trim().is_empty() || !body_indent.trim().is_empty() || body_indent.len() <= indent.len() {
            return None;
        }
        // The header's lines (a parenthesised header may end on a later line than its item)
        // up to the first statement's line; comments there stay, at the header's indentation.
        let header_lines = TextRange::new(line_start, body_start);
        let nl = cx.line_ending_at(with.start());
        let kept: String = cx
            .comments_in(header_lines)
            .iter()
            .map(|comment| format!("{indent}{}{nl}", &source[*comment]))
            .collect();
        edits.push(Edit::replacement(kept, header_lines));
        let region = TextRange::new(header_lines.end(), with.end());
        let starts = std::iter::once(region.start())
            .filter(|start| *start == body_start || !source[TextRange::new(*start, source.line_end(*start))].trim().is_empty())
            .chain(rewrite::reindentable_line_starts(cx, region));
        for start in starts {
            if source[usize::from(start)..].starts_with(body_indent) {
                edits.push(Edit::replacement(indent.to_string(), TextRange::at(start, TextSize::of(body_indent))));
            }
        }
    }
    let fix = Fix::safe(edits).with_note(NO_DEADLINE_BLOCK_NOTE);
    Some(match cx.imports().from_imported_name(&call.func) {
        Some(local) => fix.dropping(local),
        None => fix,
    })
}

fn refuse(cx: &mut Checker, call: &ast::ExprCall, reason: &str) {
    cx.report(Finding::new(WaitForToTimeout::INFO.id, call.range(), format!("{MESSAGE}; no fix: {reason}")));
}

