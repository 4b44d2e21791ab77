//! `multiple-asyncio-run`: more than one `asyncio.run(...)` in a non-test module.

use ruff_python_ast::Expr;
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange};

use crate::checker::Checker;
use crate::edit::Finding;
use crate::registry::{FixSafety, Transform, TransformInfo};

crate::declare_transform! {
    /// ## What it does
    /// Finds modules that call `asyncio.run(...)` more than once (anywhere in the file:
    /// top level, functions, branches) and reports every call after the first. Test files
    /// (`test_*.py`, `*_test.py`, and pytest's `conftest.py`) are skipped: each test running
    /// its own loop is normal there.
    ///
    /// ## Why is this bad?
    /// Each `asyncio.run()` creates an event loop, runs one coroutine, cancels what is left and
    /// closes the loop. Objects bound to a loop (sessions, connection pools, locks and queues
    /// created in one run, tasks meant to keep running) do not survive into the next run:
    /// they fail with "attached to a different loop" or "Event loop is closed", or silently
    /// lose their background work. A program should have one loop per process: one
    /// `asyncio.run(main())` with `main` awaiting the steps in order.
    ///
    /// ## Example
    /// ```python
    /// asyncio.run(setup())
    /// asyncio.run(serve())
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def main():
    ///     await setup()
    ///     await serve()
    ///
    /// asyncio.run(main())
    /// ```
    ///
    /// ## Fix safety
    /// There is no fix: merging the runs moves code between loops and changes when leftover
    /// tasks are cancelled.
    ///
    /// ## When no fix is made
    /// Always. Calls in branches that exclude each other (`if`/`else`) are still counted: the
    /// rule cannot tell which run first. Names resolve through imports
    /// (`from asyncio import run`, `import asyncio as aio`).
    pub struct MultipleAsyncioRun {
        id: "multiple-asyncio-run",
        summary: "more than one `asyncio.run(...)` in a non-test module",
        min_version: None,
        safety: FixSafety::None,
    }
}

impl Transform for MultipleAsyncioRun {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        // Collected here, with the imports of the current scope, rather than from
        // `ModuleFacts::asyncio_run_calls` (module imports only): a parameter named `run`
        // shadows `from asyncio import run` inside its function.
        if let Expr::Call(call) = expr
            && cx.imports().matches(&call.func, &["asyncio", "run"])
        {
            cx.state::<RunCalls>().0.push(call.range());
        }
    }

    fn on_end(&self, cx: &mut Checker<'_>) {
        let mut calls = std::mem::take(&mut cx.state::<RunCalls>().0);
        calls.sort_by_key(Ranged::start);
        if is_test_file(cx.file_name()) {
            return;
        }
        let Some((first, rest)) = calls.split_first() else {
            return;
        };
        let source = cx.source();
        let first_line = source[..usize::from(source.line_start(first.start()))]
            .matches('\n')
            .count()
            + 1;
        for call in rest {
            let message = format!(
                "Another `asyncio.run()` in this module (the first is on line {first_line}): each \
                 run creates and closes its own event loop; use one loop per process \
                 (one `asyncio.run(main())` that awaits the steps)"
            );
            cx.report(Finding::new(Self::INFO.id, *call, message));
        }
    }
}

/// The `asyncio.run(...)` calls of the file, in source order.
#[derive(Default)]
struct RunCalls(Vec<TextRange>);

/// `test_*.py`, `*_test.py` or `conftest.py` (the base name of the reported path).
fn is_test_file(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name
        .strip_suffix(".py")
        .or_else(|| name.strip_suffix(".pyi"))
        .unwrap_or(name);
    stem.starts_with("test_") || stem.ends_with("_test") || stem == "conftest"
}
