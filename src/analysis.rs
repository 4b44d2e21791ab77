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
    /// A `def`/`async def` of this file whose call result we cannot vouch for.
    NotProvable { reason: String, is_async: bool },
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
            };
            if matches!(callee, Expr::Name(_)) && rebound_at_module_level(cx.suite(), name) {
                // Assigned at module level too: it may be anything by now.
                return LocalCallee::Unknown;
            }
            if func.decorator_list.iter().any(|d| {
                !matches!(&d.expression, Expr::Name(n) if matches!(n.id.as_str(), "staticmethod" | "classmethod"))
            }) {
                return not_provable(format!("`{name}` is decorated: the decorator may change what the call returns"));
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
