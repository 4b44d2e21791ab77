//! The pytest spelling of a loop-driven test: `def test_x(event_loop)` that calls
//! `event_loop.run_until_complete(x)` → `@pytest.mark.asyncio async def test_x()` that awaits
//! `x` (the project's plugin mark, as `asyncio-run-in-test` picks it).

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::super::asyncio_run_in_test::{is_test_file, pytest_mark, pytest_plugin};
use super::{LoopTestCase, Plan, class_header, decorator_allowed, test_method};
use crate::analysis::{is_fixture_decorator, plain_loop_fixture};
use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::rewrite;

/// The names of the loop fixture: pytest-asyncio's (before 1.0), and the project-defined
/// `loop` of the aiohttp era.
const LOOP_FIXTURES: &[&str] = &["event_loop", "loop"];

/// pytest's own fixtures (and pytest-mock's `mocker`): none of them uses an event loop.
const LOOP_FREE_FIXTURES: &[&str] = &[
    "request",
    "tmp_path",
    "tmp_path_factory",
    "tmpdir",
    "tmpdir_factory",
    "monkeypatch",
    "capsys",
    "capsysbinary",
    "capfd",
    "capfdbinary",
    "caplog",
    "recwarn",
    "pytestconfig",
    "record_property",
    "record_testsuite_property",
    "record_xml_attribute",
    "doctest_namespace",
    "cache",
    "mocker",
    "unused_tcp_port",
];

const NOTE_PYTEST: &str = "the test becomes `async def` with `@pytest.mark.asyncio` and no longer takes the loop fixture: it runs inside pytest-asyncio's running loop (with pytest-asyncio 1.x the plugin's own loop, not the fixture's; code it calls that runs a loop itself now raises); the awaited coroutines run in the test's task, not in a task each, so context variables they set stay set and other tasks may interleave in another order; tasks still pending at the end of the test are cancelled (pytest-asyncio 1.x; before, they were left unfinished when the fixture closed the loop); needs pytest-asyncio; the mark is added even under `asyncio_mode = auto`, where it is harmless";
const NOTE_ANYIO: &str = "the test becomes `async def` with `@pytest.mark.anyio` (the suite runs on anyio's plugin, not pytest-asyncio) and no longer takes the loop fixture: it runs inside the plugin's running loop (asyncio backend; code it calls that runs a loop itself now raises); the awaited coroutines run in the test's task, not in a task each, so context variables they set stay set and other tasks may interleave in another order; tasks still pending at the end of the test are cancelled";

fn message(fixture: &str) -> String {
    format!(
        "pytest test drives the `{fixture}` fixture with `run_until_complete`: make it an async test (`@pytest.mark.asyncio`) that awaits"
    )
}

/// A module-level function, or a method of a module-level class: a test (or fixture) that
/// takes a loop fixture and calls its `run_until_complete`.
pub(super) fn check<'a>(cx: &mut Checker<'a>, func: &'a ast::StmtFunctionDef) {
    let file = cx.file_name();
    let conftest = file.rsplit(['/', '\\']).next() == Some("conftest.py");
    if !is_test_file(file) && !conftest {
        return;
    }
    let class: Option<&'a ast::StmtClassDef> = match *cx.statements() {
        [Stmt::FunctionDef(_)] => None,
        // pytest collects methods of `Test*` classes only: other classes' are helpers.
        [Stmt::ClassDef(class), Stmt::FunctionDef(_)] if class.name.starts_with("Test") => {
            Some(class)
        }
        _ => return,
    };
    let method = class.is_some() && !is_static(func);
    let Some(parameter) = loop_parameter(func, method) else {
        return;
    };
    let fixture = parameter.name().as_str();
    let is_fixture = func
        .decorator_list
        .iter()
        .any(|d| is_fixture_decorator(cx.imports(), &d.expression));
    let finding = if is_fixture {
        Finding::new(
            LoopTestCase::INFO.id,
            func.name.range(),
            format!(
                "fixture `{}` drives the `{fixture}` fixture with `run_until_complete`; no fix: fixtures are not rewritten (an async fixture's loop and scope depend on the pytest-asyncio version)",
                func.name
            ),
        )
    } else if !func.name.starts_with("test") || conftest {
        return;
    } else {
        match plan(cx, func, class, parameter) {
            Ok(fix) => Finding::new(LoopTestCase::INFO.id, func.name.range(), message(fixture))
                .with_fix(fix),
            Err(reason) => Finding::new(
                LoopTestCase::INFO.id,
                func.name.range(),
                format!("{}; no fix: {reason}", message(fixture)),
            ),
        }
    };
    cx.report(finding);
}

