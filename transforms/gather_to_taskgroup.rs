//! `gather-to-taskgroup`: `await asyncio.gather(f(), g())` → an `asyncio.TaskGroup` block.

use ruff_python_ast::token::parenthesized_range;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_python_trivia::has_leading_content;
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange};

use crate::analysis::{self, FUTURE_RETURNING};
use crate::project::DefKind;
use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
use crate::{importer, rewrite};

crate::declare_transform! {
    /// ## What it does
    /// Finds `await asyncio.gather(...)` in `async def` and rewrites it to an
    /// `async with asyncio.TaskGroup() as tg:` block that creates one task per awaitable, with
    /// the results read from the tasks after the block.
    ///
    /// ## Why is this bad?
    /// `gather` leaves the other awaitables running when one fails, so errors can go unseen and
    /// work keeps running after the caller has given up. A `TaskGroup` (Python 3.11+) is
    /// structured concurrency: when a task fails, the others are cancelled, and every error is
    /// raised together in an `ExceptionGroup`.
    ///
    /// ## Example
    /// ```python
    /// user, orders = await asyncio.gather(get_user(uid), get_orders(uid))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async with asyncio.TaskGroup() as tg:
    ///     user_task = tg.create_task(get_user(uid))
    ///     orders_task = tg.create_task(get_orders(uid))
    /// user, orders = user_task.result(), orders_task.result()
    /// ```
    ///
    /// ## Shapes
    /// - `await gather(f(), g())` as a statement: the tasks are created, nothing follows.
    /// - `a, b = await gather(...)`: tasks named `a_task`, `b_task` (`task_1`, ... where a target
    ///   is not a plain name or a name would collide); the tuple is unpacked from the tasks.
    /// - `res = await gather(...)`, `return await gather(...)` and any other use in a statement
    ///   (`print(await gather(...))`, `for x in await gather(...):`, `if await gather(...):`):
    ///   the block goes before the statement, which reads `[task_1.result(), ...]` (a list, as
    ///   gather returns).
    /// - `await gather(*[f(x) for x in xs])` (or a generator): `tasks = [tg.create_task(f(x)) for
    ///   x in xs]` in the block, `[task.result() for task in tasks]` after it.
    /// - Listed calls mixed with starred comprehensions (`gather(a(), *[f(x) for x in xs], b())`):
    ///   one task per call and one list of tasks per comprehension, created in argument order;
    ///   the results are read back as one list (`[task_1.result(), *[task.result() for task in
    ///   tasks], task_2.result()]`).
    /// - `*coros` where `coros` is a local list built by a comprehension over an `async def` of
    ///   this module (`coros = [fetch(x) for x in xs]`), bound once and used only by this
    ///   gather: `tasks = [tg.create_task(coro) for coro in coros]`.
    /// - `name = asyncio.gather(...)` directly followed, in the same block, by the statement
    ///   that awaits it (`await name`, `x = await name`, `a, b = await name`, `return await
    ///   name`), the name used nowhere else in the function (no other read, no `global`, no
    ///   `locals()`): nothing runs in between, so the children gather scheduled at the
    ///   assignment have not started, and awaiting the name is awaiting the gather there. The
    ///   assignment is removed (comments inside the call go with the tasks, others stay on
    ///   their own lines) and the await is rewritten as above.
    /// - `return_exceptions=False` is dropped. Comments inside the call are kept.
    ///
    /// ## Fix safety
    /// Always unsafe: when an awaitable fails, `gather` lets the others run on and raises the
    /// first error; a `TaskGroup` cancels the others and raises an `ExceptionGroup`, so an
    /// `except SomeError:` around the call stops matching (use `except* SomeError:`); that
    /// includes an error raised while building the awaitables' arguments (`gather(f(),
    /// g(boom()))`: gather raised it as is, before anything was scheduled). A child cancelled
    /// from outside: gather raised `CancelledError` at once, a TaskGroup waits for the siblings
    /// (and raises it only where that task's result is read). The rest of
    /// the statement now runs after the tasks: what it evaluated before the gather (a call in
    /// `f(a(), await gather(...))`, a name the tasks change in `(n, await gather(...))`) now sees
    /// their effects; the fix note says so where the statement has such parts.
    ///
    /// ## When no fix is made
    /// - An enclosing `try` of the same function whose body holds the gather has an `except`
    ///   naming specific exception types (not `Exception`/`BaseException`, not `except*`), or an
    ///   enclosing `with contextlib.suppress(...)` (any spelling) names them: the
    ///   `ExceptionGroup` would not match.
    /// - `self.m()` / `cls.m()` where another class of this file overrides `m` with something
    ///   that is not a plain `async def` (it may return a future).
    /// - `return_exceptions=True` (or any value but `False`): gather collects exceptions as
    ///   results; a TaskGroup cannot.
    /// - An awaitable that is not a call returning a coroutine: a name (a coroutine object
    ///   could be awaited twice), `*coros` of unknown content (a list used elsewhere too, or not
    ///   built by a comprehension over an `async def` of this file), a call that returns a future or
    ///   task (`create_task`, `ensure_future`, `run_in_executor`, `shield`, `gather`, ...), a
    ///   plain `def` or a class of this file (`self.m()` included), or of another file of the
    ///   run that the call names through an import (absolute or relative, re-exports
    ///   followed: the project view), or an HTTP-style method on an
    ///   object asyncup cannot follow (`client.get(...)`: aiohttp's return awaitable context
    ///   managers): `tg.create_task` needs a coroutine. `asyncio.to_thread(...)` and an
    ///   `async def` of this file are fine; other calls are assumed to return coroutines, and the
    ///   fix note says that one that does not makes `tg.create_task` raise `TypeError`.
    /// - `*[f(x) async for x in xs]`: the tasks would start while the iteration still runs.
    /// - The gather sits in a comprehension, a lambda, after `and`/`or`, in a branch of a
    ///   conditional expression, past the first link of a chained comparison, in an `assert`
    ///   message, in a `while` or `elif` condition, or in a statement that awaits
    ///   something else or shares its line with other code.
    /// - `name = asyncio.gather(...)` whose name is used only by one `await name` that is not the
    ///   whole value of the next statement of the same block: code runs in between (the
    ///   children run at its first suspension; a TaskGroup at the await would start them later),
    ///   the await is in another block, or its statement evaluates something else first.
    /// - Any other gather that is not awaited directly is not a finding.
    pub struct GatherToTaskGroup {
        id: "gather-to-taskgroup",
        summary: "`await asyncio.gather(...)` -> `async with asyncio.TaskGroup() as tg:` + `tg.create_task(...)`",
        min_version: Some(PyVersion::PY311),
        safety: FixSafety::Unsafe,
    }
}

