//! Shared analyses of Python code that several transforms ask the same question with: does a
//! call return a coroutine, a future, a class instance? does a function body yield? which
//! bodies does a compound statement hold?

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, ExceptHandler, Expr, Stmt};

use ruff_text_size::Ranged;

use crate::checker::Checker;

/// The exception filters around `range` in the current function, innermost first: for each
/// `try` whose body holds it, each handler's type (`None` for a bare `except:`), and for each
/// `with contextlib.suppress(...)` block that holds it, each suppressed type (`None` when an
/// argument is starred: it may be anything). A suppress is a handler: code that relies on a
/// `try` catching an error relies on it the same way.
pub fn catchers_around<'a>(
    cx: &Checker<'a>,
    range: ruff_text_size::TextRange,
) -> Vec<Option<&'a Expr>> {
    let mut catchers = Vec::new();
    for stmt in cx.statements().iter().rev() {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => break,
            Stmt::Try(stmt_try)
                if stmt_try
                    .body
                    .iter()
                    .any(|s| s.range().contains_range(range)) =>
            {
                for handler in &stmt_try.handlers {
                    let ExceptHandler::ExceptHandler(handler) = handler;
                    catchers.push(handler.type_.as_deref());
                }
            }
            Stmt::With(with) if with.body.iter().any(|s| s.range().contains_range(range)) => {
                for item in &with.items {
                    if let Expr::Call(call) = &item.context_expr
                        && cx
                            .imports()
                            .matches(&call.func, &["contextlib", "suppress"])
                    {
                        for arg in &call.arguments.args {
                            catchers.push((!arg.is_starred_expr()).then_some(arg));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    catchers
}

/// Calls that return a future or a task, not a coroutine (matched on the last name segment).
pub const FUTURE_RETURNING: &[&str] = &[
    "create_task",
    "ensure_future",
    "run_in_executor",
    "create_future",
    "shield",
    "gather",
    "wrap_future",
    "run_coroutine_threadsafe",
    "Future",
    "Task",
];

/// What a callee defined in this file is.
pub enum LocalCallee<'a> {
    /// An undecorated (or static/class method) `async def` without `yield`: calling it returns
    /// a coroutine.
    Coroutine,
    /// A `def`/`async def` of this file whose call result we cannot vouch for; `decorated`: it
    /// carries a decorator that is not known to be transparent (it may schedule the coroutine
    /// itself, run it in a thread, or return anything).
    NotProvable {
        reason: String,
        is_async: bool,
        decorated: bool,
    },
    /// A class of this file: the call creates an instance.
    Class(&'a ast::StmtClassDef),
    /// Not defined here (or shadowed).
    Unknown,
}

/// Classify the callee of a call through [`Checker::local_definition`].
pub fn local_callee<'a>(cx: &Checker<'a>, callee: &Expr) -> LocalCallee<'a> {
    if let Expr::Name(name) = callee
        && cx.imports().shadowed_locally(&name.id)
    {
        return LocalCallee::Unknown;
    }
    match cx.local_definition(callee) {
        Some(Stmt::FunctionDef(func)) => {
            let name = func.name.as_str();
            let not_provable = |reason: String| LocalCallee::NotProvable {
                reason,
                is_async: func.is_async,
                decorated: false,
            };
            if matches!(callee, Expr::Name(_)) && rebound_at_module_level(cx.suite(), name) {
                // Assigned at module level too: it may be anything by now.
                return LocalCallee::Unknown;
            }
            if let Some(decorator) = func
                .decorator_list
                .iter()
                .find(|d| !is_transparent_decorator(cx, &d.expression))
            {
                return LocalCallee::NotProvable {
                    reason: format!(
                        "`{name}` is decorated (`@{}`): the decorator may change what the call returns",
                        cx.slice(&decorator.expression)
                    ),
                    is_async: func.is_async,
                    decorated: true,
                };
            }
            if !func.is_async {
                return not_provable(format!("`{name}` is a plain `def`"));
            }
            if body_yields(&func.body) {
                return not_provable(format!(
                    "`{name}` is an async generator: iterate it with `async for`"
                ));
            }
            LocalCallee::Coroutine
        }
        Some(Stmt::ClassDef(class)) => LocalCallee::Class(class),
        _ => LocalCallee::Unknown,
    }
}

/// Decorators used bare that return the function itself (they only set attributes).
const TRANSPARENT_BARE: &[&[&str]] = &[
    &["abc", "abstractmethod"],
    &["typing", "override"],
    &["typing_extensions", "override"],
    &["typing", "final"],
    &["typing_extensions", "final"],
    &["typing", "no_type_check"],
];

/// Decorator factories whose decorator returns the function, or a wrapper that returns what the
/// function returns (`functools.wraps(f)`, `warnings.deprecated("...")`).
const TRANSPARENT_CALLED: &[&[&str]] = &[
    &["functools", "wraps"],
    &["warnings", "deprecated"],
    &["typing_extensions", "deprecated"],
];

/// Is `decorator` known to keep what calling the function returns (`@staticmethod`,
/// `@classmethod`, `@abc.abstractmethod`, `@typing.override`, `@typing.final`,
/// `@functools.wraps(f)`, ...)? Any other decorator may replace the function: Textual's
/// `@work` schedules the coroutine itself, others run it in a thread or return a plain value.
pub fn is_transparent_decorator(cx: &Checker, decorator: &Expr) -> bool {
    match decorator {
        Expr::Name(n) if matches!(n.id.as_str(), "staticmethod" | "classmethod") => true,
        Expr::Call(call) => cx
            .imports()
            .matches_any(&call.func, TRANSPARENT_CALLED)
            .is_some(),
        _ => cx
            .imports()
            .matches_any(decorator, TRANSPARENT_BARE)
            .is_some(),
    }
}

fn rebound_at_module_level(suite: &[Stmt], name: &str) -> bool {
    let binds = |target: &Expr| matches!(target, Expr::Name(n) if n.id.as_str() == name);
    suite.iter().any(|stmt| match stmt {
        Stmt::Assign(assign) => assign.targets.iter().any(binds),
        Stmt::AnnAssign(assign) => binds(&assign.target),
        Stmt::AugAssign(assign) => binds(&assign.target),
        _ => false,
    })
}

/// Does a function body contain `yield` (not counting nested functions, classes, lambdas)?
pub fn body_yields(body: &[Stmt]) -> bool {
    struct Finder(bool);
    impl<'a> SourceOrderVisitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                source_order::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Yield(_) | Expr::YieldFrom(_) => self.0 = true,
                Expr::Lambda(_) => {}
                _ => source_order::walk_expr(self, expr),
            }
        }
    }
    let mut finder = Finder(false);
    finder.visit_body(body);
    finder.0
}

