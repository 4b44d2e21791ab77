//! `asyncio-run-in-test`: a sync test that calls `asyncio.run(x)` → an `async def` test that
//! awaits `x` (pytest-asyncio, or `unittest.IsolatedAsyncioTestCase`).

use ruff_python_ast::token::{TokenKind, parenthesized_range};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::analysis::body_yields;
use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::{importer, rewrite};

crate::declare_transform! {
    /// ## What it does
    /// In test files (`test_*.py`, `*_test.py`), finds a `def test*` (module-level, or a method
    /// of a module-level class) whose body calls `asyncio.run(x)` directly, and makes it an
    /// `async def` test that does `await x`: with `@pytest.mark.asyncio` (and `import pytest`)
    /// for pytest tests, and for a method of a `unittest.TestCase` class, by making the class a
    /// `unittest.IsolatedAsyncioTestCase` (a plain `async def` in a `TestCase` is never awaited:
    /// it would pass without running).
    ///
    /// ## Why is this bad?
    /// Each `asyncio.run` creates and destroys an event loop inside the test, so async fixtures,
    /// loop-bound resources and the test framework's loop handling cannot be shared, and the
    /// test cannot be combined with other async code. pytest-asyncio and
    /// `IsolatedAsyncioTestCase` run async tests properly.
    ///
    /// ## Example
    /// ```python
    /// def test_fetch():
    ///     assert asyncio.run(fetch()) == 42
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// @pytest.mark.asyncio
    /// async def test_fetch():
    ///     assert await fetch() == 42
    /// ```
    ///
    /// ## Shapes
    /// Every direct `asyncio.run(x)` of the test becomes `await x` (parenthesised where needed:
    /// `asyncio.run(x).attr` → `(await x).attr`); the argument's continuation lines move left
    /// with it (a hanging indent becomes relative to the statement, an aligned one moves by
    /// what went), and where a comment sits inside `asyncio.run(...)` outside the argument, the
    /// brackets stay (`await (  # note` ...). The mark goes above the other decorators. Which
    /// mark comes from the files of the run (the project view): `@pytest.mark.asyncio` where
    /// the suite uses pytest-asyncio or shows no plugin, `@pytest.mark.anyio` where it runs on
    /// anyio's plugin (`pytest.mark.anyio`, an `anyio_backend` fixture) and not pytest-asyncio.
    /// asyncup does not read pytest's configuration files; the asyncio mark is harmless under
    /// `asyncio_mode = auto`. A class without bases is a pytest class and gets the mark; a
    /// class that already is an `IsolatedAsyncioTestCase` only gets the `async def`.
    ///
    /// ## Fix safety
    /// Unsafe: the awaited coroutines now share one event loop (pytest-asyncio's, or the test
    /// case's) instead of a fresh loop per `asyncio.run`, so tasks left running by one are not
    /// cancelled before the next, and context variables persist between them. The pytest form
    /// needs the pytest-asyncio plugin. An `IsolatedAsyncioTestCase` runs every test of the
    /// class with its own loop, which is set as the current loop during the test.
    ///
    /// ## When no fix is made
    /// - The test calls a function or method of this module, or a function of another file of
    ///   the run, that itself runs an event loop (it would raise "asyncio.run() cannot be
    ///   called from a running event loop"), or calls something named `run`, `run_sync`,
    ///   `serve_forever` or `start_server` other than `subprocess.run` (`App().run()`,
    ///   `uvicorn.run(...)`, `trio.run(...)`: a synchronous API that may run its own loop).
    /// - The suite runs on pytest-trio (`pytest.mark.trio`, `pytest_trio`), or on anyio's plugin
    ///   with an `anyio_backend` fixture that names trio (the test would also run under trio).
    /// - The test also calls `asyncio.run` in a nested function or lambda, or in a generator
    ///   expression (`await` there would make it an async generator), or runs a loop by hand
    ///   (`run_until_complete`, `run_forever`, `new_event_loop()`, `get_event_loop()`).
    /// - `asyncio.run` with other arguments (`debug=`), a test that `yield`s, and a class with
    ///   bases other than `unittest.TestCase` / `IsolatedAsyncioTestCase` (it may be a
    ///   `TestCase` subclass).
    pub struct AsyncioRunInTest {
        id: "asyncio-run-in-test",
        summary: "`asyncio.run(x)` in a test -> `async def` test with `await x`",
        min_version: None,
        safety: FixSafety::Unsafe,
    }
}