const MESSAGE: &str = "Use `asyncio.TaskGroup` instead of `asyncio.gather()`";


/// Method names of HTTP clients whose calls return awaitable objects that are not coroutines
/// (aiohttp's `session.get(...)` returns a request context manager), matched on a call on an
/// object asyncup cannot follow.
const AWAITABLE_OBJECT_METHODS: &[&str] =
    &["get", "post", "put", "patch", "delete", "head", "options", "request", "ws_connect"];

const NOTE: &str = "on failure a TaskGroup cancels the other tasks and raises an ExceptionGroup \
                    (gather let them run and raised the first error): `except SomeError` around it stops matching, \
                    also for an error raised while building the awaitables' arguments (gather raised it as is, \
                    before scheduling anything); a child cancelled from outside: gather raised CancelledError at once, \
                    a TaskGroup waits for the siblings (and raises it only where a result is read); \
                    an awaitable that is not a coroutine makes `tg.create_task` raise TypeError";

impl Transform for GatherToTaskGroup {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::AWAIT)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Await(await_expr) = expr else { return };
        if let Expr::Name(name) = &*await_expr.value {
            if cx.in_async() {
                assigned_gather(cx, await_expr, name);
            }
            return;
        }
        let Expr::Call(call) = &*await_expr.value else { return };
        if !cx.in_async() || !cx.imports().matches(&call.func, &["asyncio", "gather"]) {
            return;
        }
        if call.arguments.is_empty() {
            return;
        }
        match plan(cx, await_expr, call, None) {
            Ok(fix) => cx.report(Finding::new(Self::INFO.id, call.range(), MESSAGE).with_fix(fix)),
            Err(reason) => {
                cx.report(Finding::new(Self::INFO.id, call.range(), format!("{MESSAGE}; no fix: {reason}")))
            }
        }
    }
}

