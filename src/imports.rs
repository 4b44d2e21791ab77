//! Name resolution through imports: which local name is bound to which module or member.
//!
//! Only imports count (`import asyncio as aio`, `from asyncio import wait_for as wf`). Inside a
//! function, a parameter or an assignment of the same name shadows a module-level import, so a
//! local `requests` that is a dict is never mistaken for the module.

use ruff_python_ast::name::Name;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use ruff_python_ast::name::UnqualifiedName;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

/// What one local name is bound to by an import statement.
#[derive(Clone, Debug)]
pub struct ImportBinding {
    /// `["asyncio"]` for `import asyncio [as aio]`, `["asyncio", "wait_for"]` for
    /// `from asyncio import wait_for [as wf]`, `["a", "b"]` for `import a.b as c`.
    pub qualified: Vec<String>,
    /// Range of the whole import statement.
    pub stmt: TextRange,
    /// Range of the alias (`wait_for as wf`) inside it.
    pub alias: TextRange,
    /// True for `from m import x`.
    pub is_from: bool,
    /// Made inside an `if`/`try`/`with`/loop block: it may not have run (for example under
    /// `if __name__ == "__main__":`), so new code is never spelled through it.
    pub conditional: bool,
    /// Bound by `from asyncio import *`: resolves, but new code is never spelled through it.
    pub star: bool,
}

/// What `from asyncio import *` binds: `asyncio.__all__` of CPython 3.11, plus `coroutine`
/// (3.10 and older) and the names 3.12 and 3.13 added.
pub const ASYNCIO_ALL: &[&str] = &[
    "ALL_COMPLETED",
    "AbstractChildWatcher",
    "AbstractEventLoop",
    "AbstractEventLoopPolicy",
    "AbstractServer",
    "Barrier",
    "BaseEventLoop",
    "BaseProtocol",
    "BaseTransport",
    "BoundedSemaphore",
    "BrokenBarrierError",
    "BufferedProtocol",
    "CancelledError",
    "Condition",
    "DatagramProtocol",
    "DatagramTransport",
    "DefaultEventLoopPolicy",
    "Event",
    "EventLoop",
    "FIRST_COMPLETED",
    "FIRST_EXCEPTION",
    "FastChildWatcher",
    "Future",
    "Handle",
    "IncompleteReadError",
    "InvalidStateError",
    "LifoQueue",
    "LimitOverrunError",
    "Lock",
    "MultiLoopChildWatcher",
    "PidfdChildWatcher",
    "PriorityQueue",
    "Protocol",
    "Queue",
    "QueueEmpty",
    "QueueFull",
    "QueueShutDown",
    "ReadTransport",
    "Runner",
    "SafeChildWatcher",
    "SelectorEventLoop",
    "Semaphore",
    "SendfileNotAvailableError",
    "Server",
    "StreamReader",
    "StreamReaderProtocol",
    "StreamWriter",
    "SubprocessProtocol",
    "SubprocessTransport",
    "Task",
    "ThreadedChildWatcher",
    "Timeout",
    "TimeoutError",
    "TimerHandle",
    "Transport",
    "WriteTransport",
    "all_tasks",
    "as_completed",
    "coroutine",
    "create_eager_task_factory",
    "create_subprocess_exec",
    "create_subprocess_shell",
    "create_task",
    "current_task",
    "eager_task_factory",
    "ensure_future",
    "gather",
    "get_child_watcher",
    "get_event_loop",
    "get_event_loop_policy",
    "get_running_loop",
    "iscoroutine",
    "iscoroutinefunction",
    "isfuture",
    "new_event_loop",
    "open_connection",
    "open_unix_connection",
    "run",
    "run_coroutine_threadsafe",
    "set_child_watcher",
    "set_event_loop",
    "set_event_loop_policy",
    "shield",
    "sleep",
    "start_server",
    "start_unix_server",
    "timeout",
    "timeout_at",
    "to_thread",
    "wait",
    "wait_for",
    "wrap_future",
];

