//! `run-until-complete`: `loop.run_until_complete(x)` → `asyncio.run(x)`.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_python_trivia::has_leading_content;
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::analysis::{FUTURE_RETURNING, LocalCallee, bodies_of, local_callee};
use crate::checker::Checker;
use crate::project::is_test_path;
use crate::edit::{Edit, Finding, Fix};
use crate::importer;
use crate::imports::Scope;
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;

crate::declare_transform! {
    /// ## What it does
    /// Finds `asyncio.get_event_loop().run_until_complete(x)`, and
    /// `loop = asyncio.get_event_loop()` (or `asyncio.new_event_loop()`) followed by
    /// `loop.run_until_complete(x)` and optionally `loop.close()`, where `loop` has no other
    /// use, and rewrites them to `asyncio.run(x)` (the `loop = ...` and `loop.close()`
    /// statements go; one that is alone in its block becomes `pass`).
    ///
    /// ## Why is this bad?
    /// `get_event_loop()` without a running loop is deprecated (a warning since 3.10, an error
    /// after `asyncio.run` or in other threads), and managing a loop by hand leaves tasks,
    /// async generators and the default executor unfinalised. `asyncio.run` (3.7+) creates the
    /// loop, runs the coroutine, cleans up and closes the loop.
    ///
    /// ## Example
    /// ```python
    /// loop = asyncio.get_event_loop()
    /// loop.run_until_complete(main())
    /// loop.close()
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// asyncio.run(main())
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: `asyncio.run` makes a fresh loop each time, cancels the tasks still pending when
    /// the coroutine returns, finalises async generators, shuts the default executor down and
    /// closes the loop; afterwards there is no current loop (`get_event_loop()` raises). A
    /// function that runs the loop on every call now gets a new loop per call, so objects bound
    /// to the first loop (futures, connections) cannot be reused across calls.
    ///
    /// ## When no fix is made
    /// - The module runs the shared loop more than once (two `run_until_complete` calls where
    ///   one uses `get_event_loop()`), or runs it in a `for`/`while` loop or a comprehension.
    /// - The module uses the event loop otherwise in sync code: another `get_event_loop()`,
    ///   `new_event_loop()`, `set_event_loop()`, `ensure_future()`, `gather()`, `Future()`, ...
    ///   (they would see no loop, or another one, after `asyncio.run`).
    /// - `loop` is used otherwise (`loop.run_forever()`, `loop.create_task(...)`, passed on),
    ///   is assigned more than once or not in the same scope, or its statements share a line.
    /// - The argument is not a call returning a coroutine (`asyncio.run` rejects futures:
    ///   `gather(...)`, `ensure_future(...)`, a task, a name, a class of this file).
    /// - The call is inside `async def` (a loop is already running there).
    /// - The file is test code (`test_*.py`, `*_test.py`, `conftest.py`, or under a `test`,
    ///   `tests` or `testing` folder) and another file of the run calls
    ///   `asyncio.get_event_loop()` from sync code (a `setUpClass`, a module level): after
    ///   `asyncio.run` there is no current loop, so that call fails when it runs later in the
    ///   same test process (the project view). In other code, the note names those files.
    /// - Other arguments, or a receiver that is neither `asyncio.get_event_loop()` nor a local
    ///   name.
    pub struct RunUntilComplete {
        id: "run-until-complete",
        summary: "`loop.run_until_complete(x)` -> `asyncio.run(x)`",
        min_version: Some(PyVersion::PY37),
        safety: FixSafety::Unsafe,
    }
}

const MESSAGE: &str =
    "Use `asyncio.run()` instead of managing the event loop with `run_until_complete()`";
const NOTE: &str = "`asyncio.run` creates a fresh loop, cancels tasks left pending when the coroutine returns, shuts down async generators and the default executor, and closes the loop; afterwards `get_event_loop()` raises";

/// asyncio functions that use the current event loop when called from sync code.
const LOOP_USERS: &[&str] = &[
    "get_event_loop",
    "new_event_loop",
    "set_event_loop",
    "get_event_loop_policy",
    "ensure_future",
    "gather",
    "shield",
    "wrap_future",
    "as_completed",
    "Future",
    "Task",
];

#[derive(Default)]
struct FileState {
    runs: Vec<Run>,
    /// Sync-code calls that use the event loop, with their line.
    loop_users: Vec<(TextRange, String)>,
}

struct Run {
    call: TextRange,
    /// Does it run the shared (`get_event_loop`) loop, or a loop we cannot identify?
    shared: bool,
    /// Calls of `get_event_loop()`/`new_event_loop()` the fix removes.
    consumed: Vec<TextRange>,
    plan: Result<Fix, String>,
}