const MESSAGE: &str = "`asyncio.run()` in a test: make it an async test that awaits the coroutine";
const NOTE_PYTEST: &str = "the coroutines now run in pytest-asyncio's event loop (one loop for the test, not a fresh one per `asyncio.run`: tasks left running are not cancelled in between); needs pytest-asyncio; `@pytest.mark.asyncio` is added even under `asyncio_mode = auto`, where it is harmless";
const NOTE_ANYIO: &str = "the coroutines now run in the event loop of anyio's pytest plugin (asyncio backend; one loop for the test, not a fresh one per `asyncio.run`: tasks left running are not cancelled in between); `@pytest.mark.anyio` is used because the suite runs on anyio's plugin, not pytest-asyncio";
const NOTE_UNITTEST: &str = "the class becomes `unittest.IsolatedAsyncioTestCase`: the coroutines now run in the test case's event loop (one loop per test, not a fresh one per `asyncio.run`: tasks left running are not cancelled in between)";

#[derive(Default)]
struct FileState {
    tests: Vec<TestUse>,
}

struct TestUse {
    func: TextRange,
    direct: Vec<(TextRange, Vec<Edit>)>,
    /// Import bindings the rewritten calls no longer use (`asyncio`, `run`).
    dropped: Vec<String>,
    refusal: Option<String>,
}

impl Transform for AsyncioRunInTest {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !is_test_file(cx.file_name()) {
            return;
        }
        let Some((test, class)) = test_function(cx) else {
            return;
        };
        let mut direct = None;
        let mut dropped = None;
        let mut refusal = None;
        if cx.imports().matches(&call.func, &["asyncio", "run"]) {
            let is_direct = cx.current_function().is_some_and(|f| std::ptr::eq(f, test));
            if !is_direct {
                refusal = Some(
                    "the test also calls `asyncio.run` in a nested function or lambda".to_string(),
                );
            } else {
                match await_edits(cx, call) {
                    Ok(edits) => {
                        direct = Some((call.range(), edits));
                        dropped = match &*call.func {
                            Expr::Attribute(attr) => match &*attr.value {
                                Expr::Name(root) => Some(root.id.to_string()),
                                _ => None,
                            },
                            func => cx.imports().from_imported_name(func).map(str::to_string),
                        };
                    }
                    Err(reason) => {
                        direct = Some((call.range(), Vec::new()));
                        refusal = Some(reason);
                    }
                }
            }
        } else if let Some(reason) = other_loop_use(cx, call, test, class) {
            refusal = Some(reason);
        } else {
            return;
        }
        let state = cx.state::<FileState>();
        let index = match state.tests.iter().position(|t| t.func == test.range()) {
            Some(index) => index,
            None => {
                state.tests.push(TestUse {
                    func: test.range(),
                    direct: Vec::new(),
                    dropped: Vec::new(),
                    refusal: None,
                });
                state.tests.len() - 1
            }
        };
        let entry = &mut state.tests[index];
        entry.direct.extend(direct);
        entry.dropped.extend(dropped);
        if entry.refusal.is_none() {
            entry.refusal = refusal;
        }
    }

    fn on_end(&self, cx: &mut Checker<'_>) {
        let state = std::mem::take(cx.state::<FileState>());
        for test in state.tests {
            let Some(&(first, _)) = test.direct.first() else {
                continue;
            };
            let finding = match plan(cx, &test) {
                Ok(fix) => Finding::new(Self::INFO.id, first, MESSAGE).with_fix(fix),
                Err(reason) => {
                    Finding::new(Self::INFO.id, first, format!("{MESSAGE}; no fix: {reason}"))
                }
            };
            cx.report(finding);
        }
    }
}

pub(crate) fn is_test_file(file_name: &str) -> bool {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    (base.starts_with("test_") && base.ends_with(".py")) || base.ends_with("_test.py")
}

fn is_test_def(stmt: &Stmt) -> Option<&ast::StmtFunctionDef> {
    match stmt {
        Stmt::FunctionDef(func) if !func.is_async && func.name.starts_with("test") => Some(func),
        _ => None,
    }
}

/// The sync test function (module-level, or a method of a module-level class) around the
/// expression being visited, with its class.
fn test_function<'a>(
    cx: &Checker<'a>,
) -> Option<(&'a ast::StmtFunctionDef, Option<&'a ast::StmtClassDef>)> {
    match cx.statements() {
        [Stmt::ClassDef(class), method, ..] => Some((is_test_def(method)?, Some(class))),
        [outer, ..] => Some((is_test_def(outer)?, None)),
        [] => None,
    }
}