/// Every statement list directly inside a compound statement.
pub fn bodies_of(stmt: &Stmt) -> Vec<&[Stmt]> {
    match stmt {
        Stmt::FunctionDef(s) => vec![&s.body],
        Stmt::ClassDef(s) => vec![&s.body],
        Stmt::If(s) => std::iter::once(&s.body[..])
            .chain(s.elif_else_clauses.iter().map(|c| &c.body[..]))
            .collect(),
        Stmt::For(s) => vec![&s.body, &s.orelse],
        Stmt::While(s) => vec![&s.body, &s.orelse],
        Stmt::With(s) => vec![&s.body],
        Stmt::Try(s) => {
            let mut bodies: Vec<&[Stmt]> = vec![&s.body];
            bodies.extend(s.handlers.iter().map(|h| {
                let ExceptHandler::ExceptHandler(h) = h;
                &h.body[..]
            }));
            bodies.push(&s.orelse);
            bodies.push(&s.finalbody);
            bodies
        }
        Stmt::Match(s) => s.cases.iter().map(|c| &c.body[..]).collect(),
        _ => Vec::new(),
    }
}

/// Is `range` inside the body of a sync `with` block of the current function? A blocking call
/// there, turned into an `await` (or handed to a thread), lets other tasks run while the
/// resource is held: a `threading.Lock` another task then takes deadlocks the loop.
pub fn in_sync_with(cx: &Checker, range: ruff_text_size::TextRange) -> bool {
    for stmt in cx.statements().iter().rev() {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return false,
            Stmt::With(with)
                if !with.is_async && with.body.iter().any(|s| s.range().contains_range(range)) =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Is the module-level name `name` bound anywhere in the module besides one definition? Counts
/// every binding in module scope (assignments and unpacking, augmented and annotated
/// assignments, `for` and `with ... as` targets, imports, `def`/`class`, walrus, `del`,
/// `except ... as`), a `global name` in any function (which rebinds it from inside), and any
/// assignment through `globals()[...]`. True when the name is bound more than once, so a call
/// of it may not reach the `async def` it names at the time it runs. (One traversal per call:
/// inside a check, ask `Checker::module_name_rebound`, which builds [`ModuleBindings`] once.)
pub fn module_name_rebound(suite: &[Stmt], name: &str) -> bool {
    ModuleBindings::gather(suite).rebound(name)
}

/// Every module-scope binding of a module, counted per name in one traversal (see
/// [`module_name_rebound`] for what counts).
#[derive(Debug, Default)]
pub struct ModuleBindings<'a> {
    counts: rustc_hash::FxHashMap<&'a str, usize>,
    /// `from m import *` at module scope: binds every name once more.
    star_imports: usize,
    /// An assignment through `globals()[...]` anywhere: any name may be rebound.
    through_globals: bool,
    /// Names declared `global` in some function.
    global: rustc_hash::FxHashSet<&'a str>,
}

impl<'a> ModuleBindings<'a> {
    pub fn gather(suite: &'a [Stmt]) -> Self {
        let mut bindings = Bindings {
            out: ModuleBindings::default(),
            depth: 0,
        };
        bindings.visit_body(suite);
        bindings.out
    }

    /// See [`module_name_rebound`].
    pub fn rebound(&self, name: &str) -> bool {
        self.through_globals
            || self.global.contains(name)
            || self.counts.get(name).copied().unwrap_or(0) + self.star_imports > 1
    }
}

struct Bindings<'a> {
    out: ModuleBindings<'a>,
    depth: usize,
}