fn is_static(func: &ast::StmtFunctionDef) -> bool {
    func.decorator_list
        .iter()
        .any(|d| matches!(&d.expression, Expr::Name(n) if n.id.as_str() == "staticmethod"))
}

/// The parameter named like a loop fixture whose `run_until_complete` the body calls.
fn loop_parameter(
    func: &ast::StmtFunctionDef,
    method: bool,
) -> Option<&ast::ParameterWithDefault> {
    func.parameters
        .posonlyargs
        .iter()
        .chain(&func.parameters.args)
        .chain(&func.parameters.kwonlyargs)
        .skip(usize::from(method))
        .find(|p| {
            LOOP_FIXTURES.contains(&p.name().as_str()) && drives(&func.body, p.name().as_str())
        })
}

/// Does the body call `name.run_until_complete` anywhere (nested functions included)?
fn drives(body: &[Stmt], name: &str) -> bool {
    struct Find<'n>(&'n str, bool);
    impl<'a> SourceOrderVisitor<'a> for Find<'_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Attribute(run) = expr
                && run.attr.as_str() == "run_until_complete"
                && matches!(&*run.value, Expr::Name(n) if n.id.as_str() == self.0)
            {
                self.1 = true;
            }
            if !self.1 {
                source_order::walk_expr(self, expr);
            }
        }
    }
    let mut find = Find(name, false);
    find.visit_body(body);
    find.1
}

/// Decorators a pytest test keeps: marks (not another plugin's async marks, nor
/// `usefixtures`, which may bring the loop in) and `mock.patch*`.
fn allowed_decorator(cx: &Checker, decorator: &ast::Decorator) -> bool {
    decorator_allowed(cx, decorator, |parts| {
        matches!(parts, ["pytest", "mark", name]
            if !matches!(*name, "asyncio" | "anyio" | "trio" | "usefixtures"))
    })
}

/// The fixtures this file defines (module level, then the test's class, which overrides),
/// by the name pytest knows them by.
fn file_fixtures<'a>(
    cx: &Checker<'a>,
    class: Option<&'a ast::StmtClassDef>,
) -> Vec<(String, &'a ast::StmtFunctionDef)> {
    let mut fixtures = Vec::new();
    let bodies = std::iter::once(cx.suite()).chain(class.map(|c| &c.body[..]));
    for body in bodies {
        for stmt in body {
            let Stmt::FunctionDef(f) = stmt else { continue };
            // A decorator spelled otherwise (`fixture = pytest.fixture`) counts too: a loop
            // fixture so decorated is then not plain.
            let Some(decorator) = f.decorator_list.iter().find(|d| {
                is_fixture_decorator(cx.imports(), &d.expression)
                    || cx.slice(&d.expression).contains("fixture")
            }) else {
                continue;
            };
            let renamed = match &decorator.expression {
                Expr::Call(call) => call.arguments.find_keyword("name").map(|k| match &k.value {
                    Expr::StringLiteral(s) => s.value.to_str().to_string(),
                    other => cx.slice(other).to_string(),
                }),
                _ => None,
            };
            fixtures.push((renamed.unwrap_or_else(|| f.name.to_string()), f));
        }
    }
    fixtures
}