/// What is gathered.
enum Awaitables<'a> {
    /// `gather(f(), g())`
    Listed(Vec<&'a Expr>),
    /// `gather(*[f(x) for x in xs])` or `gather(*(f(x) for x in xs))`: the element and the
    /// comprehension it belongs to.
    Comprehension { elt: &'a Expr, whole: &'a Expr },
    /// Any other mix: listed calls, starred comprehensions, a starred local list of
    /// coroutines (`gather(a(), *[f(x) for x in xs], b())`, `gather(*coros)`).
    Mixed(Vec<Part<'a>>),
}

/// One argument of a mixed gather.
enum Part<'a> {
    /// `f()`: one task.
    Call(&'a Expr),
    /// `*[f(x) for x in xs]`: a list of tasks.
    Comprehension { elt: &'a Expr, whole: &'a Expr },
    /// `*coros`, a local list of coroutines used only here: a list of tasks.
    Local(&'a str),
}

/// Where the awaited gather stands.
enum Shape {
    /// `await gather(...)` is the whole statement.
    Bare,
    /// `a, b = await gather(...)`: a tuple or list of targets.
    Unpacked,
    /// Any other use: the statement reads the results list.
    Value,
}

/// `await name` where `name = asyncio.gather(...)` in the same function and the name is used
/// nowhere else: when the assignment is the statement directly before the await's, in the same
/// block, awaiting the name is awaiting the gather there (nothing runs in between: the children
/// gather scheduled have not started), so it gets the same fix, the assignment removed;
/// otherwise a finding without a fix.
fn assigned_gather<'a>(cx: &mut Checker<'a>, await_expr: &'a ast::ExprAwait, name: &ast::ExprName) {
    let Some(func) = cx.current_function() else { return };
    let uses = NameUses::scan(&func.body, name.id.as_str());
    if uses.other_binding || uses.count != 2 {
        return;
    }
    let Some(assignment) = uses.assignment else { return };
    let Stmt::Assign(assign) = assignment else { return };
    let Expr::Call(call) = &*assign.value else { return };
    if !cx.imports().matches(&call.func, &["asyncio", "gather"]) || call.arguments.is_empty() {
        return;
    }
    let Some(stmt) = cx.current_statement() else { return };
    let id = GatherToTaskGroup::INFO.id;
    let result = if previous_sibling(cx, stmt).is_none_or(|p| p.range() != assignment.range()) {
        Err(format!(
            "code runs between `{0} = asyncio.gather(...)` and `await {0}` (or the await is in another \
             block): gather scheduled the children at the assignment, so they run at the first \
             suspension in between; a TaskGroup block at the await would start them later",
            name.id
        ))
    } else if !matches!(stmt,
        Stmt::Expr(ast::StmtExpr { value, .. }) | Stmt::Return(ast::StmtReturn { value: Some(value), .. })
            | Stmt::Assign(ast::StmtAssign { value, .. })
            if value.range() == await_expr.range())
    {
        Err(format!(
            "`await {}` is part of a statement that evaluates something else first",
            name.id
        ))
    } else {
        rewrite::check_hoistable(cx, assignment).and_then(|()| plan(cx, await_expr, call, Some(assignment)))
    };
    match result {
        Ok(fix) => cx.report(Finding::new(id, call.range(), MESSAGE).with_fix(fix)),
        Err(reason) => cx.report(Finding::new(id, call.range(), format!("{MESSAGE}; no fix: {reason}"))),
    }
}

/// The statement just before `stmt` in the block that holds it.
fn previous_sibling<'a>(cx: &Checker<'a>, stmt: &Stmt) -> Option<&'a Stmt> {
    let statements = cx.statements();
    let parent = statements.len().checked_sub(2).map(|i| statements[i])?;
    analysis::bodies_of(parent).into_iter().find_map(|body| {
        let i = body.iter().position(|s| s.range() == stmt.range())?;
        i.checked_sub(1).map(|j| &body[j])
    })
}

/// How a function uses one name: how many `Name` nodes spell it (nested functions included),
/// its single-target assignment in the function's own body (the last one), and whether
/// anything else could bind or read it unseen (`global`/`nonlocal`, `locals()`, `vars()`).
struct NameUses<'a> {
    name: &'a str,
    count: usize,
    assignment: Option<&'a Stmt>,
    other_binding: bool,
    depth: usize,
}

impl<'a> NameUses<'a> {
    fn scan(body: &'a [Stmt], name: &'a str) -> Self {
        let mut uses = NameUses { name, count: 0, assignment: None, other_binding: false, depth: 0 };
        uses.visit_body(body);
        uses
    }
}

impl<'a> SourceOrderVisitor<'a> for NameUses<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {
                self.depth += 1;
                source_order::walk_stmt(self, stmt);
                self.depth -= 1;
                return;
            }
            Stmt::Global(ast::StmtGlobal { names, .. }) | Stmt::Nonlocal(ast::StmtNonlocal { names, .. })
                if names.iter().any(|n| n.as_str() == self.name) =>
            {
                self.other_binding = true;
            }
            Stmt::Assign(assign) if self.depth == 0 => {
                if matches!(&*assign.targets, [Expr::Name(target)] if target.id.as_str() == self.name) {
                    self.assignment = Some(stmt);
                }
            }
            _ => {}
        }
        source_order::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) if n.id.as_str() == self.name => self.count += 1,
            Expr::Call(call) if matches!(&*call.func, Expr::Name(f) if matches!(f.id.as_str(), "locals" | "vars")) => {
                self.other_binding = true;
            }
            _ => {}
        }
        source_order::walk_expr(self, expr);
    }

    fn visit_parameter(&mut self, parameter: &'a ast::Parameter) {
        if parameter.name.as_str() == self.name {
            self.other_binding = true;
        }
        source_order::walk_parameter(self, parameter);
    }
}