impl Transform for RunUntilComplete {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !cx.in_async()
            && let Some(name) = LOOP_USERS
                .iter()
                .find(|name| cx.imports().matches(&call.func, &["asyncio", name]))
        {
            let line = cx.line_number(call.start());
            cx.state::<FileState>()
                .loop_users
                .push((call.range(), format!("`{name}()` on line {line}")));
        }
        let Expr::Attribute(attr) = &*call.func else {
            return;
        };
        if attr.attr.as_str() != "run_until_complete" {
            return;
        }
        let run = analyse(cx, call, attr);
        cx.state::<FileState>().runs.push(run);
    }

    fn on_end(&self, cx: &mut Checker<'_>) {
        let state = std::mem::take(cx.state::<FileState>());
        let shared_runs = state.runs.iter().filter(|r| r.shared).count();
        let consumed: Vec<TextRange> = state
            .runs
            .iter()
            .filter(|r| r.plan.is_ok())
            .flat_map(|r| r.consumed.iter().copied())
            .collect();
        let other_use = state
            .loop_users
            .iter()
            .find(|(range, _)| !consumed.contains(range));
        let many = shared_runs > 1;
        // A run on the shared loop that stays would find no current loop after an `asyncio.run`.
        let stays = state.runs.iter().any(|r| r.shared && r.plan.is_err());
        for run in state.runs {
            let plan = match (run.plan, other_use) {
                (Err(reason), _) => Err(reason),
                (Ok(_), _) if many => Err("the module runs the event loop more than once".to_string()),
                (Ok(_), _) if stays => Err(
                    "another `run_until_complete` of the module cannot be rewritten, and after `asyncio.run` it would find no current loop".to_string(),
                ),
                (Ok(_), Some((_, what))) => Err(format!(
                    "the module also uses the event loop otherwise ({what}); after `asyncio.run` there is no current loop"
                )),
                (Ok(fix), None) => Ok(fix),
            };
            let finding = match plan {
                Ok(fix) => Finding::new(Self::INFO.id, run.call, MESSAGE).with_fix(fix),
                Err(reason) => Finding::new(
                    Self::INFO.id,
                    run.call,
                    format!("{MESSAGE}; no fix: {reason}"),
                ),
            };
            cx.report(finding);
        }
    }
}

fn analyse<'a>(cx: &Checker<'a>, call: &'a ast::ExprCall, attr: &'a ast::ExprAttribute) -> Run {
    let mut run = Run {
        call: call.range(),
        shared: true,
        consumed: Vec::new(),
        plan: Err(String::new()),
    };
    let getter = |expr: &Expr| -> Option<&'static str> {
        let Expr::Call(getter) = expr else {
            return None;
        };
        if !getter.arguments.is_empty() {
            return None;
        }
        ["get_event_loop", "new_event_loop"]
            .into_iter()
            .find(|name| cx.imports().matches(&getter.func, &["asyncio", name]))
    };
    let mut edits = Vec::new();
    let dropped;
    match &*attr.value {
        receiver @ Expr::Call(getter_call) if getter(receiver) == Some("get_event_loop") => {
            run.consumed.push(getter_call.range());
            dropped = cx
                .imports()
                .from_imported_name(&getter_call.func)
                .map(str::to_string);
        }
        Expr::Name(name) => {
            match named_loop(cx, call, name.id.as_str(), &getter, &mut run.shared) {
                Ok((shared, consumed, loop_edits)) => {
                    run.shared = shared;
                    run.consumed.push(consumed.0);
                    dropped = consumed.1;
                    edits = loop_edits;
                }
                Err(reason) => {
                    run.plan = Err(reason);
                    return run;
                }
            }
        }
        _ => {
            run.plan =
                Err("the loop is neither `asyncio.get_event_loop()` nor a local variable".into());
            return run;
        }
    }
    run.plan = plan(cx, call, edits).map(|fix| match dropped {
        Some(name) => fix.dropping(name),
        None => fix,
    });
    run
}