/// The argument names of the test's `parametrize` marks, or `None` when one is not a literal.
fn parametrized(cx: &Checker, func: &ast::StmtFunctionDef) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for decorator in &func.decorator_list {
        let Expr::Call(call) = &decorator.expression else {
            continue;
        };
        if !cx
            .imports()
            .matches(&call.func, &["pytest", "mark", "parametrize"])
        {
            continue;
        }
        // `indirect=`: the names are fixtures, checked as such.
        if call.arguments.find_keyword("indirect").is_some() {
            continue;
        }
        let argnames = call
            .arguments
            .find_argument_value("argnames", 0)?;
        match argnames {
            Expr::StringLiteral(s) => names.extend(
                s.value
                    .to_str()
                    .split(',')
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty()),
            ),
            Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. }) => {
                for elt in elts {
                    let Expr::StringLiteral(s) = elt else {
                        return None;
                    };
                    names.push(s.value.to_str().to_string());
                }
            }
            _ => return None,
        }
    }
    Some(names)
}

/// Why the fixture `name` (one the test takes) may use the loop: it takes the loop fixture,
/// runs or makes a loop itself, or is not defined in this file (transitively).
fn fixture_uses_loop(
    name: &str,
    fixture: &str,
    fixtures: &[(String, &ast::StmtFunctionDef)],
    cx: &Checker,
    seen: &mut Vec<String>,
) -> Option<String> {
    if seen.iter().any(|s| s == name) || LOOP_FREE_FIXTURES.contains(&name) {
        return None;
    }
    seen.push(name.to_string());
    let Some((_, def)) = fixtures.iter().rev().find(|(n, _)| n == name) else {
        return Some(format!(
            "the test takes `{name}`, a fixture this file does not define: it may use the loop, and the async test is not sure to run in that loop (pytest-asyncio 1.x runs it in its own)"
        ));
    };
    if def.is_async {
        return Some(format!(
            "the fixture `{name}` the test takes is async: it ran in the plugin's loop, which was not sure to be the one the test drove (the async test would share it)"
        ));
    }
    let text = cx.slice(*def);
    for needle in [
        "run_until_complete",
        "run_forever",
        "new_event_loop",
        "get_event_loop",
        "asyncio.run(",
    ] {
        if text.contains(needle) {
            return Some(format!(
                "the fixture `{name}` the test takes runs or makes an event loop (`{needle}`): the async test is not sure to run in that loop (pytest-asyncio 1.x runs it in its own)"
            ));
        }
    }
    for parameter in def.parameters.iter() {
        let parameter = parameter.name().as_str();
        if parameter == fixture || LOOP_FIXTURES.contains(&parameter) {
            return Some(format!(
                "the fixture `{name}` the test takes uses `{parameter}` too: the async test is not sure to run in that loop (pytest-asyncio 1.x runs it in its own)"
            ));
        }
        if matches!(parameter, "self" | "cls") {
            continue;
        }
        if let Some(reason) = fixture_uses_loop(parameter, fixture, fixtures, cx, seen) {
            return Some(format!("{reason} (through `{name}`)"));
        }
    }
    None
}

fn plugins_autouse(cx: &Checker) -> bool {
    cx.project().plugins(cx.file_name()).autouse_loop_fixture
}

/// Is the loop fixture the test takes one that only makes and closes a loop?
fn check_loop_fixture(
    cx: &Checker,
    fixture: &str,
    fixtures: &[(String, &ast::StmtFunctionDef)],
) -> Result<(), String> {
    if let Some((_, def)) = fixtures.iter().rev().find(|(n, _)| n == fixture) {
        return plain_loop_fixture(cx.imports(), cx.source(), def);
    }
    let plugins = cx.project().plugins(cx.file_name());
    if plugins.custom_loop_fixture {
        return Err("an `event_loop` or `loop` fixture of the project (a conftest.py) does more than make and close a loop (a policy, uvloop, a wider scope), or an `event_loop_policy` fixture chooses the plugin's loops: the async test would run in a loop of another kind or scope".into());
    }
    if fixture == "loop" && !plugins.conftest_loop_fixture {
        return Err("the `loop` fixture is defined neither in this file nor in a conftest.py of the run: it may be a plugin's (pytest-aiohttp's) with loop machinery of its own".into());
    }
    Ok(())
}