/// `assignment`: the `name = asyncio.gather(...)` statement directly before the one that
/// awaits `name` (removed by the fix, its comments kept), or `None` for `await gather(...)`.
fn plan(cx: &Checker, await_expr: &ast::ExprAwait, call: &ast::ExprCall, assignment: Option<&Stmt>) -> Result<Fix, String> {
    for keyword in &call.arguments.keywords {
        match keyword.arg.as_deref() {
            Some("return_exceptions") if matches!(keyword.value, Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. })) => {}
            Some("return_exceptions") => return Err("gather collects exceptions; TaskGroup cannot".into()),
            Some(other) => return Err(format!("unexpected keyword argument `{other}=`")),
            None => return Err("`**kwargs` of unknown content".into()),
        }
    }
    let awaitables = awaitables(cx, &call.arguments.args)?;
    if call.arguments.args.iter().any(|arg| rewrite::contains_await(arg, None)) {
        return Err("an awaitable contains `await` itself".into());
    }
    if rewrite::in_conditional_or_deferred_context(cx, await_expr.range()) {
        return Err("the gather runs only on some paths or lazily (comprehension, lambda, `and`/`or`, conditional expression, chained comparison, `assert` message)".into());
    }
    let stmt = cx.current_statement().ok_or("no enclosing statement")?;
    if let Some(handler) = specific_handler(cx, await_expr.range()) {
        return Err(format!(
            "{handler} around it in this function: a TaskGroup raises an ExceptionGroup, which it would not match"
        ));
    }
    let shape = shape(cx, stmt, await_expr)?;

    let group = importer::spell(cx, "asyncio", "TaskGroup")?;
    let mut taken = Vec::new();
    let tg = cx.fresh_name("tg", &taken);
    taken.push(tg.clone());

    let source = cx.source();
    let indent = rewrite::indentation(cx, stmt);
    let unit = rewrite::block_unit(cx, stmt);
    let nl = cx.line_ending_at(stmt.start());
    let inner = format!("{nl}{indent}{unit}");
    let mut block = format!("async with {}() as {tg}:", group.name);
    let results: Option<String> = match &awaitables {
        Awaitables::Listed(args) => {
            let names = task_names(cx, stmt, &shape, args.len(), &mut taken);
            let comments = comments_between(cx, stmt, &shape, await_expr, call, args);
            for (i, arg) in args.iter().enumerate() {
                for comment in &comments.before[i] {
                    block.push_str(&inner);
                    block.push_str(comment);
                }
                block.push_str(&inner);
                if let Some(names) = &names {
                    block.push_str(&format!("{} = ", names[i]));
                }
                let arg_range = parenthesized_range((*arg).into(), (&call.arguments).into(), cx.tokens()).unwrap_or(arg.range());
                block.push_str(&format!("{tg}.create_task({})", &source[arg_range]));
                for comment in &comments.trailing[i] {
                    block.push_str("  ");
                    block.push_str(comment);
                }
            }
            for comment in &comments.after {
                block.push_str(&inner);
                block.push_str(comment);
            }
            names.map(|names| {
                let reads: Vec<String> = names.iter().map(|n| format!("{n}.result()")).collect();
                match shape {
                    // `[only] = ...` unpacks a one-element tuple: `only_task.result(),`.
                    Shape::Unpacked if reads.len() == 1 => format!("{},", reads[0]),
                    Shape::Unpacked => reads.join(", "),
                    _ => format!("[{}]", reads.join(", ")),
                }
            })
        }
        Awaitables::Comprehension { elt, whole } => {
            let tasks = cx.fresh_name("tasks", &taken);
            let generators = &source[TextRange::new(elt.end(), whole.end() - ruff_text_size::TextSize::from(1))];
            let moved: Vec<&str> = cx
                .comments_in(call.arguments.range())
                .iter()
                .filter(|c| !whole.range().contains_range(**c))
                .map(|c| &source[*c])
                .collect();
            for comment in moved {
                block.push_str(&inner);
                block.push_str(comment);
            }
            block.push_str(&inner);
            let created = format!("{tg}.create_task({})", &source[elt.range()]);
            match (&shape, task_loop(cx, whole, &created, &inner, &unit)) {
                // Nothing reads the tasks: a loop, not a list nobody uses (ruff F841).
                (Shape::Bare, Some(task_loop)) => {
                    block.push_str(&task_loop);
                    None
                }
                (Shape::Bare, None) => {
                    block.push_str(&format!("{tasks} = [{created}{generators}]"));
                    None
                }
                _ => {
                    block.push_str(&format!("{tasks} = [{created}{generators}]"));
                    Some(format!("[task.result() for task in {tasks}]"))
                }
            }
        }
        Awaitables::Mixed(parts) => {
            let calls = parts.iter().filter(|p| matches!(p, Part::Call(_))).count();
            let names = task_names(cx, stmt, &Shape::Value, calls, &mut taken);
            let moved: Vec<&str> = cx
                .comments_in(call.arguments.range())
                .iter()
                .filter(|c| !call.arguments.args.iter().any(|a| a.range().contains_range(**c)))
                .map(|c| &source[*c])
                .collect();
            for comment in moved {
                block.push_str(&inner);
                block.push_str(comment);
            }
            let mut reads = Vec::new();
            let mut call_index = 0;
            for part in parts {
                block.push_str(&inner);
                match part {
                    Part::Call(arg) => {
                        let arg_range = parenthesized_range((*arg).into(), (&call.arguments).into(), cx.tokens()).unwrap_or(arg.range());
                        let created = format!("{tg}.create_task({})", &source[arg_range]);
                        match (&shape, &names) {
                            (Shape::Bare, _) | (_, None) => block.push_str(&created),
                            (_, Some(names)) => {
                                block.push_str(&format!("{} = {created}", names[call_index]));
                                reads.push(format!("{}.result()", names[call_index]));
                            }
                        }
                        call_index += 1;
                    }
                    Part::Comprehension { elt, whole } => {
                        let created = format!("{tg}.create_task({})", &source[elt.range()]);
                        if let (Shape::Bare, Some(task_loop)) =
                            (&shape, task_loop(cx, whole, &created, &inner, &unit))
                        {
                            block.push_str(&task_loop);
                            continue;
                        }
                        let tasks = cx.fresh_name("tasks", &taken);
                        taken.push(tasks.clone());
                        let generators = &source[TextRange::new(elt.end(), whole.end() - ruff_text_size::TextSize::from(1))];
                        block.push_str(&format!("{tasks} = [{created}{generators}]"));
                        reads.push(format!("*[task.result() for task in {tasks}]"));
                    }
                    Part::Local(list) => {
                        let tasks = cx.fresh_name("tasks", &taken);
                        taken.push(tasks.clone());
                        let item = if *list == "coro" { "item" } else { "coro" };
                        block.push_str(&format!("{tasks} = [{tg}.create_task({item}) for {item} in {list}]"));
                        reads.push(format!("*[task.result() for task in {tasks}]"));
                    }
                }
            }
            match shape {
                Shape::Bare => None,
                _ => Some(match reads.as_slice() {
                    [only] if only.starts_with('*') => only[1..].to_string(),
                    _ => format!("[{}]", reads.join(", ")),
                }),
            }
        }
    };

    let edits = match (&shape, results) {
        (Shape::Bare, _) | (_, None) => vec![Edit::replacement(block, stmt.range())],
        (_, Some(results)) => vec![
            Edit::insertion(format!("{block}{nl}{indent}"), stmt.start()),
            Edit::replacement(results, await_expr.range()),
        ],
    };
    let mut edits = edits;
    edits.extend(group.edit);
    if let Some(assignment) = assignment {
        // The assignment's lines go; comments inside it stay, on lines of their own.
        let kept: String = cx
            .comments_in(source.full_lines_range(assignment.range()))
            .iter()
            .filter(|c| !call.arguments.range().contains_range(**c))
            .map(|c| format!("{indent}{}{nl}", &source[*c]))
            .collect();
        edits.push(Edit::replacement(kept, source.full_lines_range(assignment.range())));
    }

    let mut note = NOTE.to_string();
    if !matches!(shape, Shape::Bare) && stmt_has_more_than(stmt, await_expr.range()) {
        note.push_str(
            "; the rest of the statement now runs after the tasks: what it evaluated before the gather \
             (a call, a name the tasks change) now sees their effects",
        );
    }
    let fix = Fix::unsafe_(edits).with_note(note);
    Ok(match cx.imports().from_imported_name(&call.func) {
        Some(local) => fix.dropping(local),
        None => fix,
    })
}