impl<'a> Bindings<'a> {
    fn bind(&mut self, name: &'a str) {
        *self.out.counts.entry(name).or_default() += 1;
    }

    fn target(&mut self, target: &'a Expr) {
        match target {
            Expr::Name(n) if self.depth == 0 => self.bind(n.id.as_str()),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(e)),
            Expr::List(l) => l.elts.iter().for_each(|e| self.target(e)),
            Expr::Starred(s) => self.target(&s.value),
            Expr::Subscript(sub) => {
                if let Expr::Call(call) = &*sub.value
                    && matches!(&*call.func, Expr::Name(f) if f.id.as_str() == "globals")
                {
                    self.out.through_globals = true;
                }
            }
            _ => {}
        }
    }
}

impl<'a> SourceOrderVisitor<'a> for Bindings<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(func) => {
                if self.depth == 0 {
                    self.bind(func.name.as_str());
                }
                for decorator in &func.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                self.depth += 1;
                self.visit_body(&func.body);
                self.depth -= 1;
                return;
            }
            Stmt::ClassDef(class) => {
                if self.depth == 0 {
                    self.bind(class.name.as_str());
                }
                self.depth += 1;
                self.visit_body(&class.body);
                self.depth -= 1;
                return;
            }
            Stmt::Global(global) => {
                for name in &global.names {
                    self.out.global.insert(name.as_str());
                }
            }
            Stmt::Assign(assign) => assign.targets.iter().for_each(|t| self.target(t)),
            Stmt::AnnAssign(assign) => self.target(&assign.target),
            Stmt::AugAssign(assign) => self.target(&assign.target),
            Stmt::For(for_stmt) => self.target(&for_stmt.target),
            Stmt::Delete(delete) => delete.targets.iter().for_each(|t| self.target(t)),
            Stmt::With(with) => with
                .items
                .iter()
                .filter_map(|item| item.optional_vars.as_deref())
                .for_each(|t| self.target(t)),
            // One statement counts once per name it binds (`import a.b, a.c` binds `a` once).
            Stmt::Import(import) if self.depth == 0 => {
                let mut names: Vec<&'a str> = import
                    .names
                    .iter()
                    .map(|alias| match &alias.asname {
                        Some(asname) => asname.as_str(),
                        None => alias.name.split('.').next().unwrap_or_default(),
                    })
                    .collect();
                names.sort_unstable();
                names.dedup();
                names.into_iter().for_each(|name| self.bind(name));
            }
            Stmt::ImportFrom(import) if self.depth == 0 => {
                if import.names.iter().any(|alias| alias.name.as_str() == "*") {
                    self.out.star_imports += 1;
                } else {
                    let mut names: Vec<&'a str> = import
                        .names
                        .iter()
                        .map(|alias| alias.asname.as_ref().unwrap_or(&alias.name).as_str())
                        .collect();
                    names.sort_unstable();
                    names.dedup();
                    names.into_iter().for_each(|name| self.bind(name));
                }
            }
            Stmt::Try(try_stmt) if self.depth == 0 => {
                for handler in &try_stmt.handlers {
                    let ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(name) = &h.name {
                        self.bind(name.as_str());
                    }
                }
            }
            _ => {}
        }
        source_order::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Named(named) = expr {
            self.target(&named.target);
        }
        source_order::walk_expr(self, expr);
    }
}

