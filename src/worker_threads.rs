//! Does an `async def` run in a worker thread with an event loop of its own? There, blocking the
//! thread (`time.sleep`, `subprocess.run`) stalls no other task: it is often the point of the
//! thread. Used by `blocking-sleep` and `blocking-call-in-async`.
//!
//! Recognised, matched by the function's bare name (`g`, `self.g`):
//! - a decorator call with `thread=True` (Textual's `@work(thread=True)`);
//! - a thread runner handed the function, or a loop runner and its coroutine:
//!   `threading.Thread(target=...)`, `threading.Timer`, `multiprocessing.Process`,
//!   `_thread.start_new_thread`, `<loop>.run_in_executor(executor, ...)`,
//!   `asyncio.to_thread`, `anyio.to_thread.run_sync`, `trio.to_thread.run_sync`,
//!   `<executor>.submit(...)`; with `asyncio.run(g())`, `<loop>.run_until_complete(g())`,
//!   `anyio.run(g)`, `trio.run(g)` run by the thread (as its callable and arguments, in a
//!   `lambda` handed to it, or in a function handed to it by name).
//!
//! Not recognised (reported as usual): a callable reached through a variable, `asyncio.Runner`,
//! `run_coroutine_threadsafe`, and coroutines the thread's coroutine awaits in turn.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::analysis::is_transparent_decorator;
use crate::checker::Checker;
use crate::imports::Imports;

/// Where the current `async def` runs, as far as blocking its thread matters.
pub enum LoopThread {
    /// Nothing says it runs anywhere but the program's event loop.
    EventLoop,
    /// It runs in a worker thread with its own event loop (the reason says why): do not report.
    Worker(String),
    /// It may (an unknown decorator; run in a thread and also called elsewhere): report without
    /// a fix, saying why.
    Unknown(String),
}

/// Where the innermost function (an `async def`) runs.
pub fn loop_thread(cx: &mut Checker) -> LoopThread {
    let Some(func) = cx.current_function() else {
        return LoopThread::EventLoop;
    };
    for decorator in &func.decorator_list {
        if let Expr::Call(call) = &decorator.expression
            && call
                .arguments
                .find_keyword("thread")
                .is_some_and(|k| matches!(&k.value, Expr::BooleanLiteral(b) if b.value))
        {
            return LoopThread::Worker(format!(
                "`@{}` runs `{}` in a worker thread with its own event loop, where blocking is intended",
                cx.slice(&decorator.expression),
                func.name
            ));
        }
    }
    if let Some(decorator) = func
        .decorator_list
        .iter()
        .find(|d| !is_transparent_decorator(cx, &d.expression) && !keeps_loop(cx, &d.expression))
    {
        return LoopThread::Unknown(format!(
            "`{}` is decorated with `@{}`, which may run it in a worker thread with its own event \
             loop, where blocking is intended",
            func.name,
            cx.slice(&decorator.expression)
        ));
    }
    let suite = cx.suite();
    let facts = cx
        .state::<Option<ThreadFacts>>()
        .get_or_insert_with(|| ThreadFacts::gather(suite));
    let name = func.name.as_str();
    match facts.in_thread.get(name) {
        None => LoopThread::EventLoop,
        Some(how) if facts.called_elsewhere.contains(name) => LoopThread::Unknown(format!(
            "`{name}` {how}, and is also called elsewhere: blocking is intended in the thread \
             but stalls the event loop elsewhere"
        )),
        Some(how) => LoopThread::Worker(format!(
            "`{name}` {how}: it runs in a worker thread with its own event loop, where blocking \
             is intended"
        )),
    }
}

/// Decorators known to leave the coroutine on the program's loop: pytest's marks and fixtures,
/// `contextlib.asynccontextmanager`.
fn keeps_loop(cx: &Checker, decorator: &Expr) -> bool {
    let target = match decorator {
        Expr::Call(call) => &*call.func,
        other => other,
    };
    cx.imports().resolve(target).is_some_and(|q| {
        let q: Vec<&str> = q.iter().map(String::as_str).collect();
        matches!(
            q.as_slice(),
            ["pytest", "mark", ..]
                | ["pytest", "fixture"]
                | ["pytest_asyncio", "fixture"]
                | ["contextlib", "asynccontextmanager"]
        )
    })
}