fn awaitables<'a>(cx: &Checker, args: &'a [Expr]) -> Result<Awaitables<'a>, String> {
    if let [Expr::Starred(starred)] = args
        && !starred.value.is_name_expr()
    {
        let (elt, whole) = match &*starred.value {
            Expr::ListComp(comp) => (&*comp.elt, &*starred.value),
            Expr::Generator(generator) if generator.parenthesized => (&*generator.elt, &*starred.value),
            _ => return Err("`*args` of unknown content: each awaitable must be a call that returns a coroutine".into()),
        };
        let generators = match whole {
            Expr::ListComp(comp) => &comp.generators,
            Expr::Generator(generator) => &generator.generators,
            _ => unreachable!("matched above"),
        };
        if generators.iter().any(|g| g.is_async) {
            return Err("the comprehension iterates with `async for`: the tasks would start before it finishes".into());
        }
        coroutine_call(cx, elt)?;
        return Ok(Awaitables::Comprehension { elt, whole });
    }
    if args.iter().any(Expr::is_starred_expr) {
        let mut parts = Vec::new();
        for arg in args {
            let Expr::Starred(starred) = arg else {
                coroutine_call(cx, arg)?;
                parts.push(Part::Call(arg));
                continue;
            };
            let (elt, generators) = match &*starred.value {
                Expr::ListComp(comp) => (&*comp.elt, &comp.generators),
                Expr::Generator(generator) if generator.parenthesized => (&*generator.elt, &generator.generators),
                Expr::Name(name) if local_coroutine_list(cx, name) => {
                    parts.push(Part::Local(name.id.as_str()));
                    continue;
                }
                _ => return Err("`*args` of unknown content: each awaitable must be a call that returns a coroutine".into()),
            };
            if generators.iter().any(|g| g.is_async) {
                return Err("the comprehension iterates with `async for`: the tasks would start before it finishes".into());
            }
            coroutine_call(cx, elt)?;
            parts.push(Part::Comprehension { elt, whole: &starred.value });
        }
        return Ok(Awaitables::Mixed(parts));
    }
    for arg in args {
        coroutine_call(cx, arg)?;
    }
    Ok(Awaitables::Listed(args.iter().collect()))
}

/// Is `name` (in `gather(*name)`) a local list of coroutines used only by this gather? The
/// function binds it once, with `name = [f(...) for ...]` where `f` is an `async def` of this
/// module, and spells it nowhere else (no other read, no `append`, no `global`/`nonlocal`).
fn local_coroutine_list(cx: &Checker, name: &ast::ExprName) -> bool {
    let Some(func) = cx.current_function() else { return false };
    let id = name.id.as_str();
    let mentions = {
        let tokens = cx.tokens();
        let range = func.range();
        let first = tokens.partition_point(|t| t.end() <= range.start());
        tokens[first..]
            .iter()
            .take_while(|t| t.start() < range.end())
            .filter(|t| t.kind() == ruff_python_ast::token::TokenKind::Name && &cx.source()[t.range()] == id)
            .count()
    };
    if mentions != 2 {
        return false;
    }
    struct Find<'a, 'n>(&'n str, Option<&'a ast::StmtAssign>);
    impl<'a> SourceOrderVisitor<'a> for Find<'a, '_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if let Stmt::Assign(assign) = stmt
                && matches!(assign.targets.as_slice(), [Expr::Name(n)] if n.id.as_str() == self.0)
            {
                self.1 = Some(assign);
            }
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                source_order::walk_stmt(self, stmt);
            }
        }
    }
    let mut find = Find(id, None);
    find.visit_body(&func.body);
    let Some(assign) = find.1 else { return false };
    if assign.end() > name.start() {
        return false;
    }
    let Expr::ListComp(comp) = &*assign.value else { return false };
    let Expr::Call(call) = &*comp.elt else { return false };
    matches!(&*call.func, Expr::Name(_)) && matches!(analysis::local_callee(cx, &call.func), analysis::LocalCallee::Coroutine)
}

