//! `loop-test-case`: a `unittest.TestCase` whose `setUp` makes an event loop and whose tests
//! drive it with `self.loop.run_until_complete(x)` → `unittest.IsolatedAsyncioTestCase` with
//! `async def` tests that `await x`; and the pytest spelling (`pytest.rs`): a test that takes
//! the `event_loop` fixture and calls `event_loop.run_until_complete(x)` → a
//! `@pytest.mark.asyncio` `async def` test that awaits `x`.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_python_trivia::has_leading_content;
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::analysis::body_yields;
use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
use crate::{importer, rewrite};

mod pytest;

crate::declare_transform! {
    /// ## What it does
    /// Finds a `unittest.TestCase` subclass whose `setUp` makes an event loop
    /// (`self.loop = asyncio.new_event_loop()` or `asyncio.get_event_loop()`, optionally with
    /// `asyncio.set_event_loop(self.loop)` / `set_event_loop(None)`), whose `tearDown` closes it
    /// (`self.loop.close()`, optionally `asyncio.set_event_loop(None)`), and whose tests call
    /// `self.loop.run_until_complete(x)`, the shape of the test suites of old aiohttp,
    /// websockets and the asyncio backport. The class derives from
    /// `unittest.IsolatedAsyncioTestCase` instead; the tests that use the loop become
    /// `async def` with `await x`; the loop set-up and close statements go (`setUp` and
    /// `tearDown` go too when nothing else, or only `super().setUp()`, is left in them);
    /// `loop=self.loop` goes from the asyncio APIs that dropped `loop=` in 3.10 (`sleep`,
    /// `gather`, `wait_for`, `Queue`, `Lock`, ...); and the other uses of the loop in a test
    /// (`self.loop.time()`, `call_later`, `call_soon`, `create_task`, `create_future`,
    /// `run_in_executor`, `create_connection`, ..., or `self.loop` passed as an argument)
    /// become `asyncio.get_running_loop()`, which inside the async test is the test's loop.
    /// Tests that do not use the loop stay as they are.
    ///
    /// The pytest spelling: in a test file (`test_*.py`, `*_test.py`), a `def test*` (module
    /// level, or a method of a `Test*` class without bases) that takes the `event_loop` fixture
    /// (pytest-asyncio's before 1.0, or a project fixture that only makes a loop, yields it and
    /// closes it) or a project-defined `loop` fixture of that shape, and calls
    /// `event_loop.run_until_complete(x)`, becomes an `async def` test with the mark of the
    /// suite's plugin (`@pytest.mark.asyncio`, or `@pytest.mark.anyio` where the suite runs on
    /// anyio's plugin and not pytest-asyncio, as `asyncio-run-in-test` picks it; `import
    /// pytest` is added where needed) that does `await x`; the fixture parameter goes, and the
    /// other uses of the loop are rewritten as in a test case above. The mark is added even
    /// under `asyncio_mode = auto`, where it is harmless (in strict mode, the default, it is
    /// needed).
    ///
    /// ## Why is this bad?
    /// Managing a loop by hand in every test is what `IsolatedAsyncioTestCase` (3.8+) does for
    /// you: it creates the loop, runs `setUp`, the test and `tearDown` in it, cancels what the
    /// test left running and closes the loop. `get_event_loop()` without a running loop is
    /// deprecated, and `loop=` arguments were removed from asyncio in 3.10. pytest-asyncio 1.0
    /// removed the `event_loop` fixture: async tests get their loop from the plugin.
    ///
    /// ## Example
    /// ```python
    /// class ClientTests(unittest.TestCase):
    ///     def setUp(self):
    ///         self.loop = asyncio.new_event_loop()
    ///         asyncio.set_event_loop(None)
    ///
    ///     def tearDown(self):
    ///         self.loop.close()
    ///
    ///     def test_fetch(self):
    ///         self.assertEqual(self.loop.run_until_complete(fetch()), 42)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// class ClientTests(unittest.IsolatedAsyncioTestCase):
    ///     async def test_fetch(self):
    ///         self.assertEqual(await fetch(), 42)
    /// ```
    ///
    /// And with pytest:
    /// ```python
    /// def test_fetch(event_loop):
    ///     assert event_loop.run_until_complete(fetch()) == 42
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// @pytest.mark.asyncio
    /// async def test_fetch():
    ///     assert await fetch() == 42
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe. The isolated test case runs each test in a loop of its own, in debug mode, with
    /// `setUp`, the test and `tearDown` inside it (between `asyncSetUp` and `asyncTearDown`);
    /// where `setUp` took the shared loop with `get_event_loop()`, each test now gets a loop of
    /// its own. The awaited coroutines run in the test's context, not in a task of their own,
    /// so context variables they set stay set for the rest of the test. Tasks still pending
    /// at the end of a test are cancelled (and their cancellation awaited) instead of being
    /// left unfinished when the loop closed. After each test there is no current event loop
    /// (`asyncio.get_event_loop()` from sync code raises).
    ///
    /// The pytest form is unsafe too: the test runs inside the plugin's running loop (with
    /// pytest-asyncio 1.x the plugin's own loop, not the project's fixture's; code it calls
    /// that runs a loop itself raises); the awaited coroutines run in the test's task rather
    /// than in a task each, so context variables they set stay set and other tasks may
    /// interleave in another order (`run_until_complete(asyncio.sleep(0))` let them step more
    /// than one `await asyncio.sleep(0)` does); tasks still pending at the end of the test are
    /// cancelled (pytest-asyncio 1.x) instead of being left unfinished when the fixture closed
    /// the loop. It needs pytest-asyncio (or anyio's plugin).
    ///
    /// ## When no fix is made
    /// - The class has bases other than `unittest.TestCase` (a base with its own loop
    ///   machinery), a metaclass, a class decorator other than `unittest.skip*` / `mock.patch*`,
    ///   or another class of the file derives from it (its tests would keep using `self.loop`).
    /// - The loop is not made in `setUp` by `asyncio.new_event_loop()` / `get_event_loop()`
    ///   (a module-level loop shared across classes, `uvloop.new_event_loop()`, a loop made in
    ///   `setUpClass`), or `setUp` sets a loop policy (`set_event_loop_policy`: the isolated
    ///   test case makes its loop before `setUp` runs; a policy set at import time, such as
    ///   `uvloop.install()`, makes its loops too and is kept).
    /// - `setUp` or `tearDown` uses the loop beyond making and closing it, or a method that is
    ///   not a test (a helper, `setUpClass`) uses it.
    /// - A test runs the loop otherwise (`run_forever`, `stop`, `is_running()`, `get_debug()`,
    ///   `self.loop.run_until_complete` passed as a callable), stores or rebinds the loop, uses
    ///   it in a nested function, lambda or comprehension, yields, has a decorator other than
    ///   `unittest.skip*` / `expectedFailure` / `mock.patch*`, or calls something that runs a
    ///   loop of its own (`asyncio.run`, another loop's `run_until_complete`, a function of this
    ///   module that does): inside the running loop of the async test those raise.
    /// - The setUp keeps the current loop (no `set_event_loop(None)`) and other code of the
    ///   file or of other files of the run calls `asyncio.get_event_loop()` from sync code:
    ///   after an isolated test there is no current loop, so it would raise.
    ///
    /// For the pytest form, besides the test-level reasons above (`run_forever`, `stop`,
    /// `close`, nested functions and lambdas, `run_until_complete` passed as a callable,
    /// helpers of this module or of other files of the run that run a loop, `asyncio.run` /
    /// `get_event_loop()` in the test, `yield`):
    /// - The test is already `async def`, the fixture parameter has a default or is a
    ///   `parametrize` argument, or the parameter list has `/`, `*` or `**`.
    /// - The loop fixture does more than make and close a loop (a policy, `uvloop`, another
    ///   loop class, a scope other than `function`, `autouse`, other fixtures) in this file,
    ///   or anywhere in the project (a `conftest.py`), or the project has an
    ///   `event_loop_policy` fixture (the plugin's loops follow it, the project's fixture may
    ///   not). A `loop` fixture that neither this file
    ///   nor a `conftest.py` of the run defines may be a plugin's (pytest-aiohttp's).
    /// - The test takes another fixture that may use the loop: one this file does not define
    ///   (pytest's own fixtures, `mocker` and `parametrize` arguments aside), an async fixture,
    ///   or one that takes the loop fixture or makes or runs a loop (transitively; a
    ///   `parametrize(..., indirect=...)` name counts as a fixture); an autouse fixture of the
    ///   file that does, or of the project that takes `event_loop`/`loop`; `usefixtures` in a
    ///   `pytestmark`. Before, it shared the loop with the test; after, the test is not sure
    ///   to run in that loop.
    /// - The test names its fixture in a string (`request.getfixturevalue("event_loop")`),
    ///   has a decorator other than a `pytest.mark.*` mark (not `usefixtures`, `asyncio`,
    ///   `anyio`, `trio`) or `mock.patch*`, or belongs to a class with bases, a metaclass or a
    ///   decorator other than a mark.
    /// - A `pytest_pyfunc_call` hook in the project calls the tests itself (a home-made async
    ///   runner, which may hand async tests the `event_loop` fixture).
    /// - The suite runs on pytest-trio, or on anyio's plugin with a trio backend; or nothing in
    ///   the files of the run shows pytest-asyncio or anyio's plugin (`pytest.mark.asyncio`,
    ///   `import pytest_asyncio`, `pytest_plugins`, an `anyio_backend` fixture): the loop
    ///   fixture may be the project's own, and without a plugin an async test does not run.
    ///   (`asyncio-run-in-test` assumes pytest-asyncio there; a test that drives a loop fixture
    ///   does not need it.)
    /// - A fixture (a function decorated with `pytest.fixture`) that itself drives the loop
    ///   fixture with `run_until_complete` is reported and not rewritten: an async fixture's
    ///   loop and scope depend on the pytest-asyncio version.
    pub struct LoopTestCase {
        id: "loop-test-case",
        summary: "`TestCase` driving `self.loop.run_until_complete` -> `IsolatedAsyncioTestCase`; pytest `event_loop.run_until_complete` -> `@pytest.mark.asyncio` async test",
        min_version: Some(PyVersion::PY38),
        safety: FixSafety::Unsafe,
    }
}