/// `loop = asyncio.get_event_loop()` / `new_event_loop()` in this scope, before the run, with
/// `loop.close()` at most, after it. Returns whether the loop is the shared one, the getter
/// call (and its from-imported name), and the edits removing the other statements.
#[allow(clippy::type_complexity)]
fn named_loop<'a>(
    cx: &Checker<'a>,
    call: &ast::ExprCall,
    name: &str,
    getter: &dyn Fn(&Expr) -> Option<&'static str>,
    shared: &mut bool,
) -> Result<(bool, (TextRange, Option<String>), Vec<Edit>), String> {
    let scope_range = cx.scope_range();
    let body: &'a [Stmt] = match cx.current_function() {
        Some(func) => &func.body,
        None => cx.suite(),
    };
    let mut statements = Vec::new();
    collect_statements(body, &mut statements);
    let assigns: Vec<&Stmt> = statements
        .iter()
        .copied()
        .filter(|s| match s {
            Stmt::Assign(a) => a.targets.iter().any(|t| cx.slice(t) == name),
            _ => false,
        })
        .collect();
    let [assign] = &assigns[..] else {
        return Err(format!(
            "`{name}` is not assigned exactly once in this scope"
        ));
    };
    let Stmt::Assign(assign_stmt) = assign else {
        unreachable!()
    };
    let kind = match (&assign_stmt.targets[..], getter(&assign_stmt.value)) {
        ([Expr::Name(_)], Some(kind)) => kind,
        _ => {
            return Err(format!(
                "`{name}` is not assigned from `asyncio.get_event_loop()` or `asyncio.new_event_loop()`"
            ));
        }
    };
    // A loop of its own (`new_event_loop()`) does not touch the shared one.
    *shared = kind == "get_event_loop";
    if assign.start() > call.start() {
        return Err(format!("`{name}` is assigned after the run"));
    }
    let closes: Vec<&Stmt> = statements
        .iter()
        .copied()
        .filter(|s| match s {
            Stmt::Expr(e) => matches!(&*e.value, Expr::Call(c) if c.arguments.is_empty()
                && matches!(&*c.func, Expr::Attribute(a) if a.attr.as_str() == "close" && cx.slice(&*a.value) == name)),
            _ => false,
        })
        .collect();
    if closes.len() > 1 || closes.iter().any(|c| c.start() < call.start()) {
        return Err(format!(
            "`{name}` is used otherwise (closed more than once or before the run)"
        ));
    }
    // Every other mention of the name in the scope (nested functions that bind the name
    // themselves aside) is another use of the loop.
    let excluded = own_bindings(&statements, name);
    let (mentions, runs) = name_tokens(cx, scope_range, &excluded, name);
    if runs > 1 {
        return Err(format!(
            "the module runs the event loop `{name}` more than once"
        ));
    }
    if mentions != 2 + closes.len() {
        return Err(format!(
            "`{name}` is used otherwise in this scope (the loop must only be created, run once and closed)"
        ));
    }
    if in_repeated_context(cx, scope_range) {
        return Err(
            "the run is inside a loop or a comprehension: it would run more than once".into(),
        );
    }
    let mut edits = vec![delete_statement(cx, assign, body)?];
    for close in closes {
        // `try: ... finally: loop.close()` has nothing left to guarantee: the `try` goes.
        match unwrap_try_finally(cx, close, body) {
            Some(unwrap) => edits.extend(unwrap),
            None => edits.push(delete_statement(cx, close, body)?),
        }
    }
    let Expr::Call(getter_call) = &*assign_stmt.value else {
        unreachable!()
    };
    let dropped = cx
        .imports()
        .from_imported_name(&getter_call.func)
        .map(str::to_string);
    Ok((
        kind == "get_event_loop",
        (getter_call.range(), dropped),
        edits,
    ))
}

fn plan(cx: &Checker, call: &ast::ExprCall, mut edits: Vec<Edit>) -> Result<Fix, String> {
    if cx.in_async() {
        return Err("it runs inside `async def`, where a loop is already running".into());
    }
    let [argument] = &*call.arguments.args else {
        return Err("the arguments are not one coroutine".into());
    };
    if !call.arguments.keywords.is_empty() {
        return Err("the arguments are not one coroutine".into());
    }
    coroutine_argument(cx, argument)?;
    if in_repeated_context(cx, cx.scope_range()) {
        return Err(
            "the run is inside a loop or a comprehension: it would run more than once".into(),
        );
    }
    // After `asyncio.run` the process has no current loop: other modules that ask for it from
    // sync code (a test's `setUpClass` calling `get_event_loop()`) then fail, depending on
    // the order things run in. Test code runs in one process with the rest of the suite.
    let users: Vec<String> = cx
        .project()
        .sync_loop_users(cx.file_name())
        .map(|(path, line)| format!("{path}:{line}"))
        .collect();
    let mut note = NOTE.to_string();
    if !users.is_empty() {
        let shown = match users.as_slice() {
            [a] => a.clone(),
            [a, b] => format!("{a} and {b}"),
            [a, b, rest @ ..] => format!("{a}, {b} and {} more", rest.len()),
            [] => unreachable!(),
        };
        if is_test_path(cx.file_name()) {
            return Err(format!(
                "this is test code, and {shown} of the run call `asyncio.get_event_loop()` from sync code: \
                 after `asyncio.run` there is no current loop, so they would fail when they run later in the same process"
            ));
        }
        note.push_str(&format!(
            "; {shown} call `get_event_loop()` from sync code: in the same process after this run, that raises"
        ));
    }
    let spelled = importer::spell(cx, "asyncio", "run")?;
    edits.push(Edit::replacement(
        spelled.name,
        TextRange::new(call.start(), call.arguments.start()),
    ));
    edits.extend(spelled.edit);
    Ok(Fix::unsafe_(edits).with_note(note))
}