/// `asyncio.run(x)` → `await x`.
fn await_edits(cx: &Checker, call: &ast::ExprCall) -> Result<Vec<Edit>, String> {
    let [argument] = &*call.arguments.args else {
        return Err("`asyncio.run` is not called with one coroutine".into());
    };
    if !call.arguments.keywords.is_empty() || argument.is_starred_expr() {
        return Err("`asyncio.run` has other arguments (`debug=`, `loop_factory=`)".into());
    }
    if cx
        .expression_parents()
        .iter()
        .any(|p| matches!(p, Expr::Generator(_)))
    {
        return Err("`asyncio.run` is inside a generator expression (`await` would make it an async generator)".into());
    }
    let outer = matches!(cx.expression_parents().last(), Some(
        Expr::Attribute(ast::ExprAttribute { value, .. })
        | Expr::Subscript(ast::ExprSubscript { value, .. })
        | Expr::Call(ast::ExprCall { func: value, .. })
    ) if value.range() == call.range());
    let argument_range =
        parenthesized_range(argument.into(), (&call.arguments).into(), cx.tokens())
            .unwrap_or(argument.range());
    let inner = argument_range == argument.range() && rewrite::needs_parens_after_await(argument);
    let open = format!(
        "{}await {}",
        if outer { "(" } else { "" },
        if inner { "(" } else { "" }
    );
    let close = format!(
        "{}{}",
        if inner { ")" } else { "" },
        if outer { ")" } else { "" }
    );
    // The argument moves left: its continuation lines follow, as a person would indent them.
    let source = cx.source();
    let line_start = |offset: TextSize| {
        TextSize::try_from(source[..usize::from(offset)].rfind(['\n', '\r']).map_or(0, |i| i + 1))
            .expect("file under 4 GiB")
    };
    let indent_of = |start: TextSize| {
        source[usize::from(start)..]
            .bytes()
            .take_while(|&b| b == b' ')
            .count()
    };
    let call_line = line_start(call.start());
    let argument_line = line_start(argument_range.start());
    let removed = [
        TextRange::new(call.start(), argument_range.start()),
        TextRange::new(argument_range.end(), call.end()),
    ];
    if removed.iter().any(|r| !cx.comments_in(*r).is_empty()) {
        // A comment inside `asyncio.run(...)` but outside its argument: keep the brackets
        // (and so every comment and line) as they are: `await (  # note\n    f()\n)`.
        let func = TextRange::new(call.start(), call.arguments.start());
        let open = if outer { "(await " } else { "await " };
        let mut edits = vec![Edit::replacement(open, func)];
        if outer {
            edits.push(Edit::insertion(")", call.end()));
        }
        return Ok(edits);
    }
    let first_continuation = rewrite::reindentable_line_starts(cx, argument_range)
        .first()
        .map(|&start| indent_of(start));
    let delta = if call_line == argument_line {
        // Aligned with the argument's brackets, past where it starts: they move by what goes.
        // Indented from the line instead (a hanging indent): they stay.
        let column = usize::from(argument_range.start() - call_line);
        if first_continuation.is_some_and(|indent| indent > column) {
            usize::from(argument_range.start() - call.start()).saturating_sub(open.len())
        } else {
            0
        }
    } else {
        // A hanging indent: relative to the statement's line now.
        indent_of(argument_line).saturating_sub(indent_of(call_line))
    };
    let mut edits = vec![
        Edit::replacement(open, TextRange::new(call.start(), argument_range.start())),
        Edit::replacement(close, TextRange::new(argument_range.end(), call.end())),
    ];
    edits.extend(rewrite::dedent_continuation(cx, argument_range, delta));
    Ok(edits)
}