const MESSAGE: &str = "Test case drives an event loop by hand: use `unittest.IsolatedAsyncioTestCase` with `async def` tests";
const NOTE: &str = "the class becomes `unittest.IsolatedAsyncioTestCase`: each test runs in a loop of its own, in debug mode, with setUp, the test and tearDown inside it (asyncSetUp/asyncTearDown order); code the test calls now runs while the loop is running (a `run_until_complete` in it raises); the awaited coroutines run in the test's context, so context variables they set stay set; tasks still pending at the end of a test are cancelled (before, they were left unfinished when the loop closed); after each test there is no current event loop";
const NOTE_SHARED: &str = "; each test now gets a loop of its own (setUp took the shared loop with `get_event_loop()`, which every test used)";

/// Loop methods that do the same on the running loop inside the async test.
const LOOP_METHODS: &[&str] = &[
    "time",
    "call_soon",
    "call_soon_threadsafe",
    "call_later",
    "call_at",
    "create_task",
    "create_future",
    "run_in_executor",
    "set_default_executor",
    "create_connection",
    "create_server",
    "create_unix_connection",
    "create_unix_server",
    "create_datagram_endpoint",
    "connect_read_pipe",
    "connect_write_pipe",
    "subprocess_exec",
    "subprocess_shell",
    "getaddrinfo",
    "getnameinfo",
    "sock_recv",
    "sock_recv_into",
    "sock_sendall",
    "sock_connect",
    "sock_accept",
    "sock_sendfile",
    "sendfile",
    "start_tls",
    "add_reader",
    "remove_reader",
    "add_writer",
    "remove_writer",
    "add_signal_handler",
    "remove_signal_handler",
    "set_exception_handler",
    "get_exception_handler",
    "call_exception_handler",
    "default_exception_handler",
    "shutdown_asyncgens",
];