/// Per file: which `async def`s (by bare name) a worker thread runs, and which are also called
/// somewhere else.
#[derive(Default)]
struct ThreadFacts {
    /// name → how it reaches the thread ("is run by `asyncio.run` in `main`, handed to ...").
    in_thread: HashMap<String, String>,
    called_elsewhere: HashSet<String>,
}

/// A loop runner call: `asyncio.run(g())` and the like, where it sits.
struct LoopRun {
    /// The coroutine function's bare name.
    name: String,
    /// The runner, as shown (`asyncio.run`).
    runner: String,
    /// The range of the call `g()` (to tell it from other calls of `g`), if it is a call.
    call: Option<TextRange>,
    /// The innermost `def` around it, by bare name.
    owner: Option<String>,
    /// The innermost `lambda` around it (inside the `def`).
    lambda: Option<TextRange>,
}

impl ThreadFacts {
    fn gather(suite: &[Stmt]) -> Self {
        let mut walker = Walker {
            imports: Imports::new(suite),
            owners: Vec::new(),
            lambdas: Vec::new(),
            handed_names: HashMap::new(),
            handed_lambdas: HashMap::new(),
            direct: Vec::new(),
            runs: Vec::new(),
            calls: Vec::new(),
        };
        walker.visit_body(suite);
        let mut facts = ThreadFacts::default();
        let mut consumed: HashSet<TextRange> = HashSet::new();
        for (name, how, call) in walker.direct {
            consumed.extend(call);
            facts.in_thread.entry(name).or_insert(how);
        }
        for run in &walker.runs {
            let handed = run
                .lambda
                .and_then(|l| walker.handed_lambdas.get(&l))
                .map(|thread| {
                    format!(
                        "is run by `{}` in a `lambda` handed to `{thread}`",
                        run.runner
                    )
                })
                .or_else(|| {
                    let owner = run.owner.as_ref()?;
                    let thread = walker.handed_names.get(owner)?;
                    Some(format!(
                        "is run by `{}` in `{owner}`, which is handed to `{thread}`",
                        run.runner
                    ))
                });
            if let Some(how) = handed {
                consumed.extend(run.call);
                facts.in_thread.entry(run.name.clone()).or_insert(how);
            }
        }
        for (name, thread) in &walker.handed_names {
            facts
                .in_thread
                .entry(name.clone())
                .or_insert_with(|| format!("is handed to `{thread}`"));
        }
        for (name, range) in walker.calls {
            if !consumed.contains(&range) && facts.in_thread.contains_key(&name) {
                facts.called_elsewhere.insert(name);
            }
        }
        facts
    }
}

struct Walker {
    imports: Imports,
    owners: Vec<String>,
    lambdas: Vec<TextRange>,
    /// Callables handed to a thread runner by name → the runner, as shown.
    handed_names: HashMap<String, String>,
    /// `lambda`s handed to a thread runner → the runner.
    handed_lambdas: HashMap<TextRange, String>,
    /// Coroutines handed to a thread together with a loop runner
    /// (`Thread(target=asyncio.run, args=(g(),))`): (name, how, the call `g()`).
    direct: Vec<(String, String, Option<TextRange>)>,
    runs: Vec<LoopRun>,
    /// Every call by bare name (`g()`, `self.g()`), with its range.
    calls: Vec<(String, TextRange)>,
}

/// The bare name a callable expression names: `g` for `g` and `self.g`.
fn bare_name(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(name) => Some(name.id.as_str()),
        Expr::Attribute(attr) => Some(attr.attr.as_str()),
        _ => None,
    }
}