/// A call in the test that runs an event loop itself, or a helper of this module that does.
fn other_loop_use(
    cx: &Checker,
    call: &ast::ExprCall,
    test: &ast::StmtFunctionDef,
    class: Option<&ast::StmtClassDef>,
) -> Option<String> {
    // Only a test that calls `asyncio.run` is rewritten: the other checks are for nothing
    // elsewhere (and the project lookup below may parse another module).
    if !cx
        .facts()
        .asyncio_run_calls
        .iter()
        .any(|r| test.range().contains_range(*r))
    {
        return None;
    }
    if let Expr::Attribute(attr) = &*call.func
        && matches!(attr.attr.as_str(), "run_until_complete" | "run_forever")
    {
        return Some(format!(
            "the test runs an event loop itself (`{}`)",
            attr.attr
        ));
    }
    if let Some(name) = ["new_event_loop", "get_event_loop", "Runner"]
        .into_iter()
        .find(|name| cx.imports().matches(&call.func, &["asyncio", name]))
    {
        return Some(format!("the test manages an event loop itself (`{name}`)"));
    }
    if let Some(def) = cx.imported_definition(&call.func)
        && def.runs_loop
    {
        return Some(format!(
            "the test calls `{}` (from {}), which runs an event loop itself (it would fail inside the test's running loop)",
            def.name, def.path
        ));
    }
    // A synchronous API that may run its own loop (`App().run()`, `uvicorn.run(app)`,
    // `trio.run(f)`): inside the async test it fails with "cannot be called from a running
    // event loop". `subprocess.run` runs no loop.
    let run_name = match &*call.func {
        Expr::Attribute(attr) => matches!(attr.attr.as_str(), "run" | "run_sync" | "serve_forever" | "start_server")
            .then(|| cx.slice(&*call.func)),
        Expr::Name(name) => (name.id.as_str() == "run").then(|| cx.slice(&*call.func)),
        _ => None,
    };
    if let Some(run_name) = run_name
        && !cx.imports().matches(&call.func, &["subprocess", "run"])
        && !cx.imports().matches(&call.func, &["asyncio", "run"])
    {
        return Some(format!(
            "the test also calls `{run_name}(...)`, which may run its own event loop (inside an async test that fails with \"cannot be called from a running event loop\")"
        ));
    }
    let facts = cx.facts();
    let helper = match &*call.func {
        Expr::Name(name)
            if !cx.imports().shadowed_locally(&name.id)
                && cx.imports().binding(&name.id).is_none() =>
        {
            Some(name.id.to_string())
        }
        Expr::Attribute(attr) => match (&*attr.value, class) {
            (Expr::Name(owner), Some(class)) if matches!(owner.id.as_str(), "self" | "cls") => {
                Some(format!("{}.{}", class.name, attr.attr))
            }
            _ => None,
        },
        _ => None,
    }?;
    facts.calls_asyncio_run.contains(&helper).then(|| {
        format!("the test calls `{helper}`, which calls `asyncio.run` itself (it would fail inside the test's running loop)")
    })
}

fn find_test(
    suite: &[Stmt],
    range: TextRange,
) -> Option<(&ast::StmtFunctionDef, Option<&ast::StmtClassDef>)> {
    suite.iter().find_map(|stmt| match stmt {
        Stmt::FunctionDef(func) if func.range() == range => Some((func, None)),
        Stmt::ClassDef(class) if class.range().contains_range(range) => {
            class.body.iter().find_map(|s| match s {
                Stmt::FunctionDef(func) if func.range() == range => Some((func, Some(class))),
                _ => None,
            })
        }
        _ => None,
    })
}