/// Bindings of one scope (the module, or one function).
#[derive(Default, Debug)]
pub struct Scope {
    pub imports: HashMap<String, ImportBinding>,
    /// Names bound otherwise (parameters, assignments): they hide outer imports. (`Name`s:
    /// cloning one from the tree does not allocate.)
    pub shadowed: HashSet<Name>,
    /// Module scope only: names bound at module level otherwise than by an import, at any depth
    /// (`time = FakeClock()`, `def sleep(...)`, `global time` in a function). An import of the
    /// same name does not say which object the name holds when code runs, so such a name
    /// resolves to nothing, and it is never a builtin.
    pub rebound: HashSet<Name>,
    /// Module scope only: the module of the first star import that is not `from asyncio import
    /// *` (`helpers`, `.compat`). It may bind any name, those a rewrite reads or writes too.
    pub unknown_star: Option<String>,
}

impl Scope {
    /// The module scope: imports anywhere at module level (also inside top-level `if`/`try`).
    pub fn module(suite: &[Stmt]) -> Self {
        let mut scope = Scope::default();
        collect(suite, &mut scope, false, false);
        module_rebinds(suite, &mut scope.rebound, true);
        scope
    }

    /// A function scope: its parameters, its imports and the names it assigns.
    pub fn function(func: &ast::StmtFunctionDef) -> Self {
        let mut scope = Scope::default();
        for param in func.parameters.iter() {
            scope.shadowed.insert(param.name().id.clone());
        }
        collect(&func.body, &mut scope, true, false);
        scope
    }
}

fn collect(suite: &[Stmt], scope: &mut Scope, record_assignments: bool, conditional: bool) {
    for stmt in suite {
        match stmt {
            Stmt::Import(import) => {
                for alias in &import.names {
                    let full: Vec<String> = alias.name.split('.').map(str::to_string).collect();
                    let (local, qualified) = match &alias.asname {
                        Some(asname) => (asname.to_string(), full),
                        None => (full[0].clone(), vec![full[0].clone()]),
                    };
                    scope.imports.insert(
                        local,
                        ImportBinding {
                            qualified,
                            stmt: import.range,
                            alias: alias.range,
                            is_from: false,
                            conditional,
                            star: false,
                        },
                    );
                }
            }
            Stmt::ImportFrom(import)
                if import.level > 0 && import.names.iter().any(|a| a.name.as_str() == "*") =>
            {
                let module = import.module.as_ref().map_or("", |m| m.as_str());
                let dots = ".".repeat(import.level as usize);
                scope.unknown_star.get_or_insert(format!("{dots}{module}"));
            }
            Stmt::ImportFrom(import) if import.level == 0 => {
                let Some(module) = &import.module else {
                    continue;
                };
                for alias in &import.names {
                    if alias.name.as_str() == "*" {
                        if module.as_str() == "asyncio" {
                            for name in ASYNCIO_ALL {
                                scope.imports.insert(
                                    (*name).to_string(),
                                    ImportBinding {
                                        qualified: vec!["asyncio".into(), (*name).to_string()],
                                        stmt: import.range,
                                        alias: alias.range,
                                        is_from: true,
                                        conditional,
                                        star: true,
                                    },
                                );
                            }
                        } else {
                            scope.unknown_star.get_or_insert(module.to_string());
                        }
                        continue;
                    }
                    let mut qualified: Vec<String> =
                        module.split('.').map(str::to_string).collect();
                    qualified.push(alias.name.to_string());
                    let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    scope.imports.insert(
                        local,
                        ImportBinding {
                            qualified,
                            stmt: import.range,
                            alias: alias.range,
                            is_from: true,
                            conditional,
                            star: false,
                        },
                    );
                }
            }
            Stmt::FunctionDef(func) if record_assignments => {
                scope.shadowed.insert(func.name.id.clone());
            }
            Stmt::ClassDef(class) if record_assignments => {
                scope.shadowed.insert(class.name.id.clone());
            }
            Stmt::If(stmt_if) => {
                collect(&stmt_if.body, scope, record_assignments, true);
                for clause in &stmt_if.elif_else_clauses {
                    collect(&clause.body, scope, record_assignments, true);
                }
            }
            Stmt::Try(stmt_try) => {
                collect(&stmt_try.body, scope, record_assignments, true);
                for handler in &stmt_try.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    if record_assignments && let Some(name) = &handler.name {
                        scope.shadowed.insert(name.id.clone());
                    }
                    collect(&handler.body, scope, record_assignments, true);
                }
                collect(&stmt_try.orelse, scope, record_assignments, true);
                collect(&stmt_try.finalbody, scope, record_assignments, true);
            }
            Stmt::With(with) => {
                if record_assignments {
                    for item in &with.items {
                        if let Some(vars) = &item.optional_vars {
                            shadow_targets(vars, scope);
                        }
                    }
                }
                collect(&with.body, scope, record_assignments, true);
            }
            Stmt::For(stmt_for) => {
                if record_assignments {
                    shadow_targets(&stmt_for.target, scope);
                }
                collect(&stmt_for.body, scope, record_assignments, true);
                collect(&stmt_for.orelse, scope, record_assignments, true);
            }
            Stmt::While(stmt_while) => {
                collect(&stmt_while.body, scope, record_assignments, true);
                collect(&stmt_while.orelse, scope, record_assignments, true);
            }
            Stmt::Assign(assign) if record_assignments => {
                for target in &assign.targets {
                    shadow_targets(target, scope);
                }
            }
            Stmt::AnnAssign(assign) if record_assignments => shadow_targets(&assign.target, scope),
            Stmt::AugAssign(assign) if record_assignments => shadow_targets(&assign.target, scope),
            _ => {}
        }
    }
}