/// The classes of this module that derive from `class` (directly or through other classes of
/// the module, matched by name) and define `method` in a way that may not return a coroutine:
/// a plain `def`, a decorated one (other than `@staticmethod` / `@classmethod`), an async
/// generator, or a non-function binding (`method = ...`). Their names, in source order.
pub fn non_coroutine_overrides(
    suite: &[Stmt],
    class: &ast::StmtClassDef,
    method: &str,
) -> Vec<String> {
    fn all_classes<'a>(body: &'a [Stmt], out: &mut Vec<&'a ast::StmtClassDef>) {
        for stmt in body {
            if let Stmt::ClassDef(class) = stmt {
                out.push(class);
            }
            for inner in bodies_of(stmt) {
                all_classes(inner, out);
            }
        }
    }
    let mut classes = Vec::new();
    all_classes(suite, &mut classes);
    let base_name = |base: &Expr| -> Option<String> {
        match base {
            Expr::Name(n) => Some(n.id.to_string()),
            Expr::Attribute(a) => Some(a.attr.to_string()),
            _ => None,
        }
    };
    let mut family = vec![class.name.to_string()];
    let mut subclasses: Vec<&ast::StmtClassDef> = Vec::new();
    loop {
        let before = subclasses.len();
        for candidate in &classes {
            if std::ptr::eq(*candidate, class)
                || subclasses.iter().any(|s| std::ptr::eq(*s, *candidate))
            {
                continue;
            }
            let derives = candidate
                .bases()
                .iter()
                .any(|base| base_name(base).is_some_and(|b| family.contains(&b)));
            if derives {
                family.push(candidate.name.to_string());
                subclasses.push(candidate);
            }
        }
        if subclasses.len() == before {
            break;
        }
    }
    let mut found = Vec::new();
    for sub in subclasses {
        let overrides = sub.body.iter().any(|stmt| match stmt {
            Stmt::FunctionDef(func) if func.name.as_str() == method => {
                !func.is_async
                    || body_yields(&func.body)
                    || func.decorator_list.iter().any(|d| {
                        !matches!(&d.expression, Expr::Name(n) if matches!(n.id.as_str(), "staticmethod" | "classmethod"))
                    })
            }
            Stmt::Assign(assign) => assign
                .targets
                .iter()
                .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == method)),
            Stmt::AnnAssign(assign) => {
                matches!(&*assign.target, Expr::Name(n) if n.id.as_str() == method)
            }
            _ => false,
        });
        if overrides {
            found.push(sub.name.to_string());
        }
    }
    found
}