/// Is `expr` a call that (as far as we can tell) returns a coroutine?
fn coroutine_call(cx: &Checker, expr: &Expr) -> Result<(), String> {
    let Expr::Call(call) = expr else {
        return Err(format!(
            "`{}` is not a call: a coroutine object or future passed to `tg.create_task` could be awaited twice or rejected",
            cx.slice(expr)
        ));
    };
    let last = match &*call.func {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attr) => attr.attr.as_str(),
        _ => return Ok(()),
    };
    if let Expr::Attribute(attr) = &*call.func
        && matches!(&*attr.value, Expr::Name(owner) if matches!(owner.id.as_str(), "self" | "cls"))
        && let Some(class) = overridden_by_non_coroutine(cx, attr.attr.as_str())
    {
        return Err(format!(
            "`{}` is overridden in `{class}` by something that is not an `async def`: it may return a future, which `tg.create_task` rejects",
            attr.attr
        ));
    }
    match cx.local_definition(&call.func) {
        Some(Stmt::FunctionDef(func)) if !func.is_async => {
            return Err(format!(
                "`{}` is a plain `def` of this file: it may return a task or future, which `tg.create_task` rejects",
                func.name
            ));
        }
        Some(Stmt::ClassDef(class)) => {
            return Err(format!("`{}(...)` creates an instance, not a coroutine", class.name));
        }
        _ => {}
    }
    if let Some(def) = cx.imported_definition(&call.func) {
        let what = match def.kind {
            DefKind::Coroutine => None,
            DefKind::Sync => Some("is not an `async def`: it may return a task or future"),
            DefKind::AsyncOther => Some("is a decorated `async def` or an async generator: it may not return a coroutine"),
            DefKind::Class => Some("is a class: the call creates an instance, not a coroutine"),
        };
        if let Some(what) = what {
            return Err(format!(
                "`{}` (imported from {}) {what}, which `tg.create_task` rejects",
                def.name, def.path
            ));
        }
    }
    if let Expr::Attribute(attr) = &*call.func
        && AWAITABLE_OBJECT_METHODS.contains(&attr.attr.as_str())
        && cx.imports().resolve(&call.func).is_none()
        && cx.local_definition(&call.func).is_none()
    {
        return Err(format!(
            "`{}(...)` may return an awaitable that is not a coroutine (aiohttp's request methods do), which `tg.create_task` rejects",
            cx.slice(&*call.func)
        ));
    }
    let resolved_last = cx.imports().resolve(&call.func).and_then(|q| q.last().cloned());
    let name = resolved_last.as_deref().unwrap_or(last);
    if FUTURE_RETURNING.contains(&name) {
        return Err(format!("`{}` returns a future or task, not a coroutine; `tg.create_task` needs a coroutine", cx.slice(&*call.func)));
    }
    Ok(())
}

fn shape(cx: &Checker, stmt: &Stmt, await_expr: &ast::ExprAwait) -> Result<Shape, String> {
    let source = cx.source();
    if has_leading_content(stmt.start(), source) {
        return Err("the statement shares its line with other code".into());
    }
    let range = await_expr.range();
    let header_ok = match stmt {
        Stmt::If(s) => s.test.range().contains_range(range),
        Stmt::For(s) => s.iter.range().contains_range(range),
        Stmt::With(s) => s.items.iter().any(|item| item.context_expr.range().contains_range(range)),
        Stmt::While(_) => return Err("it is in a `while` condition, evaluated on every iteration".into()),
        _ if rewrite::is_compound(stmt) => return Err("it is in a compound statement's header".into()),
        _ => {
            rewrite::check_hoistable(cx, stmt)?;
            true
        }
    };
    if !header_ok {
        return Err("it is in an `elif` condition or another part of a compound header".into());
    }
    if rewrite::statement_expressions(stmt).iter().any(|e| rewrite::contains_await(e, Some(range)))
        || compound_header_awaits(stmt, range)
    {
        return Err("the statement awaits something else, which would run after the gathered tasks instead of before".into());
    }
    Ok(match stmt {
        Stmt::Expr(s) if s.value.range() == range => Shape::Bare,
        Stmt::Assign(s) if s.value.range() == range && s.targets.len() == 1 && matches!(s.targets[0], Expr::Tuple(_) | Expr::List(_)) => {
            Shape::Unpacked
        }
        _ => Shape::Value,
    })
}