/// asyncio APIs that dropped `loop=` in 3.10: `drop-loop-argument`'s list.
use super::drop_loop_argument::APIS as DROPPED_LOOP_APIS;

impl Transform for LoopTestCase {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::STMT
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        if let Stmt::FunctionDef(func) = stmt {
            pytest::check(cx, func);
            return;
        }
        let Stmt::ClassDef(class) = stmt else { return };
        // A byte search over the class first: most classes drive no loop.
        if memchr::memmem::find(cx.slice(stmt).as_bytes(), b"run_until_complete").is_none() {
            return;
        }
        let Some(attr) = driven_attribute(class) else {
            return;
        };
        let finding = match plan(cx, class, &attr) {
            Ok(fix) => Finding::new(Self::INFO.id, class.name.range(), MESSAGE).with_fix(fix),
            Err(reason) => Finding::new(
                Self::INFO.id,
                class.name.range(),
                format!("{MESSAGE}; no fix: {reason}"),
            ),
        };
        cx.report(finding);
    }
}

/// The attribute `X` of the first `self.X.run_until_complete` in a method of the class.
fn driven_attribute(class: &ast::StmtClassDef) -> Option<String> {
    struct Find(Option<String>);
    impl<'a> SourceOrderVisitor<'a> for Find {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.0.is_some() {
                return;
            }
            if let Expr::Attribute(run) = expr
                && run.attr.as_str() == "run_until_complete"
                && let Expr::Attribute(loop_attr) = &*run.value
                && let Expr::Name(owner) = &*loop_attr.value
                && matches!(owner.id.as_str(), "self" | "cls")
            {
                self.0 = Some(loop_attr.attr.to_string());
                return;
            }
            source_order::walk_expr(self, expr);
        }
    }
    let mut find = Find(None);
    for stmt in &class.body {
        if let Stmt::FunctionDef(func) = stmt {
            find.visit_body(&func.body);
        }
    }
    find.0
}

/// One mention of `self.X` in a method, with what surrounds it.
struct Use<'a> {
    expr: &'a Expr,
    /// Enclosing expressions, outermost first.
    parents: Vec<&'a Expr>,
    /// Inside a nested function, lambda, class or comprehension of the method.
    nested: bool,
    /// Inside nested `async def`s only: it runs in a coroutine, on the running loop.
    in_coroutine: bool,
    /// The innermost statement around it.
    stmt: &'a Stmt,
}

/// Everything about a method body the plan needs: the mentions of the loop, and the calls.
struct Collector<'a, 'b> {
    owner: &'b str,
    attr: &'b str,
    parents: Vec<&'a Expr>,
    statements: Vec<&'a Stmt>,
    nested: usize,
    /// Nested scopes that are not `async def`.
    sync_nested: usize,
    uses: Vec<Use<'a>>,
    calls: Vec<(&'a ast::ExprCall, bool)>,
}

impl<'a> SourceOrderVisitor<'a> for Collector<'a, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.statements.push(stmt);
        let nested = matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_));
        let sync = nested && !matches!(stmt, Stmt::FunctionDef(f) if f.is_async);
        self.nested += usize::from(nested);
        self.sync_nested += usize::from(sync);
        source_order::walk_stmt(self, stmt);
        self.nested -= usize::from(nested);
        self.sync_nested -= usize::from(sync);
        self.statements.pop();
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if is_self_attr(expr, self.owner, self.attr) {
            self.uses.push(Use {
                expr,
                parents: self.parents.clone(),
                nested: self.nested > 0,
                in_coroutine: self.nested > 0 && self.sync_nested == 0,
                stmt: self.statements.last().copied().expect("inside a body"),
            });
        }
        if let Expr::Call(call) = expr {
            self.calls.push((call, self.nested > 0));
        }
        let nested = matches!(
            expr,
            Expr::Lambda(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
                | Expr::Generator(_)
        );
        self.nested += usize::from(nested);
        self.sync_nested += usize::from(nested);
        self.parents.push(expr);
        source_order::walk_expr(self, expr);
        self.parents.pop();
        self.nested -= usize::from(nested);
        self.sync_nested -= usize::from(nested);
    }
}

fn collect<'a, 'b>(body: &'a [Stmt], owner: &'b str, attr: &'b str) -> Collector<'a, 'b> {
    let mut collector = Collector {
        owner,
        attr,
        parents: Vec::new(),
        statements: Vec::new(),
        nested: 0,
        sync_nested: 0,
        uses: Vec::new(),
        calls: Vec::new(),
    };
    collector.visit_body(body);
    collector
}

fn owner_name(func: &ast::StmtFunctionDef) -> Option<&str> {
    func.parameters
        .posonlyargs
        .iter()
        .chain(&func.parameters.args)
        .next()
        .map(|p| p.parameter.name.as_str())
}

/// How a statement of `setUp` / `tearDown` relates to the loop.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Role {
    /// `self.X = asyncio.new_event_loop()` (true) / `get_event_loop()` (false).
    Create { shared: bool },
    /// A statement that only manages the loop: it goes.
    Remove,
    /// `super().setUp()`, a docstring, `pass`: stays, but alone does not keep the method.
    Trivial,
    /// Anything else: stays.
    Keep,
}