/// Is `range` after a blocking `X.acquire(...)` (not awaited: a `threading` lock, not an
/// `asyncio` one) in the current function, with no `X.release()` between the two? A blocking
/// call there, turned into an `await` (or handed to a thread), lets other tasks run while the
/// lock is held, like [`in_sync_with`].
pub fn after_sync_acquire(cx: &Checker, range: ruff_text_size::TextRange) -> bool {
    struct Calls<'s> {
        source: &'s str,
        acquires: Vec<(String, ruff_text_size::TextSize)>,
        releases: Vec<(String, ruff_text_size::TextSize)>,
    }
    impl<'a> SourceOrderVisitor<'a> for Calls<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                source_order::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Lambda(_) => {}
                Expr::Await(await_expr) => {
                    // `await lock.acquire()`: an asyncio lock, whose holder may await.
                    if let Expr::Call(call) = &*await_expr.value {
                        self.visit_arguments(&call.arguments);
                        self.visit_expr(&call.func);
                    } else {
                        source_order::walk_expr(self, expr);
                    }
                }
                Expr::Call(call) => {
                    if let Expr::Attribute(attr) = &*call.func {
                        let receiver = self.source[attr.value.range()].to_string();
                        match attr.attr.as_str() {
                            "acquire" => self.acquires.push((receiver, call.end())),
                            "release" => self.releases.push((receiver, call.start())),
                            _ => {}
                        }
                    }
                    source_order::walk_expr(self, expr);
                }
                _ => source_order::walk_expr(self, expr),
            }
        }
    }
    let Some(function) = cx.current_function() else {
        return false;
    };
    let mut calls = Calls {
        source: cx.source(),
        acquires: Vec::new(),
        releases: Vec::new(),
    };
    calls.visit_body(&function.body);
    calls.acquires.iter().any(|(receiver, end)| {
        *end <= range.start()
            && !calls
                .releases
                .iter()
                .any(|(r, start)| r == receiver && *start >= *end && *start < range.start())
    })
}

/// Is `decorator` pytest's fixture decorator (`pytest.fixture`, `pytest.fixture(...)`,
/// `pytest_asyncio.fixture`)?
pub fn is_fixture_decorator(imports: &crate::imports::Imports, decorator: &Expr) -> bool {
    let func = match decorator {
        Expr::Call(call) => &*call.func,
        other => other,
    };
    imports.matches(func, &["pytest", "fixture"])
        || imports.matches(func, &["pytest", "yield_fixture"])
        || imports.matches(func, &["pytest_asyncio", "fixture"])
}