fn compound_header_awaits(stmt: &Stmt, range: TextRange) -> bool {
    let header: Vec<&Expr> = match stmt {
        Stmt::If(s) => vec![&s.test],
        Stmt::For(s) => vec![&s.iter, &s.target],
        Stmt::With(s) => s.items.iter().map(|i| &i.context_expr).collect(),
        _ => return false,
    };
    header.iter().any(|e| rewrite::contains_await(e, Some(range)))
}

/// Names for the tasks, or `None` when the results are not read (a bare statement).
fn task_names(cx: &Checker, stmt: &Stmt, shape: &Shape, count: usize, taken: &mut Vec<String>) -> Option<Vec<String>> {
    if matches!(shape, Shape::Bare) {
        return None;
    }
    let targets: Option<Vec<&str>> = match (shape, stmt) {
        (Shape::Unpacked, Stmt::Assign(assign)) => {
            let elts = match &assign.targets[0] {
                Expr::Tuple(t) => &t.elts,
                Expr::List(l) => &l.elts,
                _ => return None,
            };
            elts.iter()
                .map(|e| match e {
                    Expr::Name(name) => Some(name.id.as_str()),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .filter(|names| names.len() == count)
        }
        _ => None,
    };
    let names: Vec<String> = match &targets {
        Some(targets) => targets
            .iter()
            .map(|target| {
                let name = cx.fresh_name(&format!("{target}_task"), taken);
                taken.push(name.clone());
                name
            })
            .collect(),
        None => {
            // One numbered family for all the tasks: `task_1, task_2`, else `gathered_1, ...`.
            let family = ["task", "gathered", "gather_task"].into_iter().find(|prefix| {
                (1..=count).all(|i| {
                    let candidate = format!("{prefix}_{i}");
                    cx.fresh_name(&candidate, taken) == candidate
                })
            });
            (1..=count)
                .map(|i| {
                    let name = match family {
                        Some(prefix) => format!("{prefix}_{i}"),
                        None => cx.fresh_name(&format!("task_{i}"), taken),
                    };
                    taken.push(name.clone());
                    name
                })
                .collect()
        }
    };
    Some(names)
}

/// Comments inside the gather call that are not inside an awaitable: own-line comments before
/// awaitable `i`, trailing comments of awaitable `i`'s line, and comments after the last one.
struct CallComments<'a> {
    before: Vec<Vec<&'a str>>,
    trailing: Vec<Vec<&'a str>>,
    after: Vec<&'a str>,
}

fn comments_between<'a>(cx: &Checker<'a>, stmt: &Stmt, shape: &Shape, await_expr: &ast::ExprAwait, call: &ast::ExprCall, args: &[&Expr]) -> CallComments<'a> {
    let source = cx.source();
    let scope = if !await_expr.range().contains_range(call.range()) {
        // `name = gather(...)` before `await name`: the comments inside the call.
        call.arguments.range()
    } else if matches!(shape, Shape::Bare) {
        stmt.range()
    } else {
        await_expr.range()
    };
    let mut out = CallComments { before: vec![Vec::new(); args.len()], trailing: vec![Vec::new(); args.len()], after: Vec::new() };
    for comment in cx.comments_in(scope) {
        if args.iter().any(|a| a.range().contains_range(*comment)) {
            continue;
        }
        let text = &source[*comment];
        let previous = args.iter().rposition(|a| a.end() <= comment.start());
        match previous {
            Some(i) if source.line_start(args[i].end()) == source.line_start(comment.start()) => out.trailing[i].push(text),
            _ => match args.iter().position(|a| a.start() >= comment.end()) {
                Some(next) => out.before[next].push(text),
                None => out.after.push(text),
            },
        }
    }
    out
}

/// Does the statement evaluate anything besides the awaited gather and its assignment targets?
fn stmt_has_more_than(stmt: &Stmt, range: TextRange) -> bool {
    match stmt {
        Stmt::Assign(assign) => assign.value.range() != range || assign.targets.iter().any(|t| !is_plain_target(t)),
        Stmt::AnnAssign(assign) => assign.value.as_ref().is_none_or(|v| v.range() != range) || !is_plain_target(&assign.target),
        Stmt::Return(ret) => ret.value.as_ref().is_none_or(|v| v.range() != range),
        Stmt::Expr(expr) => expr.value.range() != range,
        _ => true,
    }
}

fn is_plain_target(target: &Expr) -> bool {
    match target {
        Expr::Name(_) => true,
        Expr::Tuple(t) => t.iter().all(is_plain_target),
        Expr::List(l) => l.iter().all(is_plain_target),
        _ => false,
    }
}

/// A class of this module (other than the enclosing one) that defines `method` as anything but
/// a plain `async def`: a subclass whose override returns a future or is synchronous.
fn overridden_by_non_coroutine<'a>(cx: &Checker<'a>, method: &str) -> Option<&'a str> {
    let own = cx.enclosing_class().map(|c| c.range());
    cx.suite().iter().find_map(|stmt| {
        let Stmt::ClassDef(class) = stmt else { return None };
        if Some(class.range()) == own {
            return None;
        }
        let differs = class.body.iter().any(|member| match member {
            Stmt::FunctionDef(func) => func.name.as_str() == method && (!func.is_async || !func.decorator_list.is_empty()),
            Stmt::Assign(assign) => assign.targets.iter().any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == method)),
            Stmt::AnnAssign(assign) => matches!(&*assign.target, Expr::Name(n) if n.id.as_str() == method),
            _ => false,
        });
        differs.then(|| class.name.as_str())
    })
}