/// `asyncio.run` needs a coroutine: the argument must be a call that is not known to return a
/// future, a task or an instance.
fn coroutine_argument(cx: &Checker, argument: &Expr) -> Result<(), String> {
    let Expr::Call(inner) = argument else {
        return Err(format!(
            "`{}` is not a call: `asyncio.run` needs a coroutine, not a future or task",
            cx.slice(argument)
        ));
    };
    match local_callee(cx, &inner.func) {
        LocalCallee::Class(class) => Err(format!(
            "`{}(...)` creates an instance; `asyncio.run` needs a coroutine",
            class.name
        )),
        LocalCallee::NotProvable {
            is_async: false, ..
        } => Err(format!(
            "`{}` is a plain `def`: it may return a future or task, which `asyncio.run` rejects",
            cx.slice(&*inner.func)
        )),
        _ => {
            let last = cx
                .imports()
                .resolve(&inner.func)
                .and_then(|q| q.last().cloned())
                .or_else(|| match &*inner.func {
                    Expr::Name(n) => Some(n.id.to_string()),
                    Expr::Attribute(a) => Some(a.attr.to_string()),
                    _ => None,
                });
            if last
                .as_deref()
                .is_some_and(|l| FUTURE_RETURNING.contains(&l) || l == "wait")
            {
                return Err(format!(
                    "`{}(...)` does not return a coroutine that `asyncio.run` accepts",
                    cx.slice(&*inner.func)
                ));
            }
            Ok(())
        }
    }
}

/// Is the expression being visited inside a `for`/`while` of its scope or a comprehension?
fn in_repeated_context(cx: &Checker, scope: TextRange) -> bool {
    let loops = cx.statements().iter().any(|s| {
        matches!(s, Stmt::For(_) | Stmt::While(_))
            && scope.contains_range(s.range())
            && s.range() != scope
    });
    loops
        || cx.expression_parents().iter().any(|p| {
            matches!(
                p,
                Expr::ListComp(_)
                    | Expr::SetComp(_)
                    | Expr::DictComp(_)
                    | Expr::Generator(_)
                    | Expr::Lambda(_)
            )
        })
}

/// Statements of a scope, in nested blocks too, but not inside nested functions or classes.
fn collect_statements<'a>(body: &'a [Stmt], out: &mut Vec<&'a Stmt>) {
    for stmt in body {
        out.push(stmt);
        if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            for inner in bodies_of(stmt) {
                collect_statements(inner, out);
            }
        }
    }
}

/// Ranges of functions nested in the scope (also methods of its classes) that bind `name`
/// themselves (a parameter, an assignment): their `name` is another variable.
fn own_bindings(statements: &[&Stmt], name: &str) -> Vec<TextRange> {
    let mut ranges = Vec::new();
    let mut check = |stmt: &Stmt| {
        if let Stmt::FunctionDef(func) = stmt
            && Scope::function(func).shadowed.contains(name)
        {
            ranges.push(func.range());
        }
    };
    for stmt in statements {
        check(stmt);
        if let Stmt::ClassDef(class) = stmt {
            class.body.iter().for_each(&mut check);
        }
    }
    ranges
}

/// Name tokens spelling `name` in `range` outside `excluded`, and how many of them are
/// followed by `.run_until_complete`.
fn name_tokens(
    cx: &Checker,
    range: TextRange,
    excluded: &[TextRange],
    name: &str,
) -> (usize, usize) {
    let tokens = cx.tokens();
    let source = cx.source();
    let first = tokens.partition_point(|t| t.end() <= range.start());
    let in_scope: Vec<_> = tokens[first..]
        .iter()
        .take_while(|t| t.start() < range.end())
        .filter(|t| !excluded.iter().any(|r| r.contains_range(t.range())))
        .collect();
    let mut mentions = 0;
    let mut runs = 0;
    for (i, token) in in_scope.iter().enumerate() {
        if token.kind() == TokenKind::Name && &source[token.range()] == name {
            mentions += 1;
            if in_scope
                .get(i + 1)
                .is_some_and(|t| t.kind() == TokenKind::Dot)
                && in_scope
                    .get(i + 2)
                    .is_some_and(|t| &source[t.range()] == "run_until_complete")
            {
                runs += 1;
            }
        }
    }
    (mentions, runs)
}