/// A pytest fixture that only makes an event loop, hands it to the test and closes it, the
/// shape pytest-asyncio's own `event_loop` fixture had (`loop = asyncio.new_event_loop()`,
/// optionally `asyncio.set_event_loop(loop)`, `yield loop` (in `try`/`finally` or not),
/// `loop.close()`, `set_event_loop(None)`, `loop.run_until_complete(loop.shutdown_asyncgens())`),
/// function-scoped and not autouse. Otherwise, why not: a policy, another loop kind (uvloop),
/// a wider scope (a loop shared by tests), other work.
pub fn plain_loop_fixture(
    imports: &crate::imports::Imports,
    source: &str,
    func: &ast::StmtFunctionDef,
) -> Result<(), String> {
    let name = func.name.as_str();
    if func.is_async {
        return Err(format!("the `{name}` fixture is async"));
    }
    let [decorator] = &func.decorator_list[..] else {
        return Err(format!("the `{name}` fixture has other decorators"));
    };
    if !is_fixture_decorator(imports, &decorator.expression) {
        return Err(format!("`{name}` is not a plain `@pytest.fixture`"));
    }
    if let Expr::Call(call) = &decorator.expression {
        let function_scope = |k: &ast::Keyword| {
            k.arg.as_deref() == Some("scope")
                && matches!(&k.value, Expr::StringLiteral(s) if s.value.to_str() == "function")
        };
        if !call.arguments.args.is_empty() || !call.arguments.keywords.iter().all(function_scope) {
            return Err(format!(
                "the `{name}` fixture is declared with `{}` (a wider scope shares the loop between tests; autouse or params run it otherwise)",
                &source[decorator.expression.range()]
            ));
        }
    }
    if !func.parameters.is_empty() {
        return Err(format!("the `{name}` fixture takes other fixtures"));
    }
    let mut local: Option<&str> = None;
    let mut yielded = false;
    fn is_local(expr: &Expr, local: Option<&str>) -> bool {
        matches!(expr, Expr::Name(n) if Some(n.id.as_str()) == local)
    }
    // `import asyncio` inside the fixture (a common spelling) binds the module locally.
    let local_asyncio = func.body.iter().any(|s| {
        matches!(s, Stmt::Import(i) if matches!(&i.names[..], [a] if a.name.as_str() == "asyncio" && a.asname.is_none()))
    });
    let asyncio = |expr: &Expr, name: &str| {
        imports.matches(expr, &["asyncio", name])
            || (local_asyncio
                && matches!(expr, Expr::Attribute(a) if a.attr.as_str() == name
                    && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "asyncio")))
    };
    fn statement_ok<'a>(
        asyncio: &dyn Fn(&Expr, &str) -> bool,
        stmt: &'a Stmt,
        local: &mut Option<&'a str>,
        yielded: &mut bool,
    ) -> bool {
        match stmt {
            Stmt::Import(i) if local.is_none() => {
                matches!(&i.names[..], [a] if a.name.as_str() == "asyncio" && a.asname.is_none())
            }
            Stmt::Assign(assign) if local.is_none() => {
                let [Expr::Name(target)] = &assign.targets[..] else {
                    return false;
                };
                let Expr::Call(call) = &*assign.value else {
                    return false;
                };
                let fresh = call.arguments.is_empty()
                    && (asyncio(&call.func, "new_event_loop")
                        || matches!(&*call.func, Expr::Attribute(a) if a.attr.as_str() == "new_event_loop"
                            && matches!(&*a.value, Expr::Call(p) if p.arguments.is_empty()
                                && asyncio(&p.func, "get_event_loop_policy"))));
                if fresh {
                    *local = Some(target.id.as_str());
                }
                fresh
            }
            Stmt::Expr(e) => match &*e.value {
                Expr::Yield(y) if !*yielded => {
                    *yielded = true;
                    y.value.as_deref().is_some_and(|v| is_local(v, *local))
                }
                Expr::Call(call) => {
                    if asyncio(&call.func, "set_event_loop") {
                        return call.arguments.keywords.is_empty()
                            && matches!(&call.arguments.args[..], [a]
                                if a.is_none_literal_expr() || is_local(a, *local));
                    }
                    let Expr::Attribute(method) = &*call.func else {
                        return false;
                    };
                    if !is_local(&method.value, *local) {
                        return false;
                    }
                    match method.attr.as_str() {
                        "close" => call.arguments.is_empty(),
                        // `loop.run_until_complete(loop.shutdown_asyncgens())`
                        "run_until_complete" => {
                            *yielded
                                && matches!(&call.arguments.args[..], [Expr::Call(inner)]
                                    if inner.arguments.is_empty()
                                        && matches!(&*inner.func, Expr::Attribute(a)
                                            if a.attr.as_str() == "shutdown_asyncgens"
                                                && is_local(&a.value, *local)))
                        }
                        _ => false,
                    }
                }
                Expr::StringLiteral(_) => true,
                _ => false,
            },
            Stmt::Return(ret) if !*yielded => {
                *yielded = true;
                ret.value.as_deref().is_some_and(|v| is_local(v, *local))
            }
            Stmt::Try(t) if t.handlers.is_empty() && t.orelse.is_empty() && !t.is_star => t
                .body
                .iter()
                .chain(&t.finalbody)
                .all(|s| statement_ok(asyncio, s, local, yielded)),
            Stmt::Pass(_) => true,
            _ => false,
        }
    }
    for stmt in &func.body {
        if !statement_ok(&asyncio, stmt, &mut local, &mut yielded) {
            let text = &source[stmt.range()];
            return Err(format!(
                "the `{name}` fixture does more than make and close a loop (`{}`)",
                text.lines().next().unwrap_or(text)
            ));
        }
    }
    if local.is_none() || !yielded {
        return Err(format!(
            "the `{name}` fixture does not make its loop with `asyncio.new_event_loop()`"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loop fixture shapes: pytest-asyncio's own, and what makes a fixture custom.
    #[test]
    fn plain_loop_fixtures() {
        let check = |source: &str| {
            let parsed = ruff_python_parser::parse_module(source).unwrap();
            let imports = crate::imports::Imports::new(parsed.suite());
            let Stmt::FunctionDef(func) = parsed.suite().last().unwrap() else {
                panic!("a function last")
            };
            plain_loop_fixture(&imports, source, func)
                .map_err(|e| e.split(' ').take(6).collect::<Vec<_>>().join(" "))
        };
        let head = "import asyncio\nimport pytest\n";
        assert!(check(&format!("{head}@pytest.fixture\ndef event_loop():\n    loop = asyncio.new_event_loop()\n    yield loop\n    loop.close()\n")).is_ok());
        assert!(check(&format!("{head}@pytest.fixture(scope='function')\ndef event_loop():\n    loop = asyncio.get_event_loop_policy().new_event_loop()\n    asyncio.set_event_loop(loop)\n    try:\n        yield loop\n    finally:\n        loop.run_until_complete(loop.shutdown_asyncgens())\n        loop.close()\n        asyncio.set_event_loop(None)\n")).is_ok());
        assert!(check("import pytest\n@pytest.fixture(scope=\"function\")\ndef event_loop():\n    \"\"\"Doc.\"\"\"\n    import asyncio\n\n    loop = asyncio.new_event_loop()\n    yield loop\n    loop.close()\n").is_ok());
        for custom in [
            "@pytest.fixture(scope='session')\ndef event_loop():\n    loop = asyncio.new_event_loop()\n    yield loop\n",
            "@pytest.fixture(autouse=True)\ndef event_loop():\n    loop = asyncio.new_event_loop()\n    yield loop\n",
            "@pytest.fixture\ndef event_loop():\n    asyncio.set_event_loop_policy(None)\n    loop = asyncio.new_event_loop()\n    yield loop\n",
            "@pytest.fixture\ndef event_loop():\n    loop = uvloop.new_event_loop()\n    yield loop\n",
            "@pytest.fixture\ndef event_loop():\n    loop = asyncio.new_event_loop()\n    loop.set_debug(True)\n    yield loop\n",
            "@pytest.fixture\ndef event_loop(request):\n    loop = asyncio.new_event_loop()\n    yield loop\n",
            "@pytest.fixture\ndef event_loop():\n    loop = asyncio.new_event_loop()\n    yield other\n",
        ] {
            assert!(check(&format!("{head}{custom}")).is_err(), "{custom}");
        }
    }

    /// Every kind of module-scope binding, counted once per file (the table the checker keeps).
    #[test]
    fn module_bindings_count_every_kind_of_binding() {
        let cases: &[(&str, bool)] = &[
            ("async def f(): pass\n", false),
            ("async def f(): pass\nf = 1\n", true),
            ("async def f(): pass\nif x:\n    f = g\n", true),
            ("async def f(): pass\nfor f in xs: pass\n", true),
            ("async def f(): pass\nwith a as f: pass\n", true),
            ("async def f(): pass\ndel f\n", true),
            ("async def f(): pass\nf += 1\n", true),
            ("async def f(): pass\nf: int = 1\n", true),
            ("async def f(): pass\n(f := 2)\n", true),
            ("async def f(): pass\na, *f = xs\n", true),
            ("async def f(): pass\nimport f\n", true),
            ("async def f(): pass\nimport f.sub, f.other\n", true),
            ("import f.sub, f.other\n", false),
            ("async def f(): pass\nfrom m import g as f\n", true),
            ("async def f(): pass\nfrom m import *\n", true),
            (
                "async def f(): pass\ntry: pass\nexcept E as f: pass\n",
                true,
            ),
            ("async def f(): pass\nclass f: pass\n", true),
            ("async def f(): pass\ndef g():\n    global f\n", true),
            ("async def f(): pass\nglobals()['x'] = 1\n", true),
            // Bindings inside functions and classes are theirs, not the module's.
            ("async def f(): pass\ndef g():\n    f = 1\n", false),
            ("async def f(): pass\nclass C:\n    f = 1\n", false),
            ("async def f(): pass\ndef g():\n    import f\n", false),
        ];
        for (source, expected) in cases {
            let parsed = ruff_python_parser::parse_module(source).unwrap();
            assert_eq!(
                module_name_rebound(parsed.suite(), "f"),
                *expected,
                "{source}"
            );
        }
    }
}