/// The innermost handler of the current function that guards `range` and names specific
/// exception types: an `except` clause of a `try` whose body holds it (not `except*`), or a
/// `with contextlib.suppress(...)` (any spelling) whose body holds it. Handlers for
/// `Exception`/`BaseException` and bare `except:` still catch an ExceptionGroup.
fn specific_handler(cx: &Checker, range: TextRange) -> Option<String> {
    for stmt in cx.statements().iter().rev() {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return None,
            Stmt::Try(try_stmt) if !try_stmt.is_star && try_stmt.body.iter().any(|s| s.range().contains_range(range)) => {
                for handler in &try_stmt.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    if let Some(types) = &handler.type_
                        && !catches_groups(cx, types)
                    {
                        return Some(format!("`except {}`", cx.slice(&**types)));
                    }
                }
            }
            Stmt::With(with) if with.body.iter().any(|s| s.range().contains_range(range)) => {
                for item in &with.items {
                    if let Expr::Call(call) = &item.context_expr
                        && cx.imports().matches(&call.func, &["contextlib", "suppress"])
                        && !call.arguments.args.iter().all(|arg| catches_groups(cx, arg))
                    {
                        return Some(format!("`with {}`", cx.slice(&item.context_expr)));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// Does this exception type (or tuple of types) catch an ExceptionGroup: `Exception` or
/// `BaseException` (the builtins), alone or in a tuple?
fn catches_groups(cx: &Checker, types: &Expr) -> bool {
    match types {
        Expr::Tuple(tuple) => tuple.iter().any(|t| catches_groups(cx, t)),
        _ => matches!(cx.builtin(types), Some("Exception" | "BaseException" | "BaseExceptionGroup" | "ExceptionGroup")),
    }
}

/// A comprehension whose tasks nothing reads, as nested `for` / `if` statements around
/// `created` (`for x in xs:` / `tg.create_task(f(x))`), the first line without its leading
/// `inner` (newline and indent). `None` when a loop variable would clash with a name the
/// function uses elsewhere (a comprehension's variables do not leak; a loop's do), or for an
/// `async for`.
fn task_loop(cx: &Checker, whole: &Expr, created: &str, inner: &str, unit: &str) -> Option<String> {
    let generators = match whole {
        Expr::ListComp(comp) => &comp.generators,
        Expr::Generator(comp) => &comp.generators,
        _ => return None,
    };
    let func = cx.current_function()?;
    for generator in generators {
        if generator.is_async {
            return None;
        }
        for name in rewrite::names_in(&generator.target) {
            if used_outside_own_comprehensions(&func.body, &name) {
                return None;
            }
        }
    }
    let mut text = String::new();
    let mut depth = String::new();
    for (i, generator) in generators.iter().enumerate() {
        if i > 0 {
            text.push_str(inner);
            text.push_str(&depth);
        }
        text.push_str(&format!(
            "for {} in {}:",
            cx.slice(&generator.target),
            cx.slice(&generator.iter)
        ));
        depth.push_str(unit);
        for condition in &generator.ifs {
            text.push_str(inner);
            text.push_str(&depth);
            text.push_str(&format!("if {}:", cx.slice(condition)));
            depth.push_str(unit);
        }
    }
    text.push_str(inner);
    text.push_str(&depth);
    text.push_str(created);
    Some(text)
}

/// Does `name` occur in `body` outside every comprehension that binds it itself? (Those
/// occurrences are the comprehension's own variable; any other one is the function's, which a
/// `for` loop of that name would change, or make local for the whole function.)
fn used_outside_own_comprehensions(body: &[Stmt], name: &str) -> bool {
    use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
    struct Find<'n> {
        name: &'n str,
        found: bool,
    }
    impl<'a> SourceOrderVisitor<'a> for Find<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            // A nested function whose parameter has the name has its own `name`: what it does
            // with it cannot clash with a loop variable of the enclosing function.
            if let Stmt::FunctionDef(func) = stmt
                && func.parameters.iter().any(|p| p.name().as_str() == self.name)
            {
                return;
            }
            source_order::walk_stmt(self, stmt);
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Lambda(lambda) = expr
                && lambda
                    .parameters
                    .as_ref()
                    .is_some_and(|ps| ps.iter().any(|p| p.name().as_str() == self.name))
            {
                return;
            }
            let generators = match expr {
                Expr::ListComp(c) => Some(&c.generators),
                Expr::SetComp(c) => Some(&c.generators),
                Expr::DictComp(c) => Some(&c.generators),
                Expr::Generator(c) => Some(&c.generators),
                Expr::Name(n) => {
                    self.found |= n.id.as_str() == self.name;
                    None
                }
                _ => None,
            };
            if generators.is_some_and(|gens| {
                gens.iter()
                    .any(|g| rewrite::names_in(&g.target).iter().any(|n| n == self.name))
            }) {
                return;
            }
            source_order::walk_expr(self, expr);
        }
    }
    let mut find = Find { name, found: false };
    find.visit_body(body);
    find.found
}