fn plan<'a>(
    cx: &Checker<'a>,
    func: &'a ast::StmtFunctionDef,
    class: Option<&'a ast::StmtClassDef>,
    parameter: &'a ast::ParameterWithDefault,
) -> Result<Fix, String> {
    let fixture = parameter.name().as_str();
    if func.is_async {
        return Err(format!(
            "the test is already `async def`: `{fixture}.run_until_complete` inside it fails while its loop runs"
        ));
    }
    if parameter.default.is_some() {
        return Err(format!(
            "`{fixture}` has a default value (pytest does not pass a fixture for it)"
        ));
    }
    if let Some(class) = class {
        if let Some(base) = class
            .bases()
            .iter()
            .find(|b| !matches!(b, Expr::Name(n) if n.id.as_str() == "object"))
        {
            return Err(format!(
                "the class derives from `{}`, which may be a `unittest.TestCase` (no fixtures, an `async def` test never awaited) or bring loop machinery",
                cx.slice(base)
            ));
        }
        class_header(
            cx,
            class,
            allowed_decorator,
            "bring fixtures or run the tests otherwise",
        )?;
    }
    let remove = remove_parameter(cx, func, parameter)?;
    let body = TextRange::new(
        func.body.first().map_or(func.end(), Ranged::start),
        func.end(),
    );
    let text = &cx.source()[body];
    if text.contains(&format!("\"{fixture}\"")) || text.contains(&format!("'{fixture}'")) {
        return Err(format!(
            "the test names the `{fixture}` fixture in a string (`request.getfixturevalue`?): it would get the fixture's loop, not the running one"
        ));
    }
    let parametrized = parametrized(cx, func)
        .ok_or("a `parametrize` mark's argument names are not literal strings")?;
    if parametrized.iter().any(|p| p == fixture) {
        return Err(format!(
            "`{fixture}` is a `parametrize` argument, not the fixture"
        ));
    }
    let fixtures = file_fixtures(cx, class);
    check_loop_fixture(cx, fixture, &fixtures)?;
    let method = class.is_some() && !is_static(func);
    for other in func
        .parameters
        .iter()
        .skip(usize::from(method))
        .map(|p| p.name().as_str())
    {
        if other == fixture || parametrized.iter().any(|p| p == other) {
            continue;
        }
        if let Some(reason) = fixture_uses_loop(other, fixture, &fixtures, cx, &mut Vec::new()) {
            return Err(reason);
        }
    }
    if cx.project().plugins(cx.file_name()).pyfunc_call_hook {
        return Err("a `pytest_pyfunc_call` hook of the project calls the tests itself (a home-made async runner, which may hand async tests the `event_loop` fixture the test would no longer take)".into());
    }
    // Fixtures the test gets without naming them: autouse ones, `usefixtures` in `pytestmark`.
    if plugins_autouse(cx) {
        return Err("an autouse fixture of the project takes the loop fixture: it would keep using that loop while the async test runs in the plugin's".into());
    }
    for (name, def) in &fixtures {
        let autouse = def.decorator_list.iter().any(|d| {
            matches!(&d.expression, Expr::Call(call) if call.arguments.find_keyword("autouse").is_some())
        });
        if autouse
            && let Some(reason) = fixture_uses_loop(name, fixture, &fixtures, cx, &mut Vec::new())
        {
            return Err(format!("{reason} (an autouse fixture)"));
        }
    }
    let marks = cx.suite().iter().chain(class.map_or(&[][..], |c| &c.body[..]));
    for stmt in marks {
        if let Stmt::Assign(assign) = stmt
            && matches!(&assign.targets[..], [Expr::Name(n)] if n.id.as_str() == "pytestmark")
            && cx.slice(&*assign.value).contains("usefixtures")
        {
            return Err("`pytestmark` brings fixtures in with `usefixtures`: they may use the loop".into());
        }
    }
    let plugin = pytest_plugin(cx)?;
    // Unlike `asyncio.run` in a test (asyncio-run-in-test), a test driving a loop fixture does
    // not need pytest-asyncio: the fixture may be the project's own. Without a plugin the
    // async test would not run at all, so one must show in the project.
    let plugins = cx.project().plugins(cx.file_name());
    if !plugins.asyncio && !plugins.anyio {
        return Err("nothing in the files of the run shows pytest-asyncio or anyio's pytest plugin (`pytest.mark.asyncio`, `import pytest_asyncio`, `pytest_plugins`, an `anyio_backend` fixture): without one an async test does not run, and the loop fixture may be the project's own".into());
    }

    let mut plan = Plan {
        edits: Vec::new(),
        dropped: Vec::new(),
        shared: false,
    };
    // The mark first (above the other decorators; `allowed_decorator` refuses a test that
    // already has a plugin's mark): with no other decorator it goes where `async ` is
    // inserted, before it.
    let (mark, import) = pytest_mark(cx, func)?;
    let indent = rewrite::indentation(cx, func);
    plan.edits.push(Edit::insertion(
        format!("@{mark}.{plugin}{}{indent}", cx.line_ending()),
        func.start(),
    ));
    plan.edits.extend(import);
    if !test_method(cx, func, fixture, "", &mut plan, true, allowed_decorator)? {
        return Err(format!("the test does not use `{fixture}`"));
    }
    plan.edits.push(remove);
    if let Some(annotation) = &parameter.parameter.annotation {
        plan.dropped.extend(rewrite::names_in(annotation));
    }
    let mut fix = Fix::unsafe_(plan.edits).with_note(if plugin == "anyio" {
        NOTE_ANYIO
    } else {
        NOTE_PYTEST
    });
    for name in plan.dropped {
        fix = fix.dropping(name);
    }
    Ok(fix)
}