/// Is `expr` the loop: `owner.attr` (`self.loop`), or with an empty `attr` the bare name
/// `owner` (a pytest test's `event_loop` fixture parameter)?
fn is_self_attr(expr: &Expr, owner: &str, attr: &str) -> bool {
    if attr.is_empty() {
        return matches!(expr, Expr::Name(n) if n.id.as_str() == owner);
    }
    matches!(expr, Expr::Attribute(a) if a.attr.as_str() == attr
        && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == owner))
}

/// How the loop is spelled in messages.
fn loop_name(owner: &str, attr: &str) -> String {
    if attr.is_empty() {
        owner.to_string()
    } else {
        format!("{owner}.{attr}")
    }
}

fn asyncio_call<'e>(cx: &Checker, expr: &'e Expr, name: &str) -> Option<&'e ast::ExprCall> {
    match expr {
        Expr::Call(call) if cx.imports().matches(&call.func, &["asyncio", name]) => Some(call),
        _ => None,
    }
}

fn role(cx: &Checker, stmt: &Stmt, owner: &str, attr: &str, method: &str) -> Role {
    match stmt {
        Stmt::Assign(assign) if matches!(&assign.targets[..], [t] if is_self_attr(t, owner, attr)) => {
            for (name, shared) in [("new_event_loop", false), ("get_event_loop", true)] {
                if let Some(call) = asyncio_call(cx, &assign.value, name)
                    && call.arguments.is_empty()
                {
                    return Role::Create { shared };
                }
            }
            if method == "tearDown" && assign.value.is_none_literal_expr() {
                return Role::Remove;
            }
            Role::Keep
        }
        Stmt::Delete(delete)
            if method == "tearDown"
                && matches!(&delete.targets[..], [t] if is_self_attr(t, owner, attr)) =>
        {
            Role::Remove
        }
        Stmt::Expr(expr) => {
            if let Some(call) = asyncio_call(cx, &expr.value, "set_event_loop")
                && call.arguments.keywords.is_empty()
                && matches!(&call.arguments.args[..], [arg]
                    if arg.is_none_literal_expr() || (method == "setUp" && is_self_attr(arg, owner, attr)))
            {
                return Role::Remove;
            }
            if let Expr::Call(call) = &*expr.value
                && call.arguments.is_empty()
                && let Expr::Attribute(close) = &*call.func
                && close.attr.as_str() == "close"
                && method == "tearDown"
                && is_self_attr(&close.value, owner, attr)
            {
                return Role::Remove;
            }
            // `self.addCleanup(self.loop.close)`
            if let Expr::Call(call) = &*expr.value
                && method == "setUp"
                && matches!(&*call.func, Expr::Attribute(a) if a.attr.as_str() == "addCleanup"
                    && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == owner))
                && call.arguments.keywords.is_empty()
                && matches!(&call.arguments.args[..], [Expr::Attribute(close)]
                    if close.attr.as_str() == "close" && is_self_attr(&close.value, owner, attr))
            {
                return Role::Remove;
            }
            // `self.loop.run_until_complete(self.loop.shutdown_asyncgens())`: the isolated
            // test case shuts async generators down itself.
            if let Expr::Call(call) = &*expr.value
                && method == "tearDown"
                && let Expr::Attribute(run) = &*call.func
                && run.attr.as_str() == "run_until_complete"
                && is_self_attr(&run.value, owner, attr)
                && call.arguments.keywords.is_empty()
                && matches!(&call.arguments.args[..], [Expr::Call(inner)]
                    if inner.arguments.is_empty()
                        && matches!(&*inner.func, Expr::Attribute(a) if a.attr.as_str() == "shutdown_asyncgens"
                            && is_self_attr(&a.value, owner, attr)))
            {
                return Role::Remove;
            }
            if let Expr::Call(call) = &*expr.value
                && let Expr::Attribute(up) = &*call.func
                && up.attr.as_str() == method
            {
                // `super().setUp()`, `unittest.TestCase.setUp(self)`, `TestCase.setUp(self)`.
                let is_super = matches!(&*up.value, Expr::Call(s) if s.arguments.is_empty()
                    && matches!(&*s.func, Expr::Name(n) if n.id.as_str() == "super"))
                    && call.arguments.is_empty();
                let is_base = cx.imports().matches(&up.value, &["unittest", "TestCase"])
                    && matches!(&call.arguments.args[..], [Expr::Name(n)] if n.id.as_str() == owner)
                    && call.arguments.keywords.is_empty();
                if is_super || is_base {
                    return Role::Trivial;
                }
            }
            if expr.value.is_string_literal_expr() {
                return Role::Trivial;
            }
            Role::Keep
        }
        Stmt::Pass(_) => Role::Trivial,
        _ => Role::Keep,
    }
}

/// Calls that manage or run event loops: not to be left in (or moved into) a running loop.
fn loop_manager(cx: &Checker, call: &ast::ExprCall) -> Option<String> {
    for name in [
        "new_event_loop",
        "get_event_loop",
        "set_event_loop",
        "run",
        "Runner",
        "set_event_loop_policy",
        "get_event_loop_policy",
    ] {
        if cx.imports().matches(&call.func, &["asyncio", name]) {
            return Some(format!("asyncio.{name}"));
        }
    }
    None
}

/// Is the decorator one a test keeps, given what it may be besides `mock.patch*`
/// (`extra`, over the parts of its qualified name)?
fn decorator_allowed(
    cx: &Checker,
    decorator: &ast::Decorator,
    extra: fn(&[&str]) -> bool,
) -> bool {
    let expr = match &decorator.expression {
        Expr::Call(call) => &*call.func,
        other => other,
    };
    let Some(qualified) = cx.imports().resolve(expr) else {
        return false;
    };
    let parts: Vec<&str> = qualified.iter().map(String::as_str).collect();
    matches!(
        parts.as_slice(),
        ["unittest", "mock", "patch", ..] | ["mock", "patch", ..]
    ) || extra(&parts)
}