/// Names bound at module level by anything but an import: assignment targets, `def`, `class`,
/// loop and `with` targets, `except ... as`, `del`, and `global` declarations in functions
/// (at any depth).
fn module_rebinds(suite: &[Stmt], bound: &mut HashSet<Name>, module_level: bool) {
    let targets = |target: &Expr, bound: &mut HashSet<Name>| {
        let mut scope = Scope::default();
        shadow_targets(target, &mut scope);
        bound.extend(scope.shadowed);
    };
    for stmt in suite {
        match stmt {
            Stmt::FunctionDef(func) => {
                if module_level {
                    bound.insert(func.name.id.clone());
                }
                module_rebinds(&func.body, bound, false);
            }
            Stmt::ClassDef(class) => {
                if module_level {
                    bound.insert(class.name.id.clone());
                }
                module_rebinds(&class.body, bound, false);
            }
            Stmt::Global(global) => bound.extend(global.names.iter().map(|n| n.id.clone())),
            Stmt::Assign(assign) if module_level => {
                assign.targets.iter().for_each(|t| targets(t, bound));
            }
            Stmt::AnnAssign(assign) if module_level && assign.value.is_some() => {
                targets(&assign.target, bound);
            }
            Stmt::AugAssign(assign) if module_level => targets(&assign.target, bound),
            Stmt::Delete(delete) if module_level => {
                delete.targets.iter().for_each(|t| targets(t, bound));
            }
            Stmt::For(stmt_for) => {
                if module_level {
                    targets(&stmt_for.target, bound);
                }
                module_rebinds(&stmt_for.body, bound, module_level);
                module_rebinds(&stmt_for.orelse, bound, module_level);
            }
            Stmt::While(stmt_while) => {
                module_rebinds(&stmt_while.body, bound, module_level);
                module_rebinds(&stmt_while.orelse, bound, module_level);
            }
            Stmt::If(stmt_if) => {
                module_rebinds(&stmt_if.body, bound, module_level);
                for clause in &stmt_if.elif_else_clauses {
                    module_rebinds(&clause.body, bound, module_level);
                }
            }
            Stmt::With(with) => {
                if module_level {
                    for item in &with.items {
                        if let Some(vars) = &item.optional_vars {
                            targets(vars, bound);
                        }
                    }
                }
                module_rebinds(&with.body, bound, module_level);
            }
            Stmt::Try(stmt_try) => {
                module_rebinds(&stmt_try.body, bound, module_level);
                for handler in &stmt_try.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    if module_level && let Some(name) = &handler.name {
                        bound.insert(name.id.clone());
                    }
                    module_rebinds(&handler.body, bound, module_level);
                }
                module_rebinds(&stmt_try.orelse, bound, module_level);
                module_rebinds(&stmt_try.finalbody, bound, module_level);
            }
            Stmt::Match(stmt_match) => {
                for case in &stmt_match.cases {
                    module_rebinds(&case.body, bound, module_level);
                }
            }
            _ => {}
        }
    }
}