/// The edit that removes the loop parameter (a plain positional-or-keyword parameter, in a
/// list without `/`, `*` or `**`).
fn remove_parameter(
    cx: &Checker,
    func: &ast::StmtFunctionDef,
    parameter: &ast::ParameterWithDefault,
) -> Result<Edit, String> {
    let parameters = &func.parameters;
    let plain = parameters.posonlyargs.is_empty()
        && parameters.vararg.is_none()
        && parameters.kwonlyargs.is_empty()
        && parameters.kwarg.is_none();
    let index = parameters
        .args
        .iter()
        .position(|p| p.range() == parameter.range());
    let (true, Some(index)) = (plain, index) else {
        return Err(format!(
            "`{}` is not a plain parameter of a plain parameter list (`/`, `*`, `**`)",
            parameter.name()
        ));
    };
    let ranges: Vec<TextRange> = parameters.args.iter().map(Ranged::range).collect();
    let range = if ranges.len() == 1 {
        // Everything between the parentheses, a trailing comma included.
        TextRange::new(
            parameters.start() + ruff_text_size::TextSize::from(1),
            parameters.end() - ruff_text_size::TextSize::from(1),
        )
    } else if let Some(next) = ranges.get(index + 1) {
        TextRange::new(ranges[index].start(), next.start())
    } else {
        TextRange::new(ranges[index - 1].end(), ranges[index].end())
    };
    if !cx.comments_in(range).is_empty() {
        return Err(format!("a comment sits next to `{}`", parameter.name()));
    }
    Ok(Edit::deletion(range))
}