fn allowed_decorator(cx: &Checker, decorator: &ast::Decorator) -> bool {
    decorator_allowed(cx, decorator, |parts| {
        matches!(parts, ["unittest", name]
            if matches!(*name, "skip" | "skipIf" | "skipUnless" | "expectedFailure"))
    })
}

struct Plan {
    edits: Vec<Edit>,
    dropped: Vec<String>,
    shared: bool,
}

fn plan(cx: &Checker, class: &ast::StmtClassDef, attr: &str) -> Result<Fix, String> {
    let loop_name = format!("self.{attr}");
    // The bases: exactly `unittest.TestCase`.
    let arguments = class.arguments.as_deref();
    let bases: Vec<&Expr> = arguments.map(|a| a.args.iter().collect()).unwrap_or_default();
    let base = match bases.as_slice() {
        [base] if cx.imports().matches(base, &["unittest", "TestCase"]) => *base,
        [] => return Err("the class has no `unittest.TestCase` base".into()),
        _ => {
            let other = bases
                .iter()
                .find(|b| !cx.imports().matches(b, &["unittest", "TestCase"]))
                .map_or_else(String::new, |b| cx.slice(*b).to_string());
            return Err(format!(
                "the class derives from `{other}`, which may have its own loop machinery (only a direct `unittest.TestCase` subclass is rewritten)"
            ));
        }
    };
    class_header(cx, class, allowed_decorator, "wrap the tests as sync functions")?;
    if let Some(child) = subclass_in_file(cx.suite(), class) {
        return Err(format!(
            "class `{child}` of this file derives from it: its tests would keep using `{loop_name}`"
        ));
    }
    // A policy set at import time (`uvloop.install()`, a Windows selector policy) makes the
    // isolated test case's loops too; one set in `setUp` comes too late for them (the loop is
    // made before `setUp` runs): `set_up_or_tear_down` refuses that.

    let methods: Vec<&ast::StmtFunctionDef> = class
        .body
        .iter()
        .filter_map(|s| match s {
            Stmt::FunctionDef(f) => Some(f),
            _ => None,
        })
        .collect();
    let mut plan = Plan {
        edits: Vec::new(),
        dropped: Vec::new(),
        shared: false,
    };
    let mut created = false;
    let mut clears_current = false;
    let mut tests = 0;
    for method in &methods {
        let name = method.name.as_str();
        let owner = owner_name(method).unwrap_or("self");
        match name {
            "setUp" | "tearDown" => {
                if method.is_async || !method.decorator_list.is_empty() {
                    return Err(format!("`{name}` is decorated or async"));
                }
                let (create, clears) = set_up_or_tear_down(cx, class, method, owner, attr, &mut plan)?;
                if let Some(shared) = create {
                    if created {
                        return Err("the loop is made more than once".into());
                    }
                    created = true;
                    plan.shared = shared;
                }
                clears_current |= clears;
            }
            _ if name.starts_with("test") && !method.is_async => {
                tests += usize::from(test_method(
                    cx,
                    method,
                    owner,
                    attr,
                    &mut plan,
                    true,
                    allowed_decorator,
                )?);
            }
            // A coroutine method runs only inside the tests' coroutines, on the running loop.
            _ if method.is_async => {
                test_method(cx, method, owner, attr, &mut plan, false, allowed_decorator)?;
            }
            _ => {
                let collected = collect(&method.body, owner, attr);
                if !collected.uses.is_empty() {
                    let kind = if name == "setUpClass" || name == "tearDownClass" {
                        "the loop is managed in `setUpClass`/`tearDownClass` (shared by every test of the class)".to_string()
                    } else {
                        format!("`{name}`, a method that is not a test, uses `{loop_name}` (inside the async test it would run in the running loop)")
                    };
                    return Err(kind);
                }
                if name == "setUpClass"
                    && collected.calls.iter().any(|(c, _)| loop_manager(cx, c).is_some())
                {
                    return Err("`setUpClass` manages an event loop".into());
                }
            }
        }
    }
    if !created {
        return Err(format!(
            "`{loop_name}` is not made in `setUp` by `asyncio.new_event_loop()` or `asyncio.get_event_loop()` (a loop from elsewhere may be shared)"
        ));
    }
    if tests == 0 {
        return Err("no test drives the loop".into());
    }
    // After each isolated test there is no current loop: sync code that asks for it fails.
    if !clears_current {
        let users: Vec<String> = cx
            .project()
            .sync_loop_users(cx.file_name())
            .map(|(path, line)| format!("{path}:{line}"))
            .chain(own_file_loop_users(cx, class))
            .collect();
        if let Some(first) = users.first() {
            return Err(format!(
                "{first} calls `asyncio.get_event_loop()` from sync code: after an isolated test there is no current loop, so it would raise"
            ));
        }
    }

    let spelled = importer::spell(cx, "unittest", "IsolatedAsyncioTestCase")?;
    plan.edits.push(Edit::replacement(spelled.name, base.range()));
    plan.edits.extend(spelled.edit);
    if let Some(name) = cx.imports().from_imported_name(base) {
        plan.dropped.push(name.to_string());
    }
    let mut fix = Fix::unsafe_(plan.edits).with_note(if plan.shared {
        format!("{NOTE}{NOTE_SHARED}")
    } else {
        NOTE.to_string()
    });
    for name in plan.dropped {
        fix = fix.dropping(name);
    }
    Ok(fix)
}

/// A class whose tests are rewritten has no metaclass or class keywords, and only decorators
/// `allowed` keeps (another one may `why`).
fn class_header(
    cx: &Checker,
    class: &ast::StmtClassDef,
    allowed: fn(&Checker, &ast::Decorator) -> bool,
    why: &str,
) -> Result<(), String> {
    if class.arguments.as_ref().is_some_and(|a| !a.keywords.is_empty()) {
        return Err("the class has a metaclass or class keywords".into());
    }
    if let Some(decorator) = class.decorator_list.iter().find(|d| !allowed(cx, d)) {
        return Err(format!(
            "the class decorator `@{}` may {why}",
            cx.slice(&decorator.expression)
        ));
    }
    Ok(())
}