/// Does a statement of `suite` (not nested in a function or class) bind `name`: an import, an
/// assignment, a `def`, a `class`, a loop or `with` target?
pub fn binds(suite: &[Stmt], name: &str) -> bool {
    let mut scope = Scope::default();
    collect(suite, &mut scope, true, false);
    scope.imports.contains_key(name) || scope.shadowed.contains(name)
}

fn shadow_targets(target: &Expr, scope: &mut Scope) {
    match target {
        Expr::Name(name) => {
            scope.shadowed.insert(name.id.clone());
        }
        Expr::Tuple(tuple) => tuple.iter().for_each(|elt| shadow_targets(elt, scope)),
        Expr::List(list) => list.iter().for_each(|elt| shadow_targets(elt, scope)),
        Expr::Starred(starred) => shadow_targets(&starred.value, scope),
        _ => {}
    }
}

/// The module scope plus the stack of enclosing function scopes, innermost last.
#[derive(Debug)]
pub struct Imports {
    module: Scope,
    functions: Vec<Scope>,
    /// How many of the enclosing function scopes import each name (usually none): with the
    /// module's imports, the names [`Imports::binding`] can find at all.
    function_imports: HashMap<String, u32>,
}

impl Imports {
    pub fn new(suite: &[Stmt]) -> Self {
        Self {
            module: Scope::module(suite),
            functions: Vec::new(),
            function_imports: HashMap::default(),
        }
    }
    pub fn push_function(&mut self, func: &ast::StmtFunctionDef) {
        let scope = Scope::function(func);
        for name in scope.imports.keys() {
            *self.function_imports.entry(name.clone()).or_default() += 1;
        }
        self.functions.push(scope);
    }
    pub fn pop_function(&mut self) {
        if let Some(scope) = self.functions.pop() {
            for name in scope.imports.keys() {
                if let Some(count) = self.function_imports.get_mut(name) {
                    *count -= 1;
                    if *count == 0 {
                        self.function_imports.remove(name);
                    }
                }
            }
        }
    }
    pub fn module_scope(&self) -> &Scope {
        &self.module
    }

    /// The import that binds `name` where we are, or `None` when the name is unbound or
    /// bound to something that is not an import.
    pub fn binding(&self, name: &str) -> Option<&ImportBinding> {
        // Most names are no import's: one lookup says so.
        if !self.module.imports.contains_key(name)
            && (self.function_imports.is_empty() || !self.function_imports.contains_key(name))
        {
            return None;
        }
        for scope in self.functions.iter().rev() {
            if let Some(binding) = scope.imports.get(name) {
                return Some(binding);
            }
            if scope.shadowed.contains(name) {
                return None;
            }
        }
        if self.module.rebound.contains(name) {
            return None;
        }
        self.module.imports.get(name)
    }

    /// The module of a star import that may bind any name (see [`Scope::unknown_star`]).
    pub fn unknown_star(&self) -> Option<&str> {
        self.module.unknown_star.as_deref()
    }

    /// Does an enclosing function bind `name` otherwise than by import (parameter, assignment)?
    pub fn shadowed_locally(&self, name: &str) -> bool {
        self.functions
            .iter()
            .any(|scope| scope.shadowed.contains(name))
    }