fn plan(cx: &Checker, test: &TestUse) -> Result<Fix, String> {
    if let Some(reason) = &test.refusal {
        return Err(reason.clone());
    }
    let (func, class) =
        find_test(cx.suite(), test.func).ok_or("the test function was not found")?;
    if body_yields(&func.body) {
        return Err("the test yields: as an `async def` it would be an async generator".into());
    }
    let mut edits: Vec<Edit> = test
        .direct
        .iter()
        .flat_map(|(_, e)| e.iter().cloned())
        .collect();
    let def = cx
        .tokens()
        .iter()
        .find(|t| t.kind() == TokenKind::Def && t.start() >= func.start() && t.end() <= func.end())
        .ok_or("no `def` keyword")?;
    edits.push(Edit::insertion("async ", def.start()));
    let mut dropped = None;
    let mut pytest = true;
    if let Some(class) = class {
        let bases: Vec<&Expr> = class
            .arguments
            .as_ref()
            .map(|a| a.args.iter().collect())
            .unwrap_or_default();
        let imports = cx.imports();
        if let Some(base) = bases
            .iter()
            .find(|b| imports.matches(b, &["unittest", "TestCase"]))
        {
            let spelled = importer::spell(cx, "unittest", "IsolatedAsyncioTestCase")?;
            edits.push(Edit::replacement(spelled.name, base.range()));
            edits.extend(spelled.edit);
            dropped = imports.from_imported_name(base).map(str::to_string);
            pytest = false;
        } else if bases
            .iter()
            .any(|b| imports.matches(b, &["unittest", "IsolatedAsyncioTestCase"]))
        {
            pytest = false;
        } else if let Some(base) = bases
            .iter()
            .find(|b| !matches!(b, Expr::Name(n) if n.id.as_str() == "object"))
        {
            return Err(format!(
                "the class derives from `{}`, which may be a `unittest.TestCase` (where an `async def` test is never awaited)",
                cx.slice(*base)
            ));
        }
    }
    let plugin = if pytest { Some(pytest_plugin(cx)?) } else { None };
    if let Some(plugin) = plugin {
        let already = func.decorator_list.iter().any(|d| {
            let text = cx.slice(&d.expression);
            text.ends_with("mark.asyncio") || text.ends_with("mark.anyio")
        });
        if !already {
            let (mark, import) = pytest_mark(cx, func)?;
            let indent = rewrite::indentation(cx, func);
            // Before the `async ` inserted at the same offset when there are no decorators.
            edits.insert(
                0,
                Edit::insertion(
                    format!("@{mark}.{plugin}{}{indent}", cx.line_ending()),
                    func.start(),
                ),
            );
            edits.extend(import);
        }
    }
    let mut fix = Fix::unsafe_(edits).with_note(match plugin {
        Some("anyio") => NOTE_ANYIO,
        Some(_) => NOTE_PYTEST,
        None => NOTE_UNITTEST,
    });
    for name in dropped.into_iter().chain(test.dropped.iter().cloned()) {
        fix = fix.dropping(name);
    }
    Ok(fix)
}

/// The pytest plugin that runs the suite's async tests, from what the files of the run show
/// (the project view): pytest-asyncio where anything uses it (or nothing shows any plugin),
/// anyio's plugin where the suite uses it and not pytest-asyncio; refused under pytest-trio,
/// or when an `anyio_backend` fixture runs the tests under trio too (the asyncio code that
/// `asyncio.run` ran would fail there).
pub(crate) fn pytest_plugin(cx: &Checker) -> Result<&'static str, String> {
    let plugins = cx.project().plugins(cx.file_name());
    if plugins.asyncio {
        return Ok("asyncio");
    }
    if plugins.anyio {
        if plugins.anyio_trio {
            return Err("the suite runs async tests on anyio's plugin with an `anyio_backend` fixture that names trio: the test would also run under trio, where asyncio code fails".into());
        }
        return Ok("anyio");
    }
    if plugins.trio {
        return Err("the suite runs async tests on pytest-trio, which cannot run asyncio code (and an `asyncio` mark is unknown there)".into());
    }
    Ok("asyncio")
}

/// How to spell `pytest.mark` at the test's decorator, which runs when the module is imported:
/// through a top-level `import pytest [as p]` or `from pytest import mark [as m]` before the
/// test (an import inside `if __name__ == "__main__":` does not count), else by adding
/// `import pytest`.
pub(crate) fn pytest_mark(
    cx: &Checker,
    func: &ast::StmtFunctionDef,
) -> Result<(String, Option<Edit>), String> {
    for stmt in cx.suite().iter().take_while(|s| s.start() < func.start()) {
        match stmt {
            Stmt::Import(import) => {
                if let Some(alias) = import.names.iter().find(|a| a.name.as_str() == "pytest") {
                    let bound = alias.asname.as_ref().map_or("pytest", |a| a.as_str());
                    return Ok((format!("{bound}.mark"), None));
                }
            }
            Stmt::ImportFrom(import)
                if import.level == 0
                    && import
                        .module
                        .as_ref()
                        .is_some_and(|m| m.as_str() == "pytest") =>
            {
                if let Some(alias) = import.names.iter().find(|a| a.name.as_str() == "mark") {
                    return Ok((
                        alias.asname.as_ref().unwrap_or(&alias.name).to_string(),
                        None,
                    ));
                }
            }
            _ => {}
        }
    }
    let other_binding = match cx.imports().module_scope().imports.get("pytest") {
        Some(binding) => binding.qualified != ["pytest"],
        None => cx.facts().module_bindings.contains("pytest"),
    };
    if other_binding {
        return Err("the name `pytest` is bound to something else in this file".into());
    }
    Ok((
        "pytest.mark".to_string(),
        Some(importer::add_import(cx, "import pytest")),
    ))
}