fn subclass_in_file<'s>(suite: &'s [Stmt], class: &ast::StmtClassDef) -> Option<&'s str> {
    struct Find<'s, 'c> {
        name: &'c str,
        found: Option<&'s str>,
    }
    impl<'s> SourceOrderVisitor<'s> for Find<'s, '_> {
        fn visit_stmt(&mut self, stmt: &'s Stmt) {
            if let Stmt::ClassDef(c) = stmt
                && self.found.is_none()
                && c.bases().iter().any(|b| {
                    matches!(b, Expr::Name(n) if n.id.as_str() == self.name)
                        || matches!(b, Expr::Attribute(a) if a.attr.as_str() == self.name)
                })
            {
                self.found = Some(c.name.as_str());
            }
            source_order::walk_stmt(self, stmt);
        }
    }
    let mut find = Find {
        name: class.name.as_str(),
        found: None,
    };
    find.visit_body(suite);
    find.found
}

/// `get_event_loop()` calls of this file outside the class (sync code that would find no
/// current loop after an isolated test).
fn own_file_loop_users(cx: &Checker, class: &ast::StmtClassDef) -> Vec<String> {
    let source = cx.source();
    cx.tokens()
        .iter()
        .filter(|t| {
            t.kind() == TokenKind::Name
                && &source[t.range()] == "get_event_loop"
                && !class.range().contains_range(t.range())
        })
        .map(|t| {
            let line = source[..usize::from(t.start())].matches('\n').count() + 1;
            format!("line {line}")
        })
        .collect()
}

/// The edits for `setUp` / `tearDown`: whether it makes the loop (and the shared one), and
/// whether it clears the current loop (`set_event_loop(None)`).
fn set_up_or_tear_down(
    cx: &Checker,
    class: &ast::StmtClassDef,
    method: &ast::StmtFunctionDef,
    owner: &str,
    attr: &str,
    plan: &mut Plan,
) -> Result<(Option<bool>, bool), String> {
    let name = method.name.as_str();
    let mut create = None;
    let mut clears = false;
    let mut roles = Vec::new();
    for stmt in &method.body {
        let role = role(cx, stmt, owner, attr, name);
        if role == Role::Keep
            && let Stmt::Assign(assign) = stmt
            && matches!(&assign.targets[..], [t] if is_self_attr(t, owner, attr))
        {
            return Err(format!(
                "`{owner}.{attr}` is set to `{}` in `{name}`, not made by `asyncio.new_event_loop()` or `get_event_loop()` (a loop from elsewhere may be shared, or another loop implementation)",
                cx.slice(&*assign.value)
            ));
        }
        if role == Role::Keep {
            let collected = collect(std::slice::from_ref(stmt), owner, attr);
            if !collected.uses.is_empty() {
                return Err(format!(
                    "`{name}` uses `{owner}.{attr}` beyond making and closing it (`{}`)",
                    first_line(cx.slice(stmt))
                ));
            }
            if let Some(what) = collected.calls.iter().find_map(|(c, _)| loop_manager(cx, c)) {
                return Err(format!("`{name}` also calls `{what}`"));
            }
        }
        match role {
            Role::Create { shared } => {
                if name != "setUp" || create.is_some() {
                    return Err(format!("`{owner}.{attr}` is made more than once"));
                }
                create = Some(shared);
            }
            Role::Remove => {
                if let Stmt::Expr(e) = stmt
                    && let Expr::Call(call) = &*e.value
                    && call.arguments.args.first().is_some_and(Expr::is_none_literal_expr)
                {
                    clears = true;
                }
            }
            _ => {}
        }
        roles.push((stmt, role));
    }
    let removed: Vec<&Stmt> = roles
        .iter()
        .filter(|(_, r)| matches!(r, Role::Create { .. } | Role::Remove))
        .map(|(s, _)| *s)
        .collect();
    if removed.is_empty() {
        return Ok((create, clears));
    }
    // The names the removed statements used (`asyncio`, `new_event_loop`).
    for stmt in &removed {
        if let Stmt::Assign(a) = stmt
            && let Expr::Call(c) = &*a.value
        {
            plan.dropped.extend(root_name(cx, &c.func));
        }
        if let Stmt::Expr(e) = stmt
            && let Expr::Call(c) = &*e.value
        {
            plan.dropped.extend(root_name(cx, &c.func));
        }
    }
    let whole = roles
        .iter()
        .all(|(_, r)| *r != Role::Keep)
        .then(|| delete_method(cx, class, method).ok())
        .flatten();
    if let Some(edit) = whole {
        plan.edits.push(edit);
    } else {
        // Something stays (or a comment in the method would go with it): the statements go
        // one by one; a method left with nothing gets a `pass`.
        let emptied = roles.iter().all(|(_, r)| matches!(r, Role::Create { .. } | Role::Remove));
        for (i, stmt) in removed.into_iter().enumerate() {
            if emptied && i == 0 {
                plan.edits.push(Edit::replacement("pass", stmt.range()));
            } else {
                plan.edits.push(delete_statement(cx, stmt)?);
            }
        }
    }
    Ok((create, clears))
}

