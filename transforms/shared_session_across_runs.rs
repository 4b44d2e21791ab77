//! `shared-session-across-runs`: an `aiohttp.ClientSession` / `httpx.AsyncClient` created at
//! module level.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use crate::checker::Checker;
use crate::edit::Finding;
use crate::registry::{FixSafety, Transform, TransformInfo};

crate::declare_transform! {
    /// ## What it does
    /// Finds `aiohttp.ClientSession(...)` and `httpx.AsyncClient(...)` created when the module
    /// is imported: at top level, in a class body, in a default argument value, anywhere not
    /// inside a function or `lambda` body.
    ///
    /// ## Why is this bad?
    /// An async client pools connections, and the pool belongs to the event loop that first
    /// uses it. A module-level client outlives that loop: the next `asyncio.run()` (another
    /// test, another command) gets sockets and locks of a closed loop ("Event loop is closed",
    /// "attached to a different loop", hangs), and the client is never closed properly.
    /// `aiohttp` also warns when a session is created outside a running loop.
    ///
    /// ## Example
    /// ```python
    /// session = aiohttp.ClientSession()
    ///
    /// async def fetch(url):
    ///     async with session.get(url) as response:
    ///         return await response.text()
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def main():
    ///     async with aiohttp.ClientSession() as session:
    ///         await fetch(session, url)
    /// ```
    ///
    /// ## Fix safety
    /// There is no fix: the client has to be created where its lifetime is known (in `main`,
    /// an application startup hook, a fixture) and passed to its users.
    ///
    /// ## When no fix is made
    /// Always. Clients created inside a function or `lambda` body are not reported, nor are
    /// sync clients (`httpx.Client`, `requests.Session`). Names resolve through imports
    /// (`from aiohttp import ClientSession`, `import httpx as hx`).
    pub struct SharedSessionAcrossRuns {
        id: "shared-session-across-runs",
        summary: "`aiohttp.ClientSession` / `httpx.AsyncClient` created at module level",
        min_version: None,
        safety: FixSafety::None,
    }
}

const CLIENTS: &[&[&str]] = &[&["aiohttp", "ClientSession"], &["httpx", "AsyncClient"]];

impl Transform for SharedSessionAcrossRuns {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        let Some(client) = cx.imports().matches_any(&call.func, CLIENTS) else {
            return;
        };
        if inside_function_body(cx, expr) {
            return;
        }
        let shown = client.join(".");
        let message = format!(
            "`{shown}` created at module level: its connection pool is tied to the first event loop \
             that uses it, and each `asyncio.run()` makes a new one; create it inside `async def` \
             (`async with {shown}() as client:`) and pass it along"
        );
        cx.report(Finding::new(Self::INFO.id, call.range(), message));
    }
}

/// Is `expr` in the body of an enclosing `def` or `lambda` (not its decorators or defaults,
/// which run when the function is defined)?
fn inside_function_body(cx: &Checker, expr: &Expr) -> bool {
    let range = expr.range();
    let in_def = cx.statements().iter().any(|stmt| match stmt {
        Stmt::FunctionDef(func) => func.body.iter().any(|s| s.range().contains_range(range)),
        _ => false,
    });
    let in_lambda = cx.expression_parents().iter().any(|parent| match parent {
        Expr::Lambda(lambda) => lambda.body.range().contains_range(range),
        _ => false,
    });
    in_def || in_lambda
}