impl Walker {
    /// If `call` hands a callable to a thread (or process): the runner as shown, the callable,
    /// and the arguments the callable gets.
    fn thread_runner<'e>(
        &self,
        call: &'e ast::ExprCall,
    ) -> Option<(String, &'e Expr, Vec<&'e Expr>)> {
        let args = &call.arguments;
        let positional = |i: usize| args.args.get(i).filter(|a| !a.is_starred_expr());
        let tuple_items = |value: Option<&'e Expr>| -> Vec<&'e Expr> {
            match value {
                Some(Expr::Tuple(t)) => t.elts.iter().collect(),
                Some(Expr::List(l)) => l.elts.iter().collect(),
                _ => Vec::new(),
            }
        };
        let rest = |from: usize| args.args.iter().skip(from).collect::<Vec<_>>();
        let resolved = self.imports.resolve(&call.func);
        let qualified: Vec<&str> = resolved
            .as_ref()
            .map(|q| q.iter().map(String::as_str).collect())
            .unwrap_or_default();
        let shown = || qualified.join(".");
        match qualified.as_slice() {
            ["threading", "Thread"] | ["multiprocessing", "Process"] => {
                let target = args.find_argument_value("target", 1)?;
                let items = tuple_items(args.find_argument_value("args", 3));
                Some((shown(), target, items))
            }
            ["threading", "Timer"] => {
                let target = args.find_argument_value("function", 1)?;
                let items = tuple_items(args.find_argument_value("args", 2));
                Some((shown(), target, items))
            }
            ["_thread", "start_new_thread"] => {
                Some((shown(), positional(0)?, tuple_items(positional(1))))
            }
            ["asyncio", "to_thread"]
            | ["anyio", "to_thread", "run_sync"]
            | ["trio", "to_thread", "run_sync"] => Some((shown(), positional(0)?, rest(1))),
            _ => match &*call.func {
                Expr::Attribute(attr) if attr.attr.as_str() == "run_in_executor" => {
                    Some(("run_in_executor".into(), positional(1)?, rest(2)))
                }
                Expr::Attribute(attr) if attr.attr.as_str() == "submit" => {
                    Some(("submit".into(), positional(0)?, rest(1)))
                }
                _ => None,
            },
        }
    }

    /// If `func` is a loop runner: the runner as shown, and whether it takes a coroutine
    /// (`asyncio.run(g())`) rather than a coroutine function (`anyio.run(g)`).
    fn loop_runner(&self, func: &Expr) -> Option<(String, bool)> {
        if self.imports.matches(func, &["asyncio", "run"]) {
            return Some(("asyncio.run".into(), true));
        }
        if self.imports.matches(func, &["anyio", "run"]) {
            return Some(("anyio.run".into(), false));
        }
        if self.imports.matches(func, &["trio", "run"]) {
            return Some(("trio.run".into(), false));
        }
        match func {
            Expr::Attribute(attr) if attr.attr.as_str() == "run_until_complete" => {
                Some(("run_until_complete".into(), true))
            }
            _ => None,
        }
    }

    /// The coroutine function a loop runner's argument names, and the call's range.
    fn coroutine_of(argument: &Expr, takes_coroutine: bool) -> Option<(String, Option<TextRange>)> {
        if takes_coroutine {
            let Expr::Call(inner) = argument else {
                return None;
            };
            Some((bare_name(&inner.func)?.to_string(), Some(inner.range())))
        } else {
            Some((bare_name(argument)?.to_string(), None))
        }
    }
}

impl<'a> SourceOrderVisitor<'a> for Walker {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::FunctionDef(func) = stmt {
            for decorator in &func.decorator_list {
                self.visit_decorator(decorator);
            }
            self.owners.push(func.name.to_string());
            let lambdas = std::mem::take(&mut self.lambdas);
            self.imports.push_function(func);
            self.visit_body(&func.body);
            self.imports.pop_function();
            self.lambdas = lambdas;
            self.owners.pop();
            return;
        }
        source_order::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Lambda(lambda) => {
                self.lambdas.push(lambda.range());
                source_order::walk_expr(self, expr);
                self.lambdas.pop();
                return;
            }
            Expr::Call(call) => {
                if let Some(name) = bare_name(&call.func) {
                    self.calls.push((name.to_string(), call.range()));
                }
                if let Some((thread, target, arguments)) = self.thread_runner(call) {
                    if let Some((runner, takes_coroutine)) = self.loop_runner(target) {
                        if let Some((name, inner)) = arguments
                            .first()
                            .and_then(|a| Self::coroutine_of(a, takes_coroutine))
                        {
                            let how = format!("is run by `{runner}` handed to `{thread}`");
                            self.direct.push((name, how, inner));
                        }
                    } else if let Expr::Lambda(lambda) = target {
                        self.handed_lambdas.insert(lambda.range(), thread);
                    } else if let Some(name) = bare_name(target) {
                        self.handed_names.insert(name.to_string(), thread);
                    }
                }
                if let Some((runner, takes_coroutine)) = self.loop_runner(&call.func)
                    && let Some((name, inner)) = call
                        .arguments
                        .args
                        .first()
                        .and_then(|a| Self::coroutine_of(a, takes_coroutine))
                {
                    self.runs.push(LoopRun {
                        name,
                        runner,
                        call: inner,
                        owner: self.owners.last().cloned(),
                        lambda: self.lambdas.last().copied(),
                    });
                }
            }
            _ => {}
        }
        source_order::walk_expr(self, expr);
    }
}