fn root_name(cx: &Checker, func: &Expr) -> Option<String> {
    match func {
        Expr::Attribute(a) => match &*a.value {
            Expr::Name(n) => Some(n.id.to_string()),
            _ => None,
        },
        other => cx.imports().from_imported_name(other).map(str::to_string),
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or(text)
}

/// A test method (or a pytest test function, with an empty `attr`: see [`is_self_attr`]): its
/// edits when it uses the loop (returns whether it does). `allowed` says which decorators a
/// test may keep.
fn test_method(
    cx: &Checker,
    method: &ast::StmtFunctionDef,
    owner: &str,
    attr: &str,
    plan: &mut Plan,
    is_test: bool,
    allowed: fn(&Checker, &ast::Decorator) -> bool,
) -> Result<bool, String> {
    let name = method.name.as_str();
    let loop_name = loop_name(owner, attr);
    let collected = collect(&method.body, owner, attr);
    if collected.uses.is_empty() {
        return Ok(false);
    }
    if is_test && body_yields(&method.body) {
        return Err(format!(
            "`{name}` yields: as an `async def` it would be an async generator"
        ));
    }
    if let Some(decorator) = method
        .decorator_list
        .iter()
        .find(|d| is_test && !allowed(cx, d))
    {
        return Err(format!(
            "`{name}` has the decorator `@{}`, which may call the test as a sync function",
            cx.slice(&decorator.expression)
        ));
    }
    let run_ranges: Vec<TextRange> = collected
        .uses
        .iter()
        .filter_map(|u| run_call(u).map(Ranged::range))
        .collect();
    // Calls that run a loop of their own fail inside the running loop of the async test.
    for (call, _) in &collected.calls {
        if let Some(what) = loop_manager(cx, call) {
            return Err(format!(
                "`{name}` calls `{what}`, which inside the async test's running loop fails or sees another loop"
            ));
        }
        if let Expr::Attribute(a) = &*call.func
            && matches!(a.attr.as_str(), "run_until_complete" | "run_forever")
            && !run_ranges.contains(&call.range())
            && !is_self_attr(&a.value, owner, attr)
        {
            return Err(format!(
                "`{name}` runs another event loop (`{}`), which fails inside the async test's running loop",
                cx.slice(&*call.func)
            ));
        }
        if let Some(def) = cx.imported_definition(&call.func)
            && def.runs_loop
        {
            return Err(format!(
                "`{name}` calls `{}` (from {}), which runs an event loop itself (it would fail inside the async test's running loop)",
                def.name, def.path
            ));
        }
        if let Some(helper) = runs_loop_locally(cx, call) {
            return Err(format!(
                "`{name}` calls `{helper}`, which runs an event loop itself (it would fail inside the async test's running loop)"
            ));
        }
    }
    // Spelled only when a use needs it (the file may bind `asyncio` otherwise somewhere).
    let mut running = None;
    let mut running_loop = || -> Result<String, String> {
        if running.is_none() {
            running = Some(importer::spell(cx, "asyncio", "get_running_loop")?);
        }
        Ok(format!("{}()", running.as_ref().expect("just spelled").name))
    };
    for usage in &collected.uses {
        if usage.nested && !usage.in_coroutine {
            return Err(format!(
                "`{name}` uses `{loop_name}` in a nested function, lambda or comprehension"
            ));
        }
        if let Some(call) = run_call(usage) {
            if usage.nested || !is_test {
                return Err(format!(
                    "`{name}` calls `{loop_name}.run_until_complete` inside a coroutine, where the loop is already running"
                ));
            }
            plan.edits.extend(await_edits(cx, call, usage)?);
            continue;
        }
        let parent = usage.parents.last().copied();
        match parent {
            Some(Expr::Attribute(method_attr)) if method_attr.value.range() == usage.expr.range() => {
                let called = matches!(usage.parents.iter().rev().nth(1),
                    Some(Expr::Call(c)) if c.func.range() == method_attr.range());
                let method_name = method_attr.attr.as_str();
                if !called || !LOOP_METHODS.contains(&method_name) {
                    let how = if called {
                        format!("`{loop_name}.{method_name}()`")
                    } else {
                        format!("`{loop_name}.{method_name}` without calling it")
                    };
                    return Err(format!(
                        "`{name}` uses {how}, which the running loop of an async test does not give the same way"
                    ));
                }
                plan.edits
                    .push(Edit::replacement(running_loop()?, usage.expr.range()));
            }
            Some(Expr::Call(call)) if call.func.range() != usage.expr.range() => {
                let keyword = call
                    .arguments
                    .keywords
                    .iter()
                    .find(|k| k.value.range() == usage.expr.range());
                let positional = call
                    .arguments
                    .args
                    .iter()
                    .any(|a| a.range() == usage.expr.range());
                if keyword.is_some_and(|k| k.arg.as_deref() == Some("loop"))
                    && dropped_loop_api(cx, &call.func)
                {
                    let index = call
                        .arguments
                        .iter_source_order()
                        .position(|a| a.range() == keyword.unwrap().range())
                        .expect("the keyword is an argument");
                    let edit = rewrite::remove_argument(&call.arguments, index)
                        .ok_or("cannot remove `loop=`")?;
                    if !cx.comments_in(edit.range()).is_empty() {
                        return Err(format!(
                            "a comment sits next to `loop={loop_name}` in `{name}`"
                        ));
                    }
                    plan.edits.push(edit);
                } else if keyword.is_some() || positional {
                    plan.edits
                        .push(Edit::replacement(running_loop()?, usage.expr.range()));
                } else {
                    return Err(format!("`{name}` uses `{loop_name}` otherwise"));
                }
            }
            _ => {
                return Err(format!(
                    "`{name}` stores, rebinds or compares `{loop_name}` (`{}`)",
                    first_line(cx.slice(usage.stmt))
                ));
            }
        }
    }
    if let Some(running) = running {
        plan.edits.extend(running.edit);
    }
    if !is_test {
        return Ok(false);
    }
    let def = cx
        .tokens()
        .iter()
        .find(|t| {
            t.kind() == TokenKind::Def && t.start() >= method.start() && t.end() <= method.end()
        })
        .ok_or("no `def` keyword")?;
    plan.edits.push(Edit::insertion("async ", def.start()));
    Ok(true)
}

/// The `self.X.run_until_complete(...)` call this use is the receiver of.
fn run_call<'a>(usage: &Use<'a>) -> Option<&'a ast::ExprCall> {
    let [.., Expr::Call(call), Expr::Attribute(run)] = usage.parents.as_slice() else {
        return None;
    };
    (run.attr.as_str() == "run_until_complete"
        && run.value.range() == usage.expr.range()
        && call.func.range() == run.range())
    .then_some(call)
}