/// Remove a simple statement with its line, or make it `pass` when it is alone in its block.
fn delete_statement(cx: &Checker, stmt: &Stmt, scope_body: &[Stmt]) -> Result<Edit, String> {
    let source = cx.source();
    let after = source[TextRange::new(stmt.end(), source.line_end(stmt.end()))]
        .trim_start_matches([' ', '\t']);
    if has_leading_content(stmt.start(), source) || !(after.is_empty() || after.starts_with('#')) {
        return Err("a statement to remove shares its line with other code".into());
    }
    let alone = block_of(scope_body, stmt.range()).is_some_and(|b| b.len() == 1);
    if alone {
        return Ok(Edit::replacement("pass", stmt.range()));
    }
    if after.starts_with('#') {
        // Keep the trailing comment on its own line.
        let comment = source.line_end(stmt.end()) - ruff_text_size::TextSize::of(after);
        return Ok(Edit::deletion(TextRange::new(stmt.start(), comment)));
    }
    Ok(Edit::deletion(source.full_lines_range(stmt.range())))
}

/// When `close` is all a `finally:` holds, of a `try` with no `except` or `else`, the edits
/// that remove the `try:` and `finally:` lines and the close and dedent the try's body by one
/// level (`try: asyncio.run(x) finally: pass` is what a person would not write). None when a
/// comment sits on those lines, the indentation is not spaces-or-tabs of one kind, or a body
/// line starts inside a string.
fn unwrap_try_finally(cx: &Checker, close: &Stmt, scope_body: &[Stmt]) -> Option<Vec<Edit>> {
    fn find(body: &[Stmt], close: TextRange) -> Option<&ast::StmtTry> {
        body.iter().find_map(|stmt| match stmt {
            Stmt::Try(t)
                if matches!(&t.finalbody[..], [only] if only.range() == close) =>
            {
                Some(t)
            }
            _ if stmt.range().contains_range(close) => {
                bodies_of(stmt).into_iter().find_map(|b| find(b, close))
            }
            _ => None,
        })
    }
    let try_stmt = find(scope_body, close.range())?;
    if !try_stmt.handlers.is_empty() || !try_stmt.orelse.is_empty() || try_stmt.is_star {
        return None;
    }
    let source = cx.source();
    let try_line = source.full_line_range(try_stmt.start());
    if source[try_line].trim() != "try:" {
        return None;
    }
    let first = try_stmt.body.first()?;
    let finally_line = source.full_line_range(source.line_start(close.start()) - TextSize::from(1));
    if source[finally_line].trim() != "finally:" {
        return None;
    }
    // Nothing but the close after the `finally:` line, to the end of the try.
    let tail = TextRange::new(finally_line.start(), source.full_lines_range(close.range()).end());
    if !cx.comments_in(tail).is_empty() || source.full_lines_range(close.range()).end() < source.full_line_end(try_stmt.end()) {
        return None;
    }
    let outer = crate::rewrite::indentation(cx, try_stmt);
    let inner = crate::rewrite::indentation(cx, first);
    let unit = inner.strip_prefix(outer)?;
    if unit.is_empty() {
        return None;
    }
    let body = TextRange::new(source.line_start(first.start()), try_stmt.body.last()?.end());
    let mut edits = vec![Edit::deletion(try_line), Edit::deletion(tail)];
    let width = TextSize::of(unit);
    let mut starts = vec![body.start()];
    starts.extend(crate::rewrite::reindentable_line_starts(cx, body));
    for start in starts {
        if !source[usize::from(start)..].starts_with(unit) {
            return None;
        }
        edits.push(Edit::deletion(TextRange::at(start, width)));
    }
    Some(edits)
}

fn block_of(body: &[Stmt], range: TextRange) -> Option<&[Stmt]> {
    if body.iter().any(|s| s.range() == range) {
        return Some(body);
    }
    body.iter()
        .filter(|s| s.range().contains_range(range))
        .flat_map(|s| bodies_of(s))
        .find_map(|inner| block_of(inner, range))
}