    /// The fully qualified name `expr` refers to, if it is a dotted name rooted in an import.
    pub fn resolve(&self, expr: &Expr) -> Option<Vec<String>> {
        let name = UnqualifiedName::from_expr(expr)?;
        let (first, rest) = name.segments().split_first()?;
        let binding = self.binding(first)?;
        let mut qualified = binding.qualified.clone();
        qualified.extend(rest.iter().map(|s| s.to_string()));
        Some(qualified)
    }

    /// Does `expr` refer to `qualified` (e.g. `["asyncio", "wait_for"]`)? Allocation-free.
    pub fn matches(&self, expr: &Expr, qualified: &[&str]) -> bool {
        self.matches_any(expr, &[qualified]).is_some()
    }

    /// Like [`Imports::matches`], for several candidates; returns the one that matched.
    pub fn matches_any<'q>(
        &self,
        expr: &Expr,
        candidates: &[&'q [&'q str]],
    ) -> Option<&'q [&'q str]> {
        // As `matches`, with the name resolved once for all the candidates.
        if let Expr::Attribute(attr) = expr
            && !candidates
                .iter()
                .any(|q| q.last() == Some(&attr.attr.as_str()))
        {
            return None;
        }
        if let Expr::Name(name) = expr {
            // A bare name: the binding's own qualified name, nothing to append.
            let binding = self.binding(&name.id)?;
            return candidates.iter().copied().find(|qualified| {
                binding.qualified.len() == qualified.len()
                    && binding
                        .qualified
                        .iter()
                        .zip(qualified.iter())
                        .all(|(a, b)| a == b)
            });
        }
        let name = UnqualifiedName::from_expr(expr)?;
        let (first, rest) = name.segments().split_first()?;
        let binding = self.binding(first)?;
        candidates.iter().copied().find(|qualified| {
            binding.qualified.len() + rest.len() == qualified.len()
                && binding
                    .qualified
                    .iter()
                    .map(String::as_str)
                    .chain(rest.iter().copied())
                    .eq(qualified.iter().copied())
        })
    }

    /// When `callee` is a bare name bound by a from-import (`wf` for `from asyncio import
    /// wait_for as wf`), that name: a fix that removes the call should report it as dropped so
    /// the engine can remove the import if nothing else uses it.
    pub fn from_imported_name<'e>(&self, callee: &'e Expr) -> Option<&'e str> {
        let Expr::Name(name) = callee else {
            return None;
        };
        self.binding(&name.id)
            .filter(|b| b.is_from)
            .map(|_| name.id.as_str())
    }

    /// The local name under which module `module` is bound (`aio` for `import asyncio as aio`),
    /// by an import that always runs.
    /// Deterministic: the plain module name wins, then the alphabetically first alias.
    pub fn module_alias(&self, module: &str) -> Option<String> {
        self.pick(module, |b| {
            !b.is_from && b.qualified.len() == 1 && b.qualified[0] == module
        })
    }

    /// The local name bound to `module.member` by a from-import (`wf` for
    /// `from asyncio import wait_for as wf`).
    pub fn member_alias(&self, module: &str, member: &str) -> Option<String> {
        self.pick(member, |b| {
            b.is_from
                && b.qualified.len() == 2
                && b.qualified[0] == module
                && b.qualified[1] == member
        })
    }

    fn pick(&self, preferred: &str, wanted: impl Fn(&ImportBinding) -> bool) -> Option<String> {
        let scopes = self
            .functions
            .iter()
            .rev()
            .chain(std::iter::once(&self.module));
        let mut names: Vec<&str> = scopes
            .flat_map(|scope| scope.imports.iter())
            .filter(|(name, binding)| {
                !binding.conditional
                    && !binding.star
                    && wanted(binding)
                    && self
                        .binding(name)
                        .is_some_and(|visible| std::ptr::eq(visible, *binding))
            })
            .map(|(name, _)| name.as_str())
            .collect();
        names.sort_by_key(|name| (*name != preferred, *name));
        names.first().map(|name| name.to_string())
    }
}