fn dropped_loop_api(cx: &Checker, func: &Expr) -> bool {
    cx.imports().resolve(func).is_some_and(|q| match q.as_slice() {
        [module, name] => module == "asyncio" && DROPPED_LOOP_APIS.contains(&name.as_str()),
        [module, _, name] => module == "asyncio" && DROPPED_LOOP_APIS.contains(&name.as_str()),
        _ => false,
    })
}

/// A function of this module the call names whose body runs an event loop.
fn runs_loop_locally(cx: &Checker, call: &ast::ExprCall) -> Option<String> {
    let Expr::Name(name) = &*call.func else {
        return None;
    };
    if cx.imports().binding(&name.id).is_some() {
        return None;
    }
    let text = cx.suite().iter().find_map(|s| match s {
        Stmt::FunctionDef(f) if f.name.as_str() == name.id.as_str() && !f.is_async => {
            Some(cx.slice(f))
        }
        Stmt::ClassDef(c) if c.name.as_str() == name.id.as_str() => Some(cx.slice(c)),
        _ => None,
    })?;
    ["run_until_complete", "run_forever", "asyncio.run(", "new_event_loop"]
        .iter()
        .any(|needle| text.contains(needle))
        .then(|| name.id.to_string())
}

/// `self.loop.run_until_complete(x)` → `await x`.
fn await_edits(cx: &Checker, call: &ast::ExprCall, usage: &Use) -> Result<Vec<Edit>, String> {
    let [argument] = &*call.arguments.args else {
        return Err("`run_until_complete` is not called with one awaitable".into());
    };
    if !call.arguments.keywords.is_empty() || argument.is_starred_expr() {
        return Err("`run_until_complete` is not called with one awaitable".into());
    }
    // The expression around the call: `(await x).attr`, `(await x)[0]`, `(await x)()`.
    let outer = match usage.parents.iter().rev().nth(2) {
        Some(
            Expr::Attribute(ast::ExprAttribute { value, .. })
            | Expr::Subscript(ast::ExprSubscript { value, .. })
            | Expr::Call(ast::ExprCall { func: value, .. }),
        ) => value.range() == call.range(),
        _ => false,
    };
    let (open, close) = if outer { ("(", ")") } else { ("", "") };
    let source = cx.source();
    let head = TextRange::new(call.start(), argument.start());
    let tail = TextRange::new(argument.end(), call.end());
    let clean = source[head] == format!("{}(", cx.slice(&*call.func))
        && &source[tail] == ")"
        && cx.comments_in(call.range()).is_empty();
    if clean {
        let inner = rewrite::needs_parens_after_await(argument);
        Ok(vec![
            Edit::replacement(
                format!("{open}await {}", if inner { "(" } else { "" }),
                head,
            ),
            Edit::replacement(format!("{}{close}", if inner { ")" } else { "" }), tail),
        ])
    } else {
        // Spread over lines, with a comment or extra brackets: keep the brackets as they are.
        let mut edits = vec![Edit::replacement(
            format!("{open}await "),
            call.func.range(),
        )];
        if outer {
            edits.push(Edit::insertion(")", call.end()));
        }
        Ok(edits)
    }
}

/// Remove a simple statement with its line (with a trailing comment, up to the comment).
fn delete_statement(cx: &Checker, stmt: &Stmt) -> Result<Edit, String> {
    let source = cx.source();
    let after = source[TextRange::new(stmt.end(), source.line_end(stmt.end()))]
        .trim_start_matches([' ', '\t']);
    if has_leading_content(stmt.start(), source) || !(after.is_empty() || after.starts_with('#'))
    {
        return Err("a statement to remove shares its line with other code".into());
    }
    if after.starts_with('#') {
        let comment = source.line_end(stmt.end()) - TextSize::of(after);
        return Ok(Edit::deletion(TextRange::new(stmt.start(), comment)));
    }
    Ok(Edit::deletion(source.full_lines_range(stmt.range())))
}

/// Remove a method with its lines and the blank lines that separated it from the next
/// statement of the class (from the previous one when it is the last).
fn delete_method(
    cx: &Checker,
    class: &ast::StmtClassDef,
    method: &ast::StmtFunctionDef,
) -> Result<Edit, String> {
    let source = cx.source();
    let index = class
        .body
        .iter()
        .position(|s| s.range() == method.range())
        .ok_or("method not found")?;
    if class.body.len() == 1 {
        return Err("the method is all the class holds".into());
    }
    if has_leading_content(method.start(), source) {
        return Err("the method shares its line with other code".into());
    }
    let lines = source.full_lines_range(method.range());
    if !cx.comments_in(lines).is_empty() {
        return Err(format!(
            "a comment in `{}` would be lost with it",
            method.name
        ));
    }
    let blank_after = |mut at: TextSize| {
        while usize::from(at) < source.len() {
            let line = source.full_line_range(at);
            if !source[line].trim().is_empty() {
                break;
            }
            at = line.end();
        }
        at
    };
    let range = match class.body.get(index + 1) {
        Some(_) => TextRange::new(lines.start(), blank_after(lines.end())),
        None => {
            // The last member: take the blank lines before it instead.
            let previous = &class.body[index - 1];
            let start = source.full_line_end(previous.end()).min(lines.start());
            if cx.comments_in(TextRange::new(start, lines.start())).is_empty() {
                TextRange::new(start, lines.end())
            } else {
                lines
            }
        }
    };
    Ok(Edit::deletion(range))
}
