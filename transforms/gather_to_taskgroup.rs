//! `gather-to-taskgroup`: `await asyncio.gather(f(), g())` → an `asyncio.TaskGroup` block.

use ruff_python_ast::token::parenthesized_range;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_python_trivia::has_leading_content;
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange};

use crate::analysis::FUTURE_RETURNING;
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
    /// - `return_exceptions=False` is dropped. Comments inside the call are kept.
    ///
    /// ## Fix safety
    /// Always unsafe: when an awaitable fails, `gather` lets the others run on and raises the
    /// first error; a `TaskGroup` cancels the others and raises an `ExceptionGroup`, so an
    /// `except SomeError:` around the call stops matching (use `except* SomeError:`). The rest of
    /// the statement now runs after the tasks: what it evaluated before the gather (a call in
    /// `f(a(), await gather(...))`, a name the tasks change in `(n, await gather(...))`) now sees
    /// their effects; the fix note says so where the statement has such parts.
    ///
    /// ## When no fix is made
    /// - `return_exceptions=True` (or any value but `False`): gather collects exceptions as
    ///   results; a TaskGroup cannot.
    /// - An awaitable that is not a call returning a coroutine: a name (a coroutine object
    ///   could be awaited twice), `*coros` of unknown content, a call that returns a future or
    ///   task (`create_task`, `ensure_future`, `run_in_executor`, `shield`, `gather`, ...), a
    ///   plain `def` or a class of this file (`self.m()` included), or an HTTP-style method on an
    ///   object asyncup cannot follow (`client.get(...)`: aiohttp's return awaitable context
    ///   managers): `tg.create_task` needs a coroutine. `asyncio.to_thread(...)` and an
    ///   `async def` of this file are fine; other calls are assumed to return coroutines, and the
    ///   fix note says that one that does not makes `tg.create_task` raise `TypeError`.
    /// - `*[f(x) async for x in xs]`: the tasks would start while the iteration still runs.
    /// - The gather sits in a comprehension, a lambda, after `and`/`or`, in a branch of a
    ///   conditional expression, past the first link of a chained comparison, in an `assert`
    ///   message, in a `while` or `elif` condition, or in a statement that awaits
    ///   something else or shares its line with other code.
    /// - A gather that is not awaited directly is not a finding.
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
                    (gather let them run and raised the first error): `except SomeError` around it stops matching; \
                    an awaitable that is not a coroutine makes `tg.create_task` raise TypeError";

impl Transform for GatherToTaskGroup {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Await(await_expr) = expr else { return };
        let Expr::Call(call) = &*await_expr.value else { return };
        if !cx.in_async() || !cx.imports().matches(&call.func, &["asyncio", "gather"]) {
            return;
        }
        if call.arguments.is_empty() {
            return;
        }
        match plan(cx, await_expr, call) {
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

fn plan(cx: &Checker, await_expr: &ast::ExprAwait, call: &ast::ExprCall) -> Result<Fix, String> {
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
            let comments = comments_between(cx, stmt, &shape, await_expr, args);
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
            block.push_str(&format!("{tasks} = [{tg}.create_task({}){generators}]", &source[elt.range()]));
            match shape {
                Shape::Bare => None,
                _ => Some(format!("[task.result() for task in {tasks}]")),
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
    if let [Expr::Starred(starred)] = args {
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
        return Err("`*args` of unknown content: each awaitable must be a call that returns a coroutine".into());
    }
    for arg in args {
        coroutine_call(cx, arg)?;
    }
    Ok(Awaitables::Listed(args.iter().collect()))
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

fn comments_between<'a>(cx: &Checker<'a>, stmt: &Stmt, shape: &Shape, await_expr: &ast::ExprAwait, args: &[&Expr]) -> CallComments<'a> {
    let source = cx.source();
    let scope = if matches!(shape, Shape::Bare) { stmt.range() } else { await_expr.range() };
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
